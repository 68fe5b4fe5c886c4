"""Issuer codes and organ names → authority, jurisdiction, level; unknown beats a wrong guess."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


def _region_of_name_by_definition(table, name: str):  # type: ignore[no-untyped-def]
    """region_of_name as first written: every region tried in the table's order."""
    name = name.removeprefix("中共")
    best = None
    for region in table.regions:
        if region.kind == "city":
            if region.short + "市" in name and (
                best is None or best.kind == "province" or len(region.short) > len(best.short)
            ):
                best = region
        elif best is None and (
            name.startswith(region.name)
            or (name.startswith(region.short) and name[len(region.short):][:1] in "省市自")
        ):
            best = region
    return best


_PIECES = st.sampled_from(["中共", "广东省", "广东", "江门市", "江门", "连云港市", "大连市", "内蒙古", "自治区",
                           "呼和浩特市", "人民政府", "办公厅", "委员会", "市", "省", "县", "区", "苏州市",
                           "江苏省", "北京市", "某某", "公安局", "州市"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=6))
def test_region_of_name_is_the_most_specific_region_named(pieces: list[str]) -> None:
    from policygraph.extract.authorities import load_table

    table = load_table()
    name = "".join(pieces)
    assert table.region_of_name(name) == _region_of_name_by_definition(table, name)


def test_every_city_and_province_names_itself() -> None:
    from policygraph.extract.authorities import load_table

    table = load_table()
    for region in table.regions:
        for name in (region.name + "人民政府", "中共" + region.name + "委员会"):
            assert table.region_of_name(name) == _region_of_name_by_definition(table, name), name
