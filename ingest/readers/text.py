"""Plain text / Markdown-ish resolutions -> Resolution; `parse_text` is the shared back end of the text-like
readers (PDF, DOCX, HTML turn their input into the same text and call it).

The text looks like `ingest/sample/A_RES_78_216.en.txt`: header lines (body, distribution, date, session,
agenda item, "Resolution adopted by ... on ...", "[on the report of the Third Committee (...)]",
"78/216. Title"), the formula "The General Assembly,", preambular paragraphs, operative paragraphs
"12. *Urges* States ...", sub-paragraphs "(a) ...", footnote blocks "¹ Resolution 217 A (III).", page-break
debris, and the closing "50th plenary meeting". Clean-up is done by the named stages in `stages.py`.
"""
from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

import pyoxigraph as ox

from unkg.errors import InputError
from unkg.ingest.model import (
    OPERATIVE,
    PREAMBULAR,
    Paragraph,
    Resolution,
    Source,
    assemble,
)
from unkg.ingest.readers import sections, stages
from unkg.ingest.readers.numbering import attach_sub, continue_text, unique_numbers
from unkg.ingest.readers.sections import Sections
from unkg.ingest.readers.source import load, source_of
from unkg.iris import BODIES, Symbol

# The enacting formula opens the resolution text and tells its language.
_FORMULA = re.compile(
    r"^(?:(?P<en>The (?:General Assembly|Human Rights Council|Security Council|Economic and Social Council))"
    r"|(?P<fr>L[’']Assemblée générale|Le Conseil des droits de l[’']homme|Le Conseil de sécurité)"
    r"|(?P<es>La Asamblea General|El Consejo de Derechos Humanos|El Consejo de Seguridad))\s*,?\s*$")
_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
_MONTHS.update({m: i for i, m in enumerate(
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(), 1)})
_MONTHS.update({m: i for i, m in enumerate(
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(), 1)})
_DATE = re.compile(r"(\d{1,2})(?:er)?\s+(?:de\s+)?([A-Za-zéû]+)\s+(?:de\s+)?(\d{4})")
_NUMBERED = re.compile(r"^(\d{1,3})\.\s+(.*)$")
_SUB = re.compile(r"^\(([a-z]{1,3}|[ivxlc]{1,6})\)\s*(\S.*)$")
_TITLE = re.compile(r"^((?:ES-|S-)?\d{1,3}/\d{1,4})\s*\.\s*(.*)$")
_SC_TITLE = re.compile(r"^Resolution (\d{1,4}) \((\d{4})\)\s*$")
_ADOPTED = re.compile(r"^Resolution adopted by the (.+?) on (.+)$")
_SC_ADOPTED = re.compile(r"^Adopted by the Security Council at its (\S+ meeting), on (.+)$")
_PROPONENT = re.compile(r"^\[\s*(?:on the report of the (?P<committee>.+?)|without reference to a Main Committee)"
                        r"\s*\((?P<doc>[^)]+)\)\s*\]$")
_AGENDA = re.compile(r"^Agenda items?\s+(.+)$")
_MEETING = re.compile(r"^\s*(\d+\s*(?:st|nd|rd|th)\s+(?:\(resumed\)\s+)?(?:plenary\s+)?meeting)\b(?=.{0,40}$)")
# "Special Political and Decolonization Committee (Fourth Committee)": the AKN names the committee without
# its number in brackets; both readers give the name alone.
_COMMITTEE_NUMBER = re.compile(r"\s*\((?:First|Second|Third|Fourth|Fifth|Sixth) Committee\)$")
# Preambular openers printed without italics: an optional adverb in -ly, a capitalised word (participle or
# adjective) and an optional "also"/"further": "Gravely concerned", "Guided also", "Recalling".
_OPENER = re.compile(
    r"^((?:(?:Further|Also|Once again)\s+[a-z]+|(?:[A-Z][a-z]+ly\s+[a-z]+)|(?:Having\s+[a-z]+)|[A-Z][a-z\-]+)"
    r"(?:\s+(?:also|further|again|once again|once more|moreover))?)(?=[\s,]|$)")
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_BODY_NAMES = {v: k for k, v in BODIES.items()}


def _labels(name: str, kind: str) -> tuple[str, ...]:
    """SKOS pref and alt labels (all languages) of the concepts of type unkg:`kind` in vocab file `name`,
    longest first."""
    quads = list(ox.parse((files("unkg.ontology.vocab") / name).read_bytes(), format=ox.RdfFormat.TURTLE))
    concepts = {q.subject for q in quads if q.predicate.value.endswith("#type")
                and q.object.value == "https://w3id.org/unkg/ontology#" + kind}
    labels = {q.object.value.strip() for q in quads if q.subject in concepts and isinstance(q.object, ox.Literal)
              and q.predicate.value in (_SKOS + "prefLabel", _SKOS + "altLabel")}
    return tuple(sorted((x for x in labels if x), key=len, reverse=True))


# The vocabulary's labels include stock phrases ("Guided by the purposes and principles of the Charter ...",
# "Taking note of", "Recalling its resolutions") of which only the first words are printed in italics. An
# opener as printed holds no article or determiner and does not end with a preposition: labels that do are
# not used here (measured on the English AKN italics: 97% right, against 83% from the word-shape guess).
_NOT_IN_OPENER = {"the", "that", "all", "a", "an", "its", "le", "la", "les", "que", "des", "du", "los", "las", "el"}
_NOT_LAST = {"of", "by", "to", "at", "about", "for", "in", "on", "upon", "with", "de", "par", "por", "à", "a", "en",
             "sur", "con", "d'", "d’"}


@functools.lru_cache(maxsize=1)
def opener_labels() -> tuple[str, ...]:
    """The preambular openers of ontology/vocab/openers.ttl (en/fr/es) in the form printed in italics, longest
    first; read once."""
    return tuple(x for x in _labels("openers.ttl", "PreambularOpener")
                 if not set(x.lower().split()) & _NOT_IN_OPENER and x.split()[-1].lower() not in _NOT_LAST)


@functools.lru_cache(maxsize=1)
def modifier_labels() -> tuple[str, ...]:
    """The verb modifiers of ontology/vocab/verbs.ttl ("also", "further", "également"), longest first."""
    return _labels("verbs.ttl", "VerbModifier")


def _starts_with(text: str, label: str) -> bool:
    return text.startswith(label) and (len(text) == len(label) or not text[len(label)].isalnum())


def guess_opener(text: str) -> str:
    """The opener of a preambular paragraph printed without italics: the longest known opener at its start
    ("Bearing in mind"), with a following "also"/"further"; else a guess from the words' shape."""
    for label in opener_labels():
        if _starts_with(text, label):
            rest = text[len(label):]
            gap = rest[:len(rest) - len(rest.lstrip())]
            more = next((m for m in modifier_labels() if gap and _starts_with(rest[len(gap):], m)), "")
            return label + (gap + more if more else "")
    m = _OPENER.match(text)
    return m.group(1) if m else ""


def read(path: Path) -> Resolution:
    """Read a UTF-8 text or Markdown file; InputError when it is not text or not a resolution."""
    path = Path(path)
    data = load(path)
    if not data.strip():
        raise InputError(path, "the file is empty")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(path, f"not UTF-8 text (byte {e.start})") from None
    return parse_text(text, source_of(path, data, "text"))


def parse_text(text: str, source: Source) -> Resolution:
    """Markdown-ish text of one resolution -> Resolution (offsets set); InputError naming `source.path`."""
    blocks = stages.split_blocks(stages.normalise_newlines(text))
    blocks, footnotes = stages.take_footnotes(blocks)
    start = next((i for i, b in enumerate(blocks) if _FORMULA.match(stages.strip_emphasis(b))), None)
    if start is None:
        start = next((i for i, b in enumerate(blocks) if _TITLE.match(b) or _SC_TITLE.match(b)), None)
        if start is None:
            raise InputError(source.path, "not a resolution: no enacting formula (\"The General Assembly,\") "
                                          "and no resolution number line (\"78/216. Title\")")
        language, body_start = "en", start + 1
    else:
        m = _FORMULA.match(stages.strip_emphasis(blocks[start]))
        language = next(k for k in ("en", "fr", "es") if m.group(k))
        body_start = start + 1
    res = _header(blocks[:start + 1] if body_start == start + 1 else blocks[:start], source, language)
    res.footnotes = footnotes
    # a multi-part resolution prints part A's label between the title and the first formula
    part = next((label for b in blocks[max(0, start - 2):start]
                 if (label := sections.label(stages.normalise_space(stages.strip_emphasis(b))))), None)
    paragraphs = _paragraphs(stages.join_broken_paragraphs(blocks[body_start:]), res, part)
    if not paragraphs:
        raise InputError(source.path, "not a resolution: no preambular or operative paragraphs after the header")
    parts = sorted({p.part for p in paragraphs if p.part and len(p.part) == 1})
    if len(parts) > 1 and " " not in res.symbol:
        try:  # "78/80." with parts A and B is A/RES/78/80 A-B
            res.symbol = Symbol.parse(f"{res.symbol} {parts[0]}-{parts[-1]}").text
        except ValueError:
            res.warnings.append(f"parts {', '.join(parts)} not reflected in the symbol")
    if not any(p.kind == OPERATIVE for p in paragraphs):
        res.warnings.append("no operative paragraphs found")
    res.text = assemble(paragraphs)
    res.paragraphs = paragraphs
    known = {f.marker for f in footnotes}
    missing = sorted({m for p in paragraphs for m in p.footnotes} - known, key=lambda m: int(m) if m.isdigit() else 0)
    if missing:
        res.warnings.append(f"footnote markers without footnote text: {', '.join(missing)}")
    return res


def _iso_date(text: str) -> str | None:
    m = _DATE.search(text)
    if not m or m.group(2).lower() not in _MONTHS:
        return None
    return f"{int(m.group(3)):04d}-{_MONTHS[m.group(2).lower()]:02d}-{int(m.group(1)):02d}"


@dataclass
class _Header:
    """What the header lines say, gathered line by line by HEADER_PASSES."""

    symbol: Symbol | None = None
    body: str = ""
    title: str = ""
    number: str | None = None
    session: str | None = None
    date: str | None = None
    issued: str | None = None
    agenda: str | None = None
    committee: str | None = None
    report: str | None = None
    draft: str | None = None
    meeting: str | None = None
    after_distr: bool = False


def _header(blocks: list[str], source: Source, language: str) -> Resolution:
    """The header lines -> a Resolution without paragraphs. Each line goes through HEADER_PASSES until one
    reads it; the symbol comes from its own line, else from the title's number and the body."""
    h = _Header()
    for raw in blocks:
        line = stages.normalise_space(stages.strip_emphasis(stages.strip_links(raw)))
        if line:
            any(step(h, line) for step in HEADER_PASSES)
    symbol = h.symbol or _symbol_from_title(h)
    if symbol is None:
        raise InputError(source.path, "no resolution symbol: expected a line like \"A/RES/78/216\" or "
                                      "\"78/216. Title\" before the resolution text")
    res = Resolution(symbol=symbol.text, body=symbol.body or h.body, session=symbol.session, date=h.date,
                     language=language, title=h.title, source=source, agenda_item=h.agenda, committee=h.committee,
                     report=h.report, meeting=h.meeting, issued=h.issued, draft=h.draft)
    if h.session and not symbol.session:
        res.warnings.append(f"session line {h.session!r} not used: the symbol has no session")
    if h.date is None:
        res.warnings.append("no adoption date (\"Resolution adopted by ... on <date>\")")
    return res


def _symbol_from_title(h: _Header) -> Symbol | None:
    """"78/216. Title" under "General Assembly" -> A/RES/78/216 (the body's prefix; the Assembly's by default)."""
    if not h.number:
        return None
    try:
        return Symbol.parse(f"{_BODY_NAMES.get(h.body, 'A')}/RES/{h.number}")
    except ValueError:
        return None


def _symbol_line(h: _Header, line: str) -> bool:
    """The first line that is a resolution's symbol ("A/RES/78/216")."""
    try:
        s = Symbol.parse(line)
    except ValueError:
        return False
    if s.is_resolution and h.symbol is None:
        h.symbol = s
        return True
    return False


def _body_line(h: _Header, line: str) -> bool:
    """The adopting body's name on a line of its own ("General Assembly"), the first time."""
    if line in _BODY_NAMES and not h.body:
        h.body = line
        return True
    return False


def _distribution_line(h: _Header, line: str) -> bool:
    """"Distr.: General", with the date of issue when it is on the same line."""
    if not line.startswith("Distr"):
        return False
    h.after_distr = True
    h.issued = _iso_date(line)
    return True


def _issue_date_line(h: _Header, line: str) -> bool:
    """A short date line after "Distr.: General": the date of issue."""
    if h.after_distr and h.issued is None and _iso_date(line) and len(line) < 30:
        h.issued = _iso_date(line)
        return True
    return False


def _agenda_line(h: _Header, line: str) -> bool:
    """"Agenda item 71 (b)"."""
    if m := _AGENDA.match(line):
        h.agenda = m.group(1).strip()
        return True
    return False


def _adopted_line(h: _Header, line: str) -> bool:
    """"Resolution adopted by the General Assembly on 19 December 2023": the body and the adoption date."""
    if m := _ADOPTED.match(line):
        h.body = h.body or m.group(1)
        h.date = _iso_date(m.group(2))
        return True
    return False


def _sc_adopted_line(h: _Header, line: str) -> bool:
    """"Adopted by the Security Council at its 9512th meeting, on 22 December 2023"."""
    if m := _SC_ADOPTED.match(line):
        h.meeting, h.date = m.group(1), _iso_date(m.group(2))
        h.body = h.body or "Security Council"
        return True
    return False


def _proponent_line(h: _Header, line: str) -> bool:
    """"[on the report of the Third Committee (A/78/481/Add.2)]": the committee and its report; "[without
    reference to a Main Committee (A/78/L.30)]": the draft."""
    m = _PROPONENT.match(line)
    if not m:
        return False
    doc = m.group("doc").split(",")[0].strip()
    if m.group("committee"):
        h.committee, h.report = _COMMITTEE_NUMBER.sub("", m.group("committee")), doc
    else:
        h.draft = doc
    return True


def _title_line(h: _Header, line: str) -> bool:
    """"78/216. Title": the resolution's number and title."""
    if m := _TITLE.match(line):
        h.number, h.title = m.group(1), m.group(2).strip()
        return True
    return False


def _sc_title_line(h: _Header, line: str) -> bool:
    """"Resolution 2720 (2023)": a Security Council resolution's number."""
    if m := _SC_TITLE.match(line):
        h.number = f"{m.group(1)} ({m.group(2)})"
        h.body = h.body or "Security Council"
        return True
    return False


def _session_line(h: _Header, line: str) -> bool:
    """"Seventy-eighth session"."""
    if re.search(r"\bsession$", line, re.I):
        h.session = line
        return True
    return False


HEADER_PASSES = (_symbol_line, _body_line, _distribution_line, _issue_date_line, _agenda_line, _adopted_line,
                 _sc_adopted_line, _proponent_line, _title_line, _sc_title_line, _session_line)


def _clean(block: str) -> tuple[str, str, list[str]]:
    """A body block -> (leading italic phrase, clean text, footnote markers)."""
    text, markers = stages.take_markers(stages.strip_links(block))
    verb, text = stages.leading_emphasis(text)
    return verb.rstrip(",;:"), stages.normalise_space(stages.strip_emphasis(text)), markers


@dataclass
class _Body:
    """Where the body is being read: the paragraphs so far, the open one, the part, and the sections (with a
    label, "B" or "II", waiting to be read as a part when its own formula follows, or as a section)."""

    res: Resolution
    part: str | None
    out: list[Paragraph] = field(default_factory=list)
    current: Paragraph | None = None
    sections: Sections = field(default_factory=Sections)

    def open(self, paragraph: Paragraph) -> None:
        self.current = paragraph
        self.out.append(paragraph)


_END = object()


def _paragraphs(blocks: list[str], res: Resolution, part: str | None = None) -> list[Paragraph]:
    """The body's blocks -> paragraphs. Each block goes through BODY_PASSES in order until one takes it (True)
    or ends the body (_END); then the paragraphs go through the whole-list passes."""
    body = _Body(res, part)
    for block in blocks:
        plain = stages.normalise_space(stages.strip_emphasis(block))
        done = next((d for step in BODY_PASSES if (d := step(body, block, plain))), False)
        if done is _END:
            break
    _resolves_that(body.out)
    res.warnings += unique_numbers(body.out)
    _single_unnumbered_operative(body.out)
    return body.out


def _closing_meeting(b: _Body, block: str, plain: str):
    """"50th plenary meeting" closes the resolution (an annex may follow): its meeting, and the end."""
    if m := _MEETING.match(plain):
        b.res.meeting = b.res.meeting or m.group(1)
        return _END
    return False


def _annex(b: _Body, block: str, plain: str):
    """"Annex": what follows is not the resolution's paragraphs."""
    if sections.is_annex(plain):
        b.res.warnings.append("text after \"Annex\" not read (annexes are not paragraphs of the resolution)")
        return _END
    return False


def _label(b: _Body, block: str, plain: str):
    """A label on its own ("B", "II", "Resolution B"): a part or a section, as what follows will tell."""
    if label := sections.label(plain):
        b.sections.pending = label
        return True
    return False


def _formula(b: _Body, block: str, plain: str):
    """The formula ("The General Assembly,"); after a label it opens the next part, whose numbering restarts."""
    if not _FORMULA.match(plain):
        return False
    if b.sections.pending:
        b.part, b.current = b.sections.take_pending(), None
        b.sections.new_part()
    return True


def _label_title(b: _Body, block: str, plain: str):
    """The title under a part or section label (short, not ending like a paragraph); else the label was a
    section's, which starts here."""
    if not b.sections.pending:
        return False
    if sections.is_heading(plain):
        return True
    b.sections.enter(b.sections.take_pending())
    return False


def _numbered(b: _Body, block: str, plain: str):
    """"12. *Urges* States ...": an operative paragraph, read under the current section; "1." again inside the
    same section and part ends the body (an annex set without its heading)."""
    if not (m := _NUMBERED.match(block.strip())):
        return False
    if b.sections.restarts(m.group(1), b.current, b.part):
        b.res.warnings.append(f"text after paragraph {b.current.number} not read: numbering restarts at 1 (an annex?)")
        return _END
    verb, text, markers = _clean(m.group(2))
    b.open(b.sections.place(Paragraph(OPERATIVE, 0, m.group(1), verb, text, part=b.part, footnotes=markers)))
    return True


def _sub(b: _Body, block: str, plain: str):
    """"(a) ...": a sub-paragraph of the open paragraph."""
    if not ((m := _SUB.match(block.strip())) and b.current is not None):
        return False
    _, text, markers = _clean(m.group(2))
    attach_sub(b.current, f"({m.group(1)})", text)
    b.current.footnotes += markers
    return True


def _unnumbered(b: _Body, block: str, plain: str):
    """Any other block with text: after an operative paragraph, a heading (short, not ending like a
    paragraph) is left out and other text continues it (and its last sub-paragraph); before any, it is a
    preambular paragraph, its opener guessed from the vocabularies when not set in italics."""
    verb, text, markers = _clean(block)
    if not text:
        return True
    cur = b.current
    if cur is not None and cur.kind == OPERATIVE:
        if sections.is_heading(text):
            return True
        continue_text(cur, text)
        cur.footnotes += markers
        return True
    b.open(Paragraph(PREAMBULAR, 0, None, verb or guess_opener(text), text, part=b.part, footnotes=markers))
    return True


BODY_PASSES = (_closing_meeting, _annex, _label, _formula, _label_title, _numbered, _sub, _unnumbered)


def _resolves_that(out: list[Paragraph]) -> None:
    """"Resolves that, for 2025:" before paragraph 1 introduces the numbered paragraphs: operative."""
    for prev, nxt in itertools.pairwise(out):
        if prev.kind == PREAMBULAR and nxt.kind == OPERATIVE and nxt.number == "1" and prev.text.endswith(":") \
                and not prev.subparagraphs:
            prev.kind = OPERATIVE


def _single_unnumbered_operative(out: list[Paragraph]) -> None:
    """A resolution (or part) with one unnumbered operative paragraph: preambular paragraphs end with ",",
    it with "." (and it is the last of its part)."""
    for i, p in enumerate(out):
        last_of_part = i + 1 == len(out) or out[i + 1].part != p.part
        if last_of_part and p.kind == PREAMBULAR and p.text.endswith(".") and not any(
                q.kind == OPERATIVE and q.part == p.part for q in out):
            p.kind = OPERATIVE
