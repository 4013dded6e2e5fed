"""/sparql: the SPARQL 1.1 Protocol over the store, read-only unless configured otherwise.

GET ?query=, POST form (query= / update=), POST direct (application/sparql-query, application/sparql-update).
Results by Accept or `format=`; CORS for browsers. Refusals (update, LOAD, SERVICE, dataset parameters,
oversized or slow queries) are 4xx/503 JSON errors with a message a person can act on.
"""
from __future__ import annotations

from flask import Blueprint, Response, current_app, redirect, request, url_for

from unkg.errors import QueryError
from unkg.webapp.errors import ApiError
from unkg.querykind import classify
from unkg.webapp.workers import Job

bp = Blueprint("sparql", __name__)

TABLE_MEDIA = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
GRAPH_MEDIA = {
    "turtle": "text/turtle",
    "ntriples": "application/n-triples",
    "jsonld": "application/ld+json",
    "xml": "application/rdf+xml",
}
# format= values people and clients (SPARQLWrapper, YASGUI) send, and what they mean.
_FORMAT_ALIASES = {
    "json": "json", "application/sparql-results+json": "json", "application/json": "json",
    "xml": "xml", "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
    "rdf+xml": "xml", "application/rdf+xml": "xml", "rdfxml": "xml",
    "csv": "csv", "text/csv": "csv", "tsv": "tsv", "text/tab-separated-values": "tsv",
    "turtle": "turtle", "ttl": "turtle", "n3": "turtle", "text/turtle": "turtle", "application/x-turtle": "turtle",
    "ntriples": "ntriples", "nt": "ntriples", "n-triples": "ntriples", "application/n-triples": "ntriples",
    "jsonld": "jsonld", "json-ld": "jsonld", "application/ld+json": "jsonld",
}
_EXTRA_ACCEPT = {  # media types some clients accept instead of the canonical ones
    "json": ["application/json"], "xml": ["application/xml", "text/xml"], "turtle": ["application/x-turtle"],
    "ntriples": ["text/plain"], "jsonld": ["application/json"],
}


def _result_format(graph: bool) -> str:
    table = GRAPH_MEDIA if graph else TABLE_MEDIA
    asked = request.args.get("format") or (request.form.get("format") if request.method == "POST" else None)
    if asked:
        fmt = _FORMAT_ALIASES.get(asked.lower())
        if fmt is None or fmt not in table:
            kind = "graph (CONSTRUCT/DESCRIBE)" if graph else "table (SELECT/ASK)"
            raise ApiError(f"format {asked!r} is not available for a {kind} result; use {', '.join(table)}", 406)
        return fmt
    offers: list[tuple[str, str]] = []
    for fmt, media in table.items():
        offers.append((media, fmt))
    for fmt, extra in _EXTRA_ACCEPT.items():
        if fmt in table:
            offers += [(m, fmt) for m in extra]
    accept = request.accept_mimetypes
    if not accept or str(accept) in ("", "*/*"):
        return next(iter(table))
    best = accept.best_match([m for m, _ in offers])
    if best is None:
        if any(q > 0 and m in ("*/*", "text/*", "application/*") for m, q in accept):
            return next(iter(table))
        raise ApiError(f"none of the accepted media types ({accept}) is offered; use one of {', '.join(table.values())}", 406)
    return dict(offers)[best]


def _read_request() -> tuple[str | None, str | None]:
    """(query, update) texts from any of the protocol's three ways of sending them."""
    if request.method in ("GET", "HEAD"):
        return request.args.get("query"), request.args.get("update")
    ctype = (request.mimetype or "").lower()
    if ctype == "application/sparql-query":
        return request.get_data(as_text=True), None
    if ctype == "application/sparql-update":
        return None, request.get_data(as_text=True)
    if ctype in ("application/x-www-form-urlencoded", "multipart/form-data"):
        return request.form.get("query"), request.form.get("update")
    raise ApiError(
        f"unsupported request content type {ctype or '(none)'!r}: send a form (query= or update=), "
        "application/sparql-query or application/sparql-update", 415)


@bp.route("/sparql", methods=["GET", "POST", "HEAD"])
def endpoint() -> Response:
    query, update = _read_request()
    state = current_app.extensions["unkg"]
    cfg = current_app.config
    for p in ("default-graph-uri", "named-graph-uri", "using-graph-uri", "using-named-graph-uri"):
        if p in request.args or (request.method == "POST" and p in request.form):
            raise ApiError(f"the {p} parameter is not supported here: the default graph is the union of all "
                           "named graphs; use GRAPH or FROM in the query", 400)
    if query is None and update is None:
        if request.accept_mimetypes.best == "text/html":
            return redirect(url_for("explore.explore"))
        raise ApiError("no query: send query= (GET or POST form) or a POST body of type application/sparql-query", 400)
    if update is not None:
        return _update(update)
    if not query.strip():
        raise ApiError("the query is empty", 400)
    kind = classify(query)
    if kind.is_update or kind.form is None and kind.uses_load:
        raise ApiError("this is a SPARQL Update; send updates as update= or application/sparql-update "
                       "(and only to a server started with updates allowed)", 400)
    if kind.uses_service and not cfg["ALLOW_SERVICE"]:
        raise ApiError("SERVICE (federated query) is disabled on this endpoint", 403)
    if kind.form is None:
        raise ApiError("malformed SPARQL query: no SELECT, CONSTRUCT, DESCRIBE or ASK found", 400)
    fmt = _result_format(kind.is_graph)
    body = state.run_query(Job(query, fmt, kind.is_graph, cfg["RESULT_LIMIT"]))
    media = (GRAPH_MEDIA if kind.is_graph else TABLE_MEDIA)[fmt]
    resp = Response(body, mimetype=media)
    if media.startswith("text/") or media.endswith("json"):
        resp.headers["Content-Type"] = f"{media}; charset=utf-8"
    resp.headers["Vary"] = "Accept"
    return resp


def _update(text: str) -> Response:
    cfg = current_app.config
    if not cfg["ALLOW_UPDATE"]:
        what = "LOAD" if classify(text).uses_load else "SPARQL Update"
        raise ApiError(f"{what} is disabled: this endpoint is read-only", 403)
    kind = classify(text)
    if kind.uses_service and not cfg["ALLOW_SERVICE"]:
        raise ApiError("SERVICE (federated query) is disabled on this endpoint", 403)
    if not kind.is_update:
        raise QueryError("not a SPARQL Update: send queries as query=", 400)
    state = current_app.extensions["unkg"]
    state.store.update(text)
    state.changed()
    return Response(status=204)


@bp.after_request
def _cors(resp: Response) -> Response:
    resp.headers["Access-Control-Allow-Origin"] = "*"
    resp.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
    resp.headers["Access-Control-Allow-Headers"] = "Content-Type, Accept"
    resp.headers["Access-Control-Max-Age"] = "86400"
    return resp


@bp.route("/sparql", methods=["OPTIONS"])
def preflight() -> Response:
    return Response(status=204)
