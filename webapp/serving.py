"""`unkg serve`: the app on several worker processes (gunicorn's pre-fork model) where the system has fork,
else on waitress's threads in one process (Windows).

With gunicorn, the parent process opens the store, builds what the pages share (webapp/cache.py's results:
vocabularies, provision table, addressee pairs, resolutions, State data, the search index) and the answers of
the broadest pages, then closes its store handle and forks the workers: they share those tables copy-on-write
instead of building their own, each opens its own read-only handle, and its own SPARQL query workers
(webapp/workers.py; the QUERY_WORKERS of the settings are divided between them). Answers computed by one
worker are found by the others in the page cache's folder. docs/serving.md gives the memory this takes.
"""
from __future__ import annotations

import ctypes
import gc
import logging
import os
import signal
import sys
import threading
import time
from typing import Any

from flask import Flask

from unkg.webapp import lineage, mandates, pages, search, states
from unkg.webapp.prerender import prerender, render_in_background

BROAD_PAGES = 12  # actors (by provisions with their narrower ones), rights and groups answered at warm-up


def can_fork() -> bool:
    return sys.platform != "win32" and hasattr(os, "fork")


def default_workers() -> int:
    """One worker process per core, at most four (each holds its own copy of what it changes)."""
    return max(1, min(4, os.cpu_count() or 1))


def warm_now(app: Flask, *, pages_too: bool = True) -> float:
    """Build the shared results, then (`pages_too`) the answers of the broadest pages; seconds taken."""
    t0 = time.perf_counter()
    with app.app_context():
        pages.warm()
        states.warm()
        search.get_index()
        mandates.warm()
        lineage.warm()
    if pages_too:
        warm_pages(app)
    return time.perf_counter() - t0


def broad_pages(app: Flask) -> list[str]:
    """The pages whose first view costs most: the lists, and the actors, rights and groups with the most
    provisions (the broadest actor, States, first)."""
    paths = ["/resolutions", "/actors", "/rights", "/groups", "/states", "/mandates", "/mandates/calendar"]
    client = app.test_client()
    for listing, key in (("/actors.json", "with_narrower"), ("/rights.json", "provisions"), ("/groups.json", "provisions")):
        resp = client.get(listing)
        if resp.status_code == 200:
            rows = sorted(resp.get_json()["rows"], key=lambda r: -r.get(key, 0))
            paths += [r["link"] for r in rows[:BROAD_PAGES] if r.get("link")]
    return paths


def warm_pages(app: Flask) -> None:
    """Answer the broadest pages once as HTML and as JSON, into the page cache; the broadest last, so that
    their rows are the most recently used when a reader filters them. Then every State's page (HTML, JSON,
    CSV): their answers stay in the page cache and the data they were made of is let go, since a page
    without parameters is all a State has (a worker makes the data again for a State only if its cached
    answer is gone)."""
    client = app.test_client()
    for path in reversed(broad_pages(app)):
        for accept in ("text/html", "application/json"):
            client.get(path, headers={"Accept": accept})
    if app.extensions["unkg"].pages.folder is None:
        return
    with app.app_context():
        links = [d["link"] for d in states.directory()["states"].values()]
    for link in links:
        for path in (link, link + ".json", link + ".csv"):
            client.get(path, headers={"Accept": "text/html"})
    app.extensions["unkg"].forget("states:page:")


def run(app: Flask, host: str, port: int, *, workers: int | None = None, threads: int = 8,
          options: dict[str, Any] | None = None) -> None:
    """Serve `app` until stopped: gunicorn with `workers` processes of `threads` threads each where the
    system can fork, else waitress with 16 threads. `options` are extra gunicorn settings (e.g. accesslog)."""
    st = app.extensions["unkg"]
    if not app.config["ALLOW_UPDATE"]:  # an ingest beside the server: its pages again (not after every update)
        st.on_change.append(lambda: render_in_background(app))
    if not can_fork() or app.config["ALLOW_UPDATE"]:  # a writable store is opened by one process only
        from waitress import serve as waitress_serve  # here: only the server this system runs is loaded

        threading.Thread(target=_warm_and_prerender, args=(app, 1), daemon=True, name="unkg-warm").start()
        waitress_serve(app, host=host, port=port, threads=16, ident="unkg")
        return
    workers = workers or default_workers()
    _malloc(arenas=2)
    _warm_and_prerender(app, workers)
    st.before_fork(workers)
    gc.collect()
    _malloc(trim=True)
    gc.freeze()  # what the parent built stays in pages that the workers' garbage collector never writes
    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    timeout = int(max(60, 2 * app.config["QUERY_TIMEOUT"]))
    settings = {"bind": bind, "workers": workers, "worker_class": "gthread", "threads": threads,
                "preload_app": True, "timeout": timeout, "graceful_timeout": 10, "keepalive": 5,
                "pre_fork": lambda server, worker: _hold_stops(), "post_fork": lambda server, worker: st.after_fork(),
                "post_worker_init": lambda worker: _release_stops(),
                "worker_exit": lambda server, worker: _worker_exit(st), **(options or {})}
    _release_stops_after_each_fork()
    _run_gunicorn(app, settings)


STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGQUIT)
_releasing: list[bool] = []  # in the parent: whether `_release_stops` runs after each fork


def _hold_stops() -> None:
    """gunicorn's `pre_fork`, in the parent: the stop signals blocked across the fork, so that a new worker
    is born with them blocked until gunicorn has installed its handlers. A stop sent to it meanwhile waits:
    it would otherwise reach the handlers the fork copied from the parent (and be lost: the worker would
    serve on until gunicorn kills it after `graceful_timeout`, without its exit), or the default action
    gunicorn sets for a moment before its own (an end without its exit)."""
    signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)


def _release_stops() -> None:
    """In the parent, right after each fork; in a worker, as gunicorn's `post_worker_init`, its handlers
    installed: a stop that came while it booted is delivered now and ends it before it serves, as gunicorn
    ends a worker on the same signal later."""
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)


def _release_stops_after_each_fork() -> None:
    """gunicorn has no hook in the parent after a fork: Python's own, registered once per process."""
    if not _releasing:
        os.register_at_fork(after_in_parent=_release_stops)
        _releasing.append(True)


def _worker_exit(st: Any) -> None:
    """The end of a worker process (gunicorn calls this in the worker, as its `sys.exit` unwinds): close the
    store, flush, and leave without the C++ exit handlers the fork inherited. RocksDB's environment was started
    in the parent, and its handler joins the parent's background threads, which the child never had: a
    segmentation fault at every worker's exit. Leaves with the status gunicorn's `sys.exit` carries."""
    st.close()
    status = getattr(sys.exc_info()[1], "code", None)
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status if isinstance(status, int) else 0 if status is None else 1)


def _warm_and_prerender(app: Flask, processes: int) -> None:
    """The warm-up, then every resolution page rendered into the page cache (webapp/prerender.py)."""
    warm_now(app)
    done = prerender(app, processes)
    if done is not None:
        print(f"unkg serve: {done.line()}", file=sys.stderr, flush=True)


def _malloc(*, arenas: int = 0, trim: bool = False) -> None:
    """glibc's allocator: at most `arenas` arenas (one per thread by default, each keeping its free memory),
    and `trim`: give the memory freed by the warm-up back to the system before the workers are forked, so
    that it is not counted in every process. Nothing where the C library is not glibc."""
    try:
        libc = ctypes.CDLL("libc.so.6")
        if arenas:
            libc.mallopt(-8, arenas)  # M_ARENA_MAX
        if trim:
            libc.malloc_trim(0)
    except (OSError, AttributeError):
        pass


def _run_gunicorn(app: Flask, settings: dict[str, Any]) -> None:
    from gunicorn.app.base import BaseApplication  # here: gunicorn is not installed where there is no fork

    class Server(BaseApplication):  # type: ignore[misc]
        """gunicorn over an app already built and warmed in this process."""

        def load_config(self) -> None:
            if "control_socket_disable" in self.cfg.settings:  # gunicorn >= 24: no socket in the home folder
                self.cfg.set("control_socket_disable", True)
            for k, v in settings.items():
                self.cfg.set(k, v)

        def load(self) -> Flask:
            return app

    Server().run()
