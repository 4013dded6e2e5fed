"""Mandates: extraction against the hand-annotated set, French/Spanish agreement, and the review's figures.

    .venv/bin/python benchmarks/mandates.py gold [--verbose]      # benchmarks/gold/mandates/*.yaml
    .venv/bin/python benchmarks/mandates.py gold --field entity   # and each matched mandate with a wrong entity
    .venv/bin/python benchmarks/mandates.py languages [--limit N] # GA 78: en vs fr, en vs es
    .venv/bin/python benchmarks/mandates.py figures [--limit N]   # GA 75-79, HRC 54-58, SC (English)

`gold`: mandate detection precision, recall and F1 (an extracted mandate matches a gold one of the same
paragraph: same entity and task first, then same task, then same entity, then any), and on matched mandates
the share with the gold entity, task, due session, due year, recurrence, review clause and existing-resources
flag. Refuses a gold set whose files differ from the frozen hashes below.
`languages`: for each GA 78 resolution in English, French and Spanish, the share of English mandates that the
other language gives in the same paragraph with the same entity, task and due session.
`figures`: parses every English AKN file of the corpus (no store) and prints what the UN80 mandate review
counted: mandates by task and by entity, the share with a review clause, the share asking for reports,
reports requested per entity per year, recurring against one-off.
"""
from __future__ import annotations

import argparse
import hashlib
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import yaml

from unkg.config import corpus_dir
from unkg.ingest.extract import extract, load
from unkg.ingest.readers import read

GOLD = Path(__file__).resolve().parent / "gold" / "mandates"
# SHA-256 of the gold set as written before extraction was tuned; a changed file is not the frozen set
FROZEN = {
    "A_HRC_RES_54_7.yaml": "889627a4303280ca9b70861c7ba3c31a99960ff277b0d4fbf9762e80721f34a8",
    "A_HRC_RES_55_21.yaml": "f18d4266248f39b2e5fae7e848d6c859956f0dbc2527140e8d3ce00640bffc36",
    "A_HRC_RES_55_24.yaml": "68aa9054cd2f2267084c3acf9c61133bed826091e43d0a076d5b02d2a66c9045",
    "A_HRC_RES_55_6.yaml": "fb5268b39b86be0be1f2f13f5d2c653ec43ed866dff3da9aa3d3f5b361c69df2",
    "A_HRC_RES_56_5.yaml": "e95dfc5bade1e4af3ab4a9266be436c30c7ce3ee01b893daeb33f7bf4d2dca3c",
    "A_HRC_RES_57_12.yaml": "ecb1b13c865652f03579f9744b71219e5810e8667d17398565603da8fafe52ab",
    "A_HRC_RES_58_13.yaml": "2097f22d931ff5990887ac20a3066aa983d81e06c5fc9f4d1625afac93148aeb",
    "A_HRC_RES_58_14.yaml": "12ed161af3aa95aa20d6ac070f315d1edf2f21e6766deaec1cc8feb861cdd910",
    "A_RES_75_168.yaml": "4652b8a218fb6763d01ce03b66be39f27ac78c42e87035a098468a9c2f83f77c",
    "A_RES_75_228.yaml": "07939532dce29f432ff887eebf14e8c78d96698dc2c40c9c53f0a00adb3fd93a",
    "A_RES_75_283.yaml": "e66e49a58d05605d04e1be542977b6b89607f921fe4ae9c60b1c4e3d1a6f7106",
    "A_RES_75_69.yaml": "f6e443b5a09e87140796623c121bb60d3dc49b5cca21f46937ee8000b0799153",
    "A_RES_76_148.yaml": "688f5f01ceda46af0351300f097b8be625809f96186afb69b35151e26887cbc1",
    "A_RES_76_174.yaml": "7bf2b933e9f6a24138e07abf614c1b1ca72482590220fd8dc23a372e1b98c5d5",
    "A_RES_77_199.yaml": "cf9e6532d72330f7af2e5b750e2a6cbcaefd07bb94b3d4bae9d588c53c057c59",
    "A_RES_77_282.yaml": "dea5d683c0d669e94737c39df7a80d7c007915383ee591cd5e82ebdd3be81aec",
    "A_RES_78_14.yaml": "be2f28ab0defe95a3bdd4e5a475fc3bea826c9397b1d57abc715bb9137e0f06c",
    "A_RES_78_182.yaml": "c74886f4176953020de8274e44782d84db404ece38f4e212ed27a80bc9e7983b",
    "A_RES_78_208.yaml": "98fca49ff151ad5ecf7c4cf5b3294894009bdb6f1121e0777ba20b5daff96e70",
    "A_RES_78_288.yaml": "768cb176d7bbebe25df91575cd746f120b2cfbdb5b9395ef5f9d3d5081c22d3e",
    "A_RES_79_148.yaml": "6f19438cc776c0d606593b5ef4f2df40762203405a4c4b68816c2f3d8228c7ad",
    "A_RES_79_58.yaml": "55d00babaa61002d8501afcf93fd4b13e0979a1c94ce9fb366d7280e63964355",
    "README.md": "aa852932a9f3dc93806fdacb5499b0dd67126ac194a4e7d7ce1296d1e910b0ed",
    "S_RES_2516_2020.yaml": "4e0192eb3fe9a62552ac0fe76d39506637e0d60c73861a7eaf3f6d976743596d",
    "S_RES_2518_2020.yaml": "86da2df753d9adc8f6702b270fc594772593b3808ade928cf0be20a7d3fac9d6",
    "S_RES_2555_2020.yaml": "4af6f63a5c9eeff732a923e68e078f214b13bbb4895784108a2889e543ec0143",
    "S_RES_2597_2021.yaml": "5159ecdaec2e9c40f845c37c6e64f27f32eefe0699c8302c14cb3adce8a6b10e",
    "S_RES_2710_2023.yaml": "fa323ec3701688a043bf25136f14f6b14161bb61b5408c4cf08feb2c1c4b304e",
    "S_RES_2740_2024.yaml": "5a9dc87496bdcba58f6a8cbcd83756061998c9ffb9c038445c37df50caf44815",
    "S_RES_2766_2024.yaml": "4742c370f2cbc2d73ea5ea21599ac9ff7cff22b01bfea7987ec4450e37fa4d3e",
    "S_RES_2794_2025.yaml": "c104934dd788825bd666d1de753583ee49df65283823452c0be5dbe16ebd0c1e",
}
FIELDS = ("entity", "task", "due_session", "due_year", "recurrence", "review_clause", "within_existing_resources")
DEFAULTS = {"due_session": None, "due_year": None, "recurrence": "once", "review_clause": False,
            "within_existing_resources": False}
ENGLISH = [("ga", str(s)) for s in range(75, 80)] + [("hrc", str(s)) for s in range(54, 59)] + [("sc", None)]


def _local(iri: str | None) -> str | None:
    return iri.rsplit("/", 1)[-1] if iri else None


def mandates_of(path: Path) -> tuple[object, list[dict]]:
    """The resolution read from `path` and its extracted mandates as flat records."""
    res = extract(read(path), load())
    out = []
    for p in res.operative:
        for pr in p.provisions:
            for m in pr.mandates:
                out.append({"para": p.number, "entity": _local(m.entity.id if m.entity else None), "task": m.task,
                            "due_session": m.due_session, "due_year": m.due_year, "recurrence": m.recurrence,
                            "review_clause": m.review_clause, "within_existing_resources": m.within_existing_resources,
                            "text": m.text, "entity_text": m.entity.text if m.entity else None})
    return res, out


def match(gold: list[dict], got: list[dict]) -> tuple[list[tuple[dict, dict]], list[dict], list[dict]]:
    """Pairs of (gold, extracted) mandates of the same paragraph, the unmatched gold and extracted ones."""
    pairs: list[tuple[dict, dict]] = []
    left_g, left_e = list(gold), list(got)
    tests = (lambda g, e: g["entity"] == e["entity"] and g["task"] == e["task"],
             lambda g, e: g["task"] == e["task"], lambda g, e: g["entity"] == e["entity"], lambda g, e: True)
    for same in tests:
        for g in list(left_g):
            e = next((e for e in left_e if e["para"] == g["para"] and same(g, e)), None)
            if e is not None:
                pairs.append((g, e))
                left_g.remove(g)
                left_e.remove(e)
    return pairs, left_g, left_e


def check_frozen() -> None:
    found = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(GOLD.iterdir()) if p.is_file()}
    if found != FROZEN:
        changed = sorted(set(found.items()) ^ set(FROZEN.items()))
        sys.exit(f"benchmarks/gold/mandates: not the frozen gold set ({', '.join(sorted({n for n, _ in changed}))})")


def run_gold(corpus: Path, verbose: bool, field: str | None = None) -> dict[str, float]:
    """Scores on the gold set; `field`: also list each matched mandate whose `field` is wrong, per provision,
    with the words read as its entity and the words that give it."""
    check_frozen()
    tp = fp = fn = 0
    right: Counter = Counter()
    errors: list[str] = []
    wrong: list[str] = []
    for f in sorted(GOLD.glob("*.yaml")):
        doc = yaml.safe_load(f.read_text(encoding="utf-8"))
        gold = [{**DEFAULTS, **m} for m in doc["mandates"]]
        _, got = mandates_of(corpus / "akn" / doc["file"])
        pairs, missed, extra = match(gold, got)
        tp, fp, fn = tp + len(pairs), fp + len(extra), fn + len(missed)
        for g, e in pairs:
            for k in FIELDS:
                right[k] += g[k] == e[k]
                if g[k] != e[k]:
                    errors.append(f"{doc['symbol']} op {g['para']} {k}: gold {g[k]!r} got {e[k]!r}  | {g['words'][:70]}")
                if k == field and g[k] != e[k]:
                    wrong.append(f"{doc['symbol']} op {g['para']}: gold {g[k]!r} got {e[k]!r} "
                                 f"(entity read from {e['entity_text']!r})\n    {e['text'][:160]}")
        errors += [f"{doc['symbol']} op {g['para']} MISSED {g['entity']} {g['task']} | {g['words'][:80]}" for g in missed]
        errors += [f"{doc['symbol']} op {e['para']} EXTRA {e['entity']} {e['task']} | {e['text'][:80]}" for e in extra]
    p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    f1 = 2 * p * r / max(p + r, 1e-9)
    print(f"gold mandates {tp + fn}, extracted {tp + fp}, matched {tp}")
    print(f"detection        precision {p:.3f}  recall {r:.3f}  F1 {f1:.3f}")
    out = {"precision": p, "recall": r, "f1": f1}
    for k in FIELDS:
        out[k] = right[k] / max(tp, 1)
        print(f"{k:<26} {right[k]}/{tp} = {out[k]:.3f}")
    if verbose:
        print("\n".join(errors))
    if field:
        print(f"\nwrong {field} on matched mandates: {len(wrong)}")
        print("\n".join(wrong))
    return out


def run_languages(corpus: Path, verbose: bool, limit: int | None = None) -> None:
    """English GA 78 mandates found again (same paragraph, entity, task, due session) in French and Spanish."""
    by_lang: dict[str, dict[str, Path]] = {}
    symbols: dict[str, str] = {}
    for lang in ("en", "fr", "es"):
        for f in sorted((corpus / "akn" / "ga" / "78" / lang).glob("*.xml")):
            # paired by file name (the language letter aside), not by the symbol the file declares: two French
            # files declare another resolution's symbol (A_RES_78_130 declares 78/13, A_RES_78_4 78/3)
            stem = re.sub(r"_?[EFS]$", "", f.stem)
            by_lang.setdefault(stem, {})[lang] = f
            if lang == "en":
                symbols[stem] = read(f).symbol
    by_lang = {symbols[stem]: files for stem, files in by_lang.items() if stem in symbols}
    key = lambda m: (m["para"], m["entity"], m["task"], m["due_session"])  # noqa: E731
    for other in ("fr", "es"):
        total = same = 0
        misses: list[str] = []
        for sym, files in sorted(by_lang.items())[:limit]:
            if "en" not in files or other not in files:
                continue
            en = Counter(key(m) for m in mandates_of(files["en"])[1])
            xx = Counter(key(m) for m in mandates_of(files[other])[1])
            total += sum(en.values())
            same += sum((en & xx).values())
            misses += [f"{sym} {k} en {n} {other} {xx.get(k, 0)}" for k, n in (en - xx).items()]
        print(f"GA 78 en vs {other}: {same}/{total} English mandates the same = {same / max(total, 1):.3f}")
        if verbose:
            print("\n".join(misses[:80]))


def _english_files(corpus: Path) -> list[Path]:
    out: list[Path] = []
    for body, session in ENGLISH:
        folder = corpus / "akn" / body / (f"{session}/en" if session else "en")
        out += sorted(folder.glob("*.xml"))
    return out


def run_figures(corpus: Path, limit: int | None) -> None:
    files = _english_files(corpus)[:limit]
    by_task: Counter = Counter()
    by_entity: Counter = Counter()
    reports: dict[str, Counter] = defaultdict(Counter)
    recurrence: Counter = Counter()
    n = review = report = resolutions = with_any = 0
    t0 = time.process_time()
    for f in files:
        try:
            res, ms = mandates_of(f)
        except Exception as e:  # noqa: BLE001 - a file the reader refuses is counted and named, not fatal
            print(f"skipped {f.name}: {e}", file=sys.stderr)
            continue
        if "/RES/" not in res.symbol:
            continue  # presidential statements give no mandates to count
        resolutions += 1
        with_any += bool(ms)
        year = (res.date or "")[:4] or "unknown"
        for m in ms:
            n += 1
            by_task[m["task"]] += 1
            by_entity[m["entity"] or "(not in the vocabulary)"] += 1
            review += m["review_clause"]
            report += m["task"] in ("report", "oral_update")
            recurrence["once" if m["recurrence"] == "once" else "recurring"] += 1
            if m["task"] in ("report", "oral_update"):
                reports[m["entity"] or "(not in the vocabulary)"][year] += 1
    cpu = time.process_time() - t0
    print(f"resolutions {resolutions} ({with_any} with a mandate), mandates {n}, "
          f"{cpu / max(len(files), 1):.3f} s CPU per file")
    print("by task: " + ", ".join(f"{k} {v} ({v / max(n, 1):.1%})" for k, v in by_task.most_common()))
    print("by entity (top 15): " + ", ".join(f"{k} {v}" for k, v in by_entity.most_common(15)))
    print(f"with a review clause: {review}/{n} = {review / max(n, 1):.1%}")
    print(f"asking for reports (written or oral): {report}/{n} = {report / max(n, 1):.1%}")
    print(f"recurring {recurrence['recurring']} ({recurrence['recurring'] / max(n, 1):.1%}), "
          f"one-off {recurrence['once']} ({recurrence['once'] / max(n, 1):.1%})")
    years = sorted({y for c in reports.values() for y in c})
    print("reports requested per entity per year (top 10 entities): year " + " ".join(years))
    for entity, _ in sorted(reports.items(), key=lambda kv: -sum(kv[1].values()))[:10]:
        print(f"  {entity[:60]:<60} " + " ".join(str(reports[entity].get(y, 0)) for y in years))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", choices=("gold", "languages", "figures"))
    ap.add_argument("--corpus", type=Path, default=None)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--field", choices=FIELDS, default=None,
                    help="gold: list the matched mandates whose FIELD is wrong, per provision")
    a = ap.parse_args(argv)
    corpus = a.corpus or corpus_dir()
    if corpus is None:
        print("benchmarks/mandates.py: no corpus (set UNKG_CORPUS or pass --corpus)", file=sys.stderr)
        return 2
    if a.what == "gold":
        run_gold(corpus, a.verbose, a.field)
    elif a.what == "languages":
        run_languages(corpus, a.verbose, a.limit)
    else:
        run_figures(corpus, a.limit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
