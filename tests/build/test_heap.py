"""heap.release gives back to the system what the C allocator kept after a native library freed it."""

from __future__ import annotations

import ctypes
import ctypes.util
import platform
from pathlib import Path

import pytest

from policygraph.build import heap


def _resident_anon_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("RssAnon:"):
            return int(line.split()[1])
    raise AssertionError("no RssAnon in /proc/self/status")


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="malloc_trim is glibc's")
def test_memory_freed_below_a_live_block_goes_back_to_the_system() -> None:
    libc = ctypes.CDLL(ctypes.util.find_library("c"))
    libc.malloc.restype = ctypes.c_void_p
    libc.malloc.argtypes = [ctypes.c_size_t]
    libc.free.argtypes = [ctypes.c_void_p]
    libc.memset.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_size_t]
    blocks = [libc.malloc(1024) for _ in range(150_000)]  # ~150 MB in small blocks, as a query's
    for b in blocks:
        libc.memset(b, 1, 1024)
    for b in blocks[:-1]:
        libc.free(b)  # the last block pins the heap's top: free() alone cannot shrink it
    kept = _resident_anon_kb()
    heap.release()
    after = _resident_anon_kb()
    libc.free(blocks[-1])
    assert kept - after > 100_000, (kept, after)
