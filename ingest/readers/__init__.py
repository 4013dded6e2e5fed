"""Readers: one module per format, each `read(path) -> Resolution`; `read(path)` picks one from the content.

The format is recognised from the bytes, never from the file name (UN file names vary and lie):

    first bytes / content                         format   module
    XML whose root element is <akomaNtoso>        akn      readers.akn
    %PDF-                                         pdf      readers.pdf
    a zip holding word/document.xml               docx     readers.docx
    <!DOCTYPE html ...> or <html                  html     readers.html
    anything else that decodes as UTF-8 text      text     readers.text

The pdf, docx and html modules are imported only when needed (their libraries are heavy).
"""
from __future__ import annotations

import importlib
import io
import re
import zipfile
from pathlib import Path

from lxml import etree

from unkg.errors import InputError
from unkg.ingest.model import Resolution
from unkg.ingest.readers.source import check_package, check_values, load, not_utf8

FORMATS = ("akn", "text", "pdf", "docx", "html")
_XML_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)[\s>/]")
_XML_HEAD = 1 << 16
_HTML = re.compile(rb"^\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>])", re.I | re.S)


def sniff(data: bytes) -> str:
    """The format of a document's bytes: 'akn', 'pdf', 'docx', 'html', 'text', 'xml' (XML that is not AKN),
    'empty' or 'binary' (neither a known format nor UTF-8 text)."""
    head = data[:4096]
    if not data.strip():
        return "empty"
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                return "docx" if "word/document.xml" in z.namelist() else "binary"
        except Exception:  # zipfile raises more than BadZipFile on a damaged directory: all not a package
            return "binary"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if _HTML.match(stripped):
        return "html"
    if stripped.startswith(b"<"):
        root = _xml_root(_xml_head(data))
        if root == "akomaNtoso":
            return "akn"
        if root == "html":
            return "html"
        if root is not None:
            return "xml"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "binary"
    if b"\x00" in head:
        return "binary"
    return "text"


def _xml_head(data: bytes) -> bytes:
    """Enough of an XML document to find its root element past a doctype's internal subset."""
    return data[:_XML_HEAD].lstrip(b"\xef\xbb\xbf \t\r\n")


def _xml_root(head: bytes) -> str | None:
    """Name of the first element after the XML declaration, comments and doctype (its internal subset
    included); None if not XML-like."""
    pos = 0
    while True:
        head_rest = head[pos:].lstrip()
        pos = len(head) - len(head_rest)
        if head_rest.startswith(b"<!DOCTYPE") or head_rest.startswith(b"<!doctype"):
            end = _doctype_end(head, pos)
        else:
            for opener, closer in ((b"<?", b"?>"), (b"<!--", b"-->"), (b"<!", b">")):
                if head_rest.startswith(opener):
                    end = head.find(closer, pos + len(opener))
                    end = end + len(closer) if end >= 0 else -1
                    break
            else:
                m = _XML_ROOT.match(head_rest)
                return m.group(1).decode("ascii", "replace") if m else None
        if end < 0:
            return None
        pos = end


def _doctype_end(head: bytes, pos: int) -> int:
    """Offset just after a doctype declaration starting at `pos`: its internal subset ([...]) may hold '>'s,
    in markup declarations, quoted literals and comments; -1 if it does not end within `head`."""
    depth, i, n = 0, pos + 2, len(head)
    while i < n:
        c = head[i:i + 1]
        if c in (b'"', b"'"):
            i = head.find(c, i + 1)
            if i < 0:
                return -1
        elif head.startswith(b"<!--", i):
            i = head.find(b"-->", i + 4)
            if i < 0:
                return -1
            i += 2
        elif c == b"[":
            depth += 1
        elif c == b"]":
            depth -= 1
        elif c == b">" and depth <= 0:
            return i + 1
        i += 1
    return -1


def read(path: "Path | str") -> Resolution:
    """Read any supported file into the document model; InputError (naming the file) for anything else.

    Whatever a reader's library raises about the input itself (malformed XML inside a package, nesting
    deeper than the reader can follow, a document too large for the memory) becomes an InputError here,
    and the values the reader found that become IRIs or language tags are checked (source.check_values)."""
    path = Path(path)
    data = load(path)
    fmt = sniff(data)
    if fmt == "empty":
        raise InputError(path, "the file is empty")
    if fmt == "binary":
        raise InputError(path, not_utf8(data) or "not a resolution: unrecognised binary content (expected AKN "
                                                 "XML, PDF, DOCX, HTML or UTF-8 text)")
    if fmt == "xml":
        raise InputError(path, f"XML without a resolution: root element <{_xml_root(_xml_head(data))}>, "
                               "expected <akomaNtoso>")
    if fmt == "docx":
        check_package(path, data)
    try:
        if fmt == "akn":
            # here, as the other readers below: each reader loads only for its format
            from unkg.ingest.readers import akn

            res = akn.read_bytes(data, path)
        else:
            # imported when needed: each reader brings its own library (pypdfium2, python-docx, lxml.html)
            res = importlib.import_module(f"{__name__}.{fmt}").read(path)
    except RecursionError:
        raise InputError(path, "elements nested too deeply to read") from None
    except etree.XMLSyntaxError as e:
        raise InputError(path, f"malformed XML inside the {fmt.upper()} file ({_one_line(e)})") from None
    except MemoryError:
        raise InputError(path, "too large to read in the memory available") from None
    return check_values(res, path)


def _one_line(e: BaseException, limit: int = 200) -> str:
    text = " ".join(str(e).split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
