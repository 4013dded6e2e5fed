"""Mandates where the English, French and Spanish readings of GA 78 disagreed for reasons other than the task
type: budget terms, agreements, addressees and due sessions; sentences written for these tests."""
from __future__ import annotations

import pytest
from handmade import mandates as got


@pytest.mark.parametrize("text", [
    "Also appropriates an amount of 5,000 dollars under section 36, Staff assessment, of the programme budget;",
    "Decides that the assessment rates applicable to the regular budget are applied to half of the grant;",
    "Decides that the total assessment for 2025 under the special account shall be 5 dollars;",
    "Appropriates an amount of 5 dollars under section 2, General Assembly affairs and conference management;",
])
def test_budget_terms_give_no_study_or_meeting(text):
    assert got(text) == []


def test_an_assessment_asked_for_is_still_a_study():
    assert got("Requests the Secretary-General to prepare an assessment of the needs of the Mission;") == \
        [("secretary-general", "study", None)]


@pytest.mark.parametrize("language, text", [
    ("en", "Agrees that, without stronger capacity-building and technical assistance, efforts to reach the Goals "
           "will fail;"),
    ("fr", "Convient que, sans un renforcement des capacités et une assistance technique accrus, les efforts "
           "échoueront ;"),
])
def test_agreeing_that_something_is_true_is_no_mandate(language, text):
    assert got(text, language) == []


def test_agreeing_that_another_entity_acts_is_its_mandate():
    assert got("Agrees that the Committee on the Peaceful Uses of Outer Space should consider the new items;") == \
        [("committee-on-the-peaceful-uses-of-outer-space", "other", None)]


@pytest.mark.parametrize("language, text", [
    ("fr", "Réitère les demandes adressées au Secrétaire général pour qu'il lui présente un rapport à sa "
           "quatre-vingtième session ;"),
    ("fr", "Rappelle qu'elle a demandé au Secrétaire général de lui présenter un rapport à sa quatre-vingtième "
           "session ;"),
    ("en", "Recalls its request to the Secretary-General to submit a report at its eightieth session;"),
])
def test_a_request_made_again_or_recalled_is_a_request(language, text):
    assert got(text, language) == [("secretary-general", "report", "80")]


def test_french_recalled_invitation_to_parties_is_no_mandate():
    assert got("Rappelle qu'elle a invité les Parties à la Convention à reconnaître ce droit ;", "fr") == []


@pytest.mark.parametrize("language, text", [
    ("en", "Decides to include in the provisional agenda of its eightieth session the item entitled \"Oceans\", and "
           "requests the Secretary-General to submit a report on the question to the General Assembly at that "
           "session;"),
    ("fr", "Décide d'inscrire à l'ordre du jour provisoire de sa quatre-vingtième session la question intitulée "
           "« Océans » et prie le Secrétaire général de lui présenter à ladite session un rapport sur la question ;"),
    ("es", "Decide incluir en el programa provisional de su octogésimo período de sesiones el tema titulado "
           "\"Océanos\" y solicita al Secretario General que en ese período de sesiones le presente un informe;"),
])
def test_that_session_is_the_session_named_before(language, text):
    assert got(text, language) == [("general-assembly", "agenda_item", "80"), ("secretary-general", "report", "80")]


def test_the_same_session_in_french_and_the_said_session_in_spanish():
    assert got("Prie le Secrétaire général de lui présenter à sa quatre-vingtième session un rapport et prie le "
               "PNUD de lui rendre compte, à la même session, de ses activités ;", "fr")[-1] == \
        ("united-nations-development-programme", "report", "80")
    assert got("Decide examinar la cuestión en su octogésimo período de sesiones e incluir en el programa provisional "
               "de dicho período de sesiones el tema titulado \"Océanos\";", "es")[-1] == \
        ("general-assembly", "agenda_item", "80")


def test_spanish_second_task_with_contribuyan():
    assert got("Solicita a la Oficina del Alto Comisionado de las Naciones Unidas para los Derechos Humanos que "
               "vigile la situación y contribuya a la aplicación de la presente resolución;", "es") == \
        [("office-of-the-united-nations-high-commissioner-for-human-rights", "other", None)] * 2


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Independent Expert Advisory Panel to consider the data on the index;"),
    ("fr", "Prie le groupe consultatif d'experts indépendants d'examiner les données relatives à l'indice ;"),
    ("es", "Solicita al Grupo Asesor de Expertos Independientes que examine los datos relativos al índice;"),
])
def test_the_expert_advisory_panel_is_no_special_procedure(language, text):
    assert got(text, language) == [("independent-expert-advisory-panel", "other", None)]


@pytest.mark.parametrize("language, text", [
    ("en", "Decides that the work should be carried out with broad participation and that, for this purpose, the "
           "relevant entities should provide the necessary support to the Conference;"),
    ("fr", "Décide que les travaux devraient être menés avec une large participation et que, à cette fin, les entités "
           "compétentes devraient fournir l'appui nécessaire à la Conférence ;"),
    ("es", "Decide que los trabajos deben llevarse a cabo con una amplia participación y que, a tal efecto, las entidades "
           "competentes deben proporcionar el apoyo necesario a la Conferencia;"),
])
def test_a_decisions_second_that_clause_after_an_aside(language, text):
    assert got(text, language) == [("general-assembly", "assistance", None)]


def test_a_decision_on_a_thematic_focus_is_no_mandate():
    assert got("Decides that the thematic focus of the Economic and Social Council for its 2025 session shall be: "
               "(a) Advancing sustainable solutions;") == []


def test_a_resumed_session_is_due():
    assert got("Requests the President of the General Assembly to organize an interactive dialogue during the resumed "
               "seventy-ninth session of the General Assembly;") == [("president-of-the-general-assembly", "meeting", "79")]


@pytest.mark.parametrize("language, text", [
    ("fr", "Décide de recommander à la Sixième Commission de créer, à sa soixante-dix-neuvième session, un groupe de "
           "travail ;"),
    ("en", "Decides to recommend that the Sixth Committee, at the seventy-ninth session of the General Assembly, "
           "establish a working group;"),
])
def test_recommending_that_a_committee_acts_is_its_mandate(language, text):
    assert got(text, language) == [("main-committees-of-the-general-assembly", "establish", "79")]


@pytest.mark.parametrize("language, text", [
    ("en", "Invites relevant envoys of the Secretary-General to participate in the high-level meeting;"),
    ("fr", "Invite les envoyés du Secrétaire général concernés à participer à la réunion de haut niveau ;"),
])
def test_envoys_in_the_plural_are_no_one_envoy(language, text):
    assert got(text, language) == []


def test_a_singular_name_that_ends_in_s_is_still_named():
    assert got("Prie le Fonds des Nations Unies pour l'enfance de participer à la réunion ;", "fr") == \
        [("united-nations-children-s-fund", "other", None)]
    assert got("Invites the Envoy of the Secretary-General on Youth to participate in the meeting;") == \
        [("envoy-of-the-secretary-general-on-youth", "other", None)]


def test_the_spanish_names_of_the_expert_advisory_panel_as_printed():
    assert got("Solicita al Panel Asesor de Expertos Independientes que también considere los datos;", "es") == \
        [("independent-expert-advisory-panel", "other", None)]


def test_a_name_that_qualifies_a_plural_noun_is_asked_nothing():
    assert got("Requests that updates to the terms of reference be made available to all Member States and "
               "Secretariat entities;") == []
    assert got("Requests that the Secretariat make the updates available to Member States;") == \
        [("secretariat", "other", None)]


@pytest.mark.parametrize("language, text", [
    ("fr", "Se félicite des activités que le Centre régional a menées et l'invite à continuer de tenir compte des "
           "propositions des pays de la région ;"),
    ("en", "Welcomes the activities carried out by the Regional Centre, and requests the Centre to continue to take "
           "into account the proposals of the countries of the region;"),
])
def test_a_clitic_before_the_verb_asks_a_body_the_vocabulary_lacks(language, text):
    assert got(text, language) == [(None, "other", None)]


def test_an_entity_through_which_a_body_reports_is_not_asked():
    assert got("Invites the secretariat of the Convention, through the Secretary-General, to report on the "
               "progress made by the Working Group;") == []
    assert got("Requests the Secretary-General to submit through the Department of Global Communications a "
               "report;") == [("secretary-general", "report", None)]


def test_spanish_a_partir_del_session_is_due():
    assert got("Solicita al Secretario General que presente a la Asamblea General, a partir del octogésimo período "
               "de sesiones, un informe anual;", "es") == [("secretary-general", "report", "80")]
    assert got("Solicita a la Oficina de las Naciones Unidas contra la Droga y el Delito que informe a la Comisión de "
               "Prevención del Delito y Justicia Penal en su 34º período de sesiones;", "es")[0][2] == "34"


@pytest.mark.parametrize("text", [
    "Further decides that the opening meeting of the summit will commence at 10 a.m. on Tuesday, 3 March;",
    "Also decides that the plenary meetings of the summit will be held as follows: Tuesday, 3 March: 10 a.m.;",
    "Decides that attendance at the meetings of the forum will be opened to accredited observers;",
    "Decides that the round tables of the summit shall be interactive and multi-stakeholder in nature;",
])
def test_when_how_and_for_whom_a_decided_meeting_is_held_is_no_task(text):
    assert got(text) == []


def test_a_meeting_decided_with_its_date_is_still_a_meeting():
    assert got("Decides to convene a one-day summit on oceans in New York on 3 March 2026;") == \
        [("general-assembly", "meeting", None)]


def test_a_request_without_complement_shares_the_next_clause_complement():
    # "Requests X, and invites Y, to ...": both are asked to do what follows the second
    assert got("Requests the United Nations Development Programme, and invites the World Bank, to support the "
               "national statistical offices;") == [
        ("united-nations-development-programme", "assistance", None), ("world-bank", "assistance", None)]
    assert got("Requests the Secretary-General to submit a report, and invites the World Bank to convene a "
               "meeting;") == [("secretary-general", "report", None), ("world-bank", "meeting", None)]


def test_to_early_warning_is_no_second_infinitive():
    assert got("Invites the World Bank to strengthen its support to data systems and to early warning networks;") \
        == [("world-bank", "assistance", None)]


@pytest.mark.parametrize("text, expected", [
    ("Decides to encourage cooperation with academia to advance research and development in the region;", []),
    ("Requests the Secretary-General to conduct research on the effects of the crisis;",
     [("secretary-general", "study", None)]),
    ("Requests the Board to provide oversight of the implementation of the plan;", [(None, "other", None)]),
])
def test_research_and_development_and_oversight_ask_no_study_or_assistance(text, expected):
    assert got(text) == expected


def test_a_french_recalled_request_asks_a_body_the_vocabulary_lacks():
    assert got("Rappelle qu'elle a demandé au Bureau du Conseiller spécial d'assurer la coordination des "
               "préparatifs de la Conférence ;", "fr") == [(None, "other", None)]
    assert got("Rappelle qu'elle a demandé aux États Membres de verser des contributions ;", "fr") == []


@pytest.mark.parametrize("text, expected", [
    # a participle with no auxiliary qualifies a noun: no meeting asked for
    ("Requests the Secretary-General to digitize the archives currently held in the basements of the Library;",
     [("secretary-general", "other", None)]),
    ("Decides that the high-level meeting shall be held in New York in 2026;", [("general-assembly", "meeting", None)]),
    # a gerund after "consider" or "continue" is read as its verb's cue, as Spanish "siga estudiando"
    ("Requests the Secretary-General to consider supporting initiatives to involve youth in dialogue;",
     [("secretary-general", "assistance", None)]),
    # giving access asks for no support
    ("Requests the Secretariat to make every effort to provide full access to archived videos of meetings;",
     [("secretariat", "other", None)]),
])
def test_english_task_words_the_translations_read_otherwise(text, expected):
    assert got(text) == expected


def test_an_english_gerund_after_continue_is_no_second_task():
    assert got("Invites the Secretary-General to continue coordinating the effort to measure the impacts of hosting, "
               "protecting and assisting refugees;") == [("secretary-general", "assistance", None)]



@pytest.mark.parametrize("text", [
    "Decides that the board will take decisions on its recommendations at the final meeting of the board;",
    "Further decides that the summit, subject to the rules of procedure of the General Assembly, will consist of "
    "plenary meetings and a closing segment;",
])
def test_a_meeting_that_dates_a_decision_or_makes_up_a_summit_is_no_task(text):
    assert got(text) == []


@pytest.mark.parametrize("language, text, expected", [
    # French "constituer" creates only as the task's own verb
    ("fr", "Décide de constituer pour la période 2026-2028 un groupe de travail chargé d'examiner les éléments d'un accord ;",
     [("general-assembly", "establish", None)]),
    ("fr", "Prie le Secrétaire général de poursuivre ses travaux sur un indice qui pourrait constituer un critère "
           "d'accès au financement ;", [("secretary-general", "other", None)]),
    # "se tiendront" as "se tiendra"
    ("fr", "Décide que les tables rondes de la conférence se tiendront à New York ;",
     [("general-assembly", "meeting", None)]),
    # the Advisory Committee named after the Council
    ("fr", "Prie le Conseil des droits de l'homme et le Comité consultatif du Conseil d'accorder l'attention voulue "
           "à la question ;", [("human-rights-council", "other", None),
                               ("human-rights-council-advisory-committee", "other", None)]),
])
def test_french_wordings_that_gave_no_mandate_or_another_entity(language, text, expected):
    assert got(text, language) == expected


@pytest.mark.parametrize("language, text", [
    ("en", "Invites the Special Rapporteur on the right to development to engage in an interactive dialogue with the "
           "General Assembly at its eightieth session;"),
    ("fr", "Invite le Rapporteur spécial sur le droit au développement à entamer un dialogue interactif avec elle à sa "
           "quatre-vingtième session ;"),
    ("es", "Invita al Relator Especial sobre el derecho al desarrollo a que entable un diálogo interactivo con ella en "
           "su octogésimo período de sesiones;"),
])
def test_a_dialogue_with_the_body_is_taken_part_in_alike(language, text):
    assert got(text, language) == [("special-rapporteur-on-the-right-to-development", "other", "80")]


def test_a_decision_on_what_happens_if_something_else_does_asks_nothing_yet():
    assert got("Decides that, for the year 2026, if a decision of the Security Council results in the need for "
               "commitments, that matter shall be brought to the General Assembly;") == []


def test_french_provisions_of_a_paragraph_reaffirmed_restate_its_request():
    assert got("Réaffirme les dispositions du paragraphe 12 de sa résolution 77/300, dans lequel elle a prié le "
               "Secrétaire général de lui présenter un rapport sur la question ;", "fr") == \
        [("secretary-general", "report", None)]
