"""The resolver of what a person types (corpus/lookup.py), on hand-made candidates."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from policygraph.corpus.lookup import (
    Candidate,
    canonical_number,
    graph_candidates,
    record_candidates,
    resolve,
)
from policygraph.models import DocumentRecord

LAW = Candidate("src:laws/lrb_00aa.txt", "《山东省农业机械管理条例》", None, "山东省农业机械管理条例",
                ("laws/lrb_00aa.txt",))
NOTICE = Candidate("国办发〔2003〕40号", "《国务院办公厅关于加快推进再就业工作的通知》（国办发〔2003〕40号）",
                   "国办发〔2003〕40号", "国务院办公厅关于加快推进再就业工作的通知", ("a/01.txt",))
FORWARD = Candidate("粤府办〔2003〕60号", "《转发国务院办公厅关于加快推进再就业工作的通知》（粤府办〔2003〕60号）",
                    "粤府办〔2003〕60号", "转发国务院办公厅关于加快推进再就业工作的通知", ("a/02.txt",))
V1 = Candidate("国务院令第406号@a", "《道路运输条例》（国务院令第406号，2004-04-30原文）", "国务院令第406号",
               "道路运输条例", ("r/2004.txt",))
V2 = Candidate("国务院令第406号@b", "《道路运输条例》（国务院令第406号，2019-03-02修正）", "国务院令第406号",
               "道路运输条例", ("r/2019.txt",))
CITED = Candidate("title:中华人民共和国就业促进法", "《中华人民共和国就业促进法》", None, "中华人民共和国就业促进法")
ALL = [LAW, NOTICE, FORWARD, V1, V2, CITED]


def ids(query: str) -> tuple[tuple[str, ...], str]:
    r = resolve(query, ALL)
    return tuple(c.id for c in r.matches), r.how


def test_each_way_of_naming_a_document() -> None:
    assert ids("src:laws/lrb_00aa.txt") == (("src:laws/lrb_00aa.txt",), "id")
    assert ids("国办发〔2003〕40号") == (("国办发〔2003〕40号",), "id")  # a cited number is its node's id
    for variant in ("国办发[2003]40号", "国办发（2003）40号", "国办发(2003)40号",
                    "国办发〔2003〕第40号", " 国办发 〔2003〕 40 号 ", "國辦發［2003］40號"):
        assert ids(variant) == (("国办发〔2003〕40号",), "number"), variant
    assert ids("lrb_00aa.txt") == (("src:laws/lrb_00aa.txt",), "file")
    assert ids("laws/lrb_00aa.txt") == (("src:laws/lrb_00aa.txt",), "file")
    assert ids("/home/me/corpus/laws/lrb_00aa.txt") == (("src:laws/lrb_00aa.txt",), "file")
    assert ids("《山东省农业机械管理条例》") == (("src:laws/lrb_00aa.txt",), "title")
    assert ids("山东省 农业机械管理条例") == (("src:laws/lrb_00aa.txt",), "title")  # spaces do not count
    assert ids("山东省農業機械") == (("src:laws/lrb_00aa.txt",), "prefix")  # traditional, a beginning
    assert ids("就业促进法") == (("title:中华人民共和国就业促进法",), "substring")
    # the display name itself, pasted back
    assert ids("《转发国务院办公厅关于加快推进再就业工作的通知》（粤府办〔2003〕60号）") == (("粤府办〔2003〕60号",), "title")


def test_an_exact_title_beats_a_longer_one_it_begins() -> None:
    assert ids("国务院办公厅关于加快推进再就业工作的通知") == (("国办发〔2003〕40号",), "title")


def test_several_matches_are_all_returned_for_the_person_to_choose() -> None:
    assert ids("国令第406号") == (("国务院令第406号@a", "国务院令第406号@b"), "number")
    assert ids("道路运输条例") == (("国务院令第406号@a", "国务院令第406号@b"), "title")
    assert ids("加快推进再就业") == (("国办发〔2003〕40号", "粤府办〔2003〕60号"), "substring")
    assert resolve("道路运输条例", ALL).found is None
    assert V1.line == "《道路运输条例》（国务院令第406号，2004-04-30原文）  [—]  id: 国务院令第406号@a"


def test_a_miss_finds_nothing_and_suggests_near_titles_and_numbers() -> None:
    r = resolve("山东省农机管理条例", ALL)
    assert r.matches == () and r.suggestions[0] == LAW
    r = resolve("国办发〔2003〕41号", ALL)
    assert r.matches == () and NOTICE in r.suggestions
    assert resolve("完全无关", ALL).suggestions == ()
    assert resolve("", ALL).matches == () and resolve("  ", ALL).matches == ()
    assert resolve("《》", ALL).matches == ()  # nothing left to match once punctuation goes


@given(code=st.sampled_from(["国办发", "国发", "粤府办", "劳社部发", "苏政办发"]),
       year=st.integers(1980, 2030), serial=st.integers(1, 999),
       brackets=st.sampled_from(["〔〕", "[]", "［］", "()", "（）"]), di=st.booleans(),
       spaces=st.sampled_from(["", " "]))
def test_any_written_variant_of_a_number_is_its_canonical_form(
        code: str, year: int, serial: int, brackets: str, di: bool, spaces: str) -> None:
    written = f"{code}{spaces}{brackets[0]}{year}{brackets[1]}{spaces}{'第' if di else ''}{serial}{spaces}号"
    assert canonical_number(written) == f"{code}〔{year}〕{serial}号"


@given(organ=st.sampled_from(["国务院令", "國令", "国令", "中华人民共和国主席令", "财政部令"]),
       serial=st.integers(1, 999))
def test_order_numbers_in_any_variant(organ: str, serial: int) -> None:
    expected = {"國令": "国务院令", "国令": "国务院令", "中华人民共和国主席令": "主席令"}.get(organ, organ)
    assert canonical_number(f"{organ}第{serial}号") == f"{expected}第{serial}号"


@given(code=st.sampled_from(["国办发", "国发", "粤府办", "劳社部发", "苏政办发"]),
       year=st.integers(1980, 2030), serial=st.integers(1, 999),
       year_form=st.sampled_from(["〔{}〕", "[{}]", "（{}）", "{}年", " {}年 "]), di=st.booleans(),
       hao=st.sampled_from(["号", "", " 号"]))
def test_a_number_shortened_as_people_type_it_is_its_canonical_form(
        code: str, year: int, serial: int, year_form: str, di: bool, hao: str) -> None:
    """No closing 号 (国办发〔2003〕40), the year written with 年 (国办发2003年40号)."""
    written = f"{code}{year_form.format(year)}{'第' if di else ''}{serial}{hao}"
    assert canonical_number(written) == f"{code}〔{year}〕{serial}号", written


def test_shortened_numbers_find_their_document() -> None:
    for typed in ("国办发〔2003〕40", "国办发2003年40号", "国办发2003年第40号", "国办发(2003)40"):
        assert ids(typed) == (("国办发〔2003〕40号",), "number"), typed
    for typed in ("国务院令406号", "国令第406", "国务院令406"):
        assert ids(typed)[0] == ("国务院令第406号@a", "国务院令第406号@b"), typed


def test_not_a_number() -> None:
    assert canonical_number("道路运输条例") is None
    assert canonical_number("国办发〔2003〕40号和国发〔2003〕1号") is None  # two numbers
    for text in ("2003年40号", "关于2003年工作的通知", "十三五规划2016", "第40号"):
        assert canonical_number(text) is None, text


def test_candidates_from_a_graph_and_from_records() -> None:
    (c,) = graph_candidates([("src:lrb_1.txt", {"title": "", "number": "", "sources": "lrb_1.txt",
                                                 "level": "provincial", "jurisdiction": "山东省", "date": ""})])
    assert (c.name, c.sources, c.detail) == ("山东省文件", ("lrb_1.txt",), "provincial, 山东省")  # no title, number, date
    records = [
        {"id": "粤府办〔2003〕60号", "source": "02.txt", "number": "粤府办〔2003〕60号", "title": "转发X的通知",
         "parts": [{"id": "02.txt#1", "number": "国办发〔2003〕40号", "title": "X"}]},
        {"id": "国办发〔2003〕40号", "source": "01.txt", "number": "国办发〔2003〕40号", "title": "X", "parts": []},
        {"id": "src:03.txt", "source": "03.txt", "number": None, "title": "Y",
         "parts": [{"id": "03.txt#1", "number": "国发〔2001〕1号", "title": "Z", "level": "national"}]},
    ]
    found = {c.id: (i, k, c.detail) for c, i, k in record_candidates(map(DocumentRecord.from_dict, records))}
    # the embedded copy of 国办发〔2003〕40号 gives way to its own file's record
    assert found == {"粤府办〔2003〕60号": (0, None, ""), "国办发〔2003〕40号": (1, None, ""),
                     "src:03.txt": (2, None, ""), "国发〔2001〕1号": (2, 0, "national (in 03.txt)")}
