"""The network: a transformer encoder with four heads.

- mention head: BIO over PER/ORG/CTRY/LOC (softmax per token)
- role head: for each role (AGENT, COUNT, ..., T_DEP, T_STMT, T_AGR) a *begin* and an *inside*
  sigmoid per token, so roles may overlap (a speaker who is also the claimant)
- modality head: Asserted/Possible/Planned/Denied, read at the first token of each trigger
- kind head: which event kinds the sentence holds (sigmoid per kind, masked-mean pooled)
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import torch
import torch.nn.functional as F
from torch import nn
from transformers import AutoConfig, AutoModel, PreTrainedModel

from kg.extract.config import WartaExtractorConfig
from kg.extract.encoders import base_dir


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

    @classmethod
    def load(cls, path: str | Path) -> "WartaExtractorModel":
        """``from_pretrained`` plus the parameters the checkpoint takes from its base encoder
        (``config.from_base``, e.g. the 250k-piece word embeddings of multilingual-e5-small),
        read from the base directory that :func:`kg.extract.encoders.base_dir` names."""
        model = cls.from_pretrained(str(path))
        if model.config.from_base:
            model.attach_base(base_dir(model.config.base_encoder))
        return model

    def attach_base(self, base: Path) -> None:
        """Copy ``config.from_base`` parameters from a Hugging Face encoder directory."""
        from safetensors import safe_open

        files = sorted(Path(base).glob("*.safetensors"))
        if not files:
            raise FileNotFoundError(f"{base}: no .safetensors weights in the base encoder directory")
        own = dict(self.encoder.named_parameters())
        wanted = [k for k in own if any(k.startswith(p) for p in self.config.from_base)]
        found: dict[str, torch.Tensor] = {}
        for f in files:
            with safe_open(str(f), framework="pt") as st:
                for key in st.keys():
                    for k in wanted:  # "embeddings.word_embeddings.weight" or "bert.embeddings..."
                        if k not in found and (key == k or key.endswith("." + k)):
                            found[k] = st.get_tensor(key)
        missing = [k for k in wanted if k not in found]
        if missing:
            raise KeyError(f"{base}: the base encoder lacks {missing}")
        with torch.no_grad():
            for k, v in found.items():
                if tuple(v.shape) != tuple(own[k].shape):
                    raise ValueError(f"{base}: {k} has shape {tuple(v.shape)}, the checkpoint expects {tuple(own[k].shape)}")
                own[k].copy_(v.to(own[k].dtype))

    def own_state_dict(self) -> dict[str, torch.Tensor]:
        """The parameters a checkpoint stores: all but those taken from the base."""
        skip = tuple("encoder." + p for p in self.config.from_base)
        return {k: v for k, v in self.state_dict().items() if not k.startswith(skip)}

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
