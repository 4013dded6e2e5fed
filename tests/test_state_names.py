"""Every State the UN's metadata names in its vote and sponsor lists resolves to one State IRI; what does not is
reported by the ingest, never dropped silently. Groups of States ship as data (ontology/vocab/states.ttl)."""
from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from importlib.resources import files

import pytest
import rdflib
from rdflib.namespace import SKOS

from unkg import iris
from unkg.ingest.metadata import apply, clean_names, load_records, read_sponsors, state_iri, vote_from
from unkg.ingest.model import Resolution, Source


def iso(names: list[str]) -> list[str]:
    return [state_iri(n).rsplit("/", 1)[1] for n in names]


@pytest.mark.parametrize("entry, states", [
    ("UGANDA (ON BEHALF OF THE STATES MEMBERS OF THE UNITED NATIONS THAT ARE MEMBERS OF THE GROUP OF 77 AND CHINA)", ["uga"]),
    ("GUINEA, ON BEHALF OF THE STATES MEMBERS OF THE UNITED NATIONS THAT ARE MEMBERS OF THE GROUP OF 77 AND CHINA", ["gin"]),
    ("EGYPT (IN ITS CAPACITY AS CHAIR OF THE COMMITTEE ON THE PEACEFUL USES OF OUTER SPACE)", ["egy"]),
    ("SENEGAL (OF BEHALF OF THE GROUP OF AFRICAN STATES)", ["sen"]),
    ("Cuba (on behalf of the States Members of the United Nations that are members of the Movement of Non-Aligned Countries) and Russian Federation", ["cub", "rus"]),
    ("THE FORMER YUGOSLAV REPUBLIC OF MACEDONIA", ["mkd"]),
    ("THE GAMBIA", ["gmb"]), ("BAHAMAS (THE)", ["bhs"]), ("THE UNITED KINGDOM", ["gbr"]), ("THE NIGER", ["ner"]),
    ("CHILE,DOMINICAN REPUBLIC", ["chl", "dom"]), ("BARBADOS. DOMINICAN REPUBLIC", ["brb", "dom"]),
    ("UNITED STATES AND VIET NAM", ["usa", "vnm"]), ("MAURITANIA AND UNITED REPUBLIC OF TANZANIA", ["mrt", "tza"]),
    ("ANGOLA BAHAMAS", ["ago", "bhs"]), ("UNITED KINGDOMAND URUGUAY", ["gbr", "ury"]), ("LIBERIA. SUBSEQUENTLY", ["lbr"]),
    ("Sweden, Trinidad and Tobago and Uruguay", ["swe", "tto", "ury"]), ("BOSNIA AND HERZEGOVINA", ["bih"]),
])
def test_sponsor_entries_resolve_to_states(entry, states):
    got = read_sponsors([entry])
    assert iso(got.states) == states and got.unresolved == [] and got.others == []


@pytest.mark.parametrize("entry", [
    "SUBMITTED BY THE CHAIR OF THE COMMITTEE FOLLOWING INFORMAL CONSULTATIONS",
    "INTRODUCED IN THE COMMITTEE BY THE REPRESENTATIVE OF GHANA ON BEHALF OF THE BUREAU",
    "AHMED MAGDY (EGYPT) AND ON THE BASIS OF INFORMAL CONSULTATIONS ON DRAFT RESOLUTION",
    "REPORT OF THE SECRETARY-GENERAL", "THE AMENDMENT WAS REJECTED BY THE ASSEMBLY",
])
def test_submitters_are_no_states_and_no_unresolved_names(entry):
    got = read_sponsors([entry])
    assert got.states == [] and got.others == [entry] and got.unresolved == []


def test_split_and_mangled_entries_are_joined():
    # neighbours, fragments parted by the list's sorting, a long name's tail, a mangled name in an alphabetical list
    assert iso(read_sponsors(["YEMEN", "LAO PEOPLE'S DEMOCRATIC", "PARAGUAY"]).states) == ["yem", "lao", "pry"]
    assert iso(read_sponsors(["SOLOMON", "HUNGARY", "ISLANDS"]).states) == ["slb", "hun"]
    assert iso(read_sponsors(["UNITED KINGDOM", "INDIA", "NORTHERN IRELAND"]).states) == ["gbr", "ind"]
    assert iso(read_sponsors(["POLAND", "THE OF KOREA", "SAN MARINO"]).states) == ["pol", "kor", "smr"]
    assert clean_names(["CÔTE.", "D'IVOIRE"]) == ["CÔTE D'IVOIRE"]


def test_unresolved_names_are_reported_not_dropped():
    rec = {"symbol": "A/RES/78/5", "adoption_type": "Recorded vote", "MS_in_favour": ["FRANCE", "ATLANTIS"],
           "MS_against": [], "MS_abstaining": [], "sponsors": ["CHILE", "GONDWANA"], "additional_sponsors": []}
    assert vote_from(rec).unresolved == ["ATLANTIS"] and read_sponsors(rec["sponsors"]).unresolved == ["GONDWANA"]
    res = Resolution("A/RES/78/5", "General Assembly", None, None, "en", "t", Source("x.xml", "0" * 64, "akn"))
    apply(res, {"A/RES/78/5": rec})
    assert res.sponsors == ["CHILE"] and list(res.vote.by_state) == ["FRANCE"]
    assert [w for w in res.warnings if "names no known State" in w] == [
        "metadata of A/RES/78/5: 'GONDWANA' names no known State", "metadata of A/RES/78/5: 'ATLANTIS' names no known State"]


@pytest.mark.slow
def test_ingest_prints_unresolved_names(tmp_path):
    meta = tmp_path / "meta.json"
    meta.write_text(json.dumps({"symbol": "A/RES/78/216", "adoption_type": "Without a vote",
                                "sponsors": ["NORWAY", "GONDWANA"], "additional_sponsors": []}), encoding="utf-8")
    sample = files("unkg.ingest.sample") / "A_RES_78_216.en.txt"
    out = subprocess.run([sys.executable, "-m", "unkg.cli", "ingest", str(sample), "--store", str(tmp_path / "s"),
                          "--meta", str(meta), "--quiet"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "warning: metadata of A/RES/78/216: 'GONDWANA' names no known State" in out.stderr


def test_groups_of_states_ship_with_sources():
    g = rdflib.Graph().parse(data=(files("unkg.ontology.vocab") / "states.ttl").read_text(encoding="utf-8"), format="turtle")
    size = {slug: len(set(g.objects(rdflib.URIRef(iris.vocab("state-groups", slug)), SKOS.member)))
            for slug in ("eu", "african-group", "g77")}
    assert size == {"eu": 27, "african-group": 54, "g77": 134}
    for slug in size:
        assert g.value(rdflib.URIRef(iris.vocab("state-groups", slug)), rdflib.URIRef("http://purl.org/dc/terms/source"))
    assert (rdflib.URIRef(iris.vocab("state-groups", "eu")), SKOS.member, rdflib.URIRef(iris.vocab("states", "fra"))) in g
    assert (rdflib.URIRef(iris.vocab("state-groups", "g77")), SKOS.member, rdflib.URIRef(iris.vocab("states", "chn"))) in g


@pytest.mark.corpus
def test_every_state_named_in_the_corpus_metadata_resolves(corpus):
    """Prints the names in the vote and sponsor lists of all the corpus metadata that resolve to no State."""
    unresolved: Counter = Counter()
    states, records = set(), 0
    for path in sorted((corpus / "meta").glob("*/*.json")):
        for rec in load_records(path):
            records += 1
            sponsors = read_sponsors(list(rec.get("sponsors") or []) + list(rec.get("additional_sponsors") or []))
            vote = vote_from(rec)
            for name in sponsors.unresolved + (vote.unresolved if vote else []):
                unresolved[(rec["symbol"], name)] += 1
            states |= {state_iri(n) for n in sponsors.states + list(vote.by_state if vote else [])}
    print(f"\n{records} metadata records, {len(states)} States named; unresolved names: {sorted(unresolved) or 'none'}")
    assert records > 3000 and len(states) >= 190
    assert not unresolved


def test_an_english_version_without_a_title_takes_the_catalogue_title():
    rec = {"symbol": "S/RES/2672 (2023)", "title": None, "adoption_type": "",
           "resolution_title": "Security Council resolution 2672 (2023) [on humanitarian situation in the Syrian Arab Republic]"}
    en = Resolution("S/RES/2672 (2023)", "Security Council", None, None, "en", "", Source("x.xml", "0" * 64, "akn"))
    fr = Resolution("S/RES/2672 (2023)", "Security Council", None, None, "fr", "", Source("x.xml", "0" * 64, "akn"))
    kept = Resolution("S/RES/2672 (2023)", "Security Council", None, None, "en", "Its own title", Source("x.xml", "0" * 64, "akn"))
    for res in (en, fr, kept):
        apply(res, {"S/RES/2672 (2023)": rec})
    assert en.title == rec["resolution_title"] and fr.title == "" and kept.title == "Its own title"
