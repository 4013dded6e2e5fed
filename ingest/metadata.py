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
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any, Iterable

from unkg.errors import InputError
from unkg.iris import Symbol, sdg
from unkg.ingest.model import Resolution, Vote

MetadataIndex = dict[str, dict[str, Any]]  # canonical symbol -> record

_VOTE_LISTS = {"MS_in_favour": "Y", "MS_against": "N", "MS_abstaining": "A"}


# -- reading the extracts -------------------------------------------------------------------------------
def load_records(path: str | Path) -> list[dict[str, Any]]:
    """Every record (a JSON object with a "symbol") in one metadata file, however it is wrapped."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(p, f"cannot read metadata: {e.__class__.__name__}") from None
    return [r for r in _objects(text) if isinstance(r.get("symbol"), str)]


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
    `res.symbol`; fields the reader already set are kept. Returns whether a record was found."""
    rec = lookup(index, res.symbol)
    if rec is None:
        return False
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
    if not res.sponsors:
        res.sponsors = [s for s in _clean_names(list(rec.get("sponsors") or []) + list(rec.get("additional_sponsors") or []))
                        if state_iri(s)]
    res.vote = vote_from(rec) or res.vote
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
    for key, code in _VOTE_LISTS.items():
        for name in _clean_names(rec.get(key) or []):
            by_state[name] = code
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
    return Vote(method, *(counts if any(c is not None for c in counts) else [None, None, None]), by_state=by_state)


def _clean_names(names: Iterable[str]) -> list[str]:
    """Member State names from a metadata list: trimmed, and names split over two entries ("CÔTE." +
    "D'IVOIRE") joined again."""
    out: list[str] = []
    pending = ""
    for raw in names:
        name = " ".join(str(raw).split()).strip(" ,;")
        if not name:
            continue
        if pending:
            joined = f"{pending.rstrip('.')} {name}"
            if state_iri(joined):
                out.append(joined)
                pending = ""
                continue
            out.append(pending)
            pending = ""
        if not state_iri(name) and name.endswith("."):
            pending = name
            continue
        out.append(name)
    if pending:
        out.append(pending)
    return out


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
    import rdflib
    from rdflib.namespace import RDF, SKOS

    from unkg.config import ONTOLOGY_NS

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
                labels.setdefault(_key(str(label)), str(s))
    return labels, sorted(labels)


@lru_cache(maxsize=4096)
def state_iri(name: str) -> str | None:
    """The concept IRI of the State the metadata names `name`, or None when it names no State.

    Exact on letters (case, accents, spaces and punctuation ignored), then one close spelling
    ("NAMBIA", "LICHTENSTEIN") when a single State is clearly nearest.
    """
    labels, keys = _state_labels()
    k = _key(name)
    if not k:
        return None
    if k in labels:
        return labels[k]
    if len(k) < 5:
        return None
    import difflib  # stdlib: the installed package needs nothing more

    scored = sorted(((difflib.SequenceMatcher(None, k, cand).ratio(), cand) for cand in keys), reverse=True)[:2]
    if scored and scored[0][0] >= 0.9 and (len(scored) < 2 or scored[1][0] < scored[0][0] - 0.05
                                          or labels[scored[1][1]] == labels[scored[0][1]]):
        return labels[scored[0][1]]
    return None
