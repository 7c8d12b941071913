"""``kg build``: ingest articles into the store."""

from __future__ import annotations

import functools
import sys
from typing import Optional

import typer

from kg.cli import app
from kg.cli.common import console, console_err, get_config, handle_errors, plain


@app.command("build")
@handle_errors
def build(
    paths: list[str] = typer.Argument(..., help="Files, folders or globs of .txt, .html and .jsonl articles."),
    store: Optional[str] = typer.Option(None, "--store", help="Store directory (default ./warta-store)."),
    endpoint: Optional[str] = typer.Option(
        None, "--endpoint",
        help="Write to a running SPARQL 1.1 server instead (Graph Store Protocol): its base URL or /query URL.",
    ),
    extractor: Optional[str] = typer.Option(None, "--extractor", help="Extractor name (see `kg plugins`)."),
    model: Optional[str] = typer.Option(
        None, "--model", help="Extractor model: e5 (default, best on unseen text), small (fast), or a checkpoint directory."
    ),
    rules: Optional[str] = typer.Option(
        None, "--rules", help="Decoder rules: all (default), none (the model alone), or a comma list (see `kg plugins`)."
    ),
    link: Optional[str] = typer.Option(
        None, "--link", help="Linking: offline (default), online (asks Wikidata, cached), none."
    ),
    force: bool = typer.Option(False, "--force", help="Re-extract articles already in the store."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Show a progress bar."),
    ray: bool = typer.Option(
        False, "--ray", help="Run the build on Ray (pip install 'warta\\[ray]'): a local cluster started for "
                             "this build, or the one at --ray-address.",
    ),
    ray_address: Optional[str] = typer.Option(
        None, "--ray-address", metavar="ADDRESS",
        help="An existing Ray cluster for --ray (host:6379, ray://host:10001, or auto).",
    ),
    ray_workers: int = typer.Option(2, "--ray-workers", min=1, help="Extraction actors (each loads the model once)."),
    ray_shards: Optional[str] = typer.Option(
        None, "--ray-shards", help="Where Ray workers write N-Quads shards for --store (a folder every node shares).",
    ),
) -> None:
    """Build the knowledge graph: read, clean, extract, link, write RDF to the store."""
    from kg.pipeline import BuildInterrupted
    from kg.pipeline import build as run_build

    from kg.config import LINKER_NAMES as linker
    cfg = get_config(store=store, extractor=extractor, model=model, rules=rules, linker=linker.get(link, link))

    def show(p):
        console_err.print(f"[red]skipped[/] {plain(p.source)} \\[{plain(p.stage)}]: {plain(p.reason)}", highlight=False, soft_wrap=True)

    def note(source, what):
        console_err.print(f"[dim]{plain(source)}: {plain(what)}[/]", highlight=False, soft_wrap=True)

    def warn(w):
        console_err.print(f"[yellow]warning[/] {plain(w.source)}: {plain(w.reason)}", highlight=False, soft_wrap=True)

    if ray or ray_address:
        from kg.distributed import build_on_ray

        run_build = functools.partial(build_on_ray, address=ray_address, workers=ray_workers, shard_dir=ray_shards)
    try:
        report = run_build(
            paths, cfg, store=store, endpoint=endpoint, progress=progress and sys.stderr.isatty(),
            force=force, on_problem=show, on_warning=warn, on_note=note,
        )
    except BuildInterrupted as stop:
        left = f"; {stop.pending} still to build" if stop.pending else ""  # None: not counted yet
        console_err.print(
            f"[yellow]interrupted[/]: {len(stop.report.articles)} article(s) committed, each complete{left}; "
            "run the same command again to resume (committed articles are skipped).",
            highlight=False, soft_wrap=True)
        raise typer.Exit(130) from None
    except KeyboardInterrupt:
        console_err.print(
            "[yellow]interrupted[/]: every article already written is complete (one transaction each); "
            "run the same command again to resume.", highlight=False, soft_wrap=True)
        raise typer.Exit(130) from None
    where = endpoint or store or cfg.store
    if report.workers:
        where += f" (Ray: {len(report.workers)} worker(s))"
    stale = f", {report.stale} re-extracted: built with another model or settings" if report.stale else ""
    console.print(
        f"{len(report.articles)} article(s) written ({report.replaced} replaced{stale}), "
        f"{len(report.unchanged)} unchanged, "
        + (f"{len(report.duplicates)} duplicate(s) of a stored text (source recorded), " if report.duplicates else "")
        + f"{len(report.problems)} failed; "
        f"{report.quads_written} quads in {report.seconds:.1f}s -> {plain(where)}",
        highlight=False,
    )
    for d in report.duplicates:
        console_err.print(f"[yellow]duplicate[/] {plain(d.source)}: the same text is stored from another source; "
                          "its URL is recorded on that article (schema:sameAs)", highlight=False, soft_wrap=True)
    if report.problems:
        raise typer.Exit(1)

