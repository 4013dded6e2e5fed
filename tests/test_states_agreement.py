"""Voting agreement on the State pages equals an independent recomputation from the UN's metadata.

The recomputation below is plain Python over the metadata JSON (its own reader, its own name matching on the
States vocabulary's labels): no unkg code, no graph. It takes the General Assembly's recorded votes of the
resolutions the store holds, and for each pair of States counts the votes where both voted yes, no or
abstain (n) and those where they voted the same; agreement = same / n, and Lijphart's index counts an
abstention beside a yes or a no as half.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata
from importlib.resources import files
from itertools import combinations
from pathlib import Path

import pytest

pytestmark = pytest.mark.corpus

PAIRS_OF = ["col", "bra", "usa", "isr", "fra", "deu", "chn", "rus", "ind", "zaf", "nga", "gbr", "irn", "cub",
            "jpn", "mex", "hun", "nic", "syr", "ukr"]
FILES = 60  # GA 78 resolutions ingested (the first by file name); enough recorded votes, quick to ingest


def records(path: Path) -> list[dict]:
    text, dec, out, i = path.read_text(encoding="utf-8-sig"), json.JSONDecoder(), [], 0
    while i < len(text):
        if text[i] == "{":
            obj, i = dec.raw_decode(text, i)
            out.append(obj)
        else:
            i += 1
    return out


def fold(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    return re.sub(r"[^A-Z]", "", "".join(c for c in text if not unicodedata.combining(c)).upper())


def label_index() -> dict[str, str]:
    """Folded label -> ISO3 from states.ttl, read as text (each State block: its labels, then its alpha-3 code)."""
    ttl = (files("unkg.ontology.vocab") / "states.ttl").read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for block in ttl.split(" .\n"):
        code = re.search(r'unkg:iso3166Alpha3 "([A-Z]{3})"', block)
        if code:
            for label in re.findall(r'"([^"]+)"@en', block):
                out.setdefault(fold(label), code.group(1).lower())
    return out


def by_symbol(paths: list[Path]) -> dict[str, dict]:
    """One record per symbol; a symbol listed again (GA 79's file repeats some) is its last record."""
    return {rec["symbol"]: rec for path in paths for rec in records(path)}


def votes_of(meta: list[Path], symbols: set[str]) -> list[dict[str, str]]:
    """One dict ISO3 -> Y/N/A per recorded vote of a stored resolution."""
    labels = label_index()
    votes = []
    for symbol, rec in by_symbol(meta).items():
        if symbol not in symbols:
            continue
        v = {}
        for key, code in (("MS_in_favour", "Y"), ("MS_against", "N"), ("MS_abstaining", "A")):
            for name in rec.get(key) or []:
                if fold(name) in labels:
                    v[labels[fold(name)]] = code
        if v:
            votes.append(v)
    return votes


def expected(meta: list[Path], symbols: set[str]) -> dict[tuple[str, str], dict]:
    votes = votes_of(meta, symbols)
    out = {}
    for a, b in combinations(PAIRS_OF, 2):
        both = [(v[a], v[b]) for v in votes if a in v and b in v]
        same = sum(1 for x, y in both if x == y)
        half = sum(1 for x, y in both if x != y and "A" in (x, y))
        n = len(both)
        out[(a, b)] = {"votes": n, "agreement": round(same / n, 4) if n else None,
                       "lijphart": round((same + 0.5 * half) / n, 4) if n else None}
    return out


@pytest.fixture(scope="module")
def app_on_ga78(corpus, tmp_path_factory):
    from unkg.webapp import create_app

    store = tmp_path_factory.mktemp("states") / "store"
    paths = sorted((corpus / "akn" / "ga" / "78" / "en").glob("*.xml"))[:FILES]
    run = subprocess.run([sys.executable, "-m", "unkg.cli", "ingest", *map(str, paths), "--store", str(store),
                          "--meta", str(corpus / "meta" / "ga" / "78.json"), "--quiet"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    app = create_app({"STORE": str(store), "QUERY_WORKERS": 1})
    yield app
    app.extensions["unkg"].pool.close()


def test_agreement_on_the_pages_equals_an_independent_recomputation(app_on_ga78, corpus):
    client = app_on_ga78.test_client()
    symbols = {r["symbol"] for r in client.get("/resolutions.json").get_json()["rows"]}
    want = expected([corpus / "meta" / "ga" / "78.json"], symbols)
    compared = 0
    for (a, b), exp in want.items():
        got = client.get(f"/states/{a}/alignment.json?with={b}&body=GA").get_json()
        assert {k: got[k] for k in ("votes", "agreement", "lijphart")} == exp, (a, b)
        compared += exp["votes"] > 0
    print(f"\n{compared} pairs of States with votes in common compared; e.g. col-bra {want[('col', 'bra')]}")
    assert compared >= 20
    assert any(e["agreement"] is not None and e["agreement"] < 0.5 for e in want.values())  # not all alike


def test_state_page_json_contract(app_on_ga78):
    client = app_on_ga78.test_client()
    page = client.get("/states/col.json").get_json()
    assert page["id"] == "https://w3id.org/unkg/vocab/states/col" and page["name"] == "Colombia"
    assert page["votes"] and {v["vote"] for v in page["votes"]} <= {"yes", "no", "abstain", "absent"}
    assert all(set(v) >= {"resolution", "vote"} for v in page["votes"])
    assert isinstance(page["sponsored"], list) and all(isinstance(s, str) for s in page["sponsored"])
    assert all(set(a) >= {"provision", "resolution"} for a in page["addressed"])
    csv = client.get("/states/col.csv").get_data(as_text=True).splitlines()
    assert csv[0].startswith("resolution,date,body,vote") and len(csv) == len(page["votes"]) + 1
