"""``kg plugins``: list what is registered for each stage."""

from __future__ import annotations

from kg.cli import app
from kg.cli.common import console


@app.command("plugins")
def plugins() -> None:
    """List the registered segmenters, extractors, linkers and exporters."""
    from kg import registry

    for reg in (registry.segmenters, registry.extractors, registry.linkers, registry.exporters):
        console.print(f"[bold]{reg.kind}s[/] ({reg.group})")
        for name in reg.names():
            console.print(f"  {name}")
