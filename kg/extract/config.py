"""The model's configuration: a transformers ``PretrainedConfig`` (model_type ``warta-extractor``).

The encoder is described by ``encoder`` (any Hugging Face encoder config as a dict), so the same
heads sit on a from-scratch BERT or on a fine-tuned local encoder (``--base-model``).
"""

from __future__ import annotations

from typing import Any, Optional

from transformers import PretrainedConfig

MENTION_TYPES = ("PER", "ORG", "CTRY", "LOC")
ROLES = ("AGENT", "COUNT", "DEST", "SUPPORT", "UNIT", "SPEAKER", "CONTENT", "PARTY", "AGR_NAME",
         "CLAIMANT", "DATE", "T_DEP", "T_STMT", "T_AGR")
MODALITIES = ("Asserted", "Possible", "Planned", "Denied")
KINDS = ("Deployment", "Statement", "Agreement")
# the decoder's decision thresholds (a checkpoint's config.thresholds overrides them)
DEFAULT_THRESHOLDS = {
    "min_mention_score": 0.7,  # a tagged name below this is kept only if an event uses it
    "role": 0.5,  # begin/inside sigmoid that opens or continues a role span
    "trigger_sure": 0.9,  # a trigger this sure needs no support from the sentence-kind head
    "kind": 0.25,  # the sentence-kind head's support for a hesitant trigger
    "kind_count_trigger": 0.2,  # ... for a deployment made from a count without a trigger
    "kind_sure": 0.8,  # ... for a statement whose trigger the head missed
    "kind_agreement_parties": 0.5,  # ... for an agreement made from two tagged parties
    "agreement_sure": 0.95,  # an agreement trigger this sure stands without the kind head
    "sure_agent": 0.8,  # an agent span below this yields to "pasukan X" (agent-backstops)
    "german_name_sure": 0.9,  # a German capitalised word tagged this sure is a name (german-nouns)
    "carry_over_sentences": 3,  # how far back a deployment's agent carries to one with none (carry-over-agent)
    "carry_over_needs_count": 0,  # 1: only a counted deployment takes a carried-over agent
    "context_party_needs_party": 1,  # 1: the context-party classifier only completes an agreement one party of which is tagged
}


def mention_labels(types: tuple[str, ...] = MENTION_TYPES) -> list[str]:
    """BIO labels: ``["O", "B-PER", "I-PER", ...]``.

    >>> mention_labels(("PER",))
    ['O', 'B-PER', 'I-PER']
    """
    return ["O"] + [f"{p}-{t}" for t in types for p in ("B", "I")]


class WartaExtractorConfig(PretrainedConfig):
    model_type = "warta-extractor"

    def __init__(
        self,
        encoder: Optional[dict[str, Any]] = None,
        mention_types: tuple[str, ...] | list[str] = MENTION_TYPES,
        roles: tuple[str, ...] | list[str] = ROLES,
        modalities: tuple[str, ...] | list[str] = MODALITIES,
        kinds: tuple[str, ...] | list[str] = KINDS,
        window_tokens: int = 128,
        head_dropout: float = 0.1,
        model_name: str = "warta-extractor-small",
        model_version: str = "2.0",
        base_encoder: Optional[dict[str, Any]] = None,
        from_base: tuple[str, ...] | list[str] = (),
        thresholds: Optional[dict[str, float]] = None,
        context_agent: Optional[dict[str, Any]] = None,
        context_party: Optional[dict[str, Any]] = None,
        **kwargs: Any,
    ):
        self.encoder = encoder or small_bert_encoder()
        self.mention_types = list(mention_types)
        self.roles = list(roles)
        self.modalities = list(modalities)
        self.kinds = list(kinds)
        self.window_tokens = window_tokens
        self.head_dropout = head_dropout
        self.model_name = model_name
        self.model_version = model_version
        # the pretrained encoder under the heads: {"name": "multilingual-e5-small", ...} (built
        # from its package by kg.extract.encoders) or {"path": "/local/hf/encoder"}; None when
        # the checkpoint is self-contained (warta-extractor-small)
        self.base_encoder = base_encoder
        # encoder parameters not stored in the checkpoint: read from the base when loading
        self.from_base = list(from_base)
        # decision thresholds the decoder uses (tuned on the dev splits, kept with the weights)
        self.thresholds = {**DEFAULT_THRESHOLDS, **(thresholds or {})}
        # the context-agent classifier's weights (kg.extract.context_agent; scripts/train_context_agent.py), or None
        self.context_agent = context_agent
        # the same model's weights for an agreement's untagged parties, or None
        self.context_party = context_party
        super().__init__(**kwargs)

    @property
    def mention_labels(self) -> list[str]:
        return mention_labels(tuple(self.mention_types))


def small_bert_encoder(vocab_size: int = 8000, hidden: int = 256, layers: int = 4, heads: int = 4,
                       intermediate: int = 768, max_position: int = 256) -> dict[str, Any]:
    """The from-scratch encoder of warta-extractor-small, as a BertConfig dict."""
    return {
        "model_type": "bert", "vocab_size": vocab_size, "hidden_size": hidden, "num_hidden_layers": layers,
        "num_attention_heads": heads, "intermediate_size": intermediate, "max_position_embeddings": max_position,
        "hidden_dropout_prob": 0.1, "attention_probs_dropout_prob": 0.1, "type_vocab_size": 1, "pad_token_id": 0,
    }
