"""Serve a store over SPARQL with the real Oxigraph server (the ``oxigraph`` binary from PyPI).

``OxigraphServer`` runs ``oxigraph serve-read-only`` (``serve`` with ``writable=True``) on the
store directory with ``--union-default-graph`` (a query without ``GRAPH`` sees every article) and
``--timeout-s``, and waits until the endpoint answers. ``serve`` (``kg serve``) puts it behind the
supervised gateway of ``kg.store.gateway`` (admission control, deadlines, restarts, no partial
answers, SERVICE and Host checks, same origin) and stops cleanly on Ctrl-C or SIGTERM.
``running_server`` is the bare Oxigraph server as a context manager for tests and evaluation:

    with running_server("warta-store") as base_url:
        requests.post(base_url + "/query", data={"query": "ASK {}"})

While a read-only server runs, this process holds the store's RocksDB lock (``kg.store.lock``),
so a ``kg build`` into the same directory is refused instead of writing under the server.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Iterator, Optional, Sequence

import requests

from kg.errors import StoreError
from kg.store.lock import StoreLock

READY_TIMEOUT_S = 30.0
REPO_QUERIES = Path(__file__).resolve().parents[2] / "queries"


def find_oxigraph() -> str:
    """The ``oxigraph`` server binary: next to ``sys.executable`` (the venv), else on PATH."""
    here = Path(sys.executable).parent / "oxigraph"
    if here.is_file() and os.access(here, os.X_OK):
        return str(here)
    found = shutil.which("oxigraph")
    if found:
        return found
    raise StoreError(
        "the oxigraph server binary was not found",
        hint="install it with `pip install oxigraph` in this environment",
    )


def parse_bind(bind: str) -> tuple[str, int]:
    """``"127.0.0.1:7878"`` -> ("127.0.0.1", 7878); ``"[::1]:0"`` -> ("::1", 0).

    >>> parse_bind("127.0.0.1:7878"), parse_bind("[::1]:0"), parse_bind("8000")
    (('127.0.0.1', 7878), ('::1', 0), ('127.0.0.1', 8000))
    """
    host, sep, port = bind.rpartition(":")
    if not sep:
        host, port = "127.0.0.1", bind
    host = host.strip("[]") or "127.0.0.1"
    try:
        return host, int(port)
    except ValueError:
        raise StoreError(f"bad --bind {bind!r}", hint="use HOST:PORT, e.g. 127.0.0.1:7878") from None


def free_port(host: str = "127.0.0.1") -> int:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def _url_host(host: str) -> str:
    if host in ("0.0.0.0", "::", ""):
        return "127.0.0.1"
    return f"[{host}]" if ":" in host else host


def _die_with_parent() -> None:  # pragma: no cover - runs in the child between fork and exec
    """Linux: the server gets SIGTERM if the process that started it dies (no orphan)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except Exception:
        pass


class OxigraphServer:
    """One ``oxigraph serve``/``serve-read-only`` child process on a store directory."""

    def __init__(
        self,
        store_path: str | os.PathLike,
        host: str = "127.0.0.1",
        port: int = 7878,
        *,
        writable: bool = False,
        timeout_s: int = 30,
        cors: bool = False,
        lock: bool = True,
    ):
        self.store_path = str(store_path)
        self.lock = lock  # False: the caller holds the store lock (the gateway's supervisor)
        self.host = host
        self.port = port or free_port(host)
        self.writable = writable
        self.timeout_s = timeout_s
        self.cors = cors
        self.proc: Optional[subprocess.Popen] = None
        self._lock: Optional[StoreLock] = None
        self._log = None

    @property
    def base_url(self) -> str:
        return f"http://{_url_host(self.host)}:{self.port}"

    @property
    def query_url(self) -> str:
        return self.base_url + "/query"

    def command(self) -> list[str]:
        cmd = [find_oxigraph(), "serve" if self.writable else "serve-read-only"]
        cmd += ["--location", self.store_path, "--bind", f"{self.host}:{self.port}" if ":" not in self.host else f"[{self.host}]:{self.port}"]
        cmd += ["--union-default-graph", "--timeout-s", str(int(self.timeout_s))]
        if self.cors:
            cmd.append("--cors")
        return cmd

    def start(self, ready_timeout: float = READY_TIMEOUT_S, cancelled: Callable[[], bool] | None = None) -> "OxigraphServer":
        """Start the child and wait until ``/query`` answers (raises ``StoreError`` otherwise;
        ``cancelled()`` turning true, e.g. on Ctrl-C, stops the wait with a ``StoreError`` too)."""
        if not self.writable and self.lock:
            if not (Path(self.store_path) / "CURRENT").is_file():
                raise StoreError(
                    "no store here", hint="build one with `kg build ARTICLES --store DIR` (or serve --writable)",
                    source=self.store_path,
                )
            self._lock = StoreLock(self.store_path).acquire()
        _check_port_free(self.host, self.port)
        self._log = tempfile.TemporaryFile()
        try:
            self.proc = subprocess.Popen(
                self.command(),
                stdin=subprocess.DEVNULL,
                stdout=self._log,
                stderr=subprocess.STDOUT,
                preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
            )
            self._wait_ready(ready_timeout, cancelled)
        except BaseException:
            self.stop()
            raise
        return self

    def _wait_ready(self, timeout: float, cancelled: Callable[[], bool] | None = None) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if cancelled is not None and cancelled():
                raise StoreError("stopped while the oxigraph server was starting", source=self.store_path)
            if self.proc.poll() is not None:
                raise self._failure(f"the oxigraph server exited with code {self.proc.returncode}")
            try:
                r = requests.get(self.query_url, params={"query": "ASK {}"}, timeout=1.0)
                if r.status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.05)
        raise self._failure(f"the oxigraph server did not answer within {timeout:g}s")

    def _failure(self, what: str) -> StoreError:
        log = self.output()
        if "lock" in log.lower():
            from kg.store.base import LOCKED_HINT, LOCKED_MESSAGE

            return StoreError(LOCKED_MESSAGE, hint=LOCKED_HINT, source=self.store_path)
        tail = " | ".join(log.strip().splitlines()[-3:])
        return StoreError(f"{what}: {tail}" if tail else what, source=self.store_path)

    def output(self) -> str:
        """What the server printed so far."""
        if self._log is None:
            return ""
        self._log.seek(0)
        return self._log.read().decode("utf-8", "replace")

    def signal(self, signum: int) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signum)

    def stop(self, grace_s: float = 10.0) -> Optional[int]:
        """SIGTERM the child, SIGKILL it after ``grace_s``; release the lock. Returns its exit code."""
        code = None
        if self.proc is not None:
            if self.proc.poll() is None:
                self.proc.terminate()
                try:
                    self.proc.wait(grace_s)
                except subprocess.TimeoutExpired:
                    self.proc.kill()
                    self.proc.wait()
            code = self.proc.returncode
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        if self._log is not None:
            self._log.close()
            self._log = None
        return code

    def __enter__(self) -> "OxigraphServer":
        return self.start() if self.proc is None else self

    def __exit__(self, *exc) -> None:
        self.stop()


def _check_port_free(host: str, port: int) -> None:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server itself does
        try:
            s.bind((host, port))
        except OSError as e:
            raise StoreError(
                f"cannot listen on {host}:{port}: {e.strerror}",
                hint="another server may be running there; pick another port with --bind HOST:PORT",
            ) from e


@contextlib.contextmanager
def running_server(
    store_path: str | os.PathLike,
    port: int = 0,
    writable: bool = False,
    *,
    host: str = "127.0.0.1",
    timeout_s: int = 30,
    cors: bool = False,
) -> Iterator[str]:
    """Run the Oxigraph server on ``store_path`` for the ``with`` block; yields its base URL
    (``http://127.0.0.1:PORT``; the SPARQL endpoint is ``<base>/query``). ``port=0``: a free port."""
    server = OxigraphServer(store_path, host, port, writable=writable, timeout_s=timeout_s, cors=cors)
    with server:
        yield server.base_url


def example_queries(n: int = 3, folder: Path | None = None) -> list[tuple[Path, str, str]]:
    """The first ``n`` competency queries in ``queries/*.rq``: (path, title, query text).

    The title is the file's first comment line; the other comment-only lines are left out so
    the query is short to paste.
    """
    for d in [folder] if folder else [Path.cwd() / "queries", REPO_QUERIES]:
        if d is not None and d.is_dir():
            out = []
            for f in sorted(d.glob("*.rq"))[:n]:
                lines = f.read_text(encoding="utf-8").strip().splitlines()
                comments = [x.lstrip("# ").strip() for x in lines if x.lstrip().startswith("#")]
                body = "\n".join(x for x in lines if not x.lstrip().startswith("#")).strip()
                out.append((f, comments[0] if comments else f.stem, body))
            if out:
                return out
    return []


def _rel(p: Path) -> str:
    try:
        return str(p.relative_to(Path.cwd()))
    except ValueError:
        return str(p)


def serve(
    store_path: str | os.PathLike,
    bind: str = "127.0.0.1:7878",
    writable: bool = False,
    timeout_s: float = 30,
    *,
    cors_origins: Sequence[str] = (),
    allow_hosts: Sequence[str] = (),
    allow_service: Sequence[str] = (),
    max_queries: Optional[int] = None,
    max_result_bytes: int = 64 << 20,
    explorer_page: Callable[[], str] | None = None,
    say: Callable[[str], None] = print,
    ready_timeout: float = READY_TIMEOUT_S,
    header_timeout_s: float = 10.0,
) -> int:
    """Serve ``store_path`` through the gateway (``kg.store.gateway``) until SIGINT/SIGTERM;
    returns the exit code (0 when stopped).

    The Oxigraph server runs on a private loopback port under a supervisor that restarts it
    after a crash or a runaway query; the gateway listens on ``bind``. ``explorer_page``: a
    function returning the explorer's HTML, served at ``/explorer`` on the same origin.
    """
    from kg.store.gateway import GatewayOptions, Gateway, GatewayThread, Supervisor

    host, port = parse_bind(bind)
    opts = GatewayOptions(
        host=host, port=port, writable=writable, timeout_s=float(timeout_s),
        cors_origins=list(cors_origins), allow_hosts=list(allow_hosts), allow_service=list(allow_service),
        max_result_bytes=max_result_bytes, header_timeout_s=header_timeout_s,
    )
    if max_queries:
        opts.max_queries = max_queries
    stopping: list[int] = []
    old = {s: signal.signal(s, lambda signum, _f: stopping.append(signum)) for s in (signal.SIGINT, signal.SIGTERM)}
    supervisor = Supervisor(store_path, writable=writable, timeout_s=timeout_s, say=say, ready_timeout=ready_timeout,
                            cancelled=lambda: bool(stopping))
    front: Optional[GatewayThread] = None
    try:
        sock = _listen(host, port)
        try:
            supervisor.start()
        except StoreError:
            sock.close()
            if stopping:  # Ctrl-C while starting up: a clean stop, not an error
                return 0
            raise
        if explorer_page is not None:
            try:
                opts.explorer_html = explorer_page()
            except Exception as e:  # noqa: BLE001 - the endpoint is up; a missing page must not stop it
                say(f"(explorer page not served: {e})")
        front = GatewayThread(Gateway(opts, supervisor, say), sock).start()
        base = f"http://{_url_host(host)}:{sock.getsockname()[1]}"
        mode = "read-write" if writable else "read-only"
        say(f"SPARQL endpoint ({mode}): {base}/query")
        say(f"YASGUI query page:        {base}/")
        if writable:
            say(f"Graph Store Protocol:     {base}/store   updates: {base}/update")
        if opts.explorer_html:
            say(f"Explorer page:            {base}/explorer")
        say(f"limits: {opts.max_queries} queries at once, {opts.timeout_s:g} s each, answers up to "
            f"{opts.max_result_bytes / (1 << 20):g} MiB; CORS " + (", ".join(opts.cors_origins) or "off") +
            "; SERVICE " + (", ".join(opts.allow_service) or "refused"))
        if host not in ("127.0.0.1", "localhost", "::1"):
            say(f"warning: listening on {host}: other machines can reach this endpoint")
        examples = example_queries()
        for path, title, text in examples:
            say(f"\n# {path.name}: {title}\n{text}")
        if examples:
            say(f"\n(or from a shell: kg query {_rel(examples[0][0])} --endpoint {base})")
        say("\nready (Ctrl-C stops the server)")
        while not stopping:
            if not front.alive():
                raise StoreError(f"the gateway stopped unexpectedly: {front.error}")
            try:
                supervisor.poll()  # restarts a crashed or runaway oxigraph server
            except StoreError:
                if stopping:  # Ctrl-C during a restart: a clean stop
                    break
                raise
            time.sleep(0.1)
        return 0
    finally:
        if front is not None:
            front.stop()
        supervisor.stop()
        for s, h in old.items():
            signal.signal(s, h)


def _listen(host: str, port: int) -> socket.socket:
    """The gateway's listening socket (bound here, so a taken port is a clear error at once)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as e:
        sock.close()
        raise StoreError(
            f"cannot listen on {host}:{port}: {e.strerror}",
            hint="another server may be running there; pick another port with --bind HOST:PORT",
        ) from e
    sock.listen(2048)
    sock.set_inheritable(False)
    return sock
