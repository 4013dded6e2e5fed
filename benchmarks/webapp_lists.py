"""Benchmark of the list and facet pages on a whole-corpus store, and the explorer's examples on it.

    python benchmarks/webapp_lists.py --store DIR [--clients 16] [--rounds 12] [--skip-examples]

The server runs in its own process (`unkg.webapp.serve` on waitress, 16 threads, read-only) on a free
loopback port. The script waits until the app's warm-up (shared caches, search index) is done, then:
1. times the first, uncached view of the broadest actor page (/actors/states) and of a few other pages;
2. runs every explorer example (ontology/queries/*.rq) through /sparql: status, rows, seconds;
3. with --clients threads, requests each list and facet page --rounds times in shuffled order, as HTML
   (what a reader sees), and prints p50 / p95 / max per page and overall, and the errors.
Requests go only to 127.0.0.1. Never writes to the store.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port: int, path: str, box: dict, accept: str = "text/html", method: str = "GET",
        body: bytes | None = None, headers: dict | None = None) -> tuple[int, float, bytes]:
    t0 = time.perf_counter()
    for attempt in (1, 2):
        conn = box.get("c") or http.client.HTTPConnection("127.0.0.1", port, timeout=300)
        box["c"] = conn
        try:
            conn.request(method, path, body=body, headers={"Accept": accept, **(headers or {})})
            r = conn.getresponse()
            data = r.read()
            return r.status, time.perf_counter() - t0, data
        except (http.client.HTTPException, OSError):
            conn.close()
            box.pop("c", None)
            if attempt == 2:
                return 599, time.perf_counter() - t0, b""
    return 599, time.perf_counter() - t0, b""


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))] if xs else float("nan")


def wait_ready(port: int, timeout: float = 900) -> float:
    """Seconds until the app answers and its warm-up (including the search index) is done."""
    t0 = time.perf_counter()
    box: dict = {}
    while time.perf_counter() - t0 < timeout:
        status, _, _ = get(port, "/search.json?q=human+rights", box, accept="application/json")
        if status == 200:
            return time.perf_counter() - t0
        time.sleep(1)
    raise SystemExit("the server did not come up")


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

    port = free_port()
    code = f"from unkg.webapp import serve; serve({args.store!r}, '127.0.0.1', {port}, threads=16)"
    server = subprocess.Popen([sys.executable, "-c", code], env=dict(os.environ), stderr=subprocess.DEVNULL)
    try:
        print(f"server ready (warm-up done) after {wait_ready(port):.1f} s")
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
        print(f"{'all list and facet pages':70s} {pct(every, 50) * 1000:8.0f} {pct(every, 95) * 1000:8.0f} "
              f"{max(every) * 1000:8.0f}")
        worst = max(paths, key=lambda p: pct(times[p], 95))
        print(f"worst p95: {worst} {pct(times[worst], 95) * 1000:.0f} ms")
    finally:
        server.terminate()
        server.wait(30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
