"""A rule-based sentence splitter for news in Indonesian and English (sensible for ms/fr/de/es).

Rules, in order:

1. Blocks: a blank line always ends a sentence; a single line break does too (headlines,
   one-paragraph-per-line text), unless the text was hard-wrapped: the next line starts in
   lower case, or the line ends with ``,`` ``;`` ``:`` or a hyphen/dash.
2. Inside a block, split after ``.`` ``!`` ``?`` ``…`` (with any closing quotes or brackets,
   which stay with their sentence) followed by white space and a capital, a digit or an opening
   quote. CJK ``。！？`` split without a space.
3. No split after abbreviations (``Jl.``, ``Dr.``, ``Prof.``, ``Mr.``, ``Gen.``, ``No.`` ...),
   dotted abbreviations (``U.S.``, ``a.n.``, ``S.H.``, ``e.g.``), initials (``J. Smith``), or a day
   number before a month (German ``3. Oktober``). List-enders (``dll.``, ``dsb.``, ``etc.``)
   end a sentence only when a capital follows.
4. No split inside a quotation: “Kami datang. Kami menang,” kata dia. is one sentence, and so
   is a quoted sentence followed by an attribution ("We are ready." Marles said.).
5. A sentence over ``MAX_SENTENCE_CHARS`` is cut at ``;`` then ``,`` then a space, so the model
   never sees unbounded input.

Every ``Sentence`` satisfies ``text == article.text[start:end]`` with no surrounding space.

>>> text = ('Dr. Retno tiba di Jl. Merdeka No. 5 pada Kamis. “Kami siap... sangat siap,” katanya. '
...         'Pasukan berjumlah 1.500 orang.')
>>> for _, _, sentence in split_sentences(text):
...     print(sentence)
Dr. Retno tiba di Jl. Merdeka No. 5 pada Kamis.
“Kami siap... sangat siap,” katanya.
Pasukan berjumlah 1.500 orang.
>>> for _, _, sentence in split_sentences('"We are ready." Defence Minister Richard Marles said. U.S. troops left.'):
...     print(sentence)
"We are ready." Defence Minister Richard Marles said.
U.S. troops left.
"""

from __future__ import annotations

import bisect
import re

from kg.config import Config
from kg.doc import Article, Sentence

MAX_SENTENCE_CHARS = 1000
MAX_QUOTE_CHARS = 600  # a "quotation" longer than this is treated as unbalanced quotes

# Never end a sentence: titles, addresses, numbers, months, Latin/other mid-sentence forms.
ABBREVIATIONS: frozenset[str] = frozenset(
    """
    Mr Mrs Ms Mx Dr Drs Dra Prof Ir Jl Jln Bpk Bp Hj Tn Ny Nn Sdr Sdri Yth Kol Jend Brigjen Kec Kab
    Kel Prov Hal hlm no No Nos Nr Vol vol Gen Lt Col Capt Cpt Maj Sgt Adm Brig Cdr Gov Sen Rep Rev
    Hon St Mt Ft Jr Sr Sra Srta Ud Mme Mlle Jan Feb Mar Apr Jun Jul Aug Sep Sept Sek Oct Okt Nov Dec
    Des vs v cf approx ca bzw evtl ggf vgl sog aprox pág tel Tel art Art dkk tsb Inf Kav Arh Czi Pnb
    Purn Laks Marsda Marsma Pol
    """.split()
)
# End a list, so they end a sentence when a capital follows.
LIST_ENDERS: frozenset[str] = frozenset("dll dsb dst etc usw Inc Ltd Corp Co Tbk Bhd".split())
_MONTHS = frozenset(
    "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split()
)

_CANDIDATE = re.compile(
    r"(?P<p>\.{2,}|[.!?…]+)(?P<q>[\"'”’»)\]]*)(?P<ws>\s+)"  # end mark, closers, then a space
    r"|(?P<cjk>[。！？]+[」』”]*)"  # CJK end marks need no space
)
_DOTTED = re.compile(r"^(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,3}$")  # U.S  a.n  S.H  e.g  M.Si
_OPENERS = "\"“‘'«([¿¡"
_ATTRIBUTION = re.compile(  # a short "X said [on Friday]." after a closing quote
    r"(?:(?:[A-Z][\w.'’-]*\s+){1,6}(?:said|says|told|added|stated|asked|warned|wrote|noted|explained"
    r"|replied|declared|insisted|argued|continued|recalled|announced)"
    r"|(?:[A-ZÀ-Ý][\w'’-]*\s+){1,4}"
    r"(?:a\s+(?:déclaré|dit|affirmé)|sagte|erklärte|dijo|afirmó|declaró))"
    r"\b[^.!?“”\"\n]{0,80}[.!?]"
)
_QUOTE_CLOSERS = "\"'”’»"
_LINE_BREAK = re.compile(r"\n")
_BLANK_LINES = re.compile(r"\n[ \t\f\v\r]*\n\s*")


class RuleSegmenter:
    """``kg.segmenter.rules.v1``: the built-in rule-based sentence splitter."""

    name = "kg.segmenter.rules.v1"

    def __init__(self, config: Config | None = None):
        self.config = config or Config()

    def segment(self, article: Article) -> list[Sentence]:
        """Split ``article.text``; store the result in ``article.sentences`` and return it.

        Nothing else on the article is touched.
        """
        spans = split_sentences(article.text)
        sents = [Sentence(index=i, start=s, end=e, text=t) for i, (s, e, t) in enumerate(spans)]
        article.sentences = sents
        return sents


def split_sentences(text: str, max_chars: int = MAX_SENTENCE_CHARS) -> list[tuple[int, int, str]]:
    """``(start, end, text)`` for every sentence of ``text``, in order."""
    out: list[tuple[int, int, str]] = []
    for a, b in _blocks(text):
        for s, e in _split_block(text, a, b):
            for s2, e2 in _cap_length(text, s, e, max_chars):
                s3, e3 = _strip(text, s2, e2)
                if s3 < e3:
                    out.append((s3, e3, text[s3:e3]))
    return out


def _blocks(text: str) -> list[tuple[int, int]]:
    """Paragraphs, and single lines unless the line break looks like hard wrapping."""
    cuts = [0]
    for m in _LINE_BREAK.finditer(text):
        i = m.start()
        if _BLANK_LINES.match(text, i) or not _continues(text, i):
            cuts.append(i + 1)
    cuts.append(len(text))
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if a < b]


def _continues(text: str, nl: int) -> bool:
    i = nl - 1
    while i >= 0 and text[i] in " \t\r":
        i -= 1
    j = nl + 1
    while j < len(text) and text[j] in " \t":
        j += 1
    if i < 0 or j >= len(text):
        return False
    return text[j].islower() or text[i] in ",;:-–—"


def _split_block(text: str, a: int, b: int) -> list[tuple[int, int]]:
    quotes = _quote_spans(text, a, b)
    spans, start = [], a
    for m in _CANDIDATE.finditer(text, a, b):
        if m.group("cjk"):
            spans.append((start, m.end()))
            start = m.end()
            continue
        nxt = m.end()
        if nxt >= b or not _may_start(text[nxt]):
            continue
        if _inside(quotes, m.start(), m.end()):
            continue  # inside a quotation that closes later
        if any(c in _QUOTE_CLOSERS for c in m.group("q")) and _ATTRIBUTION.match(text, nxt, b):
            continue  # "..." Marles said.
        if not _ends_sentence(text, a, m.start(), m.group("p"), nxt):
            continue
        spans.append((start, m.start("ws")))
        start = m.start("ws")
    spans.append((start, b))
    return spans


def _may_start(ch: str) -> bool:
    return ch.isupper() or ch.isdigit() or ch in _OPENERS


def _ends_sentence(text: str, block_start: int, p: int, punct: str, nxt: int) -> bool:
    if punct != ".":
        return True  # ! ? … and "..." (outside quotes) end a sentence before a capital
    i = p
    while i > block_start and not text[i - 1].isspace():
        i -= 1
    token = text[i:p].lstrip(_OPENERS)
    if not token:
        return True
    if token in ABBREVIATIONS or _DOTTED.match(token):
        return False
    if token in LIST_ENDERS:
        return text[nxt].isupper()
    if len(token) == 1 and token.isalpha() and token.isupper():
        return False  # an initial: "J. Smith", "H. Agus"
    if token.isdigit() and len(token) <= 2 and _next_word(text, nxt) in _MONTHS:
        return False  # "3. Oktober"
    return True


def _next_word(text: str, i: int) -> str:
    m = re.match(r"[^\W\d_]+", text[i : i + 20])
    return m.group(0) if m else ""


_QUOTE_CHARS = re.compile("[“”«»\"]")


def _quote_spans(text: str, a: int, b: int) -> list[list[tuple[int, int]]]:
    """Balanced quotations in text[a:b] as (open, close) positions, one sorted list per kind
    (curly, guillemets, straight); spans of one kind never overlap."""
    curly: list[tuple[int, int]] = []
    guil: list[tuple[int, int]] = []
    straight: list[tuple[int, int]] = []
    open_curly = open_straight = open_guil = None
    for m in _QUOTE_CHARS.finditer(text, a, b):
        i, ch = m.start(), m.group()
        if ch == "“":
            open_curly = i
        elif ch == "”" and open_curly is not None:
            if i - open_curly <= MAX_QUOTE_CHARS:
                curly.append((open_curly, i))
            open_curly = None
        elif ch == "«":
            open_guil = i
        elif ch == "»" and open_guil is not None:
            if i - open_guil <= MAX_QUOTE_CHARS:
                guil.append((open_guil, i))
            open_guil = None
        elif ch == '"':
            if open_straight is None:
                open_straight = i
            else:
                if i - open_straight <= MAX_QUOTE_CHARS:
                    straight.append((open_straight, i))
                open_straight = None
    return [curly, guil, straight]


def _inside(quotes: list[list[tuple[int, int]]], p: int, end: int) -> bool:
    """Is position ``p`` inside a quotation whose closing mark comes at or after ``end``?"""
    for spans in quotes:
        k = bisect.bisect_left(spans, (p, -1)) - 1  # last span opening before p
        if k >= 0 and spans[k][1] >= end:
            return True
    return False


def _cap_length(text: str, s: int, e: int, max_chars: int) -> list[tuple[int, int]]:
    """Cut an over-long span at '; ', then ', ', then a space (never before a quarter of the limit)."""
    out = []
    while e - s > max_chars:
        window = text[s : s + max_chars]
        cut = -1
        for sep in (";", ",", " "):
            k = window.rfind(sep)
            if k > max_chars // 4:
                cut = s + k + (0 if sep == " " else 1)
                break
        if cut <= s:
            cut = s + max_chars
        out.append((s, cut))
        s = cut
    out.append((s, e))
    return out


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e
