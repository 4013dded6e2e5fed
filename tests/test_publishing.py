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


# -- every IRI under the base dereferences ---------------------------------------------------------
@pytest.mark.parametrize("accept", list(PARSERS))
@pytest.mark.parametrize("path", ["/vocab/actors/business-enterprises", "/vocab/actors", "/vocab/states/fra",
                                  "/vocab/rights/freedom-of-opinion-and-expression",
                                  "/vocab/rights/freedom-of-expression"])  # the last only in the store's graphs
def test_vocabulary_iris_303_to_their_documents(client, path, accept):
    r = client.get(path, headers={"Accept": accept})
    assert r.status_code == 303 and r.headers["Vary"] == "Accept" and r.headers["Access-Control-Allow-Origin"] == "*"
    g = rdf(client, r.headers["Location"], accept)
    iri = rdflib.URIRef("https://w3id.org/unkg/vocab" + path[len("/vocab"):])
    assert (iri, RDF.type, None) in g


def test_vocabulary_pages_for_people(client):
    see = client.get("/vocab/actors/business-enterprises", headers={"Accept": "text/html"})
    assert see.headers["Location"] == "/vocab/actors/business-enterprises.html" and "Access-Control-Allow-Origin" not in see.headers
    html = client.get("/vocab/actors/business-enterprises", headers={"Accept": "text/html"}, follow_redirects=True)
    assert html.status_code == 200 and html.mimetype == "text/html"
    text = html.get_data(as_text=True)
    assert "/actors/business-enterprises" in text and "/vocab/actors.html" in text  # its provisions, its scheme
    scheme = client.get("/vocab/actors.html").get_data(as_text=True)
    assert "/vocab/actors/business-enterprises" in scheme
    assert client.get("/vocab/actors/no-such-actor.ttl").status_code == 404


@pytest.mark.parametrize("accept", list(PARSERS))
@pytest.mark.parametrize("path", ["/ontology", "/ontology/0.1.0"])
def test_ontology_and_version_iri_negotiate(client, path, accept):
    r = client.get(path, headers={"Accept": accept})
    assert r.status_code == 200 and r.mimetype == accept and r.headers["Vary"] == "Accept"
    assert r.headers["Content-Location"].startswith(path + ".")
    g = rdflib.Graph().parse(data=r.get_data(), format=PARSERS[accept])
    assert (rdflib.URIRef("https://w3id.org/unkg/ontology"), RDF.type, rdflib.OWL.Ontology) in g


def test_ontology_version_that_is_not_here(client):
    r = client.get("/ontology/9.9.9", headers={"Accept": "text/turtle"})
    assert r.status_code == 404 and "0.1.0" in r.get_json()["error"]


@pytest.mark.parametrize("accept", list(PARSERS))
@pytest.mark.parametrize("path", ["/actors/business-enterprises", "/rights/freedom-of-expression"])
def test_concept_pages_negotiate_rdf(client, path, accept):
    g = rdf(client, path, accept)
    provisions = set(g.subjects(RDF.type, UNKG.Provision))
    assert provisions and all(g.value(p, UNKG.inParagraph) is not None for p in provisions)
    prop = UNKG.addressee if path.startswith("/actors") else UNKG.concernsRight
    concept = rdflib.URIRef("https://w3id.org/unkg/vocab" + path)
    assert any((p, prop, concept) in g for p in provisions)


def test_rdf_xml_wherever_turtle_is(client):
    for path in ["/id/A/RES/78/216.rdf", "/id/A/RES/78/216/op/28.rdf", "/vocab/actors.rdf", "/ontology.rdf",
                 "/dataset.rdf", "/actors/business-enterprises.rdf"]:
        r = client.get(path)
        assert r.status_code == 200 and r.mimetype == "application/rdf+xml", path
        assert len(rdflib.Graph().parse(data=r.get_data(), format="xml")) > 5, path


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory):
    """A store of the bundled A/RES/78/216 as `unkg ingest --sample` makes it (the real graph builder)."""
    from unkg.cli import main

    location = str(tmp_path_factory.mktemp("sample") / "store")
    assert main(["ingest", "--sample", "--store", location, "--quiet"]) == 0
    app = create_app({"STORE": location, "QUERY_WORKERS": 1})
    yield app.test_client()
    app.extensions["unkg"].pool.close()


def test_resolution_graphs_state_source_and_licence(sample):
    g = rdf(sample, "/id/A/RES/78/216/en.ttl", "text/turtle")
    expr = rdflib.URIRef("https://w3id.org/unkg/id/A/RES/78/216/en")
    assert g.value(expr, DCTERMS.source) == rdflib.URIRef("https://undocs.org/en/A/RES/78/216")
    assert g.value(expr, DCTERMS.license) == rdflib.URIRef(DATA_LICENSE)
    assert g.value(expr, DCTERMS.rights) == rdflib.URIRef(UN_TERMS)


def test_evidence_document_describes_its_fragment_nodes(sample):
    client = sample
    g = rdf(client, "/id/A/RES/78/216/en.ttl", "text/turtle")
    oa = rdflib.Namespace("http://www.w3.org/ns/oa#")
    annotation = next(a for a in g.subjects(RDF.type, oa.Annotation) if (a, oa.motivatedBy, oa.classifying) in g)
    path = "/id/" + str(annotation).split("/id/", 1)[1]
    doc = rdf(client, path + ".ttl", "text/turtle")
    target = doc.value(annotation, oa.hasTarget)
    assert str(target) == str(annotation) + "#target"
    selectors = set(doc.objects(target, oa.hasSelector))
    assert {str(annotation) + "#position", str(annotation) + "#quote"} == {str(s) for s in selectors}
    assert doc.value(rdflib.URIRef(str(annotation) + "#quote"), oa.exact) is not None
    assert doc.value(rdflib.URIRef(str(annotation) + "#position"), oa.start) is not None


def test_a_cited_resolution_not_in_the_store_says_so(client):
    r = client.get("/id/A/RES/53/144.html")
    assert r.status_code == 200
    text = r.get_data(as_text=True)
    assert "not in this store" in text and "A/RES/78/216, paragraph" in text and "undocs.org" in text
    g = rdf(client, "/id/A/RES/53/144.ttl", "text/turtle")
    assert (None, rdflib.URIRef("http://data.europa.eu/eli/ontology#cites"), rdflib.URIRef("https://w3id.org/unkg/id/A/RES/53/144")) in g


def test_an_identifier_nobody_uses_is_404(client):
    r = client.get("/id/A/RES/12/345", headers={"Accept": "text/turtle"}, follow_redirects=True)
    assert r.status_code == 404 and "nothing is known" in r.get_json()["error"]
