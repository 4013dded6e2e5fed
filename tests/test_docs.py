"""The README documents what a user can type: every command and every option of the command line."""
from __future__ import annotations

import argparse
import re

from conftest import ROOT

from unkg.cli import build_parser


def _commands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


def test_every_command_and_option_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    usage = {m.group(1): m.group(0) for m in re.finditer(r"^unkg (\w+)\b.*$", readme, re.M)}
    missing = []
    for name, parser in _commands().items():
        if name not in usage:
            missing.append(f"unkg {name}")
            continue
        lines = "\n".join(line for line in readme.splitlines() if line.startswith(f"unkg {name}"))
        for action in parser._actions:
            longest = max(action.option_strings, key=len, default=None)
            if longest and longest != "--help" and longest not in lines:
                missing.append(f"unkg {name} {longest}")
    assert missing == [], f"not documented in README.md: {missing}"


def test_readme_gives_the_two_commands_ci_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "unkg ingest --sample" in readme and "unkg serve" in readme
    for step in ("pip install -q '.[test,docs]'", "python -m unkg.webapp.assets", "ruff check .", "pytest -ra"):
        assert step.replace(" -q", "") in readme and step in ci
    # the checkout imports like an install (tests/test_layout.py): no `python -P` to step around it
    assert "python -P" not in readme and "python -P" not in ci


def test_every_environment_variable_is_read_in_config_and_documented() -> None:
    """unkg/config.py reads every `UNKG_*` variable; README.md names each one the code or the benchmarks use."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    used: set[str] = set()
    read_elsewhere = []
    for folder in ("unkg", "ingest", "ontology", "shapes", "webapp", "benchmarks"):
        for path in (ROOT / folder).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            used |= set(re.findall(r"\bUNKG_[A-Z_]+[A-Z]\b", text))
            if path != ROOT / "unkg" / "config.py" and folder != "benchmarks" and re.search(
                    r"(environ(\.get)?[\[(]|getenv\()\s*[\"']UNKG_", text):
                read_elsewhere.append(str(path.relative_to(ROOT)))
    assert {"UNKG_STORE", "UNKG_BASE_IRI", "UNKG_DEBUG"} <= used  # the scan sees the code
    assert not read_elsewhere, f"read UNKG_* through unkg.config instead: {read_elsewhere}"
    missing = sorted(v for v in used if v not in readme)
    assert not missing, f"UNKG_* variables missing from README.md: {missing}"


def test_readme_is_short() -> None:
    """README.md is what a newcomer reads in two minutes; detail goes to docs/."""
    assert len((ROOT / "README.md").read_text(encoding="utf-8").splitlines()) < 120
