"""The cells of a table as policy pages print them: the records of a row and a table, a text's
lines with their spans, a line's cells (tabs, pipes, columns of spaces), which cells are data,
and the caption above a table. table_rows.py reads tables of row lines, folded_tables.py
tables printed one cell per line; both build on these."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    """One row of a table: its cells, and where it stands in the text (for the evidence)."""

    cells: tuple[str, ...]
    start: int
    end: int

    @property
    def text(self) -> str:
        return " ".join(c for c in self.cells if c)


@dataclass(frozen=True)
class Table:
    """A table: its header row, its data rows, and the short lines right above it (附表3
    各区“十四五”交通光伏任务分配表), which name what it is and often its years."""

    header: tuple[str, ...]
    rows: tuple[Row, ...]
    caption: str


@dataclass(frozen=True)
class Line:
    text: str
    start: int
    end: int

def lines_of(text: str, start: int, end: int) -> list[Line]:
    """The non-blank lines of text[start:end], stripped, with their spans."""
    out = []
    for m in re.finditer(r"[^\n]+", text[start:end]):
        raw = m.group()
        stripped = raw.strip(" \r\u3000\xa0")
        if stripped.strip():
            lead = len(raw) - len(raw.lstrip(" \r\u3000\xa0"))
            out.append(Line(stripped, start + m.start() + lead, start + m.start() + lead + len(stripped)))
    return out

#: A Markdown table's rule under its header: |---|:---:|.
MD_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$")
#: How many short lines above a table may be its caption, and how long each may be.
CAPTION_LINES, _CAPTION_CHARS = 2, 40

#: The gap between two cells of a row a PDF's text sets out in columns: three spaces or more.
_GAP = re.compile(r"[ \u3000\xa0]{3,}")


def cells_of(line: str) -> tuple[str, ...] | None:
    """A line's cells if it is a table row: tab-separated, a Markdown row | a | b |, or columns
    set apart by runs of spaces (two cells only where one is a number or a year's heading)."""
    if "\t" in line:
        return tuple(" ".join(c.split()) for c in line.split("\t"))
    if line.startswith("|") and line.endswith("|") and line.count("|") >= 3:
        return tuple(" ".join(c.split()) for c in line[1:-1].split("|"))
    if line.endswith("|") and line.count("|") >= 2 and not line.startswith("|"):
        return tuple(" ".join(c.split()) for c in line[:-1].split("|"))  # 乡镇 | 新种任务(亩) | 备注 |
    parts = _GAP.split(line)  # a PDF's table set out in columns of spaces
    if len(parts) >= 3 or (len(parts) == 2 and any(data_value(p) or YEAR_CELL.match(p) for p in parts)):
        return tuple(" ".join(c.split()) for c in parts)
    return None

#: A cell of data: a number with what may stand by it (≥85, 12万人, 5.5%, 0.3-0.4); not a year
#: heading a column (2025年, 2021—2025年).
VALUE_CELL = re.compile(r"^[<>≤≥＜＞约]?\s*\d[\d.,]*\s*(?:[-—~～至]\s*\d[\d.,]*)?\s*\S{0,6}$")
YEAR_CELL = re.compile(r"^(?:(?:19|20)\d{2}\s*[-—–~～至]\s*)?(?:19|20)\d{2}\s*年?\S{0,6}$")


def data_value(cell: str) -> bool:
    return bool(VALUE_CELL.match(cell)) and not YEAR_CELL.match(cell)

def caption(above: list[Line]) -> str:
    """The short lines right above a table (附表3, 各区…任务分配表), joined; or the last sentence of
    a paragraph right above it that introduces it with a colon (…。各乡镇种植任务为（单位：亩）：)."""
    caption: list[str] = []
    for line in reversed(above[-CAPTION_LINES:]):
        cells = cells_of(line.text)
        words = [c for c in cells or () if c]
        if len(words) == 1 and not data_value(words[0]) and len(words[0]) <= _CAPTION_CHARS:
            caption.insert(0, words[0])  # 单位:万亩 | ||: a caption's line printed as a row
            continue
        if len(line.text) > _CAPTION_CHARS or cells is not None:
            if not caption and line.text.endswith(("：", ":")):
                last = re.split(r"[。；;！!？?]", line.text[:-1])[-1]
                return last if len(last) <= _CAPTION_CHARS else ""
            break
        caption.insert(0, line.text)
    return " ".join(caption)


#: A space set between the characters of a cell's word (地  区, 单 位, 种植 面积: a cell wrapped).
SPACED = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
#: A cell left blank in a row of numbers (a district with no share): no number, yet in its place.
BLANK = frozenset({"", "/", "／", "—", "——", "-", "－"})


#: A table's row a page printed with single spaces between its cells: a name, then numbers
#: (万州区 1900 300); and its header, words alone (责任单位 外贸出口目标 实到外资目标).
_SPACED_ROW = re.compile(r"^[^\s\d<>≤≥][^\s]{0,19}(?: [<>≤≥]?\d[\d.,]*%?){1,12}$")
_TASKS_NAMED = re.compile(r"目标|任务|计划|分解|下达|分配")
_SPACED_HEAD = re.compile(r"^[^\s\d][^\s]{0,23}(?: [^\s]{1,24}){1,12}$")


def spaced_rows(lines: list[Line]) -> dict[int, tuple[str, ...]]:
    """The cells of the lines that are a table printed with single spaces between its cells: a
    header of words, then two rows or more of as many cells, each a name and numbers, the header
    or its caption naming tasks or goals. Single spaces part words in prose too, and statistics
    and price lists are printed so: only this shape, of tasks, is read so."""
    out: dict[int, tuple[str, ...]] = {}
    i = 0
    while i < len(lines):
        head = lines[i].text
        width = head.count(" ") + 1
        j = i + 1
        named = " ".join(ln.text for ln in lines[max(0, i - 2):i + 1])
        if (_SPACED_HEAD.match(head) and not any(data_value(c) for c in head.split(" "))
                and _TASKS_NAMED.search(named)):
            while (j < len(lines) and _SPACED_ROW.match(lines[j].text)
                   and lines[j].text.count(" ") + 1 == width):
                j += 1
        if j - i > 2:
            for k in range(i, j):
                out[k] = tuple(lines[k].text.split(" "))
            i = j
        else:
            i += 1
    return out
