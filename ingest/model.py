"""The document model every reader returns: plain dataclasses, printable as `unkg parse --json`.

Offsets: `Resolution.text` is one normalised text (paragraph texts joined by a blank line, in document
order); every `start`/`end` in the model is a character offset into it (end exclusive), so that
`resolution.text[p.start:p.end] == p.text` for every paragraph, sub-paragraph and provision, and an
extracted span (addressee, right, citation ...) can be quoted back as evidence.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

PREAMBULAR: Literal["preambular"] = "preambular"
OPERATIVE: Literal["operative"] = "operative"


@dataclass
class Source:
    path: str
    sha256: str
    format: str  # akn | text | pdf | docx | html


@dataclass
class Concept:
    """A mention resolved to a vocabulary concept, with the span of the words it came from."""

    id: str  # concept IRI
    label: str  # the concept's English prefLabel
    start: int = -1
    end: int = -1
    text: str = ""  # the words as printed
    # how extraction found it: a concept of the methods scheme (ontology/vocab/methods.ttl): "vocabulary",
    # "distributed", "pronoun", "country" ... ("" where nothing was extracted)
    method: str = ""


@dataclass
class Citation:
    symbol: str  # canonical printed symbol, e.g. "A/RES/53/144"
    start: int = -1
    end: int = -1
    text: str = ""
    in_footnote: str | None = None  # footnote marker, when the citation sits in a footnote


@dataclass
class Mandate:
    """A task a provision gives a named entity: who must do what, for whom, when, how often (docs/mandates.md)."""

    entity: Concept | None = None  # who must act or report; the adopting body for its own agenda decisions
    task: str = "other"  # notation of a concept of ontology/vocab/tasks.ttl: report | oral_update | study ...
    task_text: str = ""  # what, as printed ("a report on the implementation of the present resolution")
    recipients: list[Concept] = field(default_factory=list)  # to whom
    due: str | None = None  # as printed: "at its eightieth session"
    due_session: str | None = None  # "80"
    due_year: str | None = None  # "2026": printed, or the year the due session opens
    recurrence: str = "once"  # notation of a concept of ontology/vocab/recurrence.ttl: once | annual | ...
    frequency: str | None = None  # the recurrence's wording as printed: "annually", "every two years"
    period: str | None = None  # an extension's length as printed: "three years"
    review_clause: bool = False  # the text provides for review, evaluation, termination or a sunset
    within_existing_resources: bool = False
    text: str = ""  # the words that give this mandate
    start: int = -1
    end: int = -1


@dataclass
class Provision:
    """One clause with its own operative verb."""

    verb: str  # head verb concept's local name: "urge", "call-upon"
    verb_text: str  # as printed: "Strongly urges", "encourages"
    strength: int  # 1..5
    modality: str  # local name of the modality concept: "exhortation"
    text: str
    start: int = -1
    end: int = -1
    addressees: list[Concept] = field(default_factory=list)
    rights: list[Concept] = field(default_factory=list)
    beneficiaries: list[Concept] = field(default_factory=list)
    mandates: list[Mandate] = field(default_factory=list)
    # phrases of the addressee slot that name no actor of the vocabularies (left out, reported)
    unmapped: list[str] = field(default_factory=list)
    # why mentions of the clause were left out: (kind, words, reason), for `unkg parse --explain` (not JSON)
    notes: list[tuple[str, str, str]] = field(default_factory=list, compare=False, repr=False)

    @property
    def mandate(self) -> Mandate | None:
        """The first mandate (the `mandate` of the JSON document before provisions gave several)."""
        return self.mandates[0] if self.mandates else None

    @mandate.setter
    def mandate(self, m: Mandate | None) -> None:
        self.mandates = [m] if m is not None else []


@dataclass
class SubParagraph:
    number: str  # as printed, without brackets: "a", "ii"
    text: str  # without its number
    start: int = -1
    end: int = -1
    subparagraphs: list["SubParagraph"] = field(default_factory=list)


@dataclass
class Footnote:
    marker: str
    text: str


@dataclass
class Paragraph:
    kind: str  # PREAMBULAR | OPERATIVE
    index: int  # 1-based over all paragraphs in document order
    number: str | None  # printed operative number; None for preambular paragraphs
    verb_text: str  # the leading italic phrase as printed ("Guided also", "Strongly urges")
    text: str  # the whole paragraph without its number, sub-paragraphs included, footnote markers removed
    start: int = -1
    end: int = -1
    part: str | None = None  # "A", "B" in multi-part resolutions; "I", "A/II" where sections restart numbering
    ordinal: int = 0  # 1-based position among paragraphs of the same kind and part (set by assemble)
    subparagraphs: list[SubParagraph] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)  # markers of footnotes attached to this paragraph
    provisions: list[Provision] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    sdg: list[str] = field(default_factory=list)  # "16.10", "16.10.1"
    # The main-body section ("I", "B") a numbered operative paragraph was printed under, for the readers'
    # numbering repair (ingest/readers/numbering.py); folded into `part` there, so not in the JSON document.
    section: str | None = field(default=None, compare=False, repr=False)


@dataclass
class Vote:
    method: str  # "without a vote" | "recorded vote" | ...
    in_favour: int | None = None
    against: int | None = None
    abstaining: int | None = None
    # Member State name -> "Y" | "N" | "A" (from the metadata)
    by_state: dict[str, str] = field(default_factory=dict)
    unresolved: list[str] = field(default_factory=list)  # names in the vote lists that name no known State


@dataclass
class Resolution:
    symbol: str
    body: str  # "General Assembly" | "Human Rights Council" | "Security Council"
    session: str | None
    date: str | None  # adoption date, ISO 8601
    language: str  # ISO 639-1
    title: str
    source: Source
    agenda_item: str | None = None
    committee: str | None = None  # "Third Committee"
    report: str | None = None  # "A/78/481/Add.2"
    meeting: str | None = None
    issued: str | None = None  # date of issuance
    draft: str | None = None  # from metadata
    sponsors: list[str] = field(default_factory=list)
    vote: Vote | None = None
    keywords: list[str] = field(default_factory=list)  # classification IRIs (SDG goals, UNBIS, EuroVoc)
    paragraphs: list[Paragraph] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    text: str = ""
    warnings: list[str] = field(default_factory=list)  # what the reader could not read
    # printed words of a link in the source -> the symbol it links to ("52/13" -> "A/HRC/RES/52/13"), for
    # the words that link to one document only: the source's own reading of a citation
    links: dict[str, str] = field(default_factory=dict)

    @property
    def preambular(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.kind == PREAMBULAR]

    @property
    def operative(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.kind == OPERATIVE]

    def to_json(self) -> dict[str, Any]:
        """The `unkg parse --json` document (DESIGN.md); extra fields are additions, never renames."""
        doc = asdict(self)
        for p in doc["paragraphs"]:
            del p["section"]
            for pr in p["provisions"]:
                pr["mandate"] = pr["mandates"][0] if pr["mandates"] else None
                del pr["notes"]
        return doc


def assemble(paragraphs: list[Paragraph], sep: str = "\n\n") -> str:
    """Number paragraphs in order, join their texts into one normalised text and set every offset.

    Readers build paragraphs (with sub-paragraph texts that occur inside the paragraph text) and call this
    once; extraction then sets provision and mention offsets relative to `Resolution.text`.
    """
    chunks: list[str] = []
    pos = 0
    ordinals: dict[tuple[str, str | None], int] = {}
    for i, p in enumerate(paragraphs, 1):
        p.index = i
        p.ordinal = ordinals[(p.kind, p.part)] = ordinals.get((p.kind, p.part), 0) + 1
        p.start, p.end = pos, pos + len(p.text)
        _unique_numbers(p.subparagraphs)
        _place_subparagraphs(p.text, p.start, p.subparagraphs)
        chunks.append(p.text)
        pos = p.end + len(sep)
    return sep.join(chunks)


def _unique_numbers(subs: list[SubParagraph]) -> None:
    """Sub-paragraph numbers identify them (IRIs end in them): bullets ("•", "–") get their position, and a
    label printed twice in one paragraph (a quoted list) gets its occurrence: "a", ..., "a2"."""
    seen: dict[str, int] = {}
    for pos, s in enumerate(subs, 1):
        if not any(ch.isalnum() for ch in s.number):
            s.number = str(pos)
        k = seen[s.number] = seen.get(s.number, 0) + 1
        if k > 1:
            s.number = f"{s.number}{k}"
        _unique_numbers(s.subparagraphs)


def _place_subparagraphs(text: str, offset: int, subs: list[SubParagraph]) -> None:
    cursor = 0
    for s in subs:
        at = text.find(s.text, cursor)
        if at < 0:
            raise ValueError(f"sub-paragraph ({s.number}) text is not inside its paragraph text")
        s.start, s.end = offset + at, offset + at + len(s.text)
        _place_subparagraphs(s.text, s.start, s.subparagraphs)
        cursor = at + len(s.text)
