"""Extraction: language, not formats. `extract(res)` fills provisions, citations, SDGs and mandates in place.

For every operative paragraph: provisions (clauses.py) with head verb, strength and modality from the verbs
vocabulary; addressees (the actors asked to act: the phrase between the verb and its complement, "Decides"
-> the adopting body), rights and beneficiaries (mentions.py); mandates (mandates.py). For every paragraph:
citations in its text and its footnotes (citations.py) and SDG codes (sdg.py). Every extracted item carries the
character span of the words it came from in `Resolution.text` (footnote citations: -1 and the footnote
marker, since footnote texts are not part of `Resolution.text`). Vocabularies come from vocab.py only; the
per-language grammar from grammar.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from unkg.config import VOCAB_NS
from unkg.ingest.extract.citations import find_citations
from unkg.ingest.extract.clauses import ClauseSplitter
from unkg.ingest.extract.grammar import grammar
from unkg.ingest.extract.mandates import borrow_tasks, complement_at, mandates_of
from unkg.ingest.extract.mentions import Mention, MentionFinder, ShortNames, and_other
from unkg.ingest.extract.regimes import CountryBodies
from unkg.ingest.extract.roles import STATES_PARTIES, Rules, country
from unkg.ingest.extract.sdg import find_sdg
from unkg.ingest.extract.tokens import Token, keys, lows, phrase_trie, tokenize
from unkg.ingest.extract.vocab import ACTOR, GROUP, RIGHT, ConceptInfo, Vocabulary, load
from unkg.ingest.model import OPERATIVE, Citation, Concept, Paragraph, Provision, Resolution, assemble
from unkg.iris import slug

__all__ = ["extract", "load"]

# Modalities (concepts of ontology/vocab/modalities.ttl) whose provisions ask someone to act: the actors
# between the verb and its complement are the addressees. Decisions and commitments bind the adopting body.
ASKING = ("request", "demand", "exhortation", "encouragement", "recommendation")
SELF_BINDING = ("decision", "commitment")
PRAISING = ("welcome",)  # "Commends X for ...", "Expresses its appreciation to X for ..."
STATES_NS = VOCAB_NS + "states/"


@dataclass
class _Context:
    gram: dict[str, Any]
    clauses: ClauseSplitter
    mentions: MentionFinder
    short: ShortNames
    partners: Any
    conditions: Any
    fillers: set[str]
    markers: set[str]
    that: set[str]
    non_inf: set[str]
    definite: set[str]
    links: set[str]
    president: Any
    places: set[str] = field(default_factory=set)
    rules: Rules | None = None
    states: dict[str, list[ConceptInfo]] = field(default_factory=dict)  # a word of a State's name -> States
    pronoun_phrases: Any = None  # "them", "ce dernier", "à celui-ci": the addressee named before
    subject_pronouns: Any = None  # "(recommande qu')ils", "(demande que) celle-ci": the subjects named before
    regimes: CountryBodies | None = None  # "the Panel of Experts" of a resolution on one country


@dataclass
class _Doc:
    """What one resolution tells every clause: the country it is about, the provisions so far."""
    country: ConceptInfo | None = None
    previous: list[Provision] = field(default_factory=list)  # the previous paragraph's provisions


@dataclass
class _Report:
    """Per clause: phrases of the addressee slot that name no actor, and why mentions were left out."""
    unmapped: list[str] = field(default_factory=list)
    notes: list[tuple[str, str, str]] = field(default_factory=list)
    slots: list[tuple[int, int]] = field(default_factory=list)  # token ranges of the addressee phrases read


def _context(vocab: Vocabulary, language: str) -> _Context:
    cache = vocab.__dict__.setdefault("_extract_ctx", {})
    ctx = cache.get(language)
    if ctx is None:
        g = dict(grammar(language), lang=language)
        finder = MentionFinder(vocab, language, g)
        ctx = cache[language] = _Context(
            g, ClauseSplitter(vocab, language, g), finder, ShortNames(g),
            phrase_trie(g["partner_phrases"]), phrase_trie(g["condition_phrases"]), {k for p in g["fillers"] for k in lows(p)},
            {lows(p)[0] for p in g["complement_markers"]}, {lows(p)[0] for p in g["clause_that"]},
            {lows(p)[0] for p in g["non_infinitive_after_to"]}, {k for p in g["definite"] for k in lows(p)},
            {lows(p)[0] for p in g["addressee_links"]},
            phrase_trie(g.get("own_president", [])),
            places={lows(p)[-1] for p in g.get("place_prepositions", ())}, rules=Rules(g),
            states=_state_words(vocab, language), pronoun_phrases=phrase_trie(g["object_pronouns"] + g.get("elliptic_others", [])),
            subject_pronouns=phrase_trie(g.get("subject_pronouns", [])),
            regimes=CountryBodies(vocab, finder, language))
    return ctx


def _state_words(vocab: Vocabulary, language: str) -> dict[str, list[ConceptInfo]]:
    """The words of four letters or more in the names of States (in `language` and English), to the States."""
    out: dict[str, list[ConceptInfo]] = {}
    for iri, c in vocab.concepts.items():
        if not iri.startswith(STATES_NS):
            continue
        for label, lang, _ in vocab.labels_of(iri):
            if lang in (language, "en", ""):
                for w in keys(label):
                    if len(w) >= 4 and w.isalpha() and c not in out.setdefault(w, []):
                        out[w].append(c)
    return out


def extract(res: Resolution, vocab: Vocabulary | None = None) -> Resolution:
    """Fill provisions, citations and SDG codes of every paragraph of `res` (in place) and return it."""
    v = vocab or load()
    ctx = _context(v, res.language or "en")
    if not res.text and res.paragraphs:
        res.text = assemble(res.paragraphs)
    text = res.text
    body = v.body_actor(res.body) if res.body else None
    notes = {f.marker: f.text for f in res.footnotes}

    if not ctx.clauses.verbs.root and res.operative:
        res.warnings.append(f"the vocabularies have no operative verbs in language {res.language!r}: provisions "
                            f"are one per paragraph, without verb concepts or addressees")
    president = v.get(f"{VOCAB_NS}actors/president-of-the-{slug(res.body)}") if res.body else None
    per: list[tuple[Paragraph, list[Token], list[Mention]]] = []
    titled: dict[int, list[Mention]] = {}  # paragraph index -> mentions inside titles of days, programmes ...
    for p in res.paragraphs:
        toks = tokenize(p.text, p.start)
        ments = and_other(ctx.mentions, toks, ctx.mentions.find(toks), ctx.rules.and_other, ctx.rules.english_order)
        if president is not None:
            ments = _own_president(toks, ments, president, ctx)
        ments, titled[p.index] = ctx.rules.in_titles(toks, ments)
        per.append((p, toks, ments))
    # the title names the body a resolution is about ("Open-ended intergovernmental working group on ..."),
    # which its paragraphs then call "the working group"
    title_toks = tokenize(res.title or "")
    title = ctx.mentions.find(title_toks)
    heads = ctx.short.build([(title_toks, m) for m in title] + [(toks, m) for _, toks, ms in per for m in ms], v,
                            [(title_toks, title)] + [(toks, ms) for _, toks, ms in per])
    per = [(p, toks, ctx.short.apply(toks, ms, heads, v)) for p, toks, ms in per]
    treaty = ctx.rules.treaty_parties([(toks, ms) for _, toks, ms in per], v.get(STATES_PARTIES))
    per = [(p, toks, ms) for (p, toks, _), ms in zip(per, treaty, strict=True)]
    doc = _Doc(country(title))
    about = ctx.regimes.country(doc.country, [(toks, ms) for _, toks, ms in per])
    per = [(p, toks, ctx.rules.back_references(toks, ctx.rules.named_before(toks, ctx.regimes.apply(toks, ms, about))))
           for p, toks, ms in per]
    for p, toks, ments in per:
        p.citations = _citations(p, res.body, notes, ctx.gram, res.links)
        p.sdg = list(dict.fromkeys(code for code, _, _ in find_sdg(p.text, ctx.gram)))
        p.provisions = _provisions(p, toks, ments, text, body, ctx, v, res, doc) if p.kind == OPERATIVE else []
        for pr in p.provisions:
            pr.notes += [(m.concept.kind, text[m.start:m.end], "inside the title of a day, a programme ...")
                         for m in titled[p.index] if pr.start <= m.start < pr.end]
        doc.previous = p.provisions or doc.previous
    return res


def _own_president(toks: list[Token], ments: list[Mention], president: ConceptInfo, ctx: _Context) -> list[Mention]:
    """"son président", "su Presidencia", "its President": the presiding officer of the adopting body."""
    if not ctx.president.root:
        return ments
    added = []
    for k, t in enumerate(toks):
        if t.low in ctx.president.root:
            r = ctx.president.longest(toks, k, attr="low")
            if r and not any(m.i < r[0] and k < m.j for m in ments):
                added.append(Mention(president, k, r[0], t.start, toks[r[0] - 1].end, "own-president"))
    return sorted(ments + added, key=lambda m: m.i) if added else ments


def _citations(p: Paragraph, body: str, notes: dict[str, str], gram: dict[str, Any],
               links: dict[str, str] | None = None) -> list[Citation]:
    """The paragraph's citations and its footnotes'. Where the words leave the body to the context (a bare
    "52/13" far down a list) and the source links them to another body's resolution (A/HRC/RES/52/13), the
    link wins over the adopting body's own (A/RES/52/13); words that name the body ("its resolution 53/144")
    keep theirs, since links can be wrong too."""
    links = links or {}
    out = [Citation(links[f.text] if not f.named and _same_number(links.get(f.text), f.symbol) else f.symbol,
                    p.start + f.start, p.start + f.end, f.text) for f in find_citations(p.text, body, gram)]
    for marker in p.footnotes:
        note = notes.get(marker)
        if note:
            out += [Citation(f.symbol, -1, -1, f.text, marker) for f in find_citations(note, body, gram)]
    return out


def _same_number(linked: str | None, read: str) -> bool:
    """Whether a link's symbol names the same numbered document as the one read from the words (the body may
    differ, the number may not): a link that points elsewhere is not taken."""
    if not linked or linked == read:
        return False
    num = re.compile(r"\d+(?:/\d+)*(?:\s*\(\d{4}\))?$")
    a, b = num.search(linked.split("/RES/")[-1].split("/DEC/")[-1]), num.search(read.split("/RES/")[-1].split("/DEC/")[-1])
    return bool(a and b and a.group(0) == b.group(0) and ("/RES/" in linked) == ("/RES/" in read))


def _concept(text: str, m: Mention, method: str | None = None) -> Concept:
    return Concept(m.concept.id, m.concept.label, m.start, m.end, text[m.start:m.end], method or m.how)


def _provisions(p: Paragraph, toks: list[Token], ments: list[Mention], text: str, body: ConceptInfo | None,
                ctx: _Context, v: Vocabulary, res: Resolution, doc: _Doc) -> list[Provision]:
    """A paragraph's provisions, one per clause with its own verb, each read by the steps below: its token
    span, its verb, its addressees, what it is about (rights, groups), and its mandate."""
    if not toks:
        return []
    clauses = ctx.clauses.split(toks, p.end)
    spans = _clause_spans(clauses, toks)
    covered = {k for m in ments for k in range(m.i, m.j)}  # "parties *to* armed conflict" is no complement
    complements = [_complement(toks, c.j, hi, ctx, covered) for c, (_, hi) in zip(clauses, spans, strict=True)]
    out: list[Provision] = []
    for k, (c, (lo, hi)) in enumerate(zip(clauses, spans, strict=True)):
        verb = c.verb
        modality = (verb.modality or "") if verb else ""
        verb_text = text[toks[c.i].start:toks[c.j - 1].end] if verb else \
            (p.verb_text or text[toks[0].start:toks[0].end][:60])
        if verb is None and ctx.clauses.verbs.root:  # (a language without verb labels is said once, in extract)
            res.warnings.append(f"paragraph {p.number or p.index}: verb phrase {verb_text!r} is not in the "
                                f"verbs vocabulary")
        inside = [m for m in ments if lo <= m.i and m.j <= hi]
        rep = _Report()
        slot = _Slot(c, lo, hi, complements[k], toks, inside, ments, ctx, text, rep)
        addressees = [_own_country(x, toks, inside, ctx, doc) for x in
                      _clause_addressees(slot, modality, verb_text, body, out or doc.previous, bool(out))]
        about = _clause_about(slot, k, modality, complements, spans)
        prov = Provision(
            verb=verb.local if verb else slug(p.verb_text or toks[0].low) or "unknown",
            verb_text=verb_text, strength=c.strength, modality=modality, text=text[c.start:c.end],
            start=c.start, end=c.end, addressees=_dedupe(addressees),
            rights=_dedupe([_concept(text, m) for m in about if m.concept.kind == RIGHT]),
            beneficiaries=_dedupe([_concept(text, m) for m in about if m.concept.kind == GROUP]
                                  + _pronoun_groups(slot, out)),
            unmapped=list(dict.fromkeys(rep.unmapped)), notes=rep.notes)
        prov.mandates = mandates_of(prov, verb.local if verb else "", toks, c.i, hi, inside, v, ctx.gram, res.body,
                                    lambda m: _concept(text, m))
        out.append(prov)
    _mandates_past_asides(out, clauses, spans, toks, ments, text, ctx, v, res.body)
    _mandates_of_shared_complements(out, clauses, spans, toks, ments, text, ctx, v, res.body)
    borrow_tasks(out, doc.previous, ctx.gram)
    return out


def _mandates_of_shared_complements(out: list[Provision], clauses: list, spans: list[tuple[int, int]],
                                    toks: list[Token], ments: list[Mention], text: str, ctx: _Context, v: Vocabulary,
                                    body: str) -> None:
    """A request without a complement of its own before another clause that asks someone else ("Requests the
    United Nations Conference on Trade and Development, and invites the International Monetary Fund ..., to
    intensify cooperation ..."): the two share the second's complement, so the first's mandates are read again over
    it, the second's verb and addressees giving no task."""
    for k in range(len(out) - 1):
        prov, nxt = out[k], out[k + 1]
        lo, hi = spans[k]
        nlo, nhi = spans[k + 1]
        if prov.modality == "decision" or not prov.mandates or not nxt.mandates or \
                complement_at(toks, lo, hi, ctx.gram) < hi or \
                toks[nlo - 1].low not in (",", *ctx.gram["mandate_joins"]):
            continue
        marker = complement_at(toks, nlo, nhi, ctx.gram)
        if marker >= nhi:
            continue
        end = clauses[k + 1].end
        wider = replace(prov, text=text[clauses[k].start:end], end=end)
        inside = [m for m in ments if lo <= m.i and m.j <= nhi]
        more = mandates_of(wider, prov.verb if clauses[k].verb else "", toks, lo, nhi, inside, v, ctx.gram, body,
                           lambda m: _concept(text, m), skip=frozenset(range(nlo, marker)))
        if more:
            prov.mandates = more


def _mandates_past_asides(out: list[Provision], clauses: list, spans: list[tuple[int, int]], toks: list[Token],
                          ments: list[Mention], text: str, ctx: _Context, v: Vocabulary, body: str) -> None:
    """A request whose complement goes on after a participle aside that opened a provision of its own (French
    "prie le Secrétaire général de présenter un rapport ..., en tenant compte de ..., et de recommander ..."):
    its mandates are read again over the aside and what follows it, the aside's words up to its comma giving no
    task and no complement, as English and Spanish keep such asides inside the provision. The provisions stay
    as split (their addressees are read as before)."""
    for k, prov in enumerate(out):
        j = k + 1
        while j < len(out) and clauses[j].gerund and not out[j].addressees and not out[j].mandates:
            j += 1
        if not prov.mandates or j == k + 1:
            continue
        c, hi = clauses[k], spans[j - 1][1]
        skip: set[int] = set()
        for g in range(k + 1, j):
            stop = next((x for x in range(clauses[g].i, hi) if toks[x].low in (",", ";")), hi)
            skip.update(range(clauses[g].i, stop))
        end = clauses[j - 1].end
        wider = replace(prov, text=text[c.start:end], end=end)
        inside = [m for m in ments if c.i <= m.i and m.j <= hi]
        more = mandates_of(wider, prov.verb if c.verb else "", toks, c.i, hi, inside, v, ctx.gram, body,
                           lambda m: _concept(text, m), skip=frozenset(skip))
        if len(more) > len(prov.mandates):
            prov.mandates = more


@dataclass
class _Slot:
    """One clause as the addressee rules read it: its verb, token range [lo, hi), complement, mentions."""
    c: Any
    lo: int
    hi: int
    complement: int | None
    toks: list[Token]
    inside: list[Mention]
    ments: list[Mention]
    ctx: _Context
    text: str
    rep: _Report


def _clause_spans(clauses: list, toks: list[Token]) -> list[tuple[int, int]]:
    """Token range [lo, hi) of each clause: up to the next clause, without the tokens past the clause's end."""
    spans = []
    for k, c in enumerate(clauses):
        hi = clauses[k + 1].i if k + 1 < len(clauses) else len(toks)
        while hi > c.i and toks[hi - 1].start >= c.end:
            hi -= 1
        spans.append((c.i, hi))
    return spans


def _clause_addressees(s: _Slot, modality: str, verb_text: str, body: ConceptInfo | None,
                       done: list[Provision], same_paragraph: bool) -> list[Concept]:
    """Who a clause asks: the subjects of "decides that A and B shall ..." or else the adopting body itself for
    a self-binding verb ("Decides"); a pronoun's antecedent ("and encourages them to", "et l'encourage à");
    the actors after an asking verb, up to its complement, and after "and upon"; else the addressees of a
    request embedded in the clause."""
    c, toks, ctx = s.c, s.toks, s.ctx
    if modality in SELF_BINDING and body is not None:
        if c.j < s.hi and toks[c.j].low in ctx.that:
            subjects = _noun_phrase(toks, c.j + 1, s.inside, ctx, s.text, s.rep)
            if subjects and not ctx.rules.passive(toks, c.j + 1, s.hi):
                return subjects
            s.rep.unmapped.clear()
        return [Concept(body.id, body.label, toks[c.i].start, toks[c.j - 1].end, verb_text, "adopting-body")]
    pronoun = ctx.pronoun_phrases.longest(toks, _past_adverbial(toks, c.j, s.hi, ctx), s.hi, attr="low") \
        if c.j < s.hi else None
    if pronoun and pronoun[0] < s.hi and toks[pronoun[0]].low not in ctx.markers | {","}:
        pronoun = None  # a determiner, not a pronoun: "a estos Estados", "ce dernier rapport"
    k = c.j
    if modality in ASKING and not pronoun and c.j < s.hi and toks[c.j].low in ctx.that:
        k = c.j + 2 if c.j + 1 < s.hi and toks[c.j + 1].low == "'" else c.j + 1
        pronoun = ctx.subject_pronouns.longest(toks, k, s.hi, attr="low")  # "recommande qu'ils ..."
        if pronoun and _passive_next(toks, pronoun[0], s.hi, ctx.rules):
            pronoun = None  # "demande qu'ils soient pleinement appliqués": things, not actors
    if modality in ASKING and c.pronoun and c.singular:
        return _singular_antecedent(done, same_paragraph, s)
    if modality in ASKING and (c.pronoun or pronoun):
        plural = c.pronoun or any(t.low in ctx.rules.plural_pronouns for t in toks[k:pronoun[0]])
        if not c.pronoun and any(t.low in ctx.rules.person_pronouns for t in toks[k:pronoun[0]]):
            return _person_antecedent(done, same_paragraph, s)
        return _antecedent(done, same_paragraph, s, plural)
    if modality in ASKING:
        n = len(s.rep.unmapped)
        found = _addressees(toks, c.j, s.complement or s.hi, s.inside, ctx, s.text, s.rep)
        if s.complement is None:  # "calls for an end to ...": no addressee slot, no unknown actor in it
            del s.rep.unmapped[n:]
        return found + _repeated(s)
    return _embedded_request(toks, s.lo, s.hi, s.inside, ctx, s.text, s.rep)


def _past_adverbial(toks: list[Token], k: int, hi: int, ctx: _Context) -> int:
    """Where the object of a verb begins after an adverbial between them ("exhorte à cet égard celles-ci à",
    "demande, à cet égard, à ce dernier de")."""
    a = k + 1 if k < hi and toks[k].low == "," else k
    r = ctx.clauses.adverbials_fwd.longest(toks, a, hi, attr="low") if a < hi else None
    if not r:
        return k
    return r[0] + 1 if r[0] < hi and toks[r[0]].low == "," else r[0]


def _passive_next(toks: list[Token], k: int, hi: int, rules: Rules) -> bool:
    """A passive verb right at toks[k], an adverb allowed after its auxiliary ("soient pleinement appliqués")."""
    for n in range(k, min(hi, k + 3)):
        if toks[n].low in rules.passive_aux:
            return any(t.low.endswith(rules.participles) for t in toks[n + 1:min(hi, n + 3)])
    return False


def _repeated(s: _Slot) -> list[Concept]:
    """"Calls upon States to ..., and upon business enterprises to ...": a second slot of the same verb."""
    toks, rules = s.toks, s.ctx.rules
    if not rules.repeat or s.complement is None:
        return []
    covered = {k for m in s.inside for k in range(m.i, m.j)}
    for k in range(s.complement + 1, s.hi - 1):
        if toks[k].low in rules.repeat and toks[k - 1].low in rules.coord and toks[k - 1].low.isalpha():
            b = _complement(toks, k + 1, s.hi, s.ctx, covered)
            n = len(s.rep.unmapped)
            found = _addressees(toks, k + 1, b, s.inside, s.ctx, s.text, s.rep) if b is not None else []
            if found:
                return found
            del s.rep.unmapped[n:]
    return []


def _own_country(c: Concept, toks: list[Token], inside: list[Mention], ctx: _Context, doc: _Doc) -> Concept:
    """"the Government" of a resolution about one country is that country (its Government, named by it);
    "the Libyan authorities" are Libya's."""
    if c.method not in ("vocabulary", "short-name"):  # ("le Gouvernement" after "Gouvernement de ...": a short name)
        return c
    m = next((m for m in inside if m.start == c.start and m.end == c.end), None)
    if m is None:
        return c
    state = doc.country if ctx.rules.bare_government(toks, m) else None
    adj = ctx.rules.adjective_government(toks, m) if state is None else None
    if adj is not None:
        state = ctx.rules.state_of_adjective(toks[adj].key, doc.country, ctx.states)
    if state is None:
        return c
    return Concept(state.id, state.label, c.start, c.end, c.text, "country")


def _clause_about(s: _Slot, k: int, modality: str, complements: list[int | None],
                  spans: list[tuple[int, int]]) -> list[Mention]:
    """The rights and groups a clause is about; "Calls upon States and encourages non-State actors to ...":
    an asking clause without its own complement shares the next clause's. Left out, with a note: groups
    of the addressee slot (asked to act, not protected), group words that modify a noun ("migrant status"),
    rights named only by a policy noun ("social security measures", "birth registration" with no right
    named in the clause)."""
    about = [m for m in s.inside if m.concept.kind in (RIGHT, GROUP)]
    lo, hi = s.lo, s.hi
    if modality in ASKING and complements[k] is None and k + 1 < len(complements) and complements[k + 1]:
        nlo, hi = complements[k + 1], spans[k + 1][1]
        about += [m for m in s.ments if nlo <= m.i and m.j <= hi and m.concept.kind in (RIGHT, GROUP)]
    starts = {m.i for m in s.ments}
    acting = s.ctx.rules.acting_groups(s.toks, s.c.j, s.lo, s.hi, s.inside, modality in PRAISING)
    kept = []
    for m in about:
        why = acting.get(id(m)) or _left_out(s, m, starts, lo, hi)
        if why:
            s.rep.notes.append((m.concept.kind, s.text[m.start:m.end], why))
        else:
            kept.append(m)
    return kept


def _left_out(s: _Slot, m: Mention, starts: set[int], lo: int, hi: int) -> str:
    """Why a right or group mention is not a right or beneficiary of its clause ("" when it is). A group of
    an addressee phrase is asked to act, unless it completes a noun ("organizations *of* persons with
    albinism": the people the organizations stand for)."""
    rules, toks = s.ctx.rules, s.toks
    if (m.concept.kind == GROUP and any(a <= m.i and m.j <= b for a, b in s.rep.slots)
            and not (m.i > 0 and toks[m.i - 1].low in s.ctx.links)):
        return "named among those asked to act"
    if rules.described_instrument(toks, m, lo):
        return "in the description of an instrument"
    if rules.modifier(toks, m, starts):
        return f"modifies the noun {toks[m.j].low!r}"
    if m.concept.kind == RIGHT and rules.policy_noun(toks, m, lo, hi):
        return "a policy noun: no right or freedom is named in the clause"
    return ""


def _antecedent(done: list[Provision], same_paragraph: bool, s: _Slot, plural: bool) -> list[Concept]:
    """What a pronoun addressee stands for: the addressees of the clause before (in this paragraph, or the
    last of the paragraph before when the pronoun opens the paragraph); else the actors that clause names
    ("Welcomes the work of the Special Rapporteur, and invites *him*"): all of them for "them", the last
    one for "it"; else the last actor named before it in the paragraph."""
    # the adopting body is never the antecedent: "Decides to invite representatives of the Committee ..., and
    # invites *them* to submit input" asks those it invited, not the Council
    if done and done[-1].addressees and any(c.method != "adopting-body" for c in done[-1].addressees):
        return [_as(c, "pronoun") for c in done[-1].addressees]
    own = {c.id for c in done[-1].addressees if c.method == "adopting-body"} if done else set()
    if own:  # nor, after the body's decision, an actor the clause names itself ("input *to the working group*")
        own |= {m.concept.id for m in s.ments if s.lo <= m.i and m.j <= s.hi and m.concept.kind == ACTOR}
    before = [m for m in s.ments if m.j <= s.lo and m.concept.kind == ACTOR and m.concept.id not in own]
    if same_paragraph and done:
        obj = _object_actors(done[-1], s)
        if obj:  # "Congratulates the States parties to the treaties of X and Y, and calls upon them"
            return [_as(c, "pronoun") for c in (obj if plural else obj[-1:])]
        named = [m for m in before if done[-1].start <= m.start and m.end <= done[-1].end]
        if named:
            return _dedupe([_concept(s.text, m, "pronoun") for m in (named if plural else named[-1:])])
    return [_concept(s.text, before[-1], "pronoun")] if before else []


def _singular_antecedent(done: list[Provision], same_paragraph: bool, s: _Slot) -> list[Concept]:
    """"et *lui* demande", "et *l'*encourage": a singular clitic stands for one actor named with a singular
    noun phrase: asked by the clause before, or named there ("Salue les efforts de l'Office pour aider les
    États Membres, et lui demande": the Office), or asked by an earlier clause of the paragraph, or else the
    last one named before; never a plural one ("les États"), so none when no singular actor is named."""
    at = {t.start: k for k, t in enumerate(s.toks)}
    one = s.ctx.rules.singular_at

    def singular(cs: list[Concept]) -> list[Concept]:
        return [c for c in cs if c.method != "adopting-body" and c.start in at and one(s.toks, at[c.start])]

    if done and singular(done[-1].addressees):
        return [_as(c, "pronoun") for c in singular(done[-1].addressees)]
    before = [m for m in s.ments if m.j <= s.lo and m.concept.kind == ACTOR and one(s.toks, m.i)]
    if same_paragraph and done:
        obj = singular(_object_actors(done[-1], s))
        named = [m for m in before if done[-1].start <= m.start and m.end <= done[-1].end]
        if obj or named:
            return [_as(obj[-1], "pronoun")] if obj else [_concept(s.text, named[-1], "pronoun")]
        asked = next((singular(p.addressees) for p in reversed(done[:-1]) if singular(p.addressees)), [])
        if asked:
            return [_as(c, "pronoun") for c in asked]
    return [_concept(s.text, before[-1], "pronoun")] if before else []


def _object_actors(prev: Provision, s: _Slot) -> list[Concept]:
    """The actors the clause `prev` names as the object of its verb ("Welcomes *the States parties and
    signatories* to the treaties of ..."), not those inside its complements; none when the object is a thing
    ("Welcomes the efforts of X")."""
    verb_end = prev.start + len(prev.verb_text)
    a = next((k for k, t in enumerate(s.toks) if t.start >= verb_end), None)
    if a is None or s.toks[a].start >= prev.end:
        return []
    return [c for c in _noun_phrase(s.toks, a, s.ments, s.ctx, s.text) if c.end <= prev.end]


def _person_antecedent(done: list[Provision], same_paragraph: bool, s: _Slot) -> list[Concept]:
    """"him", "her": the office holder the clause before asks (or else the last one named before the pronoun
    in the paragraph), not the nearest body ("Welcomes the initiatives of the Secretary-General to improve
    peacekeeping operations ..., and calls on him to ..."); with no person named, the rule for "it"."""
    person = s.ctx.rules.person
    asked = [c for c in done[-1].addressees if person(c.label)] if done else []
    if asked:
        return [_as(asked[-1], "pronoun")]
    before = [m for m in s.ments if m.j <= s.lo and m.concept.kind == ACTOR and person(m.concept.label)]
    if before:
        return [_concept(s.text, before[-1], "pronoun")]
    return _antecedent(done, same_paragraph, s, False)


def _pronoun_groups(s: _Slot, done: list[Provision]) -> list[Concept]:
    """"Recognizes that older women ... require special attention, and encourages States to support *them*",
    "Recognizes the contributions of children ..., and expresses concern about the threats *they* face": a plural
    pronoun after the verb (and its addressees) stands for the groups of the clause before, in the same
    paragraph, when that clause names groups and no actor."""
    toks, words = s.toks, s.ctx.rules.group_pronouns
    if not done or not done[-1].beneficiaries or not words:
        return []
    before = done[-1]
    if any(m.concept.kind == ACTOR and before.start <= m.start and m.end <= before.end for m in s.ments):
        return []
    c = s.complement
    start = c + 1 if c is not None and toks[c].low not in (";", ":") else s.c.j
    if not any(toks[k].low in words for k in range(start, s.hi)):
        return []
    return [_as(c, "pronoun") for c in before.beneficiaries]


def _as(c: Concept, method: str) -> Concept:
    return Concept(c.id, c.label, c.start, c.end, c.text, method)



def _complement(toks: list[Token], a: int, b: int, ctx: _Context, covered: set[int] = frozenset()) -> int | None:
    """Token index of the complement marker after the addressee phrase ("to" + infinitive), if any."""
    m = a - 1
    while m + 1 < b:
        m += 1
        if m in covered:
            continue
        low = toks[m].low
        if low in ctx.conditions.root:  # "selon qu'il conviendra": its "qu'" opens no complement
            r = ctx.conditions.longest(toks, m, b, attr="low")
            if r:
                m = r[0] - 1
                continue
        if low in (";", ":"):
            return m
        if low in ctx.markers and m > a:
            if (toks[m - 1].low, low) in ctx.rules.joiner_pairs:
                continue  # "ainsi que la société civile": the list goes on
            if low in ctx.that:
                return m
            n = m + 1
            if n < len(toks) and toks[n].low == "'":  # "d'appliquer"
                n += 1
            nxt = toks[n].low if n < len(toks) else ""
            if n in covered and toks[n].upper:
                continue  # a name, not an infinitive: "al Gobierno *de* Sudán del Sur a que ..."
            if nxt and nxt not in ctx.non_inf and nxt[:1].isalpha() and ctx.rules.infinitive(toks, n):
                return m
    return None


def _addressees(toks: list[Token], a: int, b: int, inside: list[Mention], ctx: _Context, text: str,
                rep: _Report | None = None) -> list[Concept]:
    """Actors named between the verb (ending at token a) and the complement (token b), partners excluded.
    Conjuncts that name no actor are reported in `rep`, and the others kept."""
    rep = rep if rep is not None else _Report()
    if a < len(toks) and toks[a].low in ctx.that:
        return _noun_phrase(toks, a + 1, inside, ctx, text, rep)
    if a + 1 < len(toks) and toks[a].low in ctx.markers and toks[a + 1].low in ctx.that:
        return _noun_phrase(toks, a + 2, inside, ctx, text, rep)  # "Reafirma su solicitud de que X ..."
    excluded, b = _excluded(toks, a, b, ctx)
    covered = {k for m in inside for k in range(m.i, m.j)}
    found = []
    for m in inside:
        if not (a <= m.i and m.j <= b and m.concept.kind == ACTOR and m.i not in excluded) or _is_place(toks, m, ctx):
            continue
        if ctx.rules.member_of(toks, m, covered) or ctx.rules.embedded(toks, m, a, b, covered):
            rep.notes.append((ACTOR, text[m.start:m.end], "part of a longer name the vocabularies lack"))
            covered -= set(range(m.i, m.j))
            continue
        if ctx.rules.negated(toks, m):
            rep.notes.append((ACTOR, text[m.start:m.end], "what the addressees are not"))
            continue
        if ctx.rules.name_before_noun(toks, m, a, covered) or ctx.rules.owner_of_thing(toks, m, a):
            rep.notes.append((ACTOR, text[m.start:m.end], "names whose the thing after it is"))
            continue
        found.append(m)
    found = _modifiers_dropped(toks, _organs_not_states(toks, found), ctx)
    if found and not _leads_to(toks, a, found[0].i, excluded, ctx):
        rep.notes += [(ACTOR, text[m.start:m.end], "not in the addressee phrase") for m in found]
        return []  # "urges the release of persons detained ... by States": no one is addressed
    rep.unmapped += ctx.rules.unmapped(toks, a, b, covered, excluded, text)
    if found:
        rep.slots.append((a, b))
    return _dedupe([_concept(text, m) for m in _drop_appositions(toks, found, ctx)])


def _excluded(toks: list[Token], a: int, b: int, ctx: _Context) -> tuple[set[int], int]:
    """Tokens of partner phrases (which run to the complement: "in cooperation with X, Y and Z, to ...") and
    of conditions (which run to the next comma: "as appropriate,"), and the end of the slot before partners."""
    excluded: set[int] = set()
    for k in range(a, b):
        if ctx.partners.longest(toks, k, b, attr="low"):
            excluded.update(range(k, b))
            b = k
            break
    for k in range(a + 1, b):
        # "aux États d'Afrique qui n'ont pas encore ratifié la Convention X,", "les États Membres souhaitant
        # accueillir ..."; "organizations not currently contributing to the Agency"
        if ctx.rules.relative_at(toks, k):
            excluded.update(range(k, ctx.rules.adjunct_end(toks, k, b)))
        elif ctx.rules.negated_participle(toks, k, b):
            e = k
            while e < b and toks[e].low != ",":
                e += 1
            excluded.update(range(k, e))
    k = a
    while k < b:
        r = ctx.conditions.longest(toks, k, b, attr="low")
        if not r and k > a and ctx.rules.opens_adjunct(toks, k):
            r = (k + 1, None)  # ", during the debate on the report of X,": an adjunct, not an addressee
        if r:
            e = r[0]
            while e < b and toks[e].low != ",":
                e += 1
            excluded.update(range(k, e))
            k = e
        else:
            k += 1
    return excluded, b



ARMED_FORCES = VOCAB_NS + "actors/armed-forces"
_OF = {"of", "the", "de", "du", "des", "la", "l", "del", "los", "las", "'", "’"}


def _organs_not_states(toks: list[Token], found: list[Mention]) -> list[Mention]:
    """"the Myanmar military", "the armed forces of Myanmar": the armed forces are addressed, and the State
    that names them is not (an actor of their own, under States in the vocabulary)."""
    forces = [m for m in found if m.concept.id == ARMED_FORCES]
    if not forces:
        return found

    def names_forces(s: Mention) -> bool:
        for f in forces:
            if s.j == f.i:  # "Myanmar military"
                return True
            if f.j <= s.i <= f.j + 3 and all(toks[k].low in _OF for k in range(f.j, s.i)):  # "armed forces of the Sudan"
                return True
        return False

    return [m for m in found if not (m.concept.id.startswith(STATES_NS) and names_forces(m))]


def _modifiers_dropped(toks: list[Token], found: list[Mention], ctx: _Context) -> list[Mention]:
    """Actors that only qualify another actor of the same conjunct: "the administering Power of each Territory on
    the agenda *of the Special Committee*" (a chain of complements with other nouns in it, no coordination);
    "all concerned *United Nations system entities*", "all concerned *individuals*" (a common noun phrase right
    before a name, or one ending in a participle before a noun: "donor community" stays donors). A State named by "the Government of X" is left to `_drop_appositions`;
    "specialized agencies of the United Nations system" (the complement right after the actor) keeps both."""
    out = []
    for k, m in enumerate(found):
        nxt = found[k + 1] if k + 1 < len(found) else None
        if (nxt is not None and nxt.i == m.j and not toks[m.j - 1].upper and toks[nxt.i].upper) \
                or (toks[m.j - 1].low.endswith("ed") and ctx.rules.before_noun(toks, m, set())):
            continue  # "all concerned United Nations entities", "all concerned individuals": the words qualify
        prev = out[-1] if out else None
        if prev is not None and not m.concept.id.startswith(STATES_NS) and _in_complement(toks, prev.j, m.i, ctx):
            continue
        out.append(m)
    return out


def _in_complement(toks: list[Token], a: int, b: int, ctx: _Context) -> bool:
    """toks[a:b] (between two actors) is a chain of complements of the first ("of each Territory on the agenda
    of"): it starts with a link, holds another noun, and no coordination or punctuation."""
    if a >= b or toks[a].low not in ctx.links:
        return False
    words = toks[a:b]
    if any(t.low in ctx.rules.coord or not t.low[:1].isalnum() for t in words):
        return False
    return any(t.low not in ctx.fillers and t.low not in ctx.links and t.low not in ctx.rules.fillers
               and t.low not in ctx.rules.links for t in words)


def _is_place(toks: list[Token], m: Mention, ctx: _Context) -> bool:
    """A State named as a place: "business enterprises operating in Myanmar", "refugees from Myanmar"."""
    return m.concept.id.startswith(STATES_NS) and m.i > 0 and toks[m.i - 1].low in ctx.places


def _leads_to(toks: list[Token], a: int, first: int, excluded: set[int], ctx: _Context) -> bool:
    """The addressee phrase starts the complement: only fillers (or a short noun phrase + link word such as
    "the attention of") stand between the verb (ending at token a) and the first actor (at token `first`),
    or whole conjuncts that name an actor the vocabularies lack ("the Open Society Network, States and ...")."""
    cuts = [k for k in range(a, first) if toks[k].low in ctx.rules.coord and k not in excluded]
    start = a
    for cut in cuts:
        if not _unknown_conjunct(toks, start, cut, excluded, ctx):
            break
        start = cut + 1
    lead = next((k for k in range(start, first) if k not in excluded and toks[k].low not in ctx.fillers), None)
    if start > a and lead is not None and toks[lead].low in ctx.rules.adjunct:
        return False  # "delegations, during the debate on the report of the Commission, to"
    words = 0
    linked = False
    for k in range(start, first):
        low = toks[k].low
        if low in ctx.rules.recipients and words and k not in excluded and ctx.rules.thing_before(toks, a, k):
            return False  # "Invites voluntary contributions *to* the Mission": whom the thing goes to
        if k in excluded or low in ctx.fillers:
            continue
        if low in ctx.links and words and not linked:
            linked = True
            continue
        if linked or words >= 3:
            return False
        words += 1  # "shipping industry stakeholders", "the attention of"
    return True


def _unknown_conjunct(toks: list[Token], a: int, b: int, excluded: set[int], ctx: _Context) -> bool:
    """toks[a:b] reads as the name of an actor: a capitalised name ("the Open Society Network of Friends"), or
    a plural noun of at most three words ("political leaders"), not an adjunct nor a noun with a complement
    ("the granting of full [access]", "respect [and protection]")."""
    words = [k for k in range(a, b) if k not in excluded and toks[k].low not in ctx.fillers]
    if not words or toks[words[0]].low in ctx.rules.adjunct:
        return bool(not words)
    if toks[words[0]].upper:
        return True
    if toks[words[0]].low.endswith(("ing", "ed")):
        return False  # "delivering weapons": a participle, no name
    last = toks[words[-1]].low
    return (len(words) <= 3 and not any(toks[k].low in ctx.links for k in words)
            and (last.endswith("s") or last in ctx.rules.plurals))


def _drop_appositions(toks: list[Token], found: list[Mention], ctx: _Context) -> list[Mention]:
    """"Israel, the occupying Power, ...": a role set off by commas after a named State is not a second actor,
    unless the list goes on with another actor right after it ("Morocco, the Frente POLISARIO, Algeria and
    Mauritania": items of one list); "the Government of Haiti" (or "of the Sudan") is Haiti."""
    out = []
    for k, m in enumerate(found):
        nxt = found[k + 1] if k + 1 < len(found) else None
        if (nxt is not None and nxt.concept.id.startswith(STATES_NS) and toks[m.j].low in ctx.links
                and (nxt.i == m.j + 1 or (nxt.i == m.j + 2 and toks[m.j + 1].low in ctx.definite))):
            continue
        prev = out[-1] if out else None
        listed = nxt is not None and (nxt.i == m.j + 1 or (nxt.i == m.j + 2 and toks[m.j + 1].low in ctx.definite))
        if (prev is not None and prev.concept.id.startswith(STATES_NS) and m.i >= 2
                and toks[m.i - 1].low in ctx.definite and toks[m.i - 2].low == "," and m.i - 2 == prev.j
                and m.j < len(toks) and toks[m.j].low == "," and not listed):
            continue
        if (prev is not None and prev.concept.id.startswith(STATES_NS) and not m.concept.id.startswith(STATES_NS)
                and m.i >= 1 and toks[m.i - 1].low == "," and m.i - 1 == prev.j and m.j < len(toks)
                and toks[m.j].low == "," and not toks[m.j - 1].low.endswith("s")):
            continue  # "Israël, Puissance occupante, de ...": a role without article, which is singular ("Myanmar,
            # Member States, judicial authorities and ...": items of one list)
        out.append(m)
    return out


def _noun_phrase(toks: list[Token], a: int, ments: list[Mention], ctx: _Context, text: str,
                 rep: _Report | None = None) -> list[Concept]:
    """Actors of the coordinated noun phrase starting at token a ("that Israel, the occupying Power, ...",
    "that States, X and civil society, including Y, ensure"): a conjunct that names no actor is reported
    and passed over when a known actor follows it."""
    covered = {k for m in ments for k in range(m.i, m.j)}
    by_start = {m.i: m for m in ments if m.concept.kind == ACTOR and not ctx.rules.before_noun(toks, m, covered)}
    found = []
    a = _past_adjunct(toks, a, ctx)
    k = a
    while k < len(toks):
        m = by_start.get(k)
        if m:
            found.append(m)
            k = m.j
        elif toks[k].low in ctx.fillers:
            k += 1
        else:
            nxt = _next_conjunct(toks, k, by_start, ctx)
            if nxt is None:
                break
            if rep is not None:
                rep.unmapped.append(text[toks[k].start:toks[nxt[0] - 1].end])
            k = nxt[1]
    kept = {id(m) for m in _drop_appositions(toks, found, ctx)}
    if found and rep is not None:
        rep.slots.append((a, found[-1].j))
    return _dedupe([_concept(text, m) for m in found if id(m) in kept])


def _past_adjunct(toks: list[Token], a: int, ctx: _Context) -> int:
    """Where the subjects of a "that" clause begin: after an adjunct set off before them ("que, dans le cadre des
    efforts qu'ils déploient, les États ...", "qu'en application des résolutions du Conseil, Israël ...")."""
    if a < len(toks) and toks[a].low == "'":
        a += 1  # "qu'en application de ..."
    if a >= len(toks):
        return a
    low = toks[a].low
    if low != "," and (ctx.rules.english_order or low not in ctx.rules.parenthetical | ctx.places):
        return a
    for k in range(a + 1, min(len(toks), a + 40)):
        if toks[k].low in (";", ":"):
            break
        if toks[k].low == ",":
            return k + 1
    return a


def _next_conjunct(toks: list[Token], k: int, actors: dict[int, Mention], ctx: _Context) -> tuple[int, int] | None:
    """(end of the unknown conjunct at toks[k], start of the known actor after it), when one follows after a
    coordination within a few words; None when the words at toks[k] end the noun phrase."""
    e = k
    while e < len(toks) and e - k < 6 and toks[e].low not in ctx.rules.coord:
        if toks[e].low in (";", ":") or e in actors:
            return None
        e += 1
    if e == k or e >= len(toks) or toks[e].low not in ctx.rules.coord or not _unknown_conjunct(toks, k, e, set(), ctx):
        return None
    n = e
    while n < len(toks) and toks[n].low in ctx.fillers:
        n += 1
    return (e, n) if n in actors else None


def _embedded_request(toks: list[Token], lo: int, hi: int, inside: list[Mention], ctx: _Context,
                      text: str, rep: _Report | None = None) -> list[Concept]:
    """Addressees of a request inside a declaratory provision ("reiterates its strong call upon States to")."""
    if lo >= hi:
        return []
    seg_start, seg_end = toks[lo].start, toks[hi - 1].end
    m = re.search(ctx.gram["embedded_request"], text[seg_start:seg_end], re.I)
    if not m:
        return []
    at = seg_start + m.end()
    a = next((k for k in range(lo, hi) if toks[k].start >= at), hi)
    covered = {k for m in inside for k in range(m.i, m.j)}
    b = _complement(toks, a, hi, ctx, covered) or min(hi, a + 12)
    return [_as(c, "embedded-request") for c in _addressees(toks, a, b, inside, ctx, text, rep)]



def _dedupe(cs: list[Concept]) -> list[Concept]:
    seen: set[str] = set()
    out = []
    for c in cs:
        if c.id not in seen:
            seen.add(c.id)
            out.append(c)
    return out
