"""The bulk path of a Ray build into the embedded store: N-Quads shards written the way the
workers write them, loaded with ``EmbeddedStore.bulk_write``; the store's contract holds (an
article counts as stored only once its ``kg:sha256`` marker is in, so a load killed before the
markers is redone by the next run, and a changed article replaces its old graph)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from store_synthetic import article

from kg.store.base import KG_SHA256, in_graph
from kg.store.embedded import EmbeddedStore

pa = pytest.importorskip("pyarrow")  # comes with ray[data], in the test extra


def shards(tmp_path, arts) -> list[str]:
    """One shard per article, written by the Ray build's own write stage."""
    from kg.distributed import _row, _table, _write_shard

    rows = [_row(k, f"{k}.txt", graph=g, nquads=ox.serialize(in_graph(g, q), format=ox.RdfFormat.N_QUADS), quads=len(q))
            for k, (g, _, _, q) in enumerate(arts)]
    out = []
    for r in rows:
        table = _write_shard(_table([r]), str(tmp_path))
        out.append(table.column("nquads")[0].as_py().decode())
    return out


def test_bulk_write_stores_the_same_quads_as_write_article(tmp_path):
    arts = [article(i) for i in range(3)]
    prefixes = shards(tmp_path, arts)
    with EmbeddedStore(tmp_path / "bulk") as bulk, EmbeddedStore(tmp_path / "tx") as tx:
        bulk.bulk_write([p + ".nq" for p in prefixes], [p + ".marks.nq" for p in prefixes], {g: [] for g, *_ in arts})
        for g, _, _, q in arts:
            tx.write_article(g, q)
        assert set(bulk.store) == set(tx.store)
        assert [bulk.article_state(sha, url) for _, sha, url, _ in arts] == ["same"] * 3
    # the markers file holds exactly the kg:sha256 quads, the shard everything else
    marks = list(ox.parse(path=prefixes[0] + ".marks.nq", format=ox.RdfFormat.N_QUADS))
    assert [q.predicate for q in marks] == [KG_SHA256]
    assert all(q.predicate != KG_SHA256 for q in ox.parse(path=prefixes[0] + ".nq", format=ox.RdfFormat.N_QUADS))


def test_a_load_killed_before_the_markers_is_redone(tmp_path):
    g, sha, url, quads = article(7)
    (p,) = shards(tmp_path, [(g, sha, url, quads)])
    with EmbeddedStore(tmp_path / "s") as s:
        s.store.bulk_load(path=p + ".nq", format=ox.RdfFormat.N_QUADS)  # killed here: no markers
        assert s.article_state(sha, url) != "same"  # the next run extracts it again
        s.bulk_write([p + ".nq"], [p + ".marks.nq"], {g: []})
        assert s.article_state(sha, url) == "same"
        assert set(s.graph_quads(g)) == set(in_graph(g, quads))


def test_a_changed_article_replaces_its_old_graph(tmp_path):
    old_g, _, url, old_q = article(3, version=1)
    new_g, new_sha, _, new_q = article(3, version=2)
    (p,) = shards(tmp_path, [(new_g, new_sha, url, new_q)])
    with EmbeddedStore(tmp_path / "s") as s:
        s.write_article(old_g, old_q)
        assert s.article_state(new_sha, url) == "changed"
        s.bulk_write([p + ".nq"], [p + ".marks.nq"], {new_g: s.graphs_for_url(url)})
        assert s.named_graphs() == [new_g]
        assert s.article_state(new_sha, url) == "same"
