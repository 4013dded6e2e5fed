"""Load with hostile queries in the mix (issue 16): 16 concurrent clients for 60 s against `unkg serve` on a
real store, each alternating between the heaviest example queries (ontology/queries/*.rq, timed once first),
the memory-hungry query `SELECT ?c ?f { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f LIMIT 1`, and ordinary pages:
actor pages, resolution pages and search. Prints the page loads and their failures (anything but a 200 within
the client's 120 s, which must be none), page p50 / p95, the queries' answers by status, and the peak resident
memory of the server and of its query workers (sampled every 50 ms).

    python benchmarks/load.py --store /work/stores/full [--clients 16] [--seconds 60] [--heaviest 5]

The server is `unkg serve` with its defaults (2 query workers, 30 s, 1 GiB a query unless UNKG_QUERY_MEMORY
says otherwise) in its own process on a free loopback port; it opens the store read-only. Exit 1 if a page
load failed.
"""
from __future__ import annotations

import argparse
import collections
import http.client
import json
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
HUNGRY = "SELECT ?c ?f { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f LIMIT 1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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


class Memory:
    """Peak RSS of the server process and of its children (the query workers), sampled every 50 ms."""

    def __init__(self, pid: int):
        self.proc = psutil.Process(pid)
        self.server = self.workers = self.total = 0
        self.worker_pids: set[int] = set()
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)
        self._t.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                server = self.proc.memory_info().rss
                kids = self.proc.children(recursive=True)
                sizes = []
                for k in kids:
                    try:
                        sizes.append(k.memory_info().rss)
                        self.worker_pids.add(k.pid)
                    except psutil.Error:
                        pass
                self.server = max(self.server, server)
                self.workers = max([self.workers, *sizes])
                self.total = max(self.total, server + sum(sizes))
            except psutil.Error:
                pass
            time.sleep(0.05)

    def stop(self) -> None:
        self._stop.set()
        self._t.join()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", required=True)
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--heaviest", type=int, default=5, help="how many of the slowest example queries to send")
    args = ap.parse_args()

    port = free_port()
    server = subprocess.Popen([sys.executable, "-P", "-m", "unkg.cli", "serve", "--store", args.store,
                               "--port", str(port)], stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 300
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    print("the server did not start", file=sys.stderr)
                    return 2
                time.sleep(0.5)
        memory = Memory(server.pid)

        # pages to load: actors with most provisions, resolutions in the store, searches
        status, body, _ = request(port, "GET", "/actors.json")
        actors = [r for r in json.loads(body)["rows"]][:15] if status == 200 else []
        actor_paths = [urllib.parse.urlparse(r.get("link") or r.get("url") or "").path or f"/actors/{r['id']}"
                       for r in actors if r.get("link") or r.get("url") or r.get("id")]
        status, body, _ = request(port, "GET", "/resolutions.json")
        rows = json.loads(body).get("rows", []) if status == 200 else []
        random.seed(16)
        picks = random.sample(rows, min(20, len(rows)))
        resolution_paths = [urllib.parse.urlparse(r.get("link") or r.get("iri", "")).path for r in picks]
        resolution_paths = [p if p.endswith(".html") else p + ".html" for p in resolution_paths if p]
        search_paths = [f"/search?q={urllib.parse.quote(q)}" for q in
                        ("right to privacy", "human rights defenders", "business enterprises", "climate change",
                         "freedom of expression", "women and girls")]
        pages = [p for p in actor_paths + resolution_paths + search_paths if p]
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
        print(f"store: {args.store}; {len(pages)} pages ({len(actor_paths)} actor, {len(resolution_paths)} "
              f"resolution, {len(search_paths)} search), warmed in {warm:.1f} s")
        print("heaviest example queries, alone: " + ", ".join(f"{n} {t:.2f} s ({s})" for t, n, s in timed[:args.heaviest]))

        page_times: list[float] = []
        page_fail: list[tuple[str, int]] = []
        answers: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
        lock = threading.Lock()
        stop_at = time.monotonic() + args.seconds

        def client(i: int) -> None:
            rnd = random.Random(i)
            n = 0
            while time.monotonic() < stop_at:
                if n % 2 == 0:
                    name, q = heavy[(i + n // 2) % len(heavy)]
                    status, body, took = sparql(port, q)
                    with lock:
                        answers[name][status] += 1
                else:
                    p = rnd.choice(pages)
                    status, body, took = request(port, "GET", p, headers={"Accept": "text/html"})
                    with lock:
                        page_times.append(took)
                        if status != 200:
                            page_fail.append((p, status))
                n += 1

        threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
        t0 = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        took = time.monotonic() - t0
        memory.stop()
        print(f"{args.clients} clients for {took:.0f} s (until the last answer after {args.seconds:.0f} s)")
        print(f"page loads: {len(page_times)}, failed: {len(page_fail)}"
              + (f" e.g. {page_fail[:3]}" if page_fail else ""))
        if page_times:
            q = statistics.quantiles(page_times, n=20) if len(page_times) > 1 else page_times * 19
            print(f"page p50 {statistics.median(page_times) * 1000:.0f} ms, p95 {q[18] * 1000:.0f} ms, "
                  f"max {max(page_times):.1f} s")
        for name, counts in answers.items():
            print(f"  {name}: " + ", ".join(f"{s}: {c}" for s, c in sorted(counts.items())))
        print(f"peak RSS: server {memory.server / 2**20:.0f} MiB, largest query worker {memory.workers / 2**20:.0f} MiB, "
              f"server + workers {memory.total / 2**20:.0f} MiB ({len(memory.worker_pids)} worker processes seen)")
        return 1 if page_fail else 0
    finally:
        server.terminate()
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    sys.exit(main())
