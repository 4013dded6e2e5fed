"""Load with hostile queries in the mix: 16 concurrent clients for 60 s against `unkg serve` on a
real store, sending the heaviest example queries (ontology/queries/*.rq, timed once first) and the
memory-hungry query `SELECT ?c ?f { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f LIMIT 1` over and over, while a few
more clients load ordinary pages: actor pages, resolution pages and search. Prints the page loads and their
failures (anything but a 200 within the client's 120 s, which must be none), page p50 / p95, the queries'
answers by status and reason, and the peak resident memory of the server and of its query workers (sampled
every 50 ms).

    python benchmarks/load.py --store /work/stores/full [--clients 16] [--page-clients 4] [--seconds 60]

The server is `unkg serve` with its defaults (2 query workers, 30 s, 1 GiB a query unless UNKG_QUERY_MEMORY
says otherwise) in its own process on a free loopback port (benchmarks/server.py); it opens the store read-only. Exit 1 if a page
load failed.
"""
from __future__ import annotations

import argparse
import collections
import http.client
import json
import random
import statistics
import sys
import threading
import time
import urllib.parse
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from server import Memory as ServerMemory  # noqa: E402  (benchmarks/server.py)
from server import PeakMemory, Server  # noqa: E402

HUNGRY = "SELECT ?c ?f { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f LIMIT 1"


def request(port: int, method: str, path: str, body: bytes | None = None, headers: dict | None = None,
            timeout: float = 120) -> tuple[int, bytes, float]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    t0 = time.monotonic()
    try:
        conn.request(method, path, body=body, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, resp.read(), time.monotonic() - t0
    except (OSError, http.client.HTTPException) as e:
        return -1, str(e).encode(), time.monotonic() - t0
    finally:
        conn.close()


def sparql(port: int, query: str) -> tuple[int, bytes, float]:
    body = urllib.parse.urlencode({"query": query}).encode()
    return request(port, "POST", "/sparql", body, {"Content-Type": "application/x-www-form-urlencoded",
                                                   "Accept": "application/sparql-results+json"})


def reason(status: int, body: bytes) -> str:
    """Which limit refused a query, from its error message."""
    if status == 200:
        return ""
    text = body.decode("utf-8", "replace")
    for words, name in (("more memory than", "memory limit"), ("time limit", "time limit"),
                        ("busy", "busy: no worker free"), ("more than the limit of", "row cap")):
        if words in text:
            return f"({name})"
    return f"({text[:60]})"


class Memory:
    """Peak memory of the server's processes (benchmarks/server.py's PeakMemory, sampled every 50 ms): the
    whole server (PSS, shared pages counted once) and the largest SPARQL query worker (RSS)."""

    def __init__(self, pid: int):
        self._peak = PeakMemory(pid, every=0.05)
        self.total = self.workers = 0
        self.worker_pids: set[int] = set()
        self._pid = pid
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)
        self._t.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                for k in psutil.Process(self._pid).children(recursive=True):
                    try:
                        if "worker_process" in " ".join(k.cmdline()):
                            self.worker_pids.add(k.pid)
                            self.workers = max(self.workers, k.memory_info().rss)
                    except psutil.Error:
                        pass
            except psutil.Error:
                pass
            time.sleep(0.05)

    def stop(self) -> ServerMemory:
        self._stop.set()
        self._t.join()
        peak = self._peak.stop()
        self.total = peak.total_pss
        return peak


def ordinary_pages(port: int) -> tuple[list[str], str]:
    """Actor pages of the actors with most provisions, 20 resolution pages, 6 searches."""
    status, body, _ = request(port, "GET", "/actors.json")
    actors = json.loads(body)["rows"][:15] if status == 200 else []
    actor_paths = [r["link"] for r in actors if r.get("link")]
    status, body, _ = request(port, "GET", "/resolutions.json")
    rows = json.loads(body).get("rows", []) if status == 200 else []
    picks = random.Random(16).sample(rows, min(20, len(rows)))
    resolution_paths = [r["link"] + ".html" for r in picks if r.get("link")]
    search_paths = [f"/search?q={urllib.parse.quote(q)}" for q in
                    ("right to privacy", "human rights defenders", "business enterprises", "climate change",
                     "freedom of expression", "women and girls")]
    counts = f"{len(actor_paths)} actor, {len(resolution_paths)} resolution, {len(search_paths)} search"
    return actor_paths + resolution_paths + search_paths, counts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", required=True)
    ap.add_argument("--clients", type=int, default=16, help="clients sending the heavy and hungry queries")
    ap.add_argument("--page-clients", type=int, default=4, help="clients loading ordinary pages meanwhile")
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--heaviest", type=int, default=5, help="how many of the slowest example queries to send")
    args = ap.parse_args()

    with Server(args.store) as srv:
        port, server = srv.port, srv.proc
        memory = Memory(server.pid)

        pages, counts = ordinary_pages(port)
        # warm: the server builds its page caches and search index in the background at start
        t0 = time.monotonic()
        for p in pages:
            request(port, "GET", p, headers={"Accept": "text/html"}, timeout=300)
        warm = time.monotonic() - t0

        timed = []
        for f in sorted((ROOT / "ontology" / "queries").glob("*.rq")):
            status, _, took = sparql(port, f.read_text(encoding="utf-8"))
            timed.append((took, f.name, status))
        timed.sort(reverse=True)
        heavy = [(name, (ROOT / "ontology" / "queries" / name).read_text(encoding="utf-8"))
                 for _, name, _ in timed[:args.heaviest]]
        heavy.append(("hungry", HUNGRY))
        print(f"store: {args.store}; {len(pages)} pages ({counts}), warmed in {warm:.1f} s")
        print("heaviest example queries, alone: " + ", ".join(f"{n} {t:.2f} s ({s})" for t, n, s in timed[:args.heaviest]))

        page_times: list[float] = []
        page_fail: list[tuple[str, int]] = []
        answers: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
        lock = threading.Lock()
        stop_at = time.monotonic() + args.seconds

        def querier(i: int) -> None:
            n = 0
            while time.monotonic() < stop_at:
                name, q = heavy[(i + n) % len(heavy)]
                status, body, took = sparql(port, q)
                with lock:
                    answers[name][f"{status} {reason(status, body)}".strip()] += 1
                n += 1

        def reader(i: int) -> None:
            rnd = random.Random(i)
            while time.monotonic() < stop_at:
                p = rnd.choice(pages)
                status, body, took = request(port, "GET", p, headers={"Accept": "text/html"})
                with lock:
                    page_times.append(took)
                    if status != 200:
                        page_fail.append((p, status))

        threads = [threading.Thread(target=querier, args=(i,)) for i in range(args.clients)]
        threads += [threading.Thread(target=reader, args=(i,)) for i in range(args.page_clients)]
        t0 = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        took = time.monotonic() - t0
        peak = memory.stop()
        print(f"{args.clients} query clients and {args.page_clients} page clients for {took:.0f} s "
              f"(until the last answer after {args.seconds:.0f} s)")
        print(f"page loads: {len(page_times)}, failed: {len(page_fail)}"
              + (f" e.g. {page_fail[:3]}" if page_fail else ""))
        if page_times:
            q = statistics.quantiles(page_times, n=20) if len(page_times) > 1 else page_times * 19
            print(f"page p50 {statistics.median(page_times) * 1000:.0f} ms, p95 {q[18] * 1000:.0f} ms, "
                  f"max {max(page_times):.1f} s")
        for name, counts in answers.items():
            print(f"  {name}: " + ", ".join(f"{s}: {c}" for s, c in sorted(counts.items())))
        print(f"peak: {peak.line()}; largest query worker RSS {memory.workers / 2**20:.0f} MiB "
              f"({len(memory.worker_pids)} query worker processes seen)")
        return 1 if page_fail else 0


if __name__ == "__main__":
    sys.exit(main())
