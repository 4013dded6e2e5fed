"""Golden files: `unkg parse FILE --json` of a few fixtures, compared exactly with tests/golden/*.json, so that
any change in what the readers and extraction produce is a diff someone reviews.

After a change that is meant to alter the output, regenerate them and review the diff:

    python tests/test_golden.py          # rewrites tests/golden/*.json
    git diff tests/golden/
"""
from __future__ import annotations

import contextlib
import io
import os
import sys
from importlib.resources import files
from pathlib import Path

import pytest

from unkg.cli import main

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden"
FIXTURES = HERE / "fixtures"
# golden file name -> the parsed file: text, AKN and HTML readers, parts and sections, list quirks
CASES = {
    "A_RES_78_216.en.txt": Path(str(files("unkg.ingest.sample") / "A_RES_78_216.en.txt")),
    "small_resolution.en.txt": FIXTURES / "readers" / "small_resolution.en.txt",
    "parts_and_sections.en.txt": FIXTURES / "readers" / "parts_and_sections.en.txt",
    "small_resolution.akn.xml": FIXTURES / "readers" / "small_resolution.akn.xml",
    "list_quirks.akn.xml": FIXTURES / "readers" / "list_quirks.akn.xml",
    "two_parts.akn.xml": FIXTURES / "readers" / "two_parts.akn.xml",
    "A_RES_78_216_excerpt.html": FIXTURES / "html" / "A_RES_78_216_excerpt.html",
}


def parse_json(path: Path) -> str:
    """What `unkg parse PATH --json` prints, run from the file's folder so that the source path is its name."""
    out = io.StringIO()
    cwd = Path.cwd()
    os.chdir(path.parent)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            code = main(["parse", path.name, "--json"])
    finally:
        os.chdir(cwd)
    assert code == 0, f"unkg parse {path} exited {code}"
    return out.getvalue()


@pytest.mark.parametrize("name", sorted(CASES))
def test_parse_json_matches_its_golden_file(name: str) -> None:
    want = (GOLDEN / f"{name}.json").read_text(encoding="utf-8")
    got = parse_json(CASES[name])
    assert got == want, f"`unkg parse {name} --json` changed; if meant, regenerate: python tests/test_golden.py"


def regenerate() -> None:
    GOLDEN.mkdir(exist_ok=True)
    for name, path in sorted(CASES.items()):
        (GOLDEN / f"{name}.json").write_text(parse_json(path), encoding="utf-8")
        print(f"wrote tests/golden/{name}.json", file=sys.stderr)


if __name__ == "__main__":
    regenerate()
