"""Document records held compressed, decoded one at a time when a stage reads them.

A DocumentRecord as Python objects is many times the size of its text (an object of strings per
provision and measure); 100,000 of them would not fit the memory a build should need. Pickled and compressed
they take a few KB each, and every corpus-wide stage only ever needs one record at a time, in
order, or a few by id (the measures of a child and its ancestors, kept in a small LRU cache).
A build keeps them in a Partition file, not in memory (2.6 KB a document less at 10k generated
documents: a million would still be gigabytes).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
import zlib
from array import array
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping, MutableSequence, Sequence
from pathlib import Path
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


class Partition(MutableSequence[bytes]):
    """Packed records in an append-only file, only their offsets in memory: what lets the
    coordinator of a build hold 1 M documents (their blobs average a few KB; an offset and a
    length are 12 bytes). The file lies in the build folder's .cache and has no name there (see
    __init__): it is read through its descriptor (by this process and the stages forked beside,
    with pread, so no shared position), and nothing is left behind however the build ends, even
    killed. A record replaced (re-extracted, renamed) is appended again; its earlier bytes stay
    where they were. The bytes are appended in the order the build takes its results (input
    order), so the file is the same on every run. Closing it, or any view of it, closes the file
    for all of them."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        # A file without a name (O_TMPFILE where the system has it, else one unlinked at once):
        # a build killed at any moment leaves nothing behind.
        self._file = tempfile.TemporaryFile(dir=folder)  # noqa: SIM115 (closed by close)
        self._fd = self._file.fileno()
        self._folder = folder
        self._end = 0
        self._at = array("Q")  # offset of each record
        self._size = array("I")  # its length
        self._view = False  # a view only reads (another object appends)

    def _write(self, blob: bytes) -> int:
        if self._view:
            raise TypeError("a view of a partition only reads")
        at = self._end
        view = memoryview(blob)
        try:
            while view:  # pwrite may write less than asked
                n = os.pwrite(self._fd, view, self._end)
                self._end += n
                view = view[n:]
        except OSError as e:  # a full disk: say where (the file has no name of its own)
            raise OSError(e.errno, e.strerror, str(self._folder)) from None
        return at

    def __len__(self) -> int:
        return len(self._at)

    @overload
    def __getitem__(self, i: int) -> bytes: ...
    @overload
    def __getitem__(self, i: slice) -> list[bytes]: ...
    def __getitem__(self, i: int | slice) -> bytes | list[bytes]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        return os.pread(self._fd, self._size[i], self._at[i])

    @overload
    def __setitem__(self, i: int, blob: bytes) -> None: ...
    @overload
    def __setitem__(self, i: slice, blob: Iterable[bytes]) -> None: ...
    def __setitem__(self, i: int | slice, blob: bytes | Iterable[bytes]) -> None:
        if isinstance(i, slice) or not isinstance(blob, bytes):
            raise TypeError("a partition replaces one record at a time")
        self._at[i], self._size[i] = self._write(blob), len(blob)

    def __delitem__(self, i: int | slice) -> None:
        raise TypeError("a partition is append-only")

    def insert(self, i: int, blob: bytes) -> None:
        if i != len(self):
            raise TypeError("a partition is append-only")
        self._at.append(self._write(blob))
        self._size.append(len(blob))

    def view(self, order: Iterable[int]) -> Partition:
        """The same file's records in `order` (sharing the descriptor: no byte is copied)."""
        other = Partition.__new__(Partition)
        other._file, other._fd, other._end, other._folder = self._file, self._fd, self._end, self._folder
        other._at, other._size, other._view = array("Q"), array("I"), True
        for k in order:
            other._at.append(self._at[k])
            other._size.append(self._size[k])
        return other

    def close(self) -> None:
        """Close the file (its space is freed once no forked stage holds it either)."""
        self._file.close()
        self._fd = -1


class PackedRecords(Sequence[DocumentRecord]):
    """An immutable sequence of records stored packed; iterating decodes them one by one.
    `heads` (one per record) are given where the records were decoded anyway. The packed
    records are held in memory, or in a Partition file."""

    def __init__(self, blobs: Iterable[bytes] = (), heads: Iterable[Head] | None = None) -> None:
        self._blobs: Sequence[bytes] = blobs if isinstance(blobs, Partition) else tuple(blobs)
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
            part = self._blobs.view(range(*i.indices(len(self)))) if isinstance(self._blobs, Partition) \
                else self._blobs[i]
            return PackedRecords(part, None if self._heads is None else self._heads[i])
        return unpack(self._blobs[i])

    def __iter__(self) -> Iterator[DocumentRecord]:
        for b in self._blobs:
            yield unpack(b)

    def blob(self, i: int) -> bytes:
        return self._blobs[i]

    def close(self) -> None:
        """Close the Partition file holding the records, if they are in one."""
        if isinstance(self._blobs, Partition):
            self._blobs.close()


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
