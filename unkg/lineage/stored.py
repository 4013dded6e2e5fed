"""A resolution rebuilt from the store as a document model: header, paragraphs in order, provisions with
their addressees, rights, beneficiaries and mandates. Enough for alignment and provision changes; no
offsets, no sub-paragraph structure (sub-paragraph text is inside its paragraph's text)."""
from __future__ import annotations

from typing import Any

from unkg import iris
from unkg.ingest.model import OPERATIVE, PREAMBULAR, Concept, Mandate, Paragraph, Provision, Resolution, Source

PREFIXES = """PREFIX unkg: <https://w3id.org/unkg/ontology#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""


def _v(row: dict[str, Any], key: str) -> str | None:
    t = row.get(key)
    return None if t is None else str(t)


def expression_graph(store: Any, symbol: str, language: str = "en") -> str | None:
    """The stored expression of `symbol` in `language`, else its first stored language."""
    work = iris.work(symbol)
    rows = store.select(PREFIXES + f"SELECT ?e WHERE {{ GRAPH ?e {{ ?e eli:realizes <{work}> }} }}")
    found = sorted(str(r["e"]) for r in rows)
    preferred = iris.expression(symbol, language)
    return preferred if preferred in found else (found[0] if found else None)


def load(store: Any, symbol: str, language: str = "en", provisions: bool = True) -> Resolution | None:
    """`provisions` False: header and paragraphs only (what alignment needs)."""
    g = expression_graph(store, symbol, language)
    if g is None:
        return None
    work = iris.work(symbol)
    head = store.select(PREFIXES + f"""SELECT ?title ?date ?session ?body ?lang WHERE {{ GRAPH <{g}> {{
        <{g}> dcterms:language ?lang .
        OPTIONAL {{ <{work}> dcterms:title ?title }} OPTIONAL {{ <{work}> unkg:adoptionDate ?date }}
        OPTIONAL {{ <{work}> unkg:session ?session }} OPTIONAL {{ <{work}> unkg:adoptedBy ?body }} }} }}""")
    h = head[0] if head else {}
    res = Resolution(symbol=symbol, body=iris.Symbol.parse(symbol).body or "", session=_v(h, "session"),
                     date=_v(h, "date"), language=_v(h, "lang") or language, title=_v(h, "title") or "",
                     source=Source(path=g, sha256="", format="store"))
    rows = store.select(PREFIXES + f"""SELECT ?p ?type ?index ?text ?number ?part ?verbText WHERE {{ GRAPH <{g}> {{
        ?p eli:is_part_of <{work}> ; a ?type ; unkg:index ?index ; rdf:value ?text .
        VALUES ?type {{ unkg:PreambularParagraph unkg:OperativeParagraph }}
        OPTIONAL {{ ?p eli:number ?number }} OPTIONAL {{ ?p unkg:part ?part }} OPTIONAL {{ ?p unkg:verbText ?verbText }}
        }} }}""")
    paragraphs: dict[str, Paragraph] = {}
    for r in sorted(rows, key=lambda r: int(str(r["index"]))):
        kind = OPERATIVE if str(r["type"]).endswith("OperativeParagraph") else PREAMBULAR
        paragraphs[str(r["p"])] = Paragraph(kind=kind, index=int(str(r["index"])), number=_v(r, "number"),
                                            verb_text=_v(r, "verbText") or "", text=str(r["text"]), part=_v(r, "part"))
    res.paragraphs = list(paragraphs.values())
    if provisions:
        _provisions(store, g, paragraphs)
    return res


def _provisions(store: Any, g: str, paragraphs: dict[str, Paragraph]) -> None:
    rows = store.select(PREFIXES + f"""SELECT ?prov ?p ?verb ?verbText ?strength ?text WHERE {{ GRAPH <{g}> {{
        ?prov a unkg:Provision ; unkg:inParagraph ?p ; unkg:verb ?verb ; unkg:strength ?strength ; rdf:value ?text .
        OPTIONAL {{ ?prov unkg:verbText ?verbText }} }} }}""")
    provisions: dict[str, Provision] = {}
    for r in sorted(rows, key=lambda r: (str(r["p"]), int(str(r["prov"]).rsplit("/", 1)[-1] or 0))):
        p = paragraphs.get(str(r["p"]))
        if p is None:
            continue
        pr = Provision(verb=str(r["verb"]).rsplit("/", 1)[-1], verb_text=_v(r, "verbText") or "",
                       strength=int(str(r["strength"])), modality="", text=str(r["text"]))
        provisions[str(r["prov"])] = pr
        p.provisions.append(pr)
    if not provisions:
        return
    rows = store.select(PREFIXES + f"""SELECT ?prov ?prop ?c ?label WHERE {{
        GRAPH <{g}> {{ ?prov a unkg:Provision ; ?prop ?c . VALUES ?prop {{ unkg:addressee unkg:concernsRight unkg:beneficiary }} }}
        OPTIONAL {{ ?c skos:prefLabel ?label FILTER (lang(?label) = "en") }} }}""")
    attr = {"addressee": "addressees", "concernsRight": "rights", "beneficiary": "beneficiaries"}
    for r in sorted(rows, key=lambda r: (str(r["prov"]), str(r["c"]))):
        pr = provisions.get(str(r["prov"]))
        if pr is None:
            continue
        c = str(r["c"])
        concepts = getattr(pr, attr[str(r["prop"]).rsplit("#", 1)[-1]])
        if all(x.id != c for x in concepts):
            concepts.append(Concept(id=c, label=_v(r, "label") or c.rsplit("/", 1)[-1]))
    rows = store.select(PREFIXES + f"""SELECT ?prov ?m ?task ?due ?freq ?actor ?label WHERE {{
        GRAPH <{g}> {{ ?prov unkg:hasMandate ?m . OPTIONAL {{ ?m unkg:task ?task }} OPTIONAL {{ ?m unkg:dueSession ?due }}
                       OPTIONAL {{ ?m unkg:frequency ?freq }} OPTIONAL {{ ?m unkg:mandatedActor ?actor }} }}
        OPTIONAL {{ ?actor skos:prefLabel ?label FILTER (lang(?label) = "en") }} }}""")
    seen: set[str] = set()
    # .../mandate sorts before .../mandate/2: the provision's mandates come back in their order
    for r in sorted(rows, key=lambda r: (str(r["prov"]), len(str(r["m"])), str(r["m"]))):
        pr = provisions.get(str(r["prov"]))
        if pr is None or str(r["m"]) in seen:
            continue
        seen.add(str(r["m"]))
        actor, task = _v(r, "actor"), _v(r, "task")
        pr.mandates.append(Mandate(
            entity=Concept(id=actor, label=_v(r, "label") or actor.rsplit("/", 1)[-1]) if actor else None,
            task=iris.notation(task) if task else "other", due_session=_v(r, "due"),
            frequency=_v(r, "freq")))
