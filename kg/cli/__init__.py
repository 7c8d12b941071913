"""The ``kg`` command line: a thin layer over the library.

Each command lives in its own module here (``build.py``, ``serve.py`` ...), parses its options,
calls one library function and renders the result. Library errors (``KGError``) become one line
on stderr and a non-zero exit; ``--debug`` shows the traceback.
"""

from __future__ import annotations

import sys
from typing import Optional

import typer

from kg import __version__
from kg.cli.common import STATE, console_err


def _conventional_help() -> None:
    """Help text in the usual Unix shape. Typer 0.29's rich help labels every on/off flag
    ``<bool>`` (although a flag takes no value) and writes a required argument as ``{paths}...``
    in the usage line; its plain help does neither. Two small overrides give ``--force`` with no
    type and ``PATHS...`` / ``[PATHS]...`` in usage lines; everything else stays typer's."""
    from typer import core

    if getattr(core.TyperOption, "_warta_help", False):
        return
    value_type = core.TyperOption.display_type_rich

    def display_type_rich(self, ctx):
        if self.is_flag or self.count:
            return None
        return value_type(self, ctx)

    def usage_name(self) -> str:
        name = self.metavar or self.name.upper()
        name = name if self.required else f"[{name}]"
        return name + ("..." if self.nargs != 1 else "")

    core.TyperOption.display_type_rich = display_type_rich
    if hasattr(core.TyperArgument, "_usage_display_name"):
        core.TyperArgument._usage_display_name = usage_name
    core.TyperOption._warta_help = True


_conventional_help()

app = typer.Typer(
    name="kg",
    help=(
        "Warta: build a knowledge graph from news articles and serve it over SPARQL.\n\n"
        "article -> clean text -> sentences -> mentions -> events -> linked actors -> RDF -> "
        "store -> SPARQL / pictures"
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool):
    if value:
        typer.echo(f"warta {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    config: Optional[str] = typer.Option(
        None, "--config", help="Config file (TOML). Default: ./warta.toml if present."
    ),
    set_: list[str] = typer.Option(
        [], "--set", help="Override a config key, e.g. --set batch_size=16. Repeatable."
    ),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks on errors."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True),
):
    STATE.config_file = config
    STATE.overrides = list(set_)
    STATE.debug = debug


def _register() -> None:
    # Importing a module registers its commands on ``app``.
    import importlib
    import pkgutil

    import kg.cli as pkg

    for mod in sorted(m.name for m in pkgutil.iter_modules(pkg.__path__)):
        if mod not in {"common"}:
            importlib.import_module(f"kg.cli.{mod}")


_register()


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        console_err.print("interrupted")
        sys.exit(130)
