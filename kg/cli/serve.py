"""``kg serve``: serve the store over SPARQL through a supervised gateway in front of Oxigraph."""

from __future__ import annotations

from typing import List, Optional

import typer

from kg.cli import app
from kg.cli.common import console, get_config, handle_errors


def _explorer_page(query_url: str = "/query") -> str:
    """The `kg viz` explorer, loading live data from ``query_url`` on its own origin only."""
    from kg.export.viz import render_explorer

    return render_explorer(None, query_url, same_origin=True)


@app.command("serve")
@handle_errors
def serve(
    store: Optional[str] = typer.Option(None, "--store", help="Store directory (default ./warta-store)."),
    bind: Optional[str] = typer.Option(None, "--bind", help="HOST:PORT to listen on (default 127.0.0.1:7878)."),
    writable: bool = typer.Option(False, "--writable", help="Accept SPARQL updates (/update) and Graph Store writes (/store)."),
    timeout: Optional[int] = typer.Option(
        None, "--timeout", help="Hard deadline per query in seconds (default 30): past it the client gets 503 "
        "and a server still busy with the query is restarted."),
    max_queries: Optional[int] = typer.Option(
        None, "--max-queries", metavar="N", help="Queries running at once (default 4 x CPU cores); more get 503 + Retry-After."),
    max_result_mb: int = typer.Option(
        64, "--max-result-mb", metavar="MB", help="Largest answer passed on; larger ones get 507 (add a LIMIT)."),
    cors: bool = typer.Option(False, "--cors", help="Allow cross-origin reads from any origin (off by default)."),
    cors_origin: Optional[List[str]] = typer.Option(
        None, "--cors-origin", metavar="ORIGIN", help="Allow cross-origin reads from this origin only (repeatable; implies --cors)."),
    allow_host: Optional[List[str]] = typer.Option(
        None, "--allow-host", metavar="NAME", help="Also accept this Host name (repeatable; '*' = any). "
        "By default only localhost, loopback IPs and the --bind address."),
    allow_service: Optional[List[str]] = typer.Option(
        None, "--allow-service", metavar="URL", help="Allow SPARQL SERVICE calls to this endpoint (repeatable; "
        "all others are refused)."),
    header_timeout: float = typer.Option(
        10.0, "--header-timeout", metavar="SECONDS", help="A request's line and headers must arrive within this; "
        "slower clients are cut off."),
    explorer: bool = typer.Option(True, "--explorer/--no-explorer", help="Serve the graph explorer at /explorer (same origin)."),
) -> None:
    """Serve the store: SPARQL endpoint at /query, YASGUI at /, explorer at /explorer, until Ctrl-C.

    A gateway in front of Oxigraph: bounded concurrent queries, a hard --timeout,
    restarts after a crash or a runaway query, never a partial answer (buffered),
    SERVICE refused unless allowed, LOAD <url> refused, a Host check. No CORS unless --cors/--cors-origin.
    """
    from kg.store.server import serve as run_server

    cfg = get_config(store=store, bind=bind, query_timeout=timeout, cors=cors or None)
    origins = list(cors_origin or []) or (["*"] if cfg.cors else [])

    def say(line: str) -> None:
        console.print(line, highlight=False, markup=False, soft_wrap=True)

    code = run_server(
        cfg.store, bind=cfg.bind, writable=writable, timeout_s=cfg.query_timeout, cors_origins=origins,
        allow_hosts=allow_host or [], allow_service=allow_service or [], max_queries=max_queries,
        max_result_bytes=max_result_mb << 20, explorer_page=_explorer_page if explorer else None, say=say,
        header_timeout_s=header_timeout,
    )
    raise typer.Exit(code)
