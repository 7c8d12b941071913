"""Fixtures for store and server tests: synthetic stores and a real `kg serve` subprocess."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from store_helpers import KgServe, fill_store  # noqa: E402


@pytest.fixture
def filled_store(tmp_path: Path) -> tuple[Path, list]:
    store = tmp_path / "store"
    arts = fill_store(store)
    return store, arts


@pytest.fixture
def kg_serve(filled_store):
    """`kg serve` (read-only) on a store with 3 synthetic articles."""
    store, arts = filled_store
    server = KgServe(store)
    yield server, store, arts
    server.stop()


@pytest.fixture
def kg_serve_writable(tmp_path: Path):
    """`kg serve --writable` on an empty store directory."""
    server = KgServe(tmp_path / "wstore", "--writable")
    yield server
    server.stop()
