"""Targets a table states: a plan's table of indicators (指标 | 单位 | 2020年 | 2025年 | 属性: the
2025 column), a table allocating a target among places (区域 | 新增装机容量（MW）: each district's
share) or over years (年份 | 达标面积 | 占比: each year's row).

A column holds targets when its header names a goal (目标, 预期, 计划, 新增) or a year the document
looks forward to; when no header does, the numeric columns do if the caption or the header says
the table sets tasks (任务分配表, 指标分解). A column of a year already past, a base (现状, 基期),
a score (分值), a standard or a subsidy (补贴标准) holds none. Each cell is one target, its unit from
the cell, the unit column, the header's brackets （MW） or the indicator's; a count with none
counts 个, unless the unit column says there is none (/: a ratio or an index). Years: the
column's, the row's (年份), the caption's plan (“十四五”) or the ones governing the provision.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from policygraph.extract.measures import target_rules as rules
from policygraph.extract.measures.quantities import RANGE_DASH, UNITS, number_pattern, value_of, whole
from policygraph.extract.measures.table_cells import SPACED, Row, Table
from policygraph.extract.measures.target_years import Years, title_years
from policygraph.models import Target

_ORDINAL = re.compile(r"^(?:序\s*号|编\s*号|序)$")
_UNIT_HEAD = re.compile(r"^(?:计量|指标)?单\s*位$")
_ATTRIBUTE = re.compile(r"属\s*性|性\s*质|类\s*型|备\s*注|说\s*明|责任|牵头|配合|部门|来源")
_BASE = re.compile(r"现状|现有|原有|基[期准数线]|基础|实际|完成|已|上年|去年|当前|目前|执行数")
#: Numbers that measure nothing: codes, telephone numbers, post codes, identifiers.
_NOT_MEASURE = re.compile(r"电话|手机|传真|邮编|邮政编码|代码|编码|编号|号码|证号|账号|坐标|经度|纬度|"
                          r"门牌|网址")
#: A caption naming results: 完成情况, 统计表, 排名.
_RESULTS = re.compile(r"完成情况|执行情况|进展情况|情况表|统计|排名|排行|实绩|"
                      r"\d{1,2}\s*[-—–~至]\s*\d{1,2}\s*月|[上下]半年|前[一二三]季度")  # 2023年1-6月…
#: A caption handing tasks down (…任务下达如下, …任务分解表): its columns of part of a year are goals too.
_HANDED_DOWN = re.compile(r"任务|下达|计划|目标|分解|分配")
#: A part of a year a column reports (2023年1-6月, 上半年): a table of results.
_PART_OF_YEAR = re.compile(r"\d{1,2}\s*[-—–~至]\s*\d{1,2}\s*月|[上下]半年|前[一二三]季度")
#: A header naming a planned figure, which a table of results would not have.
_PLANNED = re.compile(r"目标|计划|任务|预期|力争|规划")
_GOAL = re.compile(r"目标|预期|计划|规划|任务|力争|新增|达到|指标值|要求")
#: Numbers that are parameters or scores, not goals: a subsidy's standard, a price, a weight.
_NOT_GOAL = re.compile(r"补贴|补助|奖励|奖补|标准|价格|收费|费率|税率|罚|分值|得分|评分|权重|分数|考核|"
                       r"限额|额度|投资|资金|经费|预算|金额|"  # what a project costs is no goal of the plan
                       r"招聘|招录")  # nor are a recruitment's posts (岗位 alone are jobs to create)
#: A caption or header saying the table sets tasks.
_TASKS = re.compile(r"任务|目标|指标|计划|分解|分配|安排|预期")
#: Columns naming what a row is about: its indicator, its place, its year.
_PLACE = re.compile(r"区域|地区|区县|各区|各市|县[（(]市|街镇|乡镇|单位名称|实施单位|承担单位|市州|省份")
_YEAR_HEAD = re.compile(r"^(?:年\s*份|年\s*度|时\s*间)$")
#: A value cell: a comparator, a number or a range, a unit, a suffix; nothing else.
_VALUE = re.compile(
    rf"^(?P<cmp>≥|>=|＞|>|≤|<=|＜|<|不低于|不少于|不高于|不超过|大于|小于|超过|约|达到)?\s*"
    rf"{number_pattern('')}\s*(?:{RANGE_DASH}\s*{number_pattern('hi_')})?\s*"
    rf"(?P<unit>[^\d\s，,。；;（()）]{{0,8}}?)\s*(?P<suffix>以上|以下|左右|以内)?$")
_SYMBOLS = {">": "≥", ">=": "≥", "＞": "≥", "<": "≤", "<=": "≤", "＜": "≤"}
_MULTIPLIER = re.compile(r"^(?P<mult>万亿|千亿|百亿|千万|百万|十万|万|亿|千)?(?P<unit>.+)$")
_UNIT = re.compile(rf"^(?:{UNITS}|(?:m[23²³]|[^\d\s/]){{1,5}}/(?:m[23²³]|[^\d\s/]){{1,5}})$")  # m3/万元
#: A unit in brackets ending a header or an indicator: 新增装机容量（MW）, 城镇调查失业率(%).
_BRACKETED = re.compile(r"[（(]\s*([^（()）]{1,10}?)\s*[）)]\s*$")
#: A unit column's cell saying the indicator has none (a ratio, an index): 城乡居民收入比值 | / | 1.85.
_NO_UNIT = frozenset({"/", "／", "—", "——", "-", "－", "无"})
_YEARS = re.compile(r"^(?:19|20)\d{2}(?:[-—–~～至](?:19|20)\d{2})?$")
_LEADING_ORDINAL = re.compile(r"^(?:\d+[.、．]|[（(]\d+[）)]|[一二三四五六七八九十]+、)\s*")


@dataclass(frozen=True)
class _Column:
    index: int
    header: str
    years: Years


@dataclass(frozen=True)
class ProseCell:
    """A cell of a goal column stating its goal in words (较2022年 下降3%, 每年提升2%左右): to be
    read as a sentence under its column's years, for the row's indicator."""

    text: str
    start: int
    years: Years
    indicator: str | None
    row: tuple[int, int]  # the row's span: read here, not again as a sentence


@dataclass(frozen=True)
class TableReading:
    """What a table states: its targets; whether its rows are no sentences to read targets in (a
    table of standards or subsidies, 补贴标准, or of results, 完成情况, whose numbers set no goal
    however a row reads); and the cells of its goal columns written in words."""

    targets: list[Target]
    claimed: bool = False
    prose: tuple[ProseCell, ...] = ()


def table_reading(table: Table, year: int | None, governing: Years, provision: str = "",
                  text: str = "") -> TableReading:
    """The targets `table` states, row by row, left to right (none if it sets none), and what
    else it says (TableReading). `year` is the document's, `governing` the years that govern the
    provision the table stands in; `text` the one the table's rows span, where its cells in
    words are found."""
    header = table.header
    if _NOT_GOAL.search(table.caption) and not _TASKS.search(table.caption):
        return TableReading([], True)  # 培训补贴标准: a table of parameters
    if ((_RESULTS.search(table.caption) or any(_PART_OF_YEAR.search(h) for h in header))
            and not any(_PLANNED.search(h) for h in header) and not _HANDED_DOWN.search(table.caption)):
        return TableReading([], True)  # 各区新增就业完成情况, a column of 2023年1-6月: what was done
    caption_years = title_years(table.caption)
    default = caption_years if caption_years.year is not None else governing
    if default.past:
        return TableReading([])
    unit_col = _units_column(header, table.rows)
    name = _name_column(header, table.rows, unit_col)
    columns = _goal_columns(table, year, default, name, unit_col)
    numeric = _numeric_columns(table)
    out: list[Target] = []
    prose: list[ProseCell] = []
    named = _caption_units(table.caption)
    by_row = (name is not None and len(named) == len(table.rows) > 1
              and all(_MEASURE_NAME.search(SPACED.sub("", r.cells[name])) for r in table.rows))
    by_col = (dict(zip((c.index for c in columns), named, strict=True))
              if len(named) == len(columns) > 1 else {})
    for k, row in enumerate(table.rows):
        cells = _aligned(row.cells, numeric)
        if cells is None:
            continue
        for col in columns:
            if len(row.cells) != len(header) and not numeric[col.index]:
                continue  # a short row's number placed under a column of words: a misreading
            unit = named[k] if by_row else by_col.get(col.index, named[0] if len(named) == 1 else "")
            target = _cell_target(row, cells, col, name, unit_col, year, provision, table, unit)
            if target is not None:
                out.append(target)
            elif (text and len(cells[col.index]) <= _PROSE_CELL_CHARS and _IN_WORDS.search(cells[col.index])
                  and not _is_value(cells[col.index])):
                at = _cell_start(text, row, cells[col.index])
                if at is not None:
                    prose.append(ProseCell(cells[col.index], at, col.years,
                                           _indicator(cells, col, name, header), (row.start, row.end)))
    parameters = any(numeric) and all(_NOT_GOAL.search(h) for h, n in zip(header, numeric, strict=True) if n)
    return TableReading(out, parameters and not out, tuple(prose))


#: How long a cell stating a goal in words may be: a longer one is a page laid out in a table.
_PROSE_CELL_CHARS = 60
#: A cell stating a goal in words: a number after words (较2022年 下降3%, 每年提升2%左右).
_IN_WORDS = re.compile(r"[\u4e00-\u9fff][^\d]*\d|\d[^\d]*[\u4e00-\u9fff]{2}")


def _cell_start(text: str, row: Row, cell: str) -> int | None:
    """Where `cell` stands in text[row.start:row.end], its spaces as the page wrote them."""
    m = re.compile(r"\s+".join(map(re.escape, cell.split()))).search(text, row.start, row.end)
    return m.start() if m else None


def _numeric_columns(table: Table) -> tuple[bool, ...]:
    """Per column, whether most full rows hold a number there."""
    width = len(table.header)
    full = [r.cells for r in table.rows if len(r.cells) == width]
    return tuple(sum(_is_value(r[i]) for r in full) * 2 > len(full) for i in range(width))


def _is_value(cell: str) -> bool:
    return _VALUE.match(cell.replace(" ", "")) is not None


def _aligned(cells: tuple[str, ...], numeric: tuple[bool, ...]) -> tuple[str, ...] | None:
    """A row's cells under the header's columns. A row short of cells lost them to cells
    spanning rows (经济发展 over three indicators on the left, 预期性 over them on the right):
    the gap goes where the row's numbers then stand under the table's columns of numbers (on
    the left when that does not tell)."""
    width = len(numeric)
    if len(cells) == width:
        return cells
    missing = width - len(cells)
    if not 1 <= missing <= 3:
        return None
    gaps = range(width) if missing == 1 else (0, len(cells))
    fits = [cells[:k] + ("",) * missing + cells[k:] for k in gaps]

    def agree(row: tuple[str, ...]) -> int:
        return sum(_is_value(c) == n for c, n in zip(row, numeric, strict=True) if c)

    return max(fits, key=agree)  # the first (leftmost gap) of the best


def _units_column(header: tuple[str, ...], rows: Sequence[Row]) -> int | None:
    """The column of units (单位 | 万人): headed 单位, its cells units or blank; not a column of
    the bodies a row is about under the same word (单 位 | 五常市)."""
    for i, h in enumerate(header):
        column = [r.cells[i].strip() for r in rows if len(r.cells) == len(header)]
        names = sum(bool(c) and not (_unit(c)[1] or c in _NO_UNIT) for c in column)
        if _UNIT_HEAD.match(h) and names * 2 <= len(column):
            return i
    return None


def _name_column(header: tuple[str, ...], rows: Sequence[Row], unit_col: int | None = None) -> int | None:
    """The column naming what each row is about: the indicator, place or year column, else the
    first column of text that is no number."""
    named = [i for i, h in enumerate(header)
             if (_PLACE.search(h) or _YEAR_HEAD.match(h) or re.search(r"指标|名称|项目", h)
                 or (_UNIT_HEAD.match(h) and i != unit_col))  # 单 位 over the bodies tasks go to
             and not (_ORDINAL.match(h) or i == unit_col or _ATTRIBUTE.search(h) or _GOAL.search(h))]
    values = [i for i, _h in enumerate(header)
              if any(len(r.cells) == len(header) and _VALUE.match(r.cells[i]) for r in rows)]
    named = [i for i in named if not values or i < values[-1]] or named  # not a note after the numbers
    if named:
        return named[-1]  # 一级指标 | 二级指标: the narrower names the row
    for i, h in enumerate(header):
        column = [r.cells[i] for r in rows if len(r.cells) == len(header)]
        if not _ORDINAL.match(h) and column and not any(_VALUE.match(c) for c in column):
            return i
    return None


def _goal_columns(table: Table, year: int | None, default: Years, name: int | None,
                  unit_col: int | None) -> list[_Column]:
    """The columns whose cells are targets, each with the years it sets."""
    goal: list[_Column] = []
    numeric: list[_Column] = []
    for i, h in enumerate(table.header):
        if (i in (name, unit_col) or _ORDINAL.match(h) or _ATTRIBUTE.search(h) or _NOT_GOAL.search(h)
                or _NOT_MEASURE.search(h)):
            continue
        own = title_years(h)
        if _BASE.search(h) and not _GOAL.search(h):
            continue
        if own.year is not None and year is not None and own.year < year and not _GOAL.search(h):
            continue  # a column of a year already past: results
        col = _Column(i, h, own if own.year is not None else default)
        if _GOAL.search(h) or (own.year is not None and (year is None or own.year >= year)):
            goal.append(col)
        elif own.year is None:
            numeric.append(col)
    sets_tasks = _TASKS.search(table.caption) or any(_TASKS.search(h) for h in table.header)
    dated = [c for c in goal if title_years(c.header).year is not None]
    if dated and year is None:  # the document's year unknown: the latest of the years side by side
        latest = max(c.years.year or 0 for c in dated)
        goal = [c for c in goal if c not in dated or c.years.year == latest]
    if dated or not sets_tasks:
        return goal  # 2025年 beside 2020年: the year's column is the goal, no other
    return sorted(goal + numeric, key=lambda c: c.index)


def _caption_units(caption: str) -> list[str]:
    """The units a caption's note names (（单位：万亩、万担）), in order: one for every cell, or one
    per goal column (or per row, where the rows are the measures and the places the columns)."""
    m = _UNIT_NOTE.search(caption)
    return [u.strip() for u in re.split(r"[、,，/／]", m.group(1))] if m else []


#: A caption's note of units: （单位：亩、担）, 单位:万元.
_UNIT_NOTE = re.compile(r"单\s*位\s*[:：]\s*([^（()）:：]{1,16}?)\s*(?:[）)]|$)")


def _cell_target(row: Row, cells: tuple[str, ...], col: _Column, name: int | None, unit_col: int | None,
                 year: int | None, provision: str, table: Table, row_unit: str = "") -> Target | None:
    m = _VALUE.match(cells[col.index].replace(" ", ""))
    if m is None:
        return None
    if m.group("unit") and not _unit(m.group("unit"))[1]:
        return None  # 800米, 2022年: a unit not known, or a date
    mult, unit = _unit(m.group("unit"))
    for source in ((cells[unit_col] if unit_col is not None else ""), _bracketed(col.header),
                   "%" if col.header.endswith(("%", "％")) else "",  # 增长% over its cells
                   _bracketed(cells[name]) if name is not None else "", row_unit):
        if unit:
            break
        mult, unit = _unit(source)
    if m.group("mult") and mult:
        return None  # 10万 under 万人: a multiplier twice is a misread
    value = value_of(m.group("arabic"), m.group("cn"), m.group("mult") or mult)
    high = (value_of(m.group("hi_arabic"), m.group("hi_cn"), m.group("hi_mult") or mult)
            if m.group("hi_arabic") or m.group("hi_cn") else None)
    if value is None:
        return None
    unitless = unit_col is not None and cells[unit_col].strip() in _NO_UNIT | {""}  # a coefficient's blank
    if not unit:
        if _YEARS.match(cells[col.index].replace(" ", "")):
            return None  # 2021-2023 under 建设年限: years, not a count
        if not unitless and not float(value).is_integer():
            return None
        unit = "" if unitless else "个"  # a count of what the column names (新增示范工程: 3)
    years = col.years
    if name is not None and _YEAR_HEAD.match(table.header[name]):
        own = title_years(cells[name])
        years = own if own.year is not None else years
    if years.year is not None and year is not None and years.year < year:
        return None  # a row of a year already past
    return Target(
        indicator=_indicator(cells, col, name, table.header),
        value=whole(value),
        unit=unit,
        comparator=_comparator(m.group("cmp"), m.group("suffix")),
        year=years.year,
        text=row.text,
        start=row.start,
        end=row.end,
        provision=provision,
        value_high=whole(high) if high is not None else None,
        start_year=years.start_year,
        base_year=years.base_year,
    )


def _unit(raw: str | None) -> tuple[str, str]:
    """(multiplier, unit) of a unit as written (万人 → 万, 人), or ("", "") if it is none."""
    raw = (raw or "").strip()
    m = _MULTIPLIER.match(raw[1:] if raw.startswith("1/") else raw)  # 1/10万 is per 100,000, /10万
    if m is None:
        return "", ""
    unit = m.group("unit")
    return (m.group("mult") or "", unit) if _UNIT.match(unit) else ("", "")


def _bracketed(text: str) -> str:
    m = _BRACKETED.search(text)
    return m.group(1) if m else ""


def bracketed_unit(text: str) -> tuple[str, str]:
    """(multiplier, unit) of the unit in brackets ending `text` (人均预期寿命（岁）, 培训人数（万人）),
    or ("", "") if it ends in none."""
    return _unit(_bracketed(text))


def _comparator(cmp: str | None, suffix: str | None) -> str:
    """A cell's comparator, as a sentence's would be (target_rules.comparator): ＞95 is ≥ 95."""
    verb = _SYMBOLS.get(cmp or "", cmp)
    if verb == "约":
        return rules.comparator(None, suffix, "约")
    return rules.comparator(verb if verb in rules.VERBS else None, suffix, "")


#: A row's name that is a measure, not a place (种植面积, 考核数量, …用水量, …率).
_MEASURE_NAME = re.compile(r"(?:面积|数量|人数|产量|产值|总量|规模|量|任务|指标|率|额)$")


def _indicator(cells: tuple[str, ...], col: _Column, name: int | None, header: tuple[str, ...]) -> str | None:
    """What a cell measures: the row's indicator; the column's, for the row's place or year
    (新增装机容量（黄浦区）)."""
    measure = _BRACKETED.sub("", col.header).strip()
    if name is None:
        return measure or None
    row_name = SPACED.sub("", _BRACKETED.sub("", _LEADING_ORDINAL.sub("", cells[name])).strip())  # 种植 面积
    if _PLACE.search(header[name]) and (any(map(_UNIT_HEAD.match, header)) or _MEASURE_NAME.search(row_name)):
        return f"{row_name}（{measure}）"  # 地区 over measures (with units): the columns are the places
    if _PLACE.search(header[name]) or _YEAR_HEAD.match(header[name]) or _UNIT_HEAD.match(header[name]):
        return f"{measure}（{row_name}）" if row_name else measure or None
    return row_name or measure or None


def last_char(text: str, t: Target) -> int:
    """Where a target's last character is (not the line break its match may end with)."""
    end = t.end
    while end > t.start + 1 and text[end - 1].isspace():
        end -= 1
    return end - 1


def within_rows(at: int, rows: list[tuple[int, int]]) -> bool:
    """Whether `at` lies in one of `rows` (sorted spans): a target there was read as a table's."""
    i = bisect.bisect_right(rows, (at, float("inf"))) - 1
    return i >= 0 and rows[i][0] <= at < rows[i][1]
