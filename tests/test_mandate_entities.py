"""Who a mandate is given to, on hand-made resolutions (no corpus): a body named only in the title, the title
of the person heading a body, an Under-Secretary-General, an expert named by the arrangement that appoints
him. Each sentence is written for the test; docs/mandates.md says which corpus wording each rule follows.
"""
from __future__ import annotations

from handmade import resolution

from unkg.ingest.extract import extract, load
from unkg.ingest.model import Resolution


def make(texts: list[str], body: str = "General Assembly", title: str = "test") -> Resolution:
    return extract(resolution(texts, symbol="A/RES/78/997", body=body, date="2023-12-19", title=title), load())


def who(res: Resolution, para: int) -> list[str | None]:
    return [m.entity.id.rsplit("/", 1)[-1] if m.entity else None
            for pr in res.operative[para - 1].provisions for m in pr.mandates]


def test_the_body_a_title_names_is_the_working_group_of_its_paragraphs():
    wg = "open-ended-intergovernmental-working-group-on-the-human-rights-of-older-persons"
    texts = ["Decides that the working group shall hold its first session in Geneva before the end of the year;",
             "Requests the working group to submit a progress report to the Council at its sixtieth session;"]
    res = make(texts, "Human Rights Council",
               "Open-ended intergovernmental working group on the human rights of older persons")
    assert who(res, 1) == [wg] and who(res, 2) == [wg]
    untitled = make(texts, "Human Rights Council")
    assert who(untitled, 2) == [None]  # no title, no full name: a working group the vocabulary cannot tell


def test_the_title_of_the_head_of_a_body_is_that_body():
    unitad = "united-nations-investigative-team-to-promote-accountability-for-crimes-committed-by-da-esh-isil"
    res = make(["Recalls that the Investigative Team, headed by a Special Adviser, collects evidence in Iraq;",
                "Requests the Special Adviser to brief the Council every six months on the work of the Team;"],
               "Security Council")
    assert who(res, 2) == [unitad]


def test_an_under_secretary_general_is_not_the_secretary_general():
    res = make(["Requests the Under-Secretary-General for Political and Peacebuilding Affairs to keep Member "
                "States informed of the requests for electoral assistance;",
                "Requests the Under-Secretary-General for Safety and Security to report to the Assembly;",
                "Requests the Secretary-General to report to the Assembly at its eightieth session;"])
    assert who(res, 1) == ["under-secretary-general-for-political-and-peacebuilding-affairs"]
    assert who(res, 2) == [None]  # an office the vocabulary does not know, not the Secretary-General
    assert who(res, 3) == ["secretary-general"]


def test_the_expert_the_high_commissioner_appoints_on_haiti():
    res = make(["Decides to renew for one year the mandate of the independent human rights expert appointed by "
                "the High Commissioner to monitor the human rights situation in Haiti;"], "Human Rights Council")
    assert who(res, 1) == ["independent-expert-on-the-situation-of-human-rights-in-haiti"]


def test_the_panel_of_experts_of_a_resolution_on_one_country_is_that_country_s():
    texts = ["Condemns the violence of armed gangs in Haiti and supports the people of Haiti;",
             "Requests the Panel of Experts to submit a final report to the Council by 1 March 2026;"]
    res = make(texts, "Security Council")
    assert who(res, 2) == ["panel-of-experts-on-haiti"]
    two = make(["Welcomes the cooperation between Libya and Mali;", texts[1]], "Security Council")
    assert who(two, 2) == ["security-council-panels-of-experts"]  # about no one country: the panels in general
    sudan = make(["Notes the situation in South Sudan and calls on South Sudan to comply;", texts[1]],
                 "Security Council")
    assert who(sudan, 2) == ["panel-of-experts-on-south-sudan"]  # not the Sudan's, whose name it ends with


def test_a_regime_body_named_once_in_full_names_the_regime_of_the_others():
    res = make(["Recalls the reports of the Panel of Experts on the CAR established pursuant to its earlier "
                "resolution, and the situation in Chad and the Sudan;",
                "Requests the Panel of Experts to submit a final report to the Council by 1 March 2026;"],
               "Security Council")
    assert who(res, 2) == ["panel-of-experts-on-the-central-african-republic"]


def test_a_request_about_an_entity_s_deliverable_asks_that_entity():
    res = make(["Requests that the reports of the Secretary-General to the General Assembly and the Human Rights "
                "Council include data disaggregated by age;",
                "Requests that the Special Representative of the Secretary-General and UNAMI assist the "
                "Government;"])
    assert who(res, 1) == ["secretary-general"]  # not the bodies the reports go to
    assert "secretary-general" not in who(res, 2)  # a title before "of" is someone else


def test_them_after_the_body_s_own_decision_are_those_it_invited():
    res = make(["Decides to invite representatives of the Committee against Torture to attend the sessions of the "
                "working group as resource persons, and invites them to submit written input to the working group "
                "for its consideration;"], "Human Rights Council",
               "Open-ended intergovernmental working group on the human rights of older persons")
    invited = [m for pr in res.operative[0].provisions[1:] for m in pr.mandates]
    assert [m.entity.id.rsplit("/", 1)[-1] for m in invited] == ["committee-against-torture"]
