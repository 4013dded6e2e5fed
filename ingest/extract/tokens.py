"""Tokens with character offsets, and the normalised keys that vocabulary labels and texts are matched on.

Keys are lower case, without accents, with typographic apostrophes and non-breaking hyphens unified, and with
a plural "s" dropped from words longer than three letters, so that "States"/"State", "non‑State"/"non-State",
"Etats"/"États" and "rights"/"right" meet. Labels and texts go through the same function.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

_TOKEN = re.compile(r"\w+|[^\w\s]")
_UNIFY = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "\u2011": "-", "\u2010": "-", "\u00ad": "-"})
_TO_UNIFY = re.compile("[" + "".join(re.escape(chr(c)) for c in _UNIFY) + "]")


class Token(NamedTuple):
    key: str  # normalised, for matching
    low: str  # lower case as printed (apostrophes unified), for grammar words
    start: int  # character offsets into the text that was tokenized (plus any base offset)
    end: int
    upper: bool  # first character is upper case


@lru_cache(maxsize=65536)
def key(word: str) -> str:
    w = word.translate(_UNIFY).lower()
    if not w.isascii():
        w = "".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c))
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss") and w.isalpha():
        w = w[:-1]
    return w


def tokenize(text: str, base: int = 0) -> list[Token]:
    """Split `text` into word and punctuation tokens; offsets are `base` + position in `text`."""
    out = []
    append = out.append
    cache = _WORDS
    new = tuple.__new__
    # same length: offsets hold; translating with a table reads every character in Python, and the readers'
    # texts rarely hold one to unify
    t = text.translate(_UNIFY) if _TO_UNIFY.search(text) else text
    find = t.find
    pos = 0
    for w in _TOKEN.findall(t):
        s = find(w, pos)
        pos = s + len(w)
        info = cache.get(w)
        if info is None:
            info = cache[w] = (key(w), w.lower(), w[0].isupper())
        append(new(Token, (info[0], info[1], base + s, base + pos, info[2])))
    return out


_WORDS: dict[str, tuple[str, str, bool]] = {}  # word as printed -> (key, low, upper)


def keys(phrase: str) -> tuple[str, ...]:
    """The key sequence of a label or grammar phrase."""
    return tuple(key(m.group()) for m in _TOKEN.finditer(phrase))


@lru_cache(maxsize=65536)  # grammar phrases and labels, read again by every provision
def lows(phrase: str) -> tuple[str, ...]:
    """The lower-case token sequence of a grammar phrase (no plural folding: grammar words are exact)."""
    return tuple(m.group().translate(_UNIFY).lower() for m in _TOKEN.finditer(phrase))


def first_words(phrases: list[tuple[str, ...]]) -> set[str] | None:
    """The first words of token phrases, for passing over a word that starts none of them; None when a phrase is
    empty (it starts everywhere)."""
    return None if any(not ph for ph in phrases) else {ph[0] for ph in phrases}


class Trie:
    """Token-sequence trie: longest match of label key sequences at a token position."""

    __slots__ = ("root",)
    _END = ""  # child key for values: no token key is empty

    def __init__(self) -> None:
        self.root: dict = {}

    def add(self, seq: tuple[str, ...], value: object) -> None:
        if not seq:
            return
        node = self.root
        for k in seq:
            node = node.setdefault(k, {})
        vals = node.setdefault(self._END, [])
        if value not in vals:
            vals.append(value)

    def node(self, seq: tuple[str, ...]) -> dict | None:
        node = self.root
        for k in seq:
            node = node.get(k)
            if node is None:
                return None
        return node

    def longest(self, toks: list[Token], i: int, hi: int | None = None, start: dict | None = None,
                attr: str = "key") -> tuple[int, list] | None:
        """Longest match starting at toks[i] (from `start` node, default root): (end index, values) or None."""
        hi = len(toks) if hi is None else hi
        node = self.root if start is None else start
        f = 0 if attr == "key" else 1
        best = None
        j = i
        while j < hi:
            node = node.get(toks[j][f])
            if node is None:
                break
            j += 1
            if self._END in node:
                best = (j, node[self._END])
        return best

    def longest_skipping(self, toks: list[Token], i: int, hi: int, skips: "Trie",
                         attr: str = "key") -> tuple[int, list] | None:
        """Longest match starting at toks[i] that may step over a run of `skips` (matched on lower case)
        inside the label, where the label goes on after them ("right to [the enjoyment of] just ...",
        "Réaffirme [en outre] son engagement"): (end index, values) or None."""
        f = 0 if attr == "key" else 1
        best = None
        stack = [(self.root, i)]
        skip_first = skips.root  # a run of skips starts with a word that starts one
        while stack:
            node, j = stack.pop()
            if j > i and self._END in node and (best is None or j > best[0]):
                best = (j, node[self._END])
            if j >= hi:
                continue
            if j > i and toks[j][1] in skip_first:
                sk = skips.longest(toks, j, hi, attr="low")
                if sk and sk[0] < hi and toks[sk[0]][f] in node:
                    stack.append((node[toks[sk[0]][f]], sk[0] + 1))
            nxt = node.get(toks[j][f])
            if nxt is not None:
                stack.append((nxt, j + 1))
        return best


def phrase_trie(phrases: list[str], exact: bool = True) -> Trie:
    """A trie of grammar phrases (values: the phrase), matched on lower-case tokens when `exact`."""
    t = Trie()
    for p in phrases:
        t.add(lows(p) if exact else keys(p), p)
    return t
