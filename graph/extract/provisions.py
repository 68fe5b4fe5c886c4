"""Split a document part into provisions by its own headings: 一、 （一） 1. （1） 第X条.

Scraped pages often run a whole notice into one line, so headings are found inline as well,
wherever one starts right after a sentence ends (。；：) or a line breaks. Each provision keeps
its heading path (二、/（三）) and its span in the normalised text.

>>> [p.path for p in split_provisions("总则。一、目标。（一）到2025年。（二）其他。二、措施。", 0, 34)]
['', '一、', '一、/（一）', '一、/（二）', '二、']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CN = "一二三四五六七八九十"

#: Heading patterns by depth. Chapters and articles sit beside the numbered scheme.
HEADINGS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (0, re.compile(rf"第[{_CN}百零〇]{{1,5}}章")),
    (1, re.compile(rf"[{_CN}]{{1,3}}、")),
    (1, re.compile(rf"第[{_CN}百零〇]{{1,5}}条")),
    (2, re.compile(rf"[（(][{_CN}]{{1,3}}[）)]")),
    (3, re.compile(r"\d{1,2}[、.．](?!\d)")),
    (4, re.compile(r"[（(]\d{1,2}[）)]")),
)
#: The patterns of HEADINGS as one alternation, tried in their order (the first that matches at a
#: position wins, as a loop over them would find): one match per sentence start, not six.
_HEADING = re.compile("|".join(f"(?P<d{i}>{pat.pattern})" for i, (_d, pat) in enumerate(HEADINGS)))
_DEPTH = {f"d{i}": depth for i, (depth, _p) in enumerate(HEADINGS)}
_SUB_AFTER_TITLE = re.compile(rf"[^。；;！？!?\n（(第]{{2,24}}?(?P<sub>[（(][{_CN}]{{1,3}}[）)])")
_START = re.compile(r"(?:^|(?<=[。；;：:！!？?\n]))[ \t\u3000]*")


@dataclass(frozen=True)
class Provision:
    path: str  # heading path, "/"-joined: 二、/（三）; "" for the text before any heading
    heading: str
    start: int
    end: int


def split_provisions(text: str, start: int, end: int) -> list[Provision]:
    """Provisions of text[start:end], in order, covering the whole span."""
    marks: list[tuple[int, int, str]] = []  # (offset, depth, heading)
    for m in _START.finditer(text, start, end):
        pos = m.end()
        h = _HEADING.match(text, pos, end)
        if h:
            depth = _DEPTH[h.lastgroup or ""]
            marks.append((pos, depth, h.group(0)))
            # 二、加大工作力度，全面落实政策（三）各级政府…: a sub-item right after a heading's
            # title, with no full stop between them, opens a provision too.
            sub = _SUB_AFTER_TITLE.match(text, h.end(), end) if depth <= 1 else None
            if sub:
                marks.append((sub.start("sub"), 2, sub.group("sub")))
    out: list[Provision] = []
    stack: list[tuple[int, str]] = []
    if not marks or marks[0][0] > start:
        out.append(Provision("", "", start, marks[0][0] if marks else end))
    for i, (pos, depth, heading) in enumerate(marks):
        while stack and stack[-1][0] >= depth:
            stack.pop()
        stack.append((depth, heading))
        stop = marks[i + 1][0] if i + 1 < len(marks) else end
        out.append(Provision("/".join(h for _d, h in stack), heading, pos, stop))
    return [p for p in out if p.end > p.start]


_PAREN_NUMBER = re.compile(r"^[（(]([一二三四五六七八九十]{1,3})[）)]$")


def reattribute_interleaved(
    text: str, provisions: list[list[Provision]]
) -> tuple[list[list[Provision]], int]:
    """Give back to the embedded document the provisions a scrambled page put in the cover.

    Some pages interleave a 转发 notice with the document it forwards. The forwarded text's
    （一）…（十三） provisions then appear in the cover's region too. A cover provision headed
    （n）, where the embedded document uses （n） headings but lacks that n, and the cover never
    repeats that n (its own sub-items would restart under each 一、), is the embedded one's.
    """
    cover, rest = provisions[0], provisions[1:]
    if not rest:
        return provisions, 0
    embedded = rest[0]

    def numbers(ps: list[Provision]) -> list[str]:
        return [m.group(1) for p in ps if (m := _PAREN_NUMBER.match(p.heading))]

    have = set(numbers(embedded))
    cover_nums = numbers(cover)
    if len(have) < 2 or len(cover_nums) != len(set(cover_nums)):
        return provisions, 0
    moved = [p for p in cover if (m := _PAREN_NUMBER.match(p.heading)) and m.group(1) not in have]
    if not moved:
        return provisions, 0
    keep = [p for p in cover if p not in moved]
    return [keep, sorted(embedded + moved, key=lambda p: p.start), *rest[1:]], len(moved)


