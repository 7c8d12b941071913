"""The gold loader: the format of eval/README.md, with located, plain error messages."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kg.errors import EvalError
from kg.eval.gold import load_gold, load_gold_file


def _copy(gold_dir: Path, tmp_path: Path) -> Path:
    dst = tmp_path / "gold"
    shutil.copytree(gold_dir, dst)
    return dst


def test_loads_our_gold_folder(gold_dir):
    gold = load_gold(gold_dir)
    assert [g.id for g in gold] == ["a01", "b02"]
    a01 = gold[0]
    assert a01.lang == "id" and a01.text.startswith("Kementerian Pertahanan")
    assert a01.actor("north korea").qid == "Q423"
    assert a01.deployments[0].troops == 3000 and a01.deployments[0].qualifier == "about"
    assert a01.statements[1].quote is True
    assert a01.agreements[0].parties == ("Russia", "North Korea")
    assert a01.warnings == ()
    assert a01.text_path.endswith("a01.txt")


def test_loads_the_seed_yardstick(seeds_dir):
    gold = load_gold(seeds_dir)
    assert len(gold) == 5
    assert all(g.warnings == () for g in gold), [g.warnings for g in gold]
    assert sum(len(g.deployments) for g in gold) > 0


def test_bad_field_values_are_listed_with_their_path(gold_dir, tmp_path):
    d = _copy(gold_dir, tmp_path)
    data = json.loads((d / "a01.json").read_text())
    data["deployments"][0]["troops"] = "3k"
    data["deployments"][0]["qualifier"] = "roughly"
    data["statements"][0]["speaker"] = "Nobody Known"
    data["actors"][1]["qid"] = "423"
    (d / "a01.json").write_text(json.dumps(data))
    with pytest.raises(EvalError) as e:
        load_gold(d)
    msg = str(e.value)
    assert "a01.json" in msg
    assert "deployments[0].troops" in msg and "'3k'" in msg
    assert "deployments[0].qualifier: 'roughly' is not one of" in msg
    assert "statements[0].speaker: 'Nobody Known' is not the name of an actor" in msg
    assert "actors[1].qid" in msg
    assert msg.startswith(str(d / "a01.json")) and "4 problem(s)" in msg


def test_invalid_json_reports_line_and_column(gold_dir, tmp_path):
    d = _copy(gold_dir, tmp_path)
    (d / "b02.json").write_text('{\n  "id": "b02",\n  "lang": "en",,\n}')
    with pytest.raises(EvalError) as e:
        load_gold(d)
    assert e.value.source == f"{d / 'b02.json'}:3:16"  # the second comma
    assert "invalid JSON" in str(e.value)


def test_missing_text_file(gold_dir, tmp_path):
    d = _copy(gold_dir, tmp_path)
    (d / "b02.txt").unlink()
    with pytest.raises(EvalError, match=r"no article text beside the annotation \(expected b02.txt\)"):
        load_gold(d)


def test_id_must_match_file_name(gold_dir, tmp_path):
    d = _copy(gold_dir, tmp_path)
    (d / "a01.json").rename(d / "zz.json")
    (d / "a01.txt").rename(d / "zz.txt")
    with pytest.raises(EvalError, match="does not match the file name 'zz'"):
        load_gold_file(d / "zz.json")


def test_agreement_needs_two_parties_and_missing_keys_are_named(gold_dir, tmp_path):
    d = _copy(gold_dir, tmp_path)
    data = json.loads((d / "a01.json").read_text())
    data["agreements"][0]["parties"] = ["Russia"]
    del data["lang"]
    (d / "a01.json").write_text(json.dumps(data))
    with pytest.raises(EvalError) as e:
        load_gold(d)
    assert "agreements[0].parties: expected at least 2 item(s), got 1" in str(e.value)
    assert "lang: expected a non-empty string (missing)" in str(e.value)


def test_empty_or_missing_folder(tmp_path):
    with pytest.raises(EvalError, match="no <id>.json gold files"):
        load_gold(tmp_path)
    with pytest.raises(EvalError, match="gold folder not found"):
        load_gold(tmp_path / "nope")


def test_text_mismatches_are_warnings_not_errors(gold_dir, tmp_path):
    d = _copy(gold_dir, tmp_path)
    data = json.loads((d / "b02.json").read_text())
    data["statements"][0]["evidence"] = "words that are not in the article"
    data["actors"][0]["mentions"].append("E. Valtonen")
    (d / "b02.json").write_text(json.dumps(data))
    g = load_gold_file(d / "b02.json")
    assert "statements[0].evidence is not an exact substring of the text" in g.warnings
    assert "actors[0].mentions: 'E. Valtonen' does not occur in the text" in g.warnings
