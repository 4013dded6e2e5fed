"""DOCX reader: Word files written with python-docx from a resolution's paragraphs parse back to the same
paragraphs (numbers, verb phrases, texts, sub-paragraphs, footnotes).

Sources: the bundled A/RES/78/216 text (no corpus needed) and, with the corpus, AKN files with
sub-paragraphs. Variants: typed numbers ("12.<tab>"), Word's automatic numbering (List Number), real
footnotes (word/footnotes.xml, added to the package by hand since python-docx cannot write them).
"""
from __future__ import annotations

import re
import zipfile
from datetime import date
from pathlib import Path

import docx
import hostile
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from unkg.errors import InputError
from unkg.ingest.model import OPERATIVE, Resolution
from unkg.ingest.readers import read, sniff
from unkg.ingest.readers import text as text_reader

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _date(iso: str) -> str:
    d = date.fromisoformat(iso)
    return f"{d.day} {d.strftime('%B')} {d.year}"


def split_subparagraphs(p) -> list[tuple[int, str, str]] | None:
    """A paragraph as (depth, label, own text) pieces: its intro, then each (nested) sub-paragraph; None when
    the pieces do not add up to the paragraph text (text after a list), so such paragraphs are not used."""
    pieces: list[tuple[int, str, str]] = []

    def walk(subs, depth):
        for s in subs:
            own = s.text
            if s.subparagraphs:
                first = s.subparagraphs[0]
                at = own.find(f"({first.number}) {first.text}")
                if at < 0:
                    raise ValueError
                own = own[:at].strip()
            pieces.append((depth, s.number, own))
            walk(s.subparagraphs, depth + 1)

    intro = p.text
    if p.subparagraphs:
        first = p.subparagraphs[0]
        at = p.text.find(f"({first.number}) {first.text}")
        if at < 0:
            return None
        intro = p.text[:at].strip()
    try:
        walk(p.subparagraphs, 1)
    except ValueError:
        return None
    rebuilt = " ".join([intro] + [f"({label}) {own}" for _, label, own in pieces])
    return [(0, "", intro)] + pieces if " ".join(rebuilt.split()) == " ".join(p.text.split()) else None


def header_lines(res: Resolution) -> list[tuple[str, bool]]:
    """(text, italic) lines of the masthead as the UN prints it."""
    number = res.symbol.split("/RES/")[1]
    lines = [(res.symbol, False), (res.body, False), ("Distr.: General", False)]
    if res.agenda_item:
        lines.append((f"Agenda item {res.agenda_item}", False))
    lines.append((f"Resolution adopted by the {res.body} on {_date(res.date)}", False))
    if res.committee and res.report:
        lines.append((f"[on the report of the {res.committee} ({res.report})]", True))
    lines.append((f"{number}. {res.title}", False))
    return lines


def build_docx(res: Resolution, path: Path, auto_numbers: bool = False) -> Path:
    d = docx.Document()
    for text, italic in header_lines(res):
        d.add_paragraph().add_run(text).italic = italic
    para = d.add_paragraph()
    para.add_run(f"The {res.body}").italic = True
    para.add_run(",")
    notes = {f.marker: f.text for f in res.footnotes}
    refs: list[tuple[str, str]] = []  # (footnote id, text) in order of reference
    for p in res.paragraphs:
        pieces = split_subparagraphs(p) or [(0, "", p.text)]
        for depth, label, own in pieces:
            if depth == 0:
                if p.kind == OPERATIVE and auto_numbers:
                    w = d.add_paragraph(style="List Number")
                else:
                    w = d.add_paragraph()
                    if p.kind == OPERATIVE:
                        w.add_run(f"{p.number}.\t")
                verb = p.verb_text if p.verb_text and own.startswith(p.verb_text) else ""
                if verb:
                    w.add_run(verb).italic = True
                # footnote references: the last at the end, earlier ones after the first words (two markers
                # side by side would read as one number, as in print)
                markers = [m for m in p.footnotes if m in notes]
                words = re.split(r"(?<= )", own[len(verb):])
                for i, word in enumerate(words):
                    w.add_run(word)
                    if i < len(markers) - 1:
                        w._p.append(_footnote_reference(_note_id(refs, notes[markers[i]])))
                for marker in markers[-1:]:
                    w._p.append(_footnote_reference(_note_id(refs, notes[marker])))
            else:
                d.add_paragraph().add_run(f"({label})\t{own}")
    d.add_paragraph().add_run("50th plenary meeting").italic = True
    d.save(str(path))
    if refs:
        _add_footnotes_part(path, refs)
    return path


def _note_id(refs: list[tuple[str, str]], text: str) -> str:
    refs.append((str(len(refs) + 1), text))
    return refs[-1][0]


def _footnote_reference(fid: str):
    r = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    va = OxmlElement("w:vertAlign")
    va.set(qn("w:val"), "superscript")
    rpr.append(va)
    r.append(rpr)
    ref = OxmlElement("w:footnoteReference")
    ref.set(qn("w:id"), fid)
    r.append(ref)
    return r


def _add_footnotes_part(path: Path, notes: list[tuple[str, str]]) -> None:
    """Add word/footnotes.xml (with Word's separator notes), its relationship and content type."""
    from xml.sax.saxutils import escape

    body = "".join(
        f'<w:footnote w:id="{fid}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p></w:footnote>' for fid, text in notes)
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{W_NS}">'
           '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
           '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
           f'</w:footnote>{body}</w:footnotes>')
    path.write_bytes(hostile.with_footnotes_part(path.read_bytes(), xml.encode()))


def assert_same_paragraphs(got: Resolution, want: Resolution) -> None:
    assert got.symbol == want.symbol
    assert got.date == want.date
    assert [(p.kind, p.number) for p in got.paragraphs] == [(p.kind, p.number) for p in want.paragraphs]
    for g, w in zip(got.paragraphs, want.paragraphs, strict=True):
        assert g.verb_text == w.verb_text, (w.number, g.verb_text, w.verb_text)
        assert " ".join(g.text.split()) == " ".join(w.text.split()), (w.kind, w.number)
        assert [(s.number, s.text) for s in g.subparagraphs] == [(s.number, s.text) for s in w.subparagraphs]
        assert len(g.footnotes) == len([m for m in w.footnotes if m in {f.marker for f in want.footnotes}])


@pytest.fixture(scope="module")
def sample(sample_text: Path) -> Resolution:
    return text_reader.read(sample_text)


@pytest.mark.parametrize("auto_numbers", [False, True], ids=["typed-numbers", "word-numbering"])
def test_docx_from_sample_parses_to_same_paragraphs(sample: Resolution, tmp_path: Path, auto_numbers: bool) -> None:
    path = build_docx(sample, tmp_path / "resolution.bin", auto_numbers)  # the name says nothing
    assert sniff(path.read_bytes()) == "docx"
    got = read(path)
    assert got.source.format == "docx"
    assert_same_paragraphs(got, sample)
    assert [f.text for f in got.footnotes] == [f.text for f in sample.footnotes]
    assert got.committee == "Third Committee" and got.agenda_item == sample.agenda_item


def test_docx_italic_verbs_and_footnote_markers(sample: Resolution, tmp_path: Path) -> None:
    from unkg.ingest.readers.docx import text_of

    text = text_of(build_docx(sample, tmp_path / "r.docx"))
    assert "\n\n*Guided also* ¹by the Universal Declaration of Human Rights," in text
    assert "and other relevant instruments,²\n" in text
    assert re.search(r"^11\. \*Urges\* ", text, re.M)
    assert re.search(r"^¹ Resolution 217 A \(III\)\.$", text, re.M)


@pytest.mark.corpus
def test_docx_from_akn_with_subparagraphs(corpus: Path, tmp_path: Path) -> None:
    from unkg.ingest.readers import akn

    checked = 0
    for f in sorted((corpus / "akn" / "ga" / "78" / "en").glob("A_RES_78_2[01]*.xml")):
        want = akn.read(f)
        if not want.date or want.committee is None or any(p.part for p in want.paragraphs):
            continue
        if not any(p.subparagraphs for p in want.paragraphs):
            continue
        if any(split_subparagraphs(p) is None for p in want.paragraphs if p.subparagraphs):
            continue
        got = read(build_docx(want, tmp_path / f"{f.stem}.docx", auto_numbers=checked % 2 == 1))
        assert_same_paragraphs(got, want)
        checked += 1
        if checked == 4:
            break
    assert checked >= 2, "too few AKN resolutions with sub-paragraphs to build DOCX twins from"


def test_not_a_docx(tmp_path: Path) -> None:
    bad = tmp_path / "broken.docx"
    with zipfile.ZipFile(bad, "w") as z:
        z.writestr("word/document.xml", "<not-closed")
    assert sniff(bad.read_bytes()) == "docx"
    with pytest.raises(InputError) as e:
        read(bad)
    assert "broken.docx" in str(e.value)
