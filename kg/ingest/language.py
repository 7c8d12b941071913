"""Language identification with py3langid (its model ships inside the package: no download).

The classifier is restricted to *plausible* news languages: the configured ``languages`` plus a
fixed list of widely published ones. Restricting keeps Indonesian from being labelled as a
close regional language (Javanese, Acehnese), while a Russian or Dutch article is still
recognised as such and not forced into one of the supported languages.

Policy (see :func:`language_warning`): an article in a language outside ``config.languages``,
or one whose language cannot be identified (``"und"``), is still ingested, with a warning in
``Article.provenance["warning"]``; extraction on it may be poor.

>>> detect_language("Pasukan perdamaian Indonesia tiba di Lebanon selatan pada hari Kamis, kata juru bicara TNI.")[0]
'id'
>>> detect_language("12 345 678")[0]
'und'
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

# Widely published languages py3langid knows, besides the configured ones.
PLAUSIBLE: tuple[str, ...] = (
    "id", "en", "ms", "fr", "de", "es", "nl", "it", "pt", "tl", "vi", "th", "ru", "uk", "pl",
    "tr", "ar", "fa", "he", "hi", "bn", "ur", "zh", "ja", "ko", "sv", "no", "da", "fi", "cs",
    "ro", "hu", "el", "sw",
)  # fmt: skip
MIN_LETTERS = 20  # fewer letters than this cannot be identified reliably
MIN_CONFIDENCE = 0.5  # normalised probability below which the answer is "und"
SAMPLE_CHARS = 5000  # classify the first few thousand characters: enough and fast

_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


@lru_cache(maxsize=8)
def _identifier(langs: tuple[str, ...]):
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    known = set(ident.nb_classes)
    ident.set_languages(sorted(lang for lang in langs if lang in known))
    return ident


def detect_language(text: str, languages: Iterable[str] = ()) -> tuple[str, float]:
    """Return ``(lang, confidence)``: a primary language tag or ``"und"`` and its probability.

    ``languages`` (the configured ones) are always among the candidates.
    """
    sample = text[:SAMPLE_CHARS]
    if len(_LETTER.findall(sample)) < MIN_LETTERS:
        return "und", 0.0
    candidates = tuple(sorted(set(PLAUSIBLE) | {normalise_tag(lang) for lang in languages}))
    lang, prob = _identifier(candidates).classify(sample)
    if prob < MIN_CONFIDENCE:
        return "und", float(prob)
    return str(lang), float(prob)


def normalise_tag(tag: str) -> str:
    """BCP-47 primary subtag, lower case: ``"id-ID"`` -> ``"id"``, ``"EN_us"`` -> ``"en"``.

    >>> normalise_tag("id-ID"), normalise_tag(" EN_us ")
    ('id', 'en')
    """
    return re.split(r"[-_]", tag.strip(), maxsplit=1)[0].lower()


def language_warning(lang: str, languages: Iterable[str]) -> str | None:
    """The warning attached to an article in ``lang``, or None when it is supported.

    >>> language_warning("ru", ("id", "en"))
    "language 'ru' is not supported; extraction may be poor"
    >>> language_warning("id", ("id", "en")) is None
    True
    """
    if lang == "und":
        return "language could not be identified ('und'); extraction may be poor"
    if lang not in set(languages):
        return f"language '{lang}' is not supported; extraction may be poor"
    return None
