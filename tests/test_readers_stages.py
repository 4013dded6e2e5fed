"""Each text clean-up stage alone, on the shapes of input it exists for."""
from __future__ import annotations

import pytest

from unkg.ingest.readers import stages


def test_normalise_newlines_and_soft_hyphens() -> None:
    assert stages.normalise_newlines("a\r\nb\rc\fd\u00ade") == "a\nb\nc\n\nde"


@pytest.mark.parametrize("line, debris", [
    ("2/9", True), ("12 / 24", True), ("Page 3 of 9", True), ("- 4 -", True), ("23-26002 (E)", True),
    ("*2326002*", True), ("Please recycle", True), ("7", True),
    ("1. *Urges* States", False), ("Agenda item 71 (b)", False), ("78/216. Title", False), ("(a) To act;", False),
])
def test_page_debris(line: str, debris: bool) -> None:
    assert stages.is_page_debris(line) is debris


def test_running_headers_keep_their_first_occurrence() -> None:
    lines = ["A/RES/78/216", "text", "A/RES/78/216", "more", "A/RES/78/216", "end"]
    assert [x for x in stages.drop_page_debris(lines) if x] == ["A/RES/78/216", "text", "more", "end"]


def test_unbreak_lines_keeps_compound_hyphens() -> None:
    assert stages.unbreak_lines(["human rights of non-", "State actors and", "  others"]) == \
        "human rights of non-State actors and others"


def test_split_blocks_at_blank_lines_numbers_and_footnotes() -> None:
    text = "Header one\nstill header\n\n1. *Urges* all\nStates;\n2. *Decides* to act.\n¹ A footnote.\n(a) Sub;"
    assert stages.split_blocks(text) == ["Header one still header", "1. *Urges* all States;",
                                         "2. *Decides* to act.", "¹ A footnote.", "(a) Sub;"]


def test_take_footnotes() -> None:
    blocks, notes = stages.take_footnotes(["Text,¹ more", "¹ Resolution [70/1](#).", "¹⁰ See *Records*."])
    assert blocks == ["Text,¹ more"]
    assert [(n.marker, n.text) for n in notes] == [("1", "Resolution 70/1."), ("10", "See Records.")]


def test_join_broken_paragraphs() -> None:
    long = "Recognizing the positive role played by defenders in the promotion of rights and referred to as"
    blocks = [long + " many things", "environmental defenders,", "1. *Welcomes* the Declaration and the Beijing"
              " Platform for Action of the Fourth World Conference on Women and the", "Programme of Action;",
              "A heading", "Next paragraph,"]
    assert stages.join_broken_paragraphs(blocks) == [
        long + " many things environmental defenders,",
        "1. *Welcomes* the Declaration and the Beijing Platform for Action of the Fourth World Conference on Women"
        " and the Programme of Action;",
        "A heading", "Next paragraph,"]


def test_links_markers_and_emphasis() -> None:
    assert stages.strip_links("resolutions [76/174](#) and [A/CONF.157/24 \\(Part I\\)](#)") == \
        "resolutions 76/174 and A/CONF.157/24 (Part I)"
    assert stages.take_markers("Rights,¹ the Covenants² and 2022<sup>10</sup>") == (
        "Rights, the Covenants and 2022", ["1", "2", "10"])
    assert stages.leading_emphasis("*Strongly urges* States, *inter alia*") == (
        "Strongly urges", "Strongly urges States, *inter alia*")
    assert stages.leading_emphasis("Recalling its resolution") == ("", "Recalling its resolution")
    assert stages.strip_emphasis("*inter alia* and _sic_ *50th") == "inter alia and sic 50th"


def test_normalise_space_and_typography() -> None:
    assert stages.normalise_space(" non\u2011State\u00a0actors’ “views”\n") == "non-State actors' \"views\""
