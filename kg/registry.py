"""A small registry per pipeline stage, filled from Python entry points.

Built-in stages register in ``pyproject.toml`` through the same entry-point groups a third-party
package would use, e.g. ``[project.entry-points."kg.extractors"]``. Entry points are loaded lazily:
looking a name up imports only that one class.

>>> from kg.registry import extractors
>>> "kg.extractor.transformer.v1" in extractors.names()
True
"""

from __future__ import annotations

from importlib.metadata import entry_points
from typing import Any, Callable

from kg.errors import RegistryError


class Registry:
    def __init__(self, group: str, kind: str):
        self.group = group
        self.kind = kind
        self._local: dict[str, Callable[..., Any]] = {}

    def register(self, name: str, factory: Callable[..., Any] | None = None):
        """Register ``factory`` under ``name`` in this process (tests, notebooks). Usable as a decorator."""

        def deco(f):
            self._local[name] = f
            return f

        return deco(factory) if factory is not None else deco

    def _entry_points(self) -> dict[str, Any]:
        return {ep.name: ep for ep in entry_points(group=self.group)}

    def names(self) -> list[str]:
        return sorted(set(self._entry_points()) | set(self._local))

    def get(self, name: str) -> Callable[..., Any]:
        if name in self._local:
            return self._local[name]
        eps = self._entry_points()
        if name not in eps:
            known = ", ".join(self.names()) or "(none installed)"
            raise RegistryError(
                f"unknown {self.kind} {name!r}",
                hint=f"known {self.kind}s: {known}",
            )
        try:
            return eps[name].load()
        except ImportError as e:
            raise RegistryError(
                f"{self.kind} {name!r} is registered but cannot be imported: {e}",
                hint="reinstall the package that provides it (make install)",
            ) from e

    def create(self, name: str, **kwargs: Any) -> Any:
        return self.get(name)(**kwargs)


segmenters = Registry("kg.segmenters", "segmenter")
extractors = Registry("kg.extractors", "extractor")
linkers = Registry("kg.linkers", "linker")
exporters = Registry("kg.exporters", "exporter")
