"""Holidays a deadline can name (春节前, 国庆节前), resolved to their date in a given year: lunar
ones through `lunardate` (a maintained Chinese calendar); the day of each is in the named table
ontology/holidays.tsv."""

from __future__ import annotations

import datetime as dt
import functools
from importlib import resources

from lunardate import LunarDate


@functools.cache
def _holidays() -> dict[str, tuple[str, int, int]]:
    """Name → (calendar, month, day): calendar is `solar` or `lunar`."""
    out = {}
    table = resources.files("policygraph.ontology").joinpath("holidays.tsv")
    for line in table.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        names, cal, month, day = line.split("\t")
        for name in names.split("|"):
            out[name] = (cal, int(month), int(day))
    return out


def holiday_names() -> list[str]:
    """Every name of a holiday the table knows, longest first (for a regex alternation)."""
    return sorted(_holidays(), key=len, reverse=True)


def holiday_date(name: str, year: int, after: dt.date | None = None) -> dt.date | None:
    """The date of holiday `name` in `year`, or the next one after `after` when that is later
    in the year (a notice of November 2016 asking for 春节前 means 2017's Spring Festival).

    >>> holiday_date("春节", 2016), holiday_date("春节", 2016, dt.date(2016, 11, 3))
    (datetime.date(2016, 2, 8), datetime.date(2017, 1, 28))
    """
    known = _holidays().get(name)
    if known is None:
        return None
    cal, month, day = known

    def on(y: int) -> dt.date:
        return LunarDate(y, month, day).to_solar_date() if cal == "lunar" else dt.date(y, month, day)

    date = on(year)
    if after is not None and date < after:
        date = on(year + 1)
    return date
