"""Sums of money a provision names (专项资金1100万元), in 元, each with the words before it."""

from __future__ import annotations

from policygraph.extract.measures.quantities import value_of, whole
from policygraph.extract.regexes import MONEY, SENTENCE
from policygraph.models import Money


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
            value = value_of(m.group("num"), None, m.group("mult")) or 0.0
            out.append(Money(whole(value), "元",
                             s.group(0)[max(0, m.start() - 20):m.end()].lstrip("，,。 "),
                             s.start() + m.start(), s.start() + m.end(), provision))
    return out
