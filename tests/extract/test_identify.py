"""One part identified: an order (令) takes the title of the text it promulgates, whoever signs it."""

from __future__ import annotations

import pytest

from policygraph.extract.metadata import promulgated_title

from ..conftest import record_of

ORDERS = [
    ("中华人民共和国主席令\n第三十一号\n", "《中华人民共和国某某法》已由中华人民共和国第十三届全国人民代表大会常务委员会第二十次会议"
     "于2020年6月20日通过，现予公布，自2021年1月1日起施行。\n中华人民共和国主席　某某\n",
     "中华人民共和国某某法", ("全国人民代表大会常务委员会",), "law"),
    ("中华人民共和国主席令\n第五十号\n", "《中华人民共和国某某法》已由中华人民共和国第十三届全国人民代表大会第三次会议"
     "于2020年5月28日通过，现予公布，自2021年1月1日起施行。\n中华人民共和国主席　某某\n",
     "中华人民共和国某某法", ("全国人民代表大会",), "law"),
    ("中华人民共和国国务院令\n第752号\n", "《某某保护补偿条例》已经2024年4月3日国务院第28次常务会议通过，现予公布，"
     "自2024年6月1日起施行。\n总理　某某\n", "某某保护补偿条例", ("国务院",), "administrative_regulation"),
    ("某甲省人民政府令\n第288号\n", "《某甲省安全生产监督管理若干规定》已经2021年11月5日某甲省人民政府第十三届154次常务会议"
     "通过，现予公布，自2022年1月1日起施行。\n省长　某某\n", "某甲省安全生产监督管理若干规定", ("某甲省人民政府",),
     "local_government_rule"),
    ("中华人民共和国财政部令\n第100号\n", "《政府采购某某办法》已经部务会议审议通过，现予公布，自2020年5月1日起施行。\n"
     "部长　某某\n", "政府采购某某办法", ("财政部",), "departmental_rule"),
]


@pytest.mark.parametrize(("head", "opening", "title", "issuers", "rank"), ORDERS)
def test_an_order_takes_the_title_of_the_text_it_promulgates(head: str, opening: str, title: str,
                                                            issuers: tuple[str, ...], rank: str) -> None:
    rec = record_of(head + opening + "2020年3月20日\n")
    assert (rec.title, rec.issuers, rec.rank) == (title, issuers, rank)
    assert rec.evidence["title"] == "the text the order promulgates"
    assert all(c.title != title for c in rec.citations)  # not a citation of its own


@pytest.mark.parametrize(("body", "title"), [
    ("《某某条例》已经2018年9月6日国务院第23次常务会议修订通过，现将修订后的《某某条例》公布，自2019年3月1日起施行。",
     "某某条例"),
    ("现将《某某规定》予以公布，自公布之日起施行。", "某某规定"),
    ("《国务院关于修改〈某某条例〉的决定》已经2020年3月1日国务院第80次常务会议通过，现予公布，自公布之日起施行。",
     "国务院关于修改〈某某条例〉的决定"),
    ("《某某市人民政府关于修改《某某市某某办法》的决定》已经市人民政府第5次常务会议通过，现予公布。",
     "某某市人民政府关于修改〈某某市某某办法〉的决定"),
    ("《某某办法》已经省人民政府同意，现予发布，自2020年5月1日起施行。", "某某办法"),
])
def test_the_opening_sentence_names_the_promulgated_text(body: str, title: str) -> None:
    assert promulgated_title(body, 0, len(body)) == title


def test_a_title_cited_in_a_later_sentence_is_not_promulgated() -> None:
    body = "为了加强管理，根据《某某法》，制定本办法。本办法自2020年5月1日起施行，现予公布。"
    assert promulgated_title(body, 0, len(body)) is None


@pytest.mark.parametrize(("head", "issuers"), [
    ("中共中央办公厅 国务院办公厅", ("中共中央办公厅", "国务院办公厅")),
    ("财政部 税务总局", ("财政部", "税务总局")),
    ("国家发展改革委　财政部　自然资源部", ("国家发展改革委", "财政部", "自然资源部")),
    ("中共南京市委 南京市人民政府", ("中共南京市委", "南京市人民政府")),
    ("湖南省教育厅 湖南省财政厅", ("湖南省教育厅", "湖南省财政厅")),
    ("湖北省人民政府办公厅", ("湖北省人民政府办公厅",)),  # 办公厅 is not an organ on its own
    ("国务院扶贫开发领导小组办公室", ("国务院扶贫开发领导小组办公室",)),
    ("南京市公安局交通管理局", ("南京市公安局交通管理局",)),
])
def test_organs_a_title_runs_together_are_told_apart(head: str, issuers: tuple[str, ...]) -> None:
    rec = record_of(head + "关于加强某项工作的通知\n某字〔2020〕12号\n\n各有关单位：\n　　现通知如下。\n\n2020年3月1日\n")
    assert rec.issuers == issuers
