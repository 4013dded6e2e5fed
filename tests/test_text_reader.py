"""The text reader: a small hand-made text with page debris, the bundled sample A/RES/78/216, and the
acceptance check that the sample and its AKN give the same document."""
from __future__ import annotations

from pathlib import Path

import pytest
from test_akn_reader import check_offsets

from unkg.errors import InputError
from unkg.ingest.model import Source
from unkg.ingest.readers import akn, text


def _norm(s: str) -> str:
    return " ".join(s.split())


def test_small_text_equals_its_akn_twin(fixtures: Path) -> None:
    t = text.read(fixtures / "readers" / "small_resolution.en.txt")
    a = akn.read(fixtures / "readers" / "small_resolution.akn.xml")
    for key in ("symbol", "body", "session", "date", "language", "title", "agenda_item", "committee", "report",
                "meeting", "issued"):
        assert getattr(t, key) == getattr(a, key), key
    assert [(p.kind, p.number, p.verb_text, p.text, p.footnotes) for p in t.paragraphs] == [
        (p.kind, p.number, p.verb_text, p.text, p.footnotes) for p in a.paragraphs]
    assert [(f.marker, f.text) for f in t.footnotes] == [(f.marker, f.text) for f in a.footnotes]
    assert t.text == a.text
    check_offsets(t)
    assert t.source.format == "text"


def test_sample_alone(sample_text: Path) -> None:
    res = text.read(sample_text)
    assert (res.symbol, res.body, res.session, res.date) == ("A/RES/78/216", "General Assembly", "78", "2023-12-19")
    assert (res.agenda_item, res.committee, res.report) == ("71 (b)", "Third Committee", "A/78/481/Add.2")
    assert res.meeting == "50th plenary meeting" and res.issued == "2023-12-22"
    assert len(res.preambular) == 28
    assert [p.number for p in res.operative] == [str(i) for i in range(1, 38)]
    assert res.operative[10].verb_text == "Urges" and res.operative[25].verb_text == "Strongly encourages"
    assert len(res.footnotes) == 10 and res.footnotes[9].text == "A/HRC/17/31, annex."
    # page breaks and footnote blocks do not cut paragraphs; markers and links are gone
    pp = res.preambular[13]
    assert pp.text.endswith("referred to as environmental human rights defenders, are among the human rights "
                            "defenders most exposed and at risk,")
    assert "⁶" not in res.text and "](#)" not in res.text and "*" not in res.text
    assert res.operative[0].footnotes == ["7", "8"]
    assert res.warnings == []
    check_offsets(res)


def test_sample_and_its_akn_give_the_same_document(corpus: Path, sample_text: Path) -> None:
    t = text.read(sample_text)
    a = akn.read(corpus / "akn/ga/78/en/A_RES_78_216-2326002E.xml")
    for key in ("symbol", "date", "session", "body", "title", "agenda_item", "committee", "report", "meeting"):
        assert getattr(t, key) == getattr(a, key), key
    assert (len(t.preambular), len(t.operative)) == (len(a.preambular), len(a.operative)) == (28, 37)
    assert [(p.number, p.verb_text) for p in t.operative] == [(p.number, p.verb_text) for p in a.operative]
    assert [p.verb_text for p in t.preambular] == [p.verb_text for p in a.preambular]
    diffs = [p.index for p, q in zip(t.paragraphs, a.paragraphs, strict=True) if _norm(p.text) != _norm(q.text)]
    assert diffs == [], f"paragraph texts differ at {diffs}"
    assert [p.footnotes for p in t.paragraphs] == [p.footnotes for p in a.paragraphs]


def test_parse_text_is_the_shared_back_end() -> None:
    src = Source("made-up.md", "0" * 64, "html")
    res = text.parse_text("Human Rights Council\n\nResolution adopted by the Human Rights Council on 4 April 2031\n\n"
                          "61/3. Made-up title\n\nThe Human Rights Council,\n\n*Guided* by the Charter,\n\n"
                          "1. *Decides* to act.\n\n12th meeting\n4 April 2031\n", src)
    assert (res.symbol, res.body, res.session, res.date) == ("A/HRC/RES/61/3", "Human Rights Council", "61",
                                                             "2031-04-04")
    assert res.source.format == "html" and res.meeting == "12th meeting"
    assert [(p.kind, p.verb_text, p.text) for p in res.paragraphs] == [
        ("preambular", "Guided", "Guided by the Charter,"), ("operative", "Decides", "Decides to act.")]


def test_text_without_a_resolution_names_the_file(tmp_path: Path) -> None:
    f = tmp_path / "minutes.txt"
    f.write_text("The General Assembly,\n\nnothing else here\n")
    with pytest.raises(InputError) as info:
        text.read(f)
    assert str(info.value).startswith(str(f)) and "symbol" in str(info.value)


def test_parts_and_sections(fixtures: Path) -> None:
    res = text.read(fixtures / "readers" / "parts_and_sections.en.txt")
    assert res.symbol == "A/RES/86/50 A-B"  # "86/50." printed with parts A and B
    assert [(p.part, p.kind, p.number, p.verb_text) for p in res.paragraphs] == [
        ("A", "preambular", None, "Recalling"),
        ("A", "operative", None, "Urges"),  # one unnumbered operative paragraph ends part A
        ("B", "preambular", None, "Stressing"),
        ("B/I", "operative", "1", "Decides"),  # numbering restarts per section: the section joins the part
        ("B/I", "operative", "2", "Requests"),
        ("B/II", "operative", "1", "Approves"),
    ]
    assert "title" not in res.text  # part and section titles are not paragraphs
    check_offsets(res)
