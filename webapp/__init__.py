"""The unkg web app: a SPARQL endpoint, an explorer, and pages for actors, resolutions, rights and search.

`create_app(config)` builds the Flask app over a store; `serve(store, host, port)` runs it on gunicorn's worker
processes (waitress where the system cannot fork: webapp/serving.py).
Config keys (all optional):
    STORE           store location: a folder (embedded pyoxigraph) or an http(s) SPARQL endpoint
    QUERY_TIMEOUT   seconds a /sparql query may run before it is stopped (default 30)
    RESULT_LIMIT    most rows / triples a /sparql query may return (default 10000)
    ALLOW_UPDATE    accept SPARQL Update and LOAD on /sparql (default False: read-only)
    ALLOW_SERVICE   accept SERVICE (federated queries) (default False)
    QUERY_WORKERS   worker processes for /sparql queries (default 2)
    QUERY_MEMORY    bytes one /sparql query may take in its worker (default unkg.config.query_memory(): 1 GiB, or
                    $UNKG_QUERY_MEMORY; 0 = no limit; docs/limits.md)
    BASE_IRI        base of data IRIs served at their own path (default unkg.config.base_iri())
    PAGE_LIMIT      most provisions gathered for one actor page (default 50000)
    EXAMPLE_QUERIES a folder of extra example queries (*.rq, first comment line = the question) for /explore
    PAGE_CACHE      a folder where the pages' answers are kept per store version, shared by the server's
                    processes (default None: in this process's memory only; webapp/cache.py)
    COMPUTE_THREADS threads of a process that make answers at once, however many serve requests (default 1;
                    0 = no limit; webapp/gate.py)
"""
from __future__ import annotations

import threading
from typing import Any

from flask import Flask

from unkg.config import base_iri, default_store, page_cache, query_memory
from unkg.store import Store, open_store
from unkg.webapp import (
    errors,
    explore,
    lineage,
    mandates,
    pages,
    resources,
    safety,
    search,
    service,
    sparql,
    states,
    vocab,
)
from unkg.webapp.cache import PageCache
from unkg.webapp.gate import gate_views
from unkg.webapp.links import anchors_html
from unkg.webapp.listing import facet_items
from unkg.webapp.serving import run as run_server
from unkg.webapp.serving import warm_now
from unkg.webapp.state import AppState

DEFAULTS: dict[str, Any] = {
    "STORE": None,
    "QUERY_TIMEOUT": 30.0,
    "RESULT_LIMIT": 10000,
    "ALLOW_UPDATE": False,
    "ALLOW_SERVICE": False,
    "QUERY_WORKERS": 2,
    "QUERY_MEMORY": None,
    "BASE_IRI": None,
    "PAGE_LIMIT": 50000,
    "EXAMPLE_QUERIES": None,
    "PAGE_CACHE": None,
    "COMPUTE_THREADS": 1,
}


def create_app(config: dict[str, Any] | None = None, store: Store | None = None) -> Flask:
    """The Flask app over the store named by config STORE (or an open `store`)."""
    app = Flask(__name__)
    cfg = {**DEFAULTS, **(config or {})}
    cfg["STORE"] = cfg["STORE"] or (store.location if store is not None else default_store())
    cfg["BASE_IRI"] = cfg["BASE_IRI"] or base_iri()
    if cfg["QUERY_MEMORY"] is None:
        cfg["QUERY_MEMORY"] = query_memory()
    app.config.update(cfg)
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    if store is None:
        store = open_store(cfg["STORE"], read_only=not cfg["ALLOW_UPDATE"])
    app.extensions["unkg"] = state = AppState(store, cfg)
    app.before_request(state.pick_up_writes)

    errors.register(app)
    safety.register(app)
    app.register_blueprint(sparql.bp)
    app.register_blueprint(explore.bp)
    app.register_blueprint(pages.bp)
    app.register_blueprint(search.bp)
    app.register_blueprint(states.bp)
    app.register_blueprint(resources.bp)
    app.register_blueprint(service.bp)
    app.register_blueprint(vocab.bp)
    app.register_blueprint(lineage.bp)
    app.register_blueprint(mandates.bp)
    app.add_template_global(facet_items)
    app.add_template_global(anchors_html)
    gate_views(app, state.gate)  # webapp/gate.py: few threads compute at once
    return app


def serve(store: str | Store | None = None, host: str = "127.0.0.1", port: int = 8080, *,
          workers: int | None = None, threads: int = 8, compute: int | None = None,
          config: dict[str, Any] | None = None, options: dict[str, Any] | None = None) -> None:
    """Run the app until interrupted: on gunicorn with `workers` processes (default: one per core, at most
    four) of `threads` threads where the system can fork, else on waitress (webapp/serving.py); at most
    `compute` threads of a process make answers at once (config COMPUTE_THREADS, default 1; webapp/gate.py).
    The pages' answers are kept in config PAGE_CACHE, by default a folder for this store
    (unkg.config.page_cache)."""
    cfg = dict(config or {})
    if compute is not None:
        cfg["COMPUTE_THREADS"] = compute
    if isinstance(store, str) or store is None:
        cfg.setdefault("STORE", store)
        app = create_app(cfg if cfg.get("STORE") else {**cfg, "STORE": default_store()})
    else:
        app = create_app(cfg, store=store)
    if "PAGE_CACHE" not in cfg:
        app.extensions["unkg"].pages = PageCache(page_cache(app.config["STORE"]))
    run_server(app, host, port, workers=workers, threads=threads, options=options)


def warm(app: Flask) -> threading.Thread:
    """Build the pages' shared results and the agreed-language index in the background, so that the first
    visitors do not wait for them (on a large store they take seconds); a request that needs one meanwhile
    waits for the same build. (`unkg serve` on gunicorn builds them before it forks its workers.)"""
    t = threading.Thread(target=warm_now, args=(app,), kwargs={"pages_too": False}, daemon=True,
                         name="unkg-warm")
    t.start()
    return t
