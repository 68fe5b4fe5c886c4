"""Document records held compressed in memory, decoded one at a time when a stage reads them.

A DocumentRecord as Python objects is many times the size of its text (an object of strings per
provision and measure); 100,000 of them would not fit the memory a build should need. Pickled and compressed
they take a few KB each, and every corpus-wide stage only ever needs one record at a time, in
order, or a few by id (the measures of a child and its ancestors, kept in a small LRU cache).
"""

from __future__ import annotations

import hashlib
import pickle
import zlib
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import NamedTuple, overload

from policygraph.models import DocumentRecord, Measures


def pack(record: DocumentRecord) -> bytes:
    return zlib.compress(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL), 1)


def unpack(blob: bytes) -> DocumentRecord:
    return pickle.loads(zlib.decompress(blob))  # our own bytes, never input from outside


class Head(NamedTuple):
    """What indexing a record's measures needs from it, kept beside the packed record so that
    no corpus-wide pass decodes every record for it (a decode is ~0.2 ms: 20 s at 100k)."""

    source: str
    id: str
    measured: bool  # the document has measures of its own
    parts: tuple[tuple[int, str], ...]  # (position, node id) of each embedded part with measures


def head_of(r: DocumentRecord) -> Head:
    return Head(r.source, r.id, r.measures is not None,
                tuple((k, p.number or p.id) for k, p in enumerate(r.parts) if p.measures is not None))


class PackedRecords(Sequence[DocumentRecord]):
    """An immutable sequence of records stored packed; iterating decodes them one by one.
    `heads` (one per record) are given where the records were decoded anyway."""

    def __init__(self, blobs: Iterable[bytes] = (), heads: Iterable[Head] | None = None) -> None:
        self._blobs = tuple(blobs)
        self._heads = None if heads is None else tuple(heads)
        if self._heads is not None and len(self._heads) != len(self._blobs):
            raise ValueError("one head per record")

    def heads(self) -> Iterator[Head]:
        """Each record's Head, decoding the records only if none were given."""
        return iter(self._heads) if self._heads is not None else (head_of(r) for r in self)

    def __len__(self) -> int:
        return len(self._blobs)

    @overload
    def __getitem__(self, i: int) -> DocumentRecord: ...
    @overload
    def __getitem__(self, i: slice) -> PackedRecords: ...
    def __getitem__(self, i: int | slice) -> DocumentRecord | PackedRecords:
        if isinstance(i, slice):
            return PackedRecords(self._blobs[i], None if self._heads is None else self._heads[i])
        return unpack(self._blobs[i])

    def __iter__(self) -> Iterator[DocumentRecord]:
        for b in self._blobs:
            yield unpack(b)

    def blob(self, i: int) -> bytes:
        return self._blobs[i]


class MeasureIndex(Mapping[str, Measures]):
    """The measures of every document with text, by graph node id, decoded on demand.

    Same keys as compare.measures_by_node would give (a file's own document first, then the
    documents embedded in it); the most recently used `cache` entries stay decoded."""

    def __init__(self, records: PackedRecords, cache: int = 4096) -> None:
        self._records = records
        self._where: dict[str, tuple[int, int]] = {}
        own: list[tuple[str, str, int]] = []
        parts: list[tuple[str, int, str, int]] = []
        for i, h in enumerate(records.heads()):
            if h.measured:
                own.append((h.source, h.id, i))
            parts += [(h.source, k, node, i) for k, node in h.parts]
        for _src, node, i in sorted(own):
            self._where.setdefault(node, (i, -1))
        for _src, k, node, i in sorted(parts):
            self._where.setdefault(node, (i, k))
        self._cache: OrderedDict[str, Measures] = OrderedDict()
        self._digests: dict[int, bytes] = {}
        self._size = cache

    def __len__(self) -> int:
        return len(self._where)

    def __iter__(self) -> Iterator[str]:
        return iter(self._where)

    def __contains__(self, key: object) -> bool:
        return key in self._where

    def digest(self, key: str) -> bytes:
        """Identifies the measures of `key` without decoding them: a hash of the packed record
        they come from, and which part of it."""
        i, k = self._where[key]
        d = self._digests.get(i)
        if d is None:
            d = self._digests[i] = hashlib.blake2b(self._records.blob(i), digest_size=16).digest()
        return d + k.to_bytes(4, "little", signed=True)

    def __getitem__(self, key: str) -> Measures:
        hit = self._cache.get(key)
        if hit is not None:
            self._cache.move_to_end(key)
            return hit
        i, k = self._where[key]
        r = self._records[i]
        m = r.measures if k < 0 else r.parts[k].measures
        assert m is not None
        self._cache[key] = m
        if len(self._cache) > self._size:
            self._cache.popitem(last=False)
        return m
