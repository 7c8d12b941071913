"""The N-Quads path of a Ray build into the embedded store: shards written the way the workers
write them (``kg.distributed._write_shard``), each written into the store with
``EmbeddedStore.write_shard`` as soon as it is finished, in one transaction as a local build
writes a batch (so a kill leaves each article whole or absent: ``tests/store/test_sigkill.py``
kills ``write_articles``, which it uses)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from store_synthetic import article

from kg.errors import StoreError
from kg.store.base import in_graph
from kg.store.embedded import EmbeddedStore

pa = pytest.importorskip("pyarrow")  # comes with ray[data], in the test extra


def shard(tmp_path, arts) -> str:
    """One shard holding ``arts``, written by the Ray build's own write stage."""
    from kg.distributed import _row, _table, _write_shard

    rows = [_row(k, f"{k}.txt", graph=g, nquads=ox.serialize(in_graph(g, q), format=ox.RdfFormat.N_QUADS), quads=len(q))
            for k, (g, _, _, q) in enumerate(arts)]
    paths = {p.as_py().decode() for p in _write_shard(_table(rows), str(tmp_path)).column("nquads")}
    assert len(paths) == 1, paths  # every row names the one shard of its block
    return paths.pop()


def test_a_shard_stores_the_same_quads_as_write_article(tmp_path):
    arts = [article(i) for i in range(3)]
    path = shard(tmp_path, arts)
    with EmbeddedStore(tmp_path / "shard") as s, EmbeddedStore(tmp_path / "tx") as tx:
        written = s.write_shard(path, {g: [] for g, *_ in arts})
        for g, _, _, q in arts:
            tx.write_article(g, q)
        assert written == {g: len(q) for g, _, _, q in arts}
        assert set(s.store) == set(tx.store)
        assert [s.article_state(sha, url) for _, sha, url, _ in arts] == ["same"] * 3


def test_a_changed_article_replaces_its_old_graph(tmp_path):
    old_g, _, url, old_q = article(3, version=1)
    new_g, new_sha, _, new_q = article(3, version=2)
    other = article(4)
    path = shard(tmp_path, [(new_g, new_sha, url, new_q), other])
    with EmbeddedStore(tmp_path / "s") as s:
        s.write_article(old_g, old_q)
        assert s.article_state(new_sha, url) == "changed"
        s.write_shard(path, {new_g: s.graphs_for_url(url), other[0]: []})
        assert s.named_graphs() == sorted([new_g, other[0]])
        assert s.article_state(new_sha, url) == "same"
        assert set(s.graph_quads(new_g)) == set(in_graph(new_g, new_q))


def test_a_shard_with_a_graph_outside_the_build_writes_nothing(tmp_path):
    arts = [article(i) for i in range(2)]
    path = shard(tmp_path, arts)
    with EmbeddedStore(tmp_path / "s") as s:
        with pytest.raises(StoreError, match="outside the articles being built"):
            s.write_shard(path, {arts[0][0]: []})  # the second graph is not one this build makes
        assert s.count() == 0
