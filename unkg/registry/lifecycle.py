"""Chains of renewals as registry entries, and what the mandate review asks of them (docs/mandates.md).

A mandate renewed across a series is one entry, identified by its latest mandate (one that no later mandate
renews); its history runs from the chain's root (first given by) through each renewal. An entry is
*current* when it is due (session, else year) at or after the latest session (year) in the store of the body
it is due to: the recipient body when the resolution names one that adopts resolutions in the store, else the
adopting body. An entry with neither a due session nor a due year is *undated*: the text does not say when
it ends. Report requests that two or more bodies give the same entity on the same subject (resolutions of
the same title, case and punctuation aside) are flagged as possible duplicates of each other.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable

from unkg.registry.read import Record, Work, mandates, works

CURRENT, EXPIRED, UNDATED = "current", "expired", "undated"
# What a renewal may change; compared between consecutive members of a chain.
TRACKED = ("entity", "due_session", "due_year", "recurrence", "frequency", "period", "review_clause",
           "within_existing_resources")
_PUNCT = re.compile(r"[^\w\s]+", re.UNICODE)


def _int(text: str) -> int | None:
    return int(text) if text and text.isdigit() else None


def subject_key(title: str) -> str:
    return " ".join(_PUNCT.sub(" ", title.casefold()).split())


@dataclass
class Entry:
    """One mandate with its history: `chain` from the first mandate to the latest."""

    chain: list[Record]
    status: str = UNDATED
    due_body: str = ""  # whose session or year the due date counts in
    changes: list[dict[str, Any]] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)  # latest mandates of the entries it may duplicate

    @property
    def latest(self) -> Record:
        return self.chain[-1]

    @property
    def first(self) -> Record:
        return self.chain[0]


class Registry:
    """Every stored mandate (`records`), the works they come from and the entries their renewals make."""

    def __init__(self, records: dict[str, Record], works_: dict[str, Work]):
        self.records, self.works = records, works_
        self.renewed_by: dict[str, list[str]] = defaultdict(list)
        for r in records.values():
            if r.renews:
                self.renewed_by[r.renews].append(r.iri)
        self.latest_session: dict[str, int] = {}
        self.latest_year: dict[str, int] = {}
        for w in works_.values():
            s, y = _int(w.session), _int(w.year)
            if w.body and s is not None:
                self.latest_session[w.body] = max(s, self.latest_session.get(w.body, s))
            if w.body and y is not None:
                self.latest_year[w.body] = max(y, self.latest_year.get(w.body, y))
        self.entries: dict[str, Entry] = {}
        for r in sorted(records.values(), key=lambda r: r.iri):
            if r.iri not in self.renewed_by:
                self.entries[r.iri] = self._entry(r)
        self._flag_duplicates()

    # -- one entry ----------------------------------------------------------------------------------------
    def chain(self, iri: str) -> list[Record]:
        """From the first mandate to `iri`, following unkg:renews back (a cycle, which alignment cannot make,
        stops the walk)."""
        out, seen = [], set()
        r: Record | None = self.records.get(iri)
        while r is not None and r.iri not in seen:
            seen.add(r.iri)
            out.append(r)
            r = self.records.get(r.renews) if r.renews else None
        return out[::-1]

    def work(self, r: Record) -> Work:
        return self.works.get(r.work) or Work(iri=r.work, symbol=r.work)

    def due_body(self, r: Record) -> str:
        return next((b for b in r.recipients if b in self.latest_session or b in self.latest_year),
                    self.work(r).body)

    def status(self, r: Record) -> str:
        body = self.due_body(r)
        session, year = _int(r.due_session), _int(r.due_year)
        if session is not None and body in self.latest_session:
            return CURRENT if session >= self.latest_session[body] else EXPIRED
        if year is not None and body in self.latest_year:
            return CURRENT if year >= self.latest_year[body] else EXPIRED
        return UNDATED

    def _entry(self, latest: Record) -> Entry:
        chain = self.chain(latest.iri)
        changes = []
        for before, after in zip(chain, chain[1:], strict=False):
            for name in TRACKED:
                a, b = getattr(before, name), getattr(after, name)
                if a != b and not (a in (None, "") and b in (None, "")):
                    changes.append({"in": self.work(after).symbol, "mandate": after.iri, "field": name,
                                    "from": a, "to": b})
        return Entry(chain=chain, status=self.status(latest), due_body=self.due_body(latest), changes=changes)

    def entry_of(self, iri: str) -> list[Entry]:
        """The entries whose history holds this mandate (more than one where a paragraph was split)."""
        if iri in self.entries:
            return [self.entries[iri]]
        found, todo, seen = [], [iri], set()
        while todo:
            m = todo.pop()
            if m in seen:
                continue
            seen.add(m)
            if m in self.entries:
                found.append(self.entries[m])
            todo.extend(self.renewed_by.get(m, ()))
        return sorted(found, key=lambda e: e.latest.iri)

    # -- across entries -------------------------------------------------------------------------------------
    def _flag_duplicates(self) -> None:
        groups: dict[tuple[str, str], list[Entry]] = defaultdict(list)
        for e in self.entries.values():
            r = e.latest
            title = subject_key(self.work(r).title)
            if r.task == "report" and r.entity and title:
                groups[(r.entity, title)].append(e)
        for group in groups.values():
            if len({self.work(e.latest).body for e in group}) < 2:
                continue
            for e in group:
                mine = self.work(e.latest).body
                e.duplicates = sorted(o.latest.iri for o in group if self.work(o.latest).body != mine)

    def next_sessions(self, body: str, n: int = 2) -> list[int]:
        s = self.latest_session.get(body)
        return [] if s is None else list(range(s + 1, s + 1 + n))

    def calendar(self, n: int = 2) -> list[dict[str, Any]]:
        """What is due at each body's next `n` sessions after the latest in the store: one item per body and
        session, with the entries due there by entity."""
        out = []
        for body in sorted(self.latest_session):
            for session in self.next_sessions(body, n):
                due = [e for e in self.entries.values()
                       if e.due_body == body and _int(e.latest.due_session) == session]
                if due:
                    out.append({"body": body, "session": str(session), "entries": due})
        return out

    def load(self, entity: str, task: str = "report") -> list[tuple[str, Counter]]:
        """Per year of adoption, how many `task` mandates were given to `entity`, by adopting body (renewals
        count in the year they were given: each is a new request)."""
        years: dict[str, Counter] = defaultdict(Counter)
        for r in self.records.values():
            if r.entity == entity and r.task == task:
                w = self.work(r)
                if w.year:
                    years[w.year][w.body] += 1
        return sorted(years.items())


def build(store: Any) -> Registry:
    return Registry(mandates(store), works(store))


def renewed_yearly(reg: Registry, years: int = 5, review: bool = False) -> Iterable[Entry]:
    """Entries given in each of `years` consecutive years up to their latest renewal, with (or, by default,
    without) a review clause in any of those years' mandates."""
    for e in reg.entries.values():
        chain = e.chain[-years:]
        if len(chain) < years:
            continue
        ys = [_int(reg.work(r).year) for r in chain]
        if None in ys or any(b - a != 1 for a, b in zip(ys, ys[1:], strict=False)):  # type: ignore[operator]
            continue
        if any(bool(r.review_clause) for r in chain) == review:
            yield e
