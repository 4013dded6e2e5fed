"""Series and lineage pages (docs/lineage.md): `/compare?from=&to=` (a redline of any two stored
resolutions, obligation changes first) and `/series?symbol=` (the members of a resolution's series with
how much each changed), each with JSON and CSV twins. The pages read the lineage graphs and rebuild texts
from the store; they never parse documents."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, request

from unkg import iris
from unkg.lineage import stored
from unkg.lineage.align import normalise
from unkg.lineage.diff import document
from unkg.lineage.graph import graph_name
from unkg.lineage.redline import changes as word_changes
from unkg.lineage.stored import PREFIXES
from unkg.lineage.update import lineage_of, revision_links
from unkg.webapp.errors import ApiError
from unkg.webapp.links import local
from unkg.webapp.represent import respond, split_suffix
from unkg.webapp.state import state

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



def warm() -> None:
    """Read the store's revision links before the first visitor."""
    _revision_links()


def _revision_links() -> tuple[dict[str, str], dict[str, set[str]]]:
    st = state()
    return st.cached("lineage_links", lambda: revision_links(st.store))


def lineage_doc(symbol: str) -> dict[str, Any] | None:
    """`lineage_of` with the store's revision links read once per store version (a scan of every link)."""
    return lineage_of(state().store, symbol, _revision_links())


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
@bp.route("/series/<path:rest>")
def series(fmt: str | None = None, rest: str | None = None) -> Response:
    """`/series/A/RES/78/216` (or `?symbol=`): the series of a resolution; `.json` / `.csv` twins."""
    if rest is not None:
        rest, fmt = split_suffix(rest, ("json", "csv"))
        try:
            symbol = str(iris.Symbol.parse(rest))
        except ValueError:
            raise ApiError(f"{rest!r} is not a UN document symbol", 404) from None
    else:
        symbol = _symbol("symbol")
    store = state().store
    here = lineage_doc(symbol)
    if here is None:
        raise ApiError(f"{symbol}: no lineage in the store", 404)
    members = [*reversed(here["predecessors"]), symbol, *here["successors"]]
    rows = []
    for m in members:
        doc = lineage_doc(m) or {}
        counts = _counts(store, m)
        rows.append({"symbol": m, "link": _link(m), "predecessor": doc.get("predecessor"), **counts,
                     "compare": f"/compare?from={doc['predecessor']}&to={m}" if doc.get("predecessor") else None})
    data = {"title": f"Series of {symbol}", "series": here["series"], "symbol": symbol, "rows": rows}
    return respond(data, "series.html", base_path=f"/series/{symbol}", suffix=fmt, offered=("html", "json", "csv"),
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


HISTORY = PREFIXES + """PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT DISTINCT ?p ?text ?symbol ?date ?number ?status WHERE {
  <%s> prov:wasDerivedFrom* ?p .
  GRAPH ?g { ?p rdf:value ?text ; eli:is_part_of ?w . ?w dcterms:identifier ?symbol .
             OPTIONAL { ?w unkg:adoptionDate ?date } OPTIONAL { ?p eli:number ?number } }
  OPTIONAL { GRAPH ?l { ?a unkg:toParagraph ?p ; unkg:alignmentStatus ?status } }
  FILTER (lang(?text) = "en")
} ORDER BY ?date ?symbol"""


@bp.route("/history")
@bp.route("/history.<any(json,csv):fmt>")
def history(fmt: str | None = None) -> Response:
    """A paragraph's history: back through its series to the resolution where its wording first appeared,
    with the word changes at each step (`?paragraph=` a paragraph IRI)."""
    paragraph = (request.args.get("paragraph") or "").strip()
    if not paragraph.startswith(("http://", "https://")) or any(c in paragraph for c in "<> \"{}"):
        raise ApiError("give ?paragraph= a paragraph IRI, e.g. https://w3id.org/unkg/id/A/RES/78/216/op/12", 400)
    rows = state().store.select(HISTORY % paragraph, timeout=60)
    if not rows:
        raise ApiError(f"nothing is known about the paragraph {paragraph}", 404)
    steps: list[dict[str, Any]] = []
    for r in rows:
        text = str(r["text"])
        before = steps[-1]["text"] if steps else None
        status = str(r["status"]).rsplit("#", 1)[-1] if r.get("status") else None
        steps.append({"symbol": str(r["symbol"]), "date": str(r["date"]) if r.get("date") else None,
                      "paragraph": str(r["p"]), "link": local(str(r["p"])), "number": str(r["number"]) if r.get("number") else None,
                      "text": text, "status": status if before is not None else "first",
                      "changes": word_changes(before, text) if before is not None else [{"op": "equal", "text": text}]})
    same = [s for s in steps if normalise(s["text"]) == normalise(steps[-1]["text"])]
    data = {"title": f"History of {paragraph.rsplit('/id/', 1)[-1]}", "paragraph": paragraph, "steps": steps,
            "first_with_this_wording": same[0]["symbol"] if same else None}
    csv_rows = [{k: s[k] for k in ("symbol", "date", "number", "status", "text")} for s in steps]
    return respond(data, "history.html", base_path="/history", suffix=fmt, offered=("html", "json", "csv"),
                   csv_rows=(csv_rows, ["symbol", "date", "number", "status", "text"]))
