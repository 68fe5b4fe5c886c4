"""Giving back to the system the memory a native library freed but the C allocator kept.

Oxigraph (through pyoxigraph) allocates with the C library's malloc. A query that groups
millions of solutions, or a bulk load, frees hundreds of megabytes when it ends, but glibc keeps
freed memory in its arenas (one per thread that allocated) for later reuse: at 100,000
generated documents the SHACL checks, run two at a time, left the build process 1.5 GB larger
than before them, though nothing held that memory any more. `release` hands it back.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
from collections.abc import Callable


def release() -> None:
    """Return freed heap memory to the system (glibc's malloc_trim); nothing elsewhere."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name).malloc_trim if name else None
    except (OSError, AttributeError):  # not glibc (musl, macOS): nothing to trim this way
        return None
