"""The `unkg diff` document (DESIGN.md) and its redline text."""
from __future__ import annotations

from typing import Any

from unkg.ingest.model import Resolution
from unkg.lineage import provisions as provision_changes
from unkg.lineage.align import STATUSES, Alignment, align, summary


def document(old: Resolution, new: Resolution) -> dict[str, Any]:
    """`unkg diff OLD NEW --json`: every paragraph's status with its word-level changes, and what changed in
    the provisions. `index` and `number` mean what they mean in `unkg parse --json`."""
    alignments = align(old.paragraphs, new.paragraphs)
    return {
        "from": old.symbol, "to": new.symbol,
        "summary": summary(alignments),
        "paragraphs": [_paragraph(a) for a in alignments],
        "provisions": provision_changes.changes(alignments),
    }


def _paragraph(a: Alignment) -> dict[str, Any]:
    return {
        "status": a.status, "kind": a.kind, "method": a.method,
        "to_index": a.new.index if a.new else None,
        "to_number": a.new.number if a.new else None,
        "from_index": a.old.index if a.old else None,
        "from_number": a.old.number if a.old else None,
        "similarity": a.similarity,
        "changes": a.changes,
    }


def _label(kind: str, number: str | None, index: int | None) -> str:
    if kind == "operative" and number:
        return f"op {number}"
    return f"pp {index}" if kind == "preambular" else f"para {index}"


def redline(doc: dict[str, Any], color: bool = False, unchanged: bool = False) -> str:
    """A negotiator's redline: counts, what changed in the obligations, then each changed paragraph with
    [-deleted-] and {+inserted+} words (or red / green with `color`). Unchanged paragraphs are listed by
    number only unless `unchanged`."""
    marks = {"delete": ("\x1b[31m[-", "-]\x1b[0m") if color else ("[-", "-]"),
             "insert": ("\x1b[32m{+", "+}\x1b[0m") if color else ("{+", "+}"), "equal": ("", "")}
    s = doc["summary"]
    lines = [f"{doc['to']} against {doc['from']}: " + ", ".join(f"{s[k]} {k}" for k in STATUSES)]
    grouped: dict[tuple[str | None, str | None], list[str]] = {}
    for p in doc["provisions"]:
        if p["changed"] and p["verb_from"] and p["verb_to"]:
            grouped.setdefault((p["to_number"], p["from_number"]), []).extend(_obligation(p))
    if grouped:
        lines += ["", "Obligations:"]
        for (to, fr), bits in grouped.items():
            lines.append(f"  op {to}" + (f" (was {fr})" if fr != to else "") + ": " + "; ".join(bits))
    same = []
    lines.append("")
    for p in doc["paragraphs"]:
        to = _label(p["kind"], p["to_number"], p["to_index"])
        fr = _label(p["kind"], p["from_number"], p["from_index"])
        if p["status"] == "unchanged" and not unchanged:
            same.append(to)
            continue
        head = {"new": f"{to} NEW", "dropped": f"{fr} DROPPED",
                "moved": f"{to} MOVED (was {fr})", "unchanged": f"{to} unchanged"}.get(
            p["status"], f"{to} REVISED" + (f" (was {fr})" if fr != to else "") +
            (f" [{p['method']}]" if p["method"] in ("split", "merge") else ""))
        if p["status"] in ("new", "dropped"):
            body = "".join(c["text"] for c in p["changes"])
        else:
            body = "".join(marks[c["op"]][0] + c["text"] + marks[c["op"]][1] for c in p["changes"])
        lines.append(f"{head}: {body}")
    if same:
        lines.append(f"unchanged: {', '.join(same)}")
    return "\n".join(lines) + "\n"



def _obligation(p: dict[str, Any]) -> list[str]:
    bits = []
    if p["verb_from"] != p["verb_to"] or p["strength_change"] != "same":
        bits.append(f"{p['verb_text_from']} ({p['strength_from']}) -> {p['verb_text_to']} ({p['strength_to']})"
                    + (f" {p['strength_change']}" if p["strength_change"] != "same" else ""))
    for key, sign in (("addressees", "addressee"), ("rights", "right"), ("beneficiaries", "beneficiary")):
        bits += [f"+{sign} {c['label']}" for c in p[f"{key}_added"]]
        bits += [f"-{sign} {c['label']}" for c in p[f"{key}_removed"]]
    if p["mandate"] not in (None, "same"):
        before, after = p["mandate_from"] or {}, p["mandate_to"] or {}
        detail = [f"{k} {before.get(k)} -> {after.get(k)}" for k in ("entity", "task", "due_session", "frequency")
                  if before.get(k) != after.get(k)]
        bits.append(f"mandate {p['mandate']}" + (f" ({', '.join(detail)})" if detail else ""))
    return bits
