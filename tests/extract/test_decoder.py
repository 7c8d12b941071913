"""The decoder groups role spans into events without the model (hand-set token scores)."""

from __future__ import annotations

import re

import numpy as np

from kg.doc import Article, Sentence
from kg.extract.config import KINDS, MODALITIES, ROLES, mention_labels
from kg.extract.decoder import Decoder, SentencePrediction

LABELS = mention_labels()


def _pred(index: int, start: int, text: str, mentions: dict[str, str], roles: dict[str, list[str]],
          kinds=(0.0, 0.0, 0.0), modality: dict[str, str] | None = None) -> SentencePrediction:
    """Token = word; ``mentions``/``roles`` map a phrase to a type / list of roles."""
    toks = [(m.start(), m.end()) for m in re.finditer(r"\w+(?:[.,]\d+)*|[^\w\s]", text)]
    mp = np.zeros((len(toks), len(LABELS)), np.float32)
    mp[:, 0] = 1.0
    rp = np.zeros((len(toks), 2 * len(ROLES)), np.float32)
    mo = np.zeros((len(toks), len(MODALITIES)), np.float32)
    mo[:, 0] = 1.0

    def idx(phrase):
        s = text.index(phrase)
        return [k for k, (a, b) in enumerate(toks) if a >= s and b <= s + len(phrase)]

    for phrase, typ in mentions.items():
        for j, k in enumerate(idx(phrase)):
            mp[k, 0] = 0.0
            mp[k, LABELS.index(("B-" if j == 0 else "I-") + typ)] = 0.95
    for phrase, rs in roles.items():
        for r in rs:
            ri = ROLES.index(r)
            for j, k in enumerate(idx(phrase)):
                if j == 0:
                    rp[k, 2 * ri] = 0.95
                rp[k, 2 * ri + 1] = 0.95
    for phrase, m in (modality or {}).items():
        k = idx(phrase)[0]
        mo[k] = 0.0
        mo[k, MODALITIES.index(m)] = 0.9
    return SentencePrediction(index, start, text, toks, mp, rp, mo, np.array(kinds, np.float32))


def _decoder():
    return Decoder(LABELS, ROLES, MODALITIES, KINDS)


def test_two_deployments_in_one_sentence_keep_their_own_counts_and_destinations():
    text = "Prancis mengirim 800 tentara ke Estonia, sementara Inggris mengerahkan sekitar 1.000 tentara ke Polandia."
    art = Article.from_text(text, source="mem")
    p = _pred(0, 0, text,
              {"Prancis": "CTRY", "Estonia": "CTRY", "Inggris": "CTRY", "Polandia": "CTRY"},
              {"Prancis": ["AGENT"], "mengirim": ["T_DEP"], "800": ["COUNT"], "Estonia": ["DEST"],
               "Inggris": ["AGENT"], "mengerahkan": ["T_DEP"], "sekitar 1.000": ["COUNT"], "Polandia": ["DEST"]},
              kinds=(0.99, 0.01, 0.0))
    _decoder().decode(art, [p])
    deps = {e.agent.text: e for e in art.events}
    assert set(deps) == {"Prancis", "Inggris"}
    assert (deps["Prancis"].troop_count, deps["Prancis"].qualifier, deps["Prancis"].destination.text) == (800, "Exact", "Estonia")
    assert (deps["Inggris"].troop_count, deps["Inggris"].qualifier, deps["Inggris"].destination.text) == (1000, "About", "Polandia")
    for m in art.mentions:
        assert art.text[m.start:m.end] == m.text


def test_pronoun_speaker_points_at_the_previous_sentence_mention():
    s1 = "Menteri Luar Negeri Kanada Mélanie Joly mengatakan situasi memburuk."
    s2 = "“Kami khawatir,” ujarnya."
    text = s1 + " " + s2
    art = Article.from_text(text, source="mem")
    art.sentences = [Sentence(0, 0, len(s1), s1), Sentence(1, len(s1) + 1, len(text), s2)]
    p1 = _pred(0, 0, s1, {"Kanada": "CTRY", "Mélanie Joly": "PER"},
               {"Mélanie Joly": ["SPEAKER"], "mengatakan": ["T_STMT"], "situasi memburuk": ["CONTENT"]}, kinds=(0, 0.98, 0))
    p2 = _pred(1, len(s1) + 1, s2, {}, {"ujarnya": ["T_STMT", "SPEAKER"], "Kami khawatir": ["CONTENT"]}, kinds=(0, 0.97, 0))
    _decoder().decode(art, [p1, p2])
    first, second = sorted((e for e in art.events if e.kind == "Statement"), key=lambda e: e.start)
    assert first.speaker.text == "Mélanie Joly"
    assert second.speaker is first.speaker
    assert second.is_quote is True and first.is_quote is False
    assert second.text == "Kami khawatir"


def test_claimant_modality_and_a_sentence_without_agent():
    text = "Menurut CNN, Iran mungkin mengirim 2.000 tentara ke Yaman. Sebanyak 500 tentara tewas."
    art = Article.from_text(text, source="mem")
    p = _pred(0, 0, text[:58], {"CNN": "ORG", "Iran": "CTRY", "Yaman": "CTRY"},
              {"CNN": ["CLAIMANT"], "Iran": ["AGENT"], "mengirim": ["T_DEP"], "2.000": ["COUNT"], "Yaman": ["DEST"]},
              kinds=(0.95, 0, 0), modality={"mengirim": "Possible"})
    q = _pred(1, 59, text[59:], {}, {}, kinds=(0.05, 0, 0))
    _decoder().decode(art, [p, q])
    (dep,) = art.events
    assert dep.claimant.text == "CNN" and dep.modality == "Possible" and dep.troop_count == 2000
