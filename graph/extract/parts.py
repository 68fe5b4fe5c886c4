"""Split a normalised text into the documents it carries, and find repeated blocks.

A provincial 转发 notice often carries the full text of the national notice it forwards,
after its own signature: `…广东省人民政府办公厅二〇〇三年八月六日国务院办公厅关于…的通知
国办发〔2003〕40号各省、自治区…：`. Such an embedded document is recognised by a header of its
own (a title, a number of its own, an addressee) that starts after a signing date.
An attachment issued by a notice (印发 a 实施方案) carries no number of its own and stays in
the issuing document: its citations are the notice's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policygraph.extract import regexes as rx
from policygraph.models import NumberMatch

HEADER_MAX = 1200  # a document header never runs longer than this many characters
REPEAT_MIN = 24  # shorter repeated sentences are ordinary boilerplate, not scraping noise


@dataclass(frozen=True)
class Span:
    """A part of the text: the main document (`embedded=False`) or an embedded one."""

    start: int
    end: int
    header_end: int  # where the header (title, number, addressee) ends
    embedded: bool


#: A paragraph ending in a colon (为确保…，现要求如下：): the body's first sentence, not the header's.
_LEAD_IN_END = re.compile(r"[，,][^\n。]{0,30}[：:][ \t\u3000]*\n")


def header_end(text: str, start: int, end: int) -> int:
    """End of the header that begins at `start`: the addressee line, else the first sentence."""
    limit = min(end, start + HEADER_MAX)
    m = rx.ADDRESSEE.search(text, start, limit)
    if m:
        return m.end()
    stop = text.find("。", start, limit)
    lead_in = _LEAD_IN_END.search(text, start, limit)  # …，现要求如下：↵ ends a sentence too
    if lead_in is not None and (stop == -1 or lead_in.start() < stop):
        stop = lead_in.start()
    if stop == -1:
        return min(limit, start + 300)
    # The header is what precedes the first sentence's line.
    line_start = text.rfind("\n", start, stop)
    return line_start + 1 if line_start > start else start


def is_standalone_number(text: str, m: NumberMatch) -> bool:
    """Whether a number stands as a header line rather than inside a sentence citing it."""
    before = text[max(0, m.start - 3):m.start].rstrip(" \t")
    if before.endswith(("（", "(", "》", "〉", "、", "，", ",")):
        return False
    after = text[m.end:m.end + 3].lstrip(" \t")
    return not after.startswith(("）", ")", "、", "，", ",", "文件", "精神", "要求", "规定"))


def standalone_dates(text: str, start: int, end: int) -> list[tuple[re.Match[str], bool]]:
    """Signing-date candidates in text[start:end]: a date under a signature or on its own line.

    Each comes with whether an organ name (a signature) stands right before it.
    """
    out = []
    for m in rx.DATE.finditer(text, start, end):
        before = text[max(start, m.start() - 60):m.start()]
        line_before = re.split(r"[\n。；;！？!?]", before)[-1].strip(" \t")
        after = text[m.end():m.end() + 12].lstrip(" \t")
        if after[:1] and after[:1] in "，,。、的前起以至到止后内召举开印发前之":
            continue
        signed = bool(line_before) and bool(rx.ORGAN_NAME.search(line_before))
        on_own_line = not line_before
        ends_line = not after or after[:1] in "\n（(）)" or bool(re.match(rf"[{rx.CJK}]", after))
        if (signed or on_own_line) and ends_line:
            out.append((m, signed))
    return out


def split_parts(text: str, numbers: list[NumberMatch]) -> list[Span]:
    """The main document and any documents embedded in full after its signature."""
    main_header = header_end(text, 0, len(text))
    own = [n for n in numbers if n.start < main_header and is_standalone_number(text, n)]
    own_numbers = {n.number.canonical for n in own}
    starts: list[tuple[int, int]] = []  # (part start, header end)
    for n in numbers:
        if n.start < main_header or n.number.canonical in own_numbers:
            continue
        if not is_standalone_number(text, n):
            continue
        # An embedded header: a title right before the number, an addressee right after,
        # and a signing date shortly before the title.
        addressee = rx.ADDRESSEE.match(text, _skip_space(text, n.end))
        if not addressee:
            continue
        title_start = _title_start(text, n.start)
        dates = standalone_dates(text, max(0, title_start - 80), title_start + 1)
        if not dates:
            continue
        date_end = dates[-1][0].end()
        if starts and date_end < starts[-1][1]:
            continue
        starts.append((date_end, addressee.end()))
    spans: list[Span] = []
    bounds = [s for s, _ in starts] + [len(text)]
    spans.append(Span(0, bounds[0], main_header, False))
    for (s, h), e in zip(starts, bounds[1:], strict=True):
        spans.append(Span(s, e, h, True))
    return spans


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos


def _title_start(text: str, number_start: int) -> int:
    """Where the title line(s) before a number begin: after the last sentence end or date."""
    lo = max(0, number_start - 120)
    window = text[lo:number_start]
    cut = max(window.rfind(ch) for ch in "。；;：:")
    date_end = 0
    for m in rx.DATE.finditer(window):
        date_end = m.end()
    return lo + max(cut + 1, date_end)


#: A page reprinting its text (in several templates) repeats long runs of sentences; statutes
#: repeat a single sentence in two articles (30日内提出意见，报…审批) and an annex's table restates a
#: few of the text's sentences (a few hundred characters at a time), and mean them again.
REPRINT_MIN_SENTENCES = 10
REPRINT_MIN_CHARS = 1500
_DIGIT = re.compile(r"\d")


def reprinted_runs(text: str) -> list[tuple[int, int]]:
    """Spans of text reprinting an earlier passage: runs of at least REPRINT_MIN_SENTENCES
    repeated sentences (repeated_blocks) and REPRINT_MIN_CHARS characters, broken only by a long
    sentence said for the first time (a short heading between them does not break a run)."""
    runs: list[tuple[int, int]] = []
    seen: set[str] = set()
    run: list[int] | None = None  # start, end, sentences
    pos = 0

    def close() -> None:
        if run and run[2] >= REPRINT_MIN_SENTENCES and run[1] - run[0] >= REPRINT_MIN_CHARS:
            runs.append((run[0], run[1]))

    for piece in re.split(r"(?<=[。！？!?\n])", text):
        key = piece.strip()
        if not key:
            pass
        elif key not in seen and (len(key) >= REPEAT_MIN or _DIGIT.search(key)):
            close()  # a sentence said for the first time: long, or short with a number (各区9月底前报送。)
            run = None
        elif len(key) >= REPEAT_MIN:
            run = [run[0], pos + len(piece), run[2] + 1] if run else [pos, pos + len(piece), 1]
        elif key in seen and run:
            run[1] = pos + len(piece)  # a short sentence said before goes with the run (各区6月底前报送。)
        seen.add(key)
        pos += len(piece)
    close()
    return runs


def repeated_blocks(text: str) -> list[tuple[int, int]]:
    """Spans of sentences that repeat an earlier sentence verbatim (scraped pages do this)."""
    seen: set[str] = set()
    spans: list[tuple[int, int]] = []
    pos = 0
    for piece in re.split(r"(?<=[。！？!?\n])", text):
        key = piece.strip()
        if len(key) >= REPEAT_MIN:
            if key in seen:
                spans.append((pos, pos + len(piece)))
            else:
                seen.add(key)
        pos += len(piece)
    return spans
