"""Acceptance: what a careful reader finds in A/RES/78/216, checked on the bundled sample text and
on the AKN file of the corpus, with the package vocabularies. Concepts are named by their labels and resolved
through the vocabularies, so that the tests say what the text means, not which IRI spelling a vocabulary chose.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from unkg.ingest.extract import extract, load
from unkg.ingest.readers import read

AKN = "akn/ga/78/en/A_RES_78_216-2326002E.xml"


@pytest.fixture(scope="module")
def vocab():
    return load()


@pytest.fixture(scope="module", params=["text", "akn"])
def res(request, sample_text, vocab):
    if request.param == "text":
        path = sample_text
    else:
        path = request.getfixturevalue("corpus") / AKN
    return extract(read(Path(path)), vocab)


def concept(vocab, *labels: str) -> str:
    """The concept the first resolvable label names (a careful reader's concept, in the vocabulary's terms)."""
    for label in labels:
        iri = vocab.resolve_label(label)
        if iri:
            return iri
    raise AssertionError(f"the vocabularies have no concept labelled {labels}")


def op(res, number: str):
    return next(p for p in res.operative if p.number == number)


def addressees(prov) -> list[str]:
    return [c.id for c in prov.addressees]


def test_19_calls_upon_states_and_encourages_non_state_actors(res, vocab):
    a, b = op(res, "19").provisions
    assert (a.verb, addressees(a)) == ("call-upon", [concept(vocab, "States")])
    assert (b.verb, addressees(b)) == ("encourage", [concept(vocab, "non-State actors")])


def test_21_rights_expression_and_privacy_and_social_media_companies(res, vocab):
    a, b = op(res, "21").provisions
    assert (a.verb, addressees(a)) == ("call-upon", [concept(vocab, "States")])
    rights = {c.id for c in a.rights}
    assert {concept(vocab, "freedom of expression"), concept(vocab, "right to privacy")} <= rights
    assert (b.verb, addressees(b)) == ("encourage", [concept(vocab, "social media companies")])
    assert concept(vocab, "human rights defenders") in {c.id for c in a.beneficiaries}


def test_28_non_state_actors_including_business_and_states(res, vocab):
    provs = op(res, "28").provisions
    assert [p.verb for p in provs] == ["urge", "underline", "urge"]
    assert addressees(provs[0]) == [concept(vocab, "non-State actors"), concept(vocab, "transnational corporations"),
                                    concept(vocab, "business enterprises")]
    assert provs[1].addressees == []
    assert provs[2].verb_text == "also urging" and addressees(provs[2]) == [concept(vocab, "States")]


def test_33_encourages_ohchr_not_its_partners(res, vocab):
    (p,) = op(res, "33").provisions
    assert addressees(p) == [concept(vocab, "Office of the United Nations High Commissioner for Human Rights")]


def test_36_requests_the_special_rapporteur_to_report_annually(res, vocab):
    (p,) = op(res, "36").provisions
    sr = concept(vocab, "Special Rapporteur on the situation of human rights defenders")
    assert p.verb == "request" and addressees(p) == [sr]
    m = p.mandate
    assert m is not None and m.entity.id == sr
    assert (m.task, m.recurrence, m.frequency) == ("report", "annual", "annually")
    assert [c.id for c in m.recipients] == [concept(vocab, "General Assembly"), concept(vocab, "Human Rights Council")]


def test_37_decides_addresses_the_general_assembly(res, vocab):
    (p,) = op(res, "37").provisions
    assert (p.verb, addressees(p)) == ("decide", [concept(vocab, "General Assembly")])


def test_6_asks_no_one(res):
    provs = op(res, "6").provisions
    assert len(provs) == 3  # expresses grave concern, strongly condemns, stresses
    assert all(p.addressees == [] for p in provs)


def test_18_four_freedoms(res, vocab):
    (p,) = op(res, "18").provisions
    want = {concept(vocab, "freedom of opinion", "freedom of opinion and expression"),
            concept(vocab, "freedom of expression"), concept(vocab, "freedom of peaceful assembly"),
            concept(vocab, "freedom of association")}
    assert {c.id for c in p.rights} == want
    assert {c.text for c in p.rights} >= {"peaceful assembly", "association"}  # the shared head "freedom of"


def test_30_sdg_target_and_indicator(res):
    assert op(res, "30").sdg == ["16.10", "16.10.1"]


def test_29_cites_the_guiding_principles_in_a_footnote(res):
    cites = op(res, "29").citations
    assert [(c.symbol, c.start) for c in cites if c.in_footnote] == [("A/HRC/17/31", -1)]


def test_citations_in_the_preamble(res):
    symbols = {c.symbol for p in res.preambular for c in p.citations}
    assert {"A/RES/53/144", "A/RES/76/174", "A/HRC/RES/49/18", "A/HRC/RES/52/4", "A/RES/68/181",
            "A/RES/217 A (III)", "A/RES/2200 A (XXI)"} <= symbols


def test_every_span_quotes_the_text(res):
    for p in res.operative:
        assert p.provisions, p.number
        for pr in p.provisions:
            assert res.text[pr.start:pr.end] == pr.text
            for c in pr.addressees + pr.rights + pr.beneficiaries:
                assert res.text[c.start:c.end] == c.text


def test_the_text_and_the_akn_file_agree(sample_text, corpus, vocab):
    a = extract(read(Path(sample_text)), vocab)
    b = extract(read(corpus / AKN), vocab)
    shape = lambda r: [(p.number, [(x.verb, addressees(x)) for x in p.provisions]) for p in r.operative]  # noqa: E731
    assert shape(a) == shape(b)
