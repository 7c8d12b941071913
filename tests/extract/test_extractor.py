"""warta-extractor-small (``--model small``) on hand-written news sentences (never the seed articles)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kg.config import Config
from kg.errors import ModelNotFoundError

model = pytest.mark.model


@pytest.fixture(scope="module")
def extractor():
    """These tests pin the behaviour of warta-extractor-small (``--model small``); the default
    model has its own tests in test_e5_extractor.py."""
    from kg.extract.extractor import TransformerExtractor

    return TransformerExtractor(Config.resolve(file=None).replace(model="small"))


def _kinds(art, kind):
    return [e for e in art.events if e.kind == kind]


@model
def test_deployment_with_count_qualifier_destination_and_claimant(run):
    art = run("Menurut Reuters, Turki telah mengirim sekitar 3.000 tentara ke Libya untuk membantu pemerintah di Tripoli.")
    (dep,) = _kinds(art, "Deployment")
    assert dep.agent.text == "Turki" and dep.agent.type == "Country"
    assert (dep.troop_count, dep.qualifier) == (3000, "About")
    assert dep.destination.text == "Libya"
    assert dep.claimant is not None and dep.claimant.text == "Reuters"
    assert dep.modality == "Asserted"
    assert dep.extractor.startswith("kg.extractor.transformer.v1 (warta-extractor-small")
    assert 0.0 <= dep.confidence <= 1.0


@model
def test_casualties_and_recruitment_are_not_deployments(run):
    art = run("Sekitar 1.500 personel per hari tewas atau terluka di garis depan. "
              "Iran merekrut 40.000 personel baru tahun ini. Ukraina kehilangan 2.000 tentara dalam sebulan terakhir.")
    assert _kinds(art, "Deployment") == []


@model
def test_pronoun_speaker_resolves_to_the_named_speaker_of_the_previous_sentence(run):
    art = run("Menteri Pertahanan Australia Richard Marles mengatakan pasukannya akan tetap bersiaga. "
              "“Kami tidak akan mundur dari kawasan ini,” ujarnya.")
    stmts = _kinds(art, "Statement")
    assert len(stmts) == 2
    first, second = sorted(stmts, key=lambda e: e.start)
    assert first.speaker.text == "Richard Marles" and first.speaker.type == "Person"
    assert second.speaker is first.speaker  # the same Mention object, from sentence 0
    assert second.speaker.sentence == 0 and second.sentence == 1
    assert second.is_quote is True
    # Australia is only Marles's affiliation in his title: he is the actor, not the state
    assert not any(m.text == "Australia" for m in art.mentions)


@model
def test_denial_and_metonymic_capital(run):
    art = run("Moskow membantah telah mengirim pasukan ke Suriah.")
    moskow = [m for m in art.mentions if m.text == "Moskow"]
    assert moskow and moskow[0].type == "Country"
    deps = _kinds(art, "Deployment")
    assert deps and deps[0].modality == "Denied"


@model
def test_english_planned_deployment_with_relative_date(run):
    art = run("Canada will deploy up to 2,200 troops to Latvia, Defence Minister Bill Blair said on Monday.",
              lang="en", published="2024-11-20")
    (dep,) = _kinds(art, "Deployment")
    assert dep.agent.text == "Canada"
    assert (dep.troop_count, dep.qualifier, dep.modality) == (2200, "UpTo", "Planned")
    assert dep.destination.text == "Latvia"
    assert dep.date == "2024-11-18"


@model
def test_agreement_parties_and_date(run):
    art = run("Jepang dan Filipina menandatangani perjanjian akses timbal balik di Manila pada 8 Juli 2024.")
    (agr,) = _kinds(art, "Agreement")
    assert {p.text for p in agr.parties} >= {"Jepang", "Filipina"}
    assert agr.date == "2024-07-08"


@model
def test_every_sentence_of_a_long_article_is_read(run):
    filler = ", ".join(f"kota ke-{i} mengalami pemadaman listrik" for i in range(40))
    text = (f"Laporan itu menyebutkan bahwa {filler}, sementara Prancis mengirim 800 tentara ke Estonia. "
            + "Situasi tetap tenang. " * 30 + "Inggris mengerahkan 1.000 tentara ke Polandia.")
    art = run(text)
    for m in art.mentions:
        assert art.text[m.start:m.end] == m.text
    agents = {e.agent.text for e in _kinds(art, "Deployment")}
    assert {"Prancis", "Inggris"} <= agents
    assert any(e.troop_count == 800 for e in _kinds(art, "Deployment"))


@model
def test_version_names_the_weights(extractor):
    v = extractor.version
    assert v.startswith("warta-extractor-small 2.1.1 (") and len(v.split("(")[1]) == 9


def test_missing_model_directory_is_a_clear_error(tmp_path):
    from kg.extract.extractor import TransformerExtractor

    with pytest.raises(ModelNotFoundError) as err:
        TransformerExtractor(Config(), model_path=str(tmp_path / "nope"))
    assert "train_extractor.py" in str(err.value)


def test_registered_under_its_name():
    from kg.extract.extractor import TransformerExtractor
    from kg.registry import extractors

    assert extractors.get("kg.extractor.transformer.v1") is TransformerExtractor


def test_importing_kg_extract_does_not_load_torch():
    code = "import sys, kg.extract, kg.extract.normalize; print('torch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
