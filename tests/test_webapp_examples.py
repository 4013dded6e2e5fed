"""Every example of the explorer (ontology/queries/*.rq) answers through /sparql on a store of real corpus
documents, within the row cap, and a query over the cap is refused with a message the explorer can show.
The same over the whole corpus store: benchmarks/webapp_lists.py."""
from __future__ import annotations

from pathlib import Path

import pytest
from corpus_sample import shared_sample_store

from unkg import ontology
from unkg.webapp import create_app
from unkg.webapp.explore import example_queries

pytestmark = [pytest.mark.corpus, pytest.mark.slow]


@pytest.fixture(scope="module")
def app(corpus: Path):
    app = create_app({"STORE": shared_sample_store(corpus), "QUERY_WORKERS": 1, "QUERY_TIMEOUT": 60})
    yield app
    app.extensions["unkg"].pool.close()


@pytest.mark.parametrize("name", [q.name for q in ontology.queries()])
def test_example_answers_within_the_cap(app, name):
    example = next(e for e in example_queries() if e["name"] == name)
    cap = app.config["RESULT_LIMIT"]
    resp = app.test_client().post("/sparql", data={"query": example["query"]},
                                  headers={"Accept": "application/sparql-results+json"})
    assert resp.status_code == 200, resp.get_data(as_text=True)
    rows = resp.get_json()["results"]["bindings"]
    assert len(rows) <= min(cap, 1000)
    # every example either names one resolution or stops at a LIMIT: none can outgrow the cap on more data
    assert "LIMIT" in example["query"] or "VALUES ?symbol" in example["query"]


def test_a_query_over_the_cap_is_refused_with_a_message(app):
    small = create_app({"STORE": app.config["STORE"], "QUERY_WORKERS": 1, "RESULT_LIMIT": 5})
    try:
        resp = small.test_client().post("/sparql", data={"query": "SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 50"},
                                        headers={"Accept": "application/sparql-results+json"})
    finally:
        small.extensions["unkg"].pool.close()
    assert resp.status_code == 413
    assert "more than the limit of 5" in resp.get_json()["error"]
