"""Placing resolutions in their series: each one's immediate predecessor, or none (docs/lineage.md).

Signals, per candidate C for a resolution R of the same body adopted before it:
- carried-over text: the share of R's paragraphs found word for word in C, counting only paragraphs that
  few resolutions share (boilerplate such as "Decides to remain seized of the matter" says nothing);
- title: token similarity of the two titles, case and punctuation ignored (titles drift: "Freedom of
  religion or belief" / "... and belief"; Security Council resolutions have none);
- citation: R cites C ("Recalling its resolution 76/174");
- subjects: overlap of the UN thesaurus subjects the documents carry.
C is in R's series when the signals agree (`_same_series`); the predecessor is the latest such C among
those that score nearly as well as the best, so that a biennial or triennial series skips the years it
skipped and a renewal follows the last renewal, not the first. With no such C, R is the first of its
series in the store: its predecessor is None, never a guess.
"""
from __future__ import annotations

import hashlib
import re
import zlib
from dataclasses import dataclass, field
from typing import Iterable, Sequence

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.process import cdist

from unkg.lineage.align import normalise, words

# A paragraph shared by more resolutions than this is boilerplate, not evidence of a series; below it, a
# shared paragraph counts for 1 / sqrt(resolutions holding it), so that the wording a long series repeats
# still counts and a sentence every resolution on a country repeats counts less.
COMMON_PARAGRAPH = 60
# A paragraph no other resolution holds (new wording) weighs as much as one that two hold.
UNIQUE_WEIGHT = 2 ** -0.5
SHINGLE_SAMPLE = 4
# Candidates scoring within this of the best are as good: the latest of them is the predecessor.
NEAR_BEST = 0.15


@dataclass
class Entry:
    """What series placement needs to know about one resolution."""

    symbol: str
    body: str
    order: tuple  # adoption order: (date, symbol number) so that same-day resolutions keep their order
    title: str = ""
    cites: set[str] = field(default_factory=set)
    subjects: set[str] = field(default_factory=set)
    paragraphs: list[str] = field(default_factory=list)  # hashes of the normalised paragraph texts
    shingles: set[int] = field(default_factory=set)  # hashes of the word trigrams of the whole text


@dataclass
class Placement:
    symbol: str
    predecessor: str | None
    score: float = 0.0
    evidence: list[str] = field(default_factory=list)


def paragraph_hash(text: str) -> str:
    return hashlib.blake2b(normalise(text).casefold().encode("utf-8"), digest_size=8).hexdigest()


def _number(symbol: str) -> tuple[int, ...]:
    return tuple(int(x) for x in re.findall(r"\d+", symbol))


def shingles(texts: Iterable[str]) -> set[int]:
    out: set[int] = set()
    for t in texts:
        w = words(t)
        # crc32, not hash(): the same text gives the same shingles in every process
        out.update(zlib.crc32(f"{w[i]} {w[i + 1]} {w[i + 2]}".encode("utf-8")) for i in range(len(w) - 2))
    # a fixed quarter of the trigrams (by hash) estimates containment as well, four times faster
    return {h for h in out if h % SHINGLE_SAMPLE == 0}


def containment(a: set[int], b: set[int]) -> float:
    """The share of `a`'s word trigrams that are in `b`."""
    return len(a & b) / len(a) if a else 0.0


def entry(symbol: str, body: str, date: str | None, title: str, cites: Iterable[str], subjects: Iterable[str],
          paragraph_texts: Iterable[str], keys: tuple[list[str], set[int]] | None = None) -> Entry:
    """`keys`: `text_keys` of the paragraph texts when already taken (the ingest takes them as records come)."""
    hashes, shingled = keys if keys is not None else text_keys(paragraph_texts)
    return Entry(symbol, body, (date or "", _number(symbol)), title or "", set(cites), set(subjects), hashes, shingled)


def text_keys(paragraph_texts: Iterable[str]) -> tuple[list[str], set[int]]:
    """What placement compares of a text: each paragraph's hash and the text's word trigrams (`shingles`)."""
    texts = list(paragraph_texts)
    return [paragraph_hash(t) for t in texts], shingles(texts)


def _title_key(title: str) -> str:
    return " ".join(re.findall(r"\w+", title.casefold()))


@dataclass
class _Scored:
    c: Entry
    score: float
    evidence: list[str]


def _candidates(r: Entry, earlier: Sequence[Entry], rare_index: dict[str, list[int]], rare: set[str],
                by_symbol: dict[str, int]) -> set[int]:
    found: set[int] = set()
    for h in r.paragraphs:
        if h in rare:
            found.update(rare_index.get(h, ()))
    for s in r.cites:
        if s in by_symbol:
            found.add(by_symbol[s])
    return found


def place(entries: Sequence[Entry], only: Iterable[str] | None = None) -> dict[str, Placement]:
    """The placement of each entry (or of those named in `only`) among all `entries`."""
    ordered = sorted(entries, key=lambda e: (e.body, e.order))
    counts: dict[str, int] = {}
    for e in ordered:
        for h in set(e.paragraphs):
            counts[h] = counts.get(h, 0) + 1
    rare = {h for h, n in counts.items() if n <= COMMON_PARAGRAPH}
    weights = {h: n ** -0.5 if n > 1 else UNIQUE_WEIGHT for h, n in counts.items() if n <= COMMON_PARAGRAPH}
    wanted = set(only) if only is not None else None
    out: dict[str, Placement] = {}
    by_body: dict[str, list[Entry]] = {}
    for e in ordered:
        by_body.setdefault(e.body, []).append(e)
    for members in by_body.values():
        titles = [_title_key(e.title) for e in members]
        index: dict[str, list[int]] = {}
        by_symbol = {e.symbol: k for k, e in enumerate(members)}
        alike = _alike_titles(titles)
        for k, r in enumerate(members):
            if wanted is None or r.symbol in wanted:
                cand = {i for i in _candidates(r, members, index, rare, by_symbol) if i < k}
                cand.update(i for i in alike.get(k, ()) if i < k)
                out[r.symbol] = _choose(r, titles[k], [(members[i], titles[i]) for i in sorted(cand)], weights)
            for h in set(r.paragraphs):
                if h in rare:
                    index.setdefault(h, []).append(k)
    return out


def _alike_titles(titles: list[str]) -> dict[int, list[int]]:
    """For each title, the others whose token-sorted similarity is at least 80 (one vectorised pass)."""
    keyed = [(k, " ".join(sorted(t.split()))) for k, t in enumerate(titles) if t]
    if not keyed:
        return {}
    keys = [t for _, t in keyed]
    scores = cdist(keys, keys, scorer=fuzz.ratio, score_cutoff=80, dtype=np.uint8, workers=1)
    out: dict[int, list[int]] = {}
    for a, b in zip(*np.nonzero(scores), strict=True):
        out.setdefault(keyed[a][0], []).append(keyed[b][0])
    return out


def _choose(r: Entry, title: str, cands: list[tuple[Entry, str]], weights: dict[str, float]) -> Placement:
    """`weights`: the weight of each paragraph hash that is not boilerplate."""
    mine = {h: weights[h] for h in set(r.paragraphs) if h in weights}
    total = sum(mine.values())
    scored: list[_Scored] = []
    for c, ctitle in cands:
        theirs = set(c.paragraphs)
        overlap = sum(w for h, w in mine.items() if h in theirs) / total if total else 0.0
        t = fuzz.token_sort_ratio(title, ctitle) / 100 if title and ctitle else None
        cited = c.symbol in r.cites
        subj = len(r.subjects & c.subjects) / len(r.subjects | c.subjects) if r.subjects and c.subjects else 0.0
        if _mandate_title(title) != _mandate_title(ctitle) and title and ctitle:
            continue  # the Council renews a special procedure's mandate in its own series, apart from the topic's
        text = max(containment(r.shingles, c.shingles), containment(c.shingles, r.shingles))
        if not _same_series(overlap, text, t, cited):
            continue
        score = 0.35 * text + 0.25 * overlap + 0.25 * (t if t is not None else text) + 0.15 * cited
        evidence = []
        if cited:
            evidence.append(f"cites {c.symbol}")
        if t is not None:
            evidence.append("same title" if t >= 0.99 else f"title similarity {t:.2f}")
        evidence.append(f"{sum(1 for h in mine if h in theirs)} of its {len(mine)} paragraphs carried over "
                        f"(weighted {overlap:.2f}); text in common {text:.2f}")
        if subj:
            evidence.append(f"subject overlap {subj:.2f}")
        scored.append(_Scored(c, round(score, 3), evidence))
    if not scored:
        return Placement(r.symbol, None, 0.0, ["no earlier resolution of the same body shares its title, "
                                               "cites it as its own and carries its text"])
    best = max(s.score for s in scored)
    pick = max((s for s in scored if s.score >= best - NEAR_BEST), key=lambda s: s.c.order)
    return Placement(r.symbol, pick.c.symbol, pick.score, pick.evidence)


def _mandate_title(key: str) -> bool:
    return key.startswith("mandate of ")


def _same_series(overlap: float, text: float, title: float | None, cited: bool) -> bool:
    """`overlap`: weighted share of paragraphs carried word for word; `text`: the larger share of one text's
    word trigrams found in the other (a short renewal inside a long resolution); `title`: title similarity,
    None when either has no title (Security Council resolutions)."""
    if title is not None and title >= 0.99:
        return True
    if title is not None and title >= 0.85 and (overlap >= 0.15 or cited or text >= 0.5):
        return True
    if overlap >= 0.5 or text >= 0.6:
        return title is None or title >= 0.5
    if cited and ((title is not None and title >= 0.8) or overlap >= 0.2 or (title is None and text >= 0.4)):
        return True
    return title is not None and title >= 0.75 and (overlap >= 0.3 or text >= 0.5)
