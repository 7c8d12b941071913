"""Matching primitives of the scoring rules (eval/README.md), shared by the scorer.

>>> from kg.eval.gold import GoldActor
>>> from kg.eval.facts import SysActor
>>> nk = GoldActor("North Korea", "Country", "Q423", ("Korea Utara", "Pyongyang"))
>>> actor_matches(nk, SysActor("a", "Country", frozenset({"korea  UTARA"})))
True
>>> actor_matches(nk, SysActor("b", "Country", frozenset({"Korea Utara"}), qid="Q884"))
False
"""

from __future__ import annotations

import re
from typing import Callable, Optional, Sequence, TypeVar

from kg.eval.facts import SysActor
from kg.eval.gold import GoldActor, GoldArticle, fold
from kg.eval.places import Gazetteer

G = TypeVar("G")
S = TypeVar("S")


def mention_match(g: GoldActor, s: SysActor) -> bool:
    """Any gold mention equal (case-insensitive, whitespace-folded) to a label of ``s``."""
    labels = {fold(x) for x in s.labels}
    return any(fold(m) in labels for m in g.mentions)


def actor_matches(g: Optional[GoldActor], s: Optional[SysActor]) -> bool:
    """By QID when both sides have one, else by mentions against labels."""
    if g is None or s is None:
        return False
    if g.qid and s.qid:
        return g.qid == s.qid
    return mention_match(g, s)


def named_actor_matches(gold: GoldArticle, name: Optional[str], s: Optional[SysActor]) -> bool:
    """``name`` is a gold actor name (agent, speaker, party, claimant); both absent is a match."""
    if name is None or s is None:
        return name is None and s is None
    return actor_matches(gold.actor(name), s)


def destination_matches(
    gold: GoldArticle, name: Optional[str], s: Optional[SysActor], places: Gazetteer
) -> bool:
    """Gold destination name vs the system's destination node.

    A name that is a gold actor ("Russia") follows the actor rule; otherwise its Wikidata id
    (from the alias index) is compared when both sides have one, else its names vs the labels.
    """
    if name is None or s is None:
        return name is None and s is None
    actor = gold.actor(name)
    if actor is not None:
        return actor_matches(actor, s)
    q = places.qid(name)
    if q and s.qid:
        return q == s.qid
    return bool(places.names(name) & {fold(x) for x in s.labels})


def similarity(a: str, b: str) -> float:
    """Token overlap coefficient of two evidence strings, in [0, 1].

    >>> round(similarity("Korea Utara mengirim 1.500 tentara", "mengirim 1.500 tentara ke Rusia"), 3)
    0.667
    """
    ta, tb = set(re.findall(r"\w+", fold(a))), set(re.findall(r"\w+", fold(b)))
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / min(len(ta), len(tb))


def one_to_one(
    golds: Sequence[G],
    systems: Sequence[S],
    compatible: Callable[[G, S], bool],
    bonus: Callable[[G, S], float] = lambda g, s: 0.0,
) -> list[tuple[int, int]]:
    """A maximum one-to-one matching of compatible (gold, system) pairs.

    Among matchings of maximum size the one with the largest total ``bonus`` (in [0, 1) per
    pair: evidence overlap, agreeing details) wins, so exact counterparts pair up first.
    Returns sorted (gold index, system index) pairs.

    >>> one_to_one(["a", "b", "c"], ["b", "a", "x"], lambda g, s: g == s)
    [(0, 1), (1, 0)]
    """
    import networkx as nx

    graph = nx.Graph()
    for i, g in enumerate(golds):
        for j, s in enumerate(systems):
            if compatible(g, s):
                b = min(max(bonus(g, s), 0.0), 0.999)
                graph.add_edge(("g", i), ("s", j), weight=1.0 + b)
    if graph.number_of_edges() == 0:
        return []
    pairs = []
    for u, v in nx.max_weight_matching(graph, maxcardinality=True):
        (gu, i), (_, j) = (u, v) if u[0] == "g" else (v, u)
        pairs.append((i, j))
    return sorted(pairs)
