"""``kg link-check``: show what the linker decides for a few names."""

from __future__ import annotations

from typing import Optional

import typer

from kg.cli import app
from kg.cli.common import console, get_config, handle_errors


@app.command("link-check")
@handle_errors
def link_check_cmd(
    names: list[str] = typer.Argument(..., help="Names to link, e.g. \"Korea Utara\" Putin."),
    type_: str = typer.Option("Person", "--type", help="Person | Organization | Country | Place"),
    lang: str = typer.Option("id", "--lang", help="Language of the names/context (BCP-47)."),
    context: Optional[str] = typer.Option(None, "--context", help="A sentence around the names."),
    link: str = typer.Option("offline", "--link", help="offline (default) | online (also asks Wikidata, network)."),
    online: bool = typer.Option(False, "--online", hidden=True, help="Deprecated: --link online."),
) -> None:
    """Print the key, Wikidata id and label the linker gives each NAME."""
    from kg.errors import ConfigError

    if link not in ("offline", "online"):
        raise ConfigError(f"unknown linking {link!r}", hint="use --link offline or online")
    online = online or link == "online"
    from rich.table import Table
    from rich.text import Text

    from kg.query.render import printable

    from kg.link.check import link_check

    cfg = get_config()
    links = link_check(names, cfg, type_=type_, lang=lang, context=context, online=online)
    table = Table("name", "type", "key", "qid", "label", "score", "linker")
    for n, l in zip(names, links):
        cells = (n, l.type, l.key, l.qid or "-", l.label or "-", f"{l.score:.2f}", l.linker)
        table.add_row(*(Text(printable(str(c))) for c in cells))  # names as typed, never markup
    console.print(table)
