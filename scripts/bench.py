"""Throughput of policygraph's extraction stages against a plain-regex baseline.

The baseline is one compiled regex pass over the same text (what a naive citation finder
costs); every stage is reported in MB/s of UTF-8 input and as a ratio to that baseline, so
the figures compare across machines. Correctness is checked on the same run: the generated
corpus knows every document's number and citations.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
from pathlib import Path

from bench_builds import BASELINE, best_of, build_scaling, machine, real_corpus, real_text
from synth import generate

from policygraph.extract.authorities import load_table
from policygraph.extract.citations import extract_citations
from policygraph.extract.document import extract
from policygraph.extract.normalize import normalize
from policygraph.extract.numbers import find_numbers
from policygraph.models import Source


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
    if sys.argv[1:2] == ["serve"]:  # the load test of `policygraph serve`: a mode of its own
        from bench_serve import main as serve

        return serve(sys.argv[2:])
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--out", default="bench/RESULTS.md")
    ap.add_argument("--build-sizes", default="1000",
                    help="comma-separated corpus sizes for whole builds, e.g. 1000,10000 ('' to skip)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--builds-only", action="store_true", help="skip the per-stage figures")
    ap.add_argument("--skip-rebuild", action="store_true", help="whole builds without the +1%% rebuild")
    ap.add_argument("--html-nodes", type=int, default=5000,
                    help="size of the generated graph whose explorer page is timed in chromium (0: skip)")
    ap.add_argument("--real", metavar="PATH",
                    help="a folder of real documents to build beside the regex pass (default: "
                         "../shared/corpus/laws beside the checkout, when it exists)")
    ap.add_argument("--no-real", action="store_true", help="skip the real-text build")
    args = ap.parse_args()
    if args.real is not None and not Path(args.real).is_dir():
        ap.error(f"--real {args.real}: not a folder")
    if args.builds_only:
        write_and_build(["# policygraph benchmark: whole builds", "", f"Machine: {machine()}."], args)
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

    lines = [
        "# policygraph benchmark", "",
        f"Machine: {machine()}. Corpus: {len(docs)} generated documents, {mb:.2f} MB of UTF-8 "
        f"(`scripts/synth.py generate(seed=11)`), best of {args.repeat} runs, one process.", "",
        "| stage | seconds | MB/s | docs/s | time vs baseline |", "|---|---:|---:|---:|---:|",
    ]
    lines += [f"| {n} | {t:.3f} | {m:.1f} | {d:,.0f} | {x:.1f}× |" for n, t, m, d, x in rows]
    lines += ["", f"Number citations with relation: precision {precision:.4f}, recall {recall:.4f} "
              f"({tp} right, {fp} spurious, {fn_} missed); own numbers {own_ok}/{len(docs)}.",
              f"Peak RSS {rss:.0f} MB.", html_line, ""]
    write_and_build(lines, args)


def write_and_build(lines: list[str], args: argparse.Namespace) -> None:
    """Write `lines` to --out, then run the whole builds (generated corpora, then real text),
    rewriting the file as rows arrive."""
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
    corpus, why_not = real_corpus(args.real, args.no_real)
    real_text(corpus, why_not, args.jobs, args.repeat, emit)
    print(f"written to {out}")


if __name__ == "__main__":
    main()
