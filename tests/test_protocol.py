"""The W3C SPARQL 1.1 Protocol and Service Description tests that apply to a read-only endpoint, sent over
HTTP to a real `unkg serve` (a subprocess on a free port) over an embedded store.

The protocol cases are data (tests/protocol/cases.toml, one row per entry of the suite's manifest); the
service-description tests are the suite's three (returns-rdf, has-endpoint-triple, conforms-to-schema).
The store holds the web-app fixture (part of A/RES/78/216) and the suite's three small graphs.
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import tomllib
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import rdflib
from conftest import WORK, stop_server
from conftest import load_webapp_store as load_fixture

from unkg.store import open_store

pytestmark = pytest.mark.server

CASES = tomllib.loads((Path(__file__).parent / "protocol" / "cases.toml").read_text(encoding="utf-8"))["case"]
KASEI = "http://kasei.us/2009/09/sparql/data/"
FOAF_DOCUMENT = "http://xmlns.com/foaf/0.1/Document"
SD = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
RDF_PARSERS = {"text/turtle": "turtle", "application/n-triples": "nt", "application/rdf+xml": "xml",
               "application/ld+json": "json-ld", "application/trig": "trig", "application/n-quads": "nquads"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(location: str, env: dict[str, str] | None = None) -> tuple[subprocess.Popen, str]:
    """`unkg serve` in its own process; returns it and its base URL once it answers."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-P", "-m", "unkg.cli", "serve", "--store", location, "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, **(env or {})})
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"unkg serve stopped: {proc.stderr.read().decode(errors='replace')}")  # type: ignore[union-attr]
        try:
            with urllib.request.urlopen(base + "/favicon.ico", timeout=2):
                return proc, base
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("unkg serve did not answer within 60 s")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    location = load_fixture(tmp_path_factory.mktemp("protocol") / "store")
    store = open_store(location)
    graphs = []
    for n in (1, 2, 3):
        g = rdflib.Graph()
        g.add((rdflib.URIRef(f"{KASEI}data{n}.rdf"), rdflib.RDF.type, rdflib.URIRef(FOAF_DOCUMENT)))
        graphs.append((f"{KASEI}data{n}.rdf", g))
    store.replace_graphs(graphs)
    store.close()
    proc, base = start_server(location)
    yield base
    stop_server(proc)


def send(base: str, method: str, params: list[list[str]] | None = None, content_type: str | None = None,
         body: bytes | None = None, headers: dict[str, str] | None = None, path: str = "/sparql") -> tuple[int, str, bytes]:
    """(status, media type, body) of one request."""
    url = base + path + ("?" + urllib.parse.urlencode([tuple(p) for p in params]) if params else "")
    req = urllib.request.Request(url, data=body, method=method, headers=dict(headers or {}))
    if content_type:
        req.add_header("Content-Type", content_type)
    elif body is not None:
        req.add_header("Content-Type", "")  # urllib would otherwise claim a form
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, r.headers.get_content_type(), r.read()
    except urllib.error.HTTPError as e:
        with e:
            return e.code, e.headers.get_content_type(), e.read()


def boolean_of(media: str, body: bytes) -> bool:
    if media == "application/sparql-results+json":
        return json.loads(body)["boolean"]
    assert media == "application/sparql-results+xml", media
    node = ET.fromstring(body).find("{http://www.w3.org/2005/sparql-results#}boolean")
    assert node is not None and node.text in ("true", "false")
    return node.text == "true"


def check_tabular(media: str, body: bytes) -> None:
    if media == "application/sparql-results+json":
        assert "vars" in json.loads(body)["head"]
    elif media == "application/sparql-results+xml":
        assert ET.fromstring(body).find("{http://www.w3.org/2005/sparql-results#}results") is not None
    else:
        assert media in ("text/csv", "text/tab-separated-values"), media
        assert body.decode("utf-8").splitlines()


def graph_of(media: str, body: bytes, base: str = "http://example.org/") -> rdflib.Graph:
    assert media in RDF_PARSERS, f"{media} is not an RDF media type"
    return rdflib.Graph().parse(data=body, format=RDF_PARSERS[media], publicID=base)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_w3c_protocol(server, case):
    body = case.get("body")
    data = None
    if body is not None:
        charset = case.get("body_charset", "UTF-8")
        data = body.encode("utf-16") if charset == "UTF-16" else body.encode("utf-8")  # utf-16 writes a BOM
    status, media, answer = send(server, case["method"], case.get("params"), case.get("content_type"), data)
    want = case["status"]
    if isinstance(want, int):
        assert status == want, answer[:300]
    else:
        assert str(status)[0] == want[0], (status, answer[:300])
    if case.get("says"):
        message = json.loads(answer)["error"]
        for words in case["says"]:
            assert words.lower() in message.lower(), message
    fmt = case.get("format")
    if fmt == "boolean":
        value = boolean_of(media, answer)
        if "boolean" in case:
            assert value is case["boolean"]
    elif fmt == "tabular":
        check_tabular(media, answer)
    elif fmt == "rdf":
        graph_of(media, answer)


def test_refused_updates_left_the_store_as_it_was(server):
    """After every update of the suite was refused, the suite's graphs are still there."""
    q = f"ASK {{ GRAPH <{KASEI}data3.rdf> {{ <{KASEI}data3.rdf> a <{FOAF_DOCUMENT}> }} GRAPH <{WORK}/en> {{ ?s ?p ?o }} }}"
    status, media, answer = send(server, "GET", [["query", q]])
    assert status == 200 and boolean_of(media, answer) is True


# -- unkg's own cases beside the suite's ---------------------------------------------------------
def test_relative_iris_resolve_against_the_data_base(server):
    """A relative IRI in a query is resolved against the base of unkg's data IRIs, so <A/RES/78/216> names
    the work; no misleading parse error."""
    status, media, answer = send(server, "GET", [["query", "SELECT ?t WHERE { <A/RES/78/216> a ?t }"]],
                                 headers={"Accept": "application/sparql-results+json"})
    assert status == 200, answer
    types = {b["t"]["value"] for b in json.loads(answer)["results"]["bindings"]}
    assert "https://w3id.org/unkg/ontology#Resolution" in types


def test_a_base_in_the_query_wins(server):
    q = "BASE <http://example.org/x/> SELECT ?o WHERE { BIND(<y> AS ?o) }"
    status, _, answer = send(server, "GET", [["query", q]], headers={"Accept": "application/sparql-results+json"})
    assert status == 200 and json.loads(answer)["results"]["bindings"][0]["o"]["value"] == "http://example.org/x/y"


@pytest.mark.parametrize("accept", ["application/rdf+xml", "text/turtle", "application/n-triples", "application/ld+json"])
@pytest.mark.parametrize("form", ["CONSTRUCT", "DESCRIBE"])
def test_graph_results_in_every_rdf_format(server, accept, form):
    q = f"CONSTRUCT {{ <{WORK}> ?p ?o }} WHERE {{ <{WORK}> ?p ?o }}" if form == "CONSTRUCT" else f"DESCRIBE <{WORK}>"
    status, media, answer = send(server, "GET", [["query", q]], headers={"Accept": accept})
    assert status == 200 and media == accept, answer[:300]
    g = graph_of(media, answer)
    assert (rdflib.URIRef(WORK), rdflib.RDF.type, rdflib.URIRef("https://w3id.org/unkg/ontology#Resolution")) in g


def test_dataset_over_the_stores_graphs(server):
    """default-graph-uri picks one language version's graph; named-graph-uri limits what GRAPH ?g sees."""
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    _, _, whole = send(server, "GET", [["query", q]], headers={"Accept": "application/sparql-results+json"})
    _, _, one = send(server, "GET", [["query", q], ["default-graph-uri", f"{KASEI}data1.rdf"]],
                     headers={"Accept": "application/sparql-results+json"})
    count = lambda a: int(json.loads(a)["results"]["bindings"][0]["n"]["value"])  # noqa: E731
    assert count(one) == 1 and count(whole) > 10
    q = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    _, _, named = send(server, "GET", [["query", q], ["named-graph-uri", f"{WORK}/en"], ["named-graph-uri", f"{KASEI}data2.rdf"]],
                       headers={"Accept": "application/sparql-results+json"})
    assert {b["g"]["value"] for b in json.loads(named)["results"]["bindings"]} == {f"{WORK}/en", f"{KASEI}data2.rdf"}


def test_dataset_parameters_from_a_form_body(server):
    body = urllib.parse.urlencode([("query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"),
                                   ("default-graph-uri", f"{KASEI}data1.rdf"), ("default-graph-uri", f"{KASEI}data2.rdf")]).encode()
    status, _, answer = send(server, "POST", content_type="application/x-www-form-urlencoded", body=body,
                             headers={"Accept": "application/sparql-results+json"})
    assert status == 200 and json.loads(answer)["results"]["bindings"][0]["n"]["value"] == "2"


def test_latin1_query_is_refused_saying_so(server):
    status, _, answer = send(server, "POST", content_type="application/sparql-query; charset=ISO-8859-1",
                             body="ASK { ?s ?p \"é\" }".encode("latin-1"))
    assert status == 415 and "ISO-8859-1" in json.loads(answer)["error"]


# -- SPARQL 1.1 Service Description (w3c/rdf-tests sparql/sparql11/service-description) ---------------
@pytest.mark.parametrize("accept", ["text/turtle", "application/rdf+xml", "application/n-triples", "application/ld+json", "*/*", None])
def test_sd_returns_rdf(server, accept):
    """returns-rdf: GET on the endpoint without a query gives RDF to RDF clients."""
    status, media, answer = send(server, "GET", headers={"Accept": accept} if accept else {})
    assert status == 200, answer[:300]
    g = graph_of(media, answer, base=server + "/sparql")
    assert len(g) > 10


def service_description(base: str) -> rdflib.Graph:
    status, media, answer = send(base, "GET", headers={"Accept": "text/turtle"})
    assert status == 200
    return graph_of(media, answer, base=base + "/sparql")


def test_sd_has_endpoint_triple(server):
    """has-endpoint-triple: ?service sd:endpoint <the URL that was dereferenced>."""
    g = service_description(server)
    assert list(g.subjects(SD.endpoint, rdflib.URIRef(server + "/sparql")))


def test_sd_conforms_to_schema(server):
    """conforms-to-schema: every sd:NamedGraph has an sd:name (the suite's check), and the description uses
    the vocabulary as the Recommendation says: languages, result formats, features, the default dataset."""
    g = service_description(server)
    (service,) = set(g.subjects(rdflib.RDF.type, SD.Service))
    for ng in g.subjects(rdflib.RDF.type, SD.NamedGraph):
        assert g.value(ng, SD.name) is not None
    assert set(g.objects(service, SD.supportedLanguage)) == {SD.SPARQL11Query}  # read-only: no Update
    formats = {str(f) for f in g.objects(service, SD.resultFormat)}
    assert {"http://www.w3.org/ns/formats/SPARQL_Results_JSON", "http://www.w3.org/ns/formats/SPARQL_Results_XML",
            "http://www.w3.org/ns/formats/SPARQL_Results_CSV", "http://www.w3.org/ns/formats/SPARQL_Results_TSV",
            "http://www.w3.org/ns/formats/Turtle", "http://www.w3.org/ns/formats/RDF_XML",
            "http://www.w3.org/ns/formats/N-Triples", "http://www.w3.org/ns/formats/JSON-LD"} <= formats
    assert SD.UnionDefaultGraph in set(g.objects(service, SD.feature))
    assert SD.BasicFederatedQuery not in set(g.objects(service, SD.feature))  # SERVICE is off by default
    dataset = g.value(service, SD.defaultDataset)
    assert (dataset, rdflib.RDF.type, SD.Dataset) in g
    default = g.value(dataset, SD.defaultGraph)
    assert (default, rdflib.RDF.type, SD.Graph) in g
    names = {str(g.value(ng, SD.name)) for ng in g.objects(dataset, SD.namedGraph)}
    assert {f"{WORK}/en", f"{KASEI}data1.rdf"} <= names


def test_sd_stays_the_explorer_for_browsers(server):
    status, media, answer = send(server, "GET", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert status == 200 and media == "text/html" and b"SPARQL" in answer
