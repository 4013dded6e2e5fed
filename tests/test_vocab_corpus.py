"""The vocabularies against the real corpus: French/Spanish labels are printed there, operative phrases and
preambular openers resolve, English/French/Spanish labels find the same concepts in parallel texts."""
from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from rdflib import Graph, Namespace
from rdflib.namespace import RDF, SKOS

from unkg.ontology.tools import mine_phrases
from unkg.ontology.tools.agreement import agreement
from unkg.ontology.tools.coverage import Resolver, coverage, load, norm

UNKG = Namespace("https://w3id.org/unkg/ontology#")
AKN_LANG = {"fr": "fra", "es": "spa"}


def _folders(corpus: Path, lang: str) -> list[Path]:
    akn = corpus / "akn"
    return [akn / "ga" / "78" / lang, *sorted((akn / "hrc").glob(f"*/{lang}")), akn / "sc" / "multi"]


@cache
def _text(corpus: Path, lang: str) -> str:
    """All text of the corpus files in `lang` (GA 78, HRC 54-58, SC multi), normalised as the matcher does."""
    parts = []
    for f in mine_phrases.files(_folders(corpus, lang)):
        root = mine_phrases.parse_file(f)
        if root is None:
            continue
        langs = {e.get("language") for e in root.iter(f"{mine_phrases.AKN}FRBRlanguage")}
        if AKN_LANG[lang] in langs:
            parts.append(" ".join(root.itertext()))
    return norm(" ".join(parts))


@pytest.fixture(scope="module")
def vocab() -> Graph:
    return load("verbs.ttl", "openers.ttl", "actors.ttl", "rights.ttl", "groups.ttl", "modalities.ttl")


@pytest.mark.corpus
@pytest.mark.parametrize("lang", ["fr", "es"])
@pytest.mark.parametrize("cls", ["OperativeVerb", "VerbModifier", "PreambularOpener"])
def test_french_and_spanish_phrases_are_printed_in_the_corpus(corpus: Path, vocab: Graph, lang: str, cls: str) -> None:
    text = _text(corpus, lang)
    assert len(text) > 1_000_000, f"too little {lang} text found in the corpus"
    labels = {str(lab) for c in vocab.subjects(RDF.type, UNKG[cls])
              for p in (SKOS.prefLabel, SKOS.altLabel) for lab in vocab.objects(c, p) if lab.language == lang}
    assert labels
    absent = sorted(lab for lab in labels if norm(lab) not in text)
    assert not absent, f"{len(absent)} {lang} {cls} labels never printed in the corpus: {absent[:15]}"


@pytest.mark.corpus
@pytest.mark.parametrize("lang, least", [("en", 0.95), ("fr", 0.95), ("es", 0.95)])
def test_operative_phrases_of_ga_78_resolve(corpus: Path, vocab: Graph, lang: str, least: float) -> None:
    counts = mine_phrases.count("op", [corpus / "akn" / "ga" / "78" / lang])
    assert sum(counts.values()) > 5000
    share, missed = coverage(Resolver(vocab, UNKG.OperativeVerb, lang), counts)
    assert share >= least, f"{share:.3f} of {lang} operative phrases resolve; most missed: {missed.most_common(10)}"


@pytest.mark.corpus
def test_operative_phrases_of_hrc_and_sc_resolve(corpus: Path, vocab: Graph) -> None:
    akn = corpus / "akn"
    counts = mine_phrases.count("op", [*sorted((akn / "hrc").glob("*/en")), akn / "sc" / "en"])
    share, missed = coverage(Resolver(vocab, UNKG.OperativeVerb, "en"), counts)
    assert share >= 0.95, f"{share:.3f}; most missed: {missed.most_common(10)}"


@pytest.mark.corpus
@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_preambular_openers_of_ga_78_resolve(corpus: Path, vocab: Graph, lang: str) -> None:
    counts = mine_phrases.count("pre", [corpus / "akn" / "ga" / "78" / lang])
    assert sum(counts.values()) > 4000
    share, missed = coverage(Resolver(vocab, UNKG.PreambularOpener, lang), counts)
    assert share >= 0.95, f"{share:.3f} of {lang} openers resolve; most missed: {missed.most_common(10)}"


@pytest.mark.corpus
@pytest.mark.slow
@pytest.mark.parametrize("cls, file, least", [("Actor", "actors.ttl", 0.85), ("Right", "rights.ttl", 0.80),
                                              ("AffectedGroup", "groups.ttl", 0.85)])
@pytest.mark.parametrize("lang", ["fr", "es"])
def test_parallel_texts_find_the_same_concepts(corpus: Path, cls: str, file: str, least: float, lang: str) -> None:
    """Over every operative paragraph of GA 78, the French/Spanish labels find the concepts the English ones find.

    Whole paragraphs are compared, so pronouns and rephrasing in translation count against the score; the
    acceptance figure for addressees (extraction, >= 0.90) is measured by benchmarks/extraction.py."""
    session = corpus / "akn" / "ga" / "78"
    f1, same, missed, extra = agreement(load(file), UNKG[cls], session / "en", session / lang, lang)
    assert f1 >= least, f"en-{lang} {cls} F1 {f1:.3f}; missed {missed.most_common(5)}; extra {extra.most_common(5)}"
