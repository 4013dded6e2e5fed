"""Choose the extraction test set by a fixed, seeded rule (the rule is the code; gold/TESTSET.md says it in words).

    .venv/bin/python benchmarks/select_testset.py [--corpus DIR]

Candidates: every English AKN resolution of GA sessions 75-79, HRC sessions 54-58 and the Security Council
(resolutions, not presidential statements) that the reader reads, with 8 to 30 operative paragraphs, whose
symbol the repository does not mention anywhere (gold files, tests, vocabulary comments, docs: a resolution
somebody read while writing a rule or a label is not fresh). Strata: the six GA Main Committees, GA plenary
(without reference to a Main Committee), HRC, SC. Within a stratum candidates are ordered by
sha256(SEED + symbol); picks go round the strata in that order (GA 1st..6th, plenary, HRC, SC), one per
stratum per round, until at least 12 resolutions and 200 operative paragraphs are chosen.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

from unkg.config import corpus_dir
from unkg.ingest.readers import read

SEED = "unkg-issue-18-testset-2026-12-05"
STRATA = ("First Committee", "Second Committee", "Third Committee", "Fourth Committee", "Fifth Committee",
          "Sixth Committee", "Without reference to a Main Committee", "HRC", "SC")
ROOT = Path(__file__).resolve().parent.parent
MIN_FILES, MIN_PARAGRAPHS, MIN_OPS, MAX_OPS = 12, 200, 8, 30


def _objects(path: Path) -> list[dict]:
    """A GA metadata file: a sequence of JSON objects."""
    text = path.read_text(encoding="utf-8")
    dec, i, out = json.JSONDecoder(), 0, []
    while i < len(text):
        while i < len(text) and text[i] in " \t\r\n,[]":
            i += 1
        if i >= len(text):
            break
        obj, i = dec.raw_decode(text, i)
        if isinstance(obj, list):
            out += [o for o in obj if isinstance(o, dict)]
        else:
            out.append(obj)
    return out



def cited() -> set[str]:
    """Every 'NN/N' or 'NNNN' resolution number the repository's tracked files mention, in any spelling."""
    out = subprocess.run(["git", "-C", str(ROOT), "grep", "-hoIE",
                          r"(RES[/_ ])?[0-9]{2,4}[/_ ][0-9]{1,4}|(RES|resolution)[/_ ]?[0-9]{4}"],
                         capture_output=True, text=True, check=False).stdout
    seen = set()
    for m in out.splitlines():
        nums = re.findall(r"[0-9]+", m)
        seen.add("/".join(nums[-2:]) if len(nums) >= 2 else nums[-1])
    return seen


def candidates(corpus: Path) -> dict[str, list[tuple[str, str, int]]]:
    committee = {}
    for s in range(75, 80):
        for o in _objects(corpus / f"meta/ga/{s}.json"):
            committee[o["symbol"]] = o.get("committee", "")
    files = [(f, "GA") for s in range(75, 80) for f in sorted((corpus / f"akn/ga/{s}/en").glob("*.xml"))]
    files += [(f, "HRC") for s in range(54, 59) for f in sorted((corpus / f"akn/hrc/{s}/en").glob("*E.xml"))]
    files += [(f, "SC") for f in sorted((corpus / "akn/sc/en").glob("S_RES_*.xml"))]
    seen = cited()
    out: dict[str, list] = {s: [] for s in STRATA}
    for f, body in files:
        try:
            res = read(f)
        except Exception:  # an unreadable file is not a candidate
            continue
        sym = res.symbol or ""
        nums = re.findall(r"[0-9]+", sym)
        key = "/".join(nums[-2:]) if body != "SC" else (nums[0] if nums else "")
        if not nums or key in seen or (body == "SC" and f"{nums[0]}/{nums[-1]}" in seen):
            continue
        n_ops = len([p for p in res.operative if p.number])
        if not MIN_OPS <= n_ops <= MAX_OPS:
            continue
        stratum = committee.get(sym, "") if body == "GA" else body
        if stratum in out:
            out[stratum].append((sym, str(f.relative_to(corpus)), n_ops))
    for s in out:
        out[s].sort(key=lambda c: hashlib.sha256((SEED + c[0]).encode()).hexdigest())
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=None)
    a = ap.parse_args(argv)
    corpus = a.corpus or corpus_dir()
    if corpus is None:
        print("the corpus is absent: expected ../shared/corpus or $UNKG_CORPUS", file=sys.stderr)
        return 2
    cands = candidates(corpus)
    chosen, n_par, rnd = [], 0, 0
    while len(chosen) < MIN_FILES or n_par < MIN_PARAGRAPHS:
        for s in STRATA:
            if rnd < len(cands[s]) and (len(chosen) < MIN_FILES or n_par < MIN_PARAGRAPHS):
                chosen.append((s, *cands[s][rnd]))
                n_par += cands[s][rnd][2]
        rnd += 1
    for s, sym, path, n in chosen:
        print(f"{sym}\t{path}\t{n}\t{s}")
    print(f"# {len(chosen)} resolutions, {n_par} operative paragraphs", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
