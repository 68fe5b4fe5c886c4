"""policygraph: Chinese policy documents → a knowledge graph of policy inheritance.

The package's folders are the pipeline's stages, each a set of plain functions over the
records in models.py; only `build` knows about caches, workers and previous builds:

    extract/   one document in, one record out: read → normalize → numbers, authorities →
               parts → metadata, citations, place → provisions → measures/
    corpus/    records in, graph out: codes the corpus teaches → link → compare → analytics
    export/    writers over the linked corpus: RDF (terms, turtle, shacl), tables, report, html/
    sparql/    the graph served: store, named queries, endpoint, push
    build/     a whole folder built, incrementally, in parallel, bounded in time and memory

Python API (what the CLI calls)::

    from policygraph import read_corpus, extract, extract_all, link, to_networkx, to_rdf, cascade
    for src in read_corpus("corpus/"):        # Source or Failure, one per document
        record = extract(src)                 # DocumentRecord (see models.py): identify, measure,
                                              # assemble in a row
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
