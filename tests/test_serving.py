"""`unkg serve` as it runs: gunicorn's worker processes over one store, answering from the page cache they
share (webapp/cache.py, webapp/serving.py). A real server in its own process, real HTTP, a real `unkg ingest`
beside it."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections import defaultdict
from pathlib import Path

import pytest
from conftest import FIXTURES, free_port, load_webapp_store, start_serving, stop_server

from unkg.webapp.serving import can_fork

pytestmark = [pytest.mark.server, pytest.mark.skipif(not can_fork(), reason="gunicorn's workers need fork")]

PAGES = ["/resolutions.json", "/resolutions", "/actors/states.json?page=1", "/actors/business-enterprises",
         "/actors.csv", "/rights.json", "/states/col.json", "/id/A/RES/78/216.json"]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory):
    """Two worker processes over the web-app fixture, logging which process answered each request."""
    tmp = tmp_path_factory.mktemp("serving")
    location = load_webapp_store(tmp / "store")
    port, log = free_port(), tmp / "access.log"
    code = ("from unkg.webapp import serve; "
            f"serve({location!r}, '127.0.0.1', {port}, workers=2, threads=4, config={{'PAGE_CACHE': {str(tmp / 'pages')!r}}}, "
            f"options={{'accesslog': {str(log)!r}, 'access_log_format': '%(p)s %(r)s %(s)s'}})")
    proc = start_serving(code, port)
    base = f"http://127.0.0.1:{port}"
    _both_workers_answer(base, log)
    yield base, location, log
    stop_server(proc, wait=20)


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=60) as r:  # a new connection each time: any worker may take it
        assert r.status == 200
        return r.read()


def _answered_by(log: Path, start: int, paths: list[str], n: int) -> set[str]:
    """The worker processes that answered the `n` requests for `paths` logged after offset `start`. gunicorn
    writes a request's line after it sent the answer: wait for all `n` lines, not for a guessed time."""
    deadline = time.monotonic() + 60
    while True:
        with open(log, encoding="utf-8") as f:
            f.seek(start)
            lines = [line.split() for line in f if line.endswith("\n")]
        ours = [w for w in lines if len(w) == 5 and w[2] in paths]  # pid, method, path, protocol, status
        if len(ours) >= n:
            return {w[0] for w in ours if w[4] == "200"}
        assert time.monotonic() < deadline, f"{len(ours)} of {n} requests in the access log"
        time.sleep(0.1)


def _both_workers_answer(base: str, log: Path) -> None:
    """gunicorn opens the port before its workers have booted, and the first to boot takes every request
    until the other has: ask until both have answered, so that the tests compare the two workers."""
    deadline, asked = time.monotonic() + 120, 0
    while True:
        _get(base + "/actors.json")
        asked += 1
        if len(_answered_by(log, 0, ["/actors.json"], asked)) == 2:
            return
        assert time.monotonic() < deadline, f"one worker answered all {asked} requests"


def _answers(base: str, log: Path, rounds: int = 10) -> tuple[dict[str, set[bytes]], set[str]]:
    """Each page `rounds` times: the distinct bodies per page, and the worker processes that answered."""
    start = log.stat().st_size if log.exists() else 0
    bodies: dict[str, set[bytes]] = defaultdict(set)
    for _ in range(rounds):
        for p in PAGES:
            bodies[p].add(_get(base + p))
    return bodies, _answered_by(log, start, PAGES, rounds * len(PAGES))


def test_two_workers_give_the_same_answers(served):
    base, _, log = served
    bodies, pids = _answers(base, log)
    assert len(pids) == 2, f"answered by {pids}"
    assert all(len(b) == 1 for b in bodies.values()), {p: len(b) for p, b in bodies.items() if len(b) > 1}
    rows = json.loads(next(iter(bodies["/resolutions.json"])))["rows"]
    assert sorted(r["symbol"] for r in rows) == ["A/RES/78/216", "A/RES/78/999"]


def test_an_ingest_beside_the_server_shows_at_once(served):
    """`unkg ingest` commits a new resolution: once the workers have looked at the store (each looks at
    most once a second), every page answers from the new version, in both workers; nothing of the old one."""
    base, location, log = served
    before, _ = _answers(base, log, rounds=2)
    search = base + "/search.json?q=" + urllib.parse.quote("report on both of them")
    for _ in range(4):  # kept by both workers for this version (webapp/cache.py)
        assert "A/RES/86/7" not in {r["symbol"] for r in json.loads(_get(search))["rows"]}
    rendered_before = set((log.parent / "pages").glob("*/prerender.json"))
    env = {**os.environ, "UNKG_PROGRESS_EVERY": "0"}
    done = subprocess.run([sys.executable, "-m", "unkg.cli", "ingest", str(FIXTURES / "readers" / "small_resolution.akn.xml"),
                           "--store", location, "-q"], capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 0, done.stderr
    time.sleep(1.5)
    after, pids = _answers(base, log)
    assert len(pids) == 2, f"answered by {pids}"
    for p in PAGES:
        assert len(after[p]) == 1, f"{p}: {len(after[p])} different answers after the ingest"
    rows = json.loads(next(iter(after["/resolutions.json"])))["rows"]
    assert sorted(r["symbol"] for r in rows) == ["A/RES/78/216", "A/RES/78/999", "A/RES/86/7"]
    assert after["/resolutions"] != before["/resolutions"] and b"A/RES/86/7" in next(iter(after["/resolutions"]))
    assert b"Invented test resolution" in _get(base + "/id/A/RES/86/7.html")
    for _ in range(4):  # the search's index and kept answers are the new version's, in whichever worker answers
        rows = json.loads(_get(search))["rows"]
        assert rows and rows[0]["symbol"] == "A/RES/86/7", rows[:1]
    for _ in range(4):  # the new version's wording (webapp/wording.py), in whichever worker answers
        rows = json.loads(_get(base + "/actors/states.json?page=all"))["rows"]
        new = [r for r in rows if r["symbol"] == "A/RES/86/7"]
        assert new and any("States to act" in r["text"] for r in new), new
        # the page's table shows it too: rows rendered once per version (webapp/row_html.py), not the old one's
        html = _get(base + "/actors/states?page=all")
        assert b"A/RES/86/7" in html and b"States to act" in html
    # one worker renders the new version's pages in the background, as the parent rendered the first's
    deadline = time.monotonic() + 60
    while not (found := set((log.parent / "pages").glob("*/prerender.json")) - rendered_before):
        assert time.monotonic() < deadline, "the new version's pages were not rendered"
        time.sleep(0.5)
    (report,) = found
    done = json.loads(report.read_text(encoding="utf-8"))
    assert done["rendered"] > 0 and done["failed"] == 0, done


def test_the_workers_end_cleanly_when_the_server_stops(tmp_path):
    """Each worker inherits RocksDB's environment from the parent, whose exit handler would join threads the
    worker never had: the workers must end with their status, not a segmentation fault."""
    location, port = load_webapp_store(tmp_path / "store"), free_port()
    code = ("from unkg.webapp import serve; "
            f"serve({location!r}, '127.0.0.1', {port}, workers=2, config={{'PAGE_CACHE': {str(tmp_path / 'pages')!r}}})")
    proc = start_serving(code, port)
    assert _get(f"http://127.0.0.1:{port}/actors/states.json?page=1")
    proc.terminate()
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0
    assert err.count(b"Worker exiting") == 2
    assert b"SIGSEGV" not in err and b"was sent" not in err


def test_a_worker_stopped_before_gunicorn_calls_post_fork_ends_with_its_exit(tmp_path):
    """A real server whose worker is left between its fork and `post_fork` (as a busy machine's scheduler may
    leave it; here two seconds) is stopped there: the worker must end by its own exit once it has booted, not
    serve on until gunicorn kills it after `graceful_timeout`."""
    location, port = load_webapp_store(tmp_path / "store"), free_port()
    code = ("import time\n"
            "from unkg.webapp import serve, serving\n"
            "run_gunicorn = serving._run_gunicorn\n"
            "def slowed(app, settings):\n"
            "    booted = settings['post_fork']\n"
            "    def late(server, worker):\n"
            "        time.sleep(2)\n"
            "        booted(server, worker)\n"
            "    run_gunicorn(app, {**settings, 'post_fork': late})\n"
            "serving._run_gunicorn = slowed\n"
            f"serve({location!r}, '127.0.0.1', {port}, workers=1, config={{'PAGE_CACHE': {str(tmp_path / 'pages')!r}}})\n")
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = b""
    try:
        while b"Booting worker" not in err:  # logged by the forked worker just before `post_fork`
            chunk = proc.stderr.read1(4096)  # type: ignore[union-attr]
            assert chunk, f"unkg serve stopped: {err.decode(errors='replace')}"
            err += chunk
        proc.terminate()
        err += proc.communicate(timeout=60)[1]
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err.decode(errors="replace")
    assert err.count(b"Worker exiting") == 1 and b"was sent" not in err, err.decode(errors="replace")


def test_a_stop_sent_to_a_booting_worker_waits_for_its_handlers():
    """gunicorn installs a worker's signal handlers only after `post_fork` and the store's opening: a worker is
    born with the stop signals blocked (`pre_fork` blocks them in the parent) until `post_worker_init`, so that
    a stop sent meanwhile reaches the worker's own handler then, not the handler the fork copied from the
    parent (which would lose it)."""
    from unkg.webapp import serving

    me = threading.get_ident()  # signals sent to this thread: the process's other threads do not block them
    before = signal.getsignal(signal.SIGTERM)
    got: list[str] = []
    try:
        signal.signal(signal.SIGTERM, lambda signum, frame: got.append("the parent's"))
        serving._hold_stops()
        signal.pthread_kill(me, signal.SIGTERM)  # the stop, mid-boot
        assert got == [] and signal.SIGTERM in signal.sigpending()
        signal.signal(signal.SIGTERM, lambda signum, frame: got.append("the worker's"))  # gunicorn's, installed
        serving._release_stops()
        assert got == ["the worker's"]
        signal.pthread_kill(me, signal.SIGTERM)  # released: a later stop is delivered at once
        assert got == ["the worker's"] * 2
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, serving.STOP_SIGNALS)
        signal.signal(signal.SIGTERM, before)


def test_the_stops_stay_blocked_in_the_child_of_a_fork_and_not_in_the_parent():
    """In a process of its own (a fork in the test process would copy its threads' locks): the parent is
    released right after the fork, the child keeps the stops blocked for gunicorn's `post_worker_init`."""
    code = ("import os, signal\n"
            "from unkg.webapp import serving\n"
            "serving._release_stops_after_each_fork()\n"
            "serving._hold_stops()\n"
            "blocked = lambda: sorted(int(s) for s in signal.pthread_sigmask(signal.SIG_BLOCK, []))\n"
            "pid = os.fork()\n"
            "if pid == 0:\n"
            "    print('child', blocked(), flush=True)\n"
            "    os._exit(0)\n"
            "os.waitpid(pid, 0)\n"
            "print('parent', blocked(), flush=True)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    stops = sorted(int(s) for s in (signal.SIGINT, signal.SIGQUIT, signal.SIGTERM))
    assert out.stdout.splitlines() == [f"child {stops}", "parent []"]
