"""The numbers a provision states as quantities: the pattern of a target's number (a verb, a
value in figures or words, a range, a unit, a bound), where it may start, its value and unit with
万/亿 folded in, and whether it stands as a quantity at all (not a date, an ordinal, a code, a
title's number). targets.py decides which of them are targets."""

from __future__ import annotations

import re
from collections.abc import Iterator

from policygraph.extract.measures import target_rules as rules
from policygraph.extract.measures.quantities import (
    CN_NUMERAL,
    PER_UNIT,
    RANGE_DASH,
    UNITS,
    cn_to_float,
    number_pattern,
    value_of,
)

_VERB = "|".join(sorted(rules.VERBS, key=len, reverse=True))
_SUFFIX = "|".join(sorted(rules.SUFFIXES, key=len, reverse=True))
#: A unit's alternative in brackets, part of the unit as written: 22万套（间）, 100条（个）.
_ALT_UNIT = r"[（(](?:间|个|段|条|处|座|家|户|套|所|张|台|辆|项|只|羽|匹)[）)]"  # 2500万头(只)以上
#: Space inside a target: not a tab, which ends a table's cell.
_SP = r"[^\S\t]"
#: A target's number: verb, value (百分之十 too), an optional range's upper end, unit, suffix.
_HAS = "有|配备|设立?|安排|建设|建立|培养|平均"  # 平均: 压缩至平均9个工作日
TARGET = re.compile(
    rf"(?P<verb>{_VERB})?{_SP}{{0,2}}(?P<has>{_HAS})?{_SP}{{0,2}}"
    rf"(?:百分之(?P<pct>[零〇一二两三四五六七八九十百点]+)|(?P<half>一半)|"
    rf"(?P<den>[二三四五六七八九十])分之(?P<num>[一二三四五六七八九])|"
    # 占全市1/8, 超1/4: a share written as a fraction (not 9/10万, a rate; not 2/3版)
    rf"(?:(?<=[占超达为约到至])|(?<=占全[市省县区国]))(?P<fnum>[1-9])/(?P<fden>[1-9]\d?)(?![\d/.万版页号])|"
    rf"(?:{number_pattern('')}|(?<=[超破达到过])(?P<bare>万)(?P<bare_mult>亿)?(?={_SP}{{0,2}}(?:{UNITS})))(?P<more>多|余)?(?P<more_mult>万亿|亿|万)?{_SP}{{0,2}}(?P<unit>{UNITS})?(?P<alt>{_ALT_UNIT})?"
    rf"(?:{_SP}{{0,2}}{RANGE_DASH}{_SP}{{0,2}}{number_pattern('hi_')}{_SP}{{0,2}}(?P<unit2>{UNITS}))?"
    rf"(?P<per>{PER_UNIT})?)"
    rf"{_SP}{{0,2}}(?P<suffix>{_SUFFIX})?"
)


#: Verbs a Chinese numeral is a target after (至少有一名); elsewhere 一 is mostly no count.
CN_VERBS = frozenset({"至少", "不少于", "不低于", "达到", "超过", "突破", "新增", "培训", "不超过", "控制在",
                      "达"})


#: Where a number starts, and the verb (and 有) that may stand before it: TARGET is matched
#: from there, not tried at every position (its optional verbs made that slow).
_ANCHOR = re.compile(rf"\d|百分之|一半|{CN_NUMERAL}|(?<=[超破达到过])万")  # 三分之一 too; 超万亿元
_VERB_BEFORE = re.compile(rf"(?:{_VERB})\s{{0,2}}(?:{_HAS})?\s{{0,2}}$")


def target_matches(text: str) -> Iterator[re.Match[str]]:
    """TARGET's matches in `text`, left to right, not overlapping (as finditer gives them)."""
    pos = 0
    while (a := _ANCHOR.search(text, pos)) is not None:
        at = a.start()
        verb = _VERB_BEFORE.search(text, max(pos, at - 10), at)
        m = TARGET.match(text, verb.start() if verb else at)
        if m is None or m.end() <= at:
            pos = at + 1
            continue
        yield m
        pos = m.end()


def quantity(m: re.Match[str]) -> tuple[float | None, float | None, str]:
    """Value, upper end of a range and unit of a TARGET match (unit "" when none)."""
    if m.group("pct"):
        return value_of(None, m.group("pct"), None), None, "%"
    if m.group("half"):
        return 50.0, None, "%"
    if m.group("fnum"):  # 占全市1/8: an eighth, in per cent
        over, under = int(m.group("fnum")), int(m.group("fden"))
        return (round(100 * over / under, 2), None, "%") if over < under else (None, None, "")
    if m.group("den"):  # 三分之一: a third, in per cent
        num, den = cn_to_float(m.group("num")), cn_to_float(m.group("den"))
        return (round(100 * num / den, 1), None, "%") if num and den and num < den else (None, None, "")
    unit = m.group("unit") or ""
    if (bare := m.group("bare") or m.group("cn")) in _BARE and not m.group("unit2"):
        return value_of(str(_BARE[bare]), None, m.group("mult") or m.group("bare_mult")), None, unit
    if m.group("unit2"):
        if unit and unit != m.group("unit2"):
            return None, None, ""
        high = value_of(m.group("hi_arabic"), m.group("hi_cn"), m.group("hi_mult"))
        low = value_of(m.group("arabic"), m.group("cn"), m.group("mult"))
        # 3—5万人: the multiplier of the upper end is the lower end's too (not 5000—2万人's)
        shared = value_of(m.group("arabic"), m.group("cn"), m.group("hi_mult"))
        if not (unit or m.group("mult")) and shared is not None and high is not None and shared <= high:
            low = shared
        return low, high, m.group("unit2") + (m.group("per") or "")
    if m.group("alt") and unit:
        unit += m.group("alt")
    if m.group("per") and unit:
        unit += m.group("per")  # 58万元/人: a ratio, not a sum
    # 582余万人次: the multiplier after 余 or 多
    return value_of(m.group("arabic"), m.group("cn"), m.group("mult") or m.group("more_mult")), None, unit


def number_at(m: re.Match[str]) -> int:
    """Where the number of a TARGET match starts (after its verb)."""
    for group in ("arabic", "cn", "pct", "half", "den", "fnum"):  # the commonest first
        at = m.start(group)
        if at >= 0:
            return at
    return m.start()


def is_number_token(m: re.Match[str], text: str, named: bool = False) -> bool:
    """Whether the match is a number standing as a quantity: not part of a date, an ordinal, a
    document number or a quoted code (“4050”), and a Chinese numeral only after a verb or where
    a list or a provision names it (`named`)."""
    if m.group("half") or m.group("den"):
        return bool(m.group("verb") or m.group("suffix"))
    if m.group("fnum"):
        return True  # after 占, 超, 达 …: a share written as a fraction
    if _ROUND_COUNT.match(text, number_at(m)) and m.group("unit") in _ROUND_UNITS \
            and _ACTION_BEFORE.search(text, max(0, number_at(m) - 4), number_at(m)):
        return True  # 创建百个标杆, 实施千项项目, 打造十处景区: a round count of what an action makes
    if m.group("bare") or m.group("cn") in _BARE:
        # 超万亿元, 突破千亿元: one of them; not 百姓, (直达)千家万户
        verb_at = m.start("verb")
        return (m.group("verb") in _BARE_VERBS and not text.startswith("万", m.end())
                and not (verb_at > 0 and text[verb_at - 1] in _REACHES_BEFORE))
    if not (m.group("arabic") or m.group("cn") or m.group("pct")):
        return False
    first = number_at(m)
    if first > 0 and (text[first - 1] in "第“\"〔[（(.．×÷=＝*" or text[first - 1].isdigit()
                      or ("A" <= text[first - 1].upper() <= "Z")):
        return False  # a letter before it: a code's or a name's (P2P, G20, PM2.5)
    opened = text.rfind("《", max(0, first - 100), first)
    if opened > text.rfind("》", 0, first) and not _CLAUSE_BREAK.search(text, opened, first):
        return False  # 《…稳定经济增长20条》: a title's number (not one after a 《 left open: …72号),2023年…)
    if (text.rfind("“", max(0, first - 20), first) > text.rfind("”", 0, first)
            and "”" in text[m.end():m.end() + 12]):
        return False  # 加强“重点工作5张报表”督查: a name's number, inside its quotes
    if _MEETING_AFTER.match(text, m.end()):
        return False  # 按照本市十二次党代会部署: a meeting's ordinal
    if text.endswith(("（含", "(含"), 0, first):
        return False  # 超过50人（含50人）: the bound's own note
    if _RANK.search(text, max(0, first - 2), first) and (m.group("pct") or m.group("unit") in _RANKED):
        return False  # 能效前5%, 前10名: a rank, not a quantity (2025年前80%… is a deadline's 前)
    # 一 is mostly no count (一个平台); a longer numeral or one with 万 is (新增就业一百二十万人)
    cn = m.group("cn")
    if cn and len(cn) > 1 and not _CN_PLACE.search(cn):
        return False  # 二三级医院, 三五家: two or three, not 23 or 35
    return named or not (cn and m.group("verb") not in CN_VERBS and len(cn) < 2 and not m.group("mult"))


_CLAUSE_BREAK = re.compile(r"[，,。；;]")
#: What an ordinal counts in a meeting's name (十二次党代会, 三次全会).
_MEETING_AFTER = re.compile(r"\s*(?:党代会|全会|全体会议|代表大会|人代会|常委会)")
#: A multiplier standing for one of it after a verb of a bound (超万亿元, 突破千亿元, 超百家).
_BARE = {"百": 100, "千": 1000, "万": 10_000}
#: A round numeral alone (十, 百, 千) counting what an action right before it makes (创建百个标杆,
#: 实施千项项目, 覆盖千家企业, 打造十处景区); not 千家万户 nor 百家争鸣.
_ROUND_COUNT = re.compile(r"[十百千](?=[个项家处门所条座场批](?![万争]))")
_ROUND_UNITS = frozenset({"个", "项", "家", "处", "门", "所", "条", "座", "场", "批"})
_ACTION_BEFORE = re.compile(r"(?:创建|实施|覆盖|打造|建成|建设|培育|认定|引进|推广|举办|开展|新建|改造|"
                            r"服务)$")
_BARE_VERBS = frozenset({"超", "超过", "突破", "达到", "达", "新增"})
#: 达 as a word's end (直达, 送达, 到达, 通达, 抵达, 传达, 下达, 转达, 表达): no bound.
_REACHES_BEFORE = frozenset("直送到通抵传下转表")
#: What a Chinese numeral of several characters has when it is one number (二十三, 二〇二〇).
_CN_PLACE = re.compile("[十百千〇零]")
#: 前 right before a number and after no date: a rank (能效前20%).
_RANK = re.compile(r"(?:^|[^年底末月日天])前$")
_RANKED = frozenset({"%", "名", "位"})
