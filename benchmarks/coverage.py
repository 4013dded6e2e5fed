"""Vocabulary coverage over the whole corpus, no gold needed: which addressee, right and group phrases map to no concept.

    .venv/bin/python benchmarks/coverage.py [--corpus DIR] [--top N] [--all] [--limit N]

Reads every English resolution of the corpus (GA 75-79, HRC 54-58, SC resolutions) except the frozen test set's
(gold/test/: the lists below are worked through by hand, and that set must stay unseen) and prints:
- addressee slots: the noun phrase after "Urges", "Calls upon/on", "Requests" (up to its "to") and after
  "Recommends that" (up to its verb), where the verb opens the paragraph or a coordinated clause; the share
  whose phrase holds an actor mention (pronoun slots are resolved by the extractor's rules, not by the
  vocabularies, and are counted apart; phrases recorded as not naming an actor are no addressee slots);
- right phrases: every "right(s) to/of ...", "freedom(s) of/from ...", "... rights", "... freedom(s)",
  "entitled to ..." whose words hold no right mention, by phrase;
- group phrases: plural person nouns after "for", "of", "to" that hold no group mention, by phrase;
and the most frequent unmapped phrases of each kind. A phrase is decided when it is mapped (the vocabularies
have a label for it) or recorded in coverage_decisions.yaml as deliberately not an actor, right or group;
phrases seen at least twice that are neither are "undecided".
"""
from __future__ import annotations

import argparse
import fnmatch
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

from unkg.config import corpus_dir
from unkg.ingest.extract import load
from unkg.ingest.extract.grammar import grammar
from unkg.ingest.extract.mentions import MentionFinder, ShortNames
from unkg.ingest.extract.tokens import tokenize
from unkg.ingest.extract.vocab import ACTOR, GROUP, INSTRUMENT, RIGHT
from unkg.ingest.model import OPERATIVE
from unkg.ingest.readers import read

HERE = Path(__file__).resolve().parent
DECISIONS = HERE / "coverage_decisions.yaml"
TEST = HERE / "gold" / "test"

# verb, then the addressee phrase; the verb must open the paragraph or follow a clause boundary or adverb
SLOT = re.compile(r"(?:^|[,;:]\s+|\b(?:and|also|further|strongly|again|therefore|urgently|furthermore|firmly|"
                  r"regard|connection|context|respect|particular)\s+)"
                  r"(?P<verb>urges|calls upon|calls on|requests|recommends that)\s+(?P<np>[^;:]{1,300})", re.I)
NP_END = re.compile(r"\s(?:to|shall|should|will|must|may|continue|consider|ensure|take|make|provide|"
                    r"establish|undertake|include|be|adopt|give|submit|report)\b")
PRONOUNS = {"them", "it", "him", "her", "those", "the latter", "the former", "both", "all of them", "each"}
NOT_NP = re.compile(r"^(?:that|for|from|in|on|by|its|their|this|these|also|further|once)\b", re.I)

STOP = ("and|or|in|as|which|that|is|are|was|were|be|for|to|with|by|under|through|at|on|against|from|"
        "without|within|including|while|where|whose|who|its|their|his|her|this|these|those|has|have|been|shall|"
        "should|will|must|may|can|also|not")
WORD = r"[\w'’-]+"
RIGHT_FWD = re.compile(rf"\b(?:rights?\s+(?:to|of)|freedoms?\s+(?:of|from)|entitled\s+to)\s+"
                       rf"(?:the\s+|all\s+|a\s+|an\s+|their\s+|his\s+or\s+her\s+)?"
                       rf"(?P<obj>(?!(?:{STOP})\b){WORD}(?:\s+(?!(?:{STOP})\b){WORD}){{0,3}})", re.I)
RIGHT_BACK = re.compile(rf"(?P<mod>{WORD})\s+(?P<head>rights|freedoms?)\b(?!\s+(?:to|of|from)\b)", re.I)
BACK_STOP = {"the", "of", "and", "or", "their", "its", "all", "to", "for", "with", "on", "in", "his", "her", "a",
             "these", "those", "such", "other", "including", "both", "that", "which", "whose", "as", "by",
             "respect", "protect", "promote", "promoting", "protecting", "respecting", "recalling", "grave",
             "serious", "several", "relevant", "international", "national", "fundamental", "basic", "universal",
             "nations", "equal", "full", "certain", "specific", "said", "same", "our", "my", "your"}

PERSON_NOUNS = ("persons|people|peoples|women|men|girls|boys|children|youth|adolescents|victims|survivors|workers|"
                "migrants|refugees|defenders|journalists|detainees|prisoners|minorities|families|communities|"
                "individuals|populations|civilians|patients|farmers|students|seekers|users|mothers|fathers|"
                "parents|orphans|veterans|elders|teachers|nationals|inhabitants|residents|citizens|"
                "fishers|pastoralists|peasants|smallholders|entrepreneurs|professionals|personnel|staff|"
                "volunteers|combatants|fighters|hostages|widows|infants|newborns|pupils|learners")
GROUP_NP = re.compile(rf"\b(?P<prep>for|of|to)\s+(?P<det>the\s+|all\s+|those\s+)?(?P<np>(?:(?!(?:{STOP}|of|the)\b){WORD}\s+)"
                      rf"{{0,3}}?(?P<head>{PERSON_NOUNS})(?:\s+(?:with|of|in|living with|affected by)\s+(?!(?:the|a|an|all|those|these|its|their)\b){WORD})?)\b", re.I)
PLACE = re.compile(r"^(peoples?|populations?|inhabitants|citizens|nationals) of (?:the )?[A-Z].*$")


def test_symbols() -> set[str]:
    return {yaml.safe_load(f.read_text(encoding="utf-8"))["symbol"] for f in TEST.glob("*.yaml")}


def corpus_files(corpus: Path) -> list[Path]:
    files = [f for s in range(75, 80) for f in sorted((corpus / f"akn/ga/{s}/en").glob("*.xml"))]
    files += [f for s in range(54, 59) for f in sorted((corpus / f"akn/hrc/{s}/en").glob("*E.xml"))]
    files += sorted((corpus / "akn/sc/en").glob("S_RES_*.xml"))
    return files


def norm(s: str) -> str:
    s = re.sub(r"\s+", " ", s.replace("’", "'")).strip(" ,.;:").lower()
    return re.sub(r"^(?:the|all|all the|any|each|every|a|an) ", "", s)


class Decided:
    """Phrases recorded as deliberately not an actor, right or group: exact phrases, or patterns with `*`."""

    def __init__(self, entries: list | None):
        self.exact = {norm(x) for x in entries or [] if "*" not in x}
        self.patterns = [norm(x) for x in entries or [] if "*" in x]

    def __contains__(self, phrase: str) -> bool:
        return phrase in self.exact or any(fnmatch.fnmatchcase(phrase, p) for p in self.patterns)


class Coverage:
    def __init__(self, v, decisions: dict):
        self.v = v
        self.finder = MentionFinder(v, "en", grammar("en"))
        self.short = ShortNames(grammar("en"))
        self.slots = Counter()  # outcome -> count
        self.unmapped_actor = Counter()
        self.rights = Counter()  # unmapped phrase -> count
        self.rights_mapped = 0
        self.rights_of_groups = 0
        self.groups = Counter()
        self.groups_mapped = 0
        self.not_actor = Decided(decisions.get("not_actor"))
        self.not_right = Decided(decisions.get("not_right"))
        self.not_group = Decided(decisions.get("not_group"))

    def kinds_in(self, ments, a: int, b: int) -> set[str]:
        return {m.concept.kind for m in ments if m.start < b and m.end > a}

    def classify(self, ments, a: int, b: int, kinds: set[str], head: tuple[int, int] | None = None) -> str | None:
        """"mapped" when a mention of `kinds` overlaps [a, b); "title" when the words (or the head word
        `head`, a character span) sit inside an instrument's or an actor's name ("Convention on the Rights of
        the Child", "Office of the High Commissioner for Human Rights to ..."): no phrase of its own."""
        ha, hb = head or (a, b)
        for m in ments:
            if m.start < b and m.end > a and m.concept.kind in kinds:
                return "mapped"
        for m in ments:
            if m.concept.kind in (INSTRUMENT, ACTOR) and m.start <= ha and m.end >= hb:
                return "title"
        return None

    def resolution(self, paragraphs: list[tuple[str, bool]]) -> None:
        """Mentions as the extractor finds them: short references ("the Special Committee") resolve to the
        full names the same resolution uses."""
        per = []
        for text, operative in paragraphs:
            toks = tokenize(text)
            per.append((text, operative, toks, self.finder.find(toks)))
        heads = self.short.build([(toks, m) for _, _, toks, ms in per for m in ms], self.v)
        for text, operative, toks, ments in per:
            self.paragraph(text, operative, self.short.apply(toks, ments, heads, self.v))

    def paragraph(self, text: str, operative: bool, ments) -> None:
        if operative:
            self.addressees(text, ments)
        self.right_phrases(text, ments)
        self.group_phrases(text, ments)

    def addressees(self, text: str, ments) -> None:
        for m in SLOT.finditer(text):
            np_text = m.group("np")
            end = NP_END.search(np_text)
            np_ = np_text[:end.start()] if end else np_text[:120]
            key = norm(np_)
            if not key or NOT_NP.match(key):
                continue
            a = m.start("np")
            if key in PRONOUNS:
                self.slots["pronoun"] += 1
            elif ACTOR in self.kinds_in(ments, a, a + len(np_)):
                self.slots["mapped"] += 1
            elif key in self.not_actor:
                self.slots["not an actor"] += 1
            else:
                self.slots["unmapped"] += 1
                self.unmapped_actor[key] += 1

    def right_phrases(self, text: str, ments) -> None:
        for m in RIGHT_FWD.finditer(text):
            how = self.classify(ments, m.start(), m.end(), {RIGHT}, (m.start(), m.start() + 5))
            if how is None and m.group(0).lower().startswith(("rights of", "right of", "freedoms of", "freedom of")) and \
                    self.classify(ments, m.start("obj"), m.end("obj"), {GROUP}) == "mapped":
                self.rights_of_groups += 1  # "the rights of migrants": the group is the beneficiary
            elif how == "mapped":
                self.rights_mapped += 1
            elif how is None:
                self.rights[norm(m.group(0))] += 1
        for m in RIGHT_BACK.finditer(text):
            if m.group("mod").lower() in BACK_STOP:
                continue
            how = self.classify(ments, m.start(), m.end(), {RIGHT}, m.span("head"))
            if how == "mapped":
                self.rights_mapped += 1
            elif how is None:
                self.rights[norm(m.group(0))] += 1

    def group_phrases(self, text: str, ments) -> None:
        for m in GROUP_NP.finditer(text):
            how = self.classify(ments, m.start("np"), m.end("np"), {GROUP, ACTOR}, (m.end("np") - 3, m.end("np")))
            if how == "mapped":
                self.groups_mapped += 1
            elif how is None:
                np_ = m.group("np")
                if m.group("prep").lower() == "to" and not m.group("det") and m.start("head") > m.start("np"):
                    np_ = np_.split(" ", 1)[1]  # "to protect persons": an infinitive, not a modifier
                while np_.split(" ", 1)[0].lower().endswith("ing") and " " in np_:
                    np_ = np_.split(" ", 1)[1]  # "for protecting all persons": a gerund, not a modifier
                place = PLACE.match(np_)
                self.groups[f"{place.group(1).lower()} of <place>" if place else norm(np_)] += 1


def report(c: Coverage, top: int, show_all: bool) -> int:
    s = c.slots
    slots = s["mapped"] + s["unmapped"]
    share = s["mapped"] / slots if slots else 1.0
    print(f"addressee slots: {slots + s['pronoun'] + s['not an actor']} ({s['pronoun']} pronouns, "
          f"{s['not an actor']} recorded as naming no actor); {share:.3f} of the {slots} others map to an actor "
          f"({s['unmapped']} do not)")
    undecided_a = [(k, n) for k, n in c.unmapped_actor.most_common() if n >= 2]
    print(f"  unmapped addressee phrases seen at least twice: {len(undecided_a)}; most frequent:")
    for k, n in (undecided_a if show_all else undecided_a[:top]):
        print(f"    {n:5d}  {k}")
    undecided = 0
    for title, counter, mapped, decided in (("right", c.rights, c.rights_mapped, c.not_right),
                                             ("group", c.groups, c.groups_mapped, c.not_group)):
        twice = [(k, n) for k, n in counter.most_common() if n >= 2]
        kind = RIGHT if title == "right" else GROUP
        open_ = [(k, n) for k, n in twice if k not in decided and c.v.resolve_label(k, (kind,)) is None]
        undecided += len(open_)
        extra = f" ({c.rights_of_groups} more name a group's rights: the group maps)" if title == "right" else ""
        print(f"{title} phrases: {mapped} mapped{extra}, {sum(counter.values())} unmapped occurrences; "
              f"{len(twice)} unmapped phrases seen at least twice: {len(twice) - len(open_)} decided (recorded "
              f"as no {title}, or a label of the vocabularies), {len(open_)} undecided; most frequent undecided:")
        for k, n in (open_ if show_all else open_[:top]):
            print(f"    {n:5d}  {k}")
    print(f"undecided phrases (rights and groups seen at least twice): {undecided}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=None)
    ap.add_argument("--top", type=int, default=25, help="how many unmapped phrases of each kind to list")
    ap.add_argument("--all", action="store_true", help="list every unmapped phrase seen at least twice")
    ap.add_argument("--limit", type=int, default=None, help="at most N files (a quick look)")
    a = ap.parse_args(argv)
    corpus = a.corpus or corpus_dir()
    if corpus is None:
        print("the corpus is absent: expected ../shared/corpus or $UNKG_CORPUS", file=sys.stderr)
        return 2
    decisions = yaml.safe_load(DECISIONS.read_text(encoding="utf-8")) if DECISIONS.exists() else {}
    c = Coverage(load(), decisions or {})
    skip = test_symbols()
    files = corpus_files(corpus)[:a.limit]
    n = 0
    for f in files:
        try:
            res = read(f)
        except Exception as e:  # a file the readers cannot read is not this benchmark's business
            print(f"  skipped {f.name}: {e}", file=sys.stderr)
            continue
        if res.symbol in skip:
            continue
        n += 1
        c.resolution([(p.text, p.kind == OPERATIVE) for p in res.paragraphs])
    print(f"corpus coverage over {n} English resolutions (the {len(skip)} of the test set left out)")
    return report(c, a.top, a.all)


if __name__ == "__main__":
    sys.exit(main())
