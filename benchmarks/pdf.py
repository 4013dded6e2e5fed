"""PDF reading speed and the library comparison behind the choice of pypdfium2.

    .venv/bin/python benchmarks/pdf.py                 # all 145 corpus PDFs; pdfplumber on the first 20
    .venv/bin/python benchmarks/pdf.py --limit 30      # fewer files
    .venv/bin/python benchmarks/pdf.py --plumber-all   # pdfplumber on every file too (slow: minutes)

Prints (1) the reader's speed, `unkg.ingest.readers.pdf.read` end to end: pages/s and resolutions/s; and
(2) for each candidate library, the same layout stages and text parser fed from that library's spans:
extraction speed (pages/s) and fidelity against the Akoma Ntoso twins (share of resolutions with the same
symbol, date, operative numbers, verb phrases and preambular count; share of paragraphs with normalised
similarity >= 0.98). The corpus is ../shared/corpus or $UNKG_CORPUS.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Callable

from rapidfuzz import fuzz

from unkg.config import corpus_dir
from unkg.ingest.model import Resolution, Source
from unkg.ingest.readers import akn, layout
from unkg.ingest.readers import pdf as pdf_reader
from unkg.ingest.readers.layout import Page, Span
from unkg.ingest.readers.text import parse_text


def _ws(s: str) -> str:
    return " ".join(s.split())


# -- span extractors: the same `layout.Page` from each library ---------------------------------------------


def pages_pypdfium2(path: Path) -> list[Page]:
    return pdf_reader.pages(path)


def pages_pymupdf(path: Path) -> list[Page]:
    import pymupdf

    out = []
    with pymupdf.open(str(path)) as doc:
        for i, page in enumerate(doc):
            h = page.rect.height
            spans = []
            for block in page.get_text("dict")["blocks"]:
                for line in block.get("lines", []):
                    for s in line["spans"]:
                        if not s["text"]:
                            continue
                        font = s["font"]
                        spans.append(Span(s["text"], s["bbox"][0], s["bbox"][2], h - s["origin"][1], s["size"],
                                          bool(s["flags"] & 2) or "italic" in font.lower(),
                                          bool(s["flags"] & 16) or "bold" in font.lower(), font))
            out.append(Page(i + 1, page.rect.width, h, spans))
    return out


def pages_pdfplumber(path: Path) -> list[Page]:
    import pdfplumber

    out = []
    with pdfplumber.open(str(path)) as pdf:
        for i, page in enumerate(pdf.pages):
            h = float(page.height)
            spans: list[Span] = []
            for c in page.chars:
                # pdfminer gives the glyph box (y up from the bottom), not the baseline: add a typical descent
                base = float(c["y0"]) + float(c["size"]) * 0.216
                name = c["fontname"]
                cur = spans[-1] if spans else None
                if (cur and cur.font == name and abs(cur.size - c["size"]) < 0.01 and abs(cur.y - base) < 0.5
                        and -0.5 < c["x0"] - cur.x1 < 0.15 * c["size"]):
                    cur.text += c["text"]
                    cur.x1 = float(c["x1"])
                elif cur and c["text"] == " ":
                    cur.text += " "
                else:
                    spans.append(Span(c["text"], float(c["x0"]), float(c["x1"]), base, float(c["size"]),
                                      "italic" in name.lower(), "bold" in name.lower(), name))
            out.append(Page(i + 1, float(page.width), h, spans))
    return out


LIBRARIES: dict[str, tuple[Callable[[Path], list[Page]], str]] = {
    "pypdfium2": (pages_pypdfium2, "Apache-2.0 / BSD-3"),
    "pymupdf": (pages_pymupdf, "AGPL-3.0 (or commercial)"),
    "pdfplumber": (pages_pdfplumber, "MIT (pdfminer.six)"),
}


# -- fidelity against the AKN twins --------------------------------------------------------------------------


def twin(corpus: Path, pdf: Path) -> Path | None:
    session = pdf.stem.split("_")[2]
    cands = sorted((corpus / "akn" / "ga" / session / "en").glob(f"{pdf.stem}-*.xml"))
    return cands[0] if cands else None


def _key(p, order: dict) -> tuple:
    """Operative paragraphs pair by printed number, others by their order within their kind and part."""
    if p.number:
        return (p.part, p.kind, p.number)
    order[(p.part, p.kind)] = order.get((p.part, p.kind), 0) + 1
    return (p.part, p.kind, order[(p.part, p.kind)])


def fidelity(got: Resolution, want: Resolution) -> tuple[bool, int, int]:
    """(same structure?, similar paragraphs, paragraphs) for one resolution."""
    same = (got.symbol == want.symbol and got.date == want.date
            and [(p.part, p.number) for p in got.operative] == [(p.part, p.number) for p in want.operative]
            and len(got.preambular) == len(want.preambular)
            and [_ws(p.verb_text) for p in got.paragraphs] == [_ws(p.verb_text) for p in want.paragraphs])
    order: dict = {}
    mine = {_key(p, order): p for p in got.paragraphs}
    order = {}
    similar = 0
    for p in want.paragraphs:
        q = mine.get(_key(p, order))
        if q is not None and fuzz.ratio(_ws(q.text), _ws(p.text)) >= 98:
            similar += 1
    return same, similar, len(want.paragraphs)


def compare_library(name: str, files: list[Path], corpus: Path, twins: dict[Path, Resolution]) -> dict:
    extract = LIBRARIES[name][0]
    t_extract = 0.0
    pages = same = similar = paragraphs = errors = 0
    for f in files:
        t0 = time.process_time()
        try:
            ps = extract(f)
        except Exception as e:  # a library that cannot open a file counts as a failure, not a crash
            print(f"  {name}: {f.name}: {e.__class__.__name__}: {e}", file=sys.stderr)
            errors += 1
            continue
        t_extract += time.process_time() - t0
        pages += len(ps)
        try:
            res = parse_text(layout.to_text(ps), Source(str(f), "", "pdf"))
        except Exception as e:
            print(f"  {name}: {f.name}: {e.__class__.__name__}: {e}", file=sys.stderr)
            errors += 1
            continue
        ok, sim, total = fidelity(res, twins[f])
        same += ok
        similar += sim
        paragraphs += total
    total_paragraphs = sum(len(twins[f].paragraphs) for f in files)
    return {"library": name, "licence": LIBRARIES[name][1], "files": len(files), "pages": pages,
            "pages_per_s": pages / t_extract if t_extract else 0.0, "structure": same / len(files),
            "paragraphs": similar / total_paragraphs if total_paragraphs else 0.0, "errors": errors}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=0, help="only the first N PDFs")
    ap.add_argument("--plumber-files", type=int, default=20, help="PDFs for pdfplumber (it is ~25x slower)")
    ap.add_argument("--plumber-all", action="store_true", help="pdfplumber on every PDF")
    args = ap.parse_args(argv)
    corpus = corpus_dir()
    if corpus is None:
        print("the corpus is absent: expected ../shared/corpus or $UNKG_CORPUS", file=sys.stderr)
        return 2
    files = sorted((corpus / "pdf" / "ga").glob("*.pdf"))
    if args.limit:
        files = files[: args.limit]

    # 1. the reader end to end
    t0, c0 = time.perf_counter(), time.process_time()
    for f in files:
        pdf_reader.read(f)
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    pages = sum(_page_count(f) for f in files)
    print(f"unkg PDF reader (pypdfium2 + layout + text parser), {len(files)} resolutions, {pages} pages, one process:")
    print(f"  wall {elapsed:.1f} s = {pages / elapsed:.1f} pages/s, {len(files) / elapsed:.2f} resolutions/s")
    print(f"  CPU  {cpu:.1f} s = {pages / cpu:.1f} pages/s, {len(files) / cpu:.2f} resolutions/s "
          "(CPU time: steadier than wall time on a shared machine)")

    # 2. the library comparison, on the same layout stages and parser
    twins = {f: akn.read(twin(corpus, f)) for f in files}
    rows = []
    for name in LIBRARIES:
        subset = files if name != "pdfplumber" or args.plumber_all else files[: args.plumber_files]
        rows.append(compare_library(name, subset, corpus, twins))
    print()
    print(f"{'library':<11} {'licence':<25} {'files':>5} {'pages':>5} {'pages/s':>8} {'same structure':>15} "
          f"{'similar paragraphs':>19} {'errors':>6}")
    for r in rows:
        print(f"{r['library']:<11} {r['licence']:<25} {r['files']:>5} {r['pages']:>5} {r['pages_per_s']:>8.1f} "
              f"{r['structure']:>15.1%} {r['paragraphs']:>19.2%} {r['errors']:>6}")
    print("\n(pages/s: span extraction only, CPU time; fidelity: the shared layout stages and text parser on each "
          "library's spans, against the AKN twins)")
    return 0


def _page_count(path: Path) -> int:
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(path))
    try:
        return len(doc)
    finally:
        doc.close()


if __name__ == "__main__":
    raise SystemExit(main())
