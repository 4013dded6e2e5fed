"""Whether a mention plays the role its words suggest in its clause: rules on top of the vocabulary match.

A vocabulary match says that words name an actor, a right or a group; these rules say when such words are
not an addressee, a right or a beneficiary of the clause they stand in: words inside the title of a day, a
year or a programme; the enterprises of "the shareholders of business enterprises"; "media" inside "social
media messaging services"; a group word used as a modifier ("migrant status"); a group asked to act rather
than protected; a right named only by a policy noun ("social security measures"). And the one inference
that adds a concept: "the Government" of a resolution about one country is that country's Government.
Every rule reads the grammar of its language (grammar.py); a language without the entries keeps the match.
"""
from __future__ import annotations

import os
import re
from typing import Any

from unkg.ingest.extract.mentions import Mention
from unkg.ingest.extract.tokens import Token, first_words, keys, lows, phrase_trie
from unkg.ingest.extract.vocab import ACTOR, GROUP, STATES, ConceptInfo

GOVERNMENTS = "https://w3id.org/unkg/vocab/actors/governments"
PARTIES = "https://w3id.org/unkg/vocab/actors/parties-to-armed-conflict"
STATES_PARTIES = "https://w3id.org/unkg/vocab/actors/states-parties"
STATES_CONCEPT = "https://w3id.org/unkg/vocab/actors/states"


def _words(gram: dict[str, Any], name: str) -> set[str]:
    return {w for p in gram.get(name, ()) for w in lows(p)}


class Rules:
    """Per language: the grammar's word sets the rules read."""

    def __init__(self, gram: dict[str, Any]):
        self.gov = {" ".join(lows(p)) for p in gram.get("own_government", ())}
        self.gov_articles = _words(gram, "own_government_articles")
        self.members = _words(gram, "member_nouns")
        self.followers = _words(gram, "actor_followers")
        self.repeat = _words(gram, "addressee_repeat")
        self.adjunct = _words(gram, "adjunct_starts")
        self.parenthetical = _words(gram, "parenthetical_starts")
        self.parenthetical_adverbs = _words(gram, "parenthetical_adverbs")
        self.gerund_adjuncts = _words(gram, "gerund_adjuncts")
        self.heads = _words(gram, "title_heads")
        self.weak_heads = _words(gram, "title_heads_groups")
        self.joiners = _words(gram, "title_joiners")
        self.right_words = _words(gram, "right_words")
        self.policy = {" ".join(lows(p)) for p in gram.get("policy_nouns", ())}
        self.plurals = _words(gram, "irregular_plurals")
        self.plural_pronouns = _words(gram, "plural_pronouns")
        self.person_pronouns = _words(gram, "person_pronouns")
        self._noun_phrase_words(gram)
        self.back = [tuple(lows(p)) for p in gram.get("back_references", ())]
        self.back_nonstate = _words(gram, "back_reference_nonstate")
        self.back_all = _words(gram, "back_reference_all")
        self.elsewhere = _words(gram, "back_reference_elsewhere")
        self.and_other = [tuple(lows(p)) for p in gram.get("and_other", ())]
        self.preps = _words(gram, "head_prepositions") | _words(gram, "mandate_connectors")
        self.person_nouns = {p.lower() for p in gram.get("person_nouns", ())}
        self.passive_aux = _words(gram, "passive_auxiliaries")
        self.participles = tuple(gram.get("participle_suffixes", ())) or ("\0",)
        self.fillers = _words(gram, "fillers") | _words(gram, "function_words")
        self.links = {lows(p)[0] for p in gram.get("addressee_links", ())}
        self.definite = {k for p in gram.get("definite", ()) for k in lows(p)}
        self.markers = {lows(p)[0] for p in gram.get("complement_markers", ())}
        self.places = {lows(p)[-1] for p in gram.get("place_prepositions", ())}
        self.coord = {lows(p)[-1] for p in gram.get("coordination", ()) if lows(p)}
        # the last two words of joiners such as "ainsi que": a "que" after "ainsi" opens no clause
        self.joiner_pairs = {lows(p)[:2] for p in [*gram.get("list_joiners", ()), *gram.get("example_joiners", ())]
                             if len(lows(p)) >= 2}
        self.english_order = bool(gram.get("actor_followers"))  # modifiers before their noun
        self.party_nouns = {k for p in gram.get("party_nouns", ()) for k in keys(p)}
        self.negations = _words(gram, "predicate_negations")
        self.negation_adverbs = _words(gram, "negation_adverbs")
        self.name_negations = _words(gram, "negations")
        self.recipients = _words(gram, "recipient_links")
        self.verb_adverbs = _words(gram, "verb_adverbs")
        self.request_nouns = _words(gram, "request_nouns")
        self.party_links = _words(gram, "party_links")
        self.infinitive_end = re.compile(gram["infinitive"]) if gram.get("infinitive") else None
        self.infinitive_leads = _words(gram, "infinitive_leads")
        self.relatives = _words(gram, "relative_pronouns")
        self.list_fillers = _words(gram, "fillers")
        self.group_pronouns = _words(gram, "group_pronouns")
        self.instrument_nouns = _words(gram, "instrument_nouns")
        self.description_links = phrase_trie(gram.get("description_links", []))
        self.grounds = _words(gram, "praise_grounds")
        self.partner_phrases = phrase_trie([p for p in gram.get("partner_phrases", ()) if len(lows(p)) > 1])
        self.body_nouns = _words(gram, "body_nouns")
        self.determiners = _words(gram, "determiners")
        self.owned_things = _words(gram, "owned_things")
        self.articles = (self.definite | self.gov_articles | {"las", "los", "'"}) - self.links

    # -- titles ---------------------------------------------------------------------------------------------
    def title_spans(self, toks: list[Token], named: set[int] = frozenset()) -> list[tuple[int, int, int]]:
        """(start, end, head) token ranges of capitalised names of days, years, programmes ... ; a head inside
        a mention (`named`) is part of that name ("United Nations Conference on Trade and Development")."""
        out = []
        for h, t in enumerate(toks):
            if not (t.upper and t.low in self.heads | self.weak_heads) or h in named:
                continue
            if out and out[-1][0] <= h < out[-1][1]:
                continue
            i = h
            while i > 0 and (toks[i - 1].upper or (toks[i - 1].low in ("'", "s") and i > 1 and toks[i - 2].upper)):
                i -= 1
            j, k = h + 1, h + 1
            while k < len(toks) and (toks[k].upper or toks[k].low in self.joiners):
                k += 1
                if toks[k - 1].upper:
                    j = k
            if i < h or j > h + 1:
                out.append((i, j, h))
        return out

    def in_titles(self, toks: list[Token], ments: list[Mention]) -> tuple[list[Mention], list[Mention]]:
        """The mentions outside titles, and the actors and groups inside one (not containing its head)."""
        named = {k for m in ments for k in range(m.i, m.j)}
        spans = self.title_spans(toks, named) if self.heads else []
        if not spans:
            return ments, []
        keep, drop = [], []
        for m in ments:
            # a weak head ("Programme", "Plan") names bodies too: only the groups in its title are dropped
            kinds = [(ACTOR, GROUP) if toks[h].low in self.heads else (GROUP,)
                     for i, j, h in spans if i <= m.i and m.j <= j and not (m.i <= h < m.j)]
            (drop if any(m.concept.kind in k for k in kinds) else keep).append(m)
        return keep, drop

    # -- addressees -----------------------------------------------------------------------------------------
    def bare_government(self, toks: list[Token], m: Mention) -> bool:
        """"the Government", "the authorities": no country named with them."""
        if m.concept.id != GOVERNMENTS or m.i == 0 or toks[m.i - 1].low not in self.gov_articles:
            return False
        if " ".join(t.low for t in toks[m.i:m.j]) not in self.gov:
            return False
        return not (m.j < len(toks) and toks[m.j].low in self.links)

    def adjective_government(self, toks: list[Token], m: Mention) -> int | None:
        """"the Libyan authorities", "les autorités libyennes": the index of the adjective of nationality that
        goes with the Government words, if any."""
        if m.concept.id != GOVERNMENTS or " ".join(t.low for t in toks[m.i:m.j]) not in self.gov:
            return None
        if self.english_order:
            k, article = m.i - 1, m.i - 2
            ok = k >= 1 and toks[k].upper and toks[k].low.isalpha() and not (m.j < len(toks) and toks[m.j].low in self.links)
        else:
            k, article = m.j, m.i - 1
            ok = k < len(toks) and not toks[k].upper and toks[k].low.isalpha() and toks[k].low not in self.fillers
        return k if ok and article >= 0 and toks[article].low in self.gov_articles else None

    @staticmethod
    def state_of_adjective(adj: str, country: ConceptInfo | None,
                           words: dict[str, list[ConceptInfo]]) -> ConceptInfo | None:
        """The State an adjective of nationality names ("libyan" -> Libya, "afghan" -> Afghanistan): a word of
        its name sharing all but the last letter of the shorter of the two; the resolution's country first, else
        the only such State."""
        found: dict[str, tuple[int, ConceptInfo]] = {}
        for w, states in words.items():
            n = len(os.path.commonprefix([adj, w]))  # (keys: no accents, no plural s)
            if n >= 4 and n >= min(len(w), len(adj)) - 1:
                for s in states:
                    found[s.id] = max(found.get(s.id, (0, s)), (n, s), key=lambda x: x[0])
        if country is not None and country.id in found:
            return country
        best = max((n for n, _ in found.values()), default=0)
        top = [s for n, s in found.values() if n == best]  # "nigerian": Nigeria before Niger
        return top[0] if len(top) == 1 else None

    def member_of(self, toks: list[Token], m: Mention, covered: set[int]) -> bool:
        """"the shareholders of X", "members of X": the members are addressed, not X."""
        k = m.i - 1
        if k >= 0 and toks[k].low in self.gov_articles | {"the"}:
            k -= 1
        return k >= 1 and toks[k].low in self.links and toks[k - 1].low in self.members and k - 1 not in covered

    def negated(self, toks: list[Token], m: Mention) -> bool:
        """"States *not* (yet) parties to the Treaty": the actor words say what the addressees are not."""
        k = m.i - 1
        while k > 0 and toks[k].low in self.negation_adverbs:
            k -= 1
        return k >= 0 and toks[k].low in self.negations

    def thing_before(self, toks: list[Token], a: int, k: int) -> bool:
        """toks[a:k] may name the thing a recipient after toks[k] gets: no adverb of the verb before toks[k]
        ("Appeals *once again* to States"), no participle ("its request, *made* to"), no noun of a request, in the
        verb's words too ("Renews its *call* in this regard to Member States")."""
        low = toks[k - 1].low if k > 0 else ""
        return (low.isalpha() and not low.endswith(("ly", "ed")) and low not in self.verb_adverbs
                and not any(t.low in self.request_nouns for t in toks[max(0, a - 2):k]))

    def negated_participle(self, toks: list[Token], k: int, b: int) -> bool:
        """"(organizations) *not* (currently) contributing to the Agency": a negated participle opens a clause that
        says what the addressees do not do; the actors in it are no addressees."""
        if not self.english_order or toks[k].low not in self.negations:
            return False
        k += 1
        while k < b and toks[k].low in self.negation_adverbs:
            k += 1
        return k < b and toks[k].low.endswith(("ing", "ed")) and toks[k].low.isalpha()

    def embedded(self, toks: list[Token], m: Mention, a: int, b: int, covered: set[int]) -> bool:
        """"social *media* messaging services": an actor name between unknown words of a longer name; in French
        and Spanish, the complement of a capitalised name the vocabularies lack ("la Communauté économique *des
        États* de l'Afrique centrale")."""
        if not self.english_order:
            return self._name_complement(toks, m, a, covered)
        if m.i <= a or m.j >= b:
            return False
        before, after = toks[m.i - 1], toks[m.j]
        if before.low == "-" and before.end == m.start:  # "multi-stakeholder partnerships": one word
            return self._open_word(after) and m.j not in covered
        if not (self._open_word(before) and m.i - 1 not in covered and m.j not in covered):
            return False
        if after.low in self.followers | self.markers | self.places:
            return False
        # a gerund goes on the name only when a noun follows it: "messaging services", not "wishing to"
        noun_after = m.j + 1 < b and self._open_word(toks[m.j + 1])
        return self._open_word(after) or (after.low.endswith("ing") and after.low.isalpha() and noun_after)

    def _name_complement(self, toks: list[Token], m: Mention, a: int, covered: set[int]) -> bool:
        """An article, a capitalised noun, one lower-case adjective, then a link right before the actor: "la
        Communauté économique des États": the actor is part of that name (a title such as "la Présidente du
        Comité" has no adjective and keeps the body)."""
        k = m.i - 4
        if k < a or any(p in covered for p in range(k, m.i)) or toks[m.i - 1].low not in self.links:
            return False
        art, head, adj = toks[k], toks[k + 1], toks[k + 2]
        return (art.low in self.definite and head.upper and head.low.isalpha() and not adj.upper
                and adj.low.isalpha() and adj.low not in self.fillers | self.links | self.coord)

    def before_noun(self, toks: list[Token], m: Mention, covered: set[int]) -> bool:
        """"*military* equipment": a common noun of an actor that modifies the noun after it (a name does not:
        "that Israel stop")."""
        if not self.english_order or m.j >= len(toks) or m.j in covered or any(t.upper for t in toks[m.i:m.j]):
            return False
        if toks[m.j - 1].low.endswith("s"):
            return False  # a plural is a head ("other relevant actors ensure"), a modifier is singular
        after = toks[m.j]
        return self._open_word(after) and after.low not in self.followers | self.markers | self.places

    def name_before_noun(self, toks: list[Token], m: Mention, a: int, covered: set[int]) -> bool:
        """"the *United Nations* Framework Convention", "*United Nations* peacekeeping activities", "*Economic and
        Social Council* resolution 1980/67": in an addressee slot, a name that modifies the noun phrase right after
        it names whose that thing is, unless the phrase's head is the noun of a body ("United Nations departments",
        "United Nations internal and external oversight bodies" are the Organization's). Not a class of States
        ("States hosting refugees"), nor the first name after the verb (toks[a]), which is addressed ("requests the
        Secretary-General prepare"), nor a subject before its verb ("the Houthis end the restrictions")."""
        first = next((t for t in toks[m.i:m.j] if t.low not in self.list_fillers), toks[m.i])
        if (not self.english_order or m.j >= len(toks) or m.j in covered or _state(m.concept)
                or not toks[m.j - 1].upper or not first.upper):
            return False  # (a common noun heads "relevant bodies of the United Nations": no name)
        if all(toks[k].low in self.list_fillers and toks[k].low != "," for k in range(a, m.i)):
            return False  # the first words after the verb are its addressee: "requests the Secretary-General prepare"
        head, k = None, m.j
        while k < len(toks):
            low = toks[k].low
            if head is not None and head.low in self.body_nouns:
                break
            if low == "-" or (low in ("and", "or") and head is not None and k + 1 < len(toks)
                              and toks[k + 1].low.isalpha() and toks[k + 1].upper == head.upper):
                k += 1  # "high-level", "internal and external", "African Union Peace and Security Council"
                continue
            if k in covered and head is not None and head.upper:
                return False  # a longer name the vocabularies lack goes on: "African Union Peace and Security Council"
            if (not low.isalpha() or k in covered or low in self.fillers or low in self.links or low in self.coord
                    or low in self.followers or low in self.markers):
                break
            if not toks[k].upper and low.endswith(("ed", "ly")):
                return False  # "non-governmental organizations active ...", "the Secretary-General fully implement"
            head, k = toks[k], k + 1
        if head is None or head.low in self.body_nouns:
            return False
        return not (k < len(toks) and toks[k].low in self.determiners)  # a verb and its object: "Houthis end the"

    def owner_of_thing(self, toks: list[Token], m: Mention, a: int) -> bool:
        """French and Spanish: "la Convention[-cadre] *des Nations Unies* contre la corruption", "la résolution
        1980/67 *du Conseil économique et social*", "los instrumentos *de las Naciones Unidas*": a name after "de"
        that completes the name of an instrument or a resolution says whose that thing is; it is no addressee (the English order is `name_before_noun`'s)."""
        if self.english_order or not self.owned_things:
            return False
        k = m.i - 1
        while k > a and toks[k].low in self.articles:
            k -= 1
        if k <= a or toks[k].low not in self.links:
            return False
        k -= 1
        number = False
        while k > a and not toks[k].low.isalpha() and toks[k].low not in (",", ";", ":"):
            number = number or toks[k].low.isdigit()
            k -= 1  # "1980/67", "1373 (2001)"
        if number:
            return k >= a and toks[k].low in self.owned_things
        if k > a + 1 and toks[k - 1].low == "-" and not toks[k].upper:
            k -= 2  # "Convention-cadre"
        elif k > a and toks[k].upper and toks[k - 1].upper:
            k -= 1  # "Convención Marco"
        return k >= a and toks[k].low in self.owned_things

    def _open_word(self, t: Token) -> bool:
        """A lower-case word that is no function word of the grammar."""
        return (t.low.isalpha() and not t.upper and t.low not in self.fillers and t.low not in self.links
                and t.low not in self.coord and not t.low.endswith(("ly", "ing", "ed")))

    def unmapped(self, toks: list[Token], a: int, b: int, covered: set[int], excluded: set[int],
                 text: str) -> list[str]:
        """Conjuncts of the addressee slot toks[a:b] that hold no mention: actors the vocabularies lack."""
        out, k = [], a
        while k < b:
            e = k
            while e < b and toks[e].low not in self.coord and toks[e].low not in ("including", "(", ")"):
                e += 1
            words = [p for p in range(k, e) if p not in excluded and toks[p].low not in self.fillers]
            if (words and not any(p in covered for p in range(k, e)) and toks[words[0]].low not in self.adjunct
                    and any(toks[p].low.isalpha() for p in words) and len(words) <= 8):
                out.append(text[toks[words[0]].start:toks[words[-1]].end])
            k = e + 1
        return out

    def opens_adjunct(self, toks: list[Token], k: int) -> bool:
        """A comma and toks[k] open an adjunct that runs to the next comma: ", during the debate on ...,", ", in
        transmitting information to X,"."""
        if k < 1 or toks[k - 1].low != ",":
            return False
        if toks[k].low in self.parenthetical or (toks[k].low in self.parenthetical_adverbs and k + 1 < len(toks)
                                                 and toks[k + 1].low in self.parenthetical):
            return True
        nxt = toks[k + 1].low if k + 1 < len(toks) else ""
        return toks[k].low in self.gerund_adjuncts and nxt.isalpha() and nxt.endswith("ing")

    def passive(self, toks: list[Token], k: int, hi: int) -> bool:
        """"(that Member States ...) shall be credited", "(the Panel) will: (a) comprise": the subjects of the
        clause at toks[k:hi] are not asked to act."""
        for n in range(k, hi):
            low = toks[n].low
            if low in (";", ":"):
                return low == ":"
            if low in self.passive_aux and n + 1 < hi and toks[n + 1].low.endswith(self.participles):
                return True
        return False

    def infinitive(self, toks: list[Token], n: int) -> bool:
        """toks[n] begins an infinitive (after pronouns or "ne"): "de *continuer*", "de *les* appliquer"; a noun
        after "de" goes on the name ("centres *d'information* des Nations Unies"). Languages without the
        grammar entry take any word."""
        if self.infinitive_end is None:
            return True
        while n + 1 < len(toks) and toks[n].low in self.infinitive_leads:
            n += 1
        return bool(self.infinitive_end.search(toks[n].low))

    def bare_parties(self, toks: list[Token], m: Mention) -> bool:
        """"parties", "all the parties", "toutes les Parties": parties named without a conflict or a treaty."""
        return m.concept.id == PARTIES and all(t.key in self.party_nouns or t.low in self.fillers
                                               for t in toks[m.i:m.j])

    def named_instrument(self, toks: list[Token], m: Mention) -> bool:
        """"parties to the Basel Convention": bare parties followed by a capitalised name are a treaty's parties
        (a conflict is not named so)."""
        k = m.j
        if not (self.party_links and self.bare_parties(toks, m) and k < len(toks) and toks[k].low in self.party_links):
            return False
        k += 1
        if k < len(toks) and toks[k].low in self.gov_articles:
            k += 1
        return k < len(toks) and toks[k].upper

    def treaty_parties(self, per: list[tuple[list[Token], list[Mention]]],
                       states_parties: ConceptInfo | None) -> list[list[Mention]]:
        """In a resolution that names the parties to a treaty ("Parties to the Paris Agreement") and no party to
        an armed conflict by a longer name, bare "parties" are the treaty's: a short name of States parties. Bare
        parties followed by the capitalised name of an instrument are its parties in any resolution."""
        if states_parties is None:
            return [ms for _, ms in per]
        found = [m for _, ms in per for m in ms]
        whole = not (not any(m.concept.id == STATES_PARTIES for m in found)
                     or any(m.concept.id == PARTIES and not self.bare_parties(toks, m) for toks, ms in per for m in ms))
        return [[Mention(states_parties, m.i, m.j, m.start, m.end, "short-name")
                 if (self.bare_parties(toks, m) if whole else self.named_instrument(toks, m)) else m
                 for m in ms] for toks, ms in per]

    def back_references(self, toks: list[Token], ments: list[Mention]) -> list[Mention]:
        """`ments` and, over the words "the above-mentioned entities", one mention of each actor named before
        them in the paragraph (the ones that are no State for "entities", "organizations" ...; all for
        "actors")."""
        out: list[Mention] = []
        # the phrases' first words: most words start none, and are passed over without a look at the rest
        firsts = first_words(self.back)
        for k in range(1, len(toks)):
            if firsts is not None and toks[k].low not in firsts:
                continue
            for words in self.back:
                e = k + len(words)
                if tuple(t.low for t in toks[k:e]) != words:
                    continue
                # the noun after the word in English ("the above-mentioned entities"), before it in French and
                # Spanish ("les entités susmentionnées", "las entidades mencionadas")
                n, i, j = (e, k, e + 1) if self.english_order else (k - 1, k - 1, e)
                noun = toks[n].low if n < len(toks) else ""
                if noun not in self.back_nonstate | self.back_all or any(t.low in self.elsewhere for t in toks[j:j + 4]):
                    continue
                seen: set[str] = set()
                for m in ments:
                    if (m.j <= i and m.concept.kind == ACTOR and m.concept.id not in seen
                            and (noun in self.back_all or not _state(m.concept))):
                        seen.add(m.concept.id)
                        out.append(Mention(m.concept, i, j, toks[i].start, toks[j - 1].end, "back-reference"))
        return sorted(ments + out, key=lambda m: m.i) if out else ments

    def named_before(self, toks: list[Token], ments: list[Mention]) -> list[Mention]:
        """`ments` with "the Organization", "the Agency" read as the last actor named before it in the paragraph
        whose name ends with that noun ("the United Nations Educational, Scientific and Cultural Organization
        ..., and invites the Organization to"); elsewhere such a noun keeps its own reading ("the Organization"
        is the United Nations)."""
        if not self.english_order:
            return ments
        out = list(ments)
        at = {m.i: m for m in ments}
        for k in range(1, len(toks)):
            if not toks[k].upper or toks[k - 1].low not in self.gov_articles | {"the"}:
                continue
            cur = at.get(k)
            if cur is not None and cur.j != k + 1 or any(m.i < k < m.j for m in ments):
                continue  # a longer name starts or goes on here
            # the noun heads the name: "Parties to the Convention" does not make "the Convention" an actor
            prev = [m for m in out if m.j <= k - 1 and m.j - m.i > 1 and m.concept.kind == ACTOR
                    and toks[m.j - 1].key == toks[k].key and not any(t.low in self.preps for t in toks[m.i:m.j])]
            if not prev or (cur is not None and cur.concept.id == prev[-1].concept.id):
                continue
            new = Mention(prev[-1].concept, k, k + 1, toks[k].start, toks[k].end, "short-name")
            if cur is not None:
                out[out.index(cur)] = new
            else:
                out.append(new)
        return sorted(out, key=lambda m: m.i)

    def _noun_phrase_words(self, gram: dict[str, Any]) -> None:
        """The words that tell a noun phrase's number and where an adjunct inside it starts."""
        self.singular_dets = _words(gram, "singular_determiners")
        self.plural_dets = _words(gram, "plural_determiners")
        self.adjunct_participles = tuple(gram.get("adjunct_participle_suffixes", ()))

    def relative_at(self, toks: list[Token], k: int) -> bool:
        """toks[k] opens a relative clause or a participle adjunct inside an addressee phrase ("qui n'ont pas
        encore ratifié", "souhaitant accueillir"): lower case, right after a word of the phrase."""
        t = toks[k]
        if t.low in self.relatives:
            return True
        return bool(self.adjunct_participles) and k > 0 and toks[k - 1].low.isalpha() and not t.upper \
            and len(t.low) > 5 and t.low.endswith(self.adjunct_participles)

    def adjunct_end(self, toks: list[Token], k: int, b: int) -> int:
        """Where the relative clause or participle adjunct at toks[k] ends: at the next comma; a participle's
        also before a coordinated noun phrase ("les États participant au Programme *et l'*Organisation")."""
        participle = toks[k].low not in self.relatives
        dets = self.singular_dets | self.plural_dets
        e = k
        while e < b and toks[e].low != ",":
            if participle and toks[e].low in self.coord and e + 1 < b and toks[e + 1].low in dets:
                break
            e += 1
        return e

    def singular_at(self, toks: list[Token], k: int) -> bool:
        """The noun phrase whose name starts at toks[k] is singular: by its determiner ("*l'*Office", "*le*
        Centre" against "*les* États", "*des* organismes"), else by its first word's ending ("pays en
        développement" after "de" is plural)."""
        d = k - 1
        if d >= 0 and toks[d].low == "'":
            d -= 1
        det = toks[d].low if d >= 0 else ""
        if det in self.singular_dets:
            return True
        if det in self.plural_dets:
            return False
        if toks[k].low in self.name_negations and k + 1 < len(toks):
            k += 1  # "organizaciones ... *no* gubernamentales": the number is the adjective's
        return not toks[k].low.endswith(("s", "x"))

    def person(self, label: str) -> bool:
        """An actor that is one person holding an office ("Secretary-General", "Special Rapporteur on ...",
        "Personal Envoy"): a person noun among the words of its English name before the name's first "of",
        "on" or "for"."""
        head = []
        for w in label.lower().split():
            if w in ("of", "on", "for"):
                break
            head.append(w)
        return any(w in self.person_nouns for w in head)

    # -- rights and groups ----------------------------------------------------------------------------------
    def modifier(self, toks: list[Token], m: Mention, starts: set[int]) -> bool:
        """"migrant status", "adolescent health", "social security measures": the words modify a noun."""
        if not self.english_order or m.j >= len(toks):
            return False
        after = toks[m.j]
        if m.j in starts or not self._open_word(after) or after.low in self.followers | self.markers:
            return False
        if m.concept.kind == GROUP:  # one word, singular: "migrant status", "youth organizations"
            last = toks[m.j - 1].low
            return m.j - m.i == 1 and (not (last.endswith("s") or last in self.plurals) or last == "youth")
        # a right named without a right word before a plural noun: "social security measures"
        return not any(t.low in self.right_words for t in toks[m.i:m.j]) and after.low.endswith("s")

    def listed(self, toks: list[Token], a: int, hi: int, by_start: dict[int, Mention]) -> tuple[int, list[Mention]]:
        """The mentions of the coordinated list that starts at toks[a] (mentions, fillers, conjuncts of at most
        two unknown words: "independent experts"), and the token where the list ends."""
        found: list[Mention] = []
        n, words = a, 0
        while n < hi:
            m = by_start.get(n)
            if m is not None:
                found.append(m)
                n, words = m.j, 0
                continue
            low = toks[n].low
            if low in (";", ":") or low in self.markers or low in self.grounds:
                break
            if low in self.coord:
                words = 0
            elif low not in self.list_fillers:
                if not low.isalpha() or words >= 2:
                    break
                words += 1
            n += 1
        return n, found

    def acting_groups(self, toks: list[Token], verb_end: int, lo: int, hi: int, ments: list[Mention],
                      praising: bool) -> dict[int, str]:
        """Groups named as partners or praised for acting, not as people the clause protects: a group listed
        after an actor in a partner phrase ("in consultation with States, civil society and youth", "with the
        participation of the United Nations system ..., in particular Indigenous Peoples"), and the groups a
        praising verb names before the grounds of its praise ("Commends civil society and young people for
        their activities"). Maps id(mention) to the reason."""
        if not self.english_order:
            return {}
        by_start = {m.i: m for m in ments if lo <= m.i and m.j <= hi}
        out: dict[int, str] = {}
        if praising:
            end, found = self.listed(toks, verb_end, hi, by_start)
            if end < hi and toks[end].low in self.grounds:
                out.update((id(m), "praised for acting") for m in found if m.concept.kind == GROUP)
        for k in range(lo, hi):
            r = self.partner_phrases.longest(toks, k, hi, attr="low") if toks[k].low in self.partner_phrases.root \
                else None
            if not r:
                continue
            _, found = self.listed(toks, r[0], hi, by_start)
            first = next((n for n, m in enumerate(found) if m.concept.kind == ACTOR), None)
            if first is not None:
                out.update((id(m), "a partner named with actors") for m in found[first:] if m.concept.kind == GROUP)
        return out

    def described_instrument(self, toks: list[Token], m: Mention, lo: int) -> bool:
        """"treaties ... relating to the protection of victims of armed conflict", "instruments on the rights of
        migrants": a group in the description of instruments names what they are about, not whom the clause
        protects."""
        if m.concept.kind != GROUP:
            return False
        for k in range(m.i - 1, max(lo, m.i - 12) - 1, -1):
            low = toks[k].low
            if low in (",", ";", ":"):
                return False
            if low in self.instrument_nouns and self.description_links.longest(toks, k + 1, m.i, attr="low"):
                return True
        return False

    def policy_noun(self, toks: list[Token], m: Mention, lo: int, hi: int) -> bool:
        """"birth registration", "social security": words that name a right only where the clause names a
        right or freedom; elsewhere they name a policy."""
        if " ".join(t.low for t in toks[m.i:m.j]) not in self.policy:
            return False
        return not any(toks[k].low in self.right_words for k in range(lo, hi))


def _state(c: ConceptInfo) -> bool:
    """A State, States of some kind, or a Government."""
    return c.id.startswith(STATES) or c.id in (STATES_CONCEPT, GOVERNMENTS) or STATES_CONCEPT in c.broader


def country(title: list[Mention]) -> ConceptInfo | None:
    """The one State a resolution's title names ("Situation of human rights in Burundi"), if only one."""
    states = {m.concept.id: m.concept for m in title if m.concept.id.startswith(STATES)}
    return next(iter(states.values())) if len(states) == 1 else None
