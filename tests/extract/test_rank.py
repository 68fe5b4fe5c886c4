"""Rank of legal force (效力级别) from issuer, form and what the header says of the text."""

from __future__ import annotations

import pytest

from policygraph.extract.rank import facts, rank, rules
from policygraph.models import RANKS

from ..conftest import record_of


@pytest.mark.parametrize(
    ("issuers", "title", "header", "expected"),
    [
        (["全国人民代表大会常务委员会"], "中华人民共和国某某法", "", "law"),
        (["全国人民代表大会常务委员会"], "全国人民代表大会常务委员会关于某事的决定", "", "law"),
        ([], "中华人民共和国某某法", "", "law"),
        # a 实施办法 of a law ends with 法 but is not one: approved by the State Council, issued by a ministry
        (["卫生部"], "中华人民共和国某某法实施办法", "approved:国务院;promulgated:卫生部;order:卫生部令",
         "administrative_regulation"),
        (["国务院"], "某某管理条例", "number:国务院令", "administrative_regulation"),
        (["国务院"], "国务院关于职工某事的规定", "promulgated:国务院", "administrative_regulation"),
        (["国务院", "中央军事委员会"], "某某飞行规则", "order:国务院、中央军事委员会令", "administrative_regulation"),
        (["国家市场监督管理总局"], "某某产品责任规定", "promulgated:国家市场监督管理总局;order:国家市场监督管理总局令",
         "departmental_rule"),
        (["上海市人民政府"], "上海市某某管理办法", "number:上海市人民政府令", "local_government_rule"),
        (["上海市人民代表大会常务委员会"], "上海市绿化条例", "adopted:上海市人民代表大会常务委员会", "local_regulation"),
        (["景宁畲族自治县人民代表大会"], "景宁畲族自治县水资源管理条例", "", "autonomous_regulation"),
        (["某某自治区人民代表大会"], "某某自治区某某县自治条例", "", "autonomous_regulation"),
        (["最高人民法院"], "最高人民法院关于某类案件的解释", "", "judicial_interpretation"),
        (["最高人民检察院"], "最高人民检察院关于某事的批复", "", "judicial_interpretation"),
        (["中共中央"], "中国共产党某某工作条例", "", "party_regulation"),
        (["国务院办公厅"], "国务院办公厅关于某事的通知", "", "normative_document"),
        (["国务院"], "国务院关于某事的决定", "", "normative_document"),  # not a 条例/规定 nor by 令
        (["某某市人民政府"], "某某市人民政府关于印发某某方案的通知", "", "normative_document"),
        (["政务院"], "全国年节及纪念日放假办法", "promulgated:政务院", "administrative_regulation"),
        (["公安部"], "某某案件程序规定", "revised:公安部;order:公安部令", "departmental_rule"),
        (["最高人民法院"], "最高人民法院关于内地与某地区相互执行仲裁裁决的安排", "", "judicial_interpretation"),
        ([], "关于某类案件的若干问题", "number:法释", "judicial_interpretation"),
        ([], "某某工作攻略", "", None),
        (["某某有限公司"], "某某公司章程", "", None),
    ],
)
def test_rank_by_issuer_form_and_header(issuers: list[str], title: str, header: str, expected: str | None) -> None:
    got, why = rank(issuers, title, header)
    assert got == expected
    assert bool(why) == (expected is not None)


def test_every_rule_names_a_known_rank_and_says_why() -> None:
    assert rules() and all(r.rank in RANKS and r.why for r in rules())
    assert {r.rank for r in rules()} == set(RANKS)


def test_facts_read_the_order_off_a_promulgation_or_revision_line() -> None:
    assert facts("国务院令", [("promulgated", ("卫生部",), "1991年12月6日 卫生部令第17号发布"),
                              ("approved", ("国务院",), "1991年10月4日 国务院批准"),
                              ("revised", ("公安部",), "2012年12月13日 公安部令第127号修订发布"),
                              ("amended", (), "2020年7月20日 《某部令第9号的决定》修正")]) == (
        "number:国务院令;promulgated:卫生部;order:卫生部令;approved:国务院;revised:公安部;order:公安部令")


def test_a_regulation_record_gets_its_rank_with_evidence() -> None:
    rec = record_of("# 某某市养犬管理条例\n\n2003年8月8日 某某市第十二届人民代表大会常务委员会第六次会议通过\n\n"
                    "第一条 为了加强养犬管理，制定本条例。\n")
    assert rec.rank == "local_regulation" and "people's congress" in rec.evidence["rank"]


def test_a_notice_known_only_by_its_addressee_is_a_normative_document() -> None:
    rec = record_of("各县（区）人民政府，市各委、办、局：\n　　去年以来，我市工作取得成效。现就有关事项通知如下：\n　　一、抓好落实。\n")
    assert (rec.title, rec.issuers, rec.rank) == (None, (), "normative_document")
    assert "addressed" in rec.evidence["rank"]
    assert record_of("　　去年以来，我市工作取得成效，全市上下共同努力。\n").rank is None
