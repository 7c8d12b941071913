"""Fixtures for the competency-query tests: an in-memory store of the hand-built articles."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parents[1]
if str(TESTS) not in sys.path:  # tests/fixtures_articles.py
    sys.path.insert(0, str(TESTS))

REPO = TESTS.parent
QUERIES = REPO / "queries"
GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.fixture(scope="session")
def fixture_store():
    """A pyoxigraph Store with the ontology graph and the three hand-built articles' graphs."""
    import pyoxigraph

    from fixtures_articles import fixture_articles
    from kg.config import Config
    from kg.rdf.mapping import article_to_quads, ontology_quads

    store = pyoxigraph.Store()
    store.extend(ontology_quads())
    for article in fixture_articles():
        store.extend(article_to_quads(article, Config()))
    return store
