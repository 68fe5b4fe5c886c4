"""The gazetteer against the GB/T 2260 data itself: every unit found by its whole name, never
by a prefix another unit shares; codes that nest as the standard says; former names in time."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policygraph.extract.gazetteer import Division, division_of, load, province_of

GAZ = load()
CURRENT = [d for d in GAZ.divisions if d.until is None and not d.special]
COUNTIES = [d for d in CURRENT if d.level == "county"]
NAMES = Counter(d.name for d in CURRENT)
NOW = "2024-01-01"


def test_the_three_levels_are_all_there() -> None:
    levels = Counter(d.level for d in CURRENT)
    # 31 provinces and the three other regions; ~333 prefecture- and ~2,850 county-level units
    # in jionlp's file (its extra county-level units are development zones with codes).
    assert levels["province"] == 34
    assert 330 <= levels["prefecture"] <= 340
    assert 2850 <= levels["county"] <= 3050


@pytest.mark.parametrize(
    ("jurisdiction", "code"),
    [("浙江省金华市东阳市", "330783"), ("贵州省毕节市七星关区", "520502"), ("北京市海淀区", "110108"),
     ("河南省安阳市林州市", "410581"), ("河南省南阳市镇平县", "411324"), ("广东省江门市", "440700"),
     ("内蒙古自治区锡林郭勒盟", "152500"), ("湖北省神农架林区", "429021"), ("河南省济源市", "419001"),
     ("上海市", "310000"), ("吉林省延边朝鲜族自治州", "222400")],
)
def test_known_codes(jurisdiction: str, code: str) -> None:
    d = division_of(jurisdiction)
    assert d is not None and d.code == code


def test_codes_nest_as_gbt_2260_says() -> None:
    # A unit's code starts with its province's two digits; a county's under a prefecture with
    # the prefecture's four, unless it moved and kept its code (公主岭市, 四平 → 长春 in 2020).
    by_code = GAZ.by_code
    moved = set()
    for d in CURRENT:
        if d.parent is None:
            assert d.code.endswith("0000"), d
            continue
        parent = by_code[d.parent]
        assert d.code[:2] == parent.code[:2], d
        if parent.level == "prefecture" and d.code[:4] != parent.code[:4]:
            moved.add(d.name)
    assert moved == {"公主岭市"}


def test_every_county_resolves_from_its_full_name_to_its_own_code_and_province() -> None:
    # as of a date after the last change of the log, when no former name is in use
    for d in COUNTIES:
        alone = GAZ.locate(d.name + "人民政府", on=NOW)
        assert alone is not None and d in alone.candidates, d
        if NAMES[d.name] == 1:
            assert alone.division == d, (d, alone.evidence)
        else:
            assert (alone.division is None and alone.level is not None) or alone.division == d
        full = GAZ.locate(d.jurisdiction + "人民政府", on=NOW)
        assert full is not None and full.division is not None, d
        assert (full.division.code, full.division.province) == (d.code, d.province), (d, full.evidence)


def test_every_jurisdiction_string_names_its_division() -> None:
    for d in CURRENT:
        assert division_of(d.jurisdiction) == d


@pytest.mark.parametrize(
    ("text", "jurisdiction"),
    [("镇平县人民政府", "河南省南阳市镇平县"), ("盐亭县人民政府", "四川省绵阳市盐亭县"),
     ("济宁市人民政府", "山东省济宁市"), ("中华人民共和国", None), ("镇江人民政府", "江苏省镇江市")],
)
def test_no_prefix_matching(text: str, jurisdiction: str | None) -> None:
    found = GAZ.locate(text)
    assert (found.division.jurisdiction if found and found.division else None) == jurisdiction


def test_names_several_units_share() -> None:
    alone = GAZ.locate("鼓楼区人民政府")
    assert alone is not None and alone.division is None and alone.level == "county"
    assert len(alone.candidates) == 4
    placed = GAZ.locate("鼓楼区人民政府", provinces={"河南省"})
    assert placed is not None and placed.division is not None
    assert placed.division.jurisdiction == "河南省开封市鼓楼区"
    # two of the four in one province: the province is known, the county is not
    jiangsu = GAZ.locate("鼓楼区人民政府", provinces={"江苏省"})
    assert jiangsu is not None and jiangsu.division is None and jiangsu.province == "江苏省"


def test_former_names() -> None:
    before = GAZ.locate("襄樊市人民政府", on="2009-06-01")
    assert before is not None and before.division is not None
    assert (before.division.code, before.division.until) == ("420600", "2010-12-09")
    assert GAZ.locate("襄樊市人民政府", on="2011-01-01") is None
    county = GAZ.locate("宁乡县人民政府", on="2016-01-01")
    assert county is not None and county.division is not None
    assert county.division.code == GAZ.locate("宁乡市人民政府").division.code  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("organ", "on", "jurisdiction", "code"),
    [("莱芜市人民代表大会常务委员会", "2015-06-01", "山东省莱芜市", "370100"),  # into 济南 in 2019
     ("毕节地区行政公署", "2008-01-01", "贵州省毕节地区", "520500"),
     ("思茅市人民政府", "2005-01-01", "云南省思茅市", "530800")],
)
def test_former_prefectures_the_log_lacks(organ: str, on: str, jurisdiction: str, code: str) -> None:
    found = GAZ.locate(organ, on=on)
    assert found is not None and found.division is not None
    assert (found.division.jurisdiction, found.division.code) == (jurisdiction, code)
    assert GAZ.locate(organ, on=NOW) is None


@pytest.mark.parametrize(
    ("organ", "on", "jurisdiction", "level"),
    [("巢湖市人民政府", "2008-03-01", "安徽省巢湖市", "municipal"),  # the prefecture, abolished 2011-08-22
     ("巢湖市财政局", "2011-08-21", "安徽省巢湖市", "municipal"),
     ("居巢区人民政府", "2010-05-01", "安徽省巢湖市居巢区", "county"),
     ("巢湖市人民政府", "2011-08-22", "安徽省合肥市巢湖市", "county"),  # 居巢区 renamed, under 合肥市
     ("巢湖市人民政府", "2020-03-01", "安徽省合肥市巢湖市", "county"),
     ("巢湖市人民政府", None, "安徽省合肥市巢湖市", "county")],  # undated: the name as used now
)
def test_a_name_reused_by_another_unit(organ: str, on: str | None, jurisdiction: str, level: str) -> None:
    found = GAZ.locate(organ, on=on)
    assert found is not None and found.division is not None, found
    assert (found.division.jurisdiction, found.division.policy_level) == (jurisdiction, level)


def test_an_abolished_prefecture_keeps_its_own_code() -> None:
    d = division_of("安徽省巢湖市")
    assert d is not None and (d.code, d.until, d.parent) == ("341400", "2011-08-22", "340000")
    assert GAZ.locate("居巢区人民政府", on=NOW) is None


def test_special_areas_hang_from_their_parents() -> None:
    for d in GAZ.divisions:
        if d.special:
            assert d.parent in GAZ.by_code and GAZ.by_code[d.parent].province == d.province, d


# -- property: a place found is a place named whole ------------------------------------------

_PIECES = st.sampled_from([*sorted({*NAMES, *(d.short for d in CURRENT)})[::7], "人民政府", "办公室", "关于", "委员会", "和", "县", "市", "区", "省", "中共"])


def _names_of(d: Division) -> set[str]:
    """A unit's names as written: full, short, an autonomous unit's short name with its kind."""
    variants = {d.name, d.short}
    for kind, word in (("自治州", "州"), ("自治县", "县"), ("自治旗", "旗")):
        if d.name.endswith(kind):
            variants.add(d.short + word)
    return variants


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=6))
def test_what_is_found_is_named_whole(pieces: list[str]) -> None:
    text = "".join(pieces)
    found = GAZ.locate(text)
    if found is None:
        return
    named = text[found.start:found.end]
    for d in found.candidates:
        # the last name of the chain is one of the unit's names, written whole in the text
        assert any(named.endswith(v) for v in _names_of(d)), (text, d)


@pytest.mark.parametrize(
    ("jurisdiction", "province"),
    [("浙江省金华市东阳市", "浙江省"), ("北京市海淀区", "北京市"), ("重庆市", "重庆市"),
     ("安徽省巢湖市", "安徽省"), ("内蒙古自治区鄂尔多斯市鄂托克旗", "内蒙古自治区"),
     ("中华人民共和国", "中华人民共和国"), ("江苏省苏州工业园区", "江苏省"), ("某地", None), (None, None)],
)
def test_the_province_of_a_jurisdiction(jurisdiction: str | None, province: str | None) -> None:
    assert province_of(jurisdiction) == province
