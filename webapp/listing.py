"""Filtering, facets, paging and whole exports for the list pages (actors, rights, groups, resolutions).

A page's rows are plain dicts, built and cached by its view. `Listing` filters them by the facet values and
the date range in the query string, counts each facet over the rows that every *other* chosen filter keeps
(so counts follow the filters applied, and a chosen facet still shows its alternatives), and cuts one page.
Counts are kept per (rows, filters) in the app's small LRU, so paging or re-sorting a filtered list costs
no recount. Exports (`.csv`, `.json` without `page=`) hold every row the filters select and are streamed.
"""
from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from itertools import chain
from typing import Any, Callable, Iterable, Iterator, Sequence

from flask import Response, current_app, request, stream_with_context
from jinja2.utils import url_quote
from markupsafe import Markup, escape

from unkg.webapp.errors import ApiError
from unkg.webapp.facet_table import TableView, row_values
from unkg.webapp.gate import gated

PER_PAGE = 100
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def natural_key(text: str) -> tuple:
    """'A/RES/78/9' before 'A/RES/78/10': the numbers in a symbol compare as numbers."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p.lower()) for p in re.split(r"(\d+)", text or "") if p)


def date_bound(value: str | None, name: str, upper: bool) -> str | None:
    """'2020' or '2020-05' or '2020-05-17' as an inclusive bound comparable with ISO dates."""
    if not value:
        return None
    value = value.strip()
    if not _DATE.match(value):
        raise ApiError(f"{name} must be a year or a date (YYYY, YYYY-MM or YYYY-MM-DD), not {value!r}", 400)
    if upper:
        return value + "-99-99"[len(value) - 4:] if len(value) < 10 else value
    return value


class Listing:
    """One list page's view of its rows: `facets` maps a query parameter to (heading, values-of-a-row)."""

    def __init__(self, key: str, rows: list[dict[str, Any]], facets: dict[str, tuple[str, Callable[[dict], Iterable[str]]]],
                 *, date_field: str = "date", text: Callable[[dict], str] | None = None,
                 view: Callable[[], TableView | None] | None = None):
        """`view`, where given, gives the rows' facet codes (webapp/facet_table.py, made for these rows in
        this order): filters and counts are then computed from them rather than row by row."""
        self.key, self.rows, self.facets, self.date_field, self.text = key, rows, facets, date_field, text
        self.view = view
        args = request.args
        self.chosen = {f: args[f] for f in facets if args.get(f)}
        self.date_from = date_bound(args.get("from"), "from", upper=False)
        self.date_to = date_bound(args.get("to"), "to", upper=True)
        self.q = (args.get("q") or "").strip()
        if self.q and text is None:
            raise ApiError("this list has no text to search", 400)
        self._words = [w for w in re.split(r"\s+", self.q.casefold()) if w]

    # -- filtering ----------------------------------------------------------------------------------------
    def _base_ok(self, row: dict[str, Any]) -> bool:
        if self.date_from or self.date_to:
            d = str(row.get(self.date_field) or "")
            if not d or (self.date_from and d < self.date_from) or (self.date_to and d > self.date_to):
                return False
        if self._words:
            hay = row.get("_text")
            if hay is None:
                hay = row["_text"] = (self.text(row) if self.text else "").casefold()
            if not all(w in hay for w in self._words):
                return False
        return True

    def filters(self) -> dict[str, str]:
        """The query parameters that select the rows (for links that keep them)."""
        out = dict(self.chosen)
        for k in ("from", "to", "q"):
            if request.args.get(k):
                out[k] = request.args[k]
        return out

    def _compute(self) -> dict[str, Any]:
        view = self.view() if self.view is not None and not self._words else None
        if view is not None:
            keep, counts = view.compute(self.chosen, self.date_from, self.date_to)
            rows = self.rows
            return {"shown": [rows[i] for i in keep.tolist()],
                    "facets": {f: {"name": name, "values": counts[f]} for f, (name, _) in self.facets.items()}}
        base = [r for r in self.rows if self._base_ok(r)] if (self.date_from or self.date_to or self._words) else self.rows
        chosen = list(self.chosen.items())
        names = list(self.facets)
        shown, kept = [], []  # the rows every filter keeps, and their facet values
        near: dict[str, list[tuple[str, ...]]] = {f: [] for f in names}  # values of rows only `f` filters out
        for r in base:
            values = r.get("_fv")
            if values is None or values[0] is not self.facets:
                values = r["_fv"] = (self.facets, row_values(self.facets, r))
            vals = values[1]
            misses = [f for f, v in chosen if v not in vals[f]] if chosen else ()
            if not misses:
                shown.append(r)
                kept.append(vals)
            elif len(misses) == 1:  # kept by every other filter: counts for the one it misses
                near[misses[0]].append(vals[misses[0]])
        # counted at the end, one pass per facet in C, rather than one Counter.update per row and facet
        counts = {f: Counter(chain.from_iterable(chain((v[f] for v in kept), near[f]))) for f in names}
        facets = {f: {"name": name, "values": sorted(counts[f].items(), key=lambda kv: (-kv[1], kv[0]))}
                  for f, (name, _) in self.facets.items()}
        return {"shown": shown, "facets": facets}

    def result(self) -> dict[str, Any]:
        key = (self.key, tuple(sorted(self.filters().items())))
        return current_app.extensions["unkg"].recent(f"listing:{key}", self._compute, size=64)

    # -- one page -----------------------------------------------------------------------------------------
    @staticmethod
    def page_of(shown: list[dict[str, Any]], per_page: int = PER_PAGE) -> tuple[int, int, list[dict[str, Any]]]:
        """(page, pages, rows of the page); page 0 with every row for ?page=all."""
        pages = max(1, -(-len(shown) // per_page))
        asked = request.args.get("page")
        if asked == "all":
            return 0, pages, shown
        try:
            page = min(pages, max(1, int(asked or 1)))
        except ValueError:
            raise ApiError("page must be a number or 'all'", 400) from None
        return page, pages, shown[(page - 1) * per_page: page * per_page]


def facet_items(values: Sequence[tuple[Any, int]], filters: dict[str, Any], key: str, limit: int = 15) -> Markup:
    """The `<li>` of a facet's first `limit` values in the facet panel (templates/_listing.html), each a link to
    the page with `filters` and this value of `key` chosen, or for the value already chosen a link to the page
    without it. What the template's loop over the values wrote, with `dict(filters, **{key: value}) |
    urlencode` for every link: here the filters' quoted pairs are made once per facet, and each value is
    escaped once (a facet panel holds up to 120 values)."""
    pairs = [(k, f"{url_quote(k, for_qs=True)}={url_quote(v, for_qs=True)}") for k, v in filters.items()]
    at = next((i for i, (k, _) in enumerate(pairs) if k == key), None)
    before = pairs[:at] if at is not None else pairs
    after = pairs[at + 1:] if at is not None else []
    head = escape("".join(p + "&" for _, p in before) + url_quote(key, for_qs=True) + "=")
    tail = escape("".join("&" + p for _, p in after))
    removed = escape("&".join(p for k, p in pairs if k != key))
    chosen = filters.get(key)
    out = []
    for value, n in values[:limit]:
        v = escape(value)
        if chosen == value:
            item = f'<strong class="chosen">{v}</strong> <a class="remove" href="?{removed}" title="remove this filter">×</a>'
        else:  # a quoted value holds no character that HTML escapes
            item = f'<a href="?{head}{url_quote(value, for_qs=True)}{tail}" data-value="{v}">{v}</a>'
        out.append(f'\n    <li>{item} <span class="n">{escape(n)}</span></li>\n  ')
    return Markup("".join(out))


def wants_export(fmt: str | None) -> bool:
    """A .csv or .json link without page= exports everything the filters select."""
    return fmt in ("csv", "json") and "page" not in request.args


def clean(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if not k.startswith("_")}


def _cell(v: Any) -> Any:
    return "; ".join(map(str, v)) if isinstance(v, (list, tuple)) else ("" if v is None else v)


def stream_export(fmt: str, data: dict[str, Any], rows: list[dict[str, Any]], columns: Sequence[str], *,
                  fill: Callable[[list[dict[str, Any]]], None] | None = None, chunk: int = 500,
                  base_path: str, filename: str) -> Response:
    """Every row as CSV or as the page's JSON document (its `rows` all of them), written chunk by chunk:
    `fill` completes a chunk (e.g. fetches the wording) just before it is written."""
    def chunks() -> Iterator[list[dict[str, Any]]]:
        for start in range(0, len(rows), chunk):
            part = rows[start:start + chunk]
            if fill is not None:
                fill(part)
            yield part

    if fmt == "csv":
        def body() -> Iterator[str]:
            out = io.StringIO()
            w = csv.writer(out, lineterminator="\r\n")
            w.writerow(columns)
            yield out.getvalue()
            for part in chunks():
                out.seek(0)
                out.truncate()
                for r in part:
                    w.writerow([_cell(r.get(c)) for c in columns])
                yield out.getvalue()
        mimetype = "text/csv"
    else:
        def body() -> Iterator[str]:
            head = {k: v for k, v in data.items() if k != "rows"}
            text = json.dumps(head, ensure_ascii=False, default=str, separators=(",", ":"))
            yield text[:-1] + (',"rows":[' if len(text) > 2 else '"rows":[')
            first = True
            for part in chunks():
                pieces = [json.dumps(clean(r), ensure_ascii=False, default=str, separators=(",", ":")) for r in part]
                if pieces:
                    yield ("" if first else ",") + ",".join(pieces)
                    first = False
            yield "]}"
        mimetype = "application/json"
    # each chunk computed under the gate, sent outside it (webapp/gate.py)
    resp = Response(stream_with_context(gated(current_app.extensions["unkg"].gate, body())), mimetype=mimetype)
    resp.headers["Content-Disposition"] = f'inline; filename="{filename}.{fmt}"'
    others = [f for f in ("html", "json", "csv") if f != fmt]
    qs = request.query_string.decode("latin-1")
    resp.headers["Link"] = ", ".join(
        f'<{base_path}{"" if f == "html" else "." + f}{"?" + qs if qs else ""}>; rel="alternate"; type="{m}"'
        for f, m in (("html", "text/html"), ("json", "application/json"), ("csv", "text/csv")) if f in others)
    resp.headers["Access-Control-Allow-Origin"] = "*"
    return resp
