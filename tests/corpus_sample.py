"""A modest store of real corpus documents, ingested by the real pipeline with the UN metadata, for the
corpus and browser tests of the web app (the whole corpus is too slow for CI: benchmarks/webapp_lists.py
measures the whole store). Chosen by name, not tuned to: GA session 78 (English, and French for a few),
HRC session 55, Security Council 2023, so that lists have several bodies, sessions, years and languages."""
from __future__ import annotations

from pathlib import Path

GA_SYMBOLS = ["216", "220", "225", "227", "166", "175", "197", "40", "10", "100", "101", "102", "103", "104"]


def sample_files(corpus: Path) -> list[Path]:
    akn = corpus / "akn"
    files: list[Path] = []
    for n in GA_SYMBOLS:
        files += sorted((akn / "ga" / "78" / "en").glob(f"A_RES_78_{n}-*.xml"))[:1]
    for n in GA_SYMBOLS[:3]:
        files += sorted((akn / "ga" / "78" / "fr").glob(f"A_RES_78_{n}-*.xml"))[:1]
    files += sorted((akn / "hrc" / "55" / "en").glob("A_HRC_RES_55_*.xml"))[:8]
    files += sorted((akn / "sc" / "en").glob("S_RES_*_2023.xml"))[:8]
    return files


def build_sample_store(corpus: Path, location: Path) -> str:
    from unkg.ingest.pipeline import ingest
    from unkg.store import open_store

    meta = [str(corpus / "meta" / body) for body in ("ga", "hrc", "sc") if (corpus / "meta" / body).is_dir()]
    store = open_store(str(location))
    try:
        summary = ingest([str(f) for f in sample_files(corpus)], store, meta=meta, progress=False)
    finally:
        store.close()
    assert summary.stored >= 30 and not summary.failures, summary.failures
    return str(location)


_BUILT: dict[str, str] = {}


def shared_sample_store(corpus: Path) -> str:
    """The sample store, built once per test session and shared by the modules that read it (servers open
    it read-only); removed when the session ends."""
    key = str(corpus)
    if key not in _BUILT:
        import atexit
        import shutil
        import tempfile

        root = tempfile.mkdtemp(prefix="unkg-corpus-sample-")
        atexit.register(shutil.rmtree, root, True)
        _BUILT[key] = build_sample_store(corpus, Path(root) / "store")
    return _BUILT[key]
