"""`unkg diff OLD NEW [--json]` on files: no store is opened, the JSON follows DESIGN.md and its changes
rebuild both texts of every paragraph exactly; bad input is one line on stderr."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from unkg.cli import main
from unkg.ingest.readers import read

FIXTURES = Path(__file__).parent / "fixtures" / "lineage"
KEYS = {"status", "kind", "to_index", "to_number", "from_index", "from_number", "similarity", "changes"}


def _diff(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["diff", *args])
    out, err = capsys.readouterr()
    return code, out, err


def _check_rebuild(doc: dict, old_path: Path, new_path: Path) -> None:
    old, new = read(old_path), read(new_path)
    by_old = {p.index: p.text for p in old.paragraphs}
    by_new = {p.index: p.text for p in new.paragraphs}
    for p in doc["paragraphs"]:
        assert KEYS <= set(p)
        before = "".join(c["text"] for c in p["changes"] if c["op"] in ("equal", "delete"))
        after = "".join(c["text"] for c in p["changes"] if c["op"] in ("equal", "insert"))
        assert before == (by_old[p["from_index"]] if p["from_index"] is not None else "")
        assert after == (by_new[p["to_index"]] if p["to_index"] is not None else "")
    # every paragraph of both texts is accounted for
    assert {p["to_index"] for p in doc["paragraphs"]} - {None} == set(by_new)
    assert {p["from_index"] for p in doc["paragraphs"]} - {None} == set(by_old)


def test_diff_of_two_files_needs_no_store(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("UNKG_STORE", str(tmp_path / "never-made"))
    code, out, err = _diff(capsys, str(FIXTURES / "old.txt"), str(FIXTURES / "new.txt"), "--json")
    assert code == 0, err
    doc = json.loads(out)
    assert (doc["from"], doc["to"]) == ("A/RES/75/9001", "A/RES/77/9001")
    assert doc["summary"] == {"unchanged": 3, "revised": 5, "moved": 1, "new": 1, "dropped": 1}
    assert sum(doc["summary"].values()) == len(doc["paragraphs"])
    _check_rebuild(doc, FIXTURES / "old.txt", FIXTURES / "new.txt")
    dropped = [p for p in doc["paragraphs"] if p["status"] == "dropped"]
    assert dropped[0]["to_index"] is None and dropped[0]["from_index"] == 3
    assert not (tmp_path / "never-made").exists()


def test_diff_text_is_a_redline(capsys):
    code, out, _ = _diff(capsys, str(FIXTURES / "old.txt"), str(FIXTURES / "new.txt"))
    assert code == 0
    assert "[-Encourages-]{+Urges+}" in out and "\x1b[" not in out  # no colour when not a terminal


@pytest.mark.parametrize("args,words", [
    (["no-such-file.txt", "also-missing.txt"], "no-such-file.txt: no such file, and not a UN document symbol"),
    (["{old}"], "the following arguments are required: NEW"),
])
def test_bad_input_is_one_line(capsys, args, words):
    args = [a.format(old=FIXTURES / "old.txt") for a in args]
    code, out, err = _diff(capsys, *args)
    assert code in (1, 2) and out == ""
    assert words in err and len(err.strip().splitlines()) == 1


def test_binary_file_is_one_line(capsys, tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 truncated")
    code, _, err = _diff(capsys, str(bad), str(FIXTURES / "new.txt"))
    assert code == 1 and str(bad) in err and len(err.strip().splitlines()) == 1


@pytest.mark.corpus
def test_diff_78_216_against_76_174(capsys, corpus):
    old = next((corpus / "akn/ga/76/en").glob("A_RES_76_174-*.xml"))
    new = next((corpus / "akn/ga/78/en").glob("A_RES_78_216-*.xml"))
    code, out, err = _diff(capsys, str(old), str(new), "--json")
    assert code == 0, err
    doc = json.loads(out)
    _check_rebuild(doc, old, new)
    # README.md quotes these (and benchmarks/gold/lineage/align_A_RES_78_216.yaml holds them, read by hand)
    assert doc["summary"] == {"unchanged": 37, "revised": 12, "moved": 1, "new": 15, "dropped": 7}
    op14 = next(p for p in doc["provisions"] if (p["from_number"], p["to_number"]) == ("11", "14") and p["verb_to"])
    assert (op14["verb_text_from"], op14["verb_text_to"], op14["strength_change"]) == (
        "Continues to express particular concern", "Condemns", "strengthened")
    covid = [p for p in doc["paragraphs"] if p["status"] == "dropped" and "COVID-19" in "".join(c["text"] for c in p["changes"])]
    assert len(covid) >= 3
