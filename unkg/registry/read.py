"""The stored mandates as plain records, read in four bulk queries (mandates, recipients, works, renewals).

Every language version's graph states the work-level mandate again: a mandate's fields come from one
version, English where there is one. Tasks and recurrences are concepts of the SKOS schemes
`https://w3id.org/unkg/vocab/tasks/` and `.../recurrence/`; a record holds their notation (the last part
of the IRI: "report", "annual"), or the literal as stored by older ingests.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from unkg import iris
from unkg.lineage.stored import PREFIXES


@dataclass
class Work:
    iri: str
    symbol: str
    body: str = ""  # the adopting body's actor IRI
    date: str = ""
    session: str = ""
    title: str = ""

    @property
    def year(self) -> str:
        return self.date[:4]


@dataclass
class Record:
    iri: str
    provision: str
    paragraph: str
    work: str
    number: str = ""  # the paragraph's printed number
    entity: str = ""  # actor IRI, "" when the text names none
    task: str = ""
    task_text: str = ""
    text: str = ""
    recipients: list[str] = field(default_factory=list)
    due_session: str = ""
    due_year: str = ""
    recurrence: str = ""
    frequency: str = ""
    period: str = ""
    review_clause: bool | None = None
    within_existing_resources: bool | None = None
    renews: str = ""  # the mandate of the predecessor this one renews


def _rows(store: Any, sparql: str, timeout: float | None = None) -> list[dict[str, tuple[str, str | None]]]:
    """A SELECT as rows of {var: (value, language)}: plain values, without building rdflib terms."""
    data = json.loads(store.query_raw(PREFIXES + sparql, "json", timeout=timeout))
    return [{k: (v["value"], v.get("xml:lang")) for k, v in b.items()} for b in data["results"]["bindings"]]


def notation(value: str) -> str:
    """'https://w3id.org/unkg/vocab/tasks/oral-update' -> 'oral_update' (the JSON name); a literal as it is."""
    return iris.notation(value) if value.startswith(("http://", "https://")) else value


def _bool(value: str | None) -> bool | None:
    return None if value is None else value in ("true", "1")


_MANDATES = """SELECT ?g ?m ?prov ?p ?w ?num ?actor ?task ?taskText ?text ?ds ?dy ?rec ?freq ?period ?review ?wer WHERE {
  GRAPH ?g { ?prov unkg:hasMandate ?m ; unkg:inParagraph ?p . ?p eli:is_part_of ?w .
    OPTIONAL { ?p eli:number ?num } OPTIONAL { ?m unkg:mandatedActor ?actor } OPTIONAL { ?m unkg:task ?task }
    OPTIONAL { ?m unkg:taskText ?taskText } OPTIONAL { ?prov rdf:value ?text }
    OPTIONAL { ?m unkg:dueSession ?ds } OPTIONAL { ?m unkg:dueYear ?dy } OPTIONAL { ?m unkg:recurrence ?rec }
    OPTIONAL { ?m unkg:frequency ?freq } OPTIONAL { ?m unkg:period ?period }
    OPTIONAL { ?m unkg:reviewClause ?review } OPTIONAL { ?m unkg:withinExistingResources ?wer } } }"""


def mandates(store: Any, timeout: float | None = 600) -> dict[str, Record]:
    """Every stored mandate by IRI, its fields from the English version where there is one."""
    rows = _rows(store, _MANDATES, timeout)
    rows.sort(key=lambda r: (not r["g"][0].endswith("/en"), r["g"][0]))
    out: dict[str, Record] = {}
    for r in rows:
        m = r["m"][0]
        if m in out:
            continue
        v = {k: x[0] for k, x in r.items()}.get
        out[m] = Record(iri=m, provision=v("prov", ""), paragraph=v("p", ""), work=v("w", ""), number=v("num", ""),
                        entity=v("actor", ""), task=notation(v("task", "")), task_text=v("taskText", ""), text=v("text", ""),
                        due_session=v("ds", ""), due_year=v("dy", "")[:4], recurrence=notation(v("rec", "")),
                        frequency=v("freq", ""), period=v("period", ""),
                        review_clause=_bool(r["review"][0] if "review" in r else None),
                        within_existing_resources=_bool(r["wer"][0] if "wer" in r else None))
    for r in _rows(store, "SELECT DISTINCT ?m ?r WHERE { ?m unkg:recipient ?r }", timeout):
        rec = out.get(r["m"][0])
        if rec is not None and r["r"][0] not in rec.recipients:
            rec.recipients.append(r["r"][0])
    for r in _rows(store, "SELECT ?a ?b WHERE { GRAPH ?l { ?a unkg:renews ?b } }", timeout):
        rec = out.get(r["a"][0])
        if rec is not None and r["b"][0] in out:
            rec.renews = r["b"][0]
    for rec in out.values():
        rec.recipients.sort()
    return out


def works(store: Any, timeout: float | None = 600) -> dict[str, Work]:
    """Every stored resolution's symbol, body, date, session and title (English where there is one)."""
    rows = _rows(store, """SELECT ?g ?w ?symbol ?body ?date ?session ?title WHERE { GRAPH ?g {
        ?g eli:realizes ?w . ?w dcterms:identifier ?symbol . OPTIONAL { ?w unkg:adoptedBy ?body }
        OPTIONAL { ?w unkg:adoptionDate ?date } OPTIONAL { ?w unkg:session ?session }
        OPTIONAL { ?w dcterms:title ?title } } }""", timeout)
    rows.sort(key=lambda r: (not r["g"][0].endswith("/en"), r["g"][0]))
    out: dict[str, Work] = {}
    for r in rows:
        w = out.setdefault(r["w"][0], Work(iri=r["w"][0], symbol=r["symbol"][0]))
        for key, attr in (("body", "body"), ("date", "date"), ("session", "session"), ("title", "title")):
            if key in r and not getattr(w, attr):
                setattr(w, attr, r[key][0])
    return out
