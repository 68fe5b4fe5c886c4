"""Every comparison of a build, made in worker processes and held compactly until written.

Comparing a child with its ancestors is the costliest corpus-wide step. Pairs are compared in
forked workers that inherit the measures instead of receiving them, each keeping the shingle
indexes of the parents it met last (a parent is shared by many children); comparisons.jsonl
lines an earlier build wrote for the same inputs are copied instead of made again (memo.py).
"""

from __future__ import annotations

import json
import multiprocessing
import os
import sys
import tempfile
from array import array
from collections.abc import Generator, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import overload

from cachetools import LRUCache

from policygraph.build.memo import Rewrite, pair_key
from policygraph.build.packed import MeasureIndex
from policygraph.children import die_with_parent
from policygraph.corpus.compare import Comparison, Pair, ShingleIndex, compare, moves, plan, summary
from policygraph.corpus.link import Linked
from policygraph.models import Measures

#: 3-grams of the shingle indexes a process keeps (about 200 bytes each): a parent's ancestors
#: span several levels and places, and a cache of 256 indexes missed on 37% of lookups at
#: 10,000 generated documents, this one on about 10% (docs/performance.md).
INDEX_SHINGLES = 500_000
#: Pairs per task sent to a worker: large enough that a worker's index cache of the shared
#: parents pays off, small enough to keep both workers busy to the end.
PAIRS_PER_TASK = 1000
#: Bytes of comparison summaries gathered before they are written to the spill file.
SPILL_BUFFER = 1 << 20


class IndexCache(LRUCache[str, ShingleIndex]):
    """Shingle indexes of the documents compared last, bounded by their 3-grams, not their
    number: a long law has a hundred times the 3-grams of a short notice."""

    def __init__(self, limit: int = INDEX_SHINGLES) -> None:
        super().__init__(maxsize=limit, getsizeof=lambda index: 1 + len(index.every))

    def of(self, node: str, m: Measures) -> ShingleIndex:
        index = self.get(node)
        if index is None:
            index = ShingleIndex.of(m)
            if self.getsizeof(index) <= self.maxsize:  # larger than the whole cache: not kept
                self[node] = index
        return index


@dataclass(frozen=True)
class Made:
    """One comparison as the build needs it: its comparisons.jsonl line, its summary's JSON
    (what Summaries holds) and how many of its changes move a target or deadline."""

    line: bytes
    summary: bytes
    moves: int

    @classmethod
    def of(cls, c: Comparison) -> Made:
        return cls(line_of(c), _json(summary(c).to_dict()), moves(c))


def line_of(c: Comparison) -> bytes:
    """A comparison as its line of comparisons.jsonl."""
    return _json(c.to_dict()) + b"\n"


def _json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


def make_all(pairs: Iterable[Pair], measures: Mapping[str, Measures],
             jobs: int = 1) -> Generator[Made, None, None]:
    """The comparisons of `pairs`, in their order, as they are made (a generator: the build
    writes each out as it comes). With `jobs` > 1 and fork available, in worker processes."""
    pairs = list(pairs)
    if jobs <= 1 or len(pairs) < 4 * PAIRS_PER_TASK or \
            "fork" not in multiprocessing.get_all_start_methods():
        indexes = IndexCache()
        for p in pairs:
            yield _make(measures, p, indexes)
        return
    tasks = [pairs[i:i + PAIRS_PER_TASK] for i in range(0, len(pairs), PAIRS_PER_TASK)]
    with multiprocessing.get_context("fork").Pool(jobs, initializer=_start_worker,
                                                  initargs=(measures,)) as pool:
        for done in pool.imap(_task, tasks):
            yield from done


_WORKER: dict[str, object] = {}  # per worker process: the measures and its own index cache


def _start_worker(measures: Mapping[str, Measures]) -> None:
    die_with_parent()  # a build killed outright leaves no worker waiting for tasks (children.py)
    _WORKER["measures"] = measures
    _WORKER["indexes"] = IndexCache()


def _task(pairs: list[Pair]) -> list[Made]:
    measures, indexes = _WORKER["measures"], _WORKER["indexes"]
    return [_make(measures, p, indexes) for p in pairs]  # type: ignore[arg-type]


def _make(measures: Mapping[str, Measures], p: Pair, indexes: IndexCache) -> Made:
    child, parent = measures[p.child], measures[p.parent]
    return Made.of(compare(p.child, p.parent, child, parent, p.via, p.path, p.same_scale,
                           (indexes.of(p.child, child), indexes.of(p.parent, parent))))


def write_comparisons(linked: Linked, measures: MeasureIndex, places: dict[str, str | None], jsonl: Path,
                      index: Path, jobs: int, spill: Path | None = None) -> tuple[Summaries, list[int]]:
    """Write comparisons.jsonl, copying what the previous build compared where nothing it
    depends on changed (memo.py); return the comparisons without their per-provision rows, and
    the key of each (everything it depends on: the RDF of a comparison is keyed by it too). With
    `spill`, the summaries are kept in a temporary file there (see Summaries): close them."""
    pairs = list(plan(linked.edges, measures, places=places))
    keys = [pair_key(p, measures.digest(p.child), measures.digest(p.parent)) for p in pairs]
    out = Summaries(spill)
    with Rewrite(jsonl, index) as w:
        fresh = make_all([p for p, k in zip(pairs, keys, strict=True) if k not in w.previous],
                         measures, jobs)
        try:
            for pair, key in zip(pairs, keys, strict=True):
                line = w.previous.get(key)
                made = next(fresh) if line is None else Made.of(Comparison.from_dict(json.loads(line)))
                out.append_made(made, (pair.child, pair.parent, pair.via))
                w.write(key, made.line if line is None else line)
        finally:
            fresh.close()  # its worker pool and that pool's threads end now, not when collected
    return out, keys


class Summaries(Sequence[Comparison]):
    """Comparison summaries, each held as its JSON text and decoded when read.

    A build holds every comparison (hundreds of thousands at 100k documents) from comparing
    until the report; as Python objects each summary takes about 2 KB, as UTF-8 JSON a fifth of
    that, and in a `spill` folder's temporary file (deleted when closed, or when the build
    ends whatever way) nothing but its end offset: the build's memory then grows with the
    number of comparisons, not their size. Child, parent and via, which order and group them,
    are kept decoded (`heads`, see compare.heads_of), and how many of each one's changes move a
    target or deadline (`moves`), which the report counts. Forked stages read the file too
    (positioned reads: no shared file position)."""

    def __init__(self, spill: Path | None = None) -> None:
        self._data = bytearray()
        self._file = tempfile.TemporaryFile(dir=spill) if spill is not None else None  # noqa: SIM115 (closed by close)
        self._written = 0
        self._ends = array("Q")
        self.heads: list[tuple[str, str, str]] = []  # (child, parent, via) of each
        self.moves = array("I")

    def append(self, c: Comparison) -> None:
        self.append_made(Made.of(c), (c.child, c.parent, c.via))

    def append_made(self, made: Made, head: tuple[str, str, str]) -> None:
        self._data += made.summary
        self._ends.append(self._written + len(self._data))
        if self._file is not None and len(self._data) >= SPILL_BUFFER:
            self._flush()
        self.moves.append(made.moves)
        self.heads.append((sys.intern(head[0]), sys.intern(head[1]), sys.intern(head[2])))

    def _flush(self) -> None:
        assert self._file is not None
        self._file.write(self._data)
        self._file.flush()
        self._written += len(self._data)
        self._data = bytearray()

    def close(self) -> None:
        """Remove the spill file (a no-op without one)."""
        if self._file is not None:
            self._file.close()

    def __enter__(self) -> Summaries:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def __len__(self) -> int:
        return len(self._ends)

    @overload
    def __getitem__(self, i: int) -> Comparison: ...
    @overload
    def __getitem__(self, i: slice) -> list[Comparison]: ...
    def __getitem__(self, i: int | slice) -> Comparison | list[Comparison]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        start, end = self._ends[i - 1] if i else 0, self._ends[i]
        if start >= self._written:  # not yet written out (each summary is whole in one place)
            text = bytes(self._data[start - self._written:end - self._written])
        else:
            assert self._file is not None
            text = os.pread(self._file.fileno(), end - start, start)
        return Comparison.from_dict(json.loads(text))

    def __iter__(self) -> Iterator[Comparison]:
        for i in range(len(self)):
            yield self[i]
