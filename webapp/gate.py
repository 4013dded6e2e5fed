"""A gate on the computing a worker process does: many threads to wait, few to compute at once.

A page is Python work under one interpreter lock per process. When eight threads of a process compute eight
pages at once they share that lock in turns of the switch interval, and each page takes about eight times its
own CPU; when at most one computes and the others queue, each page is done in about its own time and the
queue is served in order. But a thread also waits: for a /sparql query in the SPARQL worker processes (for
as long as the query's time limit), for another thread that computes the answer it wants (the page cache
computes an answer once, `webapp/cache.py`; a result of `AppState.cached` likewise), for a client to take a
streamed export. A server with few threads would spend them waiting.

So the server keeps its threads (`unkg serve --threads`) and the app lets at most `size` of them compute at a
time (`COMPUTE_THREADS`, `unkg serve --compute`): `Gate.wrap` takes the gate around the app's handling of
a request (the answer made, not sent), `gated` around each chunk a streamed answer computes, not while it is
sent. Every place where a thread waits for something other than its own computation goes through
`waiting()`, which gives the thread's place at the gate up for the wait and takes it again after.

Why this cannot deadlock: a thread that holds the gate never waits for another thread (every such wait is
inside `waiting()`), so each holder runs to the end of its request or to a wait, and gives the gate up
either way; a thread that waits for the gate holds nothing another gate holder waits for without having given
up its own place. The gate is taken again after a wait, never before it; nested requests (the app asked from
within a request of the same thread) do not take it twice.
"""
from __future__ import annotations

import contextlib
import threading
from typing import Any, Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")

_held = threading.local()  # .gate: the Gate this thread holds a place at, .depth: how many times it entered


class Gate:
    """At most `size` threads of this process between `enter` and `leave` (0: no limit)."""

    def __init__(self, size: int):
        self.size = max(0, int(size))
        self._slots = threading.Semaphore(self.size) if self.size else None

    @contextlib.contextmanager
    def computing(self) -> Iterator[None]:
        """Held while this thread computes; a thread already inside (a nested request) passes through."""
        if self._slots is None or getattr(_held, "gate", None) is self:
            _held.depth = getattr(_held, "depth", 0) + 1
            try:
                yield
            finally:
                _held.depth -= 1
            return
        self._slots.acquire()
        _held.gate, _held.depth = self, 1
        try:
            yield
        finally:
            _held.gate, _held.depth = None, 0
            self._slots.release()

    def wrap(self, wsgi_app: Callable[..., Any]) -> Callable[..., Any]:
        """The WSGI app with the gate held while it makes each answer (not while the server sends it)."""
        if self._slots is None:
            return wsgi_app

        def gated_app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
            with self.computing():
                return wsgi_app(environ, start_response)

        return gated_app


@contextlib.contextmanager
def waiting() -> Iterator[None]:
    """Around a wait for another thread or process: this thread's place at the gate (if it holds one) is
    given up for the wait and taken again after it."""
    gate: Gate | None = getattr(_held, "gate", None)
    if gate is None or gate._slots is None:
        yield
        return
    depth = _held.depth
    _held.gate, _held.depth = None, 0
    gate._slots.release()
    try:
        yield
    finally:
        gate._slots.acquire()
        _held.gate, _held.depth = gate, depth


def acquire(lock: threading.Lock) -> None:
    """Take `lock`; if another thread holds it, wait for it outside the gate."""
    if not lock.acquire(blocking=False):
        with waiting():
            lock.acquire()


def gated(gate: Gate, chunks: Iterable[T]) -> Iterator[T]:
    """The chunks of a streamed answer, each computed under `gate` and handed on outside it (the server
    sends it to the client, which may be slow to read)."""
    it = iter(chunks)
    while True:
        with gate.computing():
            try:
                chunk = next(it)
            except StopIteration:
                return
        yield chunk


def holds() -> bool:
    """Whether this thread holds a place at a gate now (for tests)."""
    return getattr(_held, "gate", None) is not None
