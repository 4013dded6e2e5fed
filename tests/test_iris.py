"""The identifiers module: a table of symbols and the IRIs built from them."""
import pytest

from unkg import iris
from unkg.iris import Symbol

BASE = "https://w3id.org/unkg/id/"


@pytest.mark.parametrize(
    "printed, canonical, body, session, path",
    [
        ("A/RES/78/216", "A/RES/78/216", "General Assembly", "78", "A/RES/78/216"),
        (" A/RES/78/216. ", "A/RES/78/216", "General Assembly", "78", "A/RES/78/216"),
        ("A/HRC/RES/54/1", "A/HRC/RES/54/1", "Human Rights Council", "54", "A/HRC/RES/54/1"),
        ("S/RES/2720 (2023)", "S/RES/2720 (2023)", "Security Council", None, "S/RES/2720(2023)"),
        ("S/RES/2720(2023)", "S/RES/2720 (2023)", "Security Council", None, "S/RES/2720(2023)"),
        ("S/PRST/2023/1", "S/PRST/2023/1", "Security Council", None, "S/PRST/2023/1"),
        ("A/RES/75/101 A-B", "A/RES/75/101 A-B", "General Assembly", "75", "A/RES/75/101A-B"),
        ("A/RES/2200 A (XXI)", "A/RES/2200 A (XXI)", "General Assembly", "XXI", "A/RES/2200A(XXI)"),
        ("A/RES/217(III)", "A/RES/217 (III)", "General Assembly", "III", "A/RES/217(III)"),
        ("A/RES/ES-11/1", "A/RES/ES-11/1", "General Assembly", "ES-11", "A/RES/ES-11/1"),
        ("A/RES/S-27/2", "A/RES/S-27/2", "General Assembly", "S-27", "A/RES/S-27/2"),
        ("A/RES/77/100 B", "A/RES/77/100 B", "General Assembly", "77", "A/RES/77/100B"),
        ("A/DEC/78/540", "A/DEC/78/540", "General Assembly", "78", "A/DEC/78/540"),
    ],
)
def test_symbols(printed, canonical, body, session, path):
    s = Symbol.parse(printed)
    assert (s.text, s.body, s.session, s.path) == (canonical, body, session, path)


@pytest.mark.parametrize("doc", ["A/HRC/17/31", "A/78/481/Add.2", "A/CONF.157/24", "E/CN.4/2005/102"])
def test_other_documents_are_symbols_but_not_resolutions(doc):
    s = Symbol.parse(doc)
    assert s.text == doc and not s.is_resolution


@pytest.mark.parametrize("bad", ["", "78/216", "hello world", "A RES 78 216"])
def test_not_symbols(bad):
    with pytest.raises(ValueError):
        Symbol.parse(bad)


def test_resolution_iris():
    assert iris.work("A/RES/78/216") == BASE + "A/RES/78/216"
    assert iris.expression("A/RES/78/216", "fr") == BASE + "A/RES/78/216/fr"
    op11 = iris.paragraph("A/RES/78/216", "operative", "11")
    assert op11 == BASE + "A/RES/78/216/op/11"
    assert iris.paragraph("A/RES/78/216", "preambular", 3) == BASE + "A/RES/78/216/pp/3"
    assert iris.subparagraph(op11, "(a)", "ii") == op11 + "/a/ii"
    assert iris.provision(op11, 2) == op11 + "/prov/2"
    assert iris.mandate(iris.provision(op11, 1)) == op11 + "/prov/1/mandate"
    assert iris.mandate(iris.provision(op11, 1), 2) == op11 + "/prov/1/mandate/2"
    assert iris.paragraph("A/RES/75/101 A-B", "operative", 3, part="B") == BASE + "A/RES/75/101A-B/B/op/3"
    assert iris.undocs("A/RES/78/216") == "https://undocs.org/en/A/RES/78/216"
    assert iris.footnote("A/RES/78/216", "1") == BASE + "A/RES/78/216/fn/1"
    assert iris.vote("A/RES/78/216") == BASE + "A/RES/78/216/vote"
    assert iris.source_file("00" * 32) == "ni:///sha-256;" + "A" * 43


def test_iris_are_deterministic_and_configurable(monkeypatch):
    expr = iris.expression("A/RES/78/216", "en")
    assert iris.evidence(expr, "op/11", "addressee", 10, 16) == iris.evidence(expr, "op/11", "addressee", 10, 16)
    assert iris.evidence(expr, "op/11", "addressee", 10, 16) != iris.evidence(expr, "op/11", "addressee", 10, 17)
    monkeypatch.setenv("UNKG_BASE_IRI", "http://example.org/kg")
    assert iris.work("A/RES/78/216") == "http://example.org/kg/A/RES/78/216"


@pytest.mark.parametrize(
    "code, iri",
    [("16", "http://metadata.un.org/sdg/16"), ("16.10", "http://metadata.un.org/sdg/16.10"),
     ("16.10.1", "http://metadata.un.org/sdg/C161001"), ("5.2.1", "http://metadata.un.org/sdg/C050201")],
)
def test_sdg_iris(code, iri):
    assert iris.sdg(code) == iri


def test_slug():
    assert iris.slug("Special Rapporteur on the situation of human rights defenders") == \
        "special-rapporteur-on-the-situation-of-human-rights-defenders"
    assert iris.slug("Office of the United Nations High Commissioner for Human Rights (OHCHR)") == \
        "office-of-the-united-nations-high-commissioner-for-human-rights-ohchr"


def test_evidence_parts_and_unnumbered_paragraphs():
    a = iris.evidence(iris.expression("A/RES/78/216", "en"), "x", 1, 2)
    assert [iris.evidence_part(a, p) for p in ("target", "position", "quote")] == [a + "#target", a + "#position", a + "#quote"]
    with pytest.raises(ValueError):
        iris.evidence_part(a, "body")
    assert iris.paragraph("A/RES/78/216", "operative", iris.unnumbered_number(7)) == BASE + "A/RES/78/216/op/x7"


def test_subparagraph_keys_in_every_script():
    op = iris.paragraph("A/HRC/RES/56/7", "operative", 8)
    assert iris.subparagraph(op, "(ل)", "(一)") == iris.subparagraph(op, "(l)", "(i)") == op + "/l/i"
    assert [iris.subparagraph_key(n) for n in ("(هـ)", "ض", "غ", "㈣", "(十二)", "ii", "2")] == [
        "e", "z", "bb", "iv", "xii", "ii", "2"]


def test_letters_and_roman_numerals():
    from unkg.numbering import letters, roman

    assert [letters(n) for n in (1, 26, 27, 28)] == ["a", "z", "aa", "bb"]
    assert [roman(n) for n in (1, 4, 9, 14, 40, 1990)] == ["i", "iv", "ix", "xiv", "xl", "mcmxc"]


# -- reading IRIs back: every IRI the module mints parses to its work and place ----------------------------
OP11 = BASE + "A/RES/78/216/op/11"


@pytest.mark.parametrize(
    "iri, kind, work, language, paragraph, subparagraph",
    [
        (BASE + "A/RES/78/216", "work", BASE + "A/RES/78/216", None, None, None),
        (BASE + "A/RES/78/216/en", "expression", BASE + "A/RES/78/216", "en", None, None),
        (BASE + "A/RES/78/216/ar", "expression", BASE + "A/RES/78/216", "ar", None, None),
        (BASE + "A/RES/78/216/zh", "expression", BASE + "A/RES/78/216", "zh", None, None),
        (OP11, "paragraph", BASE + "A/RES/78/216", None, OP11, None),
        (BASE + "A/RES/78/216/pp/3", "paragraph", BASE + "A/RES/78/216", None, BASE + "A/RES/78/216/pp/3", None),
        (OP11 + "/a", "subparagraph", BASE + "A/RES/78/216", None, OP11, OP11 + "/a"),
        (OP11 + "/a/ii", "subparagraph", BASE + "A/RES/78/216", None, OP11, OP11 + "/a/ii"),
        (OP11 + "/prov/2", "provision", BASE + "A/RES/78/216", None, OP11, None),
        (OP11 + "/a/prov/1", "provision", BASE + "A/RES/78/216", None, OP11, OP11 + "/a"),
        (OP11 + "/prov/1/mandate", "mandate", BASE + "A/RES/78/216", None, OP11, None),
        (OP11 + "/prov/1/mandate/3", "mandate", BASE + "A/RES/78/216", None, OP11, None),
        (BASE + "A/RES/78/216/fn/1", "footnote", BASE + "A/RES/78/216", None, None, None),
        (BASE + "A/RES/78/216/vote", "vote", BASE + "A/RES/78/216", None, None, None),
        (BASE + "A/RES/78/216/fr/evidence/0123abcd", "evidence", BASE + "A/RES/78/216", "fr", None, None),
        (BASE + "A/RES/78/216/en/ingest/0123abcd", "ingest", BASE + "A/RES/78/216", "en", None, None),
        (BASE + "A/HRC/RES/54/1/op/3", "paragraph", BASE + "A/HRC/RES/54/1", None, BASE + "A/HRC/RES/54/1/op/3", None),
        (BASE + "S/RES/2720(2023)/op/1", "paragraph", BASE + "S/RES/2720(2023)", None, BASE + "S/RES/2720(2023)/op/1", None),
        (BASE + "A/RES/75/101A-B/B/op/3", "paragraph", BASE + "A/RES/75/101A-B", None, BASE + "A/RES/75/101A-B/B/op/3", None),
        (BASE + "A/RES/2200A(XXI)", "work", BASE + "A/RES/2200A(XXI)", None, None, None),
        (BASE + "A/RES/ES-11/1/es", "expression", BASE + "A/RES/ES-11/1", "es", None, None),
        (BASE + "A/78/481/Add.2", "work", BASE + "A/78/481/Add.2", None, None, None),
    ],
)
def test_parse(iri, kind, work, language, paragraph, subparagraph):
    p = iris.parse(iri)
    assert (p.kind, p.work, p.language, p.paragraph, p.subparagraph) == (kind, work, language, paragraph, subparagraph)
    assert p.path == work[len(BASE):]


@pytest.mark.parametrize("iri", [
    "https://example.org/other/A/RES/78/216",  # outside the base
    BASE + "hello",  # no symbol
    BASE + "A/RES/78/216/op",  # a paragraph without its number
    BASE + "A/RES/78/216/en/extra",  # nothing of that shape under an expression
    BASE + "A/RES/78/216/op/11/prov/x",  # a provision counts from 1
])
def test_parse_refuses(iri):
    assert iris.parse(iri) is None


def test_parse_reads_what_the_builders_mint():
    symbol = "A/RES/75/101 A-B"
    para = iris.paragraph(symbol, "operative", 3, part="B")
    for iri, kind in ((iris.work(symbol), "work"), (iris.expression(symbol, "ru"), "expression"), (para, "paragraph"),
                      (iris.subparagraph(para, "(b)"), "subparagraph"), (iris.provision(para, 1), "provision"),
                      (iris.mandate(iris.provision(para, 1)), "mandate"), (iris.footnote(symbol, "2"), "footnote"),
                      (iris.vote(symbol), "vote"), (iris.evidence(iris.expression(symbol, "en"), "x", 1), "evidence")):
        p = iris.parse(iri)
        assert (p.kind, p.work) == (kind, iris.work(symbol)), iri


def test_parse_under_another_base():
    other = "http://localhost:8080/id/"
    p = iris.parse(other + "A/RES/78/216/es", base=other)
    assert (p.kind, p.work, p.language, p.container) == ("expression", other + "A/RES/78/216", "es", other + "A/RES/78/216")
    assert iris.parse(BASE + "A/RES/78/216", base=other) is None


@pytest.mark.parametrize("code, iri", [
    ("en", "http://publications.europa.eu/resource/authority/language/ENG"),
    ("fr", "http://publications.europa.eu/resource/authority/language/FRA"),
    ("zh", "http://publications.europa.eu/resource/authority/language/ZHO"),
    ("de", None),
])
def test_language_authority(code, iri):
    assert iris.language_authority(code) == iri


@pytest.mark.parametrize("symbol, iri", [
    ("A/RES/78/216", "http://publications.europa.eu/resource/authority/resource-type/RES"),
    ("A/HRC/DEC/54/101", "http://publications.europa.eu/resource/authority/resource-type/DEC"),
    ("S/PRST/2023/1", None),
])
def test_document_type(symbol, iri):
    assert iris.document_type(symbol) == iri
