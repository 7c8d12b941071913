import csv
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "build_alias_index.py"
SHIPPED = REPO / "kg" / "link" / "data" / "aliases.tsv"
SHIPPED_AMBIGUOUS = REPO / "kg" / "link" / "data" / "ambiguous.tsv"


def test_build_is_deterministic_and_matches_the_committed_index(tmp_path, shared_dir):
    outs, sides = [], []
    for i in range(2):
        out, side = tmp_path / f"a{i}.tsv", tmp_path / f"amb{i}.tsv"
        subprocess.run([sys.executable, str(SCRIPT), "--shared", str(shared_dir / "data"),
                        "--out", str(out), "--ambiguous-out", str(side)], check=True, capture_output=True)
        outs.append(out.read_bytes())
        sides.append(side.read_bytes())
    assert outs[0] == outs[1] and sides[0] == sides[1]
    assert outs[0] == SHIPPED.read_bytes(), "aliases.tsv is stale: run scripts/build_alias_index.py"
    assert sides[0] == SHIPPED_AMBIGUOUS.read_bytes(), "ambiguous.tsv is stale: run scripts/build_alias_index.py"


def test_ambiguous_sidecar_lists_dropped_forms_with_two_ids_each():
    rows = list(csv.DictReader(SHIPPED_AMBIGUOUS.open(encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE))
    by_key = {r["key"]: r for r in rows}
    assert [r["key"] for r in rows] == sorted(by_key)  # one row per key, sorted
    # France's and Algeria's gendarmerie share the name in NSI: dropped from the index, listed here
    g = by_key["gendarmerie nationale"]
    assert g["qids"] == "Q1422336;Q3100409" and "nsi_operators.tsv" in g["why"]
    assert by_key["congolese"]["qids"] == "Q971;Q974"  # both Congos
    for r in rows:
        assert len(r["qids"].split(";")) >= 2 and len(r["labels"].split(";")) == len(r["qids"].split(";")), r
        assert r["why"], r
    from kg.link.index import load_index

    assert not load_index(SHIPPED).lookup("Gendarmerie nationale") and not load_index(SHIPPED).lookup("SESAME")
