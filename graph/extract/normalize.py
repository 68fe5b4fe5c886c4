"""Fold the many spellings of the same text into one, keeping a map back to the source.

Steps, in order:
1. pinyin annotations that scraped pages inject after polyphonic characters are removed
   (`發(fā)` → `發`); this must come first, while the annotation still follows the character
   it belongs to; so are Markdown's strong-emphasis marks (`**发布日期**：…` → `发布日期：…`),
   which split a page field's label from its value; and the line breaks of text wrapped at a
   fixed width (a PDF's lines, each as wide as the page, breaking sentences), so a sentence is
   whole again;
2. Kangxi radicals (⼈, ⽅: a PDF's glyphs) → the ideographs they look like (NFKC), then
   traditional → simplified with OpenCC (`連政發` → `连政发`, `號` → `号`);
3. full-width digits, letters and ％ are folded to ASCII, ideographic and other Unicode spaces
   to spaces.

Only step 1 changes the length of the text, so the map back to the original is a short list
of deletion points rather than one integer per character.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Any

#: A pinyin syllable in brackets right after a Han character, with at least one tone mark
#: (or ü), so that ordinary bracketed Latin text such as 附件(a) is never touched.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
PINYIN_ANNOTATION = re.compile(
    rf"(?<=[\u3400-\u9fff])[(（](?=[a-z{_TONED}]{{0,6}}[{_TONED}])[a-z{_TONED}]{{1,7}}[)）]"
)

#: Kangxi radicals, each the ideograph it looks like (⼀ → 一, ⼈ → 人): NFKC's mapping.
_KANGXI = {c: ord(unicodedata.normalize("NFKC", chr(c))) for c in range(0x2F00, 0x2FD6)}
_FULLWIDTH = {
    **{0xFF10 + i: 0x30 + i for i in range(10)},
    **{0xFF21 + i: 0x41 + i for i in range(26)},
    **{0xFF41 + i: 0x61 + i for i in range(26)},
    0xFF05: ord("%"),
    0x3000: ord(" "),
    0x00A0: ord(" "),
    0xFEFF: ord(" "),  # a stray byte-order mark inside text
    # the other spaces of Unicode (en, em, thin … spaces: a signature line padded with \u2002)
    **{c: ord(" ") for c in (*range(0x2000, 0x200B), 0x202F, 0x205F)},
}


@dataclass(frozen=True)
class Normalized:
    """Normalised text and the deletion points that map it back to the original.

    `cuts[i]` is the normalised offset after which `shifts[i]` original characters (in all)
    have been removed.
    """

    text: str
    original: str
    cuts: tuple[int, ...] = ()
    shifts: tuple[int, ...] = ()

    def to_original(self, pos: int) -> int:
        """Offset in the original text of normalised offset `pos`."""
        i = bisect.bisect_right(self.cuts, pos) - 1
        return pos + (self.shifts[i] if i >= 0 else 0)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Original span of normalised span [start, end)."""
        if end <= start:
            o = self.to_original(start)
            return o, o
        return self.to_original(start), self.to_original(end - 1) + 1


@functools.cache
def _converter() -> Any:
    """One OpenCC converter per process: building it reads its dictionaries from disk."""
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → simplified, guaranteed to keep the length (and so every offset)."""
    if not text:
        return text
    conv = _converter()
    out = conv.convert(text)
    if len(out) == len(text):
        return out
    # A phrase rule changed the length somewhere: redo line by line, char by char if needed.
    lines = []
    for line in text.splitlines(keepends=True):
        converted = conv.convert(line)
        if len(converted) != len(line):
            converted = "".join(c if len(c := conv.convert(ch)) == 1 else ch for ch in line)
        lines.append(converted)
    return "".join(lines)


#: A run of asterisks not right after a digit: Markdown's ** of strong emphasis, or a mask
#: (王**, 1**人次, 2**10 keep theirs).
_STARS = re.compile(r"(?<!\d)\*{2,}")


def _marks(text: str) -> list[tuple[int, int]]:
    """The spans step 1 removes, in order: pinyin annotations, and the runs of asterisks of a line
    that pair up (**发布日期**：…; an odd one out is a mask, 关于**的通知, and the line keeps all)."""
    spans = [(m.start(), m.end()) for m in PINYIN_ANNOTATION.finditer(text)] + _wrap_breaks(text)
    if "**" in text:
        line: list[tuple[int, int]] = []
        line_end = -1
        for m in _STARS.finditer(text):
            if m.start() > line_end:
                spans += line if len(line) % 2 == 0 else []
                line = []
                found = text.find("\n", m.end())
                line_end = len(text) if found < 0 else found
            line.append((m.start(), m.end()))
        spans += line if len(line) % 2 == 0 else []
    return sorted(spans)


#: A line that ends its sentence or clause, and a line that opens an item or a heading: no
#: wrap between them.
_LINE_ENDS = frozenset("。！？!?；;：:")
_CLOSERS = "”’\"'）)】」』》"
_OPENS_ITEM = re.compile(r"[ \t\u3000]*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|"
                         r"\d+[、.．）)]|第[一二三四五六七八九十百\d]+[条章节部编]|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+[、.．]|"
                         r"[A-Z][、.．]|[一二三四五六七八九十]是|附件|附表|抄送|[—－-]{2}|[①-⑳•·#|])")
#: A line of a layout the joining must leave alone: a table's row (| a | b |, tab-separated
#: cells) or columns aligned with runs of spaces.
_LAYOUT = re.compile(r"^\||\|$|\t| {2,}|\u3000{2,}\S")
#: How wide (in GB 18030 bytes: a Chinese character 2, an ASCII one 1) a line must be to count
#: among a page's long lines, what share of those lines must be full (as wide as the most common
#: width, or up to a tenth narrower), and that tenth.
_WRAP_MIN, _WRAP_SHARE, _WRAP_FULL = 40, 0.5, 0.9


#: A line's words between the spaces around them (its span is the words' span).
_LINE = re.compile(r"^[ \t\r\u3000]*(.*?)[ \t\r\u3000]*$", re.M)


def _wrap_breaks(text: str) -> list[tuple[int, int]]:
    """The breaks of text wrapped at a fixed width: most of its long lines are full (about as
    wide as one another), and a full line not ending a sentence goes on in the next, unless that
    opens an item. Each span runs from the line's last character to the next line's first."""
    if text.count("\n") < 8:
        return []
    text = text.translate(_KANGXI)  # ⼀、 of a PDF opens an item as 一、 does (same length)
    lines = [(m.start(1), m.end(1), m.group(1)) for m in _LINE.finditer(text)]
    widths = [len(t.encode("gb18030", "replace")) for _s, _e, t in lines]
    long = [w for w in widths if w >= _WRAP_MIN]
    if len(long) < 8:
        return []
    mode = Counter(long).most_common(1)[0][0]
    low = mode * _WRAP_FULL  # a justified line holding digits or quotes is a little narrower

    def full(w: int) -> bool:
        return low <= w <= mode + 2

    if sum(map(full, long)) < _WRAP_SHARE * len(long):
        return []
    out = []
    for (_start, last, line), width, (first, _end, nxt) in zip(lines, widths, lines[1:], strict=False):
        if (not full(width) or line.rstrip(_CLOSERS)[-1:] in _LINE_ENDS or not nxt
                or _OPENS_ITEM.match(nxt) or _LAYOUT.search(line) or _LAYOUT.search(nxt)):
            continue
        if not (line[-1].isascii() and line[-1].isalpha() and nxt[0].isascii() and nxt[0].isalpha()):
            out.append((last, first))  # 2025\n年 and 202\n3 join, word\nword would not
    return out


def strip_marks(text: str) -> tuple[str, tuple[int, ...], tuple[int, ...]]:
    """Remove injected pinyin annotations, Markdown's marks of strong emphasis and the breaks of
    text wrapped at a page's width (step 1); return the text and its deletion map.

    >>> strip_marks("發(fā)展和關(guān)于")
    ('發展和關于', (1, 4), (4, 10))
    >>> strip_marks("> **发布日期**：2026年")[0]
    '> 发布日期：2026年'
    >>> strip_marks("《关于**的通知》，培训1**人次")[0]
    '《关于**的通知》，培训1**人次'
    """
    pieces: list[str] = []
    cuts: list[int] = []
    shifts: list[int] = []
    last = 0
    removed = 0
    out_len = 0
    for start, end in _marks(text):
        piece = text[last:start]
        pieces.append(piece)
        out_len += len(piece)
        removed += end - start
        cuts.append(out_len)
        shifts.append(removed)
        last = end
    if not cuts:
        return text, (), ()
    pieces.append(text[last:])
    return "".join(pieces), tuple(cuts), tuple(shifts)


def normalize(text: str) -> Normalized:
    """Normalise `text` for extraction. Pure: the same input always gives the same output.

    >>> normalize("連政發(fā)〔２００３〕97號").text
    '连政发〔2003〕97号'
    """
    stripped, cuts, shifts = strip_marks(text)
    simplified = to_simplified(stripped.translate(_KANGXI))
    folded = simplified.translate(_FULLWIDTH)
    return Normalized(folded, text, cuts, shifts)
