"""Series entries (unkg.lineage.series.Entry) from a document model or, in bulk, from the store."""
from __future__ import annotations

import json
from typing import Any

from unkg import iris
from unkg.ingest.model import OPERATIVE, PREAMBULAR, Paragraph, Resolution, Source
from unkg.lineage.series import Entry, entry
from unkg.lineage.stored import PREFIXES

_UNBIS = "http://metadata.un.org/thesaurus/"


def from_resolution(res: Resolution) -> Entry:
    """From a document model; citations are read from the text when extraction has not run."""
    # here: extraction loads the vocabularies, which only files that were not extracted need
    from unkg.ingest.extract.citations import find_citations
    from unkg.ingest.extract.grammar import grammar

    cites: set[str] = set()
    if any(p.citations for p in res.paragraphs):
        cites = {c.symbol for p in res.paragraphs for c in p.citations}
    else:
        gram = grammar(res.language)
        for p in res.paragraphs:
            cites.update(f.symbol for f in find_citations(p.text, res.body, gram))
    subjects = {k for k in res.keywords if k.startswith(_UNBIS)}
    return entry(res.symbol, iris.slug(res.body), res.date, res.title, cites, subjects, [p.text for p in res.paragraphs])


class _Value(str):
    """A plain value from a SPARQL JSON result (the bulk reads skip building rdflib terms, which costs more
    than the query on a large store); `language` is the literal's tag, if any."""

    language: str | None = None


def _rows(store: Any, sparql: str) -> list[dict[str, _Value]]:
    data = json.loads(store.query_raw(PREFIXES + sparql, "json"))
    out = []
    for b in data["results"]["bindings"]:
        row = {}
        for k, v in b.items():
            row[k] = _Value(v["value"])
            row[k].language = v.get("xml:lang")
        out.append(row)
    return out


def from_store(store: Any, language: str = "en") -> tuple[dict[str, Entry], dict[str, Resolution]]:
    """Every resolution in the store as a series entry and as a document model of its paragraphs, read in
    four queries: headers, citations, subjects, paragraphs. A resolution without a version in `language` is
    read in its first stored language."""
    rows = _rows(store, """SELECT ?g ?w ?symbol ?lang ?body ?date ?title WHERE { GRAPH ?g {
        ?g eli:realizes ?w ; dcterms:language ?lang . ?w dcterms:identifier ?symbol .
        OPTIONAL { ?w unkg:adoptedBy ?body } OPTIONAL { ?w unkg:adoptionDate ?date }
        OPTIONAL { ?w dcterms:title ?title } } }""")
    chosen: dict[str, dict[str, Any]] = {}
    for r in sorted(rows, key=lambda r: str(r["g"])):
        w = str(r["w"])
        if w not in chosen or (str(r["lang"]) == language and str(chosen[w]["lang"]) != language):
            chosen[w] = r
    graphs = {str(r["g"]): w for w, r in chosen.items()}
    cites: dict[str, set[str]] = {}
    for r in _rows(store, """SELECT DISTINCT ?g ?c WHERE { GRAPH ?g { ?p eli:cites ?c } }"""):
        w = graphs.get(str(r["g"]))
        if w:
            cites.setdefault(w, set()).add(str(r["c"]))
    subjects: dict[str, set[str]] = {}
    for r in _rows(store, """SELECT DISTINCT ?g ?s WHERE { GRAPH ?g { ?w dcterms:subject ?s } }"""):
        w = graphs.get(str(r["g"]))
        if w and str(r["s"]).startswith(_UNBIS):
            subjects.setdefault(w, set()).add(str(r["s"]))
    paragraphs: dict[str, list[Paragraph]] = {}
    query = """SELECT ?g ?type ?index ?text ?number ?part WHERE { GRAPH ?g {
            ?p a ?type ; unkg:index ?index ; rdf:value ?text .
            VALUES ?type { unkg:PreambularParagraph unkg:OperativeParagraph }
            OPTIONAL { ?p eli:number ?number } OPTIONAL { ?p unkg:part ?part } } FILTER (%s) }"""
    # one query for the versions in `language`, then one per resolution stored only in other languages
    rest = sorted(g for g, w in graphs.items() if str(chosen[w]["lang"]) != language)
    filters = [f'lang(?text) = "{language}"'] + [f"?g = <{g}>" for g in rest]
    for flt in filters:
        for r in _rows(store, query % flt):
            w = graphs.get(str(r["g"]))
            if w:
                kind = OPERATIVE if str(r["type"]).endswith("OperativeParagraph") else PREAMBULAR
                paragraphs.setdefault(w, []).append(Paragraph(
                    kind=kind, index=int(str(r["index"])), verb_text="", text=str(r["text"]),
                    number=str(r["number"]) if r.get("number") else None,
                    part=str(r["part"]) if r.get("part") else None))
    symbols = {w: str(r["symbol"]) for w, r in chosen.items()}
    entries: dict[str, Entry] = {}
    documents: dict[str, Resolution] = {}
    for w, r in chosen.items():
        symbol = symbols[w]
        body = str(r.get("body", "")).rsplit("/", 1)[-1]
        title = str(r["title"]) if r.get("title") else ""
        ps = sorted(paragraphs.get(w, []), key=lambda p: p.index)
        cited = {symbols[c] for c in cites.get(w, ()) if c in symbols}
        entries[symbol] = entry(symbol, body, str(r["date"]) if r.get("date") else None, title, cited,
                                subjects.get(w, set()), [p.text for p in ps])
        documents[symbol] = Resolution(symbol=symbol, body=body, session=None, date=None, language=str(r["lang"]),
                                       title=title, source=Source(path=str(r["g"]), sha256="", format="store"),
                                       paragraphs=ps)
    return entries, documents
