"""Quantitative targets (城镇登记失业率控制在4.5％左右) and sums of money of a provision, each with
its raw text and span; values have 万/亿/千 folded in."""

from __future__ import annotations

import bisect
import re

from policygraph.extract.regexes import INDICATOR_FLUFF, LIST_BREAK, MONEY, SENTENCE, TARGET, TARGET_CONTEXT
from policygraph.models import Money, Target


def _fold(num: str, mult: str | None) -> float:
    value = float(num) * {"万": 1e4, "亿": 1e8, "千": 1e3}.get(mult or "", 1)
    return round(value, 6)


def _number(v: float) -> float | int:
    return int(v) if float(v).is_integer() else v


def targets_in(text: str, start: int, end: int, year: int | None, provision: str = "") -> list[Target]:
    """Quantitative targets in text[start:end] (the provision `provision`): indicator, value,
    unit, comparator, year.

    >>> text = "今年城镇登记失业率控制在4.5%左右，新增就业10万人以上。"
    >>> [(t.indicator, t.value, t.unit, t.comparator) for t in targets_in(text, 0, len(text), 2003)]
    [('城镇登记失业率', 4.5, '%', 'about'), ('新增就业', 100000, '人', 'at_least')]
    """
    out = []
    for s in SENTENCE.finditer(text, start, end):
        sent = _Sentence(s.group(0))
        for m in TARGET.finditer(sent.text):
            target = _target(m, sent, s.start(), year, provision)
            if target is not None:
                out.append(target)
    return out


_TARGET_YEAR = re.compile(r"(?:到|至)?(\d{4})年")
_THIS_YEAR = re.compile(r"今年|全年|当年")


class _Sentence:
    """A sentence, with what a target in it is read against found once: where each clause
    starts, and the first context word, target year and "this year" word. Each of those
    patterns' matches has one length (or two that nest), so the first match in the sentence
    is the first before a target if any is; searching the text before each target instead
    made a long sentence quadratic."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.breaks = [b.end() for b in LIST_BREAK.finditer(text)]
        self.context = TARGET_CONTEXT.search(text)
        self.year = _TARGET_YEAR.search(text)
        self.this_year = _THIS_YEAR.search(text)

    def clause_start(self, at: int) -> int:
        i = bisect.bisect_right(self.breaks, at)
        return self.breaks[i - 1] if i else 0

    @staticmethod
    def before(m: re.Match[str] | None, at: int) -> bool:
        return m is not None and m.end() <= at


def _target(m: re.Match[str], sent: _Sentence, offset: int, year: int | None,
            provision: str) -> Target | None:
    """The target a TARGET match states, or None if it is a date, an ordinal or lacks a verb
    or a context that makes it a target."""
    text, at = sent.text, m.start()
    unit = m.group("unit") or ""
    if not m.group("num") or text[m.end():m.end() + 1] in "元年月日号":
        return None
    if m.start("num") > 0 and text[m.start("num") - 1] in "第“\"":
        return None
    has_verb = bool(m.group("verb")) or bool(m.group("suffix"))
    if not unit or not (has_verb or sent.before(sent.context, at)):
        return None
    clause_start = sent.clause_start(at)
    clause = text[clause_start:at]
    mult = m.group("mult")
    if unit == "万人":
        unit, mult = "人", "万"
    indicator = re.sub(r"[“”\"‘’\s]", "", INDICATOR_FLUFF.sub("", clause)).strip("，,（(") or None
    if indicator and len(indicator) > 24:
        indicator = indicator[-24:]
    stated = sent.year if sent.before(sent.year, at) else None
    if stated is not None:
        target_year: int | None = int(stated.group(1))
    else:
        target_year = year if sent.before(sent.this_year, at) else None
    return Target(
        indicator=indicator,
        value=_number(_fold(m.group("num"), mult)),
        unit=unit,
        comparator=_comparator(m.group("verb"), m.group("suffix")),
        year=target_year,
        text=(clause + text[at:m.end()]).strip("，, "),
        start=offset + clause_start,
        end=offset + m.end(),
        provision=provision,
    )


def _comparator(verb: str | None, suffix: str | None) -> str:
    if suffix in ("左右", "上下"):
        return "about"
    if suffix in ("以内", "以下", "之内") or verb in ("不超过", "不高于", "低于", "降低到", "降低至", "降至",
                                                 "下降到", "控制在"):
        return "at_most"
    if suffix == "以上" or verb in ("不低于", "不少于", "达到", "超过", "高于", "提高到", "提高至"):
        return "at_least"
    return "equal"


def money_in(text: str, start: int, end: int, provision: str = "") -> list[Money]:
    """Sums of money in text[start:end] (the provision `provision`), in 元, each with the words
    before it.

    >>> text = "市政府每年安排专项资金1100万元，另安排贴息资金0.5亿元。"
    >>> [(m.value, m.unit) for m in money_in(text, 0, len(text))]
    [(11000000, '元'), (50000000, '元')]
    """
    out = []
    for s in SENTENCE.finditer(text, start, end):
        for m in MONEY.finditer(s.group(0)):
            out.append(Money(_number(_fold(m.group("num"), m.group("mult"))), "元",
                             s.group(0)[max(0, m.start() - 20):m.end()].lstrip("，,。 "),
                             s.start() + m.start(), s.start() + m.end(), provision))
    return out

