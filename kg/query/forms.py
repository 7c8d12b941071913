"""Which of the four SPARQL query forms a query text is.

>>> query_form("PREFIX ex: <http://ex/#select> # ASK me\\nconstruct { ?s ?p ?o } WHERE { ?s ?p ?o }")
'CONSTRUCT'
>>> query_form("INSERT DATA { <a> <b> <c> }") is None
True
"""

from __future__ import annotations

import re

_SKIP = re.compile(r"<[^<>\"{}|^`\\\s]*>|\"\"\".*?\"\"\"|'''.*?'''|\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'|#[^\n]*|[?$]\w+|[A-Za-z_][\w.-]*:[\w.-]*|:[\w.-]+", re.S)
_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.I)


_UPDATE = re.compile(r"\b(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.I)


def is_update(sparql: str) -> bool:
    """True when the text reads as a SPARQL Update (an update keyword before the first ``{``)."""
    return bool(_UPDATE.search(_SKIP.sub(" ", sparql).split("{", 1)[0]))


def query_form(sparql: str) -> str | None:
    """``SELECT``, ``ASK``, ``CONSTRUCT``, ``DESCRIBE``, or None (e.g. an update)."""
    if is_update(sparql):
        return None
    bare = _SKIP.sub(" ", sparql)
    m = _FORM.search(bare)
    return m.group(1).upper() if m else None
