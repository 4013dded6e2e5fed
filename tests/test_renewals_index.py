"""The mandates' index the renewals read, from the workers' statements (`renewals.index_of`, what an ingest
uses) and from the store (`renewals.index`, what `unkg lineage --rebuild` uses): the same, also for mandates
whose language versions give another entity or task (the first the query returns is kept)."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from unkg.ingest.graph import UNKG
from unkg.ingest.pipeline import process_file
from unkg.lineage import renewals
from unkg.store import open_store

# resolutions whose English, French and Spanish versions disagree on some mandate's task
WORKS = ["A_RES_78_85", "A_RES_78_44", "A_RES_78_43", "A_RES_78_15"]


def _disagreeing(statements: list[str]) -> int:
    """Mandates given more than one task or entity by the versions' statements."""
    seen: dict[str, set[tuple[str, str]]] = {}
    for text in statements:
        for q in ox.parse(text.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES):
            if q.predicate.value in (str(UNKG.task), str(UNKG.mandatedActor)):
                seen.setdefault(q.subject.value, set()).add((q.predicate.value, q.object.value))
    return sum(1 for values in seen.values() if len({p for p, _ in values}) < len(values))


def test_index_of_the_statements_is_the_index_of_the_store(corpus: Path, tmp_path: Path) -> None:
    files = sorted(f for w in WORKS for f in (corpus / "akn" / "ga" / "78").glob(f"*/{w}-*.xml"))
    assert len(files) >= 3 * len(WORKS)
    results = [process_file(f) for f in files]
    assert all(r.ok for r in results), [r.error for r in results if not r.ok]
    statements = [r.lineage.mandates for r in results]
    assert _disagreeing(statements) > 0
    store = open_store(str(tmp_path / "store"))
    store.replace_graphs([(r.graph_iri, r.payload()) for r in results])
    from_store = renewals.index(store)
    assert sum(len(found) for paragraphs in from_store.values() for found in paragraphs.values()) > 10
    assert renewals.index_of(statements) == from_store
    store.close()
