"""The visible text of an HTML page or fragment: block elements become line breaks, a table row
of short cells one tab-separated line (a table of targets keeps its columns), and hidden elements
are left out. read.py calls it for pages, and for text files and JSON fields that hold HTML."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import ClassVar


def looks_like_html(text: str) -> bool:
    """A page, or a fragment of one (a Markdown file of <p> and <br> copied from a site, whose
    tags and &emsp; would otherwise stand in the text and hide its 第十三条 from the line start)."""
    head = text[:2000].lower()
    if "<html" in head or "<!doctype html" in head or ("<body" in head and "</" in head):
        return True
    return len(_BLOCK_TAGS.findall(text, 0, 20000)) >= _FRAGMENT_TAGS


#: Block tags of an HTML fragment, and how many in a text's first 20,000 characters make it one.
_BLOCK_TAGS = re.compile(r"<(?:p|br|div|tr|td|li|h[1-6])(?:\s[^<>]{0,200})?/?>", re.IGNORECASE)
_FRAGMENT_TAGS = 8


#: An element a browser does not draw: display:none, or the hidden attribute. (Not visibility:
#: hidden: pages hide their whole body that way until a script has run.)
_DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.IGNORECASE)


def _hidden(attrs: list[tuple[str, str | None]]) -> bool:
    """Whether an element's attributes hide it (a page's hidden second copy of the text)."""
    return any(name == "hidden" or (name == "style" and value and _DISPLAY_NONE.search(value))
               for name, value in attrs)


#: Marks left in the text while a page is read: where a table cell starts and ends, and where a
#: row (or a table) starts and ends. rows_to_lines turns them into text.
_CELL_START, _CELL_END, _ROW = "\x1c", "\x1d", "\x1e"
_TABLE_MARKS = re.compile("[\x1c\x1d\x1e]")
#: A row longer than this, or with a longer cell, is laid out, not tabulated (a page whose
#: whole body sits in one cell beside its menu).
_CELL_CHARS, _ROW_CHARS = 400, 1600
#: Two lines of text in one cell: paragraphs.
_PARAGRAPHS = re.compile(r"\S[^\S\n]*\n\s*\S")


def rows_to_lines(marked: str) -> str:
    """A table row of two or more short cells, each one line of text, becomes one line, its
    cells separated by tabs: a table of targets keeps 指标, 单位 and 2025年目标 side by side.
    Other rows and cells become line breaks, as blocks do: a cell of paragraphs is laid out
    text (a short page set in a table), whose paragraphs stay apart."""
    out = []
    for segment in marked.split(_ROW):
        cells = [_unwrapped(c) for c in segment.replace(_CELL_END, "").split(_CELL_START)]
        texts = [" ".join(c.split()) for c in cells[1:]]
        if (len(texts) >= 2 and not cells[0].strip() and max(map(len, texts)) <= _CELL_CHARS
                and sum(map(len, texts)) <= _ROW_CHARS and not any(_PARAGRAPHS.search(c) for c in cells[1:])):
            out.append("\n" + "\t".join(texts) + "\n")
        else:
            out.append(_TABLE_MARKS.sub("\n", segment))
    return "\n".join(out)


#: A column's label a page wrapped in its narrow cell (安置<br>任务, 达标区域面积<br>（平方公里）):
#: up to three short lines, no field (联系人：…) and no sentence (一年来，新增就业10万人。).
_LABEL_LINE = re.compile(r"[^\n:：。；;，,]{1,12}")


def _unwrapped(cell: str) -> str:
    """A wrapped label's lines as one (安置任务); any other cell as it is."""
    lines = [ln.strip() for ln in cell.split("\n") if ln.strip()]
    if not 2 <= len(lines) <= 3 or not all(_LABEL_LINE.fullmatch(ln) for ln in lines):
        return cell
    return "".join(lines)


class _TextExtractor(HTMLParser):
    """Visible text of an HTML page; block elements become line breaks, a table row of short
    cells one line (rows_to_lines), and hidden elements are left out (a page that keeps a
    second copy of its text in a display:none block would otherwise state every target twice)."""

    SKIP: ClassVar[set[str]] = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object"}
    BLOCK: ClassVar[set[str]] = {
        "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section",
        "article", "header", "footer", "ul", "ol", "pre", "blockquote", "hr", "dd", "dt", "title",
    }
    #: What a table's elements leave in the text, at their start and at their end.
    TABLE: ClassVar[dict[str, tuple[str, str]]] = {
        "td": (_CELL_START, _CELL_END), "th": (_CELL_START, _CELL_END), "tr": (_ROW, _ROW),
        "table": (_ROW, _ROW)}
    #: Elements with no content or end tag.
    VOID: ClassVar[set[str]] = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                                "source", "track", "wbr"}

    #: Elements whose end tag may be left out (<p hidden>a<p>b): the next of their kind ends them.
    OPTIONAL_END: ClassVar[set[str]] = {"p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot",
                                        "option", "optgroup", "colgroup", "caption", "rb", "rt", "rtc", "rp"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._skip = 0
        self._in_title = False
        self._hidden: str | None = None  # the tag of the hidden element being read
        self._hidden_depth = 0
        self._held: list[str] = []  # its text, dropped when it ends
        self._out = self.parts

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        ends_p = tag in self.BLOCK or tag in self.TABLE
        if self._hidden in self.OPTIONAL_END and (tag == self._hidden or (self._hidden == "p" and ends_p)):
            self._hidden, self._out = None, self.parts  # <p hidden>a<p>b: the next one ends it
        if self._hidden is not None:
            self._hidden_depth += tag == self._hidden
        elif tag not in self.VOID and _hidden(attrs):
            self._hidden, self._hidden_depth = tag, 1
            self._held = []
            self._out = self._held
        if tag == "title":
            self._in_title = True
        elif tag in self.SKIP:
            self._skip += 1
        self._mark(tag, 0)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in self.SKIP and self._skip:
            self._skip -= 1
        self._mark(tag, 1)
        if self._hidden is not None and tag == self._hidden:
            self._hidden_depth -= 1
            if not self._hidden_depth:  # its end: what it held is not shown
                self._hidden, self._out = None, self.parts

    def _mark(self, tag: str, end: int) -> None:
        if tag in self.TABLE:
            self._out.append(self.TABLE[tag][end])
        elif tag in self.BLOCK:
            self._out.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._skip:  # a tab in the page is a space: tabs separate a row's cells
            self._out.append(_TABLE_MARKS.sub(" ", data).replace("\t", " "))

    def close(self) -> None:
        """A hidden element never closed would hide the rest of a malformed page: its text is
        kept (losing a document's text is worse than reading a hidden copy twice)."""
        super().close()
        if self._hidden is not None:
            self.parts += self._held
            self._hidden, self._out = None, self.parts


def html_to_text(html: str) -> tuple[str, str]:
    """(page title, visible text) of an HTML document."""
    p = _TextExtractor()
    p.feed(html)
    p.close()
    # a row's empty cells keep their tabs (the columns stay aligned)
    lines = [ln.strip(" \r\n\f\v\xa0\u3000") if "\t" in ln else ln.strip()
             for ln in rows_to_lines("".join(p.parts)).splitlines()]
    body = "\n".join(ln for ln in lines if ln.strip())
    return " ".join("".join(p.title).split()), body
