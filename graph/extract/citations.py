"""Find the documents a part cites, and how: by number, by title 《…》, by a defined alias, by a
statute's name written without 《》 (bare_names.py).

A citation is first found as a *mention* (a title with the number in brackets after it, a
bare number, a bare title, an alias; an order that introduces a title, …令第8号公布的《X》,
is that title's); its relation, confidence and reason are then read from its sentence by
relations.py, and the cited fragment (第十二条, 附件2) from the words right after it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from policygraph.extract import regexes as rx
from policygraph.extract.bare_names import PREFIX, bare_names
from policygraph.extract.metadata import cited_title
from policygraph.extract.relations import amended_by_title, decide, issued_by_title, named_by_title
from policygraph.models import RELATION_PRIORITY, Citation, NumberMatch

TITLE_MAX = 200  # a 《title》 longer than this is not a title (and bounds the scan)
EVIDENCE_MAX = 240


@dataclass(frozen=True)
class Mention:
    start: int  # normalised span, the bracketed number included
    end: int
    number: NumberMatch | None = None
    title: str | None = None
    alias_def: str | None = None
    bare: bool = False  # a statute named without 《》 (bare_names.py)


def find_titles(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Top-level 《…》 spans in text[start:end], nesting with 《》 and 〈〉 balanced.

    An unbalanced 《 is skipped after TITLE_MAX characters, so the scan is linear even on
    hostile input such as 《《《《…
    """
    spans: list[tuple[int, int]] = []
    i = text.find("《", start, end)
    while i != -1:
        depth, j, limit = 0, i, min(end, i + TITLE_MAX)
        closed = -1
        while j < limit:
            ch = text[j]
            if ch in rx.TITLE_OPEN:
                depth += 1
            elif ch in rx.TITLE_CLOSE:
                depth -= 1
                if depth == 0:
                    closed = j + 1
                    break
            elif ch in "。；;":
                break
            j += 1
        if closed != -1:
            spans.append((i, closed))
            i = text.find("《", closed, end)
        else:
            i = text.find("《", i + 1, end)
    return spans


def find_mentions(
    text: str, start: int, end: int, numbers: list[NumberMatch]
) -> list[Mention]:
    """Every mention of another document in text[start:end], in reading order: 《titles》 (with
    the number or alias in brackets after them), the numbers standing alone, and the statutes
    named without 《》 (bare_names.py) where neither stands."""
    nums = [n for n in numbers if start <= n.start < end]
    mentions, used = _title_mentions(text, start, end, nums)
    for k, n in enumerate(nums):
        if k in used:
            continue
        alias_def = None
        a = rx.ALIAS_DEF.match(text, n.end + (1 if text[n.end:n.end + 1] in "，," else 0))
        if a:
            alias_def = a.group("alias")
        mentions.append(Mention(n.start, n.end, n, None, alias_def))
    long_titles = frozenset(m.title for m in mentions if m.title and m.title.startswith(PREFIX))
    spoken_for = [(m.start, m.end) for m in mentions]
    mentions += [Mention(b.start, b.end, None, b.title, bare=True)
                 for b in bare_names(text, start, end, spoken_for, long_titles)]
    mentions.sort(key=lambda m: m.start)
    return mentions


def _title_mentions(text: str, start: int, end: int,
                    nums: list[NumberMatch]) -> tuple[list[Mention], set[int]]:
    """The 《title》 mentions, each with the number or alias in brackets right after it, and the
    indexes of the numbers they hold (inside the title, or bracketed after it)."""
    starts = [n.start for n in nums]

    def between(lo: int, hi: int) -> range:
        """Indexes of the numbers starting in [lo, hi)."""
        return range(bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi))

    used: set[int] = set()
    mentions: list[Mention] = []
    consumed = start
    for ts, te in find_titles(text, start, end):
        if ts < consumed:
            continue  # 《通知》 inside （…，以下简称《通知》） belongs to the mention before
        used.update(between(ts, te))  # a number inside a title is part of the title
        m_end, number, alias_def = te, None, None
        j = te
        while j < end and text[j] in " \t\n":
            j += 1
        close = _closing_paren(text, j, end) if j < end and text[j] in "（(" else -1
        if close != -1:
            inside = between(j + 1, close)
            if inside:
                number = nums[inside[0]]
                used.update(inside)
            a = rx.ALIAS_DEF.search(text, j, close)
            alias_def = a.group("alias") if a else None
            if number or alias_def:
                m_end = close + 1
        mentions.append(Mention(ts, m_end, number, cited_title(text[ts:te]), alias_def))
        consumed = m_end
    return mentions, used


def _closing_paren(text: str, open_at: int, end: int) -> int:
    depth = 0
    for j in range(open_at, min(end, open_at + 80)):
        if text[j] in "（(":
            depth += 1
        elif text[j] in "）)":
            depth -= 1
            if depth == 0:
                return j
    return -1


def evidence(text: str, start: int, end: int, lo: int, hi: int) -> str:
    """The sentence around a mention, whitespace collapsed, at most EVIDENCE_MAX chars."""
    left = text[max(lo, start - EVIDENCE_MAX // 2):start]
    breaks = list(rx.SENTENCE_BREAK.finditer(left))
    s = start - len(left) + (breaks[-1].end() if breaks else 0)
    m = rx.SENTENCE_BREAK.search(text, end, min(hi, end + EVIDENCE_MAX // 2))
    e = m.end() if m else min(hi, end + EVIDENCE_MAX // 2)
    return re.sub(r"\s+", "", text[s:e])


def extract_citations(
    text: str,
    start: int,
    end: int,
    numbers: list[NumberMatch],
    own_number: str | None,
    own_title: str | None,
    header_numbers: frozenset[int] = frozenset(),
) -> list[tuple[Citation, Mention]]:
    """Citations of the part text[start:end], one per cited document, strongest relation kept.

    `header_numbers` are offsets of numbers that stand in the part's header as its own
    (a joint document may carry several); they are never citations. Offsets in the returned
    citations are normalised; `document.py` maps them back to the original text.
    """
    mentions = _attach_orders(text, find_mentions(text, start, end, numbers))
    own = _Own(own_number, own_title.replace("《", "〈").replace("》", "〉") if own_title else own_title,
               header_numbers, amended_by_title(own_title), issued_by_title(own_title),
               named_by_title(own_title))
    aliases = {m.alias_def: m for m in mentions if m.alias_def and (m.number or m.title)}
    found: dict[str, tuple[Citation, Mention]] = {}
    titles_of_numbers: dict[str, str] = {}
    for m in mentions:
        cit = _citation(text, m, mentions, aliases, start, end, own)
        if cit is None:
            continue
        if cit.number and cit.title:
            titles_of_numbers[cit.title] = cit.number
        _keep_strongest(found, cit, m)
    return _titles_joined_to_numbers(found, titles_of_numbers)


@dataclass(frozen=True)
class _Own:
    """What identifies the citing part itself: a document never cites itself."""

    number: str | None
    title: str | None  # nested 《》 written 〈〉, as cited titles are
    header_numbers: frozenset[int]
    amends: frozenset[str] = frozenset()  # 关于修改《X》的决定: the titles its own title amends
    issues: frozenset[str] = frozenset()  # 关于印发《X》的通知: the titles its own title issues
    named: frozenset[str] = frozenset()  # every title its own title names


def _citation(text: str, m: Mention, mentions: list[Mention], aliases: dict[str, Mention],
              lo: int, hi: int, own: _Own) -> Citation | None:
    """The citation a mention makes, or None: a number of the part's own header, a 《title》
    that names no document, a bare order number that restarts each term, the part itself, or a
    document the addressees are still to write."""
    if m.number and m.number.start in own.header_numbers:
        return None
    target, found_by, alias = _target(m, aliases)
    if target is None:
        return None
    named = _named(target, found_by)
    if named is None:
        return None
    number, title, found_by, order_note = named
    if _not_cited(text, m, lo, hi, own, number, title, found_by):
        return None
    verdict = decide(text, m, mentions, lo, hi, title, own.amends, own.issues, own.named)
    conf = target.number.confidence if target.number and number else 0.85
    if found_by == "name":
        conf = 0.8  # named without 《》: the name is certain, its exact title less so
    if found_by == "alias":
        conf = min(conf, 0.9)
    part = rx.CITED_PART.match(text, m.end, min(hi, m.end + 30))
    return Citation(
        relation=verdict.relation,
        evidence=evidence(text, m.start, m.end, lo, hi),
        start=m.start,
        end=m.end,
        confidence=round(min(conf, verdict.confidence), 2),
        number=number,
        title=title,
        alias=alias or target.alias_def,
        found_by=found_by,
        part=re.sub(r"\s+", "", part.group("part")) if part else None,
        reason=verdict.reason + order_note,
    )


def _named(target: Mention, found_by: str) -> tuple[str | None, str | None, str, str] | None:
    """The number, title, how found and a note on the order, of the document a mention names;
    None for an order number alone that restarts with every term (主席令第13号)."""
    number = target.number.number.canonical if target.number else None
    if target.number and rx.TERM_ORDER_CODES.search(target.number.number.code):
        if not target.title:
            return None  # 主席令第13号 alone: the number is shared by every term's 13th order
        return None, target.title, "title", f" [order {number}, not an identity]"
    return number, target.title, found_by, ""


def _not_cited(text: str, m: Mention, lo: int, hi: int, own: _Own, number: str | None,
               title: str | None, found_by: str) -> bool:
    """Whether the document named is the part itself, or one the addressees are still to write
    (要抓紧制定本地区的《X》; not 《X》确定的任务)."""
    if (number and number == own.number) or (not number and title and own.title and title == own.title):
        return True
    return bool(not number and found_by == "title"
                and rx.TO_BE_MADE.search(text, max(lo, m.start - 40), m.start)
                and not rx.EXISTING_AFTER.match(text, m.end, min(hi, m.end + 40)))


def _attach_orders(text: str, mentions: list[Mention]) -> list[Mention]:
    """An order number right before a title it introduces (…总局令第8号公布的《X》) is that
    title's number, not a citation of its own."""
    out: list[Mention] = []
    skip = False
    for k, m in enumerate(mentions):
        if skip:
            skip = False
            continue
        nxt = mentions[k + 1] if k + 1 < len(mentions) else None
        if (m.number and not m.title and m.number.number.year is None and nxt and nxt.title
                and not nxt.number and rx.ORDER_INTRO.match(text[m.end:nxt.start])):
            out.append(replace(nxt, number=m.number))
            skip = True
            continue
        out.append(m)
    return out


def _target(m: Mention, aliases: dict[str, Mention]) -> tuple[Mention | None, str, str | None]:
    """The mention that says which document is meant, how it was found, and the alias used: a
    number; an alias standing for an earlier mention; a 《title》 that names a document."""
    if m.number:
        return m, "number", None
    if m.title in aliases:
        return aliases[m.title], "alias", m.title
    if m.bare:
        return m, "name", None
    if not _is_document_title(m.title):
        return None, "", None
    return m, "title", None


def _keep_strongest(found: dict[str, tuple[Citation, Mention]], cit: Citation, m: Mention) -> None:
    """One citation per cited document: a repeated one counts a mention more and keeps the
    stronger relation (with its mention)."""
    key = cit.key()
    if key not in found:
        found[key] = (cit, m)
        return
    old, om = found[key]
    stronger = RELATION_PRIORITY[cit.relation] > RELATION_PRIORITY[old.relation]
    merged = replace(cit if stronger else old, mentions=old.mentions + 1,
                     title=old.title or cit.title, alias=old.alias or cit.alias)
    found[key] = (merged, m if stronger else om)


def _titles_joined_to_numbers(found: dict[str, tuple[Citation, Mention]],
                              titles_of_numbers: dict[str, str]) -> list[tuple[Citation, Mention]]:
    """A title cited alone that is also cited with its number elsewhere is the same document:
    its mentions join the number's citation (with its relation, if stronger). In reading order."""
    out: dict[str, tuple[Citation, Mention]] = {}
    for key, (cit, m) in found.items():
        if not cit.number and cit.title in titles_of_numbers:
            nkey = titles_of_numbers[cit.title]
            if nkey in found:
                old, om = out.get(nkey, found[nkey])
                better = RELATION_PRIORITY[cit.relation] > RELATION_PRIORITY[old.relation]
                merged = replace(old, mentions=old.mentions + cit.mentions,
                                 relation=cit.relation if better else old.relation,
                                 evidence=cit.evidence if better else old.evidence,
                                 reason=cit.reason if better else old.reason,
                                 part=old.part or cit.part)
                out[nkey] = (merged, om)
                continue
        out.setdefault(key, (cit, m))
    return sorted(out.values(), key=lambda cm: cm[0].start)


_BARE_DOC_TYPE = re.compile(r"^(?:" + "|".join(rx.DOC_TYPE_WORDS) + r")$")


def _is_document_title(t: str | None) -> bool:
    """A 《title》 names a document by its ending; a gazette, newspaper or website does not."""
    if not t or len(t) < 4 or _BARE_DOC_TYPE.match(t) or rx.NOT_DOCUMENT_TITLE.search(t):
        return False
    return bool(rx.DOC_TITLE_END.search(t))
