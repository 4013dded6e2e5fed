"""Acceptance: each of the 145 official PDFs against its Akoma Ntoso twin.

Per resolution: same symbol and date, same operative numbers, verb phrases and preambular count, for at least
98% of them. Per paragraph: normalised text similarity >= 0.98 for at least 95% of all paragraphs. Failures
are printed (run with -s to see them when the test passes).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from unkg.ingest.model import OPERATIVE, Resolution

DOC_SHARE = 0.98
PARA_SHARE = 0.95
PARA_SIMILARITY = 98.0  # rapidfuzz ratio, 0..100


def _ws(s: str) -> str:
    return " ".join(s.split())


@dataclass
class Comparison:
    name: str
    problems: list[str] = field(default_factory=list)
    paragraphs: int = 0
    similar: int = 0
    dissimilar: list[str] = field(default_factory=list)


def twin(corpus: Path, pdf: Path) -> Path | None:
    """The AKN file of the same symbol: the file name gives candidates, the symbol inside decides."""
    session = pdf.stem.split("_")[2]
    cands = sorted((corpus / "akn" / "ga" / session / "en").glob(f"{pdf.stem}-*.xml"))
    return cands[0] if cands else None


def _key(p, order: dict) -> tuple:
    if p.kind == OPERATIVE and p.number:
        return (p.part, OPERATIVE, p.number)
    n = order[(p.part, p.kind)] = order.get((p.part, p.kind), 0) + 1
    return (p.part, p.kind, n)


def compare(name: str, got: Resolution, want: Resolution) -> Comparison:
    c = Comparison(name)
    if got.symbol != want.symbol:
        c.problems.append(f"symbol {got.symbol!r} != {want.symbol!r}")
    if got.date != want.date:
        c.problems.append(f"date {got.date!r} != {want.date!r}")
    ops_g = [(p.part, p.number) for p in got.operative]
    ops_w = [(p.part, p.number) for p in want.operative]
    if ops_g != ops_w:
        first = next((i for i, (a, b) in enumerate(zip(ops_g, ops_w, strict=False)) if a != b), min(len(ops_g), len(ops_w)))
        c.problems.append(f"operative numbers {len(ops_g)} vs {len(ops_w)}: first difference at {first}")
    if len(got.preambular) != len(want.preambular):
        c.problems.append(f"preambular count {len(got.preambular)} != {len(want.preambular)}")
    verbs_g = [_ws(p.verb_text) for p in got.paragraphs]
    verbs_w = [_ws(p.verb_text) for p in want.paragraphs]
    if verbs_g != verbs_w:
        diff = [(a, b) for a, b in zip(verbs_g, verbs_w, strict=False) if a != b][:3]
        c.problems.append(f"verb phrases differ: {diff or (len(verbs_g), len(verbs_w))}")
    order_g: dict = {}
    order_w: dict = {}
    got_by_key = {_key(p, order_g): p for p in got.paragraphs}
    for p in want.paragraphs:
        k = _key(p, order_w)
        c.paragraphs += 1
        mine = got_by_key.get(k)
        score = fuzz.ratio(_ws(mine.text), _ws(p.text)) if mine else 0.0
        if score >= PARA_SIMILARITY:
            c.similar += 1
        else:
            c.dissimilar.append(f"{k} {score:.1f}\n      pdf: {_ws(mine.text)[:160] if mine else None}\n"
                                f"      akn: {_ws(p.text)[:160]}")
    return c


@pytest.fixture(scope="module")
def comparisons(corpus: Path) -> list[Comparison]:
    from unkg.ingest.readers import akn, read

    pdfs = sorted((corpus / "pdf" / "ga").glob("*.pdf"))
    assert len(pdfs) == 145, f"expected the corpus's 145 GA PDFs, found {len(pdfs)}"
    out = []
    for pdf in pdfs:
        akn_path = twin(corpus, pdf)
        assert akn_path is not None, f"no AKN twin for {pdf.name}"
        out.append(compare(pdf.name, read(pdf), akn.read(akn_path)))
    return out


@pytest.mark.corpus
@pytest.mark.slow
def test_same_structure_as_akn_twin(comparisons: list[Comparison]) -> None:
    failed = [c for c in comparisons if c.problems]
    for c in failed:
        print(f"{c.name}: " + "; ".join(c.problems))
    share = 1 - len(failed) / len(comparisons)
    print(f"structure: {len(comparisons) - len(failed)}/{len(comparisons)} = {share:.3f}")
    assert share >= DOC_SHARE, f"only {share:.1%} of PDFs match their AKN twin's structure"


@pytest.mark.corpus
@pytest.mark.slow
def test_paragraph_texts_similar_to_akn_twin(comparisons: list[Comparison]) -> None:
    total = sum(c.paragraphs for c in comparisons)
    similar = sum(c.similar for c in comparisons)
    for c in comparisons:
        for d in c.dissimilar:
            print(f"{c.name} {d}")
    share = similar / total
    print(f"paragraphs: {similar}/{total} = {share:.4f}")
    assert share >= PARA_SHARE, f"only {share:.1%} of paragraphs are similar (>= {PARA_SIMILARITY}) to the AKN text"


@pytest.mark.corpus
def test_symbols_found_by_content(corpus: Path) -> None:
    """The twin is found by file name, but the match is decided by the symbols read from both files."""
    from unkg.ingest.readers import akn, sniff
    from unkg.ingest.readers.pdf import read as read_pdf

    pdf = corpus / "pdf" / "ga" / "A_RES_78_216.pdf"
    assert sniff(pdf.read_bytes()) == "pdf"
    res = read_pdf(pdf)
    want = akn.read(twin(corpus, pdf))
    assert res.symbol == want.symbol == "A/RES/78/216"
    assert res.source.format == "pdf" and len(res.source.sha256) == 64
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", res.date or "")
