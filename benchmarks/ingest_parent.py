"""The ingest's parent alone: the workers' results saved once, then read back through the parent's part of
the ingest (booking each result, the one bulk load reading the graphs as they come, lineage, the
compaction) in one process without a pool, so that its CPU is measured without the workers beside it.

    python benchmarks/ingest_parent.py --save RESULTS [--files 1200]     # run the pool once, keep its results
    python benchmarks/ingest_parent.py --replay RESULTS [--no-lineage]   # the parent's part, into a fresh store

--save runs the pool of two workers on N AKN files spread over the six languages (with the corpus's UN
metadata) and keeps each result as the pool pickles it (about 0.75 MB a file); --replay unpickles them one by
one as the pool's result thread does, and prints the parent's CPU (the process's own, Oxigraph's and
RocksDB's threads included) up to the last result (`Summary.write_cpu`) and in all, the compaction's, the
garbage collector's time while the results came, and the peak memory. Results are saved by the checkout
that replays them: what a worker sends differs between commits, so compare two commits each with its own
--save, one replay after the other.
"""
from __future__ import annotations

import argparse
import gc
import json
import pickle
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from ingest import corpus_files, spread  # noqa: E402  (benchmarks/ingest.py, beside this file)


def save(out: Path, n: int, corpus: Path, meta: str) -> None:
    from unkg.ingest import pipeline

    files = spread(corpus_files(corpus, "all"), n)
    keys = {"keys": True} if "keys" in pipeline._pooled.__code__.co_varnames else {}  # as a first load asks
    blobs = [pickle.dumps(r, protocol=pickle.HIGHEST_PROTOCOL) for r in pipeline._pooled(files, [meta], 2, **keys)]
    with open(out, "wb") as f:
        pickle.dump([str(x) for x in files], f)
        pickle.dump(blobs, f)
    print(f"saved {len(blobs)} results, {sum(map(len, blobs)) / 2**20:.0f} MiB, in {out}")


def replay(results: Path, meta: str, lineage: bool) -> dict:
    from unkg.ingest import pipeline
    from unkg.store import open_store

    with open(results, "rb") as f:
        files, blobs = pickle.load(f), pickle.load(f)
    collecting, over = [0.0, 0], [False]

    def timed(phase: str, info: dict, started: list[float] = [0.0]) -> None:  # noqa: B006 (the clock's cell)
        if phase == "start":
            started[0] = time.perf_counter()
        elif not over[0]:
            collecting[0] += time.perf_counter() - started[0]
            collecting[1] += 1

    def results_of(files_: list, meta_paths: list[str], jobs: int, progress: object, **_: object):
        pipeline._init_worker(meta_paths)  # the parent loads the metadata, as it does for its first file
        for blob in blobs:
            yield pickle.loads(blob)
        over[0] = True

    gc.callbacks.append(timed)
    pipeline._results = results_of
    folder = Path(tempfile.mkdtemp(prefix="unkg-parent-"))
    try:
        store = open_store(str(folder / "store"))
        cpu, wall = time.process_time(), time.perf_counter()
        summary = pipeline.ingest(files, store, meta=meta, jobs=2, progress=False, lineage=lineage)
        store.close()
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return {"stored": summary.stored, "failed": summary.failed, "quads": summary.quads, "seconds": round(wall, 1),
            "cpu": round(cpu, 1), "cpu_to_last_result": round(summary.write_cpu, 1),
            "compaction_cpu": round(summary.compact_cpu, 1), "gc_seconds_to_last_result": round(collecting[0], 2),
            "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--save", type=Path, help="run the pool and keep its results in this file")
    ap.add_argument("--replay", type=Path, help="read these results through the parent's part of the ingest")
    ap.add_argument("--files", type=int, default=1200, help="files spread over every AKN file (--save)")
    ap.add_argument("--no-lineage", action="store_true", help="replay without lineage (the load and compaction)")
    args = ap.parse_args(argv)
    from unkg.config import corpus_dir

    corpus = corpus_dir()
    if corpus is None:
        print("ingest parent: the corpus (../shared/corpus) is absent", file=sys.stderr)
        return 2
    meta = str(corpus / "meta")
    if args.save:
        save(args.save, args.files, corpus, meta)
    if args.replay:
        print(json.dumps(replay(args.replay, meta, not args.no_lineage)))
    if not (args.save or args.replay):
        ap.error("--save or --replay")
    return 0


if __name__ == "__main__":
    sys.exit(main())
