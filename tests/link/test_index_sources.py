"""The alias index rows derived from the transcribed source tables (kg/link/data/sources/):
states and capitals in six languages, institutions with their state, people, and the rules that
keep a form from naming two entities."""

import csv
from pathlib import Path

import pytest

from kg.config import Config
from kg.link.keys import fold, is_acronym
from kg.link.offline import OfflineLinker

from link_helpers import linked

REPO = Path(__file__).resolve().parents[2]

DATA = Path(__file__).resolve().parents[2] / "kg" / "link" / "data"


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        if path.parent.name == "sources":
            f.readline()  # the citation line
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.fixture(scope="module")
def lk():
    return OfflineLinker(config=Config())


@pytest.fixture(scope="module")
def index_rows():
    return rows(DATA / "aliases.tsv")


@pytest.mark.parametrize("surface,lang,qid", [
    ("Moscou", "fr", "Q159"), ("Moskau", "de", "Q159"), ("Moscú", "es", "Q159"),
    ("Pjöngjang", "de", "Q423"), ("Kiew", "de", "Q212"), ("Eriwan", "de", "Q399"),
    ("Pékin", "fr", "Q148"), ("Putrajaya", "ms", "Q833"),
])
def test_capital_or_seat_acting_as_government_links_to_the_state(lk, surface, lang, qid):
    (l,) = linked(f"{surface} a démenti.", [(surface, "Country")], lk, lang)
    assert (l.qid, l.type) == (qid, "Country")


@pytest.mark.parametrize("surface,qid", [("Moskau", "Q649"), ("Pjöngjang", "Q18808"), ("Moscou", "Q649")])
def test_the_same_capital_typed_place_is_the_city(lk, surface, qid):
    (l,) = linked(f"Er reiste nach {surface}.", [(surface, "Place")], lk, "de")
    assert (l.qid, l.type) == (qid, "Place")


@pytest.mark.parametrize("surface,lang,qid", [
    ("Tchad", "fr", "Q657"), ("Afrika Tengah", "id", "Q929"), ("Republik Afrika Tengah", "id", "Q929"),
    ("RDC", "fr", "Q974"), ("DRC", "en", "Q974"), ("République démocratique du Congo", "fr", "Q974"),
    ("Britain", "en", "Q145"), ("Great Britain", "en", "Q145"), ("Vereinigtes Königreich", "de", "Q145"),
    ("UAE", "en", "Q878"), ("Emiratos Árabes Unidos", "es", "Q878"), ("Zentralafrikanische Republik", "de", "Q929"),
])
def test_official_short_and_abbreviated_state_names(lk, surface, lang, qid):
    (l,) = linked(f"{surface} said.", [(surface, "Country")], lk, lang)
    assert l.qid == qid


def test_french_demonyms_from_mledoze_name_the_state(lk):
    (l,) = linked("Les soldats tchadiens sont partis.", [("tchadiens", "Country")], lk, "fr")
    assert l.qid == "Q657"


def test_an_adjective_two_states_share_links_to_neither(lk, index_rows):
    """"kongolesisch", "congolais", "congoleño" fit the DR Congo and the Republic of the Congo: the
    hand-written demonym table lists them under both, and the index leaves them out, listed in
    ambiguous.tsv, so that alone they link to neither (as "Congolese", which has a row for each
    state, ties); an unambiguous adjective of the same table still names its state."""
    from kg.link.demonyms import all_forms, states
    from kg.link.index import load_ambiguous

    assert states("es")["congoleños"] == states("fr")["congolaise"] == ("COD", "COG")
    assert all_forms()["kongolesischen"] == ("COD", "COG")  # still a nationality word to the extractor
    shared = {f for lang in ("de", "fr", "es") for f, codes in states(lang).items() if len(codes) > 1}
    assert {"kongolesische", "congolais", "congoleño"} <= shared
    assert not {r["alias"] for r in index_rows if r["form"] == "demonym"} & shared
    assert {"kongolesische", "congolais", "congoleno"} <= set(load_ambiguous())
    for text, surface, lang in (("Die kongolesische Regierung schickt Truppen.", "kongolesische", "de"),
                                ("Les soldats congolais sont partis.", "congolais", "fr"),
                                ("Los soldados congoleños llegaron.", "congoleños", "es")):
        (l,) = linked(text, [(surface, "Country")], lk, lang)
        assert l.qid is None, (surface, l.qid)
    (l,) = linked("Die ruandischen Soldaten sind abgezogen.", [("ruandischen", "Country")], lk, "de")
    assert l.qid == "Q1037"


@pytest.mark.parametrize("text,spans,lang,want", [
    ("Die Demokratische Republik Kongo bat um Hilfe. 500 kongolesische Soldaten gingen nach Goma.",
     [("Demokratische Republik Kongo", "Country"), ("kongolesische", "Country")], "de", "Q974"),
    ("Brazzaville a confirmé. Les soldats congolais sont partis vers le nord.",
     [("Brazzaville", "Country"), ("congolais", "Country")], "fr", "Q971"),
    ("Kinshasa sent 500 Congolese troops to Goma.", [("Kinshasa", "Country"), ("Congolese", "Country")], "en", "Q974"),
    ("El Gobierno de la República del Congo habló. Los soldados congoleños llegaron.",
     [("República del Congo", "Country"), ("congoleños", "Country")], "es", "Q971"),
    ("Brazzaville protested. The Congolese government said it would send troops.",
     [("Brazzaville", "Country"), ("Congolese government", "Organization")], "en", "Q971"),
    ("Kinshasa et Brazzaville ont signé. Les soldats congolais sont partis.",
     [("Kinshasa", "Country"), ("Brazzaville", "Country"), ("congolais", "Country")], "fr", None),
    ("La France a salué. Les soldats congolais sont partis.", [("France", "Country"), ("congolais", "Country")], "fr", None),
])
def test_an_adjective_two_states_share_takes_the_one_the_article_names(lk, text, spans, lang, want):
    """The shared adjective links to the one of its states the article names (by any name: its
    own, its capital as government), and to neither when the article names both or neither; the
    explanation says so."""
    lk.explain = True
    try:
        got = linked(text, spans, lk, lang)[-1]
    finally:
        lk.explain = False
    assert got.qid == want and got.type == "Country"
    if want:
        assert got.why.step == "shared-adjective" and "2 states" in got.why.reason


def test_a_shared_adjective_typed_so_that_a_demonym_cannot_be_a_state_stays_unlinked(lk):
    """As in ``compatible``: a capitalised adjective typed Organization ("La Congolaise", an anthem
    or a newspaper), one typed Person or Place, and a name already linked keep their own links."""
    for surface, type_ in (("Congolaise", "Organization"), ("Congolese", "Person"), ("kongolesische", "Place")):
        text = f"Kinshasa a parlé. {surface} a répondu."
        got = linked(text, [("Kinshasa", "Country"), (surface, type_)], lk, "fr")[-1]
        assert got.qid is None, (surface, type_, got.qid)
    got = linked("Kinshasa a parlé. Les soldats congolais sont partis.",
                 [("Kinshasa", "Country"), ("congolais", "Organization")], lk, "fr")[-1]
    assert got.qid == "Q974"  # a lower-case adjective typed Organization is its state


def test_the_intelligence_of_an_adjective_two_states_share_names_no_state(index_rows):
    """"Congolese intelligence" may be either Congo's services: its row keeps no state (and cites
    both), while an adjective of one state keeps its own ("Nigerien intelligence": Niger)."""
    rows = {r["alias"]: r for r in index_rows if r["role"] == "intelligence" and r["lang"] == "en"}
    for alias, states in (("Congolese intelligence", "COD,COG"), ("Dominican intelligence", "DMA,DOM")):
        assert rows[alias]["country"] == "" and rows[alias]["qid"] == "", alias
        assert f"iso3={states}" in rows[alias]["provenance"]
    assert rows["Nigerien intelligence"]["country"] == "NER"
    assert sum(r["alias"] == "Congolese intelligence" for r in index_rows) == 1


def test_no_source_derived_state_form_names_two_states(index_rows):
    """A form from CLDR/mledoze that fits two states is dropped, never guessed."""
    states: dict[str, set[str]] = {}
    for r in index_rows:
        if r["type"] == "Country":
            k = r["alias"].replace(".", "") if is_acronym(r["alias"]) else fold(r["alias"])
            states.setdefault(k, set()).add(r["qid"])
    for r in index_rows:
        if r["type"] == "Country" and r["provenance"].startswith("sources/"):
            k = r["alias"].replace(".", "") if is_acronym(r["alias"]) else fold(r["alias"])
            assert len(states[k]) == 1, (r["alias"], states[k])


def _settled() -> dict[str, tuple[str, str]]:
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_alias_index", REPO / "scripts" / "build_alias_index.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.STATE_QIDS_SETTLED


def test_state_ids_of_source_rows_are_the_countries_tsv_ids(index_rows, shared_dir):
    """Or, where countries.tsv has none, the build's settled id, and the row says so."""
    by_iso = {c["iso3"]: c for c in rows(shared_dir / "data" / "countries.tsv")}
    settled = _settled()
    for r in index_rows:
        if r["type"] == "Country" and r["provenance"].startswith("sources/"):
            tsv = by_iso[r["country"]]["wikidata_qid"]
            assert r["qid"] == (tsv or settled.get(r["country"], ("(no id)",))[0]), r
            assert tsv or "STATE_QIDS_SETTLED" in r["provenance"], r


def test_a_settled_state_id_only_fills_an_empty_countries_tsv_cell(shared_dir):
    by_iso = {c["iso3"]: c for c in rows(shared_dir / "data" / "countries.tsv")}
    for iso, (qid, why) in _settled().items():
        assert by_iso[iso]["wikidata_qid"] == "" and qid.startswith("Q") and why


def test_the_netherlands_link_to_the_country_item(lk):
    (l,) = linked("Auch die Niederlande wollen Beamte schicken.", [("Niederlande", "Country")], lk, "de")
    assert l.qid == "Q55"


def test_organisation_ids_come_from_the_cited_tables(index_rows):
    supra = {r["qid"] for r in rows(DATA / "sources" / "supraverden_orgs.tsv")}
    nsi = {r["qid"] for r in rows(DATA / "sources" / "nsi_operators.tsv")}
    checked = 0
    for r in index_rows:
        if r["qid"] and "sources/supraverden_orgs.tsv" in r["provenance"]:
            assert r["qid"] in supra, r
            checked += 1
        if r["qid"] and "sources/nsi_operators.tsv" in r["provenance"]:
            assert r["qid"] in nsi, r
            checked += 1
    assert checked > 100


NATIONAL = {"military", "defence_ministry", "foreign_ministry", "intelligence", "government"}
INTERNATIONAL = {"intergovernmental", "alliance", "un_mission", "un_agency"}


def test_national_institutions_carry_their_state_and_international_ones_none(index_rows):
    isos = {r["country"] for r in index_rows if r["type"] == "Country"}
    for r in index_rows:
        if r["type"] != "Organization":
            continue
        if r["role"] in NATIONAL and "(shared)" not in r["provenance"]:  # "Congolese intelligence": none
            assert r["country"] in isos, r
        if r["role"] in INTERNATIONAL:
            assert r["country"] == "", r


@pytest.mark.parametrize("surface,lang,qid", [
    ("Bundeswehr", "de", "Q56010"), ("UNIFIL", "fr", "Q160805"), ("Uni Afrika", "id", "Q7159"),
    ("Union africaine", "fr", "Q7159"), ("CEDEAO", "fr", "Q193272"), ("SADC", "en", "Q816706"),
    ("ASEAN", "id", "Q7768"), ("Asociación de las Naciones de Asia Sudoriental", "es", "Q7768"),
    ("Sicherheitsrat der Vereinten Nationen", "de", "Q37470"), ("Conseil de sécurité de l'ONU", "fr", "Q37470"),
    ("Russian Defence Ministry", "en", "Q1146492"), ("CIA", "en", "Q37230"),
])
def test_institutions_link_in_six_languages(lk, surface, lang, qid):
    (l,) = linked(f"{surface} said.", [(surface, "Organization")], lk, lang)
    assert (l.qid, l.type) == (qid, "Organization")


def test_an_institution_without_a_verified_id_keeps_a_stable_key_and_its_state(lk, index_rows):
    a, b = linked("GNU menolak. Pemerintah Persatuan Nasional membantah.",
                  [("GNU", "Organization"), ("Pemerintah Persatuan Nasional", "Organization")], lk)
    assert a.qid is None and a.key == b.key == "organization/government-of-national-unity-libya"
    assert {r["country"] for r in index_rows if r["alias"] == "GNU"} == {"LBY"}


@pytest.mark.parametrize("surface,qid", [
    ("Anwar Ibrahim", "Q299574"), ("Ferdinand Marcos Jr.", "Q983324"), ("Emmanuel Macron", "Q3052772"),
    ("Shigeru Ishiba", "Q1335527"), ("JD Vance", "Q28935729"),
])
def test_office_holders_with_cited_ids(lk, surface, qid):
    (l,) = linked(f"{surface} said.", [(surface, "Person")], lk, "en")
    assert (l.qid, l.type) == (qid, "Person")


def test_types_are_consistent(index_rows):
    for r in index_rows:
        assert r["type"] in {"Country", "Organization", "Person", "Place"}, r
        if r["role"] in {"head_of_state", "head_of_government", "foreign_minister", "defence_minister"}:
            assert r["type"] == "Person", r
        if r["form"] == "city":
            assert r["type"] == "Place", r


# --- whole-source imports (issue 14, second pass): supraverden, NSI military/police, iso-codes, GeoNames

@pytest.mark.parametrize("surface,lang,qid", [
    ("Europol", "de", "Q207203"), ("Banque mondiale", "fr", "Q7164"), ("Weltbank", "de", "Q7164"),
    ("Royal Canadian Mounted Police", "en", "Q335175"), ("Carabineros de Chile", "es", "Q2317752"),
    ("Magyar Honvédség", "en", "Q1161970"),
])
def test_whole_source_institutions_link(lk, surface, lang, qid):
    (l,) = linked(f"{surface} said.", [(surface, "Organization")], lk, lang)
    assert (l.qid, l.type) == (qid, "Organization")


@pytest.mark.parametrize("surface", [
    "Gendarmerie nationale",  # France's and Algeria's (NSI)
    "Police nationale", "Guardia Nacional",  # police names that do not name their state
    "Ministry of Internal Affairs", "Patrol Police", "Council of ministers",  # descriptions
])
def test_ambiguous_or_descriptive_institution_names_stay_unlinked(lk, surface):
    (l,) = linked(f"{surface} said.", [(surface, "Organization")], lk, "en")
    assert l.qid is None


def test_no_whole_source_institution_form_names_two_ids(index_rows):
    ids: dict[str, set[str]] = {}
    for r in index_rows:
        k = r["alias"].replace(".", "") if is_acronym(r["alias"]) else fold(r["alias"])
        ids.setdefault(k, set()).add(r["qid"] or r["canonical_en"])
    for r in index_rows:
        if r["type"] == "Organization" and ("supraverden_orgs" in r["provenance"] or "nsi_operators" in r["provenance"]):
            k = r["alias"].replace(".", "") if is_acronym(r["alias"]) else fold(r["alias"])
            assert len(ids[k]) == 1, (r["alias"], ids[k])


def test_military_and_police_rows_carry_their_state(index_rows):
    isos = {r["country"] for r in index_rows if r["type"] == "Country"}
    for r in index_rows:
        if r["role"] in {"military", "police"} and "nsi_operators" in r["provenance"]:
            assert r["country"] in isos, r


@pytest.mark.parametrize("surface,lang,state,city", [("Moscovo", "es", "Q159", "Q649")])
def test_geonames_spelling_of_a_capital(lk, surface, lang, state, city):
    (a,) = linked(f"{surface} said.", [(surface, "Country")], lk, lang)
    (b,) = linked(f"In {surface}.", [(surface, "Place")], lk, lang)
    assert (a.qid, b.qid) == (state, city)


def test_geonames_capital_names_are_spellings_of_the_capital_and_no_state_name(index_rows):
    state_names = {fold(r["alias"]) for r in index_rows
                   if r["type"] == "Country" and r["form"] in {"name", "short", "acronym", "demonym"}}
    geo = {fold(r["alias"]) for r in index_rows if r["provenance"].startswith("sources/geonames_capitals.tsv")}
    assert len(geo) > 500
    assert not geo & state_names
    assert all(len(a) >= 4 for a in geo)
    assert not geo & {fold(s) for s in ("Lutetia", "Ville-Lumiere", "Ariel", "Al-Quds", "Ammon")}
