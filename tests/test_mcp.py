"""`unkg mcp`: the mcp package's own stdio client spawns `unkg mcp --store STORE` as a real subprocess, over a
real store holding the bundled A/RES/78/216 (ingested by `unkg ingest --sample`) and the two small resolutions
of the lineage tests, and calls its tools."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("mcp", reason="unkg mcp needs the mcp package (pip install 'unkg[mcp]')")

import anyio  # noqa: E402  (installed with mcp)
from mcp import ClientSession, StdioServerParameters, stdio_client  # noqa: E402

UNKG_SCRIPT = Path(sys.executable).with_name("unkg")
COMMAND = [str(UNKG_SCRIPT)] if UNKG_SCRIPT.exists() else [sys.executable, "-m", "unkg.cli"]
OP11 = "https://w3id.org/unkg/id/A/RES/78/216/op/11"
LINEAGE = Path(__file__).parent / "fixtures" / "lineage"


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("mcp") / "store"
    done = subprocess.run([*COMMAND, "ingest", "--sample", str(LINEAGE / "old.txt"), str(LINEAGE / "new.txt"),
                           "--store", str(path), "--quiet"],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return path


def _session(store: Path, calls: list[tuple[str, dict[str, Any]]]) -> tuple[list[str], list[Any]]:
    """Spawn the server, list its tools and make the calls in one session: (tool names, results)."""
    params = StdioServerParameters(command=COMMAND[0], args=[*COMMAND[1:], "mcp", "--store", str(store)],
                                   env={"UNKG_BASE_IRI": "https://w3id.org/unkg/id/"})

    async def run() -> tuple[list[str], list[Any]]:
        async with stdio_client(params) as (read, write):
            async with ClientSession(read, write) as session:
                await session.initialize()
                tools = [t.name for t in (await session.list_tools()).tools]
                results = [await session.call_tool(name, args) for name, args in calls]
                return tools, results

    return anyio.run(run)


def _json(result: Any) -> dict[str, Any]:
    assert not result.is_error, result.content
    return json.loads(result.content[0].text)


@pytest.mark.server
def test_mcp_tools_answer_78_216_op_11_with_its_provisions(store):
    tools, (para, search, resolution, query, refused, unknown, diff) = _session(store, [
        ("get_paragraph", {"symbol": "A/RES/78/216", "paragraph": "op 11"}),
        ("search_obligations", {"actor": "States", "group": "human rights defenders", "verb": "urge", "limit": 200}),
        ("get_resolution", {"symbol": "A/RES/78/216"}),
        ("sparql", {"query": "PREFIX unkg: <https://w3id.org/unkg/ontology#> SELECT DISTINCT ?p WHERE { GRAPH ?g { "
                             f"?p unkg:inParagraph <{OP11}> }} }}"}),
        ("sparql", {"query": "INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> <urn:c> } }"}),
        ("search_obligations", {"actor": "no such actor at all"}),
        ("diff_resolutions", {"old": "A/RES/75/9001", "new": "A/RES/77/9001"}),
    ])
    assert {"search_obligations", "get_paragraph", "get_resolution", "sparql", "diff_resolutions"} <= set(tools)

    # The paragraph: one provision, "Urges States ...", for human rights defenders, with the rights it names.
    p = _json(para)
    assert p["symbol"] == "A/RES/78/216" and p["paragraph"] == OP11 and p["number"] == "11"
    assert p["text"].startswith("Urges States to promote a safe and enabling environment")
    (prov,) = p["provisions"]
    assert (prov["verb"], prov["verb_text"], prov["strength"], prov["modality"]) == ("urge", "Urges", 4, "exhortation")
    assert [a["label"] for a in prov["addressees"]] == ["States"]
    assert [b["label"] for b in prov["beneficiaries"]] == ["human rights defenders"]
    assert "https://w3id.org/unkg/vocab/rights/right-to-an-effective-remedy" in {r["id"] for r in prov["rights"]}
    assert prov["provision"] == OP11 + "/prov/1" and prov["symbol"] == "A/RES/78/216"
    assert p["sources"] == [{"symbol": "A/RES/78/216", "paragraph": OP11, "url": "https://undocs.org/en/A/RES/78/216"}]

    # The search finds op 11 among the urgings of States for human rights defenders, and cites each paragraph.
    s = _json(search)
    assert s["query"]["actor"]["id"] == "https://w3id.org/unkg/vocab/actors/states"
    found = {d["paragraph"]: d for d in s["provisions"]}
    assert OP11 in found and found[OP11]["verb"] == "urge"
    assert all(d["verb"] == "urge" and d["symbol"] == "A/RES/78/216" for d in s["provisions"])
    assert {src["paragraph"] for src in s["sources"]} == set(found)

    # The whole resolution: op 11 in order, with the same provision.
    r = _json(resolution)
    by_iri = {x["paragraph"]: x for x in r["paragraphs"]}
    assert r["title"] and by_iri[OP11]["provisions"][0]["addressees"][0]["label"] == "States"
    assert [x["index"] for x in r["paragraphs"]] == sorted(x["index"] for x in r["paragraphs"])

    # SPARQL: read-only, answered as SPARQL JSON, citing the IRIs it mentions; an update is a tool error.
    q = _json(query)
    assert [b["p"]["value"] for b in q["results"]["results"]["bindings"]] == [OP11 + "/prov/1"]
    assert OP11 + "/prov/1" in q["sources"]
    assert refused.is_error and "read-only" in refused.content[0].text
    assert unknown.is_error and "no actor named" in unknown.content[0].text

    # The diff of the lineage fixtures: unkg diff's counts, and each change cites both paragraphs' IRIs.
    d = _json(diff)
    assert d["summary"] == {"unchanged": 3, "revised": 5, "moved": 1, "new": 1, "dropped": 1}
    assert all(p["status"] != "unchanged" for p in d["paragraphs"]) and len(d["paragraphs"]) == 8
    (op1,) = [c for c in d["provisions"] if c["to_number"] == "1"]
    assert (op1["verb_from"], op1["verb_to"], op1["strength_change"]) == ("encourage", "urge", "strengthened")
    assert op1["to_paragraph"] == "https://w3id.org/unkg/id/A/RES/77/9001/op/1"
    assert op1["from_paragraph"] == "https://w3id.org/unkg/id/A/RES/75/9001/op/1"
    assert "https://w3id.org/unkg/id/A/RES/77/9001/op/1" in {s["paragraph"] for s in d["sources"]}


@pytest.mark.server
def test_mcp_sparql_keeps_the_endpoints_row_cap_and_base(store):
    from unkg.assistant import Library

    lib = Library(str(store), result_limit=5)
    try:
        with pytest.raises(Exception, match="more than the limit of 5"):
            lib.sparql("SELECT ?s WHERE { ?s ?p ?o } LIMIT 50")
        assert len(lib.sparql("SELECT ?s WHERE { ?s ?p ?o } LIMIT 5")["results"]["results"]["bindings"]) == 5
        # relative IRIs resolve against the base of the data IRIs, as on /sparql
        rows = lib.sparql("SELECT ?n WHERE { <A/RES/78/216/op/11> <http://data.europa.eu/eli/ontology#number> ?n }")
        assert [b["n"]["value"] for b in rows["results"]["results"]["bindings"]] == ["11"]
    finally:
        lib.close()


def test_mcp_without_a_store_is_a_one_line_error(tmp_path):
    missing = tmp_path / "no-store"
    done = subprocess.run([*COMMAND, "mcp", "--store", str(missing)], capture_output=True,
                          text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert done.returncode == 2 and done.stderr.strip().splitlines() == [f"{missing}: no store here (ingest something first)"]
    assert not missing.exists()
