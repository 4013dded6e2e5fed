"""Series and lineage pages (docs/lineage.md): `/compare?from=&to=` (a redline of any two stored
resolutions, obligation changes first) and `/series?symbol=` (the members of a resolution's series with
how much each changed), each with JSON and CSV twins. The pages read the lineage graphs and rebuild texts
from the store; they never parse documents."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, request

from unkg import iris
from unkg.lineage import stored
from unkg.lineage.diff import document
from unkg.lineage.graph import graph_name
from unkg.lineage.stored import PREFIXES
from unkg.lineage.update import lineage_of
from unkg.webapp.errors import ApiError
from unkg.webapp.links import local
from unkg.webapp.state import state
from unkg.webapp.represent import respond

bp = Blueprint("lineage", __name__)


def _symbol(name: str) -> str:
    value = (request.args.get(name) or "").strip()
    if not value:
        raise ApiError(f"give ?{name}= a resolution symbol, e.g. A/RES/78/216", 400)
    try:
        iris.Symbol.parse(value)
    except ValueError:
        raise ApiError(f"{name}={value!r} is not a UN document symbol", 400) from None
    return value


def _link(symbol: str | None) -> str | None:
    return local(iris.work(symbol)) if symbol else None


@bp.route("/compare")
@bp.route("/compare.<any(json,csv):fmt>")
def compare(fmt: str | None = None) -> Response:
    old_symbol, new_symbol = _symbol("from"), _symbol("to")
    store = state().store
    old, new = stored.load(store, old_symbol), stored.load(store, new_symbol)
    for sym, res in ((old_symbol, old), (new_symbol, new)):
        if res is None:
            raise ApiError(f"{sym} is not in the store", 404)
    doc = document(old, new)  # type: ignore[arg-type]
    for p in doc["paragraphs"]:
        p["label"] = _label(p)
    data = {"title": f"{new_symbol} against {old_symbol}", **doc,
            "obligations": [p for p in doc["provisions"] if p["changed"] and p["verb_from"] and p["verb_to"]],
            "from_link": _link(old_symbol), "to_link": _link(new_symbol)}
    rows = [{"status": p["status"], "kind": p["kind"], "from_number": p["from_number"], "to_number": p["to_number"],
             "from_index": p["from_index"], "to_index": p["to_index"], "similarity": p["similarity"],
             "deleted": " ".join(c["text"] for c in p["changes"] if c["op"] == "delete"),
             "inserted": " ".join(c["text"] for c in p["changes"] if c["op"] == "insert")} for p in doc["paragraphs"]]
    return respond(data, "compare.html", base_path="/compare", suffix=fmt, offered=("html", "json", "csv"),
                   csv_rows=(rows, list(rows[0]) if rows else ["status"]))


def _label(p: dict[str, Any]) -> str:
    def one(kind: str, number: str | None, index: int | None) -> str:
        return f"op {number}" if kind == "operative" and number else f"pp {index}"

    to = one(p["kind"], p["to_number"], p["to_index"]) if p["to_index"] is not None else None
    fr = one(p["kind"], p["from_number"], p["from_index"]) if p["from_index"] is not None else None
    if to and fr and to != fr:
        return f"{to} (was {fr})"
    return to or fr or ""


@bp.route("/series")
@bp.route("/series.<any(json,csv):fmt>")
def series(fmt: str | None = None) -> Response:
    symbol = _symbol("symbol")
    store = state().store
    here = lineage_of(store, symbol)
    if here is None:
        raise ApiError(f"{symbol}: no lineage in the store", 404)
    members = [*reversed(here["predecessors"]), symbol, *here["successors"]]
    rows = []
    for m in members:
        doc = lineage_of(store, m) or {}
        counts = _counts(store, m)
        rows.append({"symbol": m, "link": _link(m), "predecessor": doc.get("predecessor"), **counts,
                     "compare": f"/compare?from={doc['predecessor']}&to={m}" if doc.get("predecessor") else None})
    data = {"title": f"Series of {symbol}", "series": here["series"], "symbol": symbol, "rows": rows}
    return respond(data, "series.html", base_path="/series", suffix=fmt, offered=("html", "json", "csv"),
                   csv_rows=(rows, ["symbol", "predecessor", "date", "unchanged", "revised", "moved", "new", "dropped"]))


def _counts(store: Any, symbol: str) -> dict[str, Any]:
    w = iris.work(symbol)
    rows = store.select(PREFIXES + f"""PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT ?p ?n WHERE {{ GRAPH <{graph_name(symbol)}> {{ <{w}> prov:qualifiedRevision ?l . ?l ?p ?n .
        FILTER (STRENDS(STR(?p), "Count")) }} }}""")
    out: dict[str, Any] = {k: None for k in ("unchanged", "revised", "moved", "new", "dropped")}
    for r in rows:
        out[str(r["p"]).rsplit("#", 1)[-1][: -len("Count")]] = int(str(r["n"]))
    dates = store.select(PREFIXES + f"""SELECT ?d WHERE {{ GRAPH ?g {{ <{w}> unkg:adoptionDate ?d }} }} LIMIT 1""")
    out["date"] = str(dates[0]["d"]) if dates else None
    return out
