"""Mandates: a provision that requests (or decides) that a named organ act or report.

Who: the first addressee (request) or the adopting body (decision). What: the first task word of the grammar
in the provision ("report", "convene", "study", "appoint", "remain seized" ...). To whom: the actors named
right after "to" following the task word ("to the General Assembly and the Human Rights Council"). When:
"at its eightieth session" -> due_session "80" (ordinals are grammar: en/fr/es number words). How often:
"annually", "every two years" ... A decision without a task word is not a mandate.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Callable

from unkg.ingest.extract.mentions import Mention
from unkg.ingest.extract.tokens import Token, lows
from unkg.ingest.model import Concept, Mandate

REQUEST_MODALITIES = ("request",)
DECISION_MODALITIES = ("decision",)


def build_mandate(text: str, base: int, toks: list[Token], lo: int, hi: int, mentions: list[Mention],
                  actor: Concept | None, decision: bool, gram: dict[str, Any],
                  concept: Callable[[Mention], Concept]) -> Mandate | None:
    """The mandate of one provision: `text` at offset `base`, its words after the verb are toks[lo:hi]."""
    task, at = _task(toks, lo, hi, gram)
    if decision and task == "other":
        return None
    if actor is None and not decision:
        return None
    obj = ""
    recipients: list[Concept] = []
    if at is not None:
        noun = _object_noun(toks, lo, hi, at, task, gram)
        obj = _object_text(text, toks[noun if noun is not None else at].start - base)
        recipients = _recipients(toks, at, hi, mentions, gram, concept)
    due = due_session = None
    m = re.search(gram["session"], text, re.I)
    if m:
        due = m.group(0)
        n = ordinal(m.group(1), gram)
        due_session = str(n) if n else None
    rx, names = _frequency_re(tuple((k, tuple(v)) for k, v in gram["frequency"].items()))
    f = rx.search(text.lower())
    freq = names[f.group(0)] if f else None
    return Mandate(actor=actor, task=task, object_text=obj, recipients=recipients, due=due,
                   due_session=due_session, frequency=freq, start=base, end=base + len(text))


def _task(toks: list[Token], lo: int, hi: int, gram: dict[str, Any]) -> tuple[str, int | None]:
    """The first task word's category and token index ("other", None when there is none)."""
    by_first = _task_phrases(gram)
    best: tuple[int, str, int] | None = None
    for i in range(lo, hi):
        for name, ph in by_first.get(toks[i].low, ()):
            n = len(ph)
            if i + n <= hi and all(toks[i + k].low == ph[k] for k in range(1, n)):
                # decisions to keep an item or a mandate come first: they are the whole task
                rank = -1 if name in ("continue-consideration", "appointment") else i
                if best is None or rank < best[0]:
                    best = (rank, name, i)
        if best is not None and best[0] == -1:
            break
    if best is None:
        return "other", None
    return best[1], best[2]


@lru_cache(maxsize=8)
def _task_phrases_cached(items: tuple) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    out: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for name, phrases in items:
        for p in phrases:
            ph = lows(p)
            out.setdefault(ph[0], []).append((name, ph))
    return out


def _task_phrases(gram: dict[str, Any]) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    return _task_phrases_cached(tuple((k, tuple(v)) for k, v in gram["tasks"].items()))


@lru_cache(maxsize=8)
def _frequency_re(items: tuple) -> tuple[re.Pattern, dict[str, str]]:
    names = {w: name for name, words in items for w in words}
    alts = "|".join(re.escape(w) for w in sorted(names, key=len, reverse=True))
    return re.compile(rf"\b(?:{alts})\b"), names


def _object_noun(toks: list[Token], lo: int, hi: int, at: int, task: str, gram: dict[str, Any]) -> int | None:
    """Index of the article before a task word of `task` (at or after token `at`) used as a noun ("a
    report", "a midterm progress report"), if any."""
    arts = {lows(a)[0] for a in gram.get("articles", ())}
    stops = {lows(m)[0] for m in gram["complement_markers"]} | {",", ";", ":"}
    phrases = [lows(p) for p in gram["tasks"].get(task, ())]
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
