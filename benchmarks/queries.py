"""Competency questions: the embedded store (pyoxigraph) against rdflib's in-memory SPARQL on the same quads.

For every query in ontology/queries/*.rq: the best time of --runs runs on each engine, the ratio, and
whether the answers are the same; on two samples by default, 300 and 1,000 resolutions, one after the other
in the same run, since the line is about the questions and not one sample size. Best, not median: on this
shared 2-core VM a run is now and then twice as slow for reasons outside the query (seen: 27 ms and 54 ms for the same query, back to back), and the
fastest run is the one least disturbed (as Python's timeit advises); the ratios of the medians are printed
in the summary too. Aggregate questions (GROUP BY / COUNT / SUM / AVG / MIN / MAX) must be at least 30x faster on
the embedded store; the script exits 1 when one is not, or when any answers differ. The ratio of the best CPU
times (the embedded store in this process, rdflib in its child) is printed beside it: on a machine other
processes keep busy, it says what the wall-clock ratio would be on an idle one, where the two agree.

Both engines answer the shipped question, with one rewrite for rdflib: the aggregates wrap properties in
`{ SELECT * { ... } }` so that Oxigraph scans each once and hash-joins the blocks, and rdflib joins
sub-selects by comparing every row with every row (cq06: over 12 minutes instead of 2 s), so it runs the
query with those blocks unwrapped into one basic graph pattern. The embedded store's time on that unwrapped
form is printed too ("one pattern"), and so is pyoxigraph's with the same quads in memory. A question that
matches inside `GRAPH ?g { ... }` (cq04) is slow on rdflib, which evaluates GRAPH ?g graph by graph; for
it the table adds rdflib's time with the GRAPH removed (`union_form`), the fastest form I know for rdflib;
and where a question was written for Oxigraph in a form rdflib answers slowly (cq06 and cq10 reach the work
through the language version's graph, which rdflib evaluates graph by graph), benchmarks/rdflib_forms/ holds
the same question as rdflib answers it faster. The ratio (and the line) is against the fastest of rdflib's
forms that gives the same answers on the sample and is the same question: a form other than the question as
asked counts only if the embedded store answers it as it answers the question on the whole --store, every row
(cq04 and cq26 with the GRAPH removed answer otherwise there: not timed). Earlier forms (--before) are
printed beside the questions and not held to the line.

The sample is compacted after it is copied, as `unkg ingest` compacts after a load that size.

    python benchmarks/queries.py [--store DIR | --build N] [--graphs 300,1000] [--runs 5] [--aggregates] [--before REV]

--before REV adds, after each question whose text differs at the git revision REV, that earlier form
("name @REV"), timed on the same sample in the same run: a rewrite's before and after under the same load.

The quads: --store DIR takes an existing store (e.g. from benchmarks/ingest.py --keep DIR); --build N
ingests N English AKN files of the corpus into a temporary store. For each number of --graphs, N resolution
graphs of that store (every k-th, the same ones in every run) are copied with the ontology and vocabulary
graphs into a fresh embedded store and into an rdflib Dataset, so both engines answer over exactly the same quads; rdflib needs minutes and gigabytes beyond a
few hundred resolutions. The script exits 1 when the line fails at any size.
"""
from __future__ import annotations

import argparse
import gc
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
RDFLIB_FORMS = ROOT / "benchmarks" / "rdflib_forms"  # questions written otherwise, where rdflib answers them faster
SUBSELECT_BLOCK = re.compile(r"\{\s*SELECT\s+(?:DISTINCT\s+)?\*\s*(?:WHERE\s*)?\{([^{}]*)\}\s*\}", re.I)
GRAPH_BLOCK = re.compile(r"\{\s*SELECT\s+(?:DISTINCT\s+)?\*\s*(?:WHERE\s*)?\{\s*(GRAPH\s+\?\w+\s*\{[^{}]*\})\s*\}\s*\}",
                         re.I)
AGGREGATE = re.compile(r"\b(GROUP\s+BY|COUNT\s*\(|SUM\s*\(|AVG\s*\(|MIN\s*\(|MAX\s*\(|GROUP_CONCAT\s*\()", re.I)


def code(sparql: str) -> str:
    """The query without its comment lines."""
    return "\n".join(line for line in sparql.splitlines() if not line.lstrip().startswith("#"))


def is_aggregate(sparql: str) -> bool:
    return bool(AGGREGATE.search(code(sparql)))


def one_pattern(sparql: str) -> str:
    """The query with each `{ SELECT [DISTINCT] * { P } }` block replaced by P, and each such block around
    one `GRAPH ?g { P }` by that GRAPH pattern: the same question as one pattern (rdflib's union default
    graph is a set, and so is each named graph, so it needs no DISTINCT)."""
    sparql = GRAPH_BLOCK.sub(lambda m: m.group(1).strip() + " .", sparql)
    return SUBSELECT_BLOCK.sub(lambda m: m.group(1).strip() + " .", sparql)


GRAPH_OPEN = re.compile(r"GRAPH\s+\?(\w+)\s*\{", re.I)


def graphs_only_in_graph(sparql: str) -> bool:
    """Whether every variable naming a graph (`GRAPH ?g`) appears nowhere else: only then is the query with
    the GRAPH removed (`union_form`) still about the same things; a query that joins ?g with a statement
    about the graph (which work a version realizes) would become a cross product."""
    text = code(sparql)
    return all(len(re.findall(rf"\?{name}\b", text)) == len(re.findall(rf"GRAPH\s+\?{name}\b", text, re.I))
               for name in set(GRAPH_OPEN.findall(text)))


def union_form(sparql: str) -> str:
    """The query with each `GRAPH ?g { P }` replaced by P: matched over the union of the graphs instead of
    inside one. Not the same question over several language versions (a match can take one property from
    one version and another from the next), but the same over one, and rdflib evaluates GRAPH ?g graph by
    graph, far slower: so its time on this form is printed beside the ratio, for reference. Comments dropped."""
    sparql = code(sparql)
    out, pos = [], 0
    for m in GRAPH_OPEN.finditer(sparql):
        if m.start() < pos:
            continue  # nested inside a GRAPH already removed
        depth, i = 1, m.end()
        while depth:
            depth += {"{": 1, "}": -1}.get(sparql[i], 0)
            i += 1
        out += [sparql[pos:m.start()], union_form(sparql[m.end():i - 1])]
        pos = i
    return "".join(out) + sparql[pos:]


GROUP_CONCAT_AS = re.compile(r"GROUP_CONCAT\s*\((?:[^()]|\([^()]*\))*\)\s*AS\s*\?(\w+)", re.I)


def normalise(rows: list[dict], sparql: str = "") -> list[tuple]:
    """Rows as sorted tuples of values: typed literals by value (stores keep integer subtypes differently,
    decimals print differently: Oxigraph divides to 18 places, rdflib to 28), numbers rounded; a
    GROUP_CONCAT of the query as the sorted list of its items, since SPARQL leaves their order to the engine."""
    import decimal

    import rdflib

    concatenated = set(GROUP_CONCAT_AS.findall(code(sparql)))

    def val(key: str, t: object) -> object:
        if isinstance(t, rdflib.Literal) and t.datatype is not None:
            v = t.toPython()
            if isinstance(v, (float, decimal.Decimal)):
                return round(float(v), 6)
            return v if not isinstance(v, rdflib.Literal) else str(v)
        if key in concatenated and isinstance(t, rdflib.Literal):
            return sorted(str(t).split(", ")), t.language
        return str(t) if not isinstance(t, rdflib.Literal) else (str(t), t.language)

    return sorted(tuple(sorted((k, repr(val(str(k), v))) for k, v in r.items())) for r in rows)


TARGET = 30  # times faster than rdflib, for every aggregate question
# The line is about the questions, not one sample: both sizes, fixed, in one run (rdflib needs minutes and
# gigabytes beyond a thousand resolutions).
SIZES = "300,1000"


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float, float, object]:
    """Best and median wall-clock time of `runs` runs, the best CPU time, and the last result."""
    times, cpu, result = [], [], None
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        result = fn()
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return min(times), statistics.median(times), min(cpu), result


def rdflib_rows(ds, text: str, runs: int, limit: float) -> tuple[float, float, float, list[dict] | None]:
    """Best and median wall-clock time, best CPU time and rows of rdflib's answer, in a forked child so a run
    past `limit` s can be stopped (the times so far are then lower bounds and the rows None). A run over 30 s
    is not repeated."""
    import multiprocessing as mp

    def child(conn) -> None:
        for _ in range(runs):
            t, c = time.perf_counter(), time.process_time()
            res = list(ds.query(text))
            t = time.perf_counter() - t
            conn.send((t, time.process_time() - c))
            if t > 30:
                break
        conn.send([{str(k): v for k, v in r.asdict().items()} for r in res])

    ctx = mp.get_context("fork")
    parent, kid = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=child, args=(kid,))
    times: list[float] = []
    cpu: list[float] = []
    started = time.perf_counter()
    proc.start()
    while parent.poll(limit):
        got = parent.recv()
        if isinstance(got, list):
            proc.join()
            return min(times), statistics.median(times), min(cpu), got
        times.append(got[0])
        cpu.append(got[1])
        started = time.perf_counter()
    proc.kill()
    proc.join()
    longest = max(times + [time.perf_counter() - started])
    return longest, longest, float("nan"), None  # the stopped run's CPU time is not known


def copy_sample(source, n: int, target_dir: Path):
    """A fresh embedded store and an rdflib Dataset holding n resolution graphs + the reference graphs."""
    import rdflib

    from unkg.ingest.pipeline import is_reference_graph
    from unkg.store import open_store

    names = source.graphs()
    resolutions = [g for g in names if not is_reference_graph(g)]
    step = max(1, len(resolutions) // n) if n else 1
    chosen = [g for g in names if is_reference_graph(g)] + resolutions[::step][: n or None]
    target = open_store(str(target_dir))
    ds = rdflib.Dataset(default_union=True)
    payload = []
    for g in chosen:
        nt = source.graph_ntriples(g)
        payload.append((g, nt))
        ds.graph(rdflib.URIRef(g)).parse(data=nt, format="nt")
    target.replace_graphs(payload)
    target.optimize()  # as `unkg ingest` does after a load at least the size of the store
    import pyoxigraph as ox

    from unkg.store.common import nquads

    memory = ox.Store()
    memory.load(nquads(payload)[0].encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    return target, ds, memory, len(chosen) - sum(1 for g in chosen if is_reference_graph(g))


def memory_rows(memory, text: str) -> list:
    """pyoxigraph in memory, results materialised as the embedded store's `select` does."""
    return [[t.value if t is not None else None for t in sol] for sol in memory.query(text, use_default_graph_as_union=True)]


def earlier(folder: Path, name: str, text: str, rev: str) -> list[tuple[str, str]]:
    """The question `name` as it was at git revision `rev`, if it was there and read otherwise."""
    import subprocess

    path = (folder / f"{name}.rq").resolve()
    if not path.is_relative_to(ROOT):
        return []
    old = subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:{path.relative_to(ROOT).as_posix()}"],
                         capture_output=True, text=True)
    if old.returncode != 0 or old.stdout == text:
        return []
    return [(f"{name} @{rev}", old.stdout)]


def build_store(n: int, folder: Path) -> Path:
    from unkg.config import corpus_dir
    from unkg.ingest.pipeline import ingest
    from unkg.store import open_store

    corpus = corpus_dir()
    if corpus is None:
        raise SystemExit("queries benchmark: --build needs the corpus (../shared/corpus)")
    files = sorted(corpus.glob("akn/ga/*/en/*.xml")) + sorted(corpus.glob("akn/hrc/*/en/*.xml")) + sorted(corpus.glob("akn/sc/en/*.xml"))
    step = max(1, len(files) // n)
    s = open_store(str(folder))
    summary = ingest(files[::step][:n], s, jobs=2, progress=False)
    s.close()
    print(f"  built a store from {summary.stored} resolutions ({summary.failed} failed) in {summary.seconds:.0f} s")
    return folder


def rdflib_forms(ds, source, stem: str, text: str, agg: bool, args) -> list[tuple[str, tuple | None]]:
    """rdflib's timings and rows on each form of the question it is given: the question with its blocks
    unwrapped; for an aggregate matched inside GRAPH ?g, the same with the GRAPH removed; and the question
    written for rdflib in benchmarks/rdflib_forms/, if it is there. A form other than the first is not timed
    (None) when it is another question on the whole store (`same_question`)."""
    plain = one_pattern(text)
    texts = [("as asked", plain)]
    if agg and GRAPH_OPEN.search(code(plain)) and graphs_only_in_graph(plain):
        texts.append(("union form", union_form(plain)))
    written = RDFLIB_FORMS / f"{stem}.rq"
    if written.exists():
        texts.append((f"form in {written.relative_to(ROOT)}", one_pattern(written.read_text(encoding="utf-8"))))
    return [(name, rdflib_rows(ds, form, args.runs, args.rdflib_limit)
             if i == 0 or same_question(source, text, form) else None) for i, (name, form) in enumerate(texts)]


LIMIT_AT_END = re.compile(r"\bLIMIT\s+\d+\s*$", re.I)
_WHOLE: dict[tuple[str, str], bool] = {}


def same_question(source, text: str, other: str) -> bool:
    """Whether the embedded store answers `other` as it answers the question `text` on the whole store given
    (--store), every row: a form that agrees with the question only on the sample is another question. cq04
    with its GRAPH removed is one: over the union, a provision counts when one language version states the
    verb and another the right; the sample happens to hold no such provision."""
    key = (text, other)
    if key not in _WHOLE:
        a, b = (LIMIT_AT_END.sub("", code(t)) for t in (text, other))
        _WHOLE[key] = normalise(source.select(a), text) == normalise(source.select(b), text)
    return _WHOLE[key]


def best_form(forms: list[tuple[str, tuple | None]], same: list[bool]) -> tuple[str, tuple, bool]:
    """rdflib's fastest form among those that gave the question's answers, and whether its time is only a
    lower bound (no form answered in time)."""
    answered = [(name, f) for (name, f), ok in zip(forms, same, strict=True) if ok and f is not None]
    if answered:
        name, f = min(answered, key=lambda form: form[1][0])
        return name, f, False
    return forms[0][0], forms[0][1], forms[0][1][3] is None


def run_sample(source, n: int, queries: list[tuple[str, str]], args, folder: Path) -> tuple[bool, str]:
    """Every question on one sample of n resolutions: the table, and a one-line summary of the aggregates."""
    t = time.perf_counter()
    store, ds, memory, got = copy_sample(source, n, folder)
    # The rdflib Dataset is millions of Python objects: frozen, the collector stops rescanning them in
    # every timed run, on both engines (rdflib's child process inherits it).
    gc.collect()
    gc.freeze()
    quads = len(ds)
    print(f"queries benchmark: {got} resolutions, {quads} quads in both engines (loaded in {time.perf_counter() - t:.0f} s)",
          flush=True)
    print(f"  {'question':<42} {'rows':>5} {'embedded':>10} {'rdflib':>10} {'ratio':>8}  same  aggregate"
          f"  {'one pattern':>11} {'in memory':>10} {'CPU ratio':>10}", flush=True)
    failures = 0
    ratios: dict[str, float] = {}
    median_ratios: list[float] = []
    cpu_ratios: list[float] = []
    for stem, text in queries:
        plain = one_pattern(text)
        agg = is_aggregate(text)
        if args.aggregates and not agg:
            continue
        store.select(text)  # warm caches on both sides alike
        t_ox, med_ox, cpu_ox, ox_rows = timed(lambda text=text: store.select(text), args.runs)
        t_plain = timed(lambda plain=plain: store.select(plain), args.runs)[0] if plain != text else None
        memory_rows(memory, text)
        t_mem = timed(lambda text=text, memory=memory: memory_rows(memory, text), args.runs)[0]
        forms = rdflib_forms(ds, source, stem, text, agg, args)
        want = normalise(ox_rows, text)
        same_forms = [f is not None and f[3] is not None and normalise(f[3], text) == want for _, f in forms]
        timed_out = forms[0][1][3] is None  # rdflib gave no answer in time on the question as asked
        same = same_forms[0]
        name, (t_rdf, med_rdf, cpu_rdf, _), lower_bound = best_form(forms, same_forms)
        ratio = t_rdf / t_ox if t_ox > 0 else float("inf")
        cpu_ratio = cpu_rdf / cpu_ox if cpu_ox > 0 else float("inf")
        earlier_form = " @" in stem  # --before: printed beside the question, not held to the line
        ok = (same or timed_out) and (ratio >= TARGET or not agg or earlier_form)
        failures += not ok
        if agg and not earlier_form:
            ratios[stem] = ratio
            median_ratios.append(med_rdf / med_ox if med_ox > 0 else float("inf"))
            if not lower_bound:
                cpu_ratios.append(cpu_ratio)
        mark = "n/a" if timed_out else ("yes" if same else "NO")
        gt = ">" if lower_bound else " "
        plain_ms = f"{t_plain * 1000:>9.1f}ms" if t_plain is not None else f"{'same':>11}"
        as_asked = forms[0][1][0]
        print(f"  {stem:<42} {len(ox_rows):>5} {t_ox * 1000:>8.1f}ms {'>' if timed_out else ' '}{as_asked * 1000:>7.0f}ms "
              f"{gt}{ratio:>6.0f}x  {mark:<4}  {'yes' if agg else 'no ':<9}  {plain_ms} {t_mem * 1000:>8.1f}ms "
              f"{'n/a' if lower_bound else f'{cpu_ratio:.0f}x':>10}{'' if ok else '   <- FAILS'}", flush=True)
        for (form, f), agrees in zip(forms[1:], same_forms[1:], strict=True):
            what = "union form (GRAPH ?g removed)" if form == "union form" else form
            if f is None:
                print(f"      rdflib on its {what}: not timed, another question on the whole store", flush=True)
                continue
            print(f"      rdflib on its {what}: {f[0] * 1000:.0f} ms, {f[0] / t_ox:.0f}x; answers the same: "
                  f"{'yes' if agrees else 'no'}{'; the ratio above is against it, rdflib faster here' if form == name else ''}",
                  flush=True)
    gc.unfreeze()
    store.close()
    del ds, memory
    shutil.rmtree(folder, ignore_errors=True)
    if not ratios:
        return failures == 0, f"{got} resolutions: no aggregate questions"
    slowest = min(ratios, key=ratios.get)
    line = (f"{got} resolutions ({quads} quads): {len(ratios)} aggregate questions, slowest {ratios[slowest]:.0f}x "
            f"({slowest}), median {statistics.median(ratios.values()):.0f}x (target >= {TARGET}x, against rdflib's "
            f"best form); from median times instead of best: slowest {min(median_ratios):.0f}x"
            + (f"; from best CPU times: slowest {min(cpu_ratios):.0f}x, median {statistics.median(cpu_ratios):.0f}x"
               if cpu_ratios else ""))
    print(f"  {line}", flush=True)
    return failures == 0, ("met: " if failures == 0 else "NOT MET: ") + line


def parse_sizes(text: str) -> list[int]:
    try:
        sizes = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise SystemExit(f"queries benchmark: --graphs {text!r}: expected numbers separated by commas") from None
    if not sizes or any(n < 0 for n in sizes):
        raise SystemExit(f"queries benchmark: --graphs {text!r}: expected numbers separated by commas")
    return sizes


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", type=Path, default=None, help="an existing embedded store")
    ap.add_argument("--build", type=int, default=200, help="without --store: ingest N English AKN files first")
    ap.add_argument("--graphs", default=SIZES, help="resolution graphs given to both engines, one sample per number, "
                    f"comma-separated (0 = all; default {SIZES})")
    ap.add_argument("--runs", type=int, default=5, help="timed runs per query and engine (the best counts)")
    ap.add_argument("--queries", type=Path, default=ROOT / "ontology" / "queries")
    ap.add_argument("--aggregates", action="store_true", help="only the aggregate questions")
    ap.add_argument("--before", metavar="REV", help="also time each question as it was at this git revision")
    ap.add_argument("--rdflib-limit", type=float, default=120.0, help="seconds per rdflib run before it is stopped")
    args = ap.parse_args(argv)
    sizes = parse_sizes(args.graphs)
    sys.path.insert(0, str(ROOT))
    from unkg.store import open_store

    queries = [(rq.stem, rq.read_text(encoding="utf-8")) for rq in sorted(args.queries.glob("*.rq"))]
    if args.before:
        queries = [pair for name, text in queries for pair in [(name, text), *earlier(args.queries, name, text, args.before)]]
    if not queries:
        print(f"  no competency questions in {args.queries}")
        return 1
    tmp = Path(tempfile.mkdtemp(prefix="unkg-bench-queries-"))
    source_dir = args.store or build_store(args.build, tmp / "built")
    source = open_store(str(source_dir), read_only=True)
    summaries: list[tuple[bool, str]] = []
    try:
        for n in sizes:
            summaries.append(run_sample(source, n, queries, args, tmp / f"sample-{n}"))
    finally:
        source.close()
        shutil.rmtree(tmp, ignore_errors=True)  # the samples' stores (hundreds of MiB) and a --build store
    if len(summaries) > 1:
        print("every size, one after another:")
        for _, line in summaries:
            print(f"  {line}")
    return 0 if all(ok for ok, _ in summaries) else 1


if __name__ == "__main__":
    sys.exit(main())
