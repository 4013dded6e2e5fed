"""The lineage competency questions (ontology/queries/cq23-cq25) on a real store holding a three-member
series written for the purpose (tests/fixtures/lineage: 75/9001 -> 77/9001 -> 79/9001): 77/9001 turns
"Encourages" into "Urges" in op 1, 79/9001 turns it back and adds op 5; op 7 of 79/9001 keeps the words
of 75/9001's op 5."""
from __future__ import annotations

from pathlib import Path

import pytest

from unkg import iris, ontology
from unkg.cli import main
from unkg.store import open_store

FIXTURES = Path(__file__).parent / "fixtures" / "lineage"
QUERIES = {q.name: q.sparql for q in ontology.queries()}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    location = str(tmp_path_factory.mktemp("cq") / "store")
    files = [str(FIXTURES / n) for n in ("old.txt", "new.txt", "newer.txt")]
    assert main(["ingest", "--store", location, "-q", *files]) == 0
    s = open_store(location, read_only=True)
    yield s
    s.close()


def _ask(store, name: str, old: str, new: str) -> list[dict[str, str]]:
    q = next(v for k, v in QUERIES.items() if k.startswith(name))
    assert old in q
    return [{k: str(v) for k, v in row.items()} for row in store.select(q.replace(old, new))]


def test_new_operative_paragraphs(store):
    rows = _ask(store, "cq23", '"A/RES/78/216"', '"A/RES/79/9001"')
    assert [(r["predecessor"], r["number"]) for r in rows] == [("A/RES/77/9001", "5")]
    assert rows[0]["text"].startswith("Decides to convene")
    assert _ask(store, "cq23", '"A/RES/78/216"', '"A/RES/75/9001"') == []  # first of its series


def test_obligations_strengthened_and_weakened_across_the_series(store):
    rows = _ask(store, "cq24", '"A/RES/78/216"', '"A/RES/75/9001"')
    got = {(r["from"], r["to"], r["fromNumber"], r["toNumber"], r["change"]) for r in rows}
    assert ("A/RES/75/9001", "A/RES/77/9001", "1", "1", "strengthened") in got
    assert ("A/RES/77/9001", "A/RES/79/9001", "1", "1", "weakened") in got
    assert all(r["change"] in ("strengthened", "weakened") for r in rows)


def test_first_resolution_holding_a_wording(store):
    seized = iris.work("A/RES/79/9001") + "/op/7"
    rows = _ask(store, "cq25", f"<{iris.work('A/RES/78/216')}/op/27>", f"<{seized}>")
    assert [r["first"] for r in rows] == ["A/RES/75/9001"]
    # op 1 says "Encourages" again, as 75/9001 did before 77/9001's "Urges": the wording first appeared there
    restored = iris.work("A/RES/79/9001") + "/op/1"
    rows = _ask(store, "cq25", f"<{iris.work('A/RES/78/216')}/op/27>", f"<{restored}>")
    assert [r["first"] for r in rows] == ["A/RES/75/9001"]
    new = iris.work("A/RES/79/9001") + "/op/5"
    rows = _ask(store, "cq25", f"<{iris.work('A/RES/78/216')}/op/27>", f"<{new}>")
    assert [r["first"] for r in rows] == ["A/RES/79/9001"]
    renumbered = iris.work("A/RES/77/9001") + "/op/3"  # the first half of 75/9001's op 2, split
    rows = _ask(store, "cq25", f"<{iris.work('A/RES/78/216')}/op/27>", f"<{renumbered}>")
    assert [r["first"] for r in rows] == ["A/RES/77/9001"]
