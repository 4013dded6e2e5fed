"""The mandates registry's pages (docs/mandates.md), each with JSON and CSV twins:

- `/mandates`: one row per mandate with its history (a chain of renewals counts once, by its latest
  mandate), with facets (entity, task, body, due session, due year, recurrence, review clause, status),
  the adoption date range, paging and whole streamed exports; a calendar of what is due at the next sessions;
- `/mandates/calendar`: that calendar in full;
- `/mandates/entity/<actor>`: an entity's reporting load per year (a bar chart drawn as inline SVG) and its
  mandates;
- `/mandates/<mandate IRI under the base>`: one mandate, its history through its series (first given by,
  each renewal, what changed, last renewed), the source paragraphs and its possible duplicates.
The registry (`unkg.registry`) is built once per store state and its rows are cached with it.
"""
from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from flask import Blueprint, Response, current_app, request

from unkg.registry.lifecycle import Entry, Registry, build
from unkg.registry.read import Record
from unkg.webapp.cache import cached_page
from unkg.webapp.concepts import concept_iri, concept_path
from unkg.webapp.errors import ApiError
from unkg.webapp.links import actor_link, local, paragraph_link, under_base
from unkg.webapp.listing import Listing, clean, stream_export, wants_export
from unkg.webapp.represent import respond, split_suffix
from unkg.webapp.state import concepts, state

bp = Blueprint("mandates", __name__)

PER_PAGE = 100
COLUMNS = ["entity", "task", "task_text", "body", "symbol", "paragraph", "date", "due_session", "due_year",
           "recurrence", "frequency", "period", "review_clause", "within_existing_resources", "status",
           "first_given_by", "renewals", "last_renewed", "changes", "duplicates", "mandate", "page", "link"]
YES_NO = {True: "yes", False: "no", None: ""}


def _one(key: str) -> Any:
    return lambda r: [r[key]] if r.get(key) not in (None, "") else []


FACETS: dict[str, tuple[str, Any]] = {
    "entity": ("entity", _one("entity")), "task": ("task", _one("task")), "body": ("adopting body", _one("body")),
    "session": ("due session", _one("due")), "year": ("due year", _one("due_year")),
    "recurrence": ("recurrence", _one("recurrence")), "review": ("review clause", _one("review_clause")),
    "status": ("current or expired", _one("status")),
}


def warm() -> None:
    """Build the registry and its rows before the first visitor (seconds on a large store)."""
    rows()
    held_by("")


def registry() -> Registry:
    s = state()
    return s.cached("registry", lambda: build(s.store))


def page_path(mandate: str) -> str:
    return "/mandates/" + under_base(mandate)


def _record_row(reg: Registry, r: Record) -> dict[str, Any]:
    c = concepts()
    w = reg.work(r)
    return {"mandate": r.iri, "symbol": w.symbol, "date": w.date, "year": w.year, "paragraph": r.number,
            "link": paragraph_link(r.paragraph, r.work), "work_link": local(r.work) or r.work,
            "entity": c.label(r.entity) if r.entity else "", "entity_iri": r.entity,
            "task": r.task.replace("_", " ").replace("-", " "), "task_text": r.task_text,
            "body": c.label(w.body) if w.body else "", "body_iri": w.body,
            "recipients": [c.label(x) for x in r.recipients], "due_session": r.due_session, "due_year": r.due_year,
            "recurrence": r.recurrence, "frequency": r.frequency, "period": r.period,
            "review_clause": YES_NO[r.review_clause], "within_existing_resources": YES_NO[r.within_existing_resources],
            "text": r.text, "page": page_path(r.iri)}


def _entry_row(reg: Registry, e: Entry) -> dict[str, Any]:
    row = _record_row(reg, e.latest)
    c = concepts()
    first = reg.work(e.first)
    due_body = c.label(e.due_body) if e.due_body else ""
    row.update({
        "status": e.status, "due": f"{due_body} {e.latest.due_session}".strip() if e.latest.due_session else "",
        "due_body": due_body, "first_given_by": first.symbol, "first_year": first.year,
        "renewed_by": [reg.work(r).symbol for r in e.chain[1:]], "renewals": len(e.chain) - 1,
        "last_renewed": reg.work(e.latest).symbol if len(e.chain) > 1 else "",
        "changes": len(e.changes), "duplicates": [page_path(d) for d in e.duplicates],
        "entity_page": _entity_page(e.latest.entity),
    })
    return row


def held_by(actor: str) -> dict[str, Any] | None:
    """What an actor page says of the mandates its actor holds: how many, how many current, and where."""
    def make() -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for r in rows():
            n = out.setdefault(r["entity_iri"], {"count": 0, "current": 0})
            n["count"] += 1
            n["current"] += r["status"] == "current"
        return out

    n = state().cached("mandates_held", make).get(actor)
    return None if n is None else {**n, "link": _entity_page(actor)}


def _entity_page(entity: str) -> str | None:
    path = concept_path(entity, "actors") if entity else None
    return f"/mandates/entity/{path}" if path else None


def rows() -> list[dict[str, Any]]:
    """One row per entry, the latest adopted first."""
    def make() -> list[dict[str, Any]]:
        reg = registry()
        out = [_entry_row(reg, e) for e in reg.entries.values()]
        out.sort(key=lambda r: (r["date"] or "", r["symbol"], r["mandate"]), reverse=True)
        return out

    return state().cached("mandate_rows", make)


def _calendar(n: int) -> list[dict[str, Any]]:
    reg, c = registry(), concepts()
    by_iri = {r["mandate"]: r for r in rows()}
    out = []
    for item in reg.calendar(n):
        entities: dict[str, list[dict[str, Any]]] = {}
        for e in item["entries"]:
            r = by_iri[e.latest.iri]
            entities.setdefault(r["entity"] or "(no entity named)", []).append(
                {k: r[k] for k in ("mandate", "page", "symbol", "paragraph", "link", "task", "task_text", "status")})
        out.append({"body": c.label(item["body"]), "body_iri": item["body"], "session": item["session"],
                    "count": len(item["entries"]),
                    "entities": [{"entity": k, "count": len(v), "mandates": v} for k, v in sorted(entities.items())]})
    return out


@bp.route("/mandates")
@bp.route("/mandates.<any(json,csv):fmt>")
@cached_page
def mandates(fmt: str | None = None) -> Response:
    all_rows = rows()
    listing = Listing("mandates", all_rows, FACETS, text=lambda r: f"{r['symbol']} {r['entity']} {r['task_text']} {r['text']}")
    res = listing.result()
    shown = res["shown"]
    filters = listing.filters()
    reg = registry()
    data: dict[str, Any] = {
        "title": "Mandates registry", "count": len(shown), "total": len(all_rows), "facets": res["facets"],
        "filters": filters, "q": listing.q, "base_path": "/mandates",
        "date_from": request.args.get("from", ""), "date_to": request.args.get("to", ""),
        "latest_sessions": {concepts().label(b): str(s) for b, s in sorted(reg.latest_session.items())},
    }
    if wants_export(fmt):
        data.update({"page": 0, "pages": 1})
        return stream_export(fmt, data, shown, COLUMNS, base_path="/mandates", filename="mandates")  # type: ignore[arg-type]
    page, pages, listed = Listing.page_of(shown, PER_PAGE)
    data.update({"page": page, "pages": pages, "per_page": PER_PAGE, "rows": [clean(r) for r in listed],
                 "calendar": state().cached("mandate_calendar:2", lambda: _calendar(2))})
    return respond(data, "mandates.html", base_path="/mandates", suffix=fmt, offered=("html", "json", "csv"),
                   csv_rows=(data["rows"], COLUMNS))


@bp.route("/mandates/calendar")
@bp.route("/mandates/calendar.<any(json,csv):fmt>")
@cached_page
def calendar(fmt: str | None = None) -> Response:
    try:
        n = min(6, max(1, int(request.args.get("sessions") or 2)))
    except ValueError:
        raise ApiError("sessions must be a number of sessions (1 to 6)", 400) from None
    items = state().cached(f"mandate_calendar:{n}", lambda: _calendar(n))
    flat = [{"body": i["body"], "session": i["session"], "entity": e["entity"], **m}
            for i in items for e in i["entities"] for m in e["mandates"]]
    data = {"title": "Due at the next sessions", "sessions": n, "calendar": items, "count": len(flat)}
    return respond(data, "mandates_calendar.html", base_path="/mandates/calendar", suffix=fmt,
                   offered=("html", "json", "csv"),
                   csv_rows=(flat, ["body", "session", "entity", "symbol", "paragraph", "task", "task_text", "status", "mandate", "page"]))


@bp.route("/mandates/entity/<path:actor_id>")
@cached_page
def entity(actor_id: str) -> Response:
    actor_id, fmt = split_suffix(actor_id, ("json", "csv"))
    iri = concept_iri(actor_id, "actors")
    reg, c = registry(), concepts()
    mine = [r for r in rows() if r["entity_iri"] == iri]
    if not mine and not any(r.entity == iri for r in reg.records.values()):
        raise ApiError(f"no mandate is given to {actor_id!r}: see /mandates for the entities that hold one", 404)
    task = request.args.get("task") or "report"
    load = reg.load(iri, task)
    bodies = sorted({b for _, counts in load for b in counts})
    years = [{"year": y, "total": sum(counts.values()), "by_body": {c.label(b): counts[b] for b in bodies if counts[b]}}
             for y, counts in load]
    most = max((y["total"] for y in years), default=0)
    data = {"title": f"Mandates of {c.label(iri)}", "entity": iri, "label": c.label(iri), "task": task,
            "actor_page": actor_link(iri), "load": years, "most": most, "bodies": [c.label(b) for b in bodies],
            "current": sum(1 for r in mine if r["status"] == "current"), "count": len(mine),
            "registry_link": "/mandates?" + urlencode({"entity": c.label(iri)}),
            "rows": [clean(r) for r in mine[:PER_PAGE]]}
    return respond(data, "mandates_entity.html", base_path=f"/mandates/entity/{actor_id}", suffix=fmt,
                   offered=("html", "json", "csv"),
                   csv_rows=([{"year": y["year"], "total": y["total"], **y["by_body"]} for y in years],
                             ["year", "total", *data["bodies"]]))


@bp.route("/mandates/<path:rest>")
@cached_page
def mandate(rest: str) -> Response:
    rest, fmt = split_suffix(rest, ("json", "csv"))
    iri = current_app.config["BASE_IRI"] + rest
    reg = registry()
    record = reg.records.get(iri)
    if record is None:
        raise ApiError(f"no mandate {rest!r} in the store: see /mandates", 404)
    entries = reg.entry_of(iri)
    row = _record_row(reg, record)
    history = []
    for e in entries:
        steps = []
        for r in e.chain:
            step = _record_row(reg, r)
            step["changes"] = [ch for ch in e.changes if ch["mandate"] == r.iri]
            step["this"] = r.iri == iri
            steps.append(step)
        history.append({**{k: v for k, v in _entry_row(reg, e).items() if k in (
            "mandate", "status", "due", "first_given_by", "first_year", "renewed_by", "renewals", "last_renewed",
            "page")}, "steps": steps,
            "duplicates": [_record_row(reg, reg.records[d]) for d in e.duplicates if d in reg.records]})
    data = {"title": f"Mandate of {row['entity'] or 'an unnamed entity'} in {row['symbol']}"
                     f"{' op ' + row['paragraph'] if row['paragraph'] else ''}",
            "mandate": row, "history": history, "entity_page": _entity_page(record.entity)}
    flat = [dict(s, entry=h["mandate"], changes="; ".join(f"{c['field']}: {c['from']} -> {c['to']}" for c in s["changes"]))
            for h in history for s in h["steps"]]
    return respond(data, "mandate.html", base_path=page_path(iri), suffix=fmt, offered=("html", "json", "csv"),
                   csv_rows=(flat, ["entry", "symbol", "date", "paragraph", "entity", "task", "task_text", "due_session",
                                    "due_year", "recurrence", "frequency", "review_clause", "changes", "mandate", "link"]))
