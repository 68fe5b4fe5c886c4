"""Who issued a document: issuer codes and organ names → authority, jurisdiction, level.

The national and provincial codes form a closed table shipped in `ontology/`. City codes are
ambiguous (淮 could be 淮安, 淮南 or 淮北), so a code is first turned into *candidates*, ranked
by how well their abbreviation is attested, and the document's own evidence (the provinces of
its issuer and of the other documents it cites, codes learned from the corpus) chooses among
them. When candidates still disagree, only what they share is returned: three 淮- cities
agree on `municipal` but not on the city, so the level is known and the city is not.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from importlib import resources

from policygraph.extract import gazetteer
from policygraph.extract.gazetteer import Found, Gazetteer
from policygraph.models import NATION, Authority

#: Suffixes of regular local codes, by family: what organ each stands for.
_PARTY = {"发": "委", "办发": "委办", "委发": "委", "委办发": "委办", "党发": "委",
          "党办发": "委办", "委办": "委办", "办": "委办", "办函": "委办"}
_GOV = {
    "政": {"政发": "府", "政": "府", "政函": "府", "政字": "府", "政文": "府", "政秘": "府",
          "政办发": "府办", "政办": "府办", "政办函": "府办", "政办字": "府办", "政传发": "府办"},
    "府": {"府": "府", "府发": "府", "府函": "府", "府字": "府", "府办": "府办", "府办发": "府办",
          "府办函": "府办", "府厅发": "府办", "府厅字": "府办"},
}

#: Tiers of evidence a candidate rests on, strongest first.
TIER_LEARNED, TIER_EXACT, TIER_REGULAR, TIER_WEAK = 0, 1, 2, 3
_CONFIDENCE = {TIER_LEARNED: 0.9, TIER_EXACT: 0.95, TIER_REGULAR: 0.9, TIER_WEAK: 0.6}


@dataclass(frozen=True)
class Region:
    kind: str  # province | city
    name: str  # 广东省, 江门市
    short: str  # 广东, 江门
    province: str
    abbrs: tuple[str, ...]
    checked: bool
    gov: str  # 政 or 府: which family of government codes the region uses (_GOV)

    @property
    def jurisdiction(self) -> str:
        return self.name if self.kind == "province" else self.province + self.name


@dataclass(frozen=True)
class Candidate:
    tier: int
    name: str | None
    jurisdiction: str | None
    level: str | None
    province: str | None
    why: str


@dataclass(frozen=True)
class AuthorityTable:
    """The shipped tables, indexed for lookup. Build one with `load_table()`."""

    exact: Mapping[str, tuple[Candidate, ...]]
    prefixes: tuple[tuple[str, Candidate, int | None, int | None], ...]
    years: Mapping[str, tuple[int | None, int | None]]
    regions: tuple[Region, ...]
    by_abbr: Mapping[str, tuple[Region, ...]] = field(default_factory=dict)
    places: Gazetteer = field(default_factory=gazetteer.load)

    # -- codes ------------------------------------------------------------------------------

    def candidates(self, code: str, learned: Mapping[str, Authority] | None = None) -> list[Candidate]:
        """Every authority `code` could stand for, with the tier of evidence for each."""
        out: list[Candidate] = []
        if learned and code in learned:
            a = learned[code]
            out.append(Candidate(TIER_LEARNED, a.name, a.jurisdiction, a.level, a.province,
                                 f"learned from the corpus: {a.evidence}"))
        out.extend(self.exact.get(code, ()))
        if not out or all(c.tier == TIER_LEARNED for c in out):
            out.extend(self._regular(code))
        if not any(c.tier <= TIER_REGULAR for c in out):
            for prefix, cand, _y0, _y1 in self.prefixes:
                if code.startswith(prefix) and len(code) - len(prefix) <= 4:
                    out.append(cand)
                    break
        return out

    def _regular(self, code: str) -> Iterable[Candidate]:
        for length in (3, 2, 1):
            abbr = code[:length]
            rest = code[length:]
            for region in self.by_abbr.get(abbr, ()):
                organ = _PARTY.get(rest) or _GOV.get(region.gov, {}).get(rest)
                if region.kind == "province":
                    if rest in _PARTY or rest in _GOV.get(region.gov, {}):
                        yield Candidate(TIER_REGULAR, _organ_name(region, organ),
                                        region.jurisdiction, "provincial", region.province,
                                        f"{code} = {abbr} ({region.name}) + {rest}")
                    elif rest and len(rest) <= 4 and not _GOV_OR_PARTY_SHAPE.match(rest):
                        # 粤再就, 苏劳社: a provincial department; which one is not known.
                        yield Candidate(TIER_WEAK, None, region.jurisdiction, "provincial",
                                        region.province,
                                        f"{code} starts with {abbr}, the abbreviation of {region.name}")
                elif organ:
                    tier = TIER_REGULAR if region.checked else TIER_WEAK
                    yield Candidate(tier, _organ_name(region, organ), region.jurisdiction,
                                    "municipal", region.province,
                                    f"{code} = {abbr} ({region.name}"
                                    f"{'' if region.checked else ', default abbreviation'}) + {rest}")

    def is_known(self, code: str) -> bool:
        """Whether `code` has the shape of a real issuer code (used to cut prose off codes)."""
        if code in self.exact:
            return True
        if any(True for _ in self._regular(code)):
            return True
        return any(code.startswith(p) and 0 < len(code) - len(p) <= 3
                   and not _ORGAN_WORD.search(code[len(p):]) for p, *_ in self.prefixes)

    def resolve(
        self,
        code: str,
        year: int | None = None,
        context: Iterable[str] = (),
        learned: Mapping[str, Authority] | None = None,
    ) -> Authority:
        """Resolve `code` to an authority using the provinces in `context` as evidence."""
        cands = self.candidates(code, learned)
        if not cands:
            return self._unlisted(code)
        cands, notes = _in_provinces(cands, set(context))
        best = min(c.tier for c in cands)
        top = [c for c in cands if c.tier == best]
        # The weakest tier alone is a guess: accept it only if the context agreed with it.
        if best == TIER_WEAK and not notes and len({c.jurisdiction for c in top}) == 1 \
                and top[0].level == "municipal":
            return Authority(code=code, level="municipal", province=top[0].province,
                             confidence=0.5,
                             evidence=f"{top[0].why}; city not confirmed by other evidence")
        return self._in_use(code, _agree(code, top, notes), year)

    def _unlisted(self, code: str) -> Authority:
        """A code with no candidate: an order (令) names its organ in full (国家安全部令,
        广东省人民政府令); any other code is unknown."""
        if code.endswith("令") and len(code) > 2:
            a = self.authority_of_name(code[:-1])
            return replace(a, code=code, name=a.name if a.level else None)
        return Authority(code=code, evidence=f"{code}: not in the authority table")

    def _in_use(self, code: str, auth: Authority, year: int | None) -> Authority:
        """`auth`, less sure when the table says `code` was not in use in `year`."""
        y0, y1 = self.years.get(code, (None, None))
        if year is not None and ((y0 and year < y0) or (y1 and year > y1)):
            return Authority(auth.code, auth.name, auth.jurisdiction, auth.level, auth.province,
                             auth.confidence * 0.8,
                             auth.evidence + f"; {code} was in use {y0 or ''}–{y1 or ''}, not {year}")
        return auth

    # -- organ names ------------------------------------------------------------------------

    def authority_of_name(self, name: str, provinces: Iterable[str] = (),
                          on: str | None = None) -> Authority:
        """Jurisdiction and level of an organ name: the place it names, whole (gazetteer.py),
        with the provinces other evidence gives; national organs need no place name."""
        clean = name.removeprefix(NATION)
        found = self.places.locate(clean.removeprefix("中共"), provinces=provinces, on=on)
        if found is None:
            if _NATIONAL_ORGAN.match(clean):
                return Authority(name=clean, jurisdiction=NATION, level="national", province=NATION,
                                 confidence=0.95, evidence=f"national organ name {clean}")
            if _COUNTY_ORGAN.search(clean):
                return Authority(name=clean, level="county", confidence=0.7,
                                 evidence=f"county organ name {clean}; the county is not in the gazetteer")
            return Authority(name=clean, evidence=f"{clean}: no place name recognised")
        return _authority(found, f"organ name {clean}: ", name=clean, confidence=0.9)

    def place_at_start(self, text: str, provinces: Iterable[str] = (),
                       on: str | None = None) -> Authority | None:
        """The jurisdiction a title opens with: 北京市…条例, 潍坊市…, 中华人民共和国…法."""
        t = text.removeprefix("中共")
        if t.startswith((NATION, "全国人民代表大会", "国务院", "中共中央", "最高人民")):
            return Authority(jurisdiction=NATION, level="national", province=NATION,
                             confidence=0.85,
                             evidence=f"the title opens with a national name: {text[:12]}")
        found = self.places.locate(t, provinces=provinces, on=on, at_start=True)
        return _authority(found, "the title opens with ", confidence=0.85) if found else None


def _authority(found: Found, why: str, name: str | None = None, confidence: float = 0.9) -> Authority:
    """An Authority from a place found: all of it when the place is one division, else what
    the candidates share (the level, maybe the province)."""
    d = found.division
    if d is not None:
        return Authority(name=name, jurisdiction=d.jurisdiction, level=d.policy_level,
                         province=d.province, confidence=confidence, evidence=why + found.evidence)
    return Authority(name=name, level=found.level, province=found.province, confidence=0.5,
                     evidence=why + found.evidence)


_COUNTY_ORGAN = re.compile(r"(?:县|旗)(?:委|人民政府|政府)")
_ORGAN_WORD = re.compile(r"(?:部门|政府|办公|委员|厅|局|院|会|省|市|县)")
_GOV_OR_PARTY_SHAPE = re.compile(r"^(?:政|府|委|党|办)")
#: National organs, tried only on names that name no place (国家市场监督管理总局 is national;
#: 国家税务总局江门市税务局 names 江门市 and is not).
_NATIONAL_ORGAN = re.compile(
    r"^(?:中共中央|中央|国务院|政务院|全国人民代表大会|全国人大|最高人民法院|最高人民检察院|"
    r"[^省市县区]{0,12}部(?:办公厅)?$|国家.{1,14}?(?:局|委员会|委|署|总局)|"
    r"中国(?:民用航空|证券|银行|保险|银行保险)[^省市县]{0,10}(?:局|委员会)|"
    r"中国人民银行|海关总署|审计署|中华全国|共青团中央|人民银行)"
)


def _organ_name(region: Region, organ: str | None) -> str | None:
    office = "厅" if region.kind == "province" else "室"
    return {
        "府": f"{region.name}人民政府",
        "府办": f"{region.name}人民政府办公{office}",
        "委": f"中共{region.name}委",
        "委办": f"中共{region.name}委办公{office}",
    }.get(organ or "")


def _in_provinces(cands: list[Candidate], provinces: set[str]) -> tuple[list[Candidate], list[str]]:
    """The candidates in the provinces the context gives, if any are; and a note saying so."""
    matching = [c for c in cands if c.province in provinces] if provinces else []
    if not matching:
        return cands, []
    return matching, ["province from context: " + "、".join(sorted(provinces))]


def _agree(code: str, cands: list[Candidate], notes: list[str]) -> Authority:
    """What all remaining candidates agree on; unanimous fields only."""

    def common(values: list[str | None]) -> str | None:
        return values[0] if len(set(values)) == 1 else None

    name = common([c.name for c in cands])
    juris = common([c.jurisdiction for c in cands])
    level = common([c.level for c in cands])
    province = common([c.province for c in cands])
    tier = min(c.tier for c in cands)
    conf = _CONFIDENCE[tier] if len(cands) == 1 else 0.5
    why = "; ".join(sorted({c.why for c in cands} | set(notes)))
    if len(cands) > 1 and juris is None:
        why += f"; ambiguous between {len(cands)} candidates"
    return Authority(code=code, name=name, jurisdiction=juris, level=level, province=province,
                     confidence=conf, evidence=why)


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("policygraph.ontology").joinpath(name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def _region(row: Mapping[str, str], places: Gazetteer) -> Region:
    """A row of regions.tsv (codes, typed by hand) with its division from the gazetteer."""
    found = [d for d in places.by_name.get(row["name"], ()) if d.level != "county" and d.until is None]
    if len(found) != 1:
        raise ValueError(f"regions.tsv: {row['name']} is not one province or city of the gazetteer")
    d = found[0]
    return Region("province" if d.level == "province" else "city", d.name, d.short, d.province,
                  tuple(a for a in row["abbrs"].split(",") if a), row["checked"] == "yes", row["gov"])


def _year(s: str | None) -> int | None:
    return int(s) if s else None


@functools.cache
def load_table() -> AuthorityTable:
    """Load the shipped tables (once per process; the result is immutable)."""
    places = gazetteer.load()
    regions = tuple(_region(r, places) for r in _rows("regions.tsv"))
    by_abbr: dict[str, list[Region]] = {}
    for region in regions:
        for a in region.abbrs:
            by_abbr.setdefault(a, []).append(region)
    exact: dict[str, list[Candidate]] = {}
    prefixes: list[tuple[str, Candidate, int | None, int | None]] = []
    years: dict[str, tuple[int | None, int | None]] = {}
    for r in _rows("authorities.tsv"):
        place = places.division_of(r["jurisdiction"])
        province = NATION if r["level"] == "national" else place.province if place else None
        cand = Candidate(TIER_EXACT if r["match"] == "exact" else TIER_WEAK, r["name"],
                         r["jurisdiction"], r["level"], province,
                         f"{r['code']}: {r['name']} (authority table)")
        if r["match"] == "exact":
            exact.setdefault(r["code"], []).append(cand)
            years[r["code"]] = (_year(r["from"]), _year(r["to"]))
        else:
            prefixes.append((r["code"], cand, _year(r["from"]), _year(r["to"])))
    prefixes.sort(key=lambda p: -len(p[0]))
    return AuthorityTable(
        exact={k: tuple(v) for k, v in exact.items()},
        prefixes=tuple(prefixes),
        years=years,
        regions=regions,
        by_abbr={k: tuple(v) for k, v in by_abbr.items()},
        places=places,
    )
