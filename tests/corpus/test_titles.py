"""What a title alone says: work title, version marks, generic titles, facts from the title."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policygraph.corpus.titles import has_versions, is_generic, mark_kind, title_facts, work_title


@pytest.mark.parametrize(("title", "work", "kind"), [
    ("中华人民共和国公司法（2018修正）", "中华人民共和国公司法", "amended"),
    ("某省某条例(2011年修正本)", "某省某条例", "amended"),
    ("某市某办法（2019年修订）", "某市某办法", "revised"),
    ("某市某规定（2004年）", "某市某规定", None),
    # series numbers and 试行 are part of the name
    ("最高人民法院关于适用《中华人民共和国保险法》若干问题的解释（三）",
     "最高人民法院关于适用《中华人民共和国保险法》若干问题的解释（三）", None),
    ("人民检察院刑事诉讼规则（试行）", "人民检察院刑事诉讼规则（试行）", None),
])
def test_version_marks(title: str, work: str, kind: str | None) -> None:
    assert work_title(title) == work
    assert mark_kind(title) == kind


@given(st.text(alphabet="某省市县条例管理保护水土", min_size=2, max_size=12),
       st.integers(1980, 2030), st.sampled_from(["修订", "修正", "修正本", ""]))
def test_a_version_mark_never_changes_the_work(name: str, year: int, word: str) -> None:
    title = name + "条例"
    assert work_title(f"{title}（{year}年{word}）") == title
    assert work_title(title) == title


@pytest.mark.parametrize(("title", "generic"), [
    ("关于修改部分地方性法规的决定", True),
    ("关于修改本市部分地方性法规的决定", True),
    ("国务院关于修改部分行政法规的决定", True),
    ("国务院关于废止和修改部分行政法规的决定", True),
    ("郑州市人民代表大会常务委员会关于修改部分地方性法规的决定", True),
    ("关于修改部分地方性法规中有关行政强制条款的决定", True),
    ("实施意见", True),
    ("通知", True),
    ("本条例", True),
    # a decision naming what it amends has a subject of its own
    ("关于修改〈浙江省水资源管理条例〉等十九件地方性法规的决定", False),
    ("国务院办公厅关于加快推进再就业工作的通知", False),
    ("中华人民共和国道路运输条例", False),
])
def test_generic_titles(title: str, generic: bool) -> None:
    assert is_generic(title) is generic


def test_only_statutes_have_versions() -> None:
    assert has_versions("上海市殡葬管理条例")
    assert has_versions("中华人民共和国公司法（2018修正）")
    assert not has_versions("关于加快推进再就业工作的通知")  # a new notice is a new document
    assert not has_versions("关于修改部分地方性法规的决定")  # generic


@pytest.mark.parametrize(("title", "issuer", "jurisdiction", "level", "rank"), [
    ("中华人民共和国治安管理处罚法", "全国人民代表大会常务委员会", "中华人民共和国", "national", "law"),
    ("国务院关于修改部分行政法规的决定", "国务院", "中华人民共和国", "national", "administrative_regulation"),
    ("国务院关于加快发展某事的通知", "国务院", "中华人民共和国", "national", "normative_document"),
    ("中华人民共和国道路运输条例", "国务院", "中华人民共和国", "national", "administrative_regulation"),
    ("山东省农业机械管理条例", None, "山东省", "provincial", "local_regulation"),
    ("上海市绿化条例", None, "上海市", "provincial", "local_regulation"),  # a 直辖市 is provincial
    ("杭州市某水源保护条例", None, "浙江省杭州市", "municipal", "local_regulation"),
    ("郑州市人民代表大会常务委员会关于修改部分地方性法规的决定", "郑州市人民代表大会常务委员会",
     "河南省郑州市", "municipal", "local_regulation"),
    ("最高人民法院关于审理劳动争议案件适用法律若干问题的解释（四）", "最高人民法院", "中华人民共和国",
     "national", "judicial_interpretation"),
    # no place, no form: nothing to say
    ("城市房地产管理条例", None, None, None, None),
])
def test_facts_from_a_title(title: str, issuer: str | None, jurisdiction: str | None, level: str | None,
                            rank: str | None) -> None:
    f = title_facts(title)
    assert (f.issuer, f.jurisdiction, f.level, f.rank) == (issuer, jurisdiction, level, rank)


@pytest.mark.parametrize(("title", "jurisdiction", "level", "rank"), [
    # a decision amending a named regulation is placed where that regulation is
    ("关于修改〈河南省农作物种子管理条例〉的决定", "河南省", "provincial", "local_regulation"),
    ("关于修改〈山东省动物防疫条例〉等七件地方性法规的决定", "山东省", "provincial", "local_regulation"),
    ("关于修改〈关于民事诉讼证据的若干规定〉的决定", None, None, None),
    # a law's short name: only the national legislature makes a 法
    ("环境保护法", "中华人民共和国", "national", "law"),
    ("中华人民共和国民法典", "中华人民共和国", "national", "law"),
    ("中华人民共和国临时居民身份证管理办法", "中华人民共和国", "national", None),  # a 办法 is no 法
    ("关于修改〈中华人民共和国商标法〉的决定", "中华人民共和国", "national", "law"),
    ("国务院关于修改〈中华人民共和国烟草专卖法实施条例〉的决定", "中华人民共和国", "national",
     "administrative_regulation"),
    ("某某物品管理办法", None, None, None),  # a 办法 is no 法
])
def test_facts_from_what_a_title_names(title: str, jurisdiction: str | None, level: str | None,
                                       rank: str | None) -> None:
    f = title_facts(title)
    assert (f.jurisdiction, f.level, f.rank) == (jurisdiction, level, rank)
