"""Find and parse document numbers (文号) and order numbers (令).

Numbers are found by their year-and-serial tail (〔2003〕40号), which is rare in prose, and the
issuer code is then read leftwards from the bracket. Where the code runs into prose
(根据国办发〔2003〕40号), the prose is cut at a stop word, and a suffix the authority table
knows (连政办发 in 市政府办公室连政办发) is preferred over an unknown longer run, when what it
cuts off is an organ name or prose, not a place's abbreviation (宜财农 is a county's, not 财农).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from policygraph.extract import regexes as rx
from policygraph.models import NATION, DocNumber, NumberMatch

#: Years a real document number can carry. Fixed, not taken from today's date, so that
#: output never depends on when a build runs.
MIN_YEAR, MAX_YEAR = 1949, 2099
MAX_CODE_LEN = 10
#: Short forms of order-issuing organs: gov.cn files 国务院令第706号 as 国令第706号.
ORDER_ORGAN_ALIASES = {"国": "国务院"}

_CN_NUM = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
           "七": 7, "八": 8, "九": 9}
_CN_UNIT = {"十": 10, "百": 100, "千": 1000}
_NATIONAL_PREFIX = re.compile(r"^(?:中华人民共和国)")
_CANONICAL = re.compile(
    rf"^(?:(?P<code>[{rx.CJK}]{{1,{MAX_CODE_LEN}}})〔(?P<year>\d{{4}})〕(?P<serial>\d{{1,6}})号|"
    rf"(?P<ocode>[{rx.CJK}]{{1,30}}令)第(?P<oserial>\d{{1,5}})号)$"
)
#: An organ name's last word: what ends it is cut off a code (市政府办公室连政办发 → 连政办发).
_ORGAN_END = re.compile(rf"(?:{rx.ORGAN_SUFFIX}|省|市|县|区|处|室|办|府)$")
#: Characters that are never an issuer code on their own (法（研）发〔1987〕32号 leaves 发).
_NOT_A_CODE = frozenset("发号文字令函办")


def chinese_to_int(s: str) -> int | None:
    """Read 十二, 一百零五, 二〇〇三 (digit by digit) or plain digits; None if not a number.

    >>> [chinese_to_int(s) for s in ("十二", "一百零五", "二〇〇三", "40", "十二月")]
    [12, 105, 2003, 40, None]
    """
    if s.isdigit():
        return int(s)
    if not s or any(ch not in _CN_NUM and ch not in _CN_UNIT for ch in s):
        return None
    if not any(ch in _CN_UNIT for ch in s):  # 二〇〇三: positional digits
        return int("".join(str(_CN_NUM[ch]) for ch in s))
    total, current = 0, 0
    for ch in s:
        if ch in _CN_NUM:
            current = _CN_NUM[ch]
        else:
            total += (current or 1) * _CN_UNIT[ch]
            current = 0
    return total + current


def _is_cut_off(left: str) -> bool:
    """Whether the text left of a known code is prose or an organ name to cut off (三个字以上,
    or …局/办公室/政府/厅), rather than a place's abbreviation (宜, 昆, 宜良) that makes the
    code a local one: 宜财农 is 宜良县's, not the Ministry of Finance's 财农."""
    return len(left) >= 3 or bool(_ORGAN_END.search(left))


def _trim_code(run: str, is_known: Callable[[str], bool]) -> tuple[str | None, float]:
    """Cut prose off the left of an issuer-code run; return the code and a confidence."""
    run = re.sub(r"\s+", "", run)
    run = rx.CODE_LEFT_STOP.sub("", run)
    if not run:
        return None, 0.0
    # The longest suffix the authority table recognises wins: 市政府办公室连政办发 → 连政办发,
    # unless what it leaves is a place's abbreviation glued to the code (宜财农 is no 财农).
    for i in range(len(run)):
        suffix = run[i:]
        if len(suffix) <= MAX_CODE_LEN and is_known(suffix):
            if i == 0 or _is_cut_off(run[:i]) or len(run) > MAX_CODE_LEN:
                return suffix, 1.0
            return run, 0.85
    if rx.CODE_ENDS_WITH_DOC_TYPE.search(run):
        return None, 0.0
    if len(run) > 6:
        # A long unknown run is mostly an organ name glued to a code; keep its tail.
        return run[-4:], 0.5
    return run, 0.85


def parse(text: str, is_known: Callable[[str], bool] = lambda _c: False) -> DocNumber | None:
    """Parse one number written in any variant; None if the text is not exactly one number.

    >>> parse("国办发[2003] 40號").canonical
    '国办发〔2003〕40号'
    """
    from policygraph.extract.normalize import normalize  # local: normalize imports nothing from here

    norm = normalize(text).text.strip()
    found = list(find_numbers(norm, is_known))
    if len(found) != 1 or found[0].start != 0 or found[0].end != len(norm):
        return None
    return found[0].number


def parse_canonical(text: str) -> DocNumber | None:
    """Parse a number already in canonical form (as stored in records); None otherwise.

    >>> parse_canonical("国办发〔2003〕40号")
    DocNumber(code='国办发', year=2003, serial=40)
    >>> parse_canonical("国务院令第588号").year is None, parse_canonical("国办发[2003]40号")
    (True, None)
    """
    m = _CANONICAL.match(text)
    if not m:
        return None
    if m.group("oserial"):
        return DocNumber(m.group("ocode"), None, int(m.group("oserial")))
    return DocNumber(m.group("code"), int(m.group("year")), int(m.group("serial")))


def find_numbers(
    text: str,
    is_known: Callable[[str], bool] = lambda _c: False,
    warnings: list[str] | None = None,
) -> Iterator[NumberMatch]:
    """Yield every document or order number in normalised `text`, left to right.

    Numbers whose year cannot be real (〔2999〕) are skipped and, if `warnings` is given,
    reported there, so a malformed number never becomes a citation.
    """
    yield from sorted(
        [*_find_dated(text, is_known, warnings), *_find_orders(text, is_known)],
        key=lambda m: m.start,
    )


def _find_dated(
    text: str, is_known: Callable[[str], bool], warnings: list[str] | None
) -> Iterator[NumberMatch]:
    for m in rx.NUMBER_TAIL.finditer(text):
        left = rx.CODE_RUN.search(text, max(0, m.start() - 16), m.start())
        if not left:
            continue
        run = left.group(0)
        if left.start() > 0 and text[left.start() - 1].isdigit() and run[0] in "年月日":
            run = run[1:]  # 2019年12月1日国发〔…〕: the run starts inside a date
        if not run.strip():
            continue
        code, conf = _trim_code(run, is_known)
        if not code or code in _NOT_A_CODE:
            continue
        year, serial = int(m.group("year")), int(m.group("serial"))
        if not MIN_YEAR <= year <= MAX_YEAR or serial == 0:
            if warnings is not None:
                warnings.append(f"malformed document number ignored: {text[left.start():m.end()]}")
            continue
        start = _code_start(text, left.start(), m.start(), code)
        yield NumberMatch(
            DocNumber(code, year, serial), start, m.end(), text[start:m.end()], conf
        )
        # 国发〔2015〕23号、32号: further serials of the same code and year.
        pos = m.end()
        while (more := rx.SERIAL_CONTINUATION.match(text, pos)) is not None:
            extra = int(more.group("serial"))
            if extra == 0:
                break
            yield NumberMatch(DocNumber(code, year, extra), more.start("serial"), more.end(),
                              text[more.start("serial"):more.end()], conf * 0.9)
            pos = more.end()


def _code_start(text: str, lo: int, hi: int, code: str) -> int:
    """Offset where `code` begins in text[lo:hi], allowing whitespace inside it."""
    chars = list(code)
    i = hi
    while chars and i > lo:
        i -= 1
        if text[i].isspace():
            continue
        if text[i] == chars[-1]:
            chars.pop()
        else:
            break
    return i


def _find_orders(text: str, is_known: Callable[[str], bool]) -> Iterator[NumberMatch]:
    for m in rx.ORDER_TAIL.finditer(text):
        left = rx.ORDER_RUN.search(text, max(0, m.start() - 32), m.start())
        if not left:
            continue
        organ = re.sub(r"\s+", "", left.group(0))
        if left.start() > 0 and text[left.start() - 1].isdigit() and organ[0] in "年月日":
            organ = organ[1:]
        organ = _NATIONAL_PREFIX.sub("", organ.split(NATION)[-1])
        organ = rx.ORDER_LEFT_STOP.sub("", organ)
        written = organ
        organ = ORDER_ORGAN_ALIASES.get(organ, organ)
        # An order is issued by an organ: 国务院, 财政部, 主席, 省人民政府 …
        if not organ or not re.search(r"(?:院|部|委|会|局|署|行|厅|府|主席|总局|办)$", organ):
            continue
        serial = chinese_to_int(m.group("serial"))
        if not serial:
            continue
        code = organ + "令"
        start = _code_start(text, left.start(), m.start(), written)
        yield NumberMatch(DocNumber(code, None, serial), start, m.end(), text[start:m.end()])
