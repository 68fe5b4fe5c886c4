"""What makes a number in a provision a target the document sets, and what it is compared with.

Annotation guides of policy research (targets as "a goal the document sets, with a number")
separate targets from numbers that only look like them; each such class is one pattern here:
thresholds and eligibility (参保职工30人以上的企业, 造成3人以上10人以下), subsidy and fee
parameters (补贴上限可提高至60%, 担保费率不超过1%), rates being changed (征收率由3%降至1%), past
results (入学率分别达到98.87%, 已完成), background counts (共191个, 现有), penalties (处…罚款)
and durations (不少于5个工作日).
"""

from __future__ import annotations

import re

#: The verb before a number, longest first, and the comparator it states.
VERBS: dict[str, str] = {
    "不得低于": "at_least", "不得少于": "at_least", "不低于": "at_least", "不少于": "at_least",
    "至少": "at_least", "守住": "at_least", "达到": "at_least", "超过": "at_least", "突破": "at_least",
    "高于": "at_least", "迈上": "at_least", "跨上": "at_least", "登上": "at_least",  # 迈上1.4万亿斤台阶
    "提高到": "at_least", "提高至": "at_least", "提升到": "at_least", "提升至": "at_least",
    "增加到": "at_least", "增加至": "at_least", "增长到": "at_least", "增长至": "at_least",
    "扩大到": "at_least", "扩大至": "at_least", "多于": "at_least", "达": "at_least", "超": "at_least",
    "过": "at_least", "增到": "at_least", "大于": "at_least", "不小于": "at_least", "≥": "at_least",
    "不大于": "at_most", "≤": "at_most", "不得超过": "at_most", "不超过": "at_most", "不高于": "at_most",
    "不得高于": "at_most", "最多": "at_most", "至多": "at_most", "低于": "at_most", "小于": "at_most",
    "控制在": "at_most", "不足": "at_most",
    "降低到": "at_most", "降低至": "at_most", "降至": "at_most", "下降到": "at_most",
    "下降至": "at_most", "减少到": "at_most", "减少至": "at_most", "压缩到": "at_most", "压减至": "at_most",
    "压缩至": "at_most", "压减到": "at_most", "缩短到": "at_most", "缩短至": "at_most",
    "缩小到": "at_most", "缩小至": "at_most",  # 城乡居民收入比缩小至1.7以内
    "控制目标为": "at_most", "控制目标是": "at_most",  # 增量进度控制目标为28万吨标准煤
    # cutting by a share (压减三分之一, 压缩一半以上)
    "压缩": "equal", "压减": "equal", "缩短": "equal",
    "保持在": "equal", "稳定在": "equal", "维持在": "equal", "增长": "equal", "增加": "equal",
    "提高": "equal", "提升": "equal", "下降": "equal", "降低": "equal", "减少": "equal", "新增": "equal",
    "再降": "equal", "削减": "equal", "净增": "equal", "实现": "equal", "完成": "equal", "建成": "equal",
    "建设": "equal",
    "培训": "equal", "帮助": "equal", "帮扶": "equal", "安置": "equal", "扶持": "equal", "带动": "equal",
    "吸纳": "equal", "创建": "equal", "培育": "equal", "打造": "equal", "认定": "equal", "新建": "equal",
    "改造": "equal", "开发": "equal", "转移": "equal", "招收": "equal", "为": "equal", "推出": "equal",
    "建立": "equal", "抗御": "equal",
    # providing people and places: 培养300名创业带头人, 配备2—3名专职人员, 树立2个先进典型, 合建3个站
    "培养": "equal", "配备": "equal", "聘用": "equal", "树立": "equal", "设置": "equal", "合建": "equal",
    "共建": "equal",
}
SUFFIXES: dict[str, str] = {"左右": "about", "上下": "about", "以内": "at_most", "之内": "at_most",
                            "以下": "at_most", "及以下": "at_most", "及以上": "at_least", "以上": "at_least"}
#: How long a procedure takes: a target only where a verb cuts it (压缩到8.5个工作日).
DURATIONS = frozenset({"个工作日", "工作日"})
SHORTENING = frozenset({"压缩到", "压缩至", "压减到", "压减至", "缩短到", "缩短至", "减少到", "减少至",
                        "降至", "降低到", "降低至", "控制在"})
#: A cut the values of its clause are listed after (分别压缩至15个、7个工作日以内: the second is a
#: cut too, not how long a step takes), or a cut by a share to a value (压缩一半以上至8.5个工作日).
CUT_BEFORE = re.compile(r"(?:(?:压缩|压减|缩短|减少|降低)(?:到|至)|降至|控制在)"
                        r"[^，,。；;：:]{0,12}\d[^，,。；;：:]{0,6}[、和及]\s*$|"
                        r"(?:压缩|压减|缩短|减少|降低)[一二三四五六七八九十半\d.%]{1,5}以上(?:到|至)\s*$")
#: Words of the sentence before a number that make it a goal even without a verb.
CONTEXT = re.compile(r"实现|完成|力争|确保|目标|任务|达到|每年|全年|年均|争取|新增|净增|到\s*\d{4}\s*年")
#: 计划 setting the figures after it (2009年我县计划播种…，其中稻谷…): not a quoted programme, 计划生育,
#: 按照计划, a programme's projects (科技计划项目); and only in a clause reporting nothing (实际录取280人).
PLANNED = re.compile(r"(?<!按)(?<!按照)(?<!科技)(?<!原)计划"
                     r"(?![”」』’\"]|生育|单列|经济|内|外|执行|完成|项目|安排)")
NOT_PLANNED_CLAUSE = re.compile(r"实际|已|共(?!同|享|建|治|青团|产党)|另有|目前|累计|截至")

#: A clause before the number naming a parameter, not an outcome: subsidies, fees, rates,
#: caps, penalties, prices, budgets.
PARAMETER = re.compile(
    r"补贴(?!性)|补助|奖补|贴息|资助|奖励|上限|最高|额度|费率|税率|征收率|利率|担保费|报销|赔付|缴费|"
    r"缴存|(?<!总)费用|工资(?!专项|集体)|(?<!消费)价格(?!指数|涨幅|总水平)|收费(?!比例|率)|罚款|罚金|拘留|处分|有期徒刑|吊销|没收|处以|扣除|抵扣|减按|减免|免征|"
    r"贷款|首付|(?<!受教育)年限|期限|年龄\S{0,2}$|周岁|工龄|利息|比例为|标准为|按照?\d|按不|风险责任|分担|用于|"
    r"(?:低保|保障|救助|抚恤|供养|津贴)标准|"
    # rents, a cycle (每次认证周期为12个月), an assessment's weights (考核时分值各占50%)
    r"计租|每次[^，,。；;]{0,8}(?:间隔|周期)|分值|权重|等次(?:比例|人数|名额|总量)|"  # a grades' quota
    r"限报|推荐(?:成果|对象|名单|人选|名额|原则上)|"  # a nomination's quota (每市限报1项, 推荐成果不少于2个)
    r"占总?成绩|应聘人数|开考比例"  # a test's weights and an exam's ratio (笔试成绩占总成绩的50%)
)
#: The length of a period a rule sets, right before the number (等待期为6个月, 有效期为6个月, 试用期3个月):
#: a parameter, unless a verb cuts it (公示期压缩至5个工作日).
PERIOD_LENGTH = re.compile(r"(?:等待|有效|观察|过渡|试用|保护|考察|公示|缓冲|锁定|申报|受理|整改)期\s*$")
#: Choosing at most so many (每个方向遴选不超过3家单位): a cap on a selection, not a goal.
SELECTING = re.compile(r"遴选|评选|推荐|选择|选取")
#: A rule for a class (对吸纳3户以上脱贫户的企业给予奖励, 认定5家以上连锁门店的企业为…): no goal.
CLASS_RULE = re.compile(r"^\s*(?:对|凡|认定|将)")
CLASS_REWARD = re.compile(r"给予|奖励|补贴|补助|认定为|视为|的(?:企业|单位|机构)为")
#: A budget's figure right before the number (赤字率拟按2.8%左右, 中央本级支出增长3.9%, 中央预算内投资
#: 安排7000亿元); not a goal that spends one (利用专项债资金建成污水处理厂20座).
BUDGET_FIGURE = re.compile(r"(?:赤字|专项债券?|特别国债|本级支出|预算内投资)[^，,。；;\d]{0,3}$")
#: Words describing the document's own contents (提出五大类21个指标, 设置了29项, 细则设置的9个; not 达到国家
#: 规定的100%), or what a whole is made of or divided into (由4个部分组成, 分13个领域), or a site's area
#: (该项目占地10亩): not goals.
DESCRIBES = re.compile(r"提出|包括|设置了|"
                       r"(?:细则|办法|方案|标准|规定|文件|通知|意见|要点)[”\"」》]?(?:中|所)?(?:设置|规定|确定|明确)的\s*$|"
                       r"细化|涵盖|分为|列出|(?:由|^\s*分)\s*$|"
                       r"占地(?:面积)?(?:约|为)?\s*$")
#: A register, list or census and what it holds (《…名录》，分别有 / 共有 / 现有).
REGISTER = re.compile(r"(?:名录|名单|目录|普查|统计)[”》」]?[，,]?\s*(?:中|内)?[，,]?\s*"
                      r"(?:分别|共|现)有[^。；;\d]{0,20}$")
#: A past result or an accident's grade, anywhere in the sentence before the number: it reports (人员
#: 不伤亡 and 死亡人数下降15% are goals, 死亡人数7人 a report; 这五年，… a work report's look back;
#: 上年度结转的项目 are carried over, no report; …完成情况： a table of results; 打造成 causes nothing).
REPORTED = re.compile(r"截至|截止|同比|比上年|较上年|上年(?!度?结转)|去年|过去|以来|年来|累计|(?<!打)造成|"
                      r"初步(?:统计|核算|测算)(?!制度|体系|机制|工作)|(?<![数根依])据统计|"
                      r"(?:完成|执行|进展)情况|"
                      r"(?<![不零无])死亡(?![^，,。；;\d]{0,12}?(?:率|构成比|比例|人数(?:在[^。；;]{0,12}?基础上[，,]?)?"
                      r"[^，,。；;\d]{0,6}?(?:下降|减少|降低|控制|压减|"
                      r"\d+\s*人?\s*(?:以下|以内))))|"  # 事故死亡人数31人以下: a cap
                      r"受伤|重伤|(?<![不零无])伤亡(?!率|人数[^，,。；;\d]{0,6}?(?:下降|减少|降低|控制|压减|"
                      r"\d+\s*人?\s*(?:以下|以内)))|"
                      r"这[一两二三四五]年")
#: A forecast (有可能发生6级左右地震, 预计) or a description by degree (大大高于年均19次), in the
#: number's clause: it says what may be or is, not what is to be.
FORECAST = re.compile(r"(?<!尽)可能|预计|预测|估计|估算|有望|"
                      r"(?:大大|远远?|明显|显著)(?:高于|低于|超过|多于|少于)")
#: A forecast opening the sentence (预计到2025年，…将达到): what follows is foreseen, not set.
FORESEEN = re.compile(r"(?<!尽)可能|预计|预测|估计|有望")
#: A count of what exists, in the number's own clause (现有…基础上 elsewhere is a base a target grows
#: from; 改造提升现有高标准农田1.05亿亩 acts on what exists; 每千名老年人拥有…35张 is per head).
EXISTING = re.compile(r"已经|已(?!于)|(?<!改造)(?<!提升)(?<!改建)(?<!维修)(?<!整治)(?<!加固)现有|目前|共有|"
                      r"(?<![口人])拥有(?!量|率)|共计(?!划)|总数为|总量为|占全国|"
                      r"分别为|位居|排名|居全国|^共|完成[^，,。；;]{0,6}(?:目标|计划|任务)的|"
                      r"\d+\s*(?:个月|年)内")
#: The rest of a number's clause naming a case to report (裁员200人以上…情况的报告制度): a threshold.
REPORTING = re.compile(r"情况|情形|报告|备案")
#: A frequency (每季度至少开展1次检查, 每三年评估一次, 春季、冬季各1次): how often, not how much.
FREQUENCY = re.compile(r"每(?:[一二两三四五六七八九十\d]+|个|半)?(?:年|季度?|月|周|旬|天|日)|[季月]各\s*$")
#: A count of the text's own items (5项具体工作目标, 三个方面): what follows it is the goals.
ITEMS = re.compile(r"(?:具体|主要|重点)?(?:[\u4e00-\u9fff]{0,6}?(?:减排|工作))?"
                   r"(?:目标|任务|措施|方面|要求|原则)")
ITEM_UNITS = frozenset({"项", "个", "条"})
#: A programme named by its count (市政府2008年度10件实事, 《…及20件民生大事实施方案》): its name, no goal
#: (办好10件惠民实事 is one).
NAMED_PROGRAMME = re.compile(r"\s*件\s*(?:民生|惠民|为民)?(?:实事|大事|好事)")
#: A penalty: the clause imposes it (并处…, 处货物价值30%以下) or names it after the number.
PENALTY = re.compile(r"(?:^|并|另|可以|予以|可|应当|或者)处|罚款|罚金|拘留|没收|暂停|吊销|责令停")
#: Choosing pilots (选择10个左右城市), a call's posts (本次公开招聘…214名) and an inspection's sample are
#: scope, not goals (确定全年新开工…23万套 sets a goal; 涉及34个牵头单位 says whom a task concerns).
SCOPE = re.compile(r"选择|选取|确定(?!全年|年度|目标|任务)|涉及[^，,。；;\d]{0,6}$|"
                   r"本次(?:(?!力争|确保|每年|起)[^，,。；;\d]){0,16}?(?:计划)?(?:公开)?"
                   r"(?:招聘|招录|招考|选聘|遴选|录用)|"
                   r"决定(?:(?!力争|确保|每年|起)[^，,。；;\d]){0,12}?(?:公开)?(?:招聘|招录|考录|选聘|遴选)|"
                   r"(?<!完成)(?<!房屋)征收(?:土地)?面积(?:为|是|共|合计)?\s*$|"  # 征收面积为0.7940公顷
                   r"(?:抽查|检查|抽检|抽样)比例(?:不少于|不低于|为)?\s*$|抽取(?![^，,。；;\d]{0,8}[量水])[^，,。；;\d]{0,12}$|"
                   r"样本量[^，,。；;\d]{0,8}$")
#: A rate being changed: 由3%降至1%, 从…调整为.
CHANGED = re.compile(r"(?:由|从)\s*\d[^，,。；;]{0,12}(?:降|提高|调整|下调|上调|减|增|改为|变为)|"
                     r"下调|上调|调高|调低|(?<!优化)调整(?!优化)|调减|调增")  # not 优化调整公交线路20条
#: What after a number makes it a class, a condition or a duration: 30人以上的企业, 不足3套时,
#: 5个工作日 (内 and 前 of a time limit, not of 内涝 or 前沿).
AFTER_CLASS = re.compile(r"的(?![^，,。；]{0,4}(?:目标|任务|水平|规模))|者|"
                         r"内(?![涝容部外地蒙河陆需生])|以内|之内|前(?![沿瞻端列景往后])|时(?![代期段间节])|"
                         r"后(?![续备勤台端盾劲花方])|"  # 超过6个月后: a point in time
                         r"(?:月|工作日|小时|季度|星期|自然日|日|天|周岁|年度)")
#: What after a number of people, money or area names a class by its size (50人企业, 100万元项目);
#: after a count of things (培育100家企业上市, 新增5000张家庭养老床位) it is what is counted.
AFTER_SIZE = re.compile(r"企业|单位|人员|职工|员工|用人|规模(?![。，,；;、]|$)|城市|地区|项目|家庭|户籍")
#: Units of a size that AFTER_SIZE's nouns may be classed by.
SIZE_UNITS = frozenset({"人", "名", "人次", "元", "美元", "亩", "平方米", "公顷", "吨", "千瓦", "%", ""})
#: Units of a thing's size (7千瓦, 100米, 10千米).
_SIZE_OF_THING = frozenset({"千瓦", "兆瓦", "米", "千米", "吨"})
#: The things a size classes, counted after it (新建7千瓦交流充电桩500个).
_THEN_COUNTED = re.compile(r"(?:以上|及以上)?的?[^\d，,。；;、]{1,12}?\d+(?:\.\d+)?\s*(?:万|千)?"
                           r"(?:个|座|台|辆|处|栋|套|家|条|根)")
#: A bound or-below/above before what it classes (精度达到10千米或以下圆公算偏差的制导装置).
_OR_BOUND_CLASS = re.compile(r"或以[上下][^，,。；;]{0,16}的")
#: A rate per head or per item (每安置一人补贴…), not a total.
PER_UNIT = re.compile(r"每(?!年|月|季)[^，,]?$")
#: Eligibility: the clause states who may or must, not a goal (建立符合…标准的学校1所 builds, it does not
#: select).
#: (城镇托儿园所符合卫生保健合格标准的达到90%: the share of units meeting a standard, a goal.)
ELIGIBILITY = re.compile(r"凡|(?<!建立|建设|新建|打造|培育|建成|创建)符合"
                         r"(?![^，,。；;]{0,16}标准的(?:比例)?(?:达到|为)?$)|"
                         r"满足(?!率|度|程度)|(?<!专利)申请(?!量|总量)|(?<!具备)(?<!有)条件|"
                         r"(?<!职业)资格|门槛|对于|对吸纳|对招用|对招收|对完成|对达到|允许|吸纳.{0,8}达到|招用.{0,8}达到")


#: Giving a volume of credit (新增科技贷款1000亿元, 发放创业担保贷款10亿元): a sum to reach, not
#: a loan's terms.
_LENDING = re.compile(r"(?:新增|净增|投放|发放)[^，,。；;\d]{0,8}$")
#: What lending adds up to (小微企业贷款综合融资成本, 涉农贷款余额, 普惠贷款增速): a measure of the whole
#: market, not a loan's terms.
_LOAN_AGGREGATE = re.compile(r"[^，,。；;\d]{0,10}?(?:成本|余额|增速|增量|不良率|户数|覆盖面|占比|比重)")
#: A share of spending a goal word aims at, ending the clause (…资金用于产业发展的比重力争提高到60%);
#: not a rate a rule sets (确保企业缴费比例降至16%).
_AIMED_SHARE = re.compile(r"资金[^，,。；;]{0,16}用于[^，,。；;]{0,24}(?:比重|比例|占比)"
                          r"(?:力争|确保|争取)?\s*$")
_AIM_WORD = re.compile(r"力争|确保|争取")
#: Who receives a subsidy, counted (发放租赁补贴1.6万户): how many, not how much each gets.
RECIPIENTS = frozenset({"户", "人", "名", "人次", "家"})


def names_parameter(clause: str, unit: str = "") -> bool:
    """Whether `clause`, up to a number in `unit`, names a parameter (PARAMETER), not the volume
    of credit given or the number of a subsidy's recipients."""
    if _AIMED_SHARE.search(clause) and _AIM_WORD.search(clause):
        return False  # 确保…资金用于产业帮扶项目比例达到60%以上: a share of spending to reach
    for m in PARAMETER.finditer(clause):
        word = m.group()
        lending = _LENDING.search(clause, 0, m.start()) or _LOAN_AGGREGATE.match(clause, m.end())
        if word == "贷款" and lending:
            continue
        if word == "费用" and clause.endswith("研发", 0, m.start()) and "占" not in clause[m.end():]:
            continue  # 研发费用突破6亿元: spending to reach; 研发费用占…比重不低于3% is a criterion
        if word in ("补贴", "补助") and unit in RECIPIENTS:
            continue
        return True
    return False


_FAR_VERB = re.compile("|".join(sorted((v for v, c in VERBS.items() if c != "equal" and v != "过"),  # 过渡期
                                      key=len, reverse=True)))


def comparator(verb: str | None, suffix: str | None, before: str) -> str:
    """The comparator a target states: its suffix (左右, 以上 …) first, then its verb, then 约
    or 力争 words just before it."""
    if suffix:
        return SUFFIXES[suffix]
    if verb:
        return VERBS[verb]
    if re.search(r"(?:约|大约|近)$", before):
        return "about"
    far = ratio_verb(before)
    return VERBS[far] if far else "equal"


def ratio_verb(before: str) -> str | None:
    """不少于本单位执法人员总数的5%: the verb governing a ratio phrase ending in 的, if any."""
    far = _FAR_VERB.findall(before) if before.endswith("的") else []
    return far[-1] if far else None


#: Verbs of a work plan's action a count follows after its object (新建绿色矿山50座, 建设高标准
#:农田12万亩, 实施30项市级疏堵工程): the year's tasks of a work report or an action plan.
ACTIONS = ("新建", "新改建", "改扩建", "改建", "扩建", "建设", "建成", "改造", "更新改造", "拆除", "整治",
           "治理", "打造", "培育", "新培育", "实施", "推进", "开工", "新开工", "举办", "组织", "开展",
           "发放", "筹集", "消除", "办好", "启动", "新增", "增加", "完成", "培训", "打通", "升级",
           "形成", "推动", "提供", "派发", "评选", "引育", "引进", "招引", "引导", "完善", "提升", "优化",
           "壮大", "做大", "开设", "清淤", "整修", "维修", "改善", "接待", "研发", "开通", "安装", "增配",
           "建立", "砌护", "衬砌", "疏浚")
#: 安排 counts what a plan arranges only where it names projects (安排重点新续建项目57个), not a budget.
_ACTION = "|".join(sorted(ACTIONS, key=len, reverse=True)) + r"|安排(?=[^\d，,；;：:。]*项目)"
ACTION_WORD = f"(?:{_ACTION})"
#: Who does a plan's action, named with a count before it (…等7个产业园区建成标准厂房…): the action.
_DOER_ACTION = re.compile(rf"(?:等|\d)\s*[个家所座][^\d，,；;：:。]{{1,10}}?"
                          rf"(?P<action>{_ACTION})[^\d，,；;：:。]*$")
#: Between a count and the next number: what is counted, then an action with its object (…等7个
#: 产业园区建成标准厂房150万平方米; 11个县（市、区）新建改建农村公路1200公里): the count names who acts.
DOER_GAP = re.compile(rf"(?:[^\d，,；;。、（(]|[（(][^）)\d]{{0,8}}[）)]){{1,12}}?(?:{_ACTION})"
                      r"(?!面积|规模|投资|总投资|资金|长度)(?:[^\d，,；;。、（(]|[（(][^）)\d]{0,8}[）)])*")
#: Words of aim before an action (力争全年新建…, 继续办好…, 2025年共安排…, 今年全市新建…), and a limit
#: (2024年底前建成3个…).
_AIM = (r"(?:全年|今年|今春|今冬|年内|(?:19|20)\d{2}\s*年度?|力争|争取|确保|计划|继续|重点|扎实|集中|全力|"
        r"大力|加快|积极|着力|谋划|滚动|还要|要|将|再|共|"
        r"(?:(?:19|20)\d{2}\s*年\s*)?\d{1,2}\s*月\s*(?:底|末|份|上旬|中旬|下旬)?\s*前|"  # 5月底前开工…
        r"(?:(?:19|20)\d{2}\s*)?年(?:底|末)前|"
        r"(?<=[年春冬内划争保取])全[省市州县区镇乡村](?:面上|范围内)?)*")  # 今春全镇面上共计划清淤…
#: Whom an action is for, before it (为全区低收入困难家庭的白内障患者实施免费手术2000例).
_FOR = r"(?:[为在][^\d\s，,；;：:。]{2,20}?)?"  # 为…安装, 在居民小区增配…
#: A phrase that is an action, with its object or not: the count follows.
ACTION_OBJECT = re.compile(rf"^{_FOR}{_AIM}(?:{_ACTION})(?P<object>[^\d\s，,；;：:。（()）]{{0,24}})$")
#: An action over a list ending in 等 right before the number (举办丰收节、采摘节等10场以上…活动):
#: a bound after it counts what the list is part of, no class.
ACTION_OVER_LIST = re.compile(rf"(?:^|[，,；;：:])\s*{_AIM}(?:{_ACTION})[^，,；;。\d]{{1,30}}等$")
_LEADING_ACTION = re.compile(rf"^{_FOR}{_AIM}(?P<action>(?:{_ACTION})+)")


def leading_action(clause: str) -> str | None:
    """The action a clause opens with, after words of aim (启动建设中心花园等 → 启动建设)."""
    m = _LEADING_ACTION.match(clause)
    return m.group("action") if m else None


#: An action inside a phrase, over a list of named items ending in 等 right before the count.
_ACTION_OVER_NAMED_LIST = re.compile(rf"(?:{_ACTION})[^，,；;。\d]*、[^，,；;。\d]*等$")
_SCOPE_ONLY = re.compile(r"^(?:全[省市县区州镇乡]|我[省市县区])$")
#: A clause that is only an action (实施30项…): what is counted is named after the number.
ACTION_ONLY = re.compile(rf"^{_AIM}(?:{_ACTION})+(?:全[省市县区州]|我[省市县区])?$")  # 推动全市50家以上…企业
#: Under a plan's year, any phrase of words before a count that ends its clause: an action and
#: its object (招募“西部计划”志愿者3000名); not one opening with words of a share or a past.
PLANNED_ACTION = re.compile(rf"^{_AIM}(?!其中|占|比|较|共|总|累计|已|现有|截至|同比)"
                            r"[\u4e00-\u9fff](?P<object>[^\d\s，,；;：:。（()）%]{1,23})$")
_ALNUM = re.compile(r"\d+(?=[A-Za-z]|千伏|万伏)")  # 5G, 110千伏金安变: a name's number
#: A size naming the class of what is counted (推进5亿元以上制造业项目60个): a word of the object.
#: (新建7千瓦交流充电桩500个, 新建100米以上超高层建筑3栋)
_SIZE_CLASS = re.compile(r"\d+(?:\.\d+)?\s*(?:(?:万|亿)元|千瓦|兆瓦|米|吨)(?:以上|及以上)?的?")
#: An action right after another (推进实施, 开工建设): the object is named after the count.
_CHAINED = re.compile(f"(?:{_ACTION})")
#: An alternative in brackets inside an action or its object (新（改）建, 加装（更新）电梯).
_ALTERNATIVE = re.compile(r"(?<=[\u4e00-\u9fff])[（(][\u4e00-\u9fff]{1,2}[）)](?=[\u4e00-\u9fff])")
#: A note in brackets inside an object's name (检验中心（广西）): no break of the phrase.
_NOTE = re.compile(r"[（(][^（()）\d，,；;。]{1,12}[）)]")
#: What may follow an action's count: the clause's or the list's end, or a note in brackets
#: (建成家庭养老床位7000张（牵头单位：民政厅）).
COUNT_END = re.compile(r"$|[，,；;。、（()）]|和|及|长\s*\d")  # 清淤支沟2条长3.2公里: its length follows


#: A count opening its item, then the places it counts and their action (50个小区新增电动自行车充电
#: 设施): under a plan's year, how many places the action reaches.
_PLACES_ACTION = re.compile(rf"^(?:小区|社区|村|行政村|乡镇|街道|学校|园区|企业|单位|医院|站点)"
                            rf"(?:{_ACTION}|实施|安装|加装|配备|设置)")


def places_action(after: str) -> bool:
    """Whether the words after a count name places and what is done in them (小区新增…)."""
    return _PLACES_ACTION.match(after) is not None


def action_count(phrase: str, after: str, planned: bool = False) -> bool:
    """实施30项市级疏堵工程, 新建绿色矿山50座, 改造老旧供热、燃气、排水管网800公里, 启动建设
    …等15个新项目: `phrase`, the words from the clause's start to the number, is an action of a
    work plan (after words of aim) with its object or not; with an object before it, the count
    ends its clause (or the object ends with 等 and what is counted is named after it)."""
    phrase = _ALNUM.sub("N", phrase)  # 新建5G-A基站4000座: 5G is a word, not a count
    phrase = _SIZE_CLASS.sub("N", phrase)
    phrase = _ALTERNATIVE.sub("", phrase)  # 新（改）建农村卫生厕所3.2万户: 新建 or 改建
    phrase = _NOTE.sub("", phrase)  # 推动国家汽车质量检验中心（广西）汽车试验场等50个: a name's note
    action = ACTION_OBJECT.match(phrase)
    if action is None and _ACTION_OVER_NAMED_LIST.search(phrase):
        return True  # 集中要素资源打造高端装备、新材料等4个万亿级产业: an action over a list, counted
    if action is None and planned and (doer := _DOER_ACTION.search(phrase)) and not EXISTING.search(phrase):
        action = ACTION_OBJECT.match(phrase[doer.start("action"):])  # …等7个产业园区建成标准厂房150万平方米
    if action is None:  # any action under a plan's year: only with the count ending its clause
        return planned and PLANNED_ACTION.match(phrase) is not None and COUNT_END.match(after) is not None
    obj = _SCOPE_ONLY.sub("", action.group("object"))  # 推动全省100家企业实施…: a scope is no object
    # 推进实施28个节能环保项目: a second verb is no object; what is counted follows the number
    chained = _CHAINED.fullmatch(obj) is not None
    return not obj or obj.endswith("等") or chained or COUNT_END.match(after) is not None


#: Verbs of a legal norm (不得低于): a rule every case must meet, as a threshold, not a goal.
NORM = re.compile(r"^不得")
#: A duty in the clause (应当高于百分之六十) or a definition in the sentence (是指…一千吨以上): a norm.
DUTY = re.compile(r"应当|必须|是指|所称|指的是")
#: An article of a statute (第十二条) states norms: a number there is a target only with a goal word.
#: Its path names the article at any depth: 第二章/第五条/（五）.
ARTICLE = re.compile(r"(?:^|/)第[一二三四五六七八九十百零〇\d]+条")
#: Words of a goal; a year's aim (2019年实现90%事项网上办) is one, a base year's (较2020年实现翻番) not.
GOAL = re.compile(r"到\s*\d{4}\s*年|力争|争取|目标|任务|确保|"
                  r"(?<![较比\d])\d{4}\s*年(?:底|末)?前?(?:全面|基本)?(?:实现|完成)")
#: A standard every project must meet (新建居住区…公园绿地不少于二千平方米), before 不少于/不低于.
PER_PROJECT = re.compile(r"新建|改建|扩建|居住区|建设项目|每处|每座")
#: Units of a spatial standard (绿地不少于二千平方米, 宽度不少于二十米): a rule for each site.
SPATIAL = frozenset({"平方米", "公里", "千米", "米"})
#: A class named inside the clause (超过100人的企业达到15%): what follows is its rule.
CLASS_IN_CLAUSE = re.compile(r"\d\s*(?:人|个|家|名|%)\s*(?:以上|以下)?的")
#: A class named after the number (建设2条生产线的企业, 用地50亩的项目): who a rule is for.
CLASS_AFTER = re.compile(r"^[^，,；;。]{0,12}的"
                         r"(?P<noun>企业|单位|项目|人员|个人|地区|城市|家庭|学校|机构|园区)")
#: The units that count the members of a class named after the number (培育10家年营业收入超亿元的
#: 企业 counts the firms; 建设2条生产线的企业 names firms by their lines).
_MEMBERS = {"企业": "家个", "单位": "家个", "项目": "个项", "人员": "名人", "个人": "名人", "地区": "个",
            "城市": "个座", "家庭": "户", "学校": "所个", "机构": "家个所", "园区": "个家"}
#: A class named by a bound (30人以上企业, 2名以上执法人员): a word right after 以上/以下.
_CLASS_AFTER_BOUND = re.compile(r"[^\s，,。；;、：:（()）和及与并或等左]")
#: Bounds chained by 、 before the noun they class (总投资2亿元以上、当年进资1000万元以上的工业项目).
_CHAINED_BOUND = re.compile(r"、[^，,。；;、]{1,14}?(?:以上|以下)的(?!目标|任务|要求|水平)")


#: What the units a share counts do (100%的社区卫生服务中心完成中医馆设置, 预留30%的号源).
_SHARE_DOES = re.compile(r"完成|实现|达到|设置|建成|建立|开展|纳入|接入|覆盖|预留|改造|得到|达标|配备|开通|"
                         r"具备|成立|设立|开设|用于(?!补贴)")


def share_of_units(clause: str, after: str, rest: str) -> bool:
    """30%的号源, 90%的市场主体纳入…平台: a share of the units named after 的 (or before it: 设产科的
    医院100%达到爱婴医院标准), which its clause sets to do something; not a rate (给予30%的补贴) nor a
    share that is no goal."""
    # (按总床位的5%—10%设置…: a share of something else, a ratio to keep)
    named = after.startswith("的") or (_SHARE_DOES.match(after) is not None and not clause.endswith("的"))
    return named and share_does(clause, clause + rest)


def share_does(clause: str, rest: str) -> bool:
    """Whether the units a share counts are set to do something in `rest` (80%以上钢铁产能完成超低排放
    改造), in no parameter's clause (给予30%以上的补贴) nor a count of what exists."""
    return (_SHARE_DOES.search(rest) is not None and PARAMETER.search(clause + rest) is None
            and EXISTING.search(clause) is None)


def not_a_target(clause: str, after: str, rest: str = "", said_before: bool = False,
                 percent: bool = False, unit: str = "") -> bool:
    """Whether a number is no target: `clause` is its clause up to it (its verb included),
    `after` the text right after it, `rest` the rest of its clause; `said_before`: whether its
    sentence before it holds a duty or definition, a report of the past or a forecast (SAID);
    `percent`: whether it is a share (30%的号源 may be one of units, see share_of_units);
    `unit`: what it counts (100家企业 counts firms, 50人企业 names a class of them)."""
    if said_before or PER_UNIT.search(clause):
        return True
    if (unit in _SIZE_OF_THING and _THEN_COUNTED.match(rest)) or _OR_BOUND_CLASS.match(rest):
        return True  # 新建7千瓦交流充电桩500个: a size classing what is counted
    share = percent and share_of_units(clause, after, rest)
    if ((AFTER_CLASS.match(after) or (unit in SIZE_UNITS and AFTER_SIZE.match(after))) and not share
            and not _PACE_AFTER.match(after)):
        return True
    if names_parameter(clause, unit) or any(p.search(clause) for p in (
            CHANGED, ELIGIBILITY, EXISTING, SCOPE, CLASS_IN_CLAUSE, FORECAST, DESCRIBES, BUDGET_FIGURE)):
        return True
    if any(p.search(rest) for p in (PENALTY, CHANGED, REPORTING)) or PENALTY.search(clause):
        return True
    if (named := CLASS_AFTER.search(rest)) and not share and not (  # 50%的城市社区建成…: a share
            len(unit) == 1 and unit in _MEMBERS[named["noun"]]
            and not CLASS_RULE.search(clause) and not CLASS_REWARD.search(rest)):
        return True
    return clause.rstrip().endswith("以上")  # the upper end of a band (2辆以上18辆以下)


#: What in a sentence before a number makes it no target: a norm or a definition (应当, 是指), a
#: report of the past (截至, 累计) or a forecast (预计). Found once per sentence.
SAID = re.compile("|".join(p.pattern for p in (DUTY, REPORTED, FORESEEN)))


#: The units a bound counts are to meet a goal (建成区40%以上面积达到海绵城市建设目标要求).
MEETS_GOAL = re.compile(r"(?:达到|实现|完成|符合)[^，,；;。]{0,20}(?:目标|要求|标准)|"
                        r"被(?:评为|认定为|命名为|授予)|获评|创成|创建成|"  # 20个以上县被评为…领跑县
                        r"(?:项目|工程)(?:全部|顺利|如期)?(?:建成|开工|竣工|投产|落地)"
                        r"(?![^，,。；;]{0,6}的(?:县|乡|镇|区|市|村|企业|单位))")


def bounds_a_class(suffix: str | None, after: str) -> bool:
    """30人以上企业: a bound followed by the noun it qualifies (not 1.1万亿斤以上粮食产能, 200万套以上
    保障能力: the measure itself)."""
    after = after.lstrip()
    return (suffix in ("以上", "以下", "及以上", "及以下")
            and (bool(_CLASS_AFTER_BOUND.match(after)) or bool(_CHAINED_BOUND.match(after)))
            and (suffix not in ("以上", "及以上") or measure_after(after) is None)
            and not _PACE_AFTER.match(after))  # 保持20%以上的增长速度: the pace itself


def measure_after(after: str) -> str | None:
    """The measure a bound names after it (1.1万亿斤以上粮食产能: 粮食产能), if it names one."""
    m = _MEASURE_AFTER.match(after.lstrip())
    return m.group() if m else None


#: What a sentence tells as done, with 了, outside a clause of what it builds on (在开展了试点的基础上)
#: or of a class (实施了…的村): a report, when no goal is set in the sentence.
DONE = re.compile(r"(?:开展|完成|实施|组织|建成|建设|举办|进行|取得|实现|开工|新建|改造)了"
                  r"(?![^，,。；;]{0,12}的)")
#: A change reported with 了, in the number's own clause (年均能耗增长超过了120万吨标准煤).
DONE_HERE = re.compile(r"(?:超过|突破|达到|增长|增加|下降|减少|提高|保持|迈上|跨上|登上|跨越)了|"
                       r"(?:首次|先后|连续|相继)(?:跨越|迈上|跨上|登上|突破|超过)")
#: A measure named after a bound (…以上粮食产能), not a class of things (…以上产能的企业).
_MEASURE_AFTER = re.compile(r"(?!落后)[\u4e00-\u9fff]{0,4}?(?:产能|能力|产量|总量)"
                            r"(?![\u4e00-\u9fff]{0,2}(?:的|企业|项目))")
#: A pace named after a share (保持20%以上的增长速度): the share is the pace, no class.
_PACE_AFTER = re.compile(r"\s*的?(?:增长速度|增速|增幅|增长(?!率))")


#: A band: 3人以上10人以下 is a class of cases, not a goal.
BAND = re.compile(r"以上\s*\d+(?:\.\d+)?\s*(?:万|亿)?\s*\S{0,3}?以下")
