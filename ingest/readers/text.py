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
    SubParagraph,
    assemble,
    unique_numbers,
)
from unkg.ingest.readers import stages
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
_ROMAN = re.compile(r"^[ivxlc]+$")
_LABEL = re.compile(r"(?:Resolution\s+)?([A-Z]|[IVXL]{1,6})\.?")
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
    part = next((m.group(1) for b in blocks[max(0, start - 2):start]
                 if (m := _LABEL.fullmatch(stages.normalise_space(stages.strip_emphasis(b))))), None)
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


def _header(blocks: list[str], source: Source, language: str) -> Resolution:  # noqa: C901 (issue 17)
    symbol: Symbol | None = None
    body = title = ""
    number = session = date = issued = agenda = committee = report = draft = meeting = None
    after_distr = False
    for raw in blocks:
        line = stages.normalise_space(stages.strip_emphasis(stages.strip_links(raw)))
        if not line:
            continue
        try:
            s = Symbol.parse(line)
            if s.is_resolution and symbol is None:
                symbol = s
                continue
        except ValueError:
            pass
        if line in _BODY_NAMES and not body:
            body = line
        elif line.startswith("Distr"):
            after_distr = True
            issued = _iso_date(line)  # "Distr.: General 22 December 2023" when on one block
        elif after_distr and issued is None and _iso_date(line) and len(line) < 30:
            issued = _iso_date(line)
        elif m := _AGENDA.match(line):
            agenda = m.group(1).strip()
        elif m := _ADOPTED.match(line):
            body = body or m.group(1)
            date = _iso_date(m.group(2))
        elif m := _SC_ADOPTED.match(line):
            meeting, date = m.group(1), _iso_date(m.group(2))
            body = body or "Security Council"
        elif m := _PROPONENT.match(line):
            doc = m.group("doc").split(",")[0].strip()
            if m.group("committee"):
                committee, report = _COMMITTEE_NUMBER.sub("", m.group("committee")), doc
            else:
                draft = doc
        elif m := _TITLE.match(line):
            number, title = m.group(1), m.group(2).strip()
        elif m := _SC_TITLE.match(line):
            number = f"{m.group(1)} ({m.group(2)})"
            body = body or "Security Council"
        elif re.search(r"\bsession$", line, re.I):
            session = line
    if symbol is None and number:
        prefix = _BODY_NAMES.get(body, "A")
        try:
            symbol = Symbol.parse(f"{prefix}/RES/{number}")
        except ValueError:
            symbol = None
    if symbol is None:
        raise InputError(source.path, "no resolution symbol: expected a line like \"A/RES/78/216\" or "
                                      "\"78/216. Title\" before the resolution text")
    res = Resolution(symbol=symbol.text, body=symbol.body or body, session=symbol.session, date=date,
                     language=language, title=title, source=source, agenda_item=agenda, committee=committee,
                     report=report, meeting=meeting, issued=issued, draft=draft)
    if session and not symbol.session:
        res.warnings.append(f"session line {session!r} not used: the symbol has no session")
    if date is None:
        res.warnings.append("no adoption date (\"Resolution adopted by ... on <date>\")")
    return res


def _clean(block: str) -> tuple[str, str, list[str]]:
    """A body block -> (leading italic phrase, clean text, footnote markers)."""
    text, markers = stages.take_markers(stages.strip_links(block))
    verb, text = stages.leading_emphasis(text)
    return verb.rstrip(",;:"), stages.normalise_space(stages.strip_emphasis(text)), markers


def _paragraphs(blocks: list[str], res: Resolution, part: str | None = None) -> list[Paragraph]:  # noqa: C901 (issue 17)
    out: list[Paragraph] = []
    current: Paragraph | None = None
    section: str | None = None
    pending: str | None = None  # a label "B" / "II": a part if its own formula follows, else a section
    sections: dict[int, str | None] = {}
    for block in blocks:
        plain = stages.normalise_space(stages.strip_emphasis(block))
        if m := _MEETING.match(plain):
            res.meeting = res.meeting or m.group(1)
            break  # the resolution ends here; an annex may follow
        if re.match(r"^Annex(?:es)?\b", plain) and len(plain) < 40:
            res.warnings.append("text after \"Annex\" not read (annexes are not paragraphs of the resolution)")
            break
        if m := _LABEL.fullmatch(plain):
            pending = m.group(1)
            continue
        if _FORMULA.match(plain):
            if pending:  # "B", its title, "The General Assembly,": the next part; numbering restarts
                part, section, pending, current = pending, None, None, None
            continue
        if pending and len(plain) < 100 and not stages.ends_paragraph(plain):
            continue  # the title under a part or section label
        if pending:
            section, pending = pending, None
        if m := _NUMBERED.match(block.strip()):
            verb, text, markers = _clean(m.group(2))
            current = Paragraph(OPERATIVE, 0, m.group(1), verb, text, part=part, footnotes=markers)
            sections[id(current)] = section
            out.append(current)
            continue
        if (m := _SUB.match(block.strip())) and current is not None:
            _, text, markers = _clean(m.group(2))
            _attach_sub(current, m.group(1), text)
            current.footnotes += markers
            continue
        verb, text, markers = _clean(block)
        if not text:
            continue
        if current is not None and current.kind == OPERATIVE:
            if len(text) < 100 and not stages.ends_paragraph(text):
                continue  # a heading between operative paragraphs
            current.text = stages.normalise_space(f"{current.text} {text}")
            current.footnotes += markers
            _extend_last(current.subparagraphs, text)
            continue
        if not verb:
            verb = guess_opener(text)
        current = Paragraph(PREAMBULAR, 0, None, verb, text, part=part, footnotes=markers)
        out.append(current)
    for prev, nxt in itertools.pairwise(out):
        if prev.kind == PREAMBULAR and nxt.kind == OPERATIVE and nxt.number == "1" and prev.text.endswith(":") \
                and not prev.subparagraphs:
            prev.kind = OPERATIVE  # "Resolves that, for 2025:" introduces the numbered paragraphs
    res.warnings += unique_numbers(out, sections)
    for i, p in enumerate(out):
        last_of_part = i + 1 == len(out) or out[i + 1].part != p.part
        if last_of_part and p.kind == PREAMBULAR and p.text.endswith(".") and not any(
                q.kind == OPERATIVE and q.part == p.part for q in out):
            # a resolution (or part) with one unnumbered operative paragraph: preambular paragraphs end
            # with ",", it with "."
            p.kind = OPERATIVE
    return out


def _attach_sub(current: Paragraph, label: str, text: str) -> None:
    """Add "(b) ..." to the paragraph before it; "(i)" after "(a)" nests under (a) (not after "(h)")."""
    sub = SubParagraph(label, text)
    subs = current.subparagraphs
    parent = subs[-1] if subs else None
    next_letter = parent is not None and len(label) == 1 and len(parent.number) == 1 and \
        ord(label) == ord(parent.number) + 1
    if parent is not None and _ROMAN.match(label) and not _ROMAN.match(parent.number) and not next_letter and (
            parent.subparagraphs or label == "i"):
        parent.subparagraphs.append(sub)
        parent.text = f"{parent.text} ({label}) {text}"
    else:
        subs.append(sub)
    current.text = stages.normalise_space(f"{current.text} ({label}) {text}")


def _extend_last(subs: list[SubParagraph], text: str) -> None:
    """Continuation text after sub-paragraphs belongs to the last one (and its last nested one) too."""
    while subs:
        subs[-1].text = stages.normalise_space(f"{subs[-1].text} {text}")
        subs = subs[-1].subparagraphs
