"""Which node a citation names: by number, by title, or by a generic title in its scope.

Rules, strictest first (merging two documents is worse than missing a link):
- A number names the node of that number. Where several corpus files state one number (the
  versions of one 令, kept apart by build/extraction), it names the version in force at the
  citing document's date; numbers shared by different works are told apart by the citation's
  title, or the citation stays unresolved.
- A title names a node only on an exact title match (punctuation aside), or as a shortened
  title (关于X) whose issuer is named in the citing sentence. Where the title is a work's, it
  names the version in force at the citing date (works.Works.at). A title shared by documents of
  different scopes is narrowed to the citing scope (the issuer named before it, else the citing
  document's jurisdiction where it has one of them), then to the date written before it
  (2019年3月1日《X》); if that leaves more than one work, it stays unresolved, with a warning.
  A national statute's short name (刑法, 《道路交通安全法》) is read as its full title
  (中华人民共和国…) when the corpus states or cites that full title. A title found nowhere
  becomes a title node of its own.
- A *generic* title (titles.is_generic: 关于修改部分地方性法规的决定, 实施意见 …) identifies a
  document only with its scope, issuer and date: the issuer the title or the citing sentence
  names (…上海市…人民代表大会常务委员会…《关于修改…》), else the citing document's own
  jurisdiction (a 本市 decision, cited in a header history line, is always the citing
  legislature's); the date of the header history line naming it (HistoryEvent.by), else the
  date written before it in the sentence. Scoped, it names the corpus document of that
  title, place and date, or a title node `title:<title>@<date>` (`title:<title>@<place>@<date>`
  when the title names no issuer). Without a date it stays unresolved, with a warning.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from policygraph.corpus.titles import core_title, is_generic, issuer_in_title, title_facts, title_key
from policygraph.corpus.works import Works
from policygraph.extract import regexes as rx
from policygraph.extract.authorities import load_table
from policygraph.extract.metadata import date_from_match
from policygraph.models import Citation, HistoryEvent, Node

_CLAUSE_END = re.compile(r"[，,。；;：:]")


@dataclass
class Entry:
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
    rank: str | None = None
    date_publication: str | None = None
    date_in_force: str | None = None
    history: tuple[HistoryEvent, ...] = ()


@dataclass(frozen=True)
class Scope:
    """Who issued a document cited by a generic title, and when."""

    place: str
    level: str | None
    date: str
    evidence: str
    named: bool  # the title names its issuer


class TitleIndex:
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

    def shortened(self, key: str, context: str) -> str | None:
        """The one node a shortened title (关于X) names with its issuer in the sentence."""
        if not key.startswith("关于"):
            return None
        ctx = title_key(context)
        named = [i for i in sorted(self.core.get(key, ()))
                 if any(iss and iss + key in ctx for iss in self.issuer.get(i, ()))]
        return named[0] if len(named) == 1 else None


class Resolver:
    """Resolves citations against the nodes (adding title nodes as it goes), the title index
    and the works; what it cannot resolve it says in `warnings`."""

    def __init__(self, nodes: dict[str, Node], works: Works, cited_titles: Iterable[str] = ()) -> None:
        self.nodes = nodes
        self.national = _national_names([t for n in nodes.values() for t in n.titles], cited_titles)
        self.works = works
        self.index = TitleIndex(nodes.values())
        self.warnings: list[str] = []
        self.by_number: dict[str, list[str]] = defaultdict(list)
        self.generic: dict[tuple[str, str], list[str]] = defaultdict(list)  # (title key, date) → ids
        for n in sorted(nodes.values(), key=lambda n: n.id):
            if n.in_corpus and n.number and n.id != n.number:
                self.by_number[n.number].append(n.id)
            if n.in_corpus and n.title and n.date and is_generic(n.title):
                for key in {title_key(n.title), core_title(n.title) or ""} - {""}:
                    self.generic[key, n.date].append(n.id)

    def resolve(self, c: Citation, e: Entry) -> list[tuple[str, str]]:
        """The (node id, evidence) pairs a citation names: none, one, or one per dated scope of
        a generic title cited for several decisions at once (a header naming one 决定 twice)."""
        if c.number:
            target = self._number(c, e)
            return [(target, c.evidence)] if target else []
        if not c.title:
            return []
        c = replace(c, title=self.national.get(title_key(c.title), c.title))
        if is_generic(c.title or ""):
            return self._generic(c, e)
        title = c.title or ""
        target = self.find(title, c.evidence, e)
        if target is None:
            hits = self.index.full.get(title_key(title), set())
            if not hits:
                target = self._title_node(title, e)
            elif not self._own_work(hits, e):
                self.warnings.append(f"《{title}》 cited by {e.id} names {len(hits)} documents of "
                                     "different issuers: unresolved")
        return [(target, c.evidence)] if target else []

    def find(self, title: str, context: str, e: Entry) -> str | None:
        """The existing node a (non-generic) title names for the citing entry, or None."""
        key = title_key(title)
        hits = self.index.full.get(key, set())
        if hits:
            return self._among(title, sorted(hits), context, e)
        named = self.index.shortened(key, context)
        return self._version(named, e) if named else None

    def _own_work(self, hits: Iterable[str], e: Entry) -> bool:
        """Whether every node hit is a version of the citing document's own work."""
        own = self.works.of.get(e.id)
        return own is not None and all(self.works.of.get(h) == own for h in hits)

    def _number(self, c: Citation, e: Entry) -> str | None:
        number = c.number or ""
        versions = self.by_number.get(number)
        if not versions or number in self.nodes:
            return number
        works = {self.works.of.get(v, v) for v in versions}
        if len(works) > 1 and c.title:
            key = title_key(c.title)
            works = {self.works.of.get(v, v) for v in versions
                     if any(title_key(t) == key for t in self.nodes[v].titles)}
        if len(works) != 1:
            self.warnings.append(f"{number} cited by {e.id} names {len(versions)} documents of different "
                                 "works: unresolved")
            return None
        return self._version(versions[0], e)

    def _version(self, node: str, e: Entry) -> str | None:
        """The version of `node`'s work in force at the citing date (the node itself if it is
        no version); None if it is the citing document's own work."""
        work = self.works.of.get(node)
        if work is None:
            return node
        if self.works.of.get(e.id) == work:
            return None
        dated = self.works.versions.get(work, ())
        if e.date and dated and e.date < dated[0][0]:
            return self._earlier_version(work, dated[0], e)
        return self.works.at(work, e.date) or node

    def _earlier_version(self, work: str, first: tuple[str, str], e: Entry) -> str:
        """A version of `work` older than every one in the corpus: what a document dated before
        them all cites (a 2018 city regulation citing the provincial one it rests on, whose
        corpus file is its 2021 amendment). It shares the work but has no date: pointing the
        citation at a later version would make the child precede its parent."""
        date, vid = first
        v = self.nodes[vid]
        tid = f"title:{title_key(v.title or vid)}@before-{date}"
        if tid not in self.nodes:
            self._add(Node(id=tid, kind="title", title=v.title, titles=(v.title,) if v.title else (),
                           issuers=v.issuers, level=v.level, jurisdiction=v.jurisdiction, rank=v.rank,
                           work=work, provenance=(f"a version of {work} older than its first in the "
                                                  f"corpus ({vid}, {date}), cited by {e.id} ({e.source})",)))
        return tid

    def _among(self, title: str, hits: list[str], context: str, e: Entry) -> str | None:
        key = title_key(title)
        own = [h for h in hits if title_key(self.nodes[h].title or "") == key]
        hits = self._in_corpus(own or hits)  # its own title before a title it was cited by
        if len({self.works.of.get(h, h) for h in hits}) > 1:
            date, place, _level = _place_before(context, title)
            near = [h for h in hits if self.nodes[h].jurisdiction == (place or e.jurisdiction)]
            near = near or ([] if place else hits)  # none of the citing place's own: any place
            if len({self.works.of.get(h, h) for h in near}) > 1 and date:
                near = [h for h in near if self.nodes[h].date == date]  # …年…月…日《X》
            if len({self.works.of.get(h, h) for h in near}) != 1:
                return None
            hits = near
        return self._version(hits[0], e)

    def _in_corpus(self, hits: list[str]) -> list[str]:
        """The corpus versions of one work, if they and documents only cited (an earlier
        version known by its number: 法释〔2015〕12号 beside the corpus's 2020 text) are all the
        hits and in the same place; else the hits as they are."""
        corpus = [h for h in hits if self.nodes[h].in_corpus]
        works = {self.works.of.get(h) for h in corpus}
        if len(works) != 1 or None in works:
            return hits
        place = self.nodes[corpus[0]].jurisdiction
        cited = [self.nodes[h] for h in hits if not self.nodes[h].in_corpus]
        return corpus if all(n.jurisdiction in (None, place) for n in cited) else hits

    def _title_node(self, title: str, e: Entry) -> str:
        """The id of the node of a document known only by this title, made on its first citation."""
        tid = "title:" + title_key(title)
        if tid not in self.nodes:
            self._add(Node(id=tid, kind="title", title=title, titles=(title,),
                           provenance=(f"cited by title in {e.id} ({e.source})",)))
        return tid

    def _add(self, n: Node) -> None:
        self.nodes[n.id] = n
        self.index.add(n)

    def decision(self, h: HistoryEvent, e: Entry) -> str | None:
        """The node of the decision a header history line names (HistoryEvent.by), scoped by
        the line's date: the corpus document of that title and date, else for a generic title
        its scoped node (as a generic citation), else a title node `title:<title>@<date>`. One
        title (关于修改〈中华人民共和国会计法〉的决定) names different decisions in different
        years, so a decision is never a bare title node."""
        if not (h.by and h.date):
            return None
        key = title_key(h.by)
        stated = sorted(i for i in {*self.index.full.get(key, ()), *self.generic.get((key, h.date), ())}
                        if self.nodes[i].in_corpus and self.nodes[i].date == h.date)
        if len(stated) == 1:
            return stated[0]
        if is_generic(h.by):
            c = Citation("amends", h.text, 0, 0, 1.0, title=h.by, found_by="title")
            hits = [i for i, _ev in self._generic(c, e) if self.nodes[i].date == h.date]
            return hits[0] if hits else None
        tid = f"title:{key}@{h.date}"
        if tid not in self.nodes:
            f = title_facts(h.by)
            self._add(Node(id=tid, kind="title", title=h.by, titles=(h.by,), jurisdiction=f.jurisdiction,
                           level=f.level, date=h.date, year=int(h.date[:4]),
                           provenance=(f"named in the history of {e.id} ({e.source}), dated {h.date}",)))
        return tid

    def _generic(self, c: Citation, e: Entry) -> list[tuple[str, str]]:
        title = c.title or ""
        scopes = self._scopes(c, e)
        if not scopes:
            self.warnings.append(f"generic title 《{title}》 cited by {e.id} without an issuer and a date: "
                                 "unresolved")
        return [(self._scoped(title, s, e), s.evidence) for s in scopes]

    def _scopes(self, c: Citation, e: Entry) -> list[Scope]:
        title = c.title or ""
        key = title_key(title)
        said = _place_before(c.evidence, title)
        facts = title_facts(title)
        named = issuer_in_title(title) is not None
        place, level = ((facts.jurisdiction, facts.level) if named and facts.jurisdiction else
                        said[1:] if said[1] else (e.jurisdiction, e.level))
        if place is None:
            return []
        dated = {h.date: h.text or c.evidence for h in e.history
                 if h.by and h.date and title_key(h.by) == key}
        if not dated and said[0]:
            dated = {said[0]: c.evidence}
        return [Scope(place, level, d, ev, named) for d, ev in sorted(dated.items())]

    def _scoped(self, title: str, s: Scope, e: Entry) -> str:
        key = title_key(title)
        stated = [i for i in self.generic.get((key, s.date), ()) if self.nodes[i].jurisdiction == s.place]
        if len(stated) == 1:
            return stated[0]
        tid = f"title:{key}@{s.date}" if s.named else f"title:{key}@{s.place}@{s.date}"
        if tid not in self.nodes:
            self._add(Node(id=tid, kind="title", title=title, titles=(title,), jurisdiction=s.place,
                           level=s.level, date=s.date, year=int(s.date[:4]),
                           provenance=(f"cited by a generic title in {e.id} ({e.source}), scoped by "
                                       f"issuer {s.place} and date {s.date}",)))
        return tid


_NATIONAL = "中华人民共和国"
#: A national statute's short name: 刑法, 行政复议法, 治安管理处罚条例 (no issuer, no 关于).
_STATUTE_END = re.compile(r"(?<!办)法$|条例$")


def _national_names(titles: Iterable[str], cited: Iterable[str]) -> dict[str, str]:
    """Short names of national statutes (刑法, 《道路交通安全法》) → their full titles
    (中华人民共和国刑法), for every full title the corpus states or cites: a law cited both ways is
    one document. A short name that is itself some document's full title is left alone."""
    every = {title_key(t): t for t in [*titles, *cited]}
    stated = {title_key(t) for t in titles}
    out = {}
    for key, full in sorted(every.items()):
        short = key.removeprefix(_NATIONAL)
        if short != key and _STATUTE_END.search(short) and "关于" not in short and short not in stated:
            out[short] = full
    return out


def _place_before(sentence: str, title: str) -> tuple[str | None, str | None, str | None]:
    """(date, place, level) written in the sentence before the cited title, within its clause:
    2010年9月17日上海市第十三届人民代表大会常务委员会第二十一次会议《关于…》 → (2010-09-17, 上海市,
    provincial)."""
    at = sentence.find(title[:6]) if title else -1
    head = sentence[:at] if at >= 0 else ""
    head = _CLAUSE_END.split(head)[-1]
    dates = list(rx.DATE.finditer(head))
    date = date_from_match(dates[-1]) if dates else None
    rest = head[dates[-1].end():] if dates else head
    place = load_table().place_at_start(rest.lstrip(" 　在由经")) if rest.strip() else None
    return (date, None, None) if place is None else (date, place.jurisdiction, place.level)
