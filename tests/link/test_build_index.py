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


def _build_module():
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_alias_index", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_seat_of_government_metonyms_name_the_state_by_its_countries_tsv_id(shared_dir):
    """"Kreml", "Casa Blanca", "Bundesregierung": the state's id, joined on ISO3, never typed."""
    qid_of = {r["iso3"]: r["wikidata_qid"] for r in csv.DictReader(
        (shared_dir / "data" / "countries.tsv").open(encoding="utf-8"), delimiter="\t")}
    rows = list(csv.DictReader(SHIPPED.open(encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE))
    metonyms = [r for r in rows if r["form"] == "metonym" and r["type"] == "Country"]
    assert {"Kreml", "Casa Blanca", "Maison-Blanche", "Weißes Haus", "Moncloa", "Zhongnanhai",
            "Bundesregierung", "Kanzleramt"} <= {r["alias"] for r in metonyms}
    for r in metonyms:
        assert r["role"] == "government" and r["qid"] == qid_of[r["country"]], r


def test_a_metonym_another_entity_bears_is_dropped(shared_dir, monkeypatch):
    mod = _build_module()
    monkeypatch.setattr(mod, "COUNTRY_ALIASES", mod.COUNTRY_ALIASES + [("Moscow", "en", "USA", "metonym", "clash")])
    amb = mod.Ambiguous()
    rows = mod.build_rows(shared_dir / "data", amb)
    moscow = [r for r in rows if r["alias"] == "Moscow"]
    assert moscow and all(r["qid"] in {"Q159", "Q649"} for r in moscow)  # the capital rows stay, the clash goes
    dropped = {r["key"]: r for r in amb.rows()}["moscow"]
    assert "Q30" in dropped["qids"].split(";") and "COUNTRY_ALIASES" in dropped["why"]
