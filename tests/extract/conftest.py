"""Fixtures for the extractor tests: the trained checkpoint (``KG_MODEL`` may point elsewhere)."""

from __future__ import annotations

import pytest

from kg.config import Config


@pytest.fixture(scope="session")
def model_config() -> Config:
    return Config.resolve(file=None)


@pytest.fixture(scope="session")
def extractor(model_config):
    from kg.extract.extractor import TransformerExtractor

    return TransformerExtractor(model_config)


@pytest.fixture
def run(extractor):
    """Extract one article from text; sentences come from the fallback splitter."""
    from kg.doc import Article
    from kg.extract.extractor import fallback_sentences

    def _run(text: str, lang: str = "id", published: str | None = None):
        art = Article.from_text(text, source="mem:test", lang=lang, published=published)
        art.sentences = fallback_sentences(text)
        extractor.extract([art])
        return art

    return _run
