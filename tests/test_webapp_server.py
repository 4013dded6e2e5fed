"""Acceptance over a real server: waitress on a free port over an embedded store, driven by SPARQLWrapper
and plain HTTP. Includes the time limit: a runaway query is stopped and its worker process killed."""
from __future__ import annotations

import gc
import json
import time
import urllib.error
import urllib.parse
import urllib.request
import warnings

import pytest
import rdflib
from conftest import WORK, served
from conftest import load_webapp_store as load_fixture
from SPARQLWrapper import CSV, JSON, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed, SPARQLWrapperException

from unkg.webapp import create_app

pytestmark = pytest.mark.server
Q = "PREFIX eli: <http://data.europa.eu/eli/ontology#> SELECT ?p ?n WHERE { ?p eli:number ?n } ORDER BY ?n"
# Four-way cross product of every triple: far too slow to finish within a one-second limit.
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    location = load_fixture(tmp_path_factory.mktemp("server") / "store")
    app = create_app({"STORE": location, "QUERY_TIMEOUT": 1.5, "RESULT_LIMIT": 1000, "QUERY_WORKERS": 2})
    with served(app) as url:
        yield url, app


def wrapper(base: str, fmt: str, query: str) -> SPARQLWrapper:
    sw = SPARQLWrapper(base + "/sparql")
    sw.setQuery(query)
    sw.setReturnFormat(fmt)
    return sw


def test_sparqlwrapper_json_xml_csv(server):
    base, _ = server
    js = wrapper(base, JSON, Q).query().convert()
    assert sorted(b["n"]["value"] for b in js["results"]["bindings"]) == ["1", "11", "2", "28"]
    xml = wrapper(base, XML, Q).query().convert()  # a DOM document
    assert len(xml.getElementsByTagName("result")) == 4
    csv_text = wrapper(base, CSV, Q).query().convert().decode("utf-8")
    assert csv_text.splitlines()[0] == "p,n" and len(csv_text.splitlines()) == 5


def test_sparqlwrapper_construct_turtle(server):
    base, _ = server
    sw = wrapper(base, TURTLE, f"CONSTRUCT {{ <{WORK}> ?p ?o }} WHERE {{ <{WORK}> ?p ?o }}")
    data = sw.query().convert()
    g = rdflib.Graph().parse(data=data, format="turtle")
    assert (rdflib.URIRef(WORK), rdflib.RDF.type, rdflib.URIRef("https://w3id.org/unkg/ontology#Resolution")) in g


def test_sparqlwrapper_malformed(server):
    base, _ = server
    with pytest.raises(QueryBadFormed):
        wrapper(base, JSON, "SELECT * WHERE { ?s ?p ").query()


def _post(url: str, data: dict[str, str]) -> tuple[int, dict]:
    body = urllib.parse.urlencode(data).encode()
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=body), timeout=30) as r:
            return r.status, json.loads(r.read() or b"{}")
    except urllib.error.HTTPError as e:
        with e:  # an error response left open is a ResourceWarning, which fails the test
            return e.code, json.loads(e.read())


@pytest.mark.parametrize("data, status, words", [
    ({"update": "INSERT DATA { <http://a> <http://b> <http://c> }"}, 403, "read-only"),
    ({"update": "LOAD <http://example.org/data.ttl>"}, 403, "LOAD is disabled"),
    ({"query": "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"}, 403, "SERVICE"),
    ({"query": "SELECT * WHERE { ?s ?p "}, 400, "malformed"),
])
def test_refusals_over_http(server, data, status, words):
    base, _ = server
    code, body = _post(base + "/sparql", data)
    assert code == status and words in body["error"] and body["ok"] is False


def test_update_through_sparqlwrapper_refused(server):
    base, _ = server
    sw = SPARQLWrapper(base + "/sparql")
    sw.setMethod("POST")
    sw.setQuery("INSERT DATA { <http://a> <http://b> <http://c> }")
    with warnings.catch_warnings():
        # SPARQLWrapper turns the 403 into its own exception and drops the response unclosed: collect it here,
        # where its ResourceWarning is expected, rather than in whichever test the collector runs next
        warnings.simplefilter("ignore", ResourceWarning)
        with pytest.raises((SPARQLWrapperException, urllib.error.HTTPError)) as err:
            sw.query()
        message = str(err.value)
        del err
        gc.collect()
    assert "403" in message or "read-only" in message


def test_slow_query_stopped_at_limit(server):
    base, app = server
    pool = app.extensions["unkg"].pool
    killed = pool.killed
    t0 = time.monotonic()
    code, body = _post(base + "/sparql", {"query": SLOW})
    took = time.monotonic() - t0
    assert code == 503 and "time limit of 1.5 s" in body["error"]
    assert took < 10  # the limit, plus starting a worker on first use
    assert pool.killed == killed + 1  # the worker running it was killed, not left computing
    # the server is still answering, with a fresh worker
    js = wrapper(base, JSON, Q).query().convert()
    assert len(js["results"]["bindings"]) == 4


@pytest.mark.parametrize("accept, fmt", [("text/turtle", "turtle"), ("application/ld+json", "json-ld"), ("text/html", None)])
def test_resolution_iri_over_http(server, accept, fmt):
    base, _ = server
    req = urllib.request.Request(base + "/id/A/RES/78/216", headers={"Accept": accept})
    with urllib.request.urlopen(req, timeout=30) as r:
        assert r.headers.get_content_type() == accept
        assert "rel=\"alternate\"" in r.headers["Link"]
        text = r.read().decode("utf-8")
    if fmt:
        g = rdflib.Graph().parse(data=text, format=fmt)
        assert (rdflib.URIRef(WORK + "/op/28"), rdflib.URIRef("http://data.europa.eu/eli/ontology#number"), rdflib.Literal("28")) in g
    else:
        assert 'id="op-28"' in text and "A/RES/78/216" in text
