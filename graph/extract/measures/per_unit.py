"""Per-unit provisions: a place or a person each of a set of units is to have (每个乡、镇设置一所
卫生院, 各有关省（市）要明确一位负责同志), which the annotation guides count as targets, a statute's
norms too; read apart from target_rules.py's classes of non-targets."""

from __future__ import annotations

import re

#: Each of a set of units (每个乡镇, 各市、区, 各有关省（市）): who is to have what follows.
EACH_UNIT = re.compile(r"每一?个|各(?:有关)?(?:省|市|县|区|乡|镇|村|街道|社区|地|部门|单位|机关|学校)")
#: Providing it, right before the number (由政府设置, 至少规划建设, 培育, 明确, 至少挂牌督办).
PROVIDES = re.compile(r"(至少|原则上)?(?:应当|应|要|须|都)?(?:单独)?(?:规划)?"
                      r"(?:设置|设立|建立|建设|建成|新建|培育|打造|创建|明确|配备|确定|(?:挂牌)?督办|建有|办)"
                      r"(至少)?$")
#: What a provision counts: places and people.
PROVIDED_UNITS = frozenset({"所", "个", "家", "名", "位", "处"})
#: A place or a person ending the words after 个/处 (一个村卫生室, 一个…培训基地; not 一个机制).
FACILITY = re.compile(r"(?:院|室|站|所|校|园|馆|中心|基地|机构|队|点|场|库|班|窗口|同志|人员|员|"
                      r"村|企业|项目|隐患|公墓)"
                      r"(?:[（(][^）)]*[）)])?$")
_CLAUSE_END = re.compile(r"[，,；;。]")


#: How far before a number its verb, and before the verb its subject, are looked for (and after
#: it its noun): bounded, so that a sentence with many numbers is read in linear time.
_VERB_REACH = 12
_SUBJECT_REACH = 120


def provided(text: str, at: int, end: int, unit: str | None) -> str | None:
    """每个乡、镇设置一所卫生院, 各有关省（市）要明确一位负责同志: a place or a person each of a set
    of units is to have (the per-unit provisions the annotation guides count as targets, norms
    of statutes too); its comparator ("at_least" after 至少), or None. `at`/`end`: the number's
    start and the match's end in the sentence `text`."""
    if unit not in PROVIDED_UNITS:
        return None
    verb = PROVIDES.search(text, max(0, at - _VERB_REACH), at)
    if verb is None or not EACH_UNIT.search(text, max(0, verb.start() - _SUBJECT_REACH), verb.start()):
        return None
    stop = _CLAUSE_END.search(text, end, end + _SUBJECT_REACH)
    after = text[end:stop.start() if stop else min(len(text), end + _SUBJECT_REACH)].rstrip()
    if unit in ("个", "处") and not FACILITY.search(after):
        return None
    return "at_least" if "至少" in (verb.group(1), verb.group(2)) else "equal"
