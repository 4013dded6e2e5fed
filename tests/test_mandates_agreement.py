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
