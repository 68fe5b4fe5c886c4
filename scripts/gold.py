"""Score what policygraph says a document is against hand-made gold (tests/gold/*.jsonl).

The gold's files are built as a corpus of their own, the way a user builds one (a temporary
folder of copies; the shared corpus stays read-only), and each field of each document's
record is compared with what a person read in its text. Per field:

- precision: of the documents given a value, the share given the right one;
- recall: of the documents whose text states a value, the share given the right one.

A value given where the gold has none counts against precision. Printed as a Markdown table
(`scripts/gold`), and asserted against floors in tests/test_nodes_gold.py.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from policygraph.build import build
from policygraph.corpus.link import title_key
from policygraph.models import NATION, RANKS

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold"
SHARED = ROOT.parent / "shared" / "corpus"

#: Gold rows are read as plain JSON objects: the gold files are hand-written, not our output.
Row = Mapping[str, object]
#: A record as documents.jsonl holds it, read back for scoring only.
Rec = Mapping[str, object]


@dataclass(frozen=True)
class Score:
    """One field over one gold set: counts, and precision and recall from them."""

    field: str
    stated: int  # documents whose gold has a value
    given: int  # documents the tool gave a value
    right: int  # documents given the gold's value

    @property
    def precision(self) -> float:
        return self.right / self.given if self.given else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.stated if self.stated else 1.0


@dataclass(frozen=True)
class Field:
    """How one field is read from a record and from a gold row, and compared."""

    name: str
    predicted: Callable[[Rec], object]
    gold: Callable[[Row], object]
    same: Callable[[object, object], bool] = lambda p, g: p == g


def _organ(name: object) -> str:
    return title_key(str(name)).removeprefix(NATION)


def _organs(names: object) -> frozenset[str]:
    return frozenset(_organ(n) for n in names) if isinstance(names, list) else frozenset()


def _rank(rec: Rec) -> str | None:
    rank = rec.get("rank")
    return RANKS.get(str(rank)) if rank else None


def _history(events: object) -> tuple[tuple[str, str], ...] | None:
    """(kind, date) of each history event; None when there is none, so an empty history is
    neither given nor stated."""
    if not isinstance(events, list) or not events:
        return None
    return tuple((str(e["kind"]), str(e["date"])) for e in events)


def _get(key: str) -> Callable[[Mapping[str, object]], object]:
    return lambda row: row.get(key) or None


def _title_same(p: object, g: object) -> bool:
    return title_key(str(p)) == title_key(str(g))


LAW_FIELDS = (
    Field("title", _get("title"), _get("title"), _title_same),
    # The gold writes joint issuers as one string (国务院、中央军事委员会): right if the record
    # lists every one of them among its issuers.
    Field("issuer", lambda r: _organs(r.get("issuers")) or None,
          lambda g: _organs(str(g["issuer"]).split("、")) if g.get("issuer") else None,
          lambda p, g: g <= p),  # type: ignore[operator]  # both frozensets when given
    Field("jurisdiction", _get("jurisdiction"), _get("jurisdiction")),
    Field("level", _get("level"), _get("level")),
    Field("rank", _rank, _get("rank")),
    Field("date", _get("date"), _get("date")),
    Field("date_publication", _get("date_publication"), _get("published")),
    Field("date_in_force", _get("date_in_force"), _get("in_force")),
    Field("history", lambda r: _history(r.get("history")), lambda g: _history(g.get("history"))),
)

PAGE_FIELDS = (
    Field("number", _get("number"), _get("number")),
    Field("title", _get("title"), _get("title"), _title_same),
    Field("issuers", lambda r: _organs(r.get("issuers")) or None,
          lambda g: _organs(g.get("issuers")) or None),
    Field("jurisdiction", _get("jurisdiction"), _get("jurisdiction")),
    Field("level", _get("level"), _get("level")),
    Field("rank", _rank, _get("rank")),
    Field("date", _get("date"), _get("date")),
    Field("web_date", _get("web_date"), _get("web_date")),
)


def read_gold(name: str) -> list[Row]:
    """The rows of tests/gold/<name>.jsonl."""
    lines = (GOLD / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def build_records(files: Iterable[Path], work: Path) -> dict[str, Rec]:
    """Build copies of `files` as one corpus in `work`; the records by file name."""
    corpus = work / "corpus"
    corpus.mkdir(parents=True)
    for f in files:
        shutil.copyfile(f, corpus / f.name)
    outputs = build(corpus, work / "out", jobs=1, use_cache=False, check=False)
    lines = outputs["documents"].read_text(encoding="utf-8").splitlines()
    records = (json.loads(line) for line in lines)
    return {str(r["source"]): r for r in records}


def score(fields: Sequence[Field], rows: Sequence[Row], records: Mapping[str, Rec],
          file_of: Callable[[Row], str]) -> list[Score]:
    """Each field scored over the gold rows (a file missing from the records gives nothing)."""
    out = []
    for f in fields:
        stated = given = right = 0
        for row in rows:
            g = f.gold(row)
            rec = records.get(file_of(row))
            p = f.predicted(rec) if rec is not None else None
            stated += g is not None
            given += p is not None
            right += p is not None and g is not None and f.same(p, g)
        out.append(Score(f.name, stated, given, right))
    return out


def wrong_province(rows: Sequence[Row], records: Mapping[str, Rec],
                   file_of: Callable[[Row], str]) -> list[str]:
    """Files placed in a province other than the gold's: a wrong place is worse than none."""
    out = []
    for row in rows:
        rec = records.get(file_of(row))
        g, p = row.get("jurisdiction"), rec.get("jurisdiction") if rec else None
        if g and p and str(p)[:2] != str(g)[:2]:
            out.append(f"{file_of(row)}: {p} (gold {g})")
    return out


def _name(row: Row) -> str:
    return Path(str(row["file"])).name


@dataclass(frozen=True)
class Report:
    """The scores of one gold set, and the documents placed in a wrong province."""

    name: str
    documents: int
    scores: list[Score]
    misplaced: list[str]

    def table(self) -> str:
        lines = [f"**{self.name}** ({self.documents} documents)", "",
                 "| field | precision | recall | right / given / stated |", "|---|---|---|---|"]
        lines += [f"| {s.field} | {s.precision:.2f} | {s.recall:.2f} | {s.right} / {s.given} / {s.stated} |"
                  for s in self.scores]
        lines.append(f"\nPlaced in a wrong province: {len(self.misplaced)}")
        return "\n".join(lines + [f"- {m}" for m in self.misplaced])


#: The laws gold sets: one drawn while the extractor was written, one held out, drawn after it.
LAW_SETS = {"laws_nodes": "laws", "laws_heldout": "laws, held out"}


def laws_report(shared: Path, work: Path, name: str = "laws_nodes") -> Report:
    rows = read_gold(name)
    records = build_records((shared / "laws" / _name(r) for r in rows), work / name)
    return Report(LAW_SETS[name], len(rows), score(LAW_FIELDS, rows, records, _name),
                  wrong_province(rows, records, _name))


def pages_report(shared: Path, work: Path) -> Report:
    rows = read_gold("pages_nodes")
    records = build_records((shared / str(r["file"]) for r in rows), work / "pages")
    return Report("government pages", len(rows), score(PAGE_FIELDS, rows, records, _name),
                  wrong_province(rows, records, _name))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared corpus folder")
    args = parser.parse_args(argv)
    if not (args.shared / "laws").is_dir():
        print(f"gold: {args.shared} holds no laws/ folder; pass --shared", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        laws = [laws_report(args.shared, Path(tmp), name) for name in LAW_SETS
                if (GOLD / f"{name}.jsonl").is_file()]
        for report in (*laws, pages_report(args.shared, Path(tmp))):
            print(report.table(), end="\n\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
