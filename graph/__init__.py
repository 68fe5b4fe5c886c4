"""policygraph: Chinese policy documents → a knowledge graph of policy inheritance.

The pipeline, one module per stage, each a function of plain data:

    read → normalize → numbers/authorities → segment → metadata/citations → extract
         → link → network / analytics / rdf / query → build

Python API (what the CLI calls)::

    from policygraph import read_corpus, extract, extract_all, link, to_networkx, to_rdf, cascade
    for src in read_corpus("corpus/"):        # Source or Failure, one per document
        record = extract(src)                 # DocumentRecord (see models.py)
    result = extract_all(read_corpus("corpus/"))
    linked = link(result.records)             # nodes and edges (plain data)
    g = to_networkx(linked)                   # networkx.DiGraph, edges child → parent
    rows = cascade(g, "中发〔2002〕12号")       # the stated cascade, by level, with lags
    rdf = to_rdf(linked)                      # rdflib.Graph in the policygraph ontology
    build("corpus/", "out/")                  # every output file, SHACL-validated
"""

from __future__ import annotations

__version__ = "0.1.0"

from policygraph.build import build, extract_all
from policygraph.corpus.analytics import by_level, cascade, level_skips, most_cited, province_reach
from policygraph.corpus.codes import learn_codes
from policygraph.corpus.link import Linked, link
from policygraph.corpus.network import to_networkx
from policygraph.export.rdf import to_rdf
from policygraph.export.shacl import validate
from policygraph.extract.document import extract
from policygraph.extract.normalize import normalize
from policygraph.extract.numbers import find_numbers, parse
from policygraph.extract.read import iter_corpus as read_corpus
from policygraph.models import Citation, DocNumber, DocumentRecord, Failure, Part, Source

__all__ = [
    "Citation",
    "DocNumber",
    "DocumentRecord",
    "Failure",
    "Linked",
    "Part",
    "Source",
    "build",
    "by_level",
    "cascade",
    "extract",
    "extract_all",
    "find_numbers",
    "learn_codes",
    "level_skips",
    "link",
    "most_cited",
    "normalize",
    "parse",
    "province_reach",
    "read_corpus",
    "to_networkx",
    "to_rdf",
    "validate",
]
