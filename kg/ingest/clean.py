"""Remove web boilerplate from article text, keeping every body line verbatim.

Cleaning works on whole lines: a line is either kept exactly as it was (only trailing whitespace
is trimmed) or dropped. Line endings become ``\n``, a leading byte-order mark goes, runs of blank
lines collapse to one blank line (a paragraph break) and the text is stripped. Nothing else is
changed (no Unicode normalisation, no re-spacing): character offsets downstream point into this
cleaned text, and any substring of a kept line is found in it unchanged.

The rules are generic, multilingual lists of what sites wrap around an article, never keyed to
particular articles:

- widget labels on a line of their own ("Tinggalkan komentar", "Leave a comment", "Bagikan",
  "Share this", "Advertisement", "Iklan", "Scroll to continue", "Terpopuler", "Most read" ...);
- read-more prompts ("Baca Juga: ...", "Baca juga ...", "Read also: ...", "Lire aussi ...");
- teaser lines: an ALL-CAPS reading-prompt word ("MEMBACA", "LIHAT", "SIMAK", "READ" ...)
  followed by a headline-like rest, on the same line or the next one;
- copyright lines, "updated:" stamps, breadcrumb/navigation rows, photo credits in
  parentheses, and calls to action that carry a link ("Follow our channel ...: https://...");
- a trailing comment/reaction widget: from a comment marker to the end, when nothing after
  it looks like body text.

>>> raw = '''Pasukan tiba di Beirut pada Kamis.
...
... Baca Juga: Menteri Bertemu Mitra di Canberra
...
... MEMBACA  Harga Beras Naik Lagi di Pasar Induk
...
... "Kami siap," kata komandan itu.
...
... Tinggalkan komentar'''
>>> print(clean_text(raw))
Pasukan tiba di Beirut pada Kamis.
<BLANKLINE>
"Kami siap," kata komandan itu.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


def _alternatives(block: str) -> frozenset[str]:
    return frozenset(w.strip() for line in block.splitlines() for w in line.split("|") if w.strip())


# Whole-line widget labels (compared case-insensitively, ignoring trailing ':' '.' '!' and spaces).
WIDGET_LINES: frozenset[str] = _alternatives(
    """
    baca juga|baca selengkapnya|selengkapnya|baca lagi|lihat juga|simak juga|lihat semua
    tinggalkan komentar|tinggalkan balasan|tulis komentar|beri komentar|beri nilai|komentar|kirim
    tinggalkan komen|kongsi|kongsi artikel ini
    bagikan|bagikan artikel ini|bagikan berita ini|share|share this|share this article|share on
    tweet|facebook|twitter|whatsapp|telegram|linkedin|line|email|e-mail|print|cetak|salin tautan
    copy link|copied|tautan tersalin
    konten terkait|berita terkait|artikel terkait|topik terkait|video pilihan|pilihan editor
    terpopuler|terbaru|terkini|berita terkini|nilai tertinggi|headline|trending|populer|rekomendasi
    feature article|artikel pilihan|tag|tags|topik|editor|penulis|reporter
    bagaimana reaksi anda tentang artikel ini?|apa reaksi anda?|what do you think?
    iklan|advertisement|advertising|sponsored|sponsored content|ads|ad|konten bersponsor
    anzeige|werbung|publicité|publicidad|pubblicità|iklan di bawah ini
    scroll to continue|scroll to continue with content|scroll untuk melanjutkan
    gulir untuk melanjutkan|gulir ke bawah untuk melanjutkan|continue reading below
    leave a comment|leave a reply|comments|comment|post a comment|add a comment|view comments
    related|related articles|related stories|related news|read more|read also|also read
    more on this story|most read|most popular|latest|latest news|recommended|you may also like
    subscribe|sign up|newsletter|loading|loading...|advertisement - scroll to continue
    partager|compartir|teilen|condividi|commentaires|kommentare|comentarios
    lire aussi|à lire aussi|lesen sie auch|mehr zum thema|lee también|leer más|ver más
    lihat ke halaman asli|lihat artikel asli|lihat berita asli|view original
    """
)

# Prefixes that make a (short) line a read-more prompt or widget, any case.
_PROMPT_PREFIX = re.compile(
    r"""^(?:
        baca\s+juga|baca\s+selengkapnya|baca\s+lagi|baca\s+berita\s+lainnya|lihat\s+juga|simak\s+juga
        |simak\s+selengkapnya|artikel\s+terkait|berita\s+terkait
        |read\s+also|also\s+read|read\s+more|related\s*:|see\s+also|watch\s*:|more\s*:
        |lire\s+aussi|à\s+lire\s+aussi|lesen\s+sie\s+auch|lee\s+también|leer\s+más|ver\s+también
        |lihat\s+(?:ke\s+)?(?:halaman|berita|artikel)\s+asli(?:nya)?|view\s+original
        |(?:advertisement|iklan|anzeige|publicité)\s*[-–—:|]|scroll\s+to\s+continue|scroll\s+untuk|gulir\s+untuk
        |share\s+this|share\s+on|bagikan\s*:|bagikan\s+(?:artikel|berita)
        |leave\s+a\s+(?:comment|reply)|tinggalkan\s+(?:komentar|komen|balasan)
        )(?:\b|(?<=\W))""",
    re.IGNORECASE | re.VERBOSE,
)

# ALL-CAPS reading prompts that introduce a teaser headline ("MEMBACA  Judul Artikel Lain").
_CAPS_PROMPTS = (
    "BACA JUGA|BACA LAGI|BACA|MEMBACA|LIHAT JUGA|LIHAT|SIMAK JUGA|SIMAK|TONTON JUGA|TONTON|"
    "ALSO READ|READ ALSO|READ MORE|READ|RELATED|WATCH|SEE ALSO|LIRE AUSSI|LIRE|LESEN SIE AUCH|"
    "LEA TAMBIÉN|LEE TAMBIÉN|BERITA TERKAIT|ARTIKEL TERKAIT"
)
_CAPS_TEASER = re.compile(rf"^(?:{_CAPS_PROMPTS})(?:\s*[:|»>\-–—]\s*|\s+)(?P<rest>\S.*)$")
_CAPS_PROMPT_ALONE = re.compile(rf"^(?:{_CAPS_PROMPTS})\s*[:|»>\-–—]?$", re.IGNORECASE)

_SENTENCE_INSIDE = re.compile(r"[.!?…][\"'”’)]?\s+[\"“‘(]?[A-Z]")
_COPYRIGHT = re.compile(
    r"^(?:©|\(c\)\s*\d{4}|(?:copyright|hak\s+cipta)\s*(?:©|\(c\)|\d{4}))"
    r"|all\s+rights\s+reserved|hak\s+cipta\s+dilindungi"
    r"|tous\s+droits\s+réservés|alle\s+rechte\s+vorbehalten|todos\s+los\s+derechos\s+reservados",
    re.IGNORECASE,
)
_STAMP = re.compile(
    r"^(?:diperbarui|dipublikasikan|diterbitkan|diunggah|updated|last\s+updated|published|posted"
    r"|mis\s+à\s+jour|publié\s+le|aktualisiert|actualizado)(?:\s*:|\s+(?:on|pada|le|am)?\s*\d)",
    re.IGNORECASE,
)
_URL = re.compile(r"https?://\S+|www\.\S+", re.IGNORECASE)
_CALL_TO_ACTION = re.compile(
    r"\b(?:follow|ikuti|subscribe|langganan|berlangganan|download|unduh|klik|click|join|gabung"
    r"|bergabung|kunjungi|visit|channel|kanal|sign\s+up|daftar)\b",
    re.IGNORECASE,
)
_PHOTO_CREDIT = re.compile(r"^\([^()]{1,100}/[^()]{1,100}\)$")
_BREADCRUMB_SEP = re.compile(r"\s(?:>|»|\||/|›)\s")
_COMMENT_MARKER = re.compile(
    r"^(?:tinggalkan\s+(?:komentar|komen|balasan)|beri\s+komentar|tulis\s+komentar|komentar"
    r"|leave\s+a\s+(?:comment|reply)|post\s+a\s+comment|add\s+a\s+comment|\d+\s+comments?|comments?"
    r"|bagaimana\s+reaksi\s+anda.*|beri\s+nilai|commentaires|kommentare|comentarios)\s*:?$",
    re.IGNORECASE,
)

MAX_PROMPT_LINE = 220  # read-more prompts and teasers are short; a long line is body text


@dataclass
class CleanResult:
    """The cleaned text and the lines that were dropped, with the rule that dropped each."""

    text: str
    removed: list[tuple[str, str]] = field(default_factory=list)  # (line, rule)


def clean_text(text: str) -> str:
    """Return ``text`` without boilerplate lines (see the module docstring)."""
    return clean(text).text


def clean(text: str) -> CleanResult:
    """Clean ``text`` and report what was removed and why.

    >>> r = clean("Advertisement\\nTroops arrived on Monday.\\nShare this")
    >>> r.text, [rule for _, rule in r.removed]
    ('Troops arrived on Monday.', ['widget', 'widget'])
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    lines = [ln.rstrip() for ln in text.split("\n")]
    verdict: list[str | None] = [None] * len(lines)

    for i, line in enumerate(lines):
        if verdict[i] is None:
            verdict[i] = line_rule(line)
        if verdict[i] == "teaser-prompt":  # "BACA JUGA" alone: the next non-blank line is the teaser
            j = _next_nonblank(lines, i + 1)
            if j is not None and verdict[j] is None and is_headline_like(lines[j].strip()):
                verdict[j] = "teaser"

    _mark_trailing_widget(lines, verdict)

    kept = [ln for ln, v in zip(lines, verdict) if v is None]
    removed = [(ln, v) for ln, v in zip(lines, verdict) if v is not None]
    out = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    return CleanResult(out, removed)


def line_rule(line: str) -> str | None:
    """The name of the boilerplate rule ``line`` matches, or None for a body line.

    >>> line_rule("Baca juga: Menteri Bertemu Mitra"), line_rule("MEMBACA  Judul Lain di Sini")
    ('read-more', 'teaser')
    >>> line_rule("Membaca buku adalah kebiasaan baik, kata guru itu.") is None
    True
    """
    s = line.strip()
    if not s:
        return None
    if _CAPS_PROMPT_ALONE.match(s):
        return "teaser-prompt"
    key = s.casefold().rstrip(" :.!|»›>-").strip()
    if key in WIDGET_LINES or s.casefold() in WIDGET_LINES:
        return "widget"
    if len(s) > MAX_PROMPT_LINE:
        return _long_line_rule(s)
    m = _CAPS_TEASER.match(s)
    if m and not _SENTENCE_INSIDE.search(m.group("rest")):
        return "teaser"
    if _PROMPT_PREFIX.match(s):
        return "read-more"
    if _COPYRIGHT.search(s):
        return "copyright"
    if _STAMP.match(s) and len(s) <= 80:
        return "timestamp"
    if _PHOTO_CREDIT.match(s):
        return "photo-credit"
    if _is_breadcrumb(s):
        return "navigation"
    return _long_line_rule(s)


def _long_line_rule(s: str) -> str | None:
    if len(s) <= 400 and _URL.search(s) and _CALL_TO_ACTION.search(s):
        return "call-to-action"
    return None


def is_headline_like(s: str) -> bool:
    """A short single line with no sentence boundary inside and mostly capitalised words.

    >>> is_headline_like("Harga Beras Naik Lagi di Pasar Induk")
    True
    >>> is_headline_like("Pasukan tiba pada Kamis. Mereka akan tinggal setahun.")
    False
    """
    if not s or len(s) > 160 or _SENTENCE_INSIDE.search(s):
        return False
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", s)]
    if not words or len(words) > 25:
        return False
    if not s.endswith((".", "!", "?", "…")):
        return True
    caps = sum(w[0].isupper() for w in words)
    return caps >= max(2, len(words) // 2)


def _is_breadcrumb(s: str) -> bool:
    """ "Home > News > World", "Beranda | Nasional | Politik": short items, no sentence."""
    if len(s) > 120 or s.endswith((".", "!", "?", '"', "”")):
        return False
    parts = _BREADCRUMB_SEP.split(s)
    return len(parts) >= 3 and all(0 < len(p.split()) <= 3 and not re.search(r"\d", p) for p in parts)


def _next_nonblank(lines: list[str], start: int) -> int | None:
    for j in range(start, len(lines)):
        if lines[j].strip():
            return j
    return None


def _looks_like_body(s: str) -> bool:
    return len(s) > 60 or s.endswith((".", "!", '"', "”", "’"))


def _mark_trailing_widget(lines: list[str], verdict: list[str | None]) -> None:
    """From the first comment marker after which no body-like line remains, drop to the end."""
    last_body = -1
    for i, line in enumerate(lines):
        if verdict[i] is None and line.strip() and _looks_like_body(line.strip()):
            last_body = i
    for i in range(last_body + 1, len(lines)):
        if _COMMENT_MARKER.match(lines[i].strip()):
            for j in range(i, len(lines)):
                if lines[j].strip() and verdict[j] is None:
                    verdict[j] = "comment-widget"
            return
