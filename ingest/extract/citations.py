"""Citations of resolutions, decisions, reports and instruments: a small grammar for citation language.

Two kinds of phrase:
- printed symbols: "A/HRC/17/31", "A/CONF.157/24 (Part I)", "S/RES/2720 (2023)";
- numbered references after "resolution(s)"/"decision(s)", with an optional body before ("its", "Human Rights
  Council", "General Assembly") or, in French and Spanish, after the list ("... 52/4 du Conseil des droits de
  l'homme"), with dates and "and" between items: "Human Rights Council resolutions 49/18 of 1 April 2022 and
  52/4" -> A/HRC/RES/49/18, A/HRC/RES/52/4; "resolution 2200 A (XXI)" -> A/RES/2200 A (XXI); "Security Council
  resolution 497 (1981)" -> S/RES/497 (1981); "Council resolution 2023/31" (a year) -> E/RES/2023/31.
Every symbol is checked by `unkg.iris.Symbol.parse`; what does not parse is not a citation.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from unkg.iris import Symbol

_SYMBOL = re.compile(
    r"(?<![\w/.])((?:[A-Z]{1,6}(?:\.\d+)?)(?:/(?:[A-Z][A-Za-z.\-]*\d*[A-Za-z.\-]*|\d+[A-Za-z.\-]*|[A-Z]+\.\d+))+)"
    r"(\s*\((?:Part\s+[IVX]+|\d{4})\))?")
_NUM = (r"(?:(?:ES|S)-\d{1,2}/\d{1,4}"
        r"|\d{1,4}(?:\s+[A-Z](?:-[A-Z])?)?\s*\([IVXLC]+\)"
        r"|\d{1,4}\s*\(\d{4}\)"
        r"|\d{1,4}/\d{1,4}(?:\s+[A-Z](?:-[A-Z])?(?![\w]))?)")
_BODY_PREFIX = {"A": "A", "A/HRC": "A/HRC", "S": "S", "E": "E", "E/CN.4": "E/CN.4"}
_OWN = {"General Assembly": "A", "Human Rights Council": "A/HRC", "Security Council": "S",
        "Economic and Social Council": "E"}


@dataclass
class Found:
    symbol: str
    start: int  # offsets in the searched text
    end: int
    text: str
    named: bool = True  # the words name the body ("its resolution", "Council resolution", a printed symbol)


@lru_cache(maxsize=8)
def _reference_re(language: str, bodies: tuple[str, ...], words: tuple[str, ...], own: tuple[str, ...],
                  joiners: tuple[str, ...], date: str, after: bool) -> re.Pattern:
    body = "|".join(re.escape(b) for b in sorted(bodies, key=len, reverse=True))
    word = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    own_ = "|".join(re.escape(o) for o in own)
    join = "|".join(re.escape(j).replace(r"\ ", r"\s+") for j in sorted(joiners, key=len, reverse=True))
    item = rf"{_NUM}(?:{date})?"
    pat = (rf"(?:(?P<own>\b(?:{own_}))\s+|(?P<body>\b(?:{body}))\s+)?(?P<word>\b(?:{word}))\s+"
           rf"(?:(?P<body3>{body})\s+)?(?P<list>{item}(?:\s*(?:{join})\s*{item})*)")
    if after:
        pat += rf"(?:\s+(?P<body2>(?:{body})))?"
    return re.compile(pat, re.I)


def find_citations(text: str, body: str, gram: dict[str, Any]) -> list[Found]:
    """All citations in `text` (a paragraph or a footnote) of a resolution adopted by `body`."""
    out: list[Found] = []
    low = text.lower()
    if "/" not in text and not any(w[:5] in low for w in gram["resolution_words"]):
        return out  # no symbol and no "resolution"/"decision": most paragraphs
    for m in _SYMBOL.finditer(text):
        raw = m.group(0)
        if not any(c.isdigit() for c in raw) or raw.count("/") < 1:
            continue
        try:
            s = Symbol.parse(raw)
        except ValueError:
            continue
        out.append(Found(s.text, m.start(), m.end(), raw))
    rx = _reference_re(gram.get("lang", ""), tuple(gram["bodies"]), tuple(gram["resolution_words"]),
                       tuple(gram["own"]), tuple(gram["list_joiners"]), gram["date_after_number"],
                       bool(gram.get("body_after_number")))
    decisions = {w.lower() for w in gram["decision_words"]}
    bodies = {k.lower(): v for k, v in gram["bodies"].items()}
    own_prefix = _OWN.get(body)
    for m in rx.finditer(text):
        named = m.group("body") or m.group("body3") or m.groupdict().get("body2")
        prefix = bodies.get(" ".join(named.lower().replace("’", "'").split())) if named else None
        if prefix is None and named:
            prefix = bodies.get(" ".join(named.lower().split()))
        if prefix is None:
            prefix = own_prefix
        kind = "DEC" if m.group("word").lower() in decisions else "RES"
        lst_start = m.start("list")
        named_body = bool(m.group("own") or named)
        for n in re.finditer(_NUM, m.group("list")):
            sym = _symbol(n.group(0), prefix, kind)
            if sym:
                out.append(Found(sym, lst_start + n.start(), lst_start + n.end(), n.group(0), named_body))
    out.sort(key=lambda f: f.start)
    return out


def _symbol(num: str, prefix: str | None, kind: str) -> str | None:
    num = " ".join(num.split())
    if re.fullmatch(r"\d{1,4}\s*\(\d{4}\)", num):
        cand = f"S/RES/{num.replace('(', ' (').replace('  ', ' ')}"
    elif re.search(r"\([IVXLC]+\)$", num):
        cand = f"A/{kind}/{num}"
    elif re.match(r"\d{4}/", num):
        p = prefix if prefix in ("E", "E/CN.4") else "E"
        cand = f"{p}/{kind}/{num}"
    elif prefix is None:
        return None
    else:
        cand = f"{prefix}/{kind}/{num}"
    try:
        return Symbol.parse(cand).text
    except ValueError:
        return None
