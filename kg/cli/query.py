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
        help="Query a SPARQL server instead: its base URL (http://127.0.0.1:7878, a running `kg serve`), /query URL, or e.g. Virtuoso's http://HOST:8890/sparql.",
    ),
    fmt: str = typer.Option(
        "table", "--format", "-f",
        help="SELECT/ASK: table, csv, tsv, json, xml (SPARQL results formats). "
        "CONSTRUCT/DESCRIBE: table, turtle, ntriples, jsonld, xml (RDF/XML).",
    ),
    limit: Optional[int] = typer.Option(
        None, "--limit", "-n", min=0, help="Print at most N rows (or triples); the query stops reading there."
    ),
) -> None:
    """Run a SELECT, ASK, CONSTRUCT or DESCRIBE query; no GRAPH needed (the union of all graphs is queried).

    The table shortens IRIs with the Warta prefixes (kg:, kgr:, wd:, schema: ...) and fits the
    terminal: long values are cut with an ellipsis, never wrapped. The store is opened read-only,
    so a query never keeps a build out."""
    from kg.query.render import PREFIXES, build_table, normalise_format, render, summary
    from kg.query.run import run_query
    from kg.store.remote import parse_auth

    fmt = normalise_format(fmt)  # a misspelt format fails before the query runs
    cfg = get_config(store=store)
    # the HTTP timeout leaves the server time to report its own query timeout first
    result = run_query(
        query_or_file, store_path=cfg.store, endpoint=endpoint, timeout=cfg.query_timeout + 5, limit=limit,
        auth=parse_auth(cfg.endpoint_auth) if endpoint else None,
    )
    prefixes = {**PREFIXES, "kgr": cfg.base_iri}
    if fmt == "table":
        console.print(build_table(result, prefixes))
        console_err.print(summary(result), style="dim", highlight=False)
    else:
        text = render(result, fmt, prefixes=prefixes)
        typer.echo(text, nl=not text.endswith("\n"))
        if result.truncated:
            console_err.print(summary(result), style="dim", highlight=False)
