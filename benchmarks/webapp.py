"""Speed of the web app as readers use it, on a whole-corpus store: every page kind under 16 clients, the first
view of the broadest actor, a page's SPARQL through /sparql against pyoxigraph's own time, and the memory of
the server with all its processes.

    python benchmarks/webapp.py --store /work/stores/full-main [--workers 2] [--clients 16] [--rounds 3]

`unkg serve` runs in its own process (benchmarks/server.py: gunicorn with --workers processes, a fresh page
cache, the port opens once its warm-up is done). Then, one request at a time, the first views of the
broadest actor (/actors/states, whose first page the warm-up answered, and views of it nobody asked for yet:
a later page, a filter). Then every page kind at once: actor, right, group, resolution and State pages as
HTML with their JSON and CSV twins, the list and facet pages (/resolutions, /actors, /rights, /groups,
/states with filters, search, sorting, paging), the registry (/mandates) where the app has it, and
agreed-language search; each page --rounds times in one shuffled list taken by --clients threads. Printed
per kind: p50 / p95 of every answer, and of each page's first answer (computed then, unless the warm-up
did). The store is only read.
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


def sparql_overhead(port: int, store: str, runs: int = 5) -> list[tuple[str, float, float]]:
    """A page's queries through /sparql (JSON results) and by pyoxigraph itself on the same store (JSON
    serialised): best of `runs` each."""
    import pyoxigraph as ox

    sys.path.insert(0, str(ROOT))
    from unkg.webapp import queries as Q

    direct = ox.Store.read_only(store)
    union = next(iter(direct.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is None
    work = js(port, "/resolutions.json?page=1")["rows"][0]["iri"]
    expr = work + "/en"
    asks = [("resolution paragraphs", Q.paragraphs(work, expr)), ("resolution provisions", Q.provisions_of(work, expr)),
            ("resolution evidence", Q.evidence_of(work, expr)), ("citations", Q.citations_of(work)),
            ("right counts", Q.CONCEPT_COUNTS % "unkg:concernsRight")]
    out = []
    for name, text in asks:
        web, own = [], []
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
            own.append(time.perf_counter() - t0)
        out.append((name, min(web), min(own)))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", required=True)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--rounds", type=int, default=3, help="requests per page in the mixed load")
    ap.add_argument("--searches", type=int, default=60)
    args = ap.parse_args()
    rng = random.Random(24)

    with Server(args.store, workers=args.workers) as srv:
        print(f"store {args.store}; unkg serve --workers {args.workers}: port open (warm-up done) after {srv.ready_after:.1f} s")
        print(srv.memory().line() + "  [after warm-up]")
        for path, took, status in first_views(srv.port):
            print(f"first view {path}: {took * 1000:.0f} ms (status {status})")

        kinds = page_kinds(srv.port, rng)
        kinds["search"] = search_paths(srv.port, rng, args.searches)
        todo = [(k, p) for k, ps in kinds.items() for p in ps for _ in range(args.rounds)]
        rng.shuffle(todo)
        watch = PeakMemory(srv.pid)
        times, errors, wall = load(srv.port, [p for _, p in todo], args.clients)
        peak = watch.stop()
        overhead = sparql_overhead(srv.port, args.store)
        after = srv.memory()

    print(f"\n{len(todo)} requests ({sum(len(v) for v in kinds.values())} pages x {args.rounds}), {args.clients} clients, "
          f"{wall:.1f} s, {len(todo) / wall:.0f} req/s; errors: {errors[:5] or 'none'}")
    print(f"{'kind':16s} {'pages':>5s} {'p50 ms':>8s} {'p95 ms':>8s} {'max ms':>8s}   first answers: {'p50':>6s} {'p95':>6s} {'max':>6s}")
    worst = 0.0
    for kind, paths in kinds.items():
        every = [t for p in paths for t in times.get(p, [])]
        first = [times[p][0] for p in paths if times.get(p)]
        worst = max(worst, pct(every, 95))
        print(f"{kind:16s} {len(paths):5d} {pct(every, 50) * 1000:8.1f} {pct(every, 95) * 1000:8.1f} {max(every) * 1000:8.0f}"
              f"   {'':14s} {pct(first, 50) * 1000:6.0f} {pct(first, 95) * 1000:6.0f} {max(first) * 1000:6.0f}")
    print(f"worst page kind p95: {worst * 1000:.0f} ms")
    print("\na page's SPARQL, best of 5: through /sparql vs pyoxigraph itself")
    for name, web, own in overhead:
        print(f"  {name:24s} /sparql {web * 1000:7.1f} ms   pyoxigraph {own * 1000:7.1f} ms   ratio {web / own:5.2f}")
    print(f"  median ratio {statistics.median(w / o for _, w, o in overhead):.2f}")
    print("\n" + peak.line() + "  [peak during the load]")
    print(after.line() + "  [at the end]")
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
