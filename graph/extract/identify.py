"""One part of a document identified: its own number, title, signing date and issuers (what
its header and signature say), the documents it cites with what their codes tell, and its place
(place.py). Parts are found by parts.py; document.py puts them together.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from policygraph.extract import history as hist
from policygraph.extract import issuers as iss
from policygraph.extract import metadata as md
from policygraph.extract import rank as rk
from policygraph.extract import regexes as rx
from policygraph.extract.authorities import AuthorityTable
from policygraph.extract.citations import extract_citations
from policygraph.extract.dates import Dates, part_dates
from policygraph.extract.numbers import parse_canonical
from policygraph.extract.parts import Span, is_standalone_number
from policygraph.extract.place import place, provinces_in_evidence
from policygraph.models import NATION, Authority, Citation, NumberMatch, Part


def identify_part(
    text: str,
    span: Span,
    numbers: list[NumberMatch],
    table: AuthorityTable,
    learned: Mapping[str, Authority],
) -> tuple[Part, tuple[str, ...]]:
    """One part and the warnings it raised; `numbers` are the number matches inside its span.
    Offsets are normalised."""
    head = _header(text, span, numbers, table)
    own, title, issuers, evidence = head.own, head.title, head.issuers, dict(head.evidence)
    own_canon = own.number.canonical if own else None
    cited = [c for c, _m in extract_citations(text, span.start, span.end, numbers, own_canon, title.value,
                                              frozenset(n.start for n in head.numbers))
             if not hist.names_earlier_version(c.number, c.title, head.history.history)]
    context = provinces_in_evidence(text, span, issuers, cited, table, learned)
    own_auth = _own_authority(own, context, table, learned)
    citations = [_with_authority(c, table, context, learned) for c in cited]
    if title.value is None and own is not None and own.number.year is None:
        title, citations = _promulgated(text, span, title, citations)
        if title.value:
            evidence["title"] = title.evidence
    where = place(table, text, span, own_auth, issuers, citations, title.value, on=head.dates.date)
    evidence.update(where.evidence)
    if not issuers and own_auth and own_auth.name and own_auth.confidence >= 0.9:
        issuers = [own_auth.name]
        evidence["issuers"] = f"authority of the number's code: {own_auth.evidence}"
    rank, why = rank_of(issuers, title.value, own_canon, head.history,
                        bool(rx.ADDRESSEE.search(text, span.start, span.header_end)))
    if rank:
        evidence["rank"] = why
    dates = head.dates
    part = Part(id="", start=span.start, end=span.end, number=own_canon, title=title.value,
                issuers=tuple(issuers), jurisdiction=where.jurisdiction, level=where.level,
                date=dates.date, citations=tuple(citations), evidence=evidence,
                header_end=span.header_end, rank=rank, date_publication=dates.publication,
                date_in_force=dates.in_force, history=head.history.history)
    return part, _header_warnings(own, head.numbers) + where.warnings


@dataclass(frozen=True)
class _Header:
    """What a part says of itself: its own number (and the other numbers standing in its
    header), title, signing date and issuers, with the evidence for each."""

    own: NumberMatch | None
    numbers: list[NumberMatch]
    title: md.Found
    dates: Dates
    issuers: list[str]
    evidence: dict[str, str]
    history: hist.Header


def _header(text: str, span: Span, numbers: list[NumberMatch], table: AuthorityTable) -> _Header:
    evidence: dict[str, str] = {}
    own, how = md.own_number(text, span, numbers)
    if own is not None:
        evidence["number"] = how
    title = md.title(text, span, own, numbers)
    if title.value:
        evidence["title"] = title.evidence
    sig, organs = md.signature(text, span)
    zone_end = hist.header_zone(text, span.start, span.end)
    history = hist.read_header(text, span.start, zone_end)
    order = own is not None and own.number.code.endswith("令")
    issuers, why = _issuers(title.value, organs, table)
    if not issuers:
        issuers, why = _stated_issuers(text, span, history, own if order else None)
        issuers = iss.placed(issuers, title.value)
    if why:
        evidence["issuers"] = why
    dates = part_dates(text, (max(span.header_end, zone_end), span.end), sig, history, order,
                       _form(title.value))
    evidence.update(dates.evidence)
    if order and not history.lines:
        # the promulgated text's own history, under its title; the order's date stays the signing
        history = hist.promulgated_header(text, span.start, span.end)
    if history.lines:
        evidence["history"] = f"{len(history.lines)} dated line(s) of the header"
    header_numbers = [n for n in numbers
                      if span.start <= n.start < span.header_end and is_standalone_number(text, n)]
    return _Header(own, header_numbers, title, dates, issuers, evidence, history)


def _stated_issuers(text: str, span: Span, history: hist.Header,
                    order: NumberMatch | None) -> tuple[list[str], str]:
    """Issuers stated other than in the title or signature, with where: the adoption line of the
    header's history, the opening of an order (`order`: its number) or announcement, a
    letterhead, a page field. An opening naming its body without its place (省人民政府第N次常务会议)
    is completed from the letterhead or the order's name (广东省人民政府令)."""
    found = iss.from_history(history.lines)
    if found:
        return found, "the header's history (the body that adopted or issued the text)"
    letterhead = iss.from_letterhead(text, span.start, span.header_end)
    if order or "公告" in text[span.start:span.header_end]:
        known = letterhead + (iss.full_names(iss.organ(order.number.code)) if order else [])
        found = iss.from_opening(text, span.header_end, span.end, known)
        if found:
            return found, "the opening of the order or announcement (…会议通过)"
    if letterhead:
        return letterhead, "letterhead"
    found, name = iss.from_field(text, span.start, span.end)
    if found:
        return found, f"{name} field of the page"
    return [], ""


def _form(title: str | None) -> str | None:
    """The document-type word a title ends with (条例 for …条例（试行）), for 本条例自…起施行."""
    m = rx.DOC_TITLE_END.search(title or "")
    return re.sub(r"[（(].*$", "", m.group(0)) if m else None


def rank_of(issuers: Sequence[str], title: str | None, number: str | None,
            history: hist.Header, addressed: bool) -> tuple[str | None, str]:
    """The part's rank (a RANKS id) and why, from its issuers, title, number and header;
    `addressed`: its header ends with an addressee (各县（区）人民政府：), as a notice's does."""
    dn = parse_canonical(number) if number else None
    facts = rk.facts(dn.code if dn else None,
                     ((ln.event.kind, ln.bodies, ln.event.text) for ln in history.lines))
    return rk.rank(issuers, title, facts + (";addressed" if addressed else ""))


def _own_authority(own: NumberMatch | None, context: set[str], table: AuthorityTable,
                   learned: Mapping[str, Authority]) -> Authority | None:
    """The authority of the part's own number, chosen with the provinces in `context`; a local
    one adds its province to `context`, for the codes of the documents the part cites."""
    if own is None:
        return None
    auth = table.resolve(own.number.code, own.number.year, context, learned)
    if auth.province and auth.province != NATION and auth.jurisdiction:
        context.add(auth.province)
    return auth


def _header_warnings(own: NumberMatch | None, header_nums: list[NumberMatch]) -> tuple[str, ...]:
    """A warning when the header carries numbers other than the part's own."""
    if own is None:
        return ()
    distinct = {n.number.canonical for n in header_nums} - {own.number.canonical}
    if not distinct:
        return ()
    listed = "、".join(sorted(distinct | {own.number.canonical}))
    return (f"the header carries more than one number: {listed}",)


def _issuers(title: str | None, organs: list[str], table: AuthorityTable) -> tuple[list[str], str]:
    """The part's issuers and why: named in its title, unless none of those names a place and
    the signature names organs, which then win."""
    issuers = [o for name in md.issuers_from_title(title) for o in iss.apart(name, _stands(table))]
    placeless = issuers and all(table.authority_of_name(i).jurisdiction is None for i in issuers)
    if organs and len(organs) > len(issuers) and "".join(organs) == "".join(issuers):
        return organs, "signature above the signing date (the title runs the names together)"
    if issuers and not (placeless and organs):
        return issuers, "named in the title"
    if organs:
        return organs, "signature above the signing date"
    return issuers, ""


#: A national ministry or administration named short, without 国家 or a place (财政部, 税务总局).
_MINISTRY = re.compile(r"[^省市县区州]{2,10}(?:部|总局|总署)")


def _stands(table: AuthorityTable) -> Callable[[str], bool]:
    """Whether an organ's name stands on its own: it names its place, or a national organ."""
    return lambda name: bool(_MINISTRY.fullmatch(name) or table.authority_of_name(name).jurisdiction)


def _with_authority(c: Citation, table: AuthorityTable, context: set[str],
                    learned: Mapping[str, Authority]) -> Citation:
    """A citation by number with what its issuer code tells: authority, place, level, year."""
    if not c.number:
        return c
    dn = parse_canonical(c.number)
    a = table.resolve(dn.code, dn.year, context, learned) if dn else None
    return replace(c, issuer_code=dn.code if dn else None, year=dn.year if dn else None,
                   authority=a.name if a else None, jurisdiction=a.jurisdiction if a else None,
                   level=a.level if a else None)


def _promulgated(text: str, span: Span, title: md.Found,
                 citations: list[Citation]) -> tuple[md.Found, list[Citation]]:
    """An order (令) promulgates the text its opening names (《X》已经…通过，现予公布; 现将修订后的
    《专利代理条例》公布), whoever signs it (主席令, 国务院令, 省人民政府令): that text's title is the
    order's, and no citation of its own. Else a citation read as issued (印发《X》) is."""
    promulgated = (md.promulgated_title(text, span.header_end, span.end)
                   or next((c.title for c in citations if c.relation == "issues" and c.title), None))
    if not promulgated:
        return title, citations
    return (md.Found(promulgated, "the text the order promulgates"),
            [c for c in citations if c.title != promulgated or c.number])
