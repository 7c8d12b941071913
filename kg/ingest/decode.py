"""Turn bytes into text, refusing what is not an article: too big, binary, not UTF-8, empty.

Every refusal is an :class:`~kg.errors.InputError` whose message says what is wrong and how to
fix it; the readers turn it into a :class:`~kg.doc.Problem` so a batch goes on.

Text must be UTF-8 (a UTF-8 byte-order mark is dropped). There is deliberately no charset
guessing: a file in another encoding is reported with the first bad byte, so the user can
re-save it. Two unambiguous cases are accepted: a UTF-16 byte-order mark, and for HTML a
``<meta charset>`` declaration.

>>> decode_text(b"\\xef\\xbb\\xbfHalo dunia")
'Halo dunia'
>>> decode_text(b"caf\\xe9 noir")
Traceback (most recent call last):
...
kg.errors.InputError: not valid UTF-8 (byte 0xE9 at offset 3, line 1) (re-save the file as UTF-8)
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from kg.errors import InputError

BINARY_SNIFF = 65536  # bytes inspected for NULs and control characters
MAX_CONTROL_RATIO = 0.10
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def human_size(n: int, *, trim: bool = False) -> str:
    """Sizes as people say them (decimal units); ``trim`` drops a ".0" (for round limits).

    >>> human_size(50_000_000), human_size(10_000_000, trim=True), human_size(1536), human_size(200)
    ('50.0 MB', '10 MB', '1.5 kB', '200 bytes')
    """
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if n >= scale:
            text = f"{n / scale:.1f}"
            return f"{text[:-2] if trim and text.endswith('.0') else text} {unit}"
    return f"{n} bytes"


def check_size(size: int, max_bytes: int) -> None:
    """Refuse inputs over ``max_bytes`` (the caller only stat()s the file: nothing is read).

    >>> check_size(50_000_000, 10_000_000)
    Traceback (most recent call last):
    ...
    kg.errors.InputError: file is 50.0 MB, over the 10 MB limit (split it, or raise the limit: kg --set max_bytes=50000000 build ...)
    """
    if size > max_bytes:
        raise InputError(
            f"file is {human_size(size)}, over the {human_size(max_bytes, trim=True)} limit",
            hint=f"split it, or raise the limit: kg --set max_bytes={size} build ...",
        )


def read_bounded(path: Path, max_bytes: int) -> bytes:
    """Read a file of at most ``max_bytes`` (checked from its size before reading)."""
    check_size(path.stat().st_size, max_bytes)
    with path.open("rb") as f:
        raw = f.read(max_bytes + 1)
    check_size(len(raw), max_bytes)  # the file grew while we looked at it
    return raw


def check_binary(raw: bytes) -> None:
    """Refuse NUL bytes or a high share of control characters in the first 64 kB."""
    head = raw[:BINARY_SNIFF]
    if b"\x00" in head or (head and sum(head.count(c) for c in _CONTROL) / len(head) > MAX_CONTROL_RATIO):
        raise InputError("binary file, not text", hint="give a .txt, .html or .jsonl article")


def decode_text(raw: bytes) -> str:
    """Decode UTF-8 (BOM dropped) or BOM-marked UTF-16; refuse binary, other encodings, empty."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as e:
            raise InputError(f"not valid UTF-16 ({e.reason})", hint="re-save the file as UTF-8") from e
    else:
        check_binary(raw)
        text = _utf8(raw)
    return _nonempty(text)


def decode_html(raw: bytes) -> str:
    """Like :func:`decode_text`, but honour a ``<meta charset>`` that names another encoding."""
    m = _META_CHARSET.search(raw[:4096])
    if m and not raw.startswith(codecs.BOM_UTF8):
        name = m.group(1).decode("ascii", "replace")
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            codec = "utf-8"
        if codec not in ("utf-8", "utf-16", "utf-16-le", "utf-16-be"):
            check_binary(raw)
            try:
                return _nonempty(raw.decode(codec))
            except UnicodeDecodeError as e:
                bad = f"byte 0x{raw[e.start]:02X} at offset {e.start}"
                raise InputError(
                    f"not valid {name} as its <meta charset> says ({bad})",
                    hint="re-save the page as UTF-8",
                ) from e
    return decode_text(raw)


def _utf8(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        bom = 3 if raw.startswith(codecs.BOM_UTF8) else 0
        at = e.start + bom
        line = raw.count(b"\n", 0, at) + 1
        raise InputError(
            f"not valid UTF-8 (byte 0x{raw[at]:02X} at offset {at}, line {line})",
            hint="re-save the file as UTF-8",
        ) from e


def _nonempty(text: str) -> str:
    if not text.strip():
        raise InputError("empty file" if not text else "empty file (only whitespace)")
    return text


def problem_reason(e: InputError) -> str:
    """One line for a Problem: the message and the fix, ``"...; fix"``."""
    return f"{e.message}; {e.hint}" if e.hint else e.message
