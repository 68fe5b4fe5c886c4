"""The policy areas a document is about (employment, environment, health, …), so that a measure
scheme's area-specific concepts are coded only where they belong.

The shipped scheme's employment concepts carry terms that mean something else elsewhere: 劳动合同
in a procurement law, 台账 in a fire-safety rule, 担保机构 in a financing regulation. A concept
tagged with an area (`dcterms:subject` in the scheme) is coded only in a part about that area.
The areas and the words that show them are the scheme's own (`skos:hiddenLabel` of the concepts
of its area scheme, ontology/measures.ttl); a user's scheme without areas codes every concept
everywhere, as before.

A part is about an area when its title names one of the area's words, or when the area's words
are frequent in its text: at least MIN_HITS of them and at least SHARE of the most frequent
area's count (a health law mentioning 就业 twice is not about employment), or OFTEN of them
whatever else it is about (a vocational-education plan is about employment too). An area's
words are its labels and the terms of its own concepts (小额担保贷款 shows employment).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

import ahocorasick

MIN_HITS = 3
SHARE = 0.25
OFTEN = 8  # this many words of an area make a part about it, whatever else it is about


def domains_of(title: str | None, text: str, keywords: Mapping[str, tuple[str, ...]]) -> frozenset[str]:
    """The areas (ids of `keywords`) a part with this title and text is about; none when no
    area's words stand in it."""
    titled = {d for d, words in keywords.items() if title and any(w in title for w in words)}
    found = word_counts(text, tuple(sorted({w for words in keywords.values() for w in words})))
    counts = {d: sum(found.get(w, 0) for w in words) for d, words in keywords.items()}
    top = max(counts.values(), default=0)
    frequent = {d for d, n in counts.items() if n >= MIN_HITS and (n >= SHARE * top or n >= OFTEN)}
    return frozenset(titled | frequent)


def applies(concept_domains: tuple[str, ...], domains: frozenset[str] | None) -> bool:
    """Whether a concept of these areas is coded in a part about `domains` (None: areas not
    known, every concept applies; a concept of no area applies everywhere; one of several
    areas is enough: 职业培训 is employment and education)."""
    return not concept_domains or domains is None or not domains.isdisjoint(concept_domains)


def word_counts(text: str, words: tuple[str, ...]) -> dict[str, int]:
    """How often each of `words` stands in `text`, counted as `text.count(word)` counts (the
    occurrences of one word do not overlap), in one pass over the text for all of them
    (Aho-Corasick) rather than one pass per word.

    >>> sorted(word_counts("哈哈哈 就业服务 就业", ("哈哈", "就业", "就业服务", "环境")).items())
    [('哈哈', 1), ('就业', 2), ('就业服务', 1)]
    """
    ends: dict[str, int] = {}  # where the last occurrence counted of a word ends
    counts: dict[str, int] = {"": len(text) + 1} if "" in words else {}
    if not any(words):
        return counts  # an automaton of no words cannot be searched
    for last, word in _automaton(words).iter(text):
        start = last + 1 - len(word)
        if start >= ends.get(word, 0):
            ends[word] = last + 1
            counts[word] = counts.get(word, 0) + 1
    return counts


@functools.cache
def _automaton(words: tuple[str, ...]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for w in words:
        if w:
            automaton.add_word(w, w)
    automaton.make_automaton()
    return automaton
