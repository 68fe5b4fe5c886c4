"""What a header says happened to a text, and when: its history lines, and when it takes effect.

A regulation's header lists its history, one event a line or run together in brackets:

    2003年8月8日 上海市第十二届人民代表大会常务委员会第六次会议通过
    根据2010年9月17日上海市…第二十一次会议《关于修改本市部分地方性法规的决定》第一次修正
    2012年8月1日 施行

Each date in the header starts an event that runs to the next date; its verb (通过 or 制定, 批准,
公布, 发布, 修正, 修订) says what happened and the body before the verb who did it. 施行 lines are not
history: they say when the text takes effect, as do the final articles (本条例自…起施行).
Only the header and those final sentences are read, never a date the body only mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policygraph.extract import regexes as rx
from policygraph.extract.issuers import organ
from policygraph.extract.metadata import date_from_match
from policygraph.models import HistoryEvent

#: The header ends at the body: its first sentence, article or chapter; never later than this.
HEADER_LIMIT = 2500
_BODY_START = re.compile(
    r"。|^\s*(?:#+\s*)?第[一1]\s*[条章]|^\s*(?:#+\s*)?(?:目\s*录|总\s*则)\s*$", re.MULTILINE
)

#: A history line: a date first, perhaps after a bracket or 根据.
_DATED_LINE = re.compile(rf"\s*[（(]?\s*(?:根据)?\s*{rx.DATE.pattern}")
#: A line that names only the order that promulgated the text: 中华人民共和国国务院令第692号.
_ORDER_ONLY = re.compile(r"令\s*[（(]?\s*第?\s*[\d一二三四五六七八九十百零〇]+\s*号\s*[）)]?$")

#: The verbs of a history line, combined forms first (修订通过 is a revision, not an adoption).
_VERB = re.compile(
    r"(?P<verb>(?:修订|修正)(?:通过|发布|公布)|审议通过|通过|制定(?![本或和])|批准|公布|发布|颁布|修正|修订"
    r"|施行|实施)"
    r"(?!日期|时间|之日|机关|机构|单位|(?:通过|发布|公布)?的.|规定|前)"  # 通过的《X》: a mention
)
_KIND = {"修订通过": "revised", "修正通过": "amended", "修订发布": "revised", "修正发布": "amended",
         "修订公布": "revised", "修正公布": "amended", "审议通过": "adopted", "通过": "adopted",
         "制定": "adopted", "批准": "approved", "公布": "promulgated", "发布": "promulgated",
         "颁布": "promulgated", "修正": "amended", "修订": "revised", "施行": "in_force", "实施": "in_force"}
#: 批准的《关于修改…的决定》第一次修正: the province approves the city's amending decision.
_APPROVES_CHANGE = re.compile(r"批准的?\s*[《]?[^》]*[》]?\s*(?:第.{1,3}次)?(?P<change>修正|修订)")
#: An amending decision named without brackets: …会议关于修改《X》等十二件地方性法规的决定第一次修正.
_BARE_DECISION = re.compile(r"(?:会议|^)\s*(?P<title>关于[^，,。；;\n]{2,120}?的决定)")
_BRACKETED = re.compile(r"《(?P<t>(?:[^《》]|《[^《》]*》)*)》")
_TRIM = " \t\u3000\n（()）【】[]，,、：:"
#: The last words before the next date that belong to it, not to this event.
_TAIL = re.compile(r"(?:根据|经|并|自|于)\s*$")

#: 自公布之日起施行 after a dated promulgation: in force on that date.
_SAME_DAY_IN_FORCE = re.compile(r"[\s，,]*自\s{0,2}(?:公布|发布|颁布)之日起?\s{0,2}(?:施行|实施|生效)")

#: 本条例自2019年3月1日起施行, 现予公布，自公布之日起施行: a text's own entry into force.
IN_FORCE = re.compile(
    r"(?P<subject>本[^\s，,。；;自]{1,8}|予以公布|现予公布|现予发布|公布|发布|印发)[，,\s]{0,2}"
    rf"自\s{{0,2}}(?:(?P<date>{rx.DATE.pattern})|(?P<day>公布|发布|印发|颁布|下发)之日)"
    r"\s{0,2}起(?:施行|实施|执行|生效)"
)


@dataclass(frozen=True)
class Line:
    """One event of the header: the event, the bodies that acted, and its place in the text."""

    event: HistoryEvent
    bodies: tuple[str, ...]
    start: int


@dataclass(frozen=True)
class Header:
    """What a header's dated lines say: the history (oldest first, with who acted) and a 施行 line."""

    lines: tuple[Line, ...]
    in_force: str | None = None
    in_force_text: str = ""
    bare_date: str | None = None  # a date alone on its line, no event named: the text's date

    @property
    def history(self) -> tuple[HistoryEvent, ...]:
        return tuple(ln.event for ln in self.lines)


def header_zone(text: str, start: int, end: int) -> int:
    """Where the header that begins at `start` ends: at the body's first sentence, article,
    chapter or table of contents (its title line is skipped)."""
    first_line = text.find("\n", start, end)
    lo = first_line if first_line != -1 else start
    limit = min(end, start + HEADER_LIMIT)
    pos = lo
    while m := _BODY_START.search(text, pos, limit):
        if m.group() != "。":
            return m.start()
        line_start = max(lo, text.rfind("\n", lo, m.start()) + 1)
        if not _DATED_LINE.match(text, line_start):  # the sentence's whole line is body
            return line_start
        pos = m.end()  # a history line with a full stop in it (…修订发布。根据)
    return limit


def read_header(text: str, start: int, end: int) -> Header:
    """The history lines and the 施行 line of text[start:end], a part's header."""
    dates = [m for m in rx.DATE.finditer(text, start, end) if date_from_match(m)]
    raw: list[tuple[re.Match[str], str, str | None]] = []
    for i, m in enumerate(dates):
        stop = dates[i + 1].start() if i + 1 < len(dates) else end
        raw += _events(m, _first_event(re.split(r"[。；;]", text[m.end():stop])[0]))
    # 最高人民法院审判委员会第1878次会议、2024年…检察委员会…通过: a body with no verb of its own
    # shares the next line's.
    for i in range(len(raw) - 2, -1, -1):
        m, seg, kind = raw[i]
        if kind is None and re.search(r"会议\s*[、，,和及]\s*$", seg):
            raw[i] = (m, seg, raw[i + 1][2])
    lines: list[Line] = []
    in_force, in_force_text, bare = None, "", None
    for m, seg, kind in raw:
        if kind is None:
            if bare is None and not seg.split("\n")[0].strip(_TRIM) and _alone(text, m):
                bare = date_from_match(m)
            continue
        written = _written(text[m.start():m.end()] + seg)
        if kind == "in_force":
            in_force, in_force_text = in_force or date_from_match(m), in_force_text or written
            continue
        lines.append(_line(m, seg, kind, written))
    return Header(_ordered(_city_amendments(lines)), in_force, in_force_text, bare)


def _events(m: re.Match[str], seg: str) -> list[tuple[re.Match[str], str, str | None]]:
    """The events a dated segment states, with their kinds: one, or a promulgation that also
    puts the text in force that day (…令第300号公布，自公布之日起施行), which is two."""
    same_day = _SAME_DAY_IN_FORCE.search(seg)
    if same_day is None or not seg[:same_day.start()].strip(_TRIM):
        return [(m, seg, _kind(seg))]
    head = seg[:same_day.start()]
    kind = _kind(head)
    return [(m, head, kind)] + ([(m, seg, "in_force")] if kind == "promulgated" else [])


def _alone(text: str, m: re.Match[str]) -> bool:
    """Whether a date stands alone at the start of its line (1982年2月27日 under a title)."""
    return not text[text.rfind("\n", 0, m.start()) + 1:m.start()].strip(_TRIM)


def _first_event(seg: str) -> str:
    """The lines of a segment up to the first that ends with a verb (交通部 / 水产部发布 is one
    event over two lines; a preamble after 施行 is not part of it)."""
    lines = seg.split("\n")
    for i, line in enumerate(lines):
        plain = _TAIL.sub("", line.strip(_TRIM))
        if (v := list(_VERB.finditer(plain))) and v[-1].end() == len(plain):
            return "\n".join(lines[:i + 1])
    return seg


def _kind(seg: str) -> str | None:
    """The kind of event a segment after a date states, by its last verb outside 《》."""
    plain = _BRACKETED.sub("《》", _TAIL.sub("", seg.strip(_TRIM)))
    if len(plain) > 160:
        return None
    if _APPROVES_CHANGE.search(plain):
        return "approved"
    verbs = list(_VERB.finditer(plain))
    if verbs and (re.search(r"[，,：:]", plain[:verbs[-1].start()])
                  or re.search(rf"[，,：:][^{rx.CJK}]*[{rx.CJK}]", plain[verbs[-1].end():])):
        return None  # a sentence (根据2019年…修订的《X》，结合实际，制定本解释): not a history line
    if verbs:
        return _KIND[verbs[-1].group("verb")]
    return "promulgated" if _ORDER_ONLY.search(plain) else None


def _written(s: str) -> str:
    return _TAIL.sub("", re.sub(r"\s+", " ", s).strip(_TRIM)).strip(_TRIM)


def _line(m: re.Match[str], seg: str, kind: str, written: str) -> Line:
    by = _decision(seg)
    plain = re.split(r"《|关于", seg)[0]
    verb = _VERB.search(plain)
    body_text = plain[:verb.start()] if verb else plain
    if kind == "approved":
        body_text = body_text.removesuffix("的")
    bodies = tuple(organ(body_text)) if body_text.strip(_TRIM) else ()
    return Line(HistoryEvent(kind, date_from_match(m), by, written), bodies, m.start())


def _decision(seg: str) -> str | None:
    """The deciding document's title a line names: 《X》 (nested brackets as 〈〉), or 关于…的决定."""
    bare = _BARE_DECISION.search(seg.strip(_TRIM))
    m = _BRACKETED.search(seg)
    if bare and not (m and seg.find("《") < seg.find(bare.group("title"))):
        return bare.group("title").replace("《", "〈").replace("》", "〉")
    return m.group("t").replace("《", "〈").replace("》", "〉") if m else None


def _city_amendments(lines: list[Line]) -> list[Line]:
    """A city's amendment is passed by the city and approved by its province: 通过 then 批准的
    《决定》修正. The 通过 is then the amendment (not a new adoption), by the same decision."""
    out = list(lines)
    for i in range(1, len(out)):
        ev = out[i].event
        change = _APPROVES_CHANGE.search(_BRACKETED.sub("《》", ev.text))
        prev = out[i - 1]
        if change and prev.event.kind == "adopted" and i - 1 > 0:
            kind = "amended" if change.group("change") == "修正" else "revised"
            out[i - 1] = Line(HistoryEvent(kind, prev.event.date, ev.by or prev.event.by, prev.event.text),
                              prev.bodies, prev.start)
    return out


def _ordered(lines: list[Line]) -> tuple[Line, ...]:
    """Oldest first; lines of one date keep the order written."""
    return tuple(sorted(lines, key=lambda ln: ln.event.date or ""))


def in_force_sentence(text: str, start: int, end: int, form: str | None) -> tuple[re.Match[str] | None, str]:
    """The sentence that says when the part takes effect: 本<form>自…起施行 (its own form's word:
    本条例 for a 条例), else the first such sentence with any subject; and how it was chosen."""
    found = list(IN_FORCE.finditer(text, start, end))
    if not found:
        return None, ""
    if form:
        own = [m for m in found if m.group("subject") == "本" + form]
        if own:
            return own[-1], f"final article (本{form}自…起施行)"
    return found[0], "sentence stating the entry into force"


#: The bracketed history under the title of a text an order promulgates (国务院令第707号 …
#: 中华人民共和国个人所得税法实施条例 （1994年1月28日…令第142号发布　根据…第一次修订）).
_HISTORY_BLOCK = re.compile(
    rf"^[ \t\u3000]*[（(](?=[ \t\u3000]*(?:根据)?{rx.DATE.pattern})[^）)]{{4,1200}}[）)]", re.MULTILINE)
#: How far after an order's opening its promulgated text's title and history may stand.
ORDER_COVER_LIMIT = 1500


def promulgated_header(text: str, start: int, end: int) -> Header:
    """The history of the text an order's cover promulgates: the first bracketed block of dated
    lines standing on its own line within ORDER_COVER_LIMIT characters of the order's start (an
    order's own header holds only its number and 现公布《X》)."""
    m = _HISTORY_BLOCK.search(text, start, min(end, start + ORDER_COVER_LIMIT))
    return read_header(text, m.start(), m.end()) if m else Header(())


def names_earlier_version(number: str | None, title: str | None, events: tuple[HistoryEvent, ...]) -> bool:
    """Whether a citation by an order's number alone is the text's own earlier version: a history
    line naming no decision (1994年1月28日国务院令第142号发布, 公安部令第127号修订发布) is the order
    that promulgated this work before, not another document the text cites."""
    if not number or title or not number.split("第")[0].endswith("令"):
        return False
    key = "".join(number.split())
    return any(h.by is None and key in "".join(h.text.split()) for h in events)
