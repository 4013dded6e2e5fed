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

from unkg.errors import InputError
from unkg.ingest.model import Resolution
from unkg.ingest.readers.source import load

FORMATS = ("akn", "text", "pdf", "docx", "html")
_XML_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)[\s>/]")
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
        except zipfile.BadZipFile:
            return "binary"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if _HTML.match(stripped):
        return "html"
    if stripped.startswith(b"<"):
        root = _xml_root(stripped)
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


def _xml_root(head: bytes) -> str | None:
    """Name of the first element after the XML declaration, comments and doctype; None if not XML-like."""
    pos = 0
    while True:
        head_rest = head[pos:].lstrip()
        skip = len(head) - pos - len(head_rest)
        pos += skip
        for opener, closer in ((b"<?", b"?>"), (b"<!--", b"-->"), (b"<!", b">")):
            if head_rest.startswith(opener):
                end = head.find(closer, pos + len(opener))
                break
        else:
            m = _XML_ROOT.match(head_rest)
            return m.group(1).decode("ascii", "replace") if m else None
        if end < 0:
            return None
        pos = end + len(closer)


def read(path: "Path | str") -> Resolution:
    """Read any supported file into the document model; InputError (naming the file) for anything else."""
    path = Path(path)
    data = load(path)
    fmt = sniff(data)
    if fmt == "empty":
        raise InputError(path, "the file is empty")
    if fmt == "binary":
        raise InputError(path, "not a resolution: unrecognised binary content (expected AKN XML, PDF, DOCX, "
                               "HTML or UTF-8 text)")
    if fmt == "xml":
        raise InputError(path, f"XML without a resolution: root element <{_xml_root(data[:4096].lstrip())}>, "
                               "expected <akomaNtoso>")
    if fmt == "akn":
        # here, as the other readers below: each reader loads only for its format
        from unkg.ingest.readers import akn

        return akn.read_bytes(data, path)
    # imported when needed: each reader brings its own library (pypdfium2, python-docx, lxml.html)
    module = importlib.import_module(f"{__name__}.{fmt}")
    return module.read(path)
