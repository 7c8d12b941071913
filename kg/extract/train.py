"""The training loop behind ``scripts/train_extractor.py``.

From scratch: train a cased WordPiece tokenizer on the generated text, build a small BERT encoder
with the Warta heads, train on generated sentences + Indonesian NER data, save fp16 weights,
tokenizer and ``training_info.json``. With ``base_model``: the same heads on any local Hugging
Face encoder and its (fast) tokenizer.
"""

from __future__ import annotations

import dataclasses
import json
import random
import re
import time
from pathlib import Path
from typing import Callable, Optional

from kg.extract.config import WartaExtractorConfig, small_bert_encoder

SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]


def train_tokenizer(texts: list[str], vocab_size: int = 8000):
    """A cased WordPiece tokenizer (NFC, accents kept) wrapped as ``PreTrainedTokenizerFast``."""
    from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, processors, trainers
    from transformers import PreTrainedTokenizerFast

    tok = Tokenizer(models.WordPiece(unk_token="[UNK]", max_input_chars_per_word=50))
    tok.normalizer = normalizers.NFC()
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tok.decoder = decoders.WordPiece()
    trainer = trainers.WordPieceTrainer(vocab_size=vocab_size, min_frequency=2, special_tokens=SPECIALS)
    tok.train_from_iterator(texts, trainer=trainer)
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B [SEP]",
        special_tokens=[("[CLS]", tok.token_to_id("[CLS]")), ("[SEP]", tok.token_to_id("[SEP]"))])
    return PreTrainedTokenizerFast(tokenizer_object=tok, unk_token="[UNK]", pad_token="[PAD]", cls_token="[CLS]",
                                   sep_token="[SEP]", mask_token="[MASK]", model_max_length=256)


def _tokenizer_corpus(examples, countries) -> list[str]:
    texts = [e.text for e in examples]
    for c in countries:
        texts.extend(c.names.values())
        for caps in c.capitals.values():
            texts.extend(caps)
    return texts


def evaluate(model, processor, examples, batch_size: int = 64) -> dict[str, float]:
    """Span-level F1 for mentions and roles, modality accuracy and kind accuracy on ``examples``."""
    import torch

    from kg.extract.spans import bio_spans, role_spans

    cfg = model.config
    model.eval()
    tp = fp = fn = 0
    rtp = rfp = rfn = 0
    mod_ok = mod_n = kind_ok = kind_n = 0
    wins = processor.windows([e.text for e in examples])
    with torch.inference_mode():
        for a in range(0, len(wins), batch_size):
            chunk = wins[a:a + batch_size]
            out = model(**processor.collate_windows(chunk))
            mp = out["mention_logits"].softmax(-1).numpy()
            rp = out["role_logits"].sigmoid().numpy()
            mo = out["modality_logits"].argmax(-1).numpy()
            kp = out["kind_logits"].sigmoid().numpy()
            for j, w in enumerate(chunk):
                ex = examples[w.item]
                c = w.content
                offs = w.offsets[c]
                pred = {(s, e, t) for s, e, t, _ in bio_spans(ex.text, offs, mp[j, c], cfg.mention_labels)}
                gold = set(ex.mentions)
                tp += len(pred & gold)
                fp += len(pred - gold)
                fn += len(gold - pred)
                if not ex.full:
                    continue
                rs = role_spans(ex.text, offs, rp[j, c], cfg.roles)
                rpred = {(s, e, r) for r, v in rs.items() for s, e, _ in v}
                rgold = set(ex.roles)
                rtp += len(rpred & rgold)
                rfp += len(rpred - rgold)
                rfn += len(rgold - rpred)
                for s, e, m in ex.triggers:
                    if m is None:
                        continue
                    ks = [k for k, (x, y) in enumerate(offs) if x < e and y > s]
                    if ks:
                        mod_n += 1
                        mod_ok += int(cfg.modalities[int(mo[j, ks[0] + c.start])] == m)
                kind_n += 1
                kind_ok += int(all((kp[j, i] > 0.5) == bool(ex.kinds[i]) for i in range(len(ex.kinds))))

    def f1(t, p, n):
        return 2 * t / max(1, 2 * t + p + n)

    model.train()
    return {"mention_f1": round(f1(tp, fp, fn), 4), "role_f1": round(f1(rtp, rfp, rfn), 4),
            "modality_acc": round(mod_ok / max(1, mod_n), 4), "kind_acc": round(kind_ok / max(1, kind_n), 4)}


def corpus_examples(folder: str | Path | None, repeat: int = 1, repeat_matching: Optional[dict[str, int]] = None,
                    exclude: Optional[str] = None) -> list:
    """Sentence Examples of every article of a corpus split folder (see kg.eval.corpus), each
    article's ``repeat`` times, or the count of the first ``repeat_matching`` pattern (a regular
    expression searched in the article id) that its id matches. Articles whose id ``exclude`` (a
    regular expression) matches are left out, the others keep their order."""
    from kg.eval.corpus import articles, training_examples

    if not folder or not Path(folder).is_dir():
        return []
    arts = articles(folder, exclude)
    rules = [(re.compile(k), int(v)) for k, v in (repeat_matching or {}).items()]
    if not rules:  # the whole split, ``repeat`` times over (the order earlier checkpoints were trained in)
        return [ex for _, text, data in arts for ex in training_examples(text, data)] * repeat
    out: list = []
    for txt, text, data in arts:
        n = next((v for rx, v in rules if rx.search(txt.stem)), repeat)
        out.extend(training_examples(text, data) * n)
    return out


def warmup_steps(steps: Optional[int]) -> int:
    """Linear warm-up length: 300 steps for a long run, whether the step count or the clock ends
    it (``steps`` None or 0), a tenth of a short one."""
    return 300 if not steps or steps > 1000 else max(1, steps // 10)


def mentions_only(examples: list, keep_kinds: tuple[str, ...] = ()) -> list:
    """The same sentences training the mention head only: their roles, modalities and kinds are
    masked in the loss, as for NER data (``full=False``); their name tags stay. Sentences with an
    event of one of ``keep_kinds`` (names from ``KINDS``: "Agreement"...) keep all their labels."""
    from kg.extract.datagen.builder import KINDS

    unknown = set(keep_kinds) - set(KINDS)
    if unknown:
        raise ValueError(f"unknown event kinds {sorted(unknown)}; known: {', '.join(KINDS)}")
    keep = [KINDS.index(k) for k in keep_kinds]
    return [e if any(e.kinds[i] for i in keep) else dataclasses.replace(e, full=False) for e in examples]


def train(
    out: str | Path,
    *,
    seed: int = 13,
    minutes: float = 40.0,
    steps: Optional[int] = None,
    n_synthetic: int = 150_000,
    synthetic_events: bool = True,
    synthetic_event_kinds: tuple[str, ...] = (),
    base_model: Optional[str] = None,
    layers: Optional[int] = None,
    freeze_layers: int = 0,
    batch_size: int = 64,
    max_tokens: Optional[int] = None,
    lr: Optional[float] = None,
    head_lr: Optional[float] = None,
    vocab_size: int = 8000,
    encoder: Optional[dict] = None,
    use_ner: bool = True,
    ner_splits: tuple[str, ...] = ("nergrit-train", "nergrit-valid", "nerp-train"),
    ner_repeat: int = 3,
    corpus: Optional[str | Path] = None,
    corpus_repeat: int = 1,
    corpus_repeat_matching: Optional[dict[str, int]] = None,
    corpus_exclude: Optional[str] = None,
    dev: Optional[str | Path] = None,
    init: Optional[str | Path] = None,
    model_name: Optional[str] = None,
    model_version: str = "2.0",
    threads: int = 2,
    save_every_minutes: float = 10.0,
    bf16: bool = False,
    log: Callable[[str], None] = print,
) -> dict:
    """Train and save a checkpoint to ``out``; returns the training info (also saved as JSON).

    Two recipes share this loop. From scratch (``base_model=None``): a WordPiece tokenizer and a
    small BERT trained on generated sentences and the Indonesian NER data (warta-extractor-small).
    On a pretrained encoder (``base_model`` = ``"multilingual-e5-small"`` or a local Hugging Face
    directory): its tokenizer, its lowest ``layers`` layers fine-tuned with the word embeddings
    frozen (they are read from the base at load time, not stored), and its lowest ``freeze_layers``
    of those layers frozen too (likewise read from the base, not stored), heads on top; data are the
    corpus train split (``corpus``, each article repeated ``corpus_repeat`` times, or as
    ``corpus_repeat_matching`` says for the ids it matches; ids ``corpus_exclude`` matches left out), the NER data and
    ``n_synthetic`` generated sentences as augmentation (with ``synthetic_events=False`` they
    train the mention head only, like the NER data: their roles, modalities and kinds are
    masked, except in sentences with an event of ``synthetic_event_kinds``). ``init`` warm-starts from a checkpoint
    of the same recipe; ``dev`` (a corpus folder) is scored during and after training.
    """
    if not steps and not minutes:
        raise ValueError("a run needs an end: steps or minutes (not both 0)")
    import numpy as np
    import torch

    from kg.extract import datagen
    from kg.extract.datagen.names import load_countries
    from kg.extract.network import WartaExtractorModel
    from kg.extract.processor import Processor, length_batches

    t0 = time.time()
    torch.manual_seed(seed)
    random.seed(seed)
    np.random.seed(seed)
    if threads:
        torch.set_num_threads(threads)
    out = Path(out)
    examples = datagen.generate(n_synthetic, seed=seed) if n_synthetic else []
    if not synthetic_events:
        examples = mentions_only(examples, synthetic_event_kinds)
    ner = datagen.load_ner(repeat=ner_repeat, splits=ner_splits) if use_ner else []
    real = corpus_examples(corpus, corpus_repeat, corpus_repeat_matching, corpus_exclude)
    val = datagen.generate(1500, seed=seed + 100_003)
    dev_examples = corpus_examples(dev)
    log(f"data: {len(examples)} synthetic + {len(ner)} NER + {len(real)} corpus sentences; "
        f"dev {len(dev_examples)} ({time.time() - t0:.0f}s)")

    base_spec = None
    if base_model:
        from transformers import AutoConfig, AutoModel, AutoTokenizer

        from kg.extract.encoders import resolve

        base_path, base_spec = resolve(base_model)
        tokenizer = AutoTokenizer.from_pretrained(str(base_path))
        if not tokenizer.is_fast:
            raise ValueError(f"{base_model}: a fast tokenizer (offsets) is required")
        base_cfg = AutoConfig.from_pretrained(str(base_path))
        enc_cfg = base_cfg.to_dict()
        for k in ("architectures", "_name_or_path", "transformers_version", "torch_dtype", "dtype"):
            enc_cfg.pop(k, None)
        if layers:
            enc_cfg["num_hidden_layers"] = min(int(layers), int(enc_cfg.get("num_hidden_layers", layers)))
        n_layers = int(enc_cfg.get("num_hidden_layers", 0))
        if not 0 <= freeze_layers < max(1, n_layers):
            raise ValueError(f"freeze_layers={freeze_layers}: the encoder has {n_layers} layers; at least one must train")
        from_base = ["embeddings.word_embeddings"] + [f"encoder.layer.{i}." for i in range(freeze_layers)]
        config = WartaExtractorConfig(
            encoder=enc_cfg, model_name=model_name or (Path(str(base_spec.get("name") or base_path)).name + "-warta"),
            model_version=model_version, base_encoder=base_spec, from_base=from_base,
            window_tokens=min(128, getattr(base_cfg, "max_position_embeddings", 512) - 2),
            quantize=False)  # fp32 at inference: dynamic int8 scales depend on the batch
        model = WartaExtractorModel(config)
        if init:
            model.load_state_dict(WartaExtractorModel.load(init).state_dict())
            if freeze_layers:  # frozen layers are the base's, as loading will read them (not the init's)
                model.attach_base(base_path)
            log(f"warm start from {init}")
        else:
            base = AutoModel.from_pretrained(str(base_path))
            missing, unexpected = model.encoder.load_state_dict(base.state_dict(), strict=False)
            missing = [k for k in missing if "pooler" not in k]
            unexpected = [k for k in unexpected if "pooler" not in k and not k.startswith("encoder.layer.")]
            log(f"base model {base_path}: {config.encoder['num_hidden_layers']} layers loaded "
                f"(missing={missing}, unexpected={len(unexpected)})")
            del base
        for name, p in model.encoder.named_parameters():  # what the checkpoint takes from the base stays as it is
            if any(name.startswith(f) for f in from_base):
                p.requires_grad_(False)
        lr = lr or 5e-5
        head_lr = head_lr or 1e-3
    else:
        if freeze_layers:
            raise ValueError("freeze_layers needs a base encoder (base_model)")
        tokenizer = train_tokenizer(_tokenizer_corpus(examples[:60_000] + ner[: len(ner) // 3], load_countries()), vocab_size)
        config = WartaExtractorConfig(encoder=encoder or small_bert_encoder(vocab_size=len(tokenizer)))
        model = WartaExtractorModel(config)
        lr = lr or 5e-4
        head_lr = head_lr or lr
    n_params = sum(p.numel() for p in model.parameters())
    n_train = sum(p.numel() for p in model.parameters() if p.requires_grad)
    log(f"model: {n_params / 1e6:.2f}M parameters ({n_train / 1e6:.2f}M trained); tokenizer vocab {len(tokenizer)} "
        f"({time.time() - t0:.0f}s)")

    proc = Processor(tokenizer, config)
    items = proc.encode_examples(examples + ner + real)
    log(f"encoded {len(items)} training items ({time.time() - t0:.0f}s)")
    rng = random.Random(seed)
    enc_params = [p for n, p in model.named_parameters() if p.requires_grad and n.startswith("encoder.")]
    head_params = [p for n, p in model.named_parameters() if p.requires_grad and not n.startswith("encoder.")]
    opt = torch.optim.AdamW([{"params": enc_params, "lr": lr, "base": lr},
                             {"params": head_params, "lr": head_lr, "base": head_lr}], weight_decay=0.01)
    warmup = warmup_steps(steps)
    budget = minutes * 60.0
    t_train = time.time()
    step = 0
    last_save = time.time()
    model.train()
    running: dict[str, float] = {}
    done = False
    epoch = 0
    while not done:
        epoch += 1
        for idx in length_batches(items, batch_size, key=lambda x: len(x["input_ids"]), rng=rng, max_tokens=max_tokens):
            elapsed = time.time() - t_train
            frac = step / steps if steps else elapsed / budget
            if (steps and step >= steps) or (not steps and elapsed >= budget) or (steps and minutes and elapsed >= budget):
                done = True
                break
            scale = min(1.0, (step + 1) / warmup) * max(0.02, 1.0 - frac)
            for g in opt.param_groups:
                g["lr"] = g["base"] * scale
            batch = proc.collate([items[i] for i in idx])
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
                outp = model(**batch)
            opt.zero_grad()
            outp["loss"].backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            step += 1
            for k in ("loss", "loss_mention", "loss_role", "loss_modality", "loss_kind"):
                running[k] = running.get(k, 0.0) * 0.98 + outp[k].item() * 0.02
            if step % 100 == 0:
                log(f"step {step} epoch {epoch} lr {lr * scale:.2e} " + " ".join(f"{k}={v / (1 - 0.98 ** step):.4f}" for k, v in running.items())
                    + f" ({elapsed:.0f}s, {step / max(elapsed, 1e-6):.2f} it/s)")
            if step % 1000 == 0:
                log(f"val@{step}: synthetic {evaluate(model, proc, val[:300])}"
                    + (f" corpus-dev {evaluate(model, proc, dev_examples)}" if dev_examples else ""))
            if save_every_minutes and time.time() - last_save > save_every_minutes * 60:
                save(model, tokenizer, out, {"partial": True, "steps": step})
                last_save = time.time()
    train_s = time.time() - t_train
    metrics = evaluate(model, proc, val)
    info = {
        "seed": seed, "steps": step, "epochs_started": epoch, "batch_size": batch_size, "max_tokens": max_tokens,
        "lr": lr, "head_lr": head_lr, "n_synthetic": len(examples), "synthetic_events": synthetic_events,
        "synthetic_event_kinds": list(synthetic_event_kinds), "n_ner": len(ner), "ner_splits": list(ner_splits),
        "n_corpus": len(real), "corpus": str(corpus) if corpus else None,
        "corpus_repeat": corpus_repeat, "corpus_repeat_matching": corpus_repeat_matching, "corpus_exclude": corpus_exclude, "n_items": len(items),
        "parameters": n_params, "trained_parameters": n_train, "freeze_layers": freeze_layers if base_model else 0, "train_seconds": round(train_s, 1),
        "total_seconds": round(time.time() - t0, 1), "base_model": base_spec, "layers": config.encoder.get("num_hidden_layers"),
        "init": str(init) if init else None, "bf16": bf16, "val_synthetic": metrics, "torch_threads": torch.get_num_threads(),
    }
    if dev_examples:
        info["val_corpus_dev"] = evaluate(model, proc, dev_examples)
    log(f"final: {json.dumps(info)}")
    save(model, tokenizer, out, info)
    return info


def save(model, tokenizer, out: Path, info: dict) -> None:
    """Write weights (fp16 safetensors, without the parameters taken from the base encoder),
    config and training_info.json to ``out``; the tokenizer too when the checkpoint has no base
    (a base's tokenizer is read from the base)."""
    import torch

    out.mkdir(parents=True, exist_ok=True)
    state = {k: v.detach().to(torch.float16).contiguous() for k, v in model.own_state_dict().items()}
    model.save_pretrained(out, state_dict=state, safe_serialization=True)
    if not model.config.base_encoder:
        tokenizer.save_pretrained(out)
    (out / "training_info.json").write_text(json.dumps(info, indent=2), encoding="utf-8")


def average_with(out: str | Path, other: str | Path, weight: float = 0.5) -> None:
    """Replace the stored weights of checkpoint ``out`` by ``weight`` × its own + (1 − ``weight``) ×
    those of ``other`` (a checkpoint of the same architecture: the same tensors, names and shapes),
    in the stored precision; ``out``'s config stays, its training_info.json records the average.
    For a model and its own continuation (``other`` = the run's ``init``) the average sits between
    the two on the same path, as in WiSE-FT (Wortsman et al., 2022)."""
    from safetensors.torch import load_file, save_file

    out, other = Path(out), Path(other)
    if not 0.0 < weight < 1.0:
        raise ValueError(f"weight {weight}: between 0 and 1 (exclusive)")
    mine, theirs = load_file(str(out / "model.safetensors")), load_file(str(other / "model.safetensors"))
    if mine.keys() != theirs.keys() or any(mine[k].shape != theirs[k].shape for k in mine):
        raise ValueError(f"{other}: not the architecture of {out} (tensor names or shapes differ)")
    avg = {k: (weight * mine[k].double() + (1.0 - weight) * theirs[k].double()).to(mine[k].dtype)
           if mine[k].is_floating_point() else mine[k] for k in mine}
    save_file(avg, str(out / "model.safetensors"), metadata={"format": "pt"})
    info_path = out / "training_info.json"
    info = json.loads(info_path.read_text(encoding="utf-8")) if info_path.is_file() else {}
    info["averaged_with"] = {"checkpoint": str(other), "weight_of_this_run": weight}
    info_path.write_text(json.dumps(info, indent=2), encoding="utf-8")
