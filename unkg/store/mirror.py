"""The embedded store's default graph: one copy of every triple of its named graphs.

Each language version of a resolution is a named graph repeating the statements about the work, and
Oxigraph 0.5's union default graph returns a triple once per graph holding it: a count over an HRC
resolution's six versions counted six times, and a join of three such patterns matched 6^3 times (and ran
that much slower). SPARQL's union default graph is a set (rdflib, Jena, and Oxigraph from 0.6 give each
triple once), so the embedded store keeps that set itself, in its real default graph, and queries read it:
every write below updates it in the same transaction. `GRAPH ?g` still reads the named graphs, which are
the data; the default graph is derived from them and is not written directly.

This module builds the SPARQL Update text that keeps it so, and reads which graphs a user's update writes.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Iterable

from rdflib.term import URIRef

from unkg.store.common import check_iri


def forget(iris: Iterable[str]) -> str:
    """Remove from the default graph the triples of these named graphs that no other named graph holds
    (run before the graphs are dropped or rewritten, in the same request)."""
    names = [f"<{check_iri(i)}>" for i in iris]
    return (
        "DELETE { ?s ?p ?o } WHERE {\n"
        f"  VALUES ?g {{ {' '.join(names)} }}\n"
        "  GRAPH ?g { ?s ?p ?o }\n"
        f"  FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} FILTER (?h NOT IN ({', '.join(names)})) }}\n"
        "}"
    )


def restore(iris: Iterable[str]) -> str:
    """Copy these named graphs' triples into the default graph (after they were written)."""
    names = " ".join(f"<{check_iri(i)}>" for i in iris)
    return f"INSERT {{ ?s ?p ?o }} WHERE {{ VALUES ?g {{ {names} }} GRAPH ?g {{ ?s ?p ?o }} }}"


_PROLOGUE = re.compile(r"(?:\s+|#[^\n]*|PREFIX\s+[^\s:]*:\s*<[^<>\s]*>|BASE\s*<[^<>\s]*>)*", re.I)


def around(update: str, before: str, after: str) -> str:
    """`before`, the user's `update` and `after` as one request (one transaction). The update's prologue goes
    first: Oxigraph reads PREFIX and BASE only at the start of a request."""
    prologue = _PROLOGUE.match(update).group(0)
    body = update[len(prologue):].rstrip().rstrip(";")
    return f"{prologue}\n{before + ' ;' if before else ''}\n{body} ;\n{after}"


def forget_triples(statements: Iterable[str]) -> str:
    """Remove these triples (N-Triples statements without blank nodes) from the default graph where no named
    graph holds them any more: after they were deleted from their graphs, or a failed load left them."""
    rows = "\n".join(f"({' '.join(_terms(s))})" for s in statements)
    return ("DELETE { ?s ?p ?o } WHERE {\n  VALUES (?s ?p ?o) {\n" + rows + "\n  }\n"
            "  FILTER NOT EXISTS { GRAPH ?h { ?s ?p ?o } }\n}")


def _terms(statement: str) -> tuple[str, str, str]:
    """Subject, predicate and object of an N-Triples statement: the first two hold no spaces (IRIs or blank
    nodes), the object is the rest without the final " ."."""
    s, p, o = statement.rstrip(".").rstrip().split(None, 2)
    return s, p, o


# The default graph's triples that no named graph holds. It reads the whole default graph, which takes long
# on a large store, so it runs only where the triples to look at are not known.
DROP_ORPHANS = "DELETE { ?s ?p ?o } WHERE { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }"

# After an update whose written graphs cannot be read off it (GRAPH ?g in a template, DROP ALL ...): make
# the default graph the union again, all of it. Slow on a large store, and rare.
RESYNC = DROP_ORPHANS + " ;\nINSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


@dataclass(frozen=True)
class Scope:
    """What a SPARQL Update writes: `default` names an operation that writes the default graph directly
    (None if none does); `graphs` are the named graphs it writes, or None when they cannot be known."""

    default: str | None
    graphs: frozenset[str] | None


def scope(update: str) -> Scope | None:
    """The graphs `update` writes, read from rdflib's parse of it; None if rdflib cannot parse it (the store
    then gives its own syntax error, or, for syntax rdflib lacks, the default graph is made whole again)."""
    # here, not at the top: building rdflib's SPARQL grammar takes a while, and only updates need it
    from rdflib.plugins.sparql.algebra import translateUpdate
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        ops = translateUpdate(parseUpdate(update)).algebra
    except Exception:  # pyparsing's and rdflib's errors have no common base; Oxigraph reports syntax
        return None
    targets = _Targets()
    for op in ops:
        read = _READERS.get(op.name)
        if read is None:
            targets.known = False
        else:
            read(targets, op.name, functools.partial(dict.get, op))  # CompValue.get returns a missing key's name
    return Scope(targets.default, frozenset(targets.graphs) if targets.known else None)


class _Targets:
    """What the operations of one update write, gathered operation by operation."""

    def __init__(self) -> None:
        self.graphs: set[str] = set()
        self.known = True
        self.default: str | None = None

    def graph(self, g: object, what: str) -> None:
        if isinstance(g, URIRef):
            self.graphs.add(str(g))
        elif g == "DEFAULT":
            self.writes_default(what)
        else:  # a variable, NAMED or ALL
            self.known = False

    def writes_default(self, what: str) -> None:
        self.default = self.default or what


def _data(t: _Targets, name: str, field) -> None:
    """INSERT DATA, DELETE DATA, DELETE WHERE: triples outside GRAPH write the default graph."""
    if field("triples"):
        t.writes_default(f"{name} outside GRAPH")
    for g in field("quads") or {}:
        t.graph(g, name)


def _modify(t: _Targets, name: str, field) -> None:
    """DELETE/INSERT ... WHERE: a template outside GRAPH writes WITH's graph, else the default graph."""
    for clause in (field("insert"), field("delete")):
        if clause is None:
            continue
        if dict.get(clause, "triples"):
            if field("withClause") is not None:
                t.graph(field("withClause"), "WITH")
            else:
                t.writes_default("a template outside GRAPH")
        for g in dict.get(clause, "quads") or {}:
            t.graph(g, "GRAPH")


def _load(t: _Targets, name: str, field) -> None:
    if field("graphiri") is None:
        t.writes_default("LOAD without INTO GRAPH")
    else:
        t.graph(field("graphiri"), "LOAD")


def _graph_management(t: _Targets, name: str, field) -> None:
    """CLEAR, DROP, CREATE write the graph they name."""
    t.graph(field("graphiri"), name.upper())


def _transfer(t: _Targets, name: str, field) -> None:
    """ADD, MOVE, COPY write their destination; MOVE also empties its source."""
    source, dest = field("graph")
    t.graph(dest, f"{name.upper()} TO DEFAULT")
    if name == "Move":
        t.graph(source, "MOVE DEFAULT")


_READERS = {"InsertData": _data, "DeleteData": _data, "DeleteWhere": _data, "Modify": _modify, "Load": _load,
            "Clear": _graph_management, "Drop": _graph_management, "Create": _graph_management,
            "Add": _transfer, "Move": _transfer, "Copy": _transfer}
