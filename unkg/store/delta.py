"""Rewriting stored graphs by their difference from the new ones.

A re-ingest mostly writes graphs that are already stored: the same file and extraction give the same
triples, and an improved extraction changes a few. Dropping and refilling each graph, and on the embedded
store forgetting and restoring all its triples in the default graph's union (store/mirror.py), rewrote
every quad twice. Here a graph's stored N-Triples are compared with the new ones, line by line: an
unchanged graph costs a read, and a changed one a write of the lines that differ, all in one SPARQL Update
(one transaction), so a failure still leaves every graph as it was.

Lines are compared as text, so the new text is first printed as the store prints it back (the embedded
store's `_as_stored`: Oxigraph keeps literals by value); a triple still printed two ways would only be
deleted and inserted again. Blank nodes cannot be matched by their labels, so a graph holding any is
replaced whole.
"""
from __future__ import annotations

from unkg.store import mirror
from unkg.store.common import check_iri


def lines(nt: str) -> set[str]:
    """The statements of an N-Triples text, one per line (blank lines and comments left out)."""
    out = set()
    for line in nt.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.add(line)
    return out


def has_blank_nodes(statements: set[str]) -> bool:
    return any("_:" in s for s in statements)


def update(changes: list[tuple[str, set[str], set[str]]], union_once: bool) -> str:
    """One SPARQL Update applying [(graph IRI, statements removed, statements added)]. With `union_once`,
    the default graph (the union) loses what no named graph holds any more and gains what was added."""
    removed = [(check_iri(g), r) for g, r, _ in changes if r]
    added = [(check_iri(g), a) for g, _, a in changes if a]
    ops = []
    if removed:
        ops.append("DELETE DATA {\n" + "\n".join(_block(g, r) for g, r in removed) + "\n}")
        if union_once:
            ops.append(mirror.forget_triples(s for _, r in removed for s in r))
    if added:
        default = "\n".join(s for _, a in added for s in a) + "\n" if union_once else ""
        ops.append("INSERT DATA {\n" + default + "\n".join(_block(g, a) for g, a in added) + "\n}")
    return " ;\n".join(ops)


def _block(graph: str, statements: set[str]) -> str:
    return f"GRAPH <{graph}> {{\n" + "\n".join(statements) + "\n}"

