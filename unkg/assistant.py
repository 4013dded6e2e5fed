"""What `unkg mcp` answers AI assistants: obligations, resolutions, paragraphs and read-only SPARQL.

`Library(location)` reads the store (read-only) and returns plain dicts; `unkg/mcp_server.py` exposes its
methods as Model Context Protocol tools. Every answer cites where it comes from: each provision and paragraph
carries its resolution's symbol and its own IRI, and `sources` lists (symbol, paragraph IRI, undocs.org link)
once per paragraph quoted, so an assistant can quote the UN's text with a reference a reader can follow.

Names are looked up in the packaged vocabularies (ontology/vocab/*.ttl): an actor, right or group is given by
label in any of the vocabularies' languages ("States", "business enterprises", "freedom of expression"), by
IRI or by its path (`actors/states`); an actor includes its narrower actors (skos:broader), as on the actor
pages. SPARQL runs with the web endpoint's limits and refusals: `unkg.querykind.read_only` rejects updates,
LOAD and SERVICE, and the query runs in the endpoint's worker processes (`unkg.webapp.workers`), which stop it
at the time limit or its memory budget and refuse results over the row cap.
"""
from __future__ import annotations

import difflib
import functools
import json
import re
from dataclasses import dataclass, field
from typing import Any

import rdflib
from rdflib import RDF, URIRef
from rdflib.namespace import SKOS

from unkg import iris
from unkg.config import ONTOLOGY_NS, VOCAB_NS, base_iri, default_store, query_memory
from unkg.errors import UnkgError
from unkg.lineage.diff import document
from unkg.lineage.stored import expression_graph, load
from unkg.ontology import ontology_graph, vocab_graph
from unkg.querykind import read_only
from unkg.store import open_store
from unkg.webapp import DEFAULTS
from unkg.webapp.workers import Job, QueryPool

PREFIXES = f"""PREFIX unkg: <{ONTOLOGY_NS}>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
"""
UNKG = rdflib.Namespace(ONTOLOGY_NS)
# The kinds of concept a search can name, the class of their concepts and the provision property that links them.
KINDS = {
    "actor": (UNKG.Actor, "addressee"),
    "right": (UNKG.Right, "concernsRight"),
    "group": (UNKG.AffectedGroup, "beneficiary"),
    "verb": (UNKG.OperativeVerb, "verb"),
}
MAX_RESULTS = 200
_PARAGRAPH = re.compile(r"^(?:(?P<part>[A-Z])\s*/?\s*)?(?:(?P<kind>op|pp|operative|preambular)\.?\s*/?\s*)?"
                        r"(?P<number>[0-9]+[a-z]?)$", re.I)


class NotFound(UnkgError):
    """A symbol, paragraph or name the store or the vocabularies do not have."""


@dataclass
class Vocabulary:
    """Labels and hierarchy of the packaged vocabularies, for turning names into concept IRIs and back."""

    by_label: dict[tuple[str, str], set[str]] = field(default_factory=dict)  # (kind, lower-cased label) -> IRIs
    labels: dict[str, str] = field(default_factory=dict)  # IRI -> English preferred label
    kinds: dict[str, set[str]] = field(default_factory=dict)  # kind -> IRIs
    narrower: dict[str, set[str]] = field(default_factory=dict)

    def resolve(self, kind: str, name: str) -> str:
        """The concept of `kind` named `name` (a label, an IRI or a path like `actors/states`)."""
        name = name.strip()
        known = self.kinds[kind]
        for candidate in (name, VOCAB_NS + name.lstrip("/")):
            if candidate in known:
                return candidate
        hits = self.by_label.get((kind, name.lower()), set())
        if len(hits) == 1:
            return next(iter(hits))
        if len(hits) > 1:
            options = ", ".join(sorted(f"{self.labels.get(h, h)} <{h}>" for h in hits))
            raise NotFound(f"{kind} {name!r} is ambiguous: {options}; give the IRI")
        close = difflib.get_close_matches(name.lower(), [label for k, label in self.by_label if k == kind], n=5)
        hint = f"; close: {', '.join(close)}" if close else ""
        raise NotFound(f"no {kind} named {name!r} in the vocabularies{hint}")

    def with_narrower(self, iri: str) -> list[str]:
        seen, todo = {iri}, [iri]
        while todo:
            for n in self.narrower.get(todo.pop(), ()):
                if n not in seen:
                    seen.add(n)
                    todo.append(n)
        return sorted(seen)

    def label(self, iri: str) -> str:
        return self.labels.get(iri, iri.rsplit("/", 1)[-1])


@functools.lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    g = vocab_graph()
    v = Vocabulary()
    for kind, (cls, _) in KINDS.items():
        members: set[str] = set()
        classes = {cls} | {s for s in _subclasses(cls)}
        for c in classes:
            members |= {str(s) for s in g.subjects(RDF.type, c)}
        v.kinds[kind] = members
        for s in members:
            for prop in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel):
                for label in g.objects(URIRef(s), prop):
                    v.by_label.setdefault((kind, str(label).lower()), set()).add(s)
    for s, label in g.subject_objects(SKOS.prefLabel):
        if getattr(label, "language", None) in ("en", None):
            v.labels.setdefault(str(s), str(label))
    for s, broader in g.subject_objects(SKOS.broader):
        v.narrower.setdefault(str(broader), set()).add(str(s))
    return v


def _subclasses(cls: URIRef) -> set[URIRef]:
    onto = ontology_graph()
    out, todo = set(), [cls]
    while todo:
        for sub in onto.subjects(rdflib.RDFS.subClassOf, todo.pop()):
            if sub not in out:
                out.add(sub)
                todo.append(sub)
    return out


def _iri(value: str) -> str:
    if not re.fullmatch(r'[^<>"{}|^`\\\x00-\x20]+', value):
        raise NotFound(f"not a usable IRI: {value!r}")
    return f"<{value}>"


def _value(row: dict[str, Any], key: str) -> Any:
    term = row.get(key)
    return None if term is None else term.toPython() if isinstance(term, rdflib.Literal) else str(term)


def _provision_order(iri: str) -> tuple[str, int]:
    head, _, n = iri.rpartition("/")
    return (head, int(n) if n.isdigit() else 0)


class Library:
    """Read-only answers over the store at `location` (a folder or a SPARQL endpoint URL)."""

    def __init__(self, location: str | None = None, *, query_timeout: float | None = None,
                 result_limit: int | None = None):
        self.location = location or default_store()
        self.store = open_store(self.location, read_only=True)
        self.timeout = float(query_timeout or DEFAULTS["QUERY_TIMEOUT"])
        self.limit = int(result_limit or DEFAULTS["RESULT_LIMIT"])
        self._pool = None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
        self.store.close()

    # -- obligations ----------------------------------------------------------------------------------
    def search_obligations(self, actor: str | None = None, right: str | None = None, group: str | None = None,
                           verb: str | None = None, min_strength: int | None = None, symbol: str | None = None,
                           limit: int = 20) -> dict[str, Any]:
        """Provisions addressed to `actor` (and its narrower actors), concerning `right`, benefiting `group`,
        opened by `verb`, at least `min_strength` strong, in resolution `symbol`: the strongest first."""
        v = vocabulary()
        if not any((actor, right, group, verb, symbol)):
            raise NotFound("name at least one of actor, right, group, verb or symbol")
        limit = max(1, min(int(limit), MAX_RESULTS))
        patterns, values, asked = [], [], {}
        for kind, name in (("actor", actor), ("right", right), ("group", group), ("verb", verb)):
            if not name:
                continue
            concept = v.resolve(kind, name)
            members = v.with_narrower(concept) if kind == "actor" else [concept]
            asked[kind] = {"id": concept, "label": v.label(concept),
                           **({"narrower_included": len(members) - 1} if kind == "actor" else {})}
            values.append(f"VALUES ?{kind} {{ {' '.join(_iri(m) for m in members)} }}")
            patterns.append(f"?prov unkg:{KINDS[kind][1]} ?{kind} .")
        if symbol:
            values.append(f"VALUES ?work {{ {_iri(iris.work(self._symbol(symbol)))} }}")
        strength = f"FILTER (?strength >= {int(min_strength)})" if min_strength else ""
        rows = self.store.select(PREFIXES + f"""
SELECT DISTINCT ?prov ?para ?work ?strength WHERE {{
  {' '.join(values)}
  GRAPH ?g {{
    {' '.join(patterns)}
    ?prov unkg:inParagraph ?para ; unkg:strength ?strength . ?para eli:is_part_of ?work .
    {strength}
  }}
}}""", timeout=self.timeout)
        found = {(_value(r, "prov"), _value(r, "para"), _value(r, "work"), _value(r, "strength")) for r in rows}
        details = self._provisions([p for p, *_ in found]) if found else {}
        items = [details[p] for p, *_ in found if p in details]
        items.sort(key=lambda d: (-(d["strength"] or 0), d["symbol"], d["paragraph_index"] or 0,
                                  _provision_order(d["provision"])))
        total = len(items)
        items = items[:limit]
        return {"query": asked | ({"symbol": symbol} if symbol else {}), "total": total, "returned": len(items),
                "provisions": items, "sources": _sources(items)}

    # -- resolutions and paragraphs -------------------------------------------------------------------
    def get_resolution(self, symbol: str, language: str = "en") -> dict[str, Any]:
        """A resolution's header and every paragraph in order, each operative one with its provisions."""
        sym = self._symbol(symbol)
        work = iris.work(sym)
        expr, lang = self._expression(work, language)
        header = self._header(work, expr)
        paras = self.store.select(PREFIXES + f"""
SELECT ?para ?type ?index ?number ?verbText ?text WHERE {{
  GRAPH {_iri(expr)} {{
    ?para eli:is_part_of {_iri(work)} ; unkg:index ?index ; rdf:value ?text ; a ?type .
    FILTER (?type IN (unkg:OperativeParagraph, unkg:PreambularParagraph))
    OPTIONAL {{ ?para eli:number ?number }}
    OPTIONAL {{ ?para unkg:verbText ?verbText }}
  }}
}} ORDER BY ?index""", timeout=self.timeout)
        provisions = self._provisions_in(expr, [_value(r, "para") for r in paras], lang)
        out = []
        for r in paras:
            para = _value(r, "para")
            out.append({"paragraph": para, "kind": "operative" if str(r["type"]).endswith("OperativeParagraph")
                        else "preambular", "index": _value(r, "index"), "number": _value(r, "number"),
                        "verb_text": _value(r, "verbText"), "text": _value(r, "text"),
                        "provisions": provisions.get(para, [])})
        cite = [{"symbol": sym.text, "paragraph": p["paragraph"]} for p in out if p["kind"] == "operative"]
        return {**header, "symbol": sym.text, "language": lang, "paragraphs": out,
                "sources": [{"symbol": sym.text, "resolution": work, "url": iris.undocs(sym, lang)}] + cite}

    def get_paragraph(self, symbol: str, paragraph: str, language: str = "en") -> dict[str, Any]:
        """One paragraph ('11', 'op 11', 'pp 3', 'B/op/2') with its text, sub-paragraphs and provisions."""
        sym = self._symbol(symbol)
        work = iris.work(sym)
        m = _PARAGRAPH.match(paragraph.strip())
        if not m:
            raise NotFound(f"{paragraph!r} is not a paragraph: give '11' or 'op 11' (operative), 'pp 3' (preambular)")
        kind = "preambular" if (m["kind"] or "op").lower().startswith("p") else "operative"
        para = iris.paragraph(sym, kind, m["number"], m["part"].upper() if m["part"] else None)
        expr, lang = self._expression(work, language)
        rows = self.store.select(PREFIXES + f"""
SELECT ?index ?number ?verbText ?text WHERE {{
  GRAPH {_iri(expr)} {{
    {_iri(para)} rdf:value ?text . OPTIONAL {{ {_iri(para)} unkg:index ?index }}
    OPTIONAL {{ {_iri(para)} eli:number ?number }} OPTIONAL {{ {_iri(para)} unkg:verbText ?verbText }}
  }}
}}""", timeout=self.timeout)
        if not rows:
            raise NotFound(f"{sym.text} has no {kind} paragraph {m['number']} in the store ({para})")
        r = rows[0]
        subs = self.store.select(PREFIXES + f"""
SELECT ?sub ?number ?text ?parent WHERE {{
  GRAPH {_iri(expr)} {{
    ?sub a unkg:SubParagraph ; eli:is_part_of+ {_iri(para)} ; eli:is_part_of ?parent ; rdf:value ?text .
    OPTIONAL {{ ?sub eli:number ?number }}
  }}
}}""", timeout=self.timeout)
        cited = self.store.select(PREFIXES + f"""
SELECT DISTINCT ?cited ?sdg WHERE {{ GRAPH {_iri(expr)} {{
  {{ {_iri(para)} eli:cites ?cited }} UNION {{ {_iri(para)} unkg:sdgTarget ?sdg }} }} }}""", timeout=self.timeout)
        return {
            "symbol": sym.text, "paragraph": para, "kind": kind, "language": lang,
            "index": _value(r, "index"), "number": _value(r, "number"), "verb_text": _value(r, "verbText"),
            "text": _value(r, "text"),
            "subparagraphs": sorted(({"subparagraph": _value(s, "sub"), "number": _value(s, "number"),
                                      "part_of": _value(s, "parent"), "text": _value(s, "text")} for s in subs),
                                    key=lambda s: s["subparagraph"]),
            "provisions": self._provisions_in(expr, [para], lang).get(para, []),
            "cites": sorted(_value(c, "cited") for c in cited if c.get("cited") is not None),
            "sdg_targets": sorted(_value(c, "sdg") for c in cited if c.get("sdg") is not None),
            "sources": [{"symbol": sym.text, "paragraph": para, "url": iris.undocs(sym, lang)}],
        }

    # -- diff -----------------------------------------------------------------------------------------
    def diff(self, old: str, new: str, language: str = "en", unchanged: bool = False) -> dict[str, Any]:
        """`unkg diff OLD NEW --json` over two stored resolutions (unkg.lineage), each paragraph with the IRIs
        of its two versions; unchanged paragraphs are counted in the summary and listed only if `unchanged`."""
        syms = [self._symbol(s) for s in (old, new)]
        docs, where = [], []
        for sym in syms:
            res = load(self.store, sym.text, language)
            if res is None:
                raise NotFound(f"{sym.text} is not in the store")
            docs.append(res)
            where.append(self._paragraph_iris(iris.work(sym), expression_graph(self.store, sym.text, language)))
        doc = document(*docs)
        paragraphs = []
        for p in doc["paragraphs"]:
            p = {**p, "from_paragraph": where[0].get(p["from_index"]), "to_paragraph": where[1].get(p["to_index"])}
            if unchanged or p["status"] != "unchanged":
                paragraphs.append(p)
        stored = [set(w.values()) for w in where]

        def operative(k: int, number: str | None) -> str | None:
            found = iris.paragraph(syms[k], "operative", number) if number else None
            return found if found in stored[k] else None

        provisions = [{**c, "from_paragraph": operative(0, c["from_number"]), "to_paragraph": operative(1, c["to_number"])}
                      for c in doc["provisions"]]
        sources = [{"symbol": syms[1].text, "paragraph": p["to_paragraph"], "url": iris.undocs(syms[1])}
                   for p in paragraphs if p["to_paragraph"]]
        sources += [{"symbol": syms[0].text, "paragraph": p["from_paragraph"], "url": iris.undocs(syms[0])}
                    for p in paragraphs if p["status"] == "dropped" and p["from_paragraph"]]
        return {**doc, "paragraphs": paragraphs, "provisions": provisions, "sources": sources}

    def _paragraph_iris(self, work: str, expr: str | None) -> dict[int, str]:
        if expr is None:
            return {}
        rows = self.store.select(PREFIXES + f"""
SELECT ?para ?index WHERE {{ GRAPH {_iri(expr)} {{ ?para eli:is_part_of {_iri(work)} ; unkg:index ?index .
  FILTER NOT EXISTS {{ ?para a unkg:SubParagraph }} }} }}""", timeout=self.timeout)
        return {int(_value(r, "index")): _value(r, "para") for r in rows}

    # -- SPARQL ---------------------------------------------------------------------------------------
    def sparql(self, query: str) -> dict[str, Any]:
        """A read-only SPARQL query with the endpoint's time limit and row cap; results as SPARQL JSON
        (SELECT, ASK) or Turtle (CONSTRUCT, DESCRIBE)."""
        kind = read_only(query, update_advice="unkg mcp is read-only")
        if self._pool is None:
            self._pool = QueryPool(self.location, 1, self.timeout, query_memory())
        body = self._pool.run(Job(query, "turtle" if kind.is_graph else "json", kind.is_graph, self.limit,
                                  base=base_iri()))
        text = body.decode("utf-8")
        if kind.is_graph:
            return {"form": kind.form, "turtle": text, "sources": _sources_in(text)}
        doc = json.loads(text)
        return {"form": kind.form, "results": doc, "sources": _sources_in(text)}

    # -- helpers --------------------------------------------------------------------------------------
    @staticmethod
    def _symbol(symbol: str) -> iris.Symbol:
        try:
            return iris.Symbol.parse(symbol)
        except ValueError:
            raise NotFound(f"not a UN document symbol: {symbol!r} (e.g. A/RES/78/216)") from None

    def _expression(self, work: str, language: str) -> tuple[str, str]:
        rows = self.store.select(PREFIXES + f"""
SELECT DISTINCT ?e ?lang WHERE {{ GRAPH ?e {{ {_iri(work)} eli:is_realized_by ?e . ?e dcterms:language ?lang }} }}""",
                                 timeout=self.timeout)
        have = {str(_value(r, "lang")): _value(r, "e") for r in rows}
        if not have:
            raise NotFound(f"{work} is not in the store")
        lang = language if language in have else ("en" if "en" in have else sorted(have)[0])
        return have[lang], lang

    def _header(self, work: str, expr: str) -> dict[str, Any]:
        rows = self.store.select(PREFIXES + f"""
SELECT ?title ?date ?body ?session ?agenda WHERE {{ GRAPH {_iri(expr)} {{
  OPTIONAL {{ {_iri(work)} dcterms:title ?title }} OPTIONAL {{ {_iri(work)} unkg:adoptionDate ?date }}
  OPTIONAL {{ {_iri(work)} unkg:adoptedBy ?body }} OPTIONAL {{ {_iri(work)} unkg:session ?session }}
  OPTIONAL {{ {_iri(work)} unkg:agendaItem ?agenda }} }} }}""", timeout=self.timeout)
        r = rows[0] if rows else {}
        body = _value(r, "body")
        date = _value(r, "date")
        return {"resolution": work, "title": _value(r, "title"), "date": str(date) if date else None,
                "adopted_by": vocabulary().label(body) if body else None, "session": _value(r, "session"),
                "agenda_item": _value(r, "agenda")}

    def _provisions_in(self, expr: str, paragraphs: list[str], lang: str) -> dict[str, list[dict[str, Any]]]:
        """Provisions of the given paragraphs as one language version states them, grouped by paragraph."""
        if not paragraphs:
            return {}
        rows = self.store.select(PREFIXES + f"""
SELECT ?prov ?para WHERE {{ VALUES ?para {{ {' '.join(_iri(p) for p in paragraphs)} }}
  GRAPH {_iri(expr)} {{ ?prov unkg:inParagraph ?para }} }}""", timeout=self.timeout)
        details = self._provisions([_value(r, "prov") for r in rows], graph=expr, lang=lang)
        out: dict[str, list[dict[str, Any]]] = {}
        for d in sorted(details.values(), key=lambda d: _provision_order(d["provision"])):
            out.setdefault(d["paragraph"], []).append(d)
        return out

    def _provisions(self, provisions: list[str], graph: str | None = None, lang: str = "en") -> dict[str, dict[str, Any]]:
        """Everything about each provision: verb, strength, modality, addressees, rights, beneficiaries,
        mandate, its text, and the symbol and paragraph it is in."""
        where = f"GRAPH {_iri(graph)}" if graph else "GRAPH ?g"
        out: dict[str, dict[str, Any]] = {}
        for start in range(0, len(provisions), 500):
            chunk = provisions[start:start + 500]
            rows = self.store.select(PREFIXES + f"""
SELECT ?prov ?p ?o WHERE {{ VALUES ?prov {{ {' '.join(_iri(p) for p in chunk)} }}
  {where} {{ ?prov ?p ?o }} }}""", timeout=self.timeout)
            facts: dict[str, dict[str, list[Any]]] = {}
            for r in rows:
                facts.setdefault(str(r["prov"]), {}).setdefault(str(r["p"]), []).append(r["o"])
            paragraphs = {str(f[ONTOLOGY_NS + "inParagraph"][0]) for f in facts.values() if ONTOLOGY_NS + "inParagraph" in f}
            where_para = self._paragraph_facts(sorted(paragraphs), graph)
            mandates = self._mandates([str(m) for f in facts.values() for m in f.get(ONTOLOGY_NS + "hasMandate", [])],
                                      graph)
            for prov, f in facts.items():
                para = str(f.get(ONTOLOGY_NS + "inParagraph", [""])[0])
                out[prov] = _provision(prov, f, where_para.get(para, {}), mandates, lang)
        return out

    def _paragraph_facts(self, paragraphs: list[str], graph: str | None) -> dict[str, dict[str, Any]]:
        if not paragraphs:
            return {}
        where = f"GRAPH {_iri(graph)}" if graph else "GRAPH ?g"
        rows = self.store.select(PREFIXES + f"""
SELECT DISTINCT ?para ?symbol ?number ?index WHERE {{ VALUES ?para {{ {' '.join(_iri(p) for p in paragraphs)} }}
  {where} {{ ?para eli:is_part_of ?work . ?work dcterms:identifier ?symbol .
    OPTIONAL {{ ?para eli:number ?number }} OPTIONAL {{ ?para unkg:index ?index }} }} }}""", timeout=self.timeout)
        return {_value(r, "para"): {"symbol": _value(r, "symbol"), "number": _value(r, "number"),
                                    "index": _value(r, "index")} for r in rows}

    def _mandates(self, mandates: list[str], graph: str | None) -> dict[str, dict[str, Any]]:
        if not mandates:
            return {}
        v = vocabulary()
        where = f"GRAPH {_iri(graph)}" if graph else "GRAPH ?g"
        rows = self.store.select(PREFIXES + f"""
SELECT ?m ?p ?o WHERE {{ VALUES ?m {{ {' '.join(_iri(m) for m in mandates)} }} {where} {{ ?m ?p ?o }} }}""",
                                 timeout=self.timeout)
        out: dict[str, dict[str, Any]] = {}
        for r in rows:
            m, p, o = str(r["m"]), str(r["p"]), r["o"]
            d = out.setdefault(m, {"mandate": m})
            if not p.startswith(ONTOLOGY_NS):
                continue
            key = p[len(ONTOLOGY_NS):]
            if key in ("mandatedActor", "recipient"):
                d.setdefault(key, []).append({"id": str(o), "label": v.label(str(o))})
            else:
                d[key] = o.toPython() if isinstance(o, rdflib.Literal) else str(o)
        return out


def _provision(prov: str, facts: dict[str, list[Any]], paragraph: dict[str, Any],
               mandates: dict[str, dict[str, Any]], lang: str) -> dict[str, Any]:
    """One provision's answer from its statements (property IRI -> values) and its paragraph's facts."""
    v = vocabulary()

    def one(prop: str) -> Any:
        vals = facts.get(prop, [])
        texts = [x for x in vals if isinstance(x, rdflib.Literal)]
        pick = [x for x in texts if x.language == lang] or texts or vals
        return (pick[0].toPython() if isinstance(pick[0], rdflib.Literal) else str(pick[0])) if pick else None

    def concepts(prop: str) -> list[dict[str, str]]:
        return [{"id": str(c), "label": v.label(str(c))} for c in sorted(set(facts.get(ONTOLOGY_NS + prop, [])))]

    verb = one(ONTOLOGY_NS + "verb")
    modality = one(ONTOLOGY_NS + "modality")
    return {
        "provision": prov, "symbol": paragraph.get("symbol"),
        "paragraph": str(facts.get(ONTOLOGY_NS + "inParagraph", [""])[0]),
        "paragraph_number": paragraph.get("number"), "paragraph_index": paragraph.get("index"),
        "verb": verb.rsplit("/", 1)[-1] if verb else None, "verb_text": one(ONTOLOGY_NS + "verbText"),
        "strength": one(ONTOLOGY_NS + "strength"),
        "modality": modality.rsplit("/", 1)[-1] if modality else None,
        "addressees": concepts("addressee"), "rights": concepts("concernsRight"),
        "beneficiaries": concepts("beneficiary"),
        "mandates": [mandates[str(m)] for m in facts.get(ONTOLOGY_NS + "hasMandate", []) if str(m) in mandates],
        "text": one(str(RDF.value)),
    }


def _sources(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One citation per paragraph quoted: symbol, paragraph IRI and the official text's address."""
    seen: dict[str, dict[str, Any]] = {}
    for d in items:
        if d.get("paragraph") and d["paragraph"] not in seen and d.get("symbol"):
            seen[d["paragraph"]] = {"symbol": d["symbol"], "paragraph": d["paragraph"],
                                    "number": d.get("paragraph_number"), "url": iris.undocs(d["symbol"])}
    return list(seen.values())


def _sources_in(text: str) -> list[str]:
    """The resolution and paragraph IRIs a SPARQL result mentions (under the data base IRI), to cite."""
    base = re.escape(base_iri())
    found = set(re.findall(base + r'[^\s"<>\\]+', text))
    return sorted(found)[:MAX_RESULTS]

