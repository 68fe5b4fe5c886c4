"""Where a part was issued, and at what level: jurisdiction and level from the strongest
evidence available, each with a note of what decided it.

The evidence, strongest first: the authority of the part's own number, its issuers' names, the
place its title opens with, then the words the text uses for itself (我市, 全省 …) and the local
documents it cites. Before that, `provinces_in_evidence` gathers the provinces the part points
to, which choose among the cities an ambiguous issuer code could stand for.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from policygraph.extract import regexes as rx
from policygraph.extract.authorities import AuthorityTable
from policygraph.extract.numbers import parse_canonical
from policygraph.extract.parts import Span
from policygraph.models import LEVELS, NATION, Authority, Citation

#: The four 直辖市: provinces whose own text says 本市.
_MUNICIPALITIES = frozenset(("北京市", "天津市", "上海市", "重庆市"))


def authority_of_number(
    table: AuthorityTable, number: str, context: Iterable[str] = (),
    learned: Mapping[str, Authority] | None = None,
) -> Authority | None:
    """The authority a canonical number's issuer code stands for, given the provinces in
    `context`; None if the number has no code."""
    dn = parse_canonical(number)
    return table.resolve(dn.code, dn.year, context, learned) if dn else None


def issuer_provinces(issuers: Iterable[str], table: AuthorityTable) -> set[str]:
    """The provinces the issuers' names place them in (the nation is no province)."""
    out = set()
    for name in issuers:
        a = table.authority_of_name(name)
        if a.province and a.province != NATION:
            out.add(a.province)
    return out


def provinces_in_evidence(
    text: str, span: Span, issuers: Iterable[str], cited: Iterable[Citation],
    table: AuthorityTable, learned: Mapping[str, Authority],
) -> set[str]:
    """Provinces a part points to: its issuers', those its header names (…省, …自治区), and
    those of the provincial documents it cites whose code is known for sure."""
    context = issuer_provinces(issuers, table)
    context |= table.places.provinces_named(text[span.start:span.header_end])
    for c in cited:
        a = authority_of_number(table, c.number, (), learned) if c.number else None
        if a is not None and a.level == "provincial" and a.province and a.confidence >= 0.9:
            context.add(a.province)
    return context


@dataclass(frozen=True)
class Place:
    """A part's jurisdiction and level, and why (evidence keys in the order they were found)."""

    jurisdiction: str | None = None
    level: str | None = None
    evidence: dict[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()

    @property
    def settled(self) -> bool:
        """Both known: the gazetteer gives a county with its prefecture and province."""
        return bool(self.jurisdiction and self.level)

    def with_level(self, level: str | None, why: str) -> Place:
        return replace(self, level=level, evidence={**self.evidence, "level": why})

    def with_jurisdiction(self, jurisdiction: str | None, why: str) -> Place:
        return replace(self, jurisdiction=jurisdiction, evidence={**self.evidence, "jurisdiction": why})


def place(
    table: AuthorityTable,
    text: str,
    span: Span,
    own_auth: Authority | None,
    issuers: Iterable[str],
    citations: list[Citation],
    title: str | None = None,
    on: str | None = None,
) -> Place:
    """Jurisdiction and level of a part, from the strongest evidence available; `on`, the
    part's date when known, keeps former names (襄樊市, 莱芜市) to their time."""
    provinces = _evidence_provinces(table, text, span, own_auth, citations)
    found = _number_or_issuers(table, own_auth, issuers, provinces, on)
    if found.settled:
        return found
    if title and not (found.jurisdiction and found.level):
        opening = _from_title(found, table, title, provinces, on)
        if opening is not None:
            found = opening
            if found.settled:
                return found
    if found.level is None:
        found = _from_self_words(found, text[span.start:span.end], provinces)
    found = _placed_by_cited(found, table, [*issuers, *([title] if title else [])], citations)
    return _unplaced_guess(_only_cited_place(found, citations), own_auth)


def _evidence_provinces(table: AuthorityTable, text: str, span: Span, own_auth: Authority | None,
                        citations: list[Citation]) -> set[str]:
    """The provinces the part points to besides its issuers' names: its own number's, those its
    header names, those of the documents it cites. They choose among the places an ambiguous
    name could be (鼓楼区) and keep a short name from another province out."""
    out = table.places.provinces_named(text[span.start:span.header_end])
    if own_auth and own_auth.province and own_auth.province != NATION and not _guessed(own_auth):
        out.add(own_auth.province)
    for c in citations:
        d = table.places.division_of(c.jurisdiction) if c.jurisdiction else None
        if d is not None:
            out.add(d.province)
    return out


def _number_or_issuers(table: AuthorityTable, own_auth: Authority | None, issuers: Iterable[str],
                       provinces: set[str], on: str | None) -> Place:
    """The place of the part's own number, completed by its issuers'; or the issuers' alone,
    when a name matched whole tells more than the number's code (see _issuers_win), or the code
    is a guess: then a name several units share (通州区: 北京市's and 南通市's, both writing
    通政发) gives its level only."""
    numbered = _from_own_number(own_auth)
    named = _from_issuers(Place(), table, issuers, provinces, on)
    if named.level and (_guessed(own_auth) or (
            named.jurisdiction and _issuers_win(numbered, named.jurisdiction, own_auth))):
        return named
    return _from_issuers(numbered, table, issuers, provinces, on)


def _issuers_win(numbered: Place, named: str, own_auth: Authority | None) -> bool:
    """Whether the issuers' place, named whole, beats the number's: when it lies inside it
    (东阳市人民政府 under a 金华市 code), when the code places nothing, or when the code is no
    exact entry of the table but a guess from an abbreviation (镇政 read as 镇江市 for a paper of
    镇平县人民政府; 鄂托克政发 read as 湖北省)."""
    if not numbered.jurisdiction or named.startswith(numbered.jurisdiction):
        return True
    return _guessed(own_auth)


def _guessed(own_auth: Authority | None) -> bool:
    """Whether the authority of the part's own number is a guess from an abbreviation (通 for
    南通市, 宜 for 宜昌市) rather than an exact entry of the table: then it places nothing but
    itself, and chooses no province for other names."""
    return own_auth is not None and own_auth.confidence < 0.95


def _from_own_number(own_auth: Authority | None) -> Place:
    found = Place()
    if own_auth and own_auth.level:
        found = found.with_level(own_auth.level, f"own number: {own_auth.evidence}")
        if own_auth.jurisdiction:
            found = found.with_jurisdiction(own_auth.jurisdiction, found.evidence["level"])
    return found


def _from_issuers(found: Place, table: AuthorityTable, issuers: Iterable[str], provinces: set[str],
                  on: str | None = None) -> Place:
    """The first issuer with a level gives it; the first at that level with a place gives the
    jurisdiction."""
    for name in issuers:
        a = table.authority_of_name(name, provinces, on)
        if not a.level:
            continue
        if found.level is None:
            found = found.with_level(a.level, a.evidence)
        if found.jurisdiction is None and a.jurisdiction and a.level == found.level:
            found = found.with_jurisdiction(a.jurisdiction, a.evidence)
        if found.jurisdiction and found.level:
            break
    return found


def _from_title(found: Place, table: AuthorityTable, title: str, provinces: set[str],
                on: str | None = None) -> Place | None:
    """What the place the title opens with adds (北京市…条例), if it agrees with the level
    known; None if it does not."""
    opening = table.place_at_start(title, provinces, on)
    if opening is None or found.level not in (None, opening.level):
        return None
    if found.level is None:
        found = found.with_level(opening.level, opening.evidence)
    if found.jurisdiction is None and opening.jurisdiction:
        found = found.with_jurisdiction(opening.jurisdiction, opening.evidence)
    return found


def _from_self_words(found: Place, body: str, provinces: set[str]) -> Place:
    """The level the text's words for itself say (我市, 全省 …), when they say it twice or more.
    A 直辖市's 本市 is provincial: when the evidence points to one 直辖市 only, it is that."""
    counts = Counter({lv: len(pat.findall(body)) for lv, pat in rx.SELF_LEVEL_WORDS})
    if max(counts.values()) < 2:
        return found
    level = max(LEVELS[1:], key=lambda lv: (counts[lv], -LEVELS.index(lv)))
    why = f"the text calls itself {level} ({counts[level]} words such as 我市/全省)"
    if level == "municipal" and len(provinces) == 1 and provinces <= _MUNICIPALITIES:
        (city,) = provinces
        found = found.with_level("provincial", f"{why}, and {city} is a 直辖市, provincial")
        return found if found.jurisdiction else found.with_jurisdiction(city, found.evidence["level"])
    return found.with_level(level, why)


def _placed_by_cited(found: Place, table: AuthorityTable, names: list[str],
                     citations: list[Citation]) -> Place:
    """A place known only by a name several units share (鼓楼区): the one inside the places of
    the documents it cites, the cities' first, when exactly one is."""
    if found.jurisdiction or found.level not in ("county", "municipal"):
        return found
    for name in names:
        where = table.places.locate(name.removeprefix("中共"))
        if where is None or where.division is not None:
            continue
        for level in ("municipal", "provincial"):
            cited = {c.jurisdiction for c in citations if c.jurisdiction and c.level == level}
            inside = {d for d in where.candidates if d.policy_level == found.level
                      and any(d.jurisdiction.startswith(j) for j in cited)}
            if len(inside) == 1:
                d = inside.pop()
                return found.with_jurisdiction(
                    d.jurisdiction, f"{where.evidence}; the one inside the places of the documents it cites")
    return found


def _only_cited_place(found: Place, citations: list[Citation]) -> Place:
    """A provincial or municipal part with no place: the only one of its level it cites."""
    if found.jurisdiction is not None or found.level not in ("provincial", "municipal"):
        return found
    places = sorted({c.jurisdiction for c in citations if c.level == found.level and c.jurisdiction})
    if len(places) != 1:
        return found
    return found.with_jurisdiction(
        places[0], f"the only {found.level} jurisdiction among the documents it cites: {places[0]}")


def _unplaced_guess(found: Place, own_auth: Authority | None) -> Place:
    """A warning when only the own number's code gave the level and it names no one place: an
    unchecked abbreviation (宜 read as 宜昌市 by default) or one several cities share (咸: 咸宁市,
    咸阳市). The level stays; the place is not guessed."""
    if found.jurisdiction or own_auth is None or own_auth.jurisdiction or own_auth.level is None:
        return found
    if not found.evidence.get("level", "").startswith("own number"):
        return found
    why = "several cities share it" if "ambiguous" in own_auth.evidence else "an unchecked abbreviation"
    return replace(found, warnings=(*found.warnings, f"{own_auth.code}: the issuer code names no one place "
                                    f"({why}) and nothing else places the document: its level only"))
