"""``kg viz``: write the self-contained explorer page (open it in any browser, offline)."""

from __future__ import annotations

from typing import Optional

import typer

from kg.cli import app
from kg.cli.common import console_err, get_config, handle_errors, plain


@app.command("viz")
@handle_errors
def viz_cmd(
    out: str = typer.Option("explorer.html", "--out", "-o", help="Where to write the page."),
    store: Optional[str] = typer.Option(None, "--store", help="Store directory (default: config)."),
    endpoint: Optional[str] = typer.Option(
        None, "--endpoint",
        help="Read from a SPARQL server (its base URL or /query URL) and make the page reload from it when opened.",
    ),
) -> None:
    """Write one HTML file with the graph, evidence panel and troop-count claims over time."""
    from kg.export import open_source
    from kg.export.viz import build_explorer

    cfg = get_config(store=store)
    report = build_explorer(open_source(store=cfg.store, endpoint=endpoint), out, endpoint=endpoint)
    console_err.print(
        f"wrote {plain(report.out)}: {report.nodes} nodes, {report.edges} edges, "
        f"{report.bytes / 1e6:.1f} MB; open it in a browser (no network needed)",
        highlight=False,
    )
