"""What the last build read, so that a rebuild need not read it again.

Reading a file, detecting its encoding and hashing its text cost far more than finding its
extraction in the cache: a rebuild after adding 1% of the documents spent most of its
extraction stage reading the other 99% again. For each file the last build read without
failure, the manifest keeps its stat (size, modification and change times, inode) and the
cache keys of the sources it gave; a file whose stat is unchanged is not read, its records come
from the cache under those keys. Any doubt means reading: no manifest or one of another
version or measure scheme, a cache entry gone, or a file modified so close to the moment the
manifest was written that a later change in the same clock tick could hide (git's "racily
clean" entries).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from policygraph import __version__
from policygraph.build.cache import CACHE_FORMAT, Cache
from policygraph.files import write_atomic

_FORMAT = 2
#: A file modified less than this before the manifest was written is read again next time:
#: its next change could leave the same size and times on a coarse-clocked file system.
RACY_NS = 2_000_000_000


@dataclass(frozen=True)
class Known:
    """A source an unchanged file gave the last build: its cached record, and the key and
    record it had when re-extracted with the codes the corpus taught (if it was)."""

    path: str
    key: str
    blob: bytes
    taught: tuple[str, str] | None  # (digest of the learned codes, key)
    facts: object  # what the build read of the record last time (build.Facts as JSON)


#: Per source: (key, digest of the learned codes it was re-extracted with or "", that key or "",
#: build.Facts of the record as JSON).
SourceKeys = tuple[str, str, str, object]


class FileStat(NamedTuple):
    """What tells a file's content changed without reading it."""

    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int

    @classmethod
    def of_json(cls, v: object) -> FileStat | None:
        """A stat as a manifest stores it (a JSON list); None for anything else."""
        if isinstance(v, list) and len(v) == 4 and all(type(x) is int for x in v):
            return cls(*v)
        return None

    def trusted(self, stat_taken_ns: int) -> bool:
        """Whether a file with this stat, taken at `stat_taken_ns`, can be trusted unchanged
        while its stat is: not when it was modified within RACY_NS of that moment ("racily
        clean", as git calls it), since its next change could leave the same stat."""
        return max(self.mtime_ns, self.ctime_ns) < stat_taken_ns - RACY_NS


def file_stat(path: Path) -> FileStat | None:
    """The file's stat, or None if it is gone."""
    try:
        st = path.stat()
    except OSError:
        return None
    return FileStat(st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


class Stamps:
    """The manifest of `file` for one extraction `context` (the scheme digest): asked about
    each file of a build (`known`), it remembers their stats, and `save` writes the next one."""

    def __init__(self, file: Path, context: str, cache: Cache,
                 stats: Mapping[str, FileStat] | None = None) -> None:
        """`stats`: the files' stats by name, when the build has already taken them (before
        reading anything, see uptodate.py); a file not in it is stat'ed when asked about."""
        self.file = file
        self._stats = stats or {}
        self.context = f"{__version__}/{CACHE_FORMAT}/{_FORMAT}/{context}"
        self.cache = cache
        self.seen: dict[str, FileStat] = {}
        self._files: dict[str, tuple[FileStat, list]] = {}  # file → its stat, its sources
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if isinstance(data, dict) and data.get("context") == self.context:
            written = int(data.get("written", 0))
            for rel, v in data.get("files", {}).items():
                stat = FileStat.of_json(v[:4]) if isinstance(v, list) and len(v) == 5 else None
                if stat is not None and stat.trusted(written):
                    self._files[rel] = (stat, v[4])

    def known(self, path: Path, rel: str) -> list[Known] | None:
        """The sources of `path` from the cache, or None: read it."""
        stat = self._stats.get(rel) or file_stat(path)
        if stat is None:
            return None
        self.seen[rel] = stat
        entry = self._files.get(rel)
        if entry is None or entry[0] != stat:
            return None
        out = []
        try:
            for source, key, t_digest, t_key, facts in entry[1]:
                blob = self.cache.get(key)
                if blob is None:
                    return None
                out.append(Known(source, key, blob, (t_digest, t_key) if t_digest else None, facts))
        except (TypeError, ValueError):  # not what save writes: read the file
            return None
        return out

    def save(self, keys: Mapping[str, SourceKeys], failed: Iterable[str]) -> None:
        """Write the manifest for the files seen: those that gave sources and no failure."""
        bad = {_file_of(p, self.seen) for p in failed}
        by_file: dict[str, list] = {}
        for source, k in sorted(keys.items()):
            rel = _file_of(source, self.seen)
            if rel is not None:
                by_file.setdefault(rel, []).append([source, *k])
        files = {rel: [*self.seen[rel], sources] for rel, sources in sorted(by_file.items())
                 if rel not in bad}
        write_atomic(self.file, json.dumps({"context": self.context, "written": time.time_ns(),
                                            "files": files}, ensure_ascii=False,
                                           separators=(",", ":")).encode("utf-8"))
        self._files, self.seen = {}, {}  # one build's: not held through the later stages


def _file_of(source: str, files: Mapping[str, object]) -> str | None:
    """The file a source path came from: itself, or what precedes one of its '#'s (a record
    of a JSON or JSONL file: `file.jsonl#L3`)."""
    if source in files:
        return source
    cut = len(source)
    while (cut := source.rfind("#", 0, cut)) > 0:
        if source[:cut] in files:
            return source[:cut]
    return None
