"""Every output file of a build, from its extracted records: link, compare, RDF, store,
validation, with the stages that need one core (documents.jsonl, CSV and GraphML, HTML, the
report's tables) forked beside the others (background.py)."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from contextlib import ExitStack
from functools import partial
from pathlib import Path

from policygraph.build import heap
from policygraph.build.background import Background
from policygraph.build.comparisons import Summaries, write_comparisons
from policygraph.build.extraction import BuildResult
from policygraph.build.memo import KeyTerms, PreviousRdf, Rewrite, record_key, write_rdf_record
from policygraph.build.packed import MeasureIndex, PackedRecords
from policygraph.build.rdf import block_digest, block_keys, write_rdf
from policygraph.build.store import Loader, sync_store, updatable
from policygraph.build.timings import Timings, peak_mb, stage
from policygraph.corpus.link import Linked, link
from policygraph.corpus.network import to_networkx
from policygraph.export.html.documents import node_views, source_names, write_views
from policygraph.export.html.render import render_corpus
from policygraph.export.rdf import iter_blocks
from policygraph.export.report import report_body, with_validation
from policygraph.export.shacl import validate
from policygraph.export.tables import write_csv, write_graphml
from policygraph.export.terms import DEFAULT_BASE
from policygraph.export.turtle import Serializer
from policygraph.extract.measures import load_scheme
from policygraph.sparql.store import STORE


def _documents(records: PackedRecords, jsonl: Path, index: Path) -> None:
    """Write documents.jsonl, copying the line of every record the previous build wrote."""
    with Rewrite(jsonl, index) as w:
        for i in range(len(records)):
            key = record_key(records.blob(i))
            line = w.previous.get(key)
            if line is None:
                line = (json.dumps(records[i].to_dict(), ensure_ascii=False) + "\n").encode("utf-8")
            w.write(key, line)


def _reads(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None


def write_outputs(
    result: BuildResult, out: Path, corpus: str, base: str = DEFAULT_BASE, scheme: str | None = None,
    check: bool = True, jobs: int = 1, timings: Timings | None = None, beside: bool = True,
    as_of: str | None = None, excel: bool = False, corpus_root: Path | None = None,
) -> dict[str, Path]:
    """Write every output file into `out` and validate the RDF; return the paths by name.

    With `beside` (and more than one job), the output stages that need one core run in forked
    processes beside the stages that need both (background.py); the files are the same.
    Seconds per stage are added to `timings` if given; validity is given on `as_of` (link);
    CSV files (tables and the report's lists, in report/) have a byte order mark with `excel`.
    With `corpus_root`, each document's text is written for the explorer's document view.
    Raises ValidationError (after writing everything, report included) if the RDF does not
    conform to the SHACL shapes.
    """
    out.mkdir(parents=True, exist_ok=True)
    paths = {name: out / file for name, file in (
        ("documents", "documents.jsonl"), ("turtle", "graph.ttl"), ("ntriples", "graph.nt"),
        ("nodes", "nodes.csv"), ("edges", "edges.csv"), ("graphml", "graph.graphml"),
        ("comparisons", "comparisons.jsonl"),
        ("report", "report.md"))}
    cache = out / ".cache"
    cache.mkdir(exist_ok=True)
    # Started here, each of these runs in a child forked now (before any thread is started,
    # see background.py), while this process goes on with the stages after it.
    with ExitStack() as stack, Background(fork=beside and jobs > 1) as bg:
        _start_beside(bg, timings, "documents.jsonl",
                      partial(_documents, result.records, paths["documents"], cache / "documents.idx"))
        with stage(timings, "link"):
            linked: Linked = link(result.records, as_of)
        _start_beside(bg, timings, "CSV and GraphML", partial(_tables, linked, paths, excel))
        with stage(timings, "comparisons"):
            measures = MeasureIndex(result.records)
            places = {n.id: n.jurisdiction for n in linked.nodes.values()}
            comparisons, comparison_keys = write_comparisons(linked, measures, places, paths["comparisons"],
                                                        cache / "comparisons.idx", jobs, spill=cache)
            stack.callback(comparisons.close)  # when the stages reading them have ended
        labels = {k: c.label for k, c in load_scheme(scheme).concepts.items()}
        _start_beside(bg, timings, "HTML",
                      partial(_pages, linked, out, f"policygraph · {corpus}", comparisons, labels,
                              result.records, corpus_root))
        _start_beside(bg, timings, "report tables",
                      partial(_report_body, result, corpus, linked, comparisons, scheme, cache / "key-terms",
                              out / "report", excel))
        conforms, details = _rdf(linked, measures, comparisons, comparison_keys, paths, out, base,
                                 scheme, check, jobs, timings)
        with stage(timings, "finishing (report)"):
            paths["report"].write_text(with_validation(bg.result("report tables"), (conforms, details)),
                                       encoding="utf-8", newline="\n")
            paths["html"] = bg.result("HTML")
            ran = bg.ran()
    if timings is not None:
        for name, r in ran.items():
            if r.forked:
                timings.seconds[f"{name} (beside)"] = r.seconds
                timings.peak_mb[f"{name} (beside)"] = peak_mb()
                timings.beside_private_mb = max(timings.beside_private_mb, r.private_mb)
    if not conforms:
        raise ValidationError(f"graph.ttl does not conform to the SHACL shapes:\n{details}")
    return paths


def _start_beside(bg: Background, timings: Timings | None, name: str, stage: Callable[[], object]) -> None:
    """Start `stage` beside the build; if it ran at once instead, it is timed as a stage here."""
    ran = bg.start(name, stage)
    if ran is not None and timings is not None:
        timings.seconds[name] = timings.seconds.get(name, 0.0) + ran.seconds
        timings.peak_mb[name] = peak_mb()


def _tables(linked: Linked, paths: dict[str, Path], excel: bool) -> None:
    write_csv(linked, paths["nodes"], paths["edges"], bom=excel)
    write_graphml(linked, paths["graphml"])


def _pages(linked: Linked, out: Path, title: str, comparisons: Summaries,
           labels: dict[str, str], records: PackedRecords, corpus_root: Path | None) -> Path:
    g = to_networkx(linked)
    every = (records[i] for i in range(len(records)))
    views = write_views(every, corpus_root, out, source_names(g.nodes(data=True))) if corpus_root else {}
    views = node_views(g.nodes(data=True), views)  # documents/: each document's text (with `corpus_root`)
    return render_corpus(g, out, title, comparisons, labels, views=views)["graph"]


def _report_body(result: BuildResult, corpus: str, linked: Linked, comparisons: Summaries,
                 scheme: str | None, key_terms: Path, lists: Path, excel: bool) -> str:
    terms = KeyTerms(key_terms, scheme)
    body = report_body(result.records, result.failures, result.learned, corpus, linked, comparisons,
                       scheme, terms.of, lists, excel)
    terms.save(key_terms)
    return body


def _rdf(linked: Linked, measures: MeasureIndex, comparisons: Summaries, comparison_keys: list[int],
         paths: dict[str, Path], out: Path, base: str, scheme: str | None, check: bool, jobs: int,
         timings: Timings | None) -> tuple[bool, str]:
    """Write graph.nt and graph.ttl, bring the store up to date and validate it: whether it
    conforms, and the validation's report."""
    fresh_nt, fresh_ttl = (paths[k].with_name(paths[k].name + ".new") for k in ("ntriples", "turtle"))
    record = out / ".cache" / "rdf-blocks"
    manifest = out / ".cache" / "store-blocks"
    # A store loaded afresh is loaded while the RDF is written (in a thread: two cores work).
    in_store = updatable(out / STORE, paths["ntriples"], manifest)
    loader = Loader(out / STORE) if in_store is None else None
    try:
        with stage(timings, "RDF (Turtle, N-Triples)"):
            serializer = Serializer({"pgm": load_scheme(scheme).namespace})
            salt = block_digest(serializer.header)  # a block's Turtle depends on the prefixes
            previous = PreviousRdf(paths["ntriples"], paths["turtle"], record, salt)
            try:
                written = write_rdf(iter_blocks(linked, base, measures, comparisons, scheme),
                                    block_keys(measures, comparison_keys), fresh_ttl, fresh_nt,
                                    serializer, previous, loader)
            finally:
                previous.close()
            record.unlink(missing_ok=True)  # until graph.nt and graph.ttl are both in place
        with stage(timings, "Oxigraph store"):
            store = sync_store(out / STORE, paths["ntriples"], written, fresh_nt, manifest, in_store, loader)
            os.replace(fresh_ttl, paths["turtle"])
            write_rdf_record(record, paths["ntriples"], paths["turtle"], written.keyed, salt)
            paths["store"] = out / STORE
        heap.release()  # what the bulk load freed (heap.py)
    except BaseException:
        if loader is not None:
            loader.abort()  # nothing once the store is in place
        raise
    with stage(timings, "SHACL validation"):
        return validate(store, jobs, heap.release) if check else (True, "not validated (--no-validate)")


class ValidationError(RuntimeError):
    """The build's RDF does not conform to the shipped SHACL shapes (a bug, never bad input)."""
