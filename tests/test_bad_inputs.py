"""Inputs that are not documents, or documents built to hurt: each is refused as an input error (exit 1, one
line naming the file), in bounded time and memory, never as an internal error (exit 3) or a hang."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import hostile
import pytest

from unkg.cli import main
from unkg.ingest.readers import read, sniff

PY = sys.executable


def parse(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["parse", str(path)])
    out, err = capsys.readouterr()
    return code, out, err


def refused(path: Path, capsys: pytest.CaptureFixture[str], *words: str) -> str:
    code, out, err = parse(path, capsys)
    assert code == 1, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{path}: "), err
    for w in words:
        assert w in lines[0], (w, lines[0])
    assert out == ""
    return lines[0]


# -- not regular files ----------------------------------------------------------------------------------
def test_fifo_refused_without_waiting_for_a_writer(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "resolution.xml"
    os.mkfifo(fifo)
    box: dict[str, object] = {}
    t = threading.Thread(target=lambda: box.update(code=main(["parse", str(fifo)])), daemon=True)
    t.start()
    t.join(5)
    if t.is_alive():  # unblock the reader so the test run itself does not hang
        with open(fifo, "wb"):
            pass
        t.join(5)
        pytest.fail("unkg parse waited on a FIFO")
    err = capsys.readouterr().err
    assert box["code"] == 1 and "not a regular file (a FIFO)" in err and str(fifo) in err


def test_dev_zero_refused(capsys: pytest.CaptureFixture[str]) -> None:
    refused(Path("/dev/zero"), capsys, "not a regular file", "character device")


def test_fifo_given_to_ingest_fails_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "pipe.xml"
    os.mkfifo(fifo)
    good = tmp_path / "good.xml"
    good.write_bytes(hostile.tiny("akn"))
    code = main(["ingest", str(fifo), str(good), "--store", str(tmp_path / "store"), "-q"])
    err = capsys.readouterr().err
    assert code == 1 and f"{fifo}: is not a regular file" in err and "ingested 1 of 2" in err


# -- size -----------------------------------------------------------------------------------------------
def test_input_size_cap_is_a_setting(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "big.txt"
    f.write_bytes(hostile.tiny("text") + b"\n" + b"x" * 200_000)
    monkeypatch.setenv("UNKG_MAX_INPUT_MB", "0.1")
    refused(f, capsys, "larger", "UNKG_MAX_INPUT_MB")
    monkeypatch.setenv("UNKG_MAX_INPUT_MB", "1")
    code, out, _ = parse(f, capsys)
    assert code == 0 and json.loads(out)["symbol"] == "A/RES/86/1"


@pytest.mark.slow  # builds a 2 GiB deflate stream and starts a Python process
def test_zip_bomb_refused_in_a_second_and_little_memory(tmp_path: Path) -> None:
    bomb = tmp_path / "resolution.docx"
    bomb.write_bytes(hostile.zip_bomb(2 << 30))
    assert bomb.stat().st_size < 3 << 20
    # in a process of its own, so its peak memory is its own, counted above what the imports took (which vary
    # with the installed extras); the address-space limit keeps a regression from taking the machine
    probe = (
        "import resource, sys, time\n"
        "resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))\n"
        "from unkg.errors import InputError\n"
        "from unkg.ingest.readers import read\n"
        "import unkg.ingest.readers.docx\n"
        "base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "t = time.perf_counter()\n"
        "try:\n"
        "    read(sys.argv[1]); outcome = 'read'\n"
        "except InputError as e:\n"
        "    outcome = 'refused: ' + str(e)\n"
        "except MemoryError:\n"
        "    outcome = 'MemoryError'\n"
        "print(time.perf_counter() - t, (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base) // 1024, outcome)\n")
    run = subprocess.run([PY, "-c", probe, str(bomb)], capture_output=True, text=True, timeout=120)
    seconds, peak_mb, outcome = run.stdout.strip().split(" ", 2)
    assert outcome.startswith(f"refused: {bomb}: the zip package unpacks to more than the input limit"), run.stdout + run.stderr
    assert float(seconds) < 1.0
    assert int(peak_mb) < 200


# -- malformed parts and structures ---------------------------------------------------------------------
def test_malformed_docx_footnotes_part(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.docx"
    good.write_bytes(hostile.docx_bytes())
    assert read(good).footnotes  # the well-formed twin reads, with its footnote
    bad = tmp_path / "bad.docx"
    bad.write_bytes(hostile.docx_bytes(footnotes_xml=b"<w:footnotes xmlns:w='x'><w:footnote>"))
    refused(bad, capsys, "malformed XML inside the DOCX file")


def test_deep_nesting_in_akn(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "deep.xml"
    deep = "<span>" * 1000 + "x" + "</span>" * 1000
    f.write_bytes(hostile.tiny("akn").replace(b"<p><span class=\"italic\">Urges</span>",
                                             f"<p>{deep}<span class=\"italic\">Urges</span>".encode()))
    refused(f, capsys, "nested too deeply")


@pytest.mark.parametrize("depth", [1000, 5000])
def test_deep_nesting_in_html(tmp_path: Path, capsys: pytest.CaptureFixture[str], depth: int) -> None:
    f = tmp_path / "deep.html"
    f.write_bytes(hostile.tiny("html").replace(b"<body>", b"<body>" + b"<div>" * depth))
    code, _, err = parse(f, capsys)
    assert code in (0, 1) and "internal error" not in err, err


# -- what the file is -----------------------------------------------------------------------------------
def test_akn_with_internal_dtd_subset_is_read_as_xml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "dtd.xml"
    subset = ('<!DOCTYPE akomaNtoso [\n  <!ENTITY org "United Nations">\n  <!ELEMENT note (#PCDATA)>\n'
              '  <!-- a comment with > in it -->\n  <!ATTLIST note lang CDATA "en>">\n]>\n')
    f.write_bytes(hostile.tiny("akn").replace(b"<akomaNtoso", subset.encode() + b"<akomaNtoso", 1))
    assert sniff(f.read_bytes()) == "akn"
    code, out, err = parse(f, capsys)
    assert code == 0, err
    assert json.loads(out)["symbol"] == "A/RES/86/1"


def test_entities_are_not_expanded(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A billion-laughs subset and an external entity: neither is expanded nor fetched."""
    laughs = "".join(f'<!ENTITY l{i} "{"&l%d;" % (i - 1) * 10 if i else "lol"}">' for i in range(10))
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    f = tmp_path / "laughs.xml"
    f.write_bytes(hostile.tiny("akn").replace(b"<akomaNtoso", f'<!DOCTYPE akomaNtoso [{laughs}'
                                              f'<!ENTITY ext SYSTEM "file://{secret}">]><akomaNtoso'.encode(), 1)
                  .replace(b"to protect the right", b"&l9; &ext; to protect the right"))
    code, out, err = parse(f, capsys)
    # libxml2 may refuse the amplification outright: an input error then, never an expansion
    assert code == 0 or code == 1 and err.startswith(f"{f}: not well-formed XML"), err
    assert "lollol" not in out + err and "TOP-SECRET" not in out + err
    assert len(out) < 20_000
    f.write_bytes(f.read_bytes().replace(b"&l9; ", b""))  # the external entity alone
    code, out, err = parse(f, capsys)
    assert code == 0 and "TOP-SECRET" not in out, err


@pytest.mark.parametrize("encoding, named", [
    ("utf-16", "UTF-16, with a byte-order mark"),
    ("utf-16-le", "UTF-16 little-endian"),
    ("utf-16-be", "UTF-16 big-endian"),
    ("latin-1", "Latin-1"),
    ("cp1252", "Windows-1252"),
])
def test_other_encodings_are_named(tmp_path: Path, capsys: pytest.CaptureFixture[str], encoding: str,
                                   named: str) -> None:
    text = hostile.tiny("text").decode("utf-8").replace("¹", "1").replace("Tiny", "Tíny")
    if encoding == "cp1252":
        text = text.replace("Urges* States", "Urges* “States”")
    f = tmp_path / "resolution.txt"
    f.write_bytes(text.encode(encoding))
    line = refused(f, capsys, "not UTF-8", named)
    assert "unrecognised binary" not in line


def test_binary_is_still_binary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "noise.bin"
    f.write_bytes(bytes(range(256)) * 20)
    refused(f, capsys, "unrecognised binary content")


# -- values that become IRIs and language tags ----------------------------------------------------------
def test_keyword_that_is_not_an_iri_is_dropped_with_a_warning(tmp_path: Path) -> None:
    f = tmp_path / "kw.xml"
    f.write_bytes(hostile.tiny("akn").replace(b'href="http://metadata.un.org/sdg/16"', b'href="9999"'))
    res = read(f)
    assert res.keywords == []
    assert any("'9999'" in w and "not an absolute IRI" in w for w in res.warnings)


def test_language_that_is_not_a_language_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "lang.xml"
    f.write_bytes(hostile.tiny("akn").replace(b'language="eng"', b'language="e n!"'))
    refused(f, capsys, "is not a language code")


# -- metadata and error lines ---------------------------------------------------------------------------
def test_meta_file_where_nothing_decodes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = tmp_path / "r.xml"
    doc.write_bytes(hostile.tiny("akn"))
    meta = tmp_path / "meta.json"
    meta.write_text('{"symbol": "A/RES/86/1", broken\n{also broken\nnot json at all\n')
    code = main(["parse", str(doc), "--meta", str(meta)])
    err = capsys.readouterr().err
    assert code == 1 and f"{meta}: no metadata record decodes" in err


def test_error_lines_are_capped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "x.xml"
    f.write_bytes(hostile.tiny("akn").replace(b">A/RES/86/1<", b">" + b"A/RES/ " * 20_000 + b"<"))
    code, _, err = parse(f, capsys)
    assert code == 1 and len(err.strip().splitlines()) == 1 and len(err) < 500, len(err)
