"""Time limits written other than as 前/内: a goal year with no number (到2020年，基本建成…), a
window an act is to be done in (2019年上半年，…; 1997年4—6月，…; 在“七五”期间), a longest duration
(期限不得超过1年, 最迟不超过4个小时) and advance notice (提前7天). Each finder returns
(start, end, date or None, relative) tuples, as deadlines.py's own do.
"""

from __future__ import annotations

import calendar
import re

from policygraph.extract.measures.quantities import CN_DIGITS
from policygraph.extract.numbers import chinese_to_int

Found = tuple[int, int, str | None, bool]

_N = rf"(?:\d+|[{CN_DIGITS}十百]+)"
_SPAN_UNIT = r"个?\s*(?:工作日|自然日|日|天|小时|周|星期|月|年)"
#: 期限不得超过1年, 最长不超过15个工作日, 最迟不超过4个小时: the longest an act may take.
DURATION = re.compile(rf"(?:(?:期限|时间|时限)[^，,。；;]{{0,4}}?|最长|最迟)(?:不得超过|不超过|不得多于)\s*"
                      rf"{_N}\s*{_SPAN_UNIT}")
#: A duration of a tax or a protection (补扣期限最长不得超过五年): a parameter, not a limit for an act.
_PARAMETER_BEFORE = re.compile(r"补扣|扣除|抵扣|抵免|纳税|税|免征|保护|有效期")
#: 每年第一季度, 每年六月至九月期间, 每年上半年: a window that recurs.
RECURRING_WINDOW = re.compile(
    r"每年\s*(?:第[一二三四]季度|[上下]半年|(?:\d{1,2}|十[一二]?|[一二三四五六七八九])月\s*(?:至|到|—|-)\s*"
    r"(?:\d{1,2}|十[一二]?|[一二三四五六七八九])月(?:期间)?)"
)
#: 提前7天, 提前24小时: notice before an event.
ADVANCE = re.compile(rf"提前\s*{_N}\s*{_SPAN_UNIT}")
#: 到2020年， / 到2019年底，opening a clause: the year a goal with no number is to be met by.
_OPENS = r"(?:^|(?<=[。；;：:\n）)、．.]))\s*"  # what a clause opening a sentence or an item follows
GOAL_YEAR = re.compile(rf"{_OPENS}(?:力争|争取)?(?:到|至)\s*(?P<y>(?:19|20)\d{{2}})\s*年(?:底|末)?"
                       r"(?=[，,])")
#: 2019年上半年，/ 1997年4—6月，/ 1997年4月—1998年2月，opening a clause: a window for an act.
WINDOW = re.compile(
    rf"{_OPENS}(?P<y>(?:19|20)\d{{2}})\s*年\s*(?:(?P<half>上|下)半年|"
    r"(?P<m1>\d{1,2})\s*月?\s*[—―－-]{1,2}\s*(?:(?P<y2>(?:19|20)\d{2})\s*年\s*)?(?P<m2>\d{1,2})\s*月)(?=[，,])"
)
#: 在“七五”期间: a five-year plan's period, resolved to its last day.
PLAN_PERIOD = re.compile(r"在\s*“?(?P<p>[七八九]五|十[一二三四五]?五)”?\s*(?:期间|期内)")
_PLAN_END = {"七五": 1990, "八五": 1995, "九五": 2000, "十五": 2005, "十一五": 2010, "十二五": 2015,
             "十三五": 2020, "十四五": 2025, "十五五": 2030}
#: A number after the goal year in its paragraph: the paragraph sets targets, whose year it is.
_NUMBER = re.compile(r"(?<!\d)\d+(?:\.\d+)?(?![\d.]|\s*[年月日号])")
_SENTENCE_END = re.compile(r"\n")


def other_forms(text: str, start: int, end: int) -> list[Found]:
    """Every time limit of text[start:end] in a form other than 前/内."""
    out: list[Found] = [(m.start(), m.end(), None, True) for m in DURATION.finditer(text, start, end)
                        if not _PARAMETER_BEFORE.search(text, max(start, m.start() - 8), m.start() + 4)]
    out += [(m.start(), m.end(), None, True) for m in ADVANCE.finditer(text, start, end)]
    out += [(m.start(), m.end(), None, True) for m in RECURRING_WINDOW.finditer(text, start, end)]
    out += _goal_years(text, start, end)
    out += _windows(text, start, end)
    out += [(m.start(), m.end(), f"{_PLAN_END[m.group('p')]}-12-31", False)
            for m in PLAN_PERIOD.finditer(text, start, end)]
    return out


def _goal_years(text: str, start: int, end: int) -> list[Found]:
    """到2020年，基本建成…: a deadline when its sentence sets no number (else it is a target's year)."""
    out: list[Found] = []
    for m in GOAL_YEAR.finditer(text, start, end):
        stop = _SENTENCE_END.search(text, m.end(), end)
        if _NUMBER.search(text, m.end(), stop.start() if stop else end):
            continue
        at = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
        out.append((at, m.end(), f"{m.group('y')}-12-31", False))
    return out


def _windows(text: str, start: int, end: int) -> list[Found]:
    out: list[Found] = []
    for m in WINDOW.finditer(text, start, end):
        y = int(m.group("y"))
        if m.group("half"):
            date = f"{y}-06-30" if m.group("half") == "上" else f"{y}-12-31"
        else:
            month = chinese_to_int(m.group("m2")) or 0
            y2 = int(m.group("y2")) if m.group("y2") else y
            if not 1 <= month <= 12:
                continue
            date = f"{y2}-{month:02d}-{calendar.monthrange(y2, month)[1]:02d}"
        at = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
        out.append((at, m.end(), date, False))
    return out
