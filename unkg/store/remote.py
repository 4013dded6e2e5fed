"""A remote store: any SPARQL 1.1 server, through SPARQL 1.1 Query / Update (SPARQLWrapper) and the
Graph Store Protocol (graph replace with HTTP PUT).

The location is the server's query endpoint. The update and Graph Store endpoints are derived from it
for the servers unkg is tested against, or given explicitly:

| server                                   | location (query)          | update              | graph store                  |
|------------------------------------------|---------------------------|---------------------|------------------------------|
| `oxigraph serve --union-default-graph`   | http://HOST:7878/query    | /update             | /store                       |
| Virtuoso 7 (with user and password)      | http://HOST:8890/sparql   | /sparql-auth        | /sparql-graph-crud-auth      |
| anything else                            | URL                       | URL                 | URL?graph=...                |

Credentials come from the URL (`http://dba:dba@host:8890/sparql`) or `$UNKG_STORE_USER` /
`$UNKG_STORE_PASSWORD`; other endpoints from `$UNKG_UPDATE_ENDPOINT` / `$UNKG_GSP_ENDPOINT`. HTTP Basic
and Digest authentication are both answered. Queries should see the union of the named graphs as the
default graph (Virtuoso does; start Oxigraph with `--union-default-graph`).
"""
from __future__ import annotations

import base64
import hashlib
import json
import secrets
import socket
import urllib.error
import urllib.parse
import urllib.request
import warnings
from typing import Any, Iterable

import rdflib

from unkg import config
from unkg.config import ONTOLOGY_NS, VOCAB_NS, base_iri
from unkg.errors import QueryError, StoreError
from unkg.querykind import classify
from unkg.store import RESULT_FORMATS, Dataset
from unkg.store.common import GraphData, check_iri, count_results, ntriples, stats_from_row, stats_query

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _split_credentials(url: str) -> tuple[str, str | None, str | None]:
    parts = urllib.parse.urlsplit(url)
    if parts.username is None:
        return url, None, None
    netloc = parts.hostname or ""
    if parts.port:
        netloc += f":{parts.port}"
    clean = urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))
    return clean, urllib.parse.unquote(parts.username), urllib.parse.unquote(parts.password or "")


def _sibling(url: str, path: str) -> str:
    parts = urllib.parse.urlsplit(url)
    base = parts.path.rsplit("/", 1)[0]
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, f"{base}/{path}", "", ""))


class RemoteStore:
    """A SPARQL 1.1 server as a unkg store."""

    version = 0
    union_once = False  # Oxigraph server and Virtuoso give a triple once per graph holding it

    def __init__(self, location: str, *, update_endpoint: str | None = None, gsp_endpoint: str | None = None,
                 user: str | None = None, password: str | None = None, timeout: float = 300.0):
        query, url_user, url_password = _split_credentials(location)
        self.location = query  # never echo a password in messages
        self.query_endpoint = query
        env_user, env_password = config.store_credentials()
        self.user = user or url_user or env_user
        self.password = password if password is not None else (url_password if url_password is not None
                                                               else env_password)
        path = urllib.parse.urlsplit(query).path.rstrip("/")
        if path.endswith("/query"):  # Oxigraph's layout
            upd, gsp = _sibling(query, "update"), _sibling(query, "store")
        elif path.endswith("/sparql") and self.user:  # Virtuoso's authenticated endpoints
            upd, gsp = query + "-auth", query + "-graph-crud-auth"
        elif path.endswith("/sparql"):
            upd, gsp = query, query + "-graph-crud"
        else:
            upd, gsp = query, query
        self.update_endpoint = update_endpoint or config.update_endpoint() or upd
        self.gsp_endpoint = gsp_endpoint or config.gsp_endpoint() or gsp
        self.timeout = timeout
        self._opener = self._build_opener()

    # -- HTTP --------------------------------------------------------------------------------------------
    def _build_opener(self) -> urllib.request.OpenerDirector:
        # Authentication for the Graph Store requests is done here (see `_authorize`), not by urllib's
        # handlers: those resend a body after a 401, which Virtuoso answers by closing the connection.
        self._challenges: dict[str, dict[str, str]] = {}  # endpoint -> parsed WWW-Authenticate
        self._nonce_counts: dict[str, int] = {}
        return urllib.request.build_opener()

    def _challenge(self, url: str) -> dict[str, str] | None:
        """The endpoint's authentication challenge, fetched once with a bodiless request."""
        endpoint = url.split("?", 1)[0]
        if endpoint not in self._challenges:
            try:
                urllib.request.urlopen(urllib.request.Request(url, method="HEAD"), timeout=30).close()
                self._challenges[endpoint] = {}
            except urllib.error.HTTPError as e:
                self._challenges[endpoint] = _parse_challenge(e.headers.get("WWW-Authenticate", ""))
                e.close()
            except OSError:
                return None  # the real request will report it
        return self._challenges[endpoint] or None

    def _authorize(self, req: urllib.request.Request, challenge: dict[str, str]) -> None:
        """Answer an HTTP Basic or Digest (RFC 7616, MD5, qop=auth) challenge on `req`."""
        user, password = self.user or "", self.password or ""
        if challenge.get("scheme") == "basic":
            token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
            req.add_unredirected_header("Authorization", f"Basic {token}")
            return

        def h(text: str) -> str:
            return hashlib.md5(text.encode("utf-8")).hexdigest()

        parts = urllib.parse.urlsplit(req.full_url)
        uri = parts.path + (f"?{parts.query}" if parts.query else "")
        realm, nonce = challenge.get("realm", ""), challenge.get("nonce", "")
        ha1, ha2 = h(f"{user}:{realm}:{password}"), h(f"{req.get_method()}:{uri}")
        fields = [f'username="{user}"', f'realm="{realm}"', f'nonce="{nonce}"', f'uri="{uri}"']
        if "auth" in [q.strip() for q in challenge.get("qop", "").split(",")]:
            self._nonce_counts[nonce] = self._nonce_counts.get(nonce, 0) + 1
            nc, cnonce = f"{self._nonce_counts[nonce]:08x}", secrets.token_hex(8)
            fields += [f'response="{h(f"{ha1}:{nonce}:{nc}:{cnonce}:auth:{ha2}")}"', "qop=auth", f"nc={nc}",
                       f'cnonce="{cnonce}"']
        else:
            fields.append(f'response="{h(f"{ha1}:{nonce}:{ha2}")}"')
        if challenge.get("opaque"):
            fields.append(f'opaque="{challenge["opaque"]}"')
        fields.append(f"algorithm={challenge.get('algorithm', 'MD5')}")
        req.add_unredirected_header("Authorization", "Digest " + ", ".join(fields))

    def _http(self, method: str, url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None,
              timeout: float | None = None, ok_missing: bool = False) -> bytes | None:
        challenge = self._challenge(url) if self.user else None
        for attempt in (0, 1):
            req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
            if challenge:
                self._authorize(req, challenge)
            try:
                with self._opener.open(req, timeout=timeout or self.timeout) as resp:
                    return resp.read()
            except urllib.error.HTTPError as e:
                if ok_missing and e.code == 404:
                    return None
                fresh = _parse_challenge(e.headers.get("WWW-Authenticate", "")) if e.code == 401 else {}
                if attempt == 0 and fresh and self.user:
                    # a new or expired nonce: answer the fresh challenge once
                    challenge = self._challenges[url.split("?", 1)[0]] = fresh
                    e.close()
                    continue
                body = e.read()[:300].decode("utf-8", "replace")
                what = "the server refused the credentials" if e.code in (401, 403) else " ".join(body.split())[:200]
                raise StoreError(f"{self.location}: {method} {_path(url)} failed: HTTP {e.code} {what}") from None
            except (socket.timeout, TimeoutError):
                raise QueryError(f"{self.location}: no answer within {timeout or self.timeout:g} s", status=503) from None
            except (urllib.error.URLError, ConnectionError, OSError) as e:
                reason = getattr(e, "reason", e)
                raise StoreError(f"{self.location}: cannot reach the SPARQL server: {reason}") from None
        raise StoreError(f"{self.location}: {method} {_path(url)} failed: the server refused the credentials")

    def _wrapper(self, endpoint: str, timeout: float | None) -> Any:
        # here: SPARQLWrapper is loaded by the first request, not by opening the store
        from SPARQLWrapper import BASIC, DIGEST, POST, URLENCODED, SPARQLWrapper

        w = SPARQLWrapper(self.query_endpoint, updateEndpoint=self.update_endpoint)
        w.setMethod(POST)  # long queries and updates fit in a POST body on every server
        w.setRequestMethod(URLENCODED)
        w.setOnlyConneg(True)  # no format=xml parameters: the Accept header alone chooses (Virtuoso obeys both)
        w.setTimeout(int(max(1, round(timeout or self.timeout))))
        if self.user:
            w.setHTTPAuth(BASIC if config.store_auth() == "basic" else DIGEST)
            w.setCredentials(self.user, self.password or "")
        return w

    def _sparql(self, text: str, accept: str | None, timeout: float | None, update: bool = False,
                dataset: Dataset | None = None) -> bytes:
        """One SPARQL 1.1 Protocol request through SPARQLWrapper; errors become one-line unkg errors."""
        # here: SPARQLWrapper is loaded by the first request, not by opening the store
        from SPARQLWrapper import SPARQLExceptions as X

        kind = classify(text)
        if update and not kind.is_update:
            raise QueryError("expected a SPARQL Update")
        if not update and kind.is_update:
            raise QueryError("updates are not queries: use update()")
        w = self._wrapper(self.update_endpoint if update else self.query_endpoint, timeout)
        with warnings.catch_warnings():  # SPARQLWrapper warns on queries it cannot classify; the server judges
            warnings.simplefilter("ignore")
            w.setQuery(text)
        # SPARQLWrapper guesses the kind itself and misses comments after the first line ("# ...\n# address
        # ...\nSELECT" reads as the update ADD), and the guess decides between query= and update=; use ours.
        w.queryType = "INSERT" if update else (kind.form or "SELECT")
        if accept:
            w.addCustomHttpHeader("Accept", accept)
        for g in dataset.default_graphs if dataset else ():
            w.addDefaultGraph(g)
        for g in dataset.named_graphs if dataset else ():
            w.addNamedGraph(g)
        try:
            return w.query().response.read()
        except X.QueryBadFormed as e:
            raise QueryError(f"the server refused the query: {_first_line(e)}") from None
        except X.Unauthorized:
            raise StoreError(f"{self.location}: the server refused the credentials (HTTP 401/403)") from None
        except X.SPARQLWrapperException as e:
            raise StoreError(f"{self.location}: {_first_line(e)}") from None
        except urllib.error.HTTPError as e:
            raise StoreError(f"{self.location}: HTTP {e.code} {_first_line(e.read()[:300].decode('utf-8', 'replace'))}") from None
        except (socket.timeout, TimeoutError):
            raise QueryError(f"{self.location}: no answer within {timeout or self.timeout:g} s", status=503) from None
        except (urllib.error.URLError, ConnectionError, OSError) as e:
            raise StoreError(f"{self.location}: cannot reach the SPARQL server: {getattr(e, 'reason', e)}") from None

    def _query(self, sparql: str, accept: str, timeout: float | None = None) -> bytes:
        return self._sparql(sparql, accept, timeout)

    # -- writing -----------------------------------------------------------------------------------------
    def replace_graphs(self, graphs: Iterable[tuple[str, GraphData]]) -> int:
        """PUT each graph with the Graph Store Protocol; if one fails, put back the graphs already replaced.

        Each PUT replaces one graph whole; the rollback makes the batch all-or-nothing as far as the
        server lets us (a server that dies mid-batch cannot be rolled back).
        """
        items = [(check_iri(iri), ntriples(data)) for iri, data in graphs]
        done: list[tuple[str, bytes | None]] = []
        quads = 0
        try:
            for iri, text in items:
                before = self._get_graph(iri)
                self._put_graph(iri, text)
                done.append((iri, before))
                quads += sum(1 for line in text.splitlines() if line.strip())
        except StoreError:
            for iri, before in reversed(done):
                try:
                    if before:
                        self._put_graph(iri, before.decode("utf-8"))
                    else:
                        self.drop_graph(iri)
                except StoreError:
                    pass
            raise
        return quads

    def _gsp_url(self, iri: str) -> str:
        sep = "&" if "?" in self.gsp_endpoint else "?"
        return f"{self.gsp_endpoint}{sep}{urllib.parse.urlencode({'graph': iri})}"

    def _get_graph(self, iri: str) -> bytes | None:
        data = self._http("GET", self._gsp_url(iri), headers={"Accept": "application/n-triples"}, ok_missing=True)
        return data if data and data.strip() else None

    def _put_graph(self, iri: str, text: str) -> None:
        if not text.strip():
            self.drop_graph(iri)
            return
        # N-Triples is Turtle; every server reads text/turtle.
        self._http("PUT", self._gsp_url(iri), data=text.encode("utf-8"),
                   headers={"Content-Type": "text/turtle; charset=utf-8"})

    def drop_graph(self, graph_iri: str) -> None:
        self._http("DELETE", self._gsp_url(check_iri(graph_iri)), ok_missing=True)

    def update(self, sparql: str) -> None:
        self._sparql(sparql, None, None, update=True)

    # -- reading -----------------------------------------------------------------------------------------
    def graphs(self) -> list[str]:
        """The named graphs unkg writes (a shared server's own system graphs are left out)."""
        rows = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(str(r["g"]) for r in rows if "g" in r and _ours(str(r["g"])))

    def graph(self, graph_iri: str) -> rdflib.Graph:
        g = rdflib.Graph(identifier=rdflib.URIRef(graph_iri))
        data = self._get_graph(check_iri(graph_iri))
        if data:
            g.parse(data=data.decode("utf-8"), format="nt")
        return g

    def graph_ntriples(self, graph_iri: str) -> str:
        data = self._get_graph(check_iri(graph_iri))
        return data.decode("utf-8") if data else ""

    def select(self, sparql: str, timeout: float | None = None) -> list[dict[str, rdflib.term.Node]]:
        data = _json(self._query(sparql, RESULT_FORMATS["json"], timeout))
        if "results" not in data:
            raise QueryError("expected a SELECT query")
        return [{k: _term(v) for k, v in b.items()} for b in data["results"]["bindings"]]

    def ask(self, sparql: str) -> bool:
        data = _json(self._query(sparql, RESULT_FORMATS["json"]))
        if "boolean" not in data:
            raise QueryError("expected an ASK query")
        return bool(data["boolean"])

    def construct(self, sparql: str, timeout: float | None = None) -> rdflib.Graph:
        data = self._query(sparql, "application/n-triples, text/turtle;q=0.9", timeout)
        g = rdflib.Graph()
        g.parse(data=data.decode("utf-8"), format="turtle")
        return g

    def query_raw(self, sparql: str, fmt: str, timeout: float | None = None, *, dataset: Dataset | None = None,
                  base: str | None = None, limit: int | None = None) -> bytes:
        if fmt not in RESULT_FORMATS:
            raise QueryError(f"unknown result format {fmt!r}")
        if base:  # on the query's first line, so that the server's line numbers in errors stay right
            sparql = f"BASE <{check_iri(base)}> {sparql}"
        body = self._sparql(sparql, RESULT_FORMATS[fmt], timeout, dataset=dataset)
        if limit is not None and count_results(body, fmt) > limit:
            what = "triples" if fmt == "ntriples" else "rows"
            raise QueryError(f"the query gives more than the limit of {limit} {what}; narrow it or add LIMIT", 413)
        return body

    def dump(self, fmt: str) -> bytes:
        """trig / nquads (and jsonld) keep unkg's named graphs; turtle / ntriples give their union."""
        fmt = {"nq": "nquads", "ttl": "turtle", "nt": "ntriples"}.get(fmt, fmt)
        if fmt in ("trig", "nquads", "jsonld"):
            ds = rdflib.Dataset()
            for iri in self.graphs():
                ctx = ds.graph(rdflib.URIRef(iri))
                for t in self.graph(iri):
                    ctx.add(t)
            return ds.serialize(format={"nquads": "nquads", "trig": "trig", "jsonld": "json-ld"}[fmt], encoding="utf-8")
        union = rdflib.Graph()
        for iri in self.graphs():
            union += self.graph(iri)
        if fmt not in ("turtle", "ntriples", "xml"):
            raise StoreError(f"unknown export format {fmt!r}")
        return union.serialize(format={"turtle": "turtle", "ntriples": "nt", "xml": "xml"}[fmt], encoding="utf-8")

    def stats(self) -> dict[str, object]:
        rows = self.select(stats_query(graph_prefixes=_prefixes()))
        out = stats_from_row(rows[0] if rows else {})
        out["store"] = self.location
        return out

    def refresh(self, *, now: bool = False) -> bool:
        return False  # a server's every answer is current

    def modified(self) -> None:
        return None  # SPARQL servers do not say

    def optimize(self) -> None:
        pass  # the server manages its own storage

    def close(self) -> None:
        pass

    def __enter__(self) -> "RemoteStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _prefixes() -> list[str]:
    return [base_iri(), VOCAB_NS, ONTOLOGY_NS.rstrip("#/")]


def _ours(iri: str) -> bool:
    return iri.startswith(tuple(_prefixes()))


def _parse_challenge(header: str) -> dict[str, str]:
    """'Digest realm="SPARQL", nonce="..", qop="auth"' -> {'scheme': 'digest', 'realm': 'SPARQL', ...}."""
    scheme, _, rest = header.strip().partition(" ")
    if not scheme:
        return {}
    out = {k.lower(): v for k, v in urllib.request.parse_keqv_list(filter(None, urllib.request.parse_http_list(rest))).items()} \
        if rest else {}
    out["scheme"] = scheme.lower()
    return out


def _first_line(e: object) -> str:
    return " ".join(str(e).split())[:300]


def _path(url: str) -> str:
    return urllib.parse.urlsplit(url).path


def _json(data: bytes) -> dict[str, Any]:
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise StoreError("the SPARQL server did not answer with SPARQL JSON results") from None


def _term(b: dict[str, str]) -> rdflib.term.Node:
    """A SPARQL JSON binding as an rdflib term (plain strings untyped, as rdflib's own engine gives them)."""
    kind, value = b.get("type"), b.get("value", "")
    if kind == "uri":
        return rdflib.URIRef(value)
    if kind == "bnode":
        return rdflib.BNode(value)
    if "xml:lang" in b:
        return rdflib.Literal(value, lang=b["xml:lang"])
    dt = b.get("datatype")
    if dt and dt != _XSD_STRING:
        return rdflib.Literal(value, datatype=rdflib.URIRef(dt))
    return rdflib.Literal(value)
