"""What each stage of a build cost: seconds and peak memory, for `build --timings` and the
benchmark (scripts/bench)."""

from __future__ import annotations

import resource
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class Timings:
    """What each stage of a build cost: seconds, and the build process's peak memory when the
    stage ended (the peak only grows, so the first stage whose figure jumps is the one that
    needs the memory; extraction workers are other processes and not counted)."""

    seconds: dict[str, float] = field(default_factory=dict)
    peak_mb: dict[str, float] = field(default_factory=dict)
    workers_peak_mb: float = 0.0  # the largest extraction worker
    beside_private_mb: float = 0.0  # the largest stage run beside the others: its own pages


def peak_mb() -> float:
    """This process's peak resident memory in MB. Linux's VmHWM, not ru_maxrss: ru_maxrss
    survives exec, so a build started by a large process (a benchmark holding its corpus)
    would report that process's size as its own."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return _maxrss_mb(resource.RUSAGE_SELF)


def _maxrss_mb(who: int) -> float:
    rss = resource.getrusage(who).ru_maxrss
    return rss / 2**20 if sys.platform == "darwin" else rss / 1024  # bytes there, KB here


@contextmanager
def stage(timings: Timings | None, name: str) -> Iterator[None]:
    t0 = time.perf_counter()
    try:
        yield
    finally:
        if timings is not None:
            timings.seconds[name] = timings.seconds.get(name, 0.0) + time.perf_counter() - t0
            timings.peak_mb[name] = peak_mb()


def workers_peak_mb() -> float:
    """The largest peak of the processes this one started and waited for: the extraction
    workers, forked after this process's exec, so their ru_maxrss is their own (in a process
    that ran other children before, such as a test runner, theirs count too)."""
    return _maxrss_mb(resource.RUSAGE_CHILDREN)
