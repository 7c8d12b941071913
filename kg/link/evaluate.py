"""Linking accuracy against gold actors (the JSON format of ``shared/eval/README.md``).

``linking_accuracy(gold, system)`` compares per article: gold actors (``name``, ``type``,
``qid``, ``mentions``) with the system's actor nodes (``key``, ``qid``, ``labels``). A gold actor
is matched to the system actors that carry one of its mentions as a label (case-insensitive,
whitespace-folded). Over gold actors WITH a qid it reports:

* ``accuracy``: share of gold actors whose matched system actors all carry the gold qid;
* ``mention_accuracy``: the same over (actor, mention) pairs;
* ``wrong``: every wrong or missing id, with ``critical=True`` on countries and heads of
  state/government, the errors a reader notices first.

>>> gold = {"a": [{"name": "Russia", "type": "Country", "qid": "Q159", "mentions": ["Rusia", "Kremlin"]}]}
>>> system = {"a": [{"key": "Q159", "qid": "Q159", "labels": ["Rusia"]},
...                 {"key": "country/kremlin", "qid": None, "labels": ["Kremlin"]}]}
>>> r = linking_accuracy(gold, system)
>>> r.accuracy, r.mention_accuracy, [w.critical for w in r.wrong]
(0.0, 0.5, [True])
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

from kg.config import Config
from kg.doc import Article, Mention, Sentence
from kg.errors import EvalError

HEAD_ROLES = {"head_of_state", "head_of_government"}


def _norm(s: str) -> str:
    return " ".join(s.split()).casefold()


@dataclass
class WrongLink:
    article: str
    gold_name: str
    gold_type: str
    gold_qid: str
    mention: str
    system_qid: str | None
    system_key: str | None
    critical: bool


@dataclass
class LinkEval:
    actors: int = 0  # gold actors with a qid
    correct: int = 0
    mentions: int = 0
    mentions_correct: int = 0
    wrong: list[WrongLink] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def accuracy(self) -> float:
        return round(self.correct / self.actors, 4) if self.actors else 0.0

    @property
    def mention_accuracy(self) -> float:
        return round(self.mentions_correct / self.mentions, 4) if self.mentions else 0.0

    def summary(self) -> str:
        crit = [w for w in self.wrong if w.critical]
        return (
            f"linking accuracy {self.accuracy:.3f} ({self.correct}/{self.actors} gold actors with a qid), "
            f"per mention {self.mention_accuracy:.3f} ({self.mentions_correct}/{self.mentions}); "
            f"{len(crit)} wrong/missing ids on countries or heads of state"
        )


def _head_qids() -> set[str]:
    from kg.link.index import load_index

    return {e.qid for e in load_index().entries if e.qid and e.role in HEAD_ROLES}


def linking_accuracy(
    gold: Mapping[str, list[Mapping[str, Any]]],
    system: Mapping[str, list[Mapping[str, Any]]],
    head_qids: Iterable[str] | None = None,
) -> LinkEval:
    """Score linking per article: ``gold[article] = actors``, ``system[article] = actor nodes``."""
    heads = set(head_qids) if head_qids is not None else _head_qids()
    out = LinkEval()
    for art, actors in gold.items():
        nodes = system.get(art, [])
        by_label: dict[str, list[Mapping[str, Any]]] = {}
        for n in nodes:
            for lab in n.get("labels", []):
                by_label.setdefault(_norm(lab), []).append(n)
        for a in actors:
            gq = a.get("qid")
            if not gq:
                continue
            out.actors += 1
            critical = a.get("type") == "Country" or gq in heads
            ok_all = True
            for mention in a.get("mentions", []):
                out.mentions += 1
                matched = by_label.get(_norm(mention), [])
                good = bool(matched) and all(n.get("qid") == gq for n in matched)
                out.mentions_correct += good
                if not good:
                    ok_all = False
                    n0 = next((n for n in matched if n.get("qid") != gq), None)
                    out.wrong.append(WrongLink(art, a["name"], a.get("type", ""), gq, mention,
                                               n0.get("qid") if n0 else None,
                                               n0.get("key") if n0 else None, critical))
            out.correct += ok_all
    return out


def _sentences(text: str) -> list[Sentence]:
    out, start = [], 0
    for m in re.finditer(r"[.!?]+[\"'”’)]*\s+|\n+", text):
        end = m.end()
        if text[start:end].strip():
            out.append(Sentence(len(out), start, end, text[start:end]))
        start = end
    if text[start:].strip():
        out.append(Sentence(len(out), start, len(text), text[start:]))
    return out


def gold_mentions_article(txt: Path, gold: Mapping[str, Any]) -> Article:
    """The seed text with every occurrence of every gold mention as a typed Mention."""
    text = txt.read_text(encoding="utf-8")
    art = Article.from_text(text, source=str(txt), lang=gold.get("lang") or "id")
    art.sentences = _sentences(text)
    spans: dict[tuple[int, int], Mention] = {}
    for a in gold.get("actors", []):
        for s in a.get("mentions", []):
            for m in re.finditer(r"(?<!\w)" + re.escape(s) + r"(?!\w)", text):
                spans.setdefault((m.start(), m.end()), Mention(m.start(), m.end(), s, a["type"]))
    ms = sorted(spans.values(), key=lambda m: (m.start, -m.end))
    kept: list[Mention] = []
    for m in ms:  # drop mentions nested in a longer one ("Kim" inside "Kim Jong Un")
        if kept and m.start < kept[-1].end:
            continue
        s = art.sentence_of(m.start)
        m.sentence = s.index if s else -1
        kept.append(m)
    art.mentions = kept
    return art


def evaluate_seeds(seeds: str | Path, cfg: Config | None = None, linker: str | None = None) -> LinkEval:
    """Link the gold mentions of the seed articles with a linker and score the result."""
    from kg import registry

    cfg = cfg or Config()
    seeds = Path(seeds)
    files = sorted(seeds.glob("*.json"))
    if not files:
        raise EvalError(f"no gold *.json files in {seeds}", hint="point at shared/eval/seeds")
    lk = registry.linkers.create(linker or cfg.linker, config=cfg)
    gold: dict[str, list] = {}
    system: dict[str, list] = {}
    elapsed = 0.0
    for f in files:
        g = json.loads(f.read_text(encoding="utf-8"))
        art = gold_mentions_article(f.with_suffix(".txt"), g)
        t0 = time.perf_counter()
        lk.link(art)
        elapsed += time.perf_counter() - t0
        nodes: dict[str, dict[str, Any]] = {}
        for m in art.mentions:
            n = nodes.setdefault(m.link.key, {"key": m.link.key, "qid": m.link.qid, "labels": []})
            if m.text not in n["labels"]:
                n["labels"].append(m.text)
        gold[f.stem] = g.get("actors", [])
        system[f.stem] = list(nodes.values())
    r = linking_accuracy(gold, system)
    r.seconds = elapsed
    return r
