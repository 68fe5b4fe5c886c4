"""Where a page labels or tabulates its time limits without 前: a label before a date (治理时限：
2018年12月底), a task table whose header ends in a column of limits (序号 重点工作任务 牵头单位
完成期限), a day a thing is to be handed in on (于2019年12月25日集中上报), and a signature's line
(某某市人民政府办公室 2023年4月12日), whose date is none.
deadlines.py reads the dates; this module says what stands around them."""

from __future__ import annotations

import re

from policygraph.extract.measures.limit_dates import DATE, day_of, recurs
from policygraph.extract.measures.table_cells import MD_RULE

#: A limit found: where it starts and ends, the day it names (None where unknown) and whether it
#: is relative (counted from an event, or recurring).
Found = tuple[int, int, str | None, bool]
#: What may stand around a table's cell on its line.
CELL_EDGES = " \t|｜\u3000"

#: A label of a time limit before its date (完成时限：, 整改期限:).
LIMIT_LABEL = re.compile(r"(?:时\s*限|(?:完成|整改|治理|办结)\s*期\s*限)\s*[:：]\s*$")
#: A table's column of time limits, in its header (序号 重点工作任务 … 完成期限).
LIMIT_COLUMN = re.compile(r"(?:完成|整改|办结)(?:时限|期限|时间)|时间节点|时限要求")
#: A delivery or a completion, in the clause after a day it is due on (于4月17日报送至市文明办, 于12月20日
#: 完成项目建设, 于2020年1月10日登录…系统在线填报): that day is its limit; not a meeting or a start
#: (于5月10日召开, 于6月1日起施行), a report (于12月10日顺利完成, 报送了) or a class (于…完成的项目).
DUE_ON = re.compile(r"(?:(?!召开|举行|开展|进驻|开学|公布|听取|顺利|圆满|胜利)[^，,。；;：:\n前]){0,24}?"
                    r"(?:报送|上报|报至|报给|提交|填报|送至|送达|反馈|办结|(?<!开始)完成|(?<![通汇上呈申转公预情举])报(?=[省市县区州局委办]))(?!了|的)")
#: 于 right before a day (not 关于, 对于, 由于, 基于, 属于, 等于, 鉴于, 至于, 位于, 用于, 早于, 凡于, 已于,
#: 可于).
DUE_AT = re.compile(r"(?<![关对由基属等鉴至位已用早凡可以])于")
#: A label of a cut-off day (调查工作截止时间为11月25日, 申报时间截止4月13日, 截止日期：…); not 截至 a
#: report's day (截至2020年底，全市…), which names no 时间.
CUT_OFF = re.compile(r"(?<!数据)(?<!统计)(?<!资料)(?<!有效期)(?<!期限)"
                     r"(?:(?:时间|日期)\s*截止(?:到|至|为|于)?|"
                     r"(?:受理|申报|报名|报送|征集)\s*截止(?:到|至|为|于)|"  # 申报材料受理截止到10月15日
                     r"截止(?:时间|日期)\s*(?:为|是)?\s*[:：]?)")
#: What makes a cut-off day a report's or a validity's, not a limit: data or a term before it, or
#: a count or data after it (数据统计时间截止…，全市共有…; 有效期截止日期为…).
CUT_OFF_NOT = re.compile(r"(?:数据|统计|资料|收集|有效期?|期限|执行)[^，,。；;]{0,6}$")
CUT_OFF_REPORT = re.compile(r"\s*(?:的数据|[，,]\s*(?:全[市省县区国])?(?:共|累计))")
#: How far above a provision the header of a column of time limits is looked for.
COLUMN_REACH = 3000
#: A table's header line: three cells or more split by spaces, tabs or |, with no digit (序号 重点工作
#: 任务 主要责任单位 完成期限; | 序号 | 文件名称 | 印发时间 |).
_HEADER_LINE = re.compile(r"[ \t\u3000|｜]*[^\s|｜。；;，,]+(?:[ \t\u3000|｜]+[^\s|｜。；;，,]+){2,}"
                          r"[ \t\u3000|｜]*")
_CELL_SPLIT = re.compile(r"[ \t\u3000|｜]+")
_NOTE_HEAD = re.compile(r"备\s*注|说\s*明")
#: A row's ordinal cell (1, （一）, 一、) and a cell of data (3000个, 2023年5月, 5亿元): none of them in
#: a header (2023年目标 is one).
_ORDINAL_CELL = re.compile(r"[（(]?[一二三四五六七八九十\d]{1,3}[）)、.．]?")
_VALUE_CELL = re.compile(r"^\d[\d.,]*\s*(?:[^\d年\s]{0,3})$|\d\s*年\s*\d{1,2}\s*月|\d\s*年\s*[底末]")
#: An issuer's name alone before a date on its line: the signature (某某市人民政府办公室 2023年4月12日).
_ISSUER = (r"[^\s\d，,。；;|｜、]{2,30}(?:政府|办公室|办公厅|委员会|局|厅|委|部|中心|管委会|指挥部|领导小组|"
           r"办事处|党委|县委|市委|区委|镇委)")
SIGNED = re.compile(rf"{_ISSUER}(?:[ \t\u3000]+{_ISSUER})*[ \t\u3000]*$")


def under_limit_column(text: str, start: int, at: int) -> bool:
    """Whether the nearest table header above `at` (after `start`) ends in a column of time
    limits, under which a row's last cell is its limit (not 印发时间, 开工时间)."""
    for line in reversed(text[start:at].split("\n")):
        if _HEADER_LINE.fullmatch(line) and not MD_RULE.match(line.strip()):  # | --- | --- |
            cells = _CELL_SPLIT.split(line.strip(" \t\u3000|｜"))
            if _ORDINAL_CELL.fullmatch(cells[0]) or any(_VALUE_CELL.search(c) for c in cells):
                continue  # a row of the table (（一） 加强组织领导 …, 1 新建5G基站 3000个 …), no header
            if len(cells) > 3 and _NOTE_HEAD.fullmatch(cells[-1]):
                cells = cells[:-1]  # … | 完成时限 | 备注 |: the limit before a column of notes
            return LIMIT_COLUMN.fullmatch(cells[-1]) is not None
    return False


#: A date a label or a column names a time limit (治理时限：2018年12月底; 2023年12月底 under 完成期限),
#: with no 前: a year and a month (or 底) at least, and nothing after it but its cell's end and
#: empty cells.
LIMIT_DATE = re.compile(rf"(?=\d{{4}}\s*年\s*(?:\d|底|末))(?:{DATE})"
                        r"(?=(?:[ \t\u3000]*[|｜])*\s*(?:[。；;]|\n|$))")


def labelled(text: str, start: int, end: int, year: int | None) -> list[Found]:
    """Dates a label (治理时限：2018年12月底) or a column of time limits (完成期限 over a task
    table's rows ending in 2023年12月底) names limits, with no 前."""
    if text.find("年", start, end) < 0:
        return []  # every such date names its year
    out: list[Found] = []
    for m in LIMIT_DATE.finditer(text, start, end):
        before = text[max(start, m.start() - 12):m.start()]
        line_start = text.rfind("\n", 0, m.start()) + 1
        # a cell after others on its row; not a date on a line of its own (a signature's)
        cell = text[m.start() - 1] in " \t\u3000|｜" and text[line_start:m.start()].strip(CELL_EDGES) != ""
        if not LIMIT_LABEL.search(before):
            if m.group("d") and SIGNED.match(text, line_start, m.start()):
                continue  # 某某市人民政府办公室 2023年4月12日: a signature's date (a wrapped row's has none)
            if not (cell and under_limit_column(text, max(0, start - COLUMN_REACH), line_start)):
                continue
        valid, resolved = day_of(m, year)
        if valid:
            out.append((m.start(), m.end(), resolved, False))
    return out


def due(text: str, start: int, end: int, year: int | None, issued: str | None) -> list[Found]:
    """Days after 于 a thing is handed in or done on (DUE_ON: 于4月17日报送), and days a cut-off
    label names (调查工作截止时间为11月25日), with no 前 of their own (read by DEADLINE) nor a span
    opening at them (于6月1日起, 于5月1日至); not a day before the document's date, nor in a
    sentence of what was done (…开展了督察，并于2021年2月25日反馈)."""
    days = [(d.end(), True, year) for d in DUE_AT.finditer(text, start, end)]
    days += [(c.end(), False, year) for c in CUT_OFF.finditer(text, start, end)
             if not CUT_OFF_NOT.search(text, max(start, c.start() - 12), c.start())]
    days += [(w.start("date"), False, _window_year(text, w.start(), start) or year)
             for w in _WINDOW_END.finditer(text, start, end)
             if not _GLOSS.search(text, max(start, w.start() - 16), w.start())  # （即3月31日-4月2日内）
             and not _WINDOW_NOT.match(text, w.end(), end)]
    for at, act, y in list(days):  # 分别于1月29日、2月26日、3月29日将…报: each day of a list is one
        first = _DAY.match(text, at, end)
        listed = _MORE_DAYS.match(text, first.end(), end) if act and first else None
        if first and listed and DUE_ON.match(text, listed.end(), end):
            named = day_of(first, y)[1]  # 分别于2025年1月10日、7月10日: the first day's year is the list's
            ly = int(named[:4]) if named else y
            days += [(d.start(), False, ly) for d in _LISTED_DAY.finditer(text, listed.start(), listed.end())]
            days.remove((at, act, y))
            days.append((at, False, y))
    out: list[Found] = []
    for at, act, y in sorted(days):
        m = _DAY.match(text, at, end)
        if not (m and m.group("d")) or _OPENS_SPAN.match(text, m.end()):
            continue
        if CUT_OFF_REPORT.match(text, m.end()):
            continue  # 统计时间截止到2022年12月31日，全市共有…: a report's day
        if act and not DUE_ON.match(text, m.end(), end):
            continue
        valid, resolved = day_of(m, y)
        if not valid or (resolved and (resolved < (issued or "") or int(resolved[:4]) < (year or 0))):
            continue  # a day past when the document was written
        if not _reported(text, at, start, year):
            recurring = recurs(text, at, start)  # 每年度补贴申请截止日期为9月30日
            out.append((m.start("date"), m.end(), None if recurring else resolved, recurring))
    return out


def _reported(text: str, at: int, start: int, year: int | None) -> bool:
    """Whether the day at `at` is told of as done: 了 or 已 in its sentence, or its paragraph
    opening with a year before the document's or with 去年 (2022年，…于11月30日完成).
    Bounded: a page of thousands of days would make it quadratic."""
    lo = max(start, at - 200)
    said = max(text.rfind("。", lo, at), text.rfind("\n", lo, at), lo)
    if _DONE.search(text, said, at):
        return True
    para = max(text.rfind("\n", lo, at), lo)
    opening = _PAST_OPENING.search(text, para, at)
    if opening is None:
        return False
    return opening.group("y") is None or (year is not None and int(opening.group("y")) < year)


def _window_year(text: str, at: int, start: int) -> int | None:
    """The year a window's start names right before its end (2022年1月1日至12月31日内: 2022)."""
    y = _WINDOW_START_YEAR.search(text, max(start, at - 20), at)
    return int(y.group(1)) if y else None


#: A sentence telling what was done (…对我市开展了督察，并于2021年2月25日反馈; 已按要求于…报送): its
#: days are past; and a paragraph opening with a past year or 去年 (2022年，…; 去年，…).
_DONE = re.compile(r"(?<![为除])了(?!解)|已")
_PAST_OPENING = re.compile(r"(?<![^。；;\n])\s*(?:(?P<y>(?:19|20)\d{2})\s*年|去年|上年|过去一年)[，,]")
#: A window's start year, right before its end; and what makes a window a class or a report, not a
#: limit (…至6月30日内新招用…的企业，给予…; …至12月31日内，全市共受理…).
_WINDOW_START_YEAR = re.compile(r"((?:19|20)\d{2})\s*年[^，,。；;]{0,12}$")
_WINDOW_NOT = re.compile(r"\s*(?:内|以内|之内)(?:[^，,。；;]{0,30}的[^，,。；;]{0,8}[，,]|"
                         r"\s*[，,]\s*(?:全[市省县区国])?(?:共|累计))")
_DAY = re.compile(rf"\s*(?P<date>{DATE})")
#: More days listed after one a thing is due on (于1月29日、2月26日、3月29日), and each of them.
_MORE_DAYS = re.compile(r"(?:\s*[、和及]\s*(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日)+")
_LISTED_DAY = re.compile(r"(?<=[、和及])\s*(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日")
#: The last day of a window to act in (统一在2011年7月1日至9月30日内完成): its limit.
_WINDOW_END = re.compile(r"(?:至|到|—|－|-)\s*(?P<date>(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日)"
                         r"(?=\s*(?:内|以内|之内))")
#: A bracket glossing a span with its days (3个工作日内（即3月31日-4月2日内）): the span is read.
_GLOSS = re.compile(r"[（(]\s*即[^（()）]*$")
_OPENS_SPAN = re.compile(r"\s*(?:前|之前|以前|起|开始|至|到|—|-|～|后|以后|之后)")
