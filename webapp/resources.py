"""Data IRIs dereference at their own path: GET /id/A/RES/78/216 serves <BASE_IRI>A/RES/78/216.

HTML for people (a resolution page: header, metadata, vote, full text with paragraph anchors, verbs, actors
and rights highlighted from the evidence and linked, citations linked when the cited resolution is in the
store), Turtle / JSON-LD / N-Triples for machines, by Accept or a suffix (.ttl, .jsonld, .nt, .json).
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any

import rdflib
from flask import Blueprint, Response, redirect, request

from unkg import iris
from unkg.webapp import queries as Q
from unkg.webapp.cache import cached_page
from unkg.webapp.errors import ApiError
from unkg.webapp.lineage import lineage_doc
from unkg.webapp.links import actor_link, anchor, base, concept_link, local, symbol_path, under_base, val
from unkg.webapp.represent import respond, see_other, split_suffix
from unkg.webapp.state import concepts, state
from unkg.webapp.workers import bind_prefixes

bp = Blueprint("resources", __name__)
RDF_OFFER = ("html", "ttl", "jsonld", "nt", "rdf", "json")
UNKG = "https://w3id.org/unkg/ontology#"
ELI = "http://data.europa.eu/eli/ontology#"
DCT = "http://purl.org/dc/terms/"
KIND_OF_LINK = {UNKG + "addressee": "actor", UNKG + "concernsRight": "right", UNKG + "beneficiary": "group"}
HEADER_FIELDS = [  # (property, label) shown in the metadata table, in this order
    (DCT + "identifier", "Symbol"), (UNKG + "adoptedBy", "Adopted by"), (UNKG + "adoptionDate", "Adopted on"),
    (UNKG + "session", "Session"), (UNKG + "agendaItem", "Agenda item"), (UNKG + "committee", "Committee"),
    (UNKG + "report", "Report"), (UNKG + "meeting", "Meeting"), (UNKG + "draft", "Draft"),
]


@bp.route("/resolutions/<path:rest>")
def resolution_alias(rest: str) -> Response:
    return redirect(f"/id/{rest}.html", code=301)


@bp.route("/id/<path:rest>")
@cached_page
def resource(rest: str) -> Response:
    """A data IRI names a thing (a resolution, a language version, a paragraph ...), not a document: it
    answers 303 See Other to the document about it in the format asked for, `/id/....ttl`, `.html` ...
    (docs/publishing.md). The documents answer 200; one about an IRI that no graph here describes is a 404,
    unless resolutions here cite it: then it says so, with the citing paragraphs."""
    rest, fmt = split_suffix(rest, RDF_OFFER, html=True)
    if fmt is None:
        return see_other(f"/id/{rest}", RDF_OFFER)
    iri = base() + rest
    store = state().store
    by_graph = store.select(Q.resolution_header(iri), timeout=60)
    header = _once(by_graph)
    graph = lambda: _rdf(iri, header)  # noqa: E731 - built only for RDF answers
    if not header:
        citing = store.select(Q.citing(iri), timeout=60)
        if not citing:
            raise ApiError(f"nothing is known about {iri}: no graph in this store describes or cites it", 404)
        return respond(_cited(iri, citing), "resource.html", base_path=f"/id/{rest}", suffix=fmt, offered=RDF_OFFER, graph=graph)
    types = {str(r["o"]) for r in header if str(r["p"]) == str(rdflib.RDF.type)}
    if UNKG + "Resolution" in types:
        # the few last pages' data: the HTML page and its JSON twin are made of the same (webapp/prerender.py
        # asks for one after the other)
        data = state().recent(f"resolution-page:{iri}\n{request.args.get('lang', '')}", lambda: _resolution(iri, by_graph), size=4)
        return respond(data, "resolution.html", base_path=f"/id/{rest}", suffix=fmt, offered=RDF_OFFER, graph=graph)
    data = _generic(iri, header)
    return respond(data, "resource.html", base_path=f"/id/{rest}", suffix=fmt, offered=RDF_OFFER, graph=graph)


def _once(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each (property, value) once, though every language version's graph states it."""
    seen: set[tuple[str, Any]] = set()
    out = []
    for r in rows:
        key = (str(r["p"]), r["o"])
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def _rdf(iri: str, header: list[dict[str, Any]]) -> rdflib.Graph:
    """A work: every named graph (expression) that describes it; an expression: its graph; else a description,
    with the nodes named by fragments of the IRI (an annotation's #target, #position, #quote)."""
    store = state().store
    g = rdflib.Graph()
    graphs = set(store.graphs())
    names = [iri] if iri in graphs else [str(r["e"]) for r in store.select(Q.expressions(iri))] if header else []
    if names and (iri in graphs or any(str(r["p"]) == str(rdflib.RDF.type) and str(r["o"]) == UNKG + "Resolution" for r in header)):
        for n in names:
            g += store.graph(n)
    else:
        g += store.construct(Q.describe(iri), timeout=60)
        if not header:  # cited here, not held: what its symbol says of it
            symbol = iri[len(base()):]
            g.add((rdflib.URIRef(iri), rdflib.URIRef(DCT + "identifier"), rdflib.Literal(symbol)))
            if undocs(symbol):
                g.add((rdflib.URIRef(iri), rdflib.RDFS.seeAlso, rdflib.URIRef(undocs(symbol))))
        done = {iri}
        while True:
            parts = {str(o) for o in g.objects() if isinstance(o, rdflib.URIRef) and str(o).startswith(iri + "#")} - done
            if not parts:
                break
            for part in sorted(parts):
                g += store.construct(Q.describe(part), timeout=60)
            done |= parts

    bind_prefixes(g)
    return g


def _cited(iri: str, citing: list[dict[str, Any]]) -> dict[str, Any]:
    """The page of a resolution this store does not hold but cites: who cites it here."""
    symbol = iri.rsplit("/id/", 1)[-1]
    rows = {}
    for r in citing:
        para, work = str(r["para"]), str(r["work"])
        label = f"{val(r.get('symbol')) or work.rsplit('/id/', 1)[-1]}, paragraph {val(r.get('num')) or anchor(para, work)}"
        rows[para] = {"iri": para, "label": label, "link": f"{local(work) or work}#{anchor(para, work)}", "work": work}
    cited_by = sorted(rows.values(), key=lambda d: d["label"])
    return {"title": symbol, "iri": iri, "properties": [], "container": None, "in_store": False,
            "cited_by": cited_by, "citing_works": len({d["work"] for d in cited_by}), "undocs": undocs(symbol)}


def _generic(iri: str, header: list[dict[str, Any]]) -> dict[str, Any]:
    c = concepts()
    props = []
    for r in header:
        o = r["o"]
        props.append({"property": str(r["p"]), "value": str(o), "is_iri": isinstance(o, rdflib.URIRef),
                      "label": c.labels.get(str(o)) if isinstance(o, rdflib.URIRef) else None,
                      "link": (local(str(o)) or concept_link(str(o))) if isinstance(o, rdflib.URIRef) else None})
    # what lives under a work (an expression in any language, a paragraph, a provision, the vote) links back to
    # it; paragraphs and what they hold to their anchor on the resolution page
    container = None
    parsed = iris.parse(iri, base())
    if parsed is not None and parsed.kind != "work":
        where = parsed.subparagraph or parsed.paragraph
        link = f"{local(parsed.work)}#{anchor(where, parsed.work)}" if where else local(parsed.work)
        container = {"iri": parsed.work, "link": link}
    return {"title": under_base(iri), "iri": iri, "properties": props, "container": container}


def _resolution(work: str, by_graph: list[dict[str, Any]]) -> dict[str, Any]:
    """The page of a work; `by_graph` has a row per language version's graph that states each value."""
    store = state().store
    c = concepts()
    names = _expressions(work)
    expression = _expression(work, names)
    # a property the shown version states comes from it alone ("34th meeting", not also "34e séance")
    stated = {str(r["p"]) for r in by_graph if str(r["g"]) == expression}
    fields: dict[str, list[Any]] = defaultdict(list)
    for r in by_graph:
        prop = str(r["p"])
        if (prop not in stated or str(r["g"]) == expression) and r["o"] not in fields[prop]:
            fields[prop].append(r["o"])
    symbol = str(fields.get(DCT + "identifier", [symbol_path(work)])[0])
    titles = [t for t in fields.get(DCT + "title", []) + fields.get(ELI + "title", []) if getattr(t, "language", None) in (None, "en")]
    meta = []
    for prop, label in HEADER_FIELDS:
        for v in fields.get(prop, []):
            meta.append({"label": label, "value": c.label(str(v)) if isinstance(v, rdflib.URIRef) else str(v),
                         "link": concept_link(str(v)) if isinstance(v, rdflib.URIRef) else None})
    vote = None
    for v in fields.get(UNKG + "vote", []):
        rows = store.select(Q.vote(str(v)))
        vote = {k.rsplit("#", 1)[-1]: val(r["o"]) for r in rows for k in [str(r["p"])]
                if k.startswith(UNKG) and not isinstance(r["o"], rdflib.URIRef)}
        from unkg.webapp.states import how_states_voted  # here: states imports pages, which imports this module's peers

        vote["by_state"] = how_states_voted(symbol, rows)
    paragraphs = _paragraphs(work, expression)
    return {
        "title": symbol, "symbol": symbol, "iri": work, "heading": str(titles[0]) if titles else "",
        "metadata": meta, "vote": vote, "undocs": undocs(symbol),
        "paragraphs": paragraphs, "count": len(paragraphs), "series": _series(symbol),
        "language": _language(expression), "languages": [lang for lang in (_language(n) for n in names) if lang],
    }


def _series(symbol: str) -> dict[str, Any] | None:
    """Previous and next in the resolution's series, from its lineage graph (docs/lineage.md)."""
    doc = lineage_doc(symbol)
    if doc is None:
        return None
    nxt = doc["successors"][0] if doc["successors"] else None
    link = lambda s: local(iris.work(s)) if s else None  # noqa: E731
    return {"previous": doc["predecessor"], "previous_link": link(doc["predecessor"]), "next": nxt,
            "next_link": link(nxt), "page": f"/series?symbol={symbol}",
            "compare": f"/compare?from={doc['predecessor']}&to={symbol}" if doc["predecessor"] else None}


def _expressions(work: str) -> list[str]:
    return sorted(str(r["e"]) for r in state().store.select(Q.expressions(work)))


def _language(expression: str) -> str | None:
    p = iris.parse(expression, base())
    return p.language if p is not None else None


def _expression(work: str, names: list[str] | None = None) -> str:
    """The language version the page shows: the one `?lang=` asks for if the work has it, else English where
    there is one, else the first by IRI."""
    names = _expressions(work) if names is None else names
    asked = request.args.get("lang")
    for wanted in ([asked] if asked else []) + ["en"]:
        found = [n for n in names if _language(n) == wanted]
        if found:
            return found[0]
    return names[0] if names else work


def _paragraphs(work: str, expression: str) -> list[dict[str, Any]]:
    """The resolution's top-level paragraphs in order, each with its text cut into highlighted segments, its
    provisions, citations and the anchors of its sub-paragraphs."""
    rows = state().store.select(Q.paragraphs(work, expression), timeout=60)
    parent = {str(r["para"]): str(r["parent"]) for r in rows}

    def top(p: str) -> str:
        seen = 0
        while parent.get(p, work) != work and seen < 10:
            p, seen = parent[p], seen + 1
        return p

    tops: dict[str, dict[str, Any]] = {}
    subs: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        p = str(r["para"])
        if parent[p] != work:
            subs[top(p)].append(anchor(p, work))
            continue
        kind = str(r["kind"]).rsplit("#", 1)[-1]
        tops[p] = {"iri": p, "anchor": anchor(p, work), "kind": "operative" if kind.startswith("Operative") else "preambular",
                   "number": val(r.get("num")), "index": val(r.get("idx")) or 0, "verb": val(r.get("verbText")) or "",
                   "text": val(r.get("text")) or "", "marks": [], "citations": [], "provisions": []}
    evidence_seen = _add_evidence(work, expression, tops, top)
    _add_provisions(work, expression, tops, top, evidence_seen)
    _add_citations(work, tops, top)
    out = sorted(tops.values(), key=lambda p: (p["index"], p["anchor"]))
    for p in out:
        p["segments"] = segments(p["text"], p.pop("marks"))
        p["subanchors"] = sorted(set(subs.get(p["iri"], [])))
    return out


def _add_evidence(work: str, expression: str, tops: dict[str, dict[str, Any]], top) -> set[tuple[str, str]]:
    """Marks the words each piece of evidence points at (by offset when the paragraph's own span is known, else
    by its quoted words); returns the (provision, concept) pairs that had evidence."""
    store, c = state().store, concepts()
    starts = {str(r["para"]): int(r["start"]) for r in store.select(Q.paragraph_spans(work, expression), timeout=60)}
    evidence_seen: set[tuple[str, str]] = set()
    para_of: dict[str, str] = {}  # subject -> its top-level paragraph: a provision has several annotations
    for r in store.select(Q.evidence_of(work, expression), timeout=60):
        subj = str(r["subject"])
        para = para_of.get(subj)
        if para is None:
            parsed = iris.parse(subj, base())
            para = para_of[subj] = top(parsed.subparagraph or parsed.paragraph or subj) if parsed else subj
        if para not in tops:
            continue
        body, prop = str(r["body"]), str(r.get("prop", ""))
        if prop == ELI + "cites":
            kind, link = "cite", local(body)
        else:
            kind = KIND_OF_LINK.get(prop, _kind_of_concept(body))
            link = actor_link(body) if kind == "actor" else concept_link(body)
        at = None
        if r.get("start") is not None and para in starts:
            s0, e0 = int(r["start"]) - starts[para], int(r["end"]) - starts[para]
            text = tops[para]["text"]
            if 0 <= s0 < e0 <= len(text) and (r.get("exact") is None or text[s0:e0] == str(r["exact"])):
                at = (s0, e0)
        words = str(r["exact"]) if r.get("exact") is not None else (tops[para]["text"][at[0]:at[1]] if at else "")
        tops[para]["marks"].append((words, kind, link, c.label(body) if kind != "cite" else symbol_path(body), at))
        evidence_seen.add((subj, body))
    return evidence_seen


def _add_provisions(work: str, expression: str, tops: dict[str, dict[str, Any]], top,
                    evidence_seen: set[tuple[str, str]]) -> None:
    """Each paragraph's provisions with their linked concepts; marks each provision's verb, and a concept's
    label where the concept has no evidence of its own."""
    c = concepts()
    provs: dict[str, dict[str, Any]] = {}
    for r in state().store.select(Q.provisions_of(work, expression), timeout=60):
        prov, para = str(r["prov"]), top(str(r["para"]))
        if para not in tops:
            continue
        d = provs.get(prov)
        if d is None:
            d = provs[prov] = {"iri": prov, "verb": val(r.get("verbText")) or "", "strength": val(r.get("strength")),
                               "links": {}}
            tops[para]["provisions"].append(d)
            if d["verb"]:
                tops[para]["marks"].append((d["verb"], "verb", None, f"strength {d['strength']}" if d["strength"] else "verb", None))
        if r.get("target") is not None:
            t, kind = str(r["target"]), KIND_OF_LINK.get(str(r["link"]), "actor")
            d["links"][t] = {"kind": kind, "label": c.label(t), "link": actor_link(t) if kind == "actor" else concept_link(t)}
            if (prov, t) not in evidence_seen:  # no evidence: highlight the concept's label where it occurs
                tops[para]["marks"].append((c.label(t), kind, d["links"][t]["link"], c.label(t), None))
    for d in provs.values():
        d["links"] = sorted(d["links"].values(), key=lambda x: (x["kind"], x["label"]))


def _add_citations(work: str, tops: dict[str, dict[str, Any]], top) -> None:
    """Each paragraph's cited resolutions, linked here when the store holds them, and to undocs.org."""
    for r in state().store.select(Q.citations_of(work), timeout=60):
        para = top(str(r["para"]))
        if para in tops:
            cited = str(r["cited"])
            known = bool(r.get("known") and r["known"].toPython())
            sym = val(r.get("citedSymbol")) or symbol_path(cited)
            entry = {"symbol": sym, "iri": cited, "link": local(cited) if known else None,
                     "undocs": undocs(sym)}
            if entry not in tops[para]["citations"]:
                tops[para]["citations"].append(entry)


def undocs(symbol: str) -> str | None:
    """The official document's address, when the symbol parses."""
    try:
        return iris.undocs(symbol)
    except ValueError:
        return None


def _kind_of_concept(iri: str) -> str:
    for scheme, kind in (("/actors/", "actor"), ("/rights/", "right"), ("/groups/", "group"), ("/verbs/", "verb")):
        if scheme in iri:
            return kind
    return "actor"


def segments(text: str, marks: list[tuple[str, str, str | None, str, tuple[int, int] | None]]) -> list[dict[str, Any]]:
    """Split `text` into plain and highlighted pieces. Marks with offsets go where they point; the others
    are found by their words (longest first); overlaps are dropped. The template escapes every piece, so
    markup inside a resolution shows as text."""
    found: list[tuple[int, int, str, str | None, str]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e, *_ in found)

    unique = list(dict.fromkeys(marks))
    for _words, kind, link, title, at in unique:
        if at is not None and free(*at):
            found.append((at[0], at[1], kind, link, title))
    lower = text.lower()
    for words, kind, link, title, _at in sorted((m for m in unique if m[4] is None), key=lambda m: -len(m[0])):
        if not words.strip():
            continue
        hay, needle = (text, words) if kind == "verb" else (lower, words.lower())
        start = 0
        while True:
            at_ = hay.find(needle, start)
            if at_ < 0:
                break
            end = at_ + len(needle)
            if free(at_, end):
                found.append((at_, end, kind, link, title))
                if kind == "verb":
                    break  # a verb phrase opens one provision: mark its first free occurrence only
            start = end
    found.sort()
    out, pos = [], 0
    for s, e, kind, link, title in found:
        if s > pos:
            out.append({"text": text[pos:s]})
        out.append({"text": text[s:e], "kind": kind, "link": link, "title": title})
        pos = e
    if pos < len(text):
        out.append({"text": text[pos:]})
    return out
