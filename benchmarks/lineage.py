"""Series and lineage benchmark: predecessor accuracy and paragraph-alignment F1 per status against the
hand-checked gold set (benchmarks/gold/lineage/, guidelines in benchmarks/gold/LINEAGE_GUIDELINES.md), and
timing. Prints numbers; asserts nothing.

    python benchmarks/lineage.py                     # entries read from the corpus files
    python benchmarks/lineage.py --store STORE       # also: rebuild every lineage graph of STORE (writes to it:
                                                     # use a copy) with --jobs, then remove single resolutions
                                                     # and ingest each again (lineage by slot_in)
    python benchmarks/lineage.py --ingest [--without]  # also: ingest every AKN file of the corpus with its
                                                     # metadata into a new store with --jobs, timing the lineage
                                                     # step; --without: a second ingest with no lineage, to compare

Times are wall and CPU seconds (CPU counts the alignment processes): on a loaded machine CPU says more.

The gold files' SHA-256 are frozen below: a changed answer changes a hash, in a commit that says why.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import sys
import time
from pathlib import Path

import yaml

from unkg.ingest.readers import read
from unkg.lineage.align import STATUSES, align
from unkg.lineage.entries import from_resolution
from unkg.lineage.series import place

GOLD = Path(__file__).parent / "gold" / "lineage"
FROZEN = {
    "align_A_HRC_RES_58_17.yaml": "23f09a139e99aed9c9b4abf205929b462f840d82c8dd36fe6b3fdff55dd60ec6",
    "align_A_HRC_RES_58_28.yaml": "ea9a0def1f71a31ae49bf9c7bd88555e851e668be77ef55b9c990c696ab83a8a",
    "align_A_RES_76_61.yaml": "04b4cc09768e8b20f38c3a713000d5f9b5bd9ef155edde197b2ade2998bf5687",
    "align_A_RES_77_111.yaml": "b19a284db26336734695c5bc8d9c1891efaa145d61bffb94ed4f3023c275c48f",
    "align_A_RES_77_171.yaml": "7b36e897ab9e1eb283d65c09862512ee367fcaee597fcc51bad1b107336c46b7",
    "align_A_RES_78_216.yaml": "3aa3ec626dd616bbf4cbdda754b1d8ab291e31479f678cc0af500fa9734a448e",
    "align_A_RES_78_247.yaml": "a8cd57db6fa86313653aabb85818d988626c49df33f1d3ca58a408579148b628",
    "align_A_RES_79_39.yaml": "33b7b13466637d18737f2cbb8476457c86d501e7569dc466e51bebe8688bea08",
    "align_S_RES_2619_2022.yaml": "27747c6d98f06c2c92d86b99d7494340e80050790b19b27279889ab4b0c3ec30",
    "align_S_RES_2685_2023.yaml": "45c17e56de40a7ecb965d687463d8ace21dfab0e582370a32aa129a5f20682dc",
    "align_S_RES_2718_2023.yaml": "3603926d6fa42eaf66c054c71e78de0c3c38fecd5bcb9cb4d40ce61b3119e471",
    "predecessors.yaml": "143c69d5273e8298e214c50b80599f1d5771b7804d97b9e42fa2d4b170b748de",
}


def corpus_dir() -> Path:
    for c in (os.environ.get("UNKG_CORPUS"), Path(__file__).resolve().parents[2] / "shared" / "corpus",
              Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"):
        if c and Path(c, "akn").is_dir():
            return Path(c)
    sys.exit("the corpus is absent: set UNKG_CORPUS")


def check_frozen() -> None:
    for path in sorted(GOLD.glob("*.yaml")):
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if FROZEN.get(path.name) != digest:
            sys.exit(f"{path}: not the frozen gold file (sha256 {digest}); a changed answer needs a new hash here")
    missing = set(FROZEN) - {p.name for p in GOLD.glob("*.yaml")}
    if missing:
        sys.exit(f"gold files missing: {sorted(missing)}")


def _read(path: Path):
    try:
        res = read(path)
    except Exception:  # a file the readers refuse is not a resolution to place
        return None
    return res


def corpus_entries(corpus: Path) -> tuple[dict, dict]:
    """Every English resolution of the corpus as a series entry (and its file)."""
    files = sorted(p for p in (corpus / "akn").glob("*/**/*.xml") if "/en/" in str(p))
    entries, paths = {}, {}
    for path in files:
        res = _read(path)
        if res is None or res.language != "en":
            continue
        entries[res.symbol] = from_resolution(res)
        paths[res.symbol] = path
    return entries, paths


def alignment_scores(corpus: Path) -> tuple[dict[str, tuple[float, float, float, int]], int, int, list[float]]:
    gold_rows: set[tuple] = set()
    pred_rows: set[tuple] = set()
    pairs = 0
    seconds = []
    for path in sorted(GOLD.glob("align_*.yaml")):
        g = yaml.safe_load(path.read_text(encoding="utf-8"))
        old, new = read(corpus / g["from_file"]), read(corpus / g["to_file"])
        key = g["to"]
        gold_rows |= {(key, r["to"], r["from"], r["status"]) for r in g["pairs"]}
        t = time.perf_counter()
        got = align(old.paragraphs, new.paragraphs, with_changes=False)
        seconds.append(time.perf_counter() - t)
        pred_rows |= {(key, a.new.index if a.new and a.status != "dropped" else None,
                       a.old.index if a.old and a.status != "new" else None, a.status) for a in got}
        pairs += 1
    scores = {}
    for s in STATUSES:
        gs = {r for r in gold_rows if r[3] == s}
        ps = {r for r in pred_rows if r[3] == s}
        tp = len(gs & ps)
        p = tp / len(ps) if ps else 1.0
        r = tp / len(gs) if gs else 1.0
        scores[s] = (p, r, 2 * p * r / (p + r) if p + r else 0.0, len(gs))
    return scores, len(gold_rows), pairs, seconds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", help="a COPY of a store with the corpus: time rebuild and slot_in on it")
    ap.add_argument("--jobs", type=int, default=2, help="processes for the ingest and the rebuild's alignments")
    ap.add_argument("--ingest", action="store_true", help="time a whole-corpus ingest with lineage")
    ap.add_argument("--without", action="store_true", help="with --ingest: also ingest without lineage")
    args = ap.parse_args()
    check_frozen()
    corpus = corpus_dir()

    t = time.perf_counter()
    entries, paths = corpus_entries(corpus)
    read_s = time.perf_counter() - t
    t = time.perf_counter()
    placements = place(list(entries.values()))
    place_s = time.perf_counter() - t
    gold = yaml.safe_load((GOLD / "predecessors.yaml").read_text(encoding="utf-8"))
    right = 0
    for row in gold:
        got = placements.get(row["symbol"])
        ok = got is not None and got.predecessor == row["predecessor"]
        right += ok
        if not ok:
            print(f"  wrong: {row['symbol']}: gold {row['predecessor']}, got {got.predecessor if got else 'not placed'}")
    bodies = {b: sum(1 for r in gold if r['symbol'].startswith(p)) for b, p in (("GA", "A/RES"), ("HRC", "A/HRC"), ("SC", "S/RES"))}
    print(f"predecessor accuracy: {right}/{len(gold)} = {right / len(gold):.3f}  "
          f"(GA {bodies['GA']}, HRC {bodies['HRC']}, SC {bodies['SC']}; {sum(1 for r in gold if r['predecessor'] is None)} with none)")

    scores, rows, pairs, seconds = alignment_scores(corpus)
    print(f"alignment: {rows} gold rows from {pairs} resolution pairs")
    for s, (p, r, f, n) in scores.items():
        print(f"  {s:<9} precision {p:.3f} recall {r:.3f} F1 {f:.3f} (gold {n})")
    print(f"  align one pair: mean {sum(seconds) / len(seconds) * 1000:.0f} ms, max {max(seconds) * 1000:.0f} ms")

    print(f"corpus ({len(entries)} English resolutions): reading the files {read_s:.1f} s (the ingest does this "
          f"anyway); placing all {place_s:.1f} s, {sum(1 for p in placements.values() if p.predecessor)} after a predecessor")

    if args.store:
        store_timings(args.store, args.jobs, corpus, paths)
    if args.ingest:
        ingest_timings(corpus, args.jobs, args.without)


def _phases(summary) -> str:
    return ", ".join(f"{k} {v:.1f} s" for k, v in summary.phases.items())


def store_timings(location: str, jobs: int, corpus: Path, paths: dict) -> None:
    """`unkg lineage --rebuild` on the store, then one resolution at a time removed and ingested again."""
    from unkg import iris
    from unkg.ingest.pipeline import ingest
    from unkg.lineage.graph import graph_name
    from unkg.lineage.update import lineage_of, rebuild
    from unkg.store import open_store

    store = open_store(location)
    try:
        summary = rebuild(store, jobs=jobs)
        print(f"unkg lineage --rebuild --jobs {jobs} (texts read from the store): {summary.line()}; {_phases(summary)}")
        for symbol in ("A/RES/78/216", "S/RES/2718 (2023)", "A/HRC/RES/58/17"):
            before = (lineage_of(store, symbol) or {}).get("predecessor")
            for g in store.graphs():
                if g.startswith(iris.work(symbol) + "/") and (g == graph_name(symbol) or "/" not in g[len(iris.work(symbol)) + 1:]):
                    store.drop_graph(g)
            t = time.perf_counter()
            one = ingest([paths[symbol]], store, meta=[str(corpus / "meta")], progress=False)
            after = (lineage_of(store, symbol) or {}).get("predecessor")
            lin = one.lineage
            print(f"new resolution {symbol}: ingest {time.perf_counter() - t:.2f} s, of which lineage {lin.seconds:.2f} s "
                  f"({lin.phases.get('slot in cpu', 0):.2f} s CPU; {lin.placed} placed, incl. re-placed successors); "
                  f"predecessor {after} "
                  f"({'as' if after == before else 'NOT as'} before)")
    finally:
        store.close()


def ingest_timings(corpus: Path, jobs: int, without: bool) -> None:
    """The whole corpus (every AKN file, its metadata) into a new store, with lineage (and without)."""
    import resource
    import shutil
    import tempfile

    from unkg.ingest import pipeline
    from unkg.lineage.record import from_graph
    from unkg.store import open_store

    files = sorted((corpus / "akn").glob("**/*.xml"))
    runs = [True, False] if without else [True]
    for lineage in runs:
        folder = Path(tempfile.mkdtemp(prefix="unkg-bench-lineage-"))
        try:
            store = open_store(str(folder / "store"))
            t = time.perf_counter()
            usage = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
            summary = pipeline.ingest(files, store, meta=[str(corpus / "meta")], jobs=jobs, progress=False,
                                      lineage=lineage)
            wall = time.perf_counter() - t
            after = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = sum(a.ru_utime + a.ru_stime - (b.ru_utime + b.ru_stime) for a, b in zip(after, usage, strict=True))
            store.close()
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        print(f"ingest of {len(files)} AKN files, --jobs {jobs}, {'with' if lineage else 'without'} lineage: "
              f"{wall:.1f} s wall, {cpu:.1f} s CPU (all processes); {summary.stored} graphs, {summary.failed} failed")
        if lineage and summary.lineage is not None:
            print(f"  lineage step: {summary.lineage.line()}; {_phases(summary.lineage)}")
    # the workers' share: taking each graph's lineage record (timed on a sample, the rest of the build aside)
    sample = files[:: max(1, len(files) // 100)]
    spent = 0.0
    for path in sample:
        iri, graph, _ = pipeline.build_graph(path)
        t = time.process_time()
        from_graph(iri, graph)
        spent += time.process_time() - t
    per_file = spent / len(sample)
    print(f"  in the workers: the lineage record {per_file * 1000:.1f} ms CPU per file (mean of {len(sample)}), "
          f"about {per_file * len(files):.1f} s CPU for all, {per_file * len(files) / jobs:.1f} s over {jobs} workers")


if __name__ == "__main__":
    main()
