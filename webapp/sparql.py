"""/sparql: the SPARQL 1.1 Protocol over the store, read-only unless configured otherwise.

GET ?query=, POST form (query= / update=), POST direct (application/sparql-query, application/sparql-update,
in UTF-8). default-graph-uri and named-graph-uri (each any number of times) name the query's dataset among the
store's graphs, replacing its FROM / FROM NAMED; relative IRIs resolve against the base of the data IRIs.
Results by Accept or `format=`; CONSTRUCT / DESCRIBE also as RDF/XML; CORS for browsers. Without a query,
GET answers the SPARQL Service Description (webapp/service.py). Refusals (update, LOAD, SERVICE, two
queries, another charset, oversized or slow queries) are 4xx/503 JSON errors with a message a person can act on.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from flask import Blueprint, Response, current_app, request

from unkg.errors import QueryError
from unkg.querykind import check_nesting, classify, read_only
from unkg.store import Dataset
from unkg.webapp.errors import ApiError
from unkg.webapp.service import service_description
from unkg.webapp.state import state as app_state
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


@dataclass
class Operation:
    """What one protocol request asks: a query or an update, and the dataset it names (if any)."""

    query: str | None
    update: str | None
    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)
    using: bool = False  # using-graph-uri / using-named-graph-uri (an update's dataset)


def _one(values: list[str], name: str) -> str | None:
    if len(values) > 1:
        raise ApiError(f"{len(values)} {name}= parameters: send one {name} per request", 400)
    return values[0] if values else None


def _charset_ok() -> None:
    """The protocol carries query and update text in UTF-8; any other charset is refused in so many words
    (decoding UTF-16 as UTF-8 would give a parse error that points nowhere near the problem)."""
    charset = (request.mimetype_params.get("charset") or "utf-8").strip().lower()
    if charset.replace("-", "").replace("_", "") not in ("utf8", "usascii", "ascii"):
        raise ApiError(f"unsupported charset {request.mimetype_params.get('charset')!r}: the SPARQL protocol "
                       "sends queries and updates in UTF-8 (charset=UTF-8)", 415)


def _read_request() -> Operation:
    """The operation, from any of the protocol's three ways of sending it (GET; POST form; POST direct).
    Dataset parameters come from the query string, and from a form body too."""
    args = request.args
    if request.method in ("GET", "HEAD"):
        if "update" in args:
            raise ApiError("an update cannot be sent with GET: POST it as update= or application/sparql-update", 400)
        op = Operation(_one(args.getlist("query"), "query"), None)
        form = None
    else:
        ctype = (request.mimetype or "").lower()
        form = None
        if ctype == "application/sparql-query":
            _charset_ok()
            op = Operation(_utf8(request.get_data()), None)
        elif ctype == "application/sparql-update":
            _charset_ok()
            op = Operation(None, _utf8(request.get_data()))
        elif ctype in ("application/x-www-form-urlencoded", "multipart/form-data"):
            form = request.form
            op = Operation(_one(form.getlist("query"), "query"), _one(form.getlist("update"), "update"))
        else:
            raise ApiError(
                f"unsupported request content type {ctype or '(none)'!r}: send a form (query= or update=), "
                "application/sparql-query or application/sparql-update", 415)
    for source in (args, form):
        if source is None:
            continue
        op.default_graphs += source.getlist("default-graph-uri")
        op.named_graphs += source.getlist("named-graph-uri")
        op.using = op.using or "using-graph-uri" in source or "using-named-graph-uri" in source
    if op.query is not None and op.update is not None:
        raise ApiError("both query= and update= given: send one operation per request", 400)
    return op


def _utf8(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise ApiError("the request body is not UTF-8, which the SPARQL protocol requires", 415) from None


@bp.route("/sparql", methods=["GET", "POST", "HEAD"])
def endpoint() -> Response:
    op = _read_request()
    state = app_state()
    cfg = current_app.config
    query = op.query
    if query is None and op.update is None:
        return service_description()
    if op.update is not None:
        return _update(op)
    if op.using:
        raise ApiError("using-graph-uri and using-named-graph-uri name an update's dataset; for a query, "
                       "use default-graph-uri and named-graph-uri", 400)
    kind = read_only(query, allow_service=cfg["ALLOW_SERVICE"], update_advice=(
        "send updates as update= or application/sparql-update (and only to a server started with updates allowed)"))
    fmt = _result_format(kind.is_graph)
    dataset = Dataset(op.default_graphs, op.named_graphs) if op.default_graphs or op.named_graphs else None
    body = state.run_query(Job(query, fmt, kind.is_graph, cfg["RESULT_LIMIT"], dataset, cfg["BASE_IRI"]))
    media = (GRAPH_MEDIA if kind.is_graph else TABLE_MEDIA)[fmt]
    resp = Response(body, mimetype=media)
    if media.startswith("text/") or media.endswith("json"):
        resp.headers["Content-Type"] = f"{media}; charset=utf-8"
    resp.headers["Vary"] = "Accept"
    return resp


def _update(op: Operation) -> Response:
    cfg = current_app.config
    text = op.update or ""
    if not cfg["ALLOW_UPDATE"]:
        what = "LOAD" if classify(text).uses_load else "SPARQL Update"
        raise ApiError(f"{what} is disabled: this endpoint is read-only", 403)
    check_nesting(text)
    kind = classify(text)
    if kind.uses_service and not cfg["ALLOW_SERVICE"]:
        raise ApiError("SERVICE (federated query) is disabled on this endpoint", 403)
    if not kind.is_update:
        raise QueryError("not a SPARQL Update: send queries as query=", 400)
    if op.default_graphs or op.named_graphs or op.using:
        raise ApiError("dataset parameters with an update are not supported here: name the graphs in the "
                       "update (WITH, USING, GRAPH)", 400)
    state = app_state()
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
