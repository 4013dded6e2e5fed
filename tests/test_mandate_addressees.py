"""Who is asked, on sentences written for these tests (no corpus): a group or a whole system is no body that
could be held to a task, a relation asked for among bodies is no one's task, an approved text asks nothing of
the body, and "the Commission" of a resolution that names in full a commission the vocabulary lacks is that
commission, not a known one named once. docs/mandates.md says which corpus wording each rule follows."""
from __future__ import annotations

import pytest
from handmade import mandates as got
from handmade import resolution

from unkg.ingest.extract import extract, load


@pytest.mark.parametrize("language, text", [
    ("en", "Invites the regional groups to propose candidates for the bureau of the forum;"),
    ("fr", "Invite les groupes régionaux à proposer des candidats pour le bureau du forum ;"),
    ("es", "Invita a los grupos regionales a que propongan candidatos para la mesa del foro;"),
    ("en", "Requests the development system to support the least developed countries in their transition;"),
])
def test_a_group_or_a_system_is_asked_nothing(language, text):
    assert got(text, language) == []


def test_one_body_the_vocabulary_lacks_is_still_asked():
    assert got("Requests the expert group to submit a report to the Assembly at its eightieth session;") == \
        [(None, "report", "80")]


def test_a_relation_among_bodies_is_no_one_s_task():
    assert got("Invites closer cooperation among the United Nations Development Programme and the World Health "
               "Organization on primary care;") == []
    assert got("Invites the United Nations Development Programme to cooperate with the World Health Organization;") \
        == [("united-nations-development-programme", "other", None)]


@pytest.mark.parametrize("language, text", [
    ("en", "Decides to approve the following amendment to the rules of the fund: the board shall review each "
           "grant and report to the donors;"),
    ("fr", "Décide d'approuver la modification suivante du règlement du fonds : le conseil examine chaque don ;"),
    ("es", "Decide aprobar la siguiente enmienda del reglamento del fondo: la junta examinará cada donación;"),
])
def test_an_approved_text_asks_nothing_of_the_body(language, text):
    assert got(text, language) == []


def _who(texts: list[str], language: str = "en") -> list[list[str | None]]:
    res = extract(resolution(texts, symbol="A/RES/78/997", date="2023-12-19", language=language), load())
    return [[m.entity.id.rsplit("/", 1)[-1] if m.entity else None for pr in p.provisions for m in pr.mandates]
            for p in res.operative]


def test_the_commission_is_the_one_the_resolution_names_in_full():
    named = ["Welcomes the work of the Commission on Crime Prevention and Criminal Justice on piracy;",
             "Notes the workload of the Commission on the Limits of the Continental Shelf;",
             "Welcomes the submissions made to the Commission on the Limits of the Continental Shelf;",
             "Invites the Commission to continue to meet for twenty weeks a year;"]
    assert _who(named)[3] == [None]  # a commission the vocabulary lacks, not the one named once
    known = named[:1] + ["Invites the Commission to continue to meet for twenty weeks a year;"]
    assert _who(known)[1] == ["commission-on-crime-prevention-and-criminal-justice"]
    es = ["Acoge con beneplácito la labor de la Comisión de Prevención del Delito y Justicia Penal;",
          "Observa el volumen de trabajo de la Comisión de Límites de la Plataforma Continental;",
          "Acoge con beneplácito las presentaciones hechas a la Comisión de Límites de la Plataforma Continental;",
          "Invita a la Comisión a que siga reuniéndose veinte semanas al año;"]
    assert _who(es, "es")[3] == [None]


def test_a_request_made_in_a_clause_asks_for_its_verb():
    assert got("Requests that the President of the General Assembly, in line with past practice, appoint two "
               "co-facilitators to lead the consultations;") == [("president-of-the-general-assembly", "establish", None)]


def test_the_modalities_of_a_body_decided_already_are_no_task():
    assert got("Decides that the scope, structure, content and modalities of the new forum shall be agreed by "
               "consensus at the meetings of the working group;") == []


def test_a_study_cited_is_not_asked_for():
    assert got("Requests the Secretary-General to seek the views of States on the options set out in the study "
               "annexed to the report of the Secretary-General of 10 May 2020;") == [("secretary-general", "other", None)]


def test_forwarding_records_is_dissemination_and_consultations_as_means_are_no_meeting():
    assert got("Requests the Secretary-General to forward to the Commission the records of the debate;") == \
        [("secretary-general", "dissemination", None)]
    assert got("Requests the Secretary-General to seek ways, including through consultations with regional "
               "organizations, to ensure access to the region;") == [("secretary-general", "other", None)]


def test_an_event_described_as_to_be_held_is_no_meeting_asked_for():
    assert got("Invites the United Nations Environment Programme to continue to serve as a platform for exchange among "
               "countries, including through a World Forum on Coral Reefs, to be held every three years;") == \
        [("united-nations-environment-programme", "other", None)]
    assert got("Requests the Secretary-General to convene a meeting of experts in 2026;") == \
        [("secretary-general", "meeting", None)]


def test_a_short_name_defined_in_parentheses_is_that_body_s():
    fr = ["Prend note des travaux de la Commission des limites du plateau continental (la Commission) ;",
          "Salue la coopération avec la Commission de l'Union africaine et la Commission de l'Union africaine ;",
          "Invite la Commission à continuer de se réunir vingt semaines par an ;"]
    assert set(_who(fr, "fr")[2]) == {None}  # not the African Union, named twice
    en = ["Takes note of the work of the Commission on Crime Prevention and Criminal Justice (the Commission);",
          "Invites the Commission to continue to meet for twenty weeks a year;"]
    assert _who(en)[1] == ["commission-on-crime-prevention-and-criminal-justice"]


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Working Group to continue its work on a legal definition, taking into account the proposal "
           "made in the report submitted to the Commission on Human Rights at its sixtieth session;"),
    ("fr", "Prie le Groupe de travail de poursuivre ses travaux sur une définition juridique, en tenant compte de la "
           "proposition faite dans le rapport qu'il a présenté à la Commission des droits de l'homme à sa "
           "soixantième session ;"),
])
def test_the_session_of_a_report_already_made_is_not_due(language, text):
    assert [m[2] for m in got(text, language)] == [None]


def test_for_this_purpose_opens_a_provision_of_its_own():
    assert got("Decides that the Sixth Committee shall continue its consideration of the question, and for this "
               "purpose reiterates its decision to establish, at its eightieth session, a working group;") == \
        [("main-committees-of-the-general-assembly", "agenda_item", None)]


@pytest.mark.parametrize("language, text", [
    ("fr", "Décide d'examiner la question de l'utilisation de drones comme moyen de violer les droits humains et "
           "d'empêcher l'exercice du droit des peuples à disposer d'eux-mêmes à sa quatre-vingtième session ;"),
    ("en", "Decides to consider the question of the use of drones as a means of violating human rights and impeding "
           "the exercise of the right of peoples to self-determination at its eightieth session;"),
])
def test_a_decision_s_words_without_a_task_of_their_own_belong_to_the_task_before(language, text):
    assert got(text, language) == [("general-assembly", "agenda_item", "80")]


@pytest.mark.parametrize("language, text", [
    ("fr", "Décide que le nouveau groupe de travail travaillera par consensus, sans préjudice des positions que chaque "
           "État prendra dans de futures négociations, et tiendra à Genève sa session d'organisation en 2025 ;"),
    ("en", "Decides that the new working group will work by consensus, without prejudice to the positions that each "
           "State takes in future negotiations, and will hold its organizational session in Geneva in 2025;"),
])
def test_a_state_in_a_relative_clause_is_not_bound_by_the_decision(language, text):
    assert got(text, language) == [("general-assembly", "meeting", None)]
