"""时效性: each node's validity on a reference date, from what the corpus says (pure).

On the date `as_of` (by default the newest document date in the corpus, so that a build is
reproducible), the first rule that holds decides:
1. unknown (None), "issued after `as_of`": the document is dated after `as_of`; it did not exist
   yet, so it had no validity then. not_yet_in_force: it is dated on or before `as_of` (or
   undated) and enters into force after it (date_in_force).
2. repealed: a document dated on or before `as_of` (or undated) repeals it (a citation with the
   relation `repeals`: 《X》同时废止, 决定废止下列…), and it is not itself dated after that
   repeal (then an earlier text, not in the corpus, was repealed). A repeal of any version
   repeals the work: its latest version on `as_of` is repealed, the earlier ones were amended.
3. amended: a later version of its work, dated on or before `as_of`, is in the corpus.
4. in_force: a corpus document none of the above holds for, except an undated text of a work
   with dated versions, whose place among them is unknown (None).
Documents known only by citation are repealed when the corpus repeals them, else unknown (None):
the corpus does not say. `expired` (有效期…年, 有效期至…) needs the document's own term, which the
records do not carry yet; no rule gives it here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date

from policygraph.corpus.names import node_name
from policygraph.corpus.works import Works
from policygraph.models import Edge, Node


def check_as_of(as_of: str) -> str:
    """`as_of` itself if it is a calendar date written YYYY-MM-DD; else ValueError saying which
    of the two it is not (2023-02-30 is well written but no day of the calendar)."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", as_of):
        raise ValueError(f"{as_of!r} is not a date written YYYY-MM-DD (such as 2020-01-31)")
    try:
        date.fromisoformat(as_of)
    except ValueError:
        raise ValueError(f"{as_of!r} is not a calendar date (written YYYY-MM-DD, but no such day)") from None
    return as_of


def default_as_of(nodes: Iterable[Node]) -> str | None:
    """The newest date of a document in the corpus."""
    return max((n.date for n in nodes if n.in_corpus and n.date), default=None)


def validity(nodes: Mapping[str, Node], edges: Iterable[Edge], works: Works,
             as_of: str | None) -> dict[str, tuple[str | None, str]]:
    """Each node's (validity id, evidence) on `as_of` (see the module's rules)."""
    repeals = _repeals(nodes, edges, works, as_of)
    out: dict[str, tuple[str | None, str]] = {}
    for nid, n in nodes.items():
        out[nid] = _one(n, repeals.get(nid), works, as_of, nodes)
    return out


def _one(n: Node, repealed: str | None, works: Works, as_of: str | None,
         nodes: Mapping[str, Node]) -> tuple[str | None, str]:
    if as_of is not None:
        if n.date and n.date > as_of:
            return None, f"issued after {as_of} (dated {n.date})"
        if n.date_in_force and n.date_in_force > as_of:
            return "not_yet_in_force", f"enters into force on {n.date_in_force}, after {as_of}"
    if n.work and not n.version_date and works.versions.get(n.work):
        return None, f"an undated text of {n.work}, which has dated versions: which one is unknown"
    later = [(d, v) for d, v in works.later(n.id) if as_of is None or d <= as_of]
    if repealed and not later:
        return "repealed", repealed
    if later:
        d, v = later[0]
        return "amended", f"a later version: {node_name(nodes[v]) if v in nodes else f'{v} ({d})'}"
    if n.in_corpus:
        on = f" as of {as_of}" if as_of else ""
        return "in_force", f"no later version or repeal in the corpus{on}"
    return None, ""


def _repeals(nodes: Mapping[str, Node], edges: Iterable[Edge], works: Works,
             as_of: str | None) -> dict[str, str]:
    """For each repealed node (and every version of a repealed work), the first repeal's evidence."""
    out: dict[str, str] = {}
    for e in sorted(edges, key=lambda e: (e.source, e.target)):
        if e.relation != "repeals" or e.target not in nodes:
            continue
        by = nodes.get(e.source)
        when = by.date if by else None
        if as_of is not None and when is not None and when > as_of:
            continue
        if when is not None and (nodes[e.target].date or when) > when:
            continue  # a text dated after its repeal: what was repealed is an earlier one
        said = f"repealed by {node_name(by) if by else e.source}"
        said += f" ({when})" if when and when not in said else ""
        said += f": {e.evidence}" if e.evidence else ""
        work = works.of.get(e.target)
        for target in works.members.get(work, ()) if work else (e.target,):
            out.setdefault(target, said)
    return out
