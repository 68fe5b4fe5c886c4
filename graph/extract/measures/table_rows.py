"""The tables of a provision's text, as rows of cells: where a policy document states its targets
as a table (指标 | 单位 | 2020年 | 2025年 | 属性; 区域 | 新增装机容量（MW） | 新增示范工程).

A table reaches the text in one of three shapes: an HTML table's rows as lines of tab-separated
cells (extract/read_html.py), a Markdown table's rows between pipes, or a scraped page's one cell per
line (序号, 区域, …, then 1, 黄浦区, …), which is folded back into rows here only where its
numbering (1, 2, 3 …) proves where each row starts and every row has as many cells as the header,
or, unnumbered, where a header opening with a row-name head (地区, 指标) is followed by rows that
all share one shape: a name, then numbers with words or blanks between or after them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
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
class _Line:
    text: str
    start: int
    end: int


def _lines(text: str, start: int, end: int) -> list[_Line]:
    """The non-blank lines of text[start:end], stripped, with their spans."""
    out = []
    for m in re.finditer(r"[^\n]+", text[start:end]):
        raw = m.group()
        stripped = raw.strip(" \r\u3000\xa0")
        if stripped.strip():
            lead = len(raw) - len(raw.lstrip(" \r\u3000\xa0"))
            out.append(_Line(stripped, start + m.start() + lead, start + m.start() + lead + len(stripped)))
    return out


#: A Markdown table's rule under its header: |---|:---:|.
MD_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$")
#: How many short lines above a table may be its caption, and how long each may be.
_CAPTION_LINES, _CAPTION_CHARS = 2, 40


#: The gap between two cells of a row a PDF's text sets out in columns: three spaces or more.
_GAP = re.compile(r"[ \u3000\xa0]{3,}")


def _cells(line: str) -> tuple[str, ...] | None:
    """A line's cells if it is a table row: tab-separated, a Markdown row | a | b |, or columns
    set apart by runs of spaces (two cells only where one is a number or a year's heading)."""
    if "\t" in line:
        return tuple(" ".join(c.split()) for c in line.split("\t"))
    if line.startswith("|") and line.endswith("|") and line.count("|") >= 3:
        return tuple(" ".join(c.split()) for c in line[1:-1].split("|"))
    if line.endswith("|") and line.count("|") >= 2 and not line.startswith("|"):
        return tuple(" ".join(c.split()) for c in line[:-1].split("|"))  # 乡镇 | 新种任务(亩) | 备注 |
    parts = _GAP.split(line)  # a PDF's table set out in columns of spaces
    if len(parts) >= 3 or (len(parts) == 2 and any(_data_value(p) or _YEAR_CELL.match(p) for p in parts)):
        return tuple(" ".join(c.split()) for c in parts)
    return None


#: What a text holding a table has: a row's tab or pipe, a 序号 header, columns of spaces.
_MAY_HOLD = re.compile(r"[\t|]|序\s*号|\S[ \u3000\xa0]{3,}\S")
#: A line holding a number alone (a one-cell-per-line table's cell), led by \n to be found fast.
_NUMBER_LINE = re.compile(r"\n[ \u3000\xa0]*[<>≤≥]?\d[\d.,]*%?[ \u3000\xa0\r]*(?=\n|$)")


def may_hold_table(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] may hold a table at all: a cheap test before tables_in."""
    return (_MAY_HOLD.search(text, start, end) is not None
            or _NUMBER_LINE.search(text, max(0, start - 1), end) is not None)


def tables_in(text: str, start: int, end: int) -> list[Table]:
    """The tables in text[start:end]: runs of two or more row lines under a header row (two
    header rows merged where one spans columns: 目标值 over 2022年 | 2025年), and
    one-cell-per-line tables numbered from 1 under a 序号 header. A run with no header of its
    own continues a table above `start` whose header it takes (a table's 一、就业规模 row opens a
    provision of its own); a run with no header anywhere is no table read."""
    lines = _lines(text, start, end)
    out: list[Table] = []
    run: list[tuple[int, tuple[str, ...]]] = []  # the row lines so far: index, cells
    for i, line in enumerate([*lines, _Line("", end, end)]):
        cells = _cells(line.text) if line.text else None
        if cells is not None and not (run and _titles_next(cells, run[-1][1])):
            if not MD_RULE.match(line.text):
                run.append((i, cells))
            continue
        table = _table_of(run, lines, text, start)
        if table is not None:
            out.append(table)
        run = [(i, cells)] if cells is not None else []  # the next table's title, or none
    out += _folded_tables(lines)
    # a heading of a group of rows (一、…指标) opens a provision: the header may stand above it,
    # and the rows after it show the shape of the few it holds
    around = _cell_lines(text, max(0, start - _ABOVE_CHARS), min(len(text), end + _ABOVE_CHARS))
    for table in _headed_tables(around):
        rows = tuple(r for r in table.rows if start <= r.start and r.end <= end)
        if rows:
            out.append(Table(table.header, rows, table.caption))
    return out


def _titles_next(cells: tuple[str, ...], before: tuple[str, ...]) -> bool:
    """Whether a row of one cell after a row of the table above opens the next table (附件2 | ||
    under a table's 合计 row): its caption's first line, not a heading of a group of rows."""
    words = [c for c in cells if c]
    return len(words) == 1 and _TABLE_TITLE.search(words[0]) is not None and sum(1 for c in before if c) > 1


#: A table's title or the label of an attachment it stands in (附件2, 附表1, …任务清单, …安排表).
_TABLE_TITLE = re.compile(r"^附\s*[件表]\s*[\d一二三四五六七八九十]*$|(?:表|清单|一览表)$")


def _table_of(run: list[tuple[int, tuple[str, ...]]], lines: list[_Line], text: str,
              start: int) -> Table | None:
    """The table a run of row lines makes: its header rows (up to two) and the rows after; a
    first row with one cell of words (| 专栏…主要指标 | | | |) is its caption."""
    titles = []  # 附件 | ||, …计划表 | ||, 单位：万亩 | ||: each a line of the caption
    while len(run) > 2 and sum(1 for c in run[0][1] if c) == 1 and not any(_data_value(c) for c in run[0][1]):
        titles.append(next(c for c in run[0][1] if c))
        run = run[1:]
    titled = " ".join(titles)
    width = max((len(c) for _i, c in run), key=lambda n: (sum(len(c) == n for _i, c in run), n), default=0)
    heads = 0
    while heads < min(2, len(run) - 1) and not any(_data_value(c) for c in run[heads][1]):
        heads += 1
    rows = tuple(Row(c, lines[k].start, lines[k].end) for k, c in run[heads:])
    if heads == 0:
        opens = bool(run) and all(len(ln.text) <= 30 for ln in lines[:run[0][0]])  # after a heading only
        above = _header_above(text, start, width) if opens else None
        return Table(above[0], rows, above[1]) if above is not None and rows else None
    header = run[0][1] if heads == 1 else _merged_header(run[0][1], run[1][1], width)
    if not rows:
        return None
    if len(header) == width - 1:
        header = ("", *header)  # the corner cell over the rows' names left empty (a PDF drops it)
    first = run[0][0]
    caption = _caption(lines[max(0, first - _CAPTION_LINES):first]) or titled
    return Table(header, rows, caption)


#: A cell of data: a number with what may stand by it (≥85, 12万人, 5.5%, 0.3-0.4); not a year
#: heading a column (2025年, 2021—2025年).
_VALUE_CELL = re.compile(r"^[<>≤≥＜＞约]?\s*\d[\d.,]*\s*(?:[-—~～至]\s*\d[\d.,]*)?\s*\S{0,6}$")
_YEAR_CELL = re.compile(r"^(?:(?:19|20)\d{2}\s*[-—–~～至]\s*)?(?:19|20)\d{2}\s*年?\S{0,6}$")


def _data_value(cell: str) -> bool:
    return bool(_VALUE_CELL.match(cell)) and not _YEAR_CELL.match(cell)


#: Header cells that span both header rows (a row's name, unit, attribute): the second header
#: row's cells sit under the others.
_SPANS_ROWS = re.compile(r"序号|指标|名称|项目|单位|属性|备注|类别|区域|地区|年份|内容|说明|部门")
_GROUP_GOAL = re.compile(r"目标|预期|规划|计划")


def _merged_header(top: tuple[str, ...], below: tuple[str, ...], width: int) -> tuple[str, ...]:
    """One header from two rows: the second row's cells go under the top row's cells that do
    not span both rows, one each from the left, the rest under the goal's (目标值 over 2022年
    and 2025年: 目标值2022年, 目标值2025年). The top row alone when they do not fit."""
    groups = [i for i, h in enumerate(top) if h and not (_SPANS_ROWS.search(h) and not _GROUP_GOAL.search(h))]
    if len(top) + len(below) - len(groups) != width or not groups or len(below) < len(groups):
        return top
    wide = next((i for i in groups if _GROUP_GOAL.search(top[i])), groups[-1])
    share = {i: 1 for i in groups}
    share[wide] += len(below) - len(groups)
    out: list[str] = []
    at = 0
    for i, h in enumerate(top):
        if i in share:
            out += [h + sub for sub in below[at:at + share[i]]]
            at += share[i]
        else:
            out.append(h)
    return tuple(out)


#: How far above a provision a table's header is looked for: lines, and characters.
_HEADER_REACH, _ABOVE_CHARS = 60, 4000


def _header_above(text: str, start: int, width: int) -> tuple[tuple[str, ...], str] | None:
    """The header (and caption) of a table that a provision's first rows continue: the nearest
    row above `start` with no data, as wide as the rows, across rows and short lines only."""
    above = _lines(text, max(0, start - _ABOVE_CHARS), start)[-_HEADER_REACH:]
    for k in range(len(above) - 1, -1, -1):
        cells = _cells(above[k].text)
        if cells is None:
            if len(above[k].text) > 30:
                return None  # prose: the table above, if any, ended
            continue
        if len(cells) == width and not any(_data_value(c) for c in cells):
            return cells, _caption(above[max(0, k - _CAPTION_LINES):k])
    return None


def _caption(above: list[_Line]) -> str:
    """The short lines right above a table (附表3, 各区…任务分配表), joined; or the last sentence of
    a paragraph right above it that introduces it with a colon (…。各乡镇种植任务为（单位：亩）：)."""
    caption: list[str] = []
    for line in reversed(above[-_CAPTION_LINES:]):
        cells = _cells(line.text)
        words = [c for c in cells or () if c]
        if len(words) == 1 and not _data_value(words[0]) and len(words[0]) <= _CAPTION_CHARS:
            caption.insert(0, words[0])  # 单位:万亩 | ||: a caption's line printed as a row
            continue
        if len(line.text) > _CAPTION_CHARS or cells is not None:
            if not caption and line.text.endswith(("：", ":")):
                last = re.split(r"[。；;！!？?]", line.text[:-1])[-1]
                return last if len(last) <= _CAPTION_CHARS else ""
            break
        caption.insert(0, line.text)
    return " ".join(caption)


#: A one-cell-per-line table's first header cell.
_ORDINAL_HEAD = re.compile(r"^序\s*号$")
#: How many header cells a folded table may have, and how long a header cell may be.
_MAX_COLUMNS, _HEADER_CHARS = 10, 24


def _folded_tables(lines: list[_Line]) -> Iterator[Table]:
    """One-cell-per-line tables: 序号 and the header cells after it up to the line 1, then rows of
    as many lines, each starting with the next number (the first row's length must be the
    header's). A row whose cells wrapped onto more lines (or fewer: a merged cell) does not fold
    and is left out, as is a last row not shaped like the first: no cell is guessed."""
    # a page may close each cell's line with its edge (序号 |, 1 |) or print the edge on a line of
    # its own between the cells: the cell is what the edges hold
    lines = [_Line(t, ln.start, ln.end) for ln in lines if (t := ln.text.strip("|｜ \u3000").strip())]
    i = 0
    while i < len(lines):
        if not _ORDINAL_HEAD.match(lines[i].text):
            i += 1
            continue
        width = next((k for k in range(2, _MAX_COLUMNS + 1)
                      if i + k < len(lines) and lines[i + k].text == "1"), None)
        header = [ln.text for ln in lines[i:i + width]] if width else []
        first_row = i + width if width else 0
        if (width is None or any(len(h) > _HEADER_CHARS or h.isdigit() for h in header[1:])
                or first_row + width >= len(lines) or lines[first_row + width].text != "2"):
            i += 1
            continue
        shape = _shape(lines[first_row:first_row + width])
        rows, at, n = [], first_row, 1
        while at < len(lines) and lines[at].text == str(n):
            nxt = _next_row(lines, at, width, n + 1)
            chunk = lines[at:nxt if nxt is not None else at + width]
            if len(chunk) == width and (nxt is not None or _shape(chunk) == shape):
                rows.append(Row(tuple(c.text for c in chunk), chunk[0].start, chunk[-1].end))
            if nxt is None:
                break
            at, n = nxt, n + 1
        yield Table(tuple(header), tuple(rows), _caption(lines[max(0, i - _CAPTION_LINES):i]))
        i = at + 1


def _next_row(lines: list[_Line], at: int, width: int, n: int) -> int | None:
    """Where row `n` starts, the row before starting at `at`: `width` lines on, or else (the
    row before wrapped, or merged cells) the nearest line reading `n` whose next row starts
    `width` lines after it, so that a cell holding the number n is not taken for it (the last
    row is found only where it should be)."""
    if at + width < len(lines) and lines[at + width].text == str(n):
        return at + width
    for k in [*range(at + width + 1, at + 2 * width + 2), *range(at + 1, at + width)]:
        if k >= len(lines) or lines[k].text != str(n):
            continue
        if k + width < len(lines) and lines[k + width].text == str(n + 1):
            return k
        if k > at + width and k + width == len(lines):
            return k  # the last row, after one that wrapped
    return None


def _shape(cells: list[_Line]) -> tuple[bool, ...]:
    """Which cells of a row are numbers: a table's rows share it."""
    return tuple(bool(_VALUE_CELL.match(c.text)) for c in cells)


#: The first header cell of an unnumbered one-cell-per-line table: what its rows' names are.
_NAME_HEAD = re.compile(r"^(?:地\s*区|区\s*域|指\s*标|项\s*目|名\s*称|类\s*别|区\s*县|市\s*州|乡\s*镇|"
                        r"街\s*镇|指标名称|项目名称|地区名称|单位名称|县\s*[（(]\s*市\s*[、,，]?\s*区\s*[)）]|"
                        r"县\s*市\s*区)$")
#: A heading over a group of rows (一、综合考核指标), spanning the table in a line of its own.
_GROUP_ROW = re.compile(r"^[一二三四五六七八九十]{1,3}[、.．]\S{1,20}$")
#: How many cells an unnumbered table's header may have, and how long a row's name may be.
_MAX_HEADED_COLUMNS, _NAME_CHARS = 16, 40
#: A space set between the characters of a cell's word (地  区, 单 位, 种植 面积: a cell wrapped).
SPACED = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
#: A cell left blank in a row of numbers (a district with no share): no number, yet in its place.
_BLANK = frozenset({"", "/", "／", "—", "——", "-", "－"})


_EDGES = " \u3000\xa0|｜"


def _cell_lines(text: str, start: int, end: int) -> list[_Line]:
    """The lines of text[start:end] as a one-cell-per-line table's cells: stripped of spaces and a
    closing edge (5300 |), a line of spaces alone kept as an empty cell (a page prints an empty
    cell so), empty lines and edges on lines of their own dropped. (_lines drops blank lines: a
    row of cells on one line has no empty line for a cell.)"""
    out = []
    for m in re.finditer(r"[^\n]+", text[start:end]):
        raw = m.group().rstrip("\r")
        if not raw or (raw.strip() and not raw.strip(_EDGES)):
            continue  # an edge printed on a line of its own between cells
        raw = raw.rstrip(_EDGES) if raw.rstrip().endswith(("|", "｜")) else raw  # 5300 |: a cell and its edge
        lead = len(raw) - len(raw.lstrip(" \u3000\xa0"))
        cell = raw.strip(" \u3000\xa0")
        at = start + m.start() + lead
        out.append(_Line(cell, at, at + len(cell)))
    return out


def _headed_tables(cells: list[_Line]) -> Iterator[Table]:
    """Unnumbered one-cell-per-line tables: a header of short cells (words, years) opening with a
    row-name head (地区 | 单位 | 海安县 | 如皋市 …; 指标 | 单位 | 2025年 | 属性), then rows of as many
    cells, each a name and numbers with words between or after, all rows of one shape; a group's
    heading between rows (一、综合考核指标) is passed over. The header's width is the one that gives
    the most such rows (two at least); a row not of the shape ends the table: no cell is guessed."""
    i = 0
    while i < len(cells):
        if not _NAME_HEAD.match(cells[i].text):
            i += 1
            continue
        best: tuple[int, list[Row]] = (0, [])
        for width in range(3, _MAX_HEADED_COLUMNS + 1):
            head = cells[i + width - 1] if i + width - 1 < len(cells) else None
            if (head is None or not head.text or len(head.text) > _HEADER_CHARS or "\t" in head.text
                    or "|" in head.text or _data_value(head.text) or _GROUP_ROW.match(head.text)):
                break
            rows = _shaped_rows(cells, i + width, width)
            if len(rows) >= 2 and len(rows) > len(best[1]):
                best = (width, rows)
        width, rows = best
        if not rows or _goes_on(cells, _end_of(rows, cells), width):
            i += 1  # rows that stop where cells like theirs go on: cells merged or missing, unread
            continue
        header = tuple(SPACED.sub("", " ".join(c.text.split())) for c in cells[i:i + width])  # 单 位
        yield Table(header, tuple(rows), _caption([c for c in cells[max(0, i - _CAPTION_LINES):i] if c.text]))
        i = _end_of(rows, cells)


def _shaped_rows(cells: list[_Line], at: int, width: int) -> list[Row]:
    """The rows of `width` cells from `at` of one shape (which cells are numbers, which words;
    a blank cell fits either), passing over group headings."""
    rows: list[Row] = []
    shape: tuple[str, ...] = ("",) * width
    while at < len(cells):
        skip = 1 if _GROUP_ROW.match(cells[at].text) else 0
        chunk = cells[at + skip:at + skip + width]
        kinds = _kinds(chunk, width)
        if kinds is None or any(a and b and a != b for a, b in zip(kinds, shape, strict=True)):
            return rows
        shape = tuple(a or b for a, b in zip(kinds, shape, strict=True))
        rows.append(Row(tuple(c.text for c in chunk), chunk[0].start, chunk[-1].end))
        at += skip + width
    return rows


def _kinds(chunk: list[_Line], width: int) -> tuple[str, ...] | None:
    """Each cell's kind in a row (n a number, w words, "" blank) if it is one: a name first, and
    a number at least; else None."""
    name = chunk[0].text if len(chunk) == width else ""
    if not name or len(name) > _NAME_CHARS or _VALUE_CELL.match(name):
        return None
    kinds = tuple("" if c.text in _BLANK else "n" if _VALUE_CELL.match(c.text) else "w" for c in chunk)
    if "n" not in kinds or any(len(c.text) > _NAME_CHARS for c in chunk):
        return None
    return kinds


def _goes_on(cells: list[_Line], at: int, width: int) -> bool:
    """Whether the table's cells go on at `at` although its rows stopped: as many cells as a row,
    short, one a number at least (a row short of a merged cell put the rows before out of step)."""
    after = cells[at:at + width]
    return (len(after) == width and all(len(c.text) <= _HEADER_CHARS for c in after)
            and any(_VALUE_CELL.match(c.text) for c in after))


def _end_of(rows: list[Row], cells: list[_Line]) -> int:
    """The index of the first cell after the last row."""
    last = rows[-1].end
    return next((j for j, c in enumerate(cells) if c.start >= last), len(cells))
