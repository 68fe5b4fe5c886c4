"""Words of a provision: jieba with every scheme term as a whole word (岗位补贴 is one word, and
the 补贴 inside it does not also count as the generic 补贴), through a faster segmenter that
gives jieba's own words."""

from __future__ import annotations

import functools
import logging
import math
import re
from bisect import bisect_right
from itertools import accumulate
from typing import Any

from policygraph.extract.measures.scheme import load_scheme


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
        tk.add_word(term, freq=10**6)
    return tk


class Segmenter:
    """jieba's accurate mode without HMM, made fast enough to segment a whole corpus.

    Two things make it several times faster than `tk.lcut(text, HMM=False)`, and neither
    changes a word (tests/extract/test_measures.py compares them on generated and real text):

    - jieba cuts a text block by block (a block is a run of Han characters, letters and digits,
      or a run of anything else) and no word crosses a block boundary, so the words of a block
      depend on that block alone. Policy documents repeat their clauses (every city writes
      结合本地实际, a forwarded notice is quoted whole), so the words of the last `limit` blocks
      are remembered (functools.lru_cache).
    - a new block is cut by jieba's own algorithm (the most probable route through the
      dictionary's words, scored exactly as jieba scores it, ties to the longer word) in one pass
      from the right, without the intermediate DAG dict and the per-word `log` calls.

    The dictionary is read as it is when the segmenter is made: add words before, not after.
    """

    def __init__(self, tk: Any, limit: int = 100_000) -> None:
        import jieba

        tk.check_initialized()
        self._tk = tk
        self._freq: dict[str, int] = tk.FREQ
        self._logtotal = math.log(tk.total)
        self._logp: dict[str, float] = {}
        self._blocks = jieba.re_han_default
        self.words_of = functools.lru_cache(maxsize=limit)(self._words)

    def cut(self, text: str) -> list[str]:
        """The words of `text`, as `tk.lcut(text, HMM=False)` gives them."""
        words_of = self.words_of
        out: list[str] = []
        for blk in self._blocks.split(text):
            if blk:
                out.extend(words_of(blk))
        return out

    def _words(self, blk: str) -> tuple[str, ...]:
        """The words of one block: cut here if it is a run of Han characters, letters and
        digits, else as jieba cuts it."""
        return self._cut_block(blk) if self._blocks.match(blk) else tuple(self._tk.lcut(blk, HMM=False))

    def tokenize(self, text: str) -> list[tuple[str, int, int]]:
        """The words of `text` with their spans, as `tk.tokenize(text, HMM=False)` gives them."""
        words = self.cut(text)
        at = list(accumulate(map(len, words), initial=0))
        return list(zip(words, at, at[1:], strict=False))  # `at` has one more: the end

    def _cut_block(self, s: str) -> tuple[str, ...]:
        # jieba: route[k] = max((log(FREQ[w] or 1) - logtotal + route[end][0], end - 1) for the
        # dictionary words w = s[k:end]), falling back to the single character; same floats, and
        # `>=` keeps the later (longer) word on a tie as max() over (score, x) tuples does.
        freq, logp, logtotal = self._freq, self._logp, self._logtotal
        n = len(s)
        score = [0.0] * (n + 1)
        nxt = [0] * n  # where the word starting at each position ends
        for k in range(n - 1, -1, -1):
            best_sc = 0.0
            best_end = 0
            end = k + 1
            while end <= n:
                frag = s[k:end]
                f = freq.get(frag)
                if f is None:
                    break
                if f:
                    lp = logp.get(frag)
                    if lp is None:
                        lp = logp[frag] = math.log(f) - logtotal
                    sc = lp + score[end]
                    if not best_end or sc >= best_sc:
                        best_sc, best_end = sc, end
                end += 1
            if not best_end:
                best_sc, best_end = (0.0 - logtotal) + score[k + 1], k + 1
            score[k] = best_sc
            nxt[k] = best_end
        words: list[str] = []
        buf = ""
        k = 0
        while k < n:
            end = nxt[k]
            word = s[k:end]
            if end - k == 1 and word in _ASCII_ALNUM:
                buf += word  # jieba joins runs of single letters and digits
            else:
                if buf:
                    words.append(buf)
                    buf = ""
                words.append(word)
            k = end
        if buf:
            words.append(buf)
        return tuple(words)


_ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def segmenter(scheme_path: str | None = None) -> Segmenter:
    """One memoising segmenter per process and scheme (see Segmenter)."""
    return _segmenter(scheme_path)


@functools.cache
def _segmenter(scheme_path: str | None) -> Segmenter:
    return Segmenter(tokenizer(scheme_path))


def words_in(text: str, start: int, end: int, scheme_path: str | None = None) -> list[tuple[str, int, int]]:
    """The jieba words of text[start:end] read without its whitespace (a line break inside a word
    does not split it), each with its span in `text`."""
    runs = [m.span() for m in _NOT_SPACE.finditer(text, start, end)]
    if not runs:
        return []
    words = segmenter(scheme_path).tokenize("".join(text[a:b] for a, b in runs))
    if len(runs) == 1:  # no whitespace inside: offsets shift by the run's start
        a = runs[0][0]
        return [(w, a + s, a + e) for w, s, e in words]
    # A position in the joined text lies in the last run starting at or before it: a word
    # starts in run i and its last character is in run j.
    at = list(accumulate((b - a for a, b in runs[:-1]), initial=0))
    out = []
    for w, s, e in words:
        i = bisect_right(at, s) - 1
        j = bisect_right(at, e - 1) - 1
        out.append((w, runs[i][0] + s - at[i], runs[j][0] + e - at[j]))
    return out


_NOT_SPACE = re.compile(r"\S+")
