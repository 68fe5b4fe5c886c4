"""What a citation's own sentence says about it: its relation, how sure, and which words decided.

The definitions (and their trigger lists and borderline cases) are in docs/relations.md. In
order: a header history line (根据《…决定》修正) only `cites`; an act stated after the citation
and the rest of its list (《A》、《B》同时废止, 对《A》《B》作如下修改, 现将《X》转发给你们) wins;
then the nearest governing verb to its left in the same clause, other citations skipped over,
read with the rest of the sentence: 根据《X》…制定本条例 is the legal basis (`based_on`),
贯彻落实《X》 policy implementation (`implements`), 依照《X》…处罚 a provision cross-reference
(`cites`). A decision titled 关于修改《X》的决定 amends X wherever its text names X.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from policygraph.extract import regexes as rx

LEFT_WINDOW = 240
RIGHT_WINDOW = 300


class Span(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


@dataclass(frozen=True)
class Verdict:
    """A citation's relation, the confidence that the relation is right, and why."""

    relation: str
    confidence: float
    reason: str


_PREPOSITION = re.compile(r"(?:对|关于|有关)(?!照)")
_PROVISION = re.compile(r"(?:有关规定|的规定|规定)")
#: 依照《X》的规定执行: the provisions apply (a cross-reference), unlike 根据《X》抓好落实.
_APPLIED = re.compile(r"^\s{0,2}(?:文件)?的?(?:有关|相关)?规定(?:执行|办理|处理|确定|认定)")
_CARRIED_OUT = re.compile(r"(?:执行|落实|实施)")
_IN_DECISION_LEFT = re.compile(r"关于(?:修改|修订|废止)[□、，,和及与\s]*$")
_IN_DECISION_RIGHT = re.compile(r"^[^。；;《]{0,40}?的决定")
_OF_NEXT = re.compile(r"^[^。；;□]{0,12}?的\s{0,2}□")
_INNER_TITLE = re.compile(r"[《〈]([^《〈》〉]{2,120})[》〉]")
_AMENDING_TITLE = re.compile(r"关于修改|关于修订")


def amended_by_title(own_title: str | None) -> frozenset[str]:
    """The titles a document amends by its own title: 关于修改《X》等…的决定 → {X}."""
    if not own_title or not _AMENDING_TITLE.search(own_title):
        return frozenset()
    return frozenset(_INNER_TITLE.findall(own_title))


def decide(text: str, m: Span, others: Sequence[Span], lo: int, hi: int, title: str | None,
           amended: frozenset[str] = frozenset()) -> Verdict:
    """The relation of the mention text[m.start:m.end] within text[lo:hi]."""
    right = _masked(text, m.end, min(hi, m.end + RIGHT_WINDOW), others)
    sentence_right = rx.SENTENCE_BREAK.split(right, maxsplit=1)[0]
    if title and ("决定" in title or "修正案" in title) and rx.HISTORY_RIGHT.match(right):
        # …决定》修正的《X》: the history of the title that follows, not of this document.
        of_next = _OF_NEXT.match(right)
        whose = "amendment history of the next title" if of_next else "amended by (header history)"
        return Verdict("cites", 1.0, whose + ": " + sentence_right[:20])
    gap = rx.LIST_GAP.match(right)
    after_list = right[gap.end() if gap else 0:]
    for rel, pat in rx.RIGHT_ACTS:
        act = pat.match(after_list)
        if act:
            return Verdict(rel, 1.0, act.group(0).strip(" ，,\t\n"))
    if title and title in amended:
        return Verdict("amends", 1.0, "this document's title: 关于修改《" + title + "》")
    left = _masked(text, max(lo, m.start - LEFT_WINDOW), m.start, others)
    if _IN_DECISION_LEFT.search(left) and _IN_DECISION_RIGHT.match(right):
        # …关于修改《X》等九件地方性法规的决定第一次修正: X is named inside the title of the
        # decision that amended this document; two documents it amended are not related.
        return Verdict("cites", 0.9, "named in the title of a decision: 关于修改《X》…的决定")
    sentence_left = rx.SENTENCE_BREAK.split(left)[-1]
    clause = left[_clause_start(left):]
    verb = _governing_verb(clause)
    if verb is None:
        return Verdict("cites", 0.8, "no relation verb: a mention")
    group, at, word = verb
    if _PREPOSITION.search(clause[at:]) and group in ("policy", "execute", "basis", "accordance"):
        # 落实…对《X》的批示: the verb governs the 批示; X sits in a prepositional phrase.
        return Verdict("cites", 0.9, word + "…对《X》: X only in a prepositional phrase")
    return _by_group(group, word, sentence_left + "□" + sentence_right, sentence_right,
                     rx.SENTENCE_BREAK.split(after_list, maxsplit=1)[0])


def _by_group(group: str, word: str, sentence: str, after: str, after_list: str) -> Verdict:
    """Turn a verb group into a relation, reading the rest of the sentence."""
    if group in ("repeals", "amends", "forwards", "issues"):
        return Verdict(group, 0.9, word + "《X》")
    if group == "cites":
        return Verdict("cites", 0.9, word + "《X》")
    if group == "policy":
        return Verdict("implements", 0.95, word + "《X》")
    obj = rx.POLICY_OBJECT.match(after_list)  # 根据《A》和《B》精神: the list shares its object
    if obj:
        return Verdict("implements", 0.9, word + "《X》" + obj.group(0).strip())
    enacting = rx.ENACTING.search(sentence)
    if enacting:
        strict = enacting.group(0).startswith(("制定", "制订", "特制定", "修订"))
        return Verdict("based_on", 1.0 if strict else 0.8, word + "《X》…" + enacting.group(0))
    penalty = rx.PENALTY_REMEDY.search(sentence)
    if penalty:
        return Verdict("cites", 0.9, "provision cross-reference: " + word + "《X》…" + penalty.group(0))
    if group == "execute":
        return Verdict("implements", 0.8, word + "《X》")
    if rx.CITED_PART.match(after) or _APPLIED.match(after):
        return Verdict("cites", 0.8, "provision cross-reference: " + word + "《X》…规定执行")
    carried = _CARRIED_OUT.search(after)
    if carried:
        return Verdict("implements", 0.75, word + "《X》…" + carried.group(0))
    if _PROVISION.match(after.lstrip("的 ")):
        return Verdict("cites", 0.8, "provision cross-reference: " + word + "《X》…规定")
    if group == "basis":
        return Verdict("implements", 0.7, word + "《X》 (no enacting clause, no provision)")
    return Verdict("cites", 0.7, word + "《X》 (accordance, no policy object)")


def _clause_start(left: str) -> int:
    """Where the citation's clause starts: after the last break, but a comma between two
    citations (根据《A》，《B》) separates list members, not clauses."""
    for b in reversed(list(rx.CLAUSE_BREAK.finditer(left))):
        before, after = left[b.start() - 1:b.start()], left[b.end():b.end() + 1]
        listed = b.group() in "，," and before == "□" and after in ("□", "")
        if not listed:
            return b.end()
    return 0


def _governing_verb(clause: str) -> tuple[str, int, str] | None:
    """The verb nearest the citation's left in its clause: (group, end offset, the word)."""
    best: tuple[int, int, str, str] | None = None
    for rank, (group, pat) in enumerate(rx.LEFT_VERBS):
        for v in pat.finditer(clause):
            cand = (v.end(), -rank, group, v.group(0))
            if best is None or cand[:2] > best[:2]:
                best = cand
    if best is None:
        return None
    return best[2], best[0], best[3]


def _masked(text: str, a: int, b: int, others: Sequence[Span]) -> str:
    """text[a:b] with every other citation collapsed to one □, so verbs and acts see past it."""
    if a >= b:
        return ""
    out: list[str] = []
    pos = a
    k = bisect.bisect_right(others, a, key=lambda o: o.end)  # skip those ending by a
    while k < len(others) and others[k].start < b:
        o = others[k]
        s, e = max(o.start, a), min(o.end, b)
        if s >= pos:
            out.append(text[pos:s])
            out.append("□")
            pos = e
        k += 1
    out.append(text[pos:b])
    return "".join(out)
