"""A document's own identity: number, title, issuers, dates, jurisdiction and level."""

from __future__ import annotations

import pytest

from ..conftest import record_of

BODY = "　　为做好有关工作，现通知如下。\n　　一、各地要抓好落实。\n\n"


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("二〇〇三年八月六日", "2003-08-06"),
        ("二OO三年七月十五日", "2003-07-15"),
        ("二○○三年六月三日", "2003-06-03"),
        ("二ＯＯ三年十二月三十一日", "2003-12-31"),
        ("2016年6月26日", "2016-06-26"),
        ("２０１６年６月２６日", "2016-06-26"),
        ("2016 年 6 月 26 日", "2016-06-26"),
    ],
)
def test_signing_dates_in_every_script(written: str, iso: str) -> None:
    rec = record_of("各区人民政府：\n" + BODY + "某某市人民政府\n" + written + "\n")
    assert rec.date == iso


def test_impossible_date_is_not_a_date() -> None:
    rec = record_of("各区人民政府：\n" + BODY + "某某市人民政府\n2016年2月30日\n")
    assert rec.date is None


def test_dates_inside_sentences_are_not_signing_dates() -> None:
    rec = record_of(
        "各区人民政府：\n　　截至2003年12月31日，全市完成任务。2004年1月1日起施行。\n"
        "　　会议于2003年5月12日召开。\n"
    )
    assert rec.date is None


def test_publishing_date_is_kept_apart() -> None:
    rec = record_of(
        "发布日期：2009-09-15\n某省人民政府办公厅关于某事的通知\n某府办〔2003〕60号\n各市人民政府：\n"
        + BODY + "某省人民政府办公厅\n二〇〇三年八月六日\n"
    )
    assert (rec.date, rec.web_date) == ("2003-08-06", "2009-09-15")


def test_chengwen_field_when_the_text_has_no_signing_date() -> None:
    rec = record_of("成文日期：2018-10-27\n各区人民政府：\n" + BODY)
    assert rec.date == "2018-10-27"
    assert "成文日期" in rec.evidence["date"]


def test_title_over_several_lines_with_junk_above() -> None:
    rec = record_of(
        "请选择年份:\n省政府办公厅文件\n辽宁省人民政府办公厅关于\n进一步促进就业再就业工作的指导意见\n"
        "辽政办发〔2016〕75号\n各市人民政府，省政府各厅委、各直属机构：\n" + BODY
        + "  辽宁省人民政府办公厅        \n2016年6月26日\n"
    )
    assert rec.title == "辽宁省人民政府办公厅关于进一步促进就业再就业工作的指导意见"
    assert rec.issuers == ("辽宁省人民政府办公厅",)
    assert (rec.number, rec.level, rec.jurisdiction) == ("辽政办发〔2016〕75号", "provincial", "辽宁省")


def test_joint_issuers_from_the_title_and_garbled_header() -> None:
    rec = record_of(
        "中共某某市委办公室、江门市人民政府中共江门市委办公室、江门市人民政府 办公室关于印发《某某工作方案》的通知 "
        "江办发[2004]11号\n\n中共江门市委办公室、江门市人民政府\n\n办公室关于印发《某某工作方案》的通知\n\n"
        "江办发[2004]11号\n\n各市、区党委和人民政府,市直各局以上单位:\n" + BODY
        + "中共江门市委办公室\n江门市人民政府办公室\n2004年5月26日\n"
    )
    assert rec.title == "中共江门市委办公室、江门市人民政府办公室关于印发《某某工作方案》的通知"
    assert rec.issuers == ("中共江门市委办公室", "江门市人民政府办公室")
    assert (rec.jurisdiction, rec.level) == ("广东省江门市", "municipal")
    assert [(c.title, c.relation) for c in rec.citations] == [("某某工作方案", "issues")]


def test_no_number_no_title_is_null_not_invented() -> None:
    rec = record_of("各县（区）人民政府：\n　　去年以来，我市工作取得成效，全市上下共同努力。\n")
    assert (rec.number, rec.title) == (None, None)
    assert rec.id == "src:doc.txt"
    assert rec.level == "municipal"
    assert rec.jurisdiction is None  # no evidence of which city: unknown, not guessed


def test_city_from_cited_documents_and_province_context() -> None:
    # 淮 could be 淮安 (江苏), 淮南 or 淮北 (安徽): the Jiangsu documents it cites decide.
    rec = record_of(
        "各县（区）人民政府：\n　　我市认真贯彻《省委、省政府关于某事的通知》（苏发[2002]15号）和"
        "《市委、市政府关于某事的实施意见》（淮发[2003]10号）精神，全市工作取得成效。\n"
    )
    assert (rec.level, rec.jurisdiction) == ("municipal", "江苏省淮安市")


def test_metadata_from_a_json_record_fills_gaps() -> None:
    rec = record_of("各区人民政府：\n" + BODY, number="沪府发[2020]3号", title="上海市人民政府关于某事的通知",
                    date="2020年3月1日")
    assert (rec.number, rec.title, rec.date) == ("沪府发〔2020〕3号", "上海市人民政府关于某事的通知", "2020-03-01")
    assert rec.level == "provincial" and rec.evidence["number"] == "record metadata"


def test_header_with_two_numbers_warns_and_cites_neither() -> None:
    rec = record_of(
        "某市人民政府、某市军分区关于某事的通知\n某政发〔2020〕5号\n某军〔2020〕2号\n各区人民政府：\n" + BODY
    )
    assert rec.number == "某政发〔2020〕5号"
    assert rec.citations == ()
    assert any("more than one number" in w for w in rec.warnings)


def test_own_number_in_brackets_after_the_title() -> None:
    rec = record_of(
        "某某市人民政府关于做好防汛工作的通知（某政发〔2020〕8号）\n各区人民政府：\n"
        "　　根据《某某省人民政府关于防汛的通知》（某政〔2020〕2号）精神，现通知如下。\n"
    )
    assert rec.number == "某政发〔2020〕8号"
    assert [c.number for c in rec.citations] == ["某政〔2020〕2号"]


def test_bracketed_date_under_the_title() -> None:
    rec = record_of(
        "中共中央、国务院关于某项工作的意见\n（2018年12月18日）\n\n　　为做好某项工作，提出如下意见。\n"
    )
    assert rec.date == "2018-12-18"


def test_date_and_number_in_brackets_under_the_title() -> None:
    rec = record_of(
        "国务院关于实施某项工程的决定\n（2005年10月4日 国发〔2005〕35号）\n\n"
        "　　为推进某项工程，根据《国务院关于某事的通知》（国发〔2004〕20号）精神，现作如下决定。\n"
    )
    assert (rec.number, rec.date) == ("国发〔2005〕35号", "2005-10-04")
    assert [c.number for c in rec.citations] == ["国发〔2004〕20号"]


def test_number_alone_in_brackets_on_the_line_under_the_title() -> None:
    rec = record_of("国务院关于某项工作的通知\n（国发〔2005〕36号）\n各省、自治区、直辖市人民政府：\n" + BODY)
    assert rec.number == "国发〔2005〕36号" and rec.citations == ()


def test_provincial_page_with_fields_and_a_placeless_title_issuer() -> None:
    rec = record_of(
        "索引号：11320000014000295T/2019-00123\n发布机构：江苏省人民政府办公厅\n发文日期：2019-05-20\n"
        "标题：省政府办公厅关于印发江苏省促进就业若干措施的通知\n文号：苏政办发〔2019〕45号\n"
        "省政府办公厅关于印发江苏省促进就业若干措施的通知\n苏政办发〔2019〕45号\n"
        "各市、县（市、区）人民政府，省各委办厅局，省各直属单位：\n"
        "　　《江苏省促进就业若干措施》已经省人民政府同意，现印发给你们，请认真贯彻落实。\n\n"
        "江苏省人民政府办公厅\n2019年5月16日\n（此件公开发布）\n\n江苏省促进就业若干措施\n\n"
        "　　为深入贯彻落实《国务院关于做好当前和今后一个时期促进就业工作的若干意见》（国发〔2018〕39号）精神，制定如下措施。\n"
    )
    assert (rec.number, rec.date, rec.web_date) == ("苏政办发〔2019〕45号", "2019-05-16", "2019-05-20")
    assert rec.title == "省政府办公厅关于印发江苏省促进就业若干措施的通知"
    assert rec.issuers == ("江苏省人民政府办公厅",)  # the signature names the place; the title does not
    assert (rec.level, rec.jurisdiction) == ("provincial", "江苏省")
    assert {(c.number or c.title, c.relation) for c in rec.citations} == {
        ("江苏省促进就业若干措施", "issues"), ("国发〔2018〕39号", "implements")}


LAW_BODY = "第一条 为了加强管理，制定本条例。\n\n第二条 本条例适用于本市行政区域。\n\n"


def test_a_repealed_predecessors_date_is_not_the_documents() -> None:
    rec = record_of("# 某某预报管理条例\n\n" + LAW_BODY + "第三十条 本条例自发布之日起施行。1988年6月7日国务院批准、"
                    "1988年8月9日国家地震局发布的《发布某某预报的规定》同时废止。\n")
    assert (rec.date, rec.date_in_force, rec.history) == (None, None, ())


def test_a_repealed_predecessor_named_with_its_issuer_in_a_long_line() -> None:
    rec = record_of("# 某某飞行规则\n\n" + "第一条 为了飞行安全，制定本规则。" * 12 + "第九十条 本规则自2001年8月1日起施行。"
                    "国务院、中央军事委员会1977年4月21日颁发的《某某飞行规则》同时废止。\n")
    assert (rec.date, rec.date_in_force) == (None, "2001-08-01")


def test_regulation_dated_by_its_header_history() -> None:
    rec = record_of(
        "# 某某市绿化条例\n\n2003年8月8日 某某市第十二届人民代表大会常务委员会第六次会议通过\n\n"
        "根据2010年9月17日某某市第十三届人民代表大会常务委员会第二十一次会议《关于修改本市部分地方性法规的决定》第一次修正\n\n"
        "2017年11月23日 某某市第十四届人民代表大会常务委员会第四十一次会议修订\n\n"
        + LAW_BODY + "第三十条 本条例自2018年1月1日起施行。1987年5月1日某某市人民政府发布的《某某规定》同时废止。\n"
    )
    assert rec.date == "2017-11-23"
    assert rec.evidence["date"].startswith("last history line of the header (2017-11-23 修订)")
    assert [(e.kind, e.date, e.by) for e in rec.history] == [
        ("adopted", "2003-08-08", None), ("amended", "2010-09-17", "关于修改本市部分地方性法规的决定"),
        ("revised", "2017-11-23", None)]
    assert (rec.date_publication, rec.date_in_force) == (None, "2018-01-01")
    assert "本条例" in rec.evidence["date_in_force"]


def test_in_force_on_the_day_of_publication() -> None:
    rec = record_of("# 某某管理规定\n\n2004年3月1日 某某部令第5号公布\n\n" + LAW_BODY + "第九条 本规定自公布之日起施行。\n")
    assert (rec.date, rec.date_publication, rec.date_in_force) == ("2004-03-01", "2004-03-01", "2004-03-01")
    assert rec.rank == "departmental_rule"


def test_the_header_in_force_line_wins_over_the_final_article_and_says_so() -> None:
    rec = record_of("# 某某条例\n\n2012年5月16日 国务院第203次常务会议通过\n\n2012年6月4日 中华人民共和国国务院令第620号公布\n\n"
                    "2012年8月1日 施行\n\n" + LAW_BODY + "第五十条 本条例自2012年9月1日起施行。\n")
    assert (rec.date, rec.date_publication, rec.date_in_force) == ("2012-06-04", "2012-06-04", "2012-08-01")
    assert "2012-09-01" in rec.evidence["date_in_force"] and rec.rank == "administrative_regulation"
    assert rec.issuers == ("国务院",)


def test_signature_and_page_field_that_disagree_with_the_text() -> None:
    rec = record_of("成文日期：2018-10-30\n某某市人民政府关于某事的通知\n各区人民政府：\n" + BODY
                    + "某某市人民政府\n2018年10月27日\n")
    assert rec.date == "2018-10-27"
    assert "成文日期 field says 2018-10-30" in rec.evidence["date"]


def test_publication_field_when_the_text_has_no_date_of_its_own() -> None:
    rec = record_of("发布日期：2019-05-20\n某某市人民政府关于某事的通知\n各区人民政府：\n" + BODY)
    assert (rec.date, rec.date_publication, rec.web_date) == (None, "2019-05-20", "2019-05-20")
    assert "发布日期" in rec.evidence["date_publication"]


def test_a_field_value_line_is_not_part_of_the_title_below_it() -> None:
    rec = record_of("索引号：\n002644458/2020-00001\n发文机关：\n某某市人民政府\n主题分类：\n城乡建设\n\n"
                    "某某市人民政府关于加快推进某项建设的实施意见\n\n各镇人民政府，市政府各部门：\n" + BODY)
    assert rec.title == "某某市人民政府关于加快推进某项建设的实施意见"
    assert rec.issuers == ("某某市人民政府",)


def test_a_table_of_tasks_handed_down_is_titled_and_its_year_governs_its_goals() -> None:
    rec = record_of("附件\n2024年《政府工作报告》重点工作目标任务分解表\n序号 |\n目标与任务 |\n牵头责任单位 |\n"
                    "1 |\n加大普惠性托育供给,新增托位数400个以上。 |\n县教育局 |\n")
    assert rec.title == "2024年《政府工作报告》重点工作目标任务分解表"  # not 附件…
    assert rec.measures is not None
    assert [(t.value, t.year) for t in rec.measures.targets] == [(400, 2024)]


def test_a_department_s_year_of_work_is_titled_and_a_line_of_page_fields_is_no_title() -> None:
    rec = record_of("索  引  号 113708007381606177/2023-03478 公开方式 主动公开\n发布机构 某市农业农村局 组配分类 工作计划\n"
                    "成文日期 2023-05-16\n\n2023年度全市农业农村重点工作任务\n\n"
                    "1. 粮食播种面积。粮食播种面积不低于1079万亩。\n")
    assert rec.title == "2023年度全市农业农村重点工作任务"
    assert rec.measures is not None
    assert [(t.value, t.year) for t in rec.measures.targets] == [(10_790_000, 2023)]
    assert record_of("当前位置:\n2024年全市水利工作思路\n来源:市水利局\n一、总体目标\n全年完成水利投资200亿元以上。\n"
                     ).title == "2024年全市水利工作思路"


def test_a_title_naming_two_page_fields_is_still_a_title() -> None:
    rec = record_of("某某市人民政府办公室关于进一步规范政府信息公开方式和公开范围的通知\n\n各区人民政府：\n" + BODY)
    assert rec.title == "某某市人民政府办公室关于进一步规范政府信息公开方式和公开范围的通知"


def test_a_field_label_on_its_own_line_is_not_part_of_the_title() -> None:
    rec = record_of("索引号\n000000000/2021-00102\n发布机构\n某某市人民政府\n文号\n某政发〔2021〕7号\n标题\n"
                    "某某市人民政府关于印发某某行动计划的通知\n\n各区人民政府：\n" + BODY)
    assert rec.title == "某某市人民政府关于印发某某行动计划的通知"
    assert rec.issuers == ("某某市人民政府",)


@pytest.mark.parametrize(("label", "value"), [("公开方式", "主动公开"), ("公开范围", "面向社会"), ("组配分类", "市政府文件"),
                                            ("信息来源", "市府办"), ("有效性", "有效")])
def test_a_page_fields_value_in_the_cell_before_the_title_is_not_part_of_it(label: str, value: str) -> None:
    # an open-government table as a page saves it: the last cell before the title is a value
    rec = record_of(f"索引号\t000000000/2023-43887\t文号\t某政发〔2023〕30号\n成文日期\t2023-10-16\t{label}\t{value}\n"
                    "某某市人民政府关于下达2023年安置任务的通知\n发布时间：2023-10-23\n各区人民政府：\n" + BODY)
    assert rec.title == "某某市人民政府关于下达2023年安置任务的通知"


@pytest.mark.parametrize("label", ["标题", "名称"])
def test_a_title_wrapped_under_its_label_stays_whole(label: str) -> None:
    rec = record_of(f"索引号\n000/2021-01\n发布机构\n大连市人民政府\n{label}\n大连市人民政府关于印发大连市优化营商环境\n"
                    "三年行动计划的通知\n各区市县人民政府：\n" + BODY)
    assert rec.title == "大连市人民政府关于印发大连市优化营商环境三年行动计划的通知"


@pytest.mark.parametrize(("header", "title"), [
    # a page's widgets above the title are not part of it
    ("下载\n打印\n全屏\n收藏\n【字号：\n加大\n还原\n减小\n】\n某某市人民政府关于加快推进某项建设的实施意见\n"
     "各镇人民政府，市政府各部门：\n", "某某市人民政府关于加快推进某项建设的实施意见"),
    # a title naming its act under the number beats a page's headline
    ("当前位置:首页 >> 信息公开 >> 安全生产\n17号 十三五安全生产规划\n2017-02-14    点击:8次\n\n"
     "菏定安发〔2016〕17号\n\n关于印发安全生产“十三五”规划的\n\n通    知\n\n各镇街,区直各有关部门:\n",
     "关于印发安全生产“十三五”规划的通知"),
    # a breadcrumb is no title nor part of one
    ("政务公开 > 平昌县农业农村局 > 规划计划\n\n平昌县农业农村局2020年工作计划\n\n2019-12-25 16:39\n"
     "2020年是全面建成小康社会的收官之年，重点抓好以下几项工作：\n", "平昌县农业农村局2020年工作计划"),
])
def test_a_page_s_furniture_around_the_title_is_not_part_of_it(header: str, title: str) -> None:
    assert record_of(header + BODY).title == title


def test_joint_signers_side_by_side_and_run_together_in_the_title() -> None:
    rec = record_of("某某部　财政部关于做好某项工作的通知\n某部发〔2019〕28号\n\n各省、自治区、直辖市某某厅（局）、财政厅（局）：\n"
                    + BODY + "某某部　　　　财政部\n2019年3月15日\n")
    assert rec.issuers == ("某某部", "财政部")  # told apart in the title already: both are ministries
    rec = record_of("某某部　某某监测局关于做好某项工作的通知\n某部发〔2019〕28号\n\n各有关单位：\n"
                    + BODY + "某某部　　　　某某监测局\n2019年3月15日\n")
    assert rec.issuers == ("某某部", "某某监测局") and "runs the names together" in rec.evidence["issuers"]


@pytest.mark.parametrize("value", ["2022-04-08", "2022年4月8日", "二〇二二年四月八日", "2022/4/8", "2022-04-08 09:30"])
@pytest.mark.parametrize("label", ["成文日期：\n", "成文日期：", "发布时间\n", "发布日期 | "])
def test_a_date_fields_value_of_any_length_leaves_the_title_below_it_whole(label: str, value: str) -> None:
    rec = record_of(f"{label}{value}\n某阳市人民政府办公室关于进一步优化营商环境的实施意见\n\n各县市区人民政府：\n" + BODY)
    assert rec.title == "某阳市人民政府办公室关于进一步优化营商环境的实施意见"


@pytest.mark.parametrize("title", ["关于调整夏季作息时间的通知", "某某市人民政府关于公布2021年节假日安排时间的通知",
                                   "关于统一填报日期的通知"])
def test_a_date_word_inside_a_title_is_no_field(title: str) -> None:
    rec = record_of(f"{title}\n\n各单位：\n" + BODY + "某某市人民政府\n2021年5月1日\n")
    assert rec.title == title


def test_an_empty_date_field_cuts_only_its_own_line() -> None:
    rec = record_of("成文日期：\n\n某某市人民政府关于加快推进某项建设的实施意见\n\n各镇人民政府：\n" + BODY)
    assert rec.title == "某某市人民政府关于加快推进某项建设的实施意见"


def test_a_report_is_dated_by_the_subtitle_saying_when_it_was_delivered() -> None:
    wrapped = ("政府工作报告\n——2026年1月26日在某省第十四届\n人民代表大会第五次会议上\n某省省长 某某\n各位代表：\n"
               "现在，我代表省人民政府，向大会报告工作。今年全省城镇新增就业110万人以上。\n")
    rec = record_of(wrapped)
    assert rec.date == "2026-01-26" and "delivered" in rec.evidence["date"]
    assert [t.year for t in rec.measures.targets] == [2026]  # 今年 is the report's year
    bare = "2026年2月3日在某省第十四届人民代表大会第五次会议上\n某省省长 某某\n各位代表：\n今年工作很多。\n"
    assert record_of(bare).date == "2026-02-03"
    # a date the body only mentions, or a meeting line that is no subtitle, dates nothing
    assert record_of("各位代表：\n2026年2月3日在北京召开了会议，研究了工作。\n").date is None
    signed = "关于做好就业工作的通知\n各区：\n——2026年1月5日在全市会议上的讲话要求做好就业工作。\n某市人民政府\n2026年3月1日\n"
    assert record_of(signed).date == "2026-03-01"  # a signature wins


def test_a_markdown_page_s_bold_labels_and_date() -> None:
    """A page saved as Markdown bolds its fields' labels (**发布机构**：) and the date under a
    title (**（2026年1月3日）**): the marks split a label from its value, so they are read past."""
    body = "\n各地区各部门：\n　　现提出如下意见。\n　　一、稳定粮食生产。\n"
    rec = record_of("# 中共中央 国务院关于扎实推进乡村全面振兴的意见\n\n**（2026年1月3日）**\n" + body)
    assert rec.date == "2026-01-03"
    rec = record_of("# 乡村全面振兴规划（2024—2027年）\n\n> **发布机构**：中共中央、国务院\n"
                    "> **发布日期**：2025年1月22日\n" + body)
    assert (rec.issuers, rec.date_publication) == (("中共中央", "国务院"), "2025-01-22")


def test_a_title_printed_in_book_brackets_on_its_own_line_is_the_title() -> None:
    # a page prints the 文号 and then the title inside 《》 (its nested title written 〈〉)
    rec = record_of("某办发〔2019〕5号《某市人民政府办公厅关于印发2019年〈政府工作报告〉确定的主要目标任务分解方案的通知》\n"
                    "《某市人民政府办公厅关于印发2019年〈政府工作报告〉确定的主要目标任务分解方案的通知》\n"
                    "某办发〔2019〕5号\n各区县政府：\n现将方案印发你们，请认真组织实施。\n某市人民政府办公厅\n2019年2月19日\n")
    assert rec.title == "某市人民政府办公厅关于印发2019年〈政府工作报告〉确定的主要目标任务分解方案的通知"
    # a line citing another document in brackets and ending otherwise is no title
    rec = record_of("某县人民政府关于做好春耕工作的通知\n各乡镇：\n《关于做好春耕工作的意见》已印发。\n某县人民政府\n2019年2月19日\n")
    assert rec.title == "某县人民政府关于做好春耕工作的通知"



@pytest.mark.parametrize(("text", "title"), [
    # a bracketed line next to the real title is never glued to it, nor its brackets taken off
    ("XX市人民政府关于印发《XX市城市管理办法》的通知\n《XX市城市管理办法》\n第一章 总则\n第一条 为了加强管理，制定本办法。\n",
     "XX市人民政府关于印发《XX市城市管理办法》的通知"),
    ("XX市人民政府关于进一步加强安全生产工作的通知\n《中华人民共和国安全生产法》\n各区县人民政府：\n现就有关事项通知如下。\n",
     "XX市人民政府关于进一步加强安全生产工作的通知"),
    ("XX市人民政府办公厅关于转发\n《省人民政府办公厅关于促进就业的通知》\n的通知\n各区县人民政府：\n现转发给你们。\n",
     "XX市人民政府办公厅关于转发《省人民政府办公厅关于促进就业的通知》的通知"),
])
def test_what_the_fifth_review_found_in_titles(text: str, title: str) -> None:
    assert record_of(text).title == title


@pytest.mark.parametrize(("text", "title"), [
    # a page's menu bar, today's date, a list of fields and a reply's class above the title stay off it
    ("无障碍浏览 长者模式 手机端 登录/注册 微博 微信\n\n某市生态环境局2020年政府信息公开工作年度报告\n一、总体情况\n",
     "某市生态环境局2020年政府信息公开工作年度报告"),
    ("2023年11月5日 星期天\n某县交通运输局关于某县人大第4号代表建议的答复\n张三代表：\n您提出的建议收悉。\n",
     "某县交通运输局关于某县人大第4号代表建议的答复"),
    ("  • 640104-107/2019-00169\n  • 某区住房和城乡建设局\n  • 有效\n  • 2019年07月26日\n"
     "关于某区人大第16号建议的答复\n李四代表：\n您好。\n", "关于某区人大第16号建议的答复"),
    ("某交复函[2017]19号B类\n关于对某县人大第82号建议的\n答    复\n陈五代表：\n您提出的建议收悉。\n",
     "关于对某县人大第82号建议的答复"),
    ("某县人民政府欢迎您!\n首页> 建议提案 > > 人大代表建议\n某县交通运输局关于第48号建议案的答复\n王六代表：\n",
     "某县交通运输局关于第48号建议案的答复"),
    ("  • 某县人民政府办公室关于印发某县充电桩建设实施方案的通知\n各乡镇：\n现印发给你们。\n",
     "某县人民政府办公室关于印发某县充电桩建设实施方案的通知"),
])
def test_a_page_s_furniture_above_the_title_stays_off_it(text: str, title: str) -> None:
    assert record_of(text).title == title


@pytest.mark.parametrize(("text", "title"), [
    # a wrapped title whose upper line holds a word of a menu bar is joined whole
    ("XX市人民政府办公室\n关于加快推进无障碍环境建设\n的实施意见\n各区县人民政府：\n现提出如下意见。\n",
     "XX市人民政府办公室关于加快推进无障碍环境建设的实施意见"),
    ("XX省人民政府办公厅关于推广使用“XX政务”移动客户端\n的通知\n各市人民政府：\n现通知如下。\n",
     "XX省人民政府办公厅关于推广使用“XX政务”移动客户端的通知"),
    ("XX市民政局关于印发《XX市居家社区适老化\n改造实施方案》的通知\n各区民政局：\n现印发给你们。\n",
     "XX市民政局关于印发《XX市居家社区适老化改造实施方案》的通知"),
])
def test_a_title_naming_what_a_menu_bar_names_is_kept_whole(text: str, title: str) -> None:
    assert record_of(text).title == title


def test_a_plan_s_span_in_brackets_without_年_ends_its_title_and_governs_its_goals() -> None:
    text = ("提升旅游消费推动旅游业高质量发展行动计划(2023—2027)\n\n日期:2024年04月28日 08:27    作者:  来源:\n\n"
            "为进一步释放旅游消费潜力，制定本行动计划。\n\n1.推进红色旅游融合发展示范区建设，全市红色旅游A级景区达到30个。\n")
    rec = record_of(text).to_dict()
    assert rec["title"] == "提升旅游消费推动旅游业高质量发展行动计划(2023—2027)"
    assert [(t["value"], t["year"], t["start_year"]) for t in rec["targets"]] == [(30, 2027, 2023)]


@pytest.mark.parametrize(("text", "title", "years"), [
    # a plan's span on the title's next line, alone or with the body run on after it
    ("某市林长制工作方案\n（2023-2025）\n\n为推进林长制，制定本方案。\n一、主要目标\n森林覆盖率达到45%。\n",
     "某市林长制工作方案（2023-2025）", (2025, 2023)),
    ("山东省制造业数字化转型行动方案\n(2022-2025年) 为贯彻落实党中央决策部署，制定本行动方案。\n"
     "一、主要目标\n开通5G基站25万个。\n", "山东省制造业数字化转型行动方案(2022-2025年)", (2025, 2022)),
])
def test_a_plan_s_span_on_the_title_s_next_line_joins_the_title(text: str, title: str,
                                                                years: tuple[int, int]) -> None:
    rec = record_of(text).to_dict()
    assert rec["title"] == title
    assert [(t["year"], t["start_year"]) for t in rec["targets"]][-1:] == [years]
