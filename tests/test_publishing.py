"""Publishing like a linked-data publisher, through Flask's test client over the web-app fixture: the VoID +
DCAT description of the dataset; content negotiation of vocabularies, the ontology and pages (RDF/XML
wherever Turtle is); an identifier the store does not hold answers 404 saying what is known of it."""
from __future__ import annotations

import pytest
import rdflib
from conftest import WORK
from conftest import load_webapp_store as load_fixture
from rdflib.namespace import DCAT, DCTERMS, RDF, VOID

from unkg.config import DATA_LICENSE, DATASET_IRI, UN_TERMS
from unkg.webapp import create_app

PARSERS = {"text/turtle": "turtle", "application/ld+json": "json-ld", "application/n-triples": "nt",
           "application/rdf+xml": "xml"}
UNKG = rdflib.Namespace("https://w3id.org/unkg/ontology#")


def rdf(client, path: str, accept: str, status: int = 200) -> rdflib.Graph:
    r = client.get(path, headers={"Accept": accept})
    assert r.status_code == status and r.mimetype == accept, (path, accept, r.status_code, r.get_data(as_text=True)[:300])
    return rdflib.Graph().parse(data=r.get_data(), format=PARSERS[accept], publicID="http://localhost" + path)


@pytest.mark.parametrize("accept", list(PARSERS))
@pytest.mark.parametrize("path", ["/.well-known/void", "/dataset"])
def test_void_and_dcat(client, path, accept):
    g = rdf(client, path, accept)
    d = rdflib.URIRef(DATASET_IRI)
    assert (d, RDF.type, VOID.Dataset) in g and (d, RDF.type, DCAT.Dataset) in g
    assert int(g.value(d, VOID.triples)) > 100
    assert g.value(d, VOID.sparqlEndpoint) == rdflib.URIRef("http://localhost/sparql")
    assert g.value(d, DCTERMS.license) == rdflib.URIRef(DATA_LICENSE)
    assert g.value(d, DCTERMS.rights) == rdflib.URIRef(UN_TERMS)
    assert g.value(d, DCTERMS.modified) is not None  # the store's last write
    vocabularies = {str(v) for v in g.objects(d, VOID.vocabulary)}
    assert {"http://data.europa.eu/eli/ontology#", "https://w3id.org/unkg/ontology", "http://www.w3.org/ns/oa#"} <= vocabularies
    assert rdflib.URIRef(WORK) in set(g.objects(d, VOID.exampleResource))
    subsets = {str(g.value(s, DCTERMS.title)): int(g.value(s, VOID.entities)) for s in g.objects(d, VOID.subset)}
    assert subsets.get("General Assembly, session 78", 0) >= 1, subsets


def test_dataset_page_for_people(client):
    r = client.get("/dataset", headers={"Accept": "text/html"})
    assert r.status_code == 200 and r.mimetype == "text/html" and "void:sparqlEndpoint" in r.get_data(as_text=True)
    assert 'rel="alternate"' in r.headers["Link"]


def test_dump_location_is_a_setting(tmp_path, monkeypatch):
    monkeypatch.setenv("UNKG_DUMP_URL", "https://example.org/unkg/dumps/")
    location = load_fixture(tmp_path / "store")
    app = create_app({"STORE": location, "QUERY_WORKERS": 1})
    try:
        g = rdf(app.test_client(), "/.well-known/void", "text/turtle")
    finally:
        app.extensions["unkg"].pool.close()
    d = rdflib.URIRef(DATASET_IRI)
    assert g.value(d, VOID.dataDump) == rdflib.URIRef("https://example.org/unkg/dumps/")
    dist = g.value(d, DCAT.distribution)
    assert g.value(dist, DCAT.accessURL) == rdflib.URIRef("https://example.org/unkg/dumps/")
