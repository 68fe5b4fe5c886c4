"""Document numbers: every written variant, the canonical form, and no false positives."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policygraph.extract.normalize import normalize
from policygraph.extract.numbers import chinese_to_int, find_numbers, parse, parse_canonical
from policygraph.models import DocNumber


def found(text: str, table) -> list[str]:  # type: ignore[no-untyped-def]
    return [m.number.canonical for m in find_numbers(normalize(text).text, table.is_known)]


@pytest.mark.parametrize(
    "written",
    [
        "国办发〔2003〕40号",
        "国办发[2003]40号",
        "国办发［2003］40号",
        "国办发(2003)40号",
        "国办发（2003）40号",
        "国办发【2003】40号",
        "国办发﹝2003﹞40号",
        "国办发〔2003〕第40号",
        "国办发〔2003〕40號",
        "國辦發〔2003〕40號",
        "国办发 〔2003〕 40 号",
        "国 办 发〔2003〕40号",
        "国办发〔２００３〕４０号",
        "國辦發(fā)〔2003〕40號",
    ],
)
def test_every_variant_has_one_canonical_form(written: str, table) -> None:  # type: ignore[no-untyped-def]
    assert found(written, table) == ["国办发〔2003〕40号"]


def test_pinyin_inside_a_number(table) -> None:  # type: ignore[no-untyped-def]
    assert found("連政發(fā)〔2003〕97號", table) == ["连政发〔2003〕97号"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("根据国办发〔2003〕40号精神", ["国办发〔2003〕40号"]),
        ("按照江办发[2004]4号文件和全国", ["江办发〔2004〕4号"]),
        ("对符合市政府办公室连政办发[2002]132号文件规定", ["连政办发〔2002〕132号"]),
        ("（中发〔2002〕12号，以下简称《通知》）", ["中发〔2002〕12号"]),
        ("（国发〔2015〕23号、国发〔2015〕32号）", ["国发〔2015〕23号", "国发〔2015〕32号"]),
        ("2019年12月1日国发〔2019〕5号", ["国发〔2019〕5号"]),
        ("现将国务院办公厅国办发〔2003〕40号转发给你们", ["国办发〔2003〕40号"]),
        ("（教职成〔2018〕8号）收悉", ["教职成〔2018〕8号"]),
    ],
)
def test_prose_is_cut_off_the_issuer_code(text: str, expected: list[str], table) -> None:  # type: ignore[no-untyped-def]
    assert found(text, table) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A place's abbreviation glued to a code the table knows makes a local code of it.
        ("宜财农〔2018〕21号", ["宜财农〔2018〕21号"]),
        ("根据昆财农〔2018〕21号", ["昆财农〔2018〕21号"]),
        ("宜良财农〔2018〕21号", ["宜良财农〔2018〕21号"]),
        ("（杭教职成〔2019〕3号）", ["杭教职成〔2019〕3号"]),
        # An organ's name or three characters of prose before the code are cut off.
        ("省财政厅财农〔2018〕21号", ["财农〔2018〕21号"]),
        ("财政部财农〔2018〕21号", ["财农〔2018〕21号"]),
        ("市农业局财农〔2018〕21号", ["财农〔2018〕21号"]),
        ("湖北省财农〔2018〕21号", ["财农〔2018〕21号"]),
    ],
)
def test_a_place_abbreviation_stays_on_the_code(text: str, expected: list[str], table) -> None:  # type: ignore[no-untyped-def]
    assert found(text, table) == expected


@given(left=st.text(alphabet="宜昆杭沭甬穗嘉", min_size=1, max_size=2),
       code=st.sampled_from(["财农", "财税", "教职成", "农经发", "民发"]))
@settings(max_examples=100, deadline=None)
def test_abbreviation_and_known_code_stay_one_code(left: str, code: str) -> None:
    from policygraph.extract.authorities import load_table

    assert found(f"按照{left}{code}〔2018〕5号执行", load_table()) == [f"{left}{code}〔2018〕5号"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("根据国务院令第588号", ["国务院令第588号"]),
        ("中华人民共和国国务院令\n 第706号", ["国务院令第706号"]),
        ("国令第706号", ["国务院令第706号"]),
        ("（人力资源和社会保障部令第18号）", ["人力资源和社会保障部令第18号"]),
        ("中华人民共和国主席令第十二号", ["主席令第12号"]),
        ("财政部令（第20号）", ["财政部令第20号"]),
    ],
)
def test_orders(text: str, expected: list[str], table) -> None:  # type: ignore[no-untyped-def]
    assert found(text, table) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2003年第4季度",
        "（2003年）",
        "全年安排资金（2003）100万元",
        "[2003]40号",  # no issuer code: not a number
        "文件(2003)第四号",
        "预计2025年完成投资3000万元，其中第一期（2023）1500万元",
        "通知(2003)4号",
        "指令第3号",  # 指令 is not an organ
    ],
)
def test_no_false_positives(text: str, table) -> None:  # type: ignore[no-untyped-def]
    assert found(text, table) == []


def test_impossible_years_are_reported_not_cited(table) -> None:  # type: ignore[no-untyped-def]
    warnings: list[str] = []
    text = normalize("根据国发〔2999〕1号和国发〔1850〕2号").text
    assert list(find_numbers(text, table.is_known, warnings)) == []
    assert len(warnings) == 2 and "国发〔2999〕1号" in warnings[0]


def test_parse_and_canonical_round_trip() -> None:
    assert parse("粤府办（2003）第60号") == DocNumber("粤府办", 2003, 60)
    assert parse("这不是文号") is None
    assert parse_canonical("国务院令第588号") == DocNumber("国务院令", None, 588)
    assert parse_canonical("国办发〔2003〕40号") == DocNumber("国办发", 2003, 40)


def test_chinese_numerals() -> None:
    assert chinese_to_int("十二") == 12
    assert chinese_to_int("一百零五") == 105
    assert chinese_to_int("二〇〇三") == 2003
    assert chinese_to_int("三十一") == 31
    assert chinese_to_int("abc") is None


CODE = st.text(alphabet="国办发中苏粤辽政府函劳社部财税连江淮宁人", min_size=2, max_size=5)


@given(code=CODE, year=st.integers(1949, 2099), serial=st.integers(1, 99999))
@settings(max_examples=300, deadline=None)
def test_canonical_numbers_round_trip(code: str, year: int, serial: int) -> None:
    number = DocNumber(code, year, serial)
    assert parse_canonical(number.canonical) == number
    # Found in running text, a canonical number comes back as itself.
    text = f"（{number.canonical}）"
    got = [m.number for m in find_numbers(text)]
    assert got == [number]


@given(st.text(max_size=300))
@settings(max_examples=400, deadline=None)
def test_never_crashes_on_any_text(text: str) -> None:
    for m in find_numbers(normalize(text).text):
        assert 1949 <= (m.number.year or 1949) <= 2099
        assert m.start < m.end


@given(st.text(alphabet="〔〕[]（）()号第令年0123456789国办发 ", max_size=200))
@settings(max_examples=400, deadline=None)
def test_never_crashes_on_bracket_soup(text: str) -> None:
    for m in find_numbers(text):  # what is found is a number, at a span of the text
        assert 0 <= m.start < m.end <= len(text)
        assert parse_canonical(m.number.canonical) == m.number


def test_further_serials_of_the_same_code_and_year(table) -> None:  # type: ignore[no-untyped-def]
    assert found("按照国发〔2015〕23号、32号文件精神", table) == ["国发〔2015〕23号", "国发〔2015〕32号"]
    assert found("国发〔2015〕23号和第32号", table) == ["国发〔2015〕23号", "国发〔2015〕32号"]
    # A serial followed by its own bracket is the start of another number, not a continuation.
    assert found("国发〔2015〕23号、苏政发〔2016〕1号", table) == ["国发〔2015〕23号", "苏政发〔2016〕1号"]


def test_a_number_in_a_table_s_cell_takes_no_word_of_the_cell_before() -> None:
    # 发文字号<tab>某府发〔2021〕5号: an HTML table's row, its cells separated by a tab
    for label in ("发文字号", "文号", "序号"):
        assert [n.raw for n in find_numbers(f"{label}\t某府发〔2021〕5号")] == ["某府发〔2021〕5号"]
    assert [n.raw for n in find_numbers("序号\t国务院令第588号")] == ["国务院令第588号"]
