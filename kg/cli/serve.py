"""``kg serve``: serve the store over SPARQL with the real Oxigraph server."""

from __future__ import annotations

from typing import Optional

import typer

from kg.cli import app
from kg.cli.common import console, get_config, handle_errors


def _explorer_page(query_url: str) -> str:
    """The `kg viz` explorer, loading live data from the endpoint (rendered once the port is known)."""
    from kg.export.viz import render_explorer

    return render_explorer(None, query_url)


@app.command("serve")
@handle_errors
def serve(
    store: Optional[str] = typer.Option(None, "--store", help="Store directory (default ./warta-store)."),
    bind: Optional[str] = typer.Option(None, "--bind", help="HOST:PORT to listen on (default 127.0.0.1:7878)."),
    writable: bool = typer.Option(False, "--writable", help="Accept SPARQL updates and Graph Store writes."),
    timeout: Optional[int] = typer.Option(None, "--timeout", help="Query timeout in seconds (default 30)."),
    cors: bool = typer.Option(False, "--cors", help="Allow cross-origin requests (browser apps on other origins)."),
    explorer: bool = typer.Option(
        True, "--explorer/--no-explorer", help="Also serve the graph explorer page (port+1; turns --cors on)."
    ),
) -> None:
    """Serve the store: SPARQL endpoint at /query, YASGUI at /, until Ctrl-C."""
    from kg.store.server import serve as run_server

    cfg = get_config(store=store, bind=bind, query_timeout=timeout, cors=cors or None)

    def say(line: str) -> None:
        console.print(line, highlight=False, markup=False, soft_wrap=True)

    code = run_server(
        cfg.store, bind=cfg.bind, writable=writable, timeout_s=cfg.query_timeout, cors=cfg.cors,
        explorer_page=_explorer_page if explorer else None, say=say,
    )
    raise typer.Exit(code)
