"""Throughput of policygraph's extraction stages against a plain-regex baseline.

The baseline is one compiled regex pass over the same text (what a naive citation finder
costs); every stage is reported in MB/s of UTF-8 input and as a ratio to that baseline, so
the figures compare across machines. Correctness is checked on the same run: the generated
corpus knows every document's number and citations.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import resource
import time
from collections.abc import Callable
from pathlib import Path

from synth import generate

from policygraph.extract.authorities import load_table
from policygraph.extract.citations import extract_citations
from policygraph.extract.document import extract
from policygraph.extract.normalize import normalize
from policygraph.extract.numbers import find_numbers
from policygraph.models import Source

BASELINE = re.compile(r"[\u4e00-\u9fff]{2,6}[〔\[［(（]\d{4}[〕\]］)）]第?\d{1,5}号")


def best_of(k: int, fn: Callable[[], object]) -> float:
    times = []
    for _ in range(k):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def _run_measured(cmd: list[str]) -> tuple[float, float, str]:
    """Run a command; (wall seconds, its own peak RSS in MB, what it wrote to stderr)."""
    import subprocess

    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if status != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{err}")
    # The build's own figure (VmHWM): ru_maxrss survives exec, so the child would report this
    # process's size (it holds the generated corpus) as its own.
    peaks = [mb for name, (_s, mb) in _stages(err).items() if not name.startswith("(")]
    return wall, max(peaks) if peaks else usage.ru_maxrss / 1024, err


_STAGE = re.compile(r"^(.+?)\s+([\d.]+) s\s+\d+%\s+peak\s+([\d,]+) MB$")


_OTHERS = re.compile(r"^(\(.+?\))\s+peak\s+([\d,]+) MB$")


def _stages(err: str) -> dict[str, tuple[float, float]]:
    """(seconds, peak MB when it ended) per stage, as `build --timings` printed them; the
    other processes' peaks (each extraction worker, the largest stage run beside) as stages
    of 0 seconds, named in brackets."""
    out = {m.group(1).strip(): (float(m.group(2)), float(m.group(3).replace(",", "")))
           for line in err.splitlines() if (m := _STAGE.match(line))}
    for line in err.splitlines():
        if m := _OTHERS.match(line):
            out[m.group(1)] = (0.0, float(m.group(2).replace(",", "")))
    return out


def read_and_regex(corpus: Path) -> float:
    """The baseline: read every file and run one compiled citation regex over it."""
    t0 = time.perf_counter()
    for p in sorted(corpus.rglob("*.txt")):
        for _m in BASELINE.finditer(p.read_text(encoding="utf-8")):
            pass
    return time.perf_counter() - t0


#: Above this many triples the rdflib query figure is not measured: the graph would need tens of GB.
RDFLIB_MAX_TRIPLES = 3_000_000


def build_scaling(sizes: list[int], jobs: int, emit: Callable[..., None],
                  skip_rebuild: bool = False) -> None:
    """Whole builds of generated corpora: time against a read-and-regex baseline, docs/s, peak
    memory, a 1% incremental rebuild, and the named cascade queries on Oxigraph (the build's
    on-disk store) and on rdflib (graph.ttl in memory, while it fits)."""
    import shutil
    import sys
    import tempfile

    import pyoxigraph
    from rdflib import Graph

    from policygraph.sparql.query import bind, named_queries, run

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
    queries = named_queries()
    stages: dict[str, dict[str, tuple[float, float]]] = {}
    for n in sizes:
        tmp = Path(tempfile.mkdtemp(prefix=f"pg-bench-{n}-"))
        try:
            docs = generate(int(n * 1.01), seed=5)
            corpus = tmp / "corpus"
            for d in docs[:n]:
                (corpus / d.path).parent.mkdir(parents=True, exist_ok=True)
                (corpus / d.path).write_text(d.text, encoding="utf-8")
            mb = sum((corpus / d.path).stat().st_size for d in docs[:n]) / 1e6
            root = next(d.number for d in docs[:n] if d.level == "national")
            extra = [(d.path, d.text) for d in docs[n:]]
            del docs  # the builds' memory is measured while this process waits
            baseline = read_and_regex(corpus)
            out = tmp / "out"
            cmd = [sys.executable, "-m", "policygraph.cli", "build", str(corpus), "--out", str(out),
                   "--quiet", "--jobs", str(jobs), "--timings"]
            full, rss, err = _run_measured(cmd)
            stages[f"{n:,} full"] = _stages(err)
            emit(f"| {n:,} | {mb:.1f} | {baseline:.2f} | {full:.1f} | {full / baseline:,.0f}× | "
                 f"{n / full:,.0f} | {rss:,.0f} | (rebuild and queries running) |")
            inc = rss2 = None
            if not skip_rebuild:
                for path, text in extra:
                    (corpus / path).write_text(text, encoding="utf-8")
                inc, rss2, err = _run_measured(cmd)
                stages[f"{n:,} +1%"] = _stages(err)
            store = pyoxigraph.Store.read_only(str(out / "store"))
            triples = len(store)
            timed = {}
            for name in ("descendants", "cascade"):
                q = bind(queries[name].text, {"doc": root})
                timed[name, "ox"] = best_of(3, lambda q=q, s=store: list(s.query(q))) * 1000
            if triples <= RDFLIB_MAX_TRIPLES:
                g = Graph().parse(out / "graph.nt", format="nt")
                for name in ("descendants", "cascade"):
                    q = bind(queries[name].text, {"doc": root})
                    timed[name, "rd"] = best_of(3, lambda q=q, g=g: run(g, q)) * 1000
                del g
            del store

            def ms(name: str, engine: str) -> str:
                v = timed.get((name, engine))  # noqa: B023
                return "—" if v is None else f"{v:,.0f}"

            emit(replace=True, line=f"| {n:,} | {mb:.1f} | {baseline:.2f} | {full:.1f} | "
                 f"{full / baseline:,.0f}× | "
                 f"{n / full:,.0f} | {max(rss, rss2 or 0):,.0f} | {triples:,} | "
                 f"{'—' if inc is None else f'{inc:.1f}'} | {'—' if inc is None else f'{inc / full:.0%}'} | "
                 f"{ms('descendants', 'ox')} | {ms('descendants', 'rd')} | {ms('cascade', 'ox')} | "
                 f"{ms('cascade', 'rd')} |")
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    emit("")
    if stages:
        names = list(dict.fromkeys(name for st in stages.values() for name in st))
        emit("Seconds per stage (`build --timings`), full build and +1% rebuild:")
        emit("")
        emit("| stage | " + " | ".join(stages) + " |")
        emit("|---|" + "---:|" * len(stages))
        for name in (n for n in names if not n.startswith("(")):  # the workers' row has no time
            cells = [f"{st[name][0]:.1f}" if name in st else "—" for st in stages.values()]
            emit(f"| {name} | " + " | ".join(cells) + " |")
        emit("")
        emit("Peak RSS of the build process (MB, VmHWM) when each stage ended: the first stage "
             "whose figure jumps is the one that needs the memory. Stages marked (beside) ran in a "
             "process forked from the build, beside the stages after them. Rows in brackets are "
             "other processes: the largest extraction worker (each of `--jobs` workers is a "
             "separate process), and the largest stage run beside, counting only its own pages "
             "(those it does not share with the build process).")
        emit("")
        emit("| stage | " + " | ".join(stages) + " |")
        emit("|---|" + "---:|" * len(stages))
        for name in names:
            cells = [f"{st[name][1]:,.0f}" if name in st else "—" for st in stages.values()]
            emit(f"| {name} | " + " | ".join(cells) + " |")
        emit("")
    emit("Peak RSS is the largest of the full build and the rebuild (the build process; the other "
         "processes are listed under the stage table). The +1% rebuild adds 1% new documents "
         "and runs the same command into the same folder: extraction is cached, and comparisons, "
         "RDF blocks, the store and "
         "validation reuse the previous build wherever their inputs did not change. Query times "
         "are the best of 3 on the "
         "build's on-disk Oxigraph store and on rdflib with graph.nt loaded in memory; rdflib is not "
         f"measured above {RDFLIB_MAX_TRIPLES:,} triples (it would need tens of GB).")


def html_stable(n: int) -> str:
    """Time from navigation to a still, drawn explorer page of an n-node graph, in chromium."""
    import shutil
    import tempfile

    import networkx as nx

    from policygraph.export.html.render import render

    chromium = shutil.which("chromium")
    if not n or not chromium:
        return "HTML explorer: not timed (chromium not installed)."
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return "HTML explorer: not timed (playwright not installed)."
    g = nx.DiGraph()
    for i in range(n):
        lv = "national" if i < 5 else "provincial" if i < n // 25 else "municipal" if i < n // 3 else "county"
        g.add_node(f"d{i}", level=lv, jurisdiction="江苏省", kind="document", number=f"测发〔2020〕{i + 1}号",
                   title=f"关于第{i}项工作的通知", date="2020-01-01", year="2020")
        if i >= 5:
            g.add_edge(f"d{i}", f"d{i // 9 if i >= 45 else i % 5}", relation="implements", stated=True)
    with tempfile.TemporaryDirectory() as tmp:
        page_path = render(g, Path(tmp) / "big.html", "bench")
        with sync_playwright() as p:
            b = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu",
                                                                 "--disable-background-networking"])
            times = []
            for _ in range(3):
                page = b.new_page(viewport={"width": 1400, "height": 900})
                page.goto(page_path.as_uri())
                page.wait_for_function("window.pgStableAt !== undefined", timeout=120_000)
                times.append(page.evaluate("window.pgStableAt"))
                page.close()
            b.close()
    return (f"HTML explorer: a {n:,}-node, {n - 5:,}-edge page is drawn and still "
            f"{min(times) / 1000:.2f} s after navigation starts (best of 3, headless chromium).")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--out", default="bench/RESULTS.md")
    ap.add_argument("--build-sizes", default="1000",
                    help="comma-separated corpus sizes for whole builds, e.g. 1000,10000 ('' to skip)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--builds-only", action="store_true", help="skip the per-stage figures")
    ap.add_argument("--skip-rebuild", action="store_true", help="whole builds without the +1% rebuild")
    ap.add_argument("--html-nodes", type=int, default=5000,
                    help="size of the generated graph whose explorer page is timed in chromium (0: skip)")
    args = ap.parse_args()
    if args.builds_only:
        write_and_build(["# policygraph benchmark: whole builds", "", f"Machine: {_machine()}."], args)
        return

    docs = generate(args.docs, seed=11)
    texts = [d.text for d in docs]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    table = load_table()
    known = table.is_known
    normed = [normalize(t).text for t in texts]
    extract(Source("warm.txt", texts[0], "utf-8", "txt"))  # load tables and OpenCC once

    def baseline() -> None:
        for t in texts:
            for _m in BASELINE.finditer(t):
                pass

    def numbers_only() -> None:
        for t in normed:
            list(find_numbers(t, known))

    def citations() -> None:
        for t in normed:
            extract_citations(t, 0, len(t), list(find_numbers(t, known)), None, None)

    def norm() -> None:
        for t in texts:
            normalize(t)

    records = []

    def full() -> None:
        records.clear()
        records.extend(extract(Source(d.path, d.text, "utf-8", "txt")) for d in docs)

    rows = []
    base = best_of(args.repeat, baseline)
    for name, fn in (("baseline: one compiled regex pass", baseline),
                     ("normalize (繁→简, pinyin, full-width)", norm),
                     ("find numbers (on normalised text)", numbers_only),
                     ("citation stage (numbers, titles, aliases, relations)", citations),
                     ("full extraction per document", full)):
        t = base if fn is baseline else best_of(args.repeat, fn)
        rows.append((name, t, mb / t, len(docs) / t, t / base))

    # Correctness on the same run: own numbers and number citations against the truth.
    tp = fp = fn_ = own_ok = 0
    for d, r in zip(docs, records, strict=True):
        own_ok += r.number == d.number
        want = set(d.citations)
        got = {(c.number, c.relation) for c in r.citations if c.number}
        tp += len(want & got)
        fp += len(got - want)
        fn_ += len(want - got)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn_) if tp + fn_ else 1.0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    html_line = html_stable(args.html_nodes)

    machine = _machine()
    lines = [
        "# policygraph benchmark", "",
        f"Machine: {machine}. Corpus: {len(docs)} generated documents, {mb:.2f} MB of UTF-8 "
        f"(`scripts/synth.py generate(seed=11)`), best of {args.repeat} runs, one process.", "",
        "| stage | seconds | MB/s | docs/s | time vs baseline |", "|---|---:|---:|---:|---:|",
    ]
    lines += [f"| {n} | {t:.3f} | {m:.1f} | {d:,.0f} | {x:.1f}× |" for n, t, m, d, x in rows]
    lines += ["", f"Number citations with relation: precision {precision:.4f}, recall {recall:.4f} "
              f"({tp} right, {fp} spurious, {fn_} missed); own numbers {own_ok}/{len(docs)}.",
              f"Peak RSS {rss:.0f} MB.", html_line, ""]
    write_and_build(lines, args)


def _machine() -> str:
    return (f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}")


def write_and_build(lines: list[str], args: argparse.Namespace) -> None:
    """Write `lines` to --out, then run the whole builds, rewriting the file as rows arrive."""
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)

    def emit(line: str, replace: bool = False) -> None:  # a long run leaves its results so far
        if replace:
            lines.pop()
        lines.append(line)
        print(line, flush=True)
        out.write_text("\n".join(lines) + "\n", encoding="utf-8")

    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    sizes = [int(x) for x in args.build_sizes.split(",") if x.strip()]
    if sizes:
        build_scaling(sizes, args.jobs, emit, args.skip_rebuild)
    print(f"written to {out}")


if __name__ == "__main__":
    main()
