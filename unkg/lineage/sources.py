"""Where `unkg diff` and `unkg lineage` get a resolution: a file (any format unkg reads; no store) or a
symbol in the store (its English text, or the first language stored, rebuilt from the graph)."""
from __future__ import annotations

from pathlib import Path

from unkg import iris
from unkg.errors import InputError, UnkgError
from unkg.ingest.model import Resolution
from unkg.lineage.stored import load
from unkg.store import open_store


def resolution(arg: str, store_location: str | None) -> Resolution:
    """A file path if one exists there, else a UN symbol looked up in the store."""
    path = Path(arg)
    if path.exists():
        # here: a resolution from the store needs neither a reader nor the vocabularies of extraction
        from unkg.ingest.extract import extract
        from unkg.ingest.readers import read

        res = read(path)
        return extract(res) or res
    try:
        iris.Symbol.parse(arg)
    except ValueError:
        raise InputError(arg, "no such file, and not a UN document symbol") from None
    store = open_store(store_location, read_only=True)
    try:
        res = load(store, arg)
    finally:
        store.close()
    if res is None:
        raise UnkgError(f"{arg}: not in the store {store_location or '(default)'}")
    return res
