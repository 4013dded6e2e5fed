"""The lineage named graph of one resolution: `<work>/lineage` (docs/lineage.md).

`build(new, series, old=None, alignments=(), score=None, evidence=())` gives the graph name and its triples:
the series membership, and with a predecessor the `prov:wasRevisionOf` link qualified by a
`unkg:SeriesLink`, and one `unkg:ParagraphAlignment` per entry of the alignment (qualifying
`prov:wasDerivedFrom` between paragraphs when there is a source). Deterministic, no blank nodes.
"""
from __future__ import annotations

from typing import Sequence

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import PROV

from unkg import iris
from unkg.config import base_iri
from unkg.ingest.graph import UNKG, bind_prefixes, paragraph_iris
from unkg.ingest.model import Resolution
from unkg.lineage.align import DROPPED, NEW, Alignment, summary


def graph_name(symbol: str) -> str:
    return iris.work(symbol) + "/lineage"


def series_iri(first_symbol: str) -> str:
    """A series is named after its earliest member in the store."""
    return base_iri() + "series/" + iris.Symbol.parse(first_symbol).path


def symbol_of_series(series: str) -> str | None:
    """The symbol a series IRI was named after (the inverse of `series_iri`)."""
    prefix = base_iri() + "series/"
    return series[len(prefix):] if series.startswith(prefix) else None


def _decimal(x: float) -> Literal:
    return Literal(f"{x:.3f}", datatype=XSD.decimal)


def build(new: Resolution, series: str, old: Resolution | None = None, alignments: Sequence[Alignment] = (),
          score: float | None = None, evidence: Sequence[str] = ()) -> tuple[str, Graph]:
    g = bind_prefixes(Graph())
    name = graph_name(new.symbol)
    work = URIRef(iris.work(new.symbol))
    s = URIRef(series)
    g.add((work, UNKG.inSeries, s))
    g.add((s, RDF.type, UNKG.Series))
    g.add((s, PROV.hadMember, work))
    if new.title:
        g.add((s, RDFS.label, Literal(new.title, lang=new.language)))
    if old is None:
        return name, g
    prev = URIRef(iris.work(old.symbol))
    link = URIRef(name + "/link")
    g.add((work, PROV.wasRevisionOf, prev))
    g.add((work, PROV.qualifiedRevision, link))
    g.add((link, RDF.type, UNKG.SeriesLink))
    g.add((link, PROV.entity, prev))
    if score is not None:
        g.add((link, UNKG.linkScore, _decimal(score)))
    for e in evidence:
        g.add((link, UNKG.linkEvidence, Literal(e)))
    for status, n in summary(alignments).items():
        g.add((link, UNKG[f"{status}Count"], Literal(n, datatype=XSD.nonNegativeInteger)))
    old_iri = {id(p): i for p, i in paragraph_iris(old)}
    new_iri = {id(p): i for p, i in paragraph_iris(new)}
    work_new, work_old = iris.work(new.symbol), iris.work(old.symbol)
    for a in alignments:
        to = URIRef(new_iri[id(a.new)]) if a.new is not None and a.status != DROPPED else None
        fr = URIRef(old_iri[id(a.old)]) if a.old is not None and a.status != NEW else None
        if to is not None:
            key = to[len(work_new) + 1:]
            if a.method in ("split", "merge") and fr is not None:
                key += "/from/" + fr[len(work_old) + 1:]
        else:
            key = "dropped/" + fr[len(work_old) + 1:]  # type: ignore[index]
        node = URIRef(f"{name}/{key}")
        g.add((node, RDF.type, UNKG.ParagraphAlignment))
        g.add((node, UNKG.alignmentStatus, UNKG[a.status]))
        g.add((node, UNKG.alignmentMethod, Literal(a.method)))
        g.add((node, UNKG.inSeriesLink, link))
        if to is not None:
            g.add((node, UNKG.toParagraph, to))
        if fr is not None:
            g.add((node, UNKG.fromParagraph, fr))
            g.add((node, UNKG.similarity, _decimal(a.similarity)))
        if to is not None and fr is not None:
            g.add((node, RDF.type, PROV.Derivation))
            g.add((node, PROV.entity, fr))
            g.add((to, PROV.wasDerivedFrom, fr))
            g.add((to, PROV.qualifiedDerivation, node))
    return name, g
