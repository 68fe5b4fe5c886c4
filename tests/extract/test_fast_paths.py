"""The fast paths of extraction against the plain code they replaced (issue 23): each is checked
on generated text against a reference written the obvious way, so a faster form can never
change a record."""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from hypothesis import given, settings
from hypothesis import strategies as st

from policygraph.extract.measures.domains import word_counts
from policygraph.extract.measures.words import segmenter, words_in
from policygraph.extract.provisions import _START, _SUB_AFTER_TITLE, HEADINGS, Provision, split_provisions
from policygraph.extract.shingles import from_words

_SHORT = st.text(alphabet="哈就业服务环境 \n", max_size=40)


@settings(max_examples=300, deadline=None)
@given(_SHORT, st.lists(st.text(alphabet="哈就业服务环境", max_size=4), max_size=6))
def test_word_counts_count_as_str_count_does(text: str, words: list[str]) -> None:
    """Overlapping occurrences of one word (哈哈 in 哈哈哈) count once, as str.count has them;
    words inside other words (就业 in 就业服务) count as well."""
    got = word_counts(text, tuple(sorted(set(words))))
    assert {w: got.get(w, 0) for w in words} == {w: text.count(w) for w in words}


_NOT_A_WORD = re.compile(r"[\W_]*").fullmatch


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="就业4.5%_-，。 ²Ⅻ①a\u3000", max_size=4), max_size=12))
def test_shingles_leave_out_the_words_the_regex_left_out(words: list[str]) -> None:
    kept = [w for w in words if not _NOT_A_WORD(w)]
    expected = {" ".join(kept[i:i + 3]) for i in range(len(kept) - 2)}
    assert len(from_words(words)) == len(expected)
    assert from_words(words) == from_words(kept)


def _words_in_reference(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """words_in as first written: each word placed by bisection into the runs of non-space."""
    runs = [m.span() for m in re.compile(r"\S+").finditer(text, start, end)]
    if not runs:
        return []
    words = segmenter().tokenize("".join(text[a:b] for a, b in runs))
    at = list(accumulate((b - a for a, b in runs[:-1]), initial=0))
    out = []
    for w, s, e in words:
        i = bisect_right(at, s) - 1
        j = bisect_right(at, e - 1) - 1
        out.append((w, runs[i][0] + s - at[i], runs[j][0] + e - at[j]))
    return out


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="促进就业创业服务 \n\t。2020年", max_size=60), st.data())
def test_words_keep_their_spans_across_line_breaks(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    got = words_in(text, start, end)
    assert got == _words_in_reference(text, start, end)
    assert all(re.sub(r"\s", "", text[s:e]) == w for w, s, e in got)


def _split_reference(text: str, start: int, end: int) -> list[Provision]:
    """split_provisions as first written: each heading pattern tried in turn."""
    marks: list[tuple[int, int, str]] = []
    for m in _START.finditer(text, start, end):
        pos = m.end()
        for depth, pat in HEADINGS:
            h = pat.match(text, pos, end)
            if h:
                marks.append((pos, depth, h.group(0)))
                sub = _SUB_AFTER_TITLE.match(text, h.end(), end) if depth <= 1 else None
                if sub:
                    marks.append((sub.start("sub"), 2, sub.group("sub")))
                break
    out: list[Provision] = []
    stack: list[tuple[int, str]] = []
    if not marks or marks[0][0] > start:
        out.append(Provision("", "", start, marks[0][0] if marks else end))
    for i, (pos, depth, heading) in enumerate(marks):
        while stack and stack[-1][0] >= depth:
            stack.pop()
        stack.append((depth, heading))
        stop = marks[i + 1][0] if i + 1 < len(marks) else end
        out.append(Provision("/".join(h for _d, h in stack), heading, pos, stop))
    return [p for p in out if p.end > p.start]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["一、", "第三章", "第十二条", "（二）", "(三)", "1.", "12、", "（4）", "3.5",
                                 "加大工作力度", "。", "；", "\n", "到2025年", "（一）"]), max_size=20))
def test_headings_are_tried_in_their_order(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert split_provisions(text, 0, len(text)) == _split_reference(text, 0, len(text))
