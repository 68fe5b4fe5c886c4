"""A part's own identity: number, title, issuers, signing date, publishing date.

Each function reads one part of normalised text and returns the value with a short note of
the evidence that decided it, so the record can say why, and a reviewer can check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policygraph.extract import regexes as rx
from policygraph.extract.issuers import organ
from policygraph.extract.numbers import chinese_to_int
from policygraph.extract.parts import Span, is_standalone_number, standalone_dates
from policygraph.models import NATION, NumberMatch

#: The labels of an open-government page's fields (信息公开 tables), each a cell of its own.
_PAGE_FIELDS = (r"标\s*题|名\s*称|文\s*号|发文字号|发布机构|发文机关|成文日期|发布日期|公开方式|公开范围"
                r"|公开形式|公开时限|组配分类|体裁分类|主题分类|信息来源|有\s*效\s*性|时\s*效\s*性|生效日期|废止日期|所属机构|主\s*题\s*词|关键词")
_LINE_JUNK = re.compile(
    r"(?:[:：|｜]$|^(?!.*关于).{0,20}文件$|^\s*#+\s*|^首页|^当前位置|^请选择|^索\s*引\s*号|^主题"
    rf"|^(?:{_PAGE_FIELDS})$"  # a field's label on its own line
    # a page's widgets, a word a line (【字号：加大 还原 减小】, 打印, 收藏)
    r"|^(?:下载|打印|全屏|收藏|分享|关闭|加大|还原|减小|放大|缩小|默认|大|中|小|[【】])$|^【|】$"
    r"|^附\s*件\s*\d{0,2}\s*[:：]?$"  # an attachment's label over its title
    r"|^(?:您当前)?(?:您的|所在的?)位置"  # a page's breadcrumb label
    r"|^[\d\s/\-.]+$|^(?:现行)?有效$|^(?:已)?(?:失效|废止)$"  # a field's value alone (an index, 有效)
    r"|[>＞]\s*[^>＞]+[>＞]"  # a breadcrumb however spaced (UU快3> 建议提案 > > 人大代表建议)
    r"|^[•·●▪]"  # an item of a page's list of fields (• 2019年07月26日)
    r"|^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:星期|周)?[一二三四五六日天]?$"  # the page's today
    r"|^[A-DＡ-Ｄ]\s*类$)"  # a reply's class (办复类别 B类)
)
#: The items of a page's menu bar (无障碍浏览 长者模式 手机端 登录/注册 微博 微信, 某县人民政府欢迎您!,
#: 朗县logo): a line made of them only is no part of a title (关于加快推进无障碍环境建设 is).
_MENU_ITEM = re.compile(r"无障碍\S{0,4}|长者\S{0,3}|关怀版|适老化?\S{0,3}|网站地图|设为首页|加入收藏|"
                        r"收藏本站|登录|注册|登录\s*/\s*注册|个人中心|\S{0,12}欢迎您[!！]?|\S{0,4}客户端|手机\S{0,4}|"
                        r"微博|微信|"
                        r"\S{0,8}logo|English|繁體|繁体|简体|\S{0,6}IPv6|智能问答|搜索|\S{0,6}首页")


def _menu_line(line: str) -> bool:
    items = [w for w in re.split(r"[\s|｜•·]+", line) if w]
    return bool(items) and all(_MENU_ITEM.fullmatch(w) for w in items)


#: A page's breadcrumb (政务公开 > 平昌县农业农村局 > 规划计划): never a title, nor part of one.
_BREADCRUMB = re.compile(r"\s[>＞»›]\s.*\s[>＞»›]\s|>>|»")  # two spaced separators, or >> / »
_TITLE_PREFIX_JUNK = re.compile(r"^[#\s>*•·●▪]+|^(?:标题|名称)\s*[:：|｜]\s*")
#: A line ending in a separator, or a page field's label in a cell of its own: what follows is
#: the field's value (公开方式 | 主动公开), never the first line of a title.
#: (Not 标题 or 名称: their value is the title, which may wrap over lines.)
_FIELD_LABEL = re.compile(rf"[:：|｜]$|^(?!标\s*题$|名\s*称$)(?:{_PAGE_FIELDS})$")
_TITLE_VERB = re.compile(r"(?:关于|转发|印发|批转|颁布|公布)")


_BRACKETED_DATE = re.compile(
    rf"(?:^|\n)\s*[（(]\s*{rx.DATE.pattern}\s*(?:[^（()）\n]{{1,20}}号)?\s*[）)]\s*(?:\n|$)"
)


@dataclass(frozen=True)
class Found:
    """A value and the evidence for it."""

    value: str | None
    evidence: str = ""


def date_from_match(m: re.Match[str]) -> str | None:
    """ISO date from a DATE or ISO_DATE match; None if the numbers make no calendar date."""
    y_raw = m.group("y")
    y = int(y_raw) if y_raw.isdigit() else chinese_to_int(
        "".join("〇" if ch in "OoΟ○０零" else ch for ch in y_raw)
    )
    mo, d = chinese_to_int(m.group("m")), chinese_to_int(m.group("d"))
    if not y or not mo or not d or not 1 <= mo <= 12 or not 1 <= d <= 31:
        return None
    if d > (29 if mo == 2 and y % 4 == 0 else 28 if mo == 2 else 30 if mo in (4, 6, 9, 11) else 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def own_number(text: str, span: Span, numbers: list[NumberMatch]) -> tuple[NumberMatch | None, str]:
    """The part's own number: a 文号 field, else the first standalone number of the header."""
    fld = rx.NUMBER_FIELD.search(text, span.start, min(span.end, span.start + 2000))
    if fld:
        for n in numbers:
            if fld.end() <= n.start <= fld.end() + 4:
                return n, "文号 field of the page"
    for n in numbers:
        if span.start <= n.start < span.header_end and is_standalone_number(text, n):
            return n, "number line in the document header"
    # 关于…的通知（X政发〔2019〕5号）: the header's own number in brackets after its title.
    for n in numbers:
        if span.start <= n.start < span.header_end and _bracketed_after_title(text, n, span.start):
            return n, "bracketed number after the title in the header"
    return None, ""


def _bracketed_after_title(text: str, n: NumberMatch, lo: int) -> bool:
    """关于…的通知（X政发〔2019〕5号）, or a line （2019年3月5日 国办发〔2019〕10号） under the title."""
    window = text[max(lo, n.start - 24):n.start]
    opening = max(window.rfind("（"), window.rfind("("))
    after = text[n.end:n.end + 2].lstrip(" \t")
    if opening == -1 or not after.startswith(("）", ")")):
        return False
    inside = window[opening + 1:].strip()
    if inside and not rx.DATE.fullmatch(inside):
        return False  # only a date may stand beside the number in the brackets
    head = text[max(lo, n.start - 100):max(lo, n.start - len(window) + opening)].rstrip()
    return bool(rx.DOC_TITLE_END.search(head)) and not head.endswith(("》", "〉"))


def _repeats_itself(s: str, size: int = 10) -> bool:
    """Whether a title candidate carries a duplicated run (a garbled scraped header).

    Any repeated run of `size` or more characters repeats its first `size` characters, so
    checking the `size`-grams is enough.
    """
    seen: set[str] = set()
    for i in range(len(s) - size + 1):
        gram = s[i:i + size]
        if gram in seen:
            return True
        seen.add(gram)
    return False


def clean_title(raw: str) -> str:
    """Join a title broken over lines and drop field labels; brackets stay as written."""
    t = _TITLE_PREFIX_JUNK.sub("", raw.strip())
    return re.sub(r"\s+", "", t)


def cited_title(raw: str) -> str:
    """The title inside 《…》: outer brackets off, nested 《》 written 〈〉 as catalogues do.

    >>> cited_title("《关于贯彻《中华人民共和国就业促进法》的通知》")
    '关于贯彻〈中华人民共和国就业促进法〉的通知'
    """
    t = clean_title(raw)
    if t.startswith("《") and t.endswith("》"):
        t = t[1:-1]
    return t.replace("《", "〈").replace("》", "〉")


#: Two page fields' labels in one line (索引号 … 公开方式 主动公开 发布机构 …): a page's field block.
#: (Opening the line: 关于规范政府信息公开方式和公开范围的通知 is a title.)
_TWO_FIELDS = re.compile(rf"^(?:{_PAGE_FIELDS}|索\s*引\s*号).*(?:{_PAGE_FIELDS})")


def _is_title(t: str) -> bool:
    return (not _TWO_FIELDS.search(t) and
        6 <= len(t) <= 150
        and bool(rx.DOC_TITLE_END.search(t))
        and "。" not in t
        and t.count("〈") + t.count("《") == t.count("〉") + t.count("》")
        and not _repeats_itself(t)
        and not re.search(r"\d{4}-\d{1,2}-\d{1,2}|[:：|｜]", t)
    )


def title(text: str, span: Span, number: NumberMatch | None, numbers: list[NumberMatch]) -> Found:
    """The part's title, from a 标题 field, a Markdown heading, or the header lines around its
    own number."""
    found = _title_field(text, span)
    if found is None and not span.embedded:
        found = _markdown_heading(text, span)
    if found is not None:
        return found
    zone_end = max(span.header_end, number.end if number else span.start)
    best: str | None = None
    for piece in _header_pieces(text, span.start, zone_end, numbers):
        t = _best_title_in(piece)
        if t and (best is None or _score(t)[0] > _score(best)[0]):
            best = t  # the first, unless a later piece names an act (关于印发…的通知 under a page's headline)
    if best and not best.endswith(("）", ")")):  # …行动方案\n(2022-2025年) 为贯彻…: a span the body runs on
        after = re.search(re.escape(best[-6:]) + r"[ \t\u3000]*\n[ \t\u3000]*" + _SPAN_LINE.pattern,
                          text[span.start:zone_end + 200])
        best = best + after.group(1) if after else best
    return Found(best, "header lines" if best else "")


#: An order's opening names the text it promulgates: 《X》已经…会议通过，现予公布 (a ministry's,
#: a government's or the President's order alike), or 现将修订后的《X》公布.
_PROMULGATES = re.compile(
    r"《(?P<t>(?:[^《》\n]|《[^《》\n]*》){2,120})》[^。；;《》\n]{0,160}?[，,]\s{0,2}(?:现予以?|予以|现)(?:公布|发布)"
    r"|现将(?:修订后的|修改后的|新修订的)?《(?P<t2>(?:[^《》\n]|《[^《》\n]*》){2,120})》(?:予以)?(?:公布|发布)"
)
#: How far into an order's body its opening sentence may run.
_OPENING_SPAN = 400


def promulgated_title(text: str, start: int, end: int) -> str | None:
    """The title of the text an order (令) promulgates, from its opening sentence in
    text[start:end] (the order's body after its header), as 《》 catalogues write it."""
    m = _PROMULGATES.search(text, start, min(end, start + _OPENING_SPAN))
    return cited_title(m.group("t") or m.group("t2")) if m else None


def _title_field(text: str, span: Span) -> Found | None:
    fld = rx.TITLE_FIELD.search(text, span.start, min(span.end, span.start + 2000))
    if fld:
        t = clean_title(re.split(r"[|｜\n\t]", text[fld.end():fld.end() + 200])[0])
        if _is_title(t):
            return Found(t, "标题 field of the page")
    return None


def _markdown_heading(text: str, span: Span) -> Found | None:
    """A Markdown heading opening the part, if it reads as a title once a label (文档：) and a
    file's extension (.md) are off; a section's heading (## 政策原文) is none."""
    heading = re.match(r"\s*#{1,3}\s*([^\n]{2,150})\n", text[span.start:span.start + 400])
    if heading is None:
        return None
    t = clean_title(_FILE_EXTENSION.sub("", _HEADING_LABEL.sub("", heading.group(1).strip())))
    return Found(t, "Markdown heading") if rx.DOC_TITLE_END.search(t) else None


#: A label before a heading's title (文档：, 文件名称：) and a file's extension after it (.md).
_HEADING_LABEL = re.compile(r"^[^：:《]{1,6}?\s*[：:]\s*")
_FILE_EXTENSION = re.compile(r"\.(?:md|markdown|txt|html?|docx?|pdf|wps)$", re.IGNORECASE)


def _header_pieces(text: str, start: int, end: int, numbers: list[NumberMatch]) -> list[str]:
    """text[start:end] cut at the numbers and the date fields in it (with what follows a date
    field's name): what is left between them may hold the title."""
    zone = text[start:end]
    cuts = sorted(
        [(n.start - start, n.end - start) for n in numbers if start <= n.start < end]
        + [(m.start(), stop) for m in rx.DATE_FIELD.finditer(zone) if (stop := _date_field_end(zone, m))]
    )
    pieces, last = [], 0
    for s, e in cuts:
        pieces.append(zone[last:s])
        last = max(last, e)
    pieces.append(zone[last:])
    return pieces


#: What makes a date word a page field's label: a separator after it (成文日期：, 发布时间 |), or
#: a line (or table cell) of its own; 作息时间的通知 is a title.
_FIELD_BEFORE = re.compile(r"(?:^|[\n|｜\t])[ \t\u3000]*$")
_FIELD_SEPARATOR = re.compile(r"[ \t\u3000]*[:：|｜]")
_LINE_END = re.compile(r"[ \u3000]*(?:[\n\t]|$)")  # a line or a table cell of its own


def _date_field_end(zone: str, m: re.Match[str]) -> int | None:
    """Where a date field's label and value end: at the end of the date after the label (its
    value's length varies: 2022-04-08, 2022年4月8日, 二〇二二年四月十二日), else at the end of the
    label's line (a field left empty); None when the word is no field's label but part of a line."""
    label_end = m.start() + len(m.group("field"))
    alone = _FIELD_BEFORE.search(zone, 0, m.start()) and _LINE_END.match(zone, label_end)
    if not (alone or _FIELD_SEPARATOR.match(zone, label_end)):
        return None
    d = rx.ISO_DATE.match(zone, m.end()) or rx.DATE.match(zone, m.end())
    if d:
        return d.end()
    line_end = zone.find("\n", label_end)
    return len(zone) if line_end == -1 else line_end


def _best_title_in(piece: str) -> str | None:
    """The best title in a piece of the header: a line ending like a title, joined with up to
    four lines above it (a title often wraps), before any addressee."""
    piece = rx.ADDRESSEE.split(piece)[0]
    lines = [ln for ln in (ln.strip(" \t\u3000") for ln in re.split(r"[\n|｜\t]", piece)) if ln]
    for i in range(1, len(lines)):  # …行动方案\n(2022-2025年) 为贯彻…: the plan's span on the next line
        span = _SPAN_LINE.match(lines[i])
        if span and rx.DOC_TITLE_END.search(re.sub(r"\s+", "", lines[i - 1])):
            lines[i - 1], lines[i] = lines[i - 1] + span.group(1), lines[i][span.end():].strip()
    lines = [ln for ln in lines if ln]
    best: str | None = None
    for i in range(len(lines)):
        if not rx.DOC_TITLE_END.search(re.sub(r"\s+", "", lines[i])) or _BREADCRUMB.search(lines[i]):
            continue
        for j in range(i, max(-1, i - 5), -1):
            if j < i and (_LINE_JUNK.search(lines[j]) or _BREADCRUMB.search(lines[j]) or _menu_line(lines[j])
                          or (j and _FIELD_LABEL.search(lines[j - 1]))):
                break  # junk, or the value of a page field (主题分类： / 城乡建设)
            t = clean_title("".join(lines[j:i + 1]))
            if _is_title(t) and (best is None or _better(t, best)):
                best = t
    if best is None and not _ABOUT_A_TEXT.search(" ".join(filter(_unbracketed, lines))):
        best = next((t for ln in lines  # a title in brackets alone on its line; not a page about one (解读)
                     if _BRACKETED_LINE.fullmatch(ln) and "关于" in ln
                     and _is_title(t := cited_title(ln))), None)
    return best


#: A plan's span in brackets opening a line (（2021－2025年）, (2022-2025)).
_SPAN_LINE = re.compile(r"([（(]\s*\d{4}\s*[—－–-]{1,2}\s*\d{4}\s*年?\s*[）)])")


def _unbracketed(line: str) -> bool:
    return _BRACKETED_LINE.fullmatch(line) is None


#: A page about a document, not the document: an interpretation, a meeting, a study of it.
_ABOUT_A_TEXT = re.compile(r"解读|学习|召开|会议|新闻|报道|答记者问")
#: A line that is one title in book brackets, nested ones inside it written 〈〉 or 《》.
_BRACKETED_LINE = re.compile(r"《[^《》]*(?:[《〈][^《》〈〉]*[》〉][^《》]*)*》")


def _better(new: str, old: str) -> bool:
    """Prefer a title that names its issuer and its act (…关于…), then the longer one."""
    return _score(new) > _score(old)


def _score(t: str) -> tuple[int, int]:
    return (int(bool(_TITLE_VERB.search(t))) + int(bool(re.match(
        r"^(?:中共|国务院|中华人民共和国)?[^关于转发]{2,40}?(?:关于|转发)", t))), len(t))


def issuers_from_title(t: str | None) -> list[str]:
    """Issuers named before 关于/转发 in a title: 中共X市委办公室、X市人民政府办公室关于…

    >>> issuers_from_title("中共南京市委办公厅、南京市人民政府办公厅关于加强就业工作的通知")
    ['中共南京市委办公厅', '南京市人民政府办公厅']
    >>> issuers_from_title("关于加强就业工作的通知")
    []
    """
    if not t or re.match(r"^(?:关于|转发|批转|印发)", t):
        return []
    m = re.match(r"^(.{2,80}?)(?:关于|转发|批转|印发)", t)
    if not m:
        return []
    names = [n for n in re.split(r"[、，,]", m.group(1)) if n]
    if all(rx.ORGAN_NAME.fullmatch(n) for n in names):
        # 第六届 dropped, run-together national organs apart, as every issuer is named
        organs = (organ(n, expand=False) or [n.removeprefix(NATION)] for n in names)
        return list(dict.fromkeys(o for found in organs for o in found))
    return []


def signature(text: str, span: Span) -> tuple[Found, list[str]]:
    """The signing date and the organ names signed above it, from the part's text."""
    dates = standalone_dates(text, span.header_end, span.end)
    if not dates:
        # 中共中央 and 国务院 documents print the date in brackets under the title: （2018年12月18日）
        m = _BRACKETED_DATE.search(text, span.start, span.header_end)
        if m and (d := rx.DATE.search(m.group(0))):
            return Found(date_from_match(d), "bracketed date under the title"), []
        return Found(None), []
    dates = [(m, s) for m, s in dates if _signs(text, m, s)]
    if not dates:
        return Found(None), []
    signed = [d for d in dates if d[1]]
    m = (signed or dates)[0][0]
    value = date_from_match(m)
    # Organ names right above (or glued before) the date, one per line.
    before = text[max(span.start, m.start() - 200):m.start()]
    organs: list[str] = []
    for line in reversed(re.split(r"\n", before)):
        line = re.split(r"[。；;！？!?：:]", line)[-1].strip(" \t\u3000")
        if not line:
            continue
        names = line.split()  # joint signers side by side: 人力资源社会保障部　　财政部
        if all(rx.ORGAN_NAME.fullmatch(n) and len(n) <= 40 for n in names):
            organs[:0] = [n.removeprefix(NATION) for n in names]
            continue
        break
    return Found(value, "signing date under the signature"), organs


#: Words that open a sentence, not an organ's name: 本条例由市人民政府…, 经国务院….
_NOT_SIGNER = re.compile(r"^(?:本|由|经|据|在|于|自|对|从|将|按)")
#: A line longer than this is a page whose line breaks were lost: a signature runs on into the
#: next document there (…办公厅二〇〇三年八月六日国务院办公厅关于…).
_GLUED_LINE = 200
#: The title of the next document, right after a signing date on a glued page (…国务院办公厅关于…
#: 的通知); a sentence going on (1977年4月21日颁发的《X》同时废止) is not one.
_TITLE_AHEAD = re.compile(
    "^[^，,。；;《》“”\n]{2,80}?(?:" + "|".join(sorted(rx.DOC_TYPE_WORDS, key=len, reverse=True)) + ")"
)


def _signs(text: str, m: re.Match[str], signed: bool) -> bool:
    """Whether a date candidate is a signing date: alone on its line, or right under (or after)
    the signing organ's name, and ending its line. A date inside a sentence never is, so the
    date of a repealed predecessor (…。1988年6月7日国务院批准…同时废止) or of a cited notice is
    not taken for the document's."""
    line_start = text.rfind("\n", 0, m.start()) + 1
    line_end = text.find("\n", m.end())
    line_end = len(text) if line_end == -1 else line_end
    rest = text[m.end():line_end].strip(" \t\u3000")
    ends_line = not rest or rest[0] in "（("
    before = text[line_start:m.start()]
    if not before.strip(" \t\u3000"):
        return ends_line
    if not signed:
        return False
    piece = re.split(r"[。；;！？!?：:，,]", before)[-1].strip(" \t\u3000")
    if len(piece) > 40 or _NOT_SIGNER.match(piece) or not rx.ORGAN_NAME.fullmatch(piece):
        return False
    glued = line_end - line_start > _GLUED_LINE and bool(_TITLE_AHEAD.match(rest))
    return ends_line or glued


#: A report's or a speech's subtitle: ——2026年1月26日在广东省第十四届人民代表大会第五次会议上;
#: without a dash, the line must end saying where (2026年2月3日在…第五次会议上).
_DELIVERED = re.compile(rf"^[ \t\u3000]*(?P<dash>——|—|－|[（(])?[ \t\u3000]*{rx.DATE.pattern}\s{{0,2}}在"
                        r"(?P<where>[^\n。]{0,60})", re.MULTILINE)
_AT_A_MEETING = re.compile(r"会议?上[）)]?\s*$")
#: How far into a part its subtitle is looked for.
_SUBTITLE_ZONE = 600


def delivered_date(text: str, span: Span) -> str | None:
    """The date a report or a speech was delivered, from its subtitle near the top (——…日在…会议上):
    the document's date when it carries neither a signature nor a date field."""
    for m in _DELIVERED.finditer(text, span.start, min(span.end, span.start + _SUBTITLE_ZONE)):
        if m.group("dash") or _AT_A_MEETING.search(m.group("where")):
            return date_from_match(m)
    return None


def date_fields(text: str, span: Span) -> dict[str, str]:
    """Page fields that state dates (成文日期, 发文日期, 发布日期 …), by field name."""
    out: dict[str, str] = {}
    zone_end = min(span.end, span.start + 3000)
    for zone in ((span.start, zone_end), (max(span.start, span.end - 600), span.end)):
        for m in rx.DATE_FIELD.finditer(text, *zone):
            if m.group("field") in ("日期", "时间"):
                continue
            d = rx.ISO_DATE.match(text, m.end()) or rx.DATE.match(text, m.end())
            if d and (value := date_from_match(d)):
                out.setdefault(m.group("field"), value)
    return out
