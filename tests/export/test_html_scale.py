"""The explorer at scale, in chromium with the network refused: a generated 50,000-document
graph and a 5,000-document one open on the overview, filters and search answer, nothing is
requested from outside, no console error, and every label drawn is a document's or a group's
name. Times are measured in the page (performance.now) and printed; docs/performance.md keeps
them. Only bounds far above what is measured are asserted, so the test cannot flake."""

from __future__ import annotations

import random
import time
from pathlib import Path

import networkx as nx
import pytest

from policygraph.export.html.render import label_of, render_corpus

from .test_html import Page, browser  # noqa: F401  (the fixture)

pytestmark = pytest.mark.xdist_group("browser")  # one worker for the browser tests (test_html.py)

PROVINCES = ("江苏省", "广东省", "浙江省", "四川省", "辽宁省", "河南省", "山东省", "湖北省", "北京市", "上海市")
CITIES = ("甲市", "乙市", "丙市", "丁市")
TOPICS = ("就业创业", "社区养老服务", "农村饮水安全", "中小企业融资", "职业技能培训", "城市燃气安全", "生活垃圾分类")
RELATIONS = ("implements", "implements", "forwards", "based_on", "cites", "cites", "repeals")
RANKS = ("normative_document", "local_government_rule", "local_regulation")


def generated(n: int, seed: int = 3) -> nx.DiGraph:
    """`n` documents cascading down the levels within ten provinces, with ranks, validity, issuers,
    dates (one in twenty undated) and every relation."""
    rng = random.Random(seed)
    g = nx.DiGraph()
    made: dict[tuple[str, str], list[str]] = {}  # (level, province): documents made, as synth.py cites
    for i in range(n):
        lv = "national" if i < max(5, n // 200) else "provincial" if i < n // 12 else "municipal" if i < n // 2 \
            else "county"
        prov = rng.choice(PROVINCES)
        city = rng.choice(CITIES)
        place = {"national": "中华人民共和国", "provincial": prov, "municipal": prov + city,
                 "county": prov + city + "某县"}[lv]
        year = rng.randint(2003, 2022)
        who = {"national": "国务院", "provincial": prov + "人民政府", "municipal": city + "人民政府",
               "county": "某县人民政府"}[lv]
        dated = rng.random() > 0.05
        node = f"测{i}发〔{year}〕{i % 97 + 1}号"
        g.add_node(node, kind="document", number=node, level=lv, jurisdiction=place, issuers=who,
                   title=f"{who}关于进一步做好{rng.choice(TOPICS)}工作的通知（{i}）", rank=rng.choice(RANKS),
                   validity=rng.choice(("in_force", "in_force", "repealed", "")),
                   date=f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" if dated else "",
                   year=str(year) if dated else "", sources=f"synth/{i:06d}.txt")
        made.setdefault((lv, "" if lv == "national" else prov), []).append(node)
        up = {"provincial": "national", "municipal": "provincial", "county": "municipal"}.get(lv)
        pool = made.get((up, "" if up == "national" else prov), []) if up else []
        if pool:  # a parent one level up in the same province (the nation's for a province)
            g.add_edge(node, rng.choice(pool[-300:]), relation=rng.choice(RELATIONS), stated=True,
                       evidence="为贯彻落实《上级文件》精神，结合实际，现提出如下意见。")
    return g


def _open_overview(browser: object, tmp_path: Path, g: nx.DiGraph) -> tuple[Page, dict]:  # noqa: F811
    n = g.number_of_nodes()
    t0 = time.perf_counter()
    written = render_corpus(g, tmp_path, "scale", cascade_pages=3)
    built = time.perf_counter() - t0
    page = Page(browser, written["graph"], timeout=60_000)
    size = written["graph"].stat().st_size
    figures = {"nodes": n, "build_s": round(built, 1), "MB": round(size / 1e6, 1),
               "paint_ms": round(page.js("window.pgStableAt"))}
    assert page.external == [] and page.errors == []
    return page, figures


def _measure(page: Page, figures: dict) -> dict:
    """Filters and searches, timed in the page."""
    page.page.select_option("#pg-province", "广东省")
    figures["filter_province_ms"] = round(page.js("window.pgLastFilterMs"))
    page.page.select_option("#pg-rank", "local_regulation")
    figures["filter_rank_ms"] = round(page.js("window.pgLastFilterMs"))
    page.page.uncheck("#pg-undated")
    figures["filter_undated_ms"] = round(page.js("window.pgLastFilterMs"))
    page.page.fill("#pg-year-from", "2010")
    figures["filter_year_ms"] = round(page.js("window.pgLastFilterMs"))
    page.page.uncheck("[data-testid=level-county]")
    figures["filter_level_ms"] = round(page.js("window.pgLastFilterMs"))
    return figures


def _search(page: Page, figures: dict, number: str) -> dict:
    typed = number.replace("〔", "[").replace("〕", "]第")  # 测9发[2010]第10号
    for q, key in (("社区养老", "search_substring_ms"), (typed, "search_number_ms")):
        page.page.fill("#pg-search", q)
        page.page.press("#pg-search", "Enter")
        figures[key] = round(page.js("window.pgLastSearchMs"))
    return figures


@pytest.mark.parametrize("n", [5_000, 50_000])
def test_overview_at_scale(browser: object, tmp_path: Path, n: int) -> None:  # noqa: F811
    g = generated(n)
    page, figures = _open_overview(browser, tmp_path, g)
    groups = page.js("nodes.get().map(n => n.label)")
    assert 10 < len(groups) < 60 and all("件 documents" in label for label in groups)  # a readable summary
    assert page.js("PG.data.provinces") == sorted(PROVINCES)  # not 中华人民共和国
    group = page.js("PG.data.overview.groups.find(g => g.id.endsWith('·provincial') && g.id.includes('广东省')).id")
    page.js(f"PG.overview.toggle({group!r})")
    labels = page.js("nodes.get({filter: n => !n.id.startsWith('group:')}).map(n => [n.id, n.label])")
    assert 0 < len(labels) <= 200 and all(label == label_of(n, g.nodes[n]) and n in label for n, label in labels)
    figures = _measure(page, figures)
    shown = page.js("nodes.get({filter: n => !n.hidden && !n.id.startsWith('group:')})"
                    ".map(n => [PG.byId[n.id].province, PG.byId[n.id].rank, PG.byId[n.id].year])")
    assert shown and all(p == "广东省" and r == "local_regulation" and y >= 2010 for p, r, y in shown)
    number = next(x for x in g if x.startswith("测9发"))
    figures = _search(page, figures, number)
    assert page.js("document.getElementById('pg-panel').getAttribute('data-node')") == number
    print(figures)
    assert figures["paint_ms"] < (8_000 if n > 5_000 else 3_000) * 3  # the bounds are 8 s and 3 s; see performance.md
    assert page.errors == [] and page.external == []


def test_a_provinces_groups_stand_in_one_column_the_nation_in_the_middle() -> None:
    from policygraph.export.html.overview import ROW, group_positions, overview

    g = generated(3_000)
    _groups, data = overview(g, {n: n for n in g})
    pos = group_positions(data["groups"], data["columns"])  # type: ignore[arg-type]
    by_province: dict[str, set[int]] = {}
    for k, (x, _y) in pos.items():
        by_province.setdefault(k.removeprefix("group:").rsplit("·", 1)[0], set()).add(x)
    assert all(len(xs) == 1 for xs in by_province.values())  # one column per province
    assert by_province["中华人民共和国"] == {0}  # centred
    assert data["columns"] == min(ROW, len(PROVINCES))
    ys = {k.rsplit("·", 1)[1]: y for k, (_x, y) in pos.items()}
    assert ys["national"] < ys["provincial"] < ys["municipal"] < ys["county"]
