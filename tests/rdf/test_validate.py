"""SHACL: the mapping output conforms; broken graphs are caught with plain-words messages."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from fixtures_articles import fixture_articles, kursk_nis_id
from kg.rdf.mapping import article_to_quads
from kg.rdf.namespaces import XSD
from kg.rdf.validate import validate
from kg.rdf.vocab import KG

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
R = "https://w3id.org/warta/resource/"


@pytest.fixture
def quads(cfg):
    return [q for a in fixture_articles() for q in article_to_quads(a, cfg)]


def test_mapping_output_conforms(quads):
    assert validate(quads) == []


def _without(quads, pred, subject_contains=""):
    return [q for q in quads if not (q.predicate == pred and subject_contains in q.subject.value)]


def test_statement_without_speaker_is_reported_in_plain_words(cfg):
    a = kursk_nis_id()
    broken = _without(article_to_quads(a, cfg), KG.speaker)
    [v] = validate(broken, base_iri=cfg.base_iri)
    assert str(v) == (
        f"Statement kgr:event/{a.id}-statement-1 has no kg:speaker (exactly one required) "
        f"[in kgr:graph/{a.id}]"
    )
    assert v.kind == "Statement" and v.path == "kg:speaker" and v.graphs == (f"kgr:graph/{a.id}",)


def test_agreement_with_one_party_and_bad_values(cfg):
    a = kursk_nis_id()
    qs = _without(article_to_quads(a, cfg), KG.party)
    g = ox.NamedNode(R + f"graph/{a.id}")
    agr = ox.NamedNode(R + f"event/{a.id}-agreement-2")
    dep = ox.NamedNode(R + f"event/{a.id}-deployment-0")
    qs.append(ox.Quad(agr, KG.party, ox.NamedNode(R + "actor/Q159"), g))
    qs = [q for q in qs if not (q.subject == dep and q.predicate in (
        KG.troopCount, KG.confidence, KG.countQualifier))]
    qs.append(ox.Quad(dep, KG.troopCount, ox.Literal("-5", datatype=XSD.integer), g))
    qs.append(ox.Quad(dep, KG.confidence, ox.Literal("1.5", datatype=XSD.decimal), g))
    qs.append(ox.Quad(dep, KG.countQualifier, KG.Denied, g))  # a modality, not a qualifier
    messages = [str(v) for v in validate(qs)]
    assert any("Agreement" in m and "has 1 kg:party (at least two required)" in m for m in messages)
    assert any("kg:troopCount that is not one whole number (xsd:integer) >= 0 (got \"-5\"^^xsd:integer)"
               in m for m in messages)
    assert any("kg:confidence that is not one xsd:decimal between 0 and 1" in m for m in messages)
    assert any("kg:countQualifier" in m for m in messages)
    assert len(messages) == 4, messages


def test_wrong_kinds_of_nodes_and_literals_are_caught(cfg):
    a = kursk_nis_id()
    g = ox.NamedNode(R + f"graph/{a.id}")
    dep = ox.NamedNode(R + f"event/{a.id}-deployment-0")
    st = ox.NamedNode(R + f"event/{a.id}-statement-1")
    qs = [q for q in article_to_quads(a, cfg)
          if not (q.subject == dep and q.predicate == KG.destination)
          and not (q.subject == st and q.predicate in (KG.date, KG.text))]
    qs.append(ox.Quad(dep, KG.destination, ox.NamedNode(R + "actor/person/cho-tae-yong"), g))
    qs.append(ox.Quad(st, KG.date, ox.Literal("31 Oktober 2024"), g))
    qs.append(ox.Quad(st, KG.text, ox.Literal("no language tag"), g))
    found = {(v.kind, v.path) for v in validate(qs)}
    assert found == {("Deployment", "kg:destination"), ("Statement", "kg:date"), ("Statement", "kg:text")}


def test_article_needs_sha256_and_url(cfg):
    a = kursk_nis_id()
    qs = _without(article_to_quads(a, cfg), KG.sha256)
    qs = [q for q in qs if q.predicate.value != "http://schema.org/url"]
    assert {(v.kind, v.path) for v in validate(qs)} == {("Article", "kg:sha256"), ("Article", "schema:url")}


def test_cli_validate_files_and_store(tmp_path, quads):
    from kg.cli import app
    from kg.rdf.mapping import ontology_quads

    good = tmp_path / "good.trig"
    good.write_bytes(ox.serialize(quads, format=ox.RdfFormat.TRIG))
    bad = tmp_path / "bad.nq"
    bad.write_bytes(ox.serialize(_without(quads, KG.deployingActor), format=ox.RdfFormat.N_QUADS))
    broken = tmp_path / "broken.ttl"
    broken.write_text("@prefix kg: <https://w3id.org/warta/ontology#> .\nkg:a kg:b .\n")
    runner = CliRunner()

    r = runner.invoke(app, ["validate", str(good)])
    assert r.exit_code == 0 and "conforms" in r.output

    r = runner.invoke(app, ["validate", str(bad), str(broken)])
    assert r.exit_code == 1
    assert r.output.count("has no kg:deployingActor (exactly one required)") == 5
    assert "broken.ttl:2" in r.output  # the bad file is named with its line, and others still run

    store_dir = tmp_path / "store"
    store = ox.Store(str(store_dir))
    store.extend(quads + ontology_quads())
    store.flush()
    del store
    r = runner.invoke(app, ["validate", "--store", str(store_dir)])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["validate", "--store", str(tmp_path / "missing")])
    assert r.exit_code == 2 and "no store at" in r.output


def test_two_pref_labels_in_one_language_are_caught(cfg):
    a = kursk_nis_id()
    g = ox.NamedNode(R + f"graph/{a.id}")
    ru = ox.NamedNode(R + "actor/Q159")
    skos = "http://www.w3.org/2004/02/skos/core#prefLabel"
    qs = article_to_quads(a, cfg)
    assert validate(qs) == []
    qs.append(ox.Quad(ru, ox.NamedNode(skos), ox.Literal("Kremlin", language="en"), g))
    [v] = validate(qs)
    assert v.path == "skos:prefLabel" and "more than one in a language" in str(v)
