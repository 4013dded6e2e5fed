"""Benchmark of the list and facet pages on a whole-corpus store, and the explorer's examples on it.

    python benchmarks/webapp_lists.py --store DIR [--clients 16] [--rounds 12] [--skip-examples]

The server is `unkg serve` in its own process (benchmarks/server.py: read-only, a fresh page cache, ready
once its warm-up is done), then:
1. times the first, uncached view of the broadest actor page (/actors/states) and of a few other pages;
2. runs every explorer example (ontology/queries/*.rq) through /sparql: status, rows, seconds;
3. with --clients threads, requests each list and facet page --rounds times in shuffled order, as HTML
   (what a reader sees), and prints p50 / p95 / max per page and overall, and the errors.
Requests go only to 127.0.0.1. Never writes to the store.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

import server  # noqa: E402  (benchmarks/server.py)
from server import Server, load, pct  # noqa: E402


def get(port: int, path: str, box: dict, accept: str = "text/html", **kw) -> tuple[int, float, bytes]:
    return server.get(port, path, box, accept=accept, **kw)


def pages(port: int) -> list[str]:
    """The list and facet pages a reader opens, with values read from the store's own lists."""
    box: dict = {}

    def js(path: str) -> dict:
        return json.loads(get(port, path, box, accept="application/json")[2])

    res = js("/resolutions.json?page=1")
    body = res["facets"]["body"]["values"][0][0]
    year = res["facets"]["year"]["values"][0][0]
    session = res["facets"]["session"]["values"][0][0]
    states = js("/actors/states.json?page=1")
    verb = states["facets"]["verb"]["values"][1][0]
    right = js("/rights.json")["rows"][0]["link"]
    group = js("/groups.json")["rows"][0]["link"]
    q = urllib.parse.quote
    return [
        "/resolutions", "/resolutions?page=7", f"/resolutions?body={q(body)}", f"/resolutions?body={q(body)}&year={year}",
        f"/resolutions?session={session}&sort=symbol", "/resolutions?q=human+rights", "/resolutions?from=2022&to=2023-06",
        "/resolutions?adoption=by+vote&sort=date-asc",
        "/actors", "/actors?q=council",
        "/actors/states", "/actors/states?page=5", f"/actors/states?verb={q(verb)}", f"/actors/states?body={q(body)}&year={year}",
        "/actors/states?strength=5&from=2023", "/actors/business-enterprises", "/actors/non-state-actors?page=2",
        right, f"{right}?verb={q(verb)}", group, f"{group}?year={year}",
    ]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", required=True)
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--rounds", type=int, default=12)
    ap.add_argument("--skip-examples", action="store_true")
    args = ap.parse_args()

    with Server(args.store) as srv:
        port = srv.port
        print(f"server ready (warm-up done) after {srv.ready_after:.1f} s")
        box: dict = {}
        for path in ("/actors/states", "/actors/states?verb=urge", "/resolutions", "/actors/business-enterprises"):
            status, took, _ = get(port, path, box)
            print(f"first view {path}: {took * 1000:.0f} ms (status {status})")

        if not args.skip_examples:
            from unkg.webapp.explore import example_queries

            for ex in example_queries():
                body = urllib.parse.urlencode({"query": ex["query"]}).encode()
                status, took, data = get(port, "/sparql", box, accept="application/sparql-results+json", method="POST",
                                         body=body, headers={"Content-Type": "application/x-www-form-urlencoded"})
                try:
                    doc = json.loads(data)
                    detail = f"{len(doc['results']['bindings'])} rows" if status == 200 else doc.get("error", "")
                except (ValueError, KeyError):
                    detail = data[:120].decode("utf-8", "replace")
                print(f"example {ex['name']}: status {status}, {took:.2f} s, {detail}")

        paths = pages(port)
        todo = [p for p in paths for _ in range(args.rounds)]
        random.Random(1).shuffle(todo)
        found, errors, wall = load(port, todo, args.clients, accept="text/html")
        times: dict[str, list[float]] = {p: found.get(p, []) for p in paths}
        every = [x for xs in times.values() for x in xs]
        print(f"\n{len(every)} requests, {args.clients} clients, {wall:.1f} s wall; errors: {errors[:5] or 'none'}")
        print(f"{'page':70s} {'p50 ms':>8s} {'p95 ms':>8s} {'max ms':>8s}")
        for p in paths:
            xs = times[p]
            print(f"{p[:70]:70s} {pct(xs, 50) * 1000:8.0f} {pct(xs, 95) * 1000:8.0f} {max(xs) * 1000:8.0f}")
        print(f"{'all list and facet pages':70s} {pct(every, 50) * 1000:8.0f} {pct(every, 95) * 1000:8.0f} "
              f"{max(every) * 1000:8.0f}")
        worst = max(paths, key=lambda p: pct(times[p], 95))
        print(f"worst p95: {worst} {pct(times[worst], 95) * 1000:.0f} ms")
        print(srv.memory().line())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
