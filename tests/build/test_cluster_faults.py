"""A Dask cluster failing under a build (build --scheduler): its scheduler dying, its last worker
leaving. Each is one line saying so (ClusterError, status 2), never a build waiting for ever,
a traceback or distributed's own log on the user's terminal."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from distributed import Client

from policygraph.build.cluster import ClusterError, connect

#: A scheduler and one worker (a thread of it) in a process of their own, which the test kills.
CLUSTER = """
import sys
from distributed import LocalCluster
with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, protocol="tcp",
                  host="127.0.0.1", dashboard_address=None) as cluster:
    print(cluster.scheduler_address, flush=True)
    sys.stdin.read()
"""


@pytest.fixture
def cluster() -> Iterator[tuple[str, subprocess.Popen[str]]]:
    with subprocess.Popen([sys.executable, "-c", CLUSTER], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, text=True) as proc:
        assert proc.stdout is not None
        try:
            yield proc.stdout.readline().strip(), proc
        finally:
            proc.kill()


def _outcome(call: Callable[[], Any], seconds: float = 15) -> BaseException | None:
    """What call() raised (None if it returned), failing the test if it is still waiting after
    `seconds` (as a build with no worker left used to wait, for ever)."""
    said: list[BaseException | None] = []

    def run() -> None:
        try:
            call()
            said.append(None)
        except BaseException as e:  # handed to the test
            said.append(e)

    waiting = threading.Thread(target=run, daemon=True)
    waiting.start()
    waiting.join(seconds)
    assert said, f"still waiting after {seconds} s"
    return said[0]


def test_a_cluster_whose_last_worker_leaves_stops_the_build_in_one_line(
        cluster: tuple[str, subprocess.Popen[str]], capfd: pytest.CaptureFixture[str]) -> None:
    address, _proc = cluster
    pool = connect(address, timeout=2)
    try:
        pool.alone = 0.5  # seconds without a worker before giving up (WORKERS_TIMEOUT in a build)
        results = pool.map(time.sleep, [1.0] * 4, chunksize=1)
        with Client(address, set_as_default=False) as admin:
            admin.retire_workers(list(admin.nthreads()), close_workers=True)
        error = _outcome(lambda: list(results))
        assert isinstance(error, ClusterError)
        assert str(error) == (f"the Dask scheduler at {address} has no worker left (none for 0.5 s): "
                              "start one with `dask worker ADDRESS`")
    finally:
        pool.shutdown(cancel_futures=True)
    assert "distributed." not in capfd.readouterr().err


def test_a_scheduler_that_dies_during_a_build_is_one_line(
        cluster: tuple[str, subprocess.Popen[str]], capfd: pytest.CaptureFixture[str]) -> None:
    address, proc = cluster
    pool = connect(address, timeout=1)
    try:
        results = pool.map(time.sleep, [1.0] * 4, chunksize=1)
        proc.kill()
        proc.wait()
        lost = f"lost the connection to the Dask scheduler at {address}"
        error = _outcome(lambda: list(results))
        assert isinstance(error, ClusterError) and str(error).startswith(lost), error
        error = _outcome(lambda: pool.threads)  # what extraction asks before each batch
        assert isinstance(error, ClusterError) and str(error).startswith(lost), error
        error = _outcome(lambda: list(pool.map(abs, [-1])))
        assert isinstance(error, ClusterError) and str(error).startswith(lost), error
    finally:
        pool.shutdown(cancel_futures=True)
    assert "distributed." not in capfd.readouterr().err  # no log of distributed's own, no traceback
    deadline = time.monotonic() + 5  # and no thread of the client outlives it (the IO loop's did)
    while threading.active_count() > 1 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert threading.active_count() == 1, [t.name for t in threading.enumerate()]
