"""Builders of small valid documents and of hostile variants of them, for the bad-input and fuzzing tests.

Nothing large is stored: a zip bomb is a 2 MB file built here from a deflate stream of zeros."""
from __future__ import annotations

import re
import struct
import zipfile
import zlib
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "hardening"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def tiny(name: str) -> bytes:
    """A fixture's bytes: 'akn', 'text' or 'html'."""
    return (FIXTURES / {"akn": "tiny.akn.xml", "text": "tiny.en.txt", "html": "tiny.html"}[name]).read_bytes()


def docx_bytes(footnotes_xml: bytes | None = None) -> bytes:
    """tiny.en.txt as a Word file: italic verbs, one footnote reference in the first preambular paragraph and
    its word/footnotes.xml (or `footnotes_xml` in its place)."""
    import io

    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    d = docx.Document()
    lines = [b for b in tiny("text").decode("utf-8").split("\n\n") if b.strip() and not b.startswith("¹")]
    for line in lines:
        p = d.add_paragraph()
        for i, piece in enumerate(re.split(r"\*", line.strip().rstrip("¹"))):
            if piece:
                p.add_run(piece).italic = i % 2 == 1
        if line.strip().endswith("¹"):
            r = OxmlElement("w:r")
            ref = OxmlElement("w:footnoteReference")
            ref.set(qn("w:id"), "1")
            r.append(ref)
            p._p.append(r)
    buf = io.BytesIO()
    d.save(buf)
    if footnotes_xml is None:
        footnotes_xml = (f'<?xml version="1.0" encoding="UTF-8"?><w:footnotes xmlns:w="{W_NS}"><w:footnote w:id="1">'
                         '<w:p><w:r><w:t>Resolution 85/1, annex.</w:t></w:r></w:p></w:footnote></w:footnotes>').encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>')
            elif item.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdFn1" Type="http://schemas.'
                                    b'openxmlformats.org/officeDocument/2006/relationships/footnotes" '
                                    b'Target="footnotes.xml"/></Relationships>')
            zout.writestr(item, data)
        zout.writestr("word/footnotes.xml", footnotes_xml)
    return out.getvalue()


def zip_bomb(unpacked: int = 2 << 30) -> bytes:
    """A DOCX whose word/document.xml really unpacks to `unpacked` bytes (zeros after an XML start), about
    1/1000 of that on disk; the other parts are a real Word file's, so only its size is wrong with it."""
    import io

    with zipfile.ZipFile(io.BytesIO(docx_bytes())) as z:
        parts = [(i.filename, z.read(i.filename)) for i in z.infolist() if i.filename != "word/document.xml"]
    head = f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>'.encode()
    chunk = bytes(1 << 20)
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    stream = [comp.compress(head) + comp.flush(zlib.Z_FULL_FLUSH)]
    crc = zlib.crc32(head)
    # after a full flush the compressor starts afresh, so every further chunk of zeros compresses alike
    first = comp.compress(chunk) + comp.flush(zlib.Z_FULL_FLUSH)
    again = comp.compress(chunk) + comp.flush(zlib.Z_FULL_FLUSH)
    assert first == again
    chunk_crc_state = crc
    count = (unpacked - len(head)) // len(chunk)
    for _ in range(count):
        chunk_crc_state = zlib.crc32(chunk, chunk_crc_state)
    stream += [first] * count
    stream.append(comp.flush())
    document = (b"word/document.xml", b"".join(stream), chunk_crc_state, len(head) + count * len(chunk))
    return _zip([*((n.encode(), zlib.compress(d, 9)[2:-4], zlib.crc32(d), len(d)) for n, d in parts), document])


def _zip(members: list[tuple[bytes, bytes, int, int]]) -> bytes:
    """A zip file of raw-deflated members (name, deflate data, CRC-32, unpacked size)."""
    out, central = bytearray(), bytearray()
    for name, data, crc, size in members:
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(data), size, len(name), 0) + name
        out += data
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(data), size,
                               len(name), 0, 0, 0, 0, 0, offset) + name
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), len(out), 0)
    return bytes(out + central + end)
