"""The resources many documents point to, each written once: places (GB/T 2260 codes where the
gazetteer has them), issuing organisations (W3C ORG, with their place and level), works
(the abstract act whose dated versions are documents, ELI's eli:is_member_of) and the cited
fragments of a document (第十二条: eli:is_part_of it).

A document's own block names these by IRI only; the triples describing them come here, one
block each, so no triple is in two blocks (build/store.py updates a store block by block).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache

from policygraph.corpus.analytics import province_of
from policygraph.export.terms import (
    LABEL,
    LEVEL_T,
    OG,
    SK,
    A,
    E,
    P,
    Triple,
    authority_iri,
    doc_iri,
    doc_t,
    iri,
    literal,
    place_iri,
    segment,
    work_iri,
    zh,
)
from policygraph.extract.authorities import load_table
from policygraph.extract.gazetteer import Division, division_of
from policygraph.extract.gazetteer import load as load_gazetteer
from policygraph.extract.numbers import chinese_to_int
from policygraph.models import NATION, Node

#: A GB/T 2260 code proper (the gazetteer gives special areas without one a code ending in S1).
_GB_CODE = re.compile(r"[0-9]{6}")


@cache
def _division(name: str) -> Division | None:
    return division_of(name)


def division_code(name: str) -> str | None:
    """The GB/T 2260 code of a jurisdiction when the gazetteer knows the whole name; a former
    name (湖北省襄樊市) has its successor's code, so both name one place."""
    d = _division(name)
    return d.code if d is not None and _GB_CODE.fullmatch(d.code) else None


def current_name(name: str) -> str:
    """The jurisdiction as its code is named today (湖北省襄樊市 → 湖北省襄阳市), else `name`."""
    code = division_code(name)
    return load_gazetteer().by_code[code].jurisdiction if code else name


def place_t(name: str, base: str) -> str:
    """A place's IRI in N-Triples syntax: by its code when there is one, else by its name."""
    return iri(str(place_iri(name, base, division_code(name))))


def authority_t(name: str, base: str) -> str:
    return iri(str(authority_iri(name, base)))


def broader(name: str) -> str | None:
    """The next jurisdiction up: the gazetteer's parent (江苏省淮安市 → 江苏省 → 中华人民共和国),
    else as the name reads (a 开发区 under its city)."""
    if name == NATION:
        return None
    d = _division(name)
    if d is not None:
        parent = load_gazetteer().by_code.get(d.parent) if d.parent else None
        return parent.jurisdiction if parent is not None else NATION
    m = re.match(r"^(.+?(?:省|自治区))?(.+?市)(.+?(?:县|区|旗|市))$", name)
    if m and m.group(1):
        return m.group(1) + m.group(2)
    prov = province_of(name)
    return prov if prov and prov != name else NATION


def places(names: Iterable[str], base: str) -> list[Triple]:
    """Each place and the places above it, typed pg:Jurisdiction, with its name today (a
    former name as skos:altLabel), its GB/T 2260 code and the place above it."""
    out: list[Triple] = []
    done: set[str] = set()
    described: set[str] = set()
    for start in sorted(names):
        name: str | None = start
        while name and name not in done:
            done.add(name)
            p, now = place_t(name, base), current_name(name)
            if name != now:
                out.append((p, SK.altLabel, zh(name)))
            if p not in described:
                described.add(p)
                out += [(p, A, P.Jurisdiction), (p, SK.prefLabel, zh(now))]
                code = division_code(name)
                if code:
                    out.append((p, SK.notation, literal(code)))
                up = broader(now)
                if up:
                    out.append((p, SK.broader, place_t(up, base)))
            name = broader(name)
    return out


def parent_organ(name: str) -> str | None:
    """The organ an office or a standing body belongs to, as its name says: 国务院办公厅 → 国务院,
    中共江门市委办公室 → 中共江门市委, 广东省人民代表大会常务委员会 → 广东省人民代表大会."""
    m = re.match(r"^(中共.+委|中共中央|.*?人民政府|国务院)办公[厅室]$", name)
    if m:
        return m.group(1)
    m = re.match(r"^(.*人民代表大会)常务委员会$", name)
    return m.group(1) if m else None


@cache
def organ_facts(name: str) -> tuple[str | None, str | None]:
    """(jurisdiction, level) of an organ, from its name (the authority table's reading)."""
    a = load_table().authority_of_name(name)
    return a.jurisdiction, a.level


def authority_names(nodes: Iterable[Node]) -> set[str]:
    """Every organ the documents name as issuer, and the organs those belong to."""
    out: set[str] = set()
    for n in nodes:
        for name in n.issuers or ((n.authority,) if n.authority else ()):
            while name and name not in out:
                out.add(name)
                name = parent_organ(name)  # type: ignore[assignment]
    return out


def authorities(names: Iterable[str], base: str) -> list[Triple]:
    """Each organ as an org:Organization with its place (pg:jurisdiction), level and parent."""
    out: list[Triple] = []
    for name in sorted(names):
        a = authority_t(name, base)
        out += [(a, A, P.Authority), (a, A, OG.Organization), (a, SK.prefLabel, zh(name))]
        jurisdiction, level = organ_facts(name)
        if jurisdiction:
            out.append((a, P.jurisdiction, place_t(jurisdiction, base)))
        if level in LEVEL_T:
            out.append((a, P.level, LEVEL_T[level]))
        parent = parent_organ(name)
        if parent:
            out.append((a, OG.subOrganizationOf, authority_t(parent, base)))
    return out


def work_labels(nodes: Mapping[str, Node]) -> dict[str, str]:
    """Each work's name: the title (with number) of its latest version, by version date."""
    latest: dict[str, tuple[str, str, str]] = {}
    for n in nodes.values():
        if n.work:
            key = (n.version_date or n.date or "", n.id, n.title or n.number or n.id)
            if n.work not in latest or key[:2] > latest[n.work][:2]:
                latest[n.work] = key
    return {w: label for w, (_d, _i, label) in sorted(latest.items())}


def works(labels: Mapping[str, str], base: str) -> list[Triple]:
    """Each work as a pg:Work (an eli:LegalResource), named after its latest version."""
    out: list[Triple] = []
    for work, label in sorted(labels.items()):
        w = iri(str(work_iri(work, base)))
        out += [(w, A, P.Work), (w, A, E.LegalResource), (w, LABEL, zh(label))]
    return out


#: ELI-style path segments for the units of a Chinese legal text (ELI's own examples: art_12,
#: par_2, point_3 …), so a cited fragment reads as …/doc/…/art_12/par_2.
_UNIT = {"编": "book", "章": "chp", "节": "sec", "条": "art", "款": "par", "项": "point", "目": "item"}
_UNIT_RE = re.compile(r"第([0-9零〇一二两三四五六七八九十百千]+)([编章节条款项目])")
_ANNEX_RE = re.compile(r"附件([0-9一二三四五六七八九十]*)")


def fragment_path(part: str) -> str:
    """The path of a cited fragment under its document's IRI: 第十二条第二款 → art_12/par_2,
    附件2 → annex_2, 附件 → annex; a part not read this way keeps its own words."""
    steps = []
    for m in _UNIT_RE.finditer(part):
        n = chinese_to_int(m.group(1).replace("两", "二"))
        if n is not None:
            steps.append(f"{_UNIT[m.group(2)]}_{n}")
    annex = _ANNEX_RE.search(part)
    if annex and not steps:
        n = chinese_to_int(annex.group(1)) if annex.group(1) else None
        steps.append(f"annex_{n}" if n is not None else "annex")
    return "/".join(steps) or segment(part)


def fragment_t(target: str, part: str, base: str) -> str:
    """The cited fragment `part` of the document `target`, in N-Triples syntax."""
    return iri(f"{doc_iri(target, base)}/{fragment_path(part)}")


def fragments(target: str, parts: Iterable[str], base: str) -> list[Triple]:
    """The cited fragments of one document, each an eli:LegalResourceSubdivision that
    eli:is_part_of it, labelled with the words that cite it (第十二条)."""
    t = doc_t(target, base)
    out: list[Triple] = []
    for part in sorted(set(parts)):
        f = fragment_t(target, part, base)
        out += [(f, A, E.LegalResourceSubdivision), (f, E.is_part_of, t), (f, LABEL, zh(part))]
    return out
