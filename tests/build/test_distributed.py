"""A build whose documents are extracted on a Dask cluster (build --scheduler) writes exactly the
files a local build writes; a cluster that cannot run it is one line, status 2."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from distributed import Client

from policygraph.build import build, cluster
from policygraph.build.budget import Overtime, TimeLimit
from policygraph.build.cluster import ClusterError, SchemeFile, _plain, connect, host_port
from policygraph.build.extraction import _packed_extract
from policygraph.models import Failure, Source
from tests.build.test_incremental import EXAMPLES, LESHAN, NANJING, SHIZHONG, XUANWU, _quads

#: What a build keeps for itself, not output: its cache, the store (compared by its quads) and lock.
ASIDE = (".cache", "store", ".policygraph-build.lock")


#: A local cluster of two worker processes, in a process of its own: distributed leaves threads
#: behind in the process that ran a LocalCluster, and a build forks only when it has none.
CLUSTER = """
import sys
from distributed import LocalCluster
with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
    print(cluster.scheduler_address, flush=True)
    sys.stdin.read()  # until the test closes it (or ends)
"""


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    with subprocess.Popen([sys.executable, "-c", CLUSTER], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, text=True) as cluster:
        assert cluster.stdin is not None and cluster.stdout is not None
        try:
            yield cluster.stdout.readline().strip()
        finally:
            cluster.stdin.close()
            try:
                cluster.wait(30)
            except subprocess.TimeoutExpired:
                cluster.kill()
                cluster.wait()
            cluster.stdout.close()


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "policygraph.cli", "build", *args],
                          capture_output=True, text=True, timeout=120)


def _outputs(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.relative_to(out).parts[0] not in ASIDE}


def _corpus(root: Path) -> Path:
    """The example corpus, documents that teach codes (乐府, 宁政发: their users are extracted
    again) and a file that cannot be read."""
    shutil.copytree(EXAMPLES, root)
    for name, text in (("nanjing.txt", NANJING), ("xuanwu.txt", XUANWU), ("shizhong.txt", SHIZHONG),
                       ("leshan.txt", LESHAN)):
        (root / name).write_text(text, encoding="utf-8")
    (root / "deep.json").write_bytes(b"[" * 100_000 + b"]" * 100_000)
    return root


def test_a_build_on_a_cluster_writes_what_a_local_build_writes(tmp_path: Path, scheduler: str) -> None:
    corpus = _corpus(tmp_path / "corpus")
    scheme = tmp_path / "my-measures.ttl"  # a scheme of the user's own: its text goes to the workers
    shutil.copy(Path(str(resources.files("policygraph.ontology").joinpath("measures.ttl"))), scheme)
    local = tmp_path / "local"
    build(corpus, local, jobs=2, scheme=str(scheme))
    remote = tmp_path / "remote"
    done = _cli(str(corpus), "--out", str(remote), "--quiet", "--measures", str(scheme), "--scheduler", scheduler)
    assert done.returncode == 0, done.stderr
    expected, got = _outputs(local), _outputs(remote)
    assert sorted(got) == sorted(expected)
    assert [name for name in expected if got[name] != expected[name]] == []
    assert _quads(remote / "store") == _quads(local / "store")
    report = got["report.md"].decode("utf-8")
    assert "| 乐府 | 四川省乐山市 |" in report and "| 宁政发 | 江苏省南京市 |" in report  # learned, re-extracted
    assert "| deep.json" in report.split("## Failed inputs")[1]


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize(("address", "says"), [
    ("http://127.0.0.1:8786", "is not a Dask scheduler address (tcp://host:8786)"),
    ("tcp://127.0.0.1", "is not a Dask scheduler address (tcp://host:8786)"),
])
def test_a_bad_scheduler_address_is_one_line(tmp_path: Path, address: str, says: str) -> None:
    done = _cli(str(EXAMPLES), "--out", str(tmp_path / "out"), "--scheduler", address)
    assert done.returncode == 2 and says in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "out").exists()


def test_a_scheduler_that_does_not_answer_is_one_line_and_nothing_is_built(tmp_path: Path) -> None:
    address = f"tcp://127.0.0.1:{_closed_port()}"
    start = time.monotonic()
    done = _cli(str(EXAMPLES), "--out", str(tmp_path / "out"), "--scheduler", address)
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip() == (f"policygraph build: cannot reach the Dask scheduler at {address}: "
                                   "Connection refused (start one with `dask scheduler`)")
    assert time.monotonic() - start < 15 and not (tmp_path / "out").exists()


def test_a_server_that_is_no_dask_scheduler_is_one_line() -> None:
    with socket.create_server(("127.0.0.1", 0)) as server:  # accepts, never answers (an HTTP port)
        address = f"tcp://127.0.0.1:{server.getsockname()[1]}"
        with pytest.raises(ClusterError, match=f"^no Dask scheduler answers at {address} within 0.5 s"):
            connect(address, timeout=0.5)


def test_without_distributed_the_build_says_what_to_install(tmp_path: Path) -> None:
    script = ("import sys; sys.modules['distributed'] = None\n"  # as if it were not installed
              "from policygraph.cli import main\n"
              f"sys.exit(main(['build', {str(EXAMPLES)!r}, '--out', {str(tmp_path / 'out')!r}, "
              "'--scheduler', 'tcp://127.0.0.1:8786']))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr == ("policygraph build: --scheduler needs Dask distributed: "
                           "pip install 'policygraph[cluster]'\n")


def test_addresses() -> None:
    assert host_port("tcp://10.0.0.5:8786") == ("10.0.0.5", 8786)
    assert host_port("scheduler.local:8786") == ("scheduler.local", 8786)
    assert host_port("tls://[::1]:8786") == ("::1", 8786)
    for bad in ("tcp://host:0", "tcp://host:x", "ws://host:8786", "tcp://:8786", "tcp://a/b:1"):
        with pytest.raises(ValueError):
            host_port(bad)


def test_the_scheme_reaches_a_worker_as_its_text(tmp_path: Path) -> None:
    path = tmp_path / "mine.ttl"
    path.write_text("@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n", encoding="utf-8")
    shipped = SchemeFile.of(str(path))
    path.unlink()  # the coordinator's path means nothing on a worker
    there = Path(shipped.path())
    assert there != path and there.read_text(encoding="utf-8").startswith("@prefix skos:")
    assert shipped.path() == str(there)


def test_a_scheme_file_someone_else_left_in_the_temporary_folder_is_not_used(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # a temporary folder others write to too
    monkeypatch.setattr(cluster, "_SCHEMES", {})
    text = "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n# mine\n"
    (tmp_path / "mine.ttl").write_text(text, encoding="utf-8")
    shipped = SchemeFile.of(str(tmp_path / "mine.ttl"))
    named = tmp_path / f"policygraph-scheme-{shipped.digest[:32]}.ttl"
    theirs = tmp_path / "theirs.ttl"
    theirs.write_text("# another scheme\n", encoding="utf-8")
    me = os.getuid()
    for planted in ("other text", "a link", "another user's"):
        named.unlink(missing_ok=True)
        if planted == "other text":
            named.write_text("# another scheme\n", encoding="utf-8")
        elif planted == "a link":
            named.symlink_to(theirs)
        else:  # the same text, but its owner can change it at will
            named.write_text(text, encoding="utf-8")
        cluster._SCHEMES.clear()  # a new worker process
        with pytest.MonkeyPatch.context() as as_another:
            if planted == "another user's":
                as_another.setattr(os, "getuid", lambda: me + 1)
            got = Path(shipped.path())
        assert got.parent == tmp_path
        assert got.read_text(encoding="utf-8") == text and not got.is_symlink() and got.stat().st_uid == me
        assert theirs.read_text(encoding="utf-8") == "# another scheme\n"


def test_a_time_limit_holds_in_a_thread_that_is_not_the_main_one() -> None:
    # A Dask worker extracts in a thread, where SIGALRM cannot reach: a watchdog raises there.
    results: list[str] = []

    def forever() -> None:
        limit = TimeLimit(0.1)
        try:
            limit.arm()
            try:
                while True:
                    sum(range(1000))
            finally:
                limit.stop()
        except Overtime:
            limit.stop()
            results.append("over")
        time.sleep(0.3)  # stopped: no overrun comes later
        results.append("after")

    worker = threading.Thread(target=forever)
    worker.start()
    worker.join(5)
    assert results == ["over", "after"]


def test_a_worker_running_another_policygraph_is_refused_in_one_line(scheduler: str) -> None:
    pool = connect(scheduler)
    try:
        pool._print = "0" * 64  # as if this machine ran another policygraph than the workers
        with pytest.raises(ClusterError, match=r"^the Dask worker tcp://\S+ runs another policygraph .*: "
                           r"install policygraph \S+ the same way on every worker$"):
            pool.check(5)
        with pytest.raises(ClusterError, match="runs another policygraph"):  # a worker joining later
            list(pool.map(abs, [-1, -2]))
    finally:
        pool.shutdown()


def test_maps_in_flight_together_each_give_their_own_results_in_order(scheduler: str) -> None:
    # extraction submits the next batch before it takes the results of the last
    pool = connect(scheduler)
    try:
        first = pool.map(abs, range(0, -40, -1), chunksize=3)
        slow = [range(n) for n in range(2_000_000, 2_000_006)]  # still running when `first` is taken
        second = pool.map(sum, slow, chunksize=1)
        assert list(first) == list(range(40))
        assert list(second) == [sum(r) for r in slow]
    finally:
        pool.shutdown()


def _tasks(dask_scheduler: Any) -> int:
    return len(dask_scheduler.tasks)


def test_an_interrupted_build_leaves_no_task_on_the_cluster(scheduler: str) -> None:
    pool = connect(scheduler)
    results = pool.map(time.sleep, [0.5] * 8, chunksize=1)
    assert next(results) is None  # running
    pool.shutdown(cancel_futures=True)  # what cluster.connected does on Ctrl-C
    with Client(scheduler, set_as_default=False) as watcher:  # the scheduler's own count
        deadline = time.monotonic() + 5
        while watcher.run_on_scheduler(_tasks) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert watcher.run_on_scheduler(_tasks) == 0


def test_no_thread_is_left_behind(scheduler: str) -> None:
    # Connecting, running and closing leave this process as it was: a build forks its stages
    # beside only in a process without threads (background.py).
    pool = connect(scheduler)
    assert list(pool.map(abs, [-1, -2, -3], chunksize=2)) == [1, 2, 3]
    pool.shutdown()
    deadline = time.monotonic() + 5
    while threading.active_count() > 1 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert threading.active_count() == 1, [t.name for t in threading.enumerate()]


def test_a_document_over_its_budget_on_a_worker_is_a_failure(scheduler: str) -> None:
    # A Dask worker extracts in a thread, where safe_extract's SIGALRM cannot reach.
    text = "各区人民政府：\n　　根据" + "《" * 20000 + "某某通知" + "》" * 20000 + "（国发〔2019〕12号）精神。\n"
    pool = connect(scheduler)
    try:
        (result,) = pool.map(_packed_extract, [Source("nested.txt", text, "utf-8", "txt")], [None], [0.001])
    finally:
        pool.shutdown()
    assert result == Failure("nested.txt", "extraction took longer than 0.001 s and was given up")


def test_a_worker_without_policygraph_is_told_what_to_install() -> None:
    said = str(_plain(ModuleNotFoundError("No module named 'policygraph'")))
    assert said.startswith("a Dask worker cannot import policygraph: pip install 'policygraph[cluster]'")
