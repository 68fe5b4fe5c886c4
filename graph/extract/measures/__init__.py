"""The measures a document sets, provision by provision: policy tools from the SKOS scheme,
quantitative targets, deadlines, responsible agencies and money.

One module per job: `scheme` (the concepts and their terms), `words` (jieba segmentation with
the scheme's terms kept whole), `concepts`, `targets` (and money), `deadlines`, `agencies`,
`part` (all of them over one part's provisions) and `terms` (candidate terms for the scheme).
"""

from policygraph.extract.measures.part import extract_measures
from policygraph.extract.measures.scheme import Concept, Scheme, load_scheme
from policygraph.extract.measures.terms import candidate_terms

__all__ = ["Concept", "Scheme", "candidate_terms", "extract_measures", "load_scheme"]
