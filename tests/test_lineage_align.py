"""Paragraph alignment, word-level redline and provision changes (unkg.lineage), on hand-made fixtures:
tests/fixtures/lineage/old.txt -> new.txt was written so that each status occurs once or more, with a
renumbering, a move, a split and a strengthened verb; a merge is the same pair read backwards."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from unkg.ingest.extract import extract
from unkg.ingest.model import Paragraph
from unkg.ingest.readers import read
from unkg.lineage.align import align, summary
from unkg.lineage.diff import document, redline
from unkg.lineage.redline import changes, rebuild

FIXTURES = Path(__file__).parent / "fixtures" / "lineage"


@pytest.fixture(scope="module")
def pair():
    return extract(read(FIXTURES / "old.txt")), extract(read(FIXTURES / "new.txt"))


def _para(kind: str, index: int, text: str, number: str | None = None) -> Paragraph:
    return Paragraph(kind=kind, index=index, number=number, verb_text="", text=text)


def test_statuses_on_the_fixture(pair):
    old, new = pair
    got = [(a.status, a.old.index if a.old else None, a.new.index if a.new else None) for a in align(old.paragraphs, new.paragraphs)]
    assert got == [
        ("unchanged", 1, 1), ("revised", 2, 2), ("dropped", 3, None), ("unchanged", 4, 3), ("new", None, 4),
        ("revised", 5, 5),   # op 1: Encourages -> Urges
        ("moved", 7, 6),     # op 3 became op 2, before the paragraph it followed
        ("revised", 6, 7), ("revised", 6, 8),  # op 2 split in two (op 3 and op 4)
        ("revised", 8, 9),   # op 4 -> op 5: seventy-seventh -> seventy-ninth session
        ("unchanged", 9, 10),  # op 5 -> op 6: renumbered, same words
    ]


def test_a_merge_is_a_split_read_backwards(pair):
    old, new = pair
    back = align(new.paragraphs, old.paragraphs)
    into_op2 = [a for a in back if a.new is not None and a.new.number == "2"]
    assert sorted(a.old.number for a in into_op2) == ["3", "4"]
    assert {a.method for a in into_op2} <= {"similar", "merge"} and "merge" in {a.method for a in into_op2}
    assert summary(back)["dropped"] == 1 and summary(back)["new"] == 1


def test_identical_texts_are_all_unchanged(pair):
    old, _ = pair
    al = align(old.paragraphs, old.paragraphs)
    assert summary(al) == {"unchanged": len(old.paragraphs), "revised": 0, "moved": 0, "new": 0, "dropped": 0}


def test_closing_punctuation_and_spacing_are_no_change():
    a = [_para("operative", 1, "Decides to  continue its consideration of the question;", "1"),
         _para("operative", 2, "Requests a report.", "2")]
    b = [_para("operative", 1, "Requests a report;", "1"),
         _para("operative", 2, "Decides to continue its consideration of the question.", "2")]
    statuses = sorted(x.status for x in align(a, b))
    assert statuses == ["moved", "unchanged"]


def test_unrelated_paragraphs_are_new_and_dropped():
    a = [_para("preambular", 1, "Deeply concerned about the effects of the pandemic on fishing communities in small island States,")]
    b = [_para("preambular", 1, "Welcoming the adoption of the Convention on the Law of the Sea and its implementing agreements,")]
    assert [x.status for x in align(a, b)] == ["dropped", "new"]  # nothing kept before it: dropped comes first


def test_provision_changes(pair):
    doc = document(*pair)
    changed = {(p["from_number"], p["to_number"]): p for p in doc["provisions"] if p["changed"]}
    op1 = changed[("1", "1")]
    assert (op1["verb_from"], op1["verb_to"], op1["strength_change"]) == ("encourage", "urge", "strengthened")
    op5 = changed[("4", "5")]
    assert op5["mandate"] == "changed"
    assert (op5["mandate_from"]["due_session"], op5["mandate_to"]["due_session"]) == ("77", "79")
    assert not any(p["changed"] for p in doc["provisions"] if (p["from_number"], p["to_number"]) == ("5", "6"))


def test_redline_reads_like_a_redline(pair):
    text = redline(document(*pair))
    assert text.splitlines()[0] == "A/RES/77/9001 against A/RES/75/9001: 3 unchanged, 5 revised, 1 moved, 1 new, 1 dropped"
    assert "op 1: Encourages (2) -> Urges (4) strengthened" in text
    assert "op 1 REVISED: [-Encourages-]{+Urges+} States to ensure" in text
    assert "seventy-[-seventh-]{+ninth+} session" in text


WORDS = ("States", "the", "human", "rights", "Urges", "encourages", ",", ";", "of", "  ", "\n", "défenseurs",
         "76/174", "(a)", "including", "and", "", "Council")


def _mutate(rng: random.Random, tokens: list[str]) -> list[str]:
    out = list(tokens)
    for _ in range(rng.randint(0, 6)):
        op = rng.choice("idr")
        k = rng.randint(0, len(out))
        if op == "i":
            out.insert(k, rng.choice(WORDS) + rng.choice(" ,"))
        elif out and k < len(out):
            if op == "d":
                del out[k]
            else:
                out[k] = rng.choice(WORDS)
    return out


def test_changes_rebuild_both_texts_exactly():
    """Property: for random texts and random edits of them, equal + delete = old and equal + insert = new."""
    rng = random.Random(20261204)
    for _ in range(2000):
        old = [rng.choice(WORDS) + rng.choice(["", " ", ", "]) for _ in range(rng.randint(0, 30))]
        new = _mutate(rng, old)
        a, b = "".join(old), "".join(new)
        chs = changes(a, b)
        assert rebuild(chs) == (a, b)
        assert all(c["text"] for c in chs)
        assert all(x["op"] != y["op"] for x, y in zip(chs, chs[1:], strict=False))


def test_changes_fold_one_word_islands():
    chs = changes("Urges States to take all measures", "Calls upon States to adopt all measures")
    assert rebuild(chs) == ("Urges States to take all measures", "Calls upon States to adopt all measures")
    assert {"op": "equal", "text": " all measures"} in chs
