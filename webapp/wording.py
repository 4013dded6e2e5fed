"""Every provision's wording and printed verb, as the actor, right, group and State pages show them, read
from the store in one query and kept once per store version (webapp/cache.py's results) in three arrays.

Which wording a provision shows: the one in English where the resolution has an English version, else the
one of the first language by tag (a text without a tag last); between two versions in one language, the
smaller text, then the smaller printed verb, so that every page shows the same whichever asks first.

Why arrays: a page shows a hundred rows and asking the store for their wording cost more than the rest of
the page; holding every provision's wording as Python strings would cost an object per text, and a forked
worker that reads an object writes its reference count, copying the memory page it sits on. Here the
provisions are one sorted array of their IRIs (UTF-8), their wording one `bytes` and the offsets one
array: `unkg serve` builds them before it forks its workers, which read them without copying them.
"""
from __future__ import annotations

import numpy as np
import pyoxigraph as ox

from unkg.webapp import queries as Q


def rank(text: ox.Literal | ox.NamedNode, verb: ox.Literal | ox.NamedNode | None) -> tuple[str, str, str]:
    """The order in which a provision's versions are chosen: the smallest is shown."""
    lang = getattr(text, "language", None) or ""
    return ("" if lang == "en" else (lang or "~"), text.value, verb.value if verb is not None else "")


def pack(parts: list[bytes]) -> tuple[np.ndarray, bytes]:
    """`parts` as one `bytes` and the offsets of each part's start (and of the end): part i is
    `blob[starts[i]:starts[i + 1]]`, one object however many parts."""
    starts = np.zeros(len(parts) + 1, dtype=np.int64)
    np.cumsum([len(b) for b in parts], out=starts[1:])
    return starts, b"".join(parts)


class Wording:
    """(text, printed verb) by provision IRI; ("", "") for a provision without wording."""

    def __init__(self, chosen: dict[str, tuple[str, str]]):
        order = sorted(chosen)  # code point order is UTF-8 byte order: the order of the array below
        self.keys = np.array([p.encode("utf-8") for p in order], dtype=bytes) if order else np.array([], dtype="S1")
        self.starts, self.blob = pack([s.encode("utf-8") for p in order for s in chosen[p]])

    @classmethod
    def read(cls, store: object, timeout: float = 600) -> Wording:
        """Every provision's wording in `store` (its query_raw, as TSV, parsed by Oxigraph: no rdflib term
        per text)."""
        best: dict[str, tuple[str, str, str]] = {}
        raw = store.query_raw(Q.PROVISION_TEXTS, "tsv", timeout=timeout)  # type: ignore[attr-defined]
        for prov, text, verb in ox.parse_query_results(raw, format=ox.QueryResultsFormat.TSV):
            r = rank(text, verb)
            key = prov.value
            old = best.get(key)
            if old is None or r < old:
                best[key] = r
        del raw
        return cls({p: (r[1], r[2]) for p, r in best.items()})

    def __len__(self) -> int:
        return len(self.keys)

    def of(self, provisions: list[str]) -> list[tuple[str, str]]:
        """The (text, verb) of each provision, in their order."""
        if not provisions or not len(self.keys):
            return [("", "")] * len(provisions)
        want = np.array([p.encode("utf-8") for p in provisions], dtype=bytes)
        at = np.minimum(np.searchsorted(self.keys, want), len(self.keys) - 1)
        found = self.keys[at] == want
        starts, blob = self.starts, self.blob
        out = []
        for i, ok in zip(at.tolist(), found.tolist(), strict=True):
            if not ok:
                out.append(("", ""))
                continue
            a, b, c = starts[2 * i: 2 * i + 3].tolist()
            out.append((blob[a:b].decode("utf-8"), blob[b:c].decode("utf-8")))
        return out
