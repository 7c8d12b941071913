"""Helpers for store and server tests: synthetic stores and a real `kg serve` subprocess."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from store_synthetic import article

KG_BIN = Path(sys.executable).parent / "kg"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_is_free(port: int) -> bool:
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False


def fill_store(path: Path, n: int = 3) -> list[tuple[str, str, str, list]]:
    """Write ``n`` synthetic articles into an embedded store at ``path``; returns them."""
    from kg.store.embedded import EmbeddedStore

    arts = [article(i) for i in range(n)]
    with EmbeddedStore(path) as store:
        for g, _sha, _url, quads in arts:
            store.write_article(g, quads)
    return arts


class KgServe:
    """A real `kg serve` subprocess on a free port."""

    def __init__(self, store: Path, *extra: str, explorer: bool = False):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        # `python -m kg` from the working directory: the checkout under test, not an installed copy
        cmd = [sys.executable, "-m", "kg", "serve", "--store", str(store), "--bind", f"127.0.0.1:{self.port}", *extra]
        cmd.append("--explorer" if explorer else "--no-explorer")
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                     cwd=Path(__file__).resolve().parents[2])
        self.lines: list[str] = []
        deadline = time.monotonic() + 180  # returns at "ready"; a loaded machine may be slow
        while time.monotonic() < deadline:
            line = self.proc.stdout.readline()
            if not line:
                break
            self.lines.append(line.rstrip("\n"))
            if line.startswith("ready"):
                return
        self.proc.kill()
        raise RuntimeError(f"kg serve did not get ready: {self.lines} {self.proc.stderr.read()}")

    def children(self) -> list[int]:
        out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(self.proc.pid)], capture_output=True, text=True)
        return [int(x) for x in out.stdout.split()]

    def stop(self, sig: int = signal.SIGINT) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            return self.proc.wait(60)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
            if not self.proc.stdout.closed:  # keep what it printed after "ready" (restarts ...)
                self.lines += self.proc.stdout.read().splitlines()
                self.stderr = self.proc.stderr.read()
            self.proc.stdout.close()
            self.proc.stderr.close()


def pid_alive(pid: int) -> bool:
    """True while ``pid`` runs (a zombie awaiting its reaper counts as gone)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return True
    return state != "Z"


POISON_GRAPH = "http://example.org/poison"


def poison_quads(n: int = 200, seed: int = 1) -> list:
    """Literals with no total order between them (NaN, dates with and without a time zone,
    numbers): ``ORDER BY`` over them makes Oxigraph 0.5.13's sort panic ("comparison function
    does not correctly implement a total order"), which kills the server process."""
    import random

    from pyoxigraph import Literal, NamedNode, Quad

    xsd = "http://www.w3.org/2001/XMLSchema#"
    rnd = random.Random(seed)
    p, g = NamedNode("http://example.org/value"), NamedNode(POISON_GRAPH)
    out = []
    for i in range(n):
        day, hour = rnd.randrange(1, 28), rnd.randrange(24)
        value = [
            Literal("NaN", datatype=NamedNode(xsd + "double")),
            Literal(repr(rnd.random() * 100), datatype=NamedNode(xsd + "double")),
            Literal(f"2024-01-{day:02d}T{hour:02d}:00:00", datatype=NamedNode(xsd + "dateTime")),
            Literal(f"2024-01-{day:02d}T{hour:02d}:00:00+0{rnd.randrange(9)}:00", datatype=NamedNode(xsd + "dateTime")),
            Literal(str(rnd.randrange(100)), datatype=NamedNode(xsd + "integer")),
        ][rnd.randrange(5)]
        out.append(Quad(NamedNode(f"http://example.org/s{i}"), p, value, g))
    return out
