"""A build whose disk fills up (or whose files may grow no further) stops with one line, status
2, never a traceback, wherever it is: holding the records (the partition file under .cache) or
writing an output."""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

import pytest

from tests.build.test_incremental import EXAMPLES


@pytest.mark.parametrize("limit", [4_000, 60_000])  # at the partition file; at an output
def test_a_full_disk_is_one_line(tmp_path: Path, limit: int) -> None:
    def small_files() -> None:  # as a full disk would: a write past `limit` bytes fails (EFBIG)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "policygraph.cli", "build", str(EXAMPLES), "--out", str(out),
                           "--quiet", "--jobs", "1"], capture_output=True, text=True, timeout=120,
                          preexec_fn=small_files)
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith(f"policygraph build: cannot write into {out}: File too large"), done.stderr
    assert done.stderr.count("\n") == 1
