"""run_query and the renderers: union default graph, W3C result formats, located errors."""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
import pytest
import rdflib

from kg.errors import QueryError, StoreError
from kg.query.render import render, to_csv, to_json, to_tsv
from kg.query.run import run_query

COUNTS = """PREFIX kg: <https://w3id.org/warta/ontology#>
SELECT ?e ?n ?label WHERE {
  ?e kg:troopCount ?n ; kg:deployingActor ?a .
  OPTIONAL { ?a <http://www.w3.org/2000/01/rdf-schema#label> ?label }
} ORDER BY ?e
"""


def test_select_sees_every_named_graph_without_graph_clause(query_store):
    r = run_query(COUNTS, store_path=str(query_store))
    assert r.form == "SELECT" and r.variables == ["e", "n", "label"]
    assert len(r.rows) == 10
    assert {str(row[2]) for row in r.rows} == {'"Aktor 0"@id', '"Aktor 1"@id'}


def test_json_is_exactly_the_w3c_format_pyoxigraph_writes(query_store):
    from kg.store.embedded import EmbeddedStore

    ours = json.loads(to_json(run_query(COUNTS, store_path=str(query_store))))

    with EmbeddedStore(query_store) as s:
        theirs = json.loads(s.query(COUNTS).serialize(format=ox.QueryResultsFormat.JSON))
    assert ours == theirs


def test_csv_and_tsv_follow_the_w3c_formats(query_store):
    r = run_query(COUNTS, store_path=str(query_store))
    rows = list(csv.reader(io.StringIO(to_csv(r))))
    assert rows[0] == ["e", "n", "label"]
    assert all(r[1].isdigit() for r in rows[1:])
    assert {r[2] for r in rows[1:]} == {"Aktor 0", "Aktor 1"}
    assert to_csv(r).endswith("\r\n")
    tsv = to_tsv(r).splitlines()
    assert tsv[0] == "?e\t?n\t?label"
    assert tsv[1].split("\t")[2] in ('"Aktor 0"@id', '"Aktor 1"@id')
    assert tsv[1].split("\t")[0].startswith("<https://w3id.org/warta/resource/event/")


def test_tabs_and_newlines_in_literals_stay_inside_their_tsv_cell(query_store):
    r = run_query("SELECT ?ev WHERE { ?e <https://w3id.org/warta/ontology#evidence> ?ev } LIMIT 1", store_path=str(query_store))
    lines = to_tsv(r).splitlines()
    assert len(lines) == 2 and "\\t" in lines[1] and "\\n" in lines[1]


def test_ask_and_construct(query_store):
    ask = run_query("ASK { ?e a <https://w3id.org/warta/ontology#Deployment> }", store_path=str(query_store))
    assert ask.boolean is True
    assert json.loads(render(ask, "json")) == {"head": {}, "boolean": True}
    c = run_query(
        "CONSTRUCT { ?e <http://ex/n> ?n } WHERE { ?e <https://w3id.org/warta/ontology#troopCount> ?n }",
        store_path=str(query_store),
    )
    assert c.form == "CONSTRUCT" and len(c.triples) == 10
    g = rdflib.Graph().parse(data=render(c, "turtle"), format="turtle")
    assert len(g) == 10
    nt = render(c, "ntriples")
    assert len(nt.splitlines()) == 10
    with pytest.raises(QueryError, match="turtle, ntriples"):
        render(c, "csv")
    with pytest.raises(QueryError, match="CONSTRUCT/DESCRIBE"):
        render(ask, "turtle")


def test_bad_query_file_is_reported_with_file_line_and_column(query_store, tmp_path):
    bad = tmp_path / "bad.rq"
    bad.write_text(
        "PREFIX kg: <https://w3id.org/warta/ontology#>\nSELECT ?x WHERE {\n  ?x kg:troopCount ?n .\n"
        '  ?x kg:date "2024 .\n  ?x ?q ?r .\n}\n'
    )
    with pytest.raises(QueryError) as e:
        run_query(str(bad), store_path=str(query_store))
    assert e.value.source == f"{bad}:4:21"  # the unterminated string on line 4
    assert "kg:date" in e.value.message


def test_missing_query_file_and_missing_store(query_store, tmp_path):
    with pytest.raises(QueryError, match="no such query file"):
        run_query(str(tmp_path / "nope.rq"), store_path=str(query_store))
    with pytest.raises(StoreError, match="no store here"):
        run_query("ASK {}", store_path=str(tmp_path / "absent"))


def test_updates_are_not_run(query_store):
    with pytest.raises(QueryError, match="not a query"):
        run_query("DELETE WHERE { ?s ?p ?o }", store_path=str(query_store))
    assert run_query("ASK { ?s ?p ?o }", store_path=str(query_store)).boolean is True
