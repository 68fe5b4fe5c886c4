"""What the explorer's side panel and filters know of each document, as data for explorer.js.

Every document is named as corpus/names.py names it (title with number, never a bare id), in
the panel's heading and in its lists of documents cited, citing and compared. The node's rank,
dates, validity and versions are passed when the graph has them, with their Chinese labels.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields

import networkx as nx

from policygraph.corpus.analytics import province_of
from policygraph.corpus.compare import Change, Comparison, DeadlineChange, TargetChange
from policygraph.corpus.names import VERSION_WORDS, attrs_name
from policygraph.extract.gazetteer import load as gazetteer
from policygraph.models import LEVEL_RANK, NATION, RANKS, VALIDITY

LEVEL_STYLE = {
    "national": ("#c0392b", "中央 national"),
    "provincial": ("#e67e22", "省级 provincial"),
    "municipal": ("#2980b9", "地市级 municipal"),
    "county": ("#27ae60", "县级 county"),
    "unknown": ("#7b8794", "层级不明 unknown"),
}
#: Each relation's legend words (as docs/relations.md names them), colour, and dashes: True for
#: dashed, a vis-network pattern for dash-dot (based_on: a legal basis, told apart at a glance
#: from policy implementation).
RELATION_STYLE: dict[str, tuple[str, str, bool | list[int]]] = {
    "forwards": ("转发 forwards", "#8e44ad", False),
    "issues": ("印发 issues", "#16a085", False),
    "based_on": ("依据 based on", "#1f618d", [12, 4, 3, 4]),
    "implements": ("贯彻落实 implements", "#34495e", False),
    "amends": ("修改 amends", "#d35400", False),
    "repeals": ("废止 repeals", "#c0392b", False),
    "cites": ("引用 cites", "#9aa5b1", True),
    "probably-implements": ("疑似贯彻 probably implements", "#b0b8c1", True),
}
#: A filter's choice for documents with no value.
UNKNOWN = "unknown"


def level_of(a: Mapping) -> str:
    lv = a.get("level") or ""
    return lv if lv in LEVEL_RANK else "unknown"


def name_of(n: str, a: Mapping) -> str:
    """A node's name: a document's (corpus/names.py); an aggregated group's title."""
    return str(a.get("title") or n) if a.get("kind") == "group" else attrs_name(n, a)


@functools.cache
def city_of(jurisdiction: str | None) -> str | None:
    """The prefecture-level city of a jurisdiction (江门市 for 广东省江门市蓬江区), for the city
    filter; None at provincial level and above, or when the gazetteer does not know it."""
    if not jurisdiction or jurisdiction == NATION:
        return None
    d = gazetteer().division_of(jurisdiction)
    if d is None:
        return None
    return d.name if d.level == "prefecture" else d.prefecture


def _str(a: Mapping, key: str) -> str | None:
    v = a.get(key)
    return str(v) if v not in (None, "") else None


@dataclass(frozen=True)
class PanelFacts:
    """The panel's fields of one node: who, where, when, rank, validity, versions. Absent values
    are None (explorer.js leaves their rows out); filters read `level`, `rank` and `validity`,
    'unknown' when the node has none."""

    name: str
    number: str | None
    title: str | None
    issuers: str | None
    date: str | None
    date_publication: str | None
    date_in_force: str | None
    jurisdiction: str | None
    level: str
    level_label: str
    province: str | None
    year: int | None
    rank: str
    rank_label: str | None
    validity: str
    validity_label: str | None
    validity_evidence: str | None
    version_date: str | None
    version_kind: str | None
    work: str | None
    previous_version: str | None
    previous_version_name: str | None
    kind: str | None
    sources: str | None

    def to_json(self) -> dict[str, object]:
        """The fields under the names explorer.js reads (camelCase: dateInForce, levelLabel …)."""
        return {_camel(f.name): getattr(self, f.name) for f in fields(self)}


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(w.title() for w in rest)


def facts(n: str, a: Mapping, names: Mapping[str, str]) -> PanelFacts:
    """The panel's fields of node `n`, from its graph attributes (GraphML strings, '' for none)."""
    lv, rank, validity = level_of(a), _str(a, "rank"), _str(a, "validity")
    previous = _str(a, "previous_version")
    return PanelFacts(
        name=names[n], number=_str(a, "number"), title=_str(a, "title"), issuers=_str(a, "issuers"),
        date=_str(a, "date"), date_publication=_str(a, "date_publication"),
        date_in_force=_str(a, "date_in_force"), jurisdiction=_str(a, "jurisdiction"),
        level=lv, level_label=LEVEL_STYLE[lv][1], province=province_of(a.get("jurisdiction")),
        year=int(a["year"]) if str(a.get("year") or "").isdigit() else None,
        rank=rank or UNKNOWN, rank_label=RANKS.get(rank, rank) if rank else None,
        validity=validity or UNKNOWN,
        validity_label=VALIDITY.get(validity, validity) if validity else None,
        validity_evidence=_str(a, "validity_evidence"), version_date=_str(a, "version_date"),
        version_kind=VERSION_WORDS.get(a.get("version_kind") or "", _str(a, "version_kind")),
        work=_str(a, "work"), previous_version=previous,
        previous_version_name=names.get(previous) if previous else None,
        kind=_str(a, "kind"), sources=_str(a, "sources"),
    )


def details(
    g: nx.DiGraph,
    comparisons: Iterable[Comparison],
    labels: Mapping[str, str],
    links: Mapping[str, str],
    views: Mapping[str, str] | None = None,
) -> dict[str, dict]:
    """What the side panel shows of each node: its facts, its edges both ways, its
    comparisons with its parents and the measures they find, every document by name; the
    page of its cascade (`links`) and of its text (`views`) when there is one."""
    views = views or {}
    names = {n: name_of(n, a) for n, a in g.nodes(data=True)}
    by_child: dict[str, list[Comparison]] = defaultdict(list)
    for c in comparisons:
        by_child[c.child].append(c)
    out = {}
    for n, a in g.nodes(data=True):
        comps = by_child.get(n, [])
        concepts = {x for c in comps for x in (*c.inherited, *c.added)}
        out[n] = _pruned({
            **facts(n, a, names).to_json(), **_edges_of(g, n, names),
            "comparisons": [_comparison_details(c, labels, names) for c in comps],
            "measures": sorted(labels.get(x, x) for x in concepts), "measureKeys": sorted(concepts),
            "city": city_of(a.get("jurisdiction")), "link": links.get(n), "view": views.get(n),
        })
    return out


def filter_options(g: nx.DiGraph) -> dict[str, list[dict]]:
    """The ranks and validities the graph's documents have, in the order of models.RANKS and
    models.VALIDITY, unknown last: what the explorer's rank and validity filters offer."""
    have_rank = {a.get("rank") or UNKNOWN for _n, a in g.nodes(data=True)}
    have_validity = {a.get("validity") or UNKNOWN for _n, a in g.nodes(data=True)}

    def options(table: Mapping[str, str], have: set[str]) -> list[dict]:
        rows = [{"key": k, "label": f"{v} {k.replace('_', ' ')}"} for k, v in table.items() if k in have]
        rows += [{"key": k, "label": k} for k in sorted(have - set(table) - {UNKNOWN})]
        return rows + ([{"key": UNKNOWN, "label": "不明 unknown"}] if UNKNOWN in have else [])

    return {"ranks": options(RANKS, have_rank), "validities": options(VALIDITY, have_validity)}


def _edges_of(g: nx.DiGraph, n: str, names: Mapping[str, str]) -> dict[str, list[dict]]:
    """The documents a node cites, with the relation and the sentence that states it, and
    those citing it, with the relation (their own panels have the sentence); by id, in the
    order of their names (explorer.js names each by its id, and the relation by the legend)."""
    cites = [_pruned({"id": t, "relation": e.get("relation") or "cites", "evidence": e.get("evidence"),
                      "reason": e.get("reason")})
             for _s, t, e in sorted(g.out_edges(n, data=True), key=lambda x: (names[x[1]], x[1]))]
    cited_by = [{"id": s, "relation": e.get("relation") or "cites"}
                for s, _t, e in sorted(g.in_edges(n, data=True), key=lambda x: (names[x[0]], x[0]))]
    return {"cites": cites, "citedBy": cited_by}


def _pruned(d: dict[str, object]) -> dict[str, object]:
    """`d` without its empty values: the page's data is the size of the corpus, and explorer.js
    reads an absent key as an empty one."""
    return {k: v for k, v in d.items() if v not in (None, "", [], {})}


def _comparison_details(c: Comparison, labels: Mapping[str, str], names: Mapping[str, str]) -> dict:
    """A comparison with a parent as the panel shows it: measures by label, and only the
    changes that move a target, deadline or agency."""
    return {
        "parent": c.parent, "parentName": names.get(c.parent, c.parent), "via": c.via,
        "inherited": [labels.get(x, x) for x in c.inherited],
        "added": [labels.get(x, x) for x in c.added],
        "dropped": [labels.get(x, x) for x in c.dropped],
        "changes": [{"direction": ch.direction, "text": _change_text(ch)}
                    for ch in c.changes if ch.direction not in (None, "same", "rescaled")],
        "reuse": c.reuse["share"],
    }


def _change_text(ch: Change) -> str:
    if isinstance(ch, TargetChange):
        return f"{ch.indicator}: {ch.parent.text} → {ch.child.text}"
    if isinstance(ch, DeadlineChange):
        return f"{ch.label}: {ch.parent.text} → {ch.child.text}"
    return f"{ch.label}: +{'、'.join(ch.added)} -{'、'.join(ch.removed)}"
