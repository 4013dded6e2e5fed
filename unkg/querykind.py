"""What kind of SPARQL request a text is, without running it: query form, update, SERVICE.

The endpoint must refuse updates, LOAD and federated SERVICE calls before anything reaches the store, and the
remote store must send a query as `query=` and an update as `update=`; a store cannot be asked "would this be
an update?" without running it (an update run on a scratch store could still LOAD a URL). So this module
strips what can hide keywords (comments, strings, IRIs) and reads the keywords that remain. A query that
passes is still parsed by the store, which reports syntax errors.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from unkg.errors import QueryError

# Order matters: long strings before short ones; an IRI never contains spaces, so `?a < ?b` is not one.
_HIDERS = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'
    r"|#[^\n]*",
    re.S,
)
_WORD = re.compile(r"(?<![\w:?$])([A-Za-z]+)(?![\w:])")
_BRACKETS = re.compile(r"[{}()\[\]]")
# Oxigraph's parser and planner recurse on nesting: about 3,000 levels of braces overflow the stack (a crash),
# and nested blank-node brackets take time growing with the cube of the depth (a second at 150). Queries
# people write nest a dozen levels.
MAX_NESTING = 64
QUERY_FORMS = {"SELECT", "CONSTRUCT", "DESCRIBE", "ASK"}
UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}


@dataclass(frozen=True)
class Kind:
    form: str | None  # SELECT | CONSTRUCT | DESCRIBE | ASK, or None for an update / unrecognised text
    is_update: bool
    uses_service: bool
    uses_load: bool

    @property
    def is_graph(self) -> bool:
        """CONSTRUCT and DESCRIBE give RDF graphs rather than result tables."""
        return self.form in ("CONSTRUCT", "DESCRIBE")


def keywords(text: str) -> list[str]:
    """The bare words of a SPARQL text in upper case, outside strings, IRIs and comments.

    Prefixed names (`unkg:actor`, `rdf:type`) and variables are not words; `a` and `true` are.
    """
    return [w.upper() for w in _WORD.findall(_HIDERS.sub(" ", text))]


def classify(text: str) -> Kind:
    words = keywords(text)
    form = None
    update = False
    for w in words:  # the first form keyword after the prologue (BASE / PREFIX) decides
        if w in QUERY_FORMS:
            form = w
            break
        if w in UPDATE_WORDS:
            update = True
            break
    return Kind(form=form, is_update=update, uses_service="SERVICE" in words, uses_load="LOAD" in words)


def read_only(text: str, *, allow_service: bool = False,
              update_advice: str = "this service answers queries only") -> Kind:
    """The kind of a query that a read-only service (the /sparql endpoint, `unkg mcp`) may run; QueryError
    (400/403) for anything else: empty text, an update or LOAD, SERVICE unless allowed, no query form."""
    if not text.strip():
        raise QueryError("the query is empty", 400)
    check_nesting(text)
    kind = classify(text)
    if kind.is_update or kind.form is None and kind.uses_load:
        raise QueryError(f"this is a SPARQL Update; {update_advice}", 400)
    if kind.uses_service and not allow_service:
        raise QueryError("SERVICE (federated query) is disabled on this endpoint", 403)
    if kind.form is None:
        raise QueryError("malformed SPARQL query: no SELECT, CONSTRUCT, DESCRIBE or ASK found", 400)
    return kind


def nesting(text: str) -> int:
    """How deeply braces, parentheses and brackets nest in a SPARQL text, outside strings, IRIs and comments."""
    depth = deepest = 0
    for b in _BRACKETS.findall(_HIDERS.sub(" ", text)):
        if b in "{([":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth = max(0, depth - 1)
    return deepest


def check_nesting(text: str) -> None:
    """Refuse (QueryError, 400) a text nested deeper than MAX_NESTING, before any parser sees it."""
    if text.count("{") + text.count("(") + text.count("[") <= MAX_NESTING:
        return  # it cannot nest deeper than it opens: a page's query is not read bracket by bracket
    depth = nesting(text)
    if depth > MAX_NESTING:
        raise QueryError(f"the query nests brackets {depth} deep, more than the limit of {MAX_NESTING}; "
                         "flatten it", 400)
