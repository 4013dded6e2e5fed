"""Mandates, one kind per test, on paragraphs written for these tests and the package's vocabularies: several
mandates per provision, tasks, due sessions and years, recurrence, periods, review clauses, resources, who
is (and is not) mandated, French and Spanish, and the graph and shapes of several mandates."""
from __future__ import annotations

import pytest
from handmade import resolution
from rdflib import XSD, Literal, URIRef

from unkg import iris
from unkg.ingest.extract import extract, load
from unkg.ingest.graph import OA, UNKG, build
from unkg.ingest.model import Resolution
from unkg.ingest.validate import validate


def make(texts: list[str], language: str = "en", body: str = "General Assembly", symbol: str = "A/RES/78/998",
         session: str = "78") -> Resolution:
    return extract(resolution(texts, symbol=symbol, body=body, session=session, date="2023-12-19", language=language), load())


def mandates(res: Resolution, para: int = 1) -> list:
    return [m for pr in res.operative[para - 1].provisions for m in pr.mandates]


def who(m) -> str | None:
    return m.entity.id.rsplit("/", 1)[-1] if m.entity else None


def test_one_provision_gives_a_report_and_a_meeting():
    res = make(["Requests the Secretary-General to submit to the General Assembly at its eighty-first session a "
                "report on the work done, and to convene in 2027 a high-level meeting on the question;"])
    report, meeting = mandates(res)
    assert (who(report), report.task, report.due_session, report.due_year) == ("secretary-general", "report", "81", "2026")
    assert [c.id.rsplit("/", 1)[-1] for c in report.recipients] == ["general-assembly"]
    assert (who(meeting), meeting.task, meeting.due_session, meeting.due_year) == ("secretary-general", "meeting", None, "2027")
    assert res.text[meeting.start:meeting.end] == meeting.text and meeting.text.startswith("and to convene")
    assert report.recurrence == meeting.recurrence == "once"


def test_agenda_decision_of_the_adopting_body():
    (m,) = mandates(make(['Decides to include in the provisional agenda of its eighty-second session the item '
                          'entitled "Water for all".']))
    assert (who(m), m.task, m.due_session, m.due_year) == ("general-assembly", "agenda_item", "82", "2027")


def test_council_extends_a_mandate_for_a_period_with_its_holder():
    (m,) = mandates(make(["Decides to extend the mandate of the Special Rapporteur on the right to food for a "
                          "period of three years;"], body="Human Rights Council", symbol="A/HRC/RES/57/998"))
    assert (who(m), m.task, m.period) == ("special-rapporteur-on-the-right-to-food", "extend_mandate", "three years")


def test_oral_update_to_the_council_and_its_year():
    (m,) = mandates(make(["Requests the High Commissioner to present an oral update to the Human Rights Council at "
                          "its sixtieth session;"], body="Human Rights Council", symbol="A/HRC/RES/57/998"))
    assert (m.task, m.due_session, m.due_year) == ("oral_update", "60", "2025")


@pytest.mark.parametrize("words, recurrence, frequency", [
    ("to report to the Security Council every 90 days on the situation", "periodic", "every 90 days"),
    ("to convene the meeting biennially", "biennial", "biennially"),
    ("to continue to report annually on his activities", "annual", "annually"),
    ("to submit a report at its eighty-first session", "once", None),
])
def test_recurrence_and_its_wording(words, recurrence, frequency):
    (m,) = mandates(make([f"Requests the Secretary-General {words};"]))
    assert (m.recurrence, m.frequency) == (recurrence, frequency)


def test_existing_resources_and_review_clause():
    (m,) = mandates(make(["Requests the Secretary-General, within existing resources, to organize a workshop;"]))
    assert (m.task, m.within_existing_resources, m.review_clause) == ("meeting", True, False)
    (plain,) = mandates(make(["Requests the Secretary-General to organize a workshop;"]))
    assert not plain.within_existing_resources
    (review,) = mandates(make(["Decides to establish a panel of experts and to evaluate its functioning after two "
                               "years;"], body="Security Council", symbol="S/RES/2999 (2025)"))
    assert (review.task, review.review_clause) == ("establish", True)


@pytest.mark.parametrize("text", [
    "Calls upon States to submit a report on their measures;",
    "Requests Member States to convene national consultations;",
    "Encourages the Secretary-General to submit a report;",
    "Invites civil society to organize a workshop;",
    "Requests all relevant United Nations entities to support the initiative;",
])
def test_no_mandate_for_states_others_or_collectives(text):
    assert mandates(make([text])) == []


def test_invitation_to_a_named_entity_and_one_per_entity():
    res = make(["Invites the Special Rapporteur on the right to food to give due consideration to the question;",
                "Requests the Secretary-General and the United Nations High Commissioner for Human Rights to "
                "provide all the assistance necessary to the working group;"])
    (inv,) = mandates(res, 1)
    assert (who(inv), inv.task) == ("special-rapporteur-on-the-right-to-food", "other")
    assert [(who(m), m.task) for m in mandates(res, 2)] == [
        ("secretary-general", "assistance"), ("united-nations-high-commissioner-for-human-rights", "assistance")]


def test_second_infinitive_on_the_same_deliverable_is_one_mandate():
    (m,) = mandates(make(["Requests the Office of the United Nations High Commissioner for Human Rights to prepare "
                          "a study on the question, and to present the study to the Human Rights Council at its "
                          "sixty-first session;"], body="Human Rights Council", symbol="A/HRC/RES/57/998"))
    assert (m.task, m.due_session, m.due_year) == ("study", "61", "2026")


def test_sub_paragraphs_that_each_ask_a_task():
    res = make(["Requests the Secretary-General: (a) To submit a report on the question at its eighty-first "
                "session; (b) To disseminate the present resolution widely;"])
    assert [(who(m), m.task, m.due_session) for m in mandates(res)] == [
        ("secretary-general", "report", "81"), ("secretary-general", "dissemination", None)]


def test_a_body_the_vocabulary_does_not_know_is_a_mandate_without_entity():
    (m,) = mandates(make(["Requests the open-ended working group to submit a report on progress made to the "
                          "Human Rights Council at its sixty-second session;"], body="Human Rights Council",
                         symbol="A/HRC/RES/57/998"))
    assert (m.entity, m.task, m.due_session) == (None, "report", "62")


def test_french_and_spanish_give_the_same_mandates():
    fr = make(["Prie le Secrétaire général de lui présenter, à sa quatre-vingt-unième session, un rapport sur "
               "la question et de convoquer une réunion de haut niveau ;"], language="fr")
    es = make(["Solicita al Secretario General que le presente en su octogésimo primer período de sesiones un "
               "informe sobre la cuestión y que convoque una reunión de alto nivel;"], language="es")
    for res in (fr, es):
        assert [(who(m), m.task, m.due_session) for m in mandates(res)] == [
            ("secretary-general", "report", "81"), ("secretary-general", "meeting", None)]


def test_graph_of_several_mandates_conforms_and_carries_evidence():
    res = make(["Requests the Secretary-General to submit a report at its eighty-first session and to convene "
                "a meeting every year;"])
    name, g = build(res)
    assert validate(g).conforms
    prov = URIRef(iris.provision(iris.paragraph(res.symbol, "operative", "1"), 1))
    first, second = URIRef(iris.mandate(str(prov))), URIRef(iris.mandate(str(prov), 2))
    assert set(g.objects(prov, UNKG.hasMandate)) == {first, second}
    assert g.value(first, UNKG.task) == URIRef(iris.task("report"))
    assert g.value(first, UNKG.dueYear) == Literal("2026", datatype=XSD.gYear)
    assert g.value(second, UNKG.recurrence) == URIRef(iris.recurrence("annual"))
    assert g.value(second, UNKG.frequency) == Literal("every year", lang="en")
    for m in (first, second):
        (a,) = [a for a in g.subjects(UNKG.evidenceFor, m) if g.value(a, UNKG.evidenceProperty) == UNKG.task]
        assert g.value(a, OA.hasBody) == g.value(m, UNKG.task)


def test_french_demande_asks_a_named_entity_but_not_states():
    (m,) = mandates(make(["Demande au Secrétariat de publier le rapport sur son site Web ;"], language="fr"))
    assert (who(m), m.task) == ("secretariat", "dissemination")
    assert mandates(make(["Demande aux États de présenter un rapport ;"], language="fr")) == []
