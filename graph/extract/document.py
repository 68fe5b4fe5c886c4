"""One document in, one record out, in three pure stages a build can compose:

- `identify`: normalise, split into parts and provisions, read each part's number, title,
  issuers, date, place and citations: the record without its measures;
- `measure`: the measures of each part (the costly stage: jieba segmentation);
- `assemble`: the record with its measures.

`extract` is the three in a row. Each reads nothing but its arguments, so a build can run them
in worker processes and cache them by the content hash of their input.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from policygraph.extract import metadata as md
from policygraph.extract import regexes as rx
from policygraph.extract.authorities import AuthorityTable, load_table
from policygraph.extract.history import header_zone, read_header
from policygraph.extract.identify import identify_part, rank_of
from policygraph.extract.measures import extract_measures
from policygraph.extract.normalize import Normalized, normalize
from policygraph.extract.numbers import find_numbers, parse, parse_canonical
from policygraph.extract.parts import repeated_blocks, reprinted_runs, split_parts
from policygraph.extract.place import authority_of_number, issuer_provinces
from policygraph.extract.provisions import Provision, reattribute_interleaved, split_provisions
from policygraph.models import (
    Authority,
    Citation,
    Deadline,
    DocumentRecord,
    MeasureMention,
    Measures,
    Money,
    Part,
    ProvisionText,
    Source,
    Target,
)

#: The records with an original span that _measures maps.
_Spanned = TypeVar("_Spanned", MeasureMention, Target, Deadline, Money)

#: Longer parts get no measures: no policy document is this long, and jieba would take minutes.
MEASURE_MAX_CHARS = 2_000_000

#: Page fields that give the document's date when the text has no signing date, in preference order.
DATE_FIELDS = ("成文日期", "发文日期", "印发日期", "签发日期")
#: Page fields that give the web page's own date, which is not the document's.
WEB_DATE_FIELDS = ("发布日期", "发布时间", "公布日期", "公开日期")
#: Page fields that give the document's publication when its text states no date of its own.
PUBLICATION_FIELDS = ("发布日期", "公布日期")


@dataclass(frozen=True)
class PartText:
    """What measuring one part reads: its provisions, and the year its deadlines are read against."""

    provisions: tuple[Provision, ...]
    year: int | None
    too_long: bool  # longer than MEASURE_MAX_CHARS: not measured
    title: str | None = None  # may name a plan year its targets are set for
    date: str | None = None  # places a holiday deadline (春节前) in its year


@dataclass(frozen=True)
class Identified:
    """A document identified: its record, whose measures (its own and its parts') are not yet
    set, and what measuring its parts reads, the main part first."""

    record: DocumentRecord
    norm: Normalized
    parts: tuple[PartText, ...]  # one more than record.parts: the main part comes first
    #: Passages reprinting an earlier one verbatim (a page printing its text in several templates):
    #: what they set was read the first time.
    repeats: tuple[tuple[int, int], ...] = ()


def extract(
    source: Source,
    table: AuthorityTable | None = None,
    learned: Mapping[str, Authority] | None = None,
    scheme: str | None = None,
) -> DocumentRecord:
    """Extract the record of one document.

    `learned` maps issuer codes to authorities learned from other documents of the corpus
    (see `learn_codes`); it lets a city code that is ambiguous on its own be resolved.
    `scheme`: a SKOS file of measures to use instead of the shipped one.
    """
    ident = identify(source, table, learned)
    return assemble(ident, measure(ident, scheme))


def identify(
    source: Source,
    table: AuthorityTable | None = None,
    learned: Mapping[str, Authority] | None = None,
) -> Identified:
    """Everything of a document's record but its measures (see extract)."""
    table = table or load_table()
    learned = learned or {}
    norm = normalize(source.text)
    text = norm.text
    warnings: list[str] = []
    numbers = list(find_numbers(text, table.is_known, warnings))
    spans = split_parts(text, numbers)
    warnings += _repeat_warnings(repeated_blocks(text))
    starts = [n.start for n in numbers]
    parts, part_warnings = zip(*(
        identify_part(text, span,
                       numbers[bisect.bisect_left(starts, span.start):bisect.bisect_left(starts, span.end)],
                       table, learned)
        for span in spans
    ), strict=True)
    provisions, moved = _provisions(text, parts)
    if moved:
        warnings.append(f"{moved} provision(s) numbered like the embedded document but found in "
                        "the cover text were attributed to the embedded document (interleaved page)")
    too_long = [p.end - p.start > MEASURE_MAX_CHARS for p in parts]
    if any(too_long):
        warnings.append(f"a part longer than {MEASURE_MAX_CHARS:,} characters: its measures were not "
                        "extracted (the text is too long to be one policy document)")
    fields = md.date_fields(text, spans[0])
    date, date_evidence = _document_date(parts[0].date, parts[0].evidence.get("date", ""), fields,
                                         source.meta, md.delivered_date(text, spans[0]))
    warnings += [w for ws in part_warnings for w in ws]
    record = _record(source, norm, parts, (date, date_evidence), fields, warnings, table, learned)
    # The main part's deadlines are read against the document's date, wherever it is found, else
    # its number's or its title's year, else its publication's (a page giving only 发布日期; a
    # page republishing an old document is dated by its number), else the page's own date (公开日期).
    # A holiday is placed against the signing date only: a publication may follow the festival
    # it sets a limit before.
    main_year = _year(date, parts[0].number, parts[0].title)
    if main_year is None and (record.date_publication or record.web_date):
        main_year = int((record.date_publication or record.web_date or "")[:4])
    years = [main_year, *(_year(p.date, p.number, p.title) for p in parts[1:])]
    dates = [date, *(p.date for p in parts[1:])]
    texts = (PartText(tuple(provs), year, big, part.title, day)
             for provs, year, big, part, day in zip(provisions, years, too_long, parts, dates, strict=True))
    return Identified(record, norm, tuple(texts), tuple(reprinted_runs(text)))


def measure(ident: Identified, scheme: str | None = None) -> tuple[Measures, ...]:
    """The measures of each part of an identified document, the main part first."""
    return tuple(Measures() if p.too_long else _measures(ident.norm, p, scheme, ident.repeats)
                 for p in ident.parts)


def assemble(ident: Identified, measures: Sequence[Measures | None]) -> DocumentRecord:
    """The record of an identified document with its measures, one per part, the main part first."""
    rec = ident.record
    if len(measures) != len(ident.parts):
        raise ValueError(f"{len(measures)} measures for {len(ident.parts)} parts")
    return replace(rec, measures=measures[0], parts=tuple(
        replace(p, measures=m) for p, m in zip(rec.parts, measures[1:], strict=True)))


def _repeat_warnings(repeats: Sequence[tuple[int, int]]) -> list[str]:
    if not repeats:
        return []
    chars = sum(e - s for s, e in repeats)
    return [f"{len(repeats)} repeated sentence(s), {chars} characters: the page repeats blocks of its text"]


def _provisions(text: str, parts: Sequence[Part]) -> tuple[list[list[Provision]], int]:
    """Each part's provisions (its header excluded), and how many a scrambled page put in the
    cover that belong to the embedded document (see reattribute_interleaved)."""
    provisions = [split_provisions(text, max(p.start, p.header_end), p.end) for p in parts]
    if len(parts) > 1:
        return reattribute_interleaved(text, provisions)
    return provisions, 0


def _document_date(signed: str | None, why: str, fields: Mapping[str, str],
                   meta: Mapping[str, str], delivered: str | None = None) -> tuple[str | None, str | None]:
    """The document's date and, when it is not the date its text states (history or signature),
    where it comes from: a date field of the page, else the date a report was delivered (its
    subtitle), else the record's metadata. When the text and a date field of the page disagree,
    the text wins and the evidence says so."""
    if signed:
        other = next(((n, fields[n]) for n in DATE_FIELDS if fields.get(n) not in (None, signed)), None)
        if other is None:
            return signed, None
        return signed, f"{why}; the page's {other[0]} field says {other[1]}: the text wins"
    for name in DATE_FIELDS:
        if name in fields:
            return fields[name], f"{name} field of the page (no signing date in the text)"
    if delivered:
        return delivered, "the date the subtitle says it was delivered (——…日在…会议上)"
    if meta.get("date"):
        date = _meta_date(meta["date"])
        return date, ("record metadata" if date else None)
    return signed, None


def _web_date(fields: Mapping[str, str], meta: Mapping[str, str], date: str | None) -> str | None:
    """The web page's own date: a publication field; a 发文日期 that is not the document's date."""
    web_date = next((fields[n] for n in WEB_DATE_FIELDS if n in fields), None)
    if web_date is None and "发文日期" in fields and fields["发文日期"] != date:
        web_date = fields["发文日期"]
    if web_date is None and meta.get("web_date"):
        web_date = _meta_date(meta["web_date"])
    return web_date


def _publication_field(fields: Mapping[str, str]) -> tuple[str, str] | None:
    """A page field stating the publication (发布日期, 公布日期): the document's publication when the
    text has no signing date, else only the web page's own date."""
    return next(((n, fields[n]) for n in PUBLICATION_FIELDS if n in fields), None)


def _year(date: str | None, number: str | None, title: str | None = None) -> int | None:
    """The year a part's deadlines are read against: its date's, else its number's, else the
    one year its title names (石城县2018年度…考核细则: its 年内 is 2018's), not a span's.

    >>> _year(None, None, "某县2018年度河长制工作考核细则"), _year(None, None, "2021—2025年规划")
    (2018, None)
    """
    if date:
        return int(date[:4])
    dn = parse_canonical(number) if number else None
    if dn:
        return dn.year
    years = set(_TITLE_YEARS.findall(title or ""))
    return int(years.pop()) if len(years) == 1 and len(_ANY_YEAR.findall(title or "")) == 1 else None


_TITLE_YEARS = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
_ANY_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def _record(
    source: Source, norm: Normalized, parts: Sequence[Part], dated: tuple[str | None, str | None],
    fields: Mapping[str, str], warnings: list[str], table: AuthorityTable, learned: Mapping[str, Authority],
) -> DocumentRecord:
    """The record of the main part, completed from the source's metadata, with the embedded
    parts under it; offsets made original, measures not yet set."""
    main = parts[0]
    number, title, issuers, evidence = _with_metadata(main, source.meta, table)
    date, date_evidence = dated
    if date_evidence:
        evidence["date"] = date_evidence
    publication = main.date_publication
    if publication is None and main.date is None and (field := _publication_field(fields)):
        publication = field[1]
        evidence["date_publication"] = f"{field[0]} field of the page (no signing date in the text)"
    rank = main.rank
    if (title, tuple(issuers)) != (main.title, main.issuers):
        header = read_header(norm.text, main.start, header_zone(norm.text, main.start, main.end))
        rank, why = rank_of(issuers, title, number, header,
                            bool(rx.ADDRESSEE.search(norm.text, main.start, main.header_end)))
        evidence.pop("rank", None)
        if rank:
            evidence["rank"] = why
    jurisdiction, level = main.jurisdiction, main.level
    if number and not main.number:
        # A number known only from metadata still tells the level.
        auth = authority_of_number(table, number, issuer_provinces(main.issuers, table), learned)
        if auth and auth.level:
            jurisdiction = jurisdiction or auth.jurisdiction
            level = level or auth.level
    rid = number or "src:" + source.path
    return DocumentRecord(
        id=rid,
        source=source.path,
        number=number,
        title=title,
        issuers=tuple(issuers),
        jurisdiction=jurisdiction,
        level=level,
        date=date,
        web_date=_web_date(fields, source.meta, date),
        date_publication=publication,
        date_in_force=main.date_in_force,
        rank=rank,
        history=main.history,
        citations=_original_citations(main.citations, norm),
        parts=tuple(replace(p, id=f"{rid}#{i}", citations=_original_citations(p.citations, norm))
                    for i, p in enumerate(parts[1:], start=1)),
        warnings=tuple(dict.fromkeys(warnings)),
        evidence=evidence,
        encoding=source.encoding,
        kind=source.kind,
        chars=len(source.text),
    )


def _with_metadata(
    main: Part, meta: Mapping[str, str], table: AuthorityTable
) -> tuple[str | None, str | None, Sequence[str], dict[str, str]]:
    """Number, title and issuers of the main part, each taken from the source's metadata
    (a JSON record's fields) when the text does not give it, and the evidence for all."""
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
    return number, title, issuers, evidence


def _measures(norm: Normalized, part: PartText, scheme: str | None,
              repeats: Sequence[tuple[int, int]] = ()) -> Measures:
    """Provisions and measures of a part's body, offsets made original; a measure in a sentence
    repeating an earlier one is left out (it was read there)."""
    found = extract_measures(norm.text, part.provisions, part.year, scheme, part.title, part.date)
    if repeats:
        starts = [s for s, _e in repeats]

        def first(x: _Spanned) -> bool:
            i = bisect.bisect_right(starts, x.start) - 1
            return i < 0 or x.start >= repeats[i][1]

        found = replace(found, measures=tuple(filter(first, found.measures)),
                        targets=tuple(filter(first, found.targets)),
                        deadlines=tuple(filter(first, found.deadlines)),
                        money=tuple(filter(first, found.money)))
    span = norm.original_span

    def orig(x: _Spanned) -> _Spanned:
        s, e = span(x.start, x.end)
        return replace(x, start=s, end=e)

    return replace(
        found,
        provisions=tuple(ProvisionText(p.path, p.heading, *span(p.start, p.end), p.text)
                         for p in found.provisions),
        measures=tuple(map(orig, found.measures)),
        targets=tuple(map(orig, found.targets)),
        deadlines=tuple(map(orig, found.deadlines)),
        money=tuple(map(orig, found.money)),
    )


def _meta_date(raw: str) -> str | None:
    t = normalize(raw).text
    m = rx.ISO_DATE.search(t) or rx.DATE.search(t)
    return md.date_from_match(m) if m else None


def _original_citations(citations: Iterable[Citation], norm: Normalized) -> tuple[Citation, ...]:
    out = []
    for c in citations:
        s, e = norm.original_span(c.start, c.end)
        out.append(replace(c, start=s, end=e))
    return tuple(out)


