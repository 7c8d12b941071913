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
    from kg.extract.models import DEFAULT, MODELS, SUMMARY
    from kg.extract.rules import RULES

    console.print("[bold]extractor models[/] (kg build --model NAME)")
    for name, directory in MODELS.items():
        mark = " (default)" if name == DEFAULT else ""
        console.print(f"  {name}{mark}: {directory} - {SUMMARY[name]}", highlight=False)
    console.print("[bold]decoder rules[/] (kg build --rules all|none|NAME,...)")
    for name, what in RULES.items():
        console.print(f"  {name}: {what}", highlight=False)
