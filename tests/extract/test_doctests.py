"""The docstring examples of the extraction modules are true."""

import doctest
import importlib

import pytest

MODULES = ["kg.extract.normalize", "kg.extract.spans", "kg.extract.config",
           "kg.extract.extractor", "kg.extract.datagen.assemble", "kg.extract.datagen.variety", "kg.extract.cues", "kg.extract.mentions", "kg.extract.arguments", "kg.extract.claims", "kg.extract.context_agent", "kg.link.demonyms", "kg.link.compounds"]


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0
