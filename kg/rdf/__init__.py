"""RDF: the ontology's vocabulary, the Article -> quads mapping, and SHACL validation.

- ``kg.rdf.vocab``: the ``kg:`` terms (generated from ontology/kg.ttl)
- ``kg.rdf.namespaces``: standard namespaces (rdf, rdfs, owl, xsd, schema, prov, sem, wd ...)
- ``kg.rdf.iris``: the instance IRIs everyone agrees on (articles, graphs, actors, events)
- ``kg.rdf.mapping``: ``article_to_quads``, ``ontology_quads``, ``quads_to_dataset``
- ``kg.rdf.validate``: ``validate`` with the shapes in ontology/shapes.ttl
"""
