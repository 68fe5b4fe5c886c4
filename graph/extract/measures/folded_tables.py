"""Tables a scraped page printed one cell per line, folded back into rows: numbered from 1
under a 序号 header (the numbering proves where each row starts), or unnumbered under a header
opening with a row-name head (地区, 指标, 实施单位) when the rows after it all share one shape: a
name, then numbers with words or blanks between or after them. No cell is guessed: a row out of
step ends a table."""

from __future__ import annotations

import re
from collections.abc import Iterator

from policygraph.extract.measures.table_cells import (
    BLANK,
    CAPTION_LINES,
    SPACED,
    VALUE_CELL,
    Line,
    Row,
    Table,
    caption,
    data_value,
)

#: A one-cell-per-line table's first header cell.
_ORDINAL_HEAD = re.compile(r"^序\s*号$")
#: How many header cells a folded table may have, and how long a header cell may be.
_MAX_COLUMNS, _HEADER_CHARS = 10, 24


def folded_tables(lines: list[Line]) -> Iterator[Table]:
    """One-cell-per-line tables: 序号 and the header cells after it up to the line 1, then rows of
    as many lines, each starting with the next number (the first row's length must be the
    header's). A row whose cells wrapped onto more lines (or fewer: a merged cell) does not fold
    and is left out, as is a last row not shaped like the first: no cell is guessed."""
    # a page may close each cell's line with its edge (序号 |, 1 |) or print the edge on a line of
    # its own between the cells: the cell is what the edges hold
    lines = [Line(t, ln.start, ln.end) for ln in lines if (t := ln.text.strip("|｜ \u3000").strip())]
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
        yield Table(tuple(header), tuple(rows), caption(lines[max(0, i - CAPTION_LINES):i]))
        i = at + 1


def _next_row(lines: list[Line], at: int, width: int, n: int) -> int | None:
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


def _shape(cells: list[Line]) -> tuple[bool, ...]:
    """Which cells of a row are numbers: a table's rows share it."""
    return tuple(bool(VALUE_CELL.match(c.text)) for c in cells)


#: The first header cell of an unnumbered one-cell-per-line table: what its rows' names are.
_NAME_HEAD = re.compile(r"^(?:地\s*区|区\s*域|指\s*标|项\s*目|名\s*称|类\s*别|区\s*县|市\s*州|乡\s*镇|"
                        r"街\s*镇|指标名称|项目名称|地区名称|单位名称|县\s*[（(]\s*市\s*[、,，]?\s*区\s*[)）]|"
                        r"县\s*市\s*区|(?:实\s*施|承\s*担)\s*单\s*位|"
                        r"乡?\s*镇\s*[（(]\s*街\s*道\s*[)）])$")
#: A heading over a group of rows (一、综合考核指标), spanning the table in a line of its own.
_GROUP_ROW = re.compile(r"^[一二三四五六七八九十]{1,3}[、.．]\S{1,20}$")
#: How many cells an unnumbered table's header may have, and how long a row's name may be.
_MAX_HEADED_COLUMNS, _NAME_CHARS = 16, 40


_EDGES = " \u3000\xa0|｜"


def cell_lines(text: str, start: int, end: int) -> list[Line]:
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
        out.append(Line(cell, at, at + len(cell)))
    return out


def headed_tables(cells: list[Line]) -> Iterator[Table]:
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
        for width in range(2, _MAX_HEADED_COLUMNS + 1):
            if not _heading(cells, i + width - 1):
                break
            if width == 2:
                continue
            rows = _shaped_rows(cells, i + width, width)
            if len(rows) >= 2 and len(rows) > len(best[1]):
                best = (width, rows)
        width, rows = best
        header = tuple(_heading_text(c) for c in cells[i:i + width])
        spanned = _spanned_header(cells, i)
        if spanned is not None:  # the plain reading of such a header takes its last cell for a row's name
            (header, rows), width = spanned, len(spanned[0])
        elif rows and _units_astray(header, rows):
            rows = []  # a unit heads a column of words: a spanned header this reading does not fit
        if not rows or _goes_on(cells, _end_of(rows, cells), width):
            i += 1  # rows that stop where cells like theirs go on: cells merged or missing, unread
            continue
        yield Table(header, tuple(rows), caption([c for c in cells[max(0, i - CAPTION_LINES):i] if c.text]))
        i = _end_of(rows, cells)


def _heading(cells: list[Line], at: int) -> bool:
    """Whether the cell at `at` may be a header's: short words or a year, no number or group row."""
    head = cells[at].text if at < len(cells) else ""
    return bool(head) and len(head) <= _HEADER_CHARS and "\t" not in head and "|" not in head \
        and not data_value(head) and not _GROUP_ROW.match(head)


def _heading_text(cell: Line) -> str:
    return SPACED.sub("", " ".join(cell.text.split()))  # 单 位: a cell's word wrapped


#: A header cell ending in its unit in brackets: 实施面积(亩), 商品有机肥 (吨).
_UNIT_HEADING = re.compile(r"[（(][^()（）\d]{1,8}[)）]$")


def _spanned_header(cells: list[Line], i: int) -> tuple[tuple[str, ...], list[Row]] | None:
    """A header printed in two rows where one top cell spans the measures below it (实施单位 |
    各项目内容实施任务 | 项目涉及村, then 实施面积(亩) | 商品有机肥(吨) | …): one cell more than a row
    has. The top row's length and the spanning cell are the only ones that put a unit-bearing
    heading over every column of numbers and none over a column of words; where that is not one
    arrangement, or the rows are fewer than two, there is no such header."""
    best: tuple[tuple[str, ...], list[Row]] | None = None
    for size in range(2, _MAX_HEADED_COLUMNS + 2):
        if not _heading(cells, i + size - 1):
            break
        if size < 4:
            continue
        rows = _shaped_rows(cells, i + size, size - 1)
        if len(rows) < 2:
            continue
        head = [_heading_text(c) for c in cells[i:i + size]]
        fits = [(*head[:p], *head[k:], *head[p + 1:k]) for k in range(2, size - 1) for p in range(1, k)]
        fits = [cols for cols in fits if _units_fit(cols, rows)]
        if len(fits) == 1 and (best is None or len(rows) > len(best[1])):
            best = (fits[0], rows)
    return best


def _units_fit(columns: tuple[str, ...], rows: list[Row]) -> bool:
    """Whether every column of numbers, and no column of words, is headed by a unit in brackets
    (the rows' names aside: 乡镇（街道） names places, not a unit)."""
    for j, heading in enumerate(columns[1:], start=1):
        values = [r.cells[j] for r in rows if r.cells[j] not in BLANK]
        numbers = bool(values) and all(VALUE_CELL.match(v) for v in values)
        if values and numbers != bool(_UNIT_HEADING.search(heading)):
            return False
    return True


def _units_astray(columns: tuple[str, ...], rows: list[Row]) -> bool:
    """Whether a unit in brackets heads a column of words (项目涉及村 under 商品有机肥(吨)): the
    header is not the rows'."""
    for j, heading in enumerate(columns[1:], start=1):
        values = [r.cells[j] for r in rows if r.cells[j] not in BLANK]
        if _UNIT_HEADING.search(heading) and values and not any(VALUE_CELL.match(v) for v in values):
            return True
    return False


def _shaped_rows(cells: list[Line], at: int, width: int) -> list[Row]:
    """The rows of `width` cells from `at` of one shape (which cells are numbers, which words;
    a blank cell fits either), passing over group headings."""
    rows: list[Row] = []
    shape: tuple[str, ...] = ("",) * width
    while at < len(cells):
        skip = 1 if _GROUP_ROW.match(cells[at].text) else 0
        chunk = cells[at + skip:at + skip + width]
        kinds = _kinds(chunk, width)
        if kinds is not None and _TOTAL.match(SPACED.sub("", chunk[0].text)):
            kinds = tuple("" if b == "w" else a for a, b in zip(kinds, shape, strict=True))  # 合计 … 7个村
        if kinds is None or any(a and b and a != b for a, b in zip(kinds, shape, strict=True)):
            return rows
        shape = tuple(a or b for a, b in zip(kinds, shape, strict=True))
        rows.append(Row(tuple(c.text for c in chunk), chunk[0].start, chunk[-1].end))
        at += skip + width
    return rows


#: A row of totals: where the other rows name things, it may count them (合计 … 7个村).
_TOTAL = re.compile(r"^(?:合计|总计|小计|全[市县区省]合?计?)$")


def _kinds(chunk: list[Line], width: int) -> tuple[str, ...] | None:
    """Each cell's kind in a row (n a number, w words, "" blank) if it is one: a name first, and
    a number at least; else None."""
    name = chunk[0].text if len(chunk) == width else ""
    if not name or len(name) > _NAME_CHARS or VALUE_CELL.match(name):
        return None
    kinds = tuple("" if c.text in BLANK else "n" if VALUE_CELL.match(c.text) else "w" for c in chunk)
    if "n" not in kinds or any(len(c.text) > _NAME_CHARS for c in chunk):
        return None
    return kinds


def _goes_on(cells: list[Line], at: int, width: int) -> bool:
    """Whether the table's cells go on at `at` although its rows stopped: as many cells as a row,
    short, one a number at least (a row short of a merged cell put the rows before out of step)."""
    after = cells[at:at + width]
    return (len(after) == width and all(len(c.text) <= _HEADER_CHARS for c in after)
            and any(VALUE_CELL.match(c.text) for c in after))


def _end_of(rows: list[Row], cells: list[Line]) -> int:
    """The index of the first cell after the last row."""
    last = rows[-1].end
    return next((j for j, c in enumerate(cells) if c.start >= last), len(cells))
