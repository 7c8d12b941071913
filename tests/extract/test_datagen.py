"""The training-data generator: annotations line up with the text, negatives stay negative."""

import pytest

from kg.extract import datagen
from kg.extract.datagen.builder import MENTION_TYPES, ROLES


@pytest.fixture(scope="module")
def examples():
    return datagen.generate(3000, seed=7)


def test_spans_are_inside_the_text_and_trimmed(examples):
    for ex in examples:
        for s, e, t in ex.mentions:
            assert t in MENTION_TYPES
            assert 0 <= s < e <= len(ex.text)
            assert ex.text[s:e] == ex.text[s:e].strip(), ex.text
        for s, e, r in ex.roles:
            assert r in ROLES and 0 <= s < e <= len(ex.text)


def test_generation_is_reproducible():
    a = [e.text for e in datagen.generate(50, seed=3)]
    b = [e.text for e in datagen.generate(50, seed=3)]
    assert a == b


def test_all_languages_and_kinds_are_present(examples):
    assert {e.lang for e in examples} == {"id", "en", "ms", "fr", "de", "es"}
    kinds = [sum(e.kinds[i] for e in examples) for i in range(3)]
    assert all(k > 100 for k in kinds), kinds
    negatives = [e for e in examples if e.kinds == (0, 0, 0)]
    assert len(negatives) > 300


def test_deployment_triggers_carry_arguments(examples):
    for ex in examples:
        roles = {r for _, _, r in ex.roles}
        if "T_DEP" in roles:
            assert "AGENT" in roles or "COUNT" in roles, ex.text


def test_casualty_and_recruitment_numbers_are_not_counts(examples):
    words = ("tewas", "merekrut", "killed", "recruited", "rudal", "missiles")
    hits = [e for e in examples if any(w in e.text for w in words) and "T_DEP" not in {r for _, _, r in e.roles}]
    assert hits, "the generator must produce distractor numbers"
    for ex in hits:
        assert "COUNT" not in {r for _, _, r in ex.roles}


def test_ner_corpus_maps_country_places_to_country():
    ner = datagen.load_ner()
    assert len(ner) > 5000
    full = [e for e in ner if e.full]
    assert 0 < len(full) < len(ner)
    assert all("mengatakan" not in e.text and "tentara" not in e.text for e in full)
    types = {t for e in ner for _, _, t in e.mentions}
    assert types == {"PER", "ORG", "LOC", "CTRY"}
