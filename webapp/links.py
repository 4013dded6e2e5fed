"""Where things live in the app: data IRIs -> local paths and paragraph anchors; terms -> plain values."""
from __future__ import annotations

from typing import Any, Iterable

import rdflib
from flask import current_app
from markupsafe import Markup, escape

from unkg import iris
from unkg.config import VOCAB_NS
from unkg.webapp.concepts import concept_path

CONCEPT_PAGES = {"actors": "/actors/", "rights": "/rights/", "groups": "/groups/"}


def base() -> str:
    return current_app.config["BASE_IRI"]


def local(iri: str) -> str | None:
    """The app path that serves a data IRI (`.../id/A/RES/78/216` -> `/id/A/RES/78/216`), else None."""
    b = base()
    return "/id/" + iri[len(b):] if iri.startswith(b) else None


def symbol_path(iri: str) -> str:
    """The symbol path of the work a data IRI belongs to (`.../id/A/RES/78/216/op/3` -> `A/RES/78/216`), read by
    `unkg.iris.parse` under the app's base IRI; an IRI it cannot read is shown as it is."""
    parsed = iris.parse(iri, base())
    return parsed.path if parsed else iri


def under_base(iri: str) -> str:
    """A data IRI without the app's base (`A/RES/78/216/op/3`): a short title; other IRIs as they are."""
    return iri[len(base()):] if iri.startswith(base()) else iri


def anchor(para: str, work: str) -> str:
    """`.../op/11/a` under `.../A/RES/78/216` -> `op-11-a`: the id of the paragraph on the resolution page."""
    return para[len(work) + 1:].replace("/", "-") if para.startswith(work + "/") else para.rsplit("/", 1)[-1]


def paragraph_link(para: str, work: str) -> str:
    return f"{local(work) or work}#{anchor(para, work)}"


def concept_link(iri: str) -> str | None:
    """Page of a vocabulary concept: actors, rights, groups by their own scheme; other schemes' concepts
    (e.g. States) that are addressees show on the actor pages."""
    if not iri.startswith(VOCAB_NS):
        return None
    scheme = iri[len(VOCAB_NS):].split("/", 1)[0]
    page = CONCEPT_PAGES.get(scheme)
    if page is None:
        return None
    return page + (concept_path(iri, scheme) or "")


def actor_link(iri: str) -> str | None:
    return "/actors/" + concept_path(iri, "actors") if iri.startswith(VOCAB_NS) else None


def val(term: Any) -> Any:
    """A result term as a plain JSON value (numbers as numbers, everything else as text)."""
    if term is None:
        return None
    if isinstance(term, rdflib.Literal):
        v = term.toPython()
        if isinstance(v, bool) or isinstance(v, (int, float)):
            return v
        return str(term)
    return str(term)


def anchors_html(items: Iterable[dict[str, Any]]) -> Markup:
    """`<a href="link">label</a>` of each item, joined by ", ": what a template's loop over them writes (an
    actor page's narrower actors are every State), at the cost of two escapes per item."""
    return Markup(", ".join(f'<a href="{escape(d["link"])}">{escape(d["label"])}</a>' for d in items))
