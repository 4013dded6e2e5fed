"""Vocabulary IRIs dereference: /vocab/actors/business-enterprises serves
https://w3id.org/unkg/vocab/actors/business-enterprises, and /vocab/actors the scheme.

A concept is a thing, not a document: its IRI answers 303 See Other to the document about it in the format
asked for (`.html`, `.ttl`, `.jsonld`, `.nt`, `.rdf`, `.json`), as data IRIs do. The document holds the
concept's statements from ontology/vocab/*.ttl, the statements of other concepts about it (narrower ones),
and the labels of the concepts it names; a scheme's document lists its concepts.
"""
from __future__ import annotations

import functools
from collections import defaultdict
from importlib.resources import files
from typing import Any

import pyoxigraph as ox
import rdflib
from flask import Blueprint, Response, current_app

from unkg.config import VOCAB_NS
from unkg.webapp import queries as Q
from unkg.webapp.errors import ApiError
from unkg.webapp.links import concept_link
from unkg.webapp.represent import respond, see_other, split_suffix

bp = Blueprint("vocab", __name__)
OFFER = ("html", "ttl", "jsonld", "nt", "rdf", "json")
SKOS = "http://www.w3.org/2004/02/skos/core#"
PREF_LABEL = rdflib.URIRef(SKOS + "prefLabel")
IN_SCHEME = rdflib.URIRef(SKOS + "inScheme")


class Index:
    """The packaged vocabularies, by subject and by object."""

    def __init__(self) -> None:
        self.out: dict[str, list[tuple[Any, Any]]] = defaultdict(list)
        self.into: dict[str, list[tuple[Any, Any]]] = defaultdict(list)
        self.labels: dict[str, str] = {}
        for entry in sorted(files("unkg.ontology.vocab").iterdir(), key=lambda e: e.name):
            if not entry.name.endswith(".ttl"):
                continue
            for t in ox.parse(entry.read_bytes(), format=ox.RdfFormat.TURTLE):
                s, p, o = _term(t.subject), _term(t.predicate), _term(t.object)
                self.out[str(s)].append((p, o))
                if isinstance(o, rdflib.URIRef):
                    self.into[str(o)].append((s, p))
                if p == PREF_LABEL and isinstance(o, rdflib.Literal) and o.language in (None, "en"):
                    self.labels.setdefault(str(s), str(o))


def _term(t: Any) -> Any:
    if isinstance(t, ox.NamedNode):
        return rdflib.URIRef(t.value)
    if isinstance(t, ox.BlankNode):
        return rdflib.BNode(t.value)
    if t.language:
        return rdflib.Literal(t.value, lang=t.language)
    return rdflib.Literal(t.value, datatype=rdflib.URIRef(t.datatype.value))


@functools.lru_cache(maxsize=1)
def index() -> Index:
    return Index()


def graph_of(iri: str) -> rdflib.Graph:
    """The concept's (or scheme's) own statements, what other concepts say of it, and the labels it needs."""
    ix = index()
    g = rdflib.Graph()
    g.bind("skos", SKOS)
    g.bind("unkg", "https://w3id.org/unkg/ontology#")
    node = rdflib.URIRef(iri)
    named = set()
    for p, o in ix.out.get(iri, ()):
        g.add((node, p, o))
        named.add(o)
    for s, p in ix.into.get(iri, ()):
        g.add((s, p, node))
        named.add(s)
    for other in named:
        if isinstance(other, rdflib.URIRef) and str(other) in ix.labels:
            g.add((other, PREF_LABEL, rdflib.Literal(ix.labels[str(other)], lang="en")))
    return g


def _described(iri: str) -> rdflib.Graph:
    """graph_of(iri) with what the store's graphs state about it (a concept the packaged files lack)."""
    g = graph_of(iri)
    node = Q.iri(iri)
    g += current_app.extensions["unkg"].store.construct(f"CONSTRUCT {{ {node} ?p ?o }} WHERE {{ GRAPH ?g {{ {node} ?p ?o }} }}", timeout=60)
    return g


@bp.route("/vocab/<path:rest>")
def concept(rest: str) -> Response:
    rest, fmt = split_suffix(rest, OFFER, html=True)
    if fmt is None:
        return see_other(f"/vocab/{rest}", OFFER)
    iri = VOCAB_NS + rest
    ix = index()
    g = _described(iri)
    node = rdflib.URIRef(iri)
    if (node, None, None) not in g:
        raise ApiError(f"no concept or scheme {iri} in unkg's vocabularies", 404)
    labels = {**{str(s): str(o) for s, o in g.subject_objects(PREF_LABEL) if getattr(o, "language", None) in (None, "en")}, **ix.labels}
    scheme = rest.split("/", 1)[0]
    props = []
    for p, o in sorted(g.predicate_objects(node), key=lambda po: (str(po[0]), str(po[1]))):
        is_iri = isinstance(o, rdflib.URIRef)
        props.append({"property": str(p), "value": str(o), "is_iri": is_iri,
                      "label": labels.get(str(o)) if is_iri else None,
                      "link": _local(str(o)) if is_iri else None})
    members = sorted((str(s) for s, p in ix.into.get(iri, ()) if p == IN_SCHEME), key=lambda c: ix.labels.get(c, c).lower())
    data = {"title": labels.get(iri) or rest, "iri": iri, "properties": props,
            "container": None if "/" not in rest else {"iri": VOCAB_NS + scheme, "link": f"/vocab/{scheme}.html"},
            "page": concept_link(iri), "members": [{"iri": m, "label": ix.labels.get(m, m), "link": _local(m)} for m in members]}
    return respond(data, "resource.html", base_path=f"/vocab/{rest}", suffix=fmt, offered=OFFER, graph=lambda: g)


def _local(iri: str) -> str | None:
    return "/vocab/" + iri[len(VOCAB_NS):] if iri.startswith(VOCAB_NS) else None
