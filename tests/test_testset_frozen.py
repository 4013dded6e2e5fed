"""The extraction test set stays frozen, and the coverage benchmark's decisions match the phrases they name."""
from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import yaml

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"


def _module(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_the_committed_test_set_is_the_frozen_one() -> None:
    extraction = _module("extraction")
    assert extraction.frozen_test_problem() is None
    assert len(extraction.TEST_SHA256) >= 12


def test_a_changed_added_or_missing_file_is_refused(tmp_path: Path) -> None:
    extraction = _module("extraction")
    folder = tmp_path / "test"
    shutil.copytree(extraction.TEST, folder)
    assert extraction.frozen_test_problem(folder) is None
    first = sorted(folder.glob("*.yaml"))[0]
    text = first.read_text(encoding="utf-8")
    first.write_text(text.replace("paragraphs:", "paragraphs: # re-read", 1), encoding="utf-8")
    assert "changed since the test set was frozen" in extraction.frozen_test_problem(folder)
    first.write_text(text, encoding="utf-8")
    (folder / "A_RES_79_1.yaml").write_text("symbol: A/RES/79/1\n", encoding="utf-8")
    assert "not part of the frozen test set" in extraction.frozen_test_problem(folder)
    (folder / "A_RES_79_1.yaml").unlink()
    first.unlink()
    assert "missing" in extraction.frozen_test_problem(folder)


def test_test_set_files_name_their_corpus_file_and_paragraphs() -> None:
    total = 0
    for f in sorted((BENCH / "gold" / "test").glob("*.yaml")):
        g = yaml.safe_load(f.read_text(encoding="utf-8"))
        assert g["symbol"] and g["source"].startswith("akn/")
        total += len(g["paragraphs"])
        for par in g["paragraphs"]:
            assert par["p"], f"{f.name} op {par['n']} has no provision"
            assert all("v" in p and "vt" in p for p in par["p"])
    assert total >= 200


def test_coverage_decisions_match_exact_phrases_and_patterns() -> None:
    coverage = _module("coverage")
    d = coverage.Decided(["human rights", "right of the people of *", "*staff*"])
    assert "human rights" in d
    assert "right of the people of guam" in d
    assert "estimated staff" in d
    assert "right to health" not in d
    assert coverage.norm("The  Right of the People of Guam,") == "right of the people of guam"
    decisions = yaml.safe_load((BENCH / "coverage_decisions.yaml").read_text(encoding="utf-8"))
    for kind in ("not_actor", "not_right", "not_group"):
        assert decisions[kind], kind
        for phrase in decisions[kind]:
            assert phrase == phrase.lower(), f"{kind}: {phrase!r} is not lower case"
