"""Pages over the graph: obligations by actor, rights, affected groups, the list of resolutions, the ontology.

Each view builds one dict and hands it to `represent.respond`, which shows it as HTML or gives it as
JSON / CSV: the twins carry the same rows as the page.
"""
from __future__ import annotations

import tempfile
from collections import defaultdict
from importlib.resources import files
from pathlib import Path
from typing import Any

import rdflib
from flask import Blueprint, Response, current_app, request
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from unkg.config import ONTOLOGY_NS, VOCAB_NS
from unkg.ontology import ONTOLOGY_IRI
from unkg.webapp import queries as Q
from unkg.webapp.cache import cached_page
from unkg.webapp.concepts import Concepts, concept_iri
from unkg.webapp.errors import ApiError
from unkg.webapp.facet_table import FacetTable, TableView
from unkg.webapp.links import actor_link, anchor, concept_link, local, paragraph_link, symbol_path, val
from unkg.webapp.listing import Listing, clean, natural_key, stream_export, wants_export
from unkg.webapp.mandates import held_by
from unkg.webapp.represent import MEDIA, choose, respond, serialize, split_suffix
from unkg.webapp.row_html import RowHtml, render_all
from unkg.webapp.state import concepts, state
from unkg.webapp.vocab import graph_of
from unkg.webapp.wording import Wording

bp = Blueprint("pages", __name__)

ACTOR_COLUMNS = ["symbol", "paragraph", "date", "session", "body", "verb", "strength", "addressees", "rights",
                 "beneficiaries", "text", "link", "provision"]
HTML_PAGE = 100  # rows per HTML page


def _one(key: str) -> Any:
    return lambda r: [r[key]] if r.get(key) not in (None, "") else []


# Facets of every list of provisions (actor, right and group pages): query parameter -> (heading, values).
FACETS: dict[str, tuple[str, Any]] = {
    "verb": ("verb", _one("verb_label")), "strength": ("verb strength", _one("strength")),
    "addressee": ("addressee", lambda r: r["addressees"]), "right": ("right", lambda r: r["rights"]),
    "beneficiary": ("beneficiary", lambda r: r["beneficiaries"]), "body": ("adopting body", _one("body")),
    "session": ("session", _one("session")), "year": ("year", _one("year")),
}
RESOLUTION_FACETS: dict[str, tuple[str, Any]] = {
    "body": ("adopting body", _one("body")), "session": ("session", _one("session")), "year": ("year", _one("year")),
    "committee": ("committee", _one("committee")), "adoption": ("adoption", _one("adoption")),
}
RESOLUTION_SORTS = {"date": "newest first", "date-asc": "oldest first", "symbol": "symbol", "symbol-desc": "symbol, last first"}


def warm() -> None:
    """Build what the listings share (vocabularies, addressee pairs, resolutions, every provision's place,
    links and wording) before the first visitor."""
    concepts()
    _addressees_of()
    all_works()
    _resolution_rows()
    _resolution_view()
    _provision_table()
    _links_of()
    _work_facts(concepts())
    _facet_table()
    wording()
    row_html()


def _provision_table() -> dict[str, tuple]:
    """provision -> (paragraph, work, number, index, strength, verb concept), for every provision; the first
    row of a provision wins where language versions print its number differently."""
    def build() -> dict[str, tuple]:
        out: dict[str, tuple] = {}
        for r in state().store.select(Q.PROVISION_TABLE, timeout=600):
            prov = str(r["prov"])
            if prov not in out:
                out[prov] = (str(r["para"]), str(r["work"]), val(r.get("num")), val(r.get("pidx")),
                             val(r.get("strength")), str(r["verbc"]) if r.get("verbc") is not None else None)
        return out

    return state().cached("provision_table", build)


def _links_of() -> dict[str, tuple[dict[str, None], dict[str, None]]]:
    """provision -> (its rights, its beneficiaries), as ordered sets of concept IRIs."""
    def build() -> dict[str, tuple[dict[str, None], dict[str, None]]]:
        out: dict[str, tuple[dict[str, None], dict[str, None]]] = {}
        for r in state().store.select(Q.ALL_LINKS, timeout=600):
            rights, bens = out.setdefault(str(r["prov"]), ({}, {}))
            if r.get("right") is not None:
                rights[str(r["right"])] = None
            if r.get("ben") is not None:
                bens[str(r["ben"])] = None
        return out

    return state().cached("links_of", build)


def _work_facts(c: Concepts) -> dict[str, dict[str, Any]]:
    """Per resolution, what each of its provisions' rows repeats (symbol, date, session, body, page path)."""
    def build() -> dict[str, dict[str, Any]]:
        out = {}
        for work, w in all_works().items():
            date = val(w.get("date"))
            out[work] = {"symbol": val(w.get("symbol")) or symbol_path(work), "date": date,
                         "year": str(date)[:4] if date else "", "session": val(w.get("session")) or "",
                         "body": c.label(str(w["body"])) if w.get("body") else "", "body_iri": val(w.get("body")),
                         "work_link": local(work) or work}
        return out

    return state().cached("work_facts", build)


def _facet_table() -> FacetTable:
    """Every provision's facet values (FACETS) as codes, from the rows `_make_rows` makes, which are let go:
    the actor, right and group pages filter and count from it (webapp/facet_table.py)."""
    def build() -> FacetTable:
        table = FacetTable(FACETS)
        provisions, c = list(_provision_table()), concepts()
        for start in range(0, len(provisions), 2000):
            for row in _make_rows(provisions[start:start + 2000], c):
                table.add(row["provision"], row)
        return table.done()

    return state().cached("facet_table", build)


def _view_of(key: str, rows: list[dict[str, Any]]) -> Any:
    """The facet codes of a page's rows (kept with the rows they were made for: the rows of a key are made
    again once pushed out of their cache)."""
    def view() -> TableView | None:
        made, found = state().recent(f"view:{key}", lambda: (rows, _facet_table().view(rows, _provision_key)))
        return found if made is rows else _facet_table().view(rows, _provision_key)

    return view


def _provision_key(row: dict[str, Any]) -> str:
    return row["provision"]


def provision_rows(provisions: set[str] | list[str], c: Concepts, limit: int) -> list[dict[str, Any]]:
    """The rows of these provisions, as `fold_provisions` makes them, from the tables built at warm-up:
    newest first, at most `limit`. A provision's row is made once per store version and shared by every
    page that lists it (States, each State, a right ...), with the wording and facet values added to it."""
    made: dict[str, dict[str, Any]] = state().cached("provision_rows", dict)
    out = []
    todo = []
    for prov in provisions:
        row = made.get(prov)
        if row is None:
            todo.append(prov)
        else:
            out.append(row)
    for row in _make_rows(todo, c):
        made[row["provision"]] = row
        out.append(row)
    out.sort(key=lambda d: d["provision"])  # provisions of one paragraph in one order, whichever page made them
    out.sort(key=lambda d: (str(d["date"] or ""), d["symbol"], d["index"] or 0), reverse=True)
    return out[:limit]


def _make_rows(provisions: list[str], c: Concepts) -> list[dict[str, Any]]:
    table, links, facts, addressees = _provision_table(), _links_of(), _work_facts(c), _addressees_of()
    label = c.label
    no_links: tuple[dict[str, None], dict[str, None]] = ({}, {})
    out = []
    for prov in provisions:
        t = table.get(prov)
        if t is None:
            continue
        para, work, num, pidx, strength, verb = t
        w = facts.get(work) or {"symbol": symbol_path(work), "date": None, "year": "", "session": "", "body": "",
                                "body_iri": None, "work_link": local(work) or work}
        rights, bens = links.get(prov, no_links)
        row = dict(w)
        row.update({
            "provision": prov, "paragraph": num or "", "index": pidx, "strength": strength,
            "verb_label": label(verb) if verb else "", "link": f"{w['work_link']}#{anchor(para, work)}",
            "addressees": sorted(label(a) for a in addressees.get(prov, ())),
            "rights": sorted(label(x) for x in rights) if rights else [], "right_iris": sorted(rights),
            "beneficiaries": sorted(label(x) for x in bens) if bens else [], "beneficiary_iris": sorted(bens),
        })
        out.append(row)
    return out


def addressee_pairs() -> dict[str, set[str]]:
    s = state()

    def build() -> dict[str, set[str]]:
        out: dict[str, set[str]] = defaultdict(set)
        for r in s.store.select(Q.ADDRESSEE_PAIRS, timeout=120):
            out[str(r["actor"])].add(str(r["prov"]))
        return dict(out)

    return s.cached("addressee_pairs", build)


def _addressees_of() -> dict[str, list[str]]:
    """The same pairs the other way round: provision -> its addressees."""
    def build() -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for actor, provs in addressee_pairs().items():
            for prov in provs:
                out[prov].append(actor)
        return dict(out)

    return state().cached("addressees_of", build)


@bp.route("/actors")
@bp.route("/actors.<any(json,csv):fmt>")
@cached_page
def actors(fmt: str | None = None) -> Response:
    c = concepts()
    rows = _actor_rows()
    q = (request.args.get("q") or "").strip()
    states: list[dict[str, Any]] = []
    if q:
        words = q.casefold().split()
        rows = [r for r in rows if all(w in r["label"].casefold() for w in words)]
        states = _states_matching(words, c)
        addressed = {r["actor"] for r in rows}
        states = [s for s in states if s["state"] not in addressed or s["page"]]
    data = {"title": "Obligations by actor", "rows": rows, "count": len(rows), "q": q, "states": states}
    return respond(data, "actors.html", base_path="/actors", suffix=fmt, offered=("html", "json", "csv"),
                   csv_rows=(rows, ["label", "actor", "provisions", "with_narrower", "narrower", "link"]))


def _actor_rows() -> list[dict[str, Any]]:
    """Every addressed actor with its provisions' counts, most provisions first: the rows of /actors, made once
    per store version (a search of the list or its CSV filters them)."""
    def build() -> list[dict[str, Any]]:
        pairs = addressee_pairs()
        c = concepts()
        rows = []
        for actor in set(pairs) | {a for a in c.labels if a in c.narrower and any(n in pairs for n in c.below(a))}:
            below = c.below(actor)
            total = set().union(*(pairs.get(a, set()) for a in below))
            if not total:
                continue
            rows.append({"actor": actor, "label": c.label(actor), "provisions": len(pairs.get(actor, ())),
                         "with_narrower": len(total), "narrower": len(below) - 1, "link": actor_link(actor)})
        rows.sort(key=lambda r: (-r["with_narrower"], r["label"].lower()))
        return rows

    return state().cached("actor_rows", build)


def _states_matching(words: list[str], c: Concepts) -> list[dict[str, Any]]:
    """Member States whose name holds every word, linked to their /states page where the app has one (a
    State never addressed by name has no actor page), else to their actor page."""
    from unkg.webapp.states import state_of_actor  # here: states imports this module

    prefix = VOCAB_NS + "states/"
    pairs = addressee_pairs()
    out = []
    for iri, label in c.labels.items():
        if iri.startswith(prefix) and all(w in label.casefold() for w in words):
            page = state_of_actor(iri)
            out.append({"state": iri, "label": label, "page": page,
                        "link": page or (actor_link(iri) if iri in pairs else None)})
    return sorted(out, key=lambda d: d["label"].lower())


def all_works() -> dict[str, dict[str, Any]]:
    """Every resolution's symbol, title, date, session, body, committee and voting method. One row per
    language version comes back: the rows of a work are merged, the English version's first (the committee
    is named in each version's language, and only the English version has the English title)."""
    def build() -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        found = state().store.select(Q.RESOLUTIONS, timeout=120)
        found.sort(key=lambda r: not str(r.get("g", "")).endswith("/en"))
        for r in found:
            merged = out.setdefault(str(r["work"]), {})
            for k, v in r.items():
                merged.setdefault(k, v)
        return out

    return state().cached("works", build)


def fold_provisions(rows: list[dict[str, Any]], c: Concepts) -> list[dict[str, Any]]:
    """One dict per provision from the query's rows: the main rows (one per matching actor) first, then the
    link rows (one per right or beneficiary)."""
    by: dict[str, dict[str, Any]] = {}
    works = all_works()
    addressees = _addressees_of()
    for r in rows:
        prov = str(r["prov"])
        d = by.get(prov)
        if d is None:
            if "work" not in r:  # a link row of a provision beyond the limit
                continue
            work, para = str(r["work"]), str(r["para"])
            w = works.get(work, {})
            date = val(w.get("date"))
            d = by[prov] = {
                "provision": prov, "symbol": val(w.get("symbol")) or symbol_path(work),
                "paragraph": val(r.get("num")) or "", "index": val(r.get("pidx")), "date": date,
                "year": str(date)[:4] if date else "", "session": val(w.get("session")) or "",
                "body": c.label(str(w["body"])) if w.get("body") else "", "body_iri": val(w.get("body")),
                "strength": val(r.get("strength")),  # "verb" and "text": add_wording, for rows shown
                "verb_label": c.label(str(r["verbc"])) if r.get("verbc") is not None else "",
                "link": paragraph_link(para, work), "work_link": local(work) or work,
                "addressees": sorted(c.label(a) for a in addressees.get(prov, ())),
                "rights": [], "beneficiaries": [], "_r": {}, "_b": {},
            }
        if "work" in r:
            continue
        for key, var in (("_r", "right"), ("_b", "ben")):
            if r.get(var) is not None:
                iri = str(r[var])
                d[key][iri] = c.label(iri)
    out = []
    for d in by.values():
        rights, bens = d.pop("_r"), d.pop("_b")
        d["rights"], d["right_iris"] = sorted(rights.values()), sorted(rights)
        d["beneficiaries"], d["beneficiary_iris"] = sorted(bens.values()), sorted(bens)
        out.append(d)
    out.sort(key=lambda d: (str(d["date"] or ""), d["symbol"], d["index"] or 0), reverse=True)
    return out


def add_wording(rows: list[dict[str, Any]]) -> None:
    """Fill in the text and printed verb of the rows about to be shown (webapp/wording.py says which
    version's). The rows are the cached ones: each is filled once."""
    todo = [r for r in rows if "text" not in r]
    if todo:
        for r, (text, verb) in zip(todo, wording().of([r["provision"] for r in todo]), strict=True):
            r["text"], r["verb"] = text, verb


def wording() -> Wording:
    """Every provision's wording, read once per store version (built at warm-up, before the fork)."""
    s = state()
    return s.cached("wording", lambda: Wording.read(s.store))


def _row_macro() -> Any:
    return current_app.jinja_env.get_template("_listing.html").module.provision_row  # type: ignore[attr-defined]


def row_html() -> RowHtml:
    """Every provision's row of the provisions' table as HTML, rendered once per store version (built at
    warm-up, before the fork; webapp/row_html.py)."""
    def build() -> RowHtml:
        table, c, render = _facet_table(), concepts(), _row_macro()
        provisions = list(table.position)

        def rows() -> Any:
            for start in range(0, len(provisions), 2000):
                part = _make_rows(provisions[start:start + 2000], c)
                add_wording(part)
                yield from part

        return render_all(table.position, rows(), render)

    return state().cached("row_html", build)


@bp.app_template_global()
def provision_row_html(row: dict[str, Any]) -> Any:
    """A row of the provisions' table: its HTML rendered once (`row_html`), else rendered now."""
    found = row_html().get(row["provision"])
    return found if found is not None else _row_macro()(row)


def _provision_page(key: str, rows: list[dict[str, Any]], data: dict[str, Any], template: str, base_path: str,
                    fmt: str | None, limit: int, linked: tuple[Any, str]) -> Response:
    """An actor's, a right's or a group's provisions: facets, date range, one page, or the whole export; as
    RDF, the concept and the page's provisions with their `linked` = (provision -> targets, property)."""
    listing = Listing(key, rows, FACETS, view=_view_of(key, rows))
    res = listing.result()
    shown = res["shown"]
    data.update({"facets": res["facets"], "filters": listing.filters(), "count": len(shown), "total": len(rows),
                 "truncated": len(rows) >= limit, "base_path": base_path,
                 "date_from": request.args.get("from", ""), "date_to": request.args.get("to", "")})
    if wants_export(fmt):
        data.update({"page": 0, "pages": 1, "per_page": len(shown)})
        return stream_export(fmt, data, shown, ACTOR_COLUMNS, fill=add_wording, base_path=base_path,
                             filename=base_path.strip("/").replace("/", "-"))
    page, pages, listed = Listing.page_of(shown, HTML_PAGE)
    add_wording(listed)
    data.update({"page": page, "pages": pages, "per_page": HTML_PAGE, "rows": [clean(r) for r in listed]})
    concept = data.get("actor") or data.get("concept")
    return respond(data, template, base_path=base_path, suffix=fmt, offered=PAGE_OFFER,
                   csv_rows=(data["rows"], ACTOR_COLUMNS),
                   graph=lambda: _provisions_graph(concept, data["rows"], linked[0], linked[1]))


# a concept's page, its JSON / CSV twins and, as RDF, the concept with the provisions listed on the page
PAGE_OFFER = ("html", "json", "csv", "ttl", "jsonld", "nt", "rdf")


def _provisions_graph(concept: str, rows: list[dict[str, Any]], linked: Any, prop: str) -> Any:
    """RDF twin of a concept page: the concept (as /vocab/ gives it) and each listed provision with its
    paragraph, strength and its links of kind `prop` (addressee, concernsRight, beneficiary)."""
    unkg = rdflib.Namespace(ONTOLOGY_NS)
    g = graph_of(concept)
    for r in rows:
        prov = rdflib.URIRef(r["provision"])
        g.add((prov, rdflib.RDF.type, unkg.Provision))
        g.add((prov, unkg.inParagraph, rdflib.URIRef(r["provision"].split("/prov/")[0])))
        if r.get("strength") is not None:
            g.add((prov, unkg.strength, rdflib.Literal(int(r["strength"]))))
        if r.get("text"):
            g.add((prov, rdflib.RDF.value, rdflib.Literal(r["text"])))
        for target in linked(r["provision"]):
            g.add((prov, unkg[prop], rdflib.URIRef(target)))
    return g


@bp.route("/actors/<path:actor_id>")
@cached_page
def actor(actor_id: str) -> Response:
    actor_id, fmt = split_suffix(actor_id, PAGE_OFFER)
    c = concepts()
    iri = concept_iri(actor_id, "actors")
    below = c.below(iri)
    pairs = addressee_pairs()
    if not any(a in pairs for a in below) and iri not in c.labels:
        raise ApiError(f"no actor {actor_id!r}: see /actors for the actors in the graph", 404)
    limit = current_app.config["PAGE_LIMIT"]
    present = [a for a in below if a in pairs]
    # the folded rows of an actor are kept for the 32 most recently asked actors: facets and pages of the
    # same actor then cost no query (the store is read-only while served; an update drops the cache)
    def build() -> list[dict[str, Any]]:
        return provision_rows(set().union(*(pairs[a] for a in present)), c, limit)

    rows = state().recent(f"actor:{iri}", build) if present else []
    from unkg.webapp.states import state_of_actor  # here: states imports this module

    data = {
        "title": f"Provisions addressed to {c.label(iri)}", "actor": iri, "label": c.label(iri),
        "state_page": state_of_actor(iri), "mandates": held_by(iri),
        "narrower": [{"actor": a, "label": c.label(a), "link": actor_link(a)} for a in below[1:]],
        "broader": [{"actor": b, "label": c.label(b), "link": actor_link(b)} for b in sorted(c.broader.get(iri, ()))],
    }
    return _provision_page(f"actor:{iri}", rows, data, "actor.html", f"/actors/{actor_id}", fmt, limit,
                           (lambda prov: _addressees_of().get(prov, ()), "addressee"))


def _concept_list(scheme: str, prop: str, title: str, fmt: str | None) -> Response:
    s = state()
    counts = s.cached(f"counts:{prop}", lambda: {str(r["c"]): int(r["n"]) for r in s.store.select(Q.CONCEPT_COUNTS % prop, timeout=120)})
    c = concepts()
    rows = [{"concept": k, "label": c.label(k), "provisions": n, "link": concept_link(k)} for k, n in counts.items()]
    rows.sort(key=lambda r: (-r["provisions"], r["label"].lower()))
    data = {"title": title, "rows": rows, "count": len(rows), "scheme": scheme}
    return respond(data, "concepts.html", base_path=f"/{scheme}", suffix=fmt, offered=("html", "json", "csv"),
                   csv_rows=(rows, ["label", "concept", "provisions", "link"]))


def _concept_page(scheme: str, prop: str, cid: str) -> Response:
    cid, fmt = split_suffix(cid, PAGE_OFFER)
    c = concepts()
    iri = concept_iri(cid, scheme)
    limit = current_app.config["PAGE_LIMIT"]

    which = 0 if prop == "unkg:concernsRight" else 1

    def build() -> list[dict[str, Any]]:
        return provision_rows({p for p, ln in _links_of().items() if iri in ln[which]}, c, limit)

    rows = state().recent(f"{scheme}:{iri}", build)
    if not rows and iri not in c.labels:
        raise ApiError(f"no {scheme[:-1]} {cid!r}: see /{scheme}", 404)
    data = {"title": c.label(iri), "concept": iri, "label": c.label(iri), "scheme": scheme}
    return _provision_page(f"{scheme}:{iri}", rows, data, "concept.html", f"/{scheme}/{cid}", fmt, limit,
                           (lambda prov: (iri,), prop.split(":", 1)[1]))


@bp.route("/rights")
@bp.route("/rights.<any(json,csv):fmt>")
@cached_page
def rights(fmt: str | None = None) -> Response:
    return _concept_list("rights", "unkg:concernsRight", "Rights", fmt)


@bp.route("/rights/<path:cid>")
@cached_page
def right(cid: str) -> Response:
    return _concept_page("rights", "unkg:concernsRight", cid)


@bp.route("/groups")
@bp.route("/groups.<any(json,csv):fmt>")
@cached_page
def groups(fmt: str | None = None) -> Response:
    return _concept_list("groups", "unkg:beneficiary", "Affected groups", fmt)


@bp.route("/groups/<path:cid>")
@cached_page
def group(cid: str) -> Response:
    return _concept_page("groups", "unkg:beneficiary", cid)


def _resolution_rows() -> list[dict[str, Any]]:
    """One row per resolution for /resolutions, newest first (symbols in numeric order within a day)."""
    def build() -> list[dict[str, Any]]:
        c = concepts()
        rows = []
        for w, r in all_works().items():
            date = val(r.get("date"))
            method = val(r.get("method")) or ""
            rows.append({"symbol": val(r.get("symbol")) or w, "title": val(r.get("title")) or "", "date": date,
                         "year": str(date)[:4] if date else "", "session": str(val(r.get("session")) or ""),
                         "body": c.label(str(r["body"])) if r.get("body") else "",
                         "committee": val(r.get("committee")) or "",
                         "adoption": "without a vote" if "without" in method else ("by vote" if method else ""),
                         "vote": method, "link": local(w) or w, "iri": w})
        rows.sort(key=lambda r: natural_key(r["symbol"]))
        rows.sort(key=lambda r: str(r["date"] or ""), reverse=True)
        return rows

    return state().cached("resolution_rows", build)


def _resolution_view() -> TableView | None:
    """The facet codes of every row of /resolutions, in its order (webapp/facet_table.py), made once per store
    version: its filters then cost no loop over the rows (a text search still loops)."""
    def build() -> TableView | None:
        table = FacetTable(RESOLUTION_FACETS)
        rows = _resolution_rows()
        for r in rows:
            table.add(r["iri"], r)
        return table.done().view(rows, lambda r: r["iri"])

    return state().cached("resolution_view", build)


@bp.route("/resolutions")
@bp.route("/resolutions.<any(json,csv):fmt>")
@cached_page
def resolutions(fmt: str | None = None) -> Response:
    rows = _resolution_rows()
    sort = request.args.get("sort") or "date"
    if sort not in RESOLUTION_SORTS:
        raise ApiError(f"sort must be one of {', '.join(RESOLUTION_SORTS)}", 400)
    listing = Listing("resolutions", rows, RESOLUTION_FACETS, text=lambda r: f"{r['symbol']} {r['title']}",
                      view=_resolution_view)
    res = listing.result()
    shown = res["shown"]
    filters = listing.filters()
    if sort != "date":  # the cached order is newest first
        def by_sort() -> list[dict[str, Any]]:
            if sort.startswith("symbol"):
                return sorted(shown, key=lambda r: natural_key(r["symbol"]), reverse=sort.endswith("-desc"))
            return list(reversed(shown))
        shown = state().recent(f"sorted:{sort}:{tuple(sorted(filters.items()))}", by_sort, size=64)
        filters["sort"] = sort
    columns = ["symbol", "title", "date", "session", "body", "committee", "vote", "iri"]
    data = {"title": "Resolutions", "count": len(shown), "total": len(rows), "facets": res["facets"],
            "filters": filters, "sort": sort, "sorts": RESOLUTION_SORTS, "q": listing.q,
            "date_from": request.args.get("from", ""), "date_to": request.args.get("to", ""),
            "base_path": "/resolutions"}
    if wants_export(fmt):
        data.update({"page": 0, "pages": 1})
        return stream_export(fmt, data, shown, columns, base_path="/resolutions", filename="resolutions")
    page, pages, listed = Listing.page_of(shown, HTML_PAGE)
    data.update({"page": page, "pages": pages, "per_page": HTML_PAGE, "rows": [clean(r) for r in listed]})
    return respond(data, "resolutions.html", base_path="/resolutions", suffix=fmt, offered=("html", "json", "csv"),
                   csv_rows=(data["rows"], columns))


_ONTOLOGY_DOCS: dict[str, Any] = {}


def _ontology_ttl() -> str:
    return (files("unkg.ontology") / "unkg.ttl").read_text(encoding="utf-8")


def _english(labels: Any) -> str:
    """The English label of a term (the ontology labels its terms in English, French and Spanish)."""
    labels = list(labels)
    return str(next((lbl for lbl in labels if getattr(lbl, "language", None) == "en"), labels[0] if labels else ""))


def _pylode_html() -> str | None:
    """The ontology documentation built by unkg.ontology.docs (pyLODE), once per process; None if unavailable."""
    if "html" not in _ONTOLOGY_DOCS:
        html = None
        try:
            from unkg.ontology.docs import build  # type: ignore[import-not-found]

            out = Path(tempfile.mkdtemp(prefix="unkg-ontology-docs-"))
            result = build(out)
            candidates = [Path(result)] if isinstance(result, (str, Path)) and str(result).endswith(".html") else []
            candidates += sorted(out.rglob("index.html")) + sorted(out.rglob("*.html"))
            html = next((p.read_text(encoding="utf-8") for p in candidates if p.is_file()), None)
        except Exception:  # pyLODE missing or failing: the fallback page lists the terms
            html = None
        _ONTOLOGY_DOCS["html"] = html
    return _ONTOLOGY_DOCS["html"]


ONTOLOGY_OFFER = ("html", "ttl", "jsonld", "nt", "rdf", "json")


@bp.route("/ontology")
@bp.route("/ontology.<any(html,json,ttl,jsonld,nt,rdf):fmt>")
@bp.route("/ontology/<version>")
def ontology(fmt: str | None = None, version: str | None = None) -> Response:
    """The ontology's IRI and its version IRI (/ontology/0.1.0): HTML (pyLODE) for people, Turtle, JSON-LD,
    N-Triples or RDF/XML by Accept or suffix. Its terms are hash IRIs (unkg:Resolution is /ontology#Resolution),
    so this document is what they dereference to: 200 with Content-Location naming the variant sent."""
    base_path = "/ontology"
    if version is not None:
        version, fmt = split_suffix(version, ONTOLOGY_OFFER, html=True)
        current = _ontology_version()
        if version != current:
            raise ApiError(f"no version {version!r} of the ontology here; this server has {current} (/ontology/{current})", 404)
        base_path = f"/ontology/{version}"
    fmt = choose(fmt, ONTOLOGY_OFFER)
    if fmt in ("ttl", "jsonld", "nt", "rdf"):
        g = rdflib.Graph().parse(data=_ontology_ttl(), format="turtle")
        resp = Response(_ontology_ttl() if fmt == "ttl" else serialize(g, fmt), mimetype=MEDIA[fmt])
        return _ontology_headers(resp, base_path, fmt)
    if fmt == "html":
        html = _pylode_html()
        if html:
            return _ontology_headers(Response(html, mimetype="text/html"), base_path, fmt)
    g = rdflib.Graph()
    g.parse(data=_ontology_ttl(), format="turtle")

    def terms(*types: rdflib.URIRef) -> list[dict[str, str]]:
        out = []
        for t in types:
            for s in g.subjects(RDF.type, t):
                if isinstance(s, rdflib.URIRef) and str(s).startswith(ONTOLOGY_NS):
                    out.append({"iri": str(s), "name": str(s)[len(ONTOLOGY_NS):],
                                "label": _english(g.objects(s, RDFS.label)),
                                "definition": str(g.value(s, SKOS.definition) or g.value(s, RDFS.comment) or "")})
        return sorted({d["iri"]: d for d in out}.values(), key=lambda d: d["name"].lower())

    data = {"title": "The unkg ontology", "namespace": ONTOLOGY_NS, "classes": terms(OWL.Class),
            "properties": terms(OWL.ObjectProperty, OWL.DatatypeProperty)}
    return _ontology_headers(respond(data, "ontology.html", base_path=base_path, suffix=fmt, offered=ONTOLOGY_OFFER),
                             base_path, fmt)


def _ontology_version() -> str:
    g = rdflib.Graph().parse(data=_ontology_ttl(), format="turtle")
    v = g.value(rdflib.URIRef(ONTOLOGY_IRI), OWL.versionIRI)
    return str(v).rsplit("/", 1)[-1] if v is not None else ""


def _ontology_headers(resp: Response, base_path: str, fmt: str) -> Response:
    resp.headers["Content-Location"] = f"{base_path}.{fmt}"
    resp.headers["Vary"] = "Accept"
    resp.headers["Link"] = ", ".join(f'<{base_path}.{f}>; rel="alternate"; type="{MEDIA[f]}"' for f in ONTOLOGY_OFFER if f != fmt)
    return resp
