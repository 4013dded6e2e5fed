"""Mandates: the tasks a provision gives named entities (docs/mandates.md).

A provision that requests or invites a named entity of the United Nations system (not States, not civil
society) to do something, or by which the adopting body decides something ("Decides to include in the
provisional agenda of its eighty-second session ..."), gives one mandate per entity and per task: "requests
the Secretary-General to submit a report ... and to convene a meeting ..." gives two. Each has:
- task: the first cue of ontology/vocab/tasks.ttl in its words (a light verb such as "provide" gives way to a
  task noun after it; an agenda decision or a mandate extension anywhere in the words wins); a decision
  without a cue is no mandate;
- due session: "at its eightieth session" -> "80" (ordinals are grammar: en/fr/es number words); due year:
  printed ("in 2026", "by 31 December 2025"), else the year the due session opens;
- recurrence: a wording of ontology/vocab/recurrence.ttl ("annually", "every 90 days"), else once;
- period ("for a period of three years"), review clause, within existing resources: grammar patterns.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib.resources import files
from typing import Any, Callable

from rdflib import RDF, SKOS, Graph

from unkg.config import VOCAB_NS
from unkg.ingest.extract.mentions import Mention
from unkg.ingest.extract.tokens import Token, lows
from unkg.ingest.model import Concept, Mandate, Provision

REQUEST_MODALITIES = ("request",)
DECISION_MODALITIES = ("decision",)
# verbs of another modality that still hand a named entity a task ("Invites the Special Rapporteur to ...")
MANDATING_VERBS = ("invite",)
# decision verbs that state an agreement: a task only when they name another entity to carry it out ("Agrees that
# the Committee should consider ..."), not for what the body agrees is true ("agrees that ... capacity-building ...")
AGREEING_VERBS = ("agree",)
UN_SYSTEM = VOCAB_NS + "actors/united-nations-system"
# collectives name no one who could be held to a task: the whole system, its agencies in general, "relevant
# special procedures", the treaty bodies as a group
GENERIC = tuple(VOCAB_NS + "actors/" + a for a in ("united-nations-system", "funds-programmes-and-specialized-agencies",
                                                   "special-procedures", "treaty-bodies", "united-nations-peace-operations",
                                                   "security-council-committees", "security-council-panels-of-experts"))
# tasks that are the point of a segment wherever their cue is ("Decides to continue its consideration ...")
OVERRIDING = ("agenda_item", "extend_mandate")
# verbs that carry a task named by a noun after them ("to provide ... an interim report")
LIGHT = {"provide", "provision", "submit", "present", "hold", "fournir", "présenter", "soumettre", "tenir", "établir", "donner", "prêter",
         "apporter", "communiquer",
         "proporcionar", "proporcione", "proporcionen", "proporcionando", "presentar", "presente", "presenten",
         "celebrar", "preste", "prestar", "presten", "prestando"}
# tasks whose deliverables can be coordinated ("an interim report ... and a final report ...")
DELIVERABLES = ("report", "oral_update", "study")
# one-word extension cues ("extend", "renew") count only with the mandate they extend
MANDATE_WORDS = {"mandate", "mandat", "mandato"}


@dataclass
class Cues:
    """Per language: cue phrases (as lower-case token tuples) -> task or recurrence notation."""

    tasks: dict[str, list[tuple[tuple[str, ...], str]]]
    recurrence: dict[str, list[tuple[tuple[str, ...], str, str]]]


def _scheme(name: str) -> Graph:
    return Graph().parse(data=(files("unkg.ontology.vocab") / name).read_text(encoding="utf-8"), format="turtle")


@lru_cache(maxsize=4)
def cues(language: str) -> Cues:
    """The cue phrases of the tasks and recurrence schemes in one language, first words as keys."""
    tasks: dict[str, list] = {}
    rec: dict[str, list] = {}
    for name, out in (("tasks.ttl", tasks), ("recurrence.ttl", rec)):
        g = _scheme(name)
        for c in g.subjects(RDF.type, SKOS.Concept):
            notation = str(g.value(c, SKOS.notation))
            for p in (SKOS.prefLabel, SKOS.altLabel):
                for lab in g.objects(c, p):
                    # the prefLabel of "other" names the rest, no task word ("other relevant organizations")
                    if lab.language != language or (p == SKOS.prefLabel and (name == "recurrence.ttl"
                                                                              or notation == "other")):
                        continue
                    ph = lows(str(lab))
                    out.setdefault(ph[0], []).append((ph, notation, str(lab)))
    for d in (tasks, rec):
        for v in d.values():
            v.sort(key=lambda x: -len(x[0]))  # longest first
    return Cues({k: [(ph, n) for ph, n, _ in v] for k, v in tasks.items()}, rec)


def named_entity(c: Concept, vocab: Any) -> bool:
    """An organ, office, mechanism or agency of the United Nations system, or the adopting body. A collective
    is not named ("the United Nations system", "relevant special procedures"), but a special procedure the
    vocabulary does not know by name is ("the Independent Expert", "the Panel of Experts", "the Mission")."""
    if c.id in GENERIC and (c.id in GENERIC[:2] or _plural_head(c.text)):
        return False
    if _plural_of_singular(c, vocab):
        return False  # "relevant envoys of the Secretary-General" is no one Envoy
    seen, todo = set(), [c.id]
    while todo:
        x = todo.pop()
        info = vocab.concepts.get(x)
        if info is None or x in seen:
            continue
        seen.add(x)
        if UN_SYSTEM in info.broader:
            return True
        todo.extend(info.broader)
    return False


def _head_word(text: str) -> str:
    head = re.split(r"\s+(?:of|on|for|de|des|du|sur|del|sobre)\s+", text.lower())[0].split()
    return head[-1] if head else ""


def _plural_of_singular(c: Concept, vocab: Any) -> bool:
    """Whether a mention names in the plural what the vocabulary names in the singular: "envoys of the
    Secretary-General", "envoyés du Secrétaire général" for the Envoy on Youth, a group of such, not that one."""
    word = _head_word(c.text)
    if len(word) < 4 or not word.endswith("s") or not c.id or not hasattr(vocab, "labels_of"):
        return False
    heads = {_head_word(label) for label, _, _ in vocab.labels_of(c.id)}
    return word[:-1] in heads and word not in heads


def _plural_head(text: str) -> bool:
    """Whether a name's head noun is plural: "special procedures", "peacekeeping operations", not "Panel of
    Experts" or "Special Rapporteur"; an unknown text counts as plural."""
    words = re.split(r"\s+(?:of|on|for|de|des|du|sur|del|sobre)\s+", text)[0].split()
    if not words:
        return True
    # French and Spanish put the noun first and print a collective in lower case ("órganos creados en virtud de
    # tratados", "rapporteurs spéciaux"), where a name is capitalised ("Sanctions Committee")
    first = words[0]
    return words[-1].lower().endswith("s") or (first.islower() and len(first) > 3 and first.endswith(("s", "x")))


def mandates_of(prov: Provision, verb: str, toks: list[Token], lo: int, hi: int, mentions: list[Mention],
                vocab: Any, gram: dict[str, Any], body: str, concept: Callable[[Mention], Concept],
                skip: frozenset[int] = frozenset()) -> list[Mandate]:
    """The mandates a provision gives: a request or invitation to named entities of the UN system, or a
    decision of the adopting body (its addressee) with a task; none for calls on States or others. Its words
    from the verb on are toks[lo:hi]; `skip`: the tokens of an aside that give no task and no complement."""
    decision = prov.modality in DECISION_MODALITIES
    at = prov.text.find(prov.verb_text)
    if gram.get("cited_request") and at >= 0 and _rx(gram["cited_request"]).match(prov.text[at:]):
        return []  # "recalls its request in resolution 2378 (2017) that ...": a citation, no request made again
    if decision:
        entities: list[Concept | None] = list(prov.addressees[:1])
    elif prov.modality in REQUEST_MODALITIES or verb in MANDATING_VERBS or _asks(prov, gram):
        entities = _asked(prov, toks, lo, hi, mentions, vocab, gram, concept)
    else:
        return []
    if not entities:
        return []
    if decision and _approves(toks, lo, hi, gram):
        return []
    ctx = _Provision(prov.text, prov.start, toks, mentions, decision, gram, body, vocab, concept,
                     agreeing=verb in AGREEING_VERBS, skip=skip)
    return ctx.mandates(lo, hi, entities)


def borrow_tasks(provs: list[Provision], earlier: list[Provision], gram: dict[str, Any]) -> None:
    """A request to do the same as asked just before ("invita a la UNESCO a que haga lo propio", "invite ... à faire de
    même", "to do likewise") names no task of its own: it takes the task of the last mandate before it in the
    paragraph, else in the paragraph before, the same way in every language."""
    likewise = [_rx(rf"\b{re.escape(w)}\b") for w in gram.get("likewise", ())]
    for k, prov in enumerate(provs):
        for n, m in enumerate(prov.mandates):
            if m.task != "other" or m.task_text or not any(rx.search(m.text.lower()) for rx in likewise):
                continue
            before = [x for pr in (provs[:k] or earlier) for x in pr.mandates]
            if before:
                b = before[-1]
                prov.mandates[n] = replace(m, task=b.task, task_text=b.task_text, due=b.due,
                                           due_session=b.due_session, due_year=b.due_year,
                                           recurrence=b.recurrence, frequency=b.frequency)


def _approves(toks: list[Token], lo: int, hi: int, gram: dict[str, Any]) -> bool:
    """Whether a decision approves or adopts a text ("Decides to approve the following amendment to the statute:
    ... shall review ... and report ...", "Decides to adopt the Global Framework ..."): the words of the text ask
    nothing of the body, whatever tasks they name."""
    approving = set(gram.get("approving_verbs", ()))
    return any(t.low in approving for t in toks[lo:min(hi, lo + 4)])


def _asks(prov: Provision, gram: dict[str, Any]) -> bool:
    """A verb that requests in this language whatever the verbs vocabulary says it is: French "Demande au
    Secrétariat de ..." renders "Requests the Secretariat to ..." as often as "Calls upon"; and a request made
    again to someone ("Reitera sus solicitudes al Secretario General de que ..."); the named-entity test below
    keeps calls on States out."""
    if prov.verb_text.lower().split(" ")[0] in gram["requesting_verbs"]:
        return True
    again = gram.get("repeated_request")
    at = prov.text.find(prov.verb_text)
    return bool(again and at >= 0 and re.match(again, prov.text[at:], re.I))


def _asked(prov: Provision, toks: list[Token], lo: int, hi: int, mentions: list[Mention], vocab: Any,
           gram: dict[str, Any], concept: Callable[[Mention], Concept]) -> list[Concept | None]:
    """Whom a request or invitation gives a task: its named addressees (not one named inside another's name,
    "observers *of* the General Assembly"); failing addressees, the named entities before its complement; a
    body the vocabulary does not know ("Requests the working group to ...") is an entity without a concept."""
    preps = {lows(w)[0] for w in gram["entity_prepositions"]}
    arts = {lows(w)[0] for w in gram["definite"]}
    asks = {lows(w)[0] for w in gram["asking_words"]} | {lows(w)[0] for w in gram.get("asking_nouns", ())}
    starts = {t.start: i for i, t in enumerate(toks)}

    joins = set(gram["mandate_joins"])

    def inside_another(c: Concept) -> bool:
        i = starts.get(c.start, lo) - 1
        while i > lo and toks[i].low in arts and toks[i].low not in preps:  # "of the", but "du" is both
            i -= 1
        # "Reiterates its request to the Mechanism to ...": the preposition of the asking noun names the addressee,
        # and so does the same preposition repeated after "and" ("its request to the Secretary-General and to the
        # President of the General Assembly")
        return i > lo and toks[i].low in preps and toks[i - 1].low not in asks and \
            not (toks[i - 1].low in joins and any(toks[k].low in asks and toks[k + 1].low == toks[i].low
                                                  for k in range(lo, i - 1)))

    qualifiers = set(gram.get("qualified_plurals", ()))

    def qualifies(c: Concept) -> bool:
        # "all Member States and Secretariat entities": the name qualifies a plural noun after it
        j = next((k for k in range(starts.get(c.start, hi), hi) if toks[k].start >= c.end), hi)
        return j < hi and toks[j].low in qualifiers

    if prov.addressees:
        # "invites continued cooperation among the international financial institutions, ...": what is asked
        # for is a relation among them, no one's task
        among = set(gram.get("relation_prepositions", ()))
        first_named = min((starts.get(a.start, hi) for a in prov.addressees), default=hi)
        if any(toks[k].low in among for k in range(lo, min(first_named, hi))):
            return []
        return [a for a in prov.addressees if named_entity(a, vocab) and not inside_another(a) and not qualifies(a)]
    first = _first_marker(toks, lo, hi, gram)
    found = [c for m in mentions if m.i < first and m.concept.kind == "actor"
             for c in [concept(m)] if not qualifies(c)]
    owner = _deliverable_owner(toks, lo, found, starts, gram)
    if owner is not None and named_entity(owner, vocab):
        return [owner]
    named = [c for c in found if named_entity(c, vocab) and not inside_another(c)]
    if named or found:
        return named
    at = prov.text.find(prov.verb_text)
    after_verb = prov.text[at + len(prov.verb_text):] if at >= 0 else ""
    clitic = gram.get("clitic_addressee")
    if clitic and at >= 0 and re.search(clitic[0], prov.text[:at], re.I) and re.match(clitic[1], after_verb, re.I):
        return [None]
    hit = re.match(gram["unnamed_addressee"], after_verb)
    return [None] if hit and not _collective(hit.group(0), gram) else []


def _collective(words: str, gram: dict[str, Any]) -> bool:
    """Whether an addressee the vocabulary does not know is a group or a system rather than one body: "the five
    regional groups" (of States), "the Bureaux", "les groupes régionaux", "a los grupos regionales", "the
    development system" name no one who could be held to a task; "the working group" or "the co-facilitators"
    do."""
    nouns = set(gram.get("collective_nouns", ()))
    first = re.split(r",|\s(?:to|à|de|d['’]|a|que)\s", words.strip(), maxsplit=1)[0].split()
    if gram.get("plural_determiners"):  # French and Spanish put the noun first, after its article and number
        return any(w.lower() in nouns for w in first[:4])
    head = re.split(r"\s+(?:of|on|for)\s+", " ".join(first))[0].split()
    return bool(head) and head[-1].lower() in nouns


def _deliverable_owner(toks: list[Token], lo: int, found: list[Concept], starts: dict[int, int],
                       gram: dict[str, Any]) -> Concept | None:
    """The entity whose deliverable a request is about: "Requests that reports *of the Secretary-General*
    ... continue to address ..." asks the Secretary-General, not the bodies the reports go to."""
    that = {lows(w)[0] for w in gram["clause_that"]}
    of = lows(gram["entity_prepositions"][0])[0]
    arts = {lows(w)[0] for w in gram["definite"]}
    if not found or lo + 1 >= len(toks) or toks[lo + 1].low not in that:
        return None
    i = starts.get(found[0].start, -1)
    k = i - 1
    while k > lo and toks[k].low in arts:
        k -= 1
    # the clause's subject is "[the] <noun> of [the] <entity>": one or two words before "of", in lower case
    # (a title, "the Special Representative of the Secretary-General", is someone else)
    if k <= lo + 2 or toks[k].low != of or k - (lo + 2) > 2 or \
            not all(t.low.isalpha() and not t.upper for t in toks[lo + 2:k]):
        return None
    return found[0]


def complement_at(toks: list[Token], lo: int, hi: int, gram: dict[str, Any]) -> int:
    """Where the complement of a request in toks[lo:hi] starts (its marker before a verb: "to submit", "de
    présenter", "que presente"); hi when it has none."""
    return _first_marker(toks, lo, hi, gram)


def _first_marker(toks: list[Token], lo: int, hi: int, gram: dict[str, Any], skip: frozenset[int] = frozenset()) -> int:
    markers = {lows(m)[0] for m in gram["mandate_markers"]}
    non_inf = {lows(p)[0] for p in gram["non_infinitive_after_to"]}
    return next((i for i in range(lo, hi) if toks[i].low in markers and i not in skip
                 and _infinitive(toks, i + 1, hi, non_inf, gram)), hi)


class _Provision:
    """One provision's text, tokens and mentions, and what its mandates need from them."""

    def __init__(self, text: str, base: int, toks: list[Token], mentions: list[Mention], decision: bool,
                 gram: dict[str, Any], body: str, vocab: Any, concept: Callable[[Mention], Concept], *,
                 agreeing: bool = False, skip: frozenset[int] = frozenset()):
        self.text, self.base, self.toks, self.mentions = text, base, toks, mentions
        self.agreeing = agreeing  # an agreeing decision: a task only for another entity
        self.decision, self.gram, self.body, self.vocab, self.concept = decision, gram, body, vocab, concept
        self.cues = cues(gram.get("lang", "en"))
        # partner phrases and conditions on another body's act: no task word in them, no entity decided for
        self.aside = _not_cues(toks, gram) | skip
        self.skip = skip
        # a title in quotation marks names a document, item or event, it asks for nothing ("the sub-item entitled
        # "Follow-up to the high-level plenary meeting"", "la question intitulée « ... et appui international »")
        self.named = {k for m in mentions if m.concept.kind == "actor" for k in range(m.i, m.j)} | self.aside | \
            _quotations(toks)

    def mandates(self, lo: int, hi: int, entities: list[Concept | None]) -> list[Mandate]:
        out: list[Mandate] = []
        # a requested "that" clause opens its task at its verb ("Requests that the Department explore ... and
        # report thereon", "reitera la solicitud de que el Departamento estudie ... e informe al respecto")
        segs = _segments(self.toks, lo, hi, self.gram, self.mentions, self.skip,
                         None if self.decision else self._that_verb(lo, hi))
        if self.decision:
            segs = [c for a, b in segs for c in _that_clauses(self.toks, a, b, self.gram)]
            segs = self._merged([c for a, b in segs for c in _infinitive_clauses(self.toks, a, b, self.gram)])
        previous: dict[str, Any] = {}
        # a request's task is in its complement, not in its addressee ("the focal point for electoral
        # assistance"); a decision's may be in its verb phrase ("Decides to remain seized")
        first = lo if self.decision else min(_first_marker(self.toks, lo, hi, self.gram, self.skip),
                                             self._that_verb(lo, hi))
        for k, (a, b) in enumerate(segs):
            s_start = self.base if k == 0 else self.toks[a].start
            s_end = self.toks[b - 1].end if k + 1 < len(segs) else self.base + len(self.text)
            seg = self.text[s_start - self.base:s_end - self.base]
            begin = (first if k == 0 or self.decision else
                     a + 1 if _bare_verb(self.toks, a, self.gram) or _gerund(self.toks[a + 1].low, self.gram) else
                     _item_verb(self.toks, a, b, self.gram) or _first_marker(self.toks, a, b, self.gram))
            begin = max(a, begin) if begin < b else a
            task, at = _task(self.toks, begin, b, self.cues, self.named, self.gram)
            if not self.decision and (task == "agenda_item" or _relays(self.toks, begin, b, self.gram)):
                # "Requests the Special Committee to continue to examine the question"; "Requests the
                # Secretary-General to invite Member States to present proposals": the proposals are theirs
                task = "other"

            who = self._decided_for(a, b, at, task, entities) if self.decision else \
                (self._own_entities(a, begin) if k else None) or entities
            if who is None or (self.decision and (((task == "other" or self.agreeing) and not self._another(who))
                                                  or _negated(self.toks, a, b, self.gram)
                                                  or _modalities(self.toks, a, b, self.gram))):
                continue
            obj, recipients = self._object(begin, b, at, task)
            parts = _deliverables(self.toks, at, b, self.gram) if task in DELIVERABLES and at is not None else \
                _paired_services(self.toks, at, b, self.gram) if task == "assistance" and at is not None else []
            for n, (x, y) in enumerate(zip([a, *parts], [*parts, b], strict=True)):
                p_start = s_start if n == 0 else self.toks[x].start
                p_end = s_end if n == len(parts) else self.toks[y - 1 - (self.toks[y - 1].low == ",")].end
                p_task, p_obj = task, obj
                if n:  # "..., a final report ... and periodic updates": the same kind unless it names another
                    found, f_at = _task(self.toks, x, y, self.cues, self.named, self.gram)
                    p_task = found if found in DELIVERABLES else task
                    p_obj = self._object(x, y, f_at if found in DELIVERABLES else x, p_task)[0]
                seg = self.text[p_start - self.base:p_end - self.base]
                fields = _fields(seg, self.text, self.gram, self.body, p_task,
                                 lambda at=p_start: _words_before(self.toks, at))
                if task == "agenda_item" and fields["due_session"] is None and previous.get("due_session"):
                    fields.update(due_session=previous["due_session"], due_year=previous["due_year"])
                previous = fields
                for e in who:
                    out.append(Mandate(entity=e, task=p_task, task_text=p_obj, recipients=list(recipients),
                                       text=seg, start=p_start, end=p_end, **fields))
        return out

    def _merged(self, segs: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """A decision's coordinated words without a task of their own and without an entity, joined to the task
        before them: "Décide d'examiner la question de l'utilisation de mercenaires comme moyen de violer les
        droits humains *et d'empêcher* l'exercice du droit des peuples ... à sa soixante-dix-neuvième session"
        (the title goes on, and its session is the decision's)."""
        out: list[tuple[int, int]] = []
        for a, b in segs:
            if out and _task(self.toks, a, b, self.cues, self.named, self.gram)[0] == "other" and \
                    not any(a <= m.i < b and m.concept.kind == "actor" for m in self.mentions):
                out[-1] = (out[-1][0], b)
            else:
                out.append((a, b))
        return out

    def _that_verb(self, lo: int, hi: int) -> int:
        """Where the verb of a requested "that" clause stands, after its subject: "Requests that the President of
        the General Assembly, consistent with the rules ..., appoint two co-facilitators ... to facilitate ..." (the
        first infinitive is another's), "Reafirma su solicitud de que la Organización ... inicie arreglos" (a later
        "que" is a relative: "los buques que enarbolan"); hi when the request has no such clause."""
        toks, that = self.toks, {lows(w)[0] for w in self.gram["clause_that"]}
        k = next((k for k in range(lo, min(hi, lo + 6)) if toks[k].low in that), None)
        if k is None:
            return hi
        starts = {m.i: m.j for m in self.mentions if m.concept.kind == "actor"}
        glue = {w for p in (*self.gram.get("definite", ()), *self.gram["mandate_joins"]) for w in lows(p)}
        j, named = k + 1, False
        while j < hi and (toks[j].low in glue or j in starts):
            named, j = (True, starts[j]) if j in starts else (named, j + 1)
        j = _past_aside(toks, j, hi)
        return j if named and j < hi and toks[j].low.isalpha() and not toks[j].upper else hi

    def _another(self, who: list[Concept | None]) -> bool:
        """Whether a decision gives its task to a named entity other than the adopting body ("decides that UNSOM
        should continue to implement that mandate", "decides to invite the Committee to attend"): a task even
        without a cue, as a request would be."""
        own = "/" + self.body.lower().replace(" ", "-")
        return bool(who) and all(e is not None and not e.id.endswith(own) and named_entity(e, self.vocab) for e in who)

    def _own_entities(self, a: int, begin: int) -> list[Concept | None]:
        """The named entities a later segment asks itself ("...; (b) The High Commissioner to assist")."""
        return [c for m in self.mentions if a <= m.i < begin and m.concept.kind == "actor"
                for c in [self.concept(m)] if named_entity(c, self.vocab)]

    def _object(self, a: int, b: int, at: int | None, task: str) -> tuple[str, list[Concept]]:
        if at is None:
            return "", []
        noun = _object_noun(self.toks, a, b, at, task, self.gram)
        obj = _object_text(self.text, self.toks[noun if noun is not None else at].start - self.base)
        return obj, _recipients(self.toks, a, b, self.mentions, self.gram, self.concept)

    def _decided_for(self, a: int, b: int, at: int | None, task: str,
                     body: list[Concept | None]) -> list[Concept | None] | None:
        """Who carries out what the body decides: the holder of a mandate it extends, an entity it decides
        to request or invite, or that shall act ("Decides that the Committee shall ..."); else the body
        itself. None when the decision binds others, such as States ("Decides that all Member States shall")."""
        toks, cut = self.toks, at if at is not None else b
        asks = {lows(w)[0] for w in self.gram["asking_words"]}
        that = {lows(w)[0] for w in self.gram["clause_that"]}
        own = body[0].id if body and body[0] is not None else None
        subject = _clause_subject(toks, a, b, self.gram)
        for m in self.mentions:
            if not a <= m.i < b or m.concept.kind != "actor" or m.concept.id == own or m.i in self.aside:
                continue
            c = self.concept(m)
            # "Décide, pour que tous les États Membres participent ..., de poursuivre": a purpose, not the decision
            purpose = set(self.gram.get("purpose_that", ()))
            before = {toks[k].low for k in range(max(a, m.i - 4), m.i) if not (toks[k].low in that and k > a
                                                                              and (toks[k - 1].low in purpose
                                                                                   or self._relative(a, k)))}
            before |= that if m.i == subject else set()
            if toks[max(a, m.i - 4)].low in self.gram.get("as_well_as", ()):
                before -= that  # "de continuer à lui présenter, ainsi qu'au Conseil, des rapports": no clause
            if not named_entity(c, self.vocab):
                if m.i < cut and before & that:
                    return None
                continue
            if task == "extend_mandate" and at is not None and m.i > at:
                return [c] if any(t.low in MANDATE_WORDS for t in toks[max(at, m.i - 3):m.i]) else [None]
            if before & asks or (m.i < cut and before & that):
                return [c]
        return [None] if task == "extend_mandate" or self._asks_unnamed(a, b, asks) else body

    def _relative(self, a: int, k: int) -> bool:
        """Whether the "that" at token k opens a relative clause after a noun ("sans préjudice des positions
        respectives *que* chaque État adoptera"), not the decision's clause ("Décide *que*", "Décide également
        *que*", ", et *que*")."""
        joins = {w for p in self.gram["mandate_joins"] for w in lows(p)}
        return k > a + 3 and self.toks[k - 1].low.isalpha() and self.toks[k - 1].low not in joins

    def _asks_unnamed(self, a: int, b: int, asks: set[str]) -> bool:
        """Whether a decision asks someone the vocabulary does not know ("Decides: ... (c) To request the Special
        Representative ... for Children and Armed Conflict to continue to submit reports ..."): theirs is the task,
        not the body's; not when an actor it knows, named or not, is asked ("to invite Member States")."""
        # the article may follow the preposition that marks whom one asks ("solicitar a la Representante Especial")
        arts = {lows(w)[0] for w in self.gram.get("articles", ())} | {lows(w)[0] for w in self.gram["definite"]} | \
            {"'", "a", "à"}
        k = next((i for i in range(a, min(b, a + 9)) if self.toks[i].low in asks), None)
        if k is None or k + 2 >= b or self.toks[k + 1].low not in arts:
            return False
        j = k + 1
        while j < b and self.toks[j].low in arts:
            j += 1
        return not any(m.i == j and m.concept.kind == "actor" for m in self.mentions)


def _not_cues(toks: list[Token], gram: dict[str, Any]) -> set[int]:
    """Token indices whose task words give no task: a partner phrase ("in consultation with", "en consultation
    avec"), a verb of heeding ("tenir compte de ... dans son rapport": the report is the deliverable, as in
    "consider ... in his report"; its "tenir" holds no meeting) and a condition up to its comma ("subject to a
    decision of the Security Council to extend the mandate", "sous réserve que le Conseil de sécurité décide de
    proroger le mandat")."""
    out: set[int] = set()
    lows_ = [t.low for t in toks]
    at: dict[str, list[int]] = {}  # where each word stands: a phrase is looked for only where its first word is
    for i, w in enumerate(lows_):
        at.setdefault(w, []).append(i)
    for key, to_comma in (("partner_phrases", False), ("heeding_phrases", False), ("mandate_conditions", True)):
        for ph in (lows(p) for p in gram.get(key, ())):
            n = len(ph)
            for i in (at.get(ph[0], ()) if n else range(len(toks) + 1)):
                if i > len(toks) - n or tuple(lows_[i:i + n]) != ph:
                    continue
                j = i + n
                while to_comma and j < len(toks) and lows_[j] not in (",", ";"):
                    j += 1
                out.update(range(i, j))
    return out


def _segments(toks: list[Token], lo: int, hi: int, gram: dict[str, Any], mentions: list[Mention],
              skip: frozenset[int] = frozenset(), that_verb: int | None = None) -> list[tuple[int, int]]:
    """Token ranges of the coordinated tasks: "to submit ... and to convene ..." is two; "to prepare a report
    ... and to present the report ..." is one (the second names the first's deliverable again); a bare "and"
    between two nouns, ", to" before a purpose ("a meeting, to mark ...") and "and to <a group>" are not."""
    joins = {k for p in gram["mandate_joins"] for k in lows(p)}
    markers = {lows(m)[0] for m in gram["mandate_markers"]}
    non_inf = {lows(p)[0] for p in gram["non_infinitive_after_to"]} | {lows(p)[0] for p in gram["not_tasks"]}
    starts = {m.i for m in mentions}
    spans = {m.i: m.j for m in mentions if m.concept.kind == "actor"}
    purposes = set(gram.get("purpose_verbs", ()))
    leads = set(gram.get("marker_leads", ()))
    cuts, depth = [lo], 0
    opened = False  # the addressee phrase ("the Secretary-General, in consultation with X,") is no task
    purpose = False  # an infinitive of purpose followed a comma: "a meeting, to mark ..., and to galvanize ..."
    verb_at = lo  # the verb of the task being read
    aim = False  # a purpose opened ("en vue de garantir ..."): an "et de" after it with no comma goes on with it
    for i in range(lo, hi - 1):
        low = toks[i].low
        if i == that_verb:
            opened, verb_at = True, i
        item = _item(toks, i, hi, spans, markers, non_inf, gram)
        bare = not item and (_bare_verb(toks, i, gram) or _listed_verb(toks, verb_at, i, gram)) and \
            not _same_object(toks, i, hi, gram) and not _relative_pair(toks, i, gram)
        if opened and (item or bare or _continued_gerund(toks, cuts[-1], i, hi, gram)) and i - cuts[-1] > 2 and \
                not (bare and (_no_object(toks, verb_at, i, hi, gram) or _created_purpose(toks, cuts[-1], i, hi, gram))):
            cuts.append(i)  # "Requests the Secretary-General: (a) To submit ...; (b) To convene ..."
            verb_at = i + 1
            purpose = aim = False
            continue
        opened = opened or item  # "Decide: a) Seguir examinando ...; b) Solicitar ...": no marker before the list
        # never below zero: French and Spanish sub-paragraph labels close a parenthesis they never opened ("a)")
        depth = max(0, depth + (low == "(") - (low == ")"))
        if depth or low not in markers or i in skip:
            continue
        verb = i + 2 if toks[i + 1].low == "'" else i + 1
        if not _infinitive(toks, i + 1, hi, non_inf, gram) or verb in starts or \
                (toks[verb].low.endswith("ing") and len(toks[verb].low) > 5):
            continue
        join = _join_before(toks, i, verb_at, cuts[-1], hi, gram, joins, markers | leads)
        if opened and join is not None and join - cuts[-1] > 1 and not purpose and \
                not (aim and toks[join - 1].low != "," and not _reported_next(toks, verb, hi, gram)) and \
                not _shared_object(toks, verb_at, join) and not _no_object(toks, verb_at, join, hi, gram) and \
                not _same_deliverable(toks, cuts[-1], i, hi, gram) and not _created_purpose(toks, cuts[-1], join, hi, gram):
            cuts.append(join)
            verb_at = verb
            aim = False
        elif not opened:
            verb_at = verb
        elif toks[i - 1].low == "," and toks[verb].low in purposes:
            purpose = True
        elif _opens_purpose(toks, i, gram) or _noun_infinitive(toks, i, spans, gram):
            aim = True
        opened = True
    return [(a, b) for a, b in zip(cuts, cuts[1:] + [hi], strict=True) if b > a]


def _join_before(toks: list[Token], i: int, verb_at: int, cut: int, hi: int, gram: dict[str, Any], joins: set[str],
                 leads: set[str]) -> int | None:
    """The token that joins the task whose marker stands at token i to the one before, None when none does:
    "and to", "y que"; Spanish "y a que", "y de que" put a word before the marker after the join."""
    if toks[i - 1].low in joins:
        return i - 1
    if toks[i - 1].low in leads and toks[i - 2].low in joins:
        return i - 2
    phrase = _phrase_join(toks, verb_at, i, hi, gram)
    if phrase is not None:
        return phrase
    if _listed_clause(toks, i, hi, gram) or _listed_marker(toks, verb_at, i, gram):
        return i - 1
    return _parenthesis_join(toks, cut, i, joins)


def _noun_infinitive(toks: list[Token], i: int, spans: dict[int, int], gram: dict[str, Any]) -> bool:
    """Whether the marker at token i heads an infinitive that depends on a plural noun before it, not on the task's
    verb: "its findings on the use of mercenaries *to undermine* ... and to impede ...", "activities undertaken
    by ... stakeholders *to enhance* ... and to ensure ..." (a purpose of theirs, as French and Spanish print it);
    not after a name ("Member States to", "United Nations entities to"), whose infinitive is what they are asked."""
    ending = gram.get("plural_noun_ending")
    if not ending or i < 1:
        return False
    word = toks[i - 1].low
    if i + 2 < len(toks) and toks[i + 2].low == "-":
        return False  # "the right of peoples to self-determination": a compound noun, no infinitive
    named = any(a <= i - 1 < b and any(t.upper for t in toks[a:b]) for a, b in spans.items())
    return len(word) > 4 and word.isalpha() and word.endswith(ending) and not toks[i - 1].upper and not named


def _reported_next(toks: list[Token], verb: int, hi: int, gram: dict[str, Any]) -> bool:
    """Whether the task whose verb stands at token `verb` is a report or an update, its cue within eight words
    ("et de lui faire rapport", "et de continuer de faire rapport", "and to keep the Council fully informed")."""
    at = _past_pronouns(toks, verb, hi, gram)
    return _task(toks, at, min(hi, at + 8), cues(gram.get("lang", "en")), frozenset(), gram)[0] in DELIVERABLES


def _opens_purpose(toks: list[Token], i: int, gram: dict[str, Any]) -> bool:
    """Whether the marker at token i ends a purpose opener of the grammar ("en vue de", "visant à", "con miras a")."""
    for ph in (lows(p) for p in gram.get("purpose_openers", ())):
        n = len(ph)
        if i - n + 1 >= 0 and tuple(t.low for t in toks[i - n + 1:i + 1]) == ph:
            return True
    return False


def _created_purpose(toks: list[Token], verb: int, join: int, hi: int, gram: dict[str, Any]) -> bool:
    """Whether the task before a join creates a meeting or a body and says what for, so that the infinitives after
    the join are the purposes of what it creates: "to convene a conference to assess ... and to support reform",
    "d'établir une commission chargée de préparer ... et de préparer ...", "convocar un grupo de trabajo para que
    perfeccione el concepto y formule recomendaciones"; not a report or an agenda item after the join, which the
    asked entity gives ("to convene a meeting to review ... and to report thereon")."""
    phrases = [lows(p) for p in gram.get("created_purposes", ())]
    if not phrases or join - verb < 4:
        return False
    # a partner ("en estrecha consulta con") holds no meeting
    task, at = _task(toks, verb, join, cues(gram.get("lang", "en")), _not_cues(toks, gram), gram)
    if task not in ("meeting", "establish") or at is None:
        return False
    nxt = join + 1
    while nxt < hi and (toks[nxt].low in {lows(m)[0] for m in gram["mandate_markers"]} | {"'", "’", ","}):
        nxt += 1
    nxt = _past_pronouns(toks, nxt, hi, gram)
    if nxt >= hi or toks[nxt].low in gram.get("agenda_inclusion", ((),))[0] or \
            _task(toks, nxt, min(hi, nxt + 4), cues(gram.get("lang", "en")), frozenset(), gram)[0] in DELIVERABLES:
        return False  # "and to report thereon", "y prepare un resumen del debate"
    non_inf = {lows(p)[0] for p in gram["non_infinitive_after_to"]} | {lows(p)[0] for p in gram["not_tasks"]}
    found = []
    for k in range(at + 2, join):
        for ph in phrases:
            n = len(ph)
            if tuple(t.low for t in toks[k:k + n]) != ph:
                continue
            after = k + n + (k + n < join and toks[k + n].low in ("'", "’"))
            # "to, inter alia, assess": the purpose past an aside; not "pursuant to the", nor "with a view to ensuring"
            if after < join and (toks[after].low == "," or (_infinitive(toks, after, join, non_inf, gram)
                                                           and not toks[after].low.endswith("ing"))):
                found.append(k)
                break
    # two after commas are a list of tasks ("to convene the meetings, to provide it with the facilities ..., to also
    # convene informal meetings, and to arrange ..."), not a purpose
    return bool(found) and sum(toks[k - 1].low == "," for k in found) < 2


def _phrase_join(toks: list[Token], verb: int, i: int, hi: int, gram: dict[str, Any]) -> int | None:
    """The index of a join of more than one word before the marker at token i: "ainsi qu'à renforcer", "así como a
    que refuerce" (English "and to strengthen"), "as well as to make"; a word of the grammar may stand between
    ("así como de que"); not when it reports again as the task's verb at token `verb` did (one report)."""
    if _reported_again(toks, verb, _past_pronouns(toks, i + 1 + (i + 1 < hi and toks[i + 1].low in ("'", "’")), hi, gram),
                       hi, gram):
        return None
    skip = {"'", "’"} | set(gram.get("marker_leads", ())) | {lows(m)[0] for m in gram["mandate_markers"]}
    k = i - 1
    while k > 0 and toks[k].low in skip:
        k -= 1
    for ph in (lows(p) for p in gram.get("phrase_joins", ())):
        n = len(ph)
        if k - n + 1 > 0 and tuple(t.low for t in toks[k - n + 1:k + 1]) == ph:
            return k - n + 1
    return None


def _reported_again(toks: list[Token], verb: int, second: int, hi: int, gram: dict[str, Any]) -> bool:
    """Whether the verb at token `second` reports again as the task's verb did: "to continue to report her findings
    ..., as well as to report on the follow-up" is one report on both, as "de continuer à rendre compte de ses
    conclusions ..., ainsi que de la suite donnée"."""
    return _reports_at(toks, second, hi, gram) and any(toks[k].low == toks[second].low for k in range(verb, min(hi, verb + 3)))


def _same_object(toks: list[Token], i: int, hi: int, gram: dict[str, Any]) -> bool:
    """Whether the verb after the join at token i acts on the first task's object, named again by a clitic before
    it: "presten la atención debida a la presente resolución y *la* consideren", "digitalice ... el patrimonio ... y
    *lo* ponga a disposición" (English "and make it available"); not a report to someone ("y la informe")."""
    verb = _past_pronouns(toks, i + 1, hi, gram)
    before = {t.low for t in toks[i + 1:verb]}
    return bool(before & set(gram.get("deliverable_clitics", ()))) or \
        (bool(before & set(gram.get("object_clitics", ()))) and not _reports_at(toks, verb, hi, gram))


def _parenthesis_join(toks: list[Token], lo: int, i: int, joins: set[str]) -> int | None:
    """The join before an infinitive that a parenthesis separates from it: "a support package, and, in
    consultation with the African Union, to update the plan" (the index of "and")."""
    if toks[i - 1].low != ",":
        return None
    for k in range(i - 2, max(lo, i - 25), -1):
        if toks[k].low in (";", ":"):
            return None
        if toks[k].low == "," and toks[k - 1].low in joins:
            return k - 1
    return None


def _shared_object(toks: list[Token], verb: int, join: int) -> bool:
    """Whether two infinitives share the object after the second: "to organize, no later than August 2021,
    and to preside over two meetings" (nothing but a parenthesis between the first verb and the join)."""
    commas = [k for k in range(verb + 1, join) if toks[k].low == ","]
    return commas[:1] == [verb + 1] and commas[-1] == join - 1 and len(commas) == 2


def _no_object(toks: list[Token], verb: int, join: int, hi: int, gram: dict[str, Any]) -> bool:
    """Whether the task before a join is a verb without an object, which shares the object after the second
    verb: "to prepare and to distribute a summary", "d'organiser et de présider ... deux réunions", "de continuer
    à recueillir et à analyser les données", "que evalúe y estudie los riesgos" (one task, as "to organize and
    preside"); not when either verb reports ("to report and to make recommendations", "d'envisager et de rendre
    compte des moyens"): a report is a task of its own."""
    k = verb  # past an adverbial: "que, siguiendo la práctica establecida, prepare y distribuya ..."
    if toks[k].low == ",":
        k = next((x + 1 for x in range(k + 1, join) if toks[x].low == ","), k)
    words = [t.low for t in toks[k:join] if t.low not in ("'", "’")]
    if not words:
        return True  # the comma that closes that aside: no task before it to end
    if words[-1] in gram.get("attention_nouns", ()) and len(words) <= 4:
        return True  # "to pay due attention and to give urgent consideration to the present resolution"
    markers = {lows(m)[0] for m in gram["mandate_markers"]}
    # one verb, or a verb that continues another ("continue to ensure", "continuer à recueillir")
    if not (len(words) == 1 or (len(words) == 3 and words[1] in markers)) or not all(w.isalpha() for w in words):
        return False
    ending = gram.get("infinitive") if toks[verb - 1].low not in gram["clause_that"] else None
    if ending and not all(_rx(ending).search(w) for w in words[::2]):
        return False
    nxt = join + 1
    while nxt < hi and (toks[nxt].low in markers or toks[nxt].low in ("'", "’")):
        nxt += 1
    return not _reports_at(toks, k, hi, gram) and not _reports_at(toks, _past_pronouns(toks, nxt, hi, gram), hi, gram)


def _reports_at(toks: list[Token], i: int, hi: int, gram: dict[str, Any]) -> bool:
    """Whether a cue of a report or an update starts at token i ("report", "rendre compte", "informe")."""
    for ph, name in cues(gram.get("lang", "en")).tasks.get(toks[i].low, ()) if i < hi else ():
        if name in ("report", "oral_update") and tuple(t.low for t in toks[i:i + len(ph)]) == ph:
            return True
    return False


def _continued_gerund(toks: list[Token], lo: int, i: int, hi: int, gram: dict[str, Any]) -> bool:
    """A second task as a gerund after "y" where the first is a gerund that continues: Spanish "que sigan
    promoviendo una mayor conciencia del Decenio y difundiendo información al respecto" (English "to continue
    raising awareness ... and to disseminate information"); not two gerunds on one object ("continúe produciendo
    y difundiendo los programas")."""
    verbs = set(gram.get("continuing_verbs", ()))
    if not verbs or toks[i].low not in gram["mandate_joins"] or i + 1 >= hi or not _gerund(toks[i + 1].low, gram):
        return False
    if toks[i + 1].low in gram.get("aside_openers", ()):
        return False  # "y teniendo en cuenta la evolución de la situación": an aside, no task
    for k in range(lo + 1, i - 3):
        if _gerund(toks[k].low, gram) and (toks[k - 1].low in verbs or
                                           (toks[k - 1].low == "," and any(t.low in verbs for t in toks[max(lo, k - 8):k]))):
            return True
    return False


def _gerund(word: str, gram: dict[str, Any]) -> bool:
    return (len(word) > 6 and word.endswith(tuple(gram["gerund_suffixes"]))) or word in gram.get("short_gerunds", ())


def _bare_verb(toks: list[Token], i: int, gram: dict[str, Any]) -> bool:
    """A second task whose verb follows the conjunction without its marker: Spanish "que vigile ... y estudie
    ...", "... y la informe al respecto", where English repeats "and to"; English "... and report on its status"
    (a verb of the grammar before the words it takes: "report" is also a noun)."""
    verbs = gram.get("coordinated_verbs") or ()
    bare = gram.get("bare_verbs", {})
    if not (verbs or bare) or toks[i].low not in gram["mandate_joins"]:
        return False
    k = i + 1
    if k < len(toks) and toks[k].low == ",":  # "y, en estrecha colaboración con ..., refuerce"
        k = next((j + 1 for j in range(k + 1, min(len(toks), k + 25)) if toks[j].low == ","), len(toks))
    k = _past_pronouns(toks, k, len(toks), gram)
    if k + 1 < len(toks) and toks[k + 1].low in bare.get(toks[k].low, ()):
        return True
    return k < len(toks) and toks[k].low in verbs


def _relative_pair(toks: list[Token], i: int, gram: dict[str, Any]) -> bool:
    """Whether the join at token i pairs two verbs of a relative clause after a noun: "vele por que la información
    *que reúna y transmita* el mecanismo sea precisa" (English "the information collected and communicated by the
    mechanism"), no second task."""
    arts = {lows(w)[0] for w in gram.get("articles", ())}
    return i >= 4 and toks[i - 2].low in gram["clause_that"] and toks[i - 3].low.isalpha() and \
        not toks[i - 3].upper and toks[i - 4].low in arts


def _listed_marker(toks: list[Token], verb: int, i: int, gram: dict[str, Any]) -> bool:
    """A task in a list of infinitives after a comma, with the marker of the task before it: French "de présenter
    un rapport ..., *de solliciter* les vues des États Membres ... et de lui faire rapport" (English repeats "and
    to"); not a noun the marker heads (", de manière à")."""
    same = gram.get("listed_markers", {})
    if toks[i - 1].low != "," or toks[i].low not in same or verb < 2:
        return False
    before = toks[verb - 2] if toks[verb - 1].low in ("'", "’") else toks[verb - 1]
    nxt = i + 2 if toks[i + 1].low in ("'", "’") else i + 1
    return same.get(before.low) == same[toks[i].low] and toks[nxt].low not in gram.get("listed_nouns", ())


def _listed_verb(toks: list[Token], verb: int, i: int, gram: dict[str, Any]) -> bool:
    """A task in a list of verbs after a comma, without a marker: Spanish "a que sigan promoviendo ..., garanticen
    ..., apoyen ... y eviten ..." (English "to continue to promote ..., to ensure ..."); not the verb after an
    adverbial between the marker and the first verb ("que, en consulta con la OMS, ..., presente un informe")."""
    verbs = gram.get("coordinated_verbs")
    if not verbs or toks[i].low != "," or i + 1 >= len(toks) or toks[i + 1].low not in verbs:
        return False
    # a verb, not a noun of the same form after its determiner ("que, en su próximo informe, proporcione")
    opening = {",", *gram["mandate_joins"], *gram["clause_that"]}
    return toks[verb].low.isalpha() or any(t.low in verbs and toks[k - 1].low in opening
                                           for k, t in enumerate(toks[verb:i], verb))


def _listed_clause(toks: list[Token], i: int, hi: int, gram: dict[str, Any]) -> bool:
    """A task in a list of clauses after a comma: "que ejecute los mandatos ..., *que refuerce* el programa ... y que
    presente ..." (a subjunctive of the grammar: not a relative clause, "el Marco, que figura en ...")."""
    verbs = gram.get("coordinated_verbs")
    if not verbs or toks[i - 1].low != "," or toks[i].low not in gram["clause_that"]:
        return False
    k = _past_pronouns(toks, i + 1, hi, gram)
    return k < hi and toks[k].low in verbs


def _past_pronouns(toks: list[Token], i: int, hi: int, gram: dict[str, Any]) -> int:
    """The index of the verb after the object pronouns that may precede it ("de lui présenter", "que le
    presente", "à s'abstenir"); a clitic that is also an article counts only before a verb of the grammar
    ("que la informe", "de la tenir informée", not "que la Secretaría", "de la mer")."""
    clitics = {lows(c)[0] for c in gram.get("clitics", ())}
    verbs = set(gram.get("coordinated_verbs", ())) | set(gram.get("clitic_verbs", ()))
    pronouns = set(gram["marker_pronouns"])
    while i < hi:
        if toks[i].low in pronouns or (toks[i].low == "'" and toks[i - 1].low in pronouns | clitics):
            i += 1
            continue
        verb = i + 1 + (i + 1 < hi and toks[i + 1].low == "'")  # "l'informer"
        if toks[i].low in clitics and verb < hi and toks[verb].low in verbs and \
                (verb + 1 >= hi or toks[verb + 1].low not in _NOT_AFTER_CUE):  # "que la presente resolución"
            i += 1
            continue
        return i
    return i


def _item_verb(toks: list[Token], a: int, b: int, gram: dict[str, Any]) -> int | None:
    """The index of the verb that opens a sub-paragraph ("i) Apoye el memorando suscrito con el ACNUR"): the
    entities after it are what the task is about, not who is asked."""
    k = a + 3 if toks[a].low == "(" else a + 2 if a + 1 < b and toks[a + 1].low == ")" else b
    endings = tuple(gram["item_verb_endings"])
    return k if k < b and endings and toks[k].low.isalpha() and toks[k].low.endswith(endings) else None


def _item(toks: list[Token], i: int, hi: int, spans: dict[int, int], markers: set[str], non_inf: set[str],
          gram: dict[str, Any]) -> bool:
    """A sub-paragraph that gives a task of its own: "(b) To convene ...", "(b) The High Commissioner to
    assist" (not "(ii) production of clear projections", which spells out the task before it)."""
    if toks[i].low == "(" and i + 3 < hi and toks[i + 2].low == ")":
        label, k = toks[i + 1].low, i + 3
    elif i + 2 < hi and toks[i + 1].low == ")" and toks[i - 1].low != "(":
        label, k = toks[i].low, i + 2  # French and Spanish print "a)"
    else:
        return False
    if not (label.isalpha() and len(label) <= 4 and toks[i - 1].low in (":", ";", ",", "and")):
        return False
    endings = tuple(gram["item_verb_endings"])
    if endings and toks[k].low.endswith(endings) and toks[k].low not in non_inf:
        return True  # "b) Poursuivre l'examen ...", "b) Siga examinando ..."
    if toks[k].low not in markers and k + 1 < hi and spans.get(k + 1):
        k = spans[k + 1]  # "The High Commissioner"
    return k < hi and toks[k].low in markers and _infinitive(toks, k + 1, hi, non_inf, gram)


def _deliverables(toks: list[Token], at: int, hi: int, gram: dict[str, Any]) -> list[int]:
    """Where coordinated deliverables of a report task start after its cue at token `at`: "an interim report
    at its fifty-seventh session *and a full report* at its fifty-eighth session", "an interim report by March,
    *a final report* by September*, and periodic updates* in between" (each is due on its own)."""
    nouns = set(gram.get("deliverable_nouns", ()))
    arts = {lows(w)[0] for w in gram.get("deliverable_articles", gram.get("articles", ()))} - \
        {lows(w)[0] for w in gram["definite"]}  # "a final report", not "the report" (nor "les rapports", "des rapports")
    if not nouns or toks[at].low not in nouns and not any(t.low in nouns for t in toks[at:min(hi, at + 6)]):
        return []
    if _quoted(toks, at):
        return []  # the cue is in a quoted title ("au titre de la question intitulée « Rapport du ... »")
    joins = set(gram["mandate_joins"])
    namely = [lows(p) for p in gram.get("namely", ())]
    out, depth = [], 0
    for k in range(at + 1, hi - 2):
        depth = max(0, depth + (toks[k].low == "(") - (toks[k].low == ")"))  # "b)" opened none
        if toks[k].low in (":", ";"):
            break  # a list of what the report includes follows
        if depth or (toks[k].low != "," and toks[k].low not in joins) or (toks[k].low == "," and toks[k + 1].low in joins):
            continue
        if toks[k].low == "," and (toks[k + 1].low not in arts or
                                   any(tuple(t.low for t in toks[k - len(p):k]) == p for p in namely)):
            continue  # ", in reports every 90 days", ", any annual updates provided by ...", "a saber, un informe"
        j = k + 1 + (toks[k + 1].low in arts)
        words = [t.low for t in toks[j:min(hi, j + 3)]]
        head = next((w for w in words if w in nouns), None)
        if head is None or any(not w.isalpha() for w in words[:words.index(head)]):
            continue
        # "a final report", ", and periodic updates" (not "the mid-term and final reports are due")
        if toks[k + 1].low in arts or (head.endswith("s") and toks[k - 1].low == ","):
            out.append(k if toks[k].low in joins else k + 1)
    return out


def _paired_services(toks: list[Token], at: int, hi: int, gram: dict[str, Any]) -> list[int]:
    """Where the services coordinated with the assistance a task gives start: "de fournir l'assistance nécessaire
    *et les services* requis", "que preste la asistencia *y los servicios*" are two tasks, as "to render the
    necessary assistance and to provide such services" is."""
    pair = gram.get("assistance_and_services")
    if not pair:
        return []
    k = next((k for k in range(at, min(hi, at + 4)) if toks[k].low == pair[0]), None)
    for j in range(k + 1, min(hi - 1, k + 4)) if k is not None else ():
        if toks[j].low in gram["mandate_joins"]:
            return [j] if any(toks[x].low == pair[1] for x in range(j + 1, min(hi, j + 4))) else []
        if not toks[j].low.isalpha():
            return []
    return []


def _quoted(toks: list[Token], at: int) -> bool:
    """Whether token `at` stands inside quotation marks opened before it in its provision's paragraph."""
    depth = 0
    for t in toks[:at]:
        if t.low in ("«", "“"):
            depth += 1
        elif t.low in ("»", "”"):
            depth = max(0, depth - 1)
        elif t.low == '"':
            depth = 0 if depth else 1
    return depth > 0


def _quotations(toks: list[Token]) -> set[int]:
    """Token indices inside quotation marks, the marks included; a mark never closed quotes nothing (a title
    closed by two apostrophes: ""World Social Summit'' will be held")."""
    out: set[int] = set()
    opened: list[int] = []
    for i, t in enumerate(toks):
        # a straight mark closes when it is printed against the word before it ("... Development"), else opens
        closing = t.low in ("»", "”") or (t.low == '"' and i > 0 and toks[i - 1].end == t.start)
        if t.low in ("«", "“") or (t.low == '"' and not closing):
            opened.append(i)
        elif opened and closing:
            start = opened.pop()
            if not opened:
                out.update(range(start, i + 1))
    return out


def _that_clauses(toks: list[Token], a: int, b: int, gram: dict[str, Any]) -> list[tuple[int, int]]:
    """A decision's coordinated clauses, each with its own subject: "decides that the working group will meet
    ..., and that the organizational session should be held ..." (not "and that will be webcast")."""
    joins = {k for p in gram["mandate_joins"] for k in lows(p)}
    that = {lows(w)[0] for w in gram["clause_that"]}
    arts = {lows(w)[0] for w in gram.get("articles", ())}
    cuts = [a] + [k for k in range(a + 6, b - 2)
                  if toks[k].low in joins and toks[k + 1].low in that and
                  (j := _past_aside(toks, k + 2, b)) < b and toks[j].low in arts]
    return list(zip(cuts, cuts[1:] + [b], strict=True))


def _past_aside(toks: list[Token], i: int, b: int) -> int:
    """The index after an aside between commas that starts at token i ("and that, for this purpose, the
    Department ..."), else i."""
    if i >= b or toks[i].low != ",":
        return i
    return next((k + 1 for k in range(i + 1, min(b, i + 15)) if toks[k].low == ","), b)


def _clause_subject(toks: list[Token], a: int, b: int, gram: dict[str, Any]) -> int | None:
    """The index of the first word of the subject of a decision's "that" clause, past an aside and its
    article: "and that, for this purpose, the *Department* of Economic and Social Affairs ... should provide"."""
    that = {lows(w)[0] for w in gram["clause_that"]}
    arts = {lows(w)[0] for w in gram.get("articles", ())}
    purpose = set(gram.get("purpose_that", ()))
    k = next((i for i in range(a, min(b, a + 4)) if toks[i].low in that and toks[i - 1].low not in purpose), None)
    if k is None:
        return None
    j = _past_aside(toks, k + 1, b)
    while j < b and toks[j].low in arts | {"'"}:
        j += 1
    return j


def _infinitive_clauses(toks: list[Token], a: int, b: int, gram: dict[str, Any]) -> list[tuple[int, int]]:
    """A decision's coordinated infinitives where the language repeats no marker: Spanish "Decide organizar una
    mesa redonda ... y incluir en el programa provisional ..." (English "and to include"); not two verbs on one
    object ("promover y proteger") nor the verbs of a purpose ("para examinar ... y debatir ...") unless a
    comma closes it."""
    purposes = set(gram.get("purpose_words", ()))
    if not purposes:
        return [(a, b)]
    inf = _rx(gram["infinitive"])
    joins = set(gram["mandate_joins"])
    cuts, blocked = [a], False
    first = next((k for k in range(a, min(b, a + 4)) if inf.search(toks[k].low)), b)
    for k in range(a + 1, b - 2):
        low = toks[k].low
        # a purpose, or an infinitive inside the first task's words ("la cuestión de ... como medio de violar
        # los derechos y obstaculizar ...")
        blocked = blocked or low in purposes or (first < k and low.isalpha() and len(low) > 4 and bool(inf.search(low))
                                                 and toks[k - 1].low not in joins)
        # Spanish puts no comma before the last "y" of a list: ", y incluir" starts another task even after a purpose
        # an agenda decision after a purpose is the body's own ("para responder a ... e incluir en el programa provisional")
        again = toks[k + 1].low in gram.get("agenda_inclusion", ((),))[0]
        if low in joins and (not blocked or again or toks[k - 1].low == ",") and toks[k + 1].low.isalpha() and \
                len(toks[k + 1].low) > 4 and \
                inf.search(toks[k + 1].low) and not inf.search(toks[k - 1].low) and k - cuts[-1] > 3 and \
                not _created_purpose(toks, first, k, b, gram):
            cuts.append(k)
    return list(zip(cuts, cuts[1:] + [b], strict=True))


def _modalities(toks: list[Token], a: int, b: int, gram: dict[str, Any]) -> bool:
    """A decision that only fixes the modalities or theme of what is already decided ("Further decides that the
    proceedings of the high-level meeting will be webcast", "that the organizational arrangements for the panel
    discussions will be as follows") or what a body is made of gives no task."""
    that = {lows(w)[0] for w in gram["clause_that"]}
    nouns = set(gram.get("modality_nouns", ()))
    k = next((i for i in range(a, min(b, a + 6)) if toks[i].low in that), None)
    if k is None:
        return False
    # a decision on what shall happen if something else does ("that, for the year 2024, if a decision of the
    # Security Council results in the need ..., that matter shall be brought to the General Assembly") asks nothing yet
    if (j := _past_aside(toks, k + 1, b)) < b and toks[j].low in gram.get("condition_words", ()):
        return True
    # the clause's subject, up to its verb: "that the scope, structure, content and modalities of this mechanism
    # shall be based on ..."
    verbs = set(gram.get("subject_ends", ()))
    end = next((i for i in range(k + 1, min(b, k + 16)) if toks[i].low in verbs), min(b, k + 5))
    head = [t.low for t in toks[k + 1:end]]
    links = set(gram.get("modality_links", ()))
    if any(w in nouns and i + 1 < len(head) and head[i + 1] in links for i, w in enumerate(head)):
        return True
    # what a body is made of ("that MINUSMA shall continue to comprise up to 13,289 military personnel"), when it
    # meets ("that the consultations should be scheduled in such a way that ...", "that the first plenary meeting
    # will commence at 9 a.m.", "will be held as follows: ...") or what it is about ("that the panels shall be
    # collaborative in nature and will focus on ...")
    made_of = set(gram.get("composition_verbs", ())) | set(gram.get("schedule_verbs", ()))
    if any(t.low in made_of for t in toks[k + 1:_past_subject_aside(toks, k, b, 12)]):
        return True
    words = " ".join(t.low for t in toks[k + 1:min(b, k + 24)])
    return any(re.search(rf"\b{re.escape(p)}\b", words) for p in gram.get("describing_predicates", ()))


def _past_subject_aside(toks: list[Token], k: int, b: int, n: int) -> int:
    """The end of the n tokens after token k, the words of an aside between commas after the clause's subject not
    counted ("that the Summit, subject to the rules of procedure of the General Assembly, will consist of")."""
    first = next((x for x in range(k + 1, min(b, k + 6)) if toks[x].low == ","), None)
    close = next((x for x in range(first + 1, min(b, first + 16)) if toks[x].low == ","), None) if first else None
    return min(b, k + n + (close - first if close else 0))


def _negated(toks: list[Token], a: int, b: int, gram: dict[str, Any]) -> bool:
    """A decision that something shall not happen ("this measure shall not apply to ...") gives no task."""
    words = {lows(w)[0] for w in gram["negations"]}
    return any(t.low in words for t in toks[a:min(b, a + 12)])


def _same_deliverable(toks: list[Token], a: int, i: int, hi: int, gram: dict[str, Any]) -> bool:
    """Whether the infinitive at token i acts on what the segment from token a produced: "and to present
    *the report*", "and to make *it* available"."""
    if _same_object(toks, i, hi, gram):
        return True  # "y que se lo presente": "lo" is the report; "et de la diffuser" (not "et de la tenir informée")
    k = i + 2
    # a pronoun is matched whole: Spanish "a este último" is one, "a" alone ("y que informe a la Asamblea") none
    if any(tuple(t.low for t in toks[k:k + len(p)]) == p for p in map(lows, gram["object_pronouns"])):
        return True
    if k >= hi or toks[k].low not in {lows(w)[0] for w in gram["definite"]}:
        return False
    earlier = set(_compounds(toks, a, i))
    nouns = []  # its noun phrase, up to a short word or a predicative adjective ("the report available")
    for w in _compounds(toks, k + 1, min(hi, k + 7))[:4]:
        if not w.replace("-", "").isalpha() or len(w) <= 3 or w.endswith(("able", "ible")) or \
                w in gram.get("phrase_ends", ()):
            break
        nouns.append(w)
    # every word must recur: "the logistical support plan" is not "a logistical support package"; one word alone
    # must name a deliverable ("the report", "el informe") or what the first task made ("a plan of action ... and
    # to submit the plan"), not a word of its subject ("y que incluya la erradicación de la pobreza" after "un
    # informe sobre ... la erradicación de la pobreza")
    if len(nouns) == 1 and not _deliverable_word(nouns[0], gram) and not _introduced(toks, a, i, nouns[0], gram) and \
            nouns[0] not in gram.get("agenda_nouns", ()):
        return False
    return bool(nouns) and all(n in earlier for n in nouns)


def _compounds(toks: list[Token], a: int, b: int) -> list[str]:
    """The words of toks[a:b] in lower case, a compound printed with hyphens as one word ("sub-item")."""
    out: list[str] = []
    for k in range(a, b):
        if out and k > a and (toks[k].low == "-" or toks[k - 1].low == "-") and toks[k].start == toks[k - 1].end:
            out[-1] += toks[k].low
        else:
            out.append(toks[k].low)
    return out


def _introduced(toks: list[Token], a: int, i: int, word: str, gram: dict[str, Any]) -> bool:
    """Whether `word` stands in toks[a:i] after an indefinite article close before it ("a plan", "une liste")."""
    definite = {lows(w)[0] for w in gram["definite"]}
    indefinite = {lows(w)[0] for w in gram.get("articles", ())} - definite
    return any(toks[k].low == word and any(t.low in indefinite for t in toks[max(a, k - 3):k]) for k in range(a, i))


def _deliverable_word(word: str, gram: dict[str, Any]) -> bool:
    """Whether a word alone is a cue of a report, an update or a study ("report", "rapport", "informe")."""
    return any(ph == (word,) and name in DELIVERABLES for ph, name in cues(gram.get("lang", "en")).tasks.get(word, ()))


def _infinitive(toks: list[Token], i: int, hi: int, non_inf: set[str], gram: dict[str, Any] | None = None) -> bool:
    """Whether a verb follows a complement marker: not a determiner ("to the"), a word ("d'organiser"); with
    the grammar, past object pronouns ("de lui présenter"), a verb form where the marker also heads nouns
    ("de soutien" is no infinitive, "de soumettre" is), and past an adverbial between commas, which may hold
    commas of its own ("que, en consulta con la OMS, el UNICEF y otras organizaciones, presente ...")."""
    marker = toks[i - 1].low if i > 0 else ""
    if i < hi and toks[i].low == "'":
        i += 1
    starts = [i]
    if gram is not None and gram.get("marker_parenthetical") and i < hi and toks[i].low == ",":
        stop = next((k for k in range(i + 1, min(hi, i + 80)) if toks[k].low in (";", ":")), min(hi, i + 80))
        starts = [k + 1 for k in range(i + 1, stop) if toks[k].low == ","]
    return any(_verb_after(toks, k, hi, non_inf, gram, marker) for k in starts)


def _verb_after(toks: list[Token], i: int, hi: int, non_inf: set[str], gram: dict[str, Any] | None, marker: str) -> bool:
    if gram is not None:
        i = _past_pronouns(toks, i, hi, gram)
    if not (i < hi and toks[i].low.isalpha() and toks[i].low not in non_inf):
        return False
    endings = gram["marker_endings"].get(marker) if gram is not None else None
    # "a prestarle apoyo": the infinitive with its object pronoun
    return not endings or toks[i].low.endswith(tuple(endings)) or _enclitic_stem(toks[i].low, gram) is not None


def _task(toks: list[Token], lo: int, hi: int, c: Cues, names: set[int] = frozenset(),
          gram: dict[str, Any] | None = None) -> tuple[str, int | None]:
    """The segment's task and the token index of its cue ("other", None when there is none). A cue inside
    a name is none ("the Permanent *Forum*"); a light verb ("provide", "submit") gives way to the deliverable
    it carries: a report, update or study in its segment, else a task noun close after it. With the grammar,
    a verb that pays attention ("presten la debida atención") is an other task, and a verb that observes a day
    ("para que el Día se celebre") holds no meeting."""
    inclusion = _agenda_inclusion(toks, lo, hi, names, gram)
    if inclusion is not None:
        return "agenda_item", inclusion
    found: list[tuple[str, int]] = []
    widths: dict[int, int] = {}
    aside = _asides(toks, lo, hi, gram)
    glosses = _parenthesized(toks, lo, hi)
    for i in range(lo, hi):
        if i in names or i in aside or i in glosses:
            continue
        cue = _cue_at(toks, lo, hi, i, c, gram)
        if cue is None:
            continue
        name, attending, width = cue
        if attending:
            if not found:
                return "other", i  # "que presten la debida atención a ...": as "give due consideration"
            continue
        if name in OVERRIDING:
            return name, i
        found.append((name, i))
        widths[i] = width
    if not found:
        return "other", None
    name, i = found[0]
    if name == "report" and _report_verb(toks, lo, i, gram):
        # "to report progress ... in his annual briefing", "que informe ... durante la reunión informativa", "to
        # report ... orally": the report is given orally
        oral = next((f for f in found[1:] if f[0] == "oral_update" and f[1] - i <= 30), None)
        if oral:
            return oral
    if gram and toks[i].low in gram.get("transmitting", ()) and (told := _information(toks, i, min(hi, i + 4), gram)):
        return told  # "que le transmita esa información", "to transmit that information to the Assembly": as "provide"
    if (toks[i].low in LIGHT and widths[i] == 1) or _keeping(toks, i, gram):  # not "provide information"
        # how far a noun is from its verb does not count the asides between them ("to provide, in consultation
        # with the World Health Organization ..., within existing resources, a progress report")
        nouns = [(f, _gap(i, f[1], aside | names)) for f in found[1:] if toks[f[1]].low not in LIGHT]
        # a report named as where the deliverable goes ("fournir dans son prochain rapport une évaluation", "to
        # provide in his next report an assessment") gives way to the deliverable after it
        carried = [f for f, d in nouns if f[0] in DELIVERABLES and d <= 25]
        carried = next((f for f in carried if not _placed(toks, f[1], gram)), carried[0] if carried else None)
        near = next((f for f, d in nouns if d <= 8), None)
        # its own object first ("siga prestando asistencia técnica ... para la reunión, el análisis ...")
        own = near if near is not None and _gap(i, near[1], aside | names) <= 2 else None
        # assistance given before what it bears on ("fournir aux États ... une assistance technique portant sur la
        # collecte, l'analyse ...") is what the verb gives
        if near is not None and near[0] == "assistance" and carried is not None and near[1] < carried[1]:
            own = own or near
        # what the verb gives may be no assistance ("provide full access to the recordings of past meetings")
        unassisting = ("other", i) if name == "assistance" and _unassisting(toks, i, hi, gram) else None
        return own or carried or unassisting or near or _information(toks, i, hi, gram) or (name, i)
    return name, i


def _keeping(toks: list[Token], i: int, gram: dict[str, Any] | None) -> bool:
    """Whether the cue at token i keeps something up to date ("tenir à jour"), which gives way to what it keeps."""
    return any(tuple(t.low for t in toks[i:i + len(ph)]) == ph
               for ph in map(lows, (gram or {}).get("keeping_phrases", ())))


def _unassisting(toks: list[Token], i: int, hi: int, gram: dict[str, Any] | None) -> str | None:
    """"other" when the light verb at token i gives what is no assistance ("provide oversight", "provide full
    access to archived videos"): the object within three words, before any mark."""
    objects = set((gram or {}).get("unassisting_objects", ()))
    for t in toks[i + 1:min(hi, i + 4)]:
        if not t.low.isalpha():
            return None
        if t.low in objects:
            return "other"
    return None


def _parenthesized(toks: list[Token], lo: int, hi: int) -> set[int]:
    """Token indices inside a parenthesis opened and closed in the segment: a gloss or examples ("media outlets
    (print, broadcast and digital)", "(presse écrite, audiovisuel et publication en ligne)") ask for nothing."""
    out: set[int] = set()
    opened: int | None = None
    for k in range(lo, hi):
        if toks[k].low == "(":
            opened = k
        elif toks[k].low == ")" and opened is not None:
            out.update(range(opened, k + 1))
            opened = None
    return out


_LIST_JOINS = ("and", "et", "y", "e")
_OF = ("of", "de", "des", "du")
_HEAD_ARTICLES = ("the", "l", "'", "’", "la", "le", "les", "el", "los", "las")


def _list_item(toks: list[Token], lo: int, i: int, n: int, hi: int) -> bool:
    """Whether a report word is one noun of a list of activities, not a report asked for: "including prevention,
    reporting, enforcement and remedial actions", "prevención, presentación de informes, cumplimiento ...", and the
    last of one, "monitoring and evaluation, and reporting;", "le contrôle et l'évaluation, et l'établissement de
    rapports ;" (the noun may head the report word: "presentación de", "l'établissement de")."""
    a = i - 2 if i - 2 > lo and toks[i - 1].low in _OF and toks[i - 2].low.isalpha() else i
    while a - 1 > lo and toks[a - 1].low in _HEAD_ARTICLES:
        a -= 1
    after = toks[i + n].low if i + n < hi else ";"
    before = toks[a - 1].low if a > lo else ""
    if before == ",":
        return after in (",", *_LIST_JOINS)
    return before in _LIST_JOINS and a - 2 > lo and toks[a - 2].low == "," and after in (";", ".") and \
        any(t.low in _LIST_JOINS for t in toks[max(lo, a - 12):a - 2])


def _in_relative(toks: list[Token], lo: int, i: int, gram: dict[str, Any]) -> bool:
    """Whether the verb at token i opens, or is coordinated in, a relative clause on a noun before it, whose subject
    is another: Spanish "las propuestas que le presenten los países", "la información que reúna y transmita el
    mecanismo" (English "the proposals to be submitted by the countries", "information collected and communicated
    by the mechanism"); not the clause a request asks for ("solicita ... que presente", "vele por que", "y que")."""
    that, not_nouns = set(gram.get("relative_that", ())), set(gram.get("not_antecedents", ()))
    if not that:
        return False
    j = i - 1
    while j > lo and toks[j].low in gram.get("marker_pronouns", ()):
        j -= 1
    if j - 2 > lo and toks[j].low in gram["mandate_joins"] and toks[j - 1].low.isalpha():
        j -= 2  # "que reúna y transmita": the second verb of the relative
    if j - 1 <= lo or toks[j].low not in that:
        return False
    before = toks[j - 1]
    # a verb is no antecedent: "asegurar que se presten servicios" asks what follows
    verb = before.low.endswith(tuple(gram.get("infinitive_endings", ())))
    return before.low.isalpha() and not before.upper and not verb and before.low not in not_nouns and \
        before.low not in gram["mandate_joins"]


def _placed(toks: list[Token], k: int, gram: dict[str, Any] | None) -> bool:
    """Whether the deliverable noun at token k names where another is given: "dans son prochain rapport", "in
    his next report", "en su próximo informe" (a word or two may stand between)."""
    for ph in (lows(p) for p in (gram or {}).get("deliverable_places", ())):
        for between in range(3):
            s = k - between - len(ph)
            if s >= 0 and tuple(t.low for t in toks[s:s + len(ph)]) == ph:
                return True
    return False


def _agenda_inclusion(toks: list[Token], lo: int, hi: int, names: set[int],
                      gram: dict[str, Any] | None) -> int | None:
    """The index of the verb that includes an item in the provisional agenda with the item's title between:
    "to include the item entitled "..." in the provisional agenda of its seventy-ninth session"."""
    verbs, place = (gram.get("agenda_inclusion", (None, None)) if gram else (None, None))
    if not verbs:
        return None
    ph = lows(place)
    for i in range(lo, hi):
        if toks[i].low in verbs and i not in names:
            for k in range(i + 2, min(hi - len(ph) + 1, i + 80)):
                if tuple(t.low for t in toks[k:k + len(ph)]) == ph:
                    return i
                if toks[k].low == ";":
                    break
    return None


def _relays(toks: list[Token], lo: int, hi: int, gram: dict[str, Any]) -> bool:
    """Whether the task's verb passes a request on to others, who are to do what its complement says ("to invite
    Member States to present ...", "d'engager les organismes à entreprendre ..."): what follows is their task
    ("d'encourager le renforcement de la cohérence" passes nothing on)."""
    verbs = set(gram.get("relaying_verbs", ()))
    skip = {lows(m)[0] for m in gram["mandate_markers"]} | {"'", "’"} | set(gram.get("marker_pronouns", ()))
    j = next((k for k in range(lo, min(hi, lo + 4)) if toks[k].low not in skip), hi)
    if j >= hi or toks[j].low not in verbs:
        return False
    return _first_marker(toks, j + 1, hi, gram) < hi


def _gap(i: int, j: int, skipped: set[int]) -> int:
    """The number of tokens from i to j that are not skipped."""
    return sum(1 for k in range(i, j) if k not in skipped)


def _cue_at(toks: list[Token], lo: int, hi: int, i: int, c: Cues,
            gram: dict[str, Any] | None) -> tuple[str, bool, int] | None:
    """The task of the cue that starts at token i (longest phrase first), whether its verb pays attention
    rather than does the task ("presten la debida atención") and its length in tokens; None when no cue starts
    there."""
    attention = set(gram.get("attention_nouns", ())) if gram else set()
    spread = _spread_cue(toks, i, hi, gram) if gram else None
    if spread:
        return spread, False, 1
    if _in_name(toks, lo, i, gram):
        return None  # "the High-level Panel", "the Guidelines", "el Grupo de Coordinación y Apoyo": a name
    stem = None if toks[i].low in c.tasks else _enclitic_stem(toks[i].low, gram) or _gerund_stem(toks, i, c, gram)
    # "publicarlos", "presentárselo", "siga estudiando": the verb with its pronouns, the gerund, as a one-word cue
    for ph, name in c.tasks.get(stem or toks[i].low, ()):
        n = len(ph)
        if stem is not None and (n > 1 or name == "extend_mandate"):
            continue
        if i + n > hi or any(toks[i + k].low != ph[k] for k in range(1, n)):
            continue
        if _other_sense(toks, lo, hi, i, n, name, gram):
            continue
        if name == "extend_mandate" and n == 1 and not any(t.low in MANDATE_WORDS for t in toks[i:min(hi, i + 20)]):
            continue  # "renew the measures imposed" extends no one's mandate
        if name == "meeting" and gram and (_transitive_meet(toks, i, n, hi, gram) or _holding_to_account(toks, i, n, hi, gram)
                                           or _holding_other(toks, i, n, hi, gram) or _consulting_other(toks, i, n, hi, gram)):
            continue  # "to meet high standards", "hold programme managers accountable": no one meets
        if name == "study" and gram and _exploring(toks, i, n, hi, gram):
            continue  # "que estudie la posibilidad de ...": as "to explore the possibility", no study asked for
        if name == "meeting" and gram and (_observance(toks, i, n, gram) or _facility(toks, i, n, gram)
                                           or _gathering(toks, i, n, gram) or _described(toks, lo, i, gram)):
            continue
        if name == "establish" and gram and _relating(toks, i + n, hi, gram):
            return "other", False, n  # "to establish partnerships", "que siga estableciendo los contactos": no body
        if name == "assistance" and _helping_to(toks, i, n, hi, gram):
            return "other", False, n  # "para ayudar a conseguir": as "to help to ensure"
        attending = bool(attention) and (toks[i].low in LIGHT or name == "assistance") and _attention(toks, i + n, hi, attention)
        return name, attending, n
    return _parted_cue(toks, i, hi, c)


def _parted_cue(toks: list[Token], i: int, hi: int, c: Cues) -> tuple[str, bool, int] | None:
    """A cue of three words or more whose verb an aside or an adverb parts from the rest: "de prendre, en
    coordination avec les États Membres, toutes les mesures voulues", "de prendre en temps voulu les mesures
    nécessaires", "to take, in cooperation with Member States, all appropriate measures"; an aside between commas
    may also part a cue of two ("que nombre, al comienzo del período de sesiones, a dos cofacilitadores")."""
    shortest = 2
    if i + 1 < hi and toks[i + 1].low == ",":
        end = next((k for k in range(i + 2, min(hi, i + 30)) if toks[k].low in (",", ";", ":")), None)
        starts = [end + 1] if end is not None and toks[end].low == "," else []
    else:  # up to three words, none a name or a mark
        shortest = 3
        words = list(range(i + 1, min(hi, i + 4)))
        words = words[:next((n for n, k in enumerate(words) if not toks[k].low.isalpha() or toks[k].upper), 3)]
        starts = [k + 1 for k in words]
    for ph, name in c.tasks.get(toks[i].low, ()):
        n = len(ph)
        for at in starts if n >= shortest else ():
            if at + n - 1 <= hi and all(toks[at + k - 1].low == ph[k] for k in range(1, n)):
                return name, False, at + n - 1 - i
    return None


def _other_sense(toks: list[Token], lo: int, hi: int, i: int, n: int, name: str,
                 gram: dict[str, Any] | None = None) -> bool:
    """Whether the cue phrase at token i, n tokens long, is used in a sense that asks for nothing."""
    if i + n < hi and toks[i + n].low in _NOT_AFTER_CUE:
        return True  # "the present resolution", "la presente resolución"
    if i - 1 >= lo and (toks[i - 1].low in _TOWARDS or (i - 2 >= lo and toks[i - 2].low in _TOWARDS and
                                                        toks[i - 1].low in ("the", "a", "an"))):
        return True  # "in order to move towards the establishment of a zone": an aim, no task
    if gram and _in_relative(toks, lo, i, gram):
        return True  # "las propuestas que le presenten los países", "la información que reúna y transmita el mecanismo"
    if name == "report" and ((i > lo and toks[i - 1].low in _PREVIOUS) or (i + n < hi and toks[i + n].low in _PREVIOUS)):
        return True  # "the publications referred to in his previous report", "son précédent rapport": one made
    if name == "report" and i > lo and toks[i - 1].low in _CITED[0] and i + n < hi and toks[i + n].low in _CITED[1] \
            and not _included_in(toks, lo, i):
        return True  # "taking into account the report of the High Commissioner" cites one already made
    before = "l" if i > lo + 1 and toks[i - 1].low in _APOSTROPHES else toks[i - 1].low if i > lo else ""
    if name in ("report", "study") and before in _CITED[0] | {"l"} and i + n < hi and toks[i + n].low in _CITED_PLACED:
        return True  # "the study annexed to the report of the Secretary-General", "l'étude figurant en annexe"
    if name == "report" and _list_item(toks, lo, i, n, hi):
        return True
    if toks[i + n - 1].low == "a" and i + n < hi and toks[i + n].low == "través":
        return True  # "que contribuya a través de su labor a fortalecer ...": the means, then the task
    if toks[i].low == "forward" and i > lo and toks[i - 1].low in _LOOKING:
        return True  # "looks forward to the", no transmission
    if name == "agenda_item" and (any(t.low in _UNDER for t in toks[max(lo, i - 3):i]) or
                                  (i > lo and toks[i - 1].low in _THIS)):
        # "to inform the discussions under the agenda item", "les séances consacrées à ce point de l'ordre du jour":
        # where it is discussed, no decision
        return True
    if name == "agenda_item" and gram and any(tuple(t.low for t in toks[max(lo, i - len(ph)):i]) == ph
                                               for ph in map(lows, gram.get("prospective", ()))):
        return True  # "el informe ... que habrá de examinar en su período de sesiones": to be considered, no decision
    if name == "assistance" and gram and any(t.low in gram.get("seeking_verbs", ()) for t in toks[max(lo, i - 3):i]):
        return True  # "s'assurer le plein concours de", "to seek the support of": help sought, not given
    if name == "assistance" and gram and _budgeted(toks, lo, hi, gram):
        return True  # "les ressources nécessaires dans son prochain projet de budget-programme": an estimate
    if toks[i].low == "brief" and i > lo and toks[i - 1].low in ("a", "an"):
        return True  # "a brief, concise draft declaration": the adjective, no briefing
    # "un bon rapport coût-efficacité", "en rapport avec": a ratio or a link; "the online reporting tool", "to inform
    # the next cycle": a report word that qualifies a noun or feeds a process; no report
    return name == "report" and (_relation(toks, i, n) or (gram is not None and _qualifying(toks, i, n, hi, gram)))


def _budgeted(toks: list[Token], lo: int, hi: int, gram: dict[str, Any]) -> bool:
    """Whether the segment names a budget proposal: the resources the entity is to show in it are an estimate it
    makes, not assistance it gives ("the resources necessary in his next proposed programme budget", "en el contexto
    del proyecto de presupuesto por programas, vele por que se asignen recursos suficientes")."""
    places = [lows(p) for p in gram.get("budget_places", ())]
    return any(tuple(t.low for t in toks[k:k + len(p)]) == p for k in range(lo, hi) for p in places)


def _included_in(toks: list[Token], lo: int, i: int) -> bool:
    """Whether the report at token i is where the task puts what it asks for: "to include a special section on
    ... in the report of the Secretary-General on ...", "que incluya ... en el informe del Secretario General"."""
    return i - 2 > lo and toks[i - 2].low in ("in", "dans", "en") and \
        any(t.low in _INCLUDING for t in toks[lo:i - 2])


# the verbs that put something in a report ("to include ... in the report of"; not "including those in the report")
_INCLUDING = {"include", "incorporate", "inclure", "incorporer", "figurer", "incluir", "incluya", "incluyan",
              "incorporar", "incorpore", "incorporen"}


def _attention(toks: list[Token], at: int, hi: int, attention: set[str]) -> bool:
    """Whether the words right after a verb name the attention it pays ("give due consideration to", "presten la
    debida atención"), not a purpose ("submit proposals for consideration", "presentar, para su examen")."""
    for t in toks[at:min(hi, at + 3)]:
        if t.low in attention:
            return True
        if t.low in _FOR:
            return False
    return False


_FOR = {"for", "pour", "para", "por"}


def _relating(toks: list[Token], at: int, hi: int, gram: dict[str, Any]) -> bool:
    """Whether the words right after an establishing verb name a relation rather than a body: "establish
    partnerships", "établir des partenariats", "establecer alianzas", "estableciendo los contactos"."""
    nouns = set(gram.get("relation_nouns", ()))
    for t in toks[at:min(hi, at + 3)]:
        if t.low in nouns:
            return True
        if not t.low.isalpha():
            return False
    return False


def _helping_to(toks: list[Token], i: int, n: int, hi: int, gram: dict[str, Any] | None) -> bool:
    """Whether a verb of help helps to do something rather than helps someone: Spanish "ayudar a conseguir",
    "ayude a garantizar" (English "help to", French "aider à", cues of other), not "ayudar a los Estados"."""
    if not gram or toks[i].low not in gram.get("helping_verbs", ()) or i + n + 1 >= hi or toks[i + n].low != "a":
        return False
    return bool(_rx(gram["infinitive"]).search(toks[i + n + 1].low)) and toks[i + n + 1].low.isalpha()


def _in_name(toks: list[Token], lo: int, i: int, gram: dict[str, Any] | None = None) -> bool:
    """Whether a capitalized word after another word inside the segment is part of a name rather than a task
    word: "the High-level Panel", "the Model Provisions and the Guidelines", "la Tercera Conferencia
    Internacional" (a sub-paragraph's first verb follows its label: "(b) To convene", "b) Convoque"); or a noun
    that a capitalized word names with "de", as French prints names in lower case after their first word: "le
    Programme d'assistance", "le Département de l'appui opérationnel" (not an infinitive: "le Haut-Commissariat
    d'appuyer")."""
    if toks[i].upper:
        return i > lo and toks[i - 1].low.isalpha()
    k = i - 1
    if toks[k].low in ("la", "le", "les"):
        k -= 1
    elif toks[k].low in _APOSTROPHES and toks[k - 1].low == "l":
        k -= 2
    if toks[k].low in _APOSTROPHES and toks[k - 1].low == "d":
        k -= 1
    if k - 1 <= lo or toks[k].low not in ("d", "de", "du", "des") or not toks[k - 1].upper:
        return False
    infinitive = (gram or {}).get("infinitive")  # English has no such names, nor an ending for infinitives
    return infinitive is not None and not _rx(infinitive).search(toks[i].low)


_APOSTROPHES = ("'", "’")


def _enclitic_stem(word: str, gram: dict[str, Any] | None) -> str | None:
    """The infinitive of a verb printed with its object pronouns: Spanish "publicarlos" -> "publicar",
    "presentárselo" -> "presentar", the gerund "presentándole" -> "presentar"; None for any other word."""
    for ending in (gram or {}).get("enclitics", ()):
        stem = word[:-len(ending)]
        if not word.endswith(ending) or len(stem) < 4:
            continue
        if stem[-2:] in ("ar", "er", "ir", "ár", "ér", "ír"):
            return stem[:-2] + stem[-2:].translate(_PLAIN)
        if stem.endswith(("ándo", "iéndo")):  # the accent the pronoun puts on a gerund
            return stem[:-4] + "ar" if stem.endswith("ándo") else stem[:-5] + "ir"
    return None


_PLAIN = str.maketrans("áéí", "aei")


def _gerund_stem(toks: list[Token], i: int, c: Cues, gram: dict[str, Any] | None) -> str | None:
    """The infinitive cue of a Spanish gerund that continues the task ("que siga estudiando" as "que estudie",
    English "to continue to study"), not one that says how ("incluso estableciendo alianzas"); None when no
    infinitive of it is a cue."""
    word = toks[i].low
    if not gram or i == 0 or toks[i - 1].low not in {*gram.get("continuing_verbs", ()), *gram.get("gerund_cue_verbs", ())}:
        return None
    reflexive = word.endswith(("ándose", "iéndose"))
    if reflexive:  # "siga reuniéndose": the gerund with its pronoun, as "reunirse"
        word = word[:-2].translate(_PLAIN).replace("ó", "o")
    for ending, infinitives in gram.get("gerund_infinitives", {}).items():
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[:-len(ending)]
            forms = [stem + e + ("se" if reflexive else "") for e in infinitives]
            return next((f for f in forms if (f,) in (ph for ph, _ in c.tasks.get(f, ()))), None)
    return None


def _information(toks: list[Token], i: int, hi: int, gram: dict[str, Any] | None) -> tuple[str, int] | None:
    """A light verb that gives information with words between ("provide accurate and up-to-date information",
    "presente información exacta") reports, as the cue "provide information" does."""
    nouns = set(gram.get("information_nouns", ())) if gram else set()
    k = next((k for k in range(i + 1, min(hi, i + 9)) if toks[k].low in nouns), None)
    if k is None or not all(t.low.isalpha() or t.low == "-" for t in toks[i + 1:k]):
        return None
    # not what another is given with ("provide the Office with ... information"), nor a place ("information centres")
    after = toks[k + 1].low if k + 1 < hi else ""
    if any(t.low in gram.get("giving_with", ()) for t in toks[i + 1:k]) or after in gram.get("facility_nouns", ()):
        return None
    return "report", i


def _report_verb(toks: list[Token], lo: int, i: int, gram: dict[str, Any] | None) -> bool:
    """Whether the report cue at token i is the verb of the task, right after its marker: "to report", "que
    informe", "de rendre compte" (not the noun "a report")."""
    verbs = gram.get("report_verbs", ()) if gram else ("report",)
    markers = {lows(m)[0] for m in gram["mandate_markers"]} if gram else {"to"}
    return toks[i].low in verbs and i > lo and toks[i - 1].low in markers


def _attending(toks: list[Token], i: int, hi: int, gram: dict[str, Any]) -> bool:
    """Whether token i attends a meeting rather than assists: Spanish "asistir a la Conferencia", "la asistencia a
    las sesiones" (English "attend", "attendance"), not "asistir a los Estados"."""
    if toks[i].low not in gram.get("attending_words", ()) or i + 1 >= hi or toks[i + 1].low not in ("a", "al"):
        return False
    return any(t.low in gram["attended_nouns"] for t in toks[i + 2:min(hi, i + 6)])


def _transitive_meet(toks: list[Token], i: int, n: int, hi: int, gram: dict[str, Any]) -> bool:
    """Whether a verb that meets has an object, and so satisfies rather than meets: English "meet the
    requirements", "meet high standards" (a body meets "in Geneva", "for five days", "annually", "again")."""
    if n != 1 or toks[i].low not in gram.get("meeting_intransitive", ()) or i + 1 >= hi:
        return False
    nxt = toks[i + 1].low
    return nxt.isalpha() and not nxt.endswith("ly") and nxt not in gram["meeting_intransitive_followers"]


_WHEN_HELD = ("en", "à", "au", "durant", "pendant", "lors", "avant", "après")


def _holding_other(toks: list[Token], i: int, n: int, hi: int, gram: dict[str, Any]) -> bool:
    """Whether a holding verb keeps something other than a meeting: French "tenir une liste", "tenir les
    engagements pris" (a meeting noun, a named event or a date within a few words makes it one: "tenir des
    consultations", "tenir le quinzième Congrès", "tenir en juin")."""
    if n != 1 or toks[i].low not in gram.get("holding_verbs", ()):
        return False
    nouns = set(gram["held_nouns"])
    after = toks[i + 1:min(hi, i + 6)]
    if not after or not after[0].low.isalpha() or after[0].low in _WHEN_HELD:
        return False
    return not any(t.low in nouns or t.upper or t.low[:1].isdigit() for t in after)


def _consulting_other(toks: list[Token], i: int, n: int, hi: int, gram: dict[str, Any]) -> bool:
    """Whether a consulting verb reads something rather than consults someone: French "puissent consulter ces
    archives" (not "consulter les États Membres", "consulter régulièrement les organisations concernées")."""
    if n != 1 or toks[i].low not in gram.get("consulting_verbs", ()):
        return False
    nouns = set(gram["consulted_nouns"])
    return not any(t.upper or t.low in nouns for t in toks[i + 1:min(hi, i + 5)])


def _holding_to_account(toks: list[Token], i: int, n: int, hi: int, gram: dict[str, Any]) -> bool:
    """Whether a holding verb holds someone to account rather than a meeting: "hold programme managers
    accountable", "are held accountable"."""
    words = set(gram.get("accountable", ()))
    return bool(words) and any(t.low in words for t in toks[i + n:min(hi, i + n + 4)])


def _exploring(toks: list[Token], i: int, n: int, hi: int, gram: dict[str, Any]) -> bool:
    """Whether a study verb explores options rather than asks for a study: Spanish "estudie la posibilidad de",
    "estudie opciones para", "estudie medios de" render "explore", "consider", which are no task words (an adverb
    may stand between: "étudier plus avant l'idée")."""
    if toks[i].low not in gram.get("exploring_verbs", ()):
        return False
    return any(t.low in gram["explored_nouns"] for t in toks[i + n:min(hi, i + n + 5)])


def _described(toks: list[Token], lo: int, i: int, gram: dict[str, Any]) -> bool:
    """Whether a meeting verb describes an event named before it rather than asks for one: "a World Forum on
    Cultural Policies, *to be held* every four years", "meetings of that Committee that must be held while ..."."""
    before = tuple(lows(p) for p in gram.get("describing_passives", ()))
    if _meeting_time(toks, lo, i, gram) or _qualifying_participle(toks, lo, i, gram):
        return True
    while i > lo and toks[i - 1].low in gram.get("marker_pronouns", ()):  # "que se celebre", "que deba celebrarse"
        i -= 1
    if any(i - len(p) >= lo and tuple(t.low for t in toks[i - len(p):i]) == p for p in before):
        return True
    # "un Foro Mundial sobre Políticas Culturales que se celebre cada cuatro años": a relative after the event's name
    return i - 2 > lo and toks[i - 1].low in gram.get("describing_relatives", ()) and toks[i - 2].upper and \
        toks[i - 2].low.isalpha()


def _meeting_time(toks: list[Token], lo: int, i: int, gram: dict[str, Any]) -> bool:
    """Whether a meeting word says when what is asked is done ("will take decisions at the final meeting of the
    commission"): after "at the", "at its" with an adjective or two between."""
    times = tuple(lows(p) for p in gram.get("meeting_times", ()))
    for skip in range(0, 3):
        at = i - skip
        if skip and not (at > lo and toks[at].low.isalpha() and not toks[at].upper):
            return False
        if any(at - len(p) >= lo and tuple(t.low for t in toks[at - len(p):at]) == p for p in times):
            return True
    return False


def _qualifying_participle(toks: list[Token], lo: int, i: int, gram: dict[str, Any]) -> bool:
    """Whether a meeting participle with no auxiliary before it (an adverb may stand between) qualifies a noun:
    "the print heritage currently held in the basements", "the conferences held in Monterrey"."""
    if toks[i].low not in gram.get("meeting_participles", ()):
        return False
    k = i - 1 if i - 1 > lo and toks[i - 1].low.endswith("ly") else i
    return k - 1 >= lo and toks[k - 1].low not in gram.get("auxiliaries", ())


def _gathering(toks: list[Token], i: int, n: int, gram: dict[str, Any]) -> bool:
    """Whether a meeting cue gathers data rather than holds a meeting: Spanish "la reunión de datos", "la
    reunión, el análisis y la difusión de información" (English "collection")."""
    if toks[i].low not in gram.get("gathering_cues", ()):
        return False
    return any(t.low in gram["gathered_nouns"] for t in toks[i + n:i + n + 4])


def _relation(toks: list[Token], i: int, n: int) -> bool:
    """Whether a French "rapport" is a ratio or a link ("rapport coût-efficacité", "en rapport avec", "par
    rapport à") rather than a report."""
    if toks[i].low != "rapport" or n != 1:
        return False
    after = toks[i + 1].low if i + 1 < len(toks) else ""
    return (i > 0 and toks[i - 1].low == "par") or after in _RELATION_AFTER


def _spread_cue(toks: list[Token], i: int, hi: int, gram: dict[str, Any]) -> str | None:
    """The task of a verb whose cue spreads over the words after it: "que asistan a la Conferencia" attends
    (other, as "to attend": not to convene it); "que propongan un candidato" nominates; "to bring the present
    resolution to the attention of" disseminates."""
    if _attending(toks, i, hi, gram):
        return "other"
    if _nominating(toks, i, hi, gram) or _creating_body(toks, i, hi, gram):
        return "establish"
    return "dissemination" if _brought_to_attention(toks, i, hi, gram) or _made_available(toks, i, hi, gram) else None


def _nominating(toks: list[Token], i: int, hi: int, gram: dict[str, Any]) -> bool:
    """Whether the verb at token i puts candidates forward, as English "nominate": Spanish "que propongan
    oportunamente a sus candidatos" (a proposal of anything else is no appointment)."""
    verbs, nouns = gram.get("nominating", ((), ()))
    return toks[i].low in verbs and any(t.low in nouns for t in toks[i + 1:min(hi, i + 6)])


def _creating_body(toks: list[Token], i: int, hi: int, gram: dict[str, Any]) -> bool:
    """Whether the verb at token i creates the body that follows it within a few words, before any mark:
    French "de constituer pour la période 2025-2027 un groupe de travail" (not "constituer une infraction")."""
    verbs, nouns = gram.get("body_creating", ((), ()))
    if toks[i].low not in verbs:
        return False
    for t in toks[i + 1:min(hi, i + 10)]:
        if t.low in (";", ":"):
            return False
        if t.low in nouns:
            return True
    return False


def _made_available(toks: list[Token], i: int, hi: int, gram: dict[str, Any]) -> bool:
    """Whether the verb at token i makes a document available, which disseminates it: "to make up-to-date
    information available to Member States", "de mettre les informations actualisées à la disposition des
    États Membres", "que ponga el informe completo a disposición de" (resources made available are assistance)."""
    verbs, places, objects = gram.get("making_available", ((), (), ()))
    if toks[i].low not in verbs:
        return False
    places = [lows(p) for p in places]
    seen = False
    for k in range(i + 1, min(hi, i + 15)):
        if toks[k].low in (";", ":"):
            return False
        seen = seen or toks[k].low in objects
        if any(tuple(t.low for t in toks[k:k + len(p)]) == p for p in places):
            return seen
    return False


def _brought_to_attention(toks: list[Token], i: int, hi: int, gram: dict[str, Any]) -> bool:
    """Whether the verb at token i brings its object to someone's attention, the object between: "to bring the
    present resolution to the attention of", "de porter toutes les résolutions à l'attention des", "que señale la
    presente resolución a la atención de", "que ponga las denuncias en conocimiento de" (up to the clause's end)."""
    places = [lows(place) for verbs, place in gram.get("bringing_to_attention", ()) if toks[i].low in verbs]
    if not places:  # most words bring nothing to anyone's attention: no need to read on
        return False
    for k in range(i + 1, min(hi, i + 40)):
        if toks[k].low in (";", ":"):
            return False
        if any(tuple(t.low for t in toks[k:k + len(ph)]) == ph for ph in places):
            return True
    return False


def _qualifying(toks: list[Token], i: int, n: int, hi: int, gram: dict[str, Any]) -> bool:
    """Whether a report word qualifies another noun or feeds a process rather than asks for a report: "the online
    reporting tool", "the monitoring and reporting mechanism", "to inform the next cycle of the review", "informer
    le processus intergouvernemental" (a process is informed, a body is reported to)."""
    if n != 1 or i + 1 >= hi:
        return False
    # "el mecanismo de vigilancia y presentación de informes", "las obligaciones de presentación de informes": the
    # report word in the complement of the noun it qualifies, as English "the monitoring and reporting mechanism"
    heads = set(gram.get("qualified_before", ()))
    for k in range(max(0, i - 6), i - 1):
        if toks[k].low in heads and toks[k + 1].low in ("de", "d") and \
                all(t.low.isalpha() for t in toks[k:i]) and toks[i - 1].low not in ("un", "una", "unos"):
            return True
    following = toks[i + 1].low
    if following in gram.get("qualified_nouns", ()):
        return True
    # an article, then the process within three words, none a name ("the next cycle", "the intergovernmental process",
    # not "the Council of its work")
    if toks[i].low not in gram.get("informing_verbs", ()) or following not in gram["informed_articles"]:
        return False
    for t in toks[i + 2:min(hi, i + 5)]:
        if t.low in gram["informed_processes"]:
            return True
        if not t.low.isalpha() or t.upper:
            return False
    return False


def _facility(toks: list[Token], i: int, n: int, gram: dict[str, Any]) -> bool:
    """Whether a meeting cue names where or how meetings are served: "conference services", "conference and
    documentation services", "services de conférence", "servicios de conferencias"."""
    nouns = set(gram.get("facility_nouns", ()))
    k = i + n + 2 if i + n + 2 < len(toks) and toks[i + n].low in gram["mandate_joins"] else i + n
    # one word may qualify the services: "conference support services", "conference-servicing duty stations"
    after = k < len(toks) and (toks[k].low in nouns or (k + 1 < len(toks) and toks[k + 1].low in nouns
                                                        and ((toks[k].low.isalpha() and toks[k].low not in _FOR)
                                                             or toks[k].low == "-")))
    # "services de conférence", "conference-servicing facilities for meetings": the meetings are served
    before = i >= 2 and toks[i - 1].low in ("de", "d", *_FOR) and toks[i - 2].low in nouns
    # "requests for conference-servicing facilities ... for the meetings", "solicitudes de servicios de conferencias
    # que formule el Comité ... para las reuniones": the meetings the services are for, further on
    window = range(max(1, i - 18), i - 2)
    served = i >= 3 and toks[i - 2].low in _FOR and toks[i - 1].low in _HEAD_ARTICLES and \
        not any(toks[k].low == ";" for k in range(max(0, i - 18), i)) and \
        any(toks[k].low in nouns and any(t.low.startswith("conferen") for t in toks[k - 1:k + 3]) for k in window)
    return after or before or served


def _observance(toks: list[Token], i: int, n: int, gram: dict[str, Any]) -> bool:
    """Whether a meeting cue observes a day, year or decade rather than holds a meeting: Spanish "celebrar"
    is both ("para que el Día Internacional se celebre debidamente", English "for appropriate observance")."""
    verbs = set(gram.get("observing_cues", ()))
    days = set(gram.get("observances", ()))
    if not verbs or not any(t.low in verbs for t in toks[i:i + n]):
        return False
    near = toks[max(0, i - 4):i] + toks[i + n:i + n + 4]
    return any(t.low in days and t.upper for t in near)


def _asides(toks: list[Token], lo: int, hi: int, gram: dict[str, Any] | None = None) -> set[int]:
    """Token indices of the asides that say how or with whom, not what: ", in consultation with States,",
    ", taking into account the report of ... and future consultations,", ", teniendo presente la necesidad de que
    se respeten las directrices," and "in consultation with" anywhere; and what a task is to avoid, to the clause's end.
    """
    openers = [lows(w) for w in (gram or {}).get("aside_openers", ())]
    joins = set((gram or {}).get("mandate_joins", ("and",)))
    averting = set((gram or {}).get("averting_verbs", ()))
    out: set[int] = set()
    for k in range(lo, hi - 1):
        if toks[k].low in averting:  # "in order to avoid duplication in the issuance of publications": not asked for
            out.update(range(k, _averted_end(toks, k, hi)))
        opener = k + 2 if toks[k + 1].low in joins and k + 2 < hi else k + 1  # ", and taking into account"
        if toks[k].low == "," and (any(tuple(t.low for t in toks[opener:opener + len(w)]) == w for w in openers)
                                   or _partner(toks, opener, hi)):
            end = next((j for j in range(opener, hi) if toks[j].low in (",", ";", ":")), hi)
            out.update(range(k + 1, end))
        elif _partner(toks, k, hi):
            out.update((k, k + 1))
    return out


def _averted_end(toks: list[Token], k: int, hi: int) -> int:
    """Where what the verb at k is to avoid ends: at the clause's next mark, past an aside that opens right after
    the verb ("afin d'éviter, chacun pour ce qui le concerne, les doubles emplois lors de la parution ...")."""
    marks = (",", ";", ":")
    end = next((j for j in range(k + 1, hi) if toks[j].low in marks), hi)
    if end == k + 1 and toks[end].low == ",":
        close = next((j for j in range(end + 1, hi) if toks[j].low in marks), hi)
        if close < hi and toks[close].low == ",":
            end = next((j for j in range(close + 1, hi) if toks[j].low in marks), hi)
    return end


def _partner(toks: list[Token], k: int, hi: int) -> bool:
    """"in consultation with", "in cooperation with" ... (not "in their reports", where the task is done)."""
    return toks[k].low == "in" and k + 1 < hi and toks[k + 1].low in _PARTNERING


_PARTNERING = {"consultation", "cooperation", "coordination", "collaboration", "accordance", "conformity"}
# the words around a report noun that cite a report already made rather than ask for one ("the report of")
_CITED = ({"the", "previous", "earlier", "recent", "le", "les", "el", "los", "del", "al", "du", "au"},
          {"of", "du", "des", "del", "de"})
# the words after a report or study that place one already made ("the study annexed to the report")
_CITED_PLACED = {"annexed", "contained", "figurant", "contenu", "contenue", "anexo", "anexa", "contenido", "contenida"}
_LOOKING = {"look", "looks", "looking", "looked"}
# the words before an agenda item that name where something is discussed ("under the agenda item", "au titre
# du point de l'ordre du jour", "en relación con el tema del programa", "sobre el tema del programa")
_UNDER = {"under", "on", "titre", "cadre", "relación", "marco", "sobre", "bajo"}
# a demonstrative before an agenda item names one already on the agenda ("ce point de l'ordre du jour")
_TOWARDS = {"towards", "toward"}
_PREVIOUS = {"previous", "précédent", "anterior"}
_THIS = {"this", "that", "ce", "cet", "este", "ese", "dicho"}
# the words after French "rapport" that make it a ratio or a link
_RELATION_AFTER = {"avec", "coût", "entre", "qualité"}
# a word after a cue that makes the cue an adjective ("present resolution"), a time ("present session") or
# part of a budget term ("staff assessment income")
_NOT_AFTER_CUE = {"resolution", "résolution", "resolución", "decision", "décision", "decisión", "session",
                  "period", "day", "days", "time", "context", "circumstances", "situation", "crisis", "income"}


def _words_before(toks: list[Token], end: int) -> str:
    """The paragraph's words before offset `end`, in lower case, spaced as printed."""
    parts: list[str] = []
    prev = None
    for t in toks:
        if t.end > end:
            break
        if prev is not None and t.start > prev:
            parts.append(" ")
        parts.append(t.low)
        prev = t.end
    return "".join(parts)


def _fields(seg: str, provision: str, gram: dict[str, Any], body: str, task: str,
            earlier: Callable[[], str] = str) -> dict[str, Any]:
    """Due session and year, recurrence, period, review clause and resources of one segment; `earlier` gives
    the paragraph's words before it."""
    due = due_session = due_year = None
    found = _due_sessions(seg, gram)
    m = next((x for x in found if x.group("at")), found[0] if found else None)
    before = seg[: m.start()] if m else ""
    back = gram.get("session_back_reference")
    if back and (m is None or not _session_number(m, gram)) and \
            _rx(back).search(seg):
        # a reference back ("at that ...", "à la même ...", "de dicho período de sesiones"): the last one the
        # paragraph names before this segment
        words = earlier()
        found = _due_sessions(words, gram)
        m = found[-1] if found else None
        before = words[: m.start()] if m else ""
    if m:
        due = m.group(0)
        n = _session_number(m, gram)
        due_session = str(n) if n else None
    y = _rx(gram["due_year"]).search(seg) or _rx(gram["due_date"]).search(seg)
    if y:
        due_year = y.group(1)
    elif due_session:
        due_year = session_year(_session_body(before, body, gram), int(due_session))
    recurrence, frequency = _recurrence(seg, cues(gram.get("lang", "en")))
    p = _rx(gram["period"]).search(provision if task == "extend_mandate" else seg)
    return {"due": due, "due_session": due_session, "due_year": due_year, "recurrence": recurrence,
            "frequency": frequency, "period": p.group(1) if p else None,
            "review_clause": bool(_rx(gram["review_clause"]).search(provision)),
            "within_existing_resources": bool(_rx(gram["existing_resources"]).search(provision))}


def _due_sessions(text: str, gram: dict[str, Any]) -> list[re.Match]:
    """The sessions the grammar's session pattern finds in `text`, but for those that date a publication ("the
    official records of the seventy-eighth session", "documents officiels de sa soixante-dix-huitième session")
    or a report already made ("in his report submitted to the Commission on Human Rights at its sixtieth
    session", "dans le rapport qu'il a présenté à la Commission ... à sa soixantième session")."""
    published = gram.get("session_publication")
    cited = gram.get("session_cited")
    return [m for m in _rx(gram["session"]).finditer(text)
            if not (published and _rx(published).search(text[max(0, m.start() - 40):m.start()]))
            and not (cited and _rx(cited).search(text[max(0, m.start() - 120):m.start()]))]


def _session_number(m: re.Match, gram: dict[str, Any]) -> int | None:
    """The number of a session the grammar's session pattern matched, whichever side of "session" it stands."""
    return ordinal(m.group(2) or m.groupdict().get("after") or "", gram)


@lru_cache(maxsize=64)
def _rx(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.I)


def _session_body(before: str, body: str, gram: dict[str, Any]) -> str:
    """The body whose session a due session counts: the last body named before it, else the adopting body."""
    best, at = body, -1
    for name, words in gram["session_bodies"].items():
        for w in words:
            k = before.lower().rfind(w)
            if k > at:
                best, at = name, k
    return best


def session_year(body: str, session: int) -> str | None:
    """The year a session opens: the General Assembly's session N in September of N + 1945; the Human Rights
    Council holds three a year, its fourth in March 2007; the Commission on the Status of Women one a year,
    its N-th in March of 1956 + N."""
    if body == "General Assembly":
        return str(session + 1945)
    if body == "Human Rights Council" and session >= 4:
        return str(2007 + (session - 4) // 3)
    if body == "Commission on the Status of Women":
        return str(1956 + session)
    return None


def _recurrence(seg: str, c: Cues) -> tuple[str, str | None]:
    words = [(t.group(0).lower(), t.start()) for t in re.finditer(r"\w+|[^\w\s]", seg.replace("’", "'"))]
    for i, (w, _) in enumerate(words):
        for ph, name, _ in c.recurrence.get(w, ()):
            n = len(ph)
            if i + n <= len(words) and all(words[i + k][0] == ph[k] for k in range(n)):
                start = words[i][1]
                end = words[i + n - 1][1] + len(words[i + n - 1][0])
                return name, seg[start:end]
    return "once", None


def _object_noun(toks: list[Token], lo: int, hi: int, at: int, task: str, gram: dict[str, Any]) -> int | None:
    """Index of the article before a cue of `task` (at or after token `at`) used as a noun ("a report", "a
    midterm progress report"), if any: the task text starts there rather than at the verb ("submit")."""
    arts = {lows(a)[0] for a in gram.get("articles", ())}
    stops = {lows(m)[0] for m in gram["complement_markers"]} | {",", ";", ":"}
    by_first = cues(gram.get("lang", "en")).tasks  # a phrase can only start at its first word
    for a in range(lo, hi):
        if toks[a].low not in arts:
            continue
        for i in range(a + 1, min(hi, a + 6)):  # "a final report", "a high-level panel discussion"
            for ph, name in by_first.get(toks[i].low, ()) if i >= at else ():
                n = len(ph)
                if name == task and i + n <= hi and all(toks[i + k].low == ph[k] for k in range(1, n)):
                    return a
            if toks[i].low in stops:
                break
    return None


def _object_text(text: str, at: int) -> str:
    """What is to be done, as printed: from the task word to the end of its clause."""
    rest = text[at:]
    m = re.search(r"[;,:]|\s(?:to|at|by|à|a|en|au|al)\s(?:its|the|sa|la|le|su|l['’])\b", rest)
    obj = rest[: m.start()] if m else rest
    return obj.strip()[:300]


def _recipients(toks: list[Token], at: int, hi: int, mentions: list[Mention], gram: dict[str, Any],
                concept: Callable[[Mention], Concept]) -> list[Concept]:
    markers = {k for p in gram["recipient_markers"] for k in lows(p)}
    out: list[Concept] = []
    chained = None  # token index where the current chain of coordinated recipients may continue
    for m in mentions:
        if m.i <= at or m.j > hi or m.concept.kind != "actor":
            continue
        k = m.i - 1
        while k > at and toks[k].low in ("the", "la", "le", "l", "'", "el", "los", "las"):
            k -= 1
        if toks[k].low in markers or (chained is not None and k <= chained + 2 and toks[k].low in
                                       ("and", "et", "y", "e", ",")):
            c = concept(m)
            if all(c.id != o.id for o in out):
                out.append(c)
            chained = m.j
        elif out:
            break
    return out


def ordinal(words: str, gram: dict[str, Any]) -> int | None:
    """'eightieth' -> 80, 'sixty-first' -> 61, 'quatre-vingtième' -> 80, 'soixante-dix-neuvième' -> 79,
    'octogésimo primer' -> 81: a number word of tens, then a unit or teen ordinal (or one ordinal)."""
    digits = re.match(r"\s*(\d+)", words)
    if digits:  # "33er", "34º", "33e"
        return int(digits.group(1))
    w = " ".join(words.lower().replace("-", " - ").split()).replace(" - ", "-")
    units, teens, tens, ctens = gram["ordinal_units"], gram["ordinal_teens"], gram["ordinal_tens"], \
        gram["cardinal_tens"]
    for table in (units, teens, tens):
        if w in table:
            return table[w]
    parts = re.split(r"(-et-| et |-| )", w)  # words and the separators between them
    for k in range(1, len(parts), 2):
        head, tail = "".join(parts[:k]), "".join(parts[k + 1:])
        h = ctens.get(head) or tens.get(head)
        t = units.get(tail) or teens.get(tail)
        if h and t:
            return h + t
    return None
