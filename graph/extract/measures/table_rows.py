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

from policygraph.extract.measures.folded_tables import cell_lines, folded_tables, headed_tables
from policygraph.extract.measures.table_cells import (
    CAPTION_LINES,
    MD_RULE,
    Line,
    Row,
    Table,
    caption,
    cells_of,
    data_value,
    lines_of,
    spaced_rows,
)

#: What a text holding a table has: a row's tab or pipe, a 序号 header, columns of spaces, a
#: row of a name and numbers parted by single spaces (万州区 1900 300).
_MAY_HOLD = re.compile(r"[\t|]|序\s*号|\S[ \u3000\xa0]{3,}\S|[^\s\d] \d[\d.,]*%? \d")
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
    lines = lines_of(text, start, end)
    out: list[Table] = []
    run: list[tuple[int, tuple[str, ...]]] = []  # the row lines so far: index, cells
    spaced = spaced_rows(lines)
    for i, line in enumerate([*lines, Line("", end, end)]):
        cells = spaced.get(i) or (cells_of(line.text) if line.text else None)
        if cells is not None and not (run and _titles_next(cells, run[-1][1])):
            if not MD_RULE.match(line.text):
                run.append((i, cells))
            continue
        table = _table_of(run, lines, text, start)
        if table is not None:
            out.append(table)
        run = [(i, cells)] if cells is not None else []  # the next table's title, or none
    out += folded_tables(lines)
    # a heading of a group of rows (一、…指标) opens a provision: the header may stand above it,
    # and the rows after it show the shape of the few it holds
    around = cell_lines(text, max(0, start - _ABOVE_CHARS), min(len(text), end + _ABOVE_CHARS))
    for table in headed_tables(around):
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


def _table_of(run: list[tuple[int, tuple[str, ...]]], lines: list[Line], text: str,
              start: int) -> Table | None:
    """The table a run of row lines makes: its header rows (up to two) and the rows after; a
    first row with one cell of words (| 专栏…主要指标 | | | |) is its caption."""
    titles = []  # 附件 | ||, …计划表 | ||, 单位：万亩 | ||: each a line of the caption
    while len(run) > 2 and sum(1 for c in run[0][1] if c) == 1 and not any(data_value(c) for c in run[0][1]):
        titles.append(next(c for c in run[0][1] if c))
        run = run[1:]
    titled = " ".join(titles)
    width = max((len(c) for _i, c in run), key=lambda n: (sum(len(c) == n for _i, c in run), n), default=0)
    heads = 0
    while heads < min(2, len(run) - 1) and not any(data_value(c) for c in run[heads][1]):
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
    labels = sum(1 for h in header if h) + (not header[0])
    if any(_unplaced(r.cells, labels) for r in rows):
        return None  # more cells in a row than headings over them: a flattened header lost its spans
    first = run[0][0]
    named = caption(lines[max(0, first - CAPTION_LINES):first]) or titled
    return Table(header, rows, named)

def _unplaced(cells: tuple[str, ...], labels: int) -> bool:
    """Whether a row has more cells than there are headings over them, beyond one of words at
    its end (约束性 under an unlabelled 属性 column)."""
    filled = [c for c in cells if c]
    return len(filled) > labels + (not data_value(filled[-1]) if filled else 0)


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
    above = lines_of(text, max(0, start - _ABOVE_CHARS), start)[-_HEADER_REACH:]
    for k in range(len(above) - 1, -1, -1):
        cells = cells_of(above[k].text)
        if cells is None:
            if len(above[k].text) > 30:
                return None  # prose: the table above, if any, ended
            continue
        if len(cells) == width and not any(data_value(c) for c in cells):
            return cells, caption(above[max(0, k - CAPTION_LINES):k])
    return None

