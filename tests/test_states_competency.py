"""The Member States' competency questions (cq20-cq22) on a fixture of three recorded votes, with answers
counted by hand from the votes and sponsors written below."""
from __future__ import annotations

import dataclasses

import pyoxigraph as ox
import pytest
from conftest import fixture_module

from unkg import ontology
from unkg.ingest.graph import build
from unkg.ingest.model import Vote

small = fixture_module("shapes/small.py")
QUERIES = {q.name: q for q in ontology.queries()}

# symbol: (votes by State as the metadata names them, sponsors)
VOTES = {
    "A/RES/78/9991": ({"FRANCE": "Y", "BRAZIL": "Y", "COLOMBIA": "Y", "CHINA": "N"}, ["COLOMBIA", "BRAZIL", "FRANCE"]),
    "A/RES/78/9992": ({"FRANCE": "Y", "BRAZIL": "A", "COLOMBIA": "Y", "CHINA": "N"}, ["COLOMBIA", "BRAZIL"]),
    "A/RES/78/9993": ({"FRANCE": "N", "BRAZIL": "Y", "CHINA": "N"}, ["CHILE", "COLOMBIA"]),
}


@pytest.fixture(scope="module")
def store() -> ox.Store:
    st = ox.Store()
    for symbol, (by_state, sponsors) in VOTES.items():
        res = dataclasses.replace(small.resolution(), symbol=symbol, sponsors=sponsors,
                                  vote=Vote("recorded vote", by_state=by_state))
        for lang in ("en", "fr"):  # two language versions: answers must not repeat
            name, g = build(dataclasses.replace(res, language=lang))
            st.load(g.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(name))
    for path in ontology.vocab_paths():
        st.load(path=str(path), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode("https://w3id.org/unkg/vocab"))
    return st


def ask(store: ox.Store, name: str) -> list[dict[str, str]]:
    result = store.query(QUERIES[name].sparql, use_default_graph_as_union=True)
    names = [v.value for v in result.variables]
    return [{n: t.value for n, t in zip(names, row, strict=True) if t is not None} for row in result]


def test_agreement_of_france_and_brazil(store):
    # both voted on all three: same on 9991 only; 9992 is yes beside an abstention (half for Lijphart)
    [row] = ask(store, "cq20_voting_agreement")
    assert (row["votes"], row["agreeing"]) == ("3", "1")
    assert float(row["agreement"]) == pytest.approx(1 / 3) and float(row["lijphart"]) == pytest.approx(1.5 / 3)


def test_states_voting_no_on_resolutions_addressing_business(store):
    rows = ask(store, "cq21_no_votes_on_business")
    assert [(r["stateLabel"], r["symbol"]) for r in rows] == [
        ("China", "A/RES/78/9991"), ("China", "A/RES/78/9992"), ("China", "A/RES/78/9993"), ("France", "A/RES/78/9993")]


def test_co_sponsors_of_colombia(store):
    rows = {(r["otherLabel"], r["together"]) for r in ask(store, "cq22_co_sponsors")}
    assert rows == {("Brazil", "2"), ("France", "1"), ("Chile", "1")}
