"""Interactive HTML pages of the graph, drawn by pyvis, that work offline."""
