"""Progress lines for a build whose stderr is no terminal: on a fake clock, and from the CLI."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from policygraph.build.progress import ProgressLog
from policygraph.build.timings import stage
from policygraph.cli import main

EXAMPLES = Path(str(resources.files("policygraph.examples").joinpath("corpus")))


class Clock:
    """A clock that moves only when told to."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_line_every_interval_with_files_done_of_all_and_the_rate() -> None:
    lines: list[str] = []
    clock = Clock()
    log = ProgressLog(40, every=10.0, write=lines.append, clock=clock)
    assert lines == ["policygraph build: extracting 40 files (a line every 10 s)"]
    for _ in range(9):  # 9 files in 9 s: under the interval, nothing said
        clock.now += 1.0
        log.file_done("a.txt")
    assert len(lines) == 1
    clock.now += 1.0
    log.file_done("b.txt")  # 10 files after 10 s
    assert lines[-1] == "policygraph build: extraction 10/40 files (25%), 1.0 files/s, 10 s"
    clock.now += 2.0
    log.file_done("c.jsonl#L1")
    for n in range(2, 50):
        log.file_done(f"c.jsonl#L{n}")  # a JSONL file's other records are not more files
    clock.now += 8.0
    log.file_done("d.txt")  # 12 files after 20 s
    assert lines[-1] == "policygraph build: extraction 12/40 files (30%), 0.6 files/s, 20 s"
    assert len(lines) == 3


def test_each_stage_as_it_ends_but_not_those_beside() -> None:
    lines: list[str] = []
    clock = Clock()
    log = ProgressLog(2, write=lines.append, clock=clock)
    timings = log.watch(None)
    log.file_done("a.txt")
    log.file_done("b.txt")
    clock.now += 4.0
    timings.seconds["extraction"] = 4.0
    assert lines[-1] == "policygraph build: extraction done 2/2 files (100%), 0.5 files/s, in 4.0 s; 4 s in all"
    clock.now += 31.0
    with stage(timings, "link"):
        pass
    assert lines[-1].startswith("policygraph build: link done in 0.0 s; 35 s in all")
    timings.seconds["HTML (beside)"] = 3.0  # told when every stage beside has ended: not progress
    assert len(lines) == 3 and timings.seconds["HTML (beside)"] == 3.0


def test_watching_keeps_the_timings_a_caller_passed() -> None:
    from policygraph.build.timings import Timings

    mine = Timings(seconds={"checking for changes": 0.5})
    log = ProgressLog(1, write=lambda _line: None)
    assert log.watch(mine) is mine
    mine.seconds["extraction"] = 1.0
    assert dict(mine.seconds) == {"checking for changes": 0.5, "extraction": 1.0}


def test_the_cli_logs_progress_when_stderr_is_no_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Under pytest stderr is captured, so no terminal: lines instead of a bar.
    assert main(["build", str(EXAMPLES), "--out", str(tmp_path / "a"), "--jobs", "1", "--log-every", "0"]) == 0
    err = capsys.readouterr().err.splitlines()
    files = sum(1 for p in EXAMPLES.iterdir() if p.is_file())
    assert err[0] == f"policygraph build: extracting {files} files (a line every 0 s)"
    ticks = [line for line in err if line.startswith("policygraph build: extraction ") and "done" not in line]
    assert [t.split()[3] for t in ticks] == [f"{k}/{files}" for k in range(1, files + 1)]  # one a file
    ended = [line.split(" done")[0].removeprefix("policygraph build: ") for line in err if " done" in line]
    assert ended[0] == "extraction" and ended[-1] == "JSON-LD"
    assert {"link", "RDF (Turtle, N-Triples)", "SHACL validation"} <= set(ended)
    assert main(["build", str(EXAMPLES), "--out", str(tmp_path / "b"), "--jobs", "1", "--quiet"]) == 0
    assert "policygraph build:" not in capsys.readouterr().err
