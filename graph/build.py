"""Build a corpus: read every file, extract every document, learn codes, write the output.

Two passes: the first extracts each document on its own; codes the corpus itself explains
(a document stating both 江办发〔2004〕11号 and its issuer 中共江门市委办公室) are then learned,
and the documents using such a code are extracted again with that knowledge. A file that
fails at any stage becomes a failure in the report; the build always finishes.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from .authorities import AuthorityTable, load_table
from .compare import compare_along, measures_by_node
from .extract import extract, learn_codes
from .link import Linked, link
from .measures import load_scheme
from .models import Authority, DocumentRecord, Failure, Source
from .network import to_networkx, write_csv, write_graphml
from .numbers import parse_canonical
from .rdf import DEFAULT_BASE, to_rdf, validate, write_rdf
from .read import iter_corpus
from .render import render_corpus
from .report import render_report


class ValidationError(RuntimeError):
    """The build's RDF does not conform to the shipped SHACL shapes (a bug, never bad input)."""


@dataclass(frozen=True)
class BuildResult:
    records: tuple[DocumentRecord, ...]
    failures: tuple[Failure, ...]
    learned: dict[str, Authority]


def extract_all(
    items: Iterable[Source | Failure],
    table: AuthorityTable | None = None,
    progress: Callable[[str], None] | None = None,
    scheme: str | None = None,
) -> BuildResult:
    """Extract every source; learn the corpus's codes; re-extract where they help."""
    table = table or load_table()
    sources: list[Source] = []
    failures: list[Failure] = []
    records: list[DocumentRecord] = []
    for item in items:
        if isinstance(item, Failure):
            failures.append(item)
            if progress:
                progress(item.path)
            continue
        rec = _safe_extract(item, table, {}, failures, scheme)
        if rec is not None:
            sources.append(item)
            records.append(rec)
        if progress:
            progress(item.path)
    learned = learn_codes(records, table)
    if learned:
        for i, (src, rec) in enumerate(zip(sources, records, strict=True)):
            if _codes_of(rec) & learned.keys():
                again = _safe_extract(src, table, learned, [], scheme)
                if again is not None:
                    records[i] = again
    return BuildResult(tuple(_unique_ids(records)), tuple(failures), learned)


def _safe_extract(
    src: Source, table: AuthorityTable, learned: dict[str, Authority], failures: list[Failure],
    scheme: str | None = None,
) -> DocumentRecord | None:
    try:
        return extract(src, table, learned, scheme)
    except Exception as e:  # one bad document must never stop a build
        failures.append(Failure(src.path, f"extraction failed: {type(e).__name__}: {e}"))
        return None


def _codes_of(rec: DocumentRecord) -> set[str]:
    numbers = [rec.number] + [c.number for c in rec.citations]
    for p in rec.parts:
        numbers += [p.number] + [c.number for c in p.citations]
    codes = set()
    for n in numbers:
        dn = parse_canonical(n) if n else None
        if dn:
            codes.add(dn.code)
    return codes


def _unique_ids(records: list[DocumentRecord]) -> list[DocumentRecord]:
    """Ids are numbers where known; a second file with the same number gets a suffixed id."""
    records = sorted(records, key=lambda r: r.source)
    seen: dict[str, str] = {}
    out = []
    for r in records:
        if r.id in seen:
            r = replace(r, id=f"{r.id}@{r.source}",
                        warnings=(*r.warnings, f"same number as {seen[r.id]}: a duplicate copy?"))
        else:
            seen[r.id] = r.source
        out.append(r)
    return out


def write_outputs(
    result: BuildResult, out: Path, corpus: str, base: str = DEFAULT_BASE, scheme: str | None = None
) -> dict[str, Path]:
    """Write every output file into `out` and validate the RDF; return the paths by name.

    Raises ValidationError (after writing everything, report included) if the RDF does not
    conform to the SHACL shapes.
    """
    out.mkdir(parents=True, exist_ok=True)
    paths = {name: out / file for name, file in (
        ("documents", "documents.jsonl"), ("turtle", "graph.ttl"), ("ntriples", "graph.nt"),
        ("nodes", "nodes.csv"), ("edges", "edges.csv"), ("graphml", "graph.graphml"),
        ("comparisons", "comparisons.jsonl"),
        ("report", "report.md"))}
    with paths["documents"].open("w", encoding="utf-8", newline="\n") as f:
        for r in result.records:
            f.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")
    linked: Linked = link(result.records)
    write_csv(linked, paths["nodes"], paths["edges"])
    write_graphml(to_networkx(linked), paths["graphml"])
    measures = measures_by_node(result.records)
    places = {n.id: n.jurisdiction for n in linked.nodes.values()}
    comparisons = compare_along(linked.edges, measures, places=places)
    with paths["comparisons"].open("w", encoding="utf-8", newline="\n") as f:
        for c in comparisons:
            f.write(json.dumps(c.to_dict(), ensure_ascii=False) + "\n")
    pages = render_corpus(to_networkx(linked), out, f"policygraph · {corpus}", comparisons,
                          {k: c.label for k, c in load_scheme(scheme).concepts.items()})
    paths["html"] = pages["graph"]
    g = to_rdf(linked, base, measures, comparisons, scheme)
    write_rdf(g, paths["turtle"], paths["ntriples"])
    conforms, details = validate(g)
    paths["report"].write_text(
        render_report(result.records, result.failures, result.learned, corpus, linked,
                      (conforms, details), comparisons, scheme),
        encoding="utf-8", newline="\n")
    if not conforms:
        raise ValidationError(f"graph.ttl does not conform to the SHACL shapes:\n{details}")
    return paths


def build(
    corpus: str | Path, out: str | Path, show_progress: bool = False, base: str = DEFAULT_BASE,
    scheme: str | None = None,
) -> dict[str, Path]:
    """Read `corpus`, extract and link it, and write the build output folder `out`."""
    corpus = Path(corpus)
    items = list(iter_corpus(corpus))
    if show_progress:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        with Progress("[progress.description]{task.description}", BarColumn(),
                      MofNCompleteColumn(), TimeRemainingColumn(), transient=True) as bar:
            task = bar.add_task("extracting", total=len(items))
            result = extract_all(items, progress=lambda _p: bar.advance(task), scheme=scheme)
    else:
        result = extract_all(items, scheme=scheme)
    return write_outputs(result, Path(out), corpus.name or str(corpus), base, scheme)
