"""The build's store (DIR/store) brought up to date with graph.nt: loaded while graph.nt is
written when it is new, else updated by the blocks that changed (a manifest records which
graph.nt it holds); an interrupted build leaves the previous store usable.
"""

from __future__ import annotations

import hashlib
import os
import queue
import shutil
import threading
from array import array
from pathlib import Path

import pyoxigraph as ox

from policygraph.build.rdf import Written
from policygraph.files import write_atomic

#: Bytes of N-Triples per bulk load: Oxigraph's bulk loader holds a whole load in memory (1.4 GB
#: for 2 million triples at once, under 300 MB in chunks of this size, at the same speed).
CHUNK_BYTES = 32 << 20


class Loader:
    """Bulk-loads N-Triples into a fresh store at `folder` in a background thread, as they are
    fed (whole lines), so loading overlaps with making them: Oxigraph loads without holding
    the GIL. `finish` replaces any older store only once the new one is complete, so an
    interrupted build leaves the previous store usable; `abort` drops the new one."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._tmp = folder.with_name(folder.name + ".new")
        shutil.rmtree(self._tmp, ignore_errors=True)
        self._store: ox.Store | None = ox.Store(str(self._tmp))
        self._buffer: list[bytes] = []
        self._size = 0
        self._chunks: queue.Queue[bytes | None] = queue.Queue(maxsize=2)  # bounds the memory held
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="store-loader", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (chunk := self._chunks.get()) is not None:
            if self._error is None:
                try:
                    self._store.bulk_load(chunk, format=ox.RdfFormat.N_TRIPLES)  # type: ignore[union-attr]
                except BaseException as e:  # reported by finish, in the building thread
                    self._error = e

    def __call__(self, data: bytes) -> None:
        self._buffer.append(data)
        self._size += len(data)
        if self._size >= CHUNK_BYTES:
            self._send()

    def _send(self) -> None:
        if self._buffer:
            self._chunks.put(b"".join(self._buffer))
        self._buffer, self._size = [], 0

    def _stop(self) -> None:
        self._send()
        self._chunks.put(None)
        self._thread.join()

    def finish(self) -> ox.Store:
        """The loaded store, in place at `folder` and opened read-only."""
        self._stop()
        if self._error is not None:
            self.abort()
            raise self._error
        self._store.flush()  # type: ignore[union-attr]
        self._store = None  # closes RocksDB before the folder moves
        old = self.folder.with_name(self.folder.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if self.folder.exists():
            self.folder.rename(old)
        self._tmp.rename(self.folder)
        shutil.rmtree(old, ignore_errors=True)
        return ox.Store.read_only(str(self.folder))

    def abort(self) -> None:
        if self._thread.is_alive():
            self._buffer, self._size = [], 0
            self._stop()
        self._store = None
        shutil.rmtree(self._tmp, ignore_errors=True)


def load_store(ntriples: Path, folder: Path) -> ox.Store:
    """Bulk-load `ntriples` into a fresh store at `folder` (see Loader)."""
    loader = Loader(folder)
    try:
        with ntriples.open("rb") as f:
            for lines in iter(lambda: f.readlines(CHUNK_BYTES), []):
                loader(b"".join(lines))
    except BaseException:
        loader.abort()
        raise
    return loader.finish()


def updatable(folder: Path, nt: Path, manifest: Path) -> tuple[int, array] | None:
    """(the store's triple count, the blocks of `nt` it holds) if the store can be updated to
    a new graph.nt; None if it must be loaded afresh (no store, or none the manifest
    describes): then the build feeds a Loader while it writes graph.nt."""
    return _read_manifest(manifest, nt, folder) if folder.is_dir() else None


#: Above this share of the triples changed, reloading the store is faster than updating it.
MAX_CHANGED = 0.25


_MAGIC = b"PGBLOCK3"  # then graph.nt's size, the store's triple count and its fingerprint


def sync_store(folder: Path, nt: Path, written: Written, new_nt: Path, manifest: Path,
               previous: tuple[int, array] | None, loaded: Loader | None = None) -> ox.Store:
    """Make the store at `folder` hold `new_nt` (just written, described by `written`), which
    then replaces `nt`. `previous`: what updatable said before `new_nt` was written; `loaded`:
    a Loader fed `new_nt` as it was written (when `previous` is None).

    `manifest` records which graph.nt the store holds, block by block. When it matches the
    current `nt`, only the triples of blocks that changed are removed and added; otherwise
    (first build, an interrupted one, too much changed) the store is loaded afresh. The manifest
    is deleted before the store is touched and written only once store and graph.nt agree
    again, so an interrupted build is followed by a full load, never by a store that lies."""
    manifest.unlink(missing_ok=True)
    updated = previous is not None and _update(folder, nt, previous, new_nt, written)
    if not updated:
        store = loaded.finish() if loaded is not None else load_store(new_nt, folder)
        count = len(store)  # counts every quad: affordable once after a load, not on every update
    else:
        store, count = ox.Store.read_only(str(folder)), written.triples
    os.replace(new_nt, nt)
    if count == written.triples:  # every triple in one block only: updates stay exact
        _write_manifest(manifest, nt, written, folder)
    return store


def _update(folder: Path, nt: Path, previous: tuple[int, array], new_nt: Path,
            written: Written) -> bool:
    """Remove the triples of `nt` that are gone and add those of `new_nt` that are new, looking
    only into blocks that changed; False (the store untouched) if a fresh load is cheaper.

    The store's triple count is carried forward (each removed triple found in it, each added
    one not) and checked against `written`; False when it disagrees, so the caller loads afresh."""
    count, old = previous  # the store's triple count, the blocks of `nt`
    new = written.blocks
    # Sets of the digests: ~80 bytes a block for a moment, and hashing beats bisecting arrays.
    old_keys, new_keys = set(old[0::3]), set(new[0::3])
    gone = sorted((old[i + 1], old[i + 2]) for i in range(0, len(old), 3) if old[i] not in new_keys)
    added = sorted((new[i + 1], new[i + 2]) for i in range(0, len(new), 3) if new[i] not in old_keys)
    del old_keys, new_keys
    if sum(n for _o, n in gone) + sum(n for _o, n in added) > MAX_CHANGED * max(1, new_nt.stat().st_size):
        return False
    before, after = _lines(nt, gone), _lines(new_nt, added)
    removed, inserted = before - after, after - before  # a block may change in a few triples only
    del before, after
    store = ox.Store(str(folder))
    for lines, remove in ((removed, True), (inserted, False)):
        quads = list(ox.parse(b"".join(line + b"\n" for line in sorted(lines)),
                              format=ox.RdfFormat.N_TRIPLES))
        for q in quads:
            if (q in store) == remove:
                count += -1 if remove else 1
            if remove:
                store.remove(q)
        if not remove:
            store.extend(quads)
    store.flush()
    del store
    return count == written.triples  # else not what a fresh load would hold: load afresh


def _lines(nt: Path, spans: list[tuple[int, int]]) -> set[bytes]:
    out: set[bytes] = set()
    with nt.open("rb") as f:
        for start, length in spans:
            f.seek(start)
            out.update(f.read(length).splitlines())
    return out


def fingerprint(folder: Path) -> int:
    """A hash of the names, sizes and modification times of the store's files: RocksDB writes
    files on any change to the store and none when it is opened read-only, so a store changed
    since the manifest was written (by anything but this module) is not trusted to be updated."""
    try:
        files = sorted((f.name, f.stat().st_size, f.stat().st_mtime_ns) for f in folder.iterdir()
                       if not f.name.startswith("LOG"))  # RocksDB's info log is not data
    except OSError:
        return 0
    return int.from_bytes(hashlib.blake2b(repr(files).encode(), digest_size=8).digest(), "little")


def _read_manifest(manifest: Path, nt: Path, folder: Path) -> tuple[int, array] | None:
    """(the store's triple count, its blocks) if the manifest describes the current `nt` and the
    store as it is."""
    try:
        data = manifest.read_bytes()
        size = nt.stat().st_size
    except OSError:
        return None
    head = array("Q", data[len(_MAGIC):len(_MAGIC) + 24])
    if not data.startswith(_MAGIC) or len(head) != 3 or (len(data) - 32) % 24 \
            or head[0] != size or head[2] != fingerprint(folder):
        return None
    return head[1], array("Q", data[32:])


def _write_manifest(manifest: Path, nt: Path, written: Written, folder: Path) -> None:
    head = array("Q", [nt.stat().st_size, written.triples, fingerprint(folder)])
    write_atomic(manifest, _MAGIC + head.tobytes() + written.blocks.tobytes())
