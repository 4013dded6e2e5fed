"""Series entries (unkg.lineage.series.Entry) from a document model or, in bulk, from the store."""
from __future__ import annotations

import json
from typing import Any, Iterable

from unkg import iris
from unkg.ingest.model import OPERATIVE, PREAMBULAR, Resolution
from unkg.lineage.record import UNBIS, Record
from unkg.lineage.series import Entry, entry
from unkg.lineage.stored import PREFIXES


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
    subjects = {k for k in res.keywords if k.startswith(UNBIS)}
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


def from_store(store: Any, language: str = "en", records: Iterable[Record] = ()) -> tuple[dict[str, Entry], dict[str, Resolution]]:
    """Every resolution in the store as a series entry and as a document model of its paragraphs. The
    version read is the one in `language`, else the first stored (by graph IRI). `records` (from the ingest
    that has just written those graphs) stand for the store's triples of their graphs; the other chosen
    graphs are read in bulk: citations, subjects, paragraphs, one query each."""
    chosen = _headers(store, language)
    known = {r.graph: r for r in records}
    missing = {g: h for g, h in chosen.items() if g not in known}
    got = [known[g] for g in chosen if g in known] + list(_read(store, missing, language).values())
    return from_records(got)


def from_records(records: Iterable[Record], keys: dict[str, tuple[list[str], set[int]]] | None = None
                 ) -> tuple[dict[str, Entry], dict[str, Resolution]]:
    """Series entries and document models of one record per resolution; citations count only between them.
    `keys`: the `series.text_keys` of records already taken, by the record's graph."""
    records = list(records)
    symbols = {r.work: r.symbol for r in records}
    entries: dict[str, Entry] = {}
    documents: dict[str, Resolution] = {}
    for r in records:
        cited = {symbols[c] for c in r.cites if c in symbols}
        entries[r.symbol] = entry(r.symbol, r.body, r.date, r.title, cited, r.subjects, [p[4] for p in r.paragraphs],
                                  (keys or {}).get(r.graph))
        documents[r.symbol] = r.document()
    return entries, documents


def _headers(store: Any, language: str) -> dict[str, dict[str, Any]]:
    """The header row of the graph lineage reads for each work, by graph IRI."""
    rows = _rows(store, """SELECT ?g ?w ?symbol ?lang ?body ?date ?title WHERE { GRAPH ?g {
        ?g eli:realizes ?w ; dcterms:language ?lang . ?w dcterms:identifier ?symbol .
        OPTIONAL { ?w unkg:adoptedBy ?body } OPTIONAL { ?w unkg:adoptionDate ?date }
        OPTIONAL { ?w dcterms:title ?title } } }""")
    chosen: dict[str, dict[str, Any]] = {}
    for r in sorted(rows, key=lambda r: str(r["g"])):
        w = str(r["w"])
        if w not in chosen or (str(r["lang"]) == language and str(chosen[w]["lang"]) != language):
            chosen[w] = r
    return {str(r["g"]): r for r in chosen.values()}


def _read(store: Any, heads: dict[str, dict[str, Any]], language: str) -> dict[str, Record]:
    """Records of the graphs `heads` names, read from the store."""
    if not heads:
        return {}
    # VALUES: only the graphs read (one version per resolution), each looked up by its own prefix
    graphs = " ".join(f"<{g}>" for g in sorted(heads))
    cites: dict[str, set[str]] = {}
    for r in _rows(store, f"SELECT DISTINCT ?g ?c WHERE {{ VALUES ?g {{ {graphs} }} GRAPH ?g {{ ?p eli:cites ?c }} }}"):
        cites.setdefault(str(r["g"]), set()).add(str(r["c"]))
    subjects: dict[str, set[str]] = {}
    for r in _rows(store, f"SELECT DISTINCT ?g ?s WHERE {{ VALUES ?g {{ {graphs} }} GRAPH ?g {{ ?w dcterms:subject ?s }} }}"):
        if str(r["s"]).startswith(UNBIS):
            subjects.setdefault(str(r["g"]), set()).add(str(r["s"]))
    paragraphs: dict[str, list[tuple]] = {}
    # Each { SELECT ... } block reads one property in one index scan and the blocks are hash-joined: several
    # times faster than looking each paragraph's properties up one by one (as the competency questions do)
    query = """SELECT ?g ?type ?index ?text ?number ?part WHERE {
            { SELECT ?g ?p ?text { GRAPH ?g { ?p rdf:value ?text } FILTER (%s) } }
            { SELECT ?g ?p ?type { GRAPH ?g { ?p a ?type } VALUES ?type { unkg:PreambularParagraph unkg:OperativeParagraph } } }
            { SELECT ?g ?p ?index { GRAPH ?g { ?p unkg:index ?index } } }
            OPTIONAL { GRAPH ?g { ?p eli:number ?number } } OPTIONAL { GRAPH ?g { ?p unkg:part ?part } } }"""
    # one query for the versions in `language`, then one per resolution stored only in other languages
    rest = sorted(g for g, h in heads.items() if str(h["lang"]) != language)
    filters = [f'lang(?text) = "{language}"'] + [f'lang(?text) = "{heads[g]["lang"]}"' for g in rest]
    for flt, only in zip(filters, [None, *rest], strict=True):
        for r in _rows(store, query % flt if only is None else query.replace("GRAPH ?g", f"GRAPH <{only}>") % flt):
            g = only or str(r["g"])
            if g in heads:
                kind = OPERATIVE if str(r["type"]).endswith("OperativeParagraph") else PREAMBULAR
                paragraphs.setdefault(g, []).append((kind, int(str(r["index"])), str(r["number"]) if r.get("number") else None,
                                                     str(r["part"]) if r.get("part") else None, str(r["text"])))
    out = {}
    for g, h in heads.items():
        out[g] = Record(graph=g, work=str(h["w"]), symbol=str(h["symbol"]), language=str(h["lang"]),
                        body=str(h.get("body", "")).rsplit("/", 1)[-1], date=str(h["date"]) if h.get("date") else None,
                        title=str(h["title"]) if h.get("title") else "", cites=tuple(sorted(cites.get(g, ()))),
                        subjects=tuple(sorted(subjects.get(g, ()))),
                        paragraphs=tuple(sorted(paragraphs.get(g, []), key=lambda p: p[1])))
    return out
