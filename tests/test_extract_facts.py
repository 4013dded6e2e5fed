"""Facts that were wrong on the whole store (issue: the web app on the whole store), each from its case:
a citation the source links to another body's resolution, a short name that jumped to another mandate
holder, a place taken for an addressee, a State's armed forces taken for the State."""
from __future__ import annotations

from pathlib import Path

import pytest

from unkg.config import VOCAB_NS
from unkg.ingest.extract import extract
from unkg.ingest.readers import read

ACT = VOCAB_NS + "actors/"
MMR = VOCAB_NS + "states/mmr"

TEXT = """General Assembly

Resolution adopted by the General Assembly on 20 December 2031

86/9. Invented test resolution on cases from the corpus

The General Assembly,

*Recalling* its resolution 53/144,

1. *Encourages* the new Special Envoy of the Secretary-General on Myanmar to engage with all parties;

2. *Encourages* all business enterprises, including domestic enterprises operating in Myanmar, to respect human rights;

3. *Calls upon* the Myanmar military to end all violence;

4. *Calls upon* the security and armed forces of Myanmar to respect human rights;

5. *Urges* Myanmar to cooperate fully with the Special Rapporteur;
"""


@pytest.fixture(scope="module")
def res(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("facts") / "A_RES_86_9.en.txt"
    path.write_text(TEXT, encoding="utf-8")
    return extract(read(path))


def addressees(res, number: str) -> set[str]:
    (p,) = [p for p in res.paragraphs if p.number == number]
    return {a.id for pr in p.provisions for a in pr.addressees}


def test_a_short_name_does_not_jump_to_another_mandate_holder(res):
    got = addressees(res, "1")
    assert ACT + "envoy-of-the-secretary-general-on-youth" not in got
    assert got == {ACT + "special-envoy-of-the-secretary-general-on-myanmar"}


def test_a_place_after_in_is_no_addressee(res):
    got = addressees(res, "2")
    assert MMR not in got and ACT + "business-enterprises" in got


def test_armed_forces_are_an_actor_of_their_own(res):
    assert addressees(res, "3") == {ACT + "armed-forces"}
    assert MMR not in addressees(res, "4") and ACT + "armed-forces" in addressees(res, "4")
    assert addressees(res, "5") == {MMR}  # the State itself, addressed by name


def test_armed_forces_are_under_states_in_the_vocabulary():
    from unkg.ingest.extract import load

    v = load()
    assert ACT + "states" in v.concepts[ACT + "armed-forces"].broader


@pytest.mark.corpus
def test_a_citation_the_source_links_to_a_council_resolution(corpus: Path):
    """A/RES/78/202 writes "resolutions ... and 52/13 of 3 April 2023" of the Human Rights Council, and its AKN
    file links the words to undocs.org/en/A/HRC/RES/52/13: the citation is A/HRC/RES/52/13, not A/RES/52/13."""
    path = next((corpus / "akn" / "ga" / "78" / "en").glob("A_RES_78_202-*.xml"))
    r = extract(read(path))
    assert r.links.get("52/13") == "A/HRC/RES/52/13"
    cited = {(c.text, c.symbol) for p in r.paragraphs for c in p.citations}
    assert ("52/13", "A/HRC/RES/52/13") in cited and ("52/13", "A/RES/52/13") not in cited


def test_a_link_to_another_number_is_not_taken():
    from unkg.ingest.extract import _same_number

    assert _same_number("A/HRC/RES/52/13", "A/RES/52/13")
    assert not _same_number("A/HRC/RES/52/14", "A/RES/52/13")
    assert not _same_number("A/77/53", "A/RES/77/53")
    assert not _same_number(None, "A/RES/52/13")
