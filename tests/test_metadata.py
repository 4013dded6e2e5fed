"""The UN's metadata extracts (--meta) and the Member States vocabulary (ontology/vocab/states.ttl)."""
from __future__ import annotations

from importlib.resources import files

import pytest
import rdflib
from rdflib.namespace import RDF, SKOS

from unkg import iris
from unkg.config import ONTOLOGY_NS
from unkg.errors import InputError
from unkg.ingest.metadata import apply, clean_names, load_index, load_records, lookup, state_iri, vote_from
from unkg.ingest.model import Resolution, Source

UNKG = rdflib.Namespace(ONTOLOGY_NS)


def resolution(symbol: str, **kw) -> Resolution:
    return Resolution(symbol, "General Assembly", None, None, "en", "t", Source("x.xml", "0" * 64, "akn"), **kw)


@pytest.fixture(scope="module")
def meta_dir(fixtures):
    return fixtures / "metadata"


@pytest.fixture(scope="module")
def index(meta_dir):
    return load_index([meta_dir])


@pytest.fixture(scope="module")
def states() -> rdflib.Graph:
    g = rdflib.Graph()
    g.parse(data=(files("unkg.ontology.vocab") / "states.ttl").read_text(encoding="utf-8"), format="turtle")
    return g


def test_loader_reads_every_shape(meta_dir):
    assert [r["symbol"] for r in load_records(meta_dir / "ga_sequence.json")] == [
        "A/RES/78/216", "A/RES/78/220", "A/RES/78/1", "A/RES/75/101 A-B"]
    # stray quotes around lines, a lone quote line and a broken record: the three good records survive
    assert [r["symbol"] for r in load_records(meta_dir / "hrc_quoted.json")] == [
        "A/HRC/RES/54/1", "A/HRC/RES/54/2", "A/HRC/RES/54/4"]
    assert [r["symbol"] for r in load_records(meta_dir / "json_string.json")] == ["S/RES/2672 (2023)"]


def test_missing_metadata_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such metadata"):
        load_index([tmp_path / "nothing.json"])


def test_apply_committee_report_agenda_sponsors_sdgs(index):
    res = resolution("A/RES/78/216")
    assert apply(res, index)
    assert (res.committee, res.report, res.agenda_item, res.meeting, res.draft) == (
        "Third Committee", "A/78/481/Add.2", "71 (b)", "50th plenary meeting", None)
    assert res.sponsors == ["NORWAY", "CÔTE D'IVOIRE"]  # the chair is not a State; the split name is joined
    assert res.vote is not None and res.vote.method == "without a vote" and res.vote.in_favour is None
    assert res.keywords == [iris.sdg("16"), iris.sdg("5")]


def test_apply_keeps_what_the_reader_found(index):
    res = resolution("A/RES/78/216", agenda_item="71 (b)", committee="Third Committee", sponsors=["NORWAY"])
    apply(res, index)
    assert res.sponsors == ["NORWAY"] and res.agenda_item == "71 (b)"


def test_plenary_draft_and_no_committee(index):
    res = resolution("A/RES/78/1")
    apply(res, index)
    assert res.draft == "A/78/L.1" and res.committee is None and res.report is None
    assert res.agenda_item == "13 and 117"


def test_recorded_vote_by_state(index):
    res = resolution("A/RES/78/220")
    apply(res, index)
    v = res.vote
    assert (v.method, v.in_favour, v.against, v.abstaining) == ("recorded vote", 3, 1, 2)
    assert v.by_state == {"CANADA": "Y", "TÜRKİYE": "Y", "NAMBIA": "Y", "IRAN (ISLAMIC REPUBLIC OF)": "N",
                          "CÔTE D'IVOIRE": "A", "GE RMANY": "A"}
    assert all(state_iri(name) for name in v.by_state)


def test_hrc_and_sc_votes(index):
    hrc = resolution("A/HRC/RES/54/2")
    apply(hrc, index)
    assert hrc.draft == "A/HRC/54/L.2" and hrc.vote.method == "recorded vote" and hrc.vote.by_state["CHINA"] == "A"
    sc = resolution("S/RES/2672 (2023)")
    apply(sc, index)
    assert (sc.vote.method, sc.vote.in_favour, sc.vote.against, sc.vote.abstaining) == ("vote", 13, 0, 2)
    assert sc.draft == "S/2023/18"


def test_lookup_by_symbol_forms(index):
    assert lookup(index, "S/RES/2672(2023)")["symbol"] == "S/RES/2672 (2023)"
    assert lookup(index, "A/RES/75/101 B")["symbol"] == "A/RES/75/101 A-B"  # one part of a multi-part record
    assert lookup(index, "A/RES/78/999") is None
    assert not apply(resolution("A/RES/78/999"), index)


def test_vote_without_information():
    assert vote_from({"symbol": "x", "adoption_type": ""}) is None
    assert vote_from({"symbol": "x", "adoption_type": "Adopted unanimously", "MS_in_favour": ["FRANCE"]}).method == "unanimously"


@pytest.mark.parametrize("name, iso3", [
    ("BOLIVIA (PLURINATIONAL STATE OF)", "bol"), ("Bolivia (Plurinational State of)", "bol"),
    ("CÔTE D’IVOIRE", "civ"), ("COTE D'IVOIRE", "civ"), ("TÜRKİYE", "tur"), ("TÜRKÝYE", "tur"), ("TURKEY", "tur"),
    ("NETHERLANDS (KINGDOM OF THE)", "nld"), ("NETHERLANDS", "nld"), ("GE RMANY", "deu"), ("NAMBIA", "nam"),
    ("LICHTENSTEIN", "lie"), ("NIGER", "ner"), ("NIGERIA", "nga"), ("GUINEA", "gin"),
    ("GUINEA-BISSAU", "gnb"), ("DOMINICA", "dma"), ("DOMINICAN REPUBLIC", "dom"), ("CONGO", "cog"),
    ("DEMOCRATIC REPUBLIC OF THE CONGO", "cod"), ("UNITED KINGDOM", "gbr"), ("UNITED STATES", "usa"),
    ("LIBYAN ARAB JAMAHIRIYA", "lby"), ("STATE OF PALESTINE", "pse"),
])
def test_state_iri_matches_metadata_spellings(name, iso3):
    assert state_iri(name) == iris.vocab("states", iso3)


@pytest.mark.parametrize("name", ["SUBMITTED BY THE CHAIR", "ISLANDS", "NORTHERN IRELAND", "", "UN", "CÔTE."])
def test_state_iri_refuses_non_states(name):
    assert state_iri(name) is None


def test_clean_names_joins_split_entries():
    assert clean_names(["CÔTE.", "D'IVOIRE", " CHINA ", ""]) == ["CÔTE D'IVOIRE", "CHINA"]
    assert clean_names(["UNKNOWN.", "CHINA"]) == ["UNKNOWN.", "CHINA"]


def test_states_vocabulary_is_complete(states):
    members = set(states.subjects(SKOS.broader, rdflib.URIRef(iris.vocab("actors", "member-states"))))
    all_states = set(states.subjects(RDF.type, UNKG.State))
    assert len(members) == 193 and len(all_states) == 195  # + Holy See and State of Palestine
    alpha2 = [str(states.value(s, UNKG.iso3166Alpha2)) for s in all_states]
    alpha3 = [str(states.value(s, UNKG.iso3166Alpha3)) for s in all_states]
    assert len(set(alpha2)) == len(set(alpha3)) == 195 and all(len(a) == 2 for a in alpha2)
    for s in all_states:
        assert str(s) == iris.vocab("states", str(states.value(s, UNKG.iso3166Alpha3)).lower())
        assert (s, RDF.type, SKOS.Concept) in states and (s, RDF.type, UNKG.Actor) in states
        assert (s, SKOS.inScheme, rdflib.URIRef(iris.vocab("states", "").rstrip("/"))) in states
        labels = [l for l in states.objects(s, SKOS.prefLabel) if l.language == "en"]
        assert len(labels) == 1
    for s in all_states:
        links = sorted(str(o) for o in states.objects(s, SKOS.exactMatch))
        assert len(links) == 2, (s, links)
        assert links[0].startswith("http://data.un.org/kos/geo/") and links[1].startswith("http://www.wikidata.org/entity/Q")
    assert len({str(o) for o in states.objects(None, SKOS.exactMatch)}) == 2 * 195
    assert (rdflib.URIRef(iris.vocab("states", "afg")), SKOS.exactMatch, rdflib.URIRef("http://data.un.org/kos/geo/4")) in states
    assert (rdflib.URIRef(iris.vocab("states", "fra")), SKOS.exactMatch,
            rdflib.URIRef("http://www.wikidata.org/entity/Q142")) in states


@pytest.mark.corpus
def test_every_corpus_metadata_file_loads_and_every_voter_is_a_state(corpus):
    index = load_index([corpus / "meta"])
    assert len(index) > 3000
    unknown = set()
    for rec in index.values():
        for key in ("MS_in_favour", "MS_against", "MS_abstaining"):
            unknown |= {n for n in clean_names(rec.get(key) or []) if not state_iri(n)}
    assert unknown == set()
    ga = [r for r in index.values() if r["symbol"].startswith("A/RES/")]
    recorded = [vote_from(r) for r in ga if "recorded" in str(r.get("adoption_type", "")).lower()]
    assert recorded and all(v.in_favour is not None for v in recorded)
    # A few records give counts without the lists (A/RES/75/254 A-C); where lists exist they match the counts.
    listed = [v for v in recorded if v.by_state]
    assert len(listed) >= 0.95 * len(recorded)
    assert all(sum(1 for x in v.by_state.values() if x == "Y") == v.in_favour for v in listed)



def test_close_spellings_resolve_as_by_comparing_with_every_label():
    """state_iri compares a name only with labels whose lengths and letters let it come near (metadata._near):
    the same answers as comparing it with every label, on misspellings of labels and on pairs of labels."""
    import difflib
    import random

    from unkg.ingest import metadata

    labels, keys = metadata._state_labels()

    def every_label(name: str) -> str | None:
        k = metadata._key(metadata._THE.sub("", name))
        if not k or k in labels or len(k) < 5:
            return labels.get(k) if k else None
        scored = sorted(((difflib.SequenceMatcher(None, k, c).ratio(), c) for c in keys), reverse=True)[:2]
        if scored and scored[0][0] >= 0.9 and (len(scored) < 2 or scored[1][0] < scored[0][0] - 0.05
                                              or labels[scored[1][1]] == labels[scored[0][1]]):
            return labels[scored[0][1]]
        return None

    rnd = random.Random(7)
    names = []
    for k in rnd.sample(keys, 30):
        for _ in range(3):
            s, i = list(k), rnd.randrange(len(k))
            s[i:i + 1] = rnd.choice(["", rnd.choice("AEINORSTU "), k[i] + rnd.choice("AEINORSTU")])
            names.append("".join(s))
        names.append(f"{k} {rnd.choice(keys)}")
    metadata.state_iri.cache_clear()
    assert [metadata.state_iri(n) for n in names] == [every_label(n) for n in names]
    assert sum(1 for n in names if every_label(n)) > 30  # close spellings do resolve
