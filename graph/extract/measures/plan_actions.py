"""Whether a number counts a work plan's action: 新建绿色矿山50座, 实施30项市级疏堵工程, and under a
plan's year any action of it or the measure a township's numbered list sets (1.水稻播种面积3245亩).
targets.py asks this of numbers no verb or goal word names."""

from __future__ import annotations

import re

from policygraph.extract.measures import target_rules as rules
from policygraph.extract.measures.sentence_breaks import MARKER
from policygraph.extract.measures.target_exclusions import DURATIONS
from policygraph.extract.measures.target_numbers import number_at
from policygraph.extract.measures.target_sentences import Sentence

#: Where a phrase of a work plan's action starts: after the clause break or the table cell's edge
#: before it, or after the count ending the list's item before it (实施重点项目1900个、投资2000万元
#: 以上的技改项目3000个).
_PHRASE_BREAK = re.compile(r"[，,；;：:|｜\t]|(?<=\d[个项家所座条处户套台辆名])、")
_PHRASE_REACH = 40
#: A list's item under a plan's year that is a goal: an action (1.推广测土配方施肥67000亩) or a measure
#: (1.水稻播种面积3245亩); not a site (6.平潭会议中心员工宿舍152套), what a goal covers.
_PLANNED_ITEM = re.compile(rf"^[^\d，,]{{0,6}}?(?:{rules.ACTION_WORD}|推广|种植|播种|栽植|造林|育秧|育苗)|"
                           r"(?<!受灾|成灾|发生|闲置|撂荒|现有|耕地|林地|建筑|占地|用地)(?:面积|产量)$")
#: ..., not a body, a building or its people (2.县农技推广中心职工32人, 6.种植大户152户), what exists.
_NO_GOAL_ITEM = re.compile(r"中心|大厦|大楼|宿舍|指挥部|成员|职工|办公室|^(?:种植|养殖)?大户|推广站|"
                           r"建设单位|实施主体|建设银行|建成区|用地面积")


def action_count(m: re.Match[str], sent: Sentence, planned: bool = False) -> bool:
    """Whether the number counts a work plan's action (新建绿色矿山50座; rules.action_count);
    under a plan's year any action of it (招募志愿者3000名, 维修养护农村供水工程1900处)."""
    at = number_at(m)
    start = -1 if at > _PHRASE_REACH else 0
    for b in _PHRASE_BREAK.finditer(sent.text, max(0, at - _PHRASE_REACH), at):
        start = b.end()
    if m.group("unit") in DURATIONS:
        return False  # 开展3个月专项行动: how long
    if start < 0:
        return False
    phrase = sent.text[start:at].strip()
    opens = not phrase or MARKER.fullmatch(phrase) is not None
    if planned and opens and rules.places_action(sent.text[m.end():m.end() + 8]):
        return True  # 2.50个小区新增电动自行车充电设施: how many places the plan's action reaches
    after = sent.text[m.end():m.end() + 2]
    marker = MARKER.match(phrase)  # 5.建成家庭养老床位7000张: the item's number is no word of it
    if marker:  # under a plan's year an action or a measure (2.平潭县…住房238间 lists scope)
        item = phrase[marker.end():].lstrip()  # 1.*改建…: a star between
        goal_item = _PLANNED_ITEM.search(item) is not None and not _NO_GOAL_ITEM.search(item)
        return rules.action_count(item, after, planned and goal_item)
    return rules.action_count(phrase, after, planned)
