"""Where the ingest's parent spends its tail, thread by thread: N corpus files spread over the six languages,
--jobs 2 and the UN metadata, into a fresh store, with the CPU of every thread of the parent (by name:
Python's thread names, Oxigraph's loader threads "python", RocksDB's "rocksdb:*") and of every child process
sampled from /proc every half second. Prints the events (the last worker result, each part of the load, lineage's
steps, the compaction) and, for each thread and child busy after the last result, its CPU seconds and when it
was busy: a chain of work on one thread that the other core cannot share shows up as one long line.

    python benchmarks/ingest_threads.py [--files 1200] [--meta ../shared/corpus/meta]

The same script measures any commit whose `EmbeddedStore.load_new_graphs` takes `then` or not (run it with
that checkout's Python). CPU seconds say more than wall seconds on a loaded machine.
"""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Iterator

import psutil

TICK = os.sysconf("SC_CLK_TCK")


class Sampler:
    """The CPU seconds of every thread of this process and of every child, every `every` seconds."""

    def __init__(self, every: float = 0.5):
        self.every, self.started = every, time.perf_counter()
        self.samples: list[tuple[float, dict[str, float]]] = []
        self.events: list[tuple[float, str]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sampler", daemon=True)

    def mark(self, name: str) -> None:
        self.events.append((time.perf_counter() - self.started, name))

    def __enter__(self) -> "Sampler":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        me, names = psutil.Process(), {}
        while not self._stop.is_set():
            names.update({t.native_id: t.name.replace(" ", "_") for t in threading.enumerate() if t.native_id})
            row: dict[str, float] = {}
            for tid in os.listdir("/proc/self/task"):
                try:
                    with open(f"/proc/self/task/{tid}/comm") as f:
                        comm = f.read().strip()
                    with open(f"/proc/self/task/{tid}/stat") as f:
                        fields = f.read().rsplit(")", 1)[1].split()
                except OSError:  # the thread ended meanwhile
                    continue
                name = "main" if int(tid) == os.getpid() else f"{names.get(int(tid), comm)}/{tid}"
                row[name] = (int(fields[11]) + int(fields[12])) / TICK
            for child in me.children(recursive=True):
                try:
                    t = child.cpu_times()
                    row[f"child/{child.pid}"] = t.user + t.system
                except psutil.Error:
                    pass
            self.samples.append((time.perf_counter() - self.started, row))
            time.sleep(self.every)

    def busy_after(self, t0: float) -> list[tuple[str, float, float, float]]:
        """(thread, CPU seconds, first and last busy second) of each thread busy after `t0`."""
        cpu: dict[str, float] = {}
        first: dict[str, float] = {}
        last: dict[str, float] = {}
        before: dict[str, float] = {}
        for t, row in self.samples:
            for name, c in row.items():
                delta = c - before.get(name, c if t < t0 else 0.0)
                before[name] = c
                if t >= t0 and delta > 0.01:
                    cpu[name] = cpu.get(name, 0.0) + delta
                    first.setdefault(name, t - t0)
                    last[name] = t - t0
        return sorted(((n, cpu[n], first[n], last[n]) for n in cpu), key=lambda r: r[2])


def _instrument(sampler: Sampler) -> None:
    """Events from the pipeline's steps, without changing what they do."""
    import unkg.ingest.pipeline as pipeline
    import unkg.lineage.update as update
    from unkg.store.embedded import EmbeddedStore

    results, load, optimize, lap = pipeline._results, EmbeddedStore.load_new_graphs, EmbeddedStore.optimize, update._Clock.lap

    def stamped(*a: Any, **k: Any) -> Iterator[Any]:
        yield from results(*a, **k)
        sampler.mark("last result")

    def part(graphs: Any, name: str) -> Iterator[Any]:
        sampler.mark(f"{name} read from")
        yield from graphs
        sampler.mark(f"{name} input over")

    def loading(self: Any, graphs: Any, then: Any = ()) -> int:
        parts = [part(g, f"load part {i + 2}") for i, g in enumerate(then)]
        written = load(self, part(graphs, "load part 1"), parts) if parts else load(self, part(graphs, "load"))
        sampler.mark("load over")
        return written

    def compacting(self: Any) -> None:
        sampler.mark("compaction start")
        optimize(self)
        sampler.mark("compaction over")

    def lapped(self: Any, name: str) -> None:
        sampler.mark(f"lineage {name} over")
        lap(self, name)

    pipeline._results = stamped
    EmbeddedStore.load_new_graphs, EmbeddedStore.optimize, update._Clock.lap = loading, compacting, lapped  # type: ignore[method-assign]


def main(argv: list[str] | None = None) -> int:
    import unkg.ingest.pipeline as pipeline  # the checkout whose Python runs this
    from unkg.store import open_store

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from ingest import spread_corpus  # benchmarks/ingest.py, beside this script

    spread = spread_corpus(__doc__.split("\n\n")[0], 1200, "ingest threads benchmark", argv)
    if spread is None:
        return 2
    files, meta = spread
    folder = Path(tempfile.mkdtemp(prefix="unkg-threads-"))
    with Sampler() as sampler:
        _instrument(sampler)
        try:
            store = open_store(str(folder / "store"))
            sampler.mark("start")
            summary = pipeline.ingest([str(f) for f in files], store, jobs=2, meta=[meta],
                                      progress=False)
            sampler.mark("end")
            store.close()
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    t0 = next(t for t, name in sampler.events if name == "last result")
    print(f"{len(files)} files, {summary.stored} stored, {summary.failed} failed; {summary.seconds:.1f} s, "
          f"of it {summary.tail_seconds:.1f} s after the last worker result")
    print("events, seconds after the last worker result: " + ", ".join(
        f"{name} {t - t0:+.1f}" for t, name in sampler.events if t >= t0 - 0.05))
    print("busy after the last worker result (CPU seconds, first and last busy second):")
    for name, cpu, first, last in sampler.busy_after(t0):
        if cpu >= 0.2:
            print(f"  {name:32s} {cpu:6.1f} s CPU   {first:6.1f} .. {last:6.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
