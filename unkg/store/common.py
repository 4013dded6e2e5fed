"""Pieces both store kinds share: graph payloads as N-Triples, the SPARQL text of an atomic replace,
and the counting queries behind `unkg stats`.

A graph payload is either an rdflib Graph or its N-Triples text: the parallel ingest serialises graphs
in worker processes, so the parent never rebuilds rdflib objects just to write them.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Iterable, Union

import rdflib

from unkg.config import ONTOLOGY_NS


@dataclass(frozen=True)
class GraphText:
    """A graph as the ingest's workers send it: its N-Triples, the same statements as N-Quads lines in the
    graph (`graph_nquads`, UTF-8), so that the process writing the store only joins them, and `checked` when
    Oxigraph has already parsed these N-Triples without refusing a term (the worker's shape check loads them),
    so that the store need not check them again. The N-Triples may come as their UTF-8 (what the workers send:
    a bulk load reads them as lines of the default graph, so the writing process never decodes them), and
    `quads`, the lines of `nquads`, when whoever made them counted them (`counted_nquads`)."""

    ntriples: str | bytes
    nquads: bytes
    checked: bool = False
    quads: int | None = None

    @classmethod
    def of(cls, iri: str, ntriples: str | bytes, checked: bool = False) -> "GraphText":
        """The graph `iri` from its N-Triples, its N-Quads lines made and counted at once (`counted_nquads`)."""
        nquads, quads = counted_nquads(iri, ntriples)
        return cls(ntriples, nquads, checked, quads)


GraphData = Union[rdflib.Graph, str, GraphText]

# What `unkg stats` counts, by class (in any named graph); the store's own totals come first.
STAT_CLASSES = {
    "resolutions": "Resolution",
    "expressions": "ResolutionExpression",
    "preambular_paragraphs": "PreambularParagraph",
    "operative_paragraphs": "OperativeParagraph",
    "subparagraphs": "SubParagraph",
    "provisions": "Provision",
    "mandates": "Mandate",
}


def ntriples(data: GraphData) -> str:
    """The graph as N-Triples text (a string payload is assumed to be N-Triples already)."""
    if isinstance(data, str):
        return data
    if isinstance(data, GraphText):
        return data.ntriples if isinstance(data.ntriples, str) else data.ntriples.decode("utf-8")
    return data.serialize(format="nt", encoding="utf-8").decode("utf-8")


def check_iri(iri: str) -> str:
    """Refuse graph names that would break out of `<...>` in SPARQL text."""
    if not iri or any(c in iri for c in '<>"{}|^`\\ \n\r\t'):
        raise ValueError(f"not an IRI usable as a graph name: {iri!r}")
    return iri


def replace_update(graphs: Iterable[tuple[str, GraphData]]) -> tuple[str, int]:
    """One SPARQL Update request that drops and re-fills each named graph, and the number of quads in it.

    A single request is a single transaction in Oxigraph (and one statement in Virtuoso), so a failure
    leaves every graph as it was.
    """
    drops: list[str] = []
    blocks: list[str] = []
    quads = 0
    for iri, data in graphs:
        check_iri(iri)
        text = ntriples(data)
        quads += sum(1 for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))
        drops.append(f"DROP SILENT GRAPH <{iri}>")
        blocks.append(f"GRAPH <{iri}> {{\n{text}\n}}")
    if not drops:
        return "", 0
    return ";\n".join(drops) + ";\nINSERT DATA {\n" + "\n".join(blocks) + "\n}", quads


def nquads(graphs: list[tuple[str, str]]) -> tuple[str, int]:
    """N-Triples payloads as one N-Quads document (each triple put into its graph) and its quad count."""
    out: list[str] = []
    for iri, text in graphs:
        suffix = f" <{check_iri(iri)}> .\n"
        for line in text.splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                # an N-Triples statement ends with "."; one that does not is left for the parser to refuse
                out.append((line[:-1].rstrip() if line.endswith(".") else line) + suffix)
    return "".join(out), len(out)


def graph_nquads(iri: str, text: str | bytes) -> bytes:
    """A graph's N-Triples (text, or already encoded as UTF-8) as N-Quads lines in that graph, UTF-8, what a
    bulk load reads (`counted_nquads` without the count)."""
    return counted_nquads(iri, text)[0]


def counted_nquads(iri: str, text: str | bytes) -> tuple[bytes, int]:
    """`graph_nquads`, and how many lines it made. Statements written as `pipeline.ntriples_of`, rdflib and
    Oxigraph write them end in " .\n" and hold no other (a literal's line breaks are escaped), so the graph's
    name goes before each end at once, and the lines are the pieces between the ends; any other text is taken
    line by line (`nquads`)."""
    suffix = f" <{check_iri(iri)}> .\n"
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    # in bytes: the UTF-8 of a wider text is what costs, so it is made once (an ASCII mark is the same bytes)
    parts = data.split(b" .\n")
    if parts[-1] == b"" and data.count(b"\n") == len(parts) - 1:
        return suffix.encode("utf-8").join(parts), len(parts) - 1
    lines, count = nquads([(iri, data.decode("utf-8"))])
    return lines.encode("utf-8"), count


def stats_query(graph_prefixes: list[str] | None = None) -> str:
    """One SELECT that counts quads, graphs and each class of STAT_CLASSES across the named graphs.

    `graph_prefixes` keeps to graphs whose IRI starts with one of them (a shared server's own graphs
    are not unkg's)."""
    flt = ""
    if graph_prefixes:
        flt = " FILTER(" + " || ".join(f'STRSTARTS(STR(?g), "{p}")' for p in graph_prefixes) + ")"
    parts = [
        f"{{ SELECT (COUNT(*) AS ?quads) WHERE {{ GRAPH ?g {{ ?s ?p ?o }}{flt} }} }}",
        f"{{ SELECT (COUNT(DISTINCT ?g) AS ?graphs) WHERE {{ GRAPH ?g {{ ?s ?p ?o }}{flt} }} }}",
    ]
    for var, cls in STAT_CLASSES.items():
        parts.append(f"{{ SELECT (COUNT(DISTINCT ?x) AS ?{var}) WHERE {{ GRAPH ?g {{ ?x a <{ONTOLOGY_NS}{cls}> }}{flt} }} }}")
    return "SELECT * WHERE {\n" + "\n".join(parts) + "\n}"


def stats_from_row(row: dict[str, rdflib.term.Node]) -> dict[str, object]:
    keys = ["quads", "graphs", *STAT_CLASSES]
    return {k: int(row[k].toPython()) if k in row else 0 for k in keys}


def count_results(body: bytes, fmt: str) -> int:
    """Rows of a serialised SELECT result (ASK counts as one), or triples of an N-Triples graph: for a result
    that arrived whole (from a remote server), where the embedded store counts while it streams."""
    if fmt == "json":
        doc = json.loads(body)
        return len(doc.get("results", {}).get("bindings", [])) if "results" in doc else 1
    if fmt == "xml":
        return body.count(b"<result>") + body.count(b"<result ") if b"<results" in body else 1
    if fmt == "csv":
        return max(0, sum(1 for _ in csv.reader(io.StringIO(body.decode("utf-8")))) - 1)
    if fmt == "tsv":  # TSV escapes newlines inside values, so lines are rows
        return max(0, len(body.decode("utf-8").splitlines()) - 1)
    if fmt == "ntriples":
        return sum(1 for line in body.splitlines() if line.strip() and not line.lstrip().startswith(b"#"))
    raise ValueError(fmt)
