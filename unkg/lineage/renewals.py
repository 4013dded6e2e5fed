"""Mandate renewals in a lineage graph (docs/mandates.md): `<mandate in new> unkg:renews <mandate in old>`.

A mandate renews one of the predecessor's mandates when their provisions' paragraphs are aligned
(`prov:wasDerivedFrom`, already in the lineage graph), the two mandates give the same entity the same
kind of task, and the predecessor was adopted on an earlier day: resolutions adopted together (one per
Non-Self-Governing Territory, say) may follow one another in a series, but none renews another's mandate. `index(store, works)` reads the mandates of the stored resolutions once, as
{work: {paragraph: [(mandate, entity, task), ...]}}; `renewed(derived, mandates)` gives the renewals of a lineage
graph built with `unkg.lineage.graph.build_lines`, from the derivations it holds.
"""
from __future__ import annotations

import json
from typing import Any, Iterable

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
    # work-level statements: the default graph (the union, each triple once) folds the language versions
    text = store.query_raw(PREFIXES + f"""SELECT DISTINCT ?w ?p ?prov ?m ?actor ?task ?date WHERE {{ {values}
        ?p eli:is_part_of ?w . ?prov unkg:inParagraph ?p ; unkg:hasMandate ?m .
        OPTIONAL {{ ?m unkg:mandatedActor ?actor }} OPTIONAL {{ ?m unkg:task ?task }}
        OPTIONAL {{ ?w unkg:adoptionDate ?date }} }}""", "json")
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
