"""Stage 4, the graph served: the on-disk Oxigraph store, named queries, a read-only
endpoint and a push to any SPARQL 1.1 Graph Store."""
