"""The quick check (ingest/shapecheck.py) never lets a graph that breaks a shape pass as conforming.

Every constraint of every shape in shapes/*.ttl is listed from the shapes themselves, and for each one a
graph is broken from a valid fixture (the small resolution of tests/fixtures/shapes/small.py, and a lineage
graph): the generic breakers below do it by the kind of constraint (remove the values for sh:minCount, add
some for sh:maxCount, a value of another kind for sh:datatype ...), and SPARQL constraints by the updates in
SPARQL_BREAKS. For each case pySHACL must report that shape and that constraint (so the case really breaks
it), validate() must not call the graph clean, and the checker must name that shape and constraint (or say
it cannot judge the graph at all). A new shape, or a new kind of constraint, without a way to break it fails
test_every_constraint_of_every_shape_has_a_case.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import rdflib
from conftest import fixture_module
from rdflib import RDF, BNode, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH

from unkg import iris
from unkg.ingest.extract import extract
from unkg.ingest.graph import build, build_triples
from unkg.ingest.readers import read
from unkg.ingest.shapecheck import Checker
from unkg.ingest.validate import NO_RESULTS_TEXT, checker, shapes_graph, validate, validate_with_pyshacl
from unkg.lineage.align import align
from unkg.lineage.graph import build as build_lineage
from unkg.lineage.graph import series_iri

FIXTURES = Path(__file__).parent / "fixtures"
small = fixture_module("shapes/small.py")

W = iris.work(small.SYMBOL)
PREFIXES = """PREFIX unkg: <https://w3id.org/unkg/ontology#> PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#> PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""
# SPARQL constraints cannot be broken generically: one update per shape holding one (the shape's local name).
SPARQL_BREAKS = {
    "ResolutionShape": f"DELETE WHERE {{ <{W}/op/2> ?p ?o }}",  # paragraphs 1 and 3, no 2
    "UnnumberedParagraphShape": f"DELETE WHERE {{ <{W}/op/3> eli:number ?n }}",
    "EvidenceInParagraphShape": 'DELETE { ?sel oa:start ?s } INSERT { ?sel oa:start "0"^^xsd:nonNegativeInteger } '
                                'WHERE { ?a unkg:evidenceFor ?x ; oa:hasTarget/oa:hasSelector ?sel . ?sel oa:start ?s '
                                'FILTER (?s > 0) }',
}
# Predicates of a shape that are no constraint (what it says, where it applies, how it is spelled).
NOT_CONSTRAINTS = {SH.message, SH.severity, SH.name, SH.description, SH.order, SH.group, SH.defaultValue,
                   SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.path, SH.property,
                   SH.deactivated, SH.flags, SH.declare, SH.prefixes}
TEST = "urn:x-unkg-test:"


def _component(p: URIRef) -> URIRef:
    name = str(p)[len(str(SH)):]
    return SH.SPARQLConstraintComponent if p == SH.sparql else SH[name[0].upper() + name[1:] + "ConstraintComponent"]


def _path_label(sg: rdflib.Graph, path: rdflib.term.Node) -> str:
    if isinstance(path, URIRef):
        return path.n3(sg.namespace_manager)
    if sg.value(path, SH.inversePath) is not None:
        return "^" + _path_label(sg, sg.value(path, SH.inversePath))
    if sg.value(path, SH.alternativePath) is not None:
        return "|".join(_path_label(sg, p) for p in Collection(sg, sg.value(path, SH.alternativePath)))
    return "/".join(_path_label(sg, p) for p in Collection(sg, path))


def constraints() -> list[tuple[str, rdflib.term.Node, URIRef, rdflib.term.Node, rdflib.term.Node]]:
    """(label, targeted node shape, constraint predicate, its value, the shape holding it) for every
    constraint of every targeted shape and of its property shapes."""
    sg = shapes_graph()
    targeted = {s for t in (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
                for s in sg.subjects(t, None)}
    out = []
    for node in sorted(targeted, key=str):
        name = str(node).split("#")[-1]
        for holder in [node, *sg.objects(node, SH.property)]:
            path = sg.value(holder, SH.path)
            where = name if holder == node else f"{name}/{_path_label(sg, path)}"
            for p, value in sorted(sg.predicate_objects(holder), key=lambda po: (str(po[0]), str(po[1]))):
                if str(p).startswith(str(SH)) and p not in NOT_CONSTRAINTS:
                    out.append((f"{where}:{str(p).split('#')[-1]}", node, p, value, holder))
    return out


CONSTRAINTS = constraints()


@pytest.fixture(scope="module")
def fixtures() -> list[rdflib.Graph]:
    """A resolution graph, a lineage graph and a renewal, all without any SHACL result."""
    old = extract(read(FIXTURES / "lineage" / "old.txt"))
    new = extract(read(FIXTURES / "lineage" / "new.txt"))
    _, lineage = build_lineage(new, series_iri(old.symbol), old, align(old.paragraphs, new.paragraphs), 0.9,
                               ["cites A/RES/75/9001"])
    renewal = rdflib.Graph()  # a renewal links mandates of two resolutions (docs/mandates.md)
    renewal.add((URIRef(f"{W}/op/2/prov/1/mandate"), URIRef("https://w3id.org/unkg/ontology#renews"),
                 URIRef(iris.work("A/RES/77/9999") + "/op/5/prov/1/mandate")))
    graphs = [build(small.resolution())[1], lineage, renewal]
    for g in graphs:
        assert validate_with_pyshacl(g).text == NO_RESULTS_TEXT
    return graphs


# -- breaking a graph ---------------------------------------------------------------------------------------
class Path_:
    """Reading and rewriting the values of a SHACL path at a focus node (the path kinds the shapes use)."""

    def __init__(self, sg: rdflib.Graph, path: rdflib.term.Node):
        self.sg, self.path = sg, path

    def values(self, g: rdflib.Graph, focus) -> list:
        return sorted(self._values(g, focus, self.path), key=str)

    def _values(self, g, focus, path) -> set:
        sg = self.sg
        if isinstance(path, URIRef):
            return set(g.objects(focus, path))
        if sg.value(path, SH.inversePath) is not None:
            return set(g.subjects(sg.value(path, SH.inversePath), focus))
        if sg.value(path, SH.alternativePath) is not None:
            return {v for p in Collection(sg, sg.value(path, SH.alternativePath)) for v in self._values(g, focus, p)}
        nodes = {focus}
        for step in Collection(sg, path):
            nodes = {v for n in nodes for v in self._values(g, n, step)}
        return nodes

    def set(self, g: rdflib.Graph, focus, new: list) -> None:
        """Make `new` the values of the path at `focus` (a sequence path: at the end of its first step's nodes;
        an alternative path: through its first alternative)."""
        sg, path = self.sg, self.path
        if isinstance(path, URIRef):
            g.remove((focus, path, None))
            for v in new:
                g.add((focus, path, v))
        elif sg.value(path, SH.inversePath) is not None:
            p = sg.value(path, SH.inversePath)
            g.remove((None, p, focus))
            for v in new:
                g.add((v, p, focus))
        elif sg.value(path, SH.alternativePath) is not None:
            alternatives = list(Collection(sg, sg.value(path, SH.alternativePath)))
            for p in alternatives:
                g.remove((focus, p, None))
            for v in new:
                g.add((focus, alternatives[0], v))
        else:
            first, *rest = list(Collection(sg, path))
            assert len(rest) == 1 and isinstance(first, URIRef), "a longer sequence path: teach Path_.set"
            middles = sorted(g.objects(focus, first), key=str) or [URIRef(TEST + "middle")]
            for m in middles:
                g.remove((m, rest[0], None))
            g.add((focus, first, middles[0]))
            for v in new:
                g.add((middles[0], rest[0], v))


def _like(values: list, sg: rdflib.Graph, holder, text: str) -> rdflib.term.Node:
    """A new value of the kind the path holds (or the shape asks for) with this text."""
    sample = values[0] if values else None
    if isinstance(sample, Literal):
        return Literal(text, lang=sample.language, datatype=sample.datatype)
    datatype = sg.value(holder, SH.datatype)
    if sample is None and datatype is not None:
        return Literal(text, lang="en") if datatype == RDF.langString else Literal(text, datatype=datatype)
    return URIRef(TEST + text)


def _shifted(bound: Literal, by: int) -> Literal:
    value = bound.value + (Decimal(by) if isinstance(bound.value, Decimal) else by)
    return Literal(value, datatype=bound.datatype)


def break_values(g: rdflib.Graph, sg: rdflib.Graph, holder, p: URIRef, value, focus) -> None:
    """Break constraint `p` (value `value`) of the property shape `holder` at `focus`."""
    path = Path_(sg, sg.value(holder, SH.path))
    old = path.values(g, focus)
    if p == SH.minCount:
        new = []
    elif p == SH.maxCount:
        new = old + [_like(old, sg, holder, f"extra{i}") for i in range(int(value) + 1)]
    elif p == SH.datatype:
        new = [Literal("x") if value == RDF.langString else Literal("x", lang="en")]
    elif p == SH.nodeKind:
        new = [Literal("x") if value in (SH.IRI, SH.BlankNodeOrIRI) else URIRef(TEST + "x")]
    elif p == SH.pattern:
        new = [_like(old, sg, holder, "(~)")]
    elif p == SH.minLength:
        new = [_like(old, sg, holder, "")]
    elif p in (SH["class"], SH.hasValue):
        new = [URIRef(TEST + "untyped")]
    elif p in (SH.minInclusive, SH.maxExclusive):
        new = [_shifted(value, -1 if p == SH.minInclusive else 0)]
    elif p in (SH.maxInclusive, SH.minExclusive):
        new = [_shifted(value, 1 if p == SH.maxInclusive else 0)]
    elif p == SH["in"]:
        members = list(Collection(sg, value))
        new = [URIRef(TEST + "other") if isinstance(members[0], URIRef) else Literal("x-unkg-test-other")]
    elif p == SH.lessThan:
        new = sorted(g.objects(focus, value), key=str)  # equal to the other value: not less than it
    else:
        raise LookupError(f"no way to break {p} of a property shape: teach break_values")
    path.set(g, focus, new)


def break_node(g: rdflib.Graph, sg: rdflib.Graph, shape, p: URIRef, value, focus, target_class) -> None:
    """Break constraint `p` of the node shape `shape` itself."""
    if p == SH.sparql:
        g.update(PREFIXES + SPARQL_BREAKS[str(shape).split("#")[-1]])
    elif p in (SH.nodeKind, SH.pattern):  # a focus node of another kind: a blank node, an IRI elsewhere
        new = BNode() if p == SH.nodeKind else URIRef(TEST + "focus")
        if target_class is not None:
            g.add((new, RDF.type, target_class))
        for q in sg.objects(shape, SH.targetSubjectsOf):
            g.add((new, q, next(g.objects(focus, q), URIRef(TEST + "object"))))
    elif p == SH["or"]:
        for member in Collection(sg, value):
            Path_(sg, sg.value(member, SH.path)).set(g, focus, [])
    else:
        raise LookupError(f"no way to break {p} of a node shape: teach break_node")


def _focus(g: rdflib.Graph, sg: rdflib.Graph, shape, holder, p) -> rdflib.term.Node:
    """A focus node of the shape in the graph, one with values on the constraint's path where there is one."""
    nodes = set()
    for c in sg.objects(shape, SH.targetClass):
        nodes |= set(g.subjects(RDF.type, c))
    for q in sg.objects(shape, SH.targetSubjectsOf):
        nodes |= set(g.subjects(q, None))
    nodes = sorted(nodes, key=str)
    assert nodes, f"the fixtures have no focus node for {shape}: add one to them"
    path = sg.value(holder, SH.path)
    if path is not None:
        other = sg.value(holder, SH.lessThan) if p == SH.lessThan else None
        with_values = [n for n in nodes if Path_(sg, path).values(g, n)
                       and (other is None or any(g.objects(n, other)))]
        nodes = with_values or nodes
    return nodes[0]


def broken(fixtures: list[rdflib.Graph], case) -> rdflib.Graph:
    _label, shape, p, value, holder = case
    sg = shapes_graph()
    target_class = sg.value(shape, SH.targetClass)
    for fixture in fixtures:
        has_focus = (target_class is not None and any(fixture.subjects(RDF.type, target_class))) or any(
            any(fixture.subjects(q, None)) for q in sg.objects(shape, SH.targetSubjectsOf))
        if not has_focus:
            continue
        g = rdflib.Graph()
        for t in fixture:
            g.add(t)
        focus = _focus(g, sg, shape, holder, p)
        if holder == shape:
            break_node(g, sg, shape, p, value, focus, target_class)
        else:
            break_values(g, sg, holder, p, value, focus)
        return g
    raise AssertionError(f"the fixtures have no focus node for {shape}: add one to them")


# -- the tests ---------------------------------------------------------------------------------------------
def test_every_constraint_of_every_shape_has_a_case(fixtures):
    assert len(CONSTRAINTS) > 100
    for case in CONSTRAINTS:
        broken(fixtures, case)  # raises for a constraint nobody taught the breakers, or a shape without focus
    with_sparql = {str(c[1]).split("#")[-1] for c in CONSTRAINTS if c[2] == SH.sparql}
    assert with_sparql == set(SPARQL_BREAKS)


def test_the_checker_follows_every_shape():
    """No shape falls back to pySHACL for every graph (which would be right, only slow)."""
    assert checker().unsupported is None
    assert Checker(rdflib.Graph()).suspects(checker().data([])) == []


@pytest.mark.parametrize("case", CONSTRAINTS, ids=[c[0] for c in CONSTRAINTS])
def test_a_graph_breaking_the_constraint_never_passes(fixtures, case):
    label, shape, p, _value, holder = case
    g = broken(fixtures, case)
    report = validate(g)
    assert report.results is not None, f"{label}: validate() calls the broken graph clean without pySHACL"
    results = {(report.results.value(r, SH.sourceShape), report.results.value(r, SH.sourceConstraintComponent))
               for r in report.results.subjects(RDF.type, SH.ValidationResult)}
    assert (holder, _component(p)) in results, f"{label}: the broken graph does not break it: {results}"
    assert not (report.conforms and report.warnings == 0) and report.text != NO_RESULTS_TEXT
    found = checker().suspects(checker().data(g))
    names = {(s, c) for s, c in found}
    short = str(p).split("#")[-1]
    assert (holder, short) in names or any(s == URIRef(str(SH)) for s, _ in found), f"{label}: {found}"


def test_the_same_verdict_and_report_as_pyshacl_on_the_fixtures(fixtures):
    for g in fixtures:
        quick, full = validate(g), validate_with_pyshacl(g)
        assert (quick.conforms, quick.summary, quick.text, quick.warnings) == \
               (full.conforms, full.summary, full.text, full.warnings)
    iri, triples = build_triples(small.resolution())
    assert validate(triples).summary == "conforms"


def test_warnings_only_conform_without_being_counted_when_asked(fixtures):
    g = rdflib.Graph()
    for t in fixtures[0]:
        g.add(t)
    g.update(PREFIXES + SPARQL_BREAKS["UnnumberedParagraphShape"])
    full = validate(g)
    assert full.conforms and full.warnings == 1 and full.summary == "conforms (1 warning(s))"
    quick = validate(list(g), count_warnings=False)
    assert quick.conforms and quick.summary == "conforms (warnings not counted)"
    g.update(PREFIXES + SPARQL_BREAKS["ResolutionShape"])  # and a violation besides
    assert not validate(list(g), count_warnings=False).conforms
