"""What a title alone says: its comparable key, its work (version marks dropped), whether it is
generic, the relation it states to another document, and the issuer, place and rank of a
document known only by its title.

A title is *generic* when it names no subject of its own (关于修改部分地方性法规的决定, 实施意见,
通知: the patterns of ontology/generic_titles.tsv): many legislatures issue a document under it,
several times, so it identifies a document only together with an issuer and a date (see
resolve.py). What a title says of its document's rank and issuer is the table
ontology/title_forms.tsv (where it gives no rank, the extractor's rank rules, extract/rank.py,
given the issuer the title names); its place is AuthorityTable.place_at_start's reading.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from importlib import resources

from policygraph.extract.authorities import load_table
from policygraph.extract.rank import rank as rank_of
from policygraph.models import NATION

_TITLE_PUNCT = re.compile(r"[\s、，,·•“”\"'《》〈〉<>「」『』]")

#: Titles that state a relation to another document (the X inside them).
TITLE_RELATIONS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("forwards", re.compile(r"(?:转发|批转)(?P<x>.{6,}?)的(?:通知|意见)$")),
    ("issues", re.compile(r"(?:关于)?印发(?P<x>.{4,}?)的(?:通知|意见)$")),
    ("implements", re.compile(
        r"关于(?:认真|进一步|全面|深入)?(?:贯彻落实|贯彻执行|贯彻实施|贯彻|落实|执行|实施)(?P<x>.{6,}?)"
        r"(?:精神)?(?:若干问题|有关问题|的有关问题)?的(?:实施意见|意见|通知|实施方案|工作方案|方案|"
        r"实施办法|办法|决定|规定|实施细则|细则)$")),
)

#: A version mark closing a title: （2019修订）, (2011年修正本), （修正）, （2004年）. Series
#: numbers （一）（二） and （试行） are part of the name, not versions.
_VERSION_MARK = re.compile(
    r"\s*[（(]\s*(?:(?P<y>(?:19|20)\d{2})\s*年?\s*(?P<k1>修订|修正|修改)?|(?P<k2>修订|修正|修改))"
    r"\s*(?:本|版|文本)?\s*[)）]\s*$")
#: Forms of a document that has versions (a statute amended in place); notices, opinions and
#: plans are replaced by new documents, not amended.
_VERSIONED_FORM = re.compile(r"(?:法|条例|规定|办法|细则|规则|决定|决议|解释|章程|准则|条令|标准|名录|规范)$")
_TRAILING_NOTE = re.compile(r"[（(][^（()）]*[)）]$")
_MARK_KIND = {"修订": "revised", "修正": "amended", "修改": "amended"}
#: A decision amending or repealing a named document: placed where that document is.
_AMENDS = re.compile(r"^关于(?:修改|废止|修订|修改和废止)(.+)的决定$")


def title_key(title: str) -> str:
    """Comparable form of a title: punctuation and brackets dropped (中共中央、国务院 = 中共中央国务院)."""
    return _TITLE_PUNCT.sub("", title)


def core_title(title: str) -> str | None:
    """The title without its issuer: 国务院办公厅关于X的通知 → 关于X的通知."""
    i = title.find("关于")
    return title_key(title[i:]) if i > 0 else None


def issuer_in_title(title: str) -> str | None:
    """The words before 关于 (国务院办公厅 in 国务院办公厅关于X的通知), if any."""
    i = title.find("关于")
    return (title[:i].strip() or None) if i > 0 else None


def title_relations(title: str) -> list[tuple[str, str]]:
    """(relation, X) pairs a title states about another document X."""
    out = []
    for relation, pat in TITLE_RELATIONS:
        m = pat.search(title)
        if m:
            x = m.group("x").strip("《》〈〉“”")
            out.append((relation, x))
    return out


def work_title(title: str) -> str:
    """The title of the work a version belongs to: its version mark dropped
    (中华人民共和国公司法（2018修正） → 中华人民共和国公司法)."""
    return _VERSION_MARK.sub("", title)


def mark_kind(title: str) -> str | None:
    """The version kind a title's mark states: （2019修订） → revised, （2011年修正本） → amended."""
    m = _VERSION_MARK.search(title)
    word = m and (m.group("k1") or m.group("k2"))
    return _MARK_KIND.get(word) if word else None


def has_versions(title: str) -> bool:
    """Whether a document of this title is a work amended in place (a statute's form)."""
    stem = _TRAILING_NOTE.sub("", title_key(work_title(title)))
    return bool(_VERSIONED_FORM.search(stem)) and not is_generic(title)


def is_generic(title: str) -> bool:
    """Whether the title names no subject of its own (ontology/generic_titles.tsv)."""
    key = title_key(title)
    return any(p.search(key) for p in _generic_patterns())


@dataclass(frozen=True)
class TitleFacts:
    """What a title says of its document: any field may be None."""

    issuer: str | None = None
    jurisdiction: str | None = None
    level: str | None = None
    rank: str | None = None
    evidence: str = ""


def title_facts(title: str) -> TitleFacts:
    """Issuer, place, level and rank a title states (中华人民共和国…法 → 全国人民代表大会常务委员会,
    national, law; 山东省…条例 → 山东省, provincial, local_regulation), from
    ontology/title_forms.tsv and the place the title opens with."""
    key = title_key(title)
    amended = _AMENDS.match(key)
    place = load_table().place_at_start(amended.group(1) if amended else key)
    where = "none" if place is None else "national" if place.level == "national" else "local"
    form = next((f for f in _title_forms() if f.pattern.search(key) and f.place in ("any", where)), None)
    issuer = (form and form.issuer) or issuer_in_title(title)
    rank, why = (form.rank, f"the title's form {form.pattern.pattern}") if form and form.rank else (None, "")
    if rank is None and issuer:  # the extractor's rules, given the issuer the title names
        rank, why = rank_of([issuer], title, "")
    evidence = "; ".join(w for w in (why, place.evidence if place else "") if w)
    if place is None and rank == "law":  # only the national legislature makes a 法
        return TitleFacts(issuer, NATION, "national", rank, evidence)
    return TitleFacts(issuer, place.jurisdiction if place else None, place.level if place else None, rank,
                      evidence)


@dataclass(frozen=True)
class _Form:
    pattern: re.Pattern[str]
    place: str
    rank: str | None
    issuer: str | None
    example: str


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("policygraph.ontology").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader((line for line in text.splitlines() if line and not line.startswith("#")),
                               delimiter="\t"))


@functools.cache
def _generic_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(r["pattern"]) for r in _rows("generic_titles.tsv"))


@functools.cache
def _title_forms() -> tuple[_Form, ...]:
    return tuple(_Form(re.compile(r["pattern"]), r["place"], r["rank"] or None, r["issuer"] or None,
                       r["example"]) for r in _rows("title_forms.tsv"))
