"""The graph read from the store: counts agree with the store, fixture facts survive, filters work."""

from __future__ import annotations

import pytest

from kg.errors import ExportError
from kg.export.filters import ExportFilter, filter_graph
from kg.export.graph import load_data, load_graph
from kg.export.source import StoreSource

from export_helpers import ACTORS, EVENTS, ROLES, count

R = "https://w3id.org/warta/resource/"


@pytest.fixture(scope="module")
def source(store_dir):
    return StoreSource.open(store_dir)


@pytest.fixture(scope="module")
def graph(source):
    return load_graph(source)


def test_graph_counts_match_the_store(source, graph):
    cats = [a["category"] for _, a in graph.nodes(data=True)]
    assert cats.count("event") == count(source, EVENTS)
    assert cats.count("actor") == count(source, ACTORS)
    assert graph.number_of_edges() == count(source, ROLES)


def test_fixture_store_has_the_expected_actors_and_events(fixture_store_dir):
    g = load_graph(StoreSource.open(fixture_store_dir))
    kinds = sorted(a["kind"] for _, a in g.nodes(data=True) if a["category"] == "event")
    assert kinds == ["Agreement"] * 2 + ["Deployment"] * 5 + ["Statement"] * 3
    nk = g.nodes[R + "actor/Q423"]
    assert nk["kind"] == "Country" and nk["wikidata"] == "Q423" and nk["label"] == "North Korea"
    assert "Korea Utara@id" in nk["labels"].split(" | ") and nk["articles"] == 3
    assert g.nodes[R + "actor/person/choe-son-hui"]["label"] == "Choe Son Hui"  # unlinked key
    nis = [n for n, a in g.nodes(data=True) if a.get("troopCount") == 10000]
    assert len(nis) == 1
    ev = g.nodes[nis[0]]
    assert ev["countQualifier"] == "About" and ev["url"].endswith("/kursk-nis")
    assert ev["evidence"].startswith("Badan Intelijen Nasional")
    assert ev["claimant"] == "National Intelligence Service"  # its skos:prefLabel, not the Indonesian name
    roles = {k: t for _, t, k in g.out_edges(nis[0], keys=True)}
    assert roles == {"deployingActor": R + "actor/Q423", "destination": R + "place/Q3178",
                     "inSupportOf": R + "actor/Q159",
                     "claimedBy": R + "actor/organization/national-intelligence-service"}


def test_data_lists_labels_per_language(fixture_store_dir):
    data = load_data(StoreSource.open(fixture_store_dir))
    nk = next(n for n in data["nodes"] if n["id"] == R + "actor/Q423")
    assert ["Korea Utara", "id"] in nk["labels"] and ["North Korea", "en"] in nk["labels"]


@pytest.fixture(scope="module")
def fixture_graph(fixture_store_dir):
    return load_graph(StoreSource.open(fixture_store_dir))


def events_of(g):
    return sorted(a["label"] for _, a in g.nodes(data=True) if a["category"] == "event")


def test_filter_by_kind_and_actor(fixture_graph):
    deps = filter_graph(fixture_graph, ExportFilter(kind="deployment"))
    assert len(events_of(deps)) == 5 and all("→" in lab for lab in events_of(deps))
    by_label = filter_graph(fixture_graph, ExportFilter(actor="Cho Tae-yong"))
    assert events_of(by_label) == ["Cho Tae-yong: “Mereka sedang dilatih untuk operasi tem…”"]
    by_qid = filter_graph(fixture_graph, ExportFilter(actor="Q3874799"))  # Zelensky: speaker, claimant
    assert len(events_of(by_qid)) == 2
    by_other_language = filter_graph(fixture_graph, ExportFilter(actor="korea utara", kind="Agreement"))
    assert len(events_of(by_other_language)) == 2


def test_filter_by_date_uses_ranges_and_publication_date(fixture_graph):
    nov = filter_graph(fixture_graph, ExportFilter(since="2024-11-03", until="2024-11-30"))
    # 2024-11-04 Pentagon, "2024-11" HUR, the other pentagon_en events published 2024-11-05,
    # hur_id's undated events published 2024-11-12
    labels = events_of(nov)
    assert "North Korea → Kursk Oblast ≥11,000" in labels and "North Korea → Kursk Oblast >12,000" in labels
    assert "North Korea → Kursk Oblast ~10,000" not in labels  # published 2024-11-01
    assert "Perjanjian Kemitraan Strategis Komprehensif" not in labels  # dated 2024-06
    assert len(labels) == 7


def test_filter_by_article(fixture_graph):
    g = filter_graph(fixture_graph, ExportFilter(article="https://example.com/world/north-korea-troops-kursk"))
    assert {a["url"] for _, a in g.nodes(data=True) if a["category"] == "event"} == {
        "https://example.com/world/north-korea-troops-kursk"}
    assert len(events_of(g)) == 4


@pytest.mark.parametrize("kw, message", [
    ({"actor": "Nobody Atall"}, "no actor matches"),
    ({"article": "0000000000000000"}, "no article matches"),
    ({"kind": "Invasion"}, "unknown event kind"),
    ({"since": "31/10/2024"}, "bad --since"),
    ({"since": "2025", "until": "2024"}, "is after"),
])
def test_bad_filters_say_what_is_wrong(fixture_graph, kw, message):
    with pytest.raises(ExportError, match=message):
        filter_graph(fixture_graph, ExportFilter(**kw))
