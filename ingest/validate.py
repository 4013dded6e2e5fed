"""SHACL validation of one resolution graph with the shapes in shapes/*.ttl (pySHACL).

`validate(graph) -> Report(conforms, summary, text)`. The shapes are parsed once per process and pySHACL's
compiled view of them is reused across calls, so validating ~2,200 graphs pays the parsing cost once.
No RDFS/OWL inference: the shapes target the types ingest/graph.py writes, which keeps validation fast.
Warnings (e.g. a missing title) are reported in `text` but do not make a graph non-conforming.
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
    summary: str  # one line: "conforms" or the first violations with focus node and message
    text: str  # pySHACL's full text report
    violations: int = 0
    warnings: int = 0


def shapes_paths() -> list[Path]:
    return sorted(Path(str(files("unkg.shapes"))).glob("*.ttl"))


@functools.lru_cache(maxsize=1)
def shapes_graph() -> rdflib.Graph:
    """All shapes, parsed once per process."""
    g = rdflib.Graph()
    for path in shapes_paths():
        g.parse(path, format="turtle")
    return g


_lock = threading.Lock()
_compiled: dict[str, object] = {}


def _compiled_shapes():
    """pySHACL's ShapesGraph over our shapes, built once and reused (it caches the parsed shapes)."""
    from pyshacl.shapes_graph import ShapesGraph

    with _lock:
        if "sg" not in _compiled:
            _compiled["sg"] = ShapesGraph(shapes_graph())
        return _compiled["sg"]


def validate(graph: rdflib.Graph) -> Report:
    """Validate one resolution graph; never modifies it."""
    from pyshacl import Validator
    from pyshacl.graph_abstraction import DataGraph

    options = {"inference": "none", "advanced": False, "allow_warnings": True, "inplace": True}
    validator = Validator(DataGraph.from_rdflib(graph), shacl_graph=shapes_graph(), options=options)
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
    return Report(conforms, summary, text, len(violations), warnings)


def _short(path: rdflib.term.Node | None) -> str:
    return "" if path is None or isinstance(path, rdflib.BNode) else str(path)
