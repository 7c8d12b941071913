"""``kg eval``: the table, the JSON object (stable keys) and the per-article error listing."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()


def _run(*args):
    return runner.invoke(app, ["eval", *map(str, args)])


def test_json_output_has_the_stable_keys_and_the_known_figures(gold_dir, system_store_dir):
    res = _run(gold_dir, "--store", system_store_dir, "--no-build", "--format", "json")
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert set(out["kinds"]) == {"actors", "deployments", "statements", "agreements"}
    for figures in out["kinds"].values():
        assert set(figures) == {"p", "r", "f1", "tp", "gold", "system"}
    # known answers for tests/eval/data (see the comment at the top of system.trig)
    assert out["kinds"]["deployments"] == {"p": 1.0, "r": 0.6667, "f1": 0.8, "tp": 2, "gold": 3, "system": 2}
    assert out["kinds"]["statements"] == {"p": 0.8, "r": 1.0, "f1": 0.8889, "tp": 4, "gold": 4, "system": 5}
    assert out["kinds"]["actors"]["tp"] == 6 and out["kinds"]["agreements"]["f1"] == 1.0
    assert set(out["linking"]) >= {"accuracy", "correct", "total", "wrong", "severe"}
    assert out["linking"]["wrong"][0]["gold_qid"] == "Q33" and out["linking"]["severe"] == 1
    assert "destination_accuracy" in out
    assert set(out["articles"]) == {"a01", "b02"}
    b02 = out["articles"]["b02"]
    assert b02["found"] is True and b02["url"] == "file:///tmp/gold/b02.txt"
    assert b02["missed"]["deployments"][0]["modality"] == "denied"
    assert b02["invented"]["statements"][0]["speaker"] == "Finland [Q34]"
    assert out["system_articles_without_gold"] == ["https://example.org/other"]


def test_table_and_error_listing(gold_dir, system_store_dir):
    res = runner.invoke(app, ["eval", str(gold_dir), "--store", str(system_store_dir), "--no-build"],
                        env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.output
    text = res.output
    assert "deployments" in text and "0.667" in text and "0.889" in text
    assert "destination accuracy:" in text and "linking accuracy: 0.750 (3/4" in text
    assert "a01: no errors" in text
    assert "missed deployment: Russia troops=None to Republic of Karelia" in text
    assert "invented statement: Finland [Q34]" in text
    quiet = runner.invoke(app, ["eval", str(gold_dir), "--store", str(system_store_dir),
                                "--no-build", "--no-errors"], env={"COLUMNS": "200"})
    assert quiet.exit_code == 0 and "missed deployment" not in quiet.output
    assert "linking accuracy" in quiet.output


def test_bad_input_is_one_line_and_exit_2(gold_dir, tmp_path):
    res = _run(tmp_path / "nope", "--no-build", "--store", tmp_path)
    assert res.exit_code == 2 and "gold folder not found" in res.output
    res = _run(gold_dir, "--no-build")
    assert res.exit_code == 2 and "--no-build needs --store DIR" in res.output
    res = _run(gold_dir, "--no-build", "--store", tmp_path / "missing")
    assert res.exit_code == 2 and "store not found" in res.output


@pytest.mark.model
@pytest.mark.slow
def test_builds_the_gold_folder_with_the_real_pipeline(gold_dir):
    """End to end: our own two articles through `kg build` into a temporary store, then scored."""
    res = _run(gold_dir, "--json")
    assert res.exit_code == 0, res.output
    out = json.loads(res.output[res.output.index("{"):])
    # the file: URIs written by the build must be matched to the gold ids
    assert all(a["found"] for a in out["articles"].values()), out["articles"]
    assert out["store"] is None  # the temporary store is removed
    assert out["kinds"]["actors"]["system"] > 0
