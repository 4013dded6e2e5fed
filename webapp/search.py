"""Agreed-language search: a phrase or a pasted draft paragraph -> the closest paragraphs of all resolutions.

The index is built once per store state from one SPARQL query (all English paragraph texts) and kept in
memory: an inverted index of word unigrams and bigrams weighted by TF-IDF (bigrams reward the same wording,
not just the same words). A request scores only the postings of its own terms, skipping the very common
ones, then re-ranks the best candidates by how much of the query's wording they share (rapidfuzz).
"""
from __future__ import annotations

import heapq
import math
import re
import threading
import time
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from flask import Blueprint, Response, current_app, request

from . import queries as Q
from .errors import ApiError
from .links import paragraph_link, val
from .represent import respond

bp = Blueprint("search", __name__)
_TOKEN = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*")
MAX_QUERY_CHARS = 5000
COMMON = 0.25  # a term in more than this share of paragraphs adds little and costs much: skipped


def words(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def terms(text: str) -> list[str]:
    """Unigrams and bigrams (joined by a space) of a text, lower-cased."""
    w = words(text)
    return w + [f"{a} {b}" for a, b in zip(w, w[1:])]


@dataclass
class Doc:
    para: str
    work: str
    symbol: str
    date: str | None
    number: str | None
    index: int | None
    kind: str
    text: str


class Index:
    """TF-IDF over word unigrams and bigrams; postings kept in compact arrays (ids, weights) per term."""

    def __init__(self, docs: list[Doc]):
        self.docs = docs
        df: Counter[str] = Counter()
        for d in docs:  # first pass: document frequencies only (keeps memory low)
            df.update(set(terms(d.text)))
        n = max(1, len(docs))
        self.n = n
        self.idf = {t: math.log(1 + n / c) for t, c in df.items()}
        self.max_df = max(50, int(COMMON * n))
        self.df = df
        ids: dict[str, array] = {}
        weights: dict[str, array] = {}
        for i, d in enumerate(docs):  # second pass: normalised weights per document
            tf = Counter(terms(d.text))
            w = {t: (1 + math.log(c)) * self.idf[t] for t, c in tf.items()}
            norm = math.sqrt(sum(x * x for x in w.values())) or 1.0
            for t, x in w.items():
                if t not in ids:
                    ids[t], weights[t] = array("I"), array("f")
                ids[t].append(i)
                weights[t].append(x / norm)
        self.ids, self.weights = ids, weights

    def search(self, text: str, limit: int = 20) -> list[tuple[Doc, float]]:
        from rapidfuzz import fuzz

        qtf = Counter(terms(text))
        qw = {t: (1 + math.log(c)) * self.idf[t] for t, c in qtf.items() if t in self.idf}
        if not qw:
            return []
        qnorm = math.sqrt(sum(w * w for w in qw.values())) or 1.0
        scores: dict[int, float] = defaultdict(float)
        rare = [t for t in qw if self.df[t] <= self.max_df] or sorted(qw, key=lambda t: self.df[t])[:3]
        for t in rare:
            w = qw[t] / qnorm
            for i, dw in zip(self.ids[t], self.weights[t]):
                scores[i] += w * dw
        best = heapq.nlargest(max(limit * 4, 40), scores.items(), key=lambda kv: kv[1])
        q = " ".join(words(text))
        ranked = []
        for i, s in best:
            # how much of the query's wording the paragraph shares, 0..1, blended with the TF-IDF cosine
            doc = " ".join(words(self.docs[i].text))
            overlap = (fuzz.partial_ratio(q, doc) if len(q) < 300 else fuzz.token_set_ratio(q, doc)) / 100
            ranked.append((self.docs[i], 0.5 * s + 0.5 * overlap))
        ranked.sort(key=lambda x: -x[1])
        return ranked[:limit]


def build_index(store: Any) -> Index:
    docs, seen = [], set()
    for r in store.select(Q.SEARCH_PARAGRAPHS, timeout=600):
        p = str(r["para"])
        if p in seen:
            continue
        seen.add(p)
        docs.append(Doc(p, str(r["work"]), val(r.get("symbol")) or "", val(r.get("date")), val(r.get("num")),
                        val(r.get("idx")), str(r["kind"]).rsplit("#", 1)[-1], str(r["text"])))
    return Index(docs)


def get_index() -> Index:
    state = current_app.extensions["unkg"]
    return state.cached("search_index", lambda: build_index(state.store))


def warm(app: Any) -> threading.Thread:
    """Build the index in the background (the first search would otherwise wait for it)."""
    def run() -> None:
        with app.app_context():
            get_index()

    t = threading.Thread(target=run, daemon=True, name="unkg-search-index")
    t.start()
    return t


@bp.route("/search")
@bp.route("/search.<any(json,csv):fmt>")
def search(fmt: str | None = None) -> Response:
    q = (request.args.get("q") or "").strip()
    if len(q) > MAX_QUERY_CHARS:
        raise ApiError(f"the text to search is too long ({len(q)} characters; at most {MAX_QUERY_CHARS})", 400)
    try:
        limit = min(100, max(1, int(request.args.get("limit", 20))))
    except ValueError:
        raise ApiError("limit must be a number", 400) from None
    rows: list[dict[str, Any]] = []
    took = 0.0
    size = None
    if q:
        t0 = time.perf_counter()
        index = get_index()
        size = len(index.docs)
        for d, score in index.search(q, limit):
            rows.append({"symbol": d.symbol, "paragraph": d.number or (f"preambular {d.index}" if d.index else ""),
                         "kind": "operative" if d.kind.startswith("Operative") else "preambular", "date": d.date,
                         "score": round(score, 4), "text": d.text, "link": paragraph_link(d.para, d.work), "iri": d.para})
        took = time.perf_counter() - t0
    data = {"title": "Agreed language", "q": q, "rows": rows, "count": len(rows), "seconds": round(took, 4),
            "paragraphs_indexed": size}
    return respond(data, "search.html", base_path="/search", suffix=fmt, offered=("html", "json", "csv"),
                   csv_rows=(rows, ["symbol", "paragraph", "kind", "date", "score", "text", "link"]))
