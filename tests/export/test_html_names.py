"""Names in the explorer: every label, list and heading a document's name; every document in
the panel a link that moves to it; relations in words with their sentence; a cascade page
headed by its root's name, the root on top even when its level is unknown."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from policygraph.export.html.render import label_of

from .test_html import Page, browser  # noqa: F401  (the fixture)

ROOT = "title:中华人民共和国治安管理处罚法"
ROOT_NAME = "《中华人民共和国治安管理处罚法》"


def _cascade() -> nx.DiGraph:
    """A law known only by title (no level), a provincial regulation based on it, a city notice
    implementing that and a county one citing the city's: facts written by hand."""
    g = nx.DiGraph()
    g.add_node(ROOT, kind="title", title="中华人民共和国治安管理处罚法")
    g.add_node("src:lrb_1.txt", kind="document", title="江苏省治安管理条例", level="provincial",
               jurisdiction="江苏省", date="2010-01-01", year="2010", sources="lrb_1.txt")
    g.add_node("宁政发〔2011〕5号", kind="document", title="南京市人民政府关于贯彻江苏省治安管理条例的通知",
               number="宁政发〔2011〕5号", level="municipal", jurisdiction="江苏省南京市", date="2011-03-01",
               year="2011")
    g.add_node("src:x.txt", kind="document", title="某县关于治安工作的意见", level="county",
               jurisdiction="江苏省南京市溧水区", date="2012-05-01", year="2012")
    g.add_edge("src:lrb_1.txt", ROOT, relation="based_on", stated=True,
               evidence="根据《中华人民共和国治安管理处罚法》，制定本条例。", reason="根据…制定本条例")
    g.add_edge("宁政发〔2011〕5号", "src:lrb_1.txt", relation="implements", stated=True,
               evidence="为贯彻落实《江苏省治安管理条例》，现通知如下。")
    g.add_edge("src:x.txt", "宁政发〔2011〕5号", relation="implements", stated=True, evidence="根据宁政发〔2011〕5号精神")
    return g


def test_a_cascade_page_is_headed_by_its_root_on_top_and_names_every_document(browser: object,  # noqa: F811
                                                                               tmp_path: Path) -> None:
    from policygraph.export.html.render import page_name, render_corpus

    g = _cascade()
    render_corpus(g, tmp_path, "t", cascade_pages=3)
    page = Page(browser, tmp_path / "cascades" / page_name(ROOT))
    assert page.external == [] and page.errors == []
    assert page.js("document.querySelector('#pg-header h1').textContent") == f"{ROOT_NAME} 的传导链 cascade"
    ys = page.js("network.getPositions()")
    assert all(ys[ROOT]["y"] < p["y"] for n, p in ys.items() if n != ROOT)  # the root on top
    labels = page.js("nodes.get().map(n => n.label)")
    assert "南京市人民政府关于贯彻江苏…\n宁政发〔2011〕5号" in labels  # title and number
    assert not any(x in label for label in labels for x in ("src:", "title:", ".txt"))

    page.click_node("src:lrb_1.txt")
    panel = page.js("document.getElementById('pg-panel').innerText")
    assert "依据 based on " + ROOT_NAME in panel and "根据《中华人民共和国治安管理处罚法》，制定本条例。" in panel
    assert "贯彻落实 implements 《南京市人民政府关于贯彻江苏省治安管理条例的通知》（宁政发〔2011〕5号）" in panel
    links = page.js("Array.from(document.querySelectorAll('#pg-panel a.pg-doc')).map(a => a.textContent)")
    assert sorted(links) == [ROOT_NAME, "《南京市人民政府关于贯彻江苏省治安管理条例的通知》（宁政发〔2011〕5号）"]
    page.page.click(f"#pg-panel a.pg-doc:text-is('{ROOT_NAME}')")
    page.page.wait_for_selector(f'#pg-panel[data-node="{ROOT}"]', timeout=5000)
    assert page.js("network.getSelectedNodes()") == [ROOT]


def test_a_long_list_of_citing_documents_shows_twenty_and_the_rest_on_request(browser: object,  # noqa: F811
                                                                              tmp_path: Path) -> None:
    from policygraph.export.html.render import render

    g = nx.DiGraph()
    g.add_node("law", kind="document", title="某法", level="national")
    for i in range(30):
        g.add_node(f"c{i:02d}", kind="document", title=f"关于第{i:02d}项的规定", level="provincial")
        g.add_edge(f"c{i:02d}", "law", relation="cites", stated=True, evidence=f"依照《某法》第{i}条")
    page = Page(browser, render(g, tmp_path / "p.html", "t"))
    page.click_node("law")
    count = "document.querySelectorAll('#pg-panel a.pg-doc').length"
    assert page.js(count) == 20
    page.page.click("#pg-panel .pg-more")
    assert page.js(count) == 30
    assert page.js("document.querySelector('#pg-panel a.pg-doc').textContent") == "《关于第00项的规定》"


def test_the_overview_opens_a_group_names_its_documents_and_runs_no_title(browser: object,  # noqa: F811
                                                                          tmp_path: Path) -> None:
    from policygraph.export.html.render import render_corpus

    g = _cascade()
    hostile = "关于<script>alert(1)</script>\"><img src=x onerror=alert(2)>的通知"
    g.add_node("src:h.txt", kind="document", title=hostile, level="municipal", jurisdiction="江苏省南京市")
    g.add_edge("src:h.txt", "宁政发〔2011〕5号", relation="cites", stated=True, evidence=hostile)
    page = Page(browser, render_corpus(g, tmp_path, "t", max_nodes=2)["graph"])
    groups = page.js("nodes.get().map(n => n.label)")
    assert sorted(groups) == sorted(["地区不明 层级不明\n1 件 documents", "江苏省 地市级\n2 件 documents",
                                     "江苏省 县级\n1 件 documents", "江苏省 省级\n1 件 documents"])
    page.click_node("group:江苏省·municipal")  # opens it and lists its documents
    assert sorted(page.js("Array.from(document.querySelectorAll('#pg-panel a.pg-doc')).map(a => a.textContent)")) \
        == sorted([f"《{hostile}》", "《南京市人民政府关于贯彻江苏省治安管理条例的通知》（宁政发〔2011〕5号）"])
    assert page.js("nodes.get('src:h.txt').label") == label_of("src:h.txt", g.nodes["src:h.txt"])
    page.page.click("#pg-panel a.pg-doc[data-id='src:h.txt']")
    page.page.wait_for_selector('#pg-panel[data-node="src:h.txt"]')
    assert hostile in page.js("document.getElementById('pg-panel').textContent")
    page.js(f"PG.goTo({ROOT!r})")  # a document of a closed group: the group opens
    assert page.js(f"nodes.get({ROOT!r}) !== null") and page.js("network.getSelectedNodes()") == [ROOT]
    assert page.dialogs == [] and page.js("document.querySelectorAll('img').length") == 0
    assert page.errors == [] and page.external == []
