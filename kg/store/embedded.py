"""The embedded store: a pyoxigraph (RocksDB) directory, one named graph per article.

>>> import tempfile
>>> from pyoxigraph import NamedNode, Literal, Quad
>>> g = "https://w3id.org/warta/resource/graph/0123456789abcdef"
>>> a = NamedNode("https://w3id.org/warta/resource/article/0123456789abcdef")
>>> v1 = [Quad(a, NamedNode(KG + "sha256"), Literal("0123456789abcdef00"), NamedNode(g)),
...       Quad(a, NamedNode("http://schema.org/url"), NamedNode("file:///a.txt"), NamedNode(g))]
>>> with EmbeddedStore(tempfile.mkdtemp()) as store:
...     store.write_article(g, v1)
...     store.write_article(g, v1)  # writing the same article again replaces, never duplicates
...     (store.count(), store.article_state("0123456789abcdef00", "file:///a.txt"),
...      store.article_state("ff", "file:///a.txt"), store.article_state("ff", "file:///b.txt"))
(2, 'same', 'changed', 'new')
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Mapping, Sequence

import pyoxigraph as ox

from kg.errors import StoreError
from kg.store.base import (
    OntologyGraphMixin,
    KG,
    KG_SHA256,
    SCHEMA_URLS,
    ArticleState,
    check_iri,
    in_graph,
)
from kg.store.lock import OPEN_IN_PROCESS

__all__ = ["EmbeddedStore", "KG", "DUMP_FORMATS"]

DUMP_FORMATS = {
    "nq": ox.RdfFormat.N_QUADS,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "ttl": ox.RdfFormat.TURTLE,
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "ntriples": ox.RdfFormat.N_TRIPLES,
}


class EmbeddedStore(OntologyGraphMixin):
    """A Warta store in a local directory (created when missing unless ``create=False``).

    RocksDB lets one process open a directory read-write: a second one (another build, or a
    ``kg serve`` holding the store) gets a ``StoreError`` saying the store is in use.
    """

    def __init__(self, path: str | os.PathLike = "./warta-store", *, create: bool = True, read_only: bool = False):
        self.path = str(path)
        self.read_only = read_only
        p = Path(path)
        if (read_only or not create) and not (p / "CURRENT").is_file():
            raise StoreError(
                "no store here", hint="build one first with `kg build ARTICLES --store DIR`", source=self.path
            )
        if p.exists() and not p.is_dir():
            raise StoreError("store path exists and is not a directory", source=self.path)
        if p.is_dir() and not (p / "CURRENT").is_file() and any(p.iterdir()):
            raise StoreError(
                "this directory holds other files and is not a store",
                hint="give --store a new or empty directory (it is created when missing)",
                source=self.path,
            )
        if not read_only:
            p.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._store: ox.Store | None = ox.Store.read_only(self.path) if read_only else ox.Store(self.path)
        except OSError as e:
            if "lock" in str(e).lower():
                from kg.store.lock import in_use_error

                raise in_use_error(self.path) from e
            raise StoreError(f"cannot open the store: {e}", source=self.path) from e
        self._key = str(p.resolve())
        if not read_only:
            OPEN_IN_PROCESS.add(self._key)

    # -- reading ---------------------------------------------------------------------------
    @property
    def store(self) -> ox.Store:
        if self._store is None:
            raise StoreError("the store is closed", source=self.path)
        return self._store

    def article_state(self, sha256: str, url: str) -> ArticleState:
        """``"same"``: an article with this ``kg:sha256`` is stored; ``"changed"``: another text
        is stored under the same ``schema:url``; ``"new"``: neither."""
        for q in self.store.quads_for_pattern(None, KG_SHA256, ox.Literal(sha256), None):
            if isinstance(q.graph_name, ox.NamedNode):
                return "same"
        return "changed" if self.graphs_for_url(url) else "new"

    def built_with(self, sha256: str) -> tuple[str | None, str | None] | None:
        """``(kg:modelVersion, kg:configHash)`` of the build that wrote the article with this
        text, or None when no such article is stored."""
        for q in self.store.quads_for_pattern(None, KG_SHA256, ox.Literal(sha256), None):
            if isinstance(q.graph_name, ox.NamedNode):
                g = q.graph_name

                def first(pred: str) -> str | None:
                    for t in self.store.quads_for_pattern(None, ox.NamedNode(KG + pred), None, g):
                        return t.object.value
                    return None

                return first("modelVersion"), first("configHash")
        return None

    def add_alternate_source(self, sha256: str, url: str) -> bool:
        """Record ``url`` as another source of the stored article with this text (a syndicated
        copy): ``schema:sameAs <url>`` on the article, in its graph, one transaction. False when
        the article is not stored or already names that URL."""
        from kg.rdf.literals import url_iri

        try:
            target = url_iri(url)
        except (ValueError, OSError):
            return False
        same_as = ox.NamedNode("http://schema.org/sameAs")
        for q in self.store.quads_for_pattern(None, KG_SHA256, ox.Literal(sha256), None):
            if not isinstance(q.graph_name, ox.NamedNode):
                continue
            art, g = q.subject, q.graph_name
            known = {t.object for pred in (*SCHEMA_URLS, same_as) for t in self.store.quads_for_pattern(art, pred, None, g)}
            if target in known or ox.Literal(url) in known:
                return False
            self.store.extend([ox.Quad(art, same_as, target, g)])
            return True
        return False

    def graphs_for_url(self, url: str) -> list[str]:
        """The named graphs holding an article whose ``schema:url`` is ``url`` (IRI or literal)."""
        found: set[str] = set()
        objects: list[ox.NamedNode | ox.Literal] = [ox.Literal(url)]
        try:
            objects.append(ox.NamedNode(url))
        except ValueError:
            pass
        for pred in SCHEMA_URLS:
            for obj in objects:
                for q in self.store.quads_for_pattern(None, pred, obj, None):
                    if isinstance(q.graph_name, ox.NamedNode):
                        found.add(q.graph_name.value)
        return sorted(found)

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self.store.named_graphs() if isinstance(g, ox.NamedNode))

    def graph_quads(self, graph_iri: str) -> list[ox.Quad]:
        return list(self.store.quads_for_pattern(None, None, None, ox.NamedNode(graph_iri)))

    def count(self) -> int:
        """Number of quads in the store (all graphs)."""
        return len(self.store)

    def query(self, sparql: str, union: bool = True, *, source: str | None = None):
        """Run a SPARQL query; ``union`` makes the default graph the union of all graphs.

        Returns pyoxigraph's ``QuerySolutions``, ``QueryBoolean`` or ``QueryTriples``. A syntax
        error raises ``QueryError`` located at ``source:line:col``.
        """
        from kg.query.errors import syntax_error

        try:
            return self.store.query(sparql, use_default_graph_as_union=union)
        except SyntaxError as e:
            raise syntax_error(e, sparql, source) from e
        except OSError as e:
            raise StoreError(f"query failed: {e}", source=self.path) from e

    def dump(self, path: str | os.PathLike, format: str = "nq", *, graph: str | None = None) -> None:
        """Write the store (N-Quads/TriG) or one graph (Turtle/N-Triples need ``graph``) to ``path``."""
        fmt = DUMP_FORMATS.get(format.lower().lstrip("."))
        if fmt is None:
            raise StoreError(f"unknown dump format {format!r}", hint="use one of " + ", ".join(DUMP_FORMATS))
        kw = {}
        if graph is not None:
            kw["from_graph"] = ox.NamedNode(graph)
        elif not fmt.supports_datasets:
            raise StoreError(f"{format} holds one graph", hint="pass graph=... or dump as nq/trig")
        prefixes = {"kg": KG} if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
        self.store.dump(str(path), fmt, prefixes=prefixes, **kw)

    # -- writing ---------------------------------------------------------------------------
    def write_article(self, graph_iri: str, quads: Sequence[ox.Quad], replaces: Sequence[str] = ()) -> None:
        """Replace the article graph ``graph_iri`` with ``quads`` and drop the graphs in ``replaces``
        (older versions of a changed article), all in ONE transaction.

        Why ``Store.update``: pyoxigraph 0.5 runs every operation of one SPARQL Update request in a
        single RocksDB transaction that is committed once at the end (``DROP ... ; INSERT DATA``
        either all lands or none of it does; the commit goes through RocksDB's write-ahead log,
        so a process killed with SIGKILL leaves the old or the new state on reopening, never a
        mix). ``extend``/``load`` are transactional too but cannot also drop the old graph in the
        same transaction, and ``bulk_extend``/``bulk_load`` write SST files outside any
        transaction, so they are not used by any build. ``tests/store/test_sigkill.py`` kills a writer
        inside its writes; a drop-then-``extend`` variant (two transactions) fails that test.
        """
        body = "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in in_graph(graph_iri, quads))
        ops = [f"DROP SILENT GRAPH <{check_iri(g)}>" for g in dict.fromkeys([graph_iri, *replaces])]
        if body:
            ops.append(f"INSERT DATA {{ GRAPH <{graph_iri}> {{\n{body}\n}} }}")
        try:
            self.store.update(" ;\n".join(ops))
        except (SyntaxError, ValueError) as e:  # a term our serialisation cannot carry
            raise StoreError(f"cannot write graph <{graph_iri}>: {e}") from e
        except OSError as e:
            raise StoreError(f"write of graph <{graph_iri}> failed: {e}", source=self.path) from e

    def write_articles(self, items: Sequence[tuple[str, Sequence[ox.Quad], Sequence[str]]]) -> None:
        """Write several finished articles ``(graph_iri, quads, replaces)`` in ONE transaction.

        New graphs (nothing to drop, the graph not in the store yet) go in with one
        ``Store.extend`` call: one RocksDB transaction for the whole batch, so a SIGKILL leaves all
        of them or none, and no SPARQL text is built and parsed again. A batch that replaces a
        graph falls back to :meth:`write_article`, one transaction per article.
        """
        if not items:
            return
        fresh = all(not replaces for _, _, replaces in items) and not any(
            self.store.contains_named_graph(ox.NamedNode(check_iri(g))) for g, _, _ in items)
        if not fresh:
            for g, quads, replaces in items:
                self.write_article(g, quads, replaces)
            return
        try:
            self.store.extend([q for g, quads, _ in items for q in in_graph(g, quads)])
        except (SyntaxError, ValueError) as e:
            raise StoreError(f"cannot write graphs <{items[0][0]}> ...: {e}") from e
        except OSError as e:
            raise StoreError(f"write of {len(items)} graphs failed: {e}", source=self.path) from e

    def write_shard(self, path: str | os.PathLike, replaces: Mapping[str, Sequence[str]]) -> dict[str, int]:
        """Write the article graphs of one N-Quads shard (what a Ray worker built), as the local
        writer writes a batch (:meth:`write_articles`): one transaction for the whole shard when
        its graphs are new, else one per article. Either way a kill leaves each article whole or
        absent, never half-written, and an article that landed counts as stored from then on.

        ``replaces`` maps every article graph the shard may hold to the older graphs it replaces;
        a quad in any other graph is refused before anything is written. Returns the graphs
        written, in the shard's order, with their number of quads.
        """
        try:
            quads = list(ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS))
        except (SyntaxError, ValueError) as e:
            raise StoreError(f"cannot read the N-Quads shard {path}: {e}", source=self.path) from e
        except OSError as e:
            raise StoreError(f"cannot read the N-Quads shard {path}: {e.strerror or e}", source=self.path) from e
        by_graph: dict[str, list[ox.Quad]] = {}
        for q in quads:
            g = q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else ""
            if g not in replaces:
                raise StoreError(f"the shard {path} holds a quad outside the articles being built "
                                 f"({g or 'the default graph'})", source=self.path)
            by_graph.setdefault(g, []).append(q)
        self.write_articles([(g, qs, replaces[g]) for g, qs in by_graph.items()])
        return {g: len(qs) for g, qs in by_graph.items()}

    def drop_graphs(self, graphs: Iterable[str]) -> None:
        """Drop named graphs in one transaction."""
        ops = [f"DROP SILENT GRAPH <{check_iri(g)}>" for g in graphs]
        if ops:
            self.store.update(" ;\n".join(ops))

    # -- lifetime --------------------------------------------------------------------------
    def flush(self) -> None:
        self.store.flush()

    def close(self) -> None:
        """Flush and release the directory (its lock goes once no query result holds it)."""
        if self._store is not None:
            try:
                if not self.read_only:
                    self._store.flush()
            finally:
                self._store = None
                OPEN_IN_PROCESS.discard(self._key)

    def __enter__(self) -> "EmbeddedStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"EmbeddedStore({self.path!r})"
