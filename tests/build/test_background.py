"""Stages run beside the build in forked processes: results come back, failures are reported,
an interrupted build leaves no process behind, and a fork is never made while threads run."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from policygraph.build.background import Background, BackgroundError

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "graph" / "examples"
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="no fork")


def _alone() -> None:
    if threading.active_count() > 1:
        pytest.skip("another test left a thread running: this process must not fork")


def test_a_stage_runs_in_another_process_and_its_result_comes_back() -> None:
    _alone()
    big = list(range(100_000))  # seen by the child without being sent to it
    with Background() as bg:
        assert bg.start("sum", lambda: (os.getpid(), sum(big))) is None
        pid, total = bg.result("sum")
        ran = bg.ran()
    assert pid != os.getpid() and total == sum(big)
    assert ran["sum"].forked and ran["sum"].seconds >= 0


def test_a_failing_stage_is_reported_with_its_traceback() -> None:
    _alone()

    def broken() -> None:
        raise KeyError("no such node")

    with pytest.raises(BackgroundError, match="broken failed: KeyError: 'no such node'") as e, \
            Background() as bg:
        bg.start("broken", broken)
    assert "in broken" in str(e.value)  # the child's traceback names the function


def test_a_stage_whose_process_dies_is_an_error_not_a_hang() -> None:
    _alone()
    with Background() as bg:
        bg.start("dies", lambda: os._exit(7))
        with pytest.raises(BackgroundError, match=r"ended without a result \(exit code 7\)"):
            bg.result("dies")


def test_leaving_by_an_exception_kills_the_stages_still_running(tmp_path: Path) -> None:
    _alone()
    pid_file = tmp_path / "pid"

    def slow() -> None:
        pid_file.write_text(str(os.getpid()))
        time.sleep(60)

    t0 = time.perf_counter()
    with pytest.raises(KeyboardInterrupt), Background() as bg:
        bg.start("slow", slow)
        while not pid_file.exists():
            time.sleep(0.01)
        raise KeyboardInterrupt
    assert time.perf_counter() - t0 < 30
    pid = int(pid_file.read_text())
    with pytest.raises(ProcessLookupError):  # killed and reaped: no such process any more
        os.kill(pid, 0)


def test_no_fork_while_another_thread_runs() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        with Background() as bg:
            ran = bg.start("here", os.getpid)
            assert bg.result("here") == os.getpid()  # ran in this process, at once
        assert ran is not None and not ran.forked
    finally:
        stop.set()
        thread.join()


def test_a_stage_started_twice_is_a_bug() -> None:
    with Background(fork=False) as bg:
        bg.start("x", lambda: 1)
        with pytest.raises(ValueError, match="started twice"):
            bg.start("x", lambda: 2)


def test_a_build_with_stages_beside_writes_the_same_files(tmp_path: Path) -> None:
    # In a fresh interpreter (no test's threads in it), so the stages really are forked.
    def built(out: Path, jobs: str) -> str:
        r = subprocess.run([sys.executable, "-m", "policygraph.cli", "build", str(EXAMPLES), "--out", str(out),
                            "--quiet", "--jobs", jobs, "--timings", "--no-cache"],
                           capture_output=True, text=True, timeout=300)
        assert r.returncode == 0, r.stderr
        return r.stderr

    err = built(tmp_path / "beside", "2")
    built(tmp_path / "serial", "1")
    for stage in ("documents.jsonl", "CSV and GraphML", "HTML", "report tables"):
        assert f"{stage} (beside)" in err
    assert "(largest stage beside, own pages)" in err
    files = sorted(p.relative_to(tmp_path / "serial") for p in (tmp_path / "serial").rglob("*")
                   if p.is_file() and "store" not in p.parts and ".cache" not in p.parts)
    assert len(files) > 10
    for f in files:
        assert (tmp_path / "beside" / f).read_bytes() == (tmp_path / "serial" / f).read_bytes(), f
