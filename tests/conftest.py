"""Shared fixtures. The real documents in ../shared/corpus are read-only test data; tests that
need them are skipped (with a reason) when the folder is not beside the checkout."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from policygraph.extract.authorities import AuthorityTable, load_table
from policygraph.extract.document import extract
from policygraph.models import DocumentRecord, Source

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
SEEDS = SHARED / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# The corpus generator is a tool beside the benchmark (scripts/synth.py), not shipped code.
sys.path.insert(0, str(ROOT / "scripts"))

needs_shared = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/corpus is not beside the checkout")


@pytest.fixture(scope="session")
def table() -> AuthorityTable:
    return load_table()


def record_of(text: str, path: str = "doc.txt", **meta: str) -> DocumentRecord:
    """Extract a record from text written in a test."""
    return extract(Source(path, text, "utf-8", "txt", dict(meta)))


@pytest.fixture(scope="session")
def gold() -> dict:
    return json.loads((SEEDS / "gold.json").read_text(encoding="utf-8"))
