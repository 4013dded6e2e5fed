"""Word-level changes between two paragraph texts, as a negotiator reads a redline.

`changes(old, new)` returns `[{"op": "equal"|"delete"|"insert", "text": ...}]` such that the equal and
delete texts, in order, are exactly `old`, and the equal and insert texts are exactly `new`. Tokens are
words, runs of spaces and single punctuation marks, so nothing is normalised away. A short island of
equal text between two changes (a lone space, "the", a comma) is folded into the change around it: a
reader wants "~~take~~ adopt all measures", not a change broken at every shared article.
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)
# equal runs of at most this many word tokens between two changes are shown as part of the change
_ISLAND_WORDS = 1


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def changes(old: str, new: str) -> list[dict[str, str]]:
    """The changes that turn `old` into `new` (equal + delete = old, equal + insert = new)."""
    if old == new:
        return [{"op": "equal", "text": old}] if old else []
    a, b = tokens(old), tokens(new)
    ops: list[tuple[str, str, str]] = []  # (op, old part, new part) with op equal | change
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        ops.append(("equal" if tag == "equal" else "change", "".join(a[i1:i2]), "".join(b[j1:j2])))
    ops = _fold_islands(ops)
    out: list[dict[str, str]] = []
    for op, x, y in ops:
        if op == "equal":
            _push(out, "equal", x)
        else:
            _push(out, "delete", x)
            _push(out, "insert", y)
    return out


def _fold_islands(ops: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    merged: list[tuple[str, str, str]] = []
    for k, (op, x, y) in enumerate(ops):
        between = 0 < k < len(ops) - 1 and ops[k - 1][0] == "change" and ops[k + 1][0] == "change"
        if op == "equal" and between and sum(1 for t in tokens(x) if t[0].isalnum()) <= _ISLAND_WORDS:
            op = "change"
        if op == "change" and merged and merged[-1][0] == "change":
            _, px, py = merged.pop()
            x, y = px + x, py + y
        merged.append((op, x, y))
    return merged


def _push(out: list[dict[str, str]], op: str, text: str) -> None:
    if not text:
        return
    if out and out[-1]["op"] == op:
        out[-1]["text"] += text
    else:
        out.append({"op": op, "text": text})


def rebuild(chs: list[dict[str, str]]) -> tuple[str, str]:
    """(old, new) from changes: the property every diff keeps."""
    old = "".join(c["text"] for c in chs if c["op"] in ("equal", "delete"))
    new = "".join(c["text"] for c in chs if c["op"] in ("equal", "insert"))
    return old, new
