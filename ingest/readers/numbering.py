"""How the readers read printed numbering, one rule and one function for every reader: which sub-paragraph
nests under which and where continuation text goes (`attach_sub`, `continue_text`), and the repair of
operative paragraph numbers so that part + number identify every paragraph (IRIs are built from them):
numbering that restarts per section, and numbers misprinted or printed twice. The model (ingest/model.py)
holds only the data."""
from __future__ import annotations

import re

from unkg.ingest.model import OPERATIVE, Paragraph, SubParagraph
from unkg.ingest.readers.stages import join_normalised

_ROMAN = re.compile(r"^[ivxlc]+$")


def nests_under(parent: SubParagraph | None, key: str, quoted: bool = False) -> bool:
    """Whether sub-paragraph `key` ("ii", "b") nests under the sub-paragraph before it: a Roman numeral after a
    letter does ("(i)" after "(a)"), unless it is the next letter ("(i)" after "(h)", "(v)" after "(u)"), and
    only from "(i)" on (or once the letter has nested items); "'2'", how Arabic files print (ii), always does."""
    if parent is None:
        return False
    if quoted:
        return True
    next_letter = len(key) == 1 and len(parent.number) == 1 and ord(key) == ord(parent.number) + 1
    roman_after_letter = _ROMAN.match(key) and not _ROMAN.match(parent.number) and not next_letter
    return bool(roman_after_letter) and bool(parent.subparagraphs or key in ("i", "1"))


def attach_sub(paragraph: Paragraph, printed: str, text: str) -> SubParagraph:
    """Add sub-paragraph `text`, labelled as printed ("(c)", "c)", "'2'"), to the paragraph it follows: under
    the paragraph's last sub-paragraph when it nests there (`nests_under`), else after it. Its label and text
    join the text of the paragraph (and of the parent it nests under)."""
    key = printed.strip("().'‘’ ")
    sub = SubParagraph(key, text)
    subs = paragraph.subparagraphs
    parent = subs[-1] if subs else None
    if parent is not None and nests_under(parent, key, quoted=printed.startswith("'")):
        parent.subparagraphs.append(sub)
        parent.text = join_normalised(parent.text, f"{printed} {text}")
    else:
        subs.append(sub)
    paragraph.text = join_normalised(paragraph.text, f"{printed} {text}")
    return sub


def continue_text(paragraph: Paragraph, extra: str) -> None:
    """Append unnumbered continuation text to a paragraph and to its last (nested) sub-paragraph, which it
    follows. Only a sub-paragraph that ends the text it is in is followed by it: text after a list (a stray
    element in it) may have come between, and a sub-paragraph's text stays inside its paragraph's."""
    tail = paragraph.text
    paragraph.text = join_normalised(paragraph.text, extra)
    subs = paragraph.subparagraphs
    while subs and tail.endswith(subs[-1].text):
        tail = subs[-1].text
        subs[-1].text = join_normalised(subs[-1].text, extra)
        subs = subs[-1].subparagraphs


def unique_numbers(paragraphs: list[Paragraph]) -> list[str]:
    """Make part + number identify every operative paragraph (IRIs are built from them); returns warnings.

    Budget resolutions restart numbering in each section (I, II ...). Each run of numbering (it restarts at
    "1") then gets its section's label in its part: "I", or "A/I" in part A; unnumbered paragraphs go with
    the run they sit in (those just before a "1." with the run they introduce). A run's label is the section
    its numbered paragraphs were printed under (`Paragraph.section`); runs without distinct labels are
    numbered "1", "2" ... A number printed twice inside one run (a misprint) becomes "4-2".
    """
    ops = [p for p in paragraphs if p.kind == OPERATIVE]
    warnings = _misprinted_numbers([p for p in ops if p.number])
    numbers = [(p.part, p.number) for p in ops if p.number]
    if len(numbers) == len(set(numbers)):
        return warnings
    runs: list[list[Paragraph]] = []
    for p in ops:
        run = runs[-1] if runs else None
        if run is None or run[0].part != p.part:
            runs.append([p])
        elif p.number == "1" and any(q.number for q in run):
            # unnumbered paragraphs just before "1." ("Resolves that:") introduce the new run
            k = len(run)
            while k > 0 and run[k - 1].number is None:
                k -= 1
            runs.append(run[k:] + [p])
            del run[k:]
        else:
            run.append(p)
    by_part: dict[str | None, list[list[Paragraph]]] = {}
    for run in runs:
        by_part.setdefault(run[0].part, []).append(run)
    for part, part_runs in by_part.items():
        if len(part_runs) < 2:
            continue
        labels = [next((p.section for p in run if p.number and p.section), None)
                  for run in part_runs]
        if None in labels or len(set(labels)) != len(labels):
            labels = [str(i) for i in range(1, len(part_runs) + 1)]
        for label, run in zip(labels, part_runs, strict=True):
            for p in run:
                p.part = f"{part}/{label}" if part else label
    seen: dict[tuple[str | None, str], int] = {}
    for p in ops:
        if p.number:
            k = seen[(p.part, p.number)] = seen.get((p.part, p.number), 0) + 1
            if k > 1:
                warnings.append(f"operative paragraph number {p.number} printed again; read as {p.number}-{k}")
                p.number = f"{p.number}-{k}"
    return warnings


def _misprinted_numbers(numbered: list[Paragraph]) -> list[str]:
    """34, 34, 36: the second 34 is a misprint of 35 (Spanish 78/190). Read it so, with a warning, only when
    both neighbours say so."""
    warnings = []
    for before, p, after in zip(numbered, numbered[1:], numbered[2:], strict=False):
        if before.part == p.part == after.part and p.number == before.number and (p.number or "").isdigit() \
                and after.number == str(int(p.number or 0) + 2):
            p.number = str(int(p.number or 0) + 1)
            warnings.append(f"operative paragraph number {before.number} printed twice; the second read as "
                            f"{p.number} (the next is {after.number})")
    return warnings
