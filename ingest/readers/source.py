"""An input file's bytes and provenance: read once, in one way, by every reader; and the checks every input
passes whatever its format, so that no reader has to defend itself against what is not a document:

- only a regular file is read (a FIFO, a device such as /dev/zero or a socket is refused before opening it),
  and no more than `config.max_input_bytes()` of it;
- a zip package (DOCX) is refused when its members would unpack to more than that, judged from the sizes
  the package declares before anything is unpacked (Python's zipfile never unpacks past a declared size);
- bytes that are not UTF-8 are named for what they look like (UTF-16, Latin-1, Windows-1252);
- the values a reader found that become IRIs or language tags are checked (`check_values`): a language
  that is not a language code is an error, a keyword that is not an absolute IRI is dropped with a warning.
"""
from __future__ import annotations

import hashlib
import io
import os
import re
import stat
import zipfile
from pathlib import Path

from unkg import iris
from unkg.config import max_input_bytes
from unkg.errors import InputError
from unkg.ingest.model import Resolution, Source
from unkg.iris import is_absolute_iri, is_language_tag


def load(path: Path) -> bytes:
    """The file's bytes; InputError naming the file when it cannot be read, is not a regular file or is larger
    than the input cap."""
    try:
        st = os.stat(path)
    except OSError as e:
        raise InputError(path, f"cannot read the file: {e.strerror or e}") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(path, "is a folder, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(path, f"is not a regular file ({_kind(st.st_mode)}): only files are read")
    cap = max_input_bytes()
    if st.st_size > cap:
        raise InputError(path, f"the file is larger ({_size(st.st_size)}) than the input limit ({_size(cap)}, "
                               "UNKG_MAX_INPUT_MB)")
    try:
        # O_NONBLOCK: were the file swapped for a FIFO since the stat, opening it must not wait for a writer
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as f:
            if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
                raise InputError(path, "is not a regular file: only files are read")
            data = f.read(cap + 1)  # a file that grows while read still stops at the cap
    except OSError as e:
        raise InputError(path, f"cannot read the file: {e.strerror or e}") from None
    if len(data) > cap:
        raise InputError(path, f"the file is larger than the input limit ({_size(cap)}, UNKG_MAX_INPUT_MB)")
    return data


def check_package(path: Path, data: bytes) -> None:
    """Refuse a zip package whose members would unpack to more than the input cap (a zip bomb), before any
    member is read."""
    cap = max_input_bytes()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            total = 0
            for info in z.infolist():
                total += info.file_size
                if total > cap:
                    raise InputError(path, f"the zip package unpacks to more than the input limit ({_size(cap)}, "
                                           f"UNKG_MAX_INPUT_MB): {info.filename} alone is {_size(info.file_size)}")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as e:
        raise InputError(path, f"not a readable zip package ({_short(e)})") from None


def source_of(path: Path, data: bytes, fmt: str) -> Source:
    """Provenance recorded in the graph: path, SHA-256 of the bytes read, format."""
    return Source(str(path), hashlib.sha256(data).hexdigest(), fmt)


# -- what bytes that are not UTF-8 look like ------------------------------------------------------------
_BOMS = ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"),
         (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"))
# C0 controls that never occur in text (tab, newlines, form feed and escape aside)
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
# Windows-1252 prints quotes, dashes and the euro in 0x80-0x9F, where Latin-1 has only controls
_CP1252_ONLY = re.compile(rb"[\x80\x82-\x8c\x8e\x91-\x9c\x9e\x9f]")


def looks_like(data: bytes) -> str | None:
    """The text encoding bytes that are not UTF-8 seem to be in ('UTF-16', 'Windows-1252 (CP1252)',
    'Latin-1 (ISO-8859-1)'), or None when they do not look like text at all."""
    head = data[:65536]
    for bom, name in _BOMS:
        if head.startswith(bom):
            return f"{name}, with a byte-order mark"
    if len(head) >= 4:
        even, odd = head[0::2], head[1::2]
        # ASCII text in UTF-16 without a byte-order mark: every other byte is zero
        if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
            return "UTF-16 big-endian, without a byte-order mark"
        if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
            return "UTF-16 little-endian, without a byte-order mark"
    if len(_CONTROL.findall(head)) > 0.001 * len(head) + 1:
        return None
    high = sum(1 for b in head if b >= 0x80)
    if high > 0.3 * len(head):
        return None  # mostly non-ASCII bytes: not a Western European 8-bit text
    if _CP1252_ONLY.search(head):
        return "Windows-1252 (CP1252)"
    return "Latin-1 (ISO-8859-1)"


def not_utf8(data: bytes) -> str | None:
    """The problem to report for bytes that are text but not UTF-8 (None when they are UTF-8 or not text)."""
    try:
        data.decode("utf-8")
        utf8 = True  # (ASCII in UTF-16 is valid UTF-8 too, with a NUL in every other byte)
    except UnicodeDecodeError:
        utf8 = False
    enc = looks_like(data)
    if enc is None or utf8 and not enc.startswith("UTF-"):
        return None
    return (f"not UTF-8 (looks like {enc}): save it as UTF-8 (e.g. iconv -f {_iconv(enc)} -t UTF-8) and read "
            "it again")


def _iconv(enc: str) -> str:
    return {"UTF-16": "UTF-16", "UTF-32": "UTF-32", "Windows-1252": "CP1252", "Latin-1": "LATIN1"}[
        re.match(r"[\w-]+", enc).group(0)]  # type: ignore[union-attr]


# -- values that become IRIs and language tags ----------------------------------------------------------
def check_values(res: Resolution, path: Path) -> Resolution:
    """Check what a reader found that becomes an IRI or a language tag in the graph.

    The language names the expression's IRI and tags every text: one that is not a language code is an
    InputError. Keywords (subject and SDG goal IRIs) are optional metadata: one that is not an absolute IRI
    is dropped, with a warning naming it."""
    if res.language and not is_language_tag(res.language):
        raise InputError(path, f"the language {res.language[:40]!r} is not a language code")
    for p in res.paragraphs:
        # paragraph and sub-paragraph IRIs are built from printed labels; a label that cannot be part of an
        # IRI (a space, a quote) would have the store refuse the whole graph
        iri = iris.paragraph(res.symbol, "operative", p.number or "1", p.part)
        if not is_absolute_iri(iri):
            bad_part = p.part and not is_absolute_iri(iris.paragraph(res.symbol, "operative", "1", p.part))
            what = f"part {_short(p.part)!r}" if bad_part else f"paragraph {_short(p.number)!r}"
            raise InputError(path, f"the label of {what} cannot be part of an IRI")
        _check_subs(path, res.language, p.number or str(p.ordinal), iri, p.subparagraphs, ())
    kept = []
    for kw in res.keywords:
        if is_absolute_iri(kw):
            kept.append(kw)
        else:
            res.warnings.append(f"keyword {_short(kw)!r} dropped: not an absolute IRI")
    res.keywords = kept
    return res


def _check_subs(path: Path, language: str, top_number: str, top: str, subs: list, above: tuple[str, ...]) -> None:
    for s in subs:
        labels = (*above, s.number)
        if not is_absolute_iri(iris.subparagraph(top, *labels, language=language)):
            raise InputError(path, f"sub-paragraph ({_short(s.number)}) of paragraph {_short(top_number)} has a "
                                   "label that cannot be part of an IRI")
        _check_subs(path, language, top_number, top, s.subparagraphs, labels)


# -- helpers --------------------------------------------------------------------------------------------
def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "not a file"


def _size(n: int) -> str:
    return f"{n / (1 << 20):.1f} MB" if n >= 1 << 20 else f"{n} bytes"


def _short(value: object, limit: int = 80) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
