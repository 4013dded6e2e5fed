"""The facet values of every row of one kind as integer codes in numpy arrays, built once per store version,
so that a list page's filters, facet counts and paging are a few vectorised passes over its rows instead of a
loop over row dicts (webapp/listing.py gives the same answer either way).

`FacetTable` holds, for every row (e.g. every provision: webapp/pages.py), its values of each facet as codes
(one CSR layout per facet: where a row's codes start, then the codes) and its date. The server builds it
before it forks its workers, which share it: reading numpy arrays writes no Python object, so the memory
pages stay shared. `TableView` is the same for the rows of one page (an actor's provisions), in that page's
order, gathered from the table; `TableView.compute` filters and counts as `Listing` does.
"""
from __future__ import annotations

from array import array
from typing import Any, Callable, Iterable

import numpy as np

Facets = dict[str, tuple[str, Callable[[dict[str, Any]], Iterable[Any]]]]


def row_values(facets: Facets, row: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    """A row's values of each facet as the list pages show and filter them: text, each once, in the order the
    facet gives them, without empty ones."""
    return {f: tuple(dict.fromkeys(str(v) for v in get(row) if v not in (None, ""))) for f, (_, get) in facets.items()}


class FacetTable:
    """Codes of every row's facet values, and its date (text, "" for none), by row key."""

    def __init__(self, facets: Facets, date_field: str = "date"):
        self.facets, self.date_field = facets, date_field
        self.position: dict[str, int] = {}
        self.values: dict[str, list[str]] = {f: [] for f in facets}  # code -> value
        self.code_of: dict[str, dict[str, int]] = {f: {} for f in facets}
        self._starts = {f: array("q", [0]) for f in facets}
        self._codes = {f: array("i") for f in facets}
        self._dates: list[str] = []

    def add(self, key: str, row: dict[str, Any]) -> None:
        if key in self.position:
            return
        self.position[key] = len(self._dates)
        self._dates.append(str(row.get(self.date_field) or ""))
        for f, vals in row_values(self.facets, row).items():
            codes, code_of, values = self._codes[f], self.code_of[f], self.values[f]
            for v in vals:
                c = code_of.get(v)
                if c is None:
                    c = code_of[v] = len(values)
                    values.append(v)
                codes.append(c)
            self._starts[f].append(len(codes))

    def done(self) -> FacetTable:
        """Turn what `add` gathered into the arrays that views read."""
        self.dates = np.array(self._dates, dtype=str) if self._dates else np.array([], dtype="<U1")
        self.starts = {f: np.frombuffer(a, dtype=np.int64) for f, a in self._starts.items()}
        self.codes = {f: np.frombuffer(a, dtype=np.int32) for f, a in self._codes.items()}
        del self._dates, self._starts, self._codes
        return self

    def view(self, rows: list[dict[str, Any]], key: Callable[[dict[str, Any]], str]) -> TableView | None:
        """The view of these rows, in their order; None if one of them is not in the table."""
        position = self.position
        try:
            ids = np.fromiter((position[key(r)] for r in rows), dtype=np.int64, count=len(rows))
        except KeyError:
            return None
        return TableView(self, ids)


class TableView:
    """The facet codes of some of a table's rows (`ids`, in a page's order) as (row, code) pairs per facet."""

    def __init__(self, table: FacetTable, ids: np.ndarray):
        self.table, self.n = table, len(ids)
        self.dates = table.dates[ids]
        self.pairs: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for f in table.facets:
            starts = table.starts[f]
            first, lens = starts[ids], starts[ids + 1] - starts[ids]
            before = np.cumsum(lens) - lens  # where each row's codes start among the gathered ones
            at = np.repeat(first - before, lens) + np.arange(int(lens.sum()), dtype=np.int64)
            self.pairs[f] = (np.repeat(np.arange(self.n, dtype=np.int64), lens), table.codes[f][at])

    def compute(self, chosen: dict[str, str], date_from: str | None, date_to: str | None
                ) -> tuple[np.ndarray, dict[str, list[tuple[str, int]]]]:
        """The positions of the rows every filter keeps, and each facet's (value, count) over the rows that
        every *other* chosen filter keeps, most frequent first (then by value): what `Listing` computes."""
        base = np.ones(self.n, dtype=bool)
        if date_from or date_to:
            base &= self.dates != ""
            if date_from:
                base &= self.dates >= date_from
            if date_to:
                base &= self.dates <= date_to
        hits = {}
        for f, v in chosen.items():
            hit = np.zeros(self.n, dtype=bool)
            code = self.table.code_of[f].get(v)
            if code is not None:
                rows, codes = self.pairs[f]
                hit[rows[codes == code]] = True
            hits[f] = hit

        def kept(but: str | None = None) -> np.ndarray:
            m = base.copy()
            for f, hit in hits.items():
                if f != but:
                    m &= hit
            return m

        shown = kept()
        counts = {}
        for f in self.table.facets:
            rows, codes = self.pairs[f]
            n = np.bincount(codes[(kept(f) if f in hits else shown)[rows]], minlength=len(self.table.values[f]))
            values = self.table.values[f]
            counts[f] = sorted(((values[c], int(n[c])) for c in np.flatnonzero(n)), key=lambda kv: (-kv[1], kv[0]))
        return np.flatnonzero(shown), counts
