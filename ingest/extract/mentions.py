"""Mentions of actors, rights, groups (and instruments, which only shield their names) in a token span.

Longest match first over all mention vocabularies at once, so that "Special Rapporteur on the situation of
human rights defenders" is one actor, not an actor plus a group. Coordinations that share a head are
expanded with the grammar's head prepositions: after "freedom of opinion", the conjuncts ", expression",
", peaceful assembly" and "and association" are tried as "freedom of expression" ...; after "the rights to
life", "and to liberty and security of person" is tried as "right to liberty and security of person".
Short references to a mandate ("the Special Rapporteur", "the Working Group", "the Commission") resolve to the
full name the same resolution uses ("Special Rapporteur on ..."): see `ShortNames`.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from unkg.ingest.extract.tokens import Token, Trie, first_words, keys, lows, phrase_trie, tokenize
from unkg.ingest.extract.vocab import ACTOR, GROUP, ConceptInfo, Vocabulary


@dataclass
class Mention:
    concept: ConceptInfo
    i: int  # token span [i, j)
    j: int
    start: int  # character span
    end: int
    how: str = "vocabulary"  # a concept of the methods scheme: how the mention was read


class MentionFinder:
    def __init__(self, vocab: Vocabulary, language: str, gram: dict[str, Any]):
        self.vocab = vocab
        self.trie = vocab.trie("mentions", language)
        self.coord = phrase_trie(gram["coordination"])
        self.coord_keys = {k for p in gram["coordination"] for k in keys(p)}
        self.skips = phrase_trie(gram.get("mention_skips", []))
        self.coord_back = Trie()
        for p in gram["coordination"]:
            self.coord_back.add(tuple(reversed(lows(p))), p)
        self.preps = {k for p in gram["head_prepositions"] for k in keys(p)}
        self.connectors = self.preps | {k for p in gram.get("mandate_connectors", ()) for k in keys(p)}
        self.definite = {k for p in gram["definite"] for k in keys(p)}
        # French and Spanish put the adjective that completes a name after the noun ("intervenants humanitaires")
        self.fillers = {k for p in gram.get("fillers", ()) for k in lows(p)} if not gram.get("actor_followers") \
            else set()
        # "girls *with disabilities*", "women *living with HIV*": a qualifier that makes a group label after a
        # generic noun ("persons with disabilities") names that group too
        self.qualified = [n for n in (self.trie.node(keys(h)) for h in gram.get("qualifier_heads", ())) if n]
        # one-word group labels match only as printed (no plural folding): "civilian objects", "caractère
        # civil" are no mention of "civilians"/"civils"
        self.exact: dict[str, set[str]] = {}
        # one-word actor names written with a capital match only a capitalized word: "the Organization" is
        # the United Nations, "tourism organizations" is not
        # and one-word names of many, written in the plural and in lower case, match no capitalized singular:
        # "l'Autorité" (the Seabed Authority) is not "autorités"
        capital, lower, plural = set(), set(), set()
        for iri, c in vocab.concepts.items():
            if c.kind not in (GROUP, ACTOR):
                continue
            for label, lang, _ in vocab.labels_of(iri):
                if lang in (language, "") and len(lows(label)) == 1:
                    if c.kind == GROUP and lang == language:
                        self.exact.setdefault(iri, set()).add(lows(label)[0])
                    elif c.kind == ACTOR:
                        (capital if label[:1].isupper() else lower).add(keys(label)[0])
                        if not label[:1].isupper() and lows(label)[0].endswith("s"):
                            plural.add(keys(label)[0])
        self.capital = capital - lower
        self.plural_only = plural - capital
        # "tous les États *intéressés*", "todos los Estados *de África*": a quantified name ("all States") with a
        # qualifier after its noun names some of them, the broader concept, as "all interested States" does
        self.universal = {} if gram.get("actor_followers") else {
            iri: c.broader[0] for iri, c in vocab.concepts.items()
            if c.kind == ACTOR and c.broader and c.label.lower().startswith(("all ", "each ", "every "))}
        self.participles = tuple(gram.get("participle_suffixes", ())) or ("\0",)
        self.of_words = {lows(p)[0] for p in gram.get("head_prepositions", ())}
        # a filler after the noun keeps all of them: "tous les États concernés / intéressés" are all States, as
        # "all States concerned", "all interested States" are
        self.keep_all = self.fillers

    def find(self, toks: list[Token], lo: int = 0, hi: int | None = None) -> list[Mention]:
        hi = len(toks) if hi is None else hi
        out: list[Mention] = []
        i = lo
        root = self.trie.root
        while i < hi:
            if toks[i].key not in root:
                i += 1
                continue
            m = self._walk(toks, i, hi)
            if m and m[0] < hi and toks[m[0]].low == "-" and m[0] + 1 < hi and toks[m[0]].start == toks[m[0] - 1].end:
                m = None  # "sexual and reproductive health-care services": the word goes on
            if m and self._longer_after_fillers(toks, i, m, hi):
                i += 1  # "autres [intervenants humanitaires]": the longer name wins over "autres intervenants"
                continue
            if not m:
                m = self._unique_prefix(toks, i, hi)
            if not m:
                i = self._partial(toks, i, hi, out)
                continue
            j, vals = m
            if _title_compound(toks, i, lo):
                i = j  # "Under-Secretary-General", "Vice-President": another office than the one named
                continue
            c = self.vocab.concepts[vals[0]]
            if j == i + 1 and ((c.id in self.exact and toks[i].low not in self.exact[c.id])
                               or (not toks[i].upper and toks[i].key in self.capital)
                               or (toks[i].upper and toks[i].key in self.plural_only and not toks[i].low.endswith("s"))):
                i += 1  # "civilian" is not "civilians"; "organizations" is not "the Organization"
                continue
            if c.id in self.universal and self._qualified(toks, j, hi):
                c = self.vocab.concepts[self.universal[c.id]]
            self._expand_back(toks, i, j, c, lo, out)
            out.append(Mention(c, i, j, toks[i].start, toks[j - 1].end))
            q = self._qualifier(toks, j, hi, c)
            if q is not None:
                out.append(q)
                i = q.j
                continue
            i = self._expand(toks, i, j, c, hi, out)
        out.sort(key=lambda m: m.i)
        return out

    def _qualified(self, toks: list[Token], j: int, hi: int) -> bool:
        """A qualifier follows the noun ending at toks[j - 1]: a participle or adjective in "-é(e)s"/"-ados"
        ("touchés", "afectados"), or "de" + a name ("d'Afrique", "de África"); not "de" + an infinitive, nor a
        filler word ("concernés", "interesados")."""
        if j >= hi:
            return False
        t = toks[j]
        if t.low in self.of_words:
            k = j + 2 if j + 1 < hi and toks[j + 1].low == "'" else j + 1
            return k < hi and toks[k].upper
        return t.low.isalpha() and not t.upper and len(t.low) > 3 and t.low.endswith(self.participles) \
            and t.low not in self.keep_all

    def _qualifier(self, toks: list[Token], j: int, hi: int, c: ConceptInfo) -> Mention | None:
        """The group a qualifier after a group mention names: "girls *with disabilities*" (persons with
        disabilities), "women *living with HIV/AIDS*" (people living with HIV)."""
        if c.kind != GROUP or j >= hi:
            return None
        best = None
        for node in self.qualified:
            r = self.trie.longest(toks, j, hi, start=node)
            if r and (best is None or r[0] > best[0]):
                best = r
        if best is None:
            return None
        q = self.vocab.concepts[best[1][0]]
        if q.kind != GROUP or q.id == c.id:
            return None
        return Mention(q, j, best[0], toks[j].start, toks[best[0] - 1].end, "qualifier")

    def _walk(self, toks: list[Token], i: int, hi: int) -> tuple[int, list[str]] | None:
        """Longest label match at toks[i], stepping over the grammar's skippable words where the label
        goes on after them ("right to [the enjoyment of] just and favourable conditions of work")."""
        return self.trie.longest_skipping(toks, i, hi, self.skips)

    def _longer_after_fillers(self, toks: list[Token], i: int, m: tuple[int, list[str]], hi: int) -> bool:
        """A label at toks[i:j] that begins with filler words ("autres intervenants") overlaps a longer label
        that starts after those words and ends past j ("intervenants humanitaires", "États dotés d'armes nucléaires"),
        unless the fillers make another concept of the words after them and the longer label names no more than
        those words ("tous les États concernés" are all States): French and Spanish put the adjective that completes
        a name after the noun."""
        j, vals = m
        k = i
        while k + 1 < j and toks[k].low in self.fillers:
            k += 1
            r = self._walk(toks, k, hi)
            same = self._walk(toks, k, j)
            alone = same[1][0] if same and same[0] == j else None
            if r and r[0] > j and (alone in (None, vals[0]) or r[1][0] != alone):
                return True
        return False

    def _unique_prefix(self, toks: list[Token], i: int, hi: int) -> tuple[int, list[str]] | None:
        """A long beginning of exactly one actor's name, when the text goes on differently ("Rapporteuse
        spéciale sur la situation des défenseurs *et défenseuses* des droits humains")."""
        node, j = self.trie.root, i
        while j < hi and toks[j].key in node:
            node = node[toks[j].key]
            j += 1
        if j - i < 6 or not any(toks[k].key in self.connectors for k in range(i + 1, j)):
            return None
        # the subject after the name's last connector must have begun to match: "Envoy of the
        # Secretary-General on [Youth]" read in "Envoy of the Secretary-General on Myanmar" stops at "on",
        # where the two mandates part; that is another mandate holder, not a variant of this one's name
        last = max(k for k in range(i + 1, j) if toks[k].key in self.connectors)
        if not any(toks[k].key not in self.definite for k in range(last + 1, j)):
            return None
        under = _under(node, 2)
        if len(under) == 1 and self.vocab.concepts[under[0]].kind == ACTOR:
            return j, under
        return None

    def _partial(self, toks: list[Token], i: int, hi: int, out: list[Mention]) -> int:
        """No label at toks[i], but a label starts here and coordination follows: "the rights to freedom of
        opinion, expression, peaceful assembly and association". The first conjunct is the one concept whose
        label it begins (if only one), the others share its head ("freedom of"). Returns where to go on."""
        node, j = self.trie.root, i
        while j < hi and toks[j].key in node:
            node = node[toks[j].key]
            j += 1
        if j - i < 3 or j >= hi or not self.coord.longest(toks, j, hi, attr="low"):
            return i + 1
        ks = [t.key for t in toks[i:j]]
        if not any(k in self.preps for k in ks[1:-1]):
            return i + 1
        concepts = _under(node)
        # the first conjunct is the one concept whose label goes on with a coordination ("freedom of
        # opinion *and expression*"), not any label it begins ("right of everyone *to the enjoyment* ...")
        c = self.vocab.concepts[concepts[0]] if len(concepts) == 1 and _goes_on_coordinated(node, self.coord_keys) \
            else None
        kind = c.kind if c else self.vocab.concepts[concepts[0]].kind if concepts else None
        if kind is None:
            return i + 1
        if c is not None:
            out.append(Mention(c, i, j, toks[i].start, toks[j - 1].end))
        return self._expand(toks, i, j, self.vocab.concepts[concepts[0]], hi, out)

    def _expand_back(self, toks: list[Token], i: int, j: int, c: ConceptInfo, lo: int, out: list[Mention]) -> None:
        """Conjuncts before a mention that share its last words: "international and regional organizations",
        "intergovernmental and non-governmental organizations" -> "international organizations" ..."""
        if j - i < 2:
            return
        tails = [tuple(t.key for t in toks[s:j]) for s in range(i + 1, j)]
        k = i  # the conjuncts end before toks[k]
        # once a conjunct that is no concept alone shares the name ("environmental"), a conjunct already read
        # as a mention of its own may be one word of the shared name too: "including *women*, environmental
        # and Indigenous human rights defenders" (women human rights defenders); not before ("women and
        # girls, persons with disabilities": girls, not girls with disabilities)
        floor = max(lo, out[-1].j if out else lo)
        relaxed = None  # looked up only after a first conjunct: it reads every mention so far
        # a one-word conjunct read as a group of its own may share the name when that names the same group:
        # "internally displaced, *refugee* and migrant women" (refugee women are refugees)
        same_only = bool(out) and out[-1].j - out[-1].i == 1 and out[-1].j < i and out[-1].concept.kind == c.kind
        if same_only:
            relaxed = floor = self._floor(out, i, lo, c)
        while k - 2 >= floor:
            cm = self.coord_back.longest(_Back(toks, k - 1), 0, k - floor, attr="low")
            if not cm:
                return
            e = k - cm[0]  # conjunct words end before toks[e]
            best = None
            for n in (1, 2, 3):
                s = e - n
                if s < floor or not all(t.key[:1].isalnum() for t in toks[s:e]):
                    break
                for tail in tails:
                    node = self.trie.node(tuple(t.key for t in toks[s:e]) + tail)
                    vals = node.get(Trie._END) if node else None
                    if vals and self.vocab.concepts[vals[0]].kind == c.kind:
                        best = (s, self.vocab.concepts[vals[0]])
                        break
                if best:
                    break
            if best is None:
                return
            s, cc = best
            covered = [m for m in out if s <= m.i and m.j <= e]
            if same_only and any(m.concept.id != cc.id for m in covered):
                return
            same_only = same_only and bool(covered)
            if relaxed is None:  # from the mentions before this one, as they were on entry
                relaxed = self._floor(out, i, lo, c)
            out[:] = [m for m in out if not (s <= m.i and m.j <= e)]  # the word alone was no concept
            out.append(Mention(cc, s, e, toks[s].start, toks[e - 1].end, "distributed"))
            k = s
            floor = min(floor, relaxed)

    @staticmethod
    def _floor(out: list[Mention], i: int, lo: int, c: ConceptInfo) -> int:
        """Where conjuncts before toks[i] may begin: after the last mention that is not one word of c's kind."""
        return max([lo, *(m.j for m in out if m.j <= i and not (m.j - m.i == 1 and m.concept.kind == c.kind))])

    def _expand(self, toks: list[Token], i: int, j: int, c: ConceptInfo, hi: int, out: list[Mention]) -> int:
        """Add the coordinated conjuncts that share the head of mention toks[i:j]; return where to go on."""
        ks = [t.key for t in toks[i:j]]
        heads = []
        for p, k in enumerate(ks):
            if k in self.preps and p > 0:
                heads += [tuple(ks[:p + 1]), tuple(ks[:p])]
        if len(ks) >= 2 and ks[-1].isalpha():
            heads.append(tuple(ks[:-1]))  # "organisations internationales et régionales"
            # "[autres] organisations internationales et régionales": the noun without the words before it
            heads += [tuple(ks[p:-1]) for p in range(1, len(ks) - 1)]
        if not heads:
            return j
        nodes = [n for n in (self.trie.node(h) for h in heads) if n is not None]
        while j < hi:
            cm = self.coord.longest(toks, j, hi, attr="low")
            if not cm:
                break
            k = cm[0]
            while k < hi:  # ", and" = two coordination tokens
                more = self.coord.longest(toks, k, hi, attr="low")
                if not more:
                    break
                k = more[0]
            best = None
            for n in nodes:
                r = self.trie.longest(toks, k, hi, start=n)
                if r and (best is None or r[0] > best[0]):
                    cc = self.vocab.concepts[r[1][0]]
                    if cc.kind == c.kind:
                        best = (r[0], cc)
            if best is None:
                break
            # a conjunct that is a name by itself, as long or longer, does not share the head: "older women,
            # women and girls", "older persons and persons with disabilities"
            own = self.trie.longest(toks, k, hi)
            if own and own[0] >= best[0] and own[1][0] != best[1].id:
                break
            out.append(Mention(best[1], k, best[0], toks[k].start, toks[best[0] - 1].end, "distributed"))
            j = best[0]
        return j


def _title_compound(toks: list[Token], i: int, lo: int) -> bool:
    """Whether toks[i] ends a compound title joined by a hyphen to a capitalised word before it: the
    "Secretary-General" of "Under-Secretary-General", the "President" of "Vice-President"."""
    return i - 2 >= lo and toks[i - 1].low == "-" and toks[i - 1].start == toks[i - 2].end and \
        toks[i].start == toks[i - 1].end and toks[i - 2].upper and toks[i - 2].low.isalpha()


def and_other(finder: MentionFinder, toks: list[Token], ments: list[Mention], joins: list[tuple[str, ...]],
              shared: bool = False) -> list[Mention]:
    """`ments` and the actors of "regional and other organizations": a word no mention covers, "and other",
    a noun, where the word and the noun make an actor's label (regional organizations); with `shared` (languages
    that put modifiers before their noun), also the first conjunct of modifiers that share a noun the
    vocabularies do not name with the second ("international financial and banking institutions")."""
    covered = {k for m in ments for k in range(m.i, m.j)}
    added = _shared_noun(finder, toks, covered) if shared else []
    # the joins' first words: a word followed by none of them starts no "X and other Y"
    firsts = first_words(joins)
    root = finder.trie.root  # the word and the noun make a label only where a label starts with the word
    for i in range(len(toks) - 3):
        if firsts is not None and toks[i + 1].low not in firsts or toks[i].key not in root or i in covered \
                or not toks[i].low.isalpha():
            continue
        for join in joins:
            n = i + 1 + len(join)
            if n >= len(toks) or tuple(t.low for t in toks[i + 1:n]) != join or n in covered:
                continue
            node = finder.trie.node((toks[i].key, toks[n].key))
            vals = node.get(Trie._END) if node else None
            if vals and finder.vocab.concepts[vals[0]].kind == ACTOR:
                added.append(Mention(finder.vocab.concepts[vals[0]], i, n + 1, toks[i].start, toks[n].end,
                                     "distributed"))
    return sorted(ments + added, key=lambda m: m.i) if added else ments


def _shared_noun(finder: MentionFinder, toks: list[Token], covered: set[int]) -> list[Mention]:
    """"international financial *and banking* institutions", "relevant international *and national*
    organizations": one or two words, "and"/"or", one or two words ending with a noun, none in a mention, where
    the first words and the noun make an actor's label (international financial institutions)."""
    out = []
    conjunctions = {k for k, t in enumerate(toks) if t.low in ("and", "or")}
    root = finder.trie.root
    for i in range(len(toks)):
        if i + 1 not in conjunctions and i + 2 not in conjunctions or toks[i].key not in root:
            continue  # the loop below needs "and"/"or" one or two words on, and a label that starts with the word
        for n in (2, 1):
            c = i + n
            if c + 2 >= len(toks) or toks[c].low not in ("and", "or"):
                continue
            words = toks[i:c]
            for e in (c + 3, c + 2):
                tail = toks[c + 1:e]
                if (e > len(toks) or any(k in covered for k in range(i, e))
                        or not all(t.low.isalpha() and not t.upper for t in words + tail)):
                    continue
                node = finder.trie.node(tuple(t.key for t in words) + (tail[-1].key,))
                vals = node.get(Trie._END) if node else None
                if vals and finder.vocab.concepts[vals[0]].kind == ACTOR:
                    out.append(Mention(finder.vocab.concepts[vals[0]], i, e, toks[i].start, toks[e - 1].end,
                                       "distributed"))
                    covered.update(range(i, e))
                    break
    return out


def _goes_on_coordinated(node: dict, coord: set[str]) -> bool:
    return any(k in coord for k in node if k != Trie._END)


def _under(node: dict, limit: int = 3) -> list[str]:
    """Concept IRIs of the labels below a trie node (at most `limit` distinct, enough to tell 'one')."""
    found: list[str] = []
    todo = [node]
    while todo and len(found) < limit:
        n = todo.pop()
        for k, v in n.items():
            if k == Trie._END:
                found += [x for x in v if x not in found]
            else:
                todo.append(v)
    return found


class _Back:
    """toks[k], toks[k-1], ... as a sequence."""

    __slots__ = ("toks", "k")

    def __init__(self, toks: list[Token], k: int):
        self.toks, self.k = toks, k

    def __getitem__(self, idx: int) -> Token:
        return self.toks[self.k - idx]


_UNKNOWN = ""  # the votes of full names the vocabulary does not know


class ShortNames:
    """Short references ("the Special Rapporteur") to the full mandate names used in the same resolution.

    From every actor mention whose words contain a connector after the first word ("Special Rapporteur *on*
    ...", "Committee *on* ...", "Office *of* ..."), the words before the connector form a short name. In the
    resolution, "the" + short name (not followed by a connector) then means that actor; when several actors
    share a short name, the one the resolution names most often wins.
    """

    def __init__(self, gram: dict[str, Any]):
        self.connectors = {k for p in gram.get("mandate_connectors", ()) for k in lows(p)}
        self.name_connectors = self.connectors | {k for p in gram.get("name_connectors", ()) for k in lows(p)}
        self.capitalised_connectors = {k for p in gram.get("name_connectors_capitalised", ()) for k in lows(p)}
        # after a short name, an elided "d'" goes on to another name as "de" does: "le Système *d'*intégration de
        # l'Amérique centrale" is not "le système des Nations Unies"
        self.elided = {lows(p)[0] for p in gram.get("head_prepositions", ()) if len(lows(p)) == 2 and lows(p)[1] == "'"}
        self.goes_on = self.connectors | self.elided
        self.definite = {k for p in gram["definite"] for k in lows(p)}
        # "la Rapporteuse spéciale de continuer": "de" here opens the complement, not the rest of a name
        self.markers = {lows(p)[0] for p in gram["complement_markers"]}
        self.infinitive = re.compile(gram["infinitive"]) if gram.get("infinitive") else None
        self.that = {lows(p)[0] for p in gram.get("clause_that", ())}
        self.articles = {lows(p)[0] for p in gram.get("articles", ())}
        self.before_verb = {lows(p)[0] for p in gram.get("marker_pronouns", ())} | self.markers | {"'", "’"}
        self.marker_keys = {keys(p)[0] for p in gram["complement_markers"]}
        # words a full name carries that its short form drops ("Office of the [United Nations] High
        # Commissioner for Refugees" -> "the Office of the High Commissioner")
        self.optional = [keys(p) for p in gram.get("name_optional", ())]
        self.language = gram.get("lang", "en")
        self.headed_by = phrase_trie(gram.get("headed_by", []))
        # "the working group for *its* consideration": a possessive after the connector opens no name
        self.possessives = {lows(p)[0] for p in gram.get("own", ())}
        # where a name's noun stands: last in English ("the Special *Committee*"), first in French and Spanish
        # ("le *Comité* spécial", "el *Comité* Especial")
        self.noun_first = not gram.get("actor_followers")

    def _complement(self, toks: list[Token], j: int) -> bool:
        """Whether the marker at toks[j] opens a complement ("de continuer", "de que", "para que") rather than the
        rest of a name ("el grupo *de* trabajo", where Spanish "de" is both)."""
        nxt = toks[j + 1].low if j + 1 < len(toks) else ""
        if toks[j].low not in self.markers:
            return nxt in self.that  # "a la Relatora Especial para que considere"
        if toks[j].low in self.elided and nxt == "'" and j + 2 < len(toks):
            nxt = toks[j + 2].low  # "d'examiner" opens a complement, "d'intégration" goes on the name
            return nxt in self.before_verb or bool(self.infinitive and self.infinitive.search(nxt))
        # "de los Principios Rectores" is what follows the short name, "de trabajo" the rest of a longer name
        return self.infinitive is None or nxt in self.before_verb or nxt in self.articles or \
            bool(nxt.isalpha() and self.infinitive.search(nxt))

    def build(self, mentions: list[tuple[list[Token], Mention]], vocab: Vocabulary | None = None,
              texts: list[tuple[list[Token], list[Mention]]] = ()) -> Trie:
        """The short names of the resolution; `texts`, its token lists with their mentions, count the bodies it
        names in full that the vocabulary does not know ("the Commission on the Limits of the Continental
        Shelf"): where they outnumber a known body's mentions, "the Commission" is theirs and stays unread."""
        counts: dict[tuple[str, ...], Counter] = {}
        labels = vocab.trie("mentions", self.language) if vocab is not None else Trie()
        for toks, m in mentions:
            if m.concept.kind != ACTOR:
                continue
            heads = set(self._heads(toks, m.i, m.j, labels, m.concept.id))
            head_of = self._head_title(toks, m.j)
            if head_of:
                heads.add(head_of)
            if vocab is not None:  # "ACNUR" names UNHCR: its full labels give "el Alto Comisionado"
                own = self._label_heads(vocab, m.concept.id)
                if tuple(t.key for t in toks[m.i:m.j]) in own:
                    # a short form itself ("the High Commissioner") tells nothing of which one, but the title of
                    # who heads it still names it ("the Investigative Team, headed by a Special Adviser")
                    heads = {head_of} if head_of else set()
                else:
                    heads.update(own)
            for head in heads:
                counts.setdefault(head, Counter())[m.concept.id] += 1
        if vocab is not None:
            self._vote_for_holders(mentions, vocab, labels, counts)
        self._vote_for_unknown(texts, counts, Counter(m.concept.id for _, m in mentions))
        self._defined(texts, counts)
        t = Trie()
        for head, c in counts.items():
            if c.most_common(1)[0][0] == _UNKNOWN:
                continue
            node = labels.node(head) if len(head) == 1 else None
            if node is not None and Trie._END in node and c.most_common(1)[0][0] not in node[Trie._END]:
                continue  # "the State" (of Palestine): a word that names a concept of its own, States
            t.add(head, c.most_common(1)[0][0])
        return t

    def _vote_for_unknown(self, texts: list[tuple[list[Token], list[Mention]]],
                          counts: dict[tuple[str, ...], Counter], named: Counter) -> None:
        """A vote against the known body for each full name the vocabulary lacks whose noun is a one-word short
        name: "Commission on the Limits of the Continental Shelf", "Fourth International Conference on Financing
        for Development", "Comisión de Límites de la Plataforma Continental" (its noun, a capital, a connector and a
        capitalised word after it); French prints such names in lower case, read as names where the title prints
        them ("Rapport du Comité des relations avec le pays hôte"). `texts` starts with the title."""
        nouns = {head[0] for head in counts if len(head) == 1}
        names: dict[str, Counter] = {}  # per noun, how often each unknown name is printed
        titled = {n[:2] for n in self._unknown_names(*texts[0], nouns, True)} if texts and self.noun_first else set()
        for toks, ments in texts:
            for n in self._unknown_names(toks, ments, nouns, bool(titled)):
                if n[2] or n[:2] in titled:
                    names.setdefault(n[0], Counter())[n[1]] += 1
        # one body the vocabulary lacks must be printed in full more often than the known one is named (in full
        # or not): several departments it lacks ("Departamento de Operaciones de Paz", "... de la Asamblea
        # General") are not one, and "el Departamento de Comunicación Global" printed 120 times keeps its noun
        for noun, c in names.items():
            votes = counts[(noun,)]
            known = votes.most_common(1)[0][0]
            if c.most_common(1)[0][1] > named[known]:
                votes[_UNKNOWN] = votes[known] + 1

    def _unknown_names(self, toks: list[Token], ments: list[Mention], nouns: set[str],
                       loose: bool) -> list[tuple[str, tuple[str, ...], bool]]:
        """(noun, the words after it, whether a capital follows the connector) of each full name in `toks` whose
        noun is one of `nouns` and that no mention covers; `loose`: also those in lower case after the connector."""
        covered = {k for m in ments if m.concept.kind == ACTOR for k in range(m.i, m.j)}
        out = []
        for i in range(len(toks) - 2):
            t = toks[i]
            if t.key not in nouns or not t.upper or i in covered:
                continue
            c = i + 1  # French and Spanish adjectives of the name stand between ("Conferencia Internacional sobre")
            while self.noun_first and c < min(len(toks) - 1, i + 3) and toks[c].upper and c not in covered:
                c += 1
            if toks[c].low not in self.connectors or c + 1 >= len(toks) or self._complement(toks, c):
                continue
            nxt = toks[c + 2] if toks[c + 1].low in self.definite and c + 2 < len(toks) else toks[c + 1]
            if nxt.upper or loose:  # a name goes on in capitals ("des informations utiles" is no name)
                out.append((t.key, tuple(x.key for x in toks[c:c + 4]), nxt.upper))
        return out

    def _defined(self, texts: list[tuple[list[Token], list[Mention]]], counts: dict[tuple[str, ...], Counter]) -> None:
        """A short name the resolution defines in parentheses after a full name is that name's, whatever the votes:
        "Commission on the Limits of the Continental Shelf (the Commission)", "Comisión de Límites de la
        Plataforma Continental (la Comisión)"; the body of the mention just before, else one the vocabulary lacks."""
        for toks, ments in texts:
            ends = {m.j: m.concept.id for m in ments if m.concept.kind == ACTOR}
            for i, t in enumerate(toks[:-3]):
                if t.low != "(" or toks[i + 1].low not in self.definite:
                    continue
                k = i + 1
                while k < len(toks) and (toks[k].low in self.definite or toks[k].low in ("'", "’")):
                    k += 1
                j = next((x for x in range(k, min(len(toks), k + 4)) if toks[x].low == ")"), None)
                if j is None or j == k or not all(x.upper or not x.low.isalpha() for x in toks[k:j]):
                    continue
                # the definition outweighs any count of mentions
                counts.setdefault(tuple(x.key for x in toks[k:j]), Counter())[ends.get(i, _UNKNOWN)] += len(toks)

    def _head_title(self, toks: list[Token], j: int) -> tuple[str, ...] | None:
        """The title of the person who heads the body named just before toks[j] ("the Investigative Team,
        headed by a Special Adviser"): the body's later "the Special Adviser" is that body."""
        if j >= len(toks) or toks[j].low != ",":
            return None
        r = self.headed_by.longest(toks, j + 1, len(toks), attr="low")
        if not r:
            return None
        k = r[0]
        while k < len(toks) and toks[k].upper:
            k += 1
        return tuple(t.key for t in toks[r[0]:k]) or None

    def _vote_for_holders(self, mentions: list[tuple[list[Token], Mention]], vocab: Vocabulary, labels: Trie,
                          counts: dict[tuple[str, ...], Counter]) -> None:
        """A mention of an office is a vote for the short form its head holds ("Office of the United Nations
        High Commissioner for Human Rights" makes "the High Commissioner" the High Commissioner for Human
        Rights, not the High Commissioner for Refugees named once), when the vocabulary gives the head that
        short form as a label of its own."""
        for toks, m in mentions:
            if m.concept.kind != ACTOR:
                continue
            for b in m.concept.broader:
                for head in set(self._label_heads(vocab, b)) if b in vocab.concepts else ():
                    node = labels.node(head)
                    if node is not None and b in node.get(Trie._END, ()) and head in counts \
                            and self._names_in_full(toks, m, head):
                        counts[head][b] += 1

    def _names_in_full(self, toks: list[Token], m: Mention, head: tuple[str, ...]) -> bool:
        """The mention prints `head` followed by a connector and the rest of a name ("... High Commissioner
        for Human Rights"), not as a short form itself ("Office of the High Commissioner")."""
        n = len(head)
        return any(tuple(t.key for t in toks[p:p + n]) == head and toks[p + n].low in self.connectors
                   for p in range(m.i, m.j - n - 1))

    def _heads(self, toks: list[Token], i: int, j: int, labels: Trie | None = None,
               own: str | None = None) -> list[tuple[str, ...]]:
        """Short names of the full name toks[i:j]: the words before its first connector ("Special
        Rapporteur"), and before any connector without the optional words ("High Commissioner"); its first
        words, unless they are another's full title ("Secretario General" of "Secretario General Adjunto de
        ...", the Secretary-General's own name, in `labels`, the vocabulary's)."""
        out = []
        if self.noun_first and toks[i].low.endswith("s") and toks[i].key != toks[i].low:
            return out  # "organismos de las Naciones Unidas" gives no "el Organismo": keys drop the plural's "s"
        for p in range(i + 1, j - 1):
            if toks[p].low in self.name_connectors or (toks[p].low in self.capitalised_connectors and toks[p + 1].upper):
                head = tuple(t.key for t in toks[i:p])
                if not out or (self._compound_title(toks, i, p, out)
                               and (labels is None or not self._names_another(head, own, labels))):
                    out.append(head)  # ("Organisation des Nations Unies" of UNESCO's name is another's name)
                short = self._drop_optional(head)
                if short is not None:
                    out.append(short)
        if out:  # its noun: "the working group", "the Mechanism" of the body the resolution names in full
            head = out[0]
            while head and head[-1] in self.marker_keys:
                head = head[:-1]  # "toutes les parties *à* des conflits armés": the noun is "parties"
            cut = [head[:n] if self.noun_first else head[-n:] for n in (1, 2) if len(head) > n]
            out += [h for h in cut if len(h) < 2 or labels is None or not self._names_another(h, own, labels)]
        return out

    def _compound_title(self, toks: list[Token], i: int, p: int, out: list[tuple[str, ...]]) -> bool:
        """Whether toks[i:p] is a title whose noun takes a capitalised complement, up to the connector at p:
        "el Grupo de Trabajo Intergubernamental" of "Grupo de Trabajo Intergubernamental sobre ...", where the
        first connector, "de", only cut "Grupo"."""
        first = i + len(out[0])
        if not (self.noun_first and len(out) == 1 and first + 1 < p):
            return False
        # French prints the rest of the title in lower case: "le Groupe de travail intergouvernemental" of "Groupe
        # de travail intergouvernemental sur l'application ..."
        return (toks[first + 1].upper and toks[p - 1].upper) or \
            (p - first == 3 and all(t.low.isalpha() and not t.upper for t in toks[first + 1:p]))

    @staticmethod
    def _names_another(head: tuple[str, ...], own: str | None, labels: Trie) -> bool:
        node = labels.node(head)
        return node is not None and Trie._END in node and own not in node[Trie._END]

    def _label_heads(self, vocab: Vocabulary, iri: str) -> list[tuple[str, ...]]:
        cache = vocab.__dict__.setdefault("_short_heads", {})
        k = (iri, self.language)
        if k not in cache:
            heads: list[tuple[str, ...]] = []
            for label, lang, _ in vocab.labels_of(iri):
                if lang == self.language:
                    lt = tokenize(label)
                    heads += self._heads(lt, 0, len(lt), vocab.trie("mentions", self.language), iri)
            cache[k] = heads
        return cache[k]

    def _drop_optional(self, head: tuple[str, ...]) -> tuple[str, ...] | None:
        """`head` without the first optional words it contains (None when it has none, or nothing is left)."""
        for opt in self.optional:
            n = len(opt)
            for s in range(len(head) - n + 1):
                if head[s:s + n] == opt:
                    short = head[:s] + head[s + n:]
                    return short if short else None
        return None

    def apply(self, toks: list[Token], found: list[Mention], heads: Trie, vocab: Vocabulary) -> list[Mention]:
        """Replace or add mentions of short names in one token list; `found` is sorted by position."""
        if not heads.root:
            return found
        taken = {}
        for m in found:
            for p in range(m.i, m.j):
                taken[p] = m
        out = list(found)
        for i in range(1, len(toks)):
            if toks[i - 1].low not in self.definite:
                continue
            r = heads.longest(toks, i)
            if not r:
                continue
            j, vals = r
            if j + 1 < len(toks) and toks[j].low == "-" and toks[j].start == toks[j - 1].end:
                continue  # "el Presidente-Relator del Grupo de Trabajo" is not "el Presidente" of the Assembly
            if j < len(toks) and toks[j].low in self.goes_on and not self._complement(toks, j) and \
                    not (j + 1 < len(toks) and toks[j + 1].low in self.possessives):
                continue  # "the Special Rapporteur on X": a full name of its own
            cur = taken.get(i)
            if cur is not None and (cur.i != i or cur.j > j):
                continue  # inside a longer mention
            c = vocab.concepts.get(vals[0])
            if c is None:
                continue
            new = Mention(c, i, j, toks[i].start, toks[j - 1].end, "short-name")
            if cur is not None:
                out[out.index(cur)] = new
            else:
                out.append(new)
        out.sort(key=lambda m: m.i)
        return out
