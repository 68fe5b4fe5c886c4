"""A part's three dates, each with the reason it was chosen: its own date (this version's:
eli:date_document), its publication (eli:date_publication) and its entry into force.

- own date: the last event of the header's history (a regulation's latest 修正 or 批准), else the
  signing date under the signature (a notice's), else nothing here (document.py then reads the
  page's 成文日期 field and the record's metadata);
- publication: the latest 公布/发布 line of the header; an order (令) is published on the date it
  is signed;
- entry into force: the header's 施行 line, else the final article (本条例自…起施行), where
  自公布之日起 is the publication date when it is known and 自印发之日起 the signing date.

When two sources disagree the evidence names both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from policygraph.extract import history as hist
from policygraph.extract.metadata import Found, date_from_match
from policygraph.models import HistoryEvent

_VERB_WORD = {"adopted": "通过", "approved": "批准", "promulgated": "公布", "amended": "修正",
              "revised": "修订"}


@dataclass(frozen=True)
class Dates:
    """A part's dates and the evidence for each, by the record's field name."""

    date: str | None = None
    publication: str | None = None
    in_force: str | None = None
    evidence: dict[str, str] = field(default_factory=dict)


def part_dates(text: str, body: tuple[int, int], signed: Found, header: hist.Header,
               order: bool, form: str | None) -> Dates:
    """The dates of the part whose body is text[body[0]:body[1]], from its header's history, its
    signing date and its final articles. `order`: the part is an order (令), published when
    signed; `form`: the document-type word its title ends with (条例), for 本条例自…起施行."""
    evidence: dict[str, str] = {}
    if signed.value is None and header.bare_date:
        signed = Found(header.bare_date, "date alone on a line under the title")
    date = _own_date(header.history, signed, evidence)
    publication = _publication(header.history, signed, order, evidence)
    in_force = _in_force(text, body, header, form, publication, signed.value, evidence)
    return Dates(date, publication, in_force, evidence)


def _own_date(history: tuple[HistoryEvent, ...], signed: Found, evidence: dict[str, str]) -> str | None:
    last = history[-1] if history else None
    if last is None or last.date is None:
        if signed.value:
            evidence["date"] = signed.evidence
        return signed.value
    why = f"last history line of the header ({last.date} {_VERB_WORD.get(last.kind, last.kind)})"
    if signed.value and signed.value != last.date:
        why += f"; the signature says {signed.value}, a date of the order or notice, not of this version"
    evidence["date"] = why
    return last.date


def _publication(history: tuple[HistoryEvent, ...], signed: Found, order: bool,
                 evidence: dict[str, str]) -> str | None:
    published = [e for e in history if e.kind == "promulgated" and e.date]
    if published:
        evidence["date_publication"] = f"header line: {published[-1].text}"
        return published[-1].date
    if order and signed.value:
        evidence["date_publication"] = "an order is published on the date it is signed"
        return signed.value
    return None


def _in_force(text: str, body: tuple[int, int], header: hist.Header, form: str | None,
              publication: str | None, signed: str | None, evidence: dict[str, str]) -> str | None:
    m, how = hist.in_force_sentence(text, body[0], body[1], form)
    stated = _stated_in_force(m, publication, signed) if m else None
    if header.in_force:
        why = f"header line: {header.in_force_text}"
        if stated and stated != header.in_force:
            why += f"; the {how} says {stated}: the header's explicit date wins"
        evidence["date_in_force"] = why
        return header.in_force
    if m is None:
        return None
    if stated is None:
        evidence["date_in_force"] = f"{how}: {m.group(0)}, with no known date for that day"
        return None
    evidence["date_in_force"] = f"{how}: {m.group(0)}"
    return stated


def _stated_in_force(m: re.Match[str], publication: str | None, signed: str | None) -> str | None:
    """The date an IN_FORCE match states, or the day it names resolved where it is known."""
    if m.group("date"):
        return date_from_match(m)
    if m.group("day") == "印发":
        return signed
    return publication
