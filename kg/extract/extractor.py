"""``TransformerExtractor`` (registered as ``kg.extractor.transformer.v1``): fills
``article.mentions`` and ``article.events`` with our own trained model.

The model is loaded once per process (per directory); sentences of all articles are batched
together by length; over-long sentences are split into overlapping windows, never truncated.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import re
import threading
from pathlib import Path
from typing import Any

from kg.config import Config
from kg.doc import Article, Problem, Sentence
from kg.errors import ExtractionError, ModelNotFoundError

log = logging.getLogger(__name__)
_CACHE: dict[tuple[str, bool, str], Any] = {}
_LOCK = threading.Lock()
_PAD_TO = 8  # window lengths are padded up to a multiple of this


class _Loaded:
    def __init__(self, path: Path, quantize: bool):
        import torch
        from transformers import AutoTokenizer

        from kg.extract.encoders import base_dir
        from kg.extract.network import WartaExtractorModel
        from kg.extract.processor import Processor

        from transformers.utils import logging as hf_logging

        verbosity = hf_logging.get_verbosity()
        hf_logging.set_verbosity_error()  # loading chatter ("model of type ...", progress bars)
        hf_logging.disable_progress_bar()
        try:
            model = WartaExtractorModel.load(path)
            # a checkpoint on a pretrained base reads the base's tokenizer (it is not copied in)
            tok_dir = path if (path / "tokenizer.json").is_file() else base_dir(model.config.base_encoder)
            self.tokenizer = AutoTokenizer.from_pretrained(str(tok_dir))
        except Exception as e:  # noqa: BLE001 - report any loading failure with the directory
            raise ModelNotFoundError(f"cannot load the extractor model: {e}", source=str(path),
                                     hint="re-create it with `.venv/bin/python scripts/train_extractor.py`") from e
        finally:
            hf_logging.set_verbosity(verbosity)
            hf_logging.enable_progress_bar()
        model = model.float().eval()
        if quantize and getattr(model.config, "quantize", True):
            import warnings

            with warnings.catch_warnings():  # torch.ao dynamic quantization warns it is deprecated
                warnings.simplefilter("ignore")
                model = torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)
        self.model = model
        self.config = model.config
        self.processor = Processor(self.tokenizer, self.config)
        self.version = checkpoint_version(path)
        self.thresholds = dict(getattr(self.config, "thresholds", None) or {})


def checkpoint_version(path: Path) -> str:
    """``"<model_name> <model_version> (<8 hex>)"``, from the files alone: the hex is the sha256 of
    the weights and of what the decoder reads from config.json (its thresholds and the
    context-classifier weights), so a retuned threshold rebuilds stored articles like new weights
    do (hashed once per process and state of the weights and config.json)."""
    stamp = tuple(f.stat().st_mtime_ns if f.exists() else 0
                  for f in (Path(path) / "model.safetensors", Path(path) / "config.json"))
    return _checkpoint_version(Path(path), stamp)


@functools.lru_cache(maxsize=16)
def _checkpoint_version(path: Path, _stamp: tuple[int, int]) -> str:
    import json

    cfg = json.loads((path / "config.json").read_text(encoding="utf-8"))
    weights = path / "model.safetensors"
    if weights.exists():
        h = hashlib.sha256(weights.read_bytes())
        decoding = {k: cfg[k] for k in ("thresholds", "context_agent", "context_party") if cfg.get(k)}
        if decoding:
            h.update(json.dumps(decoding, sort_keys=True).encode("utf-8"))
        sha = h.hexdigest()[:8]
    else:
        sha = "unknown"
    return f"{cfg.get('model_name', 'warta-extractor')} {cfg.get('model_version', '?')} ({sha})"


class TransformerExtractor:
    """Mentions (Person/Organization/Country/Place) and Deployment/Statement/Agreement events."""

    name = "kg.extractor.transformer.v1"

    def __init__(self, config: Config, model_path: str | None = None, *, quantize: bool = True):
        self.config = config
        from kg.extract.models import model_path as resolve_model

        self.model_path = resolve_model(str(model_path or config.model))
        self.quantize = quantize
        self.problems: list[Problem] = []
        from kg.extract.rules import RuleSet

        try:  # a bad rule name fails here, before any work
            self.rules = RuleSet(getattr(config, "rules", "all") or "all")
        except ValueError as e:
            from kg.errors import ConfigError

            raise ConfigError(str(e), hint="`kg plugins` lists the decoder rules") from None
        self._decoder = None
        if not (self.model_path / "config.json").is_file():
            raise ModelNotFoundError(
                "no trained extractor model here", source=str(self.model_path),
                hint="set `model` in the config to a checkpoint directory, or train one with "
                     "`.venv/bin/python scripts/train_extractor.py --out DIR`")

    def _loaded(self) -> _Loaded:
        # keyed by the checkpoint's version too: a model retrained into the same folder is loaded again
        key = (str(self.model_path.resolve()), self.quantize, checkpoint_version(self.model_path))
        with _LOCK:
            if key not in _CACHE:
                for old in [k for k in _CACHE if k[:2] == key[:2]]:
                    del _CACHE[old]
                _CACHE[key] = _Loaded(self.model_path, self.quantize)
            return _CACHE[key]

    def decoder(self):
        """The decoder for this extractor's rules, with the checkpoint's thresholds."""
        from kg.extract.decoder import Decoder

        if self._decoder is None:
            lm = self._loaded()
            th = lm.thresholds
            self._decoder = Decoder(lm.config.mention_labels, lm.config.roles, lm.config.modalities, lm.config.kinds,
                                    extractor=f"{self.name} ({lm.version})",
                                    thresholds=th, rules=self.rules,
                                    context_agent=getattr(lm.config, "context_agent", None),
                                    context_party=getattr(lm.config, "context_party", None))
        return self._decoder

    @property
    def signature(self) -> str:
        """The checkpoint's version string as ``version`` gives it, read off its files without
        loading the model: a rebuild compares it with what the stored articles were built with."""
        return checkpoint_version(self.model_path)

    @property
    def version(self) -> str:
        """e.g. ``"warta-extractor-small 2.0 (3fa2b1c9)"`` (sha256 of the weights and decoding config)."""
        return self._loaded().version

    def extract(self, articles: list[Article]) -> None:
        """Fill article.mentions and article.events for each article (article.sentences is
        already set by the segmenter; article.lang and article.published may be set).
        Batches sentences across articles, model loaded once per process. Processes every
        sentence of long articles (split over-long sentences into windows; never truncate).

        An article that fails is reported in ``self.problems`` (stage "extract") and left
        without mentions/events; the others go on.
        """
        if not articles:
            return
        lm = self._loaded()
        per_article = self.predict(articles)
        for ai, art in enumerate(articles):
            try:
                self.decoder().decode(art, per_article.get(ai, []))
                art.provenance["extractor"] = f"{self.name} ({lm.version})"
            except Exception as e:  # noqa: BLE001 - one bad article must not stop the batch
                art.mentions, art.events = [], []
                err = ExtractionError(f"decoding failed: {e}", source=art.source)
                log.warning("%s", err)
                self.problems.append(Problem(source=art.source, stage="extract", reason=str(err)))

    def predict(self, articles: list[Article]) -> dict:
        """The model's per-sentence outputs (``SentencePrediction``) for each article index:
        what the decoder reads. Separate from decoding so thresholds and rules can be tuned on a
        dev split without running the model again (``scripts/tune_decoder.py``)."""
        import numpy as np
        import torch

        from kg.extract.decoder import SentencePrediction

        lm = self._loaded()
        if self.config.threads:
            torch.set_num_threads(int(self.config.threads))
        jobs: list[tuple[int, Sentence]] = []
        for ai, art in enumerate(articles):
            sents = art.sentences or fallback_sentences(art.text)
            for s in sents:
                if s.text.strip():
                    jobs.append((ai, s))
        texts = [s.text for _, s in jobs]
        wins = lm.processor.windows(texts)
        n_tok = [0] * len(texts)
        for w in wins:
            n_tok[w.item] = max(n_tok[w.item], w.owned[1])
        n_m = len(lm.config.mention_labels)
        n_r = 2 * len(lm.config.roles)
        n_mod = len(lm.config.modalities)
        arrays = [(np.zeros((n, n_m), np.float32), np.zeros((n, n_r), np.float32), np.zeros((n, n_mod), np.float32),
                   np.zeros(len(lm.config.kinds), np.float32)) for n in n_tok]
        offsets: list[list[tuple[int, int]]] = [[(0, 0)] * n for n in n_tok]
        # Every forward pass has one of a few fixed shapes: ``batch_size`` windows (short batches are
        # filled with copies of their first window, whose outputs are dropped) of a length padded
        # up to a multiple of PAD_TO. Matrix kernels choose their blocking by shape, so a window's
        # numbers depend only on the window, never on what else is in the batch: the same article
        # gives the same facts alone or in any build, exactly, in fp32 and in bf16 alike.
        rows, pad_to = max(1, int(self.config.batch_size)), _PAD_TO
        buckets: dict[int, list[int]] = {}
        for i in sorted(range(len(wins)), key=lambda i: len(wins[i].ids)):
            buckets.setdefault(-(-len(wins[i].ids) // pad_to) * pad_to, []).append(i)
        batches: list[tuple[int, list[int]]] = [(length, idx[k:k + rows]) for length, idx in sorted(buckets.items())
                                                for k in range(0, len(idx), rows)]
        from kg.config import resolved_precision

        bf16 = resolved_precision(getattr(self.config, "precision", "auto")) == "bf16"
        with torch.inference_mode(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
            for length, b in batches:
                chunk = [wins[i] for i in b]
                out = lm.model(**lm.processor.collate_windows(chunk + [chunk[0]] * (rows - len(chunk)), length=length))
                mp = out["mention_logits"].float().softmax(-1).numpy()
                rp = out["role_logits"].float().sigmoid().numpy()
                mo = out["modality_logits"].float().softmax(-1).numpy()
                kp = out["kind_logits"].float().sigmoid().numpy()
                for j, w in enumerate(chunk):
                    m_arr, r_arr, mo_arr, k_arr = arrays[w.item]
                    a, z = w.owned  # the tokens this window owns
                    m_arr[a:z] = mp[j, w.own_from:w.own_to]
                    r_arr[a:z] = rp[j, w.own_from:w.own_to]
                    mo_arr[a:z] = mo[j, w.own_from:w.own_to]
                    offsets[w.item][a:z] = w.offsets[w.own_from:w.own_to]
                    np.maximum(k_arr, kp[j], out=k_arr)
        per_article: dict[int, list[SentencePrediction]] = {}
        for k, (ai, s) in enumerate(jobs):
            m_arr, r_arr, mo_arr, k_arr = arrays[k]
            per_article.setdefault(ai, []).append(
                SentencePrediction(s.index, s.start, s.text, offsets[k], m_arr, r_arr, mo_arr, k_arr))
        return per_article


def fallback_sentences(text: str) -> list[Sentence]:
    """Sentences split at line breaks and sentence-final punctuation, for articles that arrive
    without a segmenter's sentences.

    >>> [s.text for s in fallback_sentences("Satu dua. Tiga!\\nEmpat")]
    ['Satu dua.', 'Tiga!', 'Empat']
    """
    out: list[Sentence] = []
    for m in re.finditer(r"[^\n]+", text):
        line_start = m.start()
        for part in re.finditer(r".+?(?:[.!?](?=\s|$)|$)", m.group(0)):
            seg = part.group(0)
            s = line_start + part.start() + (len(seg) - len(seg.lstrip()))
            e = line_start + part.end()
            if text[s:e].strip():
                out.append(Sentence(index=len(out), start=s, end=e, text=text[s:e]))
    return out
