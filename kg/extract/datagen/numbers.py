"""Write troop counts the way each language's press does."""

from __future__ import annotations

import random

WORDS = {
    "id": ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas", "dua belas"],
    "en": ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"],
    "fr": ["", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze"],
    "de": ["", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf"],
    "es": ["", "un", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once", "doce"],
}
WORDS["ms"] = WORDS["id"][:8] + ["lapan"] + WORDS["id"][9:]
THOUSAND = {"id": "ribu", "ms": "ribu", "en": "thousand", "fr": "mille", "de": "tausend", "es": "mil"}
MILLION = {"id": "juta", "ms": "juta", "en": "million", "fr": "million", "de": "Millionen", "es": "millones"}


def sample_count(rng: random.Random) -> int:
    r = rng.random()
    if r < 0.35:
        return rng.choice([1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 70, 80, 100, 120, 150, 200]) * 1000
    if r < 0.55:
        return rng.randint(1, 99) * 100
    if r < 0.75:
        return rng.randint(10, 999) * 100
    if r < 0.9:
        return rng.randint(2, 900)
    return rng.choice([1, 2, 3]) * 1_000_000 + rng.choice([0, 500_000])


def group(n: int, sep: str) -> str:
    s = f"{n:,}"
    return s.replace(",", sep)


def format_count(n: int, lang: str, rng: random.Random) -> str:
    """Format ``n`` as digits or words in ``lang``'s conventions (a parseable local form)."""
    sep = {"id": ".", "ms": ",", "en": ",", "fr": "\u202f" if rng.random() < 0.2 else " ", "de": ".", "es": "."}[lang]
    r = rng.random()
    k, rem = divmod(n, 1000)
    if n >= 1_000_000 and r < 0.6:
        m = n / 1_000_000
        mtxt = (f"{m:g}".replace(".", "," if lang in ("id", "fr", "de", "es") else "."))
        word = MILLION[lang]
        if lang in ("fr",) and m >= 2:
            word = "millions"
        if lang == "de" and m == 1:
            word = "Million"
        return f"{mtxt} {word}"
    if rem == 0 and 1 <= k <= 12 and r < 0.3:
        if lang == "de":
            return (WORDS["de"][k] + "tausend") if k > 1 else "tausend"
        if lang in ("id", "ms") and k == 1:
            return "seribu"
        if lang in ("id", "ms") and k == 10 and rng.random() < 0.5:
            return "sepuluh ribu"
        if lang in ("fr", "es") and k == 1:
            return "mille" if lang == "fr" else "mil"
        return f"{WORDS[lang][k]} {THOUSAND[lang]}"
    if rem == 0 and k >= 1 and r < 0.45 and lang in ("id", "ms", "en"):
        return f"{k} {THOUSAND[lang]}"
    if lang == "ms" and rng.random() < 0.3:
        sep = "."
    if n < 10000 and rng.random() < 0.3 and lang in ("en", "fr", "es"):
        return str(n)
    return group(n, sep)
