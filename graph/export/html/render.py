"""Interactive HTML pages of the graph, drawn by pyvis, that work offline.

pyvis draws (vis-network inlined); this module decides the look and the layout and fixes what
pyvis gets wrong for us: its template always pulls Bootstrap from a CDN and prints the heading
twice, so those are stripped, and no page ever makes a network request. Levels are layers
(national on top); within a level documents are grouped by province, jurisdiction and date;
positions are computed here, so physics is off and the page is still at once. Every text
reaches the page as data (JSON, vis-network plain-text tooltips, DOM textContent), never as
markup. Above `MAX_NODES` the full-corpus page is an overview (overview.py): groups by
province and level that open in place, and links to one page per cascade.
"""

from __future__ import annotations

import functools
import hashlib
import html
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from policygraph.corpus.analytics import CASCADE_RELATIONS, cascade, province_of
from policygraph.corpus.compare import Comparison, heads_of
from policygraph.corpus.names import short_label
from policygraph.export.html.overview import group_positions, overview
from policygraph.export.html.panel import (
    LEVEL_STYLE,
    RELATION_STYLE,
    details,
    filter_options,
    level_of,
    name_of,
)
from policygraph.export.html.search import search_index
from policygraph.export.html.timeline import timeline
from policygraph.models import IMPLEMENTATION_RELATIONS, LEVEL_RANK, NATION, RANKS, VALIDITY

MAX_NODES = 300  # above it, the corpus page opens on the overview (overview.py)
MAX_ISSUERS = 500  # the issuer filter suggests the commonest; any other can be typed
#: The canvas's fonts: the CJK fallbacks of explorer.css, for the labels vis-network draws.
FONTS = ('"Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "PingFang SC", "Microsoft YaHei", '
         'SimSun, sans-serif')
SCRIPTS = ("explorer.js", "filters.js", "search.js", "overview.js", "timeline.js")
X_GAP, Y_GAP, ROW_GAP = 170, 200, 60
LAYERS = (*LEVEL_RANK, "unknown")  # levels top-down, then nodes of unknown level
_EXTERNAL = re.compile(r"<(?:link|script)\b[^>]*\b(?:href|src)\s*=\s*\"https?://[^\"]*\"[^>]*>(?:\s*</script>)?",
                       re.IGNORECASE | re.DOTALL)
_HEADING = re.compile(r"<center>\s*<h1>.*?</h1>\s*</center>|<h1>\s*</h1>", re.DOTALL)


def _asset(name: str) -> str:
    return resources.files("policygraph.export.html.assets").joinpath(name).read_text(encoding="utf-8")


def layout(g: nx.DiGraph, root: str | None = None) -> dict[str, tuple[int, int]]:
    """Layers by level (national on top), a cascade's `root` alone above them all; within a
    layer, by province, jurisdiction, date, then id, wrapped into rows of about sqrt(0.35n)
    (at least 8), so that a large layer is about square, never a line, and labels stay
    readable at fit."""
    rows: dict[str, list[str]] = defaultdict(list)
    for n, a in g.nodes(data=True):
        rows["root" if n == root else level_of(a)].append(n)
    pos: dict[str, tuple[int, int]] = {}
    y = 0
    for lv in ("root", *LAYERS):
        members = sorted(rows.get(lv, ()), key=lambda n: (
            province_of(g.nodes[n].get("jurisdiction")) or "~", g.nodes[n].get("jurisdiction") or "~",
            g.nodes[n].get("date") or "~", n))
        if not members:
            continue
        cols = min(len(members), max(8, math.ceil(math.sqrt(0.35 * len(members)))))
        for i, n in enumerate(members):
            row, col = divmod(i, cols)
            width = (min(cols, len(members) - row * cols) - 1) * X_GAP
            pos[n] = (col * X_GAP - width // 2, y + row * ROW_GAP)
        y += (math.ceil(len(members) / cols) - 1) * ROW_GAP + Y_GAP
    return pos


def _tooltip(name: str, a: Mapping) -> str:
    """A node's hover text: its name, issuers, place and date, rank and validity."""
    rank, validity = a.get("rank") or "", a.get("validity") or ""
    lines = [name, a.get("issuers") or "",
             " · ".join(x for x in (a.get("jurisdiction"), a.get("date")) if x),
             " · ".join(x for x in (RANKS.get(rank, rank), VALIDITY.get(validity, validity)) if x)]
    if a.get("kind") in ("cited", "title"):
        lines.append("仅被引用（语料外）")
    return "\n".join(x for x in lines if x)


def _implementers(g: nx.DiGraph, n: str) -> int:
    return sum(1 for _s, _t, e in g.in_edges(n, data=True)
               if e.get("relation") in IMPLEMENTATION_RELATIONS and str(e.get("stated", True)) != "False")


def _json_for_script(data: object) -> str:
    """JSON that can sit inside <script type=application/json> whatever the strings hold."""
    return (json.dumps(data, ensure_ascii=False, sort_keys=True)
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


@functools.cache
def _templates(folder: str) -> Any:
    from jinja2 import Environment, FileSystemLoader

    return Environment(loader=FileSystemLoader(folder))


def render(
    g: nx.DiGraph,
    path: Path,
    title: str,
    comparisons: Iterable[Comparison] = (),
    labels: Mapping[str, str] | None = None,
    links: Mapping[str, str] | None = None,
    page_links: list[dict] | None = None,
    root: str | None = None,
    views: Mapping[str, str] | None = None,
    documents: nx.DiGraph | None = None,
) -> Path:
    """Write one offline explorer page of graph `g` (edges child → parent) to `path`; a
    cascade's `root` is drawn on top. With `documents`, the page is their overview: `g` is
    ignored, the groups of overview.py are drawn and open into `documents`."""
    labels = labels or {}
    comparisons = list(comparisons)
    edge_measures = {(c.child, c.parent): list(c.inherited) for c in comparisons if len(c.path) == 2}
    docs = g if documents is None else documents
    summary: dict[str, Any] | None = None
    if documents is not None:
        g, summary = overview(documents, {n: label_of(n, a) for n, a in documents.nodes(data=True)})
    pos = layout(g, root) if summary is None else group_positions(summary["groups"], summary["columns"])
    page = _network(g, edge_measures, pos).generate_html(notebook=False)
    page = _HEADING.sub("", _EXTERNAL.sub("", page))
    data = _page_data(docs, comparisons, labels, links or {}, edge_measures, page_links or [], views or {})
    data["overview"] = summary
    data["timeline"] = timeline(g, pos, root) if summary is None else None
    page = _with_explorer(page, title, docs, data)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8", newline="\n")
    return path


def _network(g: nx.DiGraph, edge_measures: Mapping[tuple[str, str], list[str]],
             pos: Mapping[str, tuple[int, int]]) -> Any:
    """The pyvis network of `g`: nodes at their layout positions, physics off."""
    from pyvis.network import Network

    net = Network(height="100%", width="100%", directed=True, notebook=False,
                  cdn_resources="in_line", heading="")
    net.templateEnv = _templates(net.template_dir)  # compiled once, not once a page
    _add_nodes(net, g, pos)
    _add_edges(net, g, edge_measures)
    net.set_options(json.dumps({
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": len(g) > 1000,
                        "navigationButtons": False},
        "edges": {"smooth": False},
        "nodes": {"font": {"multi": False}},
    }))
    return net


def label_of(n: str, a: Mapping) -> str:
    """A node's label on the drawing: its title cut short (a version's year after it) and,
    on a second line, its number; a group's name and count."""
    if a.get("kind") == "group":
        return str(a.get("title") or n)
    name = name_of(n, a)
    short = short_label(name, version_date=a.get("version_date") or None)
    number = a.get("number") or ""
    return f"{short}\n{number}" if number and a.get("title") else short


def _add_nodes(net: Any, g: nx.DiGraph, pos: Mapping[str, tuple[int, int]]) -> None:
    """A dot per document, coloured by level, sized by stated citations (a group by its count);
    a document only cited is hollow with a dashed border."""
    indeg = Counter(t for _s, t, e in g.edges(data=True) if str(e.get("stated", True)) != "False")
    for n in sorted(g.nodes, key=lambda n: (LAYERS.index(level_of(g.nodes[n])), pos[n][0], n)):
        a = g.nodes[n]
        lv = level_of(a)
        color = LEVEL_STYLE[lv][0]
        cited_only = a.get("kind") in ("cited", "title")
        name = name_of(n, a)
        group = a.get("kind") == "group"  # a box with its name and count inside, readable at fit
        net.add_node(
            n, label=label_of(n, a), title=_tooltip(name, a),
            x=pos[n][0], y=pos[n][1],
            level=LAYERS.index(lv), physics=False, shape="box" if group else "dot",
            size=10 + min(30, 4 * indeg.get(n, 0)),
            color={"background": "#ffffff" if cited_only else color, "border": color,
                   "highlight": {"background": color, "border": "#111111"}},
            borderWidth=2 if cited_only else 1,
            shapeProperties={"borderDashes": [4, 3]} if cited_only else {},
            font={"size": 20, "face": FONTS, "color": "#ffffff"} if group else {"size": 13, "face": FONTS},
            **({"margin": 12} if group else {}),
            pgLevel=lv, pgKind=a.get("kind") or "",
        )


def _add_edges(net: Any, g: nx.DiGraph, edge_measures: Mapping[tuple[str, str], list[str]]) -> None:
    """An arrow per edge, styled by relation, carrying the measures the child inherits."""
    for s, t, e in sorted(g.edges(data=True), key=lambda x: (x[0], x[1])):
        rel = e.get("relation") or "cites"
        label, color, dashed = RELATION_STYLE.get(rel, (rel, "#9aa5b1", True))
        count = e.get("count")  # between groups: how many citations
        net.add_edge(s, t, title=label.split(" ")[0] + ("：" + e["evidence"] if e.get("evidence") else ""),
                     label=str(count) if count else label.split(" ")[0], color=color, dashes=dashed,
                     arrows="to",
                     width=(1 + math.log2(count)) if count else 1 if dashed is True else 2, relation=rel,
                     measures=edge_measures.get((s, t), []),
                     font={"size": 14 if count else 10, "color": color, "strokeWidth": 3, "align": "middle"})


def _page_data(
    g: nx.DiGraph,
    comparisons: list[Comparison],
    labels: Mapping[str, str],
    links: Mapping[str, str],
    edge_measures: Mapping[tuple[str, str], list[str]],
    page_links: list[dict],
    views: Mapping[str, str],
) -> dict:
    """What explorer.js reads: node details, the legend, the search keys and what the filters
    offer (places below the nation, the commonest issuers)."""
    years = sorted(int(a["year"]) for _n, a in g.nodes(data=True) if str(a.get("year") or "").isdigit())
    concept_ids = sorted({c for ms in edge_measures.values() for c in ms}
                         | {c for cm in comparisons for c in (*cm.inherited, *cm.added)})
    nodes = details(g, comparisons, labels, links, views)
    return {
        "nodes": nodes,
        **filter_options(g),
        **_places_and_issuers(g, nodes),
        "legend": {
            "levels": [{"key": k, "color": LEVEL_STYLE[k][0], "label": LEVEL_STYLE[k][1]} for k in LAYERS],
            "relations": [{"key": k, "label": v[0], "color": v[1], "dashed": v[2]}
                          for k, v in RELATION_STYLE.items()],
        },
        "measures": [{"key": c, "label": labels.get(c, c)} for c in concept_ids],
        "years": [years[0], years[-1]] if years else [],
        "links": page_links,
        "search": search_index(g),
    }


def _places_and_issuers(g: nx.DiGraph, nodes: Mapping[str, dict]) -> dict[str, object]:
    """The province filter's choices (places below the nation), each province's cities, and
    the issuers the issuer filter suggests (the commonest first)."""
    cities: dict[str, set[str]] = defaultdict(set)
    for d in nodes.values():
        if d.get("province") and d.get("city"):
            cities[d["province"]].add(d["city"])
    issuers = Counter(i for _n, a in g.nodes(data=True) for i in str(a.get("issuers") or "").split("、") if i)
    return {
        "provinces": sorted({d["province"] for d in nodes.values()
                             if d.get("province") not in (None, NATION)}),
        "cities": {p: sorted(c) for p, c in sorted(cities.items())},
        "issuers": [i for i, _k in sorted(issuers.items(), key=lambda x: (-x[1], x[0]))[:MAX_ISSUERS]],
    }


def _with_explorer(page: str, title: str, g: nx.DiGraph, data: dict) -> str:
    """pyvis's page with our title, style, header, side panel, data and script."""
    header = (
        '<div id="pg-header"><h1>' + html.escape(title) + '</h1><span class="pg-stats">'
        + f"{g.number_of_nodes()} documents · {g.number_of_edges()} links · showing "
        + '<span id="pg-visible"></span></span>'
        + '<input id="pg-search" type="search" placeholder="文号或标题 number or title, Enter"></div>'
        + '<div id="pg-main"><div id="pg-filters"></div><div id="pg-canvas-wrap">'
    )
    panel = ('</div><div id="pg-panel" class="empty">点击文件查看引用与政策工具。'
             "Click a document for its citations and measures.</div></div>")
    page = page.replace("<head>", "<head>\n<title>" + html.escape(title) + "</title>"
                        + "<style>" + _asset("explorer.css") + "</style>", 1)
    body_open = re.search(r"<body[^>]*>", page)
    assert body_open is not None
    page = page[:body_open.end()] + header + page[body_open.end():]
    return page.replace("</body>", panel + '<script type="application/json" id="pg-data">'
                        + _json_for_script(data) + "</script><script>" + _scripts()
                        + "</script></body>", 1)


@functools.cache
def _scripts() -> str:
    """The explorer's scripts in the order they build on each other, then the start."""
    return "\n".join(_asset(f) for f in SCRIPTS) + "\nPG.start();\n"


def cascade_title(g: nx.DiGraph, root: str) -> str:
    """The heading of a document's cascade page: the document by name."""
    return f"{name_of(root, g.nodes[root])} 的传导链 cascade"


def page_name(node: str) -> str:
    """A stable, readable file name for a document's cascade page."""
    readable = re.sub(r"[^\w\u4e00-\u9fff]+", "_", node).strip("_")[:40]
    return f"{readable}_{hashlib.sha1(node.encode('utf-8')).hexdigest()[:8]}.html"


def cascade_subgraph(g: nx.DiGraph, root: str, include_probable: bool = False,
                     relations: Collection[str] = CASCADE_RELATIONS) -> nx.DiGraph:
    """The root, its cascade (following `relations`), and the edges among them."""
    members = {root} | {r["id"] for r in cascade(g, root, include_probable, relations)}
    return g.subgraph(sorted(members)).copy()


def render_corpus(
    g: nx.DiGraph,
    out: Path,
    title: str,
    comparisons: Iterable[Comparison] = (),
    labels: Mapping[str, str] | None = None,
    max_nodes: int = MAX_NODES,
    cascade_pages: int = 30,
    views: Mapping[str, str] | None = None,
) -> dict[str, Path]:
    """graph.html for the whole corpus (aggregated beyond `max_nodes`), and one page per
    cascade for the most-cited documents that have one, in cascades/; `views` are the
    documents' text views (documents.py), relative to `out`."""
    views = views or {}
    if not isinstance(comparisons, Sequence):
        comparisons = list(comparisons)
    ranked = sorted(((n, _implementers(g, n)) for n in g.nodes), key=lambda x: (-x[1], x[0]))
    roots = [n for n, k in ranked if k > 0][:cascade_pages]
    links = {r: f"cascades/{page_name(r)}" for r in roots}
    written: dict[str, Path] = {}
    # A build's Summaries (build/comparisons.py) decodes a comparison when it is read: index
    # them by child and parent and read only those of the cascades drawn.
    heads = heads_of(comparisons)
    by_child: dict[str, list[int]] = {}  # in the order they came
    for i, (child, _parent, _via) in enumerate(heads):
        by_child.setdefault(child, []).append(i)
    sizes = {}
    for r in roots:
        sub = cascade_subgraph(g, r)
        sizes[r] = f"{sub.number_of_nodes() - 1} 件"
        inside = [comparisons[i] for i in sorted(i for n in sub for i in by_child.get(n, ())
                                                 if heads[i][1] in sub)]
        written[r] = render(sub, out / links[r], cascade_title(g, r), inside, labels,
                            {n: "../" + links[n] for n in sub if n in links and n != r}, root=r,
                            views={n: "../" + views[n] for n in sub if n in views})
    page_links = [{"href": links[r], "label": name_of(r, g.nodes[r]), "count": sizes[r]} for r in roots]
    if g.number_of_nodes() > max_nodes:
        written["graph"] = render(g, out / "graph.html", f"{title}（总览 overview）", comparisons, labels,
                                  links, page_links, views=views, documents=g)
    else:
        written["graph"] = render(g, out / "graph.html", title, comparisons, labels, links, page_links,
                                  views=views)
    return written
