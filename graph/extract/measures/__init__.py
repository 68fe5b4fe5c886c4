"""The measures a document sets, provision by provision: policy tools from the SKOS scheme,
quantitative targets, deadlines, responsible agencies and money."""
