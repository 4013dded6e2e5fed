"""Tasks one provision takes from another in the same paragraph, the same in English, French and Spanish: a
request whose addressees share the next provision's complement, and a task that repeats the one asked before it
(sentences written for these tests in the style of the Assembly's texts)."""
from __future__ import annotations

import pytest
from handmade import mandates

UNEP = "united-nations-environment-programme"
UNDP = "united-nations-development-programme"
WHO = "world-health-organization"


def test_a_request_without_complement_shares_the_next_one():
    text = ("Requests the United Nations Environment Programme, and invites the United Nations Development Programme "
            "and the World Health Organization, in cooperation with regional organizations, to provide technical "
            "assistance to small island developing States;")
    assert mandates(text) == [(UNEP, "assistance", None), (UNDP, "assistance", None), (WHO, "assistance", None)]


def test_a_request_with_its_own_complement_keeps_its_task():
    text = ("Requests the United Nations Environment Programme to submit a report on the question, and invites the "
            "United Nations Development Programme to provide technical assistance to small island developing States;")
    assert mandates(text) == [(UNEP, "report", None), (UNDP, "assistance", None)]


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the United Nations Environment Programme to provide technical assistance to small island "
           "developing States, and invites the United Nations Development Programme to do likewise;"),
    ("fr", "Prie le Programme des Nations Unies pour l'environnement de fournir une assistance technique aux petits "
           "États insulaires en développement et invite le Programme des Nations Unies pour le développement à "
           "faire de même ;"),
    ("es", "Solicita al Programa de las Naciones Unidas para el Medio Ambiente que preste asistencia técnica a los "
           "pequeños Estados insulares en desarrollo e invita al Programa de las Naciones Unidas para el Desarrollo "
           "a que haga lo propio;"),
])
def test_doing_likewise_is_the_task_asked_before(language, text):
    assert mandates(text, language) == [(UNEP, "assistance", None), (UNDP, "assistance", None)]


def test_to_before_an_adjective_is_no_task():
    # "and to early warning systems": a second object of "relating to", no infinitive
    text = ("Requests the United Nations Environment Programme to intensify its support for activities relating to "
            "capacity-building and to early warning systems in developing countries;")
    assert len(mandates(text)) == 1
