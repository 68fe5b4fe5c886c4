"""A page's documents on a time axis: when each level responded.

Positions for the explorer's time view (timeline.js switches to them): x is the document's date
on a linear scale, y its level's layer (national on top), documents of one level close in time
stacked; undated documents stand in a column of their own left of the axis. Computed when the
page is built, like the layered positions.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import networkx as nx

from policygraph.export.html.panel import level_of
from policygraph.models import LEVEL_RANK

LAYERS = (*LEVEL_RANK, "unknown")
WIDTH_PER_NODE, MIN_WIDTH = 60, 1400
LAYER_GAP, STACK_GAP, STACK = 260, 38, 6
UNDATED_X = -260


def _day(iso: str | None) -> int | None:
    try:
        return date.fromisoformat(str(iso)[:10]).toordinal() if iso else None
    except ValueError:
        return None


def timeline(g: nx.DiGraph, pos: Mapping[str, tuple[int, int]], root: str | None = None
             ) -> dict[str, object] | None:
    """{pos: id → [x, y], ticks: [[x, year]]} for the documents of `g` (a cascade's `root` in a
    layer above the others), or None when fewer than two dates differ (no axis to draw). `pos`
    (the layered layout) orders the stacking."""
    days = {n: d for n, a in g.nodes(data=True) if (d := _day(a.get("date"))) is not None}
    if len(set(days.values())) < 2:
        return None
    first, last = min(days.values()), max(days.values())
    width = max(MIN_WIDTH, WIDTH_PER_NODE * len(days))
    scale = width / (last - first)
    out: dict[str, list[int]] = {}
    last_x: dict[tuple[int, int], float] = {}  # (layer, stack slot) → the x last placed there
    for n in sorted(g.nodes, key=lambda n: (days.get(n, first - 1), pos[n][0], n)):
        layer = -1 if n == root else LAYERS.index(level_of(g.nodes[n]))
        x = UNDATED_X if n not in days else round((days[n] - first) * scale)
        slot = next((k for k in range(STACK) if x - last_x.get((layer, k), -1e9) >= WIDTH_PER_NODE * 2), 0)
        last_x[(layer, slot)] = x
        out[n] = [x, layer * LAYER_GAP + slot * STACK_GAP]
    y0, y1 = date.fromordinal(first).year, date.fromordinal(last).year
    step = max(1, (y1 - y0) // 12)
    ticks = [(round((date(y, 1, 1).toordinal() - first) * scale), str(y))
             for y in range(y0 + 1, y1 + 1, step)]
    return {"pos": out, "ticks": [[x, y] for x, y in ticks if 0 <= x <= width], "undatedX": UNDATED_X}
