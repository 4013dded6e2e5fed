"""Time graph.build and validate on a typical resolution graph (A/RES/78/216 from the corpus).

Until extraction lands, provisions are synthesised: one per operative paragraph, with an addressee for
every "States", a beneficiary for every "human rights defenders" and a right for every "freedom of" in the
paragraph, which gives about the number of links and evidence annotations real extraction produces.
Usage: .venv/bin/python benchmarks/bench_validate.py [AKN_FILE] [--runs N]
"""
from __future__ import annotations

import argparse
import re
import statistics
import time
from pathlib import Path

from unkg.config import corpus_dir
from unkg.iris import vocab
from unkg.ingest.graph import build
from unkg.ingest.model import Concept, Provision, Resolution
from unkg.ingest.validate import validate

MENTIONS = [("States", "addressee", vocab("actors", "states")),
            ("human rights defenders", "beneficiary", vocab("groups", "human-rights-defenders")),
            ("freedom of expression", "right", vocab("rights", "freedom-of-expression"))]


def synthesise(res: Resolution) -> Resolution:
    for p in res.operative:
        pr = Provision("urge", p.verb_text or "Urges", 4, "exhortation", p.text, p.start, p.end)
        for word, kind, iri in MENTIONS:
            for m in re.finditer(re.escape(word), p.text):
                c = Concept(iri, word, p.start + m.start(), p.start + m.end(), word)
                {"addressee": pr.addressees, "beneficiary": pr.beneficiaries, "right": pr.rights}[kind].append(c)
        p.provisions = [pr]
    return res


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("akn", nargs="?")
    ap.add_argument("--runs", type=int, default=10)
    args = ap.parse_args()
    path = Path(args.akn) if args.akn else next((corpus_dir() / "akn/ga/78/en").glob("A_RES_78_216-*.xml"))
    from unkg.ingest.readers import read

    res = synthesise(read(path))
    t0 = time.process_time()
    iri, g = build(res)
    t_build = time.process_time() - t0
    t0 = time.process_time()
    first = validate(g)
    t_first = time.process_time() - t0
    times = []
    for _ in range(args.runs):
        t0 = time.process_time()
        rep = validate(g)
        times.append(time.process_time() - t0)
    print(f"{res.symbol}: {len(res.paragraphs)} paragraphs, {len(g)} triples; build {t_build*1000:.0f} ms")
    print(f"validate: first call {t_first*1000:.0f} ms (parses shapes); then median {statistics.median(times)*1000:.0f} ms,"
          f" min {min(times)*1000:.0f} ms over {args.runs} runs; conforms={rep.conforms} {rep.summary[:200]}")


if __name__ == "__main__":
    main()
