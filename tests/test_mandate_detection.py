"""Mandate detection and task, one rule per test, on sentences written for these tests: where a provision's
coordinated infinitives give one task or several, and which words give a task and which only say how."""
from __future__ import annotations

import pytest

from unkg.ingest.extract import extract, load
from unkg.ingest.model import OPERATIVE, Paragraph, Resolution, Source, assemble


def given(text: str) -> list[tuple[str | None, str]]:
    """(entity, task) of each mandate of a one-paragraph General Assembly resolution."""
    return [(m.entity.id.rsplit("/", 1)[-1] if m.entity else None, m.task) for m in _mandates(text)]


def _mandates(text: str, language: str = "en") -> list:
    res = Resolution("A/RES/78/997", "General Assembly", "78", "2023-12-19", language, "test",
                     Source("x", "0" * 64, "text"), paragraphs=[Paragraph(OPERATIVE, 0, "1", text.split()[0], text)])
    res.text = assemble(res.paragraphs)
    return [m for pr in extract(res, load()).operative[0].provisions for m in pr.mandates]


SG, PGA = "secretary-general", "president-of-the-general-assembly"


@pytest.mark.parametrize("text, expected", [
    # "and to" after a purpose set off by a comma continues the purpose, not the request
    ("Requests the Secretary-General to convene a high-level meeting, within existing resources, to mark the "
     "anniversary of the Convention, and to galvanize efforts towards its universal ratification;", [(SG, "meeting")]),
    # two verbs before one object share it
    ("Requests the President of the General Assembly to organize, before the end of 2026, and to preside over two "
     "meetings of an interactive hearing with civil society;", [(PGA, "meeting")]),
    # a parenthesis between "and" and the second infinitive still coordinates it
    ("Requests the Secretary-General to submit a report on the question, and, in consultation with the African "
     "Union, to convene a meeting of experts;", [(SG, "report"), (SG, "meeting")]),
    # the same deliverable named again is one task, a different one with the same modifiers is another
    ("Requests the Secretary-General to prepare a report on the question and to make the report available in "
     "accessible formats;", [(SG, "report")]),
    ("Requests the Secretary-General to continue to provide a logistical package, and, in consultation with the "
     "African Union, to update the logistical plan as appropriate;", [(SG, "assistance"), (SG, "other")]),
])
def test_which_coordinated_infinitives_are_tasks_of_their_own(text, expected):
    assert given(text) == expected


@pytest.mark.parametrize("text, task", [
    # a report cited, or partners consulted, is not what is asked
    ("Requests the High Commissioner to prepare, taking into account the report of the Secretary-General and "
     "future consultations, a plan of action on the question;", "study"),
    ("Requests the Secretary-General to prepare, in consultation with Member States, a study on the question;", "study"),
    ("Requests the Secretary-General to take into account the recommendations contained in previous reports of "
     "the Board of Auditors;", "other"),
    ("Invites the International Law Commission to continue to comment, in its reports to the General Assembly, on "
     "its role;", "report"),
    ("Requests the High Commissioner to facilitate the participation of experts in the meetings of the Expert "
     "Mechanism;", "other"),
    ("Requests the Secretary-General to maintain those efforts in order to meet the needs of the Organization;",
     "other"),
    # "report" gives way to the briefing it is given in; input is no report
    ("Requests the Secretary-General to report progress on the question in his annual briefing to the Council;",
     "oral_update"),
    ("Requests the Secretary-General to report on the question to the General Assembly at its eighty-first "
     "session;", "report"),
    ("Invites the Committee on the Rights of the Child to submit input to the working group;", "other"),
    # to take part in a meeting is not to convene it
    ("Invites the United Nations Development Programme to participate in the high-level meeting;", "other"),
    ("Invites the United Nations Development Programme to actively contribute to the panel discussion;", "other"),
    ("Requests the President of the General Assembly to prepare a summary of the hearing;", "report"),
    ("Requests the Secretary-General to ensure that the Office has the required capacity and resources to fulfil "
     "its mandate;", "assistance"),
    ("Requests the Office of the High Commissioner to make the discussion fully accessible to persons with "
     "disabilities;", "assistance"),
    ("Requests the Secretary-General to convey the main messages of the dialogue to the Economic and Social "
     "Council;", "dissemination"),
])
def test_task_words(text, task):
    assert [t for _, t in given(text)] == [task]


def test_coordinated_deliverables_are_one_mandate_each_with_their_own_due_dates():
    res = [(m.task, m.due_session, m.due_year, m.text) for m in _mandates(
        "Requests the Secretary-General to provide to the General Assembly an interim report on the question at its "
        "eightieth session and a full report on the subject at its eighty-first session;")]
    assert [r[:3] for r in res] == [("report", "80", "2025"), ("report", "81", "2026")]
    assert res[1][3] == "and a full report on the subject at its eighty-first session;"
    res = [(m.task, m.due_year, m.recurrence) for m in _mandates(
        "Requests the Secretary-General to provide to the Council an interim report by 28 March 2026, a final report "
        "no later than 1 September 2026, and periodic updates in between;")]
    assert res == [("report", "2026", "once"), ("report", "2026", "once"), ("report", None, "periodic")]


@pytest.mark.parametrize("text", [
    "Requests the Secretary-General to submit a report to the Council every three months, in reports that include "
    "updates on the mission;",
    "Requests the Secretary-General to report monthly, except in the months where the interim and final reports are "
    "due;",
    "Requests the Secretary-General to include, as an annex to his report to the Council, any annual updates "
    "provided by Member States;",
])
def test_a_deliverable_mentioned_again_is_not_another(text):
    assert len(_mandates(text)) == 1



@pytest.mark.parametrize("text, language", [
    ("Prie le Secrétaire général de régler les questions soulevées dans le rapport du Comité ;", "fr"),
    ("Solicita al Secretario General que resuelva las cuestiones planteadas en el informe del Comité;", "es"),
])
def test_a_cited_report_is_no_task_in_french_and_spanish(text, language):
    assert [m.task for m in _mandates(text, language)] == ["other"]


@pytest.mark.parametrize("text, expected", [
    # a restated request names its addressee after "to"
    ("Reiterates its request to the Secretary-General to include in his annual reports information on the question;",
     [(SG, "report")]),
    ("Reiterates its invitation to the Secretary-General to convene a meeting of experts;", [(SG, "meeting")]),
    # a decision that another named entity shall act is its task, with a cue or without
    ("Further decides that the Secretary-General should continue to exercise his good offices;", [(SG, "other")]),
    ("Decides that all Member States shall freeze the funds of the persons designated by the Committee;", []),
    # a decision that fixes the modalities, the theme or the make-up of what is decided gives no task
    ("Further decides that the proceedings of the high-level meeting will be webcast;", []),
    ("Decides that the organizational arrangements for the panel discussions will be as follows;", []),
    ("Decides that the overall theme of the high-level meeting shall be water for all;", []),
    ("Decides that the Secretary-General's office shall continue to comprise up to twenty staff;", []),
    ("Decides to convene a high-level meeting in 2026 and that the outcome of the high-level meeting shall be a "
     "political declaration;", [("general-assembly", "meeting")]),
    # coordinated clauses with a subject of their own are tasks of their own (a relative "that" is not one)
    ("Also decides that the working group will meet for two sessions each year, and that will be webcast, and that "
     "the organizational session should be held before the end of 2025;",
     [("general-assembly", "meeting"), ("general-assembly", "meeting")]),
])
def test_who_a_decision_or_restated_request_gives_a_task(text, expected):
    assert given(text) == expected


def test_bodies_of_the_system_the_gold_set_found_missing_are_asked():
    assert given("Invites the Expert Mechanism on the Rights of Indigenous Peoples and the Permanent Forum on "
                 "Indigenous Issues to give due consideration to the question;") == [
        ("expert-mechanism-on-the-rights-of-indigenous-peoples", "other"), ("permanent-forum-on-indigenous-issues", "other")]
    assert given("Invites the Inter-Agency Coordination Group against Trafficking in Persons to participate in the "
                 "high-level meeting;") == [("inter-agency-coordination-group-against-trafficking-in-persons", "other")]
