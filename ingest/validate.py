"""SHACL validation of one resolution graph with the shapes in shapes/*.ttl (pySHACL).

`validate(graph) -> Report(conforms, summary, text)`. Validation is on the hot path (all 3,664 AKN files
of the corpus in CI), so:
- a graph that no shape could give any result is known to conform without pySHACL: `shapecheck.Checker`,
  reading the same shapes, proves that or names what may give a result, and only then pySHACL runs and
  its report is the one used (the checker's docstring says why the verdict is the same);
- the shapes are parsed once per process and pySHACL's compiled view of them is reused across calls;
- property shapes of targeted node shapes are lifted to targeted property shapes (`lift_property_shapes`);
- SPARQL constraints are parsed once per process (`CachedQueryDataGraph`);
- no RDFS/OWL inference: the shapes target the types ingest/graph.py writes;
- checks that would walk long paths from every node are one SPARQL query per graph instead
  (shapes:EvidenceInParagraphShape).
Warnings (e.g. a missing title) do not stop a graph from being stored, so `Report.conforms` is true for them;
but SHACL's sh:conforms means "no results at all", so the summary then says "conforms (n warning(s))", never
plain "conforms".
"""
from __future__ import annotations

import functools
import threading
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

import rdflib
from rdflib.namespace import SH

# How many violations the one-line summary names before "and N more".
SUMMARY_VIOLATIONS = 3


@dataclass
class Report:
    conforms: bool
    summary: str  # one line: "conforms", "conforms (n warning(s))" or the first violations with focus and message
    text: str  # pySHACL's full text report
    violations: int = 0
    warnings: int = 0
    results: rdflib.Graph | None = None  # pySHACL's report graph, when pySHACL ran


def shapes_paths() -> list[Path]:
    return sorted(Path(str(files("unkg.shapes"))).glob("*.ttl"))


@functools.lru_cache(maxsize=1)
def shapes_graph() -> rdflib.Graph:
    """All shapes as written in shapes/*.ttl, parsed once per process."""
    g = rdflib.Graph()
    for path in shapes_paths():
        g.parse(path, format="turtle")
    return g


_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)


def lift_property_shapes(shapes: rdflib.Graph) -> rdflib.Graph:
    """The same constraints with each property shape of a targeted node shape given that node shape's targets.

    Equivalent under SHACL (a node shape's sh:property shapes apply to exactly its focus nodes), and much faster
    with pySHACL: it validates a nested property shape once per focus node, building its constraint objects
    each time, but a targeted property shape once for all its focus nodes (benchmarks/bench_validate.py).
    """
    g = rdflib.Graph()
    for t in shapes:
        g.add(t)
    for node_shape in set(g.subjects(rdflib.RDF.type, SH.NodeShape)):
        targets = [(p, o) for p in _TARGETS for o in g.objects(node_shape, p)]
        if not targets:
            continue
        for prop in list(g.objects(node_shape, SH.property)):
            g.remove((node_shape, SH.property, prop))
            g.add((prop, rdflib.RDF.type, SH.PropertyShape))
            for p, o in targets:
                g.add((prop, p, o))
    return g


@functools.lru_cache(maxsize=1)
def _validation_shapes() -> rdflib.Graph:
    return lift_property_shapes(shapes_graph())


_lock = threading.Lock()
_compiled: dict[str, object] = {}


def _compiled_shapes():
    """pySHACL's ShapesGraph over our shapes, built once and reused (it caches the parsed shapes)."""
    # here: pySHACL takes a second to load, and the shapes' paths are wanted without it
    from pyshacl.shapes_graph import ShapesGraph

    with _lock:
        if "sg" not in _compiled:
            _compiled["sg"] = ShapesGraph(_validation_shapes())
        return _compiled["sg"]


@functools.lru_cache(maxsize=64)
def _prepared(query: str):
    # here: building rdflib's SPARQL grammar takes a while; only validation needs it
    from rdflib.plugins.sparql import prepareQuery

    return prepareQuery(query)


@functools.lru_cache(maxsize=1)
def _data_graph_class():
    # here: pySHACL takes a second to load, and the shapes' paths are wanted without it
    from pyshacl.graph_abstraction import RdfLibDataGraph

    class CachedQueryDataGraph(RdfLibDataGraph):
        """pySHACL's view of an rdflib graph whose SPARQL constraints are parsed once per process instead of
        once per call (parsing the numbering constraint costs more than running it)."""

        def query(self, query_object, *args, **kwargs):
            if isinstance(query_object, str):
                query_object = _prepared(query_object)
            return super().query(query_object, *args, **kwargs)

    return CachedQueryDataGraph


def _data_graph(graph: rdflib.Graph):
    return _data_graph_class()(store=graph.store, impl=graph)


# pySHACL's text report of a graph without any result
NO_RESULTS_TEXT = "Validation Report\nConforms: True\n"


@functools.lru_cache(maxsize=1)
def checker():
    """The quick check of the same shapes (ingest/shapecheck.py), read once per process."""
    # here: the shapes' paths are wanted without the checker's imports
    from unkg.ingest.shapecheck import Checker

    return Checker(shapes_graph())


def validate(graph: rdflib.Graph | list[tuple], ntriples: str | None = None, *,
             count_warnings: bool = True, store: object | None = None, distinct: bool = False) -> Report:
    """Validate one resolution graph (an rdflib Graph, or its distinct triples); never modifies it.

    `ntriples`, the same graph as N-Triples when the caller has it, saves writing it again for the SPARQL
    constraints; `store`, the same graph already loaded in an in-memory pyoxigraph Store, saves loading it.
    `count_warnings` False: when only shapes of severity Warning or Info may give results (the graph
    conforms whatever they give), say so without counting them ("conforms (warnings not counted)").
    `distinct`: the list holds no triple twice (as `graph.build_triples` gives them), so none is looked for."""
    c = checker()
    found = c.suspects(c.data(graph, ntriples, store, distinct))  # type: ignore[arg-type]
    if not found:
        return Report(True, "conforms", NO_RESULTS_TEXT)
    if not count_warnings and all(shape in c.lenient for shape, _ in found):
        return Report(True, "conforms (warnings not counted)", "")
    if not isinstance(graph, rdflib.Graph):
        triples, graph = graph, rdflib.Graph()
        for t in triples:
            graph.add(t)
    return validate_with_pyshacl(graph)


def validate_with_pyshacl(graph: rdflib.Graph) -> Report:
    """pySHACL's verdict and report on one graph, whatever the quick check would say."""
    # here: pySHACL takes a second to load, and the shapes' paths are wanted without it
    from pyshacl import Validator

    options = {"inference": "none", "advanced": False, "allow_warnings": True, "inplace": True}
    validator = Validator(_data_graph(graph), shacl_graph=_validation_shapes(), options=options)
    validator.shacl_graph = _compiled_shapes()  # reuse the compiled shapes instead of re-reading them
    conforms, report_graph, text = validator.run()
    return _report(bool(conforms), report_graph, text)


def _report(conforms: bool, rg: rdflib.Graph, text: str) -> Report:
    violations, warnings = [], 0
    for result in rg.subjects(rdflib.RDF.type, SH.ValidationResult):
        severity = rg.value(result, SH.resultSeverity)
        if severity != SH.Violation:
            warnings += 1
            continue
        focus = rg.value(result, SH.focusNode)
        message = rg.value(result, SH.resultMessage)
        path = rg.value(result, SH.resultPath)
        violations.append((str(focus), _short(path), str(message or "does not conform")))
    violations.sort()
    if conforms:
        summary = "conforms" + (f" ({warnings} warning(s))" if warnings else "")
    else:
        named = "; ".join(f"{focus}: {msg}" for focus, _, msg in violations[:SUMMARY_VIOLATIONS])
        more = len(violations) - SUMMARY_VIOLATIONS
        summary = f"{len(violations)} violation(s): {named}" + (f"; and {more} more" if more > 0 else "")
    return Report(conforms, summary, text, len(violations), warnings, rg)


def _short(path: rdflib.term.Node | None) -> str:
    return "" if path is None or isinstance(path, rdflib.BNode) else str(path)
