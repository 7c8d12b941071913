#!/usr/bin/env python
"""Reproduce kg/models/warta-extractor-small from scratch (seeded, < 1 hour on two CPU cores).

    .venv/bin/python scripts/train_extractor.py --minutes 40
    .venv/bin/python scripts/train_extractor.py --base-model /path/to/local/encoder --out /tmp/ft --steps 2000
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO / "kg" / "models" / "warta-extractor-small"
# warta-extractor-e5 3.6: the first stage of the shipped model, from the base encoder
RECIPE_E5_36 = {
    "out": str(REPO / "artifacts" / "warta-extractor-e5-3.6"),
    "base_model": "multilingual-e5-small", "layers": 6, "batch_size": 32, "max_tokens": 2048,
    "n_synthetic": 20_000, "ner_splits": "nergrit-train*3,nerp-train", "ner_repeat": 1,
    "corpus": str(REPO / "data" / "corpus" / "train"), "corpus_repeat": 3,
    "dev": str(REPO / "data" / "corpus" / "dev"), "minutes": 88.0, "steps": 14013, "bf16": True, "seed": 13,
    "model_name": "warta-extractor-e5", "model_version": "3.6",
    # 3.6 was trained before the eighth to twelfth train batches (sessions 13-17, ids
    # "_w11h..", "_w12h..", "_w13h..", "_w14h..", "_w15h..") were written
    "corpus_exclude": r"_w1[1-5]h\d",
}
# 3.13, the second stage: 3.6 trained on (as 3.12), at a lower learning rate, on the whole train
# split as it stood in session 15 (the tenth to twelfth batches, "_w13h.." to "_w15h..", came later),
# then its weights averaged half and half with 3.6's
RECIPE_E5_313 = {
    **RECIPE_E5_36, "out": str(REPO / "artifacts" / "warta-extractor-e5-3.13"), "init": "recipe:e5-3.6",
    "lr": 3e-5, "head_lr": 5e-4, "minutes": 0.0, "steps": 8891, "bf16": False, "model_version": "3.13",
    "corpus_exclude": r"_w1[3-5]h\d", "average_with_init": 0.5,
}
# 3.14c, the third stage: 3.13 trained on, at 3.13's learning rates, on the whole train split as it
# stood in session 16 (the eleventh and twelfth batches, "_w14h.." and "_w15h..", came later); its own weights
RECIPE_E5_314C = {
    **RECIPE_E5_313, "out": str(REPO / "artifacts" / "warta-extractor-e5-3.14c"), "init": "recipe:e5-3.13",
    "steps": 8742, "model_version": "3.14c", "corpus_exclude": r"_w1[45]h\d", "average_with_init": None,
}
# warta-extractor-e5 3.15, the shipped default model: 3.14c trained on in the same way, on the whole
# train split as it stood in session 17 (the twelfth batch, "_w15h..", came later), seed 17
RECIPE_E5 = {
    **RECIPE_E5_314C, "out": str(REPO / "kg" / "models" / "warta-extractor-e5"), "init": "recipe:e5-3.14c",
    "steps": 8558, "seed": 17, "model_version": "3.15", "corpus_exclude": r"_w15h\d",
    # the decoder's thresholds, tuned on the dev splits (scripts/tune_decoder.py), written into config.json
    "thresholds": {"agreement_sure": 0.95, "kind": 0.25, "kind_agreement_parties": 0.5, "kind_count_trigger": 0.2,
                   "kind_sure": 0.8, "min_mention_score": 0.8, "role": 0.5, "sure_agent": 0.8, "trigger_sure": 0.9,
                   "german_name_sure": 0.9},
}
RECIPES = {"e5": RECIPE_E5, "e5-3.14c": RECIPE_E5_314C, "e5-3.13": RECIPE_E5_313, "e5-3.6": RECIPE_E5_36}
# --init values that train a stage of the shipped model first (into artifacts/), then warm-start from it
STAGES = {f"recipe:{name}": name for name in RECIPES if name != "e5"}
STAGE_36 = "recipe:e5-3.6"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=str(DEFAULT_OUT), help="output directory (default: the shipped checkpoint)")
    ap.add_argument("--seed", type=int, default=None, help="random seed (default 13; a recipe's own otherwise)")
    ap.add_argument("--minutes", type=float, default=40.0, help="training time budget in minutes")
    ap.add_argument("--steps", type=int, default=None, help="stop after this many optimiser steps")
    ap.add_argument("--n-synthetic", type=int, default=150_000, help="generated training sentences")
    ap.add_argument("--synthetic-mentions-only", action="store_true",
                    help="generated sentences train the mention head only (their event labels are masked, as for NER data)")
    ap.add_argument("--synthetic-events-for", default="", metavar="KINDS",
                    help="with --synthetic-mentions-only: generated sentences with an event of these kinds "
                         "(comma-separated: Deployment, Statement, Agreement) keep all their labels")
    ap.add_argument("--base-model", default=None, help="fine-tune a local Hugging Face encoder directory")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--lr", type=float, default=None)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--no-ner", action="store_true", help="do not use ../shared/data/ner-id")
    ap.add_argument("--ner-splits", default="nergrit-train,nergrit-valid,nerp-train",
                    help="IndoNLU files to train on (never the *-test files)")
    ap.add_argument("--ner-repeat", type=int, default=3)
    ap.add_argument("--layers", type=int, default=None, help="keep only the base encoder's lowest N layers")
    ap.add_argument("--freeze-layers", type=int, default=0,
                    help="with a base encoder: keep its lowest N layers frozen (read from the base at load time, not stored)")
    ap.add_argument("--max-tokens", type=int, default=None, help="cap on tokens per batch")
    ap.add_argument("--head-lr", type=float, default=None)
    ap.add_argument("--corpus", default=None, help="corpus train split folder (data/corpus/train)")
    ap.add_argument("--corpus-repeat", type=int, default=1)
    ap.add_argument("--corpus-repeat-matching", action="append", default=None, metavar="REGEX=N",
                    help="articles whose id matches REGEX are repeated N times instead (repeatable; first match wins)")
    ap.add_argument("--corpus-exclude", default=None, metavar="REGEX",
                    help="leave out the train articles whose id matches REGEX (the e5 recipe: '_w15h\\d', the batch "
                         "written after its data was fixed; its stages 3.14c, 3.13 and 3.6: '_w1[45]h\\d', '_w1[3-5]h\\d', "
                         "'_w1[1-5]h\\d'; --corpus-exclude '' trains on the whole split)")
    ap.add_argument("--dev", default=None, help="corpus dev split folder, scored during training")
    ap.add_argument("--init", default=None,
                    help="warm-start from a checkpoint of the same architecture ('recipe:e5-3.14c', 'recipe:e5-3.13' "
                         "or 'recipe:e5-3.6': train that stage of the e5 recipe, and the stages it starts from, "
                         "into artifacts/<name of --out>-stage-<version> first, and start from it; a stage already "
                         "there, complete and trained to the same recipe, is reused)")
    ap.add_argument("--average-with-init", type=float, default=None, metavar="W",
                    help="with --init: the stored weights become W x this run's + (1 - W) x the init's "
                         "(the e5 recipe's stage 3.13: 0.5; 1 keeps this run's own, as 3.12, 3.14c and 3.15 were)")
    ap.add_argument("--bf16", action=argparse.BooleanOptionalAction, default=None,
                    help="train under bfloat16 CPU autocast (fp32 weights); the default of the e5 recipe's first stage, 3.6. Faster only "
                         "where the CPU has AMX: with AVX-512 BF16 alone, --no-bf16 (fp32) ran 1.65 steps/s against 1.14")
    ap.add_argument("--model-name", default=None)
    ap.add_argument("--model-version", default="2.0")
    ap.add_argument("--recipe", choices=("small", *RECIPES), default=None,
                    help="the settings of a shipped checkpoint: 'small' (warta-extractor-small), 'e5' "
                         "(warta-extractor-e5, the default model: trains its stages 'e5-3.6', 'e5-3.13' and "
                         "'e5-3.14c' in turn, each going on from the one before, then goes on from the last) or one "
                         "of those stages (with the stages before it); explicit flags still win")
    known, _ = ap.parse_known_args(argv)
    seed_given = known.seed  # a seed on the command line reaches every stage; else each keeps its recipe's
    if known.recipe in RECIPES:  # the recipe's settings become the defaults: any flag given still wins
        ap.set_defaults(**RECIPES[known.recipe])
    args = ap.parse_args(argv)
    args.bf16 = bool(args.bf16)
    args.seed = 13 if args.seed is None else args.seed
    if args.corpus_exclude:
        try:
            re.compile(args.corpus_exclude)
        except re.error as e:
            ap.error(f"--corpus-exclude takes a regular expression: {args.corpus_exclude!r} ({e})")
    if isinstance(args.corpus_repeat_matching, list):
        patterns: dict[str, int] = {}
        for a in args.corpus_repeat_matching:
            k, sep, v = a.rpartition("=")
            try:
                re.compile(k)
                n = int(v)
            except (re.error, ValueError):
                n = -1
            if not sep or not k or n < 0 or k in patterns:
                ap.error(f"--corpus-repeat-matching takes REGEX=N (a valid regular expression, once each, N >= 0): {a!r}")
            patterns[k] = n
        args.corpus_repeat_matching = patterns
    kinds = tuple(k.strip() for k in args.synthetic_events_for.split(",") if k.strip())
    if kinds and not args.synthetic_mentions_only:
        ap.error("--synthetic-events-for goes with --synthetic-mentions-only")
    if set(kinds) - {"Deployment", "Statement", "Agreement"}:
        ap.error(f"--synthetic-events-for takes Deployment, Statement, Agreement: {args.synthetic_events_for!r}")
    if any(t.partition("*")[0].endswith("-test") for t in args.ner_splits.split(",")):
        ap.error("the NER test splits are for measuring only")

    sys.path.insert(0, str(REPO))
    from kg.extract.train import train

    log = lambda s: print(s, flush=True)  # noqa: E731
    if not args.steps and not args.minutes:
        ap.error("a run needs an end: --steps N or --minutes M (not both 0)")
    if args.average_with_init is not None and (not args.init or not 0.0 < args.average_with_init <= 1.0):
        ap.error("--average-with-init W goes with --init, and 0 < W <= 1")
    if args.init and args.init.startswith("recipe:") and args.init not in STAGES:
        ap.error(f"--init {args.init}: no such stage (one of {', '.join(STAGES)}, or a checkpoint directory)")
    if args.init in STAGES:  # a stage of the shipped model (and the stages before it), then the run asked for
        name = STAGES[args.init]
        if (args.base_model, args.layers) != (RECIPE_E5_36["base_model"], RECIPE_E5_36["layers"]):
            ap.error(f"--init {args.init} trains {RECIPES[name]['model_version']} from {RECIPE_E5_36['base_model']} "
                     f"({RECIPE_E5_36['layers']} layers) and goes on from it with the same encoder: use it with --recipe e5")
        args.init = _stage(name, args.out, seed_given, args.threads, log)
        log(f"then {args.model_version} from {args.init}")

    (Path(args.out) / "stage.json").unlink(missing_ok=True)  # a stage's mark holds only for the run that wrote it
    train(args.out, seed=args.seed, minutes=args.minutes, steps=args.steps, n_synthetic=args.n_synthetic,
          synthetic_events=not args.synthetic_mentions_only, synthetic_event_kinds=kinds,
          base_model=args.base_model, layers=args.layers, freeze_layers=args.freeze_layers, batch_size=args.batch_size, max_tokens=args.max_tokens,
          lr=args.lr, head_lr=args.head_lr, threads=args.threads, use_ner=not args.no_ner,
          ner_splits=tuple(args.ner_splits.split(",")), ner_repeat=args.ner_repeat, corpus=args.corpus,
          corpus_repeat=args.corpus_repeat, corpus_repeat_matching=args.corpus_repeat_matching,
          corpus_exclude=args.corpus_exclude, dev=args.dev, init=args.init, model_name=args.model_name,
          model_version=args.model_version, bf16=args.bf16, log=log)
    if args.average_with_init is not None and args.average_with_init < 1.0:
        from kg.extract import train as train_mod

        train_mod.average_with(args.out, args.init, args.average_with_init)
        log(f"weights averaged with {args.init} ({args.average_with_init:g} of this run's)")
    thresholds = getattr(args, "thresholds", None)
    if thresholds:  # the recipe's tuned decoder thresholds go with the weights
        cfg_path = Path(args.out) / "config.json"
        cfg = json.loads(cfg_path.read_text(encoding="utf-8"))
        cfg["thresholds"] = {**cfg.get("thresholds", {}), **thresholds}
        cfg_path.write_text(json.dumps(cfg, indent=2) + "\n", encoding="utf-8")
    return 0


def _stage(name: str, out: str, seed: int | None, threads: int, log) -> str:
    """Train the e5 recipe's stage ``name`` (and, through its own --init, the stages before it) into
    artifacts/<root of out>-stage-<version>, or reuse it if a finished run of the same recipe is there."""
    from kg.config import resolved_precision

    recipe = RECIPES[name]
    root = Path(out).resolve().name.split("-stage-")[0]
    stage = REPO / "artifacts" / f"{root}-stage-{recipe['model_version']}"
    bf16 = bool(recipe["bf16"]) and resolved_precision("auto") == "bf16"
    want = recipe["steps"]
    # the stage it starts from first (reused or trained), then what makes two runs of this stage the
    # same run: its settings, data and starting weights; written last, so a run cut short is never reused
    init = _stage(STAGES[recipe["init"]], out, seed, threads, log) if recipe.get("init") in STAGES else recipe.get("init")
    mark = {**_mark(name, seed), "init_files_sha256": _files_digest(init) if init else None}
    done_file = stage / "stage.json"
    if done_file.is_file() and json.loads(done_file.read_text(encoding="utf-8")) == mark:
        log(f"stage {recipe['model_version']}: reusing {stage}")
        return str(stage)
    done_file.unlink(missing_ok=True)
    # step-bounded (a clock cap would cut it short on a slower CPU); bf16 only where the recipe has it and it is faster
    log(f"stage {recipe['model_version']}: {want} steps into {stage}")
    main(["--recipe", name, "--out", str(stage), *(["--seed", str(seed)] if seed is not None else []),
          *(["--init", init] if init else []), "--threads", str(threads), "--minutes", "0",
          "--bf16" if bf16 else "--no-bf16"])
    info = stage / "training_info.json"
    done = json.loads(info.read_text(encoding="utf-8")).get("steps") if info.is_file() else None
    if done != want:
        raise SystemExit(f"stage {recipe['model_version']} ({stage}) ended at {done} steps, not {want}: not going on from it")
    done_file.write_text(json.dumps(mark, indent=2) + "\n", encoding="utf-8")
    return str(stage)


def _mark(name: str, seed: int | None) -> dict:
    """A stage's settings, its training data (a digest of the train articles it reads) and the mark
    of the stage it starts from: equal marks, equal runs."""
    from kg.config import resolved_precision

    recipe = RECIPES[name]
    return {**{k: v for k, v in recipe.items() if k not in {"out", "minutes", "thresholds", "dev"}},
            "recipe": name, "seed": recipe["seed"] if seed is None else seed,
            "bf16": bool(recipe["bf16"]) and resolved_precision("auto") == "bf16",
            "corpus_sha256": _corpus_digest(recipe["corpus"], recipe["corpus_exclude"]),
            "init_mark": _mark(STAGES[recipe["init"]], seed) if recipe.get("init") in STAGES else None}


def _files_digest(folder: str) -> str:
    """sha256 over a checkpoint folder's files (its stage mark aside)."""
    digest = hashlib.sha256()
    for f in sorted(Path(folder).iterdir()):
        if f.is_file() and f.name != "stage.json":
            digest.update(f.name.encode() + f.read_bytes())
    return digest.hexdigest()


@functools.lru_cache(maxsize=None)
def _corpus_digest(folder: str, exclude: str) -> str:
    """sha256 over the train articles (text and annotation) that ``exclude`` leaves in."""
    rx = re.compile(exclude) if exclude else None
    digest = hashlib.sha256()
    for f in sorted(Path(folder).glob("*.json")):
        if rx is None or not rx.search(f.stem):
            digest.update(f.name.encode() + f.read_bytes() + f.with_suffix(".txt").read_bytes())
    return digest.hexdigest()


if __name__ == "__main__":
    raise SystemExit(main())
