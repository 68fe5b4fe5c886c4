"""The sentences targets are read in (cut by sentence_breaks.py): each sentence with its clauses,
and what governs it from the sentences before (Reader: 到2020年 over its paragraph and the list it
introduces)."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from policygraph.extract.measures import target_rules as rules
from policygraph.extract.measures.sentence_breaks import MARKER
from policygraph.extract.measures.target_years import (
    BEYOND,
    GOAL_INTRO,
    LEAD,
    LIMIT_LEAD,
    LIMITS_GOALS,
    THIS_YEAR,
    WITHIN_YEARS,
    YearMarks,
    Years,
    lead_year,
    past,
    plan_years,
    year_marks,
    years_before,
)
from policygraph.extract.regexes import LIST_BREAK

#: Nouns an object may list before 、 (中小学、幼儿园): words only, no number, no bracket or marker.
_NOUNS = re.compile(r"\s*(?:(?![零一二三四五六七八九十百千万亿两])[\u4e00-\u9fff]){1,10}")
_NOUNS_MAX = 12
_BRACKET = re.compile(r"[（()）]")
class Sentence:
    """A sentence, with what its numbers are read against found once, when first needed (most
    sentences hold no number): where each clause starts (searching the text before each target
    instead made a long sentence quadratic), its goal and time words, and where its first duty,
    report of the past or forecast ends."""

    def __init__(self, text: str, goal_item: bool = False, led: bool = False, goals: bool = False) -> None:
        self.text = text
        self.goal_item = goal_item  # an item of a list of goals (主要目标：\n——…)
        self.led = led  # a clause before it in its paragraph leads with a year (到2022年，…。累计…)
        self.goals = goals  # under a heading of goals (二、目标任务): 比上年 is a goal's base
        self._first: dict[re.Pattern[str], re.Match[str] | None] = {}
        self._all: dict[re.Pattern[str], list[re.Match[str]]] = {}

    def first(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        """The first match of `pattern` in the sentence, found once."""
        if pattern not in self._first:
            self._first[pattern] = pattern.search(self.text)
        return self._first[pattern]

    def last_before(self, pattern: re.Pattern[str], at: int) -> re.Match[str] | None:
        """The last match of `pattern` in the sentence ending by `at`, from its matches found once
        (a sentence of thousands of numbers is not read from its start for each)."""
        if pattern not in self._all:
            self._all[pattern] = list(pattern.finditer(self.text))
        return next((m for m in reversed(self._all[pattern]) if m.end() <= at), None)

    def led_before(self, at: int) -> bool:
        """Whether a goal's year is written as one before `at` (到2020年…达到): a LEAD, not a
        cut-off a report is made at (至2015年底，…养老金达2261元) nor a change's end point
        (由2013年的1.44亿元提高到2016年的3.6亿元，增长1.5倍)."""
        return self.names_before(LEAD, at) and not self.names_before(_CUT_OFF, at)

    def names_before(self, pattern: re.Pattern[str], at: int) -> bool:
        """Whether `pattern` matches in the sentence before `at`, as pattern.search(text[:at])
        would tell, without reading the sentence from its start for each of its targets."""
        if pattern not in self._first:
            self._first[pattern] = pattern.search(self.text)
        first = self._first[pattern]
        if first is None:
            return False
        return first.end() <= at or pattern.search(self.text, 0, at) is not None

    @functools.cached_property
    def breaks(self) -> list[int]:
        return [b.end() for b in LIST_BREAK.finditer(self.text)]

    def object_start(self, at: int) -> int:
        """Where the object a number counts is named from: its clause's start, or before it over
        nouns joined by 、 with no number among them (新建成公办中小学、幼儿园7所 counts schools and
        kindergartens: 、 parts a list of values, 绿道100公里、绿地500公顷, not one object's nouns)."""
        start = self.clause_start(at)
        own = self.text[start:at]
        if not own.strip() and start > 0 and self.text[start - 1] in "：:":
            start = self.clause_start(start - 1)  # 城镇新增就业：5万人: what is measured, before a colon
            own = self.text[start:at]
        while (start > 0 and self.text[start - 1] in "（(" and _NOTE_CLOSED.match(own)
               and not _PLACE_NOTE.match(own)):  # 每个乡（镇）…: a place's alternative, not its words
            start = self.clause_start(start - 1)  # 每千人口执业（助理）医师数: a note inside the words
            if item := _ITEM_TAIL.match(self.text, start):
                start = item.end()  # （三）各有关省（市）…: the item's number is no word
            own = self.text[start:at]
        if rules.leading_action(own.strip()) or _BRACKET.search(own):
            return start  # 完善现有设施、新建公园5个: an action opens the clause; （自治区、直辖市）: a note
        while start > 0 and self.text[start - 1] == "、":
            before = self.clause_start(start - 1)
            if start - before > _NOUNS_MAX or not _NOUNS.fullmatch(self.text, before, start - 1):
                break
            start = before
        return start

    @functools.cached_property
    def context(self) -> re.Match[str] | None:
        return rules.CONTEXT.search(self.text)

    @functools.cached_property
    def year_marks(self) -> YearMarks:
        return year_marks(self.text)

    @functools.cached_property
    def this_year(self) -> re.Match[str] | None:
        return THIS_YEAR.search(self.text)

    @functools.cached_property
    def goal(self) -> bool:
        return rules.GOAL.search(self.text) is not None

    @functools.cached_property
    def said(self) -> int:
        part = _PART_REPORTED.search(self.text)
        reported = (part.end() if part and _STATED_VALUE.search(self.text, part.end())
                    and not _AIM_WORD.search(self.text) else len(self.text) + 1)
        return min([reported, *(m.end() for m in rules.SAID.finditer(self.text) if not self._aimed_base(m))])

    def _aimed_base(self, m: re.Match[str]) -> bool:
        """确保…较上年度再降0.5个百分点: last year as the base of a goal, not a report of it; and
        新增1000处…、累计达8000处: the total a goal adds up to."""
        if m.group() in ("应当", "必须") and (_DUTY_TO_GOALS.match(self.text, m.end()) or (
                m.group() == "必须" and _CLASS_BY_DUTY.match(self.text, m.end()))):
            return True  # 应当实现下列目标; a class a goal counts (依法必须进行招标的项目)
        reach = max(0, m.start() - _BASE_REACH)
        bases = _BASE_CLAUSE.finditer(self.text, reach, m.end() + 40)
        if any(b.start() <= m.start() < b.end() for b in bases):
            return True  # 以2012年…事故死亡人数为基础，2013年…控制在66人以内: the base, no report
        if m.group() == "累计":
            return ((self.led and not self.text.startswith("完成", m.end()))  # 累计完成投资: progress
                    or _ADDS.search(self.text, 0, m.start()) is not None
                    or _PLAN_SPAN.search(self.text, 0, m.start()) is not None  # “十二五”期间，累计新增…
                    or (_PLANNED_TOTAL.match(self.text, m.end()) is not None
                        and not PERIOD_REPORT.search(self.text, 0, m.start())))
        clause = max((b for b in self.breaks if b <= m.start()), default=0)  # in its own clause
        # …目标为125.9亿元以上，同比增长18%以上: a sentence stating a goal aims its clauses too
        return m.group() in _LAST_YEAR and (self.goals or self.goal_item  # an item of a goals' list
                                            or _AIMED.search(self.text, clause, m.start()) is not None
                                            or (_GOAL_STATED.search(self.text, 0, m.start()) is not None
                                                and not _GOAL_MET.search(self.text, 0, m.start())
                                                and not _PART_REPORTED.search(self.text, 0, m.start()))
                                            or (_BOUNDED_CHANGE.match(self.text, m.end()) is not None
                                                and not PERIOD_REPORT.search(self.text, 0, m.start())))

    def said_before(self, at: int) -> bool:
        """Whether the sentence holds a duty, a report of the past or a forecast before `at`, and
        no aim opens a clause after it (…累计完成土石方8664万立方米，力争新增灌溉面积46万亩: aimed)."""
        if self.said > at:
            return False
        aim = max(_REOPENS.finditer(self.text, self.said, at), key=lambda m: m.start(), default=None)
        if aim is None or _PART_BREAK.search(self.text, aim.end(), at):
            return True  # (一要…确保…；三要…: an aim does not reach over a part's break)
        said = max(rules.SAID.finditer(self.text, 0, aim.start()), key=lambda m: m.start(), default=None)
        if said is not None and rules.DUTY.fullmatch(said.group()):
            return True  # 应当…确保… stays a duty (the last word said before the aim is a duty's)
        return not any(self.said <= b and aim.start() - 2 <= b <= aim.start() for b in self.breaks)

    def clause_start(self, at: int) -> int:
        """Where the clause of `at` starts: after the break before it; in a table's row, at the
        start of its cell, or of the cell before when its own has no words before it (城镇调查
        失业率<tab>≤5.5%: the cell before names what it measures)."""
        i = bisect.bisect_right(self.breaks, at)
        start = self.breaks[i - 1] if i else 0
        last = _last_edge(self.text, start, at)  # (rfind: a long clause is not scanned per number)
        if last < 0:
            return start
        if self.text[last + 1:at].strip():
            return last + 1
        before = _last_edge(self.text, start, last)
        return before + 1 if before >= 0 else start

    def clause_end(self, at: int) -> int:
        """Where the clause at `at` ends: at the next break, or the end of a table's cell."""
        i = bisect.bisect_right(self.breaks, at)
        end = self.breaks[i] - 1 if i < len(self.breaks) else len(self.text)
        cell = _CELL_EDGE.search(self.text, at, end)
        return end if cell is None else cell.start()

    def rest_of_clause(self, end: int) -> str:
        """The words of the clause after `end`, over a bracket's note and the 、 inside it (100%的
        市(地)级…机构具备…能力), where clause_end stops at the bracket."""
        depth = 0
        for i in range(end, len(self.text)):
            ch = self.text[i]
            depth += (ch in "（(") - (ch in "）)")
            if ch in "，,；;。" or (ch == "、" and depth <= 0):
                return self.text[end:i]
        return self.text[end:]

    @staticmethod
    def before(m: re.Match[str] | None, at: int) -> bool:
        return m is not None and m.end() <= at


#: A change over last year (较上年度, 比去年): a goal of the document's own year.
_OVER_LAST_YEAR = re.compile(r"(?:较|比)(?:上年|去年)")
#: Last year named as a base (较上年), and the words of aim that make it a goal's base.
_LAST_YEAR = frozenset({"比上年", "较上年", "上年", "同比"})
#: A goal reported met (全面完成了年初确定的目标，即…): its figures are results.
_GOAL_MET = re.compile(r"(?:完成|实现|达到)了[^，,。；;]{0,16}目标")
#: A duty to reach goals (应当实现下列目标, 必须完成…任务): what follows is the goals, not a norm.
_DUTY_TO_GOALS = re.compile(r"\s*(?:实现|达到|完成)[^，,。；;]{0,8}(?:目标|任务|指标)")
_CLASS_BY_DUTY = re.compile(r"[^，,；;。]{1,10}的[^，,；;。]{0,6}(?:项目|工程)[^。；;]{0,24}?(?:率|时限)")
#: A clause naming what a goal is measured from (以2012年…死亡人数为基础).
_BASE_CLAUSE = re.compile(r"以[^，,。；;]{0,40}?为(?:基础|基数|基期)")
_BASE_REACH = 48
#: 减排目标任务分别为:…同比削减; 主要目标：事故起数同比下降10%
_GOAL_STATED = re.compile(r"目标(?:任务)?(?:分别)?(?:为|是|\s*[：:]|\s*[，,]\s*即)|"  # 预期目标，即…增长12%
                          r"力争|确保|争取|计划(?!生育)")
_AIMED = re.compile(r"确保|力争|争取")
#: A year's end a report is made at (至2015年底，…), not a goal's year (到2020年).
_CUT_OFF = re.compile(r"(?:^|[^到])至\s*(?:19|20)\d{2}\s*年(?:底|末)|"
                      r"(?:提高|增加|增长|下降|减少|降低|上升|扩大)[到至]\s*(?:19|20)\d{2}\s*年(?:底|末)?的")
#: Aims that open a clause of goals after a report (…累计完成…，力争新增…; not 确保了, what was ensured),
#: and a year's plan (截至2021年底累计完成投资…，2022年计划投资…).
_REOPENS = re.compile(r"确保(?!了)|力争|(?:19|20)\d{2}\s*年度?计划|年度计划|"
                      r"(?<![截直])[到至]\s*(?:19|20)\d{2}\s*年")  # …共有50家，到2025年达到80家
_PART_BREAK = re.compile(r"[；;]")
#: A part of the year reported on, or a report's source (上半年, 前三季度, 1-9月, 据初步测算, 监测):
#: what follows it has been, however bounded.
_PART_OF_YEAR = r"[上下]半年|前[一二三]季度|[一二三四]季度|\d{1,2}\s*[-—–~至]\s*\d{1,2}\s*月"
PERIOD_REPORT = re.compile(rf"{_PART_OF_YEAR}|据|监测|测算|截至|目前|显示")
#: A part of a year a sentence states a value for with no word of aim (2010年上半年，…良好率平均为
#: 49.72%): a report; 确保上半年完成… sets a milestone.
_PART_REPORTED = re.compile(_PART_OF_YEAR)
_STATED_VALUE = re.compile(r"(?:平均|分别)?为\s*\d|去年同期")
_HALF_YEAR = re.compile(r"(?<![\d〇零一二三四五六七八九十年])[上下]半年")
_AIM_WORD = re.compile(r"力争|确保|争取|计划|(?<![重主需只必])要(?!求)|将")
#: A change over last year bounded as a goal is (同比增长 6.5%以上, 同比下降3%左右): a report states
#: what the change was, not a floor.
_BOUNDED_CHANGE = re.compile(r"\s*(?:增长|增加|提高|下降|减少|降低)\s*\d+(?:\.\d+)?\s*%\s*(?:以上|左右)")
#: A total a plan is to reach, bounded as a goal is (累计实现新增就业35万人以上): a report states
#: what was done (累计完成投资512.3亿元) and no bound.
_PLANNED_TOTAL = re.compile(r"(?:实现|完成|新增|建成|培训|达到)[^，,。；;\d]{0,16}"
                            r"\d+(?:\.\d+)?\s*[万亿]?\S{0,3}?以上")
#: A plan's span before 累计 (“十二五”期间, 今后五年): the total it is to add up to (a review of a
#: past plan's span is told by its years, target_years.past).
_PLAN_SPAN = re.compile(r"[“\"]?十[一二三四五]?五[”\"]?(?:期间|时期)|(?:今后|未来)[三五十]年")
#: A goal adding to a total, before 累计 in its sentence (and no report of what is done by now).
_ADDS = re.compile(r"新增|新建|共建|创建|建成|培育|打造|力争|确保|争取|到\s*\d{4}\s*年")


_ITEM_NUMBER_TAIL = r"\s*[一二三四五六七八九十\d]{1,3}\s*[）)]"
#: A bracket's note closed inside a clause that starts within it (助理）医师数).
_NOTE_CLOSED = re.compile(rf"(?!{_ITEM_NUMBER_TAIL})[^（()）]{{1,8}}[）)]")
_ITEM_TAIL = re.compile(_ITEM_NUMBER_TAIL)
_PLACE_NOTE = re.compile(r"[省市县区镇乡村州旗盟街道、，,\s]+[）)]")
#: Where a table's cell ends: a tab (an HTML row) or a pipe (a Markdown row).
_CELL_EDGE = re.compile(r"[\t|｜]")
def _last_edge(text: str, start: int, end: int) -> int:
    """Where the last table cell's edge in text[start:end] is, or -1."""
    return max(text.rfind(edge, start, end) for edge in "\t|｜")


#: A paragraph set out as an item with a dash (——规模扩大。…).
_DASH_ITEM = re.compile(r"\s*(?:——|—)")
_STOCK_OR_RULE = re.compile(r"现有|共有|已有|总里程|总面积|其中|配备|每个|每[户人村]|基本情况|截至")
#: A paragraph set out under a label (产品质量：…), as an item of the goals a lead year opened; not one
#: introducing goals of its own (主要目标是：), nor a section's facts or rules (基本情况：, 申报条件：).
_LABEL_ITEM = re.compile(r"\s*(?![^：:]{0,8}(?:目标|任务|要求|指标|是[：:]|情况|基础|现状|条件|配备|标准|"
                         r"来源|对象|范围|方式|程序|依据|时间|地点|责任|措施|说明|备注))[\u4e00-\u9fff]{2,8}[：:]")
#: Words of a time ahead opening a sentence of aim (下一步，…; 今后三年，…; 明年，…).
_AHEAD = re.compile(r"下一步|今后|明年|下一阶段|未来")
#: A run-in heading of a look back, a sentence of its own (2022年工作回顾。基本情况。).
_RUN_IN_REVIEW = re.compile(r"[^，,。；;\d]{0,4}(?:(?:19|20)\d{2}年)?[^，,。；;\d]{0,6}"
                            r"(?:回顾|基本情况|发展现状|现状|工作总结|(?:完成|开展|进展)情况)[。.]?")
#: A clause that is a year alone (2020年末，全市…): the year of the paragraph it opens.
_BARE_YEAR = re.compile(r"\s*((?:19|20)\d{2})\s*年(?:末|底)?\s*$")
#: An item of a list: ——, ①, （1）, 1.
_ITEM = re.compile(r"\s*(?:——|—|－|[①-⑳]|[（(]\d+[）)]|\d+[.．、])")


#: A heading line naming a year (二、2021年工作目标; not a date, 2021年3月1日): it governs the
#: provision's sentences below it until the next.
_YEAR_HEADING = re.compile(rf"\s*(?:{MARKER.pattern})?\s*"
                           r"(?:到|至)?((?:19|20)\d{2})\s*年(?![\d一二三四五六七八九十]+月)"
                           r"[^，,。；;：:\d]{0,16}$")
_HEADING_MAX = 40
#: What a heading line holds none of: a clause break or a sentence's end.
_PHRASE_END = re.compile(r"[，,；;：:。！？!?]")


#: A statistic's sentence: a whole year's or a period's figure and its change over the same period
#: before (全年粮食总产量46695吨，同比增长0.98%; 1-6月…万元，比上年同期下降2%).
_STATISTIC = re.compile(r"\s*(?:全年|上半年|前三季度|一季度|[1一]\s*[-—至~]\s*\d{1,2}\s*月)"
                        r"[^，,。；;]{0,24}?\d[^，,。；;]{0,8}[，,]\s*(?:同比|比上年同期|较上年同期)(?:增长|下降|增加|减少)")
#: A sentence opening a look back over the years behind (这五年，…; 一年来，…; 过去五年，…): what the rest
#: of its paragraph counts was achieved; also on the line after a heading that ends no sentence.
LOOKING_BACK = re.compile(r"(?:^|\n)[ \t\u3000]*(?:(?:这|过去的?|近)[一两二三四五六七八九十]年|"
                          r"[一两二三四五六七八九十]年来)[，,]")


_COMMA = re.compile(r"[，,]")
#: A clause naming the document a sentence draws on (根据《…实施方案》), before its lead.
_SOURCE_CLAUSE = re.compile(r"\s*(?:根据|按照|依据|对照)[^，,]*[》\"”]\s*$")
#: A numbered heading opening a paragraph (二、重点任务): another section; one naming goals (二、主要目标)
#: or opening its paragraph with them (（二）总体目标：“十二五”期间，…): its paragraphs set them out.
_NUMBERED_HEADING = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])")
GOALS_HEADING = re.compile(r"[ \t\u3000]*[（(]?[一二三四五六七八九十\d]{1,3}[、.．）)]\s*"
                           r"[^\n，,。；;：:]{0,10}目标(?:任务)?(?:[。：:]?[ \t\u3000]*(?:\n|$)|[：:])")
def _last_lead(text: str) -> Years:
    """The year the last clause of a sentence is for, as 其中 after it goes on with it: the last 到…年
    (今年…，到2025年…达到300家。其中…: 2025), none where this year's words follow it."""
    last = max(LEAD.finditer(text), key=lambda m: m.start(), default=None)
    if last is None or THIS_YEAR.search(text, last.end()):
        return Years()
    return lead_year(text[last.start():])


#: A sentence going on with the parts of the one before (其中：…).
_AMONG = re.compile(r"\s*其中")


class Reader:
    """What governs the sentences of a provision as they are read: the year of a clause opening
    with 到2020年, over the rest of its paragraph, over the items of a list its paragraph
    introduces with a colon (到2025年，…。具体目标是：\n——…\n——…) and over the paragraphs set out
    with dashes after it; and whether that list is one of goals, whose items' numbers are
    targets without a verb of aim."""

    def __init__(self, goals: bool = False, governed: bool = False, listed: bool = False) -> None:
        self.lead = Years()
        self.heading = Years()  # a heading line's year (2021年工作目标), until the next one
        # after a colon: whether the list is one of goals; `listed`: the provision is an item of
        # one its parent introduces (二、…具体任务是：, then (1)粮食总产7.1亿公斤 a provision of its own)
        self.listing: bool | None = True if listed else None
        self.back = False  # after 这五年，… or 一年来，…: the paragraph reports results
        # a provision headed as goals (（二）发展目标): a paragraph opening with 到2025年 leads the
        # paragraphs after it, which set out its goals, until another year leads one
        self.goals = goals
        self.previous = ""  # the sentence before, whose last 到…年 其中 goes on with
        self.governed = governed  # a plan period or a title's year governs: a limit leads nothing
        self.among = False  # the lead was lent to a 其中 sentence, for it alone
        self.bare = False  # the lead is a bare year's (2019年，…): a sentence of aim after it leaves it
        self.open = False  # the paragraph before ended in ；: the next, ending so too, goes on with it

    @property
    def governing(self) -> Years:
        """The years governing the next sentence: its paragraph's lead, else its heading's."""
        return self.lead if self.lead.year is not None else self.heading

    def enter(self, text: str, paragraph: bool) -> Sentence:
        if self.bare and (_AIM_WORD.search(text) or _AHEAD.search(text)):
            self.lead, self.bare = Years(), False  # 2019年，…。下一步，全市将新增…: not that year's
        item = self.listing is not None and bool(_ITEM.match(text))
        # 到2020年，…。↵——创新能力显著增强。…达到2.5%: a goal's items set out with dashes stay under
        # the year a paragraph before them, or the first of them, leads with
        if paragraph and _NUMBERED_HEADING.match(text):  # （二）年度目标: another section, not the goals'
            self.goals = bool(GOALS_HEADING.match(text))
            self.lead = Years()
        # one more item of a ；-list: ending so too, or stating no stock or rule (全市现有…, 每个乡镇配备…)
        going_on = self.open and (text.rstrip().endswith(("；", ";")) or not _STOCK_OR_RULE.search(text))
        if paragraph and not item and not _DASH_ITEM.match(text) and not going_on and not (
                self.lead.year is not None and _LABEL_ITEM.match(text)):  # 到2025年，…。↵产品质量：…
            if not self.goals:
                self.lead = Years()  # a governing clause governs its own paragraph
            self.listing, self.back = None, False
        if _STATISTIC.match(text) and not (_AIM_WORD.search(text) or self.goals or self.governed):
            self.back = True  # 全年粮食总产量46695吨，同比增长0.98%。其中…: a communiqué's paragraph reports
        if (self.lead.year is None and _AMONG.match(text)
                and (last := _last_lead(self.previous)).year is not None):
            self.lead, self.among = last, True  # 到2012年…达到6万亩。其中：新发展…2万亩: its parts
        return Sentence(text, goal_item=item and bool(self.listing), led=self.lead.year is not None,
                        goals=self.goals)

    def leave(self, text: str) -> None:
        if self.among:
            self.lead, self.among = Years(), False
        if LOOKING_BACK.search(text) or _RUN_IN_REVIEW.fullmatch(text.strip()):
            self.back = True  # 这五年，…; 2022年工作回顾。: the paragraph reports
        comma = _COMMA.search(text)  # pages often write half-width commas (到 2024 年,…)
        if comma and _SOURCE_CLAUSE.match(text, 0, comma.start()):
            comma = _COMMA.search(text, comma.end()) or comma  # 根据《…方案》，到2025年，…: the year's clause
        opening = lead_year(text[:comma.start()] if comma else "")
        bare = None if opening.year is not None or not comma else _BARE_YEAR.match(text, 0, comma.start())
        if bare:
            opening = Years(int(bare.group(1)))  # 2020年末，…: what follows is that year's (a result if past)
        if (opening.year is None and comma and not self.governed
                and (limit := LIMIT_LEAD.search(text, 0, comma.start()))
                and LIMITS_GOALS.search(text, comma.end())):
            opening = Years(int(limit.group(1)))  # 2022年8月底前，各项指标全部达到…: the goals' year
        if opening.year is None and comma and self.goals:
            opening = plan_years(text[:comma.start()])  # （二）总体目标：“十二五”期间，…: its goals' years
        if opening.year is not None:
            self.lead, self.bare = opening, bool(bare)
        self.previous = text
        self.open = text.rstrip().endswith(("；", ";"))
        heading = _YEAR_HEADING.match(text) if len(text) <= _HEADING_MAX else None
        if heading:
            self.heading = Years(int(heading.group(1)))
        elif len(text) <= _HEADING_MAX and not _PHRASE_END.search(text):
            plan = plan_years(text)  # “十五五”时期主要目标 on a line of its own
            if plan.year is not None:
                self.heading = plan
        if text.rstrip().endswith(("：", ":")):
            self.listing = bool(GOAL_INTRO.search(text))


@dataclass(frozen=True)
class Context:
    """What a provision's targets are read against: the document's year, the year a governing
    clause or the title sets, and the provision's heading path."""

    year: int | None = None
    governing: Years = field(default_factory=Years)
    provision: str = ""

    def reports(self, year: int | None, led: bool) -> bool:
        """Whether a number for `year` is a result (see target_years.past): past when the document
        was written, or, where its date is unknown, before the plan period governing it (至2015年底
        in a “十三五” plan reports 2015's figures, however led)."""
        start = self.governing.start_year
        if self.year is None and start is not None and year is not None and year < start:
            return True
        return past(year, self.year, led)


def years_of(sent: Sentence, at: int, ctx: Context, lead: Years) -> Years:
    """The years of a target at `at` in its sentence: the sentence's before it; else the
    document's year if the sentence says 今年/全年/年底 before it or its clause after it (明年: the
    year after); else the provision's lead clause's, the governing clause's or the title's."""
    own = years_before(sent.year_marks, at)
    if own.year is not None or sent.names_before(BEYOND, at):
        return own  # 远景: a vision beyond the plan's period takes none of its years
    if sent.names_before(WITHIN_YEARS, at):
        return own  # 五年内: a time from now, which no year of the text names
    this = sent.this_year
    if this is None or this.end() > at:  # 确保20处重大火灾隐患年底前全部整改: this year's, said after
        this = THIS_YEAR.search(sent.text, at, sent.clause_end(at))
    if this is not None and ctx.year is not None:
        return Years(ctx.year + (1 if this.group("next") else 0), None, own.base_year)
    if ctx.year is not None and sent.names_before(_HALF_YEAR, at) and _AIM_WORD.search(sent.text):
        return Years(ctx.year, None, own.base_year)  # 确保上半年完成…: this year's first half
    for outer in (lead, ctx.governing):
        if outer.year is not None:
            return Years(outer.year, outer.start_year, own.base_year)
    if ctx.year is not None and _OVER_LAST_YEAR.search(sent.text, 0, at):
        return Years(ctx.year, None, own.base_year)  # 确保…较上年度再降0.5个百分点: this year's goal
    return own
