"""The UN's metadata extracts (`unkg ingest --meta FILE`): draft, committee, agenda item, sponsors, votes.

The extracts come as a sequence of JSON objects (GA, SC), or as JSON strings holding them (HRC), sometimes
with stray quote lines between records: `load_records` reads any of these. Records are matched to a
Resolution by its symbol; `apply` copies what the reader did not find into the model. Member States are
named as the metadata spells them ("BOLIVIA (PLURINATIONAL STATE OF)", "TÜRKİYE"); `state_iri` turns such a
name into the State's concept IRI from ontology/vocab/states.ttl.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any, Iterable, Iterator

import rdflib
from rdflib.namespace import RDF, SKOS

from unkg.config import ONTOLOGY_NS
from unkg.errors import InputError
from unkg.ingest.model import Resolution, Vote
from unkg.ingest.readers.source import load
from unkg.iris import Symbol, sdg

MetadataIndex = dict[str, dict[str, Any]]  # canonical symbol -> record

_VOTE_LISTS = {"MS_in_favour": "Y", "MS_against": "N", "MS_abstaining": "A"}


# -- reading the extracts -------------------------------------------------------------------------------
def load_records(path: str | Path) -> list[dict[str, Any]]:
    """Every record (a JSON object with a "symbol") in one metadata file, however it is wrapped."""
    p = Path(path)
    try:
        text = load(p).decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(p, f"cannot read metadata: not UTF-8 (byte {e.start})") from None
    records = [r for r in _objects(text) if isinstance(r.get("symbol"), str)]
    if not records:
        # nothing to match resolutions on: a wrong file, or one broken throughout, not an empty extract
        raise InputError(p, "no metadata record decodes (expected JSON objects with a \"symbol\")")
    return records


def _objects(text: str, depth: int = 0) -> list[dict[str, Any]]:
    """Decode a run of JSON values; strings holding JSON are opened; undecodable lines are skipped."""
    dec = json.JSONDecoder()
    out: list[dict[str, Any]] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c in "{[":
            try:
                value, i = dec.raw_decode(text, i)
            except json.JSONDecodeError:
                nl = text.find("\n", i)  # a broken record: skip its line, keep the rest
                i = n if nl < 0 else nl + 1
                continue
            out += [v for v in (value if isinstance(value, list) else [value]) if isinstance(v, dict)]
        elif c == '"' and depth < 2:
            try:
                value, j = dec.raw_decode(text, i)
            except json.JSONDecodeError:
                value, j = None, i + 1
            inner = _objects(value, depth + 1) if isinstance(value, str) and value.lstrip()[:1] in "{[" else []
            if inner:
                out += inner
                i = j
            else:
                i += 1  # a stray quote (HRC files wrap lines in unescaped quotes): look inside instead
        else:
            i += 1
    return out


def symbol_key(symbol: str) -> str:
    """The canonical form records and resolutions are matched on."""
    try:
        return Symbol.parse(symbol).text
    except ValueError:
        return " ".join(symbol.split())


def load_index(paths: Iterable[str | Path]) -> MetadataIndex:
    """Records of metadata files (or folders of them) by canonical symbol; later files win."""
    index: MetadataIndex = {}
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(p.rglob("*.json"))
        elif p.is_file():
            found = [p]
        else:
            raise InputError(p, "no such metadata file or folder")
        for f in found:
            for rec in load_records(f):
                index[symbol_key(rec["symbol"])] = rec
                if rec.get("sc_symbol"):
                    index.setdefault(symbol_key(rec["sc_symbol"]), rec)
    return index


def lookup(index: MetadataIndex, symbol: str) -> dict[str, Any] | None:
    key = symbol_key(symbol)
    if key in index:
        return index[key]
    try:
        sym = Symbol.parse(symbol)
    except ValueError:
        return None
    if sym.part and sym.session and sym.number:
        # "A/RES/75/101 A" printed alone, recorded as "A/RES/75/101 A-B": the record of the whole
        base = f"{sym.prefix}/{sym.type}/{sym.session}/{sym.number}"
        for k, rec in index.items():
            if k.startswith(base + " ") and sym.part[0] in _part_letters(k[len(base) + 1:]):
                return rec
        return index.get(base)
    return None


def _part_letters(part: str) -> set[str]:
    m = re.fullmatch(r"([A-Z])-([A-Z])", part)
    if m:
        return {chr(c) for c in range(ord(m.group(1)), ord(m.group(2)) + 1)}
    return {part}


# -- into the model -------------------------------------------------------------------------------------
def apply(res: Resolution, index: MetadataIndex) -> bool:
    """Fill draft, committee, report, agenda item, meeting, sponsors and vote from the record of
    `res.symbol` (and the title of an English version the reader found none for, as the UN's catalogue
    gives it: "Security Council resolution 2672 (2023) [on humanitarian situation in the Syrian Arab
    Republic ...]"); fields the reader already set are kept. Returns whether a record was found."""
    rec = lookup(index, res.symbol)
    if rec is None:
        return False
    if not res.title and res.language == "en":
        res.title = _text(rec.get("title")) or _text(rec.get("resolution_title")) or res.title
    origin = _text(rec.get("originating_document"))
    draft = _text(rec.get("draft_resolution"))
    if not draft and origin and "/L." in origin:
        draft = origin
    res.draft = res.draft or draft
    if origin and "/L." not in origin and not res.report:
        res.report = origin.split(",")[0].strip() or None
    committee = _text(rec.get("committee"))
    if committee and not committee.lower().startswith("without reference") and not res.committee:
        res.committee = committee
    agenda = _text(rec.get("agenda_item"))
    if agenda and not res.agenda_item:
        res.agenda_item = re.sub(r"^agenda items?\s+", "", agenda, flags=re.I) or None
    res.meeting = res.meeting or _text(rec.get("adoption_meeting"))
    sponsors = read_sponsors(list(rec.get("sponsors") or []) + list(rec.get("additional_sponsors") or []))
    if not res.sponsors:
        res.sponsors = sponsors.states
    res.vote = vote_from(rec) or res.vote
    unresolved = sponsors.unresolved + (res.vote.unresolved if res.vote else [])
    for name in unresolved:
        res.warnings.append(f"metadata of {rec['symbol']}: {name!r} names no known State")
    for goal in rec.get("SDGs") or []:
        iri = sdg(str(goal).strip())
        if str(goal).strip().isdigit() and iri not in res.keywords:
            res.keywords.append(iri)
    return True


def vote_from(rec: dict[str, Any]) -> Vote | None:
    """How the resolution was adopted, with counts and each Member State's vote when it was voted on."""
    how = (_text(rec.get("adoption_type")) or "").strip()
    kind = (_text(rec.get("voting_type")) or "").strip()
    low = f"{how} {kind}".lower()
    by_state: dict[str, str] = {}
    unresolved: list[str] = []
    for key, code in _VOTE_LISTS.items():
        for name in clean_names(rec.get(key) or []):
            for state in _state_names(name) or []:
                by_state[state] = code
            if not _state_names(name):
                unresolved.append(name)
    counts = [_int(rec.get(k)) for k in ("MS_in_favour_count", "MS_against_count", "MS_abstaining_count")]
    if "without" in low and "vote" in low:
        return Vote("without a vote")
    m = re.search(r"(\d+)-(\d+)-(\d+)", how)
    if "recorded" in low:
        method = "recorded vote"
    elif "unanim" in low:
        method = "unanimously"
    elif m or by_state or any(counts):
        method = "vote"
    elif not how:
        return None
    else:
        method = how.lower()
    if m and not any(counts):
        counts = [int(x) for x in m.groups()]
    if not any(counts) and by_state:
        counts = [sum(1 for v in by_state.values() if v == c) for c in "YNA"]
    vote = Vote(method, *(counts if any(c is not None for c in counts) else [None, None, None]), by_state=by_state)
    vote.unresolved = unresolved
    return vote


# -- sponsors -------------------------------------------------------------------------------------------
# Entries of the sponsor lists that name no State but who submitted the draft, or notes caught in the list
# ("SUBMITTED BY THE CHAIR ...", "INTRODUCED IN THE COMMITTEE BY ...", "ANNEX: ...").
_NOT_A_STATE = re.compile(
    r"\b(SUBMITTED|INTRODUCED|ON THE BASIS|REPORT OF|SECRETARY-GENERAL|BUREAU|CONSULTATIONS|AMENDMENT|ANNEX|"
    r"COMMITTEE|PRESIDENT|CHAIR|RAPPORTEUR)\b", re.I)
# What follows a State acting for others: "UGANDA (ON BEHALF OF THE ... GROUP OF 77 AND CHINA)",
# "GUINEA, ON BEHALF OF ...", "EGYPT (IN ITS CAPACITY AS CHAIR OF ...)".
_ON_BEHALF = re.compile(r"\s*(?:\((?:ON|OF|IN ITS)\b[^)]*\)?|,\s*(?:ON|IN ITS) BEHALF\b.*$|,\s*ON BEHALF\b.*$)", re.I)
_ITEM_SEPARATOR = re.compile(r"\s*(?:[,;]|\.\s)\s*")
_TRAILING_NOTE = re.compile(r"\.\s*SUBSEQUENTLY$", re.I)


@dataclass
class Sponsors:
    states: list[str] = field(default_factory=list)  # names as printed (one per State, first spelling kept)
    others: list[str] = field(default_factory=list)  # submitters and notes that name no State
    unresolved: list[str] = field(default_factory=list)  # neither: reported by the ingest


def read_sponsors(names: Iterable[str]) -> Sponsors:
    """Sort a metadata sponsor list into States, other submitters, and names that resolve to nothing."""
    out = Sponsors()
    seen: set[str] = set()
    for name in clean_names(names):
        states = _state_names(name)
        if states is None:
            (out.others if _NOT_A_STATE.search(name) else out.unresolved).append(name)
            continue
        for state in states:
            iri = state_iri(state)
            if iri not in seen:
                seen.add(iri)
                out.states.append(state)
    return out


def _state_names(name: str) -> list[str] | None:
    """The State names one list entry holds: itself; the State before "(on behalf of ...)"; several States
    run together ("CHILE,DOMINICAN REPUBLIC", "UNITED STATES AND VIET NAM", "ANGOLA BAHAMAS"); the piece of
    one long name that a list split in two ("NORTHERN IRELAND"). None when the entry is not made of State
    names only."""
    if state_iri(name):
        return [name]
    core = _TRAILING_NOTE.sub("", _ON_BEHALF.sub(" ", name)).strip(" ,.;")
    core = re.sub(r"(?<=[A-Z]{3})AND\s", " AND ", core)  # "UNITED KINGDOMAND URUGUAY"
    if not core:
        return None
    out: list[str] = []
    for part in (p for p in _ITEM_SEPARATOR.split(core) if p):
        found = _one_item(part)
        if found is None:
            return None
        out += found
    return out


def _one_item(part: str) -> list[str] | None:
    if state_iri(part):
        return [part]
    for m in re.finditer(r"\s+AND\s+", part, flags=re.I):  # "TRINIDAD AND TOBAGO AND URUGUAY"
        head, rest = part[:m.start()], part[m.end():]
        tail = _one_item(rest) if state_iri(head) else None
        if tail:
            return [head, *tail]
    words = _split_words(part.split())
    if words:
        return words
    fragment = _fragment_of(part)
    return [fragment] if fragment else None


def _fragment_of(part: str) -> str | None:
    """The one State whose name starts or ends with this long piece ("LAO PEOPLE'S DEMOCRATIC"), as its
    prefLabel-resolving key; None when several or none do."""
    k = _key(_THE.sub("", part))
    if len(k) < 12:
        return None
    labels, keys = _state_labels()
    hits = {labels[c] for c in keys if c != k and (c.startswith(k) or c.endswith(k))}
    if len(hits) != 1:
        return None
    iri = hits.pop()
    return next(c for c in keys if labels[c] == iri)


def _split_words(words: list[str]) -> list[str] | None:
    """Words that are two or more State names in a row ("ANGOLA BAHAMAS"), each matched exactly."""
    if len(words) < 2:
        return None
    labels, _keys = _state_labels()
    best: dict[int, list[str]] = {0: []}
    for end in range(1, len(words) + 1):
        for start in range(end):
            if start in best and _key(" ".join(words[start:end])) in labels:
                best[end] = best[start] + [" ".join(words[start:end])]
                break
    found = best.get(len(words))
    return found if found and len(found) > 1 else None


def clean_names(names: Iterable[str]) -> list[str]:
    """Member State names from a metadata list: trimmed, and names split over two entries joined again:
    neighbours ("CÔTE." + "D'IVOIRE", "LAO PEOPLE'S DEMOCRATIC" + "REPUBLIC"), or fragments the list's
    sorting parted ("SOLOMON" ... "ISLANDS")."""
    items = [" ".join(str(raw).split()).strip(" ,;") for raw in names]
    items = [i for i in items if i]
    out: list[str] = []
    i = 0
    while i < len(items):
        name = items[i]
        if not state_iri(name) and i + 1 < len(items):
            joined = f"{name.rstrip('.')} {items[i + 1]}"
            if state_iri(joined) and not state_iri(items[i + 1]):
                out.append(joined)
                i += 2
                continue
        out.append(name)
        i += 1
    loose = [k for k, n in enumerate(out) if not state_iri(n) and not _NOT_A_STATE.search(n)]
    for a in loose:
        for b in loose:
            if a != b and out[a] and out[b] and state_iri(f"{out[a]} {out[b]}"):
                out[a], out[b] = f"{out[a]} {out[b]}", ""
    out = [n for n in out if n]
    for k, name in enumerate(out):
        if not state_iri(name) and not _NOT_A_STATE.search(name) and 0 < k < len(out) - 1:
            out[k] = _between(name, out[k - 1], out[k + 1]) or name
    return out


def _between(fragment: str, before: str, after: str) -> str | None:
    """A mangled entry of an alphabetical list ("THE OF KOREA" between "POLAND" and "SAN MARINO"): the one
    State whose name ends with its last words and sorts between its neighbours, when there is exactly one."""
    words = _THE.sub("", fragment).split()
    tail = _key(" ".join(words[-2:]))
    lo, hi = _key(before), _key(after)
    if len(tail) < 6 or not (state_iri(before) and state_iri(after)) or not lo < hi:
        return None
    labels, keys = _state_labels()
    hits = {c for c in keys if c.endswith(tail) and lo < c < hi}
    return hits.pop() if len({labels[c] for c in hits}) == 1 else None


def _text(v: Any) -> str | None:
    if v is None:
        return None
    s = " ".join(str(v).split())
    return s if s and s.upper() not in ("N.A.", "NA", "N/A") else None


def _int(v: Any) -> int | None:
    try:
        return int(str(v).strip())
    except (TypeError, ValueError):
        return None


# -- Member States ----------------------------------------------------------------------------------------
def _key(name: str) -> str:
    """Letters only, capitals, no accents: 'Côte d’Ivoire', "COTE D'IVOIRE" and 'GE RMANY' -> one key each."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^A-Z]", "", text.upper())


@lru_cache(maxsize=1)
def _state_labels() -> tuple[dict[str, str], list[str]]:
    """Label key -> State IRI, from ontology/vocab/states.ttl (prefLabel, altLabels, ISO codes)."""
    g = rdflib.Graph()
    try:
        g.parse(data=(files("unkg.ontology.vocab") / "states.ttl").read_text(encoding="utf-8"), format="turtle")
    except FileNotFoundError:
        return {}, []
    state = rdflib.URIRef(ONTOLOGY_NS + "State")
    labels: dict[str, str] = {}
    for s in g.subjects(RDF.type, state):
        for p in (SKOS.prefLabel, SKOS.altLabel):
            for label in g.objects(s, p):
                labels.setdefault(_key(_THE.sub("", str(label))), str(s))
    return labels, sorted(labels)


def _near(k: str, keys: list[str]) -> Iterator[tuple[str, Any]]:
    """The labels whose likeness to `k` (difflib's ratio) may reach 0.85, with their matchers.

    Below that a label can be neither the nearest State (0.9 needed) nor a rival close to it (within
    0.05), so state_iri decides the same without it. The two bounds are difflib's own, cheapest first:
    the lengths (real_quick_ratio), then the letters in common (quick_ratio)."""
    import difflib  # stdlib: the installed package needs nothing more

    for cand in keys:
        if 2.0 * min(len(k), len(cand)) / (len(k) + len(cand)) < 0.85:
            continue
        m = difflib.SequenceMatcher(None, k, cand)
        if m.quick_ratio() >= 0.85:
            yield cand, m


# "THE GAMBIA", "BAHAMAS (THE)", "THE UNITED KINGDOM": the article is no part of the name.
_THE = re.compile(r"^\s*THE\s+|\s*\(THE\)\s*$", re.I)


@lru_cache(maxsize=4096)
def state_iri(name: str) -> str | None:
    """The concept IRI of the State the metadata names `name`, or None when it names no State.

    Exact on letters (case, accents, spaces and punctuation ignored), then one close spelling
    ("NAMBIA", "LICHTENSTEIN") when a single State is clearly nearest.
    """
    labels, keys = _state_labels()
    k = _key(_THE.sub("", name))
    if not k:
        return None
    if k in labels:
        return labels[k]
    if len(k) < 5:
        return None
    scored = sorted(((m.ratio(), cand) for cand, m in _near(k, keys)), reverse=True)[:2]
    if scored and scored[0][0] >= 0.9 and (len(scored) < 2 or scored[1][0] < scored[0][0] - 0.05
                                          or labels[scored[1][1]] == labels[scored[0][1]]):
        return labels[scored[0][1]]
    return None
