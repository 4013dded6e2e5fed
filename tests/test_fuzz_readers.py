"""Fuzzing the readers and `unkg parse` (the quick profile; benchmarks/fuzz.py runs the long one).

Cases are small valid documents of every format (tests/hostile.py: AKN, text, HTML, DOCX, PDF) after one to
three mutations fit for their kind: byte flips, truncation, spliced or repeated slices, deep element nesting,
huge or hostile attribute values, other encodings, entity declarations, mutated DOCX parts. The property:
a Resolution, or an input error naming the file (exit 1 with one line `PATH: problem`); never another
exception (exit 3), never a hang. UNKG_FUZZ_EXAMPLES sets how many cases each test draws.
"""
from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any, Callable

import hostile
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unkg.cli import main
from unkg.errors import InputError
from unkg.ingest.model import Resolution
from unkg.ingest.readers import read
from unkg.ingest.readers.stages import join_normalised, normalise_space

SEEDS = hostile.seeds()
EXAMPLES = int(os.environ.get("UNKG_FUZZ_EXAMPLES", "40"))
QUICK = settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
HANG = 30.0  # seconds after which a case counts as a hang


@pytest.fixture(scope="module")
def folder() -> Path:
    with tempfile.TemporaryDirectory(prefix="unkg-fuzz-") as d:
        yield Path(d)


def within(seconds: float, fn: Callable[[], Any]) -> Any:
    """fn's result, or a test failure when it has not returned after `seconds` (the thread is left behind)."""
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = fn()
        except BaseException as e:  # handed back below
            box["error"] = e

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(seconds)
    if t.is_alive():
        pytest.fail(f"no answer after {seconds:g} s: a hang")
    if "error" in box:
        raise box["error"]
    return box["value"]


def case(folder: Path, seed: str, rng: Any) -> tuple[Path, list[str]]:
    kind, data = SEEDS[seed]
    mutated, names = hostile.mutate(kind, data, rng)
    path = folder / f"case-{seed}"
    path.write_bytes(mutated)
    return path, names


def test_seeds_are_read() -> None:
    """Every seed is a resolution before it is mutated, so mutations start from the readers' real paths."""
    with tempfile.TemporaryDirectory() as d:
        for name, (kind, data) in SEEDS.items():
            p = Path(d) / name
            p.write_bytes(data)
            res = read(p)
            assert res.source.format == kind and res.paragraphs, name


@QUICK
@given(seed=st.sampled_from(sorted(SEEDS)), rng=st.randoms(use_true_random=False))
def test_readers_give_a_resolution_or_an_input_error(folder: Path, seed: str, rng: Any) -> None:
    path, names = case(folder, seed, rng)

    def attempt() -> object:
        try:
            return read(path)
        except InputError as e:
            return e

    got = within(HANG, attempt)
    if isinstance(got, InputError):
        assert str(got).startswith(f"{path}: ") and "\n" not in str(got), (names, str(got))
    else:
        assert isinstance(got, Resolution), names


@QUICK
@given(seed=st.sampled_from(sorted(SEEDS)), rng=st.randoms(use_true_random=False))
def test_parse_exits_0_or_1_with_one_line(folder: Path, seed: str, rng: Any) -> None:
    path, names = case(folder, seed, rng)
    out, err = io.StringIO(), io.StringIO()

    def run() -> int:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            return main(["parse", str(path)])

    code = within(HANG, run)
    if code == 0:
        assert json.loads(out.getvalue())["paragraphs"], names
    else:
        assert code == 1, (names, err.getvalue())
        lines = err.getvalue().strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"{path}: "), (names, err.getvalue())


# -- a few in real processes: the console script's own exit code and stderr -------------------------------
def hostile_files(folder: Path) -> list[Path]:
    out = []
    kind, akn = SEEDS["tiny.akn"]
    deep = folder / "deep.xml"
    deep.write_bytes(akn.replace(b"<mainBody>", b"<mainBody>" + b"<container>" * 2000 + b"</container>" * 2000))
    out.append(deep)
    bomb = folder / "bomb.docx"
    bomb.write_bytes(hostile.zip_bomb(64 << 20))  # over the default 8 MB limit
    out.append(bomb)
    utf16 = folder / "utf16.xml"
    utf16.write_bytes(akn.decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-8"').encode("utf-16"))
    out.append(utf16)
    broken = folder / "broken.docx"
    broken.write_bytes(hostile.docx_bytes(footnotes_xml=b"<w:footnotes"))
    out.append(broken)
    return out


@pytest.mark.slow  # six Python processes
def test_hostile_files_in_real_processes(folder: Path) -> None:
    fifo = folder / "fifo.xml"
    os.mkfifo(fifo)
    for path in [*hostile_files(folder), fifo, Path("/dev/zero")]:
        run = subprocess.run([sys.executable, "-m", "unkg.cli", "parse", str(path)], capture_output=True, text=True,
                             timeout=HANG)
        lines = run.stderr.strip().splitlines()
        assert run.returncode == 1 and len(lines) == 1 and lines[0].startswith(f"{path}: "), (path, run.stderr)
        assert run.stdout == ""


@QUICK
@given(first=st.text(), more=st.text())
def test_joining_normalised_text_is_normalising_the_whole(first: str, more: str) -> None:
    """Paragraphs grow piece by piece in time that grows with the piece (a paragraph of thousands of
    sub-paragraphs took minutes), with the text normalising the whole would give."""
    text = normalise_space(first)
    assert join_normalised(text, more) == normalise_space(f"{text} {more}")


def test_stray_element_in_a_list_before_a_continuation(tmp_path: Path) -> None:
    """Found by the long profile (seed 0, case 6949): an element that is no point inside a list, then an
    unnumbered continuation paragraph; the continuation went to the last sub-paragraph too, whose text then
    was no longer inside its paragraph's (an internal error)."""
    data = (hostile.FIXTURES.parent / "readers" / "small_resolution.akn.xml").read_bytes()
    point_b = b'<point><num>(b)</num><content><p>To do another thing;</p></content></point>'
    stray = b'<formula name="enactingFormula"><p><span class="italic">The General Assembly</span>,</p></formula>'
    assert point_b in data and stray in data
    f = tmp_path / "stray.xml"
    f.write_bytes(data.replace(point_b, b"\0").replace(stray, point_b).replace(b"\0", stray))
    res = read(f)
    p2 = next(p for p in res.paragraphs if p.number == "2")
    assert p2.text.endswith("and to report on both of them;")
    assert all(s.text in p2.text for s in p2.subparagraphs)


def test_stray_element_between_a_point_and_its_sublist(tmp_path: Path) -> None:
    """Found by the long profile (seed 0, case 7410): text between point (kk) and its own sublist (i), (ii)
    is part of (kk), as it is part of the paragraph."""
    data = (hostile.FIXTURES.parent / "readers" / "list_quirks.akn.xml").read_bytes()
    kk = b"<point><num>(kk)</num><content><p>Thirty-seventh:</p></content></point>"
    assert kk in data
    f = tmp_path / "stray.xml"
    f.write_bytes(data.replace(kk, kk + b"<b><b>stray words</b></b>"))
    p1 = next(p for p in read(f).paragraphs if p.number == "1")
    sub = next(s for s in p1.subparagraphs if s.number == "kk")
    assert sub.text.startswith("Thirty-seventh: stray words (i)") and sub.text in p1.text


def test_docx_numbering_with_a_damaged_level(tmp_path: Path) -> None:
    """Found by the long profile (seed 0, case 7816): a numbering level that is not a number is ignored."""
    import zipfile

    f = tmp_path / "numbered.docx"
    f.write_bytes(hostile.docx_bytes())
    with zipfile.ZipFile(f) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    assert b'w:ilvl="0"' in parts["word/numbering.xml"]
    parts["word/numbering.xml"] = parts["word/numbering.xml"].replace(b'w:ilvl="0"', b'w:ilvl="\n"', 1)
    with zipfile.ZipFile(f, "w") as z:
        for name, blob in parts.items():
            z.writestr(name, blob)
    assert read(f).symbol == "A/RES/86/1"


@pytest.mark.parametrize("attribute", ['value="9999999999999999999999"', 'value="²"', 'value="40"'])
def test_html_list_numbers_out_of_range(tmp_path: Path, attribute: str) -> None:
    """Found by the long profile (seed 1, case 4964): a list item's value too large for a letter label."""
    f = tmp_path / "list.html"
    f.write_bytes(hostile.tiny("html").replace(b"<li>To assist", f"<li {attribute}>To assist".encode())
                  .replace(b'<ol type="a">', b'<ol type="a" start="x">'))
    assert read(f).symbol == "A/RES/86/1"


def test_html_long_list_numbered_by_position(tmp_path: Path) -> None:
    """Found by the long profile (seed 2, case 45: thousands of items took 49 s of CPU): each item is numbered
    from its place in the list, counted once per list. (Operative numbers have at most three digits.)"""
    items = "".join(f"<li><i>Requests</i> the Secretary-General to report {i};</li>" for i in range(900))
    f = tmp_path / "long.html"
    f.write_bytes(hostile.tiny("html").replace(b"<ol><li><i>Urges</i>", f'<ol start="4">{items}<li><i>Urges</i>'.encode()))
    numbers = [p.number for p in read(f).paragraphs if p.kind == "operative"]
    assert numbers[:2] == ["4", "5"] and numbers[-2:] == ["904", "905"] and len(numbers) == 902


def test_docx_whose_document_part_is_not_a_document(tmp_path: Path) -> None:
    """Found by the quick profile in CI: a main part whose root element is not w:document is a bad file (exit 1
    naming it), not an AttributeError from python-docx's lazy reading."""
    import zipfile

    f = tmp_path / "member.docx"
    f.write_bytes(hostile.docx_bytes())
    with zipfile.ZipFile(f) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    parts["word/document.xml"] = parts["word/document.xml"].replace(b"<w:document", b"<w:member", 1) \
        .replace(b"</w:document>", b"</w:member>")
    with zipfile.ZipFile(f, "w") as z:
        for name, blob in parts.items():
            z.writestr(name, blob)
    with pytest.raises(InputError, match=f"^{f}: not a readable Word"):
        read(f)
