"""Member States: what each was asked by name, how it voted, with whom it voted and sponsored.

Routes (DESIGN.md): `/states` (a list with search, `?q=`), `/states/<iso3>` with its JSON and CSV twins
(`/states/col.json`, `/states/col.csv`: the votes), and `/states/<iso3>/alignment.json?with=<iso3>&body=GA`
(`from` / `to`: years) giving the agreement indices of two States (webapp/votes.py says how they count).

What the pages read: the States and their groups from the packaged ontology/vocab/states.ttl (every State
has a page, addressed or not); recorded votes (unkg:votedInFavour / votedAgainst / abstained on a
resolution's unkg:vote) and sponsors (unkg:sponsor) from the store, once per store state; provisions
addressed to the State from the pages' cached addressee pairs. Resolutions "about" a State are those whose
English title names it (country-situation resolutions, Security Council regimes), the longest name winning
("Republic of Korea" inside "Democratic People's Republic of Korea" is no match). Series are the store's
(unkg:inSeries, docs/lineage.md) where it records them, else resolutions of the same title over the years.
"""
from __future__ import annotations

import html
import re
from collections import Counter, defaultdict
from functools import lru_cache
from importlib.resources import files
from typing import Any

import rdflib
from flask import Blueprint, Response, current_app, request
from rdflib.namespace import DCTERMS, RDF, SKOS

from unkg.config import ONTOLOGY_NS
from unkg.iris import Symbol, notation
from unkg.webapp import pages
from unkg.webapp import queries as Q
from unkg.webapp.cache import cached_page
from unkg.webapp.errors import ApiError
from unkg.webapp.links import local, val
from unkg.webapp.represent import choose, respond, split_suffix
from unkg.webapp.state import concepts, state
from unkg.webapp.votes import WORDS, RecordedVote, VoteMatrix

bp = Blueprint("states", __name__)

BODIES = ("GA", "HRC", "SC")
VOTE_COLUMNS = ["resolution", "date", "body", "vote", "title", "link"]
SHOWN_PROVISIONS = 100  # addressed provisions with their wording on the HTML page (all are in the JSON)
GROUP_SLUGS = ("eu", "african-group", "g77")

VOTES = Q.PREFIXES + """
SELECT DISTINCT ?work ?state ?how WHERE { GRAPH ?g {
  ?work unkg:vote ?v .
  { ?v unkg:votedInFavour ?state BIND ("Y" AS ?how) } UNION { ?v unkg:votedAgainst ?state BIND ("N" AS ?how) }
  UNION { ?v unkg:abstained ?state BIND ("A" AS ?how) }
} }"""

SPONSORS = Q.PREFIXES + "SELECT DISTINCT ?work ?state WHERE { GRAPH ?g { ?work unkg:sponsor ?state } }"

SERIES = Q.PREFIXES + "SELECT DISTINCT ?work ?series WHERE { GRAPH ?g { ?work unkg:inSeries ?series } }"


def _provisions_of_works(works: list[str]) -> str:
    """The provisions (with strength) and mandates (task, mandated actor) of these resolutions. VALUES sits
    inside the GRAPH block so that Oxigraph looks each resolution up instead of scanning every paragraph."""
    return Q.PREFIXES + f"""
SELECT DISTINCT ?work ?prov ?strength ?task ?entity WHERE {{
  GRAPH ?g {{
    {Q.values('work', works)}
    ?para eli:is_part_of ?work . ?prov unkg:inParagraph ?para .
    OPTIONAL {{ ?prov unkg:strength ?strength }}
    OPTIONAL {{ ?prov unkg:hasMandate ?m . OPTIONAL {{ ?m unkg:task ?task }} OPTIONAL {{ ?m unkg:mandatedActor ?entity }} }}
  }}
}}"""


# -- the States (packaged vocabulary) -----------------------------------------------------------------------
@lru_cache(maxsize=1)
def directory() -> dict[str, Any]:
    """{"states": {iri: {...}}, "by_iso3": {"col": iri}, "groups": {slug: {...}}} from states.ttl."""
    g = rdflib.Graph()
    g.parse(data=(files("unkg.ontology.vocab") / "states.ttl").read_text(encoding="utf-8"), format="turtle")
    unkg = rdflib.Namespace(ONTOLOGY_NS)
    states: dict[str, dict[str, Any]] = {}
    for s in g.subjects(RDF.type, unkg.State):
        iso3 = str(g.value(s, unkg.iso3166Alpha3))
        name = next((str(l) for l in g.objects(s, SKOS.prefLabel) if l.language == "en"), iso3)
        names = {name} | {str(l) for l in g.objects(s, SKOS.altLabel) if l.language == "en" and not str(l).isupper()}
        links = sorted(str(o) for o in g.objects(s, SKOS.exactMatch))
        states[str(s)] = {
            "id": str(s), "iso3": iso3, "name": name, "names": sorted(names),
            "member": (s, SKOS.broader, None) in g, "link": f"/states/{iso3.lower()}",
            "m49": next((l for l in links if "/kos/geo/" in l), None),
            "wikidata": next((l for l in links if "wikidata" in l), None),
        }
    groups = {}
    for grp in g.subjects(RDF.type, SKOS.Collection):
        slug = str(grp).rsplit("/", 1)[1]
        groups[slug] = {"id": str(grp), "slug": slug, "name": str(g.value(grp, SKOS.prefLabel)),
                        "source": str(g.value(grp, DCTERMS.source) or ""),
                        "members": sorted(str(m) for m in g.objects(grp, SKOS.member))}
    for slug, grp in groups.items():
        for m in grp["members"]:
            states[m].setdefault("groups", []).append(slug)
    return {"states": states, "by_iso3": {d["iso3"].lower(): iri for iri, d in states.items()}, "groups": groups}


def _title_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """One regular expression over every State name (longest first) and name -> State IRI."""
    names: dict[str, str] = {}
    for iri, d in directory()["states"].items():
        for n in d["names"]:
            if len(n) > 3:
                names.setdefault(n.lower(), iri)
    alternatives = sorted(names, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(n) for n in alternatives) + r")\b", re.I), names


_BODY_CODES = {"General Assembly": "GA", "Human Rights Council": "HRC", "Security Council": "SC"}


def body_of(symbol: str) -> str:
    """GA, HRC or SC: the body whose symbol this is ("" for none of them)."""
    try:
        return _BODY_CODES.get(Symbol.parse(symbol).body or "", "")
    except ValueError:
        return ""


def series_key(title: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", title.lower())).strip()


# -- what the store says, once per store state ----------------------------------------------------------------
def works() -> dict[str, dict[str, Any]]:
    return pages.all_works()


def matrix() -> VoteMatrix:
    def build() -> VoteMatrix:
        rows = [(str(r["work"]), str(r["state"]), str(r["how"])) for r in state().store.select(VOTES, timeout=120)]
        recorded: dict[str, RecordedVote] = {}
        all_works = works()
        for work in {w for w, _s, _h in rows}:
            w = all_works.get(work, {})
            symbol = val(w.get("symbol")) or work.rsplit("/id/", 1)[-1]
            recorded[work] = RecordedVote(work, symbol, str(val(w.get("date")) or ""), body_of(symbol),
                                          val(w.get("title")) or "", str(val(w.get("session")) or ""))
        return VoteMatrix.build(rows, recorded)

    return state().cached("states:votes", build)


def sponsors() -> dict[str, list[str]]:
    """work -> its sponsoring States."""
    def build() -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for r in state().store.select(SPONSORS, timeout=120):
            out[str(r["work"])].append(str(r["state"]))
        return dict(out)

    return state().cached("states:sponsors", build)


def sponsored_by() -> dict[str, list[str]]:
    def build() -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for work, states in sponsors().items():
            for s in states:
                out[s].append(work)
        return dict(out)

    return state().cached("states:sponsored_by", build)


def about() -> dict[str, list[str]]:
    """State IRI -> works whose English title names it."""
    def build() -> dict[str, list[str]]:
        pattern, names = _title_pattern()
        out: dict[str, list[str]] = defaultdict(list)
        for work, w in works().items():
            title = val(w.get("title")) or ""
            for named in {names[m.group(1).lower()] for m in pattern.finditer(title)}:
                out[named].append(work)
        return dict(out)

    return state().cached("states:about", build)


def series_of() -> dict[str, str]:
    """work -> its series (unkg:inSeries, docs/lineage.md), for the stores that record series."""
    return state().cached("states:series", lambda: {str(r["work"]): str(r["series"])
                                                     for r in state().store.select(SERIES, timeout=120)})


def group_bits() -> dict[str, dict[str, int]]:
    return state().cached("states:groups", lambda: {slug: matrix().group_bits(g["members"])
                                                      for slug, g in directory()["groups"].items()})


def warm() -> None:
    """The shared caches, then every State's page data (about 0.1 s each on the whole corpus), so that no
    visitor waits for a page to be built."""
    matrix()
    sponsored_by()
    about_stats()
    group_bits()
    series_members()
    for d in directory()["states"].values():
        page_data(d)


# -- the views ------------------------------------------------------------------------------------------------
def _find(iso3: str) -> dict[str, Any]:
    d = directory()
    iri = d["by_iso3"].get(iso3.lower())
    if iri is None:
        raise ApiError(f"no State {iso3!r}: a State is named by its ISO 3166 alpha-3 code, e.g. /states/col", 404)
    return d["states"][iri]


def _filters() -> tuple[str | None, str | None, str | None, str | None]:
    body = (request.args.get("body") or "").upper() or None
    if body and body not in BODIES:
        raise ApiError(f"body must be one of {', '.join(BODIES)}", 400)
    start, end = request.args.get("from") or None, request.args.get("to") or None
    for v in (start, end):
        if v and not re.fullmatch(r"\d{4}", v):
            raise ApiError("from and to are years, e.g. from=2021", 400)
    session = request.args.get("session") or None
    if session and not re.fullmatch(r"[A-Za-z0-9-]{1,12}", session):
        raise ApiError("session is a session number as the resolutions give it, e.g. session=78", 400)
    return body, start, end, session


@bp.route("/states")
@bp.route("/states.<any(json,csv):fmt>")
@cached_page
def states_list(fmt: str | None = None) -> Response:
    q = (request.args.get("q") or "").strip().lower()
    m = matrix()
    spons = sponsored_by()
    pairs = pages.addressee_pairs()
    rows = []
    for iri, d in directory()["states"].items():
        if q and not (q == d["iso3"].lower() or any(q in n.lower() for n in d["names"])):
            continue
        rows.append({"id": iri, "iso3": d["iso3"], "name": d["name"], "link": d["link"], "member": d["member"],
                     "votes": m.voted(iri).bit_count(), "sponsored": len(spons.get(iri, ())),
                     "addressed": len(pairs.get(iri, ()))})
    rows.sort(key=lambda r: r["name"].lower())
    data = {"title": "Member States and observer States", "rows": rows, "count": len(rows), "q": q,
            "recorded_votes": len(m.votes)}
    return respond(data, "states.html", base_path="/states", suffix=fmt, offered=("html", "json", "csv"),
                   csv_rows=(rows, ["iso3", "name", "id", "member", "votes", "sponsored", "addressed", "link"]))


@bp.route("/states/<path:name>")
@cached_page
def state_page(name: str) -> Response:
    if name.endswith("/alignment.json") or name.endswith("/alignment"):
        return alignment(name.rsplit("/", 1)[0])
    iso3, fmt = split_suffix(name, ("json", "csv"))
    d = _find(iso3)
    # A State page changes only with the store: its answer is kept by @cached_page (its data is built for
    # every State at warm-up), so a visit costs no query and no rendering.
    return _render(d, choose(fmt, PAGE_FORMATS))


PAGE_FORMATS = ("html", "json", "csv")


def page_data(d: dict[str, Any]) -> dict[str, Any]:
    return state().cached(f"states:page:{d['id']}", lambda: build_page(d))


def _render(d: dict[str, Any], fmt: str) -> Response:
    data = page_data(d)
    return respond(data, "state.html", base_path=d["link"], suffix=None if fmt == "html" else fmt,
                   offered=PAGE_FORMATS, csv_rows=(data["votes"], VOTE_COLUMNS))


def alignment(iso3: str) -> Response:
    d = _find(iso3)
    body, start, end, session = _filters()
    m = matrix()
    mask = m.mask(body, start, end, session)
    other = request.args.get("with")
    group = request.args.get("group")
    out: dict[str, Any] = {"state": d["id"], "body": body, "from": start, "to": end}
    if session:
        out["session"] = session
    if other:
        o = _find(other)
        out.update({"with": o["id"], **m.agreement(d["id"], o["id"], mask)})
    elif group:
        grp = directory()["groups"].get(group)
        if grp is None:
            raise ApiError(f"no group {group!r}: one of {', '.join(directory()['groups'])}", 404)
        out.update({"group": grp["id"], **m.with_group(d["id"], group_bits()[group], mask)})
    else:
        ranking = m.ranking(d["id"], mask)
        out["states"] = [{"id": s, "iso3": directory()["states"].get(s, {}).get("iso3"), **ind} for s, ind in ranking]
    resp = Response(current_app.json.dumps(out), mimetype="application/json")
    resp.headers["Access-Control-Allow-Origin"] = "*"
    return resp


def build_page(d: dict[str, Any]) -> dict[str, Any]:
    iri = d["id"]
    m = matrix()
    votes = _votes(d, m)
    sponsored = _sponsorships(iri)
    return {
        "title": d["name"], "id": iri, "iso3": d["iso3"], "name": d["name"], "member": d["member"],
        "exactMatch": [x for x in (d["m49"], d["wikidata"]) if x],
        "groups": [{"slug": s, "name": directory()["groups"][s]["name"]} for s in d.get("groups", [])],
        "actor_link": "/actors/states/" + d["iso3"].lower(),
        "addressed": _addressed(iri), "addressed_shown": SHOWN_PROVISIONS,
        "about": _about_rows(iri),
        "votes": votes, "tally": dict(Counter(r["vote"] for r in votes)),
        "recorded_votes": dict(Counter(v.body for v in m.votes)),
        "series": _series(votes),
        "series_note": ("Series as the store records them (unkg:inSeries)" if series_of() else
                        "Series grouped by title (this store records no series)")
                       + ": resolutions of one series in different years.",
        "sponsored": [r["resolution"] for r in sponsored], "sponsorships": sponsored,
        "co_sponsors": _co_sponsors(iri, sponsored),
        "sponsored_series": _sponsored_series(sponsored),
        **_alignment(iri, m),
    }


def _named(s: str, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    st = directory()["states"].get(s, {})
    return {"id": s, "iso3": st.get("iso3"), "name": st.get("name", s), "link": st.get("link"), **(extra or {})}


def _addressed(iri: str) -> list[dict[str, Any]]:
    """Provisions addressed to the State by name, newest first; the first SHOWN_PROVISIONS with their wording."""
    if iri not in pages.addressee_pairs():
        return []
    rows = state().store.select(Q.provisions_for([iri], current_app.config["PAGE_LIMIT"]), timeout=120)
    folded = pages.fold_provisions(rows, concepts())
    pages.add_wording(folded[:SHOWN_PROVISIONS])
    return [{"provision": r["provision"], "resolution": r["symbol"], "paragraph": r["paragraph"], "date": r["date"],
             "link": r["link"], "strength": r["strength"], "verb": r.get("verb"), "text": r.get("text")} for r in folded]


def about_stats() -> dict[str, dict[str, Any]]:
    """For every resolution about some State: its provisions, strong provisions (strength 4-5) and mandates
    (mandated actor, task), gathered once for all State pages."""
    def build() -> dict[str, dict[str, Any]]:
        c = concepts()
        listed = sorted({w for ws in about().values() for w in ws})
        stats = {w: {"provisions": set(), "strong": set(), "mandates": Counter()} for w in listed}
        for start in range(0, len(listed), 100):
            for r in state().store.select(_provisions_of_works(listed[start:start + 100]), timeout=300):
                info = stats[str(r["work"])]
                info["provisions"].add(str(r["prov"]))
                if r.get("strength") is not None and int(r["strength"].value) >= 4:
                    info["strong"].add(str(r["prov"]))
                if r.get("task") is not None or r.get("entity") is not None:
                    who = c.label(str(r["entity"])) if r.get("entity") is not None else "(unnamed)"
                    info["mandates"][(who, notation(str(r["task"])) if r.get("task") is not None else "other")] += 1
        return {w: {"provisions": len(i["provisions"]), "strong_provisions": len(i["strong"]),
                    "mandates": [{"actor": a, "task": t, "count": n} for (a, t), n in sorted(i["mandates"].items())]}
                for w, i in stats.items()}

    return state().cached("states:about_stats", build)


def _about_rows(iri: str) -> list[dict[str, Any]]:
    """Resolutions whose title names the State, newest first, with their provisions and mandates."""
    all_works, stats = works(), about_stats()
    listed = sorted(about().get(iri, []), key=lambda w: str(val(all_works[w].get("date")) or ""), reverse=True)
    out = []
    for w in listed:
        meta = all_works[w]
        symbol = val(meta.get("symbol")) or w
        out.append({"resolution": symbol, "title": val(meta.get("title")) or "", "date": val(meta.get("date")),
                    "body": body_of(symbol), "link": local(w) or w, **stats[w]})
    return out


def _votes(d: dict[str, Any], m: VoteMatrix) -> list[dict[str, Any]]:
    """The State's vote on every recorded vote, newest first."""
    out = []
    for i, v in enumerate(m.votes):
        code = m.vote_of(d["id"], i)
        if code is None and (v.body != "GA" or not d["member"]):
            continue  # only the GA has every Member State voting; elsewhere a missing State was not a member
        out.append({"resolution": v.symbol, "date": v.date, "body": v.body, "vote": WORDS.get(code or "", "absent"),
                    "title": v.title, "link": local(v.work) or v.work, "work": v.work})
    out.reverse()
    return out


def _series(votes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """How the vote moved in each series with two or more votes (the store's unkg:inSeries, else the same
    title); series where it changed first."""
    recorded = series_of()
    by_series: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in votes:
        key = recorded.get(r["work"]) or (series_key(r["title"]) if r["title"] else None)
        if key:
            by_series[key].append(r)
    out = []
    for rows in by_series.values():
        if len(rows) < 2:
            continue
        rows = sorted(rows, key=lambda r: r["date"])
        out.append({"title": rows[-1]["title"], "body": rows[-1]["body"], "changed": len({r["vote"] for r in rows}) > 1,
                    "votes": [{"year": r["date"][:4], "resolution": r["resolution"], "vote": r["vote"], "link": r["link"]}
                              for r in rows]})
    out.sort(key=lambda s: (not s["changed"], s["title"].lower()))
    return out


def _sponsorships(iri: str) -> list[dict[str, Any]]:
    all_works, spons = works(), sponsors()
    out = []
    for w in sponsored_by().get(iri, []):
        meta = all_works.get(w, {})
        symbol = val(meta.get("symbol")) or w
        out.append({"resolution": symbol, "date": val(meta.get("date")), "body": body_of(symbol),
                    "session": str(val(meta.get("session")) or ""), "title": val(meta.get("title")) or "",
                    "link": local(w) or w, "sponsors": len(spons.get(w, ())), "work": w})
    out.sort(key=lambda r: (str(r["date"] or ""), r["resolution"]), reverse=True)
    return out


def series_members() -> dict[str, list[str]]:
    """Series key (the store's series, else the title) -> its works with sponsors, oldest first."""
    def build() -> dict[str, list[str]]:
        recorded, all_works = series_of(), works()
        out: dict[str, list[str]] = defaultdict(list)
        for w in sponsors():
            title = val(all_works.get(w, {}).get("title")) or ""
            key = recorded.get(w) or (series_key(title) if title else None)
            if key:
                out[key].append(w)
        for ws in out.values():
            ws.sort(key=lambda w: str(val(all_works.get(w, {}).get("date")) or ""))
        return dict(out)

    return state().cached("states:series_members", build)


def _key_of(work: str) -> str | None:
    title = val(works().get(work, {}).get("title")) or ""
    return series_of().get(work) or (series_key(title) if title else None)


def _sponsored_series(sponsored: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The series the State sponsored a resolution of (two or more sponsored resolutions in the store): each
    year's sponsors, and the main sponsors, those on at least three quarters of the series' resolutions."""
    spons, all_works, members = sponsors(), works(), series_members()
    out = []
    for key in dict.fromkeys(k for r in sponsored if (k := _key_of(r["work"]))):
        ws = members.get(key, [])
        if len(ws) < 2:
            continue
        counts = Counter(st for w in ws for st in spons.get(w, ()))
        main = [_named(st, {"resolutions": n}) for st, n in counts.most_common() if n >= 0.75 * len(ws)]
        out.append({"title": val(all_works[ws[-1]].get("title")) or "", "resolutions": len(ws),
                    "years": [{"year": str(val(all_works[w].get("date")) or "")[:4], "resolution": val(all_works[w].get("symbol")) or w,
                               "sponsors": len(spons.get(w, ())), "link": local(w) or w} for w in ws],
                    "main_sponsors": main[:15], "main_sponsors_total": len(main)})
    out.sort(key=lambda s: (-s["resolutions"], s["title"].lower()))
    return out


def _co_sponsors(iri: str, sponsored: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per body and session: how many resolutions the State sponsored, and its ten most frequent co-sponsors."""
    spons = sponsors()
    co: dict[tuple[str, str], Counter] = defaultdict(Counter)
    total: Counter = Counter()
    for r in sponsored:
        key = (r["body"], r["session"])
        total[key] += 1
        co[key].update(s for s in spons.get(r["work"], ()) if s != iri)
    return [{"body": body, "session": session, "resolutions": total[(body, session)],
             "states": [_named(s, {"count": n}) for s, n in co[(body, session)].most_common(10)]}
            for body, session in sorted(total, reverse=True)]


def _alignment(iri: str, m: VoteMatrix) -> dict[str, Any]:
    """Closest and furthest States in the General Assembly; agreement with each group, overall and by year."""
    ga = m.mask("GA")
    ranking = m.ranking(iri, ga)
    years = sorted({v.year for v in m.votes if v.body == "GA"})
    groups = []
    for slug in GROUP_SLUGS:
        grp = directory()["groups"].get(slug)
        if grp:
            bits = group_bits()[slug]
            groups.append({"slug": slug, "name": grp["name"], "source": grp["source"], "member": iri in grp["members"],
                           "overall": m.with_group(iri, bits, ga),
                           "by_year": [{"year": y, **m.with_group(iri, bits, m.mask("GA", y, y))} for y in years]})
    return {"alignment": {"body": "GA", "closest": [_named(s, i) for s, i in ranking[:10]],
                          "furthest": [_named(s, i) for s, i in ranking[::-1][:10]], "groups": groups},
            "chart": chart(groups, years)}


def chart(groups: list[dict[str, Any]], years: list[str]) -> str:
    """An inline SVG: the agreement with each group's majority, year by year."""
    if not years or not groups:
        return ""
    w, h, left, top, bottom, legend = 680, 220, 40, 12, 30, 180
    colours = ["#0b5cad", "#b35900", "#2e7d32", "#7b1fa2"]
    span = max(1, len(years) - 1)

    def x(i: int) -> float:
        return left + (w - left - legend - 20) * (i / span if len(years) > 1 else 0.5)

    def y(v: float) -> float:
        return top + (h - top - bottom) * (1 - v)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{w}" height="{h}" viewBox="0 0 {w} {h}" '
             f'role="img" aria-label="Agreement with groups of States by year">']
    for v in (0, 0.5, 1):
        parts.append(f'<line x1="{left}" x2="{w - legend - 10}" y1="{y(v):.1f}" y2="{y(v):.1f}" stroke="#ddd"/>'
                     f'<text x="{left - 6}" y="{y(v) + 4:.1f}" font-size="11" text-anchor="end">{v:.0%}</text>')
    for i, yr in enumerate(years):
        parts.append(f'<text x="{x(i):.1f}" y="{h - 10}" font-size="11" text-anchor="middle">{yr}</text>')
    for k, g in enumerate(groups):
        colour = colours[k % len(colours)]
        pts = [(x(i), y(p["agreement"])) for i, p in enumerate(g["by_year"]) if p["agreement"] is not None]
        if pts:
            parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="'
                         + " ".join(f"{a:.1f},{b:.1f}" for a, b in pts) + '"/>')
            parts += [f'<circle cx="{a:.1f}" cy="{b:.1f}" r="3" fill="{colour}"/>' for a, b in pts]
        parts.append(f'<text x="{w - legend}" y="{top + 14 + 16 * k}" font-size="12" fill="{colour}">{html.escape(g["name"])}</text>')
    parts.append("</svg>")
    return "".join(parts)


_HOW = {ONTOLOGY_NS + "votedInFavour": "yes", ONTOLOGY_NS + "votedAgainst": "no", ONTOLOGY_NS + "abstained": "abstain"}


def how_states_voted(symbol: str, rows: list[dict[str, Any]]) -> dict[str, list[dict[str, str]]] | None:
    """A resolution's recorded vote grouped by how each State voted (the rows: ?p ?o of its vote node), with
    the General Assembly's Member States listed on no side as absent; None when no State's vote is recorded."""
    states = directory()["states"]
    out: dict[str, list[dict[str, str]]] = {"yes": [], "no": [], "abstain": []}
    listed = set()
    for r in rows:
        how = _HOW.get(str(r["p"]))
        if how and str(r["o"]) not in listed:
            listed.add(str(r["o"]))
            d = states.get(str(r["o"]), {"name": str(r["o"]), "link": None})
            out[how].append({"name": d["name"], "link": d["link"]})
    if not listed:
        return None
    if body_of(symbol) == "GA":
        out["absent"] = [{"name": d["name"], "link": d["link"]} for iri, d in states.items() if d["member"] and iri not in listed]
    for group in out.values():
        group.sort(key=lambda d: d["name"])
    return out


def state_of_actor(iri: str) -> str | None:
    """The State page of an actor IRI that is a State (for the actor pages' link), else None."""
    d = directory()["states"].get(iri)
    return d["link"] if d else None


def state_for_query(q: str) -> dict[str, Any] | None:
    """The State a search text names exactly ("Colombia", "col"), if any."""
    q = q.strip().lower()
    if not q:
        return None
    d = directory()
    if q in d["by_iso3"]:
        return d["states"][d["by_iso3"][q]]
    return _by_name().get(q)


@lru_cache(maxsize=1)
def _by_name() -> dict[str, dict[str, Any]]:
    """A State's names, lower-cased -> the first State of the directory with that name."""
    out: dict[str, dict[str, Any]] = {}
    for s in directory()["states"].values():
        for n in s["names"]:
            out.setdefault(n.lower(), s)
    return out

