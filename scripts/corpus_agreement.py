#!/usr/bin/env python
"""Inter-annotator agreement on the corpus: a second, independent annotation of a random 10 %
scored against the first with the rules of ``kg eval`` (F1 per kind; the second pass plays the
system, so F1 is symmetric up to the one-to-one matching).

    .venv/bin/python scripts/corpus_agreement.py --sample 0.1 --list          # which ids to re-annotate
    .venv/bin/python scripts/corpus_agreement.py --second PASS2_DIR           # score pass 2 vs the corpus
    .venv/bin/python scripts/corpus_agreement.py --ids IDS.txt --second PASS2_DIR   # a chosen sample

PASS2_DIR holds ``<id>.json`` in the annotators' format (surface strings; see docs/annotation.md).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def sample_ids(corpus: Path, share: float, seed: int, exclude: list[int] | None = None) -> list[str]:
    """A random share of the corpus ids; ``exclude`` lists the seeds of earlier samples to keep
    it disjoint from (each drawn, in order, from what the ones before it left)."""
    ids = sorted(p.stem for s in ("train", "dev", "test") for p in (corpus / s).glob("*.json"))
    n = max(1, round(share * len(ids)))
    for earlier_seed in exclude or []:
        earlier = set(random.Random(earlier_seed).sample(ids, n))
        ids = [i for i in ids if i not in earlier]
    rng = random.Random(seed)
    return sorted(rng.sample(ids, n))


def as_system(data: dict):
    """A gold-format annotation as the scorer's SystemArticle (labels = surface mentions)."""
    from kg.eval.facts import SysActor, SysAgreement, SysDeployment, SysStatement, SystemArticle
    from kg.eval.gold import fold

    actors = {fold(a["name"]): SysActor(key=a["name"], type=a["type"], labels=frozenset(a["mentions"]) | {a["name"]},
                                        qid=a.get("qid")) for a in data.get("actors", [])}

    def actor(name):
        return actors.get(fold(name)) if name else None

    deps = [SysDeployment(id=f"d{i}", agent=actor(d["agent"]), troops=d.get("troops"), qualifier=d.get("qualifier"),
                          claimed_by=actor(d.get("claimed_by")), modality=d.get("modality"), evidence=d.get("evidence", ""))
            for i, d in enumerate(data.get("deployments", [])) if actor(d.get("agent"))]
    stmts = [SysStatement(id=f"s{i}", speaker=actor(s["speaker"]), quote=s.get("quote"), evidence=s.get("evidence", ""))
             for i, s in enumerate(data.get("statements", [])) if actor(s.get("speaker"))]
    agrs = [SysAgreement(id=f"a{i}", parties=tuple(actor(p) for p in a.get("parties", []) if actor(p)),
                         evidence=a.get("evidence", ""))
            for i, a in enumerate(data.get("agreements", []))]
    return SystemArticle(url=f"file:///{data['id']}.txt", id=data["id"], actors=list(actors.values()),
                         deployments=deps, statements=stmts, agreements=agrs)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(REPO / "data" / "corpus"))
    ap.add_argument("--sample", type=float, default=0.1)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--exclude-sample", type=int, action="append", default=[], metavar="SEED",
                    help="leave out the articles an earlier sample (drawn with SEED) took; repeatable, in order")
    ap.add_argument("--ids", help="a file of ids (one per line) to score instead of a random sample, "
                                  "e.g. a sample of one batch (--sample, --seed and --exclude-sample are then unused)")
    ap.add_argument("--list", action="store_true", help="print the sampled ids and stop")
    ap.add_argument("--second", help="folder of the second pass's <id>.json")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(REPO))
    corpus = Path(args.corpus)
    if args.ids:
        ids = [line.strip() for line in Path(args.ids).read_text(encoding="utf-8").splitlines() if line.strip()]
    else:
        ids = sample_ids(corpus, args.sample, args.seed, args.exclude_sample)
    if args.list or not args.second:
        print("\n".join(ids))
        return 0
    from kg.eval.gold import load_gold_file
    from kg.eval.score import KINDS, score

    first, second = [], []
    for i in ids:
        path = next(corpus.glob(f"*/{i}.json"), None)
        if path is None:
            print(f"error: {i} is not in {corpus} (train, dev or test)", file=sys.stderr)
            return 2
        p2 = Path(args.second) / f"{i}.json"
        if not p2.is_file():
            print(f"missing in the second pass: {i}", file=sys.stderr)
            continue
        first.append(load_gold_file(path))
        data = json.loads(p2.read_text(encoding="utf-8"))
        data["id"] = i
        second.append(as_system(data))
    rep = score(first, second)
    print(f"agreement on {len(first)} re-annotated articles (the second pass scored against the corpus):")
    print(f"{'kind':12} {'corpus':>6} {'second':>6} {'both':>5} {'F1':>6}")
    for k in KINDS:
        sc = rep.kinds[k]
        print(f"{k:12} {sc.gold:6} {sc.system:6} {sc.tp:5} {sc.f1:6.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
