"""What a document is (number, title, issuer, place, level, rank, dates, history) against gold
made by hand from the texts (tests/gold/laws_nodes.md and pages_nodes.md say how), scored by
scripts/gold.py on a build of copies of the gold's files. The floors are the issue's aims where
it sets one (≥ 0.95 for own number, level, jurisdiction and date), else a little under what the
extractor measured when the field was added, so a regression fails here."""

from __future__ import annotations

from pathlib import Path

import gold
import pytest

from .conftest import needs_shared

pytestmark = needs_shared


@pytest.fixture(scope="module")
def laws(tmp_path_factory: pytest.TempPathFactory) -> gold.Report:
    return gold.laws_report(gold.SHARED, tmp_path_factory.mktemp("gold"))


@pytest.fixture(scope="module")
def heldout(tmp_path_factory: pytest.TempPathFactory) -> gold.Report:
    """60 laws drawn and read after the extractor was written (tests/gold/laws_heldout.md)."""
    return gold.laws_report(gold.SHARED, tmp_path_factory.mktemp("gold"), "laws_heldout")


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> gold.Report:
    return gold.pages_report(gold.SHARED, tmp_path_factory.mktemp("gold"))


def _scores(report: gold.Report) -> dict[str, gold.Score]:
    return {s.field: s for s in report.scores}


@pytest.mark.parametrize("field", ["number", "title", "issuers", "jurisdiction", "level", "date"])
def test_pages_identity_place_and_date(pages: gold.Report, field: str) -> None:
    s = _scores(pages)[field]
    assert min(s.precision, s.recall) >= 0.95, s


def test_page_rank(pages: gold.Report) -> None:
    s = _scores(pages)["rank"]
    assert min(s.precision, s.recall) >= 0.95, s


def test_nothing_is_placed_in_a_wrong_province(laws: gold.Report, heldout: gold.Report,
                                                pages: gold.Report) -> None:
    assert laws.misplaced == [] and heldout.misplaced == [] and pages.misplaced == []


@pytest.mark.parametrize("field", ["title", "jurisdiction", "level", "date"])
@pytest.mark.parametrize("which", ["laws", "heldout"])
def test_laws_place_and_date(which: str, field: str, request: pytest.FixtureRequest) -> None:
    s = _scores(request.getfixturevalue(which))[field]
    assert min(s.precision, s.recall) >= 0.95, s


@pytest.mark.parametrize("field", ["issuer", "rank", "date_publication", "date_in_force", "history"])
@pytest.mark.parametrize("which", ["laws", "heldout"])
def test_laws_issuer_rank_and_history(which: str, field: str, request: pytest.FixtureRequest) -> None:
    """Measured 0.95–1.00 on both sets when these fields were added."""
    s = _scores(request.getfixturevalue(which))[field]
    assert min(s.precision, s.recall) >= 0.92, s


def test_the_gold_covers_what_the_issue_asks(laws: gold.Report, heldout: gold.Report,
                                             pages: gold.Report) -> None:
    """At least 100 laws and 60 government pages, every field stated somewhere."""
    assert laws.documents >= 100 and heldout.documents >= 60 and pages.documents >= 60
    assert all(s.stated for s in laws.scores + heldout.scores + pages.scores if s.field != "web_date")


def test_the_held_out_laws_are_not_in_the_first_set() -> None:
    first = {r["file"] for r in gold.read_gold("laws_nodes")}
    assert not first & {r["file"] for r in gold.read_gold("laws_heldout")}


def test_a_gold_row_per_file() -> None:
    for name in ("laws_nodes", "laws_heldout", "pages_nodes"):
        files = [Path(str(r["file"])).name for r in gold.read_gold(name)]
        assert len(files) == len(set(files)), name


def test_the_scorer_counts_a_wrong_value_against_precision_and_recall() -> None:
    rows = [{"file": "a", "date": "2001-01-01"}, {"file": "b", "date": "2002-02-02"}, {"file": "c", "date": None}]
    records = {"a": {"date": "2001-01-01"}, "b": {"date": "2002-03-03"}, "c": {"date": "2003-03-03"}}
    field = next(f for f in gold.LAW_FIELDS if f.name == "date")
    (s,) = gold.score([field], rows, records, lambda r: str(r["file"]))
    assert (s.stated, s.given, s.right) == (2, 3, 1)
    assert (round(s.precision, 2), s.recall) == (0.33, 0.5)


def test_the_scorer_needs_every_joint_issuer() -> None:
    field = next(f for f in gold.LAW_FIELDS if f.name == "issuer")
    rows = [{"file": "a", "issuer": "国务院、中央军事委员会"}, {"file": "b", "issuer": "国务院、中央军事委员会"}]
    records = {"a": {"issuers": ["中华人民共和国国务院", "中央军事委员会"]}, "b": {"issuers": ["国务院"]}}
    (s,) = gold.score([field], rows, records, lambda r: str(r["file"]))
    assert (s.stated, s.given, s.right) == (2, 2, 1)
