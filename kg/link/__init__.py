"""Linking actors to Wikidata and giving them store-wide keys.

``keys`` (pure normalisation) -> ``index`` (the shipped alias TSV) -> ``offline`` (default
linker) / ``online`` (opt-in Wikidata SPARQL) / ``base.NullLinker`` (keys only); ``check`` backs
``kg link-check``; ``evaluate`` scores linking against gold actors.
"""
