"""HTML reader: a hand-made Word-style page (tests/fixtures/html) and pages generated from a resolution's
paragraphs parse to the same paragraphs as their source."""
from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path

import pytest

from unkg.errors import InputError
from unkg.ingest.model import OPERATIVE, Resolution
from unkg.ingest.readers import read, sniff
from unkg.ingest.readers import text as text_reader

FIXTURE = Path(__file__).parent / "fixtures" / "html" / "A_RES_78_216_excerpt.html"


@pytest.fixture(scope="module")
def sample(sample_text: Path) -> Resolution:
    return text_reader.read(sample_text)


def _same(got, want) -> None:
    assert got.kind == want.kind and got.number == want.number
    assert got.verb_text == want.verb_text
    assert " ".join(got.text.split()) == " ".join(want.text.split())
    assert [(s.number, s.text) for s in got.subparagraphs] == [(s.number, s.text) for s in want.subparagraphs]


def test_word_style_fixture(sample: Resolution) -> None:
    assert sniff(FIXTURE.read_bytes()) == "html"
    got = read(FIXTURE)
    assert got.source.format == "html"
    assert (got.symbol, got.date, got.agenda_item, got.committee, got.report) == (
        "A/RES/78/216", "2023-12-19", "71 (b)", "Third Committee", "A/78/481/Add.2")
    assert got.title == sample.title
    # the excerpt: the first four preambular paragraphs and operative paragraphs 1, 2, 36, 37
    want = sample.preambular[:4] + [p for p in sample.operative if p.number in ("1", "2", "36", "37")]
    assert len(got.paragraphs) == len(want)
    for g, w in zip(got.paragraphs, want, strict=True):
        _same(g, w)
    assert got.paragraphs[1].footnotes == ["1", "2"] and got.paragraphs[4].footnotes == ["3", "4"]
    assert [f.text for f in got.footnotes] == [
        "Resolution 217 A (III).", "Resolution 2200 A (XXI), annex.", "Resolution 53/144, annex.",
        next(f.text for f in sample.footnotes if f.text.startswith("Report of the Fourth World Conference"))]
    assert got.meeting == "50th plenary meeting"


def build_html(res: Resolution, ordered_lists: bool) -> str:
    """A plain page: <i> verbs, <sup> markers, operative paragraphs as typed numbers or as an <ol>, sub-paragraphs
    as <ol type="a">, footnotes in a list of divs at the end."""
    d = date.fromisoformat(res.date)
    number = res.symbol.split("/RES/")[1]
    out = [f"<!doctype html><html><head><meta charset='utf-8'><title>{res.symbol}</title></head><body>",
           f"<header><p>{res.symbol}</p><p>{res.body}</p><p>Distr.: General</p></header>",
           f"<p>Agenda item {escape(res.agenda_item or '')}</p>",
           f"<p>Resolution adopted by the {res.body} on {d.day} {d.strftime('%B')} {d.year}</p>",
           f"<h2>{number}. {escape(res.title)}</h2>", f"<p><i>The {res.body}</i>,</p>"]
    notes = {f.marker: f.text for f in res.footnotes}
    used: list[str] = []
    in_list = False
    for p in res.paragraphs:
        verb = p.verb_text if p.verb_text and p.text.startswith(p.verb_text) else ""
        rest = p.text[len(verb):]
        sups = ""
        for m in p.footnotes:
            if m in notes:
                used.append(notes[m])
                sups += f" <sup>{len(used)}</sup>"  # a space between markers, as two references print
        subs = ""
        if p.subparagraphs:
            first = p.subparagraphs[0]
            at = rest.find(f"({first.number}) {first.text}")
            if at >= 0 and all(not s.subparagraphs for s in p.subparagraphs):
                items = "".join(f"<li>{escape(s.text)}</li>" for s in p.subparagraphs)
                subs, rest = f"<ol type='a'>{items}</ol>", rest[:at]
        body = f"<i>{escape(verb)}</i>{escape(rest)}{sups}{subs}"
        if p.kind == OPERATIVE and ordered_lists:
            if not in_list:
                out.append(f"<ol start='{p.number}'>")
                in_list = True
            out.append(f"<li>{body}</li>")
            continue
        if in_list:
            out.append("</ol>")
            in_list = False
        num = f"{p.number}. " if p.kind == OPERATIVE else ""
        if subs:
            out.append(f"<div><p>{num}<i>{escape(verb)}</i>{escape(rest)}{sups}</p>{subs}</div>")
        else:
            out.append(f"<p>{num}{body}</p>")
    if in_list:
        out.append("</ol>")
    out.append("<p><i>50th plenary meeting</i></p><section class='footnotes'>")
    out += [f"<div id='fn{i}'><p><sup>{i}</sup> {escape(t)}</p></div>" for i, t in enumerate(used, 1)]
    out.append("</section></body></html>")
    return "\n".join(out)


@pytest.mark.parametrize("ordered_lists", [False, True], ids=["typed-numbers", "ol-numbering"])
def test_html_from_sample(sample: Resolution, tmp_path: Path, ordered_lists: bool) -> None:
    path = tmp_path / "page.txt"  # the name lies; the content decides
    path.write_text(build_html(sample, ordered_lists), encoding="utf-8")
    assert sniff(path.read_bytes()) == "html"
    got = read(path)
    assert got.symbol == sample.symbol and got.date == sample.date
    assert len(got.paragraphs) == len(sample.paragraphs)
    for g, w in zip(got.paragraphs, sample.paragraphs, strict=True):
        _same(g, w)
    assert [f.text for f in got.footnotes] == [f.text for f in sample.footnotes]
    assert [p.footnotes for p in got.paragraphs] == [p.footnotes for p in sample.paragraphs]


@pytest.mark.corpus
def test_html_from_akn_with_subparagraphs(corpus: Path, tmp_path: Path) -> None:
    from unkg.ingest.readers import akn

    checked = 0
    for f in sorted((corpus / "akn" / "ga" / "79" / "en").glob("A_RES_79_17*.xml")):
        want = akn.read(f)
        if not want.date or any(p.part or not p.verb_text for p in want.paragraphs):
            continue  # (an empty verb phrase is an AKN markup variant the text parser would fill in)
        simple = [p for p in want.paragraphs if p.subparagraphs]
        if not simple or any(s.subparagraphs for p in simple for s in p.subparagraphs):
            continue
        if any(" ".join(p.text.split()) != " ".join((p.text[:p.text.find(f"({p.subparagraphs[0].number}) ")] + " ".join(
                f"({s.number}) {s.text}" for s in p.subparagraphs)).split()) for p in simple):
            continue  # text after the list: not representable as an intro plus <ol>
        path = tmp_path / f"{f.stem}.html"
        path.write_text(build_html(want, ordered_lists=checked % 2 == 1), encoding="utf-8")
        got = read(path)
        assert len(got.paragraphs) == len(want.paragraphs), f.name
        for g, w in zip(got.paragraphs, want.paragraphs, strict=True):
            _same(g, w)
        checked += 1
        if checked == 3:
            break
    assert checked >= 2, "too few AKN resolutions with sub-paragraphs to build HTML twins from"


def test_html_without_resolution(tmp_path: Path) -> None:
    page = tmp_path / "menu.html"
    page.write_text("<!DOCTYPE html><html><body><p>Welcome to the documents portal</p></body></html>")
    with pytest.raises(InputError) as e:
        read(page)
    assert "menu.html" in str(e.value) and "not a resolution" in str(e.value)


@pytest.mark.parametrize("head", [
    b"<!DOCTYPE html><html><body>",
    b'\xef\xbb\xbf<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">',
    b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x">\n'
    b'<html xmlns="http://www.w3.org/1999/xhtml">',
    b"<!-- saved from url=(0042)https://documents.un.org/ -->\n<HTML><HEAD>",
], ids=["html5", "word-export", "xhtml", "saved-page"])
def test_html_sniffed_from_content(head: bytes) -> None:
    assert sniff(head + b"<p>The General Assembly,</p></body></html>") == "html"


def test_roman_numbered_sub_paragraphs(tmp_path: Path) -> None:
    """`<ol type="i">` numbers sub-paragraphs (i), (ii), (iii): it stopped the reader with an ImportError once a
    private helper it borrowed from the DOCX reader moved."""
    page = ("<!doctype html><html><head><meta charset='utf-8'></head><body>"
            "<p>A/RES/78/999</p><p>General Assembly</p><p>Distr.: General</p>"
            "<p>Resolution adopted by the General Assembly on 19 December 2023</p>"
            "<h2>78/999. Roman lists</h2><p><i>The General Assembly</i>,</p>"
            "<div><p>1. <i>Requests</i> the Secretary-General:</p><ol type='i'><li>to report;</li>"
            "<li>to consult States;</li><li>to keep the matter under review;</li></ol></div></body></html>")
    path = tmp_path / "roman.html"
    path.write_text(page, encoding="utf-8")
    (op,) = [p for p in read(path).paragraphs if p.kind == OPERATIVE]
    assert [s.number for s in op.subparagraphs] == ["i", "ii", "iii"]
    assert op.subparagraphs[1].text.startswith("to consult States")
