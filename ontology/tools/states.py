"""Generate ontology/vocab/states.ttl: the 193 Member States of the United Nations (+ the two observer States).

Sources:
- which countries are Member States, their ISO 3166 alpha-2 / alpha-3 codes and a name pattern: the
  country_converter package's table (`pip install country_converter`; its `UNmember` column);
- the English names as the UN writes them: the UN's own metadata extracts (../shared/corpus/meta), whose
  vote lists spell every Member State in capitals; each spelling found becomes a skos:altLabel, so that
  `ingest.metadata.state_iri` can match them; the prefLabel is the latest GA spelling in title case;
- French and Spanish names: state_names.tsv beside this file, written by hand from the UN's lists of Member
  States (list name as skos:prefLabel, running-text forms such as "République islamique d'Iran" as altLabels);
- how resolutions name a State's government by an adjective ("the Malian authorities", "le Gouvernement
  sud-soudanais"): state_adjectives.tsv, written by hand from the corpus, made into skos:hiddenLabels (text
  extraction finds them; they are no names to show);
- UN M49 codes: the same table's UNcode column, linked as the UN Statistics Division publishes them
  (`http://data.un.org/kos/geo/{code}`, the geography of its SDG linked data, UNStats/LOD4Stats);
- Wikidata items: state_wikidata.tsv beside this file, checked against a public table (see its header);
- former names the metadata still prints ("THE FORMER YUGOSLAV REPUBLIC OF MACEDONIA"): FORMER_NAMES below;
- groups of States (EU, African Group, G77) as skos:Collections: state_groups.tsv beside this file, with
  each group's source.

Run from the repository root: `.venv/bin/python -m unkg.ontology.tools.states [--corpus DIR]`; commit the
output. The generated file is data; the runtime never needs country_converter.
"""
from __future__ import annotations

import argparse
import csv
import difflib
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import rdflib
from rdflib.namespace import DCTERMS, RDF, SKOS, XSD

from unkg.config import ONTOLOGY_NS, corpus_dir
from unkg.ingest.metadata import clean_names, load_records
from unkg.iris import vocab

UNKG = rdflib.Namespace(ONTOLOGY_NS)
SCHEME = rdflib.URIRef(vocab("states", "").rstrip("/"))
OUT = Path(__file__).resolve().parent.parent / "vocab" / "states.ttl"
NAMES = Path(__file__).resolve().parent / "state_names.tsv"
ADJECTIVES = Path(__file__).resolve().parent / "state_adjectives.tsv"
# The government named by an adjective: English "{adjective} ..."; French and Spanish "... {masculine}" for
# the singular noun and "... {feminine plural}" for the plural one.
GOVERNMENT_PHRASES = {
    "en": ["{} authorities", "{} Government"],
    "fr": ["Gouvernement {m}", "autorités {fpl}"],
    "es": ["Gobierno {m}", "autoridades {fpl}"],
}

# Non-member observer States (General Assembly resolutions 67/19 and the Holy See's standing invitation).
OBSERVERS = {"PSE": "State of Palestine", "VAT": "Holy See"}

# UN names that title-casing the capitals of the metadata cannot give.
PREFERRED = {
    "GBR": "United Kingdom of Great Britain and Northern Ireland",
    "USA": "United States of America",
    "CIV": "Côte d'Ivoire",  # recent GA extracts drop the accent
    "TUR": "Türkiye",  # the capital dotted I of TÜRKİYE does not lower-case cleanly
}

WIKIDATA_TABLE = Path(__file__).resolve().parent / "state_wikidata.tsv"
GROUPS_TABLE = Path(__file__).resolve().parent / "state_groups.tsv"
M49 = "http://data.un.org/kos/geo/{}"

# Names a State bore within the corpus's years that the metadata may still print (UN terminology bulletins).
FORMER_NAMES = {
    "MKD": ["The former Yugoslav Republic of Macedonia"],
    "SWZ": ["Swaziland"],
    "TUR": ["Turkey"],
    "CZE": ["Czech Republic"],
    "CPV": ["Cape Verde"],
}

_SMALL = {"of", "the", "and", "for"}


def fold(name: str) -> str:
    """Capitals without accents, apostrophes unified: the key metadata spellings are matched on."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).replace("’", "'")
    return " ".join(text.upper().split())


def title(name: str) -> str:
    """'BOLIVIA (PLURINATIONAL STATE OF)' -> 'Bolivia (Plurinational State of)'; "CÔTE D'IVOIRE" -> "Côte d'Ivoire"."""
    words = []
    for i, w in enumerate(name.lower().split()):
        lead = "(" if w.startswith("(") else ""
        core = w[len(lead):]
        if i and core.rstrip(")") in _SMALL:
            words.append(w)
            continue
        if core.startswith("d'"):
            core = "d'" + core[2:3].upper() + core[3:]
        else:
            core = "-".join(part[:1].upper() + part[1:] for part in core.split("-"))
        words.append(lead + core)
    return " ".join(words)


def member_table() -> list[dict[str, str]]:
    import country_converter  # only the generator needs it

    path = Path(country_converter.__file__).with_name("country_data.tsv")
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return [r for r in rows if r["UNmember"].strip() or r["ISO3"] in OBSERVERS]


def metadata_spellings(corpus: Path, rows: list[dict[str, str]]) -> tuple[dict[str, Counter], dict[str, str]]:
    """ISO3 -> Counter of vote-list spellings; ISO3 -> the spelling in the latest GA session."""
    patterns = [(r["ISO3"], re.compile(r["regex"], re.I)) for r in rows]
    spellings: dict[str, Counter] = defaultdict(Counter)
    latest: dict[str, tuple[str, str]] = {}
    unmatched: Counter = Counter()
    for path in sorted((corpus / "meta").glob("*/*.json")):
        for rec in load_records(path):
            for key in ("MS_in_favour", "MS_against", "MS_abstaining"):
                for name in clean_names(rec.get(key) or []):
                    cands = {fold(name), fold(name).replace(" ", "")}
                    hits = {iso for iso, rx in patterns for c in cands if rx.search(c)}
                    if len(hits) != 1:
                        unmatched[name.strip()] += 1
                        continue
                    iso = hits.pop()
                    spellings[iso][name.strip()] += 1
                    if path.parent.name == "ga" and (iso not in latest or path.stem >= latest[iso][0]):
                        latest[iso] = (path.stem, name.strip())
    # Misspellings no pattern knows ("TÜRKÝYE"): the one clearly closest known spelling, if any.
    known = {fold(n).replace(" ", ""): iso for iso, c in spellings.items() for n in c}
    for name, n in unmatched.items():
        close = difflib.get_close_matches(fold(name).replace(" ", ""), list(known), n=1, cutoff=0.85)
        if close:
            spellings[known[close[0]]][name] += n
    return spellings, {iso: name for iso, (_s, name) in latest.items()}


def government_phrases(path: Path = ADJECTIVES) -> dict[str, dict[str, list[str]]]:
    """{iso3: {language: ["Malian authorities", ...]}} from the table of adjectives."""
    out: dict[str, dict[str, list[str]]] = {}
    for iso3, cells in read_table(path).items():
        for lang, forms in cells.items():
            phrases = out.setdefault(iso3, {}).setdefault(lang, [])
            for form in forms:
                m, _, fpl = form.partition("/")
                for pattern in GOVERNMENT_PHRASES[lang]:
                    phrases.append(pattern.format(form) if lang == "en" else pattern.format(m=m, fpl=fpl))
    return out


def read_table(path: Path) -> dict[str, dict[str, list[str]]]:
    """{ISO3: {language: [forms]}} from one of the hand-written tables (a cell holds alternatives separated by
    "|"; for names, the list name first, then the running-text forms)."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    header = lines[0].split("\t")
    out: dict[str, dict[str, list[str]]] = {}
    for ln in lines[1:]:
        cells = ln.split("\t")
        if len(cells) != len(header):
            raise SystemExit(f"{path}: {len(cells)} columns instead of {len(header)}: {ln!r}")
        out[cells[0].upper()] = {lang: [n.strip() for n in cell.split("|")] for lang, cell in zip(header[1:], cells[1:], strict=True)}
    return out


def wikidata_items(path: Path = WIKIDATA_TABLE) -> dict[str, str]:
    """{ISO3: Wikidata Q-id} from state_wikidata.tsv."""
    rows = [ln.split("\t") for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    return {iso3.strip().upper(): q.strip() for iso3, q in rows[1:]}


def state_groups(rows: list[dict[str, str]], path: Path = GROUPS_TABLE) -> list[tuple[str, str, str, list[str]]]:
    """(slug, name, source, member ISO3 codes) of each group in state_groups.tsv; the "derived" ones from the
    country table (EU27 column; African Member States)."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    derived = {
        "eu": [r["ISO3"] for r in rows if r["EU27"].strip() == "EU27"],
        "african-group": [r["ISO3"] for r in rows if r["continent"] == "Africa" and r["UNmember"].strip()],
    }
    out = []
    for ln in lines[1:]:
        slug, name, source, members = ln.split("\t")
        out.append((slug, name, source, derived[slug] if members.strip() == "derived" else members.split()))
    return out


def build(corpus: Path) -> rdflib.Graph:
    rows = member_table()
    wikidata = wikidata_items()
    names = read_table(NAMES)
    governments = government_phrases()
    spellings, latest = metadata_spellings(corpus, rows)
    g = rdflib.Graph()
    g.bind("skos", SKOS)
    g.bind("unkg", UNKG)
    g.bind("states", vocab("states", ""))
    g.bind("wd", "http://www.wikidata.org/entity/")
    g.add((SCHEME, RDF.type, SKOS.ConceptScheme))
    g.add((SCHEME, SKOS.prefLabel, rdflib.Literal("States: Member States and observer States of the United Nations", lang="en")))
    members = rdflib.URIRef(vocab("actors", "member-states"))
    for r in sorted(rows, key=lambda r: r["ISO3"]):
        # The table writes a few codes as patterns ("^GB$|^UK$"): the first code is the ISO one.
        iso3, iso2 = re.findall(r"[A-Z]{3}", r["ISO3"])[0], re.findall(r"[A-Z]{2}", r["ISO2"])[0]
        c = rdflib.URIRef(vocab("states", iso3.lower()))
        observer = iso3 in OBSERVERS
        common = spellings[iso3].most_common(1)[0][0] if spellings[iso3] else None
        pref = PREFERRED.get(iso3) or OBSERVERS.get(iso3) or title(latest.get(iso3) or common or r["name_short"])
        for t in (SKOS.Concept, UNKG.State, UNKG.Actor):
            g.add((c, RDF.type, t))
        g.add((c, SKOS.inScheme, SCHEME))
        g.add((c, SKOS.prefLabel, rdflib.Literal(pref, lang="en")))
        alts = {s for s in spellings[iso3]} | {r["name_short"], r["name_official"], *FORMER_NAMES.get(iso3, [])}
        for alt in sorted(a for a in alts if a and a != pref):
            g.add((c, SKOS.altLabel, rdflib.Literal(alt, lang="en")))
        for lang, forms in names.get(iso3, {}).items():
            g.add((c, SKOS.prefLabel, rdflib.Literal(forms[0], lang=lang)))
            for alt in forms[1:]:
                g.add((c, SKOS.altLabel, rdflib.Literal(alt, lang=lang)))
        for lang, phrases in governments.get(iso3, {}).items():
            for phrase in phrases:
                g.add((c, SKOS.hiddenLabel, rdflib.Literal(phrase, lang=lang)))
        g.add((c, UNKG.iso3166Alpha2, rdflib.Literal(iso2)))
        g.add((c, UNKG.iso3166Alpha3, rdflib.Literal(iso3)))
        if observer:
            g.add((c, SKOS.scopeNote, rdflib.Literal("Non-member observer State of the United Nations", lang="en")))
        else:
            g.add((c, SKOS.broader, members))
            g.add((c, UNKG.unMemberSince, rdflib.Literal(r["UNmember"].strip(), datatype=XSD.integer)))
        g.add((c, SKOS.exactMatch, rdflib.URIRef(M49.format(int(r["UNcode"])))))
        if iso3 in wikidata:
            g.add((c, SKOS.exactMatch, rdflib.URIRef("http://www.wikidata.org/entity/" + wikidata[iso3])))
    known = {re.findall(r"[A-Z]{3}", r["ISO3"])[0] for r in rows}
    for slug, name, source, members in state_groups(rows):
        group = rdflib.URIRef(vocab("state-groups", slug))
        g.add((group, RDF.type, SKOS.Collection))
        g.add((group, SKOS.prefLabel, rdflib.Literal(name, lang="en")))
        g.add((group, DCTERMS.source, rdflib.Literal(source)))
        for iso3 in members:
            if iso3 not in known:
                raise SystemExit(f"{GROUPS_TABLE}: {slug} lists {iso3}, which is no State of the table")
            g.add((group, SKOS.member, rdflib.URIRef(vocab("states", iso3.lower()))))
    return g


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=corpus_dir(), help="the shared corpus (for metadata spellings)")
    ap.add_argument("-o", "--output", type=Path, default=OUT)
    args = ap.parse_args(argv)
    if args.corpus is None:
        print("states: the corpus (../shared/corpus) is needed for the UN's spellings", file=sys.stderr)
        return 2
    g = build(args.corpus)
    header = ("# Generated by ontology/tools/states.py; do not edit by hand.\n"
              "# Member States and ISO codes: country_converter's table; spellings: the UN's metadata extracts;\n"
              "# French and Spanish names: ontology/tools/state_names.tsv; governments named by adjectives:\n"
              "# ontology/tools/state_adjectives.tsv; M49 codes: country_converter; Wikidata items:\n"
              "# ontology/tools/state_wikidata.tsv; groups of States: ontology/tools/state_groups.tsv.\n")
    args.output.write_text(header + g.serialize(format="turtle"), encoding="utf-8")
    n = len(set(g.subjects(RDF.type, UNKG.State)))
    print(f"wrote {args.output} ({n} States, {len(g)} triples)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
