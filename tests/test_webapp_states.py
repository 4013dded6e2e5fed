"""The State pages (/states, /states/<iso3> and twins, alignment.json) over a small store written here: three
recorded votes, sponsors, and provisions addressed to Colombia by name, with answers counted by hand."""
from __future__ import annotations

import dataclasses

import pytest
from conftest import fixture_module

from unkg import iris
from unkg.ingest.graph import build
from unkg.ingest.model import Concept, Provision, Vote
from unkg.ingest.pipeline import reference_graphs
from unkg.store import open_store
from unkg.webapp import create_app

small = fixture_module("shapes/small.py")

VOTES = {  # symbol: (date, title, votes as the metadata names the States, sponsors)
    "A/RES/77/9991": ("2022-12-15", "Situation of human rights in Colombia", {"FRANCE": "Y", "BRAZIL": "Y", "COLOMBIA": "Y", "CHINA": "N"}, ["COLOMBIA", "BRAZIL", "FRANCE"]),
    "A/RES/78/9992": ("2023-12-19", "Situation of human rights in Colombia", {"FRANCE": "Y", "BRAZIL": "A", "COLOMBIA": "N", "CHINA": "N"}, ["COLOMBIA", "BRAZIL"]),
    "A/RES/78/9993": ("2023-12-20", "Cooperation with the Republic of Korea", {"FRANCE": "N", "BRAZIL": "Y", "CHINA": "N"}, ["CHILE", "COLOMBIA"]),
}


def _resolution(symbol: str, date: str, title: str, by_state: dict, sponsors: list):
    res = dataclasses.replace(small.resolution(), symbol=symbol, date=date, title=title, sponsors=sponsors,
                              session=symbol.split("/")[2], vote=Vote("recorded vote", by_state=by_state))
    op3 = res.paragraphs[-1]
    col = Concept(iris.vocab("states", "col"), "Colombia", -1, -1, "")
    op3.provisions = [Provision("call-upon", "Calls upon", 4, "exhortation", op3.text, op3.start, op3.end, addressees=[col])]
    return res


def build_store(location: str, series: list[str] = ()) -> str:
    """The three-vote store these tests and tests/test_browser_states.py read; `series`: symbols of one
    recorded series (unkg:inSeries, as the lineage graphs state it)."""
    store = open_store(location)
    graphs = []
    if series:
        head = f"<https://w3id.org/unkg/id/series/{series[0]}>"
        nt = "".join(f"<{iris.work(s)}> <https://w3id.org/unkg/ontology#inSeries> {head} .\n" for s in series)
        graphs.append(("https://w3id.org/unkg/id/series-graph-for-tests", nt))
    for symbol, (date, title, by_state, sponsors) in VOTES.items():
        name, g = build(_resolution(symbol, date, title, by_state, sponsors))
        graphs.append((name, g.serialize(format="nt")))
    store.replace_graphs([*reference_graphs(), *graphs])
    store.close()
    return location


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    location = build_store(str(tmp_path_factory.mktemp("states") / "store"))
    app = create_app({"STORE": location, "QUERY_WORKERS": 1})
    yield app.test_client()
    app.extensions["unkg"].pool.close()


def test_alignment_json_contract(client):
    got = client.get("/states/fra/alignment.json?with=bra&body=GA").get_json()
    # both voted on all three: same on 9991 only; 9992 yes beside an abstention
    assert (got["agreement"], got["votes"], got["lijphart"]) == (round(1 / 3, 4), 3, 0.5)
    assert client.get("/states/fra/alignment.json?with=bra&body=GA&from=2023").get_json()["votes"] == 2
    assert client.get("/states/fra/alignment.json?with=bra&body=HRC").get_json() == {
        "state": iris.vocab("states", "fra"), "body": "HRC", "from": None, "to": None,
        "with": iris.vocab("states", "bra"), "agreement": None, "votes": 0, "lijphart": None}
    ranking = client.get("/states/chn/alignment.json").get_json()["states"]
    assert ranking == []  # nobody has ten votes in common in the fixture
    assert client.get("/states/fra/alignment.json?with=xyz").status_code == 404
    assert client.get("/states/fra/alignment.json?with=bra&body=XX").status_code == 400


def test_state_page_json(client):
    page = client.get("/states/col.json").get_json()
    assert page["id"] == iris.vocab("states", "col") and page["name"] == "Colombia"
    assert [(v["resolution"], v["vote"]) for v in page["votes"]] == [
        ("A/RES/78/9993", "absent"), ("A/RES/78/9992", "no"), ("A/RES/77/9991", "yes")]
    assert sorted(page["sponsored"]) == ["A/RES/77/9991", "A/RES/78/9992", "A/RES/78/9993"]
    assert sorted((a["resolution"], a["paragraph"]) for a in page["addressed"]) == [(s, "3") for s in sorted(VOTES)]
    assert all(a["provision"].startswith(iris.work(a["resolution"]) + "/op/3") for a in page["addressed"])
    assert [r["resolution"] for r in page["about"]] == ["A/RES/78/9992", "A/RES/77/9991"]  # titles naming it
    assert page["about"][0]["provisions"] == 4 and page["about"][0]["mandates"][0]["task"] == "report"
    [series] = page["series"]
    assert series["changed"] and [v["vote"] for v in series["votes"]] == ["yes", "no"]
    co = {(c["session"], s["name"], s["count"]) for c in page["co_sponsors"] for s in c["states"]}
    assert co == {("77", "Brazil", 1), ("77", "France", 1), ("78", "Brazil", 1), ("78", "Chile", 1)}
    assert {g["slug"] for g in page["alignment"]["groups"]} == {"eu", "african-group", "g77"}
    # the series "Situation of human rights in Colombia": Colombia and Brazil sponsored both years, France one
    [spons] = page["sponsored_series"]
    assert [(y["year"], y["sponsors"]) for y in spons["years"]] == [("2022", 3), ("2023", 2)]
    assert sorted(m["name"] for m in spons["main_sponsors"]) == ["Brazil", "Colombia"]


def test_korea_resolution_is_about_the_republic_only(client):
    kor = client.get("/states/kor.json").get_json()
    prk = client.get("/states/prk.json").get_json()
    assert [r["resolution"] for r in kor["about"]] == ["A/RES/78/9993"] and prk["about"] == []


def test_state_page_html_and_csv(client):
    html = client.get("/states/col").get_data(as_text=True)
    assert 'id="state-name">Colombia' in html and "<svg" in html and "Situation of human rights in Colombia" in html
    csv = client.get("/states/col.csv").get_data(as_text=True).splitlines()
    assert csv[0] == "resolution,date,body,vote,title,link" and len(csv) == 4
    assert client.get("/states/xyz").status_code == 404


def test_a_state_never_addressed_has_a_page(client):
    page = client.get("/states/tuv.json").get_json()
    assert page["name"] == "Tuvalu" and page["addressed"] == [] and page["sponsored"] == []
    assert [v["vote"] for v in page["votes"]] == ["absent"] * 3  # a Member State listed on no GA vote
    assert client.get("/states/vat.json").get_json()["member"] is False


def test_list_search_and_links(client):
    rows = client.get("/states.json?q=colom").get_json()["rows"]
    assert [(r["iso3"], r["votes"], r["sponsored"], r["addressed"]) for r in rows] == [("COL", 2, 3, 3)]
    assert len(client.get("/states.json").get_json()["rows"]) == 195
    assert 'href="/states/col"' in client.get("/actors/states/col").get_data(as_text=True)
    assert 'href="/states/col"' in client.get("/search?q=Colombia").get_data(as_text=True)


def test_resolution_page_groups_the_vote_by_state(client):
    page = client.get("/id/A/RES/78/9992", headers={"Accept": "application/json"}, follow_redirects=True).get_json()
    by = page["vote"]["by_state"]
    names = {how: [s["name"] for s in states] for how, states in by.items()}
    assert names["yes"] == ["France"] and names["no"] == ["China", "Colombia"] and names["abstain"] == ["Brazil"]
    assert len(names["absent"]) == 193 - 4
    html = client.get("/id/A/RES/78/9992", follow_redirects=True).get_data(as_text=True)
    assert 'id="vote-by-state"' in html and '<a href="/states/col">Colombia</a>' in html


def test_series_recorded_in_the_store_group_the_votes(tmp_path):
    location = build_store(str(tmp_path / "store"), series=["A/RES/77/9991", "A/RES/78/9993"])
    app = create_app({"STORE": location, "QUERY_WORKERS": 1})
    try:
        page = app.test_client().get("/states/col.json").get_json()
    finally:
        app.extensions["unkg"].pool.close()
    # 9991 and 9993 are one series (different titles); 9992, alone under its title, moves nowhere
    assert [[v["resolution"] for v in s["votes"]] for s in page["series"]] == [["A/RES/77/9991", "A/RES/78/9993"]]
    assert page["series"][0]["changed"] and "unkg:inSeries" in page["series_note"]


def test_alignment_by_session(client):
    got = client.get("/states/fra/alignment.json?with=bra&session=78").get_json()
    assert (got["votes"], got["agreement"], got["session"]) == (2, 0.0, "78")
    assert client.get("/states/fra/alignment.json?with=bra&session=78;x").status_code == 400
