"""Resolutions made by hand for extraction tests: operative paragraphs numbered 1..n, no corpus needed."""
from __future__ import annotations

from unkg.ingest.extract import extract, load
from unkg.ingest.model import OPERATIVE, Paragraph, Resolution, Source, assemble


def resolution(texts: list[str], *, symbol: str = "A/RES/78/999", body: str = "General Assembly",
               session: str = "78", date: str | None = None, language: str = "en", title: str = "test") -> Resolution:
    paras = [Paragraph(OPERATIVE, 0, str(n), t.split()[0], t) for n, t in enumerate(texts, 1)]
    res = Resolution(symbol, body, session, date, language, title, Source("x", "0" * 64, "text"), paragraphs=paras)
    res.text = assemble(paras)
    return res


def mandates(text: str, language: str = "en") -> list[tuple[str | None, str, str | None]]:
    """(entity, task, due session) of each mandate of a one-paragraph GA 78 resolution in `language`."""
    res = extract(resolution([text], symbol="A/RES/78/997", date="2023-12-19", language=language), load())
    return [(m.entity.id.rsplit("/", 1)[-1] if m.entity else None, m.task, m.due_session)
            for pr in res.operative[0].provisions for m in pr.mandates]
