"""Questions researchers ask of the graph, as plain functions over the networkx DiGraph.

Edges point child → parent. A cascade follows the stated implementation relations
(models.IMPLEMENTATION_RELATIONS: forwards, issues, implements, based_on: a document forwarding,
issuing, implementing or resting its legal basis on its parent, directly or through
intermediaries), never plain citations (cites: provision cross-references such as
依照《X》第N条处罚) unless asked for with `relations`; probable links join only when asked for.

>>> import networkx as nx
>>> g = nx.DiGraph()
>>> g.add_node("A", level="national", date="2003-05-12", jurisdiction="中华人民共和国")
>>> g.add_node("B", level="provincial", date="2003-08-06", jurisdiction="广东省")
>>> g.add_edge("B", "A", relation="forwards", stated=True)
>>> [(r["id"], r["lag_days"]) for r in cascade(g, "A")]
[('B', 86)]
"""

from __future__ import annotations

import statistics
from collections import Counter, deque
from collections.abc import Collection
from datetime import date

import networkx as nx

from policygraph.extract.gazetteer import province_of
from policygraph.models import IMPLEMENTATION_RELATIONS, LEVEL_RANK, LEVELS, RELATION_PRIORITY

#: The relations a cascade follows unless told otherwise.
CASCADE_RELATIONS = frozenset(IMPLEMENTATION_RELATIONS)


def _stated(attrs: dict) -> bool:
    s = attrs.get("stated", True)
    return s is True or s == "True" or s == "true"


def _follows(attrs: dict, include_probable: bool, relations: Collection[str] = CASCADE_RELATIONS) -> bool:
    rel = attrs.get("relation")
    if rel in relations and _stated(attrs):
        return True
    return include_probable and rel == "probably-implements"


def relations_arg(text: str | None) -> frozenset[str]:
    """The relations a cascade follows from a comma list (`--relations cites,amends`): those
    named beside the implementation relations; `only:` before the list keeps just those."""
    if not text:
        return CASCADE_RELATIONS
    only = text.startswith("only:")
    named = frozenset(r.strip() for r in text.removeprefix("only:").split(",") if r.strip())
    unknown = sorted(named - set(RELATION_PRIORITY))
    if unknown:
        known = ", ".join(sorted(RELATION_PRIORITY))
        raise ValueError(f"unknown relation {', '.join(unknown)} (known: {known})")
    return named if only else CASCADE_RELATIONS | named


def followed(relations: Collection[str]) -> str:
    """The relations a cascade follows, said in its header: 'follows forwards, issues, …'."""
    order = [r for r in RELATION_PRIORITY if r in relations]
    return "follows " + ", ".join(order + sorted(set(relations) - set(order)))


def days_between(a: str | None, b: str | None) -> int | None:
    """Days from ISO date b to ISO date a; None if either is missing or not a date."""
    if not a or not b:
        return None
    try:
        return (date.fromisoformat(a) - date.fromisoformat(b)).days
    except ValueError:
        return None


def cascade(g: nx.DiGraph, root: str, include_probable: bool = False,
            relations: Collection[str] = CASCADE_RELATIONS) -> list[dict]:
    """Every document that implements `root` (by default forwards, issues, implements or rests
    on it as its legal basis: `relations`), directly or through others.

    Each row: id, title, level, jurisdiction, date, depth (hops to the root), parent (the
    next document towards the root on a shortest path), path, lag_days (from the root's date)
    and lag_parent_days (from the parent's date); lags are None where a date is unknown.
    Sorted by level, then date, then id.
    """
    if root not in g:
        raise KeyError(root)
    rdate = g.nodes[root].get("date") or None
    depth_of = {root: 0}
    parent_of: dict[str, str] = {}  # breadth first: the next document on a shortest path to the root
    queue = deque([root])
    while queue:
        parent = queue.popleft()
        for child in sorted(g.predecessors(parent)):
            if child in depth_of or not _follows(g.edges[child, parent], include_probable, relations):
                continue
            depth_of[child] = depth_of[parent] + 1
            parent_of[child] = parent
            queue.append(child)
    rows = []
    for node, parent in parent_of.items():
        a = g.nodes[node]
        path = [node]
        while path[-1] != root:
            path.append(parent_of[path[-1]])
        ndate = a.get("date") or None
        rows.append({
            "id": node, "title": a.get("title") or None, "level": a.get("level") or None,
            "jurisdiction": a.get("jurisdiction") or None, "date": ndate, "depth": depth_of[node],
            "parent": parent, "relation": g.edges[node, parent].get("relation"),
            "path": path, "lag_days": days_between(ndate, rdate),
            "lag_parent_days": days_between(ndate, g.nodes[parent].get("date") or None),
        })
    rows.sort(key=lambda r: (LEVEL_RANK.get(r["level"], 9), r["date"] or "9999", r["id"]))
    return rows


def by_level(rows: list[dict]) -> dict[str, list[dict]]:
    """Cascade rows grouped by level (national first), unknown level last."""
    out: dict[str, list[dict]] = {}
    for r in rows:
        out.setdefault(r["level"] or "unknown", []).append(r)
    return dict(sorted(out.items(), key=lambda kv: LEVEL_RANK.get(kv[0], 9)))


def most_cited(g: nx.DiGraph, n: int = 20) -> list[tuple[str, int]]:
    """Documents by how many documents cite them (stated edges only)."""
    counts = Counter(t for _s, t, a in g.edges(data=True) if _stated(a))
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def level_skips(g: nx.DiGraph) -> list[dict]:
    """Implementation edges (CASCADE_RELATIONS) that skip a level (a city implementing the centre
    directly)."""
    out = []
    for s, t, a in sorted(g.edges(data=True), key=lambda e: (e[0], e[1])):
        if not _follows(a, False):
            continue
        ls, lt = g.nodes[s].get("level"), g.nodes[t].get("level")
        if ls in LEVEL_RANK and lt in LEVEL_RANK and LEVEL_RANK[ls] - LEVEL_RANK[lt] >= 2:
            out.append({"child": s, "child_level": ls, "parent": t, "parent_level": lt,
                        "relation": a.get("relation"), "skipped": LEVEL_RANK[ls] - LEVEL_RANK[lt] - 1})
    return out


def province_reach(g: nx.DiGraph, root: str, include_probable: bool = False,
                   relations: Collection[str] = CASCADE_RELATIONS) -> list[dict]:
    """Per province: how many documents of the cascade, at which levels, how fast."""
    groups: dict[str, list[dict]] = {}
    for r in cascade(g, root, include_probable, relations):
        groups.setdefault(province_of(r["jurisdiction"]) or "unknown", []).append(r)
    out = []
    for prov, rows in sorted(groups.items()):
        lags = [r["lag_days"] for r in rows if r["lag_days"] is not None]
        out.append({
            "province": prov, "documents": len(rows),
            **{lv: sum(1 for r in rows if r["level"] == lv) for lv in LEVELS[1:]},
            "first_date": min((r["date"] for r in rows if r["date"]), default=None),
            "median_lag_days": statistics.median(lags) if lags else None,
        })
    return out
