"""Where exports read from: an embedded Oxigraph store on disk, or a SPARQL endpoint over HTTP.

Both answer the same two questions: ``select(query)`` (rows of plain strings, one ``dict`` per
solution, unbound variables absent) and ``quads()`` (every quad, for the RDF formats). Queries
run over the union of all named graphs, as the Warta endpoint does.

>>> import pyoxigraph as ox
>>> s = ox.Store()
>>> s.add(ox.Quad(ox.NamedNode("http://ex/a"), ox.NamedNode("http://ex/p"), ox.Literal("x"),
...               ox.NamedNode("http://ex/g")))
>>> StoreSource(s).select("SELECT ?o WHERE { ?s ?p ?o }")
[{'o': 'x'}]
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator, Protocol

import pyoxigraph as ox

from kg.errors import EndpointError, StoreError

Row = dict[str, str]


class Source(Protocol):
    """What the exporters need from a store."""

    def select(self, query: str) -> list[Row]: ...

    def quads(self) -> Iterator[ox.Quad]: ...

    def describe(self) -> str: ...


class StoreSource:
    """An open ``pyoxigraph.Store`` (embedded), queried with the default graph as the union."""

    def __init__(self, store: ox.Store, name: str = "in-memory store"):
        self.store = store
        self.name = name

    @classmethod
    def open(cls, path: str | Path) -> "StoreSource":
        """Open the store directory read-only; a clear error if it is missing or unreadable."""
        p = Path(path).expanduser()
        if not p.is_dir():
            raise StoreError(
                f"no store at {p}",
                hint="build one with `kg build ARTICLES --store DIR`, or pass --store/--endpoint",
            )
        try:
            store = ox.Store.read_only(str(p))
        except OSError as e:
            raise StoreError(
                f"cannot open the store at {p}: {e}",
                hint="is it an Oxigraph store directory? A running `kg serve` may hold it: "
                "export from the endpoint instead with --endpoint URL",
            ) from e
        return cls(store, name=str(p))

    def select(self, query: str) -> list[Row]:
        try:
            solutions = self.store.query(query, use_default_graph_as_union=True)
        except (SyntaxError, OSError) as e:
            raise StoreError(f"query failed on {self.name}: {e}") from e
        names = [v.value for v in solutions.variables]
        rows: list[Row] = []
        for sol in solutions:
            row: Row = {}
            for n in names:
                term = sol[n]
                if term is not None:
                    row[n] = term.value
            rows.append(row)
        return rows

    def quads(self) -> Iterator[ox.Quad]:
        return iter(self.store.quads_for_pattern(None, None, None, None))

    def describe(self) -> str:
        return self.name


class EndpointSource:
    """A SPARQL 1.1 endpoint (e.g. ``kg serve``: ``http://127.0.0.1:7878/query``)."""

    def __init__(self, url: str, timeout: float = 30.0):
        from kg.store.remote import query_url

        self.url = query_url(url)  # "http://127.0.0.1:7878" works as it does for kg query
        self.timeout = timeout

    def _post(self, query: str) -> dict:
        import requests  # lazy: only remote exports need it

        try:
            r = requests.post(
                self.url,
                data={"query": query},
                headers={"Accept": "application/sparql-results+json"},
                timeout=self.timeout,
            )
        except requests.exceptions.ChunkedEncodingError as e:
            from kg.store.remote import TIMEOUT_HINT

            raise EndpointError(f"the answer from SPARQL endpoint {self.url} stops mid-way",
                                hint=TIMEOUT_HINT) from e
        except requests.RequestException as e:
            raise EndpointError(
                f"cannot reach SPARQL endpoint {self.url}: {e}",
                hint="is `kg serve` running? The URL usually ends in /query",
            ) from e
        if r.status_code != 200:
            from kg.store.remote import STATUS_HINTS

            raise EndpointError(
                f"SPARQL endpoint {self.url} answered HTTP {r.status_code}: {r.text[:200].strip()}",
                hint=STATUS_HINTS.get(r.status_code),
            )
        from kg.store.remote import cut_off

        problem = cut_off(r.content, "application/sparql-results+json", self.url)
        if problem is not None:  # a query the server cancelled mid-answer: a timeout, not a bad URL
            raise problem
        try:
            return r.json()
        except ValueError as e:
            raise EndpointError(
                f"SPARQL endpoint {self.url} did not return SPARQL JSON results",
                hint="point --endpoint at the query URL, e.g. http://127.0.0.1:7878/query",
            ) from e

    def select(self, query: str) -> list[Row]:
        data = self._post(query)
        return [
            {k: v["value"] for k, v in b.items()} for b in data.get("results", {}).get("bindings", [])
        ]

    def quads(self) -> Iterator[ox.Quad]:
        data = self._post("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        for b in data.get("results", {}).get("bindings", []):
            yield ox.Quad(_term(b["s"]), _term(b["p"]), _term(b["o"]), _term(b["g"]))

    def describe(self) -> str:
        return self.url


def _term(b: dict) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """A SPARQL JSON results binding -> a pyoxigraph term."""
    kind, value = b["type"], b["value"]
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        return ox.BlankNode(value)
    if "xml:lang" in b:
        return ox.Literal(value, language=b["xml:lang"])
    if "datatype" in b:
        return ox.Literal(value, datatype=ox.NamedNode(b["datatype"]))
    return ox.Literal(value)


def open_source(*, store: str | None = None, endpoint: str | None = None) -> Source:
    """The endpoint when given, else the store directory."""
    if endpoint:
        return EndpointSource(endpoint)
    if not store:
        raise StoreError("no store given", hint="pass --store DIR or --endpoint URL")
    return StoreSource.open(store)
