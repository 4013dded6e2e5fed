"""Split an operative paragraph into provisions: one per clause with its own operative verb.

The first provision starts with the paragraph's leading verb phrase. A later one starts where an operative
verb phrase of the vocabulary (optionally with modifiers: "also", "further", "strongly") follows a provision
boundary of the grammar (",", ";", "and"; possibly with an adverbial: "and in this regard calls upon"), written
in lower case; a gerund ("urging") opens a provision only after ", while" ("..., while also urging States
to ..."). A provision runs to the boundary before the next one.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from unkg.ingest.extract.tokens import Token, Trie, lows, phrase_trie
from unkg.ingest.extract.vocab import VERB, ConceptInfo, Vocabulary


@dataclass
class Clause:
    verb: ConceptInfo | None
    strength: int
    i: int  # index of the first token of the verb phrase (modifiers included)
    j: int  # index after the verb phrase
    start: int  # character span of the provision
    end: int
    gerund: bool = False
    pronoun: bool = False  # a clitic pronoun before the verb stands for the addressee ("et l'encourage")
    singular: bool = False  # that clitic stands for one actor ("et *lui* demande", "et *l'*invite")


class ClauseSplitter:
    """Per language: the verb and modifier tries plus the grammar's boundary words."""

    def __init__(self, vocab: Vocabulary, language: str, gram: dict[str, Any]):
        self.vocab = vocab
        self.verbs = vocab.trie("verbs", language)
        self.mods = vocab.trie("modifiers", language)
        self.openers = vocab.trie("openers", language)
        self.boundaries = set(gram["provision_boundaries"])
        self.gerund_suffixes = tuple(gram.get("gerund_suffixes", ()))
        # a word after which a one-word verb label is a noun ("values of", "concerns of")
        self.noun_links = {w for p in gram.get("noun_links", ()) for w in lows(p)}
        self.intro = _reverse_trie(gram["gerund_intro"])
        # French renders "..., while recognizing that" as "..., sachant que": a participle right after a comma
        # opens a provision when one of these words follows it
        self.gerund_that = set(gram.get("gerund_after_comma_before", ()))
        self.adverbials = _reverse_trie(gram["adverbials"])
        self.adverbials_fwd = phrase_trie(gram["adverbials"])
        self.clitics = _reverse_trie(gram.get("clitics", []))
        self.singular_clitics = {lows(p)[0] for p in gram.get("singular_clitics", ())}

    def verb_at(self, toks: list[Token], i: int, hi: int) -> tuple[int, ConceptInfo, int, int] | None:
        """A verb phrase at toks[i]: (end index, verb concept, strength delta of its modifiers, verb start).

        Verb labels may carry their modifiers ("Strongly urges", "Further calls"), so the verb is tried at
        toks[i] and after each leading modifier; the longest phrase wins ("Further" + "calls upon").
        """
        best = None
        j = i
        while j < hi:
            m = self.verbs.longest_skipping(toks, j, hi, self.mods, attr="low")  # "Réaffirme [en outre] son engagement"
            if m:
                verb = next((self.vocab.concepts[v] for v in m[1] if self.vocab.concepts[v].kind == VERB), None)
                if verb is not None and (best is None or m[0] > best[0]):
                    best = (m[0], verb, j)
            mm = self.mods.longest(toks, j, hi, attr="low")
            if not mm:
                break
            j = mm[0]
        if best is None:
            return None
        end, verb, vstart = best
        end, verb = self._before_adverbial(toks, vstart, end, verb)
        while end < hi:  # postposed modifiers: "Decides also", "Demande également"
            mm = self.mods.longest(toks, end, hi, attr="low")
            if not mm:
                break
            end = mm[0]
        delta = 0
        k = i
        while k < end:  # every modifier inside the printed phrase adds its strengthDelta
            mm = self.mods.longest(toks, k, end, attr="low")
            if mm:
                delta += sum(self.vocab.concepts[v].delta for v in mm[1][:1])
                k = mm[0]
            else:
                k += 1
        return end, verb, delta, vstart

    def _before_adverbial(self, toks: list[Token], vstart: int, end: int, verb: ConceptInfo) -> tuple[int, ConceptInfo]:
        """"Rappelle à cet égard", "Recuerda a este respecto": the preposition of a longer verb label ("Rappelle
        à", remind) that begins an adverbial belongs to the adverbial; the shorter verb ("Rappelle") is read."""
        for p in range(vstart + 1, end):
            r = self.adverbials_fwd.longest(toks, p, attr="low")
            if r and r[0] > end:
                m = self.verbs.longest(toks, vstart, p, attr="low")
                short = next((self.vocab.concepts[v] for v in m[1] if self.vocab.concepts[v].kind == VERB), None) \
                    if m else None
                return (m[0], short) if short is not None else (end, verb)
        return end, verb

    def split(self, toks: list[Token], text_end: int) -> list[Clause]:
        """Clauses of one paragraph's tokens; the first always starts at token 0 (verb or not)."""
        n = len(toks)
        if not n:
            return []
        clauses: list[Clause] = []
        head = self.verb_at(toks, 0, n)
        if head:
            clauses.append(Clause(head[1], _strength(head[1], head[2]), 0, head[0], toks[0].start, text_end))
            i = head[0]
        else:
            clauses.append(Clause(None, 1, 0, 1, toks[0].start, text_end))
            i = 1
        while i < n:
            t = toks[i]
            if t.upper or (t.low not in self.verbs.root and t.low not in self.mods.root
                           and not (t.low in self.openers.root and t.low.endswith(self.gerund_suffixes or ("\0",)))):
                i += 1  # (a participle the openers know may open a provision: "tout en reconnaissant")
                continue
            found = self.verb_at(toks, i, n)
            if not found:
                found = self._participle(toks, i, n)
            if not found:
                i += 1
                continue
            end, verb, delta, vstart = found
            if end - vstart == 1 and end < n and toks[end].low in self.noun_links:
                i += 1  # "the drivers and values *of*": a noun, not a verb that opens a provision
                continue
            gerund = bool(self.gerund_suffixes) and toks[vstart].low.endswith(self.gerund_suffixes)
            b = self._boundary_before(toks, i, gerund)
            pronoun = False
            if b is None and i > 0:
                cm = self.clitics.longest(_Rev(toks, i - 1), 0, i, attr="low")
                if cm:
                    b = self._boundary_before(toks, i - cm[0], False)
                    pronoun = b is not None
            if b is None:
                i += 1
                continue
            prev = clauses[-1]
            prev.end = _trim_end(toks, b, prev.start)
            start = i - cm[0] if pronoun else i
            clauses.append(Clause(verb, _strength(verb, delta), i, end, toks[start].start, text_end, gerund,
                                  pronoun, pronoun and toks[start].low in self.singular_clitics))
            i = end
        return clauses

    def _participle(self, toks: list[Token], i: int, hi: int) -> tuple[int, ConceptInfo, int, int] | None:
        """A participle after a gerund intro ("tout en reconnaissant") that the verbs scheme lacks but the
        preambular openers have: the verb is the one the opener's English participle names."""
        if not (self.gerund_suffixes and toks[i].low.endswith(self.gerund_suffixes)):
            return None
        if i == 0 or not (self.intro.longest(_Rev(toks, i - 1), 0, i, attr="low") or self._comma_gerund(toks, i)):
            return None
        ends = []  # every opener label starting here, longest first
        node, j = self.openers.root, i
        while j < hi and toks[j].low in node:
            node = node[toks[j].low]
            j += 1
            if Trie._END in node:
                ends.append((j, node[Trie._END][0]))
        ends.reverse()
        for end, iri in ends:  # "constatant avec préoccupation" (express concern) before "constatant"
            verb = self.vocab.opener_verb(iri)
            if verb is not None:
                return end, verb, 0, i
        if ends:  # "soulignant la nécessité" (Stressing the need): the verb of "stressing"
            verb = self.vocab.opener_verb(ends[-1][1], loose=True)
            if verb is not None:
                return i + 1, verb, 0, i
        return None

    def _comma_gerund(self, toks: list[Token], i: int) -> bool:
        """", sachant que", ", considérant qu'": a participle between a comma and a "that" clause."""
        return 0 < i < len(toks) - 1 and toks[i - 1].low == "," and toks[i + 1].low in self.gerund_that

    def _boundary_before(self, toks: list[Token], i: int, gerund: bool) -> int | None:
        """Index of the first token of the boundary before toks[i], or None when there is none."""
        k = i - 1
        if k < 0:
            return None
        if gerund:
            m = self.intro.longest(_Rev(toks, k), 0, k + 1, attr="low")
            if not m:
                return k if self._comma_gerund(toks, i) else None
            k -= m[0]
            if k >= 0 and toks[k].low in self.boundaries:
                return k
            return None
        m = self.intro.longest(_Rev(toks, k), 0, k + 1, attr="low")
        if m and k - m[0] >= 0 and toks[k - m[0]].low in self.boundaries:
            return k - m[0]  # "..., al tiempo que insta"
        k0 = k
        if toks[k].low == ",":
            k -= 1
        m = self.adverbials.longest(_Rev(toks, k), 0, k + 1, attr="low") if k >= 0 else None
        if m:
            k -= m[0]
            if k >= 0 and toks[k].low == "," and k - 1 >= 0 and toks[k - 1].low in self.boundaries:
                k -= 1
        else:
            k = k0
        if k >= 0 and toks[k].low in self.boundaries:
            if toks[k].low not in (",", ";", ":") and k - 1 >= 0 and toks[k - 1].low == ",":
                k -= 1  # ", and" : the comma belongs to the boundary
            return k
        return None


class _Rev:
    """toks[k], toks[k-1], ... as a sequence (for matching phrases backwards)."""

    __slots__ = ("toks", "k")

    def __init__(self, toks: list[Token], k: int):
        self.toks, self.k = toks, k

    def __getitem__(self, idx: int) -> Token:
        return self.toks[self.k - idx]

    def __len__(self) -> int:
        return self.k + 1


def _reverse_trie(phrases: list[str]) -> Trie:
    t = Trie()
    for p in phrases:
        t.add(tuple(reversed(lows(p))), p)
    return t


def _strength(verb: ConceptInfo, delta: int) -> int:
    return max(1, min(5, (verb.strength or 1) + delta))


def _trim_end(toks: list[Token], b: int, floor: int) -> int:
    """End offset of a provision that stops before boundary token toks[b] (no trailing comma or space)."""
    k = b - 1
    while k >= 0 and toks[k].low in (",", ";") and toks[k].start > floor:
        k -= 1
    return toks[k].end if k >= 0 else toks[b].start
