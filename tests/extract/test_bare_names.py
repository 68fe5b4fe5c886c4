"""Statutes named without 《》 (bare_names.py): found where a reader counts a citation, never in
the words ending in 法 that running text is full of."""

from __future__ import annotations

import importlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policygraph.extract.bare_names import PREFIX, bare_names
from policygraph.extract.citations import extract_citations


def names(text: str, long_titles: frozenset[str] = frozenset()) -> list[str]:
    return [b.title for b in bare_names(text, 0, len(text), [], long_titles)]


@pytest.mark.parametrize(("text", "expected"), [
    ("为了保障老年人的合法权益，根据宪法和有关法律，结合本市实际情况，制定本条例。", ["宪法"]),
    ("由公安机关依照治安管理处罚条例处罚；构成犯罪的，依法追究刑事责任。", ["治安管理处罚条例"]),
    ("根据宪法、地方各级人民代表大会和地方各级人民政府组织法、立法法，结合本市实际，制定本条例。",
     ["宪法", "地方各级人民代表大会和地方各级人民政府组织法", "立法法"]),
    ("严格落实网络安全法和关键信息基础设施安全保护有关要求。", ["网络安全法"]),
    ("各部门要按照行政诉讼法及有关法律规定，接受司法监督。", ["行政诉讼法"]),
    ("严格执行规章备案制度和行政复议法，及时发现并纠正。", ["行政复议法"]),
    ("在执行中，执行法院应当依照民事诉讼法第二百五十七条第六项的规定。", ["民事诉讼法"]),
    ("依照消防法、安全生产法和道路交通安全法的规定处理。", ["消防法", "安全生产法", "道路交通安全法"]),
    ("违反治安管理的，依照中华人民共和国治安管理处罚法第十条处罚。", ["中华人民共和国治安管理处罚法"]),
])
def test_names_a_reader_counts(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize("text", [
    "依照本法第十条处罚。",
    "按照本办法执行。依照有关法律法规的规定办理。",
    "根据需要可以设立执法队伍，依法行政。",
    "按照税法规定缴纳。",  # two characters: a field of law, not a statute's name
    "必须符合宪法、法律和国务院的行政法规。",  # no verb that applies a norm
    "按照国务院的统一部署，执行国家有关法律，依照法定程序办理。",
    "依照前款规定的方法计算。",
    "第一条 刑法第三百八十四条规定的挪用公款。",  # alone: its words cannot be told from a clause's
    "电子商务经营者违反本条例第十条规定的。",
    "依据修改前和修改后的专利法的规定承担责任。",
    "根据生活垃圾产生量和分类方法设置容器。",
])
def test_no_name_in_running_text(text: str) -> None:
    assert names(text) == []


def test_the_long_form_written_elsewhere_is_the_title() -> None:
    text = "依照刑法第三十条处罚。"
    assert names(text, frozenset({"中华人民共和国刑法"})) == ["中华人民共和国刑法"]
    assert names(text) == ["刑法"]


def test_a_bracketed_title_is_not_named_again() -> None:
    text = "依照《中华人民共和国刑法》第二十条处罚。"
    spans = [(text.index("《"), text.index("》") + 1)]
    assert bare_names(text, 0, len(text), spans) == []


def test_citations_of_a_part_include_bare_names_with_their_relation() -> None:
    text = "北京市某某条例\n第一条 根据宪法和有关法律，结合本市实际，制定本条例。\n第九条 违反本条例的，依照刑法第二十条追究刑事责任。"
    found = {c.title: c for c, _m in extract_citations(text, 0, len(text), [], None, "北京市某某条例")}
    assert set(found) == {"宪法", "刑法"}
    assert found["宪法"].relation == "based_on" and found["宪法"].found_by == "name"
    assert found["刑法"].relation == "cites" and found["刑法"].part == "第二十条"


_CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x4E80)
_TEXT = st.text(st.one_of(_CJK, st.sampled_from("法条例根据依照、和，。第十《》 \n")), max_size=120)


@given(_TEXT)
def test_every_name_is_where_it_says_and_a_statute(text: str) -> None:
    for b in bare_names(text, 0, len(text), []):
        written = text[b.start:b.end]
        assert b.title == written
        assert written.endswith(("法", "条例"))
        assert len(written.removeprefix(PREFIX)) >= 2


@given(_TEXT, st.integers(0, 120), st.integers(0, 120))
def test_names_stay_out_of_spans_spoken_for(text: str, a: int, b: int) -> None:
    lo, hi = sorted((min(a, len(text)), min(b, len(text))))
    for n in bare_names(text, 0, len(text), [(lo, hi)]):
        assert n.end <= lo or n.start >= hi


@given(st.text(_CJK.filter(lambda ch: ch != "与"), min_size=1, max_size=8), st.text(_CJK, max_size=10))
def test_a_name_after_a_verb_is_found_whatever_precedes(name_core: str, before: str) -> None:
    name = name_core + "保护法"
    text = f"{before}，依照{name}第五条处罚。"
    assert name in names(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("被执行人以有民事诉讼法第二百八十一条第一款规定的情形为由", []),  # 执行 inside 被执行人
    ("适用修改前商标法的规定；", ["商标法"]),
    ("依照我国刑法第五条处罚", ["刑法"]),
    ("根据上位法的规定", []),
    ("依照诉讼法有关规定", []),
])
def test_qualifiers_and_kinds_of_law(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize("name", [
    "公司法", "预算法", "突发事件应对法", "突发公共卫生事件应急条例", "生产安全事故应急条例", "法律援助法",
    "行政法规制定程序条例", "自由贸易试验区条例", "各级人民代表大会常务委员会监督法", "对外贸易法",
    "基本医疗卫生与健康促进法", "政府采购法实施条例", "专利法实施细则", "证券投资基金法", "环境影响评价法",
])
def test_real_statutes_are_names(name: str) -> None:
    assert names(f"依照{name}的规定处理。") == [name]


@pytest.mark.parametrize(("text", "expected"), [
    ("依照公司法、证券法和证券投资基金法的规定", ["公司法", "证券法", "证券投资基金法"]),
    ("依照土地管理法实施条例和城乡规划法办理", ["土地管理法实施条例", "城乡规划法"]),
    ("依照刑法关于贪污罪的规定", ["刑法"]),
    ("资金按照因素法和项目法相结合的方式分配", []),  # methods of calculation
    ("采用综合评分法评审", []),
    ("依照修正后刑法第十条", ["刑法"]),
    ("根据国家宪法", ["宪法"]),
    ("根据实施条例", []),  # a form, no name
    ("仍适用企业破产法", ["企业破产法"]),
])
def test_review_cases_of_names(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_a_list_goes_on_after_a_bracketed_title() -> None:
    text = "根据《预算法》和预算法实施条例，制定本办法。"
    spans = [(text.index("《"), text.index("》") + 1)]
    assert [b.title for b in bare_names(text, 0, len(text), spans)] == ["预算法实施条例"]


def test_a_long_list_is_walked_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # every member holds a verb (落实): walked again from each, the work grew with the square
    module = importlib.import_module("policygraph.extract.bare_names")
    walks: list[int] = []
    original = module._walk_list

    def counting(text: str, pos: int, end: int, found: dict, tried: set) -> int:  # type: ignore[type-arg]
        walks.append(pos)
        return original(text, pos, end, found, tried)

    monkeypatch.setattr(module, "_walk_list", counting)
    text = "根据" + "、".join(["甲落实乙丙法"] * 3000)
    assert len(bare_names(text, 0, len(text), [])) == 3000
    assert len(walks) == 1
