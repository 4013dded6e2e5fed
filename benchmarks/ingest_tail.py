"""The ingest's tail: from the workers' last result to the end (lineage, the rest of the bulk load, the
compaction), on N corpus files spread over the six languages, with --jobs 2 and the UN metadata, into a fresh
store. It times the tail from outside the pipeline (around `pipeline._results`), so the same script measures
any commit: run it with the Python of that commit's checkout (its venv), one run after the other.

    python benchmarks/ingest_tail.py [--files 400] [--meta ../shared/corpus/meta]
    /path/to/other/checkout/.venv/bin/python benchmarks/ingest_tail.py --files 400   # the other commit

Prints one JSON line: files, stored, whole seconds, the tail's wall and CPU seconds (the parent with
lineage's alignment processes), the compaction, lineage and its steps, the parent's peak memory.
"""
from __future__ import annotations

import json
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Iterator


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main(argv: list[str] | None = None) -> int:
    import unkg.ingest.pipeline as pipeline  # the checkout whose Python runs this
    from unkg.store import open_store

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from ingest import spread_corpus  # benchmarks/ingest.py, beside this script

    spread = spread_corpus(__doc__.split("\n\n")[0], 400, "ingest tail benchmark", argv)
    if spread is None:
        return 2
    files, meta = spread
    last: dict[str, float] = {}
    results = pipeline._results

    def stamped(*a: Any, **k: Any) -> Iterator[Any]:
        yield from results(*a, **k)
        last["wall"], last["cpu"] = time.perf_counter(), _cpu()

    pipeline._results = stamped
    folder = Path(tempfile.mkdtemp(prefix="unkg-tail-"))
    try:
        store = open_store(str(folder / "store"))
        started = time.perf_counter()
        summary = pipeline.ingest([str(f) for f in files], store, jobs=2, meta=[meta],
                                  progress=False)
        end, cpu = time.perf_counter(), _cpu()
        store.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    lineage = summary.lineage
    print(json.dumps({
        "checkout": str(Path(pipeline.__file__).resolve().parent.parent), "files": len(files),
        "stored": summary.stored, "failed": summary.failed, "seconds": round(end - started, 1),
        "tail_seconds": round(end - last["wall"], 1), "tail_cpu": round(cpu - last["cpu"], 1),
        "compact_seconds": round(summary.compact_seconds or 0.0, 1), "compact_cpu": round(summary.compact_cpu, 1),
        "lineage_seconds": round(lineage.seconds, 1) if lineage else None,
        "lineage_phases": {k: round(v, 1) for k, v in (lineage.phases if lineage else {}).items()},
        "peak_parent_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
