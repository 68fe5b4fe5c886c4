"""The HTML explorer in a real browser: Debian's chromium driven headless by Playwright.

Every page is opened from disk with all network requests intercepted: anything that is not
file: or data: is recorded and refused. scripts/test installs chromium; without it these
tests are skipped with the reason.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest

from policygraph.build import build
from policygraph.export.html.render import label_of, render, render_corpus
from policygraph.export.tables import read_graphml

from ..conftest import needs_shared

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
#: The browser tests run on one worker (scripts/test's --dist loadgroup): two browsers drawing
#: 50,000 nodes side by side on two cores starve each other.
pytestmark = [pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is not installed (scripts/test installs it)"),
              pytest.mark.xdist_group("browser")]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic"])
        yield b
        b.close()


class Page:
    """A page opened from disk, with its external requests, console errors and dialogs."""

    def __init__(self, browser: object, path: Path, timeout: float = 30_000) -> None:
        self.page = browser.new_page(viewport={"width": 1500, "height": 900})  # type: ignore[attr-defined]
        self.external: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

        def route(r: object) -> None:
            url = r.request.url  # type: ignore[attr-defined]
            if url.startswith(("file:", "data:", "blob:")):
                r.continue_()  # type: ignore[attr-defined]
            else:
                self.external.append(url)
                r.abort()  # type: ignore[attr-defined]

        self.page.route("**/*", route)
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_function("window.pgStableAt !== undefined", timeout=timeout)

    def js(self, expr: str) -> object:
        return self.page.evaluate(expr)

    def click_node(self, node: str) -> None:
        x, y = self.js(
            "((id) => { network.focus(id, {scale: 1.0, animation: false});"
            " const p = network.canvasToDOM(network.getPositions([id])[id]);"
            " const r = document.getElementById('mynetwork').getBoundingClientRect();"
            f" return [p.x + r.left, p.y + r.top]; }})({json.dumps(node, ensure_ascii=False)})"
        )
        self.page.mouse.click(x, y)
        self.page.wait_for_selector(f'#pg-panel[data-node="{node}"]', timeout=5000)


@needs_shared
def test_seeds_graph_page(browser: object, seeds_out: Path, gold: dict, tmp_path: Path) -> None:
    g = read_graphml(seeds_out / "graph.graphml")
    page = Page(browser, seeds_out / "graph.html")
    assert page.external == []
    assert page.errors == []
    assert page.js("nodes.length") == g.number_of_nodes()
    assert page.js("edges.length") == g.number_of_edges()
    for number, level in gold["expected_levels"].items():
        assert page.js(f"nodes.get({json.dumps(number)}).pgLevel") == level, number
    labels = page.js("nodes.get().map(n => [n.id, n.label])")
    assert all(label == label_of(n, g.nodes[n]) for n, label in labels)  # every label a name
    assert not any(x in label for _n, label in labels for x in ("src:", "title:", ".txt"))
    page.click_node("粤府办〔2003〕60号")
    panel = page.js("document.getElementById('pg-panel').textContent")
    assert "粤府办〔2003〕60号" in panel and "国办发〔2003〕40号" in panel and "转发" in panel
    assert "later" in panel  # the deadlines it moved against the national notice
    drawn, area = page.js("(() => { const c = document.querySelector('#mynetwork canvas');"
                          " const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                          " let n = 0; for (let i = 3; i < px.length; i += 4) n += px[i] !== 0;"
                          " return [n, c.width * c.height]; })()")
    assert drawn > area / 100  # the network is drawn: not a blank canvas (about 3% of it is ink)


@needs_shared
def test_seeds_cascade_page_of_the_central_notice(browser: object, seeds_out: Path, gold: dict, tmp_path: Path) -> None:
    pages = sorted((seeds_out / "cascades").glob("中发_2002_12号_*.html"))
    assert len(pages) == 1
    page = Page(browser, pages[0])
    assert page.external == [] and page.errors == []
    ids = set(page.js("nodes.getIds()"))
    assert ids == {"中发〔2002〕12号", "国办发〔2003〕40号", "劳社部发〔2002〕20号", "粤府办〔2003〕60号",
                   "连政发〔2003〕97号", "src:001_e7125c7c6b1146b2.txt"}
    assert page.js("edges.length") == 5
    ys = page.js("(() => { const p = network.getPositions(); const out = {}; "
                 "for (const id in p) out[nodes.get(id).pgLevel] = p[id].y; return out; })()")
    assert ys["national"] < ys["provincial"] < ys["municipal"]  # levels as layers, national on top
    page.click_node("src:001_e7125c7c6b1146b2.txt")
    assert "中发〔2002〕12号" in page.js("document.getElementById('pg-panel').textContent")
    page.page.screenshot(path=str(tmp_path / "cascade.png"))


def test_filters_and_search(browser: object, tmp_path: Path) -> None:
    from importlib import resources

    corpus = Path(str(resources.files("policygraph.examples").joinpath("corpus")))
    build(corpus, tmp_path)
    page = Page(browser, tmp_path / "graph.html")
    assert page.external == [] and page.errors == []

    def visible() -> int:
        return page.js("nodes.get({filter: n => !n.hidden}).length")

    total = visible()
    page.page.uncheck("[data-testid=level-municipal]")
    assert visible() < total
    assert page.js("nodes.get({filter: n => !n.hidden && n.pgLevel === 'municipal'}).length") == 0
    page.page.check("[data-testid=level-municipal]")
    page.page.select_option("#pg-province", "江苏省")
    assert all(p == "江苏省" for p in page.js(
        "nodes.get({filter: n => !n.hidden}).map(n => JSON.parse(document.getElementById('pg-data')"
        ".textContent).nodes[n.id].province)"))
    page.page.select_option("#pg-province", "")
    page.page.select_option("#pg-measure", "facilities")
    shown = page.js("edges.get({filter: e => !e.hidden}).map(e => e.from + '>' + e.to)")
    assert shown and all(">" in s for s in shown)
    assert "宁政发〔2022〕15号>国办发〔2021〕58号" in shown
    page.page.select_option("#pg-measure", "")
    page.page.fill("#pg-search", "桐政发")
    page.page.press("#pg-search", "Enter")
    page.page.wait_for_selector("#pg-panel[data-node='桐政发〔2022〕3号']")


def test_hostile_text_renders_inert(browser: object, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    (corpus / "a.txt").write_text(
        f"某市人民政府关于{hostile}工作的通知\n某政发〔2020〕1号\n各区人民政府：\n"
        f"　　根据《国务院关于{hostile}的通知》（国发〔2019〕9号）精神，\"</script><script>alert(3)</script>现通知如下。\n",
        encoding="utf-8")
    (corpus / "b.html").write_text(
        "<html><head><title>x</title></head><body><p>另一市人民政府关于某事的通知</p><p>另政发〔2020〕2号</p>"
        "<p>各区人民政府：</p><p>根据某政发〔2020〕1号文件精神&lt;img src=x onerror=alert(4)&gt;，现通知如下。</p>"
        "</body></html>", encoding="utf-8")
    build(corpus, tmp_path / "out")
    page = Page(browser, tmp_path / "out" / "graph.html")
    page.click_node("某政发〔2020〕1号")
    text = page.js("document.getElementById('pg-panel').textContent")
    assert "<script>alert(1)</script>" in text  # shown as text
    page.page.mouse.move(10, 10)
    page.click_node("国发〔2019〕9号")
    page.click_node("另政发〔2020〕2号")
    assert page.dialogs == []
    assert page.js("document.querySelectorAll('img').length") == 0
    assert page.js("document.querySelectorAll('script').length") == 5  # utils, vis, pyvis, data, explorer
    assert page.errors == [] and page.external == []


def _generated_graph(n: int) -> nx.DiGraph:
    g = nx.DiGraph()
    levels = ["national", "provincial", "municipal", "county"]
    provinces = ["江苏省", "广东省", "浙江省", "四川省", "辽宁省", "河南省"]
    for i in range(n):
        lv = levels[0] if i < 5 else levels[1] if i < 200 else levels[2] if i < 1800 else levels[3]
        prov = "中华人民共和国" if lv == "national" else provinces[i % len(provinces)]
        g.add_node(f"doc{i}", level=lv, jurisdiction=prov, kind="document", number=f"测发〔2020〕{i + 1}号",
                   title=f"关于第{i}项工作的通知", date=f"2020-{1 + i % 12:02d}-01", year="2020")
    for i in range(5, n):
        parent = i // 9 if i >= 45 else i % 5
        g.add_edge(f"doc{i}", f"doc{parent}", relation="implements", stated=True, evidence="根据…精神")
    return g


def test_five_thousand_nodes_open_and_settle(browser: object, tmp_path: Path) -> None:
    g = _generated_graph(5000)
    render(g, tmp_path / "big.html", "5000")
    page = Page(browser, tmp_path / "big.html", timeout=60_000)
    assert page.js("nodes.length") == 5000 and page.errors == [] and page.external == []
    print(f"5,000-node page stable {page.js('window.pgStableAt'):.0f} ms after navigation start")


def test_beyond_the_cap_the_corpus_page_aggregates(browser: object, tmp_path: Path) -> None:
    g = _generated_graph(1200)
    written = render_corpus(g, tmp_path, "big", max_nodes=1000, cascade_pages=3)
    page = Page(browser, written["graph"])
    assert page.js("nodes.length") < 40  # province × level groups
    links = page.js("Array.from(document.querySelectorAll('#pg-filters a')).map(a => a.getAttribute('href'))")
    assert len(links) == 3 and all((tmp_path / link).is_file() for link in links)


def _versions_graph() -> nx.DiGraph:
    """Two versions of a provincial regulation, the national regulation it rests on (known only
    by title) and a notice implementing the newer version: the facts written by hand."""
    g = nx.DiGraph()
    common = {"kind": "document", "title": "江苏省道路运输条例", "level": "provincial", "jurisdiction": "江苏省",
              "rank": "local_regulation", "work": "江苏省道路运输条例", "year": "2004"}
    g.add_node("src:laws/lrb_a.txt", **common, date="2004-06-01", version_date="2004-06-01",
               version_kind="original", validity="amended", validity_evidence="2010年7月1日修正",
               sources="laws/lrb_a.txt")
    g.add_node("src:laws/lrb_b.txt", **{**common, "year": "2010"}, date="2010-07-01", version_date="2010-07-01",
               version_kind="amended", previous_version="src:laws/lrb_a.txt", validity="in_force",
               date_publication="2010-07-05", date_in_force="2010-09-01", sources="laws/lrb_b.txt")
    g.add_node("title:中华人民共和国道路运输条例", kind="title", title="中华人民共和国道路运输条例",
               level="national", jurisdiction="中华人民共和国", rank="administrative_regulation")
    g.add_node("苏政发〔2011〕5号", kind="document", number="苏政发〔2011〕5号", level="provincial",
               title="江苏省人民政府关于贯彻实施道路运输条例的通知", jurisdiction="江苏省", date="2011-02-01",
               year="2011", rank="normative_document", sources="c.txt")
    g.add_edge("苏政发〔2011〕5号", "src:laws/lrb_b.txt", relation="implements", stated=True, evidence="为贯彻…")
    g.add_edge("src:laws/lrb_b.txt", "title:中华人民共和国道路运输条例", relation="cites", stated=True,
               evidence="依照《中华人民共和国道路运输条例》")
    return g


B_NAME = "《江苏省道路运输条例》（2010-07-01修正）"


def _page_data(path: Path) -> dict:
    import re

    m = re.search(r'<script type="application/json" id="pg-data">(.*?)</script>', path.read_text(encoding="utf-8"),
                  re.DOTALL)
    assert m is not None
    return json.loads(m.group(1))


def test_documents_are_named_by_title_in_the_page_data(tmp_path: Path) -> None:
    from policygraph.export.html.render import cascade_title

    g = _versions_graph()
    render(g, tmp_path / "p.html", cascade_title(g, "src:laws/lrb_b.txt"))
    page = (tmp_path / "p.html").read_text(encoding="utf-8")
    assert f"<h1>{B_NAME} 的传导链 cascade</h1>" in page
    data = _page_data(tmp_path / "p.html")
    b = data["nodes"]["src:laws/lrb_b.txt"]
    assert (b["name"], b["rankLabel"], b["validityLabel"], b["datePublication"], b["dateInForce"]) == (
        B_NAME, "地方性法规", "现行有效", "2010-07-05", "2010-09-01")
    assert (b["versionDate"], b["versionKind"], b["previousVersionName"]) == (
        "2010-07-01", "修正", "《江苏省道路运输条例》（2004-06-01原文）")
    assert [data["nodes"][c["id"]]["name"] for c in b["cites"]] == ["《中华人民共和国道路运输条例》"]
    assert [data["nodes"][c["id"]]["name"] for c in b["citedBy"]] == [
        "《江苏省人民政府关于贯彻实施道路运输条例的通知》（苏政发〔2011〕5号）"]
    a = data["nodes"]["src:laws/lrb_a.txt"]
    assert (a["validity"], a["validityEvidence"]) == ("amended", "2010年7月1日修正")
    assert data["nodes"]["苏政发〔2011〕5号"]["validity"] == "unknown"
    assert "number" not in b and "issuers" not in b  # what a document does not have is left out  # no validity: the filter's unknown
    assert data["ranks"] == [{"key": "administrative_regulation", "label": "行政法规 administrative regulation"},
                             {"key": "local_regulation", "label": "地方性法规 local regulation"},
                             {"key": "normative_document", "label": "规范性文件 normative document"}]
    assert [v["key"] for v in data["validities"]] == ["in_force", "amended", "unknown"]


def test_names_labels_panel_and_filters_in_a_browser(browser: object, tmp_path: Path) -> None:
    g = _versions_graph()
    written = render_corpus(g, tmp_path, "versions", cascade_pages=1)
    page = Page(browser, written["graph"])
    assert page.external == [] and page.errors == []
    labels = page.js("nodes.get().map(n => n.label)")
    assert sorted(labels) == ["中华人民共和国道路运输条例", "江苏省人民政府关于贯彻实施…\n苏政发〔2011〕5号",
                              "江苏省道路运输条例 2004", "江苏省道路运输条例 2010"]  # versions apart by their year
    assert page.js("Array.from(document.querySelectorAll('#pg-filters a')).map(a => a.textContent)") == [B_NAME]
    page.click_node("src:laws/lrb_b.txt")
    panel = page.js("document.getElementById('pg-panel').textContent")
    assert page.js("document.querySelector('#pg-panel .pg-title').textContent") == B_NAME
    for fact in ("效力级别地方性法规", "公布日期2010-07-05", "施行日期2010-09-01", "时效性现行有效",
                 "版本2010-07-01 修正", "前一版本 previous version: 《江苏省道路运输条例》（2004-06-01原文）",
                 "《中华人民共和国道路运输条例》", "《江苏省人民政府关于贯彻实施道路运输条例的通知》（苏政发〔2011〕5号）"):
        assert fact in panel, fact
    assert "src:" not in panel.replace("来源laws/lrb_b.txt", "") and "title:" not in panel

    def visible() -> list[str]:
        return sorted(page.js("nodes.get({filter: n => !n.hidden}).map(n => n.id)"))

    page.page.select_option("#pg-rank", "local_regulation")
    assert visible() == ["src:laws/lrb_a.txt", "src:laws/lrb_b.txt"]
    page.page.select_option("#pg-validity", "amended")
    assert visible() == ["src:laws/lrb_a.txt"]
    page.page.select_option("#pg-rank", "")
    page.page.select_option("#pg-validity", "unknown")
    assert visible() == ["title:中华人民共和国道路运输条例", "苏政发〔2011〕5号"]
    page.page.select_option("#pg-validity", "")
    for query, hit in (("苏政发[2011]第5号", "苏政发〔2011〕5号"), ("《江苏省道路运输条例》", "src:laws/lrb_a.txt"),
                       ("中华人民共和国道路", "title:中华人民共和国道路运输条例")):  # a title's beginning
        page.page.fill("#pg-search", query)
        page.page.press("#pg-search", "Enter")
        page.page.wait_for_selector(f"#pg-panel[data-node='{hit}']")


def test_the_panel_facts_are_a_typed_record_under_the_names_explorer_js_reads() -> None:
    from policygraph.export.html.panel import PanelFacts, facts

    attrs = {"title": "某市某办法", "number": "", "level": "municipal", "jurisdiction": "江苏省南京市",
             "rank": "local_government_rule", "validity": "", "date_in_force": "2020-03-01", "year": "2020",
             "version_kind": "revised", "previous_version": "p", "kind": "document"}
    got = facts("n", attrs, {"n": "《某市某办法》", "p": "《某市某办法》（2010-01-01原文）"})
    assert isinstance(got, PanelFacts)
    assert (got.rank, got.validity, got.number, got.year) == ("local_government_rule", "unknown", None, 2020)
    js = got.to_json()
    assert (js["dateInForce"], js["levelLabel"], js["versionKind"], js["previousVersionName"]) == (
        "2020-03-01", "地市级 municipal", "修订", "《某市某办法》（2010-01-01原文）")
    assert js["rankLabel"] == "地方政府规章" and js["validityLabel"] is None
    explorer = (Path(__file__).parents[2] / "graph/export/html/assets/explorer.js").read_text(encoding="utf-8")
    assert all(key in explorer for key in ("datePublication", "dateInForce", "validityEvidence",
                                           "previousVersionName", "rankLabel"))
