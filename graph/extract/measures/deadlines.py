"""Deadlines of a provision: every 前/内 time limit (6月底前, 2004年6月底前, 明年年底前, 年内, 春节前,
2020年前, 自受理之日起20个工作日内), each resolved to a date with the document's year where it can
be, and the action it governs. A limit counted from an event (30日内) or recurring (每月10日前) is
kept `relative`, with no date."""

from __future__ import annotations

import datetime as dt
import re

from policygraph.extract.measures.holidays import holiday_date, holiday_names
from policygraph.extract.measures.limit_dates import (
    BEFORE,
    DATE,
    HOUR,
    WEEKDAY,
    day_of,
    month_deadline,
    recurs,
)
from policygraph.extract.measures.limit_tables import CELL_EDGES, Found, due, labelled
from policygraph.extract.measures.quantities import CN_DIGITS
from policygraph.extract.measures.relative_limits import is_limit
from policygraph.extract.measures.scoring import scored
from policygraph.models import Deadline

DEADLINE = re.compile(DATE + BEFORE)
#: 年内, 今年内, 本年度内: by the end of the document's year (not 年内进度目标, a field's name).
WITHIN_YEAR = re.compile(r"(?<![0-9一二三四五六七八九十两个多])(?:(?:今|本|当)年度?内|年内)"
                         r"(?!容|外|进度)")
#: 2020年前, 2018年以前: before that year (2020年内 is no limit the gold sets code: what is done in
#: a year, not by a day).
YEAR_BEFORE = re.compile(rf"(?<![到至])(?P<y>(?:19|20)\d{{2}})\s*年{BEFORE}")
#: “十五五”内, 十四五末前: by the end of a five-year plan's last year (“十三五”期间内 is a window).
PLAN_PERIOD = re.compile(r"(?<![第之])[“\"]?十(?P<n>[一二三四五六七八九])五[”\"]?\s*"
                         rf"(?:(?:内|以内|之内)(?!蒙)|末{BEFORE})")
#: 春节前, 国庆节前, “五一”前 (its closing quote).
#: (今年 or 明年 before it is read apart: an optional prefix would be tried at every position.)
HOLIDAY = re.compile(rf"(?P<h>{'|'.join(holiday_names())})[”\"’]?{BEFORE}")
#: 30日内, 20个工作日内, 三个月内, 1年半内, 三到五年时间内, 届满30日前: a limit counted from an event (not
#: 5月3日内蒙古: a date before 内蒙古).
RELATIVE = re.compile(
    rf"(?<![月\d.．])(?P<num>\d{{1,3}}(?!\d)|[{CN_DIGITS}十百]+)(?:\s*(?:到|至|—|-)\s*(?:\d+|[{CN_DIGITS}十]+))?\s*(?:个\s*)?(?:半\s*)?"
    r"(?P<unit>工作日|自然日|日|天|小时|分钟|周|星期|月|季度|年)\s*(?:半\s*)?(?:时间\s*)?"
    r"(?P<lim>内|以内|之内|前(?!\s*言)|以前|之前)(?!蒙)"
)
#: 每周三15:00前: a day of every week; 每日22:00前: an hour of every day.
WEEKLY = re.compile(rf"每(?:(?:周|星期)[一二三四五六日天]|(?:日|天)(?=\s*(?:上午|中午|下午|晚上)?\s*\d))"
                    rf"{HOUR}{BEFORE}")
#: 中午12:00前 with no day: an hour of a day the text does not name, by which a thing is done or
#: handed in (春节期间…在中午12:00前全部结束); not a window of a ban or of office hours.
CLOCK = re.compile(rf"(?<![日号天\d:：\s至])(?:上午|中午|下午|晚上)\s*\d{{1,2}}\s*[:：]\s*\d{{2}}{BEFORE}"
                   r"(?=[^，,。；;\d]{0,6}?(?:结束|完成|报送|上报|提交|送达|到达|签到|报到|办结|反馈|撤离|清理))")
#: 每个节假日前, 每逢重大节日前: before every holiday, recurring.
EVERY_HOLIDAY = re.compile(rf"每(?:个|逢)?(?:法定|重大)?(?:节假日|节日|假期|长假){BEFORE}")
#: 每月底前, 每月末之前: the end of every month.
MONTH_END = re.compile(rf"每个?月(?:底|末){BEFORE}")
#: 每月10日前: a day of every month (每月 leaves DEADLINE no month to read); 次月15日内: of the
#: month after an event; 每季度末月20日前: of each quarter's last month.
MONTHLY = re.compile(rf"(?:每(?:个?季度?末)?|次)月\s*(?P<d>\d{{1,2}}|[{CN_DIGITS}十]+)\s*(?:日|号)"
                     rf"(?:{BEFORE}|\s{{0,2}}(?:内|以内|之内))")
#: 合同期满前3个月, 届满30日前 is RELATIVE's: N before a term ends.
BEFORE_END = re.compile(rf"(?:期满|届满|到期|结束)\s*前\s*(?P<num>\d+|[{CN_DIGITS}十]+)\s*个?\s*"
                        r"(?:工作日|自然日|日|天|周|月|季度|年)")
#: 公示期内, 过渡期内, 认证周期内, 当月内: a period the text names (its length stated elsewhere).
#: (Not 过渡期内: what holds during a transition, rent for one, is no act to do by its end.)
NAMED_PERIOD = re.compile(r"(?:公示|异议|整改|认证|申报|受理|复核)(?:期|周期)(?:内|之内|以内)|当月内")
#: 汛期前, 入汛前, 开学前, 每一医保年度开始前: before a season or a period of the year whose date
#: the text does not give (not 汛前检查 or 汛前预警, names of things): kept relative.
SEASON = re.compile(rf"(?:(?:主)?汛期|入汛|开学|(?:医保|学|财政)?年度开始){BEFORE}|"
                    r"(?<![防抗])汛前(?![检巡排]查|准备|大检查|预警|备战|\s*[、和及与])")
#: 2024年第三季度前, 一季度末前: by the end of that quarter.
QUARTER = re.compile(rf"(?:(?P<y>(?:19|20)\d{{2}})\s*年\s*)?第?(?P<q>[一二三四1-4])\s*季度(?:末|底)?"
                     rf"{BEFORE}")
#: A date whose 年 and 月 the page lost (2023624日11:00之前): dated where one reading of its digits
#: is a date (2012118日前 is 1月18日 or 11月8日: left undated). Without its year glued on, a number
#: of days is a span (届满120日前).
GLUED_DATE = re.compile(rf"(?<![\d年月.．])(?P<y>(?:19|20)\d{{2}})(?P<md>\d{{3,4}})\s*[日号]"
                        rf"{HOUR}{WEEKDAY}{BEFORE}")
#: 本月20日前, 本月底前, 下月5日前: a day of the month the document was written in, or the next;
#: 当月13日前: of the month in question (a recurring report's, or one the sentence names).
THIS_MONTH = re.compile(rf"(?P<which>本|下|当)月\s*(?:(?P<d>\d{{1,2}})\s*[日号]|(?P<end>底|末))"
                        rf"{WEEKDAY}{HOUR}{BEFORE}")


def deadlines_in(text: str, start: int, end: int, year: int | None, provision: str = "",
                 date: str | None = None) -> list[Deadline]:
    """Deadlines in text[start:end] (the provision `provision`), resolved with the document's
    year (and its date, for a holiday already past that year).

    >>> text = "6月底前出台配套政策；明年年底前全面完成；自受理之日起20个工作日内作出决定。"
    >>> [(d.text, d.date, d.relative) for d in deadlines_in(text, 0, len(text), 2003)]
    [('6月底前', '2003-06-30', False), ('明年年底前', '2004-12-31', False), ('20个工作日内', None, True)]
    """
    issued = _date(date)
    found: list[Found] = labelled(text, start, end, year) + due(text, start, end, year, date)
    if text.find("前", start, end) < 0 and text.find("内", start, end) < 0 and not found:
        return []  # every form below ends in 前 or 内: most provisions have neither
    for finder in (_absolute, _within_year, _year_before, _plan_period, _holiday, _this_month, _glued_date):
        found += finder(text, start, end, year, issued)
    found += _quarter(text, start, end, year, issued, provision)  # before 三季度前 is read as a span
    for finder in (_relative, _counted_back, _clock):
        found += finder(text, start, end, year, issued)
    found.sort(key=lambda f: (f[0], -f[1]))
    out: list[Deadline] = []
    last_end = -1
    for s, e, resolved, relative in found:
        if s < last_end:
            continue  # inside a longer one (6月底前 in 2004年6月底前)
        last_end = e
        if _names_a_class(text, e, end, resolved, year) or scored(text, e):
            continue  # (年内发展1名以上新党员计2分: a score's condition)
        if text[e:e + 1] in (")", "）") and _DATED_CONDITION.search(text, max(0, s - 8), s):
            continue  # 东至县户籍（2023年10月17日前）: a note dating a condition, no act to do by it
        if relative and _line_of(text, s, e, start, end).strip(CELL_EDGES) == text[s:e]:
            continue  # 24小时内, a table's cell on its own: a standard's value, no act to do in it
        out.append(Deadline(text[s:e], resolved, _action(text, e, end), s, e, provision, relative))
    return out




def _line_of(text: str, s: int, e: int, start: int, end: int) -> str:
    """The line of text[start:end] holding text[s:e]."""
    a = text.rfind("\n", start, s) + 1 or start
    b = text.find("\n", e, end)
    return text[max(a, start):end if b < 0 else b]

#: A condition dated in brackets after it (户籍（2023年10月17日前）, 注册（…前）).
_DATED_CONDITION = re.compile(r"(?:户籍|户口|出生|在职)[(（]$")
#: What a date before the document's year qualifies, up to 的 and the noun after it: 2013年底前
#: 政府投资的公租房 are the flats built by then, no limit for anything still to be done.
_CLASS_AFTER = re.compile(r"^[^，,。；;：:\n]{0,16}?的")


def _names_a_class(text: str, at: int, end: int, resolved: str | None, year: int | None) -> bool:
    """Whether the limit ending at `at` only says which people or things are meant: an age's
    cut-off (2010年12月31日前年满18周岁), a relative clause (春节前所形成的…矛盾, …以前经…登记成立的
    社会团体), or a day already past
    when the document was written (…前开工建设的公租房)."""
    if _CUT_OFF_OF.match(text, at, end):
        return True
    return (resolved is not None and year is not None and int(resolved[:4]) < year
            and _CLASS_AFTER.match(text[at:end]) is not None)


_CUT_OFF_OF = re.compile(r"\s*(?:年满|出生的|满\s*\d{1,2}\s*周?岁|"
                         r"所(?!有|在|属|辖|需)[\u4e00-\u9fff]{1,3}的|"  # not 前所有学校的…
                         r"(?:经[^，,。；;]{0,10}?)?(?:依法)?(?:登记|注册|批准|核准)?(?:成立|设立)"
                         r"[^，,。；;]{0,4}?的|"  # …以前经…登记成立的社团: who, no limit
                         r"经[^，,。；;]{0,10}?(?:登记|核准|批准|备案)[^，,。；;]{0,4}?的)")



def _date(date: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(date) if date else None
    except ValueError:
        return None


#: A rule's duty or its half-years before 当年 (应当于当年6月30日前, 上半年于当年6月5日前): each year's.
_EACH_YEAR_RULE = re.compile(r"应当?|[上下]半年")


def _absolute(text: str, start: int, end: int, year: int | None, _issued: dt.date | None) -> list[Found]:
    out: list[Found] = []
    for m in DEADLINE.finditer(text, start, end):
        valid, date = day_of(m, year)
        if not valid:
            continue
        y = int(m.group("y") or m.group("yg")) if m.group("y") or m.group("yg") else None
        if y is None and year is not None:
            y = year + (1 if m.group("rel") == "明年" else 0)
        # 应当于当年6月30日前, 上半年于当年6月5日前: a rule's each year
        each_year = m.group("rel") == "当年" and bool(_EACH_YEAR_RULE.search(text, max(start, m.start() - 30),
                                                                             m.start()))
        recurring = recurs(text, m.start(), start) or each_year
        ends = m.group("d") or m.group("part") in ("底", "末") or m.group("ye") in ("年底", "年末")
        shared = _sharing(text, m.start(), start, y, recurring) if ends else []
        if shared and shared[0][2] and not (m.group("y") or m.group("yg") or m.group("rel")):
            date = day_of(m, int(shared[0][2][:4]))[1]  # 2020年6月底和年底前: the year the first names
        out.append((m.start(), m.end(), None if recurring else date, recurring))
        out += shared
    return out


#: A date listed before another that carries the 前 for both (2月10日和8月10日前, 6月30日、12月31日前,
#: 2020年6月底和年底前).
_SHARED_BEFORE = re.compile(r"(?:(?P<y>(?:19|20)\d{2})\s*年\s*|(?<!\d)|(?<=(?:19|20)\d{2}))"
                            r"(?P<m>\d{1,2})\s*月\s*"
                            r"(?:(?P<d>\d{1,2})\s*[日号]|(?P<part>底|末))\s*"
                            r"(?:和|及|、|或)\s*$")  # after a glued year too (20254月8日、…前); 6月底和年底前


def _sharing(text: str, at: int, start: int, y: int | None, recurring: bool) -> list[Found]:
    """The dates listed right before the deadline at `at` that share its 前, each a deadline of
    its own (in the same year, recurring with it)."""
    listed: list[re.Match[str]] = []
    while (m := _SHARED_BEFORE.search(text, max(start, at - 16), at)) and 1 <= int(m.group("m")) <= 12:
        listed.append(m)
        at = m.start()
    out: list[Found] = []
    for m in reversed(listed):  # from the first: a year it names is the later ones' (2020年1月底、2月底…)
        y = int(m.group("y")) if m.group("y") else y
        month = int(m.group("m"))
        date = month_deadline(y, month, m.group("d"), m.group("part")) if y and not recurring else None
        out.append((m.start(), m.start() + len(m.group(0).rstrip("和及、或 ")), date, recurring))
    return out[::-1]


def _within_year(text: str, start: int, end: int, year: int | None, _issued: dt.date | None) -> list[Found]:
    return [(m.start(), m.end(), f"{year}-12-31" if year else None, False)
            for m in WITHIN_YEAR.finditer(text, start, end)]


def _year_before(text: str, start: int, end: int, _year: int | None, _issued: dt.date | None) -> list[Found]:
    """2030年前: by the end of 2030, as policy reads it (2030年前碳达峰: a peak in 2030 meets it),
    and as 6月前 is by the end of June."""
    return [(m.start(), m.end(), f"{int(m.group('y'))}-12-31", False)
            for m in YEAR_BEFORE.finditer(text, start, end) if text[m.end():m.end() + 1] != "后"]


def _plan_period(text: str, start: int, end: int, year: int | None, _issued: dt.date | None) -> list[Found]:
    """“十五五”内: the plan periods are five years from 1956 on (十四五 is 2021–2025); one over
    before the document's year is a look back, no limit."""
    out: list[Found] = []
    for m in PLAN_PERIOD.finditer(text, start, end):
        last = 1955 + 5 * (10 + CN_DIGITS_VALUE[m.group("n")])
        if year is None or last >= year:
            out.append((m.start(), m.end(), f"{last}-12-31", False))
    return out


CN_DIGITS_VALUE = {c: i for i, c in enumerate("一二三四五六七八九", start=1)}


def _holiday(text: str, start: int, end: int, year: int | None, issued: dt.date | None) -> list[Found]:
    out: list[Found] = []
    for m in HOLIDAY.finditer(text, start, end):
        rel = text[max(start, m.start() - 2):m.start()]
        rel = rel if rel in ("今年", "明年") else ""
        resolved = None
        if year is not None:
            after = issued if issued is not None and issued.year == year else None
            d = holiday_date(m.group("h"), year + (rel == "明年"), None if rel else after)
            resolved = d.isoformat() if d else None
        out.append((m.start() - len(rel), m.end(), resolved, False))
    return out


#: An article of a statute (第十二条), whose yearly steps (于第三季度前报…) recur with the years.
_ARTICLE = re.compile(r"(?:^|/)第[一二三四五六七八九十百零〇\d]+条")


def _quarter(text: str, start: int, end: int, year: int | None, _issued: dt.date | None,
             provision: str = "") -> list[Found]:
    """2024年第三季度前, 一季度末前: the quarter's last day, in the document's year where none is
    written (a statute's article states a yearly step: it recurs); 每季度… recurs."""
    out: list[Found] = []
    statute = _ARTICLE.search(provision) is not None
    for m in QUARTER.finditer(text, start, end):
        y = int(m.group("y")) if m.group("y") else None if statute else year
        q = "一二三四".find(m.group("q")) + 1 or int(m.group("q"))
        recurring = recurs(text, m.start(), start) or (statute and y is None)
        date = month_deadline(y, 3 * q, None, "底") if y and not recurring else None
        out.append((m.start(), m.end(), date, recurring))
    return out


def _glued_date(text: str, start: int, end: int, year: int | None, _issued: dt.date | None) -> list[Found]:
    """The dates of GLUED_DATE, in the document's year where the page kept none."""
    out: list[Found] = []
    for m in GLUED_DATE.finditer(text, start, end):
        y = int(m.group("y")) if m.group("y") else year
        md = m.group("md")
        readings = [(int(md[:cut]), md[cut:]) for cut in (1, 2) if 1 <= len(md) - cut <= 2
                    and 1 <= int(md[:cut]) <= 12 and not (cut == 1 and md[1] == "0")]  # not 1月05日
        dates = {month_deadline(y or 2000, month, day, None) for month, day in readings} - {None}
        if not dates:
            continue  # 365日前: a span, no date
        recurring = recurs(text, m.start(), start)
        date = dates.pop() if len(dates) == 1 and y is not None and not recurring else None
        out.append((m.start(), m.end(), date, recurring))
    return out


#: A month that opens or joins a period of months (自…4月起, 4月至10月, 每年6月, 每月): 当月 recurs.
_PERIOD_OF_MONTHS = re.compile(r"起|开始|至|到|每")
#: A month named in the sentence before 当月 (2023年4月，…当月15日前).
_MONTH_NAMED = re.compile(r"(?:(?P<y>(?:19|20)\d{2})\s*年\s*)?(?P<m>1[0-2]|[1-9])\s*月"
                          r"(?![底末份]?\s*\d|\s*\d)[^。；;\n]*$")


def _this_month(text: str, start: int, end: int, year: int | None, issued: dt.date | None) -> list[Found]:
    """本月20日前, 本月底前, 下月5日前: that day of the month the document was issued in (or the
    next), where its date is known; else relative to it."""
    out: list[Found] = []
    for m in THIS_MONTH.finditer(text, start, end):
        date = None  # 当月13日前: of the month a report is due in, each month, unless the sentence names it
        named = (_MONTH_NAMED.search(text, max(start, m.start() - 40), m.start()) if m.group("which") == "当"
                 else None)
        if named is not None and _PERIOD_OF_MONTHS.search(text, max(start, named.start() - 4), m.start()):
            named = None  # 自2023年4月起…当月25日前, 每年6月…当月底前: each month's, no one date
        named_year = int(named.group("y")) if named is not None and named.group("y") else year
        if named is not None and named_year is not None:
            date = month_deadline(named_year, int(named.group("m")), m.group("d"), m.group("end"))
        elif issued is not None and issued.year == year and m.group("which") != "当":
            y, month = issued.year, issued.month + (m.group("which") == "下")
            y, month = (y + 1, 1) if month > 12 else (y, month)
            date = month_deadline(y, month, m.group("d"), m.group("end"))
        out.append((m.start(), m.end(), date, date is None))  # unresolved: relative to its date
    return out


def _relative(text: str, start: int, end: int, _year: int | None, _issued: dt.date | None) -> list[Found]:
    return [(m.start(), m.end(), None, True) for m in RELATIVE.finditer(text, start, end)
            if is_limit(m, text, start, end)]


def _counted_back(text: str, start: int, end: int, _year: int | None, _issued: dt.date | None) -> list[Found]:
    """每月25日前, 每周三15:00前 (recurring), 合同期满前3个月 (before a term ends), 公示期内 (a
    named period) and 汛期前 (a season): kept relative."""
    return [(m.start(), m.end(), None, True)
            for pattern in (MONTHLY, WEEKLY, MONTH_END, BEFORE_END, NAMED_PERIOD, SEASON, EVERY_HOLIDAY)
            for m in pattern.finditer(text, start, end)]


def _clock(text: str, start: int, end: int, _year: int | None, _issued: dt.date | None) -> list[Found]:
    """中午12:00前 where its sentence names no day before it (3月15日…请于上午9:00前签到 is that
    day's, which this reading cannot date): kept relative."""
    out: list[Found] = []
    for m in CLOCK.finditer(text, start, end):
        ends = _SENTENCE_END.finditer(text, max(start, m.start() - 80), m.start())
        opening = max([start, *(b.end() for b in ends)])
        if not _DAY_NAMED.search(text, opening, m.start()):
            out.append((m.start(), m.end(), None, True))
    return out


_SENTENCE_END = re.compile(r"[。；;！？!?\n]")
_DAY_NAMED = re.compile(r"\d\s*[日号]|当[天日]|本周|周[一二三四五六日]|星期")


def _action(text: str, at: int, end: int) -> str | None:
    sent_end = re.compile(r"[。；;！？!?\n]").search(text, at, end)
    stop = sent_end.start() if sent_end else end
    return text[at:min(stop, at + 60)].lstrip("，, 　") or None
