"""``kg viz``: one self-contained HTML page to explore the graph, no network needed to open it.

The page inlines the vendored Cytoscape.js (``static/cytoscape.min.js``, pinned and checked
against the sha256 in ``static/VENDORED.md``), the page's own script and style, and the graph data
as JSON in a ``<script type="application/json">`` block. Given an endpoint (in the page URL as
``?endpoint=...`` or baked in by ``render_explorer``) it runs the same SPARQL as
``kg.export.graph`` against it and falls back to the embedded data if that fails.

>>> html = render_explorer({"nodes": [], "edges": []}, None)
>>> html.startswith("<!DOCTYPE html>") and "cytoscape" in html
True
>>> embed_json({"q": "</script><!-- \\u2028"})
'{"q": "<\\\\/script>\\\\u003c!-- \\\\u2028"}'
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.errors import ExportError

STATIC = Path(__file__).resolve().parent / "static"
VENDORED_JS = "cytoscape.min.js"


def embed_json(obj: Any) -> str:
    """JSON safe inside a ``<script>`` element: no ``</``, no ``<!--``, no raw U+2028/U+2029."""
    text = json.dumps(obj, ensure_ascii=False)
    return (text.replace("</", "<\\/").replace("<!--", "\\u003c!--")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


@lru_cache(maxsize=1)
def vendored_js() -> str:
    """The pinned Cytoscape.js, refused if it does not match the sha256 recorded in VENDORED.md."""
    path, notes = STATIC / VENDORED_JS, STATIC / "VENDORED.md"
    hint = "re-vendor it with scripts/vendor_js.sh"
    if not path.is_file() or not notes.is_file():
        raise ExportError(f"vendored JavaScript missing: {path}", hint=hint)
    blob = path.read_bytes()
    row = next((ln for ln in notes.read_text(encoding="utf-8").splitlines()
                if ln.startswith(f"| {VENDORED_JS} ")), "")
    expected = re.findall(r"`([0-9a-f]{64})`\s*\|\s*$", row)
    actual = hashlib.sha256(blob).hexdigest()
    if not expected or expected[0] != actual:
        raise ExportError(f"{path.name} does not match the sha256 in VENDORED.md", hint=hint)
    text = blob.decode("utf-8")
    if re.search(r"</script", text, re.IGNORECASE):
        raise ExportError(f"{path.name} contains '</script' and cannot be inlined", hint=hint)
    return text


def _config(endpoint: str | None, same_origin: bool = False) -> dict[str, Any]:
    from kg.export.formats import COLOURS
    from kg.export.graph import ACTOR_KINDS, EVENT_KINDS, QUALIFIER_SIGNS, QUERIES, ROLES, WD

    return {
        "endpoint": endpoint,
        "sameOrigin": same_origin,  # served by `kg serve`: ?endpoint= is ignored
        "queries": QUERIES,
        "roles": list(ROLES),
        "actorKinds": list(ACTOR_KINDS),
        "eventKinds": list(EVENT_KINDS),
        "qualifierSigns": QUALIFIER_SIGNS,
        "colours": COLOURS,
        "wd": WD,
    }


def render_explorer(graph_data: dict | None, endpoint: str | None, *,
                    title: str = "Warta explorer", same_origin: bool = False) -> str:
    """The explorer page as one HTML string.

    ``graph_data`` is ``kg.export.graph.load_data(...)`` output (or None: the page then needs an
    endpoint); ``endpoint`` is a SPARQL query URL the page loads live data from (``/query``: the
    origin that served the page). ``same_origin``: the page ignores ``?endpoint=`` in its URL
    (``kg serve`` pins it to its own endpoint).
    """
    if graph_data is None and not endpoint:
        raise ExportError("the explorer needs graph data or an endpoint")
    template = (STATIC / "explorer.html").read_text(encoding="utf-8")
    parts = {
        "TITLE": _html_escape(title),
        "CSS": (STATIC / "explorer.css").read_text(encoding="utf-8"),
        "CYTOSCAPE": vendored_js(),
        "APP": (STATIC / "explorer.js").read_text(encoding="utf-8"),
        "CONFIG": embed_json(_config(endpoint, same_origin)),
        "DATA": embed_json(graph_data),
    }
    # One pass: substituted text is never scanned again, so data cannot inject a placeholder.
    return re.sub(r"@@([A-Z]+)@@", lambda m: parts[m.group(1)], template)


def _html_escape(s: str) -> str:
    import html

    return html.escape(s, quote=True)


@dataclass
class VizReport:
    out: str
    nodes: int
    edges: int
    bytes: int


def build_explorer(source, out: str | Path, *, endpoint: str | None = None) -> VizReport:
    """Read ``source`` (a ``kg.export.source.Source``) and write the explorer page to ``out``."""
    from kg.export.graph import load_data

    data = load_data(source)
    html = render_explorer(data, endpoint)
    out = Path(out)
    try:
        out.write_text(html, encoding="utf-8")
    except OSError as e:
        raise ExportError(f"cannot write {out}: {e.strerror}", hint="check the --out path") from e
    return VizReport(out=str(out), nodes=len(data["nodes"]), edges=len(data["edges"]),
                     bytes=len(html.encode("utf-8")))
