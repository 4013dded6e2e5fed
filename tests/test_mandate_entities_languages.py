"""Who a mandate is given to and when it is due, the same in English, French and Spanish, on sentences written
for these tests: a short name means the body the resolution names in full, a session that dates a publication is
not due, and a session named after "al comienzo del" is."""
from __future__ import annotations

import pytest
from handmade import mandates as got
from handmade import resolution

from unkg.ingest.extract import extract, load


def _all(texts: list[str], language: str) -> list[tuple[str | None, str, str | None]]:
    res = extract(resolution(texts, symbol="A/RES/78/996", date="2023-12-19", language=language), load())
    return [(m.entity.id.rsplit("/", 1)[-1] if m.entity else None, m.task, m.due_session)
            for p in res.operative for pr in p.provisions for m in pr.mandates]


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Secretary-General to transmit to the Commission the official records of the eightieth "
           "session of the General Assembly on these matters;"),
    ("en", "Requests the Secretary-General to transmit to the Agency the records of the eightieth session of the "
           "General Assembly;"),
    ("fr", "Prie le Secrétaire général de transmettre à la Commission tous les documents officiels de sa "
           "quatre-vingtième session portant sur ces questions ;"),
    ("fr", "Prie le Secrétaire général de communiquer à l'Agence les comptes rendus des débats de sa "
           "quatre-vingtième session ;"),
    ("es", "Solicita al Secretario General que transmita al Organismo las actas de las deliberaciones celebradas en "
           "su octogésimo período de sesiones;"),
])
def test_the_session_of_published_records_is_not_due(language, text):
    assert got(text, language) == [("secretary-general", "dissemination", None)]


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Secretary-General to appoint, at the beginning of the eighty-first session, two "
           "co-facilitators;"),
    ("es", "Solicita al Secretario General que nombre a dos cofacilitadores al comienzo del octogésimo primer "
           "período de sesiones;"),
])
def test_a_session_at_whose_beginning_the_task_is_due(language, text):
    assert got(text, language) == [("secretary-general", "establish", "81")]


def test_the_spanish_session_of_a_commission_named_before_it_is_due():
    # "del Delito y Justicia Penal en su 34º período": "del" of a name opens no session
    assert got("Solicita a la Oficina de las Naciones Unidas contra la Droga y el Delito que informe a la Comisión "
               "de Prevención del Delito y Justicia Penal en su 36º período de sesiones;", "es") == \
        [("united-nations-office-on-drugs-and-crime", "report", "36")]


MISSION = "united-nations-organization-stabilization-mission-in-the-democratic-republic-of-the-congo"
COMMITTEE = ("special-committee-to-investigate-israeli-practices-affecting-the-human-rights-of-the-palestinian-"
             "people-and-other-arabs-of-the-occupied-territories")


@pytest.mark.parametrize("language, texts", [
    ("en", ["Commends the United Nations Organization Stabilization Mission in the Democratic Republic of the Congo "
            "for its work;", "Requests the Mission to continue to support the electoral process;"]),
    ("fr", ["Félicite la Mission de l'Organisation des Nations Unies pour la stabilisation en République "
            "démocratique du Congo de son travail ;", "Prie la Mission de continuer à appuyer le processus "
            "électoral ;"]),
])
def test_the_mission_is_the_mission_named_in_full(language, texts):
    assert _all(texts, language)[-1][0] == MISSION


def test_a_name_that_goes_on_with_to_and_a_capitalised_verb():
    texts = ["Takes note of the work of the Special Committee to Investigate Israeli Practices Affecting the Human "
             "Rights of the Palestinian People and Other Arabs of the Occupied Territories;",
             "Requests the Special Committee to continue to investigate the situation;"]
    assert _all(texts, "en")[-1][0] == COMMITTEE


@pytest.mark.parametrize("language, texts", [
    ("es", ["Acoge con beneplácito la labor del Presidente de la Asamblea General;",
            "Invita al Presidente-Relator del Grupo de Trabajo a que presente oralmente un informe;"]),
    ("en", ["Welcomes the work of the President of the General Assembly;",
            "Invites the Chair-Rapporteur of the Working Group to present an oral report;"]),
])
def test_a_hyphenated_title_is_not_the_president_of_the_assembly(language, texts):
    assert all(e != "president-of-the-general-assembly" for e, _, _ in _all(texts, language))


@pytest.mark.parametrize("language, text", [
    ("en", "Decides: (a) To request the Special Coordinator for Lighthouses to continue to submit reports to the "
           "General Assembly and the Economic and Social Council;"),
    ("fr", "Décide : a) de prier le Coordonnateur spécial pour les phares de continuer à lui présenter, ainsi qu'au "
           "Conseil économique et social, des rapports ;"),
    ("es", "Decide: a) Solicitar al Coordinador Especial para los Faros que siga presentando informes a la Asamblea "
           "General y al Consejo Económico y Social;"),
])
def test_a_decision_to_ask_someone_unknown_is_theirs_not_the_bodys(language, text):
    assert got(text, language) == [(None, "report", None)]


@pytest.mark.parametrize("language, text", [
    ("en", "Decides to request Member States to submit their views to the Secretary-General;"),
    ("es", "Decide solicitar a los Estados Miembros que presenten sus opiniones al Secretario General;"),
])
def test_a_decision_to_ask_states_gives_no_unknown_entity_a_task(language, text):
    assert all(e is not None for e, _, _ in got(text, language))


def test_a_report_submitted_for_consideration_is_a_report():
    # the consideration is the Council's, not a task of paying attention
    assert got("Requests the Secretary-General to submit for consideration a progress report to the Human Rights "
               "Council at its sixty-first session;") == [("secretary-general", "report", "61")]
    assert got("Requests the Secretary-General to give due consideration to the views of Member States;") == \
        [("secretary-general", "other", None)]


@pytest.mark.parametrize("text", [
    "Requests the Secretary-General to improve the accessibility of conference facilities in all conference-servicing "
    "duty stations;",
    "Requests the Secretary-General to improve the accessibility of the conference-servicing duty stations;",
    "Requests the Secretary-General to strengthen the provision to the Commission of conference support services;",
])
def test_conference_facilities_and_services_are_no_meeting(text):
    assert [t for _, t, _ in got(text)] != ["meeting"]


def test_appropriate_resources_are_assistance():
    assert got("Requests the Secretary-General to ensure the allocation of appropriate resources to the Division;") == \
        [("secretary-general", "assistance", None)]


@pytest.mark.parametrize("language, text", [
    ("en", "Reiterates its request to the Secretary-General and to the President of the General Assembly to organize "
           "the high-level meeting;"),
    ("fr", "Prie de nouveau le Secrétaire général et le Président de l'Assemblée générale d'organiser la réunion de "
           "haut niveau ;"),
])
def test_each_entity_a_repeated_request_names_gets_the_task(language, text):
    assert [e for e, _, _ in got(text, language)] == ["secretary-general", "president-of-the-general-assembly"]


@pytest.mark.parametrize("language, text", [
    ("es", "Invita a los órganos creados en virtud de tratados y al Secretario General a que difundan la presente "
           "resolución;"),
    ("fr", "Invite les rapporteurs spéciaux et le Secrétaire général à diffuser la présente résolution ;"),
])
def test_a_collective_printed_noun_first_is_not_named(language, text):
    assert [e for e, _, _ in got(text, language)] == ["secretary-general"]


def test_a_french_title_in_lower_case_gives_its_short_name():
    texts = ["Prend note du rapport du Groupe de travail intergouvernemental sur l'application effective de la "
             "Déclaration et du Programme d'action de Durban ;",
             "Prie le Groupe de travail intergouvernemental de lui présenter un rapport à sa quatre-vingtième session ;"]
    assert _all(texts, "fr")[-1] == (
        "intergovernmental-working-group-on-the-effective-implementation-of-the-durban-declaration-and-programme-of-"
        "action", "report", "80")
