"""Document model -> RDF: one named graph per resolution expression.

`build(res)` returns the expression IRI (the graph name) and the graph. Work-level resources (the
resolution, its paragraphs, sub-paragraphs, provisions, mandates, footnotes, vote) carry language-tagged
text, so the English and French graphs describe the same `.../op/11`; evidence annotations and the PROV
activity live under the expression IRI. Deterministic: no timestamps, no blank nodes, so the same
Resolution always gives the same triples.

What goes in (terms: ontology/unkg.ttl):
- work: unkg:Resolution + eli:LegalResource, dcterms:identifier (symbol), dcterms:title@lang, unkg:adoptedBy
  (actor concept of the organ), eli:type_document (the EU resource-type authority), unkg:adoptionDate,
  session, agenda item, committee, report, meeting, draft, sponsors, unkg:vote, unkg:sdgGoal / dcterms:subject (keywords), rdfs:seeAlso undocs.org;
- expression: unkg:ResolutionExpression + eli:LegalExpression, eli:realizes, dcterms:language (ISO 639-1) and
  eli:language (the EU language authority), dcterms:source (the official text), dcterms:rights (the UN's
  terms), dcterms:license (the data's),
  prov:wasGeneratedBy the ingest activity;
- paragraphs and sub-paragraphs: eli:is_part_of, eli:number, unkg:index, rdf:value@lang, unkg:verbText@lang,
  unkg:opener, unkg:footnote, eli:cites, unkg:sdgTarget;
- provisions and mandates: unkg:verb, strength, modality, addressee, concernsRight, beneficiary, hasMandate
  (several per provision: .../mandate, .../mandate/2 ...), a mandate's task, recurrence, due session and year;
- evidence: an oa:Annotation per paragraph (its span in the expression text, motivated by oa:identifying)
  and per extracted link (motivated by oa:classifying, with unkg:evidenceFor / unkg:evidenceProperty naming
  the statement, a TextPositionSelector and a TextQuoteSelector).
"""
from __future__ import annotations

import functools
import hashlib
import re
from pathlib import PurePath

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from unkg import __version__, iris
from unkg.config import DATA_LICENSE, ONTOLOGY_NS, UN_TERMS
from unkg.errors import InputError
from unkg.ingest.metadata import state_iri
from unkg.ingest.model import OPERATIVE, Citation, Concept, Mandate, Paragraph, Provision, Resolution, SubParagraph
from unkg.ontology import vocab_graph


class _Terms(Namespace):
    """A namespace that makes each of its terms once: rdflib's makes and checks a new URIRef on every
    `UNKG.verb`, and the builder reads such names for every triple it writes."""

    def __getattr__(self, name: str) -> URIRef:
        term = super().__getattr__(name)
        self.__dict__[name] = term  # found before __getattr__ from now on
        return term


UNKG = _Terms(ONTOLOGY_NS)
ELI = _Terms("http://data.europa.eu/eli/ontology#")
OA = _Terms("http://www.w3.org/ns/oa#")
# rdf:type and rdf:value, written for every paragraph and annotation: rdflib's closed namespace checks the name
# in Python at every read
_TYPE, _VALUE = RDF.type, RDF.value

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SDG_GOAL = re.compile(r"^http://metadata\.un\.org/sdg/\d{1,2}$")
_VOTE_PROPS = {"Y": UNKG.votedInFavour, "N": UNKG.votedAgainst, "A": UNKG.abstained}


def build(res: Resolution) -> tuple[str, Graph]:
    """The named graph IRI (the expression) and the triples of one resolution expression."""
    iri, triples = build_triples(res)
    g = bind_prefixes(Graph())
    for t in triples:
        g.add(t)
    return iri, g


def build_triples(res: Resolution) -> tuple[str, list[tuple[URIRef, URIRef, URIRef | Literal]]]:
    """The same as `build`, as a list of distinct triples in the order written: what the ingest serialises
    and validates (an rdflib Graph costs more to fill than all the rest of building it)."""
    return _Builder(res).run()


def paragraph_iris(res: Resolution, sym: "iris.Symbol | None" = None) -> list[tuple[Paragraph, str]]:
    """Each paragraph of `res` with its work-level IRI, in document order (lineage names the same IRIs)."""
    sym = sym or iris.Symbol.parse(res.symbol)
    out: list[tuple[Paragraph, str]] = []
    preambular_in_part: dict[str | None, int] = {}
    numbered = any(p.number for p in res.operative)
    operative_seen = 0
    for p in res.paragraphs:
        if p.kind == OPERATIVE:
            operative_seen += 1
            # Texts printed without paragraph numbers (a lone operative paragraph, presidential statements)
            # use the order: .../op/1, /op/2 ... An unnumbered paragraph among numbered ones gets a
            # placeholder IRI and the shapes report it.
            number = p.number or (iris.unnumbered_number(p.index) if numbered else str(operative_seen))
            out.append((p, iris.paragraph(sym, "operative", number, p.part)))
        else:
            preambular_in_part[p.part] = preambular_in_part.get(p.part, 0) + 1
            out.append((p, iris.paragraph(sym, "preambular", preambular_in_part[p.part], p.part)))
    return out


def bind_prefixes(g: Graph) -> Graph:
    """Bind the prefixes unkg graphs use (for readable Turtle/TriG)."""
    for prefix, ns in (("unkg", UNKG), ("eli", ELI), ("oa", OA), ("dcterms", DCTERMS), ("prov", PROV),
                       ("skos", SKOS)):
        g.bind(prefix, ns, override=True)
    return g


class _Builder:
    def __init__(self, res: Resolution):
        self.res = res
        try:
            self.sym = iris.Symbol.parse(res.symbol)
        except ValueError:
            raise InputError(res.source.path if res.source else "?", f"not a UN document symbol: {res.symbol!r}") from None
        self.lang = res.language
        self.work = URIRef(iris.work(self.sym))
        self.expr_iri = iris.expression(self.sym, res.language)
        self.expr = URIRef(self.expr_iri)
        self.triples: dict[tuple, None] = {}  # a graph holds each triple once: kept in order, without repeats

    def add(self, s: URIRef, p: URIRef, o) -> None:
        self.triples[(s, p, o)] = None

    def text(self, value: str) -> Literal:
        return Literal(value, lang=self.lang)

    def run(self) -> tuple[str, list[tuple]]:
        self.header()
        self.provenance()
        for p, iri in paragraph_iris(self.res, self.sym):
            self.paragraph(p, URIRef(iri))
        return self.expr_iri, list(self.triples)

    # -- header -----------------------------------------------------------------------------------------
    def header(self) -> None:
        r, w, e = self.res, self.work, self.expr
        self.add(w, _TYPE, UNKG.Resolution)
        self.add(w, _TYPE, ELI.LegalResource)
        self.add(w, DCTERMS.identifier, Literal(self.sym.text))
        if r.title:
            self.add(w, DCTERMS.title, self.text(r.title))
        body = r.body or self.sym.body
        if body:
            self.add(w, UNKG.adoptedBy, URIRef(iris.vocab("actors", iris.slug(body))))
        if r.date and _ISO_DATE.match(r.date):
            self.add(w, UNKG.adoptionDate, Literal(r.date, datatype=XSD.date))
        for prop, value in ((UNKG.session, r.session), (UNKG.agendaItem, r.agenda_item),
                            (UNKG.committee, r.committee), (UNKG.report, r.report),
                            (UNKG.meeting, r.meeting), (UNKG.draft, r.draft)):
            if value:
                self.add(w, prop, Literal(str(value)))
        for name in r.sponsors:
            state = state_iri(name)
            self.add(w, *((UNKG.sponsor, URIRef(state)) if state else (UNKG.sponsorName, Literal(name))))
        if r.vote:
            self.vote()
        for kw in r.keywords:
            self.add(w, UNKG.sdgGoal if _SDG_GOAL.match(kw) else DCTERMS.subject, URIRef(kw))
        doc_type = iris.document_type(self.sym)
        if doc_type:
            self.add(w, ELI.type_document, URIRef(doc_type))
        self.add(w, RDFS.seeAlso, URIRef(iris.undocs(self.sym, self.lang)))
        self.add(w, ELI.is_realized_by, e)

        self.add(e, _TYPE, UNKG.ResolutionExpression)
        self.add(e, _TYPE, ELI.LegalExpression)
        self.add(e, ELI.realizes, w)
        # The ISO 639-1 code as a literal (DCMI's usage note allows a BCP 47 tag) and, as ELI does, the EU
        # language authority's IRI, which links the expression to a published concept of the language.
        self.add(e, DCTERMS.language, Literal(self.lang, datatype=XSD.language))
        language = iris.language_authority(self.lang)
        if language:
            self.add(e, ELI.language, URIRef(language))
        # where the text comes from and on what terms: the UN's text under its terms of use, unkg's statements
        # about it (this graph, named by the same IRI) under the data licence
        self.add(e, DCTERMS.source, URIRef(iris.undocs(self.sym, self.lang)))
        self.add(e, DCTERMS.rights, URIRef(UN_TERMS))
        self.add(e, DCTERMS.license, URIRef(DATA_LICENSE))
        if r.issued and _ISO_DATE.match(r.issued):
            self.add(e, DCTERMS.issued, Literal(r.issued, datatype=XSD.date))
        for fn in r.footnotes:
            f = self.footnote_iri(fn.marker)
            self.add(f, _TYPE, UNKG.Footnote)
            self.add(f, UNKG.marker, Literal(fn.marker))
            self.add(f, _VALUE, self.text(fn.text))

    def footnote_iri(self, marker: str) -> URIRef:
        return URIRef(iris.footnote(self.sym, marker))

    def vote(self) -> None:
        v = self.res.vote
        node = URIRef(iris.vote(self.sym))
        self.add(self.work, UNKG.vote, node)
        self.add(node, _TYPE, UNKG.Vote)
        if v.method:
            self.add(node, UNKG.votingMethod, Literal(v.method))
        for prop, n in ((UNKG.votesInFavour, v.in_favour), (UNKG.votesAgainst, v.against),
                        (UNKG.abstentions, v.abstaining)):
            if n is not None:
                self.add(node, prop, Literal(int(n)))
        for name, how in v.by_state.items():
            state = state_iri(name)
            if state and how in _VOTE_PROPS:
                self.add(node, _VOTE_PROPS[how], URIRef(state))

    def provenance(self) -> None:
        src = self.res.source
        sha = src.sha256 if src and re.fullmatch(r"[0-9a-f]{64}", src.sha256 or "") else _sha256(self.res.text)
        activity = URIRef(iris.ingest_activity(self.expr_iri, sha))
        entity = URIRef(iris.source_file(sha))
        self.add(self.expr, PROV.wasGeneratedBy, activity)
        self.add(activity, _TYPE, PROV.Activity)
        self.add(activity, PROV.used, entity)
        self.add(activity, PROV.wasAssociatedWith, UNKG.software)
        self.add(activity, UNKG.softwareVersion, Literal(__version__))
        self.add(entity, _TYPE, PROV.Entity)
        self.add(entity, UNKG.sha256, Literal(sha))
        if src and src.format:
            self.add(entity, DCTERMS["format"], Literal(src.format))
        if src and src.path:
            self.add(entity, RDFS.label, Literal(PurePath(src.path).name))

    # -- paragraphs -------------------------------------------------------------------------------------
    def paragraph(self, p: Paragraph, iri: URIRef) -> None:
        cls = UNKG.OperativeParagraph if p.kind == OPERATIVE else UNKG.PreambularParagraph
        self.add(iri, _TYPE, cls)
        self.add(iri, _TYPE, ELI.LegalResourceSubdivision)  # ELI users need no inference; shapes use it too
        self.add(iri, ELI.is_part_of, self.work)
        self.add(iri, UNKG["index"], _literal(p.index))
        self.add(iri, _VALUE, self.text(p.text))
        if p.number and p.kind == OPERATIVE:
            self.add(iri, ELI.number, Literal(p.number))
        if p.part:
            self.add(iri, UNKG.part, Literal(p.part))
        if p.verb_text:
            self.add(iri, UNKG.verbText, _tagged(p.verb_text, self.lang))
            if p.kind != OPERATIVE:
                opener = _opener_iri(p.verb_text)
                if opener:
                    self.add(iri, UNKG.opener, URIRef(opener))
        for marker in p.footnotes:
            if any(f.marker == marker for f in self.res.footnotes):
                self.add(iri, UNKG.footnote, self.footnote_iri(marker))
        for code in p.sdg:
            self.add(iri, UNKG.sdgTarget, URIRef(iris.sdg(code)))
        if self.span_ok(p.start, p.end):
            self.annotation(iri, p.start, p.end, anchor=True)
        for i, s in enumerate(p.subparagraphs, 1):
            self.subparagraph(s, iri, i, top=iri)
        for c in p.citations:
            self.citation(c, iri)
        for n, prov in enumerate(p.provisions, 1):
            self.provision(prov, URIRef(iris.provision(str(iri), n)), iri)

    def subparagraph(self, s: SubParagraph, parent: URIRef, position: int, top: URIRef, path: tuple[str, ...] = ()) -> None:
        path = (*path, s.number)  # printed numbers from the paragraph down: the IRI is minted from the whole path
        iri = URIRef(iris.subparagraph(str(top), *path, language=self.lang))
        self.add(iri, _TYPE, UNKG.SubParagraph)
        self.add(iri, _TYPE, ELI.LegalResourceSubdivision)
        self.add(iri, ELI.is_part_of, parent)
        self.add(iri, ELI.number, Literal(s.number))
        self.add(iri, UNKG["index"], _literal(position))
        self.add(iri, _VALUE, self.text(s.text))
        for i, child in enumerate(s.subparagraphs, 1):
            self.subparagraph(child, iri, i, top, path)

    def citation(self, c: Citation, paragraph: URIRef) -> None:
        try:
            cited = URIRef(iris.work(c.symbol))
        except ValueError:  # extraction gave something that is not a symbol: no link rather than a bad IRI
            return
        self.add(paragraph, ELI.cites, cited)
        if self.span_ok(c.start, c.end):
            self.annotation(cited, c.start, c.end, about=paragraph, prop=ELI.cites)

    def provision(self, pr: Provision, iri: URIRef, paragraph: URIRef) -> None:
        self.add(iri, _TYPE, UNKG.Provision)
        self.add(iri, UNKG.inParagraph, paragraph)
        self.add(iri, UNKG.verb, URIRef(iris.vocab("verbs", pr.verb)))
        self.add(iri, UNKG.verbText, _tagged(pr.verb_text, self.lang))
        self.add(iri, UNKG.strength, _literal(int(pr.strength)))
        if pr.modality:
            self.add(iri, UNKG.modality, URIRef(iris.vocab("modalities", pr.modality)))
        self.add(iri, _VALUE, self.text(pr.text))
        for prop, concepts in ((UNKG.addressee, pr.addressees), (UNKG.concernsRight, pr.rights),
                               (UNKG.beneficiary, pr.beneficiaries)):
            for c in concepts:
                self.mention(iri, prop, c)
        for n, m in enumerate(pr.mandates, 1):
            self.mandate(m, URIRef(iris.mandate(str(iri), n)), iri)

    def mandate(self, m: Mandate, node: URIRef, provision: URIRef) -> None:
        """One mandate of a provision (docs/mandates.md): its task and recurrence are concepts of the tasks and
        recurrence schemes; the words that give it are the evidence of its task."""
        self.add(provision, UNKG.hasMandate, node)
        self.add(node, _TYPE, UNKG.Mandate)
        if m.entity is not None:
            self.mention(node, UNKG.mandatedActor, m.entity)
        task = URIRef(iris.task(m.task))
        self.add(node, UNKG.task, task)
        if self.span_ok(m.start, m.end):
            self.annotation(task, m.start, m.end, about=node, prop=UNKG.task)
        if m.task_text:
            self.add(node, UNKG.taskText, self.text(m.task_text))
        for c in m.recipients:
            self.mention(node, UNKG.recipient, c)
        if m.due:
            self.add(node, UNKG.due, self.text(m.due))
        if m.due_session:
            self.add(node, UNKG.dueSession, Literal(str(m.due_session)))
        if m.due_year:
            self.add(node, UNKG.dueYear, Literal(m.due_year, datatype=XSD.gYear))
        self.add(node, UNKG.recurrence, URIRef(iris.recurrence(m.recurrence)))
        if m.frequency:
            self.add(node, UNKG.frequency, self.text(m.frequency))
        if m.period:
            self.add(node, UNKG.period, self.text(m.period))
        self.add(node, UNKG.reviewClause, Literal(bool(m.review_clause)))
        self.add(node, UNKG.withinExistingResources, Literal(bool(m.within_existing_resources)))

    def mention(self, subject: URIRef, prop: URIRef, c: Concept) -> None:
        """One extracted link (subject prop concept), with its evidence when the span is known."""
        concept = URIRef(c.id)
        self.add(subject, prop, concept)
        if self.span_ok(c.start, c.end):
            self.annotation(concept, c.start, c.end, about=subject, prop=prop, method=c.method)

    # -- evidence ---------------------------------------------------------------------------------------
    def span_ok(self, start: int, end: int) -> bool:
        return 0 <= start < end <= len(self.res.text)

    def annotation(self, body: URIRef, start: int, end: int, *, about: URIRef | None = None,
                   prop: URIRef | None = None, anchor: bool = False, method: str = "") -> None:
        a = URIRef(iris.evidence(self.expr_iri, about or "", prop or "", body, start, end))
        target, position = URIRef(iris.evidence_part(a, "target")), URIRef(iris.evidence_part(a, "position"))
        self.add(a, _TYPE, OA.Annotation)
        self.add(a, OA.motivatedBy, OA.identifying if anchor else OA.classifying)
        self.add(a, OA.hasBody, body)
        self.add(a, OA.hasTarget, target)
        self.add(target, _TYPE, OA.SpecificResource)
        self.add(target, OA.hasSource, self.expr)
        self.add(target, OA.hasSelector, position)
        self.add(position, _TYPE, OA.TextPositionSelector)
        self.add(position, OA.start, _literal(start, _NON_NEGATIVE))
        self.add(position, OA.end, _literal(end, _NON_NEGATIVE))
        if anchor:
            return  # a paragraph's text is already its rdf:value: no quote needed
        quote_sel = URIRef(iris.evidence_part(a, "quote"))
        self.add(target, OA.hasSelector, quote_sel)
        self.add(quote_sel, _TYPE, OA.TextQuoteSelector)
        self.add(quote_sel, OA.exact, _literal(self.res.text[start:end]))
        self.add(a, UNKG.evidenceFor, about)
        self.add(a, UNKG.evidenceProperty, prop)
        if method:  # how extraction found it (methods scheme): users keep the direct matches if they wish
            self.add(a, UNKG.extractionMethod, URIRef(iris.vocab("methods", method)))


_NON_NEGATIVE = XSD.nonNegativeInteger


@functools.lru_cache(maxsize=65536, typed=True)  # typed: Literal(1) and Literal(True) are not the same
def _literal(value: int | str, datatype: URIRef | None = None) -> Literal:
    """A literal without a language, made once per process: positions, indexes and quoted names recur in
    every graph, and making an rdflib Literal costs more than the rest of writing its triple."""
    return Literal(value, datatype=datatype)


@functools.lru_cache(maxsize=4096)
def _tagged(value: str, language: str) -> Literal:
    """A verb phrase with its language, made once per process ("Requests", "Calls upon": a few hundred recur)."""
    return Literal(value, lang=language)


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@functools.lru_cache(maxsize=1)
def _openers() -> dict[str, str]:
    """Lower-cased labels of preambular openers (any language) -> concept IRI, from the vocabularies."""
    g = vocab_graph()
    out: dict[str, str] = {}
    # in IRI order: where two openers share a label, the same one wins in every process (rdflib's own order
    # follows the process's hash seed)
    for concept in sorted(g.subjects(_TYPE, UNKG.PreambularOpener), key=str):
        for prop in (SKOS.prefLabel, SKOS.altLabel):
            for label in sorted(g.objects(concept, prop), key=str):
                out.setdefault(str(label).lower(), str(concept))
    return out


def _opener_iri(verb_text: str) -> str | None:
    """The opener concept of 'Guided also' or 'Deeply concerned': the longest leading run of words with a label."""
    words = verb_text.strip().rstrip(",").split()
    table = _openers()
    for n in range(len(words), 0, -1):
        hit = table.get(" ".join(words[:n]).lower())
        if hit:
            return hit
    return None
