"""Text clean-up stages shared by the text, PDF, DOCX and HTML readers.

Each stage is a small function that reads one thing and writes one thing (its docstring says which), so a
reader composes the ones it needs and a test can check each alone. The input they expect is the
Markdown-ish text of `ingest/sample/A_RES_78_216.en.txt`: blank-line separated blocks, italic runs as
`*Urges*`, footnote markers as Unicode superscript digits, footnote blocks starting with a superscript
marker, links as `[76/174](#)`, and whatever page-break debris a conversion left behind.

Order used by `readers.text`:
    normalise_newlines -> lines -> drop_page_debris -> split_blocks (unbreak_lines inside)
    -> take_footnotes -> join_broken_paragraphs -> per block: strip_links, take_markers, strip_emphasis
"""
from __future__ import annotations

import re
from collections import Counter

from unkg.ingest.model import Footnote

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_TO_DIGIT = str.maketrans(SUPERSCRIPTS, "0123456789")
_SUP_RUN = re.compile(f"[{SUPERSCRIPTS}]+|<sup>\\s*(\\d{{1,3}})\\s*</sup>|\\^(\\d{{1,3}})\\^")
_FOOTNOTE_START = re.compile(f"^\\s*(?:([{SUPERSCRIPTS}]+)|<sup>\\s*(\\d{{1,3}})\\s*</sup>|\\^(\\d{{1,3}})\\^)\\s*(?=\\S)")
_PARA_START = re.compile(r"^\s*(?:\d{1,3}\.\s|\((?:[a-z]{1,3}|[ivxlc]{1,6})\)(?:\s|[A-Z“\"'‘]))")
_LINK = re.compile(r"\[((?:[^\[\]\\]|\\.)+)\]\((?:[^()\s]|\([^()]*\))*\)")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
_TERMINAL = re.compile(r"[.,;:!?”\"'’)\]。；：，、）؛،]\s*$")

# Page furniture a PDF or Word conversion may leave in the text flow.
_DEBRIS = [
    re.compile(r"^\s*\d{1,3}\s*/\s*\d{1,3}\s*$"),  # "2/9" page x of y
    re.compile(r"^\s*(?:Page|Página|Pág\.)\s+\d+(?:\s+(?:of|de)\s+\d+)?\s*$", re.I),
    re.compile(r"^\s*[-–]\s*\d{1,3}\s*[-–]\s*$"),  # "- 2 -"
    re.compile(r"^\s*\d{1,3}\s*$"),  # a bare page number
    re.compile(r"^\s*\d{2}-\d{5}\s*(?:\([A-Z]\))?(?:\s+\S+)?\s*$"),  # job number "23-26002 (E)"
    re.compile(r"^\s*\*\d{7}\*\s*$"),  # barcode text
    re.compile(r"^\s*Please recycle\s*$", re.I),
    re.compile(r"^\s*-{3,}\s*$|^\s*\f\s*$"),  # rules and form feeds
]


def normalise_newlines(text: str) -> str:
    """Reads raw text; writes it with \\n line ends, form feeds as paragraph breaks, soft hyphens and BOM removed."""
    text = text.replace("\ufeff", "").replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    return text.replace("\u00ad", "")


def is_page_debris(line: str) -> bool:
    """Reads one line; True for page numbers, job numbers, barcodes, "Please recycle", rules."""
    return any(p.match(line) for p in _DEBRIS)


def drop_page_debris(lines: list[str], running: set[str] | None = None) -> list[str]:
    """Reads lines; writes them without page furniture and without running headers.

    A running header is a short line (the symbol, the short title) that recurs on several pages; its first
    occurrence stays (on page 1 it is the masthead). `running` adds lines known to be headers.
    """
    counts = Counter(s.strip() for s in lines if s.strip() and len(s.strip()) < 80)
    repeated = {s for s, n in counts.items() if n >= 3 and re.match(r"^[A-Z]{1,2}/[\w./ ]+$", s)}
    repeated |= set(running or ())
    out: list[str] = []
    seen: set[str] = set()
    for line in lines:
        s = line.strip()
        if s and is_page_debris(s):
            out.append("")  # debris also breaks a block, like the page break it came from
            continue
        if s in repeated:
            if s in seen:
                out.append("")
                continue
            seen.add(s)
        out.append(line)
    return out


def unbreak_lines(lines: list[str]) -> str:
    """Reads the lines of one block; writes one line: joined with spaces, a line-end hyphen joined without one.

    UN documents hyphenate compounds ("non-State", "post-conflict"), so a line-end hyphen is kept and the
    next line glued to it; a soft hyphen (already removed by normalise_newlines) never reaches here.
    """
    out = ""
    for line in lines:
        s = line.strip()
        if not s:
            continue
        if re.search(r"\w-$", out):
            out += s
        else:
            out = f"{out} {s}" if out else s
    return out


def split_blocks(text: str) -> list[str]:
    """Reads the whole text; writes blocks (one line each): split at blank lines and where a line starts a
    numbered paragraph ("12. "), a sub-paragraph ("(b) ") or a footnote (a superscript marker)."""
    blocks: list[str] = []
    current: list[str] = []
    for line in drop_page_debris(text.split("\n")):
        if not line.strip():
            if current:
                blocks.append(unbreak_lines(current))
                current = []
            continue
        if current and (_PARA_START.match(line) or _FOOTNOTE_START.match(line)):
            blocks.append(unbreak_lines(current))
            current = []
        current.append(line)
    if current:
        blocks.append(unbreak_lines(current))
    return [b for b in blocks if b]


def footnote_start(block: str) -> tuple[str, str] | None:
    """Reads a block; writes (marker, text) if the block is a footnote ("¹⁰ A/HRC/17/31, annex."), else None."""
    m = _FOOTNOTE_START.match(block)
    if not m:
        return None
    marker = (m.group(1) or "").translate(_SUP_TO_DIGIT) or m.group(2) or m.group(3)
    return marker, block[m.end():].strip()


def take_footnotes(blocks: list[str]) -> tuple[list[str], list[Footnote]]:
    """Reads blocks; writes the blocks without footnote blocks, and the footnotes (marker, cleaned text).

    Footnotes sit where the page ended (text converted page by page) or at the end; a footnote's
    text is cleaned like paragraph text (links, emphasis) but keeps the cited symbols.
    """
    kept: list[str] = []
    notes: list[Footnote] = []
    for b in blocks:
        fn = footnote_start(b)
        if fn:
            marker, text = fn
            # the same spelling as paragraph text (and as AKN footnotes): straight quotes, plain hyphens
            notes.append(Footnote(marker, normalise_space(strip_emphasis(strip_links(text)))))
        else:
            kept.append(b)
    return kept, notes


def ends_paragraph(block: str) -> bool:
    """Reads a block; True when it ends like a paragraph (with , ; : . ! ? in any of the six languages, or a
    closing quote or bracket)."""
    return bool(_TERMINAL.search(_SUP_RUN.sub("", block).rstrip("*").rstrip()))


def join_broken_paragraphs(blocks: list[str]) -> list[str]:
    """Reads the blocks of a resolution's body; writes blocks where a paragraph broken by a page (and by the
    footnotes moved out of it) is whole again: a block starting in lower case, or following a paragraph
    that does not end like one, continues the block before it. Numbered paragraphs and sub-paragraphs
    always start a new block; a short unpunctuated block (a heading) is never continued."""
    out: list[str] = []
    for b in blocks:
        starts_new = bool(_PARA_START.match(b))
        prev = out[-1] if out else ""
        prev_is_paragraph = len(prev) > 100 or bool(_PARA_START.match(prev))
        if prev and not starts_new and (b[:1].islower() or (prev_is_paragraph and not ends_paragraph(prev))):
            out[-1] = f"{prev} {b}"
        else:
            out.append(b)
    return out


def strip_links(text: str) -> str:
    """Reads Markdown-ish text; writes it with links `[76/174](#)` replaced by their text and escapes undone."""
    text = _LINK.sub(lambda m: m.group(1), text)
    return _MD_ESCAPE.sub(r"\1", text)


def take_markers(text: str) -> tuple[str, list[str]]:
    """Reads paragraph text; writes it without footnote markers (superscript digits, <sup>n</sup>, ^n^) and
    the markers in order ("Rights,¹ the" -> "Rights, the", ["1"])."""
    markers: list[str] = []

    def drop(m: re.Match) -> str:
        markers.append((m.group(1) or m.group(2) or m.group(0)).translate(_SUP_TO_DIGIT))
        return ""

    return _SUP_RUN.sub(drop, text), markers


def leading_emphasis(text: str) -> tuple[str, str]:
    """Reads paragraph text; writes (the leading italic phrase without asterisks, the text with that phrase's
    asterisks removed): "*Strongly urges* States" -> ("Strongly urges", "Strongly urges States")."""
    m = re.match(r"^\s*\*(?!\s)([^*]+?)\*", text)
    if not m:
        return "", text
    return m.group(1).strip(), m.group(1) + text[m.end():]


def strip_emphasis(text: str) -> str:
    """Reads Markdown-ish text; writes it without `*` / `_` emphasis marks (a lone `*` included)."""
    text = re.sub(r"(?<!\w)_([^_]+)_(?!\w)", r"\1", text)
    return text.replace("*", "")


# One spelling for characters that typesetting varies: non-breaking and other hyphens, typographic quotes.
# The AKN files use them, PDF-to-text conversions mostly do not; texts from all formats must compare equal,
# and vocabulary matching ("non-State actors") must not depend on the hyphen a typesetter chose.
TYPOGRAPHY = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2212": "-", "\u2018": "'",
                            "\u2019": "'", "\u201b": "'", "\u201c": '"', "\u201d": '"', "\u201f": '"',
                            "\u200b": None, "\u200e": None, "\u200f": None, "\u2060": None,
                            "\ufeff": None})


_TYPOGRAPHY_CHARS = re.compile("[" + "".join(map(chr, TYPOGRAPHY)) + "]")


def normalise_space(text: str) -> str:
    """Reads text; writes it with every run of whitespace (non-breaking spaces included) as one space, trimmed,
    and hyphens and quotes in one spelling (see TYPOGRAPHY)."""
    if _TYPOGRAPHY_CHARS.search(text):  # str.translate with a table is slow; most texts need little of it
        text = _TYPOGRAPHY_CHARS.sub(lambda m: TYPOGRAPHY.get(ord(m.group())) or "", text)
    return " ".join(text.split())


def join_normalised(text: str, more: str) -> str:
    """normalise_space(f"{text} {more}") for a `text` normalise_space already wrote, in time that grows with
    `more` only: paragraphs grow piece by piece (sub-paragraphs, continuations), and normalising the whole
    text at every piece is quadratic in a paragraph of thousands of pieces."""
    if text != text.strip():
        return normalise_space(f"{text} {more}")
    more = normalise_space(more)
    return f"{text} {more}" if text and more else text or more
