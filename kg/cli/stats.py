"""``kg stats``: what the store (or an endpoint) holds, in numbers."""

from __future__ import annotations

import json
from typing import Optional

import typer

from kg.cli import app
from kg.cli.common import console, get_config, handle_errors
from kg.errors import ConfigError


@app.command("stats")
@handle_errors
def stats_cmd(
    store: Optional[str] = typer.Option(None, "--store", help="Store directory (default ./warta-store)."),
    endpoint: Optional[str] = typer.Option(
        None, "--endpoint", help="Count on a SPARQL server instead: its base URL (http://127.0.0.1:7878) or /query URL."
    ),
    top: int = typer.Option(10, "--top", "-n", min=0, help="How many articles and actors to list."),
    fmt: str = typer.Option("table", "--format", "-f", help="table | json"),
) -> None:
    """Counts by kind (articles, actors, deployments, statements, agreements) and language, the
    articles with the most events and the actors taking part in the most events."""
    from kg.query.stats import store_stats

    if fmt not in ("table", "json"):
        raise ConfigError(f"unknown output format {fmt!r}", hint="use --format table or json")
    cfg = get_config(store=store)
    stats = store_stats(store_path=cfg.store, endpoint=endpoint, top=top, timeout=cfg.query_timeout + 5)
    if fmt == "json":
        typer.echo(json.dumps(stats, ensure_ascii=False, indent=2))
        return
    _print_tables(stats)


def _print_tables(stats: dict) -> None:
    from rich.table import Table
    from rich.text import Text

    from kg.query.render import printable

    def table(title: str, head: list[str], rows: list[list], numeric: set[int] = frozenset()) -> None:
        t = Table(title=title, title_justify="left")
        for i, h in enumerate(head):
            t.add_column(h, justify="right" if i in numeric else "left", overflow="ellipsis", no_wrap=True,
                         min_width=min(len(h), 12))
        for r in rows:
            t.add_row(*(Text(printable("" if v is None else str(v))) for v in r))
        console.print(t)

    k = stats["kinds"]
    table(f"{stats['source']}", ["articles", "actors", "linked", "deployments", "statements", "agreements"],
          [[k["articles"], k["actors"], k["linkedActors"], k["deployments"], k["statements"], k["agreements"]]],
          set(range(6)))
    table("by language", ["language", "articles"], [[lang, n] for lang, n in stats["languages"].items()], {1})
    table("articles with the most events", ["events", "lang", "title", "url"],
          [[a["events"], a["lang"], a["title"], a["url"]] for a in stats["articles"]], {0})
    table("actors in the most events", ["actor", "events", "articles", "iri"],
          [[a["label"], a["events"], a["articles"], a["iri"]] for a in stats["actors"]], {1, 2})
