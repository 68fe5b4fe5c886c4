"""Sections that look back: a work report's 工作回顾, a plan's 发展基础 or 现状, a summary's 主要成绩.

The numbers such a section states are what was achieved (去年全市生产总值增长5.6%, 新增就业
48万人), not goals the document sets: a policy scholar codes none of them as targets. A section
looks back when its heading's title says so and says nothing of what is to come (一、2025年工作
回顾 does; 一、2025年工作回顾和2026年工作安排 does not), and everything under it looks back with
it (its （一）, （二） and 1. items), until a heading of its own level or above opens another section.
A heading may also be a line of its own without a number (“十四五”时期发展成就和2025年工作回顾): what
follows it looks back until the next such line.

>>> from policygraph.extract.provisions import split_provisions
>>> text = "一、2025年工作回顾。过去一年，新增就业48万人。二、2026年主要任务。新增就业50万人以上。"
>>> looking_back(text, split_provisions(text, 0, len(text)))
[(0, 26)]
>>> text = "报告\\n2025年工作回顾\\n新增就业48万人。\\n2026年工作安排\\n新增就业50万人以上。"
>>> looking_back(text, split_provisions(text, 0, len(text)))
[(3, 23)]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from policygraph.extract.provisions import Provision

#: Words of a heading's title that name the past or the ground a plan starts from.
BACK = re.compile(r"回顾|发展基础|发展现状|"
                  r"(?:现状|基本情况|(?<!项目|工程|建设|实施|任务)概况|工作总结|主要成绩|主要成效)\s*$"
                  r"|取得的(?:成绩|成就|成效)|(?<![完建])成就(?!业)|过去(?:一|五|的)年|上年度?工作"
                  r"|计划(?:执行|完成|落实)情况(?![\u4e00-\u9fff])"  # 一、2009年…计划执行情况, not …情况监督
                  r"|(?<![报送通告查估踪测度])(?:工作|任务|目标|指标)(?:完成|开展|进展)情况\s*$"
                  r"|工作成效\s*$|上半年[^，,。]{0,6}情况\s*$"  # not 报送工作进展情况, a duty
                  r"|(?:十[一二三四五]五|上一?轮|\d{4}\s*年)[^，,。；;]{0,10}(?:规划|纲要)(?:实施|执行|完成)情况\s*$")
#: Words of a title that name what is to come: a title with any of them does not look back.
AHEAD = re.compile(r"安排|目标(?!(?:任务)?完成情况)|任务(?!完成情况)|计划(?!(?:执行|完成|落实)情况)|思路|"
                   r"要求|举措|措施|部署|展望|重点|建议|考虑|打算")
#: A heading's title: what follows the heading up to the end of its sentence or line.
_TITLE = re.compile(r"[^。；;\n]{0,40}")
#: A line that is a heading without a number: short, and no sentence ends in it.
_LINE_HEADING = re.compile(r"^[ \t\u3000]*([^\n。；;！!？?，,：:]{4,40}?)[ \t\u3000]*$", re.M)


def looking_back(text: str, provisions: Sequence[Provision],
                 title: str | None = None) -> list[tuple[int, int]]:
    """The spans of text[...] in `provisions` (one part, in order) that look back (see the
    module), in order; adjacent spans are not merged. A part whose `title` sets work (…实施方案)
    may set out its work under 总体情况; elsewhere (a report, a page with no title) that heading
    looks back too."""
    if not provisions:
        return []
    looks = _looks_back if _SETS_WORK.search(title or "") else _looks_back_in_report
    start = provisions[0].start
    spans = [(max(a, start), b) for a, b in
             _line_regions(text, _headings_before(text, start, title), provisions[-1].end, looks)
             if b > start]
    back: dict[str, bool] = {"": False}  # by heading path: the sections open at this point
    for p in provisions:
        if not p.heading or _ARTICLE.match(p.heading):
            continue  # an article (第十四条) heads a rule, never a review (…单位基本情况…)
        parent = p.path.rpartition("/")[0]
        heading = _TITLE.match(text, p.start + len(p.heading), p.end)
        back[p.path] = back.get(parent, False) or looks(heading.group(0) if heading else "")
        if back[p.path]:
            spans.append((p.start, p.end))
    return sorted(spans)


_ARTICLE = re.compile(r"第[一二三四五六七八九十百零〇\d]+条")


def _headings_before(text: str, start: int, title: str | None) -> int:
    """Where the heading lines standing before a part's first provision start (第一章 发展基础\n第一节
    “十一五”发展成就\n一、经济实力显著增强, above the first sentence): up to four short lines, not its
    title's."""
    for _ in range(4):
        before = text.rfind("\n", 0, max(0, start - 1)) + 1
        line = text[before:start].strip()
        if before == start or len(line) > 42 or "。" in line or (title and line and line in title):
            break
        start = before
    return start


def within(at: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether offset `at` lies in one of `spans`."""
    return any(a <= at < b for a, b in spans)


def _line_regions(text: str, start: int, end: int,
                  looks: Callable[[str], bool]) -> list[tuple[int, int]]:
    """The spans under heading lines that look back, each to the next heading line of its level
    or above, or naming what is next (一、2013年工作回顾 over its （一）… and 1.…, to 二、…; 2013年工作
    回顾 to the next 一、 or line, or to 二、2014年主要任务)."""
    lines = [(m.start(), looks(m.group(1)) or _ACHIEVED_LINE.match(m.group(1)) is not None,
              _level(m.group(1)), heads_ahead(m.group(1)))
             for m in _LINE_HEADING.finditer(text, start, end)]
    lines += [(m.start(), True, -1, False) for m in _RUN_ON_REVIEW.finditer(text, start, end)]
    lines.sort()
    out = []
    for i, (a, back, level, _ahead) in enumerate(lines):
        if back:
            # in a plan's 第…章/节 an item's words of aim (二、主要目标任务圆满完成) end nothing; a 第…节's do
            b = next((c for c, _, lv, ahead in lines[i + 1:]
                      if lv <= level or (ahead and (level > -2 or lv <= -2))), end)
            out.append((a, b))
    return out


#: A heading line telling what a past year achieved (2024年全市上下…交出了一份…优异成绩单), not a line
#: a page wrapped (在巩固拓展…成果取得了) nor one building on it (…取得了…的基础上).
_ACHIEVED_LINE = re.compile(r"(?:19|20)\d{2}\s*年(?!.*基础上)[^\n]*?(?:交出|取得|实现|完成|迈出)了[^\n]+$")
#: A review's heading run on into its first sentence where a page lost the line break (2007年经济
#: 社会发展情况及本届政府工作回顾过去的一年，…).
_RUN_ON_REVIEW = re.compile(r"^[ \t\u3000]*[^\n。；;，,：:]{4,30}?回顾"
                            r"(?=过去|[一两二三四五]年来|(?:19|20)\d{2}年)", re.M)
#: A heading line's numbering: 一、 opens a section, （一） a subsection of it, 1. a point of that,
#: above them a plan's 第一章 and its 第一节; a line with none is a section of its own (2025年工作回顾,
#: to the next 一、 or line), a run-on review heading a part above 一、.
_LEVELS = ((re.compile(r"第[一二三四五六七八九十百\d]+[章篇编]"), -3),
           (re.compile(r"第[一二三四五六七八九十百\d]+节"), -2),
           (re.compile(r"[一二三四五六七八九十]+、"), 0),
           (re.compile(r"[（(][一二三四五六七八九十]+[）)]"), 1),
           (re.compile(r"\d+[.．、]"), 2))


def _level(title: str) -> int:
    return next((lv for pattern, lv in _LEVELS if pattern.match(title.strip())), 0)


def _looks_back(title: str) -> bool:
    return BACK.search(title) is not None and AHEAD.search(title) is None


#: A report's overview (一、总体情况): what it states was the case; a plan's (一、总体情况\n…计划新建…)
#: may set out the work.
_OVERVIEW = re.compile(r"总体情况\s*$")


def _looks_back_in_report(title: str) -> bool:
    return _looks_back(title) or (_OVERVIEW.search(title) is not None and AHEAD.search(title) is None)


#: A title of a document reporting results (…工作进展情况的通报, …政府信息公开工作年度报告,
#: …国民经济和社会发展统计公报) or approving a project's scope (…项目可行性研究报告的批复,
#: 关于调整…规划面积的批复).
_REPORTS_TITLE = re.compile(r"^(?!.*(?:下达|任务|计划|目标)).*通报$|"  # not 关于下达…目标任务的通报
                            r"(?:项目|可行性研究报告|初步设计|规划面积|撤乡设镇|整合)[^，。规]{0,8}的批复$|"
                            r"(?:工作|信息公开)年度报告$|统计公报$|工作总结$|(?:实施|执行|完成)情况的?报告$")
#: The opening of a circular or a yearly report where its title line is missing (现将…有关情况
#: 通报如下; 根据…条例…编制本报告; 现公布…政府信息公开工作年度报告).
_REPORTS_OPENING = re.compile(r"情况(?:通报|报告)如下|(?:编制|制作|形成)本(?:年度)?报告|"
                              r"本(?:年度)?报告(?:是)?(?:根据|依据|按照|主要包括|中所列)|"
                              r"(?:现|予以)公布[^。\n]{0,40}年度报告")
#: A title of what sets work or rules (…的通知, 实施方案, 工作要点): its opening may speak of reports
#: to be written (…编制发布工作的通知), it reports nothing itself.
_SETS_WORK = re.compile(r"(?:通知|意见|方案|计划|规划|要点|办法|细则|规定|决定)$")


#: A yearly report's title at the head of a page whose lines ran together (…政府信息公开工作年度报告
#: 一、总体情况 …), read only where no title was found.
_REPORT_NAMED = re.compile(r"(?<!《)政府信息公开工作年度报告(?![^《》\n]{0,30}》)")


def reports_results(text: str, start: int, title: str | None) -> bool:
    """Whether a part reports results or approves a project's scope, by its title or, without
    one, by its opening (from `start`): its numbers are results or scope until a heading of what
    is to come, its limits still commands."""
    return (_REPORTS_TITLE.search(title or "") is not None  # (not a plan's 批复: 关于…规划的批复)
            or (not _SETS_WORK.search(title or "")
                and _REPORTS_OPENING.search(text, max(0, start - 300), start + 600) is not None)
            or (title is None and _REPORT_NAMED.search(text, max(0, start - 200), start + 200) is not None))


#: A title reviewing one year and planning the next (…2022年工作总结和2023年工作思路).
_REVIEW_AND_PLAN = re.compile(r"(?:19|20)\d{2}\s*年[^和及暨与]{0,12}(?:总结|情况|回顾|完成)[^和及暨与]{0,4}"
                              r"[和及暨与]\s*((?:19|20)\d{2})\s*年[^，。]{0,12}(?:计划|思路|打算|安排|要点|重点)")


def year_ahead_of_review(title: str | None) -> int | None:
    """The year a title plans for after reviewing the one before (2017年工作总结及2018年工作打算:
    2018), the year the document speaks from: the reviewed year's figures are results."""
    m = _REVIEW_AND_PLAN.search(title or "")
    return int(m.group(1)) if m else None


#: Words of a heading naming what is to come (下一步工作计划, 重点任务): it ends a look back.
_AHEAD_HEADING = re.compile(r"安排|计划|打算|(?:重点|主要|工作|目标)任务|任务分工|目标|思路|举措|措施|部署|"
                            r"展望|重点|下一?步|要求")  # not （一）统计调查任务, a topic
#: A heading of how things went ((一)重点领域信息公开情况, 任务完成情况): still a report, unless it
#: names what comes next (存在问题及下一步打算).
_HOW_IT_WENT = re.compile(r"情况\s*[。.：:]?\s*$")
_NEXT = re.compile(r"下一?步|打算|安排|思路|今后|(?<!执行)计划(?!执行|完成|落实)")


def heads_ahead(line: str) -> bool:
    """Whether a heading's line names what is to come, ending a report or a look back."""
    return _AHEAD_HEADING.search(line) is not None and (
        _HOW_IT_WENT.search(line) is None or _NEXT.search(line) is not None)


#: A stock told as at the end of a year (2018年末，我县农村公路共390条; 截至2020年底，全市已建成…):
#: the text was written after that year's end, not by it (到2020年底，…建成: a goal).
_STOCK_AT = re.compile(r"(?:(?:截至|截止)\s*|(?<![到至\d]))((?:19|20)\d{2})\s*年\s*(?:末|底)[，,]"
                       r"[^，,。；;]{0,16}?(?:共有|共|已有|已|累计|现有|有)")
_AIMED = re.compile(r"力争|确保|争取|计划|预计|目标|将")


def stock_year(text: str, provisions: Sequence[Provision], title: str | None = None) -> int | None:
    """The latest year a part tells a stock as at the end of, in a sentence with no aim: an
    undated part was written after it, so the years before it are past. None for a part whose
    title sets work: a plan's goals may read as stocks (2025年末，全县共建成5G基站2000个)."""
    if _SETS_WORK.search(title or ""):
        return None
    years = []
    for p in provisions:
        for m in _STOCK_AT.finditer(text, p.start, p.end):
            end = text.find("。", m.end(), m.end() + 200)
            if not _AIMED.search(text, m.end(), end if end > 0 else m.end() + 200):
                years.append(int(m.group(1)))
    return max(years, default=None)


#: A paragraph opening with what comes next (下一步，我局将…; 今后，…), unnumbered.
_NEXT_PARAGRAPH = re.compile(r"(?:^|\n)[ \t\u3000]*"
                             r"((?:下一?步|今后|下一阶段|下阶段)(?:工作中|工作)?[，,：:]?)")


def next_paragraph(text: str, start: int, end: int) -> int | None:
    """Where the first paragraph of text[start:end] telling what comes next starts: in a report
    of results (reports_results) what follows it is set, not reported."""
    m = _NEXT_PARAGRAPH.search(text, start, end)
    return m.start(1) if m else None
