"""End to end with the shipped model: build the five seed articles (read from ../shared, never
copied) and check the facts a reader would check first, through SPARQL on the store."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.config import Config
from kg.pipeline import build

pytestmark = [pytest.mark.model, pytest.mark.slow]

PREFIX = """PREFIX kg: <https://w3id.org/warta/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX wd: <http://www.wikidata.org/entity/>
"""


@pytest.fixture(scope="module")
def seed_store(seeds_dir: Path, repo_root: Path, tmp_path_factory) -> ox.Store:
    """The five Indonesian seed articles plus our own examples (Indonesian and English)."""
    store = tmp_path_factory.mktemp("seeds") / "store"
    examples = repo_root / "examples" / "articles"
    report = build([str(seeds_dir / "*.txt"), str(examples)], Config(), store=str(store))
    assert report.ok, report.problems
    assert len(report.articles) == 5 + len(list(examples.iterdir()))
    return ox.Store.read_only(str(store))




def select(store: ox.Store, q: str) -> list[tuple]:
    res = store.query(PREFIX + q, use_default_graph_as_union=True)
    names = [v.value for v in res.variables]
    return [tuple(None if s[n] is None else s[n].value for n in names) for s in res]


def labels_of(store: ox.Store, node: str) -> set[str]:
    return {r[0] for r in select(store, f"SELECT ?l WHERE {{ <{node}> rdfs:label ?l }}")}


def test_blinken_claims_at_least_10000_north_korean_troops_in_russia(seed_store):
    found = select(seed_store, """
      SELECT ?d ?q ?claimant WHERE {
        ?d a kg:Deployment ; kg:deployingActor ?nk ; kg:troopCount 10000 ; kg:countQualifier ?q ; kg:claimedBy ?claimant .
        ?nk owl:sameAs wd:Q423 .
      }""")
    by_blinken = [r for r in found if any("Blinken" in l for l in labels_of(seed_store, r[2]))]
    assert by_blinken, f"no 10,000-troop claim attributed to Blinken; got {found}"
    assert any(r[1].endswith("#AtLeast") for r in by_blinken)


def test_8000_of_them_in_kursk(seed_store):
    # "sekitar 8.000 di antaranya sudah berada di wilayah Kursk": the partitive count's qualifier
    # (About) and place came from the extra-counts rule, deleted in 3.1 for no effect on the dev
    # splits; the model alone finds the count and its agent
    found = select(seed_store, """
      SELECT ?d ?q ?dest WHERE {
        ?d a kg:Deployment ; kg:deployingActor ?nk ; kg:troopCount 8000 ; kg:countQualifier ?q .
        ?nk owl:sameAs wd:Q423 .
        OPTIONAL { ?d kg:destination ?dest }
      }""")
    assert found, "no 8,000-troop deployment of North Korea"


def test_peskov_denies(seed_store):
    found = select(seed_store, """
      SELECT ?e ?who WHERE {
        ?e kg:modality kg:Denied .
        { ?e kg:speaker ?who } UNION { ?e kg:claimedBy ?who }
        ?who rdfs:label ?l . FILTER(CONTAINS(?l, "Peskov"))
      }""")
    assert found, "no denial by Peskov"


def test_russia_and_north_korea_signed_a_strategic_partnership(seed_store):
    found = select(seed_store, """
      SELECT ?a WHERE {
        ?a a kg:Agreement ; kg:party ?r , ?n .
        ?r owl:sameAs wd:Q159 . ?n owl:sameAs wd:Q423 .
      }""")
    assert found, "no agreement between Russia and North Korea"


def test_one_node_per_actor_across_articles_and_languages(seed_store):
    found = select(seed_store, """
      SELECT ?node (COUNT(DISTINCT ?a) AS ?articles) WHERE {
        ?node owl:sameAs wd:Q423 ; kg:mentionedIn ?a .
      } GROUP BY ?node""")
    assert len(found) == 1, f"North Korea should be one node, got {found}"
    node, n_articles = found[0]
    assert int(n_articles) >= 5
    langs = {r[0] for r in select(seed_store, f"SELECT (LANG(?l) AS ?lang) WHERE {{ <{node}> rdfs:label ?l }}")}
    assert {"id", "en"} <= langs, langs


def test_every_competency_query_answers_on_the_seeds(seed_store, repo_root):
    for rq in sorted((repo_root / "queries").glob("0[1-8]-*.rq")):
        res = list(seed_store.query(rq.read_text(encoding="utf-8"), use_default_graph_as_union=True))
        if rq.name.startswith("05-"):
            continue  # conflicting claims: may legitimately be empty on a given set of articles
        assert res, f"{rq.name} returned no rows on the seed articles"


def test_every_fact_points_back_at_its_sentence(seed_store, seeds_dir):
    """Offsets point into the cleaned text (schema:articleBody), and the evidence is that span."""
    found = select(seed_store, """
      PREFIX schema: <http://schema.org/> PREFIX prov: <http://www.w3.org/ns/prov#>
      SELECT ?ev_text ?s ?e ?body ?url WHERE {
        ?ev kg:evidence ?ev_text ; kg:startChar ?s ; kg:endChar ?e ; prov:wasDerivedFrom ?a .
        ?a schema:articleBody ?body ; schema:url ?url .
      }""")
    assert len(found) >= 10
    seeds = {p.resolve().as_uri() for p in seeds_dir.glob("*.txt")}
    assert seeds <= {url for *_, url in found}
    for ev_text, s, e, body, url in found:
        assert body[int(s):int(e)] == ev_text, url


def test_one_display_name_russia_and_canonical_names_in_query_01(seed_store, repo_root):
    """skos:prefLabel: exactly one English display name for Russia (not "Kremlin"), and query
    01 shows canonical names for agents and claimants."""
    found = select(seed_store, """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
      SELECT DISTINCT ?l WHERE { ?a owl:sameAs wd:Q159 ; skos:prefLabel ?l FILTER(lang(?l) = "en") }""")
    assert found == [("Russia",)]
    q = (repo_root / "queries" / "01-troop-claims.rq").read_text(encoding="utf-8")
    rows = [{k.value: (s[k].value if s[k] is not None else None) for k in r.variables}
            for r in [seed_store.query(q, use_default_graph_as_union=True)] for s in r]
    assert rows
    pref = {r[0]: r[1] for r in select(seed_store, """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
      SELECT DISTINCT ?a ?l WHERE { ?a skos:prefLabel ?l FILTER(lang(?l) = "en") }""")}
    for r in rows:
        for node, label in (("agent", "agentLabel"), ("claimant", "claimantLabel")):
            if r[node] in pref:
                assert r[label] == pref[r[node]], r
    agents = {r["agentLabel"] for r in rows}
    assert "North Korea" in agents and not agents & {"Kremlin", "Manila", "U.S", "German"}


def test_rewritten_queries_return_the_rows_of_the_old_ones(seed_store, repo_root):
    from queries.equivalence import LABELS, differences  # tests/queries (a package)

    for name in LABELS:
        text = (repo_root / "queries" / f"{name}.rq").read_text(encoding="utf-8")
        assert differences(seed_store, name, text) == [], name
