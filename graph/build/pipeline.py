"""Build a corpus: read every file, extract every document, learn codes, write the output.

Two passes: the first extracts each document on its own; codes the corpus itself explains
(a document stating both 江办发〔2004〕11号 and its issuer 中共江门市委办公室) are then learned,
and the documents using such a code are extracted again with that knowledge. A file that
fails at any stage becomes a failure in the report; the build always finishes.
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import islice, repeat
from pathlib import Path
from typing import NamedTuple

from policygraph.build import uptodate
from policygraph.extract.authorities import AuthorityTable, load_table
from policygraph.build.background import Background
from policygraph.build.cache import Cache, scheme_digest, source_key
from policygraph.corpus.compare import Comparison, Summaries, compare_lines, plan, summary
from policygraph.extract.document import extract, learn_from_statements, statements
from policygraph.corpus.link import Linked, link
from policygraph.extract.measures.find import load_scheme
from policygraph.build.memo import KeyTerms, PreviousRdf, Rewrite, pair_key, record_key, write_rdf_record
from policygraph.models import Authority, DocumentRecord, Failure, Source
from policygraph.corpus.network import to_networkx, write_csv, write_graphml
from policygraph.extract.numbers import parse_canonical
from policygraph.build.packed import Head, MeasureIndex, PackedRecords, head_of, pack, unpack
from policygraph.export.rdf import DEFAULT_BASE, block_digest, check_iri, iter_blocks, validate, write_rdf
from policygraph.extract.read import count_files, iter_corpus
from policygraph.export.html.render import render_corpus
from policygraph.export.report import report_body, with_validation
from policygraph.build.stamps import Known, SourceKeys, Stamps
from policygraph.sparql.store import STORE, Loader, sync_store, updatable

#: Seconds one document may take before it is given up (and reported), so no input can hang a build.
DEFAULT_BUDGET = 120.0


class ValidationError(RuntimeError):
    """The build's RDF does not conform to the shipped SHACL shapes (a bug, never bad input)."""


@dataclass(frozen=True)
class BuildResult:
    records: PackedRecords  # sorted by source file, ids unique
    failures: tuple[Failure, ...]
    learned: dict[str, Authority]
    #: Each extracted source's cache keys (see stamps.SourceKeys), when extracted with a cache.
    keys: dict[str, SourceKeys] = field(default_factory=dict)


def extract_all(
    items: Iterable[Source | Failure | Known],
    table: AuthorityTable | None = None,
    progress: Callable[[str], None] | None = None,
    scheme: str | None = None,
    jobs: int = 1,
    cache: Cache | None = None,
    budget: float = DEFAULT_BUDGET,
    reread: Callable[[set[str]], Iterable[Source | Failure]] | None = None,
    batch: int = 512,
) -> BuildResult:
    """Extract every source; learn the corpus's codes; re-extract where they help.

    Sources stream through in batches, so only a batch of texts is in memory at a time. With
    `jobs` > 1 documents are extracted in worker processes (results come back in input
    order, so the output does not depend on scheduling); with a `cache`, unchanged documents
    are not extracted again. A document taking longer than `budget` seconds is given up and
    reported as a failure. Records are held packed (see packed.py), so memory stays small.
    The few documents worth re-extracting with learned codes are read again with `reread`,
    given their paths (and those paths up to a '#', the file of a JSON record); by default
    `items` is read again, which must then be re-iterable. A `Known` item is a source whose
    records the cache holds (stamps.py): it is neither read nor extracted again.
    """
    table = table or load_table()
    failures: list[Failure] = []
    blobs: list[bytes] = []
    paths: list[str] = []
    base_keys: list[str] = []
    prior: dict[int, tuple[str, str]] = {}  # blob index: how a Known source was taught before
    given: dict[int, object] = {}  # blob index: a Known source's facts (as JSON), so not decoded
    digest = scheme_digest(scheme)
    pool = ProcessPoolExecutor(max_workers=jobs) if jobs > 1 else None
    try:
        for sources, keys, slots, pending, results in _submitted(
                items, batch, digest, cache, scheme, budget, pool, failures, progress):
            for i, result in zip(pending, results, strict=True):
                slots[i] = result
                if cache and isinstance(result, bytes):
                    cache.put(keys[i], result)
                if progress:
                    progress(sources[i].path)
            for src, key, slot in zip(sources, keys, slots, strict=True):
                if isinstance(slot, bytes):
                    if isinstance(src, Known):
                        if src.taught:
                            prior[len(blobs)] = src.taught
                        if src.facts is not None:
                            given[len(blobs)] = src.facts
                    blobs.append(slot)
                    paths.append(src.path)
                    base_keys.append(key)
                elif isinstance(slot, Failure):
                    failures.append(slot)
        facts = [(Facts.from_json(given[i]) if i in given else None) or Facts.of(unpack(blob))
                 for i, blob in enumerate(blobs)]
        heads = [f.head for f in facts]
        learned = learn_from_statements((s for f in facts for s in f.stated), table)
        lessons: dict[int, str] = {}
        taught_keys: dict[int, str] = {}
        if learned:
            lessons, taught_keys, retaught = _reteach(
                learned, digest, facts, paths, blobs, prior, cache, reread or (lambda _paths: items),
                scheme, budget, pool)
            for i in retaught:
                heads[i] = head_of(unpack(blobs[i]))
    except BaseException:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
            pool = None
        raise
    finally:
        if pool is not None:
            pool.shutdown()
    keys = {} if cache is None else {
        path: (key, lessons[i], taught_keys[i], facts[i].to_json()) if i in taught_keys
        else (key, "", "", facts[i].to_json())
        for i, (path, key) in enumerate(zip(paths, base_keys, strict=True))}
    return BuildResult(_unique_ids(blobs, heads), tuple(failures), learned, keys)


_Batch = tuple[list["Source | Known"], list[str], list["bytes | Failure | None"], list[int],
               Iterator["bytes | Failure"]]


def _submitted(items: Iterable[Source | Failure | Known], batch: int, digest: str, cache: Cache | None,
               scheme: str | None, budget: float, pool: ProcessPoolExecutor | None,
               failures: list[Failure], progress: Callable[[str], None] | None) -> Iterator[_Batch]:
    """Each batch of `items`: its sources, cache keys, cached results (None where to extract),
    which are to extract, and their results to come. The next batch is read and handed to the
    workers before a batch is yielded, so they are not idle while this process reads files,
    hashes them and stores results."""
    ahead: _Batch | None = None
    for chunk in batched(items, batch):
        sources: list[Source | Known] = []
        keys: list[str] = []
        slots: list[bytes | Failure | None] = []
        for item in chunk:
            if isinstance(item, Failure):
                failures.append(item)
                if progress:
                    progress(item.path)
                continue
            key = item.key if isinstance(item, Known) else source_key(item, digest)
            hit = item.blob if isinstance(item, Known) else cache.get(key) if cache else None
            sources.append(item)
            keys.append(key)
            slots.append(hit)
            if hit is not None and progress:
                progress(item.path)
        pending = [i for i, slot in enumerate(slots) if slot is None]
        submitted = (sources, keys, slots, pending,
                     _run([sources[i] for i in pending], scheme, budget, pool))  # type: ignore[misc]
        if ahead is not None:
            yield ahead
        ahead = submitted
    if ahead is not None:
        yield ahead


def _reteach(learned: dict[str, Authority], digest: str, facts: list[Facts], paths: list[str],
             blobs: list[bytes], prior: dict[int, tuple[str, str]], cache: Cache | None,
             reread: Callable[[set[str]], Iterable[Source | Failure]], scheme: str | None,
             budget: float, pool: ProcessPoolExecutor | None
             ) -> tuple[dict[int, str], dict[int, str], list[int]]:
    """Re-extract the records using a code the corpus taught (`learned`), with it; their blobs
    are replaced in place. A record's lesson is what was learned of the codes it uses (its
    extraction reads no other): a code learned from a new document re-extracts only the
    records using that code. A record taught the same lesson by the last build (`prior`, from
    the manifest) is taken from the cache unread; the others are read again with `reread`.
    Returns each record's lesson digest and the cache key of each record now taught, and which
    records were to be taught (all by index)."""
    again = {paths[i]: i for i, f in enumerate(facts) if learned.keys() & f.codes}
    retaught = list(again.values())
    taught = {i: digest + repr(sorted((k, repr(learned[k])) for k in learned.keys() & facts[i].codes))
              for i in retaught}
    lessons = {i: hashlib.sha256(t.encode("utf-8")).hexdigest()[:32] for i, t in taught.items()}
    taught_keys: dict[int, str] = {}
    for path, i in list(again.items()):
        hit = cache.get(prior[i][1]) if cache and i in prior and prior[i][0] == lessons[i] else None
        if hit is not None:
            blobs[i], taught_keys[i] = hit, prior[i][1]
            del again[path]
    redo = []
    wanted = set(again) | {p.rsplit("#", 1)[0] for p in again}
    for item in reread(wanted) if again else ():
        if isinstance(item, Source) and item.path in again:
            key = source_key(item, taught[again[item.path]])
            hit = cache.get(key) if cache else None
            if hit is not None:
                blobs[again[item.path]], taught_keys[again[item.path]] = hit, key
            else:
                redo.append((key, item))
    results = _run([src for _k, src in redo], scheme, budget, pool, learned,
                   [blobs[again[src.path]] for _k, src in redo])
    for (key, src), result in zip(redo, results, strict=True):
        if isinstance(result, bytes):
            blobs[again[src.path]] = result
            if cache:
                cache.put(key, result)
                taught_keys[again[src.path]] = key
    return lessons, taught_keys, retaught


class Facts(NamedTuple):
    """What extract_all reads of every record to learn codes and index measures. A rebuild
    gets an unchanged file's facts from the manifest (stamps.py), so that a record is not
    decoded (~0.2 ms each) only to learn what the last build learned from it."""

    head: Head
    codes: frozenset[str]  # the issuer codes of every number it states or cites
    stated: tuple[tuple[str, str, str], ...]  # extract.statements

    @classmethod
    def of(cls, rec: DocumentRecord) -> Facts:
        return cls(head_of(rec), frozenset(_codes_of(rec)), tuple(statements(rec)))

    def to_json(self) -> list:
        h = self.head
        return [[h.source, h.id, h.measured, [list(p) for p in h.parts]], sorted(self.codes),
                [list(s) for s in self.stated]]

    @classmethod
    def from_json(cls, v: object) -> Facts | None:
        """None for anything but what to_json writes (a damaged manifest: decode instead)."""
        try:
            (source, id_, measured, parts), codes, stated = v  # type: ignore[misc]
            return cls(Head(str(source), str(id_), bool(measured), tuple((int(k), str(n)) for k, n in parts)),
                       frozenset(map(str, codes)), tuple((str(a), str(b), str(c)) for a, b, c in stated))
        except (TypeError, ValueError):
            return None


def batched(items: Iterable[Source | Failure], n: int) -> Iterator[list[Source | Failure]]:
    it = iter(items)
    while chunk := list(islice(it, n)):
        yield chunk


def _run(sources: list[Source], scheme: str | None, budget: float, pool: ProcessPoolExecutor | None,
         learned: dict[str, Authority] | None = None,
         before: list[bytes] | None = None) -> Iterator[bytes | Failure]:
    """Results in input order. With a pool, every source is submitted before this returns.
    `before`: each source's packed record as extracted without `learned` (see extract)."""
    befores = before if before is not None else [None] * len(sources)
    if pool is None or len(sources) < 2:
        return (_packed_extract(src, scheme, budget, learned, b)
                for src, b in zip(sources, befores, strict=True))
    workers = pool._max_workers  # type: ignore[attr-defined]
    return pool.map(_packed_extract, sources, repeat(scheme), repeat(budget), repeat(learned), befores,
                    chunksize=max(1, min(64, len(sources) // (workers * 8) or 1)))


def _packed_extract(src: Source, scheme: str | None, budget: float,
                    learned: dict[str, Authority] | None = None,
                    before: bytes | None = None) -> bytes | Failure:
    """Extract in a worker and send the record back packed: less to copy between processes."""
    result = _safe_extract(src, scheme, budget, learned, None if before is None else unpack(before))
    return pack(result) if isinstance(result, DocumentRecord) else result


class _Overtime(BaseException):  # not Exception: library code must not swallow it
    pass


class _Alarm:
    """SIGALRM handler for one extraction: raises _Overtime while armed. The timer repeats, so
    an alarm whose exception Python swallows (one that lands in a finaliser run by the garbage
    collector is only printed) is followed by another; once disarmed, late alarms do nothing."""

    def __init__(self) -> None:
        self.armed = True

    def __call__(self, _signum: int, _frame: object) -> None:
        if self.armed:
            raise _Overtime


#: Seconds between repeated alarms once a document is over its budget.
ALARM_REPEAT = 0.05


def _safe_extract(
    src: Source, scheme: str | None = None, budget: float = DEFAULT_BUDGET,
    learned: dict[str, Authority] | None = None, before: DocumentRecord | None = None,
) -> DocumentRecord | Failure:
    """Extract one document; any error or overtime becomes a Failure (never an exception)."""
    timed = (budget > 0 and hasattr(signal, "SIGALRM")
             and threading.current_thread() is threading.main_thread())
    alarm = _Alarm()
    old = signal.signal(signal.SIGALRM, alarm) if timed else None
    try:
        try:
            if timed:
                signal.setitimer(signal.ITIMER_REAL, budget, ALARM_REPEAT)
            return extract(src, load_table(), learned or {}, scheme, before)
        finally:
            if timed:
                signal.setitimer(signal.ITIMER_REAL, 0)
                alarm.armed = False
    except _Overtime:  # also when the alarm lands just as extraction ends: still no crash
        return Failure(src.path, f"extraction took longer than {budget:g} s and was given up")
    except Exception as e:  # one bad document must never stop a build
        return Failure(src.path, f"extraction failed: {type(e).__name__}: {e}")
    finally:
        if timed:
            signal.signal(signal.SIGALRM, old)


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


def _unique_ids(blobs: list[bytes], heads: list[Head]) -> PackedRecords:
    """Sorted by source; ids are numbers where known, and a second file with the same number
    gets a suffixed id. `heads` holds each blob's Head, so only duplicates are decoded."""
    order = sorted(range(len(blobs)), key=lambda i: heads[i].source)
    seen: dict[str, str] = {}
    out, out_heads = [], []
    for i in order:
        head = heads[i]
        if head.id in seen:
            r = unpack(blobs[i])
            r = replace(r, id=f"{r.id}@{r.source}",
                        warnings=(*r.warnings, f"same number as {seen[r.id]}: a duplicate copy?"))
            out.append(pack(r))
            out_heads.append(head._replace(id=r.id))
        else:
            seen[head.id] = head.source
            out.append(blobs[i])
            out_heads.append(head)
    return PackedRecords(out, out_heads)


def _comparisons(linked: Linked, measures: MeasureIndex, places: dict[str, str | None], jsonl: Path,
                 index: Path, jobs: int) -> tuple[Summaries, list[int]]:
    """Write comparisons.jsonl, copying what the previous build compared where nothing it
    depends on changed (memo.py); return the comparisons without their per-provision rows, and
    the key of each (everything it depends on: the RDF of a comparison is keyed by it too)."""
    pairs = list(plan(linked.edges, measures, places=places))
    keys = [pair_key(p, measures.digest(p.child), measures.digest(p.parent)) for p in pairs]
    out = Summaries()
    with Rewrite(jsonl, index) as w:
        fresh = compare_lines([p for p, k in zip(pairs, keys, strict=True) if k not in w.previous],
                              measures, jobs)
        try:
            for pair, key in zip(pairs, keys, strict=True):
                line = w.previous.get(key)
                if line is None:
                    line = next(fresh)
                out.append_json(_summary_json(line), (pair.child, pair.parent, pair.via))
                w.write(key, line)
        finally:
            fresh.close()  # its worker pool and that pool's threads end now, not when collected
    return out, keys


def _documents(records: PackedRecords, jsonl: Path, index: Path) -> None:
    """Write documents.jsonl, copying the line of every record the previous build wrote."""
    with Rewrite(jsonl, index) as w:
        for i in range(len(records)):
            key = record_key(records.blob(i))
            line = w.previous.get(key)
            if line is None:
                line = (json.dumps(records[i].to_dict(), ensure_ascii=False) + "\n").encode("utf-8")
            w.write(key, line)


_ROWS = b', "provisions": ['


def _summary_json(line: bytes) -> bytes:
    """A comparisons.jsonl line as the JSON of its summary() (what Summaries holds), without
    decoding its per-provision rows (most of the line): to_dict puts them last, so the line is
    cut before them."""
    cut = line.rfind(_ROWS)
    if cut < 0:
        return json.dumps(summary(Comparison.from_dict(json.loads(line))).to_dict(),
                          ensure_ascii=False).encode("utf-8")
    return line[:cut] + b"}}"


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


@dataclass
class Timings:
    """What each stage of a build cost: seconds, and the build process's peak memory when the
    stage ended (the peak only grows, so the first stage whose figure jumps is the one that
    needs the memory; extraction workers are other processes and not counted)."""

    seconds: dict[str, float] = field(default_factory=dict)
    peak_mb: dict[str, float] = field(default_factory=dict)
    workers_peak_mb: float = 0.0  # the largest extraction worker
    beside_private_mb: float = 0.0  # the largest stage run beside the others: its own pages


def peak_mb() -> float:
    """This process's peak resident memory in MB. Linux's VmHWM, not ru_maxrss: ru_maxrss
    survives exec, so a build started by a large process (a benchmark holding its corpus)
    would report that process's size as its own."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return _maxrss_mb(resource.RUSAGE_SELF)


def _maxrss_mb(who: int) -> float:
    rss = resource.getrusage(who).ru_maxrss
    return rss / 2**20 if sys.platform == "darwin" else rss / 1024  # bytes there, KB here


@contextmanager
def _stage(timings: Timings | None, name: str) -> Iterator[None]:
    t0 = time.perf_counter()
    try:
        yield
    finally:
        if timings is not None:
            timings.seconds[name] = timings.seconds.get(name, 0.0) + time.perf_counter() - t0
            timings.peak_mb[name] = peak_mb()


def _workers_peak_mb() -> float:
    """The largest peak of the processes this one started and waited for: the extraction
    workers, forked after this process's exec, so their ru_maxrss is their own (in a process
    that ran other children before, such as a test runner, theirs count too)."""
    return _maxrss_mb(resource.RUSAGE_CHILDREN)


def write_outputs(
    result: BuildResult, out: Path, corpus: str, base: str = DEFAULT_BASE, scheme: str | None = None,
    check: bool = True, jobs: int = 1, timings: Timings | None = None, beside: bool = True,
) -> dict[str, Path]:
    """Write every output file into `out` and validate the RDF; return the paths by name.

    With `beside` (and more than one job), the output stages that need one core run in forked
    processes beside the stages that need both (background.py); the files are the same.
    Seconds per stage are added to `timings` if given. Raises ValidationError (after writing
    everything, report included) if the RDF does not conform to the SHACL shapes.
    """
    out.mkdir(parents=True, exist_ok=True)
    paths = {name: out / file for name, file in (
        ("documents", "documents.jsonl"), ("turtle", "graph.ttl"), ("ntriples", "graph.nt"),
        ("nodes", "nodes.csv"), ("edges", "edges.csv"), ("graphml", "graph.graphml"),
        ("comparisons", "comparisons.jsonl"),
        ("report", "report.md"))}
    cache = out / ".cache"
    # Started here, each of these runs in a child forked now (before any thread is started,
    # see background.py), while this process goes on with the stages after it.
    with Background(fork=beside and jobs > 1) as bg:
        _start_beside(bg, timings, "documents.jsonl",
                      partial(_documents, result.records, paths["documents"], cache / "documents.idx"))
        with _stage(timings, "link"):
            linked: Linked = link(result.records)
        _start_beside(bg, timings, "CSV and GraphML", partial(_tables, linked, paths))
        with _stage(timings, "comparisons"):
            measures = MeasureIndex(result.records)
            places = {n.id: n.jurisdiction for n in linked.nodes.values()}
            comparisons, comparison_keys = _comparisons(linked, measures, places, paths["comparisons"],
                                                        cache / "comparisons.idx", jobs)
        labels = {k: c.label for k, c in load_scheme(scheme).concepts.items()}
        _start_beside(bg, timings, "HTML",
                      partial(_pages, linked, out, f"policygraph · {corpus}", comparisons, labels))
        _start_beside(bg, timings, "report tables",
                      partial(_report_body, result, corpus, linked, comparisons, scheme, cache / "key-terms"))
        conforms, details = _rdf(linked, measures, comparisons, comparison_keys, paths, out, base,
                                 scheme, check, jobs, timings)
        with _stage(timings, "finishing (report)"):
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


def _tables(linked: Linked, paths: dict[str, Path]) -> None:
    write_csv(linked, paths["nodes"], paths["edges"])
    write_graphml(linked, paths["graphml"])


def _pages(linked: Linked, out: Path, title: str, comparisons: Summaries,
           labels: dict[str, str]) -> Path:
    return render_corpus(to_networkx(linked), out, title, comparisons, labels)["graph"]


def _report_body(result: BuildResult, corpus: str, linked: Linked, comparisons: Summaries,
                 scheme: str | None, key_terms: Path) -> str:
    terms = KeyTerms(key_terms)
    body = report_body(result.records, result.failures, result.learned, corpus, linked, comparisons,
                       scheme, terms)
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
        with _stage(timings, "RDF (Turtle, N-Triples)"):
            prefixes = {"pgm": load_scheme(scheme).namespace}
            salt = block_digest(repr(sorted(prefixes.items())).encode("utf-8"))
            previous = PreviousRdf(paths["ntriples"], paths["turtle"], record, salt)
            try:
                blocks = iter_blocks(linked, base, measures, comparisons, scheme, comparison_keys)
                written = write_rdf(blocks, fresh_ttl, fresh_nt, prefixes, previous, loader)
            finally:
                previous.close()
            record.unlink(missing_ok=True)  # until graph.nt and graph.ttl are both in place
        marker = out / ".cache" / "validated"  # the store holding graph.nt of this size conformed
        conformed = _reads(marker) == str(_size(paths["ntriples"]))
        marker.unlink(missing_ok=True)
        with _stage(timings, "Oxigraph store"):
            synced = sync_store(out / STORE, paths["ntriples"], written, fresh_nt, manifest, in_store, loader)
            store = synced.store
            os.replace(fresh_ttl, paths["turtle"])
            write_rdf_record(record, paths["ntriples"], paths["turtle"], written.keyed, salt)
            paths["store"] = out / STORE
    except BaseException:
        if loader is not None:
            loader.abort()  # nothing once the store is in place
        raise
    with _stage(timings, "SHACL validation"):
        conforms, details = validate(store, jobs, synced.changed if conformed else None) if check \
            else (True, "not validated (--no-validate)")
        del store, synced
        if check and conforms:
            marker.write_text(str(_size(paths["ntriples"])), encoding="utf-8")
    return conforms, details


def build_settings(corpus: Path, base: str = DEFAULT_BASE, scheme: str | None = None,
                   check: bool = True, budget: float = DEFAULT_BUDGET) -> dict[str, str]:
    """The settings a build's output depends on besides its input files and code (not --jobs:
    any number of workers writes the same bytes)."""
    return {"base": base, "scheme": scheme_digest(scheme), "validate": str(check),
            "budget": repr(budget), "corpus": corpus.name or str(corpus)}


class Outputs(dict[str, Path]):
    """A build's output files by name; `up_to_date` when the folder already held them and
    nothing was built (see uptodate.py)."""

    def __init__(self, paths: dict[str, Path], up_to_date: bool = False) -> None:
        super().__init__(paths)
        self.up_to_date = up_to_date


def build(
    corpus: str | Path, out: str | Path, show_progress: bool = False, base: str = DEFAULT_BASE,
    scheme: str | None = None, jobs: int | None = None, use_cache: bool = True,
    budget: float = DEFAULT_BUDGET, check: bool = True, timings: Timings | None = None,
) -> Outputs:
    """Read `corpus`, extract and link it, and write the build output folder `out`.

    `jobs` worker processes (default: one per core); results are cached in `out`/.cache so a
    rebuild only extracts new or changed documents, and a folder built from the same inputs
    with the same settings and code is left as it is (without `use_cache`, everything is
    redone)."""
    corpus, out = Path(corpus), Path(out)
    check_iri(base)  # before hours of extraction, not at the store
    jobs = jobs or os.cpu_count() or 1
    with _stage(timings, "checking for changes"):
        now = uptodate.inputs(corpus, build_settings(corpus, base, scheme, check, budget))
        done = uptodate.current(out, now) if use_cache else None
    if done is not None:
        return Outputs(done, up_to_date=True)
    uptodate.forget(out)
    cache = Cache(out / ".cache") if use_cache else None
    stamps = Stamps(out / ".cache" / "files.json", scheme_digest(scheme), cache, now.files) if cache else None

    def items() -> Iterator[Source | Failure | Known]:
        return iter_corpus(corpus, instead=stamps.known if stamps else None)

    if show_progress:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TaskProgressColumn,
            TextColumn,
            TimeRemainingColumn,
        )

        with Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                      TaskProgressColumn(), TextColumn("[cyan]{task.fields[rate]}"),
                      TimeRemainingColumn(), transient=True) as bar:
            task = bar.add_task("extracting", total=count_files(corpus), rate="")

            def tick(path: str) -> None:
                if "#L" in path and not path.endswith("#L1"):
                    return  # the bar counts files; a JSONL file's later records are not new files
                bar.advance(task)
                speed = bar.tasks[0].speed
                bar.update(task, rate=f"{speed:,.0f} files/s" if speed else "")

            with _stage(timings, "extraction"):
                result = extract_all(items(), progress=tick, scheme=scheme, jobs=jobs, cache=cache,
                                     budget=budget, reread=partial(iter_corpus, corpus))
    else:
        with _stage(timings, "extraction"):
            result = extract_all(items(), scheme=scheme, jobs=jobs, cache=cache, budget=budget,
                                 reread=partial(iter_corpus, corpus))
    if stamps is not None:
        stamps.save(result.keys, (f.path for f in result.failures))
        result = replace(result, keys={})  # written down: not held through the later stages
    if timings is not None and jobs > 1:
        timings.workers_peak_mb = _workers_peak_mb()
    paths = write_outputs(result, out, now.settings["corpus"], base, scheme, check, jobs, timings)
    uptodate.remember(out, now, paths)
    return Outputs(paths)
