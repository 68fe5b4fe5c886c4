"""The document view: reachable from the panel, offline from disk, the text with its citation and
measure spans where the record's offsets put them, and every text inert."""

from __future__ import annotations

from pathlib import Path

from policygraph.corpus.link import link
from policygraph.corpus.names import attrs_name
from policygraph.corpus.network import to_networkx
from policygraph.export.html.documents import node_views, source_names, spans_of, write_views
from policygraph.export.html.render import render_corpus
from policygraph.extract.read import iter_corpus
from policygraph.models import Source

from ..conftest import record_of
from .test_html import Page, browser  # noqa: F401  (the fixture)

HOSTILE = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>"
A = (f"某市人民政府关于{HOSTILE}工作的通知\n某政发〔2020〕1号\n各区人民政府：\n"
     "　　根据《国务院关于促进就业的通知》（国发〔2019〕9号）精神，现通知如下。\n"
     "　　一、到2022年底前，城镇登记失业率控制在4.5%以内。\n"
     "　　二、加强职业技能培训，落实创业担保贷款政策。\n")


def _corpus(tmp_path: Path) -> tuple[Path, list]:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(A, encoding="utf-8")
    (corpus / "b.txt").write_text("另一市人民政府关于某事的通知\n另政发〔2020〕2号\n各区人民政府：\n"
                                  "　　根据某政发〔2020〕1号文件精神，现通知如下。\n", encoding="utf-8")
    records = [record_of(s.text, s.path) for s in iter_corpus(corpus) if isinstance(s, Source)]
    return corpus, records


def test_spans_are_the_records_offsets(tmp_path: Path) -> None:
    _corpus_dir, records = _corpus(tmp_path)
    a = next(r for r in records if r.source == "a.txt")
    spans = spans_of(a)
    assert [(A[s[0]:s[1]], s[2], s[3]) for s in spans] == [
        ("《国务院关于促进就业的通知》（国发〔2019〕9号）", "cite",
         "贯彻落实 implements 《国务院关于促进就业的通知》（国发〔2019〕9号）"),
        ("2022年底前", "deadline", "时限 deadline 2022年底前"),
        ("城镇登记失业率控制在4.5%以内", "target", "目标 target 城镇登记失业率控制在4.5%以内"),
        ("职业技能培训", "measure", "职业培训（职业技能培训）"), ("担保贷款", "measure", "小额担保贷款（担保贷款）")]


def test_the_view_from_the_panel_shows_the_text_highlighted_and_inert(browser: object,  # noqa: F811
                                                                       tmp_path: Path) -> None:
    corpus, records = _corpus(tmp_path)
    out = tmp_path / "out"
    g = to_networkx(link(records))
    views = write_views(records, corpus, out, source_names(g.nodes(data=True)))
    render_corpus(g, out, "t", views=node_views(g.nodes(data=True), views))
    page = Page(browser, out / "graph.html")
    page.click_node("某政发〔2020〕1号")
    page.page.click("#pg-panel a.pg-view")
    page.page.wait_for_function("window.pgDocShown !== undefined", timeout=10_000)
    view = page.page
    assert view.evaluate("window.pgDocShown") == "a.txt"
    assert view.evaluate("document.getElementById('pg-text').textContent") == A  # the text, whole
    heading = view.evaluate("document.getElementById('pg-doc-title').textContent")
    assert "<script>alert(1)</script>\"><img" in heading and view.title() == heading
    assert heading == attrs_name("某政发〔2020〕1号", g.nodes["某政发〔2020〕1号"])  # the graph's name
    assert view.evaluate("document.querySelectorAll('img').length") == 0
    assert view.evaluate("document.querySelectorAll('script').length") == 2  # the view's and the text's
    marked = view.evaluate("Array.from(document.querySelectorAll('#pg-text .s-cite')).map(s => s.textContent)"
                           ".join('')")
    assert "国发〔2019〕9号" in marked
    assert "4.5%" in view.evaluate("Array.from(document.querySelectorAll('#pg-text .s-target'))"
                                   ".map(s => s.textContent).join('')")
    assert "国发〔2019〕9号" in view.evaluate("document.getElementById('pg-docmeta').textContent")
    assert page.dialogs == [] and page.errors == [] and page.external == []
    view.goto(view.url.split("#")[0] + "#0000/nothing.txt")
    view.wait_for_function("window.pgDocShown === 'missing'")
