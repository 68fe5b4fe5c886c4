"""Citations (which document, and the relation its sentence states) against gold made by hand
(tests/gold/edges.md, edges_heldout.md say how), scored by scripts/gold_edges.py: 82 files of
the laws and govcn corpora, used for error analysis while the relation rules were written, 37
laws held out, drawn and read after, and 42 more laws drawn after names without 《》 were read
(edges_heldout2), never used to tune. Issue 19 aims at target precision 0.97, relation
accuracy 0.95 and recall 0.97; the floors are the aims where they are met, else a little under
what was measured, so a regression fails while that work goes on."""

from __future__ import annotations

import gold_edges
import pytest

from .conftest import needs_shared


@pytest.fixture(scope="module", params=gold_edges.SETS)
def report(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> gold_edges.EdgeReport:
    return gold_edges.edges_report(gold_edges.SHARED, tmp_path_factory.mktemp("edges"), request.param)


@needs_shared
def test_citations_found_name_documents_the_gold_lists(report: gold_edges.EdgeReport) -> None:
    assert report.target_precision >= 0.97, report.false
    assert report.target_recall >= 0.90, report.misses


@needs_shared
def test_relations_as_the_sentences_state_them(report: gold_edges.EdgeReport) -> None:
    assert report.relation_accuracy >= 0.95, report.table()
    # Provision cross-references are never implementation: at most a few slips.
    slips = report.confusion["cites", "implements"] + report.confusion["cites", "based_on"]
    assert slips <= 0.2 * sum(n for (g, _f), n in report.confusion.items() if g == "cites"), report.table()


def test_the_scorer_matches_by_number_or_title_and_counts_non_documents_as_false() -> None:
    rows = [{"file": "x/a.txt", "cited": "某某条例", "number": None, "relation": "based_on"},
            {"file": "x/a.txt", "cited": "某某公报", "number": None, "relation": "not_a_document"},
            {"file": "x/a.txt", "cited": "某某通知", "number": "国发〔2001〕1号", "relation": "implements"}]
    records = {"a.txt": {"citations": [
        {"title": "某某 条例", "relation": "cites"}, {"title": "某某公报", "relation": "cites"},
        {"number": "国发〔2001〕1号", "relation": "implements"}]}}
    r = gold_edges.score(rows, records)
    assert (r.found, r.right_target, r.gold, r.found_gold, r.right_relation) == (3, 2, 2, 2, 1)
    assert r.confusion["based_on", "cites"] == 1 and len(r.false) == 1


def test_the_scorer_reads_header_history_as_amended_by_and_keeps_one_relation_per_pair() -> None:
    rows = [{"file": "x/a.txt", "cited": "关于修改部分地方性法规的决定", "number": None, "relation": "cites",
             "note": "amended by (header history, 2010)"},
            {"file": "x/a.txt", "cited": "关于修改部分地方性法规的决定", "number": None, "relation": "cites",
             "note": "amended by (header history, 2017)"},
            {"file": "x/a.txt", "cited": "刑法", "number": None, "relation": "based_on"}]
    records = {"a.txt": {
        "history": [{"kind": "amended", "date": "2010-01-01", "by": "关于修改部分地方性法规的决定"},
                    {"kind": "amended", "date": "2017-01-01", "by": "关于修改部分地方性法规的决定"},
                    {"kind": "adopted", "date": "2001-01-01", "by": None}],
        "citations": [{"title": "关于修改部分地方性法规的决定", "relation": "cites",
                       "reason": "amended by (header history): 第一次修正"},
                      {"title": "中华人民共和国刑法", "relation": "cites"},
                      {"title": "刑法", "relation": "based_on"}]}}
    r = gold_edges.score(rows, records)
    # two dated decisions are two rows; the history line's own citation is not counted again;
    # 刑法 = 中华人民共和国刑法, one pair with the stronger relation
    assert (r.found, r.right_target, r.found_gold, r.right_relation) == (4, 4, 3, 3)
    assert r.confusion["amended_by", "amended_by"] == 2 and not r.wrong
