"""scripts/bench's real-text section: which folder it measures, what it reports, and the
baseline's byte count. The build itself is faked here (the timings it prints are read in
test_cli); the bench is a tool, so a missing folder is reported in its output, not failed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import bench_builds
import pytest

from .conftest import ROOT

TIMINGS = ("extraction                    4.00 s   80%  peak      61 MB\n"
           "finishing (report)            1.00 s   20%  peak      74 MB\n"
           "(each extraction worker)                peak     112 MB\n")


def test_the_baseline_counts_utf8_bytes_of_any_encoding(tmp_path: Path) -> None:
    text = "根据国办发〔2003〕40号文件精神"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text, encoding="gb18030")
    seconds, size = bench_builds.read_and_regex(sorted(tmp_path.iterdir()))
    assert size == 2 * len(text.encode("utf-8")) and seconds > 0


def test_which_real_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert bench_builds.real_corpus(str(tmp_path), skip=True) == (None, "--no-real was given.")
    assert bench_builds.real_corpus(str(tmp_path), skip=False) == (tmp_path.resolve(), "")
    monkeypatch.setattr(bench_builds, "REAL_DEFAULT", tmp_path / "laws")
    corpus, why = bench_builds.real_corpus(None, skip=False)
    assert corpus is None and str(tmp_path / "laws") in why and "--real PATH" in why
    (tmp_path / "laws").mkdir()
    assert bench_builds.real_corpus(None, skip=False) == (tmp_path / "laws", "")


def test_real_text_reports_both_passes_and_the_stages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "laws"
    corpus.mkdir()
    (corpus / "a.txt").write_text("国务院令第493号" * 1000, encoding="utf-8")
    commands: list[list[str]] = []

    def fake_build(cmd: list[str]) -> tuple[float, float, str]:
        commands.append(cmd)
        out = Path(cmd[cmd.index("--out") + 1])
        assert not out.exists()  # a fresh folder: nothing to reuse
        out.mkdir()
        (out / "documents.jsonl").write_text("{}\n{}\n", encoding="utf-8")
        return 5.0, 120.0, TIMINGS

    monkeypatch.setattr(bench_builds, "run_measured", fake_build)
    monkeypatch.setattr(bench_builds, "read_and_regex", lambda files: (0.5, 2_000_000))
    lines: list[str] = []
    bench_builds.real_text(corpus, "", 2, 3, lambda line, replace=False: lines.append(line))
    (cmd,) = commands
    assert cmd[cmd.index("build") + 1] == str(corpus) and "--no-cache" in cmd and "--timings" in cmd
    text = "\n".join(lines)
    assert "(1 files)" in text and "2.00 MB of UTF-8 input; 2 documents out" in text
    assert "| read and regex (baseline) | 0.50 | 4.0 | 1× | — |" in lines
    assert "| full build | 5.0 | 0.40 | 10× | 120 |" in lines
    assert "| extraction | 4.0 |" in lines and "| (each extraction worker) | 112 |" in lines


def test_without_the_folder_the_output_says_why(tmp_path: Path) -> None:
    lines: list[str] = []
    bench_builds.real_text(None, "no folder here.", 2, 3, lambda line, replace=False: lines.append(line))
    assert lines[-1] == "Skipped: no folder here."


def test_the_script_runs_its_options(tmp_path: Path) -> None:
    script = [sys.executable, str(ROOT / "scripts" / "bench.py")]
    out = tmp_path / "RESULTS.md"
    subprocess.run([*script, "--builds-only", "--build-sizes", "", "--no-real", "--out", str(out)],
                   check=True, capture_output=True)
    assert out.read_text(encoding="utf-8").endswith("## Real text\n\nSkipped: --no-real was given.\n")
    bad = subprocess.run([*script, "--real", str(tmp_path / "missing")], capture_output=True, text=True)
    assert bad.returncode == 2 and "not a folder" in bad.stderr
