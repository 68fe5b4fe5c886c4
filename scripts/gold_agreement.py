"""How far two annotators agree on the targets and deadlines of the same pages, and how far
policygraph agrees with the second (tests/gold/agreement/).

The held-out sets' first annotators each coded their own pages; twelve second annotators coded
those pages again, blind to the first rows, under the same conventions (tests/gold/agreement/
README.md). The second rows are scored as if they were found by a tool, with gold_measures.py's
matching, against the first: precision is the share of the second annotator's rows the first
also has, recall the share of the first's rows the second has, and the year, comparator and
date agreements are over the rows both have. That figure is the ceiling an aim against one
annotator's gold can be read against. policygraph's own output is scored against both.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from gold import GOLD, SHARED, Rec, Row, build_records, read_gold
from gold_measures import OTHER_FORM, MeasureReport, folded, score, source_of

AGREEMENT = GOLD / "agreement"
#: Which held-out sets each second annotation covers (every page of each set was coded again).
COVERS: Mapping[str, tuple[int, ...]] = {
    "A": (71, 73), "B": (72, 70), "C": (75, 74), "D": (77, 78), "E": (76, 79), "F": (61, 62),
    "G": (63, 64), "H": (67, 68), "I": (80, 83), "J": (81, 84), "K": (90, 91), "L": (92, 94)}
#: The gold's comparators as the data contract's, for a second annotator's rows read as found.
_AS_FOUND = {"=": ("equal", None), ">=": ("at_least", None), "<=": ("at_most", None),
             "increase": ("equal", "increase"), "decrease": ("equal", "decrease")}


@dataclass(frozen=True)
class Agreement:
    """One held-out set coded twice: the second annotator against the first, and policygraph
    against each."""

    name: str
    humans: MeasureReport
    tool_first: MeasureReport
    tool_second: MeasureReport


def second_rows(tag: str) -> list[Row]:
    """The second annotator's rows of one agreement file."""
    path = AGREEMENT / f"{tag}.jsonl"
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def as_found(rows: Sequence[Row], files: Sequence[str]) -> dict[str, Rec]:
    """Rows read as the records a tool would give, by file name: each of `files` (every page of
    the set, coded or found empty), its targets in the data contract's form (value folded with
    its unit's multiplier) and its 前/内 deadlines (the other forms are not scored)."""
    out: dict[str, dict[str, list[Mapping[str, object]]]] = {
        Path(f).name: {"targets": [], "deadlines": []} for f in files}
    for r in rows:
        item = out[Path(str(r["file"])).name]
        if r.get("kind") == "target":
            value, unit = folded(r.get("value"), r.get("unit"))
            high = folded(r.get("value_high"), r.get("unit"))[0] if r.get("value_high") is not None else None
            comparator, change = _AS_FOUND.get(str(r.get("comparator")), (str(r.get("comparator")), None))
            item["targets"].append({"value": value, "value_high": high, "unit": unit,
                                    "comparator": comparator, "change": change,
                                    "year": r.get("target_year"), "text": r.get("sentence")})
        elif r.get("kind") == "deadline" and not str(r.get("note") or "").startswith(OTHER_FORM):
            item["deadlines"].append({"text": r.get("deadline_text"), "date": r.get("date"),
                                      "action": r.get("sentence")})
    return dict(out)


def agreement(number: int, second: Sequence[Row], shared: Path, work: Path) -> Agreement:
    """The agreements on held-out set `number` (tests/gold/unseen<number>/)."""
    name = f"measures_unseen{number}"
    files = sorted(f"unseen{number}/{p.name}" for p in (GOLD / f"unseen{number}").glob("*.txt"))
    mine = [r for r in second if str(r["file"]).startswith(f"unseen{number}/")]
    first = read_gold(name)
    humans = score(first, as_found(mine, files))
    records = build_records((source_of(f, shared) for f in files), work / name)
    # the second rows as gold: every page of the set is scored (score reads a page with no row as
    # one where nothing is to be found)
    tool_second = score([*mine, *({"file": f, "kind": None} for f in files)], records)
    return Agreement(name, humans, score(first, records), tool_second)


def pooled(reports: Sequence[MeasureReport]) -> str:
    """One line of pooled counts: targets P / R / F1, year, comparator; deadlines P / R, date."""
    tm, tf, tg = (sum(getattr(r.targets, k) for r in reports) for k in ("matched", "found", "gold"))
    dm, df, dg = (sum(getattr(r.deadlines, k) for r in reports) for k in ("matched", "found", "gold"))
    p, rc = (tm / tf if tf else 1.0), (tm / tg if tg else 1.0)
    f1 = 2 * p * rc / (p + rc) if p + rc else 0.0

    def share(attr: str) -> str:
        right = sum(getattr(r, attr).right for r in reports)
        stated = sum(getattr(r, attr).stated for r in reports)
        return f"{right / stated:.3f} ({right}/{stated})" if stated else "–"

    dp, dr = (dm / df if df else 1.0), (dm / dg if dg else 1.0)
    return (f"targets {p:.3f} / {rc:.3f} / {f1:.3f} ({tm} / {tf} / {tg}), year {share('year')}, "
            f"comparator {share('comparator')}; deadlines {dp:.3f} / {dr:.3f} ({dm} / {df} / {dg}), "
            f"date {share('date')}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared corpus folder")
    parser.add_argument("--verbose", action="store_true", help="list where the two annotators differ")
    args = parser.parse_args(argv)
    found: list[Agreement] = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for tag, numbers in COVERS.items():
                rows = second_rows(tag)
                for n in numbers:
                    a = agreement(n, rows, args.shared, Path(tmp))
                    found.append(a)
                    print(f"{a.name} ({tag}): second vs first: {pooled([a.humans])}")
                    if args.verbose:
                        print(a.humans.details() + "\n")
    except (FileNotFoundError, json.JSONDecodeError, KeyError) as e:
        print(f"gold_agreement: {e}", file=sys.stderr)
        return 2
    print(f"\nsecond annotator vs first, {len(found)} sets: {pooled([a.humans for a in found])}")
    print(f"policygraph vs first:                {pooled([a.tool_first for a in found])}")
    print(f"policygraph vs second:               {pooled([a.tool_second for a in found])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
