"""`unkg parse FILE --explain`: per provision, why each addressee, right and group was or was not taken.

Reads an extracted `Resolution` only: the method each fact carries (how it was found), the phrases of the
addressee slot that named no actor (`Provision.unmapped`), and the mentions the role rules left out, with
their reason (`Provision.notes`).
"""
from __future__ import annotations

from unkg.ingest.model import Concept, Resolution

# what each method of the methods scheme (ontology/vocab/methods.ttl) means, as the report prints it
WHY = {
    "vocabulary": "its words are a label of the vocabularies",
    "distributed": "a coordination shares the words of a label (\"international and regional ...\")",
    "qualifier": "a qualifier after a group that names a group of its own (\"girls with disabilities\")",
    "short-name": "a short name of a full name the resolution uses",
    "own-president": "\"its President\": the adopting body's presiding officer",
    "adopting-body": "a self-binding verb binds the adopting body",
    "pronoun": "a pronoun standing for the actors of the clause it refers to",
    "country": "\"the Government\" of a resolution about one country",
    "embedded-request": "the addressee of a request inside a declaratory clause",
    "back-reference": "\"the above-mentioned entities\": the actors named before in the paragraph",
}


def explain(res: Resolution) -> str:
    """The report, one block per provision of every operative paragraph."""
    out = [f"{res.symbol}: {res.title}"]
    for p in res.operative:
        for k, pr in enumerate(p.provisions, 1):
            out.append(f"\nop {(p.part + '.') if p.part else ''}{p.number or p.index}.{k} [{pr.verb}] "
                       f"{pr.text[:100]}{'...' if len(pr.text) > 100 else ''}")
            for kind, cs in (("addressee", pr.addressees), ("right", pr.rights), ("beneficiary", pr.beneficiaries)):
                out += [_taken(kind, c) for c in cs]
            out += [f"  - unknown actor {phrase!r}: no actor of the vocabularies; left out" for phrase in pr.unmapped]
            out += [f"  - {kind} {words!r} left out: {why}" for kind, words, why in pr.notes]
    return "\n".join(out) + "\n"


def _taken(kind: str, c: Concept) -> str:
    return f"  + {kind} {c.label} <- {c.text!r} ({c.method}: {WHY.get(c.method, c.method)})"
