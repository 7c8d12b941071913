"""``kg serve``: a supervised HTTP gateway in front of the real Oxigraph server.

The Oxigraph server (``oxigraph serve-read-only``, or ``serve`` with ``--writable``) runs on a
private loopback port; this gateway (starlette on uvicorn, httpx to the upstream) listens on the
user's address and is the only way in:

- ``/query`` (GET; POST with a form or a direct ``application/sparql-query`` body: the SPARQL 1.1
  Protocol) is proxied; ``/update`` and ``/store`` only with ``--writable`` (403 otherwise, as
  the read-only Oxigraph server answers). ``/`` is Oxigraph's YASGUI page, ``/explorer`` the
  `kg viz` explorer, which queries ``/query`` on the same origin, so it needs no CORS.
- **Admission control**: at most ``max_queries`` requests run upstream at once; one more gets
  ``503`` with ``Retry-After`` at once (no queue that could grow without bound).
- **A hard deadline** per request (``timeout_s``): on overrun the client gets ``503`` with the
  reason. Oxigraph's own ``--timeout-s`` does not bound a query that streams or sorts
  (oxigraph#1336), so the supervisor watches the abandoned request for ``grace_s`` more seconds:
  if the upstream has not ended it by then, the server process is restarted. The supervisor also
  restarts the server after a crash (e.g. Oxigraph 0.5.13 panics on some ``ORDER BY``). Requests
  that were running on a restarted server get ``503`` saying so.
- **Never a 200 with a partial body.** The approach is *buffering*: the whole upstream answer is
  read (up to ``max_result_bytes``, else ``507`` with a hint to add ``LIMIT``) and checked before
  the first byte goes to the client: an HTTP-level cut (incomplete chunked body), Oxigraph's
  in-body cancellation text ("The SPARQL operation has been cancelled", written inside a 200) or
  a body that does not parse in its declared format becomes ``503``/``502`` with the reason. The
  cost is memory (at most ``max_queries x max_result_bytes``) and latency to the first byte.
- **SERVICE** (federated queries make the server fetch URLs: server-side request forgery) is
  refused with ``400`` unless its IRI is in ``allow_service``. The query is parsed with rdflib's
  SPARQL parser and the algebra searched, so the keyword in a comment or a string does not count
  and ``SERVICE ?var`` is refused; SPARQL ``\\uXXXX`` escapes are decoded first. This holds for
  updates too (``INSERT { } WHERE { SERVICE <u> { } }``).
- **LOAD** (``LOAD <url>``, ``LOAD SILENT <url> INTO GRAPH <g>``: the server would fetch that URL)
  is refused with ``400`` on ``--writable``, always, before the server sees the update, parsed the
  same way (the word in a comment or a string does not count); an update that mentions LOAD and
  does not parse is refused. Both refusals read the text the server would run: the ``update=``
  (``query=``) form field, of which a second copy is refused, or the ``application/sparql-update``
  (``-query``) body; a POST with the text in its URL is refused. ``/update`` takes no GET.
- **Same origin by default**: no ``Access-Control-Allow-Origin`` unless ``cors_origins`` (starlette's
  CORSMiddleware); a ``Host`` check defeats DNS rebinding (accepted: ``localhost``, loopback IPs,
  the bound name or IP, any IP literal when bound to a wildcard address, and ``allow_hosts``);
  a request a web page of another origin sends (its ``Origin`` header names neither this server
  nor an origin CORS allows) is refused with ``403`` before it runs: a cross-origin form POST
  needs no preflight, so without this any page could run queries, or updates on ``--writable``;
  security headers on every answer (``nosniff``, ``no-referrer``, ``X-Frame-Options: DENY``, a
  CSP: ``default-src 'none'`` for data and, for the explorer, only its own inline scripts by hash
  and ``connect-src 'self'``).
- Per-connection limits come from uvicorn/h11: ``timeout_keep_alive``, ``limit_concurrency``
  (connections), ``h11_max_incomplete_event_size`` (header size), plus ours: a request's line and
  headers must arrive within ``header_timeout_s`` (slow-header clients are cut off). An idle
  connection holds a socket, not a thread. A client that disconnects while its query runs has the
  upstream request closed (a streaming query stops at its next write).

The host check is a small middleware of ours rather than starlette's TrustedHostMiddleware,
which splits ``Host`` at the first ``:`` and so cannot match IPv6 literals such as ``[::1]:7878``.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import ipaddress
import json
import os
import re
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from typing import Callable, Optional

from kg.errors import StoreError

CANCELLED_TEXT = b"The SPARQL operation has been cancelled"
QUERY_BODY_LIMIT = 1 << 20  # a query or update text larger than 1 MiB is refused (413)
LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}
FORM = "application/x-www-form-urlencoded"


@dataclass
class GatewayOptions:
    """What ``kg serve`` was asked for (see ``kg serve --help``)."""

    host: str = "127.0.0.1"
    port: int = 7878
    writable: bool = False
    timeout_s: float = 30.0
    max_queries: int = field(default_factory=lambda: 4 * (os.cpu_count() or 1))
    max_result_bytes: int = 64 << 20
    cors_origins: list[str] = field(default_factory=list)  # [] = no CORS; ["*"] = any origin
    allow_hosts: list[str] = field(default_factory=list)
    allow_service: list[str] = field(default_factory=list)
    explorer_html: Optional[str] = None
    grace_s: float = 3.0
    retry_after_s: int = 2
    header_timeout_s: float = 10.0  # a request's line and headers must arrive within this (slow-header clients)


# -- SERVICE, LOAD --------------------------------------------------------------------------

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def _unescape_codepoints(text: str) -> str:
    """SPARQL 1.1 §19.2: ``\\uXXXX``/``\\UXXXXXXXX`` are replaced before the query is parsed."""
    return _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)


def _algebra(text: str, update: bool):
    """rdflib's algebra of a query or an update (its parser decodes ``\\uXXXX`` escapes itself)."""
    if update:
        from rdflib.plugins.sparql.algebra import translateUpdate
        from rdflib.plugins.sparql.parser import parseUpdate

        return translateUpdate(parseUpdate(text)).algebra
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery

    return translateQuery(parseQuery(text)).algebra


def _nodes(algebra, name: str) -> list:
    """Every algebra node called ``name`` (e.g. ``ServiceGraphPattern``, ``Load``), at any depth."""
    from rdflib.plugins.sparql.parserutils import CompValue

    found: list = []
    stack = [algebra]
    while stack:
        node = stack.pop()
        if isinstance(node, CompValue):
            if node.name == name:
                found.append(node)
            stack.extend(node.values())
        elif isinstance(node, (list, tuple)):
            stack.extend(node)
    return found


def _parse_failure(e: Exception) -> str:
    return str(e).splitlines()[0][:160] if str(e) else type(e).__name__


def service_refusal(text: str, allowed: list[str], *, update: bool = False) -> Optional[str]:
    """Why ``text`` may not run here (a SERVICE outside ``allowed``), or None when it may.

    >>> service_refusal('SELECT * { ?s ?p "SERVICE <http://x/>" } # SERVICE <http://y/>', [])
    >>> service_refusal("SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", [])
    'SERVICE <http://127.0.0.1:9/> is not allowed on this endpoint'
    >>> service_refusal("SELECT * { SERVICE <http://w/sparql> { ?s ?p ?o } }", ["http://w/sparql"])
    >>> service_refusal("INSERT { ?s ?p ?o } WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", [], update=True)
    'SERVICE <http://127.0.0.1:9/> is not allowed on this endpoint'
    """
    if "service" not in _unescape_codepoints(text).lower():
        return None  # the keyword cannot occur: no parse needed (the common, fast path)
    try:
        found = [node.get("term") for node in _nodes(_algebra(text, update), "ServiceGraphPattern")]
    except Exception as e:  # noqa: BLE001 - any parser failure: we cannot vouch for the query
        return f"the {'update' if update else 'query'} mentions SERVICE and could not be checked ({_parse_failure(e)})"
    from rdflib.term import URIRef

    for term in found:
        if not isinstance(term, URIRef):
            return f"SERVICE {term.n3() if hasattr(term, 'n3') else term} (a variable) is not allowed on this endpoint"
        if str(term) not in allowed:
            return f"SERVICE <{term}> is not allowed on this endpoint"
    return None


_LOAD_WORD = re.compile(r"\bload\b", re.IGNORECASE)


def load_refusal(update: str) -> Optional[str]:
    """Why the SPARQL UPDATE ``update`` may not run here (a ``LOAD <url>``: the server would fetch
    that URL), or None when it may. Every LOAD is refused, ``SILENT`` or ``INTO GRAPH`` or not.

    >>> load_refusal('INSERT DATA { <http://a/> <http://b/> "LOAD <http://x/>" } # LOAD <http://y/>')
    >>> load_refusal("LOAD SILENT <http://127.0.0.1:9/data.ttl> INTO GRAPH <http://g/>")
    'LOAD <http://127.0.0.1:9/data.ttl> is not allowed on this endpoint'
    """
    if not _LOAD_WORD.search(_unescape_codepoints(update)):
        return None  # the keyword cannot occur: no parse needed (the common, fast path)
    try:
        found = [node.get("iri") for node in _nodes(_algebra(update, True), "Load")]
    except Exception as e:  # noqa: BLE001 - any parser failure: we cannot vouch for the update
        return f"the update mentions LOAD and could not be checked ({_parse_failure(e)})"
    if found:
        return f"LOAD <{found[0]}> is not allowed on this endpoint"
    return None


# -- hosts ----------------------------------------------------------------------------------


def _host_name(header: str) -> str:
    """``"[::1]:7878"`` -> ``"::1"``; ``"Example.org:80"`` -> ``"example.org"``."""
    try:
        return (urllib.parse.urlsplit("//" + header).hostname or "").rstrip(".")
    except ValueError:
        return ""


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
        return True
    except ValueError:
        return False


def allowed_host_check(bind_host: str, extra: list[str]) -> Callable[[str], bool]:
    """A predicate on the ``Host`` header: True for names this server may be reached by.

    A page from another site that rebinds its own DNS name to this machine still sends its
    own name as ``Host``, so it is refused; an IP literal cannot be rebound.

    >>> ok = allowed_host_check("127.0.0.1", ["kg.example"])
    >>> [ok(h) for h in ("127.0.0.1:7878", "localhost:7878", "[::1]:7878", "kg.example", "evil.example:7878", "10.0.0.1")]
    [True, True, True, True, False, False]
    >>> allowed_host_check("0.0.0.0", [])("192.168.1.5:7878")
    True
    """
    names = {n.lower() for n in LOOPBACK_NAMES | {bind_host} | set(extra)}
    wildcard = bind_host in ("0.0.0.0", "::", "") or "*" in names

    def ok(header: str) -> bool:
        if "*" in names:
            return True
        name = _host_name(header).lower()
        if not name:
            return False
        if name in names:
            return True
        if _is_ip(name):
            return wildcard or ipaddress.ip_address(name).is_loopback
        return False

    return ok


# -- answers --------------------------------------------------------------------------------


def _media(content_type: str) -> str:
    return content_type.split(";")[0].strip().lower()


def check_answer(body: bytes, content_type: str) -> Optional[str]:
    """Why a 200 body from the upstream is not a complete answer, or None when it is.

    >>> check_answer(b'{"head":{"vars":["n"]},"results":{"bindings":[The SPARQL operation has been cancelled', "application/sparql-results+json")
    'cancelled'
    >>> check_answer(b'{"head":{"vars":["n"]},"results":{"bindings":[', "application/sparql-results+json")
    'the application/sparql-results+json answer does not parse: Expecting value: line 1 column 47 (char 46)'
    >>> check_answer(b'{"head":{},"boolean":true}', "application/sparql-results+json")
    """
    if CANCELLED_TEXT in body[-4096:]:
        return "cancelled"
    media = _media(content_type)
    try:
        import pyoxigraph as ox

        if media in ("application/sparql-results+json", "application/json"):
            doc = json.loads(body)
            if not isinstance(doc, dict) or ("results" not in doc and "boolean" not in doc):
                return "the JSON answer has neither results nor boolean"
        elif media in ("application/sparql-results+xml", "application/xml"):
            if not body.rstrip().endswith(b"</sparql>"):  # a cut XML answer still parses as fewer rows
                return "the XML answer stops before </sparql>"
            for _ in ox.parse_query_results(body, ox.QueryResultsFormat.XML) or ():
                pass
        elif media == "text/tab-separated-values":
            for _ in ox.parse_query_results(body, ox.QueryResultsFormat.TSV) or ():
                pass
        elif media == "text/csv":
            if body and not body.endswith(b"\n"):
                return "the CSV answer stops inside a line"
        else:
            fmt = ox.RdfFormat.from_media_type(media)
            if fmt is not None:
                for _ in ox.parse(body, fmt):
                    pass
    except (ValueError, SyntaxError) as e:
        first = str(e).splitlines()[0][:200] if str(e) else type(e).__name__
        return f"the {media} answer does not parse: {first}"
    return None


# -- the supervisor ---------------------------------------------------------------------------


class Supervisor:
    """Runs the Oxigraph server on a private loopback port and restarts it when asked or when it dies.

    ``upstream()`` is read from the gateway's thread; ``poll()`` runs in the main thread, which
    does every start and stop (so a restart never races a shutdown).
    """

    MAX_FAILED_STARTS = 3

    def __init__(self, store_path, *, writable: bool, timeout_s: float, say: Callable[[str], None] = print,
                 ready_timeout: float = 30.0, cancelled: Optional[Callable[[], bool]] = None):
        self.cancelled = cancelled or (lambda: False)
        self.store_path = str(store_path)
        self.writable = writable
        self.timeout_s = timeout_s
        self.say = say
        self.ready_timeout = ready_timeout
        self.server = None
        self.generation = 0
        self.restarts = 0
        self._base: Optional[str] = None
        self._mutex = threading.Lock()
        self._restart: Optional[tuple[int, str]] = None
        self._lock = None

    def start(self) -> None:
        from pathlib import Path

        from kg.store.lock import StoreLock

        if not self.writable:
            if not (Path(self.store_path) / "CURRENT").is_file():
                raise StoreError(
                    "no store here", hint="build one with `kg build ARTICLES --store DIR` (or serve --writable)",
                    source=self.store_path,
                )
            self._lock = StoreLock(self.store_path).acquire()  # held across restarts
        try:
            self._spawn()
        except BaseException:
            self.stop()
            raise

    def _spawn(self) -> None:
        from kg.store.server import OxigraphServer

        server = OxigraphServer(self.store_path, "127.0.0.1", 0, writable=self.writable,
                                timeout_s=max(1, int(self.timeout_s)), cors=False, lock=False)
        server.start(self.ready_timeout, self.cancelled)
        with self._mutex:
            self.server = server
            self.generation += 1
            self._base = server.base_url
            self._restart = None

    def upstream(self) -> tuple[Optional[str], int]:
        """(base URL of the running server or None while it restarts, its generation)."""
        with self._mutex:
            return self._base, self.generation

    def request_restart(self, generation: int, reason: str) -> None:
        """Ask the main thread to restart the server of ``generation`` (ignored if already replaced)."""
        with self._mutex:
            if generation == self.generation and self._restart is None:
                self._restart = (generation, reason)
                self._base = None  # new requests get 503 + Retry-After until it is back

    def poll(self) -> None:
        """Restart the server if it died or a restart was asked for (main thread only)."""
        proc = self.server.proc if self.server else None
        with self._mutex:
            wanted = self._restart
        if proc is not None and proc.poll() is not None:
            tail = " | ".join(self.server.output().strip().splitlines()[-2:])[:300]
            reason = f"the oxigraph server exited with code {proc.returncode}" + (f" ({tail})" if tail else "")
        elif wanted is not None:
            reason = wanted[1]
        else:
            return
        with self._mutex:
            self._base = None
        self.say(f"restarting the oxigraph server: {reason}")
        old, self.server = self.server, None
        if old is not None:
            old.stop(grace_s=2.0)
        failures = 0
        while True:
            try:
                self._spawn()
                break
            except StoreError as e:
                failures += 1
                if failures >= self.MAX_FAILED_STARTS or self.cancelled():
                    raise StoreError(f"the oxigraph server does not start again: {e.message}",
                                     source=self.store_path) from e
                time.sleep(0.5 * failures)
        self.restarts += 1
        self.say(f"oxigraph server restarted ({self.restarts} restart(s) so far)")

    def stop(self) -> None:
        with self._mutex:
            self._base = None
        if self.server is not None:
            self.server.stop()
            self.server = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None


# -- the ASGI app -----------------------------------------------------------------------------

SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
DATA_CSP = b"default-src 'none'; frame-ancestors 'none'"


def explorer_csp(page: str) -> str:
    """A CSP allowing exactly the page's own inline scripts (by hash), queries to its own origin only."""
    hashes = []
    for m in re.finditer(r"<script>(.*?)</script>", page, re.S):
        digest = base64.b64encode(hashlib.sha256(m.group(1).encode("utf-8")).digest()).decode()
        hashes.append(f"'sha256-{digest}'")
    return ("default-src 'none'; script-src " + " ".join(hashes or ["'none'"]) +
            "; style-src 'unsafe-inline'; img-src data:; connect-src 'self'; base-uri 'none'; "
            "form-action 'none'; frame-ancestors 'none'")


def _origin_netloc(origin: str) -> Optional[str]:
    """``"http://Example.org:80"`` -> ``"example.org"``; ``"null"`` or garbage -> None."""
    try:
        parts = urllib.parse.urlsplit(origin.strip())
        host = parts.hostname
        if not parts.scheme or not host:
            return None
        port = parts.port
    except ValueError:
        return None
    host = f"[{host}]" if ":" in host else host
    default = {"http": 80, "https": 443}.get(parts.scheme.lower())
    return host.lower() + ("" if port is None or port == default else f":{port}")


def origin_allowed(origin: Optional[str], host: str, cors_origins: list[str]) -> bool:
    """May a request carrying ``Origin: origin`` be served? Yes without the header (not a browser's
    cross-origin request), from this server's own origin (the explorer), or from an origin CORS
    allows. A browser sends a cross-origin form POST without any preflight, so CORS alone keeps
    the page from *reading* the answer but not the server from *running* it (a ``CLEAR ALL`` on a
    ``--writable`` server, a costly query on any): such requests are refused before they run.

    >>> origin_allowed(None, "127.0.0.1:7878", [])
    True
    >>> origin_allowed("http://127.0.0.1:7878", "127.0.0.1:7878", [])
    True
    >>> origin_allowed("http://evil.example", "127.0.0.1:7878", []), origin_allowed("null", "127.0.0.1:7878", [])
    (False, False)
    >>> origin_allowed("http://app.example", "127.0.0.1:7878", ["http://app.example"]), origin_allowed("null", "h", ["*"])
    (True, True)
    """
    if origin is None:
        return True
    if "*" in cors_origins or origin in cors_origins:
        return True
    own = _origin_netloc("http://" + host)
    return own is not None and _origin_netloc(origin) == own


class HostCheck:
    """Refuse a request whose ``Host`` this server is not known by (DNS rebinding), and one sent
    by a web page of another origin that CORS does not allow (cross-site request forgery)."""

    def __init__(self, app, ok: Callable[[str], bool], cors_origins: Optional[list[str]] = None):
        self.app, self.ok, self.cors_origins = app, ok, list(cors_origins or [])

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http":
            headers = dict(scope["headers"])
            host = headers.get(b"host", b"").decode("latin-1")
            origin = headers.get(b"origin")
            origin = origin.decode("latin-1") if origin is not None else None
            msg = None
            if not self.ok(host):
                msg = (f"Host {host!r} is not a name of this server (DNS rebinding guard); "
                       "start kg serve with --allow-host NAME to accept it\n")
            elif not origin_allowed(origin, host, self.cors_origins):
                msg = (f"requests from web pages of another origin ({origin!r}) are refused; start kg serve "
                       "with --cors-origin ORIGIN (or --cors) to accept that origin\n")
            if msg is not None:
                from starlette.responses import PlainTextResponse

                await PlainTextResponse(msg, status_code=400 if not self.ok(host) else 403)(scope, receive, send)
                return
        await self.app(scope, receive, send)


class SecurityHeaders:
    """Add the security headers to every answer (unless the route set its own CSP)."""

    def __init__(self, app, *, cors: bool):
        self.app = app
        self.extra = list(SECURITY_HEADERS)
        if not cors:
            self.extra.append((b"cross-origin-resource-policy", b"same-origin"))

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                headers += [(k, v) for k, v in self.extra if k not in names]
                if b"content-security-policy" not in names:
                    headers.append((b"content-security-policy", DATA_CSP))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class _TooLarge(Exception):
    pass


class Gateway:
    """The request handlers; one instance per ``kg serve``."""

    def __init__(self, opts: GatewayOptions, supervisor: Supervisor, say: Callable[[str], None] = print):
        self.opts = opts
        self.supervisor = supervisor
        self.say = say
        self.active = 0
        self.client = None  # httpx.AsyncClient, made on the server's loop
        self.page = opts.explorer_html.encode("utf-8") if opts.explorer_html else None
        self.page_csp = explorer_csp(opts.explorer_html) if opts.explorer_html else None
        self.stats = {"answered": 0, "refused_busy": 0, "deadline": 0, "too_large": 0, "failed": 0, "restarts_asked": 0,
                      "client_gone": 0}

    # -- plumbing --
    def _client(self):
        import httpx

        if self.client is None:
            self.client = httpx.AsyncClient(
                timeout=httpx.Timeout(None),
                limits=httpx.Limits(max_connections=self.opts.max_queries * 2 + 4, max_keepalive_connections=8),
            )
        return self.client

    def _error(self, status: int, message: str, *, retry: bool = False):
        from starlette.responses import PlainTextResponse

        headers = {"Retry-After": str(self.opts.retry_after_s)} if retry else None
        return PlainTextResponse(message.rstrip("\n") + "\n", status_code=status, headers=headers)

    # -- routes --
    async def explorer(self, request):
        from starlette.responses import Response

        if self.page is None:
            return self._error(404, "the explorer is off (kg serve --no-explorer)")
        return Response(self.page, media_type="text/html; charset=utf-8",
                        headers={"Content-Security-Policy": self.page_csp, "Cache-Control": "no-store"})

    async def yasgui(self, request):
        return await self._proxy(request, "/", text=None, check_body=False, csp=False)

    async def query(self, request):
        return await self._sparql(request, "query")

    async def update(self, request):
        if not self.opts.writable:
            return self._error(403, "this endpoint is read-only: start it with `kg serve --writable` to accept updates")
        return await self._sparql(request, "update")

    async def store(self, request):
        if not self.opts.writable:
            return self._error(403, "this endpoint is read-only: the Graph Store Protocol (/store) needs `kg serve --writable`")
        limit = self.opts.max_result_bytes
        try:
            body = await self._read_body(request, limit)
        except _TooLarge:
            return self._error(413, f"the request body is larger than {limit} bytes")
        return await self._proxy(request, "/store", body=body, text=None, check_body=True)

    async def _sparql(self, request, kind: str):
        try:
            body = await self._read_body(request, QUERY_BODY_LIMIT) if request.method == "POST" else b""
        except _TooLarge:
            return self._error(413, f"the {kind} is larger than {QUERY_BODY_LIMIT} bytes")
        text: Optional[str] = request.query_params.get(kind) if request.method != "POST" else None
        if request.method == "POST":
            if kind in request.query_params:  # the upstream refuses it too; the check below reads the body only
                return self._error(400, f"a POSTed {kind} goes in the request body, not in the URL")
            media = _media(request.headers.get("content-type", ""))
            if media == FORM:
                values = urllib.parse.parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True).get(kind)
                if values and len(values) > 1:  # the check below must see the text the server runs
                    return self._error(400, f"more than one `{kind}` parameter")
                text = values[0] if values else None
            elif media == f"application/sparql-{kind}":
                text = body.decode("utf-8", "replace")
            else:
                return self._error(415, f"POST a {kind} as {FORM} or application/sparql-{kind}")
        if text is None:
            return self._error(400, f"no {kind} given (the `{kind}` parameter of the SPARQL protocol)")
        if kind == "update":
            refusal = await asyncio.to_thread(load_refusal, text)
            if refusal:
                return self._error(400, refusal + " (server-side requests are off: send the data itself, "
                                   "e.g. INSERT DATA, or PUT/POST it to /store, the Graph Store Protocol)")
        refusal = await asyncio.to_thread(service_refusal, text, self.opts.allow_service, update=kind == "update")
        if refusal:
            return self._error(400, refusal + " (server-side requests are off; start kg serve with "
                               "--allow-service URL to allow that endpoint)")
        return await self._proxy(request, "/" + kind, body=body, text=text, check_body=kind == "query")

    async def _read_body(self, request, limit: int) -> bytes:
        chunks, size = [], 0
        async with asyncio.timeout(self.opts.timeout_s):
            async for chunk in request.stream():
                size += len(chunk)
                if size > limit:
                    raise _TooLarge
                chunks.append(chunk)
        return b"".join(chunks)

    async def _proxy(self, request, path: str, *, body: bytes = b"", text, check_body: bool, csp: bool = True):
        from starlette.responses import Response

        if self.active >= self.opts.max_queries:
            self.stats["refused_busy"] += 1
            return self._error(503, f"busy: {self.active} queries are running (the limit is "
                               f"{self.opts.max_queries}); retry shortly", retry=True)
        base, generation = self.supervisor.upstream()
        if base is None:
            return self._error(503, "the SPARQL server is restarting; retry shortly", retry=True)
        self.active += 1
        try:
            headers = {k: v for k, v in request.headers.items() if k in ("accept", "content-type")}
            method = "GET" if request.method == "HEAD" else request.method
            url = base + path + ("?" + request.url.query if request.url.query else "")
            fetch = asyncio.create_task(self._fetch(method, url, headers, body))
            try:
                status, ctype, data, extra = await self._await_fetch(fetch, request)
            except _ClientGone:  # nobody to answer: close the upstream request, free the slot
                self.stats["client_gone"] += 1
                fetch.cancel()
                return Response(b"", status_code=499)
            except TimeoutError:
                self.stats["deadline"] += 1
                asyncio.get_running_loop().create_task(self._watch_overrun(fetch, generation))
                return self._error(503, f"the query ran past the {self.opts.timeout_s:g} s deadline of this "
                                   "endpoint; narrow it or add a LIMIT", retry=False)
            except _TooLarge:
                self.stats["too_large"] += 1
                cap = self.opts.max_result_bytes
                return self._error(507, f"the answer is larger than this endpoint's cap of {cap / (1 << 20):g} MiB; "
                                   "add a LIMIT (or page with LIMIT/OFFSET), or start kg serve with a larger --max-result-mb")
            except Exception as e:  # noqa: BLE001 - httpx transport errors, a dead upstream
                self.stats["failed"] += 1
                _, now = self.supervisor.upstream()
                running = self.supervisor.server  # read once: the main thread may swap it
                if now != generation or running is None or running.proc is None or running.proc.poll() is not None:
                    return self._error(503, "the SPARQL server stopped while answering (it crashed or was "
                                       "restarted after a runaway query) and is being restarted; retry", retry=True)
                return self._error(502, f"the SPARQL server failed while answering: {type(e).__name__}: {e}")
            if status == 200 and check_body and data:
                problem = check_answer(data, ctype) if len(data) < 65536 else await asyncio.to_thread(check_answer, data, ctype)
                if problem == "cancelled":
                    self.stats["failed"] += 1
                    return self._error(503, "the SPARQL server cancelled the query (it ran past its timeout); "
                                       "narrow it or add a LIMIT")
                if problem:
                    self.stats["failed"] += 1
                    return self._error(502, f"the SPARQL server's answer was cut off or broken: {problem}")
            self.stats["answered"] += 1
            out = {"content-type": ctype} if ctype else {}
            out.update(extra)
            if not csp:  # YASGUI loads its scripts from a CDN: no CSP of ours there
                out["content-security-policy"] = "frame-ancestors 'none'"
            return Response(data, status_code=status, headers=out)
        finally:
            self.active -= 1

    async def _await_fetch(self, fetch: asyncio.Task, request):
        """The upstream's answer; ``TimeoutError`` past the deadline (``fetch`` keeps running, for
        the overrun watch), ``_ClientGone`` when the client disconnects first."""
        gone = asyncio.create_task(_disconnected(request))
        try:
            done, _ = await asyncio.wait({fetch, gone}, timeout=self.opts.timeout_s,
                                         return_when=asyncio.FIRST_COMPLETED)
        finally:
            gone.cancel()
        if fetch in done:
            return fetch.result()
        if gone in done:
            raise _ClientGone
        raise TimeoutError

    async def _fetch(self, method: str, url: str, headers: dict, body: bytes):
        client = self._client()
        req = client.build_request(method, url, headers=headers, content=body or None)
        resp = await client.send(req, stream=True)
        try:
            chunks, size = [], 0
            async for chunk in resp.aiter_bytes():
                size += len(chunk)
                if size > self.opts.max_result_bytes:
                    raise _TooLarge
                chunks.append(chunk)
        finally:
            await resp.aclose()
        extra = {k: v for k, v in resp.headers.items() if k.lower() in ("location", "allow")}
        return resp.status_code, resp.headers.get("content-type", ""), b"".join(chunks), extra

    async def _watch_overrun(self, fetch: asyncio.Task, generation: int) -> None:
        """After a deadline overrun: if the upstream has not ended the request within ``grace_s``,
        it is still working on it (oxigraph#1336): have the supervisor restart it."""
        try:
            await asyncio.wait_for(fetch, self.opts.grace_s)
            return  # the upstream ended it (answer, its own cancellation, or too large): no restart
        except TimeoutError:
            pass
        except BaseException:  # noqa: BLE001 - it ended with an error: it is not running any more
            return
        self.stats["restarts_asked"] += 1
        self.supervisor.request_restart(
            generation, f"a query ran {self.opts.timeout_s + self.opts.grace_s:g} s, past the deadline, "
            "and the server did not stop it")

    async def close(self) -> None:
        if self.client is not None:
            await self.client.aclose()


class _ClientGone(Exception):
    """The client closed its connection before the answer was ready."""


async def _disconnected(request) -> None:
    """Returns when the client disconnects (the request body has been read by then)."""
    while True:
        message = await request.receive()
        if message["type"] == "http.disconnect":
            return


def make_app(gateway: Gateway):
    """The starlette application with its middleware (host check, CORS if asked, security headers)."""
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.middleware.cors import CORSMiddleware
    from starlette.routing import Route

    import httpx  # noqa: F401 - imported now, before "ready", not on the first request
    import starlette.responses  # noqa: F401

    opts = gateway.opts
    routes = [
        Route("/query", gateway.query, methods=["GET", "POST"]),
        Route("/update", gateway.update, methods=["POST"]),
        Route("/store", gateway.store, methods=["GET", "PUT", "POST", "DELETE"]),
        Route("/explorer", gateway.explorer, methods=["GET"]),
        Route("/", gateway.yasgui, methods=["GET"]),
    ]
    middleware = [Middleware(HostCheck, ok=allowed_host_check(opts.host, opts.allow_hosts), cors_origins=opts.cors_origins)]
    if opts.cors_origins:
        methods = ["GET", "POST", "HEAD"] + (["PUT", "DELETE"] if opts.writable else [])
        middleware.append(Middleware(CORSMiddleware, allow_origins=opts.cors_origins, allow_methods=methods,
                                     allow_headers=["Accept", "Content-Type"], expose_headers=["Retry-After"]))
    middleware.append(Middleware(SecurityHeaders, cors=bool(opts.cors_origins)))
    return Starlette(routes=routes, middleware=middleware)


def header_deadline_protocol(seconds: float):
    """uvicorn's h11 protocol with a deadline for each request's line and headers: a client that
    opens a connection, or starts a request, and then trickles its headers (a "slowloris") is cut
    off after ``seconds``. uvicorn's ``timeout_keep_alive`` does not cover this: any byte resets
    it. The timer starts when the connection opens and again after each answer; a request whose
    headers are complete stops it (its body is bounded by the per-request deadline)."""
    from uvicorn.protocols.http.h11_impl import H11Protocol

    class HeaderDeadline(H11Protocol):
        def connection_made(self, transport):
            super().connection_made(transport)
            self._arm_header_deadline()

        def on_response_complete(self):
            super().on_response_complete()
            self._arm_header_deadline()

        def _arm_header_deadline(self):
            old = getattr(self, "_header_timer", None)
            if old is not None:
                old.cancel()
            self._cycle_at_arm = self.cycle
            self._header_timer = self.loop.call_later(seconds, self._header_overrun)

        def _header_overrun(self):
            if self.cycle is self._cycle_at_arm and not self.transport.is_closing():  # no request began
                self.transport.close()

        def connection_lost(self, exc):
            timer = getattr(self, "_header_timer", None)
            if timer is not None:
                timer.cancel()
            super().connection_lost(exc)

    return HeaderDeadline


class GatewayThread:
    """uvicorn serving the gateway in a thread (the main thread supervises and takes the signals)."""

    def __init__(self, gateway: Gateway, sock):
        import uvicorn

        self.gateway = gateway
        self.sock = sock
        config = uvicorn.Config(
            make_app(gateway), log_level="warning", access_log=False, lifespan="off",
            http=header_deadline_protocol(gateway.opts.header_timeout_s),
            timeout_keep_alive=5, limit_concurrency=max(64, gateway.opts.max_queries * 16),
            h11_max_incomplete_event_size=64 * 1024, timeout_graceful_shutdown=3,
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self._run, name="kg-gateway", daemon=True)
        self.error: Optional[BaseException] = None

    def _run(self) -> None:
        async def main():
            try:
                await self.server.serve(sockets=[self.sock])
            finally:
                await self.gateway.close()

        try:
            asyncio.run(main())
        except BaseException as e:  # noqa: BLE001 - reported by the main thread
            self.error = e

    def start(self, ready_timeout: float = 10.0) -> "GatewayThread":
        self.thread.start()
        deadline = time.monotonic() + ready_timeout
        while not self.server.started and self.thread.is_alive() and time.monotonic() < deadline:
            time.sleep(0.02)
        if not self.server.started:
            raise StoreError(f"the gateway did not start: {self.error or 'timeout'}")
        return self

    def alive(self) -> bool:
        return self.thread.is_alive()

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        if self.thread.is_alive():
            self.server.force_exit = True
            self.thread.join(5)
