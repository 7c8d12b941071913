import csv
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "build_alias_index.py"
SHIPPED = REPO / "kg" / "link" / "data" / "aliases.tsv"


def test_build_is_deterministic_and_matches_the_committed_index(tmp_path, shared_dir):
    outs = []
    for i in range(2):
        out = tmp_path / f"a{i}.tsv"
        subprocess.run([sys.executable, str(SCRIPT), "--shared", str(shared_dir / "data"),
                        "--out", str(out)], check=True, capture_output=True)
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    assert outs[0] == SHIPPED.read_bytes(), "aliases.tsv is stale: run scripts/build_alias_index.py"


def test_every_qid_has_provenance_and_comes_from_a_cited_source(shared_dir):
    rows = list(csv.DictReader(SHIPPED.open(encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE))
    assert len(rows) > 3000
    shared_qids = set()
    for f in ("countries.tsv", "wikidata-qids.tsv"):
        for r in csv.DictReader((shared_dir / "data" / f).open(encoding="utf-8"), delimiter="\t",
                                quoting=csv.QUOTE_NONE):
            shared_qids |= {r.get(c) for c in ("qid", "wikidata_qid", "capital_qid") if r.get(c)}
    for r in rows:
        assert r["provenance"], r
        if r["qid"] and r["qid"] not in shared_qids:
            # ids from outside the shared files must cite a repository file (or, as the shared
            # wikidata-qids.tsv does, a file of the search index by its id)
            prov = r["provenance"]
            assert ("/" in prov and any(ext in prov for ext in (".md", ".json", ".tsv", ".yaml"))) \
                or "file id " in prov, r


def test_missing_shared_folder_is_a_clear_error(tmp_path):
    p = subprocess.run([sys.executable, str(SCRIPT), "--shared", str(tmp_path), "--out",
                        str(tmp_path / "x.tsv")], capture_output=True, text=True)
    assert p.returncode == 2 and "not found" in p.stderr
