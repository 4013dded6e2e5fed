"""French mandates found again: the grammar of the Assembly's French versions that gave no mandate, another
entity or another due session than the English (sentences written for these tests in that style)."""
from __future__ import annotations

import pytest
from handmade import mandates, resolution

from unkg.ingest.extract import extract, load


def got(text: str, language: str = "fr") -> list[tuple[str | None, str, str | None]]:
    """(entity, task, due session) of each mandate of a one-paragraph resolution, in French unless told."""
    return mandates(text, language)


@pytest.mark.parametrize("text, due", [
    ("Prie le Secrétaire général de lui présenter un rapport durant sa quatre-vingt-unième session ;", "81"),
    ("Prie son président d'organiser un débat pendant la quatre-vingtième session ;", "80"),
    ("Prie le Secrétaire général de lui présenter au cours de sa soixante-dix-neuvième session un rapport ;", "79"),
    ("Prie le Secrétaire général de lui présenter un rapport à sa soixante et unième session ;", "61"),
])
def test_french_due_session_during_and_ordinals_with_et(text, due):
    assert [m[2] for m in got(text, "fr")] == [due]


def test_a_special_session_is_no_due_session():
    text = ("Décide d'inscrire à l'ordre du jour provisoire de sa quatre-vingt-unième session la question intitulée "
            "« Suite donnée à la vingt-sixième session extraordinaire de l'Assemblée générale » ;")
    assert got(text, "fr") == [("general-assembly", "agenda_item", "81")]
    assert got("Prie la Commission du désarmement de poursuivre ses travaux conformément au Document final de sa "
               "douzième session extraordinaire ;", "fr") == [("disarmament-commission", "other", None)]


def test_french_lettered_items_are_tasks_of_their_own():
    # "a)" closes a parenthesis it never opened: the tasks after it are still coordinated
    assert got("Prie le Secrétaire général : a) de continuer d'offrir ses bons offices ; b) de nommer un Envoyé "
               "spécial et de lui présenter, à sa quatre-vingt-unième session, un rapport ;", "fr") == [
        ("secretary-general", "assistance", None), ("secretary-general", "establish", None),
        ("secretary-general", "report", "81")]
    assert got("Décide : a) de poursuivre l'examen de la question à sa quatre-vingt-unième session ; b) de prier le "
               "Secrétaire général de lui présenter, à sa quatre-vingt-unième session, un rapport ;", "fr") == [
        ("general-assembly", "agenda_item", "81"), ("secretary-general", "report", "81")]


def test_a_deputy_title_is_not_the_office_it_names():
    # the deputy's full title names no short form "le Secrétaire général" for the paragraphs after it
    res = extract(resolution(["Salue le travail de la Secrétaire générale adjointe aux affaires politiques et à la "
                              "consolidation de la paix ;", "Prie le Secrétaire général de lui présenter un rapport ;"],
                             language="fr", date="2023-12-19"), load())
    assert [(m.entity.id.rsplit("/", 1)[-1], m.task) for pr in res.operative[1].provisions for m in pr.mandates] == \
        [("secretary-general", "report")]


def test_examples_after_tels_que_are_asked_too():
    text = ("Invite les entités des Nations Unies concernées, tels qu'ONU-Femmes, le Programme des Nations Unies pour "
            "le développement et l'Organisation mondiale de la Santé, à faire figurer dans leurs rapports des "
            "informations sur la question ;")
    assert [m[0] for m in got(text)] == ["united-nations-entity-for-gender-equality-and-the-empowerment-of-women",
                                         "united-nations-development-programme", "world-health-organization"]


@pytest.mark.parametrize("text, expected", [
    # the presiding officer named by the session she presides
    ("Prie le Président de sa quatre-vingtième session de nommer deux cofacilitateurs ;",
     [("president-of-the-general-assembly", "establish", "80")]),
    # the feminine noun of the office: "la présidence du Conseil des droits de l'homme"
    ("Prie sa présidence et la présidence du Conseil des droits de l'homme d'organiser une réunion commune ;",
     [("president-of-the-general-assembly", "meeting", None), ("president-of-the-human-rights-council", "meeting", None)]),
    # the Council that appoints a special procedure, named between its title and its subject
    ("Prie le Rapporteur spécial du Conseil des droits de l'homme sur le droit à l'alimentation de lui présenter un "
     "rapport à sa quatre-vingt-unième session ;", [("special-rapporteur-on-the-right-to-food", "report", "81")]),
])
def test_french_titles_of_the_entity(text, expected):
    assert got(text) == expected


def test_feminine_title_of_an_independent_expert():
    res = extract(resolution(["Prend note du rapport de l'Experte indépendante chargée de promouvoir l'exercice par les "
                              "personnes âgées de tous les droits de l'homme ;",
                              "Invite l'Experte indépendante à lui présenter un rapport ;"],
                             language="fr", date="2023-12-19"), load())
    assert [m.entity.id.rsplit("/", 1)[-1] for pr in res.operative[1].provisions for m in pr.mandates] == \
        ["independent-expert-on-the-enjoyment-of-all-human-rights-by-older-persons"]


@pytest.mark.parametrize("text, expected", [
    # a reflexive infinitive after "et à" / "et de" is a task of its own ("à s'abstenir", "de s'efforcer")
    ("Prie le Secrétaire général de renforcer la coordination entre les entités et de s'efforcer d'obtenir des "
     "contributions volontaires ;", [("secretary-general", "other", None), ("secretary-general", "other", None)]),
    ("Invite le Programme des Nations Unies pour le développement à appuyer les stratégies nationales et à s'abstenir "
     "de toute mesure contraire ;", [("united-nations-development-programme", "assistance", None),
                                     ("united-nations-development-programme", "other", None)]),
])
def test_reflexive_infinitive_after_et_is_a_second_task(text, expected):
    assert got(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "à savoir" lists the reports asked for: one mandate each, as the English "a report ... and a report ..."
    ("Prie le Secrétaire général d'établir des rapports, qu'elle examinera à sa quatre-vingt-unième session, à savoir "
     "un rapport sur les faits nouveaux concernant les océans, et un rapport sur le thème de la prochaine réunion ;",
     [("secretary-general", "report", "81"), ("secretary-general", "report", None)]),
    ("Prie le Secrétaire général de lui présenter un rapport intermédiaire à sa quatre-vingtième session et un rapport "
     "final à sa quatre-vingt-unième session ;", [("secretary-general", "report", "80"), ("secretary-general", "report", "81")]),
    # reports cited after "et les", or a report named in a quoted agenda item, are no second deliverable
    ("Prie le Secrétaire général de lui présenter à sa quatre-vingtième session un rapport sur la question, compte tenu "
     "des travaux menés et les rapports des commissions régionales ;", [("secretary-general", "report", "80")]),
    ("Prie le Secrétaire général de lui présenter, à sa quatre-vingtième session, au titre de la question intitulée "
     "« Rapport du Haut-Commissaire des Nations Unies pour les réfugiés », un rapport complet sur l'aide aux réfugiés ;",
     [("secretary-general", "report", "80")]),
])
def test_french_coordinated_reports(text, expected):
    assert got(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "prie celle-ci de ... et de la tenir au courant": the clitic "la" (the Assembly) before a verb is no article
    ("Salue l'action de l'Office de secours et de travaux des Nations Unies pour les réfugiés de Palestine dans le "
     "Proche-Orient et prie celui-ci de poursuivre son action et de la tenir au courant de ses activités ;",
     [("united-nations-relief-and-works-agency-for-palestine-refugees-in-the-near-east", "other", None),
      ("united-nations-relief-and-works-agency-for-palestine-refugees-in-the-near-east", "report", None)]),
    # "le" standing for the report just asked for presents the same deliverable, as "and to present it" does
    ("Prie le Secrétaire général d'établir un rapport sur la question et de le présenter à sa quatre-vingtième "
     "session ;", [("secretary-general", "report", "80")]),
    # "de la mer" is no clitic and verb
    ("Prie le Secrétaire général de promouvoir la protection de la mer et de la terre ;",
     [("secretary-general", "other", None)]),
])
def test_french_object_clitic_before_a_second_infinitive(text, expected):
    assert got(text) == expected
