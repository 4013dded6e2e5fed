"""The embedded store (pyoxigraph on disk): atomic graph replace, queries, formats, errors."""
from __future__ import annotations

import json
import threading

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.namespace import RDF, XSD

from unkg.errors import QueryError, StoreError
from unkg.store import open_store
from unkg.store.common import GraphText, counted_nquads, graph_nquads, nquads, replace_update, stats_query
from unkg.store.embedded import EmbeddedStore, _Reader

UNKG = rdflib.Namespace("https://w3id.org/unkg/ontology#")
ID = "https://w3id.org/unkg/id/"
G1 = ID + "A/RES/78/216/en"
G2 = ID + "A/RES/78/217/en"


def small_graph(symbol: str = "A/RES/78/216", n_ops: int = 3) -> rdflib.Graph:
    g = rdflib.Graph()
    work = rdflib.URIRef(ID + symbol)
    g.add((work, RDF.type, UNKG.Resolution))
    g.add((work, UNKG.symbol, rdflib.Literal(symbol)))
    g.add((work, UNKG.title, rdflib.Literal('Human rights "defenders"\nin the digital age é', lang="en")))
    g.add((work, UNKG.session, rdflib.Literal(78, datatype=XSD.integer)))
    for i in range(1, n_ops + 1):
        op = rdflib.URIRef(f"{ID}{symbol}/op/{i}")
        g.add((op, RDF.type, UNKG.OperativeParagraph))
        g.add((op, UNKG.partOf, work))
    return g


def quads(store) -> set[tuple[str, ...]]:
    rows = store.select("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
    return {(str(r["g"]), r["s"].n3(), r["p"].n3(), r["o"].n3()) for r in rows}


def test_replace_is_idempotent_and_replaces(store):
    assert store.replace_graphs([(G1, small_graph())]) == 10
    first = quads(store)
    assert store.replace_graphs([(G1, small_graph())]) == 10
    assert quads(store) == first  # re-ingest leaves the same quads
    store.replace_graphs([(G1, small_graph(n_ops=1))])
    assert len(quads(store)) == 6  # the old paragraphs are gone, not merged
    assert store.graphs() == [G1]


def test_ntriples_payload_equals_graph_payload(store):
    nt = small_graph("A/RES/78/217").serialize(format="nt")
    store.replace_graphs([(G1, small_graph()), (G2, nt)])
    assert set(store.graph(G2)) == set(small_graph("A/RES/78/217"))
    assert set(store.graph(G1)) == set(small_graph())


def test_failed_replace_leaves_store_unchanged(store):
    store.replace_graphs([(G1, small_graph())])
    before = quads(store)
    with pytest.raises(StoreError):
        store.replace_graphs([(G1, small_graph(n_ops=1)), (G2, "<urn:a> <urn:b> this is not N-Triples .")])
    assert quads(store) == before
    with pytest.raises(ValueError):
        store.replace_graphs([("urn:x> <urn:evil", small_graph())])
    assert quads(store) == before


def test_failed_write_of_new_graphs_writes_none(store):
    # graphs not yet in the store take the N-Quads load path: one transaction too
    with pytest.raises(StoreError):
        store.replace_graphs([(G1, small_graph()), (G2, "<urn:a> <urn:b> this is not N-Triples .")])
    assert quads(store) == set() and store.graphs() == []


def test_default_graph_is_the_union(store):
    store.replace_graphs([(G1, small_graph()), (G2, small_graph("A/RES/78/217"))])
    rows = store.select(f"SELECT (COUNT(?r) AS ?n) WHERE {{ ?r a <{UNKG}Resolution> }}")
    assert rows[0]["n"].toPython() == 2
    assert store.ask(f"ASK {{ <{ID}A/RES/78/217> a <{UNKG}Resolution> }}")


def test_terms_come_back_as_rdflib_terms(store):
    store.replace_graphs([(G1, small_graph())])
    row = store.select(f"SELECT ?t ?s ?x WHERE {{ <{ID}A/RES/78/216> <{UNKG}title> ?t ; <{UNKG}session> ?s ; <{UNKG}symbol> ?x }}")[0]
    assert row["t"] == rdflib.Literal('Human rights "defenders"\nin the digital age é', lang="en")
    assert row["s"] == rdflib.Literal(78, datatype=XSD.integer)
    assert row["x"] == rdflib.Literal("A/RES/78/216")  # plain string, as rdflib gives it


def test_unbound_variables_are_absent(store):
    store.replace_graphs([(G1, small_graph())])
    rows = store.select("SELECT ?s ?nothing WHERE { ?s a ?c OPTIONAL { ?s <urn:none> ?nothing } } LIMIT 1")
    assert rows and "s" in rows[0] and "nothing" not in rows[0]


def test_query_raw_formats(store):
    store.replace_graphs([(G1, small_graph())])
    sel = f"SELECT ?s WHERE {{ ?s a <{UNKG}Resolution> }}"
    data = json.loads(store.query_raw(sel, "json"))
    assert data["results"]["bindings"][0]["s"]["value"] == ID + "A/RES/78/216"
    assert store.query_raw(sel, "csv").decode().splitlines()[0] == "s"
    assert b"<sparql" in store.query_raw(sel, "xml")
    assert store.query_raw(sel, "tsv").decode().startswith("?s")
    ttl = store.query_raw("CONSTRUCT WHERE { ?s a ?c }", "turtle")
    assert len(rdflib.Graph().parse(data=ttl, format="turtle")) == 4
    with pytest.raises(QueryError):
        store.query_raw(sel, "turtle")
    assert len(store.construct("CONSTRUCT WHERE { ?s a ?c }")) == 4


def test_malformed_query_is_a_query_error(store):
    with pytest.raises(QueryError, match="malformed"):
        store.select("SELEC ?x")
    with pytest.raises(QueryError):
        store.update("INSERT GARBAGE")


def test_dump_round_trips(store):
    store.replace_graphs([(G1, small_graph()), (G2, small_graph("A/RES/78/217"))])
    ds = rdflib.Dataset()
    ds.parse(data=store.dump("trig"), format="trig")
    assert {str(c.identifier) for c in ds.graphs() if len(c)} == {G1, G2}
    assert len(rdflib.Graph().parse(data=store.dump("turtle"), format="turtle")) == 20
    assert len(store.dump("nquads").decode().strip().splitlines()) == 20
    assert json.loads(store.dump("jsonld"))


def test_stats_counts_classes(store):
    store.replace_graphs([(G1, small_graph()), (G2, small_graph("A/RES/78/217", n_ops=2))])
    st = store.stats()
    assert (st["quads"], st["graphs"], st["resolutions"], st["operative_paragraphs"]) == (18, 2, 2, 5)


def test_stats_query_filters_graphs():
    q = stats_query(["https://w3id.org/unkg/"])
    assert q.count('STRSTARTS(STR(?g), "https://w3id.org/unkg/")') == 9


def test_replace_update_counts_quads():
    text, n = replace_update([(G1, small_graph())])
    assert n == 10 and text.startswith(f"DROP SILENT GRAPH <{G1}>") and "INSERT DATA" in text
    assert replace_update([]) == ("", 0)


def test_drop_graph(store):
    store.replace_graphs([(G1, small_graph()), (G2, small_graph("A/RES/78/217"))])
    store.drop_graph(G1)
    store.drop_graph(G1)  # dropping an absent graph is fine
    assert store.graphs() == [G2]


def test_read_only_store(store_dir):
    with pytest.raises(StoreError, match="no store here"):
        open_store(str(store_dir), read_only=True)
    s = open_store(str(store_dir))
    s.replace_graphs([(G1, small_graph())])
    s.close()
    ro = open_store(str(store_dir), read_only=True)
    assert ro.graphs() == [G1]
    with pytest.raises(StoreError, match="read-only"):
        ro.replace_graphs([(G2, small_graph())])
    ro.close()


def test_read_only_view_picks_up_a_later_write(store_dir):
    """A server holds the store open read-only while `unkg ingest` writes to it: refresh() reopens the view
    when the writer has committed (RocksDB's manifest grew), and only then."""
    with open_store(str(store_dir)) as w:
        w.replace_graphs([(G1, small_graph())])
    ro = open_store(str(store_dir), read_only=True)
    # the interval between looks outlasts the writer below however slowly it runs (a loaded machine)
    ro.REFRESH_EVERY = 3600.0
    assert ro.refresh(now=True) is False and ro.version == 0
    with open_store(str(store_dir)) as w:  # a writer beside the reader, as `unkg ingest` beside `unkg serve`
        w.replace_graphs([(G2, small_graph("A/RES/78/217"))])
    assert ro.refresh() is False  # looked less than REFRESH_EVERY ago
    assert ro.refresh(now=True) is True and ro.version == 1
    assert ro.graphs() == [G1, G2]
    assert {str(r["s"]) for r in ro.select("SELECT ?s WHERE { ?s a <https://w3id.org/unkg/ontology#Resolution> }")} == {
        ID + "A/RES/78/216", ID + "A/RES/78/217"}
    assert ro.refresh(now=True) is False and ro.version == 1
    ro.close()


def test_second_writer_gets_a_clear_error(store, store_dir):
    with pytest.raises(StoreError, match="another process"):
        EmbeddedStore(store_dir)


def test_a_file_is_not_a_store(tmp_path):
    f = tmp_path / "file"
    f.write_text("x")
    with pytest.raises(StoreError, match="is a file"):
        open_store(str(f))


def test_query_timeout_gives_a_clear_error(store):
    g = rdflib.Graph()
    for i in range(300):
        g.add((rdflib.URIRef(f"urn:s{i}"), rdflib.URIRef("urn:p"), rdflib.Literal(i)))
    store.replace_graphs([(G1, g)])
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?x . ?b ?p ?y . ?c ?p ?z . ?d ?p ?w }"  # 300^4 rows
    with pytest.raises(QueryError, match="longer than the limit") as e:
        store.select(slow, timeout=0.2)
    assert e.value.status == 503
    assert store.select("SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?x }", timeout=5)[0]["n"].toPython() == 300


def test_concurrent_readers(store):
    store.replace_graphs([(G1, small_graph())])
    results: list[int] = []

    def read() -> None:
        for _ in range(20):
            results.append(len(store.select("SELECT * WHERE { ?s ?p ?o }")))

    threads = [threading.Thread(target=read) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [10] * 80


# -- the default graph: the union of the named graphs, each triple once (store/mirror.py) ---------------------
# Whatever writes the graphs: a first ingest (bulk load), a re-ingest (SPARQL Update), a drop, a user's update;
# a failed write leaves it as it was. A store written before keeps Oxigraph's union of the named graphs.
FR = ID + "A/RES/78/216/fr"


def union_rows(store) -> list[tuple[str, ...]]:
    """The default graph's triples, repeats kept: what a user's `?s ?p ?o` matches."""
    rows = store.select("SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
    return sorted((r["s"].n3(), r["p"].n3(), r["o"].n3()) for r in rows)


def named_triples(store) -> list[tuple[str, ...]]:
    rows = store.select("SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
    return sorted((r["s"].n3(), r["p"].n3(), r["o"].n3()) for r in rows)


def assert_union_kept(store) -> None:
    assert union_rows(store) == named_triples(store)


def test_a_statement_two_language_versions_make_is_matched_once(store):
    # the English and French graphs of 78/216 state the same 10 triples about the work
    store.replace_graphs([(G1, small_graph()), (FR, small_graph())])
    assert len(union_rows(store)) == 10 and union_rows(store) == named_triples(store)
    n = store.select(f"SELECT (COUNT(?op) AS ?n) WHERE {{ ?op a <{UNKG}OperativeParagraph> }}")[0]["n"]
    assert n.toPython() == 3  # Oxigraph's own union default graph counts 6
    both = store.select(f"SELECT ?g WHERE {{ GRAPH ?g {{ <{ID}A/RES/78/216> a <{UNKG}Resolution> }} }}")
    assert {str(r["g"]) for r in both} == {G1, FR}  # the versions are still there, each in its graph
    assert len(store) == 20  # quads of the named graphs


def test_reingest_and_drop_keep_what_another_graph_still_says(store):
    store.replace_graphs([(G1, small_graph()), (FR, small_graph()), (G2, small_graph("A/RES/78/217"))])
    store.replace_graphs([(G1, small_graph(n_ops=1))])  # op/2 and op/3 still in the French graph
    assert_union_kept(store)
    assert store.ask(f"ASK {{ <{ID}A/RES/78/216/op/3> ?p ?o }}")
    store.drop_graph(FR)
    assert_union_kept(store)
    assert not store.ask(f"ASK {{ <{ID}A/RES/78/216/op/3> ?p ?o }}")
    store.drop_graph(G2)
    assert_union_kept(store)
    assert not store.ask(f"ASK {{ <{ID}A/RES/78/217> ?p ?o }}")


def test_a_rewrite_writes_only_what_changed(store):
    store.replace_graphs([(G1, small_graph()), (FR, small_graph())])
    assert store._rewrite([(G1, small_graph().serialize(format="nt"))]) == ("", 10)  # unchanged: nothing to write
    text, n = store._rewrite([(G1, small_graph(n_ops=2).serialize(format="nt"))])
    assert n == 8 and "op/3>" in text and "op/1>" not in text and "INSERT" not in text
    store.replace_graphs([(G1, small_graph(n_ops=2))])
    assert set(store.graph(G1)) == set(small_graph(n_ops=2))
    assert store.ask(f"ASK {{ <{ID}A/RES/78/216/op/3> ?p ?o }}")  # the French graph still says it
    assert_union_kept(store)


def test_a_rewrite_keeps_the_union_when_a_statement_moves_between_graphs(store):
    moving = (rdflib.URIRef(ID + "A/RES/78/216"), UNKG.note, rdflib.Literal("moves"))
    g1, g2 = small_graph(), small_graph("A/RES/78/217")
    g1.add(moving)
    store.replace_graphs([(G1, g1), (G2, g2)])
    g1.remove(moving)
    g2.add(moving)
    store.replace_graphs([(G1, g1), (G2, g2)])  # one batch: removed from one graph, added to the other
    assert store.ask(f"ASK {{ <{ID}A/RES/78/216> <{UNKG}note> 'moves' }}")
    assert set(store.graph(G2)) == set(g2) and set(store.graph(G1)) == set(g1)
    assert_union_kept(store)


def test_an_unchanged_graph_is_not_written_though_the_store_prints_it_otherwise(store):
    # Oxigraph keeps "7"^^xsd:nonNegativeInteger by value and prints it back as xsd:integer (evidence offsets)
    nt = '<urn:a> <http://www.w3.org/ns/oa#start> "7"^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger> .'
    store.replace_graphs([(G1, nt)])
    assert "#integer>" in store.graph_ntriples(G1)
    assert store._rewrite([(G1, nt)]) == ("", 1)


def test_a_rewrite_of_the_same_triple_printed_otherwise_keeps_it(store):
    store.replace_graphs([(G1, '<urn:a> <urn:b> "tab\there" .\n<urn:a> <urn:c> "x" .')])
    store.replace_graphs([(G1, '<urn:a> <urn:b> "tab\\u0009here" .\n<urn:a> <urn:c> "y" .')])
    assert {(str(p), str(o)) for _s, p, o in store.graph(G1)} == {("urn:b", "tab\there"), ("urn:c", "y")}
    assert_union_kept(store)


def test_a_graph_with_blank_nodes_is_rewritten_whole(store):
    store.replace_graphs([(G1, "<urn:a> <urn:b> _:x .\n_:x <urn:c> 'one' .".replace("'", '"'))])
    store.replace_graphs([(G1, "<urn:a> <urn:b> _:y .\n_:y <urn:c> 'two' .".replace("'", '"'))])
    rows = store.select("SELECT ?v WHERE { GRAPH ?g { <urn:a> <urn:b> ?n . ?n <urn:c> ?v } }")
    assert [str(r["v"]) for r in rows] == ["two"] and len(store) == 2
    assert_union_kept(store)


def test_failed_writes_leave_the_union_as_it_was(store):
    store.replace_graphs([(G1, small_graph())])
    before = union_rows(store)
    bad = "<urn:a> <urn:b> this is not N-Triples ."
    with pytest.raises(StoreError):  # new graphs: the bulk load path
        store.replace_graphs([(G2, small_graph("A/RES/78/217")), (FR, bad)])
    assert union_rows(store) == before
    with pytest.raises(StoreError):  # a graph already there: the SPARQL Update path
        store.replace_graphs([(G1, small_graph(n_ops=1)), (G2, bad)])
    assert union_rows(store) == before


class _LoadsThenFails:
    """The pyoxigraph store, except that a bulk load writes its data and then fails, as an interrupted or
    out-of-space load can: the case where the failed load's leftovers must be removed."""

    def __init__(self, real: ox.Store) -> None:
        self._real = real

    def __getattr__(self, name: str):
        return getattr(self._real, name)

    def bulk_load(self, *args, **kwargs) -> None:
        self._real.bulk_load(*args, **kwargs)
        raise OSError("No space left on device")


STRAY = ox.Quad(ox.NamedNode("urn:stray"), ox.NamedNode("urn:p"), ox.Literal("no graph holds me"), ox.DefaultGraph())


def test_a_load_that_fails_after_writing_removes_only_what_it_wrote(store):
    store.replace_graphs([(G1, small_graph())])
    before_quads, before_union = quads(store), union_rows(store)
    # A default-graph triple no named graph holds: a sweep of the whole default graph would remove it too,
    # the cleanup of what the batch wrote leaves it.
    store._store.add(STRAY)
    store._store = _LoadsThenFails(store._store)
    offsets = f'<{ID}A/RES/78/217/op/1> <{UNKG}offset> "7"^^<{XSD.nonNegativeInteger}> .'
    with pytest.raises(StoreError, match="No space left"):
        store.replace_graphs([(G2, small_graph("A/RES/78/217").serialize(format="nt") + offsets), (FR, small_graph())])
    assert quads(store) == before_quads and store.graphs() == [G1]
    assert union_rows(store) == sorted(before_union + [("<urn:stray>", "<urn:p>", '"no graph holds me"')])
    # a batch with blank nodes: the load gave them new labels, so the default graph is swept whole
    with pytest.raises(StoreError):
        store.replace_graphs([(G2, '<urn:a> <urn:b> _:x .')])
    assert union_rows(store) == before_union


def test_user_updates_keep_the_union(store):
    store.replace_graphs([(G1, small_graph()), (FR, small_graph())])
    store.update(f"PREFIX u: <{UNKG}> INSERT DATA {{ GRAPH <{G2}> {{ <urn:x> u:note 'added' }} }};")
    assert store.ask(f"ASK {{ <urn:x> <{UNKG}note> 'added' }}")
    store.update(f"DELETE WHERE {{ GRAPH <{G1}> {{ <{ID}A/RES/78/216/op/1> ?p ?o }} }}")
    assert store.ask(f"ASK {{ <{ID}A/RES/78/216/op/1> ?p ?o }}")  # the French graph still says it
    assert_union_kept(store)
    # graphs a template names by variable cannot be known beforehand: the whole union is made again
    store.update(f"DELETE {{ GRAPH ?g {{ ?op ?p ?o }} }} WHERE {{ GRAPH ?g {{ ?op a <{UNKG}OperativeParagraph> ; ?p ?o }} }}")
    assert not store.ask(f"ASK {{ ?op a <{UNKG}OperativeParagraph> }}")
    assert_union_kept(store)
    store.update(f"DROP GRAPH <{G2}>")
    assert not store.ask("ASK { <urn:x> ?p ?o }")
    assert_union_kept(store)


@pytest.mark.parametrize("update, says", [
    ("INSERT DATA { <urn:x> <urn:p> 1 }", "InsertData outside GRAPH"),
    ("DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "a template outside GRAPH"),
    (f"COPY <{G1}> TO DEFAULT", "COPY TO DEFAULT"),
    ("CLEAR DEFAULT", "CLEAR"),
])
def test_an_update_of_the_default_graph_is_refused(store, update, says):
    store.replace_graphs([(G1, small_graph())])
    before = union_rows(store)
    with pytest.raises(QueryError, match=f"writes the default graph \\({says}\\).*GRAPH <"):
        store.update(update)
    assert union_rows(store) == before


def test_with_names_the_graph_a_template_writes(store):
    store.replace_graphs([(G1, small_graph())])
    store.update(f"WITH <{G1}> INSERT {{ ?r <urn:p> 1 }} WHERE {{ ?r a <{UNKG}Resolution> }}")
    assert store.ask(f"ASK {{ GRAPH <{G1}> {{ ?r <urn:p> 1 }} }}") and store.ask("ASK { ?r <urn:p> 1 }")
    assert_union_kept(store)


def test_exports_give_each_graph_and_the_union_once(store):
    store.replace_graphs([(G1, small_graph()), (FR, small_graph())])
    lines = store.dump("nquads").decode().strip().splitlines()
    assert len(lines) == 20 and all(f"<{G1}> ." in line or f"<{FR}> ." in line for line in lines)
    assert len(rdflib.Graph().parse(data=store.dump("ntriples"), format="nt")) == 10
    ds = rdflib.Dataset()
    ds.parse(data=store.dump("trig"), format="trig")
    assert {str(c.identifier) for c in ds.graphs() if len(c)} == {G1, FR}


def test_a_store_written_before_reads_as_it_did(store_dir):
    """Named graphs only, as unkg wrote stores before it kept the union: still read as Oxigraph's union
    (a triple once per graph), and writes keep it so rather than leave a partial union behind."""
    old = ox.Store(str(store_dir))
    for g in (G1, FR):
        old.load(small_graph().serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES,
                 to_graph=ox.NamedNode(g))
    old.flush()
    del old
    s = open_store(str(store_dir))
    try:
        assert len(union_rows(s)) == 20  # once per graph, as before
        s.replace_graphs([(G2, small_graph("A/RES/78/217"))])
        s.update(f"INSERT DATA {{ <urn:x> <urn:p> 1 . GRAPH <{G1}> {{ <urn:y> <urn:p> 2 }} }}")
        assert s.ask("ASK { <urn:x> <urn:p> 1 }") and s.ask("ASK { <urn:y> <urn:p> 2 }")
        assert len(s) == len(s._store)  # nothing but the default graph written directly, as before
    finally:
        s.close()


def checked(iri: str, g: rdflib.Graph) -> GraphText:
    nt = g.serialize(format="nt")
    return GraphText.of(iri, nt, checked=True)


def test_one_load_of_new_graphs_gives_what_batches_give(store, tmp_path):
    """The ingest's first load (one bulk load reading the graphs as they come) and a batch write give the same
    named graphs and the same union, each statement once."""
    graphs = [(G1, small_graph()), (FR, small_graph()), (G2, small_graph("A/RES/78/217"))]
    assert store.load_new_graphs((iri, checked(iri, g)) for iri, g in graphs) == sum(len(g) for _, g in graphs)
    batches = open_store(str(tmp_path / "batches"))
    batches.replace_graphs(graphs)
    assert quads(store) == quads(batches) and union_rows(store) == union_rows(batches)
    assert len(union_rows(store)) == len(small_graph()) + len(small_graph("A/RES/78/217"))
    batches.close()


def test_one_load_of_graphs_sent_as_utf8_with_their_count_gives_what_their_text_gives(store, tmp_path):
    """What the ingest's workers send (the N-Triples' UTF-8, the N-Quads lines counted as they were made) loads
    the same named graphs and union, and counts the same quads, as the text; also into a store already written."""
    graphs = [(G1, small_graph()), (FR, small_graph()), (G2, small_graph("A/RES/78/217"))]
    as_text = open_store(str(tmp_path / "text"))
    written = as_text.load_new_graphs((iri, checked(iri, g)) for iri, g in graphs)
    sent = []
    for iri, g in graphs:
        utf8 = g.serialize(format="nt", encoding="utf-8")
        named, count = counted_nquads(iri, utf8)
        sent.append((iri, GraphText(utf8, named, checked=True, quads=count)))
    assert store.load_new_graphs(sent[:2]) + store.load_new_graphs(sent[2:]) == written
    assert quads(store) == quads(as_text) and union_rows(store) == union_rows(as_text)
    other = small_graph("A/RES/78/218")  # a graph the store holds, rewritten from UTF-8 (a batch after the load)
    store.replace_graphs([(G2, GraphText(other.serialize(format="nt", encoding="utf-8"), b""))])
    assert set(store.graph(G2)) == set(other) and store.graphs() == sorted([G1, FR, G2])
    as_text.close()


def test_the_load_reader_gives_its_blocks_as_one_file_never_more_than_asked():
    blocks = [b"abc", b"", b"defgh", b"i"]
    reader, pieces = _Reader(iter(blocks)), []
    while piece := reader.read(2):
        assert len(piece) <= 2
        pieces.append(piece)
    assert b"".join(pieces) == b"abcdefghi" and reader.read(2) == b""
    whole = _Reader(iter(blocks))
    assert whole.read(0) == b"" and whole.read(3) == b"abc" and whole.read(100) == b"defgh" and whole.read() == b"i"
    buffer, into = bytearray(4), _Reader(iter(blocks))
    assert into.readinto(buffer) == 3 and buffer[:3] == b"abc" and into.readinto(buffer) == 4 and buffer == b"defg"
    assert _Reader(iter(blocks)).read() == b"abcdefghi" and _Reader(iter([])).read(8) == b""


def test_one_load_that_fails_after_writing_leaves_the_store_as_it_was(store):
    store.replace_graphs([(G1, small_graph())])
    before_quads, before_union = quads(store), union_rows(store)
    store._store = _LoadsThenFails(store._store)
    graphs = [(FR, small_graph()), (G2, small_graph("A/RES/78/217"))]  # FR repeats G1's statements
    with pytest.raises(StoreError, match="No space left"):
        store.load_new_graphs((iri, checked(iri, g)) for iri, g in graphs)
    assert quads(store) == before_quads and store.graphs() == [G1] and union_rows(store) == before_union


def test_one_load_takes_only_new_checked_graphs(store):
    """A graph the store holds, or one Oxigraph has not parsed, stops the load, which then removes what it wrote."""
    store.replace_graphs([(G1, small_graph())])
    before_quads, before_union = quads(store), union_rows(store)
    with pytest.raises(StoreError, match="already in the store"):
        store.load_new_graphs([(G2, checked(G2, small_graph("A/RES/78/217"))), (G1, checked(G1, small_graph()))])
    unchecked = GraphText(small_graph().serialize(format="nt"), b"", checked=False)
    with pytest.raises(StoreError, match="not parsed"):
        store.load_new_graphs([(FR, unchecked)])
    assert quads(store) == before_quads and union_rows(store) == before_union


def test_one_load_in_parts_reads_the_next_part_beside_the_first_and_is_one_write(store):
    """The ingest's load has two parts (the second: lineage's graphs, made while the first part's last piece
    and files are written): the second part is read in a thread of its own once the first part's input has
    ended; a failure in the second part removes what the first wrote too."""
    store.replace_graphs([(G1, small_graph())])
    before_quads, before_union = quads(store), union_rows(store)
    caller, first_read, read_in = threading.get_ident(), [], []

    def first():
        yield FR, checked(FR, small_graph())
        first_read.append(True)

    def second(fail: bool):
        read_in.append((threading.get_ident(), bool(first_read)))
        yield G2, checked(G2, small_graph("A/RES/78/217"))
        if fail:
            raise RuntimeError("alignment failed")

    with pytest.raises(StoreError, match="alignment failed"):
        store.load_new_graphs(first(), then=[second(True)])
    assert read_in[0][0] != caller and read_in[0][1]
    assert quads(store) == before_quads and union_rows(store) == before_union and store.graphs() == [G1]
    written = store.load_new_graphs(first(), then=[second(False)])
    assert written == len(small_graph()) + len(small_graph("A/RES/78/217")) and store.graphs() == sorted([G1, FR, G2])


def test_graph_nquads_puts_each_statement_in_the_graph():
    nt = small_graph().serialize(format="nt")
    lines = graph_nquads(G1, nt).decode().splitlines()
    assert len(lines) == len(small_graph()) and all(line.endswith(f" <{G1}> .") for line in lines)
    assert sorted(lines) == sorted(nquads([(G1, nt)])[0].splitlines())  # the line by line way, for any text
    odd = "<urn:a> <urn:b> <urn:c>.\n\n<urn:a> <urn:b> <urn:d> ."  # no space before a dot, no last line break
    assert graph_nquads(G1, odd).decode() == f"<urn:a> <urn:b> <urn:c> <{G1}> .\n<urn:a> <urn:b> <urn:d> <{G1}> .\n"


def test_graph_nquads_of_utf8_is_that_of_the_text():
    # what the ingest's workers send: the N-Triples encoded once, the graph's name put in as bytes
    text = '<urn:a> <urn:b> "Réaffirme « la résolution » ’x’ \\u00e9" .\n<urn:a> <urn:b> "n\\n" .\n'
    for nt in (text, small_graph().serialize(format="nt"), "<urn:a> <urn:b> <urn:c>.\n\n<urn:a> <urn:b> <urn:d> .",
               text + "<urn:a> <urn:b> <urn:c>", ""):
        assert graph_nquads(G1, nt.encode("utf-8")) == graph_nquads(G1, nt) == \
            nquads([(G1, nt)])[0].encode("utf-8")
        lines, count = counted_nquads(G1, nt.encode("utf-8"))  # the count the workers send: the lines made
        assert lines == graph_nquads(G1, nt) and count == lines.count(b"\n") == nquads([(G1, nt)])[1]
