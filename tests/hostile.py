"""Builders of small valid documents and of hostile variants of them, for the bad-input and fuzzing tests.

Nothing large is stored: a zip bomb is a 2 MB file built here from a deflate stream of zeros."""
from __future__ import annotations

import io
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
    return with_footnotes_part(buf.getvalue(), footnotes_xml)


def with_footnotes_part(docx_data: bytes, footnotes_xml: bytes) -> bytes:
    """A Word package with word/footnotes.xml added, with its relationship and content type (python-docx
    cannot write footnotes)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx_data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
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


def pdf_bytes() -> bytes:
    """tiny.en.txt drawn on one PDF page with PDFium's standard Times fonts (italic verbs), as the UN lays out
    a resolution: enough for the PDF reader to find the enacting formula and the paragraphs."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    doc = pdfium.PdfDocument.new()
    page = doc.new_page(612, 792)
    y = 740.0
    for block in tiny("text").decode("utf-8").split("\n\n"):
        x = 72.0
        for i, piece in enumerate(re.split(r"\*", block.replace("\n", " ").strip())):
            if not piece:
                continue
            font = b"Times-Italic" if i % 2 else b"Times-Roman"
            obj = raw.FPDFPageObj_NewTextObj(doc.raw, font, ctypes.c_float(10))
            data = (piece + "\0").encode("utf-16-le")
            raw.FPDFText_SetText(obj, (ctypes.c_ushort * (len(data) // 2)).from_buffer_copy(data))
            raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, y)
            raw.FPDFPage_InsertObject(page.raw, obj)
            left, bottom, right, top = (ctypes.c_float() for _ in range(4))
            raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
            x = right.value + (2.5 if piece.endswith(" ") else 0.3)
        y -= 24
    raw.FPDFPage_GenerateContent(page.raw)
    import io

    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


# -- mutations ------------------------------------------------------------------------------------------
# Each takes the document's bytes and a random.Random and returns new bytes; seeds() and mutate() below make
# the cases the fuzzing tests (tests/test_fuzz_readers.py) and the long profile (benchmarks/fuzz.py) run.
_TOKENS = [b"<", b">", b"</p>", b"<p>", b"&", b"&amp;", b"&#0;", b"&#x110000;", b"\x00", b"]]>", b"<![CDATA[",
           b"<!--", b"-->", b"<?pi x?>", b"(a)", b"(zzzz)", b"1.", b"99999999999999999999.", b"*", b"**", b"\n\n",
           b"\xff\xfe", b"\xef\xbb\xbf", b"\xc3", b"\xed\xa0\x80", "\u2028".encode(),
           "¹²³".encode(), "\u202e".encode(), b"The General Assembly,", b"Decides", b"A/RES/", b"/", b"%PDF-",
           b"<num>1.</num>", b"<authorialNote marker=''>", b"</akomaNtoso>", b"xmlns:x='y'", b"\t", b"\r"]


def _flip(data: bytes, rng) -> bytes:
    b = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if b:
            b[rng.randrange(len(b))] = rng.randrange(256)
    return bytes(b)


def _truncate(data: bytes, rng) -> bytes:
    return data[:rng.randrange(len(data) + 1)]


def _insert(data: bytes, rng) -> bytes:
    at = rng.randrange(len(data) + 1)
    token = rng.choice(_TOKENS) if rng.random() < 0.8 else bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
    return data[:at] + token * rng.choice([1, 1, 2, 50]) + data[at:]


def _splice(data: bytes, rng) -> bytes:
    """A slice copied elsewhere (repeats structure: paragraphs, elements, numbers), or removed."""
    if len(data) < 2:
        return data
    i = rng.randrange(len(data))
    j = min(len(data), i + rng.randint(1, 400))
    if rng.random() < 0.3:
        return data[:i] + data[j:]
    at = rng.randrange(len(data) + 1)
    return data[:at] + data[i:j] * rng.choice([1, 2, 10]) + data[at:]


def _tag_positions(data: bytes) -> list[int]:
    return [m.end() for m in re.finditer(rb">(?=\s*<|[^<]{0,200}<)", data)]


def _nest(data: bytes, rng) -> bytes:
    """Elements nested deep after a random tag (well-formed, so the reader, not the parser, meets them)."""
    spots = _tag_positions(data)
    if not spots:
        return data
    at = rng.choice(spots)
    name = rng.choice([b"span", b"p", b"b", b"i", b"div", b"list", b"point", b"paragraph"])
    n = rng.choice([10, 100, 300, 1000, 3000])
    return data[:at] + b"<%s>" % name * n + b"x" + b"</%s>" % name * n + data[at:]


def _huge_attribute(data: bytes, rng) -> bytes:
    starts = [m.end() for m in re.finditer(rb"<[A-Za-z][\w:.-]*(?=[\s/>])", data)]
    if not starts:
        return data
    at = rng.choice(starts)
    name = rng.choice([b"x", b"href", b"class", b"marker", b"refersTo", b"language", b"date", b"value"])
    value = rng.choice([b"x", b"9999", b"\xc3\xa9", b"&amp;", b" ", b"(a)"]) * rng.choice([1000, 100_000, 1_000_000])
    if name in data[at:at + 2000]:  # a second attribute of the same name is a syntax error; keep it sometimes
        name = name if rng.random() < 0.2 else b"x" + name
    return data[:at] + b' %s="%s"' % (name, value) + data[at:]


def _replace_attribute(data: bytes, rng) -> bytes:
    """An attribute's value swapped for a hostile one (keyword hrefs, languages, markers, dates, counts)."""
    spots = list(re.finditer(rb'(\s[\w:]+=")([^"]*)(")', data))
    if not spots:
        return data
    m = rng.choice(spots)
    value = rng.choice([b"", b"9999", b"e n!", b"x" * 5000, b"http://a b", b"#", b"..", b"-1", b"1e999", b"&#10;",
                        b"\xe2\x80\xae", b"javascript:alert(1)", b"zh-Hans", b"xx", b"2031-02-30", b"%zz"])
    return data[:m.start(2)] + value + data[m.end(2):]


def _encoding(data: bytes, rng) -> bytes:
    text = data.decode("utf-8", "replace")
    return text.encode(rng.choice(["utf-16", "utf-16-le", "utf-16-be", "latin-1", "cp1252", "utf-32"]), "replace")


def _entities(data: bytes, rng) -> bytes:
    decl = rng.choice([
        b'<!DOCTYPE akomaNtoso [<!ENTITY a "b">]>',
        b'<!DOCTYPE akomaNtoso [<!ENTITY a "&b;"><!ENTITY b "&a;">]>',
        b'<!DOCTYPE akomaNtoso [' + b"".join(b'<!ENTITY l%d "%s">' % (i, (b"&l%d;" % (i - 1)) * 10 if i else b"lol")
                                              for i in range(8)) + b"]>",
        b'<!DOCTYPE akomaNtoso SYSTEM "http://127.0.0.1:9/x.dtd">',
        b'<!DOCTYPE akomaNtoso [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
        b"<!DOCTYPE akomaNtoso [" + b"<!-- ] > -->" * 100 + b"]>",
    ])
    at = data.find(b"<akomaNtoso")
    at = at if at >= 0 else data.find(b"<html")
    data = data if at < 0 else data[:at] + decl + data[at:]
    use = rng.choice([b"&a;", b"&l7;", b"&e;", b"&undefined;"])
    spots = _tag_positions(data)
    if spots:
        p = rng.choice(spots)
        data = data[:p] + use + data[p:]
    return data


def _lines(data: bytes, rng) -> bytes:
    """Text-level: lines shuffled, repeated, or one made very long (paragraph numbers and labels included)."""
    lines = data.split(b"\n")
    if not lines:
        return data
    i = rng.randrange(len(lines))
    r = rng.random()
    if r < 0.3:
        j = rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    elif r < 0.6:
        lines[i:i] = [lines[i]] * rng.choice([2, 100, 2000])
    elif r < 0.8:
        lines[i] = lines[i] * rng.choice([100, 10_000])
    else:
        lines[i:i] = [rng.choice([b"%d. *Decides*" % rng.randrange(10**6), b"(%s) x;" % b"i" * rng.randint(1, 40),
                                  b"\xc2\xb9" * 500, b"*" * 1001, b"# " * 300, b"[" * 2000, b"|a|b|\n|-|-|"])]
    return b"\n".join(lines)


def _member(data: bytes, rng) -> bytes:
    """A zip package (DOCX) with one part mutated by another mutation and repacked."""
    import io

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            parts = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    except Exception:
        return _flip(data, rng)
    xml = [k for k, (n, _) in enumerate(parts) if n.endswith(".xml") or n.endswith(".rels")]
    if not xml:
        return data
    k = rng.choice(xml + [k for k, (n, _) in enumerate(parts) if n in ("word/document.xml", "word/footnotes.xml")] * 3)
    name, blob = parts[k]
    op = rng.choice([_flip, _truncate, _insert, _splice, _nest, _huge_attribute, _replace_attribute, _entities])
    parts[k] = (name, op(blob, rng))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for n, b in parts:
            z.writestr(n, b)
    return out.getvalue()


MUTATIONS = {
    "flip": _flip, "truncate": _truncate, "insert": _insert, "splice": _splice, "nest": _nest,
    "huge_attribute": _huge_attribute, "attribute": _replace_attribute, "encoding": _encoding,
    "entities": _entities, "lines": _lines, "member": _member,
}
# the mutations that make sense for each kind of seed (byte-level ones for all)
_FOR = {
    "akn": ["flip", "truncate", "insert", "splice", "nest", "huge_attribute", "attribute", "encoding", "entities",
            "lines"],
    "html": ["flip", "truncate", "insert", "splice", "nest", "huge_attribute", "attribute", "encoding", "lines"],
    "text": ["flip", "truncate", "insert", "splice", "encoding", "lines", "lines"],
    "docx": ["member", "member", "member", "flip", "truncate", "splice"],
    "pdf": ["flip", "truncate", "insert", "splice", "lines"],
}


def seeds() -> dict[str, tuple[str, bytes]]:
    """The valid documents mutations start from: name -> (kind, bytes)."""
    readers = FIXTURES.parent / "readers"
    return {
        "tiny.akn": ("akn", tiny("akn")),
        "small.akn": ("akn", (readers / "small_resolution.akn.xml").read_bytes()),
        "two_parts.akn": ("akn", (readers / "two_parts.akn.xml").read_bytes()),
        "list_quirks.akn": ("akn", (readers / "list_quirks.akn.xml").read_bytes()),
        "tiny.txt": ("text", tiny("text")),
        "small.txt": ("text", (readers / "small_resolution.en.txt").read_bytes()),
        "tiny.html": ("html", tiny("html")),
        "tiny.docx": ("docx", docx_bytes()),
        "tiny.pdf": ("pdf", pdf_bytes()),
    }


def mutate(kind: str, data: bytes, rng, steps: int | None = None) -> tuple[bytes, list[str]]:
    """`data` after 1-3 mutations fit for its kind; also the names of the mutations applied."""
    names = []
    for _ in range(steps or rng.choice([1, 1, 2, 3])):
        name = rng.choice(_FOR[kind])
        data = MUTATIONS[name](data, rng)
        names.append(name)
    return data, names
