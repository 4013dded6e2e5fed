"""Speed of the web app as readers use it, on a whole-corpus store: every page kind under 16 clients, the first
view of the broadest actor, a page's SPARQL through /sparql against pyoxigraph's own time, and the memory of
the server with all its processes.

    python benchmarks/webapp.py --store /work/stores/full-main [--workers 2] [--threads N] [--compute N] [--clients 16] [--rounds 3]

`unkg serve` runs in its own process (benchmarks/server.py: gunicorn with --workers processes, a fresh page
cache, the port opens once its warm-up is done). Then, one request at a time, the first views of the
broadest actor (/actors/states, whose first page the warm-up answered, and views of it nobody asked for yet:
a later page, a filter). Then every page kind at once: actor, right, group, resolution and State pages as
HTML with their JSON and CSV twins, the list and facet pages (/resolutions, /actors, /rights, /groups,
/states with filters, search, sorting, paging), the registry (/mandates) where the app has it, and
agreed-language search: first every page once ("first answers": computed then, unless the warm-up did),
then every page --rounds more times ("answers", what readers get once a page has been asked for), each in
one shuffled list taken by --clients threads. `unkg serve` renders every resolution page and its JSON twin
before it opens its port (webapp/prerender.py): the resolution pages' first answers are those files, and the
script prints how long the pre-rendering took and its size on disk. Printed per kind: p50 / p95 / max of both, and the
CPU each web worker spent in each phase (how evenly the clients' work was split). The store is only read.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from server import PeakMemory, Server, get, load, pct  # noqa: E402  (benchmarks/server.py)

q = urllib.parse.quote
# what a browser sends; the twins are asked for by suffix (.json, .csv)
HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def js(port: int, path: str) -> dict:
    status, _, body = get(port, path, {})
    if status != 200:
        raise SystemExit(f"{path}: HTTP {status}: {body[:200]!r}")
    return json.loads(body)


def page_kinds(port: int, rng: random.Random) -> dict[str, list[str]]:
    """Paths by page kind, read from the store's own lists."""
    actors = js(port, "/actors.json")["rows"]
    broad = [r["link"] for r in sorted(actors, key=lambda r: -r["with_narrower"])[:15]]
    others = [r["link"] for r in rng.sample(actors[15:], min(15, max(0, len(actors) - 15)))]
    rights = [r["link"] for r in js(port, "/rights.json")["rows"][:12]]
    groups = [r["link"] for r in js(port, "/groups.json")["rows"][:12]]
    res = js(port, "/resolutions.json?page=all")
    works = [r["link"] for r in rng.sample(res["rows"], min(60, len(res["rows"])))]
    states = [r["link"] for r in rng.sample(js(port, "/states.json")["rows"], 40)]
    body = res["facets"]["body"]["values"][0][0]
    year = res["facets"]["year"]["values"][0][0]
    session = res["facets"]["session"]["values"][0][0]
    verb = js(port, "/actors/states.json?page=1")["facets"]["verb"]["values"][1][0]
    kinds: dict[str, list[str]] = {
        "actor": broad + others, "actor.json": [f"{p}.json?page=1" for p in broad + others],
        "actor.csv": [f"{p}.csv?page=1" for p in broad[:10]],
        "right": rights, "right.json": [f"{p}.json?page=1" for p in rights],
        "group": groups, "group.json": [f"{p}.json?page=1" for p in groups],
        "resolution": [f"{p}.html" for p in works], "resolution.json": [f"{p}.json" for p in works[:30]],
        "state": states, "state.json": [f"{p}.json" for p in states[:20]], "state.csv": [f"{p}.csv" for p in states[:20]],
        "list": ["/resolutions", "/resolutions?page=7", f"/resolutions?body={q(body)}", f"/resolutions?body={q(body)}&year={year}",
                 f"/resolutions?session={session}&sort=symbol", "/resolutions?q=human+rights", "/resolutions?from=2022&to=2023-06",
                 "/resolutions?adoption=by+vote&sort=date-asc", "/actors", "/actors?q=council", "/rights", "/groups",
                 "/states", "/states?q=col", "/resolutions.json?page=1", "/actors.csv"],
        "facet": [f"/actors/states?verb={q(verb)}", f"/actors/states?body={q(body)}&year={year}", "/actors/states?strength=5&from=2023",
                  "/actors/states?page=5", "/actors/non-state-actors?page=2", f"{rights[0]}?verb={q(verb)}",
                  f"{groups[0]}?year={year}", f"/actors/business-enterprises?body={q(body)}"],
    }
    status, _, body_ = get(port, "/mandates.json?page=1", {})
    if status == 200:
        kinds["mandates"] = ["/mandates", "/mandates.json?page=1", "/mandates?page=2"]
    return kinds


def search_paths(port: int, rng: random.Random, n: int) -> list[str]:
    """Agreed-language searches: phrases, clauses and pasted paragraphs cut from paragraphs of the store."""
    texts = []
    rows = js(port, "/resolutions.json?page=all")["rows"]
    for p in rng.sample(rows, min(12, len(rows))):
        doc = js(port, p["link"] + ".json")
        texts += [para["text"] for para in doc.get("paragraphs", []) if para.get("text")]
    out = []
    for t in rng.sample(texts, min(n, len(texts))):
        words = t.split()
        k = rng.choice([6, 12, 40])
        start = rng.randrange(max(1, len(words) - k))
        out.append("/search.json?q=" + q(" ".join(words[start:start + k])))
    return out


def first_views(port: int) -> list[tuple[str, float, int]]:
    out = []
    for path in ("/actors/states", "/actors/states.json?page=1", "/actors/states?page=9",
                 "/actors/states?verb=call+upon&year=2021", "/actors/states.csv?strength=4"):
        status, took, _ = get(port, path, {}, accept="text/html")
        out.append((path, took, status))
    return out


def sparql_overhead(port: int, store: str, runs: int = 5) -> list[tuple[str, float, float, float, float]]:
    """A page's queries, best of `runs` each: through /sparql (JSON results, over HTTP) against pyoxigraph
    itself writing the same JSON; and as the pages run them (unkg's store.select, rows of rdflib terms)
    against pyoxigraph itself reading every value of every row."""
    import pyoxigraph as ox

    sys.path.insert(0, str(ROOT))
    from unkg.store import open_store
    from unkg.webapp import queries as Q

    direct = ox.Store.read_only(store)
    ours = open_store(store, read_only=True)
    union = not ours.union_once
    work = js(port, "/resolutions.json?page=1")["rows"][0]["iri"]
    expr = work + "/en"
    asks = [("resolution paragraphs", Q.paragraphs(work, expr)), ("resolution provisions", Q.provisions_of(work, expr)),
            ("resolution evidence", Q.evidence_of(work, expr)), ("citations", Q.citations_of(work)),
            ("right counts", Q.CONCEPT_COUNTS % "unkg:concernsRight"), ("group counts", Q.CONCEPT_COUNTS % "unkg:beneficiary")]
    out = []
    for name, text in asks:
        web, own_json, page, own_rows = [], [], [], []
        body = urllib.parse.urlencode({"query": text}).encode()
        box: dict = {}
        for _ in range(runs):
            status, took, _ = get(port, "/sparql", box, accept="application/sparql-results+json", method="POST", body=body,
                                  headers={"Content-Type": "application/x-www-form-urlencoded"})
            if status != 200:
                raise SystemExit(f"/sparql {name}: HTTP {status}")
            web.append(took)
            t0 = time.perf_counter()
            direct.query(text, use_default_graph_as_union=union).serialize(format=ox.QueryResultsFormat.JSON)
            own_json.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            ours.select(text)
            page.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            for sol in direct.query(text, use_default_graph_as_union=union):
                [t.value for t in sol if t is not None]
            own_rows.append(time.perf_counter() - t0)
        out.append((name, min(web), min(own_json), min(page), min(own_rows)))
    ours.close()
    return out


def split(before: dict[int, float], after: dict[int, float]) -> str:
    """The CPU seconds each web worker spent between two readings of `Server.worker_cpu`."""
    return " / ".join(f"{after[p] - before.get(p, 0.0):.2f} s" for p in sorted(after)) or "unknown"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", required=True)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--threads", type=int, default=None, help="threads of each worker (default: unkg serve's)")
    ap.add_argument("--compute", type=int, default=None,
                    help="threads of each worker that compute at once (default: unkg serve's; 0: all)")
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--rounds", type=int, default=3, help="requests per page in the mixed load")
    ap.add_argument("--searches", type=int, default=60)
    args = ap.parse_args()
    rng = random.Random(24)

    with Server(args.store, workers=args.workers, threads=args.threads, compute=args.compute) as srv:
        extra = (f" --threads {args.threads}" if args.threads else "") + (
            f" --compute {args.compute}" if args.compute is not None else "")
        print(f"store {args.store}; unkg serve --workers {args.workers}{extra}: port open (warm-up done) after {srv.ready_after:.1f} s")
        pre = srv.prerendered()
        if pre:
            print(f"of which pre-rendering every resolution page and its JSON twin into the page cache (webapp/prerender.py): "
                  f"{pre['rendered']} pages in {pre['seconds']:.1f} s ({pre['failed']} failed), {pre['bytes'] / 2**20:.0f} MiB on disk; "
                  f"the resolution pages' 'first answers' below are these files")
        else:
            print("no pages pre-rendered: the resolution pages' 'first answers' below are computed then")
        print(srv.memory().line() + "  [after warm-up]")
        for path, took, status in first_views(srv.port):
            print(f"first view {path}: {took * 1000:.0f} ms (status {status})")

        kinds = page_kinds(srv.port, rng)
        kinds["search"] = search_paths(srv.port, rng, args.searches)
        watch = PeakMemory(srv.pid)
        once = [p for ps in kinds.values() for p in ps]
        rng.shuffle(once)
        cpu0 = srv.worker_cpu()
        first, errors, first_wall = load(srv.port, once, args.clients, accept=HTML)
        cpu1 = srv.worker_cpu()
        todo = [p for ps in kinds.values() for p in ps for _ in range(args.rounds)]
        rng.shuffle(todo)
        times, more_errors, wall = load(srv.port, todo, args.clients, accept=HTML)
        cpu2 = srv.worker_cpu()
        errors += more_errors
        peak = watch.stop()
        overhead = sparql_overhead(srv.port, args.store)
        after = srv.memory()
        on_disk = srv.cache_bytes()

    print(f"\nfirst answers: each of {len(once)} pages once ({first_wall:.1f} s, {len(once) / first_wall:.0f} req/s), then "
          f"answers: each {args.rounds} more times, shuffled ({len(todo)} requests, {wall:.1f} s, {len(todo) / wall:.0f} req/s); "
          f"{args.clients} clients; errors: {errors[:5] or 'none'}")
    print("web workers' CPU (how the work was split): first answers " + split(cpu0, cpu1) + "; answers " + split(cpu1, cpu2))
    print(f"{'kind':16s} {'pages':>5s}   answers: {'p50 ms':>7s} {'p95 ms':>7s} {'max ms':>7s}   first answers: {'p50':>6s} {'p95':>6s} {'max':>6s}")
    worst = worst_first = 0.0
    for kind, paths in kinds.items():
        every = [t for p in paths for t in times.get(p, [])]
        cold = [t for p in paths for t in first.get(p, [])]
        worst, worst_first = max(worst, pct(every, 95)), max(worst_first, pct(cold, 95))
        print(f"{kind:16s} {len(paths):5d}   {'':9s}{pct(every, 50) * 1000:7.1f} {pct(every, 95) * 1000:7.1f} {max(every) * 1000:7.0f}"
              f"   {'':15s}{pct(cold, 50) * 1000:6.0f} {pct(cold, 95) * 1000:6.0f} {max(cold) * 1000:6.0f}")
    print(f"worst page kind p95: answers {worst * 1000:.0f} ms, first answers {worst_first * 1000:.0f} ms")
    print("\na page's SPARQL, best of 5: through /sparql (HTTP, JSON) vs pyoxigraph writing the JSON; as the pages run it "
          "(store.select) vs pyoxigraph reading every value")
    for name, web, own_json, page, own_rows in overhead:
        print(f"  {name:24s} /sparql {web * 1000:7.1f} ms / {own_json * 1000:6.1f} ms = {web / own_json:5.2f}   "
              f"store.select {page * 1000:7.1f} ms / {own_rows * 1000:6.1f} ms = {page / own_rows:5.2f}")
    print(f"  median ratios: /sparql {statistics.median(w / o for _, w, o, _, _ in overhead):.2f}, "
          f"store.select {statistics.median(p / r for _, _, _, p, r in overhead):.2f}")
    print("\n" + peak.line() + "  [peak during the load]")
    print(after.line() + "  [at the end]")
    print(f"page cache on disk at the end: {on_disk / 2**20:.0f} MiB")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
