"""Extraction: our own multilingual transformer finds actors and events in sentences.

``config`` (PretrainedConfig) -> ``processor`` (text -> tensors with offsets) -> ``network``
(encoder + heads) -> ``decoder`` (spans -> doc.py Mentions/Events, with ``normalize`` for
numbers, qualifiers and dates). ``extractor.TransformerExtractor`` is the pipeline stage;
``train`` and ``datagen`` reproduce the shipped checkpoint. Importing this package does not load
torch.
"""

from __future__ import annotations

__all__ = ["TransformerExtractor"]


def __getattr__(name: str):
    if name == "TransformerExtractor":
        from kg.extract.extractor import TransformerExtractor

        return TransformerExtractor
    raise AttributeError(name)
