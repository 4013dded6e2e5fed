"""French mandates found again: the grammar of the Assembly's French versions that gave no mandate, another
entity or another due session than the English (sentences written for these tests in that style)."""
from __future__ import annotations

import pytest
from handmade import resolution

from unkg.ingest.extract import extract, load


def got(text: str, language: str = "fr") -> list[tuple[str | None, str, str | None]]:
    """(entity, task, due session) of each mandate of a one-paragraph GA 78 resolution in `language`."""
    res = extract(resolution([text], symbol="A/RES/78/997", date="2023-12-19", language=language), load())
    return [(m.entity.id.rsplit("/", 1)[-1] if m.entity else None, m.task, m.due_session)
            for pr in res.operative[0].provisions for m in pr.mandates]


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
