"""Where the graph lives: an embedded pyoxigraph directory, a remote SPARQL endpoint, the server.

- ``kg.store.embedded.EmbeddedStore``: a local directory, one atomic transaction per article.
- ``kg.store.remote.EndpointStore``: the same interface over SPARQL 1.1 Protocol + Graph Store
  HTTP Protocol (Oxigraph server, Fuseki, GraphDB).
- ``kg.store.server``: runs the real ``oxigraph`` server binary on a store (``kg serve``).
- ``kg.store.gateway``: the supervised HTTP gateway ``kg serve`` puts in front of it (limits,
  deadlines, restarts, no partial answers, SERVICE/Host/CORS policy, the explorer page).
"""
