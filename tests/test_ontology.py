"""The OWL ontology and its vocabularies: they load, HermiT finds them consistent, and every term is declared,
labelled, defined and (for the core model) aligned to the standards of the field."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import rdflib
from rdflib import OWL, RDF, RDFS, URIRef
from rdflib.namespace import SKOS

from unkg import ontology
from unkg.config import ONTOLOGY_NS
from unkg.ingest.validate import shapes_graph

# The datatypes of the OWL 2 datatype map that HermiT accepts in literals and ranges.
OWL2_DATATYPES = {str(URIRef(f"http://www.w3.org/2001/XMLSchema#{t}")) for t in (
    "string integer int long short byte decimal double float boolean nonNegativeInteger positiveInteger "
    "nonPositiveInteger negativeInteger unsignedLong unsignedInt unsignedShort unsignedByte anyURI "
    "base64Binary hexBinary dateTime dateTimeStamp normalizedString token language Name NCName NMTOKEN").split()} | {
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString", "http://www.w3.org/1999/02/22-rdf-syntax-ns#PlainLiteral",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#XMLLiteral", "http://www.w3.org/2000/01/rdf-schema#Literal",
    "http://www.w3.org/2002/07/owl#real", "http://www.w3.org/2002/07/owl#rational"}
ALIGNED = {  # core classes and the external terms they must be aligned to (subclass or close match)
    "Resolution": {"http://data.europa.eu/eli/ontology#LegalResource", "https://w3id.org/un/ontology/undo/Resolution"},
    "ResolutionExpression": {"http://data.europa.eu/eli/ontology#LegalExpression"},
    "Paragraph": {"http://data.europa.eu/eli/ontology#LegalResourceSubdivision"},
    "SubParagraph": {"http://data.europa.eu/eli/ontology#LegalResourceSubdivision"},
    "Provision": {"http://data.europa.eu/2qy/rrmv#Action", "http://www.w3.org/ns/odrl/2/Duty",
                  "http://www.estrellaproject.org/lkif-core/norm.owl#Obligation"},
    "Mandate": {"http://data.europa.eu/2qy/rrmv#Action"},
    "Actor": {"http://data.europa.eu/2qy/rrmv#Agent"},
}
AGREED = ["Actor", "State", "UNBody", "ActorGroup", "Right", "AffectedGroup", "OperativeVerb", "PreambularOpener",
          "Modality", "VerbModifier", "Instrument", "InstrumentArticle", "strength", "modality", "strengthDelta",
          "statedIn", "iso3166Alpha3", "iso3166Alpha2"]


@pytest.fixture(scope="module")
def onto() -> rdflib.Graph:
    return ontology.ontology_graph()


@pytest.fixture(scope="module")
def vocab() -> rdflib.Graph:
    return ontology.vocab_graph()


def _terms(g: rdflib.Graph, *kinds: URIRef) -> set[URIRef]:
    return {s for k in kinds for s in g.subjects(RDF.type, k) if str(s).startswith(ONTOLOGY_NS)}


def test_ontology_header(onto):
    o = URIRef(ontology.ONTOLOGY_IRI)
    assert (o, RDF.type, OWL.Ontology) in onto
    assert onto.value(o, OWL.versionInfo) is not None
    assert not list(onto.objects(o, OWL.imports))  # external terms are declared, so it loads offline


def test_agreed_terms_are_declared(onto):
    declared = {str(t)[len(ONTOLOGY_NS):] for t in _terms(onto, OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)}
    assert set(AGREED) <= declared, set(AGREED) - declared


def test_every_term_is_labelled_and_defined(onto):
    terms = _terms(onto, OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    assert len(terms) >= 60
    for t in terms:
        assert onto.value(t, RDFS.label), f"{t} has no rdfs:label"
        assert onto.value(t, SKOS.definition) or onto.value(t, RDFS.comment), f"{t} has no definition"


def test_core_classes_are_aligned(onto):
    for local, targets in ALIGNED.items():
        t = URIRef(ONTOLOGY_NS + local)
        linked = {str(o) for p in (RDFS.subClassOf, SKOS.closeMatch, SKOS.exactMatch) for o in onto.objects(t, p)}
        assert targets <= linked, f"unkg:{local} lacks alignment to {targets - linked}"
    assert (URIRef(ONTOLOGY_NS + "adoptedBy"), RDFS.subPropertyOf,
            URIRef("http://data.europa.eu/eli/ontology#passed_by")) in onto


def _used_terms(g: rdflib.Graph) -> set[URIRef]:
    used = set()
    for _s, p, o in g:
        used.add(p)
        if p == RDF.type:
            used.add(o)
    return {t for t in used if isinstance(t, URIRef)}


def test_every_term_used_in_vocabularies_and_every_unkg_term_in_shapes_is_declared(onto, vocab):
    """The vocabularies are reasoned over with the ontology, so OWL 2 DL needs each term they use declared;
    the shapes describe data, so only their unkg terms must be (external data-only terms stay undeclared)."""
    declared = {s for s, _, _ in onto if isinstance(s, URIRef)}
    shape_terms = set()
    sg = shapes_graph()
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    for prop in (sh.targetClass, sh.path, sh["class"], sh.targetSubjectsOf, sh.lessThan, sh.lessThanOrEquals,
                 sh.hasValue):
        for o in sg.objects(None, prop):
            shape_terms.add(o)
    for node in list(sg.all_nodes()):  # terms inside path lists and sh:in lists
        if isinstance(node, URIRef):
            shape_terms.add(node)
    builtin = ("http://www.w3.org/ns/shacl#", "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
               "http://www.w3.org/2000/01/rdf-schema#", "http://www.w3.org/2001/XMLSchema#",
               "http://www.w3.org/2002/07/owl#", "https://w3id.org/unkg/shapes", "https://w3id.org/unkg/vocab/")
    missing = {str(t) for t in _used_terms(vocab) if not str(t).startswith(builtin) and t not in declared}
    missing |= {str(t) for t in shape_terms if str(t).startswith(ONTOLOGY_NS) and t not in declared}
    assert not missing, f"used but not declared in ontology/unkg.ttl: {sorted(missing)}"


# What the ontology may say about a term of another vocabulary: that it is a class or property of the kind
# its own vocabulary declares, nothing more (no labels, inverses, domains or subclass axioms of its own).
DECLARATIONS = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty}
# The kinds the W3C's SKOS RDF and ELI's OWL file give their terms; a declaration here must match.
DCTERMS = "http://purl.org/dc/terms/"
SKOS_NS = "http://www.w3.org/2004/02/skos/core#"
ELI = "http://data.europa.eu/eli/ontology#"
OWN_KINDS = {
    **{SKOS_NS + t: OWL.AnnotationProperty for t in
       "prefLabel altLabel hiddenLabel definition scopeNote note example editorialNote historyNote changeNote".split()},
    SKOS_NS + "notation": OWL.DatatypeProperty,
    **{SKOS_NS + t: OWL.ObjectProperty for t in
       "broader narrower related inScheme topConceptOf hasTopConcept member exactMatch closeMatch broadMatch "
       "narrowMatch relatedMatch".split()},
    **{SKOS_NS + t: OWL.Class for t in "Concept ConceptScheme Collection".split()},
    **{ELI + t: OWL.ObjectProperty for t in "passed_by is_about cites is_part_of realizes language type_document".split()},
    **{ELI + t: OWL.DatatypeProperty for t in "number date_document title".split()},
}
# DCMI gives these a non-literal range (dcterms:LinguisticSystem, MediaTypeOrExtent, Agent ...): re-typing one
# as an OWL datatype property contradicts DCMI.
DCTERMS_NON_LITERAL = {DCTERMS + t for t in "language format license creator source subject isPartOf hasPart "
                       "publisher rightsHolder spatial temporal type conformsTo".split()}


def test_ontology_asserts_nothing_about_other_vocabularies_terms(onto):
    own = (ONTOLOGY_NS, ontology.ONTOLOGY_IRI)
    said = {}
    for s, p, o in onto:
        if isinstance(s, URIRef) and not str(s).startswith(own):
            said.setdefault(str(s), []).append((p, o))
    assert said, "the ontology should declare the external terms it aligns to"
    for term, statements in said.items():
        extra = [(str(p), str(o)) for p, o in statements if p != RDF.type or o not in DECLARATIONS]
        assert not extra, f"the ontology asserts about {term}: {extra}"
        kinds = {o for _, o in statements}
        assert len(kinds) == 1, f"{term} declared as {kinds}"
        if term in OWN_KINDS:
            assert kinds == {OWN_KINDS[term]}, f"{term} declared {kinds}; its vocabulary says {OWN_KINDS[term]}"
        assert not (term in DCTERMS_NON_LITERAL and OWL.DatatypeProperty in kinds), f"{term}: DCMI gives it a class range"


def test_alignment_axioms_go_from_unkg_terms(onto):
    """Links to other vocabularies are subclass, subproperty, domain/range or match statements of unkg terms."""
    for s, p, o in onto:
        if isinstance(o, URIRef) and not str(o).startswith(ONTOLOGY_NS) and p in (
                RDFS.subClassOf, RDFS.subPropertyOf, OWL.equivalentClass, OWL.equivalentProperty, SKOS.closeMatch):
            assert str(s).startswith(ONTOLOGY_NS), (s, p, o)


def test_every_unkg_property_has_a_domain_and_a_range(onto):
    props = _terms(onto, OWL.ObjectProperty, OWL.DatatypeProperty)
    assert len(props) >= 50
    lacking = sorted(str(p) for p in props if onto.value(p, RDFS.domain) is None or onto.value(p, RDFS.range) is None)
    assert not lacking, f"no rdfs:domain or rdfs:range: {lacking}"
    for p in _terms(onto, OWL.DatatypeProperty):
        rng = onto.value(p, RDFS.range)
        assert isinstance(rng, rdflib.BNode) or str(rng) in OWL2_DATATYPES, f"{p}: range {rng} is outside OWL 2"


def test_vocabulary_classes_are_skos_concepts(onto, vocab):
    """Every class whose instances are the vocabularies' concepts is (a subclass of) skos:Concept, and every
    concept of those classes is typed skos:Concept too, so SKOS tools need no reasoner."""
    def concept_class(c) -> bool:
        return (c, RDFS.subClassOf, SKOS.Concept) in onto or any(
            concept_class(sup) for sup in onto.objects(c, RDFS.subClassOf) if str(sup).startswith(ONTOLOGY_NS))
    classes = {o for o in vocab.objects(None, RDF.type) if str(o).startswith(ONTOLOGY_NS)}
    assert len(classes) >= 8
    for c in classes:
        assert concept_class(c), f"{c} has instances in the vocabularies but is not a subclass of skos:Concept"
        untyped = [s for s in vocab.subjects(RDF.type, c) if (s, RDF.type, SKOS.Concept) not in vocab]
        assert not untyped, f"{c}: not typed skos:Concept: {untyped[:3]}"


def test_every_term_is_labelled_in_english_french_and_spanish(onto):
    for t in _terms(onto, OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual):
        langs = [lbl.language for lbl in onto.objects(t, RDFS.label)]
        assert sorted(langs) == ["en", "es", "fr"], f"{t}: labels in {langs}"


def test_vocab_literals_use_owl2_datatypes(vocab):
    """OWL 2 DL (and HermiT) accept only the OWL 2 datatype map: xsd:gYear or xsd:date literals break reasoning."""
    bad = {}
    for path in ontology.vocab_paths():
        g = rdflib.Graph().parse(path)
        for o in g.objects():
            if isinstance(o, rdflib.Literal) and o.datatype and str(o.datatype) not in OWL2_DATATYPES:
                bad.setdefault(path.name, set()).add(str(o.datatype))
    assert not bad, f"literals outside the OWL 2 datatype map: {bad}"


def test_loads_with_owlready2(tmp_path, onto, vocab):

    world, _ = _owlready_world(tmp_path, onto + vocab)
    assert world["https://w3id.org/unkg/ontology#Provision"] is not None
    assert world["https://w3id.org/unkg/vocab/actors/states"] is not None


def _owlready_world(tmp_path: Path, g: rdflib.Graph):
    from owlready2 import World

    path = tmp_path / "unkg.nt"
    path.write_bytes(g.serialize(format="nt", encoding="utf-8"))
    world = World()
    onto = world.get_ontology(path.as_uri()).load()
    return world, onto


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs Java (java not on PATH)")
def test_hermit_consistent_and_no_unsatisfiable_class(tmp_path, onto, vocab):
    from owlready2 import sync_reasoner_hermit

    # Literals outside the OWL 2 datatype map make HermiT stop before reasoning; test_vocab_literals_use_owl2_datatypes
    # reports them, so leave them out here and check the logic of everything else.
    g = onto + vocab
    for t in [t for t in g if isinstance(t[2], rdflib.Literal) and t[2].datatype
              and str(t[2].datatype) not in OWL2_DATATYPES]:
        g.remove(t)
    world, o = _owlready_world(tmp_path, g)
    with o:
        sync_reasoner_hermit(world, infer_property_values=False, debug=0)  # raises OwlReadyInconsistentOntologyError
    unsatisfiable = [c for c in world.inconsistent_classes()]
    assert not unsatisfiable, unsatisfiable


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs Java (java not on PATH)")
def test_hermit_catches_a_disjointness_violation(tmp_path, onto):
    """The reasoning test can fail: a resource typed both resolution and provision makes the ontology inconsistent."""
    from owlready2 import OwlReadyInconsistentOntologyError, sync_reasoner_hermit

    g = onto + rdflib.Graph()
    x = URIRef("https://w3id.org/unkg/id/A/RES/1/1")
    g.add((x, RDF.type, URIRef(ONTOLOGY_NS + "Resolution")))
    g.add((x, RDF.type, URIRef(ONTOLOGY_NS + "Provision")))
    world, o = _owlready_world(tmp_path, g)
    with pytest.raises(OwlReadyInconsistentOntologyError), o:
        sync_reasoner_hermit(world, infer_property_values=False, debug=0)


def _owl_rl_errors(g: rdflib.Graph) -> list[str]:
    import owlrl
    from owlrl.Namespaces import ERRNS

    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(g)
    return sorted(str(m) for m in g.objects(None, ERRNS.error))


@pytest.fixture(scope="module")
def sample_graph() -> rdflib.Graph:
    """The bundled A/RES/78/216 as ingest builds it."""
    from importlib.resources import files

    from unkg.ingest.extract import extract
    from unkg.ingest.graph import build
    from unkg.ingest.readers import read

    path = next(Path(str(files("unkg.ingest.sample"))).glob("*.txt"))
    res = read(path)
    return build(extract(res) or res)[1]


@pytest.mark.slow
def test_owl_rl_closure_of_ontology_vocabularies_and_a_resolution_is_consistent(onto, vocab, sample_graph):
    """Domains, ranges and disjointness together with real data: the OWL 2 RL rules (owlrl) find no clash,
    and the closure did reason (provisions become RRMV actions, addressees SKOS concepts through the classes)."""
    g = onto + vocab + sample_graph
    assert _owl_rl_errors(g) == []
    unkg = rdflib.Namespace(ONTOLOGY_NS)
    provisions = set(sample_graph.subjects(RDF.type, unkg.Provision))
    assert provisions and all((p, RDF.type, URIRef("http://data.europa.eu/2qy/rrmv#Action")) in g for p in provisions)
    actors = set(sample_graph.objects(None, unkg.addressee))
    assert actors and all((a, RDF.type, rdflib.OWL.Thing) in g or (a, RDF.type, SKOS.Concept) in g for a in actors)


def test_owl_rl_closure_finds_a_clash_the_domains_imply(onto):
    """The closure test can fail: a provision used as a paragraph's index holder clashes by disjointness."""
    g = onto + rdflib.Graph()
    unkg = rdflib.Namespace(ONTOLOGY_NS)
    x = URIRef("https://w3id.org/unkg/id/A/RES/1/1/op/1/provision/1")
    g.add((x, RDF.type, unkg.Provision))
    g.add((x, unkg.footnote, URIRef("https://w3id.org/unkg/id/A/RES/1/1/fn/1")))  # the domain makes it a Paragraph
    assert _owl_rl_errors(g)
