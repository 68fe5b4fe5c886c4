"""Plain-text views for a terminal: a document record, a document's measures and a comparison,
as `policygraph inspect`, `measures` and `compare` print them.

Each view is a function returning the text (no trailing newline), so a notebook can show the
same thing the command line prints.
"""

from __future__ import annotations

from collections.abc import Mapping

from policygraph.corpus.compare import Change, Comparison, DeadlineChange, TargetChange
from policygraph.models import Citation, DocumentRecord, MeasureMention, Measures, Part


def record_text(rec: DocumentRecord) -> str:
    """What a record says about the document: fields, evidence, citations, embedded parts."""
    def row(label: str, value: object) -> str:
        return f"{label:<13}{value if value not in (None, '', ()) else '—'}"

    out = [
        row("source", rec.source),
        row("number", rec.number),
        row("title", rec.title),
        row("issuers", "、".join(rec.issuers)),
        row("jurisdiction", rec.jurisdiction),
        row("level", rec.level),
        row("date", rec.date),
        row("published", rec.web_date),
    ]
    if rec.evidence:
        out.append("evidence")
        out += [f"  {k:<12} {v}" for k, v in sorted(rec.evidence.items())]
    out.append(f"citations    {len(rec.citations)}")
    for c in rec.citations:
        out += _citation_lines(c)
    for p in rec.parts:
        out += _part_lines(p)
    if rec.warnings:
        out.append("warnings")
        out += [f"  {w}" for w in rec.warnings]
    return "\n".join(out)


def _citation_lines(c: Citation) -> list[str]:
    """A citation of the document itself: relation, target, what it resolved to, evidence."""
    target = c.number or f"《{c.title}》"
    extra = f" {c.title}" if c.number and c.title else ""
    lvl = f" [{c.level}{', ' + c.jurisdiction if c.jurisdiction else ''}]" if c.level else ""
    return [f"  {c.relation:<10} {target}{extra}{lvl}  (by {c.found_by}, {c.confidence})",
            f"             “{c.evidence[:120]}”"]


def _part_lines(p: Part) -> list[str]:
    """An embedded document and its citations, briefly."""
    out = [f"embedded     {p.number or '—'} {p.title or ''} "
           f"[{p.level or '?'}, {p.jurisdiction or '?'}, {p.date or '?'}]"]
    out += [f"  {c.relation:<10} {c.number or '《' + (c.title or '') + '》'}" for c in p.citations]
    return out


def measures_text(node: str, title: str | None, m: Measures) -> str:
    """The measures `m` of a document (or embedded part) `node`: by provision, then its
    targets, deadlines and sums of money."""
    out = [f"measures of {node} {title or ''}"]
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


def comparison_text(c: Comparison, labels: Mapping[str, str]) -> str:
    """A child against a parent: measures inherited, added and dropped (by their labels),
    targets, deadlines and agencies changed, and the text reused provision by provision."""
    out = [f"{c.child}  compared with  {c.parent}"]
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
