"""Competency questions (ontology/queries/*.rq) answered with pyoxigraph over the union of named graphs.

(a) over a hand-annotated excerpt of A/RES/78/216 (tests/fixtures/competency/) plus the small test resolution
    A/RES/78/9999 (tests/fixtures/shapes/small.py, for the Secretary-General mandate and the recorded vote),
    with answers a person reads off those texts;
(b) over the real pipeline on the bundled sample: readers.read -> extract.extract -> graph.build.
"""
from __future__ import annotations

import hashlib
import importlib.util
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from unkg import iris, ontology
from unkg.ingest.extract import extract
from unkg.ingest.graph import build
from unkg.ingest.readers import read
from unkg.ingest.validate import validate

FIXTURES = Path(__file__).parent / "fixtures"
VOCAB_GRAPH = ox.NamedNode("https://w3id.org/unkg/vocab")
ID = iris.work("A/RES/78/216")
SMALL = iris.work("A/RES/78/9999")


def _module(relpath: str):
    spec = importlib.util.spec_from_file_location(Path(relpath).stem, FIXTURES / relpath)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


excerpt = _module("competency/excerpt.py")
small = _module("shapes/small.py")
QUERIES = {q.name: q for q in ontology.queries()}


def _store(graphs: list[tuple[str, rdflib.Graph]], trig: Path | None = None) -> ox.Store:
    store = ox.Store()
    if trig is not None:
        store.load(path=str(trig), format=ox.RdfFormat.TRIG)
    for name, g in graphs:
        store.load(g.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES,
                   to_graph=ox.NamedNode(name))
    for path in ontology.vocab_paths():
        store.load(path=str(path), format=ox.RdfFormat.TURTLE, to_graph=VOCAB_GRAPH)
    return store


def ask(store: ox.Store, name: str) -> list[dict[str, str]]:
    """Rows of one competency question as {variable: value} (unbound variables absent)."""
    result = store.query(QUERIES[name].sparql, use_default_graph_as_union=True)
    names = [v.value for v in result.variables]
    return [{n: t.value for n, t in zip(names, row, strict=True) if t is not None} for row in result]


@pytest.fixture(scope="module")
def store() -> ox.Store:
    return _store([build(small.resolution())], FIXTURES / "competency" / "excerpt_78_216.trig")


def test_queries_are_documented():
    assert len(QUERIES) >= 15
    for q in QUERIES.values():
        assert q.question.endswith("?"), f"{q.name}: the first comment line must be the question"
        assert q.sparql.lstrip().startswith("#")
    assert sum(q.aggregate for q in QUERIES.values()) >= 4


def test_fixture_is_shaped_exactly_like_graph_build_output():
    name, g = build(excerpt.resolution())
    ds = rdflib.Dataset()
    ds.parse(FIXTURES / "competency" / "excerpt_78_216.trig", format="trig")
    fixture = ds.graph(rdflib.URIRef(name))
    assert set(fixture) == set(g), "regenerate with: python tests/fixtures/competency/excerpt.py"
    assert validate(g).conforms


def _of(rows, symbol="A/RES/78/216"):
    return [r for r in rows if r.get("symbol", symbol) == symbol]


def _numbers(rows):
    return {r["number"] for r in rows}


def _expected_provisions(pred) -> set[str]:
    """Paragraph numbers of the hand annotation (excerpt.PROVISIONS) whose clauses satisfy pred."""
    return {n for n, clauses in excerpt.PROVISIONS.items() if any(pred(c) for c in clauses)}


CHECKS = {}


def check(name):
    def register(fn):
        CHECKS[name] = fn
        return fn
    return register


@check("cq01_provisions_addressing_actor")
def _(rows):
    # op 28 urges "transnational corporations and other business enterprises"; op 29 underscores the
    # responsibility of "all business enterprises"; 78/9999 op 1 encourages business enterprises
    assert _numbers(_of(rows)) == {"28", "29"}
    assert {"transnational corporations", "business enterprises"} <= {r["actorLabel"] for r in _of(rows)}
    assert _numbers(_of(rows, "A/RES/78/9999")) == {"1"}


@check("cq02_mandates_to_report")
def _(rows):
    sr = [r for r in _of(rows) if r["number"] == "36"]  # "Requests the Special Rapporteur to continue to report annually"
    assert {r["recipientLabel"] for r in sr} == {"General Assembly", "Human Rights Council"}
    assert {r["frequency"] for r in sr} == {"annually"}
    assert sr[0]["actorLabel"].startswith("Special Rapporteur on the situation of human rights defenders")


@check("cq03_mandates_secretary_general")
def _(rows):
    assert not _of(rows)  # A/RES/78/216 gives the Secretary-General no mandate
    (sg,) = _of(rows, "A/RES/78/9999")
    assert (sg["number"], sg["task"], sg["recipientLabel"], sg["dueSession"]) == ("2", "report", "General Assembly", "79")
    assert sg["due"] == "at its seventy-ninth session"


@check("cq04_rights_in_calls_upon_states")
def _(rows):
    counts = {r["rightLabel"]: int(r["provisions"]) for r in rows if r["session"] == "78"}
    # 78/216 op 18 calls upon all States about opinion and expression, peaceful assembly and association;
    # 78/9999 op 1 calls upon States to protect freedom of expression
    assert counts == {"freedom of opinion and expression": 2, "freedom of peaceful assembly": 1,
                      "freedom of association": 1}
    assert rows[0]["rightLabel"] == "freedom of opinion and expression"  # most invoked first


@check("cq05_paragraphs_in_order")
def _(rows):
    assert [int(r["index"]) for r in rows] == list(range(1, 41))
    assert [r["kind"] for r in rows[:4]] == ["preambular"] * 3 + ["operative"]
    assert rows[3]["number"] == "1" and rows[3]["verbText"] == "Welcomes"
    assert rows[-1]["text"] == "Decides to remain seized of the matter."


@check("cq06_strength_profile")
def _(rows):
    expected: dict[int, int] = {}
    for clauses in excerpt.PROVISIONS.values():
        for c in clauses:
            expected[c[2]] = expected.get(c[2], 0) + 1
    assert {int(r["strength"]): int(r["provisions"]) for r in _of(rows)} == expected
    assert expected[5] == 1  # "Decides to remain seized of the matter."


@check("cq07_strong_provisions_by_actor")
def _(rows):
    got = {(r["actorLabel"], r["verb"].rsplit("/", 1)[1]): int(r["provisions"]) for r in rows}
    assert got[("States", "call-upon")] == 3  # 78/216 op 19 and op 30, 78/9999 op 1
    assert got[("States", "urge")] == 1  # 78/216 op 4
    assert ("non-State actors", "encourage") not in got  # encouragement is strength 2


@check("cq08_citations")
def _(rows):
    assert {(r["index"], r["cited"]) for r in _of(rows)} == {("3", iris.work("A/RES/53/144"))}


@check("cq09_cited_by")
def _(rows):
    assert {r["symbol"] for r in rows} == {"A/RES/78/216", "A/RES/78/9999"}


@check("cq10_beneficiaries")
def _(rows):
    n = len(_expected_provisions(lambda c: any(slug == "human-rights-defenders" for _, slug in c[7])))
    assert [(r["groupLabel"], int(r["provisions"])) for r in _of(rows)] == [("human rights defenders", 3)]
    assert n == 3


@check("cq11_sdg_target")
def _(rows):
    assert _numbers(_of(rows)) == {"30"}  # "including target 16.10"
    assert "target 16.10" in _of(rows)[0]["text"]


@check("cq12_evidence_for_addressees")
def _(rows):
    text = excerpt.resolution().text
    assert len(rows) == sum(len(c[5]) for clauses in excerpt.PROVISIONS.values() for c in clauses)
    for r in rows:
        assert text[int(r["start"]):int(r["end"])] == r["exact"]
    assert ("https://w3id.org/unkg/vocab/actors/all-states", "all States") in {(r["actor"], r["exact"]) for r in rows}


@check("cq13_rights_and_articles")
def _(rows):
    pairs = {(r["rightLabel"], r["articleLabel"]) for r in _of(rows)}
    assert ("freedom of association", "ICCPR article 22") in pairs
    assert ("freedom of opinion and expression", "ICCPR article 19") in pairs
    assert ("right to life", "ICCPR article 6") in pairs


@check("cq14_states_and_non_state_actors")
def _(rows):
    # op 19 "Calls upon States and encourages non-State actors"; op 29 "Calls upon all States and encourages
    # non-State actors ..., underscores the responsibility of all business enterprises"
    assert _numbers(_of(rows)) == {"19", "29"}
    assert ("19", "Calls upon", "encourages") in {(r["number"], r["stateVerb"], r["nonStateVerb"]) for r in rows}


@check("cq15_adoption")
def _(rows):
    (r,) = _of(rows)
    assert (r["bodyLabel"], r["date"], r["session"], r["agendaItem"], r["committee"], r["report"]) == (
        "General Assembly", "2023-12-19", "78", "71 (b)", "Third Committee", "A/78/481/Add.2")
    assert r["title"].startswith("Implementing the Declaration on the Right and Responsibility")


@check("cq16_modalities_by_actor")
def _(rows):
    got = {(r["actorLabel"], r["modality"].rsplit("/", 1)[1]): int(r["provisions"]) for r in rows}
    assert got[("non-State actors", "encouragement")] == 2  # 78/216 op 19 and op 29
    assert got[("States", "exhortation")] == 4  # 78/216 op 4, 19, 30; 78/9999 op 1
    # alphabetical regardless of case: "non-State actors" before "States", not after every capital
    labels = [r.get("actorLabel", "") for r in rows]
    assert labels == sorted(labels, key=str.upper)
    assert labels.index("non-State actors") < labels.index("States")
    # each actor's most frequent modality first
    counts = [(r.get("actorLabel", "").upper(), -int(r["provisions"])) for r in rows]
    assert counts == sorted(counts)


@check("cq17_un_bodies_addressed")
def _(rows):
    sr = "Special Rapporteur on the situation of human rights defenders"
    assert {(r["bodyLabel"], r["role"]) for r in _of(rows)} == {(sr, "addressee"), (sr, "mandated")}
    assert ("Secretary-General", "mandated") in {(r["bodyLabel"], r["role"]) for r in _of(rows, "A/RES/78/9999")}


@check("cq18_votes")
def _(rows):
    votes = {(r.get("stateLabel"), r.get("how")) for r in _of(rows, "A/RES/78/9999")}
    assert votes == {("France", "yes"), ("Brazil", "no"), ("China", "abstained")}
    assert {r["inFavour"] for r in _of(rows, "A/RES/78/9999")} == {"150"}
    assert not _of(rows)  # the excerpt of 78/216 carries no vote


@check("cq19_provenance")
def _(rows):
    got = {r["expression"]: r for r in rows}
    assert got[ID + "/en"]["sha256"] == excerpt.SHA256 and got[ID + "/en"]["file"] == "A_RES_78_216.en.txt"
    assert got[SMALL + "/en"]["format"] == "text"


@check("cq20_voting_agreement")
def _(rows):
    # one recorded vote in the fixture: France yes, Brazil no (tests/test_states_competency.py asks of more)
    assert [(r["votes"], r["agreeing"], float(r["agreement"]), float(r["lijphart"])) for r in rows] == [("1", "0", 0.0, 0.0)]


@check("cq21_no_votes_on_business")
def _(rows):
    assert [(r["stateLabel"], r["symbol"]) for r in rows] == [("Brazil", "A/RES/78/9999")]


@check("cq22_co_sponsors")
def _(rows):
    assert rows == []  # Colombia sponsors nothing in the fixture (tests/test_states_competency.py: with sponsors)


@check("cq23_new_operative_paragraphs")
@check("cq24_obligations_strengthened")
def _(rows):
    # these fixtures hold no lineage graphs; tests/test_competency_lineage.py asks them of a series
    assert rows == []


@check("cq25_first_wording")
def _(rows):
    # with no lineage stored, the paragraph's own resolution is the first to hold its wording
    assert [(r["first"], r["origin"]) for r in rows] == [("A/RES/78/216", ID + "/op/27")]


# ORDER BY CONCAT(STR(?x), " ") or CONCAT(?x, " "): a computed sort key standing for ?x (the questions say why)
SPACED_KEY = re.compile(r'CONCAT\((?:STR\()?\?(\w+)\)?, " "\)')
TRICKY = {  # prefixes of one another, a space inside, digits against letters and punctuation
    "iri": [f"<https://w3id.org/unkg/vocab/actors/{s}>" for s in ("ga", "ga-x", "ga/x", "ga0", "gax", "g", "hrc", "sc")],
    "literal": ['"S/RES/2718 (2023)"', '"S/RES/2718"', '"S/RES/27180"', '"S/RES/2718 (2023) A"', '"A/RES/78/216"',
                '"A/RES/78/21"', '"A/HRC/RES/56/1"', '"A/RES/78/216/Add.1"'],
}


def test_computed_sort_keys_order_as_the_terms():
    keyed = [q for q in QUERIES.values() if SPACED_KEY.search(q.sparql)]
    assert {"cq10_beneficiaries", "cq22_co_sponsors"} <= {q.name for q in keyed}
    for q in keyed:
        for match in SPACED_KEY.finditer(q.sparql):
            kind = "iri" if match.group(0).startswith("CONCAT(STR(") else "literal"
            values = " ".join(TRICKY[kind])
            plain = f"SELECT ?{match.group(1)} {{ VALUES ?{match.group(1)} {{ {values} }} }} ORDER BY ?{match.group(1)}"
            computed = plain.replace(f"ORDER BY ?{match.group(1)}", f"ORDER BY {match.group(0)}")
            for engine in (lambda s: [r[0].value for r in ox.Store().query(s)],
                           lambda s: [str(r[0]) for r in rdflib.Graph().query(s)]):
                assert engine(computed) == engine(plain), (q.name, match.group(0))


def test_every_question_has_a_check():
    assert set(CHECKS) == set(QUERIES)


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_competency_question_on_fixture(store, name):
    CHECKS[name](ask(store, name))


# -- (b) the real pipeline on the bundled sample -------------------------------------------------------------
@pytest.fixture(scope="module")
def sample_graph(sample_text) -> tuple[str, rdflib.Graph]:
    """The bundled sample through the real pipeline: (graph name, graph), conforming to the shapes."""
    name, g = build(extract(read(sample_text)))
    report = validate(g)
    assert report.conforms, report.summary
    return name, g


@pytest.fixture(scope="module")
def pipeline_store(sample_graph):
    return _store([sample_graph])


def test_pipeline_answers_all_questions(pipeline_store, sample_text):
    """Every question answers on the sample but ten: it has no votes or sponsors (they come from --meta, so
    no agreement of two States either), asks nothing of the Secretary-General, is alone in its series (no
    predecessor to be new or stronger against, no mandate renewed), is the one body's only resolution (no
    second body asking the same report) and asks no report by a session number (the Special Rapporteur
    reports "annually")."""
    answers = {name: ask(pipeline_store, name) for name in QUERIES}
    assert {name for name, rows in answers.items() if not rows} == {
        "cq03_mandates_secretary_general", "cq18_votes", "cq20_voting_agreement", "cq21_no_votes_on_business",
        "cq22_co_sponsors",
        "cq23_new_operative_paragraphs", "cq24_obligations_strengthened",
        "cq26_reports_due_next_ga_session", "cq27_renewed_yearly_without_review", "cq28_same_report_two_bodies"}
    (provenance,) = answers["cq19_provenance"]
    assert (provenance["format"], provenance["language"]) == ("text", "en")
    assert provenance["sha256"] == hashlib.sha256(sample_text.read_bytes()).hexdigest()
    assert {r["symbol"] for r in answers["cq09_cited_by"]} == {"A/RES/78/216"}


def test_pipeline_answers_read_off_the_text(pipeline_store):
    # op 28: "Urges non-State actors, including transnational corporations and other business enterprises"
    assert "28" in _numbers(ask(pipeline_store, "cq01_provisions_addressing_actor"))
    # op 36: "Requests the Special Rapporteur to continue to report annually ... to the General Assembly and the
    # Human Rights Council"
    sr = [r for r in ask(pipeline_store, "cq02_mandates_to_report") if r["number"] == "36"]
    assert {r.get("recipientLabel") for r in sr} == {"General Assembly", "Human Rights Council"}
    paragraphs = ask(pipeline_store, "cq05_paragraphs_in_order")
    assert [r["number"] for r in paragraphs if r["kind"] == "operative"] == [str(n) for n in range(1, 38)]
    assert ("3", iris.work("A/RES/53/144")) in {(r["index"], r["cited"]) for r in ask(pipeline_store, "cq08_citations")}
    assert "30" in _numbers(ask(pipeline_store, "cq11_sdg_target"))  # "including target 16.10"
    assert {"19", "29"} <= _numbers(ask(pipeline_store, "cq14_states_and_non_state_actors"))
    (header,) = ask(pipeline_store, "cq15_adoption")
    assert (header["date"], header["agendaItem"], header.get("committee")) == ("2023-12-19", "71 (b)", "Third Committee")
    rights = {r["rightLabel"] for r in ask(pipeline_store, "cq04_rights_in_calls_upon_states")}
    assert {"freedom of opinion and expression", "freedom of peaceful assembly", "freedom of association"} <= rights


def test_language_versions_do_not_repeat_answers(sample_graph):
    """Each language version of a resolution is its own graph repeating the statements about the work, and
    the union default graph of Oxigraph 0.5 returns a triple once per graph holding it: every question must
    answer over two versions exactly as over one (the old cq06 doubled its counts, cq01 repeated rows)."""
    name, g = sample_graph
    one = _store([sample_graph])
    two = _store([sample_graph, (name.rsplit("/", 1)[0] + "/fr", g)])

    def rows(store: ox.Store, q: str) -> list[list[tuple[str, str]]]:
        return sorted(sorted(r.items()) for r in ask(store, q))

    differ = [q for q in sorted(QUERIES) if rows(one, q) != rows(two, q)]
    assert not differ, f"answers change when a second language version repeats the statements: {differ}"


@check("cq26_reports_due_next_ga_session")
def _(rows):
    # the latest Assembly session in the fixture is the 78th; A/RES/78/9999 asks a report at the 79th
    assert [(r["session"], r["entityLabel"], r["reports"], r["resolutions"]) for r in rows] == [
        ("79", "Secretary-General", "1", "A/RES/78/9999")]


@check("cq27_renewed_yearly_without_review")
@check("cq28_same_report_two_bodies")
def _(rows):
    # one resolution per body and no lineage: no renewals, no second body (tests/test_mandate_registry.py asks a series)
    assert rows == []


@pytest.mark.parametrize("form", sorted((Path(__file__).parent.parent / "benchmarks" / "rdflib_forms").glob("*.rq")),
                         ids=lambda p: p.stem)
def test_a_question_written_for_rdflib_answers_as_the_shipped_one(store, pipeline_store, form):
    """benchmarks/queries.py times rdflib on these forms too: each must be the same question as the shipped one
    (here over the annotated excerpt and the real pipeline's graph; the benchmark checks its sample too)."""
    text = form.read_text(encoding="utf-8")
    for st in (store, pipeline_store):
        shipped = ask(st, form.stem)
        result = st.query(text, use_default_graph_as_union=True)
        names = [v.value for v in result.variables]
        written = [{n: t.value for n, t in zip(names, row, strict=True) if t is not None} for row in result]
        assert shipped and written == shipped
