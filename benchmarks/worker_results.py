"""What an ingest worker returns for every AKN file, saved before a change and compared after it.

    .venv/bin/python benchmarks/worker_results.py --save /tmp/before.jsonl      # at the commit before the change
    .venv/bin/python benchmarks/worker_results.py --compare /tmp/before.jsonl   # after it: the files that differ
    (--files N: N files spread over the six languages instead of all; --meta DIR: the UN metadata, by default
    the corpus's meta folder)

Runs `pipeline.process_file` on each AKN file of the corpus (../shared/corpus or $UNKG_CORPUS) in one process,
with the metadata loaded and the garbage collector set as a pool worker has them, and keeps per file a digest of each part of the result the
parent reads: the N-Triples, the N-Quads, the warnings, the lineage record, the symbol, the error and whether
Oxigraph parsed the graph. Prints the worker CPU of the files (`time.process_time`); --compare prints the
files whose result changed and which parts, and the exit status is 1 when any did. Compare against the
commit the change was made on: a rebase brings others' changes to the quads.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from ingest import corpus_files, spread  # noqa: E402  (benchmarks/ingest.py, beside this file)

PARTS = ("ntriples", "nquads", "warnings", "lineage", "symbol", "error", "checked")


def _digest(value: object) -> str:
    data = value if isinstance(value, bytes) else repr(value).encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:20]


def results(paths: list[Path], corpus: Path, meta: list[str]) -> tuple[dict[str, dict[str, str]], float]:
    """{file: {part: digest}} and the CPU seconds process_file took over all of them."""
    from unkg.ingest import pipeline

    pipeline._init_worker(meta)
    pipeline.process_file(paths[0])  # vocabularies, grammar and shapes: loaded once, as a worker's first file
    worker_gc = getattr(pipeline, "_worker_gc", None)  # the garbage collector as in a pool worker, where set
    if worker_gc is not None:
        worker_gc()
    out, spent = {}, 0.0
    for path in paths:
        t = time.process_time()
        r = pipeline.process_file(path)
        spent += time.process_time() - t
        out[str(path.relative_to(corpus))] = {
            "ntriples": _digest(r.ntriples.encode("utf-8")), "nquads": _digest(r.nquads), "warnings": _digest(r.warnings),
            "lineage": _digest(r.lineage), "symbol": _digest(r.symbol), "error": _digest(r.error),
            "checked": _digest(r.checked)}
    return out, spent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    action = ap.add_mutually_exclusive_group(required=True)
    action.add_argument("--save", type=Path, help="write the digests to this file")
    action.add_argument("--compare", type=Path, help="compare with the digests saved in this file")
    ap.add_argument("--files", type=int, default=0, help="this many files spread over the corpus (0: all)")
    ap.add_argument("--meta", action="append", default=[], help="metadata files or folders (as unkg ingest)")
    args = ap.parse_args()
    from unkg.config import corpus_dir

    corpus = corpus_dir()
    if corpus is None:
        print("worker results: the corpus is absent: expected ../shared/corpus or $UNKG_CORPUS", file=sys.stderr)
        return 2
    meta = args.meta or ([str(corpus / "meta")] if (corpus / "meta").is_dir() else [])
    paths = spread(corpus_files(corpus, "all"), args.files)
    now, spent = results(paths, corpus, meta)
    print(f"worker results: {len(now)} AKN files, {spent:.1f} s CPU ({1000 * spent / len(now):.1f} ms per file)")
    if args.save:
        args.save.write_text("".join(json.dumps({"file": f, "parts": p}, sort_keys=True) + "\n"
                                     for f, p in now.items()), encoding="utf-8")
        print(f"saved in {args.save}")
        return 0
    saved = {d["file"]: d["parts"] for d in map(json.loads, args.compare.read_text(encoding="utf-8").splitlines())}
    differing = 0
    for f in sorted(set(saved) | set(now)):
        a, b = saved.get(f), now.get(f)
        if a == b:
            continue
        differing += 1
        parts = "absent on one side" if a is None or b is None else ", ".join(p for p in PARTS if a.get(p) != b.get(p))
        print(f"  {f}: {parts}")
    print(f"{differing} of {len(set(saved) | set(now))} files differ")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
