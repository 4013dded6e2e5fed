"""Shared fixtures. Each test area adds its own fixtures in its own test module; keep this file small."""
from __future__ import annotations

from pathlib import Path

import pytest

from unkg.config import corpus_dir

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The shared corpus of real UN documents; tests that need it skip, saying why, when it is absent."""
    path = corpus_dir()
    if path is None:
        pytest.skip("the corpus of real UN documents is absent: expected ../shared/corpus or $UNKG_CORPUS")
    return path


@pytest.fixture(scope="session")
def sample_text() -> Path:
    """A/RES/78/216 as text converted from the PDF: the bundled sample (package data)."""
    from importlib.resources import files

    return Path(str(files("unkg.ingest.sample") / "A_RES_78_216.en.txt"))


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture()
def store_dir(tmp_path: Path) -> Path:
    """A fresh folder for an embedded store."""
    return tmp_path / "store"
