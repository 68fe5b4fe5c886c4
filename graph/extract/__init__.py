"""Stage 1, one document in, one record out: read → normalize → numbers/authorities →
parts → metadata → citations → provisions → measures.

Every function here is pure: it reads nothing but its arguments (and the tables shipped in
`ontology/`), so `build` can run it in worker processes and cache it by content hash.
"""
