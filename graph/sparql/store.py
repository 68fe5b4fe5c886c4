"""The build's on-disk Oxigraph store (DIR/store): what `query`, `serve` and validation read.

An rdflib graph holds every triple as Python objects; at 100,000 documents (tens of millions
of triples) that no longer fits in memory, and its SPARQL engine answers the cascade queries in
seconds rather than milliseconds. Oxigraph keeps the triples in RocksDB on disk, loads N-Triples
in bulk, and is opened read-only by the commands that only ask.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from policygraph.sparql.query import prepare

STORE = "store"


def open_store(build: Path) -> ox.Store | None:
    """The build folder's store, read-only; None if the build has none (an older build)."""
    folder = build / STORE
    return ox.Store.read_only(str(folder)) if folder.is_dir() else None


def run_store(store: ox.Store, text: str) -> tuple[list[str], list[list[str | None]]]:
    """Run a SELECT or ASK query on Oxigraph; rows as query.run gives them for rdflib."""
    res = store.query(prepare(text))
    if isinstance(res, ox.QueryBoolean):
        return ["ask"], [[str(bool(res)).lower()]]
    if not isinstance(res, ox.QuerySolutions):
        raise ValueError("only SELECT and ASK queries are supported here; use `serve` for CONSTRUCT")
    names = [v.value for v in res.variables]
    return names, [[_plain(row[n]) for n in names] for row in res]


def _plain(t: object) -> str | None:
    if t is None:
        return None
    return t.value  # type: ignore[attr-defined]
