#!/usr/bin/env python
"""Benchmark the distributed build: articles per second without Ray, with 1 and 2 Ray workers,
and the two sinks of a Ray build (N-Quads shards written into the embedded store as they finish, or PUTs
over the Graph Store Protocol to an ``oxigraph serve`` this script starts).

The seed articles are cycled into N distinct .txt files (default 96), then built five times into
fresh stores, each with the same model and settings:

1. plain ``kg.pipeline.build`` (one process);
2. Ray, 1 worker, N-Quads shards;
3. Ray, 2 workers, N-Quads shards;
4. Ray, 2 workers, GSP to a writable ``oxigraph serve``.

One local Ray cluster (3 CPU slots) serves every Ray run; its start is timed apart. Each Ray
build's time includes starting its actors and loading one model per actor, as a user's build
would. Prints a table and one JSON line. Usage::

    nice -n 10 .venv/bin/python scripts/bench_ray.py [-n 96] [--model small] [--workdir DIR]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.eval.bench import DEFAULT_SEEDS, make_corpus, print_table  # noqa: E402


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", "--docs", type=int, default=96, help="documents to build (default 96)")
    ap.add_argument("--model", default="e5", help="extractor model (default e5, the default of kg build)")
    ap.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS, help="folder of .txt articles to cycle")
    ap.add_argument("--workdir", type=Path, default=None, help="keep the corpus and stores here")
    a = ap.parse_args(argv)
    if a.docs < 1:
        ap.error("-n/--docs must be at least 1")
    return a


def main(argv: list[str] | None = None) -> int:
    a = parse_args(argv)
    import ray

    from kg.config import Config
    from kg.distributed import build_on_ray, connect
    from kg.pipeline import build
    from kg.store.server import OxigraphServer

    work = a.workdir or Path(tempfile.mkdtemp(prefix="warta-bench-ray-"))
    corpus = work / "corpus"
    make_corpus(a.seeds, a.docs, corpus)
    cfg = Config().replace(model=a.model)
    runs: dict[str, dict] = {}

    def record(name: str, report, seconds: float) -> None:
        assert report.ok and len(report.articles) == a.docs, (name, report.problems, len(report.articles))
        runs[name] = {"seconds": round(seconds, 2), "articles_per_s": round(a.docs / seconds, 3),
                      "quads": report.quads_written, "workers": len(report.workers),
                      "phases": {k: round(v, 2) for k, v in report.phase_seconds.items()}}
        print(f"{name}: {a.docs / seconds:.2f} articles/s ({seconds:.1f}s)", file=sys.stderr, flush=True)

    t = time.perf_counter()
    r = build([str(corpus)], cfg, store=str(work / "plain"))
    record("plain build", r, time.perf_counter() - t)

    t = time.perf_counter()
    connect(None, workers=2)
    cluster_s = time.perf_counter() - t
    try:
        for workers in (1, 2):
            t = time.perf_counter()
            r = build_on_ray([str(corpus)], cfg, store=str(work / f"ray{workers}"), workers=workers)
            record(f"ray {workers} worker(s), N-Quads + bulk load", r, time.perf_counter() - t)
        server = OxigraphServer(work / "served", port=0, writable=True).start()
        try:
            t = time.perf_counter()
            r = build_on_ray([str(corpus)], cfg, endpoint=server.base_url, workers=2)
            record("ray 2 worker(s), GSP to oxigraph serve", r, time.perf_counter() - t)
        finally:
            server.stop()
    finally:
        ray.shutdown()

    rows = [(name, f"{v['articles_per_s']:.2f} art/s ({v['seconds']:.0f}s)") for name, v in runs.items()]
    rows.append(("local Ray cluster start (once)", f"{cluster_s:.1f}s"))
    load = os.getloadavg()
    rows.append(("load average at the end (1/5/15 min)", " / ".join(f"{x:.1f}" for x in load)))
    print_table(f"kg build of {a.docs} articles, model {a.model}, {os.cpu_count()} CPU cores", rows,
                {"docs": a.docs, "model": a.model, "cpus": os.cpu_count(), "cluster_start_s": round(cluster_s, 2),
                 "loadavg": [round(x, 2) for x in load], "runs": runs})
    return 0


if __name__ == "__main__":
    sys.exit(main())
