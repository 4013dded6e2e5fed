"""The AKN reader on small hand-made files (no corpus needed): header, paragraphs, sub-paragraphs, footnotes,
continuations, headings, multi-part collections, offsets."""
from __future__ import annotations

from pathlib import Path

import pytest

from unkg.ingest.model import Resolution
from unkg.ingest.readers import akn


def check_offsets(res: Resolution) -> None:
    """Every paragraph and sub-paragraph text is found at its offsets in the one normalised text."""
    def subs(items, parent_start, parent_end):
        for s in items:
            assert parent_start <= s.start < s.end <= parent_end
            assert res.text[s.start:s.end] == s.text
            subs(s.subparagraphs, s.start, s.end)

    assert [p.index for p in res.paragraphs] == list(range(1, len(res.paragraphs) + 1))
    for p in res.paragraphs:
        assert res.text[p.start:p.end] == p.text
        assert p.text == " ".join(p.text.split()), "paragraph text is whitespace-normalised"
        subs(p.subparagraphs, p.start, p.end)


@pytest.fixture(scope="module")
def small(fixtures: Path) -> Resolution:
    return akn.read(fixtures / "readers" / "small_resolution.akn.xml")


def test_header(small: Resolution) -> None:
    assert (small.symbol, small.body, small.session, small.date, small.language) == (
        "A/RES/86/7", "General Assembly", "86", "2031-12-20", "en")
    assert small.title == "Invented test resolution"
    assert (small.agenda_item, small.committee, small.report) == ("12 (c)", "Third Committee", "A/86/400/Add.1")
    assert (small.issued, small.meeting, small.draft) == ("2031-12-23", "52nd plenary meeting", "A/C.3/86/L.9")
    assert small.keywords == ["http://metadata.un.org/sdg/16"]  # duplicates dropped
    assert small.vote is not None and (small.vote.in_favour, small.vote.against, small.vote.abstaining) == (2, 1, 0)
    assert small.vote.by_state == {"RURITANIA": "Y", "FREEDONIA": "Y", "SYLDAVIA": "N"}
    assert small.source.format == "akn" and len(small.source.sha256) == 64
    assert small.warnings == []


def test_preamble(small: Resolution) -> None:
    pre = small.preambular
    assert [p.verb_text for p in pre] == ["Recalling", "Deeply concerned"]  # the bold heading is not a paragraph
    assert pre[0].text == "Recalling its resolution 85/1,"  # footnote text removed from the paragraph
    assert pre[0].footnotes == ["1"]
    assert pre[1].text == "Deeply concerned that the following persist: (a) Old problems, (b) New problems,"
    assert [s.number for s in pre[1].subparagraphs] == ["a", "b"]


def test_operative(small: Resolution) -> None:
    ops = small.operative
    assert [(p.number, p.verb_text) for p in ops] == [
        ("1", "Strongly urges"), ("2", "Calls upon"), ("3", "Requests"), ("4", "Decides")]
    assert ops[0].text == "Strongly urges States to act;" and ops[0].footnotes == ["2"]
    two = ops[1]
    # the unnumbered paragraph after the list continues paragraph 2 (and its last sub-paragraph)
    assert two.text == ("Calls upon States: (a) To do one thing; (i) First part; (ii) Second part; "
                        "(b) To do another thing; and to report on both of them;")
    a, b = two.subparagraphs
    assert (a.number, b.number) == ("a", "b")
    assert [(s.number, s.text) for s in a.subparagraphs] == [("i", "First part;"), ("ii", "Second part;")]
    # sub-paragraphs marked up as unnumbered paragraphs "(a) ..." belong to paragraph 3
    assert [(s.number, s.text) for s in ops[2].subparagraphs] == [
        ("a", "The Secretary-General to report;"), ("b", "The High Commissioner to assist;")]
    assert "Annex text" not in small.text  # attachments are not paragraphs of the resolution


def test_footnotes_and_offsets(small: Resolution) -> None:
    assert [(f.marker, f.text) for f in small.footnotes] == [("1", "Resolution 85/1, annex."),
                                                             ("2", "See Official Records.")]
    check_offsets(small)
    assert [p.ordinal for p in small.paragraphs] == [1, 2, 1, 2, 3, 4]


def test_json_document_has_the_design_fields(small: Resolution) -> None:
    doc = small.to_json()
    for key in ("symbol", "body", "session", "date", "language", "title", "agenda_item", "source", "paragraphs"):
        assert key in doc
    first_op = next(p for p in doc["paragraphs"] if p["kind"] == "operative")
    assert {"kind", "index", "number", "verb_text", "text", "subparagraphs", "provisions", "citations",
            "sdg"} <= set(first_op)


def test_two_part_collection(fixtures: Path) -> None:
    res = akn.read(fixtures / "readers" / "two_parts.akn.xml")
    assert res.symbol == "A/RES/86/50 A-B" and res.language == "fr" and res.title == "Questions inventées"
    assert [(p.part, p.kind, p.number, p.verb_text) for p in res.paragraphs] == [
        ("A", "preambular", None, "Rappelant"),
        ("A", "operative", None, "Prie instamment"),  # a part with one unnumbered operative paragraph
        ("B", "preambular", None, "Soulignant"),
        ("B", "operative", "1", "Décide"),
        ("B", "operative", "2", "Prie"),
    ]
    assert res.paragraphs[1].text == "Prie instamment tous les pays d'agir."  # one spelling for quotes
    check_offsets(res)


def test_sections_that_restart_numbering_qualify_the_part(tmp_path: Path) -> None:
    ns = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
    para = '<paragraph><num>{n}.</num><content><p><span class="italic">Decides</span> {t};</p></content></paragraph>'
    body = "".join(
        f"<section><num>{sec}</num><subheading>Heading {sec}</subheading>"
        + para.format(n=1, t=f"one {sec}") + para.format(n=2, t=f"two {sec}") + "</section>"
        for sec in ("I", "II"))
    f = tmp_path / "budget.xml"
    f.write_text(f'<akomaNtoso xmlns="{ns}"><statement name="resolution"><coverPage><p>'
                 f'<docNumber refersTo="#symbol">A/RES/86/9</docNumber></p></coverPage>'
                 f"<mainBody>{body}</mainBody></statement></akomaNtoso>")
    res = akn.read(f)
    assert [(p.part, p.number) for p in res.operative] == [("I", "1"), ("I", "2"), ("II", "1"), ("II", "2")]


def test_reading_is_deterministic(fixtures: Path) -> None:
    f = fixtures / "readers" / "small_resolution.akn.xml"
    assert akn.read(f).to_json() == akn.read(f).to_json()


def _statement(tmp_path: Path, body: str, name: str = "resolution", symbol: str = "A/RES/86/9") -> Path:
    ns = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
    f = tmp_path / "made.xml"
    f.write_text(f'<akomaNtoso xmlns="{ns}"><statement name="{name}"><coverPage><p>'
                 f'<docNumber refersTo="#symbol">{symbol}</docNumber></p></coverPage>'
                 f"<mainBody>{body}</mainBody></statement></akomaNtoso>")
    return f


def test_number_left_in_the_text_is_restored(tmp_path: Path) -> None:
    body = ('<paragraph><num>1.</num><content><p><span class="italic">Notes</span> one;</p></content></paragraph>'
            '<paragraph><content><p> 2\t<span class="italic">Encourages</span> two;</p></content></paragraph>'
            '<paragraph><num>3.</num><content><p><span class="italic">Decides</span> three.</p></content></paragraph>')
    res = akn.read(_statement(tmp_path, body))
    assert [(p.number, p.verb_text, p.text) for p in res.operative] == [
        ("1", "Notes", "Notes one;"), ("2", "Encourages", "Encourages two;"), ("3", "Decides", "Decides three.")]


def test_presidential_statement_paragraphs_stay_apart(tmp_path: Path) -> None:
    body = ("<paragraph><content><p>At its meeting, the President made the following statement:</p></content>"
            "</paragraph><paragraph><content><p>“The Security Council condemns the attack.</p></content></paragraph>"
            "<paragraph><content><p>“The Security Council calls for calm.”</p></content></paragraph>")
    res = akn.read(_statement(tmp_path, body, "presidentialStatement", "S/PRST/2031/1"))
    assert res.symbol == "S/PRST/2031/1" and res.body == "Security Council"
    assert [p.text for p in res.operative] == ["At its meeting, the President made the following statement:",
                                               '"The Security Council condemns the attack.',
                                               '"The Security Council calls for calm."']
