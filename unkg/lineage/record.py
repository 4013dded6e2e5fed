"""What lineage needs to know about one stored resolution expression, in a compact form (docs/lineage.md).

A `Record` holds the header (symbol, body, date, title, language), the works its paragraphs cite, its
UN thesaurus subjects and its paragraphs (kind, index, number, part, text): exactly what series placement
and paragraph alignment read. The ingest takes one from each graph it has just built (`from_graph`, in the
worker, where the graph is in memory), so that lineage is built at ingest time without reading the texts
back from the store (nor the statements of its mandates that the renewals read, `mandates`); `unkg lineage
--rebuild` reads the same fields from the store
(`unkg.lineage.entries.from_store`). Both read the same triples, so both give the same lineage.
"""
from __future__ import annotations

from dataclasses import dataclass

from rdflib import RDF, Graph, URIRef
from rdflib.namespace import DCTERMS

from unkg.ingest.graph import ELI, UNKG
from unkg.ingest.model import OPERATIVE, PREAMBULAR, Paragraph, Resolution, Source
from unkg.lineage.renewals import statements

UNBIS = "http://metadata.un.org/thesaurus/"
_KINDS = {UNKG.PreambularParagraph: PREAMBULAR, UNKG.OperativeParagraph: OPERATIVE}


@dataclass
class Record:
    graph: str  # the expression graph the record was read from
    work: str
    symbol: str
    language: str
    body: str  # the slug of the adopting organ's actor IRI ("general-assembly")
    date: str | None
    title: str
    cites: tuple[str, ...]  # work IRIs cited by its paragraphs
    subjects: tuple[str, ...]  # UN thesaurus (UNBIS) subject IRIs
    paragraphs: tuple[tuple[str, int, str | None, str | None, str], ...]  # (kind, index, number, part, text), in order
    # the statements the mandates' renewals read (unkg.lineage.renewals.statements), as N-Triples; "" when the
    # record was read from the store, where the renewals are read from the store as well
    mandates: str = ""

    def document(self) -> Resolution:
        """The document model alignment and the lineage graph need: header and paragraphs only."""
        return Resolution(symbol=self.symbol, body=self.body, session=None, date=None, language=self.language,
                          title=self.title, source=Source(path=self.graph, sha256="", format="store"),
                          paragraphs=[Paragraph(kind=k, index=i, number=n, verb_text="", text=t, part=p)
                                      for k, i, n, p, t in self.paragraphs])


def prefer(a: Record | None, b: Record) -> Record:
    """Of two records of one work, the one lineage reads: the version in `language` "en", else the first
    graph by IRI (the rule of `entries.from_store`)."""
    if a is None:
        return b
    if (a.language == "en") != (b.language == "en"):
        return a if a.language == "en" else b
    return a if a.graph <= b.graph else b


def from_graph(graph_iri: str, g: Graph) -> Record | None:
    """The record of the expression graph `g` (named `graph_iri`); None when it describes no resolution."""
    expr = URIRef(graph_iri)
    work = g.value(expr, ELI.realizes)
    symbol = g.value(work, DCTERMS.identifier) if work is not None else None
    if work is None or symbol is None:
        return None
    lang = g.value(expr, DCTERMS.language)
    body = g.value(work, UNKG.adoptedBy)
    date = g.value(work, UNKG.adoptionDate)
    title = g.value(work, DCTERMS.title)
    kinds = {s: _KINDS[o] for s, o in g.subject_objects(RDF.type) if o in _KINDS}
    index = {s: int(o) for s, o in g.subject_objects(UNKG["index"]) if s in kinds}
    text = {s: str(o) for s, o in g.subject_objects(RDF.value) if s in index}
    number = {s: str(o) for s, o in g.subject_objects(ELI.number) if s in text}
    part = {s: str(o) for s, o in g.subject_objects(UNKG.part) if s in text}
    paragraphs = sorted(((kinds[s], index[s], number.get(s), part.get(s), t) for s, t in text.items()), key=lambda p: p[1])
    return Record(graph=graph_iri, work=str(work), symbol=str(symbol), language=str(lang or ""),
                  body=str(body or "").rsplit("/", 1)[-1], date=str(date) if date is not None else None,
                  title=str(title or ""), cites=tuple(sorted({str(o) for o in g.objects(None, ELI.cites)})),
                  subjects=tuple(sorted(str(o) for o in g.objects(None, DCTERMS.subject) if str(o).startswith(UNBIS))),
                  paragraphs=tuple(paragraphs), mandates=statements(g))
