"""What the web app's views share, in one module they all import: the store, the settings and the caches
(`AppState`, made once by `create_app`), and the vocabularies' labels and hierarchy built from the store."""
from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any, Callable

from flask import current_app

from unkg.store import Store, open_store
from unkg.webapp.cache import PageCache, store_snapshot
from unkg.webapp.concepts import Concepts, load
from unkg.webapp.gate import Gate, holding, waiting
from unkg.webapp.workers import Job, QueryPool, execute, run_with_deadline


class AppState:
    """What the views share: the store, the query runner and caches keyed by the store's state."""

    def __init__(self, store: Store, config: dict[str, Any]):
        self.store = store
        self.config = config
        self.generation = 0  # bumped by updates; caches compare it
        self._store_version = store.version
        self._lock = threading.Lock()
        self.cache: dict[str, Any] = {}
        self.pages = PageCache(config.get("PAGE_CACHE"))  # whole answers, webapp/cache.py
        self.gate = Gate(config.get("COMPUTE_THREADS") or 0)  # threads that compute at once, webapp/gate.py
        # Updates need a writable store, and RocksDB allows no reader process beside a writer:
        # with updates allowed, queries run in this process on a thread with the store's own deadline.
        self.pool = self._pool(config["QUERY_WORKERS"])
        self.on_change: list[Callable[[], None]] = []  # called once the caches of a changed store are dropped

    def _pool(self, size: int) -> QueryPool | None:
        return None if self.config["ALLOW_UPDATE"] else QueryPool(
            self.store.location, size, self.config["QUERY_TIMEOUT"], self.config["QUERY_MEMORY"])

    def before_fork(self, workers: int) -> None:
        """In the parent of the server's worker processes (webapp/serving.py), once the shared results are
        built: close this process's store handle (a RocksDB handle does not survive a fork; each worker
        opens its own) and divide the SPARQL query workers between the processes."""
        self._built_on = store_snapshot(self.store)
        if self.pool is not None:
            self.pool.close()
            self.pool = self._pool(max(1, self.config["QUERY_WORKERS"] // workers))
        self.store.close()

    def after_fork(self) -> None:
        """In a worker process: open its own read-only handle; what the parent built stays valid unless the
        store changed in between."""
        self.store = open_store(self.config["STORE"], read_only=True)
        self._store_version = self.store.version
        if store_snapshot(self.store) != getattr(self, "_built_on", None):
            self.changed()

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()
        self.store.close()

    def run_query(self, job: Job) -> bytes:
        """A /sparql query's answer, waited for outside the gate: it runs in a query worker process (or, with
        updates allowed, a thread of its own), so a slow query holds this thread but no page's turn."""
        with waiting():
            if self.pool is not None:
                return self.pool.run(job)
            return run_with_deadline(lambda: execute(self.store, job), self.config["QUERY_TIMEOUT"])

    def recent(self, key: str, build: Any, size: int = 32) -> Any:
        """Like `cached`, but keeps only the `size` most recently used keys of its kind (the key's prefix up to
        the first colon: actor rows, listing results ... each kind its own, so that many of one kind do not push
        out the other)."""
        pool = "_lru:" + key.split(":", 1)[0]
        with self._lock:
            lru = self.cache.setdefault(pool, OrderedDict())
            if key in lru:
                lru.move_to_end(key)
                return lru[key]
        value = build()  # built outside the lock: two requests may build the same key once each
        with self._lock:
            lru = self.cache.setdefault(pool, OrderedDict())
            lru[key] = value
            while len(lru) > size:
                lru.popitem(last=False)
        return value

    def pick_up_writes(self) -> None:
        """Before each request: if the store reopened on what another process wrote (`unkg ingest` beside a
        running server), every cached answer is out of date."""
        self.store.refresh()
        if self.store.version != self._store_version:
            self._store_version = self.store.version
            self.changed()

    def changed(self) -> None:
        with self._lock:
            self.generation += 1
            self.cache.clear()
        self.pages.clear()
        for hook in self.on_change:
            hook()

    def forget(self, prefix: str) -> None:
        """Drop the values whose key starts with `prefix` (built again when asked for)."""
        with self._lock:
            for key in [k for k in self.cache if k.startswith(prefix)]:
                del self.cache[key]

    def cached(self, key: str, build: Any) -> Any:
        """One value per key and store state, built once even when many requests ask at the same time."""
        with self._lock:
            entry = self.cache.get(key)
            if entry is None:
                entry = self.cache[key] = {"lock": threading.Lock(), "value": None, "done": False}
        with holding(entry["lock"]):  # another thread building it is waited for outside the gate
            if not entry["done"]:
                entry["value"] = build()
                entry["done"] = True
        return entry["value"]


def state() -> AppState:
    """The app's shared state (inside a request or an app context)."""
    return current_app.extensions["unkg"]


def concepts() -> Concepts:
    """Labels and hierarchy of the vocabularies, built once per store state."""
    s = state()
    return s.cached("concepts", lambda: load(s.store))
