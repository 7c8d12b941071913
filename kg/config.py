"""One config object, resolved once at the entry point and passed down.

Precedence: defaults < file (``warta.toml`` or ``--config``) < ``KG_*`` environment < ``--set key=value``.

>>> c = Config.resolve(env={"KG_STORE": "/tmp/s"}, overrides=["batch_size=8"], file=None)
>>> c.store, c.batch_size
('/tmp/s', 8)
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from kg.errors import ConfigError

PACKAGE_DIR = Path(__file__).resolve().parent


# the short linker names of `kg build --link` (also accepted as config values)
LINKER_NAMES = {"offline": "kg.linker.offline.v1", "online": "kg.linker.online.v1", "none": "kg.linker.none.v1"}


@dataclass(frozen=True)
class Config:
    store: str = "./warta-store"
    base_iri: str = "https://w3id.org/warta/resource/"
    segmenter: str = "kg.segmenter.rules.v1"
    extractor: str = "kg.extractor.transformer.v1"
    model: str = "e5"  # a registered model name (e5, small; see `kg plugins`) or a checkpoint directory
    rules: str = "all"  # decoder rules: all, none, or a comma list of rule names (see `kg plugins`)
    linker: str = "kg.linker.offline.v1"
    wikidata_endpoint: str = "https://query.wikidata.org/sparql"
    link_cache: str = "~/.cache/warta/wikidata"
    link_timeout: float = 10.0
    link_rate: float = 1.0  # requests per second to the online endpoint
    max_bytes: int = 10_000_000  # larger inputs are refused with a clear message
    section_chars: int = 100_000  # a longer article is extracted in sections of about this size, in turn
    doc_seconds: float = 900.0  # per-document budget: an article still unfinished after it is reported
    languages: tuple[str, ...] = ("id", "en", "ms", "fr", "de", "es")
    batch_size: int = 16  # windows per forward pass of the extractor (a fixed shape: see predict)
    threads: int = 0  # torch intra-op threads; 0 = library default
    # the extractor's arithmetic: auto = bf16 where the CPU has AMX tiles, else fp32 (with AVX-512
    # BF16 alone bf16 measured slower than fp32); or fp32 / bf16 (slower there, not wrong)
    precision: str = "auto"
    bind: str = "127.0.0.1:7878"
    query_timeout: int = 30
    cors: bool = False
    # a --endpoint server whose update / Graph Store Protocol URLs are not <base>/update and
    # <base>/store, and its credentials ([basic:|digest:]USER:PASSWORD), e.g. Virtuoso (README)
    endpoint_update: str = ""
    endpoint_store: str = ""
    endpoint_auth: str = ""

    @classmethod
    def field_names(cls) -> list[str]:
        return [f.name for f in dataclasses.fields(cls)]

    @classmethod
    def resolve(
        cls,
        *,
        file: str | os.PathLike | None = "warta.toml",
        env: Mapping[str, str] | None = None,
        overrides: list[str] | None = None,
    ) -> "Config":
        values: dict[str, Any] = {}
        if file is not None and Path(file).is_file():
            import tomllib

            try:
                data = tomllib.loads(Path(file).read_text(encoding="utf-8"))
            except Exception as e:  # noqa: BLE001 - report any parse error with the file name
                raise ConfigError(f"cannot parse config file: {e}", source=str(file)) from e
            from_file = data.get("warta", data)
            known = set(cls.field_names())
            unknown = sorted(k for k in from_file if k not in known)
            if unknown:
                raise ConfigError(f"unknown config key {unknown[0]!r} in the config file", source=str(file),
                                  hint="known keys: " + ", ".join(sorted(known)))
            values.update(from_file)
        env = os.environ if env is None else env
        for name in cls.field_names():
            key = "KG_" + name.upper()
            if key in env:
                values[name] = env[key]
        for item in overrides or []:
            if "=" not in item:
                raise ConfigError(f"--set expects key=value, got {item!r}")
            k, v = item.split("=", 1)
            values[k.strip()] = v.strip()
        return cls.from_mapping(values)

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> "Config":
        fields = {f.name: f for f in dataclasses.fields(cls)}
        kwargs: dict[str, Any] = {}
        for k, v in values.items():
            if k not in fields:
                raise ConfigError(
                    f"unknown config key {k!r}", hint="known keys: " + ", ".join(sorted(fields))
                )
            kwargs[k] = _coerce(k, fields[k].default, v)
        if kwargs.get("linker") in LINKER_NAMES:  # --set linker=none works as --link none does
            kwargs["linker"] = LINKER_NAMES[kwargs["linker"]]
        return cls(**kwargs)

    def replace(self, **kw: Any) -> "Config":
        return dataclasses.replace(self, **{k: v for k, v in kw.items() if v is not None})

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @property
    def hash(self) -> str:
        """Hash of the settings that change what a build writes (not where it writes it)."""
        relevant = {k: v for k, v in self.to_dict().items() if k in _OUTPUT_KEYS}
        relevant["mapping_version"] = MAPPING_VERSION  # a changed mapping changes the output too
        from kg import __version__

        relevant["precision"] = resolved_precision(self.precision)  # bf16 and fp32 can differ near a threshold
        relevant["software"] = __version__  # the decoder and its rules ship with the package
        if self.linker != LINKER_NAMES["none"]:
            relevant["aliases"] = alias_index_digest()  # new alias rows change what links
        blob = json.dumps(relevant, sort_keys=True, default=str).encode()
        return hashlib.sha256(blob).hexdigest()[:12]


def resolved_precision(precision: str) -> str:
    """``"bf16"`` or ``"fp32"``: what ``precision`` (auto, fp32, bf16) means on this machine."""
    p = (precision or "auto").strip().lower()
    if p in ("fp32", "bf16"):
        return p
    if p != "auto":
        raise ConfigError(f"unknown precision {precision!r}", hint="auto, fp32 or bf16")
    return "bf16" if _native_bf16() else "fp32"


@functools.lru_cache(maxsize=1)
def _native_bf16() -> bool:
    try:
        import torch

        # AMX only: on a CPU with AVX-512 BF16 but no AMX (Xeon, torch 2.13, 2 threads) a 6-layer
        # forward pass of 16x64 tokens took 0.235 s in bf16 against 0.166 s in fp32
        return bool(torch.cpu._is_amx_tile_supported())
    except Exception:  # noqa: BLE001 - an older torch without the probes: fp32
        return False


def alias_index_digest(path: str | Path | None = None) -> str:
    """sha256 (first 12 hex) of the alias index file the offline linker reads, cached per file
    state (path, size, mtime): part of ``Config.hash``, so a changed alias index re-links."""
    from kg.link.index import DEFAULT_INDEX

    p = Path(path) if path else DEFAULT_INDEX
    try:
        st = p.stat()
    except OSError:
        return "missing"
    return _digest(str(p.resolve()), st.st_size, st.st_mtime_ns)


@functools.lru_cache(maxsize=8)
def _digest(path: str, size: int, mtime_ns: int) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()[:12]


MAPPING_VERSION = 2
"""Version of what ``kg.rdf.mapping`` writes for the same extraction; part of ``Config.hash`` (the
kg:configHash a rebuild compares), so a store written by an older mapping is extracted again.
Bump it whenever the mapping's output changes (2: skos:prefLabel on linked actors)."""

_OUTPUT_KEYS = {"base_iri", "segmenter", "extractor", "model", "rules", "linker", "languages", "batch_size"}


def _coerce(name: str, default: Any, value: Any) -> Any:
    if not isinstance(value, str):
        return tuple(value) if isinstance(default, tuple) else value
    try:
        if isinstance(default, bool):
            if value.lower() in {"1", "true", "yes", "on"}:
                return True
            if value.lower() in {"0", "false", "no", "off"}:
                return False
            raise ValueError(value)
        if isinstance(default, int):
            return int(value)
        if isinstance(default, float):
            return float(value)
        if isinstance(default, tuple):
            return tuple(x.strip() for x in value.split(",") if x.strip())
    except ValueError as e:
        raise ConfigError(f"bad value for {name}: {value!r}") from e
    return value
