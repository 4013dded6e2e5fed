"""Word (.docx) -> Resolution, with python-docx.

Each body paragraph (table cells included, in document order) becomes one block of the shared
Markdown-ish text: italic runs as `*...*`, footnote references and superscript digits as superscript
markers, automatic numbering ("1.", "(a)") written out as printed. Footnotes (word/footnotes.xml) follow
as a block, numbered in order of first reference as Word prints them. The masthead of the first-page
header (symbol, "Distr.: General") comes first. Then `readers.text.parse_text` reads it like any text.
"""
from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from unkg.errors import InputError
from unkg.ingest.model import Resolution
from unkg.ingest.readers.layout import to_markdown
from unkg.ingest.readers.source import load, source_of
from unkg.ingest.readers.text import parse_text
from unkg.numbering import letters, roman

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_w = "{%s}" % W
_SUP = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
_OFF = {"0", "false", "off", "none"}
_NOT_TEXT = {_w + "del", _w + "moveFrom", _w + "txbxContent"}


def _on(el: etree._Element | None) -> bool | None:
    """A w:b / w:i toggle: None when absent, else its value."""
    if el is None:
        return None
    return (el.get(_w + "val") or "true").lower() not in _OFF


def _int(value: str | None, default: int) -> int:
    """A number attribute of the numbering part; a damaged one counts as absent."""
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


class _Styles:
    """Italic and superscript from character and paragraph styles (with their basedOn chains)."""

    def __init__(self, doc) -> None:
        self.by_id: dict[str, etree._Element] = {}
        try:
            for st in doc.styles.element.findall(_w + "style"):
                self.by_id[st.get(_w + "styleId") or ""] = st
        except Exception:  # a document without a styles part
            pass

    def _chain(self, style_id: str | None):
        seen = set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            st = self.by_id[style_id]
            yield st
            based = st.find(_w + "basedOn")
            style_id = based.get(_w + "val") if based is not None else None

    def italic(self, style_id: str | None) -> bool | None:
        for st in self._chain(style_id):
            v = _on(st.find(f"{_w}rPr/{_w}i"))
            if v is not None:
                return v
        return None

    def numpr(self, style_id: str | None) -> etree._Element | None:
        """The numbering of a paragraph style ("List Number"), if it has one."""
        for st in self._chain(style_id):
            pr = st.find(f"{_w}pPr/{_w}numPr")
            if pr is not None:
                return pr
        return None


class _Numbering:
    """Automatic paragraph numbers: numId/ilvl -> format and text ("%1.", "(%2)"), counters per list."""

    def __init__(self, doc, styles: _Styles) -> None:
        self.styles = styles
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counters: dict[tuple[str, int], int] = {}
        try:
            root = doc.part.numbering_part.element
        except Exception:  # no numbering part
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for an in root.findall(_w + "abstractNum"):
            lv: dict[int, tuple[str, str, int]] = {}
            for lvl in an.findall(_w + "lvl"):
                fmt = lvl.find(_w + "numFmt")
                text = lvl.find(_w + "lvlText")
                start = lvl.find(_w + "start")
                lv[_int(lvl.get(_w + "ilvl"), 0)] = (
                    fmt.get(_w + "val") if fmt is not None else "decimal",
                    text.get(_w + "val") if text is not None else "",
                    _int(start.get(_w + "val"), 1) if start is not None else 1)
            abstract[an.get(_w + "abstractNumId") or ""] = lv
        for num in root.findall(_w + "num"):
            ref = num.find(_w + "abstractNumId")
            levels = abstract.get(ref.get(_w + "val") if ref is not None else "", {})
            for ilvl, spec in levels.items():
                self.levels[(num.get(_w + "numId") or "", ilvl)] = spec

    def label(self, p: etree._Element) -> str:
        pr = p.find(f"{_w}pPr/{_w}numPr")
        if pr is None:
            pstyle = p.find(f"{_w}pPr/{_w}pStyle")
            pr = self.styles.numpr(pstyle.get(_w + "val") if pstyle is not None else None)
        if pr is None:
            return ""
        num_el, lvl_el = pr.find(_w + "numId"), pr.find(_w + "ilvl")
        num = num_el.get(_w + "val") if num_el is not None else ""
        ilvl = _int(lvl_el.get(_w + "val"), 0) if lvl_el is not None else 0
        spec = self.levels.get((num, ilvl))
        if spec is None or spec[0] in ("bullet", "none"):
            return ""
        key = (num, ilvl)
        self.counters[key] = self.counters.get(key, spec[2] - 1) + 1
        for (n, lv) in list(self.counters):  # a higher level restarts the lower ones
            if n == num and lv > ilvl:
                del self.counters[(n, lv)]
        text = spec[1]
        for lv in range(ilvl + 1):
            value = self.counters.get((num, lv), self.levels.get((num, lv), ("decimal", "", 1))[2])
            fmt = self.levels.get((num, lv), ("decimal",))[0]
            text = text.replace(f"%{lv + 1}", _format(value, fmt))
        return text


def _format(n: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return letters(n)
    if fmt == "upperLetter":
        return letters(n).upper()
    if fmt == "lowerRoman":
        return roman(n)
    if fmt == "upperRoman":
        return roman(n).upper()
    return str(n)


class _Renderer:
    def __init__(self, doc, styles: _Styles) -> None:
        self.doc = doc
        self.styles = styles
        self.note_numbers: dict[str, int] = {}  # footnote id -> printed number, in order of reference

    def paragraph(self, p: etree._Element) -> str:
        """One w:p -> one line: italic runs as *...*, references and superscript digits as superscripts."""
        pstyle = p.find(f"{_w}pPr/{_w}pStyle")
        para_italic = self.styles.italic(pstyle.get(_w + "val") if pstyle is not None else None) or False
        segs: list[tuple[str, bool]] = []
        for r in p.iter(_w + "r"):
            if any(a.tag in _NOT_TEXT for a in r.iterancestors()):
                continue  # deleted text of tracked changes; text boxes (drawn twice, as choice and fallback)
            segs += self.run(r, para_italic)
        return to_markdown(segs)

    def run(self, r: etree._Element, para_italic: bool) -> list[tuple[str, bool]]:
        rpr = r.find(_w + "rPr")
        italic = None
        sup = False
        if rpr is not None:
            italic = _on(rpr.find(_w + "i"))
            rstyle = rpr.find(_w + "rStyle")
            if italic is None and rstyle is not None:
                italic = self.styles.italic(rstyle.get(_w + "val"))
            va = rpr.find(_w + "vertAlign")
            sup = va is not None and va.get(_w + "val") == "superscript"
        italic = para_italic if italic is None else italic
        out: list[tuple[str, bool]] = []
        for c in r:
            if c.tag == _w + "t":
                text = c.text or ""
                if sup and text.strip().isdigit():
                    text = text.strip().translate(_SUP)
                out.append((text, bool(italic) and not sup))
            elif c.tag in (_w + "tab", _w + "br", _w + "cr"):
                out.append((" ", bool(italic)))
            elif c.tag == _w + "noBreakHyphen":
                out.append(("\u2011", bool(italic)))
            elif c.tag == _w + "softHyphen":
                continue
            elif c.tag == _w + "footnoteReference":
                fid = c.get(_w + "id") or ""
                n = self.note_numbers.setdefault(fid, len(self.note_numbers) + 1)
                out.append((str(n).translate(_SUP), False))
        return out


def _blocks(container: etree._Element) -> list[etree._Element]:
    """Paragraphs of a body or header in document order, looking into tables and content controls."""
    out: list[etree._Element] = []
    for el in container:
        if el.tag == _w + "p":
            out.append(el)
        elif el.tag in (_w + "tbl", _w + "tr", _w + "tc", _w + "sdt", _w + "sdtContent", _w + "customXml"):
            out += _blocks(el)
    return out


def _open(path: Path):
    # here: python-docx loads only when a Word file is read
    import docx as python_docx

    try:
        doc = python_docx.Document(str(path))
        # python-docx reads the main part lazily: a part whose root is not a Word document fails on first use,
        # so use what text_of needs here, where it is a bad file and not a bug
        body, _ = doc.element.body, len(doc.sections)
    except Exception as e:  # zipfile, lxml and python-docx's own PackageNotFoundError ...: all a bad file
        raise InputError(path, f"not a readable Word (.docx) file ({e.__class__.__name__}: {e})") from None
    if body is None:
        raise InputError(path, "not a readable Word (.docx) file (its document part has no body)")
    return doc


def text_of(path: Path) -> str:
    """The document as the shared Markdown-ish text."""
    doc = _open(path)
    styles = _Styles(doc)
    numbering = _Numbering(doc, styles)
    render = _Renderer(doc, styles)
    lines: list[str] = []
    if doc.sections:
        sec = doc.sections[0]
        header = sec.first_page_header if sec.different_first_page_header_footer else sec.header
        try:
            head_el = header._element if not header.is_linked_to_previous else None
        except Exception:
            head_el = None
        if head_el is not None:
            for p in _blocks(head_el):
                t = render.paragraph(p)
                if re.search(r"\b[A-Z]{1,2}/(?:[A-Z]+/)?(?:RES|DEC|PRST)/\S+|^Distr\.", t):
                    lines.append(t)
    for p in _blocks(doc.element.body):
        label = numbering.label(p)
        t = render.paragraph(p)
        if not t:
            continue
        lines.append(f"{label} {t}" if label else t)
    lines += _footnotes(doc, render)
    return "\n\n".join(lines) + "\n"


def _footnotes(doc, render: _Renderer) -> list[str]:
    part = None
    for rel in doc.part.rels.values():
        if rel.reltype == _FOOTNOTES_REL:
            part = rel.target_part
            break
    if part is None or not render.note_numbers:
        return []
    root = etree.fromstring(part.blob)
    notes: dict[str, str] = {}
    for fn in root.findall(_w + "footnote"):
        if fn.get(_w + "type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        text = " ".join(render.paragraph(p) for p in fn.iter(_w + "p")).strip()
        notes[fn.get(_w + "id") or ""] = text
    out = []
    for fid, n in sorted(render.note_numbers.items(), key=lambda kv: kv[1]):
        text = notes.get(fid, "")
        if text:
            out.append(f"{str(n).translate(_SUP)} {text}")
    return out


def read(path: Path) -> Resolution:
    """Read a resolution saved as Word (.docx) into the document model."""
    path = Path(path)
    source = source_of(path, load(path), "docx")
    return parse_text(text_of(path), source)
