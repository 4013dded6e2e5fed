"""The `unkg` command, run as a real process: exit codes, one-line errors, no tracebacks, unchanged store."""
from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import DCTERMS

from unkg import iris

UNKG_SCRIPT = Path(sys.executable).with_name("unkg")
COMMAND = [str(UNKG_SCRIPT)] if UNKG_SCRIPT.exists() else [sys.executable, "-m", "unkg.cli"]
BAD_FILES = ["truncated.xml", "empty.xml", "random.bin", "fake.pdf", "no_resolution.xml"]


def unkg(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None, timeout: float = 600,
         command: list[str] | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, **(env or {})}
    full_env.pop("UNKG_DEBUG", None)
    return subprocess.run([*(command or COMMAND), *args], capture_output=True, text=True, cwd=cwd, env=full_env,
                          timeout=timeout)


def no_traceback(p: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in p.stderr and "Traceback" not in p.stdout


@pytest.fixture(scope="module")
def bad_dir(tmp_path_factory, fixtures) -> Path:
    d = tmp_path_factory.mktemp("bad")
    for name in BAD_FILES:
        if name == "random.bin":
            (d / name).write_bytes(random.Random(7).randbytes(4096))
        else:
            shutil.copy(fixtures / "cli" / name, d / name)
    return d


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory, sample_text) -> Path:
    """A store holding the bundled sample (A/RES/78/216), ingested once through the command line."""
    store = tmp_path_factory.mktemp("cli") / "store"
    p = unkg("ingest", str(sample_text), "--store", str(store))
    assert p.returncode == 0, p.stderr
    return store


def export(store: Path) -> list[str]:
    """The store's quads (blank-node lines aside), read in this process: the CLI's export has its own test."""
    from unkg.store import open_store

    s = open_store(str(store), read_only=True)
    try:
        return sorted(line for line in s.dump("nquads").decode().splitlines() if "_:" not in line)
    finally:
        s.close()


@pytest.mark.parametrize("name", BAD_FILES)
def test_bad_file_one_line_exit_1_store_unchanged(name, bad_dir, sample_store):
    before = export(sample_store)
    path = bad_dir / name
    p = unkg("ingest", str(path), "--store", str(sample_store))
    no_traceback(p)
    assert p.returncode == 1
    lines = p.stderr.strip().splitlines()
    errors = [line for line in lines if not line.startswith("ingested ")]
    assert len(errors) == 1 and errors[0].startswith(f"{path}: "), lines
    assert lines[-1].startswith("ingested 0 of 1 file(s)") and "1 failed" in lines[-1]
    assert export(sample_store) == before


@pytest.mark.parametrize("name", BAD_FILES)
def test_parse_bad_file(name, bad_dir):
    p = unkg("parse", str(bad_dir / name), "--json")
    no_traceback(p)
    assert p.returncode == 1 and p.stdout == ""
    assert p.stderr.count("\n") == 1 and p.stderr.startswith(str(bad_dir / name) + ": ")


def test_folder_with_good_and_bad_files(bad_dir, sample_text, tmp_path):
    folder = tmp_path / "mixed"
    shutil.copytree(bad_dir, folder)
    shutil.copy(sample_text, folder / "A_RES_78_216.en.txt")
    store = tmp_path / "store"
    p = unkg("ingest", str(folder), "--store", str(store), "--jobs", "2")
    no_traceback(p)
    assert p.returncode == 1
    failed = [line for line in p.stderr.splitlines() if not line.startswith("ingested ")]
    assert sorted(Path(line.split(": ", 1)[0]).name for line in failed) == sorted(
        n for n in BAD_FILES if n != "random.bin")  # a .bin file in a folder is not a candidate
    assert "ingested 1 of 5 file(s)" in p.stderr
    q = unkg("query", "SELECT ?g WHERE { GRAPH ?g { ?s a <https://w3id.org/unkg/ontology#ResolutionExpression> } }",
             "--store", str(store), "--format", "csv")
    assert q.returncode == 0 and iris.expression("A/RES/78/216", "en") in q.stdout


@pytest.mark.slow
def test_ingest_twice_same_quads(sample_store, sample_text):
    before = export(sample_store)
    p = unkg("ingest", str(sample_text), "--store", str(sample_store), "-j", "2")
    assert p.returncode == 0, p.stderr
    assert export(sample_store) == before


@pytest.mark.slow
def test_ingest_sample_gives_the_same_quads_as_its_file(sample_store, tmp_path):
    p = unkg("ingest", "--sample", "--store", str(tmp_path / "s"), "-q")
    assert p.returncode == 0, p.stderr
    assert export(tmp_path / "s") == export(sample_store)


def test_ingest_without_path_says_so(tmp_path):
    p = unkg("ingest", "--store", str(tmp_path / "s"))
    assert p.returncode == 0 and "nothing ingested" in p.stderr
    assert not (tmp_path / "s").exists()


def test_missing_path_is_a_failure(tmp_path):
    p = unkg("ingest", str(tmp_path / "nope.xml"), "--store", str(tmp_path / "s"))
    no_traceback(p)
    assert p.returncode == 1 and f"{tmp_path / 'nope.xml'}: no such file or folder" in p.stderr


def test_parse_json_document(sample_text):
    p = unkg("parse", str(sample_text), "--json")
    assert p.returncode == 0, p.stderr
    doc = json.loads(p.stdout)
    assert doc["symbol"] == "A/RES/78/216" and doc["language"] == "en" and doc["source"]["format"] == "text"
    kinds = [x["kind"] for x in doc["paragraphs"]]
    assert kinds.count("preambular") == 28 and kinds.count("operative") == 37
    assert [x["index"] for x in doc["paragraphs"]] == list(range(1, 66))


def test_query_formats(sample_store):
    q = "SELECT ?s WHERE { ?s a <https://w3id.org/unkg/ontology#Resolution> }"
    table = unkg("query", q, "--store", str(sample_store))
    assert table.returncode == 0 and "<https://w3id.org/unkg/id/A/RES/78/216>" in table.stdout and "(1 row)" in table.stdout
    as_json = json.loads(unkg("query", q, "--store", str(sample_store), "--format", "json").stdout)
    assert as_json["results"]["bindings"][0]["s"]["value"] == iris.work("A/RES/78/216")
    csv = unkg("query", q, "--store", str(sample_store), "--format", "csv").stdout.splitlines()
    assert csv == ["s", iris.work("A/RES/78/216")]
    ask = unkg("query", "ASK { ?s ?p ?o }", "--store", str(sample_store))
    assert ask.stdout.strip() == "true"


def test_query_from_file_and_stdin(sample_store, tmp_path):
    rq = tmp_path / "count.rq"
    rq.write_text("# how many operative paragraphs?\nSELECT (COUNT(?p) AS ?n) WHERE { ?p a <https://w3id.org/unkg/ontology#OperativeParagraph> }")
    p = unkg("query", str(rq), "--store", str(sample_store), "--format", "csv")
    assert p.returncode == 0 and p.stdout.splitlines() == ["n", "37"]
    p = subprocess.run([*COMMAND, "query", "-", "--store", str(sample_store), "--format", "csv"],
                       input=rq.read_text(), capture_output=True, text=True)
    assert p.stdout.splitlines() == ["n", "37"]


def test_malformed_query_one_line(sample_store):
    p = unkg("query", "SELEC ?x WHERE {", "--store", str(sample_store))
    no_traceback(p)
    assert p.returncode == 1 and p.stderr.count("\n") == 1 and "malformed SPARQL" in p.stderr


@pytest.mark.slow
def test_export_formats(sample_store, tmp_path):
    import rdflib

    for fmt, parse_as in [("trig", "trig"), ("nq", "nquads"), ("ttl", "turtle"), ("jsonld", "json-ld")]:
        out = tmp_path / f"all.{fmt}"
        p = unkg("export", "--store", str(sample_store), "--format", fmt, "-o", str(out))
        assert p.returncode == 0, p.stderr
        ds = rdflib.Dataset()
        ds.parse(out, format=parse_as)
        assert len(ds) > 1000 or sum(len(g) for g in ds.graphs()) > 1000


def test_stats_and_validate(sample_store):
    p = unkg("stats", "--store", str(sample_store), "--json")
    stats = json.loads(p.stdout)
    assert stats["resolutions"] == 1 and stats["operative_paragraphs"] == 37 and stats["preambular_paragraphs"] == 28
    v = unkg("validate", "--store", str(sample_store))
    # the resolution's graph and its lineage graph (docs/lineage.md)
    assert v.returncode == 0 and "2 conform, 0 do not" in v.stderr


def test_store_problems_exit_2(tmp_path):
    missing = tmp_path / "none"
    for args in (["stats"], ["query", "ASK {}"], ["validate"], ["export", "--format", "nq"]):
        p = unkg(*args, "--store", str(missing))
        no_traceback(p)
        assert p.returncode == 2 and p.stderr.count("\n") == 1 and str(missing) in p.stderr
    p = unkg("stats", "--store", "http://127.0.0.1:9/sparql")
    no_traceback(p)
    assert p.returncode == 2 and "cannot reach" in p.stderr


def test_usage_errors_exit_2():
    for args in (["frobnicate"], ["export"], ["ingest", "--jobs", "x"], []):
        p = unkg(*args)
        no_traceback(p)
        assert p.returncode == 2


def test_help_documents_commands_and_exit_codes():
    p = unkg("--help")
    assert p.returncode == 0
    for cmd in ("ingest", "parse", "validate", "query", "export", "serve", "stats", "docs"):
        assert f"    {cmd} " in p.stdout
    assert "exit codes:" in p.stdout and "  2  usage error" in p.stdout
    assert "exit codes:" in unkg("ingest", "--help").stdout


def test_broken_pipe_is_quiet(sample_store):
    p = subprocess.run(f"{' '.join(COMMAND)} export --store {sample_store} --format nq | head -1",
                       shell=True, capture_output=True, text=True)
    assert p.stdout.count("\n") == 1 and "Traceback" not in p.stderr and "Error" not in p.stderr


@pytest.mark.slow
def test_the_main_job_on_a_fresh_home(tmp_path):
    # README's first command, `unkg ingest --sample` without --store, on a machine where the per-user data
    # folder (~/.local/share) does not exist yet: the store's parent folders are made, not an error
    env = {k: v for k, v in os.environ.items() if k not in ("UNKG_STORE", "XDG_DATA_HOME", "UNKG_DEBUG")}
    env["HOME"] = str(tmp_path / "home")
    p = subprocess.run([*COMMAND, "ingest", "--sample", "-q"], capture_output=True, text=True, env=env, timeout=600)
    no_traceback(p)
    assert p.returncode == 0, p.stderr
    assert (tmp_path / "home" / ".local" / "share" / "unkg" / "store" / "CURRENT").exists()
    p = subprocess.run([*COMMAND, "stats"], capture_output=True, text=True, env=env, timeout=600)
    assert p.returncode == 0, p.stderr
    assert re.search(r"^resolutions\s+1$", p.stdout, re.M), p.stdout


def test_the_readme_example_answers_as_printed(sample_store, tmp_path):
    """README's one question, run on the sample, gives exactly the answer README prints."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    query = re.search(r"```sparql\n(.*?)```", readme, re.S).group(1)
    answer = re.search(r"`unkg query question\.rq` answers:\n\n```text\n(.*?)```", readme, re.S).group(1)
    (tmp_path / "question.rq").write_text(query, encoding="utf-8")
    p = unkg("query", "question.rq", "--store", str(sample_store), cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    assert p.stdout == answer


def test_validate_counts_warnings_apart_from_conforming(tmp_path, sample_text):
    """SHACL's sh:conforms means no results at all: a stored graph with a warning is reported as such."""
    from unkg.ingest.extract import extract
    from unkg.ingest.graph import build
    from unkg.ingest.readers import read
    from unkg.store import open_store

    res = read(sample_text)
    name, g = build(extract(res) or res)
    g.remove((rdflib.URIRef(iris.work(res.symbol)), DCTERMS.title, None))  # a missing title is a warning
    store = open_store(str(tmp_path / "store"))
    store.replace_graphs([(name, g)])
    store.close()
    done = unkg("validate", "--store", str(tmp_path / "store"))
    assert done.returncode == 0, done.stderr
    assert "validated 1 graph(s): 1 conform (1 warning(s) in 1 graph(s)), 0 do not" in done.stderr
