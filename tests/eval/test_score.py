"""The scoring rules of eval/README.md on small hand-written gold/system pairs with known answers."""

from __future__ import annotations

import pytest

from kg.eval.facts import SysActor, SysAgreement, SysDeployment, SysStatement, SystemArticle
from kg.eval.gold import parse_gold
from kg.eval.places import Gazetteer
from kg.eval.score import score

TEXT = "A small article; the scorer never reads it except for warnings."
NO_PLACES = Gazetteer()

ACTORS = [
    {"name": "North Korea", "type": "Country", "qid": "Q423", "mentions": ["Korea Utara", "Pyongyang"]},
    {"name": "Russia", "type": "Country", "qid": "Q159", "mentions": ["Rusia"]},
    {"name": "Ukraine", "type": "Country", "qid": "Q212", "mentions": ["Ukraina"]},
    {"name": "Lee Sung-jun", "type": "Person", "qid": None, "mentions": ["Lee Sung-jun"]},
    {"name": "Vladimir Putin", "type": "Person", "qid": "Q7747", "mentions": ["Vladimir Putin", "Putin"]},
]

NK = SysActor("actor/Q423", "Country", frozenset({"Korea Utara"}), "Q423")
RU = SysActor("actor/Q159", "Country", frozenset({"Rusia"}), "Q159")
UA = SysActor("actor/Q212", "Country", frozenset({"Ukraina"}), "Q212")
LEE = SysActor("actor/person/lee-sung-jun", "Person", frozenset({"Lee Sung-jun"}))
PUTIN = SysActor("actor/Q7747", "Person", frozenset({"Putin"}), "Q7747")
KURSK = SysActor("place/Q3178", "Place", frozenset({"wilayah Kursk"}), "Q3178")


def gold(art_id="x1", deployments=(), statements=(), agreements=(), actors=ACTORS):
    return parse_gold({
        "id": art_id, "lang": "id", "actors": list(actors), "deployments": list(deployments),
        "statements": list(statements), "agreements": list(agreements),
    }, text=TEXT)


def dep(agent="North Korea", troops=None, destination=None, claimed_by=None, evidence="", **kw):
    return {"agent": agent, "troops": troops, "qualifier": kw.get("qualifier"),
            "destination": destination, "in_support_of": None, "claimed_by": claimed_by,
            "modality": kw.get("modality", "asserted"), "evidence": evidence}


def stmt(speaker, evidence="", quote=False):
    return {"speaker": speaker, "quote": quote, "evidence": evidence}


def system(art_id="x1", actors=(NK, RU, UA, LEE, PUTIN), deployments=(), statements=(), agreements=()):
    return SystemArticle(url=f"file:///data/gold/{art_id}.txt", id="f" * 16, actors=list(actors),
                         deployments=list(deployments), statements=list(statements),
                         agreements=list(agreements))


def k(report, kind):
    s = report.kinds[kind]
    return (s.tp, s.gold, s.system)


def test_perfect_system_scores_one_everywhere():
    g = gold(
        deployments=[dep(troops=3000, destination="Kursk Oblast", claimed_by="Lee Sung-jun")],
        statements=[stmt("Lee Sung-jun"), stmt("Vladimir Putin", quote=True)],
        agreements=[{"parties": ["Russia", "North Korea"], "evidence": ""}],
    )
    s = system(
        deployments=[SysDeployment("d0", NK, 3000, destination=KURSK, claimed_by=LEE, modality="asserted")],
        statements=[SysStatement("s0", LEE, False), SysStatement("s1", PUTIN, True)],
        agreements=[SysAgreement("a0", (NK, RU))],
    )
    places = Gazetteer.from_rows([{"alias": "wilayah Kursk", "qid": "Q3178", "canonical_en": "Kursk Oblast"}])
    r = score([g], [s], places=places)
    for kind in ("actors", "deployments", "statements", "agreements"):
        assert (r.kinds[kind].p, r.kinds[kind].r, r.kinds[kind].f1) == (1.0, 1.0, 1.0), kind
    assert r.destination_accuracy == 1.0
    assert r.linking_accuracy == 1.0 and r.linking_total == 4  # NK, RU, UA, Putin
    assert all(not v for v in r.articles["x1"].missed.values())
    assert all(not v for v in r.articles["x1"].invented.values())


def test_missed_deployment_lowers_recall_only_and_is_listed_with_evidence():
    g = gold(deployments=[
        dep(troops=3000, evidence="3.000 tentara Korea Utara"),
        dep(troops=12000, evidence="12.000 pasukan Korea Utara"),
    ])
    s = system(deployments=[SysDeployment("d0", NK, 3000)])
    r = score([g], [s], places=NO_PLACES)
    assert k(r, "deployments") == (1, 2, 1)
    assert r.kinds["deployments"].p == 1.0 and r.kinds["deployments"].r == 0.5
    assert r.kinds["deployments"].f1 == pytest.approx(2 / 3)
    missed = r.articles["x1"].missed["deployments"]
    assert [(m["troops"], m["evidence"]) for m in missed] == [(12000, "12.000 pasukan Korea Utara")]


def test_wrong_troop_count_is_a_miss_and_an_invention():
    g = gold(deployments=[dep(troops=3000)])
    s = system(deployments=[SysDeployment("d0", NK, 300, evidence="300 tentara")])
    r = score([g], [s], places=NO_PLACES)
    assert k(r, "deployments") == (0, 1, 1)
    assert r.articles["x1"].invented["deployments"][0]["troops"] == 300
    assert r.articles["x1"].invented["deployments"][0]["evidence"] == "300 tentara"


def test_null_troops_on_both_sides_count_as_equal():
    g = gold(deployments=[dep(troops=None)])
    assert k(score([g], [system(deployments=[SysDeployment("d0", NK, None)])], places=NO_PLACES),
             "deployments") == (1, 1, 1)
    assert k(score([g], [system(deployments=[SysDeployment("d0", NK, 100)])], places=NO_PLACES),
             "deployments") == (0, 1, 1)


def test_invented_statement_lowers_precision_and_shows_its_evidence():
    g = gold(statements=[stmt("Lee Sung-jun", "kata Lee Sung-jun")])
    s = system(statements=[
        SysStatement("s0", LEE, False, "kata Lee Sung-jun kepada wartawan"),
        SysStatement("s1", RU, False, "Rusia membantah laporan itu"),
    ])
    r = score([g], [s], places=NO_PLACES)
    assert k(r, "statements") == (1, 1, 2)
    assert r.kinds["statements"].p == 0.5 and r.kinds["statements"].r == 1.0
    inv = r.articles["x1"].invented["statements"]
    assert inv == [{"speaker": "Rusia [Q159]", "quote": False, "evidence": "Rusia membantah laporan itu"}]


def test_qid_match_versus_mention_match():
    g = gold(actors=[ACTORS[0]])  # North Korea Q423, mentions Korea Utara / Pyongyang
    cases = {
        # both have a qid: the qid decides, labels do not matter
        SysActor("a", "Country", frozenset({"DPRK"}), "Q423"): 1,
        SysActor("b", "Country", frozenset({"Korea Utara"}), "Q884"): 0,
        # system has no qid: a gold mention equal to a label (case/whitespace folded) decides
        SysActor("c", "Country", frozenset({"  pyongyang "})): 1,
        SysActor("d", "Country", frozenset({"Korea"})): 0,
    }
    for actor, tp in cases.items():
        r = score([g], [system(actors=[actor])], places=NO_PLACES)
        assert k(r, "actors") == (tp, 1, 1), actor


def test_statements_match_one_to_one():
    g = gold(statements=[stmt("Lee Sung-jun", "a"), stmt("Lee Sung-jun", "b")])
    three = system(statements=[SysStatement(f"s{i}", LEE) for i in range(3)])
    r = score([g], [three], places=NO_PLACES)
    assert k(r, "statements") == (2, 2, 3)  # the third cannot reuse a gold statement
    one = system(statements=[SysStatement("s0", LEE)])
    assert k(score([g], [one], places=NO_PLACES), "statements") == (1, 2, 1)


def test_maximum_matching_is_not_fooled_by_greedy_order():
    # A system actor labelled with BOTH Russia's and Ukraine's mentions could take either gold
    # actor; a maximum matching gives it to Ukraine so that the plain "Rusia" node gets Russia.
    both = SysActor("both", "Country", frozenset({"Rusia", "Ukraina"}))
    ru_only = SysActor("ru", "Country", frozenset({"Rusia"}))
    g = gold(actors=[ACTORS[1], ACTORS[2]])
    r = score([g], [system(actors=[both, ru_only])], places=NO_PLACES)
    assert k(r, "actors") == (2, 2, 2)


def test_agreement_needs_the_same_set_of_parties():
    g = gold(agreements=[{"parties": ["Russia", "North Korea"], "evidence": ""}])
    cases = [
        ((RU, NK), 1),
        ((NK, RU), 1),  # order does not matter
        ((NK, RU, UA), 0),  # an extra party
        ((NK, UA), 0),  # a wrong party
    ]
    for parties, tp in cases:
        r = score([g], [system(agreements=[SysAgreement("a", parties)])], places=NO_PLACES)
        assert k(r, "agreements") == (tp, 1, 1), parties


def test_destination_accuracy_is_over_matched_deployments_only():
    g = gold(deployments=[
        dep(troops=1, destination="Kursk Oblast"),
        dep(troops=2, destination="Russia"),
        dep(troops=3, destination="Ukraine"),
        dep(troops=4, destination="Kursk Oblast"),  # missed: not in the denominator
    ])
    s = system(deployments=[
        SysDeployment("d1", NK, 1, destination=KURSK),  # by the place's qid
        SysDeployment("d2", NK, 2, destination=RU),  # a gold actor name: actor rule
        SysDeployment("d3", NK, 3, destination=RU),  # wrong
    ])
    places = Gazetteer.from_rows([{"alias": "Kursk Oblast", "qid": "Q3178", "canonical_en": "Kursk Oblast"}])
    r = score([g], [s], places=places)
    assert k(r, "deployments") == (3, 4, 3)
    assert (r.destination_correct, r.destination_total) == (2, 3)
    wrong = r.articles["x1"].wrong_destination
    assert [(w["troops"], w["gold"], w["system"]) for w in wrong] == [(3, "Ukraine", "Rusia [Q159]")]


def test_destination_by_label_without_ids():
    g = gold(deployments=[dep(destination="Kursk Oblast")])
    place = SysActor("place/x", "Place", frozenset({"wilayah Kursk"}))
    s = system(deployments=[SysDeployment("d", NK, destination=place)])
    assert score([g], [s], places=NO_PLACES).destination_accuracy == 0.0
    places = Gazetteer.from_rows([{"alias": "wilayah Kursk", "qid": "Q3178", "canonical_en": "Kursk Oblast"}])
    assert score([g], [s], places=places).destination_accuracy == 1.0


def test_tie_break_pairs_the_deployments_whose_details_agree():
    # Two number-less claims by the same agent: each system claim must pair with the gold claim
    # of the same claimant and evidence, not crosswise (which would ruin destination accuracy).
    g = gold(deployments=[
        dep(destination="Russia", claimed_by="Lee Sung-jun", evidence="Lee: pasukan Korea Utara di Rusia"),
        dep(destination="Ukraine", claimed_by="Vladimir Putin", evidence="Putin: tentara ke Ukraina"),
    ])
    s = system(deployments=[
        SysDeployment("d0", NK, destination=RU, claimed_by=LEE, evidence="Lee: pasukan Korea Utara di Rusia"),
        SysDeployment("d1", NK, destination=UA, claimed_by=PUTIN, evidence="Putin: tentara ke Ukraina"),
    ])
    r = score([g], [s], places=NO_PLACES)
    assert k(r, "deployments") == (2, 2, 2)
    assert r.destination_accuracy == 1.0


def test_micro_average_sums_counts_over_articles():
    g1 = gold("a", statements=[stmt("Lee Sung-jun")])
    g2 = gold("b", statements=[stmt("Lee Sung-jun"), stmt("Lee Sung-jun"), stmt("Lee Sung-jun")])
    s1 = system("a", statements=[SysStatement("s", LEE)])
    s2 = system("b", statements=[])
    r = score([g1, g2], [s1, s2], places=NO_PLACES)
    assert k(r, "statements") == (1, 4, 1)
    assert r.kinds["statements"].r == 0.25  # macro-averaging would give (1.0 + 0.0) / 2


def test_articles_are_matched_by_url_tail_and_missing_ones_count_as_missed():
    g1, g2 = gold("a", statements=[stmt("Lee Sung-jun")]), gold("b", statements=[stmt("Lee Sung-jun")])
    s1 = system("a", statements=[SysStatement("s", LEE)])
    s1.url = "file:///home/me/my%20gold/a.txt"  # percent-encoded file: URI
    extra = system("ab", statements=[SysStatement("s", LEE)])  # ends in /ab.txt, not /b.txt
    r = score([g1, g2], [extra, s1], places=NO_PLACES)
    assert r.articles["a"].found and not r.articles["b"].found
    assert k(r, "statements") == (1, 2, 1)
    assert r.unmatched_system == ["file:///data/gold/ab.txt"]
    assert r.articles["b"].missed["statements"][0]["speaker"] == "Lee Sung-jun"


def test_linking_accuracy_lists_wrong_ids_and_flags_countries_and_heads_of_state():
    g = gold()
    s = system(actors=[
        SysActor("actor/Q884", "Country", frozenset({"Korea Utara"}), "Q884"),  # wrong id on a Country
        SysActor("actor/Q159", "Country", frozenset({"Rusia"}), "Q159"),  # right
        SysActor("actor/country/ukraina", "Country", frozenset({"Ukraina"})),  # no id: missing
        SysActor("actor/Q1", "Person", frozenset({"Putin"}), "Q1"),  # wrong id on a head of state
        LEE,  # gold has no qid: not counted
    ])
    places = Gazetteer.from_rows([{"alias": "Vladimir Putin", "qid": "Q7747",
                                   "canonical_en": "Vladimir Putin", "role": "head_of_state"}])
    r = score([g], [s], places=places)
    assert (r.linking_correct, r.linking_total) == (1, 4)
    got = {(w["name"], w["system_qid"], w["problem"], w["severe"]) for w in r.wrong_links}
    assert got == {
        ("North Korea", "Q884", "wrong id", True),
        ("Ukraine", None, "missing id", False),
        ("Vladimir Putin", "Q1", "wrong id", True),
    }
    # without role data a wrong id on a person is still listed, just not flagged
    r2 = score([g], [s], places=NO_PLACES)
    assert ("Vladimir Putin", "Q1", "wrong id", False) in {
        (w["name"], w["system_qid"], w["problem"], w["severe"]) for w in r2.wrong_links}


def test_nothing_on_either_side_is_perfect_and_nothing_predicted_is_zero():
    r = score([gold()], [system(actors=[])], places=NO_PLACES)
    assert (r.kinds["agreements"].p, r.kinds["agreements"].r) == (1.0, 1.0)
    assert (r.kinds["actors"].p, r.kinds["actors"].r, r.kinds["actors"].f1) == (0.0, 0.0, 0.0)
    assert r.destination_accuracy is None and r.linking_accuracy is None


def test_scores_are_also_summed_per_article_language():
    g_id = gold("x1", deployments=[dep(troops=3000)])
    g_en = parse_gold({"id": "x2", "lang": "en", "actors": ACTORS, "deployments": [dep(troops=500)],
                       "statements": [], "agreements": []}, text=TEXT)
    s1 = system("x1", deployments=[SysDeployment("d0", NK, 3000)])
    s2 = system("x2", deployments=[SysDeployment("d1", NK, 999)])
    r = score([g_id, g_en], [s1, s2], places=NO_PLACES)
    by = r.by_language()
    assert sorted(by) == ["en", "id"]
    assert (by["id"]["deployments"].tp, by["en"]["deployments"].tp, by["en"]["deployments"].system) == (1, 0, 1)
    assert r.to_json()["by_language"]["en"]["deployments"]["f1"] == 0.0


def test_linking_is_also_counted_per_article_and_per_language():
    g_id = gold("x1")
    g_en = parse_gold({"id": "x2", "lang": "en", "actors": ACTORS, "deployments": [],
                       "statements": [], "agreements": []}, text=TEXT)
    s1 = system("x1")  # all four gold ids (NK, RU, UA, Putin) found and right
    s2 = system("x2", actors=[NK, SysActor("actor/country/rusia", "Country", frozenset({"Rusia"}))])
    r = score([g_id, g_en], [s1, s2], places=NO_PLACES)
    assert (r.articles["x1"].linking_correct, r.articles["x1"].linking_total) == (4, 4)
    assert (r.articles["x2"].linking_correct, r.articles["x2"].linking_total) == (1, 2)
    assert r.linking_by_language() == {"en": (1, 2), "id": (4, 4)}
    assert (r.linking_correct, r.linking_total) == (5, 6)
    j = r.to_json()
    assert j["linking_by_language"]["en"] == {"accuracy": 0.5, "correct": 1, "total": 2}
    assert j["articles"]["x2"]["linking"] == {"correct": 1, "total": 2}
