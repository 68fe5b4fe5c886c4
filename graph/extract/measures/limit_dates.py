"""The dates time limits are written in (2004年6月底前, 今年8月底前, 6月20日18:00前, 年底前, 元月3日前)
and the day each names: the grammar deadlines.py and limit_tables.py read limits with, and when a
limit recurs (每年3月底前)."""

from __future__ import annotations

import calendar
import re

from policygraph.extract.numbers import chinese_to_int

#: A month in words; 元月 is January (not 500元月底前, 3000美元月底前, 各单元月底前).
MONTH = "十[一二]?|[一二三四五六七八九十]|(?<![\\d万千百亿角美港日欧韩单一二两三四五六七八九十])元"
#: Not 前夕, 前往, 前后, 前来, nor a line's date above a heading 前 言 (二〇二一年十二月↵前 言); a
#: line wrapped before 前 (6月30日↵前报送) still ends in it.
BEFORE = r"\s{0,2}(?P<before>前(?![夕往后来]|\s*言)|之前|以前)"
#: The hour a day's limit may name (6月20日18:00前, 6月20日12时前): the limit is still that day.
HOUR = (r"(?:\s*(?:下班|(?:上午|中午|下午|晚上)?\s*"
         r"(?:\d{1,2}\s*[:：]\s*\d{2}|\d{1,2}\s*[时点](?:\s*\d{1,2}\s*分|半)?)))?")  # 9月11日下班前
#: The day of the week a date names in brackets (11月30日（星期六）前).
WEEKDAY = r"(?:\s*[（(]\s*(?:星期|周)[一二三四五六日天]\s*[）)])?"
#: 2004年6月底前, 今年8月底前, 6月15日前, 6月20日18:00前, 年底前, 明年年底前; 6月20号前 and 4月28前
#: (a day without 日) as written; 20251月20日前, a page's year glued to the month (its 年 lost).
DATE = (
    rf"(?:(?P<y>\d{{4}})\s*年\s*|(?P<yg>(?:19|20)\d{{2}})(?=\d{{1,2}}\s*月)|(?P<rel>今年|明年|本年|当年))?"
    rf"(?:(?P<m>\d{{1,2}}|{MONTH})\s*月(?:\s*(?P<d>\d{{1,2}})(?:\s*(?:日|号))?{WEEKDAY}{HOUR}{WEEKDAY}|"
    rf"(?P<part>底|末|中旬|上旬|下旬|份))?"
    rf"|(?P<ye>年底|年末|底|末))"
)
#: 每月10日前, 每年3月底前, 每季度末前: recurring.
RECURRING = re.compile(r"每(?:月|年|季度?|半年|周)\s*$")


def recurs(text: str, at: int, start: int) -> bool:
    """每年3月底前, and a deadline after 每年 in its sentence (每年2月底前…，3月底前…): it recurs."""
    if RECURRING.search(text, max(start, at - 4), at):
        return True
    opening = max(start, max((m.end() for m in _STOP.finditer(text, max(start, at - 80), at)), default=start))
    return _EVERY.search(text, opening, at) is not None


_STOP = re.compile(r"[。\n]")


_EVERY = re.compile(r"每(?:年|月|季度?)")


def day_of(m: re.Match[str], year: int | None) -> tuple[bool, str | None]:
    """Whether a match of DATE names a date (not a bare 底, nor month 13), and which (None where
    its year is unknown)."""
    y = int(m.group("y") or m.group("yg")) if m.group("y") or m.group("yg") else None
    if y is None and year is not None:
        y = year + (1 if m.group("rel") == "明年" else 0)
    if m.group("ye"):
        if m.group("ye") in ("底", "末") and not (m.group("y") or m.group("yg") or m.group("rel")):
            return False, None  # a bare 底前 is not a deadline
        return True, f"{y}-12-31" if y else None
    month = 1 if m.group("m") == "元" else chinese_to_int(m.group("m"))
    if not month or not 1 <= month <= 12:
        return False, None
    return True, month_deadline(y, month, m.group("d"), m.group("part")) if y else None


def month_deadline(y: int, month: int, day: str | None, part: str | None) -> str | None:
    """6月底前 → June 30; 6月15日前 → June 15; 6月中旬前 → June 20; 6月前 → June 30 (by the end of
    the month named, as 2030年前 is by the end of 2030: every hand annotation reads them so)."""
    last = calendar.monthrange(y, month)[1]
    if day:
        d = int(day)
        return f"{y:04d}-{month:02d}-{d:02d}" if 1 <= d <= last else None
    if part in ("底", "末", "下旬"):
        return f"{y:04d}-{month:02d}-{last:02d}"
    if part in ("上旬", "中旬"):
        return f"{y:04d}-{month:02d}-{10 if part == '上旬' else 20:02d}"
    return f"{y:04d}-{month:02d}-{last:02d}"  # 6月前, 6月份前: by the end of June
