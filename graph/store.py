"""The build's on-disk Oxigraph store (DIR/store): what `query`, `serve` and validation read.

An rdflib graph holds every triple as Python objects; at 100,000 documents (tens of millions
of triples) that no longer fits in memory, and its SPARQL engine answers the cascade queries in
seconds rather than milliseconds. Oxigraph keeps the triples in RocksDB on disk, loads N-Triples
in bulk, and is opened read-only by the commands that only ask.
"""

from __future__ import annotations

import shutil
from itertools import islice
from pathlib import Path

import pyoxigraph as ox

from .query import prepare

STORE = "store"
#: N-Triples lines per bulk load: Oxigraph's bulk loader holds a whole load in memory (1.4 GB
#: for 2 million triples at once, under 300 MB in chunks of this size, at the same speed).
CHUNK_LINES = 250_000


def load_store(ntriples: Path, folder: Path) -> ox.Store:
    """Bulk-load `ntriples` into a fresh store at `folder`, replacing any older one only once the
    new one is complete (an interrupted build leaves the previous store usable)."""
    tmp = folder.with_name(folder.name + ".new")
    shutil.rmtree(tmp, ignore_errors=True)
    store = ox.Store(str(tmp))
    with ntriples.open("rb") as f:  # in chunks: one bulk load of everything buffers it all in memory
        while chunk := b"".join(islice(f, CHUNK_LINES)):
            store.bulk_load(chunk, format=ox.RdfFormat.N_TRIPLES)
    store.flush()
    del store  # closes RocksDB before the folder moves
    old = folder.with_name(folder.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if folder.exists():
        folder.rename(old)
    tmp.rename(folder)
    shutil.rmtree(old, ignore_errors=True)
    return ox.Store.read_only(str(folder))


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
