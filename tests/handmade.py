"""Resolutions made by hand for extraction tests: operative paragraphs numbered 1..n, no corpus needed."""
from __future__ import annotations

from unkg.ingest.model import OPERATIVE, Paragraph, Resolution, Source, assemble


def resolution(texts: list[str], *, symbol: str = "A/RES/78/999", body: str = "General Assembly",
               session: str = "78", date: str | None = None, language: str = "en", title: str = "test") -> Resolution:
    paras = [Paragraph(OPERATIVE, 0, str(n), t.split()[0], t) for n, t in enumerate(texts, 1)]
    res = Resolution(symbol, body, session, date, language, title, Source("x", "0" * 64, "text"), paragraphs=paras)
    res.text = assemble(paras)
    return res
