"""The gate on computing (webapp/gate.py): at most COMPUTE_THREADS threads of a process make answers at once,
and a thread gives its place up while it waits, for a /sparql query or for another thread computing the
answer it wants, so that the waits neither hold the pages back nor deadlock the page cache's compute-once."""
from __future__ import annotations

import threading
import time

from unkg.webapp import create_app
from unkg.webapp.cache import cached_page
from unkg.webapp.gate import Gate, gated, holds, waiting
from unkg.webapp.represent import respond
from unkg.webapp.state import state as app_state
from unkg.webapp.workers import Job

DEADLOCK = 30  # seconds after which a request still waiting is taken for a deadlock


def _until(condition, what: str) -> None:
    """Wait until `condition()` holds (another thread has reached the state the test needs next), failing
    after DEADLOCK seconds: the test waits for the state itself, not for a time it guesses is enough."""
    deadline = time.monotonic() + DEADLOCK
    while not condition():
        assert time.monotonic() < deadline, f"still waiting for {what}"
        time.sleep(0.005)


def test_one_thread_computes_at_a_time_and_a_wait_lets_another_in():
    gate = Gate(1)
    inside, most, order = [0], [0], []
    lock = threading.Lock()
    queued, others_done = threading.Event(), threading.Event()

    def work(name: str, waits: bool) -> None:
        with gate.computing():
            with lock:
                inside[0] += 1
                most[0] = max(most[0], inside[0])
            if waits:  # it computes until the others queue
                queued.wait(DEADLOCK)
            time.sleep(0.05)
            with lock:
                inside[0] -= 1
            if waits:
                order.append(name + " waits")
                with waiting():
                    assert not holds()
                    others_done.wait(DEADLOCK)  # they can only be done if the wait gave the gate up
                assert holds()
            order.append(name + " done")

    first = threading.Thread(target=work, args=("slow", True))
    first.start()
    _until(lambda: inside[0] == 1, "the first thread to hold the gate")
    others = [threading.Thread(target=work, args=(f"t{i}", False)) for i in range(4)]
    for i, t in enumerate(others):  # they queue in this order while the first computes
        t.start()
        _until(lambda n=i + 1: len(gate._queue) == n, f"t{i} to queue")
    queued.set()
    deadline = time.monotonic() + DEADLOCK
    for t in others:
        t.join(max(0.0, deadline - time.monotonic()))
    others_done.set()
    first.join(max(0.0, deadline - time.monotonic()))
    assert most[0] == 1  # never two computing at once
    assert order[0] == "slow waits" and order[-1] == "slow done"  # the others computed during its wait
    assert order[1:-1] == [f"t{i} done" for i in range(4)]  # first come, first served


def test_a_streamed_answer_computes_under_the_gate_and_is_sent_outside_it():
    gate = Gate(1)
    seen: list[bool] = []

    def chunks():
        for i in range(3):
            seen.append(holds())
            yield str(i)

    out = []
    for chunk in gated(gate, chunks()):
        out.append((chunk, holds()))
    assert seen == [True, True, True]
    assert out == [("0", False), ("1", False), ("2", False)]


def test_a_kept_answer_is_sent_while_another_thread_computes(webapp_store):
    """A page already answered is read and sent without the gate while no other thread waits for it: it does
    not queue behind a computation; a page not answered yet waits for its turn."""
    app = create_app({"STORE": webapp_store, "QUERY_WORKERS": 1, "COMPUTE_THREADS": 1})
    gate = app.extensions["unkg"].gate
    client = app.test_client()
    assert client.get("/rights.json").status_code == 200  # now kept
    busy, release = threading.Event(), threading.Event()

    def compute_long() -> None:
        with gate.computing():
            busy.set()
            release.wait(DEADLOCK)  # holds the gate until the test lets it go

    t = threading.Thread(target=compute_long, daemon=True)
    t.start()
    busy.wait(DEADLOCK)
    computed: list[int] = []
    asker = threading.Thread(target=lambda: computed.append(client.get("/groups.json").status_code), daemon=True)
    try:
        assert client.get("/rights.json").status_code == 200
        assert t.is_alive() and not release.is_set()  # sent while the computation held the gate
        asker.start()  # not kept: computed after the long computation
        _until(lambda: len(gate._queue) == 1, "/groups.json to wait for the gate")
        assert not computed
        release.set()
        asker.join(DEADLOCK)
        assert computed == [200]
    finally:
        release.set()
        t.join(DEADLOCK)
        app.extensions["unkg"].pool.close()


def test_a_kept_answer_waits_its_turn_when_others_wait(webapp_store):
    """While threads wait for the gate, a reader of a kept answer is queued behind them, first come first
    served, rather than passing them (which would leave the whole wait to the pages being computed)."""
    app = create_app({"STORE": webapp_store, "QUERY_WORKERS": 1, "COMPUTE_THREADS": 1})
    gate = app.extensions["unkg"].gate
    client = app.test_client()
    assert client.get("/rights.json").status_code == 200  # now kept
    busy, release, order = threading.Event(), threading.Event(), []

    def compute(name: str) -> None:
        with gate.computing():
            busy.set()
            if name == "first":
                release.wait(DEADLOCK)  # holds the gate until the second and the reader queue
            order.append(name)

    def read_kept() -> None:
        assert client.get("/rights.json").status_code == 200
        order.append("kept")

    first = threading.Thread(target=compute, args=("first",), daemon=True)
    first.start()
    busy.wait(DEADLOCK)
    second = threading.Thread(target=compute, args=("second",), daemon=True)
    second.start()
    _until(lambda: len(gate._queue) == 1, "the second to wait for its turn")
    reader = threading.Thread(target=read_kept, daemon=True)
    reader.start()
    try:  # the reader queues behind the second, or (wrongly) passes it and is done
        _until(lambda: len(gate._queue) == 2 or not reader.is_alive(), "the reader to queue or be done")
        release.set()
        for t in (first, second, reader):
            t.join(DEADLOCK)
        assert order == ["first", "second", "kept"]
    finally:
        release.set()
        first.join(DEADLOCK)
        second.join(DEADLOCK)
        app.extensions["unkg"].pool.close()


def _ask_all(app, paths: list[str]) -> list[tuple[int, object]]:
    answers: list[tuple[int, object]] = []

    def ask(path: str) -> None:
        r = app.test_client().get(path)
        answers.append((r.status_code, r.get_json()["n"]))

    threads = [threading.Thread(target=ask, args=(p,), daemon=True) for p in paths]
    for t in threads:
        t.start()
    deadline = time.monotonic() + DEADLOCK
    for t in threads:
        t.join(max(0.0, deadline - time.monotonic()))
    assert not any(t.is_alive() for t in threads), "requests still waiting: deadlock"
    return answers


def test_concurrent_first_requests_for_one_page_neither_deadlock_nor_compute_twice(webapp_store):
    """The page's computation waits for a SPARQL query worker (started on this first query, which takes
    a while), giving the gate up; the seven other requests for the page wait for the first one's answer
    without holding the gate (were they to hold it, the first could never take it back), then are sent it."""
    app = create_app({"STORE": webapp_store, "QUERY_WORKERS": 1, "COMPUTE_THREADS": 1})
    calls: list[str] = []

    @app.route("/waits")
    @app.route("/waits.<any(json):fmt>")
    @cached_page
    def waits(fmt: str | None = None):
        calls.append(fmt or "")
        app_state().run_query(Job("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "json", False, 10))
        return respond({"title": "waits", "n": len(calls)}, "error.html", base_path="/waits", suffix=fmt,
                       offered=("json",))

    try:
        assert _ask_all(app, ["/waits.json"] * 8) == [(200, 1)] * 8
        assert calls == ["json"]
    finally:
        app.extensions["unkg"].pool.close()


def test_concurrent_requests_for_one_shared_result_do_not_deadlock(webapp_store):
    """Eight pages that need one result built once (`AppState.cached`), whose building waits for a SPARQL
    query worker: the others wait for it outside the gate."""
    app = create_app({"STORE": webapp_store, "QUERY_WORKERS": 1, "COMPUTE_THREADS": 1})
    builds: list[int] = []

    def build() -> int:
        builds.append(1)
        app_state().run_query(Job("ASK { ?s ?p ?o }", "json", False, 10))
        return len(builds)

    @app.route("/shared/<int:i>.json")
    @cached_page
    def shared(i: int):
        return respond({"title": "shared", "n": app_state().cached("gate-test", build)}, "error.html",
                       base_path=f"/shared/{i}", suffix="json", offered=("json",))

    try:
        assert sorted(_ask_all(app, [f"/shared/{i}.json" for i in range(8)])) == [(200, 1)] * 8
        assert builds == [1]
    finally:
        app.extensions["unkg"].pool.close()
