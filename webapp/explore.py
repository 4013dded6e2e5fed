"""/explore (and /): the SPARQL explorer. YASGUI served by the app itself when installed (see assets.py),
else unkg's own small editor; example queries are the ontology's competency questions (ontology/queries)."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from flask import Blueprint, Response, abort, current_app, jsonify, render_template, request, send_from_directory

from unkg import ontology
from unkg.config import ONTOLOGY_NS, VOCAB_NS
from unkg.webapp import assets
from unkg.webapp.state import state as app_state

bp = Blueprint("explore", __name__)

PREFIXES = {
    "unkg": ONTOLOGY_NS,
    "actor": VOCAB_NS + "actors/",
    "right": VOCAB_NS + "rights/",
    "group": VOCAB_NS + "groups/",
    "verb": VOCAB_NS + "verbs/",
    "eli": "http://data.europa.eu/eli/ontology#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dcterms": "http://purl.org/dc/terms/",
    "oa": "http://www.w3.org/ns/oa#",
    "prov": "http://www.w3.org/ns/prov#",
}


def example_queries(extra: str | None = None) -> list[dict[str, str]]:
    """Each ontology/queries/*.rq (then each .rq in the folder `extra`, config EXAMPLE_QUERIES) as
    {name, question, query}; the question is the file's first comment line."""
    out = []
    # ontology.query_paths, not files("unkg.ontology.queries"): importing that sub-package binds its name over
    # the function unkg.ontology.queries()
    entries: list[Path] = list(ontology.query_paths())
    if extra:
        entries += sorted(Path(extra).glob("*.rq"))
    for e in entries:
        text = e.read_text(encoding="utf-8")
        first = next((ln for ln in text.splitlines() if ln.strip()), "")
        question = re.sub(r"^#\s*", "", first).strip() if first.lstrip().startswith("#") else e.name[:-3]
        out.append({"name": e.name[:-3], "question": question, "query": text})
    return out


def default_query() -> str:
    head = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items() if p in ("unkg", "eli", "skos", "rdfs"))
    return head + ("\nSELECT ?actor ?label (COUNT(DISTINCT ?provision) AS ?provisions) WHERE {\n"
                   "  ?provision unkg:addressee ?actor .\n  ?actor skos:prefLabel ?label .\n"
                   "  FILTER (lang(?label) = \"en\")\n} GROUP BY ?actor ?label ORDER BY DESC(?provisions) LIMIT 20\n")


@bp.route("/")
@bp.route("/explore")
def explore() -> Any:
    examples = example_queries(current_app.config.get("EXAMPLE_QUERIES"))
    data = {
        "title": "Explore the graph with SPARQL",
        "endpoint": "/sparql",
        "examples": examples,
        "prefixes": PREFIXES,
        "initial_query": request.args.get("query") or (examples[0]["query"] if examples else default_query()),
        "yasgui": assets.installed(),
        "union_once": app_state().store.union_once,
    }
    if request.accept_mimetypes.best_match(["text/html", "application/json"]) == "application/json" or request.args.get("format") == "json":
        resp = jsonify({k: v for k, v in data.items() if k != "yasgui"})
    else:
        resp = Response(render_template("explore.html", **data), mimetype="text/html")
    resp.headers["Link"] = '</explore/examples.json>; rel="alternate"; type="application/json"'
    return resp


@bp.route("/explore/examples.json")
def examples_json() -> Response:
    return jsonify(example_queries(current_app.config.get("EXAMPLE_QUERIES")))


@bp.route("/favicon.ico")
def favicon() -> Response:
    return Response(status=204)  # no icon; answering keeps browsers' consoles free of 404s


@bp.route("/explore/prefixes.json")
def prefixes_json() -> Response:
    """For YASQE's prefix completion (its `prefixCcApi`), served locally instead of prefix.cc."""
    return jsonify(PREFIXES)


@bp.route("/explore/terms.json")
def terms_json() -> Response:
    """Classes or properties used in the store whose IRI starts with `q`: the editor's completion source."""
    kind = request.args.get("kind", "property")
    q = request.args.get("q", "")
    state = app_state()

    def build() -> dict[str, list[str]]:
        props = state.store.select("SELECT DISTINCT ?p WHERE { GRAPH ?g { ?s ?p ?o } }", timeout=30)
        classes = state.store.select("SELECT DISTINCT ?c WHERE { GRAPH ?g { ?s a ?c } }", timeout=30)
        return {"property": sorted(str(r["p"]) for r in props), "class": sorted(str(r["c"]) for r in classes)}

    terms = state.cached("terms", build).get(kind, [])
    return jsonify([t for t in terms if t.startswith(q)][:100])


@bp.route("/vendor/yasgui/<path:name>")
def vendor(name: str) -> Response:
    if name not in assets.FILES:
        abort(404)
    resp = send_from_directory(assets.asset_dir(), name, max_age=86400)
    return resp
