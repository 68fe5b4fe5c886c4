"""graph.nt and graph.ttl written block by block, copying the blocks an earlier build made.

Making and spelling triples is most of the RDF stage, and after a small change almost every
block is what it was. Each block is keyed by everything it is made from (export.rdf.Block's
inputs, with a measures block's packed-record digest and a comparisons block's comparison
keys, see memo.pair_key, so neither is decoded to tell that it did not change); a block whose
key the previous build recorded is copied from the previous files (memo.PreviousRdf). Once
graph.nt is in place, graph.jsonld is streamed from it (write_jsonld).
"""

from __future__ import annotations

import hashlib
import os
import pickle
from array import array
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph

from policygraph import __version__
from policygraph.build.memo import PreviousRdf
from policygraph.build.packed import MeasureIndex
from policygraph.export.rdf import Block
from policygraph.export.turtle import Serializer

#: Bump when the triples made for the same input change in a way the version does not capture.
RDF_FORMAT = 2
#: Bytes of unchanged blocks copied from the previous files in one read.
COPY_RUN = 8 << 20


def _key(*parts: object) -> int:
    data = pickle.dumps((__version__, RDF_FORMAT, parts), protocol=5)
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little")


def block_keys(measures: MeasureIndex, comparison_keys: Sequence[int]) -> Callable[[Block], int]:
    """The key of a block: its inputs, completed with what the build holds of the measures
    and comparisons it names."""
    def key(block: Block) -> int:
        if block.kind == "measures":
            return _key(*block.inputs, measures.digest(block.inputs[-1]))
        if block.kind == "comparisons":
            return _key(*block.inputs[:-1], tuple(comparison_keys[i] for i in block.inputs[-1]))
        return _key(*block.inputs)
    return key


def block_digest(data: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little")


@dataclass(frozen=True)
class Written:
    """What write_rdf wrote: the triple count; where each block lies in the N-Triples file
    (digest, offset, length: three unsigned 64-bit numbers a block), so the next build can
    tell which blocks changed and update a store by those alone; and for each block (key,
    N-Triples offset and length, Turtle offset and length, triples, digest), so the next
    build can copy the blocks whose key it finds (memo.PreviousRdf)."""

    triples: int
    blocks: array
    keyed: array


class _Files:
    """graph.nt and graph.ttl being written, with where the next block starts in each; runs
    of blocks copied from the previous files are gathered into one read."""

    def __init__(self, nt: Path, ttl: Path, previous: PreviousRdf, tee: Callable[[bytes], None] | None):
        self.nt, self.ttl = nt.open("wb", buffering=1 << 20), ttl.open("wb", buffering=1 << 20)
        self.previous, self.tee = previous, tee
        self.offset = self.t_offset = 0
        self.run = [0, 0, 0, 0]  # unchanged blocks lying one after another in the previous files

    def write(self, data: bytes, turtle: bytes) -> None:
        self.nt.write(data)
        self.ttl.write(turtle)
        if self.tee is not None:
            self.tee(data)

    def copy(self, o: int, size: int, to: int, t_size: int) -> None:
        run = self.run
        if o != run[0] + run[1] or to != run[2] + run[3] or run[1] + size > COPY_RUN:
            self.flush()
            run[0], run[2] = o, to
        run[1] += size
        run[3] += t_size

    def flush(self) -> None:
        if self.run[1] or self.run[3]:
            self.write(*self.previous.read(*self.run))
        self.run[:] = [0, 0, 0, 0]

    def close(self) -> None:
        self.nt.close()
        self.ttl.close()


def write_rdf(blocks: Iterable[Block], key_of: Callable[[Block], int], ttl: Path, nt: Path,
              serializer: Serializer, previous: PreviousRdf,
              tee: Callable[[bytes], None] | None = None) -> Written:
    """Stream blocks of triples to N-Triples and Turtle at once; a block whose key `previous`
    holds is copied from there, not made. Blocks come in a fixed order and each is sorted, so
    both files are byte-identical for the same input while only one block is held in memory.
    `tee` is given the N-Triples too as they are written, in whole lines (a store loading
    them meanwhile)."""
    count = 0
    index, keyed = array("Q"), array("Q")
    files = _Files(nt, ttl, previous, tee)
    try:
        files.ttl.write(serializer.header)
        files.t_offset = len(serializer.header)
        for block in blocks:
            key = key_of(block)
            hit = previous.locate(key)
            if hit is not None:
                o, size, to, t_size, n, digest = hit
                if not n:
                    continue
                files.copy(o, size, to, t_size)
            else:
                n, data, turtle = serializer.block(block.make())
                if not n:
                    continue
                files.flush()
                digest, size, t_size = block_digest(data), len(data), len(turtle)
                files.write(data, turtle)
            count += n
            index.extend((digest, files.offset, size))
            keyed.extend((key, files.offset, size, files.t_offset, t_size, n, digest))
            files.offset += size
            files.t_offset += t_size
        files.flush()
    finally:
        files.close()
    return Written(count, index, keyed)


def write_jsonld(nt: Path, path: Path) -> Path:
    """graph.jsonld: the triples of `nt` (graph.nt) as JSON-LD, in expanded form (full IRIs,
    every value typed: what any JSON-LD processor compacts with a context of its choosing),
    streamed by Oxigraph's serialiser in the order of graph.nt, so the same graph.nt gives the
    same bytes and a large graph is never held in memory."""
    fresh = path.with_name(path.name + ".new")
    pyoxigraph.serialize(pyoxigraph.parse(path=nt, format=pyoxigraph.RdfFormat.N_TRIPLES), fresh,
                         pyoxigraph.RdfFormat.JSON_LD)
    os.replace(fresh, path)
    return path
