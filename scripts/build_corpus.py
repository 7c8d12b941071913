#!/usr/bin/env python
"""Assemble data/corpus/{train,dev,test} from annotators' folders (surface-string annotations).

    .venv/bin/python scripts/build_corpus.py STAGING_DIR [STAGING_DIR ...] [--out data/corpus]

Each article's strings are resolved to character offsets (``kg.eval.corpus.resolve``), checked
(``kg.eval.corpus.validate``), and placed in a split by its *story*: stories are ordered by a hash
of their slug and dealt to test until it holds >= 17 % of the articles and every language, then
to dev (>= 12 %), the rest to train. No story is in two splits. An article that does not check out
is reported by name and left out. Prints counts per split, language and kind.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LANGS = ("id", "en", "ms", "fr", "de", "es")


def assign(stories: dict[str, list[dict]], test_share: float = 0.17, dev_share: float = 0.12) -> dict[str, str]:
    """story slug -> split, deterministic (slug hash order)."""
    total = sum(len(v) for v in stories.values())
    order = sorted(stories, key=lambda s: hashlib.sha1(s.encode()).hexdigest())
    split: dict[str, str] = {}
    count = Counter()
    langs: dict[str, set] = defaultdict(set)
    for want, share in (("test", test_share), ("dev", dev_share)):
        for s in order:
            if s in split:
                continue
            its = {a["lang"] for a in stories[s]}
            needs_lang = bool(its - langs[want]) and len(langs[want]) < len(LANGS)
            if count[want] < share * total or needs_lang:
                if count[want] >= share * total * 1.4 and not needs_lang:
                    continue
                split[s] = want
                count[want] += len(stories[s])
                langs[want] |= its
    for s in order:
        split.setdefault(s, "train")
    return split


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sources", nargs="+", help="annotators' folders of <id>.txt + <id>.json")
    ap.add_argument("--out", default=str(REPO / "data" / "corpus"))
    ap.add_argument("--check", action="store_true",
                    help="only resolve and validate the folders, print every problem, write nothing")
    ap.add_argument("--append-to", choices=("train", "dev", "test"), default=None,
                    help="add these folders' stories to one split of the existing corpus and leave the "
                         "articles already there (and the other splits) untouched")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(REPO))
    from kg.eval.corpus import SPLITS, CorpusError, articles, resolve, validate

    items = []
    bad = 0
    for src in args.sources:
        for txt, text, data in articles(src):
            try:
                res = resolve(text, data, source=str(txt))
            except CorpusError as e:
                print(f"skipped: {e}", file=sys.stderr)
                bad += 1
                continue
            problems = validate(text, res, source=str(txt.with_suffix(".json")))
            if problems and args.check:
                for p in problems:
                    print(p, file=sys.stderr)
            if problems:
                print(f"skipped: {problems[0]} (+{len(problems) - 1} more)", file=sys.stderr)
                bad += 1
                continue
            items.append((txt, text, res))
    if args.check:
        print(f"{len(items)} articles check out; {bad} do not")
        return 1 if bad else 0
    out = Path(args.out)
    if args.append_to:
        return append(items, out, args.append_to, bad)
    stories: dict[str, list[dict]] = defaultdict(list)
    for _, _, res in items:
        stories[res["story"]].append(res)
    split = assign(stories)
    for s in SPLITS:
        d = out / s
        d.mkdir(parents=True, exist_ok=True)
        for old in list(d.glob("*.txt")) + list(d.glob("*.json")):
            old.unlink()
    for txt, text, res in items:
        s = split[res["story"]]
        (out / s / f"{res['id']}.txt").write_text(text, encoding="utf-8")
        (out / s / f"{res['id']}.json").write_text(json.dumps(res, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    write_stats(out)
    print(f"{len(items)} articles, {len(stories)} stories; {bad} skipped")
    return 0


def append(items: list, out: Path, to: str, bad: int) -> int:
    """Add new stories to one split; a story already in another split is refused."""
    old = json.loads((out / "stats.json").read_text(encoding="utf-8"))["stories"]
    elsewhere = {st: sp for sp, sts in old.items() for st in sts if sp != to}
    clash = sorted({res["story"] for _, _, res in items if res["story"] in elsewhere})
    if clash:
        print(f"refused: these stories are already in another split: {', '.join(clash)}", file=sys.stderr)
        return 2
    for _, text, res in items:
        (out / to / f"{res['id']}.txt").write_text(text, encoding="utf-8")
        (out / to / f"{res['id']}.json").write_text(json.dumps(res, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    write_stats(out)
    print(f"{len(items)} articles added to {to}; {bad} skipped")
    return 0


def write_stats(out: Path) -> None:
    """Count every split from its files; write stats.json and print the table."""
    from kg.eval.corpus import SPLITS
    table: dict[str, Counter] = defaultdict(Counter)
    story_sets: dict[str, set] = defaultdict(set)
    for s in SPLITS:
        for j in sorted((out / s).glob("*.json")):
            res = json.loads(j.read_text(encoding="utf-8"))
            text = j.with_suffix(".txt").read_text(encoding="utf-8")
            story_sets[s].add(res["story"])
            c = table[s]
            c["articles"] += 1
            c[f"lang:{res['lang']}"] += 1
            c["words"] += len(text.split())
            for k in ("actors", "deployments", "statements", "agreements", "mentions"):
                c[k] += len(res.get(k, []))
    stats = {s: dict(sorted(table[s].items())) for s in SPLITS}
    stats["stories"] = {s: sorted(story_sets[s]) for s in SPLITS}
    (out / "stats.json").write_text(json.dumps(stats, indent=1) + "\n", encoding="utf-8")
    print(f"{'split':6} {'art':>4} " + " ".join(f"{lang:>4}" for lang in LANGS)
          + f" {'stor':>4} {'words':>6} {'actors':>6} {'depl':>5} {'stmt':>5} {'agr':>4} {'tags':>5}")
    for s in SPLITS:
        c = table[s]
        print(f"{s:6} {c['articles']:4} " + " ".join(f"{c['lang:' + lang]:4}" for lang in LANGS)
              + f" {len(stats['stories'][s]):4} {c['words']:6} {c['actors']:6} {c['deployments']:5}"
              + f" {c['statements']:5} {c['agreements']:4} {c['mentions']:5}")


if __name__ == "__main__":
    raise SystemExit(main())
