"""One document's extraction, bounded in time: no input can hang a build, and any error or
overrun becomes a Failure with its reason instead of an exception.

The limit is kept in whichever thread extracts: in a process's main thread (the local build and
its worker processes) by SIGALRM; in any other thread (a Dask worker runs its tasks in a thread
pool, where no signal reaches) by a watchdog thread raising the same overrun in it.
"""

from __future__ import annotations

import ctypes
import signal
import threading
from typing import Any

from policygraph.extract.authorities import load_table
from policygraph.extract.document import assemble, identify, measure
from policygraph.models import Authority, DocumentRecord, Failure, Source

#: Seconds one document may take before it is given up (and reported), so no input can hang a build.
DEFAULT_BUDGET = 120.0
#: Seconds between repeated overruns once a document is over its budget.
ALARM_REPEAT = 0.05


class Overtime(BaseException):  # not Exception: library code must not swallow it
    """Raised in the extracting thread once its time limit has passed."""


class TimeLimit:
    """Raises Overtime in the thread that armed it once `seconds` have passed, and again every
    ALARM_REPEAT seconds until stopped (an overrun that library code swallows, or that lands in
    a finaliser run by the garbage collector and is only printed, is followed by another). In a
    process's main thread by SIGALRM; in any other, by a Watchdog. No limit for `seconds` <= 0.
    Made unarmed, then armed, so that whoever holds it can always stop it; stop() may be called
    again (an overrun landing while stopping interrupts it)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._watch: Watchdog | None = None
        self._old: Any = None  # the SIGALRM handler to put back
        self._armed = False

    def arm(self) -> None:
        if self.seconds <= 0:
            return
        if threading.current_thread() is threading.main_thread() and hasattr(signal, "SIGALRM"):
            self._old = signal.signal(signal.SIGALRM, self._alarm)
            self._armed = True
            signal.setitimer(signal.ITIMER_REAL, self.seconds, ALARM_REPEAT)
        else:
            self._watch = Watchdog(threading.get_ident(), self.seconds)
            self._watch.start()

    def _alarm(self, _signum: int, _frame: object) -> None:
        if self._armed:  # a late alarm, once stopped, does nothing
            raise Overtime

    def stop(self) -> None:
        if self._watch is not None:
            self._watch.stop()
        elif self._old is not None:
            signal.setitimer(signal.ITIMER_REAL, 0)
            self._armed = False
            signal.signal(signal.SIGALRM, self._old)
            self._old = None


class Watchdog(threading.Thread):
    """Raises Overtime in thread `tid` once `seconds` have passed, and again every ALARM_REPEAT
    seconds until stopped: the limit of a thread SIGALRM cannot reach. The overrun is raised
    between two bytecodes of that thread, as a signal handler's would be."""

    def __init__(self, tid: int, seconds: float) -> None:
        super().__init__(daemon=True)
        self.tid, self.seconds = tid, seconds
        self.armed = True
        self.lock = threading.Lock()
        self.done = threading.Event()

    def run(self) -> None:
        wait = self.seconds
        while not self.done.wait(wait):
            with self.lock:
                if self.armed:
                    _raise_in(self.tid, Overtime)
            wait = ALARM_REPEAT

    def stop(self) -> None:
        """Disarm, and withdraw an overrun set but not yet raised (called in the watched
        thread); an overrun raised while stopping only makes it try again."""
        while self.armed:
            try:
                with self.lock:
                    self.armed = False
                    _raise_in(self.tid, None)
            except Overtime:
                self.armed = True
        self.done.set()


def _raise_in(tid: int, exc: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(tid),
                                               ctypes.py_object(exc) if exc else ctypes.c_void_p())


def _extract(src: Source, scheme: str | None, learned: dict[str, Authority],
             before: DocumentRecord | None) -> DocumentRecord:
    """extract(), reusing the measures of `before` when it is this source's record: a part's
    measures depend on its text, number and date, which learned codes do not change, and they
    are over half the cost of an extraction."""
    table = load_table()
    ident = identify(src, table, learned)
    if before is not None and (before.source, before.chars, 1 + len(before.parts)) == \
            (src.path, len(src.text), len(ident.parts)):
        return assemble(ident, (before.measures, *(p.measures for p in before.parts)))
    return assemble(ident, measure(ident, scheme))


def safe_extract(
    src: Source, scheme: str | None = None, budget: float = DEFAULT_BUDGET,
    learned: dict[str, Authority] | None = None, before: DocumentRecord | None = None,
) -> DocumentRecord | Failure:
    """Extract one document; any error or overtime becomes a Failure (never an exception), in
    any thread. `before`: this source's record as extracted without `learned` (see _extract)."""
    limit = TimeLimit(budget)
    try:
        limit.arm()
        try:
            return _extract(src, scheme, learned or {}, before)
        finally:
            limit.stop()
    except Overtime:  # also when the overrun lands just as extraction ends: still no crash
        limit.stop()
        return Failure(src.path, f"extraction took longer than {budget:g} s and was given up")
    except Exception as e:  # one bad document must never stop a build
        return Failure(src.path, f"extraction failed: {type(e).__name__}: {e}")
