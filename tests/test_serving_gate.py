"""`unkg serve` with its default threads and gate (webapp/gate.py): slow /sparql queries, which hold a thread
each while their query worker runs, do not hold the pages back, and a burst of first requests for one page
is answered. A real server in its own process (gunicorn, one worker process, as many SPARQL query workers as
the settings give it), real HTTP."""
from __future__ import annotations

import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from conftest import free_port, load_webapp_store, start_serving, stop_server

from unkg.webapp.serving import can_fork

pytestmark = [pytest.mark.server, pytest.mark.skipif(not can_fork(), reason="gunicorn's workers need fork")]

TIME_LIMIT = 8  # the slow queries' time limit: they end with a 503 then
# every triple against every triple, four times over: on the fixture's thousands of triples, a count that no
# query worker finishes within the time limit
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
PAGES = ["/actors/states?verb=urge", "/actors/states.json?page=1&strength=4", "/resolutions?q=rights",
         "/rights.json", "/actors/business-enterprises?year=2023", "/id/A/RES/78/216.json", "/states/col",
         "/resolutions.json?sort=symbol"]


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory):
    tmp = tmp_path_factory.mktemp("gate")
    location = load_webapp_store(tmp / "store")
    port = free_port()
    code = ("from unkg.webapp import serve; "
            f"serve({location!r}, '127.0.0.1', {port}, workers=1, "
            f"config={{'PAGE_CACHE': {str(tmp / 'pages')!r}, 'QUERY_TIMEOUT': {TIME_LIMIT}}})")
    proc = start_serving(code, port)
    yield f"http://127.0.0.1:{port}"
    stop_server(proc, wait=20)


def _get(url: str, data: bytes | None = None) -> tuple[int, float]:
    t0 = time.monotonic()
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data), timeout=60) as r:
            r.read()
            return r.status, time.monotonic() - t0
    except urllib.error.HTTPError as e:
        return e.code, time.monotonic() - t0


def test_slow_sparql_queries_do_not_hold_the_pages_back(base):
    """Four slow queries (two run in the query workers, two wait for one): four of the process's eight
    threads wait. The pages, asked meanwhile, are answered in their own time, not after the queries."""
    _get(base + "/sparql?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"}))  # the query workers started
    slow: list[tuple[int, float]] = []
    body = urllib.parse.urlencode({"query": SLOW}).encode()
    queries = [threading.Thread(target=lambda: slow.append(_get(base + "/sparql", body)), daemon=True)
               for _ in range(4)]
    for t in queries:
        t.start()
    time.sleep(1.0)  # the queries are in the server's threads, two of them running
    t0 = time.monotonic()
    pages = [_get(base + p) for p in PAGES]
    took = time.monotonic() - t0
    assert [s for s, _ in pages] == [200] * len(PAGES)
    assert took < TIME_LIMIT / 2, f"the pages took {took:.1f} s beside the slow queries"
    assert not slow, "a slow query ended before the pages were asked: the test proves nothing"
    for t in queries:
        t.join(4 * TIME_LIMIT + 30)
    assert sorted(s for s, _ in slow) == [503] * 4  # each stopped at its time limit
    assert all(took >= TIME_LIMIT - 1 for _, took in slow)


def test_a_burst_of_first_requests_for_one_page_is_answered(base):
    """Sixteen requests at once for a page nobody asked for: one computes it, the others wait for it outside
    the gate, and all get the same answer."""
    url = base + "/actors/states.json?page=1&verb=urge&year=2023"
    bodies: list[bytes] = []

    def ask() -> None:
        with urllib.request.urlopen(url, timeout=60) as r:
            bodies.append(r.read())

    threads = [threading.Thread(target=ask, daemon=True) for _ in range(16)]
    for t in threads:
        t.start()
    deadline = time.monotonic() + 60
    for t in threads:
        t.join(max(0.0, deadline - time.monotonic()))
    assert len(bodies) == 16 and len(set(bodies)) == 1
