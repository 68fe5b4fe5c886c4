"""Words of a provision: jieba's words with every scheme term as a whole word (岗位补贴 is one
word, and the 补贴 inside it does not also count as the generic 补贴), cut by jieba-rs; jieba
itself stays for what only it gives (part-of-speech tags and TF-IDF, see terms.py)."""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable
from typing import Any

from policygraph.extract.measures.scheme import load_scheme

#: The frequency a scheme term is added to the dictionary with: far above any word it could be
#: cut into, so it is always one word.
SCHEME_WORD_FREQ = 10**6


def tokenizer(scheme_path: str | None = None) -> Any:
    """One jieba tokenizer per process and scheme, with every scheme term as a whole word."""
    return _tokenizer(scheme_path)


@functools.cache
def _tokenizer(scheme_path: str | None) -> Any:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.initialize()
    for term in load_scheme(scheme_path).terms:
        tk.add_word(term, freq=SCHEME_WORD_FREQ)
    return tk


class Segmenter:
    """jieba's accurate mode without HMM, word for word (tests/extract/test_measures.py
    compares them on generated and real text), cut by rjieba, the binding of jieba-rs, which
    ships jieba's dictionary and scores routes through it as jieba does, several times faster
    (docs/performance.md). `words` are added as jieba's add_word adds them, with `freq`."""

    def __init__(self, words: Iterable[str] = (), freq: int = SCHEME_WORD_FREQ) -> None:
        import rjieba

        self._rj = rjieba.Jieba()
        for w in words:
            self._rj.add_word(w, freq, None)

    def cut(self, text: str) -> list[str]:
        """The words of `text`, as `tk.lcut(text, HMM=False)` gives them."""
        return list(self._rj.cut(text, False))

    def tokenize(self, text: str) -> list[tuple[str, int, int]]:
        """The words of `text` with their spans, as `tk.tokenize(text, HMM=False)` gives them."""
        return list(self._rj.tokenize(text, "default", False))


def segmenter(scheme_path: str | None = None) -> Segmenter:
    """One segmenter per process and scheme (see Segmenter)."""
    return _segmenter(scheme_path)


@functools.cache
def _segmenter(scheme_path: str | None) -> Segmenter:
    return Segmenter(load_scheme(scheme_path).terms)


def words_in(text: str, start: int, end: int, scheme_path: str | None = None) -> list[tuple[str, int, int]]:
    """The jieba words of text[start:end] read without its whitespace (a line break inside a word
    does not split it), each with its span in `text`."""
    runs = [m.span() for m in _NOT_SPACE.finditer(text, start, end)]
    if not runs:
        return []
    if len(runs) == 1:  # no whitespace inside: offsets shift by the run's start
        a, b = runs[0]
        return [(w, a + s, a + e) for w, s, e in segmenter(scheme_path).tokenize(text[a:b])]
    words = segmenter(scheme_path).tokenize("".join(text[a:b] for a, b in runs))
    # where each character of the joined text is in `text`: a word runs from where its first
    # character is to just after its last (a line break inside it stays inside its span)
    at: list[int] = []
    for a, b in runs:
        at += range(a, b)
    return [(w, at[s], at[e - 1] + 1) for w, s, e in words]


_NOT_SPACE = re.compile(r"\S+")
