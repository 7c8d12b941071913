"""Every queries/*.rq parses, is documented, and returns the reviewed golden rows on the fixtures."""

from __future__ import annotations

import json
import os
import re

import pyoxigraph as ox
import pytest

from .conftest import GOLDEN, QUERIES
from .results import run

NAMES = [
    "01-troop-claims", "02-who-said-what", "03-agreements", "04-denials",
    "05-conflicting-claims", "06-actor-network", "07-linked-actors", "08-article-facts",
]
R = "https://w3id.org/warta/resource/"


def test_the_eight_competency_queries_exist():
    assert set(NAMES) <= {p.stem for p in QUERIES.glob("*.rq")}


@pytest.mark.parametrize("path", sorted(QUERIES.glob("*.rq")), ids=lambda p: p.stem)
def test_every_query_file_parses(path):
    """Parse only (rdflib's parser), so queries needing the network (SERVICE) are checked too."""
    from rdflib.plugins.sparql import prepareQuery

    prepareQuery(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", NAMES)
def test_query_is_documented_and_self_contained(name):
    text = (QUERIES / f"{name}.rq").read_text(encoding="utf-8")
    header = [line for line in text.splitlines() if line.startswith("#")]
    assert len(header) >= 4, "needs a header comment saying what it answers and how to read it"
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    assert "PREFIX kg:" in body
    # Runs on every article graph without naming one: GRAPH only over a variable (the joins of
    # an event with its actors stay inside its article's graph, see the query headers).
    assert re.findall(r"\bGRAPH\s+(\S+)", body) == re.findall(r"\bGRAPH\s+(\?\w+)", body)
    ox.Store().query(text)  # parses and runs on an empty store


@pytest.mark.parametrize("name", NAMES)
def test_query_returns_golden_rows(name, fixture_store):
    got = run(fixture_store, (QUERIES / f"{name}.rq").read_text(encoding="utf-8"))
    golden = GOLDEN / f"{name}.json"
    if os.environ.get("UPDATE_GOLDEN"):  # regenerate, then REVIEW the diff before keeping it
        golden.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    expected = json.loads(golden.read_text(encoding="utf-8"))
    assert got["columns"] == expected["columns"]
    for i, (g, e) in enumerate(zip(got["rows"], expected["rows"])):
        assert g == e, f"row {i} differs:\n got      {g}\n expected {e}"
    assert len(got["rows"]) == len(expected["rows"])


def test_troop_claims_are_ordered_by_date(fixture_store):
    rows = run(fixture_store, (QUERIES / "01-troop-claims.rq").read_text())["rows"]
    assert [r[0] for r in rows] == sorted(r[0] for r in rows)
    assert sorted(int(r[3]) for r in rows) == [10000, 11000, 12000, 12000]


def test_conflicting_claims_need_different_claimants(fixture_store):
    q = (QUERIES / "05-conflicting-claims.rq").read_text()
    rows = run(fixture_store, q)["rows"]
    assert len(rows) == 5 and all(r[6] != r[11] and int(r[4]) < int(r[9]) for r in rows)
    # Without kg:claimedBy a claim is attributed to its article: two numbers in one article
    # (Pentagon 11,000 and Zelensky 12,000) are then no longer a conflict between claimants.
    store = ox.Store()
    store.extend(x for x in fixture_store if not x.predicate.value.endswith("#claimedBy"))
    rows = run(store, q)["rows"]
    assert len(rows) == 4 and all(r[8] != r[13] for r in rows)


def test_article_facts_for_one_article_by_substitution(fixture_store):
    q = (QUERIES / "08-article-facts.rq").read_text()
    art = ox.NamedNode(R + "article/28e50903b207a360")
    rows = run(fixture_store, q, article=art)["rows"]
    everything = run(fixture_store, q)["rows"]
    assert rows == [r for r in everything if r[0] == "kgr:article/28e50903b207a360"]
    assert {r[3] for r in rows} == {"Deployment", "Statement", "Agreement"}
    from fixtures_articles import kursk_nis_id

    text = kursk_nis_id().text
    assert all(text[int(r[1]) : int(r[2])] == r[7] for r in rows)  # offsets point at the evidence


@pytest.mark.parametrize("name", NAMES)
def test_rewritten_query_returns_the_rows_of_the_old_one(name, fixture_store):
    """Same rows as the query it replaced (tests/queries/before/), display names aside."""
    from .equivalence import differences

    assert differences(fixture_store, name, (QUERIES / f"{name}.rq").read_text(encoding="utf-8")) == []


def test_display_names_are_pref_labels(fixture_store):
    rows = run(fixture_store, (QUERIES / "01-troop-claims.rq").read_text())["rows"]
    assert {r[2] for r in rows} == {"North Korea"}
    assert "United States Department of Defense" in {r[8] for r in rows}  # not "Pentagon"
