"""unkg: a knowledge graph of United Nations resolutions, mandates and obligations.

This package holds the pieces that ingest/ and webapp/ share: identifiers (iris), configuration,
errors, and access to the store.
"""
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("unkg")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0.0.0+checkout"
