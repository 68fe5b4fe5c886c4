"""A document's jurisdiction and level, end to end from text written here: county issuers with
their full path, 直辖市 provincial, names several units share placed only by evidence, a title's
subject never taken for its issuer."""

from __future__ import annotations

import pytest

from policygraph.extract.authorities import load_table
from policygraph.extract.parts import Span
from policygraph.extract.place import Place, _from_self_words, place
from tests.conftest import record_of


def _notice(issuer: str, title_rest: str = "关于做好2020年就业工作的通知", body: str = "") -> str:
    return (f"{issuer}{title_rest}\n\n各有关单位：\n    为做好今年的就业工作，现就有关事项通知如下。{body}\n\n"
            f"{issuer}\n2020年3月1日\n")


@pytest.mark.parametrize(
    ("issuer", "jurisdiction", "level"),
    [
        ("东阳市人民政府", "浙江省金华市东阳市", "county"),
        ("七星关区人民政府", "贵州省毕节市七星关区", "county"),
        ("镇平县人民政府", "河南省南阳市镇平县", "county"),
        ("盐亭县人民政府", "四川省绵阳市盐亭县", "county"),
        ("济宁市人民政府", "山东省济宁市", "municipal"),
        ("北京市人民政府", "北京市", "provincial"),
        ("重庆市人民政府办公厅", "重庆市", "provincial"),
        ("上海市浦东新区人民政府", "上海市浦东新区", "county"),
        ("延边朝鲜族自治州人民政府", "吉林省延边朝鲜族自治州", "municipal"),
    ],
)
def test_issuer_places_the_document(issuer: str, jurisdiction: str, level: str) -> None:
    rec = record_of(_notice(issuer))
    assert (rec.jurisdiction, rec.level) == (jurisdiction, level), rec.parts[0].evidence


def test_a_shared_name_is_placed_by_the_documents_it_cites() -> None:
    # 鼓楼区 is in 南京, 徐州, 开封 and 福州; the notice implements 南京's and 江苏's documents.
    body = "根据《江苏省人民政府关于做好就业工作的通知》（苏政发〔2019〕5号）和《南京市人民政府关于做好就业工作的通知》（宁政发〔2020〕1号）精神，结合我区实际。"
    rec = record_of(_notice("鼓楼区人民政府", body=body))
    assert (rec.jurisdiction, rec.level) == ("江苏省南京市鼓楼区", "county"), rec.parts[0].evidence


def test_a_shared_name_without_evidence_gives_the_level_only() -> None:
    rec = record_of(_notice("鼓楼区人民政府"))
    assert (rec.jurisdiction, rec.level) == (None, "county")


@pytest.mark.parametrize(
    ("title", "jurisdiction", "level"),
    [
        ("安阳市林州红旗渠保护条例", "河南省安阳市", "municipal"),
        ("鹤壁市浚县古城保护条例", "河南省鹤壁市", "municipal"),
        ("上海市浦东新区绿色金融发展若干规定", "上海市", "provincial"),
        ("彭水苗族土家族自治县旅游条例", "重庆市彭水苗族土家族自治县", "county"),
    ],
)
def test_regulation_titles(title: str, jurisdiction: str, level: str) -> None:
    text = f"{title}\n\n第一条 为了加强保护，根据有关法律、法规，结合本地实际，制定本条例。\n第二条 本条例自2021年1月1日起施行。\n"
    rec = record_of(text)
    assert (rec.jurisdiction, rec.level) == (jurisdiction, level), rec.parts[0].evidence


def test_a_municipality_calling_itself_this_city_is_provincial() -> None:
    body = "本市各区应当加强管理。本市有关部门负责实施。"
    found = _from_self_words(Place(), body, {"上海市"})
    assert (found.jurisdiction, found.level) == ("上海市", "provincial")
    assert _from_self_words(Place(), body, {"江苏省"}).level == "municipal"


def test_a_former_name_holds_only_before_its_change() -> None:
    # 莱芜市 went into 济南市 in 2019: a 2019 version of a regulation first adopted by 莱芜市's
    # congress is 济南市's, as its title says.
    text = "济南市钢结构建筑应用促进条例\n\n第一条 为推进建筑产业现代化，制定本条例。\n"
    span = Span(0, len(text), text.index("第一条"), False)
    args = (load_table(), text, span, None, ["莱芜市人民代表大会常务委员会"], [], "济南市钢结构建筑应用促进条例")
    assert place(*args, on="2016-09-21").jurisdiction == "山东省莱芜市"
    assert place(*args, on="2019-02-12").jurisdiction == "山东省济南市"


@pytest.mark.parametrize(
    ("issuer", "code"),
    [
        ("通州区人民政府", "通政发"),  # 北京市通州区 and 南通市通州区; 通 guessed as 南通市
        ("铁东区人民政府", "铁政发"),  # 鞍山市 and 四平市; 铁 guessed as 铁岭市 (辽宁省, as 鞍山)
    ],
)
def test_a_guessed_code_does_not_choose_among_namesakes(issuer: str, code: str) -> None:
    rec = record_of(_notice(issuer).replace("\n\n各有关单位", f"\n{code}〔2020〕12号\n各有关单位", 1))
    assert rec.number == f"{code}〔2020〕12号"
    assert (rec.jurisdiction, rec.level) == (None, "county"), rec.parts[0].evidence


def test_a_guessed_code_leaves_a_namesake_to_other_evidence() -> None:
    body = "根据《北京市人民政府关于做好就业工作的通知》（京政发〔2019〕5号）精神，结合我区实际。"
    text = _notice("通州区人民政府", body=body).replace("\n\n各有关单位", "\n通政发〔2020〕12号\n各有关单位", 1)
    assert (record_of(text).jurisdiction, record_of(text).level) == ("北京市通州区", "county")


@pytest.mark.parametrize("code", ["咸政办发", "咸政发", "宜政发"])
def test_an_unsure_city_code_alone_gives_the_level_and_a_warning(code: str) -> None:
    # 咸 could be 咸宁市 or 咸阳市; 宜 is only the default abbreviation of 宜昌市 (宜宾, 宜春 …).
    text = f"关于加强安全生产工作的通知\n{code}〔2020〕12号\n各有关单位：\n    现通知如下。\n\n2020年3月1日\n"
    rec = record_of(text)
    assert (rec.jurisdiction, rec.level) == (None, "municipal")
    assert any(w.startswith(f"{code}: the issuer code names no one place") for w in rec.warnings), rec.warnings


def test_a_checked_city_code_alone_places_the_document() -> None:
    text = "关于加强安全生产工作的通知\n淮政发〔2020〕12号\n各有关单位：\n    现通知如下。\n\n2020年3月1日\n"
    rec = record_of(text)
    assert (rec.jurisdiction, rec.level, rec.warnings) == ("江苏省淮安市", "municipal", ())
