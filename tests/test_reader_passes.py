"""The readers' named passes (akn.OPERATIVE_PASSES, text.HEADER_PASSES, text.BODY_PASSES): each one has a
docstring, each one reads something in the small documents below or in the reader fixtures, and the cases
below are the kinds of document that needed them (most come from corpus files; see their docstrings)."""
from __future__ import annotations

from collections import Counter
from importlib.resources import files
from pathlib import Path

import pytest

from unkg.ingest.model import OPERATIVE, Paragraph, SubParagraph
from unkg.ingest.readers import akn, read, sections, text
from unkg.ingest.readers.numbering import attach_sub, continue_text, nests_under

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
FIXTURES = Path(__file__).parent / "fixtures"
PASSES = {"akn.OPERATIVE_PASSES": (akn, "OPERATIVE_PASSES"), "text.HEADER_PASSES": (text, "HEADER_PASSES"),
          "text.BODY_PASSES": (text, "BODY_PASSES")}
# passes that prepare a block for the passes after them and never take one themselves
PREPARING = {"_new_footnotes", "_letter_l_for_one"}


def para(number: str | None, verb: str, rest: str) -> str:
    num = f"<num>{number}</num>" if number else ""
    return f'<paragraph>{num}<content><p><span class="italic">{verb}</span> {rest}</p></content></paragraph>'


def akn_doc(tmp_path: Path, body: str) -> Path:
    f = tmp_path / "made.xml"
    f.write_text(f'<akomaNtoso xmlns="{NS}"><statement name="resolution"><coverPage><p>'
                 f'<docNumber refersTo="#symbol">A/RES/86/9</docNumber></p></coverPage>'
                 f"<mainBody>{body}</mainBody></statement></akomaNtoso>", encoding="utf-8")
    return f


# name -> (main body, operative paragraphs as (number, text), a warning that must be given or None)
AKN_CASES = {
    "a preambular cross-heading in the main body": (
        '<crossHeading refersTo="#preamble"><span class="italic">Having considered</span> the report,</crossHeading>'
        + para("1.", "Decides", "one."), [("1", "Decides one.")], None),
    "tables before and after the first paragraph": (
        "<table><tr><td>x</td></tr></table>" + para("1.", "Decides", "one:")
        + "<table><tr><td>cell a</td><td>cell b</td></tr></table>",
        [("1", "Decides one: cell a cell b")], "skipped a table before the first operative paragraph"),
    "sub-paragraphs marked up as numbered paragraphs": (
        para("1.", "Requests", "the following:") + "<paragraph><num>(a)</num><content><p>first;</p></content>"
        "</paragraph><paragraph><num>(b)</num><content><p>second.</p></content></paragraph>",
        [("1", "Requests the following: (a) first; (b) second.")], None),
    "a section label and an odd number": (
        para("1.", "Decides", "one;") + "<paragraph><num>B.</num><content><p>Budget</p></content></paragraph>"
        + para("*", "Notes", "a starred paragraph."),
        [("1", "Decides one;"), (None, "Notes a starred paragraph.")], "paragraph numbered '*' read as unnumbered"),
    "an empty paragraph": (
        para("1.", "Decides", "one;") + "<paragraph><content><p> </p></content></paragraph>" + para("2.", "Notes", "two."),
        [("1", "Decides one;"), ("2", "Notes two.")], None),
    "an annex heading ends the main body": (
        para("1.", "Decides", "one.") + "<paragraph><subheading>Annex</subheading></paragraph>" + para("2.", "Lost", "x."),
        [("1", "Decides one.")], "main body text after the heading 'Annex' not read (an annex)"),
    "numbering that restarts without a section ends the main body": (
        para("1.", "Decides", "one;") + para("2.", "Decides", "two.") + para("1.", "Annexed", "item."),
        [("1", "Decides one;"), ("2", "Decides two.")], "numbering restarts at 1"),
    "an unnumbered heading between paragraphs": (
        para("1.", "Decides", "one;") + "<paragraph><content><p>Related fisheries instruments</p></content></paragraph>"
        + para("2.", "Decides", "two."), [("1", "Decides one;"), ("2", "Decides two.")], None),
    "a number printed as the letter l": (
        para("l.", "Decides", "one;") + para("2.", "Decides", "two."),
        [("1", "Decides one;"), ("2", "Decides two.")], "paragraph number printed 'l.' read as 1"),
    "a number quoted inside the paragraph before": (
        para("14.", "Decides", "to approve the following amendment:") + para("4.", "In", "hearing a case."),
        [("14", "Decides to approve the following amendment: 4 In hearing a case.")], "read as text quoted"),
    "a number left in the text": (
        para("1.", "Notes", "one;") + '<paragraph><content><p> 2\t<span class="italic">Encourages</span> two;</p>'
        "</content></paragraph>", [("1", "Notes one;"), ("2", "Encourages two;")], None),
    "text of an empty numbered paragraph in the next one": (
        "<paragraph><num>1.</num><content><p></p></content></paragraph>" + para(None, "Decides", "one."),
        [("1", "Decides one.")], "text read from the unnumbered paragraph after its empty numbered one"),
}


@pytest.mark.parametrize("case", sorted(AKN_CASES))
def test_akn_operative_passes(tmp_path: Path, case: str) -> None:
    body, want, warning = AKN_CASES[case]
    res = read(akn_doc(tmp_path, body))
    assert [(p.number, p.text) for p in res.operative] == want
    if warning:
        assert any(warning in w for w in res.warnings), res.warnings


SC_TEXT = "\n\n".join([
    'United Nations',
    'S/RES/2999 (2031)',
    'Security Council',
    'Distr.: General',
    '6 January 2031',
    'Resolution 2999 (2031)',
    'Adopted by the Security Council at its 9999th meeting, on 5 January 2031',
    'The Security Council,',
    '*Recalling* its previous resolutions,',
    '1. *Decides* to remain seized of the matter.',
    'Annex',
    '1. Not a paragraph of the resolution.',
]) + "\n"


def test_text_security_council_header_and_annex(tmp_path: Path) -> None:
    f = tmp_path / "sc.en.txt"
    f.write_text(SC_TEXT, encoding="utf-8")
    res = read(f)
    assert (res.symbol, res.body, res.date, res.issued, res.meeting) == (
        "S/RES/2999 (2031)", "Security Council", "2031-01-05", "2031-01-06", "9999th meeting")
    assert [(p.kind, p.number, p.text) for p in res.paragraphs] == [
        ("preambular", None, "Recalling its previous resolutions,"),
        ("operative", "1", "Decides to remain seized of the matter.")]
    assert any("Annex" in w for w in res.warnings)


_ORIGINAL = {group: getattr(module, name) for group, (module, name) in PASSES.items()}


def test_every_pass_has_a_docstring_and_reads_something(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    taken: Counter[str] = Counter()

    def counting(group: str, step):
        def wrapped(*args):
            done = step(*args)
            taken[f"{group}.{step.__name__}"] += bool(done)
            return done
        return wrapped

    for group, (module, name) in PASSES.items():
        assert all(s.__doc__ for s in _ORIGINAL[group]), f"{group}: a pass without a docstring"
        monkeypatch.setattr(module, name, tuple(counting(group, s) for s in _ORIGINAL[group]))
    for i, (body, _, _) in enumerate(AKN_CASES.values()):
        (tmp_path / str(i)).mkdir()
        read(akn_doc(tmp_path / str(i), body))
    sc = tmp_path / "sc.en.txt"
    sc.write_text(SC_TEXT, encoding="utf-8")
    for f in [sc, Path(str(files("unkg.ingest.sample") / "A_RES_78_216.en.txt")), *FIXTURES.glob("readers/*")]:
        read(f)
    idle = [f"{group}.{s.__name__}" for group, steps in _ORIGINAL.items() for s in steps
            if s.__name__ not in PREPARING and not taken[f"{group}.{s.__name__}"]]
    assert not idle, f"passes that read nothing in the test documents: {idle}"


@pytest.mark.parametrize("parent, key, quoted, nests", [
    (("a", []), "i", False, True),  # (i) after (a): the first item of a nested list
    (("a", ["i"]), "ii", False, True),
    (("h", []), "i", False, False),  # (i) after (h): the next letter
    (("u", ["i"]), "v", False, False),  # (v) after (u), even when (u) has items: the next letter
    (("a", []), "ii", False, False),  # a nested list starts at (i)
    (("b", []), "c", False, False),
    (("i", []), "ii", False, False),  # Roman after Roman: the same level
    (("a", []), "2", True, True),  # Arabic files print (ii) as '2'
])
def test_one_nesting_rule_for_every_reader(parent, key, quoted, nests) -> None:
    number, children = parent
    sub = SubParagraph(number, "text", subparagraphs=[SubParagraph(c, "text") for c in children])
    assert nests_under(sub, key, quoted) is nests
    assert nests_under(None, key, quoted) is False


@pytest.mark.parametrize("text, label, heading, annex", [
    ("II.", "II", False, False),  # the readers strip its dot where a heading is looked for
    ("B", "B", True, False),
    ("Resolution B", "B", True, False),
    ("Related fisheries instruments", None, True, False),
    ("Annex", None, True, True),
    ("Draft annex I", None, True, True),
    ("Takes note of annex II to the report;", None, False, False),  # a paragraph that names an annex
    ("Recalling its resolution 77/1,", None, False, False),
    ("会议文件：", None, False, False),  # ends like a paragraph in Chinese
])
def test_one_section_logic_for_every_reader(text: str, label, heading: bool, annex: bool) -> None:
    assert sections.label(text) == label
    assert sections.is_heading(text) is heading
    assert sections.is_annex(text) is annex


def test_sections_place_paragraphs_and_tell_a_restart() -> None:
    s = sections.Sections()
    s.enter("I")
    one = s.place(Paragraph(OPERATIVE, 0, "2", "", "two", part="A"))
    assert one.section == "I"
    assert s.restarts("1", one, "A")  # "1." again under I: an annex or a list set in the body
    s.enter("II")
    assert not s.restarts("1", one, "A")  # numbering restarts with the section
    s.pending = "B"
    assert (s.take_pending(), s.pending) == ("B", None)
    s.new_part()
    assert s.current is None


@pytest.mark.parametrize("printed", ["(b)", "b)", "(i)", "'2'"])
def test_one_sub_paragraph_placement_for_every_reader(printed: str) -> None:
    p = Paragraph(OPERATIVE, 0, "1", "Decides", "Decides: (a) first;",
                  subparagraphs=[SubParagraph("a", "first;")])
    sub = attach_sub(p, printed, "next;")
    nested = printed in ("(i)", "'2'")
    assert (sub in p.subparagraphs[0].subparagraphs) is nested and (sub in p.subparagraphs) is not nested
    assert p.text == f"Decides: (a) first; {printed} next;"
    continue_text(p, "and more.")
    assert p.text.endswith("next; and more.") and sub.text == "next; and more."
    assert p.subparagraphs[0].text.endswith("and more.") is nested  # (a) takes it only around a nested last
