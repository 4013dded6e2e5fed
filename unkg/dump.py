"""`unkg export --dump DIR`: a versioned dump of the whole store, ready to deposit.

What DIR receives (VERSION is the day of the dump, YYYY-MM-DD, unless given):
    unkg-VERSION.nq.gz            every named graph of the store as N-Quads, gzip-compressed
    unkg-ontology-X.Y.Z.ttl       the ontology (its owl:versionInfo in the name), as shipped
    unkg-vocab-NAME.ttl           each SKOS vocabulary, as shipped
    void.ttl                      VoID + DCAT: the dataset (unkg.describe) and one distribution per file
                                  above, with its size, media type and SHA-256 (spdx:checksum)
    SHA256SUMS                    `sha256sum -c` format, for every file above including void.ttl

The N-Quads are written graph by graph (sorted by name) straight into the gzip stream, so memory holds one
graph at a time, never the store; the gzip header carries no time stamp, so dumping the same store twice gives
the same bytes and checksums. Every file is written under a temporary name and renamed when complete: a failed
dump leaves no half-written file under a final name. The description uses IRIs relative to void.ttl, so it
stays true wherever the folder is deposited.
"""
from __future__ import annotations

import datetime as _dt
import gzip
import hashlib
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import rdflib
from rdflib.namespace import DCAT, DCTERMS, RDF, VOID, XSD

from unkg import ontology
from unkg.describe import dataset_graph
from unkg.errors import UnkgError

SPDX = rdflib.Namespace("http://spdx.org/rdf/terms#")
DCAT_VERSION = rdflib.URIRef("http://www.w3.org/ns/dcat#version")  # DCAT 3; rdflib's DCAT namespace is DCAT 2
NQUADS_FORMAT = rdflib.URIRef("http://www.w3.org/ns/formats/N-Quads")
MEDIA = "https://www.iana.org/assignments/media-types/"
_VERSION = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
# A placeholder base for serialising IRIs relative to the description file; its @base line is dropped.
_HERE = "https://dump.invalid/"


@dataclass
class DumpFile:
    path: Path
    title: str
    media_type: str
    compress: str | None = None
    sha256: str = ""
    size: int = 0


@dataclass
class Dump:
    directory: Path
    version: str
    quads: int = 0
    graphs: int = 0
    files: list[DumpFile] = field(default_factory=list)


def write_dump(store: Any, directory: str | os.PathLike[str], *, version: str | None = None,
               today: _dt.date | None = None) -> Dump:
    """Write the dump of `store` into `directory` (created if missing); returns what was written."""
    version = version or (today or _dt.datetime.now(_dt.timezone.utc).date()).isoformat()
    if not _VERSION.match(version):
        raise UnkgError(f"{version!r}: not a usable dump version (letters, digits, '.', '_', '-')")
    out = Path(directory)
    if out.exists() and not out.is_dir():
        raise UnkgError(f"{out}: not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise UnkgError(f"{out}: cannot create the dump folder: {e.strerror or e}") from None
    dump = Dump(out, version)

    data = DumpFile(out / f"unkg-{version}.nq.gz", f"unkg {version}: every named graph of the store (N-Quads)",
                    MEDIA + "application/n-quads", MEDIA + "application/gzip")
    dump.quads, dump.graphs = _write_nquads(store, data.path)
    dump.files.append(data)

    onto_version = ontology.ontology_graph().value(rdflib.URIRef(ontology.ONTOLOGY_IRI), rdflib.OWL.versionInfo)
    copies = [(ontology.ontology_path(), f"unkg-ontology-{onto_version or version}.ttl", "the unkg ontology (OWL 2)")]
    copies += [(p, f"unkg-vocab-{p.stem}.ttl", f"the unkg vocabulary of {p.stem} (SKOS)") for p in ontology.vocab_paths()]
    for src, name, title in copies:
        f = DumpFile(out / name, title, MEDIA + "text/turtle")
        _atomic_copy(src, f.path)
        dump.files.append(f)
    for f in dump.files:
        f.sha256, f.size = _sha256(f.path), f.path.stat().st_size

    description = DumpFile(out / "void.ttl", "VoID and DCAT description of this dump", MEDIA + "text/turtle")
    _atomic_write(description.path, describe(store, dump))
    description.sha256, description.size = _sha256(description.path), description.path.stat().st_size
    dump.files.append(description)

    sums = "".join(f"{f.sha256}  {f.path.name}\n" for f in dump.files)
    _atomic_write(out / "SHA256SUMS", sums.encode("utf-8"))
    return dump


def describe(store: Any, dump: Dump) -> bytes:
    """The dataset's VoID/DCAT description (unkg.describe, shared with the web app's /.well-known/void) with
    one dcat:Distribution per file of the dump, as Turtle with IRIs relative to the description itself."""
    g = dataset_graph(store)
    datasets = list(g.subjects(RDF.type, DCAT.Dataset))
    if len(datasets) != 1:
        raise UnkgError(f"the dataset description names {len(datasets)} datasets, not one")
    d = datasets[0]
    g.bind("spdx", SPDX)
    g.add((d, DCAT_VERSION, rdflib.Literal(dump.version)))
    g.add((d, VOID.feature, NQUADS_FORMAT))
    g.add((d, VOID.dataDump, rdflib.URIRef(_HERE + dump.files[0].path.name)))
    for f in dump.files:
        dist = rdflib.URIRef(_HERE + f.path.name)
        g.add((d, DCAT.distribution, dist))
        g.add((dist, RDF.type, DCAT.Distribution))
        g.add((dist, DCTERMS.title, rdflib.Literal(f.title, lang="en")))
        g.add((dist, DCAT.downloadURL, dist))
        g.add((dist, DCAT.accessURL, dist))
        g.add((dist, DCAT.mediaType, rdflib.URIRef(f.media_type)))
        if f.compress:
            g.add((dist, DCAT.compressFormat, rdflib.URIRef(f.compress)))
        g.add((dist, DCAT.byteSize, rdflib.Literal(f.size, datatype=XSD.nonNegativeInteger)))
        checksum = rdflib.URIRef(f"{_HERE}{f.path.name}#sha256")
        g.add((dist, SPDX.checksum, checksum))
        g.add((checksum, RDF.type, SPDX.Checksum))
        g.add((checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256))
        g.add((checksum, SPDX.checksumValue, rdflib.Literal(f.sha256, datatype=XSD.hexBinary)))
    text = g.serialize(format="turtle", base=_HERE)
    # Drop the placeholder's @base: the IRIs stay relative and resolve against wherever void.ttl is read from.
    text = re.sub(r"^@base <[^>]*> \.\n", "", text, flags=re.M).replace(f"<{_HERE}", "<")
    return text.encode("utf-8")


def _write_nquads(store: Any, path: Path) -> tuple[int, int]:
    tmp = path.with_name(path.name + ".part")
    quads = 0
    names = sorted(store.graphs())
    try:
        with open(tmp, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
            for name in names:
                for line in _as_quads(store.graph_ntriples(name), name):
                    gz.write(line)
                    quads += 1
        os.replace(tmp, path)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise UnkgError(f"{path}: cannot write: {e.strerror or e}") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return quads, len(names)


def _as_quads(ntriples: str, graph: str) -> Iterator[bytes]:
    """N-Triples lines ("S P O .") of one graph as N-Quads lines ("S P O <graph> .")."""
    suffix = f" <{graph}> .\n"
    for line in ntriples.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if not line.endswith("."):
            raise UnkgError(f"{graph}: the store gave an N-Triples line without its final '.': {line[:80]!r}")
        yield (line[:-1].rstrip() + suffix).encode("utf-8")


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".part")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise UnkgError(f"{path}: cannot write: {e.strerror or e}") from None


def _atomic_copy(src: Path, path: Path) -> None:
    tmp = path.with_name(path.name + ".part")
    try:
        shutil.copyfile(src, tmp)
        os.replace(tmp, path)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise UnkgError(f"{path}: cannot write: {e.strerror or e}") from None
