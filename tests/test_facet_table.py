"""The facet table (webapp/facet_table.py) filters and counts exactly as `Listing` does row by row: the same
rows in the same order and the same facet counts, for random rows and random filters (one value, several,
a value no row has, date bounds, rows without a date or a value)."""
from __future__ import annotations

import random
import urllib.parse

from flask import Flask

from unkg.webapp.facet_table import FacetTable
from unkg.webapp.listing import Listing
from unkg.webapp.pages import FACETS


def _rows(rng: random.Random, n: int) -> list[dict]:
    labels = ["States", "Member States", "Secretary-General", "États", "UNICEF", "the Council"]
    out = []
    for i in range(n):
        year = rng.choice(["2019", "2021", "2023", ""])
        out.append({
            "provision": f"p{i}", "verb_label": rng.choice(["urge", "call upon", "encourage", ""]),
            "strength": rng.choice([5, 4, 0, None]), "body": rng.choice(["General Assembly", "Security Council", ""]),
            "session": rng.choice(["78", "77", ""]), "year": year,
            "date": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" if year else None,
            # repeated labels: a row counts once per value
            "addressees": sorted(rng.sample(labels, rng.randint(0, 3)) + rng.choice([[], ["States"]])),
            "rights": sorted(rng.sample(["right to food", "right to health"], rng.randint(0, 2))),
            "beneficiaries": rng.sample(["women", "children", "migrants"], rng.randint(0, 2)),
        })
    return out


def _query(rng: random.Random, rows: list[dict]) -> str:
    args = {}
    for f in rng.sample(list(FACETS), rng.randint(0, 3)):
        values = [str(v) for r in rows for v in FACETS[f][1](r) if v not in (None, "")]
        args[f] = rng.choice(values + ["no such value"])
    if rng.random() < 0.4:
        args["from"] = rng.choice(["2021", "2021-06", "2019-03-15"])
    if rng.random() < 0.4:
        args["to"] = rng.choice(["2023", "2021-06", "2023-01-31"])
    return urllib.parse.urlencode(args)


def test_the_table_lists_and_counts_as_the_rows_do():
    rng = random.Random(7)
    everything = _rows(rng, 400)
    table = FacetTable(FACETS)
    for r in everything:
        table.add(r["provision"], r)
    table.done()
    app = Flask(__name__)
    checked = 0
    for _ in range(150):
        rows = rng.sample(everything, rng.randint(0, 120))  # a page's rows: some of the table's, in its order
        qs = _query(rng, rows)
        with app.test_request_context("/actors/x?" + qs):
            slow = Listing("k", rows, FACETS)._compute()
            fast = Listing("k", rows, FACETS, view=lambda rows=rows: table.view(rows, lambda row: row["provision"]))._compute()
        assert [r["provision"] for r in fast["shown"]] == [r["provision"] for r in slow["shown"]], qs
        assert fast["facets"] == slow["facets"], qs
        checked += bool(slow["shown"])
    assert checked > 50  # most queries keep some rows: the comparison is not between empty pages


def test_a_row_missing_from_the_table_falls_back_to_the_rows():
    table = FacetTable(FACETS)
    table.add("p0", {"verb_label": "urge", "addressees": [], "rights": [], "beneficiaries": []})
    table.done()
    assert table.view([{"provision": "p1"}], lambda r: r["provision"]) is None
    empty = table.view([], lambda r: r["provision"])
    keep, counts = empty.compute({"verb": "urge"}, "2020", None)
    assert len(keep) == 0 and counts["verb"] == []
