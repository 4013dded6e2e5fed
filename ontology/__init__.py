"""The unkg ontology, its SKOS vocabularies and its competency questions, as package data.

Small loaders that work from a checkout and from a non-editable install alike (importlib.resources):
    ontology_path()      -> ontology/unkg.ttl
    vocab_paths()        -> ontology/vocab/*.ttl
    ontology_graph()     -> the ontology as an rdflib.Graph (parsed once per process)
    vocab_graph()        -> all vocabularies merged (parsed once per process)
    queries()            -> the competency questions, in file-name order
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

import rdflib

ONTOLOGY_IRI = "https://w3id.org/unkg/ontology"


def _dir(package: str) -> Path:
    return Path(str(files(package)))


def ontology_path() -> Path:
    return _dir("unkg.ontology") / "unkg.ttl"


def vocab_paths() -> list[Path]:
    """The SKOS vocabularies, sorted by name."""
    return sorted(_dir("unkg.ontology.vocab").glob("*.ttl"))


def query_paths() -> list[Path]:
    # Not files("unkg.ontology.queries"): importing that sub-package would bind its name on this module over
    # the function queries() below, and a second call of unkg.ontology.queries() would fail.
    return sorted((_dir("unkg.ontology") / "queries").glob("*.rq"))


@functools.lru_cache(maxsize=1)
def _ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(ontology_path(), format="turtle")


@functools.lru_cache(maxsize=1)
def _vocab() -> rdflib.Graph:
    g = rdflib.Graph()
    for path in vocab_paths():
        g.parse(path, format="turtle")
    return g


def ontology_graph() -> rdflib.Graph:
    """The ontology (a copy: callers may add to it)."""
    return _copy(_ontology())


def vocab_graph() -> rdflib.Graph:
    """Every vocabulary in ontology/vocab/, merged (a copy)."""
    return _copy(_vocab())


def _copy(g: rdflib.Graph) -> rdflib.Graph:
    out = rdflib.Graph()
    for prefix, ns in g.namespaces():
        out.bind(prefix, ns, override=False)
    for t in g:
        out.add(t)
    return out


@dataclass(frozen=True)
class Query:
    """A competency question: the file's stem, the question in English and the SPARQL text."""

    name: str
    question: str
    sparql: str
    aggregate: bool  # the file has a `# aggregate` line: it counts or groups rather than lists
    path: Path


def queries() -> list[Query]:
    """The competency questions in ontology/queries/*.rq. The first comment line is the question."""
    out = []
    for path in query_paths():
        text = path.read_text(encoding="utf-8")
        comments = [ln.lstrip("#").strip() for ln in text.splitlines() if ln.startswith("#")]
        question = comments[0] if comments else path.stem
        aggregate = any(c.lower() == "aggregate" for c in comments)
        out.append(Query(path.stem, question, text, aggregate, path))
    return out
