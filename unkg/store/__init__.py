"""Access to the quad store: embedded pyoxigraph on disk, or any SPARQL 1.1 server.

`open_store(location)` is the one entry point. A location is a folder (embedded) or an http(s) URL of a
SPARQL endpoint (remote). Both kinds implement `Store` below; ingest writes through it and the webapp reads
through it, so neither knows which kind it has.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Iterable, Protocol

import rdflib

from unkg.config import default_store

# Result formats for `Store.query_raw`, by short name -> media type.
RESULT_FORMATS = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "ntriples": "application/n-triples",
    "nquads": "application/n-quads",
    "trig": "application/trig",
    "jsonld": "application/ld+json",
}


@dataclass
class Dataset:
    """An RDF dataset named by a request (the SPARQL protocol's default-graph-uri / named-graph-uri): the
    default graph is the merge of `default_graphs`, and GRAPH sees `named_graphs` only. Either list may be
    empty (an empty default graph; no named graphs). It replaces the query's FROM / FROM NAMED."""

    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)


class Store(Protocol):
    location: str
    version: int  # changes when `refresh` picked up another process's writes
    union_once: bool  # the default graph gives a triple once, however many named graphs hold it

    def replace_graphs(self, graphs: Iterable[tuple[str, "rdflib.Graph | str"]]) -> int:
        """Replace each named graph (IRI, triples) atomically: all or nothing. Returns quads written.

        A graph is an rdflib Graph or its N-Triples text (what the parallel ingest's workers send)."""

    def drop_graph(self, graph_iri: str) -> None: ...

    def graphs(self) -> list[str]:
        """IRIs of the named graphs in the store."""

    def graph(self, graph_iri: str) -> rdflib.Graph:
        """One named graph's triples."""

    def graph_ntriples(self, graph_iri: str) -> str:
        """One named graph as N-Triples text ("" when absent): cheaper than `graph` for large graphs."""

    def select(self, sparql: str, timeout: float | None = None) -> list[dict[str, rdflib.term.Node]]:
        """Run a SELECT; rows map variable names to rdflib terms (unbound variables are absent)."""

    def ask(self, sparql: str) -> bool: ...

    def construct(self, sparql: str, timeout: float | None = None) -> rdflib.Graph:
        """Run a CONSTRUCT or DESCRIBE."""

    def query_raw(self, sparql: str, fmt: str, timeout: float | None = None, *, dataset: Dataset | None = None,
                  base: str | None = None, limit: int | None = None) -> bytes:
        """Run any query and serialise its results in `fmt` (a RESULT_FORMATS key); for /sparql and `unkg query`.
        `dataset` replaces the store's default dataset; `base` resolves relative IRIs the query has no BASE for;
        a result of more than `limit` rows (or triples) raises QueryError 413, on the embedded store as soon
        as the row past the limit is computed."""

    def update(self, sparql: str) -> None:
        """SPARQL 1.1 Update (the webapp refuses updates unless configured to allow them)."""

    def dump(self, fmt: str) -> bytes:
        """All quads as trig or nquads (or the union as turtle / jsonld)."""

    def stats(self) -> dict[str, object]:
        """Counts for `unkg stats`: quads, graphs, resolutions, paragraphs, provisions ..."""

    def refresh(self, *, now: bool = False) -> bool:
        """A store opened read-only: pick up what another process wrote since. True if anything changed."""

    def modified(self) -> "datetime | None":
        """When the store was last written, if it can tell (the dataset description's last update)."""

    def optimize(self) -> None:
        """Compact the storage after a large load (the ingest decides when); a no-op where there is nothing to do."""

    def close(self) -> None: ...


def open_store(location: str | None = None, *, read_only: bool = False) -> Store:
    """Open the store at `location` (default: config.default_store())."""
    location = location or default_store()
    if location.startswith(("http://", "https://")):
        # here: a store loads only its own backend (SPARQLWrapper or pyoxigraph), and both import this module
        from unkg.store.remote import RemoteStore

        return RemoteStore(location)
    # here: a store loads only its own backend (SPARQLWrapper or pyoxigraph), and both import this module
    from unkg.store.embedded import EmbeddedStore

    return EmbeddedStore(location, read_only=read_only)
