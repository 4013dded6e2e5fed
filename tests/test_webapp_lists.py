"""The list pages over the small fixture store: facets that follow the filters, the verb facet, the date
range, paging, whole exports (streamed), /resolutions' search, filters and numeric symbol order, /actors'
search box. The corpus sample and the browser: tests/test_browser_lists.py."""
from __future__ import annotations

import csv
import io

import pytest
from test_webapp import load_fixture

from unkg.webapp import create_app
from unkg.webapp.listing import date_bound, natural_key


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory):
    app = create_app({"STORE": load_fixture(tmp_path_factory.mktemp("lists") / "store"), "QUERY_WORKERS": 1})
    yield app.test_client()
    app.extensions["unkg"].pool.close()


def test_symbols_sort_in_numeric_order():
    symbols = ["A/RES/78/216", "A/RES/78/9", "A/RES/78/40", "S/RES/2672 (2023)", "A/RES/77/300"]
    assert sorted(symbols, key=natural_key) == ["A/RES/77/300", "A/RES/78/9", "A/RES/78/40", "A/RES/78/216",
                                                "S/RES/2672 (2023)"]


def test_date_bounds_are_inclusive_and_checked():
    assert date_bound("2023", "from", upper=False) == "2023"
    assert "2023-12-31" <= date_bound("2023", "to", upper=True) < "2024"
    assert "2023-05-31" <= date_bound("2023-05", "to", upper=True) < "2023-06"


def test_facet_counts_follow_the_filters(client):
    whole = client.get("/actors/states.json?page=1").get_json()
    assert whole["facets"]["verb"]["values"] == [["urge", 2], ["encourage", 1]]  # the verb facet
    urged = client.get("/actors/states.json?page=1&verb=urge").get_json()
    assert urged["count"] == 2 and urged["total"] == 3
    assert urged["facets"]["strength"]["values"] == [["4", 2]]  # counted over the urged provisions only
    assert urged["facets"]["year"]["values"] == [["2023", 2]]
    # the chosen facet still offers its alternatives, counted under the other filters
    assert dict(map(tuple, urged["facets"]["verb"]["values"])) == {"urge": 2, "encourage": 1}
    assert all(r["verb"].lower().startswith("urg") for r in urged["rows"])


def test_date_range_filters(client):
    assert client.get("/resolutions.json?from=2023-12-20").get_json()["count"] == 1
    assert client.get("/resolutions.json?to=2023-12-19").get_json()["count"] == 1
    assert client.get("/resolutions.json?from=2023&to=2023").get_json()["count"] == 2
    assert client.get("/actors/states.json?from=2024").get_json()["count"] == 0
    bad = client.get("/resolutions.json?from=last+year")
    assert bad.status_code == 400 and "from must be a year or a date" in bad.get_json()["error"]


def test_exports_hold_every_selected_row_not_the_page(client, monkeypatch, request):
    import unkg.webapp.pages as pages

    monkeypatch.setattr(pages, "HTML_PAGE", 1)  # one row per page: the export must still hold all
    answers = client.application.extensions["unkg"]
    answers.changed()  # the pages kept at the usual size are not this test's
    request.addfinalizer(answers.changed)
    page = client.get("/actors/states.json?page=1&verb=urge").get_json()
    assert len(page["rows"]) == 1 and page["pages"] == 2
    exported = client.get("/actors/states.csv?verb=urge")
    assert exported.is_streamed
    rows = list(csv.DictReader(io.StringIO(exported.get_data(as_text=True))))
    assert len(rows) == page["count"] == 2 and all(r["text"] for r in rows)
    whole = client.get("/actors/states.json?verb=urge").get_json()
    assert len(whole["rows"]) == whole["count"] == 2 and whole["facets"]["verb"]
    html = client.get("/actors/states?verb=urge&page=2").get_data(as_text=True)
    assert 'href="/actors/states.csv?verb=urge"' in html  # the export link drops the page


def test_resolutions_search_filters_and_sorting(client):
    js = client.get("/resolutions.json").get_json()
    assert js["total"] == 2 and [r["symbol"] for r in js["rows"]] == ["A/RES/78/999", "A/RES/78/216"]
    assert dict(map(tuple, js["facets"]["adoption"]["values"])) == {"without a vote": 1}
    assert [r["symbol"] for r in client.get("/resolutions.json?sort=symbol").get_json()["rows"]] == [
        "A/RES/78/216", "A/RES/78/999"]
    found = client.get("/resolutions.json?q=human+rights+defenders").get_json()
    assert [r["symbol"] for r in found["rows"]] == ["A/RES/78/216"]
    assert client.get("/resolutions.json?committee=Third+Committee").get_json()["count"] == 1
    assert client.get("/resolutions.json?adoption=without+a+vote").get_json()["count"] == 1
    assert client.get("/resolutions.json?sort=nonsense").status_code == 400
    html = client.get("/resolutions?q=defenders").get_data(as_text=True)
    assert 'id="resolution-search"' in html and "A/RES/78/216" in html and "A/RES/78/999" not in html


def test_rights_and_groups_pages_have_facets_and_paging(client):
    js = client.get("/groups/human-rights-defenders.json?page=1").get_json()
    assert js["count"] >= 1 and set(js["facets"]) >= {"verb", "strength", "addressee", "body", "session", "year"}
    assert js["page"] == 1 and js["pages"] >= 1
    right = client.get("/rights/freedom-of-expression?verb=urge").get_data(as_text=True)
    assert 'id="facets"' in right and 'id="daterange"' in right


def test_actor_search_box_finds_actors_and_states(client):
    html = client.get("/actors?q=business").get_data(as_text=True)
    assert 'id="actor-search"' in html and "/actors/business-enterprises" in html and "/actors/states\"" not in html
    js = client.get("/actors.json?q=colombia").get_json()
    assert [s["label"] for s in js["states"]] == ["Colombia"]


def test_search_marks_the_matched_words(client):
    from unkg.webapp.search import highlight

    segments, matched = highlight("Urges States to protect human rights defenders", "protect the Defenders")
    assert [s["text"] for s in segments if s["hit"]] == ["protect", "defenders"] and matched == ["protect", "defenders"]
    js = client.get("/search.json?q=human+rights+defenders").get_json()
    top = js["rows"][0]
    assert "defenders" in top["matched"] and "".join(s["text"] for s in top["segments"]) == top["text"]
    html = client.get("/search?q=human+rights+defenders").get_data(as_text=True)
    assert '<mark class="hit">defenders</mark>' in html.lower()
