"""Where a provision's text breaks into the sentences targets are read in: at 。！？ and at line
breaks, except a line break that only wraps a line of a hard-wrapped page, so that the year or verb
before the break governs the numbers after it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from policygraph.extract.regexes import SENTENCE

#: What opens a new item on a line: 一、 （一） 1、 1. 第三条.
MARKER = re.compile(r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．]|"
                     r"第[一二三四五六七八九十百零〇\d]+[条章节]")
#: What no sentence starts with: a line starting with it goes on the line before.
_GOES_ON = "、，,；;）)”%"
#: What a sentence or a heading ends with.
_ENDS = "。！？!?；;：:"


def sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int, bool]]:
    """The sentences of text[start:end] as (start, end, whether a line break comes before it).
    A line break inside a sentence does not end it: pages hard-wrapped at a fixed width break
    lines anywhere (2005\n年底前, 培训\n\n、劳动预备制培训), and the year or verb before the
    break governs what follows it."""
    cur: list[int] | None = None
    prev_end, paragraph = start, False
    for s in SENTENCE.finditer(text, start, end):
        if s.group(0).isspace():
            continue
        paragraph = "\n" in text[prev_end:s.start()]
        prev_end = s.end()
        if cur is not None and paragraph and _wrapped(text, cur[0], cur[1], s.start()):
            cur[1] = s.end()
            continue
        if cur is not None:
            yield cur[0], cur[1], bool(cur[2])
        cur = [s.start(), s.end(), int(paragraph)]
    if cur is not None:
        yield cur[0], cur[1], bool(cur[2])


def _wrapped(text: str, a: int, b: int, nxt: int) -> bool:
    """Whether the line break between text[a:b] and the sentence at `nxt` only wraps a line: the
    next line starts with what goes on a sentence (、), or it is a single break after a long
    line ending mid-sentence, before an unindented line opening no new item."""
    line = text[text.rfind("\n", 0, b) + 1:b].strip()  # the whole line, not the sentence's end
    if not line or line[-1] in _ENDS:
        return False
    gap = text[b:nxt]
    first = text[nxt:nxt + 1]
    if first in _GOES_ON:
        return True
    if gap.count("\n") > 1 or not gap.endswith("\n") or first.isspace():
        return False
    return len(line) >= 15 and not MARKER.match(text, nxt)
