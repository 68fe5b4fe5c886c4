"""Who issued a part, from each place a real page says it, other than its title and signature
(metadata.py reads those): the adoption line of a regulation, a letterhead, a metadata field of
the site, the opening of an order (令) or announcement (公告).

Names are kept as written but normalised to the organ: the session and meeting are dropped
(上海市第十二届人民代表大会常务委员会第六次会议 → 上海市人民代表大会常务委员会), a court's
adjudication committee is the court (最高人民法院审判委员会 → 最高人民法院), an order or
announcement is its organ's (中华人民共和国国务院令第620号 → 国务院).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from policygraph.extract import regexes as rx
from policygraph.models import NATION

if TYPE_CHECKING:  # history.py reads organ names with this module's organ()
    from policygraph.extract.history import Line

_CN_NUM = r"[\d〇零一二三四五六七八九十百千两]+"
#: Parts of a body's name that say when it met, not who it is.
_SESSION = re.compile(rf"第?{_CN_NUM}(?:届|次(?:全体|常务)?会议)|(?:常务|全体)?会议$|第{_CN_NUM}次$|于$")
#: Trailing words that name a body's instrument or committee rather than the organ.
_INSTRUMENT = re.compile(
    rf"(?:(?<=法院)审判委员会|(?<=检察院)检察委员会|公告|令|通告)(?:\s*[（(]?\s*第?{_CN_NUM}号\s*[）)]?)?$"
)
#: Short forms of organs that have one full name.
_SHORT = ((re.compile(r"人大常委会$"), "人民代表大会常务委员会"), (re.compile(r"人大$"), "人民代表大会"),
          (re.compile(r"^中央军委$"), "中央军事委员会"), (re.compile(r"(?<=^[省市县区州])政府$"), "人民政府"))
#: National organs a title runs together without a separator (最高人民法院最高人民检察院关于…).
_GLUED = re.compile(
    r"(?:(?<=法院)|(?<=察院)|(?<=国务院)|(?<=中共中央))(?=最高人民|国务院|中央军事委员会|中共中央)"
)
#: The place a title starts with: 青岛市…条例, 景宁畲族自治县…条例.
_TITLE_PLACE = re.compile(r"^(?P<place>[^\s，,、《]{1,12}?(?:自治区|自治州|自治县|省|市|县|区|州|盟|旗))")
#: A people's congress or its standing committee, which approves the regulations of the cities
#: and autonomous areas under it.
_CONGRESS = re.compile(r"人民代表大会(?:常务委员会)?$")
_LEAD = re.compile(r"^(?:根据|已由|已经|由|经|并)")
#: A name that is only an abbreviation placed by its reader (省政府办公厅, 市政府办): not an issuer
#: on its own, because it does not say which province or city.
_PLACELESS = re.compile(r"^(?:省|市|县|区|州|本|我)")

#: 发文机关：…, 发布机构 | …: the site's metadata field naming the issuer (索引号, 主题分类 are not).
ISSUER_FIELD = re.compile(
    r"(?P<field>发文机关|发文机构|发文单位|发布机构|发布机关|发布单位|制发机关|制定机关|颁布机关)"
    r"(?:\s{0,3}[:：|｜]\s{0,3}[|｜]?|[ \t]*\n|\t)\s{0,3}(?P<value>[^|｜\n\t]{2,80})"
)
#: A letterhead line: 湖北省人民政府文件, 国务院办公厅文件, 北京市人民政府令.
LETTERHEAD = re.compile(rf"^\s*(?P<organ>[{rx.CJK}、 ]{{2,40}}?)\s*(?P<kind>文件|令)\s*$", re.MULTILINE)
#: The opening of an order or announcement: …已由…第N次会议于…通过, 已经…常务会议通过.
#: The meeting may be numbered within a term, with or without 第 (第十三届154次常务会议).
OPENING = re.compile(
    rf"(?:已由|已经|业经|经|由)(?P<body>[^，,。；;《》\n]{{2,60}}?(?:第{_CN_NUM}届)?第?{_CN_NUM}次(?:全体|常务)?会议)"
    rf"(?:于?\s{{0,2}}{rx.DATE.pattern})?\s{{0,2}}(?:审议)?(?:修订|修改)?通过"
)


def organ(raw: str, expand: bool = True) -> list[str]:
    """The organs a body's name stands for, normalised; [] when it names none. `expand`: short
    forms written out (人大常委会, 中央军委); a title's names keep them as written.

    >>> organ("上海市第十二届人民代表大会常务委员会第六次会议")
    ['上海市人民代表大会常务委员会']
    >>> organ("中华人民共和国国务院、中华人民共和国中央军事委员会令第194号")
    ['国务院', '中央军事委员会']
    >>> organ("最高人民法院审判委员会第1242次会议")
    ['最高人民法院']
    """
    s = _LEAD.sub("", rx.DATE.sub("", re.sub(r"\s+", " ", raw)).strip(" \t\u3000，,、（()）"))
    for _ in range(3):  # 令 after the joint names, then the session inside each
        s = _INSTRUMENT.sub("", _SESSION.sub("", s)).strip()
    out: list[str] = []
    for piece in re.split(r"[、，, ]+", _GLUED.sub("、", s)):
        name = piece.removeprefix(NATION) if piece != NATION else piece
        for short, full in _SHORT if expand else ():
            name = short.sub(full, name)
        if not name or len(name) > 40 or not rx.ORGAN_NAME.fullmatch(name):
            return []
        out.append(name)
    return list(dict.fromkeys(out))


def apart(name: str, stands: Callable[[str], bool]) -> list[str]:
    """A name that runs organs together (中共中央办公厅国务院办公厅, 财政部税务总局: a title drops
    the space between them) split where an organ's name ends and the next begins, when every
    piece is an organ that `stands` on its own (names its place or is a national organ);
    湖北省人民政府办公厅 and 交通运输部海事局 stay whole, as 办公厅 and 海事局 do not.

    >>> apart("中共中央办公厅国务院办公厅", lambda n: n.startswith(("中共中央", "国务院")))
    ['中共中央办公厅', '国务院办公厅']
    """
    return _apart(name, stands) or [name]


def _apart(name: str, stands: Callable[[str], bool], depth: int = 0) -> list[str] | None:
    """`name` as two or more standing organs, the first as short as can be; None if it is not."""
    if depth > 4:
        return None
    for i in range(3, len(name) - 2):
        head, rest = name[:i], name[i:]
        if not (rx.ORGAN_NAME.fullmatch(head) and rx.ORGAN_NAME.fullmatch(rest) and stands(head)):
            continue
        tail = [rest] if stands(rest) else None
        tail = _apart(rest, stands, depth + 1) or tail
        if tail:
            return [head, *tail]
    return None


def from_history(lines: Sequence[Line]) -> list[str]:
    """The issuers a header's history names: the bodies that adopted the text (通过, the first
    run of such lines: an SPC and SPP joint interpretation has two), else that promulgated it
    (a ministry's order, 国务院令…公布), else that approved it, else that changed it.

    A people's congress that approves (批准) a city's or an autonomous area's regulation is never
    its issuer: when it is the only body named, the adoption line was not read, and the province
    would wrongly replace the city."""
    for kinds in (("adopted",), ("promulgated",), ("approved",), ("amended", "revised")):
        run: list[str] = []
        for ln in lines:
            bodies = [b for b in ln.bodies if not (ln.event.kind == "approved" and _CONGRESS.search(b))]
            if ln.event.kind in kinds and bodies:
                run += bodies
            elif run:
                break
        if run:
            return list(dict.fromkeys(run))
    return []


def placed(names: Sequence[str], title: str | None) -> list[str]:
    """Names that start with a bare 市/县 (县第五届人民代表大会) completed with the place the title
    starts with when it ends with the same word (景宁畲族自治县…条例 → 景宁畲族自治县人民代表大会);
    when some names are that place's, the others go (a header that also carries the national
    law's history names 全国人民代表大会常务委员会 beside 山东省人民代表大会常务委员会)."""
    m = _TITLE_PLACE.match(title or "")
    if not m:
        return list(names)
    where = m.group("place")
    out = [where + n[1:] if n[:1] in "省市县区州" and where.endswith(n[0]) else n for n in names]
    return [n for n in out if n.startswith(where)] or out


def full_names(names: list[str]) -> list[str]:
    """The names that say whose organ they are (not 省政府办公厅, 市政府办)."""
    return [n for n in names if not _PLACELESS.match(n)]


def from_field(text: str, start: int, end: int) -> tuple[list[str], str]:
    """Issuers named by a metadata field of the page (发文机关, 发布机构 …), in full names only,
    and the field's name."""
    m = ISSUER_FIELD.search(text, start, min(end, start + 3000))
    return (full_names(organ(m.group("value"))), m.group("field")) if m else ([], "")


def from_letterhead(text: str, start: int, header_end: int) -> list[str]:
    """Issuers of a letterhead line in the header (…人民政府文件, …人民政府令), full names only."""
    for m in LETTERHEAD.finditer(text, start, max(start, header_end)):
        names = full_names(organ(m.group("organ")))
        if names:
            return names
    return []


def from_opening(text: str, header_end: int, end: int, known: Sequence[str] = ()) -> list[str]:
    """The body an order or announcement says adopted what it promulgates (主席令: 已由第十三届全国
    人民代表大会常务委员会第十次会议于…通过 → 全国人民代表大会常务委员会). A body named without its
    place (省人民政府, 市政府) is completed from the full names `known` (the order's letterhead or
    name: 广东省人民政府令), else left out: it would not say which province."""
    m = OPENING.search(text, header_end, min(end, header_end + 400))
    return completed(organ(m.group("body")), known) if m else []


def completed(names: Sequence[str], known: Sequence[str]) -> list[str]:
    """Names without their place (省人民政府, 市人民政府) replaced by the full name in `known` they
    abbreviate (广东省人民政府); those none completes are dropped.

    >>> completed(["省人民政府"], ["广东省人民政府"]), completed(["市人民政府"], ["苏州市人民政府"])
    (['广东省人民政府'], ['苏州市人民政府'])
    >>> completed(["省人民政府"], ["苏州市人民政府"])
    []
    """
    out: list[str] = []
    for name in names:
        if not _PLACELESS.match(name):
            out.append(name)
            continue
        out += [k for k in known if k.endswith(name) and not _PLACELESS.match(k)][:1]
    return list(dict.fromkeys(out))
