"""``kg link-check`` explains the decision: the alias row and source that decided, the key it
matched, and for an unlinked name every key tried and why nothing was chosen."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from kg.cli import app
from kg.config import Config
from kg.link.check import link_check
from kg.link.index import load_index


def run(*args):
    return CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})


def test_linked_name_names_the_alias_row_and_its_source():
    link = link_check(["Korea Utara"], Config(), type_="Country")[0]
    why = link.why
    assert (link.qid, why.decision, why.step) == ("Q423", "linked", "exact")
    # the deciding row is a real row of the shipped index, with its provenance
    rows = [e for e in load_index().lookup("Korea Utara") if e.qid == "Q423"]
    assert (why.row["alias"], why.row["qid"]) == ("Korea Utara", "Q423")
    assert why.row["provenance"] in {e.provenance for e in rows} and why.row["provenance"]
    assert [(k.step, k.key, k.rows > 0) for k in why.keys] == [("exact", "korea utara", True)]


def test_titles_and_acronyms_say_which_key_matched():
    why = link_check(["Presiden Joe Biden"], Config())[0].why
    assert [k.step for k in why.keys] == ["exact", "titles-stripped"]
    assert why.step == "titles-stripped" and why.keys[-1].key == "joe biden"
    assert why.row["qid"] == "Q6279"
    why = link_check(["AS"], Config(), type_="Country")[0].why
    assert (why.step, why.keys[0].key, why.row["qid"]) == ("acronym", "AS", "Q30")


def test_unknown_name_lists_the_keys_tried():
    link = link_check(["Zzyzx Qwerty"], Config())[0]
    why = link.why
    assert link.qid is None and why.decision == "unlinked"
    assert why.reason.startswith("no alias row matches any of the keys tried")
    assert [k.step for k in why.keys] == ["exact", "spelling-variant"]
    assert all(k.rows == 0 for k in why.keys) and why.row is None


def test_type_mismatch_and_tie_are_told_apart():
    why = link_check(["Pyongyang"], Config(), type_="Person")[0].why
    assert why.decision == "unlinked" and why.reason.startswith("type mismatch")
    assert why.candidates and all(c.score is None for c in why.candidates)
    why = link_check(["Kim"], Config())[0].why  # two Kims in the index, nothing around the name
    assert why.decision == "unlinked" and why.reason.startswith("ambiguous")
    assert "Q56226" in why.reason


def test_context_and_coreference_are_explained():
    why = link_check(["Kim"], Config(), context="Pemimpin Korea Utara Kim berpidato.")[0].why
    assert why.row["qid"] == "Q56226"
    best = next(c for c in why.candidates if c.row["qid"] == "Q56226")
    assert any("role" in n for n in best.notes) and any("country PRK" in n for n in best.notes)
    why = link_check(["Vladimir Putin", "Putin"], Config())[1].why
    assert why.step == "surname-coreference" and why.via.name == "Vladimir Putin"
    assert why.row["qid"] == "Q7747"


def test_cli_text_explains_linked_and_unlinked():
    r = run("link-check", "Korea Utara", "Zzyzx", "--type", "Country")
    assert r.exit_code == 0, r.output
    linked, unlinked = r.output.split("\n\n")
    assert "Q423" in linked and "alias row: alias='Korea Utara'" in linked and "source: " in linked
    assert "key tried: exact 'korea utara'" in linked
    assert "unlinked" in unlinked and "no alias row matches any of the keys tried" in unlinked
    assert "key tried: exact 'zzyzx'" in unlinked


def test_cli_json():
    r = run("link-check", "Korea Utara", "Zzyzx", "--type", "Country", "--format", "json")
    assert r.exit_code == 0, r.output
    a, b = json.loads(r.output)
    assert a["qid"] == "Q423" and a["why"]["row"]["alias"] == "Korea Utara"
    assert a["why"]["row"]["provenance"] and a["why"]["keys"][0]["step"] == "exact"
    assert b["qid"] is None and b["why"]["decision"] == "unlinked" and b["why"]["keys"]
    r = run("link-check", "X", "--format", "yaml")
    assert r.exit_code == 2 and "unknown format" in r.output


def test_explanations_stay_off_when_not_asked():
    links = link_check(["Korea Utara"], Config(), type_="Country", explain=False)
    assert links[0].qid == "Q423" and links[0].why is None


def test_name_left_out_as_ambiguous_says_which_ids_it_names():
    # rows of kg/link/data/ambiguous.tsv: NSI gives "Gendarmerie nationale" to France's and
    # Algeria's gendarmerie; supraverden gives "SESAME" to two organisations (acronym key)
    link = link_check(["Gendarmerie nationale"], Config(), type_="Organization")[0]
    assert link.qid is None and link.why.decision == "unlinked"
    assert link.why.reason.startswith(
        "'Gendarmerie nationale' was left out of the alias index as ambiguous: it names "
        "Q1422336 (French Gendarmerie) and Q3100409 (Gendarmerie nationale, DZA) "
        "(2 entities of sources/nsi_operators.tsv bear it)")
    why = link_check(["SESAME"], Config(), type_="Organization")[0].why
    assert why.keys[0].step == "acronym" and "left out of the alias index as ambiguous" in why.reason
    assert "Q190023" in why.reason and "Q749440" in why.reason
    out = run("link-check", "Bundespolizei", "--type", "Organization")
    assert out.exit_code == 0
    assert "'Bundespolizei' was left out of the alias index as ambiguous: it names Q56026 " \
           "(Bundespolizei, DEU) and Q700124 (Bundespolizei, AUT)" in out.output


def test_name_in_neither_file_keeps_the_plain_reason():
    from kg.link.index import load_ambiguous

    assert "zzyzx qwerty" not in load_ambiguous() and not load_index().lookup("Zzyzx Qwerty")
    why = link_check(["Zzyzx Qwerty"], Config(), type_="Organization")[0].why
    assert why.reason.startswith("no alias row matches any of the keys tried")
    assert "ambiguous" not in why.reason


def test_build_links_do_not_read_the_ambiguous_table(monkeypatch):
    import kg.link.offline as offline

    def boom():
        raise AssertionError("ambiguous.tsv read without explaining")

    monkeypatch.setattr(offline, "load_ambiguous", boom)
    link = link_check(["Gendarmerie nationale"], Config(), type_="Organization", explain=False)[0]
    assert link.qid is None and link.why is None
