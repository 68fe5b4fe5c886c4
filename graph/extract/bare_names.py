"""Statutes named without 《》: 根据宪法…制定本条例, 依照刑法第三百八十二条, 严格执行行政复议法.

Laws and regulations are often cited by their name alone, in 《》-less running text, and a
reader counts them as citations as surely as bracketed ones. Running text is full of words
ending in 法 (办法, 执法, 依法), so a bare name is taken only where a citation is certain:

- after a word that applies a norm (根据, 依据, 依照, 按照, 遵照, 违反, 适用, 执行, 落实); a name
  standing alone (刑法第三百八十四条规定) is not taken: the words before it cannot be told from
  a name's own (经营者违反本条例第十条);
- no word of a clause in the name (应当, 可以, 依照 …: 执行法院应当依照民事诉讼法);
- ending in 法 or 条例, with nothing after it that continues a word (第N条, 的, 规定, 和, 、,
  punctuation, 处罚 …), of at least three characters (宪法 and 刑法 aside), not a deixis
  (本法, 该条例, 有关法律), a common word (办法, 执法, 合法) or a kind of law (上位法, 诉讼法);
  a qualifier before it is not part of it (我国刑法, 修改前商标法: 刑法, 商标法);
- a list after one verb gives each member (根据宪法、地方各级人民代表大会和地方各级人民政府组织法、
  立法法). 和 joins two names only when both end as a statute does; an organic law's own name
  holds 和 between two bodies (…人民代表大会和…人民政府组织法).

A name written the long way in the same text (《中华人民共和国刑法》) is the one given, so the
two mentions are one citation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policygraph.extract.regexes import CJK, CN_NUM

PREFIX = "中华人民共和国"

_TRIGGER = re.compile(r"根据|依据|依照|按照|遵照|违反|适用|执行(?![人机中时])|落实")
#: A qualifier before a name, not part of it: 我国刑法, 修改前商标法 (the law as it stood).
_QUALIFIER = re.compile(r"(?:我国|中国|(?:修改|修订|修正)[前后]的?|修订|新|原|国家(?=宪法|税法))(?=[^法])")
#: Words for kinds of law, not names of a statute.
_KINDS_OF_LAW = frozenset({"上位法", "下位法", "国际法", "诉讼法", "实体法", "程序法", "特别法", "一般法",
                           "部门法", "单行法", "基本法", "组织法", "成文法", "行政法", "民商法", "经济法",
                           "实施条例", "暂行条例", "实施细则", "实施办法"})  # a form, no statute's name
#: What may follow a statute's name: an article, a particle, a list, the end of a clause.
_FOLLOW = (rf"(?=第[{CN_NUM}\d]{{1,6}}[条款章]|的|规定|有关|和|、|及|以及|或者?|等|[，,。；;：:（(）)\s]"
           r"|处罚|追究|予以|给予|定罪|办理|执行|关于|\Z)")
#: A name ends as a statute does, its implementing rules included (专利法实施细则).
_NAME = re.compile(rf"(?P<n>(?:{PREFIX})?[{CJK}]{{1,26}}?(?:法|条例)(?:实施(?:细则|办法))?){_FOLLOW}")
_ENDS = ("法", "条例", "实施细则", "实施办法")
#: Between list members (与 joins words inside names: 基本医疗卫生与健康促进法).
_JOIN = re.compile(r"\s{0,2}[、和及]\s{0,2}")
_SPLIT = re.compile(r"和|及")

_TWO_CHARS = frozenset({"宪法", "刑法"})
_NOT_A_NAME_START = re.compile(r"^(?:本|于|该|此|其|上述|前款|前述|有关|相关|各(?!级人民代表大会)|这|那"
                               r"|下列|以下|现行|其他|国家有关|法律(?!援助)|法规"
                               r"|根据|依据|依照|按照|遵照|违反|适用|执行|落实)")
_NOT_A_NAME_END = re.compile(
    r"(?<!公)(?<!预)(?:司法|算法)$"  # 公司法 and 预算法 are statutes
    r"|(?:办法|方法|做法|说法|看法|想法|用法|手法|写法|执法|违法|合法|守法|普法|非法|依法|无法|犯法|立法"
    r"|语法|疗法|技法|章法)$"
    # methods of calculation and evaluation (按照因素法分配, 综合评分法)
    r"|(?:因素|项目|评分|评标价|分析|收益|市场|权益|定额|德尔菲|成本|比较|计算|测算|系数|加权|平均|排序|打分"
    r"|切块|差额|余额|递减|直线|工作量)法$")
_NOT_IN_A_NAME = re.compile(r"的|规定|办法|制度|或|等|有关|规章|政策|本法|本条例|该法")
#: Words of a clause, never of a statute's name (法院应当依照民事诉讼法).
_CLAUSE_WORDS = re.compile(r"应当|可以|达到|包括|构成|承担|认定|违反|依照|按照|根据|依据|遵守|符合|提交|执行"
                           r"|确定|适用|仍"
                           r"|(?<!自)由|(?<!应)对(?!外)|[在将被并还是]|(?<!基)本")
#: 人民代表大会和…人民政府组织法: 和 between two bodies inside one name.
_BODY_END = re.compile(r"(?:会|院|府|部|委员会|机关|组织)$")


@dataclass(frozen=True)
class BareName:
    """A statute named without 《》: where its name stands, and the title to cite it by."""

    start: int
    end: int
    title: str


def bare_names(text: str, start: int, end: int, spoken_for: list[tuple[int, int]],
               long_titles: frozenset[str] = frozenset()) -> list[BareName]:
    """Statutes named without 《》 in text[start:end], in reading order, none overlapping
    `spoken_for` (the spans of 《titles》 and numbers already found). `long_titles` are titles
    the text writes in full (中华人民共和国刑法): a bare 刑法 is cited by that title."""
    found: dict[int, BareName] = {}
    # a list walks from a verb, or on from a 《title》 (根据《预算法》和预算法实施条例)
    starts = {t.end() for t in _TRIGGER.finditer(text, start, end)}
    for _s, e in spoken_for:
        if start <= e < end and (j := _JOIN.match(text, e, end)):
            starts.add(j.end())
    walked = start  # a verb inside a list already walked (落实 in a name) starts no new walk
    tried: set[int] = set()
    for pos in sorted(starts):
        if pos >= walked:
            walked = _walk_list(text, pos, end, found, tried)
    return [replace_title(b, long_titles) for _s, b in sorted(found.items())
            if not any(lo < b.end and b.start < hi for lo, hi in spoken_for)]


def _walk_list(text: str, pos: int, end: int, found: dict[int, BareName], tried: set[int]) -> int:
    """The names of the list starting at `pos` into `found`; where its last name ends (`pos` if
    it has none, so a verb inside a rejected match still starts its own list: 执行法院应当依照
    民事诉讼法). A member that is no statute's name (规章备案制度和行政复议法) does not end the list."""
    reached = pos
    while pos not in tried and (m := _NAME.match(text, _after_qualifier(text, pos, end), end)):
        tried.add(pos)  # each list member is read once, whichever verb reached it
        names = _names(m)
        for n_start, name in names:
            found.setdefault(n_start, BareName(n_start, n_start + len(name), name))
        if names:
            reached = m.end()
        j = _JOIN.match(text, m.end(), end)
        if not j:
            break
        pos = j.end()
    return reached


def _after_qualifier(text: str, pos: int, end: int) -> int:
    q = _QUALIFIER.match(text, pos, end)
    return q.end() if q else pos


def replace_title(b: BareName, long_titles: frozenset[str]) -> BareName:
    """The bare name as the text writes it in full elsewhere (刑法 → 中华人民共和国刑法)."""
    full = PREFIX + b.title
    return BareName(b.start, b.end, full) if full in long_titles else b


def _names(m: re.Match[str]) -> list[tuple[int, str]]:
    """The names one match holds: one, two joined by 和/及/与 (both statutes), or the one after
    a 和 joining something else (执行规章备案制度和行政复议法). 中华人民共和国 is never split."""
    name, at = m.group("n"), m.start("n")
    head = PREFIX if name.startswith(PREFIX) else ""
    pieces = _SPLIT.split(name[len(head):])
    if len(pieces) == 2 and pieces[0] and _BODY_END.search(pieces[0]) and _is_name(name, joined=True):
        return [(at, name)]  # …人民代表大会和…人民政府组织法: one name
    out: list[tuple[int, str]] = []
    offset = 0
    for k, piece in enumerate(pieces):
        written = head + piece if k == 0 else piece
        if _is_name(written):
            out.append((at + offset, written))
        offset += len(written) + 1
    return out


def _is_name(name: str, joined: bool = False) -> bool:
    name = name.removeprefix(PREFIX)
    if not name.endswith(_ENDS) or _CLAUSE_WORDS.search(name):
        return False
    if (len(name) < 3 and name not in _TWO_CHARS) or name in _KINDS_OF_LAW:
        return False
    if _NOT_A_NAME_START.search(name) or _NOT_A_NAME_END.search(name):
        return False
    inner = re.sub(r"(?:法|条例)(?:实施(?:细则|办法))?$", "", name)
    return not _NOT_IN_A_NAME.search(inner) and (joined or not _SPLIT.search(inner))
