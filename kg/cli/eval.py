"""``kg eval FOLDER``: score Warta on a folder of annotated articles (<id>.txt + <id>.json)."""

from __future__ import annotations

import json
from typing import Optional

import typer

from kg.cli import app
from kg.cli.common import console, console_err, get_config, handle_errors, plain


@app.command("eval")
@handle_errors
def eval_cmd(
    folder: str = typer.Argument(..., help="Gold folder: <id>.txt (article) + <id>.json (annotation)."),
    store: Optional[str] = typer.Option(
        None, "--store", help="Build into this store (kept), or with --no-build score it as is."
    ),
    build: bool = typer.Option(True, "--build/--no-build", help="Build the folder first (default)."),
    fmt: str = typer.Option("table", "--format", "-f", help="table | json (one JSON object)."),
    as_json: bool = typer.Option(False, "--json", hidden=True, help="Deprecated: --format json."),
    errors: bool = typer.Option(True, "--errors/--no-errors", help="List what each article missed/invented."),
    keep_store: bool = typer.Option(False, "--keep-store", help="Keep the temporary store and print its path."),
    model: Optional[str] = typer.Option(None, "--model", help="Extractor model: e5 (default), small, or a checkpoint directory."),
    rules: Optional[str] = typer.Option(None, "--rules", help="Decoder rules: all (default), none, or a comma list (see `kg plugins`)."),
    link: Optional[str] = typer.Option(None, "--link", help="Linking: offline (default), online, none."),
) -> None:
    """Build the folder's articles into a fresh store and score them (P/R/F1 per kind)."""
    from kg.eval.render import render
    from kg.eval.run import run_eval

    from kg.config import LINKER_NAMES as linker
    from kg.errors import ConfigError

    if fmt not in ("table", "json"):
        raise ConfigError(f"unknown output format {fmt!r}", hint="use --format table or json")
    as_json = as_json or fmt == "json"
    cfg = get_config(model=model, rules=rules, linker=linker.get(link, link) if link else None)
    run = run_eval(folder, cfg, store=store, build=build, keep_store=keep_store,
                   progress=not as_json)
    if as_json:
        out = run.report.to_json()
        out["store"] = run.store
        out["build_problems"] = [p.__dict__ for p in run.problems]
        typer.echo(json.dumps(out, ensure_ascii=False, sort_keys=False))
    else:
        render(run.report, console, errors=errors)
        for p in run.problems:
            console_err.print(f"[red]build problem[/] {plain(p.source)} ({plain(p.stage)}): {plain(p.reason)}", highlight=False)
        if run.store and run.built:
            console.print(f"store: {plain(run.store)}", highlight=False)
