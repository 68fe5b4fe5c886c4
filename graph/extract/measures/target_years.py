"""The years of a target: the year it is to be met by, the first year of a multi-year target and
the base year a change is measured from.

Read, in order: the target's own sentence (到2020年, 2015年至2017年, 较2012年 as a base only);
its governing clause earlier in the provision or in a parent provision (主要目标：到2020年，…);
the plan year in the document's title (2016年就业工作要点, 规划（2016—2020年）, 十三五); and
今年/全年/年内, which name the document's own year.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from policygraph.extract.measures.review import heads_ahead, reports_results, year_ahead_of_review
from policygraph.extract.numbers import chinese_to_int
from policygraph.extract.provisions import Provision

_Y = r"((?:19|20)\d{2})"
#: 2015年至2017年, 2015—2017年, 2016-2020年: a span of years.
SPAN = re.compile(rf"{_Y}\s*年?\s*(?:—{{1,2}}|–|―|-|－|~|～|〜|至|到)\s*{_Y}\s*年")
#: 较2012年, 比2012年, 与2015年相比, 以2015年…为基数, 在2015年基础上: a base year. 与/同/以/在
#: make one only with the words that close them (在2007年底前 is a target year).
BASE = re.compile(rf"(?:较|比|相对于?)\s*{_Y}\s*年(?:底|末|度)?|"
                  rf"(?:与|同|以|在)\s*{_Y}\s*年[^，,。；;]{{0,12}}?(?:相比|为基数|为基期|基础上|水平上)|"
                  rf"{_Y}\s*年(?:底|末)?(?:为基数|为基期|基础上)")
#: 自2019年开始, 从2019年1月1日起, 2019年起: the year a target starts from, not its end.
START = re.compile(rf"(?:自|从)\s*{_Y}\s*年[^，,。；;]{{0,8}}?(?:起|开始)|{_Y}\s*年(?:起|开始)")
#: 到2020年, 2020年底前, 2020年: a year a target is met by.
YEAR = re.compile(rf"{_Y}\s*年")
#: 到2020年 opening a governing clause (主要目标：到2020年，…; （一）到2020年).
LEAD = re.compile(rf"(?:到|至|力争到|争取到|确保到)\s*{_Y}\s*年")  # 到 2024 年 as pages space it
#: A time limit closing the opening clause of a paragraph or provision (2022年8月底前，…; 2022年8底前): the
#: year its goals are met by, where it is about goals (…指标全部达到…标准), not a step (…完成摸底排查).
LIMIT_LEAD = re.compile(rf"{_Y}\s*年\s*(?:\d{{1,2}}\s*月?\s*)?(?:底|末)?\s*(?:之)?前$")
LIMIT_OPENING = re.compile(rf"[^，,。；;\n]{{0,30}}?{_Y}\s*年\s*(?:\d{{1,2}}\s*月?\s*)?(?:底|末)?\s*(?:之)?前"
                           r"[，,](?=[^。；;\n]*(?:指标|目标|标准|要求|任务))")
LIMITS_GOALS = re.compile(r"指标|目标|标准|要求|任务")
#: 五年内, 3年内: a span of years from now, not a year.
WITHIN_YEARS = re.compile(r"(?<!\d)[一二三四五六七八九十两\d]{1,2}\s*年(?:内|之内|以内|时间)")
#: 远景: a long-range vision beyond the plan's period, whose years do not reach it.
BEYOND = re.compile(r"远景")
THIS_YEAR = re.compile(r"今年|今[春夏秋冬]|开门红|全年|当年|年内|本年度?|年度(?:目标|任务)|"
                       r"(?<![\d〇零一二三四五六七八九十年每])年(?:底|末)|(?P<next>明年)")
#: Five-year plans: 十三五 ends in 2020.
_FIVE_YEAR = {"七五": 1990, "八五": 1995, "九五": 2000, "十五": 2005, "十一五": 2010, "十二五": 2015,
              "十三五": 2020, "十四五": 2025, "十五五": 2030}
_QUOTED_PLAN = re.compile(r"“([七八九]五|十[一二三四五]?五)”")
#: 第十四个五年规划: the plan's name written out.
_NTH_PLAN = re.compile(r"第([七八九]|十[一二三四五]?)个五年(?:规划|计划)")
_FIVE_YEAR_RE = re.compile(r"“?([七八九]五|十[一二三四五]?五)”?(?:时期|期间|期内|规划|计划|末)")


#: A sentence ending in a colon that introduces goals: 主要目标：, 具体指标是：
GOAL_INTRO = re.compile(r"目标|指标|任务")


@dataclass(frozen=True)
class Years:
    """What a target's years are: met by `year`, from `start_year`, measured from `base_year`."""

    year: int | None = None
    start_year: int | None = None
    base_year: int | None = None
    #: Under a heading that reviews the past (发展基础, 工作回顾): its numbers are results.
    past: bool = False
    #: Under a heading naming who qualifies (申请对象, 申报条件, 认定标准): its numbers are criteria.
    criteria: bool = False
    #: An item of a list of goals its parent provision introduces (…具体任务是：): its numbers are
    #: goals without a verb of aim, as items of such a list within one provision are.
    listed: bool = False
    #: In a document that reports results or approves a project's scope (…情况的通报, …项目…的批复),
    #: before any heading of what is to come: its numbers are results or scope, its limits commands.
    reported: bool = False


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, int]]:
    """Where `pattern` matches in `text`, each with the year it names."""
    return [(m.start(), m.end(), int(next(g for g in m.groups() if g))) for m in pattern.finditer(text)]


@dataclass(frozen=True)
class YearMarks:
    """Where a sentence names years, found once for all its targets (a long sentence of many
    targets was read again from its start for each, which made it quadratic)."""

    bases: list[tuple[int, int, int]]
    starts: list[tuple[int, int, int]]
    spans: list[re.Match[str]]
    years: list[re.Match[str]]
    five: list[re.Match[str]]
    achieved: list[tuple[int, int, int]] = field(default_factory=list)  # 巩固2018年…改善成果
    timed: list[tuple[int, int, int]] = field(default_factory=list)  # 自2020年起，利用3年时间: end 2022


#: A year whose results a goal builds on (保持和巩固2018年…改善成果): no goal's year nor base year.
_ACHIEVED = re.compile(rf"(?:巩固|保持)[^，,。；;\d]{{0,6}}?{_Y}\s*年[^，,。；;\d]{{0,16}}?"
                       r"(?:成果|成效|成绩)")


#: A start and the years a work takes from it (自2020年起，利用3年左右时间): its goals' span.
_TIMED = re.compile(rf"(?:自|从)\s*{_Y}\s*年(?:起|开始)[，,]?\s*(?:力争|争取|计划)?\s*"
                    r"(?:利用|用|经过|通过)\s*(?P<n>\d|[一二三四五六七八九十])\s*个?\s*年(?:左右)?(?:的)?时间")


_ON_BASE = re.compile(r"[”\"]?\s*(?:期末|末)?\s*的?\s*(?:基础上|水平上)")


def _count(n: str) -> int:
    return int(n) if n.isdigit() else chinese_to_int(n) or 1


def year_marks(text: str) -> YearMarks:
    """The marks of `text`; a plan period after 较/比 (较“十三五”末) or before 基础上 (在“十五”末的
    基础上) is a base, its last year."""
    five, five_bases = [], []
    for m in _FIVE_YEAR_RE.finditer(text):
        if text.endswith(("较", "比"), 0, m.start()) or _ON_BASE.match(text, m.end()):
            five_bases.append((m.start(), m.end(), _FIVE_YEAR[m.group(1)]))
        else:
            five.append(m)
    timed = [(m.start(), m.end(), int(m.group(1)) + _count(m.group("n")) - 1) for m in _TIMED.finditer(text)]
    return YearMarks(sorted(_spans(BASE, text) + five_bases), _spans(START, text), list(SPAN.finditer(text)),
                     list(YEAR.finditer(text)), five, _spans(_ACHIEVED, text), timed)


def sentence_years(before: str) -> Years:
    """The years a sentence states before a target (`before`): the last span or year not a base."""
    return years_before(year_marks(before), len(before))


def years_before(m: YearMarks, at: int) -> Years:
    """sentence_years of a sentence's first `at` characters, from its year_marks."""
    bases = [b for b in m.bases if b[1] <= at]
    base = bases[-1][2] if bases else None
    starts = [b for b in m.starts if b[1] <= at]
    taken = bases + starts + [a for a in m.achieved if a[1] <= at]

    def free(pos: int) -> bool:
        return not any(s <= pos < e for s, e, _ in taken)

    spans = [x for x in m.spans if x.end() <= at and free(x.start())]
    years = [x for x in m.years if x.end() <= at and free(x.start())]
    five = [x for x in m.five if x.end() <= at]
    if five and not spans and (not years or years[-1].start() < five[-1].start()):
        end = _FIVE_YEAR[five[-1].group(1)]
        return Years(end, end - 4, base)
    if spans and (not years or years[-1].start() <= spans[-1].end()):
        last = spans[-1]
        return Years(int(last.group(2)), int(last.group(1)), base)
    start = starts[-1][2] if starts else None
    timed = [t for t in m.timed if t[1] <= at]
    if timed and (not years or years[-1].start() < timed[-1][1]):
        return Years(timed[-1][2], start, base)  # 自2020年起，利用3年时间，…: by 2022
    if years:
        year = int(years[-1].group(1))
        return Years(year, start if start and start < year else None, base)
    return Years(None, start, base)


def past(year: int | None, doc_year: int | None, led: bool) -> bool:
    """Whether a number's year was already past when the document was written and its sentence
    states no goal for it (2003年全国城市污水处理率达到42% in a 2005 reply): a result. A goal
    written as one (`led`: 到2000年…达到 in a law revised in 2010, LEAD before it) stays a target."""
    return bool(year and doc_year and year < doc_year and not led)


def lead_year(text: str) -> Years:
    """The year a governing clause sets for what follows it (到2020年 in a provision's heading or
    opening), or none; a span (2016—2020年) gives its start too."""
    span = SPAN.search(text)
    m = LEAD.search(text)
    if span and (m is None or span.start() <= m.start()):
        return Years(int(span.group(2)), int(span.group(1)))
    return Years(int(m.group(1))) if m else Years()


def title_years(title: str | None) -> Years:
    """The plan year(s) a title names: 2016年就业工作要点 → 2016; 规划（2016—2020年） → 2016–2020;
    "十三五"规划 → 2020. A title naming another document's year (关于…2015年…的通知) counts too:
    an annual notice is about that year."""
    if not title:
        return Years()
    span = SPAN.search(title) or _BARE_SPAN.search(title)
    if span:
        return Years(int(span.group(2)), int(span.group(1)))
    plan = plan_years(title)
    if plan.year is not None:
        return plan
    if (ahead := year_ahead_of_review(title)) is not None:
        return Years(ahead)  # 2022年工作总结和2023年工作思路: the plan's year
    years = {int(y) for y in YEAR.findall(title)}
    if not years:  # 关于印发2025泉城消费提升行动方案的通知: a plan's year without 年
        years = {int(y) for y in _BARE_YEAR.findall(title)}
    return Years(years.pop()) if len(years) == 1 else Years()


#: A plan's span in brackets without 年 (…三年行动计划实施方案(2018-2020)的通知).
_BARE_SPAN = re.compile(r"[（(]\s*((?:19|20)\d{2})\s*[-—–~～至]\s*((?:19|20)\d{2})\s*年?\s*[）)]")
#: A year written without 年 before the name of a plan in a title (2025泉城消费提升行动方案).
_BARE_YEAR = re.compile(r"(?<![\dA-Za-z〔\[（(:：\s—–-])(20\d{2})"
                        r"(?![万亿千百户吨个元人家名所项座条辆台年月日学级])(?=[\u4e00-\u9fff][^〔\[）)]{0,20}(?:行动|方案|计划|要点|工作))")


def plan_years(text: str) -> Years:
    """The years of the five-year plan `text` names (“十五五”时期, 第十四个五年规划): the last
    named, when it names two (“十四五”时期发展成就和“十五五”时期主要目标任务 → 2026–2030)."""
    names = [m.group(1) for pattern in (_FIVE_YEAR_RE, _QUOTED_PLAN) for m in pattern.finditer(text)]
    names += [m.group(1) + "五" for m in _NTH_PLAN.finditer(text)]
    if not names:
        return Years()
    end = max(_FIVE_YEAR[n] for n in names)
    return Years(end, end - 4)


#: How a preamble names the year a document's work is for (2026年是“十五五”开局之年；扎实做好2026年
#: 农业农村工作): an annual document whose title names no year; not a span (做好2024年至2026年…).
_WORK_YEAR = re.compile(r"(?:做好|抓好|部署|确定的|现就[^。；;，,《》\d]{0,8}?)\s*"
                        r"((?:19|20)\d{2})\s*年(?![至到—–-])"
                        r"[^。；;，,《》]{0,24}(?:工作|提出如下|通知如下)|"  # 现就全县2020年粮食生产提出如下
                        r"((?:19|20)\d{2})\s*年是[^。；;《》]{0,30}之年")
#: A document whose work spans years (三年行动方案, 到2026年…, 2024—2026年) or that looks back (…工作
#: 情况的报告, 总结): its preamble's year is no year of all its targets.
_NOT_ONE_YEAR = re.compile(r"[两二三四五六七八九十\d]年(?:行动|计划|规划|攻坚|专项)|报告|总结|情况")
_LATER_YEAR = re.compile(r"(?:到|至|—|–|-)\s*((?:19|20)\d{2})\s*年")
#: How far into a part its preamble is searched, and how far before its first provision.
_PREAMBLE = 2000
_BEFORE_FIRST = 600
_CITED = re.compile(r"《[^《》]*》")


#: A notice printing a plan (《…》…现印发给你们) or splitting one up (《…》（以下简称《纲要》）…《纲要》实施).
_PRINTS = re.compile(r"《(?P<title>[^《》\n]{4,80})》(?:(?!已于|已印发|已下发)[^。\n《》]){0,40}"
                     r"(?:现)?(?:印发|下发)(?:给)?你们(?!以来)|"  # not 已印发你们, 下发你们以来
                     r"《(?P<split>[^《》\n]{4,80})》[（(]以下简称《(?P<alias>[^《》\n]{1,10})》[）)][^。\n《》]{0,40}"
                     r"审议通过[^\n]{0,60}?《(?P=alias)》[^。\n《》]{0,12}(?:实施|分解|落实)")


def _printed_years(text: str, start: int) -> Years:
    """The years of the plan a notice prints, named before or around `start` (the first provision)."""
    m = _PRINTS.search(text, max(0, start - _BEFORE_FIRST * 2), start + _BEFORE_FIRST)
    return title_years(m.group("title") or m.group("split")) if m else Years()


def working_year(text: str, start: int, year: int | None, title: str | None = None) -> Years:
    """The year the preamble of a part (its first _PREAMBLE characters from `start`) says its
    work is for: the year the part is dated or the next (a plan for 2026 issued in December 2025;
    undated, any), named once, not in a cited title; none if its title or preamble spans years or reports."""
    if title and _NOT_ONE_YEAR.search(_CITED.sub("", title)):
        return Years()  # (落实《政府工作报告》…的意见 cites a report, it is none)
    end = min(len(text), start + _PREAMBLE)
    start = max(0, start - _BEFORE_FIRST)  # a preamble left out of the provisions (为认真做好2019年…工作)
    named = {int(m.group(1) or m.group(2)) for m in _WORK_YEAR.finditer(text, start, end)
             if text.rfind("《", 0, m.start()) <= text.rfind("》", 0, m.start())
             and (year is not None or m.group(1))}  # undated: a year named as the work's, not …之年
    named &= {year, year + 1} if year is not None else named
    if len(named) != 1:
        return Years()
    work = named.pop()
    if any(int(m.group(1)) > work for m in _LATER_YEAR.finditer(text, start, end)):
        return Years()
    return Years(work)


def governing_years(text: str, provisions: Sequence[Provision], title: str | None,
                    year: int | None = None) -> list[Years]:
    """Per provision, the years that govern its targets stating none: a year its heading names
    (三、2026年工作安排, 二、“十五五”时期主要任务), else a 到2020年 in the own text of its nearest
    parent (二、主要目标。到2020年，… governs 二、/（一）), else the title's plan year, else the year
    the preamble says the work is for (working_year, with `year` the part's); `past` if it or a
    parent is headed as a review of the past.

    A numbering that starts again (一、 after 三、) is an attachment's (附件1\n2026年省十件民生实事\n
    一、…): its provisions' parents are its own, and the year its title line names governs them."""
    default = title_years(title)
    if default.year is None and provisions:
        default = _printed_years(text, provisions[0].start)
    if default.year is None and provisions:
        default = working_year(text, provisions[0].start, year, title)
    latest: dict[str, _Parent] = {}  # the last provision of each path
    out = []
    section_review = False  # after an unnumbered heading of a review (2023年工作回顾)
    reported = bool(provisions) and reports_results(text, provisions[0].start, title)
    for p in provisions:
        if "/" not in p.path and p.path in latest:
            latest = {}
            intro = _intro_years(text, p.start)
            default = intro if intro.year is not None else default
        line = _heading_line(text, p)
        found = _governs("", line, year) if line else Years()  # p.heading is its marker (二、) only
        if "/" not in p.path and (found.year is not None or (line and heads_ahead(line))):
            section_review = reported = False  # 二、2024年工作安排, 二、下一步工作计划: the look back ends
        review = bool(line) and _reviews(line)
        criteria = bool(line) and CRITERIA.search(line) is not None
        path = p.path
        limit = Years()  # a parent opening with a limit (创建目标2022年8月底前，…), when nothing else
        listed: bool | None = None
        while "/" in path:
            path = path.rsplit("/", 1)[0]
            parent = latest.get(path)
            if parent is not None:
                listed = parent.lists_goals(text) if listed is None else listed  # the nearest's
                found = found if found.year is not None else parent.governs(text)
                limit = limit if limit.year is not None else parent.limit(text)
                review = review or parent.review
                criteria = criteria or parent.criteria
        if found.year is None:
            review = review or section_review
        found = found if found.year is not None else default
        found = found if found.year is not None else limit
        latest[p.path] = _Parent(p, line, review, criteria, year)
        found = replace(found, listed=True) if listed else found
        out.append(replace(found, past=review, criteria=criteria, reported=reported)
                   if review or criteria or reported else found)
        section = _section_heading(text, p)
        if section is not None:  # governs the provisions after it, as a numbered heading would
            default, section_review = _governs("", section), _reviews(section)
        elif _REVIEW_INTRO.search(text[max(p.start, p.end - _HEADING_MAX * 3):p.end]):
            section_review = True  # 一年来，我们主要做了以下工作： the items after it report
    return out


#: A line introducing the items of a look back (一年来，我们主要做了以下工作：), ending its provision.
_REVIEW_INTRO = re.compile(r"(?:一年来|过去的?一年|[一两二三四五六七八九十]年来|"
                           r"过去的?[一两二三四五六七八九十]年)[^\n。]{0,30}(?:以下|如下)[^\n。]{0,10}[：:]\s*$")


#: An unnumbered heading line naming a year and the work of a section inside a provision's text
#: (a work report's 2023年工作回顾 … 2024年主要工作安排 before its numbered tasks): not a date
#: (2024年3月1日), nor a table's cell (2030年).
_SECTION_LINE = re.compile(r"^[^\S\n]*(?:19|20)\d{2}\s*年(?![\d一二三四五六七八九十]+月)"
                           r"[^\d，,。；;：:！？!?\n]{0,10}(?:工作|目标|任务|安排|回顾|计划|重点|要点)"
                           r"[^\d，,。；;：:！？!?\n]{0,8}$", re.M)


def _section_heading(text: str, p: Provision) -> str | None:
    """The last unnumbered heading line naming a year in `p` after its first line, if any."""
    first = text.find("\n", p.start, p.end)
    if first < 0:
        return None
    lines = [m.group() for m in _SECTION_LINE.finditer(text, first + 1, p.end)]
    return lines[-1].strip() if lines else None


class _Parent:
    """A provision as the parent of those below it: what it governs is read from its text only
    when a child asks (most provisions, a statute's articles, have none)."""

    def __init__(self, p: Provision, line: str, review: bool, criteria: bool = False,
                 year: int | None = None) -> None:
        self.p, self.line, self.review, self.criteria, self.year = p, line, review, criteria, year
        self._governs: Years | None = None

    def governs(self, text: str) -> Years:
        if self._governs is None:
            self._governs = _governs(text[self.p.start:self.p.end], self.line, self.year)
        return self._governs

    def lists_goals(self, text: str) -> bool:
        """Whether the provision's own text ends introducing a list of goals (…的具体任务是：)."""
        own = text[self.p.start:self.p.end].rstrip()
        last = re.split(r"[。；;！!？?\n]", own)[-1]
        return own.endswith(("：", ":")) and GOAL_INTRO.search(last) is not None

    def limit(self, text: str) -> Years:
        """The year of a time limit opening the provision's text, which its goals are to meet."""
        m = LIMIT_OPENING.match(text, self.p.start, self.p.end)
        return Years(int(m.group(1))) if m else Years()


def _intro_years(text: str, start: int) -> Years:
    """The years an attachment's title line names, among the short lines right before `start`."""
    for line in reversed(text[max(0, start - _HEADING_MAX * 3):start].strip().split("\n")[-3:]):
        line = line.strip()
        if len(line) <= _HEADING_MAX and not _CLAUSE_MARK.search(line):
            found = _governs("", line)
            if found.year is not None:
                return found
    return Years()


def _governs(text: str, heading: str, year: int | None = None) -> Years:
    """What a provision sets for its targets stating no year: a 到2020年 in its text, else the
    five-year plan its heading names (二、“十五五”时期主要任务), else the one year it names
    (三、2026年工作安排; not a date), else the document's `year` where the heading is over this
    year's goals (一、确保年度目标)."""
    found = lead_year(text)
    if found.year is None:
        found = plan_years(heading)
    if found.year is None:
        bases = [b.span() for b in BASE.finditer(heading)]  # not 较2010年 in 2、能耗较2010年降低3.8%
        years = {int(m.group(1)) for m in YEAR.finditer(heading)
                 if not _MONTH.match(heading, m.end()) and not any(a <= m.start() < b for a, b in bases)}
        found = Years(years.pop()) if len(years) == 1 else found
    if found.year is None and year is not None and _THIS_YEARS_GOALS.search(heading):
        found = Years(year)
    return found


#: A heading over this year's goals (一、确保年度目标, 今年主要目标任务; not 分年度目标, year by year).
_THIS_YEARS_GOALS = re.compile(r"(?:(?<![分各逐])年度|今年|全年|本年度?)(?:主要)?(?:目标|任务|指标)")
#: 2021年3月: a date, not a year a heading is about.
_MONTH = re.compile(r"\s*[\d一二三四五六七八九十]+\s*月")


#: A heading over a review of the past or of the setting (一、发展基础, （一）“十三五”时期取得的成就,
#: 2018年工作回顾, 面临的形势): what it counts has been, it is not to be.
REVIEW = re.compile(r"(?:回顾|(?<!新)(?:成就|成效|成绩)|基本情况|现状|发展基础)$|"  # not 取得…新成绩: an aim
                    r"(?:^|[、）)\s])(?:发展环境|面临的形势|形势[和与]\S{2,4})$|"
                    r"(?:工作)?(?:进展|完成|开展|总体)情况(?:概述|综述)?$|\d{4}年工作情况$")
#: Results a heading sets out to bring about (（五）加快释放改革开放成效, 巩固提升…成效): an aim, unlike
#: results it reports (取得显著成效, 改革开放成效).
_AIMED_RESULT = re.compile(r"(?:加快|释放|提升|巩固|扩大|增强|彰显|放大|提高)[^，,。取]{0,12}"
                           r"(?:成就|成效|成绩)$")


def _reviews(line: str) -> bool:
    """Whether a heading line heads a review of the past or of the setting."""
    return (REVIEW.search(line) is not None and _AIMED_RESULT.search(line) is None
            and _REPORTING.search(line) is None)  # （四）按时报送工作进展情况: a duty to report


_REPORTING = re.compile(r"报送|上报|报告|反馈|报备|通报|调度|督查|督办|跟踪|加强|定期|及时|按时")  # a duty


#: A heading naming who qualifies or what is funded (1.申请对象, 二、申报条件, （三）认定标准,
#: 支持范围): its numbers are the bars to meet, not goals the document sets.
CRITERIA = re.compile(r"(?:申请|申报|认定|评定|评选|准入|资格|基本|适用|支持|补贴|补助|扶持|奖励|享受)"
                      r"[^\s，,。；;：:]{0,4}?(?:条件|对象|范围|资格|标准)[。：:]?$")  # 二、申请项目条件
#: How long a provision's first line may be to be read as a heading.
_HEADING_MAX = 30


def _heading_line(text: str, p: Provision) -> str:
    """The provision's first line if it is short enough to be a heading and one phrase, else ""
    (an unnumbered one's first sentence, 2016年是“十三五”规划实施的开局之年。…, is no heading)."""
    first = text[p.start:min(p.end, p.start + _HEADING_MAX + 10)].split("\n", 1)[0]
    if not p.heading and "。" in first.rstrip("。 "):
        return ""  # a run-in heading (2022年工作回顾。…) looks back over its paragraph only (Reader)
    line = first.split("。", 1)[0].strip()
    if not p.heading and _MEASURE.search(line):
        return ""  # 2023年我局完成农村公路硬化159公里。: a sentence stating a measure, no heading
    return line if len(line) <= _HEADING_MAX and not _CLAUSE_MARK.search(line) else ""


#: A number other than a year's (159公里); a heading is one phrase (a clause break makes an item).
_MEASURE = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?!\s*年|\d|\.\d)")
_CLAUSE_MARK = re.compile(r"[，,；;：:]")

