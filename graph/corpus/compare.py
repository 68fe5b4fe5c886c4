"""What travels down an edge: a child document against a parent (or any ancestor).

Measures are compared by concept: inherited (both), added (child only: local innovation),
dropped (parent only). Targets are compared by indicator, in the direction that matters for
it (a lower 失业率 or a stricter 以内 for 左右 is *tightened*; a higher 覆盖率 is tightened too).
Deadlines are compared per concept (a later date is a deadline moved later). Text reuse is
measured with jieba word 3-gram shingles: the share of the child's shingles found in the
parent, and for each child provision the parent provision it resembles most.
"""

from __future__ import annotations

import json
import multiprocessing
import sys
from array import array
from collections import OrderedDict, deque
from collections.abc import Callable, Container, Generator, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar, overload

from policygraph.corpus.analytics import days_between
from policygraph.extract.regexes import LOWER_IS_BETTER
from policygraph.extract.shingles import shingles
from policygraph.extract.shingles import unpack as shingle_set
from policygraph.models import DocumentRecord, Edge, Measures

T = TypeVar("T")

#: How demanding a comparator is, for an indicator that should be low / high.
_STRICT_LOW = {"at_most": 2, "equal": 1, "about": 0, "at_least": -1}
_STRICT_HIGH = {"at_least": 2, "equal": 1, "about": 0, "at_most": -1}


@dataclass(frozen=True)
class Comparison:
    child: str
    parent: str
    via: str  # stated | probable | requested
    path: tuple[str, ...]
    inherited: tuple[str, ...]
    added: tuple[str, ...]
    dropped: tuple[str, ...]
    changes: tuple[dict, ...]
    reuse: dict

    @classmethod
    def from_dict(cls, d: dict) -> Comparison:
        """The inverse of to_dict (a comparison read back from comparisons.jsonl)."""
        def names(xs: list[str]) -> tuple[str, ...]:  # shared strings: a rebuild reads back
            return tuple(sys.intern(x) for x in xs)    # hundreds of thousands of these

        return cls(sys.intern(d["child"]), sys.intern(d["parent"]), sys.intern(d["via"]), names(d["path"]),
                   names(d["inherited"]), names(d["added"]), names(d["dropped"]), tuple(d["changes"]),
                   d["reuse"])

    def to_dict(self) -> dict:
        return {"child": self.child, "parent": self.parent, "via": self.via, "path": list(self.path),
                "inherited": list(self.inherited), "added": list(self.added),
                "dropped": list(self.dropped), "changes": list(self.changes), "reuse": self.reuse}


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


def _concepts(m: Measures) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for x in m.measures:
        out.setdefault(x["concept"], x)
    return out


def _same_indicator(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    return a == b or (min(len(a), len(b)) >= 4 and (a in b or b in a))


RATE_UNITS = frozenset({"%", "个百分点"})


def target_change(parent: dict, child: dict, same_scale: bool = True) -> str:
    """tightened | loosened | same | rescaled (a count set for a different jurisdiction: a
    city's 2.4万人 is not a loosening of the nation's 800万人) | changed (units differ)."""
    if parent.get("unit") != child.get("unit"):
        return "changed"
    if parent["unit"] not in RATE_UNITS and not same_scale:
        return "rescaled"
    low = bool(LOWER_IS_BETTER.search(parent.get("indicator") or "")) or parent["comparator"] == "at_most"
    pv, cv = parent["value"], child["value"]
    if pv != cv:
        better = cv < pv if low else cv > pv
        return "tightened" if better else "loosened"
    rank = _STRICT_LOW if low else _STRICT_HIGH
    d = rank[child["comparator"]] - rank[parent["comparator"]]
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
            sets = tuple(shingles(p["text"]) for p in m.provisions)
        return cls(tuple(p["path"] for p in m.provisions), sets, frozenset().union(*sets))


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


def compare(child_id: str, parent_id: str, child: Measures, parent: Measures, via: str = "requested",
            path: tuple[str, ...] = (), same_scale: bool = False,
            indexes: IndexCache | None = None) -> Comparison:
    """Compare the measures of a child document with those of a parent or ancestor.

    `same_scale`: both documents govern the same territory, so counts (人, 个) compare too;
    otherwise only rates (%) get a direction."""
    cc, pc = _concepts(child), _concepts(parent)
    changes: list[dict] = []
    for pt in parent.targets:
        for ct in child.targets:
            if _same_indicator(pt.get("indicator"), ct.get("indicator")) and pt.get("unit") == ct.get("unit"):
                changes.append({
                    "kind": "target", "indicator": pt["indicator"],
                    "parent": {k: pt[k] for k in ("value", "unit", "comparator", "text")},
                    "child": {k: ct[k] for k in ("value", "unit", "comparator", "text")},
                    "direction": target_change(pt, ct, same_scale),
                })
                break
    for concept in sorted(cc.keys() & pc.keys()):
        pd = [d for m in parent.measures if m["concept"] == concept for d in m["deadlines"] if d.get("date")]
        cd = [d for m in child.measures if m["concept"] == concept for d in m["deadlines"] if d.get("date")]
        if pd and cd:
            p0 = min(pd, key=lambda d: d["date"])
            c0 = min(cd, key=lambda d: d["date"])
            days = days_between(c0["date"], p0["date"])
            changes.append({
                "kind": "deadline", "concept": concept, "label": pc[concept]["label"],
                "parent": p0, "child": c0, "days": days,
                "direction": "same" if days == 0 else "later" if (days or 0) > 0 else "earlier",
            })
        pa, ca = set(pc[concept]["agencies"]), set(cc[concept]["agencies"])
        if pa and ca and pa != ca:
            changes.append({"kind": "agencies", "concept": concept, "label": pc[concept]["label"],
                            "added": sorted(ca - pa), "removed": sorted(pa - ca)})
    return Comparison(
        child=child_id, parent=parent_id, via=via, path=path or (child_id, parent_id),
        inherited=tuple(sorted(cc.keys() & pc.keys())),
        added=tuple(sorted(cc.keys() - pc.keys())),
        dropped=tuple(sorted(pc.keys() - cc.keys())),
        changes=tuple(changes),
        reuse=reuse(_index(indexes, child_id, child), _index(indexes, parent_id, parent)),
    )


class IndexCache:
    """Shingle indexes of the documents compared last. Parents are shared by many children
    (and a child is compared with each of its ancestors in turn), so an index is worth keeping;
    but holding every document's would make memory grow with the corpus text. The bound is on
    3-grams, not documents: a long law has a hundred times the 3-grams of a short notice."""

    def __init__(self, limit: int | None = None) -> None:
        self.limit = INDEX_SHINGLES if limit is None else limit
        # Least recently used first. An OrderedDict, not a dict: a dict whose first entries
        # keep being deleted makes finding the oldest one slower and slower.
        self._held: OrderedDict[str, ShingleIndex] = OrderedDict()
        self._size = 0

    def get(self, node: str, m: Measures) -> ShingleIndex:
        hit = self._held.get(node)
        if hit is not None:
            self._held.move_to_end(node)
            return hit
        hit = self._held[node] = ShingleIndex.of(m)
        self._size += _weight(hit)
        while self._size > self.limit and len(self._held) > 1:
            self._size -= _weight(self._held.popitem(last=False)[1])
        return hit

    def __len__(self) -> int:
        return len(self._held)


def _weight(index: ShingleIndex) -> int:
    return 1 + len(index.every)


def _index(cache: IndexCache | None, node: str, m: Measures) -> ShingleIndex:
    return ShingleIndex.of(m) if cache is None else cache.get(node, m)


#: 3-grams of the shingle indexes a process keeps (about 200 bytes each, with the sets of the
#: provisions they come from): 4,000 indexes of a generated corpus's short documents. A cache
#: of 256 indexes missed on 37% of lookups at 10,000 documents, as a document's ancestors span
#: several levels and places; this one on about 10%, for about 15% less comparison time.
INDEX_SHINGLES = 500_000


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
    known = set(has_measures)
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
                    same = bool(places) and places.get(child) is not None and \
                        places.get(child) == places.get(e.target)  # type: ignore[union-attr]
                    yield Pair(child, e.target, "probable" if pr else "stated", p2, same)
                queue.append((e.target, p2, pr))


def compare_along(
    edges: Iterable[Edge], measures: Mapping[str, Measures], max_depth: int = 4,
    places: Mapping[str, str | None] | None = None, jobs: int = 1,
) -> Iterator[Comparison]:
    """Every comparison `plan` finds, made (see compare_pairs)."""
    return compare_pairs(plan(edges, measures, max_depth, places), measures, jobs)


def compare_pairs(pairs: Iterable[Pair], measures: Mapping[str, Measures],
                  jobs: int = 1) -> Iterator[Comparison]:
    """The comparisons of `pairs`, in their order. A generator, so a build writes each one out
    as it comes. With `jobs` > 1 (and fork available), pairs are compared in worker processes
    that inherit the measures instead of receiving them."""
    return _made(pairs, measures, jobs, _compare_pair)


def compare_lines(pairs: Iterable[Pair], measures: Mapping[str, Measures],
                  jobs: int = 1) -> Generator[bytes, None, None]:
    """What compare_pairs gives, each as its comparisons.jsonl line (UTF-8 JSON and a newline).
    The workers encode them: the build process only writes, so it keeps up with both."""
    return _made(pairs, measures, jobs, _compare_line)


def line_of(c: Comparison) -> bytes:
    """A comparison as its line of comparisons.jsonl."""
    return (json.dumps(c.to_dict(), ensure_ascii=False) + "\n").encode("utf-8")


def _made(pairs: Iterable[Pair], measures: Mapping[str, Measures], jobs: int,
          make: Callable[[Mapping[str, Measures], Pair, IndexCache], T]) -> Generator[T, None, None]:
    pairs = list(pairs)
    if jobs <= 1 or len(pairs) < 4 * PAIRS_PER_TASK or \
            "fork" not in multiprocessing.get_all_start_methods():
        indexes = IndexCache()
        for p in pairs:
            yield make(measures, p, indexes)
        return
    tasks = [(make, pairs[i:i + PAIRS_PER_TASK]) for i in range(0, len(pairs), PAIRS_PER_TASK)]
    with multiprocessing.get_context("fork").Pool(jobs, initializer=_start_worker,
                                                  initargs=(measures,)) as pool:
        for done in pool.imap(_compare_task, tasks):
            yield from done


#: Pairs per task sent to a worker: large enough that a worker's shingle-index cache of the
#: shared parents pays off, small enough to keep both workers busy to the end.
PAIRS_PER_TASK = 1000
_WORKER: dict[str, object] = {}  # per worker process: the measures and its own index cache


def _start_worker(measures: Mapping[str, Measures]) -> None:
    _WORKER["measures"] = measures
    _WORKER["indexes"] = IndexCache()


def _compare_task(task: tuple[Callable[..., T], list[Pair]]) -> list[T]:
    make, pairs = task
    measures, indexes = _WORKER["measures"], _WORKER["indexes"]
    return [make(measures, p, indexes) for p in pairs]


def _compare_pair(measures: Mapping[str, Measures], p: Pair, indexes: IndexCache) -> Comparison:
    return compare(p.child, p.parent, measures[p.child], measures[p.parent], p.via, p.path, p.same_scale,
                   indexes)


def _compare_line(measures: Mapping[str, Measures], p: Pair, indexes: IndexCache) -> bytes:
    return line_of(_compare_pair(measures, p, indexes))


def summary(c: Comparison) -> Comparison:
    """The comparison without its per-provision reuse rows (kept in comparisons.jsonl only)."""
    return replace(c, reuse={k: v for k, v in c.reuse.items() if k != "provisions"})


#: The directions of a change that move a target or deadline (not same, rescaled or unknown).
MOVES = ("tightened", "loosened", "earlier", "later")
_MOVE_BYTES = tuple(f'"direction": "{d}"'.encode() for d in MOVES)  # as json.dumps writes them


def heads_of(comparisons: Sequence[Comparison]) -> list[tuple[str, str, str]]:
    """(child, parent, via) of each comparison: what orders and groups them, read without
    decoding a Summaries."""
    return getattr(comparisons, "heads", None) or [(c.child, c.parent, c.via) for c in comparisons]


class Summaries(Sequence[Comparison]):
    """Comparison summaries, each held as its JSON text in one buffer and decoded when read.

    A build holds every comparison (hundreds of thousands at 100k documents) from comparing
    until the report; as Python objects each summary takes about 2 KB, as UTF-8 JSON a fifth of
    that. Child, parent and via, which order and group them, are kept decoded, and how many
    of each one's changes move a target or deadline (`moves`), which the report counts.

    A key's quotes inside a JSON string are escaped, so `"direction": "later"` in the text is a
    change's direction, never part of a string; only changes have a direction."""

    def __init__(self) -> None:
        self._data = bytearray()
        self._ends = array("Q")
        self.heads: list[tuple[str, str, str]] = []  # (child, parent, via) of each
        self.moves = array("I")

    def append(self, c: Comparison) -> None:
        self.append_json(json.dumps(summary(c).to_dict(), ensure_ascii=False).encode("utf-8"),
                         (c.child, c.parent, c.via))

    def append_json(self, data: bytes, head: tuple[str, str, str] | None = None) -> None:
        """Add a summary given as the JSON of its to_dict() (without per-provision rows)."""
        if head is None:
            d = json.loads(data)
            head = (d["child"], d["parent"], d["via"])
        self._data += data
        self._ends.append(len(self._data))
        self.moves.append(sum(data.count(m) for m in _MOVE_BYTES))
        self.heads.append((sys.intern(head[0]), sys.intern(head[1]), sys.intern(head[2])))

    def __len__(self) -> int:
        return len(self._ends)

    @overload
    def __getitem__(self, i: int) -> Comparison: ...
    @overload
    def __getitem__(self, i: slice) -> list[Comparison]: ...
    def __getitem__(self, i: int | slice) -> Comparison | list[Comparison]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        start = self._ends[i - 1] if i else 0
        return Comparison.from_dict(json.loads(self._data[start:self._ends[i]]))

    def __iter__(self) -> Iterator[Comparison]:
        for i in range(len(self)):
            yield self[i]
