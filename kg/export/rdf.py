"""The RDF formats' selection: every quad of the store, or only what a filter keeps.

A filtered selection keeps, inside the named graphs of the articles whose events survived, the
quads about the kept events and actors plus the article-level quads (the article node, its
provenance); quads about dropped events and actors go. The ontology graph is left out of
filtered exports.
"""

from __future__ import annotations

import networkx as nx
import pyoxigraph as ox

from kg.export.source import Source


def select_quads(source: Source, full: nx.MultiDiGraph | None = None,
                 kept: nx.MultiDiGraph | None = None) -> list[ox.Quad]:
    """All quads when ``kept`` is None or ``kept is full``; else the part ``kept`` selects."""
    quads = list(source.quads())
    if kept is None or full is None or kept is full:
        return quads
    kept_nodes = set(kept.nodes)
    kept_events = {n for n, a in kept.nodes(data=True) if a["category"] == "event"}
    graphs = {q.graph_name for q in quads if _iri(q.subject) in kept_events}
    return [
        q for q in quads
        if q.graph_name in graphs
        and (_iri(q.subject) in kept_nodes or _iri(q.subject) not in full)
    ]


def _iri(term: ox.NamedNode | ox.BlankNode | ox.Triple) -> str | None:
    return term.value if isinstance(term, ox.NamedNode) else None
