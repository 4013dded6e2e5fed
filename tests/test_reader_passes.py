"""The readers' named passes (akn.OPERATIVE_PASSES, text.HEADER_PASSES, text.BODY_PASSES): each one has a
docstring, each one reads something in the small documents below or in the reader fixtures (the kinds of
document that needed them), and, with the corpus, each changes the reading of the real document that needed
it (CORPUS_CASES). The section logic and the sub-paragraph placement the two readers share are tested here too."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path

import pytest

from unkg.errors import InputError
from unkg.ingest.model import OPERATIVE, PREAMBULAR, Paragraph, Resolution, SubParagraph
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


def test_text_numbering_that_restarts_in_a_section_ends_the_body(tmp_path: Path) -> None:
    """As in the AKN reader (the case "numbering that restarts without a section ends the main body"): an annex
    printed without its heading, its list numbered from 1 again, is not read as paragraphs of the resolution."""
    f = tmp_path / "restart.en.txt"
    f.write_text(SC_TEXT.replace("Annex\n\n", "").replace("1. *Decides* to remain seized of the matter.",
                                                         "1. *Decides* one;\n\n2. *Decides* two."), encoding="utf-8")
    res = read(f)
    assert [p.number for p in res.operative] == ["1", "2"]
    assert any("numbering restarts at 1" in w for w in res.warnings), res.warnings


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


def _op(res: Resolution, start: str) -> Paragraph:
    return next(p for p in res.operative if p.text.startswith(start))


# The corpus document each pass was needed for, found by reading the corpus with the pass left out: `check` holds
# when the document is read with every pass and fails without this one. Passes that no corpus document needs
# have only the small documents above: akn._empty (an empty block is also left out as a heading), the text
# reader's Security Council lines, a symbol, body or session line the title and adoption line already give, the
# issue date on a line of its own, and parts, labels and annex headings (the corpus PDFs are single-part and end
# at the meeting line).
CORPUS_CASES: dict[str, tuple[str, Callable[[Resolution], bool]]] = {
    "akn.OPERATIVE_PASSES._heading": (  # the annex's heading, not numbering that restarts, ends the main body
        "akn/sc/en/S_RES_2794_2025.xml", lambda r: any("'Designation Annex' not read (an annex)" in w for w in r.warnings)),
    "akn.OPERATIVE_PASSES._new_footnotes": (
        "akn/ga/75/en/75_100_E.xml",
        lambda r: next(p for p in r.paragraphs if p.text.startswith("Noting also that the relevant reform")).footnotes == []),
    "akn.OPERATIVE_PASSES._cross_heading": (
        "akn/ga/75/en/75_245_E.xml",
        lambda r: any(p.kind == PREAMBULAR and p.text.startswith("Recalling its resolution 44/198") for p in r.paragraphs)),
    "akn.OPERATIVE_PASSES._table": (  # a short table would be left out as a heading
        "akn/ga/79/en/A_RES_79_253-2424694E.xml",
        lambda r: "Programme Management Officer P-4 1 Total net change 1" in _op(r, "Approves the changes to the staffing").text),
    "akn.OPERATIVE_PASSES._letter_l_for_one": (
        "akn/ga/76/en/A_RES_76_256-2204678E.xml", lambda r: _op(r, "Decides to designate 12 May").number == "1"),
    "akn.OPERATIVE_PASSES._quoted_numbered": (  # 76/3 adopts "Space2030", numbered 1.1, 1.2 ...
        "akn/ga/76/en/A_RES_76_3_E.xml", lambda r: not any("." in (p.number or "") for p in r.operative)),
    "akn.OPERATIVE_PASSES._numbered": (
        "akn/sc/en/S_RES_2803_2025.xml", lambda r: [p.number for p in r.operative] == [str(i) for i in range(1, 12)]),
    "akn.OPERATIVE_PASSES._numbered_sub": (  # (iii) and (iv) marked up as paragraphs of their own
        "akn/ga/75/en/75_101A-B_E.xml", lambda r: len(_op(r, "Urges all countries").subparagraphs[4].subparagraphs) == 4),
    "akn.OPERATIVE_PASSES._other_numbers": (  # a numbered heading names a section; its title is no paragraph's text
        "akn/sc/en/S_RES_2806_2025.xml", lambda r: _op(r, "Welcomes measures taken by the GFRS").text.endswith("as appropriate;")),
    "akn.OPERATIVE_PASSES._text_of_empty_numbered": (
        "akn/ga/78/fr/A_RES_78_240-2326249F.xml", lambda r: r.operative[0].verb_text == "Encourage"),
    "akn.OPERATIVE_PASSES._number_in_text": (
        "akn/ga/75/en/75_248_E.xml", lambda r: _op(r, "Reaffirms its decision, contained in paragraph 4").number == "6"),
    "akn.OPERATIVE_PASSES._unnumbered": (
        "akn/ga/75/en/75_101A-B_E.xml", lambda r: len(_op(r, "Urges all countries").subparagraphs[4].subparagraphs) == 4),
    "text.HEADER_PASSES._distribution_line": ("text/A_RES_78_216.en.txt", lambda r: r.issued == "2023-12-22"),
    "text.HEADER_PASSES._agenda_line": ("text/A_RES_78_216.en.txt", lambda r: r.agenda_item == "71 (b)"),
    "text.HEADER_PASSES._adopted_line": ("text/A_RES_78_216.en.txt", lambda r: r.date == "2023-12-19"),
    "text.HEADER_PASSES._proponent_line": (
        "text/A_RES_78_216.en.txt", lambda r: (r.committee, r.report) == ("Third Committee", "A/78/481/Add.2")),
    "text.HEADER_PASSES._title_line": (  # the symbol too comes from the title's number
        "text/A_RES_78_216.en.txt", lambda r: r.symbol == "A/RES/78/216" and r.title.startswith("Implementing the")),
    "text.BODY_PASSES._closing_meeting": ("text/A_RES_78_216.en.txt", lambda r: r.meeting == "50th plenary meeting"),
    "text.BODY_PASSES._numbered": (
        "text/A_RES_78_216.en.txt", lambda r: [p.number for p in r.operative][:3] == ["1", "2", "3"]),
    "text.BODY_PASSES._sub": (
        "pdf/ga/A_RES_78_103.pdf",
        lambda r: [(p.number, len(p.subparagraphs)) for p in r.operative if p.subparagraphs] == [("2", 3), ("10", 5)]),
    "text.BODY_PASSES._unnumbered": (
        "text/A_RES_78_216.en.txt", lambda r: sum(p.kind == PREAMBULAR for p in r.paragraphs) == 28),
}


def _holds(check: Callable[[Resolution], bool], path: Path) -> bool:
    try:
        return check(read(path))
    except InputError:  # without a pass the document may not read at all (no symbol without the title line)
        return False
    except (StopIteration, IndexError):  # without a pass the paragraph looked for may not be read
        return False


@pytest.mark.parametrize("key", sorted(CORPUS_CASES))
def test_each_pass_on_the_corpus_document_that_needed_it(corpus: Path, monkeypatch: pytest.MonkeyPatch, key: str) -> None:
    file, check = CORPUS_CASES[key]
    path = corpus / file
    if not path.exists():
        pytest.skip(f"{file} is not in this copy of the corpus")
    group, name = key.rsplit(".", 1)
    assert check(read(path)), f"{file}: what {name} reads is not read"
    module, attr = PASSES[group]
    monkeypatch.setattr(module, attr, tuple(s for s in _ORIGINAL[group] if s.__name__ != name))
    assert not _holds(check, path), f"{file} reads the same without {name}: not the document that needs it"
