"""Deterministic normalisers that sit beside the model: numbers, qualifiers, dates.

The model finds *where* a troop count, a qualifier or a date is; these pure functions say *what*
it is. They know the local formats of Indonesian, Malay, English, French, German and Spanish.

>>> parse_number("100.000"), parse_number("10 ribu"), parse_number("sepuluh ribu")
(100000, 10000, 10000)
>>> parse_number("1,5 juta"), parse_number("10,000"), parse_number("ten thousand")
(1500000, 10000, 10000)
>>> parse_number("dix mille"), parse_number("zehntausend"), parse_number("12 000")
(10000, 10000, 12000)
>>> qualifier_of("sekitar 10.900 tentara"), qualifier_of("up to 15,000 troops"), qualifier_of("3.000 tentara")
('About', 'UpTo', 'Exact')
>>> normalize_date("31 Oktober 2024"), normalize_date("(19/10/2024)"), normalize_date("1 November")
('2024-10-31', '2024-10-19', None)
>>> normalize_date("1 November", published="2024-11-20"), normalize_date("pada hari Kamis", published="2024-11-20")
('2024-11-01', '2024-11-14')
>>> normalize_date("pekan lalu", published="2024-11-20"), normalize_date("last week")
('2024-11-13', None)
"""

from __future__ import annotations

import functools
import re
from datetime import date, timedelta
from typing import Optional

# ----------------------------------------------------------------------------- numbers

_UNITS: dict[str, int] = {}
for _lang_words in (
    # id / ms
    "nol satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas",
    # en
    "zero one two three four five six seven eight nine ten eleven twelve",
    # fr
    "zéro un deux trois quatre cinq six sept huit neuf dix onze douze",
    # de
    "null eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf",
    # es
    "cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce",
):
    for _i, _w in enumerate(_lang_words.split()):
        _UNITS.setdefault(_w, _i)
_UNITS.update(
    {
        "se": 1, "satu": 1, "une": 1, "ein": 1, "eine": 1, "una": 1, "un": 1, "lapan": 8,
        "thirteen": 13, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
        "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "vingt": 20, "trente": 30,
        "quarante": 40, "cinquante": 50, "soixante": 60, "zwanzig": 20, "dreißig": 30,
        "vierzig": 40, "fünfzig": 50, "veinte": 20, "treinta": 30, "cuarenta": 40,
        "cincuenta": 50, "quinze": 15, "quince": 15, "fünfzehn": 15, "dua puluh": 20,
    }
)
# vague amounts name no number: "ribuan tentara", "dozens of soldiers", "plusieurs centaines",
# "mehrere hundert", "varios miles" give no count (never an invented exact one)
_VAGUE = {
    "puluhan", "ratusan", "ribuan", "belasan", "beberapa", "dozens", "hundreds", "thousands", "several",
    "scores", "dizaines", "centaines", "milliers", "plusieurs", "quelques", "dutzende", "hunderte", "tausende",
    "mehrere", "einige", "decenas", "cientos", "miles", "varios", "varias", "unos", "unas",
}
# approximate numbers name a number (annotation guide, decision 5): "une centaine", "un millier",
# "rund zwei Dutzend", "a dozen", "un centenar" -> about 100 / 1000 / 24 / 12 / 100; their plurals
# ("des centaines", "Dutzende", "centenares") are vague amounts and name none
_APPROX: dict[str, int] = {
    "dozen": 12, "dutzend": 12, "douzaine": 12, "docena": 12, "lusin": 12, "selusin": 12,
    "dizaine": 10, "quinzaine": 15, "vingtaine": 20, "trentaine": 30, "quarantaine": 40,
    "cinquantaine": 50, "soixantaine": 60, "centaine": 100, "millier": 1000,
    "decena": 10, "veintena": 20, "treintena": 30, "centenar": 100, "millar": 1000,
}
_TENS = {"puluh": 10}
_MULT: dict[str, int] = {
    "ratus": 100, "hundred": 100, "cent": 100, "cents": 100, "hundert": 100, "cien": 100,
    "cientos": 100,
    "ribu": 1000, "rb": 1000, "thousand": 1000, "mille": 1000, "tausend": 1000, "mil": 1000,
    "k": 1000,
    "juta": 1_000_000, "jt": 1_000_000, "million": 1_000_000, "millions": 1_000_000,
    "millionen": 1_000_000, "millón": 1_000_000, "millones": 1_000_000, "mio": 1_000_000,
}
_PREFIX_SE = {"seribu": 1000, "seratus": 100, "sejuta": 1_000_000, "sepuluh": 10}
_DIGITS = re.compile(r"\d+(?:[.,\u00a0\u202f ]\d{3})*(?:[.,]\d+)?")


def _parse_digits(tok: str) -> Optional[float]:
    """Parse one digit group in any local format: 100.000 / 10,000 / 1,5 / 1.5 / 12 000."""
    t = tok.replace("\u00a0", " ").replace("\u202f", " ").replace(" ", "")
    if re.fullmatch(r"\d+", t):
        return float(t)
    # grouping separators: every group after the first has exactly 3 digits
    m = re.fullmatch(r"\d{1,3}(?:([.,])\d{3})+", t)
    if m:
        return float(re.sub(r"[.,]", "", t))
    m = re.fullmatch(r"(\d{1,3}(?:[.,]\d{3})*)([.,])(\d{1,2}|\d{4,})", t)
    if m:
        whole = re.sub(r"[.,]", "", m.group(1))
        return float(f"{whole}.{m.group(3)}")
    try:
        return float(t.replace(",", "."))
    except ValueError:
        return None


def parse_number(text: str) -> Optional[int]:
    """Read a count written with digits, words or both, in id/ms/en/fr/de/es.

    Returns ``None`` when the text holds no number.

    >>> parse_number("sekitar 1.500 tentara"), parse_number("1.5 million"), parse_number("diez mil")
    (1500, 1500000, 10000)
    >>> parse_number("dua puluh ribu"), parse_number("tiga ratus"), parse_number("no count")
    (20000, 300, None)
    >>> parse_number("ribuan tentara"), parse_number("dozens of soldiers"), parse_number("plusieurs centaines")
    (None, None, None)
    >>> parse_number("une centaine d'hommes"), parse_number("rund zwei Dutzend Polizisten"), parse_number("un millar")
    (100, 24, 1000)
    """
    rng = _range_bounds(_norm(text))  # "2.000-3.000" and "dua-tiga ribu" are ranges
    if rng is not None:  # "three to four thousand" -> 3000, "dua hingga tiga ribu" -> 2000
        return rng[0]
    return _parse_one(_norm(text).replace("-", " "))  # "2024-2025" reads 2024, not 2024202


# a range between two counts: its lower bound is the count (annotation guide: ranges).
# "and"-type words make a range only after "between" ("between 800 and 1,000", "entre 400 et
# 500"); "from 300 to 500" is a change, not a range; a hyphen joins a range only between numbers
_RANGE_TO = {"to", "hingga", "sampai", "sehingga", "bis", "à", "a", "or", "atau", "oder", "ou", "o", "–", "—", "-"}
_RANGE_AND = {"and", "dan", "und", "et", "y"}
_BETWEEN = {"between", "antara", "zwischen", "entre"}
_FROM = {"from", "dari", "von", "desde"}
_DOZEN = {w: v for w, v in _APPROX.items() if v == 12}  # "two or three dozen", "zwei bis drei Dutzend"
_COMPOUND = (("tausend", 1000), ("hundert", 100))  # German "dreitausend", "zweihundert"
_TOKEN = re.compile(r"\d+(?:[.,\u00a0\u202f ]\d{3})*(?:[.,]\d+)?|[a-zà-ÿß]+|[–—-]")
_YEAR = re.compile(r"(?:19|20)\d\d")


def _is_num(w: str) -> bool:
    if w[0].isdigit():
        return True
    if w in _UNITS or w in _MULT or w in _TENS or w in _PREFIX_SE or w in _DOZEN or w == "belas":
        return True
    return any(w.endswith(suf) and (w == suf or w[: -len(suf)] in _UNITS) for suf, _ in _COMPOUND)


def _magnitude(words: list[str]) -> Optional[int]:
    """The largest magnitude word (hundred, ribu, tausend, million, dozen...) among ``words``."""
    best = None
    for w in words:
        v = _MULT.get(w) or _DOZEN.get(w)
        if v is None and w in _PREFIX_SE and _PREFIX_SE[w] >= 100:
            v = _PREFIX_SE[w]
        if v is None:
            v = next((m for suf, m in _COMPOUND if w.endswith(suf)), None)
        if v and (best is None or v > best):
            best = v
    return best


def _value(words: list[str]) -> Optional[float]:
    """The number a run of number tokens writes (a decimal kept: "1,5" of "1,5 hingga 2 juta")."""
    text = " ".join(w for w in words if w not in "–—-")
    if words and words[0][0].isdigit() and all(w in _MULT for w in words[1:]):
        v = _parse_digits(words[0])
        for w in words[1:]:
            v = None if v is None else v * _MULT[w]
        return v
    if any(w in _DOZEN for w in words):  # "zwei Dutzend", "three dozen"
        head = [w for w in words if w not in _DOZEN]
        return (_parse_one(" ".join(head)) or 1) * 12 if head else 12
    v = _parse_one(text)
    return None if v is None else float(v)


def _range_bounds(s: str) -> Optional[tuple[int, int]]:
    """(low, high) when ``s`` (lower case) writes a range of two counts, else None.

    The low end takes the high end's magnitude word when it has none of its own:
    "zwei bis dreitausend" -> (2000, 3000), "dua-tiga ribu" -> (2000, 3000),
    "entre 3 500 et 4 500" -> (3500, 4500), "1,5 hingga 2 juta" -> (1500000, 2000000).
    """
    toks = [m.group(0) for m in _TOKEN.finditer(s[:400])]
    num = [_is_num(w) for w in toks]
    n = len(toks)

    def joins(k: int) -> bool:  # an "and" or a hyphen inside one number ("two hundred and fifty")
        return 0 < k < n - 1 and num[k - 1] and num[k + 1] and (toks[k] in _RANGE_AND or toks[k] == "-")

    def run_left(i: int) -> int:
        j = i
        while j > 0 and (num[j - 1] or (j - 1 > 0 and joins(j - 1))):
            j -= 1
        return j

    def run_right(i: int) -> int:
        k = i
        while k < n and (num[k] or joins(k)):
            k += 1
        return k

    for i, w in enumerate(toks):
        if w in _RANGE_TO and not (w == "-" and not joins(i)):
            j, k = run_left(i), run_right(i + 1)
            if j < i and k > i + 1 and (j == 0 or toks[j - 1] not in _FROM):
                got = _plausible(toks[j:i], toks[i + 1:k])
                if got:
                    return got
        elif w in _BETWEEN:  # "between A and B": the last "and" that splits the run into two numbers
            k = run_right(i + 1)
            for c in range(k - 1, i + 1, -1):
                if toks[c] in _RANGE_AND:
                    got = _plausible(toks[i + 1:c], toks[c + 1:k])
                    if got:
                        return got
    return None


def _plausible(a: list[str], b: list[str]) -> Optional[tuple[int, int]]:
    """(low, high) of the range A..B, or None when A..B reads as no range of counts."""
    if not a or not b:
        return None
    low, high = _value(a), _value(b)
    if low is None or high is None or low <= 0:
        return None
    mag_a, mag_b = _magnitude(a), _magnitude(b)
    if mag_a is None and mag_b is not None and low < mag_b and low * mag_b <= high:
        low *= mag_b  # "three to four thousand"
    elif mag_a is None and mag_b is None and b[0][0].isdigit() and high >= 1000 and low < 1000 and low * 1000 <= high:
        low *= 1000  # "10 to 15,000 troops"
    if len(b) == 1 and _YEAR.fullmatch(b[0]):
        return None  # "500 bis 2025", "2024-2025": a year
    if mag_a is None and mag_b is None and high < 13:
        return None  # "one or two brigades", "zwei bis drei Kompanien": no count of people
    if not low < high <= 10 * low:
        return None
    return int(round(low)), int(round(high))


_TAIL_TO = re.compile(r"\s*[–—-]\s*|\s+(?:" + "|".join(sorted(_RANGE_TO - {"–", "—", "-"})) + r")\s+")
_TAIL_AND = re.compile(r"\s+(?:" + "|".join(sorted(_RANGE_AND)) + r")\s+")
_ENDS_BETWEEN = re.compile(r"(?:^|\s)(?:" + "|".join(sorted(_BETWEEN)) + r")\s+\S+$")


def range_tail(text: str, before: str = "") -> int:
    """Length of a range's upper end right at the start of ``text`` (" to four thousand",
    "–3.000", " hingga tiga ribu"; " and 1,000" when ``before`` ends in "between"), so a count
    span cut after its lower end can take it; else 0."""
    low = text[:60].lower()
    m = _TAIL_TO.match(low)
    if m is None and _ENDS_BETWEEN.search(before.lower()):
        m = _TAIL_AND.match(low)
    if m is None:
        return 0
    end, pos = 0, m.end()
    for t in _TOKEN.finditer(low, pos):
        if t.start() != pos or not _is_num(t.group(0)):
            break
        end = pos = t.end()
        ws = re.match(r"\s*", low[pos:])
        pos += ws.end()
    return end


def range_low(text: str) -> Optional[int]:
    """The lower bound of the range ``text`` writes, or None ("between 800 and 1,000" -> 800)."""
    got = _range_bounds(_norm(text))
    return got[0] if got else None


def _norm(text: str) -> str:
    """Lower case; a hyphen between digits is a range dash, a dangling one ("zwei- bis") goes."""
    return re.sub(r"-(?=\s)", " ", re.sub(r"(?<=\d)-(?=\d)", "–", text.lower()))


def _parse_one(s: str) -> Optional[int]:
    m = _DIGITS.search(s)
    if m:
        value = _parse_digits(m.group(0))
        if value is None:
            return None
        rest = s[m.end():].split()
        for w in rest[:2]:
            w = w.strip(".,;:()")
            if w in _MULT:
                value *= _MULT[w]
            else:
                break
        return int(round(value))
    words = re.findall(r"[a-zà-ÿß]+", s)
    if any(w in _VAGUE for w in words[:3]):
        return None
    for i, w in enumerate(words[:4]):
        if w in _APPROX:  # "une centaine", "zwei Dutzend"
            return (_UNITS.get(words[i - 1], 1) if i else 1) * _APPROX[w]
    # German compounds: zehntausend, fünfzigtausend, zweihundert
    for w in s.split():
        for mult_word, mult in (("tausend", 1000), ("hundert", 100)):
            if w.endswith(mult_word) and w != mult_word:
                head = w[: -len(mult_word)]
                if head in _UNITS:
                    return _UNITS[head] * mult
    total, current, seen = 0, 0, False
    for w in re.findall(r"[a-zà-ÿß]+", s):
        if w in _PREFIX_SE:
            v = _PREFIX_SE[w]
            if v >= 1000:
                total += max(current, 1) * v if current else v
                current = 0
            else:
                current += v
            seen = True
        elif w in _UNITS:
            current += _UNITS[w]
            seen = True
        elif w in _TENS and seen:
            current *= _TENS[w]
        elif w == "belas" and seen:
            current += 10
        elif w in _MULT and (seen or w in {"mil", "mille", "tausend"}):
            mult = _MULT[w]
            if mult == 100:
                current = max(current, 1) * 100
            else:
                total += max(current, 1) * mult
                current = 0
            seen = True
        elif seen and w not in {"and", "et", "y", "und"}:
            break
    if not seen:
        return None
    return total + current


# ----------------------------------------------------------------------------- qualifiers

_QUALIFIERS: list[tuple[str, str]] = [
    # (regex, qualifier) - longest phrases first
    (r"lebih dari|lebih daripada|more than|over|plus de|plus d'une?|mehr als|más de|über", "MoreThan"),
    (r"setidaknya|sekurang-kurangnya|paling sedikit|minimal|at least|au moins|mindestens|al menos|por lo menos", "AtLeast"),
    (r"hingga|sehingga|sampai|sebanyak|sebanyak-banyaknya|maksimal|up to|as many as|jusqu'à|bis zu|hasta", "UpTo"),
    (r"sekitar|kira-kira|sekira|kurang lebih|lebih kurang|hampir|around|about|roughly|approximately|nearly|some|an estimated|estimated|environ|près de|quelque|etwa|rund|ungefähr|circa|knapp|alrededor de|unos|unas|aproximadamente|cerca de", "About"),
]


def qualifier_of(text: str) -> Optional[str]:
    """The count qualifier of a phrase: About/AtLeast/UpTo/MoreThan, Exact if a bare number.

    ``None`` when the phrase holds no number at all.

    >>> qualifier_of("lebih dari 10.000"), qualifier_of("setidaknya 3.000"), qualifier_of("sebanyak 100.000 tentara")
    ('MoreThan', 'AtLeast', 'UpTo')
    >>> qualifier_of("troops"), qualifier_of("une trentaine de soldats"), qualifier_of("plus d'une centaine")
    (None, 'About', 'MoreThan')
    """
    low = text.lower()
    if _range_bounds(_norm(low)) is not None:  # a range counts from its lower bound
        return "AtLeast"
    for pattern, q in _QUALIFIERS:
        if re.search(r"(?<!\w)(?:" + pattern + r")(?!\w)", low):
            return q
    if parse_number(text) is None:
        return None
    # "une trentaine de soldats", "a dozen troops": approximate by their word
    return "About" if any(w in _APPROX for w in re.findall(r"[a-zà-ÿß]+", low)[:4]) else "Exact"


# ----------------------------------------------------------------------------- dates

_MONTHS: dict[str, int] = {}
for _names in (
    "januari februari maret april mei juni juli agustus september oktober november desember",
    "january february march april may june july august september october november december",
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "januar februar märz april mai juni juli august september oktober november dezember",
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "jan feb mar apr mei jun jul agu sep okt nov des",
    "jan feb mar apr may jun jul aug sep oct nov dec",
    "januari februari mac april mei jun julai ogos september oktober november disember",
):
    for _i, _m in enumerate(_names.split()):
        _MONTHS.setdefault(_m, _i + 1)
_MONTHS["sept"] = 9
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))

_WEEKDAYS: dict[str, int] = {}
for _names in (
    "senin selasa rabu kamis jumat sabtu minggu",
    "monday tuesday wednesday thursday friday saturday sunday",
    "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "montag dienstag mittwoch donnerstag freitag samstag sonntag",
    "lunes martes miércoles jueves viernes sábado domingo",
    "isnin selasa rabu khamis jumaat sabtu ahad",
):
    for _i, _d in enumerate(_names.split()):
        _WEEKDAYS.setdefault(_d, _i)
_WEEKDAYS["jum'at"] = 4
_WEEKDAY_RE = "|".join(sorted((re.escape(k) for k in _WEEKDAYS), key=len, reverse=True))

_RELATIVE: list[tuple[str, int]] = [
    (r"kemarin|yesterday|hier|gestern|ayer|semalam", -1),
    (r"hari ini|today|aujourd'hui|heute|hoy", 0),
    (r"besok|esok|tomorrow|demain|morgen|mañana", 1),
    (r"pekan lalu|minggu lalu|last week|la semaine dernière|semaine dernière|letzte woche|vergangene woche|la semana pasada|minggu lepas", -7),
]


def _iso(d: date) -> str:
    return d.isoformat()


def _parse_published(published: Optional[str]) -> Optional[date]:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


_LEAD = re.compile(r"(?i)^(?:pada\s+(?:hari\s+)?|hari\s+|sejak\s+|on\s+|since\s+|le\s+|depuis\s+|am\s+|seit\s+|el\s+|desde\s+)")
_PARSERS: dict[str, object] = {}


@functools.lru_cache(maxsize=4096)
def _dateparser(text: str, lang: Optional[str], pub: Optional[date]) -> Optional[str]:
    """``dateparser`` (it knows id/ms/en/fr/de/es) relative to the publication date; the
    granularity it reports (day, week, month, year) decides how much of the date is kept."""
    if lang not in ("id", "ms", "en", "fr", "de", "es"):
        return None
    from datetime import datetime

    from dateparser.date import DateDataParser

    key = f"{lang}|{pub}"
    parser = _PARSERS.get(key)
    if parser is None:
        settings = {"PREFER_DATES_FROM": "past", "DATE_ORDER": "MDY" if lang == "en" else "DMY",
                    "RETURN_AS_TIMEZONE_AWARE": False}
        if pub is not None:
            settings["RELATIVE_BASE"] = datetime(pub.year, pub.month, pub.day)
        if len(_PARSERS) > 64:
            _PARSERS.clear()
        parser = _PARSERS[key] = DateDataParser(languages=[lang], settings=settings)
    for cand in (text, _LEAD.sub("", text)):
        cand = cand.strip(" ,.;:()")
        if not cand or not re.search(r"\w", cand):
            continue
        try:
            data = parser.get_date_data(cand)  # type: ignore[attr-defined]
        except Exception:  # noqa: BLE001 - an odd phrase is just not a date
            continue
        if data and data.date_obj is not None:
            d = data.date_obj.date()
            explicit_year = re.search(r"(?<!\d)(?:19|20)\d{2}(?!\d)", cand)
            if pub is None and not explicit_year:
                return None  # relative to an unknown day
            if data.period == "year":
                return f"{d.year:04d}"
            if data.period == "month":
                return f"{d.year:04d}-{d.month:02d}"
            return d.isoformat()
    return None


def normalize_date(text: str, published: Optional[str] = None, lang: Optional[str] = None) -> Optional[str]:
    """Resolve a date phrase to ISO ("2024-10-31", "2024-10" or "2024").

    Relative phrases ("pada hari Kamis", "pekan lalu", "kemarin") and year-less dates are resolved
    against ``published`` (the article's ISO publication date); without it only what the text
    fixes by itself is returned (a date with a year, a bare year), else ``None``.

    >>> normalize_date("October 31, 2024"), normalize_date("31. Oktober 2024"), normalize_date("31 de octubre de 2024")
    ('2024-10-31', '2024-10-31', '2024-10-31')
    >>> normalize_date("Juni 2024"), normalize_date("tahun 2023"), normalize_date("Jumat lalu", published="2024-11-20")
    ('2024-06', '2023', '2024-11-15')
    >>> normalize_date("kemarin", published="2024-11-20"), normalize_date("sesuatu")
    ('2024-11-19', None)
    >>> normalize_date("on Friday", "2024-11-20", "en"), normalize_date("le 3 mars", "2024-11-20", "fr")
    ('2024-11-15', '2024-03-03')

    With ``lang``, ``dateparser`` reads the phrase first; the patterns below cover what it
    leaves (Indonesian "pekan lalu", "pada hari Kamis", German "am Dienstag").
    """
    low = " ".join(text.lower().split())
    pub = _parse_published(published)
    found = _dateparser(text, lang, pub)
    if found:
        return found
    # numeric dd/mm/yyyy or dd-mm-yyyy or yyyy-mm-dd
    m = re.search(r"(\d{4})-(\d{1,2})-(\d{1,2})", low)
    if m:
        return _safe(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.search(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})", low)
    if m:
        return _safe(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    # 31 Oktober 2024 / 31. Oktober 2024 / 31 de octubre de 2024 / 1er novembre
    m = re.search(r"(\d{1,2})(?:\.|er|st|nd|rd|th)?\s+(?:de\s+)?(" + _MONTH_RE + r")\b\.?(?:\s+(?:de\s+)?(\d{4}))?", low)
    if m:
        return _day_month(int(m.group(1)), _MONTHS[m.group(2)], m.group(3), pub)
    # October 31, 2024 / October 31
    m = re.search(r"\b(" + _MONTH_RE + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?", low)
    if m:
        return _day_month(int(m.group(2)), _MONTHS[m.group(1)], m.group(3), pub)
    # Juni 2024
    m = re.search(r"\b(" + _MONTH_RE + r")\s+(\d{4})\b", low)
    if m:
        return f"{int(m.group(2)):04d}-{_MONTHS[m.group(1)]:02d}"
    for pattern, delta in _RELATIVE:
        if re.search(r"(?<!\w)(?:" + pattern + r")(?!\w)", low):
            return _iso(pub + timedelta(days=delta)) if pub else None
    m = re.search(r"(?<!\w)(" + _WEEKDAY_RE + r")(?!\w)", low)
    if m:
        if pub is None:
            return None
        wd = _WEEKDAYS[m.group(1)]
        back = (pub.weekday() - wd) % 7
        if re.search(r"(?:lalu|last|dernier|letzten|pasado)", low) and back == 0:
            back = 7
        if re.search(r"(?:depan|mendatang|next|prochain|nächsten|próximo)", low):
            return _iso(pub + timedelta(days=(wd - pub.weekday()) % 7 or 7))
        return _iso(pub - timedelta(days=back))
    m = re.search(r"(?<!\d)((?:19|20)\d{2})(?!\d)", low)
    if m:
        return m.group(1)
    return None


def _safe(y: int, mo: int, d: int) -> Optional[str]:
    try:
        return date(y, mo, d).isoformat()
    except ValueError:
        return None


def _day_month(day: int, month: int, year: Optional[str], pub: Optional[date]) -> Optional[str]:
    if year:
        return _safe(int(year), month, day)
    if pub is None:
        return None
    cand = _safe(pub.year, month, day)
    # a year-less date well after publication refers to the previous year
    if cand and date.fromisoformat(cand) > pub + timedelta(days=31):
        return _safe(pub.year - 1, month, day)
    return cand
