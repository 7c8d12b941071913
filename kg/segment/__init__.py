"""Sentence segmentation: cleaned article text -> ``Sentence`` spans with exact offsets.

The built-in segmenter is :class:`~kg.segment.rules.RuleSegmenter` (``kg.segmenter.rules.v1``).
"""

from kg.segment.rules import RuleSegmenter, split_sentences

__all__ = ["RuleSegmenter", "split_sentences"]
