"""Stage 3, writers over the linked corpus: RDF (triples, serialisation, SHACL), CSV and
GraphML, the build report and the HTML explorer. They know nothing of previous builds."""
