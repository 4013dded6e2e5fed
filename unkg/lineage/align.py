"""Paragraph alignment of a resolution against its predecessor (or any earlier text).

`align(old, new)` pairs the paragraphs of two document models and gives each pair a status:
- `unchanged`: the same wording (ignoring runs of spaces and the closing ";" / "," / "." that a paragraph's
  place in the list decides), in the same order relative to the other carried-over paragraphs;
- `revised`: a carried-over paragraph whose words changed (including one half of a split or a merge);
- `moved`: a carried-over paragraph that left the order of the others (with or without changes);
- `new`: a paragraph of `new` with no source; `dropped`: a paragraph of `old` not carried over.

How: word-level similarity of every pair (Indel over word tokens, so shared letters mean nothing); a
one-to-one matching, best pairs first, with a small preference for pairs at the same relative place and
of the same kind; the longest order-preserving chain of matched pairs stays in place and the other
matched pairs are `moved`. A paragraph left over whose words are mostly inside a paragraph of the other
text (word-trigram containment) is a split (one old paragraph became two) or a merge (two became one).
Renumbering is no change: paragraphs are compared by text, never by number.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Sequence

import numpy as np
from rapidfuzz.distance import Indel
from rapidfuzz.process import cdist

from unkg.ingest.model import Paragraph
from unkg.lineage.redline import changes as word_changes

UNCHANGED, REVISED, MOVED, NEW, DROPPED = "unchanged", "revised", "moved", "new", "dropped"
STATUSES = (UNCHANGED, REVISED, MOVED, NEW, DROPPED)

# Pairs below this word similarity are different paragraphs (unrelated UN paragraphs share function words
# and set phrases, and stay well below it; a revised paragraph keeps most of its words).
MIN_SIMILARITY = 0.5
# A paragraph of another kind (preambular turned operative) must be this much more alike.
KIND_PENALTY = 0.15
# Tie-breaking preference for pairs at the same relative place in both texts.
PLACE_WEIGHT = 0.05
# A left-over paragraph whose word trigrams are at least this much inside one paragraph of the other text
# is a split or a merge.
MIN_CONTAINMENT = 0.7
MIN_SPLIT_WORDS = 6
# Between two paragraphs that stayed in place, a left-over old and new paragraph of the same kind are the
# same paragraph rewritten when they are this alike, or open with the same words (a list of "previous
# resolutions on this subject" whose symbols all changed).
GAP_SIMILARITY = 0.35
SAME_OPENING_WORDS = 6

_WORD = re.compile(r"\w+", re.UNICODE)
_CLOSING = re.compile(r"[\s;,.:]+$")


@dataclass
class Alignment:
    status: str
    old: Paragraph | None
    new: Paragraph | None
    similarity: float
    method: str  # exact | similar | split | merge | none
    changes: list[dict[str, str]] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return (self.new or self.old).kind  # type: ignore[union-attr]


def normalise(text: str) -> str:
    return _CLOSING.sub("", " ".join(text.split()))


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


class _Table(dict):
    """Word -> its character, a new one for each word not seen before (in the order first seen)."""

    def __missing__(self, word: str) -> str:
        c = self[word] = chr(0x100 + len(self))
        return c


def _encode(texts: Sequence[list[str]], table: _Table) -> list[str]:
    """Each text (as its words) as a string with one character per word, so that character Indel is word Indel."""
    return ["".join(map(table.__getitem__, ws)) for ws in texts]


def similarity(a: str, b: str) -> float:
    """Word-level similarity of two texts, 0..1."""
    x, y = _encode([words(a), words(b)], _Table())
    return Indel.normalized_similarity(x, y)


def _trigrams(encoded: str) -> set[str]:
    """The word trigrams of a text encoded one character per word (`_encode`): three-character slices."""
    return {encoded[i:i + 3] for i in range(max(0, len(encoded) - 2))}


def _containment(part: set, whole: set) -> float:
    return len(part & whole) / len(part) if part else 0.0


def align(old: Sequence[Paragraph], new: Sequence[Paragraph], with_changes: bool = True) -> list[Alignment]:
    """Every paragraph of `new` once (unchanged / revised / moved / new, or revised as part of a split or
    merge) and every paragraph of `old` not carried over as `dropped`, in the order of `new` with dropped
    paragraphs after the carried-over paragraph that preceded them."""
    t = _Texts(list(old), list(new))
    pairs = _match(t)
    _fill_gaps(t.old, t.new, t.w_old, t.w_new, t.enc_old, t.enc_new, pairs)
    in_order = _longest_chain(sorted((j, i) for j, (i, _, _) in pairs.items()))
    extra = _splits_and_merges(t, pairs)

    def pair(status: str, i: int | None, j: int | None, s: float, method: str) -> Alignment:
        o = t.old[i] if i is not None else None
        n = t.new[j] if j is not None else None
        chs = word_changes(o.text if o else "", n.text if n else "") if with_changes else []
        return Alignment(status, o, n, round(s, 3), method, chs)

    extra_new = {j for j, _, _ in extra}
    by_new: dict[int, list[Alignment]] = {}
    for j in range(len(t.new)):
        if j in pairs:
            i, s, method = pairs[j]
            by_new.setdefault(j, []).append(pair(_status(j, i, method, in_order), i, j, s, method))
        elif j not in extra_new:
            by_new.setdefault(j, []).append(pair(NEW, None, j, 0.0, "none"))
    for j, i, method in extra:
        s = min(Indel.normalized_similarity(t.enc_new[j], t.enc_old[i]), 0.999)
        by_new.setdefault(j, []).append(pair(REVISED, i, j, s, method))
    carried = {i for i, _, _ in pairs.values()} | {i for _, i, _ in extra}
    dropped = [pair(DROPPED, i, None, 0.0, "none") for i in range(len(t.old)) if i not in carried]
    return _in_new_order(len(t.new), by_new, dropped)


@dataclass
class _Texts:
    """Two texts' paragraphs with their words, their words encoded one character each (a shared table),
    and their normalised texts."""

    old: list[Paragraph]
    new: list[Paragraph]

    def __post_init__(self) -> None:
        table = _Table()
        self.w_old, self.w_new = [words(p.text) for p in self.old], [words(p.text) for p in self.new]
        self.enc_old, self.enc_new = _encode(self.w_old, table), _encode(self.w_new, table)
        self.norm_old = [normalise(p.text) for p in self.old]
        self.norm_new = [normalise(p.text) for p in self.new]


def _match(t: _Texts) -> dict[int, tuple[int, float, str]]:
    """One-to-one pairs, best first: new position -> (old position, similarity, method)."""
    old, new = t.old, t.new
    pairs: dict[int, tuple[int, float, str]] = {}
    if not old or not new:
        return pairs
    # every pair's score at once (numpy's float64 arithmetic is Python's), then only the pairs that pass
    sims = cdist(t.enc_new, t.enc_old, scorer=Indel.normalized_similarity, workers=1).astype(np.float64)
    old_at: dict[str, list[int]] = {}
    for i, text in enumerate(t.norm_old):
        old_at.setdefault(text, []).append(i)
    exact = np.zeros(sims.shape, dtype=bool)
    for j, text in enumerate(t.norm_new):
        exact[j, old_at.get(text, [])] = True
    s = np.where(exact, 1.0, sims)
    s[np.not_equal.outer([p.kind for p in new], [p.kind for p in old])] -= KIND_PENALTY
    place = 1 - np.abs(np.arange(len(new))[:, None] / len(new) - np.arange(len(old))[None, :] / len(old))
    keyed = s + PLACE_WEIGHT * place
    js, is_ = np.nonzero(s >= MIN_SIMILARITY)  # in the order of new, then old
    candidates = list(zip(exact[js, is_].tolist(), keyed[js, is_].tolist(), js.tolist(), is_.tolist(),
                          s[js, is_].tolist(), strict=True))
    candidates.sort(key=lambda c: (c[0], c[1]), reverse=True)
    used_old: set[int] = set()
    for is_exact, _, j, i, score in candidates:
        if j in pairs or i in used_old:
            continue
        pairs[j] = (i, 1.0 if is_exact else min(0.999, score + (KIND_PENALTY if new[j].kind != old[i].kind else 0)),
                    "exact" if is_exact else "similar")
        used_old.add(i)
    return pairs


def _splits_and_merges(t: _Texts, pairs: dict[int, tuple[int, float, str]]) -> list[tuple[int, int, str]]:
    """(new position, old position, method) of the second halves of splits and merges among the paragraphs
    left over: one old paragraph became two when a new one holds the part its main successor did not keep
    (or a left-over old one is mostly inside a new one: a merge)."""
    tri_old = [_trigrams(e) for e in t.enc_old]
    tri_new = [_trigrams(e) for e in t.enc_new]
    primary_new = {i: j for j, (i, _, _) in pairs.items()}
    primary_old = {j: i for j, (i, _, _) in pairs.items()}
    extra: list[tuple[int, int, str]] = []
    rest = [tri_old[i] - tri_new[primary_new[i]] if i in primary_new else tri_old[i] for i in range(len(t.old))]
    for j in range(len(t.new)):
        if j in pairs or len(t.w_new[j]) < MIN_SPLIT_WORDS:
            continue
        best = _most_inside(tri_new[j], rest)
        if best is not None:
            extra.append((j, best, "split" if best in primary_new else "contained"))
    taken_old = set(primary_new) | {i for _, i, _ in extra}
    rest = [tri_new[j] - tri_old[primary_old[j]] if j in primary_old else tri_new[j] for j in range(len(t.new))]
    for i in range(len(t.old)):
        if i in taken_old or len(t.w_old[i]) < MIN_SPLIT_WORDS:
            continue
        best = _most_inside(tri_old[i], rest)
        if best is not None:
            extra.append((best, i, "merge"))
    return extra


def _most_inside(part: set, wholes: list[set]) -> int | None:
    """The position of the first of `wholes` holding most of `part`, when it holds at least MIN_CONTAINMENT."""
    best = max(range(len(wholes)), key=lambda k: _containment(part, wholes[k]), default=None)
    return best if best is not None and _containment(part, wholes[best]) >= MIN_CONTAINMENT else None


def _status(j: int, i: int, method: str, in_order: set[tuple[int, int]]) -> str:
    if (j, i) not in in_order:
        return MOVED
    return UNCHANGED if method == "exact" else REVISED


def _in_new_order(n_new: int, by_new: dict[int, list[Alignment]], dropped: list[Alignment]) -> list[Alignment]:
    """The alignments in the order of the new text, each dropped paragraph after the carried-over paragraph
    that preceded it in the old text."""
    anchors = sorted((a.old.index, j) for j, al in by_new.items() for a in al if a.old is not None)
    anchor_keys = [k for k, _ in anchors]
    dropped_after: dict[int, list[Alignment]] = {}
    for a in dropped:
        k = bisect.bisect_left(anchor_keys, a.old.index) - 1  # type: ignore[union-attr]
        dropped_after.setdefault(anchors[k][1] if k >= 0 else -1, []).append(a)
    result: list[Alignment] = list(dropped_after.get(-1, []))
    for j in range(n_new):
        result.extend(sorted(by_new.get(j, []), key=lambda a: a.old.index if a.old else 0))
        result.extend(dropped_after.get(j, []))
    return result


def _fill_gaps(old: list[Paragraph], new: list[Paragraph], w_old: list[list[str]], w_new: list[list[str]],
               enc_old: list[str], enc_new: list[str], pairs: dict[int, tuple[int, float, str]]) -> None:
    """Pair left-over paragraphs of the same kind that sit between the same two paragraphs kept in place."""
    chain = sorted(_longest_chain(sorted((j, i) for j, (i, _, _) in pairs.items())))
    bounds = [(-1, -1)] + chain + [(len(new), len(old))]
    matched_old = {i for i, _, _ in pairs.values()}
    for (j0, i0), (j1, i1) in zip(bounds, bounds[1:], strict=False):
        free_new = [j for j in range(j0 + 1, j1) if j not in pairs]
        free_old = [i for i in range(i0 + 1, i1) if i not in matched_old]
        if not free_new or not free_old:
            continue
        candidates = []
        for j in free_new:
            opening = w_new[j][:SAME_OPENING_WORDS]
            for i in free_old:
                if new[j].kind != old[i].kind:
                    continue
                s = Indel.normalized_similarity(enc_new[j], enc_old[i])
                same_opening = len(opening) == SAME_OPENING_WORDS and w_old[i][:SAME_OPENING_WORDS] == opening
                if s >= GAP_SIMILARITY or same_opening:
                    candidates.append((s + (1 if same_opening else 0), j, i, s))
        for _, j, i, s in sorted(candidates, reverse=True):
            if j in pairs or i in matched_old:
                continue
            if any((jj < j) != (ii < i) for jj, (ii, _, _) in pairs.items() if j0 < jj < j1):
                continue  # keep the pairs inside one gap in order
            pairs[j] = (i, min(s, 0.999), "gap")
            matched_old.add(i)


def _longest_chain(pairs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The longest subsequence of (new, old) pairs, sorted by new, whose old positions increase."""
    tails: list[int] = []  # tails[k]: old position ending the best chain of length k + 1
    tail_at: list[int] = []  # index into pairs of that tail
    back: list[int] = [-1] * len(pairs)
    for n, (_, i) in enumerate(pairs):
        k = bisect.bisect_left(tails, i)
        if k == len(tails):
            tails.append(i)
            tail_at.append(n)
        else:
            tails[k] = i
            tail_at[k] = n
        back[n] = tail_at[k - 1] if k > 0 else -1
    chain: set[tuple[int, int]] = set()
    n = tail_at[-1] if tail_at else -1
    while n >= 0:
        chain.add(pairs[n])
        n = back[n]
    return chain


def summary(alignments: Sequence[Alignment]) -> dict[str, int]:
    counts = {s: 0 for s in STATUSES}
    for a in alignments:
        counts[a.status] += 1
    return counts
