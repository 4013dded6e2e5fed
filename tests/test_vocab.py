"""The SKOS vocabularies in ontology/vocab/: well-formed, unambiguous, complete enough (no corpus needed)."""
from __future__ import annotations

from collections import defaultdict
from functools import cache
from importlib import resources

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS

from unkg.iris import slug
from unkg.ontology.tools.coverage import Resolver, norm

UNKG = Namespace("https://w3id.org/unkg/ontology#")
XSD_INTEGER = URIRef("http://www.w3.org/2001/XMLSchema#integer")
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
    "tasks.ttl": ("tasks", {UNKG.TaskType}),
    "recurrence.ttl": ("recurrence", {UNKG.Recurrence}),
    "methods.ttl": ("methods", {UNKG.ExtractionMethod}),
}
# unkg: terms the vocabularies may use (declared by the ontology).
ALLOWED_UNKG = {UNKG.strength, UNKG.modality, UNKG.strengthDelta, UNKG.statedIn, UNKG.articleOf, UNKG.iso3166Alpha3,
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
        for p in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel):
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
        assert isinstance(strength, Literal) and strength.datatype == XSD_INTEGER, f"{v}: strength {strength!r}"
        assert 1 <= strength.toPython() <= 5, f"{v}: strength {strength} outside 1-5"
    for m in _concepts(g, UNKG.VerbModifier):
        delta = g.value(m, UNKG.strengthDelta)
        assert delta is None or delta.datatype == XSD_INTEGER


def test_verb_counts(graphs: dict[str, Graph]) -> None:
    g = graphs["verbs.ttl"]
    verbs = _concepts(g, UNKG.OperativeVerb)
    heads = {v for v in verbs if g.value(v, SKOS.broader) is None}
    phrases = {str(lab) for v in verbs for lab in g.objects(v, SKOS.altLabel) if lab.language == "en" and lab[:1].isupper()}
    assert len(heads) >= 40, f"{len(heads)} head verbs"
    assert len(phrases) >= 100, f"{len(phrases)} printed operative phrases"
    for lang in ("fr", "es"):
        with_lang = {v for v in heads
                     if any(lab.language == lang for p in (SKOS.prefLabel, SKOS.altLabel) for lab in g.objects(v, p))}
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


def _count(g: Graph, cls: URIRef) -> int:
    return len(_concepts(g, cls))


def test_actor_counts(graphs: dict[str, Graph]) -> None:
    g = graphs["actors.ttl"]
    assert _count(g, UNKG.Actor) >= 60
    special = URIRef(VOCAB + "actors/special-procedures")
    mandates = set(g.subjects(SKOS.broader, special))
    assert len(mandates) >= 15, f"{len(mandates)} named special procedure mandates"
    un = URIRef(VOCAB + "actors/united-nations-system")
    under_un = set(g.transitive_subjects(SKOS.broader, un)) - {un}
    assert len(under_un) >= 40
    for local in ("states", "all-states", "member-states", "states-parties", "governments", "business-enterprises",
                  "transnational-corporations", "private-sector", "social-media-companies", "technology-companies",
                  "civil-society", "national-human-rights-institutions", "regional-organizations",
                  "international-organizations", "general-assembly", "human-rights-council", "security-council",
                  "economic-and-social-council", "secretary-general",
                  "office-of-the-united-nations-high-commissioner-for-human-rights", "treaty-bodies",
                  "parties-to-armed-conflict", "media", "donors", "international-community"):
        assert (URIRef(VOCAB + "actors/" + local), RDF.type, UNKG.Actor) in g, local
    # the hierarchy the extraction relies on
    broader = lambda a: {str(b).rsplit("/", 1)[1] for b in g.transitive_objects(URIRef(VOCAB + "actors/" + a), SKOS.broader)}  # noqa: E731
    assert "states" in broader("all-states")
    assert {"business-enterprises", "non-state-actors"} <= broader("social-media-companies")
    assert "special-procedures" in broader("special-rapporteur-on-the-situation-of-human-rights-defenders")
    assert "united-nations-system" in broader("office-of-the-united-nations-high-commissioner-for-human-rights")


def test_every_actor_has_french_and_spanish_labels(graphs: dict[str, Graph]) -> None:
    g = graphs["actors.ttl"]
    for c in _concepts(g, UNKG.Actor):
        langs = {lab.language for p in (SKOS.prefLabel, SKOS.altLabel) for lab in g.objects(c, p)}
        assert {"en", "fr", "es"} <= langs, f"{c}: labels only in {sorted(langs)}"


def test_rights_are_stated_in_articles(graphs: dict[str, Graph]) -> None:
    g = graphs["rights.ttl"] + graphs["instruments.ttl"]
    rights = _concepts(g, UNKG.Right)
    assert len(rights) >= 40
    instruments = set()
    for r in rights:
        articles = list(g.objects(r, UNKG.statedIn))
        assert articles, f"{r} is stated in no article"
        for a in articles:
            assert (a, RDF.type, UNKG.InstrumentArticle) in g, f"{r}: {a} is not an article in instruments.ttl"
            inst = g.value(a, DCTERMS.isPartOf)
            assert (inst, RDF.type, UNKG.Instrument) in g and (a, UNKG.articleOf, inst) in g
            instruments.add(str(g.value(inst, SKOS.notation)))
    assert {"UDHR", "ICCPR", "ICESCR", "CRC", "CEDAW", "CRPD"} <= instruments


@pytest.mark.parametrize("right, articles", [
    ("right-to-life", {"udhr-article-3", "iccpr-article-6", "crc-article-6"}),
    ("freedom-of-opinion-and-expression", {"udhr-article-19", "iccpr-article-19"}),
    ("freedom-of-peaceful-assembly", {"udhr-article-20", "iccpr-article-21"}),
    ("freedom-of-association", {"iccpr-article-22"}),
    ("right-to-privacy", {"udhr-article-12", "iccpr-article-17"}),
    ("freedom-from-torture", {"udhr-article-5", "iccpr-article-7"}),
    ("right-to-education", {"udhr-article-26", "icescr-article-13", "crc-article-28"}),
    ("right-to-health", {"icescr-article-12", "crc-article-24", "crpd-article-25"}),
    ("right-to-work", {"icescr-article-6"}),
    ("right-of-peoples-to-self-determination", {"iccpr-article-1", "icescr-article-1"}),
])
def test_well_known_article_numbers(graphs: dict[str, Graph], right: str, articles: set[str]) -> None:
    g = graphs["rights.ttl"]
    stated = {str(a).rsplit("/", 1)[1] for a in g.objects(URIRef(VOCAB + "rights/" + right), UNKG.statedIn)}
    assert articles <= stated, f"{right}: {sorted(stated)}"


def test_articles_carry_their_number(graphs: dict[str, Graph]) -> None:
    g = graphs["instruments.ttl"]
    eli_number = URIRef("http://data.europa.eu/eli/ontology#number")
    for a in _concepts(g, UNKG.InstrumentArticle):
        number = g.value(a, eli_number)
        assert number is not None and str(a).endswith("-" + str(number)), a


def test_group_and_opener_counts(graphs: dict[str, Graph]) -> None:
    assert _count(graphs["groups.ttl"], UNKG.AffectedGroup) >= 25
    openers = graphs["openers.ttl"]
    assert _count(openers, UNKG.PreambularOpener) >= 80
    for lang in ("fr", "es"):
        labelled = {c for c in _concepts(openers, UNKG.PreambularOpener)
                    if any(lab.language == lang for p in (SKOS.prefLabel, SKOS.altLabel) for lab in openers.objects(c, p))}
        assert len(labelled) >= 70, f"{len(labelled)} openers with @{lang} labels"


def test_exact_matches_point_to_unbis_or_wikidata(all_vocab: Graph) -> None:
    for _, _, target in all_vocab.triples((None, SKOS.exactMatch, None)):
        assert str(target).startswith(("http://metadata.un.org/thesaurus/", "http://www.wikidata.org/entity/Q")), target


def test_task_and_recurrence_schemes_name_the_json_values(graphs: dict[str, Graph]) -> None:
    """The JSON document's task and recurrence names (DESIGN.md) are the schemes' notations, and every concept
    is defined and labelled in English, French and Spanish."""
    from unkg import iris

    expected = {"tasks.ttl": {"report", "oral_update", "study", "meeting", "agenda_item", "extend_mandate",
                              "establish", "assistance", "dissemination", "other"},
                "recurrence.ttl": {"once", "annual", "biennial", "periodic"}}
    for name, notations in expected.items():
        g = graphs[name]
        concepts = _concepts(g)
        assert {str(g.value(c, SKOS.notation)) for c in concepts} == notations
        for c in concepts:
            n = str(g.value(c, SKOS.notation))
            assert str(c) == (iris.task(n) if name == "tasks.ttl" else iris.recurrence(n)) and iris.notation(str(c)) == n
            assert g.value(c, SKOS.definition) is not None, c
            assert {lab.language for lab in g.objects(c, SKOS.prefLabel)} == {"en", "fr", "es"}, c
