"""The queries benchmark calls two engines' answers the same only when they are the same question's answer."""
from __future__ import annotations

import importlib.util
import subprocess
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "queries.py"
CONCAT = 'SELECT ?e (GROUP_CONCAT(DISTINCT ?s; separator=", ") AS ?list) WHERE { ?e <p> ?s } GROUP BY ?e'


def _queries():
    spec = importlib.util.spec_from_file_location("bench_queries", BENCH)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_decimals_divided_to_different_precisions_are_the_same() -> None:
    q = _queries()
    oxigraph = [{"share": Literal("0.666666666666666666", datatype=XSD.decimal)}]
    rdflib = [{"share": Literal("0.6666666666666666666666666667", datatype=XSD.decimal)}]
    assert q.normalise(oxigraph) == q.normalise(rdflib)
    assert q.normalise(oxigraph) != q.normalise([{"share": Literal("0.67", datatype=XSD.decimal)}])


def test_a_group_concat_is_compared_as_its_items_whatever_their_order() -> None:
    q = _queries()
    e = URIRef("https://example.org/e")
    one = [{"e": e, "list": Literal("A/RES/78/1, A/RES/77/2")}]
    other = [{"e": e, "list": Literal("A/RES/77/2, A/RES/78/1")}]
    assert q.normalise(one, CONCAT) == q.normalise(other, CONCAT)
    assert q.normalise(one, CONCAT) != q.normalise([{"e": e, "list": Literal("A/RES/77/2")}], CONCAT)
    assert q.normalise(one) != q.normalise(other)  # another column's text keeps its order


def test_before_adds_a_question_only_as_it_read_otherwise_at_that_revision() -> None:
    q = _queries()
    folder = q.ROOT / "ontology" / "queries"
    shown = subprocess.run(["git", "-C", str(q.ROOT), "show", "HEAD:ontology/queries/cq16_modalities_by_actor.rq"],
                           capture_output=True, text=True)
    if shown.returncode != 0:
        pytest.skip("not a git checkout: --before reads earlier questions from git")
    text = shown.stdout
    assert q.earlier(folder, "cq16_modalities_by_actor", text, "HEAD") == []
    [(name, old)] = q.earlier(folder, "cq16_modalities_by_actor", text.replace("LIMIT 1000", "LIMIT 10"), "HEAD")
    assert (name, old) == ("cq16_modalities_by_actor @HEAD", text)
    assert q.earlier(folder, "no_such_question", text, "HEAD") == []


def test_the_ratio_is_against_rdflibs_fastest_form_that_gives_the_same_answers() -> None:
    q = _queries()
    as_asked = ("as asked", (2.0, 2.1, 1.9, [{}]))
    union = ("union form", (0.5, 0.6, 0.4, [{}]))
    assert q.best_form([as_asked, union], [True, True]) == ("union form", union[1], False)
    assert q.best_form([as_asked, union], [True, False]) == ("as asked", as_asked[1], False)
    assert q.best_form([as_asked, ("union form", None)], [True, False]) == ("as asked", as_asked[1], False)
    stopped = ("as asked", (120.0, 120.0, float("nan"), None))
    assert q.best_form([stopped, union], [False, True]) == ("union form", union[1], False)
    assert q.best_form([stopped], [False])[2] is True  # no answer in time: a lower bound


def test_the_sample_sizes_are_numbers_separated_by_commas() -> None:
    q = _queries()
    assert q.parse_sizes("300,1000") == [300, 1000]
    assert q.parse_sizes(q.SIZES) == [300, 1000]
    with pytest.raises(SystemExit):
        q.parse_sizes("300,many")


def test_blocks_around_a_graph_are_unwrapped_and_a_joined_graph_keeps_its_graph() -> None:
    q = _queries()
    text = ("SELECT ?w (COUNT(*) AS ?n) { { SELECT * { ?g <realizes> ?w } } "
            "{ SELECT * { GRAPH ?g { ?p <strength> ?s } } } } GROUP BY ?w")
    plain = q.one_pattern(text)
    assert "SELECT *" not in plain and "GRAPH ?g { ?p <strength> ?s }" in plain
    assert not q.graphs_only_in_graph(plain)  # without the GRAPH, ?g would join nothing: a cross product
    assert q.graphs_only_in_graph("SELECT * { GRAPH ?g { ?p <strength> ?s } }")
