"""The context-agent classifier: a deployment whose sentence names no agent takes the learned pick
among the states and organisations named before (and nothing without the checkpoint's weights)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.doc import Article
from kg.extract.config import KINDS, MODALITIES, ROLES
from kg.extract.context_agent import FEATURES, Candidate, ContextAgent, History
from kg.extract.decoder import Decoder

REPO = Path(__file__).resolve().parents[2]


def _load(name: str, path: Path):
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


_dec = _load("warta_test_decoder_helpers", Path(__file__).with_name("test_decoder.py"))
LABELS, _pred = _dec.LABELS, _dec._pred

# hand-set weights: a state beats an organisation, a destination is no agent, the latest agent carries
SPEC = {"features": list(FEATURES), "bias": -3.0, "threshold": 0.5,
        "coef": [2.0 * (f == "is_country") + 2.0 * (f == "latest_agent") - 4.0 * (f in ("destination_before", "destination_here"))
                 + 1.0 * (f == "recency") for f in FEATURES]}

TEXT = ("Chile mengirim 300 tentara ke perbatasan. Kementerian Pertahanan mengumumkan rencana baru. "
        "Sekitar 200 tentara lagi tiba di Bolivia pada Senin.")


def _sentences():
    s1, s2, s3 = TEXT.split(". ")[0] + ".", TEXT.split(". ")[1] + ".", TEXT.split(". ")[2]
    a2 = TEXT.index(s2)
    a3 = TEXT.index(s3)
    return [
        _pred(0, 0, s1, {"Chile": "CTRY"}, {"Chile": ["AGENT"], "mengirim": ["T_DEP"], "300": ["COUNT"]},
              kinds=(0.99, 0.0, 0.0)),
        _pred(1, a2, s2, {"Kementerian Pertahanan": "ORG"}, {}),
        _pred(2, a3, s3, {"Bolivia": "CTRY"}, {"tiba": ["T_DEP"], "Sekitar 200": ["COUNT"], "Bolivia": ["DEST"]},
              kinds=(0.99, 0.0, 0.0)),
    ]


def _decode(spec, rules="none"):
    from kg.extract.rules import RuleSet

    art = Article.from_text(TEXT, source="mem", lang="id")
    Decoder(LABELS, ROLES, MODALITIES, KINDS, rules=RuleSet(rules), context_agent=spec).decode(art, _sentences())
    return [ev for ev in art.events if ev.kind == "Deployment"]


def test_an_agent_named_two_sentences_back_is_picked_by_the_classifier():
    deps = _decode(SPEC)
    assert [(d.agent.text, d.troop_count) for d in deps] == [("Chile", 300), ("Chile", 200)]
    later = deps[1]
    assert "context-agent classifier" in later.extractor and "(model only)" in later.extractor
    assert "context-agent" not in deps[0].extractor  # the first one's agent is the model's own span


def test_without_weights_the_model_alone_drops_a_deployment_nobody_deploys():
    assert [(d.agent.text, d.troop_count) for d in _decode(None)] == [("Chile", 300)]


def test_a_high_threshold_leaves_the_agent_unresolved():
    assert [d.troop_count for d in _decode({**SPEC, "threshold": 0.999})] == [300]


def test_the_destination_is_never_its_own_agent():
    ca = ContextAgent(SPEC)
    chile, bolivia = Candidate("chile", "Country", [0]), Candidate("bolivia", "Country", [2])
    assert ca.choose([chile, bolivia], 2, History(agents=[(0, "chile")], destinations_here={"bolivia"})) is chile


def test_weights_for_other_features_are_refused():
    with pytest.raises(ValueError, match="features"):
        ContextAgent({**SPEC, "features": ["recency"]})


def test_training_rows_come_from_gold_and_label_the_agent(tmp_path):
    article_groups = _load("train_context_agent_cli", REPO / "scripts" / "train_context_agent.py").article_groups

    text = "Chile mengirim 300 tentara. Kemudian Peru berbicara. Sekitar 200 tentara lagi tiba."
    data = {"mentions": [{"start": 0, "end": 5, "text": "Chile", "type": "CTRY", "actor": "Chile"},
                         {"start": 37, "end": 41, "text": "Peru", "type": "CTRY", "actor": "Peru"}],
            "deployments": [
                {"agent": "Chile", "trigger": {"start": 6, "end": 14}, "roles": [{"role": "AGENT", "start": 0, "end": 5, "text": "Chile"}]},
                {"agent": "Chile", "trigger": {"start": 76, "end": 80}, "roles": []}]}
    (groups,) = article_groups(text, data)
    x, y = groups
    assert len(x) == 2 and all(len(r) == len(FEATURES) for r in x)
    # candidates in recency order of their sentences as listed by ``candidates``: Chile, Peru
    assert sorted(y) == [0, 1]
    chile_row = x[y.index(1)]
    assert chile_row[FEATURES.index("latest_agent")] == 1.0 and chile_row[FEATURES.index("back_2")] == 1.0


@pytest.mark.slow
def test_the_training_script_fits_on_a_folder_and_writes_into_a_checkpoint(tmp_path):
    train = tmp_path / "train"
    train.mkdir()
    for i, (a, b) in enumerate([("Chile", "Peru"), ("Kenya", "Uganda"), ("Fiji", "Tonga")]):
        text = f"{a} mengirim 300 tentara ke {b}. Kemudian {b} berbicara. Sekitar 200 tentara lagi tiba."
        ta, tb = text.index(a), text.rindex(b)
        data = {"lang": "id", "mentions": [{"start": ta, "end": ta + len(a), "text": a, "type": "CTRY", "actor": a},
                                           {"start": text.index(b), "end": text.index(b) + len(b), "text": b, "type": "CTRY", "actor": b},
                                           {"start": tb, "end": tb + len(b), "text": b, "type": "CTRY", "actor": b}],
                "deployments": [
                    {"agent": a, "trigger": {"start": text.index("mengirim"), "end": text.index("mengirim") + 8},
                     "roles": [{"role": "AGENT", "start": ta, "end": ta + len(a), "text": a},
                               {"role": "DEST", "start": text.index(b), "end": text.index(b) + len(b), "text": b}]},
                    {"agent": a, "trigger": {"start": text.index("tiba"), "end": text.index("tiba") + 4}, "roles": []}],
                "statements": [], "agreements": [], "actors": [], "places": []}
        (train / f"id_t{i}.txt").write_text(text, encoding="utf-8")
        (train / f"id_t{i}.json").write_text(json.dumps(data), encoding="utf-8")
    ck = tmp_path / "ck"
    ck.mkdir()
    (ck / "config.json").write_text(json.dumps({"model_type": "warta-extractor"}), encoding="utf-8")
    out = subprocess.run([sys.executable, str(REPO / "scripts" / "train_context_agent.py"), "--train", str(train),
                          "--dev", "", "--into", str(ck)], capture_output=True, text=True, cwd=REPO)
    assert out.returncode == 0, out.stderr
    assert "top-1 right 3/3" in out.stdout
    spec = json.loads((ck / "config.json").read_text())["context_agent"]
    assert spec["features"] == list(FEATURES) and len(spec["coef"]) == len(FEATURES)
    ContextAgent(spec)  # loads
    (tmp_path / "test").mkdir()
    refused = subprocess.run([sys.executable, str(REPO / "scripts" / "train_context_agent.py"), "--train", str(tmp_path / "test")],
                             capture_output=True, text=True, cwd=REPO)
    assert refused.returncode != 0 and "never train on a test split" in refused.stderr


def test_make_train_refits_the_shipped_context_agent_from_the_train_split_it_saw():
    """`make train` passes the Makefile's --exclude: the batches written after 3.6's split, on which
    the shipped context agent was fitted (ids "_w11h.." to "_w15h..") are left out, and the
    refitted weights are the shipped ones."""
    import re

    make = (REPO / "Makefile").read_text(encoding="utf-8")
    exclude = re.search(r"train_context_agent\.py --exclude '([^']+)'", make).group(1)
    mod = _load("train_context_agent_refit", REPO / "scripts" / "train_context_agent.py")
    train = mod.groups(REPO / "data" / "corpus" / "train", "agent", exclude)
    coef, bias, _, _ = mod.fit(train)
    shipped = json.loads((REPO / "kg" / "models" / "warta-extractor-e5" / "config.json").read_text())["context_agent"]
    assert shipped["trained_on"].startswith(f"train: {len(train)} deployments")
    assert len(coef) == len(shipped["coef"]) and max(abs(a - b) for a, b in zip(coef, shipped["coef"])) < 1e-9 and abs(bias - shipped["bias"]) < 1e-9


def test_the_sentence_s_own_passive_agent_comes_before_the_learned_pick():
    text = "Chile mengirim 300 tentara ke Darwin. Sekitar 200 tentara dikirim ke Darwin oleh Peru."
    s1, s2 = text.split(". ")[0] + ".", text.split(". ")[1]
    preds = [_pred(0, 0, s1, {"Chile": "CTRY", "Darwin": "LOC"}, {"Chile": ["AGENT"], "mengirim": ["T_DEP"], "300": ["COUNT"]},
                   kinds=(0.99, 0.0, 0.0)),
             _pred(1, text.index(s2), s2, {"Darwin": "LOC", "Peru": "CTRY"},
                   {"dikirim": ["T_DEP"], "Sekitar 200": ["COUNT"], "Darwin": ["DEST"]}, kinds=(0.99, 0.0, 0.0))]
    from kg.extract.rules import RuleSet

    art = Article.from_text(text, source="mem", lang="id")
    Decoder(LABELS, ROLES, MODALITIES, KINDS, rules=RuleSet("all"), context_agent=SPEC).decode(art, preds)
    assert [(d.agent.text, d.troop_count) for d in art.events if d.kind == "Deployment"] == [("Chile", 300), ("Peru", 200)]


# ---------------------------------------------------------------- an agreement's untagged parties
PARTY_SPEC = {"features": list(FEATURES), "bias": -2.0, "threshold": 0.5,
              "coef": [3.0 * (f == "is_country") + 1.0 * (f == "recency") for f in FEATURES]}
AGR_TEXT = ("Chile dan Peru memulai perundingan perbatasan. Mediator dari PBB hadir. "
            "Kedua negara menandatangani perjanjian itu pada Senin. Peru menyambut perjanjian dengan Bolivia.")


def _agr_sentences():
    s = [x if x.endswith(".") else x + "." for x in AGR_TEXT.split(". ")]
    at = [AGR_TEXT.index(x) for x in s]
    return [
        _pred(0, at[0], s[0], {"Chile": "CTRY", "Peru": "CTRY"}, {}),
        _pred(1, at[1], s[1], {"PBB": "ORG"}, {}),
        _pred(2, at[2], s[2], {}, {"menandatangani": ["T_AGR"]}, kinds=(0.0, 0.0, 0.99)),
        _pred(3, at[3], s[3], {"Peru": "CTRY", "Bolivia": "CTRY"},
              {"menyambut": ["T_AGR"], "Bolivia": ["PARTY"]}, kinds=(0.0, 0.0, 0.99)),
    ]


def _agreements(party_spec, rules="none", needs_party=0):
    from kg.extract.rules import RuleSet

    art = Article.from_text(AGR_TEXT, source="mem", lang="id")
    Decoder(LABELS, ROLES, MODALITIES, KINDS, rules=RuleSet(rules), context_party=party_spec,
            thresholds={"context_party_needs_party": needs_party}).decode(art, _agr_sentences())
    return [ev for ev in art.events if ev.kind == "Agreement"]


def test_both_parties_of_the_two_countries_come_from_the_article_so_far():
    first, second = _agreements(PARTY_SPEC)
    assert sorted(m.text for m in first.parties) == ["Chile", "Peru"]  # the states, not the UN mediator
    assert "context-party classifier" in first.extractor
    # one party tagged ("Bolivia"): the classifier adds one more, never the tagged one again
    assert len(second.parties) == 2 and second.parties[0].text == "Bolivia" and second.parties[1].text in ("Peru", "Chile")


def test_by_default_an_agreement_with_no_tagged_party_is_not_made_up_from_context():
    (only,) = _agreements(PARTY_SPEC, needs_party=1)  # "Kedua negara menandatangani ...": left out
    assert only.parties[0].text == "Bolivia" and len(only.parties) == 2


def test_without_its_weights_an_agreement_keeps_only_what_its_sentence_tags():
    (only,) = _agreements(None)
    assert [m.text for m in only.parties] == ["Bolivia"] and "classifier" not in only.extractor


def test_a_high_party_threshold_adds_nobody():
    (only,) = _agreements({**PARTY_SPEC, "threshold": 0.999})
    assert [m.text for m in only.parties] == ["Bolivia"]


def test_party_training_rows_label_the_untagged_parties():
    party_groups = _load("train_context_party_cli", REPO / "scripts" / "train_context_agent.py").party_groups

    text = "Chile dan Peru berunding. Mediator PBB hadir. Kedua negara menandatangani perjanjian."
    ms = [("Chile", "CTRY", "Chile"), ("Peru", "CTRY", "Peru"), ("PBB", "ORG", "United Nations")]
    data = {"mentions": [{"start": text.index(t), "end": text.index(t) + len(t), "text": t, "type": ty, "actor": a}
                         for t, ty, a in ms],
            "agreements": [{"parties": ["Chile", "Peru"], "trigger": {"start": text.index("menandatangani"), "end": 0},
                            "roles": []},
                           {"parties": ["Chile", "Peru"], "trigger": {"start": text.index("berunding"), "end": 0},
                            "roles": [{"role": "PARTY", "start": 0, "end": 5, "text": "Chile"},
                                      {"role": "PARTY", "start": 10, "end": 14, "text": "Peru"}]}]}
    (groups,) = party_groups(text, data)  # the second one tags both: no row
    x, y = groups
    assert len(x) == 3 and sorted(y) == [0, 1, 1]
    (negative,) = [row for row, v in zip(x, y) if v == 0]
    assert negative[FEATURES.index("is_country")] == 0.0  # the UN mediator, not a state


def test_the_party_threshold_can_be_overridden_by_the_checkpoint_thresholds():
    from kg.extract.rules import RuleSet

    art = Article.from_text(AGR_TEXT, source="mem", lang="id")
    Decoder(LABELS, ROLES, MODALITIES, KINDS, rules=RuleSet("none"), context_party=PARTY_SPEC,
            thresholds={"context_party_min": 0.999}).decode(art, _agr_sentences())
    assert [[m.text for m in ev.parties] for ev in art.events if ev.kind == "Agreement"] == [["Bolivia"]]


def test_a_mediator_is_never_picked_back_as_a_party():
    from kg.extract.rules import RuleSet

    text = "Chile dan Peru berunding. Perjanjian yang dimediasi Brasil itu diteken Peru pada Senin."
    s1, s2 = "Chile dan Peru berunding.", text[26:]
    preds = [_pred(0, 0, s1, {"Chile": "CTRY", "Peru": "CTRY"}, {}),
             _pred(1, 26, s2, {"Brasil": "CTRY", "Peru": "CTRY"}, {"diteken": ["T_AGR"], "Peru": ["PARTY"], "Brasil": ["PARTY"]},
                   kinds=(0.0, 0.0, 0.99))]
    spec = {**PARTY_SPEC, "coef": [3.0 * (f == "is_country") + 3.0 * (f == "same_sentence") for f in FEATURES]}
    art = Article.from_text(text, source="mem", lang="id")
    Decoder(LABELS, ROLES, MODALITIES, KINDS, rules=RuleSet("all"), context_party=spec).decode(art, preds)
    (agr,) = [ev for ev in art.events if ev.kind == "Agreement"]
    assert sorted(m.text for m in agr.parties) == ["Chile", "Peru"]


def test_two_countries_tagged_as_a_party_phrase_leave_both_slots_to_the_states():
    from kg.extract.rules import RuleSet

    text = "Chile dan Peru berunding. Kedua negara menandatangani perjanjian itu."
    s1, s2 = "Chile dan Peru berunding.", text[26:]
    preds = [_pred(0, 0, s1, {"Chile": "CTRY", "Peru": "CTRY"}, {}),
             _pred(1, 26, s2, {}, {"menandatangani": ["T_AGR"], "Kedua negara": ["PARTY"]}, kinds=(0.0, 0.0, 0.99))]
    art = Article.from_text(text, source="mem", lang="id")
    Decoder(LABELS, ROLES, MODALITIES, KINDS, rules=RuleSet("all"), context_party=PARTY_SPEC,
            thresholds={"context_party_needs_party": 0}).decode(art, preds)
    (agr,) = [ev for ev in art.events if ev.kind == "Agreement"]
    assert sorted(m.text for m in agr.parties) == ["Chile", "Peru"]


def test_a_threshold_for_a_role_that_does_not_exist_is_refused():
    with pytest.raises(ValueError, match="no such role"):
        Decoder(LABELS, ROLES, MODALITIES, KINDS, thresholds={"role_t_dep": 0.3})
