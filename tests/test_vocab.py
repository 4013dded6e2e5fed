"""The SKOS vocabularies in ontology/vocab/: well-formed, unambiguous, complete enough (no corpus needed)."""
from __future__ import annotations

from collections import defaultdict
from functools import cache
from importlib import resources

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, SKOS, XSD

from unkg.iris import slug
from unkg.ontology.tools.coverage import Resolver, norm

UNKG = Namespace("https://w3id.org/unkg/ontology#")
VOCAB = "https://w3id.org/unkg/vocab/"
# file -> (scheme, the unkg classes its concepts may have)
FILES = {
    "verbs.ttl": ("verbs", {UNKG.OperativeVerb, UNKG.VerbModifier}),
    "modalities.ttl": ("modalities", {UNKG.Modality}),
    "openers.ttl": ("openers", {UNKG.PreambularOpener}),
    "actors.ttl": ("actors", {UNKG.Actor}),
    "rights.ttl": ("rights", {UNKG.Right}),
    "instruments.ttl": ("instruments", {UNKG.Instrument, UNKG.InstrumentArticle}),
    "groups.ttl": ("groups", {UNKG.AffectedGroup}),
}
# unkg: terms the vocabularies may use (declared by the ontology).
ALLOWED_UNKG = {UNKG.strength, UNKG.modality, UNKG.strengthDelta, UNKG.statedIn, UNKG.iso3166Alpha3,
                UNKG.iso3166Alpha2} | {c for _, cs in FILES.values() for c in cs}


@cache
def _read(name: str) -> Graph:
    f = resources.files("unkg.ontology.vocab") / name
    return Graph().parse(data=f.read_text(encoding="utf-8"), format="turtle")


class _Files(dict):
    """name -> Graph, read on first use so one missing file fails only its own tests."""

    def __missing__(self, name: str) -> Graph:
        return _read(name)


@pytest.fixture(scope="module")
def graphs() -> dict[str, Graph]:
    return _Files()


@pytest.fixture(scope="module")
def all_vocab(graphs: dict[str, Graph]) -> Graph:
    g = Graph()
    for name in FILES:
        g += graphs[name]
    return g


def _concepts(g: Graph, cls: URIRef | None = None) -> set[URIRef]:
    return set(g.subjects(RDF.type, cls if cls is not None else SKOS.Concept))


@pytest.mark.parametrize("name", sorted(FILES))
def test_concepts_are_complete(graphs: dict[str, Graph], name: str) -> None:
    g = graphs[name]
    scheme, classes = FILES[name]
    scheme_iri = URIRef(VOCAB + scheme)
    assert (scheme_iri, RDF.type, SKOS.ConceptScheme) in g
    assert g.value(scheme_iri, SKOS.definition) is not None, f"{scheme} has no definition"
    assert list(g.subjects(SKOS.topConceptOf, scheme_iri)), f"{scheme} has no top concept"
    concepts = _concepts(g)
    assert concepts, f"{name} has no concept"
    problems = []
    for c in concepts:
        if not str(c).startswith(f"{VOCAB}{scheme}/"):
            problems.append(f"{c}: IRI outside {scheme}")
        if g.value(c, SKOS.inScheme) != scheme_iri:
            problems.append(f"{c}: not skos:inScheme {scheme}")
        if not set(g.objects(c, RDF.type)) & classes:
            problems.append(f"{c}: lacks its unkg class")
        en = [lab for lab in g.objects(c, SKOS.prefLabel) if lab.language == "en"]
        if len(en) != 1:
            problems.append(f"{c}: {len(en)} English prefLabels")
        elif str(c).rsplit("/", 1)[1] != slug(str(en[0])):
            problems.append(f"{c}: local name is not slug({en[0]!s})")
        for lang in ("en", "fr", "es"):
            if len([lab for lab in g.objects(c, SKOS.prefLabel) if lab.language == lang]) > 1:
                problems.append(f"{c}: several prefLabels @{lang}")
    assert not problems, "\n".join(sorted(problems)[:20])


@pytest.mark.parametrize("name", sorted(FILES))
def test_no_label_is_shared_within_a_scheme(graphs: dict[str, Graph], name: str) -> None:
    """Extraction looks concepts up by label: one label, one concept, per scheme and language."""
    g = graphs[name]
    owners: dict[tuple, set] = defaultdict(set)
    for c in _concepts(g):
        for p in (SKOS.prefLabel, SKOS.altLabel):
            for lab in g.objects(c, p):
                owners[(lab.language, norm(str(lab)))].add(c)
    shared = {k: sorted(v) for k, v in owners.items() if len(v) > 1}
    assert not shared, f"labels used by several concepts: {list(shared.items())[:10]}"


def test_broader_hierarchy_has_no_cycle_and_stays_in_scheme(all_vocab: Graph) -> None:
    g = all_vocab
    for c in _concepts(g):
        seen, todo = set(), [c]
        while todo:
            x = todo.pop()
            for b in g.objects(x, SKOS.broader):
                assert b != c, f"cycle through {c}"
                assert (b, RDF.type, SKOS.Concept) in g, f"{x} broader {b}: not a concept"
                assert g.value(b, SKOS.inScheme) == g.value(c, SKOS.inScheme), f"{x} broader {b}: other scheme"
                if b not in seen:
                    seen.add(b)
                    todo.append(b)


def test_only_declared_unkg_terms_are_used(all_vocab: Graph) -> None:
    used = {t for triple in all_vocab for t in triple if isinstance(t, URIRef) and t.startswith(str(UNKG))}
    assert used <= ALLOWED_UNKG, f"undeclared unkg terms: {sorted(used - ALLOWED_UNKG)}"


def test_verbs_have_modality_and_strength(graphs: dict[str, Graph]) -> None:
    g = graphs["verbs.ttl"] + graphs["modalities.ttl"]
    verbs = _concepts(g, UNKG.OperativeVerb)
    for v in verbs:
        mods = list(g.objects(v, UNKG.modality))
        assert len(mods) == 1 and (mods[0], RDF.type, UNKG.Modality) in g, f"{v}: modality {mods}"
        strength = g.value(v, UNKG.strength)
        assert isinstance(strength, Literal) and strength.datatype == XSD.integer, f"{v}: strength {strength!r}"
        assert 1 <= strength.toPython() <= 5, f"{v}: strength {strength} outside 1-5"
    for m in _concepts(g, UNKG.VerbModifier):
        delta = g.value(m, UNKG.strengthDelta)
        assert delta is None or delta.datatype == XSD.integer


def test_verb_counts(graphs: dict[str, Graph]) -> None:
    g = graphs["verbs.ttl"]
    verbs = _concepts(g, UNKG.OperativeVerb)
    heads = {v for v in verbs if g.value(v, SKOS.broader) is None}
    phrases = {str(lab) for v in verbs for lab in g.objects(v, SKOS.altLabel) if lab.language == "en" and lab[:1].isupper()}
    assert len(heads) >= 40, f"{len(heads)} head verbs"
    assert len(phrases) >= 100, f"{len(phrases)} printed operative phrases"
    for lang in ("fr", "es"):
        with_lang = {v for v in heads if any(lab.language == lang for lab in g.objects(v, SKOS.altLabel))}
        assert len(with_lang) / len(heads) >= 0.85, f"only {len(with_lang)} of {len(heads)} head verbs have @{lang} phrases"
    modalities = {g.value(v, UNKG.modality) for v in verbs}
    assert len(modalities) >= 11


def test_resolver_on_sample_phrases(graphs: dict[str, Graph]) -> None:
    """Phrases with modifiers around the verb resolve to the head verb; unknown phrases do not."""
    g = graphs["verbs.ttl"]
    en, fr, es = (Resolver(g, UNKG.OperativeVerb, lang) for lang in ("en", "fr", "es"))
    local = lambda c: str(c).rsplit("/", 1)[1] if c is not None else None  # noqa: E731
    assert local(en.resolve("Calls upon")) == "call-upon"
    assert local(en.resolve("Also calls upon")) == "call-upon"
    assert local(en.resolve("Strongly urges")) == "urge"
    assert local(en.resolve("Takes note with appreciation")) == "take-note-with-appreciation"
    assert local(en.resolve("Continues to express particular concern")) == "express-deep-concern"
    assert local(en.resolve("Welcomes and encourages")) == "welcome"
    assert local(fr.resolve("Exhorte également")) == "urge"
    assert local(fr.resolve("Prie en outre")) == "request"
    assert local(es.resolve("Insta encarecidamente")) == "urge"
    assert local(es.resolve("Solicita además")) == "request"
    assert en.resolve("Abbreviations") is None
