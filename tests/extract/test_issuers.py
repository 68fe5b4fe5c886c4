"""Issuers from every place a page states them: adoption line, letterhead, page field, signature,
the opening of an order; names normalised to the organ."""

from __future__ import annotations

import pytest

from policygraph.extract.document import extract
from policygraph.extract.issuers import apart, organ, placed
from policygraph.extract.read import read_bytes
from policygraph.models import Source

from ..conftest import record_of

BODY = "　　为做好有关工作，现通知如下。\n　　一、各地要抓好落实。\n\n"


@pytest.mark.parametrize(
    ("written", "organs"),
    [
        ("上海市第十二届人民代表大会常务委员会第六次会议", ["上海市人民代表大会常务委员会"]),
        ("第五届全国人民代表大会第二次会议", ["全国人民代表大会"]),
        ("最高人民法院审判委员会第1242次会议", ["最高人民法院"]),
        ("最高人民检察院第十四届检察委员会第二十八次会议", ["最高人民检察院"]),
        ("国务院第203次常务会议", ["国务院"]),
        ("中华人民共和国国务院令第620号", ["国务院"]),
        ("中华人民共和国国务院、中华人民共和国中央军事委员会令第194号", ["国务院", "中央军事委员会"]),
        ("宁波市第十三届人民代表大会常务委员会公告第30号", ["宁波市人民代表大会常务委员会"]),
        ("交通部\n\n水产部", ["交通部", "水产部"]),
        ("市十二届人大常委会", ["市人民代表大会常务委员会"]),
        ("最高人民法院最高人民检察院", ["最高人民法院", "最高人民检察院"]),
        ("为了加强管理", []),
    ],
)
def test_organ_names_lose_their_sessions_and_instruments(written: str, organs: list[str]) -> None:
    assert organ(written) == organs


def test_a_bare_county_body_takes_the_place_its_title_starts_with() -> None:
    assert placed(["县人民代表大会"], "某某畲族自治县水资源管理条例") == ["某某畲族自治县人民代表大会"]
    assert placed(["县人民代表大会"], "某某市水资源管理条例") == ["县人民代表大会"]  # not the same kind of place


def test_adoption_line_of_a_regulation() -> None:
    rec = record_of("# 某某市养犬管理条例\n\n2003年8月8日 上海市第十二届人民代表大会常务委员会第六次会议通过\n\n"
                    "第一条 为了加强养犬管理，制定本条例。\n")
    assert rec.issuers == ("上海市人民代表大会常务委员会",)
    assert "history" in rec.evidence["issuers"]


def test_judicial_interpretation_adopted_by_the_court() -> None:
    rec = record_of("# 关于审理某类案件适用法律若干问题的解释\n\n2002年9月11日 最高人民法院审判委员会第1242次会议通过\n\n"
                    "2002年11月21日 最高人民法院公告公布\n\n为正确审理案件，制定本解释。\n")
    assert rec.issuers == ("最高人民法院",)
    assert (rec.rank, rec.date_publication) == ("judicial_interpretation", "2002-11-21")


def test_letterhead_only() -> None:
    rec = record_of("湖北省人民政府文件\n关于做好某项工作的通知\n鄂政发〔2019〕5号\n各市、州、县人民政府：\n" + BODY)
    assert rec.issuers == ("湖北省人民政府",) and rec.evidence["issuers"] == "letterhead"


def test_placeless_letterhead_is_not_an_issuer() -> None:
    rec = record_of("省政府办公厅文件\n关于做好某项工作的通知\n各市人民政府：\n" + BODY)
    assert rec.issuers == ()


@pytest.mark.parametrize("field", ["发文机关", "发布机构", "制发机关"])
def test_metadata_field_of_the_page(field: str) -> None:
    rec = record_of(f"索引号：000014349/2019-00012\n主题分类：劳动、人事、监察\n{field}：某某省人民政府办公厅\n"
                    "关于做好某项工作的通知\n各市人民政府：\n" + BODY)
    assert rec.issuers == ("某某省人民政府办公厅",) and field[:2] in rec.evidence["issuers"]


def test_signature_block_without_a_title_issuer() -> None:
    rec = record_of("关于做好某项工作的通知\n各区人民政府：\n" + BODY + "某某市人民政府\n2019年3月5日\n")
    assert rec.issuers == ("某某市人民政府",) and rec.date == "2019-03-05"


def test_presidential_order_names_the_congress_that_adopted_the_law() -> None:
    rec = record_of(
        "中华人民共和国主席令\n第二十九号\n\n《中华人民共和国某某法》已由中华人民共和国第十三届全国人民代表大会常务委员会"
        "第十次会议于2019年4月23日修订通过，现予公布，自公布之日起施行。\n\n中华人民共和国主席　某某\n2019年4月23日\n"
    )
    assert rec.issuers == ("全国人民代表大会常务委员会",)
    assert "opening" in rec.evidence["issuers"]
    assert (rec.date, rec.date_publication, rec.date_in_force) == ("2019-04-23", "2019-04-23", "2019-04-23")


def test_state_council_order_is_the_state_councils_administrative_regulation() -> None:
    rec = record_of(
        "中华人民共和国国务院令\n第706号\n\n《某某代理条例》已经2018年9月6日国务院第23次常务会议修订通过，现将修订后的"
        "《某某代理条例》公布，自2019年3月1日起施行。\n　　总理　某某\n2018年11月6日\n"
    )
    assert (rec.number, rec.issuers, rec.rank) == ("国务院令第706号", ("国务院",), "administrative_regulation")
    assert (rec.date, rec.date_publication, rec.date_in_force) == ("2018-11-06", "2018-11-06", "2019-03-01")


def test_a_body_of_another_place_in_a_run_together_header_goes() -> None:
    assert placed(["全国人民代表大会常务委员会", "某某省人民代表大会常务委员会"], "某某省清洁生产促进条例") == [
        "某某省人民代表大会常务委员会"]
    assert placed(["国务院"], "某某省清洁生产促进条例") == ["国务院"]  # nothing of that place: kept


@pytest.mark.parametrize("written", ["2020年03月02日", "2020-03-02", "2020年3月2日", "二〇二〇年三月二日"])
@pytest.mark.parametrize("heading", ["关于做好某项工作的通知", "某某省人民政府关于做好某项工作的通知"])
def test_metadata_table_of_an_html_page(written: str, heading: str) -> None:
    """A site's table puts each field and value in cells of their own, which become lines."""
    page = ("<html><head><title>关于做好某项工作的通知</title></head><body><table>"
            "<tr><td>索引号</td><td>011043/2020-00015</td><td>主题分类</td><td>综合政务</td></tr>"
            f"<tr><td>发文机关</td><td>某某省人民政府</td><td>成文日期</td><td>{written}</td></tr></table>"
            f"<h1>{heading}</h1><p>各市、县人民政府：</p><p>　　为做好有关工作，现通知如下。</p></body></html>")
    (source,) = read_bytes(page.encode("utf-8"), "page.html", "html")
    assert isinstance(source, Source)
    rec = extract(source)
    assert (rec.title, rec.date) == (heading, "2020-03-02")
    assert rec.issuers == ("某某省人民政府",)
    assert rec.evidence["issuers"] == ("发文机关 field of the page" if heading.startswith("关于") else "named in the title")


@pytest.mark.parametrize(("city", "province"), [("某某市", "江苏省"), ("某乙市", "河南省"), ("某某自治州", "云南省")])
def test_the_province_that_only_approves_a_city_regulation_is_not_its_issuer(city: str, province: str) -> None:
    rec = record_of(f"# {city}绿化条例\n\n（2006年6月2日{province}第十届人民代表大会常务委员会第二十三次会议批准）\n\n"
                    "第一条 为了促进绿化，制定本条例。\n")
    assert not any(i.startswith(province) for i in rec.issuers)
    assert rec.jurisdiction != province


def test_a_city_regulation_made_制定_is_the_citys() -> None:
    rec = record_of("# 南京市某某条例\n\n（2006年4月28日南京市第十三届人民代表大会常务委员会第二十三次会议制定　"
                    "2006年6月2日江苏省第十届人民代表大会常务委员会第二十三次会议批准）\n\n第一条 为了管理，制定本条例。\n")
    assert (rec.issuers, rec.jurisdiction, rec.level) == (("南京市人民代表大会常务委员会",), "江苏省南京市", "municipal")


@pytest.mark.parametrize(("order", "meeting", "issuer"), [
    ("某东省人民政府令", "某东省人民政府第十三届154次常务会议", "某东省人民政府"),
    ("某东省人民政府令", "省人民政府第十三届第154次常务会议", "某东省人民政府"),
    ("某南省人民政府令", "省人民政府第60次常务会议", "某南省人民政府"),
    ("某州市人民政府令", "市政府第140次常务会议", "某州市人民政府"),
    ("某州市人民政府令", "市人民政府第十六届四十次常务会议", "某州市人民政府"),
])
def test_the_opening_of_a_government_order_names_its_issuer_whole(order: str, meeting: str, issuer: str) -> None:
    rec = record_of(f"{order}\n第288号\n《某某安全生产若干规定》已经2021年11月5日{meeting}通过，现予公布，"
                    "自2022年1月1日起施行。\n省长　某某\n2021年11月26日\n")
    assert rec.issuers == (issuer,) and "opening" in rec.evidence["issuers"]
    assert (rec.title, rec.rank) == ("某某安全生产若干规定", "local_government_rule")


def test_a_placeless_opening_body_nothing_completes_is_no_issuer() -> None:
    assert organ("市政府第140次常务会议") == ["市人民政府"]
    rec = record_of("公告\n\n《某某规定》已经2021年11月5日省人民政府第60次常务会议通过，现予公布，自2022年1月1日起施行。\n"
                    "2021年11月26日\n")
    assert rec.issuers == ()


def test_apart_splits_only_into_organs_that_stand_on_their_own() -> None:
    national = ("中共中央", "国务院", "财政部", "交通运输部")
    stands = lambda n: n.startswith(national) and not n.endswith("部海事局")  # noqa: E731
    assert apart("中共中央办公厅国务院办公厅", stands) == ["中共中央办公厅", "国务院办公厅"]
    assert apart("财政部国务院办公厅中共中央办公厅", stands) == ["财政部", "国务院办公厅", "中共中央办公厅"]
    assert apart("交通运输部海事局", stands) == ["交通运输部海事局"]  # 海事局 does not stand
    assert apart("某某研究会", stands) == ["某某研究会"]
