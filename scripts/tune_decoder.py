#!/usr/bin/env python
"""Tune the decoder's thresholds on a DEV split, and measure each rule's worth.

    .venv/bin/python scripts/tune_decoder.py data/corpus/dev [examples/gold ...] [--model e5]
    .venv/bin/python scripts/tune_decoder.py data/corpus/dev --ablate      # F1 without each rule

The model runs once per article (``TransformerExtractor.predict``); each setting then only
decodes, links and scores (the rules of ``kg eval``), so a sweep takes seconds. Never point it
at a test split: what it picks is chosen by looking at the numbers it prints.
"""

from __future__ import annotations

import argparse
import copy
import itertools
import os
import pickle
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
KINDS = ("actors", "deployments", "statements", "agreements")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", nargs="+", help="dev gold folders")
    ap.add_argument("--model", default="e5")
    ap.add_argument("--precision", default="auto", choices=("auto", "fp32", "bf16"), help="auto (default), fp32 or bf16: the forward pass's precision")
    ap.add_argument("--threshold", action="append", default=[], metavar="KEY=V1,V2",
                    help="also try these values of a decoder threshold (e.g. german_name_sure=0.9,1.0); repeatable")
    ap.add_argument("--mention", default="0.5,0.6,0.7,0.8", help="min_mention_score values to try")
    ap.add_argument("--role", default="0.3,0.4,0.5", help="role thresholds to try")
    ap.add_argument("--rules", default="all", help="decoder rules for the sweep: all (default), none, or a list (see kg plugins); --ablate always starts from all")
    ap.add_argument("--one-at-a-time", action="store_true",
                    help="vary each --threshold key alone (the others at the checkpoint's values), at each --mention x --role, instead of their product")
    ap.add_argument("--cache", default=None, metavar="FILE",
                    help="keep the model's predictions in FILE (pickle) and reuse them when the folders and model match")
    ap.add_argument("--ablate", action="store_true", help="score with each rule switched off (at the checkpoint's thresholds)")
    args = ap.parse_args(argv)
    if any("test" in Path(f).parts[-1] for f in args.folders):
        ap.error("tune on dev splits only; the test split is measured once, with kg eval")
    sys.path.insert(0, str(REPO))
    from kg import registry
    from kg.config import Config
    from kg.eval.gold import load_gold
    from kg.eval.score import score
    from kg.eval.system import facts_from_articles
    from kg.extract.claims import one_per_claim
    from kg.extract.decoder import Decoder
    from kg.extract.rules import RULES, RuleSet
    from kg.ingest import read_inputs

    cfg = Config().replace(model=args.model, precision=args.precision)
    gold = [g for f in args.folders for g in load_gold(f)]
    arts = [a for a in read_inputs([g.text_path for g in gold], cfg)]
    seg = registry.segmenters.create(cfg.segmenter, config=cfg)
    for a in arts:
        a.sentences = seg.segment(a)
    ext = registry.extractors.create(cfg.extractor, config=cfg)
    lm = ext._loaded()
    preds = None
    # stale predictions must never be reused: the key covers the model, the code, the precision,
    # and each article's text and sentence spans
    import hashlib

    import kg
    from kg.config import resolved_precision

    key = (ext.version, kg.__version__, resolved_precision(cfg.precision),
           [(str(g.text_path), hashlib.sha256(a.text.encode("utf-8")).hexdigest(),
             [(s.start, s.end) for s in a.sentences]) for g, a in zip(gold, arts)])
    if args.cache and Path(args.cache).is_file():
        try:
            with open(args.cache, "rb") as fh:
                cached_key, cached = pickle.load(fh)
            if cached_key == key:
                preds = cached
        except Exception as e:  # noqa: BLE001 - a truncated or foreign file: predict again
            print(f"(cache {args.cache} unreadable: {e}; predicting again)")
    if preds is None:
        preds = ext.predict(arts)
        if args.cache:
            tmp = Path(str(args.cache) + ".tmp")
            with open(tmp, "wb") as fh:
                pickle.dump((key, preds), fh)
            os.replace(tmp, args.cache)

    def run(mention: float, role: float, rules: str = "all", extra: dict | None = None):
        dec = Decoder(lm.config.mention_labels, lm.config.roles, lm.config.modalities, lm.config.kinds,
                      min_mention_score=mention, role_threshold=role, rules=RuleSet(rules),
                      thresholds={**lm.thresholds, **(extra or {})},
                      context_agent=getattr(lm.config, "context_agent", None),
                      context_party=getattr(lm.config, "context_party", None))
        linker = registry.linkers.create(cfg.linker, config=cfg.replace(rules=rules))  # linking rules too
        done = []
        for i, a in enumerate(arts):
            b = copy.copy(a)
            dec.decode(b, preds.get(i, []))
            linker.link(b)
            b.events = one_per_claim(b.events, lambda m: m.link.key if m.link else m.text.lower())
            done.append(b)
        rep = score(gold, facts_from_articles(done))
        return [rep.kinds[k].f1 for k in KINDS]

    th = lm.thresholds
    base = (float(th.get("min_mention_score", 0.7)), float(th.get("role", 0.5)))
    print(f"{len(arts)} articles from {', '.join(args.folders)}; model {ext.version}; checkpoint thresholds {base}"
          + ("" if args.rules == "all" or args.ablate else f"; rules {args.rules}"))
    print(f"{'setting':34} " + " ".join(f"{k[:6]:>7}" for k in KINDS) + "    mean")
    if args.ablate:
        ref = run(*base)
        print(f"{'all rules':34} " + " ".join(f"{x:7.3f}" for x in ref) + f" {sum(ref) / 4:7.3f}")
        none = run(*base, "none")
        print(f"{'no rules (model alone)':34} " + " ".join(f"{x:7.3f}" for x in none) + f" {sum(none) / 4:7.3f}")
        for r in RULES:
            f = run(*base, f"all,-{r}")
            print(f"{'without ' + r:34} " + " ".join(f"{x - y:+7.3f}" for x, y in zip(f, ref))
                  + f" {(sum(f) - sum(ref)) / 4:+7.3f}")
        return 0
    grid = {k: [float(x) for x in v.split(",")] for k, _, v in (t.partition("=") for t in args.threshold)}
    rows = []
    mentions, roles = [float(x) for x in args.mention.split(",")], [float(x) for x in args.role.split(",")]
    if args.one_at_a_time:  # a line per (key, value), then the checkpoint's own setting
        settings = [(m, r, {k: v}) for m in mentions for r in roles for k, vs in grid.items() for v in vs]
        settings += [(m, r, {}) for m in mentions for r in roles]
    else:
        settings = [(m, r, dict(zip(grid, vals))) for m, r, *vals in itertools.product(mentions, roles, *grid.values())]
    for m, r, extra in settings:
        f = run(m, r, args.rules, extra=extra)
        rows.append((sum(f) / 4, m, r, extra, f))
        name = f"mention {m:.2f} role {r:.2f}" + "".join(f" {k} {v:g}" for k, v in extra.items())
        print(f"{name:34} " + " ".join(f"{x:7.3f}" for x in f) + f" {sum(f) / 4:7.3f}")
    best = max(rows, key=lambda row: row[0])
    print(f"best on these dev folders: min_mention_score {best[1]}, role {best[2]}"
          + "".join(f", {k} {v:g}" for k, v in best[3].items()) + f" (mean F1 {best[0]:.3f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
