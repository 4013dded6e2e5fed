"""User SPARQL runs in worker processes that can be killed, so a runaway query cannot keep the server busy.

pyoxigraph cannot cancel a running query, and a thread cannot be stopped from outside: an abandoned
thread would go on using a core until its query ends. So each worker is a process with its own read-only
handle on the store; the web thread sends it one query, waits up to the time limit, and on expiry kills
the process (freeing the core and its memory at once) and starts a fresh one for the next request.
Each worker also has a memory limit (unkg/limits.py): a query that needs more ends its worker, which is
replaced, and the request gets a 503 saying so. The result cap is counted in the worker while the result
streams, so an oversized result is neither built nor sent across the pipe.
"""
from __future__ import annotations

import logging
import os
import pickle
import queue
import select
import struct
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox
import rdflib

from unkg.config import ONTOLOGY_NS, VOCAB_NS
from unkg.errors import QueryError, UnkgError
from unkg.limits import MEMORY_DEATHS, cap_memory, memory_message
from unkg.store import Dataset, open_store

log = logging.getLogger(__name__)


@dataclass
class Job:
    sparql: str
    fmt: str  # json xml csv tsv (tables) or turtle ntriples jsonld xml (graphs)
    graph: bool  # CONSTRUCT / DESCRIBE
    cap: int  # most rows (or triples) allowed
    dataset: Dataset | None = None  # the request's default-graph-uri / named-graph-uri, if any
    base: str | None = None  # resolves relative IRIs in the query


def execute(store: Any, job: Job) -> bytes:
    """Run one job on a store and enforce the cap; raises QueryError with a clear message."""
    if job.graph:
        nt = store.query_raw(job.sparql, "ntriples", dataset=job.dataset, base=job.base, limit=job.cap)
        if job.fmt == "ntriples":
            return nt
        if job.fmt == "xml":  # Oxigraph writes any predicate as RDF/XML; rdflib fails on some (no QName)

            return ox.serialize(ox.parse(nt, format=ox.RdfFormat.N_TRIPLES), format=ox.RdfFormat.RDF_XML)
        g = rdflib.Graph()
        g.parse(data=nt.decode("utf-8"), format="nt")
        bind_prefixes(g)
        return g.serialize(format={"turtle": "turtle", "jsonld": "json-ld"}[job.fmt], encoding="utf-8")
    return store.query_raw(job.sparql, job.fmt, dataset=job.dataset, base=job.base, limit=job.cap)


def run_with_deadline(fn: Any, timeout: float) -> Any:
    """Run `fn` on a thread and stop waiting after `timeout` s with a clear error. Used only when updates
    are allowed (no worker process may open the store beside the writer): the thread itself cannot be
    stopped and finishes in the background, which is why read-only serving uses processes instead."""
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = fn()
        except BaseException as e:  # handed back to the caller
            box["error"] = e

    t = threading.Thread(target=target, daemon=True, name="unkg-query")
    t.start()
    t.join(timeout)
    if t.is_alive():
        raise QueryError(f"the query was stopped at the time limit of {timeout:g} s; narrow it or add LIMIT", 503)
    if "error" in box:
        raise box["error"]
    return box["value"]


def bind_prefixes(g: Any) -> None:
    g.bind("unkg", ONTOLOGY_NS)
    g.bind("eli", "http://data.europa.eu/eli/ontology#")
    g.bind("skos", "http://www.w3.org/2004/02/skos/core#")
    g.bind("oa", "http://www.w3.org/ns/oa#")
    g.bind("actor", VOCAB_NS + "actors/")


def _send(stream: Any, obj: Any) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(struct.pack("!Q", len(data)) + data)
    stream.flush()


def _recv(stream: Any) -> Any:
    head = stream.read(8)
    if len(head) < 8:
        raise EOFError("the query worker closed its pipe")
    (n,) = struct.unpack("!Q", head)
    data = stream.read(n)
    if len(data) < n:
        raise EOFError("the query worker closed its pipe")
    return pickle.loads(data)


def worker_main(location: str, memory: int = 0) -> None:
    """Worker process (`python -m unkg.webapp.worker_process STORE [MEMORY]`): open the store read-only, limit
    its memory to what it then holds plus MEMORY bytes (0: no limit), and answer jobs read from stdin on
    stdout until stdin closes. Anything printed goes to stderr."""
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # stray prints must not corrupt the result stream
    inp = sys.stdin.buffer
    try:
        store = open_store(location, read_only=True)
    except UnkgError as e:
        _send(out, ("error", 503, str(e)))
        return
    cap_memory(memory)
    _send(out, ("ready", 0, ""))
    while True:
        try:
            job = _recv(inp)
        except EOFError:
            return
        try:
            _send(out, ("ok", 200, execute(store, job)))
        except QueryError as e:
            _send(out, ("error", e.status, str(e)))
        except UnkgError as e:
            _send(out, ("error", 400, str(e)))
        except MemoryError:  # Python's side ran out of the budget: answer, then end, as Rust's side would
            _send(out, ("error", 503, memory_message(memory)))
            return
        except Exception as e:  # a store bug must not kill the worker silently
            _send(out, ("error", 500, f"query failed: {type(e).__name__}: {e}"))


class _Worker:
    """One worker process, started with the same Python as the server (not forked: the server has threads)."""

    def __init__(self, location: str, memory: int = 0):
        self.proc = subprocess.Popen([sys.executable, "-P", "-m", "unkg.webapp.worker_process", location, str(memory)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, close_fds=True)
        self.ready = False

    def poll(self, timeout: float) -> bool:
        """True when a reply is waiting (or the worker died) within `timeout` seconds."""
        assert self.proc.stdout is not None
        readable, _, _ = select.select([self.proc.stdout], [], [], timeout)
        return bool(readable)

    def send(self, job: Job) -> None:
        _send(self.proc.stdin, job)

    def recv(self) -> Any:
        return _recv(self.proc.stdout)

    def alive(self) -> bool:
        return self.proc.poll() is None

    def wait_ready(self, timeout: float) -> None:
        if self.ready:
            return
        if not self.poll(timeout):
            raise QueryError("the query worker did not start in time", 503)
        try:
            kind, status, msg = self.recv()
        except EOFError:
            raise QueryError("the query worker could not start (see the server log)", 503) from None
        if kind != "ready":
            raise QueryError(msg, status)
        self.ready = True

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(5)
        for s in (self.proc.stdin, self.proc.stdout):
            try:
                s.close()  # type: ignore[union-attr]
            except OSError:
                pass


class QueryPool:
    """`size` worker processes over the store at `location`; `run` gives bytes or raises QueryError."""

    def __init__(self, location: str, size: int = 2, timeout: float = 30.0, memory: int = 0):
        self.location = location
        self.timeout = timeout
        self.memory = memory  # bytes a query may take in its worker (0: no limit)
        self._idle: queue.Queue[_Worker | None] = queue.Queue()
        for _ in range(size):
            self._idle.put(None)  # started on first use: importing rdflib in a worker takes a second
        self._lock = threading.Lock()
        self.killed = 0

    def run(self, job: Job, timeout: float | None = None) -> bytes:
        limit = timeout or self.timeout
        try:
            worker = self._idle.get(timeout=limit)
        except queue.Empty:
            raise QueryError(f"the server is busy: no query slot freed up within {limit:g} s; try again", 503) from None
        try:
            if worker is None or not worker.alive():
                worker = _Worker(self.location, self.memory)
            worker.wait_ready(60)
        except BaseException:
            if worker is not None:
                worker.kill()
            self._idle.put(None)
            raise
        start = time.monotonic()
        try:
            worker.send(job)
        except OSError:  # the worker died since its last job
            worker.kill()
            self._idle.put(None)
            raise QueryError("the query worker stopped; try again", 503) from None
        if worker.poll(limit):
            try:
                kind, status, payload = worker.recv()
            except (EOFError, OSError):  # the worker died: out of its memory, or a crash
                worker.kill()
                self._idle.put(None)
                code = worker.proc.returncode
                if code in MEMORY_DEATHS:
                    log.warning("query stopped at the memory limit after %.1f s", time.monotonic() - start)
                    raise QueryError(memory_message(self.memory), 503) from None
                log.error("query worker ended with code %s", code)
                raise QueryError(f"the query stopped the query engine (exit code {code}); the worker was "
                                 "replaced; simplify the query", 500) from None
            self._idle.put(worker)
            if kind == "ok":
                return payload
            raise QueryError(payload, status)
        worker.kill()
        self._idle.put(None)
        with self._lock:
            self.killed += 1
        log.warning("query stopped after %.1f s", time.monotonic() - start)
        raise QueryError(f"the query was stopped at the time limit of {limit:g} s; narrow it or add LIMIT", 503)

    def close(self) -> None:
        while True:
            try:
                w = self._idle.get_nowait()
            except queue.Empty:
                return
            if w is not None:
                w.kill()

