"""Issuer codes and organ names → authority, jurisdiction, level; unknown beats a wrong guess."""

from __future__ import annotations

import pytest

from policygraph.models import Authority


@pytest.mark.parametrize(
    ("code", "name", "jurisdiction", "level"),
    [
        ("中发", "中共中央", "中华人民共和国", "national"),
        ("中办发", "中共中央办公厅", "中华人民共和国", "national"),
        ("国发", "国务院", "中华人民共和国", "national"),
        ("国办发", "国务院办公厅", "中华人民共和国", "national"),
        ("国函", "国务院", "中华人民共和国", "national"),
        ("国办函", "国务院办公厅", "中华人民共和国", "national"),
        ("劳社部发", "劳动和社会保障部", "中华人民共和国", "national"),
        ("人社部发", "人力资源和社会保障部", "中华人民共和国", "national"),
        ("粤府", "广东省人民政府", "广东省", "provincial"),
        ("粤府办", "广东省人民政府办公厅", "广东省", "provincial"),
        ("粤办发", "中共广东省委办公厅", "广东省", "provincial"),
        ("川府发", "四川省人民政府", "四川省", "provincial"),
        ("川办发", "四川省人民政府办公厅", "四川省", "provincial"),
        ("赣府厅发", "江西省人民政府办公厅", "江西省", "provincial"),
        ("内政发", "内蒙古自治区人民政府", "内蒙古自治区", "provincial"),
        ("苏政发", "江苏省人民政府", "江苏省", "provincial"),
        ("苏发", "中共江苏省委", "江苏省", "provincial"),
        ("苏府", "苏州市人民政府", "江苏省苏州市", "municipal"),
        ("连政发", "连云港市人民政府", "江苏省连云港市", "municipal"),
        ("大政发", "大连市人民政府", "辽宁省大连市", "municipal"),
        ("江府", "江门市人民政府", "广东省江门市", "municipal"),
        ("穗府办", "广州市人民政府办公厅", "广东省广州市", "municipal"),
    ],
)
def test_codes_in_the_table(table, code: str, name: str, jurisdiction: str, level: str) -> None:  # type: ignore[no-untyped-def]
    a = table.resolve(code)
    assert (a.name, a.jurisdiction, a.level) == (name, jurisdiction, level)
    assert a.evidence


@pytest.mark.parametrize("province", ["北京市", "江苏省", "广东省", "西藏自治区", "新疆维吾尔自治区"])
def test_every_province_has_its_codes(table, province: str) -> None:  # type: ignore[no-untyped-def]
    region = next(r for r in table.regions if r.name == province)
    abbr = region.abbrs[0]
    gov = f"{abbr}政发" if region.gov == "政" else f"{abbr}府发"
    assert table.resolve(gov).jurisdiction == province
    assert table.resolve(f"{abbr}发").level == "provincial"


def test_all_31_provinces_are_in_the_table(table) -> None:  # type: ignore[no-untyped-def]
    assert sum(1 for r in table.regions if r.kind == "province") == 31


def test_ambiguous_code_needs_evidence(table) -> None:  # type: ignore[no-untyped-def]
    # 宁 is 南京 (江苏) and 宁夏: without evidence, unknown; with 江苏 evidence, 南京.
    alone = table.resolve("宁政发")
    assert alone.jurisdiction is None and "ambiguous" in alone.evidence
    assert table.resolve("宁政发", context={"江苏省"}).jurisdiction == "江苏省南京市"
    assert table.resolve("宁政发", context={"宁夏回族自治区"}).jurisdiction == "宁夏回族自治区"


def test_default_abbreviation_alone_gives_level_not_city(table) -> None:  # type: ignore[no-untyped-def]
    # 芜 is only the default abbreviation of 芜湖: the level is sure, the city is not.
    a = table.resolve("芜政发")
    assert (a.level, a.jurisdiction) == ("municipal", None)
    assert table.resolve("芜政发", context={"安徽省"}).jurisdiction == "安徽省芜湖市"


def test_years_a_code_was_in_use(table) -> None:  # type: ignore[no-untyped-def]
    in_use = table.resolve("劳社部发", 2003)
    anachronism = table.resolve("劳社部发", 2015)
    assert anachronism.confidence < in_use.confidence
    assert "in use" in anachronism.evidence


def test_learned_codes_win(table) -> None:  # type: ignore[no-untyped-def]
    learned = {"宁政发": Authority(code="宁政发", name="南京市人民政府", jurisdiction="江苏省南京市",
                                 level="municipal", province="江苏省", confidence=0.9,
                                 evidence="宁政发〔2022〕15号 issued by 南京市人民政府")}
    assert table.resolve("宁政发", learned=learned).jurisdiction == "江苏省南京市"


def test_unknown_code_is_unknown(table) -> None:  # type: ignore[no-untyped-def]
    a = table.resolve("某某某")
    assert (a.level, a.jurisdiction) == (None, None)


@pytest.mark.parametrize(
    ("name", "jurisdiction", "level"),
    [
        ("中共江门市委办公室", "广东省江门市", "municipal"),
        ("广东省人民政府办公厅", "广东省", "provincial"),
        ("中华人民共和国国务院办公厅", "中华人民共和国", "national"),
        ("人力资源和社会保障部", "中华人民共和国", "national"),
        ("吉林市人民政府", "吉林省吉林市", "municipal"),
        ("吉林省人民政府", "吉林省", "provincial"),
        ("上海市人民政府", "上海市", "provincial"),
    ],
)
def test_organ_names(table, name: str, jurisdiction: str, level: str) -> None:  # type: ignore[no-untyped-def]
    a = table.authority_of_name(name)
    assert (a.jurisdiction, a.level) == (jurisdiction, level)


def test_orders_resolve_by_organ_name(table) -> None:  # type: ignore[no-untyped-def]
    assert table.resolve("国家安全部令").level == "national"
    assert table.resolve("广东省人民政府令").jurisdiction == "广东省"


@pytest.mark.parametrize(
    ("name", "jurisdiction", "level"),
    [
        # county level, with its prefecture and province from the gazetteer
        ("东阳市人民政府", "浙江省金华市东阳市", "county"),
        ("中共七星关区委", "贵州省毕节市七星关区", "county"),
        ("镇平县人民政府", "河南省南阳市镇平县", "county"),  # not 镇江市
        ("盐亭县人民代表大会常务委员会", "四川省绵阳市盐亭县", "county"),  # not 盐城市
        ("济宁市人民政府", "山东省济宁市", "municipal"),  # not 济南市
        ("北京市海淀区人民政府", "北京市海淀区", "county"),
        ("南京市鼓楼区人民政府", "江苏省南京市鼓楼区", "county"),
        # prefecture-level units that are not 市
        ("延边朝鲜族自治州人民政府", "吉林省延边朝鲜族自治州", "municipal"),
        ("锡林郭勒盟行政公署", "内蒙古自治区锡林郭勒盟", "municipal"),
        ("大理州人民政府", "云南省大理白族自治州", "municipal"),
        # special areas
        ("河北雄安新区管理委员会", "河北省雄安新区", "municipal"),
        ("重庆两江新区管理委员会", "重庆市两江新区", "county"),
        ("天津市人民代表大会常务委员会", "天津市", "provincial"),
        # national organs, unless they name a place
        ("国家市场监督管理总局", "中华人民共和国", "national"),
        ("中国证券监督管理委员会", "中华人民共和国", "national"),
        ("国家税务总局江门市税务局", "广东省江门市", "municipal"),
    ],
)
def test_organ_names_by_whole_name(table, name: str, jurisdiction: str, level: str) -> None:  # type: ignore[no-untyped-def]
    a = table.authority_of_name(name)
    assert (a.jurisdiction, a.level) == (jurisdiction, level), a.evidence


def test_a_name_several_units_share_needs_evidence(table) -> None:  # type: ignore[no-untyped-def]
    # 鼓楼区 is in 南京, 徐州, 开封 and 福州: the level is known, the place only with a province.
    alone = table.authority_of_name("鼓楼区人民政府")
    assert (alone.level, alone.jurisdiction) == ("county", None)
    assert table.authority_of_name("鼓楼区人民政府", {"福建省"}).jurisdiction == "福建省福州市鼓楼区"


def test_a_short_name_never_overrides_the_province_of_the_evidence(table) -> None:  # type: ignore[no-untyped-def]
    assert table.authority_of_name("林州人民政府").jurisdiction == "河南省安阳市林州市"
    assert table.authority_of_name("林州人民政府", {"江苏省"}).jurisdiction is None


def test_former_names_hold_for_their_time(table) -> None:  # type: ignore[no-untyped-def]
    assert table.authority_of_name("襄樊市人民政府", on="2005-03-01").jurisdiction == "湖北省襄樊市"
    assert table.authority_of_name("襄樊市人民政府", on="2015-03-01").jurisdiction is None


@pytest.mark.parametrize(
    ("title", "jurisdiction", "level"),
    [
        ("安阳市林州红旗渠保护条例", "河南省安阳市", "municipal"),  # the city's regulation about a canal in 林州
        ("上海市浦东新区市场主体登记确认制若干规定", "上海市", "provincial"),
        ("上海口岸服务条例", "上海市", "provincial"),
        ("重庆市物业管理条例", "重庆市", "provincial"),
        ("浙江省景宁畲族自治县自治条例", "浙江省丽水市景宁畲族自治县", "county"),
        ("深圳经济特区物业管理条例", "广东省深圳市", "municipal"),
        ("河北雄安新区条例", "河北省", "provincial"),
        ("中华人民共和国土地管理法", "中华人民共和国", "national"),
        ("潍坊市城市绿化条例", "山东省潍坊市", "municipal"),
    ],
)
def test_title_openings(table, title: str, jurisdiction: str, level: str) -> None:  # type: ignore[no-untyped-def]
    a = table.place_at_start(title)
    assert a is not None and (a.jurisdiction, a.level) == (jurisdiction, level), a and a.evidence


@pytest.mark.parametrize("title", ["关于进一步做好就业工作的通知", "黄山风景名胜区管理条例", "武夷山国家公园条例"])
def test_titles_that_name_no_place_at_their_start(table, title: str) -> None:  # type: ignore[no-untyped-def]
    # 黄山 and 武夷山 are short names (黄山市, 武夷山市) of the subject, not an issuer.
    assert table.place_at_start(title) is None


def test_a_city_short_name_opens_a_title_only_with_its_province_confirmed(table) -> None:  # type: ignore[no-untyped-def]
    assert table.place_at_start("宁波杭州湾新区条例") is None
    a = table.place_at_start("宁波杭州湾新区条例", {"浙江省"})
    assert a is not None and (a.jurisdiction, a.level) == ("浙江省宁波市", "municipal")
    assert table.place_at_start("宁波杭州湾新区条例", {"江苏省"}) is None
    assert table.place_at_start("井冈山革命遗址保护条例", {"江西省"}) is None  # a county's short name


def test_every_region_of_the_code_table_is_a_division(table) -> None:  # type: ignore[no-untyped-def]
    for region in table.regions:
        d = table.places.division_of(region.jurisdiction)
        assert d is not None and d.level != "county" and d.province == region.province, region.name
