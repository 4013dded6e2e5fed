"""Labels and hierarchy of the vocabulary concepts (actors, rights, groups, verbs) the pages show.

Read from the packaged ontology/vocab/*.ttl and from any SKOS triples in the store (the store wins where
both have a label), once per store state. Pages use it to name concepts and to expand an actor to its
narrower actors (skos:broader*), so one SPARQL query with VALUES serves a whole branch of the hierarchy.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from importlib.resources import files

import pyoxigraph as ox
import rdflib
from rdflib.namespace import RDF, SKOS

from unkg.config import ONTOLOGY_NS, VOCAB_NS

UNKG = rdflib.Namespace(ONTOLOGY_NS)


@dataclass
class Concepts:
    labels: dict[str, str] = field(default_factory=dict)
    broader: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    narrower: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    types: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    strength: dict[str, int] = field(default_factory=dict)

    def label(self, iri: str) -> str:
        return self.labels.get(iri) or local_name(iri).replace("-", " ")

    def below(self, iri: str) -> list[str]:
        """The concept and every narrower concept (transitively), the concept first."""
        seen, todo = [iri], [iri]
        while todo:
            for n in sorted(self.narrower.get(todo.pop(), ())):
                if n not in seen:
                    seen.append(n)
                    todo.append(n)
        return seen

    def add_graph(self, g: rdflib.Graph) -> None:
        for c, lab in g.subject_objects(SKOS.prefLabel):
            if isinstance(lab, rdflib.Literal) and (lab.language in (None, "en")):
                self.labels.setdefault(str(c), str(lab))
        for c, b in g.subject_objects(SKOS.broader):
            self.link(str(c), str(b))
        for c, t in g.subject_objects(RDF.type):
            self.types[str(c)].add(str(t))
        for c, s in g.subject_objects(UNKG.strength):
            try:
                self.strength[str(c)] = int(s)
            except (TypeError, ValueError):
                pass

    def link(self, narrow: str, broad: str) -> None:
        self.broader[narrow].add(broad)
        self.narrower[broad].add(narrow)


def local_name(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def concept_path(iri: str, scheme: str) -> str | None:
    """The page path of a vocabulary concept: actors/business-enterprises -> 'business-enterprises',
    a concept of another scheme (e.g. states/fra) keeps its scheme: 'states/fra'."""
    if not iri.startswith(VOCAB_NS):
        return None
    rest = iri[len(VOCAB_NS):]
    return rest[len(scheme) + 1:] if rest.startswith(scheme + "/") else rest


def concept_iri(path: str, scheme: str) -> str:
    return VOCAB_NS + (path if "/" in path else f"{scheme}/{path}")


def load(store: object) -> Concepts:
    """Concepts from the store's SKOS triples (ingest stores the vocabularies as named graphs), completed
    from the packaged ontology/vocab/*.ttl for any concept the store lacks."""
    c = Concepts()
    rows = store.select(  # type: ignore[attr-defined]
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
        "SELECT ?c ?l ?b WHERE { GRAPH ?g { { ?c skos:prefLabel ?l FILTER(lang(?l) = 'en' || lang(?l) = '') }"
        " UNION { ?c skos:broader ?b } } }", timeout=60)
    for r in rows:
        if "l" in r:
            c.labels[str(r["c"])] = str(r["l"])
        if "b" in r:
            c.link(str(r["c"]), str(r["b"]))
    _add_packaged(c)
    return c


def _add_packaged(c: Concepts) -> None:
    """Labels and hierarchy from the packaged vocabularies, parsed with pyoxigraph (fast) where the store has none."""
    entries = [e for e in files("unkg.ontology.vocab").iterdir() if e.name.endswith(".ttl")]
    pref, broader = str(SKOS.prefLabel), str(SKOS.broader)
    for entry in entries:
        for t in ox.parse(entry.read_bytes(), format=ox.RdfFormat.TURTLE):
            p = t.predicate.value
            if p == pref and isinstance(t.object, ox.Literal) and (t.object.language in (None, "en")):
                c.labels.setdefault(t.subject.value, t.object.value)
            elif p == broader and isinstance(t.object, ox.NamedNode) and t.object.value not in c.broader.get(t.subject.value, ()):
                c.link(t.subject.value, t.object.value)
