"""Scheme concepts a provision mentions, and the deadline that governs each mention."""

from __future__ import annotations

import re
from dataclasses import dataclass

from policygraph.extract.measures.domains import applies
from policygraph.extract.measures.scheme import load_scheme
from policygraph.extract.measures.words import words_in
from policygraph.extract.regexes import MEASURE_CLAUSE_BREAK
from policygraph.models import Deadline


@dataclass(frozen=True, slots=True)
class Mention:
    """Where a provision names a scheme concept: the concept's id and the span of its term."""

    concept: str
    start: int
    end: int


def concepts_in(text: str, start: int, end: int, scheme_path: str | None = None,
                words: list[tuple[str, int, int]] | None = None,
                domains: frozenset[str] | None = None) -> list[Mention]:
    """Scheme concepts mentioned in text[start:end], with their spans, in reading order (from
    `words` if the caller has segmented the text already); a concept of a policy area only
    where the part is about that area (`domains`, domains.py; None: every concept)."""
    scheme = load_scheme(scheme_path)
    if words is None:
        words = words_in(text, start, end, scheme_path)
    return [Mention(scheme.terms[w], s, e) for w, s, e in words
            if w in scheme.terms and applies(scheme.concepts[scheme.terms[w]].domains, domains)]


def sentence_bounds(text: str, pos: int, lo: int, hi: int) -> tuple[int, int]:
    """The sentence of text[lo:hi] holding `pos`: what a measure quotes, and where its deadline is sought."""
    s = max((m.end() for m in re.finditer(r"[。！？!?\n]", text[lo:pos])), default=0) + lo
    m = re.compile(r"[。！？!?\n]").search(text, pos, hi)
    return s, (m.end() if m else hi)


def deadline_for(text: str, mention: Mention, deadlines: list[Deadline], lo: int, hi: int) -> Deadline | None:
    """The deadline governing a concept: in its clause; else the next one in its sentence (…建立
    平台，确保7月底前进入实施阶段); else the nearest one before it (5月底前，…建立…制度)."""
    s, e = sentence_bounds(text, mention.start, lo, hi)
    same = [d for d in deadlines if s <= d.start < e]
    if not same:
        return None
    clause_start = max((b.end() for b in MEASURE_CLAUSE_BREAK.finditer(text, s, mention.start)), default=s)
    nxt = MEASURE_CLAUSE_BREAK.search(text, mention.end, e)
    clause_end = nxt.start() if nxt else e
    inside = [d for d in same if clause_start <= d.start < clause_end]
    if inside:
        return inside[0]
    after = [d for d in same if d.start >= mention.end]
    if after:
        return after[0]
    return max(same, key=lambda d: d.start)

