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


EVIDENCE = "SELECT ?e ?ev WHERE { ?e <https://w3id.org/warta/ontology#evidence> ?ev } ORDER BY ?e"


def test_table_fits_the_terminal_cutting_long_values_with_an_ellipsis(query_store):
    r = runner.invoke(app, ["query", EVIDENCE, "--store", str(query_store)], env={"COLUMNS": "60"})
    assert r.exit_code == 0, r.output
    lines = [ln for ln in r.stdout.splitlines() if ln.strip()]
    assert max(len(ln) for ln in lines) <= 60, r.stdout
    assert "…" in r.stdout  # evidence cut, not wrapped
    body = [ln for ln in lines if "kgr:event/" in ln]
    assert len(body) == 10  # one line per row: nothing wrapped onto a second line


def test_limit_keeps_the_first_rows_and_says_more_exist(query_store):
    r = kg("query", DEPLOYMENTS, "--store", str(query_store), "--limit", "3", "-f", "csv")
    assert r.exit_code == 0, r.output
    rows = list(csv.reader(io.StringIO(r.stdout)))
    assert len(rows) == 4 and rows[1][1] == "1001"
    t = kg("query", DEPLOYMENTS, "--store", str(query_store), "-n", "3")
    assert "first 3 rows (--limit; more exist)" in t.output


def test_xml_results_and_construct_as_jsonld_and_rdfxml(query_store):
    import xml.etree.ElementTree as ET

    r = kg("query", DEPLOYMENTS, "--store", str(query_store), "-f", "xml")
    assert r.exit_code == 0, r.output
    ns = {"s": "http://www.w3.org/2005/sparql-results#"}
    root = ET.fromstring(r.stdout)
    assert [v.get("name") for v in root.findall("s:head/s:variable", ns)] == ["e", "n"]
    results = root.findall("s:results/s:result", ns)
    assert len(results) == 10 and results[0].find("s:binding[@name='n']/s:literal", ns).text == "1001"
    construct = "CONSTRUCT WHERE { ?e <https://w3id.org/warta/ontology#troopCount> ?n }"
    for fmt, rdflib_fmt in (("jsonld", "json-ld"), ("xml", "xml")):
        c = kg("query", construct, "--store", str(query_store), "-f", fmt)
        assert c.exit_code == 0, c.output
        import rdflib

        assert len(rdflib.Graph().parse(data=c.stdout, format=rdflib_fmt)) == 10
    bad = kg("query", DEPLOYMENTS, "--store", str(query_store), "-f", "jsonld")
    assert bad.exit_code == 2 and "CONSTRUCT/DESCRIBE" in bad.output


def test_a_query_on_an_idle_store_does_not_keep_a_build_out(query_store):
    """`kg query` opens the store read-only: while its result is open, a writer can still open it."""
    from kg.query.run import open_for_query

    reader = open_for_query(str(query_store))
    try:
        code = f"from kg.store.embedded import EmbeddedStore\nwith EmbeddedStore({str(query_store)!r}) as s: print(s.count())"
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
        assert out.returncode == 0, out.stderr
        assert int(out.stdout) > 0
    finally:
        reader.close()
