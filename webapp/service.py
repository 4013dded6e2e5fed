"""What the service and its data say about themselves: the SPARQL 1.1 Service Description (GET /sparql
without a query, to RDF clients) and the VoID + DCAT description of the dataset (/.well-known/void, /dataset).

Both are RDF, in Turtle, JSON-LD, N-Triples or RDF/XML by Accept (Turtle when Accept says nothing); a
browser asking /sparql for HTML gets the explorer, and /dataset as HTML is the same description shown as a
page. Counts are computed once per store state (a store written meanwhile is counted again).
"""
from __future__ import annotations

import rdflib
from flask import Blueprint, Response, current_app, redirect, render_template, request, url_for
from rdflib.namespace import RDF, VOID

from unkg.config import DATASET_IRI, dump_url
from unkg.describe import dataset_graph
from unkg.webapp.errors import ApiError
from unkg.webapp.represent import MEDIA, RDF_OFFER, serialize
from unkg.webapp.state import concepts
from unkg.webapp.state import state as app_state

bp = Blueprint("service", __name__)
SD = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = rdflib.Namespace("http://www.w3.org/ns/formats/")
RESULT_FORMATS = ["SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                  "Turtle", "N-Triples", "JSON-LD", "RDF_XML"]


def _rdf_choice(html: bool) -> str | None:
    """The RDF format (a RDF_OFFER key) Accept asks for, 'html' for a browser, or None when it asks for
    neither. No Accept, or */*, gets Turtle: the Service Description note says a plain GET gets RDF."""
    offered = (["html"] if html else []) + list(RDF_OFFER)
    accept = request.accept_mimetypes
    if not accept or str(accept) in ("", "*/*"):
        return "ttl"
    best = accept.best_match([MEDIA[f] for f in offered])
    if best is None:
        return None
    if best == "text/html" and accept.quality("text/html") <= accept.quality("text/turtle"):
        return "ttl"  # "*/*" alone matches HTML first; only a real preference for HTML gets the explorer
    return next(f for f in offered if MEDIA[f] == best)


def _answer(g: rdflib.Graph, fmt: str) -> Response:
    resp = Response(serialize(g, fmt), mimetype=MEDIA[fmt])
    resp.headers["Vary"] = "Accept"
    resp.headers["Access-Control-Allow-Origin"] = "*"
    return resp


def service_description() -> Response:
    """GET /sparql with no query: the explorer for a browser, else the service description."""
    fmt = _rdf_choice(html=True)
    if fmt == "html":
        return redirect(url_for("explore.explore"))
    if fmt is None:
        raise ApiError("no query: send query= (GET or POST form) or a POST body of type application/sparql-query; "
                       "a GET without a query gives the service description as RDF (Accept: text/turtle)", 400)
    return _answer(description_graph(request.base_url), fmt)


def description_graph(endpoint: str) -> rdflib.Graph:
    cfg = current_app.config
    state = app_state()
    g = rdflib.Graph()
    g.bind("sd", SD)
    g.bind("formats", FORMATS)
    g.bind("void", VOID)
    service = rdflib.URIRef(endpoint)
    g.add((service, RDF.type, SD.Service))
    g.add((service, SD.endpoint, service))
    g.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    if cfg["ALLOW_UPDATE"]:
        g.add((service, SD.supportedLanguage, SD.SPARQL11Update))
    for f in RESULT_FORMATS:
        g.add((service, SD.resultFormat, FORMATS[f]))
    # queries without FROM see the union of the named graphs as their default graph
    g.add((service, SD.feature, SD.UnionDefaultGraph))
    if cfg["ALLOW_SERVICE"]:
        g.add((service, SD.feature, SD.BasicFederatedQuery))
    g.add((service, SD.defaultEntailmentRegime, rdflib.URIRef("http://www.w3.org/ns/entailment/Simple")))
    dataset = rdflib.URIRef(DATASET_IRI)
    g.add((service, SD.defaultDataset, dataset))
    g.add((dataset, RDF.type, SD.Dataset))
    default = rdflib.BNode("default")
    g.add((dataset, SD.defaultGraph, default))
    g.add((default, RDF.type, SD.Graph))
    for name in state.cached("graphs", state.store.graphs):
        node = rdflib.BNode()
        g.add((dataset, SD.namedGraph, node))
        g.add((node, RDF.type, SD.NamedGraph))
        g.add((node, SD.name, rdflib.URIRef(name)))
    g.add((dataset, rdflib.RDFS.seeAlso, rdflib.URIRef(request.host_url + ".well-known/void")))
    return g


def _dataset() -> rdflib.Graph:
    state = app_state()
    endpoint = request.host_url + "sparql"
    labels = concepts().labels
    return state.cached(f"void:{endpoint}", lambda: dataset_graph(state.store, endpoint=endpoint, dump=dump_url(), labels=labels))


@bp.route("/.well-known/void")
@bp.route("/dataset")
@bp.route("/dataset.<any(ttl,jsonld,nt,rdf):suffix>")
def dataset(suffix: str | None = None) -> Response:
    fmt = suffix or _rdf_choice(html=request.path == "/dataset")
    if fmt is None:
        raise ApiError(f"the dataset description is offered as {', '.join(MEDIA[f] for f in ('html', *RDF_OFFER))}", 406)
    g = _dataset()
    if fmt != "html":
        resp = _answer(g, fmt)
    else:
        d = rdflib.URIRef(DATASET_IRI)
        rows = sorted(((p.n3(g.namespace_manager), o.n3(g.namespace_manager)) for p, o in g.predicate_objects(d)))
        resp = Response(render_template("dataset.html", title="The unkg dataset", iri=DATASET_IRI, rows=rows,
                                        turtle=serialize(g, "ttl").decode("utf-8")), mimetype="text/html")
        resp.headers["Vary"] = "Accept"
    resp.headers["Link"] = ", ".join(f'</dataset.{f}>; rel="alternate"; type="{MEDIA[f]}"' for f in RDF_OFFER)
    return resp
