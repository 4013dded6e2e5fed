"""The ingest stores what the graph builder's rdflib Graph holds, judged as pySHACL judges it, on real files.

The ingest writes each file's triples as a list, serialised without an rdflib Graph, and checks them with
the quick check before pySHACL (ingest/validate.py). Here, for corpus files of every body and language, each
stored graph must hold exactly the triples of `graph.build`'s rdflib Graph written by rdflib's own
N-Triples serialiser, and the verdict must be pySHACL's. (benchmarks/ingest.py --compare does the same for
the whole corpus against a store an earlier commit built.)
"""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from unkg.ingest import pipeline
from unkg.ingest.extract import extract
from unkg.ingest.graph import build
from unkg.ingest.metadata import apply, load_index
from unkg.ingest.readers import read
from unkg.ingest.validate import validate, validate_with_pyshacl
from unkg.store import open_store

pytestmark = [pytest.mark.corpus]


def spread(corpus: Path, n: int) -> list[Path]:
    files = sorted(corpus.glob("akn/**/*.xml"))
    return [files[i * len(files) // n] for i in range(n)]


def test_stored_graphs_are_the_rdflib_graphs_and_the_verdicts_pyshacls(corpus: Path, tmp_path: Path) -> None:
    files = spread(corpus, 14)
    assert len({f.parent.name for f in files}) >= 4  # several languages
    meta = [str(corpus / "meta")]
    store = open_store(str(tmp_path / "store"))
    summary = pipeline.ingest(files, store, meta=meta, jobs=1, progress=False, lineage=False)
    assert summary.failures == [] and summary.stored == len(files)
    index = load_index(meta)
    for f in files:
        res = extract(read(f))
        apply(res, index)
        iri, graph = build(res)
        quick, full = validate(graph), validate_with_pyshacl(graph)
        assert (quick.conforms, quick.warnings, quick.summary) == (full.conforms, full.warnings, full.summary), f
        written = ox.Store()  # as a store holds them (it writes derived integer types as xsd:integer)
        written.load(graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
        expected = {q.triple for q in written}
        stored = {q.triple for q in store._store.quads_for_pattern(None, None, None, ox.NamedNode(iri))}
        assert stored == expected, f"{f}: {len(stored - expected)} triples more, {len(expected - stored)} fewer"
    store.close()
