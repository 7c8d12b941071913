"""Warta: a multilingual knowledge-graph builder for news.

article -> clean text -> sentences -> mentions -> events -> linked actors -> RDF -> store -> SPARQL / pictures
"""

__version__ = "0.3.1"
