"""`precision=auto`: bf16 only where the CPU has AMX tiles (measured faster there); fp32 on a CPU
with AVX-512 BF16 alone (measured slower in bf16) or with neither, and when torch cannot say."""

import pytest
import torch

from kg import config as kg_config
from kg.config import Config, ConfigError, resolved_precision


@pytest.fixture()
def cpu(monkeypatch):
    def set_cpu(amx, avx512_bf16):
        def probe(value):
            def f():
                if isinstance(value, Exception):
                    raise value
                return value
            return f

        monkeypatch.setattr(torch.cpu, "_is_amx_tile_supported", probe(amx))
        monkeypatch.setattr(torch.cpu, "_is_avx512_bf16_supported", probe(avx512_bf16))
        kg_config._native_bf16.cache_clear()

    yield set_cpu
    kg_config._native_bf16.cache_clear()


@pytest.mark.parametrize("amx, avx512_bf16, want", [
    (True, True, "bf16"),
    (True, False, "bf16"),
    (False, True, "fp32"),
    (False, False, "fp32"),
    (AttributeError("an older torch"), True, "fp32"),
])
def test_auto_is_bf16_only_with_amx(cpu, amx, avx512_bf16, want):
    cpu(amx, avx512_bf16)
    assert resolved_precision("auto") == want
    assert resolved_precision("fp32") == "fp32" and resolved_precision("BF16") == "bf16"  # forced: as asked


def test_the_build_signature_holds_the_resolved_precision(cpu):
    cpu(False, True)
    assert Config().hash == Config().replace(precision="fp32").hash != Config().replace(precision="bf16").hash


def test_an_unknown_precision_is_refused():
    with pytest.raises(ConfigError):
        resolved_precision("fp16")


# `engine=auto`: ONNX Runtime runs the forward pass where it is fp32, torch where it is bf16


def test_auto_engine_is_onnx_for_fp32_and_torch_for_bf16(cpu):
    from kg.config import resolved_engine

    cpu(False, True)
    assert resolved_engine("auto", "auto") == resolved_engine("auto", "fp32") == "onnx"
    assert resolved_engine("auto", "bf16") == "torch" and resolved_engine("TORCH", "fp32") == "torch"
    cpu(True, True)
    assert resolved_engine("auto", "auto") == "torch"


def test_the_onnx_engine_refuses_bf16_and_unknown_engines_are_refused():
    from kg.config import resolved_engine

    with pytest.raises(ConfigError, match="fp32 only"):
        resolved_engine("onnx", "bf16")
    with pytest.raises(ConfigError, match="unknown engine"):
        resolved_engine("tensorrt", "fp32")


def test_auto_engine_falls_back_to_torch_without_onnxruntime(cpu, monkeypatch):
    from kg.config import resolved_engine
    from kg.extract import onnx_engine

    cpu(False, False)
    monkeypatch.setattr(onnx_engine, "available", lambda: False)
    assert resolved_engine("auto", "fp32") == "torch"


def test_the_build_signature_holds_the_resolved_engine(cpu):
    cpu(False, True)
    assert Config().hash == Config().replace(engine="onnx").hash != Config().replace(engine="torch").hash
