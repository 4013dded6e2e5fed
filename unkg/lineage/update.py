"""Writing lineage graphs into a store (docs/lineage.md).

- `rebuild(store)`: every resolution's series and predecessor and every alignment, from the stored texts
  (after a bulk ingest): entries in four queries, placement in memory, alignments in `jobs` processes;
- `slot_in(store, symbols)`: after a small ingest, place just those resolutions without reading the rest of
  the store: candidates come from the index (the paragraph fingerprints every lineage graph carries, the
  titles of the same body, the resolutions they cite), then the resolutions that come after them and
  share their text are placed again, since one of them may now be their successor;
- `built(records, statements)`: what `rebuild` writes, made without the store from the records of a first
  ingest, for the ingest to load with the resolution graphs.
A lineage graph names its resolution's series after the predecessor's series (or starts one), and carries
its paragraph fingerprints (`unkg:paragraphFingerprint`) for later ingests to find it by.
"""
from __future__ import annotations

import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Iterable, Iterator

import pyoxigraph as ox
from rapidfuzz import fuzz

from unkg import iris
from unkg.config import ONTOLOGY_NS, VOCAB_NS
from unkg.ingest.graph import UNKG
from unkg.ingest.model import Resolution
from unkg.ingest.pipeline import cpu_seconds
from unkg.lineage import renewals, stored
from unkg.lineage.align import align
from unkg.lineage.entries import _rows, from_records, from_store
from unkg.lineage.graph import build_lines, graph_name, series_iri
from unkg.lineage.record import Record, prefer
from unkg.lineage.series import COMMON_PARAGRAPH, UNIQUE_WEIGHT, Entry, Placement, _choose, _title_key, entry, place
from unkg.lineage.stored import PREFIXES


@dataclass
class LineageSummary:
    placed: int = 0
    with_predecessor: int = 0
    seconds: float = 0.0
    written: list[str] = field(default_factory=list)
    phases: dict[str, float] = field(default_factory=dict)  # seconds of each step (read, place, align, write)

    def line(self) -> str:
        return (f"lineage: {self.placed} resolution(s) placed, {self.with_predecessor} after a predecessor, "
                f"in {self.seconds:.1f} s")


def _series_of(placements: dict[str, Placement], symbol: str, known: dict[str, str]) -> str:
    """The series IRI: the predecessor's series, else one named after this resolution."""
    chain = []
    s: str | None = symbol
    while s is not None and s not in known:
        chain.append(s)
        p = placements.get(s)
        s = p.predecessor if p else None
    root = known[s] if s is not None else series_iri(chain[-1])
    for c in chain:
        known[c] = root
    return root


def _graph(new: Resolution, old: Resolution | None, placement: Placement, series: str,
           fingerprints: Iterable[str], mandates: renewals.Mandates | None = None) -> tuple[str, str]:
    """One lineage graph as N-Triples: the alignment with the predecessor, the renewals of its mandates and
    the paragraph fingerprints later ingests find it by."""
    alignments = align(old.paragraphs, new.paragraphs, with_changes=False) if old is not None else []
    built = build_lines(new, series, old, alignments, placement.score if old is not None else None,
                        placement.evidence if old is not None else ())
    lines = built.lines + [f"<{m}> {_RENEWS} <{o}> .\n" for m, o in renewals.renewed(built.derived, mandates or {})]
    work = f"<{iris.work(new.symbol)}>"
    # a fingerprint is a hash's hex digits: nothing in it to escape
    lines += [f'{work} {_FINGERPRINT} "{h}" .\n' for h in sorted(set(fingerprints))]
    return built.name, "".join(dict.fromkeys(lines))


_RENEWS, _FINGERPRINT = f"<{UNKG.renews}>", f"<{UNKG.paragraphFingerprint}>"


def _covers(store: Any, records: list[Record]) -> bool:
    """Whether `records` hold the version lineage reads of every resolution in the store (after a load of
    the whole store): then nothing needs to be read back. A graph whose version is unsure means no."""
    by_work = {r.work: r for r in records}
    for g in store.graphs():
        if g.endswith("/lineage") or g.startswith((VOCAB_NS, ONTOLOGY_NS.rstrip("#/"))):
            continue
        work, _, language = g.rpartition("/")
        r = by_work.get(work)
        if r is None or (r.graph != g and prefer(r, replace(r, graph=g, language=language)) is not r):
            return False
    return True


def _job(args: tuple) -> tuple[str, str]:
    return _graph(*args)


def _checked_job(args: tuple) -> tuple[str, str, bool]:
    """A lineage graph and whether Oxigraph parses it (as the ingest's workers check theirs), so that the
    bulk load that takes it need not parse it strictly."""
    name, text = _graph(*args)
    try:
        ox.Store().load(text.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    except (SyntaxError, ValueError, OSError):  # written apart after the load, where the store says why
        return name, text, False
    return name, text, True


def rebuild(store: Any, jobs: int = 1, records: Iterable[Record] = (), statements: Iterable[str] | None = None
            ) -> LineageSummary:
    """Place every stored resolution and write every lineage graph. `records`: what the ingest that has just
    written those graphs took from them, so that their texts are not read back; `statements`: the mandates'
    statements of each of those graphs (`renewals.statements`), so that the mandates are not read back either
    when the records cover the store."""
    clock = _Clock()
    records = list(records)
    covered = bool(records) and _covers(store, records)
    if covered and statements is not None:
        tasks, placements = _tasks(records, lambda: renewals.index_of(list(statements)), clock)
    else:
        tasks, placements = _tasks(records, lambda: renewals.index(store), clock, store)
    written = _align_and_write(store, tasks, jobs, clock)
    return LineageSummary(len(placements), sum(1 for p in placements.values() if p.predecessor),
                          clock.total(), written, clock.phases)


def built(records: Iterable[Record], statements: Iterable[str], jobs: int, summary: LineageSummary,
          keys: dict[str, tuple[list[str], set[int]]] | None = None) -> Iterator[tuple[str, str, bool]]:
    """Every lineage graph of a store that holds just these records' resolutions (`statements`: the mandates'
    statements of all their graphs), made without the store, as (name, N-Triples, whether Oxigraph parses
    it): the ingest loads them with the resolution graphs, in one bulk load and one compaction. `keys`: the
    records' `series.text_keys` taken as they came, by graph. `summary` is filled in when the last graph
    has been taken."""
    clock = _Clock()
    statements = list(statements)
    tasks, placements = _tasks(list(records), lambda: renewals.index_of(statements), clock, keys=keys)
    for graph in _aligned(tasks, jobs, _checked_job):
        summary.written.append(graph[0])
        yield graph
    clock.lap("align and load")
    summary.placed, summary.with_predecessor = len(placements), sum(1 for p in placements.values() if p.predecessor)
    summary.seconds, summary.phases = clock.total(), clock.phases


def _tasks(records: list[Record], mandates_of: Callable[[], dict], clock: "_Clock", store: Any = None,
           keys: dict[str, tuple[list[str], set[int]]] | None = None) -> tuple[list[tuple], dict[str, Placement]]:
    """Each resolution's placement and the arguments of its lineage graph's job, from the records (or, given
    the store, from the store for what the records do not hold)."""
    # the mandates are read meanwhile: the store's query (or the store of the statements) leaves the
    # interpreter to the entries and placement
    with ThreadPoolExecutor(1) as reader:
        mandates_read = reader.submit(mandates_of)
        entries, texts = from_records(records, keys) if store is None else from_store(store, records=records)
        clock.lap("read")
        placements = place(list(entries.values()))
        clock.lap("place")
        mandates = mandates_read.result()
    clock.lap("read")
    known: dict[str, str] = {}
    tasks = []
    for symbol, p in sorted(placements.items()):
        new = texts[symbol]
        old = texts.get(p.predecessor) if p.predecessor else None
        pair = renewals.of(mandates, iris.work(symbol), iris.work(p.predecessor)) if p.predecessor else None
        tasks.append((new, old, p, _series_of(placements, symbol, known), entries[symbol].paragraphs, pair))
    return tasks, placements


WRITE_EVERY = 250  # lineage graphs per write while the others are aligned


def _aligned(tasks: list[tuple], jobs: int, job: Callable[[tuple], Any]) -> Iterator[Any]:
    """The lineage graphs' jobs, in `jobs` processes, as they are done."""
    pool = ProcessPoolExecutor(jobs) if jobs > 1 and len(tasks) > 1 else None
    try:
        yield from pool.map(job, tasks, chunksize=16) if pool else map(job, tasks)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def _align_and_write(store: Any, tasks: list[tuple], jobs: int, clock: "_Clock") -> list[str]:
    """The lineage graphs, aligned in `jobs` processes and written a few hundred at a time as they come, so
    that the writing (which releases the interpreter) goes on beside the alignment. Each write is all or
    nothing, as the ingest's batches of resolution graphs are."""
    written: list[str] = []
    batch: list[tuple[str, str]] = []
    writing = [0.0, 0.0]  # wall and CPU seconds of this process in the writes

    def write() -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        store.replace_graphs(batch)
        writing[0] += time.perf_counter() - wall
        writing[1] += time.process_time() - cpu
        written.extend(g for g, _ in batch)
        batch.clear()

    for graph in _aligned(tasks, jobs, _job):
        batch.append(graph)
        if len(batch) >= WRITE_EVERY:
            write()
    if batch:
        write()
    clock.lap("align and write")
    clock.phases["of it writing"] = writing[0]
    clock.phases["of it writing cpu"] = writing[1]
    return written


class _Clock:
    """Wall and CPU seconds of each step; CPU counts the process and the children it has waited for (the
    alignment processes), which says more than wall time on a loaded machine."""

    def __init__(self) -> None:
        self.started = self.last = time.perf_counter()
        self.last_cpu = cpu_seconds()
        self.phases: dict[str, float] = {}

    def lap(self, name: str) -> None:
        now, cpu = time.perf_counter(), cpu_seconds()
        self.phases[name] = self.phases.get(name, 0.0) + now - self.last
        self.phases[name + " cpu"] = self.phases.get(name + " cpu", 0.0) + cpu - self.last_cpu
        self.last, self.last_cpu = now, cpu

    def total(self) -> float:
        return time.perf_counter() - self.started


def symbols_of(store: Any, graph_iris: Iterable[str]) -> list[str]:
    """The symbols of the resolutions whose expression graphs these are."""
    values = " ".join(f"<{g}>" for g in sorted(set(graph_iris)))
    if not values:
        return []
    return sorted({str(r["s"]) for r in store.select(PREFIXES + f"""SELECT ?s WHERE {{ VALUES ?g {{ {values} }}
        GRAPH ?g {{ ?g eli:realizes ?w . ?w dcterms:identifier ?s }} }}""")})


# -- one or a few resolutions, by index ---------------------------------------------------------------
def _entry_of(store: Any, symbol: str, records: dict[str, Record]) -> tuple[Entry, Resolution] | None:
    rec = records.get(symbol)
    if rec is not None and rec.graph == stored.expression_graph(store, symbol):
        return _record_entry(store, rec), rec.document()
    res = stored.load(store, symbol, provisions=False)
    if res is None:
        return None
    g = res.source.path
    w = iris.work(symbol)
    cites = {str(r["s"]) for r in store.select(PREFIXES + f"""SELECT DISTINCT ?s WHERE {{
        GRAPH <{g}> {{ ?p eli:cites ?c }} GRAPH ?h {{ ?c dcterms:identifier ?s }} }}""")}
    subjects = {str(r["s"]) for r in store.select(PREFIXES + f"""SELECT DISTINCT ?s WHERE {{
        GRAPH <{g}> {{ <{w}> dcterms:subject ?s }} }}""")}
    body = next((str(r["b"]).rsplit("/", 1)[-1] for r in store.select(PREFIXES + f"""SELECT ?b WHERE {{
        GRAPH <{g}> {{ <{w}> unkg:adoptedBy ?b }} }}""")), "")
    return entry(symbol, body, res.date, res.title, cites, subjects, [p.text for p in res.paragraphs]), res


def _record_entry(store: Any, rec: Record) -> Entry:
    """The entry of a record the ingest has just taken; its citations count when the cited work is stored."""
    cites = set()
    if rec.cites:
        values = " ".join(f"<{c}>" for c in rec.cites)
        cites = {str(r["s"]) for r in store.select(PREFIXES + f"""SELECT DISTINCT ?s WHERE {{ VALUES ?c {{ {values} }}
            GRAPH ?h {{ ?c dcterms:identifier ?s }} }}""")}
    return entry(rec.symbol, rec.body, rec.date, rec.title, cites, rec.subjects, [p[4] for p in rec.paragraphs])


def _fingerprint_counts(store: Any, hashes: Iterable[str]) -> dict[str, list[str]]:
    values = " ".join(f'"{h}"' for h in sorted(set(hashes)))
    if not values:
        return {}
    out: dict[str, list[str]] = {}
    for r in store.select(PREFIXES + f"""SELECT ?h ?s WHERE {{ VALUES ?h {{ {values} }}
            GRAPH ?l {{ ?w unkg:paragraphFingerprint ?h }} GRAPH ?g {{ ?w dcterms:identifier ?s }} }}"""):
        out.setdefault(str(r["h"]), [])
        if str(r["s"]) not in out[str(r["h"])]:
            out[str(r["h"])].append(str(r["s"]))
    return out


def _stored_entries(store: Any, symbols: Iterable[str], known: dict[str, Entry | None]) -> list[Entry]:
    """Candidates' entries from the index: their fingerprints, header and English texts (for the text in
    common), read for all of them at once; `known` keeps those already read during this slot-in."""
    todo = sorted({s for s in symbols if s not in known})
    if todo:
        known.update(_read_entries(store, todo))
    return [e for e in (known.get(s) for s in sorted(set(symbols))) if e is not None]


def _read_entries(store: Any, symbols: list[str]) -> dict[str, Entry | None]:
    # Oxigraph evaluates a VALUES block outside a pattern after the pattern, over the whole store: the
    # values go inside the GRAPH block, and each candidate's texts are one branch of a UNION
    works = {iris.work(s): s for s in symbols}
    values = " ".join(f"<{w}>" for w in works)
    fingerprints: dict[str, list[str]] = {}
    for r in _rows(store, f"""SELECT ?w ?l ?h WHERE {{ GRAPH ?l {{ VALUES ?w {{ {values} }} ?w unkg:paragraphFingerprint ?h }} }}"""):
        if str(r["l"]) == graph_name(works[str(r["w"])]):
            fingerprints.setdefault(str(r["w"]), []).append(str(r["h"]))
    heads: dict[str, dict[str, Any]] = {}
    for r in _rows(store, f"""SELECT ?w ?date ?title ?b WHERE {{ GRAPH ?g {{ VALUES ?w {{ {values} }} ?w dcterms:identifier ?s .
            OPTIONAL {{ ?w unkg:adoptionDate ?date }} OPTIONAL {{ ?w dcterms:title ?title FILTER (lang(?title) = "en") }}
            OPTIONAL {{ ?w unkg:adoptedBy ?b }} }} }}"""):
        # the English title where there is one: titles are compared with the new resolution's English title
        if str(r["w"]) not in heads or (r.get("title") and not heads[str(r["w"])].get("title")):
            heads[str(r["w"])] = r
    branches = " UNION ".join(f"""{{ GRAPH <{iris.expression(s, "en")}> {{ ?p eli:is_part_of <{w}> ; a ?type ;
            unkg:index ?i ; rdf:value ?text . VALUES ?type {{ unkg:PreambularParagraph unkg:OperativeParagraph }} }}
            BIND (<{w}> AS ?w) }}""" for w, s in works.items())
    texts: dict[str, list[tuple[int, str]]] = {}
    for r in _rows(store, f"SELECT ?w ?i ?text WHERE {{ {branches} }}"):
        texts.setdefault(str(r["w"]), []).append((int(str(r["i"])), str(r["text"])))
    out: dict[str, Entry | None] = {}
    for w, symbol in works.items():
        h = heads.get(w)
        if h is None:
            out[symbol] = None
            continue
        e = entry(symbol, str(h.get("b", "")).rsplit("/", 1)[-1], str(h["date"]) if h.get("date") else None,
                  str(h["title"]) if h.get("title") else "", (), (), [t for _, t in sorted(texts.get(w, []))])
        if w in fingerprints:
            e.paragraphs = fingerprints[w]
        out[symbol] = e
    return out


def slot_in(store: Any, symbols: Iterable[str], records: Iterable[Record] = ()) -> LineageSummary:
    """Place a few newly stored resolutions (and re-place their possible successors) by index. `records`:
    what the ingest took from the graphs it has just written (their texts are then not read back)."""
    clock = _Clock()
    by_symbol = {r.symbol: r for r in records}
    known: dict[str, Entry | None] = {}
    summary = LineageSummary()
    todo = list(dict.fromkeys(symbols))
    done: set[str] = set()
    graphs = []
    while todo:
        symbol = todo.pop(0)
        if symbol in done:
            continue
        done.add(symbol)
        got = _entry_of(store, symbol, by_symbol)
        if got is None:
            continue
        r, res = got
        holders = _fingerprint_counts(store, r.paragraphs)
        df = {h: len(set(holders.get(h, [])) | {symbol}) for h in r.paragraphs}
        weights = {h: n ** -0.5 if n > 1 else UNIQUE_WEIGHT for h, n in df.items() if n <= COMMON_PARAGRAPH}
        names = {s for h in weights for s in holders.get(h, [])} | r.cites
        names |= _same_title(store, r)
        names.discard(symbol)
        cands = [e for e in _stored_entries(store, names, known) if e.body == r.body]
        earlier = [e for e in cands if e.order < r.order]
        placement = _choose(r, _title_key(r.title), [(e, _title_key(e.title)) for e in earlier], weights)
        old = stored.load(store, placement.predecessor, provisions=False) if placement.predecessor else None
        series = _stored_series(store, placement.predecessor) if placement.predecessor else series_iri(symbol)
        pair = renewals.index(store, [iris.work(symbol), iris.work(old.symbol)]) if old is not None else {}
        graphs.append(_graph(res, old, placement, series, r.paragraphs, renewals.of(pair, *pair)))
        summary.placed += 1
        summary.with_predecessor += placement.predecessor is not None
        # a later resolution of the same series may now follow this one rather than an older one
        todo += _may_follow(store, r, [e for e in cands if e.order > r.order and e.symbol not in done])
        store.replace_graphs(graphs[-1:])
    summary.written = [g for g, _ in graphs]
    clock.lap("slot in")
    summary.seconds, summary.phases = clock.total(), clock.phases
    return summary


def _same_title(store: Any, r: Entry) -> set[str]:
    """Resolutions of the same body whose (English) title is alike."""
    if not r.title:
        return set()
    key = _title_key(r.title)
    body = iris.vocab("actors", r.body)
    rows = store.select(PREFIXES + f"""SELECT ?s ?title WHERE {{ GRAPH ?g {{ ?w unkg:adoptedBy <{body}> ;
        dcterms:title ?title ; dcterms:identifier ?s }} FILTER (lang(?title) = "en") }}""")
    return {str(x["s"]) for x in rows if fuzz.token_sort_ratio(key, _title_key(str(x["title"]))) >= 80}


def _may_follow(store: Any, r: Entry, later: list[Entry]) -> list[str]:
    """The later candidates whose stored predecessor (if any) is older than `r`: `r` may now come between."""
    if not later:
        return []
    values = " ".join(f"<{iris.work(e.symbol)}>" for e in later)
    rows = store.select(PREFIXES + f"""PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT ?w ?date WHERE {{ VALUES ?w {{ {values} }} GRAPH ?l {{ ?w prov:wasRevisionOf ?p }}
        OPTIONAL {{ GRAPH ?g {{ ?p unkg:adoptionDate ?date }} }} }}""")
    newer_than_r = {str(x["w"]) for x in rows if x.get("date") and str(x["date"]) >= r.order[0]}
    return [e.symbol for e in later if iris.work(e.symbol) not in newer_than_r]


def _stored_series(store: Any, symbol: str) -> str:
    rows = store.select(PREFIXES + f"""SELECT ?s WHERE {{ GRAPH <{graph_name(symbol)}> {{ <{iris.work(symbol)}> unkg:inSeries ?s }} }}""")
    return str(rows[0]["s"]) if rows else series_iri(symbol)


# -- reading it back ----------------------------------------------------------------------------------
def lineage_of(store: Any, symbol: str, links: tuple[dict[str, str], dict[str, set[str]]] | None = None
               ) -> dict[str, Any] | None:
    """The `unkg lineage --json` document, from the lineage graphs; None when the store holds no lineage
    for `symbol`. `links` is `revision_links(store)` where the caller keeps it (the web app, once per store
    version: it reads every revision link of the store)."""
    w = iris.work(symbol)
    rows = store.select(PREFIXES + f"""PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT ?series ?prev ?ev WHERE {{ GRAPH <{graph_name(symbol)}> {{ <{w}> unkg:inSeries ?series .
            OPTIONAL {{ <{w}> prov:wasRevisionOf ?prev ; prov:qualifiedRevision ?l . OPTIONAL {{ ?l unkg:linkEvidence ?ev }} }} }} }}""")
    if not rows:
        return None
    back, forward = links if links is not None else revision_links(store)
    predecessors: list[str] = []
    cur = w
    while cur in back and back[cur] not in predecessors and len(predecessors) < 100:
        cur = back[cur]
        predecessors.append(cur)
    successors: list[str] = []
    cur = w
    while cur in forward and len(successors) < 100:
        cur = min(forward[cur])
        if cur in successors:
            break
        successors.append(cur)
    names = _symbols(store, [*predecessors, *successors])
    prev = str(rows[0]["prev"]) if rows[0].get("prev") else None
    evidence = sorted({str(r["ev"]) for r in rows if r.get("ev")})
    if prev is None:
        evidence = ["first of its series in the store: no earlier resolution of the same body passes the series tests"]
    return {"symbol": symbol, "series": str(rows[0]["series"]),
            "predecessor": names.get(prev) if prev else None,
            "predecessors": [names.get(p, p) for p in predecessors],
            "successors": [names.get(s, s) for s in successors], "evidence": evidence}


def revision_links(store: Any) -> tuple[dict[str, str], dict[str, set[str]]]:
    """Every revision link of the store: work -> its predecessor, and work -> its successors."""
    back: dict[str, str] = {}
    forward: dict[str, set[str]] = {}
    for r in store.select("""PREFIX prov: <http://www.w3.org/ns/prov#>
            SELECT ?w ?p WHERE { GRAPH ?g { ?w prov:wasRevisionOf ?p } }"""):
        back[str(r["w"])] = str(r["p"])
        forward.setdefault(str(r["p"]), set()).add(str(r["w"]))
    return back, forward


def _symbols(store: Any, works: list[str]) -> dict[str, str]:
    if not works:
        return {}
    values = " ".join(f"<{w}>" for w in set(works))
    return {str(r["w"]): str(r["s"]) for r in store.select(PREFIXES + f"""SELECT DISTINCT ?w ?s WHERE {{
        VALUES ?w {{ {values} }} GRAPH ?g {{ ?w dcterms:identifier ?s }} }}""")}
