"""A build killed outright (kill -9) leaves none of its extraction workers running."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

NOTICE = ("某市人民政府关于做好第{n}项工作的通知\n某政发〔2020〕{n}号\n\n各区人民政府：\n"
          "　　为贯彻落实《国务院关于做好就业工作的意见》（国发〔2019〕{n}号）精神，现通知如下。\n"
          "　　一、城镇登记失业率控制在4%以内。\n" * 40 + "\n某市人民政府\n2020年3月1日\n")


def _children(pid: int) -> set[int]:
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")  # a zombie has ended; only its exit status is left


def test_killing_the_build_kills_its_workers(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(3000):
        (corpus / f"{n:05}.txt").write_text(NOTICE.format(n=n), encoding="utf-8")
    main = subprocess.Popen([sys.executable, "-m", "policygraph.cli", "build", str(corpus), "--out",
                             str(tmp_path / "out"), "--jobs", "2", "--quiet"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        workers: set[int] = set()
        while len(workers) < 2 and time.monotonic() < deadline and main.poll() is None:
            time.sleep(0.05)
            workers = _children(main.pid)
        assert len(workers) >= 2, "the build started no workers"
        time.sleep(0.3)
        workers |= _children(main.pid)
        os.kill(main.pid, signal.SIGKILL)
        main.wait()
        deadline = time.monotonic() + 10
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        left = [w for w in workers if _alive(w)]
        assert not left, f"workers still running after their parent was killed: {left}"
    finally:
        for w in _children(main.pid) if main.poll() is None else ():
            os.kill(w, signal.SIGKILL)
        if main.poll() is None:
            main.kill()
