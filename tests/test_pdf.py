"""PDF reader without the corpus: small PDFs drawn here with PDFium (standard Times fonts) in the UN layout,
a PDF without a text layer, a broken PDF, and the layout stages on hand-made spans."""
from __future__ import annotations

import ctypes
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw
import pytest

from unkg.errors import InputError
from unkg.ingest.readers import layout, read, sniff
from unkg.ingest.readers.layout import Page, Span

ROMAN, ITALIC, BOLD = "Times-Roman", "Times-Italic", "Times-Bold"


class Drawer:
    """Draws text runs on PDF pages at given positions (y up, baseline), as a word processor would."""

    def __init__(self) -> None:
        self.doc = pdfium.PdfDocument.new()
        self.page = None

    def new_page(self) -> None:
        if self.page is not None:
            raw.FPDFPage_GenerateContent(self.page.raw)
        self.page = self.doc.new_page(612, 792)

    def run(self, text: str, x: float, y: float, size: float = 10, font: str = ROMAN) -> float:
        obj = raw.FPDFPageObj_NewTextObj(self.doc.raw, font.encode(), ctypes.c_float(size))
        data = (text + "\0").encode("utf-16-le")
        raw.FPDFText_SetText(obj, (ctypes.c_ushort * (len(data) // 2)).from_buffer_copy(data))
        raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, y)
        raw.FPDFPage_InsertObject(self.page.raw, obj)
        left, bottom, right, top = (ctypes.c_float() for _ in range(4))
        raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
        return right.value

    def line(self, runs: list[tuple[str, str]], x: float, y: float, size: float = 10) -> None:
        """Runs of (text, font) on one baseline; a run starting with '^' is a superscript marker."""
        for text, font in runs:
            if text.startswith("^"):
                x = self.run(text[1:], x + 0.3, y + 3.5, size * 0.65, font)
            else:
                x = self.run(text, x, y, size, font) + (2.5 if text.endswith(" ") else 0.3)

    def save(self, path: Path) -> Path:
        raw.FPDFPage_GenerateContent(self.page.raw)
        self.doc.save(str(path))
        return path


def draw_resolution(path: Path) -> Path:
    """A two-page resolution: masthead, header block, preamble, operative paragraphs with sub-paragraphs,
    a paragraph broken by the page end with a footnote, running header, page and job numbers."""
    d = Drawer()
    d.new_page()
    d.line([("United Nations", ROMAN)], 123, 734, 14)
    d.line([("A/RES/80/123", ROMAN)], 482, 734, 10)
    d.line([("General Assembly", BOLD)], 123, 705, 20)
    d.line([("Distr.: General", ROMAN)], 397, 705)
    d.line([("12 December 2025", ROMAN)], 397, 693)
    d.line([("Eightieth session", BOLD)], 60, 570)
    d.line([("Agenda item 68 (a)", ROMAN)], 60, 558)
    d.line([("Rights of children", BOLD)], 60, 546)
    d.line([("Resolution adopted by the General Assembly on 10 December 2025", BOLD)], 123, 477, 14)
    d.line([("[", ROMAN), ("on the report of the Third Committee (A/80/400, para. 20)", ITALIC), ("]", ROMAN)], 123, 440)
    d.line([("80/123. Rights of children", BOLD)], 72, 412, 12)
    d.line([("The General Assembly", ITALIC), (",", ROMAN)], 147, 380)
    d.line([("Recalling ", ITALIC), ("its resolution 79/100 and the Convention on the Rights of the", ROMAN)], 147, 362)
    d.line([("Child,", ROMAN), ("^1", ROMAN), (" and all relevant resolutions of the Human Rights Council,", ROMAN)], 123, 350)
    d.line([("Deeply concerned ", ITALIC), ("at the situation of children affected by armed conflict,", ROMAN)], 147, 332)
    d.line([("1. ", ROMAN), ("Urges ", ITALIC), ("States and non-", ROMAN)], 147, 314)
    d.line([("State actors to protect children;", ROMAN)], 123, 302)
    d.line([("2. ", ROMAN), ("Calls upon ", ITALIC), ("all States:", ROMAN)], 147, 284)
    d.line([("(a) To ratify the Convention;", ROMAN)], 147, 266)
    d.line([("(b) To implement it fully;", ROMAN)], 147, 248)
    d.line([("3. ", ROMAN), ("Requests ", ITALIC), ("the Secretary-General to submit to the General Assembly at its", ROMAN)], 147, 230)
    d.line([("eighty-first session a report on the implementation of the present resolution, including", ROMAN)], 123, 218)
    d.line([("__________________", ROMAN)], 100, 112, 8)
    d.line([("^1", ROMAN), (" United Nations, ", ROMAN), ("Treaty Series", ITALIC), (", vol. 1577, No. 27531.", ROMAN)], 117, 98, 8.5)
    d.line([("25-12345 (E) 151225", ROMAN)], 65, 44)
    d.line([("*2512345*", ROMAN)], 65, 30, 12)
    d.new_page()
    d.line([("A/RES/80/123", ROMAN)], 60, 733, 8.5)
    d.line([("Rights of children", ROMAN)], 400, 733, 8.5)
    d.line([("information on the situation of children;", ROMAN)], 123, 709)
    d.line([("4. ", ROMAN), ("Decides ", ITALIC), ("to remain seized of the matter.", ROMAN)], 147, 691)
    d.line([("55th plenary meeting", ITALIC)], 280, 660)
    d.line([("10 December 2025", ITALIC)], 282, 648)
    d.line([("2/2", ROMAN), ("25-12345", ROMAN)], 60, 37, 8.5)
    return d.save(path)


@pytest.fixture(scope="module")
def drawn(tmp_path_factory) -> Path:
    return draw_resolution(tmp_path_factory.mktemp("pdf") / "drawn.dat")


def test_drawn_pdf_reads_like_the_un_prints_it(drawn: Path) -> None:
    assert sniff(drawn.read_bytes()) == "pdf"
    res = read(drawn)
    assert (res.symbol, res.date, res.issued, res.agenda_item, res.committee, res.report) == (
        "A/RES/80/123", "2025-12-10", "2025-12-12", "68 (a)", "Third Committee", "A/80/400")
    assert res.title == "Rights of children"
    assert [(p.kind, p.number, p.verb_text) for p in res.paragraphs] == [
        ("preambular", None, "Recalling"), ("preambular", None, "Deeply concerned"),
        ("operative", "1", "Urges"), ("operative", "2", "Calls upon"), ("operative", "3", "Requests"),
        ("operative", "4", "Decides")]
    pre, _, op1, op2, op3, _ = res.paragraphs
    # the footnote marker is out of the text, the footnote kept with its italics removed
    assert pre.text == ("Recalling its resolution 79/100 and the Convention on the Rights of the Child, "
                        "and all relevant resolutions of the Human Rights Council,")
    assert pre.footnotes == ["1"]
    assert [(f.marker, f.text) for f in res.footnotes] == [("1", "United Nations, Treaty Series, vol. 1577, No. 27531.")]
    assert op1.text == "Urges States and non-State actors to protect children;"  # line-end hyphen kept, joined
    assert [(s.number, s.text) for s in op2.subparagraphs] == [("a", "To ratify the Convention;"),
                                                                ("b", "To implement it fully;")]
    # the paragraph broken by the page end is whole, without the running header or the page furniture
    assert op3.text.endswith("present resolution, including information on the situation of children;")
    assert res.meeting == "55th plenary meeting"
    assert "25-12345" not in res.text and "2/2" not in res.text and "Rights of children" not in res.text


def test_drawn_pdf_markdown_text(drawn: Path) -> None:
    from unkg.ingest.readers.pdf import text_of

    text = text_of(drawn)
    assert "\n\n*Deeply concerned* at the situation" in text
    assert "\n\n1. *Urges* States and non-State actors" in text
    assert "[*on the report of the Third Committee (A/80/400, para. 20)*]" in text
    assert text.rstrip().endswith("¹ United Nations, *Treaty Series*, vol. 1577, No. 27531.")


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    doc = pdfium.PdfDocument.new()
    page = doc.new_page(612, 792)
    # a scanned page: an image and nothing else
    bitmap = pdfium.PdfBitmap.new_native(200, 100, raw.FPDFBitmap_BGR)
    bitmap.fill_rect((200, 200, 200, 255), 0, 0, 200, 100)
    image = pdfium.PdfImage.new(doc)
    image.set_bitmap(bitmap)
    image.set_matrix(pdfium.PdfMatrix().scale(400, 200).translate(100, 400))
    page.insert_obj(image)
    page.gen_content()
    path = tmp_path / "scan.pdf"
    doc.save(str(path))
    with pytest.raises(InputError) as e:
        read(path)
    assert "scan.pdf" in str(e.value) and "no text layer (scanned?)" in str(e.value)


def test_broken_pdf(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntruncated")
    with pytest.raises(InputError) as e:
        read(path)
    assert "broken.pdf" in str(e.value)


# -- layout stages on hand-made spans --------------------------------------------------------------------------


def test_superscript_joins_the_line_below_it() -> None:
    page = Page(1, 612, 792, [Span("Rights,", 123, 160, 500, 10), Span("12", 160.5, 166, 503.5, 6.5),
                              Span(" the Covenants", 167, 240, 500, 10)])
    (line,) = layout.group_lines(page, 10)
    assert [s.sup for s in line.spans] == [False, True, False]
    assert layout.render([line]) == "Rights,¹² the Covenants"


def test_italic_edges_stay_outside_the_asterisks() -> None:
    assert layout.to_markdown([("11", False), (". Underlines ", True), ("the need", False)]) == \
        "11. *Underlines* the need"
    assert layout.to_markdown([("Takes note ", True), ("with appreciation", True), (" of", False)]) == \
        "*Takes note with appreciation* of"


def test_footer_and_running_header_are_furniture() -> None:
    page = Page(2, 612, 792, [])
    body = 10.0

    def line(text: str, y: float, size: float = 10) -> layout.Line:
        return layout.Line([Span(text, 60, 200, y, size)], 2, y, size)

    assert layout.is_furniture(line("2/9 23-26002", 37, 8.5), page, body)
    assert layout.is_furniture(line("23-26002 3/9", 38, 7), page, body)
    assert layout.is_furniture(line("A/RES/78/216", 733, 8.5), page, body)
    assert not layout.is_furniture(line("the protection of human rights defenders,", 700), page, body)
    assert not layout.is_furniture(line("37. Decides to remain seized of the matter.", 60), page, body)


def test_drawn_multi_part_resolution(tmp_path: Path) -> None:
    """"A" and "B" with their bold titles: numbering restarts per part; the part titles are not paragraphs."""
    d = Drawer()
    d.new_page()
    d.line([("A/RES/80/50 A-B", ROMAN)], 482, 734)
    d.line([("General Assembly", BOLD)], 123, 705, 20)
    d.line([("Resolution adopted by the General Assembly on 10 December 2025", BOLD)], 123, 600, 14)
    d.line([("80/50. Questions relating to information", BOLD)], 72, 570, 12)
    y = 540
    for part, title, verbs in (("A", "Information in the service of humanity", ["Urges"]),
                               ("B", "United Nations public information policies", ["Requests", "Decides"])):
        d.line([(part, BOLD)], 300, y)
        d.line([(title, BOLD)], 200, y - 18)
        d.line([("The General Assembly", ITALIC), (",", ROMAN)], 147, y - 40)
        d.line([("Recalling ", ITALIC), (f"its resolution 79/{len(verbs)},", ROMAN)], 147, y - 58)
        y -= 76
        for n, verb in enumerate(verbs, 1):
            d.line([(f"{n}. ", ROMAN), (verb + " ", ITALIC), ("the Secretary-General to act;", ROMAN)], 147, y)
            y -= 18
        y -= 10
    res = read(d.save(tmp_path / "parts.pdf"))
    assert res.symbol == "A/RES/80/50 A-B"
    assert [(p.part, p.kind, p.number, p.verb_text) for p in res.paragraphs] == [
        ("A", "preambular", None, "Recalling"), ("A", "operative", "1", "Urges"),
        ("B", "preambular", None, "Recalling"), ("B", "operative", "1", "Requests"),
        ("B", "operative", "2", "Decides")]


def test_nested_list_after_colon_joins_its_paragraph() -> None:
    """A provisional agenda set deeper than the paragraphs belongs to the paragraph that announces it; a
    sub-paragraph "(a)" after a colon stays a block of its own."""
    def line(text: str, x: float, y: float) -> layout.Line:
        return layout.Line([Span(text, x, x + 5.5 * len(text), y, 10)], 1, y, 10)

    lines = [line("11. Approves the following provisional agenda for the Fifteenth Congress, as", 147, 700),
             line("finalized by the Commission on Crime Prevention and Criminal Justice at its thirty-", 123, 688),
             line("second session:", 123, 676),
             line("1. Opening of the Congress.", 171, 658),
             line("2. Advancing innovative and evidence-based crime prevention", 171, 640),
             line("strategies.", 195, 628),
             line("12. Decides that the following issues shall be considered in workshops within the", 147, 610),
             line("framework of the Fifteenth Congress:", 123, 598),
             line("(a) Building resilient societies, with a focus on protecting women, children and", 147, 580),
             line("youth;", 123, 568)]
    bs = layout.blocks(lines, 10)
    assert [layout.render(b.lines) for b in bs] == [
        "11. Approves the following provisional agenda for the Fifteenth Congress, as finalized by the Commission "
        "on Crime Prevention and Criminal Justice at its thirty-second session: 1. Opening of the Congress. "
        "2. Advancing innovative and evidence-based crime prevention strategies.",
        "12. Decides that the following issues shall be considered in workshops within the framework of the "
        "Fifteenth Congress:",
        "(a) Building resilient societies, with a focus on protecting women, children and youth;"]
