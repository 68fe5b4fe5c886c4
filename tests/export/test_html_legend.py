"""The explorer's legend names the relations with the words of docs/relations.md, and a legal
basis (based_on) is drawn in a style of its own."""

from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx

from policygraph.export.html.render import render

WORDS = ["转发 forwards", "印发 issues", "依据 based on", "贯彻落实 implements", "修改 amends", "废止 repeals",
         "引用 cites"]


def _page(tmp_path: Path) -> str:
    g = nx.DiGraph()
    for n, level in (("law", "national"), ("reg", "provincial"), ("city", "municipal")):
        g.add_node(n, level=level, title=n, kind="document")
    g.add_edge("reg", "law", relation="based_on", stated=True, evidence="根据《法》，制定本条例")
    g.add_edge("city", "reg", relation="implements", stated=True)
    return render(g, tmp_path / "p.html", "t").read_text(encoding="utf-8")


def test_the_legend_uses_the_relation_words(tmp_path: Path) -> None:
    html = _page(tmp_path)
    m = re.search(r'<script type="application/json" id="pg-data">(.*?)</script>', html, re.DOTALL)
    assert m is not None
    legend = json.loads(m.group(1))["legend"]["relations"]
    assert [r["label"] for r in legend][: len(WORDS)] == WORDS
    styles = {r["key"]: (r["color"], json.dumps(r["dashed"])) for r in legend}
    assert list(styles.values()).count(styles["based_on"]) == 1  # no other relation looks like it


def test_a_based_on_edge_is_drawn_dash_dot(tmp_path: Path) -> None:
    html = _page(tmp_path)
    edges = {e["relation"]: e for e in json.loads(re.search(r"edges = new vis\.DataSet\((\[.*?\])\);", html,
                                                            re.DOTALL).group(1))}  # type: ignore[union-attr]
    assert edges["based_on"]["dashes"] == [12, 4, 3, 4] and edges["based_on"]["label"] == "依据"
    assert edges["implements"]["dashes"] is False
