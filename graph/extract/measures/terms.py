"""Key terms of provisions that look like measures but no scheme label covers: material for
a user to grow the scheme (the report's "candidate measures")."""

from __future__ import annotations

import copy
import functools
import warnings
import zlib
from collections.abc import Callable, Iterable
from typing import Any

from policygraph.extract.measures.scheme import load_scheme
from policygraph.extract.measures.words import tokenizer
from policygraph.extract.regexes import GENERIC_POLICY_WORDS, NOT_A_TERM, ORGANISH


@functools.cache
def _key_term_tagger(scheme_path: str | None) -> Any:
    """jieba's TF-IDF keyword extractor with our tokenizer, one per process and scheme.
    Importing jieba.analyse already loads the IDF table and the part-of-speech tags (0.8 s)
    into its default extractor: the copies share those tables rather than load them again (the
    tag table is copied, since a part-of-speech tokenizer adds its user words' tags to it)."""
    import jieba.posseg

    with warnings.catch_warnings():  # jieba.analyse reads its IDF table and leaves the file open
        warnings.simplefilter("ignore", ResourceWarning)
        import jieba.analyse

    tk = tokenizer(scheme_path)
    pos = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)  # not copy.copy: its
    pos.tokenizer = tk  # __getattr__ forwards to .tokenizer, which must be set first
    pos.word_tag_tab = dict(jieba.posseg.dt.word_tag_tab)
    tfidf = copy.copy(jieba.analyse.default_tfidf)
    tfidf.tokenizer = tk
    tfidf.postokenizer = pos
    return tfidf


def sample_texts(texts: list[str], size: int = 1500) -> list[str]:
    """At most `size` of `texts`: those with the smallest hashes, so that adding a few documents
    to a corpus changes the sample only a little. Part-of-speech tagging is slow: the report
    reads a sample of a large corpus's provisions, not all of them."""
    if len(texts) <= size:
        return texts
    return sorted(texts, key=lambda t: (zlib.crc32(t.encode("utf-8", "surrogatepass")), t))[:size]


KEY_TERM_CHARS = 5000


def key_terms(text: str, scheme_path: str | None = None, per_text: int = 8) -> tuple[str, ...]:
    """The `per_text` key terms of a text (jieba TF-IDF over nouns and verbal nouns): the costly
    step of candidate_terms, one text at a time so a caller can keep its results."""
    tagger = _key_term_tagger(scheme_path)
    # jieba's tagger (its HMM) grows fast with a text's length: 38 s for one 400,000-character
    # line; a provision's key terms are in its first KEY_TERM_CHARS characters
    return tuple(tagger.extract_tags(text[:KEY_TERM_CHARS], topK=per_text, allowPOS=("n", "nz", "vn", "nl")))


def count_candidates(tagged: Iterable[tuple[str, ...]], scheme_path: str | None = None,
                     top: int = 30) -> list[tuple[str, int]]:
    """The `top` key terms (given per text) that look like measures but no scheme label covers,
    with the number of texts where each is a key term, most frequent first."""
    scheme = load_scheme(scheme_path)
    labels = list(scheme.terms)
    counts: dict[str, int] = {}
    for tags in tagged:
        for term in tags:
            if (len(term) < 2 or NOT_A_TERM.match(term) or term in scheme.terms
                    or term in GENERIC_POLICY_WORDS):
                continue
            if ORGANISH.search(term) or any(term in label or label in term for label in labels):
                continue
            counts[term] = counts.get(term, 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]


KeyTermsOf = Callable[[str], tuple[str, ...]]


def candidate_terms(texts: list[str], scheme_path: str | None = None, top: int = 30, sample: int = 1500,
                    key_terms_of: KeyTermsOf | None = None) -> list[tuple[str, int]]:
    """Key terms of provisions (jieba TF-IDF) that look like measures but no scheme label
    covers, with the number of provisions where each is a key term: material to grow the scheme.
    At most `sample` provisions are read (see sample_texts). `key_terms_of` gives a text's key
    terms (default: key_terms with the scheme), so a caller can keep them between runs."""
    of = key_terms_of or functools.partial(key_terms, scheme_path=scheme_path)
    return count_candidates((of(t) for t in sample_texts(texts, sample)), scheme_path, top)
