"""The explorer on real text: 400 laws of the shared corpus (enough to open on the overview) built
as a user would, opened in chromium with the network refused. The whole laws build's figures are
in docs/performance.md; this keeps the suite's time."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from policygraph.build import build

from ..conftest import SHARED, needs_shared
from .test_html import Page, browser  # noqa: F401  (the fixture)

pytestmark = pytest.mark.xdist_group("browser")  # one worker for the browser tests (test_html.py)

LAWS = SHARED / "laws"


@pytest.fixture(scope="module")
def laws_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    corpus = tmp_path_factory.mktemp("laws400")
    names = sorted((p.name for p in LAWS.glob("lrb_*.txt")), key=lambda n: hashlib.sha1(n.encode()).hexdigest())
    for name in names[:400]:
        shutil.copyfile(LAWS / name, corpus / name)
    out = tmp_path_factory.mktemp("laws400-out") / "out"
    build(corpus, out, jobs=2, use_cache=False)
    return out


@needs_shared
def test_the_laws_open_on_an_overview_with_names_and_a_search(browser: object, laws_out: Path) -> None:  # noqa: F811
    page = Page(browser, laws_out / "graph.html", timeout=60_000)
    assert page.external == [] and page.errors == []
    assert page.js("window.pgStableAt") < 8000  # drawn and still (about 1 s here)
    labels = page.js("nodes.get().map(n => n.label || '')")
    assert labels and not any(x in label for label in labels for x in ("src:", "title:", ".txt"))
    page.page.fill("#pg-search", "国家赔偿法")
    page.page.press("#pg-search", "Enter")
    listed = page.js("Array.from(document.querySelectorAll('#pg-results a.pg-doc')).map(a => a.textContent)")
    assert listed, "no match for 国家赔偿法"
    assert all("赔偿" in text for text in listed)
