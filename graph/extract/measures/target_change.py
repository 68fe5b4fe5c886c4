"""Whether a target's value is a rise or a cut from the present (增长5%左右: increase; 能耗降低2.5%:
decrease; 新增就业10万人: increase) or a level to reach (提高到80%, 降至, 控制在: none), read from
the verb before the value and the words before it."""

from __future__ import annotations

import re

#: Verbs and words right before a value that make it a rise or a cut from the present (增长5%,
#: 能耗降低2.5%, 新增就业10万人), not a level to reach (增长到, 降至, 控制在).
_RISE = frozenset({"增长", "增加", "提高", "提升", "新增", "净增"})
_CUT = frozenset({"下降", "降低", "减少", "压缩", "压减", "缩短", "再降", "削减"})
_SINCE = r"(?:比|较)(?:上年|去年|上年度|同期|(?:19|20)\d{2}年)(?:同期)?"  # 比上年同期增8%
_RISE_BEFORE = re.compile(r"(?:(?:增长|增加|提高|提升|上升|上涨|增速|增幅|涨幅)率?\s*(?:约|达到?|为|在)?"
                          rf"|{_SINCE}增)\s*$")
_CUT_BEFORE = re.compile(r"(?:(?:下降|降低|减少|降幅|削减|缩减|减排|压减|压缩)率?\s*(?:约|达到?|为|在)?"
                         rf"|{_SINCE}减)\s*$")


def change_of(verb: str | None, clause: str) -> str | None:
    """increase | decrease when the value is a rise or a cut from the present, else None."""
    if verb in _RISE:
        return "increase"
    if verb in _CUT:
        return "decrease"
    if verb is None or verb in ("达到", "达", "为"):
        if _RISE_BEFORE.search(clause) or _NEW.match(clause):
            return "increase"
        if _CUT_BEFORE.search(clause):
            return "decrease"
    return None


#: 新增就业10万人, 全年净增…: a count of what is added.
_NEW = re.compile(r"^\s*(?:全年|今年|每年|年均)?(?:新增|净增)")
