"""Agreed-language search: a phrase or a pasted draft paragraph -> the closest paragraphs of all resolutions.

The index is built once per store state from one SPARQL query (all English paragraph texts) and kept in
memory: an inverted index of words weighted by TF-IDF. A request scores only the postings of its own terms,
skipping the very common ones, then re-ranks the best candidates by how much of the query's wording they
share, in order (rapidfuzz), so that agreed language ranks above the same words scattered. A search's
answer is kept in the page cache like a page's (webapp/cache.py), per store version and query string: the
same search asked again is read, not computed; its `seconds` say how long it took when it was computed.
"""
from __future__ import annotations

import heapq
import math
import re
import time
from array import array
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

import numpy as np
from flask import Blueprint, Response, request
from rapidfuzz import fuzz

from unkg.webapp import queries as Q
from unkg.webapp.cache import cached_page
from unkg.webapp.errors import ApiError
from unkg.webapp.links import paragraph_link, val
from unkg.webapp.represent import respond
from unkg.webapp.state import state as app_state

bp = Blueprint("search", __name__)
_TOKEN = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*")
_SPLIT = re.compile(f"({_TOKEN.pattern})")  # split on the words, keeping them
MAX_QUERY_CHARS = 5000
COMMON = 0.25  # a term in more than this share of paragraphs adds little and costs much: skipped


def words(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


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
    """TF-IDF over word unigrams in a compressed sparse layout: for each term, the ids of the paragraphs
    holding it and their normalised weights, sorted by term (numpy arrays).
    One pass of tokenising; scoring a query touches only its own terms' postings."""

    def __init__(self, docs: list[Doc]):
        self.docs = _Docs(docs)
        vocab: dict[str, int] = {}
        doc_of, term_of, tf_of = array("I"), array("I"), array("f")
        for i, d in enumerate(docs):
            counts = Counter(vocab.setdefault(w, len(vocab)) for w in words(d.text))
            doc_of.extend([i] * len(counts))
            term_of.extend(counts.keys())
            tf_of.extend(counts.values())
        self.vocab = vocab
        self.languages: dict[str, list[str]] = {}  # work -> its language versions' codes, filled by build_index
        self.n = n = max(1, len(docs))
        self.max_df = max(50, int(COMMON * n))
        self._build(doc_of, term_of, tf_of, n)

    def _build(self, doc_of: array, term_of: array, tf_of: array, n: int) -> None:
        docs = np.frombuffer(doc_of, dtype=np.uint32)
        terms_ = np.frombuffer(term_of, dtype=np.uint32)
        tf = np.frombuffer(tf_of, dtype=np.float32)
        self.df = np.bincount(terms_, minlength=len(self.vocab))
        self.idf = np.log1p(n / np.maximum(self.df, 1)).astype(np.float32)
        w = (1 + np.log(tf)) * self.idf[terms_]
        norms = np.sqrt(np.bincount(docs, weights=w * w, minlength=n)).astype(np.float32)
        w = w / np.maximum(norms[docs], 1e-9)
        order = np.argsort(terms_, kind="stable")
        self.post_docs, self.post_w = docs[order].copy(), w[order].astype(np.float32)
        self.indptr = np.concatenate([[0], np.cumsum(self.df)])

    def candidates(self, text: str, k: int) -> list[tuple[int, float]]:
        """The k paragraphs with the highest TF-IDF cosine to `text` (very common terms skipped)."""
        q = Counter(self.vocab[w] for w in words(text) if w in self.vocab)
        if not q:
            return []
        qw = {t: (1 + math.log(c)) * float(self.idf[t]) for t, c in q.items()}
        qnorm = math.sqrt(sum(x * x for x in qw.values())) or 1.0
        rare = [t for t in qw if self.df[t] <= self.max_df] or sorted(qw, key=lambda t: self.df[t])[:3]
        scores = np.zeros(self.n, dtype=np.float32)
        for t in rare:
            a, b = self.indptr[t], self.indptr[t + 1]
            scores[self.post_docs[a:b]] += (qw[t] / qnorm) * self.post_w[a:b]
        k = min(k, self.n)
        top = np.argpartition(-scores, k - 1)[:k]
        return [(int(i), float(scores[i])) for i in top if scores[i] > 0]

    def search(self, text: str, limit: int = 20) -> list[tuple[Doc, float]]:
        q = " ".join(words(text))
        # a short phrase shares its words with many paragraphs: look wider before re-ranking by wording
        found = self.candidates(text, max(limit * 3, 200 if len(q) < 200 else 60))
        scores: dict[int, float] = {}
        best: list[float] = []  # the `limit` highest scores so far (a heap: the lowest first)
        # the highest cosines first: a candidate whose score cannot reach the lowest of the `limit` best so
        # far, even with all of the query's wording, cannot be among them (its wording is not compared)
        for i, s in sorted(found, key=lambda c: -c[1]):
            if len(best) == limit and 0.5 * s + 0.5 < best[0]:
                continue
            # how much of the query's wording the paragraph shares (0..1), blended with the TF-IDF cosine:
            # the same words in the same order ("agreed language") rank above the same words scattered
            doc = self.docs.words(i)
            # once `limit` are kept, a wording under `need` (in rapidfuzz's 0..100) cannot lift the candidate
            # to the lowest of them: rapidfuzz may then stop comparing early (it answers 0), and the candidate
            # is left out as if it had been compared; the margin keeps a candidate that could tie
            need = max(0.0, 200 * best[0] - 100 * s - 1e-6) if len(best) == limit else 0.0
            ratio = fuzz.partial_ratio(q, doc, score_cutoff=need) if len(q) < 200 else fuzz.token_set_ratio(q, doc, score_cutoff=need)
            if ratio < need:
                continue
            scores[i] = score = 0.5 * s + 0.5 * (ratio / 100)
            if len(best) < limit:
                heapq.heappush(best, score)
            elif score > best[0]:
                heapq.heapreplace(best, score)
        # the candidates' own order among equal scores, as if every one had been compared
        ranked = [(i, scores[i]) for i, _ in found if i in scores]
        ranked.sort(key=lambda x: -x[1])
        return [(self.docs[i], score) for i, score in ranked[:limit]]


class _Docs:
    """The indexed paragraphs, kept so that reading one writes nothing where it is stored: the texts, and their
    words as the re-ranking compares them (`words` joined by spaces, made once here rather than for every
    candidate of every search), each in one UTF-8 string with their offsets (half the memory of a Python
    string holding one character beyond Latin-1), the rest as one tuple per paragraph read only for the
    results shown. (The web server's workers share the index their parent built; reading a Python object
    writes its reference count, which would copy the memory page holding it into the reading worker, texts
    of every candidate of every search included.)"""

    def __init__(self, docs: list[Doc]):
        self._texts, self._ends = _packed(d.text for d in docs)
        self._words, self._word_ends = _packed(" ".join(words(d.text)) for d in docs)
        self._rest = [(d.para, d.work, d.symbol, d.date, d.number, d.index, d.kind) for d in docs]

    def __len__(self) -> int:
        return len(self._rest)

    def text(self, i: int) -> str:
        return _unpacked(self._texts, self._ends, i)

    def words(self, i: int) -> str:
        """`" ".join(words(self.text(i)))`."""
        return _unpacked(self._words, self._word_ends, i)

    def __getitem__(self, i: int) -> Doc:
        return Doc(*self._rest[i], self.text(i))


def _packed(texts: Any) -> tuple[bytes, np.ndarray]:
    parts = [t.encode("utf-8") for t in texts]
    return b"".join(parts), np.cumsum([len(p) for p in parts], dtype=np.int64)


def _unpacked(blob: bytes, ends: np.ndarray, i: int) -> str:
    return blob[int(ends[i - 1]) if i else 0:int(ends[i])].decode("utf-8")


def build_index(store: Any) -> Index:
    """The index of every English paragraph, and each resolution's language versions (for the links of a
    result to the same paragraph in the other languages)."""
    docs, seen = [], set()
    for r in store.select(Q.SEARCH_PARAGRAPHS, timeout=600):
        p = str(r["para"])
        if p in seen:
            continue
        seen.add(p)
        docs.append(Doc(p, str(r["work"]), val(r.get("symbol")) or "", val(r.get("date")), val(r.get("num")),
                        val(r.get("idx")), str(r["kind"]).rsplit("#", 1)[-1], str(r["text"])))
    index = Index(docs)
    for r in store.select(Q.WORK_LANGUAGES, timeout=600):
        work, expression = str(r["work"]), str(r["e"])
        if expression.startswith(work + "/"):
            index.languages.setdefault(work, []).append(expression[len(work) + 1:])
    for langs in index.languages.values():
        langs.sort()
    return index


# Words too common to show as the reason a paragraph matched.
_PLAIN = frozenset("a an and are as at be by for from has have in is it its of on or that the their this to "
                   "was were which with".split())


def highlight(text: str, query: str) -> tuple[list[dict[str, Any]], list[str]]:
    """`text` cut into segments, the words it shares with `query` marked (case, and the words' endings after
    an apostrophe or hyphen, as `words` reads them); and the distinct words marked."""
    wanted = {w for w in words(query) if w not in _PLAIN}
    # the lower-cased text split into (between words, word, between words, ..., between words): the words are
    # what `words` reads; a word's place is the length of the parts before it, found only for the words marked
    parts = _SPLIT.split(text.lower())
    segments: list[dict[str, Any]] = []
    matched: list[str] = []
    hits = [i for i in range(1, len(parts), 2) if parts[i] in wanted]
    last = 0
    if hits:
        ends = list(accumulate(map(len, parts)))
        for i in hits:
            start, end = ends[i - 1], ends[i]
            if start > last:
                segments.append({"text": text[last:start], "hit": False})
            segments.append({"text": text[start:end], "hit": True})
            last = end
            if parts[i] not in matched:
                matched.append(parts[i])
    if last < len(text):
        segments.append({"text": text[last:], "hit": False})
    return segments, matched


def get_index() -> Index:
    state = app_state()
    return state.cached("search_index", lambda: build_index(state.store))


@bp.route("/search")
@bp.route("/search.<any(json,csv):fmt>")
@cached_page
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
            segments, matched = highlight(d.text, q)
            link = paragraph_link(d.para, d.work)
            page, hash_ = link.split("#", 1)
            rows.append({"symbol": d.symbol, "paragraph": d.number or (f"preambular {d.index}" if d.index else ""),
                         "kind": "operative" if d.kind.startswith("Operative") else "preambular", "date": d.date,
                         "score": round(score, 4), "text": d.text, "link": link, "iri": d.para,
                         "matched": matched, "segments": segments,
                         "versions": [{"lang": lang, "link": f"{page}?lang={lang}#{hash_}"}
                                      for lang in index.languages.get(d.work, []) if lang != "en"]})
        took = time.perf_counter() - t0
    from unkg.webapp.states import state_for_query  # here: states imports pages, which the app loads first

    named = state_for_query(q) if len(q) < 80 else None
    data = {"title": "Agreed language", "q": q, "rows": rows, "count": len(rows), "seconds": round(took, 4),
            "paragraphs_indexed": size,
            "state": {"id": named["id"], "name": named["name"], "link": named["link"]} if named else None}
    return respond(data, "search.html", base_path="/search", suffix=fmt, offered=("html", "json", "csv"),
                   csv_rows=(rows, ["symbol", "paragraph", "kind", "date", "score", "text", "link"]))
