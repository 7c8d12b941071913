"""`kg query` as a user runs it: table, CSV, JSON, turtle output; errors name file and line."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()
DEPLOYMENTS = "SELECT ?e ?n WHERE { ?e <https://w3id.org/warta/ontology#troopCount> ?n } ORDER BY ?n"


def kg(*args: str):
    return runner.invoke(app, list(args))


def test_table_shortens_iris_with_the_warta_prefixes(query_store):
    r = kg("query", DEPLOYMENTS, "--store", str(query_store))
    assert r.exit_code == 0, r.output
    assert "kgr:event/" in r.output and "1001" in r.output
    assert "10 rows" in r.output


def test_csv_output(query_store):
    r = kg("query", DEPLOYMENTS, "--store", str(query_store), "--format", "csv")
    assert r.exit_code == 0, r.output
    rows = list(csv.reader(io.StringIO(r.stdout)))
    assert rows[0] == ["e", "n"] and len(rows) == 11
    assert rows[1][0].startswith("https://w3id.org/warta/resource/event/") and rows[1][1] == "1001"


def test_json_output_from_a_query_file(query_store, tmp_path):
    q = tmp_path / "deployments.rq"
    q.write_text("# troop counts\n" + DEPLOYMENTS + "\n", encoding="utf-8")
    r = kg("query", str(q), "--store", str(query_store), "-f", "json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["head"]["vars"] == ["e", "n"]
    assert data["results"]["bindings"][0]["n"] == {
        "type": "literal", "value": "1001", "datatype": "http://www.w3.org/2001/XMLSchema#integer"
    }


def test_construct_as_turtle(query_store):
    r = kg("query", "CONSTRUCT WHERE { ?e <https://w3id.org/warta/ontology#troopCount> ?n }", "--store", str(query_store), "-f", "turtle")
    assert r.exit_code == 0, r.output
    assert "@prefix kg: <https://w3id.org/warta/ontology#> ." in r.stdout
    assert r.stdout.count("kg:troopCount") == 10


def test_bad_query_file_exits_2_naming_file_and_line(query_store, tmp_path):
    bad = tmp_path / "broken.rq"
    bad.write_text("SELECT ?x WHRE {\n  ?x ?p ?o .\n}\n", encoding="utf-8")
    r = subprocess.run(
        [str(Path(sys.executable).parent / "kg"), "query", str(bad), "--store", str(query_store)],
        capture_output=True, text=True, timeout=60,
    )
    assert r.returncode == 2
    assert f"{bad}:1:" in r.stderr and "SPARQL syntax error" in r.stderr
    assert "Traceback" not in r.stderr


def test_unknown_format_is_a_clear_error(query_store):
    r = kg("query", DEPLOYMENTS, "--store", str(query_store), "-f", "yaml")
    assert r.exit_code == 2
    assert "unknown output format" in r.output


def test_query_and_serve_do_not_import_torch(query_store):
    code = (
        "import sys\nfrom kg.cli import app\n"
        f"try:\n    app(['query', 'ASK {{}}', '--store', {str(query_store)!r}])\nexcept SystemExit:\n    pass\n"
        "import kg.store.server, kg.store.remote\nfrom kg.cli.serve import _explorer_page\n"
        "_explorer_page('http://127.0.0.1:7878/query')\n"
        "print('torch' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip().endswith("False"), out.stdout + out.stderr


@pytest.mark.server
def test_query_an_endpoint_and_the_store_beside_a_running_server(query_store):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
    from store_helpers import KgServe

    server = KgServe(query_store)
    try:
        r = kg("query", DEPLOYMENTS, "--endpoint", server.base, "-f", "csv")
        assert r.exit_code == 0, r.output
        assert len(r.stdout.splitlines()) == 11
        # the store directory itself stays readable while the read-only server holds it
        r2 = kg("query", DEPLOYMENTS, "--store", str(query_store), "-f", "csv")
        assert r2.exit_code == 0, r2.output
        assert r2.stdout == r.stdout
        bad = kg("query", "SELECT ?x WHRE { ?x ?p ?o }", "--endpoint", server.base)
        assert bad.exit_code == 2 and "query:1:" in bad.output
    finally:
        assert server.stop() == 0


def test_query_while_a_build_writes_the_store_says_so(query_store):
    from kg.store.embedded import EmbeddedStore

    with EmbeddedStore(query_store):  # this process plays the running build
        r = subprocess.run(
            [str(Path(sys.executable).parent / "kg"), "query", "ASK {}", "--store", str(query_store)],
            capture_output=True, text=True, timeout=60,
        )
    assert r.returncode == 2
    assert "being written by another process" in r.stderr and "--endpoint" in r.stderr
