"""Extraction grammar on hand-made paragraphs and a tiny test vocabulary (tests/fixtures/extract/vocab.ttl).

Each test states what a careful reader finds in the paragraph and checks the extractor finds the same, with
every span quoting the words it came from. No corpus needed.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from unkg.ingest.extract import extract
from unkg.ingest.extract.citations import find_citations
from unkg.ingest.extract.grammar import grammar
from unkg.ingest.extract.mandates import ordinal
from unkg.ingest.extract.sdg import find_sdg
from unkg.ingest.extract.vocab import Vocabulary
from unkg.ingest.model import OPERATIVE, PREAMBULAR, Footnote, Paragraph, Resolution, Source, assemble

FIXTURE = Path(__file__).parent / "fixtures" / "extract" / "vocab.ttl"


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.from_files([FIXTURE])


def make(texts: list[str], language: str = "en", body: str = "General Assembly",
         footnotes: dict[str, str] | None = None, attach: dict[int, list[str]] | None = None,
         preamble: list[str] = ()) -> Resolution:
    """A resolution whose operative paragraphs are `texts` (numbered 1..n), after optional preambular ones."""
    paras = [Paragraph(PREAMBULAR, 0, None, t.split()[0], t) for t in preamble]
    for n, t in enumerate(texts, 1):
        paras.append(Paragraph(OPERATIVE, 0, str(n), t.split()[0], t, footnotes=(attach or {}).get(n, [])))
    res = Resolution("A/RES/78/999", body, "78", None, language, "test", Source("x", "0" * 64, "text"),
                     paragraphs=paras, footnotes=[Footnote(k, v) for k, v in (footnotes or {}).items()])
    res.text = assemble(paras)
    return res


def local(cs) -> list[str]:
    return [c.id.rsplit("/", 1)[-1] for c in cs]


def check_spans(res: Resolution) -> None:
    for p in res.paragraphs:
        for pr in p.provisions:
            assert res.text[pr.start:pr.end] == pr.text
            assert p.start <= pr.start < pr.end <= p.end
            for c in pr.addressees + pr.rights + pr.beneficiaries:
                assert res.text[c.start:c.end] == c.text, c
        for c in p.citations:
            if c.in_footnote is None:
                assert res.text[c.start:c.end] == c.text


def test_two_verbs_two_provisions_sharing_a_complement(vocab):
    res = extract(make(["Calls upon States and encourages non-State actors to ensure that human rights "
                        "defenders are protected;"]), vocab)
    p1, p2 = res.operative[0].provisions
    assert (p1.verb, p1.verb_text, p1.strength, p1.modality) == ("call-upon", "Calls upon", 4, "exhortation")
    assert (p2.verb, p2.verb_text) == ("encourage", "encourages")
    assert local(p1.addressees) == ["states"] and local(p2.addressees) == ["non-state-actors"]
    assert p1.text == "Calls upon States"
    # the complement "to ensure that human rights defenders ..." belongs to both calls
    assert local(p1.beneficiaries) == local(p2.beneficiaries) == ["human-rights-defenders"]
    check_spans(res)


def test_declaratory_then_directive(vocab):
    res = extract(make(["Notes the work of the Secretary-General, and urges States to act;"]), vocab)
    n, u = res.operative[0].provisions
    assert (n.verb, n.addressees) == ("note", [])  # declaratory: no one is asked to act
    assert (u.verb, local(u.addressees)) == ("urge", ["states"])
    assert n.text == "Notes the work of the Secretary-General"


def test_while_urging_counts_but_not_a_gerund_inside_the_complement(vocab):
    res = extract(make([
        "Urges non-State actors, including transnational corporations and other business enterprises, to "
        "respect human rights, while also urging States to adopt laws;",
        "Calls upon States to adopt laws that protect them while also affirming the right to life;"]), vocab)
    first, second = res.operative
    assert [p.verb for p in first.provisions] == ["urge", "urge"]
    assert local(first.provisions[0].addressees) == ["non-state-actors", "transnational-corporations",
                                                     "business-enterprises"]
    assert first.provisions[1].verb_text == "also urging" and local(first.provisions[1].addressees) == ["states"]
    # no comma before "while": States affirm the right, the Assembly does not start a new provision
    assert [p.verb for p in second.provisions] == ["call-upon"]
    assert local(second.provisions[0].rights) == ["right-to-life"]


def test_decides_addresses_the_adopting_body(vocab):
    res = extract(make(["Decides to remain seized of the matter."], body="Human Rights Council"), vocab)
    (p,) = res.operative[0].provisions
    assert local(p.addressees) == ["human-rights-council"]
    assert p.mandate is not None and p.mandate.task == "agenda_item"


def test_partners_are_not_addressees_and_short_names_resolve(vocab):
    res = extract(make([
        "Welcomes the reports of the Special Rapporteur on the situation of human rights defenders;",
        "Encourages the Office of the United Nations High Commissioner for Human Rights, in consultation "
        "with the Special Rapporteur and the Secretary-General, to continue its work;",
        "Requests the Special Rapporteur to report annually to the General Assembly and the Human Rights "
        "Council;"]), vocab)
    assert res.operative[0].provisions[0].addressees == []
    assert local(res.operative[1].provisions[0].addressees) == ["ohchr"]
    (req,) = res.operative[2].provisions
    assert local(req.addressees) == ["sr-hrd"]
    assert req.addressees[0].text == "Special Rapporteur"  # the words as printed, resolved to the mandate
    m = req.mandate
    assert (m.task, m.recurrence, m.frequency) == ("report", "annual", "annually")
    assert local([m.entity]) == ["sr-hrd"]
    assert local(m.recipients) == ["general-assembly", "human-rights-council"]
    check_spans(res)


def test_coordinated_rights_share_their_head(vocab):
    res = extract(make(["Calls upon all States to ensure the rights of all persons who exercise the rights to "
                        "freedom of opinion, expression, peaceful assembly and association, and the rights "
                        "to life and to liberty and security of person;"]), vocab)
    (p,) = res.operative[0].provisions
    assert local(p.addressees) == ["all-states"]
    assert local(p.rights) == ["freedom-of-opinion", "freedom-of-expression", "freedom-of-peaceful-assembly",
                               "freedom-of-association", "right-to-life", "right-to-liberty"]
    assert [c.text for c in p.rights][1:4] == ["expression", "peaceful assembly", "association"]
    check_spans(res)


def test_instrument_names_shield_rights_and_backward_coordination(vocab):
    res = extract(make(["Urges States to respect the International Covenant on Civil and Political Rights and "
                        "to protect women and girls;"]), vocab)
    (p,) = res.operative[0].provisions
    assert p.rights == []  # the Covenant's name is not the right "civil and political rights"
    assert local(p.beneficiaries) == ["women", "girls"]


def test_modifiers_raise_strength_and_unknown_verbs_warn(vocab):
    res = extract(make(["Strongly urges States to act;", "Launches the fifth phase of the programme;"]), vocab)
    p = res.operative[0].provisions[0]
    assert (p.verb, p.verb_text, p.strength) == ("urge", "Strongly urges", 5)
    q = res.operative[1].provisions[0]
    assert q.verb == "launches" and q.modality == ""
    assert any("Launches" in w for w in res.warnings)


def test_that_clause_addressee_and_pronoun(vocab):
    res = extract(make(["Decides that the Secretary-General shall report;",
                        "Notes the report of the Secretary-General, and encourages him to continue;",
                        "Reiterates its strong call upon States to protect human rights defenders;"]), vocab)
    assert local(res.operative[1].provisions[1].addressees) == ["secretary-general"]
    (reit,) = res.operative[2].provisions  # a declaratory verb that embeds a request
    assert local(reit.addressees) == ["states"]


def test_french_provisions_and_clitic_pronoun(vocab):
    res = extract(make(["Demande aux États et encourage les acteurs non étatiques à veiller à ce que les "
                        "défenseurs des droits de l'homme soient protégés ;",
                        "Prie le Secrétaire général de poursuivre ses travaux, et l'encourage également à "
                        "rendre compte ;"], language="fr"), vocab)
    a, b = res.operative[0].provisions
    assert (a.verb, local(a.addressees)) == ("call-upon", ["states"])
    assert (b.verb, local(b.addressees)) == ("encourage", ["non-state-actors"])
    assert local(b.beneficiaries) == ["human-rights-defenders"]
    prie, enc = res.operative[1].provisions
    assert local(prie.addressees) == ["secretary-general"]
    assert (enc.verb, local(enc.addressees)) == ("encourage", ["secretary-general"])  # l' = the Secretary-General
    check_spans(res)


def test_footnote_citations_carry_the_marker(vocab):
    res = extract(make(["Calls upon all States to implement the Guiding Principles,\u00b9 and recalls its "
                        "resolution 53/144 of 9 December 1998;"], footnotes={"1": "A/HRC/17/31, annex."},
                       attach={1: ["1"]}), vocab)
    cites = res.operative[0].citations
    assert [(c.symbol, c.in_footnote, c.start) for c in cites if c.in_footnote] == [("A/HRC/17/31", "1", -1)]
    inline = [c for c in cites if not c.in_footnote]
    assert [c.symbol for c in inline] == ["A/RES/53/144"] and inline[0].text == "53/144"
    check_spans(res)


@pytest.mark.parametrize("text, body, language, expected", [
    ("Recalling its resolution 53/144 of 9 December 1998", "General Assembly", "en", ["A/RES/53/144"]),
    ("Human Rights Council resolutions 49/18 of 1 April 2022 and 52/4 of 3 April 2023", "General Assembly", "en",
     ["A/HRC/RES/49/18", "A/HRC/RES/52/4"]),
    ("General Assembly resolutions 71/243 of 21 December 2016, 72/279, 75/233 and 76/4", "General Assembly", "en",
     ["A/RES/71/243", "A/RES/72/279", "A/RES/75/233", "A/RES/76/4"]),
    ("Resolution 2200 A (XXI), annex.", "General Assembly", "en", ["A/RES/2200 A (XXI)"]),
    ("Security Council resolution 497 (1981), in which", "Human Rights Council", "en", ["S/RES/497 (1981)"]),
    ("Economic and Social Council resolution 2023/31 of 26 July 2023", "General Assembly", "en", ["E/RES/2023/31"]),
    ("in its resolution 46/12 of 23 March 2021", "Human Rights Council", "en", ["A/HRC/RES/46/12"]),
    ("its decision 2/102", "Human Rights Council", "en", ["A/HRC/DEC/2/102"]),
    ("A/HRC/17/31, annex, and A/CONF.157/24 (Part I), chap. III", "General Assembly", "en",
     ["A/HRC/17/31", "A/CONF.157/24 (Part I)"]),
    ("les résolutions 49/18 et 52/4 du Conseil des droits de l'homme", "General Assembly", "fr",
     ["A/HRC/RES/49/18", "A/HRC/RES/52/4"]),
    ("su resolución 53/144, de 9 de diciembre de 1998", "General Assembly", "es", ["A/RES/53/144"]),
    ("and/or the report of 2023 on 16 States", "General Assembly", "en", []),
])
def test_citation_grammar(text, body, language, expected):
    assert [f.symbol for f in find_citations(text, body, grammar(language))] == expected


@pytest.mark.parametrize("text, language, expected", [
    ("including target 16.10, and indicator 16.10.1", "en", ["16.10", "16.10.1"]),
    ("Sustainable Development Goal 16 and Goals 5 and 10", "en", ["16", "5", "10"]),
    ("targets 1.a and 16.3", "en", ["1.a", "16.3"]),
    ("la cible 16.10 et l'indicateur 16.10.1", "fr", ["16.10", "16.10.1"]),
    ("incluida la meta 16.10 y el indicador 16.10.1", "es", ["16.10", "16.10.1"]),
    ("the 2030 Agenda and target 2030", "en", []),
])
def test_sdg_grammar(text, language, expected):
    assert [c for c, _, _ in find_sdg(text, grammar(language))] == expected


@pytest.mark.parametrize("words, language, n", [
    ("eightieth", "en", 80), ("sixty-first", "en", 61), ("thirty-fourth", "en", 34), ("ninth", "en", 9),
    ("quatre-vingtième", "fr", 80), ("soixante et unième", "fr", 61), ("soixante-sixième", "fr", 66),
    ("octogésimo", "es", 80), ("sexagésimo primer", "es", 61),
])
def test_session_ordinals(words, language, n):
    assert ordinal(words, grammar(language)) == n


def test_mandate_due_session_and_object(vocab):
    res = extract(make(["Requests the Secretary-General to submit to the General Assembly at its eightieth "
                        "session a report on the implementation of the present resolution."]), vocab)
    m = res.operative[0].provisions[0].mandate
    assert (m.task, m.due, m.due_session, m.due_year) == ("report", "at its eightieth session", "80", "2025")
    assert local(m.recipients) == ["general-assembly"]
    assert m.task_text == "a report on the implementation of the present resolution."


def test_preambular_paragraphs_get_citations_not_provisions(vocab):
    res = extract(make(["Decides to remain seized of the matter."],
                       preamble=["Recalling its resolution 76/174 of 16 December 2021,"]), vocab)
    pre = res.preambular[0]
    assert pre.provisions == [] and [c.symbol for c in pre.citations] == ["A/RES/76/174"]


def test_extraction_is_idempotent(vocab):
    res = make(["Calls upon States and encourages non-State actors to act;"])
    extract(res, vocab)
    first = res.to_json()
    extract(res, vocab)
    assert res.to_json() == first
