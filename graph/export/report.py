"""The build report: what was read, what was found, what failed and why.

Deterministic (no timestamps, sorted everywhere) so two builds of the same corpus give
byte-identical reports, and a diff of two reports shows what a change did.
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from policygraph.corpus.compare import MOVES, Comparison, DeadlineChange, TargetChange, moves
from policygraph.corpus.link import Linked
from policygraph.corpus.names import document_name, file_name, node_name
from policygraph.extract.measures import candidate_terms, load_scheme
from policygraph.extract.measures.terms import KeyTermsOf
from policygraph.extract.read import RECORD
from policygraph.models import RANKS, VALIDITY, Authority, DocumentRecord, Failure, Measures, Node


@dataclass
class _Facts:
    """Everything the report says about the records, gathered in one pass over them (a large
    build's records are decoded one at a time, so each extra pass would cost a full decode)."""

    n: int = 0
    counts: Counter = field(default_factory=Counter)
    levels: Counter = field(default_factory=Counter)
    ranks: Counter = field(default_factory=Counter)
    relations: Counter = field(default_factory=Counter)
    found_by: Counter = field(default_factory=Counter)
    unresolved: Counter = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    provisions: int = 0
    covered: int = 0
    concepts: Counter = field(default_factory=Counter)
    sample: list[str] = field(default_factory=list)  # provision texts for candidate_terms


#: Records whose provisions feed the candidate-term analysis (every k-th record beyond this).
SAMPLE_RECORDS = 300


def _facts(records: Sequence[DocumentRecord], nodes: Mapping[str, Node]) -> _Facts:
    """The facts of `records`, each named as its node of the graph (`nodes`) is, with its
    version, else by what the record knows."""
    f = _Facts(n=len(records))
    every = max(1, len(records) // SAMPLE_RECORDS)  # chosen by a hash of the source, not by
    # position, so a rebuild after adding a few documents samples nearly the same records
    for r in records:
        _count_record(f, r, node_name(nodes[r.id]) if r.id in nodes else record_name(r))
        _count_citations(f, r)
        sampled = zlib.crc32(r.source.encode("utf-8", "surrogatepass")) % every == 0
        for m in (r.measures, *(p.measures for p in r.parts)):
            if m:
                _count_measures(f, m, sampled)
    return f


def record_name(r: DocumentRecord) -> str:
    """A record's name (corpus/names.py): its title and number, else its file."""
    return document_name(r.title, r.number, fallback=file_name(r.id, (r.source,)))


def _count_record(f: _Facts, r: DocumentRecord, name: str) -> None:
    """What a record states about itself: its fields, level, rank, warnings and table row."""
    f.counts.update({"parts": len(r.parts), "number": bool(r.number), "title": bool(r.title),
                     "date": bool(r.date), "level": bool(r.level), "rank": bool(r.rank),
                     "date_publication": bool(r.date_publication), "date_in_force": bool(r.date_in_force),
                     "jurisdiction": bool(r.jurisdiction)})
    f.levels[r.level or "unknown"] += 1
    f.ranks[r.rank or "unknown"] += 1
    name = _md(name)
    f.warnings += [f"| {name} | {_md(r.source)} | {_md(w)} |" for w in r.warnings]
    f.documents.append(f"| {name} | {_md(r.source)} | {_md(r.level or '')} | "
                       f"{_md(RANKS.get(r.rank or '', r.rank or ''))} | {_md(r.jurisdiction or '')} | "
                       f"{_md(r.date or '')} | {_md(r.date_in_force or '')} | {len(r.citations)} |")


def _count_citations(f: _Facts, r: DocumentRecord) -> None:
    """The citations of a record and of its embedded parts."""
    for c in (*r.citations, *(c for p in r.parts for c in p.citations)):
        f.counts["citations"] += 1
        f.relations[c.relation] += 1
        f.found_by[c.found_by] += 1
        if c.number and not c.level:
            f.unresolved[c.issuer_code] += 1


def _count_measures(f: _Facts, m: Measures, sampled: bool) -> None:
    """The measures of one text (a record's or a part's); its provisions join the key-term
    sample when its record is `sampled`."""
    f.provisions += len(m.provisions)
    f.covered += sum(1 for p in m.provisions
                     if any(x.provision == p.path and p.start <= x.start < p.end for x in m.measures))
    f.concepts.update(x.label for x in m.measures)
    f.counts.update({"targets": len(m.targets), "deadlines": len(m.deadlines), "money": len(m.money)})
    if sampled:
        f.sample += [p.text for p in m.provisions]


def _md(s: object) -> str:
    """Make a value safe inside a Markdown table cell."""
    return str(s).replace("|", "\\|").replace("\n", " ")


def with_validation(body: str, validation: tuple[bool, str] | None) -> str:
    """The report: `body` (report_body) with the SHACL outcome right under its title. Apart, so
    a build can make the body while its RDF is still being written and validated."""
    if validation is None:
        return body
    ok, details = validation
    title, rest = body.split("\n\n", 1)
    verdict = (("graph.ttl conforms to the shipped SHACL shapes." if "not validated" not in details
                else "graph.ttl was not validated (--no-validate).") if ok else
               "**graph.ttl does NOT conform to the shipped SHACL shapes:**\n\n```\n" + details + "\n```")
    return f"{title}\n\n## SHACL validation\n\n{verdict}\n\n{rest}"


def report_body(
    records: Sequence[DocumentRecord],
    failures: Iterable[Failure],
    learned: Mapping[str, Authority],
    corpus: str,
    linked: Linked | None = None,
    comparisons: Iterable[Comparison] = (),
    scheme: str | None = None,
    key_terms_of: KeyTermsOf | None = None,
) -> str:
    """Everything the report says but the SHACL outcome (see with_validation). `key_terms_of`:
    a provision text's key terms (see measures.candidate_terms)."""
    failures = sorted(failures, key=lambda f: f.path)
    facts = _facts(records, linked.nodes if linked is not None else {})
    n, k = facts.n, facts.counts
    lines = [f"# policygraph build report: {corpus}".replace("\n", " "), ""]  # one line: see with_validation
    lines += [
        "## Counts", "",
        "| what | count |", "|---|---|",
        f"| inputs | {n + len(failures)} |",
        f"| documents extracted | {n} |",
        f"| inputs failed | {len(failures)} |",
        f"| embedded documents (parts) | {k['parts']} |",
        f"| documents with own number | {k['number']} |",
        f"| documents with title | {k['title']} |",
        f"| documents with signing date | {k['date']} |",
        f"| documents with publication date | {k['date_publication']} |",
        f"| documents with date of entry into force | {k['date_in_force']} |",
        f"| documents with level | {k['level']} |",
        f"| documents with rank | {k['rank']} |",
        f"| documents with jurisdiction | {k['jurisdiction']} |",
        f"| citations | {k['citations']} |",
        "",
    ]
    levels = facts.levels
    lines += ["## Documents by level", "", "| level | documents |", "|---|---|"]
    lines += [f"| {lv} | {levels[lv]} |" for lv in sorted(levels)]
    lines += ["", "## Documents by rank", "", "| rank | documents |", "|---|---|"]
    lines += [f"| {RANKS.get(r, r)} | {facts.ranks[r]} |" for r in (*RANKS, "unknown") if facts.ranks[r]]
    rel = facts.relations
    lines += ["", "## Citations by relation", "", "| relation | citations |", "|---|---|"]
    lines += [f"| {k} | {rel[k]} |" for k in sorted(rel)]
    how = facts.found_by
    lines += ["", "## Citations by how they were found", "", "| found by | citations |", "|---|---|"]
    lines += [f"| {k} | {how[k]} |" for k in sorted(how)]
    unresolved = facts.unresolved
    lines += ["", "## Cited issuer codes with unknown level", ""]
    if unresolved:
        lines += ["| code | citations |", "|---|---|"]
        ranked = sorted(unresolved.items(), key=lambda kv: (-kv[1], str(kv[0])))
        lines += [f"| {_md(k)} | {v} |" for k, v in ranked]
    else:
        lines.append("None.")
    lines += ["", "## Codes learned from the corpus", ""]
    if learned:
        lines += ["| code | jurisdiction | level | evidence |", "|---|---|---|---|"]
        lines += [f"| {_md(c)} | {_md(a.jurisdiction)} | {_md(a.level)} | {_md(a.evidence)} |"
                  for c, a in sorted(learned.items())]
    else:
        lines.append("None.")
    name = _namer(linked)
    if linked is not None:
        lines += _graph_section(linked, name)
    lines += _measures_section(facts, comparisons if isinstance(comparisons, Sequence) else list(comparisons),
                               scheme, key_terms_of, name)
    lines += ["", "## Failed inputs", ""]
    if failures:
        lines += ["| file | reason |", "|---|---|"]
        lines += [f"| {_md(where)} | {_md(reason)} |" for where, reason in failure_rows(failures)]
    else:
        lines.append("None.")
    lines += ["", "## Warnings", ""]
    if facts.warnings:
        lines += ["| document | file | warning |", "|---|---|---|", *facts.warnings]
    else:
        lines.append("None.")
    lines += ["", "## Documents", "",
              "| document | file | level | rank | jurisdiction | date | in force from | citations |",
              "|---|---|---|---|---|---|---|---|", *facts.documents]
    return "\n".join(lines) + "\n"


def failure_rows(failures: Iterable[Failure]) -> list[tuple[str, str]]:
    """(where, reason) rows: the records of one JSONL (or JSON array) file that failed for the
    same reason form one row naming their ranges (`manifest.jsonl#L1–L60 (60 records)`), so a
    metadata file of 3,000 records without text is one row, not 3,000, and every failed record
    is still named. Rows come in the order of each group's first failure."""
    groups: dict[tuple[str, str, str], list[int]] = {}
    for f in failures:
        m = RECORD.fullmatch(f.path)
        if m:
            groups.setdefault((m["file"], m["mark"], f.reason), []).append(int(m["n"]))
        else:
            groups.setdefault((f.path, "", f.reason), [])
    rows = []
    for (file, mark, reason), numbers in groups.items():
        if not numbers:
            rows.append((file, reason))
            continue
        runs: list[list[int]] = []
        for n in sorted(set(numbers)):
            if runs and n == runs[-1][1] + 1:
                runs[-1][1] = n
            else:
                runs.append([n, n])
        spans = ", ".join(f"{mark}{a}" if a == b else f"{mark}{a}–{mark}{b}" for a, b in runs)
        count = sum(b - a + 1 for a, b in runs)
        rows.append((f"{file}#{spans}" + (f" ({count:,} records)" if count > 1 else ""), reason))
    return rows


#: Rows a corpus-wide table shows before pointing to the file that has them all.
MAX_ROWS = 500


def _capped(rows: list[str], what: str, where: str, total: int | None = None) -> list[str]:
    """The first MAX_ROWS rows of a table of `total` (default: all of `rows`)."""
    total = len(rows) if total is None else total
    if total <= MAX_ROWS:
        return rows
    return [*rows[:MAX_ROWS], "", f"… and {total - MAX_ROWS:,} more {what}: all are in {where}."]


def _validity_order(v: str) -> tuple[int, str]:
    return (list(VALIDITY).index(v) if v in VALIDITY else len(VALIDITY), v)


def _namer(linked: Linked | None) -> Callable[[str], str]:
    """A node's name by its id (corpus/names.py); without a graph, the id."""
    nodes = linked.nodes if linked is not None else {}

    def name(node: str) -> str:
        return _md(node_name(nodes[node])) if node in nodes else _md(node)
    return name


def _graph_section(linked: Linked, name: Callable[[str], str]) -> list[str]:
    kinds = Counter(n.kind for n in linked.nodes.values())
    rel = Counter((e.relation, e.via) for e in linked.edges)
    lines = ["", "## Graph", "",
             "| nodes | count |", "|---|---|"]
    labels = {"document": "documents with their own file", "embedded": "documents embedded in another file",
              "cited": "documents only cited (by number)", "title": "documents only cited (by title)"}
    lines += [f"| {labels.get(k, k)} | {kinds[k]} |" for k in sorted(kinds)]
    validity = Counter(n.validity for n in linked.nodes.values() if n.validity)
    if validity:
        lines += ["", "| validity | documents |", "|---|---|"]
        lines += [f"| {VALIDITY.get(v, v)} {v} | {validity[v]} |"
                  for v in sorted(validity, key=_validity_order)]
    lines += ["", "| edge relation | found by | count |", "|---|---|---|"]
    lines += [f"| {r} | {v} | {c} |" for (r, v), c in sorted(rel.items())]
    probable = [e for e in linked.edges if e.via == "probable"]
    lines += ["", "### Probable links (inferred; not part of stated cascades)", ""]
    if probable:
        lines += ["| child | probably implements | reason |", "|---|---|---|"]
        lines += _capped([f"| {name(e.source)} | {name(e.target)} | {_md(e.reason)} |" for e in probable],
                         "probable links", "edges.csv")
    else:
        lines.append("None.")
    return lines


def _measures_section(facts: _Facts, comparisons: Sequence[Comparison], scheme: str | None,
                      key_terms_of: KeyTermsOf | None, name: Callable[[str], str]) -> list[str]:
    provisions, covered, concepts, k = facts.provisions, facts.covered, facts.concepts, facts.counts
    lines = ["", "## Measures", "",
             f"Scheme: {load_scheme(scheme).source} ({len(load_scheme(scheme).concepts)} concepts). "
             f"Provisions with at least one measure: {covered} of {provisions}"
             + (f" ({covered / provisions:.0%})." if provisions else "."),
             f"Targets: {k['targets']}; deadlines: {k['deadlines']}; sums of money: {k['money']}.", ""]
    if concepts:
        lines += ["| measure | provisions mentioning it |", "|---|---|"]
        ranked = sorted(concepts.items(), key=lambda kv: (-kv[1], kv[0]))[:25]
        lines += [f"| {_md(k)} | {v} |" for k, v in ranked]
    # A build's Summaries (build/comparisons.py) knows each comparison's moves and decodes a
    # comparison only when it is read: only the rows shown are decoded.
    counts = getattr(comparisons, "moves", None)
    if counts is None:
        counts = [moves(c) for c in comparisons]
    reuse = [f"| {name(c.child)} | {name(c.parent)} | {c.via} | {c.reuse['share']:.1%} | "
             f"{len(c.inherited)} | {len(c.added)} | {len(c.dropped)} |" for c in comparisons[:MAX_ROWS]]
    changes = _change_rows(comparisons, counts, name)
    n_changes, n_comparisons = sum(counts), len(comparisons)
    lines += ["", "### Targets and deadlines changed down the hierarchy", ""]
    if changes:
        lines += ["| child | parent | via | what | parent | child | change |",
                  "|---|---|---|---|---|---|---|"]
        lines += _capped(changes, "changes", "comparisons.jsonl", n_changes)
    else:
        lines.append("None.")
    lines += ["", "### Text reuse along edges", ""]
    if reuse:
        lines += ["| child | parent | via | share of child's text reused | inherited | added | dropped |",
                  "|---|---|---|---|---|---|---|"]
        lines += _capped(reuse, "comparisons", "comparisons.jsonl", n_comparisons)
    else:
        lines.append("None (no edge joins two documents whose text is in the corpus).")
    cands = candidate_terms(facts.sample, scheme, key_terms_of=key_terms_of)
    lines += ["", "### Candidate measures not in the scheme", "",
              "Frequent key terms of the provisions (jieba TF-IDF) that no scheme label covers: "
              "review them to grow the scheme.", ""]
    lines.append("、".join(f"{t} ({n})" for t, n in cands) if cands else "None.")
    return lines


def _change_rows(comparisons: Sequence[Comparison], counts: Sequence[int],
                 name: Callable[[str], str]) -> list[str]:
    """A row per change that moves a target or deadline, of the comparisons with any (`counts`:
    how many each has), until MAX_ROWS rows."""
    rows: list[str] = []
    for i in (i for i, n in enumerate(counts) if n):
        if len(rows) >= MAX_ROWS:
            break
        c = comparisons[i]
        for ch in c.changes:
            if isinstance(ch, TargetChange | DeadlineChange) and ch.direction in MOVES:
                what = ch.indicator if isinstance(ch, TargetChange) else ch.label
                rows.append(f"| {name(c.child)} | {name(c.parent)} | {c.via} | {_md(what)} | "
                            f"{_md(ch.parent.text)} | {_md(ch.child.text)} | {ch.direction} |")
    return rows
