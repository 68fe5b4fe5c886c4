"""Shared fixtures. The real documents in ../shared/corpus are read-only test data; tests that
need them are skipped (with a reason) when the folder is not beside the checkout.

Under CI (the environment variable CI set, as .ci/run does) a skipped test is a failed test:
a missing ../shared/corpus or browser must not let a run go green without the tests that need
them, so every skip, whatever raised it, is reported as a failure with its reason.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Generator
from pathlib import Path

import pytest

from policygraph.build import build
from policygraph.extract.authorities import AuthorityTable, load_table
from policygraph.extract.document import extract
from policygraph.models import DocumentRecord, Source

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
SEEDS = SHARED / "seeds"
# The corpus generator is a tool beside the benchmark (scripts/synth.py), not shipped code.
sys.path.insert(0, str(ROOT / "scripts"))

needs_shared = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/corpus is not beside the checkout")


def in_ci() -> bool:
    """Whether this run is CI's: CI set to anything but empty, 0, false or no."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _skip_reason(report: pytest.TestReport | pytest.CollectReport) -> str:
    longrepr = report.longrepr
    reason = longrepr[2] if isinstance(longrepr, tuple) else str(longrepr)
    return reason.removeprefix("Skipped: ")


def _fail_if_skipped(report: pytest.TestReport | pytest.CollectReport) -> None:
    if in_ci() and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"skipped under CI, where a skipped test is a failed test: {_skip_reason(report)}"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    _fail_if_skipped(report)
    return report


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(collector: pytest.Collector) -> Generator[None, pytest.CollectReport, pytest.CollectReport]:
    report = yield  # a module skipped as a whole (pytest.skip(allow_module_level=True), importorskip)
    _fail_if_skipped(report)
    return report


@pytest.fixture(scope="session")
def table() -> AuthorityTable:
    return load_table()


def record_of(text: str, path: str = "doc.txt", **meta: str) -> DocumentRecord:
    """Extract a record from text written in a test."""
    return extract(Source(path, text, "utf-8", "txt", dict(meta)))


@pytest.fixture(scope="session")
def gold() -> dict:
    return json.loads((SEEDS / "gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seeds_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds built once, for the tests that only read a build's files."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus is not beside the checkout")
    out = tmp_path_factory.mktemp("seeds_build")
    build(SEEDS, out)
    return out
