"""The seed-yardstick scoring rules of eval/README.md, applied to gold vs system facts.

- Actors: matched by QID when both sides have one, else by any gold mention equal
  (case-insensitive, whitespace-folded) to a label of the system's actor.
- Deployment: correct when the agent matches and troops are equal (both null is equal);
  destination accuracy is reported separately over the matched deployments.
- Statement: correct when the speaker matches, one system statement per gold statement.
- Agreement: correct when the set of parties matches.
- Precision, recall, F1 per kind, micro-averaged over articles (counts summed, then divided).

Every kind is matched one-to-one with a maximum bipartite matching; among equally large
matchings, pairs whose evidence and details agree are preferred (see :func:`one_to_one`).

Linking accuracy: over gold actors with a QID that some system actor matches by mention
(ignoring ids), the fraction for which every such system actor carries the gold QID.

Articles are matched to gold by ``schema:url`` ending in ``/<id>.txt``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional
from urllib.parse import unquote

from kg.eval.facts import SysActor, SystemArticle
from kg.eval.gold import GoldArticle
from kg.eval.match import (
    actor_matches,
    destination_matches,
    mention_match,
    named_actor_matches,
    one_to_one,
    similarity,
)
from kg.eval.places import Gazetteer

KINDS = ("actors", "deployments", "statements", "agreements")


@dataclass
class KindScore:
    tp: int = 0
    gold: int = 0
    system: int = 0

    @property
    def p(self) -> float:
        """tp / system; 1.0 when neither side has anything, 0.0 when only gold does."""
        return self.tp / self.system if self.system else (1.0 if self.gold == 0 else 0.0)

    @property
    def r(self) -> float:
        return self.tp / self.gold if self.gold else (1.0 if self.system == 0 else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.p, self.r
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, tp: int, gold: int, system: int) -> None:
        self.tp += tp
        self.gold += gold
        self.system += system

    def to_json(self) -> dict[str, Any]:
        return {"p": round(self.p, 4), "r": round(self.r, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "gold": self.gold, "system": self.system}


@dataclass
class ArticleResult:
    """What one article got wrong: per kind, gold facts missed and system facts invented."""

    id: str
    found: bool
    url: Optional[str] = None
    lang: str = "und"
    scores: dict[str, KindScore] = field(default_factory=lambda: {k: KindScore() for k in KINDS})
    missed: dict[str, list[dict]] = field(default_factory=lambda: {k: [] for k in KINDS})
    invented: dict[str, list[dict]] = field(default_factory=lambda: {k: [] for k in KINDS})
    wrong_destination: list[dict] = field(default_factory=list)
    wrong_links: list[dict] = field(default_factory=list)
    linking_correct: int = 0  # this article's share of the report's linking counts
    linking_total: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "found": self.found, "url": self.url, "lang": self.lang,
            "kinds": {k: v.to_json() for k, v in self.scores.items()},
            "linking": {"correct": self.linking_correct, "total": self.linking_total},
            "missed": self.missed, "invented": self.invented,
            "wrong_destination": self.wrong_destination, "wrong_links": self.wrong_links,
        }


@dataclass
class EvalReport:
    kinds: dict[str, KindScore]
    destination_correct: int
    destination_total: int
    linking_correct: int
    linking_total: int
    wrong_links: list[dict]
    articles: dict[str, ArticleResult]
    unmatched_system: list[str] = field(default_factory=list)
    gazetteer: Optional[str] = None

    @property
    def destination_accuracy(self) -> Optional[float]:
        t = self.destination_total
        return self.destination_correct / t if t else None

    @property
    def linking_accuracy(self) -> Optional[float]:
        t = self.linking_total
        return self.linking_correct / t if t else None

    def by_language(self) -> dict[str, dict[str, KindScore]]:
        """The per-kind scores summed over the articles of each gold language."""
        out: dict[str, dict[str, KindScore]] = {}
        for res in self.articles.values():
            mine = out.setdefault(res.lang, {k: KindScore() for k in KINDS})
            for k, sc in res.scores.items():
                mine[k].add(sc.tp, sc.gold, sc.system)
        return dict(sorted(out.items()))

    def linking_by_language(self) -> dict[str, tuple[int, int]]:
        """(correct, total) linking counts summed over the articles of each gold language."""
        out: dict[str, tuple[int, int]] = {}
        for res in self.articles.values():
            c, t = out.get(res.lang, (0, 0))
            out[res.lang] = (c + res.linking_correct, t + res.linking_total)
        return dict(sorted(out.items()))

    def to_json(self) -> dict[str, Any]:
        def r(x: Optional[float]) -> Optional[float]:
            return None if x is None else round(x, 4)

        return {
            "kinds": {k: v.to_json() for k, v in self.kinds.items()},
            "destination_accuracy": r(self.destination_accuracy),
            "destination": {"correct": self.destination_correct, "total": self.destination_total},
            "linking": {
                "accuracy": r(self.linking_accuracy), "correct": self.linking_correct,
                "total": self.linking_total, "wrong": self.wrong_links,
                "severe": sum(1 for w in self.wrong_links if w["severe"]),
            },
            "by_language": {lang: {k: v.to_json() for k, v in kinds.items()} for lang, kinds in self.by_language().items()},
            "linking_by_language": {
                lang: {"accuracy": r(c / t if t else None), "correct": c, "total": t}
                for lang, (c, t) in self.linking_by_language().items()
            },
            "articles": {k: v.to_json() for k, v in self.articles.items()},
            "system_articles_without_gold": self.unmatched_system,
            "gazetteer": self.gazetteer,
        }


def match_articles(
    gold: list[GoldArticle], system: list[SystemArticle]
) -> tuple[dict[str, Optional[SystemArticle]], list[str]]:
    """Pair each gold id with the system article whose url ends in ``/<id>.txt``.

    Returns (gold id -> system article or None, urls of system articles with no gold).
    """
    by_id: dict[str, Optional[SystemArticle]] = {}
    used: set[int] = set()
    for g in gold:
        tail = f"/{g.id}.txt"
        hit = None
        for i, s in enumerate(system):
            if i not in used and unquote(s.url).endswith(tail):
                hit = i
                break
        if hit is not None:
            used.add(hit)
        by_id[g.id] = system[hit] if hit is not None else None
    extra = [s.url for i, s in enumerate(system) if i not in used]
    return by_id, extra


def score(
    gold: list[GoldArticle],
    system: list[SystemArticle],
    *,
    places: Optional[Gazetteer] = None,
) -> EvalReport:
    """Score ``system`` facts against ``gold``; see the module docstring for the rules."""
    places = places if places is not None else Gazetteer.load()
    pairs, extra = match_articles(gold, system)
    total = {k: KindScore() for k in KINDS}
    report = EvalReport(total, 0, 0, 0, 0, [], {}, extra, places.source)
    for g in gold:
        s = pairs[g.id]
        res = score_article(g, s or SystemArticle(url=""), places, report)
        res.found = s is not None
        res.url = s.url if s else None
        res.lang = g.lang
        report.articles[g.id] = res
        for k in KINDS:
            sc = res.scores[k]
            total[k].add(sc.tp, sc.gold, sc.system)
    return report


def score_article(
    g: GoldArticle, s: SystemArticle, places: Gazetteer, report: EvalReport
) -> ArticleResult:
    """Score one article, adding its destination/linking counts to ``report``."""
    res = ArticleResult(id=g.id, found=True, url=s.url)

    # actors
    m = one_to_one(g.actors, s.actors, actor_matches,
                   lambda ga, sa: 0.5 * (bool(ga.qid) and ga.qid == sa.qid) + 0.3 * mention_match(ga, sa))
    _tally(res, "actors", m, len(g.actors), len(s.actors))
    hit_g, hit_s = {i for i, _ in m}, {j for _, j in m}
    res.missed["actors"] = [
        {"name": a.name, "type": a.type, "qid": a.qid, "mentions": list(a.mentions)}
        for i, a in enumerate(g.actors) if i not in hit_g
    ]
    res.invented["actors"] = [_actor_json(a) for j, a in enumerate(s.actors) if j not in hit_s]

    # deployments
    def dep_ok(gd, sd) -> bool:
        return named_actor_matches(g, gd.agent, sd.agent) and gd.troops == sd.troops

    def dep_bonus(gd, sd) -> float:
        return (0.4 * similarity(gd.evidence, sd.evidence)
                + 0.2 * named_actor_matches(g, gd.claimed_by, sd.claimed_by)
                + 0.2 * destination_matches(g, gd.destination, sd.destination, places)
                + 0.1 * (gd.modality == sd.modality) + 0.05 * (gd.qualifier == sd.qualifier))

    m = one_to_one(g.deployments, s.deployments, dep_ok, dep_bonus)
    _tally(res, "deployments", m, len(g.deployments), len(s.deployments))
    for i, j in m:
        gd, sd = g.deployments[i], s.deployments[j]
        report.destination_total += 1
        if destination_matches(g, gd.destination, sd.destination, places):
            report.destination_correct += 1
        else:
            res.wrong_destination.append({
                "agent": gd.agent, "troops": gd.troops, "gold": gd.destination,
                "system": sd.destination.describe() if sd.destination else None,
                "evidence": sd.evidence,
            })
    hit_g, hit_s = {i for i, _ in m}, {j for _, j in m}
    res.missed["deployments"] = [
        {"agent": d.agent, "troops": d.troops, "destination": d.destination,
         "claimed_by": d.claimed_by, "modality": d.modality, "evidence": d.evidence}
        for i, d in enumerate(g.deployments) if i not in hit_g
    ]
    res.invented["deployments"] = [
        {"agent": d.agent.describe(), "troops": d.troops,
         "destination": d.destination.describe() if d.destination else None,
         "claimed_by": d.claimed_by.describe() if d.claimed_by else None,
         "modality": d.modality, "evidence": d.evidence}
        for j, d in enumerate(s.deployments) if j not in hit_s
    ]

    # statements
    m = one_to_one(
        g.statements, s.statements,
        lambda gs, ss: named_actor_matches(g, gs.speaker, ss.speaker),
        lambda gs, ss: 0.7 * similarity(gs.evidence, ss.evidence) + 0.2 * (gs.quote == ss.quote),
    )
    _tally(res, "statements", m, len(g.statements), len(s.statements))
    hit_g, hit_s = {i for i, _ in m}, {j for _, j in m}
    res.missed["statements"] = [
        {"speaker": x.speaker, "quote": x.quote, "evidence": x.evidence}
        for i, x in enumerate(g.statements) if i not in hit_g
    ]
    res.invented["statements"] = [
        {"speaker": x.speaker.describe(), "quote": x.quote, "evidence": x.evidence}
        for j, x in enumerate(s.statements) if j not in hit_s
    ]

    # agreements
    m = one_to_one(
        g.agreements, s.agreements,
        lambda ga, sa: parties_match(g, ga.parties, sa.parties),
        lambda ga, sa: 0.5 * similarity(ga.evidence, sa.evidence),
    )
    _tally(res, "agreements", m, len(g.agreements), len(s.agreements))
    hit_g, hit_s = {i for i, _ in m}, {j for _, j in m}
    res.missed["agreements"] = [
        {"parties": list(x.parties), "name": x.name, "evidence": x.evidence}
        for i, x in enumerate(g.agreements) if i not in hit_g
    ]
    res.invented["agreements"] = [
        {"parties": [p.describe() for p in x.parties], "evidence": x.evidence}
        for j, x in enumerate(s.agreements) if j not in hit_s
    ]

    _linking(g, s, places, report, res)
    return res


def parties_match(g: GoldArticle, gold_parties, sys_parties: tuple[SysActor, ...]) -> bool:
    """Same set of parties: a perfect one-to-one matching between the two (deduplicated) sets."""
    names = list(dict.fromkeys(gold_parties))
    nodes = list({p.key: p for p in sys_parties}.values())
    if len(names) != len(nodes):
        return False
    m = one_to_one(names, nodes, lambda n, p: named_actor_matches(g, n, p))
    return len(m) == len(names)


def _linking(g: GoldArticle, s: SystemArticle, places: Gazetteer, report: EvalReport,
             res: ArticleResult) -> None:
    for ga in g.actors:
        if not ga.qid:
            continue
        found = [sa for sa in s.actors if mention_match(ga, sa)]
        if not found:
            continue
        report.linking_total += 1
        res.linking_total += 1
        wrong = [sa for sa in found if sa.qid != ga.qid]
        if not wrong:
            report.linking_correct += 1
            res.linking_correct += 1
            continue
        for sa in wrong:
            # a wrong id (not a missing one) on a country or a head of state misleads most
            severe = sa.qid is not None and (
                ga.type == "Country" or sa.type == "Country"
                or places.is_head_of_state(ga.qid) or places.is_head_of_state(sa.qid)
            )
            item = {"article": g.id, "name": ga.name, "type": ga.type, "gold_qid": ga.qid,
                    "system_qid": sa.qid, "system_labels": sorted(sa.labels),
                    "problem": "missing id" if sa.qid is None else "wrong id", "severe": severe}
            res.wrong_links.append(item)
            report.wrong_links.append(item)


def _tally(res: ArticleResult, kind: str, m: list, gold: int, system: int) -> None:
    res.scores[kind].add(len(m), gold, system)


def _actor_json(a: SysActor) -> dict[str, Any]:
    return {"labels": sorted(a.labels), "type": a.type, "qid": a.qid, "key": a.key}
