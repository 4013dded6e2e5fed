"""Pages over the graph: obligations by actor, rights, affected groups, the list of resolutions, the ontology.

Each view builds one dict and hands it to `represent.respond`, which shows it as HTML or gives it as
JSON / CSV: the twins carry the same rows as the page.
"""
from __future__ import annotations

import tempfile
from collections import Counter, defaultdict
from importlib.resources import files
from pathlib import Path
from typing import Any

import rdflib
from flask import Blueprint, Response, current_app, request
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from unkg.config import ONTOLOGY_NS
from unkg.ontology import ONTOLOGY_IRI
from unkg.webapp import queries as Q
from unkg.webapp.concepts import Concepts, concept_iri
from unkg.webapp.errors import ApiError
from unkg.webapp.links import actor_link, concept_link, local, paragraph_link, symbol_path, val
from unkg.webapp.represent import MEDIA, choose, respond, serialize, split_suffix
from unkg.webapp.state import concepts, state
from unkg.webapp.vocab import graph_of

bp = Blueprint("pages", __name__)

ACTOR_COLUMNS = ["symbol", "paragraph", "date", "session", "body", "verb", "strength", "addressees", "rights",
                 "beneficiaries", "text", "link", "provision"]
HTML_PAGE = 100  # provisions per HTML page
FACETS = {"strength": "verb strength", "right": "right", "beneficiary": "beneficiary", "body": "adopting body",
          "session": "session", "year": "year"}


def warm() -> None:
    """Build what the listings share (vocabularies, addressee pairs, resolutions) before the first visitor."""
    concepts()
    _addressees_of()
    all_works()


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
def actors(fmt: str | None = None) -> Response:
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
    data = {"title": "Obligations by actor", "rows": rows, "count": len(rows)}
    return respond(data, "actors.html", base_path="/actors", suffix=fmt, offered=("html", "json", "csv"),
                   csv_rows=(rows, ["label", "actor", "provisions", "with_narrower", "narrower", "link"]))


def all_works() -> dict[str, dict[str, Any]]:
    """Every resolution's symbol, title, date, session and body, newest first. One row per language version
    comes back, and only the English one has the (English) title: the rows of a work are merged."""
    def build() -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        for r in state().store.select(Q.RESOLUTIONS, timeout=120):
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
    """Fill in the text and printed verb of the rows about to be shown, in English where the resolution has an
    English version, else in the first language by tag. The rows are the cached ones: each text is fetched once."""
    todo = [r for r in rows if "text" not in r]
    for start in range(0, len(todo), 500):
        chunk = {r["provision"]: r for r in todo[start:start + 500]}
        found: dict[str, tuple[str, Any]] = {}
        for t in state().store.select(Q.provision_texts(list(chunk)), timeout=120):
            prov, lang = str(t["prov"]), getattr(t["text"], "language", None) or ""
            rank = "" if lang == "en" else (lang or "~")
            if prov not in found or rank < found[prov][0]:
                found[prov] = (rank, t)
        for prov, r in chunk.items():
            t = found.get(prov, ("", {}))[1]
            r["text"], r["verb"] = val(t.get("text")) or "", val(t.get("verbText")) or ""


def _facet_value(row: dict[str, Any], facet: str) -> list[str]:
    if facet == "strength":
        return [str(row["strength"])] if row["strength"] is not None else []
    if facet == "right":
        return row["rights"]
    if facet == "beneficiary":
        return row["beneficiaries"]
    return [str(row[facet])] if row.get(facet) else []


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
        store = state().store
        main = store.select(Q.provisions_for(present, limit), timeout=120)
        return fold_provisions(main + store.select(Q.provision_links(present), timeout=120), c)

    rows = state().recent(f"actor:{iri}", build) if present else []
    facets = {}
    for f, name in FACETS.items():
        counts = Counter(v for r in rows for v in _facet_value(r, f))
        facets[f] = {"name": name, "values": sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))}
    chosen = {f: request.args.get(f) for f in FACETS if request.args.get(f)}
    shown = [r for r in rows if all(v in _facet_value(r, f) for f, v in chosen.items())]
    base_path = f"/actors/{actor_id}"
    # One page at a time in every format, so the HTML page and its JSON / CSV twins carry the same rows
    # (a broad actor has thousands of provisions); ?page=all gives every row (a full export).
    per_page = HTML_PAGE
    pages = max(1, -(-len(shown) // per_page))
    if request.args.get("page") == "all":
        page, listed = 0, shown
    else:
        try:
            page = min(pages, max(1, int(request.args.get("page", 1))))
        except ValueError:
            raise ApiError("page must be a number or 'all'", 400) from None
        listed = shown[(page - 1) * per_page: page * per_page]
    add_wording(listed)
    from unkg.webapp.states import state_of_actor  # here: states imports this module

    data = {
        "title": f"Provisions addressed to {c.label(iri)}", "actor": iri, "label": c.label(iri),
        "state_page": state_of_actor(iri),
        "narrower": [{"actor": a, "label": c.label(a), "link": actor_link(a)} for a in below[1:]],
        "broader": [{"actor": b, "label": c.label(b), "link": actor_link(b)} for b in sorted(c.broader.get(iri, ()))],
        "facets": facets, "filters": chosen, "count": len(shown), "total": len(rows),
        "truncated": len(rows) >= limit, "page": page, "pages": pages, "per_page": per_page,
        "rows": listed, "base_path": base_path,
    }
    return respond(data, "actor.html", base_path=base_path, suffix=fmt, offered=PAGE_OFFER,
                   csv_rows=(listed, ACTOR_COLUMNS),
                   graph=lambda: _provisions_graph(iri, listed, lambda prov: _addressees_of().get(prov, ()), "addressee"))


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
    found = state().store.select(Q.provisions_with(prop, iri, limit), timeout=120)
    if not found and iri not in c.labels:
        raise ApiError(f"no {scheme[:-1]} {cid!r}: see /{scheme}", 404)
    works = all_works()
    rows, seen = [], set()
    for r in found:
        work, prov = str(r["work"]), str(r["prov"])
        if prov in seen:  # language versions that print its number or read its strength differently
            continue
        seen.add(prov)
        w = works.get(work, {})
        rows.append({"symbol": val(w.get("symbol")) or symbol_path(work), "paragraph": val(r.get("num")) or "",
                     "date": val(w.get("date")), "strength": val(r.get("strength")),
                     "link": paragraph_link(str(r["para"]), work), "provision": prov})
    rows.sort(key=lambda d: d["symbol"])
    rows.sort(key=lambda d: str(d["date"] or ""), reverse=True)  # newest first, then by symbol
    add_wording(rows)
    data = {"title": c.label(iri), "concept": iri, "label": c.label(iri), "scheme": scheme, "rows": rows,
            "count": len(rows), "truncated": len(rows) >= limit}
    link = prop.split(":", 1)[1]
    return respond(data, "concept.html", base_path=f"/{scheme}/{cid}", suffix=fmt, offered=PAGE_OFFER,
                   csv_rows=(rows, ["symbol", "paragraph", "date", "verb", "strength", "text", "link", "provision"]),
                   graph=lambda: _provisions_graph(iri, rows, lambda prov: (iri,), link))


@bp.route("/rights")
@bp.route("/rights.<any(json,csv):fmt>")
def rights(fmt: str | None = None) -> Response:
    return _concept_list("rights", "unkg:concernsRight", "Rights", fmt)


@bp.route("/rights/<path:cid>")
def right(cid: str) -> Response:
    return _concept_page("rights", "unkg:concernsRight", cid)


@bp.route("/groups")
@bp.route("/groups.<any(json,csv):fmt>")
def groups(fmt: str | None = None) -> Response:
    return _concept_list("groups", "unkg:beneficiary", "Affected groups", fmt)


@bp.route("/groups/<path:cid>")
def group(cid: str) -> Response:
    return _concept_page("groups", "unkg:beneficiary", cid)


@bp.route("/resolutions")
@bp.route("/resolutions.<any(json,csv):fmt>")
def resolutions(fmt: str | None = None) -> Response:
    c = concepts()
    rows = []
    for w, r in all_works().items():
        rows.append({"symbol": val(r.get("symbol")) or w, "title": val(r.get("title")) or "", "date": val(r.get("date")),
                     "body": c.label(str(r["body"])) if r.get("body") else "", "link": local(w) or w, "iri": w})
    data = {"title": "Resolutions", "rows": rows, "count": len(rows)}
    return respond(data, "resolutions.html", base_path="/resolutions", suffix=fmt, offered=("html", "json", "csv"),
                   csv_rows=(rows, ["symbol", "title", "date", "body", "iri"]))


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
