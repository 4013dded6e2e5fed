"""The parent's writing of the resolution graphs, alone: the ways the ingest writes new graphs, on the same graphs.

Reads the resolution graphs of a store (opened read-only; every K-th with --every K) as N-Triples, in the
order the ingest meets them, into a spool file; then writes them into an empty store in a fresh process per
way, as the ingest's parent does after the workers' N-Quads lines are made:

- `batches`: `EmbeddedStore.replace_graphs` per batch of `pipeline.BATCH_GRAPHS` graphs or
  `BATCH_QUADS` quads (what an ingest into a store that holds resolution graphs does with new ones);
- `one-load`: `EmbeddedStore.load_new_graphs`, one bulk load reading the graphs as they come (a first
  ingest).

Prints for each: the CPU of the load (RocksDB's and the bulk loader's threads included) and, of it, RocksDB's
background compaction threads; the final compaction's CPU; the store's size and the process's peak memory.
CPU times, so a loaded machine slows it less than wall time; the ways run one after the other.

    python benchmarks/store_write.py --store /work/stores/final [--every 4] [--ways batches,one-load]
"""
from __future__ import annotations

import argparse
import json
import os
import pickle
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def spool(store_dir: str, every: int, out: Path) -> tuple[int, int]:
    """The store's resolution graphs (IRI, N-Triples) pickled one after another: (graphs, quads)."""
    import pyoxigraph as ox

    from unkg.ingest.pipeline import is_reference_graph

    store = ox.Store.read_only(store_dir)
    names = sorted(g.value for g in store.named_graphs()
                   if isinstance(g, ox.NamedNode) and not is_reference_graph(g.value) and not g.value.endswith("/lineage"))
    graphs = quads = 0
    with out.open("wb") as f:
        for iri in names[::every]:
            nt = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(iri)).decode("utf-8")
            pickle.dump((iri, nt), f, protocol=pickle.HIGHEST_PROTOCOL)
            graphs, quads = graphs + 1, quads + nt.count("\n")
    return graphs, quads


def _graphs(path: Path):
    from unkg.store.common import GraphText

    with path.open("rb") as f:
        while True:
            try:
                iri, nt = pickle.load(f)
            except EOFError:
                return
            yield iri, GraphText.of(iri, nt, checked=True)  # as the workers send them


def _thread_cpu(prefix: str) -> float:
    """CPU seconds of this process's living threads whose name starts with `prefix` (Linux)."""
    total = 0.0
    for tid in os.listdir("/proc/self/task"):
        try:
            name = Path(f"/proc/self/task/{tid}/comm").read_text().strip()
            fields = Path(f"/proc/self/task/{tid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if name.startswith(prefix):
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def one_way(way: str, spooled: Path, target: Path) -> dict:
    """Run in a child process: write the spooled graphs into an empty store one way, then compact."""
    from unkg.ingest import pipeline
    from unkg.store.embedded import EmbeddedStore

    store = EmbeddedStore(target)
    cpu, wall = time.process_time(), time.perf_counter()
    if way == "one-load":
        quads = store.load_new_graphs(_graphs(spooled))
    else:
        quads, batch, size = 0, [], 0
        for iri, data in _graphs(spooled):
            batch.append((iri, data))
            size += data.nquads.count(b"\n")
            if len(batch) >= pipeline.BATCH_GRAPHS or size >= pipeline.BATCH_QUADS:
                quads += store.replace_graphs(batch)
                batch, size = [], 0
        quads += store.replace_graphs(batch) if batch else 0
    load_cpu, load_wall = time.process_time() - cpu, time.perf_counter() - wall
    background = _thread_cpu("rocksdb:")
    cpu = time.process_time()
    store.optimize()
    compact_cpu = time.process_time() - cpu
    store.close()
    return {"way": way, "quads": quads, "load_cpu": load_cpu, "load_wall": load_wall, "background_cpu": background,
            "compact_cpu": compact_cpu, "store_mib": sum(f.stat().st_size for f in target.rglob("*") if f.is_file()) / 2**20,
            "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", help="the store whose resolution graphs are written (read-only)")
    ap.add_argument("--every", type=int, default=1, help="every K-th resolution graph (by IRI)")
    ap.add_argument("--ways", default="batches,one-load")
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)  # way, spool file, target store
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    if args.child:
        print(json.dumps(one_way(args.child[0], Path(args.child[1]), Path(args.child[2]))))
        return 0
    if not args.store:
        ap.error("--store is required")
    tmp = Path(tempfile.mkdtemp(prefix="unkg-store-write-"))
    try:
        t = time.perf_counter()
        graphs, quads = spool(args.store, args.every, tmp / "graphs.pickle")
        print(f"store write benchmark: {graphs} resolution graphs, {quads} quads of {args.store} "
              f"(every {args.every}), read in {time.perf_counter() - t:.1f} s")
        for way in args.ways.split(","):
            target = tmp / way
            out = subprocess.run([sys.executable, __file__, "--child", way, str(tmp / "graphs.pickle"), str(target)],
                                 capture_output=True, text=True, check=True)
            r = json.loads(out.stdout.strip().splitlines()[-1])
            print(f"  {way}: {r['quads']} quads, load CPU {r['load_cpu']:.1f} s ({r['load_wall']:.1f} s wall; RocksDB's "
                  f"background threads {r['background_cpu']:.1f} s of it), final compaction CPU {r['compact_cpu']:.1f} s, "
                  f"together {r['load_cpu'] + r['compact_cpu']:.1f} s; store {r['store_mib']:.0f} MiB, peak memory "
                  f"{r['peak_mib']:.0f} MiB")
            shutil.rmtree(target, ignore_errors=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
