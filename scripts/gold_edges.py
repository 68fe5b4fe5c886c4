"""Score what policygraph says a document cites, and how, against hand-made gold
(tests/gold/edges.jsonl; tests/gold/edges.md says how it was made).

The gold lists every document each sampled file cites, with the relation its sentence states
(or `not_a_document` for a 《…》 that names no document: a gazette, a newspaper). The gold's
files are built as one corpus; each citation of a record (its parts' included) is matched to
the gold row of the same file naming the same document (number, else title, punctuation
aside, and a national statute's 中华人民共和国: 刑法 is 中华人民共和国刑法). Reported:

- target precision: of the citations found, the share naming a document the gold lists;
- target recall: of the documents the gold lists, the share found;
- relation accuracy: of the listed documents found, the share whose relation is the gold's
  (the strongest of the file's citations naming it, as the graph keeps one edge per pair),
  with the confusion table (gold relation × found relation).

A header history line (2010年9月17日…《关于修改本市部分地方性法规的决定》第三次修正) is scored as
`amended_by`: the graph makes the decision amend the file (one edge per dated decision), not the
file cite it. The gold's annotators typed `cites` for these lines and marked each with the note
"amended by (header history…)", written before this rule; the note, not the tool, decides.
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
from policygraph.models import RELATION_PRIORITY

NOT_A_DOCUMENT = "not_a_document"
AMENDED_BY = "amended_by"
_AMENDING = ("amended", "revised")
_HISTORY_REASON = "amended by (header history)"


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
    right_relation: int  # listed documents found with the gold's relation
    confusion: Counter[tuple[str, str]]
    misses: tuple[str, ...]
    false: tuple[str, ...]
    wrong: tuple[str, ...] = ()  # matched, another relation: file, document, gold → found

    @property
    def target_precision(self) -> float:
        return self.right_target / self.found if self.found else 1.0

    @property
    def target_recall(self) -> float:
        return self.found_gold / self.gold if self.gold else 1.0

    @property
    def relation_accuracy(self) -> float:
        return self.right_relation / self.found_gold if self.found_gold else 1.0

    def table(self) -> str:
        rels = sorted({g for g, _ in self.confusion} | {f for _, f in self.confusion})
        lines = [f"**citations** ({self.files} files, {self.gold} cited documents in the gold)", "",
                 f"target precision {self.target_precision:.3f} ({self.right_target}/{self.found}), "
                 f"recall {self.target_recall:.3f} ({self.found_gold}/{self.gold}), "
                 f"relation accuracy {self.relation_accuracy:.3f} "
                 f"({self.right_relation}/{self.found_gold})",
                 "", "| gold \\ found | " + " | ".join(rels) + " |", "|---" * (len(rels) + 1) + "|"]
        for g in rels:
            lines.append(f"| {g} | " + " | ".join(str(self.confusion[g, f] or "") for f in rels) + " |")
        return "\n".join(lines)


def _key(number: object, title: object) -> tuple[str, str]:
    return (str(number or ""), title_key(str(title)) if title else "")


def _same_title(a: str, b: str) -> bool:
    """One title, punctuation and a national statute's 中华人民共和国 aside (刑法 = 中华人民共和国刑法)."""
    return title_key(a).removeprefix("中华人民共和国") == title_key(b).removeprefix("中华人民共和国")


def found_citations(records: Mapping[str, Rec]) -> list[Found]:
    """Every citation of every record, its parts' included, and every amending decision its
    header history names (as `amended_by`, once per dated line, as the graph links them); a
    citation made by a history line is that line's, not counted again."""
    out = []
    for name, rec in records.items():
        parts: list[Any] = [rec, *cast(list[Any], rec.get("parts", []))]
        for part in parts:
            out.extend(Found(name, None, str(h["by"]), AMENDED_BY) for h in part.get("history", [])
                       if h.get("by") and h.get("kind") in _AMENDING)
            out.extend(Found(name, c.get("number"), c.get("title"), str(c["relation"]))
                       for c in part.get("citations", [])
                       if not str(c.get("reason", "")).startswith(_HISTORY_REASON))
    return out


def gold_relation(row: Row) -> str:
    """The row's relation, `amended_by` for a header history line (see the module's doc)."""
    return AMENDED_BY if str(row.get("note") or "").startswith("amended by") else str(row["relation"])


def _matches(f: Found, row: Row) -> bool:
    if f.number and row.get("number") and f.number == row["number"]:
        return True
    cited = row.get("cited")
    return bool(cited and f.title and _same_title(f.title, str(cited))) or bool(
        f.number and cited and f.number == cited)


def score(rows: Sequence[Row], records: Mapping[str, Rec]) -> EdgeReport:
    by_file: dict[str, list[Row]] = {}
    for r in rows:
        by_file.setdefault(Path(str(r["file"])).name, []).append(r)
    found = [f for f in found_citations(records) if f.file in by_file]
    listed = [r for r in rows if r.get("cited") and r["relation"] != NOT_A_DOCUMENT]
    right_target = 0
    hit: dict[int, list[str]] = {}  # gold row → the relations of the citations naming it
    false: list[str] = []
    for f in found:
        # one found citation per gold row: same-titled decisions of different dates are rows apart
        rows_named = [r for r in by_file[f.file] if r.get("cited") and _matches(f, r)]
        row = next((r for r in rows_named if id(r) not in hit), rows_named[0] if rows_named else None)
        if row is None or row["relation"] == NOT_A_DOCUMENT:
            false.append(f"{f.file}: {f.title or f.number} ({f.relation})")
            continue
        right_target += 1
        hit.setdefault(id(row), []).append(f.relation)
    confusion: Counter[tuple[str, str]] = Counter()
    wrong: list[str] = []
    for row in listed:
        if id(row) not in hit:
            continue
        # the graph keeps one edge per pair, with the strongest relation of its citations
        found_rel = max(hit[id(row)], key=lambda rel: RELATION_PRIORITY.get(rel, -1))
        confusion[gold_relation(row), found_rel] += 1
        if gold_relation(row) != found_rel:
            wrong.append(f"{row['file']}: {row['cited']} ({gold_relation(row)} → {found_rel})")
    right_relation = sum(n for (g, f), n in confusion.items() if g == f)
    misses = tuple(f"{r['file']}: {r['cited']} ({gold_relation(r)})" for r in listed if id(r) not in hit)
    return EdgeReport(len(by_file), len(listed), len(found), right_target, len(hit), right_relation,
                      confusion, misses, tuple(false), tuple(wrong))


#: The edge gold sets: one used while relations were written, two held out, each drawn after the
#: code it scores was written (edges_heldout2 after names without 《》).
SETS = ("edges", "edges_heldout", "edges_heldout2")


def edges_report(shared: Path, work: Path, name: str = "edges") -> EdgeReport:
    rows = read_gold(name)
    files = sorted({str(r["file"]) for r in rows})
    records = build_records((shared / f for f in files), work / name)
    return score(rows, records)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared corpus folder")
    parser.add_argument("--verbose", action="store_true",
                        help="list the misses, false citations and other relations")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        for name in SETS:
            if not (GOLD / f"{name}.jsonl").is_file():
                continue
            report = edges_report(args.shared, Path(tmp), name)
            print(f"{name}: " + report.table(), end="\n\n")
            if args.verbose:
                print("missed:", *report.misses, "\nfalse:", *report.false, "\nother relation:",
                      *report.wrong, sep="\n- ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
