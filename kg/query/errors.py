"""Turn a SPARQL syntax error into a ``QueryError`` that names the file, line and column.

>>> e = syntax_error(SyntaxError("error at 3:2: expected OPTIONAL"), "SELECT *\\nWHERE {\\n ?s ?p\\n}", "q.rq")
>>> e.source, e.message
('q.rq:3:2', "SPARQL syntax error: expected OPTIONAL (line 3: ' ?s ?p')")
"""

from __future__ import annotations

import re

from kg.errors import QueryError

_POS = re.compile(r"error at (\d+):(\d+)(?:-\d+:\d+)?:\s*(.*)", re.S)


def locate(message: str) -> tuple[int, int, str] | None:
    """(line, column, reason) from an Oxigraph parser message ``"error at L:C: reason"``."""
    m = _POS.search(message)
    if not m:
        return None
    return int(m.group(1)), int(m.group(2)), m.group(3).strip()


def syntax_error(error: BaseException, sparql: str, source: str | None = None) -> QueryError:
    """A ``QueryError`` with ``source`` = ``file:line:col`` (``query`` when the text was inline)."""
    where = source or "query"
    pos = locate(str(error))
    if pos is None:
        return QueryError(f"SPARQL syntax error: {error}", source=where, hint="check the query syntax")
    line, col, reason = pos
    reason = " ".join(reason.split())
    if len(reason) > 160:  # Oxigraph lists every acceptable token; the start of the list is enough
        reason = reason[:157] + "..."
    lines = sparql.splitlines()
    shown = f" (line {line}: {lines[line - 1][:80]!r})" if 0 < line <= len(lines) else ""
    return QueryError(f"SPARQL syntax error: {reason}{shown}", source=f"{where}:{line}:{col}")
