"""The lineage graph of a resolution (unkg.lineage.graph, docs/lineage.md) conforms to shapes/lineage.ttl,
and each lineage shape rejects a violating variant with its message."""
from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import PROV, SH

from unkg import iris
from unkg.ingest.extract import extract
from unkg.ingest.readers import read
from unkg.ingest.validate import shapes_graph, validate
from unkg.lineage.align import align
from unkg.lineage.graph import build, graph_name, series_iri

FIXTURES = Path(__file__).parent / "fixtures" / "lineage"
UNKG = rdflib.Namespace("https://w3id.org/unkg/ontology#")
OLD, NEW = iris.work("A/RES/75/9001"), iris.work("A/RES/77/9001")
LINK = graph_name("A/RES/77/9001") + "/link"
PREFIXES = "PREFIX unkg: <https://w3id.org/unkg/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#> "


@pytest.fixture(scope="module")
def lineage() -> rdflib.Graph:
    old, new = extract(read(FIXTURES / "old.txt")), extract(read(FIXTURES / "new.txt"))
    name, g = build(new, series_iri(old.symbol), old, align(old.paragraphs, new.paragraphs), 0.9,
                    ["cites A/RES/75/9001", "same title"])
    assert name == NEW + "/lineage"
    return g


def test_lineage_graph_conforms_and_says_what_docs_say(lineage):
    report = validate(lineage)
    assert report.conforms, report.summary
    w, prev = rdflib.URIRef(NEW), rdflib.URIRef(OLD)
    assert (w, PROV.wasRevisionOf, prev) in lineage
    assert (w, UNKG.inSeries, rdflib.URIRef(series_iri("A/RES/75/9001"))) in lineage
    # op 2 was split into op 3 and op 4; op 1 stayed op 1; op 5 was renumbered to op 6
    assert (rdflib.URIRef(NEW + "/op/3"), PROV.wasDerivedFrom, rdflib.URIRef(OLD + "/op/2")) in lineage
    assert (rdflib.URIRef(NEW + "/op/4"), PROV.wasDerivedFrom, rdflib.URIRef(OLD + "/op/2")) in lineage
    assert (rdflib.URIRef(NEW + "/op/6"), PROV.wasDerivedFrom, rdflib.URIRef(OLD + "/op/5")) in lineage
    counts = {str(p).rsplit("#")[-1]: int(o) for p, o in lineage.predicate_objects(rdflib.URIRef(LINK))
              if str(p).endswith("Count")}
    assert counts == {"unchangedCount": 3, "revisedCount": 5, "movedCount": 1, "newCount": 1, "droppedCount": 1}
    statuses = [str(o).rsplit("#")[-1] for o in lineage.objects(None, UNKG.alignmentStatus)]
    assert sorted(statuses) == sorted(["unchanged"] * 3 + ["revised"] * 5 + ["moved", "new", "dropped"])
    assert not any(isinstance(t, rdflib.BNode) for triple in lineage for t in triple)


def test_first_of_a_series_has_no_predecessor():
    new = read(FIXTURES / "new.txt")
    _, g = build(new, series_iri(new.symbol))
    assert not list(g.objects(None, PROV.wasRevisionOf)) and validate(g).conforms


CASES = [
    ("SeriesShape", "DELETE WHERE { ?s prov:hadMember ?w }", "prov:hadMember", "at least one member"),
    ("SeriesLinkShape", f"DELETE WHERE {{ <{LINK}> prov:entity ?p }}", "prov:entity", "exactly one predecessor"),
    ("SeriesLinkShape", f'DELETE {{ <{LINK}> unkg:linkScore ?s }} INSERT {{ <{LINK}> unkg:linkScore 1.5 }} '
                        f'WHERE {{ <{LINK}> unkg:linkScore ?s }}', "linkScore", "from 0 to 1"),
    ("ParagraphAlignmentShape", "DELETE { ?a unkg:alignmentStatus ?s } INSERT { ?a unkg:alignmentStatus unkg:mangled } "
                                f"WHERE {{ ?a unkg:toParagraph <{NEW}/op/1> ; unkg:alignmentStatus ?s }}",
     "alignmentStatus", "exactly one status"),
    ("ParagraphAlignmentShape", f"DELETE WHERE {{ ?a unkg:toParagraph <{NEW}/pp/4> }}", None, "a source"),
]


def test_every_lineage_shape_has_a_violating_case():
    sg = shapes_graph()
    lineage_shapes = {str(s).split("#")[1] for s in sg.subjects(rdflib.RDF.type, SH.NodeShape)
                      if str(s).split("#")[1] in {"SeriesShape", "SeriesLinkShape", "ParagraphAlignmentShape"}}
    assert lineage_shapes == {c[0] for c in CASES}


@pytest.mark.parametrize("shape,update,path,words", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_lineage_violations(lineage, shape, update, path, words):
    g = rdflib.Graph()
    for t in lineage:
        g.add(t)
    g.update(PREFIXES + update)
    report = validate(g)
    assert not report.conforms
    assert words in report.text, report.text
    if path:
        assert path in report.text
