"""Validity as of a date: in force, amended, repealed, not yet in force, with evidence."""

from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path

import pytest

from policygraph.build import build
from policygraph.cli import main
from policygraph.corpus.link import link
from policygraph.corpus.validity import check_as_of

from .records import cite, record

EXAMPLES = Path(str(resources.files("policygraph.examples").joinpath("corpus")))


def _corpus() -> list:
    v1 = record("src:v1", "某省某条例", date="2001-01-01", jurisdiction="某省")
    v2 = record("src:v2", "某省某条例（2010年修正本）", date="2010-01-01", jurisdiction="某省")
    old = record("src:old", "某省旧办法", date="1999-01-01", jurisdiction="某省")
    repealer = record("src:new", "某省新办法", (cite("某省旧办法", "《某省旧办法》同时废止", relation="repeals"),),
                      date="2015-01-01", jurisdiction="某省")
    future = record("src:future", "某省将来条例", date="2018-01-01", date_in_force="2030-01-01", jurisdiction="某省")
    outside = record("src:cites", "某省另一办法", (cite("中华人民共和国某某法", relation="repeals"),),
                     date="2016-01-01", jurisdiction="某省")
    return [v1, v2, old, repealer, future, outside]


def test_validity_on_the_newest_corpus_date_by_default() -> None:
    linked = link(_corpus())
    assert linked.as_of == "2018-01-01"
    got = {k: n.validity for k, n in linked.nodes.items()}
    assert got == {"src:v1": "amended", "src:v2": "in_force", "src:old": "repealed", "src:new": "in_force",
                   "src:future": "not_yet_in_force", "src:cites": "in_force",
                   "title:中华人民共和国某某法": "repealed"}
    assert linked.nodes["src:v1"].validity_evidence == "a later version: 《某省某条例（2010年修正本）》（2010-01-01修正）"
    assert linked.nodes["src:old"].validity_evidence == "repealed by 《某省新办法》（2015-01-01）: 《某省旧办法》同时废止"


def test_validity_on_an_earlier_date() -> None:
    nodes = link(_corpus(), as_of="2005-06-30").nodes
    assert nodes["src:v1"].validity == "in_force"  # its next version came later
    assert nodes["src:old"].validity == "in_force"  # not yet repealed
    # Issued after the date asked: they did not exist yet, so they had no validity then.
    assert (nodes["src:v2"].validity, nodes["src:v2"].validity_evidence) == (
        None, "issued after 2005-06-30 (dated 2010-01-01)")
    assert nodes["src:new"].validity is None


@pytest.mark.parametrize(("as_of", "expected"), [
    ("2017-12-31", None),  # not issued yet
    ("2018-01-01", "not_yet_in_force"),  # issued that day, in force in 2030
    ("2029-12-31", "not_yet_in_force"),
    ("2030-01-01", "in_force"),
])
def test_not_yet_in_force_is_for_documents_issued_by_then(as_of: str, expected: str | None) -> None:
    assert link(_corpus(), as_of=as_of).nodes["src:future"].validity == expected


def test_a_repeal_of_a_work_repeals_its_latest_version() -> None:
    recs = [*_corpus()[:2], record("src:r", "某省废止决定", (cite("某省某条例", relation="repeals"),),
                                   jurisdiction="某省")]  # undated: names the latest version
    nodes = link(recs, as_of="2012-01-01").nodes
    assert (nodes["src:v1"].validity, nodes["src:v2"].validity) == ("amended", "repealed")
    assert nodes["src:v2"].validity_evidence == "repealed by 《某省废止决定》: 依照《某省某条例》的规定"


@pytest.mark.parametrize("bad", ["2020/01/01", "yesterday", "2020-1-01", "20200101"])
def test_a_badly_written_as_of_is_refused_with_a_message(bad: str) -> None:
    with pytest.raises(ValueError, match="is not a date written YYYY-MM-DD"):
        check_as_of(bad)


@pytest.mark.parametrize("bad", ["2020-13-01", "2023-02-30", "2023-02-29", "2021-04-31", "2020-00-10"])
def test_an_as_of_that_is_no_day_of_the_calendar_says_so(bad: str) -> None:
    with pytest.raises(ValueError, match="is not a calendar date"):
        check_as_of(bad)


def test_a_leap_day_is_a_calendar_date() -> None:
    assert check_as_of("2024-02-29") == "2024-02-29"


def test_a_text_dated_after_the_repeal_of_its_title_is_not_repealed() -> None:
    """A 2012 rule repeals the 1999 《X》; the corpus holds X's 2019 text only: the 2019 text
    was never repealed."""
    later = record("src:x2019", "某机关某规则", date="2019-12-02", jurisdiction="中华人民共和国")
    repealer = record("src:r2012", "某机关某规则（试行）", (cite("某机关某规则", relation="repeals"),), date="2012-10-16",
                      jurisdiction="中华人民共和国")
    assert link([later, repealer]).nodes["src:x2019"].validity == "in_force"


def test_an_undated_text_of_a_work_with_dated_versions_is_unknown() -> None:
    undated = record("src:u", "某省某条例", jurisdiction="某省")
    dated = record("src:d", "某省某条例", date="2024-08-22", jurisdiction="某省")
    nodes = link([undated, dated]).nodes
    assert (nodes["src:u"].validity, nodes["src:d"].validity) == (None, "in_force")
    assert nodes["src:u"].validity_evidence.startswith("an undated text of work:某省某条例")


def test_a_build_gives_validity_on_the_date_asked(tmp_path: Path) -> None:
    """The example corpus repeals 苏政发〔2015〕33号 by 苏政发〔2021〕102号 (2021-10-…): on
    2021-01-01 it was still in force; by default (the newest document date) it is repealed."""
    build(EXAMPLES, tmp_path / "now")
    build(EXAMPLES, tmp_path / "then", as_of="2021-01-01")
    now, then = (_validity(tmp_path / d / "nodes.csv") for d in ("now", "then"))
    assert now["苏政发〔2015〕33号"] == "repealed"
    assert then["苏政发〔2015〕33号"] == ""  # known by citation only: the corpus said nothing yet
    assert (now["国办发〔2021〕58号"], then["国办发〔2021〕58号"]) == ("in_force", "")  # issued later in 2021


def test_a_bad_as_of_on_the_command_line_is_one_line_not_a_traceback(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["build", str(EXAMPLES), "--out", str(tmp_path), "--as-of", "2021-02-30"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "'2021-02-30' is not a calendar date" in err and "Traceback" not in err


def _validity(nodes_csv: Path) -> dict[str, str]:
    with nodes_csv.open(encoding="utf-8") as f:
        return {row["id"]: row["validity"] for row in csv.DictReader(f)}
