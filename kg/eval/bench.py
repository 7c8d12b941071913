"""Helpers for ``scripts/bench_extract.py`` and ``scripts/bench_store.py``.

Kept in the library so they are importable and tested; the scripts only parse arguments,
call these and print. Nothing here imports torch.

>>> parse_time_v("\\tMaximum resident set size (kbytes): 123456\\n\\tExit status: 0")
123456
>>> peak_from_status("Name:\\tkg\\nVmHWM:\\t  2048 kB\\nVmRSS:\\t 1024 kB\\n")
2048
"""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Sequence

REPO = Path(__file__).resolve().parents[2]
DEFAULT_SEEDS = REPO.parent / "shared" / "eval" / "seeds"


class BenchError(RuntimeError):
    """A prerequisite is missing: the message says which and how to get it."""


def make_corpus(seed_dir: Path, n: int, out_dir: Path) -> list[Path]:
    """Write ``n`` distinct .txt articles to ``out_dir`` by cycling through the seed texts.

    Each copy starts with one harmless line (``Salinan arsip nomor 17.``) so its sha256 differs
    and the build really processes it instead of skipping it as already stored.
    """
    seeds = sorted(Path(seed_dir).glob("*.txt"))
    if not seeds:
        raise BenchError(f"no .txt articles in {seed_dir} (pass --seeds DIR)")
    if n < 1:
        raise BenchError("the number of documents must be at least 1")
    texts = [p.read_text(encoding="utf-8").rstrip("\n") for p in seeds]
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = out_dir / f"doc-{i:04d}.txt"
        p.write_text(f"Salinan arsip nomor {i}.\n\n{texts[i % len(texts)]}\n", encoding="utf-8")
        paths.append(p)
    return paths


def parse_time_v(stderr: str) -> Optional[int]:
    """Peak RSS in KiB from GNU ``/usr/bin/time -v`` output, or None."""
    m = re.search(r"Maximum resident set size \(kbytes\):\s*(\d+)", stderr)
    return int(m.group(1)) if m else None


def peak_from_status(status: str) -> Optional[int]:
    """``VmHWM`` (the RSS high-water mark, KiB) from a /proc/<pid>/status text, or None."""
    m = re.search(r"^VmHWM:\s*(\d+)\s*kB", status, re.M)
    return int(m.group(1)) if m else None


@dataclass
class Timed:
    seconds: float
    returncode: int
    peak_rss_kib: Optional[int]
    stdout: str
    stderr: str
    how: str  # how the peak was measured


def run_timed(cmd: Sequence[str], *, env: Optional[dict] = None, cwd: Optional[str] = None) -> Timed:
    """Run ``cmd``, timing its wall clock and measuring its peak RSS.

    Uses GNU ``/usr/bin/time -v`` when present; else polls ``/proc/<pid>/status`` VmHWM every
    20 ms (the high-water mark only grows, so the last reading is the peak up to that moment).
    """
    gnu_time = shutil.which("time", path="/usr/bin:/bin")
    use_time = gnu_time is not None and _is_gnu_time(gnu_time)
    full = [gnu_time, "-v", *cmd] if use_time else list(cmd)
    t0 = time.perf_counter()
    proc = subprocess.Popen(full, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env, cwd=cwd)
    peak = [None]
    if not use_time:
        def poll() -> None:
            status = Path(f"/proc/{proc.pid}/status")
            while proc.poll() is None:
                try:
                    v = peak_from_status(status.read_text())
                    if v:
                        peak[0] = max(peak[0] or 0, v)
                except OSError:
                    break
                time.sleep(0.02)

        th = threading.Thread(target=poll, daemon=True)
        th.start()
    out, err = proc.communicate()
    secs = time.perf_counter() - t0
    if use_time:
        return Timed(secs, proc.returncode, parse_time_v(err), out, err, "/usr/bin/time -v")
    th.join(timeout=1)
    return Timed(secs, proc.returncode, peak[0], out, err, "/proc VmHWM polling")


def _is_gnu_time(path: str) -> bool:
    try:
        r = subprocess.run([path, "-v", "true"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return parse_time_v(r.stderr) is not None


def self_peak_rss_kib() -> dict[str, int]:
    """Peak RSS (KiB, Linux) of this process and of its waited-for children."""
    return {
        "self": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "children": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    }


def kg_executable() -> str:
    """The ``kg`` console script next to this interpreter (the venv's), else on PATH."""
    cand = Path(sys.executable).with_name("kg")
    if cand.is_file():
        return str(cand)
    found = shutil.which("kg")
    if not found:
        raise BenchError("the `kg` command is not installed (run `make install`)")
    return found


def oxigraph_executable() -> str:
    cand = Path(sys.executable).with_name("oxigraph")
    if cand.is_file():
        return str(cand)
    found = shutil.which("oxigraph")
    if not found:
        raise BenchError("the `oxigraph` server CLI is not installed (pip install oxigraph)")
    return found


def require_pipeline(config) -> None:
    """Raise BenchError unless kg.pipeline and the extractor checkpoint are available."""
    try:
        import kg.pipeline  # noqa: F401
    except ImportError as e:
        raise BenchError(f"kg.pipeline is not available yet ({e})") from e
    from kg.extract.models import model_path

    model = model_path(config.model)  # a registered name (e5, small) or a directory
    if config.extractor == "kg.extractor.transformer.v1" and not (model / "config.json").is_file():
        raise BenchError(
            f"no trained extractor checkpoint at {model} (train it with `make train`, "
            "or pass --set model=DIR)"
        )


def two_core_env(threads: int = 2) -> dict[str, str]:
    """Environment for a child limited to ``threads`` compute threads."""
    env = dict(os.environ)
    for k in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        env[k] = str(threads)
    env["KG_THREADS"] = str(threads)
    return env


def pin_command(cmd: list[str], cores: int) -> list[str]:
    """Prefix ``taskset -c 0..cores-1`` when available and the machine has more cores."""
    taskset = shutil.which("taskset")
    if taskset and (os.cpu_count() or 1) > cores:
        return [taskset, "-c", f"0-{cores - 1}", *cmd]
    return cmd


def print_table(title: str, rows: list[tuple[str, str]], result: dict) -> None:
    """A small two-column table (rich) followed by one JSON line with every figure."""
    from rich.console import Console
    from rich.table import Table

    t = Table(title=title)
    t.add_column("measure")
    t.add_column("value", justify="right")
    for k, v in rows:
        t.add_row(k, v)
    Console(stderr=False).print(t)
    print(json.dumps(result, sort_keys=True))
