"""Fixtures for the RDF tests: the hand-built articles and a default config."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parents[1]
if str(TESTS) not in sys.path:  # tests/fixtures_articles.py
    sys.path.insert(0, str(TESTS))

REPO = TESTS.parent
SHARED = REPO.parent / "shared"
GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.fixture
def cfg():
    from kg.config import Config

    return Config()
