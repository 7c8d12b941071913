"""Iteration-2 generator variety: partitives, nominal deployments, outlets as claimants, realism."""

import random

import pytest

from kg.extract import datagen
from kg.extract.datagen import names as N
from kg.extract.datagen.builder import Example
from kg.extract.datagen.variety import glue, invented_person_v2, restyle_quotes, title_case


@pytest.fixture(scope="module")
def examples():
    return datagen.generate(4000, seed=11)


def _roles(ex, role):
    return [ex.text[s:e] for s, e, r in ex.roles if r == role]


def test_sentences_with_two_troop_counts_exist_in_several_languages(examples):
    multi = [e for e in examples if len(_roles(e, "COUNT")) >= 2 and len(_roles(e, "DEST")) >= 2]
    assert len(multi) > 40
    assert {e.lang for e in multi} >= {"id", "en"}
    assert any("di antaranya" in e.text for e in multi) and any("of them" in e.text for e in multi)


def test_nominal_deployment_triggers_are_taught(examples):
    trig = {t.lower() for e in examples for t in _roles(e, "T_DEP")}
    assert {"kehadiran", "penempatan", "presence"} & trig
    assert "ada" in trig or "terdapat" in trig


def test_a_reporting_outlet_is_a_claimant_and_never_a_speaker(examples):
    for e in examples:
        for s, end, r in e.roles:
            follows = e.text[end:end + 12].strip().split(" ")[0]
            if r == "SPEAKER" and e.text[s:end] in N.MEDIA and follows in ("melaporkan", "reported", "melaporkan,"):
                raise AssertionError(e.text)
    assert any(set(_roles(e, "CLAIMANT")) & N.MEDIA for e in examples)


def test_spans_stay_aligned_after_all_transforms(examples):
    for e in examples:
        for s, end, _ in e.mentions + e.roles:
            assert 0 <= s < end <= len(e.text)
            assert e.text[s:end] == e.text[s:end].strip(), e.text


def test_headlines_are_title_case_negatives(examples):
    heads = [e for e in examples if e.kinds == (0, 0, 0) and len(e.text.split()) > 4
             and all(w[:1].isupper() or not w[:1].isalpha() for w in e.text.split())]
    assert heads, "the generator must produce Title-Case headlines"


def test_transforms_keep_offsets():
    ex = Example("“Siap,” kata Ali.", [(13, 16, "PER")], [(13, 16, "SPEAKER")])
    out = restyle_quotes(ex, random.Random(3))
    assert out.text[13:16] == "Ali"
    assert title_case(Example("kata dia", [], [])).text == "Kata Dia"
    g = glue(Example("Budi tiba", [(0, 4, "PER")]), "; ", Example("Ali pergi", [(0, 3, "PER")]))
    assert [g.text[s:e] for s, e, _ in g.mentions] == ["Budi", "Ali"]


def test_name_shapes_include_hyphens_and_particles():
    names = {invented_person_v2(random.Random(i)) for i in range(400)}
    assert any("-" in n and n.split()[0] in N.FIRST["ko"] for n in names)
    assert any(" bin " in n or " binti " in n for n in names)
    assert any(" al-" in n for n in names) and any(n.endswith(" Jr.") for n in names)
    assert any(" von " in n or " von der " in n for n in names)
