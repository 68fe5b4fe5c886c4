"""Every pattern the extractor uses, named, in one place.

Patterns run on *normalised* text (simplified characters, half-width digits and letters,
pinyin annotations removed); see `normalize.py`. Each pattern is anchored on a rare
character (a bracket, 号, 《, 年) and bounded in length, so none can backtrack without
limit on hostile input.
"""

from __future__ import annotations

import re

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"

# --- document numbers (文号) -------------------------------------------------------------

#: Opening and closing brackets seen around the year of a document number.
YEAR_OPEN = "〔［\\[（(【﹝〖｛{"
YEAR_CLOSE = "〕］\\]）)】﹞〗｝}"

#: The year-and-serial tail of a document number: 〔2003〕40号, [2003] 第 40 號 (after
#: normalisation 號 is already 号). The issuer code to the left is found by `numbers.py`.
NUMBER_TAIL = re.compile(
    rf"[{YEAR_OPEN}]\s{{0,2}}(?P<year>\d{{4}})\s{{0,2}}[{YEAR_CLOSE}]"
    r"\s{0,2}(?:第\s{0,2})?(?P<serial>\d{1,6})\s{0,2}号"
)

#: 国发〔2015〕23号、32号: a further serial of the same code and year, right after a number.
SERIAL_CONTINUATION = re.compile(r"\s{0,2}[、和及与]\s{0,2}(?:第\s{0,2})?(?P<serial>\d{1,6})\s{0,2}号(?![\d〔\[（(])")

#: Orders (令) carry no year: 国务院令第588号, 财政部令（第20号）, 主席令第十二号.
ORDER_TAIL = re.compile(
    r"令\s{0,2}[（(]?\s{0,2}第\s{0,2}(?P<serial>\d{1,5}|[〇零一二三四五六七八九十百千两]{1,8})"
    r"\s{0,2}号\s{0,2}[）)]?"
)

#: The organ before 令 can be long: 原中华人民共和国国家发展计划委员会令第8号.
ORDER_RUN = re.compile(rf"[{CJK}](?:[ ]?[{CJK}]){{0,29}}[ ]{{0,2}}$")  # a tab ends it: a table's cell

#: The run of characters left of a number's bracket that may hold its issuer code.
CODE_RUN = re.compile(rf"[{CJK}](?:[ ]?[{CJK}]){{0,13}}[ ]{{0,2}}$")  # a tab ends it: a table's cell

#: Words that end the text before an issuer code: what precedes them is prose, not code.
#: 2-character words are tried first so 按照 is cut whole rather than at 照.
CODE_LEFT_STOPWORDS = (
    "根据", "按照", "依据", "依照", "遵照", "参照", "对照", "比照", "贯彻", "落实", "执行", "转发", "印发", "下发", "关于", "现将",
    "废止", "修订", "修改", "简称", "以及", "规定", "精神", "要求", "文件", "通知", "意见", "办法", "决定", "符合", "下称", "即日",
    "据", "按", "照", "将", "把", "对", "的", "了", "在", "是", "即", "并", "同", "等", "原", "从", "向", "给", "被",
    "已", "于", "自", "至", "到", "和", "及", "与", "或", "见", "暨", "均", "我院", "本院", "我部", "本部", "我委", "我局",
    "我厅", "我办", "以"
)

CODE_LEFT_STOP = re.compile(
    "^.*(?:" + "|".join(sorted(map(re.escape, CODE_LEFT_STOPWORDS), key=len, reverse=True)) + ")",
    re.DOTALL,
)

#: Orders name their organ in full (人力资源和社会保障部令), so only verbs and particles cut.
ORDER_LEFT_STOP = re.compile(
    r"^.*(?:根据|按照|依据|依照|遵照|参照|贯彻|落实|执行|关于|现将|以及|发布|公布|的|及|与|或|即|经|见|原|以)",
    re.DOTALL,
)

#: A code can not end with a document-type word: "…的通知(2003)4号" is a title, not a code.
DOC_TYPE_WORDS = (
    "通知", "意见", "办法", "规定", "条例", "决定", "方案", "规划", "纲要", "细则", "规则", "通告", "公告", "批复", "报告", "请示",
    "指南", "目录", "标准", "计划", "章程", "准则", "决议", "纪要", "指引", "清单", "要点", "措施", "公约", "协定", "宪法", "解释",
    "规范", "安排", "大纲", "名录", "制度", "守则", "规程", "须知", "协议", "公报", "通则", "法典", "议定书", "决议案", "法", "函",
    "令", "意见稿", "实施意见", "暂行办法", "实施办法", "实施细则", "若干规定", "若干意见", "通报", "答复", "复函",
    "预案", "建议", "提案", "汇报", "指标", "条件",
    # a table of tasks handed down (2024年《政府工作报告》重点工作目标任务分解表)
    "分解表", "分工表", "任务表", "一览表", "计划表", "进度表",
    # a department's year of work (2023年度全市农业农村重点工作任务, 2024年全市水利工作思路,
    # 2022年…重点工作目标任务) and its practical projects (2020年为民办实事, 2024年民生实事项目)
    "工作任务", "工作思路", "工作目标", "目标任务", "为民办实事", "民生实事", "实事项目",
)

CODE_ENDS_WITH_DOC_TYPE = re.compile(
    "(?:" + "|".join(w for w in DOC_TYPE_WORDS if len(w) > 1) + ")$"
)

# --- titles 《…》 ------------------------------------------------------------------------

TITLE_OPEN = "《〈"
TITLE_CLOSE = "》〉"

#: A cited title must read like a document: it ends with a document-type word
#: (通知, 意见, 条例, 法 …), optionally followed by a bracketed qualifier such as （试行）.
DOC_TITLE_END = re.compile(
    "(?:" + "|".join(sorted(DOC_TYPE_WORDS, key=len, reverse=True)) + ")"
    # a qualifier: （试行）, （2018年修订）, a plan's years （2015—2020年, or 2023—2027）
    r"(?:[（(](?:试行|暂行|修订|修正|修订稿|草案|征求意见稿|\d{4}(?:\s{0,2}[—－–-]{1,2}\s{0,2}\d{4})?年[^）)]{0,6}|"
    r"\d{4}\s{0,2}[—－–-]{1,2}\s{0,2}\d{4})[）)])?$"
)

#: 以下简称《通知》, 以下简称“通知”, 简称《决定》: an alias defined for the preceding citation.
ALIAS_DEF = re.compile(r"(?:以下|下)?(?:简称|称)\s{0,2}[《“\"「](?P<alias>[^》”\"」\n]{1,20})[》”\"」]")

# --- dates --------------------------------------------------------------------------------

CN_DIGITS = "〇零一二三四五六七八九十OoΟ○０"

#: A full date in Arabic or Chinese numerals: 2016年6月26日, 二〇〇三年八月六日, 二OO三年….
DATE = re.compile(
    rf"(?P<y>(?:19|20)\d{{2}}|[二一][{CN_DIGITS}]{{3}})\s{{0,2}}年\s{{0,2}}"
    rf"(?P<m>\d{{1,2}}|十[一二]?|[一二三四五六七八九十])\s{{0,2}}月\s{{0,2}}"
    rf"(?P<d>\d{{1,2}}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九十])\s{{0,2}}日"
)

#: 2009-09-15 or 2009/9/15 or 2009.09.15, as page fields print them.
ISO_DATE = re.compile(r"(?P<y>(?:19|20)\d{2})\s?[-/.]\s?(?P<m>\d{1,2})\s?[-/.]\s?(?P<d>\d{1,2})")

#: Page fields whose value is a date: which of them is a signing date is decided in metadata.
DATE_FIELD = re.compile(
    r"(?P<field>成文日期|发文日期|印发日期|签发日期|发布日期|发布时间|公布日期|公开日期|生效日期|"
    r"施行日期|实施日期|日期|时间)\**\s{0,3}[:：|]?\s{0,3}[|｜]?\s{0,3}"
)

# --- document header ------------------------------------------------------------------------

#: The addressee line that ends a notice's header: 各省、自治区、直辖市人民政府，国务院各部委…：
ADDRESSEE = re.compile(
    r"各[^：:。；;\n]{1,160}?(?:机构|单位|部门|政府|局|委|厅|办|院|处|室|公司|企业|高校|学校|"
    r"党委|委员会|团体|方面|会|军区|部队|总部|集团|银行|社|站|所|科|场|村|镇|乡|街道|社区|户|组)"
    r"(?:[（(][^（()）\n]{1,6}[）)])?\s{0,3}[：:]"  # 各畜禽养殖场(户)：
)

#: 文号 | 粤府办〔2003〕60号, 发文字号：…: a page field that states the document's own number.
NUMBER_FIELD = re.compile(r"(?:文\s{0,3}号|发文字号|发文号|文件编号)\**\s{0,3}[:：|｜]\s{0,3}[|｜]?\s{0,3}")

#: 标题 | …, 名称：…: a page field that states the title.
TITLE_FIELD = re.compile(r"(?:标\s{0,3}题|名\s{0,3}称|文件名称|文件标题)\**\s{0,3}[:：|｜]\s{0,3}")

#: A line, or the end of a run, that names an organ: the signature above a signing date.
ORGAN_SUFFIX = (
    "人民政府办公厅|人民政府办公室|人民政府|政府办公厅|政府办公室|办公厅|办公室|委员会|"
    "常务委员会|国务院|中央|省委|市委|县委|区委|州委|盟委|党委|部|局|厅|委|院|署|行|会|"
    "中心|小组|总局|总署|总会|联合会|政府|公司|集团|法院|检察院"
)
ORGAN_NAME = re.compile(rf"[{CJK}、]{{2,40}}?(?:{ORGAN_SUFFIX})$")

# --- relations ------------------------------------------------------------------------------

#: Verbs left of a citation, nearest one wins; the group names are read in relations.py,
#: which turns the basis and accordance groups into based_on / implements / cites by the
#: rest of the sentence. Order inside a group: longest first. See docs/relations.md.
LEFT_VERBS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("repeals", re.compile(r"(?:废止|废除|撤销|停止执行|宣布失效)(?![的后])")),
    ("amends", re.compile(r"(?:修订|修改|修正)(?![的后前])")),  # 修改前的《X》: the text as it stood
    ("forwards", re.compile(r"转发(?![的])")),
    ("issues", re.compile(r"(?:印发|公布)(?:修订后的|修改后的|新修订的)?\s{0,2}$")),
    ("policy", re.compile(r"(?:贯彻|落实)(?![的])")),
    ("execute", re.compile(r"(?:执行|实施|遵照)(?![的])")),
    ("basis", re.compile(r"(?:根据|依据)(?![的])")),
    ("accordance", re.compile(r"(?:依照|按照|按|依)(?![的法])")),
    ("cites", re.compile(r"(?:符合|遵循|遵守|参照|参考|对照|比照|违反|参阅|详见|参见|适用)")),
)

#: Phrases right after a citation (and the rest of its list) that state the act:
#: 现将《X》转发给你们, 《A》、《B》同时废止, 对《A》《B》作如下修改.
RIGHT_ACTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("forwards", re.compile(r"^[^。；;\n《□]{0,30}?(?:转发给|转发你们|予以转发|转发各)")),
    ("issues", re.compile(
        r"^(?:[^。；;\n《□]{0,30}?(?:现)?(?:印发给|印发你们|予以印发|下发给|印发各|现印发|现予公布|予以公布|现予印发)"
        # 《X》已经国务院第54次常务会议修订通过，现予印发: passed, then issued by this document
        r"|已经?[^。；;\n《□]{0,60}?(?:通过|同意|批准)[，,]\s{0,2}现(?:予|将其?)?(?:印发|公布|发布)"
        r"|\s{0,2}(?:公布|发布)[，,。]?\s{0,2}(?:自|现|，|,|。))"
    )),
    ("repeals", re.compile(r"^[，,]?[^。；;，,\n□]{0,12}?(?:同时废止|予以废止|废止|停止执行|不再执行|自行失效|同时失效)")),
    ("amends", re.compile(
        r"^[^。；;，,\n□]{0,12}?(?:修改如下|作如下修改|作出如下修改|修订如下|进行修订|进行修改|作相应的?修改)"
    )),
)

#: What may stand between the members of a list before the act they share: separators,
#: other citations (masked □), an order that introduces the next title (…令第8号公布的).
LIST_GAP = re.compile(
    r"^(?:\s|[、和及与]|以及|□|[，,](?=\s{0,2}□)"
    r"|[^。；;《□\n]{0,100}?□?\s{0,2}(?:公布|发布|颁布|印发|通过|批准|修正|修改|修订|所发|下发)的?(?=\s{0,2}□)"
    r"|(?:\d{4}|[一二〇零○]{4})年[^。；;《□\n]{0,10}?日(?=\s{0,2}□))*"
)

#: A header history line: 根据《…关于修改〈X〉的决定》（第二次）修正 — this document was amended by
#: the decision; the corpus side links the versions, here it is a plain `cites`.
HISTORY_RIGHT = re.compile(r"^\s{0,3}(?:第[一二三四五六七八九十\d]{1,3}次)?(?:修正|修订|修改)(?![后如为])")

#: The enacting clause that makes a citation the legal basis: …，(结合…)制定本条例.
ENACTING = re.compile(
    r"(?:制定|制订|修订|特制定|编制|特制订)(?:本|此)(?:实施|工作|应急)?(?:条例|规定|办法|细则|规则|决定|意见|方案|制度|"
    r"准则|标准|章程|通知|公约|解释|预案|计划|规划|纲要)|现就[^。；;]{0,60}?(?:通知如下|规定如下|提出如下意见|作出如下决定|解释如下)|"
    r"作出如下决定|决定如下|(?:作出?|特作)(?:如下|以下)(?:解释|规定|决定)|(?:解释|规定)如下|"
    # the act a decision or reply performs on that basis: 决定授予…, 现就…批复如下
    r"批复如下|决定(?:授予|追授)"
)

#: 根据《X》精神/要求/部署: what a verb of accordance governs when it is policy implementation.
POLICY_OBJECT = re.compile(
    # 按照《A》和《B》等精神, 按照《A》和有关规定精神: the list (and what closes it) shares the object
    r"^\s{0,2}(?:等)?(?:文件)?(?:的)?(?:有关)?(?:精神|要求|部署|决策部署|决策|总体要求|工作要求|工作部署|目标任务)"
    r"|^\s{0,2}[和及与、]?\s{0,2}(?:国家|其他)?(?:有关|相关)(?:规定|文件|政策|法律法规)\s{0,2}(?:等)?的?精神"
)

#: 贯彻/落实 after the title, with no object of its own and no other citation between: 保障《X》的
#: 贯彻实施, 做好《X》的落实工作, 《X》已经国务院同意，请认真贯彻落实 — the verb governs X (implements);
#: not 《X》以…为指导，深入贯彻党的十九大精神. After 根据/按照《X》 any later 贯彻/落实 counts.
_NOT_OF_NEXT = r"(?!(?:落实|执行|实施)?\s{0,2}□)"  # 贯彻□: the verb governs the next citation
CARRIED_OUT_AFTER = re.compile(
    r"^(?:[^□，,。；;]{0,8}?的\s{0,2}|[^□]{0,60}?[，,][^□，,]{0,20}?)(?P<verb>(?:贯彻|落实)(?:落实|执行|实施)?)(?:工作|情况)?"
    r"\s{0,2}(?:[，,。；;]|$)"
)
CARRIED_OUT_LATER = re.compile(rf"^.*?(?P<verb>贯彻|落实){_NOT_OF_NEXT}")
POLICY_VERB = re.compile(r"贯彻|落实")

#: Someone else's act narrated: a revision under way (正在修订《X》), a past issuing
#: (2018年11月，国务院印发《X》). This document's own act says 现/特/予以/决定 before the verb.
OWN_ACT_BEFORE = re.compile(r"(?:现|特|兹|予以|决定|现予|同意)\s{0,2}(?:将|予)?\s{0,2}$")
UNDER_WAY_BEFORE = re.compile(r"(?:正在|正|拟|将|启动|抓紧|加快|推进|推动|研究|配合|参与|开展|已|已经|曾|先后|相继)"
                              r"[^，,。；;]{0,8}$")
UNDER_WAY_AFTER = re.compile(r"^\s{0,2}完善")

#: A title inside another, unbracketed title: …关于授权…暂时调整实施《X》有关规定的决定.
IN_TITLE_LEFT = re.compile(r"关于[^。；;，,：:《□\n]{0,40}$")
IN_TITLE_RIGHT = re.compile(r"^[^。；;，,：:《□\n]{0,40}?的(?:决定|通知|意见|批复|复函|函|报告|公告|实施意见|实施方案|办法)")

#: A penalty or remedy clause: the citation is a provision cross-reference (依照《X》处罚).
PENALTY_REMEDY = re.compile(
    r"(?:处罚|处理|罚款|复议|诉讼|追究|处分|赔偿|没收|吊销|责令|拘留|刑事责任|申诉|裁决|仲裁|制裁|惩处|惩戒|"
    r"犯罪|扣押|查封|强制措施)"
)

#: The cited fragment stated right after a title: 第十二条第二款, 第三项, 附件2.
CN_NUM = "零〇一二三四五六七八九十百千两"
CITED_PART = re.compile(
    rf"\s{{0,2}}的?\s{{0,2}}(?P<part>(?:第[{CN_NUM}\d]{{1,6}}(?:条|款|项|章|节|编|目)(?:之[{CN_NUM}\d]{{1,3}})?)+"
    rf"|附件\s{{0,2}}[\d{CN_NUM}]{{0,3}})"
)

#: Promulgation orders whose serial restarts with each term: never a document identity.
TERM_ORDER_CODES = re.compile(r"^(?:中华人民共和国)?主席令$|常务委员会公告$")

#: An order that introduces the title after it: …令第8号公布的《X》.
ORDER_INTRO = re.compile(r"^\s{0,2}(?:公布|发布|颁布|印发|批准)?的?\s{0,2}$")

#: 《…》 around names that are not documents: gazettes, newspapers, journals, websites.
#: A document the addressees are to write (各地要抓紧制定或完善本地区的《X》): not one that exists.
#: Only the addressees' own scope may stand between the verb and the title (本地区、本部门的).
TO_BE_MADE = re.compile(r"(?:要|应当?|抓紧|尽快|需要?|须|必须|将|拟)[^，,。；;《》□]{0,6}?(?:制定|制订|编制|完成|出台|起草)"
                        r"(?:或|和|并)?(?:完善)?(?:本地区|本部门|本单位|本地|本行业|本系统|本级|[、的\s])*$")
#: …《X》确定的任务, 《X》提出的: X exists, whatever is to be made of it.
EXISTING_AFTER = re.compile(r"\s{0,2}(?:[（(][^）)]{0,30}[）)])?\s{0,2}(?:的|所|中|确定|提出|规定|要求|明确|部署|精神)")

#: 《X》（见附件）, with no verb before it in its clause: X is attached to this document.
ATTACHED = re.compile(r"^\s{0,2}[（(]\s{0,2}(?:见|详见)附件\s{0,2}[\d一二三四五六七八九十]{0,3}\s{0,2}[）)]")
#: A request or report a reply answers (根据你省《关于…的请示》…，现批复如下): no legal basis.
REQUEST_TITLE = re.compile(r"(?:请示|报告|申请|来函)$")

NOT_DOCUMENT_TITLE = re.compile(
    r"(?:委员会|常委会|政府|国务院|法院|检察院|部|厅|局|办公厅|办公室)公报$|政报$|"
    r"(?:日报|晚报|早报|时报|周报|商报|杂志|期刊|学报|年鉴|网站|网|频道|专栏)$"
)

#: A clause ends at these characters; verbs beyond them do not govern a citation.
CLAUSE_BREAK = re.compile(r"[。；;！!？?\n：:，,]")
SENTENCE_BREAK = re.compile(r"[。；;！!？?\n]")

# --- self-reference, for a document's own level ------------------------------------------

SELF_LEVEL_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("county", re.compile(r"(?:我县|全县|县委、县政府|县政府决定|本县)")),
    ("municipal", re.compile(r"(?:我市|全市|市委、市政府|市政府决定|本市)")),
    ("provincial", re.compile(r"(?:我省|全省|省委、省政府|省政府决定|本省|我区各族|自治区人民政府决定)")),
)

#: An organ word right after a place name: what lets a short name (林州人民政府) or a child
#: named in a title (…市…县人民政府关于…) stand for the issuer's place (gazetteer.py).
PLACE_ORGAN_AFTER = re.compile(
    r"(?:人民政府|政府|人民代表大会|人大|(?:市|县|区|州|旗|盟)?(?:党委|委员会|委(?![托派任]))|人民法院|人民检察院|"
    r"管委会|管理委员会|办公室|办公厅|行政公署|公署)"
)

# --- measures (measures.py) ------------------------------------------------------------

MEASURE_UNITS = "个百分点|%|人次|万人|人|个|户|家|所|名|项|床|张|套|次|公里|平方米|亩|吨|期"
TARGET = re.compile(
    r"(?P<verb>控制在|保持在|稳定在|达到|不低于|不少于|不超过|不高于|低于|高于|超过|提高到|提高至|"
    r"降低到|降低至|降至|下降到|增加到|增长到|增长|增加|提高|新增|净增|实现|完成|建成|安排|培训|帮助)?"
    r"\s{0,2}(?P<num>\d+(?:\.\d+)?)\s{0,2}(?P<mult>万|亿|千)?\s{0,2}"
    rf"(?P<unit>{MEASURE_UNITS})?\s{{0,2}}(?P<suffix>左右|上下|以内|以下|之内|以上)?"
)
MONEY = re.compile(r"(?P<num>\d+(?:\.\d+)?)\s{0,2}(?P<mult>万|亿|千)?\s{0,2}元")
TARGET_CONTEXT = re.compile(r"(?:实现|完成|力争|确保|目标|任务|达到|每年|全年|年均)")
#: Words of aim, time and scope before a target's number, and the clause up to the last of them.
FLUFF_WORDS = (r"千方百计|确保|力争|争取|实现|完成|全年|今年|今春|今冬|[上下]半年|共?计划(?!生育|单列|免疫)|每年|年内|其中|以上|到\s*\d{4}\s*年(?:底|末)?前?|"
               r"\d{4}年度?(?:底|末)?前?|全市|全省|全县|全国|全区|"
               r"(?<!合)并(?![购网])|和(?![谐平])|(?<!普)及(?!时)")  # 普及率, 及时率 are words
INDICATOR_FLUFF = re.compile(rf"^(?:.*?(?:{FLUFF_WORDS}))+")
#: People named by their age right after a span (4~6个月以内婴儿, 3岁以下儿童): an age group, neither
#: a time limit nor a goal.
AGE_GROUP_AFTER = re.compile(r"\s*(?:的)?(?:婴儿|婴幼儿|新生儿|儿童|幼儿|孕妇|产妇|老年人|老人|青少年|人群)")
CN_MONTH = "一二三四五六七八九十"
DEADLINE = re.compile(
    rf"(?:(?P<y>\d{{4}})年|(?P<rel>今年|明年|本年|当年))?"
    rf"(?:(?P<m>\d{{1,2}}|十[一二]?|[{CN_MONTH}])月(?:(?P<d>\d{{1,2}})日|(?P<part>底|末|中旬|上旬|下旬|份))?"
    rf"|(?P<ye>年底|年末|底|末))\s{{0,2}}(?P<before>前|之前|以前)"
)
ORGAN_RUN = r"[^\s。；;，,、（）()：:“”]{1,24}?(?:部|厅|局|委员会|委|办公室|办公厅|办|院|署|行|政府|中心|总局|小组|联合会|工会|妇联|团委|团市委|法院|检察院)"
AGENCY_BY = re.compile(rf"(?<!自)由(?P<a>{ORGAN_RUN}(?:[、和及与]{ORGAN_RUN})*)(?:等部门|等单位)?(?:负责|牵头|会同|组织实施|承担)")
AGENCY_SUBJECT = re.compile(rf"(?P<a>{ORGAN_RUN}(?:[、和及与]{ORGAN_RUN})*)(?:要|应)?(?:负责|牵头)")
AGENCY_TRAILER = re.compile(r"[（(](?P<a>[^（）()。]{2,160})[）)]\s*$")
ORGAN_FULL_NAME = re.compile(rf"^(?:{ORGAN_RUN}|各[^\s，,、]{{1,12}}(?:人民政府|政府|部门|单位))$")
#: A full stop a converted PDF wrote as ASCII . (…达到78%.各县…, 消除劣Ⅴ类. 70个…): after a character
#: or a percent, before one or a number; not a decimal, an item's number (1.地表水) nor a web address.
_DOT_END = r"(?<=[\u4e00-\u9fff%）)])\.(?=[ \t\u3000]*[\u4e00-\u9fff\d（(])"
SENTENCE = re.compile(rf"(?:[^。！？!?\n.]+|(?!{_DOT_END})\.)+(?:[。！？!?]|{_DOT_END})?")
MEASURE_CLAUSE_BREAK = re.compile(r"[，,；;：:]")
LIST_BREAK = re.compile(r"[，,；;：:、（(]")


NOT_A_TERM = re.compile(r"^[\d\W_a-zA-Z]+$")
ORGANISH = re.compile(r"(?:局|厅|部|委|办|院|政府|办公室|会|中心|小组|省|市|县|区)$|^(?:国务院|省|市|县)")
#: Words every policy text uses; never a measure on their own.
GENERIC_POLICY_WORDS = frozenset(("工作", "政策", "部门", "单位", "政府", "人员", "措施", "意见", "通知", "制度", "机制", "体系", "问题", "情况", "方面", "有关", "实际", "要求", "任务", "目标", "作用", "能力", "水平", "力度", "建设", "发展", "管理", "服务", "组织", "领导", "实施", "落实", "推进", "加强", "完善", "健全", "建立", "开展", "各级", "全市", "全省", "全县", "各地", "地区", "企业", "社会", "群众", "街道", "社区", "乡镇", "县区", "市区", "省级", "市级", "高校", "学校", "经费", "资金", "大力", "会同", "统一", "汇总", "城乡", "社会保障", "实施办法", "人员编制", "企业职工", "三个代表"))


#: Indicators where a lower value is more demanding (a lower 失业率 tightens the target).
LOWER_IS_BETTER = re.compile(r"(?:失业率|发生率|死亡率|事故|能耗|排放|超标|欠薪|拖欠|投诉|贫困发生率|空置率|逾期)")
