"""Issue 13, defect 6: the same article must give the same graph whatever else is in the batch.

With dynamic int8 quantisation the activation scales were computed per batch, so an article built
alone and inside a 205-article run gave different facts, and a build killed and resumed differed
from an uninterrupted one. Here the real shipped models build the example articles twice: each
article in a build of its own (as a resumed build meets them, one batch at a time) and all of
them in one build (their sentences share padded batches); the two stores must be equal quad for
quad, every article's graph included.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_build import quads

from kg.config import Config
from kg.pipeline import build

pytestmark = [pytest.mark.model, pytest.mark.slow]

ARTICLES = sorted((Path(__file__).resolve().parents[2] / "examples" / "articles").glob("*.txt"))


@pytest.mark.parametrize("model", ["e5", "small"])
def test_each_article_alone_gives_the_graph_it_gets_in_a_batch(tmp_path, model):
    assert len(ARTICLES) >= 5
    cfg = Config().replace(model=model)
    together = tmp_path / "together"
    report = build([str(a) for a in ARTICLES], cfg, store=str(together))
    assert report.ok and len(report.articles) == len(ARTICLES)
    assert sum(len(a.events) for a in report.articles) > 0  # a model that finds nothing proves nothing
    alone = tmp_path / "alone"
    for a in reversed(ARTICLES):  # another order too
        r = build([str(a)], cfg, store=str(alone))
        assert r.ok and len(r.articles) == 1
    assert quads(alone) == quads(together)
