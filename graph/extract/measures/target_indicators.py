"""What a target measures: the words of its clause before the number, without the words of aim;
for values listed after 分别, the indicators listed before it, in order."""

from __future__ import annotations

import re
from dataclasses import replace

from policygraph.extract.measures import target_rules as rules
from policygraph.extract.measures.target_exclusions import COVERS
from policygraph.extract.measures.target_numbers import number_at
from policygraph.extract.measures.target_rules import VERBS
from policygraph.extract.measures.target_sentences import Sentence
from policygraph.extract.measures.target_years import BASE
from policygraph.extract.regexes import FLUFF_WORDS, INDICATOR_FLUFF
from policygraph.models import Target


def indicator_of(clause: str) -> str | None:
    """What a target measures: its clause's words before the number, without the words of aim
    (确保, 全年, 到2020年 …), at most 24 characters. Words of aim ending the clause are left out
    first (全市新增光伏装机容量确保达到120MW: 新增光伏装机容量, not nothing). A base year (较2020年)
    is no word of aim: it goes alone, not with the words before it (热损失较2020年降低2个百分点)."""
    clause = _FROM.sub("", _LAST_YEAR_BASE.sub("", BASE.sub("", clause)))
    clause = _BRACKET_TAIL.sub("", without_item_number(clause))
    indicator = _plain(INDICATOR_FLUFF.sub("", clause))
    if not indicator:
        indicator = _plain(INDICATOR_FLUFF.sub("", _AIM_AT_END.sub("", clause)))
    if len(indicator) <= 2:  # 非常规天然气产量2030年达到…: the words before a year name it
        indicator = _plain(_AIM_AT_END.sub("", _FLUFF_WORD.sub("", clause))) or indicator
    indicator = _MANNER_AT_END.sub("", _AGENT.sub("", indicator))
    if len(aimless := _AIM_AT_END.sub("", indicator)) >= 2:
        indicator = aimless  # 旅游综合收入力争达到…: 力争 is no word of what is measured
    if len(bare := _VERB_AT_END.sub("", indicator)) >= 2:
        indicator = bare  # 贫困发生率降至不足1%: the verb before 不足 is no word of what is measured
    return indicator[-24:] if len(indicator) > 1 else None  # not a connective (…一半以上至8.5个工作日)


#: The end of a bracket the clause starts inside (新（改）建…: 改）建…).
_BRACKET_TAIL = re.compile(r"^[^（(）)]{1,4}[）)]")
#: Last year as a base (GDP比上年增长6%): no word of what is measured.
_LAST_YEAR_BASE = re.compile(r"(?:较|比|同比)上年度?|同比$")  # 地区生产总值同比增长…: 同比 names nothing
#: The value a change starts from (取证时间从平均22个工作日压缩至…): no word of what is measured.
_FROM = re.compile(r"(?:从|由)[^，,；;。从由]{0,12}\d[^，,；;。]{0,8}$")
#: Who is to act before 将 and what it acts on after (各城市将企业开办时间压缩至…: 企业开办时间).
_AGENT = re.compile(r"^[^将]{0,10}将(?![来近军领士乐])(?=[^将]{2})")


#: An item's number opening a clause (5., 1、, （三）, or 三） when the clause starts inside its bracket).
_ITEM_NUMBER = re.compile(r"^\s*(?:[（(]?[一二三四五六七八九十\d]{1,3}[）)]|"
                          r"[一二三四五六七八九十\d]{1,3}[、.．](?!\d))")


def without_item_number(clause: str) -> str:
    """The clause without the number of the item it opens (5.建成家庭养老床位: 建成家庭养老床位)."""
    return _ITEM_NUMBER.sub("", clause)


def _plain(words: str) -> str:
    words = re.sub(r"[“”\"‘’\s]", "", words).strip("，,（(：:").lstrip("）)")
    words = _LIMIT_FIRST.sub("", words).removesuffix("分别").removesuffix("占")
    return words.removeprefix("的").removeprefix("即")  # 目标，即生产总值增长12%


#: A time limit opening the words (年底前危房改造): no word of what is measured.
_LIMIT_FIRST = re.compile(r"^(?:(?:今|明)?年|\d{1,2}月)(?:底|末)前")


_FLUFF_WORD = re.compile(FLUFF_WORDS)
#: How a value is to be reached, right before its verb (粮食产能稳步迈上…): no word of what is measured.
#: (…收入年均增长7%: 年均 too)
_MANNER_AT_END = re.compile(r"(?<=[\u4e00-\u9fff]{2})"
                            r"(?:稳步|稳定|逐步|持续|进一步|不断|基本|年均|均|分别保持|继续保持|保持)+$")
#: A verb of a bound left at the end when another stands right before the number (降至不足1%).
_VERB_AT_END = re.compile("(?:" + "|".join(sorted((re.escape(v) for v, c in VERBS.items() if c != "equal"),
                                                   key=len, reverse=True)) + ")$")
#: Words of aim right before a target's verb: 确保达到, 力争达到.
_AIM_AT_END = re.compile(r"(?:千方百计|确保|力争|争取|实现|完成)+$")


#: A list of indicators before 分别 and its verb: 能源消耗和二氧化碳排放分别降低2.5%、3.9%.
_RESPECTIVE = re.compile(rf"(?P<items>[^，,；;。：:]{{2,80}})分别\s*(?:{BASE.pattern})?\s*$")
_ITEM_BREAK = re.compile(r"[和、及与]")


def respectively(out: list[Target], runs: list[tuple[re.Match[str], list[int]]],
                  sent: Sentence) -> list[Target]:
    """Each value of a list after 分别 measures the indicator in the same place of the list before
    it (能源消耗和二氧化碳排放分别降低2.5%、3.9%: 能源消耗 2.5%, 二氧化碳排放 3.9%), when both
    lists are as long."""
    out = list(out)
    for m, members in runs:
        head = _RESPECTIVE.search(sent.text, 0, m.start())
        if head is None or len(members) < 2:
            continue
        items = [i.strip() for i in _ITEM_BREAK.split(head.group("items"))]
        if len(items) != len(members) or not all(items):
            continue
        for k, item in zip(members, items, strict=True):
            out[k] = replace(out[k], indicator=indicator_of(item) or item)
    return out


#: Years listed before 分别 (2010年、2011年、2012年年底，…分别达到40%、50%、60%以上): one for each value.
_ONE_YEAR = r"(?:19|20)\d{2}\s*年(?:底|末|年底)?"
_YEAR_LIST = re.compile(rf"{_ONE_YEAR}(?:\s*[、和及]\s*{_ONE_YEAR})+[^。；;]{{0,40}}?分别")
_LISTED_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_BASE_OF_LIST = re.compile(r"基础|基数|基期|相比|为基")


def respective_years(out: list[Target], runs: list[tuple[re.Match[str], list[int]]],
                     sent: Sentence) -> list[Target]:
    """Each value of a list after 分别 is for the year in the same place of a list of years before
    it, when both lists are as long."""
    out = list(out)
    for m, members in runs:
        head = _YEAR_LIST.search(sent.text, max(0, m.start() - 80), m.start())
        if head is None or len(members) < 2 or _BASE_OF_LIST.search(head.group()):
            continue  # 在2020年和2021年基础上…分别增长: the bases, not the years of the goals
        years = [int(y) for y in _LISTED_YEAR.findall(head.group())]
        if len(years) != len(members):
            continue
        first = out[members[0]].indicator
        for k, y in zip(members, years, strict=True):  # one indicator over the years
            out[k] = replace(out[k], year=y, start_year=None, indicator=out[k].indicator or first)
    return out


def indicator_at(m: re.Match[str], sent: Sentence, clause: str) -> str | None:
    """The words before the number; else, when they are none or only a verb (力争全省建成10个…基地,
    加快打造6个…, 至少…), the action and what it counts after the number; else what a share counts."""
    if (m.group("suffix") and m.group("unit") != "%"
            and (measure := rules.measure_after(sent.text[m.end():m.end() + 12]))):
        return measure  # 稳定保障1.1万亿斤以上粮食产能: what the bound is of
    if (m.group("suffix") and (cover := COVERS.search(sent.text, max(0, m.start() - 30), m.start()))
            and (places := _PLACES_AFTER.match(sent.text, m.end()))):
        return cover.group() + places.group()  # 覆盖…90%以上乡镇: the share of places reached
    own = indicator_of(clause) if clause and not rules.ACTION_ONLY.match(clause) else None
    if own and own.endswith("等") and (counted := _counted_after(m, sent)):
        # 壮大人工智能、生物医药等4个千亿级产业: the action and what the list's items are
        return (rules.leading_action(clause) or "") + counted
    if not own or len(own) <= 2:
        own = _action_indicator(m, sent) or own
    return own or _shared_by(m, sent)


def _counted_after(m: re.Match[str], sent: Sentence) -> str | None:
    """What a count names after it, up to its clause's end (等4个万亿级新兴支柱产业)."""
    return indicator_of(sent.text[m.end():sent.clause_end(m.end())].strip().rstrip("。！？!?"))


def _action_indicator(m: re.Match[str], sent: Sentence) -> str | None:
    """实施30项市级疏堵工程: the action and what it counts, named after the number (a bound's verb
    left out: 培育超百家专精特新企业)."""
    at = number_at(m)
    verb = m.group("verb")
    before = m.start("verb") if verb and VERBS[verb] != "equal" else at
    after = _LENGTH_AFTER.sub("", sent.text[m.end():sent.clause_end(m.end())].strip().rstrip("。！？!?"))
    return indicator_of(sent.text[sent.clause_start(at):before] + after)


def _shared_by(m: re.Match[str], sent: Sentence) -> str | None:
    """100%的社区卫生服务中心…, 80%以上钢铁产能…: what a share with no words before it counts,
    named after it."""
    start = m.end() + 1 if sent.text.startswith("的", m.end()) else m.end()
    if start == m.end() and not (m.group("pct") or m.group("unit") == "%"):
        return None
    return indicator_of(sent.rest_of_clause(start).rstrip("。！？!?"))


#: A length after a count (98条长119.4公里): no word of what the action counts.
_LENGTH_AFTER = re.compile(r"(?:长|总长|全长)\s*\d.*$")
#: The places a share reaches, named after it (覆盖…90%以上乡镇).
_PLACES_AFTER = re.compile(r"[\u4e00-\u9fff]{1,10}?(?=[和及与、，,；;。]|$)")
