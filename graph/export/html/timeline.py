"""A page's documents on a time axis: when each level responded.

Positions for the explorer's time view (timeline.js switches to them): x is the document's date
on a linear scale, y its level's layer (national on top), documents of one level close in time
stacked; a document with only a year at the middle of it; undated documents stand in a
column of their own left of the axis. Computed when the
page is built, like the layered positions.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import networkx as nx

from policygraph.export.html.panel import level_of
from policygraph.models import LEVEL_RANK

LAYERS = (*LEVEL_RANK, "unknown")
WIDTH_PER_NODE, MIN_WIDTH = 60, 900
LAYER_GAP, STACK_GAP, STACK = 260, 38, 6
UNDATED_X = -260


def _day(iso: str | None) -> int | None:
    try:
        return date.fromisoformat(str(iso)[:10]).toordinal() if iso else None
    except ValueError:
        return None


def _when(a: Mapping) -> int | None:
    """A document's day: its date, else the middle of its year (a document known only from
    citations often has only the year of its number)."""
    year = str(a.get("year") or "")
    return _day(a.get("date")) or (_day(f"{year}-07-01") if year.isdigit() else None)


def _ticks(first: int, last: int, scale: float) -> list[list[object]]:
    """Years on the axis; months (every quarter) when it spans three years or less."""
    y0, y1 = date.fromordinal(first).year, date.fromordinal(last).year
    if y1 - y0 <= 3:
        marks = [date(y, m, 1) for y in range(y0, y1 + 1) for m in (1, 4, 7, 10)]
        labels = [d.isoformat()[:7] for d in marks]
    else:
        step = max(1, (y1 - y0) // 12)
        marks = [date(y, 1, 1) for y in range(y0 + 1, y1 + 1, step)]
        labels = [str(d.year) for d in marks]
    return [[round((d.toordinal() - first) * scale), label] for d, label in zip(marks, labels, strict=True)
            if first <= d.toordinal() <= last]


def timeline(g: nx.DiGraph, pos: Mapping[str, tuple[int, int]], root: str | None = None
             ) -> dict[str, object] | None:
    """{pos: id → [x, y], ticks: [[x, year]]} for the documents of `g` (a cascade's `root` in a
    layer above the others), or None when fewer than two dates differ (no axis to draw). `pos`
    (the layered layout) orders the stacking."""
    days = {n: d for n, a in g.nodes(data=True) if (d := _when(a)) is not None}
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
    return {"pos": out, "ticks": _ticks(first, last, scale), "undatedX": UNDATED_X}
