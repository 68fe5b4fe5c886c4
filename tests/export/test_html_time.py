"""A cascade on a time axis: x follows the dates, the root stays on top, the panel gives each
document's lag after the one it cites."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from policygraph.export.html.render import page_name, render_corpus
from policygraph.export.html.timeline import timeline

from .test_html import Page, browser  # noqa: F401  (the fixture)
from .test_html_names import ROOT, _cascade


def test_positions_follow_the_dates() -> None:
    g = _cascade()
    tl = timeline(g, {n: (0, 0) for n in g}, ROOT)
    assert tl is not None
    x = {n: p[0] for n, p in tl["pos"].items()}  # type: ignore[attr-defined]
    assert x["src:lrb_1.txt"] < x["宁政发〔2011〕5号"] < x["src:x.txt"]
    span = date(2012, 5, 1).toordinal() - date(2010, 1, 1).toordinal()
    lag = date(2011, 3, 1).toordinal() - date(2010, 1, 1).toordinal()
    assert abs((x["宁政发〔2011〕5号"] - x["src:lrb_1.txt"]) / (x["src:x.txt"] - x["src:lrb_1.txt"]) - lag / span) < 0.01
    assert x[ROOT] == tl["undatedX"]  # known only by title: no date, no year
    assert all(tl["pos"][ROOT][1] < p[1] for n, p in tl["pos"].items() if n != ROOT)  # type: ignore[index]
    ticks = [t[1] for t in tl["ticks"]]  # type: ignore[attr-defined]
    assert ticks == [f"{y}-{m:02d}" for y in (2010, 2011, 2012) for m in (1, 4, 7, 10)][:10]  # quarters: 2.3 years


def test_the_time_axis_in_the_page(browser: object, tmp_path: Path) -> None:  # noqa: F811
    g = _cascade()
    render_corpus(g, tmp_path, "t", cascade_pages=3)
    page = Page(browser, tmp_path / "cascades" / page_name(ROOT))
    layered = page.js("network.getPositions()")
    page.page.click("#pg-time")
    moved = page.js("network.getPositions()")
    assert moved["src:lrb_1.txt"]["x"] < moved["宁政发〔2011〕5号"]["x"] < moved["src:x.txt"]["x"]
    assert moved != layered and page.js("document.body.dataset.pgView") == "time"
    page.click_node("宁政发〔2011〕5号")
    assert "424 天 days · 《江苏省治安管理条例》" in page.js("document.getElementById('pg-panel').innerText")
    page.page.click("#pg-time")
    assert page.js("network.getPositions()") == layered
    assert page.errors == [] and page.external == []
