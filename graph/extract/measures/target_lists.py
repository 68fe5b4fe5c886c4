"""Values listed after a target in its sentence: the items of its list (分别达到65%和55%,
培育3家…平台，20家…平台), which take its comparator and years, and one value for each of a list of
indicators before 均 or 各."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from policygraph.extract.measures.quantities import value_of
from policygraph.extract.measures.target_numbers import number_at
from policygraph.extract.measures.target_rules import ACTION_WORD, DOER_GAP
from policygraph.extract.regexes import INDICATOR_FLUFF
from policygraph.models import Target


@dataclass(frozen=True)
class Prev:
    """The last target of a sentence: where its number ends, and whether it was a provision."""

    end: int
    target: Target
    provided: str | None


def listed_after(prev: Prev | None, m: re.Match[str], text: str) -> Prev | None:
    """The target before, if this number opens the next item of its list: 分别达到65%和55%,
    高级技工学校1所、省重点技工学校2所, 一所公办幼儿园、一所公办小学和一所公办初中."""
    if prev is None or m.start() - prev.end > 40:
        return None
    if _LISTED.fullmatch(text, prev.end, m.start()):
        return prev
    # 培育3家…平台，20家…平台: the next clause opens with a count in the same unit, no verb of its own
    unit = m.group("unit2") or m.group("unit")
    if (m.group("verb") in _RISES and unit == prev.target.unit
            and _RISE_AFTER.fullmatch(text, prev.end, m.start("verb"))):
        return prev  # 农民人均纯收入1660元，增加230元: the rise of the sum just set, set with it
    same = not m.group("verb") and unit is not None and unit == prev.target.unit
    return prev if same and _LISTED_CLAUSE.fullmatch(text, prev.end, m.start()) else None


_RISES = frozenset({"增加", "增长", "提高"})
#: What lies between a sum and its rise: a comma, and the year it rises over.
_RISE_AFTER = re.compile(r"[，,]\s*(?:比上年|较上年|比去年)?\s*")


def continuing(m: re.Match[str], target: Target, listed: Prev | None) -> Target:
    """A value listed after another with no verb of its own (分别达到65%和55%) takes the
    comparator and years of the one before it."""
    if listed is None or m.group("verb"):
        return target
    if m.group("suffix"):  # 分别降低2.5%左右、3.9%左右: its own comparator, the cut of the one before
        return replace(target, change=target.change or listed.target.change)
    p = listed.target
    return replace(target, comparator=p.comparator, change=p.change, year=p.year,
                   start_year=p.start_year, base_year=p.base_year)


#: What lies between a listed target and the number opening the next item: no clause break,
#: and 、/和/及/与 right before the number.
_LISTED = re.compile(r"[^，,；;。：:！？!?]*?[和及与、]\s*")
#: What lies between a counted object and the next count of its list in the next clause.
_LISTED_CLAUSE = re.compile(r"[^，,；;。：:！？!?\d]{1,30}[，,]\s*")
#: What lies between a target and the next item of its list that names its own indicator:
#: 、 and a few words (新建绿道100公里、绿地500公顷); or the length or area of what was counted
#: (清淤支斗渠98条长119.4公里); over a note after the target (386万亩(含西咸新区)、宝鸡市451万亩).
FOLLOWS = re.compile(r"(?:以上|左右)?(?:[（(][^（()）\d]{1,12}[）)])?、[^\d，,；;：:。（()）、]{1,12}|"
                     r"长|总长|全长|面积")
#: Indicators listed before 均 or 各 (马铃薯种植、收获机械化率均达到45%; 新建省重点实验室、省技术创新
#: 中心各20家, 居民和企业满意度均达到90%): one value for each.
_EACH = re.compile(r"(?P<items>[^，,；;：:（(。]+、[^，,；;：:（(。]+?|"
                   r"[^，,；;：:（(。和]{3,}和[^，,；;：:（(。和]{3,}?)[均各]$")
#: Where names joined by 和 are one name (全省住房和城乡建设…, 全市城镇和农村居民…): the first is
#: under three characters after 全省/全市.
_WHOLE = re.compile(r"^\s*(?:全|各)[省市县区镇]")
#: 各 before the action each list's item does (宫颈癌、乳腺癌各完成筛查8.1万人).
_EACH_ACTION = re.compile(rf"(?<![平年])[均各](?={ACTION_WORD}[^，,；;：:。\d、（(]{{0,6}}$)")
_ACTED_REACH = 16
_LEAD_IN = re.compile(r"\s*(?:按照|根据|对照|依照|依据)")
#: The verbs of each's action that an indicator leaves out, as targets.py's does (完成筛查 → 筛查).
_ACTION_WORDS = re.compile(r"^(?:完成|实现|达到)")
_ITEM_NUMBER = re.compile(r"\s*(?:[一二三四五六七八九十\d]{1,3}[、.．]|"
                          r"[（(]?[一二三四五六七八九十\d]{1,3}[）)])\s*")
#: Indicators joined before 分别 that one value follows (城镇居民人均可支配收入和农民人均纯收入分别增长
#: 12%): the value of each; not a list of values (分别增长10%、12%), which pairs them in order.
_NAMED = r"[^，,；;：:（(。、和及与]{2,24}"
_EACH_RESPECTIVELY = re.compile(rf"(?:^|[，,；;：:])\s*(?P<items>{_NAMED}(?:[、和及与]{_NAMED})+)分别$")
_MORE_VALUES = re.compile(r"\s*(?:以上|以下|左右)?\s*(?:[（(][^（()）]{0,16}[）)])?\s*[、和及与]\s*\d")
_ITEM_JOIN, _COMMA_JOIN, _AND_JOIN = re.compile(r"[、和及与]"), re.compile(r"、"), re.compile(r"和")
#: How far before 均 its list of indicators is looked for (a bounded search: a long sentence
#: with many 、 made an unbounded one cubic).
_EACH_REACH = 80


#: A list of subjects opening a rate's clause, the last one carrying what is measured
#: (基本养老、医疗保险参保率稳定在95%以上; 炼油、乙烯、合成氨、电石行业…产能占比超过30%): a rate
#: of each, not of them together (a share does not add up). Not a list of examples (…等), and
#: only where what is measured is named as a rate or a share (…率, …占比).
_ITEM_CHARS = r"[^，,；;：:（(）)。、%等]"
_RATE_LIST = re.compile(rf"(?:^|[，,；;：:])\s*(?:[一二三四五六七八九十\d]{{1,3}}[、.．])?"  # item number
                        rf"(?P<items>(?!\s)(?![一二三四五六七八九十\d]{{1,3}}[、.．]){_ITEM_CHARS}{{1,12}}"
                        rf"(?:、{_ITEM_CHARS}{{1,12}})*"
                        rf"、{_ITEM_CHARS}{{1,40}}?(?:率|比|比例|比重|占比))$")
_RATES = frozenset({"%", "个百分点", "‰"})
_PLACE = re.compile(r"(?:省|市|县|区|旗|州|盟|镇|乡|街道|村|集团)$")
#: Two measures joined by 和 opening a change's clause (步行街客流量和营业额累计增长20%以上): each
#: changes by it.
_MEASURE = r"[^，,；;：:（(。和、]{1,20}?(?:量|额|率|数|值)"
_MEASURES_JOINED = re.compile(rf"(?P<items>{_MEASURE}和{_MEASURE})(?:累计|同比|年均)?$")


def each_indicator(target: Target, m: re.Match[str], text: str) -> list[Target]:
    """One target per indicator when a list of them shares one value with 均 or 各, or when a list
    of subjects shares one rate (each quoting the sentence from its indicator on, so each is its
    own); else the target."""
    acted = _EACH_ACTION.search(text, max(0, m.start() - _ACTED_REACH), m.start())
    shared = acted.start() + 1 if acted else m.start()  # 宫颈癌、乳腺癌各完成筛查8.1万人: each's action
    if text.endswith(("均", "各"), 0, shared) and not text.endswith(("平均", "年均"), 0, shared):
        each = _EACH.search(text, max(0, shared - _EACH_REACH), shared)
    elif text.endswith("分别", 0, m.start()) and not _MORE_VALUES.match(text, m.end()):
        each = _EACH_RESPECTIVELY.search(text, max(0, m.start() - _EACH_REACH), m.start())
    elif target.unit in _RATES and "分别" not in text:
        each = (_RATE_LIST.search(text, max(0, m.start() - _EACH_REACH), m.start())
                or _MEASURES_JOINED.search(text, max(0, m.start() - _EACH_REACH), m.start()))
    else:
        return [target]
    if each is None:
        return [target]
    offset = target.end - m.end()
    out, at, listed = [], each.start("items"), each.group("items")
    if number := _ITEM_NUMBER.match(listed):  # 4、城镇居民…和农民人均纯收入均增长12%: no item of the list
        at, listed = at + number.end(), listed[number.end():]
    # 主导或参与制定国家、行业标准各…: 、 parts the list where it has one; else 和/与 do
    joins = (_ITEM_JOIN if each.re is _EACH_RESPECTIVELY else _COMMA_JOIN if "、" in listed else _AND_JOIN)
    if joins is _AND_JOIN and len(_WHOLE.sub("", _AND_JOIN.split(listed)[0])) < 3:
        return [target]
    items = joins.split(listed)
    if each.re is _RATE_LIST and all(_PLACE.search(item) for item in items[:-1]):
        return [target]  # 哈尔滨市、绥化市、肇州县…利用率达到95%: places sharing one goal, one target
    if _LEAD_IN.match(items[0]) or items[-1].endswith("要求"):
        return [target]  # 按照省、市要求各完成造林1000亩: whose demand, not a list of indicators
    action = _ACTION_WORDS.sub("", text[shared:number_at(m)]) if acted else ""  # 城区、开发区各新建公园1个
    for item in items:
        out.append(replace(target, indicator=INDICATOR_FLUFF.sub("", item + action) or target.indicator,
                           text=text[at:m.end()], start=offset + at))
        at += len(item) + 1
    return out


_DOER_UNITS = frozenset({"个", "家", "所", "座", "处"})
#: Words naming the ones a plan has act (推动…等7个园区, 确保11个县): a count after them is of doers.
_DOERS = re.compile(r"(?:推动|确保|支持|引导|鼓励|带动|指导|督促|争取|力争|等)"
                    r"[^，,；;。\d]{0,20}\d+[^，,；;。\d]*$")


def counts_doers(prev: Prev, text: str, at: int) -> bool:
    """Whether the target before the number at `at` counts who does that number's action (推动…等7个
    产业园区建成标准厂房150万平方米; 确保11个县（市、区）新建…1200公里), not a goal of its own."""
    return (prev.target.unit in _DOER_UNITS
            and _DOERS.search(text, max(0, prev.end - 40), prev.end) is not None
            and DOER_GAP.fullmatch(text, prev.end, at) is not None)


#: Values listed after 分别 whose unit only the last one writes (分别新增孵化空间300万、400万、500万平方米).
_UNITLESS_BEFORE = re.compile(r"分别[^\d，,。；;]{0,16}?((?:\d+(?:\.\d+)?\s*(?:万|亿)\s*[、和及]\s*)+)$")
_UNITLESS_ITEM = re.compile(r"(\d+(?:\.\d+)?)\s*(万|亿)")


def sharing_unit(target: Target, at: int, text: str) -> list[Target]:
    """The values before a target (its number at `at` in its sentence `text`) that share its
    unit, each a target like it."""
    items = _UNITLESS_BEFORE.search(text, max(0, at - 60), at)
    if items is None or not target.unit or target.unit in ("年", "月", "日"):
        return []
    offset = target.start - at
    out = []
    for item in _UNITLESS_ITEM.finditer(text, items.start(1), items.end(1)):
        value = value_of(item.group(1), None, item.group(2))
        if value is not None:
            out.append(replace(target, value=value, value_high=None, text=text[item.start():item.end()],
                               start=offset + item.start(), end=offset + item.end()))
    return out
