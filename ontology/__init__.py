"""Data shipped with policygraph: authority table, regions, ontology, shapes, queries."""
