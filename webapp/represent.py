"""Every page is one dict, shown as HTML or given as JSON / CSV / RDF: chosen by a suffix or by Accept.

A view builds its data once and calls `respond`; the HTML page and its machine-readable twins cannot drift
apart, and each response names its twins in a `Link: rel="alternate"` header.
"""
from __future__ import annotations

import csv
import io
import json
import urllib.parse
from typing import Any, Callable, Iterable, Sequence

import pyoxigraph as ox
from flask import Response, render_template, request

from unkg.webapp.errors import ApiError

MEDIA = {
    "html": "text/html",
    "json": "application/json",
    "csv": "text/csv",
    "ttl": "text/turtle",
    "jsonld": "application/ld+json",
    "nt": "application/n-triples",
    "rdf": "application/rdf+xml",
}
RDF_FORMATS = {"ttl": "turtle", "jsonld": "json-ld", "nt": "nt", "rdf": "xml"}
RDF_OFFER = ("ttl", "jsonld", "nt", "rdf")  # every RDF answer is offered in all four


def serialize(graph: Any, fmt: str) -> bytes:
    """An rdflib Graph as the RDF format `fmt` (a RDF_FORMATS key). RDF/XML is written by Oxigraph, which
    can write any predicate; rdflib refuses one whose IRI does not split into a namespace and a name."""
    if fmt == "rdf":
        nt = graph.serialize(format="nt", encoding="utf-8")
        return ox.serialize(ox.parse(nt, format=ox.RdfFormat.N_TRIPLES), format=ox.RdfFormat.RDF_XML)
    return graph.serialize(format=RDF_FORMATS[fmt], encoding="utf-8")


def split_suffix(name: str, offered: Iterable[str], *, html: bool = False) -> tuple[str, str | None]:
    """'business-enterprises.csv' -> ('business-enterprises', 'csv') when csv is offered (and '.html' too
    when `html`: the HTML document of a thing whose own IRI answers 303)."""
    for fmt in offered:
        if (fmt != "html" or html) and name.endswith("." + fmt):
            return name[: -len(fmt) - 1], fmt
    return name, None


def choose(suffix: str | None, offered: Sequence[str]) -> str:
    """The format to answer in: the suffix if any, else the best of Accept (HTML when Accept says nothing)."""
    if suffix:
        if suffix not in offered:
            raise ApiError(f"no .{suffix} version of this page; try {', '.join(offered)}", 404)
        return suffix
    if "format" in request.args and request.args["format"] in offered:
        return request.args["format"]
    accept = request.accept_mimetypes
    if not accept or accept.provided is False or str(accept) in ("", "*/*"):
        return offered[0]
    best = accept.best_match([MEDIA[f] for f in offered], default=MEDIA[offered[0]])
    return next(f for f in offered if MEDIA[f] == best)


def see_other(path: str, offered: Sequence[str]) -> Response:
    """303 See Other from the IRI of a thing (a resolution, a paragraph, a concept) to the document that
    describes it in the format Accept asks for: `path.ttl`, `path.html` ... (docs/publishing.md says why)."""
    fmt = choose(None, offered)
    path = urllib.parse.quote(path, safe="/%:@!$&'()*+,;=-._~")  # headers are ASCII: Location, Link
    target = f"{path}.{fmt}"
    if request.query_string:
        target += "?" + request.query_string.decode("latin-1")
    resp = Response(f"See {target}\n", status=303, mimetype="text/plain")
    resp.headers["Location"] = target
    resp.headers["Vary"] = "Accept"
    if fmt != "html":  # a script may follow the redirect to RDF or JSON from another origin, not to a page
        resp.headers["Access-Control-Allow-Origin"] = "*"
    resp.headers["Link"] = ", ".join(f'<{path}.{f}>; rel="alternate"; type="{MEDIA[f]}"' for f in offered)
    return resp


def link_header(base_path: str, offered: Sequence[str], current: str) -> str:
    links = []
    base_path = urllib.parse.quote(base_path, safe="/%:@!$&'()*+,;=-._~")  # a header is ASCII
    for fmt in offered:
        if fmt == current:
            continue
        target = base_path if fmt == "html" else f"{base_path}.{fmt}"
        if request.query_string:
            target += "?" + request.query_string.decode("latin-1")
        links.append(f'<{target}>; rel="alternate"; type="{MEDIA[fmt]}"')
    return ", ".join(links)


def csv_text(rows: list[dict[str, Any]], columns: Sequence[str]) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(columns)
    for r in rows:
        w.writerow(["; ".join(map(str, v)) if isinstance(v, (list, tuple)) else ("" if v is None else v) for v in (r.get(c) for c in columns)])
    return out.getvalue()


def respond(
    data: dict[str, Any],
    template: str,
    *,
    base_path: str,
    suffix: str | None = None,
    offered: Sequence[str] = ("html", "json"),
    csv_rows: tuple[list[dict[str, Any]], Sequence[str]] | None = None,
    graph: Callable[[], Any] | None = None,
    status: int = 200,
) -> Response:
    """Answer with `data` in the chosen format; `graph` lazily builds an rdflib Graph for RDF formats."""
    fmt = choose(suffix, offered)
    if fmt == "html":
        resp = Response(render_template(template, **data), status=status, mimetype="text/html")
    elif fmt == "json":
        resp = Response(json.dumps(data, ensure_ascii=False, default=str, separators=(",", ":")), status=status, mimetype="application/json")
    elif fmt == "csv":
        assert csv_rows is not None, "a view that offers CSV gives its rows"
        resp = Response(csv_text(*csv_rows), status=status, mimetype="text/csv")
    else:
        assert graph is not None, "a view that offers RDF gives its graph"
        resp = Response(serialize(graph(), fmt), status=status, mimetype=MEDIA[fmt])
    resp.headers["Link"] = link_header(base_path, offered, fmt)
    resp.headers["Vary"] = "Accept"
    resp.headers["Access-Control-Allow-Origin"] = "*"
    resp.offered = tuple(offered)  # type: ignore[attr-defined]  # the page cache keys by format (webapp/cache.py)
    return resp
