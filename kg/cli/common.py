"""Shared CLI plumbing: global state from the root callback, config resolution, error rendering."""

from __future__ import annotations

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


def get_config(**cli_values: Any):
    """Resolve the config once: defaults < file < KG_* env < --set < explicit command options."""
    from kg.config import Config

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
            console_err.print(f"[bold red]error[/] [{e.code}] {e}", highlight=False, soft_wrap=True)
            sys.exit(2)

    return wrapper
