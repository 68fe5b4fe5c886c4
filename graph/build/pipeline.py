"""Build a corpus: read every file, extract every document, learn codes, write the output.

Two passes: the first extracts each document on its own; codes the corpus itself explains
(a document stating both 江办发〔2004〕11号 and its issuer 中共江门市委办公室) are then learned,
and the documents using such a code are extracted again with that knowledge. A file that
fails at any stage becomes a failure in the report; the build always finishes.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor
from dataclasses import replace
from functools import partial
from pathlib import Path

from policygraph.build import cluster, folder, uptodate
from policygraph.build.budget import DEFAULT_BUDGET
from policygraph.build.cache import Cache, scheme_digest
from policygraph.build.extraction import BuildResult, extract_all
from policygraph.build.outputs import write_outputs
from policygraph.build.progress import ProgressLog
from policygraph.build.rdf import write_jsonld
from policygraph.build.stamps import Known, Stamps
from policygraph.build.timings import Timings, stage, workers_peak_mb
from policygraph.corpus.validity import check_as_of
from policygraph.export.terms import DEFAULT_BASE, check_iri
from policygraph.extract.read import corpus_entries, count_files, read_file
from policygraph.models import Failure, Source


def build_settings(corpus: Path, base: str = DEFAULT_BASE, scheme: str | None = None,
                   check: bool = True, budget: float = DEFAULT_BUDGET,
                   as_of: str | None = None, excel: bool = False) -> dict[str, str]:
    """The settings a build's output depends on besides its input files and code (not --jobs:
    any number of workers writes the same bytes)."""
    return {"base": base, "scheme": scheme_digest(scheme), "validate": str(check),
            "budget": repr(budget), "corpus": corpus.name or str(corpus), "as_of": as_of or "",
            "excel": str(excel)}


#: Whether a local build keeps its packed records in a Partition file (packed.py) rather than in
#: memory, as a build on a cluster always does.
SPILL = True


#: What writing fails with on a full disk (or quota), a file past its size limit, a read-only one.
FULL = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS})


class CannotWrite(folder.FolderRefused):
    """The build folder took no more bytes (FULL): one line for the user, as for a folder
    refused, not a traceback from whichever stage was writing."""


class Outputs(dict[str, Path]):
    """A build's output files by name; `up_to_date` when the folder already held them and
    nothing was built (see uptodate.py); `removed`: the previous build's files it did not write
    again, deleted; `moved`: entries moved aside to take a folder over (folder.py)."""

    def __init__(self, paths: dict[str, Path], up_to_date: bool = False, removed: list[str] | None = None,
                 moved: list[str] | None = None) -> None:
        super().__init__(paths)
        self.up_to_date = up_to_date
        self.removed = removed or []
        self.moved = moved or []


def build(
    corpus: str | Path, out: str | Path, show_progress: bool = False, base: str = DEFAULT_BASE,
    scheme: str | None = None, jobs: int | None = None, use_cache: bool = True,
    budget: float = DEFAULT_BUDGET, check: bool = True, timings: Timings | None = None,
    as_of: str | None = None, excel: bool = False, log_every: float | None = None, force: bool = False,
    scheduler: str | None = None,
) -> Outputs:
    """Read `corpus`, extract and link it, and write the build output folder `out`.

    `jobs` worker processes (default: one per core); results are cached in `out`/.cache so a
    rebuild only extracts new or changed documents, and a folder built from the same inputs
    with the same settings and code is left as it is (without `use_cache`, everything is
    redone). Validity (时效性) is given on `as_of` (YYYY-MM-DD; by default the newest document
    date of the corpus, so that the same corpus builds the same output). `excel`: CSV files
    with a byte order mark (export.tables.csv_encoding). `log_every`: instead of a bar, a
    progress line on stderr this often, in seconds (progress.py). `out` must be new, empty or a
    build's folder; `force` takes any other over (folder.py: nothing there is deleted).
    `scheduler`: the address of a Dask scheduler (tcp://host:8786) whose workers extract the
    documents instead of local processes (cluster.py; raises ClusterError if it cannot)."""
    corpus, out = Path(corpus), Path(out)
    check_iri(base)  # before hours of extraction, not at the store
    if as_of is not None:
        check_as_of(as_of)
    jobs = jobs or os.cpu_count() or 1
    try:
        with cluster.connected(scheduler) as pool:  # before anything is written
            claimed = folder.claim(out, force)  # before the corpus is listed: it never lists its own output
            try:
                paths = _build(claimed, corpus, show_progress, base, scheme, jobs, use_cache, budget, check,
                               timings, as_of, excel, log_every, pool)
            except BaseException:
                folder.finish(claimed, complete=False)
                raise
            finally:
                folder.release(claimed)
    except OSError as e:
        if e.errno not in FULL:
            raise
        where = f" ({e.filename})" if e.filename else ""
        raise CannotWrite(f"cannot write into {out}: {e.strerror}{where}; once there is room, the next "
                          "build goes on from what was written") from None
    paths.moved = claimed.moved
    return paths


def _build(claimed: folder.Claim, corpus: Path, show_progress: bool, base: str, scheme: str | None,
           jobs: int, use_cache: bool, budget: float, check: bool, timings: Timings | None,
           as_of: str | None, excel: bool, log_every: float | None, pool: Executor | None) -> Outputs:
    """`build` in a claimed folder; documents are extracted by `pool` if given."""
    out = claimed.out
    with stage(timings, "checking for changes"):
        now = uptodate.inputs(corpus, build_settings(corpus, base, scheme, check, budget, as_of, excel))
        done = uptodate.current(out, now) if use_cache else None
    if done is not None:
        return Outputs(done, up_to_date=True)
    uptodate.forget(out)
    cache = Cache(out / ".cache") if use_cache else None
    stamps = Stamps(out / ".cache" / "files.json", scheme_digest(scheme), cache, now.files) if cache else None

    log = ProgressLog(count_files(corpus), log_every) if log_every is not None and not show_progress else None
    timings = log.watch(timings) if log is not None else timings

    spill = out / ".cache" if pool is not None or SPILL else None
    run = partial(extract_all, _sources(corpus, stamps), scheme=scheme, jobs=jobs, cache=cache, budget=budget,
                  reread=partial(_sources, corpus, None), pool=pool, spill=spill)
    result = _extract(run, corpus, show_progress, timings, log.file_done if log else None)
    try:  # the records' partition file is closed (and its space freed) however this ends
        if stamps is not None:
            stamps.save(result.keys, (f.path for f in result.failures))
            result = replace(result, keys={})  # written down: not held through the later stages
        if pool is not None:
            pool.shutdown()  # the cluster is not needed for the stages after extraction
        elif timings is not None and jobs > 1:
            timings.workers_peak_mb = workers_peak_mb()
        paths = write_outputs(result, out, now.settings["corpus"], base, scheme, check, jobs, timings,
                              as_of=as_of, excel=excel, corpus_root=corpus)
    finally:
        result.records.close()
    with stage(timings, "JSON-LD"):
        paths["jsonld"] = write_jsonld(paths["ntriples"], out / "graph.jsonld")
    removed = folder.finish(claimed)  # the last build's files not written again, before they are stat'ed
    uptodate.remember(out, now, paths)
    return Outputs(paths, removed=removed)


def _extract(run: Callable[..., BuildResult], corpus: Path, show_progress: bool, timings: Timings | None,
             progress: Callable[[str], None] | None) -> BuildResult:
    """run() (extract_all with its settings), with a progress bar if `show_progress`, else
    telling `progress` of each file."""
    if not show_progress:
        with stage(timings, "extraction"):
            return run(progress=progress)
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

        with stage(timings, "extraction"):
            return run(progress=tick)


def _sources(corpus: Path, stamps: Stamps | None, names: Iterable[str] | None = None
             ) -> Iterator[Source | Failure | Known]:
    """What extraction is given of each file: its sources read and decoded, or, for a file
    whose stat is as the last build saw it, what that build extracted from it (stamps.py)."""
    for entry in corpus_entries(corpus, names):
        if isinstance(entry, Failure):
            yield entry
            continue
        known = stamps.known(*entry) if stamps is not None else None
        yield from read_file(*entry) if known is None else known
