"""PDF -> Resolution, with pypdfium2 (PDFium; Apache-2.0/BSD).

Why PDFium (benchmarks/pdf.py compares the libraries on the corpus PDFs; numbers in docs/benchmarks.md):
it matches the AKN twins' structure as well as PyMuPDF, at nearly its speed, without the AGPL; pdfplumber
is far slower. We read text *objects* (a run in one font) rather than characters: one C call per run, not
several per character, which is several times faster.

The spans go through the layout stages (layout.py) to the shared Markdown-ish text, then to
`readers.text.parse_text`, like every text-like format.
"""
from __future__ import annotations

import ctypes
import re
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from unkg.errors import InputError
from unkg.ingest.model import Resolution
from unkg.ingest.readers.layout import Page, Span, to_text
from unkg.ingest.readers.source import load, source_of
from unkg.ingest.readers.text import parse_text

_U16 = ctypes.POINTER(ctypes.c_ushort)
_ITALIC_FLAG = 1 << 6
_LETTERS = re.compile(r"^(?:\S ){2,}\S? ?$")  # PDF font descriptor flag 7 (Italic)


def pages(path: Path, data: bytes | None = None) -> list[Page]:
    """Every page's text spans: text, position, size, italic and bold from the font name and flags."""
    try:
        pdf = pdfium.PdfDocument(data if data is not None else str(path))
    except pdfium.PdfiumError as e:
        raise InputError(path, f"not a readable PDF ({e})") from None
    try:
        return [_page(pdf, i) for i in range(len(pdf))]
    except pdfium.PdfiumError as e:  # a damaged page (its objects or text)
        raise InputError(path, f"not a readable PDF ({e})") from None
    finally:
        pdf.close()


def _page(pdf: pdfium.PdfDocument, index: int) -> Page:
    page = pdf[index]
    textpage = page.get_textpage()
    width, height = page.get_size()
    buf = ctypes.create_string_buffer(1 << 15)
    name = ctypes.create_string_buffer(256)
    size = ctypes.c_float()
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    matrix = raw.FS_MATRIX()
    fonts: dict[int, tuple[str, bool, bool]] = {}
    spans: list[Span] = []
    try:
        for k in range(raw.FPDFPage_CountObjects(page.raw)):
            obj = raw.FPDFPage_GetObject(page.raw, k)
            if raw.FPDFPageObj_GetType(obj) != raw.FPDF_PAGEOBJ_TEXT:
                continue
            n = raw.FPDFTextObj_GetText(obj, textpage.raw, ctypes.cast(buf, _U16), len(buf))
            # PDFium reports a hyphen that ends a line as \x02; UN documents hyphenate only compounds, so it is
            # a real hyphen ("capacity-|building")
            text = buf.raw[: max(0, n - 2)].decode("utf-16-le", "replace").replace("\x02", "-")
            if not text:
                continue
            font = raw.FPDFTextObj_GetFont(obj)
            key = ctypes.cast(font, ctypes.c_void_p).value or 0
            if key not in fonts:
                raw.FPDFFont_GetBaseFontName(font, name, len(name))
                fname = name.value.decode("latin-1")
                low = fname.lower()
                italic = "italic" in low or "oblique" in low or bool(raw.FPDFFont_GetFlags(font) & _ITALIC_FLAG)
                bold = "bold" in low or "black" in low or raw.FPDFFont_GetWeight(font) >= 700
                fonts[key] = (fname, italic, bold)
            fname, italic, bold = fonts[key]
            raw.FPDFTextObj_GetFontSize(obj, size)
            raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
            raw.FPDFPageObj_GetMatrix(obj, matrix)
            if abs(matrix.b) > 0.1 or abs(matrix.c) > 0.1:
                continue  # rotated text (margin notes, stamps): resolution text runs horizontally
            scale = abs(matrix.d) if abs(matrix.d) > 1e-6 else 1.0
            if size.value * scale < 3 and _LETTERS.match(text):
                # text set in a ~1 pt font (a Word artefact) comes out with every glyph spaced: "I n v i t e s"
                text = text[::2].rstrip() + (" " if text.endswith(" ") else "")
            # x0 from the origin (ink bounds start late for glyphs like '.'), x1 from the ink
            spans.append(Span(text, min(matrix.e, left.value), right.value, matrix.f, size.value * scale, italic, bold,
                              fname))
    finally:
        textpage.close()
        page.close()
    return Page(index + 1, width, height, spans)


def text_of(path: Path, data: bytes | None = None) -> str:
    """The PDF as the shared Markdown-ish text (what `read` hands to the text parser)."""
    ps = pages(path, data)
    # a scanned resolution may still carry a stamp or job number as text; a page of text has thousands
    if sum(len(s.text.strip()) for p in ps for s in p.spans) < 20 * max(1, len(ps)):
        raise InputError(path, f"the PDF ({len(ps)} pages) has no text layer (scanned?): run OCR on it first")
    return to_text(ps)


def read(path: Path) -> Resolution:
    """Read an official UN resolution PDF into the document model."""
    path = Path(path)
    data = load(path)
    source = source_of(path, data, "pdf")
    return parse_text(text_of(path, data), source)
