"""One document in, one record out: normalise → segment → identify → cite → resolve.

`extract()` is pure: it reads nothing but its arguments, so a build can run it in worker
processes and cache it by the content hash of its input.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from policygraph.extract import metadata as md
from policygraph.extract import regexes as rx
from policygraph.extract.authorities import AuthorityTable, load_table
from policygraph.extract.citations import extract_citations
from policygraph.extract.measures import extract_measures
from policygraph.extract.normalize import Normalized, normalize
from policygraph.extract.numbers import find_numbers, parse
from policygraph.extract.parts import Span, is_standalone_number, repeated_blocks, split_parts
from policygraph.extract.provisions import Provision, split_provisions
from policygraph.models import (
    LEVELS,
    NATION,
    Authority,
    Citation,
    DocumentRecord,
    Measures,
    NumberMatch,
    Part,
    Source,
)

#: Longer parts get no measures: no policy document is this long, and jieba would take minutes.
MEASURE_MAX_CHARS = 2_000_000


@dataclass(frozen=True)
class _PartResult:
    part: Part
    warnings: tuple[str, ...]


def extract(
    source: Source,
    table: AuthorityTable | None = None,
    learned: Mapping[str, Authority] | None = None,
    scheme: str | None = None,
    before: DocumentRecord | None = None,
) -> DocumentRecord:
    """Extract the record of one document.

    `learned` maps issuer codes to authorities learned from other documents of the corpus
    (see `learn_codes`); it lets a city code that is ambiguous on its own be resolved.
    `before`: this source's record as extracted without them (same text, same scheme), whose
    measures are taken over: a part's measures depend on its text, number and date, which
    learned codes do not change, and they are over half the cost of an extraction.
    """
    table = table or load_table()
    norm = normalize(source.text)
    text = norm.text
    warnings: list[str] = []
    numbers = list(find_numbers(text, table.is_known, warnings))
    spans = split_parts(text, numbers)
    repeats = repeated_blocks(text)
    if repeats:
        chars = sum(e - s for s, e in repeats)
        warnings.append(f"{len(repeats)} repeated sentence(s), {chars} characters: "
                        "the page repeats blocks of its text")
    starts = [n.start for n in numbers]
    results = [
        _extract_part(norm, span,
                      numbers[bisect.bisect_left(starts, span.start):bisect.bisect_left(starts, span.end)],
                      table, learned or {})
        for span in spans
    ]
    provisions = [split_provisions(text, max(r.part.start, r.part.header_end), r.part.end) for r in results]
    if len(results) > 1:
        provisions, moved = reattribute_interleaved(text, provisions)
        if moved:
            warnings.append(f"{moved} provision(s) numbered like the embedded document but found in "
                            "the cover text were attributed to the embedded document (interleaved page)")
    too_big = [r.part.end - r.part.start > MEASURE_MAX_CHARS for r in results]
    if any(too_big):
        warnings.append(f"a part longer than {MEASURE_MAX_CHARS:,} characters: its measures were not "
                        "extracted (the text is too long to be one policy document)")
    known = None if before is None else [before.measures, *(p.measures for p in before.parts)]
    if known is not None and (before.source, before.chars, len(known)) != \
            (source.path, len(source.text), len(results)):  # type: ignore[union-attr]
        known = None  # not this source's record after all: measure
    meta = source.meta
    fields = md.date_fields(text, spans[0])
    date, date_evidence = results[0].part.date, None
    if not date:
        for name in ("成文日期", "发文日期", "印发日期", "签发日期"):
            if name in fields:
                date = fields[name]
                date_evidence = f"{name} field of the page (no signing date in the text)"
                break
    if not date and meta.get("date"):
        date = _meta_date(meta["date"])
        if date:
            date_evidence = "record metadata"
    if known is not None:
        results = [replace(r, part=replace(r.part, measures=m)) for r, m in zip(results, known, strict=True)]
    else:  # the main part's deadlines are read against the document's date, wherever it is found
        measured = [replace(results[0].part, date=date), *(r.part for r in results[1:])]
        results = [replace(r, part=replace(r.part, measures=Measures() if big else
                                           _measures(norm, part, scheme, provs)))
                   for r, part, provs, big in zip(results, measured, provisions, too_big, strict=True)]
    for r in results:
        warnings.extend(r.warnings)
    main = results[0].part
    evidence = dict(main.evidence)
    number, title, issuers = main.number, main.title, main.issuers
    if not number and meta.get("number"):
        parsed = parse(meta["number"], table.is_known)
        if parsed:
            number = parsed.canonical
            evidence["number"] = "record metadata"
    if not title and meta.get("title"):
        title = md.clean_title(normalize(meta["title"]).text)
        evidence["title"] = "record metadata"
    if not issuers and meta.get("issuer"):
        issuers = tuple(n for n in re.split(r"[、，,;；\s]+", normalize(meta["issuer"]).text) if n)
        evidence["issuers"] = "record metadata"
    if date_evidence:
        evidence["date"] = date_evidence
    web_date = next((fields[n] for n in ("发布日期", "发布时间", "公布日期", "公开日期") if n in fields),
                    None)
    if web_date is None and "发文日期" in fields and fields["发文日期"] != date:
        web_date = fields["发文日期"]
    if web_date is None and meta.get("web_date"):
        web_date = _meta_date(meta["web_date"])
    jurisdiction, level = main.jurisdiction, main.level
    if number and not main.number:
        # A number known only from metadata still tells the level.
        auth = _resolve_number(table, number, _context(main, table), learned or {})
        if auth and auth.level:
            jurisdiction = jurisdiction or auth.jurisdiction
            level = level or auth.level
    rid = number or "src:" + source.path
    citations = tuple(_to_original(c, norm) for c in main.citations)
    parts = tuple(
        replace(r.part, id=f"{rid}#{i}", citations=tuple(_to_original(c, norm) for c in r.part.citations))
        for i, r in enumerate(results[1:], start=1)
    )
    return DocumentRecord(
        id=rid,
        source=source.path,
        number=number,
        title=title,
        issuers=tuple(issuers),
        jurisdiction=jurisdiction,
        level=level,
        date=date,
        web_date=web_date,
        citations=citations,
        parts=parts,
        warnings=tuple(dict.fromkeys(warnings)),
        evidence=evidence,
        encoding=source.encoding,
        kind=source.kind,
        chars=len(source.text),
        measures=main.measures,
    )


_PAREN_NUMBER = re.compile(r"^[（(]([一二三四五六七八九十]{1,3})[）)]$")


def reattribute_interleaved(
    text: str, provisions: list[list[Provision]]
) -> tuple[list[list[Provision]], int]:
    """Give back to the embedded document the provisions a scrambled page put in the cover.

    Some pages interleave a 转发 notice with the document it forwards. The forwarded text's
    （一）…（十三） provisions then appear in the cover's region too. A cover provision headed
    （n）, where the embedded document uses （n） headings but lacks that n, and the cover never
    repeats that n (its own sub-items would restart under each 一、), is the embedded one's.
    """
    cover, rest = provisions[0], provisions[1:]
    if not rest:
        return provisions, 0
    embedded = rest[0]

    def numbers(ps: list[Provision]) -> list[str]:
        return [m.group(1) for p in ps if (m := _PAREN_NUMBER.match(p.heading))]

    have = set(numbers(embedded))
    cover_nums = numbers(cover)
    if len(have) < 2 or len(cover_nums) != len(set(cover_nums)):
        return provisions, 0
    moved = [p for p in cover if (m := _PAREN_NUMBER.match(p.heading)) and m.group(1) not in have]
    if not moved:
        return provisions, 0
    keep = [p for p in cover if p not in moved]
    return [keep, sorted(embedded + moved, key=lambda p: p.start), *rest[1:]], len(moved)


def _measures(
    norm: Normalized, part: Part, scheme: str | None, provisions: list[Provision] | None = None
) -> Measures:
    """Provisions and measures of a part's body (its header excluded), offsets made original."""
    text = norm.text
    if provisions is None:
        provisions = split_provisions(text, max(part.start, part.header_end), part.end)
    year = int(part.date[:4]) if part.date else (_code_year(part.number)[1] if part.number and
                                                  _code_year(part.number) else None)
    found = extract_measures(text, provisions, year, scheme)

    def orig(d: dict) -> dict:
        if "start" in d and "end" in d:
            s, e = norm.original_span(d["start"], d["end"])
            return {**d, "start": s, "end": e}
        return d

    provs = tuple(
        {"path": p.path, "heading": p.heading,
         **dict(zip(("start", "end"), norm.original_span(p.start, p.end), strict=True)),
         "text": re.sub(r"\s+", "", text[p.start:p.end])}
        for p in provisions
    )
    return Measures(
        provisions=provs,
        measures=tuple(orig(m) for m in found["measures"]),
        targets=tuple(orig(t) for t in found["targets"]),
        deadlines=tuple(orig(d) for d in found["deadlines"]),
        money=tuple(orig(m) for m in found["money"]),
        shingles=tuple(found["shingles"]),
    )


def _meta_date(raw: str) -> str | None:
    t = normalize(raw).text
    m = rx.ISO_DATE.search(t) or rx.DATE.search(t)
    return md.date_from_match(m) if m else None


def _to_original(c: Citation, norm: Normalized) -> Citation:
    s, e = norm.original_span(c.start, c.end)
    return replace(c, start=s, end=e)


def _resolve_number(
    table: AuthorityTable, number: str, context: set[str], learned: Mapping[str, Authority]
) -> Authority | None:
    from policygraph.extract.numbers import parse_canonical

    dn = parse_canonical(number)
    if dn is None:
        return None
    return table.resolve(dn.code, dn.year, context, learned)


def _context(part: Part, table: AuthorityTable) -> set[str]:
    out = set()
    for name in part.issuers:
        a = table.authority_of_name(name)
        if a.province and a.province != NATION:
            out.add(a.province)
    return out


def _extract_part(
    norm: Normalized,
    span: Span,
    numbers: list[NumberMatch],
    table: AuthorityTable,
    learned: Mapping[str, Authority],
) -> _PartResult:
    """One part; `numbers` are the number matches inside its span."""
    text = norm.text
    warnings: list[str] = []
    evidence: dict[str, str] = {}
    own, how = md.own_number(text, span, numbers)
    header_nums = [n for n in numbers
                   if span.start <= n.start < span.header_end and is_standalone_number(text, n)]
    if own is not None:
        evidence["number"] = how
        distinct = {n.number.canonical for n in header_nums} - {own.number.canonical}
        if distinct:
            warnings.append("the header carries more than one number: "
                            + "、".join(sorted(distinct | {own.number.canonical})))
    t = md.title(text, span, own, numbers)
    if t.value:
        evidence["title"] = t.evidence
    sig, organs = md.signature(text, span)
    if sig.value:
        evidence["date"] = sig.evidence
    issuers = md.issuers_from_title(t.value)
    placeless = issuers and all(table.authority_of_name(i).jurisdiction is None for i in issuers)
    if issuers and not (placeless and organs):
        evidence["issuers"] = "named in the title"
    elif organs:
        issuers = organs
        evidence["issuers"] = "signature above the signing date"

    own_canon = own.number.canonical if own else None
    raw = extract_citations(text, span.start, span.end, numbers, own_canon, t.value,
                            frozenset(n.start for n in header_nums))

    # --- evidence of place: issuers, own number, other documents cited -------------------
    context: set[str] = set()
    for name in issuers:
        a = table.authority_of_name(name)
        if a.province and a.province != NATION:
            context.add(a.province)
    for m in re.finditer(r"(?:[\u4e00-\u9fff]{2,3}(?:省|自治区))", text[span.start:span.header_end]):
        r = table.region_of_name(m.group(0))
        if r is not None:
            context.add(r.province)
    cited_auth: dict[str, Authority] = {}
    for c, _m in raw:
        if c.number:
            a = _resolve_number(table, c.number, set(), learned)
            if a is not None:
                cited_auth[c.number] = a
                if a.level == "provincial" and a.province and a.confidence >= 0.9:
                    context.add(a.province)
    own_auth = (table.resolve(own.number.code, own.number.year, context, learned)
                if own is not None else None)
    if own_auth and own_auth.province and own_auth.province != NATION and own_auth.jurisdiction:
        context.add(own_auth.province)

    citations: list[Citation] = []
    for c, _m in raw:
        if c.number:
            dn = _code_year(c.number)
            a = table.resolve(dn[0], dn[1], context, learned) if dn else None
            citations.append(replace(
                c, issuer_code=dn[0] if dn else None, year=dn[1] if dn else None,
                authority=a.name if a else None, jurisdiction=a.jurisdiction if a else None,
                level=a.level if a else None))
        else:
            citations.append(c)

    if t.value is None and own is not None and own.number.year is None:
        # An order (令) promulgates the text it names: 现将修订后的《专利代理条例》公布.
        promulgated = next((c.title for c in citations if c.relation == "issues" and c.title), None)
        if promulgated:
            t = md.Found(promulgated, "the text the order promulgates")
            evidence["title"] = t.evidence
            citations = [c for c in citations if c.title != promulgated or c.number]
    jurisdiction, level = _place(table, text, span, own_auth, issuers, citations, evidence,
                                 t.value)
    if not issuers and own_auth and own_auth.name and own_auth.confidence >= 0.9:
        issuers = [own_auth.name]
        evidence["issuers"] = f"authority of the number's code: {own_auth.evidence}"
    part = Part(
        id="",
        start=span.start,
        end=span.end,
        number=own_canon,
        title=t.value,
        issuers=tuple(issuers),
        jurisdiction=jurisdiction,
        level=level,
        date=sig.value,
        citations=tuple(citations),
        evidence=evidence,
        header_end=span.header_end,
    )
    return _PartResult(part, tuple(warnings))


def _code_year(number: str) -> tuple[str, int | None] | None:
    from policygraph.extract.numbers import parse_canonical

    dn = parse_canonical(number)
    return (dn.code, dn.year) if dn else None


def _place(
    table: AuthorityTable,
    text: str,
    span: Span,
    own_auth: Authority | None,
    issuers: list[str],
    citations: list[Citation],
    evidence: dict[str, str],
    title: str | None = None,
) -> tuple[str | None, str | None]:
    """Jurisdiction and level of a part, from the strongest evidence available."""
    jurisdiction: str | None = None
    level: str | None = None
    if own_auth and own_auth.level:
        level = own_auth.level
        evidence["level"] = f"own number: {own_auth.evidence}"
        if own_auth.jurisdiction:
            jurisdiction = own_auth.jurisdiction
            evidence["jurisdiction"] = evidence["level"]
    for name in issuers:
        a = table.authority_of_name(name)
        if not a.level:
            continue
        if level is None:
            level = a.level
            evidence["level"] = a.evidence
        if jurisdiction is None and a.jurisdiction and a.level == level:
            jurisdiction = a.jurisdiction
            evidence["jurisdiction"] = a.evidence
        if jurisdiction and level:
            break
    if jurisdiction and level and level != "county":
        return jurisdiction, level
    place = table.place_at_start(title) if title and not (jurisdiction and level) else None
    if place is not None and (level is None or level == place.level):
        if level is None:
            level = place.level
            evidence["level"] = place.evidence
        if jurisdiction is None:
            jurisdiction = place.jurisdiction
            evidence["jurisdiction"] = place.evidence
        if level != "county":
            return jurisdiction, level
    # The text's words for its own level (我市, 全省 …) and the local documents it cites.
    body = text[span.start:span.end]
    counts = Counter()
    for lv, pat in rx.SELF_LEVEL_WORDS:
        counts[lv] = len(pat.findall(body))
    if level is None and counts and max(counts.values()) >= 2:
        level = max(LEVELS[1:], key=lambda lv: (counts[lv], -LEVELS.index(lv)))
        evidence["level"] = f"the text calls itself {level} ({counts[level]} words such as 我市/全省)"
    if level == "county" and jurisdiction and not any(
            r.kind == "city" and r.short in jurisdiction for r in table.regions):
        cities = sorted({c.jurisdiction for c in citations if c.level == "municipal" and c.jurisdiction})
        if len(cities) == 1:
            jurisdiction = cities[0] + re.sub(r"^.*?(?:省|自治区|市)", "", jurisdiction)
            evidence["jurisdiction"] = (evidence.get("jurisdiction", "") + "; the city is the only "
                                        f"municipal jurisdiction among the documents it cites: {cities[0]}")
    if jurisdiction is None and level in ("provincial", "municipal"):
        places = sorted({c.jurisdiction for c in citations
                         if c.level == level and c.jurisdiction})
        if len(places) == 1:
            jurisdiction = places[0]
            evidence["jurisdiction"] = (f"the only {level} jurisdiction among the documents it "
                                        f"cites: {places[0]}")
    return jurisdiction, level


def statements(rec: DocumentRecord) -> list[tuple[str, str, str]]:
    """(number, first issuer, source) for the record and each part stating both: what
    learn_codes reads of a record."""
    return [(number, issuers[0], rec.source)
            for number, issuers in [(rec.number, rec.issuers)] + [(p.number, p.issuers) for p in rec.parts]
            if number and issuers]


def learn_codes(records: Iterable[DocumentRecord],
                table: AuthorityTable | None = None) -> dict[str, Authority]:
    """Issuer codes whose authority the corpus states: documents giving number and issuer.

    A code is learned only when every document using it agrees on the jurisdiction.
    """
    return learn_from_statements((s for rec in records for s in statements(rec)), table)


def learn_from_statements(stated: Iterable[tuple[str, str, str]],
                          table: AuthorityTable | None = None) -> dict[str, Authority]:
    """learn_codes, given the records' statements (see statements)."""
    table = table or load_table()
    seen: dict[str, set[tuple[str, str, str]]] = {}
    example: dict[str, str] = {}
    names: dict[str, set[str]] = {}
    of_name: dict[str, Authority] = {}  # issuers repeat across a corpus; looking one up is not cheap
    for number, issuer, source in stated:
        dn = _code_year(number)
        if dn is None:
            continue
        a = of_name.get(issuer) or of_name.setdefault(issuer, table.authority_of_name(issuer))
        known = table.resolve(dn[0], dn[1])
        if known.jurisdiction and known.confidence >= 0.9:
            continue  # the table already knows this code for sure
        if a.jurisdiction and a.level and a.confidence >= 0.8:
            seen.setdefault(dn[0], set()).add((a.jurisdiction, a.level, a.province or ""))
            names.setdefault(dn[0], set()).add(issuer)
            example.setdefault(dn[0], f"{number} issued by {issuer} ({source})")
    out: dict[str, Authority] = {}
    for code, vals in sorted(seen.items()):
        if len(vals) == 1:
            juris, level, province = next(iter(vals))
            out[code] = Authority(code=code, name=next(iter(names[code])) if len(names[code]) == 1 else None,
                                  jurisdiction=juris, level=level,
                                  province=province or None, confidence=0.9,
                                  evidence=example[code])
    return out

