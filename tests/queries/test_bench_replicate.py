"""scripts/bench_query.py grows a store by replicating real article graphs: each copy must be a
new, valid article (its own IRIs, sha256, URL, shifted dates) sharing the actor nodes."""

from __future__ import annotations

import importlib.util

import pyoxigraph as ox

from .conftest import REPO


def _bench():
    spec = importlib.util.spec_from_file_location("bench_query", REPO / "scripts" / "bench_query.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_a_replica_is_a_new_valid_article_sharing_the_actors(fixture_store):
    from kg.rdf.validate import validate

    bench = _bench()
    base = [q for q in fixture_store if q.graph_name.value.startswith("https://w3id.org/warta/resource/graph/")]
    copy = bench.replicate(base, 3)
    assert len(copy) == len(base)
    assert not {q.graph_name for q in copy} & {q.graph_name for q in base}
    subjects = lambda qs, part: {q.subject for q in qs if part in q.subject.value}  # noqa: E731
    assert not subjects(copy, "/event/") & subjects(base, "/event/")
    assert not subjects(copy, "/article/") & subjects(base, "/article/")
    assert subjects(copy, "/actor/") == subjects(base, "/actor/")  # shared, as in a real store
    dates = lambda qs: sorted(q.object.value for q in qs if q.predicate.value.endswith("#date")  # noqa: E731
                              and q.object.datatype.value.endswith("#date"))
    assert dates(base) and dates(copy) != dates(base)
    assert validate(base + copy) == []
    both = ox.Store()
    both.extend(base + copy)
    n = "SELECT (COUNT(*) AS ?n) WHERE { ?a a <https://w3id.org/warta/ontology#Article> }"
    assert int(next(iter(both.query(n, use_default_graph_as_union=True)))["n"].value) == 6
