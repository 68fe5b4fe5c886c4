"""What a target measures: the words of its clause before the number, without the words of aim."""

from __future__ import annotations

import re

from policygraph.extract.regexes import INDICATOR_FLUFF


def indicator_of(clause: str) -> str | None:
    """What a target measures: its clause's words before the number, without the words of aim
    (确保, 全年, 到2020年 …), at most 24 characters. Words of aim ending the clause are left out
    first (全市新增光伏装机容量确保达到120MW: 新增光伏装机容量, not nothing)."""
    indicator = _plain(INDICATOR_FLUFF.sub("", clause))
    if not indicator:
        indicator = _plain(INDICATOR_FLUFF.sub("", _AIM_AT_END.sub("", clause)))
    return indicator[-24:] if indicator else None


def _plain(words: str) -> str:
    return re.sub(r"[“”\"‘’\s]", "", words).strip("，,（(").removesuffix("分别")


#: Words of aim right before a target's verb: 确保达到, 力争达到.
_AIM_AT_END = re.compile(r"(?:千方百计|确保|力争|争取|实现|完成)+$")
