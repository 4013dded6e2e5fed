"""Mandates: the tasks a provision gives named entities (docs/mandates.md).

A provision that requests or invites a named entity of the United Nations system (not States, not civil
society) to do something, or by which the adopting body decides something for itself ("Decides to include in
the provisional agenda of its eighty-second session ..."), gives one mandate per entity and per task:
"requests the Secretary-General to submit a report ... and to convene a meeting ..." gives two. Each has:
- task: the first cue word of ontology/vocab/tasks.ttl in its words (an oral update or an agenda decision
  anywhere in them wins over a plain report cue); a decision without a cue is no mandate;
- due session: "at its eightieth session" -> "80" (ordinals are grammar: en/fr/es number words); due year:
  printed ("in 2026", "by 2030"), else the year the due session opens (GA: N + 1945; HRC: three a year);
- recurrence: a wording of ontology/vocab/recurrence.ttl ("annually", "every two years"), else once;
- period ("for a period of three years"), review clause, within existing resources: grammar patterns.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any, Callable

from rdflib import RDF, SKOS, Graph

from unkg.config import VOCAB_NS
from unkg.ingest.extract.mentions import Mention
from unkg.ingest.extract.tokens import Token, lows
from unkg.ingest.model import Concept, Mandate, Provision

REQUEST_MODALITIES = ("request",)
DECISION_MODALITIES = ("decision",)
# verbs of another modality that still hand a named entity a task ("Invites the Special Rapporteur to ...")
MANDATING_VERBS = ("invite",)
UN_SYSTEM = VOCAB_NS + "actors/united-nations-system"
# the whole system or a catch-all of its agencies names no one who could be held to a task
GENERIC = (UN_SYSTEM, VOCAB_NS + "actors/funds-programmes-and-specialized-agencies")
# tasks that are the point of a segment wherever their cue is ("to present an oral update")
OVERRIDING = ("agenda_item", "extend_mandate", "oral_update")


@dataclass
class Cues:
    """Per language: cue phrases (as lower-case token tuples) -> task or recurrence notation."""

    tasks: dict[str, list[tuple[tuple[str, ...], str]]]
    recurrence: dict[str, list[tuple[tuple[str, ...], str, str]]]


def _scheme(name: str) -> Graph:
    return Graph().parse(data=(files("unkg.ontology.vocab") / name).read_text(encoding="utf-8"), format="turtle")


@lru_cache(maxsize=4)
def cues(language: str) -> Cues:
    """The cue phrases of the tasks and recurrence schemes in one language, first words as keys."""
    tasks: dict[str, list] = {}
    rec: dict[str, list] = {}
    for name, out in (("tasks.ttl", tasks), ("recurrence.ttl", rec)):
        g = _scheme(name)
        for c in g.subjects(RDF.type, SKOS.Concept):
            notation = str(g.value(c, SKOS.notation))
            for p in (SKOS.prefLabel, SKOS.altLabel):
                for lab in g.objects(c, p):
                    if lab.language != language or (name == "recurrence.ttl" and p == SKOS.prefLabel):
                        continue
                    ph = lows(str(lab))
                    out.setdefault(ph[0], []).append((ph, notation, str(lab)))
    for d in (tasks, rec):
        for v in d.values():
            v.sort(key=lambda x: -len(x[0]))  # longest first
    return Cues({k: [(ph, n) for ph, n, _ in v] for k, v in tasks.items()}, rec)


def named_entity(c: Concept, vocab: Any) -> bool:
    """An organ, office, mechanism or agency of the United Nations system, or the adopting body."""
    if c.id in GENERIC:
        return False
    seen, todo = set(), [c.id]
    while todo:
        x = todo.pop()
        info = vocab.concepts.get(x)
        if info is None or x in seen:
            continue
        seen.add(x)
        if UN_SYSTEM in info.broader:
            return True
        todo.extend(info.broader)
    return False


def mandates_of(prov: Provision, verb: str, toks: list[Token], lo: int, hi: int, mentions: list[Mention],
                vocab: Any, gram: dict[str, Any], body: str, concept: Callable[[Mention], Concept]) -> list[Mandate]:
    """The mandates a provision gives: a request or invitation to named entities of the UN system, or a
    decision of the adopting body (its addressee) with a task; none for calls on States or others."""
    decision = prov.modality in DECISION_MODALITIES
    if decision:
        entities = prov.addressees[:1]
    elif prov.modality in REQUEST_MODALITIES or verb in MANDATING_VERBS:
        entities = [a for a in prov.addressees if named_entity(a, vocab)]
    else:
        return []
    return build_mandates(prov.text, prov.start, toks, lo, hi, mentions, entities, decision, gram, body, concept)


def build_mandates(text: str, base: int, toks: list[Token], lo: int, hi: int, mentions: list[Mention],
                   entities: list[Concept], decision: bool, gram: dict[str, Any], body: str,
                   concept: Callable[[Mention], Concept]) -> list[Mandate]:
    """The mandates of one provision: `text` at offset `base`; its words after the verb are toks[lo:hi];
    `entities` the named entities it asks (the adopting body for a decision)."""
    if not entities:
        return []
    lang = gram.get("lang", "en")
    out: list[Mandate] = []
    segs = _segments(toks, lo, hi, gram)
    for k, (a, b) in enumerate(segs):
        s_start = base if k == 0 else toks[a].start
        s_end = toks[b - 1].end if k + 1 < len(segs) else base + len(text)
        seg_text = text[s_start - base:s_end - base]
        task, at = _task(toks, a, b, cues(lang))
        if decision and task == "other":
            continue
        fields = _fields(seg_text, text, gram, body, task)
        obj = ""
        recipients: list[Concept] = []
        if at is not None:
            noun = _object_noun(toks, a, b, at, task, gram)
            obj = _object_text(text, toks[noun if noun is not None else at].start - base)
            recipients = _recipients(toks, at, b, mentions, gram, concept)
        for e in entities:
            out.append(Mandate(entity=e, task=task, task_text=obj, recipients=list(recipients),
                               text=seg_text, start=s_start, end=s_end, **fields))
    return out


def _segments(toks: list[Token], lo: int, hi: int, gram: dict[str, Any]) -> list[tuple[int, int]]:
    """Token ranges of the coordinated tasks after the verb: "to submit ... and to convene ..." is two; a
    bare "and" between two nouns is not."""
    joins = {k for p in gram["mandate_joins"] for k in lows(p)}
    markers = {lows(m)[0] for m in gram["mandate_markers"]}
    non_inf = {lows(p)[0] for p in gram["non_infinitive_after_to"]}
    cuts = [lo]
    depth = 0
    opened = False  # the addressee phrase ("the Secretary-General, in consultation with X,") is no task
    for i in range(lo, hi - 1):
        low = toks[i].low
        depth += low == "("
        depth -= low == ")"
        if depth or low not in markers or not _infinitive(toks, i + 1, hi, non_inf):
            continue
        if opened and toks[i - 1].low in joins and i - cuts[-1] > 2:
            cuts.append(i if toks[i - 1].low in (",", ";") else i - 1)
        opened = True
    return [(a, b) for a, b in zip(cuts, cuts[1:] + [hi], strict=True) if b > a]


def _infinitive(toks: list[Token], i: int, hi: int, non_inf: set[str]) -> bool:
    """Whether a verb follows a complement marker: not a determiner ("to the"), a word ("d'organiser")."""
    if i < hi and toks[i].low == "'":
        i += 1
    return i < hi and toks[i].low.isalpha() and toks[i].low not in non_inf


def _task(toks: list[Token], lo: int, hi: int, c: Cues) -> tuple[str, int | None]:
    """The segment's task and the token index of its cue ("other", None when there is none)."""
    first: tuple[str, int] | None = None
    for i in range(lo, hi):
        for ph, name in c.tasks.get(toks[i].low, ()):
            n = len(ph)
            if i + n > hi or any(toks[i + k].low != ph[k] for k in range(1, n)):
                continue
            if i + n < hi and toks[i + n].low in _NOT_AFTER_CUE:
                continue  # "the present resolution", "la presente resolución"
            if name in OVERRIDING:
                return name, i
            if first is None:
                first = (name, i)
            break
    return first if first else ("other", None)


# a word after a cue that makes the cue an adjective ("present resolution") or a time ("present session")
_NOT_AFTER_CUE = {"resolution", "résolution", "resolución", "decision", "décision", "decisión", "session",
                  "period", "day", "days", "time", "context", "circumstances", "situation", "crisis"}


def _fields(seg: str, provision: str, gram: dict[str, Any], body: str, task: str) -> dict[str, Any]:
    """Due session and year, recurrence, period, review clause and resources of one segment."""
    due = due_session = due_year = None
    m = _rx(gram["session"]).search(seg)
    if m:
        due = m.group(0)
        n = ordinal(m.group(1), gram)
        due_session = str(n) if n else None
    y = _rx(gram["due_year"]).search(seg)
    if y:
        due_year = y.group(1)
    elif due_session:
        due_year = session_year(_session_body(seg[: m.start()], body, gram), int(due_session))
    recurrence, frequency = _recurrence(seg, cues(gram.get("lang", "en")))
    p = _rx(gram["period"]).search(provision if task == "extend_mandate" else seg)
    return {"due": due, "due_session": due_session, "due_year": due_year, "recurrence": recurrence,
            "frequency": frequency, "period": p.group(1) if p else None,
            "review_clause": bool(_rx(gram["review_clause"]).search(provision)),
            "within_existing_resources": bool(_rx(gram["existing_resources"]).search(provision))}


@lru_cache(maxsize=64)
def _rx(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.I)


def _session_body(before: str, body: str, gram: dict[str, Any]) -> str:
    """The body whose session a due session counts: the last body named before it, else the adopting body."""
    best, at = body, -1
    for name, words in gram["session_bodies"].items():
        for w in words:
            k = before.lower().rfind(w)
            if k > at:
                best, at = name, k
    return best


def session_year(body: str, session: int) -> str | None:
    """The year a session opens: the General Assembly's session N in September of N + 1945; the Human Rights
    Council holds three a year, its fourth in March 2007."""
    if body == "General Assembly":
        return str(session + 1945)
    if body == "Human Rights Council" and session >= 4:
        return str(2007 + (session - 4) // 3)
    return None


def _recurrence(seg: str, c: Cues) -> tuple[str, str | None]:
    words = [(t.group(0).lower(), t.start()) for t in re.finditer(r"\w+|[^\w\s]", seg.replace("’", "'"))]
    for i, (w, _) in enumerate(words):
        for ph, name, _ in c.recurrence.get(w, ()):
            n = len(ph)
            if i + n <= len(words) and all(words[i + k][0] == ph[k] for k in range(n)):
                start = words[i][1]
                end = words[i + n - 1][1] + len(words[i + n - 1][0])
                return name, seg[start:end]
    return "once", None


def _object_noun(toks: list[Token], lo: int, hi: int, at: int, task: str, gram: dict[str, Any]) -> int | None:
    """Index of the article before a cue of `task` (at or after token `at`) used as a noun ("a report", "a
    midterm progress report"), if any: the task text starts there rather than at the verb ("submit")."""
    arts = {lows(a)[0] for a in gram.get("articles", ())}
    stops = {lows(m)[0] for m in gram["complement_markers"]} | {",", ";", ":"}
    phrases = [ph for v in cues(gram.get("lang", "en")).tasks.values() for ph, name in v if name == task]
    for a in range(lo, hi):
        if toks[a].low not in arts:
            continue
        for i in range(a + 1, min(hi, a + 6)):  # "a final report", "a high-level panel discussion"
            for ph in phrases:
                n = len(ph)
                if i >= at and i + n <= hi and all(toks[i + k].low == ph[k] for k in range(n)):
                    return a
            if toks[i].low in stops:
                break
    return None


def _object_text(text: str, at: int) -> str:
    """What is to be done, as printed: from the task word to the end of its clause."""
    rest = text[at:]
    m = re.search(r"[;,:]|\s(?:to|at|by|à|a|en|au|al)\s(?:its|the|sa|la|le|su|l['’])\b", rest)
    obj = rest[: m.start()] if m else rest
    return obj.strip()[:300]


def _recipients(toks: list[Token], at: int, hi: int, mentions: list[Mention], gram: dict[str, Any],
                concept: Callable[[Mention], Concept]) -> list[Concept]:
    markers = {k for p in gram["recipient_markers"] for k in lows(p)}
    out: list[Concept] = []
    chained = None  # token index where the current chain of coordinated recipients may continue
    for m in mentions:
        if m.i <= at or m.j > hi or m.concept.kind != "actor":
            continue
        k = m.i - 1
        while k > at and toks[k].low in ("the", "la", "le", "l", "'", "el", "los", "las"):
            k -= 1
        if toks[k].low in markers or (chained is not None and k <= chained + 2 and toks[k].low in
                                       ("and", "et", "y", "e", ",")):
            c = concept(m)
            if all(c.id != o.id for o in out):
                out.append(c)
            chained = m.j
        elif out:
            break
    return out


def ordinal(words: str, gram: dict[str, Any]) -> int | None:
    """'eightieth' -> 80, 'sixty-first' -> 61, 'quatre-vingtième' -> 80, 'octogésimo primer' -> 81."""
    w = " ".join(words.lower().replace("-", " - ").split()).replace(" - ", "-")
    units, teens, tens, ctens = gram["ordinal_units"], gram["ordinal_teens"], gram["ordinal_tens"], \
        gram["cardinal_tens"]
    for table in (units, teens, tens):
        if w in table:
            return table[w]
    for sep in ("-", " et ", " ", "-et-"):
        if sep in w:
            head, _, tail = w.rpartition(sep)
            h = ctens.get(head) or tens.get(head) or (ordinal(head, gram) if head else None)
            t = units.get(tail) or teens.get(tail)
            if h and t:
                return h + t
    return None
