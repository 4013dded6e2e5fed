"""How much of the corpus the vocabularies cover: which printed phrases resolve to a concept.

A phrase resolves when, compared case-insensitively, it equals a label (prefLabel or altLabel) of a concept of
the wanted class, or does so once verb-modifier labels ("also", "further", "once again") are taken off its
start or end, or once a coordinated second verb is dropped ("Welcomes and encourages" -> "Welcomes").

    python -m unkg.ontology.tools.coverage op ../shared/corpus/akn/ga/78/fr --lang fr
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from importlib import resources
from pathlib import Path

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import RDF, SKOS

from unkg.ontology.tools import mine_phrases

UNKG = Namespace("https://w3id.org/unkg/ontology#")
_APOS = str.maketrans({"\u2019": "'", "\u2018": "'", "\u2011": "-", "\u2010": "-", "\u00ad": ""})


def norm(text: str) -> str:
    """Case- and apostrophe-insensitive key, white space collapsed, trailing punctuation dropped."""
    return re.sub(r"\s+", " ", text.translate(_APOS)).strip(" ,;:.").lower()


def load(*names: str) -> Graph:
    """The named vocabulary files (e.g. 'verbs.ttl'), or all of ontology/vocab/*.ttl."""
    g = Graph()
    folder = resources.files("unkg.ontology.vocab")
    for f in sorted(folder.iterdir(), key=lambda p: p.name):
        if f.name.endswith(".ttl") and (not names or f.name in names):
            g.parse(data=f.read_text(encoding="utf-8"), format="turtle")
    return g


def labels(g: Graph, cls: URIRef, lang: str) -> dict[str, URIRef]:
    """norm(label) -> concept for every pref/altLabel in `lang` of concepts typed `cls`."""
    out: dict[str, URIRef] = {}
    for c in g.subjects(RDF.type, cls):
        for p in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel):
            for lab in g.objects(c, p):
                if getattr(lab, "language", None) == lang:
                    out[norm(str(lab))] = c
    return out


class Resolver:
    """Resolves printed phrases of one language to concepts of one class."""

    def __init__(self, g: Graph, cls: URIRef, lang: str, modifiers: URIRef | None = UNKG.VerbModifier):
        self.table = labels(g, cls, lang)
        mods = labels(g, modifiers, lang) if modifiers is not None else {}
        self.modifiers = sorted(mods, key=len, reverse=True)

    def resolve(self, phrase: str) -> URIRef | None:
        key = norm(phrase)
        if key in self.table:
            return self.table[key]
        changed = True
        while changed and key:
            changed = False
            for m in self.modifiers:
                if key.startswith(m + " "):
                    key, changed = key[len(m) + 1:].strip(" ,"), True
                elif key.endswith(" " + m):
                    key, changed = key[: -len(m) - 1].strip(" ,"), True
                if key in self.table:
                    return self.table[key]
        # "Welcomes and encourages": the first verb carries the paragraph.
        for sep in (" and ", " et ", " y "):
            if sep in key:
                head = self.resolve(key.split(sep, 1)[0])
                if head is not None:
                    return head
        return None


def coverage(resolver: Resolver, counts: Counter) -> tuple[float, Counter]:
    """Share of occurrences that resolve, and the phrases that do not."""
    missed: Counter = Counter({p: n for p, n in counts.items() if resolver.resolve(p) is None})
    total = sum(counts.values())
    return (1 - sum(missed.values()) / total if total else 0.0), missed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("kind", choices=["op", "pre"])
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--lang", default="en")
    ap.add_argument("--top", type=int, default=40)
    a = ap.parse_args(argv)
    g = load()
    cls = UNKG.OperativeVerb if a.kind == "op" else UNKG.PreambularOpener
    share, missed = coverage(Resolver(g, cls, a.lang), mine_phrases.count(a.kind, a.folders))
    print(f"coverage {share:.4f}; unresolved phrases ({len(missed)} distinct):")
    for p, n in missed.most_common(a.top):
        print(f"{n}\t{p}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
