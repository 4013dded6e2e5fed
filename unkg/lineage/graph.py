"""The lineage named graph of one resolution: `<work>/lineage` (docs/lineage.md).

`build_lines(new, series, old=None, alignments=(), score=None, evidence=())` gives the graph name, its
triples as N-Triples lines and its derivations: the series membership, and with a predecessor the
`prov:wasRevisionOf` link qualified by a `unkg:SeriesLink`, and one `unkg:ParagraphAlignment` per entry of
the alignment (qualifying `prov:wasDerivedFrom` between paragraphs when there is a source). Deterministic,
no blank nodes. The lines are written as text, each as rdflib's N-Triples serialiser writes it: the ingest
builds a lineage graph per resolution, and filling and serialising an rdflib Graph cost more than aligning
the paragraphs. `build` gives the same triples as an rdflib Graph.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from rdflib import RDF, RDFS, XSD, Graph, Literal
from rdflib.namespace import PROV
from rdflib.plugins.serializers.nt import _quoteLiteral

from unkg import iris
from unkg.config import base_iri
from unkg.ingest.graph import UNKG, bind_prefixes, paragraph_iris
from unkg.ingest.model import Resolution
from unkg.lineage.align import DROPPED, NEW, STATUSES, Alignment, summary


def graph_name(symbol: str) -> str:
    return iris.work(symbol) + "/lineage"


def series_iri(first_symbol: str) -> str:
    """A series is named after its earliest member in the store."""
    return base_iri() + "series/" + iris.Symbol.parse(first_symbol).path


def symbol_of_series(series: str) -> str | None:
    """The symbol a series IRI was named after (the inverse of `series_iri`)."""
    prefix = base_iri() + "series/"
    return series[len(prefix):] if series.startswith(prefix) else None


def _n3(term: object) -> str:
    return f"<{term}>"


# the predicates and classes as N-Triples terms, written once
A, LABEL = _n3(RDF.type), _n3(RDFS.label)
IN_SERIES, SERIES, HAD_MEMBER = _n3(UNKG.inSeries), _n3(UNKG.Series), _n3(PROV.hadMember)
REVISION_OF, QUALIFIED_REVISION, SERIES_LINK = _n3(PROV.wasRevisionOf), _n3(PROV.qualifiedRevision), _n3(UNKG.SeriesLink)
ENTITY, LINK_SCORE, LINK_EVIDENCE = _n3(PROV.entity), _n3(UNKG.linkScore), _n3(UNKG.linkEvidence)
COUNT = {s: _n3(UNKG[f"{s}Count"]) for s in STATUSES}
STATUS = {s: _n3(UNKG[s]) for s in STATUSES}
ALIGNMENT, DERIVATION = _n3(UNKG.ParagraphAlignment), _n3(PROV.Derivation)
ALIGNMENT_STATUS, ALIGNMENT_METHOD, IN_SERIES_LINK = _n3(UNKG.alignmentStatus), _n3(UNKG.alignmentMethod), _n3(UNKG.inSeriesLink)
TO_PARAGRAPH, FROM_PARAGRAPH, SIMILARITY = _n3(UNKG.toParagraph), _n3(UNKG.fromParagraph), _n3(UNKG.similarity)
DERIVED_FROM, QUALIFIED_DERIVATION = _n3(PROV.wasDerivedFrom), _n3(PROV.qualifiedDerivation)
_DECIMAL, _COUNT_TYPE = f"^^<{XSD.decimal}>", f"^^<{XSD.nonNegativeInteger}>"


def literal(value: str, lang: str | None = None) -> str:
    """A string literal in N-Triples, as rdflib writes it."""
    return _quoteLiteral(Literal(value, lang=lang or None))


def _decimal(x: float) -> str:
    return f'"{x:.3f}"{_DECIMAL}'


@dataclass
class Lines:
    name: str  # the graph's IRI
    lines: list[str]  # its triples, one N-Triples line each, without repeats
    derived: list[tuple[str, str]]  # (paragraph, source) of each prov:wasDerivedFrom

    def graph(self) -> Graph:
        g = bind_prefixes(Graph())
        g.parse(data="".join(self.lines), format="nt")
        return g


def build(new: Resolution, series: str, old: Resolution | None = None, alignments: Sequence[Alignment] = (),
          score: float | None = None, evidence: Sequence[str] = ()) -> tuple[str, Graph]:
    """`build_lines` as an rdflib Graph."""
    built = build_lines(new, series, old, alignments, score, evidence)
    return built.name, built.graph()


def build_lines(new: Resolution, series: str, old: Resolution | None = None, alignments: Sequence[Alignment] = (),
                score: float | None = None, evidence: Sequence[str] = ()) -> Lines:
    name = graph_name(new.symbol)
    work, s = _n3(iris.work(new.symbol)), _n3(series)
    out = [f"{work} {IN_SERIES} {s} .\n", f"{s} {A} {SERIES} .\n", f"{s} {HAD_MEMBER} {work} .\n"]
    if new.title:
        out.append(f"{s} {LABEL} {literal(new.title, new.language)} .\n")
    derived: list[tuple[str, str]] = []
    if old is not None:
        prev, link = _n3(iris.work(old.symbol)), _n3(name + "/link")
        out += [f"{work} {REVISION_OF} {prev} .\n", f"{work} {QUALIFIED_REVISION} {link} .\n",
                f"{link} {A} {SERIES_LINK} .\n", f"{link} {ENTITY} {prev} .\n"]
        if score is not None:
            out.append(f"{link} {LINK_SCORE} {_decimal(score)} .\n")
        out += [f"{link} {LINK_EVIDENCE} {literal(e)} .\n" for e in evidence]
        out += [f'{link} {COUNT[status]} "{n}"{_COUNT_TYPE} .\n' for status, n in summary(alignments).items()]
        _alignments(out, derived, name, link, new, old, alignments)
    return Lines(name, list(dict.fromkeys(out)), list(dict.fromkeys(derived)))


def _alignments(out: list[str], derived: list[tuple[str, str]], name: str, link: str, new: Resolution,
                old: Resolution, alignments: Sequence[Alignment]) -> None:
    old_iri = {id(p): i for p, i in paragraph_iris(old)}
    new_iri = {id(p): i for p, i in paragraph_iris(new)}
    work_new, work_old = iris.work(new.symbol), iris.work(old.symbol)
    methods: dict[str, str] = {}
    for a in alignments:
        to = new_iri[id(a.new)] if a.new is not None and a.status != DROPPED else None
        fr = old_iri[id(a.old)] if a.old is not None and a.status != NEW else None
        if to is not None:
            key = to[len(work_new) + 1:]
            if a.method in ("split", "merge") and fr is not None:
                key += "/from/" + fr[len(work_old) + 1:]
        else:
            key = "dropped/" + fr[len(work_old) + 1:]  # type: ignore[index]
        node = _n3(f"{name}/{key}")
        method = methods.get(a.method) or methods.setdefault(a.method, literal(a.method))
        out += [f"{node} {A} {ALIGNMENT} .\n", f"{node} {ALIGNMENT_STATUS} {STATUS[a.status]} .\n",
                f"{node} {ALIGNMENT_METHOD} {method} .\n", f"{node} {IN_SERIES_LINK} {link} .\n"]
        if to is not None:
            out.append(f"{node} {TO_PARAGRAPH} <{to}> .\n")
        if fr is not None:
            out += [f"{node} {FROM_PARAGRAPH} <{fr}> .\n", f"{node} {SIMILARITY} {_decimal(a.similarity)} .\n"]
        if to is not None and fr is not None:
            out += [f"{node} {A} {DERIVATION} .\n", f"{node} {ENTITY} <{fr}> .\n",
                    f"<{to}> {DERIVED_FROM} <{fr}> .\n", f"<{to}> {QUALIFIED_DERIVATION} {node} .\n"]
            derived.append((to, fr))
