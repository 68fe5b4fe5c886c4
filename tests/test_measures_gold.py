"""Targets and deadlines against gold made by hand (tests/gold/measures.md says how): 41 real
documents of many policy areas (26 State Council pages, 15 laws), scored by
scripts/gold_measures.py. The gold was drawn and typed before the rules of issue 21 were written
and then used for error analysis while they were (classes of errors, not single rows), so it is
no held-out set. Issue 21 aims at targets F1 0.92 with the year right for 90%, and deadlines
recall 0.93 at precision 0.95; the floors are a little under what was measured, so that a
regression fails."""

from __future__ import annotations

from pathlib import Path

import gold_agreement
import gold_measures
import pytest

from .conftest import needs_shared


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> gold_measures.MeasureReport:
    return gold_measures.measures_report(gold_measures.SHARED, tmp_path_factory.mktemp("measures"))


@needs_shared
def test_targets_are_goals_the_documents_set(report: gold_measures.MeasureReport) -> None:
    assert report.targets.precision >= 0.90, report.targets.false
    assert report.targets.recall >= 0.90, report.targets.misses
    assert report.targets.f1 >= 0.90, report.table()


@needs_shared
def test_targets_have_the_gold_year_and_comparator(report: gold_measures.MeasureReport) -> None:
    assert report.year.share >= 0.92, report.year.wrong
    assert report.comparator.share >= 0.95, report.comparator.wrong


@needs_shared
def test_deadlines_every_time_limit(report: gold_measures.MeasureReport) -> None:
    assert report.deadlines.precision >= 0.95, report.deadlines.false
    assert report.deadlines.recall >= 0.94, report.deadlines.misses
    assert report.date.share >= 0.97, report.date.wrong


def test_the_scorer_folds_units_and_maps_comparators() -> None:
    assert gold_measures.folded(2, "万亿元") == (2e12, "元")
    assert gold_measures.folded(1.2, "亿千瓦") == (1.2e8, "千瓦")
    assert gold_measures.folded(6, "个月") == (6, "个月")
    assert gold_measures.folded(1000, "万") == (1e7, "")  # the count's unit is in its name (体检人数)
    row = {"comparator": "="}
    assert gold_measures.same_comparator({"comparator": "about", "text": "稳定在11亿千瓦左右"}, row)
    assert gold_measures.same_comparator({"comparator": "at_least", "text": "机械化率达到70%"}, row)
    assert not gold_measures.same_comparator({"comparator": "at_least", "text": "覆盖率70%以上"}, row)
    assert not gold_measures.same_comparator({"comparator": "at_most", "text": "控制在3%"}, row)


def test_the_scorer_matches_each_row_once_preferring_text_to_date() -> None:
    rows = [
        {"file": "govcn/a.txt", "kind": "deadline", "deadline_text": "1997年4月―1998年2月", "date": "1998-02-28",
         "sentence": "时限是1997年4月―1998年2月"},
        {"file": "govcn/a.txt", "kind": "deadline", "deadline_text": "1997年10月―1998年2月", "date": "1998-02-28",
         "sentence": "1997年10月―1998年2月，由登记管理机关审查"},
        {"file": "govcn/a.txt", "kind": "target", "value": 2, "value_high": None, "unit": "万亿元",
         "comparator": "=", "target_year": 2025, "sentence": "总规模达到2万亿元"},
    ]
    records = {"a.txt": {
        "deadlines": [{"text": "1997年10月―1998年2月", "date": "1998-02-28", "action": "由登记管理机关审查"}],
        "targets": [{"value": 2e12, "unit": "元", "comparator": "at_least", "year": 2025, "text": "总规模达到2万亿元"},
                    {"value": 3, "unit": "%", "comparator": "equal", "year": None, "text": "占3%"}],
    }}
    r = gold_measures.score(rows, records)
    assert (r.deadlines.gold, r.deadlines.found, r.deadlines.matched) == (2, 1, 1)
    assert r.deadlines.misses == ("a.txt: 1997年4月―1998年2月 (1998-02-28): 时限是1997年4月―1998年2月",)
    assert (r.targets.gold, r.targets.found, r.targets.matched) == (1, 2, 1)
    assert (r.year.share, r.comparator.share) == (1.0, 1.0)


def test_the_scorer_leaves_out_time_expressions_that_are_no_limit() -> None:
    rows = [{"file": "govcn/a.txt", "kind": "deadline", "deadline_text": "到2020年", "date": "2020-12-31",
             "sentence": "到2020年，基本建成", "note": "[form: 到YYYY年] a goal year"},
            {"file": "govcn/a.txt", "kind": "deadline", "deadline_text": "6月底前", "date": "2016-06-30",
             "sentence": "6月底前完成", "note": None}]
    records = {"a.txt": {"deadlines": [{"text": "6月底前", "date": "2016-06-30", "action": "完成"}], "targets": []}}
    r = gold_measures.score(rows, records)
    assert (r.deadlines.gold, r.deadlines.found, r.deadlines.matched) == (1, 1, 1)


def test_the_scorer_reads_a_limit_in_either_width() -> None:
    # the record quotes normalised text (3个月前), an annotator the page (届满３个月前)
    rows = [{"file": "unseen3/a.txt", "kind": "deadline", "deadline_text": "合同期限届满３个月前", "date": None,
             "sentence": "合同期限届满３个月前向机构递交续租申请", "note": None}]
    records = {"a.txt": {"deadlines": [{"text": "3个月前", "date": None, "action": "向机构递交续租申请"}],
                         "targets": []}}
    r = gold_measures.score(rows, records)
    assert (r.deadlines.gold, r.deadlines.found, r.deadlines.matched) == (1, 1, 1)


@pytest.fixture(scope="module")
def heldout(tmp_path_factory: pytest.TempPathFactory) -> gold_measures.MeasureReport:
    return gold_measures.measures_report(gold_measures.SHARED, tmp_path_factory.mktemp("heldout"),
                                         "measures_heldout")


@needs_shared
def test_the_held_out_set_does_not_regress(heldout: gold_measures.MeasureReport) -> None:
    # tests/gold/measures_heldout.md: drawn after the first rules were written, then studied for
    # classes of error (a development set since; docs/quality.md): floors a little under what
    # was measured (targets P 0.96 R 0.95 F1 0.96, year 97/97), so that it does not get worse
    assert heldout.targets.f1 >= 0.94 and heldout.targets.precision >= 0.94, heldout.table()
    assert heldout.targets.recall >= 0.93, heldout.targets.misses
    assert heldout.year.share >= 0.97, heldout.year.wrong
    # deadlines: its 2 false finds are limits of a sentence the page repeats (每月底前, read since
    # 2026-12-03, is one), which the annotator counted once
    assert heldout.deadlines.precision >= 0.94 and heldout.deadlines.recall >= 0.90, heldout.table()


#: Floors per unseen set: targets precision and recall, year right, deadlines precision and recall.
UNSEEN_FLOORS: dict[str, tuple[float, float, float, float, float]] = {
    "measures_unseen": (0.95, 0.91, 0.98, 0.88, 0.95),
    "measures_unseen2": (0.94, 0.90, 0.94, 0.95, 0.98),
    "measures_unseen3": (0.92, 0.80, 0.95, 0.92, 0.94),
    # (the fourth's and seventh's annotators tag a cut-off label, 报名截止时间为…, a window;
    # later sets, unseen49 and unseen91, code it as a limit, as it is read since 2026-12-04)
    # (two items read since 2026-12-05, （4）公园改造提升项目6个, take the plan's year, which
    # its annotator left open)
    "measures_unseen4": (0.90, 0.62, 0.9, 0.95, 0.90),
    "measures_unseen5": (0.91, 0.84, 0.96, 0.90, 0.98),
    "measures_unseen6": (0.96, 0.43, 0.96, 0.96, 0.98),
    "measures_unseen7": (0.86, 0.74, 0.92, 0.84, 0.97),
    # the ninth: three of its documents are JSON records saved as .txt; its annex
    # restates counts whose year the annotator took from the main text
    "measures_unseen9": (0.95, 0.55, 0.58, 0.95, 0.95),
    # the tenth: 31 of its 38 targets are cells of an allocation table with no unit,
    # read (in 个) where the annotator counted 名; its deadlines are all found
    "measures_unseen10": (0.10, 0.10, 0.95, 0.95, 0.95),
    # the eleventh: three JSON records of provincial search services; no deadline
    "measures_unseen11": (0.95, 0.75, 0.95, 0.95, 0.95),
    # the thirteenth: three national Markdown pages on rural revitalisation (6 targets,
    # no deadline); the year of two of them comes from their preamble
    "measures_unseen13": (0.95, 0.95, 0.95, 0.95, 0.95),
    # the fourteenth: four city work reports saved without title or date, one starting
    # inside its look back; 262 targets, 4 deadlines
    "measures_unseen14": (0.93, 0.86, 0.96, 0.95, 0.95),
    # the fifteenth: nine local plans and rules, three wrapped at a page's width, one
    # Markdown table of indicators; 129 targets, 6 relative deadlines
    "measures_unseen15": (0.95, 0.82, 0.97, 0.83, 0.95),
    # the sixteenth: four more city work reports (344 targets, 2 deadlines), still held
    # out: its floors sit under its first score
    "measures_unseen16": (0.95, 0.86, 0.98, 0.95, 0.95),
    # the seventeenth: six Guangdong documents, JSON records and crawled text
    "measures_unseen17": (0.90, 0.75, 0.95, 0.95, 0.85),
    # the nineteenth: three Shanghai employment and insurance rules, one page printing
    # its text three times; one borderline target, six relative deadlines
    "measures_unseen19": (0.95, 0.0, 0.95, 0.80, 0.80),
    # the twentieth: eight excerpts of local government pages (the first ~800
    # characters of each), spaced years, half-width commas; 26 targets, 3 deadlines
    "measures_unseen20": (0.90, 0.92, 0.95, 0.95, 0.95),
    # the twenty-first and twenty-second: 14 and 16 more page excerpts (social policy;
    # economy and environment), half of them without a goal
    "measures_unseen21": (0.95, 0.93, 0.95, 0.95, 0.95),
    "measures_unseen22": (0.95, 0.88, 0.93, 0.95, 0.95),
    # the twenty-third and twenty-fourth: 14 excerpts of yearly task breakdowns and
    # practical-project lists, and 10 of target tables, plans and a province's opinion
    "measures_unseen23": (0.95, 0.93, 0.90, 0.93, 0.95),
    "measures_unseen24": (0.90, 0.84, 0.93, 0.95, 0.95),
    # the twenty-fifth and twenty-sixth: 13 excerpts of agriculture and water plans (one
    # allocation table), 16 of campaigns, plans and a township's spring works; no limit
    "measures_unseen25": (0.95, 0.92, 0.97, 0.95, 0.95),
    "measures_unseen26": (0.82, 0.80, 0.85, 0.95, 0.95),
    # the twenty-seventh: two excerpts (a plan of projects handed down, a township's
    # planting day); the twenty-eighth: six, three county plans' growth goals
    "measures_unseen27": (0.30, 0.95, 0.95, 0.95, 0.95),
    "measures_unseen28": (0.95, 0.95, 0.95, 0.95, 0.95),
    # the twenty-ninth: 19 excerpts of safety, air and water campaigns (12 of them copies
    # on other hosts); two limits of clauses the excerpt cuts, which the gold leaves out
    "measures_unseen29": (0.95, 0.95, 0.90, 0.85, 0.90),
    # the thirtieth: 14 excerpts of social plans, one a PDF's table in columns of spaces,
    # one a 1996 plan's list of 30 health goals; one deadline
    "measures_unseen30": (0.95, 0.95, 0.93, 0.95, 0.95),
    # the thirty-first: 16 excerpts of economic plans (a goal list with dashes, a page
    # dated only by its fields); the thirty-second: 18 of notices full of time limits
    "measures_unseen31": (0.95, 0.95, 0.95, 0.95, 0.95),
    "measures_unseen32": (0.95, 0.95, 0.95, 0.95, 0.90),
    # the thirty-fourth: 17 excerpts of a county's or city's departments at work in one
    # year (titled only by their year's tasks); its 动态清零 and counts of a programme's
    # items are not coded, and one limit is in a clause the excerpt cuts
    # the thirty-third: 14 excerpts of provincial and national goal lists, no limit
    "measures_unseen33": (0.95, 0.95, 0.95, 0.95, 0.95),
    "measures_unseen34": (0.88, 0.88, 0.95, 0.80, 0.95),
    # the thirty-fifth: 19 excerpts of older plans (2005–2017; a project's results from a
    # base to a level are not coded); the thirty-sixth: 11 of townships and campaigns
    # (shares written as fractions, 占全市1/8, not read)
    "measures_unseen35": (0.86, 0.95, 0.95, 0.95, 0.95),
    "measures_unseen36": (0.92, 0.85, 0.95, 0.95, 0.95),
    # the thirty-seventh: 19 excerpts of recent plans for new industries (computing power,
    # low-altitude economy), no limit; the thirty-eighth: 16 of employment policy
    "measures_unseen37": (0.92, 0.85, 0.95, 0.95, 0.95),
    "measures_unseen38": (0.93, 0.93, 0.95, 0.95, 0.95),
    # the thirty-ninth: 16 excerpts of health policy (ratios written 1:1.6 not read); the
    # fortieth: 15 of land and ecology (a plan's background areas read as goals; two
    # subjects of one rate, 受污染耕地和污染地块安全利用率, read as one)
    "measures_unseen39": (0.88, 0.78, 0.95, 0.95, 0.95),
    "measures_unseen40": (0.75, 0.80, 0.95, 0.85, 0.85),
    # the forty-first: 12 excerpts of water and urban infrastructure, 45 of whose 60 targets
    # are one allocation table printed one cell per line without 序号 (not read); the
    # forty-second: 16 of culture and civil affairs, few targets (daily service norms)
    "measures_unseen41": (0.95, 0.95, 0.95, 0.95, 0.95),
    "measures_unseen42": (0.95, 0.45, 0.95, 0.95, 0.80),
    "measures_unseen43": (0.95, 0.85, 0.9, 0.95, 0.45),
    "measures_unseen44": (0.95, 0.95, 0.95, 0.95, 0.95),
    "measures_unseen45": (0.85, 0.9, 0.95, 0.95, 0.95),
    "measures_unseen46": (0.9, 0.9, 0.9, 0.95, 0.95),
    "measures_unseen47": (0.7, 0.5, 0.9, 0.95, 0.95),
    "measures_unseen48": (0.95, 0.4, 0.95, 0.95, 0.95),
    "measures_unseen49": (0.75, 0.6, 0.95, 0.95, 0.85),
    "measures_unseen50": (0.9, 0.9, 0.95, 0.95, 0.95),
    # its one deadline, 每月月底 with no 前, is outside the 前/内 limits read: recall 0 of 1
    "measures_unseen51": (0.95, 0.85, 0.95, 0.95, 0.0),
    "measures_unseen52": (0.9, 0.8, 0.95, 0.9, 0.9),
    "measures_unseen53": (0.9, 0.8, 0.95, 0.95, 0.95),
    "measures_unseen54": (0.95, 0.95, 0.95, 0.9, 0.95),
    "measures_unseen55": (0.65, 0.95, 0.85, 0.95, 0.95),
    "measures_unseen56": (0.95, 0.95, 0.85, 0.95, 0.95),
    "measures_unseen57": (0.95, 0.7, 0.95, 0.95, 0.95),
    "measures_unseen58": (0.85, 0.9, 0.95, 0.95, 0.95),
    # four documents with no goal and no limit (no row): anything found is false
    "measures_unseen59": (0.95, 0.95, 0.95, 0.95, 0.95),
    "measures_unseen60": (0.65, 0.95, 0.95, 0.95, 0.95),
    # the sets of 2026-12-04 night (first scores in their .md files; unseen69 kept none)
    "measures_unseen61": (0.9, 0.85, 0.7, 0.95, 0.7),
    "measures_unseen62": (0.95, 0.8, 0.95, 0.95, 0.75),
    "measures_unseen63": (0.95, 0.8, 0.85, 0.8, 0.8),
    "measures_unseen64": (0.9, 0.85, 0.95, 0.95, 0.8),
    "measures_unseen66": (0.6, 0.95, 0.15, 0.95, 0.95),
    "measures_unseen67": (0.7, 0.85, 0.85, 0.95, 0.95),
    "measures_unseen68": (0.85, 0.7, 0.7, 0.75, 0.95),
    "measures_unseen70": (0.95, 0.15, 0.95, 0.95, 0.95),
    "measures_unseen71": (0.95, 0.7, 0.95, 0.95, 0.8),
    "measures_unseen72": (0.8, 0.8, 0.85, 0.95, 0.95),
    "measures_unseen73": (0.95, 0.85, 0.95, 0.95, 0.95),
    "measures_unseen74": (0.95, 0.95, 0.95, 0.95, 0.95),
    "measures_unseen75": (0.9, 0.8, 0.95, 0.95, 0.95),
    "measures_unseen76": (0.95, 0.85, 0.95, 0.95, 0.95),
    "measures_unseen77": (0.95, 0.95, 0.95, 0.95, 0.95),
    "measures_unseen78": (0.95, 0.95, 0.95, 0.95, 0.95),
    "measures_unseen79": (0.95, 0.9, 0.9, 0.95, 0.95),
    # the sets of 2026-12-04 late evening (unseen85 kept none; 82, 86 and 87 two to four
    # pages each): a business-environment set of slogans (1个环节、0成本、1天办结) and
    # service times, not read; a spiritual-civilisation set whose evaluation counts are
    # read as goals
    "measures_unseen80": (0.7, 0.45, 0.95, 0.95, 0.95),
    "measures_unseen81": (0.9, 0.95, 0.95, 0.95, 0.95),
    "measures_unseen82": (0.95, 0.95, 0.95, 0.95, 0.95),
    "measures_unseen83": (0.3, 0.95, 0.95, 0.95, 0.95),
    "measures_unseen84": (0.9, 0.9, 0.95, 0.95, 0.95),
    "measures_unseen86": (0.95, 0.95, 0.95, 0.95, 0.95),
    "measures_unseen87": (0.95, 0.95, 0.95, 0.95, 0.95),
    # the ninetieth's task table printed a cell per line under a two-row header is read
    # since its top cell's span is resolved by units; the ninety-fifth
    # and ninety-sixth have no row (subsidy rules; work reports' look backs); the
    # ninety-eighth's counts of a plan's tasks (实施5项…) are read as goals
    "measures_unseen88": (0.95, 0.95, 0.95, 0.95, 0.95),
    "measures_unseen89": (0.95, 0.95, 0.95, 0.95, 0.95),
    "measures_unseen90": (0.95, 0.9, 0.95, 0.95, 0.95),
    "measures_unseen91": (0.85, 0.85, 0.8, 0.95, 0.95),
    "measures_unseen92": (0.95, 0.45, 0.95, 0.7, 0.95),
    "measures_unseen93": (0.7, 0.95, 0.95, 0.95, 0.95),
    "measures_unseen94": (0.9, 0.9, 0.95, 0.95, 0.95),
    "measures_unseen95": (0.95, 0.95, 0.95, 0.95, 0.95),
    "measures_unseen96": (0.95, 0.95, 0.95, 0.95, 0.95),
    "measures_unseen97": (0.8, 0.75, 0.75, 0.95, 0.95),
    "measures_unseen98": (0.3, 0.95, 0.95, 0.95, 0.95),
    "measures_unseen99": (0.45, 0.95, 0.0, 0.95, 0.95),
    # the sets of 2026-12-04 night: western regions, the north-east, notices to the
    # public (its brick-kiln closures 全部予以关闭 are not read), target-responsibility
    # documents (a Changsha table under a two-level header with notes is not read),
    # plans cut before their indicator tables (no row), documents of 1997–2008,
    # departments' yearly notices and townships' fire-prevention notices
    "measures_unseen100": (0.9, 0.8, 0.9, 0.95, 0.95),
    "measures_unseen101": (0.95, 0.95, 0.95, 0.95, 0.95),
    "measures_unseen102": (0.95, 0.0, 0.95, 0.85, 0.9),
    "measures_unseen103": (0.85, 0.7, 0.95, 0.95, 0.95),
    "measures_unseen104": (0.95, 0.95, 0.95, 0.95, 0.95),
    "measures_unseen105": (0.95, 0.8, 0.9, 0.95, 0.95),
    "measures_unseen106": (0.95, 0.95, 0.95, 0.95, 0.95),
    "measures_unseen107": (0.95, 0.95, 0.95, 0.95, 0.95),
    # by region (四川/重庆/贵州, 湖南/湖北/江西, 山东/河南, 广东/海南/福建, 浙江/上海 counties,
    # 北京/陕西/安徽), task tables (blood-donation quotas without units, not read alike),
    # notices of limits, health (two pages), environment, housing (tables that lost
    # their empty cells when flattened: read cell by cell, wrongly)
    "measures_unseen108": (0.8, 0.8, 0.95, 0.95, 0.95),
    "measures_unseen109": (0.9, 0.8, 0.95, 0.95, 0.95),
    "measures_unseen110": (0.95, 0.9, 0.9, 0.95, 0.95),
    "measures_unseen111": (0.85, 0.95, 0.95, 0.95, 0.95),
    "measures_unseen112": (0.7, 0.95, 0.95, 0.95, 0.95),
    "measures_unseen113": (0.85, 0.85, 0.95, 0.95, 0.95),
    "measures_unseen114": (0.5, 0.25, 0.95, 0.95, 0.95),
    "measures_unseen115": (0.95, 0.95, 0.95, 0.95, 0.95),
    "measures_unseen116": (0.95, 0.95, 0.95, 0.95, 0.95),
    "measures_unseen118": (0.95, 0.6, 0.95, 0.95, 0.95),
    # emergency plans cut before their reporting limits (no row); procedural rules whose
    # one cut-off limit (5月10日前) lost its clause to the excerpt's end
    "measures_unseen119": (0.95, 0.95, 0.95, 0.95, 0.95),
    "measures_unseen122": (0.95, 0.95, 0.95, 0.7, 0.95),
    # the sets of 2026-12-05: scoring rules (a base score's 稳定在80%以上 is read), leaders'
    # speeches, documents of 2025–2026, replies to deputies (an undated reply's results
    # and a reply's plans in a list of 栋/万平米 are not all read) and three-year plans
    # (star classes of a standard and a garbled 5G6000个 are not read)
    "measures_unseen127": (0.7, 0.7, 0.95, 0.95, 0.95),
    "measures_unseen128": (0.95, 0.95, 0.95, 0.95, 0.95),
    "measures_unseen129": (0.95, 0.95, 0.95, 0.95, 0.95),
    "measures_unseen130": (0.6, 0.55, 0.85, 0.45, 0.95),
    "measures_unseen132": (0.95, 0.55, 0.95, 0.95, 0.95),
    # a 解读 page, work news (progress told as news is read as goals: 25 false), provincial
    # work reports, national documents (goals quoted in a site's 摘要 line are missed), farm
    # documents (a township table that lost a cell), subsidy rules, remote regions, task
    # allocations, departments' work plans (an untitled table's year is not read), older
    # 实施意见 and districts' plans
    "measures_unseen133": (0.95, 0.95, 0.95, 0.95, 0.95),
    # (a news page titled …工作开展情况 reports: the year's goal it restates, 确保今年…完成4.1万座, is
    # lost with its results, since 2026-12-05 morning)
    "measures_unseen134": (0.1, 0.3, 0.3, 0.35, 0.6),
    "measures_unseen136": (0.95, 0.95, 0.8, 0.95, 0.95),
    "measures_unseen137": (0.45, 0.3, 0.95, 0.95, 0.95),
    "measures_unseen138": (0.7, 0.65, 0.6, 0.8, 0.95),
    "measures_unseen139": (0.8, 0.85, 0.85, 0.95, 0.95),
    "measures_unseen140": (0.65, 0.95, 0.95, 0.95, 0.95),
    "measures_unseen142": (0.85, 0.7, 0.85, 0.95, 0.95),
    "measures_unseen143": (0.95, 0.8, 0.0, 0.7, 0.7),
    "measures_unseen145": (0.9, 0.8, 0.75, 0.95, 0.95),
    "measures_unseen146": (0.95, 0.95, 0.95, 0.95, 0.95),
    # practical things for the people (a table of township counts glued to their names
    # and the goals named in the titles of plans a notice issues are not read), campaigns
    # for titles (在2010年内 is no limit here), key-project plans and employment
    "measures_unseen147": (0.8, 0.15, 0.0, 0.95, 0.95),
    "measures_unseen148": (0.95, 0.95, 0.95, 0.95, 0.45),
    "measures_unseen150": (0.6, 0.85, 0.95, 0.95, 0.95),
    "measures_unseen151": (0.85, 0.8, 0.95, 0.95, 0.95),
    # townships (the items of a numbered task list under the goals heading are read),
    # north-eastern cities, south-western counties, central China's 2016–2020 plans (a
    # county's allocation list glued as 大墅镇227户610人945KW is not read)
    "measures_unseen153": (0.95, 0.95, 0.95, 0.95, 0.95),
    "measures_unseen154": (0.9, 0.95, 0.95, 0.95, 0.95),
    "measures_unseen155": (0.95, 0.95, 0.95, 0.95, 0.95),
    "measures_unseen156": (0.95, 0.2, 0.95, 0.95, 0.95),
    # the sets of 2026-12-05's second session, first scored on arrival
    "measures_unseen157": (0.95, 0.95, 0.95, 0.95, 0.95),
    "measures_unseen158": (0.95, 0.95, 0.95, 0.95, 0.95),
    # (a call's 原则上当年内可以完成 is read as a limit; an excerpt's last clause, cut, too)
    "measures_unseen159": (0.9, 0.95, 0.95, 0.3, 0.95),
    # (a plan's 全年…同比增长8% is read as a report: a rule reading it as the year's goal read
    # plans' reviews of last year as goals, the ninth review)
    "measures_unseen160": (0.95, 0.9, 0.95, 0.95, 0.95),
    # (a night-economy zone counted after a 45-character object is not read)
    "measures_unseen161": (0.95, 0.8, 0.95, 0.95, 0.95),
    "measures_unseen162": (0.95, 0.95, 0.95, 0.95, 0.95),
    # the session's second batch: 十一五 documents, sanitation, provinces, five-year
    # outlines, the north-west (no row: it counts only false finds), county departments
    "measures_unseen163": (0.95, 0.9, 0.95, 0.95, 0.95),
    "measures_unseen164": (0.95, 0.95, 0.95, 0.95, 0.95),
    "measures_unseen165": (0.95, 0.95, 0.95, 0.95, 0.95),
    "measures_unseen166": (0.95, 0.7, 0.95, 0.95, 0.95),
    "measures_unseen167": (0.95, 0.95, 0.95, 0.95, 0.95),
    "measures_unseen168": (0.9, 0.95, 0.95, 0.95, 0.95),
    # the third batch: cities' action plans, townships' seasonal notices (lengths of canal
    # lined after a count, 砌护2条渠道总长4310米, are not read), county offices' notices,
    # cities' social programmes (no row), provincial departments, county investment (a
    # page whose dates lost their 月, 615日, has its limits unread)
    "measures_unseen169": (0.95, 0.95, 0.95, 0.95, 0.0),
    "measures_unseen170": (0.95, 0.85, 0.95, 0.95, 0.95),
    "measures_unseen171": (0.85, 0.65, 0.8, 0.6, 0.95),
    "measures_unseen172": (0.95, 0.95, 0.95, 0.95, 0.95),
    "measures_unseen173": (0.95, 0.95, 0.95, 0.95, 0.95),
    "measures_unseen174": (0.85, 0.95, 0.95, 0.95, 0.95),
    # the last batch, scored on arrival and not studied: cities' notices (a notice passing
    # down a province's figures in its preamble is not read), provincial departments (a
    # 十四五 plan's review without a heading is read), townships, cities' departments
    # (water quality classes, 达Ⅴ类, are not read)
    "measures_unseen175": (0.95, 0.0, 0.95, 0.95, 0.95),
    "measures_unseen177": (0.7, 0.95, 0.9, 0.0, 0.95),
    "measures_unseen178": (0.95, 0.95, 0.95, 0.95, 0.95),
    "measures_unseen179": (0.8, 0.35, 0.95, 0.6, 0.6)}


@pytest.mark.parametrize("name", list(UNSEEN_FLOORS))
def test_the_unseen_sets_do_not_regress(name: str, tmp_path: Path) -> None:
    # Real pages from outside this repository, annotated by helpers who saw neither the rules nor
    # the output (tests/gold/measures_unseen*.md), each studied after its first score
    # (docs/quality.md); the fourth's targets are mostly table cells (read since tables are), the
    # sixth's mostly cells of a table whose empty cells the page lost (not read).
    # Floors a little under what is measured now: the aims of issue 21 are not all met.
    # (the first set's deadlines: its annotator coded 汛期前 but not 确保入汛前…恢复, read since 2026-12-04)
    floors = UNSEEN_FLOORS[name]
    got = gold_measures.measures_report(gold_measures.SHARED, tmp_path, name)
    t_precision, t_recall, year, d_precision, d_recall = floors
    assert got.targets.precision >= t_precision and got.targets.recall >= t_recall, got.table()
    assert got.year.share >= year, got.year.wrong
    assert got.deadlines.precision >= d_precision and got.deadlines.recall >= d_recall, got.table()


def test_the_headquarters_set_stays_nearly_empty(tmp_path: Path) -> None:
    # measures_unseen176: three documents of headquarters (指挥部) with no goal and no limit; on
    # arrival it found one false target (…等20个, the count of agencies a plan names)
    got = gold_measures.measures_report(gold_measures.SHARED, tmp_path, "measures_unseen176")
    assert got.targets.found <= 1 and got.deadlines.found == 0, got.targets.false


def test_the_set_without_goals_stays_nearly_empty(tmp_path: Path) -> None:
    # measures_unseen65: twelve documents on population, women, children, the elderly and disabled
    # people whose excerpts set no goal and no limit (no row): its first score found 5 false
    # targets (past results of reviews); 2 remain (a share of a task, 各50%; 65万多平方米 of
    # facilities built), the floor holds them there
    got = gold_measures.measures_report(gold_measures.SHARED, tmp_path, "measures_unseen65")
    assert got.targets.found <= 2 and got.deadlines.found == 0, got.targets.false


def test_the_environment_set_of_reviews_stays_nearly_empty(tmp_path: Path) -> None:
    # measures_unseen117: thirteen environment pages of which ten set nothing; its first score
    # found 8 false targets (a section reviewing 2018's progress under a 2019 plan); 2 remain (the
    # sulphur and ash caps of a ban on coal); its one target (PM10 ≤ 68, a PDF's 微克/ 立方米以 下)
    # is not read
    got = gold_measures.measures_report(gold_measures.SHARED, tmp_path, "measures_unseen117")
    assert got.targets.found <= 2, got.targets.false
    assert got.deadlines.precision >= 0.95 and got.deadlines.recall >= 0.95, got.table()


def test_resolutions_approvals_and_circulars_of_results_stay_nearly_empty(tmp_path: Path) -> None:
    # measures_unseen120 (resolutions and approvals: no target row) and unseen121 (circulars of
    # inspections and progress: 8 targets) found 12 and 31 false targets on arrival, the approved
    # scope of projects and the results circulars report; a circular's or a project approval's
    # numbers are now read as results until a heading of what is next (a circular without its title
    # line is known by its opening, 现将…情况通报如下). What remains: a county's 批复 with no title line (4)
    got = gold_measures.measures_report(gold_measures.SHARED, tmp_path, "measures_unseen120")
    assert got.targets.found <= 4 and got.deadlines.found == 0, got.targets.false
    got = gold_measures.measures_report(gold_measures.SHARED, tmp_path, "measures_unseen121")
    assert got.targets.found - got.targets.matched <= 1, got.targets.false
    assert got.deadlines.precision >= 0.95 and got.deadlines.recall >= 0.95, got.table()


def test_summaries_and_minutes_stay_nearly_empty(tmp_path: Path) -> None:
    # measures_unseen123 (work summaries with next year's plans, every excerpt cut inside its
    # summary: no target row) found 18 false targets on arrival, the year's results; a title
    # reviewing one year and planning the next now speaks from the planned year. unseen124
    # (minutes of meetings: 2 borderline targets, not read) found one (研究议题12项)
    got = gold_measures.measures_report(gold_measures.SHARED, tmp_path, "measures_unseen123")
    assert got.targets.found <= 1 and got.deadlines.recall >= 0.95, got.targets.false
    got = gold_measures.measures_report(gold_measures.SHARED, tmp_path, "measures_unseen124")
    assert got.targets.found - got.targets.matched <= 1, got.targets.false


def test_reports_budgets_and_calls_for_applications_stay_nearly_empty(tmp_path: Path) -> None:
    # measures_unseen125 (information-disclosure reports and statistical communiqués: no row) found
    # 66 false targets on arrival, the numbers of items published and a county's harvest; such
    # reports are now known by their title, opening or run-together head, and a statistic's
    # paragraph (全年…，同比增长…) reports. unseen131 (calls for applications: no target row)
    # found 5, the conditions of a village's recognition. unseen126 (budgets: its 15 rows sit in
    # one self-evaluation table whose cells glue target and result, 100%100%) finds one
    got = gold_measures.measures_report(gold_measures.SHARED, tmp_path, "measures_unseen125")
    assert got.targets.found == 0 and got.deadlines.found == 0, got.targets.false
    got = gold_measures.measures_report(gold_measures.SHARED, tmp_path, "measures_unseen131")
    assert got.targets.found == 0, got.targets.false
    assert got.deadlines.precision >= 0.9 and got.deadlines.recall >= 0.9, got.table()
    got = gold_measures.measures_report(gold_measures.SHARED, tmp_path, "measures_unseen126")
    assert got.targets.found - got.targets.matched <= 1, got.targets.false


def test_announcements_city_work_reports_and_safety_documents_stay_nearly_empty(tmp_path: Path) -> None:
    # measures_unseen135 (recruitment calls and expropriation notices: no target row) found 7 false
    # targets on arrival, a call's posts, a test's weights and an expropriated area; unseen141
    # (city work reports cut inside their review: no row) found 6 in a review under a heading of
    # what was achieved (交出了…成绩单); unseen144 (work-safety documents: no target row) found none
    # unseen149 (river and forest chiefs: no target row) finds none either; its one limit found is
    # in a clause the excerpt cuts, so only its targets are held
    got = gold_measures.measures_report(gold_measures.SHARED, tmp_path, "measures_unseen149")
    assert got.targets.found == 0, got.targets.false
    for name in ("measures_unseen135", "measures_unseen141", "measures_unseen144"):
        got = gold_measures.measures_report(gold_measures.SHARED, tmp_path, name)
        assert got.targets.found == 0, (name, got.targets.false)
        assert got.deadlines.precision >= 0.95 and got.deadlines.recall >= 0.95, (name, got.table())


def test_a_project_list_with_no_goal_read_stays_empty(tmp_path: Path) -> None:
    # measures_unseen152 (education: 3 rows, a project list's counts of schools in a body run into
    # one line, not read) finds nothing false
    got = gold_measures.measures_report(gold_measures.SHARED, tmp_path, "measures_unseen152")
    assert got.targets.found == 0 and got.deadlines.found == 0, got.targets.false


@needs_shared
def test_the_procedural_rules_set_keeps_its_deadlines(tmp_path: Path) -> None:
    # measures_unseen8: eight standing rules (licences, enforcement procedure, payment services)
    # whose 37 rows are almost all relative time limits; its four targets are borderline norms
    # (measures_unseen8.md), so only its deadlines are held here (first score 35/35/35)
    got = gold_measures.measures_report(gold_measures.SHARED, tmp_path, "measures_unseen8")
    assert got.deadlines.precision >= 0.97 and got.deadlines.recall >= 0.97, got.table()
    assert got.date.share >= 0.97, got.date.wrong


@needs_shared
def test_the_tax_notices_set_keeps_its_deadlines(tmp_path: Path) -> None:
    # measures_unseen12: three national tax notices, six deadlines and no target (first score
    # 4/4/6: 次月15日内 and 次月10日前 were not read, and a threshold in dollars was a target)
    got = gold_measures.measures_report(gold_measures.SHARED, tmp_path, "measures_unseen12")
    assert got.deadlines.precision >= 0.95 and got.deadlines.recall >= 0.95, got.table()
    assert got.targets.found == 0, got.targets.false


@pytest.fixture(scope="module")
def agreements(tmp_path_factory: pytest.TempPathFactory) -> list[gold_agreement.Agreement]:
    work = tmp_path_factory.mktemp("agreement")
    return [gold_agreement.agreement(n, gold_agreement.second_rows(tag), gold_measures.SHARED, work)
            for tag, numbers in gold_agreement.COVERS.items() for n in numbers]


def _pooled(reports: list[gold_measures.MeasureReport]) -> tuple[float, float, float, float, float]:
    """Targets precision, recall and year share; deadlines precision and recall, pooled."""
    def ratio(a: int, b: int) -> float:
        return a / b if b else 1.0
    tm, tf, tg = (sum(getattr(r.targets, k) for r in reports) for k in ("matched", "found", "gold"))
    dm, df, dg = (sum(getattr(r.deadlines, k) for r in reports) for k in ("matched", "found", "gold"))
    yr, ys = sum(r.year.right for r in reports), sum(r.year.stated for r in reports)
    return ratio(tm, tf), ratio(tm, tg), ratio(yr, ys), ratio(dm, df), ratio(dm, dg)


def test_a_second_annotators_rows_read_as_found_agree_with_themselves() -> None:
    # the conversion of rows to found items (units folded, comparators mapped) loses nothing
    for tag in gold_agreement.COVERS:
        rows = gold_agreement.second_rows(tag)
        files = sorted({str(r["file"]) for r in rows})
        got = gold_measures.score(rows, gold_agreement.as_found(rows, files))
        assert got.targets.f1 == 1.0 and got.deadlines.f1 == 1.0, (tag, got.details())
        assert got.year.share == 1.0 and got.comparator.share == 1.0 and got.date.share == 1.0, tag


def test_two_annotators_agree_on_the_held_out_pages(agreements: list[gold_agreement.Agreement]) -> None:
    # twenty-four held-out sets coded twice, blind (tests/gold/agreement/README.md): measured 0.967 /
    # 0.976, year 0.992; deadlines 0.948 / 0.979. A gold row edited out of line with its second
    # coding shows here.
    precision, recall, year, d_precision, d_recall = _pooled([a.humans for a in agreements])
    assert precision >= 0.95 and recall >= 0.95 and year >= 0.98, (precision, recall, year)
    assert d_precision >= 0.93 and d_recall >= 0.95, (d_precision, d_recall)


def test_policygraph_agrees_with_the_second_annotators(agreements: list[gold_agreement.Agreement]) -> None:
    # the second rows were never seen while the rules were written: measured 0.941 / 0.798, year
    # 0.947; deadlines 0.948 / 0.948 (the first annotators' rows of these sets were studied; 54 of the
    # misses are one task table printed a cell per line, unseen90's)
    precision, recall, year, d_precision, d_recall = _pooled([a.tool_second for a in agreements])
    assert precision >= 0.93 and recall >= 0.78 and year >= 0.93, (precision, recall, year)
    assert d_precision >= 0.93 and d_recall >= 0.93, (d_precision, d_recall)
