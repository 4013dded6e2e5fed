"""Akoma Ntoso for the United Nations (AKN4UN) XML -> Resolution.

Reads every variant in the corpus: `<statement name="resolution">`, `<statement name="presidentialStatement">`
and `<documentCollection>` (multi-part resolutions "A and B", numbering restarting per part). What the
markup says is trusted first (`<num>`, the leading `<span class="italic">` (bold in Chinese), `<authorialNote>`); where older
sessions flatten structure (sub-paragraphs as unnumbered `<paragraph>`s starting "(c) ...", continuation
paragraphs, headings as paragraphs), small rules put the pieces back and anything unread becomes a warning.
Annexes (`<attachments>`) are not part of the resolution's own paragraphs and are skipped.
"""
from __future__ import annotations

import functools
import re
from pathlib import Path
from urllib.parse import unquote

from lxml import etree

from unkg.errors import InputError
from unkg.ingest.model import (
    OPERATIVE,
    PREAMBULAR,
    Footnote,
    Paragraph,
    Resolution,
    Source,
    SubParagraph,
    Vote,
    assemble,
)
from unkg.ingest.readers import sections
from unkg.ingest.readers.numbering import attach_sub, continue_text, unique_numbers
from unkg.ingest.readers.sections import Sections
from unkg.ingest.readers.source import load, source_of
from unkg.ingest.readers.stages import join_normalised, normalise_space
from unkg.iris import LANGUAGES, Symbol

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
A = "{%s}" % AKN

# Elements after which a space separates text (block level); inline elements join without one.
_BLOCK = {A + t for t in ("p", "td", "th", "tr", "item", "heading", "subheading", "num", "intro", "point",
                          "content", "list", "blockList", "listIntroduction", "wrapUp", "alinea", "crossHeading",
                          "eol", "br", "table", "container", "sublist", "paragraph")}
_SKIP = {A + "authorialNote", A + "num", A + "meta"}
_OPERATIVE_NUM = re.compile(r"^[\s\u200e\u200f]*(\d+(?:\.\d+)?)\s*[.\-‑–]?[\s\u200e\u200f]*$")
_SUB_LABEL = re.compile(r"^\(\s*([a-z]{1,4}|[ivxlc]+|\d{1,2}|[\u0600-\u06ff]{1,3})\s*\)\s*|^([a-z]{1,2})[.)]\s+"
                        r"|^['’](\d{1,2})['‘]\s*")  # the last: Arabic files print (ii) as ’2‘
_VOTES = {"inFavour": "in_favour", "against": "against", "abstaining": "abstaining"}
_VOTE_CODE = {"inFavour": "Y", "against": "N", "abstaining": "A"}
_METHOD = {"adoptedWithoutVote": "without a vote", "adoptedRecordedVote": "recorded vote"}


def _ws(s: str) -> str:
    return normalise_space(s)


_join = join_normalised


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _is_emphasis(el: etree._Element, style: str) -> bool:
    tag = {"italic": A + "i", "bold": A + "b"}.get(style)
    return el.tag == tag or (el.tag == A + "span" and style in (el.get("class") or ""))


class _Notes:
    """Footnotes met while reading text: appended to the resolution, markers to the current paragraph."""

    def __init__(self) -> None:
        self.all: list[Footnote] = []
        self.current: list[str] = []

    def add(self, note: etree._Element) -> None:
        marker = (note.get("marker") or str(len(self.all) + 1)).strip()
        self.all.append(Footnote(marker, _ws(_text(note, None))))
        self.current.append(marker)


def _text(el: etree._Element, notes: _Notes | None) -> str:
    """The element's text without footnotes (collected into `notes`) and numbers, blocks separated by spaces."""
    out: list[str] = []

    def walk(e: etree._Element) -> None:
        if e.text:
            out.append(e.text)
        for c in e:
            if not isinstance(c.tag, str):  # comment or processing instruction
                pass
            elif c.tag == A + "authorialNote":
                if notes is not None:
                    notes.add(c)
            elif c.tag not in _SKIP:
                walk(c)
                if c.tag in _BLOCK:
                    out.append(" ")
            if c.tail:
                out.append(c.tail)

    walk(el)
    return "".join(out)


_UNDOCS = re.compile(r"^https?://(?:www\.)?undocs\.org/(?:(?:en|fr|es|ar|ru|zh)/)?(?P<symbol>[^?#]+)$", re.I)


def _document_links(doc: etree._Element) -> dict[str, str]:
    """Printed words of each undocs.org link -> the symbol it links to, for words that link to one symbol."""
    found: dict[str, set[str]] = {}
    for a in doc.iter(A + "a"):
        m = _UNDOCS.match((a.get("href") or "").strip())
        words = _ws(_text(a, None))
        if not m or not words:
            continue
        try:
            raw = unquote(m.group("symbol")).replace("+", " ")
            # some links spell the body in lower case ("A/hrc/RES/49/18"); "Add.1", "Rev.1" keep theirs
            raw = "/".join(part.upper() if part.isalpha() else part for part in raw.split("/"))
            symbol = Symbol.parse(raw).text
        except ValueError:
            continue
        found.setdefault(words, set()).add(symbol)
    return {w: next(iter(s)) for w, s in found.items() if len(s) == 1}


def _lead_italic(el: etree._Element | None, style: str = "italic") -> str:
    """The leading italic phrase of the first text block under `el` (the operative verb or preambular opener).

    `style` is "bold" for Chinese, which sets these phrases in bold type rather than italics."""
    if el is None:
        return ""
    if el.tag in (A + "p", A + "crossHeading"):
        p = el
    else:  # the first text block that is not inside a footnote (a list's introduction comes before its items)
        p = next((x for x in el.iter(A + "p", A + "listIntroduction", A + "intro")
                  if not (x.tag != A + "p" and x.find(A + "p") is not None)  # its <p> comes next
                  and not any(a.tag == A + "authorialNote" for a in x.iterancestors())), None)
    if p is None:
        return ""
    before = (p.text or "").strip(" \t\n\r“\"«")
    if before and not before.rstrip(".,").isdigit():
        return ""  # text before the first span (only a number the markup left in the text is allowed)
    parts: list[str] = []
    for c in p:
        if not isinstance(c.tag, str):
            continue
        if not _is_emphasis(c, style):
            break
        parts.append(_text(c, None))
        if (c.tail or "").strip():
            break
        parts.append(c.tail or "")
    return _ws("".join(parts)).rstrip(",;:")


class _Reader:
    """One file's reading: header metadata, then paragraphs per statement, with the state that spans them
    (footnotes met so far, warnings, the main-body section being read)."""

    def __init__(self, path: Path, root: etree._Element):
        self.path = path
        self.root = root
        self.notes = _Notes()
        self.warnings: list[str] = []
        self.sections = Sections()  # the main-body section being read ("I", "II") in the part being read
        self.sections_seen = 0
        self.emphasis = "italic"  # how the verb phrase is set: "bold" in Chinese
        # presidential statements are unnumbered paragraphs, each its own (none continues another)
        self.statement_paragraphs = root.find(A + "statement[@name='presidentialStatement']") is not None

    def lead(self, el: etree._Element | None) -> str:
        return _lead_italic(el, self.emphasis)

    # -- header -------------------------------------------------------------------------------------
    def first(self, xpath: str, el: etree._Element | None = None) -> etree._Element | None:
        found = _xpath(xpath)(self.root if el is None else el)
        return found[0] if found else None

    def value(self, xpath: str, el: etree._Element | None = None) -> str | None:
        found = _xpath(xpath)(self.root if el is None else el)
        if not found:
            return None
        v = found[0]
        v = v if isinstance(v, str) else _text(v, None)
        return _ws(v) or None

    def resolution(self, source: Source) -> Resolution:
        doc = self.first("a:statement|a:documentCollection|a:doc|a:bill|a:act")
        if doc is None or _local(doc) not in ("statement", "documentCollection"):
            raise InputError(self.path, "XML without a resolution: no <statement> or <documentCollection> in <akomaNtoso>")
        raw_symbol = self.value("(.//a:coverPage//a:docNumber[@refersTo='#symbol'])[1]", doc) or self.value(
            "(.//a:docNumber[@refersTo='#symbol'])[1]", doc)
        if not raw_symbol:
            raise InputError(self.path, "no resolution symbol (<docNumber refersTo=\"#symbol\">) in the cover page")
        try:
            symbol = Symbol.parse(raw_symbol)
        except ValueError:
            raise InputError(self.path, f"the cover page symbol {raw_symbol!r} is not a UN document symbol") from None

        body = symbol.body or self.value(".//a:coverPage//a:docAuthority[@refersTo='#issuingBody']", doc) or ""
        lang3 = self.value(".//a:FRBRExpression/a:FRBRlanguage/@language", doc) or ""
        language = LANGUAGES.get(lang3.lower(), lang3[:2].lower())
        self.emphasis = "bold" if language == "zh" else "italic"
        if not language:
            self.warnings.append("no language (FRBRExpression/FRBRlanguage)")
        date = self.value(".//a:FRBRWork/a:FRBRdate[@name='adoption']/@date", doc) or self.value(
            ".//a:docDate[@refersTo='#adoptionDate']/@date", doc)
        session = symbol.session or self.value(".//a:coverPage//a:session/@value", doc)
        title = self.value("(a:preface//a:docTitle[@refersTo='#resolutionTitle'])[1]", doc) or self.value(
            "(.//a:preface//a:docTitle)[1]", doc) or ""
        res = Resolution(
            symbol=symbol.text, body=body, session=session, date=date, language=language, title=title,
            source=source,
            agenda_item=self.value(".//a:coverPage//a:inline[@name='agenda item']/@title", doc),
            issued=self.value(".//a:coverPage//a:docDate[@refersTo='#dateOfIssuance']/@date", doc),
            meeting=self.value("(.//a:conclusions//a:location[@refersTo='#adoptionMeeting'])[1]", doc)
            or self.value("(.//a:conclusions//a:inline[@name='adoptionMeeting'])[1]", doc)
            or self.value("(.//a:coverPage//a:inline[@name='adoptionMeeting'])[1]", doc),
        )
        self.proponent(doc, res)
        self.workflow(doc, res)
        res.links = _document_links(doc)
        seen: set[str] = set()
        for href in _xpath(".//a:meta/a:classification/a:keyword/@href")(doc):
            if href not in seen:
                seen.add(href)
                res.keywords.append(href)

        paragraphs = self.all_paragraphs(doc)
        if not paragraphs:
            raise InputError(self.path, "no preambular or operative paragraphs in the resolution")
        if not any(p.kind == OPERATIVE for p in paragraphs):
            self.warnings.append("no operative paragraphs found")
        res.text = assemble(paragraphs)
        res.paragraphs = paragraphs
        res.footnotes = self.notes.all
        res.warnings = self.warnings
        return res

    def all_paragraphs(self, doc: etree._Element) -> list[Paragraph]:
        """The paragraphs of a resolution, or of each part of a multi-part one (a <documentCollection>)."""
        if _local(doc) != "documentCollection":
            return self.paragraphs(doc, None)
        # AKN4UN puts <components> next to <documentCollection> (the standard puts it inside): accept both
        components = _xpath(".//a:components/a:component/*[a:mainBody or a:preamble]")(self.root)
        if not components:
            raise InputError(self.path, "a <documentCollection> without resolution components")
        paragraphs: list[Paragraph] = []
        for i, comp in enumerate(components):
            part = self.value("a:preface//a:docNumber", comp) or chr(ord("A") + i)
            paragraphs += self.paragraphs(comp, part.strip(". "))
        return paragraphs

    def proponent(self, doc: etree._Element, res: Resolution) -> None:
        prop = self.first(".//a:coverPage//a:docProponent", doc)
        if prop is None:
            return
        ref = (prop.get("refersTo") or "").lstrip("#")
        origin = self.value(".//a:inline[@name='originating document']", prop)
        if ref and ref != "noMainCommittee":
            res.committee = self.value(f".//a:references/a:TLCTerm[@eId='{ref}']/@showAs", doc)
            if not res.committee:
                m = re.search(r"report of the (.+?) \(", _ws(_text(prop, None)))
                res.committee = m.group(1) if m else None
            if origin:
                res.report = origin.split(",")[0].strip()
        elif origin:
            res.draft = origin.split(",")[0].strip()

    def workflow(self, doc: etree._Element, res: Resolution) -> None:
        draft = self.value(".//a:meta/a:workflow/a:step[@outcome='draftResolution']/@as", doc)
        if draft:
            res.draft = draft
        voting = self.first(".//a:meta/a:analysis//a:voting", doc)
        if voting is None or not voting.get("outcome"):
            return
        outcome = voting.get("outcome") or ""
        vote = Vote(method=_METHOD.get(outcome, _ws(outcome)))
        for count in _xpath("a:count")(voting):
            kind = count.get("refersTo", "").lstrip("#")
            if kind in _VOTES and (count.get("value") or "").isdigit():
                setattr(vote, _VOTES[kind], int(count.get("value")))
            for org in count.iter("{*}organization"):
                name = _ws(_text(org, None))
                if name and kind in _VOTE_CODE:
                    vote.by_state[name] = _VOTE_CODE[kind]
        res.vote = vote

    # -- paragraphs ---------------------------------------------------------------------------------
    def paragraphs(self, doc: etree._Element, part: str | None) -> list[Paragraph]:
        """Preambular and operative paragraphs of one statement, in document order.

        Some files split the statement into several <preamble>/<mainBody> pairs; a main body that holds no
        numbered paragraph and is followed by another preamble is a markup slip and is read as preambular.
        """
        out: list[Paragraph] = []
        self.sections.new_part()
        bodies = [c for c in doc if c.tag in (A + "preamble", A + "mainBody")]
        if not any(c.tag == A + "mainBody" for c in bodies):
            self.warnings.append(f"no <mainBody>{' in part ' + part if part else ''}")
        current: Paragraph | None = None
        for i, body in enumerate(bodies):
            if body.tag == A + "preamble":
                self.preamble(body, part, out)
            elif any(s.tag == A + "preamble" for s in bodies[i + 1:]) and not any(
                    _OPERATIVE_NUM.match(_ws(n.text or "")) for n in body.iter(A + "num")):
                self.warnings.append("a <mainBody> between two <preamble>s read as preambular paragraphs")
                self.preamble(body, part, out, list(self.blocks(body)))
            else:
                current = self.operative(body, part, out, current)
        out = self.merge_strays(out)
        self.qualify_sections(out)
        return out

    def merge_strays(self, paragraphs: list[Paragraph]) -> list[Paragraph]:
        """An unnumbered paragraph between paragraphs n and n+1 ("Abbreviations: ..." under a table, a
        paragraph whose number the markup lost) continues paragraph n: the printed numbering has no gap."""
        out: list[Paragraph] = []
        for i, p in enumerate(paragraphs):
            prev = out[-1] if out else None
            stray = (p.kind == OPERATIVE and p.number is None and prev is not None and prev.kind == OPERATIVE
                     and (prev.number or "").isdigit())
            nxt = next((q for q in paragraphs[i + 1:] if q.kind == OPERATIVE), None) if stray else None
            if (stray and prev is not None and nxt is not None and prev.part == p.part == nxt.part
                    and (nxt.number or "").isdigit() and int(nxt.number) == int(prev.number or 0) + 1):
                continue_text(prev, p.text)
                prev.footnotes += p.footnotes
                self.warnings.append(f"unnumbered paragraph after paragraph {prev.number} read as its continuation")
                continue
            out.append(p)
        return out

    def qualify_sections(self, paragraphs: list[Paragraph]) -> None:
        self.warnings += unique_numbers(paragraphs)

    def preamble(self, sec: etree._Element, part: str | None, out: list[Paragraph],
                 elements: list[etree._Element] | None = None) -> None:
        for el in sec if elements is None else elements:
            if not isinstance(el.tag, str) or el.tag == A + "formula":
                continue
            self.notes.current = []
            prev = out[-1] if out and out[-1].kind == PREAMBULAR and out[-1].part == part else None
            if el.tag == A + "blockList" and prev is not None:
                # "(a) ..., (b) ..." items continuing the preambular paragraph before them
                for item in el:
                    if isinstance(item.tag, str) and item.tag != A + "listIntroduction":
                        sub, t = self.point(item)
                        prev.subparagraphs.append(sub)
                        prev.text = _join(prev.text, t)
                    elif isinstance(item.tag, str):
                        prev.text = _join(prev.text, _text(item, self.notes))
                prev.footnotes += self.notes.current
                continue
            subs: list[SubParagraph] = []
            text = _ws(self.with_lists(el, subs))
            if not text or _is_decoration(el, text):
                continue
            out.append(Paragraph(PREAMBULAR, 0, None, self.lead(el), text, part=part, subparagraphs=subs,
                                 footnotes=self.notes.current))

    def with_lists(self, el: etree._Element, subs: list[SubParagraph]) -> str:
        """Text of a preambular block; a <blockList> inside it ("Reaffirming that ...: (a) ..., (b) ...") keeps
        its printed labels in the text and its items as sub-paragraphs (appended to `subs`)."""
        if el.find(".//" + A + "blockList") is None:
            return _text(el, self.notes)
        chunks: list[str] = [el.text or ""]
        for c in el:
            if not isinstance(c.tag, str):
                pass
            elif c.tag == A + "blockList":
                for item in c:
                    if isinstance(item.tag, str) and item.tag in (A + "item", A + "point"):
                        sub, t = self.point(item)
                        subs.append(sub)
                        chunks.append(t)
                    elif isinstance(item.tag, str):
                        chunks.append(_text(item, self.notes))
                    chunks.append(" ")
            elif c.tag != A + "authorialNote":
                chunks.append(self.with_lists(c, subs))
            elif c.tag == A + "authorialNote":
                self.notes.add(c)
            chunks.append(" " if c.tag in _BLOCK or c.tag == A + "blockList" else "")
            chunks.append(c.tail or "")
        return "".join(chunks)

    def operative(self, body: etree._Element, part: str | None, out: list[Paragraph],
                  current: Paragraph | None) -> Paragraph | None:
        """Operative paragraphs of one main body; `current` is the open paragraph (continuations attach to it).
        Each block goes through OPERATIVE_PASSES in order until one takes it; a pass may end the body."""
        self.warnings += _unnest_numbered_points(body)
        cursor = _Cursor(part, out, current)
        for el in self.blocks(body):
            block = _Block(self, el)
            for step in OPERATIVE_PASSES:
                done = step(self, block, cursor)
                if done is _END:
                    return cursor.current
                if done:
                    break
        return cursor.current

    def blocks(self, body: etree._Element):
        """Paragraph-like elements of the main body in order, looking through sections, parts and containers."""
        for el in body:
            if not isinstance(el.tag, str):
                continue
            if el.tag in (A + "paragraph", A + "alinea", A + "p"):
                yield el
            elif el.tag == A + "crossHeading" and "preamble" in (el.get("refersTo") or ""):
                yield el  # a preambular paragraph inside a section ("Having considered ...")
            elif el.tag in (A + "subheading", A + "heading"):
                yield el  # headings may name a section ("II") or start an annex
            elif el.tag in (A + "crossHeading", A + "num"):
                continue
            elif el.tag == A + "table":
                yield el
            elif el.tag in (A + "section", A + "part", A + "container", A + "chapter", A + "division",
                            A + "hcontainer", A + "tblock"):
                if el.tag != A + "container":
                    # the label stays after the section closes: some files close a section after its
                    # heading and preamble and put its paragraphs after it
                    self.sections_seen += 1
                    self.sections.enter(_section_label(el) or str(self.sections_seen))
                yield from self.blocks(el)
            else:
                self.warnings.append(f"skipped <{_local(el)}> in the main body")

    def numbered(self, el: etree._Element, number: str, part: str | None) -> Paragraph:
        lst = el.find(A + "list")
        if lst is None:
            content = el.find(A + "content")
            src = content if content is not None else el
            return Paragraph(OPERATIVE, 0, number, self.lead(src), _ws(_text(src, self.notes)), part=part,
                             footnotes=self.notes.current)
        intro = lst.find(A + "intro")
        verb = self.lead(intro if intro is not None else lst)
        text, subs = self.list_items(lst)
        # anything after the list inside the same paragraph (alinea, stray points) continues the text
        for extra in lst.itersiblings():
            if extra.tag == A + "point":
                s, t = self.point(extra)
                subs.append(s)
                text = f"{text} {t}"
            elif isinstance(extra.tag, str):
                more = _ws(_text(extra, self.notes))
                text = f"{text} {more}" if more else text
        return Paragraph(OPERATIVE, 0, number, verb, _ws(text), part=part, subparagraphs=subs,
                         footnotes=self.notes.current)

    def list_items(self, lst: etree._Element) -> tuple[str, list[SubParagraph]]:
        """Text of a <list> (intro, points, nested sublists, wrap-up) and its sub-paragraph tree."""
        chunks: list[str] = []
        subs: list[SubParagraph] = []
        # the texts of sublists that follow a point, joined to its text once at the end: joining each as it
        # comes re-normalises the growing text every time, quadratic in a list of thousands of sublists
        grown: dict[int, tuple[SubParagraph, list[str]]] = {}
        stray: list[str] = []  # text of other elements since the last point: its own if a sublist of it follows
        for c in lst:
            if not isinstance(c.tag, str):
                continue
            if c.tag == A + "point":
                s, t = self.point(c)
                subs.append(s)
                chunks.append(t)
                stray = []
            elif c.tag in (A + "sublist", A + "list", A + "blockList") and subs and _continues_letters(subs[-1], c):
                # "(i)" after "(h)", "(ii)" after "(hh)" marked up as a sublist: the next letters, not numerals
                t, more = self.list_items(c)
                subs += more
                chunks.append(t)
                stray = []
            elif c.tag in (A + "sublist", A + "list", A + "blockList") and subs:
                # a sublist after point (a) holds (a)'s own (i), (ii)
                t, nested = self.list_items(c)
                parent = subs[-1]
                parent.subparagraphs += nested
                grown.setdefault(id(parent), (parent, []))[1].extend([*stray, t])
                chunks.append(t)
                stray = []
            else:
                chunks.append(_text(c, self.notes))
                stray.append(chunks[-1])
        for parent, texts in grown.values():
            parent.text = _ws(" ".join([parent.text, *texts]))
        return _ws(" ".join(chunks)), subs

    def point(self, pt: etree._Element) -> tuple[SubParagraph, str]:
        num = _ws(_text(pt.find(A + "num"), None)) if pt.find(A + "num") is not None else ""
        label = num.strip("().'‘’ ") or num
        inner = pt.find(A + "list")
        if inner is not None:
            text, nested = self.list_items(inner)
            rest = " ".join(_text(c, self.notes) for c in pt if isinstance(c.tag, str)
                            and c.tag not in (A + "num", A + "list"))
            text = _ws(f"{rest} {text}")
        else:
            nested = []
            text = _ws(" ".join(_text(c, self.notes) for c in pt if isinstance(c.tag, str) and c.tag != A + "num"))
        sub = SubParagraph(label, text, subparagraphs=nested)
        return sub, _ws(f"{num} {text}") if num else text

    def attach_sub(self, current: Paragraph, label: str, text: str) -> None:
        """Add an unnumbered "(c) ..." paragraph to the operative paragraph before it (`numbering.attach_sub`:
        "(i)" after "(a)" nests under (a), as does "'2'", how Arabic files print (ii)), with its footnotes."""
        attach_sub(current, _ws(label), text)
        current.footnotes += self.notes.current


def _unnest_numbered_points(body: etree._Element) -> list[str]:
    """Move out an operative paragraph marked up as a point inside the list of the paragraph before it
    (S/RES/2820 (2026) nests "5. Decides ..." under 4 (d) (iv), where (d) is its own <paragraph>): a point
    numbered "n." after operative paragraph n-1 becomes the paragraph after the element holding it."""
    def num_of(el: etree._Element) -> str:
        n = el.find(A + "num")
        return _ws(_text(n, None)) if n is not None else ""

    moves: list[tuple[etree._Element, etree._Element]] = []
    last = 0
    for para in list(body.iter(A + "paragraph")):
        own = _OPERATIVE_NUM.match(num_of(para))
        if own and own.group(1).isdigit():
            last = int(own.group(1))
        for pt in para.iter(A + "point"):
            if last and re.fullmatch(r"\d{1,3}\.", num_of(pt)) and int(num_of(pt)[:-1]) == last + 1:
                moves.append((para, pt))
                last += 1
    for para, pt in reversed(moves):
        pt.getparent().remove(pt)
        pt.tag = A + "paragraph"
        para.addnext(pt)
    return [f"paragraph {num_of(pt)} was marked up inside the list of the one before it" for _, pt in moves]


def _quoted_number(number: str, current: Paragraph) -> bool:
    """True for a numbered paragraph printed inside the operative paragraph before it: a dotted number
    after a whole one (76/3 adopts a document numbered 1.1, 1.2 ...) or, after a paragraph that ends with
    a colon, a number that does not continue the count (78/248: "14. Decides to approve the
    following amendment ...: Article 9, new paragraph 4: 4. In hearing ...")."""
    if not (current.number or "").isdigit():
        return False
    if "." in number:
        return True
    return current.text.rstrip().endswith(":") and number != "1" and int(number) != int(current.number) + 1


def _next_letter(label: str) -> str | None:
    """The label after a letter label in the printed sequence: "h" -> "i", "hh" -> "ii", "z" -> "aa"."""
    if not re.fullmatch(r"([a-z])\1*", label):
        return None
    return "a" * (len(label) + 1) if label[0] == "z" else chr(ord(label[0]) + 1) * len(label)


def _continues_letters(parent: SubParagraph, sublist: etree._Element) -> bool:
    """True when a sublist after point `parent` holds the next letters of the same list rather than nested
    roman numerals: its labels follow `parent` letter by letter and the point after it follows them too
    ("(h)", sublist "(i)", "(j)"); a true nested list "(i)", "(ii)" after "(h)" breaks the letter sequence."""
    labels = [_ws(_text(n, None)).strip("().'‘’ ") for n in _xpath("a:point/a:num|a:item/a:num")(sublist)]
    if not labels:
        return False
    prev = parent.number
    for label in labels:
        if label != _next_letter(prev):
            return False
        prev = label
    after = next((x for x in sublist.itersiblings() if isinstance(x.tag, str)), None)
    if after is None or after.tag != A + "point" or after.find(A + "num") is None:
        return True
    return _ws(_text(after.find(A + "num"), None)).strip("().'‘’ ") == _next_letter(prev)


def _section_label(el: etree._Element) -> str | None:
    """A section's printed label: its <num> ("I"), or a short subheading that is only a label ("A")."""
    for child in el:
        if child.tag == A + "p" and len(child) == 1 and child[0].tag == A + "num":
            child = child[0]  # <p><num>I</num></p>
        if child.tag in (A + "num", A + "subheading", A + "heading"):
            label = _ws(_xpath("string()")(child)).strip(".")
            if label and (child.tag == A + "num" or sections.label(label) == label):
                return label
        elif child.tag not in (A + "subheading", A + "heading", A + "num"):
            break
    return None


def _is_decoration(el: etree._Element, text: str) -> bool:
    """A heading or separator among preambular paragraphs: all text bold ("Transport corridors"), or "* * *"."""
    if not re.search(r"\w", text):
        return True
    bold = "".join("".join(s.itertext()) for s in el.iter(A + "span", A + "b") if "bold" in (s.get("class") or "")
                   or s.tag == A + "b")
    return _ws(bold) == text


# -- operative paragraphs: one block at a time, through named passes ----------------------------------------
# Each pass reads one block of the main body (a <paragraph>, heading, table ...) with the paragraph being
# read (`cursor.current`), and either takes the block (True), leaves it to the next pass (False), or ends the
# main body (_END). The order matters where two passes could both read a block; each docstring says why it
# comes where it does.
_END = object()


class _Cursor:
    """Where the operative paragraphs of one main body are being read: its part, the paragraphs so far, and
    the open paragraph that unnumbered continuations attach to."""

    def __init__(self, part: str | None, out: list[Paragraph], current: Paragraph | None):
        self.part = part
        self.out = out
        self.current = current

    def open(self, reader: "_Reader", paragraph: Paragraph) -> None:
        """A new operative paragraph, read under the current section."""
        self.current = reader.sections.place(paragraph)
        self.out.append(paragraph)


class _Block:
    """One block of a main body: its printed number and heading; its text and lead (the verb phrase) are read
    once, when a pass first asks (reading the text also collects the block's footnotes)."""

    def __init__(self, reader: "_Reader", el: etree._Element):
        self.reader = reader
        self.el = el
        num = el.find(A + "num")
        self.num_text = _ws(_text(num, None) if num is not None else "")
        heading = el if el.tag in (A + "subheading", A + "heading") else None
        if heading is None and el.find(A + "content") is None and el.find(A + "list") is None:
            heading = el.find(A + "subheading") if el.find(A + "subheading") is not None else el.find(A + "heading")
        self.heading = heading
        self._text: str | None = None
        self._lead: str | None = None

    @property
    def number(self) -> re.Match | None:
        """The operative paragraph number the block's <num> prints ("5.", "5"), if any."""
        return _OPERATIVE_NUM.match(self.num_text) if self.num_text else None

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = _ws(_text(self.el, self.reader.notes))
        return self._text

    @property
    def lead(self) -> str:
        """The verb phrase of the block's content."""
        if self._lead is None:
            self._lead = self.reader.lead(self.el.find(A + "content"))
        return self._lead


def _heading(r: "_Reader", b: _Block, c: _Cursor):
    """A heading, numbered ("I.", "A.") or not: an annex's heading ends the main body; a flat section heading
    ("II") starts a section, after which the numbering may restart; other headings are left out."""
    if b.heading is None:
        return False
    label = b.num_text.strip(".") or _ws(_text(b.heading, None)).strip(".")
    if sections.is_annex(label):
        r.warnings.append(f"main body text after the heading {label[:40]!r} not read (an annex)")
        return _END
    if sections.label(label):
        r.sections.enter(sections.label(label))
    return True


def _new_footnotes(r: "_Reader", b: _Block, c: _Cursor):
    """Every block after a heading starts its own list of footnote markers (read with its text)."""
    r.notes.current = []
    return False


def _cross_heading(r: "_Reader", b: _Block, c: _Cursor):
    """A <crossHeading> in the main body is a preambular paragraph ("Having considered ...")."""
    if b.el.tag != A + "crossHeading":
        return False
    if b.text:
        c.out.append(Paragraph(PREAMBULAR, 0, None, r.lead(b.el), b.text, part=c.part, footnotes=r.notes.current))
    return True


def _table(r: "_Reader", b: _Block, c: _Cursor):
    """A table continues the paragraph before it; one before any operative paragraph is skipped, saying so."""
    if b.el.tag != A + "table":
        return False
    if c.current is not None:
        continue_text(c.current, b.text)
        c.current.footnotes += r.notes.current
    else:
        r.warnings.append("skipped a table before the first operative paragraph")
    return True


def _letter_l_for_one(r: "_Reader", b: _Block, c: _Cursor):
    """The first paragraph's number printed "l." (the letter) is 1. Reads the number; takes no block."""
    if b.num_text.strip(". ") == "l" and c.current is None:
        r.warnings.append("paragraph number printed 'l.' read as 1")
        b.num_text = "1."
    return False


def _quoted_numbered(r: "_Reader", b: _Block, c: _Cursor):
    """A numbered paragraph printed inside the one before it (a quoted document's "1.1", an amendment's
    "4. ..." after a colon: `_quoted_number`) is text of that paragraph; before `_numbered`, which would
    open it as a paragraph of its own."""
    m = b.number
    if not (m and c.current is not None and c.current.part == c.part and _quoted_number(m.group(1), c.current)):
        return False
    quoted = r.numbered(b.el, m.group(1), c.part)
    continue_text(c.current, f"{m.group(1)} {quoted.text}")
    c.current.footnotes += quoted.footnotes
    r.warnings.append(f"paragraph numbered {m.group(1)!r} read as text quoted in paragraph {c.current.number}")
    return True


def _numbered(r: "_Reader", b: _Block, c: _Cursor):
    """A numbered operative paragraph opens; numbering that restarts at 1 within the same section and part
    ends the main body (an annex or a list set in it)."""
    m = b.number
    if not m:
        return False
    cur = c.current
    if r.sections.restarts(m.group(1), cur, c.part):
        r.warnings.append(f"main body text after paragraph {cur.number} not read: numbering restarts at 1 "
                          "(an annex?)")
        return _END
    c.open(r, r.numbered(b.el, m.group(1), c.part))
    return True


def _numbered_sub(r: "_Reader", b: _Block, c: _Cursor):
    """A sub-paragraph marked up as its own <paragraph><num>(b)</num> joins the open paragraph."""
    if not (b.num_text and _SUB_LABEL.match(b.num_text + " ") and c.current is not None):
        return False
    r.attach_sub(c.current, b.num_text, b.text)
    return True


def _other_numbers(r: "_Reader", b: _Block, c: _Cursor):
    """Any other <num>: "A." or "IV" names a section; a numbered block without content is a heading; one with
    content is read as unnumbered, saying so (the next passes read it)."""
    if not b.num_text:
        return False
    if sections.label(b.num_text):
        r.sections.enter(sections.label(b.num_text))
        return True
    if b.el.find(A + "content") is None:
        return True
    r.warnings.append(f"paragraph numbered {b.num_text!r} read as unnumbered")
    return False


def _empty(r: "_Reader", b: _Block, c: _Cursor):
    """A block without text adds nothing."""
    return not b.text


def _text_of_empty_numbered(r: "_Reader", b: _Block, c: _Cursor):
    """"<num>5.</num>" with an empty <p>, its text in the next, unnumbered paragraph (French 78/240): the
    text fills the numbered paragraph."""
    cur = c.current
    if cur is None or not cur.number or cur.text or cur.subparagraphs:
        return False
    cur.text, cur.verb_text = b.text, r.lead(b.el)
    cur.footnotes += r.notes.current
    r.warnings.append(f"paragraph {cur.number}: text read from the unnumbered paragraph after its empty numbered one")
    return True


def _number_in_text(r: "_Reader", b: _Block, c: _Cursor):
    """The markup left the number in the text ("5<tab>Encourages", "16,<tab>Invite", the first paragraph's
    "1<tab>Encomia"): the numbered paragraph is restored when the number continues the count."""
    lost = re.match(r"(\d{1,3})[.,]?\s+", b.text)
    cur = c.current
    if not lost or not (cur is not None and (cur.number or "").isdigit() and cur.part == c.part
                        and int(lost.group(1)) == int(cur.number or 0) + 1
                        or cur is None and lost.group(1) == "1" and b.lead):
        return False
    c.open(r, Paragraph(OPERATIVE, 0, lost.group(1), b.lead, b.text[lost.end():], part=c.part,
                        footnotes=r.notes.current))
    return True


def _unnumbered(r: "_Reader", b: _Block, c: _Cursor):
    """What is left: "(c) ..." joins the open paragraph as a sub-paragraph; a heading (short, no closing
    punctuation, plain or all italic) is left out; text without a verb phrase continues the open paragraph
    (after a list, a quotation), except in presidential statements; else an unnumbered paragraph opens."""
    cur = c.current
    sub = _SUB_LABEL.match(b.text)
    if sub and cur is not None:
        r.attach_sub(cur, sub.group(0), b.text[sub.end():])
    elif sections.is_heading(b.text) and (not b.lead or b.lead == b.text):
        pass
    elif cur is not None and not b.lead and not r.statement_paragraphs:
        continue_text(cur, b.text)
        cur.footnotes += r.notes.current
    else:
        c.current = Paragraph(OPERATIVE, 0, None, r.lead(b.el), b.text, part=c.part, footnotes=r.notes.current)
        c.out.append(c.current)
    return True


OPERATIVE_PASSES = (_heading, _new_footnotes, _cross_heading, _table, _letter_l_for_one, _quoted_numbered,
                    _numbered, _numbered_sub, _other_numbers, _empty, _text_of_empty_numbered, _number_in_text,
                    _unnumbered)


def read(path: Path) -> Resolution:
    """Read one AKN4UN file; raise InputError when it is not a resolution."""
    path = Path(path)
    data = load(path)
    return read_bytes(data, path)


def read_bytes(data: bytes, path: Path) -> Resolution:
    if not data.strip():
        raise InputError(path, "the file is empty")
    try:
        root = etree.fromstring(data, parser=_PARSER)
    except etree.XMLSyntaxError as e:
        raise InputError(path, f"not well-formed XML ({e.msg}, line {e.lineno})") from None
    if root is None or _local(root) != "akomaNtoso":
        raise InputError(path, f"XML without a resolution: root element <{_local(root) if root is not None else ''}>"
                         ", expected <akomaNtoso>")
    source = source_of(path, data, "akn")
    return _Reader(path, root).resolution(source)


@functools.lru_cache(maxsize=256)
def _xpath(path: str) -> etree.XPath:
    """An XPath of the reader's, compiled once per process (`el.xpath(...)` compiles it at every call)."""
    return etree.XPath(path, namespaces={"a": AKN})


_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_comments=True)
