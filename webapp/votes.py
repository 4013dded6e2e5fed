"""Recorded votes as bit sets, for the voting agreement of States (the State pages).

A `VoteMatrix` numbers the recorded votes (resolutions with a per-State vote in the graph) in date order and
keeps, for every State, three Python integers used as bit sets: the votes it voted yes on, no on, and
abstained on. The agreement of two States over any selection of votes (a body, a period) is then a few
bitwise operations and bit counts, so a page can rank all 195 States against one in about a millisecond.

Indices (stated on the page, and recomputed from the UN's metadata by tests/test_states_agreement.py):
- `agreement`: of the n votes where both States voted yes, no or abstain, the share where they voted the same;
  a State absent or not voting on a vote leaves that vote out of n.
- `lijphart`: the same n votes, an abstention beside a yes or a no counting half (Lijphart's index of
  agreement); yes against no counts nothing.
A group's position on a vote is the one most of its members who voted took (no position on a tie).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

CODES = ("Y", "N", "A")
WORDS = {"Y": "yes", "N": "no", "A": "abstain"}


@dataclass
class RecordedVote:
    work: str
    symbol: str
    date: str
    body: str  # GA | HRC | SC
    title: str
    session: str = ""

    @property
    def year(self) -> str:
        return self.date[:4]


@dataclass
class VoteMatrix:
    votes: list[RecordedVote] = field(default_factory=list)
    bits: dict[str, dict[str, int]] = field(default_factory=dict)  # state IRI -> {"Y"|"N"|"A": bit set}

    @classmethod
    def build(cls, rows: Iterable[tuple[str, str, str]], works: dict[str, RecordedVote]) -> "VoteMatrix":
        """From (work IRI, State IRI, "Y"|"N"|"A") rows and the recorded works they belong to."""
        by_work: dict[str, list[tuple[str, str]]] = {}
        for work, state, how in rows:
            if work in works and how in CODES:
                by_work.setdefault(work, []).append((state, how))
        m = cls()
        m.votes = sorted((works[w] for w in by_work), key=lambda v: (v.date, v.symbol))
        for i, v in enumerate(m.votes):
            for state, how in by_work[v.work]:
                m.bits.setdefault(state, {"Y": 0, "N": 0, "A": 0})[how] |= 1 << i
        return m

    def mask(self, body: str | None = None, start: str | None = None, end: str | None = None,
             session: str | None = None) -> int:
        """The votes of one body (GA, HRC, SC) between two years (inclusive), or of one session, as a bit set."""
        out = 0
        for i, v in enumerate(self.votes):
            if (body and v.body != body) or (session and v.session != session):
                continue
            if (start and v.year < start) or (end and v.year > end):
                continue
            out |= 1 << i
        return out

    def voted(self, state: str) -> int:
        b = self.bits.get(state)
        return (b["Y"] | b["N"] | b["A"]) if b else 0

    def vote_of(self, state: str, i: int) -> str | None:
        b = self.bits.get(state)
        if not b:
            return None
        return next((c for c in CODES if b[c] >> i & 1), None)

    def agreement(self, a: str, b: str, mask: int) -> dict[str, float | int | None]:
        return _indices(self.bits.get(a), self.bits.get(b), mask)

    def ranking(self, state: str, mask: int, min_votes: int = 10) -> list[tuple[str, dict]]:
        """Every other State with at least `min_votes` votes in common, closest first."""
        out = []
        for other, bits in self.bits.items():
            if other == state:
                continue
            ind = _indices(self.bits.get(state), bits, mask)
            if ind["votes"] >= min_votes:
                out.append((other, ind))
        out.sort(key=lambda kv: (-kv[1]["agreement"], -kv[1]["votes"], kv[0]))
        return out

    def group_bits(self, members: Iterable[str]) -> dict[str, int]:
        """The group's position on each vote: what most of its voting members voted."""
        members = [m for m in members if m in self.bits]
        out = {"Y": 0, "N": 0, "A": 0}
        for i in range(len(self.votes)):
            count = Counter(c for m in members for c in CODES if self.bits[m][c] >> i & 1)
            top = count.most_common(2)
            if top and (len(top) == 1 or top[0][1] > top[1][1]):
                out[top[0][0]] |= 1 << i
        return out

    def with_group(self, state: str, group: dict[str, int], mask: int) -> dict[str, float | int | None]:
        return _indices(self.bits.get(state), group, mask)


def _indices(a: dict[str, int] | None, b: dict[str, int] | None, mask: int) -> dict[str, float | int | None]:
    if not a or not b:
        return {"agreement": None, "votes": 0, "lijphart": None}
    both = (a["Y"] | a["N"] | a["A"]) & (b["Y"] | b["N"] | b["A"]) & mask
    n = both.bit_count()
    if not n:
        return {"agreement": None, "votes": 0, "lijphart": None}
    same = ((a["Y"] & b["Y"]) | (a["N"] & b["N"]) | (a["A"] & b["A"])) & both
    half = (a["A"] ^ b["A"]) & both  # one abstained, the other voted yes or no
    return {"agreement": round(same.bit_count() / n, 4), "votes": n,
            "lijphart": round((same.bit_count() + 0.5 * half.bit_count()) / n, 4)}
