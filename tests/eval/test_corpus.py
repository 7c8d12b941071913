"""The annotated corpus: every file checks out, splits are story-disjoint, the counts hold."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest


from kg.eval.corpus import SPLITS, articles, resolve, training_examples, validate

CORPUS = Path(__file__).resolve().parents[2] / "data" / "corpus"
# ids of the batches appended to train after the first ("de_w9h12_03", "fr_w10h52_05")
LATER_BATCH = re.compile(r"_w\d+h\d")
# ids of the batches appended to dev ("de_d7h27_01", "id_d8h55_02")
DEV_BATCH = re.compile(r"_d\d+h\d")
MINIMUM = {"id": 100, "en": 50, "ms": 25, "fr": 25, "de": 25, "es": 15}


@pytest.fixture(scope="module")
def corpus():
    return {s: articles(CORPUS / s) for s in SPLITS}


def test_every_corpus_file_checks_out(corpus):
    problems = [p for items in corpus.values() for txt, text, data in items
                for p in validate(text, data, source=str(txt))]
    assert problems == []


def test_counts_languages_and_length(corpus):
    langs = Counter(data["lang"] for items in corpus.values() for _, _, data in items)
    for lang, n in MINIMUM.items():
        assert langs[lang] >= n, (lang, langs[lang])
    stories = {data["story"] for items in corpus.values() for _, _, data in items}
    assert len(stories) >= 60
    for items in corpus.values():
        for txt, text, data in items:
            low = 250 if LATER_BATCH.search(data["id"]) or "_d8h" in data["id"] else 300  # later batches: from 250 words
            assert low <= len(text.split()) <= 700, txt.name


def test_splits_share_no_story_and_test_covers_every_language(corpus):
    stories = {s: {data["story"] for _, _, data in items} for s, items in corpus.items()}
    assert not stories["train"] & stories["dev"]
    assert not stories["train"] & stories["test"]
    assert not stories["dev"] & stories["test"]
    # the split was dealt over the first batch; later batches were appended whole to one split
    # (build_corpus --append-to): train batches have "_w9..."/"_w10h..." ids, dev batches "_d7h..."/"_d8h..."
    first = sum(1 for items in corpus.values() for _, _, data in items
                if not LATER_BATCH.search(data["id"]) and not DEV_BATCH.search(data["id"]))
    assert len(corpus["test"]) >= 0.15 * first
    assert all(not LATER_BATCH.search(data["id"]) for s in ("dev", "test") for _, _, data in corpus[s])
    assert all(not DEV_BATCH.search(data["id"]) for s in ("train", "test") for _, _, data in corpus[s])
    assert {data["lang"] for _, _, data in corpus["test"]} == set(MINIMUM)
    ids = [data["id"] for items in corpus.values() for _, _, data in items]
    assert len(ids) == len(set(ids))


def test_gold_files_are_what_kg_eval_reads(corpus):
    from kg.eval.gold import load_gold

    gold = load_gold(CORPUS / "dev")
    assert len(gold) == len(corpus["dev"])


TEXT = "JAKARTA - Indonesia mengirim 1.000 prajurit TNI ke Lebanon, kata Menteri Budi Santoso. Budi menambahkan hal itu."
RAW = {
    "id": "x", "story": "s", "lang": "id", "url": None, "published": None,
    "actors": [{"name": "Indonesia", "type": "Country", "qid": "Q252", "mentions": ["Indonesia"]},
               {"name": "Budi Santoso", "type": "Person", "qid": None, "mentions": ["Budi Santoso", "Budi"]}],
    "places": ["Lebanon"],
    "deployments": [{"agent": "Indonesia", "troops": 1000, "qualifier": "exact", "destination": "Lebanon",
                     "in_support_of": None, "claimed_by": "Budi Santoso", "modality": "asserted",
                     "evidence": "Indonesia mengirim 1.000 prajurit TNI ke Lebanon, kata Menteri Budi Santoso",
                     "trigger": "mengirim", "spans": {"AGENT": "Indonesia", "COUNT": "1.000", "DEST": "Lebanon",
                                                      "CLAIMANT": "Budi Santoso"}}],
    "statements": [{"speaker": "Budi Santoso", "quote": False, "evidence": "kata Menteri Budi Santoso",
                    "trigger": "kata", "spans": {"SPEAKER": "Budi Santoso"}}],
    "agreements": [],
}


def test_resolve_tags_every_occurrence_longest_first_and_finds_roles_in_the_evidence():
    res = resolve(TEXT, RAW)
    assert validate(TEXT, res) == []
    tags = [(m["text"], m["type"]) for m in res["mentions"]]
    assert tags == [("Indonesia", "CTRY"), ("Lebanon", "LOC"), ("Budi Santoso", "PER"), ("Budi", "PER")]
    dep = res["deployments"][0]
    assert TEXT[dep["trigger"]["start"]:dep["trigger"]["end"]] == "mengirim"
    assert {r["role"]: TEXT[r["start"]:r["end"]] for r in dep["roles"]}["COUNT"] == "1.000"
    exs = training_examples(TEXT, res)
    assert exs[0].kinds == (1, 1, 0) and ("T_DEP" in {r for _, _, r in exs[0].roles})
    assert [t[2] for t in exs[0].triggers] == ["Asserted", None]  # a statement's trigger has no modality


def test_validator_catches_bad_offsets_roles_and_counts():
    res = resolve(TEXT, RAW)
    bad = json.loads(json.dumps(res))
    bad["mentions"][0]["start"] += 1
    bad["deployments"][0]["roles"][0]["role"] = "SPEAKER"
    bad["deployments"][0]["troops"] = 10.5
    bad["statements"][0]["evidence"] = "x" * 201
    problems = " | ".join(validate(TEXT, bad))
    assert "do not give" in problems
    assert "not allowed for deployments" in problems
    assert "troops" in problems
    assert "200" in problems


def test_a_role_string_outside_the_evidence_is_refused():
    from kg.eval.corpus import CorpusError

    raw = json.loads(json.dumps(RAW))
    raw["deployments"][0]["spans"]["DEST"] = "Suriah"
    with pytest.raises(CorpusError, match="DEST"):
        resolve(TEXT, raw)
