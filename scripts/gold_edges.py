"""Score what policygraph says a document cites, and how, against hand-made gold
(tests/gold/edges.jsonl; tests/gold/edges.md says how it was made).

The gold lists every document each sampled file cites, with the relation its sentence states
(or `not_a_document` for a 《…》 that names no document: a gazette, a newspaper). The gold's
files are built as one corpus; each citation of a record (its parts' included) is matched to
the gold row of the same file naming the same document (number, else title, punctuation
aside). Reported:

- target precision: of the citations found, the share naming a document the gold lists;
- target recall: of the documents the gold lists, the share found;
- relation accuracy: of the matched citations, the share with the gold's relation, with the
  confusion table (gold relation × found relation).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from gold import GOLD, SHARED, Rec, Row, build_records, read_gold

from policygraph.corpus.titles import title_key

NOT_A_DOCUMENT = "not_a_document"


@dataclass(frozen=True)
class Found:
    """One citation a record makes: the file, what it names, and the relation."""

    file: str
    number: str | None
    title: str | None
    relation: str


@dataclass(frozen=True)
class EdgeReport:
    """Counts over one gold set, and the relation confusion table."""

    files: int
    gold: int  # documents the gold lists as cited
    found: int  # citations found in the gold's files
    right_target: int  # found citations naming a listed document
    found_gold: int  # listed documents found
    right_relation: int  # matched citations with the gold's relation
    confusion: Counter[tuple[str, str]]
    misses: tuple[str, ...]
    false: tuple[str, ...]

    @property
    def target_precision(self) -> float:
        return self.right_target / self.found if self.found else 1.0

    @property
    def target_recall(self) -> float:
        return self.found_gold / self.gold if self.gold else 1.0

    @property
    def relation_accuracy(self) -> float:
        return self.right_relation / self.right_target if self.right_target else 1.0

    def table(self) -> str:
        rels = sorted({g for g, _ in self.confusion} | {f for _, f in self.confusion})
        lines = [f"**citations** ({self.files} files, {self.gold} cited documents in the gold)", "",
                 f"target precision {self.target_precision:.3f} ({self.right_target}/{self.found}), "
                 f"recall {self.target_recall:.3f} ({self.found_gold}/{self.gold}), "
                 f"relation accuracy {self.relation_accuracy:.3f} "
                 f"({self.right_relation}/{self.right_target})",
                 "", "| gold \\ found | " + " | ".join(rels) + " |", "|---" * (len(rels) + 1) + "|"]
        for g in rels:
            lines.append(f"| {g} | " + " | ".join(str(self.confusion[g, f] or "") for f in rels) + " |")
        return "\n".join(lines)


def _key(number: object, title: object) -> tuple[str, str]:
    return (str(number or ""), title_key(str(title)) if title else "")


def found_citations(records: Mapping[str, Rec]) -> list[Found]:
    """Every citation of every record, its parts' included: the strongest relation per
    document a file cites, as the graph keeps one edge per pair."""
    out = []
    for name, rec in records.items():
        parts: list[Any] = [rec, *cast(list[Any], rec.get("parts", []))]
        for part in parts:
            for c in part.get("citations", []):
                out.append(Found(name, c.get("number"), c.get("title"), str(c["relation"])))
    return out


def _matches(f: Found, row: Row) -> bool:
    if f.number and row.get("number") and f.number == row["number"]:
        return True
    cited = row.get("cited")
    return bool(cited and f.title and title_key(f.title) == title_key(str(cited))) or bool(
        f.number and cited and f.number == cited)


def score(rows: Sequence[Row], records: Mapping[str, Rec]) -> EdgeReport:
    by_file: dict[str, list[Row]] = {}
    for r in rows:
        by_file.setdefault(Path(str(r["file"])).name, []).append(r)
    found = [f for f in found_citations(records) if f.file in by_file]
    listed = [r for r in rows if r.get("cited") and r["relation"] != NOT_A_DOCUMENT]
    confusion: Counter[tuple[str, str]] = Counter()
    right_target = right_relation = 0
    hit: set[int] = set()
    false = []
    for f in found:
        row = next((r for r in by_file[f.file] if r.get("cited") and _matches(f, r)), None)
        if row is None or row["relation"] == NOT_A_DOCUMENT:
            false.append(f"{f.file}: {f.title or f.number} ({f.relation})")
            continue
        right_target += 1
        hit.add(id(row))
        confusion[str(row["relation"]), f.relation] += 1
        right_relation += row["relation"] == f.relation
    misses = tuple(f"{r['file']}: {r['cited']} ({r['relation']})" for r in listed if id(r) not in hit)
    return EdgeReport(len(by_file), len(listed), len(found), right_target, len(hit), right_relation,
                      confusion, misses, tuple(false))


#: The edge gold sets: one used while relations were written, one held out, drawn after.
SETS = ("edges", "edges_heldout")


def edges_report(shared: Path, work: Path, name: str = "edges") -> EdgeReport:
    rows = read_gold(name)
    files = sorted({str(r["file"]) for r in rows})
    records = build_records((shared / f for f in files), work / name)
    return score(rows, records)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared corpus folder")
    parser.add_argument("--verbose", action="store_true", help="list the misses and false citations")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        for name in SETS:
            if not (GOLD / f"{name}.jsonl").is_file():
                continue
            report = edges_report(args.shared, Path(tmp), name)
            print(f"{name}: " + report.table(), end="\n\n")
            if args.verbose:
                print("missed:", *report.misses, "\nfalse:", *report.false, sep="\n- ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
