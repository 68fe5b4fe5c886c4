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
SENTENCE_MAX = 3000


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
_IN_DECISION_LEFT = re.compile(r"关于(?:修改|修订|废止)[□、，,和及与\s]*$")
_IN_DECISION_RIGHT = re.compile(r"^[^。；;《]{0,40}?的决定")
_OF_NEXT = re.compile(r"^[^。；;□]{0,12}?的\s{0,2}□")
_INNER_TITLE = re.compile(r"[《〈]([^《〈》〉]{2,120})[》〉]")
_AMENDING_TITLE = re.compile(r"关于修改|关于修订")
_ISSUING_TITLE = re.compile(r"印发|发布|公布")


def amended_by_title(own_title: str | None) -> frozenset[str]:
    """The titles a document amends by its own title: 关于修改《X》等…的决定 → {X}."""
    if not own_title or not _AMENDING_TITLE.search(own_title):
        return frozenset()
    return frozenset(_INNER_TITLE.findall(own_title))


def issued_by_title(own_title: str | None) -> frozenset[str]:
    """The titles a document issues by its own title: 关于印发《X》的通知 → {X}."""
    if not own_title or not _ISSUING_TITLE.search(own_title):
        return frozenset()
    return named_by_title(own_title)


def named_by_title(own_title: str | None) -> frozenset[str]:
    """Every title a document's own title names: its title line is no other document's name."""
    return frozenset(_INNER_TITLE.findall(own_title)) if own_title else frozenset()


def decide(text: str, m: Span, others: Sequence[Span], lo: int, hi: int, title: str | None,
           amended: frozenset[str] = frozenset(), issued: frozenset[str] = frozenset(),
           named: frozenset[str] = frozenset()) -> Verdict:
    """The relation of the mention text[m.start:m.end] within text[lo:hi]."""
    right = _masked(text, m.end, min(hi, m.end + RIGHT_WINDOW), others)
    # the whole rest of the sentence, however long (根据《X》……，制定本预案); masked first, since
    # another title may hold a line break
    rest = _masked(text, m.end, min(hi, m.end + SENTENCE_MAX), others)
    sentence_right = rx.SENTENCE_BREAK.split(rest, maxsplit=1)[0]
    gap = rx.LIST_GAP.match(right)
    after_list = right[gap.end() if gap else 0:]
    left = _masked(text, max(lo, m.start - LEFT_WINDOW), m.start, others)
    stated = _stated_after(right, after_list, sentence_right, title, amended)
    if stated and stated.relation == "amends" and title not in amended and rx.UNDER_WAY_BEFORE.search(left):
        # 环保总局正在对《X》进行修订: a revision under way, someone else's, not this document's act
        return Verdict("cites", 0.8, "narrated revision: " + stated.reason)
    if stated:
        return stated
    inside = None if title in named else _inside_another_title(left, right)
    if inside:
        return inside
    sentence_left = rx.SENTENCE_BREAK.split(left)[-1]
    clause = left[_clause_start(left):]
    verb = _governing_verb(clause)
    if verb is None:
        if rx.ATTACHED.match(right):
            return Verdict("issues", 0.85, "《X》（见附件）")
        # 做好《A》和《B》的落实工作: the verb after the list governs each member
        listed = rx.SENTENCE_BREAK.split(after_list, maxsplit=1)[0]
        return _policy_after(listed) or Verdict("cites", 0.8, "no relation verb: a mention")
    group, at, word = verb
    if _PREPOSITION.search(clause[at:]) and group in ("policy", "execute", "basis", "accordance"):
        # 落实…对《X》的批示: the verb governs the 批示; X sits in a prepositional phrase.
        return Verdict("cites", 0.9, word + "…对《X》: X only in a prepositional phrase")
    sentence = sentence_left + "□" + sentence_right
    before = clause[:at - len(word)]
    if group in ("issues", "amends"):
        return _own_act(group, word, before, clause[at:], title in (issued | amended), sentence)
    verdict = _by_group(group, word, sentence, sentence_right,
                        rx.SENTENCE_BREAK.split(after_list, maxsplit=1)[0])
    if verdict.relation == "based_on" and title and rx.REQUEST_TITLE.search(title):
        return Verdict("cites", 0.85, "the request this reply answers: " + verdict.reason)
    return verdict


def _stated_after(right: str, after_list: str, sentence_right: str, title: str | None,
                  amended: frozenset[str]) -> Verdict | None:
    """A header history line, an act stated after the citation and its list, or this
    document's own title (关于修改《X》的决定) decides before any verb to the left."""
    if title and ("决定" in title or "修正案" in title) and rx.HISTORY_RIGHT.match(right):
        # …决定》修正的《X》: the history of the title that follows, not of this document.
        of_next = _OF_NEXT.match(right)
        whose = "amendment history of the next title" if of_next else "amended by (header history)"
        return Verdict("cites", 1.0, whose + ": " + sentence_right[:20])
    for rel, pat in rx.RIGHT_ACTS:
        act = pat.match(after_list)
        if act:
            return Verdict(rel, 1.0, act.group(0).strip(" ，,\t\n"))
    if title and title in amended:
        return Verdict("amends", 1.0, "this document's title: 关于修改《" + title + "》")
    return None


def _inside_another_title(left: str, right: str) -> Verdict | None:
    """A title named inside another document's unbracketed name is only mentioned there."""
    if _IN_DECISION_LEFT.search(left) and _IN_DECISION_RIGHT.match(right):
        # …关于修改《X》等九件地方性法规的决定第一次修正: X is named inside the title of the
        # decision that amended this document; two documents it amended are not related.
        return Verdict("cites", 0.9, "named in the title of a decision: 关于修改《X》…的决定")
    if rx.IN_TITLE_LEFT.search(left) and rx.IN_TITLE_RIGHT.match(right):
        # …关于…暂时调整实施《X》有关规定的决定: X is named inside another document's name.
        return Verdict("cites", 0.85, "named inside another title: 关于…《X》…的决定")
    return None


def _policy_after(after: str, pat: re.Pattern[str] = rx.CARRIED_OUT_AFTER) -> Verdict | None:
    """贯彻/落实 after the title governs it (保障《X》的贯彻实施); with no verb before the title,
    only if no other citation stands between (it would be the one governed)."""
    carried = pat.match(after)
    if carried:
        return Verdict("implements", 0.8, "《X》…" + carried.group("verb"))
    return None


def _own_act(group: str, word: str, before: str, between: str, titled: bool, sentence: str) -> Verdict:
    """印发/修订《X》 is this document's act only when it says so (现印发, 决定修改, or its own
    title 关于印发《X》的通知); narrated (2018年，国务院印发《X》; 正在修订《X》) it is not."""
    if titled or rx.OWN_ACT_BEFORE.search(before):
        return Verdict(group, 0.9, word + "《X》")
    if group == "amends" and not rx.UNDER_WAY_BEFORE.search(before) and not rx.UNDER_WAY_AFTER.match(between):
        return Verdict(group, 0.85, word + "《X》")
    if rx.POLICY_VERB.search(sentence):
        return Verdict("implements", 0.8, "narrated " + word + "《X》, with 贯彻/落实 in the sentence")
    return Verdict("cites", 0.8, "narrated " + word + "《X》: someone else's act")


def _by_group(group: str, word: str, sentence: str, after: str, after_list: str) -> Verdict:
    """Turn a verb group into a relation, reading the rest of the sentence."""
    if group in ("repeals", "forwards"):
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
    if rx.CITED_PART.match(after) or _APPLIED.match(after):
        return Verdict("cites", 0.8, "provision cross-reference: " + word + "《X》…规定执行")
    policy = _policy_after(after, rx.CARRIED_OUT_LATER)  # 按照《A》和《B》，全面落实…
    if policy:
        return Verdict("implements", 0.75, word + policy.reason)
    if _PROVISION.match(after.lstrip("的 ")):
        return Verdict("cites", 0.8, "provision cross-reference: " + word + "《X》…规定")
    return Verdict("cites", 0.7, word + "《X》: compliance, no enacting clause, no policy object")


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
