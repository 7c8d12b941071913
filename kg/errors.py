"""Errors the library raises. Each has a stable code and says what failed, why, and the fix."""

from __future__ import annotations


class KGError(Exception):
    """Base class. ``code`` is stable across releases; ``hint`` says how to fix it."""

    code = "KG000"

    def __init__(self, message: str, *, hint: str | None = None, source: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.source = source

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        fix = f" ({self.hint})" if self.hint else ""
        return f"{where}{self.message}{fix}"


class ConfigError(KGError):
    code = "KG001"


class RegistryError(KGError):
    code = "KG002"


class InputError(KGError):
    """An input document cannot be read or holds no article text."""

    code = "KG100"


class ExtractionError(KGError):
    code = "KG200"


class ModelNotFoundError(ExtractionError):
    code = "KG201"


class LinkingError(KGError):
    code = "KG300"


class RDFError(KGError):
    code = "KG400"


class ValidationError(RDFError):
    code = "KG401"


class StoreError(KGError):
    code = "KG500"


class EndpointError(StoreError):
    code = "KG501"


class QueryError(KGError):
    """A SPARQL query failed to parse or run. ``source`` names the file and line where known."""

    code = "KG600"


class ExportError(KGError):
    code = "KG700"


class EvalError(KGError):
    code = "KG800"


class ClusterError(KGError):
    """A distributed (Ray) build could not start or lost its cluster."""

    code = "KG900"
