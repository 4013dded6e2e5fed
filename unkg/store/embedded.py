"""The embedded store: pyoxigraph (RocksDB) in a folder on disk.

Queries see the union of all named graphs as their default graph, as Virtuoso and `oxigraph serve
--union-default-graph` do, so the same SPARQL gives the same answers on every kind of store; here each
triple once, however many graphs hold it, because the store keeps that union itself (store/mirror.py says
why). A store written before it did so has an empty default graph and is read as Oxigraph's union, as then.
"""
from __future__ import annotations

import io
import json
import threading
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

import pyoxigraph as ox
import rdflib

from unkg.errors import QueryError, StoreError
from unkg.querykind import check_nesting
from unkg.store import Dataset, delta, mirror
from unkg.store.common import (
    GraphData,
    GraphText,
    check_iri,
    graph_nquads,
    ntriples,
    replace_update,
    stats_from_row,
    stats_query,
)

_RESULTS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
_RDF = {
    "turtle": ox.RdfFormat.TURTLE,
    "ttl": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "nq": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
    "xml": ox.RdfFormat.RDF_XML,
}
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_UNION_CONSTRUCT = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
_DEFAULT = ox.DefaultGraph()


def to_rdflib(term: Any) -> rdflib.term.Node:
    """A pyoxigraph term as the rdflib term rdflib's own SPARQL engine would give (plain strings untyped)."""
    if isinstance(term, ox.Literal) and len(term.value) > 200:
        return _convert(term)  # paragraph texts rarely repeat: not worth hashing for a cache slot
    node = _CACHE.get(term)
    if node is None:
        if isinstance(term, ox.BlankNode):
            return rdflib.BNode(term.value)
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.clear()
        node = _CACHE[term] = _convert(term)
    return node


def _rows(res: Any, names: list[str]) -> list[dict[str, rdflib.term.Node]]:
    """The solutions as dicts of rdflib terms. A solution iterates its values in the order of `names`
    (cheaper than looking each up by name); the term cache is asked first, since most terms of a page's
    rows repeat (to_rdflib's checks cost more than the lookup)."""
    known = _CACHE.get
    out = []
    for sol in res:
        row = {}
        for n, t in zip(names, sol, strict=False):  # a solution has a value (or None) for every variable
            if t is not None:
                node = known(t)
                row[n] = node if node is not None else to_rdflib(t)
        out.append(row)
    return out


def _convert(term: Any) -> rdflib.term.Node:
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        dt = term.datatype.value
        if dt in (_XSD_STRING, _RDF_LANGSTRING):
            return rdflib.Literal(term.value)
        return rdflib.Literal(term.value, datatype=rdflib.URIRef(dt))
    raise TypeError(f"unsupported RDF term in a result: {term!r}")


# Result rows repeat their terms (symbols, concepts, counts), and building an rdflib Literal (which parses
# its value) cost more than the query itself for a 1,000-row aggregate; rdflib terms are immutable. A plain
# dict, emptied when full: cheaper per term than functools.lru_cache, which matters for fast aggregates.
_CACHE: dict[Any, rdflib.term.Node] = {}
_CACHE_SIZE = 1 << 15


class EmbeddedStore:
    """A pyoxigraph store in the folder `location` (created on first write).

    Open read-only (as `unkg serve` and its query workers do), it sees the store as it was when opened; so
    that a server picks up what `unkg ingest` writes meanwhile, `refresh()` reopens it when RocksDB's
    manifest has changed on disk, which every committed write does (and nothing a reader does).

    `union_once`: its default graph is the union of its named graphs, each triple once (store/mirror.py);
    false for a store an earlier unkg wrote, which is read through Oxigraph's union, as it was then.
    """

    REFRESH_EVERY = 1.0  # seconds between looks at the manifest

    def __init__(self, location: str | Path, *, read_only: bool = False):
        self.location = str(location)
        self.read_only = read_only
        self.version = 0  # counts the reopenings refresh() made
        path = Path(location)
        try:
            if read_only:
                if not (path / "CURRENT").exists():
                    raise StoreError(f"{path}: no store here (ingest something first)")
                self._on_disk, self._looked = self._manifest(), time.monotonic()
                self._store = ox.Store.read_only(str(path))
            else:
                if path.exists() and not path.is_dir():
                    raise StoreError(f"{path}: is a file, not a store folder")
                path.mkdir(parents=True, exist_ok=True)  # RocksDB makes the last folder only (~/.local/share/...)
                self._store = ox.Store(str(path))
        except OSError as e:
            # RocksDB refuses a second writer with a LOCK error; say so plainly.
            why = "it is open in another process (stop it or open read-only)" if "lock" in str(e).lower() else str(e)
            raise StoreError(f"{path}: cannot open the store: {why}") from None
        except RuntimeError as e:  # RocksDB reports damaged files ("Corruption: CURRENT file corrupted") so
            raise StoreError(f"{path}: the store is corrupt ({_one_line(e)}); restore it from a copy or ingest "
                             "into a new folder") from None
        self.union_once = self._keeps_union()

    # -- writing -------------------------------------------------------------------------------------
    def replace_graphs(self, graphs: Iterable[tuple[str, GraphData]]) -> int:
        """Replace the named graphs, all or nothing. Returns quads written.

        A batch that rewrites graphs already in the store writes only what changed (store/delta.py), in one
        SPARQL Update (one transaction). A batch of new graphs, what a first ingest writes, is bulk-loaded:
        RocksDB files written directly, about four times faster and with a seventh of the memory of a
        transactional load (benchmarks/ingest.py); bulk loading is not transactional, so a failed one removes
        those graphs again, which leaves the store as it was since none of them was there before.
        """
        self._writable()
        items = [(check_iri(iri), data) for iri, data in graphs]
        payload = [(iri, ntriples(data)) for iri, data in items]
        if not payload:
            return 0
        iris = [iri for iri, _ in payload]
        try:
            if any(self._store.contains_named_graph(ox.NamedNode(iri)) for iri in iris):
                text, quads = self._rewrite(payload)
                if text:
                    self._store.update(text)
                return quads
            parts = [self._bulk_lines(iri, data) for iri, data in items]
        except (SyntaxError, OSError, ValueError, RuntimeError) as e:
            raise StoreError(f"{self.location}: could not write graphs: {_one_line(e)}") from None
        data = b"".join(named for named, _, _ in parts) + b"".join(union for _, union, _ in parts)
        try:
            # a payload Oxigraph has parsed already is not checked twice (see GraphText)
            self._store.bulk_load(data, format=ox.RdfFormat.N_QUADS,
                                  lenient=all(isinstance(d, GraphText) and d.checked for _, d in items))
        except BaseException as e:  # also Ctrl-C: never leave part of a batch behind
            for iri in iris:
                self._store.remove_graph(ox.NamedNode(iri))
            if self.union_once:  # what the load put in the default graph and no other graph holds
                self._drop_orphans(payload)
            if isinstance(e, (SyntaxError, OSError, ValueError, RuntimeError)):
                raise StoreError(f"{self.location}: could not write graphs: {_one_line(e)}") from None
            raise
        return sum(quads for _, _, quads in parts)

    def _bulk_lines(self, iri: str, data: GraphData) -> tuple[bytes, bytes, int]:
        """What a bulk load reads for one new graph: its statements as N-Quads lines in the graph, the same as
        lines of the default graph (the union's copy; none on a store written before it kept one), and how
        many statements."""
        quads = None
        if isinstance(data, GraphText):
            text, named, quads = data.ntriples, data.nquads, data.quads
        else:
            text = ntriples(data)
            named = graph_nquads(iri, text)
        union = b""
        if self.union_once and text:  # N-Triples lines are N-Quads lines of the default graph
            union = text if isinstance(text, bytes) else text.encode("utf-8")
            union += b"" if union.endswith(b"\n") else b"\n"
        return named, union, named.count(b"\n") if quads is None else quads

    def load_new_graphs(self, graphs: Iterable[tuple[str, GraphText]],
                        then: Iterable[Iterable[tuple[str, GraphText]]] = ()) -> int:
        """Bulk-load graphs the store does not hold, in one load that reads `graphs` as it goes (the ingest
        passes its workers' results as they come). Returns quads written.

        One load instead of one per batch: RocksDB then receives a few large sorted files instead of a set of
        files per batch, which its background compaction would merge into everything already loaded, again
        and again (docs/benchmarks.md, "Ingest speed: one load"). Each graph must be new to the store and
        `checked` (see GraphText); a graph already in the store or given twice stops the load. A load that
        fails, or is interrupted, removes every graph it wrote and what it added to the default graph, so the
        store is as it was.

        `then`: more graphs, each iterable read by a bulk load of its own, in a thread of its own started when
        the input of `graphs` has ended: Oxigraph writes a bulk load's last piece (up to a million quads, on one
        thread) and then copies all its files into the store only once its input has ended, and the next part
        (the ingest: lineage's graphs) is made and loaded meanwhile. `then` is read in that thread, one part
        after the other (the ingest makes its parts as the graphs come). All of it is one write: a failure in
        any part removes what every part wrote."""
        self._writable()
        written: list[str] = []
        seen: set[str] = set()
        counts = [0]
        later = then if isinstance(then, Iterator) else list(then)
        beside: list[threading.Thread] = []
        failed: list[BaseException] = []

        def lines(part: Iterable[tuple[str, GraphText]]) -> Iterator[bytes]:
            for iri, data in part:
                node = ox.NamedNode(check_iri(iri))
                if iri in seen or self._store.contains_named_graph(node):
                    raise StoreError(f"{self.location}: {iri} is already in the store; a bulk load writes new graphs")
                if not (isinstance(data, GraphText) and data.checked):
                    raise StoreError(f"{self.location}: {iri} was not parsed before; a bulk load takes checked graphs")
                seen.add(iri)
                written.append(iri)
                named, union, quads = self._bulk_lines(iri, data)
                counts[0] += quads
                yield named
                yield union

        def load_later() -> None:
            try:
                for part in later:
                    self._store.bulk_load(_Reader(lines(part)), format=ox.RdfFormat.N_QUADS, lenient=True)
            except BaseException as e:  # raised in the caller's thread, which undoes every part
                failed.append(e)

        def first() -> Iterator[bytes]:
            yield from lines(graphs)
            # the first part's input has ended (what it has read is no longer changed by `lines`)
            if isinstance(later, Iterator) or later:
                beside.append(threading.Thread(target=load_later, name="unkg-load-beside", daemon=True))
                beside[0].start()

        try:
            try:
                self._store.bulk_load(_Reader(first()), format=ox.RdfFormat.N_QUADS, lenient=True)
            finally:
                for thread in beside:  # never undo while a part is still being written
                    thread.join()
            if failed:
                raise failed[0]
        except BaseException as e:  # also Ctrl-C, which reaches Python while the load reads its input
            self._unload(written)
            if isinstance(e, (SyntaxError, OSError, ValueError, RuntimeError)):
                raise StoreError(f"{self.location}: could not write graphs: {_one_line(e)}") from None
            raise
        return counts[0]

    def _unload(self, iris: list[str]) -> None:
        """Remove graphs a failed load wrote, then the default graph's triples that no named graph holds (the
        whole default graph is read: the statements the load wrote are not kept)."""
        for iri in iris:
            self._store.remove_graph(ox.NamedNode(iri))
        if self.union_once and iris:
            self._store.update(mirror.DROP_ORPHANS)

    def _drop_orphans(self, payload: list[tuple[str, str]]) -> None:
        """After a failed bulk load, remove from the default graph what it wrote there and no named graph
        holds. Only the batch's triples are looked at, those that parse (the others cannot have been
        loaded); blank nodes were given new labels by the load, so a batch holding any sweeps the default
        graph whole."""
        statements: set[str] = set()
        for _, nt in payload:
            statements |= delta.lines(nt)
        if delta.has_blank_nodes(statements):
            self._store.update(mirror.DROP_ORPHANS)
            return
        if not _parses("\n".join(statements)):  # the load failed on a bad line: keep the ones that parse
            statements = {s for s in statements if _parses(s)}
        if statements:
            self._store.update(mirror.forget_triples(statements))

    def _rewrite(self, payload: list[tuple[str, str]]) -> tuple[str, int]:
        """The SPARQL Update turning each graph's stored triples into the new ones, and the quads they make:
        the difference where it can be taken, the whole graph where blank nodes forbid it."""
        changes, whole, quads = [], [], 0
        for iri, nt in payload:
            new = delta.lines(nt)
            quads += len(new)
            old = delta.lines(self.graph_ntriples(iri))
            if delta.has_blank_nodes(old) or delta.has_blank_nodes(new):
                whole.append((iri, nt))
                continue
            new = delta.lines(_as_stored(nt))
            if old != new:
                changes.append((iri, old - new, new - old))
        ops = []
        if whole:
            text, _ = replace_update(whole)
            names = [iri for iri, _ in whole]
            ops.append(f"{mirror.forget(names)} ;\n{text} ;\n{mirror.restore(names)}" if self.union_once else text)
        if changes:
            ops.append(delta.update(changes, self.union_once))
        return " ;\n".join(ops), quads

    def drop_graph(self, graph_iri: str) -> None:
        self._writable()
        node = ox.NamedNode(check_iri(graph_iri))
        if self._store.contains_named_graph(node):
            if self.union_once:
                self._store.update(f"{mirror.forget([graph_iri])} ;\nDROP GRAPH <{graph_iri}>")
            else:
                self._store.remove_graph(node)

    def update(self, sparql: str) -> None:
        """Run a SPARQL Update. On a store keeping the union, the update and the union's upkeep are one
        request, one transaction: the named graphs it writes are forgotten from the default graph before and
        copied back after; an update that writes the default graph itself is refused, since it is derived."""
        self._writable()
        check_nesting(sparql)
        if self.union_once:
            sparql = self._with_upkeep(sparql)
        try:
            self._store.update(sparql)
        except SyntaxError as e:
            raise QueryError(f"malformed SPARQL update: {_one_line(e)}") from None
        except (OSError, RuntimeError) as e:
            raise StoreError(f"{self.location}: update failed: {_one_line(e)}") from None

    def modified(self) -> datetime | None:
        """The time of the last committed write: every write appends to RocksDB's manifest, reading never does."""
        try:
            name = (Path(self.location) / "CURRENT").read_text(encoding="ascii").strip()
            return datetime.fromtimestamp((Path(self.location) / name).stat().st_mtime, tz=timezone.utc)
        except (OSError, ValueError):  # ValueError: a CURRENT file that is not ASCII (a damaged store)
            return None

    def optimize(self) -> None:
        """Compact RocksDB. A bulk load writes its batches as overlapping files, and until they are merged every
        lookup seeks in each of them: one per provision in a selective question (scans barely change; the
        measurements are in docs/benchmarks.md). Rewrites the whole store, so the ingest calls it only after a
        load at least as large as what the store held (benchmarks/ingest.py times it)."""
        if not self.read_only:
            self._store.optimize()

    # -- reading -------------------------------------------------------------------------------------
    def graphs(self) -> list[str]:
        self.refresh()
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def graph(self, graph_iri: str) -> rdflib.Graph:
        g = rdflib.Graph(identifier=rdflib.URIRef(graph_iri))
        for q in self._store.quads_for_pattern(None, None, None, ox.NamedNode(graph_iri)):
            g.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
        return g

    def graph_ntriples(self, graph_iri: str) -> str:
        return self._store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph_iri)).decode("utf-8")

    def __len__(self) -> int:
        """Quads in the named graphs (the default graph's copy of their union not counted)."""
        if not self.union_once:
            return len(self._store)
        (row,) = self._store.query("SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }")
        return int(row[0].value)

    def select(self, sparql: str, timeout: float | None = None) -> list[dict[str, rdflib.term.Node]]:
        def run() -> list[dict[str, rdflib.term.Node]]:
            res = self._query(sparql)
            if not isinstance(res, ox.QuerySolutions):
                raise QueryError("expected a SELECT query")
            names = [v.value for v in res.variables]
            return _rows(res, names)

        return _with_timeout(run, timeout)

    def ask(self, sparql: str) -> bool:
        res = self._query(sparql)
        if not isinstance(res, ox.QueryBoolean):
            raise QueryError("expected an ASK query")
        return bool(res)

    def construct(self, sparql: str, timeout: float | None = None) -> rdflib.Graph:
        def run() -> rdflib.Graph:
            res = self._query(sparql)
            if not isinstance(res, ox.QueryTriples):
                raise QueryError("expected a CONSTRUCT or DESCRIBE query")
            g = rdflib.Graph()
            for t in res:
                g.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
            return g

        return _with_timeout(run, timeout)

    def query_raw(self, sparql: str, fmt: str, timeout: float | None = None, *, dataset: Dataset | None = None,
                  base: str | None = None, limit: int | None = None) -> bytes:
        def run() -> bytes:
            res = self._query(sparql, dataset, base)
            if isinstance(res, ox.QueryTriples):
                if fmt not in _RDF:
                    raise QueryError(f"a graph result cannot be written as {fmt}; use turtle, ntriples or jsonld")
                if limit is None:
                    return res.serialize(format=_RDF[fmt])
                return ox.serialize(_at_most(res, limit, "triples"), format=_RDF[fmt])
            if fmt not in _RESULTS:
                raise QueryError(f"a SELECT/ASK result cannot be written as {fmt}; use json, xml, csv or tsv")
            if limit is None or isinstance(res, ox.QueryBoolean):
                return res.serialize(format=_RESULTS[fmt])
            names = [v.value for v in res.variables]
            return results_bytes(names, _at_most(res, limit, "rows"), fmt)

        return _with_timeout(run, timeout)

    def dump(self, fmt: str) -> bytes:
        """trig / nquads (and jsonld) keep the named graphs; turtle / ntriples give their union."""
        if fmt not in _RDF:
            raise StoreError(f"unknown export format {fmt!r}")
        f = _RDF[fmt]
        if f.supports_datasets:
            if not self.union_once:
                return self._store.dump(format=f)
            # graph by graph: the default graph's copy of their union is never read
            named = (q for g in self._store.named_graphs() for q in self._store.quads_for_pattern(None, None, None, g))
            return ox.serialize(named, format=f)
        if self.union_once:
            return self._store.dump(format=f, from_graph=_DEFAULT)
        return self._store.query(_UNION_CONSTRUCT).serialize(format=f)

    def stats(self) -> dict[str, object]:
        rows = self.select(stats_query())
        out = stats_from_row(rows[0] if rows else {})
        out["store"] = self.location
        return out

    def close(self) -> None:
        # pyoxigraph closes RocksDB when the object is collected; flush so the files are complete now.
        store = getattr(self, "_store", None)
        if store is not None and not self.read_only:
            try:
                store.flush()
            except OSError:
                pass
        self._store = None  # type: ignore[assignment]

    def __enter__(self) -> "EmbeddedStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def snapshot(self) -> str | None:
        """Names the state of the store this handle reads, the same in every process that reads that state
        (the web server's workers key their shared caches by it): the folder and the RocksDB manifest it
        was opened on. None for a writable handle, whose state changes under it."""
        if not self.read_only or self._on_disk is None:
            return None
        return f"{Path(self.location).resolve()}|{self._on_disk[0]}|{self._on_disk[1]}"

    def refresh(self, *, now: bool = False) -> bool:
        """Read-only: reopen if another process has written to the store since (looked at no more often than
        REFRESH_EVERY seconds, unless `now`). True when it reopened: what callers cached is out of date."""
        if not self.read_only or (not now and time.monotonic() - self._looked < self.REFRESH_EVERY):
            return False
        self._looked = time.monotonic()
        seen = self._manifest()
        if seen == self._on_disk:
            return False
        try:
            self._store = ox.Store.read_only(self.location)
        except (OSError, RuntimeError):
            return False  # caught mid-write: keep the open view, look again next time
        self._on_disk = seen
        self.union_once = self._keeps_union()
        self.version += 1
        return True

    # -- internals -----------------------------------------------------------------------------------
    def _manifest(self) -> tuple[str, int] | None:
        """RocksDB's current manifest and its length: a bulk load, a flush or a compaction appends to it."""
        try:
            name = (Path(self.location) / "CURRENT").read_text(encoding="ascii").strip()
            return name, (Path(self.location) / name).stat().st_size
        except (OSError, ValueError):
            return None

    def _keeps_union(self) -> bool:
        """Whether the default graph holds the union (see store/mirror.py): it does in a store that had no
        graphs when this code first wrote it; a store written before keeps an empty default graph."""
        if next(iter(self._store.quads_for_pattern(None, None, None, _DEFAULT)), None) is not None:
            return True
        return next(iter(self._store.named_graphs()), None) is None

    def _with_upkeep(self, sparql: str) -> str:
        """The user's update followed, in the same request, by the default graph's upkeep (store/mirror.py)."""
        scope = mirror.scope(sparql)
        if scope is not None and scope.default:
            raise QueryError(
                f"this update writes the default graph ({scope.default}), which here is the union of the named "
                "graphs, kept by the store: write into a named graph instead, GRAPH <...> { ... }")
        if scope is not None and scope.graphs is not None:
            if not scope.graphs:
                return sparql
            try:
                return mirror.around(sparql, mirror.forget(scope.graphs), mirror.restore(scope.graphs))
            except ValueError:  # a graph name SPARQL text cannot carry as it is
                pass
        return mirror.around(sparql, "", mirror.RESYNC)

    def _query(self, sparql: str, dataset: Dataset | None = None, base: str | None = None) -> Any:
        check_nesting(sparql)
        self.refresh()
        options: dict[str, Any] = {"use_default_graph_as_union": not self.union_once}
        if dataset is not None:
            try:
                options = {"default_graph": [ox.NamedNode(g) for g in dataset.default_graphs],
                           "named_graphs": [ox.NamedNode(g) for g in dataset.named_graphs]}
            except ValueError as e:
                raise QueryError(f"not an IRI in default-graph-uri or named-graph-uri: {_one_line(e)}") from None
        try:
            return self._store.query(sparql, base_iri=base, **options)
        except SyntaxError as e:
            raise QueryError(f"malformed SPARQL query: {_one_line(e)}") from None
        except OSError as e:
            # a writer's compaction may have removed files this older view still names: reopen, try once more
            if self.refresh(now=True):
                return self._query(sparql, dataset, base)
            raise StoreError(f"{self.location}: query failed: {e}") from None
        except RuntimeError as e:  # RocksDB's "Corruption: ..." on reading a damaged file
            raise StoreError(f"{self.location}: query failed, the store may be corrupt: {_one_line(e)}") from None

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.location}: the store is open read-only")


class _Reader(io.RawIOBase):
    """Blocks of bytes from an iterator read as one file: what `Store.bulk_load` reads, a piece at a time, while
    the iterator makes the next blocks."""

    def __init__(self, blocks: Iterator[bytes]):
        super().__init__()
        self._blocks = blocks
        self._block = b""
        self._at = 0

    def readable(self) -> bool:
        return True

    def _ahead(self) -> bool:
        """Whether a block has bytes left to read (the next non-empty one is taken when the last is read)."""
        while self._at >= len(self._block):
            block = next(self._blocks, None)
            if block is None:
                return False
            self._block, self._at = bytes(block), 0
        return True

    def read(self, size: int | None = -1) -> bytes:
        """Up to `size` bytes of the current block: pyoxigraph reads by `read`, a few kilobytes a call, which
        `RawIOBase.read` would serve through `readinto` and a buffer copied once more."""
        if size is None or size < 0:
            return self.readall()
        if not size or not self._ahead():
            return b""
        if self._at == 0 and size >= len(self._block):
            self._at = len(self._block)
            return self._block
        piece = self._block[self._at:self._at + size]
        self._at += len(piece)
        return piece

    def readinto(self, buffer: Any) -> int:
        piece = self.read(len(buffer))
        buffer[:len(piece)] = piece
        return len(piece)


def _at_most(results: Any, limit: int, what: str) -> list[Any]:
    """The first `limit` solutions or triples, read one by one: a larger result is refused as soon as it has
    one more, before the rest is computed or serialised (413)."""
    out = []
    for item in results:
        if len(out) == limit:
            raise QueryError(f"the query gives more than the limit of {limit} {what}; narrow it or add LIMIT", 413)
        out.append(item)
    return out


def results_bytes(names: list[str], solutions: list[Any], fmt: str) -> bytes:
    """Solutions (as pyoxigraph gives them) serialised in `fmt`: written as SPARQL JSON here, and by Oxigraph's
    own serialisers from that for XML, CSV and TSV, so that every format reads as from `serialize`."""
    rows = []
    for sol in solutions:
        rows.append({n: _json_term(t) for n, t in zip(names, sol, strict=True) if t is not None})
    body = json.dumps({"head": {"vars": names}, "results": {"bindings": rows}}, ensure_ascii=False,
                      separators=(",", ":")).encode("utf-8")
    if fmt == "json":
        return body
    return ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON).serialize(format=_RESULTS[fmt])


def _json_term(term: Any) -> dict[str, Any]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        if term.language:
            return {"type": "literal", "value": term.value, "xml:lang": term.language}
        if term.datatype.value == _XSD_STRING:
            return {"type": "literal", "value": term.value}
        return {"type": "literal", "value": term.value, "datatype": term.datatype.value}
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": _json_term(term.subject),
                                            "predicate": _json_term(term.predicate), "object": _json_term(term.object)}}
    raise TypeError(f"unsupported RDF term in a result: {term!r}")


def _as_stored(nt: str) -> str:
    """N-Triples as the store prints them back, so that an unchanged graph compares equal line by line: Oxigraph
    keeps a literal by value, and writes "7"^^xsd:nonNegativeInteger back as "7"^^xsd:integer, for one."""
    memory = ox.Store()
    memory.load(nt.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES, to_graph=_DEFAULT)
    return memory.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=_DEFAULT).decode("utf-8")


def _parses(nt: str) -> bool:
    try:
        for _ in ox.parse(nt, format=ox.RdfFormat.N_TRIPLES):  # parses lazily
            pass
        return True
    except SyntaxError:
        return False


def _one_line(e: BaseException) -> str:
    return " ".join(str(e).split())


def _with_timeout(fn: Callable[[], Any], timeout: float | None) -> Any:
    """Run `fn` and give up waiting after `timeout` seconds with a QueryError.

    pyoxigraph cannot cancel a running query, so on timeout the worker thread finishes in the background
    (it releases the GIL while evaluating); the caller gets its clear error at once.
    """
    if not timeout:
        return fn()
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = fn()
        except BaseException as e:  # handed back to the caller below
            box["error"] = e

    t = threading.Thread(target=target, daemon=True, name="unkg-query")
    t.start()
    t.join(timeout)
    if t.is_alive():
        raise QueryError(f"the query took longer than the limit of {timeout:g} s", status=503)
    if "error" in box:
        raise box["error"]
    return box["value"]
