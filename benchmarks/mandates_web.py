"""Benchmark of the mandates registry's pages on a whole-corpus store: p50 / p95 under concurrent clients.

    python benchmarks/mandates_web.py --store DIR [--clients 16] [--rounds 12]

The server runs in its own process (`unkg.webapp.serve` on waitress, 16 threads, read-only) on a free
loopback port. The script waits until the app's warm-up (the registry included) is done, prints the
registry's size and the first, uncached view of a few pages, then with --clients threads requests each
registry page --rounds times in shuffled order, as HTML (what a reader sees), and prints p50 / p95 / max per
page and overall, and the errors. The pages: /mandates (plain, a later page, each facet chosen, two facets,
a word search, a date range), the calendar, the reporting load of the entities holding most mandates, and
the pages of a few mandates with the longest histories. Requests go only to 127.0.0.1. Never writes to the
store.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from webapp_lists import free_port, get, pct  # noqa: E402  (a sibling script, not a package)


def wait_ready(port: int, timeout: float = 1800) -> float:
    """Seconds until the registry answers (built at warm-up, after the other pages' caches)."""
    t0 = time.perf_counter()
    box: dict = {}
    while time.perf_counter() - t0 < timeout:
        status, _, _ = get(port, "/mandates.json?page=1", box, accept="application/json")
        if status == 200:
            return time.perf_counter() - t0
        time.sleep(1)
    raise SystemExit("the server did not come up")


def pages(port: int) -> list[str]:
    """The registry pages a reader opens, with values read from the registry's own facets and rows."""
    box: dict = {}

    def js(path: str) -> dict:
        return json.loads(get(port, path, box, accept="application/json")[2])

    whole = js("/mandates.json?page=1")
    facets = whole["facets"]

    def top(name: str, i: int = 0) -> str | None:
        values = facets[name]["values"]
        return values[min(i, len(values) - 1)][0] if values else None

    q = urllib.parse.quote
    out = ["/mandates", f"/mandates?page={max(1, min(5, whole['pages']))}", "/mandates?q=report", "/mandates?from=2023",
           "/mandates/calendar"]
    for name in ("entity", "task", "body", "session", "year", "recurrence", "review", "status"):
        v = top(name)
        if v is not None:
            out.append(f"/mandates?{name}={q(v)}")
    if top("entity") and top("status"):
        out.append(f"/mandates?entity={q(top('entity'))}&status={q(top('status'))}&page=2")
    rows = js("/mandates.json?page=1&task=report")["rows"] if top("task") else whole["rows"]
    entities = [r["entity_page"] for r in rows if r.get("entity_page")]
    out += list(dict.fromkeys(entities))[:3]
    longest = sorted(whole["rows"], key=lambda r: -r["renewals"])[:3]
    out += [r["page"] for r in longest]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", required=True)
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--rounds", type=int, default=12)
    args = ap.parse_args()

    port = free_port()
    code = f"from unkg.webapp import serve; serve({args.store!r}, '127.0.0.1', {port}, threads=16)"
    server = subprocess.Popen([sys.executable, "-c", code], env=dict(os.environ), stderr=subprocess.DEVNULL)
    try:
        print(f"server ready (registry built) after {wait_ready(port):.1f} s")
        box: dict = {}
        whole = json.loads(get(port, "/mandates.json?page=1", box, accept="application/json")[2])
        current = json.loads(get(port, "/mandates.json?page=1&status=current", box, accept="application/json")[2])
        print(f"registry: {whole['total']} entries, {current['count']} current; latest sessions {whole['latest_sessions']}")
        for path in ("/mandates?status=expired", "/mandates/calendar?sessions=3", "/mandates.csv"):
            status, took, data = get(port, path, box)
            print(f"first view {path}: {took * 1000:.0f} ms (status {status}, {len(data)} bytes)")

        paths = pages(port)
        todo = [p for p in paths for _ in range(args.rounds)]
        random.Random(1).shuffle(todo)
        lock = threading.Lock()
        times: dict[str, list[float]] = {p: [] for p in paths}
        errors: list[tuple[str, int]] = []

        def client() -> None:
            own: dict = {}
            while True:
                with lock:
                    if not todo:
                        return
                    p = todo.pop()
                status, took, _ = get(port, p, own)
                with lock:
                    times[p].append(took)
                    if status != 200:
                        errors.append((p, status))

        t0 = time.perf_counter()
        threads = [threading.Thread(target=client) for _ in range(args.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - t0
        every = [x for xs in times.values() for x in xs]
        print(f"\n{len(every)} requests, {args.clients} clients, {wall:.1f} s wall; errors: {errors[:5] or 'none'}")
        print(f"{'page':70s} {'p50 ms':>8s} {'p95 ms':>8s} {'max ms':>8s}")
        for p in paths:
            xs = times[p]
            print(f"{p[:70]:70s} {pct(xs, 50) * 1000:8.0f} {pct(xs, 95) * 1000:8.0f} {max(xs) * 1000:8.0f}")
        print(f"{'all registry pages':70s} {pct(every, 50) * 1000:8.0f} {pct(every, 95) * 1000:8.0f} {max(every) * 1000:8.0f}")
        worst = max(paths, key=lambda p: pct(times[p], 95))
        print(f"worst p95: {worst} {pct(times[worst], 95) * 1000:.0f} ms")
        return 1 if errors else 0
    finally:
        server.terminate()
        server.wait(30)


if __name__ == "__main__":
    raise SystemExit(main())
