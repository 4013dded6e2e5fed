"""Sustainable Development Goals named in a paragraph: goals, targets, indicators.

"target 16.10" -> "16.10", "indicator 16.10.1" -> "16.10.1", "Goal 16" / "Sustainable Development Goal 16" ->
"16", "targets 16.3 and 16.10" -> both; the words come from the grammar ("cible", "meta", "objectif" ...).
Codes are returned as printed (unkg.iris.sdg turns them into metadata.un.org IRIs).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

_CODE = r"(?:1[0-7]|[1-9])(?:\.(?:\d{1,2}|[a-c])(?:\.\d{1,2})?)?"
_DIGIT = re.compile(r"[1-9]")


@lru_cache(maxsize=8)
def _pattern(target: str, indicator: str, goal: str, joiners: tuple[str, ...]) -> re.Pattern:
    join = "|".join(re.escape(j).replace(r"\ ", r"\s+") for j in sorted(joiners, key=len, reverse=True))
    lst = rf"(?P<list>{_CODE}(?:\s*(?:{join})\s*{_CODE})*)(?![\d.]*\d)"
    return re.compile(rf"(?P<kind>{target}|{indicator}|{goal}){lst}", re.I)


def find_sdg(text: str, gram: dict[str, Any]) -> list[tuple[str, int, int]]:
    """(code, start, end) for every goal, target and indicator named in `text`."""
    out: list[tuple[str, int, int]] = []
    if not _DIGIT.search(text):  # every code starts with a digit from 1 to 9: a text without one names none
        return out
    rx = _pattern(gram["sdg_target"], gram["sdg_indicator"], gram["sdg_goal"], tuple(gram["list_joiners"]))
    for m in rx.finditer(text):
        kind = m.group("kind").lower()
        base = m.start("list")
        for c in re.finditer(_CODE, m.group("list")):
            code = c.group(0)
            dots = code.count(".")
            # "target 16" is not a target; "goal 16.10" is a target all the same: trust the digits
            if dots == 0 and not re.search(gram["sdg_goal"], kind, re.I):
                continue
            out.append((code, base + c.start(), base + c.end()))
    return out
