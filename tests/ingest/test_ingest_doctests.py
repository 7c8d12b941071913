"""The docstring examples in kg/ingest are part of the documentation: they must stay true."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["kg.ingest.clean", "kg.ingest.decode", "kg.ingest.dates", "kg.ingest.language", "kg.ingest.paths"]


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
