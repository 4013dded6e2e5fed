"""The web app through Flask's test client, over an embedded store loaded with the hand-made TriG fixture
(part of A/RES/78/216's graph, a test-only resolution holding markup, a slice of the vocabularies)."""
from __future__ import annotations

import csv
import io
import time

import pytest
import rdflib
from conftest import WEBAPP_TRIG, WORK
from conftest import load_webapp_store as load_fixture

from unkg.querykind import classify
from unkg.store import open_store
from unkg.webapp import create_app
from unkg.webapp.represent import MEDIA

TRIG = WEBAPP_TRIG


# -- SPARQL request classification ------------------------------------------------------------------
@pytest.mark.parametrize("text, form, update, service", [
    ("SELECT * WHERE { ?s ?p ?o }", "SELECT", False, False),
    ("PREFIX ex: <http://ex/> ASK { ex:a ?p ?o }", "ASK", False, False),
    ("# DELETE in a comment\nCONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT", False, False),
    ('SELECT * WHERE { ?s ?p "INSERT DATA" }', "SELECT", False, False),
    ("SELECT * WHERE { ?s <http://ex/delete> ?o }", "SELECT", False, False),
    ("SELECT * WHERE { ?s ex:insert ?o . FILTER(?o < 3 && ?o > 1) }", "SELECT", False, False),
    ("INSERT DATA { <http://a> <http://b> <http://c> }", None, True, False),
    ("PREFIX x: <http://x/> DELETE WHERE { ?s ?p ?o }", None, True, False),
    ("LOAD <http://example.org/data.ttl>", None, True, False),
    ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "SELECT", False, True),
    ("select * where { service silent <http://x/> { ?s ?p ?o } }", "SELECT", False, True),
])
def test_classify(text, form, update, service):
    k = classify(text)
    assert (k.form, k.is_update, k.uses_service) == (form, update, service)


# -- the endpoint ---------------------------------------------------------------------------------
Q_PARAS = "PREFIX eli: <http://data.europa.eu/eli/ontology#> SELECT ?p ?n WHERE { ?p eli:number ?n } ORDER BY ?p"


def test_sparql_get_json(client):
    r = client.get("/sparql", query_string={"query": Q_PARAS}, headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200 and r.mimetype == "application/sparql-results+json"
    numbers = sorted(b["n"]["value"] for b in r.get_json()["results"]["bindings"])
    assert numbers == ["1", "11", "2", "28"]
    assert r.headers["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize("fmt, media", [("xml", "application/sparql-results+xml"), ("csv", "text/csv"),
                                        ("tsv", "text/tab-separated-values"), ("json", "application/sparql-results+json")])
def test_sparql_formats_by_param(client, fmt, media):
    r = client.get("/sparql", query_string={"query": Q_PARAS, "format": fmt})
    assert r.status_code == 200 and r.mimetype == media
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(r.get_data(as_text=True))))
        assert rows[0] == ["p", "n"] and len(rows) == 5


def test_sparql_post_form_and_direct(client):
    r1 = client.post("/sparql", data={"query": Q_PARAS}, headers={"Accept": "text/csv"})
    r2 = client.post("/sparql", data=Q_PARAS, content_type="application/sparql-query", headers={"Accept": "text/csv"})
    assert r1.status_code == r2.status_code == 200 and r1.data == r2.data and r1.data.count(b"\n") == 5


@pytest.mark.parametrize("accept, media, fmt", [("text/turtle", "text/turtle", "turtle"),
                                                ("application/n-triples", "application/n-triples", "nt"),
                                                ("application/ld+json", "application/ld+json", "json-ld")])
def test_sparql_construct(client, accept, media, fmt):
    q = f"CONSTRUCT {{ <{WORK}> ?p ?o }} WHERE {{ <{WORK}> ?p ?o }}"
    r = client.get("/sparql", query_string={"query": q}, headers={"Accept": accept})
    assert r.status_code == 200 and r.mimetype == media
    g = rdflib.Graph().parse(data=r.get_data(as_text=True), format=fmt)
    assert (rdflib.URIRef(WORK), rdflib.URIRef("http://purl.org/dc/terms/identifier"), rdflib.Literal("A/RES/78/216")) in g


@pytest.mark.parametrize("data, status, words", [
    ({"update": "INSERT DATA { <http://a> <http://b> <http://c> }"}, 403, "read-only"),
    ({"update": "LOAD <http://example.org/x.ttl>"}, 403, "LOAD"),
    ({"query": "INSERT DATA { <http://a> <http://b> <http://c> }"}, 400, "Update"),
    ({"query": "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"}, 403, "SERVICE"),
    ({"query": "SELECT * WHERE { ?s ?p "}, 400, "malformed"),
    ({"query": "SELECT ?s WHERE { ?s ?p ?o }"}, 413, "limit of 50"),
    ({"query": ""}, 400, "empty"),
])
def test_sparql_refusals(client, data, status, words):
    r = client.post("/sparql", data=data)
    body = r.get_json()
    assert r.status_code == status, body
    assert body["ok"] is False and body["status"] == status and words in body["error"]


def test_sparql_update_body_refused(client):
    r = client.post("/sparql", data="DELETE WHERE { ?s ?p ?o }", content_type="application/sparql-update")
    assert r.status_code == 403
    # and the data are still there
    r = client.get("/sparql", query_string={"query": f"ASK {{ <{WORK}> ?p ?o }}", "format": "json"})
    assert r.get_json()["boolean"] is True


def test_sparql_unacceptable_format(client):
    r = client.get("/sparql", query_string={"query": Q_PARAS, "format": "turtle"})
    assert r.status_code == 406 and "turtle" in r.get_json()["error"]


def test_sparql_cors_preflight(client):
    r = client.options("/sparql", headers={"Origin": "http://x", "Access-Control-Request-Method": "POST"})
    assert r.status_code in (200, 204) and r.headers["Access-Control-Allow-Origin"] == "*"


# -- pages and their twins --------------------------------------------------------------------------
def test_actors_list_counts_narrower(client):
    rows = client.get("/actors.json").get_json()["rows"]
    by = {r["label"]: r for r in rows}
    # business enterprises: 78/216 op 28 (directly) and 78/999 op 1; transnational corporations sit below it
    assert by["business enterprises"]["provisions"] == 2
    assert by["non-State actors"]["with_narrower"] == 2 and by["non-State actors"]["provisions"] == 1
    assert by["States"]["provisions"] == 3


def test_actor_page_html_json_csv_agree(client):
    html = client.get("/actors/business-enterprises", headers={"Accept": "text/html"})
    js = client.get("/actors/business-enterprises.json").get_json()
    csv_text = client.get("/actors/business-enterprises.csv").get_data(as_text=True)
    assert html.status_code == 200 and 'rel="alternate"' in html.headers["Link"]
    rows = js["rows"]
    assert {(r["symbol"], r["paragraph"]) for r in rows} == {("A/RES/78/216", "28"), ("A/RES/78/999", "1")}
    assert next(r for r in rows if r["paragraph"] == "28")["link"] == "/id/A/RES/78/216#op-28"
    parsed = list(csv.DictReader(io.StringIO(csv_text)))
    assert [(r["symbol"], r["paragraph"]) for r in parsed] == [(r["symbol"], r["paragraph"]) for r in rows]
    assert "/id/A/RES/78/216#op-28" in html.get_data(as_text=True)


def test_actor_facets_filter(client):
    js = client.get("/actors/non-state-actors.json?symbol=x&year=2023&strength=4").get_json()
    assert js["total"] == 2 and js["count"] == 2
    js = client.get("/actors/business-enterprises.json", query_string={"beneficiary": "human rights defenders"}).get_json()
    assert [r["symbol"] for r in js["rows"]] == ["A/RES/78/216"]
    assert dict(js["facets"]["beneficiary"]["values"]) == {"human rights defenders": 1}


def test_actor_accept_negotiation(client):
    r = client.get("/actors/business-enterprises", headers={"Accept": "application/json"})
    assert r.mimetype == "application/json" and r.get_json()["count"] == 2
    assert client.get("/actors/no-such-actor").status_code == 404


@pytest.mark.parametrize("accept, media", [("text/turtle", "text/turtle"), ("application/ld+json", "application/ld+json"),
                                           ("text/html", "text/html")])
def test_resolution_by_accept(client, accept, media):
    see = client.get("/id/A/RES/78/216", headers={"Accept": accept})  # the IRI names the resolution, not a page
    suffix = {"text/turtle": "ttl", "application/ld+json": "jsonld", "text/html": "html"}[media]
    assert see.status_code == 303 and see.headers["Location"] == f"/id/A/RES/78/216.{suffix}" and see.headers["Vary"] == "Accept"
    r = client.get("/id/A/RES/78/216", headers={"Accept": accept}, follow_redirects=True)
    assert r.status_code == 200 and r.mimetype == media
    text = r.get_data(as_text=True)
    if media == "text/html":
        assert "A/RES/78/216" in text and 'id="op-28"' in text
    else:
        g = rdflib.Graph().parse(data=text, format="turtle" if media == "text/turtle" else "json-ld")
        assert (rdflib.URIRef(WORK), rdflib.RDF.type, rdflib.URIRef("https://w3id.org/unkg/ontology#Resolution")) in g
        assert len(g) > 100


def test_resolution_suffixes(client):
    assert client.get("/id/A/RES/78/216.ttl").mimetype == "text/turtle"
    assert client.get("/id/A/RES/78/216.jsonld").mimetype == "application/ld+json"
    js = client.get("/id/A/RES/78/216.json").get_json()
    assert [p["number"] for p in js["paragraphs"] if p["kind"] == "operative"] == ["2", "11", "28"]


def test_resolution_highlights_and_citations(client):
    js = client.get("/id/A/RES/78/216.json").get_json()
    op28 = next(p for p in js["paragraphs"] if p["anchor"] == "op-28")
    marks = {(s["text"], s["kind"]) for s in op28["segments"] if s.get("kind")}
    assert ("Urges", "verb") in marks and ("business enterprises", "actor") in marks
    assert "".join(s["text"] for s in op28["segments"]) == op28["text"]
    pp3 = next(p for p in js["paragraphs"] if p["anchor"] == "pp-3")
    cites = {c["symbol"]: c["link"] for c in pp3["citations"]}
    assert cites["A/RES/78/999"] == "/id/A/RES/78/999"  # in the store: linked here
    assert cites["53/144" if "53/144" in cites else "A/RES/53/144"] is None  # not in the store: no local link
    html = client.get("/id/A/RES/78/216.html").get_data(as_text=True)
    assert 'class="mark actor" href="/actors/business-enterprises"' in html


def test_markup_in_text_is_escaped(client):
    html = client.get("/id/A/RES/78/999", headers={"Accept": "text/html"}, follow_redirects=True).get_data(as_text=True)
    assert "<script>alert" not in html and "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in html
    assert "<img src=x" not in html and "<b>bold</b>" not in html
    page = client.get("/actors/business-enterprises", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert "<script>alert" not in page and "&lt;script&gt;" in page


def test_paragraph_iri_points_to_anchor(client):
    html = client.get("/id/A/RES/78/216/op/28", headers={"Accept": "text/html"}, follow_redirects=True).get_data(as_text=True)
    assert "/id/A/RES/78/216#op-28" in html
    g = rdflib.Graph().parse(data=client.get("/id/A/RES/78/216/op/28.ttl").get_data(as_text=True), format="turtle")
    assert (rdflib.URIRef(WORK + "/op/28"), rdflib.URIRef("http://data.europa.eu/eli/ontology#number"), rdflib.Literal("28")) in g


def test_unknown_iri_404_json(client):
    r = client.get("/id/A/RES/1/1", follow_redirects=True)
    assert r.status_code == 404 and r.get_json() == {"ok": False, "status": 404, "error": r.get_json()["error"]}


def test_search_ranks_the_paragraph(client):
    q = "assume their responsibility to respect the human rights and fundamental freedoms of all persons"
    js = client.get("/search.json", query_string={"q": q}).get_json()
    assert js["rows"][0]["symbol"] == "A/RES/78/216" and js["rows"][0]["paragraph"] == "28"
    assert js["rows"][0]["link"] == "/id/A/RES/78/216#op-28"
    csv_rows = list(csv.DictReader(io.StringIO(client.get("/search.csv", query_string={"q": q}).get_data(as_text=True))))
    assert [r["paragraph"] for r in csv_rows] == [r["paragraph"] for r in js["rows"]]
    html = client.get("/search", query_string={"q": "<script>x</script>"}, headers={"Accept": "text/html"}).get_data(as_text=True)
    assert "<script>x</script>" not in html


def test_rights_and_groups(client):
    rights = client.get("/rights.json").get_json()["rows"]
    assert {r["label"] for r in rights} >= {"freedom of expression"}
    js = client.get("/rights/freedom-of-expression.json").get_json()
    assert [(r["symbol"], r["paragraph"]) for r in js["rows"]] == [("A/RES/78/216", "11")]
    g = client.get("/groups/human-rights-defenders.json").get_json()
    assert {r["paragraph"] for r in g["rows"]} == {"2", "11", "28"}


@pytest.mark.slow
def test_resolutions_and_ontology(client):
    rows = client.get("/resolutions.json").get_json()["rows"]
    assert {r["symbol"] for r in rows} == {"A/RES/78/216", "A/RES/78/999"}
    r = client.get("/ontology", headers={"Accept": "text/html"})
    assert r.status_code == 200 and "Resolution" in r.get_data(as_text=True)
    assert client.get("/ontology.ttl").mimetype == "text/turtle"
    classes = {c["name"]: c["label"] for c in client.get("/ontology.json").get_json()["classes"]}
    assert classes["PreambularParagraph"] == "preambular paragraph"  # the English label of three languages


def test_explorer_page(client):
    r = client.get("/explore", headers={"Accept": "text/html"})
    text = r.get_data(as_text=True)
    assert r.status_code == 200 and 'id="explorer"' in text and "cdn" not in text.lower()
    assert "https://" not in "".join(line for line in text.splitlines() if "<script src" in line or "<link" in line)
    assert client.get("/").status_code == 200
    prefixes = client.get("/explore/prefixes.json").get_json()
    assert prefixes["unkg"] == "https://w3id.org/unkg/ontology#"
    terms = client.get("/explore/terms.json?kind=property&q=https://w3id.org/unkg/ontology%23add").get_json()
    assert terms == ["https://w3id.org/unkg/ontology#addressee"]
    # the embedded store's union gives a statement once, however many language versions make it
    assert "union gives each statement once" in text and "once per version" not in text


def test_every_error_has_one_shape(client):
    for url, kw in [("/nope", {}), ("/actors/none", {}), ("/sparql", {"query_string": {"query": "SELEC"}}),
                    ("/actors/business-enterprises.xml", {}), ("/search.json", {"query_string": {"q": "x" * 6000}})]:
        r = client.get(url, **kw)
        body = r.get_json()
        assert r.status_code >= 400 and set(body) == {"ok", "error", "status"} and body["status"] == r.status_code, url


def test_html_pages_name_their_twins(client):
    for url in ["/actors", "/actors/business-enterprises", "/id/A/RES/78/216", "/search?q=states", "/rights", "/resolutions"]:
        r = client.get(url, headers={"Accept": "text/html"}, follow_redirects=True)
        assert r.status_code == 200 and r.mimetype == "text/html", url
        link = r.headers["Link"]
        assert 'rel="alternate"' in link and any(MEDIA[f] in link for f in ("json", "ttl")), url


def test_updates_when_allowed(tmp_path):
    location = load_fixture(tmp_path / "store")
    app = create_app({"STORE": location, "ALLOW_UPDATE": True, "QUERY_TIMEOUT": 10})
    c = app.test_client()
    assert app.extensions["unkg"].pool is None  # a writer: queries run in this process
    before = c.get("/actors.json").get_json()["rows"]
    r = c.post("/sparql", data={"update": "INSERT DATA { GRAPH <urn:test> { <urn:p> <https://w3id.org/unkg/ontology#addressee> "
                                           "<https://w3id.org/unkg/vocab/actors/states> } }"})
    assert r.status_code == 204
    after = c.get("/actors.json").get_json()["rows"]  # caches were dropped: the new provision counts
    count = lambda rows: next(x["provisions"] for x in rows if x["label"] == "States")  # noqa: E731
    assert count(after) == count(before) + 1
    r = c.get("/sparql", query_string={"query": "ASK { <urn:p> ?p ?o }", "format": "json"})
    assert r.get_json()["boolean"] is True
    assert c.post("/sparql", data={"update": "SELECT * WHERE { ?s ?p ?o }"}).status_code == 400
    app.extensions["unkg"].store.close()


def test_search_index():
    from unkg.webapp import search

    texts = ["Urges States to protect human rights defenders online and offline",
             "Encourages business enterprises to respect human rights",
             "Decides to remain seized of the matter",
             "Requests the Secretary-General to report on the implementation of the present resolution"]
    docs = [search.Doc(f"urn:p{i}", "urn:w", "X/1", None, str(i), i, "OperativeParagraph", t) for i, t in enumerate(texts)]
    idx = search.Index(docs)
    top = idx.search("report on the implementation of the present resolution", 2)
    assert top[0][0].number == "3" and top[0][1] > top[1][1]
    assert idx.search("business enterprises respect", 1)[0][0].number == "1"
    assert idx.search("zzz qqq", 3) == []


def test_search_compares_the_wording_only_of_candidates_that_can_rank():
    """The re-ranking skips a candidate whose score could not reach the best `limit` even with the whole
    query's wording: the results are those of comparing every candidate, in the same order."""
    import random

    from rapidfuzz import fuzz

    from unkg.webapp import search

    rng = random.Random(3)
    vocab = ("states urge calls upon human rights council report secretary general women children food health "
             "implementation resolution present session measures protect promote").split()
    texts = [" ".join(rng.choice(vocab) for _ in range(rng.randint(4, 40))) for _ in range(400)]
    docs = [search.Doc(f"urn:p{i}", "urn:w", "X/1", None, str(i), i, "OperativeParagraph", t) for i, t in enumerate(texts)]
    idx = search.Index(docs)
    for n in range(60):
        query = " ".join(rng.choice(vocab) for _ in range(rng.choice([2, 6, 12, 45])))
        limit = rng.choice([1, 5, 20])
        q = " ".join(search.words(query))
        every = []
        for i, s in idx.candidates(query, max(limit * 3, 200 if len(q) < 200 else 60)):
            doc = idx.docs.words(i)
            overlap = (fuzz.partial_ratio(q, doc) if len(q) < 200 else fuzz.token_set_ratio(q, doc)) / 100
            every.append((i, 0.5 * s + 0.5 * overlap))
        every.sort(key=lambda x: -x[1])
        got = idx.search(query, limit)
        assert [(d.para, sc) for d, sc in got] == [(f"urn:p{i}", sc) for i, sc in every[:limit]], (n, query)


def test_search_index_keeps_each_text_and_its_words():
    from unkg.webapp import search

    texts = ["Réaffirme le droit à l’alimentation", "", "States’ obligations — the Council's role, 2023-24", "x"]
    docs = [search.Doc(f"urn:p{i}", "urn:w", "X/1", None, str(i), i, "OperativeParagraph", t) for i, t in enumerate(texts)]
    idx = search.Index(docs)
    assert [idx.docs[i].text for i in range(len(texts))] == texts
    assert [idx.docs.words(i) for i in range(len(texts))] == [" ".join(search.words(t)) for t in texts]


def test_every_setting_is_documented():
    import unkg.webapp as w

    for key in w.DEFAULTS:
        assert f"\n    {key} " in w.__doc__, f"config key {key} is not described in unkg.webapp's docstring"


def test_bad_identifiers_are_user_errors(client):
    for url in ["/id/A/RES/78/216%3Cscript%3E", '/actors/x"y', "/rights/a%20b", "/id/%7Bx%7D"]:
        r = client.get(url, follow_redirects=True)
        assert r.status_code in (400, 404) and r.get_json()["ok"] is False, url


def test_actor_pages_page_alike_in_every_format(client, monkeypatch):
    from unkg.webapp import pages

    monkeypatch.setattr(pages, "HTML_PAGE", 1)
    one = client.get("/actors/business-enterprises.json?page=2").get_json()
    assert one["page"] == 2 and one["pages"] == 2 and len(one["rows"]) == 1
    csv_rows = list(csv.DictReader(io.StringIO(client.get("/actors/business-enterprises.csv?page=2").get_data(as_text=True))))
    assert [r["provision"] for r in csv_rows] == [r["provision"] for r in one["rows"]]
    everything = client.get("/actors/business-enterprises.json?page=all").get_json()
    assert len(everything["rows"]) == 2
    html = client.get("/actors/business-enterprises?page=1", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert "page 1 of 2" in html and 'rel="next"' in html


@pytest.fixture()
def two_languages(tmp_path):
    """The fixture plus an Arabic copy of each resolution's graph (wording "[ar] ..."); 78/999 only in Arabic.
    Arabic because its graph sorts before the English one: rows of the first graph must not win by order."""
    ds = rdflib.Dataset()
    ds.parse(TRIG, format="trig")
    graphs = []
    for g in ds.graphs():
        if not len(g):
            continue
        name = str(g.identifier)
        if name.endswith("/en"):
            ar = rdflib.Graph()
            for s, p, o in g:
                if isinstance(o, rdflib.Literal) and o.language == "en":
                    o = rdflib.Literal(f"[ar] {o}", lang="ar")
                ar.add((s, p, o))
            graphs.append((name[:-3] + "/ar", ar))
            if "78/999" in name:
                continue
        graphs.append((name, g))
    with open_store(str(tmp_path / "store")) as store:
        store.replace_graphs(graphs)
    app = create_app({"STORE": str(tmp_path / "store"), "QUERY_WORKERS": 1})
    yield app.test_client()
    if app.extensions["unkg"].pool:
        app.extensions["unkg"].pool.close()


def test_actor_page_words_each_provision_once_in_english_first(two_languages):
    """Every language version holds the provision; the page lists it once, worded in English where there is an
    English version (here 78/216) and else in the language there is (78/999, given only in Arabic)."""
    rows = two_languages.get("/actors/business-enterprises.json").get_json()["rows"]
    by = {r["symbol"]: r for r in rows}
    assert sorted(r["symbol"] for r in rows) == ["A/RES/78/216", "A/RES/78/999"]
    en = by["A/RES/78/216"]
    assert en["text"] and en["verb"] and not en["text"].startswith("[ar]") and not en["verb"].startswith("[ar]")
    assert by["A/RES/78/999"]["text"].startswith("[ar] ") and by["A/RES/78/999"]["verb"].startswith("[ar] ")


def test_concept_pages_list_each_provision_once_in_english_first(two_languages):
    rows = two_languages.get("/groups/human-rights-defenders.json").get_json()["rows"]
    provisions = [r["provision"] for r in rows]
    assert len(provisions) == len(set(provisions)) == 4  # 78/216 op 2, 11, 28 (two), once each, not once per version
    assert all(r["text"] and not r["text"].startswith("[ar]") and r["symbol"] == "A/RES/78/216" for r in rows)
    rights = two_languages.get("/rights/freedom-of-expression.json").get_json()["rows"]
    assert [r["paragraph"] for r in rights] == ["11"] and rights[0]["verb"] == "Urges"


def test_resolution_page_reads_one_language_version(two_languages):
    """The page shows the English version's text, or the only version there is. Previously the rows of all
    versions were mixed: over the six-language corpus store every paragraph came out without text, and a
    resolution only in Arabic showed none."""
    for path, arabic in (("/id/A/RES/78/216", False), ("/id/A/RES/78/999", True)):
        page = two_languages.get(path, headers={"Accept": "application/json"}, follow_redirects=True).get_json()
        paras = page["paragraphs"]
        assert paras and all(p["text"] and p["text"].startswith("[ar] ") == arabic for p in paras), path
        shown = [(m["label"], m["value"]) for m in page["metadata"]]
        assert ("Symbol", path[4:]) in shown and len(shown) == len(set(shown)), shown  # once, not once per version


def test_resolution_list_gives_the_english_title(two_languages):
    titles = {r["symbol"]: r["title"] for r in two_languages.get("/resolutions.json").get_json()["rows"]}
    assert titles["A/RES/78/216"].startswith("Implementing the Declaration")  # not the empty title of the ar row


def test_pages_pick_up_an_ingest_beside_the_server(tmp_path, monkeypatch):
    """`unkg ingest` into the store a server is serving: the next requests answer with the new resolution
    (the store reopens on the writer's commit and the page caches are dropped), without a restart."""
    from unkg.store.embedded import EmbeddedStore

    monkeypatch.setattr(EmbeddedStore, "REFRESH_EVERY", 0.0)
    ds = rdflib.Dataset()
    ds.parse(TRIG, format="trig")
    graphs = [(str(g.identifier), g) for g in ds.graphs() if len(g)]
    later = [(name, g) for name, g in graphs if "78/999" in name]
    location = str(tmp_path / "store")
    with open_store(location) as w:
        w.replace_graphs([(name, g) for name, g in graphs if "78/999" not in name])
    app = create_app({"STORE": location, "QUERY_WORKERS": 1})
    try:
        client = app.test_client()

        def works_by_sparql() -> str:  # answered by a query worker process, which keeps its own view
            js = client.get("/sparql", query_string={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?w a <https://w3id.org/unkg/ontology#Resolution> }"},
                            headers={"Accept": "application/sparql-results+json"}).get_json()
            return js["results"]["bindings"][0]["n"]["value"]

        assert [r["symbol"] for r in client.get("/resolutions.json").get_json()["rows"]] == ["A/RES/78/216"]
        assert client.get("/actors/business-enterprises.json").get_json()["total"] == 1
        assert works_by_sparql() == "1"
        with open_store(location) as w:  # the writer, beside the serving app's read-only views
            w.replace_graphs(later)
        assert sorted(r["symbol"] for r in client.get("/resolutions.json").get_json()["rows"]) == ["A/RES/78/216", "A/RES/78/999"]
        assert client.get("/actors/business-enterprises.json").get_json()["total"] == 2
        time.sleep(EmbeddedStore.REFRESH_EVERY + 1.1)  # the worker process looks at most once a second (its own setting)
        assert works_by_sparql() == "2"
    finally:
        if app.extensions["unkg"].pool:
            app.extensions["unkg"].pool.close()


def test_warm_builds_the_shared_caches_before_the_first_visitor(app):
    from unkg.webapp import warm

    state = app.extensions["unkg"]
    state.changed()  # start from nothing
    warm(app).join(timeout=60)
    built = {k for k, v in state.cache.items() if isinstance(v, dict) and v.get("done")}
    assert {"concepts", "addressee_pairs", "addressees_of", "works", "search_index"} <= built


def test_what_lies_under_a_work_links_back_to_it(client):
    """An expression, a provision: each page names its work, read with unkg.iris.parse (any language, any base
    IRI: tests/test_iris.py), and a provision points to its paragraph's anchor."""
    for path, link in (("/id/A/RES/78/216/en", "/id/A/RES/78/216"),
                       ("/id/A/RES/78/216/op/28/prov/1", "/id/A/RES/78/216#op-28")):
        page = client.get(path, headers={"Accept": "application/json"}, follow_redirects=True).get_json()
        assert page.get("container") == {"iri": WORK, "link": link}, (path, page)
