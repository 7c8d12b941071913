#!/usr/bin/env python
"""Reproduce kg/models/warta-extractor-small from scratch (seeded, < 1 hour on two CPU cores).

    .venv/bin/python scripts/train_extractor.py --minutes 40
    .venv/bin/python scripts/train_extractor.py --base-model /path/to/local/encoder --out /tmp/ft --steps 2000
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO / "kg" / "models" / "warta-extractor-small"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=str(DEFAULT_OUT), help="output directory (default: the shipped checkpoint)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--minutes", type=float, default=40.0, help="training time budget in minutes")
    ap.add_argument("--steps", type=int, default=None, help="stop after this many optimiser steps")
    ap.add_argument("--n-synthetic", type=int, default=150_000, help="generated training sentences")
    ap.add_argument("--base-model", default=None, help="fine-tune a local Hugging Face encoder directory")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--lr", type=float, default=None)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--no-ner", action="store_true", help="do not use ../shared/data/ner-id")
    args = ap.parse_args(argv)

    sys.path.insert(0, str(REPO))
    from kg.extract.train import train

    train(args.out, seed=args.seed, minutes=args.minutes, steps=args.steps, n_synthetic=args.n_synthetic,
          base_model=args.base_model, batch_size=args.batch_size, lr=args.lr, threads=args.threads,
          use_ner=not args.no_ner, log=lambda s: print(s, flush=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
