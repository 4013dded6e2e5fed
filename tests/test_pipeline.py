"""The ingest pipeline: failures per file, only conforming graphs stored, serial = parallel, idempotence.

The first tests swap the reader/extract/graph/validate stages for a stand-in (`fake_build`), so they test
the pipeline's own behaviour; the last ones run the real stages on the bundled sample and corpus files.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import RDF

from unkg import iris
from unkg.config import ONTOLOGY_NS, VOCAB_NS
from unkg.errors import InputError, ValidationError
from unkg.ingest import pipeline
from unkg.store import open_store

UNKG = rdflib.Namespace(ONTOLOGY_NS)


def fake_build(path: Path, meta: object | None = None) -> tuple[str, rdflib.Graph, list[str]]:
    """Stand-in for read -> extract -> graph -> validate (see tests/fixtures/pipeline/README.md)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    head = lines[0].split() if lines else []
    if head[:1] == ["CRASH"]:
        raise ZeroDivisionError("division by zero")
    if head[:1] == ["INVALID"]:
        raise ValidationError(str(path), "1 violation: OperativeParagraph needs a number")
    if head[:1] != ["FAKE"]:
        raise InputError(path, "not a resolution")
    symbol = head[1]
    g = rdflib.Graph()
    work = rdflib.URIRef(iris.work(symbol))
    g.add((work, RDF.type, UNKG.Resolution))
    g.add((work, UNKG.symbol, rdflib.Literal(symbol)))
    for line in lines[1:]:
        op = rdflib.URIRef(iris.paragraph(symbol, "operative", line.split()[1]))
        g.add((op, RDF.type, UNKG.OperativeParagraph))
        g.add((op, UNKG.partOf, work))
    return iris.expression(symbol, "en"), g, []


@pytest.fixture()
def fake(monkeypatch):
    def fake_checked(path: Path, meta: object | None = None) -> pipeline.Built:
        iri, g, warnings = fake_build(path, meta)
        triples = list(g)
        return pipeline.Built(iri, triples, pipeline.ntriples_of(triples), warnings)

    monkeypatch.setattr(pipeline, "build_checked", fake_checked)


@pytest.fixture()
def folder(fixtures) -> Path:
    return fixtures / "pipeline" / "folder"


def resolution_quads(store) -> set[tuple[str, ...]]:
    rows = store.select("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
    return {(str(r["g"]), r["s"].n3(), r["p"].n3(), r["o"].n3()) for r in rows
            if not pipeline.is_reference_graph(str(r["g"]))}


def all_quads(store) -> set[tuple[str, ...]]:
    rows = store.select("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
    return {(str(r["g"]), r["s"].n3(), r["p"].n3(), r["o"].n3()) for r in rows
            if not any(isinstance(r[k], rdflib.BNode) for k in "spo")}


def test_collect_expands_folders_and_globs(folder):
    files, problems = pipeline.collect([folder, str(folder / "*.txt"), folder / "missing.xml", str(folder / "*.none")])
    names = [f.name for f in files]
    assert names == ["bad.txt", "crash.txt", "good_1.txt", "invalid.txt", "good_2.txt"]  # deduplicated, no .csv
    assert [p for p, _ in problems] == [str(folder / "missing.xml"), str(folder / "*.none")]
    assert "no such file" in problems[0][1] and "no file matches" in problems[1][1]


def test_good_files_stored_bad_ones_reported(fake, folder, store_dir):
    store = open_store(str(store_dir))
    lines: list[str] = []
    s = pipeline.ingest([folder], store, on_failure=lines.append)
    assert (s.files, s.stored, s.failed) == (5, 2, 3)
    assert s.quads == 2 * 2 + 2 * 2 + 2  # two resolutions: 2 + 2x2 and 2 + 1x2 triples
    by_file = {Path(p).name: m for p, m in s.failures}
    assert by_file["bad.txt"] == f"{folder / 'bad.txt'}: not a resolution"
    assert by_file["invalid.txt"].endswith("invalid.txt: does not conform to the shapes: 1 violation: "
                                           "OperativeParagraph needs a number")
    assert "ZeroDivisionError" in by_file["crash.txt"] and by_file["crash.txt"].startswith(str(folder / "crash.txt"))
    assert all("\n" not in m for m in lines) and len(lines) == 3
    graphs = [g for g in store.graphs() if not pipeline.is_reference_graph(g)]
    assert graphs == [iris.expression("A/RES/1/1", "en"), iris.expression("A/RES/1/2", "en")]
    assert "ingested 2 of 5 file(s)" in s.line() and "3 failed" in s.line()
    store.close()


def test_a_load_as_large_as_the_store_compacts_it(fake, folder, store_dir):
    """Bulk-loaded batches stay separate files until compacted, and each is one more seek per lookup; but
    compacting rewrites the whole store, so only a load at least the size of what was there pays for it."""
    store = open_store(str(store_dir))
    calls: list[int] = []
    real = store.optimize
    store.optimize = lambda: (calls.append(len(store.graphs())), real())[1]
    first = pipeline.ingest([folder / "good_1.txt"], store)  # an empty store: the load is all of it
    assert calls and first.compact_seconds is not None and "compacted" in first.line()
    again = pipeline.ingest([folder / "sub" / "good_2.txt"], store)  # 1 graph into a store of reference graphs + 1
    assert len(calls) == 1 and again.compact_seconds is None and "compacted" not in again.line()
    assert again.stored == 1
    store.close()


def test_only_failures_leave_the_store_unchanged(fake, folder, store_dir):
    store = open_store(str(store_dir))
    pipeline.ingest([folder / "good_1.txt"], store)
    before = all_quads(store)
    s = pipeline.ingest([folder / "bad.txt", folder / "invalid.txt", folder / "crash.txt"], store)
    assert (s.stored, s.failed) == (0, 3)
    assert all_quads(store) == before
    store.close()


def test_nothing_stored_means_no_reference_graphs_either(fake, folder, store_dir):
    store = open_store(str(store_dir))
    pipeline.ingest([folder / "bad.txt"], store)
    assert store.graphs() == []
    store.close()


def test_serial_parallel_and_twice_give_the_same_quads(fake, folder, tmp_path):
    serial = open_store(str(tmp_path / "serial"))
    parallel = open_store(str(tmp_path / "parallel"))
    a = pipeline.ingest([folder], serial, jobs=1)
    b = pipeline.ingest([folder], parallel, jobs=2)
    assert (a.stored, a.quads, a.failures) == (b.stored, b.quads, b.failures)
    assert all_quads(serial) == all_quads(parallel)
    first = all_quads(serial)
    pipeline.ingest([folder], serial, jobs=2)
    assert all_quads(serial) == first
    serial.close()
    parallel.close()


def test_later_file_for_the_same_graph_wins(fake, folder, fixtures, store_dir):
    store = open_store(str(store_dir))
    same = fixtures / "pipeline" / "same_graph.txt"
    s = pipeline.ingest([folder / "good_1.txt", same], store)
    assert s.stored == 1 and s.replaced_earlier == [str(folder / "good_1.txt")]
    ops = store.select(f"SELECT ?op WHERE {{ ?op a <{UNKG}OperativeParagraph> }}")
    assert len(ops) == 1  # the one paragraph of same_graph.txt, not a merge with good_1's two
    store.close()


def test_batches_are_written_as_they_fill(fake, folder, store_dir, monkeypatch):
    monkeypatch.setattr(pipeline, "BATCH_GRAPHS", 1)
    store = open_store(str(store_dir))
    s = pipeline.ingest([folder], store, jobs=2)
    assert s.stored == 2 and len(resolution_quads(store)) == s.quads
    store.close()


def test_reference_graphs_are_loaded(fake, folder, store_dir):
    store = open_store(str(store_dir))
    pipeline.ingest([folder / "good_1.txt"], store)
    assert VOCAB_NS + "states" in store.graphs()
    n = store.select(f"SELECT (COUNT(?s) AS ?n) WHERE {{ GRAPH <{VOCAB_NS}states> {{ ?s a <{ONTOLOGY_NS}State> }} }}")
    assert n[0]["n"].toPython() >= 193
    store.close()


def test_validate_store_reports_nonconforming_graphs(fake, folder, store_dir, monkeypatch):
    import sys
    import types

    store = open_store(str(store_dir))
    pipeline.ingest([folder], store)

    class Report:
        def __init__(self, ok: bool):
            self.conforms, self.summary, self.text, self.warnings = ok, "" if ok else "1 violation", "", 0

    # A stand-in validator that rejects the graph with two paragraphs: checks wiring, not the shapes.
    stand_in = types.ModuleType("unkg.ingest.validate")
    stand_in.validate = lambda g: Report(len(g) < 6)  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "unkg.ingest.validate", stand_in)
    monkeypatch.setattr("unkg.ingest.validate", stand_in, raising=False)
    checked, failures = pipeline.validate_store(store)
    assert checked == 2 and failures == [(iris.expression("A/RES/1/1", "en"), "1 violation")]
    store.close()


# -- the real stages ------------------------------------------------------------------------------------
def test_sample_text_ingests_and_conforms(sample_text, store_dir):
    store = open_store(str(store_dir))
    s = pipeline.ingest([sample_text], store)
    assert s.failures == [] and s.stored == 1 and s.quads > 500
    assert iris.expression("A/RES/78/216", "en") in store.graphs()
    checked, failures = pipeline.validate_store(store)
    assert checked == 2 and failures == []  # the resolution's graph and its lineage graph (docs/lineage.md)
    store.close()


@pytest.mark.corpus
def test_corpus_files_serial_equals_parallel_and_twice(corpus, tmp_path):
    files = sorted((corpus / "akn" / "ga" / "78" / "en").glob("*.xml"))[:6] + sorted((corpus / "akn" / "sc" / "en").glob("*.xml"))[:2]
    serial = open_store(str(tmp_path / "serial"))
    parallel = open_store(str(tmp_path / "parallel"))
    a = pipeline.ingest(files, serial, jobs=1)
    b = pipeline.ingest(files, parallel, jobs=2)
    assert a.failures == [] and b.failures == [] and a.stored == len(files)
    assert resolution_quads(serial) == resolution_quads(parallel)
    first = resolution_quads(serial)
    pipeline.ingest(files[:3], serial)
    assert resolution_quads(serial) == first
    serial.close()
    parallel.close()


@pytest.mark.corpus
def test_metadata_reaches_the_graph(corpus, store_dir):
    f = next((corpus / "akn" / "ga" / "78" / "en").glob("A_RES_78_220-*.xml"), None) or \
        next(p for p in (corpus / "akn" / "ga" / "78" / "en").glob("*.xml"))
    store = open_store(str(store_dir))
    with_meta = pipeline.ingest([f], store, meta=[str(corpus / "meta" / "ga" / "78.json")])
    assert with_meta.failures == []
    n = store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{VOCAB_NS}states>) "
                     f"FILTER(STRSTARTS(STR(?o), '{VOCAB_NS}states/')) }}")
    assert n[0]["n"].toPython() > 0  # the graph links Member States (sponsors or votes)
    store.close()


def test_ingest_without_a_terminal_prints_progress_lines(tmp_path: Path, sample_text: Path):
    """In a log or CI (stderr not a terminal) `unkg ingest` prints lines with files done, rate and time left."""
    import subprocess
    import sys

    env = {**os.environ, "UNKG_PROGRESS_EVERY": "0"}
    p = subprocess.run([sys.executable, "-m", "unkg.cli", "ingest", str(sample_text), "--store", str(tmp_path / "s")],
                       capture_output=True, text=True, env=env, timeout=300)
    assert p.returncode == 0, p.stderr
    lines = [ln for ln in p.stderr.splitlines() if ln.startswith("ingest: ")]
    assert lines and lines[-1].startswith("ingest: 1/1 files (100%)"), p.stderr
    assert "files/s" in lines[-1] and "left" in lines[-1]


def test_progress_lines_give_rate_and_time_left():
    import io

    from unkg.ingest.pipeline import ProgressLines

    out = io.StringIO()
    p = ProgressLines(4, "ingest", "files", every=3600, out=out)
    p.step()
    assert out.getvalue() == ""  # within the interval: silent
    p.every = 0
    p.step()
    line = out.getvalue().strip()
    assert line.startswith("ingest: 2/4 files (50%), ") and "about " in line and line.endswith(" left")


def test_lineage_reads_the_same_record_from_the_triples_as_from_a_graph(sample_text):
    """The ingest hands lineage its record from the triples (pipeline.TripleView), not from an rdflib Graph."""
    from unkg.ingest.extract import extract
    from unkg.ingest.graph import build, build_triples
    from unkg.ingest.readers import read
    from unkg.lineage.record import from_graph

    res = extract(read(sample_text))
    iri, triples = build_triples(res)
    record = from_graph(iri, pipeline.TripleView(triples))
    assert record is not None and len(record.paragraphs) > 50 and record.cites
    assert record == from_graph(*build(res))
    view = pipeline.TripleView(triples)
    assert len(view) == len(triples) and set(view.triples((None, RDF.type, None))) == \
        {t for t in triples if t[1] == RDF.type}


def _gc_state() -> tuple[int, int]:
    import gc

    return gc.get_threshold()[0], gc.get_freeze_count()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="forked pool workers only")
def test_a_forked_pool_worker_freezes_what_it_starts_with_and_collects_less_often():
    import gc
    import multiprocessing as mp

    before = gc.get_threshold()[0], gc.get_freeze_count()
    with mp.get_context("fork").Pool(1, initializer=pipeline._worker_gc) as pool:
        young, frozen = pool.apply(_gc_state)
    assert young == pipeline.WORKER_GC_YOUNG > before[0] and frozen > 0
    assert (gc.get_threshold()[0], gc.get_freeze_count()) == before  # the parent's collector is left alone


def test_the_parser_check_of_distinct_terms_is_that_of_the_whole_graph():
    """The worker asks Oxigraph's parser about each distinct term once; a bad IRI in any place, or a bad datatype,
    is refused as the whole graph's N-Triples are, and a graph with another kind of term is read whole."""
    s, p, o = (rdflib.URIRef(f"http://example.org/{x}") for x in "spo")
    good = [(s, p, o), (s, p, rdflib.Literal('a "quoted"\nline \\ é', lang="fr")), (o, p, rdflib.Literal(3)),
            (s, rdflib.URIRef("http://example.org/q"), rdflib.Literal("plain")), (o, p, rdflib.Literal("x", lang="en-Latn-US"))]
    verdicts = []
    for bad in ("9999", "http://example.org/[x", "http://example.org/%zz", "http://example.org/b\u00a0c"):
        for place in range(3):
            triple = [s, p, o]
            triple[place] = rdflib.URIRef(bad)
            nt, terms = pipeline._ntriples([*good, tuple(triple)])
            assert terms is not None and nt == pipeline.ntriples_of([*good, tuple(triple)])
            verdicts.append(pipeline.parses_terms(terms))
            assert verdicts[-1] == pipeline.parses(nt), (bad, place)
        nt, terms = pipeline._ntriples([*good, (s, p, rdflib.Literal("x", datatype=rdflib.URIRef(bad)))])
        assert pipeline.parses_terms(terms) == pipeline.parses(nt), bad
    assert verdicts.count(False) == 9 and verdicts.count(True) == 3  # the no-break space is a valid IRI character
    nt, terms = pipeline._ntriples(good)
    assert pipeline.parses_terms(terms) and pipeline.parses(nt) and len(terms) == 8  # four IRIs, four literals
    assert pipeline._ntriples([*good, (rdflib.BNode("b"), p, o)])[1] is None


def test_a_worker_sends_the_graph_as_the_load_reads_it_and_keys_only_when_asked(sample_text):
    """What a worker returns: the N-Triples as UTF-8, the N-Quads lines with their count, and for a first load
    (`keys`) the lineage keys of an English record, the same the parent takes of a record without them."""
    import dataclasses

    from unkg.lineage.series import text_keys

    pipeline._init_worker(None)
    plain = pipeline.process_file(sample_text)
    assert plain.ok and plain.keys is None and plain.utf8 == plain.ntriples.encode("utf-8")
    assert plain.quads == plain.nquads.count(b"\n") == plain.ntriples.count("\n") > 100
    payload = plain.payload()
    assert payload.ntriples is plain.utf8 and payload.nquads is plain.nquads and payload.quads == plain.quads
    assert dataclasses.replace(plain, nquads=b"").payload() == payload  # the lines made again when not sent
    try:
        pipeline._init_worker(None, keys=True)
        asked = pipeline.process_file(sample_text)
    finally:
        pipeline._init_worker(None)
    assert asked.lineage.language == "en" and asked.keys == text_keys(p[4] for p in asked.lineage.paragraphs)
    assert asked.keys[0] and asked.keys[1] and (asked.utf8, asked.nquads) == (plain.utf8, plain.nquads)
    assert pipeline._worker_keys(dataclasses.replace(asked.lineage, language="fr")) is None
