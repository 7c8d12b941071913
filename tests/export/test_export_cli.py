"""``kg export`` and ``kg viz`` from the command line."""

from __future__ import annotations

import subprocess
import sys

import networkx as nx
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()


def test_export_graphml_to_a_file(fixture_store_dir, tmp_path):
    out = tmp_path / "g.graphml"
    r = runner.invoke(app, ["export", "--format", "graphml", "--store", str(fixture_store_dir),
                            "--out", str(out), "--kind", "Deployment"])
    assert r.exit_code == 0, r.output
    g = nx.read_graphml(out)
    assert {a["kind"] for _, a in g.nodes(data=True) if a["category"] == "event"} == {"Deployment"}


def test_export_to_stdout(fixture_store_dir):
    r = runner.invoke(app, ["export", "-f", "nq", "--store", str(fixture_store_dir),
                            "--actor", "Q3874799"])
    assert r.exit_code == 0, r.output
    assert "<http://www.wikidata.org/entity/Q3874799>" in r.stdout


def test_bad_input_is_one_line_and_exit_2(fixture_store_dir, tmp_path):
    r = runner.invoke(app, ["export", "-f", "graphml", "--store", str(fixture_store_dir),
                            "--actor", "Nobody Atall"])
    assert r.exit_code == 2 and "no actor matches 'Nobody Atall'" in r.output
    r = runner.invoke(app, ["export", "-f", "graphml", "--store", str(tmp_path / "missing")])
    assert r.exit_code == 2 and "no store at" in r.output
    r = runner.invoke(app, ["export", "-f", "pdf", "--store", str(fixture_store_dir)])
    assert r.exit_code == 2 and "unknown export format 'pdf'" in r.output


def test_viz_writes_a_self_contained_page(fixture_store_dir, tmp_path):
    out = tmp_path / "explorer.html"
    r = runner.invoke(app, ["viz", "--store", str(fixture_store_dir), "--out", str(out)])
    assert r.exit_code == 0, r.output
    html = out.read_text(encoding="utf-8")
    assert "Korea Utara" in html and "cytoscape" in html
    assert 'src="http' not in html and "<link" not in html  # nothing fetched when opened


def test_export_and_viz_do_not_load_torch(fixture_store_dir, tmp_path):
    code = (
        "import sys\nfrom kg.cli import app\n"
        "for args in (['export','-f','dot','--store',sys.argv[1],'--out',sys.argv[2]+'/g.dot'],"
        " ['viz','--store',sys.argv[1],'--out',sys.argv[2]+'/e.html']):\n"
        "    try:\n        app(args)\n    except SystemExit as e:\n        assert not e.code, e.code\n"
        "print('torch' in sys.modules)\n"
    )
    r = subprocess.run([sys.executable, "-c", code, str(fixture_store_dir), str(tmp_path)],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip().splitlines()[-1] == "False"


import pytest  # noqa: E402


@pytest.mark.server
def test_export_and_viz_take_the_base_url_or_the_query_url(fixture_store_dir, tmp_path):
    """0b39085: the base URL that `kg query --endpoint` takes used to give HTTP 404 here."""
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
    from store_helpers import KgServe

    server = KgServe(fixture_store_dir)
    try:
        counts = []
        for url in (server.base, server.base + "/", server.base + "/query"):
            out = tmp_path / "g.graphml"
            r = runner.invoke(app, ["export", "-f", "graphml", "--endpoint", url, "-o", str(out)])
            assert r.exit_code == 0, r.output
            counts.append(nx.read_graphml(out).number_of_nodes())
            v = runner.invoke(app, ["viz", "--endpoint", url, "-o", str(tmp_path / "e.html")])
            assert v.exit_code == 0, v.output
        assert counts[0] == counts[1] == counts[2] > 0
    finally:
        assert server.stop() == 0
