"""``kg export``: the graph in a format Gephi, Cytoscape, Graphviz or an RDF tool opens."""

from __future__ import annotations

import sys
from typing import Optional

import typer

from kg.cli import app
from kg.cli.common import console_err, get_config, handle_errors, plain


@app.command("export")
@handle_errors
def export_cmd(
    format: str = typer.Option(
        ..., "--format", "-f",
        help="graphml | gexf (dated, for Gephi's timeline) | cytoscape | dot | events-csv (one row per "
        "event) | ttl | trig | nq | jsonld (any registered exporter)",
    ),
    store: Optional[str] = typer.Option(None, "--store", help="Store directory (default: config)."),
    endpoint: Optional[str] = typer.Option(
        None, "--endpoint", help="Read from a SPARQL server instead: its base URL (http://127.0.0.1:7878) or /query URL."
    ),
    out: Optional[str] = typer.Option(None, "--out", "-o", help="Output file (default: stdout)."),
    article: Optional[str] = typer.Option(None, "--article", help="Only this article (id or URL)."),
    since: Optional[str] = typer.Option(None, "--since", help="Events on or after DATE (YYYY[-MM[-DD]])."),
    until: Optional[str] = typer.Option(None, "--until", help="Events on or before DATE."),
    actor: Optional[str] = typer.Option(None, "--actor", help="Events involving this actor (name or Q-id)."),
    kind: Optional[str] = typer.Option(None, "--kind", help="Deployment | Statement | Agreement."),
    drop_isolated: bool = typer.Option(
        False, "--drop-isolated", help="Leave out nodes with no edge (graph formats)."
    ),
) -> None:
    """Export actors and events (roles as labelled edges), or the RDF itself, optionally filtered."""
    from kg.export import ExportFilter, export, open_source

    cfg = get_config(store=store)
    filters = ExportFilter(article=article, since=since, until=until, actor=actor, kind=kind)
    source = open_source(store=cfg.store, endpoint=endpoint)
    report = export(format, out or sys.stdout.buffer, source=source, filters=filters, config=cfg,
                    drop_isolated=drop_isolated)
    if not filters.is_empty() and report.nodes == 0:
        console_err.print("warning: no event matches the filters; the export is empty", highlight=False)
    if out:
        what = f"{report.quads} quads" if report.rdf else f"{report.nodes} nodes, {report.edges} edges"
        console_err.print(f"wrote {plain(out)} ({plain(format)}: {what}) from {plain(source.describe())}", highlight=False)
    else:
        sys.stdout.buffer.flush()
