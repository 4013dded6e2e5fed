"""Shared fixtures: the corpus, the bundled sample, a fresh embedded store, and the web app (one app, one test
client) over the web-app fixture. A test module adds fixtures of its own only for what it alone needs.

Markers: a test that uses the `corpus` fixture is marked `corpus` here, so `-m "not corpus"` deselects every
test that needs the corpus; `slow`, `server` and `browser` are set by the modules (pyproject.toml lists them).

Tests that wait for another thread, process or browser wait for the state they need next, observed (a gate's
queue, a log line, an event the other side sets, the browser's URL), with a deadline only against a hang;
never for a time guessed to be enough, which a loaded machine outlasts. A server's open port does not mean
its workers have booted; a click that leaves the page does not mean the next page is there.
"""
from __future__ import annotations

import asyncio
import functools
import importlib.util
import socket
import subprocess
import sys
import threading
import time
import types
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path

import pytest
import rdflib
from waitress import create_server, wasyncore

from unkg.config import corpus_dir
from unkg.store import open_store
from unkg.webapp import create_app

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# The web-app fixture: part of A/RES/78/216's graph, a test-only resolution holding markup, a slice of the
# vocabularies.
WEBAPP_TRIG = FIXTURES / "webapp" / "a_res_78_216.trig"
WORK = "https://w3id.org/unkg/id/A/RES/78/216"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "corpus" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.corpus)


@contextmanager
def served(app, threads: int = 8):
    """A real HTTP server (waitress, on a free port) for `app` in a daemon thread; yields its base URL and
    closes the server and the app's query workers on exit."""
    srv = create_server(app, host="127.0.0.1", port=0, threads=threads)
    stopping = threading.Event()

    def run() -> None:
        try:
            srv.run()
        except OSError:  # the loop may poll a socket closed under it while it stops
            if not stopping.is_set():
                raise

    loop = threading.Thread(target=run, daemon=True)
    loop.start()
    try:
        yield f"http://127.0.0.1:{srv.effective_port}"
    finally:
        # Requests in flight finish first: a task that ends after its trigger is closed writes to a closed
        # descriptor. Then every socket of the loop closes, which ends the loop.
        stopping.set()
        srv.task_dispatcher.shutdown()
        wasyncore.close_all(srv._map)
        loop.join(5)
        app.extensions["unkg"].pool.close()


@functools.cache
def fixture_module(relative: str) -> types.ModuleType:
    """A Python file under tests/fixtures (not a package), imported once: e.g. "shapes/small.py", the small
    resolution the shape and State tests build their graphs from."""
    spec = importlib.util.spec_from_file_location(Path(relative).stem, FIXTURES / relative)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_serving(code: str, port: int, wait: float = 120) -> subprocess.Popen:
    """Run `code` (a `python -c` program calling unkg.webapp.serve on `port`) in its own process and return it
    once the port accepts connections; its stderr ends up in the error when it stops before that."""
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + wait
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"unkg serve stopped: {proc.stderr.read().decode(errors='replace')}")  # type: ignore[union-attr]
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return proc
        except OSError:
            if time.monotonic() > deadline:
                proc.kill()
                raise RuntimeError(f"unkg serve did not open its port within {wait:.0f} s") from None
            time.sleep(0.2)


def stop_server(proc: subprocess.Popen, wait: float = 10) -> None:
    """Stop a server started in its own process (`unkg serve`, `python -c ...`): terminate, then kill if it
    has not stopped within `wait` seconds; close its stderr pipe."""
    proc.terminate()
    try:
        proc.wait(wait)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(5)
    if proc.stderr is not None:
        proc.stderr.close()


def load_webapp_store(folder: Path) -> str:
    """An embedded store in `folder` holding the web-app fixture; returns its location."""
    ds = rdflib.Dataset()
    ds.parse(WEBAPP_TRIG, format="trig")
    with open_store(str(folder)) as store:
        store.replace_graphs([(str(g.identifier), g) for g in ds.graphs() if len(g)])
    return str(folder)


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The shared corpus of real UN documents; tests that need it skip, saying why, when it is absent."""
    path = corpus_dir()
    if path is None:
        pytest.skip("the corpus of real UN documents is absent: expected ../shared/corpus or $UNKG_CORPUS")
    return path


@pytest.fixture(scope="session")
def sample_text() -> Path:
    """A/RES/78/216 as text converted from the PDF: the bundled sample (package data)."""
    return Path(str(files("unkg.ingest.sample") / "A_RES_78_216.en.txt"))


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture()
def store_dir(tmp_path: Path) -> Path:
    """A fresh folder for an embedded store."""
    return tmp_path / "store"


@pytest.fixture()
def store(store_dir: Path):
    """A fresh embedded store, open for writing, closed after the test."""
    s = open_store(str(store_dir))
    yield s
    s.close()


@pytest.fixture(scope="session")
def webapp_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The web-app fixture in an embedded store, shared by the tests that only read it."""
    return load_webapp_store(tmp_path_factory.mktemp("webapp") / "store")


@pytest.fixture(scope="module")
def app(webapp_store: str):
    """The web app over the web-app fixture (read-only), with small limits that tests can reach."""
    app = create_app({"STORE": webapp_store, "QUERY_TIMEOUT": 20, "RESULT_LIMIT": 50, "QUERY_WORKERS": 1})
    yield app
    state = app.extensions["unkg"]
    if state.pool:
        state.pool.close()


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture(autouse=True)
def close_pylodes_event_loop():
    """pyLODE (in-process `unkg docs`) leaves an event loop set on the main thread; a later asyncio.run (the MCP
    client's test) unsets it and the collector then warns of an unclosed loop in whichever test runs next.
    Close it after every test, whichever module made it."""
    yield
    policy = asyncio.get_event_loop_policy()
    loop = getattr(getattr(policy, "_local", None), "_loop", None)
    if loop is not None and not loop.is_running():
        loop.close()
        policy.set_event_loop(None)
