"""Issues 3 and 7 over the real corpus: every AKN file (GA 75-79, HRC 54-58, SC; English, French, Spanish,
Arabic, Chinese, Russian) ingests with `--jobs 2` and conforms to the shapes; the store then holds one
graph per language version. How fast is the ingest benchmark's business (benchmarks/ingest.py)."""
from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from unkg.ingest import pipeline
from unkg.store import open_store


def akn_files(corpus: Path) -> list[Path]:
    return sorted(corpus.glob("akn/**/*.xml"))


@pytest.mark.corpus
@pytest.mark.slow
def test_every_akn_file_ingests_and_conforms(corpus, tmp_path):
    files = akn_files(corpus)
    assert len(files) > 3500
    store = open_store(str(tmp_path / "store"))
    started = time.perf_counter()
    summary = pipeline.ingest(files, store, jobs=2, progress=False)
    seconds = time.perf_counter() - started
    listing = "\n".join(message for _path, message in summary.failures[:40])
    assert summary.failures == [], f"{summary.failed} of {len(files)} files failed:\n{listing}"
    # The corpus's A_HRC_RES_55_16?.xml files hold resolution 55/15 again (their own symbol and FRBR say so),
    # so each replaces the 55/15 graph of its language, as re-ingesting would; no other two files may collide.
    replaced = sorted(Path(p).name for p in summary.replaced_earlier)
    assert replaced and all(re.fullmatch(r"A_HRC_RES_55_15[AECFRS]\.xml", name) for name in replaced), replaced
    stats = store.stats()
    assert stats["expressions"] == len(files) - len(replaced)
    # every language of the corpus is there
    languages = {str(r["l"]) for r in store.select(
        "SELECT DISTINCT ?l WHERE { ?e a <https://w3id.org/unkg/ontology#ResolutionExpression> ; "
        "<http://purl.org/dc/terms/language> ?l }")}
    assert languages == {"en", "fr", "es", "ar", "zh", "ru"}
    # HRC 56/7 paragraph 8 (l) has (i)-(iii), printed (一)-(三) in Chinese: the same sub-paragraph IRIs
    from unkg import iris

    zh, en = (iris.expression("A/HRC/RES/56/7", lang) for lang in ("zh", "en"))
    subs = "?s a <https://w3id.org/unkg/ontology#SubParagraph>"
    in_zh = {str(r["s"]) for r in store.select(f"SELECT ?s WHERE {{ GRAPH <{zh}> {{ {subs} }} }}")}
    in_en = {str(r["s"]) for r in store.select(f"SELECT ?s WHERE {{ GRAPH <{en}> {{ {subs} }} }}")}
    assert iris.subparagraph(iris.paragraph("A/HRC/RES/56/7", "operative", 8), "l", "iii") in in_zh
    assert in_zh == in_en
    print(f"\n{len(files)} AKN files with 2 jobs: {seconds:.0f} s, {summary.quads} quads")
    store.close()
