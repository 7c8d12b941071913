"""Typed literals the mapping writes: dates by their shape, decimals, language tags, URL IRIs.

>>> date_literal("2024-10-31").datatype.value
'http://www.w3.org/2001/XMLSchema#date'
>>> date_literal("2024-10").datatype.value, date_literal("2024").datatype.value
('http://www.w3.org/2001/XMLSchema#gYearMonth', 'http://www.w3.org/2001/XMLSchema#gYear')
>>> date_literal("2024-02-30") is None, date_literal("last week") is None
(True, True)
>>> decimal_literal(0.91234).value, decimal_literal(0.88).value, decimal_literal(1).value
('0.9123', '0.88', '1.0')
>>> lang_tag("id"), lang_tag(""), lang_tag("not a tag")
('id', 'und', 'und')
>>> url_iri("https://example.org/a b").value
'https://example.org/a%20b'
>>> url_iri("/data/news/x.txt").value
'file:///data/news/x.txt'
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from pathlib import Path
from urllib.parse import quote

from pyoxigraph import Literal, NamedNode

from kg.rdf.namespaces import XSD

_LANG = re.compile(r"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")
_IRI_UNSAFE = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f]')


def lang_tag(lang: str | None) -> str:
    """The article's language as a BCP-47 tag; ``"und"`` when missing or malformed."""
    lang = (lang or "").strip()
    return lang if _LANG.match(lang) else "und"


def date_literal(value: str | None) -> Literal | None:
    """``YYYY-MM-DD`` -> xsd:date, ``YYYY-MM`` -> xsd:gYearMonth, ``YYYY`` -> xsd:gYear, else None."""
    if not value:
        return None
    v = value.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
            _dt.date.fromisoformat(v)
            return Literal(v, datatype=XSD.date)
        if re.fullmatch(r"\d{4}-\d{2}", v) and 1 <= int(v[5:]) <= 12:
            return Literal(v, datatype=XSD.gYearMonth)
        if re.fullmatch(r"\d{4}", v):
            return Literal(v, datatype=XSD.gYear)
    except ValueError:
        return None
    return None


def published_literal(value: str | None) -> Literal | None:
    """Like ``date_literal`` but also accepts an ISO date-time (-> xsd:dateTime)."""
    lit = date_literal(value)
    if lit is not None or not value:
        return lit
    try:
        dt = _dt.datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return Literal(dt.isoformat(), datatype=XSD.dateTime)


def decimal_literal(x: float | None) -> Literal | None:
    """A score clamped to [0, 1], rounded to 4 places, in canonical xsd:decimal form."""
    if x is None or isinstance(x, bool):
        return None
    try:
        f = float(x)
    except (TypeError, ValueError):
        return None
    if math.isnan(f):
        return None
    f = min(1.0, max(0.0, f))
    s = f"{f:.4f}".rstrip("0")
    if s.endswith("."):
        s += "0"
    return Literal(s, datatype=XSD.decimal)


def url_iri(url: str) -> NamedNode:
    """The article's ``schema:url``: an absolute URL as an IRI, or a local path as a ``file:`` URI."""
    u = url.strip()
    if not _SCHEME.match(u) or _WINDOWS_DRIVE.match(u):
        return NamedNode(Path(u).expanduser().resolve().as_uri())
    u = _IRI_UNSAFE.sub(lambda m: quote(m.group(0), safe=""), u)
    return NamedNode(u)
