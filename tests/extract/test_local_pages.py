"""Local government pages as real sites print them, scored against answers true by construction.

The shared corpora are almost all national; the extractor is judged on local pages it has never
seen. `tests/fixtures/local_pages/` holds 24 pages of our own composition (real places and organs,
invented content, numbers and dates): letterheads, site metadata tables (with `|`, one field per
line, or flattened to one line), signature blocks, a 令, 转发 notices, web dates apart from signing
dates, county-level places and names that are traps for prefix matching (镇平县 is not 镇江市,
盐亭县 not 盐城市, 济宁市 not 济南市, 鄂托克旗 not 湖北). `answers.jsonl` gives one row per page.

Each field must be right for at least 95% of the pages, and no page may be placed in a province
other than its own: a wrong place is worse than none.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from policygraph.extract.document import extract
from policygraph.extract.read import read_file
from policygraph.models import NATION, DocumentRecord, Source

PAGES = Path(__file__).parent.parent / "fixtures" / "local_pages"
ANSWERS = PAGES / "answers.jsonl"
MIN_ACCURACY = 0.95

#: The provincial-level unit a jurisdiction string starts with (…省, …自治区, a 直辖市, the nation).
_PROVINCE = re.compile(r"^(?:中华人民共和国|北京市|天津市|上海市|重庆市|.{2,8}?(?:省|自治区|特别行政区))")


@cache
def _answers() -> tuple[dict[str, Any], ...]:
    with ANSWERS.open(encoding="utf-8") as f:
        return tuple(json.loads(line) for line in f if line.strip())


@cache
def _records() -> dict[str, DocumentRecord]:
    """Each page read as a build reads it (encoding detected), then extracted."""
    out = {}
    for row in _answers():
        (src,) = read_file(PAGES / row["file"], row["file"])
        assert isinstance(src, Source), f"{row['file']}: {src}"
        out[row["file"]] = extract(src)
    return out


def _same_issuer(got: str, want: str, jurisdiction: str) -> bool:
    """One organ: equal names once a leading 中华人民共和国 is dropped, or names that differ only
    by higher places of the answer's jurisdiction before its own place (浦东新区人民政府 is
    上海市浦东新区人民政府, 七星关区人民政府 is 毕节市七星关区人民政府)."""
    got, want = (re.sub(r"\s", "", n).removeprefix(NATION) for n in (got, want))
    if got == want:
        return True
    short, long = sorted((got, want), key=len)
    higher = long[:len(long) - len(short)]
    if not short or not long.endswith(short):
        return False
    return any(jurisdiction[:i].endswith(higher) and short.startswith(jurisdiction[i:])
               for i in range(1, len(jurisdiction)))


def _issuers_match(rec: DocumentRecord, row: dict[str, Any]) -> bool:
    got, want = list(rec.issuers), row["issuers"]
    return len(got) == len(want) and all(
        any(_same_issuer(g, w, row["jurisdiction"]) for g in got) for w in want
    )


def _plain(field: str) -> Callable[[DocumentRecord, dict[str, Any]], bool]:
    return lambda rec, row: getattr(rec, field) == row[field]


#: How each field is judged; the page's title is compared with its whitespace removed.
CHECKS: dict[str, Callable[[DocumentRecord, dict[str, Any]], bool]] = {
    "number": _plain("number"),
    "level": _plain("level"),
    "jurisdiction": _plain("jurisdiction"),
    "date": _plain("date"),
    "issuers": _issuers_match,
}


def _shown(rec: DocumentRecord) -> str:
    return (f"number={rec.number!r} issuers={list(rec.issuers)} jurisdiction={rec.jurisdiction!r} "
            f"level={rec.level!r} date={rec.date!r} web_date={rec.web_date!r}")


def test_every_page_has_one_answer() -> None:
    files = sorted(p.name for p in PAGES.glob("*.txt"))
    assert sorted(r["file"] for r in _answers()) == files
    assert len(files) == 24


@pytest.mark.parametrize("field", list(CHECKS))
def test_field_is_right_for_95_percent_of_pages(field: str) -> None:
    records = _records()
    wrong = [(row, records[row["file"]]) for row in _answers() if not CHECKS[field](records[row["file"]], row)]
    accuracy = 1 - len(wrong) / len(_answers())
    assert accuracy >= MIN_ACCURACY, (
        f"{field}: {accuracy:.1%} right (needs {MIN_ACCURACY:.0%}); wrong on:\n" + "\n".join(
            f"  {row['file']}: want {row[field]!r}; got {_shown(rec)}" for row, rec in wrong
        )
    )


def test_no_page_is_placed_in_another_province() -> None:
    records = _records()
    misplaced = []
    for row in _answers():
        got = records[row["file"]].jurisdiction
        want = _PROVINCE.match(row["jurisdiction"])
        assert want, f"answer {row['file']}: no province in {row['jurisdiction']!r}"
        if got is None:
            continue  # unknown is a valid answer, and the jurisdiction test counts it
        has = _PROVINCE.match(got)
        if has is None or has.group(0) != want.group(0):
            where = f"another province, {has.group(0)}" if has else "a place that names no province"
            misplaced.append(f"  {row['file']}: in {row['jurisdiction']}; got {got!r} ({where})")
    assert not misplaced, "pages placed outside their province:\n" + "\n".join(misplaced)


def _web_date_ok(rec: DocumentRecord, row: dict[str, Any]) -> bool:
    """A 发布日期 other than the signing date is kept as the web date; where the page prints
    none, or the signing day itself, there is no other date to keep (the signing date may stand)."""
    if row["web_date"] is not None:
        return rec.web_date == row["web_date"]
    return rec.web_date in (None, row["date"])


def test_web_dates_are_kept_apart_from_signing_dates() -> None:
    records = _records()
    wrong = [f"  {row['file']}: want {row['web_date']!r}; got {_shown(records[row['file']])}"
             for row in _answers() if not _web_date_ok(records[row["file"]], row)]
    assert not wrong, "web dates:\n" + "\n".join(wrong)


def test_same_issuer_allows_only_the_answer_s_own_higher_places() -> None:
    assert _same_issuer("浦东新区人民政府", "上海市浦东新区人民政府", "上海市浦东新区")
    assert _same_issuer("中华人民共和国财政部", "财政部", NATION)
    assert not _same_issuer("北京市浦东新区人民政府", "浦东新区人民政府", "上海市浦东新区")
    assert not _same_issuer("人民政府", "镇平县人民政府", "河南省南阳市镇平县")
    assert not _same_issuer("镇平县人民政府办公室", "镇平县人民政府", "河南省南阳市镇平县")
    assert _same_issuer("七星关区人民政府", "毕节市七星关区人民政府", "贵州省毕节市七星关区")
    assert not _same_issuer("湖北省人民政府", "人民政府", "湖北省")
