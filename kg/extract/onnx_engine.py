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

import os

os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")  # read once, when onnxruntime loads

import functools
import hashlib
import json
import logging
import shutil
import tempfile
import warnings
from pathlib import Path
from typing import Any, Callable, Optional, Union

log = logging.getLogger(__name__)

OPSET = 17
OUTPUTS = ("mention_logits", "role_logits", "modality_logits", "kind_logits")
EXPORT_FORMAT = 2  # bump when the exported graph's inputs, outputs or layout change
GRAPH, DATA = "model.onnx", "model.onnx.data"
DECODING_KEYS = ("thresholds", "context_agent", "context_party")  # read by the decoder, not in the graph


def _ort():
    import onnxruntime as ort

    try:
        ort.disable_telemetry_events()
    except Exception:  # noqa: BLE001 - builds without telemetry have no switch
        pass
    return ort


@functools.lru_cache(maxsize=1)
def available() -> bool:
    """True when onnxruntime (a declared dependency) imports."""
    try:
        _ort()
    except Exception:  # noqa: BLE001 - a broken install: the torch engine runs instead
        return False
    return True


def cache_root() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "warta" / "onnx"


def _file_digest(path: Path) -> str:
    st = path.stat()
    return _digest(str(path.resolve()), st.st_size, st.st_mtime_ns)


@functools.lru_cache(maxsize=16)
def _digest(path: str, _size: int, _mtime_ns: int) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def export_key(path: Path) -> Optional[str]:
    """A hash of everything the exported graph depends on, or None for a checkpoint without
    ``model.safetensors`` (never cached)."""
    import kg
    import torch
    import transformers

    path = Path(path)
    weights = path / "model.safetensors"
    if not weights.is_file():
        return None
    cfg = json.loads((path / "config.json").read_text(encoding="utf-8"))
    for k in DECODING_KEYS:
        cfg.pop(k, None)
    base = cfg.get("base_encoder") or None
    base_files: list = []
    if isinstance(base, dict) and base.get("path"):
        bdir = Path(base["path"]).expanduser()
        base_files = [(f.name, f.stat().st_size, f.stat().st_mtime_ns)
                      for f in sorted(bdir.glob("*")) if f.is_file() and f.suffix in (".safetensors", ".bin", ".json")]
    blob = json.dumps({"weights": _file_digest(weights), "config": cfg, "base_files": base_files,
                       "torch": torch.__version__, "transformers": transformers.__version__, "warta": kg.__version__,
                       "opset": OPSET, "format": EXPORT_FORMAT}, sort_keys=True, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


def _slug(path: Path) -> str:
    cfg = json.loads((Path(path) / "config.json").read_text(encoding="utf-8"))
    name = f"{cfg.get('model_name', 'warta-extractor')}-{cfg.get('model_version', '0')}"
    return "".join(c if c.isalnum() or c in ".-" else "-" for c in name)


def cache_dir(path: Path) -> Optional[Path]:
    """The export folder of checkpoint ``path`` (None when it cannot be cached)."""
    key = export_key(path)
    return None if key is None else cache_root() / f"{_slug(path)}-{key}"


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


def export_bytes(model) -> bytes:
    """``model`` (a ``WartaExtractorModel`` in fp32) as a serialised ONNX model; batch size and
    length stay free."""
    import io

    import torch

    ids = torch.full((2, 16), 5, dtype=torch.long)
    mask = torch.ones_like(ids)
    mask[1, 12:] = 0
    buf = io.BytesIO()
    with warnings.catch_warnings(), torch.inference_mode(False), torch.no_grad():
        warnings.simplefilter("ignore")  # the TorchScript exporter's tracer warnings
        torch.onnx.export(_logits_module(model), (ids, mask), buf, input_names=["input_ids", "attention_mask"],
                          output_names=list(OUTPUTS), opset_version=OPSET, dynamo=False,
                          dynamic_axes={"input_ids": {0: "batch", 1: "length"},
                                        "attention_mask": {0: "batch", 1: "length"}})
    return buf.getvalue()


def write(proto: bytes, target: Path) -> Path:
    """Write an export into folder ``target`` (graph and weights apart), through a temporary
    folder renamed into place; another process's finished folder wins a race. Older exports of
    the same model name and version, and leftovers of interrupted writes, are deleted."""
    import onnx

    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        onnx.save_model(onnx.load_from_string(proto), str(tmp / GRAPH), save_as_external_data=True,
                        all_tensors_to_one_file=True, location=DATA, size_threshold=1024)
        for f in tmp.iterdir():
            os.chmod(f, 0o644)
        os.chmod(tmp, 0o755)
        try:
            os.replace(tmp, target)
        except OSError:
            if not (target / GRAPH).is_file():
                raise
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    _prune(target)
    log.info("exported the extractor to %s", target)
    return target / GRAPH


def _prune(keep: Path) -> None:
    slug = keep.name.rsplit("-", 1)[0]
    for old in keep.parent.iterdir():
        if old == keep:
            continue
        stale = old.name.rsplit("-", 1)[0] == slug or old.name.startswith(f".{slug}-")
        stale = stale or (old.suffix == ".onnx" and old.name.startswith(slug))  # a single-file export of session 14's first draft
        if stale:
            try:
                shutil.rmtree(old) if old.is_dir() else old.unlink()
            except OSError:
                pass


Source = Union[Path, bytes]


def prepare(path: Path, load_model: Callable[[], Any]) -> Source:
    """The export of checkpoint ``path``: its cached ``model.onnx``, exported first when missing
    (``load_model()`` gives the torch model then, and only then), or the export's bytes when it
    cannot be cached."""
    d = cache_dir(path)
    if d is not None and (d / GRAPH).is_file():
        return d / GRAPH
    proto = export_bytes(load_model())
    if d is None:
        return proto
    try:
        return write(proto, d)
    except OSError as e:
        log.warning("cannot cache the ONNX export in %s (%s): it is kept in memory for this process", d.parent, e)
        return proto


def ensure(model: str = "e5") -> Optional[Path]:
    """Export registered model ``model`` (or a checkpoint directory) unless it is cached; the path
    of its ``model.onnx``, or None when it cannot be cached. Builds no session."""
    from kg.extract.models import model_path
    from kg.extract.network import WartaExtractorModel

    path = model_path(model)
    src = prepare(path, lambda: WartaExtractorModel.load(path).float().eval())
    return src if isinstance(src, Path) else None


class OnnxForward:
    """``forward(input_ids=..., attention_mask=...)`` -> the four logits as torch tensors, run by an
    ONNX Runtime session on an export (a ``model.onnx`` path or its bytes)."""

    def __init__(self, source: Source, threads: int = 0):
        import torch

        ort = _ort()
        so = ort.SessionOptions()
        # as many threads as torch would use (Ray workers set OMP_NUM_THREADS=1; ORT's own default
        # would take every core)
        so.intra_op_num_threads = int(threads) if threads and threads > 0 else torch.get_num_threads()
        so.inter_op_num_threads = 1
        so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        so.log_severity_level = 3
        self.path = source if isinstance(source, Path) else None
        self.session = ort.InferenceSession(source if isinstance(source, bytes) else str(source), so,
                                            providers=["CPUExecutionProvider"])

    def __call__(self, input_ids, attention_mask) -> dict:
        import numpy as np
        import torch

        feed = {"input_ids": np.ascontiguousarray(input_ids.numpy(), dtype=np.int64),
                "attention_mask": np.ascontiguousarray(attention_mask.numpy(), dtype=np.int64)}
        return {k: torch.from_numpy(v) for k, v in zip(OUTPUTS, self.session.run(list(OUTPUTS), feed))}


def load(path: Path, load_model: Callable[[], Any], threads: int = 0) -> OnnxForward:
    """A session on checkpoint ``path``'s export. A cached export that will not load (a truncated
    or corrupt file) is deleted and made again, once."""
    src = prepare(path, load_model)
    try:
        return OnnxForward(src, threads)
    except Exception:  # noqa: BLE001
        if not isinstance(src, Path):
            raise
        log.warning("the cached ONNX export %s does not load: exporting again", src.parent)
        shutil.rmtree(src.parent, ignore_errors=True)
        return OnnxForward(prepare(path, load_model), threads)


if __name__ == "__main__":  # `make install`: python -m kg.extract.onnx_engine e5 small
    import sys

    for name in sys.argv[1:] or ["e5"]:
        print(ensure(name) or f"{name}: not cached (see the warning)")
