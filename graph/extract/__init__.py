"""Stage 1, one document in, one record out: read → normalize → numbers/authorities →
parts → identify (metadata, citations, place) → provisions → measures.

`document.py` composes them in three stages: `identify` (the record without its measures),
`measure` (one Measures per part: the costly jieba stage) and `assemble`; `extract` is the
three in a row. Every function here is pure: it reads nothing but its arguments (and the tables
shipped in `ontology/`), so `build` can run it in worker processes and cache it by content hash.
"""
