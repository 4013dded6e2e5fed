"""The shapes' SPARQL constraints read in Python (ingest/shapesparql.py) answer as Oxigraph answers the query.

Each reading is compared with the query run on Oxigraph (with $this substituted, as the checker ran it
before) on the small resolution's graph kept whole and broken in the ways each query looks for: a gap in
the numbers, an unnumbered paragraph, evidence outside its paragraph through each branch of its path. A
reading may say "maybe" where the query has no solution only for values it leaves to pySHACL on purpose
(numbers that are no plain digits, offsets that are no integers); it must never say "no solution" where
the query has one.
"""
from __future__ import annotations

import pyoxigraph as ox
import pytest
import rdflib
from conftest import fixture_module
from rdflib import RDF, URIRef
from rdflib.namespace import SH

from unkg import iris
from unkg.ingest import shapesparql
from unkg.ingest.graph import build_triples
from unkg.ingest.pipeline import ntriples_of
from unkg.ingest.validate import checker, shapes_graph

small = fixture_module("shapes/small.py")

W = iris.work(small.SYMBOL)
PREFIXES = """PREFIX unkg: <https://w3id.org/unkg/ontology#> PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#> PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""
_EVIDENCE = "?a unkg:evidenceFor ?x ; oa:hasTarget/oa:hasSelector ?sel . ?sel oa:start ?s ; oa:end ?e . "
# What a case does to the SPARQL constraints: breaks one, keeps them all, or holds values a reading leaves to
# pySHACL (then it only must not say "no solution" where Oxigraph finds one).
BROKEN, KEPT, DEFER = "broken", "kept", "defer"
# (name, SPARQL update on the small resolution's graph, what it does)
CASES = [
    ("kept whole", "", KEPT),
    ("paragraph 2 removed: 1 and 3", f"DELETE WHERE {{ <{W}/op/2> ?p ?o }}", BROKEN),
    ("paragraph 2 untyped", f"DELETE WHERE {{ <{W}/op/2> a ?t }}", BROKEN),
    ("paragraph 3 numbered 5", f'DELETE {{ <{W}/op/3> eli:number ?n }} INSERT {{ <{W}/op/3> eli:number "5" }} '
                               f'WHERE {{ <{W}/op/3> eli:number ?n }}', BROKEN),
    ("paragraph 3 numbered 03", f'DELETE {{ <{W}/op/3> eli:number ?n }} INSERT {{ <{W}/op/3> eli:number "03" }} '
                                f'WHERE {{ <{W}/op/3> eli:number ?n }}', KEPT),
    ("paragraph 3 numbered 1 twice", f'DELETE {{ <{W}/op/3> eli:number ?n }} INSERT {{ <{W}/op/3> eli:number "1" }} '
                                     f'WHERE {{ <{W}/op/3> eli:number ?n }}', KEPT),
    ("paragraph 3 numbered 3bis", f'DELETE {{ <{W}/op/3> eli:number ?n }} INSERT {{ <{W}/op/3> eli:number "3bis" }} '
                                  f'WHERE {{ <{W}/op/3> eli:number ?n }}', DEFER),
    ("paragraph 3 numbered 3 as an integer", f'DELETE {{ <{W}/op/3> eli:number ?n }} '
                                             f'INSERT {{ <{W}/op/3> eli:number 3 }} WHERE {{ <{W}/op/3> eli:number ?n }}',
     DEFER),
    ("paragraph 3 unnumbered", f"DELETE WHERE {{ <{W}/op/3> eli:number ?n }}", BROKEN),
    ("no paragraph numbered", "DELETE WHERE { ?p eli:number ?n }", KEPT),
    ("paragraph 3 part of another resolution", f"DELETE {{ <{W}/op/3> eli:is_part_of ?w }} INSERT {{ <{W}/op/3> "
                                               f"eli:is_part_of <{W}x> }} WHERE {{ <{W}/op/3> eli:is_part_of ?w }}",
     KEPT),
    ("evidence starting at 0", f'DELETE {{ ?sel oa:start ?s }} INSERT {{ ?sel oa:start "0"^^xsd:nonNegativeInteger }} '
                               f'WHERE {{ {_EVIDENCE} FILTER (?s > 0) }}', BROKEN),
    ("evidence ending past its paragraph", f'DELETE {{ ?sel oa:end ?e }} INSERT {{ ?sel oa:end ?f }} '
                                           f'WHERE {{ {_EVIDENCE} BIND (?e + 100000 AS ?f) }}', BROKEN),
    ("a mandate's evidence ending past its paragraph",
     f'DELETE {{ ?sel oa:end ?e }} INSERT {{ ?sel oa:end ?f }} '
     f'WHERE {{ {_EVIDENCE} ?prov unkg:hasMandate ?x . BIND (?e + 100000 AS ?f) }}', BROKEN),
    ("evidence from another source", f'DELETE {{ ?t oa:hasSource ?src ; oa:hasSelector ?sel . ?sel oa:start ?s }} '
                                     f'INSERT {{ ?t oa:hasSource <{W}/other> ; oa:hasSelector ?sel . '
                                     f'?sel oa:start "0"^^xsd:nonNegativeInteger }} '
                                     f'WHERE {{ ?a unkg:evidenceFor ?x ; oa:hasTarget ?t . ?t oa:hasSource ?src ; '
                                     f'oa:hasSelector ?sel . ?sel oa:start ?s }}', KEPT),
    ("paragraph spans not identifying", "DELETE WHERE { ?span oa:motivatedBy oa:identifying }", KEPT),
    ("evidence offsets as strings", 'DELETE { ?sel oa:start ?s } INSERT { ?sel oa:start ?t } '
                                    f'WHERE {{ {_EVIDENCE} BIND (STR(?s) AS ?t) }}', DEFER),
    ("evidence offsets as strings past the end", 'DELETE { ?sel oa:end ?e } INSERT { ?sel oa:end ?t } '
                                                 f'WHERE {{ {_EVIDENCE} BIND (CONCAT(STR(?e), "0") AS ?t) }}', DEFER),
]


def _queries() -> list[tuple[str, shapesparql.Reading | None, str, URIRef]]:
    """(shape, reading, the query as the checker ran it on Oxigraph, target class) of every SPARQL constraint."""
    sg, c = shapes_graph(), checker()
    out = []
    for shape, _, value in sorted(sg.triples((None, SH.sparql, None))):
        select = str(sg.value(value, SH.select))
        holders = list(sg.objects(value, SH.prefixes))
        declared = {p: ns for h in holders for p, ns in c.declared(h).items()}
        query = "\n".join(c.prefixes(h) for h in holders) + "\n" + select
        out.append((str(shape), shapesparql.reading(select, declared), query, sg.value(shape, SH.targetClass)))
    return out


def test_every_sparql_constraint_of_the_shapes_has_a_reading():
    queries = _queries()
    assert len(queries) == len(shapesparql.READINGS) == 3
    assert all(reading is not None for _, reading, _, _ in queries), [s for s, r, _, _ in queries if r is None]


def test_a_query_changed_in_the_shapes_runs_on_oxigraph_again():
    sg, c = shapes_graph(), checker()
    for constraint in sg.objects(None, SH.sparql):
        select = str(sg.value(constraint, SH.select))
        declared = {p: ns for h in sg.objects(constraint, SH.prefixes) for p, ns in c.declared(h).items()}
        assert shapesparql.reading(" \n".join(select.split(" ")), declared) is not None  # spaced otherwise
        assert shapesparql.reading(select.replace("$this", "?this", 1), declared) is None
        assert shapesparql.reading(select, {**declared, "oa": "http://example.org/oa#"}) is None


@pytest.mark.parametrize("name, update, expected", CASES, ids=[c[0] for c in CASES])
def test_each_reading_answers_as_oxigraph(name, update, expected):
    g = rdflib.Graph()
    for t in build_triples(small.resolution())[1]:
        g.add(t)
    if update:
        before = len(g)
        g.update(PREFIXES + update)
        assert len(g) != before or "DELETE" in update and "INSERT" in update, f"{name}: the update changed nothing"
    triples = list(g)
    nt = ntriples_of(triples)
    store = ox.Store()
    store.load(nt.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    data = checker().data(triples, nt)
    answers = []
    for shape, reading, query, target in _queries():
        for focus in sorted(g.subjects(RDF.type, target)):
            none = next(iter(store.query(query, substitutions={ox.Variable("this"): ox.NamedNode(str(focus))})),
                        None) is None
            said = reading.test(focus, data)
            assert none or not said, f"{name}: {shape} says no solution for {focus}, Oxigraph finds one"
            assert said == none or expected == DEFER, f"{name}: {shape} says {said} for {focus}, Oxigraph {none}"
            answers.append(none)
    if expected != DEFER:
        assert all(answers) == (expected == KEPT), f"{name}: expected {expected}"
