"""CPU time of the pages that cannot all be rendered ahead (the actor, right and group pages with filters and
later pages, their JSON, CSV and RDF twins, exports; State pages), each computed once in one process, and the
sha256 of each answer, to show that two commits answer the same bytes.

    python benchmarks/facet_pages.py --store /work/stores/final [--save answers.json] [--compare answers.json]

The app is made by `create_app` on the store (read-only, answers kept in memory only) and warmed as `unkg
serve`'s parent warms it before it forks its workers (the shared results, the broadest pages, then what it
built frozen out of the garbage collector's way); then, one at
a time, the pages measured, each computed as a worker computes it on its first request (the rows of an
actor, right or group the warm-up did not answer are built then):
the eight facet pages of benchmarks/webapp.py, then for 24 actors and 12 rights and groups (the broadest
and others drawn with a fixed seed) a later page, three one-filter pages, a two-filter page with a date,
the JSON of page 2, a filtered CSV page and the Turtle twin; a few exports; 15 State pages and their JSON; the
list pages of benchmarks/webapp.py that its warm-up does not answer, /resolutions filtered by values of
each of its facets, and 60 agreed-language searches (JSON, HTML, CSV; their time taken left out of the sha256).
Each page's CPU time (`time.process_time`: this process, with its query threads) is measured around the
request. Printed: each facet page of benchmarks/webapp.py, then p50 / p95 / max per kind. `--save` writes
every page's status and sha256; `--compare` reads such a file (made by another commit, e.g. in a `git
worktree` of it) and prints how many answers differ. Never writes to the store.
"""
from __future__ import annotations

import argparse
import gc
import hashlib
import json
import random
import re
import sys
import time
import urllib.parse
from collections import OrderedDict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from server import pct  # noqa: E402  (benchmarks/server.py)

q = urllib.parse.quote


def facet_pages(year: str, body: str, verb: str, right: str, group: str) -> list[str]:
    """The facet pages of benchmarks/webapp.py (its `page_kinds`), with the same values."""
    return [f"/actors/states?verb={q(verb)}", f"/actors/states?body={q(body)}&year={year}", "/actors/states?strength=5&from=2023",
            "/actors/states?page=5", "/actors/non-state-actors?page=2", f"{right}?verb={q(verb)}",
            f"{group}?year={year}", f"/actors/business-enterprises?body={q(body)}"]


def pages_of(client, rng: random.Random) -> dict[str, list[str]]:
    """The measured pages by kind."""
    def js(path: str) -> dict:
        return client.get(path).get_json()

    actors, rights, groups = js("/actors.json")["rows"], js("/rights.json")["rows"], js("/groups.json")["rows"]
    res = js("/resolutions.json?page=all")
    body = res["facets"]["body"]["values"][0][0]
    year = res["facets"]["year"]["values"][0][0]
    verb = js("/actors/states.json?page=1")["facets"]["verb"]["values"][1][0]
    broad = [r["link"] for r in sorted(actors, key=lambda r: -r["with_narrower"])[:12]]
    links = (broad + [r["link"] for r in rng.sample(actors[12:], min(12, len(actors) - 12))]
             + [r["link"] for r in rights[:6] + rng.sample(rights[6:], min(6, len(rights) - 6))]
             + [r["link"] for r in groups[:6] + rng.sample(groups[6:], min(6, len(groups) - 6))])
    kinds: dict[str, list[str]] = {"facet (webapp.py)": facet_pages(year, body, verb, rights[0]["link"], groups[0]["link"]),
                                   "later page": [], "filtered": [], "json/csv/ttl": [], "export": [], "state": [], "list": []}
    for link in links:
        doc = js(link + ".json?page=1")
        facets = [(k, v["values"]) for k, v in doc["facets"].items() if v["values"]]
        if doc["pages"] > 1:
            kinds["later page"].append(f"{link}?page={rng.randint(2, doc['pages'])}")
        for _ in range(3):
            k, values = rng.choice(facets)
            kinds["filtered"].append(f"{link}?{k}={q(str(rng.choice(values[:10])[0]))}")
        if len(facets) > 1:
            (a, va), (b, vb) = rng.sample(facets, 2)
            kinds["filtered"].append(f"{link}?{a}={q(str(va[0][0]))}&{b}={q(str(vb[-1][0]))}&from=2021")
        kinds["json/csv/ttl"] += [f"{link}.json?page=2", f"{link}.csv?page=1&year={year}", f"{link}.ttl?page=1"]
    kinds["export"] = [f"{links[12]}.csv", f"{links[13]}.json?verb={q(verb)}", "/actors/states.csv?strength=4"]
    states = js("/states.json")["rows"]
    kinds["state"] = [r["link"] + suffix for r in rng.sample(states, min(15, len(states))) for suffix in ("", ".json")]
    session = res["facets"]["session"]["values"][0][0]
    kinds["list"] = ["/resolutions?page=7", f"/resolutions?body={q(body)}", f"/resolutions?body={q(body)}&year={year}",
                     f"/resolutions?session={session}&sort=symbol", "/resolutions?q=human+rights", "/resolutions?from=2022&to=2023-06",
                     "/resolutions?adoption=by+vote&sort=date-asc", "/actors?q=council", "/actors.csv", "/states?q=col",
                     "/resolutions.json?page=1"]
    for k, v in res["facets"].items():
        for value, _ in rng.sample(v["values"], min(3, len(v["values"]))):
            kinds["list"] += [f"/resolutions?{k}={q(str(value))}", f"/resolutions.json?{k}={q(str(value))}&page=2&from=2020"]
    kinds["search"] = searches(js, res["rows"], rng)
    return kinds


def searches(js, works: list[dict], rng: random.Random, n: int = 60) -> list[str]:
    """Agreed-language searches as benchmarks/webapp.py makes them (phrases, clauses and pasted paragraphs
    cut from paragraphs of the store), as JSON, as HTML (every third) and as CSV (every tenth)."""
    texts = []
    for p in rng.sample(works, min(12, len(works))):
        texts += [para["text"] for para in js(p["link"] + ".json").get("paragraphs", []) if para.get("text")]
    out = []
    for i, t in enumerate(rng.sample(texts, min(n, len(texts)))):
        words = t.split()
        k = rng.choice([6, 12, 40])
        start = rng.randrange(max(1, len(words) - k))
        suffix = ".csv" if i % 10 == 9 else "" if i % 3 == 2 else ".json"
        out.append(f"/search{suffix}?q=" + q(" ".join(words[start:start + k])))
    return out


# how long a search took, in its JSON and HTML answers: the only part of an answer that is not the same twice
_SECONDS = re.compile(rb'"seconds":[0-9.e-]+|\(\d+\.\d{3} s\)')


def digest(path: str, body: bytes) -> str:
    """sha256 of an answer, a search's time taken left out."""
    if path.startswith("/search"):
        body = _SECONDS.sub(b"", body)
    return hashlib.sha256(body).hexdigest()


def as_warmed(app, run):
    """`run()`, then the per-page results (rows of actors, rights and groups, their facet codes, counts) as
    the warm-up left them: choosing the pages asks for each one's first page, which a worker did not."""
    st = app.extensions["unkg"]
    pools = {k: OrderedDict(v) for k, v in st.cache.items() if k.startswith("_lru:")}
    made = st.cached("provision_rows", dict)
    rows = set(made)
    out = run()
    for k in [k for k in st.cache if k.startswith("_lru:")]:
        del st.cache[k]
    st.cache.update(pools)
    for k in set(made) - rows:
        del made[k]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", required=True)
    ap.add_argument("--save", help="write every page's status and sha256 here (JSON)")
    ap.add_argument("--compare", help="a file written by --save: print how many answers differ")
    args = ap.parse_args()
    from unkg.webapp import create_app, serving  # here: the unkg installed (another commit's, to compare)

    app = create_app({"STORE": args.store, "PAGE_CACHE": None})
    t0 = time.perf_counter()
    serving.warm_now(app)
    gc.collect()
    gc.freeze()  # as `unkg serve` does before it forks: a collection then never walks the warm-up's objects
    print(f"warmed as unkg serve's parent in {time.perf_counter() - t0:.1f} s")
    client = app.test_client()
    kinds = as_warmed(app, lambda: pages_of(client, random.Random(24)))
    answers: dict[str, dict] = {}
    took: dict[str, list[float]] = {}
    for kind, paths in kinds.items():
        for path in paths:
            t = time.process_time()
            resp = client.get(path, headers={"Accept": "text/html"})
            body = resp.get_data()
            took.setdefault(kind, []).append(time.process_time() - t)
            answers[path] = {"status": resp.status_code, "sha256": digest(path, body)}
    for path, t in zip(kinds["facet (webapp.py)"], took["facet (webapp.py)"], strict=True):
        print(f"  {t * 1000:6.1f} ms CPU  {path}")
    print(f"{'kind':18s} {'pages':>5s} {'p50 ms':>7s} {'p95 ms':>7s} {'max ms':>7s}  (CPU)")
    for kind, ts in took.items():
        print(f"{kind:18s} {len(ts):5d} {pct(ts, 50) * 1000:7.1f} {pct(ts, 95) * 1000:7.1f} {max(ts) * 1000:7.1f}")
    bad = [p for p, a in answers.items() if a["status"] != 200]
    print(f"{len(answers)} pages, {len(bad)} not 200 {bad[:3]}")
    if args.save:
        Path(args.save).write_text(json.dumps(answers, indent=1), encoding="utf-8")
    if args.compare:
        old = json.loads(Path(args.compare).read_text(encoding="utf-8"))
        differ = [p for p in answers if p not in old or old[p] != answers[p]]
        print(f"compared with {args.compare}: {len(differ)} of {len(answers)} answers differ {differ[:5]}")
        return 1 if differ or bad else 0
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
