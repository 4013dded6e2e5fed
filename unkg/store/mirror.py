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


# The default graph's triples that no named graph holds: the whole default graph read (54 s on the 6.1M
# quads of the corpus), so only where the triples to look at are not known.
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
    from rdflib.plugins.sparql.algebra import translateUpdate
    from rdflib.plugins.sparql.parser import parseUpdate
    from rdflib.term import URIRef

    try:
        ops = translateUpdate(parseUpdate(update)).algebra
    except Exception:  # pyparsing's and rdflib's errors have no common base; Oxigraph reports syntax
        return None
    graphs: set[str] = set()
    known = True
    default: str | None = None

    def target(g: object, what: str) -> None:
        nonlocal known, default
        if isinstance(g, URIRef):
            graphs.add(str(g))
        elif g == "DEFAULT":
            default = default or what
        else:  # a variable, NAMED or ALL
            known = False

    for op in ops:
        name = op.name
        field = functools.partial(dict.get, op)  # CompValue.get returns the key's own name when it is absent
        if name in ("InsertData", "DeleteData", "DeleteWhere"):
            if field("triples"):
                default = default or f"{name} outside GRAPH"
            for g in field("quads") or {}:
                target(g, name)
        elif name == "Modify":
            for clause in (field("insert"), field("delete")):
                if clause is None:
                    continue
                if dict.get(clause, "triples"):
                    if field("withClause") is not None:
                        target(field("withClause"), "WITH")
                    else:
                        default = default or "a template outside GRAPH"
                for g in dict.get(clause, "quads") or {}:
                    target(g, "GRAPH")
        elif name == "Load":
            if field("graphiri") is None:
                default = default or "LOAD without INTO GRAPH"
            else:
                target(field("graphiri"), "LOAD")
        elif name in ("Clear", "Drop", "Create"):
            target(field("graphiri"), name.upper())
        elif name in ("Add", "Move", "Copy"):
            source, dest = field("graph")
            target(dest, f"{name.upper()} TO DEFAULT")
            if name == "Move":
                target(source, "MOVE DEFAULT")
        else:
            known = False
    return Scope(default, frozenset(graphs) if known else None)
