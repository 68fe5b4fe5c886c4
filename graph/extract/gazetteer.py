"""China's administrative divisions, and the places an organ name or a title names.

The divisions (provinces, prefecture- and county-level units, GB/T 2260 codes, former names
since 2002) are vendored from jionlp in `ontology/divisions/` (scripts/gazetteer.py writes
them); special areas (雄安新区, 深圳经济特区 …) are typed by hand beside them.

Names are matched whole, never by a shared prefix: 镇平县 is not 镇江市, 济宁 is not 济南. A
full name (东阳市, 七星关区) stands on its own when the country has one unit of that name; a
name several units share (鼓楼区, 城区) needs its parent named before it or a province from
other evidence, else only the level is known. A short name (林州 for 林州市) counts only
where a name can stand alone and an organ word follows it (林州人民政府), or, for a province,
at the start of a title (上海口岸服务条例); it never goes against the provinces the evidence gives.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from importlib import resources

from policygraph.extract import regexes as rx
from policygraph.models import NATION

#: The policy level of each kind of division.
POLICY_LEVEL = {"province": "provincial", "prefecture": "municipal", "county": "county"}


@dataclass(frozen=True)
class Division:
    """One province, prefecture- or county-level unit, or a former name of one.

    `code` is its GB/T 2260 code (a former name keeps its successor's; a special area without a
    code of its own gets one ending in S1, see special_areas.tsv). `until` is the date a former
    name went out of use; `since`, for a name that stood for another unit before (巢湖市, a
    prefecture until 2011, a county-level city since), the date it came to stand for this one.
    """

    code: str
    name: str
    short: str
    level: str  # province | prefecture | county
    province: str
    prefecture: str | None = None
    parent: str | None = None
    until: str | None = None
    special: bool = False
    since: str | None = None

    @property
    def path(self) -> tuple[str, ...]:
        """Province, prefecture and county names, as far down as this division goes."""
        path = [self.province, self.prefecture, self.name]
        return tuple(dict.fromkeys(p for p in path if p))

    @property
    def jurisdiction(self) -> str:
        """The jurisdiction string of the records: 广东省江门市, 浙江省金华市东阳市, 北京市海淀区."""
        return "".join(self.path)

    @property
    def policy_level(self) -> str:
        """provincial (a 直辖市 too), municipal (市, 地区, 自治州, 盟) or county."""
        return POLICY_LEVEL[self.level]

    def valid_on(self, on: str | None) -> bool:
        """Whether the name was in use on the ISO date `on` (any date, when not known)."""
        return not (on and ((self.until and on >= self.until) or (self.since and on < self.since)))


@dataclass(frozen=True)
class Found:
    """The place a text names: one division, or several a name could be (level may be shared)."""

    candidates: tuple[Division, ...]
    start: int
    end: int
    evidence: str

    @property
    def division(self) -> Division | None:
        return self.candidates[0] if len(self.candidates) == 1 else None

    @property
    def level(self) -> str | None:
        levels = {d.policy_level for d in self.candidates}
        return levels.pop() if len(levels) == 1 else None

    @property
    def province(self) -> str | None:
        provinces = {d.province for d in self.candidates}
        return provinces.pop() if len(provinces) == 1 else None


@dataclass(frozen=True)
class Gazetteer:
    """The divisions indexed by code, full name, short name and jurisdiction string."""

    divisions: tuple[Division, ...]
    by_code: Mapping[str, Division]
    by_name: Mapping[str, tuple[Division, ...]]
    by_short: Mapping[str, tuple[Division, ...]]
    by_jurisdiction: Mapping[str, Division]
    lengths: Mapping[str, tuple[int, ...]]  # first character → lengths of names, longest first

    def children(self, parent: Division, cands: Iterable[Division]) -> tuple[Division, ...]:
        """The candidates that lie inside `parent` (a county directly under a province too)."""
        return tuple(d for d in cands if d.code != parent.code and (
            d.parent == parent.code
            or (parent.name in (d.province, d.prefecture) and parent.province == d.province)))

    def names_at(self, text: str, i: int) -> Iterator[tuple[str, bool]]:
        """(name, is_short) for every full or short name at `text[i:]`, longest first."""
        for n in self.lengths.get(text[i:i + 1], ()):
            key = text[i:i + n]
            if key in self.by_name:
                yield key, False
            if key in self.by_short:
                yield key, True

    def locate(self, text: str, *, provinces: Iterable[str] = (), on: str | None = None,
               at_start: bool = False) -> Found | None:
        """The most specific place `text` names: the first name found (at its start only, for a
        title), then its children named after it (浙江省金华市东阳市; 南京市鼓楼区).

        `provinces` are the provinces other evidence gives; `on` the document's date, for
        former names. In a title (`at_start`), a child counts only when an organ word follows
        it or it is autonomous (安阳市林州红旗渠保护条例 is 安阳市's; 浦东新区… regulations are
        上海市's), since a title names its subject as often as its issuer.
        """
        wanted = frozenset(provinces)
        for i in range(1 if at_start else len(text)):
            first = self._first(text, i, wanted, on, at_start)
            if first is not None:
                return self._chain(text, first, wanted, on, at_start)
        return None

    def _first(self, text: str, i: int, provinces: frozenset[str], on: str | None,
               at_start: bool) -> Found | None:
        for key, short in self.names_at(text, i):
            named = (self.by_short if short else self.by_name)[key]
            cands = _in_use(tuple(d for d in named if d.valid_on(on)))
            inside = tuple(d for d in cands if d.province in provinces)
            if not cands or not _stands_alone(text, i, key, short, cands, at_start, bool(inside)):
                continue
            if short and provinces and not inside:
                continue  # a short name never goes against the province the evidence gives
            if len(cands) > 1 and inside:
                cands = inside
            how = "short name" if short else "name"
            return Found(cands, i, i + len(key), f"{how} {key}" + _of(cands))
        return None

    def _chain(self, text: str, found: Found, provinces: frozenset[str], on: str | None,
               at_start: bool) -> Found:
        """`found`, narrowed by the children named right after it."""
        while True:
            j = found.end
            while text[j:j + 1].isspace():
                j += 1
            step = self._child(text, j, found, on, at_start)
            if step is None:
                return found
            found = step

    def _child(self, text: str, j: int, found: Found, on: str | None, at_start: bool) -> Found | None:
        for key, short in self.names_at(text, j):
            cands = [d for d in (self.by_short if short else self.by_name)[key] if d.valid_on(on)]
            kids = tuple(dict.fromkeys(k for p in found.candidates for k in self.children(p, cands)))
            end = j + len(key)
            organ = bool(rx.PLACE_ORGAN_AFTER.match(text, end))
            if not kids or (short and not organ):
                continue
            if at_start and not (organ or "自治" in key or text.startswith("关于", end)):
                continue
            return Found(kids, found.start, end, f"{found.evidence}, then {key}" + _of(kids))
        return None

    @functools.cached_property
    def _province_names(self) -> re.Pattern[str]:
        names = sorted((d.name for d in self.divisions if d.level == "province"), key=len, reverse=True)
        return re.compile("|".join(names))

    def provinces_named(self, text: str) -> set[str]:
        """The provinces `text` names in full (广东省, 广西壮族自治区, 北京市)."""
        return {m.group(0) for m in self._province_names.finditer(text)}

    def province_of(self, jurisdiction: str | None) -> str | None:
        """The province of a jurisdiction string (广东省 for 广东省江门市, 北京市 for 北京市海淀区, the
        nation for the nation): its division's, else the province name it starts with; None
        if it names none."""
        if not jurisdiction:
            return None
        if jurisdiction == NATION:
            return NATION
        d = self.division_of(jurisdiction)
        if d is not None:
            return d.province
        m = self._province_names.match(jurisdiction)
        return m.group(0) if m else None

    def division_of(self, jurisdiction: str) -> Division | None:
        """The division a jurisdiction string names (广东省江门市); None for the nation or an
        unknown string."""
        return self.by_jurisdiction.get(jurisdiction)


def _stands_alone(text: str, i: int, key: str, short: bool, cands: tuple[Division, ...],
                  at_start: bool, confirmed: bool) -> bool:
    """Whether a name at `text[i:]` may name a place with nothing named before it: a full name
    of three characters or more anywhere, a two-character one (沛县, 城区) only at the start;
    a short name at the start followed by an organ word, or at a title's start a province's, or
    a city's the province of the evidence confirms (宁波杭州湾新区条例 in a 浙江 text). A
    county's short name alone is too often the title's subject (井冈山, 庐山) to count."""
    if not short:
        return len(key) >= 3 or i == 0
    if i != 0:
        return False
    if rx.PLACE_ORGAN_AFTER.match(text, i + len(key)):
        return True
    if not at_start:
        return False
    return all(d.level == "province" for d in cands) or (
        confirmed and all(d.level == "prefecture" for d in cands))


def _in_use(cands: tuple[Division, ...]) -> tuple[Division, ...]:
    """Of the units a name stood for at some time, those in use now, if the name is still in
    use: an undated 巢湖市 is the county-level city, not the prefecture abolished in 2011."""
    now = tuple(d for d in cands if d.until is None)
    return now or cands


def _of(cands: tuple[Division, ...]) -> str:
    if len(cands) == 1:
        return f" ({cands[0].jurisdiction}, GB/T 2260 {cands[0].code})"
    return f" (ambiguous: {'、'.join(sorted(d.jurisdiction for d in cands))})"


def _rows(name: str) -> list[dict[str, str]]:
    path = resources.files("policygraph.ontology").joinpath("divisions", name)
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def _current() -> dict[str, Division]:
    """The divisions of divisions.tsv, by code, parents first (the file lists them so)."""
    out: dict[str, Division] = {}
    for r in _rows("divisions.tsv"):
        parent = out.get(r["parent"])
        grand = out.get(parent.parent or "") if parent else None
        province = parent.province if parent else r["name"]
        prefecture = (parent.name if parent and parent.level == "prefecture"
                      else grand.name if grand and grand.level == "prefecture" else None)
        out[r["code"]] = Division(r["code"], r["name"], r["short"], r["level"], province,
                                  prefecture if r["level"] == "county" else None, r["parent"] or None)
    return out


def _former(current: dict[str, Division]) -> list[Division]:
    """Former names from the change log (and the changes it lacks, typed by hand in
    changes_extra.tsv). jionlp's tree still lists some units under their former
    name beside the new one (澄江县 530422 and 澄江市 530481): those are taken out of `current`
    and keep their own code; the others get their successor's code and parent."""
    here = {(d.province, d.parent, d.name): d for d in current.values()}
    out: dict[tuple[str, ...], Division] = {}
    for r in [*_rows("changes.tsv"), *_rows("changes_extra.tsv")]:
        now = current.get(r["code"])
        old = r["old_county"] or r["old_prefecture"]
        if now is None or old == now.name:
            continue
        level = "county" if r["old_county"] else "prefecture"
        prefecture = r["old_prefecture"] if level == "county" else None
        key = (r["old_province"], prefecture or "", old)
        stale = here.get((r["old_province"], now.parent, old))
        if stale is not None and stale.code in current:
            del current[stale.code]
            out[key] = replace(stale, until=r["date"])
        out.setdefault(key, Division(now.code, old, _short(old), level, r["old_province"], prefecture,
                                     now.parent, until=r["date"]))
    return list(out.values())


def _special(current: Mapping[str, Division]) -> tuple[list[Division], list[tuple[str, Division]]]:
    """Special areas: new divisions, and names standing for existing ones (深圳经济特区)."""
    areas: list[Division] = []
    aliases: list[tuple[str, Division]] = []
    for r in _rows("special_areas.tsv"):
        if r["code"] in current:
            aliases.append((r["name"], current[r["code"]]))
            continue
        parent = next(d for d in current.values() if d.name == (r["prefecture"] or r["province"])
                      and d.province == r["province"] and d.level != "county")
        areas.append(Division(r["code"], r["name"], r["short"], r["level"], r["province"],
                              r["prefecture"] or None, parent.code, special=True))
    return areas, aliases


def _abolished() -> list[Division]:
    """Prefecture-level units abolished since 2002 that jionlp lacks (abolished.tsv), under
    their own former code."""
    return [Division(r["code"], r["name"], r["short"], r["level"], r["province"],
                     parent=r["code"][:2] + "0000", until=r["until"]) for r in _rows("abolished.tsv")]


def _reused(current: dict[str, Division], former: list[Division]) -> None:
    """A current unit whose name stood for another unit before (巢湖市, a prefecture until
    2011-08-22, then 居巢区 renamed) holds that name only since the other gave it up."""
    by_name: dict[tuple[str, str], list[Division]] = {}
    for d in current.values():
        by_name.setdefault((d.name, d.province), []).append(d)
    for old in former:
        for d in by_name.get((old.name, old.province), ()):
            if d.code != old.code and old.until and d.level != old.level:
                current[d.code] = replace(d, since=old.until)


def _short(name: str) -> str:
    for suffix in ("自治县", "县", "区", "市", "地区", "旗"):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


def _variants(d: Division) -> Iterator[str]:
    """The names a document writes a division by: its full name, and for an autonomous
    prefecture, county or banner its short name with the kind (大理州, 长阳县)."""
    yield d.name
    for kind, word in (("自治州", "州"), ("自治县", "县"), ("自治旗", "旗")):
        if d.name.endswith(kind) and d.short != d.name:
            yield d.short + word


@functools.cache
def load() -> Gazetteer:
    """The gazetteer (once per process; immutable)."""
    current = _current()
    former = [*_former(current), *_abolished()]
    _reused(current, former)
    areas, aliases = _special(current)
    divisions = (*current.values(), *former, *areas)
    by_name: dict[str, list[Division]] = {}
    by_short: dict[str, list[Division]] = {}
    for d in divisions:
        for v in _variants(d):
            by_name.setdefault(v, []).append(d)
        if d.short != d.name:
            by_short.setdefault(d.short, []).append(d)
    for name, d in aliases:
        by_name.setdefault(name, []).append(d)
    lengths: dict[str, set[int]] = {}
    for key in (*by_name, *by_short):
        lengths.setdefault(key[0], set()).add(len(key))
    return Gazetteer(
        divisions=divisions,
        by_code={d.code: d for d in former} | current | {d.code: d for d in areas},
        by_name={k: tuple(dict.fromkeys(v)) for k, v in by_name.items()},
        by_short={k: tuple(dict.fromkeys(v)) for k, v in by_short.items()},
        by_jurisdiction={d.jurisdiction: d for d in reversed(divisions)},
        lengths={k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()},
    )


def division_of(jurisdiction: str) -> Division | None:
    """The division of a record's jurisdiction string, for place IRIs (`Division.code`):

    >>> division_of("浙江省金华市东阳市").code
    '330783'
    >>> division_of("中华人民共和国") is None
    True
    """
    return load().division_of(jurisdiction)


def province_of(jurisdiction: str | None) -> str | None:
    """The province of a record's jurisdiction string, for grouping by province:

    >>> province_of("浙江省金华市东阳市"), province_of("上海市浦东新区"), province_of(None)
    ('浙江省', '上海市', None)
    """
    return load().province_of(jurisdiction)
