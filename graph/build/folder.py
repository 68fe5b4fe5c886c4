"""The output folder of a build: claimed before anything is written, tidied when the build ends.

A build replaces files and whole folders (the store, its .new and .old siblings, the cache), so it
must never be pointed at a folder of someone's own files by mistake. It writes only into a folder
that is new, empty, or marked as a build's output by the marker file (files.BUILD_MARKER) an
earlier build left there; any other folder is refused unless `force` is given, and then every
entry at a name the build uses is first moved aside (NAME.before-policygraph), not overwritten.

The marker also lists every file the last build wrote, so a build can remove the files of the
previous one it did not write again (a cascade page of a document no longer there) and nothing
else: a file that no build wrote (a note the user put in the folder) is never deleted. What a
build wrote is found by comparison, not declared by each stage: every file that is new or whose
stat changed since the folder was claimed. The store and the cache manage their own files and
are left to them.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from policygraph.build.stamps import FileStat, file_stat
from policygraph.files import BUILD_MARKER, write_atomic

_FORMAT = 1
#: Folders whose insides the build's own modules manage (store.py, cache.py): never tidied here.
MANAGED = ("store", "store.new", "store.old", ".cache")
#: Every name a build writes or replaces at the top of its folder (with MANAGED): what `force`
#: moves aside. Stages that add a top-level name add it here.
TOP_NAMES = (*MANAGED, "documents.jsonl", "comparisons.jsonl", "graph.ttl", "graph.nt", "graph.jsonld",
             "graph.graphml", "nodes.csv", "edges.csv", "report.md", "report", "graph.html", "cascades",
             "documents", "graph.ttl.new", "graph.nt.new", BUILD_MARKER)
ASIDE = ".before-policygraph"


class FolderRefused(Exception):
    """The output folder is not one a build may write into (one line for the user)."""


@dataclass
class Claim:
    """A claimed output folder: what the last build wrote there, and the stat of every file at
    the moment it was claimed (to tell afterwards what this build wrote)."""

    out: Path
    previous: set[str]
    before: dict[str, FileStat | None]
    moved: list[str] = field(default_factory=list)
    lock: int = -1  # the lock file's descriptor, locked while this build writes there (LOCK)


def _legacy_build(out: Path) -> bool:
    """A build folder of a policygraph older than the marker."""
    return all((out / n).exists() for n in ("documents.jsonl", "report.md", ".cache"))


#: The lock a build holds on its folder (fcntl.lockf: held by the process, not by the workers it
#: forks, and released when it closes the file or ends).
LOCK = ".policygraph-build.lock"


def claim(out: Path, force: bool = False) -> Claim:
    """Make `out` this build's folder, or raise FolderRefused saying why not (also when another
    build is writing there: two at once would corrupt the store). release() ends the claim."""
    try:
        claimed = _claim(out, force)
        lock = os.open(out / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as e:  # a folder that cannot be made, listed or written
        raise FolderRefused(f"{e.filename or out}: {e.strerror or e}") from None
    try:
        fcntl.lockf(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(lock)
        raise FolderRefused(f"another policygraph build is writing into {out}: wait for it to end, "
                            "or give another --out") from None
    claimed.lock = lock
    return claimed


def release(claimed: Claim) -> None:
    """End the claim: another build may write into the folder."""
    if claimed.lock != -1:
        os.close(claimed.lock)  # closing the descriptor drops its lock
        claimed.lock = -1


def _claim(out: Path, force: bool) -> Claim:
    if out.exists() and not out.is_dir():
        raise FolderRefused(f"{out} is a file, not a folder: give --out a new or empty folder")
    marker = out / BUILD_MARKER
    previous: set[str] = set()
    moved: list[str] = []
    if marker.is_file():
        previous = _read_marker(marker)
    elif out.is_dir() and any(out.iterdir()) and not _legacy_build(out):
        if not force:
            raise FolderRefused(
                f"{out} is not empty and not a policygraph build folder (no {BUILD_MARKER}): building "
                "there would replace its files; give a new or empty folder, or --force to build there "
                f"anyway (its entries at the names a build writes are then moved aside to NAME{ASIDE}; "
                "no file is deleted)")
        moved = _move_aside(out)
    out.mkdir(parents=True, exist_ok=True)
    before = _stats(out)
    if not marker.is_file():  # a folder already marked is left untouched (an up-to-date build)
        _write_marker(out, previous)
    return Claim(out, previous, before, moved)


def _move_aside(out: Path) -> list[str]:
    moved = []
    for name in TOP_NAMES:
        path = out / name
        if path.exists() or path.is_symlink():
            target = out / f"{name}{ASIDE}"
            k = 1
            while target.exists() or target.is_symlink():
                k += 1
                target = out / f"{name}{ASIDE}-{k}"
            path.rename(target)
            moved.append(f"{name} -> {target.name}")
    return moved


def finish(claim: Claim, complete: bool = True) -> list[str]:
    """After the build: record what it wrote in the marker and, if it `complete`d, remove the
    files the previous build wrote that this one did not; return those removed (relative)."""
    after = _stats(claim.out)
    written = {rel for rel, st in after.items() if rel not in claim.before or claim.before[rel] != st}
    removed: list[str] = []
    if complete:
        for rel in sorted(claim.previous - written):
            if rel in after and after[rel] == claim.before.get(rel):
                (claim.out / rel).unlink(missing_ok=True)
                removed.append(rel)
        _prune_empty(claim.out, removed)
        keep = written
    else:  # an interrupted build: whatever the last one wrote may still be there
        keep = written | (claim.previous & set(after))
    _write_marker(claim.out, keep)
    return removed


def _prune_empty(out: Path, removed: list[str]) -> None:
    """Remove the folders that removing `removed` emptied (deepest first), up to `out`."""
    folders = {p for rel in removed for p in Path(rel).parents if p != Path(".")}
    for folder in sorted(folders, key=lambda p: len(p.parts), reverse=True):
        with contextlib.suppress(OSError):
            (out / folder).rmdir()  # only if empty


def _stats(out: Path) -> dict[str, FileStat | None]:
    """The stat of every file under `out` but the managed folders, the marker and the lock (they
    are the build's own bookkeeping, never a stale page)."""
    found: dict[str, FileStat | None] = {}
    for folder, dirs, names in os.walk(out):
        rel = Path(folder).relative_to(out)
        if rel == Path("."):
            dirs[:] = [d for d in dirs if d not in MANAGED]
        for n in names:
            r = (rel / n).as_posix()
            if r not in (BUILD_MARKER, LOCK):
                found[r] = file_stat(Path(folder) / n)
    return found


def _read_marker(marker: Path) -> set[str]:
    try:
        data = json.loads(marker.read_text(encoding="utf-8"))
        return {str(p) for p in data.get("written", []) if _inside(str(p))}
    except (OSError, ValueError, AttributeError, TypeError):
        return set()  # a damaged marker: delete nothing, the folder is still a build's


def _inside(rel: str) -> bool:
    """A relative path that stays inside the folder (a marker is a file anyone could edit)."""
    p = Path(rel)
    return bool(rel) and not p.is_absolute() and ".." not in p.parts


def _write_marker(out: Path, written: set[str]) -> None:
    data = {"format": _FORMAT, "what": "a policygraph build output folder; `written`: the files the "
            "last build wrote here (a rebuild removes those it does not write again, nothing else)",
            "written": sorted(written)}
    write_atomic(out / BUILD_MARKER, json.dumps(data, ensure_ascii=False, indent=0).encode("utf-8"))
