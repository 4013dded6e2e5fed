"""Do the English, French and Spanish labels of a vocabulary find the same concepts in parallel texts?

Aligns the operative paragraphs of parallel AKN files (same work, same paragraph number), finds the concepts of one
class mentioned in each (longest label first, case-insensitive, on word boundaries) and reports how far the
other language's concept sets agree with the English ones (micro-averaged F1 and the share of identical sets), with
the concepts most often missed or extra.

    python -m unkg.ontology.tools.agreement ../shared/corpus/akn/ga/78 fr --cls Actor
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from functools import cache
from pathlib import Path

from lxml import etree
from rdflib import Graph, URIRef

from unkg.ontology.tools import mine_phrases as mp
from unkg.ontology.tools.coverage import UNKG, labels, load, norm

FILE_OF = {"Actor": "actors.ttl", "Right": "rights.ttl", "AffectedGroup": "groups.ttl"}


class Finder:
    """Finds label mentions in text: longest label first, on word boundaries, no overlaps."""

    def __init__(self, g: Graph, cls: URIRef, lang: str):
        table = labels(g, cls, lang)
        self.table = table
        alts = sorted(table, key=len, reverse=True)
        self.rx = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, alts)) + r")(?![\w-])") if alts else None

    def find(self, text: str) -> set[URIRef]:
        if self.rx is None:
            return set()
        return {self.table[m.group(1)] for m in self.rx.finditer(norm(text))}


def _work(root: etree._Element) -> str | None:
    for w in root.iter(f"{mp.AKN}FRBRWork"):
        for t in w.iter(f"{mp.AKN}FRBRthis"):
            return t.get("value")
    return None


# Where the addressees after an operative verb end: "Calls upon all States | to", "Demande aux États | de",
# "Exhorta a los Estados | a que", "Solicita al Secretario General | que".
ZONE_END = {"en": re.compile(r"\s(?:to|that)\s"), "fr": re.compile(r"\s(?:de|d[’']|à|que|qu[’'])"),
            "es": re.compile(r"\s(?:a|que|al)\s")}


def addressee_zone(rest: str, lang: str) -> str:
    """The words right after the operative verb, up to the infinitive or clause that says what to do."""
    rest = rest.strip(" ,")
    m = ZONE_END[lang].search(rest, 1)
    return rest[: m.start()] if m and m.start() < 250 else ""


@cache
def paragraphs(folder: Path, zone: str | None = None) -> dict[tuple[str, str], str]:
    """(work, operative number) -> paragraph text (or, with zone=lang, its addressee zone) for each AKN file.

    Cached per folder: callers must not modify the result."""
    out: dict[tuple[str, str], str] = {}
    for f in sorted(folder.glob("*.xml")):
        root = mp.parse_file(f)
        if root is None or (work := _work(root)) is None:
            continue
        for body in root.iter(f"{mp.AKN}mainBody"):
            for para in body.iter(f"{mp.AKN}paragraph"):
                num = para.find(f"{mp.AKN}num")
                if num is None or para.getparent().tag == f"{mp.AKN}paragraph":
                    continue
                if zone:
                    first = mp.first_p(para)
                    hit = mp.leading_italic(first) if first is not None else None
                    text = addressee_zone(hit[1], zone) if hit else ""
                else:
                    text = " ".join(t for p in para.iter(f"{mp.AKN}p")
                                    for t in p.xpath("text()|*[not(self::*[local-name()='authorialNote'])]//text()"))
                out[(work, (num.text or "").strip())] = text
    return out


def agreement(g: Graph, cls: URIRef, en_dir: Path, other_dir: Path, lang: str,
              addressees: bool = False) -> tuple[float, float, Counter, Counter]:
    """(micro F1, share of paragraphs with identical sets, concepts missed in `lang`, concepts extra in `lang`).

    With addressees=True only the words right after the operative verb are compared (see addressee_zone)."""
    en_find, other_find = Finder(g, cls, "en"), Finder(g, cls, lang)
    en = paragraphs(en_dir, "en" if addressees else None)
    other = paragraphs(other_dir, lang if addressees else None)
    tp = fp = fn = same = n = 0
    missed: Counter = Counter()
    extra: Counter = Counter()
    for key, text in en.items():
        if key not in other:
            continue
        a, b = en_find.find(text), other_find.find(other[key])
        if not a and not b:
            continue
        n += 1
        same += a == b
        tp += len(a & b)
        fn += len(a - b)
        fp += len(b - a)
        missed.update(a - b)
        extra.update(b - a)
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return f1, (same / n if n else 0.0), missed, extra


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("session", type=Path, help="a folder holding en/ and the other language's folder")
    ap.add_argument("lang")
    ap.add_argument("--cls", default="Actor")
    ap.add_argument("--file", default=None, help="vocabulary file (default: the class's own, e.g. actors.ttl)")
    ap.add_argument("--top", type=int, default=20)
    ap.add_argument("--addressees", action="store_true", help="compare only the words right after the verb")
    a = ap.parse_args(argv)
    g = load(a.file or FILE_OF[a.cls])
    f1, same, missed, extra = agreement(g, UNKG[a.cls], a.session / "en", a.session / a.lang, a.lang, a.addressees)
    print(f"en-{a.lang} {a.cls}: micro F1 {f1:.3f}; identical sets {same:.3f}")
    short = lambda c: str(c).rsplit("/", 1)[1]  # noqa: E731
    print("missed:", ", ".join(f"{short(c)} {n}" for c, n in missed.most_common(a.top)))
    print("extra: ", ", ".join(f"{short(c)} {n}" for c, n in extra.most_common(a.top)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
