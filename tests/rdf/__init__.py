"""Tests of kg/rdf: ontology, shapes, vocabulary, mapping, validation."""
