"""Reading the system's facts: from a store (SPARQL, ontology names only) and from doc.py objects."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kg.errors import EvalError
from kg.eval.system import facts_from_articles, read_store


def _by_url(arts):
    return {a.url: a for a in arts}


def test_reads_articles_actors_and_events_from_a_store(system_store):
    arts = _by_url(read_store(system_store))
    assert set(arts) == {"file:///tmp/gold/a01.txt", "file:///tmp/gold/b02.txt", "https://example.org/other"}
    a = arts["file:///tmp/gold/a01.txt"]
    assert a.id == "aaaaaaaaaaaaaaa1"
    # Place nodes are not actors; Person/Organization/Country are
    assert {(x.type, x.qid) for x in a.actors} == {
        ("Organization", None), ("Country", "Q423"), ("Country", "Q159"), ("Person", None)}
    (d,) = a.deployments
    assert (d.agent.qid, d.troops, d.qualifier, d.modality) == ("Q423", 3000, "about", "asserted")
    assert d.destination.labels == {"wilayah Kursk"} and d.destination.qid == "Q3178"
    assert d.claimed_by.labels == {"Kementerian Pertahanan Korea Selatan"}
    assert sorted((s.speaker.type, s.quote) for s in a.statements) == [("Organization", False), ("Person", True)]
    (g,) = a.agreements
    assert {p.qid for p in g.parties} == {"Q159", "Q423"}


def test_labels_come_from_the_articles_own_graph(system_store):
    # Russia is one shared node; its labels from the English article must not leak into the
    # Indonesian one (else a gold mention could match a label the article never used).
    arts = _by_url(read_store(system_store))
    ru_a = next(x for x in arts["file:///tmp/gold/a01.txt"].actors if x.qid == "Q159")
    ru_b = next(x for x in arts["file:///tmp/gold/b02.txt"].actors if x.qid == "Q159")
    assert ru_a.labels == {"Rusia"} and ru_b.labels == {"Russia", "Kremlin"}


def test_absent_values_stay_absent(system_store):
    b = _by_url(read_store(system_store))["file:///tmp/gold/b02.txt"]
    (d,) = b.deployments
    assert (d.troops, d.qualifier, d.destination, d.modality) == (None, None, None, "possible")


def test_store_path_that_does_not_exist(tmp_path):
    with pytest.raises(EvalError, match="store not found"):
        read_store(tmp_path / "missing")


def test_reads_a_store_directory(system_store_dir):
    assert len(read_store(system_store_dir)) == 3


sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import fixtures_articles as fixtures  # noqa: E402  (tests/fixtures_articles.py, the shared builders)


def test_facts_from_articles_follow_doc_objects():
    arts = {a.lang + str(i): a for i, a in enumerate(fixtures.fixture_articles())}
    facts = {f.url: f for f in facts_from_articles(arts.values())}
    nis = facts["https://example.org/berita/2024/11/01/kursk-nis"]
    (d,) = nis.deployments
    assert (d.agent.qid, d.troops, d.qualifier) == ("Q423", 10000, "about")
    # the two NIS surface forms are one node (same Link.key) with both labels
    assert d.claimed_by.labels == {"Badan Intelijen Nasional Korea Selatan", "NIS"}
    en = facts["https://example.com/world/north-korea-troops-kursk"]
    denied = [x for x in en.deployments if x.modality == "denied"]
    # "Pyongyang" typed Place but linked as the Country Q423: it is the North Korea actor node
    assert len(denied) == 1 and denied[0].agent.type == "Country" and denied[0].agent.qid == "Q423"
    assert "Pyongyang" in denied[0].agent.labels
    hur = facts["file:///data/berita/kursk-hur.txt"]
    (s,) = hur.statements
    assert s.speaker.key == "actor/person/choe-son-hui" and s.speaker.qid is None
    assert "place/Q649" not in {a.key for a in hur.actors}


def test_events_missing_their_required_role_are_left_out_like_the_mapping_does():
    art = fixtures.kursk_nis_id()
    agreement = next(e for e in art.events if e.kind == "Agreement")
    agreement.parties = agreement.parties[:1]
    statement = next(e for e in art.events if e.kind == "Statement")
    statement.speaker = None
    (f,) = facts_from_articles([art])
    assert f.agreements == [] and f.statements == [] and len(f.deployments) == 1


def _norm(facts):
    """Store keys are IRIs, in-process keys are 'actor/<key>': compare what the scorer uses."""
    def actor(a):
        return None if a is None else (a.type, a.qid, sorted(a.labels))

    return {
        "actors": sorted((a.type, a.qid or "", sorted(a.labels)) for a in facts.actors),
        "deployments": sorted(
            (str(actor(d.agent)), d.troops or 0, d.qualifier or "", str(actor(d.destination)),
             str(actor(d.claimed_by)), d.modality or "", d.evidence) for d in facts.deployments),
        "statements": sorted((str(actor(s.speaker)), str(s.quote), s.evidence) for s in facts.statements),
        "agreements": sorted(
            (sorted(str(actor(p)) for p in g.parties), g.evidence) for g in facts.agreements),
    }


def test_store_reader_agrees_with_in_process_facts_through_the_real_mapping():
    import pyoxigraph as ox

    from kg.config import Config
    from kg.rdf import mapping

    cfg = Config()
    arts = fixtures.fixture_articles()
    st = ox.Store()
    for a in arts:
        st.extend(mapping.article_to_quads(a, cfg))
    from_store = {f.url: _norm(f) for f in read_store(st)}
    in_process = {f.url: _norm(f) for f in facts_from_articles(arts)}
    assert from_store == in_process
