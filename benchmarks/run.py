"""The headline numbers in one run: ingest (1 and 2 jobs), competency questions (embedded vs rdflib),
and the web app under 16 clients, over one store built by the ingest benchmark.

    python benchmarks/run.py [--set all|english] [--quick] [--store DIR]

--set all (the default) ingests every AKN file of the corpus, in all its languages; --quick runs on a
spread sample of 300 files with 1-job on 60, to check the machinery in a few minutes. Each part is
one of the scripts beside this one, run as its own process; a part whose script is missing is named and
skipped. Exit status: 1 when any part reports a failure.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def part(title: str, script: str, args: list[str]) -> int:
    path = HERE / script
    print(f"\n== {title} ({script}) ==", flush=True)
    if not path.exists():
        print(f"  skipped: {script} is not there")
        return 0
    started = time.perf_counter()
    code = subprocess.run([sys.executable, str(path), *args]).returncode
    print(f"  ({script} finished in {time.perf_counter() - started:.0f} s, exit {code})", flush=True)
    return code


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", choices=["all", "english"], default="all")
    ap.add_argument("--quick", action="store_true", help="a 300-file sample instead of the whole corpus")
    ap.add_argument("--store", type=Path, default=None, help="where to keep the benchmark store (default: a temp folder)")
    ap.add_argument("--graphs", default="300,1000",
                    help="resolutions given to both engines in the query benchmark, one sample per number")
    args = ap.parse_args(argv)
    store = args.store or Path(tempfile.mkdtemp(prefix="unkg-bench-run-")) / "store"
    ingest_args = ["--set", args.set, "--jobs", "1,2", "--keep", str(store)]
    if args.quick:
        ingest_args += ["--limit", "300", "--serial-sample", "60"]
    codes = [
        part("ingest: resolutions/s with 1 and 2 jobs, quads, store size, peak memory", "ingest.py", ingest_args),
        part("competency questions: embedded store vs rdflib in-memory SPARQL", "queries.py",
             ["--store", str(store), "--graphs", args.graphs]),
        part("web app: actor page p50/p95 under 16 clients, memory of the serving process", "webapp.py",
             ["--store", str(store), "--clients", "16"]),
    ]
    print(f"\nbenchmark store: {store}")
    return 1 if any(codes) else 0


if __name__ == "__main__":
    sys.exit(main())
