"""scripts/bench serve: its figures from the latencies it measured."""

from __future__ import annotations

import bench_serve  # scripts/, on the path through conftest


def test_a_run_reports_rate_median_and_99th_percentile() -> None:
    run = bench_serve.Run(ok=200, errors=3, seconds=4.0, latencies=[i / 1000 for i in range(200, 0, -1)])
    # 200 answers in 4 s; latencies 1..200 ms: median 100.5 ms, the 99th percentile 199 ms
    assert run.row("x, 16, keep-alive") == "| x, 16, keep-alive | 50 | 100.5 | 199.0 | 3 |"
    empty = bench_serve.Run(ok=0, errors=5, seconds=1.0, latencies=[])
    assert empty.row("y") == "| y | 0 | nan | nan | 5 |"
