"""UN document symbols and the IRIs unkg builds from them. The one place that mints data IRIs.

Examples (tested in tests/test_iris.py):
    A/RES/78/216          -> https://w3id.org/unkg/id/A/RES/78/216          (the work)
                             .../A/RES/78/216/en                              (English expression)
                             .../A/RES/78/216/op/11, .../op/11/a, .../pp/3    (paragraphs: work level)
    A/HRC/RES/54/1        -> .../A/HRC/RES/54/1
    S/RES/2720 (2023)     -> .../S/RES/2720(2023)       (spaces dropped, as undocs.org writes it)
    A/RES/75/101 A-B      -> .../A/RES/75/101A-B; part B's op 3 -> .../A/RES/75/101A-B/B/op/3

Paragraphs, sub-paragraphs, provisions and mandates are language-neutral (work level): the English and
French expressions describe the same `.../op/11`, each with language-tagged text. Evidence annotations
point into one expression's text, so they live under the expression IRI.
"""
from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
from urllib.parse import quote

import pyoxigraph as ox

from unkg.config import VOCAB_NS, base_iri
from unkg.numbering import letters, roman

BODIES = {
    "A": "General Assembly",
    "A/HRC": "Human Rights Council",
    "S": "Security Council",
    "E": "Economic and Social Council",
}
# ISO 639-1 codes for the AKN (ISO 639-2) codes the UN uses.
LANGUAGES = {"eng": "en", "fra": "fr", "spa": "es", "ara": "ar", "zho": "zh", "chi": "zh", "rus": "ru", "fre": "fr"}

_RES = re.compile(
    r"""^(?P<prefix>A/HRC|A|S|E)/(?P<type>RES|DEC|PRST)/
        (?:(?P<session>(?:ES-|S-)?\d{1,3})/(?P<number>\d{1,4})(?:\s*(?P<part>[A-Z](?:-[A-Z])?))?  # 78/216, 75/101 A-B, ES-11/1
          |(?P<year>\d{4})/(?P<pnum>\d{1,3})                                             # S/PRST/2023/1
          |(?P<scnum>\d{1,4})\s*\((?P<scyear>\d{4})\)                                    # S/RES/2720 (2023)
          |(?P<oldnum>\d{1,4})(?:\s*(?P<oldpart>[A-Z](?:-[A-Z])?))?\s*\((?P<roman>[IVXLC]+)\)  # A/RES/2200 A (XXI)
        )$""",
    re.X,
)
_DOC = re.compile(r"^[A-Z]{1,4}(?:\.\d+)?(?:/[A-Za-z0-9.()\-]+)+$")


@dataclass(frozen=True)
class Symbol:
    """A UN document symbol in its printed form, e.g. 'A/RES/78/216' or 'S/RES/2720 (2023)'."""

    text: str
    prefix: str = ""
    type: str = ""  # RES, DEC, PRST, or "" for other documents (reports, conference documents)
    session: str | None = None
    number: str | None = None
    part: str | None = None
    year: str | None = None

    @classmethod
    def parse(cls, text: str) -> "Symbol":
        """Parse a full symbol; raises ValueError when `text` is not one."""
        s = re.sub(r"\s+", " ", text.strip().rstrip("."))
        m = _RES.match(s)
        if m:
            g = m.groupdict()
            if g["session"]:
                part = g["part"]
                canon = f"{g['prefix']}/{g['type']}/{g['session']}/{g['number']}" + (f" {part}" if part else "")
                return cls(canon, g["prefix"], g["type"], g["session"], g["number"], part)
            if g["year"]:
                return cls(f"{g['prefix']}/{g['type']}/{g['year']}/{g['pnum']}", g["prefix"], g["type"],
                           number=g["pnum"], year=g["year"])
            if g["scnum"]:
                return cls(f"{g['prefix']}/{g['type']}/{g['scnum']} ({g['scyear']})", g["prefix"], g["type"],
                           number=g["scnum"], year=g["scyear"])
            part = g["oldpart"]
            canon = f"{g['prefix']}/{g['type']}/{g['oldnum']}" + (f" {part}" if part else "") + f" ({g['roman']})"
            return cls(canon, g["prefix"], g["type"], session=g["roman"], number=g["oldnum"], part=part)
        if _DOC.match(s.replace(" ", "")) and "/" in s:
            return cls(s)
        raise ValueError(f"not a UN document symbol: {text!r}")

    @property
    def body(self) -> str | None:
        """The adopting or issuing body, from the symbol's prefix."""
        return BODIES.get(self.prefix)

    @property
    def is_resolution(self) -> bool:
        return self.type == "RES"

    @property
    def path(self) -> str:
        """The symbol as an IRI path: spaces dropped, as undocs.org writes it."""
        return self.text.replace(" ", "")

    def __str__(self) -> str:
        return self.text


def _sym(symbol: "Symbol | str") -> Symbol:
    return symbol if isinstance(symbol, Symbol) else Symbol.parse(symbol)


def work(symbol: "Symbol | str") -> str:
    return base_iri() + _sym(symbol).path


def expression(symbol: "Symbol | str", language: str) -> str:
    return f"{work(symbol)}/{language}"


def paragraph(symbol: "Symbol | str", kind: str, number: "int | str", part: str | None = None) -> str:
    """kind is 'operative' (printed number) or 'preambular' (1-based order within its part)."""
    seg = {"operative": "op", "preambular": "pp"}[kind]
    return f"{work(symbol)}{'/' + part if part else ''}/{seg}/{number}"


def subparagraph(paragraph_iri: str, *numbers: str, language: str = "") -> str:
    """`.../op/11` + ('a',) -> `.../op/11/a`; nested ('a', 'i') -> `.../op/11/a/i`.

    Sub-paragraph IRIs are work level like paragraph IRIs, so every language version names (a) alike: Arabic
    letters, printed in abjad order, and the Chinese numerals Chinese versions print for (i), (ii) ... are
    mapped to the Latin letter or Roman numeral in the same place (see `subparagraph_key`); so are the
    digits Arabic versions print one level down, where the others print (i), (ii)."""
    keys = [subparagraph_key(n) for n in numbers]
    if language == "ar":
        keys = [roman(int(k)) if depth > 0 and k.isdigit() else k for depth, k in enumerate(keys)]
    return "/".join([paragraph_iri, *keys])


# The order in which UN Arabic texts letter sub-paragraphs: (أ) for (a), (ب) for (b) ... (ظ) and (غ) follow
# (ض) for (z), as (aa) and (bb) follow (z) in English.
_ABJAD = "أبجدهوزحطيكلمنسعفصقرشتثخذضظغ"
_ARABIC_LETTER = {a: letters(k) for k, a in enumerate(_ABJAD, 1)}
_CJK_DIGITS = {c: n for n, c in enumerate("一二三四五六七八九", 1)}


def subparagraph_key(number: str) -> str:
    """The language-neutral IRI segment of a printed sub-paragraph number: '(a)' -> 'a', '(أ)' -> 'a',
    '(هـ)' -> 'e', '(一)' or '㈠' -> 'i', '(十二)' -> 'xii'; anything else lower-cased without brackets."""
    key = number.strip("()（） ").replace("\u0640", "").lower()  # U+0640: the tatweel of هـ
    if key in _ARABIC_LETTER:
        return _ARABIC_LETTER[key]
    if len(key) == 1 and "\u3220" <= key <= "\u3229":  # ㈠ .. ㈩, parenthesised ideographs one to ten
        return roman(ord(key) - 0x3220 + 1)
    if key and all(c in _CJK_DIGITS or c == "十" for c in key):
        return roman(_cjk_number(key))
    return key


def _cjk_number(text: str) -> int:
    """一 .. 九十九 (十 = 10, 十二 = 12, 二十 = 20, 二十三 = 23)."""
    if "十" not in text:
        return _CJK_DIGITS.get(text, 0)
    tens, _, units = text.partition("十")
    return 10 * (_CJK_DIGITS.get(tens, 1) if tens else 1) + (_CJK_DIGITS.get(units, 0) if units else 0)


def provision(paragraph_iri: str, n: int) -> str:
    """The n-th (1-based) provision of a paragraph."""
    return f"{paragraph_iri}/prov/{n}"


def mandate(provision_iri: str, n: int = 1) -> str:
    """The n-th (1-based) mandate a provision gives: the first keeps the plain `/mandate`."""
    return f"{provision_iri}/mandate" if n == 1 else f"{provision_iri}/mandate/{n}"


def footnote(symbol: "Symbol | str", marker: str) -> str:
    """Footnotes are work level like paragraphs: markers are the same in every language version."""
    return f"{work(symbol)}/fn/{quote(marker, safe='')}"


def vote(symbol: "Symbol | str") -> str:
    """The recorded vote (or adoption without a vote) on a resolution."""
    return f"{work(symbol)}/vote"


def source_file(sha256_hex: str) -> str:
    """A source file named by its content: an RFC 6920 `ni:` URI of its SHA-256 (the same bytes, the same IRI)."""
    return "ni:///sha-256;" + base64.urlsafe_b64encode(bytes.fromhex(sha256_hex)).decode().rstrip("=")


def evidence(expression_iri: str, *key: object) -> str:
    """A deterministic IRI for one Web Annotation: the same statement and span give the same IRI."""
    digest = hashlib.sha1("\x1f".join(map(str, key)).encode()).hexdigest()[:16]
    return f"{expression_iri}/evidence/{digest}"


# The parts of one annotation (its oa:SpecificResource and selectors) are fragments of its IRI.
EVIDENCE_PARTS = ("target", "position", "quote")


def evidence_part(annotation_iri: str, part: str) -> str:
    """`.../evidence/abc#target`, `#position` (oa:TextPositionSelector) or `#quote` (oa:TextQuoteSelector)."""
    if part not in EVIDENCE_PARTS:
        raise ValueError(f"not a part of an annotation: {part!r}")
    return f"{annotation_iri}#{part}"


def unnumbered_number(index: int) -> str:
    """The number segment of an operative paragraph printed without a number among numbered ones: its
    position in document order, marked so that it never collides with a printed number (`.../op/x7`)."""
    return f"x{index}"


def ingest_activity(expression_iri: str, source_sha256: str) -> str:
    """The PROV activity that made an expression's graph from one source file (no timestamp: re-ingest is idempotent)."""
    return f"{expression_iri}/ingest/{source_sha256[:16]}"


def undocs(symbol: "Symbol | str", language: str = "en") -> str:
    return f"https://undocs.org/{language}/{_sym(symbol).path}"


# The EU Publications Office's authority tables, whose IRIs ELI uses for eli:language and eli:type_document:
# the six official languages of the UN, and the resource types of the UN's symbols that the table has.
_EU_AUTHORITY = "http://publications.europa.eu/resource/authority/"
_EU_LANGUAGES = {"en": "ENG", "fr": "FRA", "es": "SPA", "ar": "ARA", "zh": "ZHO", "ru": "RUS"}
_EU_RESOURCE_TYPES = {"RES": "RES", "DEC": "DEC"}


def language_authority(code: str) -> str | None:
    """ISO 639-1 'en' -> http://publications.europa.eu/resource/authority/language/ENG (None outside the six)."""
    eu = _EU_LANGUAGES.get(code.lower())
    return f"{_EU_AUTHORITY}language/{eu}" if eu else None


def document_type(symbol: "Symbol | str") -> str | None:
    """A/RES/78/216 -> http://publications.europa.eu/resource/authority/resource-type/RES (None for other types)."""
    eu = _EU_RESOURCE_TYPES.get(_sym(symbol).type)
    return f"{_EU_AUTHORITY}resource-type/{eu}" if eu else None


def sdg(code: str) -> str:
    """SDG goal '16', target '16.10' or indicator '16.10.1' -> metadata.un.org IRI.

    Indicators use the UN's C-codes: 16.10.1 -> C161001, 1.a.1 -> C010a01.
    """
    parts = code.strip().split(".")
    if len(parts) == 3:
        goal, target, ind = parts
        return f"http://metadata.un.org/sdg/C{int(goal):02d}{target.zfill(2)}{int(ind):02d}"
    return f"http://metadata.un.org/sdg/{code.strip()}"


def vocab(scheme: str, local: str) -> str:
    """A concept of one of unkg's SKOS vocabularies, e.g. vocab('actors', 'business-enterprises')."""
    return f"{VOCAB_NS}{scheme}/{local}"


def task(notation: str) -> str:
    """A task type of mandates from its JSON name: 'oral_update' -> .../vocab/tasks/oral-update."""
    return vocab("tasks", notation.replace("_", "-"))


def recurrence(notation: str) -> str:
    return vocab("recurrence", notation)


def notation(concept_iri: str) -> str:
    """The JSON name of a task type or recurrence concept: .../tasks/oral-update -> 'oral_update'."""
    return concept_iri.rstrip("/").rsplit("/", 1)[-1].replace("-", "_")


def slug(label: str) -> str:
    """A readable IRI local name from a label: 'Special Rapporteur on X' -> 'special-rapporteur-on-x'."""
    return re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")


# -- reading data IRIs back -------------------------------------------------------------------------------
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")
_UNDER_WORK = ("op", "pp", "fn", "vote", "prov", "evidence", "ingest", "mandate")


@dataclass(frozen=True)
class DataIri:
    """What a data IRI names, read back by `parse`: its work, and its place under the work."""

    iri: str
    work: str  # the work's IRI
    path: str  # the work's symbol as an IRI path: 'A/RES/78/216', 'S/RES/2720(2023)'
    kind: str  # work, expression, paragraph, subparagraph, provision, mandate, footnote, vote, evidence, ingest
    language: str | None = None  # an expression's language, or that of the expression an annotation is in
    paragraph: str | None = None  # the top-level paragraph it is or lies in
    subparagraph: str | None = None  # the deepest sub-paragraph it is or lies in

    @property
    def container(self) -> str | None:
        """What a page shows it in: its (sub-)paragraph, else its work; None for a work itself."""
        if self.kind == "work":
            return None
        return self.subparagraph or self.paragraph or self.work


def parse(iri: str, base: str | None = None) -> DataIri | None:
    """Read a data IRI this module mints back into its parts; None for one outside `base` (default: the
    configured base IRI) or of a shape this module does not mint.

    A symbol's path holds slashes itself, so the work is the leading run of segments that reads as a
    resolution's symbol (A/HRC/RES/54/1, A/RES/75/101A-B) and leaves a tail this module mints; failing that,
    the longest run that reads as another document's symbol (A/78/481/Add.2)."""
    base = base or base_iri()
    if not iri.startswith(base):
        return None
    segments = iri[len(base):].split("/")
    resolution_reads: list[DataIri | None] = []
    other_reads: list[DataIri | None] = []
    for end in range(len(segments), 0, -1):
        path = "/".join(segments[:end])
        try:
            symbol = Symbol.parse(path)
        except ValueError:
            continue
        if symbol.path == path:
            read = _read_tail(iri, base + path, path, segments[end:])
            (resolution_reads if symbol.type else other_reads).append(read)
    # a resolution's symbol decides, even when its tail is not one this module mints
    reads = resolution_reads or other_reads
    return next((r for r in reads if r is not None), None)


def _read_tail(iri: str, work: str, path: str, tail: list[str]) -> DataIri | None:
    """The part of a data IRI after its work's path; None when this module mints no such tail."""
    if not tail:
        return DataIri(iri, work, path, "work")
    head = tail[0]
    if tail == ["vote"]:
        return DataIri(iri, work, path, "vote")
    if head == "fn" and len(tail) == 2 and tail[1]:
        return DataIri(iri, work, path, "footnote")
    if _LANGUAGE.match(head) and head not in _UNDER_WORK:
        if len(tail) == 1:
            return DataIri(iri, work, path, "expression", language=head)
        if len(tail) == 3 and tail[1] in ("evidence", "ingest") and tail[2]:
            return DataIri(iri, work, path, tail[1], language=head)
        return None
    # [part segments] op|pp N [sub-paragraph keys] [prov K [mandate]]
    at = next((k for k, s in enumerate(tail) if s in ("op", "pp")), None)
    if at is None or at + 1 >= len(tail) or not tail[at + 1] or any(s in _UNDER_WORK for s in tail[:at]):
        return None
    paragraph = "/".join([work, *tail[: at + 2]])
    rest = tail[at + 2:]
    cut = rest.index("prov") if "prov" in rest else len(rest)
    subs, after = rest[:cut], rest[cut:]
    if any(not s or s in _UNDER_WORK for s in subs):
        return None
    sub = "/".join([paragraph, *subs]) if subs else None
    if not after:
        return DataIri(iri, work, path, "subparagraph" if subs else "paragraph", paragraph=paragraph, subparagraph=sub)
    if len(after) >= 2 and after[1].isdigit() and (after[2:] in ([], ["mandate"]) or (
            len(after) == 4 and after[2] == "mandate" and after[3].isdigit() and int(after[3]) >= 2)):
        kind = "mandate" if after[2:] else "provision"
        return DataIri(iri, work, path, kind, paragraph=paragraph, subparagraph=sub)
    return None


def is_absolute_iri(text: str) -> bool:
    """True for an absolute IRI the store accepts (checked by the store's own parser, pyoxigraph)."""
    try:
        ox.NamedNode(text)
        return True
    except ValueError:
        return False


def is_language_tag(text: str) -> bool:
    """True for a well-formed BCP 47 language tag ('en', 'zh-Hans'), as the store checks them."""
    try:
        ox.Literal("", language=text)
        return True
    except ValueError:
        return False
