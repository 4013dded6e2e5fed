"""The dataset described for crawlers and catalogues: VoID and DCAT in one graph.

`dataset_graph(store, endpoint=..., dump=...)` counts what the store holds (triples, graphs, resolutions per
adopting body and session), names the vocabularies its statements use and a few example resources, and
states the endpoint, the dumps, the licence of the data, the UN's terms for its texts and the last update.
The web app serves it at /.well-known/void and /dataset; a dump can carry the same description.
"""
from __future__ import annotations

from datetime import timezone
from typing import Any

import rdflib
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, RDFS, VOID, XSD

from unkg.config import DATA_LICENSE, DATASET_IRI, ONTOLOGY_NS, UN_TERMS, VOCAB_NS, base_iri

UNKG = rdflib.Namespace(ONTOLOGY_NS)
ONTOLOGY_IRI = ONTOLOGY_NS.rstrip("#")
_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
_BY_SESSION = f"""SELECT ?body ?session (COUNT(DISTINCT ?w) AS ?n) WHERE {{
  GRAPH ?g {{ ?w a <{ONTOLOGY_NS}Resolution> ; <{ONTOLOGY_NS}adoptedBy> ?body . OPTIONAL {{ ?w <{ONTOLOGY_NS}session> ?session }} }}
}} GROUP BY ?body ?session"""
_PREDICATES = "SELECT DISTINCT ?p WHERE { GRAPH ?g { ?s ?p ?o } }"
_CLASSES = "SELECT DISTINCT ?c WHERE { GRAPH ?g { ?s a ?c } }"
_EXAMPLES = f"""SELECT DISTINCT ?w WHERE {{ GRAPH ?g {{ ?w a <{ONTOLOGY_NS}Resolution> }} }} ORDER BY ?w LIMIT 3"""


def namespace(iri: str) -> str:
    """The vocabulary an IRI belongs to: up to its last '#' or '/'."""
    cut = max(iri.rfind("#"), iri.rfind("/"))
    return iri[:cut + 1] if cut > 0 else iri


def dataset_graph(store: Any, *, endpoint: str | None = None, dump: str | None = None,
                  labels: dict[str, str] | None = None) -> rdflib.Graph:
    """VoID + DCAT description of the store's data. `endpoint`: the SPARQL endpoint's URL; `dump`: where the
    dumps are published; `labels`: names of adopting bodies (concept IRI -> label)."""
    g = rdflib.Graph()
    for prefix, ns in (("void", VOID), ("dcat", DCAT), ("dcterms", DCTERMS), ("foaf", FOAF), ("unkg", UNKG),
                       ("sd", "http://www.w3.org/ns/sparql-service-description#")):
        g.bind(prefix, ns)
    d = rdflib.URIRef(DATASET_IRI)
    g.add((d, RDF.type, VOID.Dataset))
    g.add((d, RDF.type, DCAT.Dataset))
    g.add((d, DCTERMS.title, rdflib.Literal("unkg: a knowledge graph of United Nations resolutions", lang="en")))
    g.add((d, DCTERMS.description, rdflib.Literal(
        "UN General Assembly, Human Rights Council and Security Council resolutions as RDF: their paragraphs, "
        "the provisions in them (who is asked to do what, how strongly), the rights they concern, the groups "
        "they protect, the mandates they give, and the evidence for each statement in the text.", lang="en")))
    g.add((d, DCTERMS.license, rdflib.URIRef(DATA_LICENSE)))
    terms = rdflib.URIRef(UN_TERMS)
    g.add((d, DCTERMS.rights, terms))
    g.add((terms, RDF.type, DCTERMS.RightsStatement))
    g.add((terms, RDFS.label, rdflib.Literal(
        "The texts of the resolutions are the United Nations'; their use is subject to the UN's terms of use. "
        "What unkg extracted from them is under the dataset's licence.", lang="en")))
    g.add((d, DCTERMS.source, rdflib.URIRef("https://undocs.org/")))
    g.add((d, VOID.uriSpace, rdflib.Literal(base_iri())))
    g.add((d, VOID.feature, rdflib.URIRef("http://www.w3.org/ns/formats/Turtle")))
    g.add((d, VOID.feature, rdflib.URIRef("http://www.w3.org/ns/formats/RDF_XML")))
    g.add((d, DCTERMS.conformsTo, rdflib.URIRef(ONTOLOGY_IRI)))
    if endpoint:
        g.add((d, VOID.sparqlEndpoint, rdflib.URIRef(endpoint)))
        service = rdflib.URIRef(endpoint)
        g.add((d, DCAT.accessService, service))
        g.add((service, RDF.type, DCAT.DataService))
        g.add((service, DCAT.endpointURL, service))
        g.add((service, DCAT.endpointDescription, service))  # GET on it gives its SPARQL service description
        g.add((service, DCAT.servesDataset, d))
    if dump:
        g.add((d, VOID.dataDump, rdflib.URIRef(dump)))
        dist = rdflib.URIRef(DATASET_IRI + "#dump")
        g.add((d, DCAT.distribution, dist))
        g.add((dist, RDF.type, DCAT.Distribution))
        g.add((dist, DCAT.accessURL, rdflib.URIRef(dump)))
        g.add((dist, DCAT.mediaType, rdflib.URIRef("https://www.iana.org/assignments/media-types/application/n-quads")))
        g.add((dist, DCAT.compressFormat, rdflib.URIRef("https://www.iana.org/assignments/media-types/application/gzip")))
        g.add((dist, DCTERMS.license, rdflib.URIRef(DATA_LICENSE)))
    modified = store.modified()
    if modified is not None:
        g.add((d, DCTERMS.modified, rdflib.Literal(modified.astimezone(timezone.utc).replace(microsecond=0).isoformat(),
                                                   datatype=XSD.dateTime)))

    graphs = store.graphs()
    triples = int(store.select(_COUNT, timeout=300)[0]["n"].toPython())
    g.add((d, VOID.triples, rdflib.Literal(triples)))
    g.add((d, RDFS.comment, rdflib.Literal(f"{len(graphs)} named graphs: one per language version of a resolution, "
                                           "plus the ontology's vocabularies where ingested", lang="en")))
    total = 0
    for row in sorted(store.select(_BY_SESSION, timeout=300), key=lambda r: (str(r["body"]), str(r.get("session", "")))):
        body, session, n = str(row["body"]), str(row.get("session", "") or ""), int(row["n"].toPython())
        total += n
        name = (labels or {}).get(body) or body.rsplit("/", 1)[-1].replace("-", " ")
        sub = rdflib.URIRef(f"{DATASET_IRI}#{body.rsplit('/', 1)[-1]}-{session or 'unknown'}")
        g.add((d, VOID.subset, sub))
        g.add((sub, RDF.type, VOID.Dataset))
        g.add((sub, DCTERMS.title, rdflib.Literal(f"{name}, session {session}" if session else name, lang="en")))
        g.add((sub, DCTERMS.publisher, rdflib.URIRef(body)))
        g.add((sub, VOID.entities, rdflib.Literal(n)))
        g.add((sub, VOID["class"], UNKG.Resolution))
    part = rdflib.URIRef(DATASET_IRI + "#resolutions")
    g.add((d, VOID.classPartition, part))
    g.add((part, VOID["class"], UNKG.Resolution))
    g.add((part, VOID.entities, rdflib.Literal(total)))

    used = {str(r["p"]) for r in store.select(_PREDICATES, timeout=300)} | {str(r["c"]) for r in store.select(_CLASSES, timeout=300)}
    data_base = base_iri()
    for ns in sorted({namespace(i) for i in used if not i.startswith(data_base)}):
        g.add((d, VOID.vocabulary, rdflib.URIRef(ONTOLOGY_IRI if ns == ONTOLOGY_NS else ns)))
    for scheme in ("actors", "rights", "groups", "verbs"):
        g.add((d, VOID.vocabulary, rdflib.URIRef(VOCAB_NS + scheme)))
    for row in store.select(_EXAMPLES, timeout=300):
        g.add((d, VOID.exampleResource, row["w"]))
    return g
