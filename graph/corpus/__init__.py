"""Stage 2, records in, graph out: codes the corpus teaches, linking into nodes and edges,
comparing a child with its ancestors, and the questions researchers ask of the graph."""
