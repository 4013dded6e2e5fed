"""Hostile requests for the web app, as hypothesis strategies, and how to judge an answer: shared by
tests/test_fuzz_server.py (a quick profile in CI) and benchmarks/fuzz_server.py (the long one).

Seeds are this file's own: SPARQL refusals (updates, LOAD, SERVICE, malformed and deeply nested texts, bytes
that are not UTF-8) and IRI routes with any characters in their paths (control characters, quotes, angle
brackets, non-Latin letters, dot segments). What must hold: no 500 and no traceback, ever; a refused
update or LOAD is never a success; nesting past the limit is a 400.
"""
from __future__ import annotations

import urllib.parse
from dataclasses import dataclass, field

from hypothesis import strategies as st

from unkg.querykind import MAX_NESTING

WORK = "https://w3id.org/unkg/id/A/RES/78/216"


@dataclass
class Case:
    method: str
    path: str
    body: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)
    expect: str = "no-500"  # or "refused" (4xx), "deep" (400 for nesting)


# -- SPARQL ------------------------------------------------------------------------------------------------
IRIS = st.sampled_from(["<http://example.org/a>", f"<{WORK}>", "<file:///etc/passwd>", "<http://127.0.0.1:1/x>",
                        "<urn:x>", "<>", "<http://example.org/\u00e9>"])
UPDATES = st.one_of(
    st.builds(lambda s, g: f"INSERT DATA {{ GRAPH {g} {{ {s} {s} {s} }} }}", IRIS, IRIS),
    st.builds(lambda s: f"DELETE WHERE {{ {s} ?p ?o }}", IRIS),
    st.builds(lambda s: f"LOAD {s}", IRIS),
    st.builds(lambda s, g: f"LOAD SILENT {s} INTO GRAPH {g}", IRIS, IRIS),
    st.builds(lambda g: f"CLEAR GRAPH {g}", IRIS),
    st.sampled_from(["DROP ALL", "CLEAR DEFAULT", "CREATE GRAPH <http://g>", "ADD DEFAULT TO <http://g>",
                     "WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
                     "PREFIX x: <http://x/> INSERT { ?s x:p 1 } WHERE { ?s ?p ?o }"]),
)
SERVICES = st.builds(lambda s: f"SELECT * WHERE {{ SERVICE {s} {{ ?s ?p ?o }} }}", IRIS) | st.builds(
    lambda s: f"SELECT * WHERE {{ ?s ?p ?o OPTIONAL {{ SERVICE SILENT {s} {{ ?s ?q ?r }} }} }}", IRIS)
VALID = st.sampled_from([
    "SELECT * WHERE { ?s ?p ?o } LIMIT 3",
    "ASK { ?s a <https://w3id.org/unkg/ontology#Resolution> }",
    f"CONSTRUCT {{ <{WORK}> ?p ?o }} WHERE {{ <{WORK}> ?p ?o }}",
    f"DESCRIBE <{WORK}>",
    "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
    "PREFIX eli: <http://data.europa.eu/eli/ontology#> SELECT ?p ?n WHERE { ?p eli:number ?n } ORDER BY ?n",
    'SELECT ?s WHERE { ?s ?p ?o FILTER(REGEX(STR(?o), "(a|b)*c", "i")) } LIMIT 5',
])


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A valid query with characters inserted, deleted or replaced: mostly malformed, sometimes not."""
    text = draw(VALID)
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(text)))
        op = draw(st.sampled_from(["insert", "delete", "replace"]))
        ch = draw(st.text(min_size=1, max_size=3))
        if op == "insert":
            text = text[:i] + ch + text[i:]
        elif op == "delete":
            text = text[:i] + text[i + 1:]
        else:
            text = text[:i] + ch + text[i + 1:]
    return text


@st.composite
def deep(draw: st.DrawFn) -> str:
    depth = draw(st.integers(MAX_NESTING + 1, 6000))
    opening, closing = draw(st.sampled_from([("{", "}"), ("(", ")"), ("[ <http://p> ", " ]")]))
    if opening == "{":
        return "SELECT * WHERE " + "{" * depth + " ?s ?p ?o " + "}" * depth
    if opening == "(":
        return "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * depth + "1" + ")" * depth + ") }"
    return "SELECT * WHERE { ?s ?p " + opening * depth + "1" + closing * depth + " }"


def _form(field_name: str, text: str) -> bytes:
    return urllib.parse.urlencode({field_name: text}).encode("utf-8", "surrogatepass")


@st.composite
def sparql_case(draw: st.DrawFn) -> Case:
    kind = draw(st.sampled_from(["update-as-query", "update", "direct-update", "service", "malformed", "deep",
                                 "deep-update", "bytes", "get"]))
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    if kind == "update-as-query":
        return Case("POST", "/sparql", _form("query", draw(UPDATES)), form, "refused")
    if kind == "update":
        return Case("POST", "/sparql", _form("update", draw(UPDATES)), form, "refused")
    if kind == "direct-update":
        return Case("POST", "/sparql", draw(UPDATES).encode(), {"Content-Type": "application/sparql-update"}, "refused")
    if kind == "service":
        return Case("POST", "/sparql", _form("query", draw(SERVICES)), form, "refused")
    if kind == "malformed":
        return Case("POST", "/sparql", _form("query", draw(mutated())), form)
    if kind == "deep":
        return Case("POST", "/sparql", _form("query", draw(deep())), form, "deep")
    if kind == "deep-update":
        return Case("POST", "/sparql", _form("update", "INSERT DATA " + draw(deep())[15:]), form, "refused")
    if kind == "bytes":
        ctype = draw(st.sampled_from(["application/sparql-query", "application/sparql-query; charset=latin-1",
                                      "application/x-www-form-urlencoded", "text/plain", "multipart/form-data"]))
        return Case("POST", "/sparql", draw(st.binary(max_size=300)), {"Content-Type": ctype})
    query = draw(mutated() | VALID)
    accept = draw(st.sampled_from(["*/*", "text/html", "application/sparql-results+json", "text/turtle",
                                   "application/xml", "image/png", "text/csv;q=0.1, nonsense"]))
    fmt = draw(st.sampled_from(["", "&format=json", "&format=csv", "&format=%00", "&format=turtle"]))
    return Case("GET", "/sparql?query=" + urllib.parse.quote(query, safe="") + fmt, None, {"Accept": accept})


# -- IRI routes ---------------------------------------------------------------------------------------------
ROUTES = ["/id/{}", "/id/A/RES/78/216/{}", "/id/A/RES/78/216{}", "/resolutions/{}", "/actors/{}", "/rights/{}",
          "/groups/{}", "/states/{}", "/vocab/{}", "/vocab/actors/{}", "/ontology/{}", "/vendor/yasgui/{}",
          "/search?q={}", "/actors.json?verb={}", "/actors/states?page={}", "/states/col/alignment.json?with={}",
          "/explore?query={}", "/explore/terms.json?q={}"]
SEGMENTS = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", "\n", "%0A", "A/RES/78/216\n", "..", "../..", "./.", "a//b", "<>", '"', "{", "}", "\\",
                     "\x00", "\u202e", "\ud7ff", "\U0001f600", "A/RES/78/216.ttl", "states.json", "x" * 2000]),
    st.builds(lambda a, b: a + b, st.sampled_from(["A/RES/78/216", "op/28", "en", "actors/states"]),
              st.text(max_size=5)),
)
ACCEPTS = st.sampled_from(["text/html", "*/*", "text/turtle", "application/ld+json", "application/json",
                           "application/rdf+xml", "text/csv", "application/n-triples", "", "\u00e9/\u00e9"])


@st.composite
def route_case(draw: st.DrawFn) -> Case:
    route = draw(st.sampled_from(ROUTES))
    segment = draw(SEGMENTS)
    safe = "/" if "?" not in route else ""
    path = route.format(urllib.parse.quote(segment.encode("utf-8", "surrogatepass"), safe=safe))
    return Case("GET", path, None, {"Accept": draw(ACCEPTS).encode("latin-1", "replace").decode("latin-1")})


def failure(case: Case, status: int, body: bytes) -> str | None:
    """What is wrong with an answer, as a short kind ("500", "traceback", "accepted-update" ...), or None."""
    text = body[:20000].decode("utf-8", "replace")
    if status >= 500 and status != 503:
        return f"status-{status}"
    if "Traceback (most recent call last)" in text:
        return "traceback"
    if case.expect == "refused" and status < 400:
        return "accepted-refusal"
    if case.expect == "deep" and status != 400:
        return f"deep-not-400-{status}"
    return None
