"""A quick proof that a graph gives no SHACL result at all under the shapes, or the list of what may give one.

pySHACL is the judge of conformance (ingest/validate.py); running it on every graph of a corpus costs most
of an ingest, yet nearly every graph conforms without a single result. `Checker` reads the same shapes graph
and answers one question per graph: could any shape give any result (violation, warning or info)? Where it
says no, pySHACL would report `Conforms: True` with nothing in it, so validate() can say so without running
it; where it says maybe, validate() runs pySHACL, whose report and verdict are then the ones used. So every
report, every violation and every warning comes from pySHACL, and the checker only has to be sure when it
says "no result".

It is sure only of what it understands: each constraint is checked the way pySHACL checks it (the value
nodes of each focus node, then the component's test, written after pySHACL's own), and a case it does not
follow exactly (an ill-typed literal, a comparison of other types, a blank node) counts as "maybe". A shape
using anything else of SHACL (sh:node, sh:not, sh:closed, a SPARQL constraint on a property shape ...) makes
the checker `unsupported`, and validate() then runs pySHACL on every graph, as slow as that is but right.
SPARQL constraints of node shapes are asked of the index where ingest/shapesparql.py reads the same query
in Python, and otherwise run on Oxigraph, with $this substituted as SHACL pre-binds it; any solution counts
as "maybe".
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from typing import Callable, Iterable

import pyoxigraph as ox
import rdflib
from rdflib import RDF, RDFS, XSD, BNode, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH

from unkg.ingest import shapesparql

_TYPE = str(RDF.type)
_STRING, _LANG_STRING, _DATE = XSD.string, RDF.langString, XSD.date
_STRING_TYPES = (None, _LANG_STRING, _STRING)
Triple = tuple[rdflib.term.Node, rdflib.term.Node, rdflib.term.Node]

# Predicates of a shape that never decide whether a result is given (what it says, not what it checks).
_WORDS = {SH.message, SH.severity, SH.name, SH.description, SH.order, SH.group, SH.defaultValue, RDF.type,
          RDFS.label, RDFS.comment}
_TARGETS = {SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf}
_NODE_KINDS = {
    SH.IRI: (URIRef,), SH.Literal: (Literal,), SH.BlankNode: (BNode,), SH.BlankNodeOrIRI: (BNode, URIRef),
    SH.BlankNodeOrLiteral: (BNode, Literal), SH.IRIOrLiteral: (URIRef, Literal),
}
# The python value rdflib gives a well-formed literal of each datatype, as pySHACL's datatype check reads it.
_VALUE_TYPES = {XSD.string: str, RDF.langString: str, XSD.integer: int, XSD.decimal: Decimal, XSD.date: date,
                XSD.dateTime: datetime, XSD.time: time, XSD.float: float, XSD.boolean: bool}


class Unsupported(Exception):
    """The shapes use something the checker does not follow; pySHACL must judge every graph."""


class Data:
    """One graph's triples, indexed by subject and predicate (and by object for the predicates a shape walks
    backwards, and by predicate for those that targets name), and, when a SPARQL constraint needs it, loaded
    into an in-memory Oxigraph store. Predicates are keys by their text; subjects are the graph's own IRI
    objects, found by identity before rdflib compares a term in Python (the value nodes a shape walks to are
    those same objects), and without a copy of their text at every look-up."""

    def __init__(self, triples: Iterable[Triple], ntriples: str | None = None,
                 backwards: frozenset = frozenset({str(RDF.type)}), listed: frozenset = frozenset(),
                 store: ox.Store | None = None, distinct: bool = False):
        out: dict[tuple[URIRef, str], list] = {}
        pairs: dict[str, list] = {p: [] for p in listed}
        into: dict[tuple, list] = {}
        odd = False
        if not distinct and not isinstance(triples, rdflib.Graph):  # counts are of distinct value nodes
            triples = dict.fromkeys(triples)
        names: dict = {}  # each predicate's text, made once
        for s, p, o in triples:
            if type(s) is not URIRef or type(p) is not URIRef or type(o) is BNode:
                odd = True  # blank nodes, literal subjects: pySHACL judges
            name = names.get(p)
            if name is None:
                name = names[p] = str(p)
            key = (s, name)
            objects = out.get(key)
            if objects is None:
                out[key] = [o]
            else:
                objects.append(o)
            if key[1] in pairs:
                pairs[key[1]].append((s, o))
            if key[1] in backwards:
                into.setdefault((o, key[1]), []).append(s)
        self.out, self.into, self._pairs, self.odd = out, into, pairs, odd
        self.backwards = backwards
        self._ntriples = ntriples
        self._store = store  # the same graph, when the caller has loaded it already

    def objects(self, s, p: str) -> list:
        if type(s) is not URIRef:
            return []  # only IRIs are subjects here (literals never are; blank nodes make the data odd)
        return self.out.get((s, p), [])

    def subjects(self, p: str, o) -> list:
        if p not in self.backwards:
            raise KeyError(p)  # the Checker lists every predicate its paths walk backwards
        return self.into.get((o, p), [])

    def pairs(self, p: str) -> list[tuple]:
        """(subject, object) of every triple with this predicate (one the Checker lists)."""
        return self._pairs[p]

    def store(self) -> ox.Store:
        """The graph in an in-memory Oxigraph store; raises SyntaxError or ValueError for a term Oxigraph
        refuses (every time it is asked)."""
        if self._store is None:
            store = ox.Store()
            if self._ntriples is None:
                store.extend(ox.Quad(ox.NamedNode(s), ox.NamedNode(p), _ox(o)) for (s, p), objects in self.out.items()
                             for o in objects)
            else:
                store.load(self._ntriples.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
            self._store = store
        return self._store


def _ox(term: rdflib.term.Node) -> ox.NamedNode | ox.Literal:
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(term.datatype) if term.datatype else None)
    return ox.NamedNode(str(term))


# A constraint: (focus node, its value nodes, the data) -> True when it certainly gives no result.
Test = Callable[[rdflib.term.Node, list, Data], bool]


@dataclass
class Shape:
    node: rdflib.term.Node  # the shape in the shapes graph (pySHACL's sh:sourceShape)
    path: Callable[[Data, rdflib.term.Node], list] | None  # None: a node shape (the focus is the value)
    targets: list[tuple[rdflib.term.Node, rdflib.term.Node]] = field(default_factory=list)
    tests: list[tuple[str, Test]] = field(default_factory=list)  # (component, test)

    def values(self, data: Data, focus) -> list:
        return [focus] if self.path is None else self.path(data, focus)

    def suspects(self, data: Data, focus_nodes: Iterable) -> list[str]:
        """The components that may give a result for one of these focus nodes."""
        path = self.path
        pairs = [(focus, [focus] if path is None else path(data, focus)) for focus in focus_nodes]
        found = []
        for name, test in self.tests:  # loops, not all(...) over a generator: this runs for every shape of every graph
            for f, values in pairs:
                if not test(f, values, data):
                    found.append(name)
                    break
        return found


class Checker:
    """The shapes of one shapes graph, read once; `suspects(data)` per graph."""

    def __init__(self, shapes: rdflib.Graph):
        self.sg = shapes
        self.shapes: list[Shape] = []
        self.unsupported: str | None = None
        self._prefixes: dict[rdflib.term.Node, dict[str, str]] = {}
        self.backwards: set = {str(RDF.type)}  # predicates the paths walk from object to subject
        self.listed: set = {str(RDFS.subClassOf)}  # predicates whose subjects or objects targets name
        self.lenient: set = set()  # shapes whose results are warnings or infos, never violations
        try:
            self._read()
        except Unsupported as e:
            self.unsupported = str(e)
            self.shapes = []

    def _read(self) -> None:
        g = self.sg
        targeted = {s for t in _TARGETS for s in g.subjects(t, None)}
        for s in g.subjects(RDF.type, RDFS.Class):
            if (s, RDF.type, SH.NodeShape) in g:
                raise Unsupported(f"{s}: implicit class targets")
        if any(g.triples((None, SH.target, None))):
            raise Unsupported("sh:target (SPARQL-based targets)")
        for node in sorted(targeted, key=str):
            if _deactivated(g, node):
                continue
            # a targeted node shape and each of its property shapes, on the same focus nodes, so that what
            # may give a result is named by the shape pySHACL names (sh:sourceShape)
            shape = self.shape(node, with_properties=g.value(node, SH.path) is not None)
            shape.targets = [(t, o) for t in _TARGETS for o in g.objects(node, t)]
            self.listed.update(str(o) for t, o in shape.targets if t in (SH.targetSubjectsOf, SH.targetObjectsOf))
            self.shapes.append(shape)
            if shape.path is None:
                for prop in g.objects(node, SH.property):
                    if not _deactivated(g, prop):
                        inner = self.shape(prop)
                        inner.targets = shape.targets
                        self.shapes.append(inner)

    def shape(self, node: rdflib.term.Node, with_properties: bool = True) -> Shape:
        """The constraints of one shape; its sh:property shapes, unless told not to, are tests on its value
        nodes (SHACL's nesting: each value node must conform to them)."""
        g = self.sg
        path = g.value(node, SH.path)
        shape = Shape(node, None if path is None else _path(g, path, self.backwards))
        if g.value(node, SH.severity) in (SH.Warning, SH.Info):
            self.lenient.add(node)
        for p in set(g.predicates(node, None)):
            if p in _COMPONENTS:
                for value in g.objects(node, p):
                    shape.tests.append((_COMPONENTS[p][0], _COMPONENTS[p][1](self, node, value)))
            elif p == SH.property:
                for prop in g.objects(node, p):
                    if with_properties and not _deactivated(g, prop):
                        shape.tests.append(("property", _nested(self.shape(prop))))
            elif str(p).startswith(str(SH)) and p not in _WORDS | _TARGETS | {SH.path, SH.deactivated, SH.flags}:
                raise Unsupported(f"{node}: {p}")
        return shape

    def prefixes(self, node: rdflib.term.Node) -> str:
        return "\n".join(f"PREFIX {prefix}: <{ns}>" for prefix, ns in self.declared(node).items())

    def declared(self, node: rdflib.term.Node) -> dict[str, str]:
        """The prefixes a node declares (sh:declare), prefix -> namespace."""
        if node not in self._prefixes:
            self._prefixes[node] = {str(self.sg.value(d, SH.prefix)): str(self.sg.value(d, SH.namespace))
                                    for d in self.sg.objects(node, SH.declare)}
        return self._prefixes[node]

    def focus_nodes(self, data: Data, shape: Shape) -> set:
        nodes: set = set()
        for kind, o in shape.targets:
            if kind == SH.targetClass:
                nodes.update(data.subjects(_TYPE, o))
            elif kind == SH.targetNode:
                nodes.add(o)
            elif kind == SH.targetSubjectsOf:
                nodes.update(s for s, _ in data.pairs(str(o)))
            else:
                nodes.update(v for _, v in data.pairs(str(o)))
        return nodes

    def suspects(self, data: Data, first: bool = False) -> list[tuple[rdflib.term.Node, str]]:
        """(shape, component) of every constraint that may give a result on this graph; [] means pySHACL
        would give none. `first`: stop at the first one."""
        if self.unsupported:
            return [(rdflib.URIRef(str(SH)), "unsupported: " + self.unsupported)]
        if data.odd or data.pairs(str(RDFS.subClassOf)):
            # blank nodes cannot be handed to Oxigraph as the same nodes, and rdfs:subClassOf in the data
            # widens targets and classes: pySHACL judges such graphs
            return [(rdflib.URIRef(str(SH)), "blank nodes or rdfs:subClassOf in the data")]
        found: list[tuple[rdflib.term.Node, str]] = []
        focus: dict[tuple, set] = {}  # shapes with the same targets (a node shape's properties) share focus nodes
        for shape in self.shapes:
            targets = tuple(shape.targets)
            nodes = focus.get(targets)
            if nodes is None:
                nodes = focus[targets] = self.focus_nodes(data, shape)
            for name in shape.suspects(data, nodes):
                found.append((shape.node, name))
                if first:
                    return found
        return found

    def data(self, triples: Iterable[Triple], ntriples: str | None = None, store: ox.Store | None = None,
             distinct: bool = False) -> Data:
        """A graph's triples (and, if at hand, the same as N-Triples, or loaded in an in-memory Oxigraph store)
        ready for `suspects`; `distinct`: the caller knows no triple repeats (none is looked for)."""
        return Data(triples, ntriples, frozenset(self.backwards), frozenset(self.listed), store, distinct)


def _deactivated(g: rdflib.Graph, node: rdflib.term.Node) -> bool:
    value = g.value(node, SH.deactivated)
    if value is None:
        return False
    if isinstance(value, Literal) and value.datatype == XSD.boolean and isinstance(value.value, bool):
        return value.value
    raise Unsupported(f"{node}: sh:deactivated {value!r}")


# -- paths ------------------------------------------------------------------------------------------------
def _path(g: rdflib.Graph, path: rdflib.term.Node, backwards: set) -> Callable[[Data, rdflib.term.Node], list]:
    """The value nodes of a SHACL path from a node (predicate, inverse, sequence and alternative paths); the
    predicates of inverse paths are added to `backwards`."""
    if isinstance(path, URIRef):
        predicate = str(path)
        return lambda data, node: data.objects(node, predicate)
    inverse = g.value(path, SH.inversePath)
    if isinstance(inverse, URIRef):
        backwards.add(str(inverse))
        return lambda data, node: data.subjects(str(inverse), node)
    alternative = g.value(path, SH.alternativePath)
    if alternative is not None:
        parts = [_path(g, p, backwards) for p in Collection(g, alternative)]
        return lambda data, node: list(dict.fromkeys(v for part in parts for v in part(data, node)))
    if (path, RDF.first, None) in g:
        steps = [_path(g, p, backwards) for p in Collection(g, path)]

        def sequence(data: Data, node: rdflib.term.Node) -> list:
            nodes = [node]
            for step in steps:
                nodes = list(dict.fromkeys(v for n in nodes for v in step(data, n)))
            return nodes
        return sequence
    raise Unsupported(f"path {path}")


# -- constraint components (each after pySHACL's constraints/core) ------------------------------------------
def _min_count(_c: Checker, _shape, value: Literal) -> Test:
    n = int(value)
    return lambda focus, values, data: len(values) >= n


def _max_count(_c: Checker, _shape, value: Literal) -> Test:
    n = int(value)
    return lambda focus, values, data: len(values) <= n


def _node_kind(_c: Checker, _shape, value: URIRef) -> Test:
    if value not in _NODE_KINDS:
        raise Unsupported(f"sh:nodeKind {value}")
    kinds = _NODE_KINDS[value]
    return lambda focus, values, data: all(isinstance(v, kinds) for v in values)


def _typed(datatype: URIRef) -> Callable[[rdflib.term.Node], bool]:
    """pySHACL's sh:datatype test of one value node, for the datatypes whose python value it checks."""
    if datatype in (RDFS.Literal, RDFS.Datatype) or not isinstance(datatype, URIRef):
        raise Unsupported(f"sh:datatype {datatype}")
    kind = _VALUE_TYPES.get(datatype)  # None: pySHACL asks only that rdflib did not find the literal ill-typed

    def well_formed(v: Literal) -> bool:
        if getattr(v, "ill_typed", None) is True:
            return False
        return kind is None or (isinstance(v.value, kind) and (kind is bool or not isinstance(v.value, bool)))

    if datatype == _STRING:  # a plain literal is an xsd:string
        return lambda v: (type(v) is Literal and (v.datatype is None and v.language is None or v.datatype == _STRING)
                          and well_formed(v))
    if datatype == _LANG_STRING:
        return lambda v: (type(v) is Literal and bool(v.language) and v.datatype in (None, _LANG_STRING)
                          and well_formed(v))
    return lambda v: type(v) is Literal and v.datatype == datatype and well_formed(v)


def _datatype(_c: Checker, _shape, value: URIRef) -> Test:
    typed = _typed(value)
    return lambda focus, values, data: all(typed(v) for v in values)


def _string(v: rdflib.term.Node) -> str | None:
    """The text pySHACL's string-based constraints read from a value node (None: a blank node, which fails)."""
    if isinstance(v, BNode):
        return None
    if isinstance(v, Literal) and v.value is not None and v.datatype in _STRING_TYPES:
        return str(v.value)
    return str(v)


def _pattern(c: Checker, shape, value: Literal) -> Test:
    flags_value = c.sg.value(shape, SH.flags)
    flags = str(flags_value).lower() if flags_value is not None else ""
    if set(flags) - {"i", "m"}:
        raise Unsupported(f"sh:flags {flags}")
    text = str(value.value) if value.value is not None and len(value.value) > 1 else str(value)
    regex = re.compile(text, (re.I if "i" in flags else 0) | (re.M if "m" in flags else 0))

    def test(focus, values, data) -> bool:
        return all((s := _string(v)) is not None and regex.search(s) is not None for v in values)
    return test


def _min_length(_c: Checker, _shape, value: Literal) -> Test:
    n = int(value)
    return lambda focus, values, data: n == 0 or all((s := _string(v)) is not None and len(s) >= n for v in values)


def _number(v: rdflib.term.Node) -> int | Decimal | None:
    """The value of a well-formed integer or decimal literal (the only ones compared here), else None."""
    if not isinstance(v, Literal) or getattr(v, "ill_typed", None) is True:
        return None
    value = v.value
    return value if isinstance(value, (int, Decimal)) and not isinstance(value, bool) else None


def _bound(compare: Callable[[int | Decimal, int | Decimal], bool]):
    def component(_c: Checker, _shape, value: Literal) -> Test:
        bound = _number(value)
        if bound is None:
            raise Unsupported(f"a range bound {value!r}")
        return lambda focus, values, data: all((n := _number(v)) is not None and compare(n, bound) for v in values)
    return component


def _in(c: Checker, _shape, value: rdflib.term.Node) -> Test:
    members = list(Collection(c.sg, value))
    return lambda focus, values, data: all(v in members for v in values)


def _has_value(_c: Checker, _shape, value: rdflib.term.Node) -> Test:
    return lambda focus, values, data: value in values


def _less_than(_c: Checker, _shape, value: URIRef) -> Test:
    other = str(value)

    def test(focus, values, data) -> bool:
        for v in values:
            n = _number(v)
            for w in data.objects(focus, other):
                m = _number(w)
                if n is None or m is None or not n < m:
                    return False
        return True
    return test


def _class(_c: Checker, _shape, value: URIRef) -> Test:
    name = str(value)
    return lambda focus, values, data: all(any(type(t) is URIRef and str.__eq__(t, name) for t in data.objects(v, _TYPE))
                                           for v in values)


def _nested(shape: Shape) -> Test:
    """A shape inside another (sh:or members): true when it certainly gives no result for each value node."""
    return lambda focus, values, data: not shape.suspects(data, values)


def _or(c: Checker, _shape, value: rdflib.term.Node) -> Test:
    members = [c.shape(m) for m in Collection(c.sg, value)]
    return lambda focus, values, data: all(any(not m.suspects(data, [v]) for m in members) for v in values)


def _and(c: Checker, _shape, value: rdflib.term.Node) -> Test:
    members = [c.shape(m) for m in Collection(c.sg, value)]
    return lambda focus, values, data: all(not m.suspects(data, values) for m in members)


def _sparql(c: Checker, shape, value: rdflib.term.Node) -> Test:
    """A SPARQL-based constraint of a node shape: no solution with $this pre-bound to the focus node."""
    g = c.sg
    if g.value(shape, SH.path) is not None:
        raise Unsupported(f"{shape}: a SPARQL constraint on a property shape")
    if _deactivated(g, value):
        return lambda focus, values, data: True
    select = g.value(value, SH.select)
    # (a severity of its own would differ from its shape's: not followed here)
    if select is None or set(g.predicates(value, None)) - {SH.select, SH.prefixes, SH.message, RDF.type,
                                                              SH.deactivated}:
        raise Unsupported(f"{shape}: a SPARQL constraint other than sh:select")
    if re.search(r"[$?](shapesGraph|currentShape|PATH)\b", str(select)):
        raise Unsupported(f"{shape}: a SPARQL constraint using $shapesGraph, $currentShape or $PATH")
    holders = list(g.objects(value, SH.prefixes))
    declared = {prefix: ns for p in holders for prefix, ns in c.declared(p).items()}
    read = shapesparql.reading(str(select), declared)
    if read is not None:  # the same question asked of the index, without Oxigraph
        c.backwards.update(read.backwards)
        c.listed.update(read.listed)
        return lambda focus, values, data: read.test(focus, data)
    query = "\n".join(c.prefixes(p) for p in holders) + "\n" + str(select)
    this = ox.Variable("this")

    def test(focus, values, data) -> bool:
        if not isinstance(focus, URIRef):
            return False
        try:
            solutions = data.store().query(query, substitutions={this: ox.NamedNode(str(focus))})
            return next(iter(solutions), None) is None
        except (SyntaxError, ValueError, OSError):  # a term Oxigraph refuses (the ingest names it later)
            return False
    return test


_COMPONENTS: dict[URIRef, tuple[str, Callable[..., Test]]] = {
    SH.minCount: ("minCount", _min_count), SH.maxCount: ("maxCount", _max_count),
    SH.nodeKind: ("nodeKind", _node_kind), SH.datatype: ("datatype", _datatype),
    SH.pattern: ("pattern", _pattern), SH.minLength: ("minLength", _min_length),
    SH.minInclusive: ("minInclusive", _bound(lambda n, b: n >= b)),
    SH.maxInclusive: ("maxInclusive", _bound(lambda n, b: n <= b)),
    SH.minExclusive: ("minExclusive", _bound(lambda n, b: n > b)),
    SH.maxExclusive: ("maxExclusive", _bound(lambda n, b: n < b)),
    SH["in"]: ("in", _in), SH.hasValue: ("hasValue", _has_value), SH.lessThan: ("lessThan", _less_than),
    SH["class"]: ("class", _class), SH["or"]: ("or", _or), SH["and"]: ("and", _and), SH.sparql: ("sparql", _sparql),
}
