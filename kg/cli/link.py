"""``kg link-check``: show what the linker decides for a few names, and why."""

from __future__ import annotations

import json
from typing import Optional

import typer

from kg.cli import app
from kg.cli.common import get_config, handle_errors

FORMATS = ("text", "json")


@app.command("link-check")
@handle_errors
def link_check_cmd(
    names: list[str] = typer.Argument(..., help="Names to link, e.g. \"Korea Utara\" Putin."),
    type_: str = typer.Option("Person", "--type", help="Person | Organization | Country | Place"),
    lang: str = typer.Option("id", "--lang", help="Language of the names/context (BCP-47)."),
    context: Optional[str] = typer.Option(None, "--context", help="A sentence around the names."),
    link: str = typer.Option("offline", "--link", help="offline (default) | online (also asks Wikidata, network)."),
    online: bool = typer.Option(False, "--online", hidden=True, help="Deprecated: --link online."),
    fmt: str = typer.Option("text", "--format", "-f", help="text | json"),
) -> None:
    """Print the key, Wikidata id and label the linker gives each NAME, and why.

    Linked: the alias row that decided (alias, lang, qid, role, form) and its source.

    The rule: exact, acronym, titles stripped, spelling variant, uninflected, coreference.

    Unlinked: every key tried, and why: no row matched, rows of another type, or a tie.
    """
    from kg.errors import ConfigError, LinkingError
    from kg.link.check import link_check
    from kg.query.render import printable

    if link not in ("offline", "online"):
        raise ConfigError(f"unknown linking {link!r}", hint="use --link offline or online")
    online = online or link == "online"
    if fmt not in FORMATS:
        raise LinkingError(f"unknown format {fmt!r}", hint="use one of: " + ", ".join(FORMATS))
    cfg = get_config()
    links = link_check(names, cfg, type_=type_, lang=lang, context=context, online=online)
    if fmt == "json":
        out = [{"name": n, "type": l.type, "key": l.key, "qid": l.qid, "label": l.label, "score": l.score,
                "linker": l.linker, "why": l.why.to_dict() if l.why else None} for n, l in zip(names, links)]
        typer.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    for i, (n, l) in enumerate(zip(names, links)):  # names as typed, control characters escaped
        if i:
            typer.echo("")
        typer.echo(printable(f"{n} -> {l.qid or '-'} {l.label or '-'} (key {l.key}, type {l.type}, "
                             f"score {l.score:.2f}, {l.linker})"))
        if l.why is not None:
            typer.echo("\n".join(printable(x) for x in l.why.lines("  ")))
