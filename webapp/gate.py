"""A gate on the computing a worker process does: many threads to wait, few to compute at once.

A page is Python work under one interpreter lock per process. When eight threads of a process compute eight
pages at once they share that lock in turns of the switch interval, and each page takes about eight times its
own CPU; when at most one computes and the others queue, each page is done in about its own time and the
queue is served in order. But a thread also waits: for a /sparql query in the SPARQL worker processes (for
as long as the query's time limit), for another thread that computes the answer it wants (the page cache
computes an answer once, `webapp/cache.py`; a result of `AppState.cached` likewise), for a client to take a
streamed export. A server with few threads would spend them waiting.

So the server keeps its threads (`unkg serve --threads`) and the app lets at most `size` of them compute at a
time (`COMPUTE_THREADS`, `unkg serve --compute`): `gate_views` takes the gate around every view but those of
`@cached_page`, which takes it to compute an answer it does not have, and to read a kept answer only when
other threads wait for the gate (`in_turn`); `gated` takes it around each chunk a streamed answer computes,
not while the chunk is sent. The gate is first come, first served: a place given up is handed to the
thread that has waited longest.

Why a kept answer waits its turn when others wait: while no thread waits, reading it at once costs the page
being computed little; but when the process has more work than it can do at once, readers of kept answers
that pass the queue are answered quickly, ask again, pass again, and the whole wait falls on the pages being
computed (with a fixed number of clients, the time they wait in all is set by how fast the process works,
not by who goes first). In turn, every request waits about the same.
Every place where a thread waits for something other than its own computation goes through `waiting()`,
which gives the thread's place at the gate up for the wait and takes it again after.

Why this cannot deadlock: a thread that holds the gate never waits for another thread (every such wait is
inside `waiting()`), so each holder runs to the end of its computation or to a wait, and gives the gate up
either way; a thread that waits for the gate holds nothing another gate holder waits for without having given
up its own place. The gate is taken again after a wait, never before it; nested computations (a view asked
from within a view of the same thread) do not take it twice.
"""
from __future__ import annotations

import contextlib
import functools
import threading
from collections import deque
from typing import Any, Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")

_held = threading.local()  # .gate: the Gate this thread holds a place at, .depth: how many times it entered


class Gate:
    """At most `size` threads of this process between `take` and `give` (0: no limit), first come first
    served."""

    def __init__(self, size: int):
        self.size = max(0, int(size))
        self._lock = threading.Lock()
        self._free = self.size
        self._queue: deque[threading.Lock] = deque()  # one locked lock per waiting thread, oldest first

    def take(self) -> None:
        with self._lock:
            if self._free and not self._queue:
                self._free -= 1
                return
            turn = threading.Lock()
            turn.acquire()
            self._queue.append(turn)
        turn.acquire()  # released by `give` when this thread's turn comes: the place is handed over

    def give(self) -> None:
        with self._lock:
            if self._queue:
                self._queue.popleft().release()
            else:
                self._free += 1

    @contextlib.contextmanager
    def in_turn(self) -> Iterator[None]:
        """Around reading a kept answer: at once while no thread waits for the gate, else in turn behind
        those that wait (held as `computing` holds it)."""
        if self.size and self._queue:  # threads wait for their turn now
            with self.computing():
                yield
        else:
            yield

    @contextlib.contextmanager
    def computing(self) -> Iterator[None]:
        """Held while this thread computes; a thread already inside (a nested computation) passes through."""
        if not self.size or getattr(_held, "gate", None) is self:
            _held.depth = getattr(_held, "depth", 0) + 1
            try:
                yield
            finally:
                _held.depth -= 1
            return
        self.take()
        _held.gate, _held.depth = self, 1
        try:
            yield
        finally:
            _held.gate, _held.depth = None, 0
            self.give()

    def around(self, view: Callable[..., T]) -> Callable[..., T]:
        """`view` computed under the gate."""
        @functools.wraps(view)
        def gated_view(*args: Any, **kwargs: Any) -> T:
            with self.computing():
                return view(*args, **kwargs)

        return gated_view


def gate_views(app: Any, gate: Gate) -> None:
    """Every view of `app` registered so far computed under `gate`, but the static files and the views of
    `@cached_page` (marked `gates_itself`: they take the gate only to compute an answer they do not keep)."""
    if not gate.size:
        return
    for endpoint, view in list(app.view_functions.items()):
        if endpoint != "static" and not getattr(view, "gates_itself", False):
            app.view_functions[endpoint] = gate.around(view)


@contextlib.contextmanager
def waiting() -> Iterator[None]:
    """Around a wait for another thread or process: this thread's place at the gate (if it holds one) is
    given up for the wait and taken again after it."""
    gate: Gate | None = getattr(_held, "gate", None)
    if gate is None:
        yield
        return
    depth = _held.depth
    _held.gate, _held.depth = None, 0
    gate.give()
    try:
        yield
    finally:
        gate.take()
        _held.gate, _held.depth = gate, depth


@contextlib.contextmanager
def holding(lock: threading.Lock) -> Iterator[None]:
    """`with lock:`, but if another thread holds it, wait for it outside the gate."""
    if not lock.acquire(blocking=False):
        with waiting():
            lock.acquire()
    try:
        yield
    finally:
        lock.release()


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
