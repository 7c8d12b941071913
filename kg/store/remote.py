"""A Warta store on a running SPARQL 1.1 server (Oxigraph server, Fuseki, GraphDB ...).

Reads go through the SPARQL 1.1 Protocol (POST to the query endpoint), writes through the Graph
Store HTTP Protocol: an article is one ``PUT <gsp>?graph=<graph iri>`` of N-Triples, which the
server applies as one replace of that graph. The endpoint layout defaults to Oxigraph's
(``/query``, ``/update``, ``/store`` under the base URL); pass ``query_url``/``update_url``/
``gsp_url`` for other servers, e.g. Fuseki's ``/ds/sparql``, ``/ds/update``, ``/ds/data``;
from the command line they are the config keys ``endpoint_update``, ``endpoint_store`` and
``endpoint_auth`` (``EndpointStore.from_config``), e.g. Virtuoso's ``/sparql`` for queries and
``/sparql-graph-crud-auth`` with digest credentials for writes (README: Virtuoso).
"""

from __future__ import annotations

from typing import Any, Sequence

import pyoxigraph as ox
import requests

from kg.errors import ConfigError, EndpointError
from kg.store.base import KG, OntologyGraphMixin, SCHEMA_URLS, ArticleState, check_iri, in_graph

SAME_AS = ox.NamedNode("http://schema.org/sameAs")  # a syndicated copy's URL on the stored article

RESULTS_JSON = "application/sparql-results+json"
N_TRIPLES = "application/n-triples"
GRAPH_ACCEPT = "application/n-triples, text/turtle;q=0.9"



def query_url(url: str) -> str:
    """The SPARQL query URL for what a user typed: a server's base URL (``http://127.0.0.1:7878``)
    gets Oxigraph's ``/query``; ``/store`` or ``/update`` become ``/query``; any other path (an
    endpoint such as ``/query``, ``/sparql`` or ``/ds/sparql``) is kept.

    >>> query_url("http://127.0.0.1:7878"), query_url("http://h:1/"), query_url("http://h:1/ds/sparql")
    ('http://127.0.0.1:7878/query', 'http://h:1/query', 'http://h:1/ds/sparql')
    """
    from urllib.parse import urlsplit

    path = urlsplit(url).path
    base = url.rstrip("/")
    if path in ("", "/"):
        return base + "/query"
    for suffix in ("/store", "/update"):
        if base.endswith(suffix):
            return base[: -len(suffix)] + "/query"
    return url

STATUS_HINTS = {  # what `kg serve`'s gateway answers, and what to do about it
    503: "the server is busy, restarting, or the query hit its deadline: retry shortly, or narrow the "
         "query / add a LIMIT",
    507: "the answer is larger than the server passes on: add a LIMIT (page with OFFSET)",
}


class EndpointStore(OntologyGraphMixin):
    """The ``GraphStore`` interface over HTTP. ``auth`` is anything ``requests`` accepts."""

    def __init__(
        self,
        url: str,
        timeout: float = 30.0,
        auth: Any = None,
        *,
        query_url: str | None = None,
        update_url: str | None = None,
        gsp_url: str | None = None,
        union_param: str | None = "union-default-graph",
    ):
        given = base = url.rstrip("/")
        for suffix in ("/query", "/sparql", "/store", "/update"):
            if base.endswith(suffix):
                base = base[: -len(suffix)]  # accept the query URL as well as the base URL
                break
        self.url = base
        # a query endpoint named /sparql (Virtuoso, GraphDB, Fuseki's /ds/sparql) is used as given
        self.query_url = query_url or (given if given.endswith("/sparql") else base + "/query")
        self.update_url = update_url or base + "/update"
        self.gsp_url = gsp_url or base + "/store"
        self.timeout = timeout
        self.union_param = union_param
        self.session = requests.Session()
        self.session.auth = auth

    @classmethod
    def from_config(cls, url: str, config: Any, **kw: Any) -> "EndpointStore":
        """The server at ``url`` (``--endpoint``) with the config's ``endpoint_update``,
        ``endpoint_store`` and ``endpoint_auth``: e.g. Virtuoso's ``/sparql`` for queries,
        ``/sparql-graph-crud-auth`` for writes, digest credentials (README: Virtuoso)."""
        return cls(
            url, auth=parse_auth(getattr(config, "endpoint_auth", "")),
            update_url=getattr(config, "endpoint_update", "") or None,
            gsp_url=getattr(config, "endpoint_store", "") or None, **kw,
        )

    # -- HTTP ------------------------------------------------------------------------------
    def _request(self, method: str, url: str, *, what: str, ok_404: bool = False, **kw) -> requests.Response:
        try:
            r = self.session.request(method, url, timeout=self.timeout, **kw)
        except requests.ConnectionError as e:
            raise EndpointError(
                f"cannot reach the SPARQL server ({what})",
                hint="is it running? start one with `kg serve --writable` or check --endpoint",
                source=url,
            ) from e
        except requests.exceptions.ChunkedEncodingError as e:  # the server stopped mid-answer
            raise EndpointError(
                f"the answer from the SPARQL server stops mid-way ({what})", hint=TIMEOUT_HINT, source=url,
            ) from e
        except requests.Timeout as e:
            raise EndpointError(
                f"the SPARQL server did not answer within {self.timeout:g}s ({what})",
                hint="raise the timeout or check the server load",
                source=url,
            ) from e
        except requests.RequestException as e:
            raise EndpointError(f"HTTP request failed ({what}): {e}", source=url) from e
        if r.status_code == 404 and ok_404:
            return r
        if r.status_code in (401, 403) or (r.status_code == 405 and method != "POST"):
            raise EndpointError(
                f"the server refused to {what} (HTTP {r.status_code}: {_snippet(r)})",
                hint="it is probably read-only: start it with `kg serve --writable`, or give credentials",
                source=url,
            )
        if r.status_code >= 400:
            raise EndpointError(f"{what} failed (HTTP {r.status_code}: {_snippet(r)})", source=url,
                                hint=STATUS_HINTS.get(r.status_code))
        return r

    def select(self, sparql: str, union: bool = False) -> list[dict[str, Any]]:
        """Run a SELECT; rows as ``{var: pyoxigraph term}``."""
        r = self._post_query(sparql, RESULTS_JSON, union)
        solutions = _parse_results(r, ox.QueryResultsFormat.JSON)
        return [{v.value: s[v] for v in solutions.variables if s[v] is not None} for s in solutions]

    def _post_query(self, sparql: str, accept: str, union: bool) -> requests.Response:
        params = {self.union_param: "true"} if union and self.union_param else None
        return self._request(
            "POST",
            self.query_url,
            what="answer a query",
            params=params,
            data={"query": sparql},
            headers={"Accept": accept},
        )

    def query(self, sparql: str, union: bool = True, *, source: str | None = None):
        """Run any query. Returns pyoxigraph ``QuerySolutions``/``QueryBoolean`` or a list of ``Triple``."""
        kind = _query_form(sparql)
        accept = GRAPH_ACCEPT if kind == "graph" else RESULTS_JSON
        try:
            r = self._post_query(sparql, accept, union)
        except EndpointError as e:
            if "HTTP 400" in e.message:
                _raise_located(sparql, source)
            raise
        ctype = r.headers.get("Content-Type", "").split(";")[0].strip()
        if kind == "graph" or ctype in ("application/n-triples", "text/turtle"):
            fmt = ox.RdfFormat.from_media_type(ctype) or ox.RdfFormat.N_TRIPLES
            problem = cut_off(r.content, ctype, self.query_url)
            if problem is not None:
                raise problem
            try:
                return [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(r.content, fmt)]
            except SyntaxError as e:
                if r.content and not r.content.endswith(b"\n"):  # a graph answer cut inside a line
                    raise EndpointError(f"the answer from the SPARQL server stops mid-way ({e})",
                                        hint=TIMEOUT_HINT, source=self.query_url) from e
                raise EndpointError(f"unreadable {ctype} from the server: {e}", source=self.query_url) from e
        return _parse_results(r, ox.QueryResultsFormat.from_media_type(ctype) or ox.QueryResultsFormat.JSON)

    # -- the GraphStore interface ----------------------------------------------------------
    def article_state(self, sha256: str, url: str) -> ArticleState:
        """Same contract as ``EmbeddedStore.article_state``."""
        lit = _literal(sha256)
        if self.select(f"SELECT ?g WHERE {{ GRAPH ?g {{ ?a <{KG}sha256> {lit} }} }} LIMIT 1"):
            return "same"
        return "changed" if self.graphs_for_url(url) else "new"

    def built_with(self, sha256: str) -> tuple[str | None, str | None] | None:
        """Same contract as ``EmbeddedStore.built_with``: ``(kg:modelVersion, kg:configHash)`` of
        the stored article with this text, None when there is none."""
        rows = self.select(
            f"SELECT ?m ?h WHERE {{ GRAPH ?g {{ ?a <{KG}sha256> {_literal(sha256)} "
            f"OPTIONAL {{ ?x <{KG}modelVersion> ?m }} OPTIONAL {{ ?y <{KG}configHash> ?h }} }} }} LIMIT 1"
        )
        if not rows:
            return None
        return tuple(rows[0][k].value if k in rows[0] else None for k in ("m", "h"))  # type: ignore[return-value]

    def graphs_for_url(self, url: str) -> list[str]:
        values = [_literal(url)]
        try:
            values.append(str(ox.NamedNode(url)))
        except ValueError:
            pass
        preds = "|".join(str(p) for p in SCHEMA_URLS)
        rows = self.select(
            f"SELECT DISTINCT ?g WHERE {{ VALUES ?u {{ {' '.join(values)} }} GRAPH ?g {{ ?a {preds} ?u }} }}"
        )
        return sorted(r["g"].value for r in rows if isinstance(r.get("g"), ox.NamedNode))

    def add_alternate_source(self, sha256: str, url: str) -> bool:
        """Same contract as ``EmbeddedStore.add_alternate_source``: ``schema:sameAs <url>`` on the
        stored article with this text (a syndicated copy), in its graph, by SPARQL Update. False
        when no article has this text or it already names that URL."""
        from kg.rdf.literals import url_iri

        try:
            target = url_iri(url)
        except (ValueError, OSError):
            return False
        rows = self.select(f"SELECT ?a ?g WHERE {{ GRAPH ?g {{ ?a <{KG}sha256> {_literal(sha256)} }} }} LIMIT 1")
        if not rows or not isinstance(rows[0].get("g"), ox.NamedNode) or not isinstance(rows[0].get("a"), ox.NamedNode):
            return False
        art, g = rows[0]["a"], rows[0]["g"]
        preds = "|".join(str(p) for p in (*SCHEMA_URLS, SAME_AS))
        known = self.select(f"SELECT ?u WHERE {{ GRAPH {g} {{ {art} {preds} ?u }} "
                            f"FILTER(?u IN ({target}, {_literal(url)})) }} LIMIT 1")
        if known:
            return False
        self.update(f"INSERT DATA {{ GRAPH {g} {{ {art} {SAME_AS} {target} }} }}")
        return True

    def named_graphs(self) -> list[str]:
        rows = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(r["g"].value for r in rows if "g" in r)

    def count(self) -> int:
        """Quads in the server's named graphs (Warta writes nothing to the default graph)."""
        rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(rows[0]["n"].value) if rows else 0

    def graph_quads(self, graph_iri: str) -> list[ox.Quad]:
        """The quads of one graph (GSP GET); empty when the graph does not exist."""
        r = self._request(
            "GET", self.gsp_url, what="read a graph", ok_404=True,
            params={"graph": check_iri(graph_iri)}, headers={"Accept": GRAPH_ACCEPT},
        )
        if r.status_code == 404:
            return []
        ctype = r.headers.get("Content-Type", N_TRIPLES).split(";")[0].strip()
        fmt = ox.RdfFormat.from_media_type(ctype) or ox.RdfFormat.N_TRIPLES
        g = ox.NamedNode(graph_iri)
        return [ox.Quad(t.subject, t.predicate, t.object, g) for t in ox.parse(r.content, fmt)]

    def write_article(self, graph_iri: str, quads: Sequence[ox.Quad], replaces: Sequence[str] = ()) -> None:
        """Drop the old versions in ``replaces`` (GSP DELETE), then PUT the article graph.

        Each request is atomic on the server; the pair is not. The order is chosen so an
        interrupted write heals on the next build: with the old graph gone and the new one not yet
        there, the article reads as "new" and is written again (the reverse order could leave a
        stale old version beside the new one for good).
        """
        for old in replaces:
            if old != graph_iri:
                self.drop_graph(old)
        triples = [ox.Triple(q.subject, q.predicate, q.object) for q in in_graph(graph_iri, quads)]
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
        self._request(
            "PUT", self.gsp_url, what="store a graph",
            params={"graph": check_iri(graph_iri)},
            data=body, headers={"Content-Type": N_TRIPLES},
        )

    def drop_graph(self, graph_iri: str) -> None:
        """GSP DELETE of one graph; a graph that is already gone is fine."""
        self._request("DELETE", self.gsp_url, what="delete a graph", ok_404=True, params={"graph": check_iri(graph_iri)})

    def update(self, sparql_update: str) -> None:
        """POST a SPARQL 1.1 Update to the update endpoint."""
        self._request(
            "POST", self.update_url, what="run an update",
            data=sparql_update.encode("utf-8"),
            headers={"Content-Type": "application/sparql-update"},
        )

    def flush(self) -> None:
        """Nothing to do: the server commits each request."""

    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> "EndpointStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"EndpointStore({self.url!r})"


def parse_auth(spec: str | None) -> Any:
    """``endpoint_auth`` for ``requests``: ``"digest:USER:PASSWORD"`` (Virtuoso's ``-auth``
    endpoints), ``"basic:USER:PASSWORD"`` or ``"USER:PASSWORD"`` (basic); empty: none.

    >>> parse_auth(""), parse_auth("warta:s3:cret"), type(parse_auth("digest:warta:pw")).__name__
    (None, ('warta', 's3:cret'), 'HTTPDigestAuth')
    """
    if not spec:
        return None
    scheme, _, rest = spec.partition(":")
    if scheme.lower() not in ("basic", "digest"):
        scheme, rest = "basic", spec
    user, sep, password = rest.partition(":")
    if not (user and sep):
        raise ConfigError("endpoint_auth expects [basic:|digest:]USER:PASSWORD (the password is not shown)")
    if scheme.lower() == "digest":
        from requests.auth import HTTPDigestAuth

        return HTTPDigestAuth(user, password)
    return (user, password)


def _literal(value: str) -> str:
    return str(ox.Literal(value))


def _snippet(r: requests.Response) -> str:
    text = (r.text or r.reason or "").strip().replace("\n", " ")
    return text[:200] or r.reason or ""


CANCELLED_TEXT = b"The SPARQL operation has been cancelled"  # what Oxigraph writes inside a 200 body
TIMEOUT_HINT = ("the query ran into the server's time limit: narrow it or add a LIMIT, or start the "
                "server with a longer --timeout")


def cut_off(body: bytes, media: str, source: str) -> EndpointError | None:
    """The error for a 200 answer that stops mid-way, or None when ``body`` is complete.

    A server that streams its answer (any Oxigraph server) can only cancel a query after the
    ``200`` is sent: it writes its message into the body and stops. That is a timeout for the
    user, not a parse error or a bad URL.

    >>> cut_off(b'{"head":{"vars":["n"]},"results":{"bindings":[The SPARQL operation has been cancelled',
    ...         "application/sparql-results+json", "http://h/query").message
    "the SPARQL server cancelled the query (it ran past the server's timeout)"
    >>> cut_off(b'<?xml version="1.0"?><sparql><head/><results><result>', "application/sparql-results+xml", "q").message
    'the answer from the SPARQL server stops mid-way (53 bytes of application/sparql-results+xml): the server most likely hit its timeout'
    >>> cut_off(b'{"head":{},"boolean":true}', "application/sparql-results+json", "q") is None
    True
    """
    if CANCELLED_TEXT in body[-4096:]:
        return EndpointError("the SPARQL server cancelled the query (it ran past the server's timeout)",
                             hint=TIMEOUT_HINT, source=source)
    text = body.rstrip()
    complete = True
    if "xml" in media and text.startswith((b"<?xml", b"<sparql")):
        complete = text.endswith(b"</sparql>")  # a cut XML answer still "parses" as fewer rows
    elif "json" in media and text.startswith(b"{"):
        import json

        try:
            json.loads(text)
        except ValueError:
            complete = False
    if complete:
        return None
    return EndpointError(f"the answer from the SPARQL server stops mid-way ({len(body)} bytes of {media}): "
                         "the server most likely hit its timeout", hint=TIMEOUT_HINT, source=source)


def _parse_results(r: requests.Response, fmt: ox.QueryResultsFormat):
    media = r.headers.get("Content-Type", "").split(";")[0].strip() or fmt.media_type
    problem = cut_off(r.content, media, r.url)
    if problem is not None:
        raise problem
    try:
        parsed = ox.parse_query_results(r.content, fmt)
        if isinstance(parsed, ox.QuerySolutions):
            for _ in parsed:  # parsing is lazy: read it all now, so a broken answer fails here
                pass
            parsed = ox.parse_query_results(r.content, fmt)
        return parsed
    except (SyntaxError, ValueError) as e:
        raise EndpointError(f"unreadable query results from the server: {e}", source=r.url) from e


def _query_form(sparql: str) -> str:
    """``"graph"`` for CONSTRUCT/DESCRIBE, else ``"results"`` (decided by a local parse)."""
    from kg.query.forms import query_form

    return "graph" if query_form(sparql) in ("CONSTRUCT", "DESCRIBE") else "results"


def _raise_located(sparql: str, source: str | None) -> None:
    """If the query does not parse locally either, raise the located syntax error."""
    from kg.query.errors import syntax_error

    try:
        ox.Store().query(sparql)
    except SyntaxError as e:
        raise syntax_error(e, sparql, source) from e
