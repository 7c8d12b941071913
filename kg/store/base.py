"""What every Warta store agrees on: the graph layout, the store interface, quad helpers.

A *store* holds one named graph per article (``kgr:graph/<Article.id>``) plus the ontology graph
``https://w3id.org/warta/ontology``. Two implementations share the interface ``GraphStore``:
``EmbeddedStore`` (a pyoxigraph directory) and ``EndpointStore`` (any SPARQL 1.1 server that
speaks the Graph Store HTTP Protocol).

>>> from pyoxigraph import NamedNode, Literal, Quad, DefaultGraph
>>> g = "https://w3id.org/warta/resource/graph/abc"
>>> q = Quad(NamedNode("http://ex/s"), NamedNode("http://ex/p"), Literal("x"), DefaultGraph())
>>> [str(x.graph_name) for x in in_graph(g, [q])]
['<https://w3id.org/warta/resource/graph/abc>']
"""

from __future__ import annotations

from typing import Iterable, Literal, Protocol, Sequence

from pyoxigraph import DefaultGraph, NamedNode, Quad, Triple

from kg.errors import StoreError

KG = "https://w3id.org/warta/ontology#"
ONTOLOGY_GRAPH = "https://w3id.org/warta/ontology"
KG_SHA256 = NamedNode(KG + "sha256")
# schema.org is written with http:// by most RDF tools and https:// by rdflib's SDO namespace;
# a store lookup by URL accepts both so it does not depend on which one the mapping chose.
SCHEMA_URLS = (NamedNode("http://schema.org/url"), NamedNode("https://schema.org/url"))

ArticleState = Literal["same", "changed", "new"]

LOCKED_MESSAGE = "store is in use by another process"  # kg.store.lock.in_use_error says which
LOCKED_HINT = "stop it or build to another --store"


class GraphStore(Protocol):
    """The interface ``kg.pipeline`` writes through (embedded directory or remote endpoint)."""

    def article_state(self, sha256: str, url: str) -> ArticleState: ...

    def write_article(self, graph_iri: str, quads: Sequence[Quad], replaces: Sequence[str] = ()) -> None: ...

    def graphs_for_url(self, url: str) -> list[str]: ...

    def ensure_ontology(self, quads: Iterable[Quad]) -> bool: ...

    def count(self) -> int: ...

    def close(self) -> None: ...


def in_graph(graph_iri: str, quads: Iterable[Quad | Triple]) -> list[Quad]:
    """Return ``quads`` placed in ``graph_iri``.

    Triples and default-graph quads are moved into the graph; a quad naming *another* graph is an
    error, because it would escape the per-article replace (a rebuild would duplicate it).
    """
    g = NamedNode(graph_iri)
    out: list[Quad] = []
    for q in quads:
        if isinstance(q, Triple):
            out.append(Quad(q.subject, q.predicate, q.object, g))
        elif isinstance(q, Quad):
            if q.graph_name == g:
                out.append(q)
            elif isinstance(q.graph_name, DefaultGraph):
                out.append(Quad(q.subject, q.predicate, q.object, g))
            else:
                raise StoreError(
                    f"quad belongs to graph {q.graph_name}, not to the graph being written <{graph_iri}>",
                    hint="put all of an article's triples in its own named graph",
                )
        else:
            raise StoreError(f"expected pyoxigraph Quad or Triple, got {type(q).__name__}")
    return out


def check_iri(iri: str) -> str:
    """Validate an IRI before it is spliced into SPARQL text (``<`` ``>`` spaces are refused)."""
    try:
        NamedNode(iri)
    except ValueError as e:
        raise StoreError(f"invalid IRI {iri!r}: {e}") from e
    return iri


def same_graph(a: Sequence[Quad], b: Sequence[Quad]) -> bool:
    """Equal as RDF datasets, blank nodes compared canonically (the ontology's OWL lists)."""
    from pyoxigraph import CanonicalizationAlgorithm, Dataset

    da, db = Dataset(a), Dataset(b)
    if len(da) != len(db):
        return False
    if da == db:
        return True
    da.canonicalize(CanonicalizationAlgorithm.UNSTABLE)
    db.canonicalize(CanonicalizationAlgorithm.UNSTABLE)
    return da == db


class OntologyGraphMixin:
    """``ensure_ontology`` for any store with ``graph_quads`` and ``write_article``."""

    def ensure_ontology(self, quads: Iterable[Quad | Triple]) -> bool:
        """Write the ontology graph if it is missing or differs. True when it was (re)written."""
        wanted = in_graph(ONTOLOGY_GRAPH, quads)
        if same_graph(self.graph_quads(ONTOLOGY_GRAPH), wanted):  # type: ignore[attr-defined]
            return False
        self.write_article(ONTOLOGY_GRAPH, wanted)  # type: ignore[attr-defined]
        return True

