"""Ingest benchmark: the AKN corpus through the real pipeline (read, extract, graph, SHACL, store).

Prints, for 1 and for 2 worker processes: files, graphs stored, failures, seconds, resolutions/s, quads,
store size on disk and peak memory (the parent, which writes the store, and the largest worker).

    python benchmarks/ingest.py [--set english|all] [--jobs 1,2] [--serial-sample 300] [--keep DIR] [--compare STORE]

--set english: every English AKN file (akn/ga/*/en, akn/hrc/*/en, akn/sc/en);
--set all: every AKN file in every language (about 3,700). Each run starts from an empty store
in its own process, so peak memory is that run's own. One job over thousands of files takes long:
--serial-sample N runs the 1-job case on N files spread evenly over the set (0 = all of them) and says so.
--keep DIR keeps the store of the last run (for benchmarks/queries.py and benchmarks/webapp.py).
--compare STORE compares the last run's store with another (opened read-only), e.g. one an earlier commit
built from the same files: every named graph's triples, and the default graph (the union's copy); it prints
what differs and the exit status is 1 when anything does.

The idle-machine measurement of the whole corpus:

    python benchmarks/ingest.py --set all --jobs 2 --meta ../shared/corpus/meta --compare STORE_OF_MAIN
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent


def corpus_files(corpus: Path, which: str) -> list[Path]:
    patterns = (["akn/ga/*/en/*.xml", "akn/hrc/*/en/*.xml", "akn/sc/en/*.xml"] if which == "english"
                else ["akn/**/*.xml"])
    files: list[Path] = []
    for pattern in patterns:
        files += sorted(corpus.glob(pattern))
    return sorted(set(files))


def spread(files: list[Path], n: int) -> list[Path]:
    """n files evenly spread over the list (every session and body represented)."""
    if n <= 0 or n >= len(files):
        return files
    step = len(files) / n
    return [files[int(i * step)] for i in range(n)]


def spread_corpus(description: str, default_files: int, name: str,
                  argv: list[str] | None) -> tuple[list[Path], str] | None:
    """The command line of the scripts that time one ingest of files spread over every AKN file (--files,
    --corpus, --meta): the files and the metadata folder, or None (said on stderr) when the corpus is absent."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--files", type=int, default=default_files, help="files spread over every AKN file (0 = all)")
    ap.add_argument("--corpus", type=Path, default=None)
    ap.add_argument("--meta", default=None, help="the UN metadata (default: the corpus's meta folder)")
    args = ap.parse_args(argv)
    from unkg.config import corpus_dir

    corpus = args.corpus or corpus_dir()
    if corpus is None:
        print(f"{name}: the corpus (../shared/corpus) is absent", file=sys.stderr)
        return None
    return spread(corpus_files(corpus, "all"), args.files), args.meta or str(corpus / "meta")


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def one_run(list_file: Path, store: Path, jobs: int, meta: list[str]) -> dict:
    """Run in a child process: ingest the listed files, return the numbers as JSON on stdout."""
    from unkg.ingest.pipeline import ingest
    from unkg.store import open_store

    files = list_file.read_text().split("\n")
    s = open_store(str(store))
    started = time.perf_counter()
    summary = ingest([f for f in files if f], s, jobs=jobs, meta=meta or None, progress=False)
    seconds = time.perf_counter() - started
    stats = s.stats()
    s.close()
    me, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        # CPU of the parent (reading results, writing the store, lineage, compaction) and of the workers
        "cpu_parent": me.ru_utime + me.ru_stime, "cpu_workers": workers.ru_utime + workers.ru_stime,
        "lineage_seconds": getattr(summary.lineage, "seconds", None),
        "lineage_phases": getattr(summary.lineage, "phases", None),
        # the parent's writing of the resolution graphs: wall, and the parent's CPU meanwhile
        "write_seconds": summary.write_seconds, "write_cpu": summary.write_cpu,
        # from the workers' last result to the end: lineage, the rest of the load, the compaction
        "tail_seconds": summary.tail_seconds, "tail_cpu": summary.tail_cpu,
        "jobs": jobs, "files": summary.files, "stored": summary.stored, "failed": summary.failed,
        "failures": summary.failures[:10], "seconds": seconds, "quads_written": summary.quads,
        "store_quads": stats["quads"], "resolutions": stats["resolutions"],
        "compact_seconds": summary.compact_seconds, "compact_cpu": summary.compact_cpu, "store_bytes": folder_size(store),
        # ru_maxrss is in KiB on Linux; RUSAGE_CHILDREN is the largest pool worker (all were joined)
        "peak_parent_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "peak_worker_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def run(files: list[Path], jobs: int, store: Path, meta: list[str]) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write("\n".join(map(str, files)))
        list_file = Path(f.name)
    try:
        cmd = [sys.executable, __file__, "--child", str(list_file), "--store-dir", str(store), "--jobs", str(jobs)]
        for m in meta:
            cmd += ["--meta", m]
        p = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "PYTHONWARNINGS": "ignore"})
        if p.returncode != 0:
            raise SystemExit(f"ingest run failed:\n{p.stderr[-3000:]}")
        return json.loads(p.stdout.strip().splitlines()[-1])
    finally:
        list_file.unlink()


def _graph_triples(store, graph) -> set:
    return {(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, graph)}


def _fingerprint(triples) -> tuple[int, int]:
    """How many triples, and a sum of their hashes that does not depend on their order (blank nodes aside)."""
    n = total = 0
    for t in triples:
        n += 1
        if not any(isinstance(term, ox.BlankNode) for term in t):
            total = (total + hash(str(t))) & 0xFFFFFFFFFFFFFFFF
    return n, total


def _kind(graph: str) -> str:
    if "/unkg/vocab/" in graph or "/unkg/ontology" in graph:
        return "reference"
    return "lineage" if graph.rstrip(">").endswith("/lineage") else "resolution"


def compare_stores(new_dir: Path, ref_dir: Path, out=sys.stdout) -> bool:
    """Whether two stores hold the same quads: each named graph's triples as sets (graphs with blank nodes,
    the ontology's, by their size and the rest of their triples), and the default graph by its size and
    an order-free fingerprint. Prints the differences by kind of graph (resolution, lineage, reference) and
    the predicates of the triples that differ."""
    from collections import Counter

    new, ref = ox.Store.read_only(str(new_dir)), ox.Store.read_only(str(ref_dir))
    names_new, names_ref = set(new.named_graphs()), set(ref.named_graphs())
    only_new, only_ref = sorted(map(str, names_new - names_ref)), sorted(map(str, names_ref - names_new))
    differing: Counter = Counter()
    predicates: dict[str, Counter] = {}
    for g in sorted(names_new & names_ref, key=str):
        a, b = _graph_triples(new, g), _graph_triples(ref, g)
        if a != b and _fingerprint(a) != _fingerprint(b):
            kind = _kind(str(g))
            differing[kind] += 1
            predicates.setdefault(kind, Counter()).update(t[1].value for t in a ^ b)
    default_new = _fingerprint((q.subject, q.predicate, q.object) for q in
                               new.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    default_ref = _fingerprint((q.subject, q.predicate, q.object) for q in
                               ref.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    same = not (only_new or only_ref or differing) and default_new == default_ref
    print(f"  compared with {ref_dir}: {len(names_new & names_ref)} named graphs in both, {len(only_new)} only in "
          f"the new store, {len(only_ref)} only in {ref_dir.name}, differing: "
          f"{', '.join(f'{n} {k}' for k, n in sorted(differing.items())) or 'none'}; default graph "
          f"{default_new[0]} triples ({default_ref[0]} there), {'the same' if default_new == default_ref else 'DIFFERENT'}"
          f": {'THE SAME QUADS' if same else 'DIFFERENT QUADS'}", file=out)
    for label, names in (("only in the new store", only_new), (f"only in {ref_dir.name}", only_ref)):
        kinds = Counter(_kind(n) for n in names)
        if names:
            print(f"      {label}: {dict(kinds)}, e.g. {names[0]}", file=out)
    for kind, counts in sorted(predicates.items()):
        top = ", ".join(f"{p.rsplit('/', 1)[-1]} {n}" for p, n in counts.most_common(8))
        print(f"      {kind} graphs: triples that differ, by predicate: {top}", file=out)
    return same


def report(r: dict, label: str) -> None:
    rate = r["stored"] / r["seconds"] if r["seconds"] else 0.0
    compacted = ("not compacted" if r["compact_seconds"] is None
                 else f"compacted by the ingest in {r['compact_seconds']:.1f} s ({r.get('compact_cpu', 0):.1f} s of CPU; "
                      "included above)")
    print(f"  {label}: {r['files']} files, {r['stored']} stored, {r['failed']} failed in {r['seconds']:.1f} s "
          f"= {rate:.2f} resolutions/s")
    print(f"      quads: {r['quads_written']} written ({r['store_quads']} in the store with ontology and "
          f"vocabularies); store size {r['store_bytes'] / 2**20:.1f} MiB; "
          f"{compacted}; peak memory: parent "
          f"{r['peak_parent_mib']:.0f} MiB, largest worker {r['peak_worker_mib']:.0f} MiB")
    if "cpu_parent" in r:
        lineage = "" if r.get("lineage_seconds") is None else f"; the lineage graphs took {r['lineage_seconds']:.1f} s"
        cpu = r["cpu_parent"] + r["cpu_workers"]
        print(f"      CPU: {cpu:.1f} s = {1000 * cpu / max(r['stored'], 1):.0f} ms per resolution (parent "
              f"{r['cpu_parent']:.1f} s, workers {r['cpu_workers']:.1f} s){lineage}")
    if "write_cpu" in r:
        phases = ", ".join(f"{k} {v:.1f} s" for k, v in (r.get("lineage_phases") or {}).items())
        print(f"      the parent: writing the graphs {r['write_seconds']:.1f} s ({r['write_cpu']:.1f} s of its CPU, "
              f"RocksDB's threads included); lineage by step (wall, and CPU with its processes): "
              f"{phases or 'none'}")
    if "tail_seconds" in r:
        print(f"      after the last worker result: {r['tail_seconds']:.1f} s ({r['tail_cpu']:.1f} s of CPU with "
              "lineage's processes): lineage, the rest of the load, the compaction")
    for _path, message in r["failures"]:
        print(f"      failed: {message[:200]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=None)
    ap.add_argument("--set", choices=["english", "all"], default="english")
    ap.add_argument("--jobs", default="1,2", help="comma-separated worker counts (default 1,2)")
    ap.add_argument("--serial-sample", type=int, default=300, help="files for the 1-job run (0 = all)")
    ap.add_argument("--limit", type=int, default=0, help="only N files (spread over the set) for every run")
    ap.add_argument("--meta", action="append", default=[], help="metadata files or folders (--meta of unkg ingest)")
    ap.add_argument("--keep", type=Path, default=None, help="keep the last run's store in this folder")
    ap.add_argument("--compare", type=Path, default=None,
                    help="compare the last run's store with this store (read-only): the same quads?")
    # internal: one measured run in a fresh process
    ap.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--store-dir", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.child:
        print(json.dumps(one_run(args.child, args.store_dir, int(args.jobs), args.meta)))
        return 0

    sys.path.insert(0, str(ROOT))
    from unkg.config import corpus_dir

    corpus = args.corpus or corpus_dir()
    if corpus is None:
        print("ingest benchmark: the corpus (../shared/corpus) is absent", file=sys.stderr)
        return 2
    files = spread(corpus_files(corpus, args.set), args.limit)
    print(f"ingest benchmark: {len(files)} AKN files ({args.set}) from {corpus}; {os.cpu_count()} CPUs")
    results = []
    same = True
    job_counts = [int(j) for j in args.jobs.split(",")]
    for i, jobs in enumerate(job_counts):
        subset = spread(files, args.serial_sample) if jobs == 1 else files
        tmp = Path(tempfile.mkdtemp(prefix=f"unkg-bench-{jobs}j-"))
        store = tmp / "store"
        r = run(subset, jobs, store, args.meta)
        label = f"{jobs} job{'s' if jobs > 1 else ''}" + (f" (sample of {len(subset)} of {len(files)})"
                                                           if len(subset) < len(files) else "")
        report(r, label)
        results.append(r)
        if args.keep and i == len(job_counts) - 1:
            if args.keep.exists():
                shutil.rmtree(args.keep)
            shutil.copytree(store, args.keep)
            print(f"  kept the store of this run in {args.keep}")
        if args.compare and i == len(job_counts) - 1:
            same = compare_stores(store, args.compare)
        shutil.rmtree(tmp, ignore_errors=True)
    rates = {r["jobs"]: r["stored"] / r["seconds"] for r in results if r["seconds"]}
    if 1 in rates and 2 in rates:
        print(f"  speed-up with 2 jobs: {rates[2] / rates[1]:.2f}x")
    return 1 if any(r["failed"] for r in results) or not same else 0


if __name__ == "__main__":
    sys.exit(main())
