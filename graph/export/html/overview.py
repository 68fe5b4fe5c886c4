"""The overview a large corpus opens on: documents grouped by province and level, with counts,
each group opening in place on a click (overview.js).

A group is drawn as one node labelled with its place, level and count; groups sit in layers by
level (national on top), by province within a layer. What a group opens into is decided here:
its members, most cited first, at most `CAP` of them (a search or a link opens any other), on a
grid whose columns are fixed here, below the group's node. The page moves the groups of a
layer aside to make room for an open one: that is the only layout left to the browser.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping

import networkx as nx

from policygraph.corpus.analytics import province_of
from policygraph.export.html.panel import LEVEL_STYLE, level_of, name_of
from policygraph.models import LEVEL_RANK, NATION

LAYERS = (*LEVEL_RANK, "unknown")
CAP = 200  # members an open group draws
ROW = 8  # groups to a row
GROUP_GAP, LAYER_GAP = 230, 220  # between groups of a layer, between layers
CELL_X, CELL_Y = 180, 95  # an open group's grid
NOWHERE = "地区不明"


def group_of(a: Mapping) -> str:
    """The group of a document: 'group:' + province (地区不明 when unknown) + '·' + level."""
    lv = level_of(a)
    prov = NATION if lv == "national" else province_of(a.get("jurisdiction")) or NOWHERE
    return f"group:{prov}·{lv}"


def _stated_indegree(g: nx.DiGraph) -> Counter[str]:
    return Counter(t for _s, t, e in g.edges(data=True) if str(e.get("stated", True)) != "False")


def overview(g: nx.DiGraph, label: Mapping[str, str]) -> tuple[nx.DiGraph, dict[str, object]]:
    """The groups of `g` as a graph (edges counted between groups, by relation) with their
    positions, and what overview.js needs to open them: each group's members, most cited
    first, their labels (`label`: a node's drawing label) and sizes."""
    indeg = _stated_indegree(g)
    members: dict[str, list[str]] = defaultdict(list)
    for n, a in g.nodes(data=True):
        members[group_of(a)].append(n)
    groups = nx.DiGraph()
    for key, ms in members.items():
        ms.sort(key=lambda n: (-indeg.get(n, 0), name_of(n, g.nodes[n]), n))
        prov, lv = key.removeprefix("group:").rsplit("·", 1)
        where = "全国" if lv == "national" else prov
        groups.add_node(key, kind="group", level=lv if lv != "unknown" else "", count=len(ms),
                        title=f"{where} {LEVEL_STYLE[lv][1].split(' ')[0]}\n{len(ms)} 件 documents",
                        jurisdiction="" if prov == NOWHERE else prov, number="", year="")
    counts: Counter[tuple[str, str, str]] = Counter(
        (group_of(g.nodes[s]), group_of(g.nodes[t]), e.get("relation") or "cites")
        for s, t, e in g.edges(data=True))
    for (s, t, rel), k in sorted(counts.items(), key=lambda x: (-x[1], x[0])):
        if s == t:
            continue
        if groups.has_edge(s, t):
            groups.edges[s, t]["evidence"] += f"；{rel} {k}"
            groups.edges[s, t]["count"] += k
        else:
            groups.add_edge(s, t, relation=rel, stated=True, evidence=f"{rel} {k}", count=k)
    slots, columns = _slots(members)
    data = {
        "groups": [{"id": k, "row": row, "col": col, "count": len(members[k]), "members": members[k],
                    "label": groups.nodes[k]["title"], "cols": _columns(len(members[k]))}
                   for k, row, col in slots],
        "columns": columns,
        "draw": {n: [label[n], 8 + min(16, 2 * indeg.get(n, 0))] for n in g.nodes},
        "cap": CAP, "groupGap": GROUP_GAP, "layerGap": LAYER_GAP, "cellX": CELL_X, "cellY": CELL_Y,
    }
    return groups, data


def _province(group: str) -> str:
    return group.removeprefix("group:").rsplit("·", 1)[0]


def _columns(n: int) -> int:
    """An open group's grid columns: about 2.5 times as wide as tall."""
    return max(1, math.ceil(math.sqrt(2.5 * min(CAP, n))))


def _slots(members: Mapping[str, list[str]]) -> tuple[list[tuple[str, int, float]], int]:
    """Each group's row and column, and the columns of a row: layers top-down by level; each
    province in one column in every layer (most documents first), at most `ROW` columns, a
    layer taking as many rows as its provinces need, so that the overview is never a line at
    fit and a province's groups stand one above the other; the nation's in the middle."""
    size: Counter[str] = Counter()
    for k, ms in members.items():
        size[_province(k)] += len(ms)
    places = sorted((p for p in size if p != NATION), key=lambda p: (-size[p], p))
    columns = max(1, min(ROW, len(places)))
    slot = {p: i for i, p in enumerate(places)}
    out: list[tuple[str, int, float]] = []
    row = 0
    for layer in LAYERS:
        ids = sorted((k for k in members if k.rsplit("·", 1)[1] == layer),
                     key=lambda k: slot.get(_province(k), -1))
        for k in ids:
            p = _province(k)
            out.append((k, row + slot[p] // ROW, slot[p] % ROW) if p in slot else (k, row, (columns - 1) / 2))
        row += 1 + max((slot.get(_province(k), 0) // ROW for k in ids), default=-1)
    return out, columns


def group_positions(groups: list[dict], columns: int) -> dict[str, tuple[int, int]]:
    """Every group closed, at its row and column, the columns centred (as overview.js places
    them when none is open)."""
    return {grp["id"]: (round((grp["col"] - (columns - 1) / 2) * GROUP_GAP), grp["row"] * LAYER_GAP)
            for grp in groups}
