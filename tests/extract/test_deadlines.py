"""Deadlines: every 前/内 time limit, resolved with the document's year where it can be (holidays
through the lunar calendar), relative and recurring ones kept unresolved (issue 21)."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lunardate import LunarDate

from policygraph.extract.measures.deadlines import deadlines_in
from policygraph.extract.measures.holidays import holiday_date
from policygraph.models import Deadline

from ..conftest import record_of


def found(text: str, year: int | None = 2016, date: str | None = None) -> list[Deadline]:
    return deadlines_in(text, 0, len(text), year, "", date)


def one(text: str, year: int | None = 2016, date: str | None = None) -> Deadline:
    (d,) = found(text, year, date)
    return d


@pytest.mark.parametrize(
    ("text", "deadline", "date"),
    [
        ("今年年内完成清理。", "年内", "2016-12-31"),
        ("2020年前全面完成改造。", "2020年前", "2020-12-31"),
        ("春节前发放到位。", "春节前", "2016-02-08"),
        ("国庆节前完成验收。", "国庆节前", "2016-10-01"),
        ("明年端午节前完工。", "明年端午节前", "2017-05-30"),
        ("请于6月20日18：00前报送自查报告。", "6月20日18：00前", "2016-06-20"),
        ("各地于3月5日12时前报送。", "3月5日12时前", "2016-03-05"),
        ("首开区“十一”前建成运营。", "“十一”前", "2016-10-01"),  # National Day, named by its date
        ("各地“五一”前完成整改。", "五一”前", "2016-05-01"),
    ],
)
def test_resolved_deadlines(text: str, deadline: str, date: str) -> None:
    d = one(text)
    assert (d.text.strip(), d.date, d.relative) == (deadline, date, False)


@pytest.mark.parametrize("text", [
    "到2020年，基本建成回收体系。",  # a goal year, no 前/内 limit (issue 21 counts only those)
    "2019年上半年，试点城市印发实施方案。",  # a window
    "1997年4—6月，由社会团体进行自查。",
    "在“七五”期间逐年减少拨款。",
    "临时占用期限一般不得超过一年。",  # a duration
    "最长不超过15个工作日。",
    "供电企业应当提前7天通知用户。",  # advance notice
    "省人民代表大会会议于每年第一季度举行。",
    "中华人民共和国水利部\n二〇二一年十二月\n前 言\n水土保持是生态文明建设的重要内容。",  # a date above 前言
    "提高4~6个月以内婴儿的纯母乳喂养率。",  # an age group
    "按照项目名称、年内进度目标、责任单位等内容上报。",  # a field's name
])
def test_time_expressions_that_are_no_limit_are_no_deadline(text: str) -> None:
    assert found(text) == []


def test_deadlines_in_a_list_each_count() -> None:
    text = "（一）6月底前制定方案；（二）9月底前完成试点；（三）年底前全面推开。"
    assert [d.date for d in found(text)] == ["2016-06-30", "2016-09-30", "2016-12-31"]


@pytest.mark.parametrize(
    ("text", "deadline"),
    [
        ("应当自受理申请之日起20个工作日内作出决定。", "20个工作日内"),
        ("应当在会议举行的三十日前将草案发给代表。", "三十日前"),
        ("应当在有效期届满90日前申请延续。", "90日前"),
        ("自地方性法规施行之日起一年内作出规定。", "一年内"),
        ("力争三到五年时间内，监管机制更加完善。", "三到五年时间内"),
        ("每年3月底前报送上年度情况。", "3月底前"),  # recurring
    ],
)
def test_relative_and_recurring_limits_stay_unresolved(text: str, deadline: str) -> None:
    d = one(text)
    assert (d.text, d.date, d.relative) == (deadline, None, True)


@pytest.mark.parametrize(
    "text",
    [
        "毕业2年内的高校毕业生可以申请。",  # a class of people
        "5年内不再受理其申请。",  # a sanction measured in time
        "暂停其6个月以内从事报关业务。",  # likewise
        "1年内有2次以上走私行为的，从重处罚。",  # a look-back condition
        "在两年之内对其行政区域内企业给予支持。",  # a period, not a limit for an act
        "3年前已经建成。",  # three years ago
        "以一个月内取得的收入为一次。",  # the basis of a measure
        "5月3日内蒙古发生地震。",  # a date before 内蒙古
        "补扣期限最长不得超过五年。",  # a tax parameter
        "到2020年，农机总动力超过10亿千瓦。",  # the year of a target, not a deadline
        "上述对象于3个月内被用人单位吸纳就业的，给予补贴。",  # an event that qualifies
        "在6个月内需要变更定点医疗机构的，可重新办理登记。",  # a need arising in it
    ],
)
def test_periods_that_are_no_time_limits(text: str) -> None:
    assert found(text) == []


def test_a_holiday_already_past_in_the_year_of_issue_is_next_years() -> None:
    assert one("春节前发放到位。", 2016, "2016-11-03").date == "2017-01-28"
    assert one("春节前发放到位。", 2016, "2016-01-10").date == "2016-02-08"


@given(st.integers(min_value=1950, max_value=2090))
def test_the_spring_festival_is_lunar_new_year(year: int) -> None:
    d = holiday_date("春节", year)
    assert d is not None and LunarDate.from_solar_date(d.year, d.month, d.day) == LunarDate(year, 1, 1)
    assert dt.date(year, 1, 20) <= d <= dt.date(year, 2, 21)


@given(st.integers(min_value=1, max_value=12), st.sampled_from(["底", "末", ""]))
def test_month_deadlines_resolve_inside_the_year(month: int, part: str) -> None:
    d = one(f"{month}月{part}前完成。")
    assert d.date is not None
    resolved = dt.date.fromisoformat(d.date)
    assert resolved.year in (2015, 2016) and (resolved.month == month or not part)


def test_a_record_reads_a_holiday_against_its_own_date() -> None:
    rec = record_of(
        "某市人民政府关于转发省政府通知的通知\n某政发〔2016〕3号\n各区人民政府：\n　　现将省政府通知转发给你们，"
        "请于春节前报送落实情况。\n某市人民政府\n2016年11月3日\n"
    ).to_dict()
    assert [(d["text"], d["date"]) for d in rec["deadlines"]] == [("春节前", "2017-01-28")]


def test_a_day_of_every_month_a_terms_end_and_years_after_an_event_are_relative_limits() -> None:
    text = ("补贴发放时间为每月25日前。申请主体应在合同期满前3个月提出续租申请。"
            "学生集体户口人员结束学业后2年内，须将户籍迁出。毕业后2年内的高校毕业生可申请。"
            "请各责任单位于每季度末月20日前报送进展。")
    got = [(d.text, d.date, d.relative) for d in deadlines_in(text, 0, len(text), 2023)]
    assert got == [("每月25日前", None, True), ("期满前3个月", None, True), ("2年内", None, True),
                   ("每季度末月20日前", None, True)]


def test_a_duration_a_verb_cuts_to_is_a_targets_value_and_years_to_cut_are_a_limit() -> None:
    text = "五年内压缩到5个工作日以内。登记时间分别压缩至15个、7个工作日以内。自受理之日起20个工作日内作出决定。"
    got = [(d.text, d.relative) for d in deadlines_in(text, 0, len(text), 2018)]
    assert got == [("五年内", True), ("20个工作日内", True)]


def test_a_named_period_is_a_relative_limit_and_a_look_back_is_none() -> None:
    text = ("对评估结果有异议的，应在公示期内提出复评申请。服务资助应在当月内使用完毕。"
            "过渡期内按市场租金计收租金。申请救助的事由应发生在申请日前12个月内。")
    got = [(d.text, d.relative) for d in deadlines_in(text, 0, len(text), 2023)]
    assert got == [("公示期内", True), ("当月内", True)]


def test_minutes_are_a_limit_too() -> None:
    assert [(d.text, d.relative) for d in found("急会诊时会诊医师应当在会诊申请发出后10分钟内到场。")] == [("10分钟内", True)]


def test_a_record_named_by_its_span_is_no_limit() -> None:
    # 24小时内入出院记录 names a kind of record (spaces and line breaks of a PDF's text inside it);
    # the limit is the one after 出院后
    text = "24小时内入出 院记录应当于患者出院后24小时内完成，24小时内入院\n死亡记录应当于患者死亡后24小时内完成。"
    assert [(d.start, d.text) for d in found(text)] == [
        (text.index("出院后") + 3, "24小时内"), (text.index("死亡后") + 3, "24小时内")]


def test_a_date_already_past_that_names_which_things_are_meant_is_no_limit() -> None:
    # in a 2017 plan: the flats built before 2013 ends are a class; 2017年底前 is the limit
    text = "2013年底前开工建设的公租房，原则上2017年底前要完成分配90%。"
    assert [(d.text, d.date) for d in found(text, 2017)] == [("2017年底前", "2017-12-31")]
    # the same words in a 2012 plan are a limit still to be met
    assert [d.text for d in found("2013年底前开工建设的公租房全部完成。", 2012)] == ["2013年底前"]


def test_dates_listed_before_one_前_each_are_a_limit() -> None:
    assert [(d.text, d.date) for d in found("请于6月30日、12月31日前报送。", 2010)] == [
        ("6月30日", "2010-06-30"), ("12月31日前", "2010-12-31")]
    # recurring together
    assert [(d.text, d.relative) for d in found("应于每年2月10日和8月10日前将统计报送。", 2010)] == [
        ("2月10日", True), ("8月10日前", True)]


def test_the_end_of_every_month_is_a_recurring_limit() -> None:
    assert [(d.text, d.date, d.relative) for d in found("应于每月底之前将上月考核电量报送。")] == [
        ("每月底之前", None, True)]


@pytest.mark.parametrize(("text", "deadline", "date"), [
    ("并于4月28前上报区局办公室。", "4月28前", "2016-04-28"),  # the day without 日
    ("请于6月20号前报送。", "6月20号前", "2016-06-20"),
    ("“十五五”内争取尽早消除跨市域断头路。", "“十五五”内", "2030-12-31"),
    ("十四五末前完成改造。", "十四五末前", "2025-12-31"),
])
def test_days_written_loosely_and_plan_periods_are_dated(text: str, deadline: str, date: str) -> None:
    d = one(text)
    assert (d.text, d.date) == (deadline, date)


def test_half_units_and_aimed_year_spans_are_limits_and_a_place_is_none() -> None:
    assert [d.text for d in found("一个半月内完成整改。")] == ["一个半月内"]
    assert [d.text for d in found("争取3年内让全部废弃矿山复绿焕新。")] == ["3年内"]
    assert found("“十四五”时期内蒙古发展历程极不平凡。") == []
    assert found("两年之内对其进行复查。") == []


def test_a_decimal_duration_a_cut_reaches_is_no_limit() -> None:
    # 8.5个工作日以内 is the value of a cut (its 5 was read as 5个工作日以内)
    assert [d.text for d in found("2018年底前将企业开办时间压缩一半以上至8.5个工作日以内。")] == ["2018年底前"]


@pytest.mark.parametrize("text", [
    "交付使用五年内不得挖掘。",  # a period after 使用, not a limit after 用3年时间
    "“十三五”期间内，全省累计新增就业300万人。",  # a window already past
    "代表团4月28前往北京。",  # 前往
    "3月15号前后开展。",  # 前后
])
def test_reviewed_forms_that_are_no_limit(text: str) -> None:
    assert found(text, 2023) == []


def test_limits_a_loose_cut_no_longer_hides_and_whitespace_is_linear() -> None:
    assert [d.text for d in found("企业应当降低能耗并在30日内报告整改情况。")] == ["30日内"]
    assert [d.text for d in found("请于6月10号和6月20号前报送。", 2023)] == ["6月10号", "6月20号前"]
    started = time.perf_counter()
    found("1" + " \n" * 1000 + "x")  # was 42 s: \s*个?\s*半?\s* tried every split of the spaces
    assert time.perf_counter() - started < 1.0


def test_a_span_of_years_listed_after_a_limit_is_one_too() -> None:
    text = "申报企业应承诺获得项目开发权后9个月内开工、1年半内全容量并网。"
    assert [d.text for d in found(text)] == ["9个月内", "1年半内"]


def test_a_day_of_the_next_month_is_a_relative_limit() -> None:
    got = found("应在次月15日内将股东情况报告主管税务机关，并于次月10日前传递给主管地税机关。")
    assert [(d.text, d.date, d.relative) for d in got] == [("次月15日内", None, True), ("次月10日前", None, True)]


def test_a_work_report_s_unnumbered_sections_date_its_tasks_and_review_none() -> None:
    """A work report saved without its title or date: its 2024年主要工作安排 line, before the
    numbered tasks, gives them their year, and its 2023年工作回顾 sets no limit."""
    text = ("各位代表：\n　　现在，我代表市人民政府，向大会报告工作。\n2023年工作回顾\n"
            "　　一年来，受损房屋维修重建10月20日前全部完工。\n2024年主要工作安排\n"
            "　　2024年全市经济社会发展主要预期目标是：地区生产总值增长6.5%左右。\n"
            "一、推动产业发展\n　　新增规模以上工业企业50户。年底前完成28个地质灾害防治项目。\n"
            "二、增进民生福祉\n　　改造老旧小区228个，8月底前全面完成重建项目。\n")
    rec = record_of(text).to_dict()
    assert rec["date"] is None
    assert [(t["value"], t["year"]) for t in rec["targets"]] == [(6.5, 2024), (50, 2024), (28, 2024), (228, 2024)]
    assert [(d["text"], d["date"]) for d in rec["deadlines"]] == [("年底前", "2024-12-31"), ("8月底前", "2024-08-31")]
    # the same sections after a review heading: the review's numbered items set nothing
    review = text.replace("2024年主要工作安排\n　　2024年全市经济社会发展主要预期目标是：地区生产总值增长6.5%左右。\n", "")
    assert record_of(review).to_dict()["targets"] == []


def test_items_a_look_back_introduces_report_until_a_heading_names_the_year() -> None:
    text = ("2023年是开局之年。\n　　一年来，我们主要做了以下工作：\n"
            "　　（一）产业转型步伐持续加快。新增国家高新技术企业90家。\n"
            "　　（二）民生持续改善。完成棚户区改造3552套，10月20日前全部完工。\n"
            "二、2024年工作安排\n　　（一）推进新型工业化。全力推动检验中心（广西）试验场等50个重大项目尽早开工。\n"
            "三、加强政府自身建设\n　　（一）新建便民服务站20个。\n")
    rec = record_of(text).to_dict()
    assert [(t["value"], t["year"]) for t in rec["targets"]] == [(50, 2024), (20, None)]
    assert rec["deadlines"] == []


def test_a_duty_to_act_again_within_a_span_is_a_limit_and_a_sanction_s_window_is_not() -> None:
    assert one("需要重新办理的，主（合）办单位应当在1个月内再次答复。").text == "1个月内"
    assert found("一年内再次违反本规定的，从重处罚。") == []


def test_a_look_back_ends_at_a_heading_of_what_is_to_come_and_no_word_inside_another_is_one() -> None:
    text = ("某局关于2024年工作总结和2025年工作计划的报告\n一、工作开展情况\n　　今年以来，全局上下积极作为。\n"
            "2024年工作回顾\n　　（一）全年城镇新增就业11万人。\n二、下一步工作计划\n"
            "　　（一）2025年城镇新增就业12万人以上。\n　　（二）6月底前出台稳就业实施细则。\n某局\n2024年12月20日\n")
    rec = record_of(text).to_dict()
    assert [(t["value"], t["year"]) for t in rec["targets"]] == [(120_000, 2025)]
    assert [d["text"] for d in rec["deadlines"]] == ["6月底前"]
    plan = "某市2024年就业工作方案\n各区：\n　　（一）9月底前完成就业服务站建设。\n某市人民政府\n2024年3月1日\n"
    assert [d["date"] for d in record_of(plan).to_dict()["deadlines"]] == ["2024-09-30"]  # 完成就业 is no 成就


def test_a_sanction_s_window_with_again_is_no_limit() -> None:
    assert found("应当在6个月内不得再次申请。") == []
    assert found("当事人应当在30日内再次违反的，从重处罚。") == []


@pytest.mark.parametrize("text", ["当事人自收到决定书之日起三十日内提起诉讼的，人民法院应予受理。",
                                  "申请人应当在收到通知之日起十五日内被告知审查结果。",  # a duty
                                  "自公示结束之日起30个自然日内未签订入驻协议的，视为自动放弃入驻。"])
def test_an_act_done_or_missed_in_a_window_is_still_a_limit(text: str) -> None:
    assert len(found(text)) == 1


@pytest.mark.parametrize(("text", "deadline"), [
    ("汛期前完成哈素海等区域水毁工程修复。", "汛期前"), ("确保入汛前防汛能力恢复至灾前水平。", "入汛前"),
    ("秋季开学前完成校舍维修。", "开学前"), ("由市医疗保障局在每一医保年度开始前确定并公布。", "医保年度开始前"),
])
def test_a_season_or_a_year_s_period_is_a_relative_limit(text: str, deadline: str) -> None:
    d = one(text)
    assert (d.text, d.date, d.relative) == (deadline, None, True)
    assert found("开展汛前检查。") == []  # the name of an inspection


def test_a_year_glued_to_its_month_still_dates_a_limit_and_the_dates_listed_before_it() -> None:
    got = found("并于20251月20日前报区政府督查室。将完成情况20254月8日、7月8日及12月8日前报送。", 2025)
    assert [(d.text, d.date) for d in got] == [("20251月20日前", "2025-01-20"), ("4月8日", "2025-04-08"),
                                              ("7月8日", "2025-07-08"), ("12月8日前", "2025-12-08")]


def test_a_service_received_within_a_span_is_a_standard_not_a_limit() -> None:
    assert found("到2010年，灾民24小时内得到基本生活救助。") == []
    assert len(found("应当在24小时内得到批复。")) == 1  # a duty before it: a limit


def test_a_relative_limit_alone_in_a_table_s_cell_is_a_standard_s_value() -> None:
    assert [d.text for d in found("灾害救助\n24小时内 |\n30日内办结。\n")] == ["30日内"]


@pytest.mark.parametrize(("text", "deadline", "date"), [
    ("请于2024年11月30日（星期六）前报送。", "2024年11月30日（星期六）前", "2024-11-30"),  # a weekday named
    ("在2024年第三季度前完成。", "2024年第三季度前", "2024-09-30"),
    ("三季度前完成调研。", "三季度前", "2024-09-30"),  # the document's year
    ("一季度末前完成。", "一季度末前", "2024-03-31"),
    ("请各地务必于本月20日前上报。", "本月20日前", "2024-05-20"),  # the month the notice is dated in
])
def test_weekdays_quarters_and_this_month(text: str, deadline: str, date: str) -> None:
    d = one(text, 2024, "2024-05-06")
    assert (d.text, d.date, d.relative) == (deadline, date, False)


def test_a_statute_s_quarter_recurs_and_before_the_flood_season_is_relative() -> None:
    (d,) = deadlines_in("于第三季度前报上一级人民政府。", 0, 15, 2009, "第十条")
    assert (d.text, d.date) == ("第三季度前", None)
    assert one("请各地务必于本月20日前上报。", 2024).date is None  # no month known
    d = one("确保汛前完成河道清障。", 2024)
    assert (d.text, d.date, d.relative) == ("汛前", None, True)
    assert found("对所管辖的防洪工程设施进行汛前检查。", 2024) == []  # an inspection's name


@pytest.mark.parametrize(("text", "deadline", "date"), [
    ("于2023624日11:00之前报送。", "2023624日11:00之前", "2023-06-24"),  # the page lost 年 and 月
    ("务于2012118日前报送。", "2012118日前", None),  # 1月18日 or 11月8日: left undated
])
def test_a_date_whose_year_and_month_marks_were_lost(text: str, deadline: str, date: str | None) -> None:
    d = one(text, 2024)
    assert (d.text, d.date, d.relative) == (deadline, date, False)


@pytest.mark.parametrize("text", ["应当在有效期届满120日前向原发证机关申请延续。", "在会议召开115日前发出通知。",
                                  "提前365日前通知。", "务于129日前报送。"])
def test_days_before_an_event_with_no_year_glued_on_are_spans_not_dates(text: str) -> None:
    d = one(text, 2024)
    assert (d.date, d.relative) == (None, True), text


@pytest.mark.parametrize(("text", "deadline", "date"), [
    ("请于6月30日\n前报送材料。", "6月30日\n前", "2024-06-30"),  # wrapped before 前
    ("请于11月28日（星期二）17:00前报名。", "11月28日（星期二）17:00前", "2024-11-28"),  # weekday, then hour
    ("请于11月28日（星期二）下午5点前报名。", "11月28日（星期二）下午5点前", "2024-11-28"),
    ("本月底前报送。", "本月底前", "2024-05-31"),
    ("下月5日前报送。", "下月5日前", "2024-06-05"),
])
def test_what_the_review_of_the_day_s_deadline_rules_found(text: str, deadline: str, date: str) -> None:
    d = one(text, 2024, "2024-05-06")
    assert (d.text, d.date) == (deadline, date)
    assert found("汛前、汛中、汛后各开展一次检查。", 2024) == []  # points in the year, no limit
    assert one("本月20日前上报。", 2024).relative  # no month known: relative to the notice's date


def test_a_rule_s_limits_in_each_year_recur() -> None:
    got = found("上半年于当年6月5日前报送，下半年于当年12月5日前报送。", 2019)
    assert [(d.text, d.date, d.relative) for d in got] == [("当年6月5日前", None, True), ("当年12月5日前", None, True)]


def test_a_labelled_limit_and_a_column_of_limits_need_no_before() -> None:
    text = "（四）治理时限：2018年12月底\n各单位于当月13日前报送进展。"
    got = [(d.text, d.date, d.relative) for d in deadlines_in(text, 0, len(text), 2018)]
    assert got == [("2018年12月底", "2018-12-31", False), ("当月13日前", None, True)]
    # a task table's 完成期限 column: each row's date ends its line; the signature's date stands
    # on a line of its own and is no limit
    table = ("序号 重点工作任务 主要责任单位 完成期限\n33 新培育科技型中小企业50家以上。 区科技局 2023年12月底\n"
             "34 推动企业上市。 区金融办 2023年6月30日\n某区人民政府\n2023年7月12日\n")
    got = [(d.text, d.date) for d in deadlines_in(table, 0, len(table), 2023)]
    assert got == [("2023年12月底", "2023-12-31"), ("2023年6月30日", "2023-06-30")]
    # without a label or such a column, a date is no limit
    plain = "会议于2023年12月底召开。\n办公室 2023年6月30日\n"
    assert deadlines_in(plain, 0, len(plain), 2023) == []


def test_spaced_dates_january_as_yuanyue_and_a_weekday_of_every_week() -> None:
    text = "各镇乡要在 2019 年1月 25 日前分解任务。每年元月3日前报送总结。要于每周三15:00前报送会见单。每人补贴500元月底前发放。"
    got = [(d.text, d.date, d.relative) for d in deadlines_in(text, 0, len(text), 2019)]
    # (500元月底前: 元 is money's, not January's)
    assert got == [("2019 年1月 25 日前", "2019-01-25", False), ("元月3日前", None, True),
                   ("每周三15:00前", None, True)]
    # an hour of every day; not 每日 with no hour
    text = "麦收期间每日22:00前报送进度，每天下午5时前上传照片，每日前报送的不算。"
    got = [(d.text, d.date, d.relative) for d in deadlines_in(text, 0, len(text), 2020)]
    assert got == [("每日22:00前", None, True), ("每天下午5时前", None, True)]


def test_dates_under_other_columns_or_after_an_issuer_are_no_limits() -> None:
    # a table whose last column is 印发时间 under prose naming 完成时限; an issuer's signed line
    text = ("各牵头单位要明确完成时限。\n| 序号 | 文件名称 | 印发单位 | 印发时间 |\n"
            "| 1 | 关于优化营商环境的若干措施 | 市政府办公室 | 2021年3月 |\n"
            "序号 项目名称 主要责任单位 完成时间\n1 新建停车场 市城管局 2023年6月\n某某市人民政府办公室 2023年3月15日\n")
    got = [(d.text, d.date) for d in deadlines_in(text, 0, len(text), 2023)]
    assert got == [("2023年6月", "2023-06-30")]


def test_dangyue_takes_the_month_its_sentence_names() -> None:
    text = "2023年4月，各区要在当月15日前完成摸底排查工作。"
    assert [(d.text, d.date) for d in deadlines_in(text, 0, len(text), 2023)] == [("当月15日前", "2023-04-15")]


def test_the_second_reviews_cases_of_tables_signatures_and_months() -> None:
    table = ("序号 工作任务 牵头单位 完成时限\n1 出台实施细则 市政府办 2023年3月\n二、重点项目\n"
             "序号 项目名称 2023年计划投资 牵头单位 开工时间\n1 某某大道改造工程 5亿元 市住建局 2023年5月\n"
             "| 序号 | 重点工作任务 | 牵头单位 | 完成时限 |\n| --- | --- | --- | --- |\n| 1 | 建成平台 | 市发改委 | 2023年6月底 |\n"
             "序号 重点工作任务 牵头单位 完成时限\n（一） 加强组织领导 市委办 长期坚持\n（二） 建成数据共享平台 市大数据局、\n"
             "市财政局 2023年12月底\n某某市应急管理局 某某市住房和城乡建设局 2023年4月12日\n")
    got = [(d.text, d.date) for d in deadlines_in(table, 0, len(table), 2023)]
    assert got == [("2023年3月", "2023-03-31"), ("2023年6月底", "2023-06-30"), ("2023年12月底", "2023-12-31")]
    text = ("自2023年4月起，各区每月开展一次排查，当月25日前报送结果。请各单位于2023 年 1 月 5 日前报送总结。"
            "资助3000美元月底前到账。各单元月底前完成自查。")
    got = [(d.text, d.date, d.relative) for d in deadlines_in(text, 0, len(text), 2022)]
    assert got == [("当月25日前", None, True), ("2023 年 1 月 5 日前", "2023-01-05", False)]


def test_a_limit_column_before_a_column_of_notes() -> None:
    table = ("| 序号 | 重点工作任务 | 牵头单位 | 完成时限 | 备注 |\n| 1 | 建成平台 | 市发改委 | 2023年6月底 | |\n"
             "| 序号 | 项目名称 | 牵头单位 | 开工时间 | 备注 |\n| 1 | 某某大道 | 市住建局 | 2023年5月 | |\n")
    assert [(d.text, d.date) for d in deadlines_in(table, 0, len(table), 2023)] == [("2023年6月底", "2023-06-30")]


def test_a_day_a_thing_is_handed_in_on_is_its_limit_without_qian() -> None:
    text = ("快报表于2020年1月10日登录统计调查系统在线填报，其它报表于2019年12月25日集中上报。"
            "请于4月17日报送至市文明办。于12月20日完成项目建设。")
    got = [(d.text, d.date, d.relative) for d in deadlines_in(text, 0, len(text), 2019)]
    assert got == [("2020年1月10日", "2020-01-10", False), ("2019年12月25日", "2019-12-25", False),
                   ("4月17日", "2019-04-17", False), ("12月20日", "2019-12-20", False)]
    # a start, a meeting, a 前 read as such, a day done already or before the document, 关于
    text = ("本办法于2019年6月1日起施行。会议于5月10日召开。于6月30日前完成。督察组开展了督察，并于2月25日反馈意见。"
            "关于5月10日报送的材料。单位已于3月5日完成。")
    got = [(d.text, d.date) for d in deadlines_in(text, 0, len(text), 2019)]
    assert got == [("6月30日前", "2019-06-30")]
    text = "请于2019年3月1日报送。"
    assert deadlines_in(text, 0, len(text), 2019, date="2019-04-02") == []


def test_cut_off_labels_window_ends_and_every_holiday_but_not_an_age_cut_off() -> None:
    text = ("调查工作截止时间为11月25日，申报时间截止4月13日。审查工作统一在2013年7月1日至9月30日内完成。"
            "每个节假日前提醒家长。")
    got = [(d.text, d.date, d.relative) for d in deadlines_in(text, 0, len(text), 2013)]
    assert got == [("11月25日", "2013-11-25", False), ("4月13日", "2013-04-13", False),
                   ("9月30日", "2013-09-30", False), ("每个节假日前", None, True)]
    # a report's 截止 names no 时间; an age's cut-off and a relative clause are no limits; a span
    # glossed with its days is read once
    text = ("截止2013年12月31日，全市共有企业100家。每年12月31日前年满18岁的男性公民应当登记。"
            "春节前所形成的矛盾全部化解。需在3个工作日内（即3月31日-4月2日内）选定房屋。")
    got = [(d.text, d.date) for d in deadlines_in(text, 0, len(text), 2013)]
    assert got == [("3个工作日内", None)]


# What the third hostile review (2026-12-04 night) found, each now read right.
@pytest.mark.parametrize(("text", "dates"), [
    ("2023年12月31日前所有学校的食堂完成明厨亮灶改造。", ["2023-12-31"]),
    ("6月30日前所在单位的负责人要签字确认。", ["2023-06-30"]),
    ("2023年6月30日前出生证明要全部办理完毕。", ["2023-06-30"]),
    ("去年，全市于11月30日全面完成秋冬种任务。", []), ("各地已按要求于12月20日报送自查材料。", []),
    ("各地于12月20日报送了评估材料。", []), ("人口普查入户登记工作于12月10日顺利完成。", []),
    ("该项目于2022年12月20日完成竣工验收。", []),
    ("2022年1月1日至12月31日内，全市共受理案件1200件。", []),
    ("2023年1月1日至12月31日内发生的医疗费用，按规定给予报销。", []),
    ("凡在2023年7月1日至9月30日内购买新能源汽车的，给予每辆3000元补贴。", []),
    ("资金用于2023年12月20日完成的项目。", []), ("凡于2023年6月30日完成备案的企业，给予补贴。", []),
    ("请于5月20日以后报送材料。", []), ("各单位不得早于2023年10月20日完成项目验收。", []),
    ("本报告数据统计时间截止2023年12月31日。", []), ("证书有效期截止日期为2025年12月31日。", []),
    ("统计时间截止到2023年12月31日，全市共有市场主体32万户。", []),
    ("市政府于5月10日召开调度会听取各县区报送情况汇报。", []),
    ("各学校于9月1日开学，新生于8月31日报到。", []), ("考生可于7月25日登录系统填报志愿。", []),
])
def test_what_the_third_review_found(text: str, dates: list[str]) -> None:
    assert [d.date for d in deadlines_in(text, 0, len(text), 2023)] == dates, text


def test_a_count_within_a_span_is_no_limit_and_a_notices_lead_in_is_read() -> None:
    text = "无正当理由一年内累计五次未按期完成网络询价的。在二十四小时内累计驾驶时间不得超过八小时。"
    assert deadlines_in(text, 0, len(text), 2020) == []


def test_a_month_end_listed_before_another_shares_its_qian_and_an_hour_alone_is_a_limit() -> None:
    text = "各地要于2020年6月底和年底前分别报送半年和年度工作情况。6月底、12月底前各报送一次。"
    assert [(d.text, d.date) for d in deadlines_in(text, 0, len(text), 2020)] == [
        ("2020年6月底", "2020-06-30"), ("年底前", "2020-12-31"), ("6月底", "2020-06-30"), ("12月底前", "2020-12-31")]
    # a month without its end shares nothing (3月和6月底前: 3月 alone is no limit)
    text = "于3月和6月底前完成。"
    assert [d.date for d in deadlines_in(text, 0, len(text), 2020)] == ["2020-06-30"]
    text = "春节期间上坟烧纸在中午12:00前全部结束。"
    assert [(d.text, d.date) for d in deadlines_in(text, 0, len(text), 2020)] == [("中午12:00前", None)]
    text = "请于6月20日下午5:00前报送。"
    assert [(d.text, d.date) for d in deadlines_in(text, 0, len(text), 2020)] == [("6月20日下午5:00前", "2020-06-20")]


@pytest.mark.parametrize(("text", "expected"), [
    # a year the first of a list of month ends names is the later ones'
    ("请于2020年6月底和年底前分别报送半年和全年工作总结。", [("2020年6月底", "2020-06-30"), ("年底前", "2020-12-31")]),
    ("请于2020年1月底、2月底、3月底前分别报送。",
     [("2020年1月底", "2020-01-31"), ("2月底", "2020-02-29"), ("3月底前", "2020-03-31")]),
    # an hour alone only where a thing is done or handed in by it, and no day is named before it
    ("禁止在中午12:00前和下午6:00后燃放烟花爆竹。", []), ("截至下午5:00前，已有300人报名。", []),
    ("窗口受理时间为上午9:00前至下午5:00。", []), ("考生须在上午8:30前入场。", []),
    ("3月15日召开会议，与会人员请于上午9:00前签到。", []), ("请于本周五下午5:00前报送。", []),
    ("请各村于上午10:00前报送。", [("上午10:00前", None)]),
])
def test_what_the_fourth_review_found(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(d.text, d.date) for d in deadlines_in(text, 0, len(text), 2023)] == expected, text


def test_a_registration_cut_off_names_who_must_act_and_sets_no_limit() -> None:
    text = "2023年6月30日以前经审批部门登记成立的社会团体和民办非企业单位，必须参加年度检查。"
    assert deadlines_in(text, 0, len(text), 2023) == []
    text = "请于6月30日前完成登记。"
    assert [d.date for d in deadlines_in(text, 0, len(text), 2023)] == ["2023-06-30"]


@pytest.mark.parametrize("text", [
    "未于2023年6月30日前登记的，视为自动放弃。", "凡未在2023年6月30日前备案的项目，不得享受本政策。",
    "参评企业须于2023年9月30日前注册的，方可参评。",
])
def test_a_limit_to_register_by_stays_a_limit(text: str) -> None:
    assert len(deadlines_in(text, 0, len(text), 2023)) == 1, text


def test_a_cut_off_named_by_what_closes_and_a_limit_earning_points() -> None:
    assert [d.date for d in found("区属单位推荐人选报各区的受理时间截止为9月30日。", 2010)] == ["2010-09-30"]
    assert [d.date for d in found("申报材料受理截止到10月15日。", 2010)] == ["2010-10-15"]
    assert found("数据统计时间截止为2020年12月31日，全市共有企业100家。", 2021) == []
    # a limit in an assessment's rule is the condition of points, not a time limit set
    assert found("4、能积极做好党员发展工作，年内发展1名以上新党员计2分。", 2018) == []
    assert [d.text for d in found("请于年内完成党员发展工作。", 2018)] == ["年内"]


def test_before_the_flood_season_naming_a_warning_or_a_drill_is_no_limit() -> None:
    assert found("为全面做到汛前预警、群策群防，加强汛前备战。", 2021) == []
    assert [d.text for d in found("需要在今年汛前完成修复。", 2021)] == ["汛前"]


def test_a_limit_whose_condition_earns_points_in_the_next_clause_is_none() -> None:
    assert found("2024年6月底前完成验收的，加5分；逾期未完成的不得分。", 2023) == []


def test_each_day_of_a_list_a_report_is_due_on_is_a_limit() -> None:
    got = found("请分别于1月29日、2月26日、3月29日将附件(1-1、1-2、1-3)报市水利局汇总。", 2018)
    assert [d.date for d in got] == ["2018-01-29", "2018-02-26", "2018-03-29"]
    # days a meeting is held on are no limits, listed or not
    assert found("会议分别于1月29日、2月26日召开。", 2018) == []


def test_a_condition_dated_in_brackets_is_no_limit() -> None:
    assert found("4.东至县户籍(2023年10月17日前),年龄在35周岁以下。", 2023) == []
    assert [d.date for d in found("完成验收（2023年10月17日前）。", 2023)] == ["2023-10-17"]


def test_the_eighth_review_s_limits() -> None:
    # a task dated in brackets is a limit; 通报 and 汇报 are no deliveries
    assert [d.date for d in found("全面完成不动产统一登记（2024年底前）。", 2024)] == ["2024-12-31"]
    assert [d.date for d in found("完成企业参保登记（2024年9月30日前）。", 2024)] == ["2024-09-30"]
    assert found("市政府于3月10日通报市直单位考核结果。", 2024) == []
    # the days of a list take the first day's year
    got = found("请分别于2025年1月10日、7月10日将报表报市统计局。", 2024)
    assert [d.date for d in got] == ["2025-01-10", "2025-07-10"]
    # a year named with 内 is no limit (the gold sets code none)
    assert found("力争2025年内完成。", 2024) == []
