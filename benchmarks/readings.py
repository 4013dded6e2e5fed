"""What the readers make of every corpus file, saved before a change to the readers and compared after it.

    .venv/bin/python benchmarks/readings.py --save /tmp/before.jsonl      # before the change
    .venv/bin/python benchmarks/readings.py --compare /tmp/before.jsonl   # after it: the files read differently
    (--limit N: the first N files only; --extract-every K: every K-th file also through extraction, which is
    the `unkg parse --json` document)

Reads every AKN file, PDF and text of the corpus (../shared/corpus or $UNKG_CORPUS) in one process and keeps,
per file, the document model as `unkg parse --json` prints it with the reader's warnings (or the input error).
--compare prints the files whose reading changed, the first difference of each, and the count; exit status 1
when any changed. The golden files (tests/golden) hold a few fixtures; this holds the whole corpus.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from unkg.config import corpus_dir
from unkg.errors import InputError
from unkg.ingest.extract import extract
from unkg.ingest.readers import read


def files(corpus: Path) -> list[Path]:
    return (sorted(corpus.glob("akn/**/*.xml")) + sorted(corpus.glob("pdf/**/*.pdf"))
            + sorted(corpus.glob("text/*.txt")))


def reading(path: Path, with_extraction: bool) -> dict:
    try:
        res = read(path)
    except InputError as e:
        return {"error": str(e)}
    if with_extraction:
        res = extract(res) or res
    return {**res.to_json(), "warnings": res.warnings}


def first_difference(a: object, b: object, where: str = "") -> str | None:
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            if (found := first_difference(a.get(k), b.get(k), f"{where}.{k}")) is not None:
                return found
        return None
    if isinstance(a, list) and isinstance(b, list):
        for i, (x, y) in enumerate(zip(a, b, strict=False)):
            if (found := first_difference(x, y, f"{where}[{i}]")) is not None:
                return found
        return None if len(a) == len(b) else f"{where}: {len(a)} items, now {len(b)}"
    if a == b:
        return None
    a, b = str(a), str(b)
    k = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    k = max(0, k - 60)  # from a little before the first character that differs
    return f"{where}: {'...' if k else ''}{a[k:k + 160]!r}, now {'...' if k else ''}{b[k:k + 160]!r}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    action = ap.add_mutually_exclusive_group(required=True)
    action.add_argument("--save", type=Path, help="write the readings to this file")
    action.add_argument("--compare", type=Path, help="compare the readings with those saved in this file")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--extract-every", type=int, default=12)
    args = ap.parse_args()
    corpus = corpus_dir()
    if corpus is None:
        print("the corpus is absent: expected ../shared/corpus or $UNKG_CORPUS", file=sys.stderr)
        return 2
    paths = files(corpus)[:args.limit or None]
    every = max(args.extract_every, 1)
    now = {str(p.relative_to(corpus)): reading(p, i % every == 0) for i, p in enumerate(paths)}
    if args.save:
        args.save.write_text("".join(json.dumps({"file": f, "reading": r}, ensure_ascii=False, sort_keys=True) + "\n"
                                     for f, r in now.items()), encoding="utf-8")
        print(f"{len(now)} files read; saved in {args.save}")
        return 0
    saved = {d["file"]: d["reading"] for d in map(json.loads, args.compare.read_text(encoding="utf-8").splitlines())}
    changed = [f for f in now if f in saved and now[f] != saved[f]]
    for f in changed:
        print(f"{f}: {first_difference(saved[f], now[f])}")
    missing = len([f for f in now if f not in saved])
    print(f"{len(now)} files read, {len(changed)} read differently"
          + (f", {missing} not in {args.compare}" if missing else ""))
    return 1 if changed else 0


if __name__ == "__main__":
    raise SystemExit(main())
