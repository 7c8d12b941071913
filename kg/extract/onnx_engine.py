"""The extractor's forward pass on ONNX Runtime (``engine = "onnx"``; the default where the
forward pass runs in fp32).

A checkpoint (our heads on their base encoder) is exported once to ONNX with torch's own exporter
and cached beside the base encoder, in ``$XDG_CACHE_HOME/warta/onnx/`` (``~/.cache/warta``), under
a name made of the checkpoint's version (the sha256 of its weights and decoding config), its base
encoder and the torch version: a retrained checkpoint, another base or another exporter gets a
file of its own, and a build never exports twice. ``make install`` exports the registered models
(``python -m kg.extract.onnx_engine e5 small``); any other checkpoint is exported on first use. The file is written under a temporary name
and renamed, so processes that start together (Ray workers) never read half a file.

The same fixed shapes as the torch path go in (``batch_size`` windows, lengths padded to a
multiple of 8), and the outputs are the same logits, to about 1e-5: the decoder reads them as it
reads torch's. Any local Hugging Face encoder the checkpoint was trained on exports the same
way, through the checkpoint's own ``forward``.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import tempfile
import warnings
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

OPSET = 17
OUTPUTS = ("mention_logits", "role_logits", "modality_logits", "kind_logits")
EXPORT_FORMAT = 1  # bump when the exported graph's inputs or outputs change


@functools.lru_cache(maxsize=1)
def available() -> bool:
    """True when onnxruntime (a declared dependency) imports."""
    try:
        import onnxruntime  # noqa: F401
    except Exception:  # noqa: BLE001 - a broken install: the torch engine runs instead
        return False
    return True


def cache_root() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "warta" / "onnx"


def cache_path(version: str, base_encoder: Any) -> Path:
    """Where the export of checkpoint ``version`` on ``base_encoder`` lives.

    >>> cache_path("warta-extractor-e5 3.6.1 (d201b7f4)", {"name": "multilingual-e5-small"}).name[:23]
    'warta-extractor-e5-3.6.'
    """
    import torch

    blob = json.dumps({"version": version, "base": base_encoder, "torch": torch.__version__,
                       "opset": OPSET, "format": EXPORT_FORMAT}, sort_keys=True, default=str)
    slug = "".join(c if c.isalnum() or c in ".-" else "-" for c in version.split(" (")[0].replace(" ", "-"))
    return cache_root() / f"{slug}-{hashlib.sha256(blob.encode()).hexdigest()[:16]}.onnx"


def _logits_module(model):
    """``model`` as a module of (input_ids, attention_mask) returning the four logits."""
    import torch

    class Logits(torch.nn.Module):
        def __init__(self, m):
            super().__init__()
            self.m = m

        def forward(self, input_ids, attention_mask):
            out = self.m(input_ids=input_ids, attention_mask=attention_mask)
            return tuple(out[k] for k in OUTPUTS)

    return Logits(model).eval()


def export(model, path: Path, pad_id: int = 1) -> Path:
    """Export ``model`` (a ``WartaExtractorModel`` in fp32) to ``path``; batch size and length stay
    free. Written to a temporary file in the same folder, then renamed."""
    import torch

    path.parent.mkdir(parents=True, exist_ok=True)
    ids = torch.full((2, 16), 5, dtype=torch.long)
    ids[1, 12:] = pad_id
    mask = torch.ones_like(ids)
    mask[1, 12:] = 0
    fd, tmp = tempfile.mkstemp(suffix=".onnx.part", dir=path.parent)
    os.close(fd)
    try:
        with warnings.catch_warnings(), torch.inference_mode(False), torch.no_grad():
            warnings.simplefilter("ignore")  # the TorchScript exporter's tracer warnings
            torch.onnx.export(_logits_module(model), (ids, mask), tmp, input_names=["input_ids", "attention_mask"],
                              output_names=list(OUTPUTS), opset_version=OPSET, dynamo=False,
                              dynamic_axes={"input_ids": {0: "batch", 1: "length"},
                                            "attention_mask": {0: "batch", 1: "length"}})
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    log.info("exported the extractor to %s", path)
    return path


class OnnxForward:
    """``forward(input_ids=..., attention_mask=...)`` -> the four logits as torch tensors, run by an
    ONNX Runtime session on the exported file."""

    def __init__(self, path: Path, threads: int = 0):
        import onnxruntime as ort

        so = ort.SessionOptions()
        so.intra_op_num_threads = max(0, int(threads or 0))  # 0: one per physical core
        so.inter_op_num_threads = 1
        so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        so.log_severity_level = 3
        self.path = path
        self.session = ort.InferenceSession(str(path), so, providers=["CPUExecutionProvider"])

    def __call__(self, input_ids, attention_mask) -> dict:
        import numpy as np
        import torch

        feed = {"input_ids": np.ascontiguousarray(input_ids.numpy(), dtype=np.int64),
                "attention_mask": np.ascontiguousarray(attention_mask.numpy(), dtype=np.int64)}
        return {k: torch.from_numpy(v) for k, v in zip(OUTPUTS, self.session.run(list(OUTPUTS), feed))}


def ensure(model: str = "e5") -> Path:
    """Export registered model ``model`` (or a checkpoint directory) if its export is not cached;
    its path."""
    from kg.config import Config
    from kg.extract.extractor import TransformerExtractor

    lm = TransformerExtractor(Config().replace(model=model, precision="fp32", engine="onnx"))._loaded()
    return lm.forward.path


if __name__ == "__main__":  # `make install`: python -m kg.extract.onnx_engine e5 small
    import sys

    for name in sys.argv[1:] or ["e5"]:
        print(ensure(name))
