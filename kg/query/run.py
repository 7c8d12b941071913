"""Run one SPARQL query against the embedded store or a SPARQL endpoint.

``run_query`` takes the query text or the path of a ``.rq`` file and returns a ``Result`` that the
renderers in ``kg.query.render`` print as a table, CSV, TSV, SPARQL JSON, Turtle or N-Triples.
The embedded store is queried with its default graph as the union of all graphs, like the server.

>>> import tempfile
>>> from kg.store.embedded import EmbeddedStore
>>> from pyoxigraph import NamedNode, Literal, Quad
>>> d = tempfile.mkdtemp()
>>> with EmbeddedStore(d) as s:
...     s.write_article("http://ex/g", [Quad(NamedNode("http://ex/a"), NamedNode("http://ex/p"), Literal("1"))])
>>> r = run_query("SELECT ?o WHERE { ?s ?p ?o }", store_path=d)  # no GRAPH: the union is queried
>>> r.form, r.variables, [str(t) for t in r.rows[0]]
('SELECT', ['o'], ['"1"'])
"""

from __future__ import annotations

import itertools
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Union

import pyoxigraph as ox

from kg.errors import QueryError, StoreError

Term = Union[ox.NamedNode, ox.BlankNode, ox.Literal, ox.Triple]
QUERY_SUFFIXES = (".rq", ".sparql", ".rq.txt")


@dataclass
class Result:
    """A materialised query result: rows (SELECT), a boolean (ASK) or triples (CONSTRUCT/DESCRIBE)."""

    form: str  # "SELECT" | "ASK" | "CONSTRUCT" | "DESCRIBE"
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Optional[Term], ...]] = field(default_factory=list)
    boolean: Optional[bool] = None
    triples: list[ox.Triple] = field(default_factory=list)
    source: str = "query"  # the file name, or "query" for inline text
    target: str = ""  # the store directory or endpoint URL queried
    seconds: float = 0.0
    truncated: bool = False  # ``limit`` cut the result: more rows or triples exist

    @property
    def is_graph(self) -> bool:
        return self.form in ("CONSTRUCT", "DESCRIBE")

    def __len__(self) -> int:
        if self.form == "ASK":
            return 1
        return len(self.triples) if self.is_graph else len(self.rows)


def load_query(sparql_or_path: str) -> tuple[str, str]:
    """(query text, source name): read a file when given a path, else take the text as the query."""
    text = sparql_or_path
    looks_like_path = (
        "\n" not in text
        and len(text) < 1024
        and "{" not in text
        and not re.match(r"\s*(PREFIX|BASE|SELECT|ASK|CONSTRUCT|DESCRIBE)\b", text, re.I)
    )
    if looks_like_path:
        p = Path(text).expanduser()
        if p.is_file():
            try:
                return p.read_text(encoding="utf-8"), str(p)
            except (OSError, UnicodeDecodeError) as e:
                raise QueryError(f"cannot read the query file: {e}", source=str(p)) from e
        if text.lower().endswith(QUERY_SUFFIXES) or "/" in text:
            raise QueryError("no such query file", hint="give a .rq file or the query text", source=text)
    if not text.strip():
        raise QueryError("the query is empty")
    return text, "query"


def run_query(
    sparql_or_path: str,
    *,
    store_path: Optional[str] = None,
    endpoint: Optional[str] = None,
    union: bool = True,
    timeout: float = 30.0,
    limit: Optional[int] = None,
    auth=None,
) -> Result:
    """Run a SELECT/ASK/CONSTRUCT/DESCRIBE query (text or file) on ``store_path`` or ``endpoint``
    (``auth``: credentials for the endpoint, anything ``requests`` accepts).

    ``limit`` keeps the first rows (or triples) and stops reading there; ``Result.truncated``
    says whether more existed."""
    from kg.query.forms import is_update, query_form

    sparql, source = load_query(sparql_or_path)
    form = query_form(sparql)
    if form is None:
        if not is_update(sparql):
            _check_syntax(sparql, source)
        raise QueryError(
            "not a query (SELECT, ASK, CONSTRUCT or DESCRIBE)",
            hint="updates are not run by `kg query`; send them to a `kg serve --writable` endpoint",
            source=source,
        )
    t0 = time.perf_counter()
    try:
        result = _run(sparql, form, source, store_path, endpoint, union, timeout, limit, auth)
    except (OSError, RuntimeError, ValueError) as e:  # evaluation errors surface while iterating
        raise QueryError(f"query failed: {e}", source=source) from e
    result.seconds = time.perf_counter() - t0
    return result


def _run(sparql, form, source, store_path, endpoint, union, timeout, limit=None, auth=None) -> Result:
    if endpoint:
        from kg.store.remote import EndpointStore

        with EndpointStore(endpoint, timeout=timeout, auth=auth) as store:
            raw = store.query(sparql, union, source=source)
            result = _materialise(raw, form, source, store.query_url, limit)
    else:
        store_path = store_path or "./warta-store"
        store = open_for_query(store_path)
        try:
            raw = store.query(sparql, union, source=source)
            result = _materialise(raw, form, source, store_path, limit)
            del raw  # results hold the database open: drop them before closing
        finally:
            store.close()
    return result


def open_for_query(store_path: str):
    """Open the store to read it, read-only: a query takes no write lock, so a long query never
    keeps a ``kg build`` out (idle store, or beside a ``kg serve``). Refused while a build or a
    writable server is writing it: Oxigraph's read-only mode is not meant to read beside a writer."""
    from kg.store.embedded import EmbeddedStore
    from kg.store.lock import holder

    if holder(store_path) == "writer":
        raise StoreError(
            "store is being written by another process (a `kg build` or `kg serve --writable`)",
            hint="wait for the build, or query the running server with --endpoint http://HOST:PORT",
            source=store_path,
        )
    return EmbeddedStore(store_path, read_only=True)


def _first(items, limit: Optional[int]) -> tuple[list, bool]:
    """The first ``limit`` items (all when None) and whether more existed (reads one more at most)."""
    if limit is None:
        return list(items), False
    taken = list(itertools.islice(iter(items), limit + 1))
    return taken[:limit], len(taken) > limit


def _materialise(raw, form: str, source: str, target: str, limit: Optional[int] = None) -> Result:
    if isinstance(raw, ox.QueryBoolean):
        return Result("ASK", boolean=bool(raw), source=source, target=target)
    if isinstance(raw, ox.QuerySolutions):
        names = [v.value for v in raw.variables]
        sols, cut = _first(raw, limit)
        rows = [tuple(sol[i] for i in range(len(names))) for sol in sols]
        return Result("SELECT", variables=names, rows=rows, source=source, target=target, truncated=cut)
    raw, cut = _first(raw, limit)
    triples = [t if isinstance(t, ox.Triple) else ox.Triple(t.subject, t.predicate, t.object) for t in raw]
    return Result(form if form in ("CONSTRUCT", "DESCRIBE") else "CONSTRUCT", triples=triples, source=source,
                  target=target, truncated=cut)


def _check_syntax(sparql: str, source: str) -> None:
    from kg.query.errors import syntax_error

    try:
        ox.Store().query(sparql)
    except SyntaxError as e:
        raise syntax_error(e, sparql, source) from e
