"""Ingestion: read files, folders and globs of .txt / .html / .jsonl into cleaned Articles.

``read_inputs(paths, config)`` yields one :class:`~kg.doc.Article` per good document and one
:class:`~kg.doc.Problem` per bad one (named by file, or ``file.jsonl:LINE``), so a batch never
stops on a bad input. Modules, in data-flow order: :mod:`~kg.ingest.paths` (expand inputs),
:mod:`~kg.ingest.decode` (size, binary, UTF-8), :mod:`~kg.ingest.readers` (formats),
:mod:`~kg.ingest.clean` (boilerplate), :mod:`~kg.ingest.language` (py3langid),
:mod:`~kg.ingest.dates` (publication dates).
"""

from kg.ingest.clean import clean, clean_text
from kg.ingest.language import detect_language
from kg.ingest.readers import make_article, read_file, read_inputs

__all__ = ["read_inputs", "read_file", "make_article", "clean", "clean_text", "detect_language"]
