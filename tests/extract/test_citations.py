"""Citations: by number, by title, by alias; each relation verb; evidence and self-citation."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policygraph.extract.citations import extract_citations, find_titles
from policygraph.extract.normalize import normalize
from policygraph.extract.numbers import find_numbers

from ..conftest import record_of

HEAD = "某某市人民政府关于做好有关工作的通知\n某政发〔2020〕1号\n\n各区人民政府，市各委办局：\n"


def cites(body: str) -> list[tuple[str | None, str, str | None]]:
    rec = record_of(HEAD + body)
    return [(c.number, c.relation, c.title) for c in rec.citations]


@pytest.mark.parametrize(
    ("sentence", "relation"),
    [
        ("现将《国务院办公厅关于做好某项工作的通知》（国办发〔2019〕5号）转发给你们，请认真贯彻执行。", "forwards"),
        ("现将《某某工作实施方案》（国办发〔2019〕5号）印发给你们，请认真组织实施。", "issues"),
        ("为贯彻《国务院办公厅关于做好某项工作的通知》（国办发〔2019〕5号），提出如下意见。", "implements"),
        ("各地要认真落实国办发〔2019〕5号文件要求。", "implements"),
        ("要严格执行《国务院办公厅关于做好某项工作的通知》（国办发〔2019〕5号）。", "cites"),  # compliance
        ("要严格执行《国务院办公厅关于做好某项工作的通知》（国办发〔2019〕5号）精神。", "implements"),
        ("根据《国务院办公厅关于做好某项工作的通知》（国办发〔2019〕5号）精神，结合实际。", "implements"),
        ("按照国办发〔2019〕5号文件的要求，各地要抓紧落实。", "implements"),
        ("依据《国务院办公厅关于做好某项工作的通知》（国办发〔2019〕5号），制定本办法。", "based_on"),
        ("《国务院办公厅关于做好某项工作的通知》（国办发〔2019〕5号）同时废止。", "repeals"),
        ("决定废止《国务院办公厅关于做好某项工作的通知》（国办发〔2019〕5号）。", "repeals"),
        ("对《国务院办公厅关于做好某项工作的通知》（国办发〔2019〕5号）作如下修改：", "amends"),
        ("现决定修订《国务院办公厅关于做好某项工作的通知》（国办发〔2019〕5号）。", "amends"),
        ("符合《国务院办公厅关于做好某项工作的通知》（国办发〔2019〕5号）规定条件的，给予补贴。", "cites"),
        ("参照国办发〔2019〕5号文件执行。", "cites"),
        ("国办发〔2019〕5号文件印发以来，各地积极推进。", "cites"),
        ("为落实领导同志对《国务院办公厅关于做好某项工作的通知》（国办发〔2019〕5号）的批示。", "cites"),
    ],
)
def test_relation_verbs(sentence: str, relation: str) -> None:
    got = cites("　　" + sentence + "\n")
    assert [(n, r) for n, r, _t in got] == [("国办发〔2019〕5号", relation)]


def test_one_verb_governs_a_list_of_citations() -> None:
    got = cites(
        "　　认真贯彻落实《中共中央、国务院关于某事的通知》（中发〔2018〕1号）、"
        "《省委、省政府关于某事的意见》（苏发〔2018〕2号）以及《市委、市政府关于某事的实施意见》"
        "（某发〔2018〕3号）精神，取得明显成效。\n"
    )
    assert [(n, r) for n, r, _t in got] == [
        ("中发〔2018〕1号", "implements"),
        ("苏发〔2018〕2号", "implements"),
        ("某发〔2018〕3号", "implements"),
    ]


def test_alias_is_resolved_within_its_part() -> None:
    rec = record_of(
        HEAD + "　　各地认真贯彻《中共中央、国务院关于某事的通知》（中发〔2018〕1号，以下简称《通知》），"
        "取得成效。\n　　二、各级政府要全面贯彻《通知》精神。\n　　三、《意见》另有规定的除外。\n"
    )
    assert len(rec.citations) == 1
    c = rec.citations[0]
    assert (c.number, c.relation, c.alias, c.mentions) == ("中发〔2018〕1号", "implements", "通知", 2)


def test_alias_defined_without_a_number() -> None:
    rec = record_of(
        HEAD + "　　《某省促进就业条例》（以下简称《条例》）施行以来成效明显。\n"
        "　　二、各地要严格执行《条例》。\n"
    )
    assert [(c.title, c.relation, c.alias) for c in rec.citations] == [
        ("某省促进就业条例", "cites", "条例")  # 执行 without 精神/部署/要求: compliance
    ]


def test_nested_titles_keep_their_inner_brackets() -> None:
    got = cites(
        "　　根据《关于印发〈某市落实〈十项民心工程〉实施方案〉的通知》（某办发〔2004〕4号）精神。\n"
        "　　为贯彻《省委办公厅关于印发《扩大就业工程实施方案》的通知》（粤办发〔2004〕6号）精神。\n"
    )
    assert got == [
        ("某办发〔2004〕4号", "implements", "关于印发〈某市落实〈十项民心工程〉实施方案〉的通知"),
        ("粤办发〔2004〕6号", "implements", "省委办公厅关于印发〈扩大就业工程实施方案〉的通知"),
    ]


def test_titles_that_are_not_documents_are_not_citations() -> None:
    got = cites(
        "　　确保下岗失业人员领到《再就业优惠证》，在《人民日报》刊登，学习《论持久战》。"
        "按照《通知》要求落实。根据《某省职业介绍管理条例》和省财政厅《某省经费管理暂行办法》执行。\n"
    )
    assert got == [
        (None, "cites", "某省职业介绍管理条例"),  # 根据《X》…执行: compliance
        (None, "cites", "某省经费管理暂行办法"),
    ]


def test_a_document_never_cites_itself() -> None:
    rec = record_of(
        HEAD + "　　本通知（某政发〔2020〕1号）自印发之日起施行。某政发〔2020〕1号同时抄送有关单位。\n"
    )
    assert rec.number == "某政发〔2020〕1号"
    assert rec.citations == ()


def test_title_then_number_elsewhere_is_one_citation() -> None:
    rec = record_of(
        HEAD + "　　根据《某省关于促进就业的意见》（某政发〔2019〕9号）精神。"
        "各地要按照《某省关于促进就业的意见》要求抓好落实。\n"
    )
    assert [(c.number, c.mentions) for c in rec.citations] == [("某政发〔2019〕9号", 2)]


def test_evidence_is_the_sentence_and_offsets_are_original() -> None:
    text = HEAD + "　　第一句话。根據《國務院關於某事的通知》（國發(fā)〔2019〕3號）精神，制定本辦法。後面一句。\n"
    rec = record_of(text)
    c = rec.citations[0]
    assert c.evidence == "根据《国务院关于某事的通知》（国发〔2019〕3号）精神，制定本办法。"
    assert text[c.start:c.end] == "《國務院關於某事的通知》（國發(fā)〔2019〕3號）"


def test_embedded_forwarded_document_owns_its_citations() -> None:
    text = (
        "某省人民政府办公厅转发国务院办公厅关于某项工作的通知\n某府办〔2021〕9号\n\n"
        "各市人民政府，省政府各部门：\n"
        "　　现将《国务院办公厅关于某项工作的通知》（国办发〔2021〕30号）转发给你们，请结合实际认真贯彻执行。\n"
        "　　各地要按照《某省安全生产条例》规定抓好落实。\n\n"
        "某省人民政府办公厅\n二〇二一年八月六日\n\n"
        "国务院办公厅关于某项工作的通知\n国办发〔2021〕30号\n\n"
        "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
        "　　为贯彻落实《中共中央、国务院关于某项工作的意见》（中发〔2020〕8号，以下简称《意见》），"
        "现就有关事项通知如下：\n　　一、各地要全面贯彻《意见》精神。\n\n"
        "国务院办公厅\n2021年7月12日\n"
    )
    rec = record_of(text)
    assert rec.number == "某府办〔2021〕9号" and rec.date == "2021-08-06"
    assert [(c.number or c.title, c.relation) for c in rec.citations] == [
        ("国办发〔2021〕30号", "forwards"),
        ("某省安全生产条例", "implements"),
    ]
    (part,) = rec.parts
    assert (part.number, part.level, part.date, part.issuers) == (
        "国办发〔2021〕30号", "national", "2021-07-12", ("国务院办公厅",))
    assert [(c.number, c.relation, c.mentions) for c in part.citations] == [
        ("中发〔2020〕8号", "implements", 2)]


def test_find_titles_is_bounded_on_hostile_nesting() -> None:
    text = "《" * 5000 + "某某" + "》" * 10
    spans = find_titles(text, 0, len(text))
    assert all(e - s <= 200 for s, e in spans)


@given(st.text(alphabet="《》〈〉（）()、，。根据按照转发印发国办发〔2019〕1号通知意见", max_size=300))
@settings(max_examples=300, deadline=None)
def test_citation_extraction_never_crashes(text: str) -> None:
    norm = normalize(text).text
    numbers = list(find_numbers(norm))
    for cit, _m in extract_citations(norm, 0, len(norm), numbers, None, None):
        assert 0 <= cit.start <= cit.end <= len(norm)
        assert cit.relation in {"forwards", "issues", "implements", "cites", "amends", "repeals"}


@pytest.mark.parametrize(("text", "cited"), [
    ("要尽快制定或完善本地区、本部门的《某某应急预案》，增加投入。", set()),
    ("各地、各部门要抓紧完成或完善《某某应急预案》，落实应急机构。", set()),
    ("2018年，国务院制定《某某应急条例》，明确了职责。", {"某某应急条例"}),  # someone's past act: exists
    ("要认真贯彻执行《某某应急条例》。", {"某某应急条例"}),
])
def test_a_document_still_to_be_written_is_not_cited(text: str, cited: set[str]) -> None:
    rec = record_of("某某市人民政府关于做好某某工作的通知\n各区人民政府：\n" + text)
    assert {c.title for c in rec.citations} == cited


@pytest.mark.parametrize("title", ["某某建设实施纲要（2015—2020年）", "某某区总体规划（2018-2035年）",
                                   "某某发展规划（2021－2025年）", "某某安全生产基本条件"])
def test_titles_of_plans_with_their_years_are_documents(title: str) -> None:
    rec = record_of(f"某某市人民政府关于做好某某工作的通知\n各区人民政府：\n要对照《{title}》，逐项落实。\n")
    assert title in {c.title for c in rec.citations}


@pytest.mark.parametrize(("text", "cited"), [
    ("各地要抓紧制定落实《国务院关于做好就业工作的通知》的具体措施。", {"国务院关于做好就业工作的通知"}),
    ("要尽快出台贯彻《中华人民共和国就业促进法》的实施办法。", {"中华人民共和国就业促进法"}),
    ("要完成《某某发展规划》确定的任务。", {"某某发展规划"}),
    ("要尽快制定或完善本地区、本部门的《某某应急预案》，增加投入的资金。", set()),
])
def test_only_a_document_the_verb_makes_is_still_to_be_written(text: str, cited: set[str]) -> None:
    rec = record_of("某某市人民政府关于做好某某工作的通知\n各区人民政府：\n" + text)
    assert {c.title for c in rec.citations} == cited
