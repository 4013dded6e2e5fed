"""Time and memory of `unkg export --dump DIR`: is the dump streamed (memory flat in the store's size)?

Dumps a store (given with --store, or built from the first N English GA 78 AKN files of the corpus into a
temporary folder) by running the real command line in a child process, and prints the quads and graphs
dumped, the seconds, the child's peak memory (ru_maxrss), the sizes of the compressed N-Quads and of the
uncompressed text it holds, and the largest named graph. Run it on two store sizes: a streamed dump's peak
memory follows the largest graph, not the store.
Usage: .venv/bin/python benchmarks/dump.py [--store STORE] [--files N]
"""
from __future__ import annotations

import argparse
import gzip
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from unkg.config import corpus_dir
from unkg.store import open_store

UNKG = [str(Path(sys.executable).with_name("unkg"))]


def run(*args: str) -> tuple[float, float]:
    """Run `unkg ARGS` in a child process: (seconds, the child's own peak memory in MiB)."""
    start = time.perf_counter()
    child = subprocess.Popen([*UNKG, *args])
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        sys.exit(f"unkg {' '.join(args)} failed with exit code {child.returncode}")
    return time.perf_counter() - start, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--store", help="an existing store (default: ingest --files corpus files into a temporary one)")
    ap.add_argument("--files", type=int, default=50, help="English GA 78 AKN files to ingest (without --store)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="unkg-dump-bench-") as tmp:
        store = args.store
        if store is None:
            corpus = corpus_dir()
            if corpus is None:
                sys.exit("no corpus: set UNKG_CORPUS or give --store")
            files = sorted((corpus / "akn" / "ga" / "78" / "en").glob("*.xml"))[: args.files]
            store = str(Path(tmp) / "store")
            run("ingest", *map(str, files), "--store", store, "--quiet")
        s = open_store(store, read_only=True)
        try:
            largest = max((len(s.graph_ntriples(g).encode("utf-8")), g) for g in s.graphs())
        finally:
            s.close()
        out = Path(tmp) / "dump"
        seconds, peak = run("export", "--dump", str(out), "--store", store)
        (data,) = out.glob("unkg-*.nq.gz")
        text = 0
        quads = 0
        with gzip.open(data, "rb") as f:
            for line in f:
                text += len(line)
                quads += 1
        print(f"store: {store}")
        print(f"dumped {quads} quads in {seconds:.1f} s; peak memory of the unkg export process {peak:.0f} MiB")
        print(f"N-Quads {text / 2**20:.1f} MiB, gzipped {data.stat().st_size / 2**20:.1f} MiB; "
              f"largest graph {largest[0] / 2**20:.1f} MiB of N-Triples ({largest[1]})")


if __name__ == "__main__":
    main()
