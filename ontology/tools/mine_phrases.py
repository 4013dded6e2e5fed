"""Mine AKN4UN resolutions for the phrases the vocabularies must cover.

Reads Akoma Ntoso files and lists, with counts:
  op      the leading italic span of each operative paragraph (<mainBody> <paragraph>): "Calls upon", "Also welcomes"
  pre     the leading italic span of each preambular paragraph (<preamble>): "Recalling", "Deeply concerned"
  after   the words right after the leading operative phrase ("all States", "the Secretary-General")
  unbis   UNBIS keywords of meta/classification (label and IRI)

    python -m unkg.ontology.tools.mine_phrases op ../shared/corpus/akn/ga/78/fr --top 200
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Iterator

from lxml import etree

AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
_WS = re.compile(r"\s+")


def clean(text: str) -> str:
    """Collapse white space (incl. no-break spaces) and strip the punctuation that trails a printed phrase."""
    text = _WS.sub(" ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip()
    return text.strip(" ,;:.").strip()


def first_p(el: etree._Element) -> etree._Element | None:
    for p in el.iter(f"{AKN}p"):
        return p
    return None


def leading_italic(p: etree._Element) -> tuple[str, str] | None:
    """The italic span a paragraph starts with (only white space before it) and the text that follows it."""
    if (p.text or "").strip():
        return None
    for child in p:
        if child.tag == f"{AKN}span" and "italic" in (child.get("class") or ""):
            span = "".join(child.itertext())
            # Adjacent italic spans ("Strongly " + "urges") are one phrase.
            tail = child.tail or ""
            nxt = child.getnext()
            while not tail.strip() and nxt is not None and nxt.tag == f"{AKN}span" and "italic" in (nxt.get("class") or ""):
                span += tail + "".join(nxt.itertext())
                tail = nxt.tail or ""
                nxt = nxt.getnext()
            rest = tail
            while nxt is not None:
                rest += "".join(nxt.itertext()) + (nxt.tail or "")
                nxt = nxt.getnext()
            return clean(span), _WS.sub(" ", rest).strip()
        if child.tag in (f"{AKN}authorialNote",):
            continue
        return None
    return None


def parse_file(path: Path) -> etree._Element | None:
    try:
        return etree.parse(str(path)).getroot()
    except etree.XMLSyntaxError:
        return None


def operative(root: etree._Element) -> Iterator[tuple[str, str]]:
    """(leading phrase, following text) for each operative paragraph that starts with an italic span."""
    for body in root.iter(f"{AKN}mainBody"):
        for para in body.iter(f"{AKN}paragraph"):
            if para.getparent() is not None and para.getparent().tag == f"{AKN}paragraph":
                continue  # sub-paragraph
            p = first_p(para)
            if p is None:
                continue
            hit = leading_italic(p)
            if hit and hit[0]:
                yield hit


def operative_paragraphs(root: etree._Element) -> Iterator[etree._Element]:
    """Every top-level numbered operative paragraph's first <p>, italic or not."""
    for body in root.iter(f"{AKN}mainBody"):
        for para in body.iter(f"{AKN}paragraph"):
            if para.getparent() is not None and para.getparent().tag == f"{AKN}paragraph":
                continue
            p = first_p(para)
            if p is not None:
                yield p


def preambular(root: etree._Element) -> Iterator[tuple[str, str]]:
    for pre in root.iter(f"{AKN}preamble"):
        for p in pre.iter(f"{AKN}p"):
            if p.getparent() is not None and p.getparent().tag == f"{AKN}formula":
                continue
            if any(a.tag == f"{AKN}authorialNote" for a in p.iterancestors()):
                continue
            hit = leading_italic(p)
            if hit and hit[0]:
                yield hit


def unbis(root: etree._Element) -> Iterator[tuple[str, str]]:
    for kw in root.iter(f"{AKN}keyword"):
        if kw.get("dictionary") == "UNBIS":
            yield kw.get("showAs") or kw.get("value") or "", kw.get("href") or ""


def files(folders: list[Path]) -> Iterator[Path]:
    for folder in folders:
        yield from sorted(folder.rglob("*.xml")) if folder.is_dir() else [folder]


def count(kind: str, folders: list[Path], words: int = 4) -> Counter:
    c: Counter = Counter()
    for f in files(folders):
        root = parse_file(f)
        if root is None:
            continue
        if kind == "op":
            c.update(phrase for phrase, _ in operative(root))
        elif kind == "pre":
            c.update(phrase for phrase, _ in preambular(root))
        elif kind == "after":
            for _phrase, rest in operative(root):
                c[" ".join(re.split(r"\s+", rest)[:words])] += 1
        elif kind == "unbis":
            c.update(f"{label}\t{href}" for label, href in unbis(root))
    return c


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("kind", choices=["op", "pre", "after", "unbis"])
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--top", type=int, default=100)
    ap.add_argument("--words", type=int, default=4, help="words kept after the verb (kind 'after')")
    a = ap.parse_args(argv)
    c = count(a.kind, a.folders, a.words)
    total = sum(c.values())
    for phrase, n in c.most_common(a.top):
        print(f"{n}\t{phrase}")
    print(f"# {total} occurrences, {len(c)} distinct", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
