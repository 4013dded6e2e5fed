"""One bad file cannot take its batch: a file whose graph the store would refuse fails alone, named, exit 1,
and the other files of the same batch are stored; a failed write still leaves the store as it was."""
from __future__ import annotations

from pathlib import Path

import hostile
import pytest

from unkg.cli import main
from unkg.ingest import pipeline
from unkg.ingest.readers import source
from unkg.store import open_store

GOOD = [f"A/RES/86/{n}" for n in (1, 2, 3)]


def batch(folder: Path, bad_kind: str) -> tuple[list[Path], Path]:
    """Three good files and a bad one between them: 'keyword' holds a keyword href "9999" (not an IRI),
    'part' a part label with a space in it, which would make paragraph IRIs with a space."""
    folder.mkdir()
    files = []
    for sym in GOOD:
        f = folder / (sym.replace("/", "_") + ".xml")
        f.write_bytes(hostile.tiny("akn").replace(b">A/RES/86/1<", f">{sym}<".encode()))
        files.append(f)
    bad = folder / "A_RES_86_9.xml"
    data = hostile.tiny("akn").replace(b">A/RES/86/1<", b">A/RES/86/9<")
    if bad_kind == "keyword":
        data = data.replace(b'href="http://metadata.un.org/sdg/16"', b'href="9999"')
    else:
        data = (data.replace(b'<statement name="resolution">', b'<documentCollection name="resolution">')
                .replace(b"</statement>", b"</documentCollection>")
                .replace(b"<preamble>", b'<components><component><doc name="resolution"><preface><p>'
                                        b'<docNumber>B C</docNumber></p></preface><preamble>')
                .replace(b"</mainBody>", b"</mainBody></doc></component></components>"))
    bad.write_bytes(data)
    files.insert(2, bad)
    return files, bad


def symbols(store_dir: Path) -> list[str]:
    store = open_store(str(store_dir), read_only=True)
    try:
        rows = store.select("SELECT ?s { ?w a <https://w3id.org/unkg/ontology#Resolution> ; "
                            "<http://purl.org/dc/terms/identifier> ?s } ORDER BY ?s")
        return [str(r["s"]) for r in rows]
    finally:
        store.close()


def ingest(files: list[Path], store: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    """Exit code and the lines on stderr other than the summary line."""
    code = main(["ingest", *map(str, files), "--store", str(store), "-q"])
    err = capsys.readouterr().err
    assert err.strip().splitlines()[-1].startswith("ingested "), err
    return code, err.strip().splitlines()[:-1]


def test_keyword_that_is_not_an_iri_is_dropped_and_the_batch_stored(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    files, bad = batch(tmp_path / "in", "keyword")
    code, lines = ingest(files, tmp_path / "store", capsys)
    assert code == 0 and lines == [], lines  # warnings of ingested files are not printed; nothing failed
    assert symbols(tmp_path / "store") == sorted([*GOOD, "A/RES/86/9"])
    store = open_store(str(tmp_path / "store"), read_only=True)
    try:
        assert not store.ask("ASK { ?w <http://purl.org/dc/terms/subject>|<https://w3id.org/unkg/ontology#sdgGoal> ?k "
                             "FILTER(!STRSTARTS(STR(?k), 'http')) }")
    finally:
        store.close()


def test_bad_file_fails_alone_and_the_batch_is_stored(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files, bad = batch(tmp_path / "in", "part")
    code, lines = ingest(files, tmp_path / "store", capsys)
    assert code == 1
    assert lines == [f"{bad}: the label of part 'B C' cannot be part of an IRI"], lines
    assert symbols(tmp_path / "store") == GOOD


def test_value_no_reader_checks_fails_its_file_not_the_batch(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A value the readers do not check (the keyword check switched off) is caught in the graph's N-Triples,
    before the store: the file fails, named, and its batch is stored."""
    monkeypatch.setattr(source, "is_absolute_iri", lambda text: True)
    files, bad = batch(tmp_path / "in", "keyword")
    code, lines = ingest(files, tmp_path / "store", capsys)
    assert code == 1
    assert len(lines) == 1 and lines[0].startswith(f"{bad}: a value in the file makes an invalid IRI") \
        and "<9999>" in lines[0], lines
    assert symbols(tmp_path / "store") == GOOD


def test_a_graph_the_store_refuses_fails_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Were a bad value to pass every check before the store, the store's refusal of the batch is retried
    graph by graph: the refused graph's file is named, the others are written."""
    monkeypatch.setattr(source, "is_absolute_iri", lambda text: True)
    monkeypatch.setattr(pipeline, "refused_term", lambda nt: None)
    files, bad = batch(tmp_path / "in", "keyword")
    for _ in range(2):  # a first load (bulk), then a re-ingest rewriting stored graphs (one update)
        code, lines = ingest(files, tmp_path / "store", capsys)
        assert code == 1
        assert len(lines) == 1 and lines[0].startswith(f"{bad}: the store refused its graph"), lines
        assert symbols(tmp_path / "store") == GOOD


def test_store_that_refuses_everything_is_a_store_error(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """When no graph of a batch can be written and none is malformed, the store is at fault: exit 2, its
    error, nothing blamed on the files."""
    from unkg.errors import StoreError
    from unkg.store.embedded import EmbeddedStore

    files, bad = batch(tmp_path / "in", "keyword")
    files.remove(bad)

    def refuse(self, graphs, *more, **parts):  # a full disk, as the store reports it
        raise StoreError(f"{self.location}: could not write graphs: No space left on device")

    monkeypatch.setattr(EmbeddedStore, "replace_graphs", refuse)
    monkeypatch.setattr(EmbeddedStore, "load_new_graphs", refuse)  # a first load's one bulk load
    code = main(["ingest", *map(str, files), "--store", str(tmp_path / "store"), "-q"])
    err = capsys.readouterr().err
    assert code == 2 and "No space left on device" in err and not any(str(f) in err for f in files), err


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_graph_breaking_a_shape_fails_alone_and_the_batch_is_stored(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                                      monkeypatch: pytest.MonkeyPatch, jobs: str) -> None:
    """The bad file's graph loses its symbol (shapes: exactly one dcterms:identifier): the file fails, named,
    with the shapes' message, and the rest of its batch is stored, with one worker or two (forked workers
    inherit the change)."""
    from unkg.ingest import graph

    real = graph.build_triples

    def without_symbol(res):
        iri, triples = real(res)
        if res.symbol == "A/RES/86/9":
            triples = [t for t in triples if str(t[1]) != "http://purl.org/dc/terms/identifier"]
        return iri, triples

    monkeypatch.setattr(graph, "build_triples", without_symbol)
    files, bad = batch(tmp_path / "in", "keyword")
    code = main(["ingest", *map(str, files), "--store", str(tmp_path / "store"), "-q", "--jobs", jobs])
    lines = capsys.readouterr().err.strip().splitlines()[:-1]
    assert code == 1
    assert len(lines) == 1 and lines[0].startswith(f"{bad}: does not conform to the shapes: 1 violation(s): "), lines
    assert "exactly one symbol (dcterms:identifier)" in lines[0]
    assert symbols(tmp_path / "store") == GOOD
