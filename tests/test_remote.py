"""Remote stores against real servers the tests start themselves: Oxigraph's own server and Virtuoso.

Each server gets the same checks as the embedded store: the Store contract, the ingest pipeline (same
quads), the competency questions (same answers), `unkg validate`, the command line with `--store URL`, and
the web app's SPARQL endpoint over it. A server whose binary is missing is skipped, saying which.
"""
from __future__ import annotations

import csv
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import RDF, XSD

from unkg import iris
from unkg.errors import QueryError, StoreError
from unkg.ingest import pipeline
from unkg.store import open_store
from unkg.store.remote import RemoteStore

# SPARQLWrapper keeps the HTTP error responses it turns into exceptions open until they are collected
pytestmark = [pytest.mark.server, pytest.mark.filterwarnings("ignore:unclosed <socket.socket:ResourceWarning")]

UNKG = rdflib.Namespace("https://w3id.org/unkg/ontology#")
G1 = iris.expression("A/RES/78/216", "en")
G2 = iris.expression("A/RES/78/217", "en")
VIRTUOSO_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_answers(url: str, proc: subprocess.Popen, seconds: float, log: Path) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"server exited with {proc.returncode}: {log.read_text(errors='replace')[-1500:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"server did not answer {url} within {seconds} s: {log.read_text(errors='replace')[-1500:]}")


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


@pytest.fixture(scope="session")
def oxigraph_url(tmp_path_factory):
    exe = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    if not Path(exe).exists():
        pytest.skip("the oxigraph server binary is missing (pip install oxigraph)")
    folder = tmp_path_factory.mktemp("oxigraph")
    port = free_port()
    log = folder / "server.log"
    with log.open("wb") as out:
        # --union-default-graph: the default graph is the union of the named graphs, as in the embedded store
        proc = subprocess.Popen([exe, "serve", "--location", str(folder / "data"), "--bind", f"127.0.0.1:{port}",
                                 "--union-default-graph"], stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_until_answers(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", proc, 60, log)
        yield f"http://127.0.0.1:{port}/query"
    finally:
        stop(proc)


@pytest.fixture(scope="session")
def virtuoso_url(tmp_path_factory):
    exe = shutil.which("virtuoso-t")
    if exe is None or not VIRTUOSO_INI.exists():
        pytest.skip("Virtuoso is missing (apt-get install virtuoso-opensource)")
    folder = tmp_path_factory.mktemp("virtuoso")
    sql_port, http_port = free_port(), free_port()
    ini = []
    section = ""
    for line in VIRTUOSO_INI.read_text().splitlines():
        s = line.strip()
        if s.startswith("["):
            section = s
        line = line.replace("/var/lib/virtuoso-opensource-7/db/", f"{folder}/")
        if s.startswith("ServerPort"):
            line = f"ServerPort = 127.0.0.1:{http_port if section == '[HTTPServer]' else sql_port}"
        elif s.startswith("DirsAllowed"):
            line = f"DirsAllowed = ., /usr/share/virtuoso-opensource-7/vad, {folder}"
        ini.append(line)
    (folder / "virtuoso.ini").write_text("\n".join(ini) + "\n")
    log = folder / "server.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([exe, "-c", str(folder / "virtuoso.ini"), "+foreground"], cwd=folder, stdout=out,
                                stderr=subprocess.STDOUT)
    try:
        wait_until_answers(f"http://127.0.0.1:{http_port}/sparql?query=ASK%7B%7D", proc, 120, log)
        yield f"http://dba:dba@127.0.0.1:{http_port}/sparql"  # writes go to the digest-authenticated endpoints
    finally:
        stop(proc)


@pytest.fixture(params=["oxigraph", "virtuoso"])
def server_url(request) -> str:
    return request.getfixturevalue(f"{request.param}_url")


@pytest.fixture()
def remote(server_url):
    store = open_store(server_url)
    assert isinstance(store, RemoteStore)
    for g in store.graphs():  # each test starts from an empty server (as far as unkg's graphs go)
        store.drop_graph(g)
    yield store
    store.close()


def small_graph(symbol: str = "A/RES/78/216", n_ops: int = 3) -> rdflib.Graph:
    g = rdflib.Graph()
    work = rdflib.URIRef(iris.work(symbol))
    g.add((work, RDF.type, UNKG.Resolution))
    g.add((work, UNKG.title, rdflib.Literal('Human rights "defenders"\nin the digital age é', lang="en")))
    g.add((work, UNKG.session, rdflib.Literal(78, datatype=XSD.integer)))
    g.add((work, UNKG.symbol, rdflib.Literal(symbol)))
    for i in range(1, n_ops + 1):
        op = rdflib.URIRef(iris.paragraph(symbol, "operative", i))
        g.add((op, RDF.type, UNKG.OperativeParagraph))
        g.add((op, UNKG.partOf, work))
    return g


INTEGER_TYPES = {XSD.nonNegativeInteger, XSD.positiveInteger, XSD.int, XSD.long, XSD.short, XSD.unsignedInt}


def _term(t: rdflib.term.Node) -> str:
    # Oxigraph (server and embedded) stores derived integer types as xsd:integer, Virtuoso keeps them:
    # compare those values as xsd:integer; every other term must be identical.
    if isinstance(t, rdflib.Literal) and t.datatype in INTEGER_TYPES:
        return rdflib.Literal(str(t), datatype=XSD.integer).n3()
    return t.n3()


def quads(store, only_resolutions: bool = True) -> set[tuple[str, ...]]:
    out = set()
    for g in store.graphs():
        if only_resolutions and pipeline.is_reference_graph(g):
            continue
        out |= {(g, _term(s), _term(p), _term(o)) for s, p, o in store.graph(g)}
    return out


# -- the Store contract ---------------------------------------------------------------------------------
def test_replace_read_and_query(remote):
    assert remote.replace_graphs([(G1, small_graph()), (G2, small_graph("A/RES/78/217").serialize(format="nt"))]) == 20
    assert remote.graphs() == [G1, G2]
    assert set(remote.graph(G1)) == set(small_graph())
    first = quads(remote)
    remote.replace_graphs([(G1, small_graph())])
    assert quads(remote) == first  # replacing with the same triples changes nothing
    remote.replace_graphs([(G1, small_graph(n_ops=1))])
    assert len(remote.graph(G1)) == 6  # replaced, not merged
    row = remote.select(f"SELECT ?t ?n ?x WHERE {{ <{iris.work('A/RES/78/217')}> <{UNKG}title> ?t ; "
                        f"<{UNKG}session> ?n ; <{UNKG}symbol> ?x }}")[0]
    assert row["t"] == rdflib.Literal('Human rights "defenders"\nin the digital age é', lang="en")
    assert row["n"] == rdflib.Literal(78, datatype=XSD.integer) and row["x"] == rdflib.Literal("A/RES/78/217")
    assert remote.ask(f"ASK {{ <{iris.work('A/RES/78/216')}> a <{UNKG}Resolution> }}")  # default graph = union
    st = remote.stats()
    assert (st["graphs"], st["resolutions"], st["operative_paragraphs"], st["quads"]) == (2, 2, 4, 16)
    remote.drop_graph(G1)
    assert remote.graphs() == [G2]


def test_result_formats(remote):
    remote.replace_graphs([(G1, small_graph())])
    sel = f"SELECT ?s WHERE {{ ?s a <{UNKG}Resolution> }}"
    assert json.loads(remote.query_raw(sel, "json"))["results"]["bindings"][0]["s"]["value"] == iris.work("A/RES/78/216")
    assert iris.work("A/RES/78/216") in remote.query_raw(sel, "csv").decode()
    assert b"sparql" in remote.query_raw(sel, "xml")
    g = remote.construct(f"CONSTRUCT {{ ?s a ?c }} WHERE {{ ?s a ?c FILTER(?c = <{UNKG}OperativeParagraph>) }}")
    assert len(g) == 3
    ds = rdflib.Dataset()
    ds.parse(data=remote.dump("nquads"), format="nquads")
    assert sum(len(x) for x in ds.graphs()) == 10


def test_comments_do_not_change_what_a_request_is(remote):
    """Keywords in comments and strings are not the query's form: SPARQLWrapper alone read the second comment
    line here as the update ADD ("address") and sent the query as an update."""
    remote.replace_graphs([(G1, small_graph())])
    commented = f"# Which resolutions\n# address States, or drop, load or insert anything?\nSELECT ?s WHERE {{ ?s a <{UNKG}Resolution> }}"
    assert [str(r["s"]) for r in remote.select(commented)] == [iris.work("A/RES/78/216")]
    with pytest.raises(QueryError, match="use update"):
        remote.select("# SELECT in a comment\nINSERT DATA { <urn:a> <urn:b> <urn:c> }")
    remote.update(f"# select nothing, just add\nINSERT DATA {{ GRAPH <{G2}> {{ <urn:a> <urn:b> \"SELECT\" }} }}")
    assert remote.ask('ASK { <urn:a> <urn:b> "SELECT" }')
    remote.drop_graph(G2)


def test_errors_are_one_line_unkg_errors(remote, server_url):
    with pytest.raises(QueryError):
        remote.select("SELEC ?x WHERE {")
    with pytest.raises(StoreError, match="cannot reach"):
        RemoteStore(f"http://127.0.0.1:{free_port()}/sparql").select("SELECT * WHERE { ?s ?p ?o } LIMIT 1")


def test_failed_batch_is_rolled_back(remote):
    remote.replace_graphs([(G1, small_graph())])
    before = quads(remote)
    with pytest.raises(StoreError):
        remote.replace_graphs([(G1, small_graph(n_ops=1)), (G2, "<urn:a> <urn:b> this is not N-Triples .")])
    assert quads(remote) == before


def test_wrong_password_is_refused(virtuoso_url):
    wrong = RemoteStore(virtuoso_url.replace("dba:dba@", "dba:wrong@"))
    with pytest.raises(StoreError):
        wrong.replace_graphs([(G1, small_graph())])


# -- the pipeline, competency questions and validation: same as embedded --------------------------------
@pytest.fixture(scope="module")
def embedded_sample(tmp_path_factory, sample_text):
    store = open_store(str(tmp_path_factory.mktemp("embedded") / "store"))
    # the ingest builds lineage graphs on an embedded store only (docs/lineage.md): compare like with like
    s = pipeline.ingest([sample_text], store, lineage=False)
    assert s.failures == []
    yield store
    store.close()


def _normalise(rows: list[dict]) -> list[tuple]:
    # Both servers (and pyoxigraph) store derived integer types as xsd:integer; compare values, not spellings.
    def val(t):
        return t.toPython() if isinstance(t, rdflib.Literal) and t.datatype else str(t)
    return sorted(tuple(sorted((k, repr(val(v))) for k, v in r.items())) for r in rows)


def test_same_ingest_and_validation(remote, embedded_sample, sample_text):
    s = pipeline.ingest([sample_text], remote, jobs=1)
    assert s.failures == [] and s.stored == 1
    assert quads(remote) == quads(embedded_sample)
    again = pipeline.ingest([sample_text], remote, jobs=1)
    assert again.failures == [] and quads(remote) == quads(embedded_sample)  # re-ingest: same quads
    assert pipeline.validate_store(remote) == (1, [])


def test_competency_questions_same_answers(remote, embedded_sample, sample_text):
    pipeline.ingest([sample_text], remote, jobs=1)
    queries = sorted((Path(pipeline.__file__).resolve().parent.parent / "ontology" / "queries").glob("*.rq"))
    assert queries, "no competency questions in ontology/queries"
    problems = []
    for rq in queries:
        text = rq.read_text(encoding="utf-8")
        try:
            if _normalise(remote.select(text)) != _normalise(embedded_sample.select(text)):
                problems.append(f"{rq.name}: different answers")
        except (QueryError, StoreError) as e:
            problems.append(f"{rq.name}: {str(e)[:160]}")
    assert problems == []


def test_command_line_with_store_url(remote, server_url, sample_text, tmp_path):
    cmd = [str(Path(sys.executable).with_name("unkg"))]
    env = {**os.environ, "UNKG_STORE": ""}
    run = lambda *a: subprocess.run([*cmd, *a, "--store", server_url], capture_output=True, text=True, env=env,  # noqa: E731
                                    timeout=600)
    p = run("ingest", str(sample_text))
    assert p.returncode == 0, p.stderr
    p = run("query", "SELECT (COUNT(?p) AS ?n) WHERE { ?p a <https://w3id.org/unkg/ontology#OperativeParagraph> }",
            "--format", "csv")
    assert p.returncode == 0 and list(csv.reader(p.stdout.splitlines())) == [["n"], ["37"]], p.stdout + p.stderr
    stats = json.loads(run("stats", "--json").stdout)
    assert stats["resolutions"] == 1 and stats["store"] == server_url.replace("dba:dba@", "")
    out = tmp_path / "all.nq"
    assert run("export", "--format", "nq", "-o", str(out)).returncode == 0
    assert iris.expression("A/RES/78/216", "en") in out.read_text()
    assert "dba" not in p.stderr
    v = run("validate")
    assert "validated 1 graph(s)" in v.stderr and "Traceback" not in v.stderr


def test_webapp_sparql_over_remote(remote, server_url, sample_text, request):
    from unkg.webapp import create_app

    pipeline.ingest([sample_text], remote)
    app = create_app({"STORE": server_url, "QUERY_WORKERS": 1})
    request.addfinalizer(app.extensions["unkg"].pool.close)
    client = app.test_client()
    q = f"SELECT ?r WHERE {{ ?r a <{UNKG}Resolution> }}"
    r = client.get("/sparql", query_string={"query": q}, headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200, r.data[:300]
    assert [b["r"]["value"] for b in r.get_json()["results"]["bindings"]] == [iris.work("A/RES/78/216")]
    # these servers give a statement once per graph holding it: the explorer says how to write for that
    text = client.get("/explore", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert "once per version on this server" in text and "COUNT(DISTINCT" in text


def test_lineage_over_remote(remote, server_url, tmp_path, capsys):
    """On a SPARQL server, `unkg lineage --rebuild` writes the lineage graphs, and `unkg lineage SYMBOL` and
    `unkg diff` by symbol answer as on the embedded store."""
    from unkg.cli import main

    fixtures = Path(__file__).parent / "fixtures" / "lineage"
    files = [str(fixtures / "new.txt"), str(fixtures / "old.txt")]
    embedded = str(tmp_path / "store")
    answers = {}
    for location in (embedded, server_url):
        assert main(["ingest", "--store", location, "-q", *files]) == 0
        if location == server_url:  # the ingest builds lineage on an embedded store only
            assert main(["lineage", "--rebuild", "--store", location]) == 0
        capsys.readouterr()
        assert main(["lineage", "A/RES/77/9001", "--store", location, "--json"]) == 0
        lineage = json.loads(capsys.readouterr().out)
        assert main(["diff", "A/RES/75/9001", "A/RES/77/9001", "--store", location, "--json"]) == 0
        answers[location] = (lineage, json.loads(capsys.readouterr().out))
    lineage, diff = answers[server_url]
    assert lineage["predecessor"] == "A/RES/75/9001" and diff["summary"]["unchanged"] > 0
    assert answers[server_url] == answers[embedded]
