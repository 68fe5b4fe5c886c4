"""Relations read from a citation's own sentence: legal basis, policy implementation,
cross-references, lists, cited fragments, promulgation orders and names that are not documents."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policygraph.extract.relations import amended_by_title

from ..conftest import record_of

HEAD = "某某市人民政府关于做好有关工作的通知\n某政发〔2020〕1号\n\n各区人民政府，市各委办局：\n"
LAW = "某某省森林防火条例\n\n"


def rels(body: str, head: str = HEAD) -> list[tuple[str | None, str]]:
    """(title or number, relation) of every citation, in reading order."""
    rec = record_of(head + "　　" + body + "\n")
    return [(c.title or c.number, c.relation) for c in rec.citations]


@pytest.mark.parametrize(
    ("sentence", "relation"),
    [
        # the enacting clause: legal basis
        ("根据《中华人民共和国森林法》和有关法律、法规，结合本省实际，制定本条例。", "based_on"),
        ("为了实施《中华人民共和国森林法》，制定本细则。", "based_on"),
        ("依照《中华人民共和国森林法》的规定，制定本办法。", "based_on"),
        # policy implementation
        ("为贯彻落实《国务院关于加强森林防火工作的意见》，提出如下措施。", "implements"),
        ("根据《国务院关于加强森林防火工作的意见》精神，结合实际开展工作。", "implements"),
        ("各地要认真执行《国务院关于加强森林防火工作的意见》精神。", "implements"),
        # provision cross-references: cites
        ("违反本条例规定的，依照《中华人民共和国治安管理处罚法》第二十条的规定处罚。", "cites"),
        ("当事人不服的，可以依照《中华人民共和国行政复议法》的规定申请行政复议。", "cites"),
        ("按照《森林病虫害防治条例》有关规定处罚。", "cites"),
        ("依照《中华人民共和国森林法》的规定执行。", "cites"),
        ("本条例未规定的，适用《中华人民共和国森林法》。", "cites"),
        ("参照《中华人民共和国森林法》管理。", "cites"),
        ("《中华人民共和国森林法》施行以来成效明显。", "cites"),
    ],
)
def test_relation_of_a_sentence(sentence: str, relation: str) -> None:
    got = rels(sentence, LAW)
    assert len(got) == 1 and got[0][1] == relation, got


def test_header_history_line_is_a_plain_citation() -> None:
    rec = record_of(LAW + "　　根据2009年8月27日《全国人民代表大会常务委员会关于修改部分法律的决定》第一次修正\n")
    (c,) = rec.citations
    assert c.relation == "cites" and c.reason.startswith("amended by (header history)")


def test_a_decision_amends_what_its_own_title_names() -> None:
    head = "某某省人民代表大会常务委员会关于修改《某某省森林防火条例》的决定\n\n"
    got = rels("《某某省森林防火条例》根据本决定作相应修改，重新公布。", head)
    assert got == [("某某省森林防火条例", "amends")]
    got = rels("各地要按照《某某省森林防火条例》做好工作。", head)
    assert got == [("某某省森林防火条例", "amends")]


def test_amended_by_title() -> None:
    assert amended_by_title("关于修改《甲条例》、《乙条例》等二件地方性法规的决定") == {"甲条例", "乙条例"}
    assert amended_by_title("关于印发《甲办法》的通知") == frozenset()
    assert amended_by_title(None) == frozenset()


def test_a_batch_decision_lists_what_it_amends() -> None:
    got = rels("对《某某省甲条例》《某某省乙条例》作如下修改：", LAW)
    assert got == [("某某省甲条例", "amends"), ("某某省乙条例", "amends")]


def test_a_title_introduced_by_an_order_is_repealed_with_the_order_as_its_number() -> None:
    rec = record_of(
        LAW + "　　2004年8月9日国家食品药品监督管理局令第15号公布的《医疗器械经营企业许可证管理办法》"
        "和2005年1月1日国家食品药品监督管理局令第16号公布的《医疗器械注册管理办法》同时废止。\n"
    )
    got = [(c.title, c.number, c.relation) for c in rec.citations]
    assert got == [
        ("医疗器械经营企业许可证管理办法", "国家食品药品监督管理局令第15号", "repeals"),
        ("医疗器械注册管理办法", "国家食品药品监督管理局令第16号", "repeals"),
    ]


def test_a_presidential_order_is_not_an_identity() -> None:
    rec = record_of(LAW + "　　根据《中华人民共和国种子法》（主席令第13号），制定本条例。\n")
    (c,) = rec.citations
    assert (c.title, c.number, c.relation) == ("中华人民共和国种子法", None, "based_on")
    assert "主席令第13号" in c.reason
    assert record_of(LAW + "　　主席令第13号公布施行以来，成效明显。\n").citations == ()


def test_a_state_council_order_stays_the_number() -> None:
    rec = record_of(LAW + "　　依据《某某管理条例》（国务院令第493号），制定本办法。\n")
    (c,) = rec.citations
    assert (c.number, c.relation) == ("国务院令第493号", "based_on")


@pytest.mark.parametrize(
    ("sentence", "part"),
    [
        ("依照《中华人民共和国森林法》第十二条的规定处罚。", "第十二条"),
        ("依照《中华人民共和国森林法》第十二条第二款第三项的规定处罚。", "第十二条第二款第三项"),
        ("填写《某某省林木采伐管理办法》附件2所列表格。", "附件2"),
        ("依照《中华人民共和国森林法》的规定处罚。", None),
    ],
)
def test_the_cited_part_is_kept(sentence: str, part: str | None) -> None:
    (c,) = record_of(LAW + "　　" + sentence + "\n").citations
    assert c.part == part


@pytest.mark.parametrize(
    "name",
    ["聊城市人民代表大会常务委员会公报", "某某省人民政府公报", "某某日报", "中国政府网", "某某市政报"],
)
def test_gazettes_newspapers_and_websites_are_not_documents(name: str) -> None:
    assert rels(f"本条例在《{name}》上公布。", LAW) == []


def test_a_statistics_communique_is_a_document() -> None:
    assert rels("根据《某某省2020年国民经济和社会发展统计公报》，全省森林覆盖率提高。", LAW) != []


def test_confidence_and_reason_follow_the_trigger() -> None:
    rec = record_of(
        LAW + "　　根据《中华人民共和国森林法》，结合本省实际，制定本条例。"
        "《某某省旧森林防火办法》（某政发〔2001〕3号）同时废止。\n"
    )
    by = {c.title: c for c in rec.citations}
    basis = by["中华人民共和国森林法"]
    assert basis.relation == "based_on" and "制定本条例" in basis.reason
    repealed = by["某某省旧森林防火办法"]
    assert repealed.relation == "repeals" and repealed.reason == "同时废止"
    weak = record_of(LAW + "　　《中华人民共和国森林法》施行以来成效明显。\n").citations[0]
    assert weak.confidence < basis.confidence


TITLES = [f"某某省第{n}号森林管理办法" for n in "一二三四五六七八九"]
SEPARATORS = st.sampled_from(["、", "，", "和", "及", "以及", "与", ""])


@settings(max_examples=60, deadline=None)
@given(
    n=st.integers(min_value=1, max_value=9),
    seps=st.lists(SEPARATORS, min_size=8, max_size=8),
    act=st.sampled_from([("同时废止", "repeals"), ("作如下修改：", "amends"), ("予以废止", "repeals")]),
)
def test_every_member_of_a_list_gets_the_relation(n: int, seps: list[str], act: tuple[str, str]) -> None:
    """Any number of members, any separators: every title before the act shares it."""
    words, rel = act
    listed = "".join(f"《{t}》" + (seps[i] if i < n - 1 else "") for i, t in enumerate(TITLES[:n]))
    prefix = "对" if rel == "amends" else ""
    got = rels(prefix + listed + words, LAW)
    assert got == [(t, rel) for t in TITLES[:n]]


@settings(max_examples=40, deadline=None)
@given(n=st.integers(min_value=1, max_value=9), seps=st.lists(SEPARATORS, min_size=8, max_size=8))
def test_every_member_of_an_enacting_list_is_the_basis(n: int, seps: list[str]) -> None:
    listed = "".join(f"《{t}》" + (seps[i] if i < n - 1 else "") for i, t in enumerate(TITLES[:n]))
    got = rels("根据" + listed + "等有关规定，结合本省实际，制定本条例。", LAW)
    assert got == [(t, "based_on") for t in TITLES[:n]]


def test_titles_introduced_by_their_adoption_are_all_repealed() -> None:
    got = rels(
        "1994年7月1日某某省第八届人民代表大会常务委员会第十一次会议通过的《某某省蔬菜基地保护条例》，"
        "1995年3月9日省人民政府发布、1997年12月31日修正的《某某省基本农田保护办法》，同时废止。",
        LAW,
    )
    assert got == [("某某省蔬菜基地保护条例", "repeals"), ("某某省基本农田保护办法", "repeals")]


def test_the_history_of_a_repealed_title_is_not_repealed() -> None:
    rec = record_of(
        LAW + "　　根据2016年11月25日某某省人民代表大会常务委员会《关于修改部分地方性法规的决定》修正的"
        "《某某省保守秘密若干规定》同时废止。\n"
    )
    got = [(c.title, c.relation) for c in rec.citations]
    assert got == [("关于修改部分地方性法规的决定", "cites"), ("某某省保守秘密若干规定", "repeals")]
    assert rec.citations[0].reason.startswith("amendment history of the next title")


def test_a_judicial_interpretation_rests_on_the_laws_it_names() -> None:
    got = rels(
        "为正确审理保险合同纠纷案件，根据《中华人民共和国民法典》《中华人民共和国保险法》等法律规定，"
        "结合审判实践，就有关法律适用问题解释如下：",
        LAW,
    )
    assert got == [("中华人民共和国民法典", "based_on"), ("中华人民共和国保险法", "based_on")]


def test_a_penalty_anywhere_in_the_sentence_makes_a_cross_reference() -> None:
    got = rels("对违法行为实施行政处罚，应当按照《中华人民共和国道路交通安全法》等法律、法规执行。", LAW)
    assert got == [("中华人民共和国道路交通安全法", "cites")]


def test_a_report_approved_and_forwarded() -> None:
    got = rels("国家地震局《关于1997年地震趋势和加强防震减灾工作意见的报告》已经国务院同意，现转发给你们，请认真贯彻执行。")
    assert got == [("关于1997年地震趋势和加强防震减灾工作意见的报告", "forwards")]


@pytest.mark.parametrize(
    "tail", ["对有关问题作如下规定：", "特作如下解释。", "现就有关问题作出以下解释。", "规定如下：", "补充解释如下："]
)
def test_interpretations_and_rules_made_on_a_basis(tail: str) -> None:
    got = rels("为正确审理劳动争议案件，根据《中华人民共和国劳动法》、《中华人民共和国民事诉讼法》等相关法律规定，" + tail, LAW)
    assert got == [("中华人民共和国劳动法", "based_on"), ("中华人民共和国民事诉讼法", "based_on")]


def test_members_introduced_by_a_bare_date_are_repealed() -> None:
    got = rels("1987年4月29日国务院发布的《某某矿山采矿登记暂行办法》和1990年11月22日《国务院关于修改〈某某矿山采矿"
               "登记暂行办法〉的决定》同时废止。", LAW)
    assert [r for _t, r in got] == ["repeals", "repeals"]


def test_a_title_inside_an_unbracketed_batch_decision_is_not_amended() -> None:
    got = rels("2016年3月30日某某省人民代表大会常务委员会第二十次会议关于修改《某某省海洋环境保护条例》"
               "、《某某省节约能源条例》等九件地方性法规的决定第一次修正", LAW)
    assert got == [("某某省海洋环境保护条例", "cites"), ("某某省节约能源条例", "cites")]


def test_a_batch_decision_amends_each_numbered_item() -> None:
    head = "最高人民法院关于修改《最高人民法院关于某甲问题的解释》等二十七件民事类司法解释的决定\n\n"
    got = rels("十一、修改《最高人民法院关于审理某乙案件若干问题的规定》", head)
    # the title line names the first document it amends, the body the others
    assert got == [("最高人民法院关于某甲问题的解释", "amends"), ("最高人民法院关于审理某乙案件若干问题的规定", "amends")]


def test_a_list_shares_its_policy_object() -> None:
    got = rels("根据《某某市落实民心工程实施方案》（某办发〔2004〕4号）和《关于建立再就业工作目标责任制的通知》"
               "（某府〔2003〕43号）精神，结合我市实际，制定本实施方案。")
    assert [r for _t, r in got] == ["implements", "implements"]


@pytest.mark.parametrize(
    ("sentence", "relation"),
    [
        # 根据/依据《X》 with no enacting clause and no policy object: a mention of compliance
        ("律师事务所可以依据《中华人民共和国律师法》的授权开展业务。", "cites"),
        ("根据《中华人民共和国引渡法》，公安机关可以对被请求引渡人采取强制措施。", "cites"),
        ("依照《中华人民共和国档案法》，档案馆向社会开放档案。", "cites"),
        # …制定本预案/本计划/本规划, however far later in the sentence: legal basis
        ("根据《中华人民共和国突发事件应对法》等法律法规以及本市有关应急管理工作的相关文件和历次会议的"
         "各项要求，结合本市应急管理工作的实际情况和近年来各类突发事件的特点，制定本预案。", "based_on"),
        ("依据《中华人民共和国消防法》，结合全市消防工作的现实需要，编制本计划。", "based_on"),
        ("根据《中华人民共和国城乡规划法》，制定本规划。", "based_on"),
    ],
)
def test_bare_basis_is_a_mention_unless_it_enacts(sentence: str, relation: str) -> None:
    got = rels(sentence, LAW)
    assert len(got) == 1 and got[0][1] == relation, got


def test_enacting_clause_past_a_title_broken_across_lines() -> None:
    got = rels("根据《中华人民共和国教育法》《中华人民共和国义\n务教育法》等法律，结合本市实际，制定本条例。", LAW)
    assert [r for _t, r in got] == ["based_on", "based_on"], got


@pytest.mark.parametrize(
    ("sentence", "relation"),
    [
        # compliance: cites
        ("各单位要执行《某某省会计管理办法》。", "cites"),
        ("各单位应当按照《某某省会计管理办法》执行。", "cites"),
        ("开展工作应当遵守《中华人民共和国保守国家秘密法》。", "cites"),
        ("项目建设应当遵循《某某省城市规划管理技术规定》。", "cites"),
        # 执行/按照 with 精神/部署/要求/决策, or 贯彻/落实: implements
        ("各地要按照《国务院关于加强森林防火工作的意见》部署执行。", "implements"),
        ("各单位要认真执行《国务院关于加强森林防火工作的意见》的决策。", "implements"),
        ("各地要按照《国务院关于加强森林防火工作的意见》，抓好贯彻落实。", "implements"),
    ],
)
def test_compliance_is_not_implementation(sentence: str, relation: str) -> None:
    got = rels(sentence, LAW)
    assert len(got) == 1 and got[0][1] == relation, got


@pytest.mark.parametrize(
    "sentence",
    [
        "为了保障《中华人民共和国森林法》的贯彻实施，省政府加大投入。",
        "各地要做好《国务院关于加强森林防火工作的意见》的落实工作。",
        "《国务院关于加强森林防火工作的意见》已经国务院同意，请各地认真贯彻落实。",
    ],
)
def test_policy_verb_after_the_title_governs_it(sentence: str) -> None:
    rec = record_of(LAW + "　　" + sentence + "\n")
    (c,) = rec.citations
    assert c.relation == "implements" and c.reason.startswith("《X》…") and c.reason[-2:] in ("贯彻", "实施", "落实")


def test_policy_verb_with_its_own_object_does_not_govern_the_title() -> None:
    got = rels("《某某新区总体规划》以新思想为指导，深入贯彻党的十九大精神，坚决落实党中央决策部署。", LAW)
    assert got == [("某某新区总体规划", "cites")], got


def test_policy_verb_after_the_title_does_not_reach_past_another_citation() -> None:
    got = rels("《中华人民共和国森林法》施行后，各地要认真贯彻《国务院关于加强森林防火工作的意见》。", LAW)
    assert got == [("中华人民共和国森林法", "cites"), ("国务院关于加强森林防火工作的意见", "implements")]


@pytest.mark.parametrize(
    ("sentence", "relation"),
    [
        # a revision under way is someone else's act
        ("目前，省司法厅正在修订《某某省林地管理办法》。", "cites"),
        ("省林业局抓紧修改完善《某某省林地管理办法》。", "cites"),
        ("决定修改《某某省林地管理办法》。", "amends"),
        # a third party issued it, narrated
        ("2018年11月，党中央、国务院印发《关于建立更加有效的区域协调发展新机制的意见》。", "cites"),
        ("近日，国务院印发了《关于加强森林防火工作的意见》，各地要认真贯彻落实。", "implements"),
        ("现印发《某某市森林防火工作方案》，请认真组织实施。", "issues"),
        ("现将《某某市森林防火工作方案》印发给你们，请认真贯彻落实。", "issues"),
    ],
)
def test_narrated_acts_are_not_this_documents(sentence: str, relation: str) -> None:
    got = rels(sentence, LAW)
    assert len(got) == 1 and got[0][1] == relation, got


def test_own_title_issues_what_it_names() -> None:
    head = "某某市人民政府办公室关于印发《某某市森林防火工作方案》的通知\n\n"
    assert rels("市政府印发《某某市森林防火工作方案》，请遵照执行。", head) == [
        ("某某市森林防火工作方案", "issues")
    ]
    assert rels("市政府印发《某某市防汛工作方案》，请遵照执行。", head) == [
        ("某某市森林防火工作方案", "issues"),  # from the title line itself
        ("某某市防汛工作方案", "cites"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "全国人民代表大会常务委员会关于授权国务院在部分地区暂时调整实施《中华人民共和国森林法》有关规定的决定已经公布。",
        "依照国务院关于贯彻《中华人民共和国森林法》若干问题的通知办理。",
        "省政府关于做好《中华人民共和国森林法》宣传工作的意见已经印发。",
    ],
)
def test_a_title_inside_another_title_is_a_mention(sentence: str) -> None:
    got = rels(sentence, LAW)
    assert got == [("中华人民共和国森林法", "cites")], got


@pytest.mark.parametrize(("text", "title", "relation"), [
    # a verb or an object after a list governs each member
    ("（二）做好《某某应急条例》和《某某应急预案》的落实工作。", "某某应急条例", "implements"),
    ("（二）做好《某某应急条例》和《某某应急预案》的落实工作。", "某某应急预案", "implements"),
    ("要按照《某某部关于某某问题的通知》（某发〔1986〕97号）和有关规定精神，协商办理。",
     "某某部关于某某问题的通知", "implements"),
    ("相关部门要按照《某某意见》和《某某措施》等精神，修订管理办法。", "某某意见", "implements"),
    # acts narrated, attached, or of the past
    ("目前，某某总局正在对《某某防治规划》进行修订，上报国务院审批。", "某某防治规划", "cites"),
    ("现对《某某管理办法》作如下修改：", "某某管理办法", "amends"),
    ("国家制定《某某绩效考核指标》（见附件）供各地使用。", "某某绩效考核指标", "issues"),
    ("人民法院适用修改前的《某某专利法》；", "某某专利法", "cites"),
    # penalties, attachments with a verb, requests a reply answers
    ("违反本条例规定的，依照《中华人民共和国行政处罚法》的规定，由县级以上人民政府决定给予处分。",
     "中华人民共和国行政处罚法", "cites"),
    ("请参照《国务院办公厅关于某某的通知》（见附件）执行。", "国务院办公厅关于某某的通知", "cites"),
    ("根据《某某工作决定》（见附件1）有关规定，制定本办法。", "某某工作决定", "based_on"),
    ("按照《某某管理法》有关规定要求处罚。", "某某管理法", "cites"),
    ("按照《某某安全生产法》和有关规定要求，对违法行为进行处罚。", "某某安全生产法", "cites"),
    ("根据你省《关于某某问题的请示》（某政〔2019〕1号），现批复如下：", "关于某某问题的请示", "cites"),
    ("依照《某某工作决定》和有关法律法规，现就有关问题批复如下：", "某某工作决定", "based_on"),
])
def test_relations_of_members_acts_and_replies(text: str, title: str, relation: str) -> None:
    rec = record_of("某某市人民政府关于做好某某工作的通知\n各区人民政府：\n" + text)
    assert {c.title: c.relation for c in rec.citations}[title] == relation
