"""report.md keeps its size as the corpus grows: counts and the first rows of each list, never
a row per document, warning or link (those are in report/*.csv)."""

from __future__ import annotations

import csv
from pathlib import Path

from synth import generate  # scripts/, on the path through conftest

from policygraph.corpus.link import link
from policygraph.export.report import report_body
from policygraph.export.report_lists import MAX_ROWS
from policygraph.extract.authorities import load_table
from policygraph.extract.document import extract
from policygraph.models import Failure, Source


def test_no_table_outgrows_its_first_rows_and_the_lists_hold_every_row(tmp_path: Path) -> None:
    table = load_table()
    records = [extract(Source(d.path, d.text, "utf-8", "txt"), table) for d in generate(200, seed=5)]
    failures = [Failure(f"bad/{i}.txt", "not a document: binary") for i in range(60)]
    report = report_body(records, failures, {}, "synth", link(records), lists=tmp_path)
    lines = report.splitlines()
    tables, run = [], 0
    for line in [*lines, ""]:
        if line.startswith("| "):
            run += 1
        elif not line.startswith("|---"):
            if run:
                tables.append(run - 1)  # data rows, without the header
            run = 0
    assert max(tables) == MAX_ROWS and len(lines) < 300
    assert "… and 180 more documents (here: those citing the most): all are in report/documents.csv." in report
    assert "… and 40 more failed inputs: all are in report/failures.csv." in report
    with (tmp_path / "documents.csv").open(encoding="utf-8", newline="") as f:
        assert sorted(r["id"] for r in csv.DictReader(f)) == sorted(r.id for r in records)
    with (tmp_path / "failures.csv").open(encoding="utf-8", newline="") as f:
        assert [r["file"] for r in csv.DictReader(f)] == sorted(f"bad/{i}.txt" for i in range(60))
