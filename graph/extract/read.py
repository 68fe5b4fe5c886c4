"""Read a corpus: files and folders in, decoded `Source`s (or `Failure`s) out.

Encodings are detected, not guessed: a byte-order mark decides first, then strict UTF-8,
then charset-normalizer restricted to the encodings Chinese documents use. Anything that
cannot be decoded into text becomes a `Failure` with its reason; nothing is dropped silently.
"""

from __future__ import annotations

import codecs
import json
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from policygraph.extract.read_html import html_to_text, looks_like_html
from policygraph.extract.record_meta import LONE_SURROGATE, front_matter, key_form, meta_of
from policygraph.files import Listing, list_files
from policygraph.models import Failure, Source

T = TypeVar("T")

SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "txt", ".html": "html", ".htm": "html",
            ".xhtml": "html", ".json": "json", ".jsonl": "jsonl"}
MAX_BYTES = 64 * 1024 * 1024
TEXT_KEYS = ("text", "content", "body", "fulltext", "full_text", "doc_content", "正文", "内容")
#: Encodings tried by the detector, in the order charset-normalizer should prefer them.
CHINESE_ENCODINGS = ["gb18030", "big5", "utf_16", "utf_8"]


def iter_corpus(root: str | Path) -> Iterator[Source | Failure]:
    """Every document under `root` (a folder, searched recursively, or one file).

    Paths in the results are relative to `root` (or the file's name), in sorted order, so
    a build over the same folder always sees the same sequence."""
    for entry in corpus_entries(root):
        yield from (entry,) if isinstance(entry, Failure) else read_file(*entry)


def corpus_entries(root: str | Path, names: Iterable[str] | None = None,
                   ) -> Iterator[tuple[Path, str] | Failure]:
    """Each file a reading of `root` decodes, as (path, its name in records), in sorted order;
    a Failure for a file of a type it does not read, or a `root` that is not there. With
    `names`, only the files they name (as records name them)."""
    root = Path(root)
    if root.is_file():
        yield root, source_name(root.name)
        return
    if not root.is_dir():
        yield Failure(source_name(str(root)), "no such file or folder")
        return
    listing = list_files(root) if names is None else Listing(_named(root, set(names)), [])
    for path, why in listing.skipped:  # links, unreadable folders, FIFOs, build outputs
        yield Failure(source_name(path.relative_to(root).as_posix()), f"skipped: {why}")
    for path in listing.files:
        rel = source_name(path.relative_to(root).as_posix())
        if path.suffix.lower() in SUFFIXES:
            yield path, rel
        else:
            yield Failure(rel, f"unsupported file type {path.suffix or '(none)'}; "
                               f"supported: {', '.join(sorted(SUFFIXES))}")


def corpus_files(root: Path) -> list[Path]:
    """Files under `root` in sorted order, hidden ones left out (policygraph.files.list_files)."""
    return list_files(root).files


def source_name(rel: str) -> str:
    """A path as records and reports name it: always valid UTF-8, so it can be written out. A
    file name that is not UTF-8 (a corpus copied from a GBK file system) keeps its odd bytes
    as \\xNN escapes instead of stopping the build when documents.jsonl is written."""
    return os.fsencode(rel).decode("utf-8", "backslashreplace")


def _named(root: Path, names: set[str]) -> list[Path]:
    """The files under `root` that `names` (as source_name gives them) name, in sorted order."""
    found = [root / rel for rel in names if (root / rel).is_file()]
    if len(found) < len(names) and any("\\x" in rel for rel in names):  # escaped names: list
        found = [p for p in corpus_files(root) if source_name(p.relative_to(root).as_posix()) in names]
    return sorted(found)


def count_files(root: str | Path) -> int:
    """How many files a build of `root` reads (a progress bar's total)."""
    root = Path(root)
    return 1 if root.is_file() else len(corpus_files(root)) if root.is_dir() else 0


def read_file(path: Path, rel: str) -> Iterator[Source | Failure]:
    """Decode one file into one or more sources (a JSONL file holds many)."""
    kind = SUFFIXES.get(path.suffix.lower(), "txt")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            yield Failure(rel, f"file too large: {size} bytes (limit {MAX_BYTES})")
            return
        data = path.read_bytes()
    except OSError as e:
        yield Failure(rel, f"cannot read: {e.strerror or e}")
        return
    try:
        yield from read_bytes(data, rel, kind)
    except Exception as e:  # a reader's bug must cost one file, not the build
        yield Failure(rel, f"cannot read: {type(e).__name__}: {e}"[:300])


def read_bytes(data: bytes, rel: str, kind: str = "txt") -> Iterator[Source | Failure]:
    """Decode bytes of the given kind (txt, html, json, jsonl)."""
    if not data.strip():
        yield Failure(rel, "empty file")
        return
    text, encoding = decode(data)
    if text is None:
        yield Failure(rel, encoding)
        return
    record = _json_record(text) if kind == "txt" else None  # before HTML: a field may be HTML
    if record is not None:
        yield from _records(rel, record, encoding)
    elif kind == "json":
        yield from _json_records(rel, text, encoding)
    elif kind == "html" or (kind == "txt" and looks_like_html(text)):
        title, body = html_to_text(text)
        meta = {"title": title} if title else {}
        if not body.strip():
            yield Failure(rel, "HTML page without visible text")
            return
        yield Source(rel, body, encoding, "html", meta)
    elif kind == "jsonl":
        yield from _jsonl_records(rel, text, encoding)
    else:
        body, meta = front_matter(text)
        if not body.strip():
            yield Failure(rel, "front matter only, no text")
            return
        yield Source(rel, body, encoding, "txt", meta)


def decode(data: bytes) -> tuple[str | None, str]:
    """(text, encoding name), or (None, reason) when the bytes are not text."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
                     (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError:
                return None, f"undecodable: starts with a {enc} byte-order mark but is not {enc}"
    try:
        return _check_text(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _check_text(*utf16)
    if b"\x00" in data:
        return None, "binary file (contains NUL bytes), not text"
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=CHINESE_ENCODINGS).best()
    if best is None:
        best = from_bytes(data).best()
    if best is None:
        return None, "undecodable: no Chinese or Unicode encoding fits these bytes"
    return _check_text(str(best), best.encoding)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a byte-order mark: NUL bytes appear, and one byte order reads as text.

    Chinese text in UTF-16 has NULs only beside ASCII characters, so the byte order is
    chosen by which decoding gives more Han, ASCII and CJK punctuation characters.
    """
    if len(data) < 4 or len(data) % 2 or b"\x00" not in data:
        return None
    best: tuple[float, str, str] | None = None
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        sample = text[:5000]
        good = sum(1 for ch in sample if _plausible(ch)) / max(1, len(sample))
        if best is None or good > best[0]:
            best = (good, text, enc)
    if best is None or best[0] < 0.9:
        return None
    return best[1], best[2]


def _plausible(ch: str) -> bool:
    o = ord(ch)
    return (32 <= o < 127 or ch in "\t\n\r" or 0x4E00 <= o <= 0x9FFF or 0x3000 <= o <= 0x303F
            or 0xFF00 <= o <= 0xFFEF or 0x2000 <= o <= 0x206F)


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")  # control characters other than \t \n \v \f \r


def _check_text(text: str, encoding: str) -> tuple[str | None, str]:
    """Reject decoded 'text' that is really binary: control characters everywhere."""
    sample = text[:20000]
    bad = len(_CONTROL.findall(sample))
    if sample and bad / len(sample) > 0.01:
        return None, f"binary file: {bad} control characters in the first {len(sample)} (as {encoding})"
    return text, encoding


def _json_record(text: str) -> object | None:
    """The JSON of a .txt file that is one record (or an array of them) with a text field, as
    collectors save a page's fields, to be read as a .json file is; else None (the file is text)."""
    head = text.lstrip("\ufeff \t\r\n")[:1]
    if head not in ("{", "["):
        return None
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):  # ValueError: JSONDecodeError, or an integer of 4,300+ digits
        return None
    first = data[0] if isinstance(data, list) and data else data
    return data if isinstance(first, dict) and record_text(first) is not None else None


def _record_source(rel: str, rec: object, encoding: str, kind: str) -> Source | Failure:
    if not isinstance(rec, dict):
        return Failure(rel, "JSON record is not an object")
    text = record_text(rec)
    if text is None:
        return Failure(rel, f"JSON record has no text field (one of: {', '.join(TEXT_KEYS)}, "
                            f"or a field of {_PROSE_CHARS}+ characters of Chinese prose)")
    text = indented_paragraphs(LONE_SURROGATE.sub("\ufffd", text))
    meta = meta_of(rec)
    if looks_like_html(text):
        title, text = html_to_text(text)
        if title and "title" not in meta:
            meta["title"] = title
    return Source(rel, text, encoding, kind, meta)


def indented_paragraphs(text: str) -> str:
    """A text whose paragraphs a collector ran together, each still opening with its indent of
    two ideographic spaces (…请认真组织实施。\u3000\u30002021年11月4日\u3000\u3000（此件公开发布）): the
    indents become line breaks, so the signing date, headings and articles open lines again."""
    if text.count("\n") >= 3 or text.count("\u3000\u3000") < 3:
        return text
    return _INDENT.sub("\n", text).lstrip("\n")


_INDENT = re.compile("\u3000{2,}")


def record_text(rec: dict[object, object]) -> str | None:
    """A record's text: its field named so (text, content, fullText …, any case); else, where a
    search service names its fields by number (f_202142777829), its longest field of Chinese
    prose, plain text before HTML (the same page's markup is often a second field)."""
    texts = {key_form(k): v for k, v in reversed(rec.items()) if isinstance(v, str) and v.strip()}
    named = next((texts[k] for k in map(key_form, TEXT_KEYS) if k in texts), None)
    if named is not None:
        return named
    prose = [v for v in texts.values() if len(v) >= _PROSE_CHARS and len(_HAN.findall(v, 0, 2000)) >= 100]
    plain = [v for v in prose if not looks_like_html(v)]
    return max(plain or prose, key=len, default=None)


#: How long a field must be, and how much of its start Chinese, to be a record's unnamed text.
_PROSE_CHARS = 200
_HAN = re.compile(r"[\u4e00-\u9fff]")


#: How a record of a JSON array (`file#3`) or a line of a JSONL file (`file#L3`) is named.
RECORD = re.compile(r"(?P<file>.+)#(?P<mark>L?)(?P<n>[0-9]+)")


#: Python's JSON parser recurses once per level of nesting; a hostile file can exceed the stack.
TOO_DEEP = "JSON nested too deeply to read"


def _json_records(rel: str, text: str, encoding: str) -> Iterator[Source | Failure]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        yield Failure(rel, f"invalid JSON: {e.msg} at line {e.lineno} column {e.colno}")
        return
    except ValueError as e:  # an integer too long to convert
        yield Failure(rel, f"invalid JSON: {e}")
        return
    except RecursionError:
        yield Failure(rel, TOO_DEEP)
        return
    yield from _records(rel, data, encoding)


def _records(rel: str, data: object, encoding: str) -> Iterator[Source | Failure]:
    """The sources of a JSON file's parsed content: one record, or each of a list (`file#3`)."""
    records = data if isinstance(data, list) else [data]
    for i, rec in enumerate(records, start=1):
        yield _record_source(rel if len(records) == 1 else f"{rel}#{i}", rec, encoding, "json")


def _jsonl_records(rel: str, text: str, encoding: str) -> Iterator[Source | Failure]:
    # lines end at \n (\r\n too) only: U+2028 and U+2029, which str.splitlines also breaks at,
    # may stand inside a JSON string
    for i, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{rel}#L{i}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            yield Failure(where, f"invalid JSON line: {e.msg} at column {e.colno}")
            continue
        except ValueError as e:  # an integer too long to convert
            yield Failure(where, f"invalid JSON line: {e}")
            continue
        except RecursionError:
            yield Failure(where, TOO_DEEP)
            continue
        yield _record_source(where, rec, encoding, "jsonl")
