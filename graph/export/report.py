"""The build report: what was read, what was found, what failed and why.

Deterministic (no timestamps, sorted everywhere) so two builds of the same corpus give
byte-identical reports, and a diff of two reports shows what a change did. Readable at any
size: counts, and of each long list its first rows, with the whole list in a CSV file beside
the report (report_lists.py); documents are named by corpus/names.py, never by their ids.
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from policygraph.corpus.compare import MOVES, Comparison, DeadlineChange, TargetChange, moves
from policygraph.corpus.link import Linked
from policygraph.corpus.names import document_name, file_name, node_name
from policygraph.export.report_lists import MAX_ROWS, Lists, warning_kind
from policygraph.extract.gazetteer import province_of
from policygraph.extract.measures import candidate_terms, load_scheme
from policygraph.extract.measures.terms import KeyTermsOf
from policygraph.extract.read import RECORD
from policygraph.models import NATION, RANKS, VALIDITY, Authority, DocumentRecord, Failure, Measures, Node

__all__ = ["MAX_ROWS", "failure_rows", "report_body", "with_validation"]


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
    provinces: Counter = field(default_factory=Counter)
    warnings: list[tuple[str, ...]] = field(default_factory=list)
    documents: list[tuple[object, ...]] = field(default_factory=list)
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
    f.provinces[_province(r.jurisdiction)] += 1
    f.warnings += [(name, r.source, w, r.id) for w in r.warnings]
    f.documents.append((name, r.source, r.level or "", RANKS.get(r.rank or "", r.rank or ""),
                        r.jurisdiction or "", r.date or "", r.date_in_force or "", len(r.citations), r.id))


def _province(jurisdiction: str | None) -> str:
    """The province a jurisdiction lies in, `national` for the nation's, `unknown` if none."""
    p = province_of(jurisdiction)
    return "national" if p == NATION else p or "unknown"


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
    lists: Path | None = None,
    bom: bool = False,
) -> str:
    """Everything the report says but the SHACL outcome (see with_validation). `key_terms_of`:
    a provision text's key terms (see measures.candidate_terms). Every long list is written
    whole as a CSV file into `lists` (the build's report/ folder; none when None), with a byte
    order mark when `bom`."""
    failures = sorted(failures, key=lambda f: f.path)
    facts = _facts(records, linked.nodes if linked is not None else {})
    out = Lists(lists, bom)
    n, k = facts.n, facts.counts
    lines = [f"# policygraph build report: {corpus}".replace("\n", " "), ""]  # one line: see with_validation
    lines += [
        "## Counts", "",
        f"Each long table shows its first {MAX_ROWS} rows; all its rows are in a CSV file in {FOLDER_NOTE}.",
        "",
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
    lines += _counts_section(facts, out)
    lines += ["", "## Cited issuer codes with unknown level", ""]
    ranked = sorted(facts.unresolved.items(), key=lambda kv: (-kv[1], str(kv[0])))
    lines += out.table("unknown-codes", "codes", ("code", "citations"), ranked)
    lines += ["", "## Codes learned from the corpus", ""]
    lines += out.table("learned-codes", "codes", ("code", "jurisdiction", "level", "evidence"),
                       [(c, a.jurisdiction, a.level, a.evidence) for c, a in sorted(learned.items())])
    name = _namer(linked)
    if linked is not None:
        lines += _graph_section(linked, name, out)
    lines += _measures_section(facts, comparisons if isinstance(comparisons, Sequence) else list(comparisons),
                               scheme, key_terms_of, name, out)
    lines += ["", "## Failed inputs", ""]
    lines += out.table("failures", "failed inputs", ("file", "reason"), failure_rows(failures))
    lines += _warnings_section(facts, out)
    lines += ["", "## Documents", ""]
    by_citations = sorted(facts.documents, key=lambda d: (-int(str(d[7])), str(d[1])))
    lines += out.table("documents", "documents (here: those citing the most)", DOCUMENT_COLUMNS, by_citations,
                       shown=8)
    return "\n".join(lines) + "\n"


#: Where the report says its CSV files are.
FOLDER_NOTE = "report/ beside this file"
#: Columns of the lists (report/NAME.csv); the report's tables show those before the ids.
DOCUMENT_COLUMNS = ("document", "file", "level", "rank", "jurisdiction", "date", "in force from", "citations",
                    "id")
PROBABLE_COLUMNS = ("child", "probably implements", "reason", "child id", "parent id")
CHANGE_COLUMNS = ("child", "parent", "via", "what", "parent says", "child says", "change", "child id",
                  "parent id")
REUSE_COLUMNS = ("child", "parent", "via", "share of child's text reused", "inherited", "added", "dropped",
                 "child id", "parent id")


def _counts_section(facts: _Facts, out: Lists) -> list[str]:
    """Documents by level, rank and province; citations by relation and by how found."""
    levels, ranks = facts.levels, facts.ranks
    lines = ["## Documents by level", "", "| level | documents |", "|---|---|"]
    lines += [f"| {lv} | {levels[lv]} |" for lv in sorted(levels)]
    lines += ["", "## Documents by rank", "", "| rank | documents |", "|---|---|"]
    lines += [f"| {RANKS.get(r, r)} | {ranks[r]} |" for r in (*RANKS, "unknown") if ranks[r]]
    lines += ["", "## Documents by province", ""]
    lines += out.table("provinces", "provinces", ("province", "documents"), _ranked(facts.provinces))
    rel = facts.relations
    lines += ["", "## Citations by relation", "", "| relation | citations |", "|---|---|"]
    lines += [f"| {k} | {rel[k]} |" for k in sorted(rel)]
    how = facts.found_by
    lines += ["", "## Citations by how they were found", "", "| found by | citations |", "|---|---|"]
    lines += [f"| {k} | {how[k]} |" for k in sorted(how)]
    return lines


def _ranked(counts: Counter) -> list[tuple[str, int]]:
    """(key, count), the largest count first, ties by key."""
    return sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))


def _warnings_section(facts: _Facts, out: Lists) -> list[str]:
    """Warnings counted by kind (warning_kind); every warning in warnings.csv."""
    lines = ["", "## Warnings", ""]
    if not facts.warnings:
        out.write("warnings", ("document", "file", "warning", "id"), [])
        return [*lines, "None."]
    kinds = Counter(warning_kind(w[2]) for w in facts.warnings)
    lines += [f"Warnings: {len(facts.warnings):,}, about {len({w[1] for w in facts.warnings}):,} file(s), "
              f"each in {out.path('warnings')}; by kind:", ""]
    lines += out.table("warning-kinds", "kinds", ("warning", "count"), _ranked(kinds))
    out.write("warnings", ("document", "file", "warning", "id"), facts.warnings)
    return lines


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


def _validity_order(v: str) -> tuple[int, str]:
    return (list(VALIDITY).index(v) if v in VALIDITY else len(VALIDITY), v)


def _namer(linked: Linked | None) -> Callable[[str], str]:
    """A node's name by its id (corpus/names.py); without a graph, the id."""
    nodes = linked.nodes if linked is not None else {}

    def name(node: str) -> str:
        return node_name(nodes[node]) if node in nodes else node
    return name


def _graph_section(linked: Linked, name: Callable[[str], str], out: Lists) -> list[str]:
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
    lines += ["", "### Most cited documents", "",
              "By the number of documents citing them (stated citations of any relation).", ""]
    cited = Counter(t for _s, t in {(e.source, e.target) for e in linked.edges if e.via != "probable"})
    rows = []
    for node, count in _ranked(cited):
        n = linked.nodes.get(node)
        level, valid = (n.level or "", VALIDITY.get(n.validity or "", "")) if n else ("", "")
        rows.append((name(node), level, count, valid, node))
    lines += out.table("most-cited", "cited documents", ("document", "level", "cited by", "validity", "id"),
                       rows, shown=3)
    probable = [e for e in linked.edges if e.via == "probable"]
    lines += ["", "### Probable links (inferred; not part of stated cascades)", ""]
    lines += out.table("probable-links", "probable links", PROBABLE_COLUMNS,
                       [(name(e.source), name(e.target), e.reason, e.source, e.target) for e in probable],
                       shown=3)
    return lines


def _measures_section(facts: _Facts, comparisons: Sequence[Comparison], scheme: str | None,
                      key_terms_of: KeyTermsOf | None, name: Callable[[str], str], out: Lists) -> list[str]:
    provisions, covered, concepts, k = facts.provisions, facts.covered, facts.concepts, facts.counts
    lines = ["", "## Measures", "",
             f"Scheme: {load_scheme(scheme).source} ({len(load_scheme(scheme).concepts)} concepts). "
             f"Provisions with at least one measure: {covered} of {provisions}"
             + (f" ({covered / provisions:.0%})." if provisions else "."),
             f"Targets: {k['targets']}; deadlines: {k['deadlines']}; sums of money: {k['money']}.", ""]
    if concepts:
        lines += out.table("measures", "measures", ("measure", "provisions mentioning it"), _ranked(concepts))
    # A build's Summaries (build/comparisons.py) knows each comparison's moves: only the
    # comparisons with a change that moves something are decoded for the changes.
    counts = getattr(comparisons, "moves", None)
    if counts is None:
        counts = [moves(c) for c in comparisons]
    lines += ["", "### Targets and deadlines changed down the hierarchy", ""]
    lines += out.table("changes", "changes", CHANGE_COLUMNS, _change_rows(comparisons, counts, name), shown=7)
    lines += ["", "### Text reuse along edges", ""]
    reuse = [(name(c.child), name(c.parent), c.via, f"{c.reuse['share']:.1%}", len(c.inherited), len(c.added),
              len(c.dropped), c.child, c.parent) for c in comparisons]
    lines += out.table("reuse", "comparisons", REUSE_COLUMNS, reuse, shown=7,
                       empty="None (no edge joins two documents whose text is in the corpus).")
    cands = candidate_terms(facts.sample, scheme, key_terms_of=key_terms_of)
    lines += ["", "### Candidate measures not in the scheme", "",
              "Frequent key terms of the provisions (jieba TF-IDF) that no scheme label covers: "
              "review them to grow the scheme.", ""]
    lines.append("、".join(f"{t} ({n})" for t, n in cands) if cands else "None.")
    return lines


def _change_rows(comparisons: Sequence[Comparison], counts: Sequence[int],
                 name: Callable[[str], str]) -> list[tuple[object, ...]]:
    """A row per change that moves a target or deadline, of the comparisons with any (`counts`:
    how many each has)."""
    rows: list[tuple[object, ...]] = []
    for i in (i for i, n in enumerate(counts) if n):
        c = comparisons[i]
        for ch in c.changes:
            if isinstance(ch, TargetChange | DeadlineChange) and ch.direction in MOVES:
                what = ch.indicator if isinstance(ch, TargetChange) else ch.label
                rows.append((name(c.child), name(c.parent), c.via, what, ch.parent.text, ch.child.text,
                             ch.direction, c.child, c.parent))
    return rows
