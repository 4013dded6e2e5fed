"""One error shape everywhere: `{"ok": false, "error": message, "status": code}` as JSON, or the same dict
rendered as an HTML page when a browser asked for HTML. User mistakes never show a traceback."""
from __future__ import annotations

import logging

from flask import Flask, Response, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from unkg.errors import QueryError, StoreError, UnkgError

log = logging.getLogger(__name__)


class ApiError(UnkgError):
    """A request the app refuses, with its HTTP status."""

    def __init__(self, message: str, status: int = 400):
        self.status = status
        super().__init__(message)


def error_body(message: str, status: int) -> dict[str, object]:
    return {"ok": False, "error": message, "status": status}


def wants_html() -> bool:
    """A browser navigating (Accept prefers text/html) gets an HTML error page; everything else JSON."""
    best = request.accept_mimetypes.best_match(["application/json", "text/html"], default="application/json")
    path = request.path
    return best == "text/html" and not path.startswith("/sparql") and not path.endswith((".json", ".csv", ".ttl", ".jsonld", ".nt", ".rdf"))


def error_response(message: str, status: int) -> Response:
    body = error_body(message, status)
    if wants_html():
        resp = Response(render_template("error.html", **body), status=status, mimetype="text/html")
    else:
        resp = jsonify(body)
        resp.status_code = status
    resp.headers["Access-Control-Allow-Origin"] = "*"
    return resp


def register(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def _http(e: HTTPException) -> Response:
        return error_response(e.description or e.name, e.code or 500)

    @app.errorhandler(UnkgError)
    def _unkg(e: UnkgError) -> Response:
        if isinstance(e, (ApiError, QueryError)):
            status = e.status
        elif isinstance(e, StoreError):
            status = 503
        else:
            status = 400
        return error_response(str(e), status)

    @app.errorhandler(Exception)
    def _bug(e: Exception) -> Response:
        log.exception("unhandled error on %s", request.path)
        return error_response(f"internal error: {type(e).__name__}", 500)
