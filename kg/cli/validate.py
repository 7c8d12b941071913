"""``kg validate``: check RDF files or a whole store against ontology/shapes.ttl."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from kg.cli import app
from kg.cli.common import console, console_err, get_config, handle_errors, plain


def _open_store(path: str):
    """The store at ``path``, read-only (a running build or server may hold it)."""
    import pyoxigraph

    from kg.errors import StoreError

    if not Path(path).is_dir():
        raise StoreError(
            f"no store at {path}",
            hint="build one with `kg build ... --store DIR`, or pass RDF files to validate",
        )
    try:
        return pyoxigraph.Store.read_only(path)
    except OSError as e:
        raise StoreError(f"cannot open the store read-only: {e}", source=path) from e


@app.command("validate")
@handle_errors
def validate_cmd(
    files: Optional[list[Path]] = typer.Argument(
        None, help="RDF files to check (.ttl .trig .nq .nt .jsonld). None: check the store."
    ),
    store: Optional[str] = typer.Option(None, "--store", help="Store directory (default: config `store`)."),
) -> None:
    """Check graphs against the SHACL shapes; print each violation in plain words.

    Exits 0 when everything conforms, 1 when anything does not (or a file cannot be read).
    """
    from kg.errors import RDFError
    from kg.rdf.validate import validate

    cfg = get_config(store=store)
    targets: list[tuple[str, object]] = []
    if files:
        targets = [(str(f), f) for f in files]
    if store or not files:
        targets.append((f"store {cfg.store}", _open_store(cfg.store)))

    failed = 0
    for name, data in targets:
        try:
            violations = validate(data, base_iri=cfg.base_iri)
        except RDFError as e:
            console_err.print(f"[bold red]error[/] \\[{e.code}] {plain(e)}", highlight=False, soft_wrap=True)
            failed += 1
            continue
        if not violations:
            console.print(f"[green]ok[/] {plain(name)}: conforms to the shapes", highlight=False)
            continue
        failed += 1
        console.print(f"[red]{len(violations)} violation(s)[/] in {plain(name)}:", highlight=False)
        for v in violations:
            console.print(f"  - {v}", highlight=False, soft_wrap=True, markup=False)
    if failed:
        sys.exit(1)
