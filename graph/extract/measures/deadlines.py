"""Deadlines of a provision (6月底前, 2004年6月底前, 明年年底前 …), each resolved to a date with the
document's year where it can be, and the action it governs."""

from __future__ import annotations

import calendar
import re

from policygraph.extract.numbers import chinese_to_int
from policygraph.extract.regexes import DEADLINE
from policygraph.models import Deadline


def deadlines_in(text: str, start: int, end: int, year: int | None, provision: str = "") -> list[Deadline]:
    """Deadlines (6月底前, 2004年6月底前, 年底前 …) in text[start:end] (the provision
    `provision`), resolved with the document's year.

    >>> text = "6月底前出台配套政策；明年年底前全面完成。"
    >>> [(d.text, d.date, d.action) for d in deadlines_in(text, 0, len(text), 2003)]
    [('6月底前', '2003-06-30', '出台配套政策'), ('明年年底前', '2004-12-31', '全面完成')]
    """
    out = []
    for m in DEADLINE.finditer(text, start, end):
        y = int(m.group("y")) if m.group("y") else None
        if y is None and year is not None:
            y = year + (1 if m.group("rel") == "明年" else 0)
        date = None
        if m.group("ye"):
            if m.group("ye") in ("底", "末") and not (m.group("y") or m.group("rel")):
                continue  # a bare 底前 is not a deadline
            date = f"{y}-12-31" if y else None
        else:
            month = chinese_to_int(m.group("m"))
            if not month or not 1 <= month <= 12:
                continue
            if y:
                date = _month_deadline(y, month, m.group("d"), m.group("part"))
        sent_end = re.compile(r"[。；;！？!?\n]").search(text, m.end(), end)
        stop = sent_end.start() if sent_end else end
        action = text[m.end():min(stop, m.end() + 60)].lstrip("，, 　")
        out.append(Deadline(m.group(0), date, action or None, m.start(), m.end(), provision))
    return out


def _month_deadline(y: int, month: int, day: str | None, part: str | None) -> str | None:
    """6月底前 → June 30; 6月15日前 → June 15; 6月中旬前 → June 20; 6月前 → May 31."""
    last = calendar.monthrange(y, month)[1]
    if day:
        d = int(day)
        return f"{y:04d}-{month:02d}-{d:02d}" if 1 <= d <= last else None
    if part in ("底", "末", "下旬"):
        return f"{y:04d}-{month:02d}-{last:02d}"
    if part in ("上旬", "中旬"):
        return f"{y:04d}-{month:02d}-{10 if part == '上旬' else 20:02d}"
    # 6月前 / 6月份前: before the month begins
    if month == 1:
        return f"{y - 1:04d}-12-31"
    return f"{y:04d}-{month - 1:02d}-{calendar.monthrange(y, month - 1)[1]:02d}"

