"""EmbeddedStore: per-article replace semantics, article state, lock, ontology, dump."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Quad
from store_synthetic import article

from kg.errors import StoreError
from kg.store.base import ONTOLOGY_GRAPH
from kg.store.embedded import EmbeddedStore


@pytest.fixture
def store(tmp_path: Path):
    s = EmbeddedStore(tmp_path / "s")
    yield s
    s.close()


def test_writing_the_same_article_twice_keeps_one_copy(store):
    g, sha, url, quads = article(1)
    assert store.article_state(sha, url) == "new"
    store.write_article(g, quads)
    assert store.count() == len(quads) == 125
    store.write_article(g, quads)
    assert store.count() == len(quads)
    assert store.article_state(sha, url) == "same"
    assert store.named_graphs() == [g]


def test_changed_text_replaces_the_old_graph(store):
    g1, sha1, url, q1 = article(7, version=1)
    store.write_article(g1, q1)
    g2, sha2, url2, q2 = article(7, version=2)
    assert url2 == url and g2 != g1
    assert store.article_state(sha2, url) == "changed"
    old = store.graphs_for_url(url)
    assert old == [g1]
    store.write_article(g2, q2, replaces=old)
    assert store.named_graphs() == [g2]
    assert store.count() == len(q2)
    assert store.article_state(sha1, url) == "changed"  # v1 is gone; the URL now holds v2
    assert store.article_state(sha2, url) == "same"


def test_shared_actor_survives_replacing_one_article(store):
    # articles 0 and 5 share actor Q0; replacing article 0 must leave article 5's triples about it
    for i in (0, 5):
        g, _s, _u, q = article(i)
        store.write_article(g, q)
    g0b, _s, url0, q0b = article(0, version=2)
    store.write_article(g0b, q0b, replaces=store.graphs_for_url(url0))
    r = store.query(
        "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { <https://w3id.org/warta/resource/actor/Q0> "
        "<https://w3id.org/warta/ontology#mentionedIn> ?a }"
    )
    assert int(next(iter(r))[0].value) == 2


def test_triples_and_default_graph_quads_go_into_the_article_graph(store):
    g = "https://w3id.org/warta/resource/graph/x"
    s, p = NamedNode("http://ex/s"), NamedNode("http://ex/p")
    store.write_article(g, [Quad(s, p, Literal("a"), DefaultGraph())])
    assert [q.graph_name.value for q in store.graph_quads(g)] == [g]


def test_quad_for_another_graph_is_refused_and_nothing_is_written(store):
    g = "https://w3id.org/warta/resource/graph/x"
    s, p = NamedNode("http://ex/s"), NamedNode("http://ex/p")
    with pytest.raises(StoreError, match="belongs to graph"):
        store.write_article(g, [Quad(s, p, Literal("a"), NamedNode(g)), Quad(s, p, Literal("b"), NamedNode("http://ex/other"))])
    assert store.count() == 0


def test_second_writer_process_gets_a_plain_message(store):
    code = (
        "from kg.store.embedded import EmbeddedStore\n"
        "from kg.errors import StoreError\n"
        f"try:\n    EmbeddedStore({store.path!r})\nexcept StoreError as e:\n    print(e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    # a build holds it, not a server: the message says so (it used to guess "a running `kg serve`?")
    assert "store is in use by another process: a `kg build` (or a `kg serve --writable`) is writing it" in out.stdout
    assert "kg serve`?" not in out.stdout
    assert "build to another --store" in out.stdout


def test_ontology_written_once_and_replaced_when_changed(store):
    onto = [
        Quad(NamedNode("https://w3id.org/warta/ontology#Actor"), NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), Literal("Actor", language="en")),
        Quad(BlankNode(), NamedNode("http://www.w3.org/2002/07/owl#unionOf"), BlankNode()),  # blank nodes compare canonically
    ]
    assert store.ensure_ontology(onto) is True
    assert store.ensure_ontology(onto) is False
    assert store.ensure_ontology([onto[0], Quad(BlankNode(), NamedNode("http://www.w3.org/2002/07/owl#unionOf"), BlankNode())]) is False
    changed = onto[:1] + [Quad(NamedNode("https://w3id.org/warta/ontology#Actor"), NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), Literal("Aktor", language="id"))]
    assert store.ensure_ontology(changed) is True
    labels = sorted(str(q.object) for q in store.graph_quads(ONTOLOGY_GRAPH))
    assert labels == ['"Actor"@en', '"Aktor"@id']


def test_query_sees_named_graphs_through_the_union_default_graph(store):
    g, _s, _u, q = article(2)
    store.write_article(g, q)
    ask = "ASK { ?e a <https://w3id.org/warta/ontology#Deployment> }"
    assert bool(store.query(ask)) is True
    assert bool(store.query(ask, union=False)) is False


def test_dump_nquads_round_trips(store, tmp_path):
    g, _s, _u, q = article(3)
    store.write_article(g, q)
    out = tmp_path / "dump.nq"
    store.dump(out, "nq")
    lines = [x for x in out.read_text(encoding="utf-8").splitlines() if x]
    assert len(lines) == len(q)
    with pytest.raises(StoreError, match="holds one graph"):
        store.dump(tmp_path / "x.ttl", "ttl")
    store.dump(tmp_path / "g.ttl", "ttl", graph=g)
    assert "Deployment" in (tmp_path / "g.ttl").read_text(encoding="utf-8")


def test_missing_store_is_not_created_for_reading(tmp_path):
    with pytest.raises(StoreError, match="no store here"):
        EmbeddedStore(tmp_path / "nothing", create=False)
    assert not (tmp_path / "nothing").exists()


def test_a_folder_of_other_files_is_not_turned_into_a_store(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text("Korea Utara mengirim pasukan.", encoding="utf-8")
    with pytest.raises(StoreError, match="not a store"):
        EmbeddedStore(articles)
    assert sorted(p.name for p in articles.iterdir()) == ["a.txt"]
