#!/usr/bin/env python
"""Benchmark the store: quads per second written by `kg build`'s store writer vs `oxigraph load`.

One run:
1. a source store: ``--store DIR`` (an existing Warta store), or else the seed articles cycled
   to N documents and built with the real pipeline (needs the trained model);
2. the store writer of ``kg build`` (``EmbeddedStore.write_articles``: one transaction per
   batch of 16 new article graphs, as the pipeline writes them, the ontology graph first) replays every graph of the source into a fresh
   store, timed;
3. the source is dumped to N-Quads and ``oxigraph load --location NEW --file X.nq`` loads it
   into another fresh store, timed;
both rates are printed in a small table and one JSON line. Usage::

    .venv/bin/python scripts/bench_store.py [--store DIR | -n 200] [--workdir DIR]
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
    make_corpus,
    oxigraph_executable,
    print_table,
    require_pipeline,
    run_timed,
)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", type=Path, default=None, help="an existing Warta store to replay")
    ap.add_argument("-n", "--docs", type=int, default=200, help="documents to build when no --store")
    ap.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS, help="folder of .txt articles to cycle")
    ap.add_argument("--workdir", type=Path, default=None, help="keep the dumps and stores here")
    ap.add_argument("--set", dest="overrides", action="append", default=[],
                    help="config override key=value; repeatable")
    a = ap.parse_args(argv)
    if a.docs < 1:
        ap.error("-n/--docs must be at least 1")
    if a.store is not None and not (a.store / "CURRENT").is_file():
        ap.error(f"--store {a.store}: not a store directory (no CURRENT file)")
    return a


def build_source(a: argparse.Namespace, root: Path, cfg) -> tuple[Path, dict]:
    if a.store is not None:
        return a.store, {"source": str(a.store), "built": False}
    require_pipeline(cfg)
    from kg.pipeline import build

    paths = make_corpus(a.seeds, a.docs, root / "corpus")
    target = root / "store-built"
    rep = build([str(p) for p in paths], cfg, store=str(target))
    if not rep.articles:
        raise BenchError(f"the build wrote no article ({len(rep.problems)} problems)")
    st = rep.phase_seconds.get("store")
    return target, {
        "source": str(target), "built": True, "docs": a.docs,
        "build_store_phase_seconds": round(st, 3) if st else None,
        "build_quads_written": rep.quads_written,
        "build_store_quads_per_second": round(rep.quads_written / st) if st else None,
    }


def graphs_of(store_dir: Path) -> list[tuple[str, list]]:
    """Every named graph of the store with its quads (ontology graph first)."""
    from kg.store.embedded import EmbeddedStore

    with EmbeddedStore(store_dir, read_only=True) as st:
        names = st.named_graphs()
        names.sort(key=lambda g: (not g.endswith("/ontology"), g))
        return [(g, list(st.graph_quads(g))) for g in names]


from kg.pipeline import BATCH_ARTICLES as BATCH  # noqa: E402  (one write transaction per batch, as kg build)


def replay_writer(graphs: list[tuple[str, list]], target: Path) -> dict:
    from kg.store.embedded import EmbeddedStore

    n = sum(len(q) for _, q in graphs)
    t0 = time.perf_counter()
    with EmbeddedStore(target) as st:
        for k in range(0, len(graphs), BATCH):  # as kg build writes: one transaction per batch of new articles
            st.write_articles([(g, quads, []) for g, quads in graphs[k:k + BATCH]])
        st.flush()
        count = st.count()
    secs = time.perf_counter() - t0
    if count != n:
        raise BenchError(f"the writer stored {count} quads, expected {n}")
    return {"quads": n, "graphs": len(graphs), "seconds": round(secs, 3),
            "quads_per_second": round(n / secs) if secs else None}


def oxigraph_load(source: Path, root: Path) -> dict:
    from kg.store.embedded import EmbeddedStore

    nq = root / "dump.nq"
    with EmbeddedStore(source, read_only=True) as st:
        st.dump(nq, "nq")
        n = st.count()
    target = root / "store-oxload"
    r = run_timed([oxigraph_executable(), "load", "--location", str(target), "--file", str(nq)])
    if r.returncode != 0:
        raise BenchError(f"`oxigraph load` failed (exit {r.returncode}): {r.stderr.strip()[-500:]}")
    return {"quads": n, "nq_bytes": nq.stat().st_size, "seconds": round(r.seconds, 3),
            "quads_per_second": round(n / r.seconds) if r.seconds else None,
            "peak_rss_mib": None if r.peak_rss_kib is None else round(r.peak_rss_kib / 1024, 1)}


def main(argv: list[str] | None = None) -> int:
    a = parse_args(argv)
    from kg.config import Config

    cfg = Config.resolve(overrides=a.overrides)
    root = a.workdir or Path(tempfile.mkdtemp(prefix="warta-bench-store-"))
    root.mkdir(parents=True, exist_ok=True)
    try:
        source, info = build_source(a, root, cfg)
        graphs = graphs_of(source)
        if not graphs:
            raise BenchError(f"the store {source} holds no named graph")
        writer = replay_writer(graphs, root / "store-writer")
        loader = oxigraph_load(source, root)
    except BenchError as e:
        print(f"bench_store: cannot run: {e}", file=sys.stderr)
        return 2
    result = {**info, "workdir": str(root), "writer": writer, "oxigraph_load": loader}
    ratio = (loader["quads_per_second"] / writer["quads_per_second"]
             if writer["quads_per_second"] and loader["quads_per_second"] else None)
    result["oxigraph_load_speedup"] = None if ratio is None else round(ratio, 2)
    rows = [
        ("quads", str(writer["quads"])), ("graphs", str(writer["graphs"])),
        ("writer (kg build) s", f"{writer['seconds']:.2f}"),
        ("writer quads/s", str(writer["quads_per_second"])),
        ("oxigraph load s", f"{loader['seconds']:.2f}"),
        ("oxigraph load quads/s", str(loader["quads_per_second"])),
        ("oxigraph load / writer", str(result["oxigraph_load_speedup"])),
    ]
    if info.get("build_store_quads_per_second"):
        rows.insert(4, ("store phase in the build quads/s", str(info["build_store_quads_per_second"])))
    print_table("Warta store benchmark", rows, result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
