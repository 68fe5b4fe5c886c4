"""Link document records into one graph: a node per real document, an edge per relation.

Identity: a document is its canonical number where one is known (中发[2002]12号 and
中发〔2002〕12号 are one node); a title-only citation joins a node only on an exact title
match, or on a shortened title (关于X) whose issuer is named in the citing sentence; anything
weaker stays a separate title node, because merging two documents is worse than missing a
link. Documents that are only cited become nodes carrying what their citations say.

Relations come from three sources, kept apart on every edge (`Edge.via`): citations in the
text (number, title, alias), a document's own title (关于贯彻落实《X》的实施意见 implements X),
and probable links (same title as a higher-level document, issuer swapped, dated after it),
which are never part of a stated cascade.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TypeVar

from policygraph.extract.numbers import parse_canonical
from policygraph.models import LEVEL_RANK, RELATION_PRIORITY, Citation, DocumentRecord, Edge, Node

PROBABLE_MAX_YEARS = 3

T = TypeVar("T")

_TITLE_PUNCT = re.compile(r"[\s、，,·•“”\"'《》〈〉「」『』]")

#: Titles that state a relation to another document (the X inside them).
TITLE_RELATIONS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("forwards", re.compile(r"(?:转发|批转)(?P<x>.{6,}?)的(?:通知|意见)$")),
    ("issues", re.compile(r"(?:关于)?印发(?P<x>.{4,}?)的(?:通知|意见)$")),
    ("implements", re.compile(
        r"关于(?:认真|进一步|全面|深入)?(?:贯彻落实|贯彻执行|贯彻实施|贯彻|落实|执行|实施)(?P<x>.{6,}?)"
        r"(?:精神)?(?:若干问题|有关问题|的有关问题)?的(?:实施意见|意见|通知|实施方案|工作方案|方案|"
        r"实施办法|办法|决定|规定|实施细则|细则)$")),
)


def title_key(title: str) -> str:
    """Comparable form of a title: punctuation and brackets dropped (中共中央、国务院 = 中共中央国务院)."""
    return _TITLE_PUNCT.sub("", title)


def core_title(title: str) -> str | None:
    """The title without its issuer: 国务院办公厅关于X的通知 → 关于X的通知."""
    i = title.find("关于")
    return title_key(title[i:]) if i > 0 else None


@dataclass(frozen=True)
class Linked:
    """The linked corpus: nodes by id, edges in a deterministic order."""

    nodes: dict[str, Node]
    edges: tuple[Edge, ...]


@dataclass
class _Entry:
    """A document stated in the corpus: a file's main document or a part embedded in it."""

    id: str
    kind: str
    number: str | None
    title: str | None
    issuers: tuple[str, ...]
    level: str | None
    jurisdiction: str | None
    date: str | None
    source: str
    citations: tuple[Citation, ...]
    embedded_in: str | None = None


def _entries(records: Iterable[DocumentRecord]) -> list[_Entry]:
    out = []
    for r in records:
        out.append(_Entry(r.id, "document", r.number, r.title, r.issuers, r.level, r.jurisdiction,
                          r.date, r.source, r.citations))
        for p in r.parts:
            out.append(_Entry(p.number or p.id, "embedded", p.number, p.title, p.issuers, p.level,
                              p.jurisdiction, p.date, r.source, p.citations, embedded_in=r.id))
    return out


def _vote(values: Iterable[str | None]) -> str | None:
    """Most frequent non-empty value; ties broken by the value itself, so output is stable."""
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def link(records: Iterable[DocumentRecord]) -> Linked:
    """Link the records of a corpus into nodes and edges (pure; same input, same output)."""
    entries = sorted(_entries(records), key=lambda e: e.source)  # records one at a time
    nodes = _stated_nodes(entries)
    _add_cited_nodes(nodes, entries)
    index = _TitleIndex(nodes.values())
    edges = _citation_edges(entries, nodes, index)
    _add_title_edges(nodes, index, edges)
    # Probable links, kept apart: same title as a higher-level document, issuer swapped.
    for edge in probable_links(nodes, edges):
        edges.setdefault((edge.source, edge.target), edge)
    ordered = tuple(sorted(edges.values(), key=lambda e: (e.source, e.target)))
    return Linked(dict(sorted(nodes.items())), ordered)


def _stated_nodes(entries: list[_Entry]) -> dict[str, Node]:
    """Documents stated in the corpus: a file's own document wins over an embedded copy."""
    nodes: dict[str, Node] = {}
    for e in sorted(entries, key=lambda e: (e.kind != "document", e.source)):
        old = nodes.get(e.id)
        new = Node(
            id=e.id, kind=e.kind, number=e.number, title=e.title,
            titles=(e.title,) if e.title else (), issuers=e.issuers, level=e.level,
            jurisdiction=e.jurisdiction, date=e.date, year=_year(e.number, e.date),
            issuer_code=_code(e.number), sources=(e.source,),
            embedded_in=(e.embedded_in,) if e.embedded_in else (),
        )
        nodes[e.id] = new if old is None else _merge_stated(old, new)
    return nodes


def _add_cited_nodes(nodes: dict[str, Node], entries: list[_Entry]) -> None:
    """Documents cited by number: a stated node gains the titles it is cited by; a document
    only cited becomes a node voting on what its citations say."""
    cited: dict[str, list[tuple[Citation, _Entry]]] = defaultdict(list)
    for e in entries:
        for c in e.citations:
            if c.number:
                cited[c.number].append((c, e))
    for number, cits in sorted(cited.items()):
        titles = [c.title for c, _e in cits if c.title]
        if number in nodes:
            n = nodes[number]
            nodes[number] = replace(n, titles=_unique((*n.titles, *titles)))
            continue
        cs = [c for c, _e in cits]
        nodes[number] = Node(
            id=number, kind="cited", number=number,
            title=_best_title(titles), titles=_unique(titles),
            authority=_vote(c.authority for c in cs), issuer_code=_code(number),
            level=_vote(c.level for c in cs), jurisdiction=_vote(c.jurisdiction for c in cs),
            year=_year(number, None),
            provenance=tuple(sorted({f"cited by {e.id} ({e.source})" for _c, e in cits})),
        )


def _citation_edges(entries: list[_Entry], nodes: dict[str, Node],
                    index: _TitleIndex) -> dict[tuple[str, str], Edge]:
    """An edge per citation. A title-only citation resolves through the title index, or
    becomes a title node (added to `nodes` and `index`)."""
    edges: dict[tuple[str, str], Edge] = {}
    for e in entries:
        for c in e.citations:
            target = c.number
            if target is None and c.title:
                target = index.find(c.title, c.evidence) or _title_node(nodes, index, c.title, e)
            if target is None or target == e.id:
                continue
            _add_edge(edges, Edge(
                source=e.id, target=target, relation=c.relation, via=c.found_by,
                confidence=c.confidence, evidence=c.evidence, origin=e.source,
                start=c.start, end=c.end, mentions=c.mentions,
            ))
    return edges


def _title_node(nodes: dict[str, Node], index: _TitleIndex, title: str, by: _Entry) -> str:
    """The id of the node of a document known only by this title, made on its first citation."""
    tid = "title:" + title_key(title)
    if tid not in nodes:
        nodes[tid] = Node(id=tid, kind="title", title=title, titles=(title,),
                          provenance=(f"cited by title in {by.id} ({by.source})",))
        index.add(nodes[tid])
    return tid


def _add_title_edges(nodes: dict[str, Node], index: _TitleIndex,
                     edges: dict[tuple[str, str], Edge]) -> None:
    """Relations a title states (关于贯彻落实《X》的实施意见 implements X), where no citation
    already joins the two."""
    for n in sorted(nodes.values(), key=lambda n: n.id):
        for title in n.titles:
            for relation, x in title_relations(title):
                target = index.find(x, title)
                if target and target != n.id and (n.id, target) not in edges:
                    edges[(n.id, target)] = Edge(
                        source=n.id, target=target, relation=relation, via="title-implied",
                        confidence=0.9, evidence=title,
                        reason=f"the title of {n.id} names 《{x}》")


def title_relations(title: str) -> list[tuple[str, str]]:
    """(relation, X) pairs a title states about another document X."""
    out = []
    for relation, pat in TITLE_RELATIONS:
        m = pat.search(title)
        if m:
            x = m.group("x").strip("《》〈〉“”")
            out.append((relation, x))
    return out


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
                reason=(f"same title as {latest.id} ({latest.level}) with the issuer swapped: "
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


class _TitleIndex:
    """Exact title keys, and cores (关于X) with the issuer named before them."""

    def __init__(self, nodes: Iterable[Node]) -> None:
        self.full: dict[str, set[str]] = defaultdict(set)
        self.core: dict[str, set[str]] = defaultdict(set)
        self.issuer: dict[str, set[str]] = defaultdict(set)
        for n in nodes:
            self.add(n)

    def add(self, n: Node) -> None:
        for t in n.titles:
            self.full[title_key(t)].add(n.id)
            core = core_title(t)
            if core:
                self.core[core].add(n.id)
                self.issuer[n.id].add(title_key(t)[: len(title_key(t)) - len(core)])
        for name in n.issuers:
            self.issuer[n.id].add(title_key(name))

    def find(self, title: str, context: str) -> str | None:
        """The one node this title names, or None: never a guess between two."""
        key = title_key(title)
        hits = self.full.get(key, set())
        if len(hits) == 1:
            return next(iter(hits))
        if hits or not key.startswith("关于"):
            return None
        # A shortened title: only if the issuer is named in the same sentence.
        ctx = title_key(context)
        named = [i for i in sorted(self.core.get(key, ()))
                 if any(iss and iss + key in ctx for iss in self.issuer.get(i, ()))]
        return named[0] if len(named) == 1 else None


def _add_edge(edges: dict[tuple[str, str], Edge], new: Edge) -> None:
    key = (new.source, new.target)
    old = edges.get(key)
    if old is None:
        edges[key] = new
        return
    stronger = RELATION_PRIORITY.get(new.relation, 0) > RELATION_PRIORITY.get(old.relation, 0)
    keep = new if stronger else old
    edges[key] = replace(keep, mentions=old.mentions + new.mentions)


def _merge_stated(old: Node, new: Node) -> Node:
    """Two stated copies of one document (a file, and a copy embedded in another file)."""
    def pick(a: T, b: T) -> T:
        return a if a not in (None, (), "") else b

    return replace(
        old,
        title=pick(old.title, new.title),
        titles=_unique((*old.titles, *new.titles)),
        issuers=pick(old.issuers, new.issuers),
        level=pick(old.level, new.level),
        jurisdiction=pick(old.jurisdiction, new.jurisdiction),
        date=pick(old.date, new.date),
        sources=_unique((*old.sources, *new.sources)),
        embedded_in=_unique((*old.embedded_in, *new.embedded_in)),
    )


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i for i in items if i))


def _best_title(titles: list[str]) -> str | None:
    """The most cited title; on a tie, the longest (the fullest form), then the first."""
    if not titles:
        return None
    counts = Counter(titles)
    return sorted(counts, key=lambda t: (-counts[t], -len(t), t))[0]


def _code(number: str | None) -> str | None:
    dn = parse_canonical(number) if number else None
    return dn.code if dn else None


def _year(number: str | None, date: str | None) -> int | None:
    if date:
        return int(date[:4])
    dn = parse_canonical(number) if number else None
    return dn.year if dn else None
