"""ontology/docs.py: pyLODE documentation of the ontology and every vocabulary."""
from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS

from unkg import ontology
from unkg.config import ONTOLOGY_NS


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
