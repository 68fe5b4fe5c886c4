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

from policygraph.authorities import load_table
from policygraph.citations import extract_citations
from policygraph.extract import extract
from policygraph.models import Source
from policygraph.normalize import normalize
from policygraph.numbers import find_numbers
from policygraph.synth import generate

BASELINE = re.compile(r"[\u4e00-\u9fff]{2,6}[〔\[［(（]\d{4}[〕\]］)）]第?\d{1,5}号")


def best_of(k: int, fn: Callable[[], object]) -> float:
    times = []
    for _ in range(k):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--out", default="bench/RESULTS.md")
    args = ap.parse_args()

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

    machine = (f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, "
               f"Python {platform.python_version()}")
    lines = [
        "# policygraph benchmark", "",
        f"Machine: {machine}. Corpus: {len(docs)} generated documents, {mb:.2f} MB of UTF-8 "
        f"(`policygraph.synth.generate(seed=11)`), best of {args.repeat} runs, one process.", "",
        "| stage | seconds | MB/s | docs/s | time vs baseline |", "|---|---:|---:|---:|---:|",
    ]
    lines += [f"| {n} | {t:.3f} | {m:.1f} | {d:,.0f} | {x:.1f}× |" for n, t, m, d, x in rows]
    lines += ["", f"Number citations with relation: precision {precision:.4f}, recall {recall:.4f} "
              f"({tp} right, {fp} spurious, {fn_} missed); own numbers {own_ok}/{len(docs)}.",
              f"Peak RSS {rss:.0f} MB.", ""]
    report = "\n".join(lines)
    print(report)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(report, encoding="utf-8")
    print(f"written to {out}")


if __name__ == "__main__":
    main()
