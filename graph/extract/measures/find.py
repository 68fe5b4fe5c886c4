"""Measures a document sets, provision by provision: policy tools (from the SKOS scheme),
quantitative targets, deadlines, responsible agencies and money.

Concepts are found with jieba, using a user dictionary generated from the scheme's labels, so
a scheme term is a whole token (岗位补贴 is one word, and the 补贴 inside it does not also count
as the generic 补贴). Targets, deadlines and agencies are read with patterns anchored on
numbers, 月…前 and 负责, each kept with its raw text.
"""

from __future__ import annotations

import calendar
import copy
import functools
import hashlib
import logging
import math
import re
import zlib
from bisect import bisect_right
from dataclasses import dataclass
from importlib import resources
from itertools import accumulate
from pathlib import Path
from typing import Any

from policygraph import __version__
from policygraph.extract.numbers import chinese_to_int
from policygraph.extract.provisions import Provision
from policygraph.extract.regexes import (
    AGENCY_BY,
    AGENCY_SUBJECT,
    AGENCY_TRAILER,
    DEADLINE,
    GENERIC_POLICY_WORDS,
    INDICATOR_FLUFF,
    LIST_BREAK,
    MEASURE_CLAUSE_BREAK,
    MONEY,
    NOT_A_TERM,
    ORGAN_FULL_NAME,
    ORGANISH,
    SENTENCE,
    TARGET,
    TARGET_CONTEXT,
)
from policygraph.extract.shingles import from_words
from policygraph.extract.shingles import pack as pack_shingles

# --- the scheme -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Concept:
    id: str  # the part after the scheme namespace, e.g. tax-relief
    label: str  # zh prefLabel
    label_en: str
    group: str  # supply | demand | environment
    terms: tuple[str, ...]  # prefLabel and altLabels @zh


@dataclass(frozen=True)
class Scheme:
    namespace: str
    concepts: dict[str, Concept]
    terms: dict[str, str]  # term → concept id
    source: str


SCHEME_NS = "https://w3id.org/policygraph/measures#"


@functools.cache
def load_scheme(path: str | None = None) -> Scheme:
    """The shipped scheme, or a user's SKOS file of the same shape (cached per process)."""
    from rdflib import Graph
    from rdflib.namespace import RDF, SKOS

    text = (Path(path).read_text(encoding="utf-8") if path else
            resources.files("policygraph.ontology").joinpath("measures.ttl").read_text(encoding="utf-8"))
    g = Graph().parse(data=text, format="turtle")
    tops = {str(t) for t in g.objects(None, SKOS.hasTopConcept)}
    concepts: dict[str, Concept] = {}
    terms: dict[str, str] = {}
    ns = SCHEME_NS
    for c in sorted(g.subjects(RDF.type, SKOS.Concept), key=str):
        iri = str(c)
        if iri in tops:
            continue
        ns = iri.rsplit("#", 1)[0] + "#" if "#" in iri else iri.rsplit("/", 1)[0] + "/"
        zh = [str(x) for x in g.objects(c, SKOS.prefLabel) if x.language == "zh"]
        en = [str(x) for x in g.objects(c, SKOS.prefLabel) if x.language == "en"]
        alts = sorted(str(x) for x in g.objects(c, SKOS.altLabel) if x.language in ("zh", None))
        broader = [str(b) for b in g.objects(c, SKOS.broader)]
        group = next((b.rsplit("#", 1)[-1] for b in broader if b in tops), "")
        cid = iri[len(ns):]
        label = zh[0] if zh else cid
        concept = Concept(cid, label, en[0] if en else "", group, tuple(dict.fromkeys([label, *alts])))
        concepts[cid] = concept
        for t in concept.terms:
            terms.setdefault(t, cid)
    return Scheme(ns, concepts, terms, path or "ontology/measures.ttl")


def tokenizer(scheme_path: str | None = None):  # type: ignore[no-untyped-def]
    """One jieba tokenizer per process and scheme, with every scheme term as a whole word."""
    return _tokenizer(scheme_path)


@functools.cache
def _tokenizer(scheme_path: str | None):  # type: ignore[no-untyped-def]
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
    changes a word (tests/test_measures.py compares them on generated and real text):

    - jieba cuts a text block by block (a block is a run of Han characters, letters and digits,
      or a run of anything else) and no word crosses a block boundary, so the words of a block
      depend on that block alone. Policy documents repeat their clauses (every city writes
      结合本地实际, a forwarded notice is quoted whole), so each block's words are remembered. The
      memo is bounded: when it holds `limit` blocks it starts afresh.
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
        self._memo: dict[str, tuple[str, ...]] = {}
        self._limit = limit
        self.hits = 0
        self.misses = 0

    def cut(self, text: str) -> list[str]:
        """The words of `text`, as `tk.lcut(text, HMM=False)` gives them."""
        memo = self._memo
        out: list[str] = []
        for blk in self._blocks.split(text):
            if not blk:
                continue
            words = memo.get(blk)
            if words is None:
                self.misses += 1
                if len(memo) >= self._limit:
                    memo.clear()
                words = memo[blk] = (self._cut_block(blk) if self._blocks.match(blk)
                                     else tuple(self._tk.lcut(blk, HMM=False)))
            else:
                self.hits += 1
            out.extend(words)
        return out

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


# --- patterns ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Mention:
    concept: str
    start: int
    end: int


def _fold(num: str, mult: str | None) -> float:
    value = float(num) * {"万": 1e4, "亿": 1e8, "千": 1e3}.get(mult or "", 1)
    return round(value, 6)


def _number(v: float) -> float | int:
    return int(v) if float(v).is_integer() else v


def targets_in(text: str, start: int, end: int, year: int | None) -> list[dict]:
    """Quantitative targets in text[start:end]: indicator, value, unit, comparator, year."""
    out = []
    for s in SENTENCE.finditer(text, start, end):
        sent = s.group(0)
        for m in TARGET.finditer(sent):
            unit = m.group("unit") or ""
            if not m.group("num") or sent[m.end():m.end() + 1] in "元年月日号":
                continue
            if m.start("num") > 0 and sent[m.start("num") - 1] in "第“\"":
                continue
            clause_start = max((b.end() for b in LIST_BREAK.finditer(sent, 0, m.start())), default=0)
            clause = sent[clause_start:m.start()]
            has_verb = bool(m.group("verb")) or bool(m.group("suffix"))
            if not unit or not (has_verb or TARGET_CONTEXT.search(sent[:m.start()])):
                continue
            mult = m.group("mult")
            if unit == "万人":
                unit, mult = "人", "万"
            indicator = re.sub(r"[“”\"‘’\s]", "", INDICATOR_FLUFF.sub("", clause)).strip("，,（(") or None
            if indicator and len(indicator) > 24:
                indicator = indicator[-24:]
            comparator = _comparator(m.group("verb"), m.group("suffix"))
            ty = re.search(r"(?:到|至)?(\d{4})年", sent[:m.start()])
            out.append({
                "indicator": indicator,
                "value": _number(_fold(m.group("num"), mult)),
                "unit": unit,
                "comparator": comparator,
                "year": int(ty.group(1)) if ty else (
                    year if re.search(r"今年|全年|当年", sent[:m.start()]) else None),
                "text": (clause + sent[m.start():m.end()]).strip("，, "),
                "start": s.start() + clause_start,
                "end": s.start() + m.end(),
            })
    return out


def _comparator(verb: str | None, suffix: str | None) -> str:
    if suffix in ("左右", "上下"):
        return "about"
    if suffix in ("以内", "以下", "之内") or verb in ("不超过", "不高于", "低于", "降低到", "降低至", "降至",
                                                 "下降到", "控制在"):
        return "at_most"
    if suffix == "以上" or verb in ("不低于", "不少于", "达到", "超过", "高于", "提高到", "提高至"):
        return "at_least"
    return "equal"


def money_in(text: str, start: int, end: int) -> list[dict]:
    out = []
    for s in SENTENCE.finditer(text, start, end):
        for m in MONEY.finditer(s.group(0)):
            out.append({"value": _number(_fold(m.group("num"), m.group("mult"))), "unit": "元",
                        "text": s.group(0)[max(0, m.start() - 20):m.end()].lstrip("，,。 "),
                        "start": s.start() + m.start(), "end": s.start() + m.end()})
    return out


def deadlines_in(text: str, start: int, end: int, year: int | None) -> list[dict]:
    """Deadlines (6月底前, 2004年6月底前, 年底前 …), resolved with the document's year."""
    out = []
    for m in DEADLINE.finditer(text, start, end):
        y = int(m.group("y")) if m.group("y") else None
        if y is None and year is not None:
            y = year + (1 if m.group("rel") == "明年" else 0)
        date = None
        if m.group("ye"):
            if m.group("ye") in ("底", "末") and not (m.group("y") or m.group("rel")):
                continue  # a bare 底前 is not a deadline
            date = f"{y}-12-31" if y else None
        else:
            month = chinese_to_int(m.group("m"))
            if not month or not 1 <= month <= 12:
                continue
            if y:
                date = _month_deadline(y, month, m.group("d"), m.group("part"))
        sent_end = re.compile(r"[。；;！？!?\n]").search(text, m.end(), end)
        stop = sent_end.start() if sent_end else end
        action = text[m.end():min(stop, m.end() + 60)].lstrip("，, 　")
        if not action:
            action = None
        out.append({"text": m.group(0), "date": date, "action": action,
                    "start": m.start(), "end": m.end()})
    return out


def _month_deadline(y: int, month: int, day: str | None, part: str | None) -> str | None:
    """6月底前 → June 30; 6月15日前 → June 15; 6月中旬前 → June 20; 6月前 → May 31."""
    last = calendar.monthrange(y, month)[1]
    if day:
        d = int(day)
        return f"{y:04d}-{month:02d}-{d:02d}" if 1 <= d <= last else None
    if part in ("底", "末", "下旬"):
        return f"{y:04d}-{month:02d}-{last:02d}"
    if part in ("上旬", "中旬"):
        return f"{y:04d}-{month:02d}-{10 if part == '上旬' else 20:02d}"
    # 6月前 / 6月份前: before the month begins
    if month == 1:
        return f"{y - 1:04d}-12-31"
    return f"{y:04d}-{month - 1:02d}-{calendar.monthrange(y, month - 1)[1]:02d}"


_BY_VERB = re.compile("会同|组织实施|承担")  # AGENCY_BY's other verbs


def agencies_in(text: str, start: int, end: int) -> list[str]:
    """Responsible agencies: 由X负责, X负责, and a trailing （X，Y） list closing a provision."""
    found: list[str] = []
    chunk = text[start:end]
    # Both patterns end in a verb such as 负责 and try an organ name at every position before
    # it: most provisions have no such verb, so they are not searched at all.
    has_verb = "负责" in chunk or "牵头" in chunk
    patterns = []
    if "由" in chunk and (has_verb or _BY_VERB.search(chunk)):
        patterns.append(AGENCY_BY)
    if has_verb:
        patterns.append(AGENCY_SUBJECT)
    for pat in patterns:
        for m in pat.finditer(chunk):
            found += [a for a in re.split(r"[、和及与]", m.group("a")) if ORGAN_FULL_NAME.match(a)]
    closing = chunk.rstrip()
    t = AGENCY_TRAILER.search(closing) if closing.endswith(("）", ")")) else None  # its only end
    if t:
        items = [a.strip() for a in re.split(r"[，,、；;]", t.group("a")) if a.strip()]
        if items and all(ORGAN_FULL_NAME.match(a) for a in items):
            found += items
    cleaned = []
    for a in found:
        a = re.sub(r"^(?:这项工作|此项工作|工作|并|由|要|各级|其中)+", "", a)
        if len(a) >= 2:
            cleaned.append(a)
    return list(dict.fromkeys(cleaned))


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


def concepts_in(text: str, start: int, end: int, scheme_path: str | None = None,
                words: list[tuple[str, int, int]] | None = None) -> list[Mention]:
    """Scheme concepts mentioned in text[start:end], with their spans, in reading order (from
    `words` if the caller has segmented the text already)."""
    scheme = load_scheme(scheme_path)
    if words is None:
        words = words_in(text, start, end, scheme_path)
    return [Mention(scheme.terms[w], s, e) for w, s, e in words if w in scheme.terms]


def _sentence_bounds(text: str, pos: int, lo: int, hi: int) -> tuple[int, int]:
    s = max((m.end() for m in re.finditer(r"[。！？!?\n]", text[lo:pos])), default=0) + lo
    m = re.compile(r"[。！？!?\n]").search(text, pos, hi)
    return s, (m.end() if m else hi)


def _deadline_for(text: str, mention: Mention, deadlines: list[dict], lo: int, hi: int) -> dict | None:
    """The deadline governing a concept: in its clause; else the next one in its sentence (…建立
    平台，确保7月底前进入实施阶段); else the nearest one before it (5月底前，…建立…制度)."""
    s, e = _sentence_bounds(text, mention.start, lo, hi)
    same = [d for d in deadlines if s <= d["start"] < e]
    if not same:
        return None
    clause_start = max((b.end() for b in MEASURE_CLAUSE_BREAK.finditer(text, s, mention.start)), default=s)
    nxt = MEASURE_CLAUSE_BREAK.search(text, mention.end, e)
    clause_end = nxt.start() if nxt else e
    inside = [d for d in same if clause_start <= d["start"] < clause_end]
    if inside:
        return inside[0]
    after = [d for d in same if d["start"] >= mention.end]
    if after:
        return after[0]
    return max(same, key=lambda d: d["start"])


def extract_measures(
    text: str, provisions: list[Provision], year: int | None, scheme_path: str | None = None
) -> dict[str, list[dict]]:
    """Measures, targets, deadlines and money of one part, provision by provision."""
    scheme = load_scheme(scheme_path)
    measures: list[dict] = []
    targets: list[dict] = []
    deadlines: list[dict] = []
    money: list[dict] = []
    shingled: list[bytes | None] = []
    for p in provisions:
        ts = targets_in(text, p.start, p.end, year)
        ds = deadlines_in(text, p.start, p.end, year)
        agencies = agencies_in(text, p.start, p.end)
        for t in ts:
            targets.append({**t, "provision": p.path})
        for d in ds:
            deadlines.append({**d, "provision": p.path})
        money += [{**mo, "provision": p.path} for mo in money_in(text, p.start, p.end)]
        seen: dict[str, dict] = {}
        words = words_in(text, p.start, p.end, scheme_path)
        # The same words give the provision's shingles for text reuse (shingles.py), unless a
        # custom scheme's tokenizer differs from the default one comparisons are defined with.
        shingled.append(pack_shingles(from_words([w for w, _s, _e in words]))
                        if scheme_path is None else None)
        for mention in concepts_in(text, p.start, p.end, scheme_path, words):
            s, e = _sentence_bounds(text, mention.start, p.start, p.end)
            d = _deadline_for(text, mention, ds, p.start, p.end)
            if mention.concept not in seen:
                seen[mention.concept] = {
                    "concept": mention.concept,
                    "label": scheme.concepts[mention.concept].label,
                    "group": scheme.concepts[mention.concept].group,
                    "provision": p.path,
                    "term": text[mention.start:mention.end],
                    "text": re.sub(r"\s+", "", text[s:e])[:300],
                    "start": mention.start,
                    "end": mention.end,
                    "targets": [t["text"] for t in ts if s <= t["start"] < e],
                    "deadlines": [],
                    "agencies": agencies,
                }
            entry = seen[mention.concept]
            if d and d["text"] not in {x["text"] for x in entry["deadlines"]}:
                entry["deadlines"].append({"text": d["text"], "date": d["date"]})
        measures.extend(seen.values())
    return {"measures": measures, "targets": targets, "deadlines": deadlines, "money": money,
            "shingles": shingled}


def _key_term_tagger(scheme_path: str | None) -> Any:
    """jieba's TF-IDF keyword extractor with our tokenizer. Importing jieba.analyse already
    loads the IDF table and the part-of-speech tags (0.8 s) into its default extractor: the
    copies share those tables rather than load them again (the tag table is copied, since a
    part-of-speech tokenizer adds its user words' tags to it)."""
    import jieba.analyse
    import jieba.posseg

    tk = tokenizer(scheme_path)
    pos = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)  # not copy.copy: its
    pos.tokenizer = tk  # __getattr__ forwards to .tokenizer, which must be set first
    pos.word_tag_tab = dict(jieba.posseg.dt.word_tag_tab)
    tfidf = copy.copy(jieba.analyse.default_tfidf)
    tfidf.tokenizer = tk
    tfidf.postokenizer = pos
    return tfidf


def candidate_terms(texts: list[str], scheme_path: str | None = None, per_text: int = 8,
                    top: int = 30, sample: int = 1500,
                    memo: dict[int, tuple[str, ...]] | None = None) -> list[tuple[str, int]]:
    """Key terms of provisions (jieba TF-IDF) that look like measures but no scheme label
    covers, with the number of provisions where each is a key term: material to grow the scheme.

    Part-of-speech tagging is slow, so at most `sample` provisions are read: those with the
    smallest hashes, so that adding a few documents changes the sample only a little. `memo`
    (read and filled) holds each text's key terms under a hash of the text and scheme."""
    if len(texts) > sample:
        texts = sorted(texts, key=lambda t: (zlib.crc32(t.encode("utf-8", "surrogatepass")), t))[:sample]
    scheme = load_scheme(scheme_path)
    tagger = None
    labels = list(scheme.terms)
    counts: dict[str, int] = {}
    salt = hashlib.sha256(Path(scheme_path).read_bytes() if scheme_path else b"shipped").digest() + \
        f"|{__version__}|{per_text}|".encode()
    for text in texts:
        key = int.from_bytes(hashlib.blake2b(salt + text.encode("utf-8", "surrogatepass"),
                                             digest_size=8).digest(), "little")
        tags = memo.get(key) if memo is not None else None
        if tags is None:
            tagger = tagger or _key_term_tagger(scheme_path)
            tags = tuple(tagger.extract_tags(text, topK=per_text, allowPOS=("n", "nz", "vn", "nl")))
            if memo is not None:
                memo[key] = tags
        for term in tags:
            if (len(term) < 2 or NOT_A_TERM.match(term) or term in scheme.terms
                    or term in GENERIC_POLICY_WORDS):
                continue
            if ORGANISH.search(term) or any(term in label or label in term for label in labels):
                continue
            counts[term] = counts.get(term, 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
