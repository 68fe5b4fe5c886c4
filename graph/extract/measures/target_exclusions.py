"""When a number matched as a target is none (target_rules.py has the classes; this reads them
for one match in its sentence): a note that includes the bound, a class defined in a note, a
report told with 了, an observation of all cases, the span a stage takes, counts of the goals that
follow, a step's duration, a frequency, a cap on a selection, a bound classing its noun, an age
group, a band, a norm, a sum no outcome verb sets, a standard each project meets."""

from __future__ import annotations

import re

from policygraph.extract.measures import target_rules as rules
from policygraph.extract.measures.scoring import scored
from policygraph.extract.measures.target_numbers import number_at
from policygraph.extract.measures.target_sentences import Sentence
from policygraph.extract.regexes import AGE_GROUP_AFTER

#: Verbs a sum of money is a target after (产业总规模突破1000亿元); 不少于210万元 is a requirement.
MONEY_VERBS = frozenset({"达到", "达", "突破", "超过", "超", "实现", "增长到", "增长至", "增加到", "增加至",
                         "迈上", "过", "增到"})
#: A step of a sum to climb, after the number (上200亿元台阶, 迈上500亿元新台阶): at least it, a goal
#: with or without a verb.
STEP = re.compile(r"\s*(?:新)?台阶")
#: Units of things counted one by one, and shares: about so many of them (100个左右的示范村, 70%左右的人口)
#: is a count; not COUNTED below, whose 人 classes firms by size (50人左右的企业).
_APPROXIMATE_COUNT = frozenset({"个", "家", "所", "座", "处", "名", "户", "条", "项", "村", "支", "台", "辆",
                                "%"})
#: A sum a plan is to reach: investment, credit or output, after an action or none (完成投资2500亿元以上,
#: 新增科技贷款1000亿元, 实现旅游综合收入120亿元); a sum each case must have (原始基金不少于210万元)
#: is a requirement.
_PLANNED_SUM = re.compile(r"(?:投资|贷款|产值|进出口|交易额|成交额|销售额|总额|规模|外资|"
                          r"增加值|营收|税收|收入|利润|利税|出口|到位资金|引资|融资|市值|(?:结算|交易|成交)量|债券|减负|降费|负担|创汇|"
                          r"签约(?:项目|金额|资金)?|"
                          r"(?:引进|引入|吸引|利用|到位)[^，,。；;\d]{0,4}(?:资金|内资))"  # 引进域外资金
                          r"(?:目标|任务)?(?:约|近|各|均)?(?:力争|确保|争取|计划)?$")  # 收入约16.9亿元


def planned_sum(verb: str | None, clause: str) -> bool:
    """实现农业增加值66亿元以上, 固定资产投资目标为125.9亿元以上: a sum a plan is to reach."""
    return verb in (None, "完成", "新增", "实现", "为") and _PLANNED_SUM.search(clause) is not None


#: Words of aim or of this year after a report with 了 (…减少了审批事项30项，今年新建…50个): what
#: follows is set, not reported.
_AIM_BETWEEN = re.compile(r"今年|明年|全年|力争|确保|争取|计划|将|要|目标|任务|到\s*\d{4}\s*年")
#: Drafting or issuing the documents counted (完成…等12个乡镇国土空间规划编制, 推动…等8个行业出台…方案):
#: a goal, not a list of documents named.
_DRAFTING = re.compile(r"编制|修编|制定|出台|完成|编写|推动|督促|指导")
#: Documents issued or published (…等5个专项规划印发给你们): counted as a list, whoever drafted them.
_ISSUED = re.compile(r"[^，,。；;]{0,4}?(?:印发|公布|发布|下发|转发|予以)")
#: A count, then a measure over a bound right before the number (2个产值超5000亿元…产业, 若干个超
#: 2000亿元产业): the size of each thing counted, a class, not a goal.
_COUNTED_CLASS = re.compile(r"(?:\d+|若干|一批)\s*(?:个(?!月)|家|座|条)[^\d，,；;。和及与]{0,6}?"
                            r"(?:超|超过|过)\s*$")
#: Documents a count after 等 names (…等8个专项实施方案, 等7个重点专项…申报指南).
_DOCUMENTS = re.compile(r"\s*(?:个|份|项|部)?[^，,。；;]{0,14}?"
                        r"(?:方案|指南|文件|意见|办法|规划|通知|规定|细则)")


#: A base year's value right before the number (比2010年的40.24万吨, 较2020年底的): no goal.
_BASE_VALUE = re.compile(r"(?:比|较|相比)\s*(?:19|20)\d{2}\s*年(?:底|末|度)?(?:的|末的)\s*$")
#: A unit's note in brackets right after a share (90%以上县（市、区）的…).
_NOTE_AHEAD = re.compile(r"\s*(?:以上|及以上)?[^，,。；;（()）\d]{1,4}[（(][^（()）]{1,8}[）)]")


#: Verbs of an upper bound: a cap when they bound a selection.
_AT_MOST_VERBS = frozenset({"不超过", "不得超过", "最多", "至多"})
#: A bound's note that it is included: （含50人）.
_INCLUSIVE = re.compile(r"\s*[（(]含[^）)]{0,12}[）)]")
#: Reaching a share of places (覆盖所有城市社区、90%以上乡镇和60%以上村): the bound is the goal's.
COVERS = re.compile(r"覆盖|惠及|延伸至|延伸到")
#: Units of a length of time that name an age group after a bound (65岁以上老年人).
DURATIONS = frozenset({"个月", "岁"})
#: What after a number makes it a condition: the rest of a clause closed by 的 and a comma (…达到
#: 300万元且增速达到20%以上的，给予…), or a first branch that 或者 joins to a second so closed (欠付租金
#: 达到两期以上，或者数额达到全部租金百分之十五以上的，出租人可以…), a note in brackets after 的 or not.
_CONDITION = re.compile(r"[^，,。；;：:（(]{0,30}的\s*(?:[（(][^（()）]{0,20}[）)])?\s*[，,]|"  # 的(以…为准),
                        r"[^，,。；;]{0,6}[，,]\s*或者?[^。；;，,]{1,40}的\s*[，,]")
#: Who may apply, named after the conditions (…网店数量大于50个（或…10%以上）的行政村可以申请认定为…):
#: a threshold of eligibility, over the commas of the conditions, not a goal.
_ELIGIBLE = re.compile(r"(?:[^，,。；;（(]|[（(][^（()）]{0,100}[）)]|[，,]\s*(?:或|且|并且|以及)){0,80}?"
                       r"的[\u4e00-\u9fff（()）、]{0,12}?(?:可以?|方可|均可|即可|才能)"
                       r"(?:申请|申报|认定|享受|参加|参评|列入|纳入|获得)")
_REST_MAX = 160
_STEP_TOLD = re.compile(r"(?:首次|先后|连续|相继|已经?|成功)[^，,。；;\d]{0,4}$")
#: A list of projects told by its count and total cost (工业项目20项，总投资438亿元): its scope.
_LIST_COST = re.compile(r"\s*(?:[(（][^()（）]{0,12}[)）])?\s*[，,、]\s*(?:涉及)?(?:计划)?总投资")
_AIMED_LIST = re.compile(r"力争|确保|争取|完成|实现|新引进|引进")
_TOTAL_COST = re.compile(r"(?:计划|涉及|项目)?总投资(?:额)?(?:约|为|达)?\s*$")
#: A value short of its bar, said right after it (…为70%，未达到80%的指标要求): where things stand.
_SHORT_OF = re.compile(r"\s*[，,]\s*(?:仍|尚|还)?(?:未|没有|不)(?:能)?(?:达到|实现|满足)")
#: A count of 100 % goals naming a bundle of them (4个100%, 两个百分百), and its 100 %.
_BUNDLE_COUNT = re.compile(r"\s*(?:100\s*[%％]|百分百|百分之百)")
_BUNDLE_SHARE = re.compile(r"(?:\d|[一二两三四五六七八九十])\s*个\s*$")
#: A bracket's note closing right after a number's bound (…2000万元及以上）).
_NOTE_END = re.compile(r"\s*(及以上|以上|及以下|以下)?\s*[）)]")
_BOUNDS = frozenset({"以上", "以下", "及以上", "及以下"})  # bounded: not （其中小学3所）, a part
#: Comparisons an observation states of all its cases (震级均小于2.0级).
_COMPARED = frozenset({"小于", "大于", "低于", "高于"})
#: Time a stage of work is given (用3个月左右时间, 再用半年时间): no goal.
_SPAN_UNITS = frozenset({"个月", "年", "天", "周"})
_SPAN = re.compile(r"\s*(?:的)?时间")
#: 可 right before the verb (可达到): what can be reached; a goal with 力争/确保/到…年 still sets it.
CAN = re.compile(r"(?<![不即许认])可\s*$")


def ruled_out(m: re.Match[str], sent: Sentence, clause: str, unit: str, listed: bool = False,
               planned: bool = False) -> bool:
    """Whether target_rules.py rules the number out, or it is a norm (不得低于), a standard each
    project meets (新建…不少于二千平方米) or a sum of money no outcome verb sets (不少于210万元; a
    sum `listed` after one that a verb sets is set by it: 分别达2400亿元、450亿元)."""
    text, verb, suffix = sent.text, m.group("verb"), m.group("suffix")
    note = _INCLUSIVE.match(text, m.end())  # 超过50人（含50人）的: read on after the note
    end = note.end() if note else m.end()
    if verb in rules.SHORTENING and text.startswith("内", end):
        end += 1  # 开办时间压缩到1个工作日内: 内 bounds the value a verb cuts to, as 以内 does
    if unit == "年" and text.startswith("年", end):
        end += 1  # 受教育年限达到11.7年: the unit TARGET leaves out (a year's 年 elsewhere)
    if suffix == "左右" and text.startswith("的", end) and unit in _APPROXIMATE_COUNT:
        end += 1  # 100个左右的示范村: about how many, no class of them (500平方米左右的市场: a class)
    after = text[end:end + 6]
    rest = text[end:min(sent.clause_end(end), end + _REST_MAX)]  # bounded, as targets.py's clause
    if (unit == "%" and text.startswith("的", end)) or _NOTE_AHEAD.match(text, end):
        rest = sent.rest_of_clause(end)  # the units a share counts, over a bracket's note (县（市、区）)
    if rules.not_a_target(clause, after, rest, sent.said_before(m.start()), unit == "%", unit):
        return True
    if CAN.search(clause) and not sent.goal:
        return True  # 全镇平均单产可达到491公斤, 建成后年产值可达10亿元: what can come, no goal set
    if _BUNDLE_COUNT.match(text, m.end()) or _BUNDLE_SHARE.search(text, max(0, m.start() - 4), m.start()):
        return True  # “三年行动计划”4个100%任务: a bundle of goals named by its count, no value of its own
    if not suffix and not _AIMED_LIST.search(clause) and (
            (unit in ("项", "个") and _LIST_COST.match(text, end))
            or (_TOTAL_COST.search(clause, max(0, len(clause) - 12)) and verb in (None, "为", "达"))):
        return True  # 续建项目37项，总投资174.9亿元，2010年计划投资18.7亿元: a list's size
    if STEP.match(text, m.end()) and _STEP_TOLD.search(text, max(0, m.start() - 10), m.start()):
        return True  # 财政收入首次跨上10亿元台阶, 先后跨越…台阶: a record told, no goal
    if scored(text, end) or _SHORT_OF.match(text, end):
        return True  # 双季稻面积达到85%加1分; 水岸绿化率为70%，未达到80%的指标要求: where things stand
    if _CONDITION.match(text, end) or _ELIGIBLE.match(text, end):
        return True  # …新增量达到300万元且增速达到20%以上的，给予1万元奖励: a condition of a reward
    if ((note := _NOTE_END.match(text, end)) and (note.group(1) or suffix in _BOUNDS)
            and text.rfind("（", 0, m.start()) > text.rfind("）", 0, m.start())):
        return True  # 规模以上工业企业（年主营业务收入2000万元及以上）: a note defining a class
    done = sent.last_before(rules.DONE_HERE, m.start())
    told = sent.last_before(rules.DONE, m.start())
    if not sent.goal and "基础上" not in text and (
            (told is not None and not _AIM_BETWEEN.search(text, told.end(), m.start()))
            or (done is not None and not _AIM_BETWEEN.search(text, done.end(), m.start()))):
        return True  # 2016年，…组织开展了…普查工作，完成…认定古树27株: a report
    if verb in _COMPARED and text.endswith("均", 0, m.start()) and not sent.goal:
        return True  # 共记录到振动事件567次，震级均小于2.0级: what was observed, all below it
    if unit in _SPAN_UNITS and _SPAN.match(text, end) and verb not in rules.SHORTENING:
        return True  # 用3个月左右时间，全面排查…: the time a stage takes, not a goal
    if unit in rules.ITEM_UNITS and rules.ITEMS.match(text, end, end + 16):
        return True  # 5项具体工作目标: counts the goals that follow
    if _BASE_VALUE.search(text, max(0, m.start() - 16), m.start()):
        return True  # 控制在37.66万吨以内，比2010年的40.24万吨减少6.4%: the base's value
    titled = text.rfind("《", 0, m.start()) > text.rfind("》", 0, m.start())
    if (rules.NAMED_PROGRAMME.match(text, number_at(m) + len(m.group("arabic") or ""))
            and (text.endswith(("年度", "及"), 0, m.start()) or titled)):
        return True  # 2008年度10件实事, 《…及20件民生大事…》: a programme's name
    if _COUNTED_CLASS.search(text, max(0, m.start() - 16), number_at(m)):
        return True  # 形成2个产值超5000亿元…产业: the size classing what is counted
    docs = _DOCUMENTS.match(text, end) if clause.rstrip().endswith("等") else None
    if docs and (_ISSUED.match(text, docs.end())
                 or not _DRAFTING.search(text[sent.clause_start(m.start()):docs.end() + 4])):
        return True  # 现将“智能机器人”等7个重点专项…指南予以公布: counts the documents named
    if (unit in rules.DURATIONS and verb not in rules.SHORTENING
            and not rules.CUT_BEFORE.search(text, max(0, m.start() - 24), m.start())):
        return True  # 审核时间不少于5个工作日: how long a step takes, not a cut
    if unit == "次" and rules.FREQUENCY.search(clause):
        return True  # 每季度开展1次: a frequency
    if rules.PERIOD_LENGTH.search(clause) and verb not in rules.SHORTENING:
        return True  # 等待期为6个月: how long a period lasts, not a cut
    if verb in _AT_MOST_VERBS and rules.SELECTING.search(clause):
        return True  # 每个方向遴选不超过3家单位: a cap on a selection
    if (not verb and not listed and rules.bounds_a_class(suffix, text[end:end + 24])
            and not rules.MEETS_GOAL.search(rest)
            and not (unit == "%" and COVERS.search(text, max(0, m.start() - 30), m.start()))
            and not (unit == "%" and rules.share_does(clause, clause + rest))
            and not rules.ACTION_ONLY.match(clause)
            and not rules.ACTION_OVER_LIST.search(text, max(0, m.start() - 40), m.start())):
        # 30人以上企业; 建成1个以上中心 is a goal, as are 40%以上面积达到…目标要求, 80%以上产能完成改造
        # and an action's count (推动10个以上认证机构…, 引育5家以上…企业), and one listed after it
        # (建成1个以上国家级基地、3个以上省级基地)
        return True
    if unit == "岁" and not verb and m.group("unit2"):
        return True  # 基本形成0-3岁早期教育体制: a range of ages names a group
    if unit in DURATIONS and (rules.bounds_a_class(suffix, after) or AGE_GROUP_AFTER.match(after)):
        return True  # 提高65岁以上老年人健康管理水平, 4~6个月以内婴儿: an age group, whatever the verb
    if suffix == "以上" and rules.BAND.match(text, m.start("suffix")):
        return True  # 3人以上10人以下: a band of cases
    norm = verb or rules.ratio_verb(clause) or ""
    if rules.NORM.match(norm):
        return True
    if (unit in ("元", "美元") and verb not in MONEY_VERBS and not planned_sum(verb, clause) and not listed
            and not STEP.match(text, m.end())):
        return True
    if verb not in ("不少于", "不低于"):
        return False
    # 新建居住区…公园绿地不少于二千平方米 (绿地率不低于30%): a standard each project meets, said of its
    # size in its own clause; 新建5G专网不少于150个 counts what a plan builds, and under a plan's
    # year or a goal word 新建建筑屋顶光伏覆盖面积不低于50% is a share of all that is built
    shared = unit in COUNTED or (unit == "%" and (planned or sent.goal))
    return unit in rules.SPATIAL or (not shared and bool(rules.PER_PROJECT.search(clause)))


#: Units of things counted, which a standard of each project's size does not measure.
COUNTED = frozenset({"个", "项", "次", "场", "场次", "人", "名", "人次", "家", "所", "件", "条", "批", "期"})
