"""CPU per file of each stage of an ingest worker, in one process: where `--jobs` workers spend their time.

Runs the stages of `pipeline.process_file` one after another on N AKN files spread over the six languages
(the order of `benchmarks/ingest.py --set all`), with the UN metadata, after one file to load the
vocabularies, grammar and shapes: read, extraction, metadata, the triples, N-Triples, the shapes
(validation; at commits before `pipeline.parses`, with the graph's Oxigraph load), the store parser's check
(`pipeline.parses`; earlier, only when the load did not already make it), the lineage
record, its keys (at commits where a worker takes them for a first load: `pipeline._worker_keys`), and pickling the result for the parent, with the garbage collector set as a pool worker sets it
(`pipeline._worker_gc`, at commits that have it). Also the cost of a worker's first file (what a new pool
process pays before its first result). CPU time (`time.process_time`), so a loaded machine slows it less
than wall time; compare two commits in one run, one after the other.

Usage: python benchmarks/ingest_stages.py [--files 300] [--meta ../shared/corpus/meta] [--profile OUT]
"""
from __future__ import annotations

import argparse
import cProfile
import pickle
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from ingest import corpus_files, spread  # noqa: E402  (benchmarks/ingest.py, beside this file)

STAGES = ("read", "extract", "metadata", "triples", "ntriples", "validate", "parser check", "lineage record",
          "lineage keys", "pickle")


def first_file(path: str, meta: list[str]) -> float:
    """CPU of a fresh process's first file (imports, vocabularies, grammar, shapes), in a child process."""
    code = ("import sys, time; t = time.process_time(); from unkg.ingest import pipeline; "
            "pipeline._init_worker(sys.argv[2:]); r = pipeline.process_file(sys.argv[1]); "
            "print(time.process_time() - t, r.error)")
    out = subprocess.run([sys.executable, "-c", code, path, *meta], capture_output=True, text=True, check=True)
    return float(out.stdout.split()[0])


def stages(files: list[Path], meta: list[str]) -> dict[str, float]:
    """CPU seconds of each stage over `files`, run as process_file runs them."""
    import rdflib

    from unkg.ingest import pipeline
    from unkg.ingest.extract import extract
    from unkg.ingest.graph import build_triples
    from unkg.ingest.metadata import apply, load_index
    from unkg.ingest.readers import read
    from unkg.ingest.validate import validate
    from unkg.lineage.record import from_graph
    from unkg.store.common import graph_nquads

    index = load_index(meta) if meta else None
    loaded = getattr(pipeline, "_loaded", None)  # commits that loaded the graph into Oxigraph for the shapes' SPARQL
    parses = getattr(pipeline, "parses", None)  # commits that check the N-Triples with Oxigraph's parser alone
    spent = dict.fromkeys(STAGES, 0.0)
    for f in files:
        t = time.process_time()

        def tick(stage: str) -> None:
            nonlocal t
            now = time.process_time()
            spent[stage] += now - t
            t = now

        res = read(Path(f))
        tick("read")
        res = extract(res) or res
        tick("extract")
        if index is not None:
            apply(res, index)
        tick("metadata")
        iri, triples = build_triples(res)
        tick("triples")
        # with the distinct terms' texts for the parser's check, at commits that check those
        nt, terms = pipeline._ntriples(triples) if hasattr(pipeline, "_ntriples") else (pipeline.ntriples_of(triples), None)
        # the N-Triples encoded once for the parser's check and the N-Quads lines, at commits that do so
        data = nt.encode("utf-8") if "utf8" in getattr(pipeline.Built, "__dataclass_fields__", {}) else nt
        nq = graph_nquads(iri, data)  # the N-Quads lines the parent's bulk load reads
        tick("ntriples")
        store = loaded(nt) if loaded else None
        report = validate(triples, nt, count_warnings=False, **({"store": store} if loaded else {}),
                          **({"distinct": True} if "distinct" in validate.__code__.co_varnames else {}))
        tick("validate")
        if not report.conforms:
            raise SystemExit(f"{f}: {report.summary}")
        if parses is not None:
            ok = parses(data) if terms is None else pipeline.parses_terms(terms)
            refused = None if ok else pipeline.refused_term(nt)
        else:
            refused = pipeline.refused_term(nt) if store is None else None
        if refused:
            raise SystemExit(f"{f}: {refused}")
        tick("parser check")
        view = pipeline.TripleView(triples)
        view.value(rdflib.URIRef(iri), rdflib.URIRef(pipeline.ONTOLOGY_NS + "symbol"))
        record = from_graph(iri, view)
        tick("lineage record")
        keys = pipeline._worker_keys(record) if hasattr(pipeline, "_worker_keys") else None
        tick("lineage keys")
        # the N-Triples as the worker sends them: their UTF-8 at commits whose results carry it
        sent = data if "utf8" in pipeline.FileResult.__dataclass_fields__ else nt
        extra = {"quads": nq.count(b"\n"), "keys": keys} if "keys" in pipeline.FileResult.__dataclass_fields__ else {}
        pickle.dumps(pipeline.FileResult(str(f), iri, None, sent, None, list(res.warnings), record, nq, True, **extra))
        tick("pickle")
    return spent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--files", type=int, default=300, help="AKN files spread over the six languages")
    ap.add_argument("--meta", action="append", default=[], help="metadata files or folders (as unkg ingest)")
    ap.add_argument("--profile", type=Path, help="also write a cProfile of the stages (CPU time) here")
    args = ap.parse_args()
    from unkg.config import corpus_dir

    corpus = corpus_dir()
    if corpus is None:
        print("ingest stages: the corpus (../shared/corpus) is absent", file=sys.stderr)
        return 2
    meta = args.meta or ([str(corpus / "meta")] if (corpus / "meta").is_dir() else [])
    files = spread(corpus_files(corpus, "all"), args.files + 1)
    cold = first_file(str(files[0]), meta)
    stages(files[:1], meta)  # the vocabularies, grammar and shapes, loaded once per process
    from unkg.ingest import pipeline

    worker_gc = getattr(pipeline, "_worker_gc", None)  # a pool worker's garbage collector, where a commit sets it
    if worker_gc is not None:
        worker_gc()
    files = files[1:]
    profiler = cProfile.Profile(time.process_time) if args.profile else None
    if profiler:
        profiler.enable()
    spent = stages(files, meta)
    if profiler:
        profiler.disable()
        profiler.dump_stats(str(args.profile))
    total = sum(spent.values())
    print(f"ingest stages: {len(files)} AKN files (all languages{', metadata' if meta else ''}): "
          f"{1000 * total / len(files):.1f} ms CPU per file; a new worker's first file {cold:.2f} s")
    for stage, seconds in spent.items():
        print(f"  {stage:15s} {1000 * seconds / len(files):6.1f} ms  {100 * seconds / max(total, 1e-9):5.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
