"""The web app over the real pipeline's output: A/RES/78/216 from the corpus (AKN) read, extracted, built
and validated by the project's own stages, stored, then served. Checks what the hand-made fixture cannot:
highlights placed by the evidence offsets, and the actor hierarchy from the real vocabularies."""
from __future__ import annotations

from pathlib import Path

import pytest

from unkg.store import open_store
from unkg.webapp import create_app

pytestmark = [pytest.mark.corpus, pytest.mark.slow]


@pytest.fixture(scope="module")
def client(corpus: Path, tmp_path_factory: pytest.TempPathFactory):
    from unkg.ingest.pipeline import build_graph, reference_graphs

    path = next((corpus / "akn" / "ga" / "78" / "en").glob("A_RES_78_216-*.xml"))
    iri, graph, _ = build_graph(path)
    location = str(tmp_path_factory.mktemp("corpus-webapp") / "store")
    store = open_store(location)
    store.replace_graphs([*reference_graphs(), (iri, graph)])
    store.close()
    app = create_app({"STORE": location, "QUERY_WORKERS": 1})
    yield app.test_client()
    app.extensions["unkg"].pool.close()


def test_business_enterprises_include_paragraph_28(client):
    js = client.get("/actors/business-enterprises.json").get_json()
    assert ("A/RES/78/216", "28") in {(r["symbol"], r["paragraph"]) for r in js["rows"]}
    row = next(r for r in js["rows"] if r["paragraph"] == "28")
    assert row["link"] == "/id/A/RES/78/216#op-28"
    # a broader actor's page includes the provisions of the narrower ones
    broader = client.get("/actors/non-state-actors.json").get_json()
    assert {r["provision"] for r in js["rows"]} <= {r["provision"] for r in broader["rows"]}


def test_resolution_page_marks_follow_the_evidence(client):
    js = client.get("/id/A/RES/78/216.json").get_json()
    assert js["symbol"] == "A/RES/78/216" and js["vote"] is None or isinstance(js["vote"], dict)
    ops = [p for p in js["paragraphs"] if p["kind"] == "operative"]
    assert [p["number"] for p in ops][:3] == ["1", "2", "3"] and len(ops) >= 28
    op28 = next(p for p in ops if p["number"] == "28")
    assert "".join(s["text"] for s in op28["segments"]) == op28["text"]
    marks = [(s["text"], s["kind"]) for s in op28["segments"] if s.get("kind")]
    assert ("Urges", "verb") in marks
    assert any(kind == "actor" and "business enterprises" in text for text, kind in marks), marks


@pytest.mark.parametrize("accept", ["text/turtle", "application/ld+json", "text/html"])
def test_resolution_dereferences(client, accept):
    r = client.get("/id/A/RES/78/216", headers={"Accept": accept}, follow_redirects=True)
    assert r.status_code == 200 and r.mimetype == accept and b"78/216" in r.data
