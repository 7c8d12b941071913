from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import fixture_extractor  # noqa: E402

fixture_extractor.register()

BOOT = (
    "import sys; sys.path.insert(0, {here!r}); import fixture_extractor; "
    "fixture_extractor.register(); from kg.cli import main; sys.argv = ['kg'] + sys.argv[1:]; main()"
)


def run_kg(*args: str, env: dict | None = None, **kw) -> subprocess.CompletedProcess:
    """Run the real ``kg`` CLI in a subprocess, with the hand-built fixture extractor registered."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-c", BOOT.format(here=str(HERE)), *args],
        capture_output=True, text=True, env=full_env, **kw,
    )


@pytest.fixture
def articles_dir(tmp_path: Path) -> Path:
    d = tmp_path / "articles"
    shutil.copytree(HERE / "data", d)
    return d


@pytest.fixture
def fixture_config(tmp_path: Path):
    from kg.config import Config

    return Config().replace(extractor=fixture_extractor.NAME, store=str(tmp_path / "store"))
