"""``kg query``: run one SPARQL query on the store or an endpoint and print the result."""

from __future__ import annotations

from typing import Optional

import typer

from kg.cli import app
from kg.cli.common import console, console_err, get_config, handle_errors


@app.command("query")
@handle_errors
def query(
    query_or_file: str = typer.Argument(..., help="SPARQL text, or a .rq file (e.g. queries/01-troop-claims.rq)."),
    store: Optional[str] = typer.Option(None, "--store", help="Store directory (default ./warta-store)."),
    endpoint: Optional[str] = typer.Option(
        None, "--endpoint",
        help="Query a SPARQL server instead, e.g. http://127.0.0.1:7878 (a running `kg serve`) or Virtuoso's http://HOST:8890/sparql.",
    ),
    fmt: str = typer.Option("table", "--format", "-f", help="table | csv | tsv | json | turtle | ntriples"),
) -> None:
    """Run a SELECT, ASK, CONSTRUCT or DESCRIBE query; no GRAPH needed (the union of all graphs is queried)."""
    from kg.query.render import PREFIXES, build_table, render, summary
    from kg.query.run import run_query
    from kg.store.remote import parse_auth

    cfg = get_config(store=store)
    # the HTTP timeout leaves the server time to report its own query timeout first
    result = run_query(query_or_file, store_path=cfg.store, endpoint=endpoint, timeout=cfg.query_timeout + 5,
                       auth=parse_auth(cfg.endpoint_auth) if endpoint else None)
    prefixes = {**PREFIXES, "kgr": cfg.base_iri}
    if fmt == "table":
        console.print(build_table(result, prefixes))
        console_err.print(summary(result), style="dim", highlight=False)
    else:
        text = render(result, fmt, prefixes=prefixes)
        typer.echo(text, nl=not text.endswith("\n"))
