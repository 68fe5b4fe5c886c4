"""Whether an output folder already holds what building the corpus again would write.

A rebuild of an unchanged corpus otherwise redoes every corpus-wide stage (linking, planning
the comparisons, keying the RDF, rewriting gigabytes of files) to write the same bytes: 14 s
at 10,000 documents, minutes at 100,000. A build's output is a function of its input files, its
settings, policygraph's own code and data, and the libraries it uses; when none of them changed
since a build that finished, and its outputs are as it left them, there is nothing to do.

The record (`.cache/up-to-date.json`) is deleted when a build starts and written only when one
has finished (validation included), so an interrupted or failed build is always followed by a
real one. Input files are stat'ed before they are read: a file changed while the build read it
no longer matches. As with the file manifest (stamps.py), a file changed so close to that stat
that a later change in the same clock tick could hide is not trusted (git's "racily clean").
Outputs are compared by the same stat (size, modification and change times, inode), which any
write changes on the common Linux file systems.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from policygraph.build.code import code_files, library_versions
from policygraph.build.stamps import FileStat, file_stat
from policygraph.extract.read import corpus_files, source_name
from policygraph.files import write_atomic

RECORD = Path(".cache") / "up-to-date.json"
_FORMAT = 1
#: What the output depends on besides policygraph itself (jieba's dictionary, OpenCC's tables,
#: the serialisers …): a new version of any of them means a real build.
LIBRARIES = ("charset-normalizer", "opencc", "networkx", "rdflib", "pyvis", "jieba", "pyoxigraph")


@dataclass(frozen=True)
class Inputs:
    """What a build is about to read, and with what: compared with the last finished build's."""

    settings: dict[str, str]
    files: dict[str, FileStat]  # name as records give it → stat
    started_ns: int


def inputs(corpus: Path, settings: Mapping[str, str]) -> Inputs:
    """The stat of every file a build of `corpus` reads, taken now (before they are read)."""
    started = time.time_ns()
    paths = [corpus] if corpus.is_file() else corpus_files(corpus) if corpus.is_dir() else []
    root = corpus.parent if corpus.is_file() else corpus
    files = {}
    for p in paths:
        st = file_stat(p)
        if st is not None:
            files[source_name(p.relative_to(root).as_posix())] = st
    return Inputs({**settings, "code": code_digest()}, files, started)


def forget(out: Path) -> None:
    """Before a build changes anything in `out`: until it finishes, nothing there is current."""
    (out / RECORD).unlink(missing_ok=True)


def current(out: Path, now: Inputs) -> dict[str, Path] | None:
    """The last build's output paths by name if it finished with these very inputs and its
    outputs are untouched since; else None (build)."""
    try:
        data = json.loads((out / RECORD).read_text(encoding="utf-8"))
        if data.get("format") != _FORMAT or data["settings"] != now.settings \
                or _stats(data["inputs"]) != now.files:
            return None
        started = int(data["started"])
        if not all(st.trusted(started) for st in now.files.values()):
            return None
        if _stats(data["outputs"]) != _outputs(out):
            return None
        return {name: out / rel for name, rel in data["paths"].items()}
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None


def remember(out: Path, now: Inputs, paths: Mapping[str, Path]) -> None:
    """After a build of `now` finished writing `paths` into `out`."""
    record = {"format": _FORMAT, "settings": now.settings, "started": now.started_ns,
              "inputs": now.files, "outputs": _outputs(out),
              "paths": {name: Path(p).relative_to(out).as_posix() for name, p in paths.items()}}
    write_atomic(out / RECORD, json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def _outputs(out: Path) -> dict[str, FileStat]:
    """The stat of every file in `out` but the cache and RocksDB's info logs (written when the
    store is only opened to be read)."""
    found = {}
    for p in corpus_files(out):  # leaves out hidden folders: .cache
        if p.parent.name == "store" and p.name.startswith("LOG"):
            continue
        st = file_stat(p)
        if st is not None:
            found[p.relative_to(out).as_posix()] = st
    return found


def _stats(stored: dict[str, object]) -> dict[str, FileStat | None]:
    return {name: FileStat.of_json(v) for name, v in stored.items()}


@cache
def code_digest() -> str:
    """A digest of policygraph's code and data files and of the versions of Python and of the
    libraries its output depends on: a development checkout changes its code without changing
    its version."""
    h = hashlib.sha256()
    for name, p in code_files((".py", ".ttl", ".tsv", ".rq", ".js", ".css")):
        h.update(name.encode("utf-8") + b"\0" + p.read_bytes() + b"\0")
    h.update(f"python={sys.version}\0".encode())  # unicodedata, re and json change with it
    h.update(library_versions(LIBRARIES))
    return h.hexdigest()
