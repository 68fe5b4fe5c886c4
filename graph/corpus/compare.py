"""What travels down an edge: a child document against a parent (or any ancestor).

Measures are compared by concept: inherited (both), added (child only: local innovation),
dropped (parent only). Targets are compared by indicator, in the direction that matters for
it (a lower 失业率 or a stricter 以内 for 左右 is *tightened*; a higher 覆盖率 is tightened too).
Deadlines are compared per concept (a later date is a deadline moved later). Text reuse is
measured with jieba word 3-gram shingles: the share of the child's shingles found in the
parent, and for each child provision the parent provision it resembles most.
"""

from __future__ import annotations

import sys
from collections import deque
from collections.abc import Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, ClassVar

from policygraph.corpus.analytics import days_between
from policygraph.extract.regexes import LOWER_IS_BETTER
from policygraph.extract.shingles import shingles
from policygraph.extract.shingles import unpack as shingle_set
from policygraph.models import DocumentRecord, Edge, MeasureMention, Measures, MentionDeadline, Target

#: How demanding a comparator is, for an indicator that should be low / high.
_STRICT_LOW = {"at_most": 2, "equal": 1, "about": 0, "at_least": -1}
_STRICT_HIGH = {"at_least": 2, "equal": 1, "about": 0, "at_most": -1}


@dataclass(frozen=True, slots=True)
class TargetSide:
    """One side of a target change: what the parent, or the child, sets."""

    value: float
    unit: str
    comparator: str
    text: str

    @classmethod
    def of(cls, t: Target) -> TargetSide:
        return cls(t.value, t.unit, t.comparator, t.text)

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "unit": self.unit, "comparator": self.comparator, "text": self.text}


@dataclass(frozen=True, slots=True)
class TargetChange:
    """A parent's target the child sets too (same indicator and unit), and which way it moved:
    tightened | loosened | same | rescaled | changed (see target_change)."""

    kind: ClassVar[str] = "target"
    indicator: str
    parent: TargetSide
    child: TargetSide
    direction: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "indicator": self.indicator, "parent": self.parent.to_dict(),
                "child": self.child.to_dict(), "direction": self.direction}


@dataclass(frozen=True, slots=True)
class DeadlineChange:
    """The earliest dated deadline of a measure both set, on each side: `days` from the parent's
    to the child's; direction earlier | same | later."""

    kind: ClassVar[str] = "deadline"
    concept: str
    label: str
    parent: MentionDeadline
    child: MentionDeadline
    days: int | None
    direction: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "concept": self.concept, "label": self.label,
                "parent": self.parent.to_dict(), "child": self.child.to_dict(), "days": self.days,
                "direction": self.direction}


@dataclass(frozen=True, slots=True)
class AgencyChange:
    """The agencies responsible for a measure both set, added and removed by the child."""

    kind: ClassVar[str] = "agencies"
    direction: ClassVar[None] = None  # a change of agencies does not move anything
    concept: str
    label: str
    added: tuple[str, ...]
    removed: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "concept": self.concept, "label": self.label,
                "added": list(self.added), "removed": list(self.removed)}


Change = TargetChange | DeadlineChange | AgencyChange


def change_from_dict(d: dict[str, Any]) -> Change:
    """The inverse of a change's to_dict."""
    if d["kind"] == "target":
        return TargetChange(d["indicator"], TargetSide(**d["parent"]), TargetSide(**d["child"]),
                            d["direction"])
    if d["kind"] == "deadline":
        return DeadlineChange(d["concept"], d["label"], MentionDeadline.from_dict(d["parent"]),
                              MentionDeadline.from_dict(d["child"]), d["days"], d["direction"])
    return AgencyChange(d["concept"], d["label"], tuple(d["added"]), tuple(d["removed"]))


@dataclass(frozen=True)
class Comparison:
    child: str
    parent: str
    via: str  # stated | probable | requested
    path: tuple[str, ...]
    inherited: tuple[str, ...]
    added: tuple[str, ...]
    dropped: tuple[str, ...]
    changes: tuple[Change, ...]
    reuse: dict

    @classmethod
    def from_dict(cls, d: dict) -> Comparison:
        """The inverse of to_dict (a comparison read back from comparisons.jsonl)."""
        def names(xs: list[str]) -> tuple[str, ...]:  # shared strings: a rebuild reads back
            return tuple(sys.intern(x) for x in xs)    # hundreds of thousands of these

        return cls(sys.intern(d["child"]), sys.intern(d["parent"]), sys.intern(d["via"]), names(d["path"]),
                   names(d["inherited"]), names(d["added"]), names(d["dropped"]),
                   tuple(change_from_dict(x) for x in d["changes"]),
                   d["reuse"])

    def to_dict(self) -> dict:
        return {"child": self.child, "parent": self.parent, "via": self.via, "path": list(self.path),
                "inherited": list(self.inherited), "added": list(self.added),
                "dropped": list(self.dropped), "changes": [ch.to_dict() for ch in self.changes],
                "reuse": self.reuse}


def measures_by_node(records: Iterable[DocumentRecord]) -> dict[str, Measures]:
    """The measures of every document whose text is in the corpus, by graph node id."""
    out: dict[str, Measures] = {}
    for r in sorted(records, key=lambda r: r.source):
        if r.measures is not None:
            out.setdefault(r.id, r.measures)
    for r in sorted(records, key=lambda r: r.source):
        for p in r.parts:
            if p.measures is not None:
                out.setdefault(p.number or p.id, p.measures)
    return out


def _concepts(m: Measures) -> dict[str, MeasureMention]:
    out: dict[str, MeasureMention] = {}
    for x in m.measures:
        out.setdefault(x.concept, x)
    return out


def _same_indicator(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    return a == b or (min(len(a), len(b)) >= 4 and (a in b or b in a))


RATE_UNITS = frozenset({"%", "个百分点"})


def target_change(parent: Target, child: Target, same_scale: bool = True) -> str:
    """tightened | loosened | same | rescaled (a count set for a different jurisdiction: a
    city's 2.4万人 is not a loosening of the nation's 800万人) | changed (units differ)."""
    if parent.unit != child.unit:
        return "changed"
    if parent.unit not in RATE_UNITS and not same_scale:
        return "rescaled"
    if parent.change != child.change and "decrease" in (parent.change, child.change):
        return "changed"  # a cut beside a level: 能耗降低3% against 能耗控制在…
    # a cut is the more demanding the deeper (能耗降低3% beside 2.5%), whatever it cuts
    low = (bool(LOWER_IS_BETTER.search(parent.indicator or "")) or parent.comparator == "at_most") \
        and parent.change != "decrease"
    pv, cv = parent.value, child.value
    if pv != cv:
        better = cv < pv if low else cv > pv
        return "tightened" if better else "loosened"
    rank = _STRICT_LOW if low else _STRICT_HIGH
    d = rank[child.comparator] - rank[parent.comparator]
    return "tightened" if d > 0 else "loosened" if d < 0 else "same"


@dataclass(frozen=True)
class ShingleIndex:
    """A document's provisions as word 3-gram sets, and all its 3-grams in one set.

    Matching intersects sets (C loops over hashes) rather than looking each 3-gram up in an
    inverted index (a Python loop): documents have a handful of provisions, so a child
    provision against every parent provision is a few intersections, and building the index
    was half the cost of a comparison."""

    paths: tuple[str, ...]
    sets: tuple[frozenset[int], ...]
    every: frozenset[int]

    @classmethod
    def of(cls, m: Measures) -> ShingleIndex:
        """From the shingles extraction stored with the measures; computed here if absent."""
        if len(m.shingles) == len(m.provisions):
            sets = tuple(shingle_set(b) for b in m.shingles)
        else:
            sets = tuple(shingles(p.text) for p in m.provisions)
        return cls(tuple(p.path for p in m.provisions), sets, frozenset().union(*sets))


def reuse(child: ShingleIndex, parent: ShingleIndex) -> dict:
    """Share of the child's word 3-grams found in the parent; best parent match per provision."""
    total = copied = 0
    rows = []
    for path, cs in zip(child.paths, child.sets, strict=True):
        n = len(cs)
        total += n
        copied += len(cs & parent.every)
        best, score = None, 0.0
        for j, ps in enumerate(parent.sets):  # the first of equally good matches wins
            inter = len(cs & ps)
            if inter:
                sim = inter / (n + len(ps) - inter)
                if sim > score:
                    best, score = parent.paths[j], sim
        rows.append({"child": path, "parent": best, "similarity": round(score, 3)})
    return {"share": round(copied / total, 3) if total else 0.0, "shingles": total, "copied": copied,
            "provisions": rows}


def _target_changes(parent: Measures, child: Measures, same_scale: bool) -> list[Change]:
    """Each parent target the child sets too (same indicator and unit), and which way it moved."""
    changes: list[Change] = []
    for pt in parent.targets:
        for ct in child.targets:
            if pt.indicator and _same_indicator(pt.indicator, ct.indicator) and pt.unit == ct.unit:
                changes.append(TargetChange(pt.indicator, TargetSide.of(pt), TargetSide.of(ct),
                                            target_change(pt, ct, same_scale)))
                break
    return changes


def _concept_changes(concept: str, parent: Measures, child: Measures, pm: MeasureMention,
                     cm: MeasureMention) -> list[Change]:
    """For a measure both set: the earliest deadline moved, the responsible agencies changed."""
    changes: list[Change] = []
    pd = [d for m in parent.measures if m.concept == concept for d in m.deadlines if d.date]
    cd = [d for m in child.measures if m.concept == concept for d in m.deadlines if d.date]
    if pd and cd:
        p0 = min(pd, key=lambda d: d.date or "")  # all dated
        c0 = min(cd, key=lambda d: d.date or "")
        days = days_between(c0.date, p0.date)
        changes.append(DeadlineChange(concept, pm.label, p0, c0, days,
                                      "same" if days == 0 else "later" if (days or 0) > 0 else "earlier"))
    pa, ca = set(pm.agencies), set(cm.agencies)
    if pa and ca and pa != ca:
        changes.append(AgencyChange(concept, pm.label, tuple(sorted(ca - pa)), tuple(sorted(pa - ca))))
    return changes


def compare(child_id: str, parent_id: str, child: Measures, parent: Measures, via: str = "requested",
            path: tuple[str, ...] = (), same_scale: bool = False,
            indexes: tuple[ShingleIndex, ShingleIndex] | None = None) -> Comparison:
    """Compare the measures of a child document with those of a parent or ancestor.

    `same_scale`: both documents govern the same territory, so counts (人, 个) compare too;
    otherwise only rates (%) get a direction. `indexes`: the shingle indexes of child and
    parent (ShingleIndex.of), when the caller already has them."""
    cc, pc = _concepts(child), _concepts(parent)
    changes = _target_changes(parent, child, same_scale)
    for concept in sorted(cc.keys() & pc.keys()):
        changes += _concept_changes(concept, parent, child, pc[concept], cc[concept])
    return Comparison(
        child=child_id, parent=parent_id, via=via, path=path or (child_id, parent_id),
        inherited=tuple(sorted(cc.keys() & pc.keys())),
        added=tuple(sorted(cc.keys() - pc.keys())),
        dropped=tuple(sorted(pc.keys() - cc.keys())),
        changes=tuple(changes),
        reuse=reuse(*(indexes or (ShingleIndex.of(child), ShingleIndex.of(parent)))),
    )


CASCADE = frozenset({"implements", "forwards"})


@dataclass(frozen=True)
class Pair:
    """One comparison to make: a child against one ancestor, reached along `path`."""

    child: str
    parent: str
    via: str  # stated | probable
    path: tuple[str, ...]
    same_scale: bool  # both govern the same territory


def plan(
    edges: Iterable[Edge], has_measures: Container[str] | Iterable[str], max_depth: int = 4,
    places: Mapping[str, str | None] | None = None,
) -> Iterator[Pair]:
    """Each document with text against each ancestor with text, up stated implements/forwards
    edges (via 'stated') and, where a probable link is on the way, marked via 'probable'.

    Only the graph is walked (no measures are read), in a fixed order (children sorted,
    nearest ancestors first), so a build can tell which comparisons it already has."""
    up: dict[str, list[Edge]] = {}
    for e in edges:
        if e.relation in CASCADE or e.relation == "probably-implements":
            up.setdefault(e.source, []).append(e)
    for targets in up.values():
        targets.sort(key=lambda e: e.target)
    known = set(has_measures)  # type: ignore[arg-type]  # a Mapping is both a Container and an Iterable
    for child in sorted(known):
        seen = {child}
        queue: deque[tuple[str, tuple[str, ...], bool]] = deque([(child, (child,), False)])
        while queue:
            node, path, probable = queue.popleft()
            if len(path) > max_depth:
                continue
            for e in up.get(node, ()):
                if e.target in seen:
                    continue
                seen.add(e.target)
                p2 = (*path, e.target)
                pr = probable or e.relation == "probably-implements"
                if e.target in known:
                    same = places is not None and places.get(child) is not None and \
                        places.get(child) == places.get(e.target)
                    yield Pair(child, e.target, "probable" if pr else "stated", p2, same)
                queue.append((e.target, p2, pr))


def compare_along(
    edges: Iterable[Edge], measures: Mapping[str, Measures], max_depth: int = 4,
    places: Mapping[str, str | None] | None = None,
) -> Iterator[Comparison]:
    """Every comparison `plan` finds, made one after another (a build makes them in worker
    processes, keeping the shingle indexes of shared parents: build/comparisons.py)."""
    for p in plan(edges, measures, max_depth, places):
        yield compare(p.child, p.parent, measures[p.child], measures[p.parent], p.via, p.path, p.same_scale)


def summary(c: Comparison) -> Comparison:
    """The comparison without its per-provision reuse rows (kept in comparisons.jsonl only)."""
    return replace(c, reuse={k: v for k, v in c.reuse.items() if k != "provisions"})


#: The directions of a change that move a target or deadline (not same, rescaled or unknown).
MOVES = ("tightened", "loosened", "earlier", "later")


def moves(c: Comparison) -> int:
    """How many of the comparison's changes move a target or deadline."""
    return sum(ch.direction in MOVES for ch in c.changes)


def heads_of(comparisons: Sequence[Comparison]) -> list[tuple[str, str, str]]:
    """(child, parent, via) of each comparison: what orders and groups them, read without
    decoding a Summaries."""
    return getattr(comparisons, "heads", None) or [(c.child, c.parent, c.via) for c in comparisons]


