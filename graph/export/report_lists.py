"""The report's long lists: the first rows as a Markdown table, every row in a CSV file beside it.

A corpus of thousands of documents has thousands of warnings, failures and comparisons; written
whole, report.md ran to 3,600 lines that no one reads and no spreadsheet opens. Each list is a
table of rows (the first columns shown, the rest, such as ids, only in the CSV); the report
shows its first MAX_ROWS rows and says where all of them are (`report/NAME.csv`).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from pathlib import Path

#: Rows a long table of the report shows; all its rows are in its CSV file.
MAX_ROWS = 20
#: The folder of those CSV files, beside report.md.
FOLDER = "report"


def md(s: object) -> str:
    """Make a value safe inside a Markdown table cell."""
    return str(s).replace("|", "\\|").replace("\n", " ")


def md_row(cells: Sequence[object]) -> str:
    return "| " + " | ".join(md(c) for c in cells) + " |"


class Lists:
    """Writes the report's lists as CSV files into `folder` (nothing when None), UTF-8 with a
    byte order mark when `bom` (for Excel: export.tables.csv_encoding)."""

    def __init__(self, folder: Path | None = None, bom: bool = False) -> None:
        self.folder, self.bom = folder, bom
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)

    def table(self, name: str, what: str, header: Sequence[str], rows: Sequence[Sequence[object]],
              shown: int | None = None, empty: str = "None.", where: str | None = None) -> list[str]:
        """Markdown lines: the first MAX_ROWS `rows` under the first `shown` columns of
        `header` (all by default), then how many more there are and where (`where`, default
        the CSV file). Every row goes to NAME.csv with every column; `empty` when none."""
        self.write(name, header, rows)
        if not rows:
            return [empty]
        shown = len(header) if shown is None else shown
        lines = [md_row(header[:shown]), "|" + "---|" * shown]
        lines += [md_row(r[:shown]) for r in rows[:MAX_ROWS]]
        if len(rows) > MAX_ROWS:
            where = where or self.path(name)
            lines += ["", f"… and {len(rows) - MAX_ROWS:,} more {what}: all are in {where}."]
        return lines

    def path(self, name: str) -> str:
        return f"{FOLDER}/{name}.csv"

    def write(self, name: str, header: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
        if self.folder is None:
            return
        with (self.folder / f"{name}.csv").open("w", encoding="utf-8-sig" if self.bom else "utf-8",
                                               newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(header)
            w.writerows(rows)


_FILE = re.compile(r"[\w.\-/]+\.(?:txt|html?|jsonl?)(?:#L\d+)?")
_DIGITS = re.compile(r"\d+")


def warning_kind(warning: str) -> str:
    """What a warning says, without what it says it of: its text before the first colon, with
    file names and figures masked, so the same warning about many documents is one kind.

    >>> warning_kind("3 repeated sentence(s), 176 characters: the page repeats blocks of its text")
    'N repeated sentence(s), N characters'
    >>> warning_kind("same number as lrb_70a9.txt: another version or a copy")
    'same number as FILE'
    >>> warning_kind("the header carries more than one number: 国务院令第529号、国务院令第773号")
    'the header carries more than one number'
    """
    head = warning.split(": ", 1)[0]
    return _DIGITS.sub("N", _FILE.sub("FILE", head))
