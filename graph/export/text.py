"""Plain-text views for a terminal: a document record, a document's measures and a comparison,
as `policygraph inspect`, `measures` and `compare` print them.

Each view is a function returning the text (no trailing newline), so a notebook can show the
same thing the command line prints.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from policygraph.corpus.compare import Change, Comparison, DeadlineChange, TargetChange
from policygraph.corpus.names import attrs_name
from policygraph.models import RANKS, DocumentRecord, MeasureMention, Measures


def record_text(rec: DocumentRecord | Mapping[str, Any]) -> str:
    """What a record says about the document (a DocumentRecord, or a record of documents.jsonl):
    its name, fields, dates, history, evidence, citations and embedded parts."""
    d = rec.to_dict() if isinstance(rec, DocumentRecord) else rec

    def row(label: str, value: object) -> str:
        return f"{label:<13}{value if value not in (None, '', (), []) else '—'}"

    rank = d.get("rank")
    out = [
        attrs_name(d["id"], d),
        row("source", d.get("source")),
        row("number", d.get("number")),
        row("title", d.get("title")),
        row("issuers", "、".join(d.get("issuers") or ())),
        row("jurisdiction", d.get("jurisdiction")),
        row("level", d.get("level")),
        row("rank", f"{RANKS.get(rank, rank)} ({rank})" if rank else None),
        row("date", d.get("date")),
        row("published", d.get("date_publication")),
        row("in force", d.get("date_in_force")),
        row("web page", d.get("web_date")),
    ]
    out += _history_lines(d.get("history") or ())
    if d.get("evidence"):
        out.append("evidence")
        out += [f"  {k:<12} {v}" for k, v in sorted(d["evidence"].items())]
    out.append(f"citations    {len(d.get('citations') or ())}")
    for c in d.get("citations") or ():
        out += _citation_lines(c)
    for p in d.get("parts") or ():
        out += _part_lines(p)
    if d.get("warnings"):
        out.append("warnings")
        out += [f"  {w}" for w in d["warnings"]]
    return "\n".join(out)


def _history_lines(history: Iterable[Mapping[str, Any]]) -> list[str]:
    """The header's history, oldest first: date, what happened, and the decision that did it."""
    lines = [f"  {h.get('date') or '?':<10} {h['kind']:<11} {'《' + h['by'] + '》' if h.get('by') else ''}"
             .rstrip() for h in history]
    return ["history", *lines] if lines else []


def _citation_lines(c: Mapping[str, Any]) -> list[str]:
    """A citation of the document itself: relation, target, what it resolved to, evidence."""
    target = c.get("number") or f"《{c.get('title')}》"
    extra = f" {c['title']}" if c.get("number") and c.get("title") else ""
    lvl = (f" [{c['level']}{', ' + c['jurisdiction'] if c.get('jurisdiction') else ''}]"
           if c.get("level") else "")
    how = f"(by {c.get('found_by', 'number')}, {c['confidence']})"
    return [f"  {c['relation']:<10} {target}{extra}{lvl}  {how}",
            f"             “{c['evidence'][:120]}”"]


def _part_lines(p: Mapping[str, Any]) -> list[str]:
    """An embedded document and its citations, briefly."""
    out = [f"embedded     {attrs_name(p['id'], p)} "
           f"[{p.get('level') or '?'}, {p.get('jurisdiction') or '?'}, {p.get('date') or '?'}]"]
    out += [f"  {c['relation']:<10} {c.get('number') or '《' + (c.get('title') or '') + '》'}"
            for c in p.get("citations") or ()]
    return out


def measures_text(name: str, m: Measures) -> str:
    """The measures `m` of a document (or embedded part) named `name` (corpus/names.py): by
    provision, then its targets, deadlines and sums of money."""
    out = [f"measures of {name}"]
    by_prov: dict[str, list[MeasureMention]] = {}
    for x in m.measures:
        by_prov.setdefault(x.provision, []).append(x)
    for prov in m.provisions:
        ms = by_prov.pop(prov.path, [])
        if ms:
            out += ["", f"{prov.path or '(preamble)'}  {prov.text[:60]}…"]
            out += [_measure_line(x) for x in ms]
    return "\n".join(out + _figure_lines(m))


def _measure_line(m: MeasureMention) -> str:
    extra = "".join(f"  {x.text}→{x.date or '?'}" for x in m.deadlines)
    agencies = f"  [{'、'.join(m.agencies)}]" if m.agencies else ""
    return f"  {m.label} ({m.group}){extra}{agencies}"


def _figure_lines(m: Measures) -> list[str]:
    """The targets, deadlines and sums of money of a document, each a section when it has any."""
    out: list[str] = []
    if m.targets:
        out += ["", "targets"]
        out += [f"  {t.provision or '-':<12} {t.indicator or '?'}: {t.value} {t.unit} "
                f"{t.comparator}{' (' + str(t.year) + ')' if t.year else ''}  “{t.text}”"
                for t in m.targets]
    if m.deadlines:
        out += ["", "deadlines"]
        out += [f"  {x.provision or '-':<12} {x.text} → {x.date or '?'}  {x.action or ''}"
                for x in m.deadlines]
    if m.money:
        out += ["", "money"]
        out += [f"  {x.provision or '-':<12} {x.value:,} 元  “{x.text}”" for x in m.money]
    return out


def comparison_text(c: Comparison, labels: Mapping[str, str], names: Mapping[str, str] | None = None) -> str:
    """A child against a parent, each by its name in `names` (node id → name, corpus/names.py):
    measures inherited, added and dropped (by their labels), targets, deadlines and agencies
    changed, and the text reused provision by provision."""
    names = names or {}
    out = [f"{names.get(c.child, c.child)}  compared with  {names.get(c.parent, c.parent)}"]
    for name, items in (("inherited", c.inherited), ("added", c.added), ("dropped", c.dropped)):
        out.append(f"  {name:<10}{len(items):>3}  {'、'.join(labels.get(i, i) for i in items)}")
    out += ["", "changes", *(_change_line(ch) for ch in c.changes)]
    r = c.reuse
    out += ["", f"text reuse: {r['share']:.1%} of the child's word 3-grams appear in the parent "
                f"({r['copied']} of {r['shingles']})"]
    for row in r["provisions"]:
        if row["parent"] is not None and row["similarity"] >= 0.2:
            child_p, parent_p = row["child"] or "(preamble)", row["parent"] or "(preamble)"
            out.append(f"  {child_p:<14} ≈ {parent_p:<14} {row['similarity']:.2f}")
    return "\n".join(out)


def _change_line(ch: Change) -> str:
    if isinstance(ch, TargetChange):
        return f"  target    {ch.indicator}: “{ch.parent.text}” → “{ch.child.text}”  {ch.direction}"
    if isinstance(ch, DeadlineChange):
        by = f" by {abs(ch.days)} days" if ch.days else ""
        return (f"  deadline  {ch.label}: {ch.parent.text} ({ch.parent.date}) → "
                f"{ch.child.text} ({ch.child.date})  {ch.direction}{by}")
    added, removed = "、".join(ch.added) or "-", "、".join(ch.removed) or "-"
    return f"  agencies  {ch.label}: +{added}  -{removed}"
