#!/usr/bin/env python
"""Benchmark the competency queries and `kg viz` on a store of at least a million quads.

One run:
1. a base store built once with the real pipeline (``--base DIR``; built from the corpus's train
   and dev articles plus examples/articles when missing; needs the trained model);
2. a bench store (``--store DIR``) grown from it: every article graph of the base is replicated
   with a distinct article id (new article, graph, event and activity IRIs, sha256 and URL) and its
   dates shifted (xsd:date by days, xsd:gYearMonth by months), until the store holds
   ``--quads`` quads. Actor IRIs stay as they are (deterministic and store-wide), so an actor is
   shared by many article graphs as in a real back-fill. The replicas are written as N-Quads and
   bulk-loaded (``pyoxigraph.Store.bulk_extend``, the bulk loader). An existing bench store with enough quads is
   reused;
3. every ``queries/*.rq`` (except those with a SERVICE clause, which need the network) runs
   ``--runs`` times after one warm-up, embedded (pyoxigraph, union default graph) and through
   the Oxigraph server (``kg.store.server.running_server``, POST /query with
   union-default-graph); each time counts the fetching of every result row. Query 08 is run for
   one article (its documented use: the VALUES line filled in);
4. ``kg viz`` is run once on the bench store (the whole CLI command, as a subprocess).

Prints p50 / p95 / max wall time (ms), the median CPU time (ms; the query's own cost when the
machine is busy with other work: this process embedded, the server process over HTTP) and the
row count per query and mode, and one JSON line with everything. Usage::

    nice -n 10 .venv/bin/python scripts/bench_query.py [--quads 1000000] [--runs 20]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

REPO = Path(__file__).resolve().parents[1]
XSD = "http://www.w3.org/2001/XMLSchema#"
ONTOLOGY_GRAPH = "https://w3id.org/warta/ontology"
_ID = re.compile(r"(?<=/)(article|graph|activity|event)/([0-9a-f]{16})(?=$|[-/#])")  # event/<id>-deployment-0


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--work", type=Path, default=Path("/tmp/warta-bench-query"),
                    help="folder for the base store, the bench store and the dumps")
    ap.add_argument("--base", type=Path, default=None, help="base store (default WORK/base)")
    ap.add_argument("--store", type=Path, default=None, help="bench store (default WORK/store)")
    ap.add_argument("--quads", type=int, default=1_000_000, help="grow the bench store to this many quads")
    ap.add_argument("--runs", type=int, default=20, help="timed runs per query and mode")
    ap.add_argument("--queries", type=Path, default=REPO / "queries", help="folder of .rq files")
    ap.add_argument("--only", default="", help="comma-separated query name prefixes (e.g. 01,07)")
    ap.add_argument("--no-server", action="store_true", help="skip the HTTP measurements")
    ap.add_argument("--no-viz", action="store_true", help="skip timing kg viz")
    a = ap.parse_args(argv)
    a.base = a.base or a.work / "base"
    a.store = a.store or a.work / "store"
    if a.runs < 1 or a.quads < 1:
        ap.error("--runs and --quads must be at least 1")
    return a


# -- the stores ---------------------------------------------------------------------------------
def build_base(base: Path) -> None:
    """The real pipeline over the corpus (train + dev) and examples/articles."""
    from kg.config import Config
    from kg.pipeline import build

    paths = [str(REPO / "data/corpus/train/*.txt"), str(REPO / "data/corpus/dev/*.txt"),
             str(REPO / "examples/articles")]
    t = time.perf_counter()
    report = build(paths, Config(), store=str(base))
    print(f"built the base store {base}: {len(report.articles)} articles, "
          f"{len(report.problems)} problems, {time.perf_counter() - t:.0f} s", file=sys.stderr)


def _shift(lit, k: int):
    """A date literal moved k days (xsd:date, xsd:dateTime) or k months (xsd:gYearMonth)."""
    import pyoxigraph as ox

    dtype = lit.datatype.value
    try:
        if dtype == XSD + "date":
            d = dt.date.fromisoformat(lit.value) + dt.timedelta(days=k)
            return ox.Literal(d.isoformat(), datatype=lit.datatype)
        if dtype == XSD + "dateTime":
            d = dt.datetime.fromisoformat(lit.value.replace("Z", "+00:00")) + dt.timedelta(days=k)
            return ox.Literal(d.isoformat(), datatype=lit.datatype)
        if dtype == XSD + "gYearMonth":
            y, m = (int(x) for x in lit.value[:7].split("-"))
            n = y * 12 + (m - 1) + k
            return ox.Literal(f"{n // 12:04d}-{n % 12 + 1:02d}", datatype=lit.datatype)
    except ValueError:
        return lit
    return lit


def replicate(base_quads: list, k: int) -> list:
    """The base graphs as replica ``k``: new ids in article-specific IRIs, shifted dates."""
    import pyoxigraph as ox

    memo: dict[str, str] = {}

    def new_id(old: str) -> str:
        if old not in memo:
            memo[old] = hashlib.sha256(f"{old}:{k}".encode()).hexdigest()[:16]
        return memo[old]

    def iri(n):
        if isinstance(n, ox.NamedNode) and ("/article/" in n.value or "/graph/" in n.value
                                            or "/event/" in n.value or "/activity/" in n.value):
            return ox.NamedNode(_ID.sub(lambda m: f"{m.group(1)}/{new_id(m.group(2))}", n.value))
        return n

    out = []
    for q in base_quads:
        o = q.object
        p = q.predicate.value
        if isinstance(o, ox.Literal):
            if p.endswith("#sha256"):
                o = ox.Literal(hashlib.sha256(f"{o.value}:{k}".encode()).hexdigest(), datatype=o.datatype)
            elif p.endswith("#date") or p.endswith("datePublished"):
                o = _shift(o, k)
        elif p.endswith("/url") and isinstance(o, ox.NamedNode):
            o = ox.NamedNode(o.value + ("&" if "?" in o.value else "?") + f"replica={k}")
        else:
            o = iri(o)
        out.append(ox.Quad(iri(q.subject), q.predicate, o, iri(q.graph_name)))
    return out


def grow_store(base: Path, store: Path, target: int) -> int:
    """Make ``store`` hold at least ``target`` quads (see the module docstring); its size."""
    import pyoxigraph as ox

    if (store / "CURRENT").is_file():
        s = ox.Store(str(store))
        n = len(s)
        if n >= target:
            print(f"reusing the bench store {store}: {n:,} quads", file=sys.stderr)
            return n
        del s
        import shutil

        shutil.rmtree(store)
    src = ox.Store.read_only(str(base))
    everything = list(src)
    del src
    ontology = [q for q in everything if isinstance(q.graph_name, ox.NamedNode)
                and q.graph_name.value == ONTOLOGY_GRAPH]
    articles = [q for q in everything if not (isinstance(q.graph_name, ox.NamedNode)
                                              and q.graph_name.value == ONTOLOGY_GRAPH)]
    if not articles:
        raise SystemExit(f"the base store {base} holds no article graphs")
    replicas = max(1, -(-(target - len(ontology)) // len(articles)))
    t = time.perf_counter()
    s = ox.Store(str(store))
    s.bulk_extend(ontology + articles)
    for k in range(1, replicas):
        s.bulk_extend(replicate(articles, k))
    s.flush()
    n = len(s)
    print(f"grew the bench store {store}: {replicas} copies of {len(articles):,} article quads "
          f"-> {n:,} quads in {time.perf_counter() - t:.0f} s", file=sys.stderr)
    del s
    return n


# -- the queries --------------------------------------------------------------------------------
def load_queries(folder: Path, only: str, one_article: str) -> dict[str, str]:
    prefixes = tuple(x.strip() for x in only.split(",") if x.strip())
    out = {}
    for p in sorted(folder.glob("*.rq")):
        text = p.read_text(encoding="utf-8")
        if "SERVICE" in text or (prefixes and not p.stem.startswith(prefixes)):
            continue
        if "# VALUES ?article" in text:  # 08: the documented use, for one article
            text = re.sub(r"# VALUES \?article \{ <[^>]*> \}", f"VALUES ?article {{ <{one_article}> }}", text)
        out[p.stem] = text
    return out


def stats(times: list[float], cpu: list[float]) -> dict[str, float]:
    """p50 / p95 / max of the wall times, and the median CPU time (on a machine shared with other
    work the wall time includes waiting for a core; the CPU time is what the query itself cost)."""
    ts = sorted(times)
    p95 = ts[min(len(ts) - 1, max(0, int(round(0.95 * len(ts))) - 1))]
    return {"p50_ms": round(statistics.median(ts) * 1000, 1), "p95_ms": round(p95 * 1000, 1),
            "max_ms": round(ts[-1] * 1000, 1), "cpu_p50_ms": round(statistics.median(cpu) * 1000, 1)}


def _cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _children() -> list[int]:
    """Processes whose parent is this one (the Oxigraph server)."""
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == os.getpid():
                out.append(int(stat.parent.name))
        except (OSError, ValueError, IndexError):
            continue
    return out


def time_embedded(store: Path, queries: dict[str, str], runs: int) -> dict[str, dict]:
    import pyoxigraph as ox

    s = ox.Store.read_only(str(store))
    res = {}
    for name, q in queries.items():
        def once() -> int:
            return sum(1 for _ in s.query(q, use_default_graph_as_union=True))

        rows = once()  # warm-up
        times, cpu = [], []
        for _ in range(runs):
            t, c = time.perf_counter(), time.process_time()
            once()
            times.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
        res[name] = {"rows": rows, **stats(times, cpu)}
        print(f"  embedded {name}: {res[name]}", file=sys.stderr, flush=True)
    del s
    return res


def time_server(store: Path, queries: dict[str, str], runs: int) -> dict[str, dict]:
    import requests

    from kg.store.server import running_server

    res = {}
    with running_server(store, timeout_s=600) as base:
        url = base + "/query"
        http = requests.Session()
        for name, q in queries.items():
            def once() -> int:
                r = http.post(url, data={"query": q}, params={"union-default-graph": "true"},
                              headers={"Accept": "application/sparql-results+json"}, timeout=900)
                r.raise_for_status()
                return len(r.json()["results"]["bindings"])

            rows = once()
            servers = _children()
            times, cpu = [], []
            for _ in range(runs):
                t, c = time.perf_counter(), sum(_cpu_seconds(p) for p in servers)
                once()
                times.append(time.perf_counter() - t)
                cpu.append(sum(_cpu_seconds(p) for p in servers) - c)  # the server's CPU
            res[name] = {"rows": rows, **stats(times, cpu)}
            print(f"  server {name}: {res[name]}", file=sys.stderr, flush=True)
    return res


def time_viz(store: Path, work: Path) -> dict:
    out = work / "explorer.html"
    t = time.perf_counter()
    r = subprocess.run([sys.executable, "-m", "kg", "viz", "--store", str(store), "--out", str(out)],
                       cwd=REPO, capture_output=True, text=True)
    secs = time.perf_counter() - t
    if r.returncode != 0:
        return {"seconds": round(secs, 1), "error": r.stderr.strip()[-500:]}
    return {"seconds": round(secs, 1), "message": r.stderr.strip().splitlines()[-1] if r.stderr.strip() else "",
            "bytes": out.stat().st_size}


def main(argv: list[str] | None = None) -> int:
    a = parse_args(argv)
    a.work.mkdir(parents=True, exist_ok=True)
    if not (a.base / "CURRENT").is_file():
        build_base(a.base)
    quads = grow_store(a.base, a.store, a.quads)

    import pyoxigraph as ox

    s = ox.Store.read_only(str(a.store))
    one = next(iter(s.query("SELECT ?a WHERE { ?a a <https://w3id.org/warta/ontology#Article> } "
                            "ORDER BY ?a LIMIT 1", use_default_graph_as_union=True)))["a"].value
    graphs = sum(1 for _ in s.named_graphs())
    del s
    queries = load_queries(a.queries, a.only, one)
    result = {"quads": quads, "graphs": graphs, "runs": a.runs, "cpu_count": os.cpu_count(),
              "niceness": os.nice(0)}
    print(f"store {a.store}: {quads:,} quads in {graphs:,} named graphs; {a.runs} runs per query",
          file=sys.stderr)
    result["embedded"] = time_embedded(a.store, queries, a.runs)
    if not a.no_server:
        result["server"] = time_server(a.store, queries, a.runs)
    if not a.no_viz:
        result["viz"] = time_viz(a.store, a.work)

    head = (f"{'query':<24} {'mode':<9} {'rows':>7} {'p50 ms':>9} {'p95 ms':>9} {'max ms':>9} "
            f"{'cpu p50 ms':>10}")
    print(f"bench_query: {quads:,} quads, {graphs:,} graphs, {a.runs} runs, nice {result['niceness']}")
    print(head)
    for name in queries:
        for mode in ("embedded", "server"):
            r = result.get(mode, {}).get(name)
            if r:
                print(f"{name:<24} {mode:<9} {r['rows']:>7} {r['p50_ms']:>9} {r['p95_ms']:>9} "
                      f"{r['max_ms']:>9} {r['cpu_p50_ms']:>10}")
    if "viz" in result:
        print(f"kg viz: {result['viz']}")
    print(json.dumps(result, sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
