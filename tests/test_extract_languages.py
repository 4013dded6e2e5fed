"""English, French and Spanish texts of A/RES/78/216 (corpus AKN files) give the same provisions and the same
addressee concepts: provision by provision for the paragraphs a careful reader checks, and overall."""
from __future__ import annotations

import pytest

from unkg.ingest.extract import extract, load
from unkg.ingest.readers import read

FILES = {"en": "akn/ga/78/en/A_RES_78_216-2326002E.xml", "fr": "akn/ga/78/fr/A_RES_78_216-2326002F.xml",
         "es": "akn/ga/78/es/A_RES_78_216-2326002S.xml"}


@pytest.fixture(scope="module")
def texts(corpus):
    v = load()
    return {lang: extract(read(corpus / path), v) for lang, path in FILES.items()}


def shape(res, number):
    p = next(p for p in res.operative if p.number == number)
    return [sorted(c.id for c in pr.addressees) for pr in p.provisions]


@pytest.mark.parametrize("lang", ["fr", "es"])
@pytest.mark.parametrize("number", ["2", "4", "6", "19", "29", "33", "36", "37"])
def test_same_provisions_and_addressees(texts, lang, number):
    assert shape(texts[lang], number) == shape(texts["en"], number)


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_addressee_agreement_over_the_resolution(texts, lang):
    en, other = texts["en"], texts[lang]
    same = total = 0
    for p in en.operative:
        theirs = shape(other, p.number)
        for i, mine in enumerate(shape(en, p.number)):
            total += 1
            same += i < len(theirs) and theirs[i] == mine
    assert same / total >= 0.9, f"{same}/{total}"


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_same_citations_and_sdg(texts, lang):
    def cites(res):
        return sorted({c.symbol for p in res.paragraphs for c in p.citations})

    assert cites(texts[lang]) == cites(texts["en"])
    assert [p.sdg for p in texts[lang].operative] == [p.sdg for p in texts["en"].operative]
