"""read -> extract -> metadata -> graph -> validate -> store, for many files, serially or in a process pool.

Each file is processed on its own (`process_file`): a file that cannot be read, or whose graph does not
conform to the shapes, becomes one failure line naming the file and the problem, and never reaches the
store. Workers return N-Triples text (and the same as N-Quads lines); the parent writes conforming graphs in
batches, each batch one atomic replace, so re-ingesting a file replaces its named graph and leaves the same
quads; into a store without resolution graphs, in one bulk load that reads them as they come (`_Writer`).
"""
from __future__ import annotations

import gc
import glob
import multiprocessing as mp
import os
import re
import sys
import time
from collections import deque
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any, Callable, Generator, Iterable, Iterator

import pyoxigraph as ox
import rdflib
from tqdm import tqdm

from unkg.config import ONTOLOGY_NS, VOCAB_NS, progress_every
from unkg.errors import InputError, StoreError, UnkgError, ValidationError, one_line
from unkg.store import Store, delta
from unkg.store.common import GraphText, counted_nquads

# File kinds the readers know, for expanding folders (files named explicitly are always tried).
INGEST_SUFFIXES = {".xml", ".akn", ".txt", ".md", ".markdown", ".pdf", ".docx", ".html", ".htm"}
# Write to the store every this many graphs (or quads): big enough for bulk speed, small enough for memory.
BATCH_GRAPHS = 100
BATCH_QUADS = 400_000
LINEAGE_PART_QUADS = 200_000  # lineage's graphs per bulk load of a first ingest (`_Writer._lineage_parts`)
# A pool worker's garbage collector looks at its youngest objects after this many allocations (`_worker_gc`).
WORKER_GC_YOUNG = 10_000


UNRESOLVED_PREFIX = "metadata of "  # the warning ingest.metadata.apply gives for a name that is no State


@dataclass
class FileResult:
    """What became of one input file."""

    path: str
    graph_iri: str | None = None
    symbol: str | None = None
    # the graph's N-Triples in UTF-8: sent as bytes, which the parent's bulk load reads as they are (text would be
    # encoded again to be pickled and decoded when unpickled, to be encoded for the load)
    utf8: bytes = b""
    error: str | None = None  # the one-line message when the file failed
    warnings: list[str] = field(default_factory=list)
    lineage: Any = None  # unkg.lineage.record.Record: what lineage needs of the graph, taken while it is in memory
    nquads: bytes = b""  # the same statements as N-Quads lines in the graph, ready for the store's bulk load
    checked: bool = False  # Oxigraph parsed the N-Triples without refusing a term
    quads: int = 0  # the lines of `nquads`, counted as they were made
    # `lineage.series.text_keys` of the record's paragraphs, taken by the worker for a record lineage would read
    # before any other version of its work (`_worker_keys`), so that the parent need not
    keys: Any = None

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def ntriples(self) -> str:
        return self.utf8.decode("utf-8")

    def payload(self) -> GraphText:
        """The graph as the store takes it (`GraphText`)."""
        if self.nquads:
            return GraphText(self.utf8, self.nquads, self.checked, self.quads)
        return GraphText.of(self.graph_iri or "", self.utf8, self.checked)


@dataclass
class Summary:
    files: int = 0
    stored: int = 0  # graphs written
    quads: int = 0  # quads written for those graphs
    seconds: float = 0.0  # compaction included
    compact_seconds: float | None = None  # None: the store was not compacted
    compact_cpu: float = 0.0  # the parent's CPU compacting, RocksDB's threads included
    # wall time writing the resolution graphs (the ontology's with the first batch), and the parent's CPU
    # meanwhile, RocksDB's threads included; in a first load (one bulk load) also reading the workers' results
    write_seconds: float = 0.0
    write_cpu: float = 0.0
    # wall time from the workers' last result to the end (lineage, the rest of a bulk load, the compaction),
    # and the parent's CPU meanwhile (with lineage's alignment processes)
    tail_seconds: float = 0.0
    tail_cpu: float = 0.0
    failures: list[tuple[str, str]] = field(default_factory=list)  # (path, one-line message)
    replaced_earlier: list[str] = field(default_factory=list)  # files whose graph a later file replaced
    # names in the metadata's sponsor and vote lists that resolve to no State (once each, whatever the language)
    unresolved_names: list[str] = field(default_factory=list)
    lineage: Any = None  # unkg.lineage.update.LineageSummary, when lineage was built

    @property
    def failed(self) -> int:
        return len(self.failures)

    def line(self) -> str:
        rate = self.stored / self.seconds if self.seconds else 0.0
        text = (f"ingested {self.stored} of {self.files} file(s): {self.quads} quads in {self.seconds:.1f} s "
                f"({rate:.1f} resolutions/s)")
        if self.compact_seconds is not None:
            text += f", the store compacted in {self.compact_seconds:.1f} s"
        text += f"; {self.lineage.line()}" if self.lineage is not None else ""
        return text + (f"; {self.failed} failed" if self.failed else "")


# -- finding files --------------------------------------------------------------------------------------
def collect(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Expand files, folders (recursively, known suffixes) and globs, in a stable order.

    Returns (files, problems); a PATH that names nothing is a problem, not an exception, so the other
    files are still ingested.
    """
    found: list[Path] = []
    problems: list[tuple[str, str]] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            inside = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in INGEST_SUFFIXES
                            and not any(part.startswith(".") for part in f.relative_to(p).parts))
            if not inside:
                problems.append((str(p), "folder holds no files to ingest (.xml, .txt, .md, .pdf, .docx, .html)"))
            found += inside
        elif p.is_file() or p.exists():  # a FIFO or device named explicitly: the reader says why it is refused
            found.append(p)
        elif glob.has_magic(str(raw)):
            matched = sorted(Path(m) for m in glob.glob(str(raw), recursive=True) if Path(m).is_file())
            if not matched:
                problems.append((str(raw), "no file matches this pattern"))
            found += matched
        else:
            problems.append((str(raw), "no such file or folder"))
    seen: set[Path] = set()
    unique = []
    for f in found:
        key = f.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique, problems


# -- one file -------------------------------------------------------------------------------------------
_META = None  # metadata index of this process (set by `_init_worker` or `ingest`)
_KEYS = False  # whether `process_file` takes the lineage record's keys (`_worker_keys`): the parent reads them


def _init_worker(meta_paths: list[str] | None, keys: bool = False) -> None:
    global _META, _KEYS
    _KEYS = keys
    if meta_paths:
        # here: a worker process (--jobs) imports this module before it needs the pipeline's parts
        from unkg.ingest.metadata import load_index

        _META = load_index(meta_paths)
    else:
        _META = None


@dataclass
class Built:
    """One file's checked graph: its IRI, its distinct triples, the same as N-Triples, and the reader's warnings."""

    iri: str
    triples: list[tuple[Any, Any, Any]]
    ntriples: str
    warnings: list[str]
    parsed: bool = False  # Oxigraph read the N-Triples without refusing a term (`refused_term` would find none)
    utf8: bytes | None = None  # the N-Triples encoded, once for the parser's check and the N-Quads lines


def build_graph(path: Path, meta: object | None = None) -> tuple[str, rdflib.Graph, list[str]]:
    """Read, extract, add metadata, build and validate one file: (graph IRI, graph, warnings).

    Raises InputError for a file that is not a readable resolution and ValidationError when the graph
    does not conform (the store must never see it).
    """
    built = build_checked(path, meta)
    graph = rdflib.Graph()
    for t in built.triples:
        graph.add(t)
    return built.iri, graph, built.warnings


def build_checked(path: Path, meta: object | None = None) -> Built:
    """What `build_graph` does, without filling an rdflib Graph: what the ingest writes."""
    # Each stage is imported when reached, so a file the reader rejects never depends on the later stages.
    from unkg.ingest.readers import read

    res = read(path)
    from unkg.ingest.extract import extract  # a stage, imported when reached (above)

    res = extract(res) or res
    if meta is not None:
        from unkg.ingest.metadata import apply  # a stage, imported when reached (above)

        apply(res, meta)  # type: ignore[arg-type]
    from unkg.ingest.graph import build_triples  # a stage, imported when reached (above)
    from unkg.ingest.validate import validate  # a stage, imported when reached (above)

    iri, triples = build_triples(res)
    nt, terms = _ntriples(triples)
    # the ingest stores a graph with warnings; build_triples gives each triple once
    report = validate(triples, nt, count_warnings=False, distinct=True)
    if not report.conforms:
        raise ValidationError(str(path), report.summary, report.text)
    try:
        utf8 = nt.encode("utf-8")
    except UnicodeError:  # a lone surrogate: the parser's check says no, and the N-Quads fail as before
        return Built(iri, triples, nt, list(res.warnings), parsed=False)
    parsed = parses(utf8) if terms is None else parses_terms(terms)
    return Built(iri, triples, nt, list(res.warnings), parsed=parsed, utf8=utf8)


# Where a term stands in an N-Triples line does not change how Oxigraph reads it (an IRI is the same token as
# subject, predicate or object; a literal is always an object, followed by " ."), so a graph of IRIs and literals
# is refused exactly when one of its distinct terms is, each read once as the object of a line of this IRI.
_TERM_LINE = "<urn:unkg:term> <urn:unkg:term> {} .\n"


def parses_terms(terms: list[str]) -> bool:
    """`parses` of a graph's N-Triples, from the text of its distinct terms (`_ntriples`): a graph repeats its
    IRIs in many lines, which Oxigraph would check at every one."""
    return parses("".join(map(_TERM_LINE.format, terms)))


def parses(ntriples: str | bytes) -> bool:
    """Whether Oxigraph's parser takes the N-Triples (text or UTF-8) without refusing a term (the store's bulk
    load will)."""
    try:
        data = ntriples if isinstance(ntriples, bytes) else ntriples.encode("utf-8")
        deque(ox.parse(data, format=ox.RdfFormat.N_TRIPLES), maxlen=0)
    except (SyntaxError, ValueError, OSError):  # `refused_term` says what and where
        return False
    return True


class TripleView:
    """Distinct triples read as an rdflib Graph is read (value, objects, subjects, subject_objects, triples),
    for code that only reads a graph: filling an rdflib Graph costs more than building the triples."""

    def __init__(self, triples: list[tuple[Any, Any, Any]]):
        self._triples = triples
        self._by_predicate: dict[Any, list[tuple[Any, Any]]] = {}
        for s, p, o in triples:
            self._by_predicate.setdefault(p, []).append((s, o))

    def __iter__(self) -> Iterator[tuple[Any, Any, Any]]:
        return iter(self._triples)

    def __len__(self) -> int:
        return len(self._triples)

    def triples(self, pattern: tuple[Any, Any, Any]) -> Iterator[tuple[Any, Any, Any]]:
        s, p, o = pattern
        candidates = self._triples if p is None else ((x, p, z) for x, z in self._by_predicate.get(p, []))
        for x, y, z in candidates:
            if (s is None or x == s) and (o is None or z == o):
                yield x, y, z

    def subject_objects(self, predicate: Any) -> Iterator[tuple[Any, Any]]:
        return iter(self._by_predicate.get(predicate, []))

    def objects(self, subject: Any = None, predicate: Any = None) -> Iterator[Any]:
        return (o for _, _, o in self.triples((subject, predicate, None)))

    def subjects(self, predicate: Any = None, obj: Any = None) -> Iterator[Any]:
        return (s for s, _, _ in self.triples((None, predicate, obj)))

    def value(self, subject: Any = None, predicate: Any = None, object: Any = None) -> Any:
        """The first value that fits, like rdflib's Graph.value (without `any`/`default`)."""
        if object is None:
            return next(self.objects(subject, predicate), None)
        return next(self.subjects(predicate, object), None)


def ntriples_of(triples: Iterable[tuple[Any, Any, Any]]) -> str:
    """Distinct triples as N-Triples, written as rdflib's N-Triples serialiser writes each one."""
    return _ntriples(triples)[0]


def _ntriples(triples: Iterable[tuple[Any, Any, Any]]) -> tuple[str, list[str] | None]:
    """`ntriples_of`, and the text of each distinct term when every subject and predicate is an IRI and every
    object an IRI or a literal (None otherwise): what `parses_terms` reads."""
    # here: the serialiser's module is rdflib's, loaded with the graph stage
    from rdflib.plugins.serializers.nt import _quoteLiteral

    # each IRI written once per graph (a subject or predicate recurs in many triples), each literal as it comes:
    # a plain or language-tagged one quoted here as rdflib's `_quoteLiteral` quotes it, without its two calls
    n3: dict[Any, str] = {}
    literals: dict[str, None] = {}
    iris_only = True  # every term n3 holds is checked when first written: a term found there is an IRI
    lines = []
    for s, p, o in triples:
        a = n3.get(s)
        if a is None:
            a = n3[s] = s.n3()
            iris_only = iris_only and type(s) is rdflib.URIRef
        b = n3.get(p)
        if b is None:
            b = n3[p] = p.n3()
            iris_only = iris_only and type(p) is rdflib.URIRef
        if type(o) is rdflib.Literal and o.datatype is None:
            c = '"%s"' % o.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"').replace("\r", "\\r")
            if o.language:
                c = f"{c}@{o.language}"
            literals[c] = None
        elif isinstance(o, rdflib.Literal):
            c = _quoteLiteral(o)
            literals[c] = None
        else:
            c = n3.get(o)
            if c is None:
                c = n3[o] = o.n3()
                iris_only = iris_only and type(o) is rdflib.URIRef
        lines.append(f"{a} {b} {c} .\n")
    return "".join(lines), [*n3.values(), *literals] if iris_only else None


def process_file(path: str | Path) -> FileResult:
    """Run one file through the pipeline; never raises: failures come back as `FileResult.error`."""
    out = FileResult(str(path))
    try:
        built = build_checked(Path(path), _META)
        out.graph_iri, out.warnings = built.iri, built.warnings
        out.utf8 = built.ntriples.encode("utf-8") if built.utf8 is None else built.utf8
        out.nquads, out.quads = counted_nquads(built.iri, out.utf8)
        out.checked = built.parsed
        view = TripleView(built.triples)
        symbol = view.value(rdflib.URIRef(built.iri), rdflib.URIRef(ONTOLOGY_NS + "symbol"))
        out.symbol = None if symbol is None else str(symbol)
        refused = None if built.parsed else refused_term(out.ntriples)
        if refused:
            raise InputError(path, f"a value in the file makes an invalid IRI or language tag: {refused}")
        from unkg.lineage.record import from_graph  # a stage, imported when reached (above)

        out.lineage = from_graph(built.iri, view)
        out.keys = _worker_keys(out.lineage) if _KEYS else None
    except ValidationError as e:
        out.error = _one_line(str(e))  # "PATH: does not conform to the shapes: SUMMARY"
    except InputError as e:
        out.error = _one_line(str(e)) if str(path) in str(e) else f"{path}: {_one_line(e.problem)}"
    except UnkgError as e:
        out.error = f"{path}: {_one_line(str(e))}"
    except MemoryError:
        out.error = f"{path}: too large to process"
    except Exception as e:  # a reader or extractor bug must not stop the other files or show a traceback
        out.error = f"{path}: could not be processed ({type(e).__name__}: {_one_line(str(e))[:200]})"
    return out


def _record_keys(record: Any) -> Any:
    """What lineage's placement compares of a record: `series.text_keys` of its paragraphs' texts."""
    from unkg.lineage.series import text_keys  # lineage's own module, loaded only when a record is made

    return text_keys(p[4] for p in record.paragraphs)


def _worker_keys(record: Any) -> Any:
    """A record's keys (`_record_keys`), taken in the worker when the record is in English: the version lineage
    reads of a work that has one (`record.prefer`), so nearly every record the parent keeps comes with its
    keys, and other versions cost no worker time for keys never read."""
    if record is None or record.language != "en":
        return None
    return _record_keys(record)


def refused_term(ntriples: str) -> str | None:
    """What in a graph's N-Triples the store's parser refuses (the term and why), or None when it all parses.

    rdflib writes any string as an IRI or a language tag; pyoxigraph, which the embedded store and Oxigraph
    use, checks them. Checked per file, so a bad value fails its own file, not the batch it would be
    written with."""
    try:
        for _ in ox.parse(ntriples.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES):
            pass
    except SyntaxError as e:
        where = re.search(r"line (\d+)(?: between columns (\d+) and (\d+)| column (\d+))?", str(e))
        reason = str(e).rsplit(": ", 1)[-1]
        lines = ntriples.split("\n")
        if where and int(where.group(1)) <= len(lines):
            line = lines[int(where.group(1)) - 1]
            if where.group(2):  # 1-based columns, the end exclusive
                term = line[int(where.group(2)) - 1:int(where.group(3)) - 1]
            else:
                at = int(where.group(4) or 1) - 1
                term = line[max(0, at - 20):at + 20]
            return one_line(f"{term} ({reason})", 200)
        return one_line(reason, 200)
    return None


def _one_line(text: object) -> str:
    return one_line(text)


# -- reference graphs -----------------------------------------------------------------------------------
def reference_graphs() -> list[tuple[str, str]]:
    """The ontology and the SKOS vocabularies as named graphs (IRI, N-Triples), so queries can follow labels
    and hierarchies.

    ontology/unkg.ttl goes into <https://w3id.org/unkg/ontology>, ontology/vocab/NAME.ttl into
    <https://w3id.org/unkg/vocab/NAME>. Files not yet written are simply absent. Parsed with pyoxigraph
    (rdflib's Turtle parser takes seconds for these files).
    """
    out: list[tuple[str, str]] = []
    for package, name_of in (("unkg.ontology", _ontology_graph_name), ("unkg.ontology.vocab", _vocab_graph_name)):
        folder = files(package)
        for item in sorted((f for f in folder.iterdir() if f.name.endswith(".ttl")), key=lambda f: f.name):
            triples = ox.parse(item.read_bytes(), format=ox.RdfFormat.TURTLE)
            nt = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
            out.append((name_of(item.name[:-4]), nt))
    return out


def stale_reference_graphs(store: Store) -> list[tuple[str, str]]:
    """The reference graphs whose content in the store differs from the package's files.

    Rewriting unchanged vocabularies on every ingest would cost time and, in RocksDB, leave tombstones."""
    stale = []
    present = set(store.graphs())
    for iri, nt in reference_graphs():
        if iri in present and _same_lines(store.graph_ntriples(iri), nt):
            continue
        stale.append((iri, nt))
    return stale


def _same_lines(a: str, b: str) -> bool:
    """Same N-Triples, blank node labels aside (they change with every parse); a server that writes
    N-Triples differently just makes the graph look stale, which only costs a reload."""
    la, lb = delta.lines(a), delta.lines(b)
    return len(la) == len(lb) and {x for x in la if "_:" not in x} == {x for x in lb if "_:" not in x}


def _ontology_graph_name(stem: str) -> str:
    base = ONTOLOGY_NS.rstrip("#/")
    return base if stem == "unkg" else f"{base}/{stem}"


def _vocab_graph_name(stem: str) -> str:
    return VOCAB_NS + stem


# -- many files -----------------------------------------------------------------------------------------
def ingest(
    paths: Iterable[str | os.PathLike[str]],
    store: Store,
    *,
    meta: list[str] | str | None = None,
    jobs: int = 1,
    progress: bool | None = None,
    on_failure: Callable[[str], None] | None = None,
    with_reference: bool = True,
    lineage: bool | None = None,
) -> Summary:
    """Ingest files, folders or globs into `store`; failures are collected (and passed to `on_failure`).

    `jobs` > 1 parses, extracts, builds and validates in a pool of processes; the parent writes. The
    quads are the same either way. `progress` None shows a bar only on a terminal.
    """
    started = time.perf_counter()
    meta_paths = [meta] if isinstance(meta, str) else list(meta or [])
    files_, problems = collect(paths)
    summary = Summary(files=len(files_) + len(problems))
    for path, problem in problems:
        _fail(summary, path, f"{path}: {problem}", on_failure)
    # The ontology and vocabularies go in with the first graph written, so a run that stores nothing changes nothing.
    reference = stale_reference_graphs(store) if with_reference and files_ else []
    before = store.graphs() if files_ else []
    writer = _Writer(store, summary, reference, on_failure)
    first_load = hasattr(store, "load_new_graphs") and not any(not is_reference_graph(g) for g in before)
    if first_load and _builds_lineage(store, lineage):  # its graphs go into the load after the last result, if they can
        writer.lineage = _InLoad(jobs, len(before), progress)
    results = writer.timed(_results(files_, meta_paths, jobs, progress, keys=writer.lineage is not None))
    if first_load:
        writer.load(results)  # a first load: one bulk load reading the results as they come
    else:
        for result in results:
            writer.add(result)
    writer.finish()
    _lineage_and_compaction(store, summary, list(writer.by_graph), _stored_records(writer, summary),
                            graphs_before=len(before), jobs=jobs, lineage=lineage, progress=progress)
    summary.seconds = time.perf_counter() - started
    summary.tail_seconds = time.perf_counter() - writer.results_over[0]
    summary.tail_cpu = cpu_seconds() - writer.results_over[1]
    return summary


@dataclass
class _InLoad:
    """Lineage built into a first bulk load: its alignment processes, and the graphs the store held before
    (lineage is built from scratch only after a load at least as large)."""

    jobs: int
    graphs_before: int
    progress: bool | None


def cpu_seconds() -> float:
    """The process's CPU seconds with the children it has waited for (lineage's alignment processes)."""
    try:
        import resource  # Unix only: elsewhere the process's own time
    except ImportError:
        return time.process_time()
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _say(progress: bool | None, text: str) -> None:
    """A step of the ingest's end, on a terminal or when progress is asked for."""
    if progress or (progress is None and sys.stderr.isatty()):
        print(text, file=sys.stderr, flush=True)


class _Writer:
    """Where the results go. Into a store with resolution graphs: in batches, each one replace (`_write_batch`).
    Into a store without any: one bulk load that reads the graphs from the results as they come (`load`,
    `EmbeddedStore.load_new_graphs`), and a batch after it for what such a load cannot take (a graph given a
    second time, which replaces the first; one that Oxigraph has not parsed)."""

    def __init__(self, store: Store, summary: Summary, reference: list[tuple[str, str]],
                 on_failure: Callable[[str], None] | None):
        self.store, self.summary, self.reference, self.on_failure = store, summary, reference, on_failure
        self.batch: dict[str, FileResult] = {}
        self.batch_quads = 0
        self.by_graph: dict[str, str] = {}  # graph IRI -> the file whose graph the store gets
        self.records: dict[str, tuple[str, Any]] = {}  # work IRI -> (file, lineage record) of the version lineage reads
        # graph IRI -> (file, the mandates' statements of its record) for every graph, since the renewals read
        # every language version
        self.statements: dict[str, tuple[str, str]] = {}
        self.holding = False  # while the bulk load runs, the batch waits for it
        self.lineage: _InLoad | None = None  # lineage's graphs go into the bulk load (`_lineage_graphs`)
        self.unchecked: list[tuple[str, str]] = []  # lineage graphs Oxigraph did not parse, written after the load
        self.keys: dict[str, Any] = {}  # record's graph -> its series.text_keys, taken as records come (in a first load)
        self.lineage_run: Generator[Any, None, None] | None = None  # lineage's graphs, made while the load ends (`_start_lineage`)
        self.waiting: set[str] = set()  # files whose graphs waited in the batch when lineage was made in the load
        self.results_over = (time.perf_counter(), cpu_seconds())  # when the last result came (wall, CPU)
        self.results_cpu = time.process_time()  # the process's own CPU then (as `write_cpu` counts it)

    def conforming(self, result: FileResult) -> bool:
        """Books a result (its failure, or its unresolved names and lineage record); True when it is to be stored."""
        if not result.ok:
            _fail(self.summary, result.path, result.error or "", self.on_failure)
            return False
        self.summary.unresolved_names += [w for w in dict.fromkeys(result.warnings) if w.startswith(UNRESOLVED_PREFIX)
                                          and w not in self.summary.unresolved_names]
        kept = _keep_record(self.records, result)
        if result.lineage is not None:
            self.statements[result.graph_iri or ""] = (result.path, result.lineage.mandates)
        if kept and self.lineage is not None:  # what placement compares, taken now rather than after the last result
            # a version the worker took no keys of (`_worker_keys`) has them taken here
            self.keys[result.lineage.graph] = result.keys if result.keys is not None else _record_keys(result.lineage)
        return True

    def add(self, result: FileResult) -> None:
        if not self.conforming(result):
            return
        self.to_batch(result)

    def to_batch(self, result: FileResult) -> None:
        iri = _later_input_wins(self.summary, self.by_graph, self.batch, result)
        if iri in self.batch:
            self.batch_quads -= self.batch[iri].quads
        self.batch[iri] = result
        self.batch_quads += result.quads  # counted when the worker made the N-Quads
        if not self.holding and (len(self.batch) >= BATCH_GRAPHS or self.batch_quads >= BATCH_QUADS):
            self.flush()

    def flush(self) -> None:
        if self.batch:
            _write_batch(self.store, self.reference, self.batch, self.summary, self.on_failure)
            self.reference = []
            self.batch.clear()
            self.batch_quads = 0

    def timed(self, results: Iterator[FileResult]) -> Iterator[FileResult]:
        """The results, noting when the last one came (`results_over`)."""
        yield from results
        self.results_over = (time.perf_counter(), cpu_seconds())

    def load(self, results: Iterable[FileResult]) -> None:
        """The bulk load; `write_seconds` and `write_cpu` up to the last result (lineage's part is its own)."""
        wall, cpu = time.perf_counter(), time.process_time()
        self.holding = True
        try:
            self.store.load_new_graphs(self.graphs(results), then=self._lineage_parts())  # type: ignore[attr-defined]
        finally:
            self.holding = False
            if self.lineage_run is not None:  # lineage's alignment processes end, also after a failed load
                self.lineage_run.close()
            if self.summary.lineage is None:
                self.summary.write_seconds += time.perf_counter() - wall
                self.summary.write_cpu += time.process_time() - cpu
            else:
                self.summary.write_seconds += self.results_over[0] - wall
                self.summary.write_cpu += self.results_cpu - cpu

    def graphs(self, results: Iterable[FileResult]) -> Iterator[tuple[str, GraphText]]:
        """What the bulk load reads: after the first conforming result, the reference graphs the store lacks;
        then each new graph Oxigraph has parsed. The others wait in the batch."""
        first = True
        for result in results:
            if not self.conforming(result):
                continue
            iri = result.graph_iri or ""
            if iri in self.by_graph or not result.checked:
                self.to_batch(result)
                continue
            if first and self.reference:  # what is left after it is stale: the store is asked once
                yield from self._new_reference()
                first = False
            self.by_graph[iri] = result.path
            self.summary.stored += 1
            payload = result.payload()
            self.summary.quads += payload.quads or 0
            yield iri, payload
        self.results_cpu = time.process_time()
        self._start_lineage()

    def _start_lineage(self) -> None:
        """After the last result: lineage's graphs, made from the records (`update.built`), are the load's second
        part (`_lineage_graphs`), which the store reads in a thread of its own while it writes the first part's
        last piece and files (`EmbeddedStore.load_new_graphs`), before the one compaction (docs/lineage.md).
        Only when lineage would be built from scratch, every graph gave its lineage record and what waits for a
        batch after the load is a graph given again that Oxigraph has parsed (the later input wins, in the
        records as in the store; should the store refuse it, `finish` has lineage built again); else lineage
        comes after, as for a store with resolution graphs."""
        plan = self.lineage
        if (plan is None or any(not r.checked for r in self.batch.values()) or not self.summary.stored
                or self.summary.stored < plan.graphs_before or len(self.statements) != len(self.by_graph)):
            return
        self.waiting = {r.path for r in self.batch.values()}
        # here: lineage loads its own modules only when an ingest stored something
        from unkg.lineage.update import LineageSummary, built

        kept, statements = _stored_records(self, self.summary)
        _say(plan.progress, f"lineage: placing {len(kept)} resolution(s) in their series and aligning them ...")
        self.summary.lineage = LineageSummary()
        self.lineage_run = built(kept, statements, plan.jobs, self.summary.lineage, self.keys)

    def _lineage_parts(self) -> Iterator[Iterator[tuple[str, GraphText]]]:
        """Lineage's graphs in parts of about `LINEAGE_PART_QUADS`, each a bulk load of its own: Oxigraph encodes
        and writes a load's last piece only once its input has ended, so one part would leave all of that for
        after the alignment; in parts, it is done while the alignment processes make the next graphs."""
        graphs = self._lineage_graphs()
        while True:
            head = next(graphs, None)
            if head is None:
                return
            yield self._part(head, graphs)

    @staticmethod
    def _part(head: tuple[str, GraphText], graphs: Iterator[tuple[str, GraphText]]
              ) -> Iterator[tuple[str, GraphText]]:
        quads = head[1].quads or 0  # counted when the graph was made (`GraphText.of`)
        yield head
        while quads < LINEAGE_PART_QUADS:
            graph = next(graphs, None)
            if graph is None:
                return
            quads += graph[1].quads or 0
            yield graph

    def _lineage_graphs(self) -> Iterator[tuple[str, GraphText]]:
        """The lineage graphs `_start_lineage` set out to make, as they are aligned (none when it did not)."""
        if self.lineage_run is None:
            return
        for iri, nt, checked in self.lineage_run:
            if checked:
                yield iri, GraphText.of(iri, nt, checked=True)
            else:
                self.unchecked.append((iri, nt))

    def _new_reference(self) -> Iterator[tuple[str, GraphText]]:
        """The reference graphs the store lacks (Oxigraph wrote them); a stale one it holds stays for `finish`."""
        held = set(self.store.graphs())
        for iri, nt in self.reference:
            if iri not in held:
                yield iri, GraphText.of(iri, nt, checked=True)
        self.reference = [(iri, nt) for iri, nt in self.reference if iri in held]

    def finish(self) -> None:
        """The last batch, and reference graphs still stale once something was stored. Lineage made in the
        load from the record of a graph the batch then failed to write is made again after it."""
        self.flush()
        if self.waiting & {path for path, _ in self.summary.failures}:
            self.summary.lineage = None
        if self.reference and self.summary.stored:
            self.store.replace_graphs(self.reference)
            self.reference = []
        if self.unchecked:  # strictly parsed by the store, which says what it refuses
            self.store.replace_graphs(self.unchecked)
            self.unchecked = []


def _lineage_and_compaction(store: Store, summary: Summary, graphs: list[str], records: tuple[list[Any], list[str]],
                            *, graphs_before: int, jobs: int, lineage: bool | None, progress: bool | None) -> None:
    """After the last batch: the lineage graphs, then the compaction when the load calls for one. Not side by
    side: lineage graphs written after the compaction stay in files of their own, which every lookup then
    also seeks in (docs/benchmarks.md, "Ingest speed: the parent's store writing")."""
    if summary.stored and summary.lineage is None and _builds_lineage(store, lineage):
        summary.lineage = _lineage(store, graphs, records, bulk=summary.stored >= graphs_before, jobs=jobs)
    _compact_after_large_load(store, summary, graphs_before, progress)


def _later_input_wins(summary: Summary, by_graph: dict[str, str], batch: dict[str, FileResult],
                      result: FileResult) -> str:
    """Two inputs for one expression (e.g. the XML and the PDF): the later one wins, as a re-ingest would.
    Returns the result's graph IRI, now mapped to its file."""
    iri = result.graph_iri or ""
    if iri in by_graph:
        summary.replaced_earlier.append(by_graph[iri])
        if iri not in batch:
            summary.stored -= 1
    by_graph[iri] = result.path
    return iri


def _compact_after_large_load(store: Store, summary: Summary, graphs_before: int, progress: bool | None) -> None:
    """A load at least the size of the store: merge its files (Store.optimize says why). Smaller loads leave
    it to RocksDB, since compacting rewrites the whole store."""
    if not summary.stored or summary.stored < graphs_before:
        return
    _say(progress, f"compacting the store after {summary.stored} graphs ...")
    t, cpu = time.perf_counter(), time.process_time()
    store.optimize()
    summary.compact_seconds = time.perf_counter() - t
    summary.compact_cpu = time.process_time() - cpu


def _builds_lineage(store: Store, lineage: bool | None) -> bool:
    if lineage is not None:
        return lineage
    # a remote SPARQL store is shared and its queries untested here: there `unkg lineage --rebuild` does it
    return not str(getattr(store, "location", "")).startswith(("http://", "https://"))


def _keep_record(records: dict[str, tuple[str, Any]], result: FileResult) -> bool:
    """Keep one lineage record per work, of the version lineage reads (the later input wins, as in the store).
    True when the result's record is kept."""
    rec = result.lineage
    if rec is None:
        return False
    from unkg.lineage.record import prefer  # lineage's own module, loaded only when a record came back

    _, old = records.get(rec.work, ("", None))
    if old is None or old.graph == rec.graph or prefer(old, rec) is rec:
        records[rec.work] = (result.path, rec)
        return True
    return False


def _stored_records(writer: _Writer, summary: Summary) -> tuple[list[Any], list[str]]:
    """The records of graphs the store took (a graph it refused has a failure naming its file), and the
    mandates' statements of every graph it took."""
    failed = {p for p, _ in summary.failures}
    return ([r for path, r in writer.records.values() if path not in failed],
            [text for path, text in writer.statements.values() if path not in failed])


def _lineage(store: Store, graphs: list[str], records: tuple[list[Any], list[str]], *, bulk: bool, jobs: int) -> Any:
    """Series and alignments (docs/lineage.md): from scratch after a load as large as the store, else the new
    resolutions are slotted in by index. `records`: what lineage needs of the graphs just written (one record
    per resolution, and the mandates' statements of every graph), so that it does not read them back."""
    # here: lineage loads its own modules only when an ingest stored something
    from unkg.lineage.update import rebuild, slot_in, symbols_of

    kept, statements = records
    if bulk:
        return rebuild(store, jobs, records=kept, statements=statements)
    return slot_in(store, symbols_of(store, graphs), records=kept)


def _write_batch(store: Store, reference: list[tuple[str, str]], batch: dict[str, FileResult], summary: Summary,
                 on_failure: Callable[[str], None] | None) -> None:
    """One write for the batch's graphs (and the reference graphs, with the first batch); when the store
    refuses it, graph by graph (`_write_apart`)."""
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        written = store.replace_graphs([*reference, *((iri, r.payload()) for iri, r in batch.items())])
        summary.quads += written - sum(_count_lines(nt) for _i, nt in reference)  # resolution quads only
        summary.stored += len(batch)
    except StoreError as e:
        _write_apart(store, reference, batch, e, summary, on_failure)
    finally:
        summary.write_seconds += time.perf_counter() - wall
        summary.write_cpu += time.process_time() - cpu


def _write_apart(store: Store, reference: list[tuple[str, str]], batch: dict[str, FileResult], error: StoreError,
                 summary: Summary, on_failure: Callable[[str], None] | None) -> None:
    """After the store refused a batch (which left it as it was), write its graphs one at a time, so that a
    graph the store refuses fails alone, with its file named. When no graph can be written, the store
    itself is the problem: its error is raised."""
    if reference:
        store.replace_graphs(reference)  # the ontology and vocabularies: a failure here is the store's
    refused: list[tuple[FileResult, str]] = []
    for iri, result in batch.items():
        try:
            summary.quads += store.replace_graphs([(iri, result.ntriples)])
            summary.stored += 1
        except StoreError as e:
            refused.append((result, str(e)))
    # a graph Oxigraph could not parse in its worker is the graph's fault, whatever refused_term finds
    if len(refused) == len(batch) and not any(not r.checked or refused_term(r.ntriples) for r, _ in refused):
        raise error
    for result, message in refused:
        _fail(summary, result.path, f"{result.path}: the store refused its graph: {_one_line(message)}", on_failure)


def _count_lines(nt: str) -> int:
    return sum(1 for line in nt.splitlines() if line.strip())


def _fail(summary: Summary, path: str, message: str, on_failure: Callable[[str], None] | None) -> None:
    summary.failures.append((path, message))
    if on_failure:
        on_failure(message)


def _results(files_: list[Path], meta_paths: list[str], jobs: int, progress: bool | None,
             keys: bool = False) -> Iterator[FileResult]:
    tty = sys.stderr.isatty()
    bar = tqdm(total=len(files_), unit="file", file=sys.stderr, disable=(not tty) if progress is None
               else not progress, desc="ingest", leave=False)
    if progress is False or (progress and tty) or (progress is None and tty):
        def report() -> None:  # the bar (or nothing, with --quiet) shows progress
            return None
    else:  # a log or CI: no bar can redraw there, so a line now and then
        report = ProgressLines(len(files_), "ingest", "files").step
    try:
        if jobs <= 1 or len(files_) <= 1:
            _init_worker(meta_paths, keys)
            for f in files_:
                yield process_file(f)
                bar.update()
                report()
            return

        for r in _pooled(files_, meta_paths, jobs, keys):
            yield r
            bar.update()
            report()
    finally:
        bar.close()


def _pooled(files_: list[Path], meta_paths: list[str], jobs: int, keys: bool = False) -> Iterator[FileResult]:
    """The files' results from a pool of `jobs` processes, in input order (so which of two files for one
    graph wins is the same as serially)."""
    if "fork" not in mp.get_all_start_methods():
        with mp.get_context("spawn").Pool(min(jobs, len(files_)), initializer=_start_spawned, initargs=(meta_paths, keys),
                                          maxtasksperchild=500) as pool:
            yield from pool.imap(process_file, [str(f) for f in files_], chunksize=4)
        return
    # Forked workers share what the parent has loaded: it does the first file itself, reading the metadata,
    # vocabularies, grammar and shapes once, and every worker (also one replacing a retired worker) starts
    # with them instead of loading them again.
    _init_worker(meta_paths, keys)
    yield process_file(files_[0])
    with mp.get_context("fork").Pool(min(jobs, len(files_) - 1), initializer=_worker_gc, maxtasksperchild=500) as pool:
        yield from pool.imap(process_file, [str(f) for f in files_[1:]], chunksize=4)


def _start_spawned(meta_paths: list[str], keys: bool = False) -> None:
    _init_worker(meta_paths, keys)
    _worker_gc()


def _worker_gc() -> None:
    """The garbage collector of a pool worker, whose files each make and drop a few hundred thousand objects.

    What the worker starts with (with fork, the parent's metadata, vocabularies, grammar and shapes) is frozen:
    a full collection no longer walks it (nor writes to the pages it shares with the parent). Collecting the
    youngest objects only every WORKER_GC_YOUNG allocations instead of Python's 700 spares collections that
    find nothing: a file's tokens, mentions and triples are freed by their reference counts; the few cycles
    it leaves are still collected."""
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(WORKER_GC_YOUNG, middle, old)


class ProgressLines:
    """Progress for a log: every `every` seconds (UNKG_PROGRESS_EVERY, default 30) one line with the items
    done, the rate and the time left, and a last line when all are done (a run shorter than `every` stays
    silent, so short runs print only their summary)."""

    def __init__(self, total: int, what: str, unit: str, every: float | None = None, out: Any = None):
        self.total, self.what, self.unit = total, what, unit
        self.every = every if every is not None else progress_every()
        self.out = out if out is not None else sys.stderr
        self.done = 0
        self.started = self.last = time.monotonic()
        self.printed = 0

    def step(self, n: int = 1) -> None:
        self.done += n
        now = time.monotonic()
        if now - self.last >= self.every or (self.done == self.total and self.printed):
            self.last = now
            self.printed += 1
            self.out.write(self.line(now) + "\n")
            self.out.flush()

    def line(self, now: float) -> str:
        elapsed = max(now - self.started, 1e-9)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate > 0 else float("inf")
        pct = 100 * self.done / self.total if self.total else 100.0
        return (f"{self.what}: {self.done}/{self.total} {self.unit} ({pct:.0f}%), {rate:.2f} {self.unit}/s, "
                f"{_duration(elapsed)} elapsed, about {_duration(left)} left")


def _duration(seconds: float) -> str:
    if seconds == float("inf"):
        return "?"
    s = int(round(seconds))
    h, rest = divmod(s, 3600)
    m, s = divmod(rest, 60)
    return f"{h}h{m:02d}m" if h else (f"{m}m{s:02d}s" if m else f"{s}s")


# -- validating a store ---------------------------------------------------------------------------------
def is_reference_graph(iri: str) -> bool:
    """The ontology and vocabulary graphs the pipeline loads beside the resolutions."""
    return iri.startswith(VOCAB_NS) or iri.startswith(ONTOLOGY_NS.rstrip("#/"))


def validate_store(store: Store, *, progress: bool | None = None,
                   warned: list[tuple[str, int]] | None = None) -> tuple[int, list[tuple[str, str]]]:
    """SHACL-validate every resolution graph in the store: (graphs checked, [(graph IRI, summary)]).

    A graph with warnings only conforms (SHACL's sh:conforms is false, but unkg stores such graphs); pass
    `warned` to collect (graph IRI, number of warnings) for each, so that callers can say "conforms (n warnings)".
    """
    # here: pySHACL loads only when a graph is validated
    from unkg.ingest.validate import validate

    names = [g for g in store.graphs() if not is_reference_graph(g)]
    failures: list[tuple[str, str]] = []
    for iri in tqdm(names, unit="graph", file=sys.stderr, leave=False, desc="validate",
                    disable=(not sys.stderr.isatty()) if progress is None else not progress):
        report = validate(store.graph(iri))
        if not report.conforms:
            failures.append((iri, _one_line(report.summary)))
        elif report.warnings and warned is not None:
            warned.append((iri, report.warnings))
    return len(names), failures
