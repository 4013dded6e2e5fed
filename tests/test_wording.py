"""The wording table (webapp/wording.py) gives every provision the wording its page showed when each page
asked the store for its rows' wording: English where there is an English version, else the first language
by tag, a text without a tag last, ties broken by the text then the printed verb; ("", "") without one.
The reference below is that per-page query and choice, run on a handmade store of awkward cases."""
from __future__ import annotations

import rdflib
from rdflib import RDF, Literal, URIRef

from unkg.config import ONTOLOGY_NS
from unkg.store import open_store
from unkg.webapp import queries as Q
from unkg.webapp.links import val
from unkg.webapp.wording import Wording

UNKG = rdflib.Namespace(ONTOLOGY_NS)
BASE = "https://w3id.org/unkg/id/A/RES/1/1"


def _prov(n: int) -> URIRef:
    return URIRef(f"{BASE}/op/{n}/prov/1")


# provision -> [(graph, text, [printed verbs])]
CASES: dict[int, list[tuple[str, Literal, list[Literal]]]] = {
    1: [("fr", Literal("Demande aux États", lang="fr"), [Literal("Demande", lang="fr")]),
        ("en", Literal("Calls upon States", lang="en"), [Literal("Calls upon", lang="en")])],
    2: [("fr", Literal("Prie le Secrétaire général", lang="fr"), []),
        ("ar", Literal("يطلب إلى الأمين العام", lang="ar"), [Literal("يطلب", lang="ar")])],
    3: [("x", Literal("no language tag"), []), ("zh", Literal("请", lang="zh"), [Literal("请", lang="zh")])],
    4: [("en", Literal("Urges b", lang="en"), [Literal("Urges", lang="en")]),
        ("en2", Literal("Urges a", lang="en"), [Literal("Urges", lang="en"), Literal("urges", lang="en")])],
    5: [("en", Literal("Encourages", lang="en"), [Literal("encourages", lang="en"), Literal("Encourages", lang="en")])],
    6: [("x", Literal("only a plain text"), [])],
    7: [],  # a provision without wording
    8: [("ru", Literal("Призывает «государства» \"все\"\tи\\ \n", lang="ru"), [])],
}


def _store(folder) -> object:
    graphs: dict[str, rdflib.Graph] = {}
    for n, versions in CASES.items():
        for lang, text, verbs in versions or [("en", None, [])]:
            g = graphs.setdefault(lang, rdflib.Graph())
            g.add((_prov(n), UNKG.inParagraph, URIRef(f"{BASE}/op/{n}")))
            if text is not None:
                g.add((_prov(n), RDF.value, text))
            for v in verbs:
                g.add((_prov(n), UNKG.verbText, v))
    s = open_store(str(folder))
    s.replace_graphs([(f"{BASE}/{lang}", g) for lang, g in graphs.items()])
    return s


def _reference(store, provisions: list[str]) -> list[tuple[str, str]]:
    """The per-page query and choice the table replaces."""
    text = Q.PREFIXES + f"""
SELECT ?prov ?text ?verbText WHERE {{
  GRAPH ?g {{ {Q.values('prov', provisions)} ?prov rdf:value ?text OPTIONAL {{ ?prov unkg:verbText ?verbText }} }}
}}"""
    found: dict[str, tuple] = {}
    for t in store.select(text):
        prov, lang = str(t["prov"]), getattr(t["text"], "language", None) or ""
        rank = ("" if lang == "en" else (lang or "~"), str(t["text"]), str(t.get("verbText", "")))
        if prov not in found or rank < found[prov][0]:
            found[prov] = (rank, t)
    out = []
    for p in provisions:
        t = found.get(p, ((), {}))[1]
        out.append((val(t.get("text")) or "", val(t.get("verbText")) or ""))
    return out


def test_the_table_gives_each_provision_the_wording_its_page_showed(tmp_path):
    store = _store(tmp_path / "store")
    try:
        table = Wording.read(store)
        provisions = [str(_prov(n)) for n in CASES] + [f"{BASE}/op/99/prov/1", "https://example.org/é"]
        got = table.of(provisions)
        assert got == _reference(store, provisions)
        by = dict(zip(CASES, got, strict=False))
        assert by[1] == ("Calls upon States", "Calls upon")
        assert by[2] == ("يطلب إلى الأمين العام", "يطلب")  # no English: ar before fr
        assert by[3] == ("请", "请")  # a text without a language tag comes last
        assert by[4] == ("Urges a", "Urges")
        assert by[5] == ("Encourages", "Encourages")
        assert by[6] == ("only a plain text", "")
        assert by[7] == ("", "")
        assert by[8][0].startswith("Призывает «государства»")
        assert got[-2:] == [("", ""), ("", "")]
        assert table.of(list(reversed(provisions))) == list(reversed(got))
        assert len(table) == 7
    finally:
        store.close()


def test_an_empty_store_has_no_wording(tmp_path):
    store = open_store(str(tmp_path / "empty"))
    try:
        table = Wording.read(store)
        assert len(table) == 0
        assert table.of([str(_prov(1))]) == [("", "")]
    finally:
        store.close()
