"""What one query may take: a memory limit per query worker, the row cap applied while a result
streams, a nesting limit before any parser runs, and `unkg query` bounded the same way. Real server (waitress)
over a real embedded store of tens of thousands of quads; the server's memory (its process and its workers)
is watched throughout, and the workers are killed should it pass 2 GB, so that a regression fails the test
instead of the machine."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from conftest import served

from unkg.querykind import MAX_NESTING, nesting
from unkg.store import open_store
from unkg.webapp import create_app

GB = 10**9
HUNGRY = "SELECT ?c ?f { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f LIMIT 1"
HUGE = "SELECT * { ?a ?b ?c . ?d ?e ?f }"  # a result of hundreds of millions of rows
DEEP = "SELECT * WHERE " + "{" * 5000 + " ?s ?p ?o " + "}" * 5000
BUDGET = "256M"
COMMAND = [sys.executable, "-P", "-m", "unkg.cli"]


def build_store(folder: Path, triples: int = 15000, graphs: int = 30) -> str:
    """`triples` distinct statements in `graphs` named graphs (the store keeps their union too: twice the quads)."""
    store = open_store(str(folder))
    per = triples // graphs
    batch = []
    for g in range(graphs):
        lines = [f'<https://w3id.org/unkg/id/T/{g}/s{i % 40}> <https://w3id.org/unkg/ontology#p{i % 7}> "value {g} {i}" .'
                 for i in range(per)]
        batch.append((f"https://w3id.org/unkg/id/T/{g}/en", "\n".join(lines) + "\n"))
    store.replace_graphs(batch)
    store.close()
    return str(folder)


def children(pid: int) -> list[int]:
    out = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as f:
                out += [int(c) for c in f.read().split()]
    except OSError:
        pass
    return out


def rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


class Watch:
    """Peak resident memory a process and its children add over what they held at the start, sampled every
    20 ms; past `ceiling` the children are killed (the query runaway this guards against would otherwise take
    the machine). The server runs inside the test process, whose own size depends on the tests run before."""

    def __init__(self, pid: int, ceiling: int = 2 * GB):
        self.pid, self.ceiling, self.peak, self.breached = pid, ceiling, 0, False
        self.base = self._total()
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)

    def _total(self) -> int:
        return rss(self.pid) + sum(rss(k) for k in children(self.pid))

    def _run(self) -> None:
        while not self._stop.is_set():
            kids = children(self.pid)
            total = rss(self.pid) + sum(rss(k) for k in kids) - self.base
            self.peak = max(self.peak, total)
            if total > self.ceiling:
                self.breached = True
                for k in kids:
                    try:
                        os.kill(k, signal.SIGKILL)
                    except OSError:
                        pass
            time.sleep(0.02)

    def __enter__(self) -> "Watch":
        self._t.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._t.join()


@pytest.fixture(scope="module")
def big_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    if not sys.platform.startswith("linux"):
        pytest.skip("the memory limit and its measurement use Linux's RLIMIT_AS and /proc")
    return build_store(tmp_path_factory.mktemp("limits") / "store")


@pytest.fixture(scope="module")
def server(big_store: str):
    from unkg.config import parse_size

    app = create_app({"STORE": big_store, "QUERY_TIMEOUT": 30, "RESULT_LIMIT": 1000, "QUERY_WORKERS": 2,
                      "QUERY_MEMORY": parse_size(BUDGET, "test")})
    with served(app) as url:
        yield url, app


def post(url: str, query: str, timeout: float = 60) -> tuple[int, dict]:
    body = urllib.parse.urlencode({"query": query}).encode()
    req = urllib.request.Request(url, data=body, headers={"Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        with e:
            return e.code, json.loads(e.read())


pytestmark = pytest.mark.server


def test_store_has_tens_of_thousands_of_quads(big_store):
    store = open_store(big_store, read_only=True)
    assert len(store) == 15000
    assert store.select("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")[0]["n"].toPython() == 15000  # the union


def test_memory_hungry_query_refused_server_stays_small(server):
    base, app = server
    post(base + "/sparql", "ASK { ?s ?p ?o }")  # start a worker: its baseline is not the query's
    with Watch(os.getpid()) as watch:
        t0 = time.monotonic()
        code, body = post(base + "/sparql", HUNGRY)
        took = time.monotonic() - t0
    assert not watch.breached, f"the server passed 2 GB (peak {watch.peak / GB:.2f} GB)"
    print(f"memory-hungry query: {code} after {took:.1f} s; server and workers peaked at {watch.peak / GB:.2f} GB")
    assert code == 503, body
    assert "more memory than the limit of 256 MiB" in body["error"] and body["ok"] is False
    assert watch.peak < 2 * GB
    assert took < 20  # stopped at the budget, not at the time limit (30 s)
    # the worker was replaced: the server answers the next query
    code, body = post(base + "/sparql", "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")
    assert code == 200 and body["results"]["bindings"][0]["n"]["value"] == "15000"


def test_row_cap_stops_result_while_streaming(server):
    base, _ = server
    with Watch(os.getpid()) as watch:
        t0 = time.monotonic()
        code, body = post(base + "/sparql", HUGE)
        took = time.monotonic() - t0
    assert not watch.breached, f"the server passed 2 GB (peak {watch.peak / GB:.2f} GB)"
    assert code == 413 and "more than the limit of 1000 rows" in body["error"]
    assert took < 10


def test_row_cap_keeps_results_within_it(server):
    base, _ = server
    code, body = post(base + "/sparql", "SELECT ?s ?o { ?s <https://w3id.org/unkg/ontology#p1> ?o } LIMIT 1000")
    assert code == 200 and len(body["results"]["bindings"]) == 1000


@pytest.mark.parametrize("query", [
    DEEP,
    "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }",
    "SELECT * WHERE { ?s ?p " + "[ <http://p> " * 300 + "1" + " ]" * 300 + " }",
])
def test_deep_sparql_refused_400(server, query):
    base, _ = server
    code, body = post(base + "/sparql", query)
    assert code == 400 and "nests brackets" in body["error"] and f"limit of {MAX_NESTING}" in body["error"]


def test_deep_update_refused_before_parsing(server):
    base, _ = server
    text = "INSERT DATA { GRAPH <http://g> " + "{" * 5000 + "}" * 5000 + " }"
    body = urllib.parse.urlencode({"update": text}).encode()
    try:
        urllib.request.urlopen(urllib.request.Request(base + "/sparql", data=body), timeout=30)
        code = 200
    except urllib.error.HTTPError as e:
        code = e.code
        e.close()
    assert code == 403  # read-only: refused before anything reads it


@pytest.mark.parametrize("text, depth", [
    ("SELECT * { ?s ?p ?o }", 1),
    ('SELECT * { ?s ?p "{{{{(((" }', 1),  # brackets in strings do not nest
    ("SELECT * { ?s ?p ?o # {{{{\n }", 1),
    ("SELECT * { { ?s ?p ?o } UNION { ?s ?p [ <http://p> ( 1 2 ) ] } }", 4),
    ("SELECT * WHERE { ?s ?p ?o FILTER((1 + (2)) > 0) }", 4),
])
def test_nesting_depth(text, depth):
    assert nesting(text) == depth


# -- unkg query -------------------------------------------------------------------------------------------
def cli(*args: str, env: dict[str, str] | None = None, stdin: bytes | None = None,
        timeout: float = 120) -> subprocess.CompletedProcess:
    full = {**os.environ, **(env or {})}
    full.pop("UNKG_DEBUG", None)
    return subprocess.run([*COMMAND, *args], capture_output=True, input=stdin, env=full, timeout=timeout)


def one_line(p: subprocess.CompletedProcess) -> str:
    err = p.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err and "stack backtrace" not in err and len(err.strip().splitlines()) == 1, err
    return err


def test_cli_memory_hungry_query_refused(big_store):
    proc = subprocess.Popen([*COMMAND, "query", HUNGRY, "--store", big_store], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env={**os.environ, "UNKG_QUERY_MEMORY": BUDGET})
    with Watch(proc.pid) as watch:
        try:
            out, err = proc.communicate(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.communicate()
    assert not watch.breached, f"unkg query passed 2 GB (peak {watch.peak / GB:.2f} GB)"
    p = subprocess.CompletedProcess(proc.args, proc.returncode, out, err)
    assert p.returncode == 1, err
    assert "more memory than the limit of 256 MiB" in one_line(p) and "UNKG_QUERY_MEMORY" in err.decode()


def test_cli_query_within_budget_answers(big_store):
    p = cli("query", "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", "--store", big_store, "--format", "csv",
            env={"UNKG_QUERY_MEMORY": BUDGET})
    assert p.returncode == 0 and p.stdout.decode().split() == ["n", "15000"], p.stderr


def test_cli_deep_query_refused(big_store):
    p = cli("query", DEEP, "--store", big_store)
    assert p.returncode == 1 and "nests brackets 5000 deep" in one_line(p)


@pytest.mark.parametrize("args, stdin, words", [
    (["query", "-"], b"SELECT * { ?s ?p \xff\xfe }", "not UTF-8"),
    (["query", "-"], b"", "empty"),
    (["query", "SELECT * { ?s ?p \x01 }"], None, "malformed"),
    (["query", "SELECT * { ?s ?p ?o } LIMIT 99999999999999999999999"], None, "malformed"),
    (["query", "-"], "SELECT * { ?s ?p ?o }".encode() + b"\x00", "malformed"),
])
def test_cli_hostile_query_text_one_line(big_store, args, stdin, words):
    p = cli(*args, "--store", big_store, stdin=stdin)
    assert p.returncode == 1 and words in one_line(p)


def test_cli_query_file_not_utf8_or_a_folder(big_store, tmp_path):
    bad = tmp_path / "bad.rq"
    bad.write_bytes(b"SELECT * { ?s ?p '\xe9' }")
    p = cli("query", str(bad), "--store", big_store)
    assert p.returncode == 1 and str(bad) in one_line(p) and "not UTF-8" in p.stderr.decode()
    folder = tmp_path / "q.rq"
    folder.mkdir()
    p = cli("query", str(folder), "--store", big_store)
    assert p.returncode == 1 and str(folder) in one_line(p)


# -- a corrupt store ----------------------------------------------------------------------------------------
@pytest.fixture()
def corrupt_store(tmp_path: Path) -> Path:
    folder = Path(build_store(tmp_path / "store", triples=60, graphs=2))
    (folder / "CURRENT").write_bytes(b"junk junk\n")
    return folder


@pytest.mark.parametrize("args", [["stats"], ["query", "ASK { ?s ?p ?o }"], ["validate"],
                                  ["export", "--format", "nq"], ["ingest", "--sample", "-q"], ["serve", "--port", "0"]])
def test_corrupt_store_is_exit_2(corrupt_store, args):
    p = cli(*args, "--store", str(corrupt_store), timeout=300)
    assert p.returncode == 2, p.stderr
    err = one_line(p)
    assert "the store is corrupt" in err and str(corrupt_store) in err


@pytest.mark.parametrize("junk", [b"\x00\xff\xfe", b""])
def test_corrupt_current_any_junk(corrupt_store, junk):
    (corrupt_store / "CURRENT").write_bytes(junk)
    p = cli("stats", "--store", str(corrupt_store))
    assert p.returncode == 2 and "the store is corrupt" in one_line(p)


def test_web_app_on_corrupt_store_says_so(corrupt_store):
    from unkg.errors import StoreError

    with pytest.raises(StoreError, match="the store is corrupt"):
        create_app({"STORE": str(corrupt_store)})
