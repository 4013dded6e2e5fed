"""PDF page layout -> the Markdown-ish text of `ingest/sample/A_RES_78_216.en.txt`.

A PDF library (see pdf.py) gives positioned text spans with their font; the stages here, each small and
named for what it does, turn them into text that `readers.text.parse_text` reads like any other text:

    group_lines        spans -> lines (baseline clustering; superscripts join the line below them)
    split_columns      a line with a wide gap (the page-1 masthead) -> separate chunks
    strip_furniture    running headers, page numbers, job numbers, barcodes, "Please recycle"
    split_footnotes    the area under the footnote rule (or in footnote type) -> footnotes, continued across pages
    blocks             lines -> paragraphs by vertical space and labelled indented lines, across page breaks
    join_nested        a list set deeper than the paragraphs after "...:" -> part of that paragraph
    drop_headings      bold section headings in the body (not paragraphs; the AKN markup omits them too)
    render             a paragraph's spans -> text: italic runs as `*...*`, footnote markers as superscripts,
                       line breaks and hyphenation undone

Coordinates are PDF points with y growing upwards (baseline of each span).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

# -- input -----------------------------------------------------------------------------------------------


@dataclass
class Span:
    """A run of text in one font on one baseline, as a PDF library reports it."""

    text: str
    x0: float
    x1: float
    y: float  # baseline
    size: float
    italic: bool = False
    bold: bool = False
    font: str = ""
    sup: bool = False  # set by group_lines: raised and smaller than its line (a footnote marker)


@dataclass
class Page:
    number: int  # 1-based
    width: float
    height: float
    spans: list[Span]


@dataclass
class Line:
    spans: list[Span]
    page: int
    y: float
    size: float  # the size of most of its characters

    @property
    def x0(self) -> float:
        return min(s.x0 for s in self.spans)

    @property
    def x1(self) -> float:
        return max(s.x1 for s in self.spans)

    @property
    def text(self) -> str:
        return _join_spans(self.spans)


@dataclass
class Block:
    """A paragraph (or header field, heading ...) as consecutive lines."""

    lines: list[Line] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(line.text.strip() for line in self.lines)


# -- stages ----------------------------------------------------------------------------------------------

_SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_FOOTER = re.compile(
    r"^(?:\d{1,3}/\d{1,3}(?:\s+\d{2}-\d{5}(?:\s*\([A-Z]\))?)?"  # 2/9 23-26002
    # 23-26002 (E) 100124, 23-26002 3/9
    r"|\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6})?(?:\s+\*?\d{7}\*?)?(?:\s+\d{1,3}/\d{1,3})?"
    r"|\*\d{7}\*|Please recycle.*|\d{1,3})$"
)
_RULE = re.compile(r"^[_\u2014\u2013\-]{5,}$")  # the footnote separator ("__________")


def body_size(pages: Iterable[Page]) -> float:
    """The size of the running text: the font size that covers the most characters."""
    sizes: Counter[float] = Counter()
    for page in pages:
        for s in page.spans:
            sizes[round(s.size, 1)] += len(s.text.strip())
    return sizes.most_common(1)[0][0] if sizes else 10.0


def group_lines(page: Page, body: float) -> list[Line]:
    """Cluster spans into lines by baseline; a smaller raised span (footnote marker) joins the line below it."""
    spans = [s for s in page.spans if s.text.strip()]  # spacing comes from the gaps, not blank runs
    normal = [s for s in spans if s.size >= 0.75 * body]
    small = [s for s in spans if s.size < 0.75 * body]
    normal.sort(key=lambda s: (-s.y, s.x0))
    lines: list[Line] = []
    for s in normal:
        for line in reversed(lines[-3:]):
            if abs(line.y - s.y) <= max(1.5, 0.2 * s.size):
                line.spans.append(s)
                break
        else:
            lines.append(Line([s], page.number, s.y, s.size))
    # small spans whose own size makes a line (the footnote text is small too) are clustered among themselves
    rest: list[Span] = []
    for s in small:
        host = _host_line(lines, s)
        if host is None:
            rest.append(s)
        else:
            s.sup = s.y > host.y + 0.15 * host.size
            host.spans.append(s)
    for s in sorted(rest, key=lambda s: (-s.y, s.x0)):
        for line in lines:
            if abs(line.y - s.y) <= max(1.0, 0.2 * s.size):
                line.spans.append(s)
                break
        else:
            lines.append(Line([s], page.number, s.y, s.size))
    for line in lines:
        line.spans.sort(key=lambda s: s.x0)
        sizes: Counter[float] = Counter()
        for s in line.spans:
            if not s.sup:
                sizes[round(s.size, 2)] += len(s.text)
        line.size = sizes.most_common(1)[0][0] if sizes else line.spans[0].size
    lines.sort(key=lambda ln: -ln.y)
    return lines


def _host_line(lines: list[Line], s: Span) -> Line | None:
    """The line a small span belongs to: its baseline at most ~0.6 em below the span, overlapping in x."""
    best: Line | None = None
    for line in lines:
        dy = s.y - line.y
        if -1.0 <= dy <= 0.6 * line.size and line.x0 - 30 <= s.x0 <= line.x1 + 30:
            if best is None or abs(dy) < abs(s.y - best.y):
                best = line
    return best


def split_columns(line: Line) -> list[Line]:
    """Split a line at gaps wider than four ems: the page-1 masthead sets two or three columns on one baseline."""
    out = [Line([line.spans[0]], line.page, line.y, line.size)]
    for s in line.spans[1:]:
        prev = out[-1].spans[-1]
        if s.x0 - prev.x1 > 4 * max(line.size, s.size):
            out.append(Line([s], line.page, line.y, s.size))
        else:
            out[-1].spans.append(s)
    for part in out:
        sizes: Counter[float] = Counter()
        for s in part.spans:
            sizes[round(s.size, 2)] += len(s.text)
        part.size = sizes.most_common(1)[0][0]
    return out


def is_furniture(line: Line, page: Page, body: float) -> bool:
    """Running header or footer: page and job numbers, barcodes, the short title and symbol in the top margin."""
    text = line.text.strip()
    if not text:
        return True
    if any("barcode" in s.font.lower() or "3 of 9" in s.font for s in line.spans):
        return True
    top = line.y > page.height * 0.88
    bottom = line.y < page.height * 0.09
    if (top or bottom) and _FOOTER.match(text):
        return True
    # the running header of pages 2ff: smaller type above the text area
    return page.number > 1 and top and line.size < body - 0.6


def strip_furniture(lines: list[Line], page: Page, body: float) -> list[Line]:
    return [ln for ln in lines if not is_furniture(ln, page, body)]


def split_footnotes(lines: list[Line], body: float) -> tuple[list[Line], list[list[Line]]]:
    """Split a page's lines into text lines and footnote lines (grouped per footnote start).

    The footnote area starts at the rule (a line of underscores), or failing that at the first line in
    smaller type that starts with a marker and has only smaller type below it.
    """
    start = None
    for i, line in enumerate(lines):
        if _RULE.match(line.text.strip()):
            start = i
            break
    if start is None:
        for i, line in enumerate(lines):
            if line.size < body - 0.6 and _starts_with_marker(line) and all(
                    ln.size < body - 0.6 for ln in lines[i:]):
                start = i
                break
    if start is None:
        return lines, []
    text, notes = lines[:start], []
    for line in lines[start:]:
        if _RULE.match(line.text.strip()):
            continue
        if _starts_with_marker(line) or not notes:
            notes.append([line])
        else:
            notes[-1].append(line)
    return text, notes


def _starts_with_marker(line: Line) -> bool:
    first = line.spans[0]
    t = first.text.strip()
    return bool(t) and (first.sup or (first.size < line.size - 1 and re.match(r"^[\d*†‡§]+", t) is not None))


def blocks(lines: list[Line], body: float) -> list[Block]:
    """Lines -> paragraphs: on a page a new one starts after extra vertical space (UN documents space their
    paragraphs); across a page break, at an indented first line. Header fields that share spacing are split
    by their wording and by bold/regular changes. Then nested lists are joined to the paragraph that
    introduces them (see `join_nested`).
    """
    out: list[Block] = []
    prev: Line | None = None
    left = _left_margin(lines, body)
    right = _right_margin(lines, body)
    for line in lines:
        new = prev is None
        if prev is not None:
            indented = line.x0 > left + 0.8 * body
            if line.page != prev.page:
                new = indented or _ends_block(prev) or _style_changes(prev, line)
            else:
                gap = prev.y - line.y
                # paragraphs squeezed to fit a page lose their spacing: an indented line that starts with a
                # number, a label or an italic verb after a short line still starts a paragraph
                # (a deeper line after a short one is the hanging indent of a list item, not a new paragraph)
                starts = indented and (_STARTS.match(line.text.lstrip()) is not None or line.spans[0].italic
                                       or (prev.x1 < right - 2 * body and line.x0 < left + 3.5 * body))
                new = gap > 1.4 * max(line.size, prev.size) or starts or _ends_block(prev) \
                    or _style_changes(prev, line)
                if new and gap < 2 * line.size and _display(prev, body) and _display(line, body) \
                        and abs(prev.size - line.size) < 0.1:
                    new = False  # a display title set with extra leading ("...Cybercrime;" / "Strengthening ...")
        if new:
            out.append(Block())
        out[-1].lines.append(line)
        prev = line
    return join_nested(out, left, body)


def _left_margin(lines: list[Line], body: float) -> float:
    """The text's left margin: the most common x of body-size lines."""
    margins: Counter[int] = Counter(round(ln.x0) for ln in lines if abs(ln.size - body) < 0.6)
    return margins.most_common(1)[0][0] if margins else 0.0


def _right_margin(lines: list[Line], body: float) -> float:
    """The text's right margin: the most common right end of body-size lines (justified text)."""
    ends: Counter[int] = Counter(round(ln.x1) for ln in lines if abs(ln.size - body) < 0.6)
    return ends.most_common(1)[0][0] if ends else 1e9


_STARTS = re.compile(r"^(?:\d{1,3}\.\s|\([a-z]{1,3}\)\s|\([ivxlc]{1,6}\)\s)")
_SUB_LABEL = re.compile(r"^\(?[a-z]{1,3}\)|^\([ivxlc]{1,6}\)")


def join_nested(bs: list[Block], left: float, body: float) -> list[Block]:
    """A list or quotation set deeper than the paragraphs' first-line indent, after a paragraph ending in
    ':' (the provisional agenda of a congress, quoted guidelines), is part of that paragraph, as the AKN
    markup has it. Sub-paragraphs "(a) ..." stay blocks of their own."""
    out: list[Block] = []
    nested_x: float | None = None
    for b in bs:
        x = b.lines[0].x0
        deep = x > left + 3.5 * body and not _SUB_LABEL.match(b.text.lstrip("*"))
        if out and deep and (out[-1].text.rstrip().rstrip("*").endswith(":")
                             or (nested_x is not None and abs(x - nested_x) < 2)):
            out[-1].lines += b.lines
            nested_x = x
            continue
        nested_x = None
        out.append(b)
    return out


def _ends_block(line: Line) -> bool:
    """Lines that end a block though the spacing says otherwise: header fields ('...session',
    'Agenda item ...') and the 'Annex' heading above an annex's title."""
    t = line.text.strip()
    return bool(re.match(r"^(?:[A-Z][a-z]+-)?[A-Za-z]+ (?:special |emergency special )?session$", t)
                or re.match(r"^Agenda items? ", t) or re.match(r"^Annex(?:es)?(?: [IVXL]+)?$", t))


def _display(line: Line, body: float) -> bool:
    """Bold type larger than the text: the title and "Resolution adopted by ..." lines of the masthead."""
    return line.size > body + 1 and all(s.bold for s in line.spans if s.text.strip())


def _style_changes(a: Line, b: Line) -> bool:
    """Bold to regular (or back) between lines of the header: different fields."""
    return all(s.bold for s in a.spans if s.text.strip()) != all(s.bold for s in b.spans if s.text.strip())


def _join_spans(spans: list[Span]) -> str:
    out = ""
    prev: Span | None = None
    for s in spans:
        if prev is not None and out and not out[-1].isspace() and not s.text[:1].isspace():
            if s.x0 - prev.x1 > 0.2 * min(prev.size, s.size) and not s.sup:
                out += " "
        out += s.text.translate(_SUPERSCRIPTS) if s.sup else s.text
        prev = s
    return out


def render(lines: list[Line]) -> str:
    """Lines of one paragraph -> one line of text: italics as `*...*`, markers as superscripts."""
    segs: list[tuple[str, bool]] = []  # (text, italic)
    for n, line in enumerate(lines):
        if n:
            while segs and not segs[-1][0].strip():
                segs.pop()  # trailing blanks of the line before
            if segs:
                segs[-1] = (segs[-1][0].rstrip(), segs[-1][1])
            before = "".join(t for t, _ in segs[-2:])
            if before.endswith("\u00ad"):
                segs[-1] = (segs[-1][0][:-1], segs[-1][1])  # soft hyphen: the word was split
            elif not (re.search(r"[A-Za-z][-\u2010\u2011]$", before) and line.text.lstrip()[:1].isalpha()):
                segs.append((" ", segs[-1][1] if segs else False))
            # else "non-" + "State": keep the hyphen, no space
        prev: Span | None = None
        for s in line.spans:
            if prev is not None and segs and not segs[-1][0][-1:].isspace() and not s.text[:1].isspace():
                if s.x0 - prev.x1 > 0.2 * min(prev.size, s.size) and not s.sup:
                    segs.append((" ", s.italic and prev.italic))
            text = s.text.translate(_SUPERSCRIPTS) if s.sup else s.text
            segs.append((text, s.italic and not s.sup))
            prev = s
    return to_markdown(segs)


def to_markdown(segs: list[tuple[str, bool]]) -> str:
    """(text, italic) runs -> one line: italic runs as `*...*` with spaces and punctuation at their edges
    kept outside ("11*. Underlines*" -> "11. *Underlines*"). Shared by the PDF, DOCX and HTML readers."""
    runs: list[list] = []
    for text, it in segs:
        if not text:
            continue
        if runs and (runs[-1][1] == it or (text.isspace() and runs[-1][1])):
            runs[-1][0] += text
        else:
            runs.append([text, it])
    out = ""
    for text, it in runs:
        m = _EDGES.match(text)
        if it and m and m.group(2):
            out += f"{m.group(1)}*{m.group(2)}*{m.group(3)}"
        else:
            out += text
    out = re.sub(r"[ \t\u00a0]+", " ", out).strip()
    # "Rights, ¹" -> "Rights,¹"; two markers stay apart ("¹ ²"), or they would read as one number
    out = re.sub(r"(?<=[^\s⁰¹²³⁴⁵⁶⁷⁸⁹]) ([⁰¹²³⁴⁵⁶⁷⁸⁹]+)(?=[\s,.;:)]|$)", r"\1", out)
    return out.replace("\u00ad", "")


_EDGES = re.compile(r"^([\s.,;:]*)(.*?)([\s.,;:]*)$", re.S)


# -- the whole document ----------------------------------------------------------------------------------


_FORMULA = re.compile(r"^\**The [A-Z][A-Za-z ]+?\**,\**$")


def drop_headings(bs: list[Block]) -> list[Block]:
    """Section headings in bold between the formula and the end ("I", "International Convention on ...",
    "Calendar of conferences") are not paragraphs (the AKN markup keeps them out of the text too); part
    letters of multi-part resolutions ("A", "B") and "Annex" stay, the text parser uses them."""
    out: list[Block] = []
    in_body = False
    for b in bs:
        text = b.text.strip()
        if not in_body:
            in_body = bool(_FORMULA.match(text))
            out.append(b)
            continue
        spans = [s for ln in b.lines for s in ln.spans if s.text.strip() and not s.sup]
        bold = bool(spans) and all(s.bold for s in spans)
        if bold and not re.fullmatch(r"[A-Z]|Annex(?:es)?(?: [IVXL]+)?", text):
            continue
        out.append(b)
    return out


def to_text(pages: list[Page]) -> str:
    """The document's text: header fields and paragraphs as blank-line separated lines, footnotes last."""
    body = body_size(pages)
    text_lines: list[Line] = []
    notes: list[list[Line]] = []
    for page in pages:
        lines = group_lines(page, body)
        lines = strip_furniture(lines, page, body)
        if page.number == 1:
            lines = [part for ln in lines for part in split_columns(ln)]
        main, foot = split_footnotes(lines, body)
        text_lines += main
        if foot and notes and not _starts_with_marker(foot[0][0]):
            notes[-1] += foot[0]  # a footnote continued from the page before
            foot = foot[1:]
        notes += foot
    out = [render(b.lines) for b in drop_headings(blocks(text_lines, body))]
    out = [t for t in out if t and t != "United Nations"]
    for note in notes:
        t = render(note)
        if t:
            out.append(t)
    return "\n\n".join(out) + "\n"
