"""The measures of one part, provision by provision: the concepts it mentions with their
deadlines and agencies, its targets, deadlines and money, and its shingles for text reuse."""

from __future__ import annotations

import re
from collections.abc import Sequence

from policygraph.extract.measures.agencies import agencies_in
from policygraph.extract.measures.concepts import Mention, concepts_in, deadline_for, sentence_bounds
from policygraph.extract.measures.deadlines import deadlines_in
from policygraph.extract.measures.domains import domains_of
from policygraph.extract.measures.money import money_in
from policygraph.extract.measures.review import looking_back, stock_year, within, year_ahead_of_review
from policygraph.extract.measures.scheme import load_scheme
from policygraph.extract.measures.target_years import governing_years
from policygraph.extract.measures.targets import targets_in
from policygraph.extract.measures.words import words_in
from policygraph.extract.provisions import Provision
from policygraph.extract.shingles import from_words
from policygraph.extract.shingles import pack as pack_shingles
from policygraph.models import (
    Deadline,
    MeasureMention,
    Measures,
    MentionDeadline,
    Money,
    ProvisionText,
    Target,
)


def extract_measures(
    text: str, provisions: Sequence[Provision], year: int | None, scheme_path: str | None = None,
    title: str | None = None, date: str | None = None,
) -> Measures:
    """Provisions, measures, targets, deadlines and money of one part, provision by provision,
    and each provision's packed shingles. Offsets are into `text` (extract/document.py makes a
    record's original). The part's `title` may name its plan year (targets without a year of
    their own take it); its `date` places a holiday deadline (春节前) in the right year."""
    year = year if year is not None else year_ahead_of_review(title)  # an undated 总结和…计划: the plan's
    measures: list[MeasureMention] = []
    targets: list[Target] = []
    deadlines: list[Deadline] = []
    money: list[Money] = []
    shingled: list[bytes] = []
    areas = load_scheme(scheme_path).domains  # the part's policy areas gate area concepts (domains.py)
    domains = domains_of(title, "".join(text[p.start:p.end] for p in provisions), areas) if areas else None
    past = looking_back(text, provisions, title)  # a section reviewing past work states results, not goals
    # an undated part telling a stock as at a year's end (2018年末，…共有…) was written after it
    now = year if year is not None else stock_year(text, provisions, title)
    for p, governing in zip(provisions, governing_years(text, provisions, title, now), strict=True):
        ts = [t for t in targets_in(text, p.start, p.end, now, p.path, governing)
              if not within(t.start, past)]
        # a part dated by nothing is read against the one year its section is headed with (a
        # work report's 2024年主要工作安排); a review of past work sets no limit
        single = governing.year if governing.start_year is None else None
        ds = [] if governing.past else [
            d for d in deadlines_in(text, p.start, p.end, year if year is not None else single, p.path, date)
            if not within(d.start, past)]
        targets += ts
        deadlines += ds
        money += money_in(text, p.start, p.end, p.path)
        words = words_in(text, p.start, p.end, scheme_path)
        # Shingles for text reuse (shingles.py) are defined on the shipped scheme's words: the
        # words just cut, unless a custom scheme's tokenizer cut them differently.
        plain = words if scheme_path is None else words_in(text, p.start, p.end)
        shingled.append(pack_shingles(from_words([w for w, _s, _e in plain])))
        measures += _concepts_of(text, p, ts, ds, words, scheme_path, domains)
    rows = tuple(ProvisionText(p.path, p.heading, p.start, p.end, re.sub(r"\s+", "", text[p.start:p.end]))
                 for p in provisions)
    return Measures(rows, tuple(measures), tuple(targets), tuple(deadlines), tuple(money), tuple(shingled))


def _concepts_of(text: str, p: Provision, targets: list[Target], deadlines: list[Deadline],
                 words: list[tuple[str, int, int]], scheme_path: str | None,
                 domains: frozenset[str] | None = None) -> list[MeasureMention]:
    """One measure per scheme concept the provision mentions (where it is first mentioned),
    with the targets of that sentence, the deadlines governing each mention and the agencies
    the provision makes responsible."""
    scheme = load_scheme(scheme_path)
    agencies = tuple(agencies_in(text, p.start, p.end))
    first: dict[str, Mention] = {}
    dated: dict[str, list[MentionDeadline]] = {}
    for mention in concepts_in(text, p.start, p.end, scheme_path, words, domains):
        first.setdefault(mention.concept, mention)
        governing = dated.setdefault(mention.concept, [])
        d = deadline_for(text, mention, deadlines, p.start, p.end)
        if d and all(x.text != d.text for x in governing):
            governing.append(MentionDeadline(d.text, d.date))
    out = []
    for concept, m in first.items():
        s, e = sentence_bounds(text, m.start, p.start, p.end)
        c = scheme.concepts[concept]
        out.append(MeasureMention(
            concept, c.label, c.group, p.path, text[m.start:m.end], re.sub(r"\s+", "", text[s:e])[:300],
            m.start, m.end, tuple(t.text for t in targets if s <= t.start < e), tuple(dated[concept]),
            agencies))
    return out
