"""ontology/docs.py: pyLODE documentation of the ontology and every vocabulary."""
from __future__ import annotations

import asyncio

import pytest
from rdflib import OWL, RDF, RDFS

from unkg import ontology
from unkg.config import ONTOLOGY_NS


@pytest.fixture(autouse=True)
def close_pylodes_event_loop():
    """pyLODE leaves an event loop set on the main thread; a later asyncio.run (the MCP client's test) unsets
    it and the collector then warns of an unclosed loop in whichever test runs next. Close it here."""
    yield
    policy = asyncio.get_event_loop_policy()
    loop = getattr(getattr(policy, "_local", None), "_loop", None)
    if loop is not None and not loop.is_running():
        loop.close()
        policy.set_event_loop(None)


@pytest.mark.slow
def test_docs_mention_every_class_and_document_every_vocabulary(tmp_path):
    from unkg.ontology import docs

    index = docs.build(tmp_path / "docs")
    assert index == tmp_path / "docs" / "index.html"
    page = index.read_text(encoding="utf-8")
    g = ontology.ontology_graph()
    classes = [c for c in g.subjects(RDF.type, OWL.Class) if str(c).startswith(ONTOLOGY_NS)]
    assert len(classes) >= 20
    for c in classes:
        assert str(c) in page, f"the documentation does not mention {c}"
        english = [str(lbl) for lbl in g.objects(c, RDFS.label) if lbl.language == "en"]
        assert english and english[0] in page
    for path in ontology.vocab_paths():
        html = (tmp_path / "docs" / "vocab" / f"{path.stem}.html").read_text(encoding="utf-8")
        assert "could not document" not in html, html[:300]
        assert "skos" in html.lower() or "Concept" in html
    listing = (tmp_path / "docs" / "vocab" / "index.html").read_text(encoding="utf-8")
    assert all(f"{p.stem}.html" in listing for p in ontology.vocab_paths())
