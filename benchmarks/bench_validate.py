"""Time graph.build and validate on real resolutions: read -> extract -> build -> validate.

Prints, for A/RES/78/216 and for a sample of corpus files, the graph size and the CPU time of build and of
validate (first call excluded: it parses the shapes), and how many graphs conform (with the first problems).
Usage: .venv/bin/python benchmarks/bench_validate.py [--sample N] [--runs R] [FILES...]
"""
from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from unkg.config import corpus_dir
from unkg.ingest.extract import extract
from unkg.ingest.graph import build
from unkg.ingest.readers import read
from unkg.ingest.validate import validate


def cpu(fn, *args):
    t0 = time.process_time()
    out = fn(*args)
    return out, time.process_time() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*")
    ap.add_argument("--sample", type=int, default=40, help="corpus files to sample (every k-th of GA/HRC/SC English)")
    ap.add_argument("--runs", type=int, default=5, help="validations of A/RES/78/216")
    args = ap.parse_args()
    corpus = corpus_dir()
    files = [Path(f) for f in args.files]
    if not files and corpus:
        pool = sorted((corpus / "akn").glob("ga/*/en/*.xml")) + sorted((corpus / "akn").glob("hrc/*/en/*.xml")) + \
            sorted((corpus / "akn").glob("sc/en/*.xml"))
        step = max(1, len(pool) // max(args.sample, 1))
        files = pool[::step][: args.sample]
    sample = Path(__file__).resolve().parent.parent / "ingest" / "sample" / "A_RES_78_216.en.txt"

    _, g = build(extract(read(sample)))
    validate(g)  # first call parses and compiles the shapes
    times = [cpu(validate, g)[1] for _ in range(args.runs)]
    print(f"A/RES/78/216 (sample text): {len(g)} triples; validate median {statistics.median(times) * 1000:.0f} ms"
          f" CPU, min {min(times) * 1000:.0f} ms over {args.runs} runs")

    b_times, v_times, sizes, failed = [], [], [], []
    for f in files:
        try:
            res = extract(read(f))
        except Exception as e:  # readers/extraction are measured elsewhere; note and go on
            failed.append((f.name, f"read/extract: {e}"))
            continue
        (name, g), tb = cpu(build, res)
        rep, tv = cpu(validate, g)
        b_times.append(tb)
        v_times.append(tv)
        sizes.append(len(g))
        if not rep.conforms:
            failed.append((f.name, rep.summary[:300]))
    if v_times:
        q = statistics.quantiles(v_times, n=10)
        print(f"{len(v_times)} corpus files: triples median {statistics.median(sizes):.0f} (max {max(sizes)}); "
              f"build median {statistics.median(b_times) * 1000:.0f} ms; validate median "
              f"{statistics.median(v_times) * 1000:.0f} ms, p90 {q[-1] * 1000:.0f} ms, max {max(v_times) * 1000:.0f} ms CPU")
        print(f"conforming: {len(v_times) - sum(1 for f in failed if not f[1].startswith('read'))} of {len(v_times)}")
    for name, problem in failed[:10]:
        print(f"  {name}: {problem}")


if __name__ == "__main__":
    main()
