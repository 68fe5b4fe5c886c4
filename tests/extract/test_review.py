"""Sections that look back (measures/review.py): what a work report's review or a plan's
starting point states with numbers is a result, not a target the document sets."""

from __future__ import annotations

from policygraph.extract.measures.review import looking_back
from policygraph.extract.provisions import split_provisions

from ..conftest import record_of

REPORT = """某市2024年政府工作报告
一、2023年工作回顾
过去一年，全市地区生产总值增长6.1%，城镇新增就业5.2万人。
（一）民生保障有力。新建养老床位1200张，城镇调查失业率控制在5%以内。
二、2024年工作安排
今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，城镇新增就业5万人以上。
（一）稳就业。确保新建养老床位1500张以上。
"""

PLAN = """某省“十四五”就业促进规划
第一章 发展基础
“十三五”期间，全省城镇新增就业达到560万人。
第二章 主要目标
到2025年，全省城镇新增就业达到500万人以上。
"""

UNNUMBERED = """某区政府工作报告
2023年工作回顾和“十四五”发展成就
过去一年，全区一般公共预算收入增长3.2%，新增市场主体1.2万户。
2024年主要目标任务
全区一般公共预算收入增长3%左右，新增市场主体1万户以上。
"""


def _targets(text: str) -> list[tuple[str, float]]:
    r = record_of(text, "report.txt")
    assert r.measures is not None
    return [(t.text, t.value) for t in r.measures.targets]


def test_a_work_reports_review_states_results_and_its_plan_sets_targets() -> None:
    found = _targets(REPORT)
    assert all("2023" not in t and v not in (6.1, 52000, 1200) for t, v in found), found
    assert {v for _t, v in found} >= {5.5, 50000, 1500}


def test_a_plans_starting_point_is_no_target() -> None:
    assert [v for _t, v in _targets(PLAN)] == [5000000]


def test_an_unnumbered_heading_line_opens_a_review_until_the_next_heading_line() -> None:
    found = [v for _t, v in _targets(UNNUMBERED)]
    assert 3.2 not in found and 12000 not in found
    assert 3 in found and 10000 in found


def test_a_title_that_looks_back_and_ahead_is_no_review() -> None:
    text = "一、2023年工作回顾和2024年工作安排。全年新增就业5万人以上。"
    assert looking_back(text, split_provisions(text, 0, len(text))) == []


def test_items_under_a_review_look_back_until_a_heading_of_their_level() -> None:
    text = "一、主要成效。（一）就业。新增就业3万人。（二）社保。参保率98%。二、重点任务。（一）就业。新增就业4万人。"
    provisions = split_provisions(text, 0, len(text))
    spans = looking_back(text, provisions)
    back = [p.path for p in provisions if any(a <= p.start < b for a, b in spans)]
    assert back == ["一、", "一、/（一）", "一、/（二）"]


def test_results_a_heading_sets_out_to_bring_about_are_aims_and_those_it_reports_are_not() -> None:
    text = ("某市2026年政府工作报告\n三、2026年重点工作\n"
            "（一）持续巩固发展成效\n新增就业5万人。\n"
            "（二）加快释放改革开放成效\n提升产业开放水平，实际使用外资40亿美元。\n"
            "（三）改革开放取得显著成效\n外贸进出口增长7%。\n")
    found = [v for _t, v in _targets(text)]
    assert 4_000_000_000 in found and 50_000 in found
    assert 7 not in found  # a heading reporting results: what follows it has been


def test_a_plan_s_execution_reviewed_in_a_flattened_page_states_results() -> None:
    # a page whose text lost its line breaks: 一、2009年…计划执行情况 opens a review inline, and
    # 二、2010年计划 the year's goals; a statute's chapter on supervising the execution is no review
    text = ("某市2009年国民经济和社会发展计划执行情况与2010年计划 2009年经济运行企稳向好。 一、2009年国民经济和社会发展计划执行情况 "
            "据初步统计，全年实现地区生产总值1037亿元，增长6.6%。人均GDP突破1万美元，增长5.3%。"
            "二、2010年国民经济和社会发展计划 2010年全市生产总值增长10%左右。")
    found = [v for _t, v in _targets(text)]
    assert 5.3 not in found and 10_000 not in found and 6.6 not in found
    assert 10 in found
    law = "第三章 计划执行情况监督\n第十条 市人民政府应当于每年七月底前报告上半年计划执行情况。\n"
    assert looking_back(law, split_provisions(law, 0, len(law))) == []


def test_yearly_reports_and_communiques_state_results_until_what_is_next() -> None:
    # a yearly information-disclosure report: by its title, by its opening, or by its name at the
    # head of a page whose lines ran together; a heading of how things went keeps it a report
    titled = ("某市生态环境局2020年政府信息公开工作年度报告\n一、总体情况\n2020年，我局主动公开信息422条。\n"
              "（一）重点领域信息公开情况\n发布空气质量周预报信息358条。\n"
              "二、存在的主要问题及下一步打算\n力争2021年主动公开信息达到500条以上。\n")
    assert [v for _t, v in _targets(titled)] == [500]
    opening = ("一、总体情况\n本报告依据《中华人民共和国政府信息公开条例》编制。全年公开各类信息165条。\n")
    assert _targets(opening) == []
    run_together = ("某县人民政府2019年 政府信息公开工作年度报告 一、总体情况 2019年，通过县政府门户网站"
                    "发布政府信息5469条，办结率100%。")
    assert _targets(run_together) == []
    communique = ("某市2018年国民经济和社会发展统计公报\n全年粮食总产量103.7万吨，增长11.2%。\n"
                  "其中稻谷39.5万吨。\n")
    assert _targets(communique) == []


def test_a_statistic_s_paragraph_reports_and_a_goal_with_a_change_does_not() -> None:
    text = "全年粮食总产量46695吨，同比增长0.98%。其中，夏粮产量7327吨，增长2.1%。全年造林面积19800亩。"
    assert _targets("某县农业简况\n" + text + "\n") == []
    aimed = "全年粮食总产量力争达到5万吨，同比增长3%。"
    assert [v for _t, v in _targets("某县2024年农业工作要点\n" + aimed + "\n")] == [50000, 3]


def test_an_undated_reply_telling_a_stock_at_a_year_end_reads_earlier_years_as_past() -> None:
    reply = ("关于对县政协第55号提案的答复\n李委员：\n你的提案收悉，现答复如下：\n"
             "2018年末，我县农村公路共390条2576公里。2017年通过贷款对20个贫困村基础设施进行建设，"
             "硬化159.5公里、修建桥梁7座。\n")
    assert _targets(reply) == []
    # a goal by a year's end is no stock told: the years stay ahead
    plan = ("某县农村公路建设方案\n到2025年底，全县建成农村公路500公里。2024年新建桥梁7座。\n")
    assert [v for _t, v in _targets(plan)] == [500, 7]


def test_an_unnumbered_paragraph_of_what_is_next_ends_a_circular_s_report() -> None:
    text = ("某市人民政府办公室关于2021年3月份市长热线运行情况的通报\n各区县人民政府：\n现将有关情况通报如下。\n"
            "3月份，市长热线共受理投诉类4733件，按期办结率100%。\n下一步，力争4月份按期办结率达到98%以上。\n")
    assert [v for _t, v in _targets(text)] == [98]
    reply = ("关于对县政协第63号提案的答复\n李委员：\n现答复如下：\n2023年我局完成农村公路硬化159公里。\n"
             "感谢您对交通工作的关心和支持。\n")
    assert _targets(reply.replace("关于对县政协第63号提案的答复", "某县交通运输局关于2023年农村公路建设情况的通报")) == []


def test_the_seventh_review_s_plans_and_notices_keep_their_goals() -> None:
    # a notice about compiling yearly reports is no report
    notice = ("某市人民政府办公室关于做好2023年政府信息公开工作年度报告编制发布工作的通知\n各区县人民政府：\n"
              "为做好2023年政府信息公开工作年度报告编制工作，现通知如下：\n"
              "一、2024年，全市政府网站信息公开率达到100%。\n")
    assert [v for _t, v in _targets(notice)] == [100]
    # a plan's 总体情况 sets out its work; a report's, and any 概况, look back
    plan = ("某市充电基础设施建设实施方案\n一、总体情况\n根据全市规划，2024年计划新建充电桩2000个。\n")
    assert [v for _t, v in _targets(plan)] == [2000]
    report = "一、总体情况\n2022年，全县主动公开信息165条。\n"
    assert _targets(report) == []
    overview = ("某县人民政府办公室关于印发2020年度某县草原生态管护员聘用方案的通知\n一、草原概况\n"
                "全县可利用草原面积364万亩。\n二、聘用人数\n2020年聘用草原管护员300名。\n")
    assert [v for _t, v in _targets(overview)] == [300]
    # a plan's goals paragraph phrased as a statistic, and an undated plan's goal as a stock
    points = "某县人力资源和社会保障局2024年就业工作要点\n一、稳定就业规模\n全年新增城镇就业3000人，同比增长5%。\n"
    assert [v for _t, v in _targets(points)] == [3000]
    undated = ("某县5G网络建设行动方案\n二、主要目标\n2025年末，全县共建成5G基站2000个。\n"
               "三、重点任务\n2024年，新建5G基站500个，行政村覆盖率达到80%。\n")
    assert [v for _t, v in _targets(undated)] == [2000, 500, 80]
    # a report to superiors written 情况报告如下 reports
    told = "各位领导：\n现将我局2023年工作情况报告如下：\n全年完成老旧小区改造12个，惠及居民3000户。\n"
    assert _targets(told) == []


def test_a_heading_telling_what_was_achieved_looks_back_over_its_sections() -> None:
    text = ("各位代表：\n现在，我代表市人民政府向大会报告工作。\n"
            "2024年全市上下奋发进取 交出了一份高质量发展的优异成绩单\n过去的一年，我们较好完成了主要目标任务。\n"
            "（一）经济实力实现新跃升。地区生产总值增长6.1%，争取增发国债项目69个。\n"
            "2025年工作安排\n今年全市地区生产总值增长6%左右。\n")
    assert [v for _t, v in _targets(text)] == [6]


def test_a_preamble_opening_its_year_s_opinions_gives_that_year() -> None:
    text = ("发布日期 | 2020-02-22 |\n各乡镇农业中心：\n现就全县2020年粮食生产提出如下意见：\n一、目标任务\n"
            "全县计划粮食播种面积稳定在50万亩。\n")
    rec = record_of(text, "grain.txt")
    assert rec.measures is not None
    assert [(t.value, t.year) for t in rec.measures.targets] == [(500000, 2020)]


def test_the_eighth_review_s_documents() -> None:
    # an item building on what was achieved, or a line a page wrapped, does not look back
    plan = ("某县乡村振兴实施方案\n（一）在巩固拓展脱贫攻坚成果取得了明显成效的基础上，2025年农村居民收入增长8%以上，"
            "新增就业3000人。\n")
    assert [v for _t, v in _targets(plan)] == [8, 3000]
    wrapped = ("某县乡村振兴实施方案\n二、主要目标\n在巩固拓展脱贫攻坚成果取得了\n明显成效的基础上，到2025年，"
               "农村居民收入增长8%以上。\n")
    assert [v for _t, v in _targets(wrapped)] == [8]
    # a plan's 建设概况 sets out its work
    sites = ("某市充电基础设施建设实施方案\n二、建设概况\n2024年计划新建换电站20座。\n")
    assert [v for _t, v in _targets(sites)] == [20]
    # a review under an unnumbered heading leaves the plan's numbered sections after it (its own
    # numbered items, 一、经济运行稳中向好, are read as sections too: left)
    report = ("某县政府工作报告\n2024年工作回顾\n一、经济运行稳中向好\n全县地区生产总值增长6%。\n"
              "二、推进产业转型升级\n2025年新增规上企业20家。\n")
    assert 20 in [v for _t, v in _targets(report)]
