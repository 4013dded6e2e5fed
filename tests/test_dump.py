"""`unkg export --dump DIR`: the dump of a small real store re-loads with the same quads into rdflib and
pyoxigraph, its checksums verify, its description parses and describes every file, and it is reproducible."""
from __future__ import annotations

import gzip
import hashlib
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
import yaml
from rdflib.compare import isomorphic
from rdflib.namespace import DCAT, RDF, VOID

from unkg.store import open_store

UNKG_SCRIPT = Path(sys.executable).with_name("unkg")
COMMAND = [str(UNKG_SCRIPT)] if UNKG_SCRIPT.exists() else [sys.executable, "-m", "unkg.cli"]
SPDX = rdflib.Namespace("http://spdx.org/rdf/terms#")


def unkg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*COMMAND, *args], capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("dump") / "store"
    done = unkg("ingest", "--sample", "--store", str(path), "--quiet")
    assert done.returncode == 0, done.stderr
    return path


@pytest.fixture(scope="module")
def dumped(store, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dump") / "deposit"
    done = unkg("export", "--dump", str(out), "--store", str(store))
    assert done.returncode == 0, done.stderr
    assert "SHA256SUMS" in done.stderr
    return out


def _store_graphs(store: Path) -> dict[str, rdflib.Graph]:
    """The store's named graphs, read graph by graph through the store's own API."""
    s = open_store(str(store), read_only=True)
    try:
        return {g: rdflib.Graph().parse(data=s.graph_ntriples(g), format="nt") for g in s.graphs()}
    finally:
        s.close()


def test_dump_reloads_with_the_same_quads_in_rdflib_and_pyoxigraph(store, dumped):
    """Same graphs, each isomorphic to the store's (the ontology's blank nodes get new labels on parsing)."""
    (data,) = dumped.glob("unkg-*.nq.gz")
    expected = _store_graphs(store)
    assert sum(len(g) for g in expected.values()) > 3000

    ds = rdflib.Dataset()
    with gzip.open(data, "rb") as f:
        ds.parse(f, format="nquads")
    loaded = {str(g.identifier): g for g in ds.graphs() if len(g)}
    assert set(loaded) == set(expected)
    for name, g in expected.items():
        assert isomorphic(loaded[name], g), name

    ox_store = ox.Store()
    with gzip.open(data, "rb") as f:
        ox_store.load(f, format=ox.RdfFormat.N_QUADS)
    assert len(ox_store) == sum(len(g) for g in expected.values())
    assert {g.value for g in ox_store.named_graphs()} == set(expected)
    assert "https://w3id.org/unkg/id/A/RES/78/216/en" in expected


def test_checksums_verify(dumped):
    lines = (dumped / "SHA256SUMS").read_text().splitlines()
    names = {line.split("  ", 1)[1] for line in lines}
    assert names == {p.name for p in dumped.iterdir()} - {"SHA256SUMS"}
    assert {"void.ttl"} | {n for n in names if n.startswith("unkg-ontology-")} <= names
    for line in lines:
        digest, name = line.split("  ", 1)
        assert hashlib.sha256((dumped / name).read_bytes()).hexdigest() == digest, name
    done = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=dumped, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_description_parses_and_describes_every_file(dumped):
    g = rdflib.Graph().parse(dumped / "void.ttl", format="turtle")  # relative IRIs resolve against the file
    (d,) = set(g.subjects(RDF.type, DCAT.Dataset))
    assert (d, RDF.type, VOID.Dataset) in g
    dists = set(g.objects(d, DCAT.distribution))
    files = {p.name: p for p in dumped.iterdir()}
    described = {}
    for dist in dists:
        url = g.value(dist, DCAT.downloadURL)
        path = Path(str(url).removeprefix("file://"))
        assert path.parent == dumped, url
        checksum = g.value(dist, SPDX.checksum)
        described[path.name] = (str(g.value(checksum, SPDX.checksumValue)), int(g.value(dist, DCAT.byteSize)))
    assert set(described) == set(files) - {"void.ttl", "SHA256SUMS"}
    for name, (digest, size) in described.items():
        assert hashlib.sha256(files[name].read_bytes()).hexdigest() == digest and files[name].stat().st_size == size
    (data,) = g.objects(d, VOID.dataDump)
    assert str(data).endswith(".nq.gz") and int(g.value(d, VOID.triples)) > 3000


def test_dump_is_reproducible(store, dumped, tmp_path):
    again = tmp_path / "again"
    done = unkg("export", "--dump", str(again), "--store", str(store))
    assert done.returncode == 0, done.stderr
    data = [p.name for p in dumped.glob("unkg-*.nq.gz")]
    for name in data + ["unkg-vocab-actors.ttl"]:
        assert (again / name).read_bytes() == (dumped / name).read_bytes(), name


def test_dump_into_a_file_is_a_one_line_error(store, tmp_path):
    target = tmp_path / "a-file"
    target.write_text("x")
    done = unkg("export", "--dump", str(target), "--store", str(store))
    assert done.returncode != 0 and done.stderr.strip().splitlines() == [f"{target}: not a folder"]
    assert target.read_text() == "x"


def test_export_needs_format_or_dump(store):
    done = unkg("export", "--store", str(store))
    assert done.returncode == 2 and "--format" in done.stderr and "--dump" in done.stderr


def test_citation_file_names_the_software_and_the_data():
    cff = yaml.safe_load((Path(__file__).parent.parent / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0" and cff["type"] == "software" and cff["license"] == "MIT"
    assert all(cff[k] for k in ("message", "title", "authors", "version"))
    data = [r for r in cff["references"] if r["type"] == "data"]
    assert any(r.get("license") == "CC-BY-4.0" for r in data)
