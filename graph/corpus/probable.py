"""Probable links: a document sharing a higher-level document's title with the issuer swapped,
dated after it, probably implements it. Kept apart from stated links (`via` probable, never part
of a stated cascade)."""

from __future__ import annotations

from collections import defaultdict

from policygraph.corpus.names import node_name
from policygraph.corpus.titles import core_title
from policygraph.models import LEVEL_RANK, Edge, Node

PROBABLE_MAX_YEARS = 3


def probable_links(nodes: dict[str, Node], edges: dict[tuple[str, str], Edge]) -> list[Edge]:
    """A document that shares a higher-level document's title with the issuer swapped, and is
    dated after it, probably implements it (苏政发〔2003〕64号《省政府关于加快推进再就业工作的通知》
    after 国办发〔2003〕40号《国务院办公厅关于加快推进再就业工作的通知》). Only a parent
    governing the child's territory, at the nearest higher level, and of those the one issued
    last before the child, is linked: one probable parent per title, not one per namesake. A
    stated edge between the two always wins."""
    by_core: dict[str, list[Node]] = defaultdict(list)
    for n in nodes.values():
        for t in n.titles:
            core = core_title(t)
            if core and n.level in LEVEL_RANK and len(core) >= 8:
                by_core[core].append(n)
    out: list[Edge] = []
    for core, group in sorted(by_core.items()):
        group = sorted({n.id: n for n in group}.values(), key=lambda n: n.id)
        if len(group) < 2:
            continue
        places = _Places(group)
        for child in group:
            latest = None
            # (ignore: by_core holds only nodes whose level is in LEVEL_RANK)
            for rank in range(LEVEL_RANK[child.level] - 1, -1, -1):  # type: ignore[index]
                latest = places.latest(child, rank)
                if latest is not None:  # the nearest level with a candidate
                    break
            if latest is None or (child.id, latest.id) in edges:
                continue
            out.append(Edge(
                source=child.id, target=latest.id, relation="probably-implements",
                via="probable", confidence=0.6,
                reason=(f"same title as {node_name(latest)} ({latest.level}) with the issuer swapped: "
                        f"《{_title_with(child, core)}》 after 《{_title_with(latest, core)}》"),
            ))
    return out


def _issued(p: Node) -> tuple[str, str]:
    return (p.date or str(p.year or ""), p.id)


class _Places:
    """Same-titled documents by level and jurisdiction, latest first, so a child's probable
    parent (governing its territory, _after it, the one issued last) is looked up rather than
    searched for among every namesake: a generated or scraped corpus can hold thousands of
    documents with one title."""

    def __init__(self, group: list[Node]) -> None:
        self.anywhere: dict[int, list[Node]] = defaultdict(list)  # national, or no jurisdiction
        self.at: dict[tuple[int, str], list[Node]] = defaultdict(list)
        self.all: dict[int, list[Node]] = defaultdict(list)
        for p in sorted(group, key=_issued, reverse=True):
            rank = LEVEL_RANK[p.level]  # type: ignore[index]  # a group holds known levels only
            self.all[rank].append(p)
            if p.level == "national" or not p.jurisdiction:
                self.anywhere[rank].append(p)
            else:
                self.at[rank, p.jurisdiction].append(p)

    def latest(self, child: Node, rank: int) -> Node | None:
        """Of the documents of this level that govern the child's territory and precede it
        (_after), the one issued last. A parent governs the child's territory if it is national,
        has no jurisdiction, or its jurisdiction contains the child's (a 江苏省 notice for a
        江苏省淮安市 document, never a 浙江省 one); a child of unknown jurisdiction may have any."""
        if not child.jurisdiction:
            buckets = [self.all.get(rank, [])]
        else:
            j = child.jurisdiction
            buckets = [self.anywhere.get(rank, []), *(self.at.get((rank, j[:k]), [])
                                                      for k in range(1, len(j) + 1))]
        found = [next((p for p in bucket if _after(child, p)), None) for bucket in buckets]
        return max((p for p in found if p is not None), key=_issued, default=None)


def _after(child: Node, parent: Node) -> bool:
    """Child dated after parent (by date, else by year), within PROBABLE_MAX_YEARS years."""
    if child.date and parent.date:
        return child.date >= parent.date and int(child.date[:4]) - int(parent.date[:4]) <= PROBABLE_MAX_YEARS
    if child.year and parent.year:
        return 0 <= child.year - parent.year <= PROBABLE_MAX_YEARS
    return False


def _title_with(n: Node, core: str) -> str:
    return next((t for t in n.titles if core_title(t) == core), n.title or "")

