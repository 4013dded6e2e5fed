"""Benchmark of the mandates registry's pages on a whole-corpus store: p50 / p95 under concurrent clients.

    python benchmarks/mandates_web.py --store DIR [--clients 16] [--rounds 12] [--workers N]

`unkg serve` runs in its own process on a free loopback port (benchmarks/server.py: read-only, a fresh page
cache, ready once its warm-up, which builds the registry, is done). The script prints the registry's size and
the first, uncached view of a few pages, then with --clients threads requests each registry page --rounds
times in shuffled order, as HTML (what a reader sees), and prints p50 / p95 / max per page and overall, the
errors and the server's memory. The pages: /mandates (plain, a later page, each facet chosen, two facets, a
word search, a date range), the calendar, the reporting load of the entities holding most report mandates,
and the pages of the mandates with the longest histories. Requests go only to 127.0.0.1. Never writes to
the store.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from server import Server, get, load, pct  # noqa: E402  (benchmarks/server.py)


def pages(port: int) -> list[str]:
    """The registry pages a reader opens, with values read from the registry's own facets and rows."""
    box: dict = {}

    def js(path: str) -> dict:
        return json.loads(get(port, path, box)[2])

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
    ap.add_argument("--workers", type=int, default=None, help="web worker processes (default: unkg serve's)")
    args = ap.parse_args()

    with Server(args.store, workers=args.workers) as srv:
        port = srv.port
        print(f"server ready (warm-up, registry included, done) after {srv.ready_after:.1f} s")
        box: dict = {}
        whole = json.loads(get(port, "/mandates.json?page=1", box)[2])
        current = json.loads(get(port, "/mandates.json?page=1&status=current", box)[2])
        print(f"registry: {whole['total']} entries, {current['count']} current; latest sessions {whole['latest_sessions']}")
        for path in ("/mandates", "/mandates?status=expired", "/mandates/calendar?sessions=3", "/mandates.csv"):
            status, took, data = get(port, path, box, accept="text/html")
            print(f"first view {path}: {took * 1000:.0f} ms (status {status}, {len(data)} bytes)")

        paths = pages(port)
        todo = [p for p in paths for _ in range(args.rounds)]
        random.Random(1).shuffle(todo)
        times, errors, wall = load(port, todo, args.clients, accept="text/html")
        every = [x for xs in times.values() for x in xs]
        print(f"\n{len(every)} requests, {args.clients} clients, {wall:.1f} s wall; errors: {errors[:5] or 'none'}")
        print(f"{'page':70s} {'p50 ms':>8s} {'p95 ms':>8s} {'max ms':>8s}")
        for p in paths:
            xs = times.get(p, [])
            if xs:
                print(f"{p[:70]:70s} {pct(xs, 50) * 1000:8.0f} {pct(xs, 95) * 1000:8.0f} {max(xs) * 1000:8.0f}")
        print(f"{'all registry pages':70s} {pct(every, 50) * 1000:8.0f} {pct(every, 95) * 1000:8.0f} {max(every) * 1000:8.0f}")
        worst = max(times, key=lambda p: pct(times[p], 95))
        print(f"worst p95: {worst} {pct(times[worst], 95) * 1000:.0f} ms")
        print(srv.memory().line())
        return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
