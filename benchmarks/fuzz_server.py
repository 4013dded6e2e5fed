"""The long profile of the web app's fuzzing: hostile SPARQL and IRI-route requests from
tests/serverfuzz.py, sent over HTTP to a real server (waitress, query workers with their memory limit) over an
embedded store; prints the cases run, failures by kind (with an example of each), answers by status, hangs
(no answer within --hang seconds) and the peak memory of the server and its workers.

    python benchmarks/fuzz_server.py [--cases 10000] [--store DIR] [--seed N]

Without --store the test fixture (A/RES/78/216 and a few related graphs) is loaded into a temporary store.
Requests go only to 127.0.0.1. Exit 1 if any case failed.
"""
from __future__ import annotations

import argparse
import collections
import http.client
import os
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the cases live beside the quick profile that CI runs

from hypothesis import HealthCheck, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from serverfuzz import Case, failure, route_case, sparql_case  # noqa: E402
from waitress.server import create_server  # noqa: E402

from unkg.webapp import create_app  # noqa: E402


def tree_rss(pid: int) -> int:
    """Resident bytes of a process and its children (the query workers)."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/statm") as f:
                total += int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            for tid in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{tid}/children") as f:
                    todo += [int(c) for c in f.read().split()]
        except (OSError, ValueError, IndexError):
            pass
    return total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cases", type=int, default=10000)
    ap.add_argument("--store", help="an embedded store (opened read-only); default: the test fixture")
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--hang", type=float, default=30.0, help="seconds after which a request counts as a hang")
    args = ap.parse_args()

    location = args.store
    if not location:
        from test_webapp import load_fixture

        location = load_fixture(Path(tempfile.mkdtemp(prefix="unkg-fuzz-")) / "store")
    app = create_app({"STORE": location, "QUERY_TIMEOUT": 10, "RESULT_LIMIT": 1000, "QUERY_WORKERS": 2})
    srv = create_server(app, host="127.0.0.1", port=0, threads=8)
    threading.Thread(target=srv.run, daemon=True).start()
    port = srv.effective_port

    peak = [0]
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], tree_rss(os.getpid()))
            time.sleep(0.05)

    threading.Thread(target=watch, daemon=True).start()
    kinds: collections.Counter[str] = collections.Counter()
    statuses: collections.Counter[int] = collections.Counter()
    examples: dict[str, tuple[Case, int, bytes]] = {}
    slowest = [0.0]

    def send(case: Case) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=args.hang)
        t0 = time.monotonic()
        try:
            conn.request(case.method, case.path, body=case.body, headers=case.headers)
            resp = conn.getresponse()
            status, body = resp.status, resp.read()
        except (socket.timeout, TimeoutError):
            status, body = 0, b""
            kinds["hang"] += 1
            examples.setdefault("hang", (case, 0, b""))
        except (http.client.HTTPException, OSError) as e:
            status, body = -1, str(e).encode()
        finally:
            conn.close()
        slowest[0] = max(slowest[0], time.monotonic() - t0)
        statuses[status] += 1
        kind = failure(case, status, body) if status > 0 else ("connection" if status < 0 else None)
        if kind:
            kinds[kind] += 1
            examples.setdefault(kind, (case, status, body[:300]))

    @seed(args.seed)
    @settings(max_examples=args.cases, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(case=st.one_of(sparql_case(), route_case()))
    def run(case: Case) -> None:
        send(case)

    t0 = time.monotonic()
    run()
    took = time.monotonic() - t0
    done.set()
    app.extensions["unkg"].pool.close()  # the server thread ends with the process

    cases = sum(statuses.values())
    print(f"store: {location}")
    print(f"cases run: {cases} in {took:.1f} s; slowest answer {slowest[0]:.2f} s")
    print("answers by status: " + ", ".join(f"{s}: {n}" for s, n in sorted(statuses.items())))
    print(f"failures: {sum(kinds.values())}" + ("" if not kinds else " (" + ", ".join(f"{k}: {n}" for k, n in kinds.most_common()) + ")"))
    for kind, (case, status, body) in examples.items():
        print(f"  e.g. {kind}: {case.method} {case.path[:120]} -> {status} {body[:160]!r}")
    print(f"peak memory (server and its query workers): {peak[0] / 2**20:.0f} MiB")
    return 1 if kinds else 0


if __name__ == "__main__":
    sys.exit(main())
