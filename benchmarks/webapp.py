"""Benchmark of the web app over the whole English AKN corpus: actor page and agreed-language search under
16 concurrent clients (p50 / p95, errors), the actor page next to the same SPARQL run directly on the store,
the search index build time, and the memory of the serving process (with its query workers).

    python benchmarks/webapp.py [--store DIR] [--build] [--clients 16] [--requests 400]

--build (or a missing store) loads ../shared/corpus/akn/{ga/*/en,hrc/*/en,sc/en} with the project's own
reader, extraction and graph builder, in a pool of processes, WITHOUT SHACL validation (this benchmark
measures serving, not ingest; `unkg ingest` validates) and without metadata files. The server runs in its
own process (`unkg.webapp.serve` on waitress, 16 threads) on a free loopback port; the clients are threads
here. Requests go only to 127.0.0.1 and stop after --requests per kind.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def english_files(corpus: Path) -> list[Path]:
    files = []
    for pattern in ("akn/ga/*/en/*.xml", "akn/hrc/*/en/*.xml", "akn/sc/en/*.xml"):
        files += sorted(corpus.glob(pattern))
    return files


def _graph_of(path: str) -> tuple[str, str] | str:
    try:
        from unkg.ingest.extract import extract
        from unkg.ingest.graph import build
        from unkg.ingest.readers import read

        res = read(Path(path))
        res = extract(res) or res
        iri, g = build(res)
        return iri, g.serialize(format="nt", encoding="utf-8").decode("utf-8")
    except Exception as e:  # counted and reported, like `unkg ingest` does
        return f"{path}: {type(e).__name__}: {e}"


def build_store(location: str, corpus: Path, jobs: int) -> None:
    from unkg.ingest.pipeline import reference_graphs
    from unkg.store import open_store

    files = english_files(corpus)
    print(f"loading {len(files)} English AKN files into {location} ({jobs} processes, no SHACL) ...", flush=True)
    store = open_store(location)
    store.replace_graphs(reference_graphs())
    t0, done, failed, batch = time.perf_counter(), 0, 0, []
    with ProcessPoolExecutor(jobs) as pool:
        for out in pool.map(_graph_of, map(str, files), chunksize=8):
            if isinstance(out, str):
                failed += 1
                continue
            batch.append(out)
            done += 1
            if len(batch) >= 50:
                store.replace_graphs(batch)
                batch = []
                print(f"  {done} loaded, {failed} failed, {time.perf_counter() - t0:.0f} s", flush=True)
    if batch:
        store.replace_graphs(batch)
    store.optimize()
    store.close()
    print(f"loaded {done} resolutions ({failed} files failed) in {time.perf_counter() - t0:.0f} s", flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port: int, path: str, conn_box: dict) -> tuple[int, float]:
    t0 = time.perf_counter()
    for attempt in (1, 2):
        conn = conn_box.get("c") or http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        conn_box["c"] = conn
        try:
            conn.request("GET", path, headers={"Accept": "application/json"})
            r = conn.getresponse()
            r.read()
            return r.status, time.perf_counter() - t0
        except (http.client.HTTPException, OSError):
            conn.close()
            conn_box.pop("c", None)
            if attempt == 2:
                return 599, time.perf_counter() - t0
    return 599, time.perf_counter() - t0


def load(port: int, paths: list[str], clients: int) -> tuple[list[float], list[tuple[str, int]]]:
    """`clients` threads take paths from a shared list until it is empty; latencies and errors."""
    todo = list(paths)
    lock = threading.Lock()
    times: list[float] = []
    errors: list[tuple[str, int]] = []

    def client() -> None:
        box: dict = {}
        while True:
            with lock:
                if not todo:
                    break
                p = todo.pop()
            status, took = get(port, p, box)
            with lock:
                times.append(took)
                if status != 200:
                    errors.append((p, status))

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return times, errors


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))] if xs else float("nan")


def rss_mb(pid: int) -> tuple[float, float]:
    import psutil

    proc = psutil.Process(pid)
    main = proc.memory_info().rss
    kids = sum(c.memory_info().rss for c in proc.children(recursive=True))
    return main / 2**20, kids / 2**20


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", default=os.environ.get("UNKG_BENCH_STORE", "/tmp/unkg-bench-store"))
    ap.add_argument("--corpus", default=None)
    ap.add_argument("--build", action="store_true")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--requests", type=int, default=400, help="requests per kind (actor page, search)")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    from unkg.config import corpus_dir

    corpus = Path(args.corpus) if args.corpus else corpus_dir()
    if args.build or not (Path(args.store) / "CURRENT").exists():
        if corpus is None:
            print("no corpus: expected ../shared/corpus or $UNKG_CORPUS", file=sys.stderr)
            return 2
        build_store(args.store, corpus, args.jobs)

    from unkg.store import open_store
    from unkg.webapp import queries as Q
    from unkg.webapp.concepts import load as load_concepts

    store = open_store(args.store, read_only=True)
    stats = store.stats()
    print(f"store: {stats['resolutions']} resolutions, {stats['provisions']} provisions, {stats['quads']} quads")
    pairs: dict[str, set[str]] = {}
    for r in store.select(Q.ADDRESSEE_PAIRS):
        pairs.setdefault(str(r["actor"]), set()).add(str(r["prov"]))
    concepts = load_concepts(store)
    top = sorted(pairs, key=lambda a: -len(pairs[a]))
    vocab = "https://w3id.org/unkg/vocab/"
    actors = [a for a in top if a.startswith(vocab + "actors/")][:12]
    be = vocab + "actors/business-enterprises"
    if be in pairs and be not in actors:
        actors.append(be)
    rng = random.Random(7)
    texts = [str(r["text"]) for r in store.select(Q.SEARCH_PARAGRAPHS + " LIMIT 3000")]
    phrases = []
    for t in rng.sample(texts, min(200, len(texts))):
        words = t.split()
        n = rng.choice([6, 12, 40])  # a phrase, a clause, a pasted paragraph
        start = rng.randrange(max(1, len(words) - n))
        phrases.append(" ".join(words[start:start + n]))

    port = free_port()
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    code = (f"from unkg.webapp import serve; serve({args.store!r}, '127.0.0.1', {port}, threads=16)")
    server = subprocess.Popen([sys.executable, "-c", code], env=env, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        box: dict = {}
        t0 = time.perf_counter()
        status, _ = get(port, "/actors.json", box)
        first_actors = time.perf_counter() - t0
        t0 = time.perf_counter()
        status2, _ = get(port, "/search.json?q=" + urllib.parse.quote("human rights defenders"), box)
        first_search = time.perf_counter() - t0
        print(f"warm-up: /actors {first_actors:.2f} s (status {status}); first search incl. index build {first_search:.2f} s (status {status2})")

        actor_paths = [f"/actors/{a[len(vocab) + len('actors/'):]}.json" for a in actors]
        cold = []  # first request per actor, one at a time: the query, folding and JSON, nothing cached
        for p in actor_paths:
            status, took = get(port, p, box)
            cold.append(took)
            if status != 200:
                print(f"cold {p}: status {status}")
        paths = [actor_paths[i % len(actor_paths)] for i in range(args.requests)]
        t0 = time.perf_counter()
        a_times, a_err = load(port, paths, args.clients)
        a_wall = time.perf_counter() - t0
        s_paths = [f"/search.json?q={urllib.parse.quote(phrases[i % len(phrases)])}" for i in range(args.requests)]
        t0 = time.perf_counter()
        s_times, s_err = load(port, s_paths, args.clients)
        s_wall = time.perf_counter() - t0
        main_mb, workers_mb = rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(10)

    # the same two queries the actor page runs, directly on the store (this process, no HTTP, no folding)
    direct = []
    for a in actors:
        below = [x for x in concepts.below(a) if x in pairs]
        t0 = time.perf_counter()
        store.select(Q.provisions_for(below, 50000))
        store.select(Q.provision_links(below))
        direct.append(time.perf_counter() - t0)
    store.close()

    print(f"\n{args.clients} concurrent clients, {args.requests} requests per kind, {len(actors)} actors, {len(phrases)} search texts")
    print(f"actor page (JSON):  p50 {pct(a_times, 50) * 1000:7.1f} ms  p95 {pct(a_times, 95) * 1000:7.1f} ms  "
          f"{len(a_times) / a_wall:6.1f} req/s  errors {len(a_err)}")
    print(f"search (JSON):      p50 {pct(s_times, 50) * 1000:7.1f} ms  p95 {pct(s_times, 95) * 1000:7.1f} ms  "
          f"{len(s_times) / s_wall:6.1f} req/s  errors {len(s_err)}")
    print(f"actor page, first request per actor (one at a time, uncached): p50 {statistics.median(cold) * 1000:7.1f} ms  "
          f"max {max(cold) * 1000:7.1f} ms")
    print(f"same actor queries direct on the store (one at a time):        p50 {statistics.median(direct) * 1000:7.1f} ms  "
          f"max {max(direct) * 1000:7.1f} ms")
    sizes = [len(concepts.below(a)) for a in actors]
    print(f"actors measured: {', '.join(a.rsplit('/', 1)[-1] for a in actors)} (narrower actors: {sum(sizes) - len(sizes)})")
    print(f"serving process memory: {main_mb:.0f} MiB (+ {workers_mb:.0f} MiB in SPARQL worker processes)")
    if a_err or s_err:
        print("errors:", json.dumps((a_err + s_err)[:5]))
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
