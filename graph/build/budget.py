"""One document's extraction, bounded in time: no input can hang a build, and any error or
overrun becomes a Failure with its reason instead of an exception."""

from __future__ import annotations

import signal
import threading

from policygraph.extract.authorities import load_table
from policygraph.extract.document import assemble, identify, measure
from policygraph.models import Authority, DocumentRecord, Failure, Source

#: Seconds one document may take before it is given up (and reported), so no input can hang a build.
DEFAULT_BUDGET = 120.0


class _Overtime(BaseException):  # not Exception: library code must not swallow it
    pass


class _Alarm:
    """SIGALRM handler for one extraction: raises _Overtime while armed. The timer repeats, so
    an alarm whose exception Python swallows (one that lands in a finaliser run by the garbage
    collector is only printed) is followed by another; once disarmed, late alarms do nothing."""

    def __init__(self) -> None:
        self.armed = True

    def __call__(self, _signum: int, _frame: object) -> None:
        if self.armed:
            raise _Overtime


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


#: Seconds between repeated alarms once a document is over its budget.
ALARM_REPEAT = 0.05


def safe_extract(
    src: Source, scheme: str | None = None, budget: float = DEFAULT_BUDGET,
    learned: dict[str, Authority] | None = None, before: DocumentRecord | None = None,
) -> DocumentRecord | Failure:
    """Extract one document; any error or overtime becomes a Failure (never an exception).
    `before`: this source's record as extracted without `learned` (see _extract)."""
    timed = (budget > 0 and hasattr(signal, "SIGALRM")
             and threading.current_thread() is threading.main_thread())
    alarm = _Alarm()
    old = signal.signal(signal.SIGALRM, alarm) if timed else None
    try:
        try:
            if timed:
                signal.setitimer(signal.ITIMER_REAL, budget, ALARM_REPEAT)
            return _extract(src, scheme, learned or {}, before)
        finally:
            if timed:
                signal.setitimer(signal.ITIMER_REAL, 0)
                alarm.armed = False
    except _Overtime:  # also when the alarm lands just as extraction ends: still no crash
        return Failure(src.path, f"extraction took longer than {budget:g} s and was given up")
    except Exception as e:  # one bad document must never stop a build
        return Failure(src.path, f"extraction failed: {type(e).__name__}: {e}")
    finally:
        if timed:
            signal.signal(signal.SIGALRM, old)
