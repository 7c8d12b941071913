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
