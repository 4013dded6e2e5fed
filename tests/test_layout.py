"""The package layout: every module imports from the checkout (the repository root, with or without an install)
and from an installed wheel (another folder), with its package data; one import style throughout."""
from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PACKAGE_DIRS = PYPROJECT["tool"]["setuptools"]["package-dir"]  # unkg.ingest -> ingest, ...
PACKAGES = PYPROJECT["tool"]["setuptools"]["packages"]


def modules() -> list[str]:
    """Every module of the distribution, named as installed (unkg.ingest.readers.akn ...)."""
    names = []
    for package, folder in PACKAGE_DIRS.items():
        for path in sorted((ROOT / folder).rglob("*.py")):
            parts = path.relative_to(ROOT / folder).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            dotted = ".".join((package, *parts))
            # a sub-folder of unkg/ that is mapped elsewhere would be listed twice; none is
            names.append(dotted)
    return sorted(set(names))


# Imports every module and prints where each package came from; run in a child process so that nothing this
# test process imported already counts.
IMPORT_ALL = """
import importlib, json, sys
if {hide_install}:
    # an editable install finds unkg.* through its own finder; without it, only the checkout can answer
    sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in type(f).__module__.lower()
                        and "editable" not in getattr(f, "__name__", "").lower()]
files = {{}}
for name in {modules!r}:
    module = importlib.import_module(name)
    files[name] = module.__file__
from importlib.resources import files as data
files["vocab data"] = str(data("unkg.ontology.vocab") / "verbs.ttl")
files["shapes data"] = str(data("unkg.shapes") / "provisions.ttl")
files["template data"] = str(data("unkg.webapp") / "templates")
print(json.dumps(files))
"""


def import_all(python: str, cwd: Path, hide_install: bool = False) -> dict[str, str]:
    code = IMPORT_ALL.format(modules=modules(), hide_install=hide_install)
    p = subprocess.run([python, "-c", code], capture_output=True, text=True, cwd=cwd, timeout=600,
                       env={"PATH": "/usr/bin:/bin", "PYTHONPATH": ""})
    assert p.returncode == 0, p.stderr[-3000:]
    return json.loads(p.stdout)


def test_the_package_list_is_complete():
    """pyproject.toml names every folder that holds a module, so none is left out of a wheel."""
    for name in modules():
        package = name if any(name == p for p in PACKAGES) else name.rpartition(".")[0]
        assert package in PACKAGES, f"{name}: its package {package} is missing from pyproject.toml"


def test_every_module_imports_from_the_repository_root():
    """From the repository root the checkout's unkg/ comes first on sys.path; it finds its sibling folders
    (ingest/, ontology/, shapes/, webapp/) even with no install to map them."""
    files = import_all(sys.executable, ROOT, hide_install=True)
    assert Path(files["unkg.ingest"]) == ROOT / "ingest" / "__init__.py"
    assert Path(files["unkg.webapp.pages"]) == ROOT / "webapp" / "pages.py"
    assert Path(files["unkg.cli"]) == ROOT / "unkg" / "cli.py"
    for key in ("vocab data", "shapes data", "template data"):
        assert Path(files[key]).exists() and Path(files[key]).is_relative_to(ROOT), files[key]


def test_the_assets_command_runs_without_a_warning(tmp_path):
    """`python -m unkg.webapp.assets` (the README's first command) runs its own module, not one the web app's
    package already imported (runpy warns about that); with the editor in place it fetches nothing."""
    from unkg.webapp import assets

    for name in assets.FILES:
        (tmp_path / f"yasgui-{assets.VERSION}").mkdir(exist_ok=True)
        (tmp_path / f"yasgui-{assets.VERSION}" / name).write_text("/* */")
    p = subprocess.run([sys.executable, "-W", "error", "-m", "unkg.webapp.assets"], capture_output=True, text=True,
                       cwd=ROOT, timeout=120, env={**os.environ, "UNKG_ASSETS": str(tmp_path)})
    assert (p.returncode, p.stderr) == (0, ""), p.stderr
    assert str(tmp_path) in p.stdout


def test_one_import_style():
    """Absolute `unkg.` imports only: a relative import would read differently from a folder mapped elsewhere."""
    offenders = []
    for folder in PACKAGE_DIRS.values():
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ImportFrom) and node.level:
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not offenders, offenders


def test_imports_at_the_top_unless_a_comment_says_why():
    """An import inside a function is a choice (load time, an optional library, an import cycle): a comment on
    its line or just above its block of imports says which."""
    unexplained = []
    for folder in PACKAGE_DIRS.values():
        for path in (ROOT / folder).rglob("*.py"):
            lines = path.read_text(encoding="utf-8").splitlines()
            for func in ast.walk(ast.parse("\n".join(lines))):
                if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    continue
                for node in ast.walk(func):
                    if not isinstance(node, (ast.Import, ast.ImportFrom)) or "#" in lines[node.lineno - 1]:
                        continue
                    above = node.lineno - 2
                    while above >= 0 and lines[above].strip().startswith(("import ", "from ")):
                        above -= 1
                    if above < 0 or not lines[above].strip().startswith("#"):
                        unexplained.append(f"{path.relative_to(ROOT)}:{node.lineno}: {lines[node.lineno - 1].strip()}")
    assert not unexplained, unexplained


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh virtual environment with the wheel built from this checkout (not editable)."""
    tmp = tmp_path_factory.mktemp("wheel")
    wheels = tmp / "wheels"
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w",
                            str(wheels), str(ROOT)], capture_output=True, text=True, timeout=600)
    assert build.returncode == 0, build.stderr[-2000:]
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    pip = subprocess.run([str(venv / "bin" / "pip"), "install", "-q", *map(str, wheels.glob("unkg-*.whl"))],
                         capture_output=True, text=True, timeout=1500)
    assert pip.returncode == 0, pip.stderr[-2000:]
    return venv


@pytest.mark.slow
def test_every_module_imports_from_an_installed_wheel(installed, tmp_path):
    """From another folder, the wheel's own files and package data; from the repository root (README's
    `pip install .` then `python -m unkg.webapp.assets`), the checkout's, complete."""
    python = str(installed / "bin" / "python")
    files = import_all(python, tmp_path)
    for name, file in files.items():
        assert Path(file).is_relative_to(installed), (name, file)
        assert Path(file).exists(), (name, file)
    files = import_all(python, ROOT)
    assert Path(files["unkg.ingest.readers.akn"]) == ROOT / "ingest" / "readers" / "akn.py"


@pytest.mark.slow
def test_the_installed_command_line_from_another_folder(installed, tmp_path, sample_text):
    """`pip install .` then parse / ingest / validate from another folder, with the installed package data."""
    sample = tmp_path / "sample.txt"
    shutil.copy(sample_text, sample)
    env = {**os.environ, "UNKG_STORE": str(tmp_path / "store"), "PYTHONPATH": ""}

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(installed / "bin" / "unkg"), *args], capture_output=True, text=True, cwd=tmp_path,
                              env=env, timeout=600)

    parsed = run("parse", "sample.txt", "--json")
    assert parsed.returncode == 0, parsed.stderr
    assert json.loads(parsed.stdout)["symbol"] == "A/RES/78/216"
    ingested = run("ingest", "sample.txt")
    assert ingested.returncode == 0, ingested.stderr
    validated = run("validate")
    # the resolution's graph and its lineage graph (docs/lineage.md)
    assert validated.returncode == 0 and "2 conform" in validated.stderr, validated.stderr


def test_no_function_in_ingest_is_longer_than_60_lines():
    """The readers and extraction stay made of small named steps (ruff's C901 bounds their complexity)."""
    long = []
    for path in (ROOT / "ingest").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno >= 60:
                long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}")
    assert not long, long
