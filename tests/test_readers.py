"""Format sniffing (a table of examples) and the one-line errors for files that are not resolutions."""
from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from unkg.errors import InputError, UnkgError
from unkg.ingest.readers import read, sniff

AKN_NS = b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'


def _zip(names: list[str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for n in names:
            z.writestr(n, "<x/>")
    return buf.getvalue()


@pytest.mark.parametrize("data, expected", [
    (AKN_NS + b"<statement/></akomaNtoso>", "akn"),
    (b'<?xml version="1.0" encoding="UTF-8"?>\n<!-- a comment -->\n' + AKN_NS, "akn"),
    (b"\xef\xbb\xbf<akn:akomaNtoso xmlns:akn='x'>", "akn"),  # BOM and a prefixed root
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "pdf"),
    (_zip(["[Content_Types].xml", "word/document.xml"]), "docx"),
    (_zip(["mimetype", "content.xml"]), "binary"),  # an OpenDocument file is not DOCX
    (b"<!DOCTYPE html>\n<html><body>x</body></html>", "html"),
    (b"  <html lang='en'><p>x</p>", "html"),
    (b"<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'/>", "html"),
    (b"<?xml version='1.0'?><catalog><book/></catalog>", "xml"),
    ("General Assembly\n\n78/216. Title\n\nThe General Assembly,\n".encode(), "text"),
    ("*Urges* States — “quoted”".encode(), "text"),
    (b"", "empty"),
    (b" \n\t\n", "empty"),
    (b"\x00\x01\x02\xff\xfe\x80", "binary"),
    (b"PK\x03\x04 truncated zip", "binary"),
])
def test_sniff(data: bytes, expected: str) -> None:
    assert sniff(data) == expected


def test_sniff_ignores_the_file_name(tmp_path: Path, fixtures: Path) -> None:
    # an AKN file named .txt is still read as AKN
    f = tmp_path / "resolution.txt"
    f.write_bytes((fixtures / "readers" / "small_resolution.akn.xml").read_bytes())
    assert read(f).source.format == "akn"


def test_read_dispatches_text(fixtures: Path) -> None:
    assert read(fixtures / "readers" / "small_resolution.en.txt").source.format == "text"


BAD = {
    "truncated.xml": (AKN_NS + b"<statement name='resolution'><meta><identif", "not well-formed XML"),
    "empty.xml": (b"", "empty"),
    "blank.txt": (b"\n  \n", "empty"),
    "random.bin": (os.urandom(64) + b"\x00\xff", "binary"),
    "fake.pdf": (b"%PDF-1.7\nthis is not really a PDF\n", ""),
    "other.xml": (b"<?xml version='1.0'?><catalog><book>x</book></catalog>", "XML without a resolution"),
    "akn-no-statement.xml": (AKN_NS + b"<doc name='report'/></akomaNtoso>", "XML without a resolution"),
    "akn-no-symbol.xml": (AKN_NS + b"<statement name='resolution'><mainBody/></statement></akomaNtoso>",
                          "symbol"),
    "notes.txt": (b"Shopping list\n\nmilk, bread\n", "not a resolution"),
    "latin1.txt": ("Résolution adoptée".encode("latin-1"), ""),
    "fake.docx": (_zip(["[Content_Types].xml", "word/document.xml"]), ""),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_inputs_raise_one_line_input_error(tmp_path: Path, name: str) -> None:
    data, problem = BAD[name]
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(UnkgError) as info:
        read(path)
    message = str(info.value)
    assert isinstance(info.value, InputError), f"{name}: {type(info.value).__name__}: {message}"
    assert message.startswith(str(path)), message
    assert "\n" not in message and problem in message, message


def test_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="folder"):
        read(tmp_path)


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        read(tmp_path / "absent.xml")
