"""A private Virtuoso Open Source 7 instance for tests: examples/virtuoso/virtuoso.ini with free
loopback ports, its own database folder, a random dba password and a ``warta`` user allowed to
write (SPARQL_UPDATE), as the README sets one up."""

from __future__ import annotations

import secrets
import shutil
import subprocess
import time
from pathlib import Path

import requests
from store_helpers import free_port

REPO = Path(__file__).resolve().parents[2]
TEMPLATE = REPO / "examples" / "virtuoso" / "virtuoso.ini"
MISSING = ("Virtuoso is not installed (virtuoso-t and isql-vt from Debian's virtuoso-opensource): "
           "run `make system-deps` (as root) or `apt-get install virtuoso-opensource`")


def executables() -> tuple[str, str] | None:
    server, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    return (server, isql) if server and isql else None


class Virtuoso:
    """``start()`` runs ``virtuoso-t +foreground`` in ``folder`` and waits until SPARQL answers;
    ``stop()`` shuts it down. URLs: ``sparql`` (anonymous reads), ``gsp_auth`` and
    ``update_auth`` (digest auth as ``user``/``password``)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.server, self.isql = executables() or ("", "")
        self.sql_port = free_port()
        self.http_port = free_port()
        while self.http_port == self.sql_port:
            self.http_port = free_port()
        self.base = f"http://127.0.0.1:{self.http_port}"
        self.sparql = self.base + "/sparql"
        self.gsp = self.base + "/sparql-graph-crud"
        self.gsp_auth = self.base + "/sparql-graph-crud-auth"
        self.update_auth = self.base + "/sparql-auth"
        self.user, self.password = "warta", "w" + secrets.token_hex(12)
        self.dba_password = "dba"  # a new database's; replaced by a random one in start()
        self.proc: subprocess.Popen | None = None

    def start(self, timeout: float = 900.0) -> "Virtuoso":
        # a new database takes ~15-30 s on this 2-core machine, over 10 min while it is saturated
        # (measured); a server that fails exits at once and is reported with its log
        ini = TEMPLATE.read_text(encoding="utf-8")
        for default, port in (("127.0.0.1:1111", self.sql_port), ("127.0.0.1:8890", self.http_port)):
            assert ini.count(default) == 1, f"{TEMPLATE}: expected one {default}"
            ini = ini.replace(default, f"127.0.0.1:{port}")
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / "virtuoso.ini").write_text(ini, encoding="utf-8")
        with open(self.folder / "stdout.log", "wb") as out:
            self.proc = subprocess.Popen(
                [self.server, "+configfile", "virtuoso.ini", "+foreground"],
                cwd=self.folder, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        deadline = time.monotonic() + timeout
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"virtuoso-t exited with {self.proc.returncode}:\n{self.log_tail()}")
            try:
                if requests.get(self.sparql, params={"query": "ASK {}"}, timeout=2).status_code == 200:
                    break
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"Virtuoso did not answer within {timeout:g}s:\n{self.log_tail()}")
            time.sleep(0.5)
        new_dba = "d" + secrets.token_hex(12)
        self.sql(f"SET PASSWORD {self.dba_password} {new_dba}")
        self.dba_password = new_dba
        self.sql(f"DB.DBA.USER_CREATE('{self.user}', '{self.password}')")
        self.sql(f'GRANT SPARQL_UPDATE TO "{self.user}"')
        return self

    def sql(self, statement: str) -> str:
        """Run one SQL statement as dba through isql-vt; raises with Virtuoso's message on error."""
        r = subprocess.run(
            [self.isql, f"127.0.0.1:{self.sql_port}", "dba", self.dba_password, f"EXEC={statement};"],
            capture_output=True, text=True, timeout=60, check=False,
        )
        if r.returncode != 0 or "*** Error" in r.stdout + r.stderr:
            raise RuntimeError(f"isql-vt failed ({r.returncode}): {(r.stdout + r.stderr).strip()[-500:]}")
        return r.stdout

    def log_tail(self, n: int = 20) -> str:
        log = self.folder / "virtuoso.log"
        return "\n".join(log.read_text(errors="replace").splitlines()[-n:]) if log.exists() else "(no log)"

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.terminate()  # Virtuoso shuts down cleanly on SIGTERM
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)
