"""The one name a person reads for a document, wherever it is shown.

A node id (`src:lrb_0a1b.txt`, `title:…`, a bare number) is for machines: tables, pages and
messages name a document by its title with its number, 《title》（number）; by its number alone
when it has no title; with neither, as its letterhead would, by who issued it (its first
issuer, else its place) and its date: 淮安市人民政府文件（2003-07-15）, 江苏省淮安市文件; by its
file only when none of these is known. A version of a work adds its date
and kind, so the versions of one regulation (one title, one number) stay apart in a list.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePosixPath

from policygraph.models import DocumentRecord, Node, Part

#: How a version came to be, as a name says it (Node.version_kind).
VERSION_WORDS = {"original": "原文", "amended": "修正", "revised": "修订"}

def document_name(title: str | None, number: str | None, *, version_date: str | None = None,
                  version_kind: str | None = None, scope: str = "", fallback: str = "") -> str:
    """《title》（number）, the number alone, else `fallback` (an id or file: see file_name).
    A version adds its date and kind; `scope` (see scope_of) what tells apart documents known
    only by one generic title.

    >>> document_name("道路运输条例", "国务院令第406号")
    '《道路运输条例》（国务院令第406号）'
    >>> document_name(None, "国办发〔2003〕40号"), document_name(None, None, fallback="a.txt")
    ('国办发〔2003〕40号', 'a.txt')
    >>> document_name("道路运输条例", None, version_date="2019-03-02", version_kind="amended")
    '《道路运输条例》（2019-03-02修正）'
    >>> document_name("关于修改本市部分地方性法规的决定", None, scope="上海市，2010-09-17")
    '《关于修改本市部分地方性法规的决定》（上海市，2010-09-17）'
    """
    version = f"{version_date}{VERSION_WORDS.get(version_kind or '', '')}" if version_date else ""
    if title:
        inside = "，".join(x for x in (number, version, scope) if x)
        return f"《{title}》" + (f"（{inside}）" if inside else "")
    if number:
        extra = "，".join(x for x in (version, scope) if x)
        return number + (f"（{extra}）" if extra else "")
    return fallback


def scope_of(kind: str | None, number: str | None, title: str | None, jurisdiction: str | None,
             date: str | None) -> str:
    """What names a document known only by a title (kind `title`) besides the title: its place
    when the title does not say it, and its date. Linking gives such a node a date only when
    its title alone is not unique (关于修改部分地方性法规的决定 of many provinces and dates), so
    a unique title stays a bare title.

    >>> scope_of("title", None, "关于修改本市部分地方性法规的决定", "上海市", "2010-09-17")
    '上海市，2010-09-17'
    >>> scope_of("title", None, "上海市绿化条例", "上海市", "2010-09-17")
    '2010-09-17'
    >>> scope_of("title", None, "X", "上海市", None), scope_of("document", None, "X", "上海市", "2010-09-17")
    ('', '')
    """
    if kind != "title" or number or not date:
        return ""
    place = jurisdiction if jurisdiction and jurisdiction not in (title or "") else ""
    return "，".join(x for x in (place, date) if x)


def untitled_name(issuers: str | tuple[str, ...] | list[str], jurisdiction: str | None,
                  date: str | None) -> str:
    """The name of a document with no title and no number: its first issuer (等 when there are
    more), else its place, + 文件, with its date; '' when neither issuer nor place is known.

    >>> untitled_name(("淮安市人民政府",), "江苏省淮安市", "2003-07-15")
    '淮安市人民政府文件（2003-07-15）'
    >>> untitled_name("", "江苏省淮安市", "2003-07-15"), untitled_name("甲局、乙局", None, None)
    ('江苏省淮安市文件（2003-07-15）', '甲局等文件')
    >>> untitled_name((), None, "2003-07-15")
    ''
    """
    if isinstance(issuers, str):
        issuers = [x for x in issuers.split("、") if x]
    who = (issuers[0] + ("等" if len(issuers) > 1 else "")) if issuers else jurisdiction
    if not who:
        return ""
    return f"{who}文件" + (f"（{date}）" if date else "")


def file_name(node_id: str, sources: str | tuple[str, ...] | list[str] = ()) -> str:
    """The last-resort name: the node's first source file, else its id without the prefix.

    >>> file_name("src:laws/lrb_0a1b.txt"), file_name("x", "a/b.txt;c.txt"), file_name("title:A/B")
    ('lrb_0a1b.txt', 'b.txt', 'A/B')
    """
    if isinstance(sources, str):
        sources = [s for s in sources.split(";") if s]
    if sources:
        return PurePosixPath(sources[0]).name
    if node_id.startswith("src:"):
        return PurePosixPath(node_id.removeprefix("src:")).name
    return node_id.removeprefix("title:")


def attrs_name(node_id: str, a: Mapping) -> str:
    """The name of a node given as attributes: a networkx/GraphML node (strings, '' for none),
    a record or part of documents.jsonl (`source` instead of `sources`)."""
    sources = a.get("sources") or ([a["source"]] if a.get("source") else ())
    title, number = a.get("title") or None, a.get("number") or None
    return document_name(title, number, version_date=a.get("version_date") or None,
                         version_kind=a.get("version_kind") or None,
                         scope=scope_of(a.get("kind"), number, title, a.get("jurisdiction"), a.get("date")),
                         fallback=untitled_name(a.get("issuers") or (), a.get("jurisdiction") or None,
                                                a.get("date") or None) or file_name(node_id, sources))


def record_name(node_id: str, r: DocumentRecord | Part) -> str:
    """The name of a record of documents.jsonl or of a part embedded in one (which has no file
    of its own), as attrs_name names them."""
    sources = (r.source,) if isinstance(r, DocumentRecord) else ()
    return document_name(r.title, r.number, fallback=(untitled_name(r.issuers, r.jurisdiction, r.date)
                                                       or file_name(node_id, sources)))


def node_name(n: Node) -> str:
    """The name of a linked node."""
    return document_name(n.title, n.number, version_date=n.version_date, version_kind=n.version_kind,
                         scope=scope_of(n.kind, n.number, n.title, n.jurisdiction, n.date),
                         fallback=(untitled_name(n.issuers, n.jurisdiction, n.date)
                                   or file_name(n.id, n.sources)))


def short_label(name: str, width: int = 14, version_date: str | None = None) -> str:
    """A name cut for a drawing's node label: brackets and number dropped when a title is
    there, cut to `width` characters, and a version's year after it, so the versions of one
    work stay apart on the drawing too.

    >>> short_label("《中华人民共和国道路交通安全法实施条例》（国务院令第405号）")
    '中华人民共和国道路交通安全…'
    >>> short_label("国办发〔2003〕40号")
    '国办发〔2003〕40号'
    >>> short_label("《道路运输条例》（2019-03-02修正）", version_date="2019-03-02")
    '道路运输条例 2019'
    """
    if name.startswith("《") and "》" in name:
        name = name[1:name.rindex("》")]
    year = f" {version_date[:4]}" if version_date else ""
    room = width - len(year)
    return (name if len(name) <= room else name[:room - 1] + "…") + year
