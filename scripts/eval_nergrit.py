#!/usr/bin/env python
"""Entity F1 of the extractor's mentions on the IndoNLU NERGrit test split (real Indonesian
sentences, never trained on), with published figures beside it.

    .venv/bin/python scripts/eval_nergrit.py [--model e5|small|DIR] [--rules all|none] [--split nergrit-test]

Each sentence goes through the extractor as a one-sentence article (model + decoder, as in a
build); a mention counts when its span and type equal a gold entity's (exact match).
PERSON = Person, ORGANISATION = Organization, PLACE = Country or Place.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# entity F1 on NERGrit test for published multilingual encoders, as cited in the extractor issue
PUBLISHED = {"mBERT": 0.75, "XLM-R base": 0.79}
GOLD_TYPE = {"PER": "PERSON", "ORG": "ORGANISATION", "LOC": "PLACE", "CTRY": "PLACE"}
SYS_TYPE = {"Person": "PERSON", "Organization": "ORGANISATION", "Place": "PLACE", "Country": "PLACE"}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default="e5")
    ap.add_argument("--rules", default="all")
    ap.add_argument("--split", default="nergrit-test", help="an IndoNLU file name without .tsv")
    ap.add_argument("--precision", default="auto", choices=("auto", "fp32", "bf16"), help="auto (default), fp32 or bf16: the forward pass's precision")
    ap.add_argument("--limit", type=int, default=0, help="only the first N sentences (0 = all)")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(REPO))
    from kg.config import Config
    from kg.doc import Article, Sentence
    from kg.extract.datagen.names import load_countries, shared_data_dir
    from kg.extract.datagen.ner import read_bio
    from kg.extract.extractor import TransformerExtractor

    data = shared_data_dir()
    names = {n.lower() for c in load_countries(data) for n in c.names.values()}
    gold = read_bio(data / "ner-id" / f"{args.split}.tsv", names)
    if args.limit:
        gold = gold[: args.limit]
    cfg = Config().replace(model=args.model, rules=args.rules, threads=2, precision=args.precision)
    ext = TransformerExtractor(cfg)
    arts = []
    for i, ex in enumerate(gold):
        a = Article.from_text(ex.text, source=f"nergrit:{i}", lang="id")
        a.sentences = [Sentence(index=0, start=0, end=len(ex.text), text=ex.text)]
        arts.append(a)
    t0 = time.time()
    for k in range(0, len(arts), 256):
        ext.extract(arts[k:k + 256])
    secs = time.time() - t0
    per = Counter()
    for ex, a in zip(gold, arts):
        g = {(s, e, GOLD_TYPE[t]) for s, e, t in ex.mentions}
        p = {(m.start, m.end, SYS_TYPE[m.type]) for m in a.mentions}
        for t in ("PERSON", "ORGANISATION", "PLACE"):
            gt = {x for x in g if x[2] == t}
            pt = {x for x in p if x[2] == t}
            per[t, "tp"] += len(gt & pt)
            per[t, "fp"] += len(pt - gt)
            per[t, "fn"] += len(gt - pt)

    def f1(tp, fp, fn):
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    print(f"{args.split}: {len(gold)} sentences, model {ext.version}, rules {args.rules} ({secs:.0f}s)")
    print(f"{'type':14} {'gold':>5} {'sys':>5} {'P':>6} {'R':>6} {'F1':>6}")
    tot = Counter()
    for t in ("PERSON", "ORGANISATION", "PLACE"):
        tp, fp, fn = per[t, "tp"], per[t, "fp"], per[t, "fn"]
        tot["tp"] += tp
        tot["fp"] += fp
        tot["fn"] += fn
        p, r, f = f1(tp, fp, fn)
        print(f"{t:14} {tp + fn:5} {tp + fp:5} {p:6.3f} {r:6.3f} {f:6.3f}")
    p, r, f = f1(tot["tp"], tot["fp"], tot["fn"])
    print(f"{'all (micro)':14} {tot['tp'] + tot['fn']:5} {tot['tp'] + tot['fp']:5} {p:6.3f} {r:6.3f} {f:6.3f}")
    print("published entity F1 on this split: " + ", ".join(f"{k} {v:.2f}" for k, v in PUBLISHED.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
