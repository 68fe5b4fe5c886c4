"""The report's long lists: the first rows in Markdown (escaped), every row in its CSV file."""

from __future__ import annotations

import csv
from pathlib import Path

from policygraph.export.report_lists import MAX_ROWS, Lists, warning_kind


def test_the_first_rows_shown_all_written_and_how_many_more_said(tmp_path: Path) -> None:
    rows = [(f"《文件{i}》", f"a|b\n{i}", f"id{i}") for i in range(MAX_ROWS + 5)]
    lines = Lists(tmp_path).table("things", "things", ("name", "note", "id"), rows, shown=2)
    assert lines[:2] == ["| name | note |", "|---|---|"]
    assert lines[2] == "| 《文件0》 | a\\|b 0 |"  # a pipe or line break cannot break the table
    assert len(lines) == 2 + MAX_ROWS + 2
    assert lines[-1] == "… and 5 more things: all are in report/things.csv."
    with (tmp_path / "things.csv").open(encoding="utf-8", newline="") as f:
        written = list(csv.reader(f))
    assert written[0] == ["name", "note", "id"]
    assert [tuple(r) for r in written[1:]] == rows  # every row, every column, as it was


def test_few_rows_are_all_shown_and_none_is_said(tmp_path: Path) -> None:
    lists = Lists(tmp_path, bom=True)
    assert lists.table("few", "x", ("a",), [("1",), ("2",)]) == ["| a |", "|---|", "| 1 |", "| 2 |"]
    assert lists.table("none", "x", ("a",), []) == ["None."]
    assert (tmp_path / "none.csv").read_bytes() == b"\xef\xbb\xbfa\n"  # header only, for Excel
    assert Lists(None).table("nowhere", "x", ("a",), [("1",)]) == ["| a |", "|---|", "| 1 |"]


def test_warnings_of_one_kind_about_many_documents_are_one_kind() -> None:
    kinds = {warning_kind(w) for w in ("1 repeated sentence(s), 28 characters: the page repeats blocks",
                                        "4 repeated sentence(s), 176 characters: the page repeats blocks",
                                        "same number as lrb_0127cecf3054.txt: another version or a copy",
                                        "same number as laws/x.html: another version or a copy")}
    assert kinds == {"N repeated sentence(s), N characters", "same number as FILE"}
