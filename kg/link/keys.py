"""Name normalisation and store-wide actor keys: pure functions shared by every linker.

A key is ``"Q423"`` when a mention is linked to Wikidata, else ``"<type-lower>/<slug>"`` where
the slug merges spelling variants of one name (case, diacritics, hyphens, y/i, doubled
letters) after titles are stripped. Different people who share a surname keep different keys:
only the full name goes into the slug.

>>> fallback_key("Person", "Presiden Volodymyr Zelenskyy")
'person/volodimir-zelenski'
>>> fallback_key("Person", "Zelensky") == fallback_key("Person", "Zelenski") == fallback_key("Person", "ZELENSKYY")
True
>>> fallback_key("Person", "Choe Son-hui") == fallback_key("Person", "Choe Son Hui")
True
>>> fallback_key("Person", "Kim Jong Un") == fallback_key("Person", "Kim Yo Jong")
False
"""

from __future__ import annotations

import re
import unicodedata

# Letters that NFKD does not decompose into base + combining mark.
_SPECIAL = str.maketrans(
    {
        "ß": "ss",
        "ø": "o",
        "Ø": "o",
        "ł": "l",
        "Ł": "l",
        "đ": "d",
        "Đ": "d",
        "ı": "i",
        "æ": "ae",
        "œ": "oe",
        "þ": "th",
        "’": "",
        "'": "",
        "ʼ": "",
        "`": "",
        "ʻ": "",
    }
)
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
_QID = re.compile(r"^Q[1-9][0-9]*$")

# Titles, honorifics and office words stripped from the front of a name (folded, multi-word
# first). Indonesian, Malay, English, French, German, Spanish. Role *meaning* lives in
# kg.link.context; here they only have to go so that "Presiden Putin" keys like "Putin".
TITLES: tuple[str, ...] = tuple(
    sorted(
        {
            # Indonesian / Malay
            "presiden", "wakil presiden", "perdana menteri", "menteri", "menteri luar negeri",
            "menteri pertahanan", "menteri dalam negeri", "menlu", "menhan", "juru bicara",
            "jubir", "kanselir", "pemimpin", "pemimpin tertinggi", "ketua", "kepala", "direktur",
            "sekretaris jenderal", "sekjen", "sekretaris", "duta besar", "dubes", "jenderal",
            "letnan jenderal", "mayor jenderal", "brigadir jenderal", "kolonel", "laksamana",
            "marsekal", "kapten", "mayor", "letnan", "panglima", "raja", "ratu", "pangeran",
            "bapak", "pak", "ibu", "bu", "tuan", "nyonya", "saudara", "anggota parlemen",
            "senator", "gubernur", "walikota", "wali kota", "analis", "pakar", "profesor",
            "perdana", "yang mulia", "datuk", "dato", "tun", "tan sri",
            # English
            "president", "vice president", "prime minister", "minister", "foreign minister",
            "defence minister", "defense minister", "defense secretary", "defence secretary",
            "secretary of state", "secretary", "secretary general", "secretary-general",
            "spokesman", "spokeswoman", "spokesperson", "chancellor", "leader", "supreme leader",
            "chairman", "chair", "king", "queen", "prince", "princess", "sir", "dame", "lord",
            "general", "gen", "lt gen", "lieutenant general", "major general", "colonel", "col",
            "admiral", "adm", "captain", "capt", "major", "lieutenant", "sergeant", "marshal",
            "mr", "mrs", "ms", "dr", "prof", "professor", "rev",
            "ambassador", "governor", "mayor", "senator", "director", "chief", "commander",
            "premier", "president-elect",
            # French / German / Spanish
            "m", "mme", "monsieur", "madame", "le president", "la presidente", "ministre",
            "herr", "frau", "bundeskanzler", "kanzler", "kanzlerin", "prasident", "presidente",
            "senor", "senora", "ministro",
        }
        | {"the"},
        key=lambda t: -len(t.split()),
    )
)
_TITLE_SET = frozenset(TITLES)
_MAX_TITLE_TOKENS = max(len(t.split()) for t in TITLES)


def fold(text: str) -> str:
    """Lower-case, strip diacritics and punctuation, collapse spaces.

    >>> fold("  Yoon Suk-yeol ")
    'yoon suk yeol'
    >>> fold("Chișinău, Müller's Straße")
    'chisinau mullers strasse'
    >>> fold("Korea Utara") == fold("KOREA  UTARA")
    True
    """
    t = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    t = "".join(ch for ch in t if not unicodedata.combining(ch))
    t = t.translate(_SPECIAL).casefold()
    return " ".join(_NON_WORD.sub(" ", t).replace("_", " ").split())


def tokens(text: str) -> list[str]:
    """Folded tokens of ``text``.

    >>> tokens("Kim Jong-un")
    ['kim', 'jong', 'un']
    """
    return fold(text).split()


def strip_titles(text: str, skip_after_title: frozenset[str] = frozenset()) -> str:
    """Drop leading titles ("Presiden", "Menteri Luar Negeri Rusia", "Mr.", "Dr.", "Jenderal").

    ``skip_after_title`` holds folded words that may sit between a title and the name, such as
    country names ("Menteri Luar Negeri *Rusia* Sergey Lavrov"); linkers pass the country forms
    of their index. Returns folded text; a name that is only a title is returned unchanged.

    >>> strip_titles("Presiden Vladimir Putin")
    'vladimir putin'
    >>> strip_titles("Menteri Luar Negeri Rusia Sergey Lavrov", frozenset({"rusia"}))
    'sergey lavrov'
    >>> strip_titles("Russian Foreign Minister Sergey Lavrov", frozenset({"russian"}))
    'sergey lavrov'
    >>> strip_titles("Mr. Blinken")
    'blinken'
    >>> strip_titles("Presiden")
    'presiden'
    """
    toks = tokens(text)
    changed = True
    stripped_any = False
    if skip_after_title:  # "Russian Foreign Minister Sergey Lavrov": a country word, then a title
        for n in range(min(4, len(toks) - 2), 0, -1):
            rest = toks[n:]
            if " ".join(toks[:n]) in skip_after_title and any(
                " ".join(rest[:m]) in _TITLE_SET for m in range(1, min(_MAX_TITLE_TOKENS, len(rest) - 1) + 1)
            ):
                toks = rest
                break
    while changed and len(toks) > 1:
        changed = False
        for n in range(min(_MAX_TITLE_TOKENS, len(toks) - 1), 0, -1):
            if " ".join(toks[:n]) in _TITLE_SET:
                toks = toks[n:]
                changed = stripped_any = True
                break
        if not changed and stripped_any and skip_after_title:
            for n in range(min(4, len(toks) - 1), 0, -1):
                if " ".join(toks[:n]) in skip_after_title:
                    toks = toks[n:]
                    changed = True
                    break
    return " ".join(toks) if toks else fold(text)


def phonetic_token(tok: str) -> str:
    """Merge common transliteration variants inside one folded token.

    y -> i, "j" kept, doubled letters collapsed ("zelenskyy" -> "zelenski").

    >>> [phonetic_token(t) for t in ("zelenskyy", "zelensky", "zelenski", "sergey", "sergei")]
    ['zelenski', 'zelenski', 'zelenski', 'sergei', 'sergei']
    >>> phonetic_token("orysia") == phonetic_token("orisya")
    True
    """
    t = tok.replace("y", "i")
    return re.sub(r"(.)\1+", r"\1", t)


def name_key(
    text: str, skip_after_title: frozenset[str] = frozenset(), *, phonetic: bool = True
) -> str:
    """The variant-merging form of a name: titles stripped, tokens phonetically folded, joined by '-'.

    >>> name_key("Dr. Orysia Lutsevych") == name_key("Orisya Lutsevich")
    True
    >>> name_key("The Washington Post", phonetic=False)
    'washington-post'
    """
    toks = strip_titles(text, skip_after_title).split()
    return "-".join(phonetic_token(t) if phonetic else t for t in toks)


def slug(text: str) -> str:
    """A plain slug (folded, hyphen-joined) without phonetic merging.

    >>> slug("Korea Utara")
    'korea-utara'
    """
    return "-".join(tokens(text))


def fallback_key(type_: str, text: str, skip_after_title: frozenset[str] = frozenset()) -> str:
    """``"<type-lower>/<name_key>"``: the key of an actor that is not linked to Wikidata.

    Organization names keep their spelling (only case, diacritics, hyphens and titles are
    folded); names of people and places also merge transliteration variants.

    >>> fallback_key("Organization", "the Korean Central News Agency")
    'organization/korean-central-news-agency'
    >>> fallback_key("Place", "Chasiv Yar")
    'place/chasiv-iar'
    """
    nk = name_key(text, skip_after_title, phonetic=type_ != "Organization") or slug(text) or "unnamed"
    return f"{type_.lower()}/{nk}"


def is_qid(value: str | None) -> bool:
    """True for a Wikidata item id such as ``"Q423"``.

    >>> is_qid("Q423"), is_qid("q423"), is_qid("person/kim")
    (True, False, False)
    """
    return bool(value) and bool(_QID.match(value or ""))


def qid_number(qid: str) -> int:
    """Numeric part of a QID, for stable ordering.

    >>> qid_number("Q159")
    159
    """
    return int(qid[1:]) if is_qid(qid) else 1 << 62


def token_contained(short: str, full: str) -> bool:
    """True when every phonetic token of ``short`` appears among those of ``full`` (surname coreference).

    >>> token_contained("Zelensky", "Volodymyr Zelenskyy")
    True
    >>> token_contained("Kim", "Choe Son Hui")
    False
    >>> token_contained("Putin", "Putin")
    False
    """
    s = [phonetic_token(t) for t in tokens(short)]
    f = [phonetic_token(t) for t in tokens(full)]
    return bool(s) and len(f) > len(s) and all(t in f for t in s)


def is_acronym(text: str) -> bool:
    """Short all-capital forms ("AS", "NIS", "KCNA") that must match case-sensitively.

    >>> is_acronym("AS"), is_acronym("As"), is_acronym("NATO"), is_acronym("Korea")
    (True, False, True, False)
    """
    t = text.replace(".", "").replace("-", "")
    return 1 < len(t) <= 6 and t.isalpha() and t.isupper()
