"""Policy areas (domains.py) and agencies as organs (agencies.py): a law about procurement is not
coded with employment concepts, and an agency is an organ's name, never its clause's words."""

from __future__ import annotations

from pathlib import Path

import pytest

from policygraph.extract.measures.agencies import agencies_in, organisation
from policygraph.extract.measures.concepts import concepts_in
from policygraph.extract.measures.domains import applies, domains_of
from policygraph.extract.measures.scheme import load_scheme


def test_the_shipped_scheme_knows_areas_and_tags_employment_concepts() -> None:
    scheme = load_scheme()
    assert set(scheme.domains) >= {"domain-employment", "domain-environment", "domain-health", "domain-safety",
                                   "domain-land", "domain-education", "domain-industry"}
    assert scheme.concepts["market-regulation"].domains == ("domain-employment",)
    assert scheme.concepts["vocational-training"].domains == ("domain-education", "domain-employment")
    assert scheme.concepts["penalties"].domains == ()  # a regulatory tool of any area
    assert {"licensing", "standards", "penalties", "reporting", "planning", "inspection"} <= set(scheme.concepts)
    assert all(c.group in ("supply", "demand", "environment") for c in scheme.concepts.values())


@pytest.mark.parametrize(("title", "text", "expected"), [
    ("某市人民政府关于进一步做好再就业工作的通知", "加强职业培训。", {"domain-employment"}),
    ("中华人民共和国招标投标法", "国有资金投资的项目，应当公开招标。", set()),
    ("某省大气污染防治条例", "排放污染物的单位应当遵守排放标准。", {"domain-environment"}),
    (None, "学校应当……学生……教师……学校……学生。就业一次。", {"domain-education"}),
    # a health law naming employment words three times is not about employment
    (None, "医疗机构、医院、药品、疾病、医疗、卫生、健康、疾病、医疗、医院、药品、疫苗、传染病、中医药。失业，就业，劳动者。",
     {"domain-health"}),
])
def test_areas_from_the_title_or_frequent_words(title: str | None, text: str, expected: set[str]) -> None:
    assert domains_of(title, text, load_scheme().domains) == expected


def test_a_concept_of_an_area_is_coded_only_in_a_part_about_it() -> None:
    text = "依法订立劳动合同，并由监督部门依法查处。"
    scheme = load_scheme()
    everywhere = {m.concept for m in concepts_in(text, 0, len(text))}
    procurement = {m.concept for m in concepts_in(text, 0, len(text), domains=frozenset())}
    employment = {m.concept for m in concepts_in(text, 0, len(text), domains=frozenset({"domain-employment"}))}
    assert "market-regulation" in everywhere and "market-regulation" in employment
    assert "market-regulation" not in procurement
    assert "regulation" in procurement  # 依法查处: no area, coded everywhere
    assert applies((), frozenset()) and applies(("domain-health",), None)
    assert scheme.concepts["regulation"].domains == ()


@pytest.mark.parametrize(("captured", "organ"), [
    ("年度立法计划由市人民代表大会常务委员会法制工作委员会", "市人民代表大会常务委员会法制工作委员会"),
    ("联席会议召集人一般由党委", "党委"),
    ("具体工作由省人民政府办公厅", "省人民政府办公厅"),
    ("国务院交通行政主管部门所属的长江航务管理局", "长江航务管理局"),
    ("自由贸易试验区工作领导小组", "自由贸易试验区工作领导小组"),
    ("对外贸易经济合作部", "对外贸易经济合作部"),
    ("市人力资源社会保障局", "市人力资源社会保障局"),
    ("该单位自行", None),
    ("以上的爱卫会设办公室", None),
    ("对有关人民政府", None),
])
def test_an_agency_is_an_organs_name(captured: str, organ: str | None) -> None:
    assert organisation(captured) == organ


def test_agencies_of_provisions_are_organs() -> None:
    text = "三、年度立法计划由市人民代表大会常务委员会法制工作委员会负责组织实施。检验工作由该单位自行负责。"
    assert agencies_in(text, 0, len(text)) == ["市人民代表大会常务委员会法制工作委员会"]
    text = "四、建立联席会议，由中国（上海）自由贸易试验区工作领导小组牵头。"
    assert agencies_in(text, 0, len(text)) == ["自由贸易试验区工作领导小组"]  # not cut at 自由's 由


def _concepts(text: str) -> set[str]:
    from ..conftest import record_of

    rec = record_of(text)
    return {m.concept for p in (rec, *rec.parts) for m in p.measures.measures}


def test_a_record_is_coded_for_its_own_area() -> None:
    body = "\n第一条 依法订立劳动合同，建立台账。\n第二条 违反本办法的，由有关部门依法查处，处以罚款。\n"
    procurement = _concepts("某省政府采购管理办法" + body)
    employment = _concepts("某省促进就业办法" + body)
    assert "market-regulation" in employment and "unemployment-monitoring" in employment
    assert not {"market-regulation", "unemployment-monitoring"} & procurement
    assert {"regulation", "penalties"} <= procurement & employment


@pytest.mark.parametrize(("captured", "organ"), [
    ("向阳区人民政府", "向阳区人民政府"),  # 向 and 将 begin place names
    ("将乐县人民政府", "将乐县人民政府"),
    ("设区的市人民政府", "设区的市人民政府"),  # not cut at its 的
])
def test_place_names_are_not_clause_words(captured: str, organ: str) -> None:
    assert organisation(captured) == organ


def test_an_areas_own_tools_show_it_without_its_name() -> None:
    areas = load_scheme().domains
    title = "关于进一步做好小额担保贷款工作的通知"
    assert "domain-employment" in domains_of(title, "发放小额担保贷款，落实贴息，培育担保机构。", areas)


def test_a_users_subject_without_words_is_no_area(tmp_path: Path) -> None:
    scheme = tmp_path / "eurovoc.ttl"
    scheme.write_text("""@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix my: <https://example.org/m#> .
my:scheme a skos:ConceptScheme ; skos:hasTopConcept my:supply .
my:supply a skos:Concept ; skos:topConceptOf my:scheme ; skos:prefLabel "供给型"@zh .
my:beds a skos:Concept ; skos:inScheme my:scheme ; skos:broader my:supply ;
    dcterms:subject <http://eurovoc.europa.eu/2845> ; skos:prefLabel "护理型床位"@zh .
""", encoding="utf-8")
    s = load_scheme(str(scheme))
    assert s.domains == {} and s.concepts["beds"].domains == ()
    text = "增加护理型床位。"
    assert [m.concept for m in concepts_in(text, 0, len(text), str(scheme), domains=frozenset())] == ["beds"]


def test_key_terms_read_a_texts_head_only() -> None:
    # jieba's tagger took 38 s on one 400,000-character line: a provision's head is enough
    from policygraph.extract.measures.terms import KEY_TERM_CHARS, key_terms

    head = "加强职业培训，落实培训补贴。" * 400
    assert len(head) >= KEY_TERM_CHARS
    assert "环境监测" not in key_terms(head + "严格排污许可证核发，开展环境监测。" * 2000)
