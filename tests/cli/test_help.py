"""`kg --help` and every command's help read as a Unix user expects; flag names agree across commands."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()
COMMANDS = ["build", "query", "export", "viz", "stats", "serve", "eval", "validate", "link-check", "plugins"]


def help_text(*args: str) -> str:
    r = runner.invoke(app, [*args, "--help"], env={"COLUMNS": "120"})
    assert r.exit_code == 0, r.output
    return r.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_help_has_no_bool_labels_or_braced_arguments(command):
    text = help_text(command)
    assert "<bool>" not in text
    assert not re.search(r"Usage: .*\{", text), text.splitlines()[1]


def test_usage_names_a_required_list_argument_in_capitals():
    assert re.search(r"Usage: .* build \[OPTIONS\] PATHS\.\.\.", help_text("build"))


@pytest.mark.parametrize("command", ["query", "export", "viz", "build", "stats"])
def test_every_command_that_reads_or_writes_the_graph_takes_endpoint_and_format_where_it_prints(command):
    text = help_text(command)
    assert "--endpoint" in text
    if command in ("query", "export", "stats"):
        assert "--format" in text


def test_deprecated_spellings_are_hidden_but_still_work(tmp_path):
    assert "--json" not in help_text("eval") and "--format" in help_text("eval")
    assert "--online" not in help_text("link-check") and "--link" in help_text("link-check")
    r = runner.invoke(app, ["link-check", "Korea Utara", "--type", "Country", "--online", "--link", "bogus"])
    assert r.exit_code == 2 and "--link offline or online" in r.output


def test_version_and_short_help():
    from kg import __version__

    assert runner.invoke(app, ["--version"]).stdout.strip() == f"warta {__version__}"
    assert "Usage:" in runner.invoke(app, ["-h"]).stdout


def test_set_linker_accepts_the_short_names_that_link_takes():
    """50077bd: `--set linker=none` works as `--link none` does."""
    from kg.config import LINKER_NAMES, Config

    for short, full in LINKER_NAMES.items():
        assert Config.resolve(file=None, env={}, overrides=[f"linker={short}"]).linker == full
