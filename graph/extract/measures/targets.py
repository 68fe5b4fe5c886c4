"""Quantitative targets of a provision (城镇登记失业率控制在4.5％左右), each with its raw text and
span; values have 万/亿/千 folded in.

The numbers a provision states are matched and read by target_numbers.py. A number is a target
when a verb or a goal word makes it one and none of the classes of target_rules.py (thresholds,
parameters, changed rates, past results, counts, penalties) takes it, as target_exclusions.py
reads them for the match; its years are read as target_years.py says, its indicator as
target_indicators.py does, whether it is a rise or a cut as target_change.py does, the items of
a list as target_lists.py does, goals written in words (零事故, 翻一番) by target_words.py, and
the targets a table states by target_tables.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from policygraph.extract.measures import target_rules as rules
from policygraph.extract.measures import target_tables as tables
from policygraph.extract.measures.per_unit import PROVIDED_UNITS
from policygraph.extract.measures.per_unit import provided as provided_per_unit
from policygraph.extract.measures.plan_actions import action_count
from policygraph.extract.measures.quantities import value_of, whole
from policygraph.extract.measures.review import next_paragraph
from policygraph.extract.measures.sentence_breaks import MARKER, sentences
from policygraph.extract.measures.table_rows import may_hold_table, tables_in
from policygraph.extract.measures.target_change import change_of
from policygraph.extract.measures.target_exclusions import CAN, COUNTED, STEP, planned_sum, ruled_out
from policygraph.extract.measures.target_indicators import (
    indicator_at,
    respective_years,
    respectively,
    without_item_number,
)
from policygraph.extract.measures.target_lists import (
    FOLLOWS,
    Prev,
    continuing,
    counts_doers,
    each_indicator,
    listed_after,
    sharing_unit,
)
from policygraph.extract.measures.target_numbers import is_number_token, number_at, quantity, target_matches
from policygraph.extract.measures.target_sentences import (
    GOALS_HEADING,
    Context,
    Reader,
    Sentence,
    years_of,
)
from policygraph.extract.measures.target_words import (
    doublings,
    majors,
    quality_classes,
    ranks,
    reach_times,
    zero_goals,
)
from policygraph.extract.measures.target_years import Years
from policygraph.models import Target


def targets_in(text: str, start: int, end: int, year: int | None, provision: str = "",
               governing: Years | None = None) -> list[Target]:
    """Quantitative targets in text[start:end] (the provision `provision`): indicator, value,
    unit, comparator, years. `governing`: the years a parent clause or the title sets.

    >>> text = "今年城镇登记失业率控制在4.5%左右，新增就业10万人以上。"
    >>> [(t.indicator, t.value, t.unit, t.comparator) for t in targets_in(text, 0, len(text), 2003)]
    [('城镇登记失业率', 4.5, '%', 'about'), ('新增就业', 100000, '人', 'at_least')]
    """
    ctx = Context(year, governing or Years(), provision)
    if ctx.governing.past or ctx.governing.criteria:
        return []  # a review of the past (发展基础) reports results
    if ctx.governing.reported:  # a circular's or a reply's results, until a paragraph of what is next
        ahead = next_paragraph(text, start, end)
        if ahead is None:
            return []
        start = ahead
    tabled: list[Target] = []
    read: list[tuple[int, int]] = []  # rows read as a table's: not read again as sentences
    if may_hold_table(text, start, end):
        for table in tables_in(text, start, end):
            reading = tables.table_reading(table, year, ctx.governing, provision, text)
            tabled += reading.targets + [t for cell in reading.prose for t in _cell_targets(cell, ctx)]
            read += ([(r.start, r.end) for r in table.rows] if reading.claimed
                     else [(t.start, t.end) for t in reading.targets] + [c.row for c in reading.prose])
    read.sort()
    out: list[Target] = []
    reader = Reader(goals=GOALS_HEADING.match(text, start, end) is not None,
                    governed=ctx.governing.year is not None, listed=ctx.governing.listed)
    for s_start, s_end, paragraph in sentences(text, start, end):
        seg = text[s_start:s_end]
        starred = "*" in seg or "＊" in seg
        sent = reader.enter(_STARS.sub(" ", seg) if starred else seg, paragraph)  # offsets kept
        if not reader.back or sent.goal:
            out += [t for t in _sentence_targets(sent, s_start, ctx, reader.governing)
                    if not tables.within_rows(tables.last_char(text, t), read)]  # a row read as a table's
        reader.leave(sent.text)
    return sorted(out + tabled, key=lambda t: t.start) if tabled else out


#: A star marking an item (1.*改建…床位220张, 、*3家…): no word; read as a space.
_STARS = re.compile(r"(?:(?<=^)|(?<=[、，,；;.．\s]))[*＊](?=[\u4e00-\u9fff\d])")
def _cell_targets(cell: tables.ProseCell, ctx: Context) -> list[Target]:
    """The targets a table's cell states in words, under its column's years, of its row's
    indicator (道路交通事故死亡率 | 较2022年 下降3% under 2025年)."""
    found = _sentence_targets(Sentence(cell.text), cell.start, ctx, cell.years)
    return [replace(t, indicator=cell.indicator or t.indicator) for t in found]


def _sentence_targets(sent: Sentence, offset: int, ctx: Context, lead: Years) -> list[Target]:
    """The targets of one sentence (at `offset` in the text), left to right."""
    out: list[Target] = []
    prev: Prev | None = None
    runs: list[tuple[re.Match[str], list[int]]] = []  # a target and the values listed after it
    described = -1  # where a count a description names ends (细则设置的9个测评项目)
    for m in target_matches(sent.text):
        if described >= 0 and not (m.group("verb") or m.group("suffix")) \
                and _LIST_GAP.fullmatch(sent.text, described, m.start()):
            described = m.end()  # …设置的9个测评项目,36项测评指标: the rest of the list it describes
            continue
        listed = listed_after(prev, m, sent.text)
        unit = m.group("unit2") or m.group("unit")
        provided = None
        if unit in PROVIDED_UNITS:
            provided = provided_per_unit(sent.text, number_at(m), m.end(), unit)
        if provided is None and listed is not None:
            provided = listed.provided
        follows = prev is not None and FOLLOWS.fullmatch(sent.text, prev.end, m.start()) is not None
        target = _target(m, sent, offset, ctx, lead, _Named(listed is not None, provided, follows))
        held = rules.REGISTER.search(sent.text, max(0, m.start() - 2 * _DESCRIBES_REACH), m.start())
        target = None if held else target  # 《…名录》，分别有…127家、…50家: what a register holds
        if target is None and (held or rules.DESCRIBES.search(
                sent.text, max(sent.clause_start(m.start()), m.start() - _DESCRIBES_REACH), m.start())):
            described = m.end()
        if target is not None and prev is not None and out and out[-1].start == prev.target.start \
                and counts_doers(prev, sent.text, number_at(m)):
            out.pop()  # 推动…等7个产业园区建成标准厂房150万平方米: the parks do it, the area is the goal
        if target is not None:
            target = continuing(m, target, listed)
            if follows and prev is not None and _LENGTH.fullmatch(sent.text, prev.end, m.start()):
                # 清淤支沟2条长3.2公里: the length of what the target before counts
                counted = prev.target.indicator
                target = replace(target, indicator=f"{counted}长度" if counted else target.indicator)
            indicator = target.indicator or ""
            if prev is not None and prev.target.indicator and (
                    _CHANGE_ONLY.fullmatch(indicator)
                    or (target.base_year is not None and _BASE_VALUE_ONLY.fullmatch(indicator))):
                # 森林覆盖率提高到63.5%，较2020年提高1.2个百分点: a change of what the one before measures
                target = replace(target, indicator=prev.target.indicator)
            if prev is not None and _TOTAL_ONLY.fullmatch(target.indicator or "") and prev.target.indicator:
                # 新增1000处信号灯联网、累计达8000处: the total of what the target before adds
                target = replace(target, indicator=_ADDED.sub("", prev.target.indicator) + "（累计）")
            out += sharing_unit(target, number_at(m), sent.text) + each_indicator(target, m, sent.text)
            prev = Prev(m.end(), target, provided)
            if listed is not None and runs:
                runs[-1][1].append(len(out) - 1)
            else:
                runs.append((m, [len(out) - 1]))
    if "分别" in sent.text:
        out = respective_years(respectively(out, runs, sent), runs, sent)
    if "零" in sent.text:
        out = sorted(out + zero_goals(sent, offset, ctx, lead), key=lambda t: t.start)
    if "番" in sent.text or "一倍" in sent.text:
        out = sorted(out + doublings(sent, offset, ctx, lead), key=lambda t: t.start)
    if "前" in sent.text:
        out = sorted(out + ranks(sent, offset, ctx, lead), key=lambda t: t.start)
    if "分钟" in sent.text or "小时" in sent.text or "天" in sent.text:
        out = sorted(out + reach_times(sent, offset, ctx, lead), key=lambda t: t.start)
    if "大" in sent.text:
        out = sorted(out + majors(sent, offset, ctx, lead), key=lambda t: t.start)
    if "类" in sent.text or "级" in sent.text:  # a class not read already as a number (一级A标准)
        classes = [c for c in quality_classes(sent, offset, ctx, lead)
                   if not any(t.start < c.end and c.start < t.end for t in out)]
        out = sorted(out + classes, key=lambda t: t.start)
    return out


#: The longest clause the rules read before a number: a page's unbroken run of numbers (a table
#: flattened into one clause) made each number's checks scan all the numbers before it.
_CLAUSE_MAX = 160
_DESCRIBES_REACH = 24  # a bounded look back: a clause of thousands of numbers made it quadratic
#: What lies between the items of a list of counts: the first's noun and a break (9个测评项目,36项).
_LIST_GAP = re.compile(r"[^\d，,；;：:。]{1,12}[，,、]\s*|[，,、]\s*[^\d，,；;：:。]{1,12}")
#: The length of what a count counts, right after it (98条长119.4公里).
_LENGTH = re.compile(r"长|总长|全长")
#: An indicator that only says a total is meant (累计, 累计约, 累计达): it names nothing.
#: An indicator that only says the value changes (提高, 下降): it names nothing.
_CHANGE_ONLY = re.compile(r"(?:同比|比上年|较上年)?(?:提高|提升|增长|增加|下降|降低|减少|上升)")
#: A base's value as the words before a change (比2010年的40.24万吨减少6.4%): no word of what is measured.
_BASE_VALUE_ONLY = re.compile(r"\d[\d.]*(?:万|亿)?[^\d\s]{0,4}")
_TOTAL_ONLY = re.compile(r"累计(?:约|达到?|建成|完成)?")
_ADDED = re.compile(r"^(?:新增|净增|新建)")


@dataclass(frozen=True)
class _Named:
    """What names a number a target without a verb of aim: an item listed after a target
    (1所…、2所…), or a provision each unit is to have (每个乡镇设置一所卫生院: its comparator)."""

    listed: bool = False
    provided: str | None = None
    follows: bool = False  # the next item after a target, with a noun of its own (、绿地500公顷)


def _target(m: re.Match[str], sent: Sentence, offset: int, ctx: Context, lead: Years,
            named: _Named = _Named()) -> Target | None:
    """The target a TARGET match states, or None if it is no target (see target_rules.py)."""
    text, at = sent.text, m.start()
    if not is_number_token(m, text, named.listed or named.provided is not None):
        return None
    value, high, unit = quantity(m)
    in_name = None if unit or high is not None else _UNIT_NAMED.search(text, max(0, at - 24), at)
    if in_name:
        mult, unit = tables.bracketed_unit(in_name.group(1))  # 人均预期寿命（岁）≥79.5: the unit in its name
        value = value_of(m.group("arabic"), m.group("cn"), m.group("mult") or mult) if unit else value
    if _ITEM_NUMBER_GLUED.match(m.group("arabic") or "") and unit in _WHOLE_UNITS and not m.group("mult") \
            and not text[:number_at(m)].strip():
        value = float(m.group("arabic").split(".", 1)[1])  # 2.50个小区…: item 2, fifty of them
    dated = text.startswith(("年", "月", "日", "号"), m.end())
    if dated and not unit and text.startswith("年", m.end()) and _YEARS_COUNTED.search(text, 0, at):
        unit, dated = "年", False  # 人均受教育年限达到11.7年: a length in years, no date
    verb = m.group("verb")
    near = max(0, at - 30)  # the names below end right before the number: a bounded look back
    index = _INDEX.search(text, near, at)
    # a coefficient, a count capped with no unit (死亡人数10以下): a goal's, not a technical norm's
    aimed = sent.goal or lead.year is not None or ctx.governing.year is not None
    if index is not None and index.group().startswith("系数") and not aimed:
        index = None  # 边坡抗滑稳定安全系数不低于1.3: an engineering standard
    unitless = not unit and ((verb in _INDEX_VERBS and index is not None)
                             or (rules.SUFFIXES.get(m.group("suffix") or "") == "at_most" and aimed
                                 and (index or _CAPPED_COUNT.search(text, near, at)))
                             or (verb in _COUNT_VERBS and bool(m.group("mult"))
                                 and (_COUNT_NOUN.search(text, near, at) is not None
                                      or text.startswith("规模", m.end()))))  # 超过五千亿规模
    if value is None or (not unit and not unitless) or (
            dated and not (unit in COUNTED and _ANNUAL.match(text, m.end()))):
        return None
    if unit == "个" and (shared := _SHARED_UNIT.match(text, m.end())) and "分别" in text[max(0, at - 12):at]:
        unit = shared.group("unit")  # 分别压缩至15个、7个工作日以内: the unit written once for both
    if unit == "米" and not (action_count(m, sent) and rules.COUNT_END.match(text, m.end())
                            and not _MEASURED_SIZE.search(text, max(0, at - 4), at)):
        return None  # 维修渠道415米 is a work's length; 半径109米, 水深约11米, 400米跑道 describe things
    if unit in _TIMES and (_CIRCLE.match(text, m.end()) or _HOURS_OF_WORK.search(text, max(0, at - 12), at)
                           or not (m.group("verb") and (sent.goal or lead.year or ctx.governing.year))):
        return None  # 24小时值班, 工作超过8小时: a time is a goal only as its bound (反应时间不超过8分钟)
    if unit in _NEEDS_MULTIPLIER and not m.group("mult"):
        return None  # 3000亿度 of power, 22亿方 of gas, 13.5亿只 of poultry; not 26度, 3方协议
    clause_start = max(sent.clause_start(at), at - _CLAUSE_MAX)
    clause = text[clause_start:at]
    if unit == "起" and (not (m.group("suffix") or m.group("verb") in _BOUNDING)
                        or (m.group("verb") not in _BOUNDING and "发生" in clause
                            and not _AIMED_EVENTS.search(text, 0, at))):
        return None  # 全年共发生较大事故2起(以下): events counted; 控制在10起以内 bounds them
    if unit == "P" and not (m.group("mult") or "算力" in clause):
        return None  # 1.7万P of computing power; not 5P空调 (匹)
    if m.group("verb") == "达" and at > 0 and text[at - 1] in _WORD_BEFORE_DA:
        return None  # 通达, 送达, 下达: 达 is part of a word, no bound
    if m.group("verb") == "过" and not _PASSED.search(text, max(0, at - 4), at):
        return None  # 经过3年, 再过5到10年: 过 bounds only a measure (产值过2000亿元)
    if unit == "个" and m.group("verb") == "迈上":
        return None  # 连续迈上3个千亿元台阶: steps climbed, not a level
    if unit == "个" and text.endswith("等", 0, at) and _AGENCIES.match(text, m.end()):
        return None  # 省教育厅…人民银行西安分行等12个部门: who acts, not a goal
    if unit == "级" and (m.group("mult") or m.group("bare")):
        return None  # 五百亿级, 千亿级: a class by size, not a grade
    # a year governs: a plan's, or the sentence's own opening (2015年至2017年，培训农民工10万人)
    planned = (lead.year is not None or ctx.governing.year is not None
               or _YEAR_OPENING.match(text) is not None)
    if not _accepted(m, sent, clause, unit, ctx.provision, named, planned):
        return None
    years = years_of(sent, at, ctx, lead)
    if ctx.reports(years.year, sent.led_before(at)):
        return None
    object_start = sent.object_start(at)  # 新建成公办中小学、幼儿园7所: one object's nouns
    named_as = text[object_start:at]
    indicator = indicator_at(m, sent, named_as)
    if in_name and indicator:
        indicator = indicator.removesuffix(in_name.group(1).strip())  # 人均预期寿命（岁）: its unit, no word
    if indicator and STEP.match(text, m.end()):
        indicator = indicator.removesuffix("上")  # 工业增加值上200亿元台阶: 上 climbs
    if indicator and CAN.search(indicator):
        indicator = indicator[:-1]  # 力争粮食产量可达到9.5万吨: 可 is the verb's
    return Target(
        indicator=indicator,
        value=whole(value),
        unit=unit,
        comparator=_comparator(m, clause, named),
        change=change_of(m.group("verb"), without_item_number(named_as)),
        year=years.year,
        text=(named_as + text[at:m.end()]).strip("，, "),
        start=offset + object_start,
        end=offset + m.end(),
        provision=ctx.provision,
        value_high=whole(high) if high is not None else None,
        start_year=years.start_year,
        base_year=years.base_year,
    )


def _comparator(m: re.Match[str], clause: str, named: _Named) -> str:
    """A target's comparator: 1900多个 is at least 1900; else its suffix's or verb's, or the one a
    provision states."""
    verb, suffix = m.group("verb"), m.group("suffix")
    if STEP.match(m.string, m.end()):
        return "at_least"  # 工业增加值上200亿元台阶: a step to climb
    if m.group("more") and not suffix:
        return "at_least"
    return rules.comparator(verb, suffix, clause) if suffix or not named.provided else named.provided


#: How far before a number a report (实际, 已, 共…) is looked for after 计划.
_PLAN_REACH = 60


def _accepted(m: re.Match[str], sent: Sentence, clause: str, unit: str, provision: str,
              named: _Named, planned: bool = False) -> bool:
    """Whether a number is a target: a verb, a suffix, a goal word or a list or provision names
    it, or it counts a work plan's action (`planned`: a year governs the text), no class of
    target_rules.py rules it out (a provision each unit is to have is a target even as a norm),
    and it is no norm of a statute's article without a goal word."""
    if named.provided:  # 每个乡镇设置一所卫生院; not 截至…每个村都建有1个卫生室, what exists
        # (在现有…的基础上，建设一个… builds on what exists)
        return not (rules.REPORTED.search(sent.text, 0, m.start()) or rules.EXISTING.search(clause))
    verb, suffix, at = m.group("verb"), m.group("suffix"), m.start()
    plan = sent.first(rules.PLANNED)  # 计划播种…80万亩，其中稻谷…; not …共150个，总投资…
    planned_here = (plan is not None and plan.end() <= at
                    and not rules.NOT_PLANNED_CLAUSE.search(sent.text, max(plan.end(), at - _PLAN_REACH), at))
    item = sent.goal_item and not rules.EXISTING.search(sent.text, 0, at)  # not (2)现有耕地…，其中…
    if not (named.listed or named.follows or verb or suffix or item or sent.before(sent.context, at)
            or planned_here
            or rules.ratio_verb(clause) or action_count(m, sent, planned) or _share(m, sent, clause, unit)
            or (planned and _PER_HEAD.match(clause) is not None)
            or (STEP.match(sent.text, m.end()) is not None and (planned or sent.goal))
            or _named_plan_sum(verb, clause, unit)):
        return False
    if ruled_out(m, sent, clause, unit, named.listed, planned):
        return False
    return named.listed or not rules.ARTICLE.search(provision) or sent.goal


#: A sum named as planned (年度计划投资428.5亿元): the plan's figure, with no verb.
_PLANNED_NAMED = re.compile(r"计划|目标|预期")


def _named_plan_sum(verb: str | None, clause: str, unit: str) -> bool:
    return unit in ("元", "美元") and _PLANNED_NAMED.search(clause) is not None and planned_sum(verb, clause)
#: An indicator per head of the population, stated under a plan's year with no verb (每千人口拥有
#: 婴幼儿托位数4.5个, 每万人口全科医生数5名): the value it is to have.
_PER_HEAD = re.compile(r"\s*每(?:千|万|百|十万)(?:人口|名?老年人|人|名[\u4e00-\u9fff]{1,4}?)(?:拥有)?"
                       r"[^，,；;。\d]{1,16}?(?:数|量|床位|面积)\s*$")


def _share(m: re.Match[str], sent: Sentence, clause: str, unit: str) -> bool:
    """100%的社区卫生服务中心完成中医馆设置: a share of units set to do something."""
    if unit != "%":
        return False
    return rules.share_of_units(clause, sent.text[m.end():m.end() + 6], sent.rest_of_clause(m.end()))


#: A sentence opening with the year or years it plans for (2024年，…; 到2025年，…; 2015年至2017年，…;
#: 今年，…; after a label, 托育方面：2025年底前，…, not 基本情况：), not with a date (自2004年3月8日至
#: 7月7日，…).
_YEAR_OPENING = re.compile(rf"\s*(?:{MARKER.pattern})?\s*"  # （三）2013年底前，…: after the item's number
                           r"(?:(?![^，,。；;：:]{0,6}(?:情况|成果|成效|成绩|回顾|现状|基础))"
                           r"[^，,。；;：:\d\s]{2,8}[：:]\s*)?"
                           r"(?:(?:(?:力争|争取|确保)?(?:到|至)\s*)?(?:19|20)\d{2}\s*年(?:底|末)?"
                           r"(?:\s*(?:—{1,2}|–|-|－|至|到)\s*(?:19|20)\d{2}\s*年)?(?:底|末)?前?|今年|全年|年内)"
                           r"\s*(?:[，,]|(?=[我全][省市县区州镇乡]))")  # 2006年我市计划接待…
#: Times of a service or a response, which a goal bounds; not a circle named by one (15分钟生活圈)
#: nor the hours a service keeps (实现24小时供水, 24小时在线办理).
_TIMES = frozenset({"分钟", "小时"})
_CIRCLE = re.compile(r"[^，,。；;\d]{0,6}?圈|(?:全天候|不间断)?(?:供水|供电|供气|服务|营业|值守|值班|在线|"
                     r"开放|热线|监控|运行|通办|办理|响应机制)")
#: A measure 过 bounds (产值过2000亿元, 带动相关产业过10000亿元).
_PASSED = re.compile(r"(?:值|额|收入|量|规模|产业|人次|人数)$")
#: Characters that make 达 part of a word before a number (通达30分钟上高速, 下达500万元).
_WORD_BEFORE_DA = frozenset("通送下到抵直传转")
#: Hours a rule sets for work or meetings (每日工作时间不超过8小时, 会议时间不超过30分钟): no goal.
_HOURS_OF_WORK = re.compile(r"工作|加班|会议|休息|讲话|发言")
#: Units that are one only after 万/亿 (亿度, 亿方, 亿只): else a degree, a party or "only".
_NEEDS_MULTIPLIER = frozenset({"度", "方", "只"})
#: Words of aim before a count of events that happen (力争全年发生一般事故3起以下): a cap.
_AIMED_EVENTS = re.compile(r"力争|确保|争取|目标|杜绝")
#: Verbs that bound a count of events (控制在10起以内, 不超过2起), as a count of them does not.
_BOUNDING = frozenset({"控制在", "不超过", "不多于", "少于", "低于", "下降到", "下降至", "降至", "降到",
                       "减少到", "减少至", "压减到", "压减至", "压降到", "压降至"})
#: An index or a ratio measured with no unit, right before its verb (健康浙江发展指数达85, 两化融合发展指数
#:总体水平达到65, 城乡居民收入比缩小至1.7以内, 收入倍差从1.96缩小到1.9以内): a value to reach; 亿元国内
#: 生产总值死亡率控制在0.81以内 is per unit, with no %.
_INDEX = re.compile(r"(?:系数|指数(?:总体水平|水平|值)?|(?<![比占])收入比|收入倍差|性别比|进出比|比值|"
                    r"(?:死亡|伤亡|受灾)率)\s*(?:[从由]\s*\d+(?:\.\d+)?\s*)?$")
_INDEX_VERBS = frozenset({"达", "达到", "提高到", "提高至", "提升到", "提升至", "保持在", "稳定在", "缩小至",
                          "缩小到", "控制在", "降至", "降到", "下降到", "下降至", "不低于", "超过", "低于",
                          "不高于", "不超过"})
#: A count of deaths or events capped with no unit (建设施工事故死亡人数10以下).
_CAPPED_COUNT = re.compile(r"(?:人数|起数)\s*$")
#: A count named before its verb, its unit in the name (体检人数达1000万以上, 标识注册总量突破5亿).
_COUNT_NOUN = re.compile(r"(?:人数|人次|户数|数量|总量|总数|人口)\s*$")
_COUNT_VERBS = frozenset({"达", "达到", "突破", "超过", "超", "减少", "增加"})  # 贫困人口减少60万以上
#: A length in years named before its verb (人均受教育年限达到11.7年, 平均受教育年数).
_YEARS_COUNTED = re.compile(r"(?:年限|年数)\s*$")
#: A size measured in metres, not a work's length (清淤深度1.5米, 防护林带宽50米).
_MEASURED_SIZE = re.compile(r"(?:深|宽|高|厚|径|距离)度?\s*(?:为|约|达|达到)?\s*$")
#: An item's number glued to the count opening it (2.50个小区新增…): no count is a fraction of 个.
_ITEM_NUMBER_GLUED = re.compile(r"\d{1,2}\.\d+$")
_WHOLE_UNITS = frozenset({"个", "家", "所", "座", "条", "处", "户", "套", "台", "辆", "名", "栋", "项"})
#: Agencies counted after a list of them (…等12个部门, 等5个成员单位).
_AGENCIES = re.compile(r"(?:部门|单位|成员单位|厅局|委办局|机关)")
#: A yearly figure naming the things counted (3个年交易额100亿元以上的市场): no date after the count.
_ANNUAL = re.compile(r"年(?:交易|产|营业|销售|收入|主营|营收|用电|用水|处理|吞吐|接待|发电|均|出栏|加工|"
                     r"纳税|税收|供|运|客流|服务|培训|游客|访客|进出口|出口|进口)")
#: The longer unit of the next value of a list, which the one before shares (15个、7个工作日).
_SHARED_UNIT = re.compile(r"\s*[、和及]\s*\d+(?:\.\d+)?\s*(?P<unit>个(?:工作日|月|百分点))")
#: An indicator naming its unit in brackets right before its value (孕产妇死亡率（1/10万）≤12,
#: 农村自来水普及率（%）：95).
_UNIT_NAMED = re.compile(r"([（(][^（()）]{1,10}[）)])\s*[：:]?\s*$")
