"""policygraph: Chinese policy documents → a knowledge graph of policy inheritance.

The pipeline, one module per stage, each a function of plain data:

    read → normalize → numbers/authorities → segment → metadata/citations → extract → build

Python API (what the CLI calls)::

    from policygraph import read_corpus, extract, build
    for src in read_corpus("corpus/"):        # Source or Failure, one per document
        record = extract(src)                 # DocumentRecord (see models.py)
    build("corpus/", "out/")                  # documents.jsonl + report.md
"""

from __future__ import annotations

__version__ = "0.1.0"

from .build import build, extract_all
from .extract import extract, learn_codes
from .models import Citation, DocNumber, DocumentRecord, Failure, Part, Source
from .normalize import normalize
from .numbers import find_numbers, parse
from .read import iter_corpus as read_corpus

__all__ = [
    "Citation",
    "DocNumber",
    "DocumentRecord",
    "Failure",
    "Part",
    "Source",
    "build",
    "extract",
    "extract_all",
    "find_numbers",
    "learn_codes",
    "normalize",
    "parse",
    "read_corpus",
]
