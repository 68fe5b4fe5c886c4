"""What an earlier build already made, found again by everything it depends on.

Comparing a child with its ancestors is the costliest corpus-wide step, and after adding a few
documents almost every pair is what it was. Each line of comparisons.jsonl is indexed under a
key of the pair (child, ancestor, path, via, scale) and the packed records both sides' measures
come from; a rebuild copies the lines whose key it finds and compares only the rest. The index
names the size of the comparisons.jsonl it describes, so a file changed or replaced since is
simply not reused. documents.jsonl, graph.nt and graph.ttl, and the report's key terms are
reused the same way (a line per packed record, an RDF block per key of its inputs).
"""

from __future__ import annotations

import hashlib
import os
import pickle
from array import array
from bisect import bisect_left
from pathlib import Path
from types import TracebackType

from policygraph import __version__
from policygraph.build.cache import scheme_digest
from policygraph.corpus.compare import Pair
from policygraph.extract.measures.terms import key_terms
from policygraph.files import replacing, write_atomic

#: Bump when comparing changes in a way the package version does not capture (development).
COMPARE_FORMAT = 1
_MAGIC = b"PGCMPIX1"
#: Bytes of a previous JSON Lines file read at once when a line is not in the last read.
READ_AHEAD = 1 << 20


class SortedKeys:
    """The keys of a table of unsigned 64-bit rows (the key first in each row of `width`
    numbers), sorted, with the row each came from, searched by bisection: a dict of millions
    of entries would take several times the memory."""

    def __init__(self, body: array, width: int) -> None:
        keys = body[0::width]
        order = sorted(range(len(keys)), key=keys.__getitem__)
        self.keys = array("Q", (keys[i] for i in order))
        self.rows = array("Q", (i * width for i in order))

    def __len__(self) -> int:
        return len(self.keys)

    def __contains__(self, key: object) -> bool:
        return self.find(key) is not None  # type: ignore[arg-type]

    def find(self, key: int) -> int | None:
        """Where the row of `key` starts in the table, or None."""
        i = bisect_left(self.keys, key)
        return self.rows[i] if i < len(self.keys) and self.keys[i] == key else None


def pair_key(pair: Pair, child: bytes, parent: bytes) -> int:
    """A 64-bit key of a comparison: the pair, and digests of both sides' measures."""
    h = hashlib.blake2b(digest_size=8)
    for part in (f"{__version__}/{COMPARE_FORMAT}", pair.child, pair.parent, pair.via,
                 "\x1f".join(pair.path), "same" if pair.same_scale else "other"):
        h.update(part.encode("utf-8", "surrogatepass") + b"\0")
    h.update(child)
    h.update(parent)
    return int.from_bytes(h.digest(), "little")


class PreviousLines:
    """The lines of a previous JSON Lines output (comparisons.jsonl, documents.jsonl) by key;
    empty when there is no index or it does not describe the file as it is."""

    def __init__(self, jsonl: Path, index: Path) -> None:
        self._body = array("Q")
        self._at = SortedKeys(self._body, 3)
        self._fd: int | None = None
        self._window, self._window_at = b"", 0  # the bytes of the file read last, and where
        try:
            data = index.read_bytes()
            size = jsonl.stat().st_size
        except OSError:
            return
        head = array("Q", data[8:16]) if len(data) >= 16 else array("Q")
        if not data.startswith(_MAGIC) or len(head) != 1 or head[0] != size or (len(data) - 16) % 24:
            return
        self._body = array("Q", data[16:])  # three numbers a line: key, offset, length
        self._at = SortedKeys(self._body, 3)
        if size:  # read with pread, not mmap: mapped pages would count in the build's memory
            self._fd = os.open(jsonl, os.O_RDONLY)

    def __len__(self) -> int:
        return len(self._at)

    def __contains__(self, key: object) -> bool:
        return self._fd is not None and key in self._at

    def get(self, key: int) -> bytes | None:
        i = self._at.find(key)
        if i is None or self._fd is None:
            return None
        at, n = self._body[i + 1], self._body[i + 2]
        start = at - self._window_at
        if start < 0 or start + n > len(self._window):
            # A rebuild asks for most lines in their old order: read ahead, not line by line.
            self._window, self._window_at, start = os.pread(self._fd, max(n, READ_AHEAD), at), at, 0
        return self._window[start:start + n]

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
        self._fd = None


def record_key(blob: bytes) -> int:
    """A 64-bit key of a packed record (documents.jsonl holds one line per record)."""
    h = hashlib.blake2b(f"{__version__}/{COMPARE_FORMAT}".encode(), digest_size=8)
    h.update(blob)
    return int.from_bytes(h.digest(), "little")


class Rewrite:
    """Write a JSON Lines output anew, line by line under keys, with the previous file's lines
    at hand (`previous`). The index is deleted first and the file written beside the old one;
    only when every line is written does it replace the old file and get its new index."""

    def __init__(self, jsonl: Path, index: Path) -> None:
        self.jsonl, self.index = jsonl, index
        self.previous = PreviousLines(jsonl, index)
        index.unlink(missing_ok=True)  # until the new file is complete, there is nothing to reuse
        self._file = replacing(jsonl, buffering=1 << 20)
        self._f = self._file.__enter__()
        self._entries = array("Q")
        self._offset = 0

    def write(self, key: int, line: bytes) -> None:
        self._f.write(line)
        self._entries.extend((key, self._offset, len(line)))
        self._offset += len(line)

    def __enter__(self) -> Rewrite:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.previous.close()  # before the file it reads is replaced
        self._file.__exit__(kind, value, tb)
        if kind is None:
            write_index(self.index, self.jsonl, self._entries)


def write_index(index: Path, jsonl: Path, entries: array) -> None:
    """Record (key, offset, length) of each line of `jsonl`, written just now."""
    write_atomic(index, _MAGIC + array("Q", [jsonl.stat().st_size]).tobytes() + entries.tobytes())


_RDF_MAGIC = b"PGRDFMO3"
_RDF_FIELDS = 7  # key, N-Triples offset and length, Turtle offset and length, triples, digest


class PreviousRdf:
    """The blocks of the previous graph.nt and graph.ttl by key (rdf.Block), to be copied into
    the new files where the key is found; empty when the record does not match both files, or
    was written with other Turtle prefixes (`salt`: a block's Turtle text depends on them)."""

    def __init__(self, nt: Path, ttl: Path, record: Path, salt: int = 0) -> None:
        self._body = array("Q")
        self._at = SortedKeys(self._body, _RDF_FIELDS)
        self._fds: list[int] = []
        try:
            data = record.read_bytes()
            sizes = (nt.stat().st_size, ttl.stat().st_size)
        except OSError:
            return
        head = array("Q", data[8:32]) if len(data) >= 32 else array("Q")
        if not data.startswith(_RDF_MAGIC) or tuple(head) != (*sizes, salt) or 0 in sizes \
                or (len(data) - 32) % (8 * _RDF_FIELDS):
            return
        self._body = array("Q", data[32:])  # _RDF_FIELDS numbers a block
        self._at = SortedKeys(self._body, _RDF_FIELDS)
        self._fds = [os.open(nt, os.O_RDONLY), os.open(ttl, os.O_RDONLY)]  # pread: see PreviousLines

    def __len__(self) -> int:
        return len(self._at)

    def locate(self, key: int) -> tuple[int, int, int, int, int, int] | None:
        """(N-Triples offset and length, Turtle offset and length, triple count, digest) of the
        block with this key in the previous files, or None."""
        i = self._at.find(key)
        if i is None:
            return None
        o, n, to, tn, count, digest = self._body[i + 1:i + _RDF_FIELDS]
        return o, n, to, tn, count, digest

    def read(self, o: int, n: int, to: int, tn: int) -> tuple[bytes, bytes]:
        """The bytes at these spans of the previous graph.nt and graph.ttl."""
        return os.pread(self._fds[0], n, o), os.pread(self._fds[1], tn, to)

    def close(self) -> None:
        for fd in self._fds:
            os.close(fd)
        self._fds = []
        self._body = array("Q")
        self._at = SortedKeys(self._body, _RDF_FIELDS)


def write_rdf_record(record: Path, nt: Path, ttl: Path, keyed: array, salt: int = 0) -> None:
    """Record where each keyed block lies in `nt` and `ttl`, both in their final place."""
    write_atomic(record, _RDF_MAGIC + array("Q", [nt.stat().st_size, ttl.stat().st_size, salt]).tobytes()
                 + keyed.tobytes())


class KeyTerms(dict[int, tuple[str, ...]]):
    """Key terms of provision texts (measures.key_terms, part-of-speech tagging: the costliest
    part of the report) from the previous build, by a hash of the text, the scheme file and
    policygraph's version; only those asked for this time are kept for the next."""

    def __init__(self, path: Path, scheme_path: str | None) -> None:
        super().__init__()
        self.scheme_path = scheme_path
        self.asked: set[int] = set()
        self._salt = bytes.fromhex(scheme_digest(scheme_path)) + f"|{__version__}|".encode()
        try:
            with path.open("rb") as f:
                data = pickle.load(f)  # our own file in the build's .cache
            if isinstance(data, dict):
                self.update(data)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
            pass

    def of(self, text: str) -> tuple[str, ...]:
        """The key terms of `text`, as the last build found them or found now."""
        key = int.from_bytes(hashlib.blake2b(self._salt + text.encode("utf-8", "surrogatepass"),
                                             digest_size=8).digest(), "little")
        self.asked.add(key)
        terms = self.get(key)
        if terms is None:
            terms = self[key] = key_terms(text, self.scheme_path)
        return terms

    def save(self, path: Path) -> None:
        with replacing(path) as f:
            pickle.dump({k: self[k] for k in sorted(self.asked) if k in self}, f, protocol=5)
