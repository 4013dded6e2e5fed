"""HTML -> Resolution, with lxml.html.

Reads resolutions as the UN document system and Word's "Save as web page" serve them: each block element
(p, h1-h6, li, td, div without block children) becomes one block of the shared Markdown-ish text; italics
(<i>, <em>, font-style: italic) become `*...*`; footnote references (<sup>, Word's `#_ftn1` anchors) become
superscript markers; footnote bodies (Word's `mso-element:footnote` divs, `#ftn1`, class "footnote") follow
as a block; ordered lists get their printed numbers. Then `readers.text.parse_text` reads it like any text.
"""
from __future__ import annotations

import re
from pathlib import Path

import lxml.html
from lxml import etree

from unkg.errors import InputError
from unkg.ingest.model import Resolution
from unkg.ingest.readers.layout import to_markdown
from unkg.ingest.readers.source import load, source_of
from unkg.ingest.readers.text import parse_text
from unkg.numbering import roman

_SUP = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "blockquote", "section", "article",
          "dd", "dt", "pre", "table", "tr", "ul", "ol", "dl", "body", "main", "center", "header", "footer",
          "tbody", "thead", "caption", "figure", "figcaption", "address", "nav", "aside"}
_SKIP = {"script", "style", "head", "title", "noscript", "template", "svg", "button", "form", "input", "select"}
_ITALIC_TAGS = {"i", "em", "cite", "var", "dfn"}
_NOTE_REF = re.compile(r"#_?(?:ftn|fn|edn|footnote)\w*\d", re.I)
_NOTE_BODY = re.compile(r"^_?(?:ftn|fn|footnote)\S*?\d+$", re.I)


def _is_italic(el: etree._Element) -> bool | None:
    if el.tag in _ITALIC_TAGS:
        return True
    style = (el.get("style") or "").replace(" ", "").lower()
    if "font-style:italic" in style or "font-style:oblique" in style:
        return True
    if "font-style:normal" in style:
        return False
    cls = (el.get("class") or "").lower()
    return True if "italic" in cls.split() else None


def _is_note_body(el: etree._Element) -> bool:
    style = (el.get("style") or "").replace(" ", "").lower()
    cls = (el.get("class") or "").lower()
    return ("mso-element:footnote" in style and "footnote-list" not in style) \
        or bool(_NOTE_BODY.match(el.get("id") or "")) or cls in ("footnote", "fn")


def _marker_text(el: etree._Element) -> str | None:
    """A footnote reference ([1], <sup>1</sup>, an anchor to #_ftn1) as its number, else None."""
    text = "".join(el.itertext()).strip()
    digits = re.fullmatch(r"\[?\(?(\d{1,3})\)?\]?", text)
    if not digits:
        return None
    if el.tag == "sup" or (el.tag == "a" and _NOTE_REF.match(el.get("href") or "")):
        return digits.group(1)
    if "vertical-align:super" in (el.get("style") or "").replace(" ", "").lower():
        return digits.group(1)
    cls = (el.get("class") or "").lower()
    return digits.group(1) if "footnotereference" in cls or "msofootnotereference" in cls else None


class _Walker:
    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.notes: list[str] = []
        self.segs: list[tuple[str, bool]] = []

    def flush(self) -> None:
        text = to_markdown(self.segs)
        self.segs = []
        if text:
            self.blocks.append(text)

    def walk(self, el: etree._Element, italic: bool, position: int = 0) -> None:
        """Text of `el`; `position` is its place among its parent's list items (counted once per list by
        walk_children, so a list of n items costs n, not n squared)."""
        if not isinstance(el.tag, str) or el.tag in _SKIP:
            return
        if _is_note_body(el):
            self.flush()
            inner = _Walker()
            inner.walk_children(el, False)
            inner.flush()
            text = " ".join(inner.blocks)
            m = re.match(r"^\s*(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[(\d{1,3})\]|(\d{1,3})(?=\s))\s*", text)
            if m:
                marker = m.group(0).strip()
                digits = (m.group(1) or m.group(2) or "").translate(_SUP) or marker
                text = f"{digits} {text[m.end():]}"
            if text.strip():
                self.notes.append(text.strip())
            return
        marker = _marker_text(el) if el.tag in ("sup", "a", "span") else None
        if marker is not None:
            self.segs.append((marker.translate(_SUP), False))
            if el.tail:
                self.segs.append((el.tail, italic))
            return
        own = _is_italic(el)
        it = italic if own is None else own
        block = el.tag in _BLOCK
        if block:
            self.flush()
            if el.tag == "li":
                self.segs.append((_list_label(el, position) + " ", False))
        if el.tag == "br":
            self.flush()
        if el.text:
            self.segs.append((el.text, it))
        self.walk_children(el, it)
        if block:
            self.flush()
        if el.tail:
            self.segs.append((el.tail, italic))

    def walk_children(self, el: etree._Element, italic: bool) -> None:
        items = 0
        for c in el:
            if isinstance(c.tag, str):
                self.walk(c, italic, items)
                items += c.tag == "li"
            elif c.tail:  # comment: keep the text after it
                self.segs.append((c.tail, italic))


_COUNT = re.compile(r"[0-9]{1,6}")  # a list item's value or a list's start: a damaged one counts from 1


def _list_label(li: etree._Element, position: int) -> str:
    """The printed number of an ordered-list item: '3.' or '(c)', from its position among the list's items
    (from 0), the list's start and type."""
    parent = li.getparent()
    if parent is None or parent.tag != "ol":
        return ""
    if _COUNT.fullmatch(li.get("value", "")):
        n = int(li.get("value"))
    else:
        start = parent.get("start", "")
        n = (int(start) if _COUNT.fullmatch(start) else 1) + position
    kind = parent.get("type", "1")
    if kind == "a" and 1 <= n <= 26:
        return f"({chr(ord('a') + n - 1)})"
    if kind == "i":
        return f"({roman(n)})"
    return f"{n}."


def text_of(path: Path) -> str:
    """The page as the shared Markdown-ish text."""
    try:
        root = lxml.html.parse(str(path)).getroot()
    except (OSError, etree.ParserError, ValueError) as e:
        raise InputError(path, f"not a readable HTML file ({e})") from None
    if root is None:
        raise InputError(path, "an empty HTML file")
    body = root.find("body")
    w = _Walker()
    w.walk(body if body is not None else root, False)
    w.flush()
    blocks = [b for b in w.blocks if b.strip()]
    return "\n\n".join(blocks + w.notes) + "\n"


def read(path: Path) -> Resolution:
    """Read a resolution saved as HTML into the document model."""
    path = Path(path)
    source = source_of(path, load(path), "html")
    return parse_text(text_of(path), source)
