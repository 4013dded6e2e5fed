"""What changed in the obligations of two aligned paragraphs, not only in their words.

For each pair of aligned operative paragraphs, their provisions are paired (in order when both have as
many, else by word similarity) and compared: verb and strength before and after ("encourages" ->
"calls upon" is a strengthening), addressees, rights and beneficiaries added or removed, and the mandate
added, dropped, or changed (who, task, due session, frequency). The provisions of a new paragraph are
added (`from_number` null) and those of a dropped one removed (`to_number` null).
"""
from __future__ import annotations

from typing import Any, Sequence

from unkg.ingest.model import OPERATIVE, Concept, Mandate, Paragraph, Provision
from unkg.lineage.align import DROPPED, NEW, Alignment, similarity


def _number(p: Paragraph | None) -> str | None:
    if p is None:
        return None
    return p.number if not p.part else f"{p.part}/{p.number}"


def _concepts(items: Sequence[Concept]) -> dict[str, str]:
    return {c.id: c.label for c in items}


def _added(before: Sequence[Concept], after: Sequence[Concept]) -> list[dict[str, str]]:
    b, a = _concepts(before), _concepts(after)
    return [{"id": k, "label": v} for k, v in sorted(a.items()) if k not in b]


def mandate_summary(m: Mandate | None) -> dict[str, Any] | None:
    if m is None:
        return None
    return {"entity": m.entity.label if m.entity else None, "task": m.task or None,
            "due_session": m.due_session, "frequency": m.frequency}


def _direction(s_from: int | None, s_to: int | None) -> str:
    if s_from is None:
        return "added"
    if s_to is None:
        return "removed"
    return "strengthened" if s_to > s_from else "weakened" if s_to < s_from else "same"


def compare(old: Provision | None, new: Provision | None, from_number: str | None,
            to_number: str | None) -> dict[str, Any]:
    """One entry of the `provisions` list of `unkg diff --json`."""
    o_add = old.addressees if old else []
    n_add = new.addressees if new else []
    m_from, m_to = mandate_summary(old.mandate if old else None), mandate_summary(new.mandate if new else None)
    if m_from is None and m_to is None:
        mandate = None
    elif m_from is None:
        mandate = "added"
    elif m_to is None:
        mandate = "dropped"
    else:
        mandate = "changed" if m_from != m_to else "same"
    entry = {
        "to_number": to_number, "from_number": from_number,
        "verb_from": old.verb if old else None, "verb_to": new.verb if new else None,
        "verb_text_from": old.verb_text if old else None, "verb_text_to": new.verb_text if new else None,
        "strength_from": old.strength if old else None, "strength_to": new.strength if new else None,
        "strength_change": _direction(old.strength if old else None, new.strength if new else None),
        "addressees_added": _added(o_add, n_add), "addressees_removed": _added(n_add, o_add),
        "rights_added": _added(old.rights if old else [], new.rights if new else []),
        "rights_removed": _added(new.rights if new else [], old.rights if old else []),
        "beneficiaries_added": _added(old.beneficiaries if old else [], new.beneficiaries if new else []),
        "beneficiaries_removed": _added(new.beneficiaries if new else [], old.beneficiaries if old else []),
        "mandate": mandate, "mandate_from": m_from, "mandate_to": m_to,
    }
    entry["changed"] = bool(
        entry["verb_from"] != entry["verb_to"] or entry["strength_change"] != "same" or mandate not in (None, "same")
        or any(entry[k] for k in ("addressees_added", "addressees_removed", "rights_added", "rights_removed",
                                  "beneficiaries_added", "beneficiaries_removed")))
    return entry


def _pair(old: list[Provision], new: list[Provision]) -> list[tuple[Provision | None, Provision | None]]:
    if len(old) == len(new):
        return list(zip(old, new, strict=True))
    scored = sorted(((similarity(o.text, n.text), i, j) for i, o in enumerate(old) for j, n in enumerate(new)),
                    reverse=True)
    used_o: set[int] = set()
    used_n: set[int] = set()
    pairs: dict[int, int] = {}
    for s, i, j in scored:
        if i in used_o or j in used_n or s < 0.3:
            continue
        pairs[j] = i
        used_o.add(i)
        used_n.add(j)
    out: list[tuple[Provision | None, Provision | None]] = []
    for j, n in enumerate(new):
        out.append((old[pairs[j]] if j in pairs else None, n))
    out.extend((o, None) for i, o in enumerate(old) if i not in used_o)
    return out


def changes(alignments: Sequence[Alignment]) -> list[dict[str, Any]]:
    """Provision-level changes of operative paragraphs, in the order of the alignment."""
    out = []
    for a in alignments:
        if a.kind != OPERATIVE and not (a.new and a.new.provisions) and not (a.old and a.old.provisions):
            continue
        old = a.old.provisions if a.old and a.status != NEW else []
        new = a.new.provisions if a.new and a.status != DROPPED else []
        for o, n in _pair(list(old), list(new)):
            out.append(compare(o, n, _number(a.old), _number(a.new)))
    return out
