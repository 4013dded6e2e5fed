"""Benchmark of the State pages on a whole-corpus store (AKN files + the UN's metadata): 16 concurrent clients
on /states/<iso3> (HTML, JSON, CSV) and alignment.json, first while nothing is cached (every State's first
page is built under load), then again; plus two checks that print their findings:

- the names in the vote and sponsor lists of all the corpus metadata that resolve to no State (target: none);
- the agreement of >= 20 pairs of States on the General Assembly's recorded votes, recomputed from the
  metadata JSON by tests/test_states_agreement.py's plain-Python reader, against alignment.json.

    python benchmarks/states.py --store /work/stores/full [--clients 16] [--rounds 2]

The store is opened read-only by the server (`unkg serve` in its own process, benchmarks/server.py) on a
free loopback port; the clients are threads here.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT / "tests")]

from server import Server, load, pct  # noqa: E402  (benchmarks/server.py)


def unresolved_names(corpus: Path) -> tuple[int, Counter]:
    from unkg.ingest.metadata import load_records, read_sponsors, vote_from

    out: Counter = Counter()
    n = 0
    for path in sorted((corpus / "meta").glob("*/*.json")):
        for rec in load_records(path):
            n += 1
            vote = vote_from(rec)
            sponsors = read_sponsors(list(rec.get("sponsors") or []) + list(rec.get("additional_sponsors") or []))
            for name in sponsors.unresolved + (vote.unresolved if vote else []):
                out[(rec["symbol"], name)] += 1
    return n, out


def fetch_json(port: int, path: str) -> object:
    import http.client

    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    conn.request("GET", path, headers={"Accept": "application/json"})
    r = conn.getresponse()
    body = r.read()
    conn.close()
    if r.status != 200:
        raise SystemExit(f"{path}: HTTP {r.status}: {body[:200]!r}")
    return json.loads(body)


def measure(port: int, codes: list[str], clients: int, rounds: int) -> list[tuple[str, list, list, float]]:
    """Every State page in three formats, shuffled, `rounds` times (the first finds nothing cached), each
    round followed by 400 alignment.json requests on random pairs and bodies."""
    rng = random.Random(21)
    results = []
    for round_ in range(1, rounds + 1):
        pages = [f"/states/{c}{suffix}" for c in codes for suffix in ("", ".json", ".csv")]
        rng.shuffle(pages)
        t0 = time.perf_counter()
        by_page, errors, _ = load(port, pages, clients)
        times = [t for ts in by_page.values() for t in ts]
        results.append(("cold" if round_ == 1 else "warm", times, errors, time.perf_counter() - t0))
        pairs = [f"/states/{rng.choice(codes)}/alignment.json?with={rng.choice(codes)}&body={rng.choice(['GA', 'HRC', 'SC'])}"
                 for _ in range(400)]
        t0 = time.perf_counter()
        a_by, a_errors, _ = load(port, pairs, clients)
        a_times = [t for ts in a_by.values() for t in ts]
        results.append(("alignment", a_times, a_errors, time.perf_counter() - t0))
    return results


def compare_agreement(port: int, corpus: Path) -> int:
    """alignment.json of every pair of the test's 20 States, session by session of the General Assembly,
    against the metadata; prints and counts mismatches. (By session: the store also holds votes that come
    from the documents themselves, such as the emergency special sessions', which the extracts lack.)"""
    from test_states_agreement import PAIRS_OF, votes_of

    symbols = {r["symbol"] for r in fetch_json(port, "/resolutions.json")["rows"]}
    compared = mismatched = 0
    for path in sorted((corpus / "meta" / "ga").glob("*.json")):
        session = path.stem
        votes = votes_of([path], symbols)
        for i, a in enumerate(PAIRS_OF):
            for b in PAIRS_OF[i + 1:]:
                both = [(v[a], v[b]) for v in votes if a in v and b in v]
                same = sum(1 for x, y in both if x == y)
                half = sum(1 for x, y in both if x != y and "A" in (x, y))
                exp = {"votes": len(both), "agreement": round(same / len(both), 4) if both else None,
                       "lijphart": round((same + 0.5 * half) / len(both), 4) if both else None}
                got = fetch_json(port, f"/states/{a}/alignment.json?with={b}&body=GA&session={session}")
                compared += 1
                if {k: got[k] for k in exp} != exp:
                    mismatched += 1
                    print(f"  {a}-{b} session {session}: page {got} != metadata {exp}")
        print(f"GA session {session}: {len(votes)} recorded votes of stored resolutions in the metadata; "
              f"col-bra {fetch_json(port, f'/states/col/alignment.json?with=bra&body=GA&session={session}')}")
    print(f"agreement: {compared} (pair, session) figures compared with the metadata, {mismatched} differ")
    return mismatched


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", default=os.environ.get("UNKG_BENCH_STORE", "/work/stores/full"))
    ap.add_argument("--corpus", default=None)
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--rounds", type=int, default=2, help="passes over every State page (the first is cold)")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    from unkg.config import corpus_dir

    corpus = Path(args.corpus) if args.corpus else corpus_dir()
    if corpus is not None:
        records, missing = unresolved_names(corpus)
        print(f"metadata: {records} records; names resolving to no State: {sorted(missing) or 'none'}")
    if not (Path(args.store) / "CURRENT").exists():
        print(f"no store at {args.store}: build one with `unkg ingest ../shared/corpus/akn --meta ...`", file=sys.stderr)
        return 2

    with Server(args.store) as srv:
        port = srv.port
        t0 = time.perf_counter()
        listing = fetch_json(port, "/states.json")
        print(f"/states.json: {time.perf_counter() - t0:.2f} s (port open after {srv.ready_after:.1f} s of warm-up); "
              f"{listing['recorded_votes']} recorded votes")
        codes = [r["iso3"].lower() for r in listing["rows"]]
        results = measure(port, codes, args.clients, args.rounds)
        memory = srv.memory()
        mismatched = compare_agreement(port, corpus) if corpus else 0

    print(f"\n{args.clients} concurrent clients; {len(codes)} States x (HTML, JSON, CSV) per round")
    failed = 0
    for kind, times, errors, wall in results:
        print(f"{kind:>9}: {len(times)} requests  p50 {pct(times, 50) * 1000:7.1f} ms  p95 {pct(times, 95) * 1000:7.1f} ms  "
              f"max {max(times) * 1000:7.1f} ms  {len(times) / wall:6.1f} req/s  errors {len(errors)}")
        failed += len(errors)
    print(memory.line() + "  [after the rounds]")
    return 1 if failed or mismatched else 0


if __name__ == "__main__":
    sys.exit(main())
