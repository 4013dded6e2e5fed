"""How the readers divide a resolution's body: parts, sections, headings and annexes, one logic for the AKN
and the text readers (each finds the pieces in its own dress: elements, or lines of text).

- A part restarts the resolution ("A", "B": its own formula, its own numbering): `Paragraph.part`.
- A section names a run of operative paragraphs ("I", "II", "B"); budget resolutions restart numbering in
  each, and `numbering.unique_numbers` then joins the section to the part ("I", "A/II").
- A heading between paragraphs ("Related fisheries instruments") is not a paragraph: it is left out.
- An annex is not the resolution's own text: its heading ends the body's paragraphs, and so does numbering
  that restarts at 1 inside one section (an annex or a list set in the body without a heading).
"""
from __future__ import annotations

import re

from unkg.ingest.model import Paragraph
from unkg.ingest.readers.stages import ends_paragraph

# "II", "B", "Resolution B": printed alone, a label names a part or a section
_LABEL = re.compile(r"(?:Resolution\s+)?([A-Z]{1,2}|[IVXL]{1,6}|\d{1,2})\.?")
_ANNEX = re.compile(r"(?:\w+\s+){0,3}annex(?:es)?\b", re.I)


def label(text: str) -> str | None:
    """The label a line of its own prints ("II.", "B", "Resolution B" -> "II", "B", "B"), else None."""
    m = _LABEL.fullmatch(text.strip())
    return m.group(1) if m else None


def is_heading(text: str) -> bool:
    """Text that heads what follows rather than being a paragraph: short, not ending like a paragraph (in any
    of the six languages: `stages.ends_paragraph`)."""
    return len(text) < 160 and not ends_paragraph(text)


def is_annex(text: str) -> bool:
    """A heading that opens an annex ("Annex", "Annex I", "Draft annex"): the body's paragraphs end there."""
    return bool(_ANNEX.match(text)) and len(text) < 60 and is_heading(text)


class Sections:
    """The section being read in one part: each operative paragraph opened is placed in it, and a label
    waiting for what follows it (a part's formula, a section's title or paragraphs) is held here."""

    def __init__(self) -> None:
        self.current: str | None = None
        self.pending: str | None = None

    def new_part(self) -> None:
        """A part starts outside any section."""
        self.current = self.pending = None

    def enter(self, name: str | None) -> None:
        """The paragraphs that follow are printed under section `name`."""
        self.current = name

    def take_pending(self) -> str | None:
        """The label waiting for what follows it, now read (as a part or a section)."""
        label, self.pending = self.pending, None
        return label

    def place(self, paragraph: Paragraph) -> Paragraph:
        """The operative paragraph was printed under the current section."""
        paragraph.section = self.current
        return paragraph

    def restarts(self, number: str, last: Paragraph | None, part: str | None) -> bool:
        """Whether paragraph `number` restarts the numbering of the section being read after paragraph `last`:
        "1." again in the same section and part."""
        return (number == "1" and last is not None and last.number not in (None, "1")
                and last.section == self.current and last.part == part)
