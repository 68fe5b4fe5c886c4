"""Document records held compressed in memory, decoded one at a time when a stage reads them.

A DocumentRecord as Python objects is ~30 times the size of its text (every measure is a dict of
strings); 100,000 of them would not fit the memory a build should need. Pickled and compressed
they take a few KB each, and every corpus-wide stage only ever needs one record at a time, in
order, or a few by id (the measures of a child and its ancestors, kept in a small LRU cache).
"""

from __future__ import annotations

import hashlib
import pickle
import zlib
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import overload

from .models import DocumentRecord, Measures


def pack(record: DocumentRecord) -> bytes:
    return zlib.compress(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL), 1)


def unpack(blob: bytes) -> DocumentRecord:
    return pickle.loads(zlib.decompress(blob))  # our own bytes, never input from outside


class PackedRecords(Sequence[DocumentRecord]):
    """An immutable sequence of records stored packed; iterating decodes them one by one."""

    def __init__(self, blobs: Iterable[bytes] = ()) -> None:
        self._blobs = tuple(blobs)

    def __len__(self) -> int:
        return len(self._blobs)

    @overload
    def __getitem__(self, i: int) -> DocumentRecord: ...
    @overload
    def __getitem__(self, i: slice) -> PackedRecords: ...
    def __getitem__(self, i: int | slice) -> DocumentRecord | PackedRecords:
        if isinstance(i, slice):
            return PackedRecords(self._blobs[i])
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
        for i, r in enumerate(records):
            if r.measures is not None:
                own.append((r.source, r.id, i))
            parts += [(r.source, k, p.number or p.id, i) for k, p in enumerate(r.parts)
                      if p.measures is not None]
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
