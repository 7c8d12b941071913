#!/usr/bin/env python
"""Benchmark extraction throughput and memory on two CPU cores.

The seed articles are cycled into N distinct .txt files (default 200; each copy differs by one
harmless trailing line so nothing is skipped as already stored), then measured twice:

1. END TO END: ``kg build DIR --store TMP`` as a subprocess, wall clock and peak RSS
   (``/usr/bin/time -v``, or /proc VmHWM polling) -> articles per second.
2. IN PROCESS, phase by phase: load the stages once (model load), read, segment, extract,
   link, rdf, store; seconds per phase and this process's peak RSS.

Prints a small table and one JSON line. Usage::

    .venv/bin/python scripts/bench_extract.py [-n 200] [--threads 2] [--seeds DIR] [--skip-e2e]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.eval.bench import (  # noqa: E402
    DEFAULT_SEEDS,
    BenchError,
    kg_executable,
    make_corpus,
    pin_command,
    print_table,
    require_pipeline,
    run_timed,
    self_peak_rss_kib,
    two_core_env,
)

from kg.pipeline import BATCH_ARTICLES as BATCH  # noqa: E402  (the groups `kg build` uses)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", "--docs", type=int, default=200, help="documents to build (default 200)")
    ap.add_argument("--threads", type=int, default=2, help="CPU cores/threads to use (default 2)")
    ap.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS, help="folder of .txt articles to cycle")
    ap.add_argument("--workdir", type=Path, default=None, help="keep the corpus and stores here")
    ap.add_argument("--skip-e2e", action="store_true", help="only the in-process phases")
    ap.add_argument("--skip-phases", action="store_true", help="only the end-to-end `kg build`")
    ap.add_argument("--set", dest="overrides", action="append", default=[],
                    help="config override key=value (e.g. model=DIR); repeatable")
    a = ap.parse_args(argv)
    if a.docs < 1:
        ap.error("-n/--docs must be at least 1")
    if a.threads < 1:
        ap.error("--threads must be at least 1")
    return a


def end_to_end(paths_dir: Path, store: Path, threads: int, overrides: list[str]) -> dict:
    cmd = [kg_executable()]
    for o in overrides:
        cmd += ["--set", o]
    cmd += ["--set", f"threads={threads}", "build", str(paths_dir), "--store", str(store), "--no-progress"]
    r = run_timed(pin_command(cmd, threads), env=two_core_env(threads))
    if r.returncode not in (0, 1):  # 1 = some documents failed; still a measurement
        raise BenchError(f"`kg build` failed (exit {r.returncode}): {r.stderr.strip()[-800:]}")
    return {"seconds": round(r.seconds, 3), "peak_rss_mib": _mib(r.peak_rss_kib),
            "peak_rss_method": r.how, "exit_code": r.returncode, "output": r.stdout.strip()[-300:]}


def phases(paths: list[Path], store: Path, cfg) -> dict:
    import torch

    from kg import registry
    from kg.doc import Problem
    from kg.ingest import read_inputs
    from kg.rdf.mapping import article_to_quads, ontology_quads
    from kg.store.embedded import EmbeddedStore

    torch.set_num_threads(cfg.threads or 2)
    secs: dict[str, float] = {}

    def tick(name: str, t0: float) -> None:
        secs[name] = secs.get(name, 0.0) + time.perf_counter() - t0

    t = time.perf_counter()
    segmenter = registry.segmenters.create(cfg.segmenter, config=cfg)
    extractor = registry.extractors.create(cfg.extractor, config=cfg)
    linker = registry.linkers.create(cfg.linker, config=cfg)
    tick("load", t)

    t = time.perf_counter()
    arts = [a for a in read_inputs([str(p) for p in paths], cfg) if not isinstance(a, Problem)]
    tick("read", t)
    t = time.perf_counter()
    for a in arts:
        a.sentences = segmenter.segment(a)
    tick("segment", t)
    t = time.perf_counter()
    for i in range(0, len(arts), BATCH):
        extractor.extract(arts[i : i + BATCH])
    tick("extract", t)
    t = time.perf_counter()
    for a in arts:
        linker.link(a)
    tick("link", t)
    t = time.perf_counter()
    quads = [article_to_quads(a, cfg, {"software": "bench"}) for a in arts]
    tick("rdf", t)
    t = time.perf_counter()
    with EmbeddedStore(store) as st:
        st.ensure_ontology(ontology_quads())
        for a, q in zip(arts, quads):
            st.write_article(cfg.base_iri + "graph/" + a.id, q, [])
    tick("store", t)
    work = sum(v for k, v in secs.items() if k != "load")
    return {
        "articles": len(arts),
        "events": sum(len(a.events) for a in arts),
        "quads": sum(len(q) for q in quads),
        "phase_seconds": {k: round(v, 3) for k, v in secs.items()},
        "articles_per_second": round(len(arts) / work, 2) if work else None,
        "peak_rss_mib": _mib(self_peak_rss_kib()["self"]),
    }


def _mib(kib) -> float | None:
    return None if kib is None else round(kib / 1024, 1)


def main(argv: list[str] | None = None) -> int:
    a = parse_args(argv)
    from kg.config import Config

    cfg = Config.resolve(overrides=[*a.overrides, f"threads={a.threads}"])
    try:
        require_pipeline(cfg)
        root = a.workdir or Path(tempfile.mkdtemp(prefix="warta-bench-"))
        corpus = root / "corpus"
        paths = make_corpus(a.seeds, a.docs, corpus)
        result: dict = {"docs": a.docs, "threads": a.threads, "workdir": str(root)}
        rows: list[tuple[str, str]] = [("documents", str(a.docs)), ("threads", str(a.threads))]
        if not a.skip_e2e:
            e2e = end_to_end(corpus, root / "store-e2e", a.threads, a.overrides)
            e2e["articles_per_second"] = round(a.docs / e2e["seconds"], 2)
            result["end_to_end"] = e2e
            rows += [("kg build wall (s)", f"{e2e['seconds']:.1f}"),
                     ("kg build articles/s", f"{e2e['articles_per_second']:.2f}"),
                     ("kg build peak RSS (MiB)", str(e2e["peak_rss_mib"]))]
        if not a.skip_phases:
            ph = phases(paths, root / "store-phases", cfg)
            result["in_process"] = ph
            rows += [(f"phase {k} (s)", f"{v:.2f}") for k, v in ph["phase_seconds"].items()]
            rows += [("in-process articles/s (excl. load)", str(ph["articles_per_second"])),
                     ("in-process peak RSS (MiB)", str(ph["peak_rss_mib"]))]
        print_table(f"Warta extraction benchmark ({a.docs} docs, {a.threads} threads)", rows, result)
        return 0
    except BenchError as e:
        print(f"bench_extract: cannot run: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
