"""An input file's bytes and provenance: read once, in one way, by every reader."""
from __future__ import annotations

import hashlib
from pathlib import Path

from unkg.errors import InputError
from unkg.ingest.model import Source


def load(path: Path) -> bytes:
    """The file's bytes; InputError naming the file when it cannot be read."""
    if path.is_dir():
        raise InputError(path, "is a folder, not a file")
    try:
        return path.read_bytes()
    except OSError as e:
        raise InputError(path, f"cannot read the file: {e.strerror or e}") from None


def source_of(path: Path, data: bytes, fmt: str) -> Source:
    """Provenance recorded in the graph: path, SHA-256 of the bytes read, format."""
    return Source(str(path), hashlib.sha256(data).hexdigest(), fmt)
