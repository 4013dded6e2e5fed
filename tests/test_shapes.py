"""SHACL shapes: each node shape accepts the conforming fixture and rejects a violating variant of it with the
expected focus node, path and message. The conforming fixture is graph.build of tests/fixtures/shapes/small.py;
each violating fixture is that graph changed by one SPARQL Update (table below)."""
from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from conftest import fixture_module
from rdflib.namespace import SH

from unkg import iris
from unkg.ingest.graph import build
from unkg.ingest.validate import shapes_graph, validate

small = fixture_module("shapes/small.py")

W = iris.work(small.SYMBOL)
E = W + "/en"
OP1, OP2, PP1 = f"{W}/op/1", f"{W}/op/2", f"{W}/pp/1"
PREFIXES = """PREFIX unkg: <https://w3id.org/unkg/ontology#> PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#> PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""
# The evidence that provision op/1/prov/1 addresses States, and its position selector.
STATES_EVIDENCE = f"""?a unkg:evidenceFor <{OP1}/prov/1> ; unkg:evidenceProperty unkg:addressee ; oa:hasTarget ?t .
                      ?t oa:hasSelector ?sel . ?sel a oa:TextPositionSelector ; oa:start ?s ; oa:end ?e ."""

# shape, SPARQL Update making the violation, expected focus node (IRI or a SELECT for it), path, words of the message
CASES = [
    ("ResolutionShape", f'DELETE {{ <{W}> dcterms:identifier ?i }} INSERT {{ <{W}> dcterms:identifier "A/RES/78-9999" }} '
                        f'WHERE {{ <{W}> dcterms:identifier ?i }}',
     W, "http://purl.org/dc/terms/identifier", "exactly one symbol"),
    ("ResolutionShape", f"DELETE WHERE {{ <{OP2}> ?p ?o }}", W, None, "no paragraph 2 before it"),
    ("ExpressionShape", f"DELETE WHERE {{ <{E}> dcterms:language ?l }}",
     E, "http://purl.org/dc/terms/language", "exactly one language"),
    ("ExpressionShape", f"INSERT DATA {{ <{E}> eli:language <http://id.loc.gov/vocabulary/iso639-1/en> }}",
     E, "http://data.europa.eu/eli/ontology#language", "language authority"),
    ("ResolutionShape", f'INSERT DATA {{ <{W}> eli:type_document "resolution" }}',
     W, "http://data.europa.eu/eli/ontology#type_document", "resource-type table"),
    ("OperativeParagraphShape", f'INSERT DATA {{ <{OP1}> rdf:value "Another text"@en }}',
     OP1, "http://www.w3.org/1999/02/22-rdf-syntax-ns#value", "share a number"),
    ("PreambularParagraphShape", f'INSERT DATA {{ <{PP1}> eli:number "1" }}',
     PP1, "http://data.europa.eu/eli/ontology#number", "has no printed number"),
    ("SubParagraphShape", f'DELETE {{ <{OP1}/a> eli:number "a" }} INSERT {{ <{OP1}/a> eli:number "(a)" }} WHERE {{}}',
     f"{OP1}/a", "http://data.europa.eu/eli/ontology#number", "without brackets"),
    ("FootnoteShape", f"DELETE WHERE {{ <{W}/fn/1> unkg:marker ?m }}",
     f"{W}/fn/1", "https://w3id.org/unkg/ontology#marker", "exactly one marker"),
    ("VoteShape", f"DELETE {{ <{W}/vote> unkg:votesAgainst ?n }} INSERT {{ <{W}/vote> unkg:votesAgainst -2 }} "
                  f"WHERE {{ <{W}/vote> unkg:votesAgainst ?n }}",
     f"{W}/vote", "https://w3id.org/unkg/ontology#votesAgainst", "0 or more"),
    ("ProvisionShape", f"INSERT DATA {{ <{OP1}/prov/1> unkg:verb <https://w3id.org/unkg/vocab/verbs/urge> }}",
     f"{OP1}/prov/1", "https://w3id.org/unkg/ontology#verb", "exactly one operative verb"),
    ("MandateShape", "DELETE { ?m unkg:task ?t } INSERT { ?m unkg:task <https://w3id.org/unkg/vocab/tasks/lunch> } "
                     "WHERE { ?m unkg:task ?t }",
     f"{OP2}/prov/1/mandate", "https://w3id.org/unkg/ontology#task", "concept of the task types scheme"),
    ("MandateShape", "DELETE WHERE { ?m unkg:recurrence ?r }",
     f"{OP2}/prov/1/mandate", "https://w3id.org/unkg/ontology#recurrence", "exactly one recurrence"),
    ("MandateShape", 'DELETE { ?m unkg:dueYear ?y } INSERT { ?m unkg:dueYear "2024" } WHERE { ?m unkg:dueYear ?y }',
     f"{OP2}/prov/1/mandate", "https://w3id.org/unkg/ontology#dueYear", "xsd:gYear"),
    ("AnnotationShape", f"DELETE {{ ?a oa:motivatedBy ?m }} INSERT {{ ?a oa:motivatedBy oa:tagging }} "
                        f"WHERE {{ ?a oa:hasBody <{PP1}> ; oa:motivatedBy ?m }}",
     f"SELECT ?a WHERE {{ ?a oa:hasBody <{PP1}> }}", "http://www.w3.org/ns/oa#motivatedBy", "oa:identifying"),
    ("EvidenceStatementShape", f"DELETE {{ ?a unkg:evidenceProperty ?p }} WHERE {{ {STATES_EVIDENCE} ?a unkg:evidenceProperty ?p }}",
     f"SELECT ?a WHERE {{ ?a unkg:evidenceFor <{OP1}/prov/1> ; oa:hasBody <https://w3id.org/unkg/vocab/actors/states> }}",
     "https://w3id.org/unkg/ontology#evidenceProperty", "names the property"),
    ("SpecificResourceShape", f"DELETE {{ ?t oa:hasSource ?x }} INSERT {{ ?t oa:hasSource <{W}/de> }} "
                              f"WHERE {{ {STATES_EVIDENCE} ?t oa:hasSource ?x }}",
     f"SELECT ?t WHERE {{ {STATES_EVIDENCE} }}", "http://www.w3.org/ns/oa#hasSource", "exactly one expression"),
    ("TextPositionSelectorShape", f"DELETE {{ ?sel oa:start ?s ; oa:end ?e }} INSERT {{ ?sel oa:start ?e ; oa:end ?s }} "
                                  f"WHERE {{ {STATES_EVIDENCE} }}",
     f"SELECT ?sel WHERE {{ {STATES_EVIDENCE} }}", "http://www.w3.org/ns/oa#start", "before its end"),
    ("EvidenceInParagraphShape", f'DELETE {{ ?sel oa:start ?s }} INSERT {{ ?sel oa:start "1"^^xsd:nonNegativeInteger }} '
                                 f"WHERE {{ {STATES_EVIDENCE} }}", E, None, "lies outside the paragraph"),
    ("EvidenceInParagraphShape", f'DELETE {{ ?sel oa:end ?e }} INSERT {{ ?sel oa:end "100000"^^xsd:nonNegativeInteger }} '
                                 f"WHERE {{ {STATES_EVIDENCE} }}", E, None, "-100000 lies outside the paragraph"),
    ("TextPositionSelectorShape", f'DELETE {{ ?sel oa:end ?e }} INSERT {{ ?sel oa:end "12" }} WHERE {{ {STATES_EVIDENCE} }}',
     f"SELECT ?sel WHERE {{ {STATES_EVIDENCE} }}", "http://www.w3.org/ns/oa#end", "one end offset"),
    ("TextQuoteSelectorShape", 'DELETE { ?q oa:exact ?x } INSERT { ?q oa:exact "" } WHERE { ?q oa:exact ?x ; a oa:TextQuoteSelector . '
                               'FILTER (?x = "States") }',
     'SELECT ?q WHERE { ?q oa:exact "States" }', "http://www.w3.org/ns/oa#exact", "exact words quoted"),
    ("ActivityShape", "DELETE { ?a prov:wasAssociatedWith ?x } INSERT { ?a prov:wasAssociatedWith <urn:someone> } "
                      "WHERE { ?a prov:wasAssociatedWith ?x }",
     "SELECT ?a WHERE { ?a a prov:Activity }", "http://www.w3.org/ns/prov#wasAssociatedWith", "unkg software agent"),
    ("SourceShape", 'DELETE { ?s unkg:sha256 ?h } INSERT { ?s unkg:sha256 "not-a-digest" } WHERE { ?s unkg:sha256 ?h }',
     "SELECT ?s WHERE { ?s a prov:Entity }", "https://w3id.org/unkg/ontology#sha256", "SHA-256 digest"),
]


@pytest.fixture(scope="module")
def conforming() -> rdflib.Graph:
    return build(small.resolution())[1]


def _copy(g: rdflib.Graph) -> rdflib.Graph:
    out = rdflib.Graph()
    for t in g:
        out.add(t)
    return out


def _results(g: rdflib.Graph) -> list[tuple[str, str | None, str, str]]:
    """(focus node, path, message, source shape) of each violation, by running pySHACL through validate()."""
    from pyshacl import validate as shacl

    conforms, rg, _ = shacl(g, shacl_graph=shapes_graph(), inference="none", allow_warnings=True)
    out = []
    for r in rg.subjects(rdflib.RDF.type, SH.ValidationResult):
        if rg.value(r, SH.resultSeverity) != SH.Violation:
            continue
        path = rg.value(r, SH.resultPath)
        shape = rg.value(r, SH.sourceShape)
        out.append((str(rg.value(r, SH.focusNode)), None if isinstance(path, rdflib.BNode) or path is None else str(path),
                    str(rg.value(r, SH.resultMessage)), str(shape)))
    return out


def test_conforming_fixture_passes(conforming):
    report = validate(conforming)
    assert report.conforms, report.summary
    assert report.summary == "conforms" and report.violations == 0


def test_every_node_shape_has_a_violating_case():
    sg = shapes_graph()
    lineage = rdflib.Graph().parse(Path(__file__).parents[1] / "shapes" / "lineage.ttl")
    declared = {str(s).split("#")[1] for s in sg.subjects(rdflib.RDF.type, SH.NodeShape)
                if sg.value(s, SH.severity) in (None, SH.Violation)  # warnings: see the numbering test below
                and (s, rdflib.RDF.type, SH.NodeShape) not in lineage}  # tests/test_lineage_graph.py
    assert declared == {c[0] for c in CASES}
    assert len(declared) >= 8


@pytest.mark.parametrize("shape,update,focus,path,words", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_violation_names_focus_path_and_message(conforming, shape, update, focus, path, words):
    g = _copy(conforming)
    if focus.startswith("SELECT"):
        rows = list(g.query(PREFIXES + focus))
        assert len(rows) == 1, f"the focus query should find one node before the change, found {len(rows)}"
        focus = str(rows[0][0])
    g.update(PREFIXES + update)
    report = validate(g)
    assert not report.conforms
    results = _results(g)
    hits = [r for r in results if r[0] == focus and r[1] == path and words in r[2]]
    assert hits, f"expected a violation at {focus} / {path} with '{words}', got: {results}"
    assert focus in report.summary  # the one-line summary names the focus node


def test_symbol_patterns_accept_the_forms_the_un_prints(conforming):
    for symbol in ["A/RES/78/216", "A/HRC/RES/54/1", "S/RES/2720 (2023)", "S/PRST/2023/1", "A/RES/75/101 A-B",
                   "A/RES/ES-11/1", "A/HRC/RES/S-35/1", "A/RES/2200 A (XXI)", "E/RES/2023/1"]:
        g = _copy(conforming)
        g.update(f'{PREFIXES} DELETE {{ <{W}> dcterms:identifier ?i }} INSERT {{ <{W}> dcterms:identifier "{symbol}" }} '
                 f'WHERE {{ <{W}> dcterms:identifier ?i }}')
        assert validate(g).conforms, symbol
    for bad in ["A/RES/78", "RES/78/216", "S/RES/2720(2023)x"]:
        g = _copy(conforming)
        g.update(f'{PREFIXES} DELETE {{ <{W}> dcterms:identifier ?i }} INSERT {{ <{W}> dcterms:identifier "{bad}" }} '
                 f'WHERE {{ <{W}> dcterms:identifier ?i }}')
        assert not validate(g).conforms, bad


def test_missing_title_is_a_warning_not_a_violation(conforming):
    g = _copy(conforming)
    g.update(f"{PREFIXES} DELETE WHERE {{ <{W}> dcterms:title ?t }}")
    report = validate(g)
    assert report.conforms and report.warnings == 1
    assert report.summary == "conforms (1 warning(s))"  # sh:conforms means no results at all


def test_expression_without_language_authority_is_a_warning(conforming):
    g = _copy(conforming)
    g.update(f"{PREFIXES} DELETE WHERE {{ <{E}> eli:language ?l }}")
    report = validate(g)
    assert report.conforms and report.warnings == 1 and "language authority" in report.text


def test_numbering_per_part():
    res = small.resolution()
    for p in res.paragraphs:
        p.part = "A" if p.number in (None, "1", "2") else "B"
    # part B starts at 3: a gap in part B
    report = validate(build(res)[1])
    assert not report.conforms and "no paragraph 2 before it" in report.summary
    res.paragraphs[-1].number = "1"
    res.paragraphs[-1].provisions = []
    assert validate(build(res)[1]).conforms


def test_an_unnumbered_paragraph_among_numbered_ones_is_a_warning():
    res = small.resolution()
    res.paragraphs = [p for p in res.paragraphs if p.number in (None, "3")]  # keep one operative paragraph
    for p in res.paragraphs:
        p.citations, p.footnotes = [], []
    res.paragraphs[-1].number = None  # printed without a number, as lone operative paragraphs are
    name, g = build(res)
    assert (rdflib.URIRef(f"{W}/op/1"), rdflib.RDF.type, rdflib.URIRef("https://w3id.org/unkg/ontology#OperativeParagraph")) in g
    assert validate(g).conforms, validate(g).summary
    res = small.resolution()
    ops = res.operative  # "Resolves that:" printed unnumbered before paragraphs numbered 1..n
    ops[0].number = None
    for n, p in enumerate(ops[1:], 1):
        p.number = str(n)
    report = validate(build(res)[1])
    assert report.conforms and report.warnings == 1, report.summary
    assert "has no printed number (eli:number) although other operative paragraphs are numbered" in report.text
    res = small.resolution()
    for p in res.operative:  # printed without numbers, like a presidential statement
        p.number = None
    name, g = build(res)
    assert (rdflib.URIRef(f"{W}/op/3"), rdflib.RDF.type, rdflib.URIRef("https://w3id.org/unkg/ontology#OperativeParagraph")) in g
    assert validate(g).conforms, validate(g).summary
