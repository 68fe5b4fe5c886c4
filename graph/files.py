"""Writing a file so that no reader, and no interrupted build, ever sees half of it.

Every file policygraph writes for itself (caches, indexes, manifests, a push's progress) or
for the user (graph.nt, comparisons.jsonl …) is written beside its final name and renamed
over it only when complete: a crash leaves the old file or the new one, never a mixture.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


def _beside(path: Path) -> Path:
    # The process id makes the name unique among workers writing at once (mkstemp's random
    # names cost a third of a small write).
    return path.with_name(f"{path.name}.{os.getpid()}.tmp")


@contextmanager
def replacing(path: Path, buffering: int = -1, make_parent: bool = True) -> Iterator[BinaryIO]:
    """A binary file that becomes `path` when the block ends without an exception; on an
    exception the old `path` (if any) is left as it was and the partial file removed."""
    if make_parent:
        path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _beside(path)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        with os.fdopen(fd, "wb", buffering=buffering) as f:
            yield f
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_atomic(path: Path, data: bytes, make_parent: bool = True) -> None:
    """Write `data` as the whole content of `path` (see replacing)."""
    with replacing(path, make_parent=make_parent) as f:
        f.write(data)
