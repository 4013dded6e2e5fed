"""The shapes' SPARQL constraints read in Python from the shape check's index of a graph, without Oxigraph.

`shapecheck.Checker` runs a node shape's SPARQL constraint on Oxigraph, once per focus node, with the graph
loaded into an in-memory store: on an ingest, that load and those queries cost more than all the Python
tests of the other shapes. For the constraints written in shapes/*.ttl, `READINGS` holds the same question
asked of the index (`shapecheck.Data`): keyed by the query's text (its whitespace collapsed), so a query
changed in the shapes is no longer found here and runs on Oxigraph again until its reading is changed too.

A reading answers as the checker's tests answer: True only when the query certainly has no solution for
this focus node; False when it has one, or when a value is of a kind the reading does not follow exactly (a
number that is no plain run of digits, an offset that is not an integer literal): then pySHACL judges the
graph, as it does whenever the checker says "maybe". tests/test_shapesparql.py compares each reading with
Oxigraph's answer to the query on graphs that break and keep it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from rdflib import RDF, XSD, Literal, URIRef

_UNKG = "https://w3id.org/unkg/ontology#"
_ELI = "http://data.europa.eu/eli/ontology#"
_OA = "http://www.w3.org/ns/oa#"
_TYPE = str(RDF.type)
_OPERATIVE = URIRef(_UNKG + "OperativeParagraph")
_PART_OF, _NUMBER = _ELI + "is_part_of", _ELI + "number"
_EVIDENCE_FOR, _IN_PARAGRAPH, _HAS_MANDATE = _UNKG + "evidenceFor", _UNKG + "inParagraph", _UNKG + "hasMandate"
_HAS_TARGET, _HAS_SOURCE, _HAS_SELECTOR = _OA + "hasTarget", _OA + "hasSource", _OA + "hasSelector"
_HAS_BODY, _MOTIVATED_BY, _IDENTIFYING = _OA + "hasBody", _OA + "motivatedBy", URIRef(_OA + "identifying")
_START, _END = _OA + "start", _OA + "end"

# A paragraph number xsd:integer() reads as the same number in Oxigraph and here (its integers are 64-bit).
_DIGITS = re.compile(r"[0-9]{1,18}")
# Integer datatypes whose literals Oxigraph compares as numbers; others are left to pySHACL.
_INTEGERS = {XSD.integer, XSD.nonNegativeInteger, XSD.positiveInteger, XSD.long, XSD.int, XSD.unsignedLong,
             XSD.unsignedInt}


@dataclass(frozen=True)
class Reading:
    test: Callable  # (focus node, Data) -> True when the query certainly has no solution
    backwards: frozenset[str]  # predicates it walks from object to subject (Data.subjects)
    listed: frozenset[str]  # predicates whose (subject, object) pairs it reads (Data.pairs)


def _is(term: object, iri: str) -> bool:
    return type(term) is URIRef and str.__eq__(term, iri)


def _plain(v: object) -> bool:
    return type(v) is Literal and v.language is None and v.datatype in (None, XSD.string)


def _operative_in(focus: URIRef, data) -> list:
    """The operative paragraphs that are part of the focus node (?p eli:is_part_of $this; a unkg:OperativeParagraph)."""
    this = str(focus)
    return [p for p in data.subjects(_TYPE, _OPERATIVE) if any(_is(o, this) for o in data.objects(p, _PART_OF))]


def numbered_without_gaps(focus, data) -> bool:
    """shapes:ResolutionShape: no operative paragraph numbered n (n != "1") without an operative paragraph
    at the same IRI ending in n - 1."""
    if type(focus) is not URIRef:
        return False
    for p in _operative_in(focus, data):
        for value in data.objects(p, _NUMBER):
            if not _plain(value):
                return False  # compared and cast as another kind: pySHACL judges
            text = str(value)
            if text == "1":
                continue
            if not _DIGITS.fullmatch(text):
                return False
            iri = str(p)
            previous = iri[:iri.rfind("/") + 1] + str(int(text) - 1)
            if not any(_is(t, _OPERATIVE) for t in data.objects(URIRef(previous), _TYPE)):
                return False
    return True


def no_unnumbered_among_numbered(focus, data) -> bool:
    """shapes:UnnumberedParagraphShape: when any operative paragraph of the graph has a number, every
    operative paragraph of the focus node has one."""
    if type(focus) is not URIRef:
        return False
    if not any(data.objects(o, _NUMBER) for o in data.subjects(_TYPE, _OPERATIVE)):
        return True
    return all(data.objects(p, _NUMBER) for p in _operative_in(focus, data))


def _integer(v: object) -> int | None:
    if type(v) is Literal and v.datatype in _INTEGERS and _DIGITS.fullmatch(str(v)):
        return int(str(v))
    return None


def _paragraph_spans(subject, data) -> list[tuple[int, int]] | None:
    """(start, end) of the identifying annotations of the paragraphs a statement's subject is in:
    ?subject (unkg:inParagraph | ^unkg:hasMandate/unkg:inParagraph)? ?paragraph, then the paragraph's
    span (?span oa:hasBody ?paragraph; oa:motivatedBy oa:identifying; oa:hasTarget/oa:hasSelector ...);
    None when an offset is not an integer literal."""
    paragraphs = [subject, *data.objects(subject, _IN_PARAGRAPH)]
    for provision in data.subjects(_HAS_MANDATE, subject):
        paragraphs += data.objects(provision, _IN_PARAGRAPH)
    out = []
    for paragraph in dict.fromkeys(paragraphs):
        for span in data.subjects(_HAS_BODY, paragraph):
            if not any(_is(m, _IDENTIFYING) for m in data.objects(span, _MOTIVATED_BY)):
                continue
            for target in data.objects(span, _HAS_TARGET):
                for s, e in _offsets(target, data):
                    c, d = _integer(s), _integer(e)
                    if c is None or d is None:
                        return None
                    out.append((c, d))
    return out


def _offsets(target, data):
    """(start, end) of each of a target's selectors: oa:hasSelector ?sel . ?sel oa:start ?s ; oa:end ?e."""
    for selector in data.objects(target, _HAS_SELECTOR):
        for start in data.objects(selector, _START):
            for end in data.objects(selector, _END):
                yield start, end


def _outside(start, end, spans: list[tuple[int, int]] | None) -> bool:
    """Whether the offsets may lie outside a span (the filter may keep a solution)."""
    a, b = _integer(start), _integer(end)
    if a is None or b is None or spans is None:
        return bool(spans is None or spans)
    return any(a < c or b > d for c, d in spans)


def evidence_in_paragraph(focus, data) -> bool:
    """shapes:EvidenceInParagraphShape: every piece of evidence whose target's source is the focus node
    lies within the span of each paragraph its statement is in."""
    if type(focus) is not URIRef:
        return False
    this = str(focus)
    spans_of: dict = {}  # a statement's subject -> its paragraphs' spans (a provision has many pieces of evidence)
    for annotation, subject in data.pairs(_EVIDENCE_FOR):
        for target in data.objects(annotation, _HAS_TARGET):
            if not any(_is(s, this) for s in data.objects(target, _HAS_SOURCE)):
                continue
            for start, end in _offsets(target, data):
                if subject not in spans_of:
                    spans_of[subject] = _paragraph_spans(subject, data)
                if _outside(start, end, spans_of[subject]):
                    return False
    return True


def _key(query: str) -> str:
    return " ".join(query.split())


READINGS: dict[str, Reading] = {_key(q): r for q, r in (
    ("""SELECT $this ?value ?previous WHERE {
            ?p eli:is_part_of $this ; eli:number ?value .
            ?p a unkg:OperativeParagraph .
            FILTER (?value != "1")
            BIND (STR(xsd:integer(?value) - 1) AS ?previous)
            BIND (IRI(CONCAT(REPLACE(STR(?p), "[^/]+$", ""), ?previous)) AS ?prev)
            FILTER NOT EXISTS { ?prev a unkg:OperativeParagraph }
        }""", Reading(numbered_without_gaps, frozenset({_TYPE}), frozenset())),
    ("""SELECT $this ?value WHERE {
            { SELECT (COUNT(?o) AS ?numbered) WHERE { ?o a unkg:OperativeParagraph ; eli:number ?any } }
            FILTER (?numbered > 0)
            ?value eli:is_part_of $this ; a unkg:OperativeParagraph .
            FILTER NOT EXISTS { ?value eli:number ?n }
        }""", Reading(no_unnumbered_among_numbered, frozenset({_TYPE}), frozenset())),
    ("""SELECT $this ?value ?start ?end ?paragraph ?paragraphStart ?paragraphEnd WHERE {
            ?annotation unkg:evidenceFor ?subject ; oa:hasTarget ?target .
            ?target oa:hasSource ?source ; oa:hasSelector ?value .
            ?value oa:start ?start ; oa:end ?end .
            # the statement's subject is a paragraph, a provision in it, or a mandate of such a provision
            ?subject (unkg:inParagraph | ^unkg:hasMandate/unkg:inParagraph)? ?paragraph .
            ?span oa:hasBody ?paragraph ; oa:motivatedBy oa:identifying ; oa:hasTarget/oa:hasSelector ?spanSelector .
            ?spanSelector oa:start ?paragraphStart ; oa:end ?paragraphEnd .
            # compared, not joined: rdflib joins a pre-bound $this into this pattern fifty times slower
            FILTER (?source = $this && (?start < ?paragraphStart || ?end > ?paragraphEnd))
        }""", Reading(evidence_in_paragraph, frozenset({_HAS_MANDATE, _HAS_BODY}), frozenset({_EVIDENCE_FOR}))),
)}


def reading(query: str, prefixes: dict[str, str]) -> Reading | None:
    """The Python reading of a shape's SELECT query, or None (it runs on Oxigraph). `prefixes`: the
    prefixes the shape declares, which must name the namespaces the readings use."""
    wanted = {"unkg": _UNKG, "eli": _ELI, "oa": _OA, "xsd": str(XSD)}
    if any(prefixes.get(p) != ns for p, ns in wanted.items()):
        return None
    return READINGS.get(_key(query))
