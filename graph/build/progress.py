"""Progress as lines of text, for a build whose output is not a terminal.

The progress bar (rich) draws only on a terminal; run under nohup, cron, CI or with its output
sent to a file, a build of a large corpus would say nothing for minutes. There it writes a line
about every `every` seconds while files are extracted (files done of all, rate, time so far)
and one as each later stage ends. The clock is a parameter, so tests need not wait.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from policygraph.build.timings import Timings

#: Seconds between two lines while files are extracted.
EVERY = 10.0


def _stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


class ProgressLog:
    """Counts the files extracted of `total` and writes a line (`write`, default stderr) when
    `every` seconds have passed since the last one; `stage_done` writes a line per stage."""

    def __init__(self, total: int, every: float = EVERY, write: Callable[[str], None] = _stderr,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.total, self.every, self.write, self.clock = total, every, write, clock
        self.done = 0
        self.start = self.last = clock()
        self.write(f"policygraph build: extracting {total:,} files (a line every {every:g} s)")

    def file_done(self, path: str) -> None:
        """One more source extracted (`path` as extraction names it: a JSONL file's later
        records, `file#L2` …, are not new files)."""
        if "#L" in path and not path.endswith("#L1"):
            return
        self.done += 1
        now = self.clock()
        if now - self.last >= self.every:
            self.last = now
            self.write(f"policygraph build: extraction {self._files()}, {self._rate(now)}, "
                       f"{now - self.start:,.0f} s")

    def stage_done(self, name: str, seconds: float) -> None:
        """A stage of the build ended after `seconds` (its total so far, as Timings keeps it).
        Stages run beside the others are reported by Timings only when all have ended: not here."""
        if name.endswith("(beside)"):
            return
        now = self.clock()
        self.last = now
        what = f" {self._files()}, {self._rate(now)}," if name == "extraction" else ""
        self.write(f"policygraph build: {name} done{what} in {seconds:,.1f} s; "
                   f"{now - self.start:,.0f} s in all")

    def watch(self, timings: Timings | None) -> Timings:
        """`timings` (a new one if None) whose stages, as each ends, are told to this log."""
        timings = timings if timings is not None else Timings()
        timings.seconds = _Told(self, timings.seconds)
        return timings

    def _files(self) -> str:
        share = f" ({self.done / self.total:.0%})" if self.total else ""
        return f"{self.done:,}/{self.total:,} files{share}"

    def _rate(self, now: float) -> str:
        elapsed = now - self.start
        return f"{self.done / elapsed:,.1f} files/s" if elapsed > 0 else "– files/s"


class _Told(dict[str, float]):
    """Timings.seconds that tells a ProgressLog of each stage as timings.stage records it."""

    def __init__(self, log: ProgressLog, seconds: dict[str, float]) -> None:
        super().__init__(seconds)
        self.log = log

    def __setitem__(self, name: str, seconds: float) -> None:
        super().__setitem__(name, seconds)
        self.log.stage_done(name, seconds)
