"""Bodies of the Security Council's sanctions regimes, which resolutions name without their country.

A resolution renewing the sanctions on Haiti says "the Panel of Experts", never "the Panel of Experts on
Haiti": in a resolution about one country, a mention of the Council's panels of experts in the singular is the
panel of that country's regime, when the vocabulary has one (a narrower concept of the panels whose name holds
the country: "Panel of Experts on Haiti"). The country is the one the title names, else the State the
resolution's paragraphs name most, when it has at least half of their mentions of States; a resolution that
names one regime's body in full ("the Panel of Experts on the CAR") is about that regime.
"""
from __future__ import annotations

from collections import Counter

from unkg.config import VOCAB_NS
from unkg.ingest.extract.mentions import Mention, MentionFinder
from unkg.ingest.extract.tokens import Token, tokenize
from unkg.ingest.extract.vocab import ConceptInfo, Vocabulary

STATES = VOCAB_NS + "states/"
# collectives whose members are each one country's: the panels of experts (groups of experts) of the regimes
BY_COUNTRY = (VOCAB_NS + "actors/security-council-panels-of-experts",)


class CountryBodies:
    def __init__(self, vocab: Vocabulary, finder: MentionFinder, language: str):
        self.of: dict[tuple[str, str], ConceptInfo] = {}  # (collective, State) -> that State's body
        for iri, c in vocab.concepts.items():
            for collective in set(c.broader) & set(BY_COUNTRY):
                names = [lab for lab, lang, pref in vocab.labels_of(iri) if pref and lang == language]
                state = _state_in(names[0], finder) if names else None
                if state is not None:
                    self.of[(collective, state)] = c
        self.state_of = {c.id: state for (_, state), c in self.of.items()}

    def country(self, title: ConceptInfo | None, per: list[tuple[list[Token], list[Mention]]]) -> str | None:
        """The State the resolution is about: the title's, else the State of the one country body its
        paragraphs name in full, else the one they name most (at least twice and in half of their mentions of
        States)."""
        if title is not None:
            return title.id
        named = {self.state_of[m.concept.id] for _, ms in per for m in ms if m.concept.id in self.state_of}
        if len(named) == 1:  # "the Panel of Experts on the CAR established pursuant to ...": its regime's
            return named.pop()
        counts = Counter(m.concept.id for _, ms in per for m in ms if m.concept.id.startswith(STATES))
        if not counts:
            return None
        state, n = counts.most_common(1)[0]
        return state if n >= 2 and 2 * n >= sum(counts.values()) else None

    def apply(self, toks: list[Token], mentions: list[Mention], state: str | None) -> list[Mention]:
        """`mentions` with each singular mention of a collective replaced by the State's body of it."""
        if state is None or not self.of:
            return mentions
        out = []
        for m in mentions:
            body = self.of.get((m.concept.id, state))
            if body is not None and not toks[m.i].low.endswith("s"):  # "the Panel", not "panels of experts"
                m = Mention(body, m.i, m.j, m.start, m.end, m.how)
            out.append(m)
        return out


def _state_in(name: str, finder: MentionFinder) -> str | None:
    """The State a body's name holds after its first word ("Panel of Experts on *South Sudan*"): the first
    State read inside the name (the name as a whole is the body's own label)."""
    toks = tokenize(name)
    for i in range(1, len(toks)):
        found = [m for m in finder.find(toks, i) if m.i == i and m.concept.id.startswith(STATES)]
        if found:
            return found[0].concept.id
    return None
