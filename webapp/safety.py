"""What every request and answer passes through: a path with a control character (a newline, say) names
nothing here and is a 404 before any view reads it; and the headers every answer carries, so that a browser
gives the pages no more power than they need.

Content-Security-Policy: scripts, styles, images and connections from this server only (the explorer's
editor is served by the app itself), no plugins, no framing (also X-Frame-Options for older browsers);
X-Content-Type-Options stops a browser from running an answer as another type than it says it is.
CORS (Access-Control-Allow-Origin) is for what programs read: /sparql and the machine-readable twins
(RDF, JSON, CSV); an HTML page never carries it, whichever view made it.
"""
from __future__ import annotations

import re

from flask import Flask, Response, request

from unkg.webapp.errors import ApiError

# 'unsafe-inline' styles only: the editor (CodeMirror) and the explorer set element styles as they lay
# out text; no inline script runs anywhere.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")
_CORS = ("Access-Control-Allow-Origin", "Access-Control-Allow-Methods", "Access-Control-Allow-Headers",
         "Access-Control-Max-Age")


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def refuse_control_characters() -> None:
    if _CONTROL.search(request.path):
        raise ApiError(f"no page at {request.path!r}", 404)


def secure(resp: Response) -> Response:
    resp.headers["Content-Security-Policy"] = CSP
    resp.headers["X-Content-Type-Options"] = "nosniff"
    resp.headers["X-Frame-Options"] = "DENY"
    resp.headers["Referrer-Policy"] = "same-origin"
    # a page, not an empty answer (a CORS preflight, an update's 204) that only defaults to text/html
    if resp.mimetype == "text/html" and resp.status_code != 204 and request.method != "OPTIONS":
        for h in _CORS:
            resp.headers.pop(h, None)
    return resp


def register(app: Flask) -> None:
    app.before_request(refuse_control_characters)
    app.after_request(secure)
