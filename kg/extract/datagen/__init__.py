"""Training-data generator: name lists, per-language templates, assembly into annotated sentences.

``generate(n, seed)`` yields annotated synthetic sentences; ``load_ner()`` adds the Indonesian NER
corpora from ``../shared/data/ner-id`` for the mention head.
"""

from __future__ import annotations

import random

from kg.extract.datagen.builder import KINDS, MENTION_TYPES, MODALITIES, ROLES, Example

LANG_WEIGHTS = {"id": 0.42, "en": 0.28, "ms": 0.09, "fr": 0.07, "de": 0.07, "es": 0.07}


def generate(n: int, seed: int = 0, data_dir=None, real_context: bool = True) -> list[Example]:
    """``n`` synthetic annotated sentences, reproducible from ``seed``.

    With ``real_context`` some sentences get a real (event-free) NER sentence glued around them.
    """
    from kg.extract.datagen.assemble import Generator

    rng = random.Random(seed)
    ner = []
    if real_context:
        try:
            ner = load_ner(data_dir)
        except OSError:
            ner = []
    g = Generator(rng, data_dir, ner=ner)
    langs, weights = zip(*LANG_WEIGHTS.items())
    return [g.sentence(rng.choices(langs, weights)[0]) for _ in range(n)]


def load_ner(data_dir=None, repeat: int = 1, splits=("nergrit-train", "nergrit-valid", "nerp-train")):
    """The Indonesian NER sentences, each listed ``repeat`` times (to weigh real text up)."""
    from kg.extract.datagen.ner import load_ner as _load

    return _load(data_dir, splits=tuple(splits)) * repeat


__all__ = ["generate", "load_ner", "Example", "ROLES", "MENTION_TYPES", "MODALITIES", "KINDS"]
