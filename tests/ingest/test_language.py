"""Language identification: the five languages we test on, 'und' for noise, and the policy for
unsupported languages (ingested, with a warning)."""

from __future__ import annotations

import pytest

from kg.doc import Article
from kg.ingest import read_inputs
from kg.ingest.language import detect_language, language_warning

SAMPLES = {
    "id": "Pemerintah Indonesia akan mengirim sekitar seribu prajurit ke Lebanon bulan depan, kata juru bicara "
          "Kementerian Luar Negeri kepada wartawan pada hari Kamis.",
    "en": "The government will send about a thousand soldiers to Lebanon next month, a foreign ministry "
          "spokesperson told reporters on Thursday.",
    "fr": "Le gouvernement enverra environ mille soldats au Liban le mois prochain, a déclaré jeudi un porte-parole "
          "du ministère des Affaires étrangères.",
    "de": "Die Regierung wird im nächsten Monat etwa tausend Soldaten in den Libanon schicken, sagte ein Sprecher "
          "des Außenministeriums am Donnerstag.",
    "ms": "Kerajaan akan menghantar kira-kira seribu anggota tentera ke Lubnan bulan hadapan, kata jurucakap "
          "Kementerian Luar Negeri kepada pemberita pada hari Khamis.",
    "es": "El gobierno enviará unos mil soldados al Líbano el próximo mes, dijo el jueves un portavoz del "
          "Ministerio de Asuntos Exteriores.",
}


@pytest.mark.parametrize("lang", sorted(SAMPLES))
def test_detects_sample_language(lang):
    got, confidence = detect_language(SAMPLES[lang], ("id", "en", "ms", "fr", "de", "es"))
    assert got == lang
    assert confidence > 0.5


@pytest.mark.parametrize("noise", ["", "12 345 678 !!!", "—— ** —— 2024", "OK"])
def test_unidentifiable_text_is_und(noise):
    assert detect_language(noise)[0] == "und"


def test_unsupported_language_is_recognised_not_forced_into_a_supported_one():
    nl = "De regering stuurt volgende maand ongeveer duizend soldaten naar Libanon, zei een woordvoerder donderdag."
    assert detect_language(nl, ("id", "en"))[0] == "nl"


def test_warnings():
    assert language_warning("nl", ("id", "en")) == "language 'nl' is not supported; extraction may be poor"
    assert language_warning("und", ("id", "en")).startswith("language could not be identified")
    assert language_warning("en", ("id", "en")) is None


def test_configured_languages_decide_what_is_supported(tmp_path, cfg):
    (tmp_path / "fr.txt").write_text(SAMPLES["fr"])
    (a,) = list(read_inputs([str(tmp_path)], cfg))
    assert a.lang == "fr" and "warning" not in a.provenance
    (b,) = list(read_inputs([str(tmp_path)], cfg.replace(languages=("id", "en"))))
    assert isinstance(b, Article)  # still ingested ...
    assert b.lang == "fr"
    assert b.provenance["warning"] == "language 'fr' is not supported; extraction may be poor"  # ... but flagged


def test_unidentifiable_article_is_ingested_with_a_warning(tmp_path, cfg):
    (tmp_path / "table.txt").write_text("2024 | 1.500 | 10.000\n2025 | 2.000 | 12.000\n")
    (a,) = list(read_inputs([str(tmp_path)], cfg))
    assert a.lang == "und"
    assert "could not be identified" in a.provenance["warning"]
