"""Find the document a person means by what they type: one resolver for every command.

A query may be a node id, a number in any written variant (国令第406号, 国办发[2003]40号,
（2003）, 第40号, spaces: normalised exactly as the extractor does), a file name or path, an
exact title (punctuation-insensitive, as link.title_key), or a unique prefix or part of a
title. The first of these ways that matches anything decides: one match is the answer,
several are listed for the person to choose from, none gives near matches (difflib) instead.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

from policygraph.corpus.link import title_key
from policygraph.corpus.names import attrs_name, record_name
from policygraph.extract.normalize import normalize
from policygraph.extract.numbers import find_numbers, parse
from policygraph.models import NATION, DocumentRecord, Part


@dataclass(frozen=True)
class Candidate:
    """A document a query may name: its id, display name, and what a query is matched on."""

    id: str
    name: str
    number: str | None = None
    title: str | None = None
    sources: tuple[str, ...] = ()
    detail: str = ""  # level, place and date: what tells two same-named documents apart

    @property
    def line(self) -> str:
        """One line naming the candidate and the id that picks it."""
        return f"{self.name}  [{self.detail or '—'}]  id: {self.id}"


@dataclass(frozen=True)
class Resolution:
    """What a query found: `matches` (one: the answer; several: ambiguous; none: a miss),
    how they were found, and on a miss the nearest documents."""

    query: str
    matches: tuple[Candidate, ...]
    how: str = ""  # id | number | file | title | prefix | substring
    suggestions: tuple[Candidate, ...] = ()

    @property
    def found(self) -> Candidate | None:
        return self.matches[0] if len(self.matches) == 1 else None


#: What a person leaves out of a number that a text never does: the closing 号 (国办发〔2003〕40),
#: an order's 第 (国务院令406号), or the year's brackets, written as a year (国办发2003年40号).
#: Completed, then parsed as the extractor parses (extract/numbers.py): these only restore the
#: written form.
_NO_HAO = re.compile(r"(?<=\d)\s*[）)]?$")
_NO_DI = re.compile(r"(?<=令)\s*(?=\d{1,5}\s*号?$)")
_YEAR_WORD = re.compile(r"(?<=[^\d\s〔［\[（(【])\s*(\d{4})\s*年\s*(?=(?:第\s*)?\d{1,6}\s*号?$)")


def _completed(norm: str) -> str:
    """A typed number with the year's brackets and the closing 号 restored.

    >>> _completed("国办发2003年40号"), _completed("国办发〔2003〕40"), _completed("国务院令406")
    ('国办发〔2003〕40号', '国办发〔2003〕40号', '国务院令第406号')
    """
    text = _NO_DI.sub("第", _YEAR_WORD.sub(lambda m: f"〔{m.group(1)}〕", norm, count=1), count=1)
    return text if text.endswith("号") else _NO_HAO.sub(lambda m: "号" + m.group(0).strip(), text, count=1)


def canonical_number(text: str) -> str | None:
    """The canonical number `text` is, in any variant the extractor reads, or as a person may
    shorten it (no 号, 年 instead of the year's brackets); None if it is not exactly one number
    (a 中华人民共和国 before an order number is allowed).

    >>> canonical_number("國令第406号"), canonical_number("国办发 [2003] 第40号")
    ('国务院令第406号', '国办发〔2003〕40号')
    >>> canonical_number("国办发〔2003〕40"), canonical_number("国办发2003年第40号")
    ('国办发〔2003〕40号', '国办发〔2003〕40号')
    >>> canonical_number("中华人民共和国主席令第13号"), canonical_number("道路运输条例")
    ('主席令第13号', None)
    """
    norm = normalize(text).text.strip()
    for written in dict.fromkeys((text, norm, _completed(norm))):
        number = _one_number(written)
        if number:
            return number
    return None


def _one_number(text: str) -> str | None:
    """The canonical number `text` is exactly, as the extractor reads it; else None."""
    parsed = parse(text)
    if parsed:
        return parsed.canonical
    norm = normalize(text).text.strip()
    found = list(find_numbers(norm))
    if len(found) == 1 and (norm[:found[0].start] + norm[found[0].end:]).strip() in ("", NATION):
        return found[0].number.canonical
    return None


def _same_file(query: str, source: str) -> bool:
    """`query` names the file `source` (relative to its corpus root): the same path, a path
    ending in it, or its bare file name."""
    q = query.replace("\\", "/").strip()
    return q == source or q.endswith("/" + source) or q == PurePosixPath(source).name


_TIERS: tuple[tuple[str, Callable[[str, Candidate], bool]], ...] = (
    ("file", lambda q, c: any(_same_file(q, s) for s in c.sources)),
    ("title", lambda k, c: k in (title_key(c.title or ""), title_key(c.name))),
    ("prefix", lambda k, c: title_key(c.title or "").startswith(k)),
    ("substring", lambda k, c: k in title_key(c.title or "")),
)


def resolve(query: str, candidates: Sequence[Candidate], suggest: int = 5) -> Resolution:
    """The documents among `candidates` that `query` names (see the module docstring)."""
    q = query.strip()
    if not q:
        return Resolution(query, ())
    by_id = [c for c in candidates if c.id == q]
    if by_id:
        return Resolution(query, tuple(by_id), "id")
    number = canonical_number(q)
    if number:
        hits = tuple(c for c in candidates if number in (c.number, c.id))
        if hits:
            return Resolution(query, _by_name(hits), "number")
    key = title_key(normalize(q).text)
    for how, test in _TIERS:
        wanted = q if how == "file" else key
        hits = tuple(c for c in candidates if test(wanted, c)) if wanted else ()
        if hits:
            return Resolution(query, _by_name(hits), how)
    return Resolution(query, (), suggestions=near(number or key, candidates, suggest))


def _by_name(hits: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    """Matches in the order of their names: the versions of a work by date."""
    return tuple(sorted(hits, key=lambda c: (c.name, c.id)))


def near(text: str, candidates: Sequence[Candidate], n: int = 5) -> tuple[Candidate, ...]:
    """The candidates whose title or number is closest to `text` (difflib), best first."""
    keys: dict[str, list[Candidate]] = {}
    for c in candidates:
        for k in {title_key(c.title or ""), c.number or ""} - {""}:
            keys.setdefault(k, []).append(c)
    out: list[Candidate] = []
    for k in difflib.get_close_matches(text, sorted(keys), n=n, cutoff=0.5):
        out += [c for c in keys[k] if c not in out]
    return tuple(out[:n])


def _detail(a: Mapping) -> str:
    parts = [a.get("level"), a.get("jurisdiction"), a.get("date")]
    return ", ".join(str(x) for x in parts if x)


def _record_detail(r: DocumentRecord | Part) -> str:
    return ", ".join(x for x in (r.level, r.jurisdiction, r.date) if x)


def graph_candidates(nodes: Iterable[tuple[str, Mapping]]) -> list[Candidate]:
    """Candidates from a graph's nodes (networkx `g.nodes(data=True)`, GraphML strings)."""
    out = []
    for n, a in nodes:
        sources = tuple(s for s in str(a.get("sources") or "").split(";") if s)
        out.append(Candidate(n, attrs_name(n, a), a.get("number") or None, a.get("title") or None,
                             sources, _detail(a)))
    return out


def record_candidates(records: Iterable[DocumentRecord]) -> list[tuple[Candidate, int, int | None]]:
    """Candidates from documents.jsonl records and the parts embedded in them, each with where
    it is: the record's index and the part's (None for the record itself), so a caller keeps
    the candidates, not every record. A part has its number as id, as its graph node does; a
    part that is also a record of its own (a forwarded notice whose file is in the corpus)
    is that record."""
    docs: list[tuple[Candidate, int, int | None]] = []
    parts: list[tuple[Candidate, int, int | None]] = []
    for i, rec in enumerate(records):
        docs.append((Candidate(rec.id, record_name(rec.id, rec), rec.number, rec.title, (rec.source,),
                               _record_detail(rec)), i, None))
        for k, p in enumerate(rec.parts):
            pid = p.number or p.id
            parts.append((Candidate(pid, record_name(pid, p), p.number, p.title, (),
                                    _record_detail(p) + f" (in {rec.source})"), i, k))
    own = {c.id for c, _i, _k in docs} | {c.number for c, _i, _k in docs if c.number}
    seen: set[str] = set()
    for part in parts:
        if part[0].id not in own and part[0].id not in seen:
            seen.add(part[0].id)
            docs.append(part)
    return docs
