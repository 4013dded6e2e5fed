"""unkg: a knowledge graph of United Nations resolutions, mandates and obligations.

This package holds the pieces that ingest/ and webapp/ share: identifiers (iris), configuration,
errors, and access to the store. Its sub-packages ingest, ontology, shapes and webapp are the design card's
top-level folders of the repository, installed as ``unkg.ingest`` ... (pyproject.toml's ``package-dir``).
"""
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

# In a checkout, this folder sits beside ingest/, ontology/, shapes/ and webapp/ instead of holding them, and
# from the repository root it shadows whatever copy is installed. Adding the repository root to the package's
# search path makes ``unkg.ingest`` (and the rest) the checkout's folders, so the checkout imports the same
# way as an editable or a regular install. An installed copy holds its sub-packages and is left alone.
_ROOT = Path(__file__).resolve().parent.parent
if not (Path(__file__).resolve().parent / "ingest").is_dir() and (_ROOT / "pyproject.toml").is_file() \
        and all((_ROOT / name / "__init__.py").is_file() for name in ("ingest", "ontology", "shapes", "webapp")):
    __path__.append(str(_ROOT))

try:
    __version__ = version("unkg")
except PackageNotFoundError:  # a checkout that was never installed
    __version__ = "0.0.0+checkout"
