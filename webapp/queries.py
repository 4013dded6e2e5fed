"""The SPARQL behind the pages, in one place: the shape of ingest/graph.py's output is assumed only here.

Graph shape read (ingest/graph.py, ontology/unkg.ttl): a work (unkg:Resolution) with dcterms:identifier, dcterms:title,
unkg:adoptedBy, unkg:adoptionDate, unkg:session, unkg:vote; paragraphs eli:is_part_of the work (sub-paragraphs
eli:is_part_of their paragraph) with unkg:index, eli:number, unkg:verbText and rdf:value (language-tagged
text); provisions unkg:inParagraph a paragraph with unkg:verb, unkg:strength, unkg:addressee,
unkg:concernsRight, unkg:beneficiary; evidence as oa:Annotation with unkg:evidenceFor, unkg:evidenceProperty,
oa:hasBody and a target on the expression with a TextPositionSelector (oa:start/oa:end into the expression's
text) and a TextQuoteSelector (oa:exact); each paragraph has an identifying annotation giving its own span.
"""
from __future__ import annotations

import re

from unkg.config import ONTOLOGY_NS
from unkg.errors import QueryError

PREFIXES = f"""PREFIX unkg: <{ONTOLOGY_NS}>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX oa: <http://www.w3.org/ns/oa#>
"""
_IRI_OK = re.compile(r'^[^<>"{}|^`\\\x00-\x20]+$')


def iri(value: str) -> str:
    """`<value>` for SPARQL text; refuses anything that could break out of the brackets."""
    if not _IRI_OK.match(value):
        raise QueryError(f"not a usable identifier: {value!r}", 400)
    return f"<{value}>"


def values(var: str, iris: list[str]) -> str:
    return f"VALUES ?{var} {{ {' '.join(iri(i) for i in iris)} }}"


ADDRESSEE_PAIRS = PREFIXES + """
SELECT ?actor ?prov WHERE { GRAPH ?g { ?prov unkg:addressee ?actor } }
"""


def provisions_for(actors: list[str], limit: int) -> str:
    """Every provision addressed to one of `actors`, with its paragraph and resolution: one row per
    (provision, matching actor); DISTINCT folds the language versions, which state the same. Provisions hang
    on top-level paragraphs (ingest/graph.py).
    No wording: a broad actor has tens of thousands of provisions and a page shows a hundred, so their
    texts come from webapp/wording.py for the rows shown; and nothing about the resolution but its IRI, which
    the page looks up in the cached list of resolutions (four lookups per row fewer)."""
    return PREFIXES + f"""
SELECT DISTINCT ?prov ?actor ?para ?work ?num ?pidx ?strength ?verbc WHERE {{
  {values('actor', actors)}
  GRAPH ?g {{
    ?prov unkg:addressee ?actor ; unkg:inParagraph ?para . ?para eli:is_part_of ?work .
    OPTIONAL {{ ?prov unkg:strength ?strength }}
    OPTIONAL {{ ?prov unkg:verb ?verbc }}
    OPTIONAL {{ ?para eli:number ?num }}
    OPTIONAL {{ ?para unkg:index ?pidx }}
  }}
}} LIMIT {int(limit)}"""


def provision_links(actors: list[str]) -> str:
    """For the same provisions: every right and beneficiary, one per row (their addressees are in
    ADDRESSEE_PAIRS, which the pages keep)."""
    return PREFIXES + f"""
SELECT ?prov ?right ?ben WHERE {{
  {values('a', actors)}
  GRAPH ?g {{ ?prov unkg:addressee ?a . {{ ?prov unkg:concernsRight ?right }} UNION {{ ?prov unkg:beneficiary ?ben }} }}
}}"""


def provisions_with(prop: str, concept: str, limit: int) -> str:
    """Provisions that concern a right (prop unkg:concernsRight) or benefit a group (unkg:beneficiary): one
    row each (DISTINCT folds the language versions); wording and resolution details as for actor pages.
    Provisions hang on top-level paragraphs, as in `provisions_for`."""
    return PREFIXES + f"""
SELECT DISTINCT ?prov ?para ?work ?num ?pidx ?strength ?verbc WHERE {{
  GRAPH ?g {{
    ?prov {prop} {iri(concept)} ; unkg:inParagraph ?para . ?para eli:is_part_of ?work .
    OPTIONAL {{ ?prov unkg:strength ?strength }}
    OPTIONAL {{ ?prov unkg:verb ?verbc }}
    OPTIONAL {{ ?para eli:number ?num }}
    OPTIONAL {{ ?para unkg:index ?pidx }}
  }}
}} LIMIT {int(limit)}"""


def concept_links(prop: str, concept: str) -> str:
    """For the provisions of `provisions_with`: every right and beneficiary, one per row."""
    return PREFIXES + f"""
SELECT ?prov ?right ?ben WHERE {{
  GRAPH ?g {{ ?prov {prop} {iri(concept)} . {{ ?prov unkg:concernsRight ?right }} UNION {{ ?prov unkg:beneficiary ?ben }} }}
}}"""


CONCEPT_COUNTS = PREFIXES + """
SELECT ?c (COUNT(DISTINCT ?prov) AS ?n) WHERE { GRAPH ?g { ?prov %s ?c } } GROUP BY ?c
"""


def resolution_header(work: str) -> str:
    """What the graphs say about a resource, one row per graph (language version) that says it."""
    return PREFIXES + f"""
SELECT ?p ?o ?g WHERE {{ GRAPH ?g {{ {iri(work)} ?p ?o }} }}"""


def vote(vote_iri: str) -> str:
    return PREFIXES + f"SELECT ?p ?o WHERE {{ GRAPH ?g {{ {iri(vote_iri)} ?p ?o }} }}"


# The resolution page reads one language version: its graph (named by the expression's IRI) holds the whole
# work as that version states it, and matching inside it keeps Oxigraph within that graph's few thousand
# quads; with GRAPH ?g it would start from every annotation or paragraph of the store.


def paragraphs(work: str, expression: str) -> str:
    """Paragraphs (and sub-paragraphs, via ?parent) of a work with their text, in document order."""
    return PREFIXES + f"""
SELECT ?para ?parent ?kind ?num ?idx ?verbText ?text WHERE {{
  GRAPH {iri(expression)} {{
    ?para eli:is_part_of ?parent . ?parent eli:is_part_of* {iri(work)} .
    ?para a ?kind . FILTER (?kind IN (unkg:PreambularParagraph, unkg:OperativeParagraph, unkg:SubParagraph))
    OPTIONAL {{ ?para eli:number ?num }}
    OPTIONAL {{ ?para unkg:index ?idx }}
    OPTIONAL {{ ?para unkg:verbText ?verbText }}
    OPTIONAL {{ ?para rdf:value ?text }}
  }}
}}"""


def provisions_of(work: str, expression: str) -> str:
    return PREFIXES + f"""
SELECT ?prov ?para ?verbText ?strength ?link ?target WHERE {{
  GRAPH {iri(expression)} {{
    ?prov unkg:inParagraph ?para . ?para eli:is_part_of+ {iri(work)} .
    OPTIONAL {{ ?prov unkg:verbText ?verbText }}
    OPTIONAL {{ ?prov unkg:strength ?strength }}
    OPTIONAL {{ ?prov ?link ?target FILTER (?link IN (unkg:addressee, unkg:concernsRight, unkg:beneficiary)) }}
  }}
}}"""


def evidence_of(work: str, expression: str) -> str:
    """Each annotation on the work's provisions, mandates and paragraphs in one expression: its statement
    (subject, property, body), the quoted words and their offsets in the expression's text."""
    return PREFIXES + f"""
SELECT ?subject ?prop ?body ?exact ?start ?end WHERE {{
  GRAPH {iri(expression)} {{
    ?ann unkg:evidenceFor ?subject ; oa:hasBody ?body ; oa:hasTarget ?t .
    ?t oa:hasSource {iri(expression)} .
    OPTIONAL {{ ?ann unkg:evidenceProperty ?prop }}
    OPTIONAL {{ ?t oa:hasSelector ?q . ?q oa:exact ?exact }}
    OPTIONAL {{ ?t oa:hasSelector ?pos . ?pos oa:start ?start ; oa:end ?end }}
  }}
}}"""


def paragraph_spans(work: str, expression: str) -> str:
    """Where each paragraph starts in the expression's text (its identifying annotation)."""
    return PREFIXES + f"""
SELECT ?para ?start WHERE {{
  GRAPH {iri(expression)} {{
    ?ann oa:motivatedBy oa:identifying ; oa:hasBody ?para ; oa:hasTarget ?t .
    ?t oa:hasSource {iri(expression)} ; oa:hasSelector ?pos . ?pos oa:start ?start .
    ?para eli:is_part_of {iri(work)} .
  }}
}}"""


def citations_of(work: str) -> str:
    return PREFIXES + f"""
SELECT ?para ?cited ?citedSymbol ?known WHERE {{
  GRAPH ?g {{ ?para eli:is_part_of+ {iri(work)} ; eli:cites ?cited }}
  OPTIONAL {{ GRAPH ?g2 {{ ?cited dcterms:identifier ?citedSymbol }} }}
  BIND (BOUND(?citedSymbol) AS ?known)
}}"""


def describe(resource: str) -> str:
    return f"CONSTRUCT {{ {iri(resource)} ?p ?o . ?s ?q {iri(resource)} }} WHERE {{ GRAPH ?g {{ {{ {iri(resource)} ?p ?o }} UNION {{ ?s ?q {iri(resource)} }} }} }}"


def citing(work: str) -> str:
    """The paragraphs (and their resolutions) that cite `work`."""
    return PREFIXES + f"""SELECT DISTINCT ?para ?work ?symbol ?num WHERE {{ GRAPH ?g {{
  ?para eli:cites {iri(work)} ; eli:is_part_of+ ?work . ?work a unkg:Resolution .
  OPTIONAL {{ ?work dcterms:identifier ?symbol }} OPTIONAL {{ ?para eli:number ?num }} }} }}"""


def expressions(work: str) -> str:
    return PREFIXES + f"SELECT DISTINCT ?e WHERE {{ GRAPH ?e {{ {iri(work)} ?p ?o }} }}"


RESOLUTIONS = PREFIXES + """
SELECT ?g ?work ?symbol ?title ?date ?session ?body ?committee ?method WHERE {
  GRAPH ?g { ?work a unkg:Resolution . OPTIONAL { ?work dcterms:identifier ?symbol } OPTIONAL { ?work dcterms:title ?title FILTER (lang(?title) = "en" || lang(?title) = "") }
             OPTIONAL { ?work unkg:adoptionDate ?date } OPTIONAL { ?work unkg:session ?session } OPTIONAL { ?work unkg:adoptedBy ?body }
             OPTIONAL { ?work unkg:committee ?committee } OPTIONAL { ?work unkg:vote/unkg:votingMethod ?method } }
}"""

SEARCH_PARAGRAPHS = PREFIXES + """
SELECT ?para ?work ?symbol ?date ?num ?idx ?kind ?text WHERE {
  GRAPH ?g {
    ?para a ?kind ; rdf:value ?text ; eli:is_part_of ?work .
    FILTER (?kind IN (unkg:PreambularParagraph, unkg:OperativeParagraph) && (lang(?text) = "en" || lang(?text) = ""))
    ?work a unkg:Resolution .
    OPTIONAL { ?work dcterms:identifier ?symbol }
    OPTIONAL { ?work unkg:adoptionDate ?date }
    OPTIONAL { ?para eli:number ?num }
    OPTIONAL { ?para unkg:index ?idx }
  }
}"""

WORK_LANGUAGES = PREFIXES + """
SELECT DISTINCT ?work ?e WHERE { GRAPH ?e { ?work a unkg:Resolution } }"""


# Every provision of the store with its paragraph, resolution, strength and verb, read once when the app
# warms up: the actor, right and group pages then pick their provisions from it in memory. On the union
# default graph each statement comes once; the inner block reads unkg:inParagraph in one scan, and the rest is
# looked up per provision, not per actor with VALUES over GRAPH ?g (which reads every named graph once for each
# actor of a broad group).
PROVISION_TABLE = PREFIXES + """
SELECT ?prov ?para ?work ?num ?pidx ?strength ?verbc WHERE {
  { SELECT ?prov ?para WHERE { ?prov unkg:inParagraph ?para } }
  ?para eli:is_part_of ?work .
  OPTIONAL { ?prov unkg:strength ?strength }
  OPTIONAL { ?prov unkg:verb ?verbc }
  OPTIONAL { ?para eli:number ?num }
  OPTIONAL { ?para unkg:index ?pidx }
}"""

# Every provision's wording and printed verb, one row per language version (webapp/wording.py chooses):
# provisions hang on top-level paragraphs (ingest/graph.py), each version's graph holds its own wording.
PROVISION_TEXTS = PREFIXES + """
SELECT ?prov ?text ?verbText WHERE {
  GRAPH ?g { ?prov unkg:inParagraph ?para ; rdf:value ?text OPTIONAL { ?prov unkg:verbText ?verbText } }
}"""

ALL_LINKS = PREFIXES + """
SELECT ?prov ?right ?ben WHERE { { ?prov unkg:concernsRight ?right } UNION { ?prov unkg:beneficiary ?ben } }"""
