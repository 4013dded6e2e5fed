"""Where the on-disk store spends an aggregate question's time: cq06, cq10, cq16 and cq22 taken apart.

Each question is timed whole and in parts (cq16: its two scans and their join counted; cq16 and cq22: the
core counted, grouped, with the labels, ordered; cq06 and cq10: reaching the work through the paragraph and, as shipped, through the language
version's graph, scans, joins, grouping), on the embedded store (RocksDB) and on a pyoxigraph store in
memory holding the same quads (the default graph's copy of the union included, so both read the same
graph); then the costs per row that the parts point to: one label lookup, one LANG() over every label. CPU time (`time.process_time`), best
of --rounds runs interleaved, so that a busy spell on a shared machine hits every form alike. Last, how many
rows cq16's blocks give: each statement once in the default graph against once per version in the graphs.

With --rdflib, cq07's, cq16's and cq22's parts are timed on rdflib too, over the same quads in memory and in the
forms benchmarks/queries.py times it on (blocks unwrapped; cq22 with GRAPH ?g removed, its fastest form), and
each part's own cost (one form less the one before it) is printed on both engines with its ratio: a question
reaches 30x only if the parts it spends its time in do.

    python benchmarks/aggregate_parts.py --store /work/stores/final [--graphs 300,1000] [--rounds 15] [--rdflib]
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "ontology" / "queries"
PREFIXES = """PREFIX unkg: <https://w3id.org/unkg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX states: <https://w3id.org/unkg/vocab/states/>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
"""
LABELS16 = 'OPTIONAL { ?actor skos:prefLabel ?actorLabel FILTER (lang(?actorLabel) = "en") }'
CORE16 = """{ SELECT ?actor ?modality (COUNT(DISTINCT ?provision) AS ?provisions) WHERE {
    { SELECT * { ?provision unkg:addressee ?actor } } { SELECT * { ?provision unkg:modality ?modality } }
  } GROUP BY ?actor ?modality }"""
LABELS07 = LABELS16
STRONG = "VALUES ?strength { 4 5 } ?provision unkg:strength ?strength ."
CORE07 = f"""{{ SELECT ?actor ?verb (COUNT(DISTINCT ?provision) AS ?provisions) WHERE {{
    {STRONG} {{ SELECT * {{ ?provision unkg:addressee ?actor }} }} {{ SELECT * {{ ?provision unkg:verb ?verb }} }}
  }} GROUP BY ?actor ?verb }}"""
LABELS22 = 'OPTIONAL { ?other skos:prefLabel ?otherLabel FILTER (lang(?otherLabel) = "en") }'
CORE22 = """{ SELECT ?body ?other (COUNT(DISTINCT ?work) AS ?together) WHERE {
    GRAPH ?g { ?work unkg:adoptedBy ?body ; unkg:sponsor states:col , ?other . } FILTER (?other != states:col)
  } GROUP BY ?body ?other }"""


ADDRESSEE = "?provision unkg:addressee ?actor"
MODALITY = "?provision unkg:modality ?modality"
STRENGTH = "?provision unkg:strength ?strength"
BENEFICIARY = "?provision unkg:beneficiary ?group"
PARAGRAPH = "?provision unkg:inParagraph ?paragraph"
WORK = "?paragraph eli:is_part_of ?work"


def block(pattern: str) -> str:
    return f"{{ SELECT * {{ {pattern} }} }}"


def counted(pattern: str) -> str:
    return PREFIXES + f"SELECT (COUNT(*) AS ?n) {{ {pattern} }}"


def by_work(name: str, first: str, key: str) -> dict[str, str]:
    """cq06 or cq10 taken apart, reaching the work through the paragraph (the three scans alone, the first
    hash join, the second, the grouping) and through the language version's graph, as shipped (the versions'
    works, the property read inside GRAPH ?g, their join, the grouping)."""
    joined = f"{block(first)} {block(PARAGRAPH)} {block(WORK)}"
    scans = " ".join(f"{{ SELECT (COUNT(*) AS ?n{i}) {{ {pattern} }} }}"
                     for i, pattern in enumerate((first, PARAGRAPH, WORK)))
    versions, inside = block("?g eli:realizes ?work"), block(f"GRAPH ?g {{ {first} }}")
    both = f"{versions} {inside}"
    graph_scans = (f"{{ SELECT (COUNT(*) AS ?n0) {{ ?g eli:realizes ?work }} }} "
                   f"{{ SELECT (COUNT(*) AS ?n1) {{ GRAPH ?g {{ {first} }} }} }}")

    def grouped(pattern: str) -> str:
        return (f"{{ SELECT ?work ?{key} (COUNT(DISTINCT ?provision) AS ?provisions) WHERE {{ {pattern} }} "
                f"GROUP BY ?work ?{key} }}")

    return {
        f"{name} paragraphs: three scans": counted(scans),
        f"{name} paragraphs: + first join": counted(f"{block(first)} {block(PARAGRAPH)}"),
        f"{name} paragraphs: + second join": counted(joined),
        f"{name} paragraphs: + grouping": counted(grouped(joined)),
        f"{name} graphs: two scans": counted(graph_scans),
        f"{name} graphs: + join": counted(both),
        f"{name} graphs: + grouping": counted(grouped(both)),
        f"{name} graphs: grouped rows": PREFIXES + f"SELECT * {{ {grouped(both)} }}",
    }


def forms() -> dict[str, str]:
    cq16 = (QUERIES / "cq16_modalities_by_actor.rq").read_text(encoding="utf-8")
    cq22 = (QUERIES / "cq22_co_sponsors.rq").read_text(encoding="utf-8")
    cq06 = (QUERIES / "cq06_strength_profile.rq").read_text(encoding="utf-8")
    cq07 = (QUERIES / "cq07_strong_provisions_by_actor.rq").read_text(encoding="utf-8")
    cq10 = (QUERIES / "cq10_beneficiaries.rq").read_text(encoding="utf-8")
    return {
        **by_work("cq06", STRENGTH, "strength"),
        "cq06 as shipped": cq06,
        **by_work("cq10", BENEFICIARY, "group"),
        "cq10 as shipped": cq10,
        "cq07 strong provisions, counted": counted(STRONG),
        "cq07 + addressee join, counted": counted(f"{STRONG} {block(ADDRESSEE)}"),
        "cq07 + verb join, counted": counted(f"{STRONG} {block(ADDRESSEE)} {block('?provision unkg:verb ?verb')}"),
        "cq07 core, counted": PREFIXES + f"SELECT (COUNT(*) AS ?n) {{ {CORE07} }}",
        "cq07 grouped rows": PREFIXES + f"SELECT * {{ {CORE07} }}",
        "cq07 + labels": PREFIXES + f"SELECT * {{ {CORE07} {LABELS07} }}",
        "cq07 as shipped (ordered)": cq07,
        "cq16 addressee scan, counted": counted(block(ADDRESSEE)),
        "cq16 modality scan, counted": counted(block(MODALITY)),
        "cq16 + their join, counted": counted(f"{block(ADDRESSEE)} {block(MODALITY)}"),
        "cq16 core, counted": PREFIXES + f"SELECT (COUNT(*) AS ?n) {{ {CORE16} }}",
        "cq16 grouped rows": PREFIXES + f"SELECT * {{ {CORE16} }}",
        "cq16 + labels": PREFIXES + f"SELECT * {{ {CORE16} {LABELS16} }}",
        "cq16 + every label, no LANG()": PREFIXES + f"SELECT ?actor ?modality ?provisions {{ {CORE16} "
                                    "OPTIONAL { ?actor skos:prefLabel ?actorLabel } }",
        "cq16 + labels asked EXISTS": PREFIXES + f"SELECT * {{ {CORE16} FILTER EXISTS {{ ?actor skos:prefLabel ?l }} }}",
        "cq16 as shipped (ordered)": cq16,
        "cq22 core, counted": PREFIXES + f"SELECT (COUNT(*) AS ?n) {{ {CORE22} }}",
        "cq22 grouped rows": PREFIXES + f"SELECT * {{ {CORE22} }}",
        "cq22 + labels": PREFIXES + f"SELECT * {{ {CORE22} {LABELS22} }}",
        "cq22 key per row": PREFIXES + f"SELECT * {{ {CORE22} {LABELS22} }} "
                            'ORDER BY CONCAT(STR(?body), " ") DESC(?together) ?otherLabel',
        "cq22 as shipped (ordered)": cq22,
        "cq22 ordered by ?body": PREFIXES + f"SELECT * {{ {CORE22} {LABELS22} }} ORDER BY ?body DESC(?together) ?otherLabel",
    }


# Each question's parts in order, each form adding one step to the one before (for --rdflib).
CHAINS = {
    "cq07": ["cq07 strong provisions, counted", "cq07 + addressee join, counted", "cq07 + verb join, counted",
             "cq07 core, counted", "cq07 grouped rows", "cq07 + labels", "cq07 as shipped (ordered)"],
    "cq16": ["cq16 addressee scan, counted", "cq16 + their join, counted", "cq16 core, counted",
             "cq16 grouped rows", "cq16 + labels", "cq16 as shipped (ordered)"],
    "cq22": ["cq22 core, counted", "cq22 grouped rows", "cq22 + labels", "cq22 as shipped (ordered)"],
}


def sample(source_dir: Path, n: int, target: Path):
    """n resolution graphs of the source store (and its reference graphs) in a fresh, compacted store, and a
    pyoxigraph store in memory holding the same quads, the default graph's copy of their union included."""
    import pyoxigraph as ox

    from unkg.ingest.pipeline import is_reference_graph
    from unkg.store import open_store

    source = open_store(str(source_dir), read_only=True)
    names = source.graphs()
    resolutions = [g for g in names if not is_reference_graph(g)]
    step = max(1, len(resolutions) // n) if n else 1
    chosen = [g for g in names if is_reference_graph(g)] + resolutions[::step][: n or None]
    store = open_store(str(target))
    store.replace_graphs([(g, source.graph_ntriples(g)) for g in chosen])
    store.optimize()
    store.close()
    source.close()
    disk = ox.Store.read_only(str(target))
    memory = ox.Store()
    memory.load(disk.dump(format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS)
    return disk, memory, len(chosen)


def best_cpu(fns: dict[str, Callable[[], object]], rounds: int) -> dict[str, float]:
    best = dict.fromkeys(fns, float("inf"))
    for _ in range(rounds):
        for name, fn in fns.items():
            t = time.process_time()
            fn()
            best[name] = min(best[name], time.process_time() - t)
    return best


def rows(store, sparql: str) -> list:
    return [[t.value if t is not None else None for t in s] for s in store.query(sparql)]


def per_row_costs(disk, memory, rounds: int) -> None:
    """One label lookup (every label of a subject), one IRI decoded, LANG() over all labels."""
    import pyoxigraph as ox

    label = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
    addressee = ox.NamedNode("https://w3id.org/unkg/ontology#addressee")
    actors = list({q.object for q in disk.quads_for_pattern(None, addressee, None, ox.DefaultGraph())})
    everything = "SELECT (COUNT(*) AS ?n) { ?x <http://www.w3.org/2004/02/skos/core#prefLabel> ?l }"
    english = everything.replace("?l }", '?l FILTER (lang(?l) = "en") }')
    fns = {}
    for name, store in (("disk", disk), ("memory", memory)):
        fns[f"labels of one subject, {name}"] = lambda s=store: [
            list(s.quads_for_pattern(a, label, None, ox.DefaultGraph())) for a in actors]
        fns[f"every label, {name}"] = lambda s=store: rows(s, everything)
        fns[f"every English label, {name}"] = lambda s=store: rows(s, english)
    best = best_cpu(fns, rounds)
    (n,) = rows(disk, everything)[0]
    for name in ("disk", "memory"):
        lookup = best[f"labels of one subject, {name}"] / len(actors) * 1e6
        lang = (best[f"every English label, {name}"] - best[f"every label, {name}"]) / int(n) * 1e6
        print(f"  {name:<7} one subject's labels looked up (from Python, {len(actors)} subjects): {lookup:5.1f} us; "
              f"LANG() on one label: {lang:4.2f} us ({n} labels)")


def rdflib_parts(disk, best: dict[str, float], rounds: int) -> None:
    """cq07's, cq16's and cq22's parts on rdflib over the sample's named graphs (its union default graph is a
    set, as in benchmarks/queries.py), in the forms that script times it on; each part's own cost on both
    engines (one form less the one before it) and its ratio."""
    import gc

    import pyoxigraph as ox
    import rdflib
    from queries import one_pattern, union_form  # benchmarks/queries.py, beside this script
    from rdflib.plugins.sparql import prepareQuery

    named = (q for q in disk if not isinstance(q.graph_name, ox.DefaultGraph))
    ds = rdflib.Dataset(default_union=True)
    ds.parse(data=ox.serialize(named, format=ox.RdfFormat.N_QUADS).decode("utf-8"), format="nquads")
    questions = forms()
    texts = {name: (union_form if chain == "cq22" else str)(one_pattern(questions[name]))
             for chain, names in CHAINS.items() for name in names}
    for name, text in texts.items():
        same = sorted(sorted(str(v) for v in r if v is not None) for r in ds.query(text))
        assert same == sorted(sorted(v for v in r if v is not None) for r in rows(disk, questions[name])), name
    fns: dict[str, Callable[[], object]] = {name: lambda text=text: list(ds.query(text)) for name, text in texts.items()}
    for chain, names in CHAINS.items():
        fns[f"parse {chain}"] = lambda text=texts[names[-1]]: prepareQuery(text)
    gc.collect()
    gc.freeze()  # millions of rdflib objects: not rescanned by the collector in every timed run
    rdf = best_cpu(fns, rounds)
    gc.unfreeze()
    print(f"  rdflib, {len(ds)} quads (CPU, best of {rounds}); each part: this form less the one before it")
    for chain, names in CHAINS.items():
        print(f"  {chain}: rdflib parses and translates the question in {rdf[f'parse {chain}'] * 1000:.1f} ms")
        ox_before = rdf_before = 0.0
        for name in names:
            ox_t, rdf_t = best[f"{name}|disk"], rdf[name]
            ox_part, rdf_part = ox_t - ox_before, rdf_t - rdf_before
            part_ratio = f"{rdf_part / ox_part:>5.0f}x" if ox_part > 0 else "    -"
            print(f"  {name:<34} {ox_t * 1000:>7.2f}ms {rdf_t * 1000:>8.1f}ms {rdf_t / ox_t:>5.0f}x   this part "
                  f"{ox_part * 1000:>6.2f}ms {rdf_part * 1000:>7.1f}ms {part_ratio}")
            ox_before, rdf_before = ox_t, rdf_t


def statements_per_pair(disk) -> None:
    """cq16's rows: each property's statements in the default graph (the union, each statement once) and in
    the named graphs (once per language version that makes it), the rows of their join and its groups."""
    def count(pattern: str) -> int:
        return int(rows(disk, counted(pattern))[0][0])

    for name, pattern in (("addressee", ADDRESSEE), ("modality", MODALITY)):
        print(f"  cq16 {name} statements: {count(pattern)} in the default graph, "
              f"{count(f'GRAPH ?g {{ {pattern} }}')} in the named graphs")
    join = f"{block(ADDRESSEE)} {block(MODALITY)}"
    print(f"  cq16 join: {count(join)} rows, {count(f'SELECT DISTINCT ?provision ?actor {{ {join} }}')} distinct "
          f"(provision, actor), {count(f'SELECT DISTINCT ?actor ?modality {{ {join} }}')} groups")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", type=Path, required=True, help="an embedded store to sample")
    ap.add_argument("--graphs", default="300", help="resolution graphs in the sample (0 = all); several, "
                    "comma-separated, for one sample each in the same run (how each part grows)")
    ap.add_argument("--rounds", type=int, default=15, help="interleaved runs of every form (the best counts)")
    ap.add_argument("--rdflib", action="store_true", help="also cq07's, cq16's and cq22's parts on rdflib (a fifth "
                    "of --rounds runs, at least 3), with each part's ratio")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    for n in (int(part) for part in args.graphs.split(",")):
        parts(args.store, n, args.rounds, args.rdflib)
    return 0


def parts(source: Path, graphs: int, rounds: int, with_rdflib: bool = False) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="unkg-bench-parts-"))
    try:
        t = time.perf_counter()
        disk, memory, n = sample(source, graphs, tmp / "sample")
        print(f"aggregate parts: {n} graphs ({len(disk)} quads with the default graph's copy) "
              f"in {time.perf_counter() - t:.0f} s")
        questions = forms()
        fns = {}
        for name, sparql in questions.items():
            fns[f"{name}|disk"] = lambda s=sparql, st=disk: rows(st, s)
            fns[f"{name}|memory"] = lambda s=sparql, st=memory: rows(st, s)
        best = best_cpu(fns, rounds)
        print(f"  {'form':<34} {'rows':>5} {'on disk':>9} {'in memory':>10}   (CPU, best of {rounds})")
        for name, sparql in questions.items():
            answer = rows(disk, sparql)
            assert sorted(map(repr, answer)) == sorted(map(repr, rows(memory, sparql))), name
            print(f"  {name:<34} {len(answer):>5} {best[f'{name}|disk'] * 1000:>7.2f}ms "
                  f"{best[f'{name}|memory'] * 1000:>8.2f}ms")
        per_row_costs(disk, memory, rounds)
        statements_per_pair(disk)
        if with_rdflib:
            del memory
            rdflib_parts(disk, best, max(3, rounds // 5))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
