"""The mandates registry on a real store of a fixture series written for the purpose (tests/fixtures/mandates):
the General Assembly's "Protection of beekeepers", 74/9101 to 78/9101, one a year, each asking the
Secretary-General for a report at the next session (78/9101 "and biennially thereafter") and keeping the item
on its agenda; 74/9101 alone asks for a meeting of experts. The Human Rights Council's 52/9101 and 55/9101 of
the same title ask the Secretary-General for a report too: a possible duplicate of the Assembly's request.
ES-11/9101, of an emergency special session (numbered apart from the regular sessions), gives no mandate.
74-77 and the Council's are ingested together (lineage rebuilt), 78/9101 after them (slotted in), so both
ways of making `unkg:renews` are used. Covers unkg.lineage.renewals, unkg.registry, the shape of a renewal,
the competency questions cq26-cq28, and the registry's pages through the test client."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
import rdflib

from unkg import iris, ontology
from unkg.cli import main
from unkg.ingest.validate import validate
from unkg.registry.lifecycle import CURRENT, build, renewed_yearly
from unkg.store import open_store
from unkg.webapp import create_app

FIXTURES = Path(__file__).parent / "fixtures" / "mandates"
QUERIES = {q.name: q.sparql for q in ontology.queries()}
SG = "https://w3id.org/unkg/vocab/actors/secretary-general"
UNKG = rdflib.Namespace("https://w3id.org/unkg/ontology#")


def report(symbol: str) -> str:
    """The Secretary-General's report mandate of a fixture resolution (op 3 in the Assembly's, op 2 in the Council's)."""
    return iris.work(symbol) + ("/op/2/prov/1/mandate" if "HRC" in symbol else "/op/3/prov/1/mandate")


@pytest.fixture(scope="module")
def location(tmp_path_factory) -> str:
    loc = str(tmp_path_factory.mktemp("registry") / "store")
    first = [str(p) for p in sorted(FIXTURES.glob("*.txt")) if p.name != "ga_78.txt"]
    assert main(["ingest", "--store", loc, "-q", *first]) == 0
    assert main(["ingest", "--store", loc, "-q", str(FIXTURES / "ga_78.txt")]) == 0
    return loc


@pytest.fixture(scope="module")
def store(location):
    s = open_store(location, read_only=True)
    yield s
    s.close()


@pytest.fixture(scope="module")
def registry(store):
    return build(store)


def renewals(store) -> set[tuple[str, str]]:
    rows = store.select("PREFIX unkg: <https://w3id.org/unkg/ontology#> SELECT ?a ?b WHERE { GRAPH ?l { ?a unkg:renews ?b } }")
    return {(str(r["a"]), str(r["b"])) for r in rows}


def test_each_report_request_renews_the_last_one_in_bulk_and_when_slotted_in(store):
    links = renewals(store)
    for old, new in zip(range(74, 78), range(75, 79), strict=True):
        assert (report(f"A/RES/{new}/9101"), report(f"A/RES/{old}/9101")) in links
    assert (report("A/HRC/RES/55/9101"), report("A/HRC/RES/52/9101")) in links
    # the meeting of experts was asked once: nothing renews it, and it renews nothing
    meeting = iris.work("A/RES/74/9101") + "/op/4/prov/1/mandate"
    assert not any(meeting in pair for pair in links)
    # never across bodies: the Council's request does not renew the Assembly's
    assert not any("HRC" in a and "HRC" not in b for a, b in links)


def test_lineage_graphs_with_renewals_conform(location, capsys):
    assert main(["validate", "--store", location]) == 0
    assert "16 graph(s): 16 conform" in capsys.readouterr().err  # 8 resolutions, 8 lineage graphs


@pytest.mark.parametrize("subject,obj,words", [
    (iris.work("A/RES/78/9101") + "/op/3", report("A/RES/77/9101"), "Only a mandate"),
    (report("A/RES/78/9101"), iris.work("A/RES/77/9101") + "/op/3", "renews at most one mandate"),
])
def test_renewal_shape_rejects_what_is_not_a_mandate(subject, obj, words):
    g = rdflib.Graph()
    g.add((rdflib.URIRef(subject), UNKG.renews, rdflib.URIRef(obj)))
    report_ = validate(g)
    assert not report_.conforms and words in report_.text


def test_two_renewed_mandates_for_one_is_a_violation():
    g = rdflib.Graph()
    g.add((rdflib.URIRef(report("A/RES/78/9101")), UNKG.renews, rdflib.URIRef(report("A/RES/77/9101"))))
    g.add((rdflib.URIRef(report("A/RES/78/9101")), UNKG.renews, rdflib.URIRef(report("A/RES/76/9101"))))
    assert "renews at most one mandate" in validate(g).text


def test_a_chain_of_renewals_is_one_entry_with_its_history(registry):
    e = registry.entries[report("A/RES/78/9101")]
    assert [registry.work(r).symbol for r in e.chain] == [f"A/RES/{n}/9101" for n in range(74, 79)]
    assert e.status == CURRENT  # due at the Assembly's 79th session; the latest in the store is the 78th
    for old in range(74, 78):  # renewed mandates are history, not entries
        assert report(f"A/RES/{old}/9101") not in registry.entries
    assert registry.entry_of(report("A/RES/76/9101")) == [e]
    due = [(c["in"], c["from"], c["to"]) for c in e.changes if c["field"] == "due_session"]
    assert due == [(f"A/RES/{n}/9101", str(n), str(n + 1)) for n in range(75, 79)]
    # "and biennially thereafter" is the one change of frequency, made by 78/9101
    assert {c["in"] for c in e.changes if c["field"] in ("frequency", "recurrence")} == {"A/RES/78/9101"}


def test_status_follows_the_latest_session_of_the_body_it_is_due_to(registry):
    # the Assembly's latest regular session: ES-11 is not a session number to compare with
    assert registry.latest_session == {"https://w3id.org/unkg/vocab/actors/general-assembly": 78,
                                       "https://w3id.org/unkg/vocab/actors/human-rights-council": 55}
    council = registry.entries[report("A/HRC/RES/55/9101")]
    assert council.status == CURRENT and council.due_body.endswith("/human-rights-council")
    meeting = registry.entries[iris.work("A/RES/74/9101") + "/op/4/prov/1/mandate"]
    assert meeting.status != CURRENT and len(meeting.chain) == 1


def test_two_bodies_asking_the_same_entity_for_a_report_on_one_subject_are_flagged(registry):
    ga, hrc = report("A/RES/78/9101"), report("A/HRC/RES/55/9101")
    assert registry.entries[ga].duplicates == [hrc]
    assert registry.entries[hrc].duplicates == [ga]
    flagged = {k for k, e in registry.entries.items() if e.duplicates}
    assert flagged == {ga, hrc}


def test_calendar_and_reporting_load(registry):
    due = {(c["body"].rsplit("/", 1)[-1], c["session"]): [e.latest.iri for e in c["entries"]] for c in registry.calendar()}
    assert report("A/RES/78/9101") in due[("general-assembly", "79")]
    load = dict(registry.load(SG))
    assert sorted(load) == ["2019", "2020", "2021", "2022", "2023", "2024"]
    assert sum(load["2023"].values()) == 2 and len(load["2023"]) == 2  # the Assembly's and the Council's


def _ask(store, name: str) -> list[dict[str, str]]:
    q = next(v for k, v in QUERIES.items() if k.startswith(name))
    assert "LIMIT" in q
    return [{k: str(v) for k, v in row.items()} for row in store.select(q)]


def test_cq26_reports_due_at_the_next_assembly_session(store):
    rows = _ask(store, "cq26")  # after the 78th session: the emergency special session ES-11 is no later one
    assert [(r["session"], r["entity"], r["reports"], r["resolutions"]) for r in rows] == [("79", SG, "1", "A/RES/78/9101")]


def test_cq27_renewed_every_year_for_five_years_without_review(store, registry):
    rows = _ask(store, "cq27")
    assert report("A/RES/78/9101") in {r["latest"] for r in rows}
    assert {(r["first"], r["last"], r["firstYear"], r["lastYear"]) for r in rows} == {("A/RES/74/9101", "A/RES/78/9101", "2019", "2023")}
    assert {r["latest"] for r in rows} == {e.latest.iri for e in renewed_yearly(registry)}


def test_cq28_entities_asked_for_the_same_report_by_two_bodies(store):
    rows = _ask(store, "cq28")
    assert [(r["entity"], r["symbolA"], r["symbolB"]) for r in rows] == [(SG, "A/RES/78/9101", "A/HRC/RES/55/9101")]


# -- the pages ----------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def client(location):
    app = create_app({"STORE": location, "QUERY_WORKERS": 1})
    yield app.test_client()
    app.extensions["unkg"].pool.close()


def test_registry_lists_entries_with_facets_that_filter(client):
    whole = client.get("/mandates.json?page=1").get_json()
    assert whole["total"] == whole["count"] == 5
    assert set(whole["facets"]) == {"entity", "task", "body", "session", "year", "recurrence", "review", "status"}
    current = client.get("/mandates.json?page=1&status=current").get_json()
    # 78/9101 also keeps its item on the agenda of the seventy-ninth session: that decision is current too
    agenda = iris.work("A/RES/78/9101") + "/op/4/prov/1/mandate"
    assert {r["mandate"] for r in current["rows"]} == {report("A/RES/78/9101"), report("A/HRC/RES/55/9101"), agenda}
    council = client.get("/mandates.json?page=1&status=current&body=Human Rights Council").get_json()
    assert [r["symbol"] for r in council["rows"]] == ["A/HRC/RES/55/9101"]
    row = next(r for r in current["rows"] if r["mandate"] == report("A/RES/78/9101"))
    assert (row["first_given_by"], row["renewals"], row["last_renewed"]) == ("A/RES/74/9101", 4, "A/RES/78/9101")
    assert row["duplicates"] == ["/mandates/A/HRC/RES/55/9101/op/2/prov/1/mandate"]
    html = client.get("/mandates?status=current").get_data(as_text=True)
    assert 'id="calendar"' in html and "General Assembly, session 79" in html
    assert client.get("/mandates.json?status=nothing").get_json()["count"] == 0


def test_exports_hold_every_selected_entry(client, monkeypatch):
    import unkg.webapp.mandates as mandates

    monkeypatch.setattr(mandates, "PER_PAGE", 1)
    # a query string no other test asks (answers are kept per store version, path and query)
    assert len(client.get("/mandates.json?page=1&from=1990").get_json()["rows"]) == 1
    exported = client.get("/mandates.csv?from=1990")
    rows = list(csv.DictReader(io.StringIO(exported.get_data(as_text=True))))
    assert len(rows) == 5 and {"entity", "status", "first_given_by", "mandate"} <= set(rows[0])
    assert len(client.get("/mandates.json?from=1990").get_json()["rows"]) == 5


def test_a_mandate_page_shows_its_history_and_sources(client):
    page = client.get("/mandates/A/RES/76/9101/op/3/prov/1/mandate.json").get_json()
    (h,) = page["history"]
    assert h["mandate"] == report("A/RES/78/9101") and h["status"] == "current"
    assert [s["symbol"] for s in h["steps"]] == [f"A/RES/{n}/9101" for n in range(74, 79)]
    assert [s["this"] for s in h["steps"]] == [False, False, True, False, False]
    assert h["steps"][0]["link"] == "/id/A/RES/74/9101#op-3"
    assert [d["symbol"] for d in h["duplicates"]] == ["A/HRC/RES/55/9101"]
    html = client.get("/mandates/A/RES/78/9101/op/3/prov/1/mandate").get_data(as_text=True)
    assert "First given by A/RES/74/9101" in html and 'id="duplicates"' in html
    csv_text = client.get("/mandates/A/RES/78/9101/op/3/prov/1/mandate.csv").get_data(as_text=True)
    assert len(list(csv.DictReader(io.StringIO(csv_text)))) == 5
    missing = client.get("/mandates/A/RES/78/9101/op/99/prov/1/mandate")
    assert missing.status_code == 404 and missing.get_json()["ok"] is False


def test_entity_load_chart_and_actor_page_link(client):
    page = client.get("/mandates/entity/secretary-general.json").get_json()
    assert [(y["year"], y["total"]) for y in page["load"]] == [("2019", 1), ("2020", 1), ("2021", 1), ("2022", 1),
                                                               ("2023", 2), ("2024", 1)]
    html = client.get("/mandates/entity/secretary-general").get_data(as_text=True)
    assert html.count('<g class="bar"') == 6 and "<script" not in html.split("<main>")[1]
    assert client.get("/mandates/entity/nobody-at-all").status_code == 404
    actor = client.get("/actors/secretary-general").get_data(as_text=True)
    assert 'href="/mandates/entity/secretary-general"' in actor
    cal = client.get("/mandates/calendar.json").get_json()
    # at the seventy-ninth session: the Secretary-General's report and the Assembly's own agenda item
    assert cal["calendar"][0]["session"] == "79"
    assert {e["entity"] for e in cal["calendar"][0]["entities"]} == {"Secretary-General", "General Assembly"}


# -- real resolutions ---------------------------------------------------------------------------------------
DPRK = [("ga/75/en", "75_190_E.xml"), ("ga/76/en", "A_RES_76_177-*.xml"), ("ga/77/en", "A_RES_77_226-*.xml"),
        ("ga/78/en", "A_RES_78_218-*.xml"), ("ga/79/en", "A_RES_79_181-*.xml"), ("hrc/55/en", "A_HRC_RES_55_21E.xml"),
        ("hrc/58/en", "A_HRC_RES_58_17E.xml")]


def test_questions_on_the_assemblys_and_the_councils_dprk_resolutions(corpus, tmp_path):
    """The Assembly's resolutions on the situation of human rights in the DPRK, one a year from 75/190 to 79/181,
    each ask the Secretary-General for a report; the Council's 55/21 and 58/17 of the same title ask the
    Special Rapporteur to report, as the Assembly does."""
    files = [str(next((corpus / "akn" / folder).glob(pattern))) for folder, pattern in DPRK]
    loc = str(tmp_path / "store")
    assert main(["ingest", "--store", loc, "-q", *files]) == 0
    s = open_store(loc, read_only=True)
    try:
        yearly = _ask(s, "cq27")
        assert ("A/RES/75/190", "A/RES/79/181", "2020", "2024") in {(r["first"], r["last"], r["firstYear"], r["lastYear"])
                                                                   for r in yearly if r.get("entityLabel") == "Secretary-General"}
        both = _ask(s, "cq28")
        assert any(r["entityLabel"].startswith("Special Rapporteur") and (r["symbolA"], r["symbolB"]) ==
                   ("A/RES/79/181", "A/HRC/RES/58/17") for r in both), both
        reg = build(s)
        assert {e.latest.iri for e in renewed_yearly(reg)} == {r["latest"] for r in yearly}
    finally:
        s.close()


def test_resolutions_adopted_the_same_day_renew_nothing_of_each_other():
    """Siblings adopted together (one per Non-Self-Governing Territory) may be placed one after another in a
    series; their mandates are parallel, not renewals. Earlier the same words are a renewal."""
    from unkg.lineage import renewals

    new_p, old_p = iris.work("A/RES/79/101") + "/op/3", iris.work("A/RES/79/100") + "/op/3"
    derived = [(new_p, old_p)]
    same_day = {new_p: [(new_p + "/prov/1/mandate", SG, "report", "2024-12-12")],
                old_p: [(old_p + "/prov/1/mandate", SG, "report", "2024-12-12")]}
    assert renewals.renewed(derived, same_day) == []
    year_before = dict(same_day, **{old_p: [(old_p + "/prov/1/mandate", SG, "report", "2023-12-19")]})
    assert renewals.renewed(derived, year_before) == [(new_p + "/prov/1/mandate", old_p + "/prov/1/mandate")]
