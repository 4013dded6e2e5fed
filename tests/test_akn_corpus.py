"""Acceptance: every AKN file of the corpus parses; where the markup numbers its operative paragraphs 1..n,
the parsed numbers, verb phrases, preambular count and symbol equal what a few lines of XPath read from it."""
from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from test_akn_reader import check_offsets

from unkg.ingest.readers import read

NS = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
ENGLISH = ["akn/ga/75/en", "akn/ga/76/en", "akn/ga/77/en", "akn/ga/78/en", "akn/ga/79/en", "akn/hrc/*/en", "akn/sc/en"]


def _files(corpus: Path, patterns: list[str]) -> list[Path]:
    return sorted(f for p in patterns for d in corpus.glob(p) for f in d.glob("*.xml"))


def _norm(s: str) -> str:
    return " ".join(s.split())


def markup_view(path: Path) -> dict | None:
    """What the markup itself says, by XPath; None when its operative paragraphs are not numbered 1..n per part."""
    root = etree.parse(str(path)).getroot()
    symbol = _norm(root.xpath("string((//a:coverPage//a:docNumber[@refersTo='#symbol'])[1])", namespaces=NS))
    numbers, verbs, preambular = [], [], 0
    for st in root.xpath("//a:statement[not(ancestor::a:attachments)]", namespaces=NS):
        # containers that are not bold headings, and "Having considered" cross-headings inside main-body sections
        preambular += int(st.xpath("count(a:preamble/a:container[.//text()[normalize-space()]"
                                   "[not(ancestor::a:span[@class='bold'])]])", namespaces=NS))
        preambular += int(st.xpath("count(a:mainBody//a:crossHeading[contains(@refersTo, 'preamble')])",
                                   namespaces=NS))
        # a main body wedged between two preambles, without numbers, holds preambular paragraphs (markup slip)
        wedged = "a:mainBody[following-sibling::a:preamble][not(.//a:num)]"
        preambular += int(st.xpath(f"count({wedged}//a:paragraph)", namespaces=NS))
        paras = st.xpath("a:mainBody//a:paragraph[a:num]", namespaces=NS)
        nums = [_norm(p.xpath("string(a:num)", namespaces=NS)) for p in paras]
        if not nums or nums != [f"{i}." for i in range(1, len(nums) + 1)]:
            return None
        numbers += [n.rstrip(".") for n in nums]
        for p in paras:
            if not _norm(p.xpath("string(a:content)", namespaces=NS)) and not p.xpath("a:list", namespaces=NS):
                # "<num>1.</num>" with an empty <p>, the text in the unnumbered paragraph after it (a markup slip)
                p = p.xpath("following-sibling::a:paragraph[1]", namespaces=NS)[0]
            first = p.xpath("(.//a:p)[1]", namespaces=NS)[0]
            lead = first.xpath("node()[not(self::text()[normalize-space()=''])][1][self::a:span[@class='italic']]",
                               namespaces=NS)
            verbs.append(_norm(lead[0].xpath("string()")).rstrip(",;:") if lead else "")
    return {"symbol": symbol, "numbers": numbers, "verbs": verbs, "preambular": preambular}


def parsed_view(path: Path) -> dict:
    res = read(path)
    check_offsets(res)
    # a few files in the English folders are French, Spanish or Russian: the language comes from the XML
    assert res.symbol and res.body and res.language in ("en", "fr", "es", "ru", "ar", "zh") and res.paragraphs
    ops = [p for p in res.operative if p.number is not None]
    return {"symbol": res.symbol.replace(" ", ""), "numbers": [p.number for p in ops],
            "verbs": [p.verb_text for p in ops], "preambular": len(res.preambular)}


@pytest.mark.slow
@pytest.mark.corpus
def test_english_akn_matches_markup(corpus: Path) -> None:
    files = _files(corpus, ENGLISH)
    assert len(files) > 2000, f"expected the whole English AKN corpus, found {len(files)} files"
    failures, checked = [], 0
    for f in files:
        try:
            got = parsed_view(f)
        except Exception as e:  # noqa: BLE001 - list every failure, not just the first
            failures.append(f"{f.name}: {type(e).__name__}: {e}")
            continue
        want = markup_view(f)
        if want is None:
            continue
        checked += 1
        want["symbol"] = want["symbol"].replace(" ", "")
        for key in ("symbol", "numbers", "preambular", "verbs"):
            if got[key] != want[key]:
                diff = got[key] if not isinstance(got[key], list) else [
                    (i, a, b) for i, (a, b) in enumerate(zip(got[key], want[key], strict=False)) if a != b][:3] or (
                    len(got[key]), len(want[key]))
                failures.append(f"{f.name}: {key} differs: {diff}")
    assert checked > 0.8 * len(files), f"only {checked} of {len(files)} files number their paragraphs 1..n"
    assert not failures, f"{len(failures)} of {len(files)} files differ:\n" + "\n".join(failures[:60])


@pytest.mark.slow
@pytest.mark.corpus
def test_other_languages_parse(corpus: Path) -> None:
    """Every French, Spanish, Arabic, Chinese and Russian file parses, with offsets, in its own language."""
    files = sorted(f for f in (corpus / "akn").rglob("*.xml") if "/en/" not in f.as_posix())
    assert len(files) > 1000, f"expected the other-language AKN files, found {len(files)}"
    failures, languages = [], set()
    with_verb: dict[str, list[int]] = {}
    for f in files:
        try:
            res = read(f)
            check_offsets(res)
            assert res.operative, "no operative paragraphs"
            assert res.language in ("fr", "es", "ar", "zh", "ru"), f"language {res.language!r}"
            languages.add(res.language)
            counts = with_verb.setdefault(res.language, [0, 0])
            counts[0] += sum(1 for p in res.paragraphs if p.verb_text)
            counts[1] += len(res.paragraphs)
        except Exception as e:  # noqa: BLE001 - list every failure
            failures.append(f"{f.relative_to(corpus)}: {type(e).__name__}: {e}")
    assert not failures, f"{len(failures)} of {len(files)} files fail:\n" + "\n".join(failures[:40])
    assert languages == {"fr", "es", "ar", "zh", "ru"}
    # the verb or opener is read in every language (italic, or bold in Chinese)
    low = {lang: f"{n}/{total}" for lang, (n, total) in with_verb.items() if n < 0.98 * total}
    assert not low, f"paragraphs with a verb phrase, where under 98%: {low}"


@pytest.mark.corpus
def test_multi_part_resolution(corpus: Path) -> None:
    res = read(corpus / "akn/ga/75/en/75_101A-B_E.xml")
    assert res.symbol == "A/RES/75/101 A-B"
    parts = {p.part for p in res.paragraphs}
    assert parts == {"A", "B"}
    b_numbers = [p.number for p in res.operative if p.part == "B"]
    assert b_numbers[:3] == ["1", "2", "3"]  # numbering restarts in part B
