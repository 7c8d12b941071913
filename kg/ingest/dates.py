"""Normalise publication dates from JSONL fields and HTML metadata to ``YYYY-MM-DD``.

Only full dates are returned; anything partial or unparseable gives None (no guessing).
Numeric day/month order follows the convention of the languages Warta reads (day first,
``31/10/2024``) unless the numbers only make sense month first (``10/31/2024``).

>>> [normalise_date(s) for s in ("2024-10-31T08:30:00+07:00", "31/10/2024", "10/31/2024",
...     "31 Oktober 2024", "Nov 7, 2024", "Thu, 07 Nov 2024 08:30:00 GMT", "2024-10", "besok")]
['2024-10-31', '2024-10-31', '2024-10-31', '2024-10-31', '2024-11-07', '2024-11-07', None, None]
"""

from __future__ import annotations

import re
from datetime import date
from email.utils import parsedate_to_datetime

_MONTHS: dict[str, int] = {}
for _n, _names in enumerate(
    (
        "january jan januari janvier janv januar enero ene",
        "february feb februari februarie février fév févr februar febrero",
        "march mar maret mac mars märz marzo",
        "april apr avril abril",
        "may mei mai mayo",
        "june jun juni juin junio",
        "july jul juli julai juillet juil julio",
        "august aug agustus ogos ogo août aout agosto ago",
        "september sep sept septembre septiembre",
        "october oct oktober okt octobre octubre",
        "november nov novembre noviembre",
        "december dec desember disember dis décembre déc dezember dez diciembre dic",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _n

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])")
_YMD = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_D_MONTH_Y = re.compile(r"^(?:[^\W\d_]+,?\s+)?(\d{1,2})\.?\s+([^\W\d_]+)\.?,?\s+(\d{4})\b")
_MONTH_D_Y = re.compile(r"^(?:[^\W\d_]+,?\s+)?([^\W\d_]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")


def normalise_date(value: object) -> str | None:
    """``YYYY-MM-DD`` for a recognisable full date, else None."""
    if value is None:
        return None
    s = str(value).strip()
    if not s:
        return None
    if m := _ISO.match(s) or _YMD.match(s):
        return _make(int(m[1]), int(m[2]), int(m[3]))
    if m := _DMY.match(s):
        a, b, y = int(m[1]), int(m[2]), int(m[3])
        return _make(y, b, a) if a > 12 or b <= 12 else _make(y, a, b)
    low = s.lower()
    if m := _D_MONTH_Y.match(low):
        if m[2] in _MONTHS:
            return _make(int(m[3]), _MONTHS[m[2]], int(m[1]))
    if m := _MONTH_D_Y.match(low):
        if m[1] in _MONTHS:
            return _make(int(m[3]), _MONTHS[m[1]], int(m[2]))
    try:
        return parsedate_to_datetime(s).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _make(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None
