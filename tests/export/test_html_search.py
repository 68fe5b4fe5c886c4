"""The explorer's search: number variants meet the canonical number as the extractor writes it,
an exact title comes before a longer one containing it, every match is listed, and a miss says
so."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from policygraph.corpus.lookup import canonical_number
from policygraph.export.html.render import render
from policygraph.export.html.search import search_index

from .test_html import Page, browser  # noqa: F401  (the fixture)

STATE = "国务院令第100号"


def _graph() -> nx.DiGraph:
    g = nx.DiGraph()
    g.add_node(STATE, kind="document", number=STATE, title="城市绿化条例", level="national",
               jurisdiction="中华人民共和国", date="1992-06-22", year="1992")
    g.add_node("洛政〔2005〕3号", kind="document", number="洛政〔2005〕3号", title="洛阳市城市绿化条例",
               level="municipal", jurisdiction="河南省洛阳市", date="2005-01-01", year="2005")
    g.add_node("src:a.txt", kind="document", title="城市绿化条例实施细则", level="provincial",
               jurisdiction="河南省")
    g.add_node("国办发〔2003〕40号", kind="document", number="国办发〔2003〕40号", level="national",
               title="国务院办公厅关于做好就业工作的通知")
    g.add_edge("洛政〔2005〕3号", STATE, relation="based_on", stated=True)
    return g


def test_the_keys_are_the_extractors_forms() -> None:
    ix = search_index(_graph())
    assert ix["ids"][:2] == ["国办发〔2003〕40号", STATE]  # national first, then by name
    assert ix["numbers"][ix["ids"].index(STATE)] == canonical_number("國令第100號")
    assert ix["t2s"]["國"] == "国" and ix["t2s"]["號"] == "号" and ix["orderAliases"] == {"国": "国务院"}
    assert ix["titles"][ix["ids"].index("src:a.txt")] == "城市绿化条例实施细则"


QUERIES = [
    ("城市绿化条例", STATE, 3),  # the exact title before the beginning and the part
    ("《城市绿化条例》", STATE, 3),
    ("國令第100號", STATE, 1), ("国务院令100", STATE, 1), ("中华人民共和国国务院令第100号", STATE, 1),
    ("国办发[2003]第40号", "国办发〔2003〕40号", 1), ("国办发（2003）40", "国办发〔2003〕40号", 1),
    ("国办发２００３年４０号", "国办发〔2003〕40号", 1),
    ("绿化条例实施", "src:a.txt", 1), ("洛政", "洛政〔2005〕3号", 1),
]


def test_search_in_the_page(browser: object, tmp_path: Path) -> None:  # noqa: F811
    page = Page(browser, render(_graph(), tmp_path / "p.html", "t"))
    for query, first, count in QUERIES:
        page.page.fill("#pg-search", query)
        page.page.press("#pg-search", "Enter")
        page.page.wait_for_selector(f"#pg-panel[data-node='{first}']", timeout=5000)
        listed = page.js("Array.from(document.querySelectorAll('#pg-results a.pg-doc')).map(a => a.dataset.id)")
        assert listed[0] == first and len(listed) == count, query
        page.js("document.getElementById('pg-panel').setAttribute('data-node', '')")
    assert page.js("PG.find('城市绿化条例').ids") == [STATE, "src:a.txt", "洛政〔2005〕3号"]  # exact, beginning, part
    assert page.errors == [] and page.external == []


def test_a_miss_says_no_match(browser: object, tmp_path: Path) -> None:  # noqa: F811
    page = Page(browser, render(_graph(), tmp_path / "p.html", "t"))
    page.page.fill("#pg-search", "不存在的文件")
    page.page.press("#pg-search", "Enter")
    assert "无匹配 no match" in page.js("document.getElementById('pg-results').textContent")
    assert page.js("document.getElementById('pg-panel').className") == "empty"
    assert json.loads(json.dumps(page.js("PG.find('').ids"))) == []
