"""The network: a transformer encoder with four heads.

- mention head: BIO over PER/ORG/CTRY/LOC (softmax per token)
- role head: for each role (AGENT, COUNT, ..., T_DEP, T_STMT, T_AGR) a *begin* and an *inside*
  sigmoid per token, so roles may overlap (a speaker who is also the claimant)
- modality head: Asserted/Possible/Planned/Denied, read at the first token of each trigger
- kind head: which event kinds the sentence holds (sigmoid per kind, masked-mean pooled)
"""

from __future__ import annotations

from typing import Optional

import torch
import torch.nn.functional as F
from torch import nn
from transformers import AutoConfig, AutoModel, PreTrainedModel

from kg.extract.config import WartaExtractorConfig


def build_encoder(encoder: dict) -> nn.Module:
    cfg = dict(encoder)
    model_type = cfg.pop("model_type")
    enc_cfg = AutoConfig.for_model(model_type, **cfg)
    try:
        return AutoModel.from_config(enc_cfg, add_pooling_layer=False)
    except TypeError:
        return AutoModel.from_config(enc_cfg)


class WartaExtractorModel(PreTrainedModel):
    config_class = WartaExtractorConfig
    base_model_prefix = "warta"
    main_input_name = "input_ids"

    def __init__(self, config: WartaExtractorConfig):
        super().__init__(config)
        self.encoder = build_encoder(config.encoder)
        h = self.encoder.config.hidden_size
        self.dropout = nn.Dropout(config.head_dropout)
        self.mention_head = nn.Linear(h, len(config.mention_labels))
        self.role_head = nn.Linear(h, 2 * len(config.roles))
        self.modality_head = nn.Linear(h, len(config.modalities))
        self.kind_head = nn.Linear(h, len(config.kinds))
        self.post_init()

    def _init_weights(self, module: nn.Module) -> None:
        if isinstance(module, nn.Linear):
            module.weight.data.normal_(0.0, 0.02)
            if module.bias is not None:
                module.bias.data.zero_()
        elif isinstance(module, nn.Embedding):
            module.weight.data.normal_(0.0, 0.02)
        elif isinstance(module, nn.LayerNorm):
            module.weight.data.fill_(1.0)
            module.bias.data.zero_()

    def forward(
        self,
        input_ids: torch.Tensor,
        attention_mask: torch.Tensor,
        mention_labels: Optional[torch.Tensor] = None,
        role_labels: Optional[torch.Tensor] = None,
        modality_labels: Optional[torch.Tensor] = None,
        kind_labels: Optional[torch.Tensor] = None,
        full: Optional[torch.Tensor] = None,
    ) -> dict[str, torch.Tensor]:
        hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        x = self.dropout(hidden)
        out = {
            "mention_logits": self.mention_head(x),
            "role_logits": self.role_head(x),
            "modality_logits": self.modality_head(x),
        }
        mask = attention_mask.unsqueeze(-1).to(x.dtype)
        pooled = (x * mask).sum(1) / mask.sum(1).clamp(min=1.0)
        out["kind_logits"] = self.kind_head(pooled)
        if mention_labels is not None:
            out.update(self.losses(out, attention_mask, mention_labels, role_labels, modality_labels, kind_labels, full))
        return out

    @staticmethod
    def losses(out, attention_mask, mention_labels, role_labels, modality_labels, kind_labels, full):
        ml = F.cross_entropy(out["mention_logits"].flatten(0, 1), mention_labels.flatten(), ignore_index=-100)
        tok = (attention_mask.bool() & full.bool().unsqueeze(1)).unsqueeze(-1).float()
        n_tok = tok.sum().clamp(min=1.0)
        rl = (F.binary_cross_entropy_with_logits(out["role_logits"], role_labels.float(), reduction="none") * tok).sum() / n_tok
        if (modality_labels != -100).any():
            mo = F.cross_entropy(out["modality_logits"].flatten(0, 1), modality_labels.flatten(), ignore_index=-100)
        else:
            mo = out["modality_logits"].sum() * 0.0
        fk = full.float().unsqueeze(-1)
        kl = (F.binary_cross_entropy_with_logits(out["kind_logits"], kind_labels.float(), reduction="none") * fk).sum() / fk.sum().clamp(min=1.0)
        loss = ml + rl + 0.5 * mo + 0.5 * kl
        return {"loss": loss, "loss_mention": ml.detach(), "loss_role": rl.detach(), "loss_modality": mo.detach(), "loss_kind": kl.detach()}
