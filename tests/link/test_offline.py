from pathlib import Path

import pytest

from kg import registry
from kg.config import Config
from kg.link.base import NullLinker
from kg.link.offline import OfflineLinker

from link_helpers import linked


@pytest.fixture(scope="module")
def lk():
    return OfflineLinker(config=Config())


def test_registered_under_their_names():
    cfg = Config()
    assert isinstance(registry.linkers.create("kg.linker.offline.v1", config=cfg), OfflineLinker)
    assert isinstance(registry.linkers.create("kg.linker.none.v1", config=cfg), NullLinker)


@pytest.mark.parametrize("surface,lang", [
    ("Rusia", "id"), ("Russia", "en"), ("Russland", "de"), ("Russie", "fr"), ("Rusia", "es"),
    ("Россия", "ru"), ("러시아", "ko"), ("Росія", "uk"), ("Federasi Rusia", "id"), ("Moskow", "id"),
])
def test_country_in_many_languages(lk, surface, lang):
    (l,) = linked(f"{surface} ...", [(surface, "Country")], lk, lang)
    assert (l.qid, l.key, l.type, l.label) == ("Q159", "Q159", "Country", "Russia")


def test_capital_as_country_vs_place(lk):
    text = "Pyongyang mengirim tentara. Mereka tiba di Pyongyang dan Kyiv."
    a, b, c = linked(text, [("Pyongyang", "Country"), ("Pyongyang", "Place"), ("Kyiv", "Place")], lk)
    assert (a.qid, a.type) == ("Q423", "Country")
    assert (b.qid, b.type) == ("Q18808", "Place")
    assert (c.qid, c.type) == ("Q1899", "Place")


def test_kremlin_typed_country_is_russia_and_org_refines_to_country(lk):
    a, b = linked("Kremlin membantah. Juru bicara Kremlin diam.",
                  [("Kremlin", "Country"), ("Kremlin", "Organization")], lk)
    assert a.qid == b.qid == "Q159"
    assert b.type == "Country"


def test_person_never_links_to_a_country(lk):
    (l,) = linked("Rusia berkata.", [("Rusia", "Person")], lk)
    assert l.qid is None and l.key == "person/rusia"


def test_place_mention_of_country_name_links_the_country(lk):
    (l,) = linked("Tentara dikirim ke Ukraina.", [("Ukraina", "Place")], lk)
    assert (l.qid, l.type) == ("Q212", "Country")


def test_role_words_disambiguate_a_surname(lk):
    (l,) = linked("Pemimpin Korea Utara Kim memuji tentara.", [("Kim", "Person")], lk)
    assert l.qid == "Q56226"
    # no context: "Kim" names several people in the index, so it is left unlinked
    (l,) = linked("Kim tersenyum.", [("Kim", "Person")], lk)
    assert l.qid is None and l.key == "person/kim"


def test_surname_resolves_to_full_name_in_same_article(lk):
    text = "Kanselir Olaf Scholz menelepon. Scholz berkata. Menteri Antony Blinken datang. Blinken pergi."
    links = linked(text, [("Olaf Scholz", "Person"), ("Scholz", "Person"),
                          ("Antony Blinken", "Person"), ("Blinken", "Person")], lk)
    assert links[0].qid == links[1].qid == "Q61053"
    assert links[2].qid == links[3].qid == "Q7821917"  # sources/politicians.tsv
    # an unknown person: the surname takes the full name's key, within the article only
    a, b = linked("Analis Edward Howell berkata. Howell menambahkan.",
                  [("Edward Howell", "Person"), ("Howell", "Person")], lk)
    assert a.key == b.key == "person/edward-howel"
    (c,) = linked("Howell menambahkan.", [("Howell", "Person")], lk)
    assert c.key == "person/howel"


def test_surname_alone_uses_index_when_unambiguous(lk):
    (l,) = linked("Putin berkata.", [("Putin", "Person")], lk)
    assert (l.qid, l.label) == ("Q7747", "Vladimir Putin")


def test_titles_and_variants_link(lk):
    a, b, c = linked("Presiden Volodymyr Zelensky dan Zelenskiy serta Menteri Luar Negeri Rusia Sergei Lavrov.",
                     [("Presiden Volodymyr Zelensky", "Person"), ("Zelenskiy", "Person"),
                      ("Menteri Luar Negeri Rusia Sergei Lavrov", "Person")], lk)
    assert a.qid == b.qid == "Q3874799"
    assert c.qid == "Q58217" and c.label == "Sergey Lavrov"  # sources/politicians.tsv


def test_leader_government_is_the_country(lk):
    (l,) = linked("Pemerintahan Biden mengecam.", [("Pemerintahan Biden", "Country")], lk)
    assert l.qid == "Q30"


def test_an_embassy_named_with_its_capital_is_its_state(lk):
    """Embassies speak for their state (docs/annotation.md): "KBRI" alone, and "KBRI Doha" (the
    Indonesian embassy in Doha) where the rest of the name is a capital the index knows."""
    a, b, c, d = linked("KBRI, KBRI Doha, Kedutaan Besar Republik Indonesia dan KBRI Fooville.",
                        [("KBRI", "Organization"), ("KBRI Doha", "Organization"),
                         ("Kedutaan Besar Republik Indonesia", "Organization"), ("KBRI Fooville", "Organization")], lk)
    assert a.qid == b.qid == c.qid == "Q252"
    assert d.qid is None, "an unknown place after the name links nothing"


def test_acronyms_are_case_sensitive(lk):
    a, b = linked("AS dan NATO.", [("AS", "Country"), ("NATO", "Organization")], lk)
    assert (a.qid, b.qid) == ("Q30", "Q7184")
    (c,) = linked("as", [("as", "Country")], lk)
    assert c.qid is None


def test_every_mention_gets_a_link_even_odd_ones(lk):
    links = linked("??? x", [("???", "Person"), ("x", "Weird")], lk)
    assert all(l.key for l in links)


def test_null_linker_keys_only():
    (l,) = linked("Presiden Vladimir Putin.", [("Presiden Vladimir Putin", "Person")],
                  NullLinker(config=Config()))
    assert (l.key, l.qid, l.linker) == ("person/vladimir-putin", None, "kg.linker.none.v1")


def test_linking_the_seed_articles_is_right(seeds_dir: Path, lk):
    # (its cost is checked as a count of name foldings in test_link_cost.py, not as a time:
    # timings belong to the benchmark scripts)
    from kg.link.evaluate import evaluate_seeds

    r = evaluate_seeds(seeds_dir, Config())
    assert r.accuracy >= 0.9, r.summary()
    assert not [w for w in r.wrong if w.critical and w.system_qid], r.wrong


def test_a_place_named_with_its_region_noun_is_the_region_not_the_city(lk):
    region, city = linked("Pasukan tiba di wilayah Kursk. Lalu mereka ke Kursk.", [("Kursk", "Place"), ("Kursk", "Place")], lk)
    assert (region.qid, city.qid) == ("Q3178", "Q3159")


@pytest.mark.parametrize("surface,typ,lang,qid", [
    ("la Casa Blanca", "Organization", "es", "Q30"), ("les États-Unis", "Country", "fr", "Q30"),
    ("l'ONU", "Organization", "fr", "Q1065"),
])
def test_a_leading_article_is_dropped_when_the_name_as_written_finds_nothing(lk, surface, typ, lang, qid):
    (l,) = linked(f"{surface} ...", [(surface, typ)], lk, lang)
    assert l.qid == qid


def test_a_name_that_begins_with_an_article_matches_as_written_first():
    explaining = OfflineLinker(config=Config())
    explaining.explain = True
    (l,) = linked("El Salvador ...", [("El Salvador", "Country")], explaining, "es")
    assert (l.qid, l.why.step) == ("Q792", "exact")  # the article is stripped only when this finds nothing
    (l,) = linked("la Casa Blanca ...", [("la Casa Blanca", "Organization")], explaining, "es")
    assert (l.qid, l.why.step) == ("Q30", "article-stripped")


def test_a_short_name_two_states_share_takes_the_long_form_the_article_uses(lk):
    drc = linked("Die Demokratische Republik Kongo schickt Soldaten. Kongo bestätigte das.",
                 [("Demokratische Republik Kongo", "Country"), ("Kongo", "Country")], lk, "de")
    assert [l.qid for l in drc] == ["Q974", "Q974"]
    cog = linked("La République du Congo envoie 200 soldats. Le Congo a confirmé.",
                 [("République du Congo", "Country"), ("Congo", "Country")], lk, "fr")
    assert [l.qid for l in cog] == ["Q971", "Q971"]
    (ref,) = linked("Le Congo a confirmé.", [("Le Congo", "Country")], lk, "fr")[:1]
    assert ref.qid is None
    dem = linked("La République démocratique du Congo envoie 300 soldats. Le Congo a confirmé.",
                 [("République démocratique du Congo", "Country"), ("Le Congo", "Country")], lk, "fr")
    assert [l.qid for l in dem] == ["Q974", "Q974"]  # "le Congo": the article is no part of the name
    africa = linked("South Africa will send 200 troops for peacekeeping in Africa.",
                    [("South Africa", "Country"), ("Africa", "Place")], lk, "en")
    assert africa[0].qid == "Q258" and africa[1].qid != "Q258"  # only a shared short name takes a longer one's id
    (alone,) = linked("Kongo bestätigte das.", [("Kongo", "Country")], lk, "de")
    assert alone.qid is None  # ambiguous on its own: no id rather than a wrong one
    both = linked("Republik Kongo und Demokratische Republik Kongo verhandeln. Kongo schweigt.",
                  [("Republik Kongo", "Country"), ("Demokratische Republik Kongo", "Country"), ("Kongo", "Country")], lk, "de")
    assert [l.qid for l in both] == ["Q971", "Q974", None]


def test_an_acronym_the_article_defines_links_as_its_name(lk):
    # "RDTL" is not in the index; the article defines it as Timor-Leste
    t = "Timor-Leste (RDTL) dan Indonesia menandatangani perjanjian. RDTL akan menempatkan pasukan."
    links = linked(t, [("Timor-Leste", "Country"), ("Indonesia", "Country"), ("RDTL", "Country")], lk)
    assert links[2].qid == "Q574"
    # "AFP" alone ties between an agency and a force in the index; the article's definition settles it
    t = "The Armed Forces of the Philippines (AFP) sent 300 troops on Monday. The AFP said more would follow."
    links = linked(t, [("Armed Forces of the Philippines", "Organization"), ("AFP", "Organization"),
                       ("AFP", "Organization")], lk, "en")
    assert links[2].key == links[0].key and links[2].label == "Armed Forces of the Philippines"
    # no definition, no guess: an acronym the index lacks stays unlinked
    (l,) = linked("RDTL akan menempatkan pasukan.", [("RDTL", "Country")], lk)
    assert l.qid is None


def test_a_defined_acronym_needs_a_name_of_its_type_and_the_nearest_definition(lk):
    # a dateline's place before "(AFP)" defines nothing
    t = "MANILA (AFP) - The Armed Forces of the Philippines (AFP) sent troops. The AFP said so."
    links = linked(t, [("MANILA", "Place"), ("AFP", "Organization"), ("Armed Forces of the Philippines", "Organization"),
                       ("AFP", "Organization"), ("AFP", "Organization")], lk, "en")
    assert links[4].key == links[2].key != links[0].key
    # two definitions: each occurrence takes the nearest one before it
    t = ("Agence France-Presse (AFP) reported it first. The Armed Forces of the Philippines (AFP) "
         "confirmed. The AFP said more would follow.")
    links = linked(t, [("Agence France-Presse", "Organization"), ("AFP", "Organization"),
                       ("Armed Forces of the Philippines", "Organization"), ("AFP", "Organization"),
                       ("AFP", "Organization")], lk, "en")
    assert links[1].key == links[0].key and links[4].key == links[2].key != links[0].key


def test_a_defined_acronym_whose_name_is_unknown_shares_the_names_key(lk):
    t = "Persatuan Nelayan Pesisir Utara (PNPU) menolak rencana itu. PNPU menggelar unjuk rasa."
    a, b, c = linked(t, [("Persatuan Nelayan Pesisir Utara", "Organization"), ("PNPU", "Organization"),
                         ("PNPU", "Organization")], lk)
    assert a.qid is None and b.key == c.key == a.key


def test_a_defined_acronym_is_explained():
    from kg.config import Config
    from kg.link.offline import OfflineLinker

    lk = OfflineLinker(config=Config())
    lk.explain = True
    t = "Timor-Leste (RDTL) dan Indonesia. RDTL akan menempatkan pasukan."
    (l,) = linked(t, [("Timor-Leste", "Country"), ("RDTL", "Country")], lk)[1:]
    assert l.why.step == "defined-acronym" and "Timor-Leste (RDTL)" in l.why.reason
