"""A small store for query tests (synthetic article graphs, no model)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))

from store_synthetic import article  # noqa: E402


@pytest.fixture
def query_store(tmp_path: Path) -> Path:
    """A store with 2 synthetic articles (5 deployments each) in their own named graphs."""
    from kg.store.embedded import EmbeddedStore

    path = tmp_path / "store"
    with EmbeddedStore(path) as s:
        for i in (0, 1):
            g, _sha, _url, quads = article(i, 1, n_events=5)
            s.write_article(g, quads)
    return path
