"""Link document records into one graph: a node per real document, an edge per relation.

Identity: a document is its canonical number where one is known (中发[2002]12号 and
中发〔2002〕12号 are one node); corpus files that are versions of one work stay one node each,
chained in date order (works.py); a title-only citation joins a node only on an exact title
match, or on a shortened title (关于X) whose issuer is named in the citing sentence, and then
the version in force at the citing date; a generic title (关于修改部分地方性法规的决定) only
within its issuer and date (resolve.py). Anything weaker stays a separate title node or
unresolved with a warning, because merging two documents is worse than missing a link.
Documents that are only cited become nodes carrying what their citations, and their titles
(titles.title_facts), say. Every node's validity on a reference date closes the linking
(validity.py).

Relations come from four sources, kept apart on every edge (`Edge.via`): citations in the
text (number, title, alias; with the cited part and the reason for the relation), a document's
own title (关于贯彻落实《X》的实施意见 implements X), its header's amendment history (history:
the decision a line 根据…《关于修改〈X〉的决定》修正 names amends the document; the other titles
that decision lists are not linked to it, and two documents amended by one decision never to
each other), and probable links (same title as a higher-level document, issuer swapped, dated
after it), which are never part of a stated cascade.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TypeVar

from policygraph.corpus.probable import PROBABLE_MAX_YEARS, probable_links
from policygraph.corpus.resolve import Entry, Resolver
from policygraph.corpus.titles import (
    TITLE_RELATIONS,
    core_title,
    is_generic,
    title_facts,
    title_key,
    title_relations,
)
from policygraph.corpus.validity import default_as_of, validity
from policygraph.corpus.works import Works, assign_works
from policygraph.extract.numbers import parse_canonical
from policygraph.models import RELATION_PRIORITY, Citation, DocumentRecord, Edge, HistoryEvent, Node

__all__ = ["PROBABLE_MAX_YEARS", "TITLE_RELATIONS", "Linked", "core_title", "link", "probable_links",
           "title_key", "title_relations"]

T = TypeVar("T")


@dataclass(frozen=True)
class Linked:
    """The linked corpus: nodes by id, edges in a deterministic order, the citations left
    unresolved (one sentence each), and the date validity is given on."""

    nodes: dict[str, Node]
    edges: tuple[Edge, ...]
    warnings: tuple[str, ...] = ()
    as_of: str | None = None


def _entries(records: Iterable[DocumentRecord]) -> list[Entry]:
    out = []
    for r in records:
        out.append(Entry(r.id, "document", r.number, r.title, r.issuers, r.level, r.jurisdiction,
                         r.date, r.source, r.citations, rank=r.rank, date_publication=r.date_publication,
                         date_in_force=r.date_in_force, history=r.history))
        for p in r.parts:
            out.append(Entry(p.number or p.id, "embedded", p.number, p.title, p.issuers, p.level,
                             p.jurisdiction, p.date, r.source, p.citations, embedded_in=r.id, rank=p.rank,
                             date_publication=p.date_publication, date_in_force=p.date_in_force,
                             history=p.history))
    return out


def _vote(values: Iterable[str | None]) -> str | None:
    """Most frequent non-empty value; ties broken by the value itself, so output is stable."""
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def link(records: Iterable[DocumentRecord], as_of: str | None = None) -> Linked:
    """Link the records of a corpus into nodes and edges (pure; same input, same output).

    Validity is given on `as_of` (YYYY-MM-DD), by default the newest document date."""
    entries = sorted(_entries(records), key=lambda e: e.source)  # records one at a time
    nodes, works = assign_works(_stated_nodes(entries), _histories(entries))
    _add_cited_nodes(nodes, entries)
    resolver = Resolver(nodes, works, (c.title for e in entries for c in e.citations if c.title))
    edges = _citation_edges(entries, resolver)
    _add_history_edges(entries, resolver, edges)
    _add_title_edges(resolver, edges)
    # Probable links, kept apart: same title as a higher-level document, issuer swapped.
    for edge in probable_links(nodes, edges):
        edges.setdefault((edge.source, edge.target), edge)
    ordered = tuple(sorted(_without_siblings(edges.values(), _histories(entries)),
                           key=lambda e: (e.source, e.target)))
    nodes = {k: _with_title_facts(n) for k, n in nodes.items()}
    as_of = as_of or default_as_of(nodes.values())
    nodes = _with_validity(nodes, ordered, works, as_of)
    return Linked(dict(sorted(nodes.items())), ordered, tuple(dict.fromkeys(resolver.warnings)), as_of)


def _histories(entries: list[Entry]) -> dict[str, tuple[HistoryEvent, ...]]:
    """Each stated node's header history: a file's own wins over an embedded copy's."""
    out: dict[str, tuple[HistoryEvent, ...]] = {}
    for e in sorted(entries, key=lambda e: (e.kind != "document", e.source)):
        if e.history and e.id not in out:
            out[e.id] = e.history
    return out


def _stated_nodes(entries: list[Entry]) -> dict[str, Node]:
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
            rank=e.rank, date_publication=e.date_publication, date_in_force=e.date_in_force,
        )
        nodes[e.id] = new if old is None else _merge_stated(old, new)
    return nodes


def _add_cited_nodes(nodes: dict[str, Node], entries: list[Entry]) -> None:
    """Documents cited by number: a stated node gains the titles it is cited by; a document
    only cited becomes a node voting on what its citations say. A number the corpus states
    under other ids (the versions of one 令) makes no node: resolve.py picks the version."""
    stated = {n.number for n in nodes.values() if n.in_corpus and n.number}
    cited: dict[str, list[tuple[Citation, Entry]]] = defaultdict(list)
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
        if number in stated:
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


def _citation_edges(entries: list[Entry], resolver: Resolver) -> dict[tuple[str, str], Edge]:
    """An edge per citation and node it names (resolve.py; title nodes are added as it goes)."""
    edges: dict[tuple[str, str], Edge] = {}
    for e in entries:
        lines = _history_lines(e)
        for c in e.citations:
            if lines and _in_history(_squeeze(c.evidence), lines):
                continue  # a header history line: its decision amends e (_add_history_edges)
            for target, evidence in resolver.resolve(c, e):
                if target == e.id:
                    continue
                _add_edge(edges, Edge(
                    source=e.id, target=target, relation=c.relation, via=c.found_by,
                    confidence=c.confidence, evidence=evidence, origin=e.source,
                    start=c.start, end=c.end, mentions=c.mentions, reason=c.reason, part=c.part,
                ))
    return edges


_AMENDING = ("amended", "revised")


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _in_history(evidence: str, lines: frozenset[str]) -> bool:
    """Whether a citation's evidence is a history line, or a bracketed block of them (the
    history under the title an order promulgates)."""
    return evidence in lines or any(line in evidence for line in lines)


def _history_lines(e: Entry) -> frozenset[str]:
    """The header lines of e that name an amending decision, spaces removed (a citation's
    evidence is the line without them)."""
    return frozenset(_squeeze(h.text) for h in e.history if h.kind in _AMENDING and h.by and h.text)


def _add_history_edges(entries: list[Entry], resolver: Resolver, edges: dict[tuple[str, str], Edge]) -> None:
    """A header line 根据…《关于修改〈X〉的决定》修正 makes the document a version amended by that
    decision: an `amends` edge from the decision (resolve.Resolver.decision) to the document.
    The titles the decision lists beside this one (〈X〉等十二件) are the decision's business,
    never the document's: the line makes no edge to them (_citation_edges skips it)."""
    for e in entries:
        for h in e.history:
            if h.kind not in _AMENDING:
                continue
            decision = resolver.decision(h, e)
            if decision and decision != e.id:
                edges.pop((e.id, decision), None)  # the line's citation of its decision, now this edge
                _add_edge(edges, Edge(
                    source=decision, target=e.id, relation="amends", via="history", confidence=0.95,
                    evidence=h.text, origin=e.source, reason=f"header history line: {h.text}",
                ))


def _without_siblings(edges: Iterable[Edge], histories: dict[str, tuple[HistoryEvent, ...]]) -> list[Edge]:
    """The edges less any `amends` between two documents whose headers name one amending
    decision (same title and date): being amended together links neither to the other."""
    def decisions(node: str) -> set[tuple[str, str | None]]:
        return {(title_key(h.by), h.date) for h in histories.get(node, ()) if h.by and h.kind in _AMENDING}

    return [e for e in edges
            if e.relation != "amends" or e.via == "history" or not decisions(e.source) & decisions(e.target)]


def _add_title_edges(resolver: Resolver, edges: dict[tuple[str, str], Edge]) -> None:
    """Relations a title states (关于贯彻落实《X》的实施意见 implements X), where no citation
    already joins the two; X a generic title names nothing."""
    for n in sorted(resolver.nodes.values(), key=lambda n: n.id):
        for title in n.titles:
            for relation, x in title_relations(title):
                target = None if is_generic(x) else resolver.find(x, title, _as_entry(n))
                if target and target != n.id and (n.id, target) not in edges:
                    edges[(n.id, target)] = Edge(
                        source=n.id, target=target, relation=relation, via="title-implied",
                        confidence=0.9, evidence=title,
                        reason=f"the title of {n.id} names 《{x}》")


def _as_entry(n: Node) -> Entry:
    return Entry(n.id, n.kind, n.number, n.title, n.issuers, n.level, n.jurisdiction, n.date,
                 n.sources[0] if n.sources else "", ())


def _with_title_facts(n: Node) -> Node:
    """A node known only by citation gains the issuer, place, level and rank its title states,
    where its citations said nothing."""
    if n.in_corpus or not n.title:
        return n
    f = title_facts(n.title)
    if not (f.jurisdiction or f.rank):
        return n
    return replace(n, authority=n.authority or (None if n.issuers else f.issuer),
                   jurisdiction=n.jurisdiction or f.jurisdiction, level=n.level or f.level,
                   rank=n.rank or f.rank, provenance=(*n.provenance, f"from its title: {f.evidence}"))


def _with_validity(nodes: dict[str, Node], edges: tuple[Edge, ...], works: Works,
                   as_of: str | None) -> dict[str, Node]:
    valid = validity(nodes, edges, works, as_of)
    return {k: replace(n, validity=valid[k][0], validity_evidence=valid[k][1]) for k, n in nodes.items()}


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
        rank=pick(old.rank, new.rank),
        date_publication=pick(old.date_publication, new.date_publication),
        date_in_force=pick(old.date_in_force, new.date_in_force),
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
