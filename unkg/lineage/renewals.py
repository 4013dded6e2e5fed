"""Mandate renewals in a lineage graph (docs/mandates.md): `<mandate in new> unkg:renews <mandate in old>`.

A mandate renews one of the predecessor's mandates when their provisions' paragraphs are aligned
(`prov:wasDerivedFrom`, already in the lineage graph), the two mandates give the same entity the same
kind of task, and the predecessor was adopted on an earlier day: resolutions adopted together (one per
Non-Self-Governing Territory, say) may follow one another in a series, but none renews another's mandate. `index(store, works)` reads the mandates of the stored resolutions once, as
{work: {paragraph: [(mandate, entity, task), ...]}}; `renewed(derived, mandates)` gives the renewals of a lineage
graph built with `unkg.lineage.graph.build_lines`, from the derivations it holds.

The ingest does not read them back: each worker takes the statements the query reads from the graph it has
built (`statements`, in its lineage record), and `index_of` asks the same query of those statements alone,
so that lineage can be built before the store holds the graphs (in the same bulk load).
"""
from __future__ import annotations

import json
import tempfile
from typing import Any, Iterable

import pyoxigraph as ox

from unkg.lineage.stored import PREFIXES

Mandates = dict[str, list[tuple[str, str, str, str]]]  # paragraph -> [(mandate, entity, task, adoption date)], "" if none


def index(store: Any, works: Iterable[str] | None = None) -> dict[str, Mandates]:
    """The mandates of every stored resolution (or of `works`), by work and paragraph, in document order."""
    values = ""
    if works is not None:
        listed = " ".join(f"<{w}>" for w in sorted(set(works)))
        if not listed:
            return {}
        values = f"VALUES ?w {{ {listed} }}"
    return _collect(store.query_raw(_query(values), "json"))


def _query(values: str = "") -> str:
    # work-level statements: the default graph (the union, each triple once) folds the language versions
    return PREFIXES + f"""SELECT DISTINCT ?w ?p ?prov ?m ?actor ?task ?date WHERE {{ {values}
        ?p eli:is_part_of ?w . ?prov unkg:inParagraph ?p ; unkg:hasMandate ?m .
        OPTIONAL {{ ?m unkg:mandatedActor ?actor }} OPTIONAL {{ ?m unkg:task ?task }}
        OPTIONAL {{ ?w unkg:adoptionDate ?date }} }}"""


def index_of(statements: Iterable[str]) -> dict[str, Mandates]:
    """What `index(store)` gives for a store whose resolution graphs hold these statements (`statements` of
    each graph): the same query over their union in a store of its own. On disk, as the store is: a language
    version may give a mandate another entity or task, and which one `index` keeps is the first the query
    returns, which follows the store's order of its keys."""
    data = "".join(statements).encode("utf-8")
    if not data:
        return {}
    with tempfile.TemporaryDirectory(prefix="unkg-mandates-") as folder:
        union = ox.Store(folder)
        try:
            union.bulk_load(data, format=ox.RdfFormat.N_TRIPLES)
            return _collect(union.query(_query()).serialize(format=ox.QueryResultsFormat.JSON))
        finally:
            del union  # RocksDB closes its files before the folder goes


def statements(g: Any) -> str:
    """The statements of one resolution graph (read as an rdflib Graph is) that `index` reads, as N-Triples:
    each mandate's provision and its paragraph, the paragraph's work, the mandates' entities and tasks, and
    the adoption date. What `index_of` is given instead of the store."""
    # here: the graph stage's serialiser, which the worker calling this has loaded
    from unkg.ingest.graph import ELI, UNKG
    from unkg.ingest.pipeline import ntriples_of

    held = list(g.subject_objects(UNKG.hasMandate))
    provisions = {p for p, _ in held}
    triples = [(p, UNKG.hasMandate, m) for p, m in held]
    triples += [(s, UNKG.inParagraph, o) for s, o in g.subject_objects(UNKG.inParagraph) if s in provisions]
    paragraphs = {o for s, p, o in triples if p == UNKG.inParagraph}
    triples += [(s, ELI.is_part_of, o) for s, o in g.subject_objects(ELI.is_part_of) if s in paragraphs]
    for predicate in (UNKG.mandatedActor, UNKG.task, UNKG.adoptionDate):
        triples += [(s, predicate, o) for s, o in g.subject_objects(predicate)]
    return ntriples_of(triples)


def _collect(text: bytes | str) -> dict[str, Mandates]:
    out: dict[str, Mandates] = {}
    for b in json.loads(text)["results"]["bindings"]:
        v = {k: x["value"] for k, x in b.items()}
        out.setdefault(v["w"], {}).setdefault(v["p"], []).append(
            (v["m"], v.get("actor", ""), v.get("task", ""), v.get("date", "")))
    for paragraphs in out.values():
        for found in paragraphs.values():
            # one row per mandate (language versions may disagree on an actor or task: the first one read wins)
            seen: dict[str, tuple[str, str, str, str]] = {}
            for m in sorted(found, key=lambda t: _order(t[0])):
                seen.setdefault(m[0], m)
            found[:] = list(seen.values())
    return out


def _order(mandate: str) -> tuple:
    """Provision then mandate number, from the IRI's digits: `.../prov/2/mandate/3` after `.../prov/2/mandate`."""
    parts = mandate.split("/")
    return tuple(int(p) if p.isdigit() else 0 for p in parts[-4:]) + (len(parts),)


def of(index_: dict[str, Mandates], *works: str) -> Mandates:
    """The paragraphs' mandates of a few works, as one mapping (what a lineage graph's job needs)."""
    out: Mandates = {}
    for w in works:
        out.update(index_.get(w, {}))
    return out


def renewed(derived: Iterable[tuple[str, str]], mandates: Mandates) -> list[tuple[str, str]]:
    """(mandate, the mandate it renews) for each derived paragraph's mandates (`derived`: (paragraph, its
    source) of each `prov:wasDerivedFrom` of a lineage graph) that match a source's mandate by entity and
    task, adopted earlier (one to one within a pair of paragraphs; a mandate renews at most one)."""
    out: list[tuple[str, str]] = []
    renewed_: set[str] = set()
    for to, fr in sorted(set(derived)):
        new, old = mandates.get(to), mandates.get(fr)
        if not new or not old:
            continue
        free = [o for o in old if not (o[3] and new[0][3] and o[3] >= new[0][3])]
        for m, actor, task, _ in new:
            if m in renewed_:  # a merged paragraph's mandate renews one of its sources' mandates
                continue
            match = next((o for o in free if o[1] == actor and o[2] == task), None)
            if match is not None:
                free.remove(match)
                renewed_.add(m)
                out.append((m, match[0]))
    return out
