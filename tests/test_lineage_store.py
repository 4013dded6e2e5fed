"""Lineage in a real store: the ingest places each resolution in its series (from scratch after a load as
large as the store, by index after a small one), `unkg lineage` reads it back, `unkg diff` takes symbols.
The fixture pair is ingested newest first, so the older one must be slotted in and the newer re-placed."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from unkg.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "lineage"


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    location = str(tmp_path_factory.mktemp("lineage") / "store")
    assert main(["ingest", "--store", location, "-q", str(FIXTURES / "new.txt")]) == 0
    assert main(["ingest", "--store", location, "-q", str(FIXTURES / "old.txt")]) == 0
    return location


def _run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_an_older_resolution_ingested_later_is_slotted_in(store, capsys):
    code, out, err = _run(capsys, "lineage", "A/RES/77/9001", "--store", store, "--json")
    assert code == 0, err
    doc = json.loads(out)
    assert set(doc) == {"symbol", "series", "predecessor", "predecessors", "successors", "evidence"}
    assert doc["predecessor"] == "A/RES/75/9001" and doc["predecessors"] == ["A/RES/75/9001"]
    assert doc["series"].endswith("/id/series/A/RES/75/9001")
    assert "cites A/RES/75/9001" in doc["evidence"]
    code, out, _ = _run(capsys, "lineage", "A/RES/75/9001", "--store", store, "--json")
    first = json.loads(out)
    assert first["predecessor"] is None and first["successors"] == ["A/RES/77/9001"]
    assert first["series"] == doc["series"]


def test_rebuild_gives_the_same_lineage(store, capsys):
    code, _, err = _run(capsys, "lineage", "--rebuild", "--store", store)
    assert code == 0 and "2 resolution(s) placed, 1 after a predecessor" in err
    _, out, _ = _run(capsys, "lineage", "A/RES/77/9001", "--store", store, "--json")
    assert json.loads(out)["predecessor"] == "A/RES/75/9001"


def test_lineage_graphs_conform(store, capsys):
    code, _, err = _run(capsys, "validate", "--store", store)
    assert code == 0, err


def test_diff_of_stored_symbols_matches_the_diff_of_the_files(store, capsys):
    _, by_symbol, _ = _run(capsys, "diff", "A/RES/75/9001", "A/RES/77/9001", "--store", store, "--json")
    _, by_file, _ = _run(capsys, "diff", str(FIXTURES / "old.txt"), str(FIXTURES / "new.txt"), "--json")
    a, b = json.loads(by_symbol), json.loads(by_file)
    assert a["summary"] == b["summary"]
    assert [(p["status"], p["from_index"], p["to_index"], p["changes"]) for p in a["paragraphs"]] == \
           [(p["status"], p["from_index"], p["to_index"], p["changes"]) for p in b["paragraphs"]]
    changed = lambda d: [(p["from_number"], p["to_number"], p["verb_from"], p["verb_to"], p["mandate"])  # noqa: E731
                         for p in d["provisions"] if p["changed"]]
    assert changed(a) == changed(b)


def test_unknown_symbol_is_one_line(store, capsys):
    code, out, err = _run(capsys, "lineage", "A/RES/77/9999", "--store", store)
    assert code == 1 and out == "" and "A/RES/77/9999: no lineage in the store" in err
    code, out, err = _run(capsys, "diff", "A/RES/77/9999", "A/RES/77/9001", "--store", store)
    assert code == 1 and "A/RES/77/9999: not in the store" in err and len(err.strip().splitlines()) == 1


def _lineage_quads(location: str) -> set[tuple[str, ...]]:
    from unkg.store import open_store

    s = open_store(location, read_only=True)
    try:
        return _lineage_quads_of(s)
    finally:
        s.close()


def _lineage_quads_of(s) -> set[tuple[str, ...]]:
    rows = s.select("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER (STRENDS(STR(?g), '/lineage')) }")
    return {(str(r["g"]), r["s"].n3(), r["p"].n3(), r["o"].n3()) for r in rows}


def test_lineage_built_at_ingest_equals_the_rebuild_from_the_store(tmp_path, capsys):
    """One load of both files builds lineage from what the ingest holds in memory; `--rebuild` reads the
    same fields back from the store: the two give the same quads."""
    location = str(tmp_path / "store")
    assert main(["ingest", "--store", location, "-q", str(FIXTURES / "new.txt"), str(FIXTURES / "old.txt")]) == 0
    at_ingest = _lineage_quads(location)
    assert any("wasRevisionOf" in q[2] for q in at_ingest) and any("paragraphFingerprint" in q[2] for q in at_ingest)
    code, _, err = _run(capsys, "lineage", "--rebuild", "--store", location)
    assert code == 0, err
    assert _lineage_quads(location) == at_ingest
    # records for part of the store (a load beside older graphs): the rest is read from the store
    from unkg import iris
    from unkg.lineage.record import from_graph
    from unkg.lineage.update import rebuild
    from unkg.store import open_store

    s = open_store(location)
    try:
        g = iris.expression("A/RES/77/9001", "en")
        record = from_graph(g, s.graph(g))
        assert record is not None and record.symbol == "A/RES/77/9001" and record.cites
        assert rebuild(s, records=[record]).with_predecessor == 1
    finally:
        s.close()
    assert _lineage_quads(location) == at_ingest


def test_lineage_written_beside_the_alignment_gives_the_same_quads(tmp_path, monkeypatch):
    """`rebuild` with two alignment processes, each lineage graph written as soon as it is aligned (one write
    per graph here), stores what one ingest with lineage stores."""
    from unkg.ingest.pipeline import ingest
    from unkg.lineage import update
    from unkg.store import open_store

    files = [str(FIXTURES / "new.txt"), str(FIXTURES / "old.txt")]
    one, apart = str(tmp_path / "one"), str(tmp_path / "apart")
    assert main(["ingest", "--store", one, "-q", *files]) == 0
    s = open_store(apart)
    try:
        assert ingest(files, s, lineage=False, progress=False).stored == 2 and not _lineage_quads_of(s)
        monkeypatch.setattr(update, "WRITE_EVERY", 1)
        summary = update.rebuild(s, jobs=2)
        assert len(summary.written) == 2 and summary.phases["of it writing"] > 0
    finally:
        s.close()
    assert _lineage_quads(apart) == _lineage_quads(one)


def test_lineage_goes_into_a_first_load_and_a_failure_there_undoes_the_load(tmp_path, monkeypatch):
    """A first ingest loads the lineage graphs in the same bulk load as the resolution graphs (one compaction
    for both); when lineage fails there, the load removes everything it wrote: the store is as it was."""
    from unkg.errors import StoreError
    from unkg.ingest.pipeline import ingest
    from unkg.lineage import update
    from unkg.store import open_store

    files = [str(FIXTURES / "new.txt"), str(FIXTURES / "old.txt")]
    s = open_store(str(tmp_path / "one"))
    try:
        summary = ingest(files, s, progress=False)
        assert "align and load" in summary.lineage.phases and len(summary.lineage.written) == 2
        assert summary.lineage.with_predecessor == 1 and len(_lineage_quads_of(s)) > 50
    finally:
        s.close()

    def fails(*args):
        raise RuntimeError("alignment failed")

    monkeypatch.setattr(update, "_graph", fails)
    s = open_store(str(tmp_path / "failed"))
    try:
        with pytest.raises(StoreError, match="alignment failed"):
            ingest(files, s, progress=False)
        assert s.graphs() == [] and not s.ask("ASK { ?s ?p ?o }")
    finally:
        s.close()


def _all_quads(s) -> tuple[set[tuple[str, ...]], int]:
    """The store's quads without a blank node (each load names those anew), and how many quads in all."""
    rows = s.select("SELECT ?g ?s ?p ?o WHERE { { GRAPH ?g { ?s ?p ?o } } UNION { ?s ?p ?o } }")
    quads = [(str(r.get("g", "")), r["s"].n3(), r["p"].n3(), r["o"].n3()) for r in rows]
    return {q for q in quads if not (q[1].startswith("_:") or q[3].startswith("_:"))}, len(quads)


def test_lineage_loaded_in_parts_gives_the_same_quads_and_a_failure_in_a_later_part_undoes_the_load(
        tmp_path, monkeypatch):
    """A first ingest loads lineage's graphs in parts of a bounded size, each a bulk load of its own: one graph
    a part gives the quads of one part for all, and a failure after the first part has been loaded removes
    every part and the resolution graphs too."""
    from unkg.errors import StoreError
    from unkg.ingest import pipeline
    from unkg.lineage import update
    from unkg.store import open_store

    files = [str(FIXTURES / name) for name in ("new.txt", "old.txt", "newer.txt")]
    parts: list[int] = []
    part = pipeline._Writer._part

    def counted(head, graphs):
        parts.append(1)
        yield from part(head, graphs)

    stores = {}
    for name, size in (("one", 10 ** 9), ("parts", 1)):
        monkeypatch.setattr(pipeline, "LINEAGE_PART_QUADS", size)
        monkeypatch.setattr(pipeline._Writer, "_part", staticmethod(counted))
        parts.clear()
        s = open_store(str(tmp_path / name))
        try:
            summary = pipeline.ingest(files, s, progress=False)
            assert len(summary.lineage.written) == 3 and len(parts) == (1 if name == "one" else 3)
            assert len(_lineage_quads_of(s)) > 50
            stores[name] = _all_quads(s)
        finally:
            s.close()
    assert stores["one"] == stores["parts"]

    made = []
    graph = update._graph

    def fails_second(*args):
        made.append(1)
        if len(made) == 2:
            raise RuntimeError("alignment failed")
        return graph(*args)

    monkeypatch.setattr(update, "_graph", fails_second)
    parts.clear()
    s = open_store(str(tmp_path / "failed"))
    try:
        with pytest.raises(StoreError, match="alignment failed"):
            pipeline.ingest(files, s, progress=False)
        assert parts == [1] and s.graphs() == [] and not s.ask("ASK { ?s ?p ?o }")  # the first part was loaded
    finally:
        s.close()


def test_a_graph_given_twice_keeps_lineage_in_the_load_and_a_refused_one_has_it_made_again(tmp_path, monkeypatch):
    """A file giving a graph already in the first load (the later input wins) waits for a batch after the load;
    lineage is made in the load all the same, from the later input's record, as a rebuild from the store
    makes it. When the store then refuses that graph, lineage is made again from what the store holds."""
    from unkg import iris
    from unkg.errors import StoreError
    from unkg.ingest.pipeline import ingest
    from unkg.store import open_store
    from unkg.store.embedded import EmbeddedStore

    again = {}
    for name, old, new in (("old", "adequate training", "adequate training and protective clothing"),
                           ("new", "Guided by", "Guided also by")):
        text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
        assert old in text
        again[name] = tmp_path / f"{name}-again.txt"
        again[name].write_text(text.replace(old, new, 1), encoding="utf-8")
    files = [str(FIXTURES / n) for n in ("new.txt", "old.txt", "newer.txt")] + [str(again["old"]), str(again["new"])]

    location = str(tmp_path / "twice")
    s = open_store(location)
    try:
        summary = ingest(files, s, progress=False)
        assert sorted(summary.replaced_earlier) == sorted(files[:2]) and summary.stored == 3
        assert "align and load" in summary.lineage.phases and len(summary.lineage.written) == 3
        assert "protective clothing" in s.graph_ntriples(iris.expression("A/RES/75/9001", "en"))
    finally:
        s.close()
    at_ingest = _lineage_quads(location)
    assert main(["lineage", "--rebuild", "--store", location]) == 0
    assert _lineage_quads(location) == at_ingest

    refused = iris.expression("A/RES/75/9001", "en")
    replace = EmbeddedStore.replace_graphs

    def refuses_old(self, graphs):
        graphs = list(graphs)
        if any(iri == refused for iri, _ in graphs):
            raise StoreError("refused")
        return replace(self, graphs)

    monkeypatch.setattr(EmbeddedStore, "replace_graphs", refuses_old)
    location = str(tmp_path / "refused")
    s = open_store(location)
    try:
        summary = ingest(files, s, progress=False)
        assert [p for p, _ in summary.failures] == [str(again["old"])]
        assert "align and write" in summary.lineage.phases  # made again, after the batch
        assert "protective clothing" not in s.graph_ntriples(refused)
    finally:
        s.close()
    made_again = _lineage_quads(location)
    monkeypatch.setattr(EmbeddedStore, "replace_graphs", replace)
    assert main(["lineage", "--rebuild", "--store", location]) == 0
    assert _lineage_quads(location) == made_again
