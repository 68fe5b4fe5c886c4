"""Word 3-gram shingles of a provision, for measuring text reuse between documents.

Segmenting Chinese with jieba is the costly part of comparing two documents, and a parent
(a national notice) is compared with thousands of children. So each provision is shingled once,
when its document is extracted (in a worker, and cached with the record), into a sorted array of
32-bit CRCs of its word 3-grams: a few bytes per word, instead of tuples of strings. A collision
of two different 3-grams is about one in four billion per pair, far below the rounding of a share.
"""

from __future__ import annotations

import re
import zlib
from array import array

_NOT_A_WORD = re.compile(r"[\W_]*").fullmatch  # empty, spaces, punctuation


def shingles(text: str) -> frozenset[int]:
    """The CRC-32 of each word 3-gram of `text` (punctuation and spaces are not words)."""
    from policygraph.extract.measures.words import segmenter  # not at the top: measures imports us

    return from_words(segmenter().cut(text))


def from_words(words: list[str]) -> frozenset[int]:
    """The CRC-32 of each run of three words (UTF-8, joined by U+001F) once spaces and
    punctuation are left out. Each word is encoded once and the runs are made and hashed in C
    (zip, join, crc32): this runs for every provision of every document.

    >>> len(from_words(["加强", "，", "就业", "工作", "的", "领导"]))  # 加强就业工作, 就业工作的, 工作的领导
    3
    """
    # isalnum() is true of nearly every word and settles it: a word with no character that is a
    # letter or a digit is all `[\W_]` (the regex's \w is isalnum() or "_")
    kept = [w.encode("utf-8") for w in words if w.isalnum() or not _NOT_A_WORD(w)]
    runs = zip(kept, kept[1:], kept[2:], strict=False)  # three words each
    return frozenset(map(zlib.crc32, map(b"\x1f".join, runs)))


def pack(s: frozenset[int]) -> bytes:
    a = array("I", sorted(s))
    assert a.itemsize == 4
    return a.tobytes()


def unpack(b: bytes) -> frozenset[int]:
    a = array("I")
    a.frombytes(b)
    return frozenset(a)
