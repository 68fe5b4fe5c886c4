"""The document view: each corpus document's text with its metadata, and the spans of its
citations and measures highlighted, readable offline from disk.

A browser opening a page from file:// may not fetch a JSON file beside it, but may load a
script: so the texts are written as scripts, `documents/t/NNNN.js`, each a call
`PGDOC({source: document, …})` holding up to `SHARD` documents, and one page,
`documents/view.html#NNNN/<source>`, loads the one it is asked for. Spans are the record's own
offsets into the decoded text (extract/read.py decodes the file again, as extraction did).
Every text reaches the page as data and is set with textContent (docview.js).
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Iterator, Mapping
from importlib import resources
from pathlib import Path
from urllib.parse import quote

from policygraph.corpus.names import document_name, record_name
from policygraph.export.html.panel import LEVEL_STYLE, RELATION_STYLE, name_of
from policygraph.extract.read import read_file
from policygraph.models import RANKS, DocumentRecord, Part

FOLDER = "documents"
VIEW = "view.html"
SHARD = 64  # documents a script holds: a few hundred KB of text to load for one view


def _asset(name: str) -> str:
    return resources.files("policygraph.export.html.assets").joinpath(name).read_text(encoding="utf-8")


def _texts(corpus: Path, sources: Iterable[str]) -> Iterator[tuple[str, str]]:
    """(source, decoded text) of each wanted source, each file read once, as extraction read it."""
    by_file: dict[str, set[str]] = {}
    for s in sources:
        by_file.setdefault(s.split("#", 1)[0], set()).add(s)
    for rel, wanted in sorted(by_file.items()):
        path = corpus if corpus.is_file() else corpus / rel
        for src in read_file(path, rel if not corpus.is_file() else path.name):
            text = getattr(src, "text", None)
            if text is not None and src.path in wanted:
                yield src.path, text


def _citation_spans(cites: Iterable, names: str = "cite") -> list[list]:
    spans = []
    for c in cites:
        if c.end > c.start:
            words = RELATION_STYLE.get(c.relation, (c.relation,))[0]
            cited = document_name(c.title, c.number) or c.alias or ""
            spans.append([c.start, c.end, names, f"{words} {cited}"])
    return spans


def spans_of(r: DocumentRecord) -> list[list]:
    """[start, end, kind, label] of every citation (kind cite) and measure, target and deadline
    (kind measure, target, deadline) of the record and its parts, by start."""
    spans = _citation_spans(r.citations)
    holders: list[DocumentRecord | Part] = [r, *r.parts]
    for h in holders:
        if h is not r:
            spans += _citation_spans(h.citations)
        m = h.measures
        if m is None:
            continue
        spans += [[x.start, x.end, "measure", f"{x.label}（{x.term}）"] for x in m.measures]
        spans += [[x.start, x.end, "target", f"目标 target {x.text}"] for x in m.targets]
        spans += [[x.start, x.end, "deadline", f"时限 deadline {x.text}"] for x in m.deadlines]
    spans = [s for s in spans if s[1] > s[0]]
    return sorted(spans, key=lambda s: (s[0], s[1], s[2]))


def _entry(r: DocumentRecord, text: str, name: str | None) -> dict[str, object]:
    """What the view shows of one record: its facts, its citations, its text and spans; its
    `name` as the graph names it (a version's date and kind), else as the record does."""
    lv = r.level if r.level in LEVEL_STYLE else "unknown"
    return {
        "name": name or record_name(r.id, r), "number": r.number, "title": r.title,
        "issuers": "、".join(r.issuers),
        "jurisdiction": r.jurisdiction, "level": LEVEL_STYLE[lv][1], "date": r.date,
        "datePublication": r.date_publication, "dateInForce": r.date_in_force, "webDate": r.web_date,
        "rank": RANKS.get(r.rank or "", r.rank), "source": r.source, "encoding": r.encoding,
        "citations": [{"relation": RELATION_STYLE.get(c.relation, (c.relation,))[0],
                       "name": document_name(c.title, c.number) or c.alias or "", "evidence": c.evidence,
                       "start": c.start, "end": c.end} for c in r.citations],
        "parts": [record_name(p.number or p.id, p) for p in r.parts],
        "text": text, "spans": spans_of(r),
    }


def _batches(records: Iterable[DocumentRecord], n: int) -> Iterator[list[DocumentRecord]]:
    batch: list[DocumentRecord] = []
    for r in records:
        batch.append(r)
        if len(batch) == n:
            yield batch
            batch = []
    if batch:
        yield batch


def href(shard: int, source: str) -> str:
    """The view of `source` in shard `shard`, relative to the documents folder's parent."""
    return f"{FOLDER}/{VIEW}#{shard:04d}/{quote(source, safe='')}"


def write_views(records: Iterable[DocumentRecord], corpus: Path, out: Path,
                names: Mapping[str, str] | None = None) -> dict[str, str]:
    """Write documents/view.html and the text scripts for every record whose file can be read
    again under `corpus`; return the view (relative to `out`) of each, by source and by id.
    `names`: the graph's name of each source (see source_names)."""
    names = names or {}
    folder = out / FOLDER
    (folder / "t").mkdir(parents=True, exist_ok=True)
    for old in (folder / "t").glob("*.js"):  # a previous build's, of documents maybe gone
        old.unlink()
    views: dict[str, str] = {}
    k = 0
    for batch in _batches(records, SHARD):  # a batch of records in memory at a time, not the corpus
        texts = dict(_texts(corpus, (r.source for r in batch)))
        body = {r.source: _entry(r, texts[r.source], names.get(r.source)) for r in batch if r.source in texts}
        if not body:
            continue
        script = "PGDOC(" + json.dumps(body, ensure_ascii=False, sort_keys=True) + ");\n"
        (folder / "t" / f"{k:04d}.js").write_text(script, encoding="utf-8", newline="\n")
        views.update({key: href(k, r.source) for r in batch if r.source in texts for key in (r.source, r.id)})
        k += 1
    page = (_asset("docview.html").replace("{{style}}", _asset("explorer.css") + _asset("docview.css"))
            .replace("{{script}}", _asset("docview.js")).replace("{{title}}", html.escape("policygraph")))
    (folder / VIEW).write_text(page, encoding="utf-8", newline="\n")
    return views


def source_names(nodes: Iterable[tuple[str, Mapping]]) -> dict[str, str]:
    """The name of the document in each source file, as the graph names its node."""
    return {s: name_of(n, a) for n, a in nodes if a.get("kind") == "document"
            for s in str(a.get("sources") or "").split(";") if s}


def node_views(nodes: Iterable[tuple[str, Mapping]], views: Mapping[str, str]) -> dict[str, str]:
    """Each node's view: of its first source file that has one, else of the record it is
    embedded in (by id)."""
    out = {}
    for n, a in nodes:
        for s in (*str(a.get("sources") or "").split(";"), *str(a.get("embedded_in") or "").split(";")):
            if s in views:
                out[n] = views[s]
                break
    return out
