"""SPARQL over the store: ``run_query`` (embedded directory or endpoint) and result renderers."""
