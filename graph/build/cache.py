"""A content-addressed cache of extraction results, for incremental rebuilds.

A record is stored under the hash of everything that determines it: the source's path, text
and metadata, the policygraph version, and the measure scheme in use. A changed file, a new
version or another scheme simply misses. Entries are written to a temporary file and renamed
into place, so an interrupted build (Ctrl-C) never leaves a half-written entry behind.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from importlib import resources
from pathlib import Path

from policygraph import __version__
from policygraph.files import write_atomic
from policygraph.models import Source

#: Bump when extraction changes in a way the package version does not capture (development).
#: 21: the rules of the evening of 2026-12-04 (unnumbered one-cell-per-line tables, years after
#: 其中 and goal headings, 计划, full stops written as dots …);
#: 20: the rules of the afternoon of 2026-12-04 (tables with cell edges, prose cells, printed plans'
#: years, metres, glued dates …); 19: quality classes, projects a plan arranges;
#: 18: the rules of 2026-12-04 (titles under page fields and widgets, reprinted passages read once,
#: bare multipliers, chained actions, spaced years, windows of conditions);
#: 17: Markdown's asterisks, wrapped lines joined, Kangxi radicals, section headings' years;
#: 16: the rules of 2026-12-03; 15: criteria headings; 14: targets' change; 13: tables revised,
#: values in decimal; 12: 2030年前 by the end of 2030; 11: Markdown bold labels, labelled
#: headings; 10: targets stated in tables; 9: targets' duties, forecasts and review sections,
#: deadlines with hours; 8: deadlines only 前/内 limits; 7: measure areas, agencies as organs;
#: 6: targets with ranges, start/base years, relative deadlines; 5: citations by name without
#: 《》, order histories; 4: rank, dates
CACHE_FORMAT = 49


def source_key(src: Source, scheme_digest: str = "") -> str:
    h = hashlib.sha256()
    for part in (f"{__version__}/{CACHE_FORMAT}", scheme_digest, src.path, src.encoding, src.kind,
                 json.dumps(src.meta, sort_keys=True, ensure_ascii=False), src.text):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


def scheme_digest(scheme: str | None) -> str:
    """The measure scheme's content hash: the shipped scheme's too, so a build after it changed
    (new concepts, policy areas) never reuses records coded with the old one."""
    data = (Path(scheme).read_bytes() if scheme else
            resources.files("policygraph.ontology").joinpath("measures.ttl").read_bytes())
    return hashlib.sha256(data).hexdigest()


class Cache:
    """Packed records in `folder`/ab/abcdef….pgz. A corrupt entry counts as a miss."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._made: set[Path] = set()  # shard folders known to exist

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pgz"

    def get(self, key: str) -> bytes | None:
        """The packed record (see packed.py) stored under `key`, or None."""
        try:  # zlib's checksum catches a damaged entry; the key covers the record's format
            blob = self._path(key).read_bytes()
            ok = len(zlib.decompress(blob)) > 0
        except (OSError, zlib.error):
            ok = False
        if not ok:
            return None
        return blob

    def put(self, key: str, blob: bytes) -> None:
        path = self._path(key)
        if path.parent not in self._made:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._made.add(path.parent)
        write_atomic(path, blob, make_parent=False)
