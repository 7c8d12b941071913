#!/usr/bin/env python
"""Train the context-agent classifier (kg/extract/context_agent.py) on the corpus TRAIN split.

    .venv/bin/python scripts/train_context_agent.py                      # fit, report, print the spec
    .venv/bin/python scripts/train_context_agent.py --into kg/models/warta-extractor-e5
    .venv/bin/python scripts/train_context_agent.py --kind party --into kg/models/warta-extractor-e5

Rows come from the gold annotation: for every deployment whose sentence names no agent (no
AGENT span), each state or organisation named at or before that sentence is a candidate, labelled
1 if it names the deployment's agent (or is that state's organisation, "Ministry of Defence
(Colombia)" for Colombia). A logistic regression (torch, L-BFGS, L2) is fitted; top-1 accuracy
is reported on train and, read the same way from gold, on the dev split. ``--into`` writes the
spec into a checkpoint's config.json (``context_agent``); its threshold is tuned on dev with
``scripts/tune_decoder.py --threshold context_agent_min=...``. Never trained on dev or test.

``--kind party`` fits the same model, with the same features, for an agreement's parties: for every
gold agreement whose sentence tags fewer than two parties ("kedua negara menyepakati ...", "Der
Vertrag über die Basis läuft bis 2044"), each state or organisation named at or before that
sentence, other than the tagged parties, is a candidate, labelled 1 if it is one of the agreement's
parties; the history is the parties of the article's earlier agreements. It goes into
``context_party`` (threshold ``context_party_min``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TYPES = {"CTRY": "Country", "ORG": "Organization", "PER": "Person", "LOC": "Place"}


def _sentence_index(text: str, data: dict):
    """The sentence of a character offset (as the decoder segments), each gold mention with its
    sentence, and each gold event (with a trigger) as (sentence, kind, event)."""
    from kg.segment.rules import split_sentences

    sents = [(a, b) for a, b, _ in split_sentences(text)]

    def sid(pos: int) -> int:
        for i, (a, b) in enumerate(sents):
            if a <= pos < b:
                return i
        return len(sents) - 1

    ments = [(m, sid(m["start"])) for m in data.get("mentions", [])]
    events = [(sid(ev["trigger"]["start"]), kind, ev) for kind in ("deployments", "statements", "agreements")
              for ev in data.get(kind, []) if ev.get("trigger")]
    return sid, ments, events


def _told_here(hist, events, s: int) -> None:
    """Set what the sentence ``s`` and the one before it said: this sentence's claimants and the
    previous sentence's speakers."""
    from kg.extract.context_agent import fold

    hist.claimants_here = {fold(r["text"]) for si, _, ev in events if si == s
                           for r in ev.get("roles", []) if r["role"] == "CLAIMANT"}
    hist.speakers_previous = {fold(r["text"]) for si, k, ev in events if k == "statements" and si == s - 1
                              for r in ev.get("roles", []) if r["role"] == "SPEAKER"}


def article_groups(text: str, data: dict) -> list[tuple[list[list[float]], list[int]]]:
    """(feature rows, labels) for each deployment of one gold article whose sentence names no agent."""
    from kg.extract.context_agent import History, candidates, fold, rows

    sid, ments, events = _sentence_index(text, data)
    deps = sorted((d for d in data.get("deployments", []) if d.get("trigger")), key=lambda d: d["trigger"]["start"])
    hist = History()
    out = []
    for d in deps:
        s = sid(d["trigger"]["start"])
        t0 = d["trigger"]["start"]
        roles = d.get("roles", [])
        agent = [r for r in roles if r["role"] == "AGENT"]
        hist.destinations_here = {fold(r["text"]) for _, k, ev in events if k == "deployments"
                                  for r in ev.get("roles", []) if r["role"] == "DEST" and sid(r["start"]) == s}
        _told_here(hist, events, s)
        cands = candidates((m["text"], TYPES.get(m["type"], m["type"]), ms, m, ms == s and m["start"] < t0)
                           for m, ms in ments if ms <= s)
        key = None
        if agent:
            key = fold(agent[0]["text"])
        elif cands:
            live, x = map(list, zip(*rows(cands, s, hist)))
            y = []
            for c in live:
                names = {m["actor"] for m, ms in ments if fold(m["text"]) == c.key and ms <= s and m.get("actor")}
                y.append(int(any(n == d["agent"] or (c.type == "Organization" and f"({d['agent']})" in n) for n in names)))
            out.append((x, y))
            pos = [c for c, v in zip(live, y) if v]
            key = max(pos, key=lambda c: max(c.sentences)).key if pos else fold(d["agent"] or "")
        if key:
            hist.agents.append((s, key))
        for r in roles:
            if r["role"] == "DEST":
                hist.destinations.add(fold(r["text"]))
    return out


def party_groups(text: str, data: dict) -> list[tuple[list[list[float]], list[int]]]:
    """(feature rows, labels) for each agreement of one gold article whose sentence tags fewer
    than two of its parties."""
    from kg.extract.context_agent import History, candidates, fold, rows
    sid, ments, events = _sentence_index(text, data)

    def named(r: dict) -> dict | None:
        """The gold name mention a PARTY span covers ("Pemerintah Peru" -> "Peru"), as the decoder
        maps a span to the mention it overlaps most; None for "kedua negara"."""
        best, best_ov = None, 0
        for m, _ in ments:
            ov = min(m["end"], r["end"]) - max(m["start"], r["start"])
            if ov > best_ov:
                best, best_ov = m, ov
        return best

    agrs = sorted((a for a in data.get("agreements", []) if a.get("trigger")), key=lambda a: a["trigger"]["start"])
    hist = History()
    out = []
    for a in agrs:
        s = sid(a["trigger"]["start"])
        t0 = a["trigger"]["start"]
        tagged = [m for m in (named(r) for r in sorted(a.get("roles", []), key=lambda r: r["start"]) if r["role"] == "PARTY")
                  if m is not None]
        keys = list(dict.fromkeys(fold(m["text"]) for m in tagged))
        tagged_actors = {m.get("actor") for m in tagged} - {None}
        # the decoder decodes a sentence's deployments before its agreements: their destinations count
        hist.destinations = {fold(r["text"]) for si, k, ev in events if k == "deployments" and si <= s
                             for r in ev.get("roles", []) if r["role"] == "DEST"}
        hist.destinations_here = {fold(r["text"]) for si, k, ev in events if k == "deployments" and si == s
                                  for r in ev.get("roles", []) if r["role"] == "DEST"}
        _told_here(hist, events, s)
        parties = set(a.get("parties") or [])
        if len(keys) < 2:
            cands = [c for c in candidates((m["text"], TYPES.get(m["type"], m["type"]), ms, m, ms == s and m["start"] < t0)
                                           for m, ms in ments if ms <= s) if c.key not in keys]
            if cands:
                live, x = map(list, zip(*rows(cands, s, hist)))
                y = []
                for c in live:
                    names = {m["actor"] for m, ms in ments if fold(m["text"]) == c.key and ms <= s and m.get("actor")}
                    y.append(int(bool(names & (parties - tagged_actors))))
                out.append((x, y))
                # the history takes one form per party, its latest named, as the decoder picks one
                latest: dict[str, tuple[int, str]] = {}
                for c, v in zip(live, y):
                    if v:
                        actor = next(m["actor"] for m, ms in ments if fold(m["text"]) == c.key and m.get("actor"))
                        when = max(x for x in c.sentences if x <= s)
                        if actor not in latest or when >= latest[actor][0]:
                            latest[actor] = (when, c.key)
                keys += [k for _, k in sorted(latest.values())]
        hist.agents.extend((s, k) for k in keys)
    return out


def groups(folder: Path, kind: str = "agent", exclude: str | None = None) -> list[tuple[list[list[float]], list[int]]]:
    """Training rows of every article of ``folder`` whose id ``exclude`` (a regex) does not match."""
    from kg.eval.corpus import articles

    make = party_groups if kind == "party" else article_groups
    return [g for _, text, data in articles(folder, exclude) for g in make(text, data)]


def fit(train, l2: float = 1e-3, seed: int = 13):
    import torch

    from kg.extract.context_agent import FEATURES

    torch.manual_seed(seed)
    X = torch.tensor([r for x, _ in train for r in x], dtype=torch.float64)
    Y = torch.tensor([v for _, y in train for v in y], dtype=torch.float64)
    w = torch.zeros(len(FEATURES), dtype=torch.float64, requires_grad=True)
    b = torch.zeros((), dtype=torch.float64, requires_grad=True)
    opt = torch.optim.LBFGS([w, b], max_iter=500, line_search_fn="strong_wolfe")

    def closure():
        opt.zero_grad()
        loss = torch.nn.functional.binary_cross_entropy_with_logits(X @ w + b, Y) + l2 * (w * w).sum()
        loss.backward()
        return loss

    opt.step(closure)
    return [round(float(v), 5) for v in w.detach()], round(float(b.detach()), 5), len(Y), int(Y.sum())


def top1(spec, data) -> tuple[int, int, int]:
    """(right, groups with a positive, groups): the best-scoring candidate is a positive one."""
    right = with_pos = 0
    for x, y in data:
        if not any(y):
            continue
        with_pos += 1
        z = [spec["bias"] + sum(a * v for a, v in zip(spec["coef"], r)) for r in x]
        right += int(y[max(range(len(z)), key=lambda i: z[i])] == 1)
    return right, with_pos, len(data)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", default=str(REPO / "data" / "corpus" / "train"))
    ap.add_argument("--dev", default=str(REPO / "data" / "corpus" / "dev"))
    ap.add_argument("--kind", choices=("agent", "party"), default="agent",
                    help="agent: a deployment's agent (context_agent); party: an agreement's missing parties (context_party)")
    ap.add_argument("--exclude", default=None, metavar="REGEX",
                    help="leave out the train articles whose id matches REGEX (`make train`: the batches written after the shipped spec)")
    ap.add_argument("--l2", type=float, default=1e-3)
    ap.add_argument("--threshold", type=float, default=0.5, help="written with the spec (tune it on dev)")
    ap.add_argument("--into", default=None, help="checkpoint directory whose config.json takes the spec")
    args = ap.parse_args(argv)
    if "test" in Path(args.train).parts[-1]:
        ap.error("never train on a test split")
    sys.path.insert(0, str(REPO))
    from kg.extract.context_agent import FEATURES

    what = "agreements" if args.kind == "party" else "deployments"
    key = "context_party" if args.kind == "party" else "context_agent"
    train = groups(Path(args.train), args.kind, args.exclude)
    coef, bias, n, npos = fit(train, args.l2)
    spec = {"features": list(FEATURES), "coef": coef, "bias": bias, "threshold": args.threshold,
            "trained_on": f"{Path(args.train).name}: {len(train)} {what}, {n} candidates ({npos} right)"}
    r, p, g = top1(spec, train)
    print(f"train: {len(train)} {what} without {'two parties' if args.kind == 'party' else 'an agent'} in their sentence, "
          f"{n} candidates; top-1 right {r}/{p} ({r / max(1, p):.3f}) of those with a right candidate")
    if args.dev and Path(args.dev).is_dir():
        dev = groups(Path(args.dev), args.kind)
        r, p, g = top1(spec, dev)
        print(f"dev (gold features): top-1 right {r}/{p} ({r / max(1, p):.3f}); {g - p} of {g} have no right candidate")
    for f, c in sorted(zip(FEATURES, coef), key=lambda t: -abs(t[1])):
        print(f"  {f:20s} {c:+.3f}")
    print(f"  {'bias':20s} {bias:+.3f}")
    if args.into:
        p = Path(args.into) / "config.json"
        cfg = json.loads(p.read_text(encoding="utf-8"))
        cfg[key] = spec
        p.write_text(json.dumps(cfg, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {key} into {p}")
    else:
        print(json.dumps(spec))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
