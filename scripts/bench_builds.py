"""Whole `policygraph build` runs for the benchmark, each in a fresh process beside a
read-and-regex baseline over the same files measured in the same run: generated corpora of
given sizes (with a 1% rebuild and the cascade queries) and a folder of real documents.

The baseline is what a naive citation finder costs (read, decode, one compiled regex), so a
build's figure as a multiple of it compares across machines and runs.
"""

from __future__ import annotations

import datetime
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from synth import generate

from policygraph.extract.read import corpus_files

BASELINE = re.compile(r"[\u4e00-\u9fff]{2,6}[〔\[［(（]\d{4}[〕\]］)）]第?\d{1,5}号")
#: Above this many triples the rdflib query figure is not measured: the graph would need tens of GB.
RDFLIB_MAX_TRIPLES = 3_000_000
#: Where the real documents are looked for when --real is not given: beside the checkout.
REAL_DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "laws"

Emit = Callable[..., None]
#: Per stage: (seconds, peak MB of the build process when it ended).
Stages = dict[str, tuple[float, float]]

_STAGE = re.compile(r"^(.+?)\s+([\d.]+) s\s+\d+%\s+peak\s+([\d,]+) MB$")
_OTHERS = re.compile(r"^(\(.+?\))\s+peak\s+([\d,]+) MB$")


def best_of(k: int, fn: Callable[[], object]) -> float:
    times = []
    for _ in range(k):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def machine() -> str:
    """Enough about the machine to tell whether two results files are comparable."""
    cpu = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            cpu = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), "")
    except OSError:
        pass
    return (f"{platform.system()} {platform.machine()}{f' ({cpu})' if cpu else ''}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}")


def commit() -> str:
    """The checkout's commit, saying when tracked files differ from it (a shared working tree)."""
    root = Path(__file__).resolve().parent.parent

    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True).stdout.strip()

    head = git("rev-parse", "--short", "HEAD") or "unknown"
    dirty = git("status", "--porcelain", "--untracked-files=no")
    return head + (" with uncommitted changes" if dirty else "")


def run_measured(cmd: list[str]) -> tuple[float, float, str]:
    """Run a command; (wall seconds, its own peak RSS in MB, what it wrote to stderr)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err_bytes = proc.stderr.read() if proc.stderr else b""  # read before waiting: a full pipe would block it
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    if proc.stderr:
        proc.stderr.close()
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait again
    err = err_bytes.decode("utf-8", "replace")
    if status != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{err}")
    # The build's own figure (VmHWM): ru_maxrss survives exec, so the child would report this
    # process's size (it may hold a generated corpus) as its own.
    peaks = [mb for name, (_s, mb) in stages(err).items() if not name.startswith("(")]
    return wall, max(peaks) if peaks else usage.ru_maxrss / 1024, err


def stages(err: str) -> Stages:
    """(seconds, peak MB when it ended) per stage, as `build --timings` printed them; the
    other processes' peaks (each extraction worker, the largest stage run beside) as stages
    of 0 seconds, named in brackets."""
    out = {m.group(1).strip(): (float(m.group(2)), float(m.group(3).replace(",", "")))
           for line in err.splitlines() if (m := _STAGE.match(line))}
    for line in err.splitlines():
        if m := _OTHERS.match(line):
            out[m.group(1)] = (0.0, float(m.group(2).replace(",", "")))
    return out


def read_and_regex(files: list[Path]) -> tuple[float, int]:
    """The baseline: read every file, decode it and run one compiled citation regex over it;
    (seconds, UTF-8 bytes of the text). Decoding is plain: UTF-8, else GB18030."""
    size = 0
    t0 = time.perf_counter()
    for p in files:
        data = p.read_bytes()
        try:
            text = data.decode("utf-8")
            size += len(data)
        except UnicodeDecodeError:
            text = data.decode("gb18030", "replace")
            size += len(text.encode("utf-8"))
        for _m in BASELINE.finditer(text):
            pass
    return time.perf_counter() - t0, size


def build_command(corpus: Path, out: Path, jobs: int, *extra: str) -> list[str]:
    return [sys.executable, "-m", "policygraph.cli", "build", str(corpus), "--out", str(out),
            "--quiet", "--jobs", str(jobs), "--timings", *extra]


def stage_tables(emit: Emit, runs: dict[str, Stages], intro: str) -> None:
    """Seconds per stage, then the peak memory when each ended, one column per build."""
    names = list(dict.fromkeys(name for st in runs.values() for name in st))
    head = ["| stage | " + " | ".join(runs) + " |", "|---|" + "---:|" * len(runs)]
    columns = list(runs.values())
    emit(intro)
    emit("")
    for line in head:
        emit(line)
    for name in (n for n in names if not n.startswith("(")):  # the workers' rows have no time
        emit(f"| {name} | " + " | ".join(f"{c[name][0]:.1f}" if name in c else "—" for c in columns) + " |")
    emit("")
    emit("Peak RSS of the build process (MB, VmHWM) when each stage ended: the first stage "
         "whose figure jumps is the one that needs the memory. Stages marked (beside) ran in a "
         "process forked from the build, beside the stages after them. Rows in brackets are "
         "other processes: the largest extraction worker (each of `--jobs` workers is a "
         "separate process), and the largest stage run beside, counting only its own pages "
         "(those it does not share with the build process).")
    emit("")
    for line in head:
        emit(line)
    for name in names:
        emit(f"| {name} | " + " | ".join(f"{c[name][1]:,.0f}" if name in c else "—" for c in columns) + " |")
    emit("")


# ---------------------------------------------------------------------------------------------
# Generated corpora


@dataclass(frozen=True)
class _Generated:
    corpus: Path
    mb: float
    root: str  # a national document's number: where the cascade queries start
    extra: tuple[tuple[str, str], ...]  # (path, text) of the 1% the rebuild adds


def _write_generated(tmp: Path, n: int) -> _Generated:
    docs = generate(int(n * 1.01), seed=5)
    corpus = tmp / "corpus"
    for d in docs[:n]:
        (corpus / d.path).parent.mkdir(parents=True, exist_ok=True)
        (corpus / d.path).write_text(d.text, encoding="utf-8")
    mb = sum((corpus / d.path).stat().st_size for d in docs[:n]) / 1e6
    root = next(d.number for d in docs[:n] if d.level == "national" and d.number)
    return _Generated(corpus, mb, root, tuple((d.path, d.text) for d in docs[n:]))


def _time_queries(out: Path, root: str) -> tuple[int, dict[tuple[str, str], float]]:
    """Triples in the build's store; ms (best of 3) of the named cascade queries on Oxigraph
    and, while the graph fits, on rdflib with graph.nt in memory."""
    import pyoxigraph
    from rdflib import Graph

    from policygraph.sparql.query import bind, named_queries, run

    queries = {name: bind(named_queries()[name].text, {"doc": root}) for name in ("descendants", "cascade")}
    store = pyoxigraph.Store.read_only(str(out / "store"))
    triples = len(store)
    timed = {(name, "ox"): best_of(3, lambda q=q, s=store: list(s.query(q))) * 1000
             for name, q in queries.items()}
    del store
    if triples <= RDFLIB_MAX_TRIPLES:
        g = Graph().parse(out / "graph.nt", format="nt")
        timed |= {(name, "rd"): best_of(3, lambda q=q: run(g, q)) * 1000 for name, q in queries.items()}
    return triples, timed


def _one_size(n: int, jobs: int, emit: Emit, skip_rebuild: bool, runs: dict[str, Stages]) -> None:
    """One generated corpus of `n` documents: build, rebuild with 1% more, queries; one row."""
    tmp = Path(tempfile.mkdtemp(prefix=f"pg-bench-{n}-"))
    try:
        gen = _write_generated(tmp, n)  # the builds' memory is measured while this process waits
        baseline, _size = read_and_regex(corpus_files(gen.corpus))
        out = tmp / "out"
        cmd = build_command(gen.corpus, out, jobs)
        full, rss, err = run_measured(cmd)
        runs[f"{n:,} full"] = stages(err)
        head = (f"| {n:,} | {gen.mb:.1f} | {baseline:.2f} | {full:.1f} | {full / baseline:,.0f}× | "
                f"{n / full:,.0f} | ")
        emit(head + f"{rss:,.0f} | (rebuild and queries running) |")
        inc = rss2 = None
        if not skip_rebuild:
            for path, text in gen.extra:
                (gen.corpus / path).write_text(text, encoding="utf-8")
            inc, rss2, err = run_measured(cmd)
            runs[f"{n:,} +1%"] = stages(err)
        triples, timed = _time_queries(out, gen.root)
        ms = [f"{timed[q, e]:,.0f}" if (q, e) in timed else "—"
              for q in ("descendants", "cascade") for e in ("ox", "rd")]
        rebuild = "— | —" if inc is None else f"{inc:.1f} | {inc / full:.0%}"
        emit(replace=True, line=head + f"{max(rss, rss2 or 0):,.0f} | {triples:,} | {rebuild} | "
             + " | ".join(ms) + " |")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def build_scaling(sizes: list[int], jobs: int, emit: Emit, skip_rebuild: bool = False) -> None:
    """Whole builds of generated corpora: time against a read-and-regex baseline, docs/s, peak
    memory, a 1% incremental rebuild, and the named cascade queries on Oxigraph (the build's
    on-disk store) and on rdflib (graph.ttl in memory, while it fits)."""
    emit("")
    emit("## Whole builds")
    emit("")
    emit(f"`policygraph build --jobs {jobs}` in a fresh process per size (extraction, linking, comparisons, "
         "RDF, on-disk store, SHACL, HTML, report). Baseline: reading the same files and running one "
         "compiled citation regex over them, measured in the same run.")
    emit("")
    emit("| documents | MB | baseline s | build s | × baseline | docs/s | peak RSS MB | triples | "
         "+1% rebuild s | rebuild / build | descendants ms Oxigraph | rdflib | cascade ms Oxigraph "
         "| rdflib |")
    emit("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    runs: dict[str, Stages] = {}
    for n in sizes:
        _one_size(n, jobs, emit, skip_rebuild, runs)
    emit("")
    if runs:
        stage_tables(emit, runs, "Seconds per stage (`build --timings`), full build and +1% rebuild:")
    emit("Peak RSS is the largest of the full build and the rebuild (the build process; the other "
         "processes are listed under the stage table). The +1% rebuild adds 1% new documents "
         "and runs the same command into the same folder: extraction is cached, and comparisons, "
         "RDF blocks, the store and validation reuse the previous build wherever their inputs did "
         "not change. Query times are the best of 3 on the build's on-disk Oxigraph store and on "
         "rdflib with graph.nt loaded in memory; rdflib is not "
         f"measured above {RDFLIB_MAX_TRIPLES:,} triples (it would need tens of GB).")


# ---------------------------------------------------------------------------------------------
# Real text


def real_text(corpus: Path | None, why_not: str, jobs: int, repeat: int, emit: Emit) -> None:
    """A full build of a folder of real documents (fresh output folder, --no-cache) beside the
    read-and-regex pass over the same files, in MB/s of UTF-8 input: generated documents are
    regular, so a change is judged on real ones as well. Without the folder, says why not."""
    emit("")
    emit("## Real text")
    emit("")
    if corpus is None:
        emit(f"Skipped: {why_not}")
        return
    files = corpus_files(corpus)
    emit(f"{corpus.name}: {corpus} ({len(files):,} files). {datetime.date.today().isoformat()}, "
         f"commit {commit()}; {machine()}; load average {os.getloadavg()[0]:.1f} when it started.")
    emit("")
    # The first pass also brings the files into the page cache, for the build as well.
    base = [read_and_regex(files) for _ in range(max(repeat, 1))]
    baseline, size = min(t for t, _s in base), base[0][1]
    mb = size / 1e6
    with tempfile.TemporaryDirectory(prefix="pg-bench-real-") as tmp:
        out = Path(tmp) / "out"
        wall, rss, err = run_measured(build_command(corpus, out, jobs, "--no-cache"))
        with open(out / "documents.jsonl", "rb") as f:
            documents = sum(1 for _ in f)
    emit(f"`policygraph build --jobs {jobs} --no-cache` into a fresh folder, in its own process; baseline: "
         f"reading, decoding (UTF-8, else GB18030) and running one compiled citation regex over every "
         f"file the build reads, best of {len(base)}, in the same run. {mb:.2f} MB of UTF-8 input; "
         f"{documents:,} documents out.")
    emit("")
    emit("| pass | seconds | MB/s | × baseline | peak RSS MB |")
    emit("|---|---:|---:|---:|---:|")
    emit(f"| read and regex (baseline) | {baseline:.2f} | {mb / baseline:.1f} | 1× | — |")
    emit(f"| full build | {wall:.1f} | {mb / wall:.2f} | {wall / baseline:,.0f}× | {rss:,.0f} |")
    emit("")
    stage_tables(emit, {f"{corpus.name} full": stages(err)}, "Seconds per stage (`build --timings`):")


def real_corpus(given: str | None, skip: bool) -> tuple[Path | None, str]:
    """The folder of real documents to measure, or None and why not."""
    if skip:
        return None, "--no-real was given."
    if given is not None:
        return Path(given).resolve(), ""
    if REAL_DEFAULT.is_dir():
        return REAL_DEFAULT, ""
    return None, (f"no folder of real documents: {REAL_DEFAULT} (../shared/corpus/laws beside the "
                  "checkout) does not exist, and --real PATH was not given.")
