"""Every provision's row of the actor, right and group pages' table as HTML (the `provision_row` macro of
templates/_listing.html), rendered once per store version, so that a page joins its hundred rows' HTML
instead of rendering each of them (their escapes and filters were the larger part of a page's time).

A row's HTML depends only on the provision and the store (its resolution, paragraph, wording, addressees,
rights and groups), not on the page, its filters or its place: the same bytes on every page that lists it.

Held as the wording is (webapp/wording.py): one `bytes` of UTF-8 and an array of offsets, in the order of
the facet table's rows (webapp/facet_table.py, whose `position` maps a provision to its row), built before
the server forks its workers, which then read it without copying it.
"""
from __future__ import annotations

from typing import Callable, Iterable

import numpy as np
from markupsafe import Markup

from unkg.webapp.wording import pack


class RowHtml:
    """The HTML of each row of a table of provisions, by provision IRI; None for one not rendered."""

    def __init__(self, position: dict[str, int], rendered: Iterable[tuple[str, str]]):
        """`position`: provision -> row number (shared with the facet table, not copied); `rendered`: (provision,
        HTML) pairs, each provision of `position` at most once."""
        self.position = position
        parts = [b""] * len(position)
        for prov, html in rendered:
            parts[position[prov]] = html.encode("utf-8")
        self.starts, self.blob = pack(parts)

    def get(self, provision: str) -> Markup | None:
        i = self.position.get(provision)
        if i is None:
            return None
        a, b = self.starts[i: i + 2].tolist()
        return Markup(self.blob[a:b].decode("utf-8")) if b > a else None

    def __len__(self) -> int:
        return int(np.count_nonzero(np.diff(self.starts)))

    @property
    def nbytes(self) -> int:
        return len(self.blob) + self.starts.nbytes


def render_all(position: dict[str, int], rows: Iterable[dict], render: Callable[[dict], str]) -> RowHtml:
    """The table of `rows` (dicts as the pages list them, wording included) rendered by `render`."""
    return RowHtml(position, ((r["provision"], str(render(r))) for r in rows))
