"""A crawl of a store of GA 78 resolutions (English and French, with the UN's metadata): every IRI under
https://w3id.org/unkg/ that the data uses, sorted into its IRI pattern (work, expression, paragraph,
provision, annotation and its #parts, vote, vocabulary concept and scheme, ontology term ...). Up to five
IRIs of every pattern are fetched through the web app and none is a 404; the first of each is fetched as
Turtle, JSON-LD, N-Triples and RDF/XML by Accept, parsed by rdflib, and must state something of that IRI."""
from __future__ import annotations

import re
from collections import defaultdict

import pytest
import rdflib

from unkg.cli import main
from unkg.webapp import create_app

pytestmark = pytest.mark.slow
ROOT = "https://w3id.org/unkg/"
RESOLUTIONS = ("A_RES_78_216", "A_RES_78_217", "A_RES_78_213")  # 78/216 cites 78/213's subject
PARSERS = {"text/turtle": "turtle", "application/ld+json": "json-ld", "application/n-triples": "nt",
           "application/rdf+xml": "xml"}
SAMPLE = 5
LANGS = {"en", "fr", "es", "ar", "ru", "zh"}
MARKERS = LANGS | {"op", "pp", "fn", "vote"}


@pytest.fixture(scope="module")
def crawl(corpus, tmp_path_factory: pytest.TempPathFactory):
    files = [str(p) for lang in ("en", "fr") for name in RESOLUTIONS
             for p in sorted((corpus / "akn" / "ga" / "78" / lang).glob(f"{name}-*.xml"))]
    assert len(files) == 2 * len(RESOLUTIONS), files
    location = str(tmp_path_factory.mktemp("crawl") / "store")
    assert main(["ingest", *files, "--store", location, "--meta", str(corpus / "meta" / "ga" / "78.json"), "--quiet"]) == 0
    app = create_app({"STORE": location, "QUERY_WORKERS": 1})
    store = app.extensions["unkg"].store
    used: set[str] = set()
    for row in store.select("SELECT DISTINCT ?x WHERE { GRAPH ?g { { ?x ?p ?o } UNION { ?s ?x ?o } UNION { ?s ?p ?x } } "
                            f"FILTER(isIRI(?x) && STRSTARTS(STR(?x), \"{ROOT}\")) }}"):
        used.add(str(row["x"]))
    yield app.test_client(), used
    app.extensions["unkg"].pool.close()


def pattern(iri: str) -> str:
    """The IRI's shape: numbers, hashes, slugs and language tags replaced by placeholders."""
    rest = iri[len(ROOT):]
    if rest.startswith("vocab/"):
        parts = rest.split("/")
        return "vocab/" + parts[1] + ("/{concept}" if len(parts) > 2 else "")
    if rest.startswith("ontology"):
        return re.sub(r"#.*", "#{term}", re.sub(r"/\d+\.\d+\.\d+", "/{version}", rest))
    rest, _, fragment = rest.partition("#")
    segments = rest.split("/")[1:]  # after "id"
    cut = next((i for i, seg in enumerate(segments) if seg in MARKERS), len(segments))
    out, todo = ["id", "{symbol}"], segments[cut:]
    while todo:
        seg = todo.pop(0)
        if seg in LANGS:
            out.append("{lang}")
        elif seg in ("evidence", "ingest", "prov", "fn"):
            out += [seg, "{hash}" if seg in ("evidence", "ingest") else "{n}"]
            todo = todo[1:]
        elif seg in ("op", "pp"):
            out += [seg, "{n}"]
            todo = todo[1:]
            while todo and todo[0] not in ("prov", "mandate"):
                todo.pop(0)
                if out[-1] != "{sub}":
                    out.append("{sub}")
        else:
            out.append(seg)
    return "/".join(out) + ("#{part}" if fragment else "")


def document_path(iri: str) -> str:
    """Where the web app serves the document about `iri`: its path under the root, before any '#'."""
    return "/" + iri[len(ROOT):].split("#", 1)[0]


def fetch(client, path: str, accept: str):
    return client.get(path, headers={"Accept": accept}, follow_redirects=True)


def test_every_iri_pattern_dereferences(crawl):
    client, used = crawl
    by_pattern: dict[str, list[str]] = defaultdict(list)
    for iri in sorted(used):
        by_pattern[pattern(iri)].append(iri)
    # what a GA 78 store holds: the patterns this crawl must have met
    expected = {"id/{symbol}", "id/{symbol}/{lang}", "id/{symbol}/op/{n}", "id/{symbol}/pp/{n}",
                "id/{symbol}/op/{n}/prov/{n}", "id/{symbol}/{lang}/evidence/{hash}", "id/{symbol}/{lang}/evidence/{hash}#{part}",
                "id/{symbol}/{lang}/ingest/{hash}", "id/{symbol}/vote", "vocab/actors/{concept}", "vocab/actors",
                "vocab/states/{concept}", "ontology", "ontology#{term}"}
    patterns = set(by_pattern)
    missing = expected - patterns
    assert not missing, f"patterns not met in the crawl: {sorted(missing)}; met: {sorted(patterns)}"
    failures = []
    for pat, iris in sorted(by_pattern.items()):
        for iri in iris[:SAMPLE]:
            for accept in ("text/html", "text/turtle"):
                r = fetch(client, document_path(iri), accept)
                if r.status_code != 200:
                    failures.append(f"{pat}: {iri} as {accept}: {r.status_code}")
        first = iris[0]
        for accept, fmt in PARSERS.items():
            r = fetch(client, document_path(first), accept)
            if r.status_code != 200 or r.mimetype != accept:
                failures.append(f"{pat}: {first} as {accept}: {r.status_code} {r.mimetype}")
                continue
            g = rdflib.Graph().parse(data=r.get_data(), format=fmt)
            node = rdflib.URIRef(first)
            if (node, None, None) not in g and (None, None, node) not in g:
                failures.append(f"{pat}: the {accept} document does not describe {first}")
    assert not failures, "\n".join(failures)
