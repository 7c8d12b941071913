"""Shared CLI plumbing: global state from the root callback, config resolution, error rendering."""

from __future__ import annotations

import re

import functools
import sys
from dataclasses import dataclass, field
from typing import Any, Callable, Optional

from rich.console import Console

from kg.errors import KGError

console = Console()
console_err = Console(stderr=True)


@dataclass
class _State:
    config_file: Optional[str] = None
    overrides: list[str] = field(default_factory=list)
    debug: bool = False


STATE = _State()


def plain(value: Any) -> str:
    """A file name or message fit for the terminal: Rich markup escaped ("laporan [draft].txt"
    stays as it is), control characters and ANSI escapes shown as ``\\xNN``, newlines as ``\\n``."""
    from rich.markup import escape

    text = str(value)
    text = re.sub(r"[\x00-\x1f\x7f-\x9f]", lambda m: "\\n" if m.group() == "\n" else f"\\x{ord(m.group()):02x}", text)
    return escape(text)


def get_config(**cli_values: Any):
    """Resolve the config once: defaults < file < KG_* env < --set < explicit command options."""
    from pathlib import Path

    from kg.config import Config
    from kg.errors import ConfigError

    if STATE.config_file and not Path(STATE.config_file).is_file():
        raise ConfigError("the config file given with --config does not exist", source=STATE.config_file)
    cfg = Config.resolve(
        file=STATE.config_file if STATE.config_file else "warta.toml", overrides=STATE.overrides
    )
    return cfg.replace(**cli_values)


def handle_errors(fn: Callable) -> Callable:
    """Turn a ``KGError`` into one line on stderr and exit code 2 (``--debug``: traceback)."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except KGError as e:
            if STATE.debug:
                raise
            console_err.print(f"[bold red]error[/] \\[{e.code}] {plain(e)}", highlight=False, soft_wrap=True)
            sys.exit(2)

    return wrapper
