"""Series entries (unkg.lineage.series.Entry) from a document model or, in bulk, from the store."""
from __future__ import annotations

from typing import Any

from unkg import iris
from unkg.ingest.model import Resolution
from unkg.lineage.series import Entry, entry
from unkg.lineage.stored import PREFIXES

_UNBIS = "http://metadata.un.org/thesaurus/"


def from_resolution(res: Resolution) -> Entry:
    """From a document model; citations are read from the text when extraction has not run."""
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


def from_store(store: Any, language: str = "en") -> dict[str, Entry]:
    """Every resolution in the store, read in four queries: headers, citations, subjects, paragraph texts.
    A resolution without a version in `language` is read in its first stored language."""
    rows = store.select(PREFIXES + """SELECT ?g ?w ?symbol ?lang ?body ?date ?title WHERE { GRAPH ?g {
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
    for r in store.select(PREFIXES + """SELECT DISTINCT ?g ?c WHERE { GRAPH ?g { ?p eli:cites ?c } }"""):
        w = graphs.get(str(r["g"]))
        if w:
            cites.setdefault(w, set()).add(str(r["c"]))
    subjects: dict[str, set[str]] = {}
    for r in store.select(PREFIXES + """SELECT DISTINCT ?g ?s WHERE { GRAPH ?g { ?w dcterms:subject ?s } }"""):
        w = graphs.get(str(r["g"]))
        if w and str(r["s"]).startswith(_UNBIS):
            subjects.setdefault(w, set()).add(str(r["s"]))
    texts: dict[str, list[tuple[int, str]]] = {}
    for r in store.select(PREFIXES + """SELECT ?g ?i ?text WHERE { GRAPH ?g {
            ?p a ?type ; unkg:index ?i ; rdf:value ?text .
            VALUES ?type { unkg:PreambularParagraph unkg:OperativeParagraph } } }"""):
        w = graphs.get(str(r["g"]))
        if w:
            texts.setdefault(w, []).append((int(str(r["i"])), str(r["text"])))
    symbols = {w: str(r["symbol"]) for w, r in chosen.items()}
    out: dict[str, Entry] = {}
    for w, r in chosen.items():
        body = str(r.get("body", "")).rsplit("/", 1)[-1]
        cited = {symbols[c] for c in cites.get(w, ()) if c in symbols}
        paragraphs = [t for _, t in sorted(texts.get(w, []))]
        out[symbols[w]] = entry(symbols[w], body, str(r["date"]) if r.get("date") else None,
                                str(r["title"]) if r.get("title") else "", cited, subjects.get(w, set()), paragraphs)
    return out
