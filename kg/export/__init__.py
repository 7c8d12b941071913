"""Exports of the store: graph formats for Gephi/Cytoscape/Graphviz, RDF dumps, the explorer page.

``export()`` is the one library call behind ``kg export``:

>>> import io, pyoxigraph as ox
>>> from kg.export.source import StoreSource
>>> buf = io.BytesIO()
>>> export("graphml", buf, source=StoreSource(ox.Store())).nodes
0
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import IO

from kg.config import Config
from kg.errors import ExportError
from kg.export.filters import ExportFilter, filter_graph
from kg.export.source import Source, open_source

__all__ = ["ExportFilter", "ExportReport", "export", "format_names", "open_source"]


@dataclass
class ExportReport:
    format: str
    out: str
    nodes: int = 0
    edges: int = 0
    quads: int = 0
    rdf: bool = False


def format_names() -> list[str]:
    """The --format values: the registered exporters named ``kg.exporter.<format>.v1``."""
    from kg.registry import exporters

    return [n.split(".")[2] for n in exporters.names() if n.startswith("kg.exporter.")]


def export(fmt: str, out: str | Path | IO[bytes], *, source: Source,
           filters: ExportFilter | None = None, config: Config | None = None,
           drop_isolated: bool = False) -> ExportReport:
    """Write ``source`` (narrowed by ``filters``) to ``out`` in format ``fmt`` (e.g. "graphml").

    ``drop_isolated`` leaves out nodes with no edge (graph formats): actors named in an article
    but in no event, events with no role filled."""
    import networkx as nx

    from kg.export.graph import load_graph
    from kg.export.rdf import select_quads
    from kg.registry import exporters

    cfg = config or Config()
    filters = filters or ExportFilter()
    if not fmt.startswith("kg.exporter.") and fmt not in format_names():
        raise ExportError(f"unknown export format {fmt!r}", hint="use one of " + ", ".join(format_names()))
    name = fmt if fmt.startswith("kg.exporter.") else f"kg.exporter.{fmt}.v1"
    exporter = exporters.create(name, config=cfg)
    report = ExportReport(format=fmt, out=str(out) if isinstance(out, (str, Path)) else "<stream>")
    if exporter.takes == "graph":
        graph = filter_graph(load_graph(source), filters)
        if drop_isolated:
            graph = graph.copy()
            graph.remove_nodes_from(list(nx.isolates(graph)))
        exporter.export(graph, out)
        report.nodes, report.edges = graph.number_of_nodes(), graph.number_of_edges()
    else:
        full = kept = None
        if not filters.is_empty():
            full = load_graph(source)
            kept = filter_graph(full, filters)
            report.nodes, report.edges = kept.number_of_nodes(), kept.number_of_edges()
        if drop_isolated:
            raise ExportError(f"--drop-isolated is for graph formats; {fmt} writes the RDF itself",
                              hint="use --format graphml, gexf, cytoscape, dot or events-csv")
        quads = select_quads(source, full, kept)
        exporter.export(quads, out)
        report.quads, report.rdf = len(quads), True
    return report
