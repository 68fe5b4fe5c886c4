"""Targets stated in tables (issue 21): a plan's table of indicators, a table allocating a goal
among districts, one among years; and the tables whose numbers are no goals (results, scores,
subsidy standards). Each page below is written for the test; the expected targets are read
off the table by hand."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policygraph.extract.document import extract
from policygraph.extract.measures.table_rows import tables_in
from policygraph.extract.measures.targets import targets_in
from policygraph.extract.read import read_bytes
from policygraph.models import DocumentRecord, Source, Target


def page_record(body: str, title: str = "某某市“十四五”就业促进规划") -> DocumentRecord:
    html = (f"<html><head><title>{title}</title></head><body><h1>{title}</h1>"
            f"<p>各区人民政府，市政府各委、办、局：</p><p>现将本方案印发给你们，请认真贯彻执行。</p>{body}"
            "<p>某某市人民政府</p><p>2021年6月1日</p></body></html>")
    (source,) = read_bytes(html.encode("utf-8"), "plan.html", "html")
    assert isinstance(source, Source)
    return extract(source)


def targets(rec: DocumentRecord) -> list[Target]:
    measures = [rec.measures] + [p.measures for p in rec.parts]
    return [t for m in measures if m is not None for t in m.targets]


def summary(rec: DocumentRecord) -> list[tuple[str | None, float, float | None, str, str, int | None]]:
    return [(t.indicator, t.value, t.value_high, t.unit, t.comparator, t.year) for t in targets(rec)]


INDICATORS = (
    "<p>二、主要目标</p><p>到2025年，全市就业局势保持稳定。主要指标见下表。</p>"
    "<p>表1 “十四五”时期就业主要指标</p>"
    "<table><tr><td>类别</td><td>指标名称</td><td>单位</td><td>2020年</td><td>2025年</td><td>属性</td></tr>"
    "<tr><td rowspan='2'>就业规模</td><td>城镇新增就业</td><td>万人</td><td>[12.5]</td><td>&gt;12</td><td>预期性</td></tr>"
    "<tr><td>城镇调查失业率</td><td>%</td><td>5.2</td><td>&lt;5.5</td><td>预期性</td></tr>"
    "<tr><td>就业质量</td><td>1.劳动合同签订率（%）</td><td></td><td>90</td><td>95以上</td><td>约束性</td></tr>"
    "<tr><td>技能</td><td>新增高技能人才</td><td>人</td><td>3000</td><td>—</td><td>预期性</td></tr>"
    "</table><p>三、重点任务</p><p>（一）稳定就业。</p>"
)


def test_a_plan_s_table_of_indicators_sets_the_target_year_column_only() -> None:
    rec = page_record(INDICATORS)
    assert summary(rec) == [
        ("城镇新增就业", 120000, None, "人", "at_least", 2025),
        ("城镇调查失业率", 5.5, None, "%", "at_most", 2025),
        ("劳动合同签订率", 95, None, "%", "at_least", 2025),
    ]
    # the evidence is the row as it reads on the page
    assert targets(rec)[1].text == "城镇调查失业率 % 5.2 <5.5 预期性"


def test_a_table_allocating_a_goal_among_districts_gives_each_district_its_share() -> None:
    body = ("<p>附件</p><p>各区“十四五”充电桩建设任务分解表</p>"
            "<table><tr><th>序号</th><th>区域</th><th>新增充电桩（个）</th><th>新增换电站</th></tr>"
            "<tr><td>1</td><td>东城区</td><td>1200-1500</td><td>2</td></tr>"
            "<tr><td>2</td><td>西城区</td><td>800</td><td>1</td></tr>"
            "<tr><td colspan='2'>合计</td><td>2000-2300</td><td>3</td></tr></table>")
    rec = page_record(body, "某某市新能源汽车充电设施建设实施方案")
    assert summary(rec) == [
        ("新增充电桩（东城区）", 1200, 1500, "个", "equal", 2025),
        ("新增换电站（东城区）", 2, None, "个", "equal", 2025),
        ("新增充电桩（西城区）", 800, None, "个", "equal", 2025),
        ("新增换电站（西城区）", 1, None, "个", "equal", 2025),
        ("新增充电桩（合计）", 2000, 2300, "个", "equal", 2025),
        ("新增换电站（合计）", 3, None, "个", "equal", 2025),
    ]


def test_a_table_over_years_takes_each_row_s_year() -> None:
    body = ("<p>表2 海绵城市建设达标计划</p>"
            "<table><tr><td>年份</td><td>累计达标面积（平方公里）</td><td>占建成区比例</td></tr>"
            "<tr><td>2020年</td><td>12.5</td><td>20%</td></tr>"
            "<tr><td>2022年</td><td>30</td><td>40%</td></tr>"
            "<tr><td>2025年</td><td>48.6</td><td>60%</td></tr></table>")
    rec = page_record(body, "某某区海绵城市建设实施方案（2021—2025年）")
    assert summary(rec) == [
        ("累计达标面积（2022年）", 30, None, "平方公里", "equal", 2022),
        ("占建成区比例（2022年）", 40, None, "%", "equal", 2022),
        ("累计达标面积（2025年）", 48.6, None, "平方公里", "equal", 2025),
        ("占建成区比例（2025年）", 60, None, "%", "equal", 2025),
    ]  # 2020: a year already past when the plan was written


def test_tables_of_results_scores_and_subsidies_set_no_target() -> None:
    body = ("<p>表1 2020年各区就业情况</p>"
            "<table><tr><td>区域</td><td>城镇新增就业（人）</td><td>失业率（%）</td></tr>"
            "<tr><td>东城区</td><td>5200</td><td>3.1</td></tr><tr><td>西城区</td><td>4100</td><td>2.9</td></tr></table>"
            "<p>表2 考核评分表</p>"
            "<table><tr><td>序号</td><td>考核项目</td><td>分值</td></tr>"
            "<tr><td>1</td><td>组织领导</td><td>10</td></tr><tr><td>2</td><td>目标任务完成情况</td><td>40</td></tr></table>"
            "<p>表3 培训补贴标准</p>"
            "<table><tr><td>职业资格等级</td><td>补贴标准（元/人）</td></tr>"
            "<tr><td>初级工</td><td>1000</td></tr><tr><td>中级工</td><td>1500</td></tr></table>")
    assert targets(page_record(body, "某某市2021年就业工作要点")) == []


def test_a_task_column_beside_a_subsidy_standard_is_the_only_target() -> None:
    body = ("<p>表4 各区职业技能培训任务及补贴标准</p>"
            "<table><tr><td>区域</td><td>培训任务（人次）</td><td>补贴标准（元/人次）</td></tr>"
            "<tr><td>东城区</td><td>3000</td><td>800</td></tr><tr><td>西城区</td><td>2500</td><td>800</td></tr></table>")
    assert summary(page_record(body, "某某市2021年职业技能提升行动方案")) == [
        ("培训任务（东城区）", 3000, None, "人次", "equal", 2021),
        ("培训任务（西城区）", 2500, None, "人次", "equal", 2021),
    ]


def test_a_scraped_page_s_one_cell_per_line_table_folds_back_into_rows() -> None:
    text = ("某某市光伏推广应用实施方案\n\n各区人民政府：\n\n现将本方案印发给你们，请认真贯彻执行。\n\n"
            "某某市发展和改革委员会\n\n2021年6月1日\n\n附表\n\n各区“十四五”光伏任务分配表\n\n序号\n\n区域\n\n新增装机容量（MW）\n\n"
            "新增示范工程\n\n1\n\n甲区\n\n0.3-0.4\n\n1\n\n2\n\n乙区\n\n12\n\n3\n\n3\n\n丙区\n\n1.5\n\n2\n\n")
    rec = extract(Source("plan.txt", text, "utf-8", "txt", {}))
    assert summary(rec) == [
        ("新增装机容量（甲区）", 0.3, 0.4, "MW", "equal", 2025),
        ("新增示范工程（甲区）", 1, None, "个", "equal", 2025),
        ("新增装机容量（乙区）", 12, None, "MW", "equal", 2025),
        ("新增示范工程（乙区）", 3, None, "个", "equal", 2025),
        ("新增装机容量（丙区）", 1.5, None, "MW", "equal", 2025),
        ("新增示范工程（丙区）", 2, None, "个", "equal", 2025),
    ]


def test_a_one_cell_per_line_table_with_cell_edges_folds_and_its_cells_in_words_are_read() -> None:
    # each cell's line closed by its edge (序号 |), as pages of 2025 print a target table; a goal
    # in words under a year's column is that year's (较2022年 下降3% under 2025年)
    lines = ["序号", "指标名称", "单位", "2023年", "2025年", "2027年", "牵头单位",
             "1", "人均预期寿命", "岁", "78.09", "≥79.2", "≥80", "市卫健局",
             "2", "道路交通事故死亡率", "/10万", "7.45", "较2022年 下降3%", "较2025年 下降3%", "市公安局",
             "3", "空气质量优良天数比例", "%", "84.7", "≥86", "省下达 目标值", "市生态环境局",
             "4", "结核病报告发病率", "/10万", "76.75", "60", "50", "市卫健局"]
    text = ("某某市人均预期寿命提升行动计划(2024-2027年)主要目标任务\n"
            + "".join(f"{c} |\n" for c in lines))
    got = [(t.indicator, t.value, t.unit, t.comparator, t.year, t.base_year)
           for t in targets_in(text, 0, len(text), 2025)]
    assert got == [("人均预期寿命", 79.2, "岁", "at_least", 2025, None),
                   ("人均预期寿命", 80, "岁", "at_least", 2027, None),
                   ("道路交通事故死亡率", 3, "%", "equal", 2025, 2022),
                   ("道路交通事故死亡率", 3, "%", "equal", 2027, 2025),
                   ("空气质量优良天数比例", 86, "%", "at_least", 2025, None),
                   ("结核病报告发病率", 60, "/10万", "equal", 2025, None),
                   ("结核病报告发病率", 50, "/10万", "equal", 2027, None)]


def test_a_one_cell_per_line_row_that_wrapped_is_left_out_not_guessed() -> None:
    # 乙区's name wrapped onto two lines: its row has a line too many, so which line is which
    # cell is unknown; the rows around it still fold.
    lines = ["序号", "区域", "新增装机容量（MW）", "1", "甲区", "5", "2", "乙区", "（含开发区）", "7", "3", "丙区", "9"]
    text = "各区任务分配表\n" + "\n\n".join(lines) + "\n"
    (table,) = tables_in(text, 0, len(text))
    assert [r.cells for r in table.rows] == [("1", "甲区", "5"), ("3", "丙区", "9")]


def test_an_unnumbered_one_cell_per_line_table_of_places_in_columns_folds_under_its_headings() -> None:
    # A scraped allocation table (附件 of a 下达…目标任务 notice): no 序号; the corner cell 地区 over
    # the measures, a unit column, one column per county; group headings (一、…指标) in lines of
    # their own open provisions below the header; a coefficient's unit cell printed blank (" ").
    cells = ["地  区", "单 位", "甲县", "乙县", "丙区",
             "一、用水总量指标", "单位地区生产总值用水量", "m3/万元", "123", "118", "96",
             "二、农业指标", "渠系水利用系数", " ", "0.58", "0.6", "0.55",
             "三、工业指标", "工业用水重复利用率", "%", "66", "70", "72"]
    text = ("某某市人民政府办公室关于下达2011年全市节水型社会建设目标任务的通知\n\n各县（市）、区人民政府：\n\n"
            "现将2011年节水型社会建设目标任务下达给你们，请认真组织实施。\n\n某某市人民政府办公室\n\n"
            "二○一一年七月二十五日\n\n附件：\n\n2011年节水型社会建设目标任务分解表\n\n" + "\n\n".join(cells) + "\n")
    rec = extract(Source("notice.txt", text, "utf-8", "txt", {}))
    assert summary(rec) == [
        ("单位地区生产总值用水量（甲县）", 123, None, "m3/万元", "equal", 2011),
        ("单位地区生产总值用水量（乙县）", 118, None, "m3/万元", "equal", 2011),
        ("单位地区生产总值用水量（丙区）", 96, None, "m3/万元", "equal", 2011),
        ("渠系水利用系数（甲县）", 0.58, None, "", "equal", 2011),
        ("渠系水利用系数（乙县）", 0.6, None, "", "equal", 2011),
        ("渠系水利用系数（丙区）", 0.55, None, "", "equal", 2011),
        ("工业用水重复利用率（甲县）", 66, None, "%", "equal", 2011),
        ("工业用水重复利用率（乙县）", 70, None, "%", "equal", 2011),
        ("工业用水重复利用率（丙区）", 72, None, "%", "equal", 2011),
    ]


def test_lines_under_a_heading_word_are_no_table_unless_rows_of_one_shape_follow() -> None:
    # 地区 heads a paragraph of prose, then a list whose lines carry a number each: no two rows of
    # a name, words and numbers, so nothing folds; a row not of the first rows' shape ends a table.
    prose = "地区\n\n各地要加强领导。\n\n落实责任。\n\n3\n\n完成任务。\n\n5\n"
    assert tables_in(prose, 0, len(prose)) == []
    cells = ["指标", "单位", "甲县", "乙县", "用水量", "万吨", "12", "13", "节水器具普及率", "%", "90", "95",
             "说明", "以上为计划数", "另行", "通知"]
    text = "\n".join(cells) + "\n"
    (table,) = tables_in(text, 0, len(text))
    assert [r.cells for r in table.rows] == [("用水量", "万吨", "12", "13"), ("节水器具普及率", "%", "90", "95")]


def test_an_unnumbered_one_cell_per_line_table_of_indicators_reads_the_goal_year_s_column() -> None:
    # 指标 | 单位 | 2020年 | 2025年 | 属性, each cell on a line of its own, no 序号: the attribute
    # words after the numbers are part of each row's shape; 2020 is the base, 2025 the goal.
    cells = ["指  标", "单位", "2020年", "2025年", "属性",
             "城镇新增就业", "万人", "10", "12", "预期性",
             "城镇调查失业率", "%", "5.2", "<5.5", "约束性",
             "新增高技能人才", "人", "3000", "5000", "预期性"]
    text = "二、主要目标\n\n到2025年，就业局势保持稳定。\n\n表1 主要指标\n\n" + "\n\n".join(cells) + "\n\n三、重点任务\n"
    got = [(t.indicator, t.value, t.unit, t.comparator, t.year) for t in targets_in(text, 0, len(text), 2021)]
    assert got == [("城镇新增就业", 120000, "人", "equal", 2025),
                   ("城镇调查失业率", 5.5, "%", "at_most", 2025),
                   ("新增高技能人才", 5000, "人", "equal", 2025)]


_HEAD = st.text(alphabet="甲乙丙丁县市区镇", min_size=2, max_size=4)
_NAME = st.text(alphabet="用水量率利用系数覆盖工业农业", min_size=2, max_size=10)


@given(st.integers(1, 8).flatmap(lambda k: st.tuples(
    st.lists(_HEAD, min_size=k, max_size=k),
    st.lists(st.tuples(_NAME, st.sampled_from(["%", "万吨", "m3/万元", " ", "个"]),
                       st.lists(st.decimals(0, 9999, places=2).map(lambda d: f"{d.normalize():f}"),
                                min_size=k, max_size=k),
                       st.booleans()), min_size=2, max_size=6))),
    st.sampled_from(["\n", "\n\n"]))
def test_unnumbered_one_cell_per_line_tables_fold_back_into_their_rows(
        table: tuple[list[str], list[tuple[str, str, list[str], bool]]], gap: str) -> None:
    # The reference is the table before it was flattened: 地区 | 单位 | the places, then each row
    # (a group heading before it or not), every cell on a line of its own, a blank one as " ".
    places, rows = table
    cells = ["地区", "单位", *places]
    for n, (name, unit, values, grouped) in enumerate(rows, start=1):
        cells += ([f"{'一二三四五六'[n - 1]}、分组"] if grouped else []) + [name, unit, *values]
    text = "分解表" + gap + gap.join(cells) + gap + "说明：以上为计划数。\n"
    (found,) = tables_in(text, 0, len(text))
    assert found.header == ("地区", "单位", *places)
    assert [r.cells for r in found.rows] == [(name, unit.strip(), *values) for name, unit, values, _g in rows]


def test_a_markdown_table_is_read_as_one() -> None:
    text = ("某某县生态环境保护规划\n\n一、主要目标\n\n到2025年，生态环境持续改善。\n\n| 指标 | 单位 | 2025年目标 |\n|---|---|---|\n| 森林覆盖率 | % | 45 |\n"
            "| 地表水优良水体比例 | % | ≥85 |\n")
    rec = extract(Source("plan.md", text, "utf-8", "txt", {"title": "某某县生态环境保护规划"}))
    assert summary(rec) == [("森林覆盖率", 45, None, "%", "equal", 2025),
                            ("地表水优良水体比例", 85, None, "%", "at_least", 2025)]


_CELL = st.text(alphabet="区县市目标新增装机人万个%.-", min_size=1, max_size=6).filter(lambda c: not c.isdigit())


@given(st.integers(2, 6).flatmap(lambda k: st.tuples(
    st.lists(_CELL, min_size=k, max_size=k),
    st.lists(st.lists(st.one_of(_CELL, st.integers(0, 9999).map(str)), min_size=k, max_size=k), min_size=2, max_size=8))),
    st.sampled_from(["", " |"]))
def test_one_cell_per_line_tables_fold_back_into_their_rows(table: tuple[list[str], list[list[str]]],
                                                           edge: str) -> None:
    # The reference is the table written out before it was flattened: 序号, then the header,
    # then each row numbered from 1, every cell on a line of its own between blank lines.
    header, rows = table
    cells = ["序号", *header] + [c for n, row in enumerate(rows, start=1) for c in (str(n), *row)]
    text = "任务表\n\n" + "\n\n".join(c + edge for c in cells) + "\n\n说明：以上为计划数。\n"
    (found,) = tables_in(text, 0, len(text))
    assert found.header == ("序号", *header)
    expected = [(str(n), *row) for n, row in enumerate(rows, start=1)]
    # a last row is kept only when shaped like the first (which cells are numbers)
    assert [r.cells for r in found.rows] in (expected, expected[:-1])
    for r in found.rows:
        assert " ".join(text[r.start:r.end].replace(" |", "").split()) == " ".join(r.cells)


# Tables as real plans lay them out, each found to be misread by a hostile review of the first
# version: spans over two header rows or down a right-hand column, category rows, codes,
# results, standards, two levels of indicator names, an unknown year, Markdown rows.

def test_a_two_row_header_puts_each_year_under_its_goal() -> None:
    body = ("<p>表1 主要指标</p><table><tr><td rowspan=2>指标</td><td rowspan=2>单位</td><td>基期值</td>"
            "<td colspan=2>目标值</td><td rowspan=2>属性</td></tr><tr><td>2020年</td><td>2022年</td><td>2025年</td></tr>"
            "<tr><td>城镇新增就业</td><td>万人</td><td>10</td><td>11</td><td>12</td><td>预期性</td></tr></table>")
    assert summary(page_record(body)) == [("城镇新增就业", 110000, None, "人", "equal", 2022),
                                          ("城镇新增就业", 120000, None, "人", "equal", 2025)]


def test_a_cell_spanning_rows_on_the_right_leaves_the_numbers_in_their_columns() -> None:
    body = ("<p>表1 主要指标</p><table><tr><td>指标</td><td>单位</td><td>2020年</td><td>2025年</td><td>属性</td></tr>"
            "<tr><td>城镇新增就业</td><td>万人</td><td>10</td><td>12</td><td rowspan=2>预期性</td></tr>"
            "<tr><td>新增高技能人才</td><td>人</td><td>3000</td><td>5000</td></tr></table>")
    assert summary(page_record(body)) == [("城镇新增就业", 120000, None, "人", "equal", 2025),
                                          ("新增高技能人才", 5000, None, "人", "equal", 2025)]


def test_category_rows_do_not_cut_a_table_from_its_header() -> None:
    # 一、就业规模 in a row of its own opens a provision; the rows after it keep the table's header
    body = ("<p>二、主要目标</p><p>表1 主要指标</p><table><tr><td>指标</td><td>单位</td><td>2020年</td><td>2025年</td></tr>"
            "<tr><td colspan=4>一、就业规模</td></tr><tr><td>城镇新增就业</td><td>万人</td><td>10</td><td>12</td></tr>"
            "<tr><td colspan=4>二、就业质量</td></tr><tr><td>城镇调查失业率</td><td>%</td><td>5.2</td><td>&lt;5.5</td></tr>"
            "</table><p>三、重点任务</p><p>（一）稳定就业。</p>")
    assert summary(page_record(body)) == [("城镇新增就业", 120000, None, "人", "equal", 2025),
                                          ("城镇调查失业率", 5.5, None, "%", "at_most", 2025)]


def test_codes_dates_unknown_units_results_and_costs_are_no_targets() -> None:
    tables = [
        ("各区建设任务分配表", ["区域", "新增绿道", "完成时间"], [["东城区", "800尺", "2023年"]]),
        ("任务分工及联系方式", ["序号", "区域", "电话", "邮编"], [["1", "东城区", "12345678", "100010"]]),
        ("重点项目计划表", ["序号", "项目名称", "总投资（亿元）", "建设年限"], [["1", "某某路", "12", "2021-2023"]]),
        ("各区新增就业完成情况", ["区域", "新增就业（人）"], [["东城区", "3000"], ["西城区", "2800"]]),
    ]
    for caption, head, rows in tables:
        html = "".join(f"<tr>{''.join(f'<td>{c}</td>' for c in r)}</tr>" for r in [head, *rows])
        assert targets(page_record(f"<p>附件</p><p>{caption}</p><table>{html}</table>")) == [], caption
    # metres are a unit (since 2026-12-04): a district's share of new greenway is its target
    html = "<tr><td>区域</td><td>新增绿道</td></tr><tr><td>东城区</td><td>800米</td></tr><tr><td>西城区</td><td>600米</td></tr>"
    got = summary(page_record(f"<p>附件</p><p>各区建设任务分配表</p><table>{html}</table>"))
    assert [(i, v, u) for i, v, _h, u, _c, _y in got] == [("新增绿道（东城区）", 800, "米"), ("新增绿道（西城区）", 600, "米")]


def test_the_rows_of_a_table_of_standards_are_not_read_as_sentences_either() -> None:
    body = ("<p>表3 培训补贴标准</p><table><tr><td>职业资格等级</td><td>补贴标准</td></tr>"
            "<tr><td>初级工</td><td>1000元/人</td></tr><tr><td>中级工</td><td>1500元/人</td></tr></table>")
    assert targets(page_record(body)) == []


def test_the_narrower_of_two_indicator_columns_names_the_row() -> None:
    body = ("<p>附件 绩效目标表</p><table><tr><td>一级指标</td><td>二级指标</td><td>指标值</td></tr>"
            "<tr><td>产出</td><td>培训人数</td><td>≥500人</td></tr><tr><td>效益</td><td>满意度</td><td>≥90%</td></tr></table>")
    assert [(t.indicator, t.value) for t in targets(page_record(body))] == [("培训人数", 500), ("满意度", 90)]


def test_with_no_year_known_the_latest_year_column_is_the_goal() -> None:
    text = "指标\t2020年\t2025年\n城镇新增就业（万人）\t10\t12\n"
    assert [(t.value, t.year) for t in targets_in(text, 0, len(text), None)] == [(120000, 2025)]


def test_a_markdown_row_read_as_a_sentence_ends_its_clauses_at_the_pipes() -> None:
    text = "| 主要任务 | 说明 |\n|---|---|\n| 城镇新增就业12万人 | 全市 |\n| 城镇调查失业率控制在5.5%以内 | 全市 |\n"
    assert [(t.indicator, t.value) for t in targets_in(text, 0, len(text), 2021)] == [
        ("城镇新增就业", 120000), ("城镇调查失业率", 5.5)]


def test_rows_ending_in_a_pipe_without_one_before_are_a_table() -> None:
    text = ("融安县2023年金桔生产任务分解表\n乡镇 | 新种任务(亩) | 备注 |\n全县合计 | 7000 | |\n"
            "长安镇 | 2150 | |\n板榄镇 | 600 | |\n")
    got = [(t.indicator, t.value, t.unit, t.year) for t in targets_in(text, 0, len(text), 2023)]
    assert got == [("新种任务（全县合计）", 7000, "亩", 2023), ("新种任务（长安镇）", 2150, "亩", 2023),
                   ("新种任务（板榄镇）", 600, "亩", 2023)]


def test_a_pdf_s_table_set_out_in_columns_of_spaces_is_read() -> None:
    # a PDF's text keeps a table's columns as runs of spaces, and spaces a cell's characters (指 标)
    text = ("某某县“十四五”养老服务发展规划\n\n二、主要目标\n\n       到 2025 年,养老服务体系 更加健全。\n\n"
            "            专栏 1        “十四五”时期养老服务主要指标\n\n"
            "                 指 标                          2025 年        属 性\n\n"
            "        1.护理型床位占比(%)                         >55           约束性\n"
            "        2.社区养老服务设施覆盖率(%)                  100           约束性\n\n"
            "        3.培训养老护理员(人)                        >800          预期性\n")
    rec = extract(Source("plan.txt", text, "utf-8", "txt", {"title": "某某县“十四五”养老服务发展规划"}))
    assert summary(rec) == [("护理型床位占比", 55, None, "%", "at_least", 2025),
                            ("社区养老服务设施覆盖率", 100, None, "%", "equal", 2025),
                            ("培训养老护理员", 800, None, "人", "at_least", 2025)]


@given(st.integers(2, 4).flatmap(lambda k: st.tuples(
    st.lists(_CELL, min_size=k, max_size=k),
    st.lists(st.tuples(st.lists(st.one_of(_CELL, st.integers(0, 9999).map(str)), min_size=k, max_size=k),
                       st.integers(0, 9999).filter(lambda n: not 1900 <= n <= 2099)), min_size=2, max_size=6))),
    st.lists(st.integers(3, 12), min_size=30, max_size=30))
def test_columns_of_spaces_split_into_the_cells_they_were_made_from(
        table: tuple[list[str], list[tuple[list[str], int]]], gaps: list[int]) -> None:
    # The reference is the table before it was set out: each row's cells (a goal column last)
    # joined by runs of at least three spaces, indented, between blank lines. (A header of two
    # cells with no number is not told from a line of prose: three columns at least; a row whose
    # only number could be a year, 1900–2099, is not told from a header of years.)
    header = (*table[0], "目标值")
    rows = [(*cells, str(goal)) for cells, goal in table[1]]
    text = "主要指标\n\n" + "\n\n".join(
        "    " + "".join(c + " " * gaps[(i + j) % len(gaps)] for j, c in enumerate(cells)).rstrip()
        for i, cells in enumerate([header, *rows])) + "\n"
    (found,) = tables_in(text, 0, len(text))
    assert (found.header, [r.cells for r in found.rows]) == (header, rows)


def test_a_header_without_its_corner_cell_sits_over_the_value_columns() -> None:
    # a PDF's text drops the empty cell over the rows' names: the header is one cell short
    text = ("二、主要目标\n\n         2022年完成情况      2025年目标\n森林覆盖率      60%      65%\n"
            "林木蓄积量(万立方米)      120      150\n")
    got = targets_in(text, 0, len(text), 2022)
    assert [(t.indicator, t.value, t.unit, t.year) for t in got] == [
        ("森林覆盖率", 65, "%", 2025), ("林木蓄积量", 1500000, "立方米", 2025)]


def test_an_unnumbered_table_whose_rows_fall_out_of_step_is_not_read() -> None:
    # a group cell (宏观调控) before the first row and rows short of merged cells: the rows chunked
    # by the header's width stop where cells like theirs go on, so none is trusted (分值 3 is a score)
    cells = ["项 目", "分值", "目标任务", "监考单位", "宏观调控", "地区生产总值增长率", "3", "年终综合考核", "区发改局",
             "工业增加值增长率", "3", "年终综合考核", "区经信局", "服务业增加值增长率", "3", "年终综合考核", "区商务局",
             "社会消费品零售总额增长率", "3", "地方财政收入增长率", "3", "年终综合考核", "区财政局",
             "全社会固定资产投资额", "3", "186", "区发改委"]
    text = "附件\n2016年度目标任务分解表\n" + "\n".join(cells) + "\n"
    assert tables_in(text, 0, len(text)) == []


def test_a_table_of_places_in_columns_with_cell_edges_takes_its_units_from_the_line_introducing_it() -> None:
    # 乡镇 | 甲镇 | 乙镇 | 合计, then one row per measure, each cell closed by its edge; the
    # paragraph above ends in the table's lead-in, whose note gives each row's unit in order
    cells = ["乡镇 |", "甲镇 |", "乙镇 |", "合计 |", "种植 面积 |", "5300 |", "5010 |", "10310 |",
             "考核 数量 |", "15780 |", "14470 |", "30250 |"]
    text = ("二、工作目标\n计划种植烤烟面积10310亩。其中，各乡镇烤烟种植任务为（单位：亩、担）：\n"
            + "\n".join(cells) + "\n（二）产质量目标\n")
    got = [(t.indicator, t.value, t.unit) for t in targets_in(text, 0, len(text), 2022)]
    assert got[1:] == [("种植面积（甲镇）", 5300, "亩"), ("种植面积（乙镇）", 5010, "亩"), ("种植面积（合计）", 10310, "亩"),
                       ("考核数量（甲镇）", 15780, "担"), ("考核数量（乙镇）", 14470, "担"), ("考核数量（合计）", 30250, "担")]
    assert (got[0][1], got[0][2]) == (10310, "亩")  # the sentence's own target


@pytest.mark.parametrize(("text", "values"), [
    ("2009年建设10815口沼气池，计划收购烟叶50900担。", [(10815, "口"), (50900, "担")]),
    ("全县人口30万，口岸3个。", []),
])
def test_wells_pits_and_dan_are_units(text: str, values: list[tuple[float, str]]) -> None:
    assert [(t.value, t.unit) for t in targets_in(text, 0, len(text), 2009)] == values


@pytest.mark.parametrize(("cells", "caption", "expected"), [
    # a caption's units follow the columns, one per goal column
    (["乡镇", "种植面积", "收购量", "城关镇", "1.2", "3", "新城镇", "0.8", "2"], "现将2024年各乡镇烤烟种植收购任务下达如下（单位：万亩、万担）：",
     [(12000, "亩"), (30000, "担"), (8000, "亩"), (20000, "担")]),
    # a column of part of a year reports results; so does a recruitment's table
    (["指标", "单位", "2023年1-6月", "同比增长", "地区生产总值", "亿元", "1234.5", "5.6", "规模以上工业增加值", "亿元", "300.2", "6.1"],
     "主要经济指标", []),
    (["单位名称", "岗位名称", "招聘人数", "县人民医院", "临床医生", "5", "县中医院", "护士", "3"], "2024年招聘计划表", []),
])
def test_caption_units_go_by_column_and_results_and_posts_are_no_goals(
        cells: list[str], caption: str, expected: list[tuple[float, str]]) -> None:
    text = caption + "\n" + "\n".join(cells) + "\n"
    assert [(t.value, t.unit) for t in targets_in(text, 0, len(text), 2024)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a caption handing tasks down makes a column of part of a year a goal's
    ("现将2023年各乡镇新增就业任务下达如下（单位：人）：\n乡镇\n上半年\n全年\n城关镇\n500\n1000\n新城镇\n300\n600\n",
     [(500, "人"), (1000, "人"), (300, "人"), (600, "人")]),
    # rows that are measures take the caption's units in order, whatever heads their column
    ("现将2024年各镇烤烟生产任务下达如下（单位：万亩、万担）：\n项目\n城关镇\n新城镇\n种植面积\n1.2\n0.8\n收购量\n3\n2\n",
     [(12000, "亩"), (8000, "亩"), (30000, "担"), (20000, "担")]),
    # jobs to create (岗位) are goals; a recruitment's posts are not
    ("2023年各县区稳岗扩岗目标任务表\n县区\t新增就业岗位（个）\t见习岗位（个）\n城关区\t2000\t300\n新城区\t1500\t200\n",
     [(2000, "个"), (300, "个"), (1500, "个"), (200, "个")]),
])
def test_what_the_second_review_found_in_tables(text: str, expected: list[tuple[float, str]]) -> None:
    assert [(t.value, t.unit) for t in targets_in(text, 0, len(text), 2023)] == expected


def test_a_pipe_table_under_caption_rows_names_each_body_and_the_next_attachment_is_its_own() -> None:
    # a page prints an attachment's label, title and unit note as rows of one cell (附件 | ||); the
    # header's 单 位 are the bodies tasks go to, not units; 一、 before a city opens no table of its own
    text = ("某省林业厅关于下达2015年封山育林补充计划的通知\n各有关市、县林业局：\n现下达2015年封山育林任务补充计划。\n"
            "某省林业厅\n2015年12月3日\n附件 | ||\n2015年封山育林补充计划表 | ||\n单位:万亩 | ||\n"
            "单 位 | 封山育林 | 备注 |\n总 计 | 7.5 | |\n一、甲市 | 2.5 | |\n乙县 | 2.5 | |\n二、丙市 | 5.0 | |\n"
            "附件2 | ||\n专项资金安排表 | ||\n乡镇 | 金额 | 建设项目 | 补助金额 | |\n"
            "甲镇 | 4 | 修复拦水坝3座 | 4 | |\n合计 | 4 | 4 |\n")
    rec = extract(Source("notice.txt", text, "utf-8", "txt", {}))
    assert [(t.indicator, t.value, t.unit, t.year) for t in targets(rec)] == [
        ("封山育林（总计）", 75000, "亩", 2015), ("封山育林（甲市）", 25000, "亩", 2015),
        ("封山育林（乙县）", 25000, "亩", 2015), ("封山育林（丙市）", 50000, "亩", 2015)]
    # the money table below the next label is its own: allocations, no goal, and its short 合计 row
    # puts no number under the column of projects
    (_, money) = tables_in(text, 0, len(text))[:2]
    assert money.header == ("乡镇", "金额", "建设项目", "补助金额", "")
    assert money.caption == "附件2 专项资金安排表"


def test_a_header_whose_top_cell_spans_the_measures_below_folds_under_them() -> None:
    # A scraped task table: 承担单位 | 年度任务 (spanning 造林面积(亩) | 苗木(万株) | 培训(人次)) | 涉及村,
    # one cell per line between edges, one cell more in the header than in a row; a 合计 row
    # counts the villages the other rows name. The totals are tasks too; 3个村 is no goal.
    cells = ["|", "承担单位 |", "年度任务 |", "涉及村 | |||", "|", "造林 面积(亩) |", "苗木 (万株) |",
             "培训(人次) | ||", "|", "东山镇 |", "1200 |", "3.5 |", "60 |", "东山村 |", "|",
             "西河乡 |", "800 |", "2 |", "40 |", "西河村、南坡村 |", "|", "合计 |", "2000 |", "5.5 |", "100 |", "3个村 |"]
    text = ("某某县林业局关于下达2015年植树造林任务的通知\n\n各乡镇人民政府：\n\n现将2015年植树造林任务下达给你们。\n\n"
            "某某县林业局\n\n2015年3月2日\n\n附件：2015年植树造林任务表\n\n" + "\n".join(cells) + "\n")
    rec = extract(Source("notice.txt", text, "utf-8", "txt", {}))
    assert [(t.indicator, t.value, t.unit, t.year) for t in targets(rec)] == [
        ("造林面积（东山镇）", 1200, "亩", 2015), ("苗木（东山镇）", 35000, "株", 2015),
        ("培训（东山镇）", 60, "人次", 2015),
        ("造林面积（西河乡）", 800, "亩", 2015), ("苗木（西河乡）", 20000, "株", 2015),
        ("培训（西河乡）", 40, "人次", 2015),
        ("造林面积（合计）", 2000, "亩", 2015), ("苗木（合计）", 55000, "株", 2015),
        ("培训（合计）", 100, "人次", 2015)]


@given(st.lists(st.sampled_from(["面积(亩)", "产量(吨)", "培训(人次)", "资金（万元）", "户数(户)"]),
                min_size=2, max_size=5, unique=True),
       st.lists(st.tuples(st.sampled_from(["甲镇", "乙乡", "丙街道", "丁镇"]),
                          st.lists(st.integers(1, 99999).map(str), min_size=5, max_size=5),
                          st.sampled_from(["东村", "西村、北村", "南村"])), min_size=2, max_size=6),
       st.booleans())
def test_a_spanning_top_cell_is_resolved_by_the_units_over_the_numbers(
        measures: list[str], rows: list[tuple[str, list[str], str]], edges: bool) -> None:
    # The reference is the table before it was flattened: 单位 column, a group over the measures,
    # a note column of villages; the fold must put every measure over its own numbers.
    head = ["实施单位", "各项目任务", "涉及村", *measures]
    cells = head + [c for place, values, note in rows for c in (place, *values[:len(measures)], note)]
    text = "附件：任务表\n" + "\n".join(c + (" |" if edges else "") for c in cells) + "\n"
    (found,) = tables_in(text, 0, len(text))
    assert found.header == ("实施单位", *measures, "涉及村")
    assert [r.cells for r in found.rows] == [(p, *v[:len(measures)], n) for p, v, n in rows]


def test_a_table_printed_with_single_spaces_between_its_cells_is_read() -> None:
    # 责任单位 外贸出口目标 实到外资目标, then a district and its two numbers a line; the caption's
    # unit (金额单位:万美元) is every column's. Prose with single spaces is no table.
    text = ("某市人民政府办公厅关于下达2002年外经贸目标任务的通知\n各区县人民政府：\n现将2002年外经贸目标任务下达给你们。\n"
            "某市人民政府办公厅\n二○○二年一月二十四日\n附件1:\n2002年区县外经贸目标任务分解表\n金额单位:万美元\n"
            "责任单位 外贸出口目标 实到外资目标\n甲区 1900 300\n乙区 2000 1000\n丙县 150 100\n")
    rec = extract(Source("notice.txt", text, "utf-8", "txt", {}))
    assert [(t.value, t.unit, t.year) for t in targets(rec)] == [
        (19000000, "美元", 2002), (3000000, "美元", 2002), (20000000, "美元", 2002), (10000000, "美元", 2002),
        (1500000, "美元", 2002), (1000000, "美元", 2002)]
    prose = "会议 要求 各地\n甲区 1900 300\n"
    assert tables_in(prose, 0, len(prose)) == []


@pytest.mark.parametrize(("text", "least"), [
    # the plain reading of a spanning header (its last cell taken for a row's name) is never used
    # where the spanned one fits, nor where a unit heads a column of words; a bracketed place head
    # (乡镇（街道）) is no unit; a row wrapped over two lines folds nothing (no cell is guessed)
    ("2023年实施任务表\n实施单位\n各项目内容实施任务\n项目涉及村\n实施面积(亩)\n商品有机肥(吨)\n甲镇\n3000\n600\n东村\n"
     "乙镇\n2000\n400\n南村\n合计\n5000\n1000", 4),
    ("2023年任务分解表\n乡镇（街道）\n年度任务\n项目涉及村\n实施面积(亩)\n商品有机肥(吨)\n甲镇\n3000\n600\n东村\n"
     "乙镇\n2000\n400\n南村", 4),
    ("2023年实施任务表\n实施单位\n各项目内容实施任务\n项目涉及村\n实施面积(亩)\n商品有机肥(吨)\n甲镇\n3000\n600\n东村、\n"
     "西村\n乙镇\n2000\n400\n南村\n丙镇\n1000\n200\n北村", 0),
])
def test_what_the_fourth_review_found_in_tables(text: str, least: int) -> None:
    got = [(t.indicator, t.value, t.unit) for t in targets_in(text, 0, len(text), 2023)]
    assert set(got) <= {("实施面积（甲镇）", 3000, "亩"), ("商品有机肥（甲镇）", 600, "吨"),
                        ("实施面积（乙镇）", 2000, "亩"), ("商品有机肥（乙镇）", 400, "吨"),
                        ("实施面积（丙镇）", 1000, "亩"), ("商品有机肥（丙镇）", 200, "吨")}, got
    assert len(got) >= least, got
    # statistics printed with single spaces are no table of tasks
    stats = "指标 本年 上年\n粮食产量 120 110\n蔬菜产量 60 55\n"
    assert targets_in(stats, 0, len(stats), 2023) == []


def test_rows_with_more_cells_than_headings_over_them_are_not_read() -> None:
    # a three-row header flattened with its empty cells dropped: 姜堰区's nine numbers stand under
    # five headings; no cell can be placed, so the table is not read (the sentences still are)
    text = ("2016年保障性安居工程目标任务分解表\n城市/部门 | 棚户区改造小计 | 公共租赁住房 | 租赁补贴 | 健全率(%) | ||||||\n"
            "开工合计 | 建成合计 | 棚户区 | 基本建成 | |||||||\n海陵区 | 7117 | 1353 | 7117 | 1353 | 89 | |||||\n"
            "姜堰区 | 1065 | 700 | 1065 | 700 | 200 | 200 | 20 | 85 | ||\n")
    assert targets_in(text, 0, len(text), 2016) == []


def test_an_unlabelled_attribute_column_keeps_its_table() -> None:
    # 属性 left unlabelled: one word more in each row than headings is no lost span
    text = ("二、主要目标\n到2025年，生态环境持续改善。\n表1 主要指标\n指标\t单位\t2020年\t2025年\t\n"
            "地表水优良比例\t%\t80\t85\t约束性\nPM2.5浓度\t微克/立方米\t35\t30\t约束性\n")
    got = [(t.value, t.unit, t.year) for t in targets_in(text, 0, len(text), 2021)]
    assert got == [(85, "%", 2025), (30, "微克/立方米", 2025)]
