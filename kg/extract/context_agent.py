"""The context-agent classifier: who deploys when the sentence names nobody.

A third of the corpus's deployments name their agent in an earlier sentence only ("A further 300
soldiers arrived overnight", "Sekitar 1.100 prajurit kini berjaga di perbatasan"). The role head
reads one sentence at a time, so it cannot tag that agent. This small learned component picks it:
every state or organisation the article has named up to the deployment's sentence is a
candidate, described by where and how the article named it (how many sentences back, how often,
in the headline or lead, whether it deployed, was a destination, spoke, or claimed the news in
this sentence), and a logistic regression trained on the corpus TRAIN split
(``scripts/train_context_agent.py``) scores each; the best one above ``threshold`` is the agent.

The features are structural: no word lists, no alias index, no language-specific cue. Training
reads the gold annotation (candidates are the gold name mentions, history the gold events); at
run time the same features are read off the model's mentions and the events decoded so far. The
weights live in the checkpoint's ``config.context_agent``; a checkpoint without them skips it.

The same model with its own weights (``config.context_party``, ``train_context_agent.py --kind
party``) can fill an agreement's parties that its sentence does not tag ("kedua negara
menyepakati ..."); there the history's "agents" are the parties of the article's earlier
agreements.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional, Sequence

FEATURES = (
    "same_sentence", "back_1", "back_2", "back_3_5", "back_far",
    "headline_or_lead", "log_mentions", "share", "is_country",
    "deployed_before", "latest_agent", "latest_agent_near", "destination_before", "destination_here",
    "spoke_previous", "claimant_here", "before_trigger", "recency",
)
AGENT_TYPES = ("Country", "Organization")


@dataclass
class Candidate:
    """One state or organisation the article has named, as seen from one deployment."""

    key: str  # the folded surface form: the article's mentions of one name are one candidate
    type: str
    sentences: list[int] = field(default_factory=list)  # the sentence of each mention, in order
    ref: Any = None  # what the caller picks (a Mention at run time)
    before_trigger: bool = False


@dataclass
class History:
    """What the article said before the deployment, by candidate key."""

    agents: list[tuple[int, str]] = field(default_factory=list)  # (sentence, key) of earlier deployments
    destinations: set[str] = field(default_factory=set)  # keys that were an earlier deployment's destination
    destinations_here: set[str] = field(default_factory=set)
    speakers_previous: set[str] = field(default_factory=set)  # speakers of the previous sentence's statements
    claimants_here: set[str] = field(default_factory=set)


def fold(text: str) -> str:
    """The key of a surface form.

    >>> fold("  Ministère de la Défense ")
    'ministère de la défense'
    """
    return " ".join(text.lower().split())


def features(c: Candidate, sentence: int, hist: History, rank: int, total_mentions: int) -> list[float]:
    """The feature vector of ``c`` for a deployment in ``sentence`` (in :data:`FEATURES` order)."""
    last = max(s for s in c.sentences if s <= sentence)
    back = sentence - last
    n = sum(1 for s in c.sentences if s <= sentence)
    latest = hist.agents[-1] if hist.agents else None
    return [
        float(back == 0), float(back == 1), float(back == 2), float(3 <= back <= 5), float(back > 5),
        float(min(c.sentences) <= 1), math.log1p(n), n / max(1, total_mentions), float(c.type == "Country"),
        float(any(k == c.key for _, k in hist.agents)),
        float(latest is not None and latest[1] == c.key),
        float(latest is not None and latest[1] == c.key and sentence - latest[0] <= 3),
        float(c.key in hist.destinations), float(c.key in hist.destinations_here),
        float(c.key in hist.speakers_previous), float(c.key in hist.claimants_here),
        float(c.before_trigger), 1.0 / (1.0 + rank),
    ]


def rows(cands: Sequence[Candidate], sentence: int, hist: History) -> list[tuple[Candidate, list[float]]]:
    """Every candidate named at or before ``sentence``, in ``cands`` order, with its feature row
    (its recency rank counts the most recently named first)."""
    live = [c for c in cands if any(s <= sentence for s in c.sentences)]
    order = sorted(live, key=lambda c: -max(s for s in c.sentences if s <= sentence))
    total = sum(sum(1 for s in c.sentences if s <= sentence) for c in live)
    rank = {id(c): i for i, c in enumerate(order)}
    return [(c, features(c, sentence, hist, rank[id(c)], total)) for c in live]


class ContextAgent:
    """The trained scorer: ``{"features": [...], "coef": [...], "bias": b, "threshold": t}``.

    >>> ca = ContextAgent({"features": list(FEATURES), "coef": [0.0] * 17 + [4.0], "bias": -2.0, "threshold": 0.5})
    >>> a, b = Candidate("a", "Country", [0]), Candidate("b", "Country", [2])
    >>> ca.choose([a, b], 2, History()) is b   # only recency weighs: the latest named
    True
    """

    def __init__(self, spec: dict[str, Any], name: str = "context_agent"):
        if list(spec.get("features", [])) != list(FEATURES):
            raise ValueError(f"{name}: features {spec.get('features')} are not this code's {list(FEATURES)}")
        self.coef = [float(x) for x in spec["coef"]]
        if len(self.coef) != len(FEATURES):
            raise ValueError(f"{name}: one coefficient per feature is needed")
        self.bias = float(spec["bias"])
        self.threshold = float(spec.get("threshold", 0.5))
        self.spec = spec

    def scores(self, cands: Sequence[Candidate], sentence: int, hist: History) -> list[tuple[float, Candidate]]:
        out = []
        for c, x in rows(cands, sentence, hist):
            z = self.bias + sum(w * v for w, v in zip(self.coef, x))
            out.append((1.0 / (1.0 + math.exp(-z)), c))
        return out

    def choose(self, cands: Sequence[Candidate], sentence: int, hist: History,
               threshold: Optional[float] = None) -> Optional[Candidate]:
        """The best-scoring candidate, or None when none reaches the threshold."""
        scored = self.scores(cands, sentence, hist)
        if not scored:
            return None
        p, best = max(scored, key=lambda t: t[0])
        return best if p >= (self.threshold if threshold is None else threshold) else None


def candidates(mentions: Iterable[tuple[str, str, int, Any, bool]]) -> list[Candidate]:
    """Group ``(text, type, sentence, ref, before_trigger)`` mentions of states and organisations
    by folded form; a candidate's ``ref`` is its latest mention."""
    out: dict[str, Candidate] = {}
    for text, typ, sent, ref, before in mentions:
        if typ not in AGENT_TYPES:
            continue
        k = fold(text)
        c = out.get(k)
        if c is None:
            c = out[k] = Candidate(k, typ, [], ref)
        c.sentences.append(sent)
        if sent >= max(c.sentences):
            c.ref = ref
            c.before_trigger = before
    return list(out.values())
