"""Works and their versions: files of the corpus that are versions of one regulation.

A *work* is a statute amended in place (a 法, 条例, 规定, 办法 … : titles.has_versions); its
*versions* are the corpus documents with the same title once version marks are dropped
(（2019修订）) and the same scope (jurisdiction, else issuer). Notices, opinions and plans are
never versions of each other (a new notice is a new document), nor are generic titles. Each
version stays its own node; they share `work` (`work:` + the title, `@` + the scope when two
scopes share the title), and the dated ones are chained in date order by `previous_version`
(copies with the same date are one step of the chain; undated versions belong to the work but
stand outside the chain). `version_kind` is what the last history event made of the text
(原文 → original, 修正 → amended, 修订 → revised), else what the title's mark says.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, replace
from itertools import groupby

from policygraph.corpus.titles import has_versions, mark_kind, title_key, work_title
from policygraph.models import HistoryEvent, Node

_EVENT_KIND = {"adopted": "original", "approved": "original", "promulgated": "original",
               "amended": "amended", "revised": "revised"}


@dataclass(frozen=True)
class Works:
    """Each work's dated versions in date order, as (date, node id), its versions all (by id),
    and each version's work."""

    versions: dict[str, tuple[tuple[str, str], ...]]
    members: dict[str, tuple[str, ...]]
    of: dict[str, str]

    def at(self, work: str, date: str | None) -> str | None:
        """The version in force on `date`: the latest dated on or before it; the earliest if
        every version is later; the latest if the date is unknown. A work without dated
        versions has a version to name only if it has one version."""
        dated = self.versions.get(work, ())
        if not dated:
            members = self.members.get(work, ())
            return members[0] if len(members) == 1 else None
        if date is None:
            return dated[-1][1]
        before = [v for d, v in dated if d <= date]
        return before[-1] if before else dated[0][1]

    def later(self, node: str) -> tuple[tuple[str, str], ...]:
        """The dated versions of `node`'s work after it, as (date, id)."""
        work = self.of.get(node)
        dated = self.versions.get(work, ()) if work else ()
        mine = next((d for d, v in dated if v == node), None)
        return () if mine is None else tuple((d, v) for d, v in dated if d > mine)


def version_kind(history: tuple[HistoryEvent, ...], title: str | None) -> str | None:
    """original | amended | revised: the last history event's, else the title mark's."""
    if history:
        return _EVENT_KIND.get(history[-1].kind)
    return mark_kind(title) if title else None


def assign_works(nodes: Mapping[str, Node], histories: Mapping[str, tuple[HistoryEvent, ...]]
                 ) -> tuple[dict[str, Node], Works]:
    """The nodes with their work and version fields filled, and the works they form."""
    groups: dict[tuple[str, str], list[Node]] = defaultdict(list)
    for n in nodes.values():
        if n.in_corpus and n.title and has_versions(n.title):
            groups[title_key(work_title(n.title)), _scope(n)].append(n)
    scopes = defaultdict(set)
    for stem, scope in groups:
        scopes[stem].add(scope)
    out = dict(nodes)
    versions: dict[str, tuple[tuple[str, str], ...]] = {}
    members_of: dict[str, tuple[str, ...]] = {}
    of: dict[str, str] = {}
    for (stem, scope), members in sorted(groups.items()):
        work = f"work:{stem}" if len(scopes[stem]) == 1 else f"work:{stem}@{scope}"
        dated = sorted((n.date, n.id) for n in members if n.date)
        versions[work] = tuple(dated)
        members_of[work] = tuple(sorted(n.id for n in members))
        previous = _previous(dated)
        for n in members:
            of[n.id] = work
            out[n.id] = replace(n, work=work, version_date=n.date, previous_version=previous.get(n.id),
                                version_kind=version_kind(histories.get(n.id, ()), n.title))
    return out, Works(versions, members_of, of)


def _scope(n: Node) -> str:
    """Who a work belongs to: its jurisdiction, else its first issuer, else nobody known."""
    return n.jurisdiction or (n.issuers[0] if n.issuers else "")


def _previous(dated: list[tuple[str, str]]) -> dict[str, str]:
    """Each dated version's predecessor: the first version of the date before its own."""
    out: dict[str, str] = {}
    before: str | None = None
    for _date, same_day in groupby(dated, key=lambda dv: dv[0]):
        ids = [v for _d, v in same_day]
        if before is not None:
            out.update(dict.fromkeys(ids, before))
        before = ids[0]
    return out
