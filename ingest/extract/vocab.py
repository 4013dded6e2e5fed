"""The vocabularies extraction reads (ontology/vocab/*.ttl), loaded once, with matchers per language.

Concepts are sorted by their unkg class (OperativeVerb, VerbModifier, Actor, Right, AffectedGroup,
Instrument ...; the scheme IRI as a fallback). Labels (skos:prefLabel, altLabel, hiddenLabel) are indexed per
language in a token trie; untagged labels count for every language. Operative verbs are matched on their
altLabels only (the phrases as printed): prefLabels are lemmas ("support", "note") that also occur as plain
words inside clauses. (A capitalised prefLabel is a printed phrase and counts.) Instruments are indexed with the mentions so that the longest match keeps "International
Covenant on Civil and Political Rights" from reading as the right "civil and political rights".
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Iterable

from rdflib import RDF, SKOS, Graph, URIRef

from unkg.config import VOCAB_NS
from unkg.ingest.extract.tokens import Trie, keys, lows
from unkg.iris import slug

UNKG = "https://w3id.org/unkg/ontology#"
ACTOR, RIGHT, GROUP, INSTRUMENT, VERB, MODIFIER, OPENER = (
    "actor", "right", "group", "instrument", "verb", "modifier", "opener")
_KIND_BY_CLASS = {
    "Actor": ACTOR, "MemberState": ACTOR, "State": ACTOR, "Country": ACTOR, "Right": RIGHT,
    "AffectedGroup": GROUP, "Instrument": INSTRUMENT, "InstrumentArticle": INSTRUMENT,
    "OperativeVerb": VERB, "VerbModifier": MODIFIER, "PreambularOpener": OPENER,
}
_KIND_BY_SCHEME = {"actors": ACTOR, "states": ACTOR, "rights": RIGHT, "groups": GROUP,
                   "instruments": INSTRUMENT}
MENTION_KINDS = (ACTOR, RIGHT, GROUP, INSTRUMENT)
STATES = VOCAB_NS + "states/"


@dataclass
class ConceptInfo:
    id: str
    kind: str
    local: str  # IRI local name: "call-upon"
    label: str  # English prefLabel (or the local name when there is none)
    strength: int | None = None
    modality: str | None = None  # local name of the modality concept
    delta: int = 0  # strengthDelta of a verb modifier
    broader: list[str] = field(default_factory=list)


class Vocabulary:
    """Concepts and per-language tries over their labels."""

    def __init__(self, graph: Graph):
        self.concepts: dict[str, ConceptInfo] = {}
        self._labels: dict[str, list[tuple[str, str, bool]]] = {}  # id -> [(label, lang, is_pref)]
        self._tries: dict[tuple[str, str], Trie] = {}
        self._read(graph)

    # -- loading
    def _read(self, g: Graph) -> None:
        prop = lambda s, name: g.value(s, URIRef(UNKG + name))  # noqa: E731
        # sorted: a label of two concepts (an actor and a group) must resolve alike in every run
        for s in sorted(set(g.subjects(RDF.type, SKOS.Concept))):
            if not isinstance(s, URIRef):
                continue
            iri = str(s)
            kind = None
            for t in g.objects(s, RDF.type):
                t = str(t)
                if t.startswith(UNKG) and t[len(UNKG):] in _KIND_BY_CLASS:
                    kind = _KIND_BY_CLASS[t[len(UNKG):]]
                    break
            if kind is None and iri.startswith(VOCAB_NS):
                kind = _KIND_BY_SCHEME.get(iri[len(VOCAB_NS):].split("/")[0])
            if kind is None:
                continue
            labels = []
            en = None
            for p, pref in ((SKOS.prefLabel, True), (SKOS.altLabel, False), (SKOS.hiddenLabel, False)):
                for lit in g.objects(s, p):
                    lang = getattr(lit, "language", None) or ""
                    labels.append((str(lit), lang, pref))
                    if pref and lang in ("en", "") and (en is None or lang == "en"):
                        en = str(lit)
            local = iri.rstrip("/").rsplit("/", 1)[-1]
            strength, delta, modality = prop(s, "strength"), prop(s, "strengthDelta"), prop(s, "modality")
            self.concepts[iri] = ConceptInfo(
                iri, kind, local, en or local,
                int(strength) if strength is not None else None,
                str(modality).rstrip("/").rsplit("/", 1)[-1] if modality is not None else None,
                int(delta) if delta is not None else 0,
                [str(b) for b in g.objects(s, SKOS.broader)],
            )
            self._labels[iri] = labels

    @classmethod
    def from_files(cls, paths: Iterable[Path | str]) -> "Vocabulary":
        g = Graph()
        for p in paths:
            g.parse(str(p), format="turtle")
        return cls(g)

    # -- matchers
    def trie(self, what: str, language: str) -> Trie:
        """what: 'verbs', 'modifiers' or 'mentions' (actors, rights, groups, instruments)."""
        k = (what, language)
        t = self._tries.get(k)
        if t is None:
            t = self._tries[k] = self._build(what, language)
        return t

    def labels_of(self, iri: str) -> list[tuple[str, str, bool]]:
        """The concept's labels as (label, language, is it the prefLabel); none for an unknown IRI."""
        return self._labels.get(iri, [])

    def _build(self, what: str, language: str) -> Trie:
        kinds = {"verbs": (VERB,), "modifiers": (MODIFIER,), "mentions": MENTION_KINDS, "openers": (OPENER,)}[what]
        t = Trie()
        for iri, labels in self._labels.items():
            c = self.concepts[iri]
            if c.kind not in kinds:
                continue
            # Names of States: the English ones also serve French and Spanish text, where many read alike
            # ("Myanmar", "Burundi"); the French and Spanish ones only their own language.
            proper = iri.startswith(STATES)
            for label, lang, pref in labels:
                if lang not in (language, "") and not (proper and lang == "en"):
                    continue
                if c.kind == VERB and pref and not label[:1].isupper():
                    continue  # a lemma ("support", "décider"), not a phrase as printed ("Se félicite")
                # verbs are matched as printed (lower case): plural folding would read "supports" as "support"
                t.add(lows(label) if c.kind in (VERB, MODIFIER, OPENER) else keys(label), iri)
        return t

    def opener_verb(self, opener_iri: str, loose: bool = False) -> ConceptInfo | None:
        """The operative verb whose English participle is the opener's English label ("Recognizing" ->
        recognize): so that "tout en reconnaissant" (a French participle the verbs scheme lacks, the openers
        scheme has) still names the verb. `loose`: else the verb that the label's longest beginning names
        ("Stressing the need" -> stress)."""
        cache = self.__dict__.setdefault("_opener_verbs", {})
        key = (opener_iri, loose)
        if key not in cache:
            verbs = self.trie("verbs", "en")
            found = None
            for label, lang, _ in self._labels.get(opener_iri, ()):
                if lang in ("en", ""):
                    # the longest beginning of the participle phrase that names a verb: "Stressing the need"
                    # -> "stressing" (stress), "Recognizing with concern" -> "recognizing"
                    ws = lows(label)
                    for n in range(len(ws), 0 if loose else len(ws) - 1, -1):
                        node = verbs.node(ws[:n])
                        vals = node.get(Trie._END) if node else None
                        if vals:
                            found = self.concepts[vals[0]]
                            break
                    if found is not None:
                        break
            cache[key] = found
        return cache[key]

    # -- lookups
    def get(self, iri: str) -> ConceptInfo | None:
        return self.concepts.get(iri)

    def ancestors(self, iri: str) -> list[str]:
        out, todo = [], list(self.concepts[iri].broader) if iri in self.concepts else []
        while todo:
            b = todo.pop()
            if b not in out:
                out.append(b)
                todo.extend(self.concepts[b].broader if b in self.concepts else [])
        return out

    def resolve_label(self, label: str, kinds: tuple[str, ...] = MENTION_KINDS, language: str = "en") -> str | None:
        """The concept whose label (in `language`) is exactly `label` (case- and plural-insensitive)."""
        verbs = kinds == (VERB,)
        t = self.trie("verbs" if verbs else "mentions", language)
        node = t.node(lows(label) if verbs else keys(label))
        vals = node.get(Trie._END) if node else None
        for v in vals or []:
            if self.concepts[v].kind in kinds:
                return v
        return None

    def body_actor(self, body: str) -> ConceptInfo:
        """The adopting body as an actor concept: actors/{slug(body)} (from the vocabulary when it has it)."""
        iri = f"{VOCAB_NS}actors/{slug(body)}"
        return self.concepts.get(iri) or ConceptInfo(iri, ACTOR, slug(body), body)


def vocab_files() -> list[Path]:
    """The vocabulary files shipped as package data (unkg.ontology.vocab)."""
    root = files("unkg.ontology.vocab")
    return sorted(Path(str(p)) for p in root.iterdir() if p.name.endswith(".ttl"))


@lru_cache(maxsize=1)
def load() -> Vocabulary:
    """The package's vocabularies, parsed once per process."""
    return Vocabulary.from_files(vocab_files())
