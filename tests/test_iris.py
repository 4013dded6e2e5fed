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
