"""`kg stats`: counts by kind and language, top articles and actors, as a table or JSON."""

from __future__ import annotations

import json

from pyoxigraph import Literal, NamedNode, Quad
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()
KGR = "https://w3id.org/warta/resource/"
SKOS_PREF = NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")


def test_stats_as_json_count_what_the_store_holds(query_store):
    from kg.store.embedded import EmbeddedStore

    with EmbeddedStore(query_store) as s:  # actor Q1 gets a display name; Q0 keeps its rdfs:label
        g = NamedNode(KGR + "graph/extra")
        s.store.extend([
            Quad(NamedNode(KGR + "actor/Q1"), SKOS_PREF, Literal("Republic of One", language="en"), g),
            Quad(NamedNode(KGR + "actor/Q1"), SKOS_PREF, Literal("Republik Satu", language="id"), g),
        ])
    r = runner.invoke(app, ["stats", "--store", str(query_store), "--format", "json", "--top", "1"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["kinds"] == {"articles": 2, "actors": 2, "linkedActors": 0, "deployments": 10,
                             "statements": 0, "agreements": 0}
    assert data["languages"] == {"unknown": 2}
    assert len(data["articles"]) == 1 and data["articles"][0]["events"] == 5
    assert data["articles"][0]["url"].startswith("file:///news/")
    assert data["actors"] == [{"iri": KGR + "actor/Q1", "label": "Republic of One", "events": 5, "articles": 1}] or \
        data["actors"] == [{"iri": KGR + "actor/Q0", "label": "Aktor 0", "events": 5, "articles": 1}]
    both = json.loads(runner.invoke(app, ["stats", "--store", str(query_store), "-f", "json"]).stdout)["actors"]
    assert {a["label"] for a in both} == {"Republic of One", "Aktor 0"}  # prefLabel (en) first, rdfs:label after


def test_stats_table(query_store):
    r = runner.invoke(app, ["stats", "--store", str(query_store)], env={"COLUMNS": "100"})
    assert r.exit_code == 0, r.output
    for heading in ("deployments", "by language", "articles with the most events", "actors in the most events", "Aktor 0"):
        assert heading in r.stdout
    assert max(len(ln) for ln in r.stdout.splitlines()) <= 100


def test_stats_on_a_missing_store_names_it(tmp_path):
    r = runner.invoke(app, ["stats", "--store", str(tmp_path / "nope")])
    assert r.exit_code == 2 and "nope" in r.output and "no store here" in r.output


def test_version():
    from kg import __version__

    r = runner.invoke(app, ["--version"])
    assert r.exit_code == 0 and r.stdout.strip() == f"warta {__version__}"


import pytest  # noqa: E402


@pytest.mark.server
def test_stats_from_an_endpoint_equal_stats_from_the_store(query_store):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
    from store_helpers import KgServe

    local = json.loads(runner.invoke(app, ["stats", "--store", str(query_store), "-f", "json"]).stdout)
    server = KgServe(query_store)
    try:
        for url in (server.base, server.base + "/query"):
            r = runner.invoke(app, ["stats", "--endpoint", url, "-f", "json"])
            assert r.exit_code == 0, r.output
            remote = json.loads(r.stdout)
            assert {k: v for k, v in remote.items() if k != "source"} == {k: v for k, v in local.items() if k != "source"}
    finally:
        assert server.stop() == 0
